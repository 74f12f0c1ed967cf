"""Actor candidates: the segments of each sentence, their heads, the links between them.

:class:`CandidateBuilder` holds only what is loaded once; :meth:`CandidateBuilder.build`
reads everything of the document from the :class:`~polybius.actors.context.ActorContext`.
Per sentence: :func:`~polybius.actors.segments.segments` cuts the phrases,
:func:`~polybius.actors.heads.phrase_candidates` makes each phrase's candidates (ordered head
rules), :data:`~polybius.actors.linking.LINK_RULES` link phrases to each other, then the
pronouns are added.
"""
from __future__ import annotations

from ..dictionaries import ActorEntry
from .candidate import Candidate, clone, display, ent_span, entry_of, kind_from_context, name_words, person_in_phrase, role_code
from .context import ActorContext
from .heads import phrase_candidates
from .linking import LinkState, link_sentence
from .pronouns import pronoun_candidates
from .segments import segments
from .tagging import ActorTagger


class CandidateBuilder:
    """Turns the nominal segments of a parsed document into actor candidates."""

    def __init__(self, tagger: ActorTagger):
        self.t = tagger
        self.kn = tagger.kn

    def build(self, ctx: ActorContext) -> list[Candidate]:
        sd = ctx.sd
        out: list[Candidate] = []
        for si, sent in enumerate(sd.sents):
            segs = segments(sd, sent, ctx.hits, self.t)
            seg_cands = [phrase_candidates(self, ctx, s, e, si) for s, e, _ in segs]
            link_sentence(LinkState(sd, sent, segs, seg_cands, self.t))
            for cs in seg_cands:
                for c in cs:
                    c.sentence_dep = sd[c.head].dep_
                out.extend(c for c in cs if c.kind != "drop")
            out.extend(pronoun_candidates(sd, sent, si, self.kn))
        # a one-word "name" that the article also writes in lower case is a common noun the NER
        # capitalised at a sentence start ("Fares rose ..." beside "bus fares")
        lower_words = {t.text for t in sd if t.text.islower()}
        out = [c for c in out if not (c.rule in ("ner", "propn") and c.kind in ("person", "organization")
                                      and c.end - c.start == 1 and sd[c.start].text.lower() in lower_words
                                      and all(sd[k].is_punct for k in range(sd[c.start].sent.start, c.start)))]
        out.sort(key=lambda c: (c.start, c.end))
        return out

    def person_modifiers(self, ctx: ActorContext, s, e, si) -> list[Candidate]:
        """People named inside a phrase headed by something else: their own mentions."""
        sd, in_actor = ctx.sd, ctx.hits.actor
        out = []
        k = s
        while k < e:
            span = ent_span(sd, k, "PERSON", s)
            hit = in_actor[k]
            if hit is not None and hit[0] == k and hit[1] <= e and entry_of(hit).kind == "person":
                m = Candidate(start=hit[0], end=hit[1], head=hit[1] - 1, kind="person", sent=si, rule="modifier")
                self.from_entry(ctx, m, entry_of(hit))
                m.name = entry_of(hit).name
                m.name_tokens = name_words(sd, hit[0], hit[1])
                out.append(m)
                k = hit[1]
            elif span is not None and span[1] <= e and not any(in_actor[x] for x in range(*span)):
                out.append(person_in_phrase(sd, span, si))
                k = span[1]
            else:
                k += 1
        return out

    def from_entry(self, ctx: ActorContext, c: Candidate, entry: ActorEntry) -> None:
        day = ctx.day
        c.entry = entry
        c.roles = entry.roles
        c.base = role_code(entry, day)
        dated = "" if len(entry.roles) < 2 and not (entry.roles and entry.roles[0].dated) else f" (role on {day or 'undated'})"
        via = "" if entry.via == "name" else f" {entry.via}"
        c.base_reason = f"dictionary{via} entry {entry.name!r} ({entry.source}){dated}"
        if entry.kind:
            c.kind = entry.kind

    def context(self, ctx: ActorContext, c: Candidate, actor_hits, agent_hits, group_hits, exclude=None) -> None:
        """Premodifiers inside the segment: countries/organisations, agents, groups."""
        if c.base is None:
            for hit in actor_hits:
                if exclude and exclude[0] <= hit[0] < exclude[1]:
                    continue
                e = entry_of(hit)
                code = role_code(e, ctx.day)
                if code:
                    c.base = code
                    c.base_reason = f"premodifier {ctx.sd[hit[0]:hit[1]].text!r} ({e.source})"
                    break
        for hit in agent_hits:
            a = entry_of(hit)
            c.agents.append(a)
            if a.kind in ("person", None) and c.kind in ("person", "group"):
                c.title_keys.add(a.key)
        for hit in group_hits:
            c.groups.append(entry_of(hit))

    def split_conj(self, ctx: ActorContext, seg_start, c: Candidate, actor_hits, group_hits) -> list[Candidate]:
        """``Sunni and Kurdish lawmakers`` -> one candidate per conjoined modifier;
        ``Gondor and Arnor`` -> one country each."""
        sd = ctx.sd
        cc = [k for k in range(seg_start, c.end) if sd[k].lower_ in self.kn.conjunctions]
        if not cc:
            return [c]
        parts = []
        for b, e in zip([seg_start] + [k + 1 for k in cc], cc + [c.end]):
            acts = [h for h in actor_hits if b <= h[0] < e]
            grps = [h for h in group_hits if b <= h[0] < e]
            if acts or grps:
                parts.append((b, e, acts, grps))
        if len(parts) < 2:
            return [c]
        out = []
        for b, e, acts, grps in parts:
            p = clone(c, agents=list(c.agents), groups=[entry_of(g) for g in grps], title_keys=set(c.title_keys),
                      context_reasons=list(c.context_reasons))
            if acts:
                ent = entry_of(acts[0])
                p.roles = ent.roles
                p.base = role_code(ent, ctx.day)
                p.base_reason = f"premodifier {sd[acts[0][0]:acts[0][1]].text!r} ({ent.source})"
            elif c.base and any(h for h in actor_hits if any(h[0] >= bb and h[0] < ee for bb, ee, _, _ in parts)):
                p.base, p.base_reason = None, None
            p.part = (b, e if e <= c.head else c.head)
            p.name = f"{sd[p.part[0]:p.part[1]].text} {sd[c.head].text}" if p.part[1] > p.part[0] else c.name
            if c.kind in ("country", "organization") and not c.agents and acts:
                out.append(self._conjoined_name(ctx, p, acts[-1]))
                continue
            p.rule = "compound"
            p.plural = True
            if p.kind == "person":
                p.kind = "group"
            out.append(p)
        return out

    def _conjoined_name(self, ctx: ActorContext, p: Candidate, hit) -> Candidate:
        """Conjoined names, not modifiers of a shared head: each is its own actor."""
        p.start, p.end, p.head, p.part = hit[0], hit[1], hit[1] - 1, None
        ent = entry_of(hit)
        self.from_entry(ctx, p, ent)
        p.name = display(ctx.sd, hit[0], hit[1], ent)
        if not p.kind:
            p.kind = kind_from_context(ctx.sd[hit[1] - 1].ent_type_, p.base)
        p.rule = "dictionary"
        p.plural = False
        return p
