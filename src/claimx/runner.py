"""Orchestration outside the pipeline: files in, docs through `nlp.pipe`, rows out.

`iter_results` is the one loop; `run_extract` (the CLI's job) streams its rows to
OUT_DIR/claims.csv and `extract` (the Python API) collects them in a DataFrame.
Memory stays flat in the number of articles: docs are processed in small batches and
dropped once their rows are written.

Outputs are staged in a hidden folder inside OUT_DIR and moved into place only when
the run has finished, so an interrupted run leaves the previous outputs as they were.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .errors import ClaimxError, Errors, InputError, Skips
from .export import ClaimsCsvWriter, claim_rows, claims_frame, write_json
from .io import MAX_BYTES, iter_input_files, read_article
from .pipeline import describe, make_nlp
from .types import Article, PathLike

BATCH_SIZE = 16
MANIFEST = "manifest.json"
CLAIMS_CSV = "claims.csv"
TEXTS_DIR = "texts"

ErrorHandler = Callable[[InputError], None]


@dataclass
class FileResult:
    """What happened to one input file; `rows` and `text` are dropped once written."""

    path: str
    article: str
    status: str  # ok | error | skipped (a file in a folder that is not an article)
    code: str = ""
    reason: str = ""
    format: str = ""
    encoding: str = ""
    chars: int = 0
    sentences: int = 0
    claims: int = 0
    warnings: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list, repr=False)
    text: str = field(default="", repr=False)

    def manifest_entry(self) -> dict:
        if self.status == "skipped":  # a file that was never read has no counts
            return {"path": self.path, "article": self.article, "code": self.code, "reason": self.reason}
        return {k: v for k, v in vars(self).items() if k not in ("rows", "text")}


@dataclass
class RunReport:
    inputs: list[str]
    out_dir: str | None
    files: list[FileResult]
    pipeline: str
    started_at: str
    seconds: float
    options: dict = field(default_factory=dict)

    @property
    def articles(self) -> list[FileResult]:
        """The files claimx tried to read as articles (ok or failed)."""
        return [f for f in self.files if f.status != "skipped"]

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "error"]

    @property
    def skipped(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "skipped"]

    @property
    def n_claims(self) -> int:
        return sum(f.claims for f in self.files)

    def manifest(self) -> dict:
        return {
            "claimx_version": __version__,
            "pipeline": self.pipeline,
            "started_at": self.started_at,
            "seconds": round(self.seconds, 3),
            "inputs": self.inputs,
            "options": self.options,
            "totals": {"files": len(self.articles), "ok": len(self.articles) - len(self.failed),
                       "failed": len(self.failed), "skipped": len(self.skipped), "claims": self.n_claims},
            "files": [f.manifest_entry() for f in self.articles],
            "skipped": [f.manifest_entry() for f in self.skipped],
        }


def iter_results(paths: Iterable[PathLike], nlp: Language, *, batch_size: int = BATCH_SIZE,
                 max_bytes: int = MAX_BYTES, on_error: ErrorHandler | None = None,
                 exclude: Iterable[PathLike] = (), jobs: int = 1) -> Iterator[FileResult]:
    """One FileResult per input file, in input order, claims rows included; files in
    a folder that are not articles come as status "skipped".

    With `jobs` > 1, batches go to that many worker processes forked from this one (they
    share the loaded pipeline); at most 2 x `jobs` batches are in flight, so memory stays
    flat, and results still come out in input order.
    """
    batches = _batches(paths, batch_size=batch_size, max_bytes=max_bytes, on_error=on_error, exclude=exclude)
    if jobs <= 1:
        yield from _serial_results(batches, nlp, on_error)
    else:
        yield from _parallel_results(batches, nlp, jobs, on_error)


def _batches(paths, *, batch_size: int, max_bytes: int, on_error, exclude) -> Iterator[list[tuple[Article | None, FileResult]]]:
    # Failed and skipped files wait in the batch too, so that results come out in input order.
    batch: list[tuple[Article | None, FileResult]] = []
    n_articles = 0
    for entry in iter_input_files(paths, exclude=exclude):
        if entry.skip is not None:
            batch.append((None, FileResult(str(entry.path), entry.name, "skipped", code=entry.skip,
                                           reason=getattr(Skips, entry.skip))))
            continue
        try:
            if entry.error is not None:
                raise entry.error
            article = read_article(entry.path, entry.name, max_bytes=max_bytes)
        except InputError as err:
            batch.append((None, _failed(entry.path, entry.name, err, on_error)))
            continue
        batch.append((article, FileResult(str(entry.path), entry.name, "ok", format=article.format,
                                          encoding=article.encoding, chars=len(article.text),
                                          warnings=list(article.warnings), text=article.text)))
        n_articles += 1
        if n_articles >= batch_size:
            yield batch
            batch, n_articles = [], 0
    if batch:
        yield batch


def _articles(batch: list[tuple[Article | None, FileResult]]) -> list[Article]:
    return [article for article, _ in batch if article is not None]


def make_doc(nlp: Language, article: Article) -> Doc:
    """The article's text as a Doc, with the reader's headings and table rows as spans."""
    doc = nlp.make_doc(article.text)
    spans = []
    for h in article.headings:
        span = doc.char_span(h.start, h.end, label=f"h{h.level}", alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    doc.spans["headings"] = spans
    rows = (doc.char_span(r.start, r.end, label="header" if r.header else "row", alignment_mode="expand")
            for r in article.table_rows)
    doc.spans["table_rows"] = [row for row in rows if row is not None and len(row)]
    return doc


# What processing one article gives: (sentences, claims.csv rows), or the reason it failed.
Outcome = tuple[int, list[dict]] | str


def _outcomes(nlp: Language, articles: list[Article]) -> list[Outcome]:
    """Run the pipeline over a batch of articles; plain data out, so that a worker
    process can send it back."""
    try:
        docs: list[Doc | Exception] = list(nlp.pipe(make_doc(nlp, article) for article in articles))
    except Exception:  # noqa: BLE001 - find the article that broke the batch; the others go on
        docs = []
        for article in articles:
            try:
                docs.append(nlp(make_doc(nlp, article)))
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
                docs.append(exc)
    outcomes: list[Outcome] = []
    for article, doc in zip(articles, docs):
        if isinstance(doc, Exception):
            outcomes.append(f"{Errors.E011} ({type(doc).__name__}: {doc})")
        else:
            outcomes.append((sum(1 for _ in doc.sents), claim_rows(doc._.claims or [], article.name, article.text)))
    return outcomes


def _results(batch: list[tuple[Article | None, FileResult]], outcomes: list[Outcome], on_error) -> Iterator[FileResult]:
    processed = iter(outcomes)
    for article, result in batch:
        if article is None:
            yield result
            continue
        outcome = next(processed)
        if isinstance(outcome, str):
            yield _failed(article.path, article.name, InputError(article.path, "E011", outcome), on_error)
            continue
        result.sentences, result.rows = outcome
        result.claims = len(result.rows)
        yield result


def _serial_results(batches, nlp: Language, on_error) -> Iterator[FileResult]:
    for batch in batches:
        yield from _results(batch, _outcomes(nlp, _articles(batch)), on_error)


# The pipeline a forked worker inherits from the parent (set just before the fork).
_WORKER_NLP: Language | None = None


def _work(articles: list[Article]) -> list[Outcome]:
    assert _WORKER_NLP is not None, "claimx worker started without a pipeline"
    return _outcomes(_WORKER_NLP, articles)


def _parallel_results(batches, nlp: Language, jobs: int, on_error) -> Iterator[FileResult]:
    global _WORKER_NLP
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: one process
        yield from _serial_results(batches, nlp, on_error)
        return
    _WORKER_NLP = nlp
    pending: deque = deque()
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            for batch in batches:
                articles = _articles(batch)
                pending.append((batch, pool.submit(_work, articles) if articles else None))
                while len(pending) > 2 * jobs:
                    yield from _collect(*pending.popleft(), on_error)
            while pending:
                yield from _collect(*pending.popleft(), on_error)
    finally:
        _WORKER_NLP = None


def _collect(batch, future, on_error) -> Iterator[FileResult]:
    articles = _articles(batch)
    try:
        outcomes = future.result() if future is not None else []
    except Exception as exc:  # noqa: BLE001 - a worker that died fails its batch, not the run
        outcomes = [f"{Errors.E011} (worker process failed: {type(exc).__name__}: {exc})"] * len(articles)
    yield from _results(batch, outcomes, on_error)


def _failed(path, name: str, err: InputError, on_error: ErrorHandler | None) -> FileResult:
    if on_error is not None:
        on_error(err)
    return FileResult(str(path), name, "error", code=err.code, reason=err.reason)


def print_error(err: InputError) -> None:
    """One line on stderr: the file, the reason, the code."""
    print(_one_line(f"claimx: error: {err.path}: {err.reason} [{err.code}]"), file=sys.stderr)


def _print_warnings(result: FileResult) -> None:
    for warning in result.warnings:
        print(_one_line(f"claimx: warning: {result.path}: {warning}"), file=sys.stderr)


def _one_line(message: str) -> str:
    return " ".join(message.split())


def run_extract(paths: Iterable[PathLike], out_dir: PathLike, *, nlp: Language | None = None,
                batch_size: int = BATCH_SIZE, max_bytes: int = MAX_BYTES, write_texts: bool = True,
                force: bool = False, quiet: bool = False, jobs: int = 1,
                on_rows: Callable[[list[dict]], None] | None = None) -> RunReport:
    """Write OUT_DIR/claims.csv, OUT_DIR/manifest.json and OUT_DIR/texts/.

    texts/<article>.txt is the exact text each article's offsets refer to. All three
    are written to a staging folder and replace the previous outputs only at the end.

    Args:
        paths: files and folders to read.
        out_dir: the output folder (created if missing).
        nlp: the pipeline (default: `make_nlp()`).
        batch_size: articles per `nlp.pipe` batch.
        max_bytes: files larger than this fail with E006.
        write_texts: write texts/ (without it, an old texts/ is removed).
        force: replace a texts/ folder that claimx did not write.
        quiet: print nothing on stderr.
        on_rows: called with each article's rows (for `extract`).
        jobs: worker processes (forked, sharing the loaded pipeline); 1 runs in this one.

    Raises:
        ClaimxError: when OUT_DIR cannot be used; per-file problems never raise.
    """
    paths = [Path(p) for p in paths]
    started_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    started = time.perf_counter()
    out = Path(out_dir)
    _check_out_dir(out, force=force)
    nlp = nlp or make_nlp()
    stage = Path(tempfile.mkdtemp(prefix=".claimx-partial-", dir=out))
    try:
        files: list[FileResult] = []
        with ClaimsCsvWriter(stage / CLAIMS_CSV) as writer:
            # exclude=[out]: OUT_DIR inside an input folder must not be read as articles
            on_error = None if quiet else print_error
            for result in iter_results(paths, nlp, batch_size=batch_size, max_bytes=max_bytes,
                                       on_error=on_error, exclude=[out], jobs=jobs):
                if not quiet:
                    _print_warnings(result)
                if write_texts and result.status == "ok":
                    try:
                        _write_staged_text(stage / TEXTS_DIR / (result.article + ".txt"), result.text)
                    except OSError as exc:  # e.g. a file name too long once ".txt" is added
                        reason = f"{Errors.E014} ({exc.strerror or exc})"
                        result = _failed(result.path, result.article, InputError(result.path, "E014", reason), on_error)
                writer.write_rows(result.rows)
                if on_rows is not None:
                    on_rows(result.rows)
                result.rows, result.text = [], ""
                files.append(result)
        options = {"batch_size": batch_size, "max_bytes": max_bytes, "write_texts": write_texts, "jobs": jobs}
        report = RunReport([str(p) for p in paths], str(out), files, describe(nlp), started_at,
                           time.perf_counter() - started, options)
        write_json(stage / MANIFEST, report.manifest())
        _publish(stage, out, write_texts=write_texts)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return report


def _write_staged_text(path: Path, text: str) -> None:
    # No newline translation: offsets into the file must equal offsets into the text.
    # No fsync per file either: the whole stage is published by rename at the end.
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def _check_out_dir(out: Path, *, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise ClaimxError(f"{out}: {Errors.E101}")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ClaimxError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise ClaimxError(f"{out}: the output folder is not writable")
    if (out / TEXTS_DIR).exists() and not force and not _is_claimx_manifest(out / MANIFEST):
        # texts/ is replaced wholesale: make sure it is ours before we do that.
        raise ClaimxError(f"{out}: {Errors.E102}")


def _is_claimx_manifest(path: Path) -> bool:
    try:
        return "claimx_version" in json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return False


def _publish(stage: Path, out: Path, *, write_texts: bool) -> None:
    """Move the staged outputs into OUT_DIR: texts/, then claims.csv, manifest.json last
    (a manifest in OUT_DIR means the outputs beside it are complete)."""
    old_texts = out / TEXTS_DIR
    if old_texts.exists():
        os.replace(old_texts, stage / "old-texts")  # removed with the stage
    if write_texts:
        (stage / TEXTS_DIR).mkdir(exist_ok=True)  # an empty run still has texts/
        os.replace(stage / TEXTS_DIR, old_texts)
    os.replace(stage / CLAIMS_CSV, out / CLAIMS_CSV)
    os.replace(stage / MANIFEST, out / MANIFEST)


def extract(paths: PathLike | Iterable[PathLike], *, nlp: Language | None = None,
            out_dir: PathLike | None = None, batch_size: int = BATCH_SIZE,
            max_bytes: int = MAX_BYTES, quiet: bool = False, jobs: int = 1):
    """Claims of the articles under `paths` as a pandas DataFrame.

    The rows and values are those of claims.csv (`export.read_claims_csv` reads that
    file back into an equal frame); cells are not neutralised for spreadsheets here.
    Files that fail are left out, each with a `UserWarning` (unless `quiet`);
    `frame.attrs["files"]` holds every article file's manifest entry and
    `frame.attrs["skipped"]` the files in the folders that are not articles.

    Args:
        paths: a file or folder, or several.
        nlp: the pipeline (default: `make_nlp()`).
        out_dir: also write claims.csv, manifest.json and texts/ there.
        batch_size: articles per `nlp.pipe` batch.
        max_bytes: files larger than this fail with E006.
        quiet: no warnings for failed files.
        jobs: worker processes (see `run_extract`).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    nlp = nlp or make_nlp()
    rows: list[dict] = []
    if out_dir is not None:
        files = run_extract(paths, out_dir, nlp=nlp, batch_size=batch_size, max_bytes=max_bytes,
                            quiet=True, on_rows=rows.extend, jobs=jobs).files
    else:
        files = []
        for result in iter_results(paths, nlp, batch_size=batch_size, max_bytes=max_bytes, jobs=jobs):
            rows.extend(result.rows)
            result.rows, result.text = [], ""
            files.append(result)
    if not quiet:
        for failed in (f for f in files if f.status == "error"):
            warnings.warn(f"claimx: {failed.path}: {failed.reason} [{failed.code}]", UserWarning, stacklevel=2)
    frame = claims_frame(rows)
    frame.attrs["files"] = [f.manifest_entry() for f in files if f.status != "skipped"]
    frame.attrs["skipped"] = [f.manifest_entry() for f in files if f.status == "skipped"]
    return frame
