"""Coded Documents built by hand for the store, analysis, export and scale tests.

Each document is written here (not taken from any corpus) and carries actors, events,
quotes and stances with correct character offsets, as the coder stages would produce.
"""
from __future__ import annotations

import datetime as dt

from polybius.model import (Actor, Block, Document, Event, EventDate, Mention, Place, Plover, Quote, Sentence,
                            Span, Stance)

ACTORS = {
    # name: (code, country, sectors, kind)
    "Washington": ("USA", "USA", [], "country"),
    "the State Department": ("USAGOV", "USA", ["GOV"], "organization"),
    "Baghdad": ("IRQ", "IRQ", [], "country"),
    "the Iraqi prime minister": ("IRQGOV", "IRQ", ["GOV"], "person"),
    "Tehran": ("IRN", "IRN", [], "country"),
    "Paris": ("FRA", "FRA", [], "country"),
    "the rebels": ("IRQREB", "IRQ", ["REB"], "group"),
    "a local mayor": (None, None, [], "person"),
}

CAMEO = {  # code: (root, goldstein, quad class, plover event, plover mode)
    "036": ("03", 4.0, 1, "COOPERATE", None),
    "042": ("04", 1.9, 1, "CONSULT", "visit"),
    "057": ("05", 8.0, 1, "AGREE", None),
    "0831": ("08", 5.0, 2, "CONCEDE", None),
    "112": ("11", -2.0, 3, "ACCUSE", None),
    "125": ("12", -5.0, 3, "REJECT", None),
    "172": ("17", -5.0, 4, "SANCTION", None),
    "190": ("19", -10.0, 4, "FIGHT", None),
}


def make_doc(sentences: list[tuple[str, str | None, str | None, str | None]], *, title: str | None = None,
             outlet: str | None = "Example Wire", published: dt.date | None = dt.date(2024, 3, 4),
             url: str | None = None, quotes: list[tuple[str, str]] = (), stances=(),
             event_date: tuple[str, str] | None = None, negate: set[int] = frozenset(), doc_id: str | None = None,
             place: Place | None = None) -> Document:
    """``sentences``: (text, source name, cameo, target name); a name must occur in its sentence,
    the event trigger is the sentence's first word after the source name."""
    text_parts, blocks, sents = [], [], []
    pos = 0
    if title:
        text_parts.append(title + "\n\n")
        blocks.append(Block("headline", 0, len(title)))
        sents.append(Sentence(0, len(title), 0))
        pos = len(title) + 2
    for s, *_ in sentences:
        blocks.append(Block("paragraph", pos, pos + len(s)))
        sents.append(Sentence(pos, pos + len(s), len(blocks) - 1))
        text_parts.append(s + "\n\n")
        pos += len(s) + 2
    text = "".join(text_parts)
    doc = Document(text=text, title=title, outlet=outlet, published=published, url=url, id=doc_id,
                   blocks=blocks, sentences=sents, language="en")
    actors: dict[str, Actor] = {}

    def actor(name: str, at: int) -> Actor:
        a = actors.get(name)
        if a is None:
            code, country, sectors, kind = ACTORS[name]
            a = actors[name] = Actor(id=f"A{len(actors) + 1}", name=name, code=code, country=country,
                                     sectors=list(sectors), kind=kind, reason="test dictionary")
        a.mentions.append(Mention(at, at + len(name), name, "test"))
        return a

    first = 1 if title else 0
    for i, (s, src, cameo, tgt) in enumerate(sentences):
        sent = sents[first + i]
        base = sent.start
        ids = {}
        for name in (src, tgt):
            if name:
                at = text.index(name, base)
                ids[name] = actor(name, at).id
        if cameo:
            root, gold, quad, pe, pm = CAMEO[cameo]
            after = text.index(src, base) + len(src) + 1 if src else base
            end = text.index(" ", after)
            ev = Event(id=f"E{len(doc.events) + 1}", sentence=first + i, source=ids.get(src), target=ids.get(tgt),
                       cameo=cameo, root=root, goldstein=gold, quad_class=quad, trigger=Span(after, end),
                       rule=f"test:{cameo}", confidence=0.9, plover=Plover(pe, pm), negated=i in negate,
                       date=EventDate(*event_date, text="test date") if event_date else None,
                       place=place, evidence=[Span(sent.start, sent.end)])
            doc.events.append(ev)
    doc.actors = list(actors.values())
    for n, (speaker, said) in enumerate(quotes):
        at = text.index(said)
        sp = next((a for a in doc.actors if a.name == speaker), None)
        doc.quotes.append(Quote(id=f"Q{n + 1}", speaker=sp.id if sp else None, text=said, start=at,
                                end=at + len(said), kind="direct", verb="said", rule="test"))
    for holder, prop, pol, evid in stances:
        h = next(a for a in doc.actors if a.name == holder)
        at = text.index(evid)
        doc.stances.append(Stance(holder=h.id, proposition=prop, polarity=pol, evidence=[Span(at, at + len(evid))],
                                  rule="test"))
    return doc


def corpus() -> list[Document]:
    """Five articles: two wire copies of one story, an independent report of the same event,
    a later conflict story and one with quotes and stances."""
    story = [
        ("Washington rejected the request from Baghdad on Friday after a long meeting of officials.",
         "Washington", "125", "Baghdad"),
        ("The State Department said the troops would stay in the country for now and would not leave.",
         None, None, None),
        ("Officials in Baghdad said they would consult Tehran about the next steps in the talks.",
         "Baghdad", "036", "Tehran"),
    ]
    a = make_doc(story, title="Washington rejects troop request", outlet="Example Wire",
                 published=dt.date(2024, 3, 1), url="https://wire.example/a1")
    # a republished copy with one changed word in the last sentence: a near-duplicate
    copy = [story[0], story[1], (story[2][0].replace("next steps", "next moves"), *story[2][1:])]
    b = make_doc(copy, title="Washington rejects troop request", outlet="Daily Example",
                 published=dt.date(2024, 3, 1), url="https://daily.example/story/9")
    c = make_doc([("Washington rejected a fresh request from Baghdad, a spokesman confirmed to reporters.",
                   "Washington", "125", "Baghdad")], title="A second look", outlet="Other Post",
                 published=dt.date(2024, 3, 1), url="https://other.example/x")
    d = make_doc([("At dawn the rebels attacked Baghdad and fighting went on for hours, witnesses said.",
                   "the rebels", "190", "Baghdad"),
                  ("Washington accused Tehran of arming the group, an allegation it denies.",
                   "Washington", "112", "Tehran"),
                  ("Paris agreed with Washington on new measures, diplomats said on Monday evening.",
                   "Paris", "057", "Washington")],
                 title="Fighting in the capital", outlet="Other Post", published=dt.date(2024, 3, 12),
                 url="https://other.example/y")
    e = make_doc([("On Tuesday the Iraqi prime minister visited Paris and the talks went well, his office said.",
                   "the Iraqi prime minister", "042", "Paris"),
                  ("In the end the State Department did not sanction Baghdad, and officials said \"we want the troops to stay\".",
                   "the State Department", "172", "Baghdad")],
                 title="Visit to France", outlet="Example Wire", published=dt.date(2024, 3, 20),
                 quotes=[("the State Department", "we want the troops to stay")],
                 stances=[("the State Department", "US troops should stay in Iraq", "support",
                           "we want the troops to stay")],
                 negate={1}, place=Place("Paris", "FRA", 48.85, 2.35))
    return [a, b, c, d, e]
