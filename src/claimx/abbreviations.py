"""scispacy's abbreviation detector with the same findings, found faster.

`AbbreviationDetector` (Schwartz & Hearst) looks for "long form (SF)" and "SF (long form)"
between every "(" and every later ")" of a doc: its token Matcher pattern `( + )` keeps a
state alive from each "(" to the end of the doc, and its pairs are then dropped unless
at most eight words lie between the brackets. Each pair it finds for a short form is
then added to a second Matcher, which validates every pattern it is given. Here the pairs
are listed from the brackets' positions, in the Matcher's order, leaving out only the
over-long ones that the detector drops anyway, and the second Matcher skips the
validation of patterns that are always plain ORTH lists. `doc._.abbreviations` is the same.
"""

# (no `from __future__ import annotations`: spaCy reads the factory's signature to validate its config)
from scispacy.abbreviation import AbbreviationDetector
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from .tokens import orth_words

# scispacy's filter_matches drops a bracket pair with more words than this between its brackets
MAX_INNER_WORDS = 8


def bracket_pairs(doc: Doc, max_inner: int | None = None) -> list[tuple[int, int, int]]:
    """What scispacy's Matcher pattern [{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}] gives
    as (match_id, start, end): every "(" with every later ")" and at least one token between,
    by the ")" in text order, then the nearer "(" first. With `max_inner`, only pairs with
    at most that many tokens between the brackets."""
    found = []
    opens: list[int] = []
    for i, word in enumerate(orth_words(doc)):
        if word == ")":
            for start in reversed(opens):
                inner = i - start - 1
                if max_inner is not None and inner > max_inner:
                    break  # the earlier brackets are farther still
                if inner >= 1:
                    found.append((0, start, i + 1))
        elif word == "(":
            opens.append(i)
    return found


class _BracketPairs:
    """Stands in for the detector's parenthesis Matcher: called on a doc, it returns the
    pairs the detector can use (match ids are not read)."""

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        # scispacy strips the brackets and then drops spans of more than MAX_INNER_WORDS tokens
        return bracket_pairs(doc, MAX_INNER_WORDS)


@Language.factory("claimx_abbreviation_detector")
class FastAbbreviationDetector(AbbreviationDetector):
    def __init__(self, nlp: Language, name: str = "abbreviation_detector", make_serializable: bool = False) -> None:
        super().__init__(nlp, name, make_serializable)
        self.matcher = _BracketPairs()
        # its patterns are [{"ORTH": word}, ...] lists of a found short form: nothing to validate
        self.global_matcher = Matcher(nlp.vocab, validate=False)
