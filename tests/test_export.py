"""claims.csv rows: ids, spreadsheet safety, quoting, atomic writes, reading back."""
from __future__ import annotations

import csv
import json
import os

import pytest

from claimx.claims import Claim, Mention
from claimx.export import (CSV_FIELDS, ClaimsCsvWriter, atomic_open, claim_rows, iter_claims_csv,
                           read_claims_csv, spreadsheet_safe, spreadsheet_value, write_json)

TEXT = "Ketamine eases pain.\nKetamine eases pain.\nLithium prevents mania, and lithium prevents mania."


def _claim(sentence: str, start: int, intervention: str = "Ketamine", condition: str = "pain", **extra) -> Claim:
    fields = dict(
        sentence_index=0, start_char=start, end_char=start + len(sentence), sentence=sentence, section="",
        intervention=Mention(intervention, intervention, "DRUG"), condition=Mention(condition, condition, "DISEASE"),
        relation="causal", mechanism=(), hedge_level="asserted", hedge_cues=(), negated=False,
        negation_cues=(), evidence=(), trigger="eases")
    fields.update(extra)
    return Claim(**fields)


@pytest.mark.parametrize("value,safe", [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+1 improvement", "'+1 improvement"),
    ("-5 points", "'-5 points"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\tTabbed", "'\tTabbed"),
    ("\rReturn", "'\rReturn"),
    ("'quoted already", "''quoted already"),
    ("Plain = text", "Plain = text"),
    ("", ""),
    (12, 12),
    (True, True),
])
def test_export_spreadsheet_safe(value, safe):
    assert spreadsheet_safe(value) == safe
    if isinstance(value, str):
        assert spreadsheet_value(safe) == value


def test_export_claim_ids_stable_unique_and_offset_free():
    first, second = TEXT.index("Ketamine"), TEXT.index("Ketamine", 1)
    lithium = TEXT.index("Lithium")
    claims = [_claim("Ketamine eases pain.", first), _claim("Ketamine eases pain.", second),
              _claim("Lithium prevents mania, and lithium prevents mania.", lithium, "Lithium", "mania"),
              _claim("Lithium prevents mania, and lithium prevents mania.", lithium, "lithium", "mania")]
    rows = claim_rows(claims, "a.txt", TEXT)
    ids = [r["claim_id"] for r in rows]
    assert len(set(ids)) == 4  # repeated sentence and repeated pair still get their own ids
    assert ids == [r["claim_id"] for r in claim_rows(claims, "a.txt", TEXT)]
    assert ids != [r["claim_id"] for r in claim_rows(claims, "b.txt", TEXT)]
    # Text added before the claims shifts every offset but no id.
    shifted = [_claim(c.sentence, c.start_char + 7, c.intervention.norm, c.condition.norm) for c in claims]
    assert [r["claim_id"] for r in claim_rows(shifted, "a.txt", "Added. " + TEXT)] == ids


def test_export_row_has_every_field_and_joins_lists():
    claim = _claim("Ketamine eases pain.", 0, mechanism=("NMDA receptor", "glutamate"), hedge_cues=("may",))
    row = claim_rows([claim], "a.txt", TEXT)[0]
    assert tuple(row) == CSV_FIELDS
    assert row["mechanism"] == "NMDA receptor;glutamate"
    assert row["hedge_cues"] == "may"
    assert row["claim_strength"] == "direct_causal"


def test_export_csv_bom_quoting_and_formula_cells(tmp_path):
    sentences = ["=cmd ketamine", "+1 lithium", "@SUM(A1) metformin", 'A "quoted", two-line\nsentence']
    rows = [claim_rows([_claim(s, 0)], "a.txt", s)[0] for s in sentences]
    path = tmp_path / "claims.csv"
    with ClaimsCsvWriter(path) as writer:
        writer.write_rows(rows)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + b"claim_id,article,")
    assert b'"A ""quoted"", two-line\nsentence"' in raw
    with open(path, encoding="utf-8-sig", newline="") as f:
        cells = [r["sentence"] for r in csv.DictReader(f)]
    assert cells == ["'=cmd ketamine", "'+1 lithium", "'@SUM(A1) metformin", 'A "quoted", two-line\nsentence']
    assert [r["sentence"] for r in iter_claims_csv(path)] == sentences


def test_export_read_claims_csv_restores_types(tmp_path):
    rows = claim_rows([_claim("Ketamine eases pain.", 0, negated=True)], "a.txt", TEXT)
    path = tmp_path / "claims.csv"
    with ClaimsCsvWriter(path) as writer:
        writer.write_rows(rows)
    frame = read_claims_csv(path)
    assert list(frame.columns) == list(CSV_FIELDS)
    assert frame.to_dict("records") == rows
    assert read_claims_csv(_empty_csv(tmp_path)).empty


def _empty_csv(tmp_path):
    path = tmp_path / "empty.csv"
    with ClaimsCsvWriter(path):
        pass
    return path


def test_export_csv_writer_error_keeps_previous_file(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text("previous good file", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with ClaimsCsvWriter(path) as writer:
            writer.write_rows(claim_rows([_claim("Ketamine eases pain.", 0)], "a.txt", TEXT))
            raise RuntimeError("interrupted")
    assert path.read_text(encoding="utf-8") == "previous good file"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]  # no temporary file left


def test_export_atomic_open_and_json(tmp_path):
    path = tmp_path / "manifest.json"
    write_json(path, {"ok": "é"})
    assert json.loads(path.read_text(encoding="utf-8")) == {"ok": "é"}
    with pytest.raises(KeyboardInterrupt):
        with atomic_open(path) as f:
            f.write("{half")
            raise KeyboardInterrupt
    assert json.loads(path.read_text(encoding="utf-8")) == {"ok": "é"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manifest.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # as open() would make it, not mkstemp's 0600
