from conftest import SEED_DUP, read_raw

from extractor.cleaning import clean, normalise, split_paragraphs


def test_seed_repeated_body_comes_out_once():
    raw = read_raw(SEED_DUP)
    cleaned = clean(raw)
    kept = [raw[p.start : p.end] for p in cleaned.kept]
    assert len(kept) == 6  # the title and the five body paragraphs
    assert kept[0] == "Pentagon: Shoigu and Gerasimov refused to communicate with their US colleagues"
    assert kept[1].startswith("Russia's top military leaders have refused")
    assert kept[5].startswith("Former senior U.S. intelligence officer")
    assert len(set(map(normalise, kept))) == 6


def test_dropped_paragraphs_point_at_their_originals():
    raw = read_raw(SEED_DUP)
    cleaned = clean(raw)
    assert len(cleaned.dropped) == 6
    for d in cleaned.dropped:
        assert d.span.matches(raw) and d.duplicate_of.matches(raw)
        assert d.duplicate_of.start < d.span.start
        assert normalise(d.span.text) == normalise(d.duplicate_of.text)
        assert d.kind == "exact" and d.similarity == 100.0


def test_masking_keeps_offsets():
    raw = read_raw(SEED_DUP)
    cleaned = clean(raw)
    assert len(cleaned.masked) == len(raw)
    for p in cleaned.kept:
        assert cleaned.masked[p.start : p.end] == raw[p.start : p.end]
    for d in cleaned.dropped:
        assert not cleaned.masked[d.span.start : d.span.end].strip()


def test_near_duplicate_with_changed_words_is_dropped_and_distinct_paragraph_kept():
    first = "The minister said on Tuesday that talks with the delegation would continue next week in Geneva."
    near = "The minister said on Tuesday that talks with the delegation would resume next week in Geneva."
    other = "Protesters gathered outside the parliament building, demanding the resignation of the cabinet."
    raw = "\n\n".join([first, other, near])
    cleaned = clean(raw)
    assert [d.kind for d in cleaned.dropped] == ["near"]
    assert cleaned.dropped[0].duplicate_of.text == first
    assert 90 <= cleaned.dropped[0].similarity < 100


def test_exact_repeat_ignores_case_quotes_and_spacing():
    raw = 'He said “no deal”  today.\n\nhe said "no deal" today.'
    assert [d.kind for d in clean(raw).dropped] == ["exact"]


def test_paragraphs_one_per_line_and_hard_wrapped_lines():
    wrapped = "Second paragraph is long enough that an old wire feed wrapped it over two"
    text = f"Title line\nFirst paragraph ends here.\n{wrapped}\nlines of text."
    paras = [text[p.start : p.end] for p in split_paragraphs(text)]
    assert paras == [
        "Title line",
        "First paragraph ends here.",
        f"{wrapped}\nlines of text.",
    ]
