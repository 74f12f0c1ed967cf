"""Matching: does a dictionary entry fit a trigger's frame, and how specifically?

Two kinds of entries: Polybius/PETRARCH2 entries state *conditions* on the frame (object
words, prepositions, modifiers, complements), scored by :meth:`Matcher.score`; TABARI and
PETRARCH-1 entries are *word-order patterns* around the verb, matched by
:meth:`Matcher.sequence_match`.  :meth:`Matcher.best` picks the entry a trigger codes with.
"""
from __future__ import annotations

from .frames import Frame
from .lexicon import EventLexicon
from .tokens import forms, lem, lower_end, upper_start, words_before
from .triggers import TriggerIndex
from ..dictionaries.verbs import VerbEntry


class Matcher:
    def __init__(self, lex: EventLexicon, triggers: TriggerIndex):
        self.lex = lex
        self.triggers = triggers
        self.partitives = lex.partitives

    def holds(self, e: VerbEntry, f: Frame, ctx) -> bool:
        return self.score(e, f, ctx) is not None

    def best(self, tok, f: Frame, ctx, kinds=("event", "content")) -> tuple[VerbEntry | None, int]:
        """The entry of ``tok`` that the frame meets most specifically, and its score."""
        best, best_spec = None, -1
        for e, trig in self.triggers.candidates(tok, ctx):
            if e.kind not in kinds:
                continue
            if trig.particle and trig.particle not in f.particles:
                continue
            if trig.prefix and not words_before(tok, trig.prefix):
                continue
            spec = self.score(e, f, ctx)
            if spec is None:
                continue
            spec += (1 if trig.particle else 0) + (1 if trig.prefix else 0)
            if spec > best_spec or (spec == best_spec and best is not None and best.kind == "content"
                                    and e.kind == "event"):
                best, best_spec = e, spec
        return best, best_spec

    # ------------------------------------------------------------------ conditions
    def score(self, e: VerbEntry, f: Frame, ctx) -> int | None:
        """None when a condition fails; else how specifically the frame matched
        (a condition met by a two-word form such as "war crime" counts double)."""
        if e.sequence is not None:
            got = self.sequence_match(e, f.tok, ctx)
            if got is not None:
                return got[0]
            return None  # a TABARI pattern is its words in order: no match without them
        score = 0
        for key, vals in e.conditions.items():
            if key == "obj" or key.startswith("prep:"):
                got = self._argument(key, vals, f)
            else:
                got = self._condition(key, vals, f)
            if got is None:
                return None
            score += got
        return score

    def _argument(self, key: str, vals, f: Frame) -> int | None:
        """An object or prepositional-object condition: None, or what it scores."""
        if key == "obj":
            heads = f.obj or ([f.comp] if f.comp is not None and f.comp.pos_ in ("NOUN", "PROPN") else [])
            # "sent ambulances, experts and medical supplies": every conjunct of the object
            heads = [*heads, *(x for o in f.obj for x in o.conjuncts if x.pos_ in ("NOUN", "PROPN"))]
            if vals == {"none"}:
                return None if heads else 1
            if not heads:
                return None
        else:
            if key[5:] not in f.preps:
                return None
            heads = (f.preps.get(key[5:]) or []) + (f.amounts.get(key[5:]) or [])
            if not heads:
                return None  # "called X on Tuesday": a PP holding only a date is no argument
        if not vals:
            return 1
        hit = [x for o in heads for x in (forms(o, self.partitives) & vals)]
        if not hit:
            return None
        return 2 if any(" " in x for x in hit) else 1

    def _condition(self, key: str, vals, f: Frame) -> int | None:
        """Every other condition: None when it fails, else what it scores (one; an unknown key none)."""
        if key.startswith(("objmod", "pmod")):
            # a modifier of the object (or prepositional object) head: "DIPLOMATIC ties"
            heads = f.obj if key.startswith("objmod") else [x for xs in f.preps.values() for x in xs]
            mods = {c.lemma_.lower() for o in heads for c in o.children if c.dep_ in (
                "compound", "amod", "nmod", "nummod", "poss")} | {c.lower_ for o in heads for c in o.children}
            met = bool(mods & vals)
        elif key == "subj":
            met = any(forms(x, self.partitives) & vals for x in f.subj) or any(
                forms(x, self.partitives) & vals for x in f.mod_toks)
        elif key == "mod":
            met = bool(f.mods & vals or f.particles & vals)
        elif key == "purpose":  # "sent troops to help X", "made supplies available to fight Y"
            purposes = [c for t in (f.tok, *f.obj, *([f.light] if f.light is not None else [])) for c in t.children
                        if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ in ("VERB", "AUX")
                        and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)]
            met = any(not vals or lem(c) in vals for c in purposes)
        elif key == "ccomp":  # a finite complement: "agreed with X *that* ..."
            met = f.comp is not None and f.comp_finite
        elif key == "oprd":  # "called X nasty", "named X envoy": a predicate of the object
            met = any(c.dep_ == "oprd" and (not vals or lem(c) in vals) for c in f.tok.children)
        elif key in ("comp", "xcomp"):
            # "told X to leave" (xcomp), not "told that ..."
            met = f.comp is not None and not (vals and lem(f.comp) not in vals) and not (
                key == "xcomp" and f.comp_finite)
        else:
            return 0
        return 1 if met else None

    # ------------------------------------------------------------------ TABARI patterns
    def sequence_match(self, e: VerbEntry, tok, ctx) -> tuple[int, dict] | None:
        """Match a TABARI word-order pattern around ``tok`` within its sentence (the words
        before the verb back to its clause start): units in order, other words allowed between
        units, the words of a unit adjacent, a unit glued to the verb ("RECENTLY_*") right next
        to it, "^" over one noun phrase.  Returns (words matched, marks) where marks maps
        "$"/"+"/"%" to (side, lo, hi): the actor of that mark lies in tokens lo..hi-1, between
        the pattern words around the mark (the first one after the verb, the nearest one
        before it); None when the pattern is not there."""
        key = (id(e), tok.i)
        if key not in ctx.memo.sequences:
            ctx.memo.sequences[key] = _Sequence(tok, ctx, self.lex.limits.glued_word_gap).match(e.sequence)
        return ctx.memo.sequences[key]


class _Sequence:
    """One TABARI pattern matched around one verb: the after side left to right, then the
    before side right to left."""

    def __init__(self, tok, ctx, gap: int):
        self.tok, self.ctx, self.gap = tok, ctx, gap
        self.doc = tok.doc
        self.sent = tok.sent
        self.low = [t.lower_ for t in self.doc[self.sent.start:self.sent.end]]
        self.base = self.sent.start
        self.marks: dict = {}
        self.n = 0

    def at(self, j, alt) -> bool:
        low = self.low
        if j < 0 or j + len(alt) > len(low):
            return False
        return all(low[j + k] == w for k, w in enumerate(alt))

    def match(self, sequence) -> tuple[int, dict] | None:
        before, after = sequence
        if not self._side(after, True) or not self._side(before, False):
            return None
        return self.n, {k: tuple(v) for k, v in self.marks.items()}

    def _mark(self, val, compound, bounds: list, pending: list) -> bool:
        """A "$"/"+"/"%" mark at ``bounds``; "%" needs a compound (``compound()``)."""
        if val == "%":
            if not compound():
                return False
            self.n += 1
        if val not in self.marks:
            self.marks[val] = bounds
            pending.append(val)
        return True

    def _bound(self, pending: list, side: int, value) -> list:
        """Close the marks waiting for the next pattern word on one ``side`` (1 lo, 2 hi);
        ``value(mark)`` is the bound.  Returns the emptied list of pending marks."""
        for m in pending:
            self.marks[m][side] = value(self.marks[m])
        return []

    def _side(self, units, after: bool) -> bool:
        """Match the units after the verb (left to right) or before it (right to left)."""
        tok, base, sent = self.tok, self.base, self.sent
        edge = lower_end(tok) if after else upper_start(tok)  # the end of the verb phrase / clause start
        pos = tok.i - base + 1 if after else tok.i - base  # before: an exclusive end, moving left
        side = 2 if after else 1  # the bound a pending mark takes from the next pattern word
        pending: list = []  # marks still waiting for the next pattern word to bound them
        for kind, val, adj in (units if after else reversed(units)):
            if kind == "mark":
                bounds = ["after", pos + base, edge] if after else ["before", edge, pos + base]
                if not self._mark(val, lambda: self._compound(after, pos + base), bounds, pending):
                    return False
                continue
            if kind == "skip":
                ch = (chunk_after if after else chunk_before)(self.ctx, sent, pos + base)
                if ch is None:
                    return False
                pending = self._bound(pending, side, (lambda m: max(m[1], ch[0])) if after else (
                    lambda m: min(m[2], ch[1])))
                pos, self.n = (ch[1] if after else ch[0]) - base, self.n + 1
                continue
            hit = self._word_after(val, adj, pos) if after else self._word_before(val, adj, pos, edge - base)
            if hit is None:
                return False
            pending = self._bound(pending, side, lambda m: (hit[0] if after else hit[0] + len(hit[1])) + base)
            pos = hit[0] + len(hit[1]) if after else hit[0]
            self.n += len(hit[1])
        return True

    def _compound(self, after: bool, i: int) -> bool:
        """A "%" mark: a compound ("X and Y") after the verb, or a compound subject."""
        if after:
            return any(t.conjuncts and t.pos_ in ("NOUN", "PROPN") for t in self.doc[i:self.sent.end])
        return any(c.conjuncts for c in self.tok.children if c.dep_ in ("nsubj", "nsubjpass"))

    def _word_after(self, val, adj, pos: int):
        """The first alternative of a pattern unit at or after ``pos`` (a glued unit: at ``pos``)."""
        for j in ([pos] if adj else range(pos, len(self.low))):
            alt = next((a for a in val if self.at(j, a)), None)
            if alt is not None:
                return (j, alt)
        return None

    def _word_before(self, val, adj, pos: int, lo: int):
        """The nearest alternative of a pattern unit ending at or before ``pos`` (a glued
        unit: ending at ``pos``, searched at most ``gap`` words back)."""
        for j in range(pos - 1, lo - 1, -1):
            alt = next((a for a in val if j + len(a) <= pos and (not adj or j + len(a) == pos) and self.at(j, a)), None)
            if alt is not None:
                return (j, alt)
            if adj and j < pos - self.gap:
                break
        return None


def chunks(ctx, sent) -> list[tuple[int, int]]:
    """The sentence's base noun phrases as (start, end) token indices, once per sentence."""
    got = ctx.memo.chunks.get(sent.start)
    if got is None:
        try:
            got = [(c.start, c.end) for c in sent.noun_chunks]
        except (ValueError, NotImplementedError):  # no parse: every noun is its own phrase
            got = [(t.i, t.i + 1) for t in sent if t.pos_ in ("NOUN", "PROPN", "PRON")]
        ctx.memo.chunks[sent.start] = got
    return got


def chunk_after(ctx, sent, i):
    """The noun phrase that holds token ``i`` or is the first after it."""
    return next((c for c in chunks(ctx, sent) if c[1] > i), None)


def chunk_before(ctx, sent, i):
    """The noun phrase that ends at ``i`` (exclusive) or is the last before it."""
    return next((c for c in reversed(chunks(ctx, sent)) if c[0] < i), None)
