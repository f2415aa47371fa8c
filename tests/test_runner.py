"""The run: files in, claims.csv / manifest.json / texts/ out, bad files recorded, atomic."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from spacy.language import Language

import claimx
from claimx.errors import ClaimxError
from claimx.export import CSV_FIELDS, iter_claims_csv, read_claims_csv
from claimx.runner import extract, run_extract


def _manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def _rows(out: Path) -> list[dict]:
    return list(iter_claims_csv(out / "claims.csv"))


def test_runner_offsets_point_into_texts_for_every_row(corpus, tmp_path, nlp):
    # Legacy and UTF-16 files with CRLF line ends: texts/ holds the decoded text.
    (corpus / "legacy.txt").write_bytes(
        "Caf\u00e9 Talk\r\n\u201cAspirin reduces the risk of stroke,\u201d said Dr. M\u00fcller.\r\n".encode("cp1252"))
    (corpus / "wide.md").write_bytes("# Wide\r\n\r\nLithium prevents mania in bipolar disorder.\r\n".encode("utf-16"))
    out = tmp_path / "out"
    report = run_extract([corpus], out, nlp=nlp, quiet=True)
    assert not report.failed
    rows = _rows(out)
    assert {r["article"] for r in rows} == {"creatine.html", "legacy.txt", "magnesium.txt", "sub/ketamine.md",
                                            "wide.md"}
    for row in rows:
        # As a user would: the text file as it is on disk, no newline translation.
        with open(out / "texts" / (row["article"] + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        assert text[row["start_char"]:row["end_char"]] == row["sentence"], row


def test_runner_sections_from_headings_of_each_format(corpus, tmp_path, nlp):
    out = tmp_path / "out"
    run_extract([corpus], out, nlp=nlp, quiet=True)
    sections = {(r["article"], r["sentence"].split()[0]): r["section"] for r in _rows(out)}
    assert sections[("magnesium.txt", "Lithium")] == "Other Uses"
    assert sections[("sub/ketamine.md", "Lithium")].endswith("Setext Section")
    assert sections[("creatine.html", "Metformin")].endswith("What the trials found")


def test_runner_manifest_records_files_inputs_and_run(corpus, tmp_path, nlp):
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    report = run_extract([corpus, tmp_path / "missing.md"], out, nlp=nlp, quiet=True)
    manifest = _manifest(out)
    assert manifest["claimx_version"] == claimx.__version__
    assert "claimx_claims" in manifest["pipeline"]
    assert manifest["inputs"] == [str(corpus), str(tmp_path / "missing.md")]
    assert datetime.fromisoformat(manifest["started_at"]).tzinfo is not None
    files = {f["article"]: f for f in manifest["files"]}
    assert list(files) == ["articles/creatine.html", "articles/empty.txt", "articles/magnesium.txt",
                           "articles/sub/ketamine.md", "missing.md"]
    assert files["articles/empty.txt"]["status"] == "error"
    assert (files["articles/empty.txt"]["code"], files["articles/empty.txt"]["reason"]) == ("E003", "file is empty")
    assert files["missing.md"]["code"] == "E001"
    ok = files["articles/magnesium.txt"]
    assert ok["status"] == "ok" and ok["format"] == "txt" and ok["encoding"] == "utf-8"
    assert ok["chars"] == len((corpus / "magnesium.txt").read_text(encoding="utf-8"))
    assert ok["sentences"] >= 4 and ok["claims"] >= 3
    assert manifest["totals"] == {"files": 5, "ok": 3, "failed": 2, "skipped": 0, "claims": len(_rows(out))}
    assert sum(f["claims"] for f in manifest["files"]) == len(_rows(out)) == report.n_claims


def test_runner_lists_files_that_are_not_articles(corpus, tmp_path, nlp):
    (corpus / "README.md").write_text("# Articles\n\nKetamine reduces depression.\n", encoding="utf-8")
    (corpus / "sub" / "figure.png").write_bytes(b"\x89PNG\r\n")
    out = tmp_path / "out"
    report = run_extract([corpus], out, nlp=nlp, quiet=True)
    manifest = _manifest(out)
    # The README's sentence is a claim, but the README is the folder's documentation.
    assert "README.md" not in {r["article"] for r in _rows(out)}
    assert [(f["article"], f["code"]) for f in manifest["skipped"]] == [("README.md", "S002"),
                                                                       ("sub/figure.png", "S001")]
    assert manifest["totals"]["skipped"] == 2 and manifest["totals"]["files"] == 3
    assert "README.md" not in {f["article"] for f in manifest["files"]}
    assert not report.failed


def test_runner_bad_files_reported_one_line_each_and_run_goes_on(corpus, tmp_path, nlp, capsys):
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (corpus / "big.md").write_text("Ketamine may ease pain. " * 100, encoding="utf-8")
    (corpus / "dangling.html").symlink_to(tmp_path / "nowhere.html")
    out = tmp_path / "out"
    report = run_extract([corpus], out, nlp=nlp, max_bytes=1500)
    errors = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert sorted(errors) == sorted([
        f"claimx: error: {corpus / 'big.md'}: file is larger than the size limit (2400 > 1500 bytes) [E006]",
        f"claimx: error: {corpus / 'binary.txt'}: file looks binary [E004]",
        f"claimx: error: {corpus / 'dangling.html'}: dangling symbolic link (to {tmp_path / 'nowhere.html'}) [E012]",
    ])
    assert {f.article for f in report.failed} == {"big.md", "binary.txt", "dangling.html"}
    assert {r["article"] for r in _rows(out)} == {"creatine.html", "magnesium.txt", "sub/ketamine.md"}
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["creatine.html.txt", "magnesium.txt.txt", "sub"]


def test_runner_pipeline_error_fails_only_that_article(corpus, tmp_path, nlp):
    @Language.component("test_runner_boom")
    def boom(doc):
        if "Lithium" in doc.text and "Magnesium" in doc.text:
            raise ValueError("component failed")
        return doc

    nlp.add_pipe("test_runner_boom", first=True)
    try:
        report = run_extract([corpus], tmp_path / "out", nlp=nlp, quiet=True)
    finally:
        nlp.remove_pipe("test_runner_boom")
    failed = {f.article: (f.code, f.reason) for f in report.failed}
    assert failed == {"magnesium.txt": ("E011", "pipeline error (ValueError: component failed)")}
    assert {r["article"] for r in _rows(tmp_path / "out")} == {"creatine.html", "sub/ketamine.md"}


def test_runner_interrupted_run_keeps_previous_outputs(corpus, tmp_path, nlp, monkeypatch):
    out = tmp_path / "out"
    run_extract([corpus], out, nlp=nlp, quiet=True)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (corpus / "magnesium.txt").write_text("Changed\nAspirin reduces the risk of stroke.\n", encoding="utf-8")

    calls = []

    def fail_on_last_article(claims, article, text):
        calls.append(article)
        if len(calls) == 3:  # after magnesium.txt, whose text changed, was processed
            raise KeyboardInterrupt  # as if the user pressed Ctrl-C mid-run
        return []

    monkeypatch.setattr("claimx.runner.claim_rows", fail_on_last_article)
    with pytest.raises(KeyboardInterrupt):
        run_extract([corpus], out, nlp=nlp, quiet=True, batch_size=1)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # claims.csv, manifest.json and texts/ untouched, no staging left


def test_runner_rerun_replaces_texts_and_drops_stale_ones(corpus, tmp_path, nlp):
    out = tmp_path / "out"
    run_extract([corpus], out, nlp=nlp, quiet=True)
    (corpus / "creatine.html").unlink()
    run_extract([corpus], out, nlp=nlp, quiet=True)
    assert sorted(p.relative_to(out / "texts").as_posix() for p in (out / "texts").rglob("*.txt")) == [
        "magnesium.txt.txt", "sub/ketamine.md.txt"]
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_runner_output_inside_input_folder_is_not_read_back(corpus, nlp):
    out = corpus / "out"
    run_extract([corpus], out, nlp=nlp, quiet=True)
    report = run_extract([corpus], out, nlp=nlp, quiet=True)
    assert [f.article for f in report.files] == ["creatine.html", "magnesium.txt", "sub/ketamine.md"]


def test_runner_refuses_foreign_texts_folder_without_force(corpus, tmp_path, nlp):
    out = tmp_path / "out"
    (out / "texts").mkdir(parents=True)
    (out / "texts" / "mine.txt").write_text("user data", encoding="utf-8")
    with pytest.raises(ClaimxError, match="texts/"):
        run_extract([corpus], out, nlp=nlp, quiet=True)
    assert (out / "texts" / "mine.txt").exists()
    run_extract([corpus], out, nlp=nlp, quiet=True, force=True)
    assert not (out / "texts" / "mine.txt").exists()


def test_runner_output_path_that_is_a_file(corpus, tmp_path, nlp):
    out = tmp_path / "out"
    out.write_text("x", encoding="utf-8")
    with pytest.raises(ClaimxError, match="not a folder"):
        run_extract([corpus], out, nlp=nlp, quiet=True)


def test_runner_claim_ids_stable_across_runs_and_other_articles_edits(corpus, tmp_path, nlp):
    run_extract([corpus], tmp_path / "one", nlp=nlp, quiet=True)
    run_extract([corpus], tmp_path / "two", nlp=nlp, quiet=True)
    first = _rows(tmp_path / "one")
    assert [r["claim_id"] for r in first] == [r["claim_id"] for r in _rows(tmp_path / "two")]
    assert len({r["claim_id"] for r in first}) == len(first)

    md = corpus / "sub" / "ketamine.md"
    md.write_text(md.read_text(encoding="utf-8") + "\nMetformin lowers blood sugar in type 2 diabetes.\n",
                  encoding="utf-8")
    run_extract([corpus], tmp_path / "three", nlp=nlp, quiet=True)
    third = _rows(tmp_path / "three")

    def ids(rows, article):
        return [r["claim_id"] for r in rows if r["article"] == article]

    for article in ("creatine.html", "magnesium.txt"):
        assert ids(third, article) == ids(first, article)
    assert len(ids(third, "sub/ketamine.md")) > len(ids(first, "sub/ketamine.md"))


def test_runner_formula_like_sentences_are_neutralised(tmp_path, nlp):
    root = tmp_path / "in"
    root.mkdir()
    (root / "f.txt").write_text(
        "Formula Test\n"
        "=cmd Ketamine reduces symptoms of depression within hours.\n"
        "+1 Lithium prevents relapse in bipolar disorder.\n"
        "@SUM(A1) Metformin lowers blood sugar in type 2 diabetes.\n", encoding="utf-8")
    out = tmp_path / "out"
    run_extract([root], out, nlp=nlp, quiet=True)
    with open(out / "claims.csv", encoding="utf-8-sig", newline="") as f:
        raw_sentences = {r["sentence"] for r in __import__("csv").DictReader(f)}
    assert {"'=cmd Ketamine reduces symptoms of depression within hours.",
            "'+1 Lithium prevents relapse in bipolar disorder.",
            "'@SUM(A1) Metformin lowers blood sugar in type 2 diabetes."} <= raw_sentences
    assert not any(s.startswith(("=", "+", "-", "@")) for s in raw_sentences)
    text = (out / "texts" / "f.txt.txt").read_text(encoding="utf-8")
    for row in _rows(out):  # the neutraliser is not part of the sentence: offsets still hold
        assert text[row["start_char"]:row["end_char"]] == row["sentence"]


def test_runner_extract_api_matches_csv(corpus, tmp_path, nlp):
    out = tmp_path / "out"
    frame = claimx.extract(corpus, nlp=nlp, out_dir=out)
    assert list(frame.columns) == list(CSV_FIELDS)
    assert len(frame) > 0
    assert frame.equals(read_claims_csv(out / "claims.csv"))
    assert extract([corpus], nlp=nlp).equals(frame)  # no out_dir: same rows, nothing written elsewhere


def test_runner_extract_api_on_nothing_gives_empty_frame(tmp_path, nlp):
    frame = extract(tmp_path, nlp=nlp)
    assert frame.empty and list(frame.columns) == list(CSV_FIELDS)


def test_runner_load_gives_pipeline_with_claims():
    nlp = claimx.load()
    assert isinstance(nlp, Language)
    doc = nlp("Ketamine Today\nKetamine reduces symptoms of depression within hours.\n")
    assert [(c.intervention.norm.lower(), c.condition.norm.lower()) for c in doc._.claims] == [("ketamine", "depression")]


def test_runner_extract_api_warns_and_lists_failed_files(corpus, tmp_path, nlp):
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"empty\.txt: file is empty \[E003\]"):
        frame = extract(corpus, nlp=nlp)
    assert [(f["article"], f["status"]) for f in frame.attrs["files"]] == [
        ("creatine.html", "ok"), ("empty.txt", "error"), ("magnesium.txt", "ok"), ("sub/ketamine.md", "ok")]
    assert "empty.txt" not in set(frame["article"])


def test_runner_text_that_cannot_be_written_fails_that_file_only(corpus, tmp_path, nlp):
    long_name = "k" * 251 + ".txt"  # a legal file name, but not with ".txt" added in texts/
    (corpus / long_name).write_text("Lithium prevents relapse in bipolar disorder.\n", encoding="utf-8")
    report = run_extract([corpus], tmp_path / "out", nlp=nlp, quiet=True)
    assert [(f.article, f.code) for f in report.failed] == [(long_name, "E014")]
    assert long_name not in {r["article"] for r in _rows(tmp_path / "out")}
    assert len(report.files) == 4


def test_runner_worker_processes_give_the_same_rows_in_the_same_order(corpus, tmp_path, nlp):
    (corpus / "empty.txt").write_bytes(b"")  # a failed file keeps its place too
    one = run_extract([corpus], tmp_path / "one", nlp=nlp, quiet=True, batch_size=1)
    two = run_extract([corpus], tmp_path / "two", nlp=nlp, quiet=True, batch_size=1, jobs=2)
    assert _rows(tmp_path / "two") == _rows(tmp_path / "one")
    assert [(f.article, f.status, f.claims, f.sentences) for f in two.files] == \
           [(f.article, f.status, f.claims, f.sentences) for f in one.files]
    assert _manifest(tmp_path / "two")["options"]["jobs"] == 2


def test_runner_failing_worker_fails_its_articles_not_the_run(corpus, tmp_path, nlp, monkeypatch):
    def boom(nlp, articles):
        raise RuntimeError("boom")

    monkeypatch.setattr("claimx.runner._outcomes", boom)  # inherited by the forked workers
    report = run_extract([corpus], tmp_path / "out", nlp=nlp, quiet=True, jobs=2)
    assert [f.status for f in report.files] == ["error"] * 3
    assert all(f.code == "E011" and "worker process failed: RuntimeError: boom" in f.reason for f in report.files)
    assert (tmp_path / "out" / "claims.csv").is_file()
