"""HTML pages through trafilatura: title, date, outlet and main text."""
from __future__ import annotations

import datetime as _dt

from ..model import Document
from .text import assemble, split_blocks


def document_from_html(html: str, *, url: str | None = None, **fields) -> Document | str:
    """Return a Document, or an error string when no article text can be extracted."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    if extracted is None:
        return "no article text found in the HTML page"
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = data.get("text") or ""
    if not body.strip():
        return "no article text found in the HTML page"
    published = fields.pop("published", None)
    if published is None and data.get("date"):
        try:
            published = _dt.date.fromisoformat(str(data["date"])[:10])
        except ValueError:
            published = None
    outlet = fields.pop("outlet", None) or data.get("sitename") or data.get("hostname")
    return assemble(
        fields.pop("title", None) or data.get("title"),
        split_blocks(body),
        outlet=outlet,
        published=published,
        url=url or data.get("url"),
        **fields,
    )
