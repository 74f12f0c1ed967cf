"""The actors stage: find, code and join every political actor of a document.

1. **Dictionary hits** — the precompiled phrase tables find actor names (countries, their
   adjectives and capitals, organisations, PETRARCH actor entries), agents (titles and role
   nouns) and ethnic/religious groups in the document's tokens.
2. **Noun phrases** — each sentence is cut into nominal segments (proper nouns, nouns,
   adjectives, determiners, dictionary phrases, possessives); a segment whose head is a
   person, organisation, country, group or agent noun becomes an actor *candidate*;
   possessors ("Iraq's"), premodifiers ("Iranian General"), ``of``/``in`` phrases
   ("president of the CFR") and appositions (", a US nonprofit think tank,") are its context.
   Conjoined modifiers ("Sunni and Kurdish lawmakers") give one candidate each.
3. **Codes** — :mod:`polybius.actors.codes` composes the CAMEO code from the candidate's base
   (country/organisation/dictionary entry, dated role on the publication date) and agents.
4. **Coreference** — :mod:`polybius.actors.coref` joins candidates into actors: same name,
   surname alone, title alone, acronyms, pronouns.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from ..dictionaries import ActorEntry, AgentEntry, GroupEntry, Lexicon, kind_of_noun, norm

# Tokens that can be part of a nominal segment.
_NOMINAL_POS = {"PROPN", "NOUN", "ADJ", "NUM", "DET"}
_BREAK_TEXT = {",", ";", ":", "(", ")", "\"", "\u201c", "\u201d", "[", "]", "--", "\u2014", "\u2013"}
_POSS_TAGS = {"POS"}
_CC = {"and", "or", "&"}
_LINK_PREPS = {"of", "in", "from", "at", "for"}
_NAME_PARTICLES = {"the", "al", "el", "ad", "ash", "as", "an", "bin", "ibn", "de", "del", "da", "van", "von", "le", "la"}
_PRONOUNS_PERSON = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_PRONOUNS_THING = {"it", "its", "itself"}
_PRONOUNS_PLURAL = {"they", "them", "their", "theirs", "themselves"}


@dataclass
class Candidate:
    start: int  # token range of the mention [start, end)
    end: int
    head: int
    kind: str  # person | organization | country | group | pronoun
    sent: int  # sentence index (spaCy sents)
    name: str = ""
    entry: ActorEntry | None = None  # dictionary actor that is the head
    base: str | None = None  # code base (country or full dictionary code)
    base_reason: str | None = None
    roles: list = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    groups: list[GroupEntry] = field(default_factory=list)
    former: bool = False
    title_keys: set = field(default_factory=set)
    plural: bool = False
    rule: str = "np"
    part: tuple[int, int] | None = None  # the conjunct's own tokens (compound groups)
    name_tokens: list[str] = field(default_factory=list)  # PERSON/ORG words (for coreference)
    context_reasons: list[str] = field(default_factory=list)
    code: str | None = None
    reason: str | None = None
    org_link: "Candidate | None" = None  # "president of <org>"
    aliases: list = field(default_factory=list)  # "(CFR)" after the name
    sentence_dep: str | None = None  # dependency of the head (subjects give context to their sentence)
    actor: object = None  # the Actor this candidate joined


class ActorTagger:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        mods = lexicon.modifiers
        self.former_words = {w for w, e in mods.items() if "former" in e}
        self.keep_words = {w for w, e in mods.items() if e & {"keep", "former"}}
        self.generic_words = {w for w, e in mods.items() if "generic" in e}
        self.collective_words = {w for w, e in mods.items() if "collective" in e}
        # a nationality used as a noun ("the Iraqis") names the country's people: civilians
        self.demonym_words = {key[0] for key, payloads in lexicon.actors.exact.items()
                              if len(key) == 1 and any(getattr(p, "kind", None) == "country"
                                                       and getattr(p, "via", None) == "demonym" for p in payloads)}
        self.people_agent = AgentEntry(name="people of a country", code="CVL", source="demonym used as a noun",
                                       kind="group", key="people")

    # ------------------------------------------------------------------ hits
    def hits(self, sd):
        texts = [t.text for t in sd]
        low = [norm(x) for x in texts]
        orig = [x.translate(_APOS_TABLE) for x in texts]
        lem = [norm(t.lemma_) for t in sd]
        ents = [t.ent_type_ for t in sd]

        # acronyms the article defines itself ("the Rapid Support Forces (RSF)") are not looked up
        defined = {texts[k] for k in range(1, len(texts) - 1)
                   if texts[k - 1] == "(" and texts[k + 1] == ")" and texts[k].isupper() and k >= 2
                   and texts[k - 2][:1].isupper()}

        def cap_ok(i, j, payloads):
            t = sd[i]
            if j == i + 1 and texts[i] in defined:
                return False
            if low[i] in _NAME_PARTICLES and j > i + 1:
                # "THE_SHIRE", "al-Qaeda", "bin Laden": the word after the article or particle is what
                # must be capitalised
                t = sd[i + 2] if sd[i + 1].text in ("-", "\u2013") and j > i + 2 else sd[i + 1]
            if not (t.text[:1].isupper() or t.text[:1].isdigit()):
                return False
            e = payloads[-1]
            if e.kind == "country" and e.via in ("name", "capital", "region") and i > 0:
                prev = sd[i - 1]
                if prev.pos_ == "PROPN" and prev.dep_ == "compound" and i <= prev.head.i < j and prev.text[:1].isupper() \
                        and low[i - 1] not in self.lex.actors.first and low[i - 1] not in self.lex.agents.first:
                    return False  # "Ana Lima": a name that ends in a place name
            if e.kind == "country" and any(ents[k] == "PERSON" for k in range(i, j)) and not (
                    e.via == "demonym" and self._demonym_entity(sd, i, low, ents)):
                # "Michael Jordan": a person's name that contains a country name
                if (i > 0 and ents[i - 1] == "PERSON" and sd[i].ent_iob_ == "I") or (
                        j < len(sd) and ents[j] == "PERSON" and sd[j].ent_iob_ == "I"):
                    return False
            name = getattr(e, "name", "") or ""
            if j - i > 1 and " " in name and ".tsv:" in (getattr(e, "source", "") or ""):
                # a name of our tables keeps its capitals: "an Islamic state" is not "Islamic State"
                # (PETRARCH files write names in capitals, so their case says nothing)
                nw = name.split()
                words = texts[i:j]
                if len(nw) == len(words) and all(a.lower() == b.lower() for a, b in zip(nw, words)) and any(
                        a[:1].isupper() and not b[:1].isupper() for a, b in zip(nw, words)):
                    return False
            return True

        def gap_ok(i, j, skipped):
            # "Ithilen state-run television": only modifiers of a word of the phrase come between
            for k in skipped:
                t = sd[k]
                if t.pos_ not in _GAP_POS or (t.pos_ == "PUNCT" and t.tag_ != "HYPH") or t.tag_ in _FINITE \
                        or not (i <= t.head.i < j) or t.head.i == k or t.ent_type_ in _NAME_ENTS:
                    return False
            return True

        find = _finder(sd, texts, low, orig, lem)
        actor_hits = find(self.lex.actors, cap_ok, gap_ok)
        in_actor = [None] * len(sd)
        for h in actor_hits:
            for k in range(h[0], h[1]):
                in_actor[k] = h

        def agent_ok(i, j, payloads):
            if any(in_actor[k] is not None and in_actor[k][2][-1].kind != "country" for k in range(i, j)):
                return False
            last = sd[j - 1]
            if last.pos_ in ("NOUN", "PROPN"):
                return True
            if last.pos_ in ("ADJ", "VERB") and j < len(sd) and sd[j].pos_ in ("NOUN", "PROPN"):
                return True
            if j - i > 1 and any(sd[k].pos_ in ("NOUN", "PROPN") for k in range(i, j)):
                return True  # "secretary-general" with "general" tagged as an adjective
            return False

        agent_hits = find(self.lex.agents, agent_ok, gap_ok)
        group_hits = find(self.lex.groups, lambda i, j, p: sd[i].text[:1].isupper(), None)
        in_agent = [None] * len(sd)
        for h in agent_hits:
            for k in range(h[0], h[1]):
                if in_actor[k] is None:
                    in_agent[k] = h
        in_group = [None] * len(sd)
        for h in group_hits:
            for k in range(h[0], h[1]):
                if in_actor[k] is None:
                    in_group[k] = h
        return in_actor, in_agent, in_group, low

    def _demonym_entity(self, sd, i, low, ents) -> bool:
        """The PERSON entity around token ``i`` is made of nationality words only ("Bosnian Serbs")."""
        s = i
        while s > 0 and ents[s - 1] == "PERSON" and sd[s].ent_iob_ == "I":
            s -= 1
        e = i + 1
        while e < len(sd) and ents[e] == "PERSON" and sd[e].ent_iob_ == "I":
            e += 1
        return all(low[k] in self.demonym_words for k in range(s, e))

    # ------------------------------------------------------------ segments
    def segments(self, sent, in_actor, in_agent, in_group, doc=None):
        """Nominal segments of a sentence: ``[(start, end, poss)]`` token ranges; ``poss`` is
        True when the segment ends in a possessive marker (its owner is the next segment)."""
        segs = []
        start = None
        i = sent.start
        end = sent.end
        doc = doc if doc is not None else sent.doc

        def close(j, poss=False):
            nonlocal start
            if start is not None and j > start:
                segs.append((start, j, poss))
            start = None

        while i < end:
            t = doc[i]
            hit = in_actor[i] or in_agent[i] or in_group[i]
            if hit is not None and hit[0] == i:
                if start is None:
                    start = i
                i = hit[1]
                continue
            if hit is not None:
                i += 1
                continue
            if t.tag_ in _POSS_TAGS or t.text in ("'s", "\u2019s") or (t.text in ("'", "\u2019") and t.dep_ == "case"):
                close(i, poss=True)
                i += 1
                continue
            if t.ent_type_ in ("DATE", "TIME") or t.lower_ in ("today", "yesterday", "tonight", "tomorrow"):
                close(i)
                i += 1
                continue
            if self._nominal(t) or (start is not None and t.ent_type_ in ("ORG", "PERSON", "FAC", "WORK_OF_ART")
                                    and t.ent_iob_ == "I" and t.text not in _BREAK_TEXT
                                    and not self._between_actors(doc, i, in_actor)):
                if start is None:
                    start = i
                i += 1
                continue
            if t.lower_ in _CC and start is not None and self._modifier_conj(doc, i, start):
                i += 1
                continue
            if (t.tag_ == "HYPH" or (t.text in ("-", "\u2013", "/") and not t.whitespace_ and not doc[i - 1].whitespace_)) \
                    and start is not None and i + 1 < end and (doc[i + 1].pos_ in ("PROPN", "NOUN", "ADJ") or (
                        doc[i + 1].tag_ in ("VBN", "VBG") and i + 2 < end and doc[i + 2].pos_ in ("NOUN", "PROPN"))):
                if doc[i + 1].tag_ in ("VBN", "VBG"):  # "Vietnamese-led forces"
                    i += 2
                    continue
                i += 1
                continue
            close(i)
            i += 1
        close(end)
        # a plural role noun followed by more words is a clause mis-tagged as a noun phrase
        # ("Protesters storm parliament" in a headline): cut after the plural noun
        cut = []
        for s, e, poss in segs:
            k = s
            while k < e:
                h = in_agent[k]
                if h is not None and h[0] == k and h[1] < e and doc[h[1] - 1].tag_ == "NNS" \
                        and doc[h[1]].pos_ in ("NOUN", "VERB") and in_agent[h[1]] is None and in_actor[h[1]] is None:
                    cut.append((s, h[1], False))
                    s = h[1]
                    while s < e - 1 and in_agent[s] is None and in_actor[s] is None and doc[s].pos_ in ("NOUN", "VERB"):
                        s += 1  # the mis-tagged verb ("storm")
                    k = s
                    continue
                k += 1
            cut.append((s, e, poss))
        segs = cut
        # trim leading/trailing tokens that cannot head or start a phrase
        out = []
        for s, e, poss in segs:
            while s < e - 1 and doc[s].lower_ in ("least", "most", "than", "more", "fewer", "some", "over", "nearly"):
                s += 1
            while e > s and doc[e - 1].pos_ in ("DET", "ADJ", "NUM") and not (
                    in_actor[e - 1] or in_group[e - 1] or in_agent[e - 1] or doc[e - 1].ent_type_ in ("NORP", "PERSON", "ORG", "GPE")):
                e -= 1
            if e > s:
                out.append((s, e, poss))
        return out

    def _nominal(self, t) -> bool:
        if t.pos_ in _NOMINAL_POS and t.tag_ not in ("WDT", "PDT") and t.lower_ not in ("which", "that", "what", "whose"):
            if t.pos_ == "DET" and t.lower_ not in ("the", "a", "an", "both", "many", "some", "several", "all",
                                                   "these", "those", "this", "two", "each", "any", "most"):
                return False
            return True
        if t.lower_ in self.keep_words:
            return True
        if t.tag_ in ("VBG", "VBN") and t.dep_ in ("amod", "compound"):
            return True
        return False

    @staticmethod
    def _between_actors(doc, i, in_actor) -> bool:
        """``Gondor of the Prince of Dol Amroth`` tagged as one entity: a word between two
        dictionary actors ("of", "the") does not join them into one phrase."""
        prev = in_actor[i - 1] if i > 0 else None
        if prev is None or prev[1] != i:
            return False
        for k in (i + 1, i + 2):
            if k < len(in_actor) and in_actor[k] is not None:
                return in_actor[k][0] == k
            if k < len(doc) and doc[k].pos_ != "DET":
                return False
        return False

    def _modifier_conj(self, doc, i, start) -> bool:
        """``Sunni and Kurdish lawmakers``: a conjunction between premodifiers of one head."""
        prev = doc[i - 1]
        if i + 1 >= len(doc):
            return False
        nxt = doc[i + 1]
        if prev.dep_ not in ("amod", "compound", "nmod") or prev.head.i <= i:
            return False
        return nxt.pos_ in ("ADJ", "PROPN", "NOUN") and nxt.dep_ in ("conj", "amod", "compound", "nmod")


_APOS_TABLE = str.maketrans({"\u2019": "'", "\u2018": "'"})


class CachedDoc:
    """A spaCy ``Doc`` whose tokens are made once: ``doc[i]`` on a plain Doc builds a new
    Token object each time, which dominated this stage's cost."""

    def __init__(self, doc):
        self.doc = doc
        self.toks = list(doc)
        self.sents = list(doc.sents)
        self.text = doc.text

    def __len__(self):
        return len(self.toks)

    def __iter__(self):
        return iter(self.toks)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.doc[i]
        return self.toks[i]


_GAP_POS = {"ADJ", "ADV", "VERB", "NOUN", "PUNCT", "NUM"}
_NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}  # a name never comes between a phrase's words
_JOINED = re.compile(r"(?<=[^\W_])_(?=[^\W_])")


def _finder(sd, texts, low, orig, lem):
    """``find(table, accept, gap_ok)``: the table's matches as token ranges of ``sd``.

    A token written with underscores ("Dol_Amroth", as in PETRARCH's test texts and some data
    dumps) is looked up as its words; a match must begin and end on whole tokens."""
    if not any("_" in x and _JOINED.search(x) for x in texts):
        return lambda table, accept, gap_ok: table.find_all(low, orig, lem, accept=accept, gap_ok=gap_ok)
    vlow, vorig, vlem, vmap = [], [], [], []
    starts, ends = set(), set()
    for k, x in enumerate(texts):
        starts.add(len(vlow))
        parts = _JOINED.split(x) if "_" in x else [x]
        if len(parts) == 1:
            vlow.append(low[k])
            vorig.append(orig[k])
            vlem.append(lem[k])
            vmap.append(k)
        else:
            for p in parts:
                vlow.append(norm(p))
                vorig.append(p.translate(_APOS_TABLE))
                vlem.append(norm(p))
                vmap.append(k)
        ends.add(len(vlow))

    def real(i, j):
        return (vmap[i], vmap[j - 1] + 1) if i in starts and j in ends else None

    def find(table, accept, gap_ok):
        def acc(i, j, payloads):
            r = real(i, j)
            return r is not None and (accept is None or accept(r[0], r[1], payloads))

        def gok(i, j, skipped):
            r = real(i, j)
            return r is not None and gap_ok(r[0], r[1], sorted({vmap[k] for k in skipped}))

        return [(vmap[i], vmap[j - 1] + 1, p, how)
                for i, j, p, how in table.find_all(vlow, vorig, vlem, accept=acc, gap_ok=gok if gap_ok else None)]

    return find


def _people_noun(lemma: str) -> bool:
    """A noun of persons by its English ending ("leader", "farmer", "activist")."""
    return kind_of_noun(lemma.lower()) == "person"


def _bare(code: str | None) -> bool:
    """A country-level code with no sector: ``ITH``, ``USA``."""
    return bool(code) and len(code) == 3 and code.isalpha()


def role_code(entry: ActorEntry, day: _dt.date | None):
    r = entry.role_on(day)
    return r.code if r else None


# ---------------------------------------------------------------------------- candidates
_FINITE = {"VBD", "VBZ", "VBP", "MD"}


class CandidateBuilder:
    """Turns the nominal segments of a parsed document into actor candidates."""

    def __init__(self, tagger: ActorTagger):
        self.t = tagger
        self.lex = tagger.lex

    def build(self, sd, day: _dt.date | None) -> list[Candidate]:
        in_actor, in_agent, in_group, low = self.t.hits(sd)
        self.in_actor, self.in_agent, self.in_group = in_actor, in_agent, in_group
        self.day = day
        out: list[Candidate] = []
        for si, sent in enumerate(sd.sents):
            segs = self.t.segments(sent, in_actor, in_agent, in_group, doc=sd)
            seg_cands: list[list[Candidate]] = []
            for s, e, poss in segs:
                seg_cands.append(self.segment_candidates(sd, s, e, si))
            self.link_possessives(sd, segs, seg_cands)
            self.link_preps(sd, segs, seg_cands)
            self.link_appositions(sd, sent, segs, seg_cands)
            for cs in seg_cands:
                for c in cs:
                    c.sentence_dep = sd[c.head].dep_
                out.extend(c for c in cs if c.kind != "drop")
            out.extend(self.pronouns(sd, sent, si))
        # a one-word "name" that the article also writes in lower case is a common noun the NER
        # capitalised at a sentence start ("Fares rose ..." beside "bus fares")
        lower_words = {t.text for t in sd if t.text.islower()}
        out = [c for c in out if not (c.rule in ("ner", "propn") and c.kind in ("person", "organization")
                                      and c.end - c.start == 1 and sd[c.start].text.lower() in lower_words
                                      and all(sd[k].is_punct for k in range(sd[c.start].sent.start, c.start)))]
        out.sort(key=lambda c: (c.start, c.end))
        return out

    # -- one segment ---------------------------------------------------------------
    def segment_candidates(self, sd, s, e, si) -> list[Candidate]:
        h = e - 1
        tok = sd[h]
        a_hit, g_hit, ag_hit = self.in_actor[h], self.in_group[h], self.in_agent[h]
        actor_hits = _unique(self.in_actor[k] for k in range(s, e))
        agent_hits = _unique(self.in_agent[k] for k in range(s, e))
        group_hits = _unique(self.in_group[k] for k in range(s, e))
        former = any(sd[k].lower_ in self.t.former_words or sd[k].lower_.startswith("ex-") for k in range(s, e)) \
            and any(self.in_agent[k] is not None and self.in_agent[k][2][-1].code for k in range(s, e))
        ent = tok.ent_type_
        c = Candidate(start=s, end=e, head=h, kind="", sent=si, former=former)
        c.plural = tok.tag_ in ("NNS", "NNPS")
        person_span = _ent_span(sd, h, "PERSON", s)
        if person_span is None and ag_hit is None and a_hit is None and ent == "ORG" and tok.pos_ == "PROPN":
            # "German Chancellor Olaf Scholz" tagged ORG: a person title before a proper name
            span = _ent_span(sd, h, "ORG", s)
            if span and any(hh[2][-1].kind in ("person", "group") and hh[1] <= span[0] for hh in agent_hits):
                person_span = span
        if person_span is not None and a_hit is not None and a_hit[2][-1].kind == "country" \
                and a_hit[0] <= person_span[0] and person_span[1] <= a_hit[1]:
            person_span = None  # "Sri Lanka" tagged PERSON: the dictionary knows better
        if person_span is not None and a_hit is not None and all(
                self.in_actor[k] is not None and self.in_actor[k][2][-1].kind == "country"
                and self.in_actor[k][2][-1].via == "demonym" for k in range(*person_span)):
            person_span = None  # "Bosnian Serbs" tagged PERSON: nationality words, not a name
        if person_span is not None and ag_hit is None:
            c.kind = "person"
            c.name_tokens = [sd[k].text for k in range(*person_span) if sd[k].tag_ != "HYPH"]
            c.name = sd[person_span[0]:person_span[1]].text
            c.rule = "ner"
            if a_hit is not None and a_hit[2][-1].kind != "country":
                self._from_entry(c, a_hit[2][-1])
                if a_hit[2][-1].kind == "person":
                    c.name = _display(sd, a_hit[0], a_hit[1], a_hit[2][-1]) if len(c.name_tokens) < a_hit[1] - a_hit[0] else c.name
                actor_hits = [x for x in actor_hits if x is not a_hit]
                c.rule = "dictionary"
            self._context(c, sd, actor_hits, agent_hits, group_hits, exclude=person_span)
            before = [hh[2][-1] for hh in agent_hits if hh[1] <= person_span[0]]
            if before and all(a.kind == "organization" for a in before) and c.entry is None:
                # "the opposition coalition Azimio", "the rights group Hengaw": a body's name
                c.kind, c.name_tokens, c.title_keys = "organization", [], set()
            return self._split_conj(sd, s, c, actor_hits, group_hits)
        if a_hit is not None:
            entry = a_hit[2][-1]
            c.name = _display(sd, a_hit[0], a_hit[1], entry)
            c.rule = "dictionary"
            if entry.kind == "country" and entry.via == "demonym":
                c.kind = "group"
                c.plural = True
                c.name = sd[a_hit[0]:a_hit[1]].text
                if a_hit[0] > s and sd[a_hit[0] - 1].lower_ == "ethnic":
                    # "ethnic Albanians (in Serbia)": an ethnicity; the country comes from context
                    c.base_reason = f"ethnic {c.name!r}: country from context"
                elif any(x is not a_hit and x[2][-1].kind == "country" and x[1] <= a_hit[0] for x in actor_hits):
                    # "Bosnian Serbs", "Kosovo Albanians": the first names the country, the second the people
                    c.base_reason = f"{c.name!r} as an ethnicity"
                else:
                    c.base, c.base_reason = role_code(entry, self.day), f"demonym {c.name!r} ({entry.source})"
                if not (a_hit[0] > s and sd[a_hit[0] - 1].lower_ == "the" and c.base):
                    # "Iraqis", "many Iraqis": the people; "the Iraqis" (talks with the Iraqis): the nation
                    c.agents.append(self.t.people_agent)
            else:
                self._from_entry(c, entry)
                if c.kind is None or c.kind == "":
                    c.kind = _kind_from_context(ent, c.base)
                if c.kind == "person":
                    c.name_tokens = [sd[k].text for k in range(a_hit[0], a_hit[1]) if sd[k].tag_ != "HYPH"]
            if entry.kind == "country" and entry.via == "capital" and c.kind == "country" and not agent_hits \
                    and not tok.is_upper \
                    and (tok.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "appos", "agent") and tok.head.pos_ in ("VERB", "AUX", "NOUN")
                         or tok.dep_ == "pobj" and tok.head.lower_ == "by"):  # "an admission by Moscow"
                # "Washington warned ...": a capital acting is its government (CAMEO convention)
                c.base = c.base + "GOV" if c.base and len(c.base) == 3 else c.base
                c.kind = "organization"
                c.base_reason = (c.base_reason or "") + "; a capital as actor is the government"
            if c.kind == "country" and not agent_hits and not group_hits:
                c.start = a_hit[0] - 1 if a_hit[0] > s and sd[a_hit[0] - 1].lower_ == "the" else a_hit[0]
            others = [x for x in actor_hits if x is not a_hit]
            self._context(c, sd, others, agent_hits, group_hits)
            if entry.kind == "country" and c.kind == "country" and a_hit[0] > s \
                    and any(x[1] < a_hit[0] and sd[x[1]].lower_ in ("of", "for") for x in agent_hits):
                # "The Armed Forces of the Philippines" (one named entity): a body of the country
                body = [x[2][-1] for x in agent_hits if x[1] < a_hit[0]][-1]
                c.kind = "group" if body.kind == "group" else "organization"
                c.name = sd[s:e].text
                c.rule = "agent"
            return self._split_conj(sd, s, c, actor_hits, group_hits)
        if ag_hit is not None:
            agent = ag_hit[2][-1]
            extra = self._person_modifiers(sd, s, ag_hit[0], si)  # "Castillo supporters", "the Trump administration"
            if extra:
                c.context_reasons.append("person modifier")
            c.kind = agent.kind or "organization"
            if c.plural and c.kind in ("person", "organization") and agent.kind != "organization" or (
                    c.plural and c.kind == "organization" and tok.lemma_.lower() != tok.lower_):
                c.kind = "group"
            c.rule = "agent"
            c.name = sd[s:e].text
            self._context(c, sd, actor_hits, agent_hits, group_hits)
            return self._split_conj(sd, s, c, actor_hits, group_hits) + extra
        if g_hit is not None:
            c.kind = "group"
            c.rule = "group"
            c.name = sd[s:e].text
            self._context(c, sd, actor_hits, agent_hits, group_hits)
            if tok.tag_ == "NNPS" or tok.tag_ == "NNS" or (tok.text.endswith("s") and tok.lemma_ != tok.text):
                # "Iraqi Kurds", "Shiites": the people of that group, as a demonym used as a noun
                c.agents.append(self.t.people_agent)
            return self._split_conj(sd, s, c, actor_hits, group_hits)
        if ent in ("ORG", "GPE", "NORP") and tok.pos_ in ("PROPN", "NOUN", "ADJ"):
            span = _ent_span(sd, h, ent, s)
            c.kind = {"ORG": "organization", "GPE": "country", "NORP": "group"}[ent]
            if ent == "GPE" and span[0] > s and sd[span[0] - 1].pos_ == "PROPN" and not sd[span[0] - 1].ent_type_ \
                    and sd[span[0] - 1].dep_ == "compound" and self.in_actor[span[0] - 1] is None:
                # "Ana Lima": a first name before a place name is a person
                span = (span[0] - 1, span[1])
                c.kind = "person"
            c.name = _strip_det(sd[span[0]:span[1]].text)
            c.name_tokens = [sd[k].text for k in range(*span) if sd[k].pos_ == "PROPN" or sd[k].text[:1].isupper()]
            c.rule = "ner"
            self._context(c, sd, actor_hits, agent_hits, group_hits)
            if c.kind in ("country", "group") and any(a.kind in ("organization", "group") for a in c.agents):
                c.kind = "organization"  # "the rights group Hengaw"
            return [c]
        if e - s == 2 and sd[s].lower_ == "the" and tok.lemma_.lower() in ("country", "nation") and tok.tag_ == "NN":
            # "the country": a country named just before (resolved with the actors, or dropped)
            c.kind, c.rule, c.name = "country-ref", "definite", sd[s:e].text
            return [c]
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and ent not in ("GPE", "LOC", "DATE", "TIME") and any(
                hh[2][-1].kind in ("person", "group") for hh in agent_hits):
            # "suspected British militant Haroon Rashid Aswad": a title before an unknown name
            first = max(hh[1] for hh in agent_hits)
            k = first
            while k < h and not (sd[k].pos_ == "PROPN" and sd[k].text[:1].isupper() and self.in_actor[k] is None):
                k += 1
            c.kind, c.rule, c.name = "person", "title+name", sd[k:e].text
            c.name_tokens = [sd[x].text for x in range(k, e) if sd[x].tag_ != "HYPH"]
            self._context(c, sd, actor_hits, agent_hits, group_hits)
            return [c]
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not ent and (
                h > sd[h].sent.start or e - s > 1 or (tok.tag_ == "NNP" and not tok.is_sent_end
                                                      and sd[h + 1].pos_ in ("VERB", "AUX"))) and (
                tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass"))):
            # an unknown proper name acting as a subject ("Ethopia has agreed", "SPLM/A"): an actor with
            # no code, never dropped and never guessed
            c.kind, c.rule, c.name = "organization", "propn", _strip_det(sd[s:e].text)
            c.name_tokens = [sd[x].text for x in range(s, e) if sd[x].pos_ == "PROPN"]
            self._context(c, sd, actor_hits, agent_hits, group_hits)
            return [c]
        if tok.tag_ == "NNS" and tok.pos_ == "NOUN" and actor_hits and not agent_hits and _people_noun(tok.lemma_) \
                and all(x[1] <= h and x[2][-1].kind in ("country", None) and _bare(role_code(x[2][-1], self.day))
                        for x in actor_hits):
            # "Eriadori and Calenardhon leaders" with no dictionary entry for the noun: the people
            # of each country (a plural noun of persons), not country names modifying a thing
            c.kind, c.rule, c.name = "group", "group", sd[s:e].text
            self._context(c, sd, actor_hits, agent_hits, group_hits)
            return self._split_conj(sd, s, c, actor_hits, group_hits)
        # not an actor head: actors inside are modifiers ("US strikes", "the Soleimani killing");
        # a country and a body or role noun before the head are an actor of their own
        # ("Israeli army bulldozers" -> the Israeli army, "Albanian rebel-held territory")
        out = []
        for hit in reversed(agent_hits):
            if hit[1] <= h and any(a[1] <= hit[0] and a[2][-1].kind in ("country", None) for a in actor_hits) \
                    and sd[hit[1] - 1].pos_ in ("NOUN", "PROPN", "ADJ") and hit[2][-1].code:
                sub = [x for x in self.segment_candidates(sd, s, hit[1], si) if x.rule != "modifier"]
                if sub:
                    actor_hits = [a for a in actor_hits if a[0] >= hit[1]]
                    out.extend(sub)
                    break
        for hit in actor_hits:
            m = Candidate(start=hit[0], end=hit[1], head=hit[1] - 1, kind="", sent=si, rule="modifier")
            entry = hit[2][-1]
            self._from_entry(m, entry)
            m.name = _display(sd, hit[0], hit[1], entry)
            if m.kind == "person":
                m.name_tokens = [sd[k].text for k in range(hit[0], hit[1]) if sd[k].tag_ != "HYPH"]
            if not m.kind:
                m.kind = _kind_from_context(sd[hit[1] - 1].ent_type_, m.base)
            out.append(m)
        k = s
        while k < e:
            org = _ent_span(sd, k, "ORG", s) if self.in_actor[k] is None and self.in_agent[k] is None else None
            if org is not None and org[1] <= h and not any(self.in_actor[x] for x in range(*org)):
                m = Candidate(start=org[0], end=org[1], head=org[1] - 1, kind="organization", sent=si, rule="modifier")
                m.name = _strip_det(sd[org[0]:org[1]].text)
                out.append(m)  # "the UNITA militarist wing": the organisation inside
                k = org[1]
                continue
            span = _ent_span(sd, k, "PERSON", s)
            if span is not None and span[1] <= e and not any(self.in_actor[x] for x in range(*span)):
                out.append(_person_in_phrase(sd, span, si))
                k = span[1]
            else:
                k += 1
        return out

    def _person_modifiers(self, sd, s, e, si) -> list[Candidate]:
        """People named inside a phrase headed by something else: their own mentions."""
        out = []
        k = s
        while k < e:
            span = _ent_span(sd, k, "PERSON", s)
            hit = self.in_actor[k]
            if hit is not None and hit[0] == k and hit[1] <= e and hit[2][-1].kind == "person":
                m = Candidate(start=hit[0], end=hit[1], head=hit[1] - 1, kind="person", sent=si, rule="modifier")
                self._from_entry(m, hit[2][-1])
                m.name = hit[2][-1].name
                m.name_tokens = [sd[x].text for x in range(hit[0], hit[1]) if sd[x].tag_ != "HYPH"]
                out.append(m)
                k = hit[1]
            elif span is not None and span[1] <= e and not any(self.in_actor[x] for x in range(*span)):
                out.append(_person_in_phrase(sd, span, si))
                k = span[1]
            else:
                k += 1
        return out

    def _from_entry(self, c: Candidate, entry: ActorEntry):
        c.entry = entry
        c.roles = entry.roles
        c.base = role_code(entry, self.day)
        dated = "" if len(entry.roles) < 2 and not (entry.roles and entry.roles[0].dated) else f" (role on {self.day or 'undated'})"
        via = "" if entry.via == "name" else f" {entry.via}"
        c.base_reason = f"dictionary{via} entry {entry.name!r} ({entry.source}){dated}"
        if entry.kind:
            c.kind = entry.kind

    def _context(self, c: Candidate, sd, actor_hits, agent_hits, group_hits, exclude=None):
        """Premodifiers inside the segment: countries/organisations, agents, groups."""
        if c.base is None:
            for hit in actor_hits:
                if exclude and exclude[0] <= hit[0] < exclude[1]:
                    continue
                e = hit[2][-1]
                code = role_code(e, self.day)
                if code:
                    c.base = code
                    c.base_reason = f"premodifier {sd[hit[0]:hit[1]].text!r} ({e.source})"
                    break
        for hit in agent_hits:
            a = hit[2][-1]
            c.agents.append(a)
            if a.kind in ("person", None) and c.kind in ("person", "group"):
                c.title_keys.add(a.key)
        for hit in group_hits:
            c.groups.append(hit[2][-1])

    def _split_conj(self, sd, seg_start, c: Candidate, actor_hits, group_hits) -> list[Candidate]:
        """``Sunni and Kurdish lawmakers`` -> one candidate per conjoined modifier;
        ``Gondor and Arnor`` -> one country each."""
        cc = [k for k in range(seg_start, c.end) if sd[k].lower_ in _CC]
        if not cc:
            return [c]
        parts = []
        bounds = [seg_start] + [k + 1 for k in cc]
        ends = cc + [c.end]
        for b, e in zip(bounds, ends):
            acts = [h for h in actor_hits if b <= h[0] < e]
            grps = [h for h in group_hits if b <= h[0] < e]
            if acts or grps:
                parts.append((b, e, acts, grps))
        if len(parts) < 2:
            return [c]
        out = []
        for b, e, acts, grps in parts:
            p = Candidate(**{**c.__dict__, "agents": list(c.agents), "groups": [g[2][-1] for g in grps],
                             "title_keys": set(c.title_keys), "context_reasons": list(c.context_reasons)})
            if acts:
                ent = acts[0][2][-1]
                p.roles = ent.roles
                p.base = role_code(ent, self.day)
                p.base_reason = f"premodifier {sd[acts[0][0]:acts[0][1]].text!r} ({ent.source})"
            elif c.base and any(h for h in actor_hits if any(h[0] >= bb and h[0] < ee for bb, ee, _, _ in parts)):
                p.base, p.base_reason = None, None
            p.part = (b, e if e <= c.head else c.head)
            p.name = f"{sd[p.part[0]:p.part[1]].text} {sd[c.head].text}" if p.part[1] > p.part[0] else c.name
            if c.kind in ("country", "organization") and not c.agents and acts:
                # conjoined names, not modifiers of a shared head: each is its own actor
                hit = acts[-1]
                p.start, p.end, p.head, p.part = hit[0], hit[1], hit[1] - 1, None
                ent = hit[2][-1]
                self._from_entry(p, ent)
                p.name = _display(sd, hit[0], hit[1], ent)
                if not p.kind:
                    p.kind = _kind_from_context(sd[hit[1] - 1].ent_type_, p.base)
                p.rule = "dictionary"
                p.plural = False
                out.append(p)
                continue
            p.rule = "compound"
            p.plural = True
            if p.kind == "person":
                p.kind = "group"
            out.append(p)
        return out

    # -- links between segments ------------------------------------------------------
    def link_possessives(self, sd, segs, seg_cands):
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
            if not owners or not owned:
                continue
            owner = owners[0]
            # a PETRARCH entry whose kind the dictionary does not say, coded with a bare
            # country-level code ("ITHILEN [ITH]"), owns a title as a country does
            countryish = owner.kind == "country" or (
                owner.entry is not None and owner.entry.kind is None and _bare(owner.base))
            if (owner.kind in ("country", "organization") or owner.entry is not None) and owner.base:
                for c in owned:
                    if c.base is None and not (c.kind == "person" and c.entry is not None):
                        # a person's body takes the person's country, an organisation's its code
                        c.base = owner.base[:3] if owner.kind == "person" and not countryish else owner.base
                        c.base_reason = f"possessive {sd[s:e].text!r}"
                    elif countryish and c.agents and c.entry is not None and c.entry.kind is None \
                            and _bare(c.base) and c.base != owner.base:
                        # "Ithilen's minister Calimehtar" with the name coded only as another
                        # country: the possessor names whose minister he is
                        c.base = owner.base
                        c.base_reason = f"possessive {sd[s:e].text!r} (over the name's country-level entry)"
                    c.start = min(c.start, owner.start)
                if countryish and any(c.agents or c.kind in ("organization", "group") for c in owned) \
                        or owner.kind == "country":
                    owner.kind = "drop"  # "Iraq's prime minister": the country is part of the title

    def link_preps(self, sd, segs, seg_cands):
        """``president of Iraq``, ``activists in Arnor``, ``president of the CFR``; conjoined
        heads and objects distribute: ``lawmakers and officials in A and B`` -> four actors;
        ``thousands of Iraqi Kurds``: the mention covers the quantity (its head token)."""
        for i in range(len(segs) - 1):
            s, e, _ = segs[i]
            ns, ne, _ = segs[i + 1]
            if ns == e + 1 and sd[e].lower_ == "of" and sd[e - 1].lower_ in self.t.collective_words \
                    and not any(c.head == e - 1 for c in seg_cands[i]):
                for c in seg_cands[i + 1]:
                    if c.head == ne - 1 and c.kind in ("group", "person", "organization") and c.rule != "modifier":
                        c.start = s
                        c.plural = True
        for i in range(len(segs) - 1):
            s, e, _ = segs[i]
            ns, ne, _ = segs[i + 1]
            if ns != e + 1 or sd[e].lower_ not in _LINK_PREPS:
                continue
            heads = [c for c in seg_cands[i] if c.head == e - 1 and c.rule in ("agent", "group", "compound", "dictionary",
                                                                              "title+name", "ner")
                     and c.kind in ("person", "group", "organization") and c.base is None
                     and (c.rule in ("agent", "group", "compound") or c.agents)]
            objs = [c for c in seg_cands[i + 1] if c.start <= ns + 1 and (
                c.kind in ("country", "organization") or (c.kind == "group" and c.rule == "agent" and c.base
                                                          and len(c.base) == 3 and c.head == ne - 1))]
            if not heads or not objs:
                continue
            # more objects conjoined after the first: "in Fornost and Gondor"
            j = i + 1
            while j + 1 < len(segs) and self._conjoined(sd, segs[j][1], segs[j + 1][0]):
                more = [c for c in seg_cands[j + 1] if c.kind in ("country", "organization")]
                if not more:
                    break
                objs.extend(more)
                j += 1
            # more heads conjoined before: "lawmakers and officials in ..."
            k = i
            while k - 1 >= 0 and self._conjoined(sd, segs[k - 1][1], segs[k][0]):
                prev = [c for c in seg_cands[k - 1] if c.head == segs[k - 1][1] - 1 and c.rule in ("agent", "group")
                        and c.base is None]
                if not prev:
                    break
                heads.extend(prev)
                k -= 1
            prep = sd[e].text
            absorbed = {}
            for h in heads:
                for n, obj in enumerate(objs):
                    target = h
                    if n > 0:
                        target = Candidate(**{**h.__dict__, "agents": list(h.agents), "title_keys": set(h.title_keys),
                                              "context_reasons": list(h.context_reasons)})
                        target.rule = "distributed"
                        seg_cands[i].append(target)
                    if obj.kind == "organization" and prep.lower() == "of" and h.kind == "person":
                        target.org_link = obj
                        target.base_reason = f"{sd[h.start:h.end].text} of {obj.name}"
                    elif obj.base:
                        target.base = obj.base
                        target.base_reason = f"{prep} {obj.name!r}"
                        if len(objs) > 1 and obj.kind == "country":
                            absorbed.setdefault(id(obj), (obj, []))[1].append(target)
            # "lawmakers in Fornost and Gondor": each country is part of its own lawmakers (a
            # mention of that actor), not an actor beside them
            for obj, targets in absorbed.values():
                for n, target in enumerate(targets):
                    part = obj if n == 0 else Candidate(**{**obj.__dict__, "agents": [], "context_reasons": []})
                    part.kind, part.actor, part.rule = "appos", target, "prep-object"
                    if n:
                        seg_cands[i].append(part)
        # "Danish media and government": a premodifier's country reaches the conjoined head
        for i in range(1, len(segs)):
            if not self._conjoined(sd, segs[i - 1][1], segs[i][0]):
                continue
            prev = [c for c in seg_cands[i - 1] if c.head == segs[i - 1][1] - 1 and c.rule == "agent" and c.base
                    and (c.base_reason or "").startswith("premodifier")]
            if not prev:
                continue
            for c in seg_cands[i]:
                if c.head == segs[i][1] - 1 and c.rule == "agent" and c.base is None and sd[segs[i][0]].pos_ != "DET":
                    c.base = prev[0].base
                    c.base_reason = f"{prev[0].base_reason} (shared by the conjoined {sd[c.start:c.end].text!r})"
                    c.groups = c.groups or list(prev[0].groups)
                    shared = [a for a in prev[0].agents[:-1] if a not in c.agents]
                    c.agents = shared + c.agents

    @staticmethod
    def _conjoined(sd, end_prev, start_next) -> bool:
        between = [t.lower_ for t in sd[end_prev:start_next]]
        return bool(between) and all(w in (",", "and", "or", "&") for w in between) and any(w in _CC for w in between) \
            or between == [","]

    def link_appositions(self, sd, sent, segs, seg_cands):
        """``X, <appositive>,``: the appositive's title, country and organisation describe X."""
        doc = sd
        for i, (s, e, _) in enumerate(segs):
            base_cands = [c for c in seg_cands[i] if c.head == e - 1 and c.kind in ("person", "organization", "group")
                          and c.rule != "modifier"]
            if not base_cands:
                continue
            j = e
            # "(ACR)" right after an organisation: an alias
            if j + 2 < sent.end and doc[j].text == "(" and doc[j + 2].text == ")" and doc[j + 1].text[:1].isupper():
                if i + 1 < len(segs) and segs[i + 1][0] == j + 1 and segs[i + 1][1] == j + 2 and seg_cands[i + 1]:
                    for c in seg_cands[i + 1]:
                        c.kind = "alias"
                        c.org_link = base_cands[0]
                else:
                    alias = Candidate(start=j + 1, end=j + 2, head=j + 1, kind="alias", sent=base_cands[0].sent,
                                      name=doc[j + 1].text, rule="acronym")
                    alias.org_link = base_cands[0]
                    if i + 1 < len(segs) and segs[i + 1][0] == j + 1:
                        seg_cands[i + 1].append(alias)
                    else:
                        seg_cands[i].append(alias)
                base_cands[0].aliases.append(doc[j + 1].text)
                j += 3
            if j < sent.end and doc[j].lower_ in _LINK_PREPS | {"to"} and i + 1 < len(segs) and segs[i + 1][0] == j + 1:
                j = segs[i + 1][1]  # "the UN envoy to Sudan, Volker Perthes,"
            if j >= sent.end or doc[j].text != ",":
                continue
            k = j + 1
            stop = k
            depth = 0
            while stop < sent.end and (depth > 0 or doc[stop].text not in (",", ";", ".", ":", "\u2014")):
                if doc[stop].tag_ in _FINITE:
                    break
                if doc[stop].text == "(":
                    depth += 1
                elif doc[stop].text == ")":
                    depth = max(0, depth - 1)
                stop += 1
            if stop >= sent.end or doc[stop].text not in (",", ";", ".", ":", "\u2014") or stop == k:
                continue
            if doc[stop - 1].tag_ in _FINITE:
                continue
            inner = [(x, segs[x]) for x in range(len(segs)) if k <= segs[x][0] and segs[x][1] <= stop]
            if not inner or inner[0][1][0] != k and doc[k].pos_ not in ("DET", "ADV"):
                continue
            first_idx, (fs, fe, _) = inner[0]
            firsts = [c for c in seg_cands[first_idx] if c.head == fe - 1]
            first = firsts[0] if firsts else None
            if first is None and all(doc[x].pos_ == "PROPN" and doc[x].text[:1].isupper() for x in range(fs, fe)) \
                    and any(t.kind == "person" and t.rule == "agent" and not t.name_tokens for t in base_cands):
                # "The UN envoy to Sudan, Volker Perthes, said": the name of the title's holder
                title = next(t for t in base_cands if t.kind == "person" and t.rule == "agent")
                person = Candidate(**{**title.__dict__, "start": fs, "end": fe, "head": fe - 1, "rule": "apposition",
                                      "name": doc[fs:fe].text, "agents": list(title.agents),
                                      "title_keys": set(title.title_keys), "context_reasons": [],
                                      "name_tokens": [doc[x].text for x in range(fs, fe)]})
                seg_cands[first_idx].append(person)
                title.kind, title.actor = "appos", person
                continue
            for target in base_cands:
                if target.kind == "person" and first is not None and first.kind == "person" and first.name_tokens:
                    if target.rule == "agent" and not target.name_tokens:
                        # "the city's mayor, Sergei Sobyanin,": the title's holder
                        first.agents = [a for a in target.agents if a not in first.agents] + first.agents
                        first.title_keys |= target.title_keys
                        if first.base is None and target.base:
                            first.base, first.base_reason = target.base, f"apposition to {sd[target.start:target.end].text!r}"
                        target.kind, target.actor = "appos", first
                    continue  # otherwise a list of people, not an apposition
                if first is not None and first.rule in ("agent", "compound", "group") and (
                        (first.kind in ("person", "group") and target.kind in ("person", "group"))
                        or (first.kind == "organization" and target.kind == "organization")):
                    target.agents.extend(a for a in first.agents if a not in target.agents)
                    target.title_keys |= first.title_keys
                    if target.base is None and first.base:
                        target.base = first.base
                        target.base_reason = f"apposition {sd[fs:fe].text!r}"
                    if target.org_link is None and first.org_link is not None:
                        target.org_link = first.org_link
                        target.base_reason = f"apposition: {first.base_reason}"
                    first.kind = "appos"
                    first.org_link = first.org_link or None
                    first.actor = target
                elif target.base is None:
                    for x, (xs, xe, _) in inner:
                        for c in seg_cands[x]:
                            if c.kind == "country" and c.base:
                                target.base = c.base
                                target.base_reason = f"apposition {doc[k:stop].text!r}"
                                break
                        if target.base:
                            break
            # an organisation apposition may follow a person's apposition: handled on the next segment

    # -- pronouns -----------------------------------------------------------------------
    def pronouns(self, sd, sent, si) -> list[Candidate]:
        out = []
        for t in sd.toks[sent.start:sent.end]:
            low = t.lower_
            if t.pos_ != "PRON" and t.tag_ not in ("PRP", "PRP$"):
                continue
            if low in _PRONOUNS_PERSON or low in _PRONOUNS_THING or low in _PRONOUNS_PLURAL:
                if low in _PRONOUNS_THING and (_expletive(t) or t.dep_ not in ("nsubj", "nsubjpass", "poss")):
                    continue  # object "it" is almost never an actor in news
                kind = "person" if low in _PRONOUNS_PERSON else ("thing" if low in _PRONOUNS_THING else "plural")
                c = Candidate(start=t.i, end=t.i + 1, head=t.i, kind="pronoun", sent=si, name=t.text, rule="pronoun")
                c.context_reasons.append(kind)
                out.append(c)
        return out


def _expletive(t) -> bool:
    if t.dep_ == "expl":
        return True
    if t.lower_ != "it":
        return False  # "its" is never expletive
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    if nxt is not None and nxt.pos_ == "ADJ":
        return True
    h = t.head
    if h.lemma_ in ("seem", "appear", "rain", "take"):
        return True
    if h.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in h.children) and any(
            c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") for c in h.children):
        return True
    return False


def _unique(hits):
    out = []
    seen = set()
    for h in hits:
        if h is not None and id(h) not in seen:
            seen.add(id(h))
            out.append(h)
    return out


def _person_in_phrase(sd, span, si) -> Candidate:
    """A PERSON entity inside a phrase headed by something else: a mention of its own."""
    m = Candidate(start=span[0], end=span[1], head=span[1] - 1, kind="person", sent=si, rule="modifier")
    m.name = sd[span[0]:span[1]].text
    m.name_tokens = [sd[x].text for x in range(*span) if sd[x].tag_ != "HYPH"]
    return m


def _ent_span(sd, i, label, floor):
    t = sd[i]
    if t.ent_type_ != label:
        return None
    s = i
    while s > floor and sd[s - 1].ent_type_ == label and sd[s].ent_iob_ != "B":
        s -= 1
    e = i + 1
    while e < len(sd) and sd[e].ent_type_ == label and sd[e].ent_iob_ == "I":
        e += 1
    while s < e and sd[s].pos_ == "DET":
        s += 1
    while e > s and (sd[e - 1].tag_ == "POS" or sd[e - 1].text in ("'s", "\u2019s")):
        e -= 1  # "Luna Lovegood's": the possessive marker is not part of the name
    for k in range(s, e):
        if sd[k].text in ("(", ")", ",", ";"):
            e = k
            break
    return (s, e) if s < e else None


def _strip_det(text: str) -> str:
    for d in ("the ", "The ", "a ", "an "):
        if text.startswith(d):
            return text[len(d):]
    return text


def _display(sd, s, e, entry) -> str:
    if entry.kind in ("country", "organization", "person"):
        return entry.name
    return sd[s:e].text


def _kind_from_context(ent: str, base: str | None) -> str:
    if ent == "PERSON":
        return "person"
    if ent in ("GPE", "LOC") or (base and len(base) == 3 and base.isalpha()):
        return "country"
    if ent == "NORP":
        return "group"
    return "organization"
