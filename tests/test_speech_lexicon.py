"""The speech stage's data is validated when read, and its per-document state is not kept on it."""
import json

import pytest

from polybius.speech.lexicon import DATA, LexiconError, load_propositions, load_speech_verbs
from speech_helpers import make_doc


def _propositions(tmp_path, change):
    d = json.loads((DATA / "propositions.json").read_text(encoding="utf-8"))
    change(d)
    p = tmp_path / "propositions.json"
    p.write_text(json.dumps(d), encoding="utf-8")
    return p


def test_missing_proposition_key_fails_at_load(tmp_path):
    p = _propositions(tmp_path, lambda d: d.pop("negating_verbs"))
    with pytest.raises(LexiconError, match=r"propositions\.json: missing key\(s\) negating_verbs"):
        load_propositions(p)


def test_misspelt_proposition_key_fails_at_load(tmp_path):
    p = _propositions(tmp_path, lambda d: d.update(negating_verb=d.pop("negating_verbs")))
    with pytest.raises(LexiconError, match="unknown key\\(s\\) negating_verb"):
        load_propositions(p)


def test_speech_verb_error_names_file_and_line(tmp_path):
    p = tmp_path / "speech_verbs.tsv"
    p.write_text("# lemma kind\nsay\tstatement\nmutter\tgrumble\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"speech_verbs\.tsv:3: unknown kind 'grumble'"):
        load_speech_verbs(p)


def test_stage_keeps_no_document_state(nlp):
    from polybius.config import load_settings
    from polybius.registry import get_stage

    speech = get_stage("speech")(load_settings(env={}), nlp)
    before = dict(vars(speech))
    doc = make_doc(nlp, '"We will leave," the envoy said.', {"envoy": ["the envoy"]})
    speech(doc)
    assert [q.rule for q in doc.quotes] == ["direct:after-verb"]
    assert vars(speech) == before and "speech_verbs" not in doc.extras
