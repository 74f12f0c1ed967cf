"""Name folding for knowledge-base look-ups.

Two keys are made of every name, and of every name looked up:

* :func:`fold` — the *exact* key: case, accents (Unicode decomposition), apostrophes,
  hyphens and other punctuation removed, spaces collapsed.  ``Volodymyr Zelens'kyy`` and
  ``volodymyr zelenskyy`` share it; ``U.S.`` and ``US`` too.
* :func:`loose` — the *variant* key: the exact key with the usual differences between
  transliterations of one name smoothed (word-final ``-iy/-yy/-ii/-yi`` as ``-y``, doubled
  letters as one, ``kh``/``h``, ``q``/``k``, ``ph``/``f``, ``ou``/``u``, ``dh``/``d``, Arabic
  articles ``al-/el-/ad-/as-/ash-`` dropped), so Zelensky, Zelenskiy and Zelenskyy, Qaddafi
  and Kaddafi, Mohammed and Mohamed, Yanukovych and Yanukovich meet.  A match on it says so in the reason.

Both are pure functions of the text: the same on the build machine and at run time.
"""
from __future__ import annotations

import re
import unicodedata

_PUNCT_RE = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")
# letters that decomposition does not split into base + accent
_SPECIAL = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae",
                          "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "ð": "d", "ħ": "h"})
_APOS = "'\u2019\u2018\u02bc\u02bb`\u00b4"
_ARTICLES = ("al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "ul")
_FINAL_Y_RE = re.compile(r"(?:iy|yy|ii|yi|ij)\b")
_DOUBLE_RE = re.compile(r"([a-z])\1+")
_LOOSE_SUBS = (("kh", "h"), ("ph", "f"), ("dh", "d"), ("th", "t"), ("q", "k"), ("ou", "u"), ("w", "v"),
               ("j", "y"), ("ck", "k"), ("x", "ks"), ("ie", "i"), ("ey", "ei"), ("ych", "ich"))

TITLES = frozenset("""mr mrs ms miss dr sir dame lord lady president prime minister pm premier chancellor king queen
prince princess emir sheikh shaikh sheik sultan general gen lt col colonel major maj capt captain admiral adm
secretary senator sen rep representative gov governor mayor judge justice ayatollah grand mullah pope cardinal
archbishop bishop rev reverend imam commander marshal field chief foreign defence defense interior finance
vice deputy former acting his her excellency hon honourable honorable state""".split())


_ASCII_DROP = str.maketrans({"'": None, "`": None, ".": None})
_MUHAMMAD_RE = re.compile(r"\bm[uo]h?am+[ae]d\b")


def fold(text: str) -> str:
    """The exact key: lower case, no accents, no punctuation or apostrophes, single spaces."""
    if not text:
        return ""
    if text.isascii():
        t = text.translate(_ASCII_DROP)
    else:
        t = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
        t = "".join(c for c in t if not unicodedata.combining(c))
        for a in _APOS:
            t = t.replace(a, "")
        t = t.replace(".", "")
    return " ".join(_PUNCT_RE.sub(" ", t).lower().split())


def loose(text: str) -> str:
    """The variant key: :func:`fold` with transliteration differences smoothed."""
    return loose_folded(fold(text))


def loose_folded(key: str) -> str:
    """:func:`loose` of a key :func:`fold` made already."""
    out = []
    for w in key.split():
        lw = _LOOSE_WORDS.get(w)
        if lw is None:
            lw = _LOOSE_WORDS[w] = _loose_word(w)
        if lw:
            out.append(lw)
    return _MUHAMMAD_RE.sub("mhmd", " ".join(out))


_LOOSE_WORDS: dict[str, str] = {}


def _loose_word(w: str) -> str:
    if w in _ARTICLES:
        return ""
    w = _FINAL_Y_RE.sub("y", w)
    for a, b in _LOOSE_SUBS:
        if a in w:
            w = w.replace(a, b)
    w = _DOUBLE_RE.sub(r"\1", w)
    if len(w) > 3 and w.endswith("i") and not w.endswith("ai"):
        w = w[:-1] + "y"  # Zelenski / Zelensky
    return w


def strip_titles(text: str) -> str:
    """A name without leading titles: ``President Vladimir Putin`` -> ``Vladimir Putin``."""
    words = text.split()
    i = 0
    while i < len(words) - 1 and fold(words[i]) in TITLES:
        i += 1
    return " ".join(words[i:])


_PARTICLES = frozenset("van von der de del della di da du le la bin ibn bint abu al el dos das ter ten mac".split())


def surname(name: str) -> str | None:
    """The surname key of a person's full name (folded): the last word, with a preceding
    particle (``van der Leyen``, ``bin Salman``, ``al-Assad`` -> ``assad``); None for one word."""
    return surname_folded(fold(name))


def surname_folded(key: str) -> str | None:
    """:func:`surname` of a key :func:`fold` made already."""
    words = key.split()
    if len(words) < 2:
        return None
    if words[-1] in ("jr", "sr", "ii", "iii", "iv") and len(words) > 2:
        words = words[:-1]
    j = len(words) - 1
    while j > 1 and words[j - 1] in _PARTICLES and words[j - 1] not in _ARTICLES:
        j -= 1
    s = " ".join(words[j:])
    return s if len(s) >= 3 else None


def is_acronym(text: str) -> bool:
    """``UNHCR``, ``U.N.``, ``M23``: short, upper case, no lower-case letter."""
    t = text.replace(".", "").replace("-", "").replace(" ", "")
    return 2 <= len(t) <= 8 and t.upper() == t and any(c.isalpha() for c in t)
