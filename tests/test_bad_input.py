"""Bad input is reported (stderr line + the document's errors), skipped, and the run goes on."""
import json

from conftest import run_cli

from polybius.config import load_settings
from polybius.ingest import iter_sources

FRENCH = ("Le gouvernement a annoncé lundi une nouvelle série de mesures pour soutenir les agriculteurs "
          "touchés par la sécheresse, tandis que les syndicats ont appelé à une grève nationale la semaine prochaine.")
GOOD = "Talks resume\n\nThe two governments agreed on Monday to resume talks on trade and security."


def one(path, **kw):
    docs = list(iter_sources([str(path)], **kw))
    assert len(docs) == 1
    return docs[0]


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"  \n\n ")
    d = one(p)
    assert d.skipped and "empty" in d.errors[0] and str(p) in d.errors[0]


def test_binary_file(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    d = one(p)
    assert d.skipped and "binary" in d.errors[0]


def test_badly_encoded_text_is_detected_and_read(tmp_path):
    p = tmp_path / "latin.txt"
    text = ("Café talks collapse\n\nThe ministers met at the café in Genève on Monday and failed to agree "
            "on the résumé of the talks, officials said after the meeting ended without a deal.")
    p.write_bytes(text.encode("cp1252"))
    d = one(p)
    assert not d.skipped
    assert "Genève" in d.text and "café" in d.text
    assert any("not valid UTF-8" in e and "decoded as" in e for e in d.errors)


def test_document_over_size_limit(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_text(GOOD + "\n\n" + "Word " * 400, encoding="utf-8")
    d = one(p, settings=load_settings(env={}, max_bytes=1000))
    assert d.skipped and "over the limit" in d.errors[0] and "max_bytes" in d.errors[0]


def test_non_english_document(tmp_path):
    p = tmp_path / "fr.txt"
    p.write_text("Mesures pour les agriculteurs\n\n" + FRENCH, encoding="utf-8")
    d = one(p)
    assert d.skipped and "'fr'" in d.errors[0] and d.language == "fr"


def test_malformed_json_line_names_file_and_line(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"text": GOOD}) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n", encoding="utf-8")
    docs = list(iter_sources([str(p)]))
    assert [d.skipped for d in docs] == [False, True, True]
    assert f"{p}:2: malformed JSON line" in docs[1].errors[0]
    assert f"{p}:3: JSON line has no string field 'text'" in docs[2].errors[0]


def test_missing_path(tmp_path):
    d = one(tmp_path / "nope.txt")
    assert d.skipped and "no such file" in d.errors[0]


def test_cli_goes_on_and_exit_code(tmp_path):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "c_bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    r = run_cli("code", str(tmp_path))
    assert r.returncode == 0, r.stderr.decode()
    lines = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert len(lines) == 3 and [d["skipped"] for d in lines] == [False, True, True]
    err = r.stderr.decode()
    assert "b_empty.txt: document is empty" in err and "c_bin.txt: document is binary" in err
    # Nothing processable: non-zero exit, still one line per problem.
    r = run_cli("code", str(tmp_path / "b_empty.txt"), str(tmp_path / "missing.txt"))
    assert r.returncode == 1
    assert "missing.txt: no such file" in r.stderr.decode()


def test_english_dense_with_names_is_kept(tmp_path):
    p = tmp_path / "names.txt"
    p.write_text("Leaders meet\n\nNigerian President Bola Tinubu met Ghanaian President Nana Akufo-Addo and "
                 "Togolese President Faure Gnassingbe in Abuja on Tuesday, officials in Lagos said.", encoding="utf-8")
    d = one(p)
    assert not d.skipped and d.language == "en", d.errors
