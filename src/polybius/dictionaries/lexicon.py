"""Dictionary entries and the phrase table that finds them in a parsed document.

Every dictionary — our own tables and PETRARCH's actor, agent and discard files — is read
into the same shapes: :class:`ActorEntry` (a named actor with one or more dated roles),
:class:`AgentEntry` (a title or role noun that adds a sector code) and :class:`GroupEntry`
(an ethnic or religious group).  A :class:`PhraseTable` maps word sequences to entries and
finds the longest entry starting at each token with dictionary look-ups only (no loops
over the table), so a table of 60,000 names costs no more per token than one of 60.
"""
from __future__ import annotations

import datetime as _dt
import logging
import re
from dataclasses import dataclass
from typing import Any, Iterable

log = logging.getLogger("polybius.dictionaries")


class DictionaryError(ValueError):
    """A dictionary file that cannot be read: names the file and line."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path, self.line = path, line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


@dataclass
class Role:
    """One code an entry holds, optionally bounded by dates (inclusive)."""

    code: str
    start: _dt.date | None = None
    end: _dt.date | None = None

    def holds_on(self, day: _dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def to_dict(self, source: str | None = None) -> dict:
        d = {"code": self.code, "start": self.start.isoformat() if self.start else None,
             "end": self.end.isoformat() if self.end else None}
        if source:
            d["source"] = source
        return d


@dataclass
class ActorEntry:
    name: str  # display name (the entry's first phrase)
    roles: list[Role]
    source: str  # file:line of the entry
    kind: str | None = None  # person | organization | country | group | None (decided in context)
    country: str | None = None  # ISO alpha-3 when the entry is a country
    via: str = "name"  # name | demonym | capital | acronym

    def role_on(self, day: _dt.date | None) -> Role | None:
        """The role in force on ``day``: the first dated role holding then, else the first
        undated role, else (outside every range) the latest role that ended before ``day``; a
        person before the first office begins is the country's elite (``ELI``)."""
        if not self.roles:
            return None
        if day is not None:
            for r in self.roles:
                if r.dated and r.holds_on(day):
                    return r
        for r in self.roles:
            if not r.dated:
                return r
        if day is None:
            return max(self.roles, key=lambda r: r.start or _dt.date.min)
        past = [r for r in self.roles if r.end is not None and r.end < day]
        if past:
            return max(past, key=lambda r: r.end)
        first = self.roles[0]
        if self.kind == "person" and len(first.code) >= 6 and first.code[:3].isalpha() \
                and first.code[:3] not in ("IGO", "NGO", "IMG", "MNC") and all(r.start and r.start > day for r in self.roles):
            # before a person's first dated office: a national figure, not yet the office holder
            # (Phoenix writes such spans as ELI: [USAELI 780101-000101] [USAGOV >090120])
            return Role(first.code[:3] + "ELI", None, min(r.start for r in self.roles) - _dt.timedelta(days=1))
        return first


@dataclass
class AgentEntry:
    name: str
    code: str  # sector codes, e.g. GOV, GOVFRM, NGO
    source: str
    prefix: bool = False  # PETRARCH "NGO~": the code goes before the actor's code
    kind: str | None = None  # person | group | organization | None
    key: str = ""  # title key for coreference ("prime minister" for PM, premier...)
    lemma_ok: bool = True  # PETRARCH "{}": no plural forms


@dataclass
class GroupEntry:
    name: str
    code: str
    source: str


_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2013": "-", "\u2014": "-"})
_WORD_RE = re.compile(r"'s\b|[^\W_]+(?:(?:\.|'(?!s\b))[^\W_]+)*\.?|[^\w\s]", re.UNICODE)


def norm(text: str) -> str:
    """The form a token is compared in: lower case, straight apostrophes and hyphens."""
    return text.translate(_APOS).lower()


def split_phrase(phrase: str) -> list[str]:
    """Split a dictionary phrase into the tokens spaCy makes of the same text.

    ``AL-QAEDA_IN_IRAQ`` -> ``al - qaeda in iraq``; ``U.S.`` stays one token."""
    words: list[str] = []
    for chunk in re.split(r"[_\s]+", phrase.translate(_APOS).strip()):
        if chunk:
            words.extend(_WORD_RE.findall(chunk))
    return words


class Phrase(list):
    """A dictionary phrase's words; ``gaps`` are the word positions before which other words may
    come in the text (PETRARCH writes such "disconnected" phrases with a space, connected words
    with ``_``: ``ITHILEN TELEVISION`` also matches "Ithilen state-run television")."""

    gaps: tuple = ()


def split_phrase_gaps(phrase: str) -> Phrase:
    """:func:`split_phrase`, remembering where the phrase has a space between words."""
    out = Phrase()
    gaps = []
    for chunk in re.split(r"\s+", phrase.translate(_APOS).strip()):
        words = split_phrase(chunk)
        if words and out:
            gaps.append(len(out))
        out.extend(words)
    out.gaps = tuple(gaps)
    return out


# At most this many words may come between the parts of a disconnected phrase.
MAX_GAP = 4


class PhraseTable:
    """Word sequences -> payloads; longest match at a token with a bounded number of look-ups.

    Entries are stored under their lower-cased words; an entry marked ``case_sensitive``
    (acronyms such as ``US``, ``WHO``, ``PM``) only matches text with the same case.  An entry
    may be a *stem* (PETRARCH names without a final ``_``): its last word then matches any
    token beginning with it (``IRAN`` matches ``Iranian``).  ``lemma`` entries also match when
    the last token's lemma equals the last word (plural role nouns: ``lawmakers``)."""

    def __init__(self) -> None:
        self.exact: dict[tuple, list] = {}
        self.cased: dict[tuple, list] = {}
        self.lemma: dict[tuple, list] = {}
        self.stems: dict[tuple, list] = {}
        self.first: dict[str, int] = {}  # first word -> longest entry length
        self.stem_first: set[str] = set()
        self.gapped: dict[str, list] = {}  # first word -> [(words, gaps, payload, stem)]
        self.size = 0

    def add(self, words: list[str], payload: Any, *, stem: bool = False, case_sensitive: bool = False,
            lemma: bool = False) -> list | None:
        """Add an entry; returns the payloads already stored under the same key (for warnings)."""
        if not words:
            return None
        self.size += 1
        key = tuple(words) if case_sensitive else tuple(norm(w) for w in words)
        first = norm(words[0])
        self.first[first] = max(self.first.get(first, 0), len(key))
        if stem:
            self.stem_first.add(first)
            table = self.stems
        elif case_sensitive:
            table = self.cased
        else:
            table = self.exact
        prior = table.get(key)
        table.setdefault(key, []).append(payload)
        gaps = getattr(words, "gaps", ())
        if gaps and not case_sensitive:
            self.gapped.setdefault(first, []).append((key, tuple(gaps), payload, stem))
        if lemma and not case_sensitive and not stem:
            self.lemma.setdefault(key, []).append(payload)
        return prior

    def __len__(self) -> int:
        return self.size

    def longest_at(self, low: list[str], orig: list[str], lem: list[str], i: int, limit: int | None = None):
        """The longest entry starting at token ``i``: ``(length, payloads, how)`` or None.

        ``low``/``orig``/``lem`` are the document's tokens (normalised, as written, lemmas)."""
        first = low[i]
        maxlen = self.first.get(first)
        if not maxlen:
            if self.lemma:
                hit = self.lemma.get((lem[i],))
                if hit:
                    return 1, hit, "lemma"
            return None
        n = len(low) if limit is None else min(len(low), limit)
        for L in range(min(maxlen, n - i), 0, -1):
            key = tuple(low[i : i + L])
            hit = self.exact.get(key)
            if hit:
                return L, hit, "exact"
            ckey = tuple(orig[i : i + L])
            hit = self.cased.get(ckey)
            if hit:
                return L, hit, "exact"
            if L >= 1 and self.lemma:
                lkey = key[:-1] + (lem[i + L - 1],)
                hit = self.lemma.get(lkey)
                if hit:
                    return L, hit, "lemma"
            if first in self.stem_first:
                last = key[-1]
                for k in range(len(last), 2, -1):
                    hit = self.stems.get(key[:-1] + (last[:k],))
                    if hit:
                        return L, hit, "stem"
        return None

    def gapped_at(self, low: list[str], i: int, words_min: int, gap_ok) -> tuple[int, list] | None:
        """The disconnected phrase starting at ``i`` with the most words (more than
        ``words_min``): ``(end, payloads)``.  ``gap_ok(start, end, skipped)`` judges the words
        between its parts (a caller accepts only modifiers inside one noun phrase)."""
        best = None
        n = len(low)
        for key, gaps, payload, stem in self.gapped.get(low[i], ()):
            if len(key) <= words_min or (best is not None and len(key) <= best[2]):
                continue
            pos, skipped, ok = i, [], True
            for w, word in enumerate(key):
                if w in gaps:
                    k = pos
                    while k < n and k - pos <= MAX_GAP and not _word_eq(low[k], word, stem and w == len(key) - 1):
                        k += 1
                    if k >= n or k - pos > MAX_GAP:
                        ok = False
                        break
                    skipped.extend(range(pos, k))
                    pos = k
                if pos >= n or not _word_eq(low[pos], word, stem and w == len(key) - 1):
                    ok = False
                    break
                pos += 1
            if ok and skipped and gap_ok(i, pos, skipped):
                best = (pos, [payload], len(key))
        return best[:2] if best else None

    def find_all(self, low: list[str], orig: list[str], lem: list[str], accept=None,
                 gap_ok=None) -> list[tuple[int, int, list, str]]:
        """Greedy left-to-right longest matches: ``[(start, end, payloads, how)]``.

        ``accept(start, end, payloads)`` may reject a match (the scan then tries shorter ones
        is not attempted; it moves one token on).  With ``gap_ok`` (see :meth:`gapped_at`),
        disconnected phrases match too when they name more words than the connected match."""
        out = []
        i, n = 0, len(low)
        while i < n:
            m = self.longest_at(low, orig, lem, i)
            if gap_ok is not None and low[i] in self.gapped:
                g = self.gapped_at(low, i, m[0] if m else 0, gap_ok)
                if g and (accept is None or accept(i, g[0], g[1])):
                    out.append((i, g[0], g[1], "gapped"))
                    i = g[0]
                    continue
            if m and (accept is None or accept(i, i + m[0], m[1])):
                out.append((i, i + m[0], m[1], m[2]))
                i += m[0]
            else:
                i += 1
        return out


def _word_eq(token: str, word: str, stem: bool) -> bool:
    return token == word or (stem and len(word) >= 3 and token.startswith(word))


def read_lines(path: str) -> Iterable[tuple[int, str]]:
    """Yield ``(line_number, text)`` of a dictionary file.

    UTF-8 is expected; a few stray Windows-1252 bytes (as in Phoenix.Countries) are decoded as
    such with a warning naming the line.  A binary file, or one where many lines are not UTF-8,
    is refused with the first line that failed."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise DictionaryError(str(path), None, f"cannot read dictionary: {exc.strerror or exc}") from None
    if b"\x00" in raw[:65536]:
        raise DictionaryError(str(path), None, "not a text dictionary (contains NUL bytes; UTF-16 or binary?)")
    lines = raw.split(b"\n")
    bad: list[int] = []
    out = []
    for n, b in enumerate(lines, 1):
        try:
            s = b.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(n)
            s = b.decode("cp1252", errors="replace")
        out.append((n, s.rstrip("\r")))
    if bad and (len(bad) > 20 and len(bad) > 0.02 * len(lines)):
        raise DictionaryError(str(path), bad[0], "not UTF-8 text (wrong encoding?)")
    for n in bad:
        log.warning("%s:%d: not UTF-8; read as Windows-1252", path, n)
    return out


_DATE6 = re.compile(r"^\d{6}$")
_DATE8 = re.compile(r"^\d{8}$")


def parse_date(text: str, where: tuple[str, int]) -> _dt.date:
    """PETRARCH dates: YYYYMMDD or YYMMDD (years 00-30 are 20xx, others 19xx)."""
    t = text.strip()
    try:
        if _DATE8.match(t):
            return _dt.date(int(t[:4]), int(t[4:6]), int(t[6:]))
        if _DATE6.match(t):
            yy = int(t[:2])
            return _dt.date((2000 if yy <= 30 else 1900) + yy, int(t[2:4]), int(t[4:]))
    except ValueError:
        pass
    raise DictionaryError(where[0], where[1], f"bad date {text!r} (expected YYMMDD or YYYYMMDD)")
