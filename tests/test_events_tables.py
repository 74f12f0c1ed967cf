"""The codebook table, the verb dictionary reader and date resolution."""
from __future__ import annotations

import datetime as dt

import pytest

from polybius.dictionaries.verbs import VerbDictionaryError, read_verb_dictionary
from polybius.events.codebook import default_codebook
from polybius.events.dates import resolve


def test_codebook_rows():
    cb = default_codebook()
    c = cb.get("0256")
    assert (c.root, c.goldstein, c.quad_class, c.plover_event, c.plover_mode) == ("02", -0.3, 1, "REQUEST", "yield")
    c = cb.get("041")
    assert (c.quad_class, c.plover_event, c.plover_mode) == (1, "CONSULT", "phone")
    c = cb.get("1246")
    assert (c.root, c.quad_class, c.plover_event) == ("12", 3, "REJECT")
    assert cb.get("190").quad_class == 4 and cb.get("073").quad_class == 2
    assert all(cb.get(code).quad_class == {1: 1, 2: 1, 3: 1, 4: 1, 5: 1}.get(int(code[:2]), cb.get(code).quad_class)
               for code in cb.codes)


def test_default_dictionary_loads_and_codes_exist():
    from polybius.dictionaries.verbs import DEFAULT_VERBS

    d = read_verb_dictionary(DEFAULT_VERBS)
    cb = default_codebook()
    assert len(d.entries) > 150
    for e in d.entries:
        if e.code != "000":
            assert e.code in cb, (e.rule, e.code)
    for c in d.concepts.values():
        for code in c.codes.values():
            assert code in cb, (c.name, code)
    assert d.concept_of("0874").name == "deescalate"
    assert d.concepts["deescalate"].codes["reject"] == "1246"


@pytest.mark.parametrize("text, msg", [
    ("0256 request obj=&NOPE\n", "unknown synonym set"),
    ("12x reject\n", "expected 'CODE TRIGGERS"),
    ("120 reject flavour=salty\n", "unknown condition"),
    ("120 reject family=beg\n", "unknown family"),
    ("%concept x appeal=020\n", "no actions"),
])
def test_malformed_dictionary_names_file_and_line(tmp_path, text, msg):
    p = tmp_path / "mine.txt"
    p.write_text("# mine\n" + text, encoding="utf-8")
    with pytest.raises(VerbDictionaryError) as ei:
        read_verb_dictionary(p)
    assert "mine.txt:2" in str(ei.value) and msg in str(ei.value)


@pytest.mark.parametrize("text, start, end", [
    ("late last week", "2020-01-03", "2020-01-05"),
    ("Last Sunday", "2020-01-05", "2020-01-05"),
    ("in 2003", "2003-01-01", "2003-12-31"),
    ("two days ago", "2020-01-09", "2020-01-09"),
    ("earlier this month", "2020-01-01", "2020-01-11"),
    ("on Monday", "2020-01-06", "2020-01-06"),
    ("yesterday", "2020-01-10", "2020-01-10"),
    ("last year", "2019-01-01", "2019-12-31"),
    ("December", "2019-12-01", "2019-12-31"),
    ("March 3, 2019", "2019-03-03", "2019-03-03"),
    ("since 2003", "2003-01-01", "2020-01-11"),
])
def test_dates(text, start, end):
    got = resolve(text, dt.date(2020, 1, 11))
    assert got is not None and (got[0].isoformat(), got[1].isoformat()) == (start, end)


def test_unresolvable_date_is_none():
    assert resolve("the good old days", dt.date(2020, 1, 11)) is None
    assert resolve("last week", None) is None
