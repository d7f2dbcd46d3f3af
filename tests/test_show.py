"""``extractor show``: one self-contained HTML page per article, spans highlighted, text escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from conftest import CORPUS, SEED_CALL, SEED_DUP

from extractor.cli import main
from extractor.review import claim_states, record
from extractor.store import Store

SKIP = {"tag", "cl", "dnote"}  # labels and claim numbers drawn into the text, not article text


class TextView(HTMLParser):
    """The ``.text`` block read back: the characters shown and, for each one, its classes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside the text block (0: outside)
        self.stack: list[set[str]] = []
        self.chars: list[str] = []
        self.classes: list[set[str]] = []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if self.depth == 0:
            if tag == "div" and "text" in classes:
                self.depth, self.stack = 1, [set()]
            return
        self.depth += 1
        self.stack.append(classes)

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            self.stack.pop()

    def handle_data(self, data):
        if not self.depth or any(SKIP & c for c in self.stack):
            return
        here = set().union(*self.stack)
        self.chars.extend(data)
        self.classes.extend([here] * len(data))

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def covered(self, start: int, end: int, cls: str) -> bool:
        return all(cls in c for c in self.classes[start:end])


def view(page: str) -> TextView:
    v = TextView()
    v.feed(page)
    v.close()
    return v


def ingest(db, *args, input=None):
    result = CliRunner().invoke(main, ["ingest", *args, "--db", str(db)], input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.output


def show(db, article_id, out) -> str:
    args = ["show", article_id, "--db", str(db), "-o", str(out)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("show") / "c.db"
    ingest(db, str(CORPUS / f"{SEED_CALL}.txt"), "--published", "2022-05-13")
    return db


class Elements(HTMLParser):
    """Every element with its attributes, and the CSS: what a browser would load or run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.css = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.css += data


def assert_offline(page: str) -> None:
    """No element that loads or runs anything, links only inside the page, CSS without url()."""
    p = Elements()
    p.feed(page)
    tags = {tag for tag, _ in p.elements}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "svg", "base", "form"}, tags
    for tag, attrs in p.elements:
        assert "src" not in attrs and not any(a.startswith("on") for a in attrs), (tag, attrs)
        assert attrs.get("href", "#").startswith("#"), (tag, attrs)
    assert "url(" not in p.css and "@import" not in p.css
    assert "default-src 'none'" in page  # and the page itself forbids loading anything


def test_seed_article_page_highlights_every_claim_span(seed_db, tmp_path):
    with Store(seed_db) as store:
        states = claim_states(store, SEED_CALL)
        text = store.get_article(SEED_CALL).text
        record(store, states[0], "ana", "reject")  # its sentence is no other claim's
        record(store, states[1], "ana", "accept")
    page = show(seed_db, SEED_CALL, tmp_path / "004.html")
    assert_offline(page)
    v = view(page)
    assert v.text == text  # every character of the article, in order, offsets intact
    for state in states:
        for role, span in state.claim.spans():
            assert v.covered(span.start, span.end, f"r-{role}"), (state.claim_id, role, span.text)

    def at(needle: str) -> tuple[int, int]:
        i = text.index(needle)
        return i, i + len(needle)

    # real values of the seed article (spec example): speaker, cue, date, contact parties and cue
    briefing = next(s.claim for s in states if s.claim.date is not None and s.claim.date.text == "May 13")
    assert briefing.speaker.mention.text == "The briefing" and v.covered(420, 432, "r-speaker")
    assert v.covered(433, 438, "r-cue") and v.covered(447, 453, "r-date")
    assert v.covered(*at("Lloyd J. Austin III"), "r-party")
    assert v.covered(*at("Sergei Shoigu for"), "r-content")
    patrushev = text.index("Patrushev urged")  # a later short mention, named in full in the table
    assert v.covered(patrushev, patrushev + len("Patrushev"), "r-speaker")
    assert "Nikolai Patrushev (person, secretary of Russia’s Security Council) as &#x27;Patrushev" in page
    assert "May 13 = 2022-05-13" in page
    # review status: per claim in the table, rejected spans struck through
    assert page.count('<span class="st-accepted">accepted</span>') == 1
    assert page.count('<span class="st-rejected">rejected</span>') == 1
    assert page.count('<span class="st-pending">pending</span>') == len(states) - 2
    assert "accepted by ana" in page
    rejected = states[0].claim.sentence
    assert [i for i, c in enumerate(v.classes) if "rej" in c] == list(range(rejected.start, rejected.end))


def test_dropped_paragraphs_are_greyed_out(tmp_path, corpus_results):
    db = tmp_path / "c.db"
    r = corpus_results[SEED_DUP]
    with Store(db) as store:
        store.save_article(SEED_DUP, r.article.text, r.article.published, r.dropped, r.claims)
    page = show(db, SEED_DUP, tmp_path / "000.html")
    v = view(page)
    assert v.text == r.article.text
    dropped = {i for d in r.dropped for i in range(d.span.start, d.span.end)}
    assert dropped and {i for i, c in enumerate(v.classes) if "dropped" in c} == dropped
    assert "dropped: exact repeat (100%) of chars 0-78" in page
    assert f"{len(r.dropped)} repeated paragraph(s) dropped" in page


def test_article_markup_is_shown_as_text(tmp_path):
    db = tmp_path / "c.db"
    text = (
        "Foreign Minister Sergei Lavrov said on Friday that"
        ' <script>alert("pwned")</script> talks had failed.\n'
        "\"The <b onmouseover='steal()'>talks</b> & the call were useful,\" Kremlin spokesman Dmitry Peskov "
        "told reporters.\n"
    )
    ingest(db, "-", "--id", "<img src=x onerror=alert(1)>", "--published", "2022-05-13", input=text)
    with Store(db) as store:
        [aid] = store.article_ids()
        assert list(store.iter_claims(aid))  # the article has claims, so their spans are drawn too
    page = show(db, aid, tmp_path / "x.html")
    assert_offline(page)
    assert "<script>" not in page and "<b " not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    v = view(page)
    assert v.text == text
    peskov = text.index("Dmitry Peskov")
    assert v.covered(peskov, peskov + len("Dmitry Peskov"), "r-speaker")


def test_show_unknown_article(seed_db, tmp_path):
    result = CliRunner().invoke(main, ["show", "nope", "--db", str(seed_db), "-o", str(tmp_path / "n.html")])
    assert result.exit_code == 1 and "no article 'nope'" in result.output
