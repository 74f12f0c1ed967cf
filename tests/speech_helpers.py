"""Helpers for the speech tests: documents parsed once, actors built by hand."""
from __future__ import annotations

import re

from polybius.ingest import read_text
from polybius.model import Actor, Mention
from polybius.nlp import parse_documents


def make_doc(nlp, text: str, actors: dict[str, list[str]] | None = None, **kw):
    """Parse ``text`` and add hand-made actors: ``{"Jane Doe": ["Jane Doe", "Doe", "she"]}``
    — every whole-word occurrence of each string becomes a mention (first listed string names it)."""
    doc = read_text(text, **kw)
    doc = next(parse_documents(nlp, [doc]))
    for n, (name, strings) in enumerate((actors or {}).items(), 1):
        a = Actor(id=f"A{n}", name=name)
        for s in strings:
            for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", doc.text):
                a.mentions.append(Mention(m.start(), m.end(), s, "test"))
        doc.actors.append(a)
    return doc


def by_name(doc, actor_id):
    a = doc.actor(actor_id)
    return a.name if a else None
