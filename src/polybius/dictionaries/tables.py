"""Readers of Polybius's own actor tables (``src/polybius/data/actors/*.tsv``).

* ``countries.tsv`` — ISO alpha-3, CAMEO code where it differs, names, adjectives/demonyms,
  capitals; pycountry adds each country's ISO names.
* ``organizations.tsv`` — CAMEO code, kind, names of international and national bodies.
* ``agents.tsv`` — sector code, kind, titles and role nouns (first phrase = title key).
* ``groups.tsv`` — ethnic/religious code, names.
* ``modifiers.tsv`` — words before titles: ``former`` (role is past), ``keep``, ``generic``,
  ``collective``; gender words for pronouns: ``male``/``female`` (honorifics, gendered titles),
  ``male-relative``/``female-relative`` (nouns that bring in another person).

All tables are tab-separated, ``#`` starts a comment line, ``|`` separates list items.
A malformed row raises :class:`DictionaryError` naming file and line.
"""
from __future__ import annotations

from pathlib import Path

from .lexicon import ActorEntry, AgentEntry, DictionaryError, GroupEntry, Role, read_lines, split_phrase

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"


def _rows(path: Path, min_cols: int):
    for n, line in read_lines(str(path)):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < min_cols:
            raise DictionaryError(str(path), n, f"expected {min_cols} tab-separated columns, found {len(cols)}")
        yield n, [c.strip() for c in cols]


def _items(col: str) -> list[str]:
    return [x.strip() for x in col.split("|") if x.strip()]


def is_acronym(phrase: str) -> bool:
    """Short all-capital forms (US, U.S., UN, PM, WHO) match only in capitals."""
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


def demonym_plurals(word: str) -> list[str]:
    low = word.lower()
    if low.endswith("man"):
        return [word[:-3] + "men"]
    if low.endswith(("s", "sh", "ch", "ese", "x", "z", ".")) or not word[-1].isalpha():
        return []
    return [word + "s"]


def read_countries(path: Path | None = None) -> tuple[list[tuple[list[str], ActorEntry]], dict[str, str]]:
    """``([(words, entry)], {cameo_code: iso3})``."""
    import pycountry

    path = path or DATA / "countries.tsv"
    out: list[tuple[list[str], ActorEntry]] = []
    cameo_to_iso: dict[str, str] = {}
    entries: dict[str, ActorEntry] = {}
    for n, cols in _rows(path, 3):
        cols += [""] * (5 - len(cols))
        iso, cameo, names, adjs, caps = cols[:5]
        if len(iso) != 3 or not iso.isalpha() or (cameo and (len(cameo) != 3 or not cameo.isalpha())):
            raise DictionaryError(str(path), n, f"bad country code {iso!r}/{cameo!r}")
        code = cameo or iso
        cameo_to_iso[code] = iso
        src = f"{path.name}:{n}"
        name_list = _items(names)
        pc = pycountry.countries.get(alpha_3=iso)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and v not in name_list:
                    name_list.append(v)
        display = name_list[0] if name_list else iso
        for via, items in (("name", name_list), ("demonym", _items(adjs)), ("capital", _items(caps))):
            if not items:
                continue
            entry = ActorEntry(name=display, roles=[Role(code)], source=src, kind="country", country=iso, via=via)
            entries[iso] = entries.get(iso) or entry
            forms = list(items)
            if via == "demonym":
                names_low = {x.lower() for x in name_list}
                for w in items:
                    forms.extend(p for p in demonym_plurals(w) if p.lower() not in names_low)
            for f in forms:
                words = split_phrase(f)
                if words:
                    out.append((words, entry))
    regions = path.parent / "regions.tsv"
    if regions.is_file():
        iso_to_code = {v: k for k, v in cameo_to_iso.items()}
        for n, cols in _rows(regions, 2):
            iso = cols[0]
            if iso not in iso_to_code:
                raise DictionaryError(str(regions), n, f"unknown country {iso!r} (not in countries.tsv)")
            display = entries[iso].name if iso in entries else iso
            entry = ActorEntry(name=display, roles=[Role(iso_to_code[iso])], source=f"{regions.name}:{n}", kind="country",
                               country=iso, via="region")
            for f in _items(cols[1]):
                words = split_phrase(f)
                if words:
                    out.append((words, entry))
    return out, cameo_to_iso


def read_organizations(path: Path | None = None) -> list[tuple[list[str], ActorEntry]]:
    path = path or DATA / "organizations.tsv"
    out = []
    for n, cols in _rows(path, 3):
        code, kind, names = cols[0].upper(), cols[1], _items(cols[2])
        if not code or not names:
            raise DictionaryError(str(path), n, "an organisation needs a code and at least one name")
        entry = ActorEntry(name=names[0], roles=[Role(code)], source=f"{path.name}:{n}", kind=kind or "organization")
        for nm in names:
            words = split_phrase(nm)
            if words:
                out.append((words, entry))
    return out


def read_agents_table(path: Path | None = None) -> list[tuple[list[str], AgentEntry]]:
    path = path or DATA / "agents.tsv"
    out = []
    for n, cols in _rows(path, 3):
        code, kind, names = cols[0], cols[1], _items(cols[2])
        prefix = code.endswith("~")
        code = "" if code == "-" else code.strip("~").upper()
        if (code and not code.isalnum()) or not names:
            raise DictionaryError(str(path), n, f"bad agent row (code {cols[0]!r})")
        key = " ".join(split_phrase(names[0])).lower()
        for nm in names:
            words = split_phrase(nm)
            if words:
                out.append((words, AgentEntry(name=nm, code=code, source=f"{path.name}:{n}", prefix=prefix,
                                              kind=kind or None, key=key)))
    return out


def read_groups(path: Path | None = None) -> list[tuple[list[str], GroupEntry]]:
    path = path or DATA / "groups.tsv"
    out = []
    for n, cols in _rows(path, 2):
        code, names = cols[0].upper(), _items(cols[1])
        if not code.isalpha() or not names:
            raise DictionaryError(str(path), n, f"bad group row (code {cols[0]!r})")
        entry = GroupEntry(name=names[0], code=code, source=f"{path.name}:{n}")
        for nm in names:
            words = split_phrase(nm)
            if words:
                out.append((words, entry))
    return out


def read_modifiers(path: Path | None = None) -> dict[str, set[str]]:
    path = path or DATA / "modifiers.tsv"
    out: dict[str, set[str]] = {}
    for n, cols in _rows(path, 2):
        if cols[1] not in ("former", "keep", "generic", "collective", "male", "female", "male-relative", "female-relative"):
            raise DictionaryError(str(path), n, f"unknown modifier effect {cols[1]!r}")
        out.setdefault(cols[0].lower(), set()).add(cols[1])
    return out


def read_people(path: Path | None = None) -> list[tuple[list[str], ActorEntry]]:
    """``people.tsv``: PETRARCH-style dated roles, then names."""
    from .petrarch_actors import _code_blocks, parse_role

    path = path or DATA / "people.tsv"
    out = []
    for n, cols in _rows(path, 2):
        where = (str(path), n)
        _, blocks = _code_blocks(cols[0], where)
        roles = [parse_role(b, where, lenient_dates=False) for b in blocks]
        names = _items(cols[1])
        if not roles or not names:
            raise DictionaryError(str(path), n, "a person needs at least one [ROLE] and a name")
        entry = ActorEntry(name=names[0], roles=roles, source=f"{path.name}:{n}", kind="person")
        for nm in names:
            words = split_phrase(nm)
            if words:
                out.append((words, entry))
    return out
