"""Score the shipped pipeline on splits it was neither trained nor tuned on.

NER is scored on exact character offsets of the *original* annotations, so the
number does not depend on how our tokenizer happened to cut the gold text:
a predicted mention counts only if its start, end and label all match.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from claimx.training.convert import BC5CDR_LABELS, read_lines, read_pubtator

CharSpan = tuple[int, int, str]  # start_char, end_char, label


def prf(true_positive: int, predicted: int, gold: int) -> dict[str, float]:
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / gold if gold else 0.0
    f_score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(100 * precision, 2), "r": round(100 * recall, 2), "f": round(100 * f_score, 2),
            "n_gold": gold, "n_pred": predicted}


def score_char_spans(
    nlp: Language,
    texts: Sequence[str],
    gold: Sequence[set[CharSpan]],
    labels: Iterable[str] | None = None,
) -> dict[str, dict[str, float]]:
    """Micro P/R/F overall and per label; ``labels`` restricts both sides."""
    wanted = set(labels) if labels else None
    true_positive, predicted, expected = Counter(), Counter(), Counter()
    # the NER alone, with the shared tok2vec it may listen to
    ner_only = [name for name in nlp.pipe_names if name not in ("ner", "tok2vec")]
    with nlp.select_pipes(disable=ner_only):
        for doc, gold_spans in zip(nlp.pipe(texts, batch_size=64), gold):
            pred_spans = {(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents}
            if wanted is not None:
                pred_spans = {span for span in pred_spans if span[2] in wanted}
                gold_spans = {span for span in gold_spans if span[2] in wanted}
            for label_set, counter in ((pred_spans, predicted), (gold_spans, expected), (pred_spans & gold_spans, true_positive)):
                for _, _, label in label_set:
                    counter[label] += 1
    scores = {"overall": prf(sum(true_positive.values()), sum(predicted.values()), sum(expected.values()))}
    for label in sorted(set(expected) | set(predicted)):
        scores[label] = prf(true_positive[label], predicted[label], expected[label])
    return scores


def pubtator_gold(path: Path) -> tuple[list[str], list[set[CharSpan]]]:
    texts, gold = [], []
    for record in read_pubtator(read_lines(path)):
        texts.append(record.text)
        gold.append({(m.start, m.end, BC5CDR_LABELS[m.label]) for m in record.mentions if m.label in BC5CDR_LABELS})
    return texts, gold


def docbin_gold(path: Path, vocab) -> tuple[list[str], list[set[CharSpan]]]:
    docs = list(DocBin().from_disk(path).get_docs(vocab))
    return [doc.text for doc in docs], [{(e.start_char, e.end_char, e.label_) for e in doc.ents} for doc in docs]


def score_parser(nlp: Language, reference_path: Path, *, gold_tokens: bool = False) -> dict[str, float]:
    """spaCy's scorer on held-out CRAFT articles (UAS/LAS exclude punctuation).

    End to end (default), the text is tokenised by our tokenizer and a gold token that
    is not exactly one of ours (CRAFT keeps "aspirin-induced" whole, we split it) counts
    as wrong. With `gold_tokens` the parser gets CRAFT's own tokens, the usual setting
    for comparing parsers (treebank tokenisation given).
    """
    references = list(DocBin().from_disk(reference_path).get_docs(nlp.vocab))
    if gold_tokens:
        inputs = [Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
                  for doc in references]
    else:
        inputs = [nlp.make_doc(doc.text) for doc in references]
    examples = [Example(predicted, doc) for predicted, doc in zip(inputs, references)]
    with nlp.select_pipes(disable=["ner"]):
        scores = nlp.evaluate(examples)
    keys = ("tag_acc", "pos_acc", "lemma_acc", "dep_uas", "dep_las", "sents_p", "sents_r", "sents_f")
    return {key: round(100 * scores[key], 2) for key in keys if scores.get(key) is not None}


def words_per_second(nlp: Language, texts: Sequence[str], repeats: int = 1) -> dict[str, float]:
    """Throughput of the whole model pipeline (tokenizer included), one process."""
    list(nlp.pipe(texts[:20]))  # warm up
    start = time.perf_counter()
    words = 0
    for _ in range(repeats):
        for doc in nlp.pipe(texts, batch_size=64):
            words += len(doc)
    seconds = time.perf_counter() - start
    return {"words": words, "seconds": round(seconds, 2), "words_per_second": round(words / seconds)}


def evaluate_all(model_dir: Path, data_dir: Path, corpus_dir: Path) -> dict:
    """Every reported score. Works on an NER-only run directory too (parser scores
    are then left out), which is how the NER variants were compared."""
    nlp = spacy.load(model_dir)
    ner_dir = data_dir / "ner"
    bc5cdr_texts, bc5cdr_gold = pubtator_gold(ner_dir / "bc5cdr" / "CDR_TestSet.PubTator.txt")
    iob_texts, iob_gold = docbin_gold(corpus_dir / "bc5cdr_iob_test.spacy", nlp.vocab)
    ncbi_texts, ncbi_gold = docbin_gold(corpus_dir / "ncbi_dev.spacy", nlp.vocab)
    scores = {
        "bc5cdr_test_pubtator_exact": score_char_spans(nlp, bc5cdr_texts, bc5cdr_gold),
        "bc5cdr_test_iob_exact": score_char_spans(nlp, iob_texts, iob_gold),
        "ncbi_dev_disease_exact": score_char_spans(nlp, ncbi_texts, ncbi_gold, labels=["DISEASE"]),
    }
    if "parser" in nlp.pipe_names:
        scores["craft_heldout_articles"] = score_parser(nlp, corpus_dir / "craft_test.spacy")
        scores["craft_heldout_articles_gold_tokens"] = score_parser(
            nlp, corpus_dir / "craft_test.spacy", gold_tokens=True)
        if (corpus_dir / "ewt_test.spacy").exists():
            # web text: UD English EWT test, its dependencies converted to CRAFT's scheme
            scores["ewt_test_gold_tokens"] = score_parser(nlp, corpus_dir / "ewt_test.spacy", gold_tokens=True)
    scores["speed_bc5cdr_test_pipeline"] = words_per_second(nlp, bc5cdr_texts)
    return scores
