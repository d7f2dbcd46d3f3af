"""Rendering claims for people: rich renderables for the terminal review, one HTML page per article.

Why both here: the terminal and the page show the same thing -- which words of the article are
the speaker, cue, content, date and contact parties of each claim -- so they share the role
order and colours. Nothing here prints; the CLI decides where output goes.

The HTML page is built by hand rather than with displaCy because claim spans overlap (a claim's
content holds another claim's speaker) and spaCy's span renderer needs token offsets; the page
cuts the text at every span boundary instead, so any overlap shows. Article text is untrusted:
every character from it goes through :func:`html.escape`, and the page carries its own CSS and
a Content-Security-Policy that forbids loading anything, so it works offline and runs no script.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from extractor.models import Claim, DroppedParagraph, Party
from extractor.review import ClaimState
from extractor.store import StoredArticle

# drawing order: later roles are drawn over earlier ones where spans overlap
ROLES = ("sentence", "content", "via", "party", "date", "contact_cue", "cue", "speaker")
LABELS = {
    "speaker": "SPEAKER",
    "cue": "CUE",
    "contact_cue": "CUE",
    "content": "CONTENT",
    "date": "DATE",
    "party": "PARTY",
    "via": "PARTY",
}
TERM_STYLES = {
    "sentence": "bold",
    "content": "green",
    "via": "cyan",
    "party": "bold blue underline",
    "date": "bold yellow",
    "contact_cue": "bold magenta",
    "cue": "bold magenta",
    "speaker": "bold cyan",
}
STATUS_STYLES = {"pending": "white", "accepted": "green", "edited": "yellow", "rejected": "red"}
KEYS_LINE = "[a]ccept  [r]eject  [e]dit  [s]kip  [u]ndo  [?]help  [q]uit"
KEYS_HELP = """\
a  accept the claim as shown
r  reject it (the extractor got it wrong)
e  edit any field, then it is recorded as edited
s  skip it for now (it stays pending and comes back next time)
u  undo your last decision (a new 'undo' row; the claim is shown again)
?  this help
q  quit (every decision is already saved; run review again to resume)"""
NEIGHBOUR_CHARS = 240


# --------------------------------------------------------------------------- shared helpers


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as ``(start, end)``: the corpus has one paragraph per line (blank lines between)."""
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end))
        start = end + 1
    return out


def claim_spans(claim: Claim) -> list[tuple[str, int, int]]:
    """``(role, start, end)`` of every span of a claim, ``contact_cue``/``party``/``via`` included."""
    return [(role, span.start, span.end) for role, span in claim.spans()]


def party_names(parties: Sequence[Party]) -> str:
    return ", ".join(p.name for p in parties) or "?"


def date_text(claim: Claim) -> str:
    d = claim.date
    if d is None:
        return ""
    value = d.value or "?"
    if d.end_value:
        value += f" .. {d.end_value}"
    return f"{d.text} = {value}" + ("" if d.resolved else " (unresolved)")


def contact_text(claim: Claim) -> str:
    c = claim.contact
    if c is None:
        return ""
    extra = ", ".join(x for x in (c.channel, c.status, c.duration) if x)
    cue = f"; cue {c.cue.text!r}" if c.cue is not None else ""
    return f"{party_names(c.initiator)} -> {party_names(c.counterpart)} ({extra}){cue}"


def speaker_text(claim: Claim) -> str:
    s = claim.speaker
    if s is None:
        return "(the article itself)"
    bits = [s.kind] + ([s.role] if s.role else [])
    mention = f" as {s.mention.text!r}" if s.mention is not None and s.mention.text != s.name else ""
    return f"{s.name} ({', '.join(bits)}){mention}"


def status_text(state: ClaimState) -> str:
    d = state.decision
    if d is None:
        return "pending"
    return f"{state.status} by {d.reviewer} at {d.created_at[:19].replace('T', ' ')}"


def _dropped_note(d: DroppedParagraph) -> str:
    return (
        f"dropped: {d.kind} repeat ({d.similarity:.0f}%) of chars {d.duplicate_of.start}-{d.duplicate_of.end}"
    )


# --------------------------------------------------------------------------- terminal


def _styled(text: str, start: int, end: int, claim: Claim) -> Text:
    """``text[start:end]`` with the claim's roles styled (offsets stay article offsets)."""
    out = Text(text[start:end])
    spans = claim_spans(claim)
    for role in ROLES:
        for r, s, e in spans:
            if r == role and e > start and s < end:
                out.stylize(TERM_STYLES[role], max(s, start) - start, min(e, end) - start)
    return out


def _clip(text: str, limit: int, head: bool) -> str:
    if len(text) <= limit:
        return text
    return text[:limit] + " ..." if head else "... " + text[-limit:]


def claim_view(article: StoredArticle, state: ClaimState, pos: int, total: int) -> RenderableType:
    """One claim for review: the paragraph around its sentence, highlighted, and its fields."""
    claim, text = state.effective, article.text
    paras = paragraphs(text) or [(0, len(text))]
    s, e = claim.sentence.start, claim.sentence.end
    inside = [i for i, (a, b) in enumerate(paras) if b > s and a < e] or [
        max(0, sum(1 for a, _ in paras if a <= s) - 1)
    ]
    first, last = max(0, inside[0] - 1), min(len(paras) - 1, inside[-1] + 1)
    dropped = {(d.span.start, d.span.end): d for d in article.dropped}
    parts: list[RenderableType] = []
    edited = " (edited)" if state.decision is not None and state.decision.claim is not None else ""
    colour = STATUS_STYLES[state.status]
    parts.append(
        Rule(
            Text.assemble(
                (f"claim {pos}/{total} ", "bold"),
                (f"{state.claim_id} ", "dim"),
                (state.status + edited, f"bold {colour}"),
            ),
            align="left",
        )
    )
    for i in range(first, last + 1):
        a, b = paras[i]
        drop = next((d for (ds, de), d in dropped.items() if ds <= a and b <= de), None)
        if i in inside:
            parts.append(_styled(text, a, b, claim))
        else:
            neighbour = _clip(text[a:b], NEIGHBOUR_CHARS, head=i > inside[-1])
            parts.append(Text(neighbour, style="dim strike" if drop else "dim"))
        if drop is not None:
            parts.append(Text(f"  [{_dropped_note(drop)}]", style="italic red"))
    notes = _dropped_elsewhere(article, paras[first][0], paras[last][1], s, e)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", justify="right")
    grid.add_column()
    grid.add_row("speaker", Text(speaker_text(claim), style=TERM_STYLES["speaker"]))
    grid.add_row("cue", Text(claim.cue.text if claim.cue else "", style=TERM_STYLES["cue"]))
    if claim.attribution is not None:
        via = f" via {party_names(claim.attribution.via)}" if claim.attribution.via else ""
        grid.add_row("attribution", claim.attribution.type + via)
    grid.add_row("content", Text(claim.content.text if claim.content else "", style=TERM_STYLES["content"]))
    if claim.date is not None:
        grid.add_row("date", Text(date_text(claim), style=TERM_STYLES["date"]))
    if claim.contact is not None:
        grid.add_row("contact", Text(contact_text(claim), style="blue"))
    grid.add_row("confidence", f"{claim.confidence:.2f}" if claim.confidence is not None else "-")
    grid.add_row("status", Text(status_text(state), style=colour))
    current = state.decision.id if state.decision is not None else None
    others = {r: d for r, d in state.by_reviewer.items() if d.id != current}
    for reviewer, d in sorted(others.items()):
        when = d.created_at[:19].replace("T", " ")
        grid.add_row("", Text(f"{reviewer}: {d.decision} ({when})", style="dim"))
    parts += [Text(""), grid, *notes]
    return Group(*parts)


def _dropped_elsewhere(article: StoredArticle, lo: int, hi: int, s: int, e: int) -> list[Text]:
    """Where the article's other dropped repeats were: a line for a repeat of this claim's own
    paragraph (the reviewer may be reading text that also appeared elsewhere), one line for the rest."""
    out, rest = [], []
    for d in article.dropped:
        if d.span.start >= lo and d.span.end <= hi:
            continue  # shown in place in the context
        if d.duplicate_of.start < e and s < d.duplicate_of.end:
            out.append(
                Text(
                    f"this paragraph was repeated at chars {d.span.start}-{d.span.end} ({d.kind}, "
                    f"{d.similarity:.0f}%); the repeat was dropped",
                    style="italic red",
                )
            )
        else:
            rest.append(f"{d.span.start}-{d.span.end}" + (" (before)" if d.span.end <= s else ""))
    if rest:
        out.append(Text(f"other repeated paragraphs dropped at chars {', '.join(rest)}", style="italic red"))
    return out


def fields_table(fields: Iterable[tuple[str, str]]) -> Table:
    """The editable fields of a claim with their current values."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for path, value in fields:
        table.add_row(path, value)
    return table


# --------------------------------------------------------------------------- HTML

_CSS = """
body{font:15px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:60em;color:#222;
 padding:0 1em}
h1{font-size:1.3em;word-break:break-all}
.meta{color:#555}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:1em;border-radius:6px;line-height:2.1}
.s{border-radius:3px;padding:1px 0}
.r-sentence{border-bottom:2px solid #bbb}
.r-content{background:#e4f5e4}
.r-via{background:#d8f0f7}
.r-party{background:#d6e4ff;border-bottom:2px solid #3a62c9}
.r-date{background:#ffe9a8}
.r-contact_cue{background:#f6d7f6}
.r-cue{background:#f3c4f3}
.r-speaker{background:#b9ecf2;font-weight:600}
.rej{opacity:.55;text-decoration:line-through dotted}
.dropped{color:#999;background:#f3f3f3}
.dropped .s{background:none;border:none;font-weight:normal}
.dnote{font-size:.75em;color:#a33;font-style:italic}
.tag{font-size:.62em;font-weight:700;vertical-align:super;padding:0 .25em;margin:0 .1em;border-radius:3px;
 letter-spacing:.03em;line-height:1;color:#333;background:#eee}
.t-speaker{background:#7fd6e0}.t-cue,.t-contact_cue{background:#e59be5}.t-content{background:#a9dca9}
.t-date{background:#f5cf57}.t-party,.t-via{background:#9db8f5}
a.cl{font-size:.7em;vertical-align:super;text-decoration:none;padding:0 .3em;border-radius:8px;color:#fff}
.st-pending{background:#888}.st-accepted{background:#2e8b3a}.st-edited{background:#c98a00}
.st-rejected{background:#c0392b}
table{border-collapse:collapse;width:100%;margin-top:1.5em;font-size:.9em}
th,td{border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top;padding:.35em .5em}
td.st span{color:#fff;padding:0 .4em;border-radius:8px;white-space:nowrap}
.legend span{margin-right:.6em}
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
{body}
</body>
</html>
"""

_ORDER = {role: i for i, role in enumerate(ROLES)}


def esc(value: object) -> str:
    """HTML-escape anything from the article or the database (quotes too: it goes in attributes)."""
    return html.escape(str(value), quote=True)


def article_html(article: StoredArticle, states: Sequence[ClaimState]) -> str:
    """One self-contained page: the article with every claim's spans marked and a table of claims."""
    text = article.text
    numbered = list(enumerate(states, 1))
    cover: list[tuple[int, int, str, int, str]] = []  # start, end, role, claim number, status
    for n, st in numbered:
        for role, s, e in claim_spans(st.effective):
            if 0 <= s < e <= len(text):
                cover.append((s, e, role, n, st.status))
    cuts = {0, len(text)}
    for s, e, *_ in cover:
        cuts.update((s, e))
    for d in article.dropped:
        cuts.update((d.span.start, d.span.end))
    bounds = sorted(cuts)
    tags: dict[int, list[tuple[str, int]]] = {}
    markers: dict[int, list[tuple[int, str]]] = {}
    for s, _e, role, n, status in cover:
        if role == "sentence":
            markers.setdefault(s, []).append((n, status))
        else:
            tags.setdefault(s, []).append((role, n))
    drop_at = {d.span.start: d for d in article.dropped}
    drop_end = {d.span.end for d in article.dropped}
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a in drop_at:
            out.append(f'<span class="dropped" title="{esc(_dropped_note(drop_at[a]))}">')
        for n, status in sorted(markers.get(a, [])):
            out.append(f'<a class="cl st-{status}" href="#c{n}" title="claim {n}: {status}">{n}</a>')
        for label, nums in _group_tags(tags.get(a, [])):
            out.append(f'<span class="tag t-{label[1]}">{esc(label[0])} {esc(nums)}</span>')
        here = [(role, n, status) for s, e, role, n, status in cover if s <= a and b <= e]
        piece = esc(text[a:b])
        if here:
            roles = sorted({r for r, _, _ in here}, key=_ORDER.__getitem__)
            classes = ["s"] + [f"r-{r}" for r in roles]
            if all(status == "rejected" for _, _, status in here):
                classes.append("rej")
            title = "; ".join(f"claim {n} {r.replace('_', ' ')}" for r, n, _ in sorted(here, key=_number))
            claims = " ".join(str(n) for n in sorted({n for _, n, _ in here}))
            attrs = f'class="{" ".join(classes)}" data-claims="{claims}" title="{esc(title)}"'
            out.append(f"<span {attrs}>{piece}</span>")
        else:
            out.append(piece)
        if b in drop_end:
            d = next(x for x in article.dropped if x.span.end == b)
            out.append(f'<span class="dnote"> [{esc(_dropped_note(d))}]</span></span>')
    counts: dict[str, int] = {}
    for st in states:
        counts[st.status] = counts.get(st.status, 0) + 1
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "none"
    meta = [f"published {esc(article.published or 'unknown')}"]
    if article.source:
        meta.append(f"source {esc(article.source)}")
    meta.append(f"{len(states)} claims ({esc(summary)})")
    if article.dropped:
        meta.append(f"{len(article.dropped)} repeated paragraph(s) dropped (greyed out)")
    legend = "".join(
        f'<span class="tag t-{role}">{label}</span>'
        for role, label in (("speaker", "SPEAKER"), ("cue", "CUE"), ("content", "CONTENT"), ("date", "DATE"),
                            ("party", "PARTY"))
    )
    body = [
        f"<header><h1>{esc(article.id)}</h1><p class=\"meta\">{' &middot; '.join(meta)}</p>",
        f'<p class="legend">{legend}<span class="meta">sentence underlined; numbers link to the claim</span>'
        "</p>",
        "</header>",
        f'<div class="text">{"".join(out)}</div>',
        _claims_table(numbered),
    ]
    return _PAGE.format(title=esc(f"{article.id} - claims"), css=_CSS, body="\n".join(body))


def _number(item: tuple[str, int, str]) -> int:
    return item[1]


def _group_tags(items: list[tuple[str, int]]) -> list[tuple[tuple[str, str], str]]:
    """Tags starting at one offset, one per label: ``SPEAKER 3,5``."""
    by: dict[tuple[str, str], list[int]] = {}
    for role, n in items:
        by.setdefault((LABELS[role], role), []).append(n)
    order = sorted(by, key=lambda k: -_ORDER[k[1]])
    return [(k, ",".join(str(n) for n in sorted(set(by[k])))) for k in order]


def _claims_table(numbered: list[tuple[int, ClaimState]]) -> str:
    rows = [
        "<table><thead><tr><th>#</th><th>status</th><th>speaker</th><th>cue</th><th>content</th>"
        "<th>date</th><th>contact</th><th>conf.</th></tr></thead><tbody>"
    ]
    for n, st in numbered:
        c = st.effective
        via = ""
        if c.attribution is not None and c.attribution.via:
            via = f"<br><small>via {esc(party_names(c.attribution.via))}</small>"
        kind = f"<br><small>{esc(c.attribution.type)}</small>" if c.attribution is not None else ""
        edited = " (edited values)" if st.decision is not None and st.decision.claim is not None else ""
        rows.append(
            f'<tr id="c{n}"><td>{n}</td>'
            f'<td class="st"><span class="st-{st.status}">{esc(st.status)}</span>'
            f"{'' if st.decision is None else f'<br><small>{esc(status_text(st))}{esc(edited)}</small>'}"
            f'<br><small class="meta">{esc(st.claim_id)}</small></td>'
            f"<td>{esc(speaker_text(c))}{via}</td>"
            f"<td>{esc(c.cue.text if c.cue else '')}{kind}</td>"
            f"<td>{esc(c.content.text if c.content else '')}</td>"
            f"<td>{esc(date_text(c))}</td>"
            f"<td>{esc(contact_text(c))}</td>"
            f"<td>{'' if c.confidence is None else f'{c.confidence:.2f}'}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)

