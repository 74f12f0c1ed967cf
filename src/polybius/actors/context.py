"""Per-document state of the actors stage: one :class:`ActorContext` made per call.

The stage and its parts (tagger, candidate builder) hold only what is loaded once (the
lexicon, :class:`~polybius.actors.knowledge.ActorKnowledge`, word sets); everything one
document makes — its tokens, dictionary hits, candidates, story country — lives here and
is passed along, so coding a document leaves the stage as it found it.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field


class CachedDoc:
    """A spaCy ``Doc`` whose tokens are made once: ``doc[i]`` on a plain Doc builds a new
    Token object each time, which dominated this stage's cost."""

    def __init__(self, doc):
        self.doc = doc
        self.toks = list(doc)
        self.sents = list(doc.sents)
        self.text = doc.text

    def __len__(self):
        return len(self.toks)

    def __iter__(self):
        return iter(self.toks)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.doc[i]
        return self.toks[i]


@dataclass(frozen=True)
class Hits:
    """Dictionary hits per token: the ``(start, end, payloads, how)`` hit covering it, or None.

    A token inside an actor name is never also an agent or group token."""

    actor: list
    agent: list
    group: list

    def at(self, k):
        return self.actor[k] or self.agent[k] or self.group[k]


@dataclass
class ActorContext:
    """What coding one document needs and makes."""

    sd: CachedDoc
    day: _dt.date | None
    hits: Hits | None = None
    cands: list = field(default_factory=list)  # Candidate, in text order once built
    story: str | None = None  # the story's country code, when it is guessed
    places: list = field(default_factory=list)  # (start, end, country, reason): places named where an actor was expected
