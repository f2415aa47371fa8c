#!/usr/bin/env python3
"""Validate the held-out gold files in gold/ against the articles beside them.

Written for the held-out test set only; it does not import claimx.

Checks, per gold/<stem>.yaml (format: the shared ANNOTATION.md spec):
  - `article` names a file in this directory with the same stem;
  - every claim has exactly the spec's ten fields, with valid types and values;
  - every `sentence` snippet occurs exactly once in the article's visible text
    (Markdown markers and HTML markup, <head>, scripts and styles removed; case,
    white space and curly quotes folded) and lies inside a single sentence;
  - for HTML, the snippet lies inside the <article> element.

Usage:
    python tests/data/heldout/check_gold.py [HELDOUT_DIR]

Prints claims per file with the hedge-level distribution; exits non-zero on problems.
"""
import re
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import yaml

FIELDS = ("sentence", "intervention", "intervention_alt", "condition", "condition_alt",
          "mechanism", "relation", "hedge_level", "negated", "implicit")
LEVELS = ("asserted", "probable", "possible", "speculative")
RELATIONS = ("causal", "correlational", "mechanistic")
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "div", "br", "blockquote",
          "section", "article", "aside", "header", "footer", "nav", "main", "form", "button",
          "title", "tr", "td"}
HIDDEN = {"head", "script", "style", "noscript", "template"}
# A sentence ends at . ! or ? (optionally followed by a closing quote) before white
# space and an upper-case letter or opening quote.
SENT_BREAK = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+(?=[A-Z\"'\u201c\u2018(])")


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.article = 0
        self.page = [""]
        self.inner = [""]

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        if tag == "article":
            self.article += 1
        if tag in BLOCKS:
            self.page.append("")
            self.inner.append("")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        if tag in BLOCKS:
            self.page.append("")
            self.inner.append("")
        if tag == "article":
            self.article = max(0, self.article - 1)

    def handle_data(self, data):
        if self.hidden:
            return
        self.page[-1] += data
        if self.article:
            self.inner[-1] += data


def strip_markdown(line):
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)            # headings
    line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)       # list markers
    line = re.sub(r"^\s*>\s?", "", line)                     # block quotes
    line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)   # links and images
    line = re.sub(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", r"\2", line)  # emphasis
    line = line.replace("`", "")
    return unescape(line)


def clean(lines):
    out = [re.sub(r"\s+", " ", line).strip() for line in lines]
    return [line for line in out if line]


def visible(path):
    """(visible lines of the page, lines inside <article> or None)."""
    text = path.read_text(encoding="utf-8")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        parser = VisibleText()
        parser.feed(text)
        parser.close()
        return clean(parser.page), clean(parser.inner)
    if suffix == ".md":
        return clean(strip_markdown(line) for line in text.splitlines()), None
    return clean(text.splitlines()), None


def fold(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def check_fields(n, claim, where, errors):
    if not isinstance(claim, dict):
        errors.append(f"{where} #{n}: not a mapping")
        return
    if set(claim) != set(FIELDS):
        errors.append(f"{where} #{n}: missing {sorted(set(FIELDS) - set(claim))}, "
                      f"extra {sorted(set(claim) - set(FIELDS))}")
    for key in ("sentence", "intervention", "condition"):
        if not isinstance(claim.get(key), str) or not claim[key].strip():
            errors.append(f"{where} #{n}: {key} must be a non-empty string")
    for key in ("intervention_alt", "condition_alt", "mechanism"):
        val = claim.get(key)
        if not isinstance(val, list) or not all(isinstance(v, str) and v.strip() for v in val):
            errors.append(f"{where} #{n}: {key} must be a list of non-empty strings")
    if claim.get("relation") not in RELATIONS:
        errors.append(f"{where} #{n}: bad relation {claim.get('relation')!r}")
    if claim.get("hedge_level") not in LEVELS:
        errors.append(f"{where} #{n}: bad hedge_level {claim.get('hedge_level')!r}")
    for key in ("negated", "implicit"):
        if not isinstance(claim.get(key), bool):
            errors.append(f"{where} #{n}: {key} must be a boolean")


def check(gold_path, base):
    errors = []
    where = gold_path.name
    data = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
    article = base / str(data.get("article", ""))
    if not article.is_file() or article.stem != gold_path.stem:
        return [f"{where}: article {data.get('article')!r} missing or stem mismatch"], None
    claims = data.get("claims") or []
    page_lines, inner_lines = visible(article)
    page = fold("\n".join(page_lines))
    sentences = [fold(s) for line in page_lines for s in SENT_BREAK.split(line)]
    inner = fold("\n".join(inner_lines)) if inner_lines is not None else None
    seen = set()
    for n, claim in enumerate(claims, 1):
        check_fields(n, claim, where, errors)
        if not isinstance(claim, dict):
            continue
        snippet = fold(str(claim.get("sentence", "")))
        count = page.count(snippet)
        if count != 1:
            errors.append(f"{where} #{n}: snippet occurs {count}x: {claim.get('sentence')!r}")
        elif not any(snippet in s for s in sentences):
            errors.append(f"{where} #{n}: snippet crosses a sentence boundary: "
                          f"{claim.get('sentence')!r}")
        if inner is not None and snippet not in inner:
            errors.append(f"{where} #{n}: snippet outside <article>: {claim.get('sentence')!r}")
        key = (snippet, fold(str(claim.get("intervention"))), fold(str(claim.get("condition"))))
        if key in seen:
            errors.append(f"{where} #{n}: duplicate claim {key}")
        seen.add(key)
    body = inner_lines if inner_lines is not None else page_lines
    stats = {"words": len(" ".join(body).split()), "claims": len(claims)}
    for level in LEVELS:
        stats[level] = sum(1 for c in claims if isinstance(c, dict) and c.get("hedge_level") == level)
    for key in ("negated", "implicit"):
        stats[key] = sum(1 for c in claims if isinstance(c, dict) and c.get(key) is True)
    for rel in RELATIONS:
        stats[rel] = sum(1 for c in claims if isinstance(c, dict) and c.get("relation") == rel)
    return errors, stats


def main(argv):
    base = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    golds = sorted((base / "gold").glob("*.yaml"))
    if not golds:
        print(f"no gold files in {base / 'gold'}", file=sys.stderr)
        return 1
    cols = ("words", "claims") + LEVELS + ("negated", "implicit") + RELATIONS
    print(f"{'gold file':36}" + "".join(f"{c[:6]:>8}" for c in cols))
    problems = []
    for path in golds:
        errors, stats = check(path, base)
        problems += errors
        if stats:
            print(f"{path.name:36}" + "".join(f"{stats[c]:>8}" for c in cols))
    for p in problems:
        print("ERROR", p, file=sys.stderr)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
