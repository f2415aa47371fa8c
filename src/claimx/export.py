"""Rows of claims.csv, safe for spreadsheets, and atomic writes of output files."""
from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from .claims import Claim
from .strength import claim_strength

CSV_FIELDS: tuple[str, ...] = (
    "claim_id", "article", "section", "sentence_index", "start_char", "end_char", "sentence",
    "intervention", "condition", "relation", "mechanism", "hedge_level", "hedge_cues",
    "claim_strength", "evidence", "negated", "negation_cues", "implicit",
    "intervention_text", "intervention_norm", "intervention_id", "intervention_label",
    "condition_text", "condition_norm", "condition_id", "trigger", "is_heading",
)
LIST_SEPARATOR = ";"
# A cell starting with one of these runs as a formula in Excel/LibreOffice/Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def claim_to_row(claim: Claim, article: str) -> dict:
    iv, cond = claim.intervention, claim.condition
    return {
        "claim_id": claim.claim_id(article),
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
    """Neutralise a cell a spreadsheet would run as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class ClaimsCsvWriter:
    """Streams rows to a temporary file; `commit()` moves it into place atomically."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self._tmp = Path(tmp)
        # utf-8-sig: spreadsheets detect UTF-8 by the BOM; newline="" lets csv write \r\n
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

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.commit()
        else:
            self.abort()
        return False


@contextmanager
def atomic_open(path: Path, mode: str = "w", encoding: str = "utf-8"):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline="" if "b" not in mode else None) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(path: Path, data) -> None:
    with atomic_open(path) as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
        f.write("\n")


def write_text(path: Path, text: str) -> None:
    with atomic_open(path) as f:
        f.write(text)
