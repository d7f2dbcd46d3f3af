"""CLI commands: ingest, claims."""

from __future__ import annotations

import datetime as dt
import json
import sys
from contextlib import ExitStack
from pathlib import Path

import click

from extractor import DEFAULT_MODEL
from extractor.errors import InputError, ModelError
from extractor.store import DEFAULT_DB, SchemaError, Store

PROGRESS_MIN = 5


def parse_published(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def open_store(path: str) -> Store:
    try:
        return Store(path)
    except (SchemaError, OSError) as err:
        raise click.ClickException(str(err)) from None
    except Exception as err:  # sqlite3.DatabaseError: not a database
        raise click.ClickException(f"{path}: cannot open as an extractor database ({err})") from None


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to store claims in.")
@click.option("--no-db", is_flag=True, help="Do not store anything (with --jsonl).")
@click.option("--jsonl", "jsonl_path", help="Also write the claims as JSON Lines to this file ('-' for stdout).")
@click.option("--published", callback=parse_published, help="Publication date (YYYY-MM-DD) for inputs without one.")
@click.option("--id", "stdin_id", help="Article id for text read from stdin ('-').")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy model to use.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Processes to use.")
@click.option("--max-bytes", default=2_000_000, show_default=True, type=click.IntRange(1), help="Largest article.")
def ingest(inputs, db_path, no_db, jsonl_path, published, stdin_id, model, workers, max_bytes) -> None:
    """Extract claims from articles: .txt files, folders, JSON Lines ({"id","text","published"}) or '-' (stdin).

    Claims go to the SQLite database (--db) and, with --jsonl, to a JSON Lines file. A bad input is
    reported on one line and skipped; the exit status is 1 if any input failed.
    """
    from extractor.pipeline import ingest as run_ingest
    from extractor.reading import expand, read_inputs

    paths = [p for p in expand(inputs)]
    files = sum(1 for p in paths if not isinstance(p, InputError))
    err = sys.stderr

    def on_error(error: InputError) -> None:
        click.echo(f"error: {error}", err=True)

    with ExitStack() as stack:
        store = None if no_db else stack.enter_context(open_store(db_path))
        out = None
        if jsonl_path == "-":
            out = sys.stdout
        elif jsonl_path:
            out = stack.enter_context(open(jsonl_path, "w", encoding="utf-8"))
        progress = None
        if files >= PROGRESS_MIN and err.isatty():
            from rich.progress import Progress

            progress = stack.enter_context(Progress(transient=True, console=_stderr_console()))
            known = all(isinstance(p, InputError) or str(p).endswith(".txt") for p in paths)  # JSONL: count unknown
            task = progress.add_task("ingesting", total=files if known else None)

        def on_result(result) -> None:
            if out is not None:
                for claim in result.claims:
                    out.write(json.dumps(claim.model_dump(mode="json"), ensure_ascii=False) + "\n")
            if progress is not None:
                progress.advance(task)

        items = read_inputs(inputs, published=published, stdin=sys.stdin.buffer if "-" in inputs else None,
                            stdin_id=stdin_id, max_bytes=max_bytes)
        try:
            summary = run_ingest(items, store=store, model=model, workers=workers, on_result=on_result,
                                 on_error=on_error)
        except ModelError as error:
            raise click.ClickException(str(error)) from None
    where = "" if store is None else f" -> {db_path}"
    click.echo(summary.line() + where, err=True)
    if summary.failed:
        sys.exit(1)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@click.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database.")
@click.option("--article", "article_id", help="Only this article's claims.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def claims(db_path, article_id, fmt) -> None:
    """List stored claims."""
    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database (run 'extractor ingest' first)")
    with open_store(db_path) as store:
        items = list(store.iter_claims(article_id))
    if fmt == "jsonl":
        for claim in items:
            click.echo(json.dumps(claim.model_dump(mode="json"), ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("article", "speaker", "cue", "content", "contact", "date", "conf"):
        table.add_column(col, overflow="fold")
    for c in items:
        contact = ""
        if c.contact is not None:
            names = lambda ps: ", ".join(p.name for p in ps) or "?"  # noqa: E731
            contact = (f"{names(c.contact.initiator)} -> {names(c.contact.counterpart)}"
                       f" ({c.contact.channel}, {c.contact.status})")
        date = ""
        if c.date is not None:
            date = f"{c.date.text} = {c.date.value or '?'}" + (f"..{c.date.end_value}" if c.date.end_value else "")
        table.add_row(
            c.article_id, c.speaker.name if c.speaker else "", c.cue.text if c.cue else "",
            (c.content.text[:120] if c.content else ""), contact, date, f"{c.confidence or 0:.2f}",
        )
    Console().print(table)
    click.echo(f"{len(items)} claims", err=True)


COMMANDS = [ingest, claims]
