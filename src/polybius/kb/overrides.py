"""Users' own actor tables and PETRARCH dictionaries (``--actors``) as knowledge-base entries.

Accepted, told apart per file: a knowledge-base table (the header row of :mod:`.table`), a
Polybius ``people.tsv``/``organizations.tsv`` table, or a PETRARCH/TABARI actor dictionary.
Every entry is marked ``override``: :meth:`KnowledgeBase.with_overrides` consults them before
the shipped tables.  A malformed file is refused with its file and line.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..dictionaries.lexicon import ActorEntry
from .table import COLUMNS, KBEntry, read_table
from .store import entry_country


def _is_kb_table(path: Path) -> bool:
    from .table import _open

    with _open(path) as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                return tuple(c.strip() for c in line.rstrip("\n").split("\t")) == COLUMNS
    return False


def _kind(entry: ActorEntry) -> str:
    if entry.kind in ("person", "organization", "group", "country"):
        return entry.kind
    code = entry.roles[0].code if entry.roles else ""
    if len(code) == 3 and code.isalpha() and not code.startswith(("IGO", "NGO", "IMG", "MNC")):
        return "country"
    if any(r.dated for r in entry.roles):
        return "person"
    return "organization"


def from_actor_entries(pairs: Iterable[tuple[list[str], ActorEntry]], prefix: str) -> list[KBEntry]:
    """``(words, ActorEntry)`` pairs (several names may share one entry) -> one KBEntry each."""
    names: dict[int, list[str]] = {}
    objs: dict[int, ActorEntry] = {}
    for words, entry in pairs:
        key = id(entry)
        objs[key] = entry
        names.setdefault(key, []).append(" ".join(words))
    out = []
    for i, (key, entry) in enumerate(objs.items()):
        tmp = KBEntry(id=f"{prefix}:{i}", kind="organization", name=entry.name, names=(entry.name,), country=None,
                      roles=tuple(entry.roles), source=entry.source)
        country = entry.country or entry_country(tmp)
        aliases = tuple(dict.fromkeys([entry.name] + names[key]))
        out.append(KBEntry(id=f"{prefix}:{i}", kind=_kind(entry), name=entry.name, names=aliases, country=country,
                           roles=tuple(entry.roles), source=entry.source, where=entry.source, override=True))
    return out


def overrides_from_files(paths: Iterable[str | Path]) -> list[KBEntry]:
    """Entries of the users' ``--actors`` files, in order (a later file's entry comes later)."""
    from ..dictionaries import _read_user_tsv_actors
    from ..dictionaries.petrarch_actors import read_actor_dictionary

    out: list[KBEntry] = []
    for n, p in enumerate(paths):
        path = Path(p)
        if path.name.endswith((".tsv", ".tsv.gz")) and _is_kb_table(path):
            out.extend(read_table(path, override=True))
        elif path.suffix == ".tsv":
            out.extend(from_actor_entries(_read_user_tsv_actors(path), f"user{n}"))
        else:
            pairs = [(w, e) for w, _stem, e in read_actor_dictionary(str(path))]
            out.extend(from_actor_entries(pairs, f"user{n}"))
    return out
