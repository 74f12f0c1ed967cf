"""Features of an event trigger for the factuality model: the rules' cues plus words around it.

Every feature is a string (``name`` or ``name=value``) with value 1; the model's weights give
each its say.  The cues are the classes of ``data/events/factuality/cues.txt``:

- the trigger itself: part-of-speech tag, tense, aspect and verb form (spaCy's morphology), its
  auxiliaries (will, would, has, had, be), negation and hedges among its children;
- the clause above it: up to three governing words, with the dependency that links each and its
  cue class ("ccomp<deny", "pcomp<of", "xcomp<intent"), the subordinators of the trigger's
  clause and of the clauses above (if, unless, once, until), relative clauses;
- time: dates attached to the trigger (years before or after publication, weekdays, "last
  year", "ago", "since", "for decades"), habit adverbs, "has long";
- words: lemmas just left and right of the trigger, and cue words anywhere in the sentence.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from functools import lru_cache
from pathlib import Path

from ..dictionaries.sections import read_sections

CUES_PATH = Path(__file__).resolve().parents[1] / "data" / "events" / "factuality" / "cues.txt"
CUE_CLASSES = ("negation", "hedge", "allege_hedge", "report", "deny", "allege", "intent", "modal", "future",
               "condition", "generic", "background", "analysis", "news_time")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
WINDOW = 3  # words each side of the trigger
TRAIN_DATE = _dt.date(2025, 6, 1)  # the written examples' nominal publication date (SOURCES.md)
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> dict[str, frozenset[str]]:
    """Cue class -> lemmas, validated (an unknown or missing section is an error with file:line)."""
    f = read_sections(path or CUES_PATH, expected=CUE_CLASSES)
    return {name: f.words(name) for name in CUE_CLASSES}


_BY_WORD: dict[int, tuple[dict, dict]] = {}  # id(cues) -> (cues, word -> classes): the cue tables inverted


def classes(word: str, cues: dict[str, frozenset[str]]) -> list[str]:
    got = _BY_WORD.get(id(cues))
    if got is None or got[0] is not cues:
        index: dict[str, list[str]] = {}
        for c, words in cues.items():
            for w in words:
                index.setdefault(w, []).append(c)
        got = _BY_WORD[id(cues)] = (cues, index)
    return got[1].get(word.lower(), [])


def trigger_features(tok, published: _dt.date | None = None, cues: dict | None = None,
                     memo: dict | None = None) -> list[str]:
    """The feature strings of the trigger token ``tok`` (a spaCy Token) in its sentence.
    ``memo``: a dict the caller keeps for one document, so that several triggers of a sentence
    read its cue words once."""
    cues = cues or load_cues()
    feats = ["bias"]
    sent = tok.sent  # found once: each look-up walks the sentence
    feats += _own(tok, cues, sent)
    feats += _governors(tok, cues)
    feats += _time(tok, published, cues, sent)
    feats += _words(tok, cues, sent, {} if memo is None else memo)
    return feats


def _own(tok, cues, sent) -> list[str]:
    out = [f"tag={tok.tag_}", f"dep={tok.dep_}"]
    for key in ("Tense", "Aspect", "VerbForm", "Mood"):
        out += [f"{key}={v}" for v in tok.morph.get(key)]
    has_aux = False
    for c in tok.children:
        low = c.lower_
        if c.dep_ in ("aux", "auxpass"):
            has_aux = True
            out.append(f"aux={c.lemma_.lower()}")
            out += [f"aux_{k}" for k in classes(low, cues) if k in ("modal", "future")]
        elif c.dep_ == "neg" or low in cues["negation"] and c.dep_ in ("advmod", "det"):
            out.append("neg")
        elif c.dep_ == "advmod":
            out += [f"adv_{k}" for k in classes(low, cues) if k in ("hedge", "allege_hedge", "generic", "background")]
        elif c.dep_ == "mark":
            out.append(f"mark={low}")
            out += [f"mark_{k}" for k in classes(low, cues) if k == "condition"]
        elif c.dep_ in ("nsubj", "nsubjpass"):
            if c.tag_ in ("NNS", "NNPS") and not any(d.dep_ in ("det", "poss", "nummod") for d in c.children):
                out.append("subj_bare_plural")
            out += [f"subj_{k}" for k in classes(c.lemma_, cues) if k == "analysis"]
    if tok.tag_ in ("VBZ", "VBP") and not has_aux:
        out.append("present_simple")
    if tok.dep_ in ("relcl", "acl"):
        out.append(f"clause={tok.dep_}")
    if not any(t.is_punct and t.text in ".!?" for t in sent[-2:]) and len(sent) <= 20:
        out.append("headline")  # no closing full stop: a headline, written in the present
    quotes = sum(1 for t in sent[:tok.i - sent.start] if t.is_quote)
    if quotes % 2:
        out.append("in_quote")
    return out


def _governors(tok, cues) -> list[str]:
    """Up to three words above the trigger, with the link to each and its cue classes."""
    out = []
    child, head = tok, tok.head
    for level in range(1, 4):
        if head.i == child.i:
            break
        lemma = head.lemma_.lower()
        out.append(f"up{level}={child.dep_}<{lemma}")
        if level == 1:  # "used tear gas (VBD) to [break up]" vs "vowed (VBD) to [challenge]"
            out.append(f"up1_link={child.dep_}<{head.tag_}")
        for k in classes(lemma, cues) + classes(head.lower_, cues):
            out += [f"up_{k}", f"up{level}_{k}", f"{child.dep_}<{k}"]
        for c in head.children:
            if c.dep_ == "mark" and c.i < child.i or c.dep_ in ("aux", "neg"):
                out += [f"up_{c.dep_}_{k}" for k in classes(c.lower_, cues)
                        if k in ("condition", "modal", "future", "negation")]
        child, head = head, head.head
    return out


def _time(tok, published, cues, sent) -> list[str]:
    out = []
    year_now = (published or TRAIN_DATE).year
    near = set(t.i for t in tok.subtree) | {tok.head.i}
    for ent in _dates(sent):
        where = "own" if ent.root.i in near or ent.root.head.i == tok.i else "sent"
        for t in ent:
            m = _YEAR.match(t.text)
            if m:
                y = int(m.group(1))
                out.append(f"{where}_year_" + ("past" if y < year_now else "future" if y > year_now else "this"))
                if y < year_now - 1:
                    out.append(f"{where}_year_far")
            out += [f"{where}_date_{k}" for k in classes(t.lower_, cues) if k in ("background", "news_time")]
            if t.lower_ in _MONTHS:  # a month other than the publication's is outside the news window
                out.append(f"{where}_month_" + ("this" if _MONTHS[t.lower_] == (published or TRAIN_DATE).month
                                                else "other"))
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in ("since", "in", "during", "for") and t.head.i == tok.i:
            out.append(f"prep={t.lower_}")
    return out


def _dates(sent) -> list:
    """The sentence's DATE entities, read off its tokens (``sent.ents`` walks the whole document)."""
    out, start = [], None
    doc = sent.doc
    for t in sent:
        inside = t.ent_type_ == "DATE" and t.ent_iob_ in ("B", "I") and not (t.ent_iob_ == "I" and start is None)
        if start is not None and (not inside or t.ent_iob_ == "B"):
            out.append(doc[start:t.i])
            start = None
        if inside and start is None:
            start = t.i
    if start is not None and not (sent.end < len(doc) and doc[sent.end].ent_iob_ == "I"):
        out.append(doc[start:sent.end])  # an entity running on past the sentence is not the sentence's
    return out


def _sentence_cues(sent, cues) -> list[tuple[int, list[str]]]:
    """(token index, cue classes of its lemma and its form) for each cue word of the sentence."""
    out = []
    for t in sent:
        ks = classes(t.lemma_, cues) + classes(t.lower_, cues)
        if ks:
            out.append((t.i, ks))
    return out


def _words(tok, cues, sent, memo: dict) -> list[str]:
    out = []
    for t in sent[max(0, tok.i - WINDOW - sent.start):tok.i - sent.start]:
        if not t.is_punct:
            out.append(f"left={t.lemma_.lower()}")
    for t in sent[tok.i - sent.start + 1:tok.i - sent.start + 1 + WINDOW]:
        if not t.is_punct:
            out.append(f"right={t.lemma_.lower()}")
    key = (id(cues), sent.start, sent.end)
    if key not in memo:
        memo[key] = _sentence_cues(sent, cues)
    seen = set()
    for i, ks in memo[key]:
        if i == tok.i:
            continue
        side = "before" if i < tok.i else "after"
        seen.update(f"sent_{k}_{side}" for k in ks)
    return out + sorted(seen)
