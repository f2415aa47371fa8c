"""Rows of claims.csv, safe for spreadsheets, and atomic writes of output files."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .claims import Claim
from .strength import claim_strength
from .types import PathLike

CSV_FIELDS: tuple[str, ...] = (
    "claim_id", "article", "section", "sentence_index", "start_char", "end_char", "sentence",
    "intervention", "condition", "relation", "mechanism", "hedge_level", "hedge_cues",
    "claim_strength", "evidence", "negated", "negation_cues", "implicit",
    "intervention_text", "intervention_norm", "intervention_id", "intervention_label",
    "condition_text", "condition_norm", "condition_id", "trigger", "is_heading",
)
INT_FIELDS: tuple[str, ...] = ("sentence_index", "start_char", "end_char")
BOOL_FIELDS: tuple[str, ...] = ("negated", "implicit", "is_heading")
LIST_SEPARATOR = ";"
# A cell starting with one of these runs as a formula in Excel/LibreOffice/Sheets
# (OWASP "CSV injection"). "'" is the neutralising prefix itself: a cell that starts
# with it gets one more, so that dropping the first "'" always restores the value.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_NEUTRALISER = "'"


def claim_rows(claims: Iterable[Claim], article: str, text: str) -> list[dict]:
    """The CSV rows of one article's claims, with ids unique within the article.

    Args:
        claims: the article's claims (`doc._.claims`).
        article: the article's name (path relative to the input root).
        text: the article text the claims' offsets refer to.
    """
    rows = []
    seen: Counter[str] = Counter()
    for claim in claims:
        occurrence = text.count(claim.sentence, 0, claim.start_char) if claim.sentence else claim.start_char
        key = claim_key(article, claim, occurrence)
        seen[key] += 1
        if seen[key] > 1:  # the same pair twice in one sentence: still one id per row
            key += f"\x1f{seen[key]}"
        rows.append(claim_to_row(claim, article, claim_id=_hash(key)))
    return rows


def claim_key(article: str, claim: Claim, occurrence: int = 0) -> str:
    """What a claim's id is built from: the article, the sentence's text and which
    occurrence of that sentence it is, and the pair. Offsets are left out on purpose,
    so editing one paragraph does not renumber the claims of the others."""
    return "\x1f".join([article, claim.sentence, str(occurrence),
                        claim.intervention.norm.lower(), claim.condition.norm.lower()])


def _hash(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def claim_to_row(claim: Claim, article: str, *, claim_id: str | None = None) -> dict:
    iv, cond = claim.intervention, claim.condition
    return {
        "claim_id": claim_id or _hash(claim_key(article, claim)),
        "article": article,
        "section": claim.section,
        "sentence_index": claim.sentence_index,
        "start_char": claim.start_char,
        "end_char": claim.end_char,
        "sentence": claim.sentence,
        "intervention": iv.display,
        "condition": cond.display,
        "relation": claim.relation,
        "mechanism": LIST_SEPARATOR.join(claim.mechanism),
        "hedge_level": claim.hedge_level,
        "hedge_cues": LIST_SEPARATOR.join(claim.hedge_cues),
        "claim_strength": claim_strength(claim.relation, claim.hedge_level),
        "evidence": LIST_SEPARATOR.join(claim.evidence),
        "negated": claim.negated,
        "negation_cues": LIST_SEPARATOR.join(claim.negation_cues),
        "implicit": claim.implicit,
        "intervention_text": iv.text,
        "intervention_norm": iv.norm,
        "intervention_id": iv.kb_id,
        "intervention_label": iv.label,
        "condition_text": cond.text,
        "condition_norm": cond.norm,
        "condition_id": cond.kb_id,
        "trigger": claim.trigger,
        "is_heading": claim.is_heading,
    }


def spreadsheet_safe(value):
    """Neutralise a cell a spreadsheet would run as a formula: prefix it with "'"."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return _NEUTRALISER + value
    return value


def spreadsheet_value(cell: str) -> str:
    """The value `spreadsheet_safe` neutralised (its inverse on strings)."""
    return cell[1:] if cell.startswith(_NEUTRALISER) else cell


class ClaimsCsvWriter:
    """Streams rows to a temporary file; `commit()` moves it into place atomically.

    The file is UTF-8 with a BOM (spreadsheets detect UTF-8 by it), with CRLF line ends
    and fields quoted when they hold a separator, quote or line break (RFC 4180).
    """

    def __init__(self, path: PathLike) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self._tmp = Path(tmp)
        _default_permissions(fd)
        self._file = os.fdopen(fd, "w", encoding="utf-8-sig", newline="")
        self._writer = csv.DictWriter(self._file, fieldnames=CSV_FIELDS, extrasaction="ignore")
        self._writer.writeheader()
        self.rows = 0

    def write_rows(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self._writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
            self.rows += 1

    def commit(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        if not self._file.closed:
            self._file.close()
        self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> "ClaimsCsvWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            self.commit()
        else:
            self.abort()
        return False


def iter_claims_csv(path: PathLike) -> Iterator[dict]:
    """Rows of a claims.csv as claimx produced them: values restored, ints and bools typed."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            row = {k: spreadsheet_value(v) for k, v in row.items()}
            for name in INT_FIELDS:
                row[name] = int(row[name])
            for name in BOOL_FIELDS:
                row[name] = row[name] == "True"
            yield row


def read_claims_csv(path: PathLike):
    """claims.csv as a pandas DataFrame equal to `claimx.extract()`'s for the same run."""
    return claims_frame(iter_claims_csv(path))


def claims_frame(rows: Iterable[dict]):
    """Rows as a DataFrame with CSV_FIELDS as columns (also when there are no rows)."""
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=list(CSV_FIELDS))
    return frame.astype({**{name: "int64" for name in INT_FIELDS}, **{name: "bool" for name in BOOL_FIELDS}})


@contextmanager
def atomic_open(path: PathLike, mode: str = "w", encoding: str = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside `path`; it replaces `path` only if the block ends
    without an exception, so readers never see a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    _default_permissions(fd)
    try:
        if "b" in mode:
            f = os.fdopen(fd, mode)
        else:
            f = os.fdopen(fd, mode, encoding=encoding, newline="")
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _default_permissions(fd: int) -> None:
    """mkstemp makes files private (0600); outputs get the permissions of a plain open()."""
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)


def write_json(path: PathLike, data) -> None:
    with atomic_open(path) as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
        f.write("\n")


def write_text(path: PathLike, text: str) -> None:
    """Write `text` exactly (no newline translation), so offsets into it hold."""
    with atomic_open(path) as f:
        f.write(text)
