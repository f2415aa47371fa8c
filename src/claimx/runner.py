"""Orchestration outside the pipeline: files in, docs through `nlp.pipe`, rows out.

`iter_results` is the one loop; `run_extract` (the CLI's job) streams its rows to
OUT_DIR/claims.csv and `extract` (the Python API) collects them in a DataFrame.
Memory stays flat in the number of articles: docs are processed in small batches and
dropped once their rows are written.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .errors import InputError
from .export import CSV_FIELDS, ClaimsCsvWriter, claim_to_row, write_json, write_text
from .io import iter_input_files, read_article
from .io.discover import InputFile
from .pipeline import describe, make_nlp
from .types import Article, PathLike

BATCH_SIZE = 16


@dataclass
class FileResult:
    path: str
    article: str
    status: str  # ok | error
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


@dataclass
class RunReport:
    out_dir: str | None
    files: list[FileResult]
    pipeline: str
    seconds: float

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status != "ok"]

    @property
    def n_claims(self) -> int:
        return sum(f.claims for f in self.files)

    def manifest(self) -> dict:
        return {
            "claimx_version": __version__,
            "pipeline": self.pipeline,
            "seconds": round(self.seconds, 3),
            "totals": {"files": len(self.files), "ok": len(self.files) - len(self.failed),
                       "failed": len(self.failed), "claims": self.n_claims},
            "files": [{k: v for k, v in vars(f).items() if k not in ("rows", "text")} for f in self.files],
        }


def article_names(paths: Iterable[PathLike]) -> Iterator[InputFile]:
    """Input files named relative to their root; with several roots, the root's own
    name is kept in front so that names stay unique."""
    paths = [Path(p) for p in paths]
    several = len(paths) > 1
    for root in paths:
        for entry in iter_input_files([root]):
            name = entry.name
            if several and root.is_dir():
                name = f"{root.resolve().name}/{name}"
            yield InputFile(entry.path, name, entry.error)


def iter_results(paths: Iterable[PathLike], nlp: Language, *, batch_size: int = BATCH_SIZE,
                 on_error=None) -> Iterator[FileResult]:
    """One FileResult per input file, in input order, claims rows included."""
    batch: list[tuple[Article, FileResult]] = []
    for entry in article_names(paths):
        if entry.error is not None:
            yield _failed(entry.path, entry.name, entry.error, on_error)
            continue
        try:
            article = read_article(entry.path, entry.name)
        except InputError as err:
            yield _failed(entry.path, entry.name, err, on_error)
            continue
        batch.append((article, FileResult(str(entry.path), entry.name, "ok", format=article.format,
                                          encoding=article.encoding, chars=len(article.text),
                                          warnings=list(article.warnings), text=article.text)))
        if len(batch) >= batch_size:
            yield from _process(batch, nlp, on_error)
            batch = []
    if batch:
        yield from _process(batch, nlp, on_error)


def make_doc(nlp: Language, article: Article) -> Doc:
    """The article's text as a Doc, with the reader's headings as spans."""
    doc = nlp.make_doc(article.text)
    spans = []
    for h in article.headings:
        span = doc.char_span(h.start, h.end, label=f"h{h.level}", alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    doc.spans["headings"] = spans
    return doc


def _process(batch, nlp: Language, on_error) -> Iterator[FileResult]:
    docs = [make_doc(nlp, article) for article, _ in batch]
    try:
        processed = list(nlp.pipe(docs))
    except Exception:  # find the article that broke the batch; the others go on
        processed = []
        for (article, result), doc in zip(batch, docs):
            try:
                processed.append(nlp(make_doc(nlp, article)))
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
                processed.append(exc)
    for (article, result), doc in zip(batch, processed):
        if isinstance(doc, Exception):
            yield _failed(article.path, article.name,
                          InputError(article.path, "E011", f"pipeline error ({type(doc).__name__}: {doc})"), on_error)
            continue
        claims = doc._.claims or []
        result.sentences = sum(1 for _ in doc.sents)
        result.claims = len(claims)
        result.rows = [claim_to_row(c, article.name) for c in claims]
        yield result


def _failed(path, name: str, err: InputError, on_error) -> FileResult:
    if on_error is not None:
        on_error(err)
    return FileResult(str(path), name, "error", code=err.code, reason=err.reason)


def _print_error(err: InputError) -> None:
    print(f"claimx: error: {err.path}: {err.reason} [{err.code}]", file=sys.stderr)


def run_extract(paths: Iterable[PathLike], out_dir: PathLike, *, nlp: Language | None = None,
                batch_size: int = BATCH_SIZE, write_texts: bool = True, quiet: bool = False) -> RunReport:
    """Write OUT_DIR/claims.csv, OUT_DIR/manifest.json and OUT_DIR/texts/ (the exact
    text each article's offsets refer to)."""
    started = time.perf_counter()
    nlp = nlp or make_nlp()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files: list[FileResult] = []
    with ClaimsCsvWriter(out / "claims.csv") as writer:
        for result in iter_results(paths, nlp, batch_size=batch_size, on_error=None if quiet else _print_error):
            writer.write_rows(result.rows)
            if write_texts and result.status == "ok":
                write_text(out / "texts" / (result.article + ".txt"), result.text)
            result.rows = []
            result.text = ""
            files.append(result)
    report = RunReport(str(out), files, describe(nlp), time.perf_counter() - started)
    write_json(out / "manifest.json", report.manifest())
    return report


def extract(paths: PathLike | Iterable[PathLike], *, nlp: Language | None = None,
            out_dir: PathLike | None = None):
    """Claims of the articles under `paths` as a pandas DataFrame (the rows of claims.csv)."""
    import pandas as pd

    if isinstance(paths, (str, Path)):
        paths = [paths]
    nlp = nlp or make_nlp()
    if out_dir is not None:
        run_extract(paths, out_dir, nlp=nlp, quiet=True)
        return pd.read_csv(Path(out_dir) / "claims.csv", encoding="utf-8-sig", keep_default_na=False)
    rows = []
    for result in iter_results(paths, nlp):
        rows.extend(result.rows)
    return pd.DataFrame(rows, columns=list(CSV_FIELDS))
