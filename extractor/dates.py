"""Date expressions: find them in article text and resolve them against the publication date.

A claim's ``date`` (see ``shared/spec/claims.md``) carries the expression as written plus ISO
``value``/``end_value``. The rules here are the annotation guideline's, so extractor output and
hand annotations agree:

* absolute forms ("May 13", "Feb. 24", "March 2019", "2019") are parsed by dateparser, which already
  knows month names, abbreviations, ordinals and day-first/ISO orders; a date without a year takes the
  publication year, or the year before when that would put it more than six months after publication;
* relative forms ("yesterday", "last week", "since mid-February", "over the past month", "two days ago")
  are plain ``datetime``/``calendar`` arithmetic on the publication date, because dateparser returns a
  single instant and cannot express the guideline's intervals;
* anything without a calendar anchor ("after the invasion", "five weeks") stays unresolved, and so
  does anything relative when the publication date is unknown.

Word lists (month names, number words, period boundaries) live in ``patterns/dates.json``.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Token

__all__ = ["Resolution", "anaphoric_offset", "find_date_expressions", "future_dates", "names_a_time", "parse_dateline",
           "past_dates", "resolve_date"]

_DATA = json.loads((Path(__file__).parent / "patterns" / "dates.json").read_text(encoding="utf-8"))
_MONTHS: dict[str, int] = _DATA["months"]
_WEEKDAYS: dict[str, int] = _DATA["weekdays"]
_NUMBERS: dict[str, int] = _DATA["numbers"]
_ORDINALS: dict[str, int] = _DATA["ordinals"]
_MONTH_PERIODS: dict[str, list[int]] = _DATA["month_periods"]
_YEAR_PERIODS: dict[str, list[int]] = _DATA["year_periods"]
_SPAN_PERIODS: dict[str, list[float]] = {k: v for k, v in _DATA["span_periods"].items() if k[0] != "_"}
_SEASONS: dict[str, list[int]] = {k: v for k, v in _DATA["seasons"].items() if k[0] != "_"}
_DECADE_WORDS: dict[str, int] = _DATA["decade_words"]
_HOLIDAYS: dict[str, list[int]] = {k: v for k, v in _DATA["holidays"].items() if k[0] != "_"}
_RECENT_DAYS: int = 7  # guideline: "in recent days" = the 7 days before publication


@dataclass(frozen=True)
class Resolution:
    value: str | None  # ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    end_value: str | None  # end of an interval, same formats, or None
    resolved: bool  # True iff value is not None


_UNRESOLVED = Resolution(None, None, False)

# (value, end_value) while resolving; None when the expression cannot be resolved.
_Val = tuple[str, str | None]

# One parser for every call: RELATIVE_BASE is a fixed leap-year date only so that "February 29" parses;
# missing years are filled by the guideline's rule (_year_for), not by dateparser's PREFER_DATES_FROM,
# which would move "October 31" in an article of October 10 to the previous year.
_PARSER = DateDataParser(
    languages=["en"],
    settings={
        "RELATIVE_BASE": datetime.datetime(2000, 6, 15),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "MDY",
    },
)
# Datelines must be complete dates: strict parsing rejects anything missing day, month or year.
_STRICT_PARSER = DateDataParser(languages=["en"], settings={"STRICT_PARSING": True, "DATE_ORDER": "MDY"})


def _alt(words: list[str] | dict[str, object]) -> str:
    """Regex alternation of words, longest first so that 'sept' wins over 'sep'."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# ---------------------------------------------------------------- calendar arithmetic


def _add_months(d: datetime.date, n: int) -> datetime.date:
    """``d`` moved by ``n`` calendar months, clamping the day (March 31 - 1 month = February 28/29)."""
    years, month0 = divmod(d.month - 1 + n, 12)
    year, month = d.year + years, month0 + 1
    return datetime.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _minus(d: datetime.date, n: int, unit: str) -> datetime.date:
    """``d`` minus ``n`` units (day, week, fortnight, month, year, decade)."""
    days = {"day": 1, "week": 7, "fortnight": 14}
    if unit in days:
        return d - datetime.timedelta(days=n * days[unit])
    return _add_months(d, -n * {"month": 1, "year": 12, "decade": 120}[unit])


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _year_for(month: int, day: int, published: datetime.date) -> int:
    """Guideline year for a month/day written without one: the publication year, or the year before
    when that would lie more than six months after publication."""
    limit = _add_months(published, 6)
    year = published.year
    try:
        candidate = datetime.date(year, month, day)
    except ValueError:  # February 29 in a non-leap year: compare against the 28th
        candidate = datetime.date(year, month, day - 1)
    return year - 1 if candidate > limit else year


def _weekday_before(published: datetime.date, weekday: int) -> datetime.date:
    """The most recent ``weekday`` strictly before publication."""
    return published - datetime.timedelta(days=(published.weekday() - weekday - 1) % 7 + 1)


def _weekday_after(published: datetime.date, weekday: int) -> datetime.date:
    """The next ``weekday`` strictly after publication."""
    return published + datetime.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)


def _number(word: str) -> int | None:
    """'3' -> 3, 'three' -> 3, 'twenty-three' -> 23; None for vague words ('a few', 'several')."""
    word = word.strip()
    if word.isdigit():
        return int(word)
    if word in _NUMBERS:
        return _NUMBERS[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in _NUMBERS and parts[1] in _NUMBERS:
        return _NUMBERS[parts[0]] + _NUMBERS[parts[1]]
    return None


# ---------------------------------------------------------------- normalisation

_APPROX = re.compile(r"^(?:(?:" + _alt(_DATA["approximators"]) + r") )+")
_PREPOSITIONS = re.compile(r"^(?:(?:on|in|at|during|over|throughout|for|within|as of) )+")
_ABBR_DOT = re.compile(r"\b(" + _alt([m for m in _MONTHS if len(m) <= 4]) + r")\.")


def _normalise(text: str) -> str:
    """Lower-case, single-spaced text of the expression alone.

    spaCy's DATE entities can run past a dateline into the next paragraph ('Monday, January 14,
    2019\\xa0\\n\\n\\nAn individual'), so only the first line counts; prepositions and approximators
    ('on', 'over', 'roughly') do not change the date and are dropped.
    """
    t = text.replace("\xa0", " ").replace("\u2019", "'").replace("\u2018", "'").strip()
    t = t.split("\n", 1)[0]
    t = re.sub(r"\s+", " ", t).lower()
    t = t.strip(' ,;:"()[]—–-').rstrip(".'")
    t = re.sub(r"'s$", "", t)
    t = _ABBR_DOT.sub(r"\1", t)
    t = re.sub(r"\bmid (?=\w)", "mid-", t)
    for pattern in (_APPROX, _PREPOSITIONS, _APPROX):
        t = pattern.sub("", t)
    return t.strip()


# ---------------------------------------------------------------- rule patterns (on normalised text)

_MONTH = _alt(_MONTHS)
_WEEKDAY = _alt(_WEEKDAYS)
_NUM = r"\d+|(?:" + _alt(_NUMBERS) + r")(?:[- ](?:" + _alt(_NUMBERS) + r"))?"
_UNIT = r"(?P<unit>day|week|fortnight|month|year|decade)s?"
_DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DAYPART = r"(?: (?:morning|afternoon|evening|night))?"
_PRE = r"(?:(?:early|late|earlier|later)(?: on)? )?"
_YEAR_SUFFIX = r"(?:,? (?:of )?(?P<y>\d{4}))?"
_PERIODS = _alt(set(_MONTH_PERIODS) | set(_YEAR_PERIODS) | set(_SPAN_PERIODS))
_WEEKDAY_PREFIX = (
    r"(?:(?:(?:next|last|this|this coming|this past|the preceding|the following|the previous) )?"
    r"(?P<wd>" + _WEEKDAY + r"),? )?"
)
_ABSOLUTE = re.compile(
    _WEEKDAY_PREFIX
    + r"(?P<date>(?:"
    + _MONTH
    + r") "
    + _DAY
    + _YEAR_SUFFIX.replace("y>", "y1>")
    + r"|(?:the )?"
    + _DAY.replace("d>", "d2>")
    + r" (?:of )?(?:"
    + _MONTH
    + r")"
    + r"(?:,? (?P<y2>\d{4}))?"
    + r"|(?:"
    + _MONTH
    + r")"
    + _YEAR_SUFFIX.replace("y>", "y3>")
    + r"|(?P<y4>1\d{3}|20\d{2}|21\d{2})"
    + r"|\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)"
)

_TIME_WORD = re.compile(
    r"\d|\b(?:" + _MONTH + "|" + _WEEKDAY + "|" + _alt([w for w in _DATA["seasons"] if not w.startswith("_")])
    + "|" + _alt([w for w in _DATA["holidays"] if not w.startswith("_")]) + "|" + _alt(_DATA["decade_words"])
    + r"|(?:day|week|weekend|fortnight|month|year|decade|centur(?:y|ie)|hour|minute|night|morning|afternoon"
    r"|evening|season|quarter|term|era|period|time|semester)s?|today|tonight|tomorrow|yesterday|noon|midnight"
    r"|now|ago|recent\w*|currently|dawn|dusk|easter|ramadan|eid|diwali|hanukkah|thanksgiving)\b",
    re.IGNORECASE,
)


def names_a_time(text: str) -> bool:
    """Whether an expression the model tags DATE holds any word of time at all: 'five eighth' (a
    rugby position) does not."""
    return bool(_TIME_WORD.search(text))


def _absolute(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    """Month/day/year forms via dateparser; the year rule fills a missing year."""
    data = _PARSER.get_date_data(m.group("date"))
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    if m.group("wd") and data.period != "day":
        return None  # 'Wednesday, 1885' is a weekday followed by a number, not a date
    parsed = data.date_obj.date()
    if re.search(r"\d{4}", m.group("date")):
        year = parsed.year
    elif published is None:
        return None
    else:
        year = _year_for(parsed.month, parsed.day, published)
        if data.period == "day" and m.group("wd"):
            # 'Saturday, April 27' names the weekday: prefer a neighbouring year it fits.
            wd = _WEEKDAYS[m.group("wd")]
            for cand in (year, year - 1, year + 1):
                if calendar.isleap(cand) or (parsed.month, parsed.day) != (2, 29):
                    if datetime.date(cand, parsed.month, parsed.day).weekday() == wd:
                        year = cand
                        break
    if data.period == "year":
        return f"{year:04d}", None
    if data.period == "month":
        return _ym(year, parsed.month), None
    if (parsed.month, parsed.day) == (2, 29) and not calendar.isleap(year):
        return None
    return datetime.date(year, parsed.month, parsed.day).isoformat(), None


def _day_word(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    if published is None:
        return None
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(m.group("w") or m.group("w2"), 0)
    return (published + datetime.timedelta(days=offset)).isoformat(), None


def _weekday(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    if published is None:
        return None
    wd = _WEEKDAYS[m.group("wd")]
    if m.group("mod") == "last":  # 'last Thursday': that day of last week, as 'last week' is the previous one
        return (published - datetime.timedelta(days=published.weekday() + 7 - wd)).isoformat(), None
    ahead = m.group("mod") in ("next", "this coming", "coming")
    day = _weekday_after(published, wd) if ahead else _weekday_before(published, wd)
    return day.isoformat(), None


def _calendar_unit(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    """'last week', 'this month', 'next year', 'earlier this week', 'this past weekend'."""
    return _calendar(m.group("pre"), m.group("mod"), m.group("unit"), published)


def _the_weekend(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    """'the weekend', 'over the weekend': the latest one, as 'this weekend'."""
    return _calendar(None, "this", "weekend", published)


def _calendar(pre: str | None, mod: str, unit: str, published: datetime.date | None) -> _Val | None:
    if published is None:
        return None
    if mod in ("the coming", "coming") and unit in ("week", "month"):
        # 'in the coming week': the days ahead of publication, not the next calendar week
        ahead = published + datetime.timedelta(days=6) if unit == "week" else _add_months(published, 1)
        return published.isoformat(), ahead.isoformat()
    step = {"last": -1, "this past": -1, "this": 0, "next": 1, "the coming": 1, "coming": 1}[mod]
    if step == 0 and pre in ("earlier", "later") and unit in ("month", "year"):
        # as 'earlier this week': the part of the month or year before publication, or after it
        first = published.replace(day=1) if unit == "month" else published.replace(month=1, day=1)
        last = _add_months(first, 1 if unit == "month" else 12) - datetime.timedelta(days=1)
        return (first.isoformat(), published.isoformat()) if pre == "earlier" else \
            (published.isoformat(), last.isoformat())
    if unit == "year":
        return f"{published.year + step:04d}", None
    if unit == "month":
        first = _add_months(published.replace(day=1), step)
        return _ym(first.year, first.month), None
    if unit == "weekend":
        saturday = published - datetime.timedelta(days=(published.weekday() - 5) % 7)  # on/before
        if step < 0 and saturday + datetime.timedelta(days=1) >= published:
            saturday -= datetime.timedelta(days=7)
        elif step > 0:
            saturday = _weekday_after(published, 5)
        return saturday.isoformat(), (saturday + datetime.timedelta(days=1)).isoformat()
    monday = published - datetime.timedelta(days=published.weekday()) + datetime.timedelta(weeks=step)
    sunday = monday + datetime.timedelta(days=6)
    if step == 0:
        if pre == "later":
            return published.isoformat(), sunday.isoformat()
        if pre == "earlier":
            return monday.isoformat(), published.isoformat()
    return monday.isoformat(), sunday.isoformat()


def _past_period(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    """'the past month', 'the last three months', 'past 15 years': publication minus that, up to it."""
    if published is None or (m.group("pl") and not m.group("n")):
        return None  # 'the past years' has no length
    n = _number(m.group("n")) if m.group("n") else 1
    if n is None:
        return None
    return _minus(published, n, m.group("unit")).isoformat(), published.isoformat()


def _next_period(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    """'the next ten days': from publication to publication plus that. Needs a number: without one
    ('the next day') the expression counts from an earlier event, not from publication."""
    n = _number(m.group("n"))
    if published is None or n is None:
        return None
    return published.isoformat(), _minus(published, -n, m.group("unit")).isoformat()


def _recent(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    if published is None:
        return None
    return (published - datetime.timedelta(days=_RECENT_DAYS)).isoformat(), published.isoformat()


def _ago(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    """'two days ago', 'about two months ago'; years and decades keep year precision."""
    if published is None:
        return None
    n = _number(m.group("n"))
    if n is None:
        return None
    day = _minus(published, n, m.group("unit"))
    if m.group("unit") in ("year", "decade"):
        return f"{day.year:04d}", None
    return day.isoformat(), None


def _relative_month(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    """'last October', 'this past May', 'March of this year', 'March 20 last year'."""
    mod, rel = m.group("mod"), m.group("rel")
    if published is None or not (mod or rel):
        return None
    month = _MONTHS[m.group("m")]
    day = int(m.group("d")) if m.group("d") else None
    if rel:
        year = published.year + {"this": 0, "last": -1, "next": 1}[rel]
    elif mod == "this":
        year = published.year
    else:
        key = (month, day or 1)
        here = (published.month, published.day)
        if mod in ("last", "this past", "past"):
            year = published.year if (key < here if day else month < published.month) else published.year - 1
        else:
            year = published.year if (key > here if day else month > published.month) else published.year + 1
    if day is None:
        return _ym(year, month), None
    try:
        return datetime.date(year, month, day).isoformat(), None
    except ValueError:
        return None


def _holiday(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    month, day = _HOLIDAYS[m.group("h")]
    if m.group("y"):
        year = int(m.group("y"))
    elif published is None:
        return None
    else:
        year = _year_for(month, day, published)
    return datetime.date(year, month, day).isoformat(), None


def _season(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    first, last = _SEASONS[m.group("s")]
    mod = m.group("mod")
    if m.group("y"):
        year = int(m.group("y"))
    elif published is None or not mod:
        return None
    elif mod == "this":
        year = published.year
    elif mod in ("last", "this past", "past"):
        year = published.year if last < published.month else published.year - 1
    else:
        year = published.year if first > published.month else published.year + 1
    return _ym(year, first), _ym(year, last)


def _decade(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    """'the 1970s', "the '70s", 'the seventies'; '1800s' is the century (but '2000s' a decade)."""
    if m.group("y"):
        start = int(m.group("y"))
    elif m.group("yy"):
        start = 1900 + int(m.group("yy"))
    else:
        start = _DECADE_WORDS[m.group("w")]
    length = 100 if start % 100 == 0 and start != 2000 and m.group("y") else 10
    return f"{start:04d}", f"{start + length - 1:04d}"


def _century(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    o = m.group("o")
    n = int(o[:-2]) if o[:-2].isdigit() else _ORDINALS.get(o)
    if not n:
        return None
    return f"{(n - 1) * 100:04d}", f"{(n - 1) * 100 + 99:04d}"


def _quarter(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    q = int(m.group("q"))
    return _ym(int(m.group("y")), 3 * q - 2), _ym(int(m.group("y")), 3 * q)


def _period(m: re.Match[str], published: datetime.date | None) -> _Val | None:
    """'early April', 'mid-February', 'the end of May', 'late last year', 'the early 1980s':
    the part of whatever the rest of the expression resolves to."""
    period, rest = m.group("p"), _resolve(m.group("rest"), published)
    if rest is None:
        return None
    value, end = rest
    if end is None and len(value) == 10 and period in ("early", "mid", "late"):
        return rest  # 'late yesterday', 'early Tuesday': still that day
    if end is None and len(value) == 7 and period in _MONTH_PERIODS:
        year, month = int(value[:4]), int(value[5:])
        first, last = _MONTH_PERIODS[period]
        last = min(last, _last_day(year, month))
        first = last + first + 1 if first < 0 else first
        return (
            datetime.date(year, month, first).isoformat(),
            datetime.date(year, month, last).isoformat(),
        )
    if end is None and len(value) == 4 and period in _YEAR_PERIODS:
        first, last = _YEAR_PERIODS[period]
        return _ym(int(value), first), _ym(int(value), last)
    if end is not None and len(value) == len(end) == 4 and period in _SPAN_PERIODS:
        start, length = int(value), int(end) - int(value) + 1
        lo, hi = _SPAN_PERIODS[period]
        return f"{start + round(lo * length):04d}", f"{start + round(hi * length) - 1:04d}"
    return None


_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], datetime.date | None], _Val | None]]] = [
    (
        re.compile(
            _PRE
            + r"(?:(?P<w>today|tonight|yesterday|tomorrow)"
            + _DAYPART
            + r"|this (?:morning|afternoon|evening)|(?P<w2>last night))"
        ),
        _day_word,
    ),
    (
        re.compile(
            r"(?:(?P<mod>last|next|this coming|coming|this past|past|this) )?"
            + _PRE
            + r"(?P<wd>"
            + _WEEKDAY
            + r")"
            + _DAYPART
        ),
        _weekday,
    ),
    (
        re.compile(
            r"(?:(?P<pre>earlier|later) )?(?P<mod>last|this past|this|next|the coming|coming) "
            r"(?P<unit>week|weekend|month|year)"
        ),
        _calendar_unit,
    ),
    (re.compile(r"(?:the )?weekend"), _the_weekend),
    (
        re.compile(
            r"(?:the )?(?:past|last) (?:(?P<n>" + _NUM + r") )?"
            r"(?P<unit>day|week|fortnight|month|year|decade)(?P<pl>s)?"
        ),
        _past_period,
    ),
    (re.compile(r"(?:the )?(?:next|coming) (?P<n>" + _NUM + r") " + _UNIT), _next_period),
    (re.compile(r"recent days"), _recent),
    (re.compile(r"(?P<n>" + _NUM + r") " + _UNIT + r" (?:ago|back)"), _ago),
    (re.compile(r"(?:the )?(?P<p>" + _PERIODS + r")(?:-| )(?:the )?(?P<rest>.+)"), _period),
    (
        re.compile(
            r"(?=(?:last|this past|past|this|next|this coming|coming) |.* (?:this|last|next) year$)"
            r"(?:(?P<mod>last|this past|past|this|next|this coming|coming) )?(?P<m>"
            + _MONTH
            + r")(?: (?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?"
            r"(?:,? (?:of )?(?P<rel>this|last|next) year)?"
        ),
        _relative_month,
    ),
    (re.compile(r"(?P<h>" + _alt(_HOLIDAYS) + r")(?:,? (?P<y>\d{4}))?"), _holiday),
    (
        re.compile(
            r"(?:(?P<mod>last|this past|past|this|next|this coming|coming) )?(?:the )?(?P<s>"
            + _alt(_SEASONS)
            + r")(?: (?:of )?(?P<y>\d{4}))?"
        ),
        _season,
    ),
    (
        re.compile(
            r"(?:the )?(?:(?P<y>1\d{2}0|20\d0)s|(?:the '?|')(?P<yy>[1-9]0)s|(?P<w>"
            + _alt(_DECADE_WORDS)
            + r"))"
        ),
        _decade,
    ),
    (re.compile(r"(?:the )?(?P<o>\d{1,2}(?:st|nd|rd|th)|" + _alt(_ORDINALS) + r") century"), _century),
    (re.compile(r"q(?P<q>[1-4]) (?P<y>\d{4})"), _quarter),
    (_ABSOLUTE, _absolute),
]


# ---------------------------------------------------------------- ranges and "since"

_RANGE = re.compile(
    r"(?:between |from )?(?P<a>.+?)(?: to | through | until | till | ?[–—] ?| - |(?<=\d)-(?=\d))(?P<b>.+)"
)
_BETWEEN = re.compile(r"between (?P<a>.+?) and (?P<b>.+)")
_AND_DAY = re.compile(r"(?P<a>.+?\d) and (?P<b>\d{1,2}(?:st|nd|rd|th)?)")
_AND_MONTH = re.compile(r"(?P<a>" + _MONTH + r") and (?P<b>(?:" + _MONTH + r")(?:,? \d{4})?)")
_YEAR_TAIL = re.compile(r"(?:,? (?:of )?(?:\d{4}|this year|last year|next year))$")
_ISO = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])(?:-\d{2})?")


def _range(text: str, published: datetime.date | None) -> _Val | None:
    """'March 15 to 17', 'July 27–28', 'between 2015 and 2017', '2012–13': start of the first part to
    the end of the second, the second borrowing month and year from the first (and vice versa)."""
    if _ISO.fullmatch(text):
        return None
    m = _BETWEEN.fullmatch(text) or _AND_DAY.fullmatch(text) or _AND_MONTH.fullmatch(text) or _RANGE.fullmatch(text)
    if m is None:
        return None
    a, b = m.group("a"), m.group("b")
    if re.fullmatch(r"\d{4}", a) and re.fullmatch(r"\d{2}", b):
        b = a[:2] + b  # '2012–13'
    day = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?(.*)", b)
    month = re.match(r"(" + _MONTH + r") ", a)
    if day and month:
        b = f"{month.group(1)} {day.group(1)}{day.group(2)}"
    tail = _YEAR_TAIL.search(b)
    if tail and not _YEAR_TAIL.search(a) and re.search(_MONTH, a):
        a += tail.group(0)
    start, end = _resolve(a, published), _resolve(b, published)
    if start is None or end is None:
        return None
    lo, hi = start[0], end[1] or end[0]
    n = min(len(lo), len(hi))
    return (lo, hi) if lo[:n] <= hi[:n] else None


_ZONES = "et|est|edt|pt|pst|pdt|ct|cst|cdt|mt|mst|mdt|gmt|bst|cet|cest|eet|eest|utc|jst|kst|ist|aest|aedt|awst"
CLOCK = re.compile(
    r"(?:(?:about|around|approximately|roughly|shortly (?:before|after)|just (?:before|after)"
    r"|a quarter (?:before|to|past|after)|half past) )?"
    r"\d{1,2}(?:[:.]\d{2})? ?(?:a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"(?: local time| (?:us )?(?:east|west)(?:ern)?(?: coast)? time| [a-z]{2,4} time| (?:" + _ZONES + r")(?![a-z]))?"
    r"(?: ?\((?:\d{4} ?utc|utc ?[+-−]? ?\d{1,4})\)?)?(?:,? local time(?: ?\(utc ?[+-−]? ?\d{1,4}\)?)?)?"
)
"""A time of day, normalised ('10:39 a.m. local time (1639 utc)', 'about 5:17 p.m.'): it says which
hour, not which day; the day is the one it is put on ('7:37 p.m. on Wednesday') or the story's."""


def _clock_rest(text: str) -> str | None:
    """What a normalised expression says besides its time of day ('wednesday' for '7:37 p.m. on
    Wednesday', '' for '10:39 a.m.'), or None when it names no time of day."""
    m = CLOCK.match(text)
    if m is None:
        return None
    return re.sub(r"^(?:,? ?(?:on|of) )", "", text[m.end() :].strip(" ,")).strip()


def is_clock_time(text: str) -> bool:
    """A time of day alone ('10:39 a.m. local time (1639 UTC)'): its day is the story's, if known."""
    return _clock_rest(_normalise(text)) == ""


@functools.lru_cache(maxsize=8192)
def _resolve(text: str, published: datetime.date | None) -> _Val | None:
    """Resolve normalised text: 'since', ranges, then the first rule whose pattern matches it whole."""
    if not text:
        return None
    rest = _clock_rest(text)
    if rest is not None:
        return _resolve(rest, published) if rest else None
    if text.startswith("since "):
        inner = _resolve(text[6:], published)
        if inner is None or published is None:
            return None
        return inner[0], published.isoformat()
    for pattern, handler in _RULES:
        m = pattern.fullmatch(text)
        if m is not None:
            return handler(m, published)
    return _range(text, published)


@functools.lru_cache(maxsize=16384)
def resolve_date(text: str, published: datetime.date | None, future: bool = False,
                 past: bool = False) -> Resolution:
    """Normalise one date expression (as spaCy's DATE entity or a date pattern gives it) against the
    publication date; ``future`` (its clause points ahead, :func:`future_dates`) puts a month, day or
    weekday named without its year or week after publication, ``past`` (a deed told in the past
    tense, :func:`past_dates`) a month or day before it."""
    norm = _normalise(text)
    found = _resolve(norm, published)
    if found is None:
        return _UNRESOLVED
    if future and published is not None:
        found = _ahead(found, norm, published)
    elif past and published is not None:
        found = _behind(found, norm, published)
    return Resolution(found[0], found[1], True)


_TENSE = _DATA["tense"]
_FUTURE_AUX = frozenset(_TENSE["future_aux"])
_FUTURE_HEADS = frozenset(_TENSE["future_heads"])
_SCHEDULING = frozenset(_TENSE["scheduling_verbs"])
_PLANNING = _FUTURE_HEADS | _SCHEDULING
_ANCHORED = re.compile(r"\d{4}|\b(?:last|next|this|past|coming|ago|yesterday|today|tonight|tomorrow|year|since)\b")
_NAMED_MONTH = re.compile(r"\b(?:" + _MONTH + r")\b")
_NAMED_WEEKDAY = re.compile(r"\b(?P<wd>" + _WEEKDAY + r")\b")
_THIS_WEEKDAY = re.compile(r"\bthis (?=(?:" + _WEEKDAY + r")\b)")


def _shift_year(value: str, years: int) -> str:
    year, rest = int(value[:4]) + years, value[4:]
    if rest == "-02-29" and not calendar.isleap(year):
        rest = "-02-28"
    return f"{year:04d}{rest}"


def _ahead(found: _Val, norm: str, published: datetime.date) -> _Val:
    """Move a date named without its year ('March', 'March 5') or week ('Monday') after publication;
    for a clause that says nothing, the guideline's defaults (weekdays before publication, months up
    to six months after it) hold."""
    if _ANCHORED.search(_THIS_WEEKDAY.sub("", norm)):  # 'this Wednesday' is as 'Wednesday'
        return found
    value, end = found
    pub = published.isoformat()
    if _NAMED_MONTH.search(norm):
        if (end or value) < pub[: len(end or value)]:
            return _shift_year(value, 1), end and _shift_year(end, 1)
        return found
    weekday = _NAMED_WEEKDAY.search(norm)
    if weekday and end is None and value < pub:
        return _weekday_after(published, _WEEKDAYS[weekday.group("wd")]).isoformat(), None
    return found


def _behind(found: _Val, norm: str, published: datetime.date) -> _Val:
    """Move a month or day named without its year ('in December' in September) before publication:
    'revealed that in December, the Crown Prince accepted responsibility' tells a done deed."""
    if _ANCHORED.search(norm) or not _NAMED_MONTH.search(norm):
        return found
    value, end = found
    pub = published.isoformat()
    if value > pub[: len(value)]:
        return _shift_year(value, -1), end and _shift_year(end, -1)
    return found


def _clause_verb(tok: Token) -> Token | None:
    """The nearest verb above a date token: the clause it dates."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") or verb.i == tok.i:
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return verb


def _points_back(tok: Token) -> bool:
    """Whether a date token dates a deed told in the simple past ('accepted responsibility in
    December'); not a state ('was envoy until December'), nor a plan ('planned to meet in May')."""
    verb = _clause_verb(tok)
    if verb is None or verb.tag_ != "VBD" or verb.lemma_.lower() == "be" or _auxiliaries(verb):
        return False
    if verb.lemma_.lower() in _PLANNING:
        return False
    return not (tok.dep_ == "pobj" and tok.head.lower_ in ("until", "till", "through", "by"))


def _points_ahead(tok: Token) -> bool:
    """Whether the clause a date token belongs to (its nearest verb) points past publication."""
    verb = _clause_verb(tok)
    if verb is None:
        return False
    if _future(verb):
        return True
    if verb.lemma_.lower() in _SCHEDULING and _present(verb):
        return True  # 'is scheduled for Monday'
    head = verb.head
    # 'is set to meet on Wednesday', 'are going to vote in March'
    return verb.dep_ == "xcomp" and head.lemma_.lower() in _FUTURE_HEADS and (_present(head) or _future(head)) and \
        (head.lemma_.lower() != "go" or head.tag_ == "VBG")


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _future(verb: Token) -> bool:
    """'will meet', 'will be held' (not 'will have met')."""
    aux = _auxiliaries(verb)
    return any(a.lower_ in _FUTURE_AUX for a in aux) and not any(a.lower_ == "have" for a in aux)


def _present(verb: Token) -> bool:
    """'plans', 'is scheduled', 'are going': present tense, not 'was scheduled' or 'has planned'."""
    aux = _auxiliaries(verb)
    if aux:
        return aux[0].tag_ in ("VBZ", "VBP") and aux[0].lemma_ == "be"
    return verb.tag_ in ("VBZ", "VBP")


def future_dates(doc: Doc, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the date expressions at ``spans`` whose clause points past publication."""
    return _dates_where(doc, spans, _points_ahead)


def past_dates(doc: Doc, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the date expressions at ``spans`` that date a deed told in the past tense."""
    return _dates_where(doc, spans, _points_back)


def _dates_where(doc: Doc, spans: list[tuple[int, int]], test: Callable[[Token], bool]) -> frozenset[int]:
    out = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) and test(span.root):
            out.add(start)
    return frozenset(out)


_ANAPHORIC = _DATA["anaphoric"]
_ANAPHORIC_DAYS: dict[str, int] = _ANAPHORIC["days"]
_DIRECTIONS: dict[str, int] = _ANAPHORIC["directions"]
_DAYS_APART = re.compile(r"(?:(?P<n>" + _NUM + r") )?days? (?P<dir>" + _alt(_DIRECTIONS) + r")")
_ANAPHORIC_RE = re.compile(r"(?:(?:later|earlier) (?:on )?)?(?P<d>" + _alt(_ANAPHORIC_DAYS) + r")")


def anaphoric_offset(text: str) -> int | None:
    """Days from the story's last calendar day for 'the next day', 'that day', 'two days later'; None
    for any other expression."""
    norm = _normalise(text)
    if _clock_rest(norm) == "":
        return 0  # '10:39 a.m. local time': a time on the story's day
    m = _ANAPHORIC_RE.fullmatch(norm)
    if m is not None:
        return _ANAPHORIC_DAYS[m.group("d")]
    m = _DAYS_APART.fullmatch(norm)
    if m is not None:
        n = _number(m.group("n")) if m.group("n") else 1
        return None if n is None else n * _DIRECTIONS[m.group("dir")]
    return None


# ---------------------------------------------------------------- spans in article text

_M_FULL = "|".join(m.capitalize() for m in _MONTHS if len(m) > 4 or m == "may" or m == "june" or m == "july")
_M_ABBR = "|".join(m.capitalize() for m in sorted(_MONTHS, key=len, reverse=True) if len(m) <= 4)
_M_ANY = rf"(?:{_M_FULL}|(?:{_M_ABBR})\.?)"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:%,]\d)(?!\d)"
_Y = r"(?:1\d|20|21)\d{2}(?!\d)"
_WD = "|".join(w.capitalize() for w in _WEEKDAYS)
WEEKDAY_THEN_COUNT = re.compile(rf"({_WD})\s*,\s*\d+$")
"""'Wednesday, 1885' as spaCy tags it in 'as of Wednesday, 1885 aftershocks had occurred'."""
_N = r"(?i:\d+|(?:" + _alt(_NUMBERS) + r")(?:[- ](?:" + _alt(_NUMBERS) + r"))?)"
_U = r"(?i:days?|weeks?|fortnights?|months?|years?|decades?)"
_U1 = r"(?i:day|week|fortnight|month|year|decade)"

_SPAN_PARTS: dict[str, str] = {
    "date": rf"(?:(?:{_WD}),?\s+)?{_M_ANY}\s+{_D}(?:\s*(?:–|-|to|through)\s*{_D})?(?:,?\s+{_Y})?",
    "date_dm": rf"{_D}\s+(?:of\s+)?(?:{_M_FULL})(?:,?\s+{_Y})?",
    "month_year": rf"(?:{_M_FULL}),?\s+(?:of\s+)?{_Y}",
    "period": rf"(?i:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of|the\s+first\s+week\s+of)"
    rf"(?:-|\s+)(?:(?i:last\s+|this\s+|next\s+)?(?:{_M_FULL})(?:,?\s+{_Y})?|{_Y})",
    "calendar": r"(?i:(?:earlier|later)\s+)?(?i:last|this|next|this\s+past|this\s+coming)\s+"
    r"(?i:week|weekend|month|year)(?![\w-])",
    "rel_month": rf"(?i:last|this\s+past|next)\s+(?:{_M_FULL})"
    rf"|(?:{_M_FULL})(?:\s+{_D})?,?\s+(?i:of\s+)?(?i:this|last|next)\s+(?i:year)\b",
    "weekday": rf"(?i:last|next|this\s+coming|this\s+past|this)\s+(?:{_WD})",
    "past": rf"(?i:(?:over|in|during|for|within|throughout)\s+)?"
    rf"(?:(?i:the\s+(?:past|last)|past)\s+(?:{_N}\s+{_U}|{_U1})|(?i:last)\s+{_N}\s+{_U})\b",
    "next": rf"(?i:(?:over|in|during|for|within|throughout)\s+)?(?i:the\s+)?(?i:next|coming)\s+{_N}\s+{_U}\b",
    "recent": r"(?i:(?:in|over|during)\s+)?(?i:recent)\s+days\b",
    "ago": rf"{_N}\s+{_U}\s+(?i:ago)\b",
    "day": r"(?i:(?:early|late|earlier|later)\s+)?(?i:(?:today|yesterday|tomorrow)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|tonight|this\s+(?:morning|afternoon|evening)|last\s+night)\b",
    # 'Late on Sunday', 'early Monday', 'Sunday night' (spaCy tags the weekday alone)
    "weekday_part": rf"(?i:(?:early|late)\s+(?:on\s+)?)(?:{_WD})(?:\s+(?i:morning|afternoon|evening|night))?"
    rf"|(?:{_WD})\s+(?i:morning|afternoon|evening|night)\b",
    "unanchored": r"(?i:(?:over|in|during)\s+)?(?i:the\s+)(?i:ensuing|following|subsequent)\s+(?i:days|weeks|months)\b",
    "iso": r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)",
    # '10:39 a.m. local time (1639 UTC)', 'about 5:17 p.m.', '7:37 p.m. ... on Wednesday' (spaCy: TIME)
    "clock": r"(?:(?i:about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after)"
    r"|a\s+quarter\s+(?:before|to|past|after)|half\s+past)\s+)?"
    r"\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|(?i:am|pm)\b)"
    r"(?:\s+(?i:local\s+time)|\s+(?:US\s+)?(?i:east|west)(?:ern)?(?:\s+(?i:coast))?\s+time|\s+(?:"
    + _ZONES.upper() + r")\b)?"
    r"(?:\s*\((?:\d{4}\s*UTC|UTC\s*[+\-−]?\s*\d{1,4})\))?"
    rf"(?:,?\s+(?i:local\s+time)(?:\s*\(UTC\s*[+\-−]?\s*\d{{1,4}}\))?)?(?:,?\s+on\s+(?:{_WD}))?",
    # 'that night', 'the same morning': the story's own day (spaCy: TIME, or nothing)
    "anaphoric": r"(?i:that|the\s+same)\s+(?i:day|morning|afternoon|evening|night)\b",
    # 'in March' (not 'in May's government' or 'in April Ryan's report')
    "month_after": rf"(?<=\b(?:in|by) )(?:{_M_FULL})(?!\s*\d)(?!['\u2019]s)(?!\s+[A-Z])",
}
_SINCE_TARGETS = ("date", "date_dm", "month_year", "period", "calendar", "rel_month", "weekday", "day", "iso")
_ENDS = rf"(?:{_SPAN_PARTS['date']}|{_SPAN_PARTS['date_dm']}|{_SPAN_PARTS['month_year']}|{_Y}|(?:{_M_FULL}))"
# 'between January 2016 and December 2019', 'September and October': one interval, not its first end
_SPAN_PARTS["between"] = rf"(?i:between)\s+{_ENDS}\s+and\s+{_ENDS}"
_SPAN_PARTS["two_months"] = rf"(?:{_M_FULL})\s+and\s+(?:{_M_FULL})(?:,?\s+{_Y})?(?!\s*\d)"
# Spans never cross a line break: a date expression does not run on into the next paragraph.
_SPAN_PARTS = {k: v.replace(r"\s", r"[^\S\n]") for k, v in _SPAN_PARTS.items()}
_SPAN_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"(?<![\w-])(?:" + part + r")") for part in _SPAN_PARTS.values()
] + [
    re.compile(
        r"(?<![\w-])(?i:since)[^\S\n]+(?:"
        + "|".join(_SPAN_PARTS[k] for k in _SINCE_TARGETS)
        + rf"|{_Y}|(?:{_M_FULL})|(?:{_WD})|(?i:the\s+)?(?:1\d|20)\d0s)"
    )
]


def find_date_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans of date expressions spaCy's NER often misses or cuts short, e.g. 'since mid-February',
    'over the past month', 'early April', 'last week', 'Feb. 24', 'March 24': used to extend/complement DATE
    entities. The returned spans cover the whole expression, including 'since'/'over the past' where they
    bound an interval."""
    found = {(m.start(), m.end()) for p in _SPAN_PATTERNS for m in p.finditer(text)}
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda s: (s[0] - s[1], s[0])):  # longest first
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    return sorted(kept)


_EVENTS = _DATA["events"]
_EVENT_NOUNS = frozenset(_EVENTS["nouns"])
_EVENT_PHASES = frozenset(_EVENTS["phases"])
_EVENT_PREPS = frozenset(_EVENTS["prepositions"])
_EVENT_VERBS = frozenset(_EVENTS["verbs"])


def _is_event(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in _EVENT_PHASES or tok.lower_ in _EVENT_PHASES:
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    return lemma in _EVENT_NOUNS or tok.lower_ in _EVENT_NOUNS


def _phrase_end(tok: Token) -> int:
    """Last token of a noun phrase, before any comma or relative clause it runs into."""
    end = tok.right_edge.i
    for t in tok.subtree:
        if t.i <= tok.i:
            continue
        if t.text in (",", ";", "(", "—") or t.lower_ == "according":
            end = min(end, t.i - 1)
        elif t.dep_ in ("relcl", "acl"):
            end = min(end, t.left_edge.i - 1)
    while end > tok.i and tok.doc[end].is_space:
        end -= 1  # a heading's phrase ends at its line, not on the break after it
    return end


def _event_start(prep: Token) -> Token:
    """First token of an event phrase, taking in what measures the distance from the event:
    'shortly before her death', '36 minutes after the mass shooting'."""
    mods = [c for c in prep.children if c.dep_ in ("advmod", "npadvmod") and c.right_edge.i == prep.i - 1]
    return mods[0].left_edge if mods else prep


def event_date_spans(doc: Doc) -> list[tuple[int, int]]:
    """'After Russia's invasion of Ukraine', 'since the invasion began', 'prior to the signing':
    phrases that date a claim by an event, not by the calendar. They resolve to nothing (the
    guideline's anchorless relative dates) and are kept so that the claim says when it happened."""
    out: list[tuple[int, int]] = []
    for tok in doc:
        low = tok.lower_
        compound = tok.i > 0 and (low, doc[tok.i - 1].lower_) in (("to", "prior"), ("of", "ahead"))
        if compound:
            start = doc[tok.i - 1]
        elif low in _EVENT_PREPS:
            start = _event_start(tok)
        else:
            continue
        end = None
        if tok.dep_ == "prep" or compound:
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if (obj is not None and obj.pos_ in ("NOUN", "PROPN") and _is_event(obj)
                    and not any(c.dep_ in ("xcomp", "dobj", "aux") or c.dep_ == "acl" and c.left_edge.lower_ == "to"
                                for c in obj.children)):  # 'until the House votes to authorize': a verb
                end = _phrase_end(obj)
        elif tok.dep_ == "mark":
            verb = tok.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and _is_event(subj) and subj.i > tok.i:
                if verb.lemma_.lower() in _EVENT_VERBS:
                    end = verb.i  # 'since the invasion began'
                elif subj.left_edge.i == tok.i + 1 and _phrase_end(subj) < verb.i and \
                        doc[_phrase_end(subj) + 1].text == ",":
                    end = _phrase_end(subj)  # 'After Russia's invasion of Ukraine, A and B tried': misparsed
        if end is not None and end >= tok.i:
            out.append((start.idx, doc[end].idx + len(doc[end])))
    return out


# ---------------------------------------------------------------- datelines

_DATELINE = re.compile(
    r"[\s\ufeff]*(?P<d>(?:(?:" + _WD + r"),\s+)?(?:" + _M_FULL + r")\s+\d{1,2},\s+\d{4}"
    r"|\d{1,2}\s+(?:" + _M_FULL + r")\s+\d{4}|\d{4}-\d{2}-\d{2})[ \t\xa0]*(?:\r?\n|$)"
)


def parse_dateline(text: str) -> datetime.date | None:
    """A leading dateline like 'Monday, January 7, 2019' (possibly followed by a non-breaking space / blank
    lines), or a line like 'January 7, 2019' / '2019-01-07' at the very start of the article, else None."""
    m = _DATELINE.match(text)
    if m is None:
        return None
    data = _STRICT_PARSER.get_date_data(m.group("d"))
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    wd = re.match(_WD, m.group("d"))
    if wd and _WEEKDAYS[wd.group(0).lower()] != day.weekday():
        return None  # an inconsistent weekday means this is not a dateline we understand
    return day
