import datetime as dt
import io
import json

from extractor.errors import InputError
from extractor.reading import read_inputs


def read(paths, **kw):
    items = list(read_inputs([str(p) for p in paths], **kw))
    return [i for i in items if not isinstance(i, InputError)], [str(i) for i in items if isinstance(i, InputError)]


def test_bad_inputs_each_get_one_line_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Officials said the talks would resume.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owner said no.".encode("latin-1"))
    (tmp_path / "huge.txt").write_text("word " * 1000, encoding="utf-8")
    lines = [json.dumps({"id": "a", "text": "A said B.", "published": "2020-01-02"}), "{not json", "",
             json.dumps({"id": "c", "text": ""}), json.dumps({"id": "d", "text": "D said E.", "published": "May"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = read(
        [tmp_path / "batch.jsonl", tmp_path / "binary.txt", tmp_path / "empty.txt", good,
         tmp_path / "huge.txt", tmp_path / "latin1.txt", tmp_path / "missing.txt"],
        max_bytes=4000,
    )
    assert [a.id for a in articles] == ["a", "good"]
    assert articles[0].published == dt.date(2020, 1, 2)
    assert len(errors) == 8
    joined = "\n".join(errors)
    for expected in ("batch.jsonl:2: malformed JSON line", 'batch.jsonl:4: no "text"', "batch.jsonl:5: published date",
                     "binary.txt: binary file", "empty.txt: empty article", "huge.txt: too large",
                     "latin1.txt: not valid UTF-8", "missing.txt: no such file or folder"):
        assert expected in joined
    assert all("\n" not in e for e in errors)


def test_folder_is_read_recursively_and_bom_is_tolerated(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_bytes("\ufeffMonday, January 7, 2019\n\nShe said yes.".encode())
    (tmp_path / "a.txt").write_text("He said no.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    articles, errors = read([tmp_path])
    assert errors == []
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[1].text.startswith("Monday") and articles[1].published == dt.date(2019, 1, 7)


def test_published_priority_record_then_option_then_dateline(tmp_path):
    (tmp_path / "x.jsonl").write_text(
        json.dumps({"id": "r", "text": "Tuesday, March 3, 2020\n\nHe said so.", "published": "2020-03-04"}) + "\n"
        + json.dumps({"id": "s", "text": "Tuesday, March 3, 2020\n\nHe said so."}) + "\n", encoding="utf-8")
    articles, _ = read([tmp_path / "x.jsonl"])
    assert [(a.published, a.published_from) for a in articles] == [
        (dt.date(2020, 3, 4), "input"), (dt.date(2020, 3, 3), "dateline")]
    articles, _ = read([tmp_path / "x.jsonl"], published=dt.date(2021, 1, 1))
    assert [a.published for a in articles] == [dt.date(2020, 3, 4), dt.date(2021, 1, 1)]


def test_stdin_text_and_jsonl():
    articles, _ = read(["-"], stdin=io.BytesIO(b"Kirby said the call lasted an hour."), stdin_id="kirby")
    assert [(a.id, a.source) for a in articles] == [("kirby", "<stdin>")]
    articles, _ = read(["-"], stdin=io.BytesIO(b'{"id": "j1", "text": "X said Y."}\n'))
    assert [a.id for a in articles] == ["j1"]
