"""The command line end to end through click's runner."""

import json

from click.testing import CliRunner
from conftest import CORPUS, SEED_CALL, SEED_DUP

from extractor.cli import main


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_ingest_corpus_then_list_claims(tmp_path):
    db = str(tmp_path / "c.db")
    result = run("ingest", str(CORPUS), "--db", db)
    assert result.exit_code == 0, result.output
    articles = len(list(CORPUS.glob("*.txt")))
    assert f"{articles} articles, 6 paragraphs dropped" in result.stderr  # the seed's repeated body
    listed = run("claims", "--db", db, "--article", SEED_DUP, "--format", "jsonl")
    claims = [json.loads(line) for line in listed.stdout.splitlines()]
    assert any(c["speaker"] and c["speaker"]["name"] == "John Kirby" for c in claims)
    again = run("ingest", str(CORPUS / f"{SEED_DUP}.txt"), "--db", db)
    assert again.exit_code == 0
    relisted = run("claims", "--db", db, "--article", SEED_DUP, "--format", "jsonl")
    assert relisted.stdout == listed.stdout  # idempotent: same claims, same ids, no duplicates
    table = run("claims", "--db", db, "--article", SEED_CALL)
    assert "Patrushev" in table.stdout


def test_jsonl_to_stdout_with_published_option(tmp_path):
    result = run("ingest", str(CORPUS / f"{SEED_CALL}.txt"), "--published", "2022-05-13", "--jsonl", "-", "--no-db")
    assert result.exit_code == 0
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    dates = {c["date"]["text"]: c["date"]["value"] for c in claims if c["date"]}
    assert dates["May 13"] == "2022-05-13"
    assert all(c["article_id"] == SEED_CALL for c in claims)


def test_stdin_with_id(tmp_path):
    text = "Pentagon spokesman John Kirby said on Friday that the two ministers spoke for an hour."
    result = run("ingest", "-", "--id", "kirby", "--jsonl", "-", "--no-db", "--published", "2022-05-14", input=text)
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert claims[0]["article_id"] == "kirby"
    assert claims[0]["speaker"]["name"] == "John Kirby"
    assert claims[0]["date"]["value"] == "2022-05-13"


def test_bad_inputs_exit_1_and_the_rest_is_processed(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "ok", "text": "She said yes."}\n{oops\n', encoding="utf-8")
    db = str(tmp_path / "c.db")
    result = run("ingest", str(tmp_path / "bad.jsonl"), str(tmp_path / "nope.txt"), "--db", db)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {tmp_path / 'bad.jsonl'}:2: malformed JSON line (Expecting property name enclosed"
        " in double quotes at column 2)",
        f"error: {tmp_path / 'nope.txt'}: no such file or folder",
    ]
    assert "Traceback" not in result.output
    assert "1 articles" in result.stderr


def test_usage_errors_exit_2():
    assert run("ingest").exit_code == 2
    assert run("ingest", "x.txt", "--published", "May 5").exit_code == 2


def test_unknown_model_is_one_line(tmp_path):
    result = run("ingest", str(CORPUS / f"{SEED_CALL}.txt"), "--no-db", "--model", "no_such_model_xyz")
    assert result.exit_code == 1
    assert "no_such_model_xyz" in result.output and "Traceback" not in result.output


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "extractor", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "extractor" in out.stdout
