"""Long documents are coded in windows of paragraph blocks and merged into one document
(polybius.windows): offsets into the whole text, ids in order, one actor per named actor."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from polybius.contract import problems
from polybius.ingest import read_text
from polybius.windows import is_long, split

WINDOW = 150
PUBLISHED = dt.date(2024, 3, 4)
HOLDERS = ["Egypt's foreign minister", "The Kenyan president", "Brazilian officials", "The Turkish defence minister",
           "Indian diplomats", "The Japanese prime minister", "Mexican police", "The Nigerian army"]
ACTS = ["met", "criticised", "accused", "praised", "visited", "threatened", "welcomed", "condemned"]
COUNTRIES = ["Jordan", "Ethiopia", "Argentina", "Greece", "Pakistan", "China", "Guatemala"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday"]


def paragraphs(n: int) -> list[str]:
    """``n`` different paragraphs of about 26 words: an event, a quote, a named speaker."""
    out = []
    for i in range(n):
        other = COUNTRIES[i % 7]
        out.append(f"{HOLDERS[i % 8]} {ACTS[i // 8 % 8]} {other} {DAYS[i % 3]}, officials said. "
                   f"\"We will not accept threats from {other},\" President Barack Obama told reporters "
                   f"in Washington after the talks.")
    return out


def article(n: int, settings) -> object:
    return read_text("Talks in Cairo\n\n" + "\n\n".join(paragraphs(n)), settings, published=PUBLISHED)


@pytest.fixture(scope="module")
def windowed(pipeline):
    from polybius.pipeline import Pipeline

    settings = pipeline.settings.replace(window_words=WINDOW, min_words_for_language_check=10**6)
    return Pipeline(settings, nlp=pipeline.nlp)


@pytest.fixture(scope="module")
def long_doc(windowed):
    return windowed.code_document(article(30, windowed.settings))


def test_windows_close_at_block_boundaries(windowed):
    doc = article(30, windowed.settings)
    assert is_long(doc, WINDOW) and not is_long(article(3, windowed.settings), WINDOW)
    windows = list(split(doc, WINDOW))
    assert len(windows) > 3
    seen = []
    for off, sub, block_map in windows:
        assert sub.text == doc.text[off:off + len(sub.text)]
        for b, bi in zip(sub.blocks, block_map):
            assert (b.start + off, b.end + off, b.kind) == (doc.blocks[bi].start, doc.blocks[bi].end, doc.blocks[bi].kind)
        assert sum(len(doc.text[doc.blocks[bi].start:doc.blocks[bi].end].split()) for bi in block_map[:-1]) < WINDOW
        seen.extend(block_map)
    assert seen == list(range(len(doc.blocks)))


def test_a_block_longer_than_a_window_is_cut_after_a_sentence(windowed):
    doc = read_text(" ".join(paragraphs(40)), windowed.settings)
    assert len(doc.blocks) == 1
    windows = list(split(doc, WINDOW))
    assert len(windows) > 3
    for off, sub, _ in windows[:-1]:
        assert sub.text.rstrip().endswith((".", '."', ',"')) and len(sub.text.split()) >= WINDOW
    assert "".join(sub.text for _, sub, _ in windows).split() == doc.text.split()


def test_windowed_document_keeps_the_contract_and_its_offsets(long_doc):
    d = long_doc
    assert d.errors == [] and problems(d.to_dict()) == []
    assert [a.id for a in d.actors] == [f"A{i}" for i in range(1, len(d.actors) + 1)]
    assert [e.id for e in d.events] == [f"E{i}" for i in range(1, len(d.events) + 1)]
    assert [q.id for q in d.quotes] == [f"Q{i}" for i in range(1, len(d.quotes) + 1)]
    assert len(d.quotes) == 60 and len(d.events) >= 30
    for a in d.actors:
        for m in a.mentions:
            assert d.text[m.start:m.end] == m.text
    for q in d.quotes:
        assert d.text[q.start:q.end] == q.text
    for s in d.sentences:
        b = d.blocks[s.block]
        assert b.start <= s.start < s.end <= b.end
    for e in d.events:
        s = d.sentences[e.sentence]
        assert s.start <= e.trigger.start < e.trigger.end <= s.end
        # "told": the quote's saying is the speaker's statement (issue 12)
        assert d.text[e.trigger.start:e.trigger.end] in {"met", "criticised", "accused", "praised", "visited",
                                                         "threatened", "welcomed", "condemned", "told"}
    last = d.quotes[-1]
    assert last.text == "We will not accept threats from " + COUNTRIES[29 % 7]
    assert d.actor(last.speaker).name == "Barack Obama"


def test_the_same_actor_in_different_windows_is_one_actor(windowed, long_doc):
    names = [(a.code, a.name) for a in long_doc.actors]
    assert len(names) == len(set(names))
    obama = [a for a in long_doc.actors if a.name == "Barack Obama"]
    assert len(obama) == 1 and len(obama[0].mentions) == 30
    first, last = obama[0].mentions[0], obama[0].mentions[-1]
    windows = [off for off, _, _ in split(article(30, windowed.settings), WINDOW)]
    assert first.start < windows[1] and last.start >= windows[-1]
    assert {q.speaker for q in long_doc.quotes if q.kind == "direct"} == {obama[0].id}


def test_windowed_coding_is_stable_and_gives_the_whole_documents_events(windowed, pipeline, long_doc):
    again = windowed.code_document(article(30, windowed.settings))
    assert again.to_dict() == long_doc.to_dict()
    whole = pipeline.code_document(article(30, windowed.settings))  # the default window: coded whole
    assert len(whole.text.split()) < pipeline.settings.window_words
    key = lambda d: sorted((e.cameo, d.actor(e.source).code, d.actor(e.target).code, e.trigger.start)  # noqa: E731
                           for e in d.events if e.source and e.target)
    assert key(long_doc) == key(whole)
    actors = lambda d: sorted((a.name, a.code, [(m.start, m.end) for m in a.mentions]) for a in d.actors)  # noqa: E731
    assert actors(long_doc) == actors(whole)


def test_a_document_under_the_window_is_coded_whole_as_before(windowed, pipeline):
    from polybius.pipeline import Pipeline

    whole = Pipeline(windowed.settings.replace(window_words=0), nlp=pipeline.nlp)
    short = article(5, windowed.settings)
    assert not windowed.is_long(short)
    assert windowed.code_document(article(5, windowed.settings)).to_dict() == whole.code_document(short).to_dict()


def test_a_document_over_the_parsers_length_limit_is_coded(windowed):
    """spaCy refuses a text over ``nlp.max_length`` characters (a million by default, about 160k
    words): before windows such a document stopped the run with E088."""
    doc = article(60, windowed.settings)
    keep = windowed.nlp.max_length
    windowed.nlp.max_length = len(doc.text) // 4
    try:
        coded = windowed.code_document(doc)
    finally:
        windowed.nlp.max_length = keep
    assert coded.errors == [] and len(coded.quotes) == 120


@pytest.mark.slow
def test_time_per_word_of_a_long_document_stays_near_a_short_ones(pipeline):
    """A ~50k-word document costs at most twice a ~2k-word one per word (issue 14)."""
    settings = pipeline.settings.replace(min_words_for_language_check=10**6)
    pipeline.code_document(article(10, settings))  # warm up

    def per_word(n):
        doc = article(n, settings)
        words = len(doc.text.split())
        t0 = time.process_time()
        pipeline.code_document(doc)
        return (time.process_time() - t0) / words

    short, long = per_word(80), per_word(2000)
    assert long < 2 * short, (short, long)


def test_a_document_without_blocks_is_windowed_too(windowed):
    from polybius.model import Document

    doc = Document(text=" ".join(paragraphs(20)), published=PUBLISHED)
    coded = windowed.code_document(doc)
    assert problems(coded.to_dict()) == [] and len(coded.quotes) == 40
    assert all(s.block is None for s in coded.sentences) and coded.blocks == []
