"""CLI commands: review."""

COMMANDS: list = []
