"""In-document coreference: candidates -> one actor per entity, with all its mentions.

Built on the parse and the actor table (no coreference package is available offline):

* **names** — a person's later surname ("Pompeo") or any subset of the full name joins the
  person; the longest form names the actor;
* **titles** — "the Iraqi prime minister", "Iraqi PM" join the named person holding that title
  key (``prime minister`` = ``PM`` = ``premier``) with a compatible country (nearest before,
  else nearest after: headlines come first);
* **acronyms** — "(CFR)" after a name is an alias; a later all-capital word whose letters are
  the initials of an organisation's name ("DOS" for "Department of State") joins it;
* **same referent** — one actor per country code, per dictionary entry, per organisation
  name, per (code, role noun) for groups and bodies ("US troops" = "American troops");
  a bare body ("the parliament") joins the latest body with the same role noun;
* **pronouns** — he/she -> the latest person, preferring subjects (this sentence, then up to
  two before); it/its -> the latest organisation or country; they/them -> the latest group.
"""
from __future__ import annotations

import datetime as _dt

from ..model import Actor, Mention
from .codes import chunks, compose, split_code

GENERIC_TITLES = {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "official", "officials",
                  "leader", "leaders", "head", "chief", "member", "members", "representative", "representatives"}
_FUNCTION_WORDS = {"of", "the", "for", "on", "and", "in", "to", "at", "de", "du", "des", "la", "le"}


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


def code_candidates(cands, tagger, story_country, day=None):
    """Compose each candidate's code (organisations first: people may take theirs)."""
    generic = tagger.generic_words

    def one(c):
        agents = list(c.agents)
        if len(agents) > 1 and agents[-1].name.split()[-1].lower() in generic and any(
                a.code != agents[-1].code for a in agents[:-1]):
            agents = agents[:-1]
        base = c.base
        reason = c.base_reason
        if c.org_link is not None and base is None:
            org = c.org_link
            if org.code:
                base = org.code
                reason = f"{c.base_reason}: code of {org.name!r}"
                agents = []
        if base is None and story_country and (any(a.code and a.code != "MED" for a in agents) or c.groups) \
                and c.kind in ("person", "group", "organization") and c.org_link is None:
            base = story_country
            reason = "story country"
        if base is None and c.kind == "organization" and agents and c.org_link is None and c.rule == "agent" \
                and agents[-1].name.lower() not in bodies_named:
            # "Foreign Minister Ishaq Dar told parliament": a bare national body belongs to the
            # country of the sentence's subject
            subj = sentence_subject.get(c.sent)
            if subj is not None and subj is not c:
                base = subj.base[:3]
                reason = f"sentence context: {subj.name!r}"
        if c.entry is not None and len(c.entry.roles) > 1 and agents and base:
            # the title in the text is evidence of the role held: "President Joe Biden" -> his GOV role
            said = {"ELI"} if c.former else {ch for a in agents for ch in chunks(a.code)}
            if said and not (set(chunks(base[3:])) & said):
                fitting = [r for r in c.entry.roles if set(chunks(r.code[3:])) & said]
                if fitting:
                    if day is not None:
                        held = [r for r in fitting if r.holds_on(day)]
                        fitting = held or fitting
                    base = max(fitting, key=lambda r: r.start or _dt.date.min).code
                    reason = (reason or "") + f"; role chosen by the title ({base})"
        if c.former and base and c.entry is not None and c.entry.kind == "person" and base.endswith("GOV") and len(base) == 6:
            base = base[:3]  # "former President X": the office is past
        if base and base[:3] in ("IGO", "NGO", "IMG"):
            agents = [a for a in agents if a.code != "GOV"]
        if c.kind == "organization" and c.agents:
            bodies_named.add(c.agents[-1].name.lower())  # a later bare "the military" refers back
        c.code = compose(base, [(a.code, a.prefix) for a in agents], [g.code for g in c.groups], c.former)
        parts = [reason] if reason else []
        if agents:
            parts.append("agent " + ", ".join(f"{a.name!r}->{a.code}" + ("~" if a.prefix else "") + f" ({a.source})" for a in agents))
        if c.groups:
            parts.append("group " + ", ".join(f"{g.name!r}->{g.code}" for g in c.groups))
        if c.former:
            parts.append("former -> ELI")
        c.reason = "; ".join(parts) or None

    group_country: dict[str, str] = {}
    bodies_named: set[str] = set()
    sentence_subject = {}
    for c in cands:
        if c.base and len(c.base) >= 3 and c.base[:3].isalpha() and c.base[:3] not in ("IGO", "NGO", "IMG") \
                and c.kind not in ("pronoun", "alias", "appos", "drop"):
            dep = c.sentence_dep if hasattr(c, "sentence_dep") else None
            if c.sent not in sentence_subject or (dep in ("nsubj", "nsubjpass") and
                                                  getattr(sentence_subject[c.sent], "sentence_dep", None) not in ("nsubj", "nsubjpass")):
                sentence_subject[c.sent] = c
    for c in cands:
        if c.org_link is None and c.kind not in ("pronoun", "alias", "appos"):
            if c.base is None and c.groups:
                known = [group_country[g.code] for g in c.groups if g.code in group_country]
                if known:
                    c.base = known[0]
                    c.base_reason = f"country of the {c.groups[0].name} actors named before"
            one(c)
            if c.base and c.groups and len(c.base) == 3:
                for g in c.groups:
                    group_country.setdefault(g.code, c.base)
    for c in cands:
        if c.org_link is not None and c.kind not in ("pronoun", "alias", "appos"):
            one(c)


def story_country_of(cands, share=0.6, minimum=2):
    """The story's country: the one country that most country-coded mentions name (>= 60%, or
    at least three mentions and three times any other country's)."""
    counts: dict[str, int] = {}
    for c in cands:
        if c.base and len(c.base) >= 3 and c.base[:3].isalpha() and c.base[:3] not in ("IGO", "NGO", "IMG", "MNC") and (
                c.kind == "country" or (c.base_reason or "").startswith(("premodifier", "possessive"))):
            counts[c.base[:3]] = counts.get(c.base[:3], 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.get)
    total = sum(counts.values())
    if (counts[best] >= minimum or len(counts) == 1) and counts[best] >= share * total:
        return best
    # one country named three times as often as any other ("Peru's Congress ... Lima" beside one
    # mention each of the neighbours who commented)
    second = max((v for k, v in counts.items() if k != best), default=0)
    if counts[best] >= 3 and counts[best] >= 3 * second:
        return best
    return None


def _initials(words, skip_function=True):
    return "".join(w[0].upper() for w in words if w and w[0].isalpha() and not (skip_function and w.lower() in _FUNCTION_WORDS))


def cluster(cands, sd):
    n = len(cands)
    uf = UnionFind(n)
    by_key: dict[tuple, int] = {}
    idx = {id(c): i for i, c in enumerate(cands)}

    def join_key(i, key):
        if key in by_key:
            uf.union(by_key[key], i)
        else:
            by_key[key] = i

    # 0. an all-capital single word spelling a known organisation's alias or initials ("SADC")
    aliases: dict[str, int] = {}
    for i, c in enumerate(cands):
        for a in c.aliases:
            aliases.setdefault(a, i)
        if c.kind in ("organization", "group"):
            words = [w for w in c.name.split() if w[:1].isupper() or w.lower() in _FUNCTION_WORDS]
            if len(words) >= 2:
                for skip in (True, False):
                    ini = _initials(words, skip)
                    if len(ini) >= 2:
                        aliases.setdefault(ini, i)
    for i, c in enumerate(cands):
        if c.kind in ("person", "organization", "country", "group") and c.entry is None and c.rule in ("ner", "modifier", "propn") \
                and c.name.isupper() and c.name.isalpha() and 2 <= len(c.name) <= 6 and c.name in aliases \
                and aliases[c.name] != i:
            c.kind, c.rule, c.name_tokens = "alias", "acronym", []
            c.org_link = cands[aliases[c.name]]
    # 1. people with names: longest names first, shorter forms join
    people = [i for i, c in enumerate(cands) if c.kind == "person" and c.name_tokens]
    people.sort(key=lambda i: (-len(cands[i].name_tokens), cands[i].start))
    named: list[tuple[set, int]] = []  # (lower name tokens, cand index)
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
        for ntoks, j in named:
            if toks <= ntoks:
                d = abs(cands[j].start - cands[i].start)
                if best_d is None or d < best_d:
                    match, best_d = j, d
        if match is not None:
            uf.union(match, i)
        else:
            named.append((toks, i))
    # 2. titles alone -> the named person with that title and a compatible country
    person_info: dict[int, tuple[set, str | None]] = {}
    for k, q in enumerate(cands):
        if q.kind == "person" and q.name_tokens:
            keys, country = person_info.get(uf.find(k), (set(), None))
            keys = keys | q.title_keys
            if q.code and country is None:
                country = q.code[:3]
            person_info[uf.find(k)] = (keys, country)
    person_info = {j: person_info.get(uf.find(j), (set(), None)) for _, j in named}
    titled: dict[tuple, tuple[int, str | None]] = {}
    for i, c in enumerate(cands):
        if c.kind not in ("person", "group") or c.name_tokens or not c.title_keys or c.rule == "modifier":
            continue
        if c.kind == "group" and c.plural:
            continue
        best = None
        for _, j in named:
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
        # no named holder: the same title (same country, or none stated) is the same person
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
    # 3. aliases, appositions
    for i, c in enumerate(cands):
        if c.kind == "alias" and c.org_link is not None and id(c.org_link) in idx:  # noqa: SIM114
            uf.union(idx[id(c.org_link)], i)
        elif c.kind == "appos" and c.actor is not None and id(c.actor) in idx:
            uf.union(idx[id(c.actor)], i)
    # 4. same referent keys
    orgs_seen: list[int] = []
    for i, c in enumerate(cands):
        if c.kind in ("pronoun", "alias", "appos") or (c.kind == "person" and (c.name_tokens or c.title_keys)):
            continue
        if c.entry is not None:
            if c.entry.kind == "country" and c.kind in ("country", "organization"):
                join_key(i, ("country", c.code))
            elif c.entry.kind == "country":
                join_key(i, ("group", c.code))
            else:
                join_key(i, ("entry", id(c.entry), c.code))
            if c.kind == "organization":
                orgs_seen.append(i)
            continue
        if c.kind in ("organization", "country", "group") and c.rule in ("ner", "propn") and c.name_tokens \
                and len(c.name_tokens) <= 2:
            toks = {t.lower() for t in c.name_tokens}
            person = next((j for ntoks, j in named if toks <= ntoks), None)
            if person is not None:
                uf.union(person, i)
                c.kind, c.rule = "person", "surname"
                continue
        if c.kind == "organization" and c.rule in ("ner", "propn", "modifier") and c.entry is None:
            acr = c.name if c.name.isupper() and 2 <= len(c.name) <= 6 and c.name.isalpha() else None
            if acr:
                target = _acronym_target(acr, cands, orgs_seen, uf)
                if target is not None:
                    uf.union(target, i)
                    c.rule = "acronym"
                    continue
            join_key(i, ("org", c.name.lower()))
            orgs_seen.append(i)
            continue
        head_agent = c.agents[-1].key if c.agents else None
        head_name = c.agents[-1].name.lower() if c.agents else None
        possessed = sd[c.start].tag_ == "PRP$"  # "his government": someone else's body
        if c.kind == "country":
            join_key(i, ("country", c.code or c.name.lower()))
        elif head_agent and c.code and not c.code.startswith("---"):
            join_key(i, ("agent", c.code, head_agent, c.part is not None and sd[c.part[0]:c.part[1]].text.lower()))
            if c.kind == "organization":
                orgs_seen.append(i)
        elif head_agent and c.kind == "organization":
            # a bare body: the latest body named by the same role noun
            prev = [j for j in orgs_seen if cands[j].agents and cands[j].agents[-1].name.lower() == head_name and j < i]
            if prev and not possessed:
                uf.union(prev[-1], i)
                c.rule = "definite"
            else:
                join_key(i, ("agent", c.code, head_agent))
                orgs_seen.append(i)
        elif c.kind == "group" and c.code and not c.code.startswith("---"):
            join_key(i, ("group", c.code, c.part is not None and sd[c.part[0]:c.part[1]].text.lower()))
        elif c.kind == "group" and c.code:  # "drones", "protesters": the same words only
            join_key(i, ("groupname", c.code, " ".join(t.lemma_.lower() for t in sd[c.start:c.end] if t.pos_ != "DET")))
        elif c.kind == "group":
            join_key(i, ("groupname", c.name.lower()))
    # acronyms not tagged ORG: all-capital proper nouns that spell an organisation's initials
    return uf


def _title_match(keys, person_keys) -> bool:
    for k1 in keys:
        for k2 in person_keys:
            if k1 == k2:
                return True
            w2 = k2.split()
            if len(w2) > 1 and k1 in (w2[0], w2[-1]) and len(k1.split()) == 1:
                return True
    return False


def _acronym_target(acr, cands, orgs_seen, uf):
    for j in reversed(orgs_seen):
        c = cands[j]
        words = c.name.split()
        for skip in (True, False):
            if _initials(words, skip) == acr:
                return j
    return None


_GENDER_OF_PRONOUN = {"he": "male", "him": "male", "his": "male", "himself": "male",
                      "she": "female", "her": "female", "hers": "female", "herself": "female"}


def _genders(cands, uf, sd, gender_words):
    """Gender of person clusters from honorifics and gendered titles ("Mr Sand", "the spokeswoman")."""
    out = {}
    if not gender_words:
        return out
    for i, c in enumerate(cands):
        if c.kind != "person":
            continue
        for k in range(max(c.start - 1, 0), c.end):
            g = gender_words.get(sd[k].lower_)
            if g in ("male", "female"):
                out.setdefault(uf.find(i), g)
                break
    return out


def resolve_pronouns(cands, uf, sd, gender_words=None):
    """Link each pronoun candidate to an actor cluster: ``({cand index: root}, {cand index: [more roots]})``
    (the second for split antecedents: "Shell and BP said they ...").  He/she skip people of the other
    gender (known from honorifics, gendered titles and pronouns already linked), and are left
    unlinked when a noun bringing in another person of that gender ("my brother") comes between."""
    gender_words = gender_words or {}
    gender = _genders(cands, uf, sd, gender_words)
    links = {}
    extra: dict[int, list[int]] = {}
    mentions = [(i, c) for i, c in enumerate(cands) if c.kind not in ("pronoun", "drop")]
    kinds = {}
    for i, c in mentions:
        if c.kind in ("alias", "appos"):
            continue
        kinds.setdefault(uf.find(i), c.kind)
    covered = set()
    for _, cj in mentions:
        covered.update(range(cj.start, cj.end))
    # sentences that contain words (a stray closing quote mark is not a sentence for recency)
    by_rank = [si for si, sent in enumerate(sd.sents) if any(t.is_alpha for t in sent)]
    rank = {si: r for r, si in enumerate(by_rank)}
    for i, c in enumerate(cands):
        if c.kind != "pronoun":
            continue
        want = c.context_reasons[0]
        tok = sd[c.head]
        if want == "plural":
            # "Shell and BP said they ...": conjoined subjects are the antecedent together
            heads = {cj.head: j for j, cj in mentions if cj.sent in (c.sent, c.sent - 1) and cj.start < c.start}
            for j, cj in sorted(((j, cj) for j, cj in mentions if cj.sent in (c.sent, c.sent - 1)
                                 and cj.start < c.start and sd[cj.head].dep_ in ("nsubj", "nsubjpass")),
                                key=lambda x: -x[1].start):
                conj = [heads[t.i] for t in sd[cj.head].conjuncts if t.i in heads]
                if conj:
                    roots = [uf.find(j)] + [uf.find(x) for x in conj]
                    links[i] = roots[0]
                    extra[i] = [r for r in roots[1:] if r != roots[0]]
                    break
            if i in links:
                continue
        if want == "plural" and _ambiguous_plural(tok):
            continue

        pron_gender = _GENDER_OF_PRONOUN.get(tok.lower_) if want == "person" else None

        def ok(j, cj):
            k = kinds.get(uf.find(j))
            if want == "person":
                return k == "person" and gender.get(uf.find(j), pron_gender) == pron_gender
            if want == "thing":
                return k in ("organization", "country") and not cj.plural
            return k == "group" or (k == "organization" and cj.plural)

        best = None
        r0 = rank.get(c.sent)
        for back in range(0, 5 if want == "person" else 3):
            if r0 is None or r0 - back < 0:
                break
            sent = by_rank[r0 - back]
            pool = [(j, cj) for j, cj in mentions if cj.sent == sent and cj.start < c.start and ok(j, cj)]
            if not pool:
                continue
            subj = [(j, cj) for j, cj in pool if _is_subject(sd, cj)]
            best = (subj or pool)[-1][0]
            titled = tok.dep_ == "poss" and any(cj.start == c.end and cj.agents for _, cj in mentions)
            if want == "thing" and not titled and _noun_between(sd, cands[best].end, c.start, covered):
                best = None  # "Russia rejected a plan, saying it ignored ...": 'it' is the plan
                # (but "its secretary general" has an actor for owner: plans have no officers)
            break
        if best is not None and pron_gender and _relative_between(sd, cands[best].end, c.start, covered,
                                                                   gender_words, pron_gender + "-relative"):
            best = None  # "Santos, whose brother died ... 'My brother bought a ticket. He ...'"
        if best is not None:
            links[i] = uf.find(best)
            if pron_gender:
                gender.setdefault(links[i], pron_gender)
    return links, extra


def _is_subject(sd, cj) -> bool:
    """The mention is a clause's subject: its head word, or the word of its span that hangs
    outside it ("The Organization of American States will send ...": 'Organization')."""
    if sd[cj.head].dep_ in ("nsubj", "nsubjpass"):
        return True
    return any(sd[k].dep_ in ("nsubj", "nsubjpass") and not (cj.start <= sd[k].head.i < cj.end)
               for k in range(cj.start, cj.end))


def _relative_between(sd, start, end, covered, gender_words, effect) -> bool:
    for k in range(start, end):
        t = sd[k]
        if k not in covered and t.pos_ == "NOUN" and gender_words.get(t.lower_) == effect \
                and t.dep_ not in ("appos", "attr") and not (t.head.i < t.i and t.head.i < start):
            return True  # not "Omar Farouk, a father of three, ..." (the antecedent described)
    return False


def _noun_between(sd, start, end, covered) -> bool:
    for k in range(start, end):
        t = sd[k]
        if k not in covered and t.tag_ == "NN" and t.dep_ in ("dobj", "nsubj", "attr") \
                and not t.ent_type_ and not any(a.dep_ in ("relcl", "acl") for a in t.ancestors):
            return True
    return False


def _ambiguous_plural(tok) -> bool:
    """"Pompeo suggested they work together": 'they' may include the speaker; leave it."""
    h = tok.head
    while h.dep_ in ("ccomp", "xcomp") and h.head.i != h.i:
        gov = h.head
        if any(ch.dep_ in ("nsubj", "nsubjpass") and ch.ent_type_ == "PERSON" for ch in gov.children):
            return True
        h = gov
    return False


def build_actors(cands, sd, lex, day):
    uf = cluster(cands, sd)
    pre: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        if c.kind not in ("drop", "pronoun"):
            pre.setdefault(uf.find(i), []).append(i)
    sent_of = {}
    for si, sent in enumerate(sd.sents):
        for k in range(sent.start, sent.end):
            sent_of[k] = si
    _surname_pass(cands, pre, sd, uf, sent_of)
    _acronym_pass(cands, pre, sd, uf, sent_of)
    _country_references(cands, uf)
    gender_words = {w: g for w, effects in lex.modifiers.items() for g in effects
                    if g in ("male", "female", "male-relative", "female-relative")}
    links, extra_links = resolve_pronouns(cands, uf, sd, gender_words)
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
    _possessive_pronoun_owners(cands, groups, links)
    text = sd.text
    actors = []
    order = sorted(groups.items(), key=lambda kv: min(cands[i].start for i in kv[1]))
    for root, members in order:
        real = [cands[i] for i in members if cands[i].kind not in ("pronoun", "alias", "appos")]
        if not real:
            continue
        coded = [c for c in real if c.code]
        best = max(coded, key=lambda c: (len(chunks(c.code)) - (1 if c.code.startswith("---") else 0),
                                          bool(c.name_tokens), c.entry is not None and c.entry.via == "name",
                                          -c.start)) if coded else None
        kind = _cluster_kind(real)
        if kind not in ("person", "organization", "country", "group"):
            kind = "organization"  # the contract's four kinds only
        name = _cluster_name(real, kind)
        code = best.code if best else None
        country, sectors = split_code(code, lex.iso)
        mentions = []
        seen = set()
        for i in sorted(members, key=lambda i: cands[i].start):
            c = cands[i]
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
        roles = []
        entries = [c.entry for c in real if c.entry is not None and any(r.dated for r in c.entry.roles)]
        if entries:
            roles = [r.to_dict(entries[0].source) for r in entries[0].roles]
        reason = best.reason if best else "no dictionary entry, title or context gave a code"
        # PETRARCH "[ELR/GAL]": one entry naming several actors -> one actor each, same mentions
        for part in (code.split("/") if code and "/" in code else [code]):
            if part != code:
                country, sectors = split_code(part, lex.iso)
            actors.append(Actor(id=f"A{len(actors) + 1}", name=name, code=part, country=country, sectors=sectors,
                                kind=kind, mentions=list(mentions), reason=reason, roles=roles))
    return actors


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


def _surname_pass(cands, groups, sd, uf, sent_of):
    """Proper nouns the NER missed that repeat a known person's name word ("Haass continues",
    "Castillo supporters")."""
    covered = set()
    for c in cands:
        if c.kind == "person" or c.kind == "pronoun":
            covered.update(range(c.start, c.end))
        else:
            covered.add(c.head)
    names: dict[str, int] = {}
    for root, members in groups.items():
        for i in members:
            c = cands[i]
            if c.kind == "person" and c.name_tokens:
                last = c.name_tokens[-1].lower()
                if len(last) > 2:
                    names.setdefault(last, root)
                if c.entry is not None:  # dictionary people: any part of the name ("Xi" of Xi Jinping)
                    for t in c.name_tokens[:-1]:
                        if len(t) >= 2 and t[:1].isupper():
                            names.setdefault(t.lower(), root)
    if not names:
        return
    from .stage import Candidate

    for t in sd:
        if t.i in covered or t.lower_ not in names or t.pos_ != "PROPN":
            continue
        c = Candidate(start=t.i, end=t.i + 1, head=t.i, kind="person", sent=sent_of.get(t.i, -1), name=t.text,
                      rule="surname", name_tokens=[t.text])
        _attach(cands, groups, uf, c, names[t.lower_])


def _attach(cands, groups, uf, c, root):
    cands.append(c)
    uf.p.append(len(uf.p))
    uf.union(root, len(cands) - 1)
    groups[root].append(len(cands) - 1)


def _acronym_pass(cands, groups, sd, uf, sent_of):
    """All-capital words the NER missed that spell a named organisation's initials ("ICG",
    "AFP spokesmen")."""
    covered = set()
    for c in cands:
        if c.kind in ("organization", "alias") or c.kind == "pronoun":
            covered.update(range(c.start, c.end))
        else:
            covered.add(c.head)
    orgs = {}
    for root, members in groups.items():
        for i in members:
            c = cands[i]
            words = [w for w in c.name.split() if w[:1].isupper() or w.lower() in _FUNCTION_WORDS]
            if c.kind in ("organization", "group") and c.rule in ("ner", "dictionary", "agent") and len(c.name.split()) >= 2 \
                    and words and words[0].lower() != "the" or (words and len(words) >= 3):
                text = sd[c.start:c.end].text.split()
                for skip in (True, False):
                    for ws in (c.name.split(), text):
                        ini = _initials(ws, skip)
                        if len(ini) >= 2:
                            orgs.setdefault(ini, root)
    if not orgs:
        return
    from .stage import Candidate

    for t in sd:
        if t.text not in orgs or t.i in covered or not (t.is_upper and t.is_alpha and 2 <= len(t) <= 6):
            continue
        c = Candidate(start=t.i, end=t.i + 1, head=t.i, kind="organization", sent=sent_of.get(t.i, -1), name=t.text,
                      rule="acronym")
        root = orgs[t.text]
        _attach(cands, groups, uf, c, root)
        # "AFP spokesmen": the phrase around the acronym belongs to that organisation
        owner = next((cands[i].code for i in groups[root] if cands[i].code), None)
        for c2 in cands:
            if c2.start <= t.i < c2.end and c2.head != t.i and c2.agents and c2.kind in ("person", "group") \
                    and owner and (not c2.code or c2.code.startswith("---") or (c2.reason or "").startswith("story")):
                if c2.agents[-1].name.split()[-1].lower() in GENERIC_TITLES:
                    c2.code = owner
                else:
                    c2.code = compose(owner, [(a.code, a.prefix) for a in c2.agents])
                c2.reason = f"of {cands[root].name!r} ({t.text}); " + (c2.reason or "")


def _possessive_pronoun_owners(cands, groups, links):
    """"its troops", "his government": a body with no country takes its owner's country."""
    at = {cands[i].start: i for i in links}
    code_of = {}
    for root, members in groups.items():
        codes = [cands[i].code for i in members if cands[i].code and cands[i].kind not in ("pronoun", "alias", "appos")]
        code_of[root] = max(codes, key=len) if codes else None
    kind_of = {root: next((cands[i].kind for i in members if cands[i].kind not in ("pronoun", "alias", "appos")), None)
               for root, members in groups.items()}
    for c in cands:
        if c.start - 1 not in at or c.kind == "pronoun" or not c.agents:
            continue
        pi = at[c.start - 1]
        owner = code_of.get(links[pi])
        if not owner:
            continue
        target = c.actor if c.kind == "appos" and c.actor is not None else c
        weak = not target.code or target.code.startswith("---") or (target.reason or "").startswith("story country")
        if not weak:
            continue
        if kind_of.get(links[pi]) == "organization" and c.agents[-1].kind == "person":
            # "its leader", "its secretary general": the organisation's officer carries its code
            target.code = owner
        elif owner[:3].isalpha() and owner[:3] not in ("IGO", "NGO", "IMG"):
            target.code = owner[:3] + (target.code[3:] if target.code else "")
        else:
            continue
        target.reason = f"possessive {cands[pi].name!r} -> {owner}; " + (target.reason or "")


def _country_references(cands, uf):
    """"the country" joins the one country named in its sentence or the one before (if only one)."""
    for i, c in enumerate(cands):
        if c.kind != "country-ref":
            continue
        named: dict[str, int] = {}
        for j, cj in enumerate(cands):
            if cj.sent in (c.sent, c.sent - 1) and cj.start < c.start and cj.kind not in ("pronoun", "country-ref", "drop"):
                code = (cj.code or "")[:3]
                if code.isalpha() and len(code) == 3 and code not in ("IGO", "NGO", "IMG", "MNC"):
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
