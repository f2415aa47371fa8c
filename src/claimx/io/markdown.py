"""Markdown articles: markup is removed, headings keep their '#' level."""
from __future__ import annotations

import re
from pathlib import Path

from ..types import Article, Heading

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_FENCE = re.compile(r"^\s*(```|~~~)")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def read_markdown(raw: str, *, path: Path, name: str, encoding: str = "utf-8") -> Article:
    text, headings = markdown_to_text(raw.lstrip("\ufeff"))
    return Article(path=path, name=name, text=text, headings=tuple(headings),
                   format="md", encoding=encoding)


def markdown_to_text(markdown: str) -> tuple[str, list[Heading]]:
    """Plain text of a markdown document (one line per source line) and its headings."""
    markdown = _FRONT_MATTER.sub("", markdown)
    out: list[str] = []
    headings: list[Heading] = []
    pos = 0
    in_fence = False
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        level = 0
        m = _ATX.match(line)
        if m:
            level, line = len(m.group(1)), m.group(2)
        elif i + 1 < len(lines) and line.strip() and _SETEXT.match(lines[i + 1]):
            level = 1 if lines[i + 1].strip().startswith("=") else 2
        elif _SETEXT.match(line) and out and out[-1].strip():
            continue  # the underline of a setext heading
        line = _inline(_QUOTE.sub("", _BULLET.sub(r"\1", line)))
        if level and line.strip():
            lead = len(line) - len(line.lstrip())
            headings.append(Heading(pos + lead, pos + len(line.rstrip()), level))
        out.append(line)
        pos += len(line) + 1
    return "\n".join(out), headings


def _inline(line: str) -> str:
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    for _ in range(2):  # nested emphasis: **_word_**
        line = _EMPHASIS.sub(r"\2", line)
    return line
