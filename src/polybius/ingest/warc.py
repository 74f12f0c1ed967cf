"""WARC files (warcio), as written by web crawlers: one Document per HTML or plain-text
response.  Other records (requests, metadata, images, scripts, redirects, errors) are passed
over; a page with no article text, or a broken archive, becomes a skipped document with the
reason, and reading goes on with the next record.
"""
from __future__ import annotations

import datetime as _dt
from typing import Iterator

from ..config import Settings, load_settings
from ..model import Document, content_id
from .checks import finish, skipped
from .text import document_from_text

TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc(path: str, settings: Settings | None = None, *, published: _dt.date | None = None,
              outlet: str | None = None) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .checks import decode_bytes
    from .html import document_from_html

    settings = settings or load_settings()
    fields = {k: v for k, v in (("published", published), ("outlet", outlet)) if v is not None}
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield skipped(path, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        n = 0
        broken = None
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type is None:
                    broken = "a record without a WARC header"
                    break
                if record.rec_type not in ("response", "resource", "conversion"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                n += 1
                where = f"{path}#{uri or n}"
                if record.rec_type == "response":
                    if record.http_headers is None:
                        continue
                    status = record.http_headers.get_statuscode()
                    if not status or not status.startswith("2"):
                        continue
                    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                else:
                    ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
                if not any(t in ctype for t in TEXT_TYPES):
                    continue
                raw = record.content_stream().read(settings.max_bytes + 1)
                if len(raw) > settings.max_bytes:
                    yield skipped(where, f"record is over the limit of {settings.max_bytes:,} bytes (setting max_bytes)")
                    continue
                dec = decode_bytes(raw, settings)
                if dec.error:
                    yield skipped(where, dec.error, id=content_id(where, "warc"))
                    continue
                if "text/plain" in ctype:
                    doc = document_from_text(dec.text, origin=where, url=uri or None, **fields)
                else:
                    doc = document_from_html(dec.text, url=uri or None, origin=where, **fields)
                    if isinstance(doc, str):
                        yield skipped(where, doc, id=content_id(where, "warc"))
                        continue
                yield finish(doc, settings, dec.warning)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            broken = str(exc) or type(exc).__name__
        if broken is None and path.lower().endswith(".gz"):
            broken = _gzip_problem(path)
        if broken:
            yield skipped(f"{path}#after-record{n}", f"broken WARC archive (truncated or corrupt): {broken}; "
                          f"the {n} record(s) before it were read")


def _gzip_problem(path: str) -> str | None:
    """Why a gzip file is incomplete (warcio stops quietly at a truncated member), or None."""
    import gzip
    import zlib

    try:
        with gzip.open(path, "rb") as g:
            while g.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as exc:
        return str(exc)
    return None
