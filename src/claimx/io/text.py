"""Plain-text articles: the text is kept as it is; headings are found by their shape."""
from __future__ import annotations

import re
from pathlib import Path

from ..types import Article, Heading

# A heading line is short, has no sentence-final punctuation and starts with a capital
# or a digit; body paragraphs in blog posts and news stories are much longer.
MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 120
_TERMINAL = re.compile(r"[.!?;,:…\"”’]\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def read_text(raw: str, *, path: Path, name: str, encoding: str = "utf-8") -> Article:
    text = raw.lstrip("\ufeff")
    return Article(path=path, name=name, text=text, headings=tuple(find_text_headings(text)),
                   format="txt", encoding=encoding)


def find_text_headings(text: str) -> list[Heading]:
    """Heading lines of a plain-text article (the title line included), by line shape.

    A line counts when it looks like a heading and the next non-empty line is a longer
    body line, so that short one-line paragraphs and lists are not mistaken for headings.
    """
    lines = list(_iter_lines(text))
    headings = []
    for i, (start, end, line) in enumerate(lines):
        if not _looks_like_heading(line):
            continue
        following = next((ln for _, _, ln in lines[i + 1:] if ln.strip()), None)
        if following is None or len(following.strip()) <= len(line.strip()):
            continue
        if _looks_like_heading(following) and len(following.split()) <= MAX_HEADING_WORDS // 2:
            # two short lines in a row: a byline or list, unless it is the very first line
            if i != 0:
                continue
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        headings.append(Heading(start + lead, end - trail, 1))
    return headings


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_HEADING_CHARS:
        return False
    if len(stripped.split()) > MAX_HEADING_WORDS or _TERMINAL.search(stripped):
        return False
    if _BULLET.match(stripped):
        return False
    return stripped[0].isupper() or stripped[0].isdigit()


def _iter_lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1
