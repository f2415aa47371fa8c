"""Dispatch one file to the reader for its format, with the checks every format shares."""
from __future__ import annotations

import errno
import re
import stat
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..types import Article
from .decode import decode_bytes
from .html import read_html
from .markdown import read_markdown
from .text import read_text

# Articles are a few thousand words; 20 MB of text is a data dump, not an article.
MAX_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES: frozenset[str] = frozenset({".html", ".htm"})
MARKDOWN_SUFFIXES: frozenset[str] = frozenset({".md", ".markdown"})
TEXT_SUFFIXES: frozenset[str] = frozenset({".txt"})
SUPPORTED_SUFFIXES: frozenset[str] = HTML_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def read_article(path: Path, name: str | None = None, *, max_bytes: int = MAX_BYTES) -> Article:
    """Read one .txt/.md/.html file into an Article.

    Args:
        path: the file.
        name: the article's name in the output (default: the file name).
        max_bytes: larger files are refused (E006) before they are read.

    Raises:
        InputError: naming the file and the reason; never another exception for bad input.
    """
    path = Path(path)
    name = name or path.name
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(path, "E007", f"unsupported file type {suffix or '(no suffix)'} (expected .txt, .md or .html)")
    data = _read_bytes(path, max_bytes)
    if not data.strip():
        raise InputError(path, "E003", "file is empty" if not data else "file has only whitespace")
    declared = None
    if suffix in HTML_SUFFIXES:
        match = _META_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii") if match else None
    raw, encoding, warnings = decode_bytes(data, path, declared=declared)
    if suffix in HTML_SUFFIXES:
        article = read_html(raw, path=path, name=name, encoding=encoding)
    elif suffix in MARKDOWN_SUFFIXES:
        article = read_markdown(raw, path=path, name=name, encoding=encoding)
    else:
        article = read_text(raw, path=path, name=name, encoding=encoding)
    if not any(ch.isalpha() for ch in article.text):  # only markup, digits or punctuation
        raise InputError(path, "E010")
    if warnings:
        article = replace(article, warnings=tuple(warnings) + article.warnings)
    return article


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise InputError(path, "E013")
        if info.st_size > max_bytes:
            raise InputError(path, "E006", f"file is larger than the size limit ({info.st_size} > {max_bytes} bytes)")
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except InputError:
        raise
    except FileNotFoundError:
        code = "E012" if path.is_symlink() else "E001"
        raise InputError(path, code) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(path, "E008") from None
        raise InputError(path, "E002", f"file is not readable ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # the file grew after stat()
        raise InputError(path, "E006", f"file is larger than the size limit (> {max_bytes} bytes)")
    return data
