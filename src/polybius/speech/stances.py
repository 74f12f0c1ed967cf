"""Propositions and stances: who stands where on what.

A **proposition** is something actors take sides on (the withdrawal of a country's
forces, a ceasefire, sanctions, ...).  Concepts and the words that name them live in
``data/speech/propositions.json``; every mention of a concept in the document — "the
withdrawal of US forces", "expel American troops", "troop withdrawal", "US withdrawal" —
is read with its *theme* (whose forces; the actors stage's country code when there is
one) and *place*, and mentions with compatible themes and places merge into one
proposition with one normalised wording.

A **stance** is an actor's polarity on a proposition, found from cues
(``data/speech/stance_cues.tsv``) over the parse and the events stage's events:

* support: requesting, demanding, urging, voting for it ("voted to expel …",
  "X's request for …", "sent a request … for …");
* oppose: dismissing, rejecting, opposing it — or a *reference* to it ("opposed the
  parliament's resolution" → the proposition the parliament supports; "the request was
  dismissed" → the request's proposition, dismissed by whom the request was sent to);
* oppose by the inverse: the theme's side intending to "remain"; seeing the state the
  concept would end (a "presence") as a good thing ("as a barrier").

Predictions and analysis are not stances: cues under could/might/may/would/should, in
conditional clauses, or inside someone else's quoted words are skipped; a negated cue
flips polarity.  Holders are actors only (``Document.actors_at``); a cue with no actor
holder yields nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document, Span, Stance
from ..nlp.lookup import TokenLookup
from .lexicon import DATA, LexiconError, _rows, load_json
from .quotes import actor_for, subject_of

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_FIRST_PERSON = {"we", "i", "us", "our"}


@dataclass(frozen=True)
class Cue:
    lemma: str
    pos: str
    polarity: str
    particle: str | None = None


def load_stance_cues(path=None) -> dict[tuple[str, str], list[Cue]]:
    path = path or DATA / "stance_cues.tsv"
    out: dict[tuple[str, str], list[Cue]] = {}
    for n, cols in _rows(path, 3, 4):
        lemma, pos, pol = cols[0].lower(), cols[1], cols[2]
        if pos not in ("VERB", "NOUN") or pol not in ("support", "oppose"):
            raise LexiconError(f"{path}:{n}: pos must be VERB|NOUN and polarity support|oppose")
        out.setdefault((lemma, pos), []).append(Cue(lemma, pos, pol, cols[3].lower() if len(cols) == 4 else None))
    return out


@dataclass
class Concept:
    name: str
    label: str
    label_no_theme: str
    place_label: str
    nouns: set
    verbs_obj: set
    verbs_subj: set
    inverse_verbs: set
    inverse_nouns: set
    place_preps: set
    theme_preps: set = field(default_factory=set)
    modifier_theme: bool = False


def load_propositions(path=None) -> dict:
    d = load_json("propositions.json", path)
    try:
        concepts = [Concept(c["name"], c["label"], c["label_no_theme"], c["place_label"], set(c["nouns"]),
                            set(c["verbs_theme_object"]), set(c["verbs_theme_subject"]),
                            set(c["inverse_verbs"]), set(c["inverse_nouns"]), set(c["place_preps"]),
                            set(c.get("theme_preps", ["of"])), bool(c.get("modifier_theme", False)))
                     for c in d["concepts"]]
        return {"concepts": concepts, **{k: (set(v) if isinstance(v, list) else v)
                                         for k, v in d.items() if k not in ("concepts", "_comment")}}
    except (KeyError, TypeError) as exc:
        raise LexiconError(f"propositions.json: missing or malformed field {exc}") from None


@dataclass
class PropMention:
    concept: Concept
    token: object
    theme_key: str | None = None
    theme_text: str | None = None
    theme_country: str | None = None
    theme_tok: object = None
    place_key: str | None = None
    place_text: str | None = None
    place_country: str | None = None
    cluster: int = -1


@dataclass
class Found:
    holders: list[str]
    polarity: str
    target: object  # PropMention | ("ref", token) | ("concept-theme", Concept, country)
    evidence: tuple[int, int]
    rule: str
    cue_token: object = None
    addressee: list[str] = field(default_factory=list)


class StanceFinder:
    def __init__(self, nlp):
        self.cues = load_stance_cues()
        self.props = load_propositions()
        self.concepts: list[Concept] = self.props["concepts"]
        # single-token patterns (lemma in a data list, coarse tag): matched over the Doc's arrays
        self.matcher = TokenLookup()
        self.matcher.add("CUE_VERB", {l for l, p in self.cues if p == "VERB"}, "VERB")
        self.matcher.add("CUE_NOUN", {l for l, p in self.cues if p == "NOUN"}, "NOUN")
        self.matcher.add("CONCEPT_NOUN", set().union(*(c.nouns for c in self.concepts)), ["NOUN", "PROPN"])
        self.matcher.add("CONCEPT_VERB", set().union(*(c.verbs_obj | c.verbs_subj for c in self.concepts)), "VERB")
        self.matcher.add("INVERSE", set().union(*(c.inverse_verbs for c in self.concepts)), "VERB")
        self.matcher.add("EVAL", self.props["evaluation_verbs"], "VERB")
        self.matcher.add("POSADJ", self.props["positive_adjectives"], "ADJ")

    # -- entry ----------------------------------------------------------------
    def __call__(self, doc: Document) -> list[Stance]:
        sdoc = doc.nlp
        if sdoc is None:
            return []
        run = _Run(self, doc, sdoc)
        return run.stances()


class _Run:
    def __init__(self, f: StanceFinder, doc: Document, sdoc):
        self.f, self.doc, self.sdoc = f, doc, sdoc
        self.syn = f.props["theme_synonyms"]
        self.hyp = f.props["hypothetical_aux"]
        self.quotes = [q for q in doc.quotes if q.kind == "direct"]
        hits: dict[str, list[int]] = f.matcher(sdoc)
        self.hits = hits
        self.mentions: dict[int, PropMention] = {}
        for i in hits.get("CONCEPT_NOUN", []) + hits.get("CONCEPT_VERB", []):
            m = self._mention(sdoc[i])
            if m is not None:
                self.mentions[i] = m
        self.speech = doc.extras.get("speech_verbs", set())
        self.found: list[Found] = []

    # -- actors -----------------------------------------------------------------
    def actors_for(self, tok) -> list[str]:
        """Actors a holder token stands for: those whose mention covers it or a coordinated
        head or modifier ("Sunni and Kurdish lawmakers"); else the phrase's actor."""
        doc, ids = self.doc, []
        toks = [tok, *tok.conjuncts]
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts:
                toks.extend([c, *c.conjuncts])
        for t in toks:
            for a in doc.actors_at(t.idx, t.idx + len(t.text)):
                if a.id not in ids:
                    ids.append(a.id)
        if not ids:
            one = actor_for(doc, tok)
            if one:
                ids.append(one)
        return ids

    def _country_of(self, tok) -> tuple[str | None, str | None]:
        """(country code, actor name) of the actor a token stands for."""
        for a in self.doc.actors_at(tok.idx, tok.idx + len(tok.text)):
            return a.country, a.name
        return None, None

    def _block(self, tok) -> int:
        i = self.doc.sentence_at(tok.idx)
        b = self.doc.sentences[i].block if i is not None else None
        return b if b is not None else 0

    def _left_actor(self, verb):
        """A subjectless root verb (a parse error: "Egypt on Monday called for …"): the actor
        opening its sentence, when only adjuncts (no verb, no clause) stand between."""
        if verb.dep_ != "ROOT":
            return None
        sent = verb.sent
        for t in sent:
            if t.i >= verb.i:
                return None
            if self.doc.actors_at(t.idx, t.idx + len(t.text)):
                between = sdoc_slice = verb.doc[t.i + 1 : verb.i]
                if any(x.pos_ in ("VERB", "AUX") or x.text in (";", ":", "\"", "“") for x in sdoc_slice):
                    return None
                return t
            if t.pos_ in ("VERB", "AUX"):
                return None
        return None

    def _country_before(self, tok, exclude=None) -> tuple[str | None, str | None]:
        """The country actor mentioned last before ``tok`` ("from the country" -> Iraq)."""
        best, best_start = (None, None), -1
        for a in self.doc.actors:
            if a.kind != "country" or not a.country or a.country == exclude:
                continue
            for mm in a.mentions:
                if best_start < mm.start < tok.idx:
                    best, best_start = (a.country, a.name), mm.start
        return best

    # -- concept mentions --------------------------------------------------------
    def _concept(self, tok, kind):
        lemma = tok.lemma_.lower()
        for c in self.f.concepts:
            if kind == "noun" and lemma in c.nouns:
                return c
            if kind == "verb" and (lemma in c.verbs_obj or lemma in c.verbs_subj):
                return c
        return None

    def _mention(self, tok) -> PropMention | None:
        is_verb = tok.pos_ == "VERB"
        c = self._concept(tok, "verb" if is_verb else "noun")
        if c is None:
            return None
        m = PropMention(c, tok)
        theme = None
        if is_verb:
            lemma = tok.lemma_.lower()
            objs = [x for x in tok.children if x.dep_ in ("dobj", "nsubjpass")]
            subs = [x for x in tok.children if x.dep_ == "nsubj"]
            if lemma in c.verbs_obj and objs:
                theme = objs[0]
            elif lemma in c.verbs_subj and subs:
                theme = subs[0]
            elif lemma in c.verbs_subj and tok.dep_ in ("xcomp", "advcl", "ccomp"):
                # object control: "asked the peacekeepers to leave", "called on US troops to leave"
                h = tok.head
                ctrl = [x for x in h.children if x.dep_ == "dobj"] + [
                    o for x in h.children if x.dep_ == "prep" and x.lower_ == "on" for o in x.children
                    if o.dep_ == "pobj"]
                if ctrl:
                    theme = ctrl[0]
            if theme is None or self._concept(theme, "noun") is not None or not self._theme_word(
                    theme, forces_only=lemma in c.verbs_subj):
                return None  # "remove the ban", "the minister left the meeting", "remove sanctions"
        else:
            for x in tok.children:
                if x.dep_ == "prep" and x.lower_ in c.theme_preps:
                    objs = [o for o in x.children if o.dep_ == "pobj"]
                    if objs:
                        theme = objs[0]
                        break
            if theme is None and c.modifier_theme:
                for x in tok.children:
                    if x.dep_ in ("compound", "amod", "poss", "nmod") and self._theme_word(x):
                        theme = x
                        break
        if theme is not None and is_verb and self._concept(theme, "noun") is not None:
            return None  # "remove sanctions" is not a withdrawal: see negating_verbs
        if theme is not None and not self._theme_word(theme):
            theme = None  # "unconditional talks", "sanctions on denuclearization": no party named
        if theme is not None:
            self._set_theme(m, theme)
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in c.place_preps:
                objs = [o for o in prep.children if o.dep_ == "pobj"]
                if objs:
                    code, name = self._country_of(objs[0])
                    bare = all(k.dep_ == "det" and k.lower_ == "the" for k in objs[0].children)
                    if code is None and bare and objs[0].lemma_.lower() in self.f.props["generic_places"]:
                        code, name = self._country_before(objs[0], exclude=m.theme_country)
                    m.place_key = code or objs[0].lemma_.lower()
                    m.place_text = name or _phrase(objs[0])
                    m.place_country = code
        return m

    def _theme_word(self, tok, forces_only: bool = False) -> bool:
        """A theme is a word for forces (data: theme_synonyms) or, unless ``forces_only``
        (the subject of "leave": "the minister left"), an actor."""
        if tok.lower_ in self.syn or tok.lemma_.lower() in self.syn:
            return True
        actors = self.doc.actors_at(tok.idx, tok.idx + len(tok.text))
        if forces_only:
            return any("MIL" in (a.sectors or []) or (a.code or "").endswith("MIL") for a in actors)
        return bool(actors)

    def _set_theme(self, m: PropMention, theme):
        """Theme key: the theme's country (its own, or a country modifier's) + its kind."""
        m.theme_tok = theme
        head = self.syn.get(theme.lower_, self.syn.get(theme.lemma_.lower(), theme.lemma_.lower()))
        code, name = self._country_of(theme)
        if code is not None and theme.pos_ == "PROPN":
            head = ""  # the theme is the country itself: "sanctions on Belarus"
        if code is None:
            for x in theme.children:
                if x.dep_ in ("compound", "amod", "poss", "nmod"):
                    code, name = self._country_of(x)
                    if code:
                        break
        if code is None and theme.pos_ in ("PROPN", "ADJ"):
            # "troop withdrawal" vs "US withdrawal": a bare country modifier is the theme's country
            head = "forces" if m.concept.name == "withdrawal" else head
        if theme.pos_ == "PRON":
            head = ""  # "talks with it": the actor itself
        m.theme_key = (f"{code}:{head}" if head else code) if code else head
        m.theme_country = code
        hits = self.doc.actors_at(theme.idx, theme.idx + len(theme.text))
        if code:
            m.theme_text = name
        elif hits:
            m.theme_text = hits[0].name
        elif theme.lower_ in self.syn or theme.lemma_.lower() in self.syn:
            m.theme_text = head  # "troop withdrawal" -> forces
        else:
            m.theme_text = _phrase(theme)

    # -- cues -------------------------------------------------------------------------
    def _reporting_verb(self, tok):
        """The speech verb whose reported clause holds ``tok`` ("said the base would stay"), or None."""
        t = tok
        for _ in range(4):
            if t.dep_ == "ccomp" and t.head.i in self.speech:
                return t.head
            if t.dep_ not in ("xcomp", "conj", "advcl") or t.head.i == t.i:
                return None
            t = t.head
        return None

    def _hypothetical(self, tok) -> bool:
        reported = self._reporting_verb(tok) is not None
        t = tok
        for _ in range(3):
            if any(c.dep_ == "aux" and c.lower_ in self.hyp and not (reported and c.lower_ == "would")
                   for c in t.children):
                return True
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
                return True
            if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
                break
            t = t.head
        return False

    def _negated(self, tok) -> bool:
        return any(c.dep_ == "neg" for c in tok.children) or (
            tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in tok.head.children))

    def _quote_holder(self, tok, subj):
        """Inside a direct quote only the speaker's own 'we'/'I' hold stances."""
        for q in self.quotes:
            if q.start <= tok.idx < q.end:
                local = subject_of(tok) if tok.pos_ == "VERB" else subj  # the quoted words' own subject
                if local is not None and local.lower_ in _FIRST_PERSON and q.speaker:
                    return [q.speaker], True
                return [], True
        return None, False

    def _event_at(self, tok):
        for e in self.doc.events:
            if e.trigger.start <= tok.idx < e.trigger.end:
                return e
        return None

    def _cue_entry(self, tok, pos):
        entries = self.f.cues.get((tok.lemma_.lower(), pos), [])
        kids = {c.lower_ for c in tok.children}
        for e in entries:
            if e.particle and e.particle in kids:
                return e
        return next((e for e in entries if e.particle is None), None)

    def _target(self, tok, extra_heads=()):
        """What a cue governs: a concept mention, or a reference noun to resolve later."""
        cands = []
        for h in (tok, *extra_heads):
            for c in h.children:
                if c.dep_ in ("dobj", "xcomp", "nsubjpass", "attr", "acl", "relcl", "compound"):
                    cands.append(c)
                elif c.dep_ in ("prep", "dative") and c.lower_ in ("for", "against", "to", "on", "of"):
                    cands.extend(o for o in c.children if o.dep_ == "pobj" or o.pos_ == "VERB")
                elif c.dep_ == "ccomp" and tok.pos_ == "VERB":
                    cands.append(c)
                elif c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    cands.append(c)  # "voted on Tuesday to expel …"
        for c in cands:
            if c.i in self.mentions and c.i != tok.i:
                for k in c.children:  # "the ceasefire agreement": the more specific concept
                    if k.dep_ == "compound" and k.i in self.mentions:
                        return self.mentions[k.i]
                return self.mentions[c.i]
        neg = self.f.props.get("negating_verbs", set())
        for c in cands:
            if c.pos_ == "VERB" and c.lemma_.lower() in neg:
                for d in c.children:  # "refused to lift sanctions": the opposite side on sanctions
                    if d.dep_ in ("dobj", "nsubjpass") and d.i in self.mentions:
                        return ("neg", self.mentions[d.i])
        for c in cands:
            if c.pos_ == "VERB":
                for d in c.children:  # "urged X to allow the withdrawal", "… to return to talks"
                    if d.i in self.mentions:
                        return self.mentions[d.i]
                    if d.dep_ == "prep":
                        for o in d.children:
                            if o.dep_ == "pobj" and o.i in self.mentions:
                                return self.mentions[o.i]
            if c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() in self.f.props["reference_nouns"]:
                return ("ref", c)
            for d in c.children:  # "support for the withdrawal"
                if d.dep_ == "prep" and d.lower_ in ("for", "of"):
                    for o in d.children:
                        if o.i in self.mentions:
                            return self.mentions[o.i]
        return None

    def _addressee(self, tok, heads):
        out = []
        for h in (tok, *heads):
            for c in h.children:
                if c.dep_ in ("dative", "prep") and c.lower_ == "to":
                    for o in c.children:
                        if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN", "PRON"):
                            out.extend(self.actors_for(o))
                elif c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON"):
                    out.extend(self.actors_for(c))
        return out

    def _sentence_span(self, tok) -> tuple[int, int]:
        i = self.doc.sentence_at(tok.idx)
        if i is None:
            s = tok.sent
            return s.start_char, s.end_char
        s = self.doc.sentences[i]
        return s.start, s.end

    def collect(self):
        sdoc, f = self.sdoc, self.f
        for kind in ("CUE_VERB", "CUE_NOUN"):
            for i in self.hits.get(kind, []):
                tok = sdoc[i]
                pos = "VERB" if kind == "CUE_VERB" else "NOUN"
                entry = self._cue_entry(tok, pos)
                if entry is None or self._hypothetical(tok):
                    continue
                pol = entry.polarity
                if self._negated(tok):
                    pol = "oppose" if pol == "support" else "support"
                heads, subj, rule = [], None, f"cue:{entry.lemma}"
                if pos == "VERB":
                    subj = subject_of(tok, self.speech)
                    if subj is not None and subj.dep_ == "nsubjpass":
                        subj = None  # the thing acted on, not the holder
                    for c in tok.children:
                        if c.dep_ == "agent":
                            subj = next((o for o in c.children if o.dep_ == "pobj"), subj)
                    if subj is not None and subj.dep_ == "nsubj" and subj.head.i == tok.i and any(
                            c.dep_ == "auxpass" for c in tok.children):
                        subj = None
                    if subj is None and not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
                        subj = self._left_actor(tok)
                        if subj is not None:
                            rule += ":left-actor"
                else:
                    poss = [c for c in tok.children if c.dep_ == "poss"] or [
                        c for c in tok.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
                        and self.doc.actors_at(c.idx, c.idx + len(c.text))]
                    if poss:
                        subj = poss[0]
                    elif tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in f.props["light_verbs"]:
                        heads = [tok.head]
                        subj = subject_of(tok.head, self.speech)
                        if tok.dep_ == "nsubjpass":
                            subj = next((o for c in tok.head.children if c.dep_ == "agent"
                                         for o in c.children if o.dep_ == "pobj"), None)
                    if subj is not None and subj.lower_ in ("who", "which", "that"):
                        subj = None
                target = self._target(tok, heads)
                if target is None:
                    continue
                qh, inq = self._quote_holder(tok, subj)
                if inq:
                    holders = qh
                else:
                    holders = self.actors_for(subj) if subj is not None else []
                ev = self._event_at(tok)
                if not holders and ev is not None and ev.source and not inq and pos == "VERB" and subj is not None:
                    holders = [ev.source]
                addressee = self._addressee(tok, heads)
                if not addressee and ev is not None and ev.target:
                    addressee = [ev.target]
                self.found.append(Found(holders, pol, target, self._sentence_span(tok), rule, tok, addressee))
        # events coded by the events stage whose trigger is not a cue word of ours
        cue_toks = {fd.cue_token.i for fd in self.found if fd.cue_token is not None}
        ev_pol = self.f.props.get("event_polarity", {})
        for e in self.doc.events:
            if not e.source or e.modality == "hypothetical":
                continue
            pol = next((ev_pol[k] for k in sorted(ev_pol, key=len, reverse=True) if e.cameo.startswith(k)), None)
            if pol is None:
                continue
            span = sdoc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            tok = span.root
            if tok.i in cue_toks or tok.i in self.speech or self._hypothetical(tok):
                continue  # a speech verb's event: its words' own cues decide (inside quotes: 'we' only)
            if e.negated:
                pol = "oppose" if pol == "support" else "support"
            target = self._target(tok)
            if target is None:
                continue
            qh, inq = self._quote_holder(tok, None)
            if inq:
                continue
            self.found.append(Found([e.source], pol, target, self._sentence_span(tok), f"event:{e.cameo}",
                                    tok, [e.target] if e.target else []))
        # the inverse: the theme's side intends to remain / stay
        for i in self.hits.get("INVERSE", []):
            tok = sdoc[i]
            if self._hypothetical(tok):
                continue
            rep = self._reporting_verb(tok)
            subj = subject_of(rep if rep is not None else tok, self.speech)
            if subj is None:
                continue
            qh, inq = self._quote_holder(tok, subj)
            holders = qh if inq else self.actors_for(subj)
            themes = {a.id for m in self.mentions.values() if m.theme_tok is not None
                      for a in self.doc.actors_at(m.theme_tok.idx, m.theme_tok.idx + len(m.theme_tok.text))}
            holders = [h for h in holders if h not in themes]  # the forces themselves hold no stance
            pol = "support" if self._negated(tok) else "oppose"
            for c in self.f.concepts:
                if tok.lemma_.lower() in c.inverse_verbs:
                    countries = {self.doc.actor(h).country for h in holders if self.doc.actor(h)}
                    self.found.append(Found(holders, pol, ("concept-theme", c, countries),
                                            self._sentence_span(tok), f"inverse:{tok.lemma_.lower()}", tok))
        # evaluation: seeing the state a concept ends as a good thing ("the presence as a barrier")
        for i in self.hits.get("EVAL", []):
            tok = sdoc[i]
            if self._hypothetical(tok) or self._negated(tok):
                continue
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            roles = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                     for o in c.children if o.dep_ == "pobj"]
            if not objs or not roles or roles[0].lemma_.lower() not in self.f.props["positive_roles"]:
                continue
            obj = objs[0]
            obj_actors = {a.id for a in self.doc.actors_at(obj.idx, obj.idx + len(obj.text))}
            for c in self.f.concepts:
                is_theme = any(m.concept is c and m.theme_tok is not None and (
                    m.theme_tok.lemma_.lower() == obj.lemma_.lower() or obj_actors & {
                        a.id for a in self.doc.actors_at(m.theme_tok.idx, m.theme_tok.idx + len(m.theme_tok.text))})
                    for m in self.mentions.values())
                if obj.lemma_.lower() in c.inverse_nouns or is_theme:
                    countries = {self.doc.actor(a).country for a in obj_actors if self.doc.actor(a).country}
                    for x in obj.children:
                        if x.dep_ in ("amod", "compound", "poss", "nmod"):
                            code, _ = self._country_of(x)
                            if code:
                                countries.add(code)
                    subj = subject_of(tok, self.speech)
                    if subj is None:
                        continue
                    qh, inq = self._quote_holder(tok, subj)
                    holders = qh if inq else self.actors_for(subj)
                    self.found.append(Found(holders, "oppose", ("concept-theme", c, countries),
                                            self._sentence_span(tok), f"evaluation:{tok.lemma_.lower()}-as-"
                                            f"{roles[0].lemma_.lower()}", tok))

        # reported praise: "the minister said the troops were essential" (the reporter's own is no stance)
        for i in self.hits.get("POSADJ", []):
            adj = sdoc[i]
            if adj.dep_ != "acomp" or self._hypothetical(adj.head) or self._negated(adj.head):
                continue
            subj = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
            rep = self._reporting_verb(adj.head)
            if subj is None or rep is None:
                continue
            obj_actors = {a.id for a in self.doc.actors_at(subj.idx, subj.idx + len(subj.text))}
            for c in self.f.concepts:
                is_theme = subj.lemma_.lower() in c.inverse_nouns or any(
                    m.concept is c and m.theme_tok is not None and (
                        m.theme_tok.lemma_.lower() == subj.lemma_.lower() or obj_actors & {
                            a.id for a in self.doc.actors_at(m.theme_tok.idx, m.theme_tok.idx + len(m.theme_tok.text))})
                    for m in self.mentions.values())
                if not is_theme:
                    continue
                countries = {self.doc.actor(a).country for a in obj_actors if self.doc.actor(a).country}
                for x in subj.children:
                    if x.dep_ in ("amod", "compound", "poss", "nmod"):
                        code, _ = self._country_of(x)
                        if code:
                            countries.add(code)
                speaker = subject_of(rep, self.speech)
                if speaker is None:
                    continue
                qh, inq = self._quote_holder(adj, speaker)
                holders = qh if inq else self.actors_for(speaker)
                self.found.append(Found(holders, "oppose", ("concept-theme", c, countries), self._sentence_span(adj),
                                        f"evaluation:{subj.lemma_.lower()}-{adj.lemma_.lower()}", adj))

    # -- clustering ---------------------------------------------------------------
    def cluster(self):
        ms = sorted(self.mentions.values(), key=lambda m: m.token.i)
        clusters: list[list[PropMention]] = []
        for m in ms:
            for cl in clusters:
                if cl[0].concept is m.concept and all(_compatible(m, o) for o in cl):
                    cl.append(m)
                    m.cluster = clusters.index(cl)
                    break
            else:
                m.cluster = len(clusters)
                clusters.append([m])
        self.clusters = clusters
        self.labels = [self._label(cl) for cl in clusters]

    def _label(self, cl: list[PropMention]) -> str:
        c = cl[0].concept
        theme = next((m for m in cl if m.theme_country), None) or next((m for m in cl if m.theme_text), None)
        place = next((m for m in cl if m.place_country), None) or next((m for m in cl if m.place_text), None)
        if theme is not None and theme.theme_country and _country_name(theme.theme_country, None):
            kind = theme.theme_key.split(":", 1)[1] if ":" in theme.theme_key else ""
            text = c.label.format(theme=f"{_country_name(theme.theme_country, None)} {kind}".strip())
        elif theme is not None:
            text = c.label.format(theme=theme.theme_text)
        else:
            text = c.label_no_theme
        if place is not None:
            pname = _country_name(place.place_country, place.place_text) if place.place_country else place.place_text
            text += " " + c.place_label.format(place=pname)
        return text

    # -- resolving references -------------------------------------------------------
    def _resolve(self, fd: Found, done: list[tuple[Found, int]], final: bool = False):
        """-> (cluster index, polarity multiplier, extra holders) or None."""
        t = fd.target
        if isinstance(t, PropMention):
            return t.cluster, 1, None
        if t[0] == "neg":
            return t[1].cluster, -1, None
        if t[0] == "concept-theme":
            c, countries = t[1], t[2]
            same = [ci for ci, cl in enumerate(self.clusters) if cl[0].concept is c]
            for ci in same:
                if countries and any(m.theme_country in countries for m in self.clusters[ci]):
                    return ci, 1, None
            if not countries and len(same) == 1 and fd.rule.startswith("evaluation"):
                return same[0], 1, None  # "views the presence as …": the one such proposition
            return None
        ref = t[1]
        # its own content: "request for the withdrawal", "resolution to expel …"
        inner = self._target(ref)
        if isinstance(inner, PropMention):
            return inner.cluster, 1, None
        # a possessor: the proposition that actor supports
        poss = [c for c in ref.children if c.dep_ == "poss"]
        if poss:
            owners = set(self.actors_for(poss[0]))
            for od, ci in done:
                if od.polarity == "support" and owners & set(od.holders):
                    return ci, 1, None
        # the same word earlier: "the request" -> the request made before
        lemma = ref.lemma_.lower()
        for od, ci in reversed(done):
            if od.cue_token is not None and od.cue_token.lemma_.lower() == lemma and od.cue_token.i != ref.i:
                return ci, 1, od
        bare = all(c.dep_ in ("det", "poss", "amod", "compound", "case", "punct") for c in ref.children)
        if final and bare and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss"
                                  for c in ref.children):
            # "opposed the bill": the proposition last put forward before it
            rb = self._block(ref)
            before = [(od, ci) for od, ci in done if od.polarity == "support" and od.cue_token is not None
                      and od.cue_token.i < ref.i and rb - self._block(od.cue_token) <= 2]
            if before:
                fd.rule += ":nearest"
                return before[-1][1], 1, None
        return None

    def stances(self) -> list[Stance]:
        self.collect()
        self.cluster()
        done: list[tuple[Found, int]] = []
        pending = list(self.found)
        for rnd in range(4):  # references may need what other cues resolved first
            left = []
            for fd in pending:
                r = self._resolve(fd, done, final=rnd == 3)
                if r is None:
                    left.append(fd)
                    continue
                ci, mult, via = r
                if mult == -1:
                    fd.polarity = "oppose" if fd.polarity == "support" else "support"
                    fd.rule += ":negating-verb"
                if not fd.holders and via is not None and fd.cue_token is not None and fd.cue_token.pos_ == "VERB":
                    # "the request was dismissed": the addressee of the request answered it
                    if via.addressee:
                        fd.holders = list(via.addressee)
                        fd.rule += ":by-addressee"
                done.append((fd, ci))
            pending = left
        merged: dict[tuple[str, int, str], Stance] = {}
        for fd, ci in done:
            for h in fd.holders:
                key = (h, ci, fd.polarity)
                st = merged.get(key)
                if st is None:
                    st = merged[key] = Stance(holder=h, proposition=self.labels[ci], polarity=fd.polarity,
                                              evidence=[], rule=fd.rule)
                sp = Span(*fd.evidence)
                if all((e.start, e.end) != (sp.start, sp.end) for e in st.evidence):
                    st.evidence.append(sp)
                if fd.rule not in (st.rule or "").split(","):
                    st.rule = f"{st.rule},{fd.rule}"
        out = list(merged.values())
        for st in out:
            st.evidence.sort(key=lambda e: e.start)
        out.sort(key=lambda s: (s.evidence[0].start if s.evidence else 0, s.holder))
        return out


def _compatible(a: PropMention, b: PropMention) -> bool:
    if a.theme_country and b.theme_country and a.theme_country != b.theme_country:
        return False
    if a.theme_country is None and b.theme_country is None and a.theme_key and b.theme_key \
            and a.theme_key != b.theme_key:
        return False
    if a.place_country and b.place_country:
        return a.place_country == b.place_country
    if a.place_key and b.place_key and not a.place_country and not b.place_country:
        return a.place_key == b.place_key
    return True


def _phrase(tok) -> str:
    """The words of a noun phrase up to its head, as written, without a leading determiner."""
    left = [t for t in tok.subtree if t.i <= tok.i]
    while left and (left[0].dep_ == "det" or left[0].is_punct):
        left = left[1:]
    if not left:
        return tok.text
    return tok.doc.text[left[0].idx : tok.idx + len(tok.text)]


def _country_name(code: str | None, fallback: str | None) -> str:
    if not code:
        return fallback or ""
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=code[:3])
        if c is not None:
            return getattr(c, "common_name", None) or c.name
    except ImportError:
        pass
    return fallback or ""
