"""Coded documents built by hand (sentences written for these tests), for the API and web tests.

``make_doc`` finds every offset by searching the text, so the fixtures stay readable."""
from __future__ import annotations

import datetime as dt

from polybius.model import (Actor, Block, Document, Event, EventDate, Mention, Place, Plover, Quote, Sentence, Span,
                            Stance)


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + len(needle))
    return out


def make_doc(title: str, paragraphs: list[str], published: dt.date, *, outlet="Test Wire", url=None,
             actors=(), events=(), quotes=(), stances=()) -> Document:
    """actors: (id, name, code, kind, [surfaces]); events: dict(id, trigger, source, target, cameo, quad,
    goldstein, date?, date_text?, place?, plover?, nth?); quotes: (id, speaker, quoted text);
    stances: (holder, proposition, polarity, evidence text)."""
    parts, blocks, pos = [], [], 0
    for kind, chunk in [("headline", title)] + [("paragraph", p) for p in paragraphs]:
        blocks.append(Block(kind, pos, pos + len(chunk)))
        parts.append(chunk)
        pos += len(chunk) + 2
    text = "\n\n".join(parts)
    doc = Document(text=text, title=title, published=published, outlet=outlet, url=url, blocks=blocks)
    # Sentences: split blocks at ". " (good enough for these hand-written texts).
    for bi, b in enumerate(blocks):
        start = b.start
        chunk = text[b.start:b.end]
        i = 0
        while True:
            j = chunk.find(". ", i)
            if j < 0:
                doc.sentences.append(Sentence(start + i, b.end, bi))
                break
            doc.sentences.append(Sentence(start + i, start + j + 1, bi))
            i = j + 2
    for aid, name, code, kind, surfaces in actors:
        mentions = [Mention(s, s + len(surf), surf, "test") for surf in surfaces for s in _find_all(text, surf)]
        mentions.sort(key=lambda m: m.start)
        doc.actors.append(Actor(aid, name, code, code[:3] if code else None, [code[3:]] if code and len(code) > 3 else [],
                                kind, mentions, reason=f"test entry {name}"))
    for e in events:
        starts = _find_all(text, e["trigger"])
        s = starts[e.get("nth", 0)]
        sent = doc.sentence_at(s)
        date = e.get("date")
        doc.events.append(Event(
            id=e["id"], sentence=sent, source=e.get("source"), target=e.get("target"), cameo=e["cameo"],
            root=e["cameo"][:2], goldstein=e["goldstein"], quad_class=e["quad"],
            trigger=Span(s, s + len(e["trigger"])), rule=e.get("rule", f"test:{e['cameo']}:{e['trigger']}"),
            plover=Plover(e["plover"], None) if e.get("plover") else None,
            date=EventDate(date.isoformat(), date.isoformat(), e.get("date_text")) if date else None,
            place=Place(e["place"], e.get("place_country")) if e.get("place") else None))
    for qid, speaker, quoted in quotes:
        s = text.find(quoted)
        doc.quotes.append(Quote(qid, speaker, quoted, s, s + len(quoted), "direct", "said", "test"))
    for holder, prop, polarity, evidence in stances:
        s = text.find(evidence)
        doc.stances.append(Stance(holder, prop, polarity, [Span(s, s + len(evidence))], "test"))
    return doc


def sample_documents() -> list[Document]:
    d1 = make_doc(
        "France and Germany sign energy pact",
        ["The French president met the German chancellor in Berlin on Monday. "
         "The two governments signed an agreement on gas supplies.",
         "\u201cWe will stand together on energy,\u201d the German chancellor said after the talks."],
        dt.date(2024, 3, 6), outlet="Test Wire", url="https://example.org/energy-pact",
        actors=[("A1", "French president", "FRAGOV", "person", ["French president"]),
                ("A2", "German chancellor", "DEUGOV", "person", ["German chancellor"]),
                ("A3", "France", "FRA", "country", ["France"]),
                ("A4", "Germany", "DEU", "country", ["Germany"])],
        events=[dict(id="E1", trigger="met", source="A1", target="A2", cameo="040", quad=1, goldstein=1.0,
                     date=dt.date(2024, 3, 4), date_text="Monday", place="Berlin", place_country="DEU", plover="CONSULT"),
                dict(id="E2", trigger="signed", source="A3", target="A4", cameo="057", quad=1, goldstein=8.0,
                     date=dt.date(2024, 3, 4), plover="AGREE")],
        quotes=[("Q1", "A2", "We will stand together on energy,")],
        stances=[("A2", "energy cooperation with France", "support", "We will stand together on energy")])
    d2 = make_doc(
        "Russian forces shell Ukrainian town",
        ["Russian forces shelled the town of Kupiansk on Tuesday, Ukrainian officials said. "
         "The Ukrainian government condemned Russia.",
         "Germany pledged medical aid to Ukraine. France denounced the Russian government."],
        dt.date(2024, 3, 13), outlet="Other Daily",
        actors=[("A1", "Russian forces", "RUSMIL", "group", ["Russian forces"]),
                ("A2", "Ukrainian government", "UKRGOV", "organization", ["Ukrainian government"]),
                ("A3", "Russia", "RUS", "country", ["Russia"]),
                ("A4", "Germany", "DEU", "country", ["Germany"]),
                ("A5", "Ukraine", "UKR", "country", ["Ukraine"]),
                ("A6", "France", "FRA", "country", ["France"]),
                ("A7", "Russian government", "RUSGOV", "organization", ["Russian government"])],
        events=[dict(id="E1", trigger="shelled", source="A1", target="A2", cameo="194", quad=4, goldstein=-10.0,
                     date=dt.date(2024, 3, 12), date_text="Tuesday", place="Kupiansk", place_country="UKR", plover="ASSAULT"),
                dict(id="E2", trigger="condemned", source="A2", target="A3", cameo="111", quad=3, goldstein=-2.0,
                     date=dt.date(2024, 3, 13)),
                dict(id="E3", trigger="pledged", source="A4", target="A5", cameo="0332", quad=1, goldstein=5.2,
                     date=dt.date(2024, 3, 13)),
                dict(id="E4", trigger="denounced", source="A6", target="A7", cameo="111", quad=3, goldstein=-2.0,
                     date=dt.date(2024, 3, 13))])
    d3 = make_doc(
        "Paris and Berlin at odds over tariffs",
        ["Germany accused France of breaking the energy pact on Wednesday. "
         "France promised to meet German officials next week."],
        dt.date(2024, 3, 20), outlet="Test Wire",
        actors=[("A1", "Germany", "DEU", "country", ["Germany"]),
                ("A2", "France", "FRA", "country", ["France"]),
                ("A3", "German officials", "DEUGOV", "group", ["German officials"])],
        events=[dict(id="E1", trigger="accused", source="A1", target="A2", cameo="112", quad=3, goldstein=-2.0,
                     date=dt.date(2024, 3, 20), date_text="Wednesday"),
                dict(id="E2", trigger="promised to meet", source="A2", target="A3", cameo="036", quad=1, goldstein=4.0,
                     date=dt.date(2024, 3, 27), date_text="next week")],
        stances=[("A1", "energy cooperation with France", "oppose", "Germany accused France of breaking the energy pact")])
    return [d1, d2, d3]


HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Minister <b>quits</b>'
HOSTILE_PARAGRAPH = ('The minister said <script>window.__pwned=2</script> that the deal '
                     'was off. Protesters gathered in <svg onload="window.__pwned=3"> on Friday.')


def hostile_document() -> Document:
    """Every field the explorer shows carries markup that would run if it were not escaped."""
    return make_doc(
        HOSTILE_TITLE,
        [HOSTILE_PARAGRAPH,
         '\u201c<img src=y onerror="window.__pwned=4">We are leaving,\u201d said the <i onmouseover="window.__pwned=5">minister</i>.'],
        dt.date(2024, 4, 2), outlet='<img src=z onerror="window.__pwned=6">', url="javascript:window.__pwned=7",
        actors=[("A1", '<img src=q onerror="window.__pwned=8">minister', "XSSGOV", "person", ["minister"]),
                ("A2", "<script>window.__pwned=9</script>", "XSS", "country", ["Protesters"])],
        events=[dict(id="E1", trigger="gathered", source="A2", target="A1", cameo="141", quad=3, goldstein=-6.5,
                     date=dt.date(2024, 4, 1), date_text="Friday", place='<svg onload="window.__pwned=3">',
                     rule='<img src=r onerror="window.__pwned=10">')],
        quotes=[("Q1", "A1", '<img src=y onerror="window.__pwned=4">We are leaving,')],
        stances=[("A1", '<img src=s onerror="window.__pwned=11">leave the deal', "support", "the deal was off")])
