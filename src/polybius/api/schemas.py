"""Request and response bodies of the REST API (they make the OpenAPI document)."""
from __future__ import annotations

import datetime as _dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# Ids: no spaces, no C0/C1 control characters, no bidirectional marks, embeddings, overrides or
# isolates (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069); lone surrogates are
# refused by pydantic (and the 422 that says so is written in ASCII, see errors.AsciiJSONResponse).
ID_PATTERN = r"^[^\x00-\x20\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+$"


class DocumentIn(BaseModel):
    """An article to code and store."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "title": "Ministers meet in Geneva",
        "text": "Ministers meet in Geneva\n\nThe foreign minister of France met his German counterpart on Monday.",
        "published": "2024-05-06", "outlet": "Example Wire"}]})

    text: str = Field(..., min_length=1, description="The article: plain text (first line the headline, "
                      "blank lines between paragraphs) or an HTML page when format is 'html'.")
    title: str | None = Field(None, max_length=1000, description="Headline; by default the first line of the text.")
    published: _dt.date | None = Field(None, description="Publication date YYYY-MM-DD; dates in the text are read relative to it.")
    outlet: str | None = Field(None, max_length=300)
    url: str | None = Field(None, max_length=2000)
    id: str | None = Field(None, max_length=300, pattern=ID_PATTERN,
                           description="Your id for the article (no spaces, control or bidirectional-override "
                                       "characters); by default a hash of its content.")
    format: Literal["text", "html"] = Field("text", description="How to read `text`.")


class Page(BaseModel):
    total: int | None = Field(None, description="Rows matching the filters (all pages).")
    limit: int
    offset: int
    next: str | None = Field(None, description="URL of the next page, or null on the last page.")
    items: list[dict[str, Any]]


class ActorDetail(BaseModel):
    code: str
    actors: list[dict[str, Any]] = Field(description="Actor groups under this code (names, documents, events).")
    events: Page = Field(description="The latest events with this actor on either side.")


class Timeline(BaseModel):
    a: str
    b: str
    by: str
    directed: bool = False
    points: list[dict[str, Any]] = Field(description="One per period: its start and end date, counts by QuadClass, "
                                         "Goldstein sum and mean, and the ids of the events behind it.")


class Network(BaseModel):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]] = Field(description="Directed source -> target with weight (events) and counts by QuadClass.")


class Items(BaseModel):
    items: list[dict[str, Any]]


class Health(BaseModel):
    status: str
    version: str
    writes: bool = Field(description="Whether an API key is configured, so POST /documents can be used.")
