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
from .kb_link import KBLinker
from .knowledge import load_knowledge
from .tagging import ActorTagger, find_discards

log = logging.getLogger("polybius.actors")

__all__ = ["ActorStage"]


@_register("actors")
class ActorStage(Stage):
    name = "actors"
    requires = ("nlp", "sentences", "published")
    assigns = ("actors", "extras.story_country", "extras.discards", "extras.places")

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
        self.kb = KBLinker(settings, self.knowledge)  # the knowledge base, read with the stage (off in PETRARCH mode)

    def __call__(self, doc) -> None:
        day = doc.published if isinstance(doc.published, _dt.date) else None
        ctx = ActorContext(CachedDoc(doc.nlp), day)
        ctx.hits = self.tagger.hits(ctx.sd)
        ctx.cands = self.builder.build(ctx)
        ctx.story = story_country_of(ctx.cands, self.knowledge) if self.use_story_country else None
        self.kb.apply(ctx)
        code_candidates(ctx.cands, self.tagger, ctx.story, day)
        doc.actors = build_actors(ctx, resolve(ctx, self.tagger), self.lex)
        doc.extras["story_country"] = ctx.story
        if ctx.places:  # the events side's hook: places named where an actor was expected
            doc.extras["places"] = [_place(ctx, *p) for p in ctx.places]
        if len(self.lex.discards):
            doc.extras["discards"] = find_discards(self.lex, doc, ctx.sd)


def _place(ctx: ActorContext, start: int, end: int, country: str | None, reason: str) -> dict:
    sd = ctx.sd
    s, e = sd[start].idx, sd[end - 1].idx + len(sd[end - 1])
    return {"start": s, "end": e, "text": sd.text[s:e], "country": country, "reason": reason}
