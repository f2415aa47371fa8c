"""Markdown articles: markup is removed, headings keep their '#' level.

The output keeps one line per source line (minus setext underlines, front matter and
code blocks; a table row becomes one line per cell and a blank line), so paragraphs stay
apart; every offset claimx reports refers to this
output text, never to the markdown source.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from ..types import Article, Heading, TableRow

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.S)
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE = re.compile(r"(`+)[ ]?(.+?)[ ]?\1")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?/?>|<!--.*?-->")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_STAR_EMPHASIS = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")
# '_' emphasis never starts or ends inside a word: snake_case_name stays as it is.
_UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
# GFM tables: a row of cells between pipes, and under the header a delimiter row
# ("|---|:--:|") that marks the lines above and below it as a table
_TABLE_DELIMITER = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
# Escaped and code characters are parked in the private-use area while the markup
# regexes run, so that "\*" or "`a*b*`" are never read as emphasis.
_PARK = 0xE000


def read_markdown(raw: str, *, path: Path, name: str, encoding: str = "utf-8") -> Article:
    text, headings, rows = markdown_to_article_text(raw.lstrip("\ufeff"))
    return Article(path=path, name=name, text=text, headings=tuple(headings), table_rows=tuple(rows),
                   format="md", encoding=encoding)


def markdown_to_article_text(markdown: str) -> tuple[str, list[Heading], list[TableRow]]:
    """Plain text of a markdown document, its headings and its table rows (offsets into
    that text).

    Handles ATX ('## Title') and setext (underlined) headings, emphasis, code, links,
    images, footnote references, escapes, entities, inline HTML, lists, block quotes,
    GFM tables, thematic breaks, fenced code (dropped) and YAML front matter (dropped).
    """
    markdown = _FRONT_MATTER.sub("", markdown)
    lines = markdown.split("\n")
    out: list[str] = []
    headings: list[Heading] = []
    rows: list[TableRow] = []
    pos = 0
    in_fence = in_table = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        in_table = in_table and "|" in line
        is_header = False
        if not in_table and "|" in line and i + 1 < len(lines) and "|" in lines[i + 1] \
                and _TABLE_DELIMITER.match(lines[i + 1]):
            in_table = is_header = True  # this line holds the column names
        if in_table:
            pieces = [""]  # the delimiter row leaves a blank line
            if not _TABLE_DELIMITER.match(line):
                # A row is one statement about its first cell ("Steroid nasal spray |
                # Damps down inflammation | ..."): each row becomes a paragraph of its
                # own and each cell a line, so that no cell runs into the next.
                row = "\n".join(cell for cell in (inline_to_text(c).strip() for c in _cells(line)) if cell)
                if row:
                    rows.append(TableRow(pos, pos + len(row), header=is_header))
                pieces = [row, ""]
            for piece in pieces:
                out.append(piece)
                pos += len(piece) + 1
            continue
        level = 0
        previous = lines[i - 1] if i else ""
        atx = _ATX.match(line)
        if atx:
            level, line = len(atx.group(1)), atx.group(2) or ""
        elif _SETEXT_UNDERLINE.match(line) and previous.strip() and not _THEMATIC_BREAK.match(previous) \
                and not _FENCE.match(previous):
            continue  # the underline of the setext heading on the line before
        elif _THEMATIC_BREAK.match(line) or _REFERENCE_DEFINITION.match(line):
            line = ""
        elif line.strip() and i + 1 < len(lines) and _SETEXT_UNDERLINE.match(lines[i + 1]):
            level = 1 if lines[i + 1].strip().startswith("=") else 2
        else:
            line = _QUOTE.sub("", line)
            line = _BULLET.sub(r"\1", line)
        line = inline_to_text(line)
        if level and line.strip():
            lead = len(line) - len(line.lstrip())
            headings.append(Heading(pos + lead, pos + len(line.rstrip()), level))
        out.append(line)
        pos += len(line) + 1
    return "\n".join(out), headings, rows


def _cells(row: str) -> list[str]:
    """The cells of a table row, outer pipes optional, escaped pipes ("\\|") kept."""
    row = row.strip().removeprefix("|")
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return _CELL_SEPARATOR.split(row)


def inline_to_text(line: str) -> str:
    """One line of markdown without its inline markup."""
    line = _ESCAPE.sub(lambda m: _park(m.group(1)), line)
    line = _CODE.sub(lambda m: _park(m.group(2)), line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
    line = _IMAGE.sub(r"\1", line)
    line = _FOOTNOTE_REF.sub("", line)
    line = _LINK.sub(r"\1", line)
    for _ in range(3):  # nested emphasis: **_word_**
        line = _STAR_EMPHASIS.sub(r"\2", line)
        line = _UNDERSCORE_EMPHASIS.sub(r"\2", line)
        line = _STRIKE.sub(r"\1", line)
    line = _ENTITY.sub(lambda m: html.unescape(m.group(0)), line)
    return _unpark(line)


def _park(text: str) -> str:
    return "".join(chr(_PARK + ord(ch)) if ord(ch) < 128 else ch for ch in text)


def _unpark(text: str) -> str:
    return "".join(chr(ord(ch) - _PARK) if _PARK <= ord(ch) < _PARK + 128 else ch for ch in text)
