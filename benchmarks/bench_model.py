"""Words per second of the claimx_bio_sm model pipeline alone (no claim layer).

    python benchmarks/bench_model.py [--model models/claimx_bio_sm] [--data ../shared/data]

Texts: the 500 BC5CDR test abstracts (PubTator titles + abstracts). Reports bare
tokenisation, the whole pipeline, and each component's share, in one process.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

# Keep numpy to one thread so the figure is per-process and comparable on shared machines.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import spacy  # noqa: E402


def read_abstracts(pubtator: Path) -> list[str]:
    texts, title = [], None
    for line in pubtator.read_text(encoding="utf-8").splitlines():
        parts = line.split("|", 2)
        if len(parts) == 3 and parts[1] == "t":
            title = parts[2]
        elif len(parts) == 3 and parts[1] == "a":
            texts.append(f"{title}\n{parts[2]}")
    return texts


def timed_words(run, texts: list[str], repeats: int) -> tuple[int, float]:
    """Best of ``repeats`` runs: the machine is shared, so the fastest run is the
    one least disturbed by other processes."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        words = sum(len(doc) for doc in run(texts))
        best = min(best, time.perf_counter() - start)
    return words, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=Path("models/claimx_bio_sm"))
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--repeats", type=int, default=3, help="report the best of this many runs")
    args = parser.parse_args()

    nlp = spacy.load(args.model)
    texts = read_abstracts(args.data / "ner" / "bc5cdr" / "CDR_TestSet.PubTator.txt")
    list(nlp.pipe(texts[:20]))  # warm-up

    print(f"spaCy {spacy.__version__}, model {args.model}, {len(texts)} texts")
    report("tokenizer only", *timed_words(lambda batch: (nlp.make_doc(text) for text in batch), texts, args.repeats))
    report("full pipeline", *timed_words(lambda batch: nlp.pipe(batch, batch_size=64), texts, args.repeats))
    # Cost of each component: the pipeline with that one component switched off.
    for name in nlp.pipe_names:
        if name in ("tok2vec",):  # tagger/parser listen to it; cannot run without it
            continue
        with nlp.select_pipes(disable=[name]):
            report(f"without {name}", *timed_words(lambda batch: nlp.pipe(batch, batch_size=64), texts, args.repeats))


def report(name: str, words: int, seconds: float) -> None:
    print(f"{name:24s} {words:8d} words {seconds:7.2f} s {words / seconds:9.0f} words/s")

if __name__ == "__main__":
    main()
