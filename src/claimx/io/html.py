"""HTML articles: the main text (no navigation, scripts, banners, footers), headings kept.

trafilatura finds the main text and renders it as markdown, so that headings keep their
h1-h6 level ("## What the trials found") and tables their rows (GFM tables; trafilatura
leaves tables out unless asked, and a comparison table's claims would be lost);
`markdown_to_article_text` then gives the plain text and the offsets of the headings and
table rows into it. Pages trafilatura rejects (very short or unusual
markup) go through a plain lxml fallback that drops the usual page furniture.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError, Warnings
from ..types import Article
from .markdown import markdown_to_article_text

# Page furniture the fallback drops: by element (an <article>'s own <header> holds its
# title, so only page-level headers and footers go), and by the words sites use in
# class and id names for banners and boilerplate ("cookie-banner", "site_footer").
_FURNITURE_TAGS = ("//script|//style|//noscript|//template|//nav|//aside|//form|//button|//iframe"
                   "|//header[not(ancestor::article)]|//footer[not(ancestor::article)]")
_FURNITURE_WORDS: frozenset[str] = frozenset(
    "cookie cookies consent gdpr banner newsletter subscribe share social related breadcrumb "
    "breadcrumbs menu sidebar footer navbar nav advert ads promo popup modal".split())
_NAME_WORDS = re.compile(r"[a-z]+")
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td", "dd", "dt")
# what a layout table's cells hold and a data table's do not
_LAYOUT_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "blockquote", "article")


def read_html(raw: str, *, path: Path, name: str, encoding: str = "utf-8") -> Article:
    warnings: tuple[str, ...] = ()
    markdown = _main_text_markdown(_unwrap_layout_tables(raw))
    if not _has_words(markdown):
        markdown = _fallback_markdown(raw)
        warnings = (f"W002 {Warnings.W002}",)
    if not _has_words(markdown):  # nothing, or junk such as "<<<>>>" read as text
        raise InputError(path, "E009")
    text, headings, rows = markdown_to_article_text(markdown)
    return Article(path=path, name=name, text=text, headings=tuple(headings), table_rows=tuple(rows),
                   format="html", encoding=encoding, warnings=warnings)


def _unwrap_layout_tables(raw: str) -> str:
    """A table used for page layout (its cells hold headings and paragraphs, not data)
    becomes plain blocks: trafilatura renders such a table as one pipe-separated line,
    losing the article's headings and paragraphs and keeping the navigation cell's words.
    Data tables (cells of inline text) are left to be read as tables."""
    if "<table" not in raw.lower():
        return raw
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fromstring(raw)
    except Exception:  # noqa: BLE001 - junk is judged by the readers below
        return raw
    changed = False
    for table in root.iter("table"):
        if next(table.iter(*_LAYOUT_BLOCKS), None) is None:
            continue
        for element in table.iter("table", "thead", "tbody", "tfoot", "tr", "td", "th"):
            element.tag = "div"
        changed = True
    return lxml.etree.tostring(root, encoding="unicode", method="html") if changed else raw


def _has_words(text: str | None) -> bool:
    return bool(text) and any(ch.isalpha() for ch in text)


def _main_text_markdown(raw: str) -> str | None:
    import trafilatura

    try:
        return trafilatura.extract(raw, output_format="markdown", include_formatting=True,
                                   include_comments=False, include_tables=True,
                                   include_links=False, include_images=False,
                                   favor_recall=True, deduplicate=False)
    except Exception:  # noqa: BLE001 - trafilatura raises many kinds of errors on broken markup
        return None


def _fallback_markdown(raw: str) -> str | None:
    """Visible text of the body as markdown (headings as '#' lines), furniture dropped."""
    import lxml.html

    try:
        root = lxml.html.fromstring(raw)
    except Exception:  # noqa: BLE001 - lxml raises ParserError, ValueError... on junk
        return None
    for element in root.xpath(_FURNITURE_TAGS):
        element.drop_tree()
    for element in root.xpath("//*[@class or @id]"):
        names = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if _FURNITURE_WORDS.intersection(_NAME_WORDS.findall(names)) and element.getparent() is not None:
            element.drop_tree()
    lines = []
    for element in root.iter(*_BLOCKS):
        if any(parent.tag in _BLOCKS for parent in element.iterancestors()):
            continue  # a <p> inside an <li>: its text is already in the <li>'s
        content = " ".join(element.text_content().split())
        if content:
            level = int(element.tag[1]) if element.tag[0] == "h" and element.tag[1:].isdigit() else 0
            lines.append("#" * level + " " + _escape(content) if level else _escape(content))
    if not lines:  # text straight in <body> or <div>s, without block elements
        body = root.find("body")
        content = " ".join((body if body is not None else root).text_content().split())
        lines = [_escape(content)] if content else []
    return "\n\n".join(lines)


def _escape(text: str) -> str:
    """Protect characters that markdown_to_article_text would read as markup."""
    return re.sub(r"([\\`*_\[\]#<>])", r"\\\1", text)
