#!/usr/bin/env python3
"""Validate the gold claim files in corpus/gold/ against their articles.

Checks, per gold file (format: ANNOTATION.md in the shared spec):
  - `article` names an existing file in corpus/ with the same stem;
  - every claim has exactly the spec's fields, with valid types and values;
  - every `sentence` occurs exactly once in the article's visible text
    (Markdown markers / HTML markup, scripts and styles removed; case and
    white space folded, as the scorer does) and lies inside one sentence;
  - for HTML, the snippet lies inside the <article> element, not in page chrome.

Usage:
    python tools/check_gold.py [CORPUS_DIR]   (default: corpus/)

Exits non-zero and lists the problems if any check fails.
"""
from __future__ import annotations

import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

FIELDS = (
    "sentence", "intervention", "intervention_alt", "condition", "condition_alt",
    "mechanism", "relation", "hedge_level", "negated", "implicit",
)
LEVELS = ("asserted", "probable", "possible", "speculative")
RELATIONS = ("causal", "correlational", "mechanistic")
# Block elements end a line of visible text; headings, paragraphs and list
# items must not run into each other.
BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "blockquote", "br",
    "section", "article", "aside", "header", "footer", "nav", "ul", "ol", "tr",
    "form", "button", "title",
}
SKIP_TAGS = {"script", "style", "head", "noscript", "template"}
RE_SENT_END = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[A-Z“\"‘(])")


class _Visible(HTMLParser):
    """Collect visible text lines, and separately the lines inside <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.in_article = 0
        self.all: list[str] = [""]
        self.article: list[str] = [""]

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip += 1
        if tag == "article":
            self.in_article += 1
        if tag in BLOCK_TAGS:
            self._newline()

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        if tag in BLOCK_TAGS:
            self._newline()
        if tag == "article":
            self.in_article = max(0, self.in_article - 1)

    def handle_data(self, data):
        if self.skip:
            return
        self.all[-1] += data
        if self.in_article:
            self.article[-1] += data

    def _newline(self):
        self.all.append("")
        self.article.append("")


def _lines(lines: list[str]) -> list[str]:
    out = [re.sub(r"\s+", " ", line).strip() for line in lines]
    return [line for line in out if line]


def visible_lines(path: Path) -> tuple[list[str], list[str] | None]:
    """Return (all visible lines, lines inside <article> or None)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in {".html", ".htm"}:
        parser = _Visible()
        parser.feed(text)
        return _lines(parser.all), _lines(parser.article)
    if path.suffix.lower() == ".md":
        lines = []
        for line in text.splitlines():
            line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
            line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)
            line = re.sub(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", r"\2", line)
            lines.append(html.unescape(line))
        return _lines(lines), None
    return _lines(text.splitlines()), None


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def sentences(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        out.extend(RE_SENT_END.split(line))
    return out


def check_claim(i: int, claim, errors: list[str], where: str) -> None:
    if not isinstance(claim, dict):
        errors.append(f"{where} claim {i}: not a mapping")
        return
    keys = set(claim)
    if keys != set(FIELDS):
        errors.append(f"{where} claim {i}: fields missing {sorted(set(FIELDS) - keys)} "
                      f"extra {sorted(keys - set(FIELDS))}")
    for key in ("sentence", "intervention", "condition"):
        if not isinstance(claim.get(key), str) or not claim.get(key, "").strip():
            errors.append(f"{where} claim {i}: {key} must be a non-empty string")
    for key in ("intervention_alt", "condition_alt", "mechanism"):
        value = claim.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            errors.append(f"{where} claim {i}: {key} must be a list of strings")
    if claim.get("relation") not in RELATIONS:
        errors.append(f"{where} claim {i}: relation {claim.get('relation')!r}")
    if claim.get("hedge_level") not in LEVELS:
        errors.append(f"{where} claim {i}: hedge_level {claim.get('hedge_level')!r}")
    for key in ("negated", "implicit"):
        if not isinstance(claim.get(key), bool):
            errors.append(f"{where} claim {i}: {key} must be true/false")


def check_file(gold_path: Path, corpus: Path) -> tuple[list[str], dict]:
    errors: list[str] = []
    data = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    where = gold_path.name
    article = corpus / str(data.get("article", ""))
    if not article.is_file() or article.stem != gold_path.stem:
        return [f"{where}: article {data.get('article')!r} missing or stem mismatch"], {}
    claims = data.get("claims") or []
    lines, article_lines = visible_lines(article)
    page = fold("\n".join(lines))
    sents = [fold(s) for s in sentences(lines)]
    inner = fold("\n".join(article_lines)) if article_lines is not None else None
    levels = dict.fromkeys(LEVELS, 0)
    for i, claim in enumerate(claims, 1):
        check_claim(i, claim, errors, where)
        snippet = fold(str(claim.get("sentence", "")))
        n = page.count(snippet)
        if n != 1:
            errors.append(f"{where} claim {i}: sentence occurs {n}x: {claim.get('sentence')!r}")
        elif not any(snippet in s for s in sents):
            errors.append(f"{where} claim {i}: sentence spans a sentence boundary: "
                          f"{claim.get('sentence')!r}")
        if inner is not None and snippet not in inner:
            errors.append(f"{where} claim {i}: sentence is outside <article>")
        if claim.get("hedge_level") in levels:
            levels[claim["hedge_level"]] += 1
    words = len(" ".join(article_lines if article_lines is not None else lines).split())
    stats = {"claims": len(claims), "words": words, **levels,
             "negated": sum(bool(c.get("negated")) for c in claims),
             "implicit": sum(bool(c.get("implicit")) for c in claims)}
    return errors, stats


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "corpus"
    gold_files = sorted((corpus / "gold").glob("*.yaml"))
    if not gold_files:
        print(f"no gold files in {corpus / 'gold'}", file=sys.stderr)
        return 1
    all_errors = []
    print(f"{'gold file':38} {'words':>5} {'claims':>6} {'asrt':>4} {'prob':>4} "
          f"{'poss':>4} {'spec':>4} {'neg':>4} {'impl':>4}")
    for path in gold_files:
        errors, s = check_file(path, corpus)
        all_errors.extend(errors)
        if s:
            print(f"{path.name:38} {s['words']:>5} {s['claims']:>6} {s['asserted']:>4} "
                  f"{s['probable']:>4} {s['possible']:>4} {s['speculative']:>4} "
                  f"{s['negated']:>4} {s['implicit']:>4}")
    for err in all_errors:
        print("ERROR", err, file=sys.stderr)
    print("OK" if not all_errors else f"{len(all_errors)} problem(s)")
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
