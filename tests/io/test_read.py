"""read_article: dispatch on suffix and one clear InputError for every kind of bad file."""
from __future__ import annotations

import builtins
import codecs
import os
from pathlib import Path

import pytest

from claimx.errors import InputError
from claimx.io import read_article


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _error(path: Path, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        read_article(path, **kwargs)
    return info.value


@pytest.mark.parametrize("suffix,fmt", [(".txt", "txt"), (".md", "md"), (".markdown", "md"),
                                        (".html", "html"), (".HTM", "html")])
def test_read_dispatches_on_suffix(tmp_path, suffix, fmt):
    body = "<p>Ketamine may ease pain in adults.</p>" if "htm" in suffix.lower() else "Ketamine may ease pain in adults."
    article = read_article(_write(tmp_path / f"a{suffix}", body), "folder/a" + suffix)
    assert article.format == fmt
    assert article.name == "folder/a" + suffix
    assert article.text.strip() == "Ketamine may ease pain in adults."


def test_read_utf8_bom_and_crlf_text(tmp_path):
    path = _write(tmp_path / "a.txt", codecs.BOM_UTF8 + "Title\r\nCaf\u00e9 text here.\r\n".encode("utf-8"))
    article = read_article(path)
    assert article.text == "Title\nCaf\u00e9 text here.\n"
    assert article.encoding == "utf-8-sig"


def test_read_utf16_markdown(tmp_path):
    path = _write(tmp_path / "a.md", "# Heading\n\nText \u00e9.\n".encode("utf-16"))
    article = read_article(path)
    assert article.text == "Heading\n\nText \u00e9.\n"
    assert article.text[article.headings[0].start:article.headings[0].end] == "Heading"


def test_read_cp1252_html_with_declared_charset(tmp_path):
    html = '<html><head><meta charset="windows-1252"></head><body><p>Na\u00efve \u201ccaf\u00e9\u201d trial.</p></body></html>'
    article = read_article(_write(tmp_path / "a.html", html.encode("cp1252")))
    assert "Na\u00efve \u201ccaf\u00e9\u201d trial." in article.text
    assert article.encoding == "cp1252"


@pytest.mark.parametrize("name,data,code", [
    ("empty.txt", b"", "E003"),
    ("blank.md", b" \n\t\r\n  ", "E003"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "E004"),
    ("bad.txt", codecs.BOM_UTF16_LE + b"A\x00B", "E005"),
    ("script-only.html", b"<html><body><script>track()</script><style>p{}</style></body></html>", "E009"),
    ("junk.html", b"<<<>>>", "E009"),
    ("only-markup.md", b"```\ncode only\n```\n", "E010"),
    ("only-numbers.txt", b"1, 2, 3 -- 42.\n", "E010"),
])
def test_read_bad_files(tmp_path, name, data, code):
    path = _write(tmp_path / name, data)
    error = _error(path)
    assert error.code == code
    assert error.path == str(path)
    assert "\n" not in str(error)


def test_read_broken_html_still_gives_text(tmp_path):
    path = _write(tmp_path / "broken.html",
                  "<html><body><p>Unclosed <b>bold and <div>nested text: ketamine eased pain in a small trial")
    assert "ketamine eased pain in a small trial" in read_article(path).text


def test_read_size_limit_is_a_parameter(tmp_path):
    path = _write(tmp_path / "a.txt", "Ketamine may ease pain. " * 10)
    assert read_article(path, max_bytes=1000).text
    error = _error(path, max_bytes=100)
    assert error.code == "E006"
    assert "240 > 100" in error.reason


def test_read_unsupported_suffix(tmp_path):
    error = _error(_write(tmp_path / "a.docx", "text"))
    assert error.code == "E007" and ".docx" in error.reason


def test_read_missing_and_dangling(tmp_path):
    assert _error(tmp_path / "missing.txt").code == "E001"
    (tmp_path / "link.txt").symlink_to(tmp_path / "missing.txt")
    assert _error(tmp_path / "link.txt").code == "E012"


def test_read_symlink_loop(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert _error(tmp_path / "a.txt").code == "E008"


def test_read_fifo_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert _error(fifo).code == "E013"  # reading it would block forever


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_read_unreadable_file(tmp_path):
    path = _write(tmp_path / "a.txt", "text")
    path.chmod(0)
    try:
        assert _error(path).code == "E002"
    finally:
        path.chmod(0o644)


def test_read_unreadable_file_simulated(tmp_path, monkeypatch):
    path = _write(tmp_path / "a.txt", "text")
    real_open = builtins.open

    def deny(file, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    error = _error(path)
    assert (error.code, error.reason) == ("E002", "file is not readable (Permission denied)")


FRAGMENTS = [b"<p>", b"</p>", b"<h2>", b"\xef\xbb\xbf", b"\xff\xfe", b"\x93", b"\xe9", b"\x00", b"# ", b"\n",
             b"=====\n", b"Ketamine ", b"*", b"_", b"`", b"[", b"](", b")", b"<!--", b"-->", b"&amp;", b"\r\n",
             b"<script>", b"\xc3", b"\x81", b"\x9d", b"---\n"]


def test_read_never_raises_anything_but_input_error(tmp_path):
    """Random mixes of markup, BOMs, stray bytes and noise: text or an InputError."""
    import random

    rng = random.Random(2)
    for i in range(150):
        if i % 5 == 0:
            data = bytes(rng.randrange(256) for _ in range(rng.randint(1, 300)))
        else:
            data = b"".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 60)))
        for suffix in (".txt", ".md", ".html"):
            path = _write(tmp_path / f"f{i}{suffix}", data)
            try:
                article = read_article(path)
            except InputError as error:
                assert error.code.startswith("E0") and error.path == str(path)
                continue
            assert any(ch.isalpha() for ch in article.text)
            for heading in article.headings:
                assert 0 <= heading.start < heading.end <= len(article.text)
