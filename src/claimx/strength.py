"""Claim strength in the four-way scheme of Yu, Li & Wang (2019).

The annotation guide maps a claim's relation and hedge level onto it:
correlational -> correlational; causal or mechanistic with asserted/probable ->
direct_causal; with possible/speculative -> conditional_causal. "none" is for a
sentence that makes no claim.

`claim_strength(relation, hedge_level)` is that mapping (claims.csv uses it).
`sentence_relation(span)` decides the relation of a sentence that the claim layer did
not turn into claims, from cue words (resources/strength_cues.jsonl): a correlational
cue ("associated with", "linked to", "predicts") -> correlational, else a causal cue
("reduces", "improved", "effective", "led to") -> causal, else none.
`assess_sentences(texts)` / `add_strength(df)` run both with the one hedge component
(claimx.hedge.assess_hedge) over many sentences; `claimx strength` is its command line.
"""
from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .hedge import SUBORDINATORS, assess_hedge, clauses_of, inflections
from .resources import english_lemma_lookup, read_jsonl, resource_path

STRENGTHS: tuple[str, ...] = ("none", "correlational", "conditional_causal", "direct_causal")
RELATIONS: tuple[str, ...] = ("none", "correlational", "causal")
_CONFIDENT = frozenset({"asserted", "probable"})
STRENGTH_CUE_FILE = "strength_cues.jsonl"
STRENGTH_SPAN_KEY = "strength_cues"
OUTPUT_COLUMNS: tuple[str, ...] = ("claim_strength", "hedge_level", "hedge_cues")
LIST_SEPARATOR = ";"
# pipeline components the sentence-level judgement needs (the rest is disabled)
NEEDED_COMPONENTS: frozenset[str] = frozenset({"tok2vec", "tagger", "attribute_ruler", "lemmatizer",
                                               "parser", "claimx_hedge", "claimx_strength",
                                               "claimx_relation"})
# the relation classifier (none / correlational / causal), see claimx.evaluation.textcat
RELATION_MODEL_DIR = "strength_relation"


def claim_strength(relation: str | None, hedge_level: str | None) -> str:
    if not relation or relation == "none":
        return "none"
    if relation == "correlational":
        return "correlational"
    return "direct_causal" if hedge_level in _CONFIDENT else "conditional_causal"


@dataclass(frozen=True, slots=True)
class SentenceStrength:
    claim_strength: str
    hedge_level: str
    hedge_cues: tuple[str, ...]
    relation: str
    trigger: str  # the words that set the relation ("" for none)
    negated: bool = False
    trigger_root: int | None = None  # doc index of the trigger's head word (parse features)

    def as_row(self) -> dict:
        return {"claim_strength": self.claim_strength, "hedge_level": self.hedge_level,
                "hedge_cues": LIST_SEPARATOR.join(self.hedge_cues)}


EMPTY_ROW = {"claim_strength": "", "hedge_level": "", "hedge_cues": ""}


class StrengthCueDetector:
    """Marks correlational and causal cue words in `doc.spans["strength_cues"]`
    (factory `claimx_strength`)."""

    def __init__(self, nlp, name: str = "claimx_strength", cue_file: str = STRENGTH_CUE_FILE) -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_kind: dict[str, set[str]] = {}
        for entry in read_jsonl(cue_file):
            forms = inflections(entry["cue"]) if entry.get("inflect") else {entry["cue"]}
            by_kind.setdefault(entry["kind"], set()).update(forms)
        for kind, phrases in by_kind.items():
            self.matcher.add(kind, list(nlp.tokenizer.pipe(sorted(phrases))))

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        doc.spans[STRENGTH_SPAN_KEY] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc


def sentence_relation(sent: Span, *, use_cats: bool = True) -> tuple[str, list[Span]]:
    """(relation, trigger spans) of a sentence. With the relation classifier in the
    pipeline (`doc.cats`), its decision; else from the strength cues: correlational wins
    over causal ("X was associated with reduced Y"), none without a cue. The triggers
    are always cue words of the text (empty when the classifier found a relation that no
    cue names)."""
    doc = sent.doc
    cues = [c for c in doc.spans.get(STRENGTH_SPAN_KEY, []) if sent.start <= c.start < sent.end]
    if use_cats and doc.cats and set(RELATIONS) <= set(doc.cats):
        relation = max(RELATIONS, key=lambda r: doc.cats[r])
        return relation, [c for c in cues if c.label_ == relation]
    frames = [c for c in cues if c.label_ == "none_frame"]
    for relation in ("correlational", "causal"):
        found = [c for c in cues if c.label_ == relation]
        if found:
            if frames and _framed(sent, frames, main_trigger(sent, found)):
                return "none", []
            return relation, found
    return "none", []


def _framed(sent: Span, frames: list[Span], trigger: Span) -> bool:
    """A call for research or a recommendation governs the trigger ("Further studies are
    needed to confirm the effectiveness of X", "X should be promoted to reduce Y"): the
    sentence makes no claim of its own. With a parse: the frame lies on the trigger's
    path to the root or attaches to it; without: the same clause."""
    doc = sent.doc
    if doc.has_annotation("DEP"):
        from .hedge import _claim_path, governs

        path = _claim_path(doc, [trigger.root.i])
        return any(governs(f, path) for f in frames)
    clauses = clauses_of(sent)
    same = next(((lo, hi) for lo, hi in clauses if lo <= trigger.start < hi), None)
    return same is not None and any(same[0] <= f.start < same[1] for f in frames)


def main_trigger(sent: Span, triggers: list[Span]) -> Span | None:
    """The trigger of the sentence's main claim: the one nearest the root of the parse,
    or without a parse the first one outside a subordinate clause ("Although X may
    help, Y reduced Z" -> "reduced")."""
    if not triggers:
        return None
    doc = sent.doc
    # a trigger inside a subordinate clause ("Although X may help, ...") is not the main
    # claim, whatever the parse says (parsers often root such sentences in that clause)
    subordinate = [(lo, hi) for lo, hi in clauses_of(sent) if doc[lo].lower_ in SUBORDINATORS]
    triggers = [t for t in triggers if not any(lo <= t.start < hi for lo, hi in subordinate)] or triggers
    if doc.has_annotation("DEP"):
        return min(triggers, key=lambda t: (len(_path_to_root(t.root)), t.start))
    return triggers[0]


def assess_sentence(sent: Span, *, use_cats: bool = True) -> SentenceStrength:
    relation, triggers = sentence_relation(sent, use_cats=use_cats)
    trigger = main_trigger(sent, triggers)
    anchors = [trigger.root.i] if trigger is not None else None
    hedge = assess_hedge(sent, None, anchors=anchors)
    return SentenceStrength(claim_strength=claim_strength(relation, hedge.level), hedge_level=hedge.level,
                            hedge_cues=hedge.cues, relation=relation,
                            trigger=trigger.text if trigger is not None else "", negated=hedge.negated,
                            trigger_root=trigger.root.i if trigger is not None else None)


# -- the relation classifier ----------------------------------------------------------


def classifier_words(sent: Span, rules: SentenceStrength) -> list[str]:
    """What the relation classifier reads: the lower-cased words of the sentence plus
    marker words for the cue rules' judgement (relation, hedge level, negation, trigger
    and hedge cues) and for the parse around the claim (`parse_words`). The same function
    builds the training and the runtime input, from the tokens claimx's pipeline made (no
    second tokenization)."""
    words = [t.lower_ for t in sent if not t.is_space]
    words += [f"xhedge{rules.hedge_level}", f"xrel{rules.relation}"]
    if rules.negated:
        words.append("xneg")
    if rules.trigger:
        words.append("xtrig" + rules.trigger.lower().replace(" ", "_"))
    words += ["xcue" + cue.lower().replace(" ", "_") for cue in rules.hedge_cues]
    return words + parse_words(sent, rules)


# Clauses that subordinate what they hold; the root's dependents worth naming with their word.
_SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "ccomp", "xcomp", "acl", "pcomp", "csubj", "csubjpass", "parataxis"})
_ROOT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "acomp", "aux", "auxpass", "neg", "advmod", "ccomp",
                        "xcomp", "advcl", "prep", "agent", "expl", "csubj", "oprd"})
_COMPARATIVES = frozenset({"higher", "lower", "more", "less", "greater", "increased", "decreased", "reduced",
                           "elevated"})


def parse_words(sent: Span, rules: SentenceStrength) -> list[str]:
    """Marker words for the structure of the sentence's main claim, which bags of words
    miss ("X was associated with Y" and "X reduced Y" in a group comparison, a trigger in
    a subordinate clause, a recommendation at the root): the root and its dependents (R),
    the main trigger's dependency, head, path to the root and subject (G), each strength
    cue's depth and clause (K) and comparatives (C). Empty without a parse; words are
    lemmatised by lookup. Measured by 5-fold cross-validation on Yu et al. 2019 (docs/hedge.md)."""
    doc = sent.doc
    if not doc.has_annotation("DEP"):
        return []
    lemmas = english_lemma_lookup()

    def lemma(tok) -> str:
        return lemmas.get(tok.lower_, tok.lower_)

    root = sent.root
    words = [f"R:root={lemma(root)}", f"R:roottag={root.tag_}",
             f"R:pattern={lemma(root)}|{','.join(sorted(c.dep_ for c in root.children if c.dep_ != 'punct'))}"]
    for child in root.children:
        words.append(f"R:rc={child.dep_}")
        if child.dep_ in _ROOT_DEPS:
            words.append(f"R:rc={child.dep_}:{lemma(child)}")
            if child.dep_ == "prep":
                words += [f"R:prep={lemma(child)}:{lemma(g)}" for g in child.children if g.dep_ == "pobj"]
            if child.dep_ in ("xcomp", "ccomp", "acomp", "advcl"):
                words += [f"R:c2={child.dep_}>{g.dep_}:{lemma(g)}" for g in child.children
                          if g.dep_ in ("dobj", "prep", "aux", "neg", "nsubj", "nsubjpass", "auxpass")]
    for tok in sent:
        if tok.tag_ in ("JJR", "RBR") or tok.lower_ in _COMPARATIVES:
            words += [f"C:cmp={tok.dep_}", f"C:cmp={lemma(tok)}:{tok.dep_}:{lemma(tok.head)}"]
    if any(tok.lower_ == "than" for tok in sent):
        words.append("C:than")
    cues = [c for c in doc.spans.get(STRENGTH_SPAN_KEY, []) if sent.start <= c.start < sent.end]
    main = None
    for cue in cues:
        path = _path_to_root(cue.root)
        depth = len(path) - 1
        words += [f"K:{cue.label_}", f"K:{cue.label_}:d{min(depth, 4)}",
                  f"K:{cue.label_}:sub{int(any(t.dep_ in _SUBORDINATE_DEPS for t in path[:-1]))}",
                  f"K:{cue.label_}:dep={cue.root.dep_}"]
        if main is None or depth < main[0]:
            main = (depth, cue.label_)
    if main:
        words.append(f"K:main={main[1]}")
    words.append("K:set=" + "+".join(sorted({c.label_ for c in cues})))
    words += _trigger_words(doc, rules.trigger_root, lemma)
    return ["x" + w.replace(" ", "_") for w in words]


def _trigger_words(doc: Doc, trigger_root: int | None, lemma) -> list[str]:
    if trigger_root is None:
        return ["G:notrig"]
    trigger = doc[trigger_root]
    path = _path_to_root(trigger)
    words = [f"G:trig={lemma(trigger)}", f"G:trigdep={trigger.dep_}", f"G:trigtag={trigger.tag_}",
             f"G:trighead={trigger.dep_}:{lemma(trigger.head)}", f"G:trigdepth={min(len(path) - 1, 5)}",
             f"G:trigpath={'>'.join(t.dep_ for t in path[:4])}"]
    for tok in path[1:]:
        words += [f"G:anc={lemma(tok)}", f"G:ancdep={tok.dep_}"]
    words += [f"G:insub={t.dep_}" for t in path[:-1] if t.dep_ in _SUBORDINATE_DEPS]
    for child in trigger.children:
        words += [f"G:tc={child.dep_}", f"G:tc={child.dep_}:{lemma(child)}"]
    for tok in path:
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects:
            words += [f"G:subj={lemma(subjects[0])}", f"G:subjtag={subjects[0].tag_}"]
            break
    return words


def _path_to_root(tok) -> list:
    """tok, its head, ..., the sentence root (spaCy's `Token.ancestors`)."""
    return [tok, *tok.ancestors]


def classifier_inputs(texts: Sequence[str], nlp, batch_size: int = 256) -> tuple[list[SentenceStrength], list[list[str]]]:
    """(cue-rule judgements, classifier inputs) of sentences, with a pipeline without the
    classifier (`strength_nlp(use_classifier=False)`): for training and evaluation."""
    rules, words = [], []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        r = assess_sentence(doc[:], use_cats=False)
        rules.append(r)
        words.append(classifier_words(doc[:], r))
    return rules, words


_RULES_KEY = "claimx_strength_rules"


class RelationClassifier:
    """Pipeline component `claimx_relation`: sets `doc.cats` (none / correlational /
    causal) from a small spaCy text classifier that reads the sentence and the cue
    rules' judgement (see claimx.evaluation.textcat)."""

    def __init__(self, model_dir: str, name: str = "claimx_relation") -> None:
        import spacy

        self.name = name
        self.model = spacy.load(model_dir)
        self.textcat = self.model.get_pipe("textcat")

    def _inputs(self, docs: list[Doc]) -> list[Doc]:
        inputs = []
        for doc in docs:
            rules = assess_sentence(doc[:], use_cats=False)
            doc.user_data[_RULES_KEY] = rules
            inputs.append(Doc(self.model.vocab, words=classifier_words(doc[:], rules)))
        return inputs

    def __call__(self, doc: Doc) -> Doc:
        doc.cats = dict(self.textcat(self._inputs([doc])[0]).cats)
        return doc

    def pipe(self, docs, batch_size: int = 256):
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            for doc, scored in zip(batch, self.textcat.pipe(self._inputs(batch), batch_size=batch_size)):
                doc.cats = dict(scored.cats)
                yield doc


# -- many sentences --------------------------------------------------------------------


def relation_model_path():
    return resource_path(RELATION_MODEL_DIR)


def strength_nlp(model=None, *, use_classifier: bool = True, use_model: bool = True):
    """claimx's pipeline with the sentence-strength cue detector and, if shipped, the
    relation classifier; only the components the judgement needs are enabled
    (tokenizer, parser if trained, hedge and strength cues, classifier).
    `use_model=False`: no trained pipeline, so the rule (clause) scope."""
    from .pipeline import make_nlp

    nlp = make_nlp(model, use_model=use_model)
    if "claimx_strength" not in nlp.pipe_names:
        nlp.add_pipe("claimx_strength", after="claimx_hedge")
    model_dir = relation_model_path()
    # it was trained with parse words: without a parser its input would be unlike its training
    if use_classifier and "parser" in nlp.pipe_names and model_dir.joinpath("config.cfg").is_file():
        nlp.add_pipe("claimx_relation", config={"model_dir": str(model_dir)}, after="claimx_strength")
    keep = [name for name in nlp.pipe_names if name in NEEDED_COMPONENTS]
    nlp.select_pipes(enable=keep)
    return nlp


def _valid_text(value) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    # a cell without a single letter ("", "123", "-") holds no sentence
    return text if any(ch.isalpha() for ch in text) else None


def assess_sentences(texts: Iterable, nlp=None, batch_size: int = 256) -> Iterator[SentenceStrength | None]:
    """One SentenceStrength per input (None for an empty or non-text value), in order."""
    if nlp is None:
        nlp = strength_nlp()
    items = list(texts)
    valid = [(i, t) for i, t in ((i, _valid_text(v)) for i, v in enumerate(items)) if t is not None]
    results: list[SentenceStrength | None] = [None] * len(items)
    docs = nlp.pipe((t for _, t in valid), batch_size=batch_size)
    for (i, _), doc in zip(valid, docs):
        rules = doc.user_data.pop(_RULES_KEY, None)
        if rules is not None and (not doc.cats or max(doc.cats, key=doc.cats.get) == rules.relation):
            results[i] = rules  # the classifier agreed with the cue rules
        else:
            results[i] = assess_sentence(doc[:])
    return iter(results)


def add_strength(df, column: str = "sentence", nlp=None, batch_size: int = 256):
    """A copy of DataFrame `df` with claim_strength, hedge_level and hedge_cues added
    (every input column and the row order kept). Rows whose `column` is empty or not
    text get empty fields and one warning."""
    if column not in df.columns:
        raise KeyError(f"no '{column}' column (columns: {', '.join(map(str, df.columns))})")
    out = df.copy()
    results = list(assess_sentences(out[column].tolist(), nlp=nlp, batch_size=batch_size))
    bad = [k for k, r in enumerate(results) if r is None]
    if bad:
        shown = ", ".join(str(k + 1) for k in bad[:10]) + (" ..." if len(bad) > 10 else "")
        warnings.warn(f"claimx strength: {len(bad)} row(s) with an empty or non-text '{column}' "
                      f"left blank (data rows {shown})", stacklevel=2)
    rows = [r.as_row() if r is not None else EMPTY_ROW for r in results]
    for name in OUTPUT_COLUMNS:
        out[name] = [row[name] for row in rows]
    return out


@dataclass(slots=True)
class SentenceTable:
    """A CSV read verbatim: header and rows as strings (rows may be ragged)."""

    header: list[str]
    rows: list[list[str]]
    column: int  # index of the sentence column


def read_sentence_csv(path, column: str = "sentence") -> SentenceTable:
    """A CSV as written (any text encoding claimx reads: UTF-8 with or without BOM,
    UTF-16, legacy single-byte), every cell a string. Raises ValueError for a file that
    is empty, not text, or has no `column`."""
    import csv
    import io
    from pathlib import Path

    from .errors import InputError
    from .io.decode import decode_bytes

    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise ValueError("the file is empty")
    try:
        text, _, _ = decode_bytes(data, path)
    except InputError as exc:
        raise ValueError(exc.reason) from None
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise ValueError(f"not a readable CSV ({exc})") from None
    header, rows = records[0], records[1:]
    if column not in header:
        raise ValueError(f"no '{column}' column (columns: {', '.join(header)})")
    return SentenceTable(header, rows, header.index(column))


def strength_csv(input_path, output_path, column: str = "sentence", nlp=None, batch_size: int = 256,
                 table: SentenceTable | None = None) -> dict:
    """`claimx strength` as a function: read a CSV, add claim_strength, hedge_level and
    hedge_cues, write it (UTF-8, atomically). Every input column, cell and row is kept in
    order; a row with an empty or non-text sentence, or with more cells than the header,
    gets empty fields (its extra cells are kept after the new columns) and a warning;
    a short row is padded with empty cells. Returns counts, timing and the warnings given."""
    import csv
    import time

    from .export import atomic_open

    if table is None:
        table = read_sentence_csv(input_path, column)
    if nlp is None:
        nlp = strength_nlp()
    header, width = list(table.header), len(table.header)
    messages = []
    if header.count(column) > 1:
        messages.append(f"several '{column}' columns; the first one is read")
    existing = [name for name in OUTPUT_COLUMNS if name in header]
    if existing:
        messages.append(f"the input already has {', '.join(existing)}: those columns are overwritten")
    long_rows = [k for k, row in enumerate(table.rows) if len(row) > width]
    short_rows = [k for k, row in enumerate(table.rows) if len(row) < width]
    # a row with more cells than the header is misaligned: which cell is the sentence?
    sentences = [row[table.column] if len(row) <= width and table.column < len(row) else None
                 for row in table.rows]
    t0 = time.perf_counter()
    results = list(assess_sentences(sentences, nlp=nlp, batch_size=batch_size))
    seconds = time.perf_counter() - t0
    blank = [k for k, r in enumerate(results) if r is None and k not in set(long_rows)]
    if blank:
        messages.append(f"{len(blank)} row(s) with an empty or non-text '{column}' left blank "
                        f"(data rows {_row_list(blank)})")
    if long_rows:
        messages.append(f"{len(long_rows)} row(s) with more cells than the header left blank, extra cells "
                        f"kept at the end (data rows {_row_list(long_rows)})")
    if short_rows:
        messages.append(f"{len(short_rows)} row(s) with fewer cells than the header padded with empty cells "
                        f"(data rows {_row_list(short_rows)})")
    out_header = header + [name for name in OUTPUT_COLUMNS if name not in header]
    where = {name: out_header.index(name) for name in OUTPUT_COLUMNS}
    with atomic_open(output_path) as f:
        writer = csv.writer(f)
        writer.writerow(out_header)
        for row, result in zip(table.rows, results):
            values = result.as_row() if result is not None else EMPTY_ROW
            cells = row[:width] + [""] * (width - len(row[:width]))
            cells += [""] * (len(out_header) - width)
            for name, i in where.items():
                cells[i] = values[name]
            writer.writerow(cells + row[width:])
    n_bad = sum(1 for r in results if r is None)
    return {"rows": len(results), "bad_rows": n_bad, "seconds": seconds,
            "sentences_per_second": (len(results) - n_bad) / seconds if seconds > 0 else float("inf"),
            "warnings": messages}


def _row_list(indices: list[int], limit: int = 10) -> str:
    return ", ".join(str(k + 1) for k in indices[:limit]) + (" ..." if len(indices) > limit else "")


def strength_counts(values: Sequence[str]) -> dict[str, int]:
    return {s: sum(1 for v in values if v == s) for s in STRENGTHS}
