"""Direct, partial and indirect quotes with their speakers (actors built by hand)."""
import pytest

from speech_helpers import by_name, make_doc


@pytest.fixture(scope="module")
def finder(nlp):
    from polybius.speech import QuoteFinder

    return QuoteFinder(nlp)


def run(finder, nlp, text, actors=None):
    doc = make_doc(nlp, text, actors)
    doc.quotes = finder(doc)
    return doc


def only(doc, kind):
    return [q for q in doc.quotes if q.kind == kind]


def test_quote_then_said_speaker(finder, nlp):
    doc = run(finder, nlp, '"We will not sign this treaty," Finance Minister Laura Brandt said on Tuesday.',
              {"Laura Brandt": ["Finance Minister Laura Brandt"]})
    [q] = doc.quotes
    assert q.kind == "direct" and q.text == "We will not sign this treaty"
    assert by_name(doc, q.speaker) == "Laura Brandt" and q.verb == "say" and q.rule == "direct:after-verb"
    assert doc.text[q.start:q.end] == q.text


def test_inverted_said_x(finder, nlp):
    doc = run(finder, nlp, "“The port stays closed until further notice,” said Tomas Varga, the harbour master.",
              {"Tomas Varga": ["Tomas Varga"]})
    [q] = doc.quotes
    assert by_name(doc, q.speaker) == "Tomas Varga"


def test_colon_introduced(finder, nlp):
    doc = run(finder, nlp, 'The opposition leader Ana Ruiz told reporters: "This budget is a disaster for families."',
              {"Ana Ruiz": ["Ana Ruiz"]})
    [q] = doc.quotes
    assert q.kind == "direct" and q.verb == "tell" and by_name(doc, q.speaker) == "Ana Ruiz"


def test_pronoun_speaker_through_coreference(finder, nlp):
    text = ("Senator Paul Okafor criticised the deal. “It rewards the wrong people,” he wrote on social media.")
    doc = run(finder, nlp, text, {"Paul Okafor": ["Senator Paul Okafor", "he"]})
    [q] = doc.quotes
    assert by_name(doc, q.speaker) == "Paul Okafor" and q.verb == "write"


def test_split_quote_both_halves(finder, nlp):
    doc = run(finder, nlp, '"The talks failed," the envoy said, "and we will leave tomorrow."',
              {"envoy": ["the envoy"]})
    qs = only(doc, "direct")
    assert [q.text for q in qs] == ["The talks failed", "and we will leave tomorrow."]
    assert all(by_name(doc, q.speaker) == "envoy" for q in qs)


def test_unresolved_speaker_stays_null(finder, nlp):
    doc = run(finder, nlp, '"Prices will rise again," a trader said.')
    [q] = doc.quotes
    assert q.speaker is None and q.verb == "say"


def test_continuation_in_next_paragraph(finder, nlp):
    text = ('"We were never consulted," said Mayor Ines Dube.\n\n'
            '"Nobody from the ministry has visited this town in ten years."')
    doc = run(finder, nlp, text, {"Ines Dube": ["Mayor Ines Dube"]})
    qs = only(doc, "direct")
    assert len(qs) == 2 and all(by_name(doc, q.speaker) == "Ines Dube" for q in qs)
    assert qs[1].rule == "direct:next-paragraph"


def test_quote_spanning_paragraphs_keeps_speaker(finder, nlp):
    text = ('The general said: "Our units have pulled back from the river.\n\n'
            '"We will hold the new line as long as it takes."\n\nThe ministry gave no details.')
    doc = run(finder, nlp, text, {"general": ["The general"]})
    [q] = only(doc, "direct")
    assert "river." in q.text and "as long as it takes" in q.text and by_name(doc, q.speaker) == "general"
    assert doc.errors == []


def test_partial_quote_with_governing_verb(finder, nlp):
    doc = run(finder, nlp, 'The minister urged both sides to "show restraint" during the holidays.',
              {"minister": ["The minister"]})
    [q] = only(doc, "partial")
    assert q.text == "show restraint" and q.verb == "urge" and by_name(doc, q.speaker) == "minister"


def test_scare_quotes_are_not_quotes(finder, nlp):
    doc = run(finder, nlp, 'The so-called "peace dividend" never reached the northern provinces.')
    assert doc.quotes == []


def test_indirect_said_that(finder, nlp):
    doc = run(finder, nlp, "The central bank governor argued that interest rates must stay high until inflation falls.",
              {"governor": ["The central bank governor"]})
    [q] = doc.quotes
    assert q.kind == "indirect" and q.verb == "argue" and by_name(doc, q.speaker) == "governor"
    assert q.text == "interest rates must stay high until inflation falls"


def test_indirect_with_climb_and_particle(finder, nlp):
    doc = run(finder, nlp, "The union has made it clear that its members will strike. Its leader went on to say that talks had stalled.",
              {"union": ["The union", "Its"]})
    qs = only(doc, "indirect")
    assert [q.verb for q in qs] == ["make clear", "say"]
    assert by_name(doc, qs[0].speaker) == "union"


def test_according_to(finder, nlp):
    doc = run(finder, nlp, '"The border will reopen next week," according to Interior Minister Karl Lind.',
              {"Karl Lind": ["Interior Minister Karl Lind"]})
    [q] = doc.quotes
    assert by_name(doc, q.speaker) == "Karl Lind" and q.rule == "direct:according-to"


def test_unbalanced_quote_flagged_and_rest_kept(finder, nlp):
    text = ('The mayor said: "We will rebuild the bridge by spring.\n\n'
            'The council meets on Monday. "It is too expensive," said councillor Rita Moss.')
    doc = run(finder, nlp, text, {"mayor": ["The mayor"], "Rita Moss": ["councillor Rita Moss"]})
    qs = only(doc, "direct")
    assert [q.text for q in qs] == ["We will rebuild the bridge by spring.", "It is too expensive"]
    assert qs[0].rule.endswith(":unbalanced") and by_name(doc, qs[1].speaker) == "Rita Moss"
    assert any("never closed" in e for e in doc.errors)


def test_no_quotes_in_plain_reporting(finder, nlp):
    doc = run(finder, nlp, "Heavy rain flooded the valley's farms. The river's level fell on Friday.")
    assert doc.quotes == [] and doc.errors == []


def test_coordinated_speech_verb_keeps_reporting_subject(finder, nlp):
    doc = run(finder, nlp, "The coach said the pitch was too wet, adding that \"nobody could have played on it\".",
              {"coach": ["The coach"]})
    [p] = only(doc, "partial")
    assert by_name(doc, p.speaker) == "coach" and p.verb == "add"
    doc = run(finder, nlp, "The envoy said in an interview that two questions remained open, and denied that her side had walked out.",
              {"envoy": ["The envoy"]})
    qs = only(doc, "indirect")
    assert [q.text for q in qs] == ["two questions remained open", "her side had walked out"]
    assert all(by_name(doc, q.speaker) == "envoy" for q in qs)


def test_so_called_is_not_a_speech_verb(finder, nlp):
    doc = run(finder, nlp, 'The so-called "reform package" stalled in committee, and a review found that costs had tripled.')
    assert doc.quotes == []


def test_relative_said_gives_partial_only(finder, nlp):
    doc = run(finder, nlp, 'The mayor blamed the contractor for the delay, which she said was "unacceptable".',
              {"mayor": ["The mayor", "she"]})
    assert [(q.kind, q.text) for q in doc.quotes] == [("partial", "unacceptable")]
    assert by_name(doc, doc.quotes[0].speaker) == "mayor"


def test_single_quotes_british_style(finder, nlp):
    text = "The minister said: 'Our farmers' patience is not endless.'\n\n'We will act,' she added, 'and soon.'"
    doc = run(finder, nlp, text, {"minister": ["The minister", "she"]})
    qs = only(doc, "direct")
    assert [q.text for q in qs] == ["Our farmers' patience is not endless.", "We will act", "and soon."]
    assert all(by_name(doc, q.speaker) == "minister" for q in qs)


def test_fronted_reported_speech(finder, nlp):
    doc = run(finder, nlp, "Rebels shelled the airport overnight, the defence ministry said on Friday.",
              {"ministry": ["the defence ministry"]})
    [q] = doc.quotes
    assert q.kind == "indirect" and q.rule == "indirect:fronted" and by_name(doc, q.speaker) == "ministry"
    assert q.text == "Rebels shelled the airport overnight"


def test_no_speaker_guessed_from_a_modifier(finder, nlp):
    doc = run(finder, nlp, "A Canadian trade expert said the deal would collapse within a year.",
              {"Canada": ["Canadian"]})
    [q] = doc.quotes
    assert q.speaker is None


def test_fronted_needs_a_speaker_like_subject(finder, nlp):
    doc = run(finder, nlp, "A long rivalry, sharpened over decades, adds fuel to the dispute over the river.")
    assert doc.quotes == []
    doc = run(finder, nlp, "Two soldiers were wounded in the attack, a security source said.")
    assert [(q.kind, q.speaker) for q in doc.quotes] == [("indirect", None)]
