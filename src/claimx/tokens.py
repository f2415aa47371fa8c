"""Token helpers shared by the rule components.

claimx's tokenizer splits hyphenated words ("treatment-resistant" -> "treatment", "-",
"resistant"), so the rules need to see such a word whole again.
"""
from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.attrs import ENT_TYPE, LOWER, ORTH, SPACY
from spacy.tokens import Doc

# A doc's words do not change once the tokenizer has cut them (no claimx component
# retokenizes), yet eight components each read the lower-cased words of every doc: each
# doc's lists are read once and kept while the doc lives. The token count is kept with
# them, so that a doc retokenized after all (by a user's own component) is read anew.
_LOWER_CACHE: WeakKeyDictionary = WeakKeyDictionary()
_ORTH_CACHE: WeakKeyDictionary = WeakKeyDictionary()


def lower_words(doc: Doc) -> list[str]:
    """The lower-cased words of a doc, read from its token array: about twice as fast as
    `[t.lower_ for t in doc]`, which builds a Token object per word (the rule components
    scan every word of every doc). The list is shared by every caller: read it, never
    change it."""
    return _cached_strings(doc, LOWER, _LOWER_CACHE)


def orth_words(doc: Doc) -> list[str]:
    """The words of a doc as written, read (and shared) like `lower_words`."""
    return _cached_strings(doc, ORTH, _ORTH_CACHE)


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined from the doc's shared word list and its space flags: `Doc.text`
    builds a Token object per word to ask for its text and trailing space."""
    if not len(doc):
        return ""
    return "".join([word + " " if space else word for word, space in zip(orth_words(doc), doc.to_array(SPACY).tolist())])


def entity_types(doc: Doc) -> list[str]:
    """Each token's entity label ('' outside entities), read like `lower_words`."""
    return _strings(doc, ENT_TYPE)


def _cached_strings(doc: Doc, attr: int, cache: WeakKeyDictionary) -> list[str]:
    n_tokens, words = cache.get(doc, (-1, None))
    if words is None or n_tokens != len(doc):
        words = _strings(doc, attr)
        cache[doc] = (len(doc), words)
    return words


def _strings(doc: Doc, attr: int) -> list[str]:
    strings = doc.vocab.strings
    return [strings[h] if h else "" for h in doc.to_array(attr).tolist()] if len(doc) else []


def in_hyphenated_word(doc: Doc, start: int, end: int) -> bool:
    """Is doc[start:end] a piece of a hyphenated word ("treatment" in
    "treatment-resistant", "go" in "no-go")? Such pieces are no cues."""
    if start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        if start < 2 or not doc[start - 2].whitespace_:
            return True
    return end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_


def glued_start(doc: Doc, i: int) -> int:
    """First token of the hyphenated word that token i ends or lies in ("5-HT2A",
    "treatment-resistant"): pieces joined by '-' with no space between them."""
    start = i
    while (start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
           and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isalnum()):
        start -= 2
    return start
