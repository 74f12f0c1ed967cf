"""Reading the speech stage's data files (``polybius/data/speech/``).

Every file is UTF-8 text with one entry per line, ``#`` comments and tab-separated
columns.  A malformed line raises :class:`LexiconError` naming the file and line.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "speech"


class LexiconError(ValueError):
    pass


def _rows(path: Path, min_cols: int, max_cols: int):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 ({exc})") from None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.rstrip("\n").split("\t")]
        while cols and cols[-1] == "":
            cols.pop()
        if not (min_cols <= len(cols) <= max_cols) or any(c == "" for c in cols):
            raise LexiconError(f"{path}:{n}: expected {min_cols}-{max_cols} tab-separated columns, got {line!r}")
        yield n, cols


@dataclass(frozen=True)
class QuoteMark:
    open: str
    close: str
    style: str  # double | single


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str
    kind: str
    particle: str | None = None


SPEECH_KINDS = {"statement", "assertion", "written", "warning", "denial", "rejection", "proposal",
                "request", "demand", "promise", "question", "support", "source"}


def load_quote_marks(path: Path | None = None) -> list[QuoteMark]:
    path = path or DATA / "quote_marks.tsv"
    out = []
    for n, (o, c, style) in _rows(path, 3, 3):
        if not o or not c or any(ch.isspace() or ch.isalnum() for ch in o + c) or style not in ("double", "single") \
                or (style == "single" and (len(o) != 1 or len(c) != 1)):
            raise LexiconError(f"{path}:{n}: a pair is two marks (no letters or spaces; one character each for "
                               f"single style) and a style double|single")
        out.append(QuoteMark(o, c, style))
    if not out:
        raise LexiconError(f"{path}: no quote marks")
    return out


def load_speech_verbs(path: Path | None = None) -> dict[str, list[SpeechVerb]]:
    """lemma -> entries (a lemma may have a plain entry and particle entries)."""
    path = path or DATA / "speech_verbs.tsv"
    out: dict[str, list[SpeechVerb]] = {}
    seen = set()
    for n, cols in _rows(path, 2, 3):
        lemma, kind = cols[0].lower(), cols[1]
        particle = cols[2].lower() if len(cols) == 3 else None
        if kind not in SPEECH_KINDS:
            raise LexiconError(f"{path}:{n}: unknown kind {kind!r} (known: {', '.join(sorted(SPEECH_KINDS))})")
        key = (lemma, particle)
        if key in seen:
            raise LexiconError(f"{path}:{n}: duplicate entry {lemma!r} {particle or ''}")
        seen.add(key)
        out.setdefault(lemma, []).append(SpeechVerb(lemma, kind, particle))
    return out


def load_json(name: str, path: Path | None = None):
    path = path or DATA / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LexiconError(f"{path}: {exc}") from None


def load_word_list(name: str, path: Path | None = None) -> set[str]:
    path = path or DATA / name
    return {cols[0].lower() for _, cols in _rows(path, 1, 1)}


@dataclass
class Lexicon:
    marks: list[QuoteMark] = field(default_factory=load_quote_marks)
    verbs: dict[str, list[SpeechVerb]] = field(default_factory=load_speech_verbs)
    fronted: set[str] = field(default_factory=lambda: load_word_list("fronted_verbs.txt"))
