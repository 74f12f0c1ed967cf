"""Per-document state of the events stage, in one explicit object.

:class:`EventContext` is made by :meth:`EventStage.__call__` for each document and passed to
every part; the stage and its parts keep only what they loaded at build time.  It holds the
document's indexes (actors by token, tree depths, trigger set), the caches of pure functions
of the parse (candidates, frames, TABARI matches, noun phrases) and the state of the sentence
being coded (its entities, obligation auxiliaries, whether it is reported as a whole).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Memo:
    """Per-document caches, by token index: candidates, frames, TABARI matches, noun phrases."""

    cands: dict = field(default_factory=dict)
    frames: dict = field(default_factory=dict)
    sequences: dict = field(default_factory=dict)  # (entry id, token index) -> match
    chunks: dict = field(default_factory=dict)  # sentence start -> noun phrases
    analysts: set | None = None  # ids of actors who are subjects of analysis verbs (derived.statements)


@dataclass
class EventContext:
    doc: Any  # the polybius Document (None when a token is coded on its own)
    sp: Any  # its spaCy Doc
    tok_actors: dict = field(default_factory=dict)  # token index -> actors, innermost mention first
    tok_spans: dict = field(default_factory=dict)  # token index -> (start, end) of those mentions
    depths: Any = None  # token index -> depth in its parse tree (LazyDepths)
    triggers: list = field(default_factory=list)  # indices of every possible trigger, in order
    trig_set: set = field(default_factory=set)  # the same, as a set
    lower: Any = None  # the document's LOWER hashes (numpy array, for word look-ups)
    memo: "Memo" = field(default_factory=lambda: Memo())  # caches of pure functions of the parse
    # the sentence being coded
    ents: list = field(default_factory=list)
    oblig: list = field(default_factory=list)
    sentence_reported: bool = False  # "According to reports, ...": every event in it is reported

    @classmethod
    def for_tokens(cls, sp) -> "EventContext":
        """A context for coding single tokens outside the stage (tests, tools)."""
        return cls(doc=None, sp=sp)
