"""TABARI/PETRARCH-1 pattern semantics on sentences written for these tests: pattern marks
say where source and target are, "^" skips a noun phrase, "_" glues a word to the verb,
compounds give all their members, a coded verb phrase is one event, verbs with their own
code share the block's patterns, multi-word verbs ("WIRE_+TAP")."""
from __future__ import annotations

from polybius.dictionaries.verbs_petrarch import read_petrarch_verbs


def _code(tmp_path, nlp, verbs: str, sentence: str) -> set:
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    p = tmp_path / "tabari.verbs.txt"
    p.write_text(verbs, encoding="utf-8")
    s = load_settings(env={}, stages=["actors", "events"], verbs_files=[str(p)],
                      event_modalities=["asserted", "reported", "future", "hypothetical"])
    doc = Pipeline(s, nlp).code_document(read_text(sentence, s))
    cty = lambda aid: doc.actor(aid).country if aid else None
    got = {(cty(e.source), cty(e.target), e.cameo) for e in doc.events if not e.negated}  # codes outside CAMEO too
    return got


RECEIVE = """\
--- RECEIVE  [033]  ---
RECEIVE
- + * LOAN $  [071]
"""


def test_pattern_marks_beat_the_parse(tmp_path, nlp):
    """'+ * LOAN $': the actor before the verb is the target, the one after LOAN the source,
    whatever the subject is."""
    got = _code(tmp_path, nlp, RECEIVE, "Norway has quietly received a large loan from Denmark this spring.")
    assert ("DNK", "NOR", "071") in got
    assert ("NOR", "DNK", "071") not in got


REGRET = """\
--- REGRET  [111] ---
REGRET
- STRESSED + *  [115]
"""


def test_target_mark_before_the_verb_and_the_source_above_it(tmp_path, nlp):
    """'STRESSED + *': the actor between STRESSED and the verb is the target; the source is
    then the actor before it, not the verb's own subject."""
    got = _code(tmp_path, nlp, REGRET, "The Danish foreign minister stressed that Norway regretted the vote.")
    assert got == {("DNK", "NOR", "115")}


BELIEVE = """\
--- BELIEVE  [023] ---
BELIEVE
"""


def test_compound_target_gives_every_member(tmp_path, nlp):
    got = _code(tmp_path, nlp, BELIEVE, "Denmark believes Norway and Sweden can manage the drought this summer.")
    assert {("DNK", "NOR", "023"), ("DNK", "SWE", "023")} <= got


HOLD = """\
--- HOLD  [040] ---
HOLD
- * TALKS IN ^ +  [046]
"""


def test_caret_skips_one_noun_phrase(tmp_path, nlp):
    """'IN ^ +': the place after IN is skipped; the target is the next actor."""
    got = _code(tmp_path, nlp, HOLD, "Denmark held talks in Stockholm with the leaders of Norway on Monday.")
    assert ("DNK", "NOR", "046") in got
    assert not any(t == "SWE" for _s, t, _c in got)


ALLOW = """\
--- ALLOW  [080] ---
ALLOW
- RECENTLY_*  [025]
"""


def test_underscore_glues_a_word_to_the_verb(tmp_path, nlp):
    got = _code(tmp_path, nlp, ALLOW, "Denmark recently allowed that Norway had won the vote.")
    assert ("DNK", "NOR", "025") in got
    got = _code(tmp_path, nlp, ALLOW, "Denmark recently did allow that Norway had won the vote.")
    assert ("DNK", "NOR", "080") in got and ("DNK", "NOR", "025") not in got


CALL = """\
--- CALLED  [010] ---
CALLED
- *_ON [095]

--- LEAVE  [012] ---
LEAVE
"""


def test_a_coded_verb_phrase_is_one_event(tmp_path, nlp):
    """TABARI codes a verb phrase once: "called on X to leave Y" is the call, not also the leaving."""
    got = _code(tmp_path, nlp, CALL, "Denmark called on Norway late Sunday to leave Sweden.")
    assert ("DNK", "NOR", "095") in got
    assert not any(code == "012" for *_, code in got)


DELAY = """\
--- DELAY  [120] ---
DELAY
DOWNPLAY [014]
- % HAVE  *  [191]
"""


def test_a_verb_with_its_own_code_shares_the_block_patterns(tmp_path, nlp):
    got = _code(tmp_path, nlp, DELAY, "Denmark and Norway have downplayed their meeting.")
    assert {("DNK", "NOR", "191"), ("NOR", "DNK", "191")} <= got
    got = _code(tmp_path, nlp, DELAY, "Denmark downplayed the report from Norway.")
    assert ("DNK", "NOR", "014") in got


WIRETAP = """\
--- CONFISCATE  [1711] ---
CONFISCATE
WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }
"""


def test_multi_word_verb_with_its_verb_marked(tmp_path):
    p = tmp_path / "w.verbs.txt"
    p.write_text(WIRETAP, encoding="utf-8")
    d = read_petrarch_verbs(p)
    trig = [t for e in d.entries for t in e.triggers if t.lemma == "tap"]
    assert trig and trig[0].prefix == ("wire",)
    assert not any(t.lemma == "wire" for e in d.entries for t in e.triggers)


def test_multi_word_verb_codes_only_with_its_words(tmp_path, nlp):
    got = _code(tmp_path, nlp, WIRETAP, "Danish agents wire tapped the telephones of Norway.")
    assert ("DNK", "NOR", "1711") in got
    got = _code(tmp_path, nlp, WIRETAP, "Danish agents tapped the telephones of Norway.")
    assert not any(code == "1711" for *_, code in got)


SPUR = """\
--- SPUR [111] ---
SPUR
"""


def test_source_is_the_nearest_actor_before_the_verb_when_the_subject_has_none(tmp_path, nlp):
    """TABARI's source: with no actor in the subject itself, the nearest actor before the verb."""
    got = _code(tmp_path, nlp, SPUR, "The collapse of the talks with Denmark spurred protests against Norway.")
    assert ("DNK", "NOR", "111") in got


ADOPT = """\
&PLANS
+SCHEME
+BLUEPRINT

--- ADOPT  [081]  ---
ADOPT
- * CHARTER  [102]
- * &PLANS  [073]
"""


def test_pattern_words_are_whole_words_and_set_members_have_plurals(tmp_path, nlp):
    """PETRARCH matches complete words: CHARTER is not "charters"; a set member also matches
    its regular plural ("schemes")."""
    got = _code(tmp_path, nlp, ADOPT, "Denmark adopted a charter with Norway.")
    assert ("DNK", "NOR", "102") in got
    got = _code(tmp_path, nlp, ADOPT, "Denmark adopted several charters with Norway.")
    assert ("DNK", "NOR", "081") in got and ("DNK", "NOR", "102") not in got
    got = _code(tmp_path, nlp, ADOPT, "Denmark adopted two schemes with Norway.")
    assert ("DNK", "NOR", "073") in got


PRAISE = """\
--- PRAISE  [051] ---
PRAISE
- % *  [030:030]

--- COMMENT  [010] ---
COMMENT
"""


def test_compound_subject_acts_on_itself_only_with_a_compound_pattern(tmp_path, nlp):
    got = _code(tmp_path, nlp, PRAISE, "Denmark and Norway praised the agreement.")
    assert {("DNK", "NOR", "030"), ("NOR", "DNK", "030")} <= got
    got = _code(tmp_path, nlp, PRAISE, "Denmark and Norway commented on the agreement.")
    assert not any(code == "010" and s and t for s, t, code in got)


def test_no_event_without_a_noun_phrase_after_the_verb(tmp_path, nlp):
    """TABARI needs a target phrase, even one without an actor: "commented today" codes nothing,
    "commented on Monday" codes a targetless event."""
    got = _code(tmp_path, nlp, PRAISE, "A Danish diplomat commented today.")
    assert not any(code == "010" for *_, code in got)
    got = _code(tmp_path, nlp, PRAISE, "A Danish diplomat commented on Monday.")
    assert ("DNK", None, "010") in got


CONDEMN = """\
--- CONDEMN  [122] ---
CONDEMN

--- PROMISE  [050] ---
PROMISE
- * AID  [073]
"""


def test_coordinated_verb_takes_the_source_of_the_first(tmp_path, nlp):
    """"The X cabinet office condemned ... in Y and promised aid to Z": the second verb's
    source is the actor before the first verb, not the place named in between."""
    got = _code(tmp_path, nlp, CONDEMN, "The Danish cabinet office condemned the raid in Sweden and promised aid to the Norwegian villages.")
    assert ("DNK", "NOR", "073") in got
    assert not any(s == "SWE" for s, _t, _c in got)


def test_compound_subject_member_named_by_its_of_phrase(tmp_path, nlp):
    """"Denmark's farmers and fishermen of Norway protested": the fishermen are Norway's."""
    protest = "--- PROTEST  [140] ---\nPROTEST\n"
    got = _code(tmp_path, nlp, protest, "Denmark's farmers and fishermen of Norway protested against Sweden.")
    assert {("DNK", "SWE", "140"), ("NOR", "SWE", "140")} <= got


def test_conjoined_modifiers_of_a_target_are_all_targets(tmp_path, nlp):
    """"met Norwegian and Swedish beekeepers": both countries are met."""
    meet = "--- MEET  [031] ---\nMEET\n"
    got = _code(tmp_path, nlp, meet, "Denmark will meet Norwegian and Swedish beekeepers on Monday.")
    assert {("DNK", "NOR", "031"), ("DNK", "SWE", "031")} <= got



BEGIN = """\
--- BEGIN  [---]  ---
BEGIN
- SAID * TALKS  [102]
- * TALKS  [031]
"""


def test_words_before_the_verb_stop_at_a_clause_comma(tmp_path, nlp):
    """TABARI's words before the verb go back to the clause start: "said" in an earlier
    clause does not make "began talks" a statement."""
    got = _code(tmp_path, nlp, BEGIN, "Denmark said that Norway began talks with Sweden.")
    assert ("NOR", "SWE", "102") in got
    got = _code(tmp_path, nlp, BEGIN, "Denmark said it was ready, and Norway began talks with Sweden.")
    assert ("NOR", "SWE", "031") in got and not any(code == "102" for *_, code in got)
