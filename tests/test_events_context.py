"""Per-document state lives in the EventContext, never on the stage; the events lexicon is
validated at load time (a missing or misspelt section is an error with file and line)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

PUB = dt.date(2020, 1, 11)
TEXT_A = ("According to reports, Ruritania will attack Freedonia next week. "
          "Ruritania said Freedonia must withdraw its troops. Ruritania praised Freedonia.")
TEXT_B = ("Freedonia accused Ruritania of war crimes on Monday. "
          "Freedonia and Ruritania renewed ties. Freedonia hosted Ruritania's delegation in Paris.")
ACTORS = {"Ruritania": "RUR", "Freedonia": "FRE"}


@pytest.fixture(scope="module")
def setup(nlp):
    from polybius.config import load_settings
    from polybius.events.stage import EventStage
    from polybius.ingest import read_text
    from polybius.model import Actor, Mention
    from polybius.pipeline import Pipeline

    s = load_settings(env={}, stages=[])
    stage = EventStage(s, nlp)
    pipe = Pipeline(s, nlp=nlp)

    def parse(text):
        doc = pipe.code_document(read_text(text, s, published=PUB))
        for i, (name, code) in enumerate(ACTORS.items(), 1):
            ms = [Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), doc.text)]
            doc.actors.append(Actor(f"A{i}", name, code, mentions=ms))
        return doc

    return stage, parse


def _events(evs):
    return [(e.sentence, e.source, e.target, e.cameo, e.modality, e.negated, e.confidence, e.rule) for e in evs]


def _snapshot(obj, seen=None) -> dict:
    """Attribute -> identity (and size of containers) of the stage and every part it holds."""
    seen = set() if seen is None else seen
    out = {}
    if id(obj) in seen or not hasattr(obj, "__dict__"):
        return out
    seen.add(id(obj))
    for k, v in vars(obj).items():
        out[(id(obj), k)] = (id(v), len(v) if isinstance(v, (dict, list, set)) else None)
        if type(v).__module__.startswith("polybius.events"):
            out.update(_snapshot(v, seen))
    return out


def test_a_call_writes_nothing_on_the_stage_or_its_parts(setup):
    stage, parse = setup
    doc = parse(TEXT_A)
    before = _snapshot(stage)
    stage(doc)
    assert doc.events
    assert _snapshot(stage) == before


def test_two_documents_coded_interleaved_sentence_by_sentence(setup):
    """Contexts of two documents used in turn give what each gives alone."""
    stage, parse = setup
    alone = {}
    for text in (TEXT_A, TEXT_B):
        d = parse(text)
        ctx = stage.context(d)
        alone[text] = _events(ev for si, _span, trigs in stage.sentences(ctx)
                              for ev in stage.code_sentence(ctx, si, trigs))
    assert alone[TEXT_A] and alone[TEXT_B]
    da, db = parse(TEXT_A), parse(TEXT_B)
    ca, cb = stage.context(da), stage.context(db)
    ga, gb = stage.sentences(ca), stage.sentences(cb)
    got = {TEXT_A: [], TEXT_B: []}
    pending = [(TEXT_A, ca, ga), (TEXT_B, cb, gb)]
    while pending:
        for item in list(pending):
            text, ctx, gen = item
            nxt = next(gen, None)
            if nxt is None:
                pending.remove(item)
                continue
            si, _span, trigs = nxt
            got[text].extend(_events(stage.code_sentence(ctx, si, trigs)))
    assert got == alone


def test_events_lexicon_is_typed_and_complete():
    from polybius.events.lexicon import event_lexicon

    lex = event_lexicon()
    assert "not" in lex.negation and "would" in lex.hypothetical_aux
    assert lex.fallback_codes == {"intent": "030", "threaten": "130", "reject": "120"}
    assert "11" in lex.threat_roots and "19" in lex.threat_roots and "12" not in lex.threat_roots
    assert lex.limits.coding_depth == 3 and lex.confidence.passive_orphan == 0.3


def test_misspelt_qualifier_section_fails_at_load_with_file_and_line(tmp_path):
    from polybius.dictionaries.sections import SectionError
    from polybius.events.lexicon import QUALIFIERS, event_lexicon

    bad = tmp_path / "qualifiers.txt"
    bad.write_text(QUALIFIERS.read_text(encoding="utf-8").replace("[future_aux]", "[futur_aux]"), encoding="utf-8")
    with pytest.raises(SectionError, match=r"missing section\(s\) \[future_aux\]"):
        event_lexicon(str(bad))
    extra = tmp_path / "extra.qualifiers.txt"  # (files are read once per process: another name)
    extra.write_text(QUALIFIERS.read_text(encoding="utf-8") + "\n[negations]\nnot\n", encoding="utf-8")
    n = len(extra.read_text(encoding="utf-8").splitlines()) - 1
    with pytest.raises(SectionError, match=rf"extra.qualifiers.txt:{n}: unknown section \[negations\]"):
        event_lexicon(str(extra))


def test_bad_rule_value_names_file_and_line(tmp_path):
    from polybius.dictionaries.sections import SectionError
    from polybius.events.lexicon import QUALIFIERS, RULES, event_lexicon

    bad = tmp_path / "rules.txt"
    bad.write_text(RULES.read_text(encoding="utf-8").replace("\n13\n", "\nthirteen\n", 1), encoding="utf-8")
    line = next(i for i, l in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if l == "thirteen")
    with pytest.raises(SectionError, match=rf"rules.txt:{line}: \[statement_roots\]"):
        event_lexicon(str(QUALIFIERS), str(bad))
