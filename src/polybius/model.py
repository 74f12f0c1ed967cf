"""The one document model that flows through every stage.

Each stage reads the layers written before it and adds its own:

    ingest   -> id, title, outlet, published, url, text, blocks, errors
    nlp      -> sentences (and the spaCy ``Doc`` in ``Document.nlp``, never serialised)
    actors   -> actors (with mentions)
    events   -> events
    speech   -> quotes, stances

Every coded thing carries character offsets into ``Document.text`` and the
rule or dictionary entry that produced it.  ``Document.to_dict()`` gives the
``polybius/1`` contract (``schema/polybius-1.schema.json``); ``Document.from_dict``
loads it back.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "polybius/1"


@dataclass
class Span:
    """A half-open character range ``[start, end)`` into ``Document.text``."""

    start: int
    end: int


@dataclass
class Block:
    """A structural unit of the article: headline, subhead or paragraph.

    Sentences never cross a block boundary."""

    kind: str  # headline | subhead | paragraph
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    block: int | None = None  # index into Document.blocks


@dataclass
class Mention:
    start: int
    end: int
    text: str | None = None
    rule: str | None = None  # how the mention was found / joined (ner, title, pronoun, ...)


@dataclass
class Actor:
    id: str
    name: str
    code: str | None = None
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    kind: str = "organization"  # person | organization | country | group | outlet (named only as a source of information)
    mentions: list[Mention] = field(default_factory=list)
    reason: str | None = None  # which dictionary entry, title or context decided the code
    roles: list[dict] = field(default_factory=list)  # dated roles {code, start, end, source} of its entry


@dataclass
class EventDate:
    """When an event happened: an ISO date range (one day: ``start == end``) and the words that
    said so (``None`` when the date is the publication date or inherited)."""

    start: str
    end: str
    text: str | None = None


@dataclass
class Place:
    """Where an event happened: a GeoNames place with its country (ISO alpha-3) and coordinates."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Plover:
    event: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)


@dataclass
class Event:
    id: str
    sentence: int
    source: str | None
    target: str | None
    cameo: str  # a CAMEO code; with root None a user dictionary's code outside CAMEO (PETRARCH-compatible)
    root: str | None
    goldstein: float | None
    quad_class: int | None
    trigger: Span
    rule: str
    confidence: float = 1.0
    plover: Plover | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted | reported | hypothetical | future
    date: EventDate | None = None
    place: Place | None = None
    evidence: list[Span] = field(default_factory=list)  # every span stating this event
    # where the source and target arguments are in the text (the phrase of the argument the
    # coder read, even one that names no actor; a pronoun's actor by its named mention)
    source_span: Span | None = None
    target_span: Span | None = None


@dataclass
class Quote:
    id: str
    speaker: str | None
    text: str
    start: int
    end: int
    kind: str = "direct"  # direct | partial | indirect
    verb: str | None = None
    rule: str | None = None


@dataclass
class Stance:
    holder: str
    proposition: str
    polarity: str  # support | oppose
    evidence: list[Span] = field(default_factory=list)
    rule: str | None = None


@dataclass
class Document:
    text: str
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: _dt.date | None = None
    url: str | None = None
    language: str | None = None
    origin: str | None = None  # where it was read from: path, path:line, url
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: bool = False  # True when the document was reported and not analysed
    # Working state for later stages; never serialised.
    nlp: Any = field(default=None, repr=False, compare=False)
    extras: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.id is None:
            self.id = content_id(self.text, self.title)

    # -- helpers for stages -------------------------------------------------
    def actor(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def actors_at(self, start: int, end: int) -> list[Actor]:
        """Actors with a mention overlapping ``[start, end)``, innermost (shortest mention) first.

        Stages after ``actors`` use this to turn a token or phrase into actor ids."""
        hits = []
        for a in self.actors:
            for m in a.mentions:
                if m.start < end and start < m.end:
                    hits.append((m.end - m.start, a))
                    break
        return [a for _, a in sorted(hits, key=lambda x: x[0])]

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end].strip()

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing character ``offset``."""
        for i, s in enumerate(self.sentences):
            if s.start <= offset < s.end:
                return i
        return None

    def block_kind(self, sentence_index: int) -> str | None:
        b = self.sentences[sentence_index].block
        return self.blocks[b].kind if b is not None and b < len(self.blocks) else None

    # -- serialisation --------------------------------------------------------
    def to_dict(self) -> dict:
        out: dict[str, Any] = {"schema": SCHEMA}
        for name in _ORDER:
            out[name] = _plain(getattr(self, name))
        return out

    def to_json(self, **kw) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kw)

    @classmethod
    def from_dict(cls, d: dict) -> "Document":
        pub = d.get("published")
        doc = cls(
            text=d.get("text", ""),
            id=d.get("id"),
            title=d.get("title"),
            outlet=d.get("outlet"),
            published=_dt.date.fromisoformat(pub) if pub else None,
            url=d.get("url"),
            language=d.get("language"),
            origin=d.get("origin"),
            errors=list(d.get("errors", [])),
            skipped=bool(d.get("skipped", False)),
        )
        doc.blocks = [Block(**b) for b in d.get("blocks", [])]
        doc.sentences = [Sentence(**s) for s in d.get("sentences", [])]
        doc.actors = [
            Actor(**{**a, "mentions": [Mention(**m) for m in a.get("mentions", [])]})
            for a in d.get("actors", [])
        ]
        doc.events = [_event_from_dict(e) for e in d.get("events", [])]
        doc.quotes = [Quote(**q) for q in d.get("quotes", [])]
        doc.stances = [
            Stance(**{**s, "evidence": [Span(**x) for x in s.get("evidence", [])]})
            for s in d.get("stances", [])
        ]
        return doc

    @classmethod
    def from_json(cls, s: str) -> "Document":
        return cls.from_dict(json.loads(s))


# Contract order: the keys of issue #2's contract first, then Polybius's additions.
_ORDER = ("id", "title", "outlet", "published", "url", "text", "sentences", "actors", "events",
          "quotes", "stances", "errors", "language", "origin", "skipped", "blocks")


def _event_from_dict(e: dict) -> Event:
    e = dict(e)
    e["trigger"] = Span(**e["trigger"])
    e["evidence"] = [Span(**x) for x in e.get("evidence", [])]
    for key in ("source_span", "target_span"):
        if e.get(key):
            e[key] = Span(**e[key])
    if e.get("plover"):
        e["plover"] = Plover(**e["plover"])
    if e.get("date"):
        e["date"] = EventDate(**e["date"])
    if e.get("place"):
        e["place"] = Place(**e["place"])
    return Event(**e)


_SCALARS = frozenset((str, int, float, bool, type(None)))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    t = type(value)
    if t in _SCALARS:  # the common case first: serialising is on every document's path
        return value
    names = _FIELD_NAMES.get(t)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[t] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {n: _plain(getattr(value, n)) for n in names}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


def content_id(text: str, title: str | None = None) -> str:
    """A stable id from the content: the same article always gets the same id."""
    h = hashlib.sha256()
    h.update((title or "").encode("utf-8"))
    h.update(b"\x00")
    h.update(text.encode("utf-8"))
    return "sha256:" + h.hexdigest()[:24]
