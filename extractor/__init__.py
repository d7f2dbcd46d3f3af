"""extractor: turn raw news articles into structured, reviewable claims."""

__version__ = "0.1.0"
