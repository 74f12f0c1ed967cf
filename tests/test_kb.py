"""The actor knowledge base: build from a small fixture, validation, look-ups, CLI."""
import datetime as dt
import logging

import pytest
from conftest import ROOT, run_cli

from polybius.kb import KBError, KnowledgeBase, fold, loose, overrides_from_files, read_table
from polybius.kb.build import BuildConfig, build

FIX = ROOT / "tests" / "data" / "kb"
D = dt.date


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("kb")
    cfg = BuildConfig(phoenix_dir=FIX / "phoenix", leaders=[FIX / "leaders.csv"], ministers=[FIX / "ministers.csv"],
                      editors_dir=FIX / "editors", out_dir=out, min_population=10_000_000)
    report = build(cfg)
    return out, report


@pytest.fixture(scope="module")
def kb(built):
    out, _ = built
    return KnowledgeBase.load([out / "actors.tsv.gz", out / "places.tsv.gz"])


def test_build_writes_tables_with_sources(built):
    out, report = built
    assert (out / "actors.tsv.gz").stat().st_size > 0 and (out / "places.tsv.gz").stat().st_size > 0
    sources = (out / "SOURCES.md").read_text()
    assert "Phoenix.Countries.actors.txt" in sources and "leaders.csv" in sources and "CC0" in sources
    assert "Nowhere Republic" in str(report["unknown countries"])  # counted, not guessed
    rows = {e.id: e for e in read_table(out / "actors.tsv.gz")}
    putin = next(e for e in rows.values() if e.name == "Vladimir Putin")
    # one entry, merged from Phoenix and Wikidata, each source named
    assert "phoenix:Phoenix.Countries.actors.txt:5" in putin.source and "wikidata:Q7747" in putin.source


def test_fold_and_variants():
    assert fold("Recep Tayyip Erdoğan") == fold("recep tayyip erdogan")
    assert fold("U.S.") == "us" and fold("Zelens'kyy") == "zelenskyy"
    assert loose("Zelensky") == loose("Zelenskiy") == loose("Zelenskyy") == loose("Zelenski")
    assert loose("Mohammed Shia al-Sudani") == loose("Muhammad Shia' al-Sudani")
    assert loose("Viktor Yanukovich") == loose("Viktor Yanukovych")


def test_lookup_accents_and_transliterations(kb):
    for name in ("Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "Volodymyr Zelensky", "VOLODYMYR ZELENSKYY"):
        r = kb.lookup(name, D(2023, 5, 1))
        assert r.code == "UKRGOV", (name, r.reason)
    assert kb.lookup("Volodymyr Zelenskyi", D(2023, 5, 1)).match == "variant"
    r = kb.lookup("Recep Tayyip Erdogan", D(2020, 1, 1))
    assert r.code == "TURGOV" and "polybius-editors" in r.reason
    assert kb.lookup("President Vladimir Putin", D(2023, 1, 1)).code == "RUSGOV"  # titles stripped


def test_dated_roles_choose_the_code_by_date(kb):
    assert kb.lookup("Vladimir Putin", D(1995, 1, 1)).code == "RUSELI"
    assert kb.lookup("Vladimir Putin", D(2023, 1, 1)).code == "RUSGOV"
    assert kb.lookup("Kaja Kallas", D(2022, 6, 1)).code == "ESTGOV"
    assert kb.lookup("Kaja Kallas", D(2025, 3, 1)).code == "IGOEUREEC"
    medvedev = kb.lookup("Dmitry Medvedev", D(2010, 1, 1))
    assert medvedev.code == "RUSGOV" and medvedev.role.holds_on(D(2010, 1, 1))


def test_ambiguous_name_gets_no_code_and_says_why(kb):
    r = kb.lookup("Ali Hassan Test", D(2020, 1, 1))
    assert r.code is None and r.ambiguous and len(r.entries) == 2
    assert "ambiguous" in r.reason and "neither" in r.reason and "IRQGOV" in r.reason and "EGYGOV" in r.reason
    settled = kb.lookup("Ali Hassan Test", D(2020, 1, 1), country="EGY")
    assert settled.code == "EGYGOV" and "story's country EGY" in settled.reason


def test_surname_lookup_restricted_to_people_mentioned(kb):
    full = kb.lookup("Sergey Lavrov", D(2023, 1, 1))
    assert full.code == "RUSGOV"
    r = kb.lookup_surname("Lavrov", D(2023, 1, 1), among=[full.entry])
    assert r.code == "RUSGOV" and r.match == "surname"
    assert kb.lookup_surname("Lavrov", D(2023, 1, 1), among=[]).code is None
    assert kb.lookup_surname("Zelenskiy", D(2023, 1, 1)).code == "UKRGOV"  # surname spelling variant


def test_places_and_outlets_classified(kb):
    r = kb.lookup("Moscow")  # a synonym of Phoenix's RUSSIA entry that GeoNames knows as a city
    assert r.kind == "place" and r.code is None and r.place_country == "RUS" and "not an actor" in r.reason
    assert kb.lookup("Russian").kind == "country" and kb.lookup("Russian").code == "RUS"
    r = kb.lookup("Reuters")
    assert r.kind == "outlet" and r.code == "GBRMED"  # Phoenix's country-less MED gains the editors' country
    assert kb.lookup("Hamas").kind == "group" and kb.lookup("UN").code == "IGOUNO"
    assert kb.lookup("Nowhere at all").code is None and "no knowledge-base entry" in kb.lookup("Nowhere at all").reason


def _table(tmp_path, rows, name="user.tsv"):
    p = tmp_path / name
    p.write_text("# user table\nid\tkind\tcountry\troles\tnames\tsource\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return p


@pytest.mark.parametrize("row, message", [
    ("a\tperson\tIRQ\t[IRQGOV]\tName", "expected 6 tab-separated columns"),
    ("a\tpersn\tIRQ\t[IRQGOV]\tName\tsrc", "unknown kind"),
    ("a\tperson\tIRQ\t[IRQGOV 2020-01-01]\tName\tsrc", "bad date"),
    ("a\tperson\tIraq\t[IRQGOV]\tName\tsrc", "bad country"),
    ("a\tperson\tIRQ\t\tName\tsrc", "needs at least one [CODE] role"),
    ("a\tplace\t\t\tName\tsrc", "a place needs its country"),
    ("a\tperson\tIRQ\t[IRQGOV]\tName\t", "empty source"),
])
def test_malformed_row_refused_with_file_and_line(tmp_path, row, message):
    p = _table(tmp_path, ["ok\tperson\tIRQ\t[IRQGOV]\tFine Name\tsrc", row])
    with pytest.raises(KBError) as exc:
        KnowledgeBase.load([p])
    assert f"{p}:4:" in str(exc.value) and message in str(exc.value)


def test_malformed_user_dictionary_refused_with_file_and_line(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text("GOOD_NAME_ [USAGOV]\nBROKEN_NAME_ [USAGOV\n", encoding="utf-8")
    with pytest.raises(Exception) as exc:
        overrides_from_files([p])
    assert f"{p}:2" in str(exc.value)


def test_missing_header_and_duplicate_id_refused(tmp_path):
    p = tmp_path / "nohead.tsv"
    p.write_text("a\tperson\tIRQ\t[IRQGOV]\tName\tsrc\n", encoding="utf-8")
    with pytest.raises(KBError, match=r"nohead.tsv:1: expected the header row"):
        KnowledgeBase.load([p])
    p = _table(tmp_path, ["a\tperson\tIRQ\t[IRQGOV]\tName\tsrc", "a\tperson\tIRQ\t[IRQGOV]\tOther\tsrc"])
    with pytest.raises(KBError, match=r"user.tsv:4: duplicate id 'a'"):
        KnowledgeBase.load([p])


def test_conflicting_entries_warn_once_naming_both(tmp_path, caplog):
    p = _table(tmp_path, ["x1\torganization\tIRQ\t[IRQMIL]\tRed Brigade Test|RBT\tsrc one",
                          "x2\torganization\tIRQ\t[IRQREB]\tRed Brigade Test|RBT\tsrc two"])
    with caplog.at_level(logging.WARNING, logger="polybius.kb"):
        kb = KnowledgeBase.load([p])
    assert len(kb.warnings) == 1 and len([r for r in caplog.records if "conflicting" in r.message]) == 1
    w = kb.warnings[0]
    assert "IRQMIL" in w and "IRQREB" in w and f"{p}:3" in w and f"{p}:4" in w
    r = kb.lookup("Red Brigade Test")
    assert r.code is None and "ambiguous" in r.reason


def test_user_tables_and_petrarch_dictionaries_override(kb, tmp_path):
    user = _table(tmp_path, ["mine\tperson\tRUS\t[RUSMIL]\tVladimir Putin\tmy table"])
    petr = tmp_path / "mine.actors.txt"
    petr.write_text("KAJA_KALLAS_ [ESTOPP]\n", encoding="utf-8")
    view = kb.with_overrides(overrides_from_files([user, petr]))
    r = view.lookup("Vladimir Putin", D(2023, 1, 1))
    assert r.code == "RUSMIL" and r.entry.override and "my table" in r.reason
    assert view.lookup("Kaja Kallas", D(2025, 3, 1)).code == "ESTOPP"
    assert kb.lookup("Vladimir Putin", D(2023, 1, 1)).code == "RUSGOV"  # the shared base is unchanged
    assert len(view) == len(kb) + 2


def test_cli_lookup_plain_when_piped():
    r = run_cli("actors", "lookup", "Zelenskiy", "--date", "2023-05-01")
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "code\tUKRGOV" in out and "kind\tperson" in out and "wikidata:Q3874799" in out
    lines = [l for l in out.splitlines() if l.startswith("*\t")]
    assert len(lines) == 1 and "Volodymyr Zelensky" in lines[0]


def test_cli_lookup_unknown_name_and_bad_date():
    r = run_cli("actors", "lookup", "Qwertyuiop Asdfgh")
    assert r.returncode == 1 and "no knowledge-base entry" in r.stdout.decode()
    r = run_cli("actors", "lookup", "Putin", "--date", "yesterday")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr.decode()


def test_shipped_tables_real_leaders():
    from polybius.kb import load_kb

    kb = load_kb()
    assert not kb.warnings
    assert kb.lookup("Putin", D(2023, 6, 1)).code == "RUSGOV"
    assert kb.lookup("Vladimir Putin", D(1995, 6, 1)).code == "RUSELI"
    assert kb.lookup("Zelenskyy", D(2024, 1, 1)).code == "UKRGOV"
    assert kb.lookup("Houthis").code == "YEMREB" and kb.lookup("Al Jazeera").code == "QATMED"
    assert load_kb() is kb and load_kb(overrides=[]) is kb  # read once per process
    assert kb.lookup("Kirkuk").kind == "place" and kb.lookup("Kirkuk").place_country == "IRQ"
    assert kb.lookup("Bashar al-Assad", D(2025, 3, 1)).code == "SYRELI"
