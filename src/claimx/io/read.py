"""Dispatch one file to the reader for its format, with the checks every format shares."""
from __future__ import annotations

from pathlib import Path

from ..errors import Errors, InputError
from ..types import Article
from .decode import decode_bytes
from .html import read_html
from .markdown import read_markdown
from .text import read_text

# Articles are a few thousand words; 20 MB of text is a data dump, not an article.
MAX_BYTES = 20 * 1024 * 1024


def read_article(path: Path, name: str | None = None, *, max_bytes: int = MAX_BYTES) -> Article:
    """Read `path` into an Article, or raise InputError naming the file and the reason."""
    path = Path(path)
    name = name or path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, "E006", f"{Errors.E006} ({size} > {max_bytes} bytes)")
        data = path.read_bytes()
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(path, "E001", Errors.E001) from None
    except OSError as exc:
        raise InputError(path, "E002", f"{Errors.E002} ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(path, "E003", Errors.E003)
    raw, encoding, warnings = decode_bytes(data, path)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        article = read_html(raw, path=path, name=name, encoding=encoding)
    elif suffix in (".md", ".markdown"):
        article = read_markdown(raw, path=path, name=name, encoding=encoding)
    elif suffix == ".txt":
        article = read_text(raw, path=path, name=name, encoding=encoding)
    else:
        raise InputError(path, "E007", f"{Errors.E007} ({suffix or 'no suffix'})")
    if not article.text.strip():
        raise InputError(path, "E010", Errors.E010)
    if warnings:
        article = Article(article.path, article.name, article.text, article.headings,
                          article.format, article.encoding, tuple(warnings) + article.warnings)
    return article
