"""Validate documents against the polybius/1 contract (JSON Schema + offset checks)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

SCHEMA_PATH = Path(__file__).parent / "schema" / "polybius-1.schema.json"


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def problems(data: dict) -> list[str]:
    """Everything wrong with a serialised document; empty when it keeps the contract.

    Beyond the schema: offsets lie inside the text, ids are unique, and every actor id
    an event, quote or stance names exists."""
    out = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in _validator().iter_errors(data)]
    if out:
        return out
    n = len(data["text"])

    def span(where, s):
        if not (0 <= s["start"] <= s["end"] <= n):
            out.append(f"{where}: span {s['start']}-{s['end']} outside text of length {n}")

    for i, s in enumerate(data["sentences"]):
        span(f"sentences/{i}", s)
    actor_ids = [a["id"] for a in data["actors"]]
    if len(set(actor_ids)) != len(actor_ids):
        out.append("actors: duplicate ids")
    known = set(actor_ids)
    for a in data["actors"]:
        for j, m in enumerate(a["mentions"]):
            span(f"actors/{a['id']}/mentions/{j}", m)
    for e in data["events"]:
        span(f"events/{e['id']}/trigger", e["trigger"])
        for j, s in enumerate(e.get("evidence", [])):
            span(f"events/{e['id']}/evidence/{j}", s)
        for key in ("source_span", "target_span"):
            if e.get(key):
                span(f"events/{e['id']}/{key}", e[key])
        for side in ("source", "target"):
            if e[side] is not None and e[side] not in known:
                out.append(f"events/{e['id']}/{side}: unknown actor {e[side]}")
        if not 0 <= e["sentence"] < max(len(data["sentences"]), 1):
            out.append(f"events/{e['id']}/sentence: no sentence {e['sentence']}")
        if e["root"] is not None and e["root"] != e["cameo"][:2]:  # null: a code outside CAMEO
            out.append(f"events/{e['id']}: root {e['root']} does not match cameo {e['cameo']}")
    for q in data["quotes"]:
        span(f"quotes/{q['id']}", q)
        if q["speaker"] is not None and q["speaker"] not in known:
            out.append(f"quotes/{q['id']}/speaker: unknown actor {q['speaker']}")
    for i, s in enumerate(data["stances"]):
        if s["holder"] not in known:
            out.append(f"stances/{i}/holder: unknown actor {s['holder']}")
        for j, ev in enumerate(s["evidence"]):
            span(f"stances/{i}/evidence/{j}", ev)
    return out


def validate(data: dict) -> None:
    """Raise ``ValueError`` listing every problem."""
    errs = problems(data)
    if errs:
        raise ValueError("document breaks the polybius/1 contract:\n  " + "\n  ".join(errs))
