"""Hedge level and negation of a claim, from cue words that govern it.

`HedgeDetector` (factory `claimx_hedge`) marks every cue of resources/hedge_cues.jsonl
in `doc.spans["hedge_cues"]` (label = cue kind). `assess_hedge(sent, scope)` turns the
cues that lie in a claim's scope into one of the four levels of the annotation guide:

- speculative: an explicitly tentative stage ("preliminary", "is being investigated",
  "proposed mechanism") or two or more stacked epistemic hedges ("could potentially");
- possible: one epistemic hedge ("may", "suggests", "promising");
- probable: reported evidence, an ability modal or a frequency qualifier ("research
  shows", "can", "often") and no epistemic hedge;
- asserted: none of these (boosters such as "clearly" are reported but keep it asserted).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .resources import read_jsonl

LEVELS: tuple[str, ...] = ("asserted", "probable", "possible", "speculative")
CUE_FILE = "hedge_cues.jsonl"
PROBABLE_KINDS: frozenset[str] = frozenset({"evidence", "ability", "frequency"})


@dataclass(frozen=True, slots=True)
class HedgeAssessment:
    level: str
    cues: tuple[str, ...]  # the words of the text that set the level
    negated: bool
    negation_cues: tuple[str, ...]


class HedgeDetector:
    def __init__(self, nlp, name: str = "claimx_hedge", cue_file: str = CUE_FILE) -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_kind: dict[str, list[str]] = {}
        for entry in read_jsonl(cue_file):
            by_kind.setdefault(entry["kind"], []).append(entry["cue"])
        for kind, phrases in by_kind.items():
            self.matcher.add(kind, list(nlp.tokenizer.pipe(phrases)))

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)]
        doc.spans["hedge_cues"] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc


def cues_in(sent: Span, scope: Iterable[int] | None = None) -> list[Span]:
    """The cue spans of `sent` whose first token lies in `scope` (token indices)."""
    allowed = set(scope) if scope is not None else None
    return [c for c in sent.doc.spans.get("hedge_cues", [])
            if sent.start <= c.start < sent.end and (allowed is None or c.start in allowed)]


def assess_hedge(sent: Span, scope: Iterable[int] | None = None) -> HedgeAssessment:
    cues = cues_in(sent, scope)
    kinds = [c.label_ for c in cues]
    n_epistemic = kinds.count("epistemic")
    if "tentative" in kinds or n_epistemic >= 2:
        level = "speculative"
        used = [c for c in cues if c.label_ in ("tentative", "epistemic")]
    elif n_epistemic == 1:
        level = "possible"
        used = [c for c in cues if c.label_ == "epistemic"]
    elif PROBABLE_KINDS.intersection(kinds):
        level = "probable"
        used = [c for c in cues if c.label_ in PROBABLE_KINDS]
    else:
        level = "asserted"
        used = [c for c in cues if c.label_ == "booster"]
    negations = [c for c in cues if c.label_ == "negation"]
    return HedgeAssessment(level=level, cues=tuple(c.text for c in used),
                           negated=bool(negations), negation_cues=tuple(c.text for c in negations))


def sentence_hedge(sent: Span) -> HedgeAssessment:
    """Sentence-level judgement (no claim scope): used by `claimx strength`."""
    return assess_hedge(sent)
