"""What a phrase's head makes it: the ordered head rules of one nominal segment.

:func:`phrase_candidates` tries :data:`HEAD_RULES` in order; the first that recognises the
segment's head returns its candidates.  A segment no rule recognises is not an actor head,
and the actors inside it become mentions of their own (:func:`inner_actors`).
"""
from __future__ import annotations

from .candidate import (Candidate, bare, display, ent_span, entry_of, kind_from_context, name_words, people_noun,
                        person_in_phrase, role_code, strip_article, unique)
from .context import ActorContext


class Phrase:
    """One segment ``[s, e)`` of sentence ``si`` being read (made per segment, never kept)."""

    __slots__ = ("ctx", "s", "e", "si", "h", "tok", "ent", "c", "actor_hits", "agent_hits", "group_hits",
                 "a_hit", "ag_hit", "g_hit", "person_span")

    def __init__(self, ctx: ActorContext, s: int, e: int, si: int, c: Candidate):
        hits = ctx.hits
        self.ctx, self.s, self.e, self.si, self.c = ctx, s, e, si, c
        self.h = h = e - 1  # the head token
        self.tok = ctx.sd[h]
        self.ent = self.tok.ent_type_
        self.a_hit, self.ag_hit, self.g_hit = hits.actor[h], hits.agent[h], hits.group[h]  # hits at the head
        self.actor_hits = unique(hits.actor[k] for k in range(s, e))  # hits anywhere in the segment
        self.agent_hits = unique(hits.agent[k] for k in range(s, e))
        self.group_hits = unique(hits.group[k] for k in range(s, e))
        self.person_span: tuple[int, int] | None = None


def phrase_candidates(b, ctx: ActorContext, s: int, e: int, si: int) -> list[Candidate]:
    """The candidates of segment ``[s, e)`` of sentence ``si``; ``b`` is the CandidateBuilder."""
    sd, hits, kn = ctx.sd, ctx.hits, b.kn
    former = any(sd[k].lower_ in b.t.former_words or sd[k].lower_.startswith(kn.former_prefixes) for k in range(s, e)) \
        and any(hits.agent[k] is not None and entry_of(hits.agent[k]).code for k in range(s, e))
    c = Candidate(start=s, end=e, head=e - 1, kind="", sent=si, former=former)
    p = Phrase(ctx, s, e, si, c)
    c.plural = p.tok.tag_ in ("NNS", "NNPS")
    p.person_span = _person_span(p)
    for _name, rule in HEAD_RULES:
        out = rule(b, p)
        if out is not None:
            return out
    return inner_actors(b, p)


def _person_span(p: Phrase):
    """The PERSON entity the head is part of (unless the dictionary knows better)."""
    sd, hits, h, s = p.ctx.sd, p.ctx.hits, p.h, p.s
    a_hit, ag_hit = p.a_hit, p.ag_hit
    span = ent_span(sd, h, "PERSON", s)
    if span is None and ag_hit is None and a_hit is None and p.ent == "ORG" and p.tok.pos_ == "PROPN":
        # "German Chancellor Olaf Scholz" tagged ORG: a person title before a proper name
        org = ent_span(sd, h, "ORG", s)
        if org and any(entry_of(hh).kind in ("person", "group") and hh[1] <= org[0] for hh in p.agent_hits):
            span = org
    if span is not None and a_hit is not None and entry_of(a_hit).kind == "country" \
            and a_hit[0] <= span[0] and span[1] <= a_hit[1]:
        span = None  # "Sri Lanka" tagged PERSON: the dictionary knows better
    if span is not None and a_hit is not None and all(
            hits.actor[k] is not None and entry_of(hits.actor[k]).kind == "country"
            and entry_of(hits.actor[k]).via == "demonym" for k in range(*span)):
        span = None  # "Bosnian Serbs" tagged PERSON: nationality words, not a name
    return span


def person_head(b, p: Phrase):
    """A PERSON entity heads the phrase ("Iraqi Prime Minister Nouri al-Maliki")."""
    sd, c, span, a_hit = p.ctx.sd, p.c, p.person_span, p.a_hit
    if span is None or p.ag_hit is not None:
        return None
    c.kind = "person"
    c.name_tokens = name_words(sd, *span)
    c.name = sd[span[0]:span[1]].text
    c.rule = "ner"
    actor_hits = p.actor_hits
    if a_hit is not None and entry_of(a_hit).kind != "country":
        b.from_entry(p.ctx, c, entry_of(a_hit))
        if entry_of(a_hit).kind == "person":
            c.name = display(sd, a_hit[0], a_hit[1], entry_of(a_hit)) if len(c.name_tokens) < a_hit[1] - a_hit[0] else c.name
        actor_hits = [x for x in actor_hits if x is not a_hit]
        c.rule = "dictionary"
    b.context(p.ctx, c, actor_hits, p.agent_hits, p.group_hits, exclude=span)
    before = [entry_of(hh) for hh in p.agent_hits if hh[1] <= span[0]]
    if before and all(a.kind == "organization" for a in before) and c.entry is None:
        # "the opposition coalition Azimio", "the rights group Hengaw": a body's name
        c.kind, c.name_tokens, c.title_keys = "organization", [], set()
    return b.split_conj(p.ctx, p.s, c, actor_hits, p.group_hits)


def dictionary_head(b, p: Phrase):
    """A dictionary actor heads the phrase: a country, organisation, person or PETRARCH entry."""
    sd, c, a_hit = p.ctx.sd, p.c, p.a_hit
    if a_hit is None:
        return None
    entry = entry_of(a_hit)
    c.name = display(sd, a_hit[0], a_hit[1], entry)
    c.rule = "dictionary"
    if entry.kind == "country" and entry.via == "demonym":
        _demonym(b, p, a_hit)
    else:
        b.from_entry(p.ctx, c, entry)
        if not c.kind:
            c.kind = kind_from_context(p.ent, c.base)
        if c.kind == "person":
            c.name_tokens = name_words(sd, a_hit[0], a_hit[1])
    if entry.kind == "country" and entry.via == "capital" and c.kind == "country" and not p.agent_hits \
            and _acting(p.tok, b.kn):
        # "Washington warned ...": a capital acting is its government (CAMEO convention)
        c.base = c.base + b.kn.sector_codes.government if c.base and len(c.base) == 3 else c.base
        c.kind = "organization"
        c.base_reason = (c.base_reason or "") + "; a capital as actor is the government"
    if c.kind == "country" and not p.agent_hits and not p.group_hits:
        c.start = a_hit[0] - 1 if a_hit[0] > p.s and sd[a_hit[0] - 1].lower_ in b.kn.definite_articles else a_hit[0]
    others = [x for x in p.actor_hits if x is not a_hit]
    b.context(p.ctx, c, others, p.agent_hits, p.group_hits)
    if entry.kind == "country" and c.kind == "country" and a_hit[0] > p.s \
            and any(x[1] < a_hit[0] and sd[x[1]].lower_ in b.kn.body_prepositions for x in p.agent_hits):
        # "The Armed Forces of the Philippines" (one named entity): a body of the country
        body = [entry_of(x) for x in p.agent_hits if x[1] < a_hit[0]][-1]
        c.kind = "group" if body.kind == "group" else "organization"
        c.name = sd[p.s:p.e].text
        c.rule = "agent"
    return b.split_conj(p.ctx, p.s, c, p.actor_hits, p.group_hits)


def _acting(tok, kn) -> bool:
    """The capital is a subject, object or agent of a verb or noun ("an admission by Moscow")."""
    return not tok.is_upper and (
        tok.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "appos", "agent") and tok.head.pos_ in ("VERB", "AUX", "NOUN")
        or tok.dep_ == "pobj" and tok.head.lower_ in kn.agent_prepositions)


def _demonym(b, p: Phrase, a_hit) -> None:
    """A nationality used as a noun: "Iraqis" (the people), "the Iraqis" (the nation),
    "Bosnian Serbs" and "ethnic Albanians" (an ethnicity)."""
    sd, c, s, kn, entry = p.ctx.sd, p.c, p.s, b.kn, entry_of(a_hit)
    c.kind = "group"
    c.plural = True
    c.name = sd[a_hit[0]:a_hit[1]].text
    if a_hit[0] > s and sd[a_hit[0] - 1].lower_ in kn.ethnicity_markers:
        # "ethnic Albanians (in Serbia)": an ethnicity; the country comes from context
        c.base_reason = f"ethnic {c.name!r}: country from context"
    elif any(x is not a_hit and entry_of(x).kind == "country" and x[1] <= a_hit[0] for x in p.actor_hits):
        # "Bosnian Serbs", "Kosovo Albanians": the first names the country, the second the people
        c.base_reason = f"{c.name!r} as an ethnicity"
    else:
        c.base, c.base_reason = role_code(entry, p.ctx.day), f"demonym {c.name!r} ({entry.source})"
    if not (a_hit[0] > s and sd[a_hit[0] - 1].lower_ in kn.definite_articles and c.base):
        # "Iraqis", "many Iraqis": the people; "the Iraqis" (talks with the Iraqis): the nation
        c.agents.append(b.t.people_agent)


def agent_head(b, p: Phrase):
    """A title or role noun heads the phrase ("lawmakers", "the parliament")."""
    sd, c, tok, ag_hit = p.ctx.sd, p.c, p.tok, p.ag_hit
    if ag_hit is None:
        return None
    agent = entry_of(ag_hit)
    extra = b.person_modifiers(p.ctx, p.s, ag_hit[0], p.si)  # "Castillo supporters", "the Trump administration"
    if extra:
        c.context_reasons.append("person modifier")
    c.kind = agent.kind or "organization"
    if c.plural and c.kind in ("person", "organization") and agent.kind != "organization" or (
            c.plural and c.kind == "organization" and tok.lemma_.lower() != tok.lower_):
        c.kind = "group"
    c.rule = "agent"
    c.name = sd[p.s:p.e].text
    b.context(p.ctx, c, p.actor_hits, p.agent_hits, p.group_hits)
    return b.split_conj(p.ctx, p.s, c, p.actor_hits, p.group_hits) + extra


def group_head(b, p: Phrase):
    """An ethnic or religious group heads the phrase ("Iraqi Kurds", "Shiites")."""
    c, tok = p.c, p.tok
    if p.g_hit is None:
        return None
    c.kind = "group"
    c.rule = "group"
    c.name = p.ctx.sd[p.s:p.e].text
    b.context(p.ctx, c, p.actor_hits, p.agent_hits, p.group_hits)
    if tok.tag_ == "NNPS" or tok.tag_ == "NNS" or (tok.text.endswith("s") and tok.lemma_ != tok.text):
        # "Iraqi Kurds", "Shiites": the people of that group, as a demonym used as a noun
        c.agents.append(b.t.people_agent)
    return b.split_conj(p.ctx, p.s, c, p.actor_hits, p.group_hits)


def entity_head(b, p: Phrase):
    """An ORG, GPE or NORP entity the dictionaries do not know heads the phrase."""
    sd, c, ent, s = p.ctx.sd, p.c, p.ent, p.s
    if ent not in ("ORG", "GPE", "NORP") or p.tok.pos_ not in ("PROPN", "NOUN", "ADJ"):
        return None
    span = ent_span(sd, p.h, ent, s)
    c.kind = {"ORG": "organization", "GPE": "country", "NORP": "group"}[ent]
    if ent == "GPE" and span[0] > s and sd[span[0] - 1].pos_ == "PROPN" and not sd[span[0] - 1].ent_type_ \
            and sd[span[0] - 1].dep_ == "compound" and p.ctx.hits.actor[span[0] - 1] is None:
        # "Ana Lima": a first name before a place name is a person
        span = (span[0] - 1, span[1])
        c.kind = "person"
    c.name = strip_article(sd[span[0]:span[1]].text, b.kn.stripped_articles)
    c.name_tokens = [sd[k].text for k in range(*span) if sd[k].pos_ == "PROPN" or sd[k].text[:1].isupper()]
    c.rule = "ner"
    b.context(p.ctx, c, p.actor_hits, p.agent_hits, p.group_hits)
    if c.kind in ("country", "group") and any(a.kind in ("organization", "group") for a in c.agents):
        c.kind = "organization"  # "the rights group Hengaw"
    return [c]


def country_reference_head(b, p: Phrase):
    """"the country": a country named just before (resolved with the actors, or dropped)."""
    sd, tok = p.ctx.sd, p.tok
    if not (p.e - p.s == 2 and sd[p.s].lower_ in b.kn.definite_articles and tok.lemma_.lower() in b.kn.country_nouns
            and tok.tag_ == "NN"):
        return None
    p.c.kind, p.c.rule, p.c.name = "country-ref", "definite", sd[p.s:p.e].text
    return [p.c]


def title_name_head(b, p: Phrase):
    """"suspected British militant Haroon Rashid Aswad": a title before an unknown name."""
    sd, c, tok, h = p.ctx.sd, p.c, p.tok, p.h
    if not (tok.pos_ == "PROPN" and tok.text[:1].isupper() and p.ent not in ("GPE", "LOC", "DATE", "TIME") and any(
            entry_of(hh).kind in ("person", "group") for hh in p.agent_hits)):
        return None
    k = max(hh[1] for hh in p.agent_hits)
    while k < h and not (sd[k].pos_ == "PROPN" and sd[k].text[:1].isupper() and p.ctx.hits.actor[k] is None):
        k += 1
    c.kind, c.rule, c.name = "person", "title+name", sd[k:p.e].text
    c.name_tokens = name_words(sd, k, p.e)
    b.context(p.ctx, c, p.actor_hits, p.agent_hits, p.group_hits)
    return [c]


def proper_subject_head(b, p: Phrase):
    """An unknown proper name acting as a subject ("Ethopia has agreed", "SPLM/A"): an actor with
    no code, never dropped and never guessed."""
    sd, c, tok, h = p.ctx.sd, p.c, p.tok, p.h
    if not (tok.pos_ == "PROPN" and tok.text[:1].isupper() and not p.ent and (
            h > sd[h].sent.start or p.e - p.s > 1 or (tok.tag_ == "NNP" and not tok.is_sent_end
                                                      and sd[h + 1].pos_ in ("VERB", "AUX"))) and (
            tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass")))):
        return None
    c.kind, c.rule, c.name = "organization", "propn", strip_article(sd[p.s:p.e].text, b.kn.stripped_articles)
    c.name_tokens = [sd[x].text for x in range(p.s, p.e) if sd[x].pos_ == "PROPN"]
    b.context(p.ctx, c, p.actor_hits, p.agent_hits, p.group_hits)
    return [c]


def people_noun_head(b, p: Phrase):
    """"Eriadori and Calenardhon leaders" with no dictionary entry for the noun: the people of
    each country (a plural noun of persons), not country names modifying a thing."""
    tok, day = p.tok, p.ctx.day
    if not (tok.tag_ == "NNS" and tok.pos_ == "NOUN" and p.actor_hits and not p.agent_hits and people_noun(tok.lemma_)
            and all(x[1] <= p.h and entry_of(x).kind in ("country", None) and bare(role_code(entry_of(x), day))
                    for x in p.actor_hits)):
        return None
    p.c.kind, p.c.rule, p.c.name = "group", "group", p.ctx.sd[p.s:p.e].text
    b.context(p.ctx, p.c, p.actor_hits, p.agent_hits, p.group_hits)
    return b.split_conj(p.ctx, p.s, p.c, p.actor_hits, p.group_hits)


# In order: the first rule that recognises the head decides.
HEAD_RULES = [
    ("person-entity", person_head),
    ("dictionary", dictionary_head),
    ("agent", agent_head),
    ("group", group_head),
    ("entity", entity_head),
    ("definite-country", country_reference_head),
    ("title+name", title_name_head),
    ("proper-subject", proper_subject_head),
    ("people-noun", people_noun_head),
]


def inner_actors(b, p: Phrase) -> list[Candidate]:
    """Not an actor head: actors inside are modifiers ("US strikes", "the Soleimani killing");
    a country and a body or role noun before the head are an actor of their own
    ("Israeli army bulldozers" -> the Israeli army, "Albanian rebel-held territory")."""
    sd, s, e, h, si, hits = p.ctx.sd, p.s, p.e, p.h, p.si, p.ctx.hits
    out = []
    actor_hits = p.actor_hits
    for hit in reversed(p.agent_hits):
        if hit[1] <= h and any(a[1] <= hit[0] and entry_of(a).kind in ("country", None) for a in actor_hits) \
                and sd[hit[1] - 1].pos_ in ("NOUN", "PROPN", "ADJ") and entry_of(hit).code:
            sub = [x for x in phrase_candidates(b, p.ctx, s, hit[1], si) if x.rule != "modifier"]
            if sub:
                actor_hits = [a for a in actor_hits if a[0] >= hit[1]]
                out.extend(sub)
                break
    for hit in actor_hits:
        m = Candidate(start=hit[0], end=hit[1], head=hit[1] - 1, kind="", sent=si, rule="modifier")
        entry = entry_of(hit)
        b.from_entry(p.ctx, m, entry)
        m.name = display(sd, hit[0], hit[1], entry)
        if m.kind == "person":
            m.name_tokens = name_words(sd, hit[0], hit[1])
        if not m.kind:
            m.kind = kind_from_context(sd[hit[1] - 1].ent_type_, m.base)
        out.append(m)
    k = s
    while k < e:
        org = ent_span(sd, k, "ORG", s) if hits.actor[k] is None and hits.agent[k] is None else None
        if org is not None and org[1] <= h and not any(hits.actor[x] for x in range(*org)):
            m = Candidate(start=org[0], end=org[1], head=org[1] - 1, kind="organization", sent=si, rule="modifier")
            m.name = strip_article(sd[org[0]:org[1]].text, b.kn.stripped_articles)
            out.append(m)  # "the UNITA militarist wing": the organisation inside
            k = org[1]
            continue
        span = ent_span(sd, k, "PERSON", s)
        if span is not None and span[1] <= e and not any(hits.actor[x] for x in range(*span)):
            out.append(person_in_phrase(sd, span, si))
            k = span[1]
        else:
            k += 1
    return out
