"""Emit: the one place a code becomes an :class:`~polybius.model.Event` (codebook -> Event).

The CAMEO codebook gives the root, Goldstein score, QuadClass and PLOVER event, mode and
context of a code (a code missing from the table takes its parent's).
"""
from __future__ import annotations

from ..model import Event, Plover, Span
from .codebook import Code, Codebook


class Emitter:
    def __init__(self, codebook: Codebook):
        self.codebook = codebook

    def lookup(self, code: str, rule: str) -> tuple[Code | None, str]:
        """The codebook entry of a coded code and the code written out.  A user dictionary's
        code outside the CAMEO codebook has no entry and is written as it is (the
        PETRARCH-compatible mode: root, Goldstein score, QuadClass and PLOVER null); a code of
        the embedded ``verbs.txt`` missing from the table is written as its parent."""
        codebook = self.codebook
        cb = codebook.get(code) if code in codebook or code.isdigit() and len(code) <= 4 else None
        if cb is None or (code not in codebook and rule.split(":")[0] != "verbs.txt"):
            return None, code
        return cb, (code if code in codebook else cb.code)

    @staticmethod
    def event(cb: Code | None, cameo: str, *, sentence: int, source, target, trigger: Span, rule: str,
              confidence: float, negated: bool, modality: str, date, place, evidence: list,
              source_span: Span | None = None, target_span: Span | None = None) -> Event:
        """The event of ``cameo`` with its codebook facts (``cb``; None for a code outside CAMEO)."""
        return Event(id="", sentence=sentence, source=source, target=target, cameo=cameo,
                     root=cb.root if cb else None, goldstein=cb.goldstein if cb else None,
                     quad_class=cb.quad_class if cb else None, trigger=trigger, rule=rule, confidence=confidence,
                     plover=Plover(cb.plover_event, cb.plover_mode, [cb.plover_context] if cb.plover_context else [])
                     if cb and cb.plover_event else None,
                     negated=negated, modality=modality, date=date, place=place, evidence=evidence,
                     source_span=source_span, target_span=target_span)
