"""Quote-mark pairing on raw text (no parse)."""
from polybius.speech.lexicon import load_quote_marks
from polybius.speech.marks import MarkScanner, paragraph_spans

SCAN = MarkScanner(load_quote_marks())


def quotes(text):
    segs, errors = SCAN.scan(text, paragraph_spans(text, []))
    return [" | ".join(text[s:e] for s, e in seg.pieces) for seg in segs], errors


def test_straight_and_curly_double_quotes():
    q, err = quotes('"We will stay," she said. He replied: “No deal.”')
    assert q == ["We will stay,", "No deal."] and err == []


def test_apostrophes_are_not_quote_marks():
    q, err = quotes("The farmers’ union and the mayor’s office said the ministers' plan was “late”. It's 'rock 'n' roll'.")
    assert q[0] == "late"
    assert "farmers" not in " ".join(q) and "mayor" not in " ".join(q)
    assert err == []


def test_single_quotes_open_only_with_a_closer():
    q, err = quotes("Officials called it ‘a good start’ but the ’90s rules remain.")
    assert q == ["a good start"] and err == []


def test_nested_single_quotes_stay_inside():
    q, _ = quotes('"They told us ‘leave now’ and we left," he said.')
    assert q == ["They told us ‘leave now’ and we left,"]


def test_quote_spanning_paragraphs():
    text = '"We came here first.\n\n"And we will stay," the farmer said.\n\nNext story.'
    q, err = quotes(text)
    assert q == ["We came here first. | And we will stay,"] and err == []


def test_unbalanced_quote_ends_at_paragraph_and_is_flagged():
    text = 'The mayor said: "We will rebuild the bridge.\n\nThe council meets on Monday.'
    segs, errors = SCAN.scan(text, paragraph_spans(text, []))
    assert len(segs) == 1 and segs[0].unbalanced
    assert text[segs[0].start:segs[0].end] == "We will rebuild the bridge."
    assert errors and "never closed" in errors[0]


def test_stray_closing_mark_is_flagged():
    _, errors = quotes("The plan” was approved.")
    assert errors and "stray" in errors[0]


def test_mixed_marks_close():
    q, _ = quotes('“We are ready," he said.')
    assert q == ["We are ready,"]


def test_treebank_quote_marks():
    q, err = quotes("France accused Rwanda of making`` unacceptable accusations'' on Monday.")
    assert q == ["unacceptable accusations"] and err == []
