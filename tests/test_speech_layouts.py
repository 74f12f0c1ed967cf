"""More quote layouts, one paragraph each."""
import pytest

from speech_helpers import by_name, make_doc

TEXT = """Layouts

"We will not give up," Minister Omar Nasser said, adding: "The fight continues in the courts."

“The bridge will reopen in May” — a spokesman for the city said.

“Why should farmers pay for this?” asked Senator Lia Park.

In a statement, the ministry said: "All schools will reopen on Monday."

"I have never seen anything like it," Joan Pike, 45, said from her porch.

"He told me 'leave now' and I did," the driver said.

Nasser was quoted as saying that the vote had been rigged.

Asked whether he would resign, Nasser replied: "Never."
"""

ACTORS = {"Nasser": ["Minister Omar Nasser", "Nasser"], "Lia Park": ["Senator Lia Park"],
          "ministry": ["the ministry"], "Joan Pike": ["Joan Pike"], "driver": ["the driver"], "city": ["the city"]}


@pytest.fixture(scope="module")
def doc(nlp):
    from polybius.speech import QuoteFinder

    d = make_doc(nlp, TEXT, ACTORS)
    d.quotes = QuoteFinder(nlp)(d)
    return d


def test_layouts(doc):
    got = [(q.kind, q.text, by_name(doc, q.speaker), q.verb) for q in doc.quotes]
    assert got == [
        ("direct", "We will not give up", "Nasser", "say"),
        ("direct", "The fight continues in the courts.", "Nasser", "add"),
        ("direct", "The bridge will reopen in May", "city", "say"),
        ("direct", "Why should farmers pay for this?", "Lia Park", "ask"),
        ("direct", "All schools will reopen on Monday.", "ministry", "say"),
        ("direct", "I have never seen anything like it", "Joan Pike", "say"),
        ("direct", "He told me 'leave now' and I did", "driver", "say"),
        ("indirect", "the vote had been rigged", "Nasser", "say"),
        ("direct", "Never.", "Nasser", "reply"),
    ]


def test_stage_without_parse_keeps_marks_errors(nlp):
    from polybius.ingest import read_text
    from polybius.speech import QuoteFinder

    d = read_text('He said: "We will never.\n\nNext paragraph.')
    assert QuoteFinder(nlp)(d) == [] and any("never closed" in e for e in d.errors)


def test_headline_label(nlp):
    from polybius.speech import QuoteFinder

    d = make_doc(nlp, "‘We will not leave’: Ruritanian PM\n\nThe prime minister spoke in the capital on Friday.",
                 {"PM": ["Ruritanian PM", "The prime minister"]})
    [q] = QuoteFinder(nlp)(d)
    assert q.rule == "direct:headline-label" and by_name(d, q.speaker) == "PM" and q.text == "We will not leave"


def test_preceding_subject_and_subject_inside_quote(nlp):
    from polybius.speech import QuoteFinder

    text = ('"Two ports would have controlled all exports," the agency\'s director, Rita Olsen, told a news '
            'conference.\n\nAsked about the appeal, Olsen was blunt. "It changes nothing."')
    d = make_doc(nlp, text, {"Rita Olsen": ["Rita Olsen", "Olsen"]})
    qs = [q for q in QuoteFinder(nlp)(d) if q.kind == "direct"]
    assert [by_name(d, q.speaker) for q in qs] == ["Rita Olsen", "Rita Olsen"]
    assert qs[1].rule == "direct:preceding-subject"


def test_according_to_reported_words(nlp):
    from polybius.speech import QuoteFinder

    text = ("The strike killed 12 people near the border, according to local officials. "
            "The bank's forecasts, according to the statement, show growth returning next year.")
    d = make_doc(nlp, text, {"officials": ["local officials"]})
    qs = QuoteFinder(nlp)(d)
    assert [(q.kind, q.text, by_name(d, q.speaker), q.rule) for q in qs] == [
        ("indirect", "The strike killed 12 people near the border", "officials", "indirect:according-to")]
