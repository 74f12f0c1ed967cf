"""The reference article: its three full quotes, the partial quote and (with actors) their speakers."""
import pytest

from conftest import needs_shared


@pytest.fixture(scope="module")
def coded(reference_doc, nlp):
    from polybius.speech import QuoteFinder

    if not reference_doc.quotes:  # speech not (yet) in the default stages
        reference_doc.quotes = QuoteFinder(nlp)(reference_doc)
    return reference_doc


@needs_shared
def test_full_and_partial_quotes(coded):
    direct = [q for q in coded.quotes if q.kind == "direct"]
    assert [q.text.split()[:3] for q in direct] == [["We", "are", "happy"], ["One", "sure", "result"],
                                                   ["The", "US", "diplomatic"]]
    assert [q.verb for q in direct] == ["say", "tweet", "say"]
    assert direct[2].text.endswith("Iraqi infighting.")
    partial = [q for q in coded.quotes if q.kind == "partial"]
    assert [q.text for q in partial] == ["recommit"] and partial[0].verb == "suggest"
    # apostrophes (countries’, Iraqi’s) never open a quote
    assert not any("countries" in q.text[:12] or q.text.startswith("s ") for q in coded.quotes)


@needs_shared
def test_indirect_quotes(coded):
    verbs = [q.verb for q in coded.quotes if q.kind == "indirect"]
    for v in ("note", "argue", "say", "make clear"):
        assert v in verbs


@needs_shared
def test_speakers_when_actors_present(coded):
    if not coded.actors:
        pytest.skip("actors stage not in this pipeline yet")
    names = {q.text.split()[0]: (coded.actor(q.speaker).name if q.speaker else None)
             for q in coded.quotes if q.kind in ("direct", "partial")}
    assert "Pompeo" in (names["We"] or "") and "Pompeo" in (names["recommit"] or "")
    assert "Haass" in (names["One"] or "") and "Haass" in (names["The"] or "")


def _actor_with(doc, words):
    for a in doc.actors:
        if any(words in m.text for m in a.mentions):
            return a
    return None


@needs_shared
def test_reference_stances(coded, nlp):
    if not coded.actors:
        pytest.skip("actors stage not in this pipeline yet")
    if not coded.stances:
        from polybius.speech import StanceFinder

        coded.stances = StanceFinder(nlp)(coded)
    got = {}
    for s in coded.stances:
        got.setdefault(s.holder, set()).add((s.proposition, s.polarity))
    props = {s.proposition for s in coded.stances}
    assert len(props) == 1 and props.pop().startswith("withdrawal of")

    def polarity(words):
        a = _actor_with(coded, words)
        assert a is not None, words
        return {p for _, p in got.get(a.id, set())}

    assert polarity("Abdul-Mahdi") == {"support"}
    assert polarity("parliament") == {"support"}
    assert polarity("Pompeo") == {"oppose"}
    assert polarity("DOS") == {"oppose"}
    assert polarity("Sunni and Kurdish lawmakers") == {"oppose"}
    lawmakers = [a for a in coded.actors if any("Sunni and Kurdish lawmakers" == m.text for m in a.mentions)]
    assert all({p for _, p in got.get(a.id, set())} == {"oppose"} for a in lawmakers) and len(lawmakers) >= 1
    assert polarity("Haass") == set()  # predictions and analysis are not stances
