"""Propositions: the mentions of a concept, their themes and places, merged into one wording.

A concept (``data/speech/propositions.json``) is mentioned by a noun ("the withdrawal of US
forces") or a verb ("expel American troops"); each mention is read with its *theme* (whose
forces; the actors stage's country code when there is one) and *place*.  Mentions with
compatible themes and places merge into one proposition with one normalised label.
"""
from __future__ import annotations

from dataclasses import dataclass

from .holders import country_before, country_of
from .lexicon import Concept
from .tokens import phrase


@dataclass
class PropMention:
    concept: Concept
    token: object
    cluster: int = -1  # index of its proposition once merged
    # theme: whose forces, troops, sanctions ... (key: "CCC:kind", the kind, or the country)
    theme_tok: object = None
    theme_key: str | None = None
    theme_text: str | None = None
    theme_country: str | None = None
    # place: where ("withdrawal from Iraq")
    place_key: str | None = None
    place_text: str | None = None
    place_country: str | None = None


def concept_of(ctx, tok, kind: str) -> Concept | None:
    """The concept a noun or verb names (``kind``: "noun" | "verb"), or None."""
    lemma = tok.lemma_.lower()
    for c in ctx.lex.concepts:
        if kind == "noun" and lemma in c.nouns:
            return c
        if kind == "verb" and (lemma in c.verbs_obj or lemma in c.verbs_subj):
            return c
    return None


def read_mention(ctx, tok) -> PropMention | None:
    """A concept mention at ``tok`` with its theme and place, or None (no concept, or a verb
    whose theme is no party: "remove the ban", "the minister left the meeting")."""
    is_verb = tok.pos_ == "VERB"
    c = concept_of(ctx, tok, "verb" if is_verb else "noun")
    if c is None:
        return None
    m = PropMention(c, tok)
    if is_verb:
        theme = _verb_theme(c, tok)
        if theme is None or concept_of(ctx, theme, "noun") is not None or not theme_word(
                ctx, theme, forces_only=tok.lemma_.lower() in c.verbs_subj):
            return None  # "remove the ban", "the minister left the meeting", "remove sanctions"
    else:
        theme = _noun_theme(ctx, c, tok)
    if theme is not None and is_verb and concept_of(ctx, theme, "noun") is not None:
        return None  # "remove sanctions" is not a withdrawal: see negating_verbs
    if theme is not None and not theme_word(ctx, theme):
        theme = None  # "unconditional talks", "sanctions on denuclearization": no party named
    if theme is not None:
        set_theme(ctx, m, theme)
    _read_place(ctx, m, c, tok)
    return m


def _verb_theme(c: Concept, tok):
    """The theme of a concept verb: its object ("expel troops") or subject ("troops leave")."""
    lemma = tok.lemma_.lower()
    objs = [x for x in tok.children if x.dep_ in ("dobj", "nsubjpass")]
    subs = [x for x in tok.children if x.dep_ == "nsubj"]
    if lemma in c.verbs_obj and objs:
        return objs[0]
    if lemma in c.verbs_subj and subs:
        return subs[0]
    if lemma in c.verbs_subj and tok.dep_ in ("xcomp", "advcl", "ccomp"):
        # object control: "asked the peacekeepers to leave", "called on US troops to leave"
        h = tok.head
        ctrl = [x for x in h.children if x.dep_ == "dobj"] + [
            o for x in h.children if x.dep_ == "prep" and x.lower_ == "on" for o in x.children
            if o.dep_ == "pobj"]
        if ctrl:
            return ctrl[0]
    return None


def _noun_theme(ctx, c: Concept, tok):
    """The theme of a concept noun: its prepositional object ("withdrawal of troops"), else
    (for concepts that allow it) a modifier naming a party ("US withdrawal")."""
    for x in tok.children:
        if x.dep_ == "prep" and x.lower_ in c.theme_preps:
            objs = [o for o in x.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
    if c.modifier_theme:
        for x in tok.children:
            if x.dep_ in ("compound", "amod", "poss", "nmod") and theme_word(ctx, x):
                return x
    return None


def _read_place(ctx, m: PropMention, c: Concept, tok) -> None:
    """The place of a mention ("withdrawal from Iraq"; "from the country": the country named last)."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in c.place_preps:
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            if objs:
                code, name = country_of(ctx, objs[0])
                bare = all(k.dep_ == "det" and k.lower_ == "the" for k in objs[0].children)
                if code is None and bare and objs[0].lemma_.lower() in ctx.lex.props["generic_places"]:
                    code, name = country_before(ctx, objs[0], exclude=m.theme_country)
                m.place_key = code or objs[0].lemma_.lower()
                m.place_text = name or phrase(objs[0])
                m.place_country = code


def theme_word(ctx, tok, forces_only: bool = False) -> bool:
    """A theme is a word for forces (data: theme_synonyms) or, unless ``forces_only``
    (the subject of "leave": "the minister left"), an actor."""
    if tok.lower_ in ctx.syn or tok.lemma_.lower() in ctx.syn:
        return True
    actors = ctx.doc.actors_at(tok.idx, tok.idx + len(tok.text))
    if forces_only:
        return any("MIL" in (a.sectors or []) or (a.code or "").endswith("MIL") for a in actors)
    return bool(actors)


def set_theme(ctx, m: PropMention, theme):
    """Theme key: the theme's country (its own, or a country modifier's) + its kind."""
    m.theme_tok = theme
    head = ctx.syn.get(theme.lower_, ctx.syn.get(theme.lemma_.lower(), theme.lemma_.lower()))
    code, name = country_of(ctx, theme)
    if code is not None and theme.pos_ == "PROPN":
        head = ""  # the theme is the country itself: "sanctions on Belarus"
    if code is None:
        for x in theme.children:
            if x.dep_ in ("compound", "amod", "poss", "nmod"):
                code, name = country_of(ctx, x)
                if code:
                    break
    if code is None and theme.pos_ in ("PROPN", "ADJ"):
        # "troop withdrawal" vs "US withdrawal": a bare country modifier is the theme's country
        head = "forces" if m.concept.name == "withdrawal" else head
    if theme.pos_ == "PRON":
        head = ""  # "talks with it": the actor itself
    m.theme_key = (f"{code}:{head}" if head else code) if code else head
    m.theme_country = code
    hits = ctx.doc.actors_at(theme.idx, theme.idx + len(theme.text))
    if code:
        m.theme_text = name
    elif hits:
        m.theme_text = hits[0].name
    elif theme.lower_ in ctx.syn or theme.lemma_.lower() in ctx.syn:
        m.theme_text = head  # "troop withdrawal" -> forces
    else:
        m.theme_text = phrase(theme)


def merge_mentions(ctx) -> None:
    """Mentions of one concept with compatible themes and places are one proposition:
    sets ``ctx.clusters`` (and each mention's ``cluster``) and ``ctx.labels``."""
    ms = sorted(ctx.mentions.values(), key=lambda m: m.token.i)
    clusters: list[list[PropMention]] = []
    for m in ms:
        for cl in clusters:
            if cl[0].concept is m.concept and all(_compatible(m, o) for o in cl):
                cl.append(m)
                m.cluster = clusters.index(cl)
                break
        else:
            m.cluster = len(clusters)
            clusters.append([m])
    ctx.clusters = clusters
    ctx.labels = [label(cl) for cl in clusters]


def label(cl: list[PropMention]) -> str:
    """The normalised wording of a proposition, from its most specific theme and place."""
    c = cl[0].concept
    theme = next((m for m in cl if m.theme_country), None) or next((m for m in cl if m.theme_text), None)
    place = next((m for m in cl if m.place_country), None) or next((m for m in cl if m.place_text), None)
    if theme is not None and theme.theme_country and _country_name(theme.theme_country, None):
        kind = theme.theme_key.split(":", 1)[1] if ":" in theme.theme_key else ""
        text = c.label.format(theme=f"{_country_name(theme.theme_country, None)} {kind}".strip())
    elif theme is not None:
        text = c.label.format(theme=theme.theme_text)
    else:
        text = c.label_no_theme
    if place is not None:
        pname = _country_name(place.place_country, place.place_text) if place.place_country else place.place_text
        text += " " + c.place_label.format(place=pname)
    return text


def _compatible(a: PropMention, b: PropMention) -> bool:
    if a.theme_country and b.theme_country and a.theme_country != b.theme_country:
        return False
    if a.theme_country is None and b.theme_country is None and a.theme_key and b.theme_key \
            and a.theme_key != b.theme_key:
        return False
    if a.place_country and b.place_country:
        return a.place_country == b.place_country
    if a.place_key and b.place_key and not a.place_country and not b.place_country:
        return a.place_key == b.place_key
    return True


def _country_name(code: str | None, fallback: str | None) -> str:
    if not code:
        return fallback or ""
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=code[:3])
        if c is not None:
            return getattr(c, "common_name", None) or c.name
    except ImportError:
        pass
    return fallback or ""
