"""spaCy backbone: one loader, structure-aware sentences."""
import pytest

from polybius.ingest import document_from_text
from polybius.nlp import ModelNotFound, load_model, parse_documents


def test_sentences_never_cross_blocks(nlp):
    doc = document_from_text(
        "Troops withdraw from the north\n\nOfficials said the move was planned. Residents were relieved\n\n"
        "Reaction\n\nThe opposition criticised the decision and called for an inquiry into the deployment")
    (doc,) = list(parse_documents(nlp, [doc]))
    for s in doc.sentences:
        b = doc.blocks[s.block]
        assert b.start <= s.start and s.end <= b.end, (doc.text[s.start:s.end], b)
    texts = [doc.text[s.start:s.end] for s in doc.sentences]
    assert texts[0] == "Troops withdraw from the north"
    assert "Reaction" in texts and "Residents were relieved" in texts


def test_spacy_doc_offsets_match_text(nlp):
    doc = document_from_text("Headline here\n\nThe minister resigned on Friday.")
    (doc,) = list(parse_documents(nlp, [doc]))
    assert doc.nlp.text == doc.text
    s = doc.sentences[1]
    assert doc.nlp.char_span(s.start, s.end) is not None


def test_model_loaded_once(nlp):
    assert load_model() is nlp


def test_missing_model_gives_install_line():
    with pytest.raises(ModelNotFound) as exc:
        load_model("en_core_web_zz")
    msg = str(exc.value)
    assert "en_core_web_zz" in msg and "install" in msg and "\n" not in msg


def test_model_named_by_env(monkeypatch):
    from polybius.config import load_settings

    assert load_settings(env={"POLYBIUS_SPACY_MODEL": "en_core_web_md"}).spacy_model == "en_core_web_md"


def test_cli_missing_model_is_one_clear_line(tmp_path):
    from conftest import run_cli

    (tmp_path / "a.txt").write_text("Headline\n\nBody text here.", encoding="utf-8")
    r = run_cli("code", str(tmp_path / "a.txt"), env={"POLYBIUS_SPACY_MODEL": "en_core_web_zz"})
    assert r.returncode == 2
    assert "python -m spacy download en_core_web_zz" in r.stderr.decode()


def test_no_sentence_break_without_closing_punctuation(nlp):
    doc = document_from_text("Talks stall\n\nKenya on Friday called for new talks on the border, warning that trade was at stake. "
                             "Uganda said it would reply.")
    (doc,) = list(parse_documents(nlp, [doc]))
    texts = [doc.text[s.start:s.end] for s in doc.sentences]
    assert texts[1].startswith("Kenya on Friday called") and texts[2] == "Uganda said it would reply."
    kenya = next(t for t in doc.nlp if t.text == "Kenya")
    assert kenya.dep_ == "nsubj" and kenya.head.text == "called"


def test_a_dateline_is_not_the_first_sentences_subject(nlp):
    from polybius.ingest import read_text
    from polybius.nlp.segment import parse_documents

    doc = read_text("Army retakes city\n\nKHARTOUM — Sudan's army said on Saturday it had recaptured the city.\n\n"
                    "The UN — and its agencies — welcomed the news.")
    doc = next(parse_documents(nlp, [doc]))
    texts = [doc.text[s.start:s.end] for s in doc.sentences]
    assert "KHARTOUM —" in texts and any(t.startswith("Sudan's army said") for t in texts), texts
    said = [t for t in doc.nlp if t.text == "said"][0]
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["army"]
    assert any(t.startswith("The UN — and its agencies") for t in texts)  # no dateline inside a sentence
