"""Dictionary hits: actor names, agents (titles, role nouns) and groups in a document's tokens.

:class:`ActorTagger` holds what is read once (the lexicon, the stage's knowledge and the word
sets derived from them); :meth:`ActorTagger.hits` returns a document's :class:`Hits` and keeps
nothing of it.
"""
from __future__ import annotations

import re

from ..dictionaries import AgentEntry, Lexicon, norm
from .candidate import entry_of
from .context import Hits
from .knowledge import ActorKnowledge

_APOS_TABLE = str.maketrans({"\u2019": "'", "\u2018": "'"})
_GAP_POS = {"ADJ", "ADV", "VERB", "NOUN", "PUNCT", "NUM"}
_NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}  # a name never comes between a phrase's words
_JOINED = re.compile(r"(?<=[^\W_])_(?=[^\W_])")
_GENDERS = ("male", "female", "male-relative", "female-relative")
FINITE = {"VBD", "VBZ", "VBP", "MD"}


class ActorTagger:
    def __init__(self, lexicon: Lexicon, knowledge: ActorKnowledge):
        self.lex = lexicon
        self.kn = knowledge
        mods = lexicon.modifiers
        self.former_words = {w for w, e in mods.items() if "former" in e}
        self.keep_words = {w for w, e in mods.items() if e & {"keep", "former"}}
        self.generic_words = {w for w, e in mods.items() if "generic" in e}
        self.collective_words = {w for w, e in mods.items() if "collective" in e}
        # honorifics, gendered titles and relatives ("Mr", "spokeswoman", "brother"): for he/she
        self.gender_words = {w: g for w, effects in mods.items() for g in effects if g in _GENDERS}
        # a nationality used as a noun ("the Iraqis") names the country's people: civilians
        self.demonym_words = {key[0] for key, payloads in lexicon.actors.exact.items()
                              if len(key) == 1 and any(getattr(p, "kind", None) == "country"
                                                       and getattr(p, "via", None) == "demonym" for p in payloads)}
        self.people_agent = AgentEntry(name="people of a country", code=knowledge.sector_codes.civilians, source="demonym used as a noun",
                                       kind="group", key="people")

    def hits(self, sd) -> Hits:
        toks = _Tokens(sd, self)
        find = _finder(sd, toks.texts, toks.low, toks.orig, toks.lem)
        actor_hits = find(self.lex.actors, toks.cap_ok, toks.gap_ok)
        in_actor = _covering(len(sd), actor_hits)

        def agent_ok(i, j, payloads):
            if any(in_actor[k] is not None and entry_of(in_actor[k]).kind != "country" for k in range(i, j)):
                return False
            last = sd[j - 1]
            if last.pos_ in ("NOUN", "PROPN"):
                return True
            if last.pos_ in ("ADJ", "VERB") and j < len(sd) and sd[j].pos_ in ("NOUN", "PROPN"):
                return True
            if j - i > 1 and any(sd[k].pos_ in ("NOUN", "PROPN") for k in range(i, j)):
                return True  # "secretary-general" with "general" tagged as an adjective
            return False

        agent_hits = find(self.lex.agents, agent_ok, toks.gap_ok)
        group_hits = find(self.lex.groups, lambda i, j, p: sd[i].text[:1].isupper(), None)
        return Hits(in_actor, _covering(len(sd), agent_hits, in_actor), _covering(len(sd), group_hits, in_actor))

    def demonym_entity(self, sd, i, low, ents) -> bool:
        """The PERSON entity around token ``i`` is made of nationality words only ("Bosnian Serbs")."""
        s = i
        while s > 0 and ents[s - 1] == "PERSON" and sd[s].ent_iob_ == "I":
            s -= 1
        e = i + 1
        while e < len(sd) and ents[e] == "PERSON" and sd[e].ent_iob_ == "I":
            e += 1
        return all(low[k] in self.demonym_words for k in range(s, e))


def _covering(n, hits, taken=None) -> list:
    """Per token, the hit covering it (tokens ``taken`` by an actor name stay None)."""
    out = [None] * n
    for h in hits:
        for k in range(h[0], h[1]):
            if taken is None or taken[k] is None:
                out[k] = h
    return out


class _Tokens:
    """One document's token strings and the acceptance tests of its actor hits (made per call)."""

    def __init__(self, sd, tagger: ActorTagger):
        self.sd = sd
        self.tagger = tagger
        self.texts = texts = [t.text for t in sd]
        self.low = [norm(x) for x in texts]
        self.orig = [x.translate(_APOS_TABLE) for x in texts]
        self.lem = [norm(t.lemma_) for t in sd]
        self.ents = [t.ent_type_ for t in sd]
        # acronyms the article defines itself ("the Rapid Support Forces (RSF)") are not looked up
        self.defined = {texts[k] for k in range(1, len(texts) - 1)
                        if texts[k - 1] == "(" and texts[k + 1] == ")" and texts[k].isupper() and k >= 2
                        and texts[k - 2][:1].isupper()}

    def cap_ok(self, i, j, payloads) -> bool:
        sd, texts = self.sd, self.texts
        t = sd[i]
        if j == i + 1 and texts[i] in self.defined:
            return False
        if self.low[i] in self.tagger.kn.name_particles and j > i + 1:
            # "THE_SHIRE", "al-Qaeda", "bin Laden": the word after the article or particle is what
            # must be capitalised
            t = sd[i + 2] if sd[i + 1].text in ("-", "\u2013") and j > i + 2 else sd[i + 1]
        if not (t.text[:1].isupper() or t.text[:1].isdigit()):
            return False
        e = payloads[-1]
        if e.kind == "country" and (self._in_longer_name(i, j, e) or self._in_person(i, j, e)):
            return False
        return not self._lower_cased_name(i, j, e)

    def _in_longer_name(self, i, j, e) -> bool:
        """"Ana Lima": a name that ends in a place name."""
        if e.via not in ("name", "capital", "region") or i == 0:
            return False
        prev, lex = self.sd[i - 1], self.tagger.lex
        return prev.pos_ == "PROPN" and prev.dep_ == "compound" and i <= prev.head.i < j and prev.text[:1].isupper() \
            and self.low[i - 1] not in lex.actors.first and self.low[i - 1] not in lex.agents.first

    def _in_person(self, i, j, e) -> bool:
        """"Michael Jordan": a person's name that contains a country name."""
        sd, ents = self.sd, self.ents
        if not any(ents[k] == "PERSON" for k in range(i, j)) or (
                e.via == "demonym" and self.tagger.demonym_entity(sd, i, self.low, ents)):
            return False
        return (i > 0 and ents[i - 1] == "PERSON" and sd[i].ent_iob_ == "I") or (
            j < len(sd) and ents[j] == "PERSON" and sd[j].ent_iob_ == "I")

    def _lower_cased_name(self, i, j, e) -> bool:
        """A name of our tables keeps its capitals: "an Islamic state" is not "Islamic State"
        (PETRARCH files write names in capitals, so their case says nothing)."""
        name = getattr(e, "name", "") or ""
        if not (j - i > 1 and " " in name and ".tsv:" in (getattr(e, "source", "") or "")):
            return False
        nw = name.split()
        words = self.texts[i:j]
        return len(nw) == len(words) and all(a.lower() == b.lower() for a, b in zip(nw, words)) and any(
            a[:1].isupper() and not b[:1].isupper() for a, b in zip(nw, words))

    def gap_ok(self, i, j, skipped) -> bool:
        # "Ithilen state-run television": only modifiers of a word of the phrase come between
        for k in skipped:
            t = self.sd[k]
            if t.pos_ not in _GAP_POS or (t.pos_ == "PUNCT" and t.tag_ != "HYPH") or t.tag_ in FINITE \
                    or not (i <= t.head.i < j) or t.head.i == k or t.ent_type_ in _NAME_ENTS:
                return False
        return True


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


def find_discards(lex, doc, sd) -> dict:
    """PETRARCH discards found: ``{"story": bool, "sentences": [index], "phrases": [...]}``."""
    low = [norm(t.text) for t in sd]
    hits = lex.discards.find_all(low, low, low)
    out = {"story": False, "sentences": [], "phrases": []}
    for s, e, payloads, _ in hits:
        d = payloads[-1]
        start = sd[s].idx
        out["phrases"].append({"start": start, "end": sd[e - 1].idx + len(sd[e - 1]), "source": d.source,
                               "story": d.story})
        if d.story:
            out["story"] = True
        else:
            si = doc.sentence_at(start)
            if si is not None and si not in out["sentences"]:
                out["sentences"].append(si)
    return out
