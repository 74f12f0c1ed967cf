"""The events stage: who did what to whom, when and where.

Built once per pipeline (``EventStage(settings, nlp)``): the verb dictionary is read and
the trigger matcher compiled; each document is then coded sentence by sentence.
"""
from __future__ import annotations

import logging

from ..dictionaries.verbs import load_verb_dictionaries
from ..model import Event, EventDate, Plover, Span
from ..stages import Stage
from . import dates as _dates
from .anchors import anchors as _anchors, inherit_dates
from .codebook import default_codebook
from .coder import NON_ARGUMENT_ENTS, Coding, EventCoder, _lem
from .places import gazetteer, settings as place_settings

log = logging.getLogger("polybius.events")

NOUN_DEFAULT_TARGETS = ["prep:against", "prep:on", "prep:with", "prep:to"]
VERB_DEFAULT_TARGETS = ["obj", "dative", "obj_owner", "obj_pp"]
PETRARCH_DEFAULT_TARGETS = ["obj", "dative", "obj_owner", "obj_pp", "obj_tree", "pp"]
KEEP_MODALITIES = ("asserted", "reported", "future")


NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor"})


class EventStage(Stage):
    name = "events"
    requires = ("nlp", "sentences", "published", "actors")
    assigns = ("events",)

    def __init__(self, settings, nlp):
        super().__init__(settings, nlp)
        self.verbs = load_verb_dictionaries(getattr(settings, "verbs_files", []) or [])
        self.coder = EventCoder(self.verbs, nlp.vocab)
        # a TABARI/PETRARCH-1 dictionary: patterns are word sequences, verb phrases coded in text order
        self.tabari = any(e.sequence is not None for e in self.verbs.entries)
        self.codebook = default_codebook()
        ps = place_settings()
        self.place_preps = set(ps.get("place_preps", []))
        self.place_labels = set(ps.get("place_labels", []))
        self.anchor_preps = _anchors()
        self._forces = frozenset().union(*(self.verbs.synsets.get(n, frozenset()) for n in ("FORCES", "PEACEKEEPERS", "DIPLOMATS")))
        self.keep = tuple(getattr(settings, "event_modalities", None) or KEEP_MODALITIES)
        self.speech = {(t.lemma) for e in self.verbs.entries if e.kind == "speech" for t in e.triggers}
        self.charges = [e for e in self.verbs.entries if e.kind == "charge"]
        self.obligation_aux = self.coder.q.get("obligation_aux", frozenset())
        self.self_pronouns = self.coder.q.get("speaker_pronouns", frozenset())
        self.quantity_heads = self.coder.q.get("quantity_heads", frozenset())
        self.reported_preps = self.coder.q.get("reported_preps", frozenset())
        self.descriptive = self.coder.q.get("descriptive_participles", frozenset())
        self._oblig = []

    # ------------------------------------------------------------------ document
    def __call__(self, doc) -> None:
        sp = doc.nlp
        raw: list[Event] = []
        # per-document precomputation: trigger candidates, tree depths, entities by sentence
        self.coder.reset(sp)
        trig_idx = self.coder.trigger_indices(sp)
        self._tok_actors, self._tok_spans = self._actor_index(doc, sp) if trig_idx else ({}, {})
        oblig_idx = self.coder.word_indices(sp, self.obligation_aux) if trig_idx and self.obligation_aux else []
        if trig_idx:
            import numpy as np
            from spacy.attrs import HEAD

            rel = sp.to_array([HEAD]).astype("int64").reshape(-1)
            heads = (rel + np.arange(len(sp))).tolist()
        else:
            heads = []
        self._depths = _LazyDepths(heads)
        self._trig_set = set(trig_idx)
        ents = list(sp.ents) if trig_idx else []
        for si, s in enumerate(doc.sentences):
            span = sp.char_span(s.start, s.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            trigs = [sp[i] for i in trig_idx if span.start <= i < span.end]
            if not trigs:
                continue
            if not any(i in self._tok_actors for i in range(span.start, span.end)):
                continue  # no actor in the sentence: nothing can be coded
            self._ents = [e for e in ents if span.start <= e.start < span.end]
            self._oblig = [sp[i] for i in oblig_idx if span.start <= i < span.end]
            root = span.root
            self.coder.sentence_reported = any(c.dep_ == "prep" and c.lower_ in self.reported_preps
                                               for c in root.children)
            raw.extend(self.code_sentence(doc, si, span, trigs))
        self.coder.reset(None)
        events = self.dedup(doc, raw)
        for n, e in enumerate(events, 1):
            e.id = f"E{n}"
        inherit_dates(doc, events, self.anchor_preps)
        doc.events = events

    def code_sentence(self, doc, si: int, span, trigs=None) -> list[Event]:
        if trigs is None:
            trigs = self.coder.triggers(span)
            self._depths = _LazyDepths([t.head.i for t in span.doc])
            self._trig_set = None
            self._ents = [e for e in span.ents]
            self._oblig = [t for t in span if t.lower_ in self.obligation_aux]
            self.coder.sentence_reported = any(c.dep_ == "prep" and c.lower_ in self.reported_preps
                                               for c in span.root.children)
        if not trigs:
            return []
        depths = self._depths
        if self.tabari:
            trigs.sort(key=lambda t: t.i)  # TABARI codes verb phrases in the order of the text
        else:
            trigs.sort(key=lambda t: (depths[t.i], t.i))
        consumed: set[int] = set()
        out: list[Event] = []
        trig_set = getattr(self, "_trig_set", None)
        for t in trigs:
            if t.i in consumed:
                continue
            if trig_set is not None and self.coder.only_grammar(t) and not any(c.i in trig_set for c in t.children):
                continue  # a light, pass-through or speech verb with nothing codeable under it
            if t.tag_ == "VBN" and t.dep_ in ("amod", "acl") and t.lemma_.lower() in self.descriptive:
                continue  # "Russia-backed rebels", "the internationally recognised government": a description
            c = self.coder.code(t)
            if c is None:
                continue
            if c.entry.kind == "content" and not c.enacted:
                continue
            for x in c.consumed:
                consumed.add(x.i)
            consumed.add(c.tok.i)
            consumed.add(c.head.i)
            # an event noun that is an argument of a coded verb is part of that event, and so
            # are the complement's ("agreed to lift the sanctions": no sanctions event of its own)
            sub = c
            while sub is not None:
                consumed.update(o.i for o in sub.frame.obj)
                consumed.update((sub.tok.i, sub.head.i))
                sub = sub.complement
            if c.entry.sequence is not None:
                # TABARI: a verb phrase that codes is done; the verbs inside it are not coded apart
                consumed.update(_verb_phrase(c.tok))
                if c.head.i != c.tok.i:
                    consumed.update(_verb_phrase(c.head))
            c = self.obligation(c) or c
            out.extend(self.make_events(doc, si, span, c))
        out.extend(self.obligations_uncoded(doc, si, span, consumed))
        out.extend(self.charge_events(doc, si, span, consumed, trigs))
        out.extend(self.claim_events(doc, si, span, out))
        return out

    # ------------------------------------------------------------------ reframing
    def _family_entry(self, family: str):
        for e in self.verbs.entries:
            if e.family == family and e.kind == "event" and "comp_subj" in (e.target or []):
                return e
        return None

    def _speech_head(self, h) -> bool:
        """A speech verb, or a light verb whose object is a speech noun ("issued a reminder that")."""
        if self.coder.is_speech(h):
            return True
        return self.coder._is_light(h) and any(c.dep_ == "dobj" and self.coder.is_speech(c) for c in h.children)

    def _under_speech_obligation(self, v):
        """The speech verb when ``v`` is 'Y must/should do' reported by a speaker."""
        if v is None:
            return None
        if v.dep_ == "acl" and self.coder._pos(v.head) == "NOUN" and self.coder.is_speech(v.head) and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in v.children):
            pass  # "a reminder to X that Y must ...": the speech noun's content clause
        elif v.dep_ != "ccomp" or not self._speech_head(v.head):
            return None
        if any(c.dep_ == "aux" and c.lower_ in self.obligation_aux for c in v.children):
            return v.head
        return None

    def obligation(self, c: Coding) -> Coding | None:
        """'X said Y must withdraw' -> X demands that Y withdraw (CAMEO 10 + concept); 'X said Y
        must agree to talks' -> X demands that Y agree (the concept of what Y is to agree to)."""
        if c.entry.family not in (None, "intent") or c.head.i != c.tok.i and self.coder._pos(c.head) == "NOUN":
            return None
        sp = self._under_speech_obligation(c.head)
        entry = self._family_entry("demand")
        if sp is None or entry is None:
            return None
        if c.entry.family == "intent":
            concept = self.verbs.concepts.get(c.concept) if c.concept else None
        else:
            concept = self.verbs.concept_of(c.code)
        code = (concept.codes.get("demand") if concept else None) or entry.code
        return Coding(code, entry, c.head, self.coder.frame(sp), f"{entry.rule} family=demand (obligation under "
                      f"{sp.lemma_})" + (f" concept={concept.name}" if concept else "") + f" <- {c.rule}", sp,
                      concept=concept.name if concept else None, complement=c)

    def obligations_uncoded(self, doc, si, span, consumed) -> list[Event]:
        entry = self._family_entry("demand")
        if entry is None:
            return []
        out = []
        for t in self._oblig:
            if t.dep_ == "aux" and t.lower_ in self.obligation_aux and t.head.i not in consumed:
                v = t.head
                sp = self._under_speech_obligation(v)
                if sp is None or sp.i in consumed:
                    continue
                inner = Coding(entry.code, entry, v, self.coder.frame(v), "", v)
                c = Coding(entry.code, entry, v, self.coder.frame(sp), f"{entry.rule} family=demand (obligation under "
                           f"{sp.lemma_})", sp, complement=inner)
                consumed.add(v.i)
                out.extend(self.make_events(doc, si, span, c))
        return out

    def intent_or_threat(self, c: Coding, modality: str, negated: bool = False) -> Coding:
        """A future (or conditional) action is coded as the statement of it: an intent to
        cooperate (03) or a threat (13), with the action's concept ("will boycott" -> 130);
        a negated one ("will not lift the embargo") as a refusal (12)."""
        if (c.entry.family is not None or c.entry.dialect != "polybius" or not c.code.isdigit()
                or c.code[:2] in ("01", "02", "03", "10", "12", "13")):
            return c
        root = int(c.code[:2])
        family = "threaten" if root >= 14 or root == 11 else "intent"
        if negated:
            concept = self.verbs.concept_of(c.code)
            code = (concept.codes.get("reject") if concept else None) or "120"
            return Coding(code, c.entry, c.tok, c.frame, f"{c.rule} as reject ({modality}, refusal)", c.head,
                          concept=concept.name if concept else None, consumed=c.consumed,
                          complement=c.complement, source_frame=c.source_frame)
        concept = self.verbs.concept_of(c.code)
        code = (concept.codes.get(family) if concept else None) or ("130" if family == "threaten" else "030")
        if family == "intent" and concept is None:
            code = "030"
        return Coding(code, c.entry, c.tok, c.frame, f"{c.rule} as {family} ({modality})", c.head,
                      concept=concept.name if concept else None, consumed=c.consumed, complement=c.complement,
                      source_frame=c.source_frame)

    def refusal(self, c: Coding, modality: str) -> Coding:
        """A negated acceptance ("will not accept refugees", "did not approve the plan",
        `[acceptance_verbs]` in qualifiers.txt) is a refusal: the reject code (12) of what was
        not accepted."""
        if (c.entry.family not in (None, "intent") or c.entry.dialect != "polybius" or not c.code.isdigit()
                or c.code[:2] not in ("03", "04", "05", "06", "07", "08")
                or c.tok.lemma_.lower() not in self.coder.q.get("acceptance_verbs", ())):
            return c
        concept = c.concept and self.verbs.concepts.get(c.concept) or self.verbs.concept_of(c.code)
        code = (concept.codes.get("reject") if concept else None) or "120"
        return Coding(code, c.entry, c.tok, c.frame, f"{c.rule} as reject ({modality}, refusal)", c.head,
                      concept=concept.name if concept else None, consumed=c.consumed,
                      complement=c.complement, source_frame=c.source_frame)

    # ------------------------------------------------------------------ arguments
    @staticmethod
    def _arg_span(doc, si, tok, actor_id):
        """Where an argument is in the text: a pronoun's actor is shown by its named mention in
        the sentence ("the Pentagon said *it* hit ..." -> "the Pentagon"), else the word's phrase."""
        if tok is not None and actor_id:
            sent = doc.sentences[si]
            actor = doc.actor(actor_id)
            ms = sorted((m for m in (actor.mentions if actor else []) if sent.start <= m.start and m.end <= sent.end
                         and not m.start <= tok.idx < m.end), key=lambda m: m.start)
            covered = actor is not None and any(m.start <= tok.idx < m.end for m in actor.mentions)
            if ms and (tok.pos_ == "PRON" or not covered):
                before = [m for m in ms if m.end <= tok.idx]
                m = before[-1] if before else ms[0]
                return (m.start, m.end)
        return _tok_span(tok)

    def _compound_subject(self, f, sources) -> list:
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

            def blocks(a) -> bool:
                if a.dep_ != "prep" or not (s.left_edge.i <= a.i <= s.right_edge.i):
                    return False
                if a.lower_ != "of" or a.head.i not in members:
                    return True
                h = s.doc[max(m for m in members if m < a.i)]  # the member the phrase follows
                return bool(self._innermost(h.i) or any(self._innermost(x.i) for x in h.children
                                                        if x.dep_ in ("poss", "compound")))

            for t in sub:
                if t.pos_ not in ("PROPN", "NOUN") or any(blocks(a) for a in t.ancestors):
                    continue
                for a in self._innermost(t.i):
                    if a not in out:
                        out.append(a)
        return out

    def _tabari_actors(self, doc, c: Coding, f, sf, marks, sources, stok, targets, ttok):
        """Source and target the TABARI way, given what the parse found: a "$"/"+" in the
        pattern says where the source/target is and wins; without a target, the first actor
        after the verb in its phrase; without a source (or with only the target as subject),
        the nearest actor before the verb back to the clause start.  Actors are read by name
        (a pronoun is no target), and a compound ("X and Y") gives all its members."""
        tok = c.tok
        upper = ("before", self.coder.upper_start(tok), tok.i)
        lower = ("after", tok.i + 1, self.coder.lower_end(tok))
        if sources:
            sources = self._compound_subject(sf, sources)
        if "$" in marks:
            got, gtok = self._actor_at(tok, marks["$"], [])
            if got:
                sources, stok = got, gtok
        elif not sources and f.passive and marks.get("+", ("after",))[0] == "after":
            # a passive without its agent: TABARI reads the actor before the verb as the source
            sources, stok = self._actor_at(tok, upper, [])
            if sources:
                targets, ttok = [], None
        named = [t for t in (ttok.subtree if ttok is not None else [])
                 if any(a in targets for a in self._tok_actors.get(t.i, []))]
        if targets and ttok is not None and all(t.pos_ == "PRON" for t in named):
            targets, ttok = [], None  # TABARI reads actors by name, not through pronouns ("its embassy")
        if "+" in marks:
            got, gtok = self._actor_at(tok, marks["+"], sources if "$" in marks else [])
            if got:
                targets, ttok = got, gtok
        elif not targets and marks.get("%", ("after",))[0] != "before":
            got, gtok = self._actor_at(tok, lower, sources)
            if got:
                targets, ttok = got, gtok
        elif targets and ttok is not None:
            targets = self._with_conjuncts(ttok, targets, sources)
        if targets and "$" not in marks and "%" not in marks:
            sources = [a for a in sources if a not in targets]  # the subject the pattern made the target
        if not sources and "$" not in marks:
            # the nearest actor before the verb (for a verb coordinated with an earlier one,
            # before that one: "X condemned ... and promised ..."), not the target's own phrase
            v = tok
            while v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.head.i < v.i:
                v = v.head
            if v.i != tok.i:
                upper = ("before", self.coder.upper_start(v), v.i)
            got, gtok = self._actor_at(tok, upper, targets if ttok is not None and ttok.i < tok.i else [])
            if got:
                sources, stok = got, gtok
        return sources, stok, targets, ttok

    def _object_phrase(self, tok) -> bool:
        """A noun phrase after the verb in its phrase that is not a bare time expression
        ("said today" has none; "said on Saturday" has one)."""
        hi = self.coder.lower_end(tok)
        for a, b in self.coder._chunks(tok.sent):
            if tok.i < a < hi and tok.doc[b - 1].dep_ not in ("npadvmod", "tmod"):  # its head ends it
                return True
        return False

    def _actor_at(self, tok, mark, exclude) -> tuple[list, object]:
        """Actors at a TABARI pattern position ``(side, lo, hi)``: the first named actor in
        tokens lo..hi-1 ("after") or the nearest one ("before"), with the other members of its
        compound ("Minas Tirith and Osgiliath")."""
        side, lo, hi = mark
        rng = range(lo, hi) if side == "after" else range(hi - 1, lo - 1, -1)
        doc = tok.doc
        for j in rng:
            if j == tok.i or doc[j].pos_ == "PRON":
                continue  # a position holds a name, not a pronoun
            acts = [a for a in self._innermost(j) if a not in exclude]
            if acts:
                return self._with_conjuncts(doc[j], acts, exclude), doc[j]
        return [], None

    def _innermost(self, i) -> list:
        """The actors of the innermost mention over token ``i`` (several when one name has
        several codes)."""
        acts = self._tok_actors.get(i, [])
        if len(acts) <= 1:
            return list(acts)
        span = self._tok_spans.get(i, [])
        return [a for a, sp in zip(acts, span) if sp == span[0]]

    def _with_conjuncts(self, t, acts, exclude) -> list:
        """``acts`` (found at token ``t``) and the actors of the other members of the
        compound ``t`` heads, or of the name ``t`` is part of."""
        out = list(acts)
        h = t
        ids = {a.id for a in acts}
        while h.dep_ in ("compound", "flat") and h.head.i > h.i and ids & {a.id for a in self._tok_actors.get(h.head.i, [])}:
            h = h.head
        for cj in h.conjuncts:
            if cj.pos_ not in ("NOUN", "PROPN"):
                continue
            found = self._innermost(cj.i) or next((self._innermost(x.i) for x in cj.children
                                                   if x.dep_ in ("compound", "poss", "amod") and self._innermost(x.i)), [])
            out.extend(a for a in found if a not in out and a not in exclude)
        return out

    @staticmethod
    def _actor_index(doc, sp) -> tuple[dict[int, list], dict[int, list]]:
        """Token index -> actors with a mention over it, innermost mention first (what
        ``Document.actors_at`` answers for one token), and token index -> the (start, end)
        of each of those mentions; built once per document."""
        hits: dict[int, list] = {}
        for a in doc.actors:
            for m in a.mentions:
                span = sp.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for i in range(span.start, span.end):
                    hits.setdefault(i, []).append((m.end - m.start, a, (m.start, m.end)))
        out, spans = {}, {}
        for i, lst in hits.items():
            lst.sort(key=lambda x: x[0])
            seen, acts, sp_ = set(), [], []
            for ln, a, m in lst:
                if a.id not in seen:
                    seen.add(a.id)
                    acts.append(a)
                    sp_.append(m)
            out[i] = acts
            spans[i] = sp_
        return out, spans

    def _actors_at_token(self, doc, t) -> list:
        idx = getattr(self, "_tok_actors", None)
        if idx is not None and t.doc is doc.nlp:
            return list(idx.get(t.i, ()))
        return doc.actors_at(t.idx, t.idx + len(t.text))

    def actors_of(self, doc, tok, depth: int = 0) -> list:
        if tok is None or depth > 3:
            return []
        if tok.lower_ in ("that", "which", "who") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
            tok = tok.head.head  # the antecedent, with its conjuncts ("Egypt and Saudi Arabia, which mediated")
        heads = [tok] + [c for c in tok.conjuncts if c.pos_ in ("PROPN", "NOUN", "PRON")]
        found = []
        for h in heads:
            hits = self._actors_at_token(doc, h)
            if not hits:
                for c in h.children:  # "Iraqi forces", "the newspaper La Prensa"
                    if c.dep_ in ("poss", "compound", "amod", "nmod", "appos"):
                        # "Eriadori and Calenardhon leaders": the modifier and its conjuncts
                        for m in [c, *c.conjuncts] if c.dep_ != "appos" else [c]:
                            hits.extend(a for a in self._actors_at_token(doc, m) if a not in hits)
            if not hits and h.lemma_.lower() in self.quantity_heads:
                for p in h.children:
                    if p.dep_ == "prep" and p.lower_ == "of":
                        for x in p.children:
                            if x.dep_ == "pobj":
                                hits = self.actors_of(doc, x, depth + 1)
            if not hits and h.pos_ == "NOUN":
                # "activists from Fatah", "soldiers from Gondor": the group they come from
                for p in h.children:
                    if p.dep_ == "prep" and p.lower_ == "from":
                        for x in p.children:
                            if x.dep_ == "pobj":
                                hits.extend(a for a in self._actors_at_token(doc, x) if a not in hits)
            if not hits and h.dep_ == "pobj" and h.head.lemma_.lower() in ("include", "including", "like", "among"):
                hits = self.actors_of(doc, h.head.head, depth + 1)
            if not hits and h.pos_ == "PRON" and h.lower_ in self.self_pronouns and h.dep_ in ("nsubj", "nsubjpass"):
                # "X said it will ...": a pronoun subject of a reported clause is the speaker
                v = h.head
                while v.dep_ in ("xcomp", "conj") and v.head.i != v.i:
                    v = v.head
                if v.dep_ == "ccomp" and self.coder.is_speech(v.head):
                    for sj in v.head.children:
                        if sj.dep_ == "nsubj" and sj is not h:
                            hits = self.actors_of(doc, sj, depth + 1)
            if not hits and h.pos_ == "NOUN":
                # an event noun as argument ("the US strikes ... were a breach"): its own agent
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ == "by":
                        for p in c.children:
                            hits.extend(self.actors_of(doc, p, depth + 1))
            for a in hits:
                if a not in found:
                    found.append(a)
        return found

    def role_tokens(self, role: str, c: Coding, f) -> list:
        if role == "subj":
            # "the missiles fired by X struck Y": an instrument's agent stands behind the subject
            return f.subj + [x for s in f.subj for a in s.children if a.dep_ == "acl" and a.tag_ == "VBN"
                             for b in a.children if b.dep_ == "agent" for x in b.children if x.dep_ == "pobj"]
        if role == "obj":
            return f.obj
        if role == "dative":
            return f.dative
        if role == "poss":
            return f.poss
        if role == "mod":
            return [m for m in f.mod_toks if m.dep_ != "poss"]
        if role.startswith("prep:"):
            return f.preps.get(role[5:], [])
        if role == "comp_subj":
            if c.complement is not None:
                return c.complement.frame.subj
            # "called for Britain to stay": the complement's subject even when its verb codes nothing
            if f.comp is None or not (any(x.dep_ == "aux" and x.lower_ == "to" for x in f.comp.children)
                                      or f.comp.pos_ == "ADJ"):  # or a small clause: "found X guilty"
                return []
            return [x for x in f.comp.children if x.dep_ in ("nsubj", "nsubjpass")]
        if role == "obj_pp":
            return [x for o in f.obj for p in o.children if p.dep_ == "prep" and p.lower_ != "of"
                    for x in p.children if x.dep_ == "pobj"]
        if role == "obj_tree":
            # the first actor phrase inside the object ("a resumption of ties with Osgiliath")
            out = []
            for o in f.obj:
                for t in o.subtree:
                    if t is not o and t.dep_ in ("pobj", "dobj", "conj", "appos", "poss", "compound") and t.pos_ in (
                            "PROPN", "NOUN", "PRON"):
                        out.append(t)
            return out
        if role == "pp":
            return [x for objs in f.preps.values() for x in objs]
        if role == "phrase_tree":
            return self._phrase_tree(c, f)
        if role == "obj_owner":
            out = []
            for o in f.obj:
                out.extend(x for x in o.children if x.dep_ in ("poss", "compound", "amod", "nmod"))
                out.extend(x for p in o.children if p.dep_ == "prep" and p.lower_ in ("by", "from", "of")
                           for x in p.children if x.dep_ == "pobj")
            return out
        return []

    def _clause_agent(self, doc, c: Coding, targets) -> tuple[list, object]:
        marks = self.coder.q.get("cause_marks", frozenset())
        for h in (c.head, c.tok):
            for adv in h.children:
                if adv.dep_ != "advcl" or not any(m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in adv.children):
                    continue
                sub = self.coder.code(adv)
                if sub is None or not _has_prefix(sub.code, self.coder.q.get("violent_codes", ())):
                    continue
                for s in adv.children:
                    if s.dep_ != "nsubj":
                        continue
                    acts = [a for a in self.actors_of(doc, s) if a not in targets]
                    if acts:
                        return acts, s
        return [], None

    def _phrase_tree(self, c: Coding, f) -> list:
        """Nouns inside the event's object and prepositional phrases and its purpose clause
        ("to assist Ethiopia"), in text order after the trigger; never the subject's side."""
        venue = _has_prefix(c.code, self.coder.q.get("venue_codes", ()))  # "will meet in Zurich": a venue, no party
        circumstance = self.coder.q.get("circumstance_preps", frozenset())
        heads = [*f.obj, *f.dative, *(x for p, objs in f.preps.items()
                                      if not (venue and p in self.place_preps) and p not in circumstance
                                      for x in objs)]
        purpose = self.coder.q.get("purpose_verbs", frozenset())
        for h in (c.head, c.tok):
            heads.extend(x for x in h.children if x.dep_ == "advcl" and x.lemma_.lower() in purpose
                         and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children))
        # then the complement ("considering sending aid to X", "willing to withdraw from X")
        comps = [f.comp] if f.comp is not None and not f.comp_finite else []
        comps += [x for h in (c.head, c.tok) for x in h.children if x.dep_ in ("xcomp", "ccomp")
                  and not any(y.dep_ in ("nsubj", "nsubjpass") for y in x.children)]  # never a that-clause's content
        out, seen = [], set()
        for group in (heads, comps):
            found = []
            for h in group:
                for t in _clause_subtree(h):
                    if t.i in seen or t.pos_ not in ("PROPN", "NOUN") or t.ent_type_ in NON_ARGUMENT_ENTS:
                        continue
                    if t.dep_ in ("nsubj", "nsubjpass", "csubj"):
                        continue  # a clause's own subject inside the phrase acts, it is not acted on
                    if any(ch.dep_ == "poss" and ch.pos_ == "PRON" and ch.lower_ != "whose" for ch in t.children) \
                            or self._own_forces(t, c):
                        continue  # "for not inviting *its* representatives": the source's own people
                    seen.add(t.i)
                    found.append(t)
            out.extend(sorted(found, key=lambda t: t.i))
        return out

    def first_argument(self, roles, c: Coding, f):
        """The first syntactic argument the roles name, actor or not (for its span)."""
        for role in roles:
            if role in ("none",):
                return None
            if role == "comp_target":
                continue
            toks = self.role_tokens(role, c, f)
            if toks:
                return toks[0]
        return None

    def resolve_roles(self, doc, roles, c: Coding, f, exclude=()) -> tuple[list, object]:
        for role in roles:
            if role == "none":
                return [], None
            if role == "comp_target" and c.complement is not None:
                sub = c.complement
                acts, tok = self.resolve_roles(doc, self.target_roles(sub), sub, sub.frame, exclude)
                if acts:
                    return acts, tok
                continue
            for tok in self.role_tokens(role, c, f):
                if exclude and self._own_forces(tok, c):
                    continue  # "withdraw its troops from X": the source's own forces are not acted on
                acts = [a for a in self.actors_of(doc, tok) if a not in exclude]
                if acts:
                    return acts, tok
        return [], None

    def _own_forces(self, tok, c: Coding | None = None) -> bool:
        """The source's own troops or diplomats: "its troops", or the object of "recall"."""
        if tok.lemma_.lower() not in self._forces:
            return False
        if any(ch.dep_ == "poss" and ch.pos_ == "PRON" and ch.lower_ != "whose" for ch in tok.children):
            return True
        return (c is not None and _lem(c.tok) in self.coder.q.get("own_object_verbs", ())
                and any(o.i == tok.i for o in c.frame.obj))

    def target_roles(self, c: Coding) -> list[str]:
        if c.entry.target is not None:
            return c.entry.target
        if c.entry.dialect == "petrarch":
            return PETRARCH_DEFAULT_TARGETS
        return NOUN_DEFAULT_TARGETS if self.coder._pos(c.tok) == "NOUN" else VERB_DEFAULT_TARGETS

    def source_roles(self, c: Coding) -> list[str]:
        if self.coder._pos(c.tok) == "NOUN":
            base = c.entry.source or ["poss", "mod", "prep:by"]
            return ["subj", *[r for r in base if r != "subj"]]
        return c.entry.source or ["subj"]

    # ------------------------------------------------------------------ events
    def make_events(self, doc, si: int, span, c: Coding) -> list[Event]:
        f = c.frame
        sf = c.source_frame or f
        sources, stok = self.resolve_roles(doc, ["subj"] if c.source_frame else self.source_roles(c), c, sf)
        targets, ttok = self.resolve_roles(doc, self.target_roles(c), c, f, exclude=sources)
        if not targets and c.complement is not None and "comp_target" not in (c.entry.target or []):
            targets, ttok = self.resolve_roles(doc, ["comp_target"], c, f, exclude=sources)
        seq = self.coder.sequence_match(c.entry, c.tok) if c.entry.sequence is not None else None
        if (not targets and len(sources) <= 1 and c.entry.dialect == "polybius"
                and self.coder._pos(c.tok) == "VERB" and c.tok.lemma_.lower() in self.coder.q.get("partner_verbs", ())):
            return []  # "The people have spoken": talking needs a partner ("with Y", "X and Y talked")
        fallback = False
        if (not targets and not f.passive and seq is None and len(sources) <= 1
                and c.code not in self.coder.q.get("third_party_codes", ())
                and (sources or any(t.pos_ in ("NOUN", "PROPN") for t in sf.subj)) and c.entry.dialect != "petrarch"
                and "none" not in (c.entry.target or []) and not (self.coder._pos(c.head) == "NOUN" and f.light is None)):
            # the named roles hold no actor: the first actor inside the event's own phrases
            # ("claimed responsibility for the attack in Kandahar", "denied charges by X",
            # "donated ventilators to assist Ethiopia"), at lower confidence
            targets, ttok = self.resolve_roles(doc, ["phrase_tree"], c, f, exclude=sources)
            fallback = bool(targets)
            # "the American-Iraqi partnership" under an American's verb: the other side
            own = {(a.code or "")[:3] for a in sources if a.code}
            others = [a for a in targets if (a.code or "")[:3] not in own]
            if others:
                targets = others
        if seq is not None:
            sources, stok, targets, ttok = self._tabari_actors(doc, c, f, sf, seq[1], sources, stok, targets, ttok)
            if not targets and len(sources) <= 1 and not self._object_phrase(c.tok):
                return []  # TABARI needs a noun phrase after the verb for a target, even one with no actor
        if (not targets and len(sources) > 1 and c.entry.target != ["none"] and (seq is None or "%" in seq[1])
                and c.code not in self.coder.q.get("third_party_codes", ())
                and not (stok is not None and {a.id for a in sources} <= {a.id for a in self._actors_at_token(doc, stok)})
                and all(_lem(o) in self.coder.q.get("reciprocal_objects", ()) for o in f.obj)):
            # (never over a plain object: "the UN and the AU welcomed reports" welcome the reports)
            # (actors distributed from one phrase, "lawmakers in France and Germany", act together)
            # "Gondor and Osgiliath renewed ties": each member of a compound subject acts on the
            # others (in a TABARI dictionary, only where a "%" pattern says so)
            pairs = [(a, b) for a in sources for b in sources if a.id != b.id]
        else:
            pairs = None
        is_noun = self.coder._pos(c.head) == "NOUN"
        bare_noun = is_noun and f.light is None
        conf = c.entry.confidence
        if fallback:
            conf -= 0.1
            c.rule = f"{c.rule} target=phrase"
        if f.inherited_subj or (c.source_frame and c.source_frame.inherited_subj):
            conf -= 0.1
        if bare_noun:
            conf -= 0.1
            if not (sources and (targets or pairs)):
                return []  # a nominal mention without both actors ("talks between X and Y" has them)
        if not sources and f.passive and _has_prefix(c.code, self.coder.q.get("violent_codes", ())):
            # "23 civilians were killed as government forces launched air strikes": the actor of
            # the attack in the accompanying clause did it (a conflict act, never its victim)
            sources, stok = self._clause_agent(doc, c, targets)
            if sources:
                conf -= 0.1
                c.rule = f"{c.rule} source=clause"
        if not sources and f.passive and _has_prefix(c.code, self.coder.q.get("state_act_codes", ())):
            # "was arrested in Rwanda", "were expelled from North Korea": with no agent, the
            # state where it happened did it (confidence -0.1, `source=place`)
            got, gtok = self.resolve_roles(doc, ["prep:from", "prep:in"], c, f)
            got = [a for a in got if a.kind == "country"]
            if got:
                sources, stok = got, gtok
                conf -= 0.1
                c.rule = f"{c.rule} source=place"
                if any(t in got for t in targets):
                    targets, ttok = self.resolve_roles(doc, ["obj"], c, f, exclude=sources)
        passive_orphan = not sources and f.passive
        if not sources and not targets and not passive_orphan:
            return []
        modality = self.coder.modality(c.head)
        if modality == "hypothetical" and self.coder.conditional_threat(c.head):
            modality = "future"  # "will halt X unless Y": a conditional threat
        negated = self.coder.negated(c.head, c.tok if c.tok.i != c.head.i else None)
        if negated and seq is not None and any(w in NEGATION_WORDS for kind, alts, _adj in c.entry.sequence[0] if kind == "words"
                                               for alt in alts for w in alt):
            negated = False  # the pattern itself spells out the negation ("&NEG * OVER EFFORTS" [904])
        if negated and seq is None:
            c = self.refusal(c, modality)
            if c.rule.endswith("refusal)"):
                negated = False  # "will not accept refugees" is a refusal, not a negated acceptance
        if modality == "future":
            c = self.intent_or_threat(c, modality, negated)
            if c.rule.endswith("refusal)"):
                negated = False  # "will not lift the embargo" is a refusal, not a negated event
        if modality not in self.keep:
            return []
        plain = [(s_, t_) for s_ in sources or [None] for t_ in targets or [None]]
        codings = [(c.code, pairs or plain)]
        if c.entry.reciprocal and c.code == c.entry.code:
            # PETRARCH's paired code "[032:033]": the target does the second action to the source
            codings.append((c.entry.reciprocal, [(t_, s_) for s_, t_ in pairs or plain if s_ is not None and t_ is not None]))
        out, swapped = [], set()
        for k, (code, dyads) in enumerate(codings):
            evs = self._emit(doc, si, span, c, code, dyads, modality, negated, conf, passive_orphan, stok, ttok)
            out.extend(evs)
            swapped.update(id(ev) for ev in evs if k)
        if stok is None:
            stok = self.first_argument(["subj"] if c.source_frame else self.source_roles(c), c, sf)
        if ttok is None:
            ttok = self.first_argument(self.target_roles(c), c, f)
        for ev in out:
            a, b = (ttok, stok) if id(ev) in swapped else (stok, ttok)
            doc.extras.setdefault("event_arguments", {})[id(ev)] = {
                "source": self._arg_span(doc, si, a, ev.source), "target": self._arg_span(doc, si, b, ev.target)}
        return out

    def _emit(self, doc, si, span, c, code, dyads, modality, negated, conf, passive_orphan, stok, ttok) -> list[Event]:
        cb = self.codebook.get(code) if code in self.codebook or code.isdigit() and len(code) <= 4 else None
        if cb is None or (code not in self.codebook and c.entry.rule.split(":")[0] != "verbs.txt"):
            # a user dictionary's code outside the CAMEO codebook: kept apart, never in the contract
            for s_, t_ in dyads:
                if True:
                    doc.extras.setdefault("uncoded_events", []).append(
                        {"sentence": si, "source": s_.id if s_ else None, "target": t_.id if t_ else None,
                         "code": code, "rule": c.rule, "trigger": (c.tok.idx, c.tok.idx + len(c.tok.text)),
                         "negated": negated, "modality": modality})
            return []
        date = self.event_date(doc, span, c)
        place = self.event_place(span, c, [stok, ttok])
        sent = doc.sentences[si]
        evidence = [Span(sent.start, sent.end)]
        out = []
        for s, t in dyads:
            if True:
                if s is not None and t is not None and s.id == t.id:
                    continue
                ev = Event(
                    id="", sentence=si, source=s.id if s else None, target=t.id if t else None,
                    cameo=cb.code if code not in self.codebook else code, root=cb.root, goldstein=cb.goldstein,
                    quad_class=cb.quad_class, trigger=Span(c.tok.idx, c.tok.idx + len(c.tok.text)), rule=c.rule,
                    confidence=round(max(0.1, conf - (0.3 if passive_orphan else 0.0)), 2),
                    plover=Plover(cb.plover_event, cb.plover_mode,
                                  [cb.plover_context] if cb.plover_context else []) if cb.plover_event else None,
                    negated=negated, modality=modality, date=date, place=place, evidence=list(evidence))
                ev.cameo = code if code in self.codebook else cb.code
                out.append(ev)
        return out

    def charge_events(self, doc, si, span, consumed, trigs=None) -> list[Event]:
        """'X noted that the US strikes were an illegal breach of ...' -> X accuses the US."""
        if not self.charges:
            return []
        out = []
        for tok in trigs if trigs is not None else span:
            if tok.i in consumed or self.coder._pos(tok) != "NOUN" or tok.dep_ not in ("attr", "oprd", "appos"):
                continue
            cands = [e for e, _ in self.coder.candidates(tok) if e.kind == "charge"]
            if not cands:
                continue
            f = self.coder.frame(tok)
            ok = [e for e in cands if self.coder._holds(e, f)]
            if not ok:
                continue
            entry = max(ok, key=lambda e: e.specificity)
            cop = tok.head
            speech = cop.head if cop.dep_ == "ccomp" else None
            if speech is None or _lem(speech) not in self.speech:
                continue
            speaker = [c for c in speech.children if c.dep_ in ("nsubj",)]
            accused = [c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass")]
            sources = [a for s in speaker for a in self.actors_of(doc, s)]
            targets = [a for t in accused for a in self.actors_of(doc, t) if a not in sources]
            if not sources or not targets:
                continue
            c = Coding(entry.code, entry, tok, f, f"{entry.rule} charge under {speech.lemma_}", speech)
            cb = self.codebook.get(entry.code)
            modality = self.coder.modality(speech)
            if modality not in self.keep or cb is None:
                continue
            date = self.event_date(doc, span, c)
            sent = doc.sentences[si]
            for s in sources:
                for t in targets:
                    ev = Event(id="", sentence=si, source=s.id, target=t.id, cameo=entry.code, root=cb.root,
                               goldstein=cb.goldstein, quad_class=cb.quad_class,
                               trigger=Span(tok.idx, tok.idx + len(tok.text)), rule=c.rule,
                               confidence=round(entry.confidence - 0.1, 2),
                               plover=Plover(cb.plover_event, cb.plover_mode,
                                             [cb.plover_context] if cb.plover_context else []) if cb.plover_event else None,
                               negated=self.coder.negated(speech, cop), modality=modality, date=date,
                               place=None, evidence=[Span(sent.start, sent.end)])
                    doc.extras.setdefault("event_arguments", {})[id(ev)] = {
                        "source": _tok_span(speaker[0]), "target": _tok_span(accused[0])}
                    out.append(ev)
        return out

    def claim_events(self, doc, si, span, events) -> list[Event]:
        """'The rebels claimed that they had attacked the base': the rebels claim responsibility
        (015) for the attack, whose own modality becomes `reported` (their word for it)."""
        verbs = self.coder.q.get("claim_verbs", frozenset())
        cb = self.codebook.get("015")
        if not verbs or cb is None:
            return []
        out = []
        sp = doc.nlp
        for ev in events:
            if ev.source is None or not _has_prefix(ev.cameo, self.coder.q.get("claimable_codes", ())):
                continue
            t = sp.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
            if t is None or not len(t):
                continue
            v = t.root if self.coder._pos(t.root) != "NOUN" else _verb_of(t.root)
            while v is not None and v.dep_ in ("conj", "xcomp") and v.head.i != v.i:
                v = v.head
            if v is None or v.dep_ != "ccomp" or _lem(v.head) not in verbs:
                continue
            claim = v.head
            speaker = [a.id for c in claim.children if c.dep_ == "nsubj" for a in self.actors_of(doc, c)]
            if ev.source not in speaker:
                continue
            modality = self.coder.modality(claim)
            if modality not in self.keep:
                continue
            if ev.modality == "asserted":
                ev.modality = "reported"
            claim_ev = Event(id="", sentence=si, source=ev.source, target=ev.target, cameo="015", root=cb.root,
                             goldstein=cb.goldstein, quad_class=cb.quad_class,
                             trigger=Span(claim.idx, claim.idx + len(claim.text)),
                             rule=f"claim_verbs:{claim.lemma_} of {ev.cameo} ({ev.rule})",
                             confidence=round(ev.confidence - 0.1, 2),
                             plover=Plover(cb.plover_event, cb.plover_mode,
                                           [cb.plover_context] if cb.plover_context else []) if cb.plover_event else None,
                             negated=self.coder.negated(claim), modality=modality, date=ev.date, place=ev.place,
                             evidence=list(ev.evidence))
            args = doc.extras.setdefault("event_arguments", {})
            args[id(claim_ev)] = dict(args.get(id(ev), {}))
            out.append(claim_ev)
        return out

    # ------------------------------------------------------------------ when / where
    def event_date(self, doc, span, c: Coding) -> EventDate | None:
        ents = [e for e in self._ents if e.label_ in ("DATE", "TIME")]
        pub = doc.published
        chosen = None
        if ents:
            anchors = {c.head.i, c.tok.i}
            for e in ents:
                cur, hops = e.root, 0
                while cur.head.i != cur.i and hops < 6:
                    if cur.dep_ in ("relcl", "acl", "appos") and cur.i not in anchors:
                        break  # "Boluarte, who took office in 2022, rejected ...": the clause's date
                    cur, hops = cur.head, hops + 1
                    if cur.i in anchors:
                        chosen = e
                        break
                if chosen is not None:
                    break
            if chosen is None:
                dates = [e for e in ents if e.label_ == "DATE" and not _in_modifier_clause(e.root, anchors)]
                if len(dates) == 1:
                    chosen = dates[0]
        if chosen is not None:
            rng = _dates.resolve(chosen.text, pub)
            if rng is not None:
                return EventDate(rng[0].isoformat(), rng[1].isoformat(), chosen.text)
        if pub is not None:
            return EventDate(pub.isoformat(), pub.isoformat(), None)
        return None

    def event_place(self, span, c: Coding, args=()):
        anchors = {c.head.i, c.tok.i} | {a.i for a in args if a is not None}
        # "US strikes in Iraq, including those that killed X": the place of the antecedent
        h = c.head
        if h.dep_ == "relcl":
            ante = h.head
            anchors.add(ante.i)
            if ante.dep_ == "pobj" and ante.head.lemma_.lower() in ("include", "including", "like", "among"):
                anchors.add(ante.head.head.i)
        for e in self._ents:
            if e.label_ not in self.place_labels:
                continue
            r = e.root
            if r.dep_ != "pobj" or r.head.lower_ not in self.place_preps:
                continue
            if r.head.head.i in anchors:
                try:
                    return gazetteer().lookup(e.text)
                except Exception as exc:  # a gazetteer problem never loses the event
                    log.debug("gazetteer failed on %r: %s", e.text, exc)
                    return None
        return None

    # ------------------------------------------------------------------ one event once
    def dedup(self, doc, events: list[Event]) -> list[Event]:
        """Merge statements of the same event (same code family, compatible actors)."""
        kept: list[Event] = []
        headline = {i for i, s in enumerate(doc.sentences)
                    if s.block is not None and s.block < len(doc.blocks) and doc.blocks[s.block].kind == "headline"}
        for ev in events:
            match = None
            for k in kept:
                if _compatible(k, ev) and not _coordinated_acts(doc, k, ev):
                    match = k
                    break
            if match is None:
                if ev.source is None and ev.target is None:
                    continue  # an orphan (passive without agent) that no other statement explains
                kept.append(ev)
                continue
            _merge(match, ev, prefer_new=match.sentence in headline and ev.sentence not in headline and False)
        # orphans may precede their explaining statement: a second pass over what was dropped
        return [k for k in kept if k.source is not None or k.target is not None]


def _coordinated_acts(doc, a: Event, b: Event) -> bool:
    """Two verbs joined by "and" with different codes are two acts ("attacked Iraq and taken
    Mosul"), not one event stated twice."""
    if a.sentence != b.sentence or a.cameo == b.cameo or doc.nlp is None:
        return False
    sa = doc.nlp.char_span(a.trigger.start, a.trigger.end, alignment_mode="expand")
    sb = doc.nlp.char_span(b.trigger.start, b.trigger.end, alignment_mode="expand")
    if sa is None or sb is None or not len(sa) or not len(sb):
        return False
    ta, tb = sa.root, sb.root
    return ta.i != tb.i and (tb in ta.conjuncts or ta in tb.conjuncts)


def _compatible(a: Event, b: Event) -> bool:
    if a.root != b.root or a.negated != b.negated:
        return False
    if not (a.cameo == b.cameo or a.cameo in (a.root, a.root + "0") or b.cameo in (b.root, b.root + "0")
            or a.cameo.startswith(b.cameo) or b.cameo.startswith(a.cameo)):
        return False
    for x, y in ((a.source, b.source), (a.target, b.target)):
        if x is not None and y is not None and x != y:
            return False
    if (a.source is None and b.target is None) or (a.target is None and b.source is None):
        if not (a.source or a.target) or not (b.source or b.target):
            return True
        return False
    return True


def _merge(k: Event, ev: Event, prefer_new: bool = False) -> None:
    if len(ev.cameo) > len(k.cameo) or (k.cameo.endswith("0") and not ev.cameo.endswith("0") and len(ev.cameo) == len(k.cameo)):
        k.cameo, k.goldstein, k.quad_class, k.plover, k.rule = ev.cameo, ev.goldstein, ev.quad_class, ev.plover, ev.rule
    k.source = k.source or ev.source
    k.target = k.target or ev.target
    for sp in ev.evidence:
        if all((sp.start, sp.end) != (x.start, x.end) for x in k.evidence):
            k.evidence.append(sp)
    if k.date is None or (k.date.text is None and ev.date is not None and ev.date.text):
        k.date = ev.date
    k.place = k.place or ev.place
    if k.modality != ev.modality and "asserted" in (k.modality, ev.modality):
        k.modality = "asserted"
    k.confidence = max(k.confidence, ev.confidence)


class _LazyDepths:
    """Tree depth of a token from the head indices, computed on demand and memoised."""

    def __init__(self, heads: list[int]):
        self.heads = heads
        self.memo: dict[int, int] = {}

    def __getitem__(self, i: int) -> int:
        memo, heads = self.memo, self.heads
        path = []
        j = i
        while j not in memo and heads[j] != j and len(path) < 200:
            path.append(j)
            j = heads[j]
        d = memo.get(j, 0)
        memo[j] = d
        for k in reversed(path):
            d += 1
            memo[k] = d
        return memo[i]


def _depths(heads: list[int]) -> list[int]:
    """Depth of every token in its parse tree, from the head indices, in one pass."""
    depth = [-1] * len(heads)
    for i in range(len(heads)):
        path = []
        j = i
        while depth[j] < 0 and heads[j] != j and len(path) < 200:
            path.append(j)
            j = heads[j]
        base = depth[j] if depth[j] >= 0 else 0
        if depth[j] < 0:
            depth[j] = 0
        for k in reversed(path):
            base += 1
            depth[k] = base
    return depth


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _verb_phrase(v) -> set[int]:
    """Token indices of the verb phrase after a verb (its objects, complements and adjuncts,
    and those of the verbs it complements: "is about to restore ties ... after X burned ..."),
    without the verbs coordinated with it ("condemned ... and promised ...")."""
    chain = [v]
    while chain[-1].dep_ in ("xcomp", "acomp", "oprd") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    out: set[int] = set()
    stack = [c for h in chain for c in h.children if c.i > v.i and c.dep_ not in ("conj", "cc")
             and c not in chain]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(t.children)
    return out


def _in_modifier_clause(tok, anchors) -> bool:
    """True when ``tok`` sits in a relative/participle clause or apposition that does not hold
    the event ("Boluarte, who took office in 2022, rejected ...")."""
    cur, hops = tok, 0
    while cur.head.i != cur.i and hops < 12:
        if cur.i in anchors:
            return False
        if cur.dep_ in ("relcl", "acl", "appos"):
            return True
        cur, hops = cur.head, hops + 1
    return False


def _has_prefix(code: str, prefixes) -> bool:
    """``code`` starts with one of the CAMEO code prefixes (a data list)."""
    return any(code.startswith(p) for p in prefixes)


def _clause_subtree(tok):
    """The subtree of ``tok`` without coordinated clauses ("... and accused X": another act)."""
    stack = [tok]
    while stack:
        t = stack.pop()
        yield t
        stack.extend(c for c in t.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))


def _verb_of(tok):
    """The verb a noun hangs from (its clause), or None."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _tok_span(tok):
    if tok is None:
        return None
    start = tok.left_edge.idx
    end = tok.idx + len(tok.text)
    return (min(start, tok.idx), end)
