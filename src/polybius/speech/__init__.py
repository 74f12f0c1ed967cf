"""Speech stage: who said what (quotes with speakers) and who stands where (stances).

Registered as ``"speech"``; runs after ``actors`` and ``events``.  The factory builds
the matchers once; the stage callable fills ``Document.quotes`` and ``Document.stances``.
"""
from __future__ import annotations

from ..registry import stage
from ..stages import Stage
from .lexicon import Lexicon, LexiconError
from .quotes import QuoteFinder, actor_for
from .stances import StanceFinder

__all__ = ["Lexicon", "LexiconError", "QuoteFinder", "actor_for", "SpeechStage", "StanceFinder"]


@stage("speech")
class SpeechStage(Stage):
    name = "speech"
    requires = ("nlp", "sentences", "blocks", "actors")
    assigns = ("quotes", "stances")

    def __init__(self, settings, nlp):
        super().__init__(settings, nlp)
        lexicon = Lexicon()
        self.quotes = QuoteFinder(nlp, lexicon)
        self.stances = StanceFinder(nlp)

    def __call__(self, doc) -> None:
        doc.quotes = self.quotes(doc)
        doc.stances = self.stances(doc)
