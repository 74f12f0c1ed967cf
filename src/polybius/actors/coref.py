"""In-document coreference: candidates joined into one cluster per entity.

Built on the parse and the actor table (no coreference package is available offline).
:func:`cluster` applies :data:`JOIN_RULES` in order to one :class:`ClusterState` (a
union-find over the candidates and the keys the rules share):

1. **acronym** — an all-capital word spelling a known organisation's alias or initials;
2. **same-name** — a person's later surname ("Pompeo") or any subset of the full name joins
   the person (longest names first; one cluster per dictionary person);
3. **title** — "the Iraqi prime minister", "Iraqi PM" join the named person holding that title
   key (``prime minister`` = ``PM`` = ``premier``) with a compatible country (nearest before,
   else nearest after: headlines come first); a title with no named holder is one person;
4. **alias/apposition** — "(CFR)" and appositions join what the link rules tied them to;
5. **same-referent** — one cluster per country code, dictionary entry, organisation name,
   (code, role noun) for groups and bodies ("US troops" = "American troops"); a bare body
   ("the parliament") joins the latest body with the same role noun (definite).

After clustering, :mod:`polybius.actors.missed` adds the surnames and acronyms the NER missed,
:func:`join_country_references` resolves "the country", and :mod:`polybius.actors.pronouns`
links pronouns.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class UnionFind:
    def __init__(self, n):
        self.p = list(range(n))

    def find(self, a):
        while self.p[a] != a:
            self.p[a] = self.p[self.p[a]]
            a = self.p[a]
        return a

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # keep the earlier candidate as root
            if rb < ra:
                ra, rb = rb, ra
            self.p[rb] = ra

    def add(self) -> int:
        """A new singleton; its index."""
        self.p.append(len(self.p))
        return len(self.p) - 1


@dataclass
class ClusterState:
    """One document's clustering: what the join rules share (made per document)."""

    cands: list
    sd: object
    kn: object
    uf: UnionFind
    by_key: dict = field(default_factory=dict)  # same-referent key -> first candidate
    named: list = field(default_factory=list)  # [(lower name tokens, cand index)] of full names
    orgs_seen: list = field(default_factory=list)  # organisations in text order (definite bodies, acronyms)

    def join_key(self, i: int, key: tuple) -> None:
        if key in self.by_key:
            self.uf.union(self.by_key[key], i)
        else:
            self.by_key[key] = i


def initials(words, skip_words=frozenset()) -> str:
    return "".join(w[0].upper() for w in words if w and w[0].isalpha() and w.lower() not in skip_words)


def initial_forms(words, kn):
    """The initials of ``words``, function words skipped and kept ("DOS", "DOFS")."""
    return initials(words, kn.initials_skip_words), initials(words)


def join_acronyms(st: ClusterState) -> None:
    """An all-capital single word spelling a known organisation's alias or initials ("SADC")."""
    cands, kn = st.cands, st.kn
    aliases: dict[str, int] = {}
    for i, c in enumerate(cands):
        for a in c.aliases:
            aliases.setdefault(a, i)
        if c.kind in ("organization", "group"):
            words = [w for w in c.name.split() if w[:1].isupper() or w.lower() in kn.initials_skip_words]
            if len(words) >= 2:
                for ini in initial_forms(words, kn):
                    if len(ini) >= kn.limits.initials_min_letters:
                        aliases.setdefault(ini, i)
    for i, c in enumerate(cands):
        if c.kind in ("person", "organization", "country", "group") and c.entry is None and c.rule in ("ner", "modifier", "propn") \
                and kn.limits.is_acronym(c.name) and c.name in aliases and aliases[c.name] != i:
            c.kind, c.rule, c.name_tokens = "alias", "acronym", []
            c.org_link = cands[aliases[c.name]]


def join_same_names(st: ClusterState) -> None:
    """People with names: longest names first, shorter forms join; one cluster per dictionary person."""
    cands, uf = st.cands, st.uf
    people = [i for i, c in enumerate(cands) if c.kind == "person" and c.name_tokens
              and c.name_tokens[-1].lower() not in st.kn.place_words]  # "Kim Il Sung Square" is nobody's name
    people.sort(key=lambda i: (-len(cands[i].name_tokens), cands[i].start))
    by_entry: dict[int, int] = {}
    for i in people:
        toks = {t.lower() for t in cands[i].name_tokens}
        ent = cands[i].entry
        if ent is not None and ent.kind == "person":
            if id(ent) in by_entry:
                uf.union(by_entry[id(ent)], i)
                continue
            by_entry[id(ent)] = i
        match = None
        best_d = None
        for ntoks, j in st.named:
            if toks <= ntoks:
                d = abs(cands[j].start - cands[i].start)
                if best_d is None or d < best_d:
                    match, best_d = j, d
        if match is not None:
            uf.union(match, i)
        else:
            st.named.append((toks, i))


def join_titles(st: ClusterState) -> None:
    """Titles alone -> the named person with that title and a compatible country; with no named
    holder, the same title (same country, or none stated) is the same person."""
    cands, uf = st.cands, st.uf
    person_info = _title_holders(st)
    titled: dict[tuple, tuple[int, str | None]] = {}
    for i, c in enumerate(cands):
        if c.kind not in ("person", "group") or c.name_tokens or not c.title_keys or c.rule == "modifier":
            continue
        if c.kind == "group" and c.plural:
            continue
        best = None
        for _, j in st.named:
            keys, country = person_info[j]
            if not _title_match(c.title_keys, keys):
                continue
            if c.code and country and c.code[:3] != country and not c.code.startswith("---"):
                continue
            before = cands[j].start < c.start
            d = (0 if before else 1, abs(c.start - cands[j].start))
            if best is None or d < best[0]:
                best = (d, j)
        if best is not None:
            uf.union(best[1], i)
            c.rule = "title"
            continue
        key = tuple(sorted(c.title_keys))
        country = c.code[:3] if c.code and not c.code.startswith("---") else None
        prev = titled.get(key)
        if prev is not None and (country is None or prev[1] is None or prev[1] == country):
            uf.union(prev[0], i)
            c.rule = "title"
            if prev[1] is None and country:
                titled[key] = (prev[0], country)
        else:
            titled[key] = (i, country)


def _title_holders(st: ClusterState) -> dict[int, tuple[set, str | None]]:
    """Per named person: the title keys of its cluster and its country."""
    cands, uf = st.cands, st.uf
    info: dict[int, tuple[set, str | None]] = {}
    for k, q in enumerate(cands):
        if q.kind == "person" and q.name_tokens:
            keys, country = info.get(uf.find(k), (set(), None))
            keys = keys | q.title_keys
            if q.code and country is None:
                country = q.code[:3]
            info[uf.find(k)] = (keys, country)
    return {j: info.get(uf.find(j), (set(), None)) for _, j in st.named}


def join_links(st: ClusterState) -> None:
    """Aliases and appositions join what the link rules tied them to."""
    idx = {id(c): i for i, c in enumerate(st.cands)}
    for i, c in enumerate(st.cands):
        if c.kind == "alias" and c.org_link is not None and id(c.org_link) in idx:
            st.uf.union(idx[id(c.org_link)], i)
        elif c.kind == "appos" and c.actor is not None and id(c.actor) in idx:
            st.uf.union(idx[id(c.actor)], i)


def join_same_referents(st: ClusterState) -> None:
    """One cluster per country code, dictionary entry, organisation name, (code, role noun)."""
    for i, c in enumerate(st.cands):
        if c.kind in ("pronoun", "alias", "appos") or (c.kind == "person" and (c.name_tokens or c.title_keys)):
            continue
        if c.entry is not None:
            _entry_referent(st, i, c)
        elif not _entity_surname(st, i, c) and not _named_organization(st, i, c):
            _body_or_group(st, i, c)


def _entry_referent(st: ClusterState, i, c) -> None:
    if c.entry.kind == "country" and c.kind in ("country", "organization"):
        st.join_key(i, ("country", c.code))
    elif c.entry.kind == "country":
        st.join_key(i, ("group", c.code))
    else:
        st.join_key(i, ("entry", id(c.entry), c.code))
    if c.kind == "organization":
        st.orgs_seen.append(i)


def _entity_surname(st: ClusterState, i, c) -> bool:
    """A short name entity tagged ORG/GPE that is a named person's name word."""
    if not (c.kind in ("organization", "country", "group") and c.rule in ("ner", "propn") and c.name_tokens
            and len(c.name_tokens) <= st.kn.limits.entity_surname_max_words):
        return False
    toks = {t.lower() for t in c.name_tokens}
    person = next((j for ntoks, j in st.named if toks <= ntoks), None)
    if person is None:
        return False
    st.uf.union(person, i)
    c.kind, c.rule = "person", "surname"
    return True


def _named_organization(st: ClusterState, i, c) -> bool:
    """An organisation the dictionaries do not know: an earlier one's acronym, or its name."""
    if not (c.kind == "organization" and c.rule in ("ner", "propn", "modifier") and c.entry is None):
        return False
    if st.kn.limits.is_acronym(c.name):
        target = _acronym_target(c.name, st)
        if target is not None:
            st.uf.union(target, i)
            c.rule = "acronym"
            return True
    st.join_key(i, ("org", c.name.lower()))
    st.orgs_seen.append(i)
    return True


def _body_or_group(st: ClusterState, i, c) -> None:
    cands, sd = st.cands, st.sd
    head_agent = c.agents[-1].key if c.agents else None
    head_name = c.agents[-1].name.lower() if c.agents else None
    possessed = sd[c.start].tag_ == "PRP$"  # "his government": someone else's body
    part = c.part is not None and sd[c.part[0]:c.part[1]].text.lower()
    if c.kind == "country":
        st.join_key(i, ("country", c.code or c.name.lower()))
    elif head_agent and c.code and not c.code.startswith("---"):
        st.join_key(i, ("agent", c.code, head_agent, part))
        if c.kind == "organization":
            st.orgs_seen.append(i)
    elif head_agent and c.kind == "organization":
        # a bare body: the latest body named by the same role noun
        prev = [j for j in st.orgs_seen if cands[j].agents and cands[j].agents[-1].name.lower() == head_name and j < i]
        if prev and not possessed:
            st.uf.union(prev[-1], i)
            c.rule = "definite"
        else:
            st.join_key(i, ("agent", c.code, head_agent))
            st.orgs_seen.append(i)
    elif c.kind == "group" and c.code and not c.code.startswith("---"):
        st.join_key(i, ("group", c.code, part))
    elif c.kind == "group" and c.code:  # "drones", "protesters": the same words only
        st.join_key(i, ("groupname", c.code, " ".join(t.lemma_.lower() for t in sd[c.start:c.end] if t.pos_ != "DET")))
    elif c.kind == "group":
        st.join_key(i, ("groupname", c.name.lower()))


def _title_match(keys, person_keys) -> bool:
    for k1 in keys:
        for k2 in person_keys:
            if k1 == k2:
                return True
            w2 = k2.split()
            if len(w2) > 1 and k1 in (w2[0], w2[-1]) and len(k1.split()) == 1:
                return True
    return False


def _acronym_target(acr, st: ClusterState):
    for j in reversed(st.orgs_seen):
        if acr in initial_forms(st.cands[j].name.split(), st.kn):
            return j
    return None


# In order: each rule joins on what the rules before it joined.
JOIN_RULES = [
    ("acronym", join_acronyms),
    ("same-name", join_same_names),
    ("title", join_titles),
    ("alias/apposition", join_links),
    ("same-referent", join_same_referents),
]


def cluster(cands, sd, kn) -> UnionFind:
    st = ClusterState(cands, sd, kn, UnionFind(len(cands)))
    for _name, rule in JOIN_RULES:
        rule(st)
    return st.uf


def join_country_references(cands, uf, kn) -> None:
    """"the country" joins the one country named in its sentence or the one before (if only one)."""
    not_country = kn.non_state_codes + kn.business_codes
    for i, c in enumerate(cands):
        if c.kind != "country-ref":
            continue
        named: dict[str, int] = {}
        for j, cj in enumerate(cands):
            if cj.sent in (c.sent, c.sent - 1) and cj.start < c.start and cj.kind not in ("pronoun", "country-ref", "drop"):
                code = (cj.code or "")[:3]
                if code.isalpha() and len(code) == 3 and code not in not_country:
                    if cj.kind == "country":
                        named[code] = j
                    else:
                        named.setdefault(code, -1)
        if len(named) == 1:
            code, j = next(iter(named.items()))
            if j >= 0:
                c.kind = cands[j].kind
                c.code = cands[j].code
                uf.union(j, i)
