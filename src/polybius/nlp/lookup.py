"""Single-token patterns matched over a parsed Doc's arrays.

A pattern such as ``[{"LEMMA": {"IN": lemmas}, "POS": {"IN": ["VERB", "AUX"]}}]`` in spaCy's
``Matcher`` walks its state machine over every token for every pattern; here every label is
found with one dictionary probe a token over the Doc's ``LEMMA``/``POS`` columns, with the same
result (the token indices, in order).  The lemma lists stay data (the stages load them from their data files).
"""
from __future__ import annotations

from spacy.attrs import LEMMA, POS
from spacy.strings import get_string_id


class TokenLookup:
    def __init__(self):
        # lemma hash -> [(label, coarse tag ids)]: one dict probe a token
        self._table: dict[int, list[tuple[str, frozenset[int]]]] = {}

    def add(self, label: str, lemmas, pos) -> None:
        """Tokens whose lemma is one of ``lemmas`` and whose coarse tag is ``pos`` (a tag or tags)."""
        tags = frozenset(get_string_id(p) for p in ([pos] if isinstance(pos, str) else pos))
        for key in {get_string_id(x) for x in lemmas}:
            self._table.setdefault(key, []).append((label, tags))

    def __call__(self, sdoc) -> dict[str, list[int]]:
        """``{label: [token index, ...]}`` (ascending) for the labels that match."""
        if len(sdoc) and not (sdoc.has_annotation("LEMMA") and sdoc.has_annotation("POS")):
            raise ValueError("the document has no lemmas or part-of-speech tags: the pipeline needs a "
                             "tagger and a lemmatizer")
        out: dict[str, list[int]] = {}
        if not len(sdoc):
            return out
        arr = sdoc.to_array([LEMMA, POS])
        table = self._table
        for i, (lemma, pos) in enumerate(zip(arr[:, 0].tolist(), arr[:, 1].tolist())):
            entries = table.get(lemma)
            if entries:
                for label, tags in entries:
                    if pos in tags:
                        out.setdefault(label, []).append(i)
        return out
