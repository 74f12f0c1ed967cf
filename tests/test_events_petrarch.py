"""PETRARCH verb dictionaries read as they are (both dialects), and coding with them."""
from __future__ import annotations

import pytest

from polybius.dictionaries.verbs import is_petrarch_verbs, load_verb_dictionaries
from polybius.dictionaries.verbs_petrarch import read_petrarch_verbs
from conftest import SHARED, needs_shared

TINY = """\
&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [050]  ---
RESTORE
REESTABLISH {REESTABLISHES REESTABLISHED}
- * DIPLOMATIC TIES  [064]
- * &TIETYPES TIES  [062]
- * (WITH BANKS)  [061]
- * BROKEN [
"""


def test_tiny_petrarch_dictionary(tmp_path):
    p = tmp_path / "tiny.verbs.txt"
    p.write_text(TINY, encoding="utf-8")
    assert is_petrarch_verbs(p)
    d = read_petrarch_verbs(p)
    codes = {e.code: e for e in d.entries}
    assert {"050", "064", "062", "061"} <= set(codes)
    assert codes["064"].conditions["obj"] == frozenset({"ties"})
    assert codes["064"].conditions["objmod1"] == frozenset({"diplomatic"})
    assert codes["062"].conditions["objmod1"] == frozenset({"military", "economic"})
    assert codes["061"].conditions["prep:with"] == frozenset({"banks"})
    assert any("tiny.verbs.txt:11" in w for w in d.warnings)  # the broken pattern, skipped and named
    assert {t.lemma for t in codes["050"].triggers} == {"restore", "reestablish"}


def test_petrarch_dictionary_codes_a_sentence(tmp_path, nlp):
    from polybius.events.coding import EventCoder

    p = tmp_path / "tiny.verbs.txt"
    p.write_text(TINY, encoding="utf-8")
    verbs = load_verb_dictionaries([str(p)])
    coder = EventCoder(verbs, nlp.vocab)
    doc = nlp("Ruritania restored military ties with Freedonia.")
    assert coder.code(doc[1]).code == "062"
    doc = nlp("Ruritania restored diplomatic ties with Freedonia.")
    assert coder.code(doc[1]).code == "064"
    doc = nlp("Ruritania restored calm.")
    assert coder.code(doc[1]).code == "050"


@needs_shared
def test_shared_petrarch_dictionaries_load():
    d2 = read_petrarch_verbs(SHARED / "benchmarks/petrarch/dictionaries/CAMEO.2.0.txt")
    assert len(d2.entries) > 3000
    d1 = read_petrarch_verbs(SHARED / "benchmarks/petrarch/dictionaries/PETR.Validate.verbs.txt")
    assert len(d1.entries) > 300
    assert all(w.split(":")[0] in ("CAMEO.2.0.txt", "PETR.Validate.verbs.txt") for w in d1.warnings + d2.warnings)


def test_missing_file_is_refused(tmp_path):
    from polybius.dictionaries.verbs import VerbDictionaryError

    with pytest.raises(VerbDictionaryError, match="no such verb dictionary"):
        load_verb_dictionaries([str(tmp_path / "nope.txt")])


PAIRED = """\
--- ARRIVE  [032:033]  ---
ARRIVE
- * IN  [032:033]
"""


def test_paired_code_makes_the_reciprocal_event(tmp_path, nlp):
    """PETRARCH's "[032:033]": the source visits the target and the target hosts the source."""
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    p = tmp_path / "paired.verbs.txt"
    p.write_text(PAIRED, encoding="utf-8")
    d = read_petrarch_verbs(p)
    assert {(e.code, e.reciprocal) for e in d.entries} == {("032", "033")}
    s = load_settings(env={}, stages=["actors", "events"], verbs_files=[str(p)])
    doc = Pipeline(s, nlp).code_document(read_text("The Danish foreign minister arrived in Norway on Monday.", s))
    got = {(doc.actor(e.source).country, doc.actor(e.target).country, e.cameo) for e in doc.events if e.source and e.target}
    assert got == {("DNK", "NOR", "032"), ("NOR", "DNK", "033")}


FORMS = """\
--- LEAVE  [012]  ---
LEAVE

--- LEFT  [032]  ---
LEFT
"""


def test_petrarch_word_form_block_beats_the_lemma_block(tmp_path, nlp):
    """TABARI dictionaries list verbs by form: "left" codes with LEFT, "leaves" with LEAVE."""
    from polybius.events.coding import EventCoder

    p = tmp_path / "forms.verbs.txt"
    p.write_text(FORMS, encoding="utf-8")
    coder = EventCoder(load_verb_dictionaries([str(p)]), nlp.vocab)
    doc = nlp("The envoy left for the capital on Tuesday.")
    assert coder.code(doc[2]).code == "032"
    doc = nlp("The envoy leaves the capital on Tuesday.")
    assert coder.code(doc[2]).code == "012"


TABARI = """\
&NEGAUX
+DID N'T
+WILL NOT

--- CLASH  [120]  ---
CLASH
- &NEGAUX * OVER EFFORTS  [904]
- * OVER EFFORTS  [121]
- * OVER TESTS  [+++]
"""


def _code_with(tmp_path, nlp, text_dict, sentence):
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    p = tmp_path / "tabari.verbs.txt"
    p.write_text(text_dict, encoding="utf-8")
    s = load_settings(env={}, stages=["actors", "events"], verbs_files=[str(p)])
    doc = Pipeline(s, nlp).code_document(read_text(sentence, s))
    cty = lambda aid: doc.actor(aid).country if aid else None
    got = {(cty(e.source), cty(e.target), e.cameo, e.negated) for e in doc.events}  # codes outside CAMEO too
    return got


def test_tabari_patterns_are_word_sequences(tmp_path, nlp):
    """Pattern words follow the verb in order with other words between; the target is the
    first actor after the verb when the parse gives none ("the efforts of Norway")."""
    d = read_petrarch_verbs(_write(tmp_path, TABARI))
    assert any("'+++' is not an event code" in w for w in d.warnings)
    got = _code_with(tmp_path, nlp, TABARI, "The Danish foreign minister clashed over the efforts of Norway to fish.")
    assert ("DNK", "NOR", "121", False) in got


def test_tabari_pattern_with_negation_codes_the_negated_action(tmp_path, nlp):
    got = _code_with(tmp_path, nlp, TABARI, "The Danish foreign minister didn't clash over the efforts of Norway to fish.")
    assert ("DNK", "NOR", "904", False) in got
    assert not any(code == "121" for *_, code, neg in got if not neg)


def _write(tmp_path, text):
    p = tmp_path / "t.verbs.txt"
    p.write_text(text, encoding="utf-8")
    return p


COMPOUND_AGREE = """\
--- AGREE  [081]  ---
AGREE
- % *  [030:030]
"""


def test_tabari_compound_mark_needs_a_compound_subject(tmp_path, nlp):
    """'% *': a compound subject before the verb; its members act on each other."""
    got = _code_with(tmp_path, nlp, COMPOUND_AGREE, "Denmark and Norway agree that the dispute should go to arbitration.")
    assert {("DNK", "NOR", "030", False), ("NOR", "DNK", "030", False)} <= got
    got = _code_with(tmp_path, nlp, COMPOUND_AGREE, "Denmark agreed to lift its tariffs on Norway.")
    assert not any(code == "030" for *_, code, _neg in got)


PASSIVE = """\
--- CRITICIZE  [121]  ---
CRITICIZE
- HEAVILY *  [122]
"""


def test_tabari_passive_without_agent_reads_actors_by_position(tmp_path, nlp):
    """TABARI: with no agent, the actor before the verb is the source, the one after it the target."""
    got = _code_with(tmp_path, nlp, PASSIVE, "Denmark was heavily criticized over its fishing dispute with Norway.")
    assert ("DNK", "NOR", "122", False) in got
    got = _code_with(tmp_path, nlp, PASSIVE, "Denmark was criticized over its fishing dispute with Norway.")
    assert ("DNK", "NOR", "121", False) in got


def test_codes_that_are_not_event_codes_code_nothing(tmp_path):
    d = read_petrarch_verbs(_write(tmp_path, "--- RUMOUR  [025?]  ---\nRUMOUR\n- * LOUDLY  [174K]\n"))
    block = [e for e in d.entries if e.line == 1]
    assert block and block[0].kind == "content"  # '025?' is no code: the block codes nothing
    assert any(e.code == "174K" for e in d.entries)  # letters are allowed in codes
    assert any("'025?' is not an event code" in w for w in d.warnings)


WELCOME = """\
--- WELCOME  [041]  ---
WELCOME
"""


def test_tabari_compound_subject_despite_the_parse(tmp_path, nlp):
    """Every actor of a subject with "and" in it is a source, however the parser joined them."""
    got = _code_with(tmp_path, nlp, WELCOME, "Denmark, the mean Finland, and good Sweden welcomed a resumption of ties with Norway.")
    assert {("DNK", "NOR", "041", False), ("FIN", "NOR", "041", False), ("SWE", "NOR", "041", False)} <= got


BURN = """\
--- BURN  [---]  ---
BURN
- * DOWN  [1712]
"""


def test_tabari_targets_are_names_not_pronouns(tmp_path, nlp):
    """A TABARI dictionary reads actors by name: "burned down its warehouse" has no named target."""
    got = _code_with(tmp_path, nlp, BURN, "Norway is ready to talk, years after Danish crowds burned down its warehouse.")
    assert ("DNK", None, "1712", False) in got
    assert not any(code == "1712" and tgt is not None for _s, tgt, code, _n in got)
