"""The actor candidate (one mention before coreference) and token helpers shared by the rules."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..dictionaries import ActorEntry, AgentEntry, GroupEntry, kind_of_noun


@dataclass
class Candidate:
    start: int  # token range of the mention [start, end)
    end: int
    head: int
    kind: str  # person | organization | country | group | pronoun (alias | appos | drop | country-ref)
    sent: int  # sentence index (spaCy sents)
    name: str = ""
    entry: ActorEntry | None = None  # dictionary actor that is the head
    base: str | None = None  # code base (country or full dictionary code)
    base_reason: str | None = None
    roles: list = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    groups: list[GroupEntry] = field(default_factory=list)
    former: bool = False
    title_keys: set = field(default_factory=set)
    plural: bool = False
    rule: str = "np"
    part: tuple[int, int] | None = None  # the conjunct's own tokens (compound groups)
    name_tokens: list[str] = field(default_factory=list)  # PERSON/ORG words (for coreference)
    context_reasons: list[str] = field(default_factory=list)
    code: str | None = None
    reason: str | None = None
    org_link: "Candidate | None" = None  # "president of <org>"
    aliases: list = field(default_factory=list)  # "(CFR)" after the name
    sentence_dep: str | None = None  # dependency of the head (subjects give context to their sentence)
    actor: "Candidate | None" = None  # the candidate this one is a mention of (apposition, holder, object)
    outlet: bool = False  # a news outlet named only as a source of information ("told Reuters")


def clone(c: Candidate, **changes) -> Candidate:
    """A shallow copy of ``c`` with ``changes`` (lists and sets are shared unless given)."""
    return Candidate(**{**c.__dict__, **changes})


def entry_of(hit):
    """The dictionary entry of a hit ``(start, end, payloads, how)``: its last payload."""
    return hit[2][-1]


def unique(hits):
    out = []
    seen = set()
    for h in hits:
        if h is not None and id(h) not in seen:
            seen.add(id(h))
            out.append(h)
    return out


def name_words(sd, s, e) -> list[str]:
    """The words of a name (hyphens left out)."""
    return [sd[k].text for k in range(s, e) if sd[k].tag_ != "HYPH"]


def person_in_phrase(sd, span, si) -> Candidate:
    """A PERSON entity inside a phrase headed by something else: a mention of its own."""
    m = Candidate(start=span[0], end=span[1], head=span[1] - 1, kind="person", sent=si, rule="modifier")
    m.name = sd[span[0]:span[1]].text
    m.name_tokens = name_words(sd, *span)
    return m


def ent_span(sd, i, label, floor):
    t = sd[i]
    if t.ent_type_ != label:
        return None
    s = i
    while s > floor and sd[s - 1].ent_type_ == label and sd[s].ent_iob_ != "B":
        s -= 1
    e = i + 1
    while e < len(sd) and sd[e].ent_type_ == label and sd[e].ent_iob_ == "I":
        e += 1
    while s < e and sd[s].pos_ == "DET":
        s += 1
    while e > s and (sd[e - 1].tag_ == "POS" or sd[e - 1].text in ("'s", "\u2019s")):
        e -= 1  # "Luna Lovegood's": the possessive marker is not part of the name
    for k in range(s, e):
        if sd[k].text in ("(", ")", ",", ";"):
            e = k
            break
    return (s, e) if s < e else None


def strip_article(text: str, articles) -> str:
    for d in articles:
        if text.startswith(d + " "):
            return text[len(d) + 1:]
    return text


def display(sd, s, e, entry) -> str:
    if entry.kind in ("country", "organization", "person"):
        return entry.name
    return sd[s:e].text


def kind_from_context(ent: str, base: str | None) -> str:
    if ent == "PERSON":
        return "person"
    if ent in ("GPE", "LOC") or bare(base):
        return "country"
    if ent == "NORP":
        return "group"
    return "organization"


def people_noun(lemma: str) -> bool:
    """A noun of persons by its English ending ("leader", "farmer", "activist")."""
    return kind_of_noun(lemma.lower()) == "person"


def bare(code: str | None) -> bool:
    """A country-level code with no sector: ``ITH``, ``USA``."""
    return bool(code) and len(code) == 3 and code.isalpha()


def role_code(entry: ActorEntry, day: _dt.date | None):
    r = entry.role_on(day)
    return r.code if r else None
