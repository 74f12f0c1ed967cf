"""Guards for bad input: size, binary content, encoding, language."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..config import Settings
from ..model import Document, content_id


PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")


@dataclass
class Decoded:
    text: str | None
    encoding: str | None = None
    error: str | None = None  # set when the input must be skipped
    warning: str | None = None  # set when the input was read, with a caveat


def decode_bytes(raw: bytes, settings: Settings) -> Decoded:
    if len(raw) > settings.max_bytes:
        return Decoded(None, error=f"document is {len(raw):,} bytes, over the limit of {settings.max_bytes:,} (setting max_bytes)")
    if not raw.strip():
        return Decoded(None, error="document is empty")
    head = raw[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return Decoded(None, error="document is binary (NUL bytes), not text")
    try:
        return Decoded(raw.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    best = matches[0] if matches else None
    # Among equally plausible readings, prefer the legacy encodings most common in
    # English-language news (charset_normalizer ranks ties arbitrarily).
    for m in matches:
        if m.encoding in PREFERRED_LEGACY and best is not None and m.chaos <= best.chaos and m.coherence >= best.coherence:
            best = m
            break
    if best is None:
        return Decoded(None, error=f"document is not valid UTF-8 (bad byte at {first_bad}) and no text encoding fits: binary?")
    text = str(best)
    if _control_ratio(text) > 0.05:
        return Decoded(None, error="document looks binary (control characters), not text")
    return Decoded(text, best.encoding, warning=f"not valid UTF-8 (bad byte at offset {first_bad}); decoded as {best.encoding}")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / min(len(text), 20000)


def check_text(text: str, settings: Settings) -> tuple[str | None, str | None]:
    """Return ``(language, error)`` for decoded text; ``error`` means skip it."""
    if len(text.encode("utf-8")) > settings.max_bytes:
        return None, f"document is over the limit of {settings.max_bytes:,} bytes (setting max_bytes)"
    if not text.strip():
        return None, "document is empty"
    if _control_ratio(text) > 0.05:
        return None, "document looks binary (control characters), not text"
    words = text.split()
    # Words are counted by characters, not spaces alone: each character of a script written
    # without spaces (Chinese, Japanese, Thai...) counts as a word.
    if len(words) + unspaced_chars(text[:LANGUAGE_SAMPLE_CHARS]) < settings.min_words_for_language_check:
        return None, None
    sample = words[:LANGUAGE_SAMPLE_WORDS]
    # Fast path: prose in an accepted language is full of its function words (spaCy's stop
    # word lists); the statistical identifier costs a few milliseconds a document.
    for lang in settings.languages:
        stops = stop_words(lang)
        if stops and sum(w.lower().strip(".,;:!?\"'()“”‘’") in stops for w in sample) >= STOPWORD_SHARE * len(sample):
            return lang, None
    ranked = _identifier().rank(" ".join(sample)[:LANGUAGE_SAMPLE_CHARS])
    lang, prob = ranked[0]
    if not settings.languages or lang in settings.languages:
        return lang, None
    # Only a confident verdict skips a document: the accepted languages and the languages
    # the identifier confuses them with (data/ingest/language_groups.tsv) together must get
    # less than 1 - LANGUAGE_CONFIDENCE of the probability.
    groups = language_groups()
    accepted = {x for l in settings.languages for x in (l, *groups.get(l, ()))}
    p_accepted = sum(p for l, p in ranked if l in accepted)
    if p_accepted >= 1 - LANGUAGE_CONFIDENCE:
        best = max(settings.languages, key=lambda l: sum(p for x, p in ranked if x in (l, *groups.get(l, ()))))
        return best, None
    return lang, f"document language is {lang!r} (p={prob:.2f}), not one of {', '.join(settings.languages)}: skipped"


LANGUAGE_CONFIDENCE = 0.9
# Words read for the language check: enough for a confident verdict on news prose, and
# cheap next to parsing (the whole text would cost ~6% of the parse time).
LANGUAGE_SAMPLE_WORDS = 60
# ... and at most this many characters (60 space-separated "words" of Chinese can be a page).
LANGUAGE_SAMPLE_CHARS = 2000
# Share of function words above which a text is taken to be in that language without the
# identifier (English news prose: 35-50%; French or German prose against the English list: <15%).
STOPWORD_SHARE = 0.3


@lru_cache(maxsize=None)
def stop_words(lang: str) -> frozenset[str]:
    try:
        from spacy.util import get_lang_class

        return frozenset(get_lang_class(lang).Defaults.stop_words)
    except Exception:  # a language spaCy does not know: the identifier decides
        return frozenset()


def unspaced_chars(text: str) -> int:
    """Characters of ``text`` in scripts written without spaces (``data/ingest/unspaced_scripts.tsv``)."""
    return len(_unspaced_pattern().findall(text))


@lru_cache(maxsize=1)
def _unspaced_pattern() -> re.Pattern:
    from ..config import DATA_DIR

    path = DATA_DIR / "ingest" / "unspaced_scripts.tsv"
    ranges = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            first, last, _script = line.split("\t")
            lo, hi = int(first, 16), int(last, 16)
        except ValueError:
            raise ValueError(f"{path}:{n}: expected FIRST<TAB>LAST<TAB>SCRIPT with hexadecimal code points") from None
        if lo > hi:
            raise ValueError(f"{path}:{n}: range {first}-{last} is empty")
        ranges.append(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
    return re.compile("[" + "".join(ranges) + "]")


@lru_cache(maxsize=1)
def language_groups() -> dict[str, tuple[str, ...]]:
    from ..config import DATA_DIR

    out = {}
    for line in (DATA_DIR / "ingest" / "language_groups.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, close = line.split("\t")
            out[lang.strip()] = tuple(x.strip() for x in close.split(",") if x.strip())
    return out


@lru_cache(maxsize=1)
def _identifier():
    import py3langid.langid as langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)


def skipped(origin: str, reason: str, **fields) -> Document:
    doc = Document(text="", id=fields.pop("id", None) or content_id(origin, "skipped"), origin=origin, **fields)
    doc.skipped = True
    doc.errors.append(f"{origin}: {reason}")
    return doc


def unreadable(origin: str, exc: OSError) -> Document:
    """The skipped document of a file that could not be opened or read."""
    if isinstance(exc, FileNotFoundError):
        return skipped(origin, "no such file or directory")
    return skipped(origin, f"cannot read: {exc.strerror or exc}")


def finish(doc: Document, settings: Settings, warning: str | None = None) -> Document:
    """Language and size checks on a freshly read document."""
    if warning:
        doc.errors.append(f"{doc.origin}: {warning}")
    lang, error = check_text(doc.text, settings)
    doc.language = lang or doc.language
    if error:
        doc.skipped = True
        doc.errors.append(f"{doc.origin}: {error}")
    elif doc.language is None:
        doc.language = settings.languages[0] if settings.languages else None
    return doc
