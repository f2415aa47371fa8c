"""HTML articles: the main text (no navigation, scripts, footers), headings kept."""
from __future__ import annotations

from pathlib import Path

from ..errors import Errors, InputError, Warnings
from ..types import Article
from .markdown import markdown_to_text


def read_html(raw: str, *, path: Path, name: str, encoding: str = "utf-8") -> Article:
    warnings: tuple[str, ...] = ()
    markdown = _main_text_markdown(raw)
    if not markdown or not markdown.strip():
        markdown = _fallback_text(raw)
        warnings = (f"W002 {Warnings.W002}",)
    if not markdown or not markdown.strip():
        raise InputError(path, "E009", Errors.E009)
    text, headings = markdown_to_text(markdown)
    return Article(path=path, name=name, text=text, headings=tuple(headings),
                   format="html", encoding=encoding, warnings=warnings)


def _main_text_markdown(raw: str) -> str | None:
    import trafilatura

    try:
        return trafilatura.extract(raw, output_format="markdown", include_formatting=True,
                                   include_comments=False, include_tables=False,
                                   include_links=False, include_images=False,
                                   favor_recall=True, deduplicate=False)
    except Exception:  # trafilatura raises many kinds of errors on broken markup
        return None


def _fallback_text(raw: str) -> str | None:
    """Visible text of the body, headings as markdown, for pages trafilatura rejects."""
    try:
        import lxml.html
    except ImportError:  # pragma: no cover - lxml comes with trafilatura
        return None
    try:
        root = lxml.html.fromstring(raw)
    except Exception:
        return None
    for bad in root.xpath("//script|//style|//nav|//footer|//header|//noscript|//aside|//form"):
        bad.drop_tree()
    lines = []
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"):
        content = " ".join(el.text_content().split())
        if content:
            lines.append(("#" * int(el.tag[1]) + " " if el.tag[0] == "h" else "") + content)
    return "\n\n".join(lines)
