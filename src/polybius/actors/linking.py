"""Links between the phrases of one sentence, as an ordered list of small named rules.

Each rule of :data:`LINK_RULES` reads the sentence's :class:`LinkState` (its segments and
their candidates) and records every link it makes there (:class:`Link`: rule, mention, what
it links to) as it gives the context over: a possessor's country to the title it owns, an
``of``/``in`` object's code to the head before it, an apposition's title to the name.
Rules run in order; a later rule sees what the earlier ones gave (a head that took a
possessor's country is no longer looking for an ``of`` phrase's).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .candidate import Candidate, bare, clone
from .tagging import FINITE

_CLAUSE_END = (",", ";", ".", ":", "\u2014")


@dataclass
class Link:
    rule: str  # the link rule that made it
    mention: Candidate  # the candidate that took something, or is part of another
    to: Candidate | None  # the candidate it took it from, or is part of


@dataclass
class LinkState:
    """One sentence's segments, their candidates and the links made between them."""

    sd: object
    sent: object
    segs: list  # [(start, end, poss)]
    seg_cands: list  # [[Candidate]] per segment
    tagger: object
    links: list[Link] = field(default_factory=list)

    @property
    def kn(self):
        return self.tagger.kn

    def record(self, rule: str, mention: Candidate, to: Candidate | None) -> None:
        self.links.append(Link(rule, mention, to))

    def give_base(self, rule: str, c: Candidate, source: Candidate, base: str, reason: str) -> None:
        """``c`` takes its code base from ``source``, for ``reason``."""
        c.base, c.base_reason = base, reason
        self.record(rule, c, source)

    def part_of(self, rule: str, part: Candidate, whole: Candidate) -> None:
        """``part`` is a mention of ``whole`` (an apposition, a title's holder, an object)."""
        part.kind, part.actor = "appos", whole
        self.record(rule, part, whole)

    def conjoined(self, end_prev: int, start_next: int) -> bool:
        between = [t.lower_ for t in self.sd[end_prev:start_next]]
        cc = self.kn.conjunctions
        return bool(between) and all(w == "," or w in cc for w in between) and any(w in cc for w in between) \
            or between == [","]


def link_possessives(st: LinkState) -> None:
    """``Iraq's prime minister``: the possessor's country or code goes to what it owns."""
    sd, segs, seg_cands = st.sd, st.segs, st.seg_cands
    for i in range(len(segs) - 1):
        s, e, poss = segs[i]
        if not poss:
            continue
        ns, ne, _ = segs[i + 1]
        if ns != e + 1:
            continue
        owners = [c for c in seg_cands[i] if c.head == e - 1]
        owned = [c for c in seg_cands[i + 1] if c.head == ne - 1 and c.rule != "modifier"]
        if not seg_cands[i] and owned and all(sd[k].pos_ == "PROPN" and sd[k].text[:1].isupper() for k in range(s, e)):
            # "Gryffindor's head Minerva McGonagall": a name nobody knows, owning the title,
            # is part of the title's phrase
            for c in owned:
                if c.kind in ("person", "group", "organization") and (c.agents or c.rule in ("ner", "title+name")):
                    c.start = min(c.start, s)
            continue
        if owners and owned:
            _possess(st, owners[0], owned, sd[s:e].text)


def _possess(st: LinkState, owner: Candidate, owned: list[Candidate], said: str) -> None:
    # a PETRARCH entry whose kind the dictionary does not say, coded with a bare
    # country-level code ("ITHILEN [ITH]"), owns a title as a country does
    countryish = owner.kind == "country" or (owner.entry is not None and owner.entry.kind is None and bare(owner.base))
    if not ((owner.kind in ("country", "organization") or owner.entry is not None) and owner.base):
        return
    for c in owned:
        if c.base is None and not (c.kind == "person" and c.entry is not None):
            # a person's body takes the person's country, an organisation's its code
            st.give_base("possessive", c, owner, owner.base[:3] if owner.kind == "person" and not countryish
                         else owner.base, f"possessive {said!r}")
        elif countryish and c.agents and c.entry is not None and c.entry.kind is None \
                and bare(c.base) and c.base != owner.base:
            # "Ithilen's minister Calimehtar" with the name coded only as another
            # country: the possessor names whose minister he is
            st.give_base("possessive", c, owner, owner.base, f"possessive {said!r} (over the name's country-level entry)")
        c.start = min(c.start, owner.start)
    if countryish and any(c.agents or c.kind in ("organization", "group") for c in owned) or owner.kind == "country":
        owner.kind = "drop"  # "Iraq's prime minister": the country is part of the title


def link_quantities(st: LinkState) -> None:
    """``thousands of Iraqi Kurds``: the mention covers the quantity (its head token)."""
    sd, segs, seg_cands = st.sd, st.segs, st.seg_cands
    for i in range(len(segs) - 1):
        s, e, _ = segs[i]
        ns, ne, _ = segs[i + 1]
        if ns == e + 1 and sd[e].lower_ in st.kn.quantity_prepositions and sd[e - 1].lower_ in st.tagger.collective_words \
                and not any(c.head == e - 1 for c in seg_cands[i]):
            for c in seg_cands[i + 1]:
                if c.head == ne - 1 and c.kind in ("group", "person", "organization") and c.rule != "modifier":
                    c.start = s
                    c.plural = True


def link_prepositions(st: LinkState) -> None:
    """``president of Iraq``, ``activists in Arnor``, ``president of the CFR``; conjoined
    heads and objects distribute: ``lawmakers and officials in A and B`` -> four actors."""
    sd, segs, seg_cands = st.sd, st.segs, st.seg_cands
    for i in range(len(segs) - 1):
        s, e, _ = segs[i]
        ns, ne, _ = segs[i + 1]
        if ns != e + 1 or sd[e].lower_ not in st.kn.link_prepositions:
            continue
        heads = [c for c in seg_cands[i] if c.head == e - 1 and c.rule in ("agent", "group", "compound", "dictionary",
                                                                          "title+name", "ner")
                 and c.kind in ("person", "group", "organization") and c.base is None
                 and (c.rule in ("agent", "group", "compound") or c.agents)]
        objs = [c for c in seg_cands[i + 1] if c.start <= ns + 1 and (
            c.kind in ("country", "organization") or (c.kind == "group" and c.rule == "agent" and c.base
                                                      and len(c.base) == 3 and c.head == ne - 1))]
        if heads and objs:
            _distribute(st, i, _more_heads(st, i, heads), _more_objects(st, i, objs), sd[e].text)


def _more_objects(st: LinkState, i: int, objs: list[Candidate]) -> list[Candidate]:
    """More objects conjoined after the first: "in Fornost and Gondor"."""
    j = i + 1
    while j + 1 < len(st.segs) and st.conjoined(st.segs[j][1], st.segs[j + 1][0]):
        more = [c for c in st.seg_cands[j + 1] if c.kind in ("country", "organization")]
        if not more:
            break
        objs.extend(more)
        j += 1
    return objs


def _more_heads(st: LinkState, i: int, heads: list[Candidate]) -> list[Candidate]:
    """More heads conjoined before: "lawmakers and officials in ..."."""
    k = i
    while k - 1 >= 0 and st.conjoined(st.segs[k - 1][1], st.segs[k][0]):
        prev = [c for c in st.seg_cands[k - 1] if c.head == st.segs[k - 1][1] - 1 and c.rule in ("agent", "group")
                and c.base is None]
        if not prev:
            break
        heads.extend(prev)
        k -= 1
    return heads


def _distribute(st: LinkState, i: int, heads: list[Candidate], objs: list[Candidate], prep: str) -> None:
    sd = st.sd
    absorbed = {}
    for h in heads:
        for n, obj in enumerate(objs):
            target = h
            if n > 0:
                target = clone(h, agents=list(h.agents), title_keys=set(h.title_keys),
                               context_reasons=list(h.context_reasons))
                target.rule = "distributed"
                st.seg_cands[i].append(target)
            if obj.kind == "organization" and prep.lower() in st.kn.member_prepositions and h.kind == "person":
                target.org_link = obj
                target.base_reason = f"{sd[h.start:h.end].text} of {obj.name}"
                st.record("prep-object", target, obj)
            elif obj.base:
                st.give_base("prep-object", target, obj, obj.base, f"{prep} {obj.name!r}")
                if len(objs) > 1 and obj.kind == "country":
                    absorbed.setdefault(id(obj), (obj, []))[1].append(target)
    # "lawmakers in Fornost and Gondor": each country is part of its own lawmakers (a
    # mention of that actor), not an actor beside them
    for obj, targets in absorbed.values():
        for n, target in enumerate(targets):
            part = obj if n == 0 else clone(obj, agents=[], context_reasons=[])
            st.part_of("prep-object", part, target)
            part.rule = "prep-object"
            if n:
                st.seg_cands[i].append(part)


def link_shared_premodifiers(st: LinkState) -> None:
    """``Danish media and government``: a premodifier's country reaches the conjoined head."""
    sd, segs, seg_cands = st.sd, st.segs, st.seg_cands
    for i in range(1, len(segs)):
        if not st.conjoined(segs[i - 1][1], segs[i][0]):
            continue
        prev = [c for c in seg_cands[i - 1] if c.head == segs[i - 1][1] - 1 and c.rule == "agent" and c.base
                and (c.base_reason or "").startswith("premodifier")]
        if not prev:
            continue
        for c in seg_cands[i]:
            if c.head == segs[i][1] - 1 and c.rule == "agent" and c.base is None and sd[segs[i][0]].pos_ != "DET":
                st.give_base("shared-premodifier", c, prev[0], prev[0].base,
                             f"{prev[0].base_reason} (shared by the conjoined {sd[c.start:c.end].text!r})")
                c.groups = c.groups or list(prev[0].groups)
                shared = [a for a in prev[0].agents[:-1] if a not in c.agents]
                c.agents = shared + c.agents


def link_appositions(st: LinkState) -> None:
    """``X (ACR)``: an alias; ``X, <appositive>,``: the appositive's title, country and
    organisation describe X."""
    sd, sent, segs, seg_cands = st.sd, st.sent, st.segs, st.seg_cands
    for i, (s, e, _) in enumerate(segs):
        base_cands = [c for c in seg_cands[i] if c.head == e - 1 and c.kind in ("person", "organization", "group")
                      and c.rule != "modifier"]
        if not base_cands:
            continue
        j = _alias(st, i, e, base_cands[0])
        if j < sent.end and sd[j].lower_ in st.kn.apposition_prepositions and i + 1 < len(segs) and segs[i + 1][0] == j + 1:
            j = segs[i + 1][1]  # "the UN envoy to Sudan, Volker Perthes,"
        if j >= sent.end or sd[j].text != ",":
            continue
        k = j + 1
        stop = _appositive_end(sd, k, sent.end)
        if stop is None:
            continue
        inner = [(x, segs[x]) for x in range(len(segs)) if k <= segs[x][0] and segs[x][1] <= stop]
        if not inner or inner[0][1][0] != k and sd[k].pos_ not in ("DET", "ADV"):
            continue
        first_idx, (fs, fe, _) = inner[0]
        firsts = [c for c in seg_cands[first_idx] if c.head == fe - 1]
        first = firsts[0] if firsts else None
        if first is None and all(sd[x].pos_ == "PROPN" and sd[x].text[:1].isupper() for x in range(fs, fe)) \
                and any(t.kind == "person" and t.rule == "agent" and not t.name_tokens for t in base_cands):
            _title_holder(st, base_cands, first_idx, fs, fe)
            continue
        for target in base_cands:
            _appose(st, target, first, inner, sd[fs:fe].text, sd[k:stop].text)


def _alias(st: LinkState, i: int, j: int, owner: Candidate) -> int:
    """``(ACR)`` right after an organisation: an alias of it; the token after it."""
    sd, segs, seg_cands = st.sd, st.segs, st.seg_cands
    if not (j + 2 < st.sent.end and sd[j].text == "(" and sd[j + 2].text == ")" and sd[j + 1].text[:1].isupper()):
        return j
    if i + 1 < len(segs) and segs[i + 1][0] == j + 1 and segs[i + 1][1] == j + 2 and seg_cands[i + 1]:
        for c in seg_cands[i + 1]:
            c.kind = "alias"
            c.org_link = owner
            st.record("alias", c, owner)
    else:
        alias = Candidate(start=j + 1, end=j + 2, head=j + 1, kind="alias", sent=owner.sent,
                          name=sd[j + 1].text, rule="acronym")
        alias.org_link = owner
        st.record("alias", alias, owner)
        if i + 1 < len(segs) and segs[i + 1][0] == j + 1:
            seg_cands[i + 1].append(alias)
        else:
            seg_cands[i].append(alias)
    owner.aliases.append(sd[j + 1].text)
    return j + 3


def _appositive_end(sd, k: int, end: int) -> int | None:
    """The punctuation that closes an appositive opened at ``k`` (None: no appositive)."""
    stop = k
    depth = 0
    while stop < end and (depth > 0 or sd[stop].text not in _CLAUSE_END):
        if sd[stop].tag_ in FINITE:
            break
        if sd[stop].text == "(":
            depth += 1
        elif sd[stop].text == ")":
            depth = max(0, depth - 1)
        stop += 1
    if stop >= end or sd[stop].text not in _CLAUSE_END or stop == k:
        return None
    if sd[stop - 1].tag_ in FINITE:
        return None
    return stop


def _title_holder(st: LinkState, base_cands, first_idx: int, fs: int, fe: int) -> None:
    """"The UN envoy to Sudan, Volker Perthes, said": the name of the title's holder."""
    sd = st.sd
    title = next(t for t in base_cands if t.kind == "person" and t.rule == "agent")
    person = clone(title, start=fs, end=fe, head=fe - 1, rule="apposition", name=sd[fs:fe].text,
                   agents=list(title.agents), title_keys=set(title.title_keys), context_reasons=[],
                   name_tokens=[sd[x].text for x in range(fs, fe)])
    st.seg_cands[first_idx].append(person)
    st.part_of("apposition", title, person)


def _appose(st: LinkState, target: Candidate, first: Candidate | None, inner, first_text: str, text: str) -> None:
    """The appositive (whose first phrase is ``first``) describes ``target``."""
    if target.kind == "person" and first is not None and first.kind == "person" and first.name_tokens:
        if target.rule == "agent" and not target.name_tokens:
            # "the city's mayor, Sergei Sobyanin,": the title's holder
            first.agents = [a for a in target.agents if a not in first.agents] + first.agents
            first.title_keys |= target.title_keys
            if first.base is None and target.base:
                st.give_base("apposition", first, target, target.base,
                             f"apposition to {st.sd[target.start:target.end].text!r}")
            st.part_of("apposition", target, first)
        return  # otherwise a list of people, not an apposition
    if first is not None and first.rule in ("agent", "compound", "group") and (
            (first.kind in ("person", "group") and target.kind in ("person", "group"))
            or (first.kind == "organization" and target.kind == "organization")):
        target.agents.extend(a for a in first.agents if a not in target.agents)
        target.title_keys |= first.title_keys
        if target.base is None and first.base:
            st.give_base("apposition", target, first, first.base, f"apposition {first_text!r}")
        if target.org_link is None and first.org_link is not None:
            target.org_link = first.org_link
            target.base_reason = f"apposition: {first.base_reason}"
        st.part_of("apposition", first, target)
    elif target.base is None:
        country = next((c for x, _ in inner for c in st.seg_cands[x] if c.kind == "country" and c.base), None)
        if country is not None:
            st.give_base("apposition", target, country, country.base, f"apposition {text!r}")


# In order: each rule sees what the rules before it gave.
LINK_RULES = [
    ("possessive", link_possessives),
    ("quantity", link_quantities),
    ("prep-object", link_prepositions),
    ("shared-premodifier", link_shared_premodifiers),
    ("apposition", link_appositions),
]


def link_sentence(st: LinkState) -> LinkState:
    for _name, rule in LINK_RULES:
        rule(st)
    return st
