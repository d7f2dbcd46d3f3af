"""Annotation loading and checking, and the CLI commands around them (score, annotations check)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from extractor.annotations import check_annotations, load_annotation, load_annotations
from extractor.errors import InputError

# A leading BOM: offsets count it, so nothing may strip it.
TEXT = "\ufeffKirby said on Friday that Austin called Shoigu.\r\nNo more.\n"


def span(sub: str) -> dict:
    start = TEXT.index(sub)
    return {"text": sub, "start": start, "end": start + len(sub)}


def claim(**over: object) -> dict:
    c = {
        "article_id": "art",
        "sentence": span("Kirby said on Friday that Austin called Shoigu."),
        "speaker": {"name": "John Kirby", "mention": span("Kirby"), "kind": "government"},
        "cue": span("said"),
        "content": span("Austin called Shoigu"),
        "date": {**span("Friday"), "value": "2022-05-13", "resolved": True},
        "contact": {
            "initiator": [{"name": "Lloyd Austin", "mention": span("Austin")}],
            "counterpart": [{"name": "Sergei Shoigu", "mention": span("Shoigu")}],
            "channel": "phone",
            "status": "held",
            "cue": span("called"),
        },
    }
    c.update(over)
    return c


def setup(tmp_path: Path, claims: list[dict] | None = None, raw: str | None = None) -> tuple[Path, Path]:
    ann, corpus = tmp_path / "annotations", tmp_path / "corpus"
    ann.mkdir(parents=True)
    corpus.mkdir(parents=True)
    with open(corpus / "art.txt", "w", encoding="utf-8", newline="") as f:
        f.write(TEXT)
    body = {
        "article_id": "art",
        "published": "2022-05-14",
        "claims": claims if claims is not None else [claim()],
    }
    (ann / "art.json").write_text(raw if raw is not None else json.dumps(body), encoding="utf-8")
    (corpus / "README.md").write_text("not an article", encoding="utf-8")
    return ann, corpus


def test_valid_annotations_pass(tmp_path: Path) -> None:
    ann, corpus = setup(tmp_path)
    problems = check_annotations(ann, corpus)
    assert problems == []
    assert (problems.files, problems.claims, problems.articles) == (1, 1, 1)
    assert problems.spans == 8
    loaded = load_annotations(ann)
    assert loaded["art"].claims[0].cue is not None and loaded["art"].claims[0].cue.start == TEXT.index("said")


def test_span_text_mismatch_is_reported(tmp_path: Path) -> None:
    bad = claim(cue={"text": "said", "start": 0, "end": 4})  # offsets that ignore the BOM
    ann, corpus = setup(tmp_path, [bad])
    problems = check_annotations(ann, corpus)
    assert len(problems) == 1
    assert "claims[0]: cue: text 'said' != article[0:4]" in problems[0]


def test_span_beyond_end_and_bad_enum(tmp_path: Path) -> None:
    c1 = claim(content={"text": "x", "start": 500, "end": 501})
    c2 = claim()
    c2["contact"]["status"] = "done"
    ann, corpus = setup(tmp_path, [c1, c2])
    problems = check_annotations(ann, corpus)
    assert len(problems) == 1  # pydantic stops the file: the span check needs a valid file
    assert "claims.1.contact.status" in problems[0] and "'done'" in problems[0]
    ann2, corpus2 = setup(tmp_path / "b", [c1])
    assert any("beyond the article's end" in p for p in check_annotations(ann2, corpus2))


def test_invalid_json_and_missing_article(tmp_path: Path) -> None:
    ann, corpus = setup(tmp_path, raw="{not json")
    problems = check_annotations(ann, corpus)
    assert len(problems) == 1 and "invalid JSON" in problems[0]
    (ann / "gone.json").write_text(json.dumps({"article_id": "gone", "claims": []}), encoding="utf-8")
    problems = check_annotations(ann, corpus)
    assert any("gone.txt not found" in p for p in problems)


def test_unannotated_article_and_misc(tmp_path: Path) -> None:
    other = claim(article_id="other", cue=None)
    ann, corpus = setup(tmp_path, [claim(), claim(), other])
    (corpus / "lonely.txt").write_text("Nobody annotated me.", encoding="utf-8")
    problems = check_annotations(ann, corpus)
    assert any("lonely.txt: corpus article has no annotation" in p for p in problems)
    assert any("claims[1]: duplicate of claims[0]" in p for p in problems)
    assert any("claims[2]: article_id 'other'" in p for p in problems)
    assert len(problems) == 3


def test_load_annotation_raises_input_error(tmp_path: Path) -> None:
    ann, _ = setup(tmp_path, raw='{"article_id": "art", "claims": [{"article_id": "art"}]}')
    with pytest.raises(InputError, match="sentence"):
        load_annotation(ann / "art.json")


# --------------------------------------------------------------------------- CLI


def cli() -> click.Group:
    """The score module's commands in a group (loaded by path: the package CLI may be mid-change)."""
    path = Path(__file__).resolve().parents[1] / "extractor" / "cli" / "score.py"
    spec = importlib.util.spec_from_file_location("_score_cli", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    group = click.Group("extractor")
    for command in mod.COMMANDS:
        group.add_command(command)
    return group


def test_cli_annotations_check(tmp_path: Path) -> None:
    ann, corpus = setup(tmp_path)
    res = CliRunner().invoke(cli(), ["annotations", "check", "--annotations", str(ann), "--corpus", str(corpus)])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("OK: 1 annotation files, 1 claims, 8 spans")
    (corpus / "lonely.txt").write_text("x", encoding="utf-8")
    res = CliRunner().invoke(cli(), ["annotations", "check", "--annotations", str(ann), "--corpus", str(corpus)])
    assert res.exit_code == 1 and "lonely.txt" in res.output


def test_cli_score_with_pred(tmp_path: Path) -> None:
    ann, corpus = setup(tmp_path)
    wrong = claim()
    wrong["contact"]["status"] = "refused"
    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        json.dumps(claim()) + "\n" + json.dumps({**claim(), "article_id": "elsewhere"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.json"
    args = ["score", "--annotations", str(ann), "--corpus", str(corpus), "--pred", str(pred)]
    res = CliRunner().invoke(cli(), args + ["--output", str(out), "--per-article"])
    assert res.exit_code == 0, res.output
    assert "Results (strict)" in res.output and "relation" in res.output
    metrics = json.loads(out.read_text(encoding="utf-8"))
    assert metrics["claims"]["F1"] == 1.0 and metrics["all_fields_correct"]["share"] == 1.0
    assert metrics["attribution"]["relation"]["F1"] == 1.0
    assert set(metrics["per_article"]) == {"art"}
    pred.write_text(json.dumps(wrong) + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli(), args + ["--mode", "overlap", "--output", str(out)])
    metrics = json.loads(out.read_text(encoding="utf-8"))
    assert metrics["roles"]["contact_status"]["fp"] == 1 and metrics["all_fields_correct"]["share"] == 0.0
    res = CliRunner().invoke(cli(), ["score", "--annotations", str(ann), "--pred", str(tmp_path / "nope.jsonl")])
    assert res.exit_code != 0
    assert "--mode" in CliRunner().invoke(cli(), ["score", "--help"]).output
    assert "nervaluate" in CliRunner().invoke(cli(), ["score", "--help"]).output


def test_cli_score_gold_brat_with_attrib_pred(tmp_path: Path) -> None:
    (tmp_path / "ann").mkdir()
    (tmp_path / "txt").mkdir()
    text = "Kirby said it was fine."
    (tmp_path / "txt" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "ann" / "a_1f2e.ann").write_text(
        "T1\tSource 0 5\tKirby\nT2\tCue 6 10\tsaid\nT3\tContent 11 22\tit was fine\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    pred = tmp_path / "p.jsonl"
    pred.write_text(
        json.dumps({"id": "a", "attributions": [{"source": [[0, 5]], "cue": [[6, 10]], "content": [[11, 17]]}]}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.json"
    res = CliRunner().invoke(
        cli(),
        [
            "score",
            "--gold-brat",
            str(tmp_path / "ann"),
            "--texts",
            str(tmp_path / "txt"),
            "--pred",
            str(pred),
            "--output",
            str(out),
        ],
    )
    assert res.exit_code == 0, res.output
    m = json.loads(out.read_text(encoding="utf-8"))["attribution"]
    assert m["relation"]["F1"] == 1.0 and m["content/exact"]["tp"] == 0 and m["content/token"]["tp"] == 2
    res = CliRunner().invoke(cli(), ["score", "--gold-brat", str(tmp_path / "ann")])
    assert res.exit_code != 0 and "--texts" in res.output


def test_main_cli_registers_commands() -> None:
    try:
        from extractor.cli import main
    except ImportError as exc:  # another module of the CLI is not there yet
        pytest.skip(f"extractor.cli not importable: {exc}")
    assert "score" in main.commands and "annotations" in main.commands


def test_cli_score_with_db(tmp_path: Path) -> None:
    try:
        from extractor.store import Store
    except ImportError as exc:
        pytest.skip(f"extractor.store not importable: {exc}")
    from extractor.models import Claim

    ann, corpus = setup(tmp_path)
    db = tmp_path / "claims.db"
    store = Store(db)
    store.save_article("art", TEXT, None, [], [Claim.model_validate(claim()).with_id()])
    store.save_article("unrelated", "Other text.", None, [], [])
    store.close()
    out = tmp_path / "m.json"
    args = ["score", "--annotations", str(ann), "--corpus", str(corpus), "--db", str(db), "--output", str(out)]
    res = CliRunner().invoke(cli(), args)
    assert res.exit_code == 0, res.output
    metrics = json.loads(out.read_text(encoding="utf-8"))
    assert metrics["claims"]["F1"] == 1.0 and metrics["warnings"] == []
    store = Store(db)
    store.save_article("art", TEXT.lstrip("\ufeff"), None, [], [])  # the BOM stripped: offsets shift
    store.close()
    res = CliRunner().invoke(cli(), args)
    assert "warning: art: the text stored" in res.output
    assert json.loads(out.read_text(encoding="utf-8"))["claims"]["n_pred"] == 0
