"""CAMEO codes of the candidates, and the story's country.

:func:`code_candidates` composes each candidate's code (:mod:`polybius.actors.codes`) from
its base (country, organisation or dictionary entry, dated role on the publication date),
the base it takes from context (an ``of`` organisation, the country of its ethnic group
named before, the story's country, the sentence's subject for a bare national body) and its
agents.  Organisations come first: people may take theirs.
"""
from __future__ import annotations

import datetime as _dt

from .codes import chunks, compose


class _Coding:
    """What coding one document's candidates shares between them (made per document)."""

    def __init__(self, cands, generic_words, story_country, day, kn):
        self.generic = generic_words
        self.story = story_country
        self.day = day
        self.kn = kn
        self.group_country: dict[str, str] = {}
        self.bodies_named: set[str] = set()
        self.sentence_subject = _sentence_subjects(cands, kn)

    def code(self, c) -> None:
        agents = list(c.agents)
        if len(agents) > 1 and agents[-1].name.split()[-1].lower() in self.generic and any(
                a.code != agents[-1].code for a in agents[:-1]):
            agents = agents[:-1]
        base, reason, agents = self._base(c, agents)
        base, reason = self._role_by_title(c, agents, base, reason)
        sectors = self.kn.sector_codes
        if c.former and base and c.entry is not None and c.entry.kind == "person" and base.endswith(sectors.government) \
                and len(base) == 6:
            base = base[:3]  # "former President X": the office is past
        if base and base[:3] in self.kn.non_state_codes:
            agents = [a for a in agents if a.code != sectors.government]
        if c.kind == "organization" and c.agents:
            self.bodies_named.add(c.agents[-1].name.lower())  # a later bare "the military" refers back
        c.code = compose(base, [(a.code, a.prefix) for a in agents], [g.code for g in c.groups],
                         sectors.elite if c.former else None)
        parts = [reason] if reason else []
        if agents:
            parts.append("agent " + ", ".join(f"{a.name!r}->{a.code}" + ("~" if a.prefix else "") + f" ({a.source})" for a in agents))
        if c.groups:
            parts.append("group " + ", ".join(f"{g.name!r}->{g.code}" for g in c.groups))
        if c.former:
            parts.append(f"former -> {sectors.elite}")
        c.reason = "; ".join(parts) or None

    def _base(self, c, agents):
        """The code base and why: the candidate's own, an ``of`` organisation's, the story
        country, or the country of the sentence's subject."""
        base = c.base
        reason = c.base_reason
        if c.org_link is not None and base is None:
            org = c.org_link
            if org.code:
                base = org.code
                reason = f"{c.base_reason}: code of {org.name!r}"
                agents = []
        if base is None and self.story and (any(a.code and a.code != self.kn.sector_codes.media for a in agents) or c.groups) \
                and c.kind in ("person", "group", "organization") and c.org_link is None and not self._refers_back(c, agents):
            base = self.story
            reason = "story country"
        if base is None and c.kind == "organization" and agents and c.org_link is None and c.rule == "agent" \
                and agents[-1].name.lower() not in self.bodies_named:
            # "Foreign Minister Ishaq Dar told parliament": a bare national body belongs to the
            # country of the sentence's subject
            subj = self.sentence_subject.get(c.sent)
            if subj is not None and subj is not c:
                base = subj.base[:3]
                reason = f"sentence context: {subj.name!r}"
        return base, reason, agents

    def _refers_back(self, c, agents) -> bool:
        """"the bank" after "Deutsche Bank": a bare definite body whose role noun named a body
        before refers back to it (coreference joins them) rather than taking the story's country."""
        words = c.name.lower().split()
        return c.rule == "agent" and c.kind == "organization" and len(words) == 2 and words[0] in self.kn.definite_articles \
            and bool(agents) and agents[-1].name.lower() == words[1] and words[1] in self.bodies_named

    def _role_by_title(self, c, agents, base, reason):
        """The title in the text is evidence of the role held: "President Joe Biden" -> his GOV role."""
        if not (c.entry is not None and len(c.entry.roles) > 1 and agents and base):
            return base, reason
        said = {self.kn.sector_codes.elite} if c.former else {ch for a in agents for ch in chunks(a.code)}
        if said and not (set(chunks(base[3:])) & said):
            fitting = [r for r in c.entry.roles if set(chunks(r.code[3:])) & said]
            if fitting:
                if self.day is not None:
                    held = [r for r in fitting if r.holds_on(self.day)]
                    fitting = held or fitting
                base = max(fitting, key=lambda r: r.start or _dt.date.min).code
                reason = (reason or "") + f"; role chosen by the title ({base})"
        return base, reason


def _sentence_subjects(cands, kn) -> dict:
    """Per sentence, the first country-coded candidate, a subject preferred."""
    subjects = {}
    for c in cands:
        if c.base and len(c.base) >= 3 and c.base[:3].isalpha() and c.base[:3] not in kn.non_state_codes \
                and c.kind not in ("pronoun", "alias", "appos", "drop"):
            if c.sent not in subjects or (c.sentence_dep in ("nsubj", "nsubjpass") and
                                          subjects[c.sent].sentence_dep not in ("nsubj", "nsubjpass")):
                subjects[c.sent] = c
    return subjects


def code_candidates(cands, tagger, story_country, day=None) -> None:
    """Compose each candidate's code (organisations first: people may take theirs)."""
    coding = _Coding(cands, tagger.generic_words, story_country, day, tagger.kn)
    for c in cands:
        if c.org_link is None and c.kind not in ("pronoun", "alias", "appos"):
            if c.base is None and c.groups:
                known = [coding.group_country[g.code] for g in c.groups if g.code in coding.group_country]
                if known:
                    c.base = known[0]
                    c.base_reason = f"country of the {c.groups[0].name} actors named before"
            coding.code(c)
            if c.base and c.groups and len(c.base) == 3:
                for g in c.groups:
                    coding.group_country.setdefault(g.code, c.base)
    for c in cands:
        if c.org_link is not None and c.kind not in ("pronoun", "alias", "appos"):
            coding.code(c)


def story_country_of(cands, kn):
    """The story's country: the one country that most country-coded mentions name (at least
    ``story_country_share`` of them, or ``story_country_dominant_mentions`` mentions and
    ``story_country_dominance`` times any other country's)."""
    limits = kn.limits
    not_country = kn.non_state_codes + kn.business_codes
    counts: dict[str, int] = {}
    for c in cands:
        if c.base and len(c.base) >= 3 and c.base[:3].isalpha() and c.base[:3] not in not_country and (
                c.kind == "country" or (c.base_reason or "").startswith(("premodifier", "possessive"))):
            counts[c.base[:3]] = counts.get(c.base[:3], 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.get)
    total = sum(counts.values())
    if (counts[best] >= limits.story_country_min_mentions or len(counts) == 1) \
            and counts[best] >= limits.story_country_share * total:
        return best
    # one country named three times as often as any other ("Peru's Congress ... Lima" beside one
    # mention each of the neighbours who commented)
    second = max((v for k, v in counts.items() if k != best), default=0)
    if counts[best] >= limits.story_country_dominant_mentions and counts[best] >= limits.story_country_dominance * second:
        return best
    return None
