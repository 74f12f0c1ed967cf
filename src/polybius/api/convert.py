"""Store rows -> JSON, pages of rows, and small helpers the routes share."""
from __future__ import annotations

import datetime as _dt
import inspect
import math
from typing import Any, Callable
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import JSONResponse

_AS_IS = frozenset({str, int, bool, type(None)})


def plain(value: Any) -> Any:
    """Store rows -> JSON: dates as ISO strings, NaN as null, numpy scalars as Python.

    Exact type checks first: pages of rows are converted on every request."""
    t = type(value)
    if t in _AS_IS:
        return value
    if t is dict:
        return {k if type(k) is str else str(k): (v if type(v) in _AS_IS else plain(v)) for k, v in value.items()}
    if t is list:
        return [v if type(v) in _AS_IS else plain(v) for v in value]
    if t is float:
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if type(value).__module__ == "numpy":
        if hasattr(value, "tolist"):
            return plain(value.tolist())
        if hasattr(value, "item"):
            return plain(value.item())
    return value


def period_bounds(period: Any, by: str) -> tuple[str | None, str | None]:
    """The first and last day of a timeline period given by its start (date or ISO string)."""
    try:
        if isinstance(period, _dt.datetime):
            start = period.date()
        elif isinstance(period, _dt.date):
            start = period
        else:
            start = _dt.date.fromisoformat(str(period)[:10])
    except ValueError:
        return None, None
    if by == "day":
        end = start
    elif by == "week":
        end = start + _dt.timedelta(days=6)
    elif by in ("month", "quarter"):
        months = 1 if by == "month" else 3
        m = start.month - 1 + months
        end = _dt.date(start.year + m // 12, m % 12 + 1, 1) - _dt.timedelta(days=1)
    else:
        end = _dt.date(start.year, 12, 31)
    return start.isoformat(), end.isoformat()


def next_url(request: Request, offset: int, limit: int, got: int, total: int | None) -> str | None:
    if (total is not None and offset + limit >= total) or (total is None and got < limit):
        return None
    params = dict(request.query_params)
    params["offset"] = str(offset + limit)
    params["limit"] = str(limit)
    return f"{request.url.path}?{urlencode(params)}"


def page(request: Request, items: list, total: int | None, limit: int, offset: int) -> JSONResponse:
    """A page of rows (the Page schema), serialised directly (rows can be many)."""
    items = plain(items)
    return JSONResponse({"total": total, "limit": limit, "offset": offset, "items": items,
                         "next": next_url(request, offset, limit, len(items), total)})


def supported(method: Callable, **options) -> dict:
    """The options a store method takes beyond the Store ABC (false ones are left out)."""
    try:
        params = inspect.signature(method).parameters
    except (TypeError, ValueError):
        return {}
    return {k: v for k, v in options.items() if v and k in params}


def rows_and_total(fetch: Callable[..., list], limit: int, offset: int,
                   count: Callable[[], int] | None = None) -> tuple[list, int]:
    """A page of rows from ``fetch(limit=, offset=)`` and the number of all matches: a first page
    shorter than the limit is the whole answer; else ``count()``, or every row's count when the
    store has no count for these rows."""
    items = fetch(limit=limit, offset=offset)
    if offset == 0 and len(items) < limit:
        return items, len(items)
    if count is not None:
        return items, int(count())
    return items, len(fetch(limit=None, offset=0))
