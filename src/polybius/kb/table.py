"""The knowledge-base table format: read (validated, file:line errors) and written.

One row per entry, tab-separated, gzip-compressed (``*.tsv.gz``) or plain (``*.tsv``)::

    id  kind  country  roles  names  source

* ``id`` — unique in the file (``phx:…``, ``wd:Q7747``, ``gn:…``, ``ed:…``);
* ``kind`` — person | organization | group | outlet | place | country;
* ``country`` — ISO 3166 alpha-3 (or CAMEO's ``KSV``), or empty;
* ``roles`` — CAMEO codes in PETRARCH notation, ``[RUSGOV 20000507-20080507] [RUSELI]``
  (dates YYYYMMDD, inclusive); empty only for places, which are never actors;
* ``names`` — ``|``-separated, the first is the display name; every alias and spelling;
* ``source`` — ``;``-separated provenance of the row: ``phoenix:FILE:LINE``, ``wikidata:Q…``,
  ``geonames:ID``, ``iso3166-2:CODE``, ``polybius-editors:FILE:LINE (reference)``.

``#`` lines are comments; the first other line is the header row above.  A row that breaks
any rule is refused with :class:`KBError` naming the file and line.
"""
from __future__ import annotations

import datetime as _dt
import gzip
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..dictionaries.lexicon import ActorEntry, DictionaryError, Role
from ..dictionaries.petrarch_actors import parse_role

COLUMNS = ("id", "kind", "country", "roles", "names", "source")
KINDS = ("person", "organization", "group", "outlet", "place", "country")
_BLOCK_RE = re.compile(r"\[([^\[\]]*)\]")
_COUNTRY_RE = re.compile(r"^[A-Z]{3}$")


class KBError(DictionaryError):
    """A knowledge-base table that cannot be used: names the file and line."""


@dataclass(frozen=True, eq=False)
class KBEntry:
    """One actor, outlet or place of the knowledge base."""

    id: str
    kind: str
    name: str  # display name
    names: tuple[str, ...]  # every alias, the display name first
    country: str | None
    roles: tuple[Role, ...]
    source: str  # provenance of the row (see the module doc)
    where: str = ""  # file:line the entry was read from
    override: bool = False  # from a user's table or PETRARCH dictionary (--actors)
    _actor: list = field(default_factory=list, compare=False, repr=False)

    def as_actor_entry(self) -> ActorEntry:
        """The same entry as the dictionaries' :class:`ActorEntry` (kind, country, roles, source)."""
        if not self._actor:
            kind = {"outlet": "organization", "place": None}.get(self.kind, self.kind)
            self._actor.append(ActorEntry(name=self.name, roles=list(self.roles), source=self.source, kind=kind,
                                          country=self.country))
        return self._actor[0]

    def role_on(self, day: _dt.date | None) -> Role | None:
        """The role in force on ``day``: of the dated roles holding then, the one begun last; else
        the dictionaries' rule (the undated default, else the latest earlier role); None for a place."""
        if not self.roles:
            return None
        if day is None and self.kind == "country":  # a country with no date: its code now
            day = _dt.date.today()
        if day is not None:  # several terms hold (one source's open end, another's new office): the latest begun
            holding = [r for r in self.roles if r.dated and r.holds_on(day)]
            if holding:
                return max(holding, key=lambda r: r.start or _dt.date.min)
        return self.as_actor_entry().role_on(day)

    def code_on(self, day: _dt.date | None) -> str | None:
        r = self.role_on(day)
        return r.code if r else None


def format_roles(roles: Iterable[Role]) -> str:
    out = []
    for r in roles:
        if r.start and r.end:
            out.append(f"[{r.code} {r.start:%Y%m%d}-{r.end:%Y%m%d}]")
        elif r.start:
            out.append(f"[{r.code} >{r.start:%Y%m%d}]")
        elif r.end:
            out.append(f"[{r.code} <{r.end:%Y%m%d}]")
        else:
            out.append(f"[{r.code}]")
    return " ".join(out)


_FAST_ROLE = re.compile(r"\[([A-Z0-9]+)(?: (?:(\d{8})-(\d{8})|>(\d{8})|<(\d{8})))?\]")


def _day(s: str | None) -> _dt.date | None:
    return _dt.date(int(s[:4]), int(s[4:6]), int(s[6:])) if s else None


def parse_roles(text: str, where: tuple[str, int]) -> tuple[Role, ...]:
    text = text.strip()
    if not text:
        return ()
    fast = []
    pos = 0
    for m in _FAST_ROLE.finditer(text):  # the form the build writes; anything else goes the careful way
        if text[pos:m.start()].strip():
            break
        pos = m.end()
        code, a, b, after, before = m.groups()
        try:
            fast.append(Role(code, _day(a or after), _day(b or before)))
        except ValueError:
            break
    else:
        if fast and not text[pos:].strip():
            return tuple(fast)
    blocks = _BLOCK_RE.findall(text)
    if not blocks or _BLOCK_RE.sub("", text).strip():
        raise KBError(where[0], where[1], f"roles must be [CODE ...] blocks, got {text[:60]!r}")
    try:
        return tuple(parse_role(b, where, lenient_dates=False) for b in blocks)
    except DictionaryError as exc:
        raise KBError(where[0], where[1], str(exc).split(": ", 1)[-1]) from None


def _open(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")


def read_table(path: str | Path, *, override: bool = False) -> Iterator[KBEntry]:
    """Every entry of one table, validated; :class:`KBError` (file:line) on the first bad row."""
    path = Path(path)
    name = str(path)
    seen: set[str] = set()
    header = False
    try:
        fh = _open(path)
    except OSError as exc:
        raise KBError(name, None, f"cannot read knowledge-base table: {exc.strerror or exc}") from None
    with fh:
        try:
            for n, raw in enumerate(fh, 1):
                line = raw.rstrip("\n").rstrip("\r")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if not header:
                    if tuple(c.strip() for c in cols) != COLUMNS:
                        raise KBError(name, n, f"expected the header row {' '.join(COLUMNS)!r}")
                    header = True
                    continue
                entry = _row(cols, (name, n), override)
                if entry.id in seen:
                    raise KBError(name, n, f"duplicate id {entry.id!r}")
                seen.add(entry.id)
                yield entry
        except UnicodeDecodeError as exc:
            raise KBError(name, None, f"not UTF-8 text ({exc.reason})") from None
        except (OSError, EOFError) as exc:
            raise KBError(name, None, f"cannot read knowledge-base table: {exc}") from None
    if not header:
        raise KBError(name, None, "no header row (empty table?)")


def _row(cols: list[str], where: tuple[str, int], override: bool) -> KBEntry:
    if len(cols) != len(COLUMNS):
        raise KBError(where[0], where[1], f"expected {len(COLUMNS)} tab-separated columns, found {len(cols)}")
    id_, kind, country, roles, names, source = [c.strip() for c in cols]
    if not id_:
        raise KBError(where[0], where[1], "empty id")
    if kind not in KINDS:
        raise KBError(where[0], where[1], f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
    if country and not _COUNTRY_RE.match(country):
        raise KBError(where[0], where[1], f"bad country {country!r} (expected ISO alpha-3, e.g. IRQ)")
    role_list = parse_roles(roles, where)
    if not role_list and kind != "place":
        raise KBError(where[0], where[1], f"a {kind} needs at least one [CODE] role")
    if kind == "place" and not country:
        raise KBError(where[0], where[1], "a place needs its country")
    aliases = tuple(dict.fromkeys(a.strip() for a in names.split("|") if a.strip()))
    if not aliases:
        raise KBError(where[0], where[1], "no names")
    if not source:
        raise KBError(where[0], where[1], "empty source (every row names its provenance)")
    return KBEntry(id=id_, kind=kind, name=aliases[0], names=aliases, country=country or None, roles=role_list,
                   source=source, where=f"{where[0]}:{where[1]}", override=override)


def write_table(path: Path, entries: Iterable[KBEntry], comment: str) -> int:
    """Write a table (gzip when the name ends in .gz, byte-reproducible); returns the row count."""
    lines = [f"# {c}" for c in comment.splitlines()] + ["\t".join(COLUMNS)]
    n = 0
    for e in entries:
        cols = (e.id, e.kind, e.country or "", format_roles(e.roles), "|".join(e.names), e.source)
        if any(("\t" in c or "\n" in c) for c in cols):
            raise ValueError(f"entry {e.id}: a tab or newline in a column")
        lines.append("\t".join(cols))
        n += 1
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.suffix == ".gz":
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)
    else:
        path.write_bytes(data)
    return n
