"""Speech stage: who said what (quotes with speakers) and who stands where (stances).

Registered as ``"speech"``; runs after ``actors`` and ``events``.  The stage builds the
finders once; for each document it makes a :class:`SpeechContext` (the document, its parse,
its speech verbs) and hands it to the quote finder, which fills ``Document.quotes``, and
to the stance finder, which fills ``Document.stances``.  Nothing per document is kept on
the stage or the finders.
"""
from __future__ import annotations

from ..registry import stage
from ..stages import Stage
from .context import SpeechContext
from .lexicon import Lexicon, LexiconError
from .quotes import QuoteFinder, SpeechVerbFinder
from .stances import StanceFinder
from .tokens import actor_for

__all__ = ["Lexicon", "LexiconError", "QuoteFinder", "actor_for", "SpeechContext", "SpeechStage",
           "SpeechVerbFinder", "StanceFinder"]


@stage("speech")
class SpeechStage(Stage):
    name = "speech"
    requires = ("nlp", "sentences", "blocks", "actors")
    assigns = ("quotes", "stances")

    def __init__(self, settings, nlp):
        super().__init__(settings, nlp)
        lexicon = Lexicon()
        self.quotes = QuoteFinder(nlp, lexicon)
        self.stances = StanceFinder(nlp, speech_verbs=self.quotes.speech_verbs)

    def __call__(self, doc) -> None:
        ctx = self.quotes.speech_verbs.context(doc)
        doc.quotes = self.quotes(doc, ctx)
        doc.stances = self.stances(doc, ctx)
