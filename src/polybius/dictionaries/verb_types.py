"""The types every verb dictionary reader builds: triggers, entries, concepts, dictionaries.

A leaf module: both readers (``verbs`` for Polybius's format, ``verbs_petrarch`` for
PETRARCH's) and the events stage import it; it imports nothing of Polybius.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class VerbDictionaryError(ValueError):
    """A verb dictionary that cannot be read; the message names file and line."""


@dataclass
class Trigger:
    lemma: str
    pos: tuple[str, ...]
    particle: str | None = None
    prefix: tuple[str, ...] = ()  # words right before the verb ("WIRE_+TAP": "wire")


@dataclass
class VerbEntry:
    code: str  # CAMEO code, or "000" for entries that are not events by themselves
    triggers: list[Trigger]
    conditions: dict[str, frozenset] = field(default_factory=dict)  # obj, mod, comp, prep:P
    family: str | None = None
    kind: str = "event"
    source: list[str] | None = None
    target: list[str] | None = None
    confidence: float = 0.9
    rule: str = ""  # file:line
    line: int = 0
    dialect: str = "polybius"  # polybius | petrarch (PETRARCH entries code future actions as such)
    reciprocal: str | None = None  # PETRARCH "[a:b]": the target also does b to the source
    # TABARI word-order pattern: (before, after) lists of units around the verb; a unit is
    # ("mark", "+"|"$") or ("words", ((w1, w2...), ...)) = alternatives of consecutive words
    sequence: tuple | None = None

    @property
    def specificity(self) -> int:
        return len(self.conditions)


@dataclass
class Concept:
    name: str
    actions: tuple[str, ...]
    codes: dict[str, str]  # family -> code


@dataclass
class VerbDictionary:
    entries: list[VerbEntry] = field(default_factory=list)
    concepts: dict[str, Concept] = field(default_factory=dict)
    synsets: dict[str, frozenset] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # lines skipped in lenient (PETRARCH) reading

    def extend(self, other: "VerbDictionary") -> None:
        self.entries.extend(other.entries)
        self.concepts.update(other.concepts)
        self.synsets.update(other.synsets)
        self.sources.extend(other.sources)
        self.warnings.extend(other.warnings)

    def concept_of(self, code: str | None) -> Concept | None:
        """The concept whose action codes hold ``code`` (longest prefix wins)."""
        if not code:
            return None
        best, best_len = None, 0
        for c in self.concepts.values():
            for a in c.actions:
                if code.startswith(a) and len(a) > best_len and (len(a) == len(code) or len(a) <= 3):
                    best, best_len = c, len(a)
        return best
