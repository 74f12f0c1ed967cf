"""Resolve date expressions ("late last week", "last Sunday", "in 2003", "two days ago")
to a date range against the publication date.

Rules come from ``data/events/dates.txt``: periods (week, month, year), shifts (last,
this, next), modifiers (early, mid, late, earlier), weekdays, months, counted offsets.
Single calendar dates the rules do not cover ("March 3, 2019") go to ``dateparser``.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from ..dictionaries.sections import read_sections

DATA = Path(__file__).resolve().parents[1] / "data" / "events" / "dates.txt"


SECTIONS = ("modifiers", "shift", "days", "units", "numbers", "weekdays", "months", "anchors")


@lru_cache(maxsize=None)
def tables(path: str = str(DATA)) -> dict[str, dict[str, list[str]]]:
    """``dates.txt``: section -> word -> values (every section required)."""
    f = read_sections(path, expected=SECTIONS)
    return {name: {words[0].lower(): words[1:] for _, words in f.fields(name)} for name in f}


def _period(kind: str, day: dt.date, shift: int = 0) -> tuple[dt.date, dt.date]:
    if kind == "week":
        start = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=shift)
        return start, start + dt.timedelta(days=6)
    if kind == "month":
        y, m = day.year, day.month + shift
        while m < 1:
            y, m = y - 1, m + 12
        while m > 12:
            y, m = y + 1, m - 12
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    if kind == "year":
        return dt.date(day.year + shift, 1, 1), dt.date(day.year + shift, 12, 31)
    if kind == "decade":
        y = day.year - day.year % 10 + 10 * shift
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    d = day + dt.timedelta(days=shift)
    return d, d


def _part(span: tuple[dt.date, dt.date], mod: list[str], pub: dt.date) -> tuple[dt.date, dt.date]:
    start, end = span
    days = (end - start).days
    a, b = mod
    lo = pub if a == "now" else start if a == "start" else start + dt.timedelta(days=round(days * float(a)))
    hi = pub if b == "now" else end if b == "end" else start + dt.timedelta(days=round(days * float(b)))
    if lo > hi:
        lo, hi = hi, lo
    return lo, hi


@lru_cache(maxsize=8192)  # a pure function of its arguments; dateparser costs ~2 ms a call
def resolve(text: str, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The (start, end) range ``text`` refers to, or None when it cannot be resolved."""
    if published is None or not text:
        return None
    low = text.strip().lower()
    for lead in ("since ", "from "):
        if low.startswith(lead):  # "since 1978": from then until publication
            rng = resolve(text.strip()[len(lead):], published)
            return (rng[0], max(rng[0], published)) if rng else None
    t = tables()
    words = re.findall(r"[a-z]+|\d+", text.lower().replace("mid-", "mid "))
    words = [w for w in words if w not in ("the", "on", "in", "of", "at", "during", "since", "by", "from")]
    if not words:
        return None
    mods, shifts, units, days, wds, months = (t["modifiers"], t["shift"], t["units"], t["days"],
                                              t["weekdays"], t["months"])
    mod = None
    if words[0] in mods:
        mod, words = mods[words[0]], words[1:]
    if not words:
        return None
    # today / yesterday
    if len(words) == 1 and words[0] in days:
        d = published + dt.timedelta(days=int(days[words[0]][0]))
        return d, d
    # N days/weeks ago
    if len(words) >= 3 and words[-1] == "ago" and words[-2] in units:
        n = words[0]
        count = int(n) if n.isdigit() else int(t["numbers"].get(n, ["0"])[0])
        if count:
            unit = units[words[-2]][0]
            delta = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}[unit] * count
            d = published - dt.timedelta(days=delta)
            return d, d
    if _duration(words, t):  # "30 days", "the next 30 days", "60 days (after the deal)": a length, no date
        return None
    # last week / this month / late last year / earlier this month
    if len(words) == 2 and words[0] in shifts and words[1] in units:
        span = _period(units[words[1]][0], published, int(shifts[words[0]][0]))
        return _part(span, mod, published) if mod else span
    if len(words) == 1 and words[0] in units and mod:  # "earlier this" elided: "later in the week"
        return _part(_period(units[words[0]][0], published), mod, published)
    # (last|this|next|on) Sunday
    shift = None
    if words[0] in shifts:
        shift, words = int(shifts[words[0]][0]), words[1:]
    if len(words) == 1 and words[0].rstrip("s") in wds:
        wd = int(wds[words[0].rstrip("s")][0])
        back = (published.weekday() - wd) % 7
        if shift == 1:
            d = published + dt.timedelta(days=(wd - published.weekday()) % 7 or 7)
        elif shift == -1:
            d = published - dt.timedelta(days=back or 7)
        else:
            d = published - dt.timedelta(days=back)
        return d, d
    # months and years: "March", "March 2019", "2003", "mid-March 2021", "last March"
    month = next((int(months[w][0]) for w in words if w in months), None)
    years = [int(w) for w in words if w.isdigit() and len(w) == 4 and 1800 <= int(w) <= 2200]
    nums = [int(w) for w in words if w.isdigit() and len(w) <= 2]
    if month and not nums:
        year = years[0] if years else (published.year if month <= published.month else published.year - 1)
        if shift == -1 and not years:
            year = published.year - 1 if month >= published.month else published.year
        span = _period("month", dt.date(year, month, 1))
        return _part(span, mod, published) if mod else span
    if years and not month and len(words) == 1:
        span = (dt.date(years[0], 1, 1), dt.date(years[0], 12, 31))
        return _part(span, mod, published) if mod else span
    if re.fullmatch(r"\d{4}s", text.strip().lower().removeprefix("the ")):
        y = int(text.strip()[-5:-1])
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    return _dateparser(text, published)


def _duration(words: list[str], t: dict) -> bool:
    """A count of units with no anchor of its own: "30 days", "next 30 days", "two weeks"."""
    if words and words[0] in t["shift"]:
        words = words[1:]
    if len(words) != 2 or words[1] not in t["units"] or not words[1].endswith("s"):
        return False
    n = words[0]
    return n.isdigit() and len(n) < 4 or n in t["numbers"]


def _dateparser(text: str, published: dt.date) -> tuple[dt.date, dt.date] | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover - a pinned dependency
        return None
    base = dt.datetime(published.year, published.month, published.day, 12)
    try:
        got = dateparser.parse(text, languages=["en"], settings={
            "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "STRICT_PARSING": False,
            "REQUIRE_PARTS": ["day"] if re.search(r"\d", text) else []})
    except Exception:  # dateparser raises on odd input; an unresolved date is not an error
        return None
    if got is None:
        return None
    d = got.date()
    if abs((d - published).days) > 366 * 200:
        return None
    return d, d
