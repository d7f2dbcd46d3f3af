"""Claims on the seed and corpus articles: real extracted values."""

from conftest import SEED_CALL, SEED_DUP, read_raw


def test_every_span_of_every_claim_points_into_the_raw_text(corpus_results):
    checked = 0
    for article_id, result in corpus_results.items():
        raw = read_raw(article_id)
        assert result.article.text == raw
        for claim in result.claims:
            for label, span in claim.spans():
                assert raw[span.start : span.end] == span.text, (article_id, label, span)
                checked += 1
    assert checked > 500


def test_claim_ids_are_unique_and_stable(corpus_results):
    from extractor.models import make_claim_id

    for result in corpus_results.values():
        ids = [c.claim_id for c in result.claims]
        assert len(ids) == len(set(ids))
        assert all(c.claim_id == make_claim_id(c) for c in result.claims)


def test_kirby_statement(corpus_results):
    claims = corpus_results[SEED_DUP].claims
    kirby = [c for c in claims if c.speaker and c.speaker.name == "John Kirby" and c.cue.text == "said"]
    assert len(kirby) == 1, "the repeated body must not give a second claim"
    claim = kirby[0]
    assert claim.speaker.mention.text == "Pentagon spokesman John Kirby"
    assert claim.speaker.kind == "person"
    assert claim.content.text.startswith("Russia's top military leaders have refused to communicate")
    assert [p.name for p in claim.attribution.via] == ["U.S. media"]
    assert claim.attribution.via[0].kind == "media"


def test_no_claim_comes_from_a_dropped_paragraph(corpus_results):
    result = corpus_results[SEED_DUP]
    for claim in result.claims:
        for d in result.dropped:
            assert not (d.span.start <= claim.sentence.start < d.span.end)


def test_may_13_call_between_austin_and_shoigu_is_held(corpus_results):
    claims = corpus_results[SEED_CALL].claims
    calls = [c for c in claims if c.contact and c.contact.cue and c.contact.cue.text == "spoke"
             and c.sentence.text.startswith("The briefing notes")]
    assert len(calls) == 1
    claim = calls[0]
    names = {p.name for p in claim.contact.initiator + claim.contact.counterpart}
    assert names == {"Lloyd J. Austin III", "Sergei Shoigu"}
    assert claim.contact.status == "held"
    assert claim.contact.duration == "roughly one hour"
    assert claim.date.text == "May 13" and claim.date.value == "2022-05-13" and claim.date.resolved
    assert claim.speaker.name == "The briefing" and claim.cue.text == "notes"


def test_colon_headline_is_an_attribution_with_a_refused_contact(corpus_results):
    title = next(c for c in corpus_results[SEED_DUP].claims if c.sentence.start == 0)
    assert title.speaker.name == "Pentagon" and title.cue.text == ":"
    assert title.contact.status == "refused"
    # 'refused' means the other side declined: the refusing generals are the counterpart
    assert [p.name for p in title.contact.counterpart] == ["Sergei Shoigu", "Valery Gerasimov"]
    assert [p.name for p in title.contact.initiator] == ["US colleagues"]


def test_according_to_and_not_attempted(corpus_results):
    claim = next(c for c in corpus_results[SEED_DUP].claims if c.cue and c.cue.text == "According to")
    assert claim.speaker.name == "U.S. officials" and claim.speaker.kind == "anonymous"
    assert claim.attribution.type == "according_to"
    assert claim.contact.status == "not_attempted"
    assert [p.name for p in claim.contact.initiator] == ["Anthony Blinken"]
    assert [p.name for p in claim.contact.counterpart] == ["Sergei Lavrov"]


def test_surname_and_pronoun_resolve_to_full_names(corpus_results):
    claims = corpus_results[SEED_CALL].claims
    urged = [c for c in claims if c.cue and c.cue.text == "urged"]
    assert [(c.speaker.mention.text, c.speaker.name) for c in urged] == [
        ("Sullivan", "Jake Sullivan"),
        ("Patrushev", "Nikolai Patrushev"),
    ]
    advised = next(c for c in claims if c.cue and c.cue.text == "advised")
    assert (advised.speaker.mention.text, advised.speaker.name) == ("He", "Nikolai Patrushev")
    noted = next(c for c in claims if c.cue and c.cue.text == "noted")
    assert (noted.speaker.mention.text, noted.speaker.name) == ("He", "Lloyd J. Austin III")


def test_dateline_gives_publication_date(corpus_results):
    import datetime as dt

    result = corpus_results["wn-2019-01-07-president-trump-says-he-can-and-may-put-us-into"]
    assert result.article.published == dt.date(2019, 1, 7)
    assert result.article.published_from == "dateline"
