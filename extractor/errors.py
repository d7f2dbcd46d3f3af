"""Errors the library raises for bad input; the CLI turns them into one-line messages."""


class InputError(Exception):
    """An input that cannot be read as an article: names the input and says why."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(Exception):
    """The named spaCy model is not installed."""
