"""Pronouns: their candidates, the actor each refers to, and the bodies they own.

he/she -> the latest person (subjects first, up to ``pronoun_sentences_person`` sentences
back, agreeing in gender); it/its -> the latest organisation or country; they/them ->
conjoined subjects together or the latest group.  Word lists and walk limits come from
:class:`~polybius.actors.knowledge.ActorKnowledge`.
"""
from __future__ import annotations

from .candidate import Candidate


def pronoun_candidates(sd, sent, si, kn) -> list[Candidate]:
    out = []
    for t in sd.toks[sent.start:sent.end]:
        low = t.lower_
        if _pair_reference(t, kn):
            c = Candidate(start=t.left_edge.i, end=t.i + 1, head=t.i, kind="pronoun", sent=si, rule="definite",
                          name=" ".join(x.text for x in sd.toks[t.left_edge.i:t.i + 1]))
            c.context_reasons.append("pair")
            out.append(c)
            continue
        if _definite_reference(t, kn):
            c = Candidate(start=t.i - 1, end=t.i + 1, head=t.i, kind="pronoun", sent=si, name=f"{t.nbor(-1).text} {t.text}",
                          rule="definite")
            c.context_reasons.append("body")
            out.append(c)
            continue
        if t.pos_ != "PRON" and t.tag_ not in ("PRP", "PRP$"):
            continue
        if low in kn.pronouns_person or low in kn.pronouns_thing or low in kn.pronouns_plural:
            if low in kn.pronouns_thing and (_expletive(t, kn) or t.dep_ not in ("nsubj", "nsubjpass", "poss")):
                continue  # object "it" is almost never an actor in news
            kind = "person" if low in kn.pronouns_person else ("thing" if low in kn.pronouns_thing else "plural")
            c = Candidate(start=t.i, end=t.i + 1, head=t.i, kind="pronoun", sent=si, name=t.text, rule="pronoun")
            c.context_reasons.append(kind)
            out.append(c)
    return out


def _pair_reference(t, kn) -> bool:
    """"The two neighbours have accused each other", "both countries": a plural noun of
    ``pair_references`` after "two"/"both" (and at most "the"), as subject or possessor."""
    if t.pos_ != "NOUN" or t.tag_ != "NNS" or t.lemma_.lower() not in kn.pair_references \
            or t.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return False
    kids = [c for c in t.children if c.i < t.i]
    words = [c.lower_ for c in kids]
    return (any(w in kn.pair_numbers for w in words) and all(w in kn.pair_numbers or w in kn.definite_articles for w in words)
            and len(kids) == len(list(t.lefts)) and t.left_edge.i + len(kids) == t.i)


def _definite_reference(t, kn) -> bool:
    """"The organization has told its staff ...", "the group's leader": "the" and a bare noun of
    ``definite_references`` as subject or possessor stand for the organisation named before."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in kn.definite_references or t.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return False
    kids = [c for c in t.children if c.dep_ != "case"]
    return (t.i > t.sent.start and len(kids) == 1 and kids[0].i == t.i - 1 and kids[0].lower_ in kn.definite_articles
            and t.tag_ == "NN")


def _expletive(t, kn) -> bool:
    if t.dep_ == "expl":
        return True
    if t.lower_ not in kn.expletive_pronouns:
        return False  # "its" is never expletive
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    if nxt is not None and nxt.pos_ == "ADJ":
        return True
    h = t.head
    if h.lemma_ in kn.expletive_verbs:
        return True
    return h.lemma_ in kn.copulas and any(c.dep_ in ("acomp", "attr") for c in h.children) and any(
        c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") for c in h.children)


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


class _Antecedents:
    """The non-pronoun mentions of a document, seen from its pronouns (made per document)."""

    def __init__(self, cands, uf, sd, gender_words, kn):
        self.cands, self.uf, self.sd, self.kn = cands, uf, sd, kn
        self.gender_words = gender_words
        self.gender = _genders(cands, uf, sd, gender_words)
        # an outlet named as a source of information ("..., Hengaw told AFP. It said") is nobody's antecedent
        self.mentions = [(i, c) for i, c in enumerate(cands) if c.kind not in ("pronoun", "drop") and not c.outlet]
        self.kinds = {}
        for i, c in self.mentions:
            if c.kind not in ("alias", "appos"):
                self.kinds.setdefault(uf.find(i), c.kind)
        self.linked: list = []  # (pronoun candidate, root) in text order, as they are resolved
        self.covered = set()
        for _, cj in self.mentions:
            self.covered.update(range(cj.start, cj.end))
        # sentences that contain words (a stray closing quote mark is not a sentence for recency)
        self.by_rank = [si for si, sent in enumerate(sd.sents) if any(t.is_alpha for t in sent)]
        self.rank = {si: r for r, si in enumerate(self.by_rank)}

    def conjoined_subjects(self, c) -> list[int] | None:
        """"Shell and BP said they ...": conjoined subjects are the antecedent together (roots)."""
        sd, uf, mentions = self.sd, self.uf, self.mentions
        heads = {cj.head: j for j, cj in mentions if cj.sent in (c.sent, c.sent - 1) and cj.start < c.start}
        for j, cj in sorted(((j, cj) for j, cj in mentions if cj.sent in (c.sent, c.sent - 1)
                             and cj.start < c.start and sd[cj.head].dep_ in ("nsubj", "nsubjpass")),
                            key=lambda x: -x[1].start):
            conj = [heads[t.i] for t in sd[cj.head].conjuncts if t.i in heads]
            if conj:
                return [uf.find(j)] + [uf.find(x) for x in conj]
        return None

    def last_two_countries(self, c) -> list[int] | None:
        """The actors of the two countries named last before ``c`` (walking back sentence by
        sentence): "the two neighbours" after "Indian and Chinese troops clashed"."""
        r0 = self.rank.get(c.sent)
        found: dict[str, int] = {}
        for back in range(0, self.kn.limits.pronoun_sentences_other):
            if r0 is None or r0 - back < 0:
                break
            sent = self.by_rank[r0 - back]
            for j, cj in sorted(((j, cj) for j, cj in self.mentions if cj.sent == sent and cj.start < c.start),
                                key=lambda x: -x[1].start):
                country = (cj.code or "")[:3]
                if country.isalpha() and country.isupper() and country not in self.kn.non_state_codes:
                    found.setdefault(country, self.uf.find(j))
            if len(found) >= 2:
                return list(found.values())[:2] if len(found) == 2 else None
        return None

    def fits(self, want, pron_gender, root, cj) -> bool:
        k = self.kinds.get(root)
        if want == "person":
            return k == "person" and self.gender.get(root, pron_gender) == pron_gender
        if want in ("thing", "body"):  # "the group" stands for an organisation, never a country
            return k in ("organization", "country")[:1 if want == "body" else 2] and not cj.plural
        return k == "group" or (k == "organization" and cj.plural)

    def nearest(self, c, want, pron_gender):
        """The latest fitting mention, subjects first, walking back sentence by sentence: ``(root,
        mention)`` or None.  A pronoun already linked is a mention of its actor ("he wrote, adding
        that he would visit the border with X. '...,' he warned": the writer, not X)."""
        sd, tok, limits = self.sd, self.sd[c.head], self.kn.limits
        r0 = self.rank.get(c.sent)
        walk = limits.pronoun_sentences_person if want == "person" else limits.pronoun_sentences_other
        for back in range(0, walk):
            if r0 is None or r0 - back < 0:
                return None
            sent = self.by_rank[r0 - back]
            pool = [(self.uf.find(j), cj) for j, cj in self.mentions if cj.sent == sent and cj.start < c.start]
            pool += [(root, cj) for cj, root in self.linked if cj.sent == sent and cj.start < c.start]
            pool = sorted((x for x in pool if self.fits(want, pron_gender, *x)), key=lambda x: x[1].start)
            if not pool:
                continue
            subj = [(r, cj) for r, cj in pool if _is_subject(sd, cj)]
            best = (subj or pool)[-1]
            titled = tok.dep_ == "poss" and any(cj.start == c.end and cj.agents for _, cj in self.mentions)
            if want == "thing" and not titled and _noun_between(sd, best[1].end, c.start, self.covered):
                return None  # "Russia rejected a plan, saying it ignored ...": 'it' is the plan
                # (but "its secretary general" has an actor for owner: plans have no officers)
            return best
        return None


def resolve_pronouns(cands, uf, sd, gender_words, kn):
    """Link each pronoun candidate to an actor cluster: ``({cand index: root}, {cand index: [more roots]})``
    (the second for split antecedents: "Shell and BP said they ...").  He/she skip people of the other
    gender (known from honorifics, gendered titles and pronouns already linked), and are left
    unlinked when a noun bringing in another person of that gender ("my brother") comes between."""
    ante = _Antecedents(cands, uf, sd, gender_words, kn)
    links = {}
    extra: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        if c.kind != "pronoun":
            continue
        want = c.context_reasons[0]
        tok = sd[c.head]
        if want == "plural":
            roots = ante.conjoined_subjects(c)
            if roots is not None:
                links[i] = roots[0]
                extra[i] = [r for r in roots[1:] if r != roots[0]]
                continue
            if _ambiguous_plural(tok):
                continue
        if want == "pair":
            roots = ante.last_two_countries(c)
            if roots:
                links[i], extra[i] = roots[0], roots[1:]
            continue
        pron_gender = kn.pronoun_gender(tok.lower_) if want == "person" else None
        best = ante.nearest(c, want, pron_gender)
        if best is not None and pron_gender and _relative_between(sd, best[1].end, c.start, ante.covered,
                                                                   gender_words, pron_gender + "-relative"):
            best = None  # "Santos, whose brother died ... 'My brother bought a ticket. He ...'"
        if best is not None:
            links[i] = best[0]
            ante.linked.append((c, best[0]))
            if pron_gender:
                ante.gender.setdefault(links[i], pron_gender)
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


def possessive_pronoun_owners(cands, groups, links, kn) -> None:
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
        elif owner[:3].isalpha() and owner[:3] not in kn.non_state_codes:
            target.code = owner[:3] + (target.code[3:] if target.code else "")
        else:
            continue
        target.reason = f"possessive {cands[pi].name!r} -> {owner}; " + (target.reason or "")
