"""`claimx extract` on the command line: messages, exit status, options."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import claimx
from claimx.cli import main, make_parser


@pytest.fixture()
def run(nlp, monkeypatch, capsys):
    """main(argv) with the session's pipeline; returns (status, stdout, stderr lines)."""
    monkeypatch.setattr("claimx.pipeline.make_nlp", lambda *args, **kwargs: nlp)

    def invoke(*argv):
        status = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return status, captured.out, captured.err.splitlines()

    return invoke


def test_cli_all_ok_exit_0(run, corpus, tmp_path):
    status, out, err = run("extract", corpus, "-o", tmp_path / "out")
    assert status == 0
    assert out == ""  # stdout stays clean; messages go to stderr
    assert len(err) == 1 and err[0].startswith("claimx: 3 of 3 files processed, 0 failed, ")
    assert (tmp_path / "out" / "claims.csv").is_file()
    assert (tmp_path / "out" / "texts" / "magnesium.txt.txt").is_file()


def test_cli_failed_file_exit_1_one_line_each(run, corpus, tmp_path):
    (corpus / "empty.md").write_text("", encoding="utf-8")
    (corpus / "junk.html").write_text("<<<>>>", encoding="utf-8")
    status, _, err = run("extract", corpus, tmp_path / "missing.txt", "-o", tmp_path / "out")
    assert status == 1
    assert err[:3] == [
        f"claimx: error: {corpus / 'empty.md'}: file is empty [E003]",
        f"claimx: error: {corpus / 'junk.html'}: HTML has no extractable main text [E009]",
        f"claimx: error: {tmp_path / 'missing.txt'}: file not found [E001]",
    ]
    assert "3 of 6 files processed, 3 failed" in err[-1]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [(f["article"], f["code"]) for f in manifest["files"] if f["status"] == "error"] == [
        ("articles/empty.md", "E003"), ("articles/junk.html", "E009"), ("missing.txt", "E001")]


def test_cli_max_bytes_option(run, corpus, tmp_path):
    status, _, err = run("extract", corpus / "magnesium.txt", "-o", tmp_path / "out", "--max-bytes", "50")
    assert status == 1
    assert err[0] == f"claimx: error: {corpus / 'magnesium.txt'}: file is larger than the size limit " \
                     f"({(corpus / 'magnesium.txt').stat().st_size} > 50 bytes) [E006]"


def test_cli_unsupported_file_named_explicitly(run, tmp_path):
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4")
    status, _, err = run("extract", tmp_path / "paper.pdf", "-o", tmp_path / "out")
    assert status == 1
    assert err[0] == f"claimx: error: {tmp_path / 'paper.pdf'}: unsupported file type .pdf " \
                     "(expected .txt, .md or .html) [E007]"


def test_cli_no_files_found_exit_1(run, tmp_path):
    (tmp_path / "in").mkdir()
    status, _, err = run("extract", tmp_path / "in", "-o", tmp_path / "out")
    assert status == 1
    assert err[-1] == "claimx: error: no .txt, .md or .html files found [E103]"


def test_cli_only_non_articles_found_exit_1_and_says_what_was_skipped(run, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "paper.pdf").write_bytes(b"%PDF-1.4")
    status, _, err = run("extract", tmp_path / "in", "-o", tmp_path / "out")
    assert status == 1
    assert err[1] == (f"claimx: 1 other file(s) in the folders are not articles and were skipped "
                      f"(e.g. {tmp_path / 'in' / 'paper.pdf'}); listed in {tmp_path / 'out' / 'manifest.json'}")
    assert err[-1] == "claimx: error: no .txt, .md or .html files found [E103]"


def test_cli_unusable_output_exit_2(run, corpus, tmp_path):
    (tmp_path / "out").write_text("a file", encoding="utf-8")
    status, _, err = run("extract", corpus, "-o", tmp_path / "out")
    assert status == 2
    assert err == [f"claimx: error: {tmp_path / 'out'}: output path exists and is not a folder"]


def test_cli_quiet_and_no_texts(run, corpus, tmp_path):
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    status, _, err = run("extract", corpus, "-o", tmp_path / "out", "-q", "--no-texts")
    assert (status, err) == (1, [])
    assert not (tmp_path / "out" / "texts").exists()


def test_cli_interrupt_exit_130(run, corpus, tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("claimx.runner.run_extract", interrupted)
    status, _, err = run("extract", corpus, "-o", tmp_path / "out")
    assert status == 130
    assert err == ["claimx: interrupted; earlier outputs left unchanged"]


def test_cli_parser_commands_and_version(capsys):
    parser = make_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"extract", "build-lexicon"} <= set(commands)
    with pytest.raises(SystemExit) as info:
        parser.parse_args(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"claimx {claimx.__version__}"
    with pytest.raises(SystemExit) as info:
        parser.parse_args(["extract", "somewhere"])  # -o is required
    assert info.value.code == 2


def test_cli_module_entry_point_end_to_end(corpus, tmp_path):
    """The real command in a fresh interpreter: exit status and outputs."""
    (corpus / "bad.txt").write_bytes(b"\x00\xff" * 50)
    proc = subprocess.run([sys.executable, "-m", "claimx", "extract", str(corpus), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert f"claimx: error: {corpus / 'bad.txt'}: file looks binary [E004]" in proc.stderr.splitlines()
    assert (tmp_path / "out" / "claims.csv").read_bytes().startswith(b"\xef\xbb\xbfclaim_id,")


def test_cli_bad_model_or_options_exit_2(run, corpus, tmp_path):
    status, _, err = run("extract", corpus, "-o", tmp_path / "out", "--model", tmp_path / "no-model")
    assert status == 2
    assert err == [f"claimx: error: {tmp_path / 'no-model'}: no spaCy pipeline folder there"]
    status, _, err = run("extract", corpus, "-o", tmp_path / "out", "--batch-size", "0")
    assert status == 2 and err == ["claimx: error: --max-bytes, --batch-size and --jobs must be positive"]
    assert not (tmp_path / "out").exists()



def test_cli_rules_only_builds_the_pipeline_without_the_model(corpus, tmp_path, monkeypatch, capsys):
    from claimx.pipeline import make_nlp

    rules_only = make_nlp(use_model=False)
    calls = []

    def fake_make_nlp(*args, **kwargs):
        calls.append((args, kwargs))
        return rules_only

    monkeypatch.setattr("claimx.pipeline.make_nlp", fake_make_nlp)
    assert main(["extract", str(corpus), "-o", str(tmp_path / "out"), "--rules-only", "-q"]) == 0
    assert calls == [((), {"use_model": False})]
    assert "parser" not in rules_only.pipe_names
    status = main(["extract", str(corpus), "-o", str(tmp_path / "out"), "--rules-only", "--model", str(tmp_path)])
    assert status == 2
    assert capsys.readouterr().err.splitlines()[-1] == "claimx: error: --model and --rules-only exclude each other"
