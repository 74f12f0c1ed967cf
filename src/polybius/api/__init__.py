"""REST API and web explorer (FastAPI): ``create_app(store=..., settings=...)``; ``polybius serve`` runs it."""
from .app import create_app

__all__ = ["create_app"]
