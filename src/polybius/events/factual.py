"""Did the article say it happened?  Rules and the trained factuality model, combined (issue 12).

The rules of :mod:`.modality` read auxiliaries, conditions and governing predictions; they do not
see background ("fought a war in 1962"), denied or alleged content, or generic statements.  The
trained model (:mod:`polybius.factuality`) labels them, but alone, as a hard filter, it dropped a
quarter of the right events of unseen articles (docs/factuality.md).  So an event is set aside
only when

- its own date lies before the news window (``window_days`` before publication): background;
- or the model finds it non-factual (P(asserted or reported) under ``soft``) *and* one of the
  rule cues of ``[factuality_cues]`` in rules.txt is on its trigger (a denying or alleging
  governor, a condition, a habit adverb, a year or date before the news): the two agree;
- or the model is very sure (P(factual) under ``hard``).

An event whose modality the rules already made ``future`` (coded as an intent or a threat, which
were stated), one the rules recoded as its statement (" family=" in its rule: "must withdraw"
under a reminder is a demand), a negated one, and an act its doer claims (:mod:`.derived`) are left alone.  A set-aside event gets the model's label as its ``modality``
(background, denied, alleged, conditional, generic; the model's ``future`` is left to the rules,
whose governors tell "voted to expel" and "tried to hack" from a plan) and
is dropped unless that modality is kept (``event_modalities``, or ``keep_background``).  Thresholds chosen on the odd
half of the real-news dev set only.
"""
from __future__ import annotations

import datetime as _dt

from ..model import Event
from .calibration import features
from .derived import CLAIMED
from .lexicon import EventLexicon

# the modalities of events the article does not assert (kept only on request)
NON_FACTUAL = ("background", "denied", "alleged", "conditional", "generic", "hypothetical")

# in a rule: the rules coded the statement of the act (a demand, intent, threat), which was made
_FAMILY = " family="
# the model's features that place a date against the publication date
_TIMED = ("own_year", "sent_year", "own_month", "sent_month")


class FactualityCheck:
    def __init__(self, lex: EventLexicon, model_path: str | None = None):
        self.rules = lex.factuality
        self.cues = lex.factuality_cues
        self.model_path = model_path

    @property
    def model(self):
        from ..factuality import Factuality

        return Factuality.load(self.model_path)  # read once per process (cached), never kept here

    def modality(self, ev: Event, tok, published: _dt.date | None,
                 memo: dict | None = None) -> tuple[str | None, float]:
        """``(modality or None, P(factual))``: the non-factual modality the event should get (None:
        keep it as the rules coded it)."""
        from ..factuality import FACTUAL
        from ..factuality.features import trigger_features

        feats = trigger_features(tok, published, self.model.cues, memo)
        if published is None:  # no publication date: years and months cannot be placed
            feats = [f for f in feats if not f.startswith(_TIMED)]
        probs = self.model.scores(feats)
        by_label = dict(zip(self.model.labels, (float(p) for p in probs)))
        pf = sum(p for lab, p in by_label.items() if lab in FACTUAL)
        if ev.modality == "future" or ev.negated or ev.rule.endswith(CLAIMED) or _FAMILY in ev.rule:
            return None, pf
        if self.background(ev, published):
            return "background", pf
        cue = any(f in self.cues for f in feats)
        if pf < self.rules.hard or (pf < self.rules.soft and cue):
            label = max((lab for lab in by_label if lab not in FACTUAL), key=by_label.get)
            if label != "future":  # what is planned or attempted the rules' governors decide
                return label, pf
        return None, pf

    def background(self, ev: Event, published: _dt.date | None) -> bool:
        """The event's own date words place it before the news window."""
        d = ev.date
        if published is None or d is None or not d.text:
            return False
        try:
            end = _dt.date.fromisoformat(d.end[:10])
        except ValueError:
            return False
        return end < published - _dt.timedelta(days=self.rules.window_days)

    def apply(self, doc, events: list[Event], keep: tuple[str, ...], calibration=None) -> list[Event]:
        """The events kept, each with its modality (and, given a calibration, its confidence
        the measured probability that it is right)."""
        sp, out, seen, memo = doc.nlp, [], {}, {}
        for ev in events:
            span = sp.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand") if sp is not None else None
            if span is None or len(span) == 0:
                out.append(ev)
                continue
            key = (span.root.i, ev.modality, ev.negated, ev.date.end if ev.date else None, ev.rule)
            if key not in seen:  # one trigger's several dyads are judged once
                seen[key] = self.modality(ev, span.root, doc.published, memo)
            mod, pf = seen[key]
            if mod is not None:
                ev.modality = mod
                ev.rule = f"{ev.rule}; factuality={mod}"
                if mod not in keep:
                    continue
            if calibration is not None:
                x = features(ev.confidence, pf, ev.source, ev.target, ev.rule, ev.modality, span.root.pos_ == "NOUN",
                             doc.block_kind(ev.sentence) == "headline", ev.quad_class)
                ev.confidence = round(calibration.probability(x), 3)
            out.append(ev)
        return out
