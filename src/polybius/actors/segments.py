"""Candidate phrases: each sentence cut into nominal segments ``(start, end, poss)``.

A segment is a run of nouns, proper nouns, adjectives, determiners, dictionary phrases and
named-entity words; ``'s`` ends a possessor (``poss``: its owner is the next segment),
``and`` between premodifiers of one head stays inside ("Sunni and Kurdish lawmakers").
"""
from __future__ import annotations

from .context import Hits

_NOMINAL_POS = {"PROPN", "NOUN", "ADJ", "NUM", "DET"}
_BREAK_TEXT = {",", ";", ":", "(", ")", "\"", "\u201c", "\u201d", "[", "]", "--", "\u2014", "\u2013"}
_POSS_TAGS = {"POS"}


def segments(sd, sent, hits: Hits, tagger) -> list[tuple[int, int, bool]]:
    """Nominal segments of a sentence: ``[(start, end, poss)]`` token ranges; ``poss`` is
    True when the segment ends in a possessive marker (its owner is the next segment)."""
    segs = _scan(sd, sent, hits, tagger)
    return _trim(sd, _cut_plural_roles(sd, segs, hits), hits, tagger.kn)


def _scan(sd, sent, hits: Hits, tagger) -> list[tuple[int, int, bool]]:
    kn = tagger.kn
    in_actor, in_agent, in_group = hits.actor, hits.agent, hits.group
    time_words, conjunctions = kn.time_words, kn.conjunctions
    segs = []
    start = None
    i = sent.start
    end = sent.end

    def close(j, poss=False):
        nonlocal start
        if start is not None and j > start:
            segs.append((start, j, poss))
        start = None

    while i < end:
        t = sd[i]
        hit = in_actor[i] or in_agent[i] or in_group[i]
        if hit is not None:
            if hit[0] == i:
                if start is None:
                    start = i
                i = hit[1]
            else:
                i += 1
            continue
        if t.tag_ in _POSS_TAGS or t.text in ("'s", "\u2019s") or (t.text in ("'", "\u2019") and t.dep_ == "case"):
            close(i, poss=True)
        elif t.ent_type_ in ("DATE", "TIME") or t.lower_ in time_words:
            close(i)
        elif _nominal(t, tagger) or (start is not None and t.ent_type_ in ("ORG", "PERSON", "FAC", "WORK_OF_ART")
                                     and t.ent_iob_ == "I" and t.text not in _BREAK_TEXT
                                     and not _between_actors(sd, i, hits.actor, kn.limits.between_actors_words)):
            if start is None:
                start = i
        elif t.lower_ in conjunctions and start is not None and _modifier_conj(sd, i):
            pass
        elif start is not None and _joining_hyphen(sd, i, end):
            if sd[i + 1].tag_ in ("VBN", "VBG"):  # "Vietnamese-led forces"
                i += 1
        else:
            close(i)
        i += 1
    close(end)
    return segs


def _joining_hyphen(sd, i, end) -> bool:
    t = sd[i]
    return (t.tag_ == "HYPH" or (t.text in ("-", "\u2013", "/") and not t.whitespace_ and not sd[i - 1].whitespace_)) \
        and i + 1 < end and (sd[i + 1].pos_ in ("PROPN", "NOUN", "ADJ") or (
            sd[i + 1].tag_ in ("VBN", "VBG") and i + 2 < end and sd[i + 2].pos_ in ("NOUN", "PROPN")))


def _cut_plural_roles(sd, segs, hits: Hits):
    """A plural role noun followed by more words is a clause mis-tagged as a noun phrase
    ("Protesters storm parliament" in a headline): cut after the plural noun."""
    in_agent, in_actor = hits.agent, hits.actor
    cut = []
    for s, e, poss in segs:
        k = s
        while k < e:
            h = in_agent[k]
            if h is not None and h[0] == k and h[1] < e and sd[h[1] - 1].tag_ == "NNS" \
                    and sd[h[1]].pos_ in ("NOUN", "VERB") and in_agent[h[1]] is None and in_actor[h[1]] is None:
                cut.append((s, h[1], False))
                s = h[1]
                while s < e - 1 and in_agent[s] is None and in_actor[s] is None and sd[s].pos_ in ("NOUN", "VERB"):
                    s += 1  # the mis-tagged verb ("storm")
                k = s
                continue
            k += 1
        cut.append((s, e, poss))
    return cut


def _trim(sd, segs, hits: Hits, kn):
    """Leading and trailing tokens that cannot head or start a phrase go."""
    out = []
    for s, e, poss in segs:
        while s < e - 1 and sd[s].lower_ in kn.quantity_words:
            s += 1
        while e > s and sd[e - 1].pos_ in ("DET", "ADJ", "NUM") and not (
                hits.at(e - 1) or sd[e - 1].ent_type_ in ("NORP", "PERSON", "ORG", "GPE")):
            e -= 1
        if e > s:
            out.append((s, e, poss))
    return out


def _nominal(t, tagger) -> bool:
    kn = tagger.kn
    if t.pos_ in _NOMINAL_POS and t.tag_ not in ("WDT", "PDT") and t.lower_ not in kn.relative_words:
        return not (t.pos_ == "DET" and t.lower_ not in kn.nominal_determiners)
    if t.lower_ in tagger.keep_words:
        return True
    return t.tag_ in ("VBG", "VBN") and t.dep_ in ("amod", "compound")


def _between_actors(sd, i, in_actor, words: int) -> bool:
    """``Gondor of the Prince of Dol Amroth`` tagged as one entity: a word between two
    dictionary actors ("of", "the") does not join them into one phrase."""
    prev = in_actor[i - 1] if i > 0 else None
    if prev is None or prev[1] != i:
        return False
    for k in range(i + 1, i + 1 + words):
        if k < len(in_actor) and in_actor[k] is not None:
            return in_actor[k][0] == k
        if k < len(sd) and sd[k].pos_ != "DET":
            return False
    return False


def _modifier_conj(sd, i) -> bool:
    """``Sunni and Kurdish lawmakers``: a conjunction between premodifiers of one head."""
    prev = sd[i - 1]
    if i + 1 >= len(sd):
        return False
    nxt = sd[i + 1]
    if prev.dep_ not in ("amod", "compound", "nmod") or prev.head.i <= i:
        return False
    return nxt.pos_ in ("ADJ", "PROPN", "NOUN") and nxt.dep_ in ("conj", "amod", "compound", "nmod")
