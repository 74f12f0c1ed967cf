"""From coded candidates to :class:`~polybius.model.Actor` objects.

:func:`resolve` runs the coreference steps in order (cluster join rules, missed surnames and
acronyms, "the country", pronouns, possessive pronouns' bodies) and returns the clusters;
:func:`build_actors` makes one Actor per cluster with every mention's offsets and rule.
"""
from __future__ import annotations

from ..model import Actor, Mention
from .codes import chunks, split_code
from .context import ActorContext
from .coref import cluster, join_country_references
from .missed import add_acronyms, add_surnames
from .pronouns import possessive_pronoun_owners, resolve_pronouns

_NOT_REAL = ("pronoun", "alias", "appos")  # mentions of another candidate's actor


def resolve(ctx: ActorContext, tagger) -> dict[int, list[int]]:
    """The clusters of ``ctx.cands``: ``{root: [candidate index]}`` (pronouns in their antecedents')."""
    cands, sd, kn = ctx.cands, ctx.sd, tagger.kn
    uf = cluster(cands, sd, kn)
    pre: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        if c.kind not in ("drop", "pronoun"):
            pre.setdefault(uf.find(i), []).append(i)
    sent_of = {}
    for si, sent in enumerate(sd.sents):
        for k in range(sent.start, sent.end):
            sent_of[k] = si
    add_surnames(cands, pre, sd, uf, sent_of, kn)
    add_acronyms(cands, pre, sd, uf, sent_of, kn)
    join_country_references(cands, uf, kn)
    links, extra_links = resolve_pronouns(cands, uf, sd, tagger.gender_words, kn)
    groups: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        if c.kind in ("drop", "country-ref"):
            continue
        if c.kind == "pronoun":
            if i in links:
                groups.setdefault(links[i], []).append(i)
                for r in extra_links.get(i, []):
                    groups.setdefault(r, []).append(i)
            continue
        groups.setdefault(uf.find(i), []).append(i)
    possessive_pronoun_owners(cands, groups, links, kn)
    return groups


def build_actors(ctx: ActorContext, groups: dict[int, list[int]], lex) -> list[Actor]:
    cands = ctx.cands
    actors = []
    order = sorted(groups.items(), key=lambda kv: min(cands[i].start for i in kv[1]))
    for _root, members in order:
        real = [cands[i] for i in members if cands[i].kind not in _NOT_REAL]
        if not real:
            continue
        coded = [c for c in real if c.code]
        best = max(coded, key=lambda c: (len(chunks(c.code)) - (1 if c.code.startswith("---") else 0),
                                          bool(c.name_tokens), c.entry is not None and c.entry.via == "name",
                                          -c.start)) if coded else None
        kind = _cluster_kind(real)
        if kind not in ("person", "organization", "country", "group"):
            kind = "organization"  # the contract's kinds only
        if all(c.outlet for c in real):
            kind = "outlet"  # named only as a source of information: never an event's participant
        name = _cluster_name(real, kind)
        code = best.code if best else None
        country, sectors = split_code(code, lex.iso)
        mentions = _mentions(ctx, [cands[i] for i in sorted(members, key=lambda i: cands[i].start)])
        roles = []
        entries = [c.entry for c in real if c.entry is not None and any(r.dated for r in c.entry.roles)]
        if entries:
            roles = [r.to_dict(entries[0].source) for r in entries[0].roles]
        reason = best.reason if best else next(
            (r for c in real for r in c.context_reasons if r.startswith("knowledge base:")),
            "no dictionary entry, title or context gave a code")
        # PETRARCH "[ELR/GAL]": one entry naming several actors -> one actor each, same mentions
        for part in (code.split("/") if code and "/" in code else [code]):
            if part != code:
                country, sectors = split_code(part, lex.iso)
            actors.append(Actor(id=f"A{len(actors) + 1}", name=name, code=part, country=country, sectors=sectors,
                                kind=kind, mentions=list(mentions), reason=reason, roles=roles))
    return actors


def _mentions(ctx: ActorContext, members) -> list[Mention]:
    """Each member's character span with the rule that found or joined it (a compound's own
    part too), once per span."""
    sd, text = ctx.sd, ctx.sd.text
    mentions = []
    seen = set()
    for c in members:
        s, e = sd[c.start].idx, sd[c.end - 1].idx + len(sd[c.end - 1])
        rule = c.rule if c.kind not in ("alias", "appos") else (
            "acronym" if c.kind == "alias" else "prep-object" if c.rule == "prep-object" else "apposition")
        if (s, e) not in seen:
            seen.add((s, e))
            mentions.append(Mention(s, e, text[s:e], rule))
        if c.part is not None and c.part[1] > c.part[0]:
            ps, pe = sd[c.part[0]].idx, sd[c.part[1] - 1].idx + len(sd[c.part[1] - 1])
            if (ps, pe) not in seen:
                seen.add((ps, pe))
                mentions.append(Mention(ps, pe, text[ps:pe], "compound-part"))
    return mentions


def _cluster_kind(real):
    kinds = [c.kind for c in real]
    for k in ("person", "country", "organization", "group"):
        if k in kinds and (k != "group" or "person" not in kinds):
            if k == "person" and any(c.name_tokens for c in real):
                return "person"
    for c in real:
        if c.name_tokens and c.kind == "person":
            return "person"
    # most frequent kind; a tie goes to the kind mentioned first (never to set order)
    return max(dict.fromkeys(kinds), key=kinds.count) if kinds else "group"


def _cluster_name(real, kind):
    people = [c.entry.name for c in real if c.entry is not None and c.entry.kind == "person"]
    if kind == "person" and people:
        return people[0]  # the dictionary's full name ("Abdelaziz Bouteflika" for "President Bouteflika")
    named = [c for c in real if c.name_tokens and c.kind == kind]
    if named:
        return max(named, key=lambda c: len(c.name_tokens)).name
    dict_named = [c for c in real if c.entry is not None]
    if dict_named:
        return dict_named[0].name
    return real[0].name
