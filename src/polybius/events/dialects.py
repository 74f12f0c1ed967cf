"""How each dictionary dialect finds an event's source and target: one strategy per dialect.

* :class:`PolybiusDialect` (``data/events/verbs.txt`` and user files in its format): the
  entry's roles; a consultation verb needs a partner; with no target in the named roles, the
  first actor inside the event's own phrases (at lower confidence).
* :class:`Petrarch2Dialect` (PETRARCH2 verb files): the entry's roles, nothing more.
* :class:`TabariDialect` (TABARI / PETRARCH-1 word-order patterns): the pattern's "$"/"+"/"%"
  marks say where source and target are and win over the parse; without them the first actor
  after the verb and the nearest one before it, read by name.

The strategy of each dictionary entry is chosen once, when the stage is built
(:func:`strategies`).
"""
from __future__ import annotations

from .arguments import Arguments, Found
from .matching import Matcher, chunks
from .tokens import lower_end, pos_of, upper_start


class Petrarch2Dialect:
    name = "petrarch2"

    def __init__(self, args: Arguments, matcher: Matcher):
        self.args = args
        self.matcher = matcher
        self.lex = args.lex

    def find(self, ctx, c) -> Found | None:
        """Source and target of a coding, or None when the dialect says there is no event."""
        return self.args.find(ctx, c)

    def pairs_allowed(self, found: Found) -> bool:
        """May the members of a compound subject act on each other?"""
        return True

    def pattern_negation(self, c, found: Found) -> bool:
        """Does the pattern itself spell out the negation ("&NEG * OVER EFFORTS")?"""
        return False


class PolybiusDialect(Petrarch2Dialect):
    name = "polybius"

    def find(self, ctx, c) -> Found | None:
        found = self.args.find(ctx, c)
        lex = self.lex
        if (not found.targets and len(found.sources) <= 1 and pos_of(c.tok) == "VERB"
                and c.tok.lemma_.lower() in lex.partner_verbs):
            return None  # "The people have spoken": talking needs a partner ("with Y", "X and Y talked")
        f = c.frame
        sf = c.source_frame or f
        if (not found.targets and not f.passive and len(found.sources) <= 1 and c.code not in lex.third_party_codes
                and (found.sources or any(t.pos_ in ("NOUN", "PROPN") for t in sf.subj))
                and "none" not in (c.entry.target or []) and not (pos_of(c.head) == "NOUN" and f.light is None)):
            self._phrase_target(ctx, c, found)
        return found

    def _phrase_target(self, ctx, c, found: Found) -> None:
        """The named roles hold no actor: the first actor inside the event's own phrases
        ("claimed responsibility for the attack in Kandahar", "denied charges by X", "donated
        ventilators to assist Ethiopia")."""
        sources = found.sources
        targets, ttok = self.args.resolve_roles(ctx, ["phrase_tree"], c, c.frame, exclude=sources)
        place = self.args.place_token(ctx, ["phrase_tree"], c, c.frame)
        if place is not None and ttok is not None and place.i < ttok.i:
            targets, ttok = [], None  # "imposed a curfew in the city of K after clashes between X and Y": aimed at a place
        found.ttok = ttok
        found.fallback = bool(targets)
        # "the American-Iraqi partnership" under an American's verb: the other side
        own = {(a.code or "")[:3] for a in sources if a.code}
        others = [a for a in targets if (a.code or "")[:3] not in own]
        # "launched an attack with a car bomb and fighters": the source's own people are no target
        found.targets = others or [a for a in targets if not (a.kind == "group" and any(
            a.code and a.code == s.code for s in sources))]
        found.fallback = bool(found.targets)
        if not found.targets:
            found.ttok = None
            found.place_tok = found.place_tok or place


class TabariDialect(Petrarch2Dialect):
    name = "tabari"

    def find(self, ctx, c) -> Found | None:
        found = self.args.find(ctx, c)
        found.seq = self.matcher.sequence_match(c.entry, c.tok, ctx)
        if found.seq is None:
            return found
        self._pattern_actors(ctx, c, found)
        if not found.targets and len(found.sources) <= 1 and not self._object_phrase(ctx, c.tok):
            return None  # TABARI needs a noun phrase after the verb for a target, even one with no actor
        return found

    def pairs_allowed(self, found: Found) -> bool:
        return found.seq is None or "%" in found.seq[1]

    def pattern_negation(self, c, found: Found) -> bool:
        if found.seq is None:
            return False
        return any(w in self.lex.negation for kind, alts, _adj in c.entry.sequence[0] if kind == "words"
                   for alt in alts for w in alt)

    def _pattern_actors(self, ctx, c, found: Found) -> None:
        """Source and target the TABARI way, given what the parse found: a "$"/"+" in the
        pattern says where the source/target is and wins; without a target, the first actor
        after the verb in its phrase; without a source (or with only the target as subject),
        the nearest actor before the verb back to the clause start.  Actors are read by name
        (a pronoun is no target), and a compound ("X and Y") gives all its members."""
        tok, f, marks = c.tok, c.frame, found.seq[1]
        sf = c.source_frame or f
        upper = ("before", upper_start(tok), tok.i)
        if found.sources:
            found.sources = self._compound_subject(ctx, sf, found.sources)
        if "$" in marks:
            got, gtok = self._actor_at(ctx, tok, marks["$"], [])
            if got:
                found.sources, found.stok = got, gtok
        elif not found.sources and f.passive and marks.get("+", ("after",))[0] == "after":
            # a passive without its agent: TABARI reads the actor before the verb as the source
            found.sources, found.stok = self._actor_at(ctx, tok, upper, [])
            if found.sources:
                found.targets, found.ttok = [], None
        self._pattern_target(ctx, tok, marks, found)
        if found.targets and "$" not in marks and "%" not in marks:
            found.sources = [a for a in found.sources if a not in found.targets]  # the subject the pattern made the target
        if not found.sources and "$" not in marks:
            # the nearest actor before the verb (for a verb coordinated with an earlier one,
            # before that one: "X condemned ... and promised ..."), not the target's own phrase
            v = tok
            while v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.head.i < v.i:
                v = v.head
            if v.i != tok.i:
                upper = ("before", upper_start(v), v.i)
            ttok = found.ttok
            got, gtok = self._actor_at(ctx, tok, upper, found.targets if ttok is not None and ttok.i < tok.i else [])
            if got:
                found.sources, found.stok = got, gtok

    def _pattern_target(self, ctx, tok, marks, found: Found) -> None:
        targets, ttok, sources = found.targets, found.ttok, found.sources
        named = [t for t in (ttok.subtree if ttok is not None else [])
                 if any(a in targets for a in ctx.tok_actors.get(t.i, []))]
        if targets and ttok is not None and all(t.pos_ == "PRON" for t in named):
            targets, ttok = [], None  # TABARI reads actors by name, not through pronouns ("its embassy")
        if "+" in marks:
            got, gtok = self._actor_at(ctx, tok, marks["+"], sources if "$" in marks else [])
            if got:
                targets, ttok = got, gtok
        elif not targets and marks.get("%", ("after",))[0] != "before":
            got, gtok = self._actor_at(ctx, tok, ("after", tok.i + 1, lower_end(tok)), sources)
            if got:
                targets, ttok = got, gtok
        elif targets and ttok is not None:
            targets = self._with_conjuncts(ctx, ttok, targets, sources)
        found.targets, found.ttok = targets, ttok

    def _compound_subject(self, ctx, f, sources) -> list:
        """Every actor of a subject with "and" in it ("X and the evil Y welcomed"), even when
        the parser did not join them as conjuncts; actors inside its prepositional phrases are
        not members ("lawmakers in X and Y"), except the of-phrase of a member that names no
        actor itself ("X's sheep and goats of Y": the goats are Y's)."""
        out = list(sources)
        for s in f.subj:
            sub = list(s.subtree)
            if not any(t.dep_ == "cc" and t.head.pos_ in ("NOUN", "PROPN") for t in sub):
                continue  # "and" between names, not between adjectives ("X's awful and evil minister")
            members = {s.i, *(c.i for c in s.conjuncts)}
            for t in sub:
                if t.pos_ not in ("PROPN", "NOUN") or any(self._blocks(ctx, s, members, a) for a in t.ancestors):
                    continue
                for a in self._innermost(ctx, t.i):
                    if a not in out:
                        out.append(a)
        return out

    def _blocks(self, ctx, s, members, a) -> bool:
        """A prepositional phrase of the subject whose actors are not members of it."""
        if a.dep_ != "prep" or not (s.left_edge.i <= a.i <= s.right_edge.i):
            return False
        if a.lower_ != "of" or a.head.i not in members:
            return True
        h = s.doc[max(m for m in members if m < a.i)]  # the member the phrase follows
        return bool(self._innermost(ctx, h.i) or any(self._innermost(ctx, x.i) for x in h.children
                                                     if x.dep_ in ("poss", "compound")))

    def _object_phrase(self, ctx, tok) -> bool:
        """A noun phrase after the verb in its phrase that is not a bare time expression
        ("said today" has none; "said on Saturday" has one)."""
        hi = lower_end(tok)
        for a, b in chunks(ctx, tok.sent):
            if tok.i < a < hi and tok.doc[b - 1].dep_ not in ("npadvmod", "tmod"):  # its head ends it
                return True
        return False

    def _actor_at(self, ctx, tok, mark, exclude) -> tuple[list, object]:
        """Actors at a TABARI pattern position ``(side, lo, hi)``: the first named actor in
        tokens lo..hi-1 ("after") or the nearest one ("before"), with the other members of its
        compound ("Minas Tirith and Osgiliath")."""
        side, lo, hi = mark
        rng = range(lo, hi) if side == "after" else range(hi - 1, lo - 1, -1)
        doc = tok.doc
        for j in rng:
            if j == tok.i or doc[j].pos_ == "PRON":
                continue  # a position holds a name, not a pronoun
            acts = [a for a in self._innermost(ctx, j) if a not in exclude]
            if acts:
                return self._with_conjuncts(ctx, doc[j], acts, exclude), doc[j]
        return [], None

    @staticmethod
    def _innermost(ctx, i) -> list:
        """The actors of the innermost mention over token ``i`` (several when one name has
        several codes)."""
        acts = ctx.tok_actors.get(i, [])
        if len(acts) <= 1:
            return list(acts)
        span = ctx.tok_spans.get(i, [])
        return [a for a, sp in zip(acts, span) if sp == span[0]]

    def _with_conjuncts(self, ctx, t, acts, exclude) -> list:
        """``acts`` (found at token ``t``) and the actors of the other members of the
        compound ``t`` heads, or of the name ``t`` is part of."""
        out = list(acts)
        h = t
        ids = {a.id for a in acts}
        while h.dep_ in ("compound", "flat") and h.head.i > h.i and ids & {a.id for a in ctx.tok_actors.get(h.head.i, [])}:
            h = h.head
        for cj in h.conjuncts:
            if cj.pos_ not in ("NOUN", "PROPN"):
                continue
            found = self._innermost(ctx, cj.i) or next((self._innermost(ctx, x.i) for x in cj.children
                                                        if x.dep_ in ("compound", "poss", "amod")
                                                        and self._innermost(ctx, x.i)), [])
            out.extend(a for a in found if a not in out and a not in exclude)
        return out


def dialect_of(entry) -> str:
    """``tabari`` for a word-order pattern, else the entry's dialect (polybius, petrarch)."""
    if entry.sequence is not None:
        return "tabari"
    return "petrarch2" if entry.dialect == "petrarch" else "polybius"


def strategies(entries, args: Arguments, matcher: Matcher) -> dict[int, Petrarch2Dialect]:
    """The strategy of every dictionary entry (by ``id``), chosen once at build."""
    kinds = {cls.name: cls(args, matcher) for cls in (PolybiusDialect, Petrarch2Dialect, TabariDialect)}
    return {id(e): kinds[dialect_of(e)] for e in entries}
