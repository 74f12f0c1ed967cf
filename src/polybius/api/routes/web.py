"""The web explorer's pages: each ``web/NAME`` framed by ``web/layout.html``; static files are
mounted by :func:`polybius.api.app.create_app`."""
from __future__ import annotations

import re
import string
from importlib.resources import files

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse

WEB_DIR = files("polybius") / "web"
PAGES = (("/", "index.html"), ("/ui/article", "article.html"), ("/ui/network", "network.html"),
         ("/ui/dyad", "dyad.html"), ("/ui/search", "search.html"), ("/ui/api", "api.html"))

router = APIRouter(include_in_schema=False)


def _page(layout: string.Template, name: str):
    """One explorer page: its ``<main>`` (``web/NAME``), framed by the layout."""
    head, body = (WEB_DIR / name).read_text(encoding="utf-8").split("\n", 1)
    meta = dict(re.findall(r"(title|script): ([^;]+?)\s*(?:;|-->)", head))
    html = layout.substitute(title=meta["title"], script=meta["script"], main=body)

    def serve_page():
        return HTMLResponse(html, headers={"Cache-Control": "no-cache"})

    return serve_page


_layout = string.Template((WEB_DIR / "layout.html").read_text(encoding="utf-8"))
for _route, _name in PAGES:
    router.add_api_route(_route, _page(_layout, _name), methods=["GET"])


@router.get("/favicon.ico")
def favicon():
    return RedirectResponse("/static/favicon.svg")
