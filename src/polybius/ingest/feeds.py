"""RSS and Atom feeds (feedparser): one Document per entry.

The entry's full content (``content:encoded`` / Atom ``content``) is used when the feed
carries it, else its summary; ``fetch=True`` downloads the linked page instead and reads
it with the HTML reader.  A feed that cannot be read becomes one skipped document with the
reason; nothing raises.
"""
from __future__ import annotations

import datetime as _dt
import os
import time
from typing import Iterator

from ..config import Settings, load_settings
from ..model import Document, content_id
from .checks import finish, skipped
from .text import assemble, split_blocks

FEED_EXT = (".rss", ".atom", ".xml", ".rdf")


def is_feed(source: str) -> bool:
    s = source.lower()
    return s.startswith(("http://", "https://")) or s.endswith(FEED_EXT)


def html_to_blocks(fragment: str) -> list[str]:
    """Paragraph texts of an HTML fragment (plain text passes through split into blocks)."""
    if "<" not in fragment:
        return split_blocks(fragment)
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several kinds on broken markup
        return split_blocks(fragment)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    paras = [" ".join(p.text_content().split()) for p in root.iter("p", "li", "h1", "h2", "h3", "h4", "blockquote")]
    paras = [p for p in paras if p]
    return paras or split_blocks(root.text_content())


def _entry_date(entry) -> _dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return _dt.date(t.tm_year, t.tm_mon, t.tm_mday)
    return None


def read_feed(source: str, settings: Settings | None = None, *, fetch: bool = False, outlet: str | None = None,
              published: _dt.date | None = None, timeout: float = 30.0) -> Iterator[Document]:
    """Documents for the entries of the feed at ``source`` (URL, file path or the XML itself)."""
    import feedparser

    from .sources import not_regular

    settings = settings or load_settings()
    why = not_regular(source) if "<" not in source and os.path.exists(source) else None
    if why:  # feedparser would block on a named pipe
        yield skipped(source, why)
        return
    try:
        parsed = feedparser.parse(source)
    except Exception as exc:  # feedparser wraps most errors, but not every one
        yield skipped(source, f"cannot read feed: {type(exc).__name__}: {exc}")
        return
    if parsed.bozo and not parsed.entries:
        why = parsed.get("bozo_exception")
        yield skipped(source, f"not a readable RSS/Atom feed ({type(why).__name__ if why else 'unknown'}: {why})")
        return
    name = outlet or parsed.feed.get("title") or None
    cut = _truncated(parsed)
    if cut:
        yield skipped(source, f"truncated or malformed feed ({cut}); {len(parsed.entries) - 1} complete "
                              "entr(ies) read before the break")
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source}#{entry.get('id') or entry.get('link') or n}"
        if cut and n == len(parsed.entries):  # the entry the feed breaks off in
            yield skipped(where, "feed entry cut off where the feed is truncated or malformed", id=content_id(where, "feed"))
            continue
        link = entry.get("link")
        date = _entry_date(entry) or published
        title = entry.get("title")
        if fetch and link:
            doc = _fetch(link, settings, where, title=title, published=date, outlet=name, timeout=timeout)
            yield doc
            continue
        body = ""
        if entry.get("content"):
            body = max((c.get("value") or "" for c in entry.content), key=len)
        if not body.strip():
            body = entry.get("summary") or ""
        blocks = html_to_blocks(body)
        if not blocks:
            yield skipped(where, "feed entry has no text (try fetch=True / --fetch for the linked page)",
                          id=content_id(where, "feed"))
            continue
        doc = assemble(title, blocks, outlet=name, published=date, url=link, origin=where)
        if len(doc.text.encode("utf-8")) > settings.max_bytes:
            yield skipped(where, f"entry is over the limit of {settings.max_bytes:,} bytes (setting max_bytes)")
            continue
        yield finish(doc, settings)


# expat's messages when the input ends inside an element, a token or a CDATA section
_END_OF_INPUT = ("no element found", "unclosed token", "unclosed cdata", "unexpected end")


def _truncated(parsed) -> str | None:
    """The parser's error when the feed breaks off (a truncated download or file), else None."""
    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if exc is None or not any(k in str(exc).lower() for k in _END_OF_INPUT):
        return None
    return f"{type(exc).__name__}: {exc}"


def _fetch(url: str, settings: Settings, where: str, *, timeout: float, **fields) -> Document:
    import urllib.request

    from .checks import decode_bytes
    from .html import document_from_html

    try:
        req = urllib.request.Request(url, headers={"User-Agent": "polybius-watch/0.1"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read(settings.max_bytes + 1)
    except Exception as exc:
        return skipped(where, f"cannot fetch {url}: {exc}")
    if len(raw) > settings.max_bytes:
        return skipped(where, f"page {url} is over the limit of {settings.max_bytes:,} bytes (setting max_bytes)")
    dec = decode_bytes(raw, settings)
    if dec.error:
        return skipped(where, dec.error)
    fields = {k: v for k, v in fields.items() if v is not None}
    doc = document_from_html(dec.text, url=url, origin=where, **fields)
    if isinstance(doc, str):
        return skipped(where, doc)
    return finish(doc, settings, dec.warning)


def poll_delay(interval: float, started: float) -> float:
    """Seconds to sleep so polls start every ``interval`` seconds."""
    return max(0.0, interval - (time.monotonic() - started))
