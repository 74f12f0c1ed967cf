"""The actors stage's own knowledge: word lists and limits from ``data/actors/rules.txt``.

Read once with :func:`~polybius.dictionaries.sections.read_sections` (a missing or unknown
section, or a missing or unknown limit, fails at load time with file and line) into one
frozen :class:`ActorKnowledge` that the stage passes to its parts.  Dictionary knowledge
(names, titles, groups, modifiers) stays in the lexicon; this is the grammar around it.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from ..dictionaries.sections import read_sections


@dataclass(frozen=True)
class Limits:
    """Thresholds and walk limits (``[limits]``: one ``name value`` a line)."""

    story_country_share: float
    story_country_min_mentions: int
    story_country_dominant_mentions: int
    story_country_dominance: int
    pronoun_sentences_person: int
    pronoun_sentences_other: int
    acronym_min_letters: int
    acronym_max_letters: int
    initials_min_letters: int
    surname_min_letters: int
    name_part_min_letters: int
    entity_surname_max_words: int
    between_actors_words: int

    def is_acronym(self, word: str) -> bool:
        """An all-capital alphabetic word of acronym length ("SADC")."""
        return word.isupper() and word.isalpha() and self.acronym_min_letters <= len(word) <= self.acronym_max_letters


@dataclass(frozen=True)
class SectorCodes:
    """CAMEO sector codes the rules name (``[sector_codes]``: one ``role code`` a line)."""

    government: str
    elite: str
    media: str
    civilians: str


@dataclass(frozen=True)
class ActorKnowledge:
    pronouns_male: frozenset[str]
    pronouns_female: frozenset[str]
    pronouns_thing: frozenset[str]
    pronouns_plural: frozenset[str]
    definite_references: frozenset[str]
    place_words: frozenset[str]
    pair_references: frozenset[str]
    pair_numbers: frozenset[str]
    expletive_pronouns: frozenset[str]
    copulas: frozenset[str]
    expletive_verbs: frozenset[str]
    nominal_determiners: frozenset[str]
    relative_words: frozenset[str]
    quantity_words: frozenset[str]
    time_words: frozenset[str]
    conjunctions: frozenset[str]
    name_particles: frozenset[str]
    definite_articles: frozenset[str]
    stripped_articles: tuple[str, ...]  # case as written, tried in file order
    former_prefixes: tuple[str, ...]
    ethnicity_markers: frozenset[str]
    country_nouns: frozenset[str]
    link_prepositions: frozenset[str]
    apposition_prepositions: frozenset[str]
    body_prepositions: frozenset[str]
    quantity_prepositions: frozenset[str]
    member_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    generic_titles: frozenset[str]
    initials_skip_words: frozenset[str]
    non_state_codes: tuple[str, ...]  # upper case, as codes are written
    business_codes: tuple[str, ...]
    outlet_speech_verbs: frozenset[str]
    outlet_agent_verbs: frozenset[str]
    outlet_prepositions: frozenset[str]
    non_actor_names: frozenset[str]
    non_actor_first_words: frozenset[str]
    non_actor_last_words: frozenset[str]
    place_acting_deps: frozenset[str]
    place_location_deps: frozenset[str]
    sector_codes: SectorCodes
    limits: Limits

    @property
    def pronouns_person(self) -> frozenset[str]:
        return self.pronouns_male | self.pronouns_female

    def pronoun_gender(self, word: str) -> str | None:
        return "male" if word in self.pronouns_male else "female" if word in self.pronouns_female else None


DATA = Path(__file__).resolve().parents[1] / "data" / "actors" / "rules.txt"
_NAMED = {"sector_codes": SectorCodes, "limits": Limits}
_AS_WRITTEN = {"stripped_articles", "former_prefixes", "non_state_codes", "business_codes"}
SECTIONS = [f.name for f in fields(ActorKnowledge)]


_TYPES = {"float": (float, "a number"), "int": (int, "a whole number"), "str": (str, "a word")}


def _named(f, section: str, cls):
    """A section of ``name value`` lines as ``cls`` (every field given once, of its type)."""
    names = {x.name: x.type for x in fields(cls)}
    values: dict[str, float | int | str] = {}
    for entry in f[section]:
        parts = entry.text.split()
        if len(parts) != 2 or parts[0] not in names:
            raise f.error(section, entry, f"expected 'name value' with a name of: {', '.join(names)}")
        if parts[0] in values:
            raise f.error(section, entry, f"{parts[0]} given twice")
        convert, kind = _TYPES[names[parts[0]]]
        try:
            values[parts[0]] = convert(parts[1])
        except ValueError:
            raise f.error(section, entry, f"{parts[1]!r} is not {kind}") from None
    missing = [n for n in names if n not in values]
    if missing:
        raise f.error(section, None, f"missing: {', '.join(missing)}")
    return cls(**values)


@lru_cache(maxsize=None)
def load_knowledge(path: str = str(DATA)) -> ActorKnowledge:
    f = read_sections(path, expected=SECTIONS)
    words = {name: (tuple(e.text for e in f[name]) if name in _AS_WRITTEN else f.words(name))
             for name in SECTIONS if name not in _NAMED}
    return ActorKnowledge(**words, **{name: _named(f, name, cls) for name, cls in _NAMED.items()})
