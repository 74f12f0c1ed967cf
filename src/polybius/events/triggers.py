"""Triggers: which tokens may start an event, and which dictionary entries they may code.

Compiled once per pipeline from the verb dictionary: an index (lemma, coarse POS) ->
entries, the regular and irregular inflections of every trigger lemma (for when the
lemmatizer errs: "staged" -> "stag"), and hash tables per POS so that one vectorised pass over
a document's ``(LEMMA, LOWER, POS)`` array finds every candidate (a spaCy ``Matcher`` with
``LEMMA IN`` patterns does the same, several times slower).
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from ..dictionaries.sections import read_sections
from ..dictionaries.verbs import VerbDictionary, VerbEntry
from .tokens import member, pos_of, verbal_noun

IRREGULAR = Path(__file__).resolve().parents[1] / "data" / "events" / "irregular_verbs.txt"


class TriggerIndex:
    def __init__(self, verbs: VerbDictionary, vocab):
        import numpy as np

        self.index: dict[tuple[str, str], list[tuple[VerbEntry, object]]] = defaultdict(list)
        lemmas_by_pos: dict[str, set] = defaultdict(set)
        for e in verbs.entries:
            for t in e.triggers:
                for pos in t.pos:
                    self.index[(t.lemma, pos)].append((e, t))
                    lemmas_by_pos[pos].add(t.lemma)
        # PETRARCH-1/TABARI list verbs by word form ("LEFT", "MET"): a block for the exact form
        # a token has is more specific than the block for its lemma ("LEAVE", "MEET")
        self.word_forms = {k for k, v in self.index.items() if any(e.dialect == "petrarch" for e, _ in v)}
        strings = vocab.strings
        pos_ids = {p: strings.add(p) for p in ("VERB", "AUX", "NOUN", "PROPN", "ADJ")}
        self.inflections: dict[tuple[str, str], str] = {}
        for pos, lemmas in lemmas_by_pos.items():
            for lem in lemmas:
                for form in _inflect(lem, pos):
                    if (form, pos) not in self.index:
                        self.inflections.setdefault((form, pos), lem)
        self.verb_forms = frozenset(lemmas_by_pos.get("VERB", set())) | {f for (f, p) in self.inflections if p == "VERB"}
        self.pos_groups = []
        for pos, lemmas in lemmas_by_pos.items():
            tags = [pos] + (["PROPN"] if pos == "NOUN" else []) + (["AUX"] if pos == "VERB" else [])
            forms = set(lemmas) | {f for (f, p) in self.inflections if p == pos}
            hashes = np.array(sorted(strings.add(w) for w in forms), dtype="uint64")
            self.pos_groups.append((np.array([pos_ids[t] for t in tags], dtype="uint64"), hashes))

    def find(self, sp) -> tuple[list[int], object]:
        """Token indices of every possible trigger in a spaCy Doc, and the Doc's LOWER hashes."""
        import numpy as np
        from spacy.attrs import LEMMA, LOWER, POS

        if len(sp) == 0:
            return [], None
        arr = sp.to_array([LEMMA, LOWER, POS]).astype("uint64")
        hit = np.zeros(len(sp), dtype=bool)
        for tags, hashes in self.pos_groups:
            ok_pos = (arr[:, 2][:, None] == tags[None, :]).any(axis=1)
            hit |= ok_pos & (member(arr[:, 0], hashes) | member(arr[:, 1], hashes))
        out = np.nonzero(hit)[0].tolist()
        # a headline verb tagged as a noun ("EU and UN hand over supplies to X"): a noun root
        # with a subject is a verb (one check per sentence)
        extra = [s.root.i for s in sp.sents if not hit[s.root.i] and verbal_noun(s.root)
                 and (s.root.lemma_.lower() in self.verb_forms or s.root.lower_ in self.verb_forms)]
        return (sorted(out + extra) if extra else out), arr[:, 1]

    @staticmethod
    def word_indices(sp, lower, words) -> list[int]:
        """Indices of tokens whose lower form is one of ``words`` (``lower`` from :meth:`find`)."""
        import numpy as np

        strings = sp.vocab.strings
        hashes = np.array(sorted(strings.add(w) for w in words), dtype="uint64")
        return np.nonzero(member(lower, hashes))[0].tolist()

    def lemma(self, tok) -> str:
        lem = tok.lemma_.lower()
        pos = pos_of(tok)
        if lem != tok.lower_ and (tok.lower_, pos) in self.word_forms:
            return tok.lower_
        if (lem, pos) not in self.index:
            if (tok.lower_, pos) in self.index:
                return tok.lower_
            return self.inflections.get((tok.lower_, pos), lem)
        return lem

    def candidates(self, tok, ctx) -> list[tuple[VerbEntry, object]]:
        """The (entry, trigger) pairs ``tok`` may code (memoised in the context)."""
        got = ctx.memo.cands.get(tok.i)
        if got is None:
            got = ctx.memo.cands[tok.i] = self.index.get((self.lemma(tok), pos_of(tok)), [])
        return got

    def has_kind(self, tok, ctx, kind: str) -> bool:
        return any(e.kind == kind for e, _ in self.candidates(tok, ctx))

    def is_speech(self, tok, ctx) -> bool:
        return self.has_kind(tok, ctx, "speech")

    def is_light(self, tok, ctx) -> bool:
        return self.has_kind(tok, ctx, "light")

    def has_family(self, tok, ctx) -> bool:
        return any(e.family is not None for e, _ in self.candidates(tok, ctx))

    def only_grammar(self, tok, ctx) -> bool:
        """True when every entry of ``tok`` is a light, pass-through or speech verb."""
        return all(e.kind in ("light", "pass", "speech") for e, _ in self.candidates(tok, ctx))


@lru_cache(maxsize=None)
def _irregular(path: str = str(IRREGULAR)) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Irregular verbs (base -> past forms) and the prefixes built on them, from data."""
    f = read_sections(path, expected=("verbs", "prefixes"))
    forms: dict[str, tuple[str, ...]] = {}
    for e in f["verbs"]:
        words = e.text.split()
        if len(words) != 3:
            raise f.error("verbs", e, "expected BASE PAST PARTICIPLE")
        forms[words[0]] = tuple(words[1:])
    prefixes = [w for _, words in f.fields("prefixes") for w in words]
    return forms, tuple(sorted(prefixes, key=len, reverse=True))


def _irregular_forms(lemma: str) -> set[str]:
    """Past forms of an irregular verb, prefixed ones included ("overrun" -> overran)."""
    forms, prefixes = _irregular()
    if lemma in forms:
        return set(forms[lemma])
    for p in prefixes:
        base = lemma[len(p):]
        if lemma.startswith(p) and base in forms:
            return {p + f for f in forms[base]}
    return set()


def _inflect(lemma: str, pos: str) -> set[str]:
    """English inflections of a lemma (verbs: -s -ed -ing and irregular pasts; nouns: plural)."""
    out = set()
    if pos == "NOUN":
        out |= {lemma + "s", lemma + "es"}
        if lemma.endswith("y"):
            out.add(lemma[:-1] + "ies")
    elif pos == "VERB":
        out |= {lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"} | _irregular_forms(lemma)
        if lemma.endswith("e"):
            out |= {lemma + "d", lemma[:-1] + "ing"}
        if lemma.endswith("y"):
            out |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
        if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out
