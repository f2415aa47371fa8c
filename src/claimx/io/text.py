"""Plain-text articles: the text is kept as it is; headings are found by their shape.

A heading line is short, starts with a capital or a digit and has no sentence-final
punctuation (a question mark is allowed: "Could It Slow Aging?"). Lines of that shape
come in runs ("blocks"); what follows a block and where it stands decide:

- the first line of the article is its title;
- a block of one line followed by body text is a section heading;
- the last line of the article's first block is a heading too ("Title / Introduction"),
  the lines between are bylines, datelines or subtitles;
- a longer block, or one after a line ending in ':', is a list; a block with no body
  text after it (references, tags at the end, a text of one line) is not a heading;
- a short label ending in ':' on a line of its own, after a blank line ("Brief
  summary:"), heads what follows it; a record's "Status: Recruiting" fields are not
  headings;
- bylines ("By Jane Doe") and dates are never headings.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..types import Article, Heading

MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 120
_TERMINAL = re.compile(r"[.!;,:…\"”’]\s*$")
_BULLET = re.compile(r"^\s*[-*•–]\s+")
_FRAMED = re.compile(r"^([-=*~])\1+\s*(.+?)\s*\1\1+$")
# A label on a line of its own, heading what follows ("Brief summary:", "Side effects:",
# "Background and rationale:"); not a sentence that leads into a list ("Here is why:").
_LABEL_LINE = re.compile(r"^[A-Z][\w'’()/&-]*(?:\s+[\w'’()/&-]+){0,3}:$")
_LEAD_IN_WORDS = frozenset({"here", "this", "these", "that", "it", "they", "we", "i", "you", "there"})
# ... or ends like one ("Signs of deficiency include:", "Common ones are:", "such as:")
_LEAD_IN_ENDINGS = frozenset({"include", "includes", "including", "are", "is", "were", "was", "be", "as",
                              "like", "following", "below", "follows", "to", "of", "for", "with", "by"})
# A field of a record ("Status: Recruiting", "Trial ID: OCTR-2026-00731")
_FIELD_LINE = re.compile(r"^[A-Z][\w'’()/&-]*(?:\s+[\w'’()/&-]+){0,3}:\s+\S")
_NUMBERED = re.compile(r"^\d{1,3}[.)]\s")
_BYLINE = re.compile(r"^(?:by|written by|reviewed by|medically reviewed by|updated|published|posted|"
                     r"photo|image|source|credit)\b", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(rf"^(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?)\s+\d{{4}}$"
                   rf"|^{_MONTH}\s+\d{{4}}$|^\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}$", re.I)


def read_text(raw: str, *, path: Path, name: str, encoding: str = "utf-8") -> Article:
    text = raw.lstrip("\ufeff")
    return Article(path=path, name=name, text=text, headings=tuple(find_text_headings(text)),
                   format="txt", encoding=encoding)


def find_text_headings(text: str) -> list[Heading]:
    """Heading lines of a plain-text article (the title line included), by line shape.

    All headings get level 1: plain text does not say how sections nest.
    """
    lines = [(start, end, line) for start, end, line in _iter_lines(text) if line.strip()]
    chosen: list[int] = []
    i = 0
    while i < len(lines):
        if is_label_line(lines[i][2]):
            # a label that opens a paragraph and has something under it; "Contact:" in a
            # press release's masthead labels only the lines that follow it
            if i + 1 < len(lines) and (i == 0 or lines[i][0] - lines[i - 1][1] > 1):
                chosen.append(i)
            i += 1
            continue
        if not looks_like_heading(lines[i][2]):
            i += 1
            continue
        first = i
        while i < len(lines) and looks_like_heading(lines[i][2]):
            i += 1
        block = range(first, i)  # heading-shaped lines; lines[i], if any, is body text
        has_body = i < len(lines)
        after_colon = first > 0 and lines[first - 1][2].rstrip().endswith(":")
        if first == 0 and has_body:  # a lone line (one sentence, a query) is no title
            chosen.append(0)  # the title line
            if len(block) > 1 and not _FIELD_LINE.match(lines[block[-1]][2].strip()):
                chosen.append(block[-1])  # not the last field of a record's header
        elif has_body and len(block) == 1 and not after_colon and not _in_numbered_list(lines, first):
            chosen.append(first)
        elif has_body and len(block) > 1:
            # a letter's sign-off lines, then "REFERENCES" over its list; an abstract's
            # funding line, then "IN THE NEWS" over a headline, byline and date: a capitals
            # line set off by a blank line is the heading of what follows
            chosen.extend(k for k in block if _is_capitals_heading(lines, k))
    headings = []
    for index in chosen:
        start, end, line = lines[index]
        if _BYLINE.match(line.strip()) or _DATE.match(line.strip()):
            continue
        # a framed heading's span is its words ("Diabetes pills ...", not "-- Diabetes pills ... --")
        words = _unframed(line).strip()
        offset = start + line.index(words)
        headings.append(Heading(offset, offset + len(words), 1))
    return headings


def _is_capitals_heading(lines: list[tuple[int, int, str]], index: int) -> bool:
    """A line in capitals ("REFERENCES", "SIDE EFFECTS") with a blank line before it."""
    start, _, line = lines[index]
    letters = [ch for ch in line if ch.isalpha()]
    return (index > 0 and start - lines[index - 1][1] > 1 and len(letters) >= 3
            and all(ch.isupper() for ch in letters))


def _in_numbered_list(lines: list[tuple[int, int, str]], index: int) -> bool:
    """"3. Change in FEV1" between "2. ..." and "4. ...": an item, not a numbered heading."""
    if not _NUMBERED.match(lines[index][2].strip()):
        return False
    return any(0 <= k < len(lines) and _NUMBERED.match(lines[k][2].strip()) for k in (index - 1, index + 1))


def is_label_line(line: str) -> bool:
    """A short label ending in a colon on a line of its own ("Brief summary:")."""
    stripped = line.strip()
    if not _LABEL_LINE.match(stripped):
        return False
    words = stripped[:-1].lower().split()
    return words[0] not in _LEAD_IN_WORDS and words[-1] not in _LEAD_IN_ENDINGS


def looks_like_heading(line: str) -> bool:
    """Short, capitalised or numbered, no sentence-final punctuation, not a bullet. A
    line framed by rules ("-- Diabetes pills linked to fewer gout flares --", "== Results
    ==") is judged by the words inside the frame."""
    stripped = _unframed(line).strip()
    if not stripped or len(stripped) > MAX_HEADING_CHARS:
        return False
    if len(stripped.split()) > MAX_HEADING_WORDS or _TERMINAL.search(stripped):
        return False
    if _BULLET.match(stripped):
        return False
    return stripped[0].isupper() or stripped[0].isdigit()


def _unframed(line: str) -> str:
    """The words of a line between matching rules of two or more '-', '=', '*' or '~'."""
    framed = _FRAMED.match(line.strip())
    return framed.group(2) if framed else line


def _iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1
