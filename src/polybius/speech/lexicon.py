"""Reading the speech stage's data files (``polybius/data/speech/``): all its knowledge.

Quote marks (``quote_marks.tsv``), speech verbs (``speech_verbs.tsv``), verbs whose reported
words may come first (``fronted_verbs.txt``), stance cues (``stance_cues.tsv``) and the
concepts actors take sides on with their word lists (``propositions.json``).

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


# The word lists and tables of propositions.json besides its concepts (every one is required:
# a missing or misspelt key fails at load instead of silently turning a rule off).
PROPOSITION_KEYS = ("concepts", "reference_nouns", "light_verbs", "evaluation_verbs", "positive_roles",
                    "positive_adjectives", "theme_synonyms", "hypothetical_aux", "generic_places", "event_polarity",
                    "negating_verbs")


def load_propositions(path=None) -> dict:
    d = load_json("propositions.json", path)
    where = path or DATA / "propositions.json"
    missing = [k for k in PROPOSITION_KEYS if k not in d]
    unknown = [k for k in d if k not in PROPOSITION_KEYS and k != "_comment"]
    if missing or unknown:
        raise LexiconError(f"{where}: " + "; ".join(
            part for part in (f"missing key(s) {', '.join(missing)}" if missing else "",
                              f"unknown key(s) {', '.join(unknown)} (known: {', '.join(PROPOSITION_KEYS)})"
                              if unknown else "") if part))
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
class Lexicon:
    marks: list[QuoteMark] = field(default_factory=load_quote_marks)
    verbs: dict[str, list[SpeechVerb]] = field(default_factory=load_speech_verbs)
    fronted: set[str] = field(default_factory=lambda: load_word_list("fronted_verbs.txt"))


@dataclass
class StanceLexicon:
    cues: dict[tuple[str, str], list[Cue]] = field(default_factory=load_stance_cues)
    props: dict = field(default_factory=load_propositions)

    @property
    def concepts(self) -> list[Concept]:
        return self.props["concepts"]
