"""Score predicted claims against gold claims, and attributions the way attrib_score.py does.

Two scorers live here:

- :func:`score_claims`: claims are matched one-to-one per article, then every role (speaker,
  cue, content, date, contact parties, contact status, attribution chain, and beside them the
  speaker's resolved name and kind) is counted as TP/FP/FN in one of two modes, named after
  nervaluate's and citron's schemes:

  * ``strict`` -- nervaluate's *strict* / citron's *exact*: a span must have the same boundaries
    (after trimming surrounding whitespace and punctuation and merging pieces separated only by
    them, exactly as attrib_score.py's exact spans); date value, contact status and party names
    must be equal.
  * ``overlap`` -- nervaluate's *partial* / citron's *overlap* criterion: spans agree when they
    share a word token (or, for punctuation-only spans, a non-space character); names agree when
    rapidfuzz ``token_sort_ratio >= 85`` or one contains the other; dates when their intervals
    overlap. Unlike nervaluate (half credit) and citron (credit per token) an overlapping span
    counts as one whole hit, so P/R/F1 stay counts of roles.

- :func:`score_attributions`: a reimplementation of ``shared/tools/attrib_score.py`` (per role
  exact-span and token P/R/F1, relation F1). It must give the reference tool's numbers to the
  last bit; tests run both on the same files.

Library code: returns data and strings, never prints or exits.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import fuzz

from extractor import formats
from extractor.errors import InputError
from extractor.models import Annotation, Claim, Party, Span

Mode = Literal["strict", "overlap"]
MODES: tuple[str, ...] = ("strict", "overlap")
ROLES: tuple[str, ...] = (
    "speaker",
    "cue",
    "content",
    "date",
    "contact_parties",
    "contact_status",
    "attribution_chain",
)
RESOLUTION_ROLES: tuple[str, ...] = ("speaker_name", "speaker_kind")
"""How the speaker was resolved (its name, its kind), counted on claims that both give a speaker. Reported
beside the roles, but not part of "all fields right" or the calibration, whose meaning stays as it was."""
ALL_ROLES: tuple[str, ...] = ROLES + RESOLUTION_ROLES
ATTRIB_ROLES: tuple[str, ...] = ("source", "cue", "content")
NAME_THRESHOLD = 85

Frag = tuple[int, int]


# --------------------------------------------------------------------------- shared arithmetic


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    """P/R/F1 exactly as attrib_score.py computes them (0.0 when undefined)."""
    p, r = tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0
    return {
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "tp": tp,
        "n_pred": n_pred,
        "n_gold": n_gold,
    }


def _skip(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def exact_spans(text: str, frags: Iterable[Sequence[int]]) -> set[Frag]:
    """attrib_score.py's exact spans: trim each piece, merge pieces separated only by skip chars."""
    out: list[list[int]] = []
    for s, e in sorted((int(a), int(b)) for a, b in frags):
        s, e = max(0, s), min(len(text), e)
        while s < e and _skip(text[s]):
            s += 1
        while e > s and _skip(text[e - 1]):
            e -= 1
        if s >= e:
            continue
        if out and (s <= out[-1][1] or all(_skip(ch) for ch in text[out[-1][1] : s])):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return {(s, e) for s, e in out}


class TokenIndex:
    """``\\w+`` tokens of an article, to map character spans to the tokens they touch."""

    def __init__(self, text: str):
        self.text = text
        toks = [m.span() for m in re.finditer(r"\w+", text)]
        self.starts, self.ends = [s for s, _ in toks], [e for _, e in toks]

    def tokens(self, frags: Iterable[Sequence[int]]) -> set[int]:
        """Indexes of tokens with ``end > s and start < e`` for some piece."""
        out: set[int] = set()
        for s, e in frags:
            out.update(range(bisect.bisect_right(self.ends, s), bisect.bisect_left(self.starts, e)))
        return out

    def nonspace(self, frags: Iterable[Sequence[int]]) -> set[int]:
        """Non-space character positions covered (how attrib_score.py measures cue overlap)."""
        n = len(self.text)
        return {i for s, e in frags for i in range(max(int(s), 0), min(int(e), n)) if not self.text[i].isspace()}


def _as_frags(x: Sequence[Any]) -> list[list[int]]:
    """Accept ``[[s, e], ...]`` or a bare ``[s, e]`` (as attrib_score.py does)."""
    return [list(x)] if len(x) == 2 and all(isinstance(v, int) for v in x) else [list(f) for f in x]


# --------------------------------------------------------------------------- attribution scorer


def _attrib_match(gold: list[dict], pred: list[dict]) -> int:
    """attrib_score.py's relation matching: greedy one-to-one, largest cue overlap first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            cue = len(g["cue_chars"] & p["cue_chars"])
            src_ok = (g["source"] & p["source"]) or (not g["source"] and not p["source"])
            if cue and src_ok and g["content"] & p["content"]:
                cands.append((-cue, -len(g["content"] & p["content"]), i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


def score_attributions(
    gold_articles: Mapping[str, Mapping[str, Any]], pred_articles: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    """attrib_score.py's metrics: ``{"source/exact": prf, ..., "content/token": prf, "relation": prf}``.

    ``gold_articles`` maps id to ``{"text", "attributions"}``; ``pred_articles`` maps id to
    ``{"attributions"}``. Articles missing from pred predict nothing; pred articles not in gold
    are ignored. Same definitions, same order of arithmetic, hence the same floats.
    """
    sets: dict[tuple[str, str, str], set] = {
        (r, m, s): set() for r in ATTRIB_ROLES for m in ("exact", "token") for s in "gp"
    }
    rel = [0, 0, 0]
    for aid, g in gold_articles.items():
        art = TokenIndex(g["text"])
        atts = {"g": g["attributions"], "p": (pred_articles.get(aid) or {}).get("attributions", [])}
        toksets: dict[str, list[dict]] = {"g": [], "p": []}
        for side, lst in atts.items():
            for att in lst:
                ts: dict[str, set[int]] = {}
                for r in ATTRIB_ROLES:
                    frags = _as_frags(att.get(r) or [])
                    ts[r] = art.tokens(frags)
                    sets[r, "token", side].update((aid, t) for t in ts[r])
                    sets[r, "exact", side].update((aid,) + sp for sp in exact_spans(art.text, frags))
                ts["cue_chars"] = art.nonspace(_as_frags(att.get("cue") or []))
                toksets[side].append(ts)
        rel[0] += _attrib_match(toksets["g"], toksets["p"])
        rel[1] += len(toksets["p"])
        rel[2] += len(toksets["g"])
    res = {
        f"{r}/{m}": prf(len(sets[r, m, "g"] & sets[r, m, "p"]), len(sets[r, m, "p"]), len(sets[r, m, "g"]))
        for r in ATTRIB_ROLES
        for m in ("exact", "token")
    }
    res["relation"] = prf(*rel)
    return res


def attribution_report(
    gold_articles: Mapping[str, Mapping[str, Any]],
    pred_articles: Mapping[str, Mapping[str, Any]],
    per_article: bool = False,
) -> dict[str, Any]:
    """score_attributions plus the counts attrib_score.py prints (and per-article scores if asked)."""
    res: dict[str, Any] = score_attributions(gold_articles, pred_articles)
    res["counts"] = {
        "articles": len(gold_articles),
        "articles_with_pred": len(gold_articles.keys() & pred_articles.keys()),
        "gold_attributions": res["relation"]["n_gold"],
        "pred_attributions": res["relation"]["n_pred"],
    }
    if per_article:
        res["per_article"] = {
            aid: score_attributions({aid: g}, {aid: pred_articles[aid]} if aid in pred_articles else {})
            for aid, g in gold_articles.items()
        }
    return res


# --------------------------------------------------------------------------- claim matching


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def as_dict(self) -> dict[str, Any]:
        d = prf(self.tp, self.tp + self.fp, self.tp + self.fn)
        return {"P": d["P"], "R": d["R"], "F1": d["F1"], "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _overlap_len(a: Frag, b: Frag) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _frags(span: Span | None) -> list[Frag]:
    return formats.span_frags(span)


def _pos_key(claim: Claim) -> tuple:
    """Document order, so matching does not depend on the order claims were listed in."""
    cue = claim.cue or (claim.contact.cue if claim.contact is not None else None)
    return (
        claim.sentence.start,
        claim.sentence.end,
        cue.start if cue else -1,
        cue.end if cue else -1,
        claim.content.start if claim.content else -1,
        claim.content.end if claim.content else -1,
    )


def _cue_frags(claim: Claim) -> list[Frag]:
    frags = _frags(claim.cue)
    if claim.contact is not None:
        frags += _frags(claim.contact.cue)
    return frags


def match_claims(gold: Sequence[Claim], pred: Sequence[Claim], text: str) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, pred index)`` pairs for one article.

    A pair is a candidate when the evidence sentences overlap by at least one character.
    Candidates are taken greedily, best first: more non-space characters of cue overlap (the
    claim cue and the contact cue together), then more content characters in common, then more
    sentence characters in common, then the gold claim earlier in the text, then the prediction
    earlier in the text.
    """
    idx = TokenIndex(text)
    g_order = sorted(range(len(gold)), key=lambda i: _pos_key(gold[i]))
    p_order = sorted(range(len(pred)), key=lambda j: _pos_key(pred[j]))
    g_rank = {i: r for r, i in enumerate(g_order)}
    p_rank = {j: r for r, j in enumerate(p_order)}
    g_cue = [idx.nonspace(_cue_frags(c)) for c in gold]
    p_cue = [idx.nonspace(_cue_frags(c)) for c in pred]
    cands = []
    for i, g in enumerate(gold):
        gs = (g.sentence.start, g.sentence.end)
        for j, p in enumerate(pred):
            sent = _overlap_len(gs, (p.sentence.start, p.sentence.end))
            if sent <= 0:
                continue
            content = sum(_overlap_len(a, b) for a in _frags(g.content) for b in _frags(p.content))
            cands.append((-len(g_cue[i] & p_cue[j]), -content, -sent, g_rank[i], p_rank[j], i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for *_, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


# --------------------------------------------------------------------------- role agreement


def _norm(name: str) -> str:
    return " ".join(name.split())


def names_agree(a: str, b: str, mode: Mode) -> bool:
    """strict: equal after collapsing whitespace; overlap: token_sort_ratio >= 85 or containment."""
    a, b = _norm(a), _norm(b)
    if mode == "strict":
        return a == b
    la, lb = a.casefold(), b.casefold()
    if not la or not lb:
        return la == lb
    return la in lb or lb in la or fuzz.token_sort_ratio(la, lb) >= NAME_THRESHOLD


class _Judge:
    """Span and value agreement for one article and one mode."""

    def __init__(self, text: str, mode: Mode):
        self.text, self.mode, self.idx = text, mode, TokenIndex(text)

    def spans(self, a: Span | None, b: Span | None) -> bool:
        fa, fb = _frags(a), _frags(b)
        if self.mode == "strict":
            return exact_spans(self.text, fa) == exact_spans(self.text, fb)
        return bool(self.idx.tokens(fa) & self.idx.tokens(fb)) or bool(self.idx.nonspace(fa) & self.idx.nonspace(fb))

    def party(self, a: Party, b: Party) -> bool:
        """Same party: strict by name; overlap by fuzzy name or overlapping mentions."""
        if names_agree(a.name, b.name, self.mode):
            return True
        return (
            self.mode == "overlap"
            and a.mention is not None
            and b.mention is not None
            and self.spans(a.mention, b.mention)
        )

    def parties(self, a: Sequence[Party], b: Sequence[Party]) -> bool:
        """Same parties, one-to-one (greedy in order; order itself does not matter)."""
        if len(a) != len(b):
            return False
        left = list(b)
        for p in a:
            hit = next((q for q in left if self.party(p, q)), None)
            if hit is None:
                return False
            left.remove(hit)
        return True

    def speaker(self, a: Party, b: Party) -> bool:
        """strict: same trimmed mention when both have one, else same name; overlap: either agrees."""
        if self.mode == "strict":
            if a.mention is not None and b.mention is not None:
                return self.spans(a.mention, b.mention)
            return names_agree(a.name, b.name, "strict")
        return self.party(a, b)


def _interval(value: str | None, end_value: str | None) -> tuple[str, str] | None:
    """An ISO partial date as a [low, high] pair of comparable strings (month/year widened)."""
    if value is None:
        return None
    lo = value + "-00" * (2 - value.count("-"))
    top = end_value or value
    hi = top + "-99" * (2 - top.count("-"))
    return lo, hi


def role_status(role: str, gold: Claim | None, pred: Claim | None, judge: _Judge) -> tuple[bool, bool, bool]:
    """``(gold has it, pred has it, they agree)`` for one role of a (possibly half-empty) pair."""

    def has(c: Claim | None) -> bool:
        if c is None:
            return False
        if role in ("speaker", "speaker_name", "speaker_kind"):
            return c.speaker is not None
        if role == "cue":
            return c.cue is not None
        if role == "content":
            return c.content is not None
        if role == "date":
            return c.date is not None
        if role == "contact_parties":
            return c.contact is not None and bool(c.contact.initiator or c.contact.counterpart)
        if role == "contact_status":
            return c.contact is not None
        if role == "attribution_chain":
            return c.attribution is not None and bool(c.attribution.via)
        raise ValueError(f"unknown role {role!r}")

    g_has, p_has = has(gold), has(pred)
    if not (g_has and p_has):
        return g_has, p_has, False
    assert gold is not None and pred is not None
    if role == "speaker":
        ok = judge.speaker(gold.speaker, pred.speaker)  # type: ignore[arg-type]
    elif role == "speaker_name":
        ok = names_agree(gold.speaker.name, pred.speaker.name, judge.mode)  # type: ignore[union-attr]
    elif role == "speaker_kind":
        ok = gold.speaker.kind == pred.speaker.kind  # type: ignore[union-attr]
    elif role == "cue":
        ok = judge.spans(gold.cue, pred.cue)
    elif role == "content":
        ok = judge.spans(gold.content, pred.content)
    elif role == "date":
        gd, pd = gold.date, pred.date
        assert gd is not None and pd is not None
        if judge.mode == "strict":
            ok = judge.spans(gd.span(), pd.span()) and gd.value == pd.value and gd.end_value == pd.end_value
        else:
            gi, pi = _interval(gd.value, gd.end_value), _interval(pd.value, pd.end_value)
            ok = gi[0] <= pi[1] and pi[0] <= gi[1] if gi and pi else judge.spans(gd.span(), pd.span())
    elif role == "contact_parties":
        gc, pc = gold.contact, pred.contact
        assert gc is not None and pc is not None
        ok = judge.parties(gc.initiator, pc.initiator) and judge.parties(gc.counterpart, pc.counterpart)
    elif role == "contact_status":
        ok = gold.contact.status == pred.contact.status  # type: ignore[union-attr]
    else:
        gv, pv = gold.attribution.via, pred.attribution.via  # type: ignore[union-attr]
        ok = len(gv) == len(pv) and all(judge.party(a, b) for a, b in zip(gv, pv, strict=True))
    return True, True, ok


def _count(g_has: bool, p_has: bool, ok: bool) -> Counts:
    if g_has and p_has and ok:
        return Counts(tp=1)
    return Counts(fp=int(p_has), fn=int(g_has))


# --------------------------------------------------------------------------- claim scorer


@dataclass
class ArticleScore:
    """Counts for one article (or a sum of articles)."""

    n_gold: int = 0
    n_pred: int = 0
    matched: int = 0
    all_correct: int = 0
    roles: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ALL_ROLES})
    calibration: list[tuple[float, bool]] = field(default_factory=list)
    """(confidence, right as a whole) per predicted claim: matched, and every role it fills agrees."""

    def add(self, other: ArticleScore) -> None:
        self.n_gold += other.n_gold
        self.n_pred += other.n_pred
        self.matched += other.matched
        self.all_correct += other.all_correct
        for r in ALL_ROLES:
            self.roles[r].add(other.roles[r])
        self.calibration += other.calibration

    def as_dict(self) -> dict[str, Any]:
        return {
            "claims": prf(self.matched, self.n_pred, self.n_gold),
            "all_fields_correct": {
                "count": self.all_correct,
                "n_gold": self.n_gold,
                "share": self.all_correct / self.n_gold if self.n_gold else 0.0,
            },
            "roles": {r: c.as_dict() for r, c in self.roles.items()},
            "calibration": calibration_table(self.calibration),
        }


CALIBRATION_BINS: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def calibration_table(points: Sequence[tuple[float, bool]]) -> dict[str, Any]:
    """Share of predicted claims right as a whole, per confidence bin and at or above 0.8."""
    bins = []
    for lo, hi in zip(CALIBRATION_BINS, CALIBRATION_BINS[1:], strict=False):
        inside = [ok for conf, ok in points if lo <= conf < hi]
        bins.append({"from": lo, "to": min(hi, 1.0), "n": len(inside),
                     "right": sum(inside) / len(inside) if inside else None})
    high = [ok for conf, ok in points if conf >= 0.8]
    return {"bins": bins, "at_least_0.8": {"n": len(high), "right": sum(high) / len(high) if high else None}}


def approx_text(claims: Iterable[Claim]) -> str:
    """A stand-in article text built from the claims' own spans, for when the text is not at hand.

    Positions no span covers become spaces, so token overlap and trimming behave as on the real
    text wherever a span reaches (a token cut at a span edge is the only difference).
    """
    chars: list[str] = []
    for c in claims:
        for _, s in c.spans():
            if len(chars) < s.end:
                chars.extend(" " * (s.end - len(chars)))
            n = s.end - s.start
            chars[s.start : s.end] = (list(s.text) + [" "] * n)[:n]
    return "".join(chars)


def score_article(
    gold: Sequence[Claim], pred: Sequence[Claim], text: str | None = None, mode: Mode = "strict"
) -> ArticleScore:
    """Match one article's claims and count every role (see module docstring for the modes)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    text = text if text is not None else approx_text(list(gold) + list(pred))
    judge = _Judge(text, mode)
    pairs = match_claims(gold, pred, text)
    res = ArticleScore(n_gold=len(gold), n_pred=len(pred), matched=len(pairs))
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    for i, j in pairs:
        all_ok = True
        pred_ok = True
        for role in ALL_ROLES:
            g_has, p_has, ok = role_status(role, gold[i], pred[j], judge)
            res.roles[role].add(_count(g_has, p_has, ok))
            if role in ROLES:
                all_ok = all_ok and (ok or not g_has)
                pred_ok = pred_ok and (ok or not p_has)
        res.all_correct += all_ok
        res.calibration.append((pred[j].confidence or 0.0, pred_ok))
    for j, p in enumerate(pred):
        if j not in matched_p:
            res.calibration.append((p.confidence or 0.0, False))
            for role in ALL_ROLES:
                res.roles[role].add(_count(*role_status(role, None, p, judge)))
    for i, g in enumerate(gold):
        if i not in matched_g:
            for role in ALL_ROLES:
                res.roles[role].add(_count(*role_status(role, g, None, judge)))
    return res


def score_claims(
    gold: Mapping[str, Sequence[Claim]],
    pred: Mapping[str, Sequence[Claim]],
    texts: Mapping[str, str] | None = None,
    mode: Mode = "strict",
    per_article: bool = False,
) -> dict[str, Any]:
    """Score predicted claims against gold, article by article (pred articles not in gold ignored).

    Returns ``{"mode", "articles", "claims": prf, "all_fields_correct", "roles": {role: P/R/F1/tp/fp/fn}}``
    plus ``"per_article"`` when asked. ``texts`` gives article texts for trimming and tokens; when
    an article's text is missing it is approximated from the claims (:func:`approx_text`).
    """
    total = ArticleScore()
    rows: dict[str, Any] = {}
    for aid in sorted(gold):
        art = score_article(gold[aid], pred.get(aid, []), (texts or {}).get(aid), mode)
        total.add(art)
        if per_article:
            rows[aid] = art.as_dict()
    out: dict[str, Any] = {"mode": mode, "articles": len(gold), **total.as_dict()}
    if per_article:
        out["per_article"] = rows
    return out


# ------------------------------------------------------------------- where gold and predictions come from


def attrib_records(
    claims: Mapping[str, Sequence[Claim]], texts: Mapping[str, str] | None = None, outermost_only: bool = False,
    parc: bool = True,
) -> dict[str, dict]:
    """Claims per article as attrib_score.py records (with text when known: gold needs it)."""
    return {
        aid: formats.claims_to_attrib_record(aid, cs, (texts or {}).get(aid), outermost_only=outermost_only,
                                             parc=parc)
        for aid, cs in claims.items()
    }


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def run_extractor(items: Iterable[tuple[str, str, dt.date | None]], model: str | None = None) -> dict[str, list[Claim]]:
    """Run the extractor's pipeline on ``(id, text, published)`` items (imported lazily: it loads spaCy)."""
    from extractor.pipeline import extract_texts

    items = list(items)
    return {aid: list(claims) for (aid, _, _), claims in zip(items, extract_texts(items, model=model), strict=True)}


def db_claims(db: str | Path, texts: Mapping[str, str]) -> tuple[dict[str, list[Claim]], list[str]]:
    """Claims from the SQLite store for the articles being scored, with warnings when the stored
    article is missing or its text differs from the one scored against (offsets would not agree)."""
    from extractor.store import Store

    out: dict[str, list[Claim]] = {aid: [] for aid in texts}
    warnings: list[str] = []
    store = Store(db)
    try:
        for aid, text in texts.items():
            stored = store.get_article(aid)
            if stored is None:
                warnings.append(f"{aid}: not in {db}: scored as predicting nothing")
            elif stored.text != text:
                warnings.append(f"{aid}: the text stored in {db} differs from the gold's: offsets may not agree")
        for claim in store.iter_claims(article_id=None):
            if claim.article_id in out:
                out[claim.article_id].append(claim)
    finally:
        store.close()
    return out, warnings


@dataclass
class Predictions:
    """Predictions for the gold articles: claims, or attribution records when that is what was given."""

    claims: dict[str, list[Claim]] | None = None
    attrib: dict[str, dict] | None = None
    warnings: list[str] = field(default_factory=list)


def _offset_warnings(claims: Mapping[str, Sequence[Claim]], texts: Mapping[str, str]) -> list[str]:
    out = []
    for aid, cs in claims.items():
        text = texts.get(aid)
        if text is None:
            continue
        bad = sum(1 for c in cs if not all(sp.matches(text) for _, sp in c.spans()))
        if bad:
            out.append(f"{aid}: {bad} predicted claim(s) with spans that do not match the article text")
    return out


def load_predictions(
    items: Sequence[tuple[str, str, dt.date | None]],
    db: str | Path | None = None,
    pred: str | Path | None = None,
    model: str | None = None,
) -> Predictions:
    """Predictions for ``(id, text, published)`` items from ``pred`` (claim or attribution JSONL),
    ``db``, or else by running the extractor on them."""
    texts = {aid: text for aid, text, _ in items}
    if pred is not None and db is not None:
        raise InputError("score", "give --pred or --db, not both")
    if pred is not None:
        if not Path(pred).exists():
            raise InputError(str(pred), "no such file")
        if formats.jsonl_kind(pred) == "attribution":
            return Predictions(attrib=formats.read_attrib_jsonl(pred))
        claims = formats.group_by_article(formats.read_claims_jsonl(pred))
        missing = sorted(texts.keys() - claims.keys())
        warnings = (
            [f"{len(missing)} gold article(s) absent from {pred}: scored as predicting nothing"] if missing else []
        )
        return Predictions(claims=claims, warnings=warnings + _offset_warnings(claims, texts))
    if db is not None:
        if not Path(db).exists():
            raise InputError(str(db), "no such database")
        claims, warnings = db_claims(db, texts)
        return Predictions(claims=claims, warnings=warnings + _offset_warnings(claims, texts))
    return Predictions(claims=run_extractor(items, model=model))


def evaluate_annotations(
    annotations_dir: str | Path,
    corpus_dir: str | Path,
    *,
    db: str | Path | None = None,
    pred: str | Path | None = None,
    mode: Mode = "strict",
    per_article: bool = False,
    model: str | None = None,
) -> dict[str, Any]:
    """Score predictions against hand annotations: the role table plus attrib_score.py's figures."""
    from extractor.annotations import load_annotations

    anns: dict[str, Annotation] = load_annotations(annotations_dir)
    if not anns:
        raise InputError(str(annotations_dir), "no annotation files (*.json) to score against")
    texts: dict[str, str] = {}
    for aid in anns:
        path = Path(corpus_dir) / f"{aid}.txt"
        if not path.exists():
            raise InputError(str(path), "annotated article missing from the corpus")
        texts[aid] = formats.read_text(path)
    gold = {aid: list(a.claims) for aid, a in anns.items()}
    items = [(aid, texts[aid], _parse_date(anns[aid].published)) for aid in sorted(anns)]
    preds = load_predictions(items, db=db, pred=pred, model=model)
    gold_attrib = attrib_records(gold, texts)
    if preds.claims is None:
        assert preds.attrib is not None
        out: dict[str, Any] = {"mode": mode, "articles": len(gold)}
        out["note"] = "predictions are attribution records: only the attribution scores apply"
        pred_attrib = preds.attrib
    else:
        out = score_claims(gold, preds.claims, texts, mode, per_article)
        pred_attrib = attrib_records(preds.claims, parc=False)  # the gold follows the guidelines, not PARC
    out["source"] = _source(db, pred)
    out["warnings"] = preds.warnings
    out["attribution"] = attribution_report(gold_attrib, pred_attrib, per_article)
    return out


def _source(db: str | Path | None, pred: str | Path | None) -> str:
    return f"pred:{pred}" if pred is not None else f"db:{db}" if db is not None else "extractor"


def _brat_published(texts_dir: Path) -> dict[str, dt.date | None]:
    """Publication dates from a PolNeAR metadata.tsv next to the texts (``DATA/SPLIT/text``), if any."""
    for cand in (texts_dir.parent / "metadata.tsv", texts_dir.parent.parent / "metadata.tsv"):
        if cand.exists():
            return {k: _parse_date(r.get("publication_date")) for k, r in formats.read_metadata(cand).items()}
    return {}


def evaluate_brat(
    gold_brat: str | Path,
    texts_dir: str | Path,
    *,
    db: str | Path | None = None,
    pred: str | Path | None = None,
    per_article: bool = False,
    model: str | None = None,
) -> dict[str, Any]:
    """Score against brat gold (e.g. PolNeAR) with the attribution scorer: figures equal attrib_score.py."""
    gold = formats.load_brat_attributions(gold_brat, texts_dir)
    if not gold:
        raise InputError(str(gold_brat), f"no .ann file with a matching text in {texts_dir}")
    published = _brat_published(Path(texts_dir))
    items = [(aid, g["text"], published.get(aid)) for aid, g in gold.items()]
    preds = load_predictions(items, db=db, pred=pred, model=model)
    # PolNeAR/PARC annotate no attribution nested inside another's content: score the outermost ones
    pred_attrib = preds.attrib if preds.attrib is not None else attrib_records(preds.claims or {}, outermost_only=True)
    return {
        "source": _source(db, pred),
        "warnings": preds.warnings,
        "attribution": attribution_report(gold, pred_attrib, per_article),
    }


# --------------------------------------------------------------------------- report


def _pct(x: float) -> str:
    return f"{100 * x:6.2f}"


def _cell(v: Mapping[str, Any], key: str) -> str:
    """A percentage, or '-' when nothing was predicted or expected (0.00 would read as a failure)."""
    if "n_gold" in v:
        empty = not v["n_gold"] and not v["n_pred"]
    else:
        empty = not (v["tp"] or v["fp"] or v["fn"])
    return "-" if empty else _pct(v[key]).strip()


def _rule(title: str, width: int = 78) -> str:
    return f" {title} ".center(width, "=")


def format_attribution(res: Mapping[str, Any], per_article: bool = False) -> str:
    """attrib_score.py's figures as a table (percentages, as that tool prints them)."""
    lines = []
    c = res.get("counts")
    if c:
        lines.append(
            f"articles={c['articles']} (with pred: {c['articles_with_pred']})  "
            f"gold attributions={c['gold_attributions']}  pred attributions={c['pred_attributions']}"
        )
        lines.append("")
    keys = [f"{r}/{m}" for r in ATTRIB_ROLES for m in ("exact", "token")] + ["relation"]
    lines.append(f"{'':18}{'P':>8}{'R':>8}{'F':>8}{'TP':>8}{'pred':>8}{'gold':>8}")
    for k in keys:
        v = res[k]
        lines.append(
            f"{k:18}{_pct(v['P']):>8}{_pct(v['R']):>8}{_pct(v['F1']):>8}{v['tp']:>8}{v['n_pred']:>8}{v['n_gold']:>8}"
        )
    if per_article and res.get("per_article"):
        lines += [
            "",
            _rule("Attribution (per article)"),
            "",
            f"{'article':44}{'src F':>8}{'cue F':>8}{'cont F':>8}{'rel F':>8}",
        ]
        for aid, v in res["per_article"].items():
            lines.append(
                f"{aid[:43]:44}{_pct(v['source/token']['F1']):>8}{_pct(v['cue/token']['F1']):>8}"
                f"{_pct(v['content/token']['F1']):>8}{_pct(v['relation']['F1']):>8}"
            )
    return "\n".join(lines)


def format_report(res: Mapping[str, Any], per_article: bool = False) -> str:
    """The result as text in the style of ``spacy evaluate``: summary, then P/R/F per role."""
    lines: list[str] = [f"warning: {w}" for w in res.get("warnings", [])]
    if lines:
        lines.append("")
    if "roles" in res:
        cl, ac = res["claims"], res["all_fields_correct"]
        lines += [_rule(f"Results ({res['mode']})"), ""]
        for label, value in (
            ("Articles", str(res["articles"])),
            ("Gold claims", str(cl["n_gold"])),
            ("Predicted claims", str(cl["n_pred"])),
            ("Matched", str(cl["tp"])),
            ("Claim P", _pct(cl["P"])),
            ("Claim R", _pct(cl["R"])),
            ("Claim F", _pct(cl["F1"])),
            ("All fields right", f"{_pct(ac['share']).strip()} ({ac['count']}/{ac['n_gold']})"),
        ):
            lines.append(f"{label:20}{value.strip()}")
        lines += ["", _rule(f"Roles ({res['mode']})"), ""]
        lines.append(f"{'':20}{'P':>8}{'R':>8}{'F':>8}{'TP':>6}{'FP':>6}{'FN':>6}")
        for role, v in res["roles"].items():
            if role == RESOLUTION_ROLES[0]:
                lines.append("speaker resolution (beside the roles, not in all fields)")
            lines.append(
                f"{role:20}{_cell(v, 'P'):>8}{_cell(v, 'R'):>8}{_cell(v, 'F1'):>8}{v['tp']:>6}{v['fp']:>6}{v['fn']:>6}"
            )
        cal = res.get("calibration")
        if cal:
            lines += ["", _rule(f"Confidence calibration ({res['mode']})"), ""]
            lines.append(f"{'confidence':20}{'claims':>8}{'right':>8}")
            for b in cal["bins"]:
                right = "-" if b["right"] is None else _pct(b["right"]).strip()
                lines.append(f"{b['from']:.1f} - {b['to']:.1f}".ljust(20) + f"{b['n']:>8}{right:>8}")
            high = cal["at_least_0.8"]
            right = "-" if high["right"] is None else _pct(high["right"]).strip()
            lines.append(f"{'>= 0.8':20}{high['n']:>8}{right:>8}")
        if per_article and res.get("per_article"):
            lines += ["", _rule("Per article (F)"), ""]
            short = ("claims", "speaker", "cue", "content", "date", "parties", "status", "chain")
            lines.append(f"{'article':36}" + "".join(f"{s:>8}" for s in short))
            for aid, v in res["per_article"].items():
                cells = [_cell(v["claims"], "F1")] + [_cell(v["roles"][r], "F1") for r in ROLES]
                lines.append(f"{aid[:35]:36}" + "".join(f"{c:>8}" for c in cells))
    elif "note" in res:
        lines += [res["note"]]
    if "attribution" in res:
        lines += [
            "",
            _rule("Attribution (attrib_score.py)"),
            "",
            format_attribution(res["attribution"], per_article),
        ]
    return "\n".join(lines).lstrip("\n")
