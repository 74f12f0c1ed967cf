"""Cost of the actors stage relative to spaCy parsing.

Parses the ConfliBERT sentences (as ~40-sentence documents), then runs the actors stage on the
parsed documents; both timed in CPU seconds of this process (the machine is shared, so wall
time is noisy).  Prints words per CPU-second and parse / (parse + actors): the whole pipeline
must stay >= 0.8x parsing alone, so this stage alone should stay well above that.

    PYTHONPATH=src /work/venv/bin/python benchmarks/actors_speed.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main():
    from actors_conflibert_spans import sentences, to_text
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.nlp import load_model
    from polybius.pipeline import Pipeline
    from polybius.registry import get_stage

    texts = [to_text(t)[0] for t in sentences()]
    chunks = [" ".join(texts[i : i + 40]) for i in range(0, len(texts), 40)]
    words = sum(len(c.split()) for c in chunks)
    nlp = load_model()
    settings = load_settings(env={}).replace(stages=[], min_words_for_language_check=10**6)
    pipe = Pipeline(settings, nlp=nlp)
    stage = get_stage("actors")(settings, nlp)
    list(pipe.code_documents([read_text(chunks[0], settings)]))  # warm-up
    t = time.process_time()
    docs = list(pipe.code_documents(read_text(c, settings) for c in chunks))
    parse = time.process_time() - t
    t = time.process_time()
    for d in docs:
        stage(d)
    actors = time.process_time() - t
    print(f"parse  {parse:6.2f} CPU-s  {words / parse:7.0f} words/CPU-s")
    print(f"actors {actors:6.2f} CPU-s  {words / actors:7.0f} words/CPU-s")
    ratio = parse / (parse + actors)
    print(f"SUMMARY actors-speed parse+actors runs at {ratio:.2f}x parse-only speed "
          f"(stage {words / actors:.0f} words/CPU-s; {words} words, {len(chunks)} documents)")


if __name__ == "__main__":
    main()
