"""CLI commands: ``score`` and ``annotations check``. Thin: parse options, call the library, print."""

from __future__ import annotations

import json
from pathlib import Path

import click

from extractor.errors import InputError

_MODES_HELP = (
    "strict: exact spans after trimming whitespace/punctuation (nervaluate 'strict', citron 'exact'), "
    "equal date values, statuses and names. overlap: spans sharing a token (nervaluate 'partial', "
    "citron 'overlap', counted as a whole hit), fuzzy names (rapidfuzz token_sort_ratio >= 85 or "
    "containment), overlapping date intervals."
)


annotations_option = click.option(
    "--annotations",
    "annotations_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Hand annotations directory (default: the repo's annotations/).",
)
corpus_option = click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Article texts for the annotations (default: the repo's corpus/).",
)


def _default(name: str) -> Path:
    from extractor.annotations import default_dir

    return default_dir(name)


@click.command("score")
@annotations_option
@corpus_option
@click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), help="Score claims stored in this SQLite DB."
)
@click.option(
    "--pred",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Score this JSONL: claims as `extractor ingest` emits them, or attribution records.",
)
@click.option(
    "--mode", type=click.Choice(["strict", "overlap"]), default="strict", show_default=True, help=_MODES_HELP
)
@click.option(
    "--gold-brat",
    type=click.Path(file_okay=False, path_type=Path),
    help="Score against brat .ann files here (e.g. PolNeAR) with attrib_score.py's metrics; "
    "needs --texts. --mode does not apply.",
)
@click.option(
    "--texts",
    "texts_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Article texts (<id>.txt) for --gold-brat.",
)
@click.option("--model", default=None, help="spaCy model for the extractor when it runs here.")
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write all metrics as JSON here."
)
@click.option("--per-article", is_flag=True, help="Also one row per article.")
def score(
    annotations_dir: Path | None,
    corpus_dir: Path | None,
    db: Path | None,
    pred: Path | None,
    mode: str,
    gold_brat: Path | None,
    texts_dir: Path | None,
    model: str | None,
    output: Path | None,
    per_article: bool,
) -> None:
    """Score predicted claims against gold, per role, with P/R/F1.

    Gold is the hand annotations (annotations/<id>.json) or, with --gold-brat/--texts, brat
    files. Predictions come from --pred, --db, or else from running the extractor on the gold
    articles (with each annotation's published date).

    Claims are paired one-to-one per article: evidence sentences must overlap; pairs are taken
    greedily by cue overlap, then content, then sentence overlap, then text order. Per role a
    matched pair that agrees is a TP; a prediction's role that disagrees or is absent from gold is
    an FP; a gold role missed or disagreed with is an FN; unmatched claims count all their roles.
    The attribution section repeats attrib_score.py's metrics on the same data.
    """
    from extractor import scoring

    try:
        if gold_brat is not None or texts_dir is not None:
            if gold_brat is None or texts_dir is None:
                raise click.UsageError("--gold-brat and --texts go together")
            result = scoring.evaluate_brat(
                gold_brat, texts_dir, db=db, pred=pred, per_article=per_article, model=model
            )
        else:
            result = scoring.evaluate_annotations(
                annotations_dir or _default("annotations"),
                corpus_dir or _default("corpus"),
                db=db,
                pred=pred,
                mode=mode,
                per_article=per_article,
                model=model,
            )  # type: ignore[arg-type]
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    except ImportError as exc:
        raise click.ClickException(f"cannot produce predictions here: {exc}") from exc
    click.echo(scoring.format_report(result, per_article))
    if output is not None:
        output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        click.echo(f"\nmetrics written to {output}")


@click.group("annotations")
def annotations() -> None:
    """Work with the hand annotations (annotations/<article_id>.json)."""


@annotations.command("check")
@annotations_option
@corpus_option
def check(annotations_dir: Path | None, corpus_dir: Path | None) -> None:
    """Check annotations against the spec and the corpus: one problem per line, exit 1 if any."""
    from extractor.annotations import check_annotations

    problems = check_annotations(annotations_dir or _default("annotations"), corpus_dir or _default("corpus"))
    for line in problems:
        click.echo(line)
    if problems:
        click.echo(f"{len(problems)} problem(s)", err=True)
        raise SystemExit(1)
    click.echo(
        f"OK: {problems.files} annotation files, {problems.claims} claims, {problems.spans} spans "
        f"match the text; {problems.articles} corpus articles all annotated"
    )


COMMANDS = [score, annotations]
