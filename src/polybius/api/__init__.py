"""REST API and web explorer (FastAPI): ``create_app(store=..., settings=...)``; ``polybius serve`` runs it.

``create_app`` is imported on first use, so the command line can read :mod:`polybius.api.filters`
without loading FastAPI."""

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
