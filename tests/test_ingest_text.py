"""Plain-text dumps: headline, header lines, subheads, paragraphs, boilerplate."""
import datetime as dt

from conftest import REFERENCE, needs_shared

from polybius.ingest import document_from_text, read_paths

DUMP = """Rebels seize border town

Rebels seize border town
Source: Example Wire
Date: 2021-05-04

Rebel fighters seized the border town of Amani on Monday, officials said.

Army responds

The army launched a counter-offensive
on Tuesday, a spokesman said.
Residents fled the town.

Share this
Read also: Earlier fighting in the region
"""


def blocks(doc):
    return [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]


def test_headline_collapsed_and_header_lines_read():
    doc = document_from_text(DUMP)
    assert doc.title == "Rebels seize border town"
    assert doc.text.count("Rebels seize border town") == 1
    assert doc.outlet == "Example Wire"
    assert doc.published == dt.date(2021, 5, 4)
    assert "Source:" not in doc.text and "Date:" not in doc.text


def test_subheads_and_paragraphs_are_separate_blocks():
    doc = document_from_text(DUMP)
    assert blocks(doc) == [
        ("headline", "Rebels seize border town"),
        ("paragraph", "Rebel fighters seized the border town of Amani on Monday, officials said."),
        ("subhead", "Army responds"),
        ("paragraph", "The army launched a counter-offensive on Tuesday, a spokesman said."),
        ("paragraph", "Residents fled the town."),
    ]


def test_boilerplate_dropped():
    doc = document_from_text(DUMP)
    assert "Share this" not in doc.text and "Read also" not in doc.text


def test_block_offsets_index_the_text():
    doc = document_from_text(DUMP)
    for b in doc.blocks:
        assert doc.text[b.start:b.end].strip() == doc.text[b.start:b.end]
    assert doc.blocks[0].start == 0 and doc.blocks[-1].end == len(doc.text)


def test_explicit_fields_win_over_header_lines():
    doc = document_from_text(DUMP, outlet="Other", published=dt.date(2020, 1, 1))
    assert doc.outlet == "Other" and doc.published == dt.date(2020, 1, 1)


def test_id_is_a_stable_content_hash():
    a, b = document_from_text(DUMP), document_from_text(DUMP)
    assert a.id == b.id and a.id.startswith("sha256:")
    assert document_from_text(DUMP.replace("Monday", "Sunday")).id != a.id


def test_text_without_headline_like_first_line():
    long_first = "The minister said on Monday that the government would raise taxes on imported fuel next year, a move opposed by unions and business groups alike across the country."
    doc = document_from_text(long_first + "\n\nUnions rejected the plan.")
    assert doc.title is None
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]


@needs_shared
def test_reference_article_structure():
    doc = read_paths([str(REFERENCE)])[0]
    assert doc.title == "US dismisses Iraqi PM’s request for troop withdrawal"
    assert doc.text.count(doc.title) == 1
    assert doc.outlet == "Al Jazeera"
    kinds = [b.kind for b in doc.blocks]
    assert kinds[0] == "headline" and kinds.count("subhead") == 2
    subheads = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "subhead"]
    assert subheads == ["Parliamentary vote ignored", "Call for withdrawal not universal"]
    assert "Have a tip or story" not in doc.text
    assert doc.errors == [] and not doc.skipped
