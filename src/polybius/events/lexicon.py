"""What the events stage knows, as one typed object read once from data and validated.

:class:`EventLexicon` holds every word list of ``data/events/qualifiers.txt`` (one field per
section) and the coding rules of ``data/events/rules.txt`` (reframing tables, default roles,
confidence adjustments, tree-walk limits).  Both files are read with
:func:`~polybius.dictionaries.sections.read_sections` and the sections they must have, so a
missing or misspelt section fails at load time with file and line.  The stage builds it once
and passes it to its parts; no part reads a data file or keeps a default of its own.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..dictionaries.sections import SectionFile, read_sections

DATA = Path(__file__).resolve().parents[1] / "data" / "events"
QUALIFIERS = DATA / "qualifiers.txt"
RULES = DATA / "rules.txt"

FAMILIES = ("intent", "threaten", "reject")


@dataclass(frozen=True)
class Confidence:
    """Amounts subtracted from an entry's confidence (``[confidence]`` in rules.txt)."""

    phrase_target: float
    inherited_subject: float
    bare_noun: float
    clause_source: float
    place_source: float
    charge: float
    claim: float
    statement: float
    passive_orphan: float
    floor: float


@dataclass(frozen=True)
class Limits:
    """How far the tree walks go (``[limits]`` in rules.txt)."""

    coding_depth: int
    argument_depth: int
    subject_hops: int
    glued_word_gap: int
    date_hops: int
    modality_hops: int
    claim_verb_hops: int
    verb_ancestor_hops: int
    modifier_clause_hops: int
    tree_depth: int


@dataclass(frozen=True)
class FactualityRules:
    """When an event is set aside as not asserted (``[factuality]`` in rules.txt)."""

    hard: float
    soft: float
    window_days: int


@dataclass(frozen=True)
class EventLexicon:
    # qualifiers.txt: one word list per section (lower-cased)
    negation: frozenset
    hypothetical_aux: frozenset
    obligation_aux: frozenset
    future_aux: frozenset
    future_governors: frozenset
    conditional_marks: frozenset
    hypothetical_heads: frozenset
    reported_adverbs: frozenset
    reported_preps: frozenset
    reported_verbs: frozenset
    speaker_pronouns: frozenset
    enacting_verbs: frozenset
    third_party_codes: frozenset
    violent_codes: frozenset
    claimable_codes: frozenset
    venue_codes: frozenset
    state_act_codes: frozenset
    responsibility_heads: frozenset
    own_object_verbs: frozenset
    instrument_verbs: frozenset
    purpose_verbs: frozenset
    reciprocal_objects: frozenset
    reciprocal_verbs: frozenset
    reciprocal_pronouns: frozenset
    place_nouns: frozenset
    desire_verbs: frozenset
    circumstance_preps: frozenset
    claim_verbs: frozenset
    cause_marks: frozenset
    document_nouns: frozenset
    partitive_nouns: frozenset
    quantity_heads: frozenset
    acceptance_verbs: frozenset
    partner_verbs: frozenset
    descriptive_participles: frozenset
    role_nouns: frozenset
    undergoing_verbs: frozenset
    evaluation_verbs: frozenset
    reporter_sectors: frozenset
    analysis_verbs: frozenset
    # rules.txt
    statement_roots: frozenset
    threat_roots: frozenset
    acceptance_roots: frozenset
    fallback_codes: dict
    default_targets: dict
    default_sources: dict
    place_sources: tuple
    inclusion_words: frozenset
    statement_cues: dict
    statement_default: str
    confidence: Confidence
    limits: Limits
    factuality: FactualityRules
    factuality_cues: frozenset

    @property
    def partitives(self) -> frozenset:
        """Nouns whose of-object counts for them ("a wave of strikes", "thousands of Kurds")."""
        return self.partitive_nouns | self.quantity_heads


WORD_SECTIONS = tuple(f.name for f in dataclasses.fields(EventLexicon) if f.type == "frozenset"
                      and f.name not in ("statement_roots", "threat_roots", "acceptance_roots", "inclusion_words",
                                   "factuality_cues"))
RULE_SECTIONS = ("statement_roots", "threat_roots", "acceptance_roots", "fallback_codes", "default_targets",
                 "default_sources", "place_sources", "inclusion_words", "statement_cues", "confidence", "limits",
                 "factuality", "factuality_cues")


def _roots(f: SectionFile, name: str) -> frozenset:
    """Two-digit CAMEO roots; ``A-B`` is a range."""
    out = set()
    for e in f[name]:
        lo, _, hi = e.text.partition("-")
        if not (lo.isdigit() and (not hi or hi.isdigit())):
            raise f.error(name, e, f"expected a CAMEO root or a range of roots, got {e.text!r}")
        out.update(f"{r:02d}" for r in range(int(lo), int(hi or lo) + 1))
    return frozenset(out)


def _table(f: SectionFile, name: str, kinds=None) -> dict:
    """``KEY VALUE...`` lines as ``{key: [values]}``."""
    out = {}
    for e in f[name]:
        key, *values = e.text.split()
        if not values or (kinds is not None and key not in kinds):
            raise f.error(name, e, f"expected one of {', '.join(kinds or ('KEY',))} followed by values")
        out[key] = values
    if kinds is not None and set(out) != set(kinds):
        raise f.error(name, None, f"expected lines for {', '.join(kinds)}")
    return out


def _numbers(f: SectionFile, name: str, cls, convert):
    table = _table(f, name, [x.name for x in dataclasses.fields(cls)])
    try:
        return cls(**{k: convert(v[0]) for k, v in table.items()})
    except ValueError:
        raise f.error(name, None, "every value must be a number") from None


def _number(text: str):
    return int(text) if text.isdigit() else float(text)


def _statement_cues(f: SectionFile) -> dict:
    """``CODE cue...`` lines in order (the first line whose cue a statement holds decides), and the
    code of a statement with no cue (the line ``CODE *``)."""
    table = _table(f, "statement_cues")
    for e in f["statement_cues"]:
        code = e.text.split()[0]
        if not code.isdigit():
            raise f.error("statement_cues", e, f"expected a CAMEO code, got {code!r}")
    default = [k for k, v in table.items() if v == ["*"]]
    if len(default) != 1:
        raise f.error("statement_cues", None, "expected exactly one line CODE * (a statement with no cue)")
    return {"statement_cues": {k: frozenset(v) for k, v in table.items() if v != ["*"]},
            "statement_default": default[0]}


@lru_cache(maxsize=None)
def event_lexicon(qualifiers: str = str(QUALIFIERS), rules: str = str(RULES)) -> EventLexicon:
    q = read_sections(qualifiers, expected=WORD_SECTIONS)
    r = read_sections(rules, expected=RULE_SECTIONS)
    return EventLexicon(
        **{name: q.words(name) for name in WORD_SECTIONS},
        statement_roots=_roots(r, "statement_roots"), threat_roots=_roots(r, "threat_roots"),
        acceptance_roots=_roots(r, "acceptance_roots"),
        fallback_codes={k: v[0] for k, v in _table(r, "fallback_codes", FAMILIES).items()},
        default_targets=_table(r, "default_targets", ("noun", "verb", "petrarch")),
        default_sources=_table(r, "default_sources", ("noun", "verb")),
        place_sources=tuple(e.text for e in r["place_sources"]),
        inclusion_words=r.words("inclusion_words"),
        **_statement_cues(r),
        confidence=_numbers(r, "confidence", Confidence, float),
        limits=_numbers(r, "limits", Limits, int),
        factuality=_numbers(r, "factuality", FactualityRules, _number),
        factuality_cues=r.words("factuality_cues"),
    )
