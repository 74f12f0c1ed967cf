"""Reader of Polybius's own verb dictionary (``data/events/verbs.txt`` format).

The format is documented at the top of ``data/events/verbs.txt`` and in ``docs/events.md``:
synonym sets (``&NAME = a b c``), concepts (``%concept NAME actions=... appeal=...``) and
entries (``CODE TRIGGERS key=value ...``).  A malformed line raises
:class:`VerbDictionaryError` naming the file and line.  Nothing here knows a stage.
"""
from __future__ import annotations

import re
from pathlib import Path

from .verb_types import Concept, Trigger, VerbDictionary, VerbDictionaryError, VerbEntry
from .verbs_petrarch import read_petrarch_verbs

__all__ = ["Concept", "Trigger", "VerbDictionary", "VerbDictionaryError", "VerbEntry", "DEFAULT_VERBS",
           "is_petrarch_verbs", "load_verb_dictionaries", "read_verb_dictionary"]

FAMILIES = ("appeal", "intent", "demand", "reject", "threaten")
KINDS = ("event", "light", "pass", "content", "speech", "charge")
ROLES = {"subj", "obj", "dative", "poss", "mod", "comp_subj", "comp_target", "obj_owner", "obj_pp", "pp", "none"}
POS_SUFFIX = {"v": ("VERB",), "n": ("NOUN",), "a": ("ADJ",), "vn": ("VERB", "NOUN")}


_CODE = re.compile(r"^(\d{3,4}|\d{2})$")
_KEY = re.compile(r"^(obj|subj|mod|comp|xcomp|ccomp|oprd|purpose|prep:[a-z_]+|family|kind|source|target|conf)(=(.*))?$")


def _values(raw: str, synsets: dict, where: str) -> frozenset:
    out: set[str] = set()
    for v in raw.split(","):
        v = v.strip().lower()
        if not v:
            continue
        if v.startswith("&"):
            if v[1:].upper() not in synsets:
                raise VerbDictionaryError(f"{where}: unknown synonym set {v}")
            out |= synsets[v[1:].upper()]
        else:
            out.add(v.replace("_", " "))
    return frozenset(out)


def _triggers(raw: str, where: str) -> list[Trigger]:
    out = []
    for item in raw.split(","):
        item = item.strip()
        if not item:
            continue
        pos = ("VERB",)
        if "." in item:
            item, suf = item.rsplit(".", 1)
            if suf not in POS_SUFFIX:
                raise VerbDictionaryError(f"{where}: unknown part-of-speech suffix .{suf} (use .v .n .a .vn)")
            pos = POS_SUFFIX[suf]
        if not re.fullmatch(r"[a-z][a-z\-]*(_[a-z]+)?", item):
            raise VerbDictionaryError(f"{where}: bad trigger {item!r}")
        lemma, _, particle = item.partition("_")
        out.append(Trigger(lemma, pos, particle or None))
    if not out:
        raise VerbDictionaryError(f"{where}: entry without triggers")
    return out


def read_verb_dictionary(path: str | Path, text: str | None = None) -> VerbDictionary:
    """Read one dictionary file in Polybius format."""
    path = Path(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise VerbDictionaryError(f"{path}: not UTF-8 text ({exc})") from None
    d = VerbDictionary(sources=[str(path)])
    for n, raw in enumerate(text.splitlines(), 1):
        where = f"{path.name}:{n}"
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("&"):
            name, eq, vals = line[1:].partition("=")
            if not eq or not name.strip():
                raise VerbDictionaryError(f"{where}: a synonym set is written &NAME = word word ...")
            d.synsets[name.strip().upper()] = frozenset(v.lower().replace("_", " ") for v in vals.split())
            continue
        if line.startswith("%concept"):
            parts = line.split()
            if len(parts) < 3:
                raise VerbDictionaryError(f"{where}: %concept NAME actions=... appeal=... expected")
            name, kv = parts[1], dict(p.split("=", 1) for p in parts[2:] if "=" in p)
            if "actions" not in kv:
                raise VerbDictionaryError(f"{where}: concept {name} has no actions=")
            codes = {f: kv[f] for f in FAMILIES if f in kv}
            for c in [*kv["actions"].split(","), *codes.values()]:
                if not _CODE.match(c):
                    raise VerbDictionaryError(f"{where}: bad CAMEO code {c!r}")
            d.concepts[name] = Concept(name, tuple(kv["actions"].split(",")), codes)
            continue
        parts = line.split()
        if len(parts) < 2 or not _CODE.match(parts[0]):
            raise VerbDictionaryError(f"{where}: expected 'CODE TRIGGERS [key=value ...]', got {raw.strip()!r}")
        e = VerbEntry(code=parts[0], triggers=_triggers(parts[1], where), rule=where, line=n)
        for p in parts[2:]:
            m = _KEY.match(p)
            if not m:
                raise VerbDictionaryError(f"{where}: unknown condition {p!r}")
            key, val = m.group(1), m.group(3)
            if key == "family":
                if val not in FAMILIES:
                    raise VerbDictionaryError(f"{where}: unknown family {val!r}")
                e.family = val
            elif key == "kind":
                if val not in KINDS:
                    raise VerbDictionaryError(f"{where}: unknown kind {val!r}")
                e.kind = val
            elif key in ("source", "target"):
                roles = [r for r in (val or "").split(",") if r]
                for r in roles:
                    if r not in ROLES and not r.startswith("prep:"):
                        raise VerbDictionaryError(f"{where}: unknown role {r!r}")
                setattr(e, key, roles)
            elif key == "conf":
                try:
                    e.confidence = float(val)
                except (TypeError, ValueError):
                    raise VerbDictionaryError(f"{where}: conf must be a number") from None
            else:
                e.conditions[key] = _values(val, d.synsets, where) if val else frozenset()
        d.entries.append(e)
    return d


DEFAULT_VERBS = Path(__file__).resolve().parents[1] / "data" / "events" / "verbs.txt"


GRAMMAR_KINDS = ("light", "pass", "speech")


def load_verb_dictionaries(paths=(), use_defaults: bool = True) -> VerbDictionary:
    """Our default dictionary, extended by user files (Polybius format) or replaced by
    PETRARCH verb files (detected by their ``---  NAME  [code]  ---`` blocks).  Without
    ``use_defaults`` only the user's files code: of our dictionary only the grammar stays
    (light, pass-through and speech verbs, concepts)."""
    base = read_verb_dictionary(DEFAULT_VERBS)
    replaced = not use_defaults
    if replaced:
        base.entries = [e for e in base.entries if e.kind in GRAMMAR_KINDS]
    for p in paths:
        if not Path(p).is_file():
            raise VerbDictionaryError(f"{p}: no such verb dictionary")
        if is_petrarch_verbs(p):
            if not replaced:
                # a PETRARCH dictionary replaces our verb entries; the grammar stays
                # (light verbs, pass-through verbs, speech verbs, concepts)
                base.entries = [e for e in base.entries if e.kind in GRAMMAR_KINDS]
                replaced = True
            base.extend(read_petrarch_verbs(p))
        else:
            base.extend(read_verb_dictionary(p))
    return base


def is_petrarch_verbs(path) -> bool:
    """True for PETRARCH/TABARI verb files (``---  NAME  [code]  ---`` block headers)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            head = fh.read(200_000)
    except OSError as exc:
        raise VerbDictionaryError(f"{path}: cannot read ({exc})") from None
    return re.search(r"^---\s+\S+\s+\[[^\]]*\]\s+---", head, re.M) is not None
