"""The ``actors`` stage: recognise, code and join every political actor of a document.

See ``docs/actors.md``.  Built once, the stage reads the dictionaries (embedded tables unless
``Settings.use_default_actors`` is off, plus ``Settings.actors_files``/``agents_files``/
``discards_files`` in PETRARCH format) and its own knowledge (``data/actors/rules.txt``).
Called per document, it only orchestrates, passing one
:class:`~polybius.actors.context.ActorContext` along: dictionary hits (:mod:`.tagging`),
candidates (:mod:`.segments`, :mod:`.heads`, :mod:`.linking`, :mod:`.pronouns`), the story
country and codes (:mod:`.coding`), coreference (:mod:`.coref`, :mod:`.missed`) and the
actors (:mod:`.build`).  It fills ``Document.actors`` (one :class:`~polybius.model.Actor` per
entity, each mention with character offsets and the rule that found it),
``doc.extras["story_country"]`` and ``doc.extras["discards"]``.
"""
from __future__ import annotations

import datetime as _dt
import logging

from ..dictionaries import build_lexicon
from ..registry import stage as _register
from ..stages import Stage
from .build import build_actors, resolve
from .candidates import CandidateBuilder
from .coding import code_candidates, story_country_of
from .context import ActorContext, CachedDoc
from .knowledge import load_knowledge
from .tagging import ActorTagger, find_discards

log = logging.getLogger("polybius.actors")

__all__ = ["ActorStage"]


@_register("actors")
class ActorStage(Stage):
    name = "actors"
    requires = ("nlp", "sentences", "published")
    assigns = ("actors", "extras.story_country", "extras.discards")

    def __init__(self, settings, nlp):
        super().__init__(settings, nlp)
        self.lex = build_lexicon(
            actors_files=list(settings.actors_files),
            agents_files=list(settings.agents_files),
            discard_files=list(settings.discards_files),
            use_defaults=settings.use_default_actors,
        )
        log.debug("actor dictionaries loaded in %.2fs", self.lex.load_seconds)
        # With the user's dictionaries alone Polybius codes as PETRARCH does: no story-country guess.
        self.use_story_country = settings.use_default_actors and settings.actors_story_country
        self.knowledge = load_knowledge()
        self.tagger = ActorTagger(self.lex, self.knowledge)
        self.builder = CandidateBuilder(self.tagger)

    def __call__(self, doc) -> None:
        day = doc.published if isinstance(doc.published, _dt.date) else None
        ctx = ActorContext(CachedDoc(doc.nlp), day)
        ctx.hits = self.tagger.hits(ctx.sd)
        ctx.cands = self.builder.build(ctx)
        ctx.story = story_country_of(ctx.cands, self.knowledge) if self.use_story_country else None
        code_candidates(ctx.cands, self.tagger, ctx.story, day)
        doc.actors = build_actors(ctx, resolve(ctx, self.tagger), self.lex)
        doc.extras["story_country"] = ctx.story
        if len(self.lex.discards):
            doc.extras["discards"] = find_discards(self.lex, doc, ctx.sd)
