"""Shared helpers of the events benchmarks: a pipeline, the main event of a sentence.

When the actors stage is not available (or ``--placeholder-actors`` is given), every noun
chunk and named entity becomes an uncoded actor, so that the event coder's own figures
(event type, argument spans) can be measured apart from actor coding.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("POLYBIUS_SHARED") or next(
    (p / "shared" for p in ROOT.parents if (p / "shared").is_dir()), ROOT.parent / "shared"))


def build(placeholder: bool = False, **settings):
    from polybius.config import load_settings
    from polybius.pipeline import Pipeline
    from polybius.registry import available

    use_actors = available("actors") and not placeholder
    stages = ["actors", "events"] if use_actors else []
    settings.setdefault("min_words_for_language_check", 10**9)
    settings.setdefault("event_modalities", ["asserted", "reported", "future", "hypothetical"])  # single sentences: no language guess
    # sentences are scored for what they mention, whatever its factuality (hypothetical ones too)
    settings.setdefault("keep_background", True)
    s = load_settings(env={}, stages=stages, **settings)
    pipe = Pipeline(s, nlp=None)
    stage = None
    if not use_actors:
        from polybius.events.stage import EventStage

        stage = EventStage(s, pipe.nlp)

    def code(text: str, published=None):
        from polybius.ingest import read_text

        doc = read_text(text, s, **({"published": published} if published else {}))
        doc = pipe.code_document(doc)
        if stage is not None:
            placeholder_actors(doc)
            stage(doc)
        return doc

    return code, ("actors stage" if use_actors else "placeholder actors (noun chunks)")


def placeholder_actors(doc) -> None:
    from polybius.model import Actor, Mention

    spans = {}
    sp = doc.nlp
    for ch in list(sp.noun_chunks) + list(sp.ents):
        if ch.root.pos_ == "PRON" and ch.root.lower_ not in ("he", "she", "they", "we"):
            continue
        spans[(ch.start_char, ch.end_char)] = ch.text
    for i, ((a, b), t) in enumerate(sorted(spans.items()), 1):
        doc.actors.append(Actor(f"A{i}", t, None, mentions=[Mention(a, b, t)]))


def main_event(doc):
    """The event nearest the root of the parse (ties: the earliest)."""
    if not doc.events:
        return None
    sp = doc.nlp

    def depth(e):
        tok = sp.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        t = tok.root if tok is not None else None
        d = 0
        while t is not None and t.head.i != t.i and d < 50:  # spaCy makes a new Token per access: compare indices
            t, d = t.head, d + 1
        return (d, e.trigger.start)

    return min(doc.events, key=depth)


def quad5(root: str | None) -> int:
    """ConfliBERT's five classes follow the ICEWS/Phoenix "penta" grouping of CAMEO roots,
    not the CAMEO QuadClass that Polybius outputs: 0 statement and appeal (01-02), 1 verbal
    cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13 and 16,
    reduce relations), 4 material conflict (14-15, 17-20).  The train labels bear this out
    root by root (e.g. sanctions and aid suspensions, 16x, are labelled 3; protests, 14x, 4;
    investigations, 09x, 3; appeals, 02x, 0)."""
    if root is None:
        return 0
    r = int(root)
    if r <= 2:
        return 0
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    return 3 if r <= 13 or r == 16 else 4


def arg_span(doc, ev, role: str):
    """``(start, end)`` of the event's source or target argument (``Event.source_span``)."""
    sp = getattr(ev, f"{role}_span")
    return (sp.start, sp.end) if sp is not None else None
