"""The command line: a click group whose commands each parse options and call one library function."""

from __future__ import annotations

import click

from extractor import __version__
from extractor.cli import ingest as _ingest
from extractor.cli import review as _review
from extractor.cli import score as _score


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="extractor")
def main() -> None:
    """Turn raw news articles into structured, reviewable claims."""


for _module in (_ingest, _score, _review):
    for _command in _module.COMMANDS:
        main.add_command(_command)
