"""Small data types shared across claimx's modules."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PathLike = str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading inside an article's text, as character offsets into `Article.text`."""

    start: int
    end: int
    level: int  # 1 = top level; markdown '#' count, HTML h1-h6, plain-text 1


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row of a table inside an article's text, as character offsets into
    `Article.text`. Its cells are lines of their own, in column order; a body row is
    about what its first cell names ("Steroid nasal spray | Damps down inflammation").
    """

    start: int
    end: int
    header: bool = False  # the column names


@dataclass(frozen=True, slots=True)
class Article:
    """One input file, decoded and reduced to the plain text the pipeline sees.

    Every character offset claimx reports refers to `text`; the runner writes it to
    OUT_DIR/texts/ so that `text[start:end] == sentence` can be checked by users.
    """

    path: Path  # the file on disk
    name: str  # path relative to the input root, with '/' separators
    text: str
    headings: tuple[Heading, ...] = ()
    table_rows: tuple[TableRow, ...] = ()
    format: str = "txt"  # txt | md | html
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = field(default=())
