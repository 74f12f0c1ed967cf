"""Actor, agent and discard dictionaries: Polybius's own tables and PETRARCH's files.

:func:`build_lexicon` reads the embedded tables (unless ``use_default_actors`` is off) and
the user's PETRARCH-format files into one :class:`Lexicon` of precompiled phrase tables.
(Verb dictionaries are read by the ``verbs*`` modules of this package.)
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from .lexicon import (ActorEntry, AgentEntry, DictionaryError, GroupEntry, PhraseTable, Role, norm,
                      split_phrase)

log = logging.getLogger("polybius.dictionaries")

__all__ = ["ActorEntry", "AgentEntry", "GroupEntry", "DictionaryError", "PhraseTable", "Role", "Lexicon",
           "build_lexicon", "kind_of_noun", "norm", "split_phrase"]


@dataclass
class Lexicon:
    actors: PhraseTable = field(default_factory=PhraseTable)
    agents: PhraseTable = field(default_factory=PhraseTable)
    groups: PhraseTable = field(default_factory=PhraseTable)
    discards: PhraseTable = field(default_factory=PhraseTable)
    modifiers: dict = field(default_factory=dict)
    cameo_to_iso: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    load_seconds: float = 0.0

    def iso(self, code: str | None) -> str | None:
        """The ISO alpha-3 country of an actor code's first three letters, or those letters."""
        if not code or len(code) < 3 or code.startswith("---"):
            return None
        head = code[:3]
        if head in self.cameo_to_iso:
            return self.cameo_to_iso[head]
        if head in NON_STATE:
            return None
        return head

    def add_actor(self, words, entry: ActorEntry, *, stem=False, case_sensitive=False):
        prior = self.actors.add(words, entry, stem=stem, case_sensitive=case_sensitive)
        if prior:
            for p in prior:
                if p is not entry and p.roles and entry.roles and p.roles[0].code != entry.roles[0].code:
                    msg = (f"conflicting actor codes for {' '.join(words)!r}: {p.roles[0].code} ({p.source}) "
                           f"vs {entry.roles[0].code} ({entry.source}); the later entry wins")
                    self.warnings.append(msg)
                    log.warning(msg)
                    break


# First three letters of CAMEO codes that are not countries.
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "UIS", "INT", "NGM", "---", "+++", "###"}


def build_lexicon(actors_files=(), agents_files=(), discard_files=(), use_defaults: bool = True) -> Lexicon:
    """Read the dictionaries once (a stage factory calls this)."""
    from .agents import read_agent_dictionary
    from .discards import read_discard_dictionary
    from .petrarch_actors import read_actor_dictionary
    from .tables import (is_acronym, read_agents_table, read_countries, read_groups, read_modifiers,
                         read_organizations, read_people)

    t0 = time.perf_counter()
    lex = Lexicon()
    lex.modifiers = read_modifiers()
    # Country codes are always known (they only map codes to ISO; they add no names).
    countries, lex.cameo_to_iso = read_countries()
    if use_defaults:
        for words, entry in countries:
            lex.add_actor(words, entry, case_sensitive=is_acronym(" ".join(words)))
        for words, entry in read_organizations():
            lex.add_actor(words, entry, case_sensitive=is_acronym(" ".join(words)))
        for words, entry in read_people():
            lex.add_actor(words, entry, case_sensitive=is_acronym(" ".join(words)))
        for words, entry in read_agents_table():
            lex.agents.add(words, entry, case_sensitive=is_acronym(" ".join(words)), lemma=True)
        for words, entry in read_groups():
            lex.groups.add(words, entry)
    for path in actors_files:
        if str(path).endswith(".tsv"):  # Polybius's own formats (people.tsv or organizations.tsv columns)
            for words, entry in _read_user_tsv_actors(path):
                lex.add_actor(words, entry, case_sensitive=is_acronym(" ".join(words)))
            continue
        for words, stem, entry in read_actor_dictionary(path):
            lex.add_actor(words, entry, stem=stem)
    kinds = {}
    table = read_agents_table()
    for words, entry in table:  # a one-word title says its own kind ("government": a body) ...
        if len(words) == 1:
            kinds.setdefault(words[0].lower(), entry.kind)
    for words, entry in table:  # ... before the last word of a longer one ("head of government")
        kinds.setdefault(words[-1].lower(), entry.kind)
    for path in agents_files:
        if str(path).endswith(".tsv"):
            from pathlib import Path

            for words, entry in read_agents_table(Path(path)):
                lex.agents.add(words, entry, case_sensitive=is_acronym(" ".join(words)), lemma=True)
            continue
        for words, entry in read_agent_dictionary(path):
            if entry.kind is None:
                entry.kind = kinds.get(entry.name.split()[-1]) or kinds.get(entry.key.split()[-1]) or kind_of_noun(entry.key)
            lex.agents.add(words, entry, lemma=entry.lemma_ok)
    for path in discard_files:
        for d in read_discard_dictionary(path):
            lex.discards.add(d.words, d)
    lex.load_seconds = time.perf_counter() - t0
    return lex


_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "men", "woman", "person", "ent", "ant", "at", "ee", "ive", "ary")


def kind_of_noun(phrase: str) -> str:
    """Kind of a role noun our table does not know: English person-noun endings, else a body."""
    last = phrase.split()[-1] if phrase.split() else ""
    if last.endswith("s") and not last.endswith(("ss", "us")):
        last = last[:-1]
    return "person" if last.endswith(_PERSON_SUFFIXES) else "organization"


def _read_user_tsv_actors(path):
    """A user's actor table in Polybius's format: ``people.tsv`` rows (``[ROLE ...]<TAB>names``)
    or ``organizations.tsv`` rows (``CODE<TAB>kind<TAB>names``), told apart per file."""
    from pathlib import Path

    from .lexicon import read_lines
    from .tables import read_organizations, read_people

    first = next((line for _, line in read_lines(str(path)) if line.strip() and not line.lstrip().startswith("#")), "")
    if first.lstrip().startswith("["):
        return read_people(Path(path))
    return read_organizations(Path(path))
