"""Sections, paragraphs and sentences, with offsets into the article text.

`ArticleSegmenter` runs right after the tokenizer. It reads the headings the reader
found (`doc.spans["headings"]`, set by the runner), or finds plain-text headings by
their shape when a raw string is processed, and then:
- sets sentence starts: headings and paragraphs (line breaks) always end a sentence;
  inside a paragraph, sentence-final punctuation followed by a capitalised word does,
  unless the word before the full stop is a known abbreviation;
- writes `doc.spans["sections"]` (label = section path "H1 > H2") and
  `doc.spans["paragraphs"]`.
A later parser keeps these boundaries (spaCy parsers respect preset sentence starts).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .io.text import find_text_headings

ABBREVIATIONS: frozenset[str] = frozenset(
    "dr mr mrs ms prof st vs e.g i.e etc al fig figs no nos approx ca cf jan feb mar apr jun "
    "jul aug sep sept oct nov dec inc ltd co corp dept univ u.s u.k ph.d m.d".split()
)
_SENT_END = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]"})
_OPENERS = frozenset({'"', "'", "“", "‘", "(", "["})
SECTION_SEPARATOR = " > "


class ArticleSegmenter:
    def __init__(self, name: str = "claimx_segmenter") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if "headings" not in doc.spans:
            doc.spans["headings"] = _char_spans(doc, ((h.start, h.end) for h in find_text_headings(doc.text)),
                                                labels=None)
        headings = doc.spans["headings"]
        starts = _sentence_starts(doc, headings)
        for token in doc:
            token.is_sent_start = token.i in starts
        doc.spans["paragraphs"] = list(_paragraphs(doc))
        doc.spans["sections"] = list(_sections(doc, headings))
        return doc


def _char_spans(doc: Doc, offsets, labels):
    spans = []
    for i, (start, end) in enumerate(offsets):
        span = doc.char_span(start, end, label=(labels[i] if labels else "heading"), alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    return spans


def _sentence_starts(doc: Doc, headings) -> set[int]:
    starts = {0}
    heading_bounds = set()
    for h in headings:
        heading_bounds.add(h.start)
        heading_bounds.add(h.end)
    after_break = False
    for i, token in enumerate(doc):
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            continue
        if i in heading_bounds or after_break:
            starts.add(i)
            after_break = False
            continue
        if i and "\n" in doc[i - 1].whitespace_:
            starts.add(i)
            continue
        if i and _ends_sentence(doc, i - 1) and _can_start(token):
            starts.add(i)
    # A sentence never starts on whitespace: move such starts to the next real token.
    fixed = set()
    for i in starts:
        while i < len(doc) and doc[i].is_space:
            i += 1
        if i < len(doc):
            fixed.add(i)
    return fixed or {0}


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Does token i close a sentence? (skipping closing quotes/brackets)"""
    while i >= 0 and doc[i].text in _CLOSERS:
        i -= 1
    if i < 0:
        return False
    token = doc[i]
    if token.text in _SENT_END or (token.text.endswith(".") and len(token.text) > 1):
        word = token.text.rstrip(".").lower() if token.text != "." else (doc[i - 1].text.lower() if i else "")
        if token.text == "." and i and doc[i - 1].whitespace_ == "" and word in ABBREVIATIONS:
            return False
        if token.text != "." and word in ABBREVIATIONS:
            return False
        if token.text == "." and i and re.fullmatch(r"[A-Z]", doc[i - 1].text):
            return False  # an initial: "J. Smith"
        return True
    return False


def _can_start(token) -> bool:
    text = token.text
    if text in _OPENERS:
        return True
    return text[:1].isupper() or text[:1].isdigit()


def _paragraphs(doc: Doc):
    start = None
    for token in doc:
        if token.is_space and "\n" in token.text:
            if start is not None:
                yield Span(doc, start, token.i, label="paragraph")
                start = None
            continue
        if start is None:
            start = token.i
        if "\n" in token.whitespace_:
            yield Span(doc, start, token.i + 1, label="paragraph")
            start = None
    if start is not None:
        end = len(doc)
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            yield Span(doc, start, end, label="paragraph")


def _sections(doc: Doc, headings):
    """One span per heading, to the next heading of the same or a higher level."""
    ordered = sorted(headings, key=lambda s: s.start)
    levels = [_level(h) for h in ordered]
    path: list[tuple[int, str]] = []
    for i, heading in enumerate(ordered):
        level = levels[i]
        while path and path[-1][0] >= level:
            path.pop()
        path.append((level, heading.text.strip()))
        end = len(doc)
        for j in range(i + 1, len(ordered)):
            if levels[j] <= level:
                end = ordered[j].start
                break
        yield Span(doc, heading.start, end, label=SECTION_SEPARATOR.join(t for _, t in path))


def _level(span: Span) -> int:
    label = span.label_
    return int(label[1:]) if re.fullmatch(r"h[1-6]", label) else 1
