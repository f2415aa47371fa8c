"""Sections, paragraphs and sentences, with offsets into the article text.

`ArticleSegmenter` runs right after the tokenizer. It reads the headings the reader
found (`doc.spans["headings"]`, set by the runner), or finds plain-text headings by
their shape when a raw string is processed, and then:
- sets sentence starts: headings and paragraphs (line breaks) always end a sentence;
  inside a paragraph, sentence-final punctuation followed by a capitalised word does,
  unless the word before the full stop is a known abbreviation;
- writes `doc.spans["sections"]` (label = section path "H1 > H2") and
  `doc.spans["paragraphs"]`;
- reads the labels of structured abstracts ("METHODS:", "Results:") at the start of a
  paragraph as headings of the lowest level, so each part is a section of its own.
A later parser keeps these boundaries (spaCy parsers respect preset sentence starts).
"""
from __future__ import annotations

import re

from typing import NamedTuple

import numpy
from spacy.attrs import IS_SPACE, SENT_START, SPACY
from spacy.tokens import Doc, Span

from .io.text import find_text_headings
from .tokens import orth_words

ABBREVIATIONS: frozenset[str] = frozenset(
    "dr mr mrs ms prof st vs e.g i.e etc al fig figs no nos approx ca cf jan feb mar apr jun "
    "jul aug sep sept oct nov dec inc ltd co corp dept univ u.s u.k ph.d m.d".split()
)
_SENT_END = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]"})
_OPENERS = frozenset({'"', "'", "“", "‘", "(", "["})
_STRAIGHT_QUOTES = frozenset({'"', "'"})
SECTION_SEPARATOR = " > "
# lower-case words after which a capital and a full stop are an initial ("by J. Smith")
_NAME_INTRODUCERS = frozenset({"by", "and", "&", "with", "from", "to", "said", "says", "according"})
# Labels of structured abstracts (NLM's categories and the common variants).
ABSTRACT_LABELS: frozenset[str] = frozenset({
    "background", "introduction", "context", "importance", "rationale", "objective", "objectives",
    "aim", "aims", "purpose", "hypothesis", "methods", "method", "materials and methods",
    "methods and materials", "patients and methods", "subjects and methods", "methodology",
    "design", "study design", "setting", "settings", "design, setting, and participants",
    "participants", "patients", "subjects", "population", "interventions", "intervention",
    "exposure", "exposures", "measurements", "main outcome measures", "main outcomes and measures",
    "outcomes", "data sources", "study selection", "data extraction", "data synthesis",
    "eligibility criteria", "search methods", "selection criteria", "data collection and analysis",
    "analysis", "statistical analysis", "results", "findings", "main results", "conclusion",
    "conclusions", "authors' conclusions", "interpretation", "discussion", "limitations",
    "implications", "relevance", "significance", "trial registration", "registration", "funding",
})
_MAX_LABEL_TOKENS = 6


class ArticleSegmenter:
    def __init__(self, name: str = "claimx_segmenter") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if "headings" not in doc.spans:
            doc.spans["headings"] = _char_spans(doc, ((h.start, h.end) for h in find_text_headings(doc.text)))
        # The tokens as plain lists, read from the token array: the loops below index them
        # often, and indexing a Doc creates a Token object each time. (A token's trailing
        # whitespace is one space or none: spaCy makes longer whitespace a token.)
        space_flags = doc.to_array([SPACY, IS_SPACE]).tolist() if len(doc) else []
        tokens = _TokenView(orth_words(doc), [" " if space_after else "" for space_after, _ in space_flags],
                            [bool(is_space) for _, is_space in space_flags])
        paragraphs = list(_paragraphs(tokens))
        labels = [Span(doc, a, b, label="h6") for a, b in _abstract_labels(tokens, paragraphs)]
        if labels:
            doc.spans["headings"] = sorted([*doc.spans["headings"], *labels], key=lambda s: s.start)
        headings = doc.spans["headings"]
        starts = _sentence_starts(tokens, headings) | _after_chat_prefixes(doc, paragraphs, tokens.text)
        # Doc.from_array wants uint64; -1 ("not a start") is stored as its two's complement.
        flags = numpy.full((len(doc), 1), -1, dtype="int64")
        flags[sorted(starts), 0] = 1
        doc.from_array([SENT_START], flags.astype("uint64"))
        doc.spans["paragraphs"] = [Span(doc, a, b, label="paragraph") for a, b in paragraphs]
        doc.spans["sections"] = list(_sections(doc, headings))
        return doc


class _TokenView(NamedTuple):
    text: list[str]
    space_after: list[str]
    is_space: list[bool]


def _char_spans(doc: Doc, offsets):
    spans = []
    for start, end in offsets:
        span = doc.char_span(start, end, label="h1", alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    return spans


def _abstract_labels(tokens: _TokenView, paragraphs) -> list[tuple[int, int]]:
    """(start, end) of "METHODS:"-style labels opening a paragraph that goes on after them."""
    text, space_after, _ = tokens
    found = []
    for start, end in paragraphs:
        for colon in range(start + 1, min(start + _MAX_LABEL_TOKENS + 1, end - 1)):
            if text[colon] == ":":
                words = "".join(text[i] + space_after[i] for i in range(start, colon)).strip()
                if words[:1].isupper() and words.lower() in ABSTRACT_LABELS:
                    found.append((start, colon + 1))
                break
    return found


# The sender line of an exported chat ("11/02/2026, 22:45 - Ros: ", WhatsApp on Android;
# "[11/02/2026, 22:45:10] Ros: ", on iOS): date, time and sender, then the message.
CHAT_PREFIX = re.compile(
    r"(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4},? \d{1,2}:\d{2}(?:\s?[APap]\.?[Mm]\.?)? [-\u2013] "
    r"|\[\d{1,2}[/.]\d{1,2}[/.]\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[APap]\.?[Mm]\.?)?\] )"
    r"[^:\n]{1,40}: ")


def _after_chat_prefixes(doc: Doc, paragraphs, words: list[str]) -> set[int]:
    """The first token of a chat message after its sender line: the date, time and name
    are a sentence of their own, so that the message parses as the sentence it is."""
    starts = set()
    text = None  # Doc.text joins every token: built only for a paragraph that may be a message
    for start, end in paragraphs:
        first_char = words[start][:1]
        if not (first_char == "[" or first_char.isdigit()):
            continue  # a sender line opens with its date, or "[" and the date
        if text is None:
            text = doc.text
        offset = doc[start].idx
        match = CHAT_PREFIX.match(text, offset, min(len(text), offset + 80))
        if match is None:
            continue
        token = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if token is not None and token.start < end:
            starts.add(token.start)
    return starts


def _sentence_starts(tokens: _TokenView, headings) -> set[int]:
    text, space_after, is_space = tokens
    n = len(text)
    if not n:
        return set()
    starts = {0}
    heading_bounds = set()
    for h in headings:
        heading_bounds.add(h.start)
        heading_bounds.add(h.end)
    after_break = False
    for i in range(n):
        if is_space[i]:
            if "\n" in text[i]:
                after_break = True
            continue
        if i in heading_bounds or after_break:
            starts.add(i)
            after_break = False
            continue
        if i and "\n" in space_after[i - 1]:
            starts.add(i)
            continue
        if i and _ends_sentence(tokens, i - 1) and _can_start(text[i]) and not _closes_quote(tokens, i):
            mark_end = _reference_mark_end(text, i)
            if mark_end is None:
                starts.add(i)
            else:
                # "... risk of stroke.[5] Allergic reactions ...": the mark closes its
                # sentence, the next one starts after it (if it starts a sentence at all)
                k = mark_end + 1
                while k < n and is_space[k]:
                    k += 1
                if k < n and _can_start(text[k]):
                    starts.add(k)
    # A sentence never starts on whitespace: move such starts to the next real token.
    fixed = set()
    for i in starts:
        while i < n and is_space[i]:
            i += 1
        if i < n:
            fixed.add(i)
    return fixed or {0}


_REFERENCE_NUMBERS = re.compile(r"^(?:[0-9][0-9,\-\u2013\[\]]*|[,\-\u2013])$")


def _reference_mark_end(text: list[str], i: int) -> int | None:
    """Index of the last "]" of reference marks opening at token i ("[5]", "[12,13]",
    "[5][6]"; web pages render <sup>[5]</sup> after the full stop), or None."""
    end = None
    n = len(text)
    while i < n and text[i] == "[":
        j = i + 1
        while j < n and _REFERENCE_NUMBERS.match(text[j]):
            j += 1
        if j == i + 1 or j >= n or text[j] != "]":
            break
        end, i = j, j + 1
    return end


def _ends_sentence(tokens: _TokenView, i: int) -> bool:
    """Does token i close a sentence? (skipping closing quotes/brackets)"""
    text, space_after, _ = tokens
    while i >= 0 and text[i] in _CLOSERS:
        if i and _opens_quote(tokens, i):
            return False  # 'popular. "It ...': the quote opens the next sentence
        i -= 1
    if i < 0:
        return False
    word = text[i]
    if word in _SENT_END or (word.endswith(".") and len(word) > 1):
        previous = text[i - 1] if i else ""
        if word == ".":
            if i and space_after[i - 1] == "" and previous.lower() in ABBREVIATIONS:
                return False
            if i and len(previous) == 1 and previous.isupper() and _is_initial(text, i - 1):
                return False  # an initial: "J. Smith"
        elif word.rstrip(".").lower() in ABBREVIATIONS:
            return False
        elif len(word) == 2 and word[0].isupper() and _is_initial(text, i):
            return False  # the tokenizer keeps an initial whole: "J." of "J. Smith"
        return True
    return False


def _is_initial(text: list[str], i: int) -> bool:
    """Is the capital letter (or "J." token) at i a person's initial ("Jane A. Smith",
    "by J. Smith") rather than the end of a name like "vitamin D." or "hepatitis B."?"""
    j = i - 1
    while j >= 0 and not text[j].strip():
        j -= 1
    if j < 0:
        return True
    before = text[j]
    return before[:1].isupper() or before == "." or before.lower() in _NAME_INTRODUCERS


def _opens_quote(tokens: _TokenView, i: int) -> bool:
    """A straight quote with a space before it and none after opens a quotation ('said
    "it'); one glued to the word before closes it ('works." Then')."""
    text, space_after, _ = tokens
    return text[i] in _STRAIGHT_QUOTES and i > 0 and bool(space_after[i - 1]) and not space_after[i]


def _closes_quote(tokens: _TokenView, i: int) -> bool:
    text, space_after, _ = tokens
    return text[i] in _STRAIGHT_QUOTES and i > 0 and not space_after[i - 1]


def _can_start(text: str) -> bool:
    if text in _OPENERS:
        return True
    return text[:1].isupper() or text[:1].isdigit()


def _paragraphs(tokens: _TokenView):
    """(start, end) token offsets of the blocks between line breaks."""
    text, space_after, is_space = tokens
    start = None
    for i in range(len(text)):
        if is_space[i] and "\n" in text[i]:
            if start is not None:
                yield start, i
                start = None
            continue
        if start is None:
            start = i
        if "\n" in space_after[i]:
            yield start, i + 1
            start = None
    if start is not None:
        end = len(text)
        while end > start and is_space[end - 1]:
            end -= 1
        if end > start:
            yield start, end


def _sections(doc: Doc, headings):
    """One span per heading, to the next heading of the same or a higher level."""
    ordered = sorted(headings, key=lambda s: s.start)
    levels = [_level(h) for h in ordered]
    path: list[tuple[int, str]] = []
    for i, heading in enumerate(ordered):
        level = levels[i]
        while path and path[-1][0] >= level:
            path.pop()
        path.append((level, heading.text.strip().rstrip(":").rstrip()))
        end = len(doc)
        for j in range(i + 1, len(ordered)):
            if levels[j] <= level:
                end = ordered[j].start
                break
        yield Span(doc, heading.start, end, label=SECTION_SEPARATOR.join(t for _, t in path))


def _level(span: Span) -> int:
    label = span.label_
    return int(label[1:]) if re.fullmatch(r"h[1-6]", label) else 1
