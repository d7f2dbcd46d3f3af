"""Formats: brat in and out (PolNeAR conventions), Prodigy JSONL, attribution JSONL, claim JSONL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import formats
from extractor.errors import InputError
from extractor.models import Attribution, Claim, Contact, DateRef, Party, Span

REPO = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("EXTRACTOR_POLNEAR") or REPO / ".." / "shared" / "data" / "polnear")
CONVERT = REPO / ".." / "shared" / "tools" / "polnear_convert.py"

# A made-up article in PolNeAR's shape (never PolNeAR text: it has no licence).
TEXT = (
    "Mayor Ana Diaz said on Monday that the bridge\nwould reopen. "
    "“It is safe,” she added, “and it is open.” "
    "Critics: nonsense."
)


def pos(sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return start, start + len(sub)


def t_line(tid: str, typ: str, *subs: tuple[int, int]) -> str:
    frags = ";".join(f"{s} {e}" for s, e in subs)
    return f"{tid}\t{typ} {frags}\t" + " ".join(TEXT[s:e] for s, e in subs)


def sample_ann() -> str:
    c1 = pos("that the bridge\nwould reopen")
    q1, q2 = pos("“It is safe,”"), pos("“and it is open.”")
    lines = [
        t_line("T1", "Source", pos("Mayor Ana Diaz")),
        t_line("T2", "Cue", pos("said")),
        t_line("T3", "Content", c1),  # its text holds a newline: continues on the next line
        t_line("T4", "Attribution", pos("said")),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "#1\tAnnotatorNotes T3\tcheck this one",
        t_line("T5", "Source", pos("she")),
        t_line("T6", "Cue", pos("added")),
        t_line("T7", "Content", q1, q2),  # discontinuous
        t_line("T8", "Attribution", pos("added")),
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        t_line("T9", "Cue", pos(":")),  # punctuation-only cue, no source, Content2
        t_line("T10", "Content", pos("nonsense")),
        t_line("T11", "Content2", pos("Critics")),
        t_line("T12", "Attribution-no-source", pos(":")),
        "E3\tAttribution-no-source:T12 Cue:T9 Content:T10 Content2:T11",
        t_line("T13", "Source", pos("Critics")),
        t_line("T14", "Attribution", pos("Critics")),
        "E4\tAttribution:T14 Source:T13",  # an empty stub: no cue, no content -> dropped
        t_line("T15", "Discuss", pos("bridge")),
    ]
    return "\n".join(lines) + "\n"


def test_parse_ann_follows_polnear_convert() -> None:
    doc = formats.parse_ann(sample_ann())
    assert doc.spans["T3"].text == TEXT[slice(*pos("that the bridge\nwould reopen"))]
    assert doc.spans["T7"].frags == [list(pos("“It is safe,”")), list(pos("“and it is open.”"))]
    atts = formats.brat_attributions(doc)
    assert len(atts) == 3
    assert atts[0] == {
        "source": [list(pos("Mayor Ana Diaz"))],
        "cue": [list(pos("said"))],
        "content": [list(pos("that the bridge\nwould reopen"))],
    }
    assert atts[2] == {
        "source": [],
        "cue": [list(pos(":"))],
        "content": sorted([list(pos("nonsense")), list(pos("Critics"))]),
    }


def test_brat_to_claims() -> None:
    claims = formats.brat_to_claims("art", TEXT, formats.parse_ann(sample_ann()))
    assert len(claims) == 3
    first, second, third = claims
    assert first.speaker is not None and first.speaker.name == "Mayor Ana Diaz"
    assert first.sentence.text == "Mayor Ana Diaz said on Monday that the bridge\nwould reopen."
    assert second.content is not None and second.content.model_extra["fragments"] == [
        list(pos("“It is safe,”")),
        list(pos("“and it is open.”")),
    ]
    assert second.content.text == TEXT[pos("“It is safe,”")[0] : pos("“and it is open.”")[1]]
    assert third.speaker is None and third.cue is not None and third.cue.text == ":"
    for c in claims:
        for _, span in c.spans():
            assert span.matches(TEXT)
    rec = formats.claims_to_attrib_record("art", claims)
    assert rec["attributions"] == formats.brat_attributions(formats.parse_ann(sample_ann()))


def test_brat_roundtrip_and_directory(tmp_path: Path) -> None:
    claims = formats.brat_to_claims("art", TEXT, formats.parse_ann(sample_ann()))
    written = formats.claims_to_ann(TEXT, claims)
    again = formats.brat_to_claims("art", TEXT, formats.parse_ann(written))
    assert [c.model_dump() for c in again] == [c.model_dump() for c in claims]
    # A directory with PolNeAR names: <article>_<annotator>.ann, first by sorted name wins.
    (tmp_path / "ann").mkdir()
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "art.txt").write_text(TEXT, encoding="utf-8", newline="")
    (tmp_path / "ann" / "art_00aa.ann").write_text(written, encoding="utf-8", newline="")
    (tmp_path / "ann" / "art_ffff.ann").write_text("", encoding="utf-8")
    gold = formats.load_brat_attributions(tmp_path / "ann", tmp_path / "txt")
    assert list(gold) == ["art"] and len(gold["art"]["attributions"]) == 3
    assert gold["art"]["text"] == TEXT


def test_brat_extended_roles_roundtrip() -> None:
    text = "Ana Diaz said on Monday she phoned Bo Li."
    claim = Claim(
        article_id="x",
        sentence=Span.of(text, 0, len(text)),
        speaker=Party(name="Ana Diaz", mention=Span.of(text, 0, 8)),
        cue=Span.of(text, 9, 13),
        content=Span.of(text, 24, 40),
        date=DateRef(text="Monday", start=17, end=23),
        contact=Contact(
            initiator=[Party(name="she", mention=Span.of(text, 24, 27))],
            counterpart=[Party(name="Bo Li", mention=Span.of(text, 35, 40))],
            cue=Span.of(text, 28, 34),
        ),
    )
    plain = formats.brat_to_claims("x", text, formats.parse_ann(formats.claims_to_ann(text, [claim])))
    assert plain[0].date is None and plain[0].contact is None
    back = formats.brat_to_claims(
        "x", text, formats.parse_ann(formats.claims_to_ann(text, [claim], extended=True))
    )[0]
    assert back.date is not None and (back.date.start, back.date.end) == (17, 23)
    assert back.contact is not None and [p.name for p in back.contact.counterpart] == ["Bo Li"]
    assert back.contact.cue is not None and back.contact.cue.text == "phoned"


def full_claim() -> tuple[str, Claim]:
    text = "Intro. Kirby said, citing U.S. media, that Austin called Shoigu on May 13. End."
    s = text.index("Kirby")
    e = text.index("End.") - 1
    claim = Claim(
        article_id="k",
        claim_id="k:1",
        sentence=Span.of(text, s, e),
        speaker=Party(name="John Kirby", mention=Span.of(text, s, s + 5), kind="government"),
        cue=Span.of(text, s + 6, s + 10),
        content=Span.of(text, text.index("Austin"), text.index(" on May")),
        attribution=Attribution(
            type="citing",
            via=[
                Party(
                    name="U.S. media",
                    mention=Span.of(text, text.index("U.S."), text.index("U.S.") + 10),
                    kind="media",
                )
            ],
        ),
        date=DateRef(
            text="May 13",
            start=text.index("May 13"),
            end=text.index("May 13") + 6,
            value="2022-05-13",
            resolved=True,
        ),
        contact=Contact(
            initiator=[
                Party(
                    name="Lloyd Austin", mention=Span.of(text, text.index("Austin"), text.index("Austin") + 6)
                )
            ],
            counterpart=[
                Party(
                    name="Sergei Shoigu",
                    mention=Span.of(text, text.index("Shoigu"), text.index("Shoigu") + 6),
                )
            ],
            channel="phone",
            status="held",
            cue=Span.of(text, text.index("called"), text.index("called") + 6),
        ),
        confidence=0.5,
    )
    return text, claim


@pytest.mark.parametrize("window", ["sentence", "article"])
def test_prodigy_roundtrip(window: str) -> None:
    text, claim = full_claim()
    task = formats.claim_to_prodigy(text, claim, window)
    assert task["answer"] == "accept" and task["meta"]["article_id"] == "k"
    assert {s["label"] for s in task["spans"]} <= set(formats.PRODIGY_LABELS)
    for s in task["spans"]:
        assert task["text"][s["start"] : s["end"]] == s["text"]
    if window == "sentence":
        assert task["text"] == claim.sentence.text and task["meta"]["offset"] == claim.sentence.start
    back = formats.prodigy_to_claim(json.loads(json.dumps(task)))
    assert back is not None
    assert back.model_dump() == claim.model_dump()
    assert formats.prodigy_to_claim({**task, "answer": "reject"}) is None


def test_prodigy_jsonl_file(tmp_path: Path) -> None:
    text, claim = full_claim()
    path = tmp_path / "tasks.jsonl"
    formats.write_jsonl(path, formats.claims_to_prodigy(text, [claim, claim]))
    assert len(formats.read_prodigy_jsonl(path)) == 2


def test_attribution_and_claim_jsonl(tmp_path: Path) -> None:
    text, claim = full_claim()
    rec = formats.claims_to_attrib_record(
        "k", [claim, claim.model_copy(update={"cue": None, "speaker": None})]
    )
    assert rec == {
        "id": "k",
        "attributions": [
            {"source": [[7, 12]], "cue": [[13, 17]], "content": [[claim.content.start, claim.content.end]]}
        ],
    }
    apath, cpath = tmp_path / "a.jsonl", tmp_path / "c.jsonl"
    formats.write_jsonl(apath, [rec])
    cpath.write_text(formats.claims_to_jsonl([claim]), encoding="utf-8")
    assert formats.jsonl_kind(apath) == "attribution" and formats.jsonl_kind(cpath) == "claim"
    assert formats.read_attrib_jsonl(apath)["k"] == rec
    assert formats.read_claims_jsonl(cpath)[0].model_dump() == claim.model_dump()
    cpath.write_text('{"article_id": "k"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="sentence"):
        formats.read_claims_jsonl(cpath)


def test_sentence_bounds_keep_abbreviations() -> None:
    text = "Mr. Smith met U.S. officials. They spoke.\nNew line here"
    assert [text[s:e] for s, e in formats.sentence_bounds(text)] == [
        "Mr. Smith met U.S. officials.",
        "They spoke.",
        "New line here",
    ]


@pytest.mark.skipif(
    not (POLNEAR / "train").is_dir() or not CONVERT.exists(), reason="PolNeAR or converter absent"
)
def test_load_polnear_equals_polnear_convert(tmp_path: Path) -> None:
    out = tmp_path / "train.jsonl"
    subprocess.run(
        [sys.executable, str(CONVERT), str(POLNEAR), "train", str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with open(out, encoding="utf-8") as f:
        ref = [json.loads(line) for line in f]
    assert formats.load_polnear(POLNEAR, "train") == ref
    assert formats.load_polnear(POLNEAR, "train", limit=5) == ref[:5]
