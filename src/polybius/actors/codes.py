"""Composing CAMEO actor codes as PETRARCH writes them.

A code is a base (country ``IRQ``, non-state ``IGOUNO`` or a dictionary's full code
``ARNGOV``) with agent (sector) codes after it (``~GOV`` agents) or before it (``NGO~``
agents), then ethnic/religious codes: ``IRQ`` + ``LEG`` + ``SUN`` -> ``IRQLEGSUN``.
An agent code already in the base is not repeated (``USAGOV`` + ``GOV`` -> ``USAGOV``);
an agent without any base is written after ``---`` (``---GOV``).
"""
from __future__ import annotations


def chunks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def compose(base: str | None, agent_codes: list[tuple[str, bool]], group_codes: list[str] = (),
            former: str | None = None) -> str | None:
    """``agent_codes``: ``[(code, is_prefix)]`` in text order; ``former``: the elite code of a
    former office holder (None: not former)."""
    prefix: list[str] = []
    suffix: list[str] = []
    have = set(chunks(base)) if base else set()
    for code, is_prefix in agent_codes:
        for c in chunks(code):
            if c in have or c in prefix or c in suffix:
                continue
            (prefix if is_prefix else suffix).append(c)
    if former:
        # PETRARCH: a former office holder is an elite; the office's own codes are dropped
        suffix = []
        if former not in have:
            suffix.append(former)
    for g in group_codes:
        if g not in have and g not in suffix:
            suffix.append(g)
    if not base and not prefix and not suffix:
        return None
    return "".join(prefix) + (base or "---") + "".join(suffix)


def split_code(code: str | None, iso_of) -> tuple[str | None, list[str]]:
    """``(country, sectors)`` of a code; ``iso_of(code)`` gives the ISO country or None."""
    if not code:
        return None, []
    country = iso_of(code)
    if country is not None or code.startswith("---"):
        rest = code[3:]
    else:
        rest = code
    return country, [c for c in chunks(rest) if c and c != "---"]
