"""User dictionaries first-class: ``--verbs mine.txt --no-default-verbs`` codes with the user's
verbs alone, and a code outside CAMEO reaches the output with root, Goldstein, QuadClass and
PLOVER null (the PETRARCH-compatible mode), end to end through the command line."""
import json

from conftest import run_cli

from polybius.contract import validate

TEXT = "France scolded Germany on Monday.\n\nFrance attacked Germany on Tuesday."
MINE = """\
# a project's own code, outside CAMEO
9901  scold   target=obj
"""


def _code(tmp_path, *options):
    mine = tmp_path / "mine.verbs.txt"
    mine.write_text(MINE, encoding="utf-8")
    r = run_cli("code", "-", "--published", "2024-03-18", "--verbs", str(mine), *options, input=TEXT.encode())
    assert r.returncode == 0, r.stderr.decode()
    doc = json.loads(r.stdout)
    validate(doc)
    actors = {a["id"]: a["code"] for a in doc["actors"]}
    return doc, {(actors.get(e["source"]), actors.get(e["target"]), e["cameo"]) for e in doc["events"]}


def test_user_verbs_alone_with_a_code_outside_cameo(tmp_path):
    doc, got = _code(tmp_path, "--no-default-verbs")
    assert got == {("FRA", "DEU", "9901")}
    (e,) = doc["events"]
    assert (e["root"], e["goldstein"], e["quad_class"], e["plover"]) == (None, None, None, None)
    assert doc["text"][e["trigger"]["start"]:e["trigger"]["end"]] == "scolded"


def test_user_verbs_add_to_the_defaults_without_the_option(tmp_path):
    """Without the option the embedded verbs keep coding: the attack (19x), and "scold" as
    the embedded criticism (111), which comes first among entries that match as well."""
    _, got = _code(tmp_path)
    assert ("FRA", "DEU", "111") in got
    assert any(code.startswith("19") for _s, _t, code in got)


def test_no_default_actors_codes_with_the_users_actors_alone(tmp_path):
    actors = tmp_path / "mine.actors.txt"
    actors.write_text("FRANCE_ [FRA]\n", encoding="utf-8")
    _, got = _code(tmp_path, "--no-default-verbs", "--no-default-actors", "--actors", str(actors))
    assert {s for s, _t, _c in got} == {"FRA"} and not any(t == "DEU" for _s, t, _c in got)


def test_settings_and_environment(tmp_path):
    from polybius.config import load_settings

    assert load_settings(env={}).use_default_verbs is True
    assert load_settings(env={"POLYBIUS_USE_DEFAULT_VERBS": "0"}).use_default_verbs is False
