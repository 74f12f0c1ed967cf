"""Guards for bad input: size, binary content, encoding, language."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..config import Settings


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
    if len(words) < settings.min_words_for_language_check:
        return None, None
    lang, prob = _identifier().classify(" ".join(words[:400]))
    if settings.languages and lang not in settings.languages:
        # English news full of names is sometimes taken for a neighbouring language with
        # middling confidence: only a confident verdict skips a document.
        if prob < LANGUAGE_CONFIDENCE:
            return settings.languages[0], None
        return lang, f"document language is {lang!r} (p={prob:.2f}), not one of {', '.join(settings.languages)}: skipped"
    return lang, None


LANGUAGE_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier():
    import py3langid.langid as langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)
