"""CLI commands: review (interactive, one key per decision), export, show.

The review loop lives here because it is terminal input and output; what a key does (record,
undo, which claim comes next) is :class:`extractor.review.ReviewSession`. Each decision is
committed before the next claim is drawn, so quitting, a closed terminal or a killed process
loses nothing but the claim on screen.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

import click

from extractor.cli.ingest import open_store
from extractor.errors import InputError
from extractor.store import DEFAULT_DB, Store

EDIT_PROMPT = "edit"


def default_reviewer() -> str:
    """$EXTRACTOR_REVIEWER, else the login name: decisions always say who made them."""
    name = os.environ.get("EXTRACTOR_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "reviewer"


def _existing_store(db_path: str) -> Store:
    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database (run 'extractor ingest' first)")
    return open_store(db_path)


def _console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@click.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database.")
@click.option(
    "--reviewer", default=default_reviewer, show_default="$EXTRACTOR_REVIEWER or login name",
    help="Name recorded with each decision.",
)
@click.option("--article", "article_id", help="Only this article's claims.")
@click.option(
    "--status", type=click.Choice(["pending", "all"]), default="pending", show_default=True,
    help="pending: claims nobody has decided yet (resumes where reviewers left off); all: every claim.",
)
@click.option("--min-confidence", type=click.FloatRange(0, 1), help="Only claims at least this confident.")
@click.option(
    "--conflicts", is_flag=True, help="List claims reviewers decided differently and orphaned decisions."
)
def review(db_path, reviewer, article_id, status, min_confidence, conflicts) -> None:
    """Review claims one at a time: a accept, r reject, e edit, s skip, u undo, ? help, q quit.

    Every key press that decides is saved at once as a new row (nothing is overwritten), so two
    reviewers can work on one database and quitting loses nothing. Pending means nobody has
    decided the claim yet; a claim decided meanwhile by someone else is passed over.
    """
    with _existing_store(db_path) as store:
        if conflicts:
            _list_conflicts(store, article_id)
            return
        if article_id is not None and store.get_article(article_id) is None:
            raise click.ClickException(f"no article {article_id!r} in {db_path}")
        if not sys.stdin.isatty():
            raise click.ClickException(
                "review reads single key presses: run it in a terminal"
                " (for scripts: review --conflicts, export)"
            )
        from extractor.review import ReviewSession

        session = ReviewSession(store, reviewer, article_id, status, min_confidence)
        _review_loop(session)


def _review_loop(session) -> None:
    from extractor import render

    console = _console()
    if not session.queue:
        click.echo("No claims match this selection.")
        return
    pending, total = session.remaining(), len(session.queue)
    click.echo(f"Reviewing as {session.reviewer}: {pending} pending of {total} claims.")
    while True:
        state = session.current()
        if state is None:
            click.echo(f"Done: no more claims to review here ({session.decided} decisions this session).")
            return
        article = session.article(state.claim.article_id)
        pos, total = session.position(state)
        console.print(render.claim_view(article, state, pos, total))
        while True:
            click.echo(f"{render.KEYS_LINE} > ", nl=False)
            try:
                key = click.getchar()
            except (KeyboardInterrupt, EOFError):
                key = "q"
            key = (key or "")[:1].lower()
            click.echo(key if key.isprintable() else "")
            if key in ("a", "r", "e"):
                edited = _edit(console, state, article.text) if key == "e" else None
                if key == "e" and edited is None:
                    continue
                decision = {"a": "accept", "r": "reject", "e": "edit"}[key]
                claim = edited if key == "e" else state.effective
                if not _decide(session, state, decision, claim):
                    continue
            elif key == "s":
                session.skip(state)
                click.echo(f"skipped {state.claim_id}")
            elif key == "u":
                undone = session.undo()
                if undone is None:
                    click.echo("Nothing of yours to undo.")
                    continue
                click.secho(f"undid {undone.decision} of {undone.claim_id}", fg="cyan")
            elif key == "q":
                left = session.remaining()
                click.echo(
                    f"Saved. {session.decided} decisions this session; {left} pending in this selection."
                )
                return
            elif key == "?":
                click.echo(render.KEYS_HELP)
                continue
            else:
                click.echo("Unknown key; press ? for help.")
                continue
            break


def _decide(session, state, decision: str, claim) -> bool:
    """Record one decision; False (and a message) when it could not be saved."""
    import sqlite3

    try:
        session.decide(state, decision, claim)
    except KeyError:
        click.secho(f"{state.claim_id} is gone (its article was re-ingested): nothing recorded", fg="red")
        session.skip(state)
        return True
    except sqlite3.Error as err:
        click.secho(f"not saved ({err}); press the key again to retry", fg="red")
        return False
    from extractor.render import STATUS_STYLES
    from extractor.review import STATUS_OF

    done = STATUS_OF[decision]
    click.secho(f"{done} {state.claim_id}", fg="yellow" if done == "edited" else STATUS_STYLES[done])
    return True


def _edit(console, state, text: str):
    """Edit the shown claim field by field; None when nothing changed or the edit was cancelled."""
    from extractor import render
    from extractor.review import EDIT_HELP, EditError, apply_edit_line, claim_from_json, editable_fields

    original = state.effective
    claim = original
    draft: str | None = None
    console.print(render.fields_table(editable_fields(claim)))
    click.echo(EDIT_HELP)
    click.echo("Commands: 'fields' lists fields, 'json' edits the whole claim in $EDITOR, "
               "an empty line saves, 'cancel' drops the edit.")
    while True:
        try:
            line = click.prompt(EDIT_PROMPT, default="", show_default=False, prompt_suffix="> ")
        except click.Abort:
            click.echo("\nEdit cancelled.")
            return None
        cmd = line.strip()
        if cmd == "":
            if claim.model_dump(mode="json") == original.model_dump(mode="json"):
                click.echo("No change: nothing recorded.")
                return None
            return claim
        if cmd.lower() == "cancel":
            click.echo("Edit cancelled.")
            return None
        if cmd.lower() in ("fields", "show", "?"):
            console.print(render.fields_table(editable_fields(claim)))
            continue
        if cmd.lower() == "json":
            import json

            source = draft or json.dumps(claim.model_dump(mode="json"), ensure_ascii=False, indent=2)
            edited = click.edit(source, extension=".json", require_save=False)
            if edited is None:
                continue
            try:
                claim = claim_from_json(edited, text, original)
                draft = None
                click.echo("ok (whole claim)")
            except EditError as err:
                draft = edited  # the reviewer's text is kept for the next 'json'
                click.secho(f"invalid: {err}; try again ('json' reopens your text)", fg="red")
            continue
        try:
            claim = apply_edit_line(claim, text, line)
        except EditError as err:
            click.secho(f"invalid: {err}; try again", fg="red")
            continue
        click.echo("ok")


def _list_conflicts(store: Store, article_id: str | None) -> None:
    from extractor.review import conflicts

    found = conflicts(store, article_id)
    for c in found:
        who = ", ".join(
            f"{d.reviewer} {d.decision}{' (edited values)' if d.claim is not None else ''}"
            f" at {d.created_at[:19]}"
            for d in c.decisions
        )
        click.echo(f"conflict {c.state.claim_id}: {who}")
    orphans = [d for d in store.orphaned_decisions() if article_id is None or d.article_id == article_id]
    for d in orphans:
        undo = f" of #{d.undoes}" if d.undoes is not None else ""
        click.echo(
            f"orphaned #{d.id} {d.claim_id}: {d.reviewer} {d.decision}{undo} at {d.created_at[:19]}"
            " (the claim is gone after re-ingest)"
        )
    click.echo(f"{len(found)} conflicts, {len(orphans)} orphaned decisions", err=True)


@click.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database.")
@click.option(
    "--status", type=click.Choice(["accepted", "rejected", "edited", "pending", "reviewed", "all"]),
    default="accepted", show_default=True,
    help="accepted: kept claims (accepted or edited); edited: only edited; reviewed: any decision.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "prodigy", "brat", "annotations"]), default="jsonl",
    show_default=True,
    help="jsonl: claim records; prodigy: tasks with spans and answer; brat: .txt/.ann per article; "
    "annotations: <article_id>.json hand-annotation files for scoring.",
)
@click.option("-o", "--output", help="File for jsonl/prodigy (default stdout); folder for brat/annotations.")
@click.option("--article", "article_id", help="Only this article's claims.")
@click.option("--force", is_flag=True, help="Let --format annotations replace existing annotation files.")
def export(db_path, status, fmt, output, article_id, force) -> None:
    """Write reviewed claims, edited values replacing extracted ones."""
    from extractor.review import ExportError
    from extractor.review import export as run_export

    if fmt in ("brat", "annotations"):
        out = Path(output or ("annotations" if fmt == "annotations" else "brat"))
    elif output in (None, "-"):
        out = sys.stdout
    else:
        out = Path(output)
    with _existing_store(db_path) as store:
        try:
            result = run_export(store, fmt, status, out, article_id, force)
        except (ExportError, InputError, OSError) as err:
            raise click.ClickException(str(err)) from None
    where = f" -> {out}" if isinstance(out, Path) else ""
    click.echo(f"{result.claims} claims exported as {fmt}{where}", err=True)
    if fmt == "annotations":
        for aid, n in sorted(result.pending_in.items()):
            click.echo(
                f"warning: {aid}: {n} claims still pending; its annotation file is incomplete", err=True
            )


@click.command()
@click.argument("article_id")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database.")
@click.option("-o", "--output", help="HTML file to write (default: <article_id>.html; '-' for stdout).")
def show(article_id, db_path, output) -> None:
    """Write one self-contained HTML page of an article with its claims highlighted."""
    from extractor.render import article_html
    from extractor.review import claim_states

    with _existing_store(db_path) as store:
        article = store.get_article(article_id)
        if article is None:
            raise click.ClickException(f"no article {article_id!r} in {db_path}")
        page = article_html(article, claim_states(store, article_id))
    if output == "-":
        click.echo(page, nl=False)
        return
    path = Path(output or f"{article_id}.html")
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as err:
        raise click.ClickException(f"{path}: {err.strerror}") from None
    click.echo(f"wrote {path}", err=True)


COMMANDS = [review, export, show]
