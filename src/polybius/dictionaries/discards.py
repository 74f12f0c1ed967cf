"""Reader of PETRARCH discard files (``Phoenix.discards.txt``, ``PETR.Validate.discards.txt``).

One phrase a line; ``+PHRASE`` discards the whole story, a bare phrase the sentence it is in.
``#`` starts a comment.  Phrases match case-insensitively on word boundaries.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import read_lines, split_phrase


@dataclass
class Discard:
    words: list[str]
    story: bool
    source: str


def read_discard_dictionary(path: str) -> list[Discard]:
    path = str(path)
    out = []
    for n, raw in read_lines(path):
        i = raw.find("#")
        text = (raw if i < 0 else raw[:i]).strip()
        if not text:
            continue
        story = text.startswith("+")
        words = split_phrase(text.lstrip("+").strip())
        if words:
            out.append(Discard(words, story, f"{path}:{n}"))
    return out
