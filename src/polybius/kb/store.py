"""The knowledge base at run time: loaded once, looked up by name, date and country.

``load_kb()`` reads the generated tables (``src/polybius/data/kb/*.tsv.gz``) on first use and
keeps them for the process; ``KnowledgeBase.lookup`` answers with a :class:`Resolution`: the
entries the name matches, the one chosen (or none, with the reason, when neither the date nor
the story's country settles it: never a guess), its role and code on the date, its kind and a
``reason`` naming the entry and its source.  Users' tables and PETRARCH dictionaries
(``--actors``) override the shipped entries: ``kb.with_overrides(overrides_from_files(paths))``.
"""
from __future__ import annotations

import datetime as _dt
import logging
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..dictionaries.lexicon import Role
from .names import fold, loose, loose_folded, strip_titles, surname_folded
from .table import KBEntry, KBError, read_table

log = logging.getLogger("polybius.kb")
DATA = Path(__file__).resolve().parents[1] / "data" / "kb"
TABLES = ("actors.tsv.gz", "places.tsv.gz")
_NON_STATE = {"IGO", "NGO", "IMG", "MNC", "UIS", "INT", "NGM"}
_THE_RE = re.compile(r"^the\s+", re.I)
_POSSESSIVE_RE = re.compile(r"['\u2019]s?$")
# countries whose people's names are written family name first ("Xi Jinping": "Xi")
FAMILY_FIRST = {"CHN", "TWN", "HKG", "PRK", "KOR", "VNM", "KHM"}


@dataclass(frozen=True)
class Resolution:
    """What a name resolves to.  ``code`` is None when nothing matched, when the match is a
    place (places are never actors), or when several entries match and neither the date nor
    the country settles it (``ambiguous``); ``reason`` always says which."""

    query: str
    date: _dt.date | None
    country: str | None
    entries: tuple[KBEntry, ...]  # every entry the name matched (candidates)
    entry: KBEntry | None  # the one chosen
    role: Role | None  # its role on the date
    match: str  # exact | variant | surname | none
    reason: str

    @property
    def code(self) -> str | None:
        return self.role.code if self.role else None

    @property
    def kind(self) -> str | None:
        return self.entry.kind if self.entry else None

    @property
    def place_country(self) -> str | None:
        """The country of a matched place (``Kirkuk`` -> ``IRQ``)."""
        return self.entry.country if self.entry is not None and self.entry.kind == "place" else None

    @property
    def ambiguous(self) -> bool:
        return self.entry is None and len(self.entries) > 1

    def to_dict(self) -> dict:
        return {"query": self.query, "code": self.code, "kind": self.kind, "match": self.match,
                "reason": self.reason, "entry": _entry_dict(self.entry) if self.entry else None,
                "candidates": [_entry_dict(e) for e in self.entries]}


def _entry_dict(e: KBEntry) -> dict:
    return {"id": e.id, "kind": e.kind, "name": e.name, "country": e.country, "source": e.source,
            "roles": [r.to_dict() for r in e.roles], "override": e.override}


def entry_country(e: KBEntry) -> str | None:
    if e.country:
        return e.country
    code = e.roles[0].code if e.roles else ""
    return code[:3] if len(code) >= 3 and code[:3].isalpha() and code[:3] not in _NON_STATE else None


class _Index:
    """Exact, variant and surname keys -> entries (lists in priority order)."""

    def __init__(self) -> None:
        self.exact: dict[str, list[KBEntry]] = {}
        self.variant: dict[str, list[KBEntry]] = {}
        self.surname: dict[str, list[KBEntry]] = {}
        self.surname_variant: dict[str, list[KBEntry]] = {}
        self.entries: list[KBEntry] = []
        self.warnings: list[str] = []
        self._pairs: set[tuple[str, str]] = set()

    def add(self, e: KBEntry) -> None:
        self.entries.append(e)
        keys = {fold(n) for n in e.names}
        keys.discard("")
        for k in keys:
            bucket = self.exact.get(k)
            if bucket is None:
                self.exact[k] = [e]
                continue
            for other in bucket:
                self._check_conflict(k, other, e)
            bucket.append(e)
        if e.kind == "place":  # places are found by their exact names only
            return
        for v in {loose_folded(k) for k in keys} - {""}:
            self.variant.setdefault(v, []).append(e)
        if e.kind == "person":
            family = {k.split()[0] for k in keys if len(k.split()) > 1} if e.country in FAMILY_FIRST else set()
            for s in ({surname_folded(k) for k in keys} | family) - {None}:
                self.surname.setdefault(s, []).append(e)
                sv = self.surname_variant.setdefault(loose_folded(s), [])
                if not sv or sv[-1] is not e:
                    sv.append(e)

    def _check_conflict(self, key: str, a: KBEntry, b: KBEntry) -> None:
        """Two entries no date or country could ever tell apart, coded differently: one warning."""
        if a is b or a.kind == "place" or b.kind == "place" or a.kind != b.kind or a.override != b.override:
            return
        if any(r.dated for r in a.roles) or any(r.dated for r in b.roles):
            return
        if entry_country(a) != entry_country(b) or a.roles[0].code == b.roles[0].code:
            return
        pair = (a.id, b.id)
        if pair in self._pairs:
            return
        self._pairs.add(pair)
        msg = (f"conflicting entries for {key!r}: {a.name} [{a.roles[0].code}] ({a.where or a.source}) vs "
               f"{b.name} [{b.roles[0].code}] ({b.where or b.source}); the name gets no code unless overridden")
        self.warnings.append(msg)
        log.warning(msg)


class KnowledgeBase:
    """Read-only after construction; safe to share between threads and documents."""

    def __init__(self, entries: Iterable[KBEntry] = (), *, overrides: Iterable[KBEntry] = (), base: "KnowledgeBase | None" = None):
        self._base = base._base if base is not None else _Index()
        if base is None:
            for e in entries:
                self._base.add(e)
        self._over = _Index()
        for e in overrides:
            self._over.add(e)
        self.load_seconds = 0.0

    # -- construction ---------------------------------------------------------------------------
    @classmethod
    def load(cls, paths: Sequence[str | Path] | None = None) -> "KnowledgeBase":
        """Read tables (default: the shipped ones); :class:`KBError` names a bad file and line."""
        t0 = time.perf_counter()
        paths = [DATA / t for t in TABLES] if paths is None else [Path(p) for p in paths]
        kb = cls(e for p in paths for e in read_table(p))
        kb.load_seconds = time.perf_counter() - t0
        return kb

    def with_overrides(self, entries: Iterable[KBEntry]) -> "KnowledgeBase":
        """A view of this knowledge base where ``entries`` (users' tables, PETRARCH dictionaries)
        come first: a name they know is resolved by them alone.  Shares the loaded tables."""
        return KnowledgeBase(overrides=entries, base=self)

    # -- inspection -----------------------------------------------------------------------------
    @property
    def entries(self) -> list[KBEntry]:
        return self._over.entries + self._base.entries

    @property
    def warnings(self) -> list[str]:
        return self._base.warnings + self._over.warnings

    def __len__(self) -> int:
        return len(self._base.entries) + len(self._over.entries)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries:
            out[e.kind] = out.get(e.kind, 0) + 1
        return out

    # -- look-ups -------------------------------------------------------------------------------
    def candidates(self, name: str) -> tuple[list[KBEntry], str]:
        """Every entry ``name`` matches and how (``exact``, ``variant``), overrides first: when a
        user's table knows the name, the shipped entries are not consulted."""
        forms = [name]
        bare = _POSSESSIVE_RE.sub("", _THE_RE.sub("", name.strip()))
        for f in (bare, strip_titles(bare)):
            if f and f not in forms:
                forms.append(f)
        for index in (self._over, self._base):
            for form in forms:
                hits = index.exact.get(fold(form))
                if hits:
                    return list(hits), "exact"
            for form in forms:
                hits = index.variant.get(loose(form))
                if hits:
                    return list(hits), "variant"
        return [], "none"

    def lookup(self, name: str, date: _dt.date | None = None, country: str | None = None) -> Resolution:
        """Resolve a name (a full mention) on the article's ``date`` in a story about ``country``."""
        cands, how = self.candidates(name)
        return choose(name, cands, how, date, country)

    def lookup_surname(self, name: str, date: _dt.date | None = None, country: str | None = None, *,
                       among: Iterable[KBEntry] | None = None) -> Resolution:
        """Resolve a surname (``Putin``, ``van der Leyen``): people whose names end so.  Pass
        ``among`` = the entries of people already mentioned in full in the document to restrict
        the candidates to them (the usual rule: a surname refers back to a full mention)."""
        key = fold(strip_titles(_POSSESSIVE_RE.sub("", name.strip())))
        cands: list[KBEntry] = []
        for index in (self._over, self._base):
            cands = list(index.surname.get(key, ()))
            if not cands:
                cands = list(index.surname_variant.get(loose_folded(key), ()))
            if cands:
                break
        if among is not None:
            allowed = {id(e) for e in among}
            cands = [e for e in cands if id(e) in allowed]
        return choose(name, cands, "surname" if cands else "none", date, country)


def _code_key(e: KBEntry, date: _dt.date | None):
    return ("place", e.country) if e.kind == "place" else e.code_on(date)


def _describe(e: KBEntry, date: _dt.date | None) -> str:
    if e.kind == "place":
        return f"{e.name} (place in {e.country}; {e.source})"
    return f"{e.name} [{e.code_on(date)}] ({e.kind}; {e.source})"


def _settled(pool: list[KBEntry], date) -> KBEntry | None:
    """The first entry of ``pool`` when every entry in it gives the same code on ``date``."""
    if pool and len({_code_key(e, date) for e in pool}) == 1:
        return pool[0]
    return None


def choose(query: str, cands: list[KBEntry], how: str, date: _dt.date | None, country: str | None) -> Resolution:
    """Pick one candidate by date, then by the story's country; else none, saying why."""
    country = country.upper() if country else None

    def done(entry: KBEntry | None, reason: str) -> Resolution:
        role = entry.role_on(date) if entry is not None and entry.kind != "place" else None
        return Resolution(query, date, country, tuple(cands), entry, role, how, reason)

    if not cands:
        return done(None, f"no knowledge-base entry for {query!r}")
    via = "" if how == "exact" else f" (by {'a spelling variant' if how == 'variant' else 'surname'})"
    actors = [e for e in cands if e.kind != "place"]
    places = [e for e in cands if e.kind == "place"]
    pool = actors or places
    if actors and places and country:  # "Georgia" in a story about the USA
        if any(p.country == country for p in places) and not any(entry_country(a) == country for a in actors):
            pool = [p for p in places if p.country == country]
    steps = [("", pool)]
    if date is not None:
        holding = [e for e in pool if any(r.dated and r.holds_on(date) for r in e.roles)]
        if holding:
            steps.append((f"; the only role held on {date.isoformat()}", holding))
    if country:
        base = steps[-1][1]
        local = [e for e in base if entry_country(e) == country]
        if local:
            steps.append((f"; the entry of the story's country {country}", local))
    for why, group in steps:
        entry = _settled(group, date)
        if entry is not None:
            if entry.kind == "place":
                return done(entry, f"{query!r} is a place in {entry.country}, not an actor: {_describe(entry, date)}{via}")
            n = f" ({len(cands)} entries match{why})" if len(cands) > 1 else ""
            return done(entry, f"{query!r} -> {_describe(entry, date)}{via}{n}")
    if all(e.kind == "place" for e in pool):  # a place whichever it is: never an actor
        others = sorted({e.country for e in pool[1:] if e.country != pool[0].country})
        also = f"; also a place in {', '.join(others)}" if others else ""
        return done(pool[0], f"{query!r} is a place in {pool[0].country}, not an actor: {_describe(pool[0], date)}{also}")
    shown = "; ".join(_describe(e, date) for e in pool[:5]) + ("; ..." if len(pool) > 5 else "")
    settle = (f"the date ({date.isoformat()})" if date else "the date (none given)",
              f"the story's country ({country})" if country else "the story's country (none given)")
    return done(None, f"ambiguous: {len(cands)} entries match {query!r}{via} and neither {settle[0]} nor {settle[1]} "
                      f"settles it: {shown}")


_DEFAULT: KnowledgeBase | None = None
_LOCK = threading.Lock()


def load_kb(overrides: Iterable[KBEntry] | None = None) -> KnowledgeBase:
    """The shipped knowledge base, read on first use and kept for the process; with
    ``overrides`` (:func:`overrides_from_files` of the ``--actors`` files), a view where they
    come first (the shipped tables are still read once)."""
    global _DEFAULT
    if _DEFAULT is None:
        with _LOCK:
            if _DEFAULT is None:
                _DEFAULT = KnowledgeBase.load()
                log.info("knowledge base: %d entries in %.2fs", len(_DEFAULT), _DEFAULT.load_seconds)
    return _DEFAULT.with_overrides(overrides) if overrides else _DEFAULT


__all__ = ["KnowledgeBase", "Resolution", "KBEntry", "KBError", "load_kb", "choose", "entry_country"]
