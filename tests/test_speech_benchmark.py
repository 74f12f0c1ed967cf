"""The quote benchmark's articles are well-formed, big enough, and scored above the goals."""
import re
import sys
from pathlib import Path

from conftest import REFERENCE, needs_shared

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from speech_gold import Score, load_articles, score_article  # noqa: E402  (benchmark code, not product)

ARTICLES = Path(__file__).parent / "data" / "quotes"


def test_benchmark_size_and_layouts():
    arts = load_articles(ARTICLES)
    quotes = [q for a in arts for q in a.quotes]
    assert len(arts) >= 15 and len(quotes) >= 60
    assert {q.kind for q in quotes} == {"direct", "partial", "indirect"}
    text = "".join(a.text for a in arts)
    for layout in ("“", '"', "'", "\n\n“", '\n\n"'):  # curly, straight, single, paragraph-spanning
        assert layout in text
    assert any("\n" in q.text for q in quotes)  # a quote spanning paragraphs


@needs_shared
def test_benchmark_never_contains_reference_sentences():
    ref = REFERENCE.read_text(encoding="utf-8")
    text = " ".join(a.text for a in load_articles(ARTICLES))
    for sent in re.split(r"(?<=[.!?”])\s+", ref):
        if len(sent) > 40:
            assert sent not in text


def test_benchmark_scores_with_hand_actors(nlp):
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.nlp import parse_documents
    from polybius.registry import get_stage

    arts = load_articles(ARTICLES)
    speech = get_stage("speech")(load_settings(env={}), nlp)
    score = Score()
    for art, doc in zip(arts, parse_documents(nlp, [read_text(a.text) for a in arts])):
        doc.actors = art.hand_actors()
        speech(doc)
        score_article(art, doc, score)
    assert score.f1 >= 0.90 and score.speaker_accuracy >= 0.90


STANCES = Path(__file__).parent / "data" / "stances"


def test_stance_benchmark_scores_with_hand_actors(nlp):
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.nlp import parse_documents
    from polybius.registry import get_stage
    from speech_gold import StanceScore, score_stances

    arts = load_articles(STANCES)
    assert sum(len(a.stances) for a in arts) >= 20
    speech = get_stage("speech")(load_settings(env={}), nlp)
    score = StanceScore()
    for art, doc in zip(arts, parse_documents(nlp, [read_text(a.text) for a in arts])):
        doc.actors = art.hand_actors()
        speech(doc)
        score_stances(art, doc, score)
    assert score.precision >= 0.8 and score.recall >= 0.7
