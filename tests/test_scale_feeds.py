"""Feeds (RSS/Atom), WARC files and ``watch``: new items are coded and stored once."""
from __future__ import annotations

import io

from conftest import run_cli

from polybius.ingest.feeds import html_to_blocks, read_feed
from polybius.ingest.warc import iter_warc
from polybius.store import open_store

PARA = ("Ministers from {a} and {b} met on Tuesday to discuss the water treaty, officials said. "
        "The talks lasted six hours and ended with a joint statement on shared rivers. ")

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Sample Courier</title><link>https://courier.example/</link><description>test feed</description>
<item><title>Water talks end with statement</title><link>https://courier.example/1</link>
<guid>c-1</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>Short summary only.</description>
<content:encoded><![CDATA[<p>{p1}</p><p>{p2}</p>]]></content:encoded></item>
<item><title>Budget vote delayed</title><link>https://courier.example/2</link><guid>c-2</guid>
<pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Lawmakers in Ottawa delayed the budget vote by a week on Wednesday, the speaker said.&lt;/p&gt;&lt;p&gt;The opposition welcomed the delay and asked for more hearings on spending.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://courier.example/3</link><guid>c-3</guid></item>
</channel></rss>""".format(p1=PARA.format(a="Egypt", b="Sudan"), p2=PARA.format(a="Kenya", b="Uganda"))

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Sample</title><id>urn:x</id><updated>2024-03-07T00:00:00Z</updated>
<entry><title>Border crossing reopens</title><id>urn:x:1</id><link href="https://atom.example/1"/>
<updated>2024-03-07T08:00:00Z</updated>
<content type="html">&lt;p&gt;Officials in Warsaw said the border crossing would reopen on Friday after repairs.&lt;/p&gt;</content></entry>
</feed>"""


def test_html_to_blocks():
    assert html_to_blocks("<p>One.</p><p>Two <b>bold</b>.</p>") == ["One.", "Two bold."]
    assert html_to_blocks("plain text only") == ["plain text only"]


def test_rss_entries(tmp_path):
    f = tmp_path / "feed.rss"
    f.write_text(RSS, encoding="utf-8")
    docs = list(read_feed(str(f)))
    assert len(docs) == 3
    a, b, c = docs
    assert (a.title, a.outlet, a.url, a.published.isoformat()) == (
        "Water talks end with statement", "Sample Courier", "https://courier.example/1", "2024-03-05")
    assert "Egypt and Sudan" in a.text and "Kenya and Uganda" in a.text and "summary only" not in a.text
    assert [bl.kind for bl in a.blocks] == ["headline", "paragraph", "paragraph"]
    assert not a.skipped and "Ottawa" in b.text and len(b.blocks) == 3
    assert c.skipped and "no text" in c.errors[0]


def test_atom_and_a_broken_feed(tmp_path):
    docs = list(read_feed(ATOM))
    assert [d.title for d in docs] == ["Border crossing reopens"] and docs[0].url == "https://atom.example/1"
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"\x00\x01 not xml at all <<<")
    out = list(read_feed(str(bad)))
    assert len(out) == 1 and out[0].skipped and "not a readable RSS/Atom feed" in out[0].errors[0]


def _warc(path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = ("<html><head><title>Harbour deal signed</title></head><body><article><h1>Harbour deal signed</h1>"
            + "".join(f"<p>{PARA.format(a=x, b=y)}</p>" for x, y in (("Chile", "Peru"), ("Ghana", "Togo"), ("Laos", "Vietnam")))
            + "</article></body></html>").encode()
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)

        def resp(uri, body, ctype, status="200 OK"):
            hdrs = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=hdrs))

        resp("https://port.example/deal", html, "text/html; charset=utf-8")
        resp("https://port.example/logo.png", b"\x89PNG....", "image/png")
        resp("https://port.example/gone", b"<html>not found</html>", "text/html", "404 Not Found")
        resp("https://port.example/empty", b"<html><head><title></title></head><body></body></html>", "text/html")
        w.write_record(w.create_warc_record("https://port.example/note.txt", "resource",
                                            payload=io.BytesIO(b"Port strike ends\n\nDock workers in Lagos ended their strike on Monday after a pay deal, the union said.\n"),
                                            warc_content_type="text/plain"))


def test_warc_records(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    _warc(f)
    docs = list(iter_warc(str(f)))
    ok = [d for d in docs if not d.skipped]
    assert [d.url for d in ok] == ["https://port.example/deal", "https://port.example/note.txt"]
    assert "Chile and Peru" in ok[0].text and ok[0].title == "Harbour deal signed"
    assert ok[1].title == "Port strike ends" and "Lagos" in ok[1].text
    bad = [d for d in docs if d.skipped]
    assert len(bad) == 1 and "no article text" in bad[0].errors[0] and bad[0].origin.endswith("/empty")
    truncated = tmp_path / "cut.warc.gz"
    truncated.write_bytes(f.read_bytes()[:300])
    out = list(iter_warc(str(truncated)))
    assert out and out[-1].skipped and "broken WARC" in out[-1].errors[-1]


def test_watch_folder_and_feed_once(tmp_path, pipeline):
    from polybius.scale.watch import Watcher

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text("Harbour talks resume\n\nOfficials in Lima said the harbour talks would resume on Monday.\n")
    feed = tmp_path / "feed.rss"
    feed.write_text(RSS, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    with open_store(db) as store:
        w = Watcher([str(folder), str(feed)], store, pipeline.settings, pipeline=pipeline)
        first = w.poll()
        assert (first.stored, first.coded, first.bad) == (4, 3, 1)
        second = w.poll()  # nothing new: the folder file is not even read again
        assert (second.read, second.stored) == (3, 0)
        (folder / "b.txt").write_text("Rail link opens\n\nThe new rail link between two northern towns opened on Friday, the operator said.\n")
        third = w.poll()
        assert third.stored == 1 and store.count_documents() == 5


def test_cli_ingest_warc_and_watch_once(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    _warc(f)
    db = str(tmp_path / "cli.duckdb")
    r = run_cli("ingest", str(f), "--db", db, "--quiet")
    assert r.returncode == 0, r.stderr.decode()
    assert "ingested 2 new document(s) of 3 read (1 unreadable" in " ".join(r.stderr.decode().split())
    feed = tmp_path / "feed.rss"
    feed.write_text(RSS, encoding="utf-8")
    r = run_cli("watch", str(feed), "--db", db, "--once")
    out = " ".join(r.stderr.decode().split())
    # counts that add up, with the reason of each input not coded (issue 14, item 16)
    assert r.returncode == 0 and "read 3: 2 new, 1 unreadable" in out, out
    assert "skipped:" in out and "feed entry has no text" in out
    with open_store(db) as s:
        assert s.count_documents() == 6


def test_streamed_file_and_bytes_read_the_same_documents(tmp_path):
    from polybius.config import load_settings
    from polybius.ingest.jsonl import iter_jsonl
    from polybius.ingest.sources import read_bytes

    f = tmp_path / "c.jsonl"
    f.write_text(
        '{"id": 1, "title": "Dam talks", "text": "Officials in Cairo said the dam talks would resume on Monday.\\n\\nThe ministers will meet in Khartoum.", "published": "2024-03-01", "outlet": "Nile Daily", "url": "https://n.example/1"}\n'
        '\n{"text": "No title here, but Lima and Quito agreed on new fishing quotas on Friday, officials said."}\n'
        '{"broken": \n[1, 2]\n{"id": "x", "text": 5}\n'
        '{"text": "Café owners in Paris protested against the new rules on Tuesday, the union said."}\n', encoding="utf-8")
    settings = load_settings(env={})
    whole = [d.to_dict() for d in read_bytes(str(f), f.read_bytes(), settings)]
    streamed = [d.to_dict() for d in iter_jsonl(str(f), settings)]
    assert streamed == whole and len(streamed) == 6
    assert [d["skipped"] for d in streamed] == [False, False, True, True, True, False]
    assert streamed[0]["origin"].endswith("c.jsonl:1") and streamed[2]["origin"].endswith("c.jsonl:4")
    legacy = tmp_path / "l.jsonl"
    legacy.write_bytes('{"text": "Caf\xe9 owners in Paris protested against the new rules on Tuesday, the union said."}\n'
                       .encode("cp1252"))
    (doc,) = iter_jsonl(str(legacy), settings)
    assert not doc.skipped and "Café owners" in doc.text
