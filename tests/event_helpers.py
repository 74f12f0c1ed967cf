"""Event coding with actors built by hand: each test names the actor mentions it expects, so a
failure points at the event coder alone (shared by the event test files)."""
from __future__ import annotations

import re


def hand_coder(nlp, published, whole_words: bool = False, **settings):
    """``run(text, {name: code}) -> Document``: parse, add the named actors, run the events stage."""
    from polybius.config import load_settings
    from polybius.events.stage import EventStage
    from polybius.ingest import read_text
    from polybius.model import Actor, Mention
    from polybius.pipeline import Pipeline

    s = load_settings(env={}, stages=[], **settings)
    stage = EventStage(s, nlp)
    pipe = Pipeline(s, nlp=nlp)

    def run(text: str, actors: dict[str, str], published=published):
        doc = pipe.code_document(read_text(text, s, published=published))
        for i, (name, code) in enumerate(actors.items(), 1):
            pattern = r"\b" + re.escape(name) + r"\b" if whole_words else re.escape(name)
            ms = [Mention(m.start(), m.end(), name) for m in re.finditer(pattern, doc.text)]
            doc.actors.append(Actor(f"A{i}", name, code, mentions=ms))
        stage(doc)
        return doc

    return run


def triple_coder(nlp, published):
    """``run(text, {name: code}) -> [(source code, cameo, target code)]`` of the events coded."""
    hand = hand_coder(nlp, published, whole_words=True)

    def run(text: str, actors: dict[str, str]):
        doc = hand(text, actors)
        names = {a.id: a.code for a in doc.actors}
        return [(names.get(e.source), e.cameo, names.get(e.target)) for e in doc.events]

    return run
