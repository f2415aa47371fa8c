"""Where `claimx extract`'s time goes: seconds per component of the full claimx pipeline
(trained model and rule layers), in one process.

    python benchmarks/bench_components.py [--data ../shared/data] [--words 40000] [--repeats 2]

Texts: BC5CDR test abstracts (PubTator titles + abstracts), up to --words whitespace
words. The components run one after another over all texts (each trainable one batched
by its own `pipe`), so each is timed alone; the last of --repeats passes is reported,
after a warm-up pass that fills the vocabulary. File reading, segmentation of the
reader's headings and CSV writing are not included: `benchmarks/bench_extract.py` times
the whole run.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

# Keep numpy to one thread so the figure is per-process and comparable on shared machines.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from bench_model import read_abstracts


def component_seconds(nlp, texts: list[str]) -> dict[str, float]:
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    seconds["tokenizer"] = time.perf_counter() - start
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(doc) for doc in docs]
        seconds[name] = time.perf_counter() - start
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--words", type=int, default=40_000)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()

    import claimx

    texts, words = [], 0
    for text in read_abstracts(args.data / "ner" / "bc5cdr" / "CDR_TestSet.PubTator.txt"):
        if words >= args.words:
            break
        texts.append(text)
        words += len(text.split())
    nlp = claimx.load()
    list(nlp.pipe(texts[:20]))  # warm-up: model weights and the vocabulary's common words
    for _ in range(args.repeats):
        seconds = component_seconds(nlp, texts)
    total = sum(seconds.values())
    print(f"{len(texts)} texts, {words:,} words, {total:.2f} s in all: {words / total:,.0f} words/s")
    for name, value in seconds.items():
        print(f"{name:32s} {value:6.2f} s {100 * value / total:5.1f}% {words / value:10,.0f} words/s")


if __name__ == "__main__":
    main()
