"""Speed rewrites give exactly what the code they replace gave: array-based sentence presets
against the Token-walking version, single-token lookups against spaCy's Matcher, the cached
date resolver and the faster serialiser against their plain forms."""
from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.matcher import Matcher

from polybius.events import dates
from polybius.ingest import read_text
from polybius.model import Document, _plain
from polybius.nlp.lookup import TokenLookup
from polybius.nlp.segment import _prepare, _prepare_tokens

TEXTS = [
    "Ministers meet in Cairo\n\nEgypt on Monday called for talks with Ethiopia. The dam dispute "
    "has lasted for years; officials said no deal was near.\n\nEthiopia rejected the call.",
    "  Leading spaces.\n\n\n   Paragraph after blank lines!  And \"a quote.\" Then (a bracket.) next",
    "One",
    "",
    "Title only:\n\nBody: colon ends it… and an ellipsis — then dashes.\nLine two ” closes",
]


def test_array_sentence_presets_equal_the_token_walk(nlp):
    for text in TEXTS:
        doc = read_text(text)
        fast, slow = _prepare(nlp, doc), _prepare_tokens(nlp, doc)
        assert [t.sent_start for t in fast] == [t.sent_start for t in slow], text


def test_token_lookup_equals_the_matcher(nlp):
    lemmas = ["say", "reject", "call", "talk", "dispute", "official"]
    m = Matcher(nlp.vocab)
    m.add("V", [[{"LEMMA": {"IN": lemmas}, "POS": {"IN": ["VERB", "AUX"]}}]])
    m.add("N", [[{"LEMMA": {"IN": lemmas}, "POS": "NOUN"}]])
    look = TokenLookup()
    look.add("V", lemmas, ["VERB", "AUX"])
    look.add("N", lemmas, "NOUN")
    found = 0
    for sdoc in nlp.pipe(TEXTS + ["Officials said they rejected the talks, calling the dispute a distraction."]):
        want: dict[str, list[int]] = {}
        for mid, s, _e in m(sdoc):
            want.setdefault(nlp.vocab.strings[mid], []).append(s)
        assert look(sdoc) == want
        found += sum(map(len, want.values()))
    assert found >= 6


def test_cached_date_resolution_equals_the_uncached(nlp):
    pub = dt.date(2024, 3, 6)
    for text in ("last week", "March 3", "14 January", "since 1978", "two years ago", "a sixth straight day"):
        assert dates.resolve(text, pub) == dates.resolve.__wrapped__(text, pub)


def _plain_reference(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _plain_reference(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_plain_reference(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain_reference(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def test_serialiser_equals_the_generic_walk(pipeline):
    doc = pipeline.code_document(read_text(TEXTS[0], published=dt.date(2024, 3, 6)))
    assert doc.actors and doc.sentences
    for name in ("sentences", "actors", "events", "quotes", "stances", "blocks", "published"):
        assert _plain(getattr(doc, name)) == _plain_reference(getattr(doc, name))
    assert Document.from_dict(doc.to_dict()).to_dict() == doc.to_dict()
