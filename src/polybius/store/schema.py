"""The store's schema: versioned migrations shared by DuckDB and PostgreSQL.

Each migration is a list of statements written once for both engines; ``{blob}``,
``{double}`` and ``{timestamp}`` are replaced by each engine's type names.  The
``meta`` table holds ``schema_version``; :func:`polybius.store.open_store` applies
the migrations a database lacks, in order, each in one transaction.
"""
from __future__ import annotations

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT, outlet TEXT, source TEXT,
            published DATE, url TEXT, language TEXT, origin TEXT, skipped BOOLEAN NOT NULL,
            text TEXT NOT NULL, doc_json TEXT NOT NULL, n_words INTEGER, n_sentences INTEGER,
            n_actors INTEGER, n_events INTEGER, n_quotes INTEGER, n_stances INTEGER,
            n_errors INTEGER, ingested_at {timestamp})""",
        "CREATE INDEX documents_hash ON documents (content_hash)",
        """CREATE TABLE actors (
            doc_id TEXT NOT NULL, actor_id TEXT NOT NULL, name TEXT, code TEXT, country TEXT,
            sectors TEXT, kind TEXT, reason TEXT, n_mentions INTEGER, PRIMARY KEY (doc_id, actor_id))""",
        """CREATE TABLE mentions (
            doc_id TEXT NOT NULL, actor_id TEXT NOT NULL, n INTEGER NOT NULL, start_char INTEGER,
            end_char INTEGER, text TEXT, rule TEXT, PRIMARY KEY (doc_id, actor_id, n))""",
        """CREATE TABLE events (
            doc_id TEXT NOT NULL, event_id TEXT NOT NULL, sentence INTEGER, is_root BOOLEAN,
            source TEXT, source_code TEXT, source_name TEXT, source_country TEXT, source_sectors TEXT,
            target TEXT, target_code TEXT, target_name TEXT, target_country TEXT, target_sectors TEXT,
            cameo TEXT, root TEXT, quad_class INTEGER, goldstein {double}, plover_event TEXT,
            plover_mode TEXT, plover_context TEXT, negated BOOLEAN, modality TEXT, confidence {double},
            rule TEXT, date_start DATE, date_end DATE, date_text TEXT, place TEXT, place_country TEXT,
            lat {double}, lon {double}, trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
            sentence_text TEXT, n_evidence INTEGER, event_key TEXT, outlet TEXT, source_outlet TEXT,
            published DATE, url TEXT, PRIMARY KEY (doc_id, event_id))""",
        "CREATE INDEX events_key ON events (event_key)",
        "CREATE INDEX events_date ON events (date_start)",
        """CREATE TABLE evidence (
            doc_id TEXT NOT NULL, event_id TEXT NOT NULL, n INTEGER NOT NULL, start_char INTEGER,
            end_char INTEGER, text TEXT, PRIMARY KEY (doc_id, event_id, n))""",
        """CREATE TABLE quotes (
            doc_id TEXT NOT NULL, quote_id TEXT NOT NULL, speaker TEXT, speaker_code TEXT,
            speaker_name TEXT, text TEXT, start_char INTEGER, end_char INTEGER, kind TEXT, verb TEXT,
            rule TEXT, PRIMARY KEY (doc_id, quote_id))""",
        """CREATE TABLE stances (
            doc_id TEXT NOT NULL, n INTEGER NOT NULL, holder TEXT, holder_code TEXT, holder_name TEXT,
            proposition TEXT, polarity TEXT, rule TEXT, evidence_json TEXT, evidence_text TEXT,
            PRIMARY KEY (doc_id, n))""",
        """CREATE TABLE errors (
            doc_id TEXT NOT NULL, n INTEGER NOT NULL, message TEXT, PRIMARY KEY (doc_id, n))""",
    ],
    # 2: near-duplicate stories (MinHash LSH): each document belongs to a story (the id of the
    # first document of the story); links record which stored document a new one copies.
    2: [
        "ALTER TABLE documents ADD COLUMN story TEXT",
        "UPDATE documents SET story = id",
        """CREATE TABLE duplicates (
            doc_id TEXT NOT NULL, duplicate_of TEXT NOT NULL, similarity {double},
            PRIMARY KEY (doc_id, duplicate_of))""",
        "CREATE TABLE minhashes (doc_id TEXT PRIMARY KEY, signature {blob})",
    ],
}

VERSION = max(MIGRATIONS)

# The tables of a store, in export order, with their columns (as written by rows.py).
TABLES: dict[str, list[str]] = {
    "documents": ["id", "content_hash", "title", "outlet", "source", "published", "url", "language",
                  "origin", "skipped", "text", "doc_json", "n_words", "n_sentences", "n_actors",
                  "n_events", "n_quotes", "n_stances", "n_errors", "ingested_at", "story"],
    "actors": ["doc_id", "actor_id", "name", "code", "country", "sectors", "kind", "reason", "n_mentions"],
    "mentions": ["doc_id", "actor_id", "n", "start_char", "end_char", "text", "rule"],
    "events": ["doc_id", "event_id", "sentence", "is_root", "source", "source_code", "source_name",
               "source_country", "source_sectors", "target", "target_code", "target_name",
               "target_country", "target_sectors", "cameo", "root", "quad_class", "goldstein",
               "plover_event", "plover_mode", "plover_context", "negated", "modality", "confidence",
               "rule", "date_start", "date_end", "date_text", "place", "place_country", "lat", "lon",
               "trigger_start", "trigger_end", "trigger_text", "sentence_text", "n_evidence",
               "event_key", "outlet", "source_outlet", "published", "url"],
    "evidence": ["doc_id", "event_id", "n", "start_char", "end_char", "text"],
    "quotes": ["doc_id", "quote_id", "speaker", "speaker_code", "speaker_name", "text", "start_char",
               "end_char", "kind", "verb", "rule"],
    "stances": ["doc_id", "n", "holder", "holder_code", "holder_name", "proposition", "polarity", "rule",
                "evidence_json", "evidence_text"],
    "errors": ["doc_id", "n", "message"],
    "duplicates": ["doc_id", "duplicate_of", "similarity"],
    "minhashes": ["doc_id", "signature"],
}
