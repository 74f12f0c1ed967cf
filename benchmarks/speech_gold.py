"""The quote and stance benchmarks' gold: reading annotated articles and scoring quotes and stances.

Benchmark code, not product: nothing in ``src/polybius`` imports it (``benchmarks/quotes.py``,
``benchmarks/stances.py`` and ``tests/test_speech_benchmark.py`` do).

Article format: see ``tests/data/quotes/README.md``.  Scoring: a predicted quote matches
a gold quote when their character spans overlap by at least half of their union
(greedy, best overlap first); precision, recall and F1 count matched quotes of any kind.
Speaker accuracy is over matched quotes: right when the predicted speaker actor has a
mention overlapping a mention of the gold speaker (so the figure means the same with
hand-made actors and with the actors stage), or when both are null.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from polybius.model import Actor, Document, Mention


class BenchmarkFormatError(ValueError):
    pass


@dataclass
class GoldQuote:
    kind: str
    speaker: str | None
    start: int
    end: int
    text: str


@dataclass
class Article:
    path: Path
    title: str
    text: str
    published: dt.date | None
    actors: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # name -> mention spans
    quotes: list[GoldQuote] = field(default_factory=list)
    countries: dict[str, str] = field(default_factory=dict)  # name -> country code ([CCC])
    stances: list[tuple[str, str, str]] = field(default_factory=list)  # (holder, proposition prefix, polarity)

    def hand_actors(self) -> list[Actor]:
        out = []
        for n, (name, spans) in enumerate(self.actors.items(), 1):
            out.append(Actor(id=f"A{n}", name=name, country=self.countries.get(name),
                             mentions=[Mention(s, e, self.text[s:e], "benchmark") for s, e in spans]))
        return out


def _find(text: str, needle: str, nth: int, where: str) -> int:
    pos = -1
    for _ in range(nth):
        pos = text.find(needle, pos + 1)
        if pos == -1:
            raise BenchmarkFormatError(f"{where}: {needle!r} (occurrence {nth}) not in the article")
    return pos


def load_article(path: str | Path) -> Article:
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    if "\n---\n" not in raw:
        raise BenchmarkFormatError(f"{path}: no '---' line between header and text")
    head, text = raw.split("\n---\n", 1)
    text = text.rstrip("\n") + "\n"
    meta: dict[str, str] = {}
    actor_lines, quote_lines, stance_lines = [], [], []
    for n, line in enumerate(head.splitlines(), 1):
        if not line.strip():
            continue
        m = re.match(r"#\s*(\w+):\s*(.*)$", line)
        if not m:
            raise BenchmarkFormatError(f"{path}:{n}: expected '# key: value', got {line!r}")
        key, val = m.group(1), m.group(2).strip()
        if key == "actor":
            actor_lines.append((n, val))
        elif key == "quote":
            quote_lines.append((n, val))
        elif key == "stance":
            stance_lines.append((n, val))
        else:
            meta[key] = val
    art = Article(path=path, title=meta.get("title", path.stem), text=text,
                  published=dt.date.fromisoformat(meta["published"]) if "published" in meta else None)
    for n, val in actor_lines:
        name, *mentions = [x.strip() for x in val.split("|")]
        cm = re.match(r"(.*?)\s*\[([A-Z]{3})\]$", name)
        if cm:
            name = cm.group(1)
            art.countries[name] = cm.group(2)
        spans = []
        for mstr in mentions:
            only = None
            if re.search(r"@\d+$", mstr):
                mstr, only = mstr.rsplit("@", 1)
                only = int(only)
            hits = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(mstr) + r"(?!\w)", text)]
            if only and only > len(hits):
                raise BenchmarkFormatError(f"{path}:{n}: mention {mstr!r} has no occurrence {only}")
            spans.extend([hits[only - 1]] if only else hits)
        if not spans:
            raise BenchmarkFormatError(f"{path}:{n}: none of actor {name!r}'s mentions is in the article")
        art.actors[name] = sorted(spans)
    for n, val in quote_lines:
        parts = [x.strip() for x in val.split("|")]
        if len(parts) != 3:
            raise BenchmarkFormatError(f"{path}:{n}: expected 'KIND | SPEAKER | text'")
        kind, speaker, qtext = parts
        if kind not in ("direct", "partial", "indirect"):
            raise BenchmarkFormatError(f"{path}:{n}: unknown kind {kind!r}")
        speaker = None if speaker == "null" else speaker
        if speaker is not None and speaker not in art.actors:
            raise BenchmarkFormatError(f"{path}:{n}: speaker {speaker!r} is not a declared actor")
        nth = 1
        m = re.search(r"\s@(\d+)$", qtext)
        if m:
            nth, qtext = int(m.group(1)), qtext[: m.start()]
        where = f"{path}:{n}"
        if " ... " in qtext:
            first, last = qtext.split(" ... ", 1)
            start = _find(text, first, nth, where)
            end = _find(text[start:], last, 1, where) + start + len(last)
        else:
            start = _find(text, qtext, nth, where)
            end = start + len(qtext)
        art.quotes.append(GoldQuote(kind, speaker, start, end, text[start:end]))
    for n, val in stance_lines:
        parts = [x.strip() for x in val.split("|")]
        if len(parts) != 3 or parts[2] not in ("support", "oppose") or parts[0] not in art.actors:
            raise BenchmarkFormatError(f"{path}:{n}: expected 'ACTOR | proposition prefix | support|oppose' "
                                       f"with a declared actor")
        art.stances.append((parts[0], parts[1], parts[2]))
    return art


def load_articles(folder: str | Path) -> list[Article]:
    files = sorted(Path(folder).glob("*.txt"))
    if not files:
        raise BenchmarkFormatError(f"{folder}: no article files")
    return [load_article(f) for f in files]


def _overlap(a0, a1, b0, b1) -> float:
    inter = min(a1, b1) - max(a0, b0)
    if inter <= 0:
        return 0.0
    return inter / (max(a1, b1) - min(a0, b0))


class _Counts:
    """Precision, recall and F1 from ``gold``, ``predicted`` and ``matched`` counts."""

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score(_Counts):
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    kind_right: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    wrong_speaker: list[str] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [gold, matched]

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 0.0


def score_article(art: Article, doc: Document, score: Score) -> None:
    gold, pred = art.quotes, doc.quotes
    score.gold += len(gold)
    score.predicted += len(pred)
    pairs = sorted(((_overlap(g.start, g.end, p.start, p.end), gi, pi)
                    for gi, g in enumerate(gold) for pi, p in enumerate(pred)), reverse=True)
    used_g, used_p = set(), set()
    for ov, gi, pi in pairs:
        if ov < 0.5:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = gold[gi], pred[pi]
        score.matched += 1
        score.kind_right += g.kind == p.kind
        if _speaker_right(art, doc, g.speaker, p.speaker):
            score.speaker_right += 1
        else:
            got = doc.actor(p.speaker).name if p.speaker else None
            score.wrong_speaker.append(f"{art.path.name}: {g.text[:50]!r} gold={g.speaker} got={got} ({p.rule})")
    for gi, g in enumerate(gold):
        k = score.by_kind.setdefault(g.kind, [0, 0])
        k[0] += 1
        k[1] += gi in used_g
        if gi not in used_g:
            score.misses.append(f"{art.path.name}: {g.kind} {g.text[:60]!r}")
    for pi, p in enumerate(pred):
        if pi not in used_p:
            score.false.append(f"{art.path.name}: {p.kind} {p.text[:60]!r} ({p.rule})")


_PRONOUNS = {"he", "she", "it", "they", "him", "her", "his", "hers", "its", "their", "them", "we", "i", "us", "our"}


@dataclass
class StanceScore(_Counts):
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)


def score_stances(art: Article, doc: Document, score: StanceScore) -> None:
    """Gold (holder, proposition prefix, polarity) against predicted stances."""
    score.gold += len(art.stances)
    score.predicted += len(doc.stances)
    used = set()
    for holder, prefix, pol in art.stances:
        hit = None
        for i, st in enumerate(doc.stances):
            if i in used or st.polarity != pol or not st.proposition.startswith(prefix):
                continue
            if _speaker_right(art, doc, holder, st.holder):
                hit = i
                break
        if hit is None:
            score.misses.append(f"{art.path.name}: {holder} {pol} {prefix}")
        else:
            used.add(hit)
            score.matched += 1
    for i, st in enumerate(doc.stances):
        if i not in used:
            a = doc.actor(st.holder)
            score.false.append(f"{art.path.name}: {a.name if a else st.holder} {st.polarity} {st.proposition} ({st.rule})")


def _speaker_right(art: Article, doc: Document, gold: str | None, pred: str | None) -> bool:
    """The predicted actor is the gold speaker when, of all annotated actors, it shares the
    most name (non-pronoun) mentions with the gold one (exact spans weigh three times a
    partial overlap): a wrong coreference that merely shares a pronoun with the gold speaker
    does not count."""
    if gold is None or pred is None:
        return gold is None and pred is None
    actor = doc.actor(pred)
    names = [m for m in actor.mentions if doc.text[m.start:m.end].lower() not in _PRONOUNS]
    counts = {}
    for g, spans in art.actors.items():
        # an exact mention counts three times a partial overlap ("UN" inside "UN peacekeepers")
        n = sum(3 if (m.start, m.end) == (s, e) else 1 for m in names for s, e in spans
                if m.start < e and s < m.end and art.text[s:e].lower() not in _PRONOUNS)
        if n:
            counts[g] = n
    if not counts:
        return False
    best = max(counts.values())
    winners = [g for g, n in counts.items() if n == best]
    return winners == [gold]


def coded_articles(arts, mode: str, settings=None, nlp=None):
    """Yield ``(article, coded document)`` for the benchmark articles.

    ``mode`` "pipeline" runs the actors and events stages before speech (end to end);
    "hand" gives each document the article's annotated actors and runs speech alone."""
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.nlp import load_model, parse_documents
    from polybius.pipeline import Pipeline
    from polybius.registry import available, get_stage

    settings = settings or load_settings(env={})
    nlp = nlp or load_model(settings.spacy_model)
    texts = (read_text(a.text, published=a.published) for a in arts)
    if mode == "pipeline":
        stages = [s for s in ("actors", "events") if available(s)] + ["speech"]
        yield from zip(arts, Pipeline(settings.replace(stages=stages), nlp=nlp).code_documents(texts))
        return
    speech = get_stage("speech")(settings, nlp)
    for art, doc in zip(arts, parse_documents(nlp, list(texts))):
        doc.actors = art.hand_actors()
        speech(doc)
        yield art, doc
