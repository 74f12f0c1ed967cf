"""NLP stage: the spaCy backbone (model loading) and structure-aware parsing."""
from .models import ModelNotFound, load_model
from .segment import parse_documents

__all__ = ["ModelNotFound", "load_model", "parse_documents"]
