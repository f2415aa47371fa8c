#!/usr/bin/env python3
"""Throughput and peak-memory benchmark of claimx extraction.

Builds a corpus of plain-text articles (one ``.txt`` per abstract: title line, blank
line, abstract) from the BioCreative V CDR PubTator files in
``../shared/data/ner/bc5cdr/*.PubTator.txt``, in a temporary directory that is
deleted afterwards (the data is never written into the repository). Then, each in
a fresh subprocess so that every peak-RSS figure is clean:

  1. ``spacy.blank("en")`` tokenisation of the same texts with ``nlp.pipe``
     (the floor: reading files + tokenising);
  2. claimx extraction over the folder, through
     ``claimx.runner.run_extract([folder], out_dir)``, or the CLI
     ``claimx extract FOLDER -o OUT`` when the import fails;
  3. streaming check: claimx over N and 2N articles. If extraction streams, peak
     memory should not grow with the number of articles.

Words are whitespace-separated tokens of the article text. Time includes reading
the files and writing the CSV. claimx is timed on a second call, after a warm-up
call on a few articles, so that one-off model loading is reported separately
("cold start"); if ``run_extract`` reloads the model on every call, its load time
is still inside the timed call.

Usage:
    python benchmarks/bench_extract.py [--words 200000] [--stream-n 750] [--repeat 1]
                                       [--skip-claimx] [--skip-stream] [--json]
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMX_SHARED", REPO.parent / "shared"))
BC5CDR_DIR = SHARED / "data" / "ner" / "bc5cdr"
RE_PUBTATOR = re.compile(r"^(\d+)\|([ta])\|(.*)$")
WARMUP_DOCS = 5


# --------------------------------------------------------------------------- corpus

def read_pubtator(paths: list[Path]) -> list[tuple[str, str]]:
    """Return (pmid, "title\\n\\nabstract") pairs in file order."""
    docs: dict[str, dict[str, str]] = {}
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for line in f:
                m = RE_PUBTATOR.match(line.rstrip("\n"))
                if m:
                    docs.setdefault(m.group(1), {})[m.group(2)] = m.group(3).strip()
    return [(pmid, f"{d.get('t', '')}\n\n{d.get('a', '')}\n") for pmid, d in docs.items()]


def n_words(text: str) -> int:
    return len(text.split())


def write_corpus(docs: list[tuple[str, str]], folder: Path, *, n_docs: int | None = None,
                 min_words: int | None = None) -> tuple[int, int]:
    """Write abstracts as .txt files until n_docs files or min_words words.

    Cycles through the abstracts again (with new file names) if more words are asked
    for than the corpus holds. Returns (files, words).
    """
    folder.mkdir(parents=True)
    files = words = 0
    i = 0
    while True:
        if n_docs is not None and files >= n_docs:
            break
        if min_words is not None and words >= min_words:
            break
        pmid, text = docs[i % len(docs)]
        rep = i // len(docs)
        name = f"{pmid}.txt" if rep == 0 else f"{pmid}-r{rep}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        files += 1
        words += n_words(text)
        i += 1
    return files, words


# --------------------------------------------------------------------------- child side

def _status_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _peak_self_mb() -> float:
    kb = _status_kb("VmHWM")
    if kb is None:  # no procfs: ru_maxrss is KiB on Linux
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024


def _rss_self_mb() -> float | None:
    kb = _status_kb("VmRSS")
    return kb / 1024 if kb is not None else None


def _count_rows(csv_path: Path) -> int | None:
    if not csv_path.is_file():
        return None
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def _report_summary(report) -> dict:
    """Pick small scalar fields out of whatever run_extract returns."""
    if report is None:
        return {}
    if hasattr(report, "__dataclass_fields__"):
        import dataclasses
        items = dataclasses.asdict(report).items()
    elif isinstance(report, dict):
        items = report.items()
    elif hasattr(report, "_asdict"):
        items = report._asdict().items()
    else:
        items = ((k, v) for k, v in vars(report).items()) if hasattr(report, "__dict__") else ()
    # Paths point into the deleted temporary directory: not worth printing.
    return {k: v for k, v in items
            if isinstance(v, (int, float, str, bool)) and not k.startswith("_")
            and k not in {"out_dir", "output", "csv_path", "path"}}


def child_blank(folder: Path, batch_size: int) -> dict:
    import spacy

    nlp = spacy.blank("en")
    setup_rss = _rss_self_mb()
    paths = sorted(folder.glob("*.txt"))
    t0 = time.perf_counter()
    texts = (p.read_text(encoding="utf-8") for p in paths)
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    elapsed = time.perf_counter() - t0
    return {"elapsed_s": elapsed, "tokens": tokens, "setup_rss_mb": setup_rss,
            "peak_rss_mb": _peak_self_mb()}


def child_claimx_api(folder: Path, warmup: Path, out_root: Path) -> dict:
    from claimx.runner import run_extract  # noqa: PLC0415  (optional, may be absent)

    import_rss = _rss_self_mb()
    t0 = time.perf_counter()
    run_extract([warmup], out_root / "warmup")
    cold = time.perf_counter() - t0
    setup_rss = _rss_self_mb()
    out_dir = out_root / "main"
    t0 = time.perf_counter()
    report = run_extract([folder], out_dir)
    elapsed = time.perf_counter() - t0
    return {"via": "api", "elapsed_s": elapsed, "cold_start_s": cold,
            "import_rss_mb": import_rss, "setup_rss_mb": setup_rss,
            "peak_rss_mb": _peak_self_mb(), "claims": _count_rows(out_dir / "claims.csv"),
            "report": _report_summary(report)}


def _claimx_cmd() -> list[str]:
    exe = shutil.which("claimx")
    return [exe] if exe else [sys.executable, "-m", "claimx"]


def child_claimx_cli(folder: Path, warmup: Path, out_root: Path) -> dict:
    """Run the CLI as this process's only child; RUSAGE_CHILDREN is then clean."""
    cmd = _claimx_cmd()
    t0 = time.perf_counter()
    subprocess.run([*cmd, "extract", str(warmup), "-o", str(out_root / "warmup")],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cold = time.perf_counter() - t0
    out_dir = out_root / "main"
    t0 = time.perf_counter()
    proc = subprocess.run([*cmd, "extract", str(folder), "-o", str(out_dir)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0 and not (out_dir / "claims.csv").is_file():
        raise RuntimeError(f"claimx CLI failed ({proc.returncode}): {proc.stderr[-2000:]}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"via": "cli", "elapsed_s": elapsed, "cold_start_s": cold,
            "note": "elapsed includes interpreter start-up and model loading",
            "peak_rss_mb": peak_kb / 1024, "claims": _count_rows(out_dir / "claims.csv"),
            "exit_code": proc.returncode}


def child_main(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    try:
        if args.child == "blank":
            result = child_blank(folder, args.batch_size)
        else:
            try:
                import claimx.runner  # noqa: F401, PLC0415
                have_api = True
            except Exception as exc:  # noqa: BLE001 - any import failure means "use the CLI"
                have_api = False
                import_error = f"{type(exc).__name__}: {exc}"
            if have_api:
                result = child_claimx_api(folder, Path(args.warmup), Path(args.out))
            else:
                result = child_claimx_cli(folder, Path(args.warmup), Path(args.out))
                result["api_import_error"] = import_error
        result["ok"] = True
    except Exception as exc:  # noqa: BLE001 - reported to the parent as a failed row
        result = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    print("BENCH_RESULT " + json.dumps(result, default=str))
    return 0


# --------------------------------------------------------------------------- parent side

def run_child(kind: str, folder: Path, *, warmup: Path | None = None,
              out: Path | None = None, batch_size: int = 256, timeout: float = 3600) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_child", kind,
           "--_folder", str(folder), "--batch-size", str(batch_size)]
    if warmup is not None:
        cmd += ["--_warmup", str(warmup)]
    if out is not None:
        cmd += ["--_out", str(out)]
    env = dict(os.environ)
    src = str(REPO / "src")  # use the working tree even if claimx is not installed
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": f"timed out after {timeout:.0f}s"}
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("BENCH_RESULT "):
            return json.loads(line[len("BENCH_RESULT "):])
    return {"ok": False, "error": f"child exited {proc.returncode}: {proc.stderr.strip()[-1500:]}"}


def fmt(value, spec: str = ",.0f", na: str = "-") -> str:
    return na if value is None else format(value, spec)


def print_table(rows: list[dict]) -> None:
    head = (f"{'run':34} {'files':>6} {'words':>9} {'time s':>8} {'words/s':>9} "
            f"{'setup MB':>9} {'peak MB':>8} {'claims':>7}")
    print(head)
    print("-" * len(head))
    for r in rows:
        res = r["result"]
        if not res.get("ok"):
            print(f"{r['name']:34} {r['files']:>6,} {r['words']:>9,}  FAILED: {res.get('error')}")
            continue
        wps = r["words"] / res["elapsed_s"] if res["elapsed_s"] else None
        print(f"{r['name']:34} {r['files']:>6,} {r['words']:>9,} {res['elapsed_s']:>8.1f} "
              f"{fmt(wps):>9} {fmt(res.get('setup_rss_mb')):>9} {fmt(res['peak_rss_mb']):>8} "
              f"{fmt(res.get('claims')):>7}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=200_000,
                    help="minimum words in the throughput corpus (default 200000)")
    ap.add_argument("--stream-n", type=int, default=750,
                    help="N for the streaming check: N vs 2N articles (default 750)")
    ap.add_argument("--batch-size", type=int, default=256, help="nlp.pipe batch size (blank)")
    ap.add_argument("--skip-claimx", action="store_true", help="only the blank tokeniser")
    ap.add_argument("--skip-stream", action="store_true", help="skip the N vs 2N check")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each measurement R times, report the fastest (default 1)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per run")
    ap.add_argument("--json", action="store_true", help="also print all results as JSON")
    ap.add_argument("--_child", choices=["blank", "claimx"], help=argparse.SUPPRESS)
    ap.add_argument("--_folder", help=argparse.SUPPRESS)
    ap.add_argument("--_warmup", help=argparse.SUPPRESS)
    ap.add_argument("--_out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._child:
        args.child, args.folder, args.warmup, args.out = (
            args._child, args._folder, args._warmup, args._out)
        return child_main(args)

    sources = sorted(BC5CDR_DIR.glob("*.PubTator.txt"))
    if not sources:
        print(f"SKIPPED: BC5CDR PubTator files not found in {BC5CDR_DIR} "
              f"(the shared data folder ../shared beside the repository is absent).")
        return 0
    docs = read_pubtator(sources)
    print(f"BC5CDR: {len(docs):,} abstracts, {sum(n_words(t) for _, t in docs):,} words "
          f"from {len(sources)} files")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {fmt(load, '.2f')}"
          f"{' (busy machine: timings are noisy, try --repeat 3)' if load and load > 0.5 * (os.cpu_count() or 1) else ''}")

    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="claimx-bench-") as tmp:
        tmp = Path(tmp)
        main_dir = tmp / "corpus"
        files, words = write_corpus(docs, main_dir, min_words=args.words)
        warm_dir = tmp / "warmup"
        write_corpus(docs, warm_dir, n_docs=WARMUP_DOCS)
        if words > sum(n_words(t) for _, t in docs):
            print(f"note: --words exceeds BC5CDR; abstracts repeat ({files:,} files)")

        def add(name: str, kind: str, folder: Path, n_files: int, n_w: int) -> dict:
            print(f"  running {name} ...", file=sys.stderr, flush=True)
            # Wall time on a shared machine is noisy: keep the fastest of --repeat runs
            # (peak RSS hardly varies between runs; the fastest run's figure is kept).
            res = {}
            for k in range(max(1, args.repeat)):
                out = tmp / f"out-{len(rows)}-{k}"
                r = run_child(kind, folder, warmup=warm_dir, out=out,
                              batch_size=args.batch_size, timeout=args.timeout)
                if not r.get("ok"):
                    res = r
                    break
                if not res or r["elapsed_s"] < res["elapsed_s"]:
                    res = r
            rows.append({"name": name, "files": n_files, "words": n_w, "result": res})
            return res

        add("spacy.blank('en') tokenise", "blank", main_dir, files, words)
        claimx_main = None
        if not args.skip_claimx:
            claimx_main = add("claimx extract", "claimx", main_dir, files, words)

        stream = []
        if not args.skip_claimx and not args.skip_stream:
            for n in (args.stream_n, 2 * args.stream_n):
                d = tmp / f"stream-{n}"
                f_n, w_n = write_corpus(docs, d, n_docs=n)
                stream.append((n, add(f"claimx extract, {n} articles", "claimx", d, f_n, w_n)))

    print()
    print_table(rows)
    print()
    print("words/s = whitespace words / wall time of the run (file reading, pipeline, CSV).")
    print("setup MB = RSS after loading (blank: spacy.blank; claimx: after a warm-up call); "
          "peak MB = VmHWM of the run's own process.")
    if claimx_main and claimx_main.get("ok"):
        print(f"claimx via {claimx_main.get('via')}; cold start (first call on "
              f"{WARMUP_DOCS} articles, incl. model load): {claimx_main['cold_start_s']:.1f} s")
        if claimx_main.get("api_import_error"):
            print(f"  (API import failed: {claimx_main['api_import_error']})")
        if claimx_main.get("report"):
            print(f"  report: {claimx_main['report']}")
        blank = rows[0]["result"]
        if blank.get("ok"):
            ratio = claimx_main["elapsed_s"] / blank["elapsed_s"]
            print(f"claimx is {ratio:,.0f}x slower than blank tokenisation, peak memory "
                  f"{claimx_main['peak_rss_mb'] - blank['peak_rss_mb']:+,.0f} MB.")
    if len(stream) == 2 and all(r.get("ok") for _, r in stream):
        (n1, r1), (n2, r2) = stream
        delta = r2["peak_rss_mb"] - r1["peak_rss_mb"]
        verdict = ("flat: memory does not grow with the number of articles"
                   if delta < max(25.0, 0.05 * r1["peak_rss_mb"])
                   else "GROWS with the number of articles (not streaming?)")
        print(f"streaming: peak {r1['peak_rss_mb']:,.0f} MB at {n1} articles, "
              f"{r2['peak_rss_mb']:,.0f} MB at {n2} ({delta:+,.0f} MB) -> {verdict}")
    if args.json:
        print(json.dumps(rows, indent=2, default=str))
    failed = [r["name"] for r in rows if not r["result"].get("ok")]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
