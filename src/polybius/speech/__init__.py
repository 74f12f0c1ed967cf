"""Speech stage: who said what (quotes with speakers) and who stands where (stances).

Registered as ``"speech"``; runs after ``actors`` and ``events``.  The factory builds
the matchers once; the stage callable fills ``Document.quotes`` and ``Document.stances``.
"""
from __future__ import annotations

from ..registry import stage
from .lexicon import Lexicon, LexiconError
from .quotes import QuoteFinder, actor_for
from .stances import StanceFinder

__all__ = ["Lexicon", "LexiconError", "QuoteFinder", "actor_for", "make_speech_stage", "StanceFinder"]


@stage("speech")
def make_speech_stage(settings, nlp):
    lexicon = Lexicon()
    quotes = QuoteFinder(nlp, lexicon)
    stances = StanceFinder(nlp)

    def run(doc) -> None:
        doc.quotes = quotes(doc)
        doc.stances = stances(doc)

    return run
