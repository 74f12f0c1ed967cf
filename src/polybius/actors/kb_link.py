"""Named candidates the dictionaries leave uncoded, resolved in the knowledge base (issue 13).

:class:`KBLinker` is made once per stage; the knowledge base itself (``polybius.kb``) is read
lazily, once per process, on the first document that needs it, with the users' ``--actors``
tables as overrides.  :meth:`KBLinker.apply` runs after the candidates are built and the
story's country is known, before the codes are composed:

* a PERSON/ORG/NORP candidate with a name and no dictionary entry (or only a bare country from
  a premodifier that the entry agrees with) takes the entry the knowledge base chooses by the
  article's date and the story's country (accent and transliteration folding are the KB's);
  its ``reason`` names the entry and its source;
* a one-word person name the KB does not know in full is tried as the surname of the people
  already named in full in the document (never of anyone else);
* several entries that neither the date nor the story settles: no code, the KB's reason kept;
* a place (GeoNames, provinces), a platform, a weapon or an operation name is no actor: the
  candidate is dropped and recorded in ``ctx.places`` (the events side's hook: text span and
  the place's country);
* an outlet named only as a source of information ("told Reuters", "according to Al
  Jazeera", "Reuters reported") is marked ``outlet``: the actor is kept with kind ``outlet``
  and its MED code, and the events stage never makes it a source or target.
"""
from __future__ import annotations

from ..kb import fold, load_kb, overrides_from_files
from .context import ActorContext
from .coref import initial_forms

_NAMED_RULES = ("ner", "propn", "title+name", "modifier")
_SKIP_KINDS = ("pronoun", "alias", "appos", "drop", "country-ref")


class KBLinker:
    """What is loaded once: the settings that decide the knowledge base, and the word lists."""

    def __init__(self, settings, kn):
        self.enabled = bool(settings.use_default_actors)
        self.files = list(settings.actors_files)
        self.kn = kn
        # loaded with the stage (data loaded once, before the first document), off in PETRARCH mode
        self._kb = None
        if self.enabled:
            _ = self.kb

    @property
    def kb(self):
        if self._kb is None:  # read once per process (load_kb caches the shipped tables)
            self._kb = load_kb(overrides=overrides_from_files(self.files)) if self.files else load_kb()
        return self._kb

    def apply(self, ctx: ActorContext) -> None:
        if not self.enabled:
            return
        full: list = []  # KB people named in full so far (a surname refers back to them)
        words: set = set()  # words of the people's names so far
        earlier: set = set()  # aliases and initials of the names so far ("(SADC)", "DOS")
        for c in ctx.cands:
            named_before = c.name in words
            if c.kind == "person":
                words.update(c.name_tokens)
            refers_back = c.name in earlier
            earlier.add(c.name)
            earlier.update(initial_forms(c.name.split(), self.kn))
            if c.kind in _SKIP_KINDS or c.entry is not None or self._not_actor(ctx, c):
                continue
            if refers_back or (named_before and len(c.name_tokens) == 1):
                continue  # a surname or acronym of an actor named before: coreference joins it
            if not (c.rule in _NAMED_RULES and (c.name_tokens or c.kind == "organization") or c.rule == "propn"
                    or _named_body(ctx, c)):
                continue
            if c.base is not None and len(c.base) != 3:
                continue
            r = self._resolve(ctx, c, full)
            if r is not None:
                self._take(ctx, c, r, full, named_before)

    def _not_actor(self, ctx: ActorContext, c) -> bool:
        """Platforms, weapons, operation names, laws and treaties: dropped."""
        if c.rule not in _NAMED_RULES and c.rule != "propn":
            return False
        key = fold(c.name)
        words = key.split()
        if key in self.kn.non_actor_names or len(words) > 1 and (
                words[0] in self.kn.non_actor_first_words or words[-1] in self.kn.non_actor_last_words):
            c.kind = "drop"
            c.reason = f"{c.name!r} is not an actor (platform, weapon, operation, law or treaty: data/actors/rules.txt)"
            return True
        return False

    def _resolve(self, ctx: ActorContext, c, full):
        r = self.kb.lookup(c.name, ctx.day, ctx.story)
        if r.entry is None and not r.entries and len(c.name_tokens) == 1 and c.kind == "person" and full:
            r = self.kb.lookup_surname(c.name, ctx.day, ctx.story, among=full)
        if not r.entries:
            return None
        return r

    def _take(self, ctx: ActorContext, c, r, full, named_before: bool) -> None:
        if r.kind == "place":
            if self.kn.limits.is_acronym(c.name):
                return  # "GNA", "GAO": an acronym, not the town a case-folded look-up found
            if c.base is None and (c.kind != "person" or not c.agents and (len(c.name_tokens) > 1 or not named_before)):
                # a titled "person" is a person; a one-word one may be the surname of someone named before
                self._place(ctx, c, r)
            return
        if r.entry is None:  # ambiguous: no code, the reason says why
            c.context_reasons.append(f"knowledge base: {r.reason}")
            return
        code = r.code
        if not code or (c.base is not None and not code.startswith(c.base)):
            return
        entry = r.entry.as_actor_entry()
        c.entry, c.roles, c.base = entry, entry.roles, code
        c.base_reason = (f"{c.base_reason}; " if c.base_reason else "") + f"knowledge base: {r.reason}"
        if entry.kind in ("person", "organization", "group"):
            c.kind = entry.kind
        if r.entry.kind == "person" and r.match != "surname":
            full.append(r.entry)
        if r.entry.kind == "outlet" and self._source_of_information(ctx, c):
            c.outlet = True
            c.context_reasons.append("an outlet named as a source of information")

    def _place(self, ctx: ActorContext, c, r) -> None:
        """A place where an actor is expected is no actor (the hook ``ctx.places`` keeps it with
        its country); one acting as a subject is coded as its country, as the dictionaries code
        their regions and cities (CAMEO convention); the object of a preposition ("a curfew
        in Ahmedabad") is the event's place and stays an uncoded mention for the events stage."""
        ctx.places.append((c.start, c.end, r.place_country, r.reason))
        dep = ctx.sd[c.head].dep_
        if dep in self.kn.place_acting_deps and r.place_country:
            c.base, c.kind = r.place_country, "country"
            c.base_reason = f"knowledge base: {r.reason}; a place acting is coded as its country"
        elif dep in self.kn.place_location_deps:
            c.context_reasons.append(f"knowledge base: {r.reason}")
        else:
            c.kind = "drop"
            c.reason = f"knowledge base: {r.reason}"

    def _source_of_information(self, ctx: ActorContext, c) -> bool:
        """"told Reuters", "according to Reuters", "Reuters reported", "seen by Reuters", "(Reuters)"."""
        kn, tok, sd = self.kn, ctx.sd[c.head], ctx.sd
        if c.start > 0 and c.end < len(sd) and sd[c.start - 1].text == "(" and sd[c.end].text == ")":
            return True  # a credit: "BEIJING (Reuters) -", "(Bloomberg) --"
        head = tok.head
        if tok.dep_ in ("dobj", "dative", "iobj") and head.lemma_.lower() in kn.outlet_speech_verbs:
            return tok.dep_ != "dobj" or head.lemma_.lower() == "tell"
        if tok.dep_ in ("nsubj",) and head.lemma_.lower() in kn.outlet_speech_verbs:
            return True
        if tok.dep_ == "pobj":
            above = head.head
            if head.lower_ == "to" and above.lower_ in kn.outlet_prepositions:
                return True
            if head.lower_ == "with" and above.lemma_.lower() in kn.outlet_prepositions:
                return True
        if tok.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in kn.outlet_agent_verbs:
            return True
        return False


def _named_body(ctx: ActorContext, c) -> bool:
    """A title or body with a name of its own that no dictionary knows ("Meridian News Agency",
    "the Coastal Guard"): worth a look-up; a bare "the Defence Ministry" is not."""
    if c.rule != "agent" or c.base is not None:
        return False
    sd, hits = ctx.sd, ctx.hits
    return any(sd[k].pos_ == "PROPN" and hits.agent[k] is None and hits.actor[k] is None and sd[k].text[:1].isupper()
               for k in range(c.start, c.end))
