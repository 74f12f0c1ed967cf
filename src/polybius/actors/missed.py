"""Mentions the NER missed, found once the clusters are known.

* **surnames** — proper nouns that repeat a known person's name word ("Haass continues",
  "Castillo supporters");
* **acronyms** — all-capital words that spell a named organisation's initials ("ICG",
  "AFP spokesmen": the phrase around the acronym then belongs to that organisation).

Each new mention is a candidate added to the document's candidates and to its cluster.
"""
from __future__ import annotations

from .candidate import Candidate
from .codes import compose
from .coref import initial_forms


def _attach(cands, groups, uf, c, root) -> None:
    cands.append(c)
    uf.union(root, uf.add())
    groups[root].append(len(cands) - 1)


def _covered(cands, whole_kinds) -> set[int]:
    """Tokens of the mentions of ``whole_kinds`` and pronouns, and the heads of all others."""
    covered = set()
    for c in cands:
        if c.kind in whole_kinds or c.kind == "pronoun":
            covered.update(range(c.start, c.end))
        else:
            covered.add(c.head)
    return covered


def add_surnames(cands, groups, sd, uf, sent_of, kn) -> None:
    """Proper nouns the NER missed that repeat a known person's name word ("Haass continues",
    "Castillo supporters")."""
    covered = _covered(cands, ("person",))
    limits = kn.limits
    names: dict[str, int] = {}
    for root, members in groups.items():
        for i in members:
            c = cands[i]
            if c.kind == "person" and c.name_tokens:
                last = c.name_tokens[-1].lower()
                if len(last) >= limits.surname_min_letters:
                    names.setdefault(last, root)
                if c.entry is not None:  # dictionary people: any part of the name ("Xi" of Xi Jinping)
                    for t in c.name_tokens[:-1]:
                        if len(t) >= limits.name_part_min_letters and t[:1].isupper():
                            names.setdefault(t.lower(), root)
    if not names:
        return
    for t in sd:
        if t.i in covered or t.lower_ not in names or t.pos_ != "PROPN":
            continue
        c = Candidate(start=t.i, end=t.i + 1, head=t.i, kind="person", sent=sent_of.get(t.i, -1), name=t.text,
                      rule="surname", name_tokens=[t.text])
        _attach(cands, groups, uf, c, names[t.lower_])


def add_acronyms(cands, groups, sd, uf, sent_of, kn) -> None:
    """All-capital words the NER missed that spell a named organisation's initials ("ICG",
    "AFP spokesmen")."""
    covered = _covered(cands, ("organization", "alias"))
    orgs = {}
    for root, members in groups.items():
        for i in members:
            c = cands[i]
            words = [w for w in c.name.split() if w[:1].isupper() or w.lower() in kn.initials_skip_words]
            if c.kind in ("organization", "group") and c.rule in ("ner", "dictionary", "agent") and len(c.name.split()) >= 2 \
                    and words and words[0].lower() not in kn.definite_articles or (words and len(words) >= 3):
                text = sd[c.start:c.end].text.split()
                for n in range(2):
                    for ws in (c.name.split(), text):
                        ini = initial_forms(ws, kn)[n]
                        if len(ini) >= kn.limits.initials_min_letters:
                            orgs.setdefault(ini, root)
    if not orgs:
        return
    for t in sd:
        if t.text not in orgs or t.i in covered or not kn.limits.is_acronym(t.text):
            continue
        c = Candidate(start=t.i, end=t.i + 1, head=t.i, kind="organization", sent=sent_of.get(t.i, -1), name=t.text,
                      rule="acronym")
        root = orgs[t.text]
        _attach(cands, groups, uf, c, root)
        _owned_by_acronym(cands, groups, root, t, kn)


def _owned_by_acronym(cands, groups, root, t, kn) -> None:
    """"AFP spokesmen": the phrase around the acronym belongs to that organisation."""
    owner = next((cands[i].code for i in groups[root] if cands[i].code), None)
    for c2 in cands:
        if c2.start <= t.i < c2.end and c2.head != t.i and c2.agents and c2.kind in ("person", "group") \
                and owner and (not c2.code or c2.code.startswith("---") or (c2.reason or "").startswith("story")):
            if c2.agents[-1].name.split()[-1].lower() in kn.generic_titles:
                c2.code = owner
            else:
                c2.code = compose(owner, [(a.code, a.prefix) for a in c2.agents])
            c2.reason = f"of {cands[root].name!r} ({t.text}); " + (c2.reason or "")
