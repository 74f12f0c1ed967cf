"""The actors stage keeps no per-document state, and its knowledge file is validated at load."""
from __future__ import annotations

import copy
import datetime as dt

import pytest

TEXT = ("Iraqi Prime Minister Adil Abdul-Mahdi met the Council on Foreign Relations (CFR) in Baghdad. "
        "The UN envoy to Sudan, Volker Perthes, said the country needed help. He warned that its army "
        "and lawmakers in Fornost and Gondor would act. Abdul-Mahdi said they agreed.")
OTHER = "Russia's foreign minister said Moscow rejected the plan. The ministry said it would respond."


@pytest.fixture(scope="module")
def parsed(nlp):
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    settings = load_settings(env={}).replace(stages=[], min_words_for_language_check=10**6)
    pipe = Pipeline(settings, nlp=nlp)

    def parse(text):
        return pipe.code_document(read_text(text, settings, published=dt.date(2020, 1, 11)))

    return settings, parse


def _state(obj) -> dict:
    """Every attribute with its identity and a copy of its value (containers copied)."""
    return {k: (id(v), copy.copy(v) if isinstance(v, (list, dict, set)) else v) for k, v in vars(obj).items()}


def test_coding_a_document_leaves_the_stage_unchanged(nlp, parsed):
    from polybius.registry import get_stage

    settings, parse = parsed
    stage = get_stage("actors")(settings, nlp)
    parts = [stage, stage.tagger, stage.builder]
    before = [_state(p) for p in parts]
    doc = parse(TEXT)
    stage(doc)
    assert doc.actors  # the document was coded
    assert [_state(p) for p in parts] == before
    assert stage.knowledge is stage.tagger.kn is stage.builder.kn  # one knowledge object, loaded once


def test_a_document_codes_the_same_after_another(nlp, parsed):
    from polybius.registry import get_stage

    settings, parse = parsed
    stage = get_stage("actors")(settings, nlp)

    def actors(text):
        doc = parse(text)
        stage(doc)
        return [(a.name, a.code, [(m.start, m.end, m.rule) for m in a.mentions]) for a in doc.actors]

    first = actors(TEXT)
    actors(OTHER)
    assert actors(TEXT) == first


def test_knowledge_is_typed_and_frozen():
    from dataclasses import FrozenInstanceError

    from polybius.actors.knowledge import load_knowledge

    kn = load_knowledge()
    assert "he" in kn.pronouns_person and kn.pronoun_gender("she") == "female" and "its" in kn.pronouns_thing
    assert kn.limits.pronoun_sentences_person == 5 and kn.limits.story_country_share == 0.6
    assert kn.limits.is_acronym("SADC") and not kn.limits.is_acronym("S") and not kn.limits.is_acronym("Sadc")
    with pytest.raises(FrozenInstanceError):
        kn.limits = None


def _write_without(tmp_path, section=None, replace=None):
    """A copy of the knowledge file with one change, in a new folder (files are read once per path)."""
    from polybius.actors.knowledge import DATA

    tmp_path = tmp_path / f"v{len(list(tmp_path.iterdir()))}"
    tmp_path.mkdir()

    text = DATA.read_text(encoding="utf-8")
    if section:
        text = text.replace(f"[{section}]", "[misspelt_section]")
    if replace:
        text = text.replace(*replace)
    path = tmp_path / "rules.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_misspelt_section_fails_at_load_with_file_and_line(tmp_path):
    from polybius.actors.knowledge import load_knowledge
    from polybius.dictionaries.sections import SectionError

    path = _write_without(tmp_path, section="pronouns_thing")
    with pytest.raises(SectionError, match=r"missing section\(s\) \[pronouns_thing\]"):
        load_knowledge(path)
    path = _write_without(tmp_path, replace=("[time_words]", "[time_words]\n[time_wrds]"))
    with pytest.raises(SectionError, match=r"rules\.txt:\d+: unknown section \[time_wrds\]"):
        load_knowledge(path)


def test_a_bad_limit_fails_at_load_with_file_and_line(tmp_path):
    from polybius.actors.knowledge import load_knowledge
    from polybius.dictionaries.sections import SectionError

    path = _write_without(tmp_path, replace=("pronoun_sentences_other 3", "pronoun_sentences_othr 3"))
    with pytest.raises(SectionError, match=r"rules\.txt:\d+: \[limits\] expected 'name value'"):
        load_knowledge(path)
    path = _write_without(tmp_path, replace=("acronym_max_letters 6", "acronym_max_letters six"))
    with pytest.raises(SectionError, match=r"rules\.txt:\d+: \[limits\] 'six' is not a whole number"):
        load_knowledge(path)


def test_rules_are_named_lists_in_order():
    from polybius.actors.coref import JOIN_RULES
    from polybius.actors.heads import HEAD_RULES
    from polybius.actors.linking import LINK_RULES

    assert [n for n, _ in LINK_RULES] == ["possessive", "quantity", "prep-object", "shared-premodifier", "apposition"]
    assert [n for n, _ in JOIN_RULES] == ["acronym", "same-name", "title", "alias/apposition", "same-referent"]
    assert [n for n, _ in HEAD_RULES][:2] == ["person-entity", "dictionary"]
    assert all(callable(rule) for _, rule in LINK_RULES + JOIN_RULES + HEAD_RULES)


def test_link_rules_record_their_links(nlp, parsed):
    from polybius.actors.context import ActorContext, CachedDoc
    from polybius.actors.heads import phrase_candidates
    from polybius.actors.linking import LinkState, link_sentence
    from polybius.actors.segments import segments
    from polybius.registry import get_stage

    settings, parse = parsed
    stage = get_stage("actors")(settings, nlp)
    doc = parse("Iraq's prime minister met lawmakers in France and Germany.")
    ctx = ActorContext(CachedDoc(doc.nlp), dt.date(2020, 1, 11))
    ctx.hits = stage.tagger.hits(ctx.sd)
    sent = ctx.sd.sents[0]
    segs = segments(ctx.sd, sent, ctx.hits, stage.tagger)
    st = link_sentence(LinkState(ctx.sd, sent, segs, [phrase_candidates(stage.builder, ctx, s, e, 0) for s, e, _ in segs],
                                 stage.tagger))
    links = {(link.rule, link.mention.name, link.to.name if link.to else None) for link in st.links}
    assert ("possessive", "prime minister", "Iraq") in links
    assert {(r, to) for r, _, to in links if r == "prep-object"} >= {("prep-object", "France"), ("prep-object", "Germany")}
