"""Tests for extractor.dates: the guideline's date rules on expressions taken from the corpus articles."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from extractor.dates import Resolution, anaphoric_offset, find_date_expressions, parse_dateline, resolve_date
from extractor.models import DateRef

D = datetime.date
CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# 004_cfc88bfb802f9a60.txt, published 2022-05-13 (the spec's example).
PUB_004 = D(2022, 5, 13)
# 000_108201784cdfbb3e.txt carries no date; tests assume Tuesday 2022-03-22.
PUB_000 = D(2022, 3, 22)


def res(value: str | None, end: str | None = None) -> Resolution:
    return Resolution(value, end, value is not None)


UNRESOLVED = Resolution(None, None, False)


# ---------------------------------------------------------------- resolve_date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # 004: "on May 13 the defense ministers ... spoke", "about a month earlier, on March 24", ...
        ("May 13", PUB_004, res("2022-05-13")),
        ("March 24", PUB_004, res("2022-03-24")),
        ("early April", PUB_004, res("2022-04-01", "2022-04-10")),
        ("since mid-February", PUB_004, res("2022-02-11", "2022-05-13")),
        ("early March", PUB_004, res("2022-03-01", "2022-03-10")),
        ("March 16", PUB_004, res("2022-03-16")),
        ("in March", PUB_004, res("2022-03")),
        ("March", PUB_004, res("2022-03")),
        # 000: "over the past month", "last week", "for the first time since Feb. 24"
        ("last week", PUB_000, res("2022-03-14", "2022-03-20")),
        ("Feb. 24", PUB_000, res("2022-02-24")),
        ("since Feb. 24", PUB_000, res("2022-02-24", "2022-03-22")),
        ("over the past month", PUB_000, res("2022-02-22", "2022-03-22")),
        ("the past month", PUB_000, res("2022-02-22", "2022-03-22")),
    ],
)
def test_seed_articles(text: str, published: D, expected: Resolution) -> None:
    assert resolve_date(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "since the invasion",
        "since the invasion began",
        "after the invasion",
        "for the first time",
        "roughly one hour",
        "five weeks",
        "about a month earlier",  # 004: relative to another event, not to publication
        "the next day",
        "the same day",
        "the previous month",
        "years",
        "a few years",
        "the past years",
        "daily",
        "79",  # "He was 79."
        "0300",  # "(0300 UTC Monday morning)"
        "Wednesday, 1885",  # spaCy's merge of "Wednesday, 1,885 ..."
        "Election Day",
    ],
)
def test_no_calendar_anchor_is_unresolved(text: str) -> None:
    assert resolve_date(text, PUB_004) == UNRESOLVED


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Wikinews articles in corpus/ (published = their dateline)
        ("Monday, January 7, 2019\xa0 \n\n\n", None, res("2019-01-07")),
        ("Monday, January 14, 2019\xa0\n\n\nAn individual", None, res("2019-01-14")),
        ("Friday", D(2019, 1, 7), res("2019-01-04")),
        ("on Friday", D(2019, 1, 7), res("2019-01-04")),
        ("yesterday", D(2019, 1, 7), res("2019-01-06")),
        ("December 22, last year", D(2019, 1, 7), res("2018-12-22")),
        ("last night", D(2019, 1, 14), res("2019-01-13")),
        ("this evening", D(2019, 1, 14), res("2019-01-14")),
        ("early today", D(2019, 1, 14), res("2019-01-14")),
        ("for the last 27 years", D(2019, 1, 14), res("1992-01-14", "2019-01-14")),
        ("since 1998", D(2019, 1, 14), res("1998", "2019-01-14")),
        ("this year", D(2019, 1, 14), res("2019")),
        ("Yesterday", D(2019, 9, 25), res("2019-09-24")),
        ("yesterday night", D(2019, 9, 5), res("2019-09-04")),
        ("late July", D(2019, 9, 25), res("2019-07-21", "2019-07-31")),
        ("this week", D(2019, 9, 30), res("2019-09-30", "2019-10-06")),  # published on a Monday: the whole week
        ("the coming week", D(2019, 9, 30), res("2019-09-30", "2019-10-06")),  # the days ahead, not next week
        ("the coming year", D(2019, 9, 30), res("2020")),
        ("the coming weekend", D(2019, 9, 30), res("2019-10-05", "2019-10-06")),
        ("earlier this week", D(2019, 10, 3), res("2019-09-30", "2019-10-03")),
        ("Earlier this month", D(2020, 3, 17), res("2020-03-01", "2020-03-17")),  # as the annotators of 210 did
        ("earlier this year", D(2019, 8, 6), res("2019-01-01", "2019-08-06")),
        ("later this month", D(2020, 2, 10), res("2020-02-10", "2020-02-29")),
        ("Last week", D(2019, 9, 30), res("2019-09-23", "2019-09-29")),
        ("last July", D(2019, 9, 30), res("2019-07")),
        ("Late on Sunday", D(2019, 10, 15), res("2019-10-13")),
        ("October 6", D(2019, 10, 15), res("2019-10-06")),
        ("mid-August", D(2019, 10, 16), res("2019-08-11", "2019-08-20")),
        ("since 2009", D(2019, 10, 16), res("2009", "2019-10-16")),
        ("January 2", D(2020, 1, 10), res("2020-01-02")),
        ("last Thursday", D(2020, 1, 10), res("2020-01-02")),  # the EastMed summit met on Thursday, January 2
        ("December 20", D(2020, 1, 10), res("2019-12-20")),
        ("July 25", D(2020, 1, 10), res("2019-07-25")),  # 2020-07-25 would be > 6 months ahead
        ("March 20 last year", D(2020, 1, 10), res("2019-03-20")),
        ("May 2019", D(2020, 1, 10), res("2019-05")),
        ("September 19, 2018", D(2020, 1, 10), res("2018-09-19")),
        ("December 2023", D(2020, 1, 10), res("2023-12")),
        # Wikinews CSV sample
        ("March 15 to 17", D(2019, 3, 29), res("2019-03-15", "2019-03-17")),
        ("July 27–28", D(2019, 8, 5), res("2019-07-27", "2019-07-28")),
        ("July 13 to 17 of last year", D(2019, 9, 8), res("2018-07-13", "2018-07-17")),
        ("between 2015 and 2017", D(2019, 1, 27), res("2015", "2017")),
        ("between January 2016 and December 2019", D(2020, 7, 8), res("2016-01", "2019-12")),
        ("September and October", D(2019, 8, 29), res("2019-09", "2019-10")),
        ("since the 1970s", D(2019, 9, 4), res("1970", "2019-09-04")),
        ("2012–13", D(2020, 4, 14), res("2012", "2013")),
        ("the first week of April", D(2019, 5, 6), res("2019-04-01", "2019-04-07")),
        ("late last year", D(2019, 5, 19), res("2018-09", "2018-12")),
        ("the late 1960s", D(2019, 9, 25), res("1967", "1969")),
        ("the 1970s", D(2019, 8, 24), res("1970", "1979")),
        ("Saturday, April 27", D(2019, 5, 3), res("2019-04-27")),
        ("next Wednesday, July 31", D(2019, 7, 28), res("2019-07-31")),
        ("this past weekend", D(2019, 2, 11), res("2019-02-09", "2019-02-10")),
        ("this coming Friday", D(2019, 2, 11), res("2019-02-15")),
        ("Three months ago", D(2020, 3, 6), res("2019-12-06")),
        ("a week ago", D(2020, 2, 5), res("2020-01-29")),
        ("20 Nov 2019", D(2019, 12, 7), res("2019-11-20")),
        ("1st of March to 10th of March", D(2020, 3, 8), res("2020-03-01", "2020-03-10")),
        ("the next ten days", D(2020, 3, 8), res("2020-03-08", "2020-03-18")),
    ],
)
def test_wikinews_expressions(text: str, published: D | None, expected: Resolution) -> None:
    assert resolve_date(text, published) == expected


def test_year_rule_takes_previous_year_only_beyond_six_months() -> None:
    # Published 2022-05-13: six months later is 2022-11-13.
    assert resolve_date("October 31", PUB_004).value == "2022-10-31"
    assert resolve_date("November 13", PUB_004).value == "2022-11-13"
    assert resolve_date("November 14", PUB_004).value == "2021-11-14"
    assert resolve_date("December", PUB_004).value == "2021-12"
    # Late in the year nothing moves back: "January 4" stays in the publication year.
    assert resolve_date("January 4", D(2019, 12, 28)).value == "2019-01-04"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2022-05-13"),
        ("this morning", "2022-05-13"),
        ("yesterday", "2022-05-12"),
        ("tomorrow", "2022-05-14"),
        # Published on a Friday: a bare weekday is strictly before, a week back for Friday; a 'last'
        # weekday is that day of last week, as 'last week' is the previous Monday-Sunday (annotators
        # of the EastMed and toilet-paper articles: 'last Thursday' in a Friday article, 8 days back).
        ("Friday", "2022-05-06"),
        ("last Friday", "2022-05-06"),
        ("last Wednesday", "2022-05-04"),
        ("last Thursday", "2022-05-05"),
        ("Wednesday", "2022-05-11"),
        ("this past Wednesday", "2022-05-11"),
        ("Monday", "2022-05-09"),
        ("on Monday", "2022-05-09"),
        ("next Monday", "2022-05-16"),
        ("this coming Monday", "2022-05-16"),
        ("next Friday", "2022-05-20"),
    ],
)
def test_day_and_weekday_rules(text: str, expected: str) -> None:
    assert resolve_date(text, PUB_004) == res(expected)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("last week", PUB_004, res("2022-05-02", "2022-05-08")),
        ("last week's", PUB_004, res("2022-05-02", "2022-05-08")),
        ("this week", PUB_004, res("2022-05-09", "2022-05-15")),
        ("last month", PUB_004, res("2022-04")),
        ("last month", D(2019, 1, 10), res("2018-12")),
        ("last year", PUB_004, res("2021")),
        ("late May", PUB_004, res("2022-05-21", "2022-05-31")),
        ("end of May", PUB_004, res("2022-05-21", "2022-05-31")),
        ("the end of May", PUB_004, res("2022-05-21", "2022-05-31")),
        ("mid February", PUB_004, res("2022-02-11", "2022-02-20")),
        ("late February", D(2020, 3, 8), res("2020-02-21", "2020-02-29")),
        ("the past two weeks", PUB_004, res("2022-04-29", "2022-05-13")),
        ("in the past month", PUB_004, res("2022-04-13", "2022-05-13")),
        ("in recent days", PUB_004, res("2022-05-06", "2022-05-13")),
        ("the past month", D(2022, 3, 31), res("2022-02-28", "2022-03-31")),  # day clamped
        ("three days ago", PUB_004, res("2022-05-10")),
        ("two weeks ago", PUB_004, res("2022-04-29")),
        ("two months ago", PUB_004, res("2022-03-13")),
        ("since last week", PUB_004, res("2022-05-02", "2022-05-13")),
    ],
)
def test_interval_and_period_rules(text: str, published: D, expected: Resolution) -> None:
    assert resolve_date(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019", res("2019")),
        ("March 2019", res("2019-03")),
        ("March, 2018", res("2018-03")),
        ("March of 2016", res("2016-03")),
        ("May 13, 2022", res("2022-05-13")),
        ("on May 13, 2022", res("2022-05-13")),
        ("February 26, 1944", res("1944-02-26")),
        ("2019-01-07", res("2019-01-07")),
        ("October 2 2018", res("2018-10-02")),
    ],
)
def test_absolute_dates_with_year_need_no_publication_date(text: str, expected: Resolution) -> None:
    assert resolve_date(text, None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "May 13",
        "Feb. 24",
        "in March",
        "early April",
        "last week",
        "yesterday",
        "Monday",
        "since 2014",
        "over the past month",
        "two days ago",
        "this year",
    ],
)
def test_relative_without_publication_date_is_unresolved(text: str) -> None:
    assert resolve_date(text, None) == UNRESOLVED


@pytest.mark.parametrize(
    "text",
    [
        "May 2029 to December 31, 2021",  # an interval ending before it starts (typo in the article)
        "February 30",
        "February 29",  # 2022 is not a leap year
    ],
)
def test_impossible_dates_are_unresolved(text: str) -> None:
    assert resolve_date(text, PUB_004) == UNRESOLVED


def test_results_fit_the_claim_record() -> None:
    """Every value the module produces is accepted by the DateRef model of the claim record."""
    texts = [
        "May 13",
        "early April",
        "since mid-February",
        "last week",
        "last month",
        "2019",
        "the 1970s",
        "Q2 2021",
        "the third quarter of 2020",
        "last summer",
        "Christmas Eve",
        "the 21st century",
        "after the invasion",
    ]
    for text in texts:
        r = resolve_date(text, PUB_004)
        ref = DateRef(
            text=text, start=0, end=len(text), value=r.value, end_value=r.end_value, resolved=r.resolved
        )
        assert ref.resolved == (ref.value is not None)


def test_results_are_cached() -> None:
    assert resolve_date("early April", PUB_004) is resolve_date("early April", PUB_004)


# ---------------------------------------------------------------- find_date_expressions


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in find_date_expressions(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # 000
            "Russia's top military leaders have refused to communicate with their U.S. counterparts over the "
            "past month, Pentagon spokesman John Kirby said, citing U.S. media.",
            ["over the past month"],
        ),
        (  # 000
            "President Biden's national security adviser Jake Sullivan last week spoke with his counterpart "
            "Nikolai Patrushev for the first time since Feb. 24.",
            ["last week", "since Feb. 24"],
        ),
        (  # 000: no calendar anchor, nothing to find
            "Contacts between the United States and Russia have become much rarer since the invasion.",
            [],
        ),
        (  # 004
            "The briefing notes that on May 13 the defense ministers, Lloyd J. Austin III for the United "
            "States and Sergei Shoigu for Russia, spoke for roughly one hour.",
            ["May 13"],
        ),
        ("The first public comment emerged about a month earlier, on March 24.", ["March 24"]),
        (
            "In early April, Austin said he had been trying to reach Shoigu since mid-February, "
            "and again in early March.",
            ["early April", "since mid-February", "early March"],
        ),
        ("The call was agreed in March.", ["March"]),
        # Wikinews
        (
            "An individual has been arrested after Gdańsk mayor Paweł Adamowicz was stabbed last night.",
            ["last night"],
        ),
        (
            "Adamowicz had been mayor for the last 27 years, since 1998.",
            ["for the last 27 years", "since 1998"],
        ),
        ("the construction of a wall, pledged on December 22, last year.", ["December 22, last year"]),
        (  # one interval each, not the last month alone
            "Yesterday, the United Kingdom's Queen Elizabeth II announced she will comply with the request of Prime "
            "Minister Boris Johnson to suspend Parliament for parts of September and October.",
            ["Yesterday", "September and October"],
        ),
        ("the opioid crisis claimed 15,393 lives in Canada between January 2016 and December 2019, according to",
         ["between January 2016 and December 2019"]),
        ("Both companies have been in operation since the 1970s according to", ["since the 1970s"]),
    ],
)
def test_find_date_expressions_on_corpus_sentences(sentence: str, expected: list[str]) -> None:
    assert spans(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Theresa May said the march would go ahead.",
        "Support fell in May's government.",
        "A report by April Ryan followed.",
        "The list had 24 names.",
        "It happened a year\nago.",  # a span never crosses a line break
    ],
)
def test_find_date_expressions_ignores_non_dates(sentence: str) -> None:
    assert spans(sentence) == []


def test_found_spans_are_exact_offsets_and_resolve() -> None:
    text = (
        "Sullivan last week spoke with Patrushev for the first time since Feb. 24. Over the past two weeks, "
        "in recent days and three days ago, officials met; the ministers spoke on May 13."
    )
    found = find_date_expressions(text)
    assert [text[s:e] for s, e in found] == [
        "last week",
        "since Feb. 24",
        "Over the past two weeks",
        "in recent days",
        "three days ago",
        "May 13",
    ]
    assert all(resolve_date(text[s:e], PUB_004).resolved for s, e in found)
    assert found == sorted(found)


# ---------------------------------------------------------------- parse_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Monday, January 7, 2019\xa0 \n\n\nUnited States President Donald Trump said on Friday",
            D(2019, 1, 7),
        ),
        ("Monday, January 14, 2019\xa0\n\n\nAn individual has been arrested", D(2019, 1, 14)),
        ("Tuesday, October 8, 2019\xa0\n\n\n██\xa0Syrian Arab Republic", D(2019, 10, 8)),
        ("January 7, 2019\nUnited States President", D(2019, 1, 7)),
        ("2019-01-07\n\nText", D(2019, 1, 7)),
        ("Monday, January 7, 2019", D(2019, 1, 7)),
        ("On Tuesday, the Greek prime minister Kyriakos Mitsotakis reaffirmed", None),
        ("Yesterday, Ukrainian President Volodymyr Zelensky declined", None),
        ("Thursday, United States military forces", None),
        ("January 7, 2019 was the day Trump spoke.", None),  # not a line of its own
        ("Tuesday, January 7, 2019\n", None),  # the weekday contradicts the date
        ("A concise briefing summarizes a phone conversation", None),
    ],
)
def test_parse_dateline(text: str, expected: D | None) -> None:
    assert parse_dateline(text) == expected


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus/ not present")
def test_parse_dateline_on_corpus_files() -> None:
    """Every Wikinews file opening with a dateline gives the date in its file name; the seeds give None."""
    checked = 0
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        named = re.match(r"wn-(\d{4}-\d{2}-\d{2})", path.name)
        got = parse_dateline(text)
        if named and re.match(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ \d", text):
            assert got == D.fromisoformat(named.group(1)), path.name
            checked += 1
        elif not named:
            assert got is None, path.name
    assert checked > 0


# ---------------------------------------------------------------- dates in context (Wikinews sentences)


@pytest.fixture(scope="module")
def claim_dates():
    """(text, value) of every claim date of a short text, through the whole pipeline."""
    from extractor.pipeline import extract_texts

    def run(text: str, published: D) -> list[tuple[str, str | None]]:
        return [(c.date.text, c.date.value) for c in next(extract_texts([("t", text, published)])) if c.date]

    return run


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a future clause puts a weekday or a month without its year after publication
        ("Sputnik News reported Leonov, who died in Moscow, will be buried at the Federal Military Memorial"
         " Cemetery on Tuesday.", D(2019, 10, 12), ("Tuesday", "2019-10-15")),
        ("Johnson described the result as a \"historic mandate\", saying he intends to leave the EU by the end"
         " of January.", D(2019, 12, 16), ("the end of January", "2020-01-21")),
        # a plan told in the past may lie on either side of publication: the defaults hold
        ("The Senate was to meet Monday to discuss Pierluisi's confirmation.", D(2019, 8, 8), ("Monday", "2019-08-05")),
        ("Humberto was expected to pass by Bermuda late Wednesday night.", D(2019, 9, 19),
         ("late Wednesday night", "2019-09-18")),
        ("In Ohio, which was planning to hold its primary election on Tuesday, Governor Mike DeWine postponed it,"
         " citing the health crisis.", D(2020, 3, 20), ("Tuesday", "2020-03-17")),
    ],
)
def test_future_clause_moves_dates_without_year_or_week(claim_dates, text, published, expected) -> None:
    assert expected in claim_dates(text, published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a deed told in the simple past is done: a later month is last year's
        ("The previous day, television broadcaster PBS revealed that in December, Crown Prince Mohammad bin Salman"
         " of Saudi Arabia accepted responsibility for the murder of journalist Jamal Khashoggi.", D(2019, 9, 29),
         ("December", "2018-12")),
        # a state may run past publication, a plan lie on either side: the defaults hold
        ("Officials said he was the envoy until December.", D(2019, 9, 29), ("December", "2019-12")),
        ("Officials said the ministers planned to meet in December.", D(2019, 9, 29), ("December", "2019-12")),
    ],
)
def test_past_clause_moves_a_later_month_to_last_year(claim_dates, text, published, expected) -> None:
    assert expected in claim_dates(text, published)


def test_days_named_from_the_story_resolve_against_its_last_day(claim_dates) -> None:
    # 'that day' is the Friday the same sentence names (published Sunday 2019-11-10)
    text = ("On Friday, the Combined Joint Task Force Operation Inherent Resolve released a statement saying an"
            " attack that day on an Iraqi air base near Mosul produced no casualties.")
    assert ("that day", "2019-11-08") in claim_dates(text, D(2019, 11, 10))
    text = ("A few days later, on July 2, Trump announced he would drop his bid to add the question, before"
            " reversing course the next day and pressing forward.")
    assert ("the next day", "2019-07-03") in claim_dates(text, D(2019, 7, 20))


@pytest.fixture(scope="module")
def article_dates():
    """(text, value) of every date expression of a short text, resolved in its context."""
    from extractor.claims import DateResolver, SpeechDate
    from extractor.nlp import load_pipeline

    nlp = load_pipeline()

    def run(text: str, published: D) -> list[tuple[str, str | None]]:
        doc = nlp(text)
        dates = list(doc._.dates)
        resolve = DateResolver(dates, text, published, doc._.future_dates, SpeechDate(published, []),
                               [s.start_char for s in doc.sents])
        return [(text[d[0] : d[1]], resolve(d).value) for d in dates]

    return run


def test_days_named_from_the_story_need_a_past_day_close_by(article_dates, claim_dates) -> None:
    # the only day before 'later the same day' is a future one: the letter's day is not known
    text = ("On Friday, the United States Department of Transportation announced new restrictions on flights to"
            " Cuba. The new policy, which is to take effect on December 10, prohibits all flights to Cuba.\n\n"
            "US Secretary of State Mike Pompeo sent a letter requesting the new rules to Elaine Chao; the new"
            " rules were released later the same day.")
    assert ("later the same day", None) in article_dates(text, D(2019, 10, 27))
    # and it dates the release, a clause of its own, not the letter
    assert ("later the same day", None) not in claim_dates(text, D(2019, 10, 27))


@pytest.mark.parametrize(
    ("text", "offset"),
    [("the next day", 1), ("The following day", 1), ("later that day", 0), ("the same day", 0),
     ("two days earlier", -2), ("A day later", 1), ("the day before", -1), ("next day", None),
     ("several days later", None), ("Monday", None)],
)
def test_anaphoric_offsets(text: str, offset: int | None) -> None:
    assert anaphoric_offset(text) == offset


@pytest.fixture(scope="module")
def cue_dates():
    """(cue or contact cue, date text or None, date value) of every claim of a short text."""
    from extractor.pipeline import extract_texts

    def run(text: str, published: D) -> list[tuple[str | None, str | None, str | None]]:
        out = []
        for c in next(extract_texts([("t", text, published)])):
            cue = c.cue or (c.contact.cue if c.contact else None)
            out.append((cue.text if cue else None, c.date.text if c.date else None, c.date.value if c.date else None))
        return out

    return run


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a date in another clause of the sentence does not date the claim (the guideline's decision)
        ("President Trump, who appointed Murphy to her position himself in 2017, responded to her letter on Twitter,"
         ' calling for the beginning of a presidential transition process "in the best interests of the country".',
         D(2020, 11, 26), ("responded to", None, None)),
        ("President Vladimir Putin was briefed, and flew to Magnitogorsk on Monday, observing the rescue mission and"
         " visiting the wounded in hospital.", D(2019, 1, 4), ("briefed", None, None)),
        # nor does one in a clause below the content's own ('after Turkey began ... on Wednesday')
        ("Late on Sunday, the Kurdish-led Syrian Democratic Forces (SDF) announced it had entered into an agreement"
         " with the government of Syria after Turkey began a military offensive into north-eastern Syria on"
         " Wednesday.", D(2019, 10, 15), ("announced", "Late on Sunday", "2019-10-13")),
        # 'next month on August 2', 'Earlier this week on Wednesday': the exact day
        ("Rosselló said he is to leave office next month on August 2 at 5 p.m. local time (2100 UTC).",
         D(2019, 7, 28), ("said", "August 2", "2019-08-02")),
        ('Earlier this week on Wednesday on the live television, President Erdogan said: "Ayasofya will no longer'
         ' be called a museum."', D(2019, 3, 31), ("said", "Wednesday", "2019-03-27")),
        ("This Wednesday Greek Foreign Minister George Katrougalos emphasized the requirement of approval by UNESCO.",
         D(2019, 3, 31), ("emphasized", "This Wednesday", "2019-03-27")),
        # coordinated dates are one interval, not two clauses
        ("Before the COVID-19 pandemic, the opioid crisis claimed 15,393 lives in Canada between January 2016 and"
         " December 2019, according to the Canadian Public Health Infobase.", D(2020, 9, 13),
         ("according to", "between January 2016 and December 2019", "2016-01")),
    ],
)
def test_a_claim_is_dated_by_its_own_clause(cue_dates, text, published, expected) -> None:
    assert expected in cue_dates(text, published)


def test_times_of_day_are_dated_by_the_story(article_dates, cue_dates) -> None:
    # El Paso: the day is the Saturday the sentence before names
    text = ("A gunman opened fire in a Walmart in El Paso, Texas on Saturday morning. The shooting began at 10:39 a.m."
            " local time (1639 UTC), according to police, who said officers arrived at the Walmart six minutes later.")
    assert ("10:39 a.m. local time (1639 UTC)", "2019-08-03") in article_dates(text, D(2019, 8, 8))
    # a time put on a weekday takes that weekday
    text = ("The Philippine Institute of Volcanology and Seismology (Phivolcs) reported the first quake occurred at"
            " 7:37 p.m. local time (1137 UTC) on Wednesday.")
    expected = ("reported", "7:37 p.m. local time (1137 UTC) on Wednesday", "2019-10-16")
    assert expected in cue_dates(text, D(2019, 10, 22))
    # a time after a day long past is not that day: 'his last roll call vote was on September 11'
    text = ("His last roll call vote was on September 11. At 2:45 a.m. local time (0645 UTC), his office said, he died"
            " at Gilchrist Hospice Care.")
    assert ("2:45 a.m. local time (0645 UTC)", None) in article_dates(text, D(2019, 10, 18))
    # and a time with no day at all dates nothing
    assert ("advocate", None, None) in cue_dates(
        "They advocate that the council should enforce a quiet zone after 10pm at residential areas.", D(2020, 8, 1))


def test_today_in_a_quote_is_the_day_of_the_endorsement(cue_dates) -> None:
    text = ('Wednesday, the same day that he dropped out, Bloomberg endorsed his former rival, Joe Biden.  "Three'
            ' months ago," he said, "I entered the race for President to defeat Donald Trump. Today, I am leaving'
            ' the race for the same reason."')
    assert ("said", "Today", "2020-03-04") in cue_dates(text, D(2020, 3, 6))


@pytest.mark.parametrize("text", ["five eighth", "eighteen", "our early ages", "annual"])
def test_an_expression_with_no_word_of_time_is_no_date(text: str) -> None:
    # spaCy's DATE tags on Wikinews sentences: a rugby position, an age, a life stage, a frequency
    from extractor.dates import names_a_time

    assert not names_a_time(text)


def test_a_claim_is_not_dated_by_a_rugby_position(claim_dates) -> None:
    text = ('"The two guys that set [Uni\'s final try] up were an 18 year old half back and an 18 year old five'
            ' eighth," Tronc said.')
    assert claim_dates(text, D(2020, 9, 1)) == []
