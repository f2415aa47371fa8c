"""Raw biomedical text for ``spacy pretrain``, and the pretraining run itself.

Without word vectors, the tok2vec layers start from random weights and learn only from
the labelled sentences. ``spacy pretrain`` first teaches a tok2vec to predict each
word's first and last characters from its context, over unlabelled text; the NER and
parser/tagger runs then start from those weights (``[initialize] init_tok2vec``).

The raw text is the *training* portions of the public corpora only (BC5CDR train and
dev, BioRED train, NCBI-disease train, CRAFT train and dev articles, BioScope
abstracts): no BC5CDR test abstract, no NCBI dev sentence and no held-out CRAFT
article is read, so the test scores stay on text the models never saw in any form.
Yu et al. 2019 sentences are left out too (the claim-strength evaluation cross-validates
on them).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from claimx.evaluation.datasets import read_bioscope

# DocBins written by ``convert`` whose text may be used without labels.
RAW_TEXT_DOCBINS = (
    "bc5cdr_train.spacy",
    "bc5cdr_dev.spacy",
    "biored_train.spacy",
    "ncbi_train.spacy",
    "craft_train.spacy",
    "craft_dev.spacy",
)
RAW_TEXT_FILE = "raw_text.jsonl"


def docbin_texts(path: Path) -> Iterator[str]:
    vocab = spacy.blank("en").vocab
    for doc in DocBin().from_disk(path).get_docs(vocab):
        if doc.text.strip():
            yield doc.text


def bioscope_abstract_texts(data_dir: Path) -> Iterator[str]:
    """One text per BioScope abstract (its sentences joined)."""
    by_doc: dict[str, list[str]] = {}
    for sentence in read_bioscope(data_dir):
        by_doc.setdefault(sentence.doc_id, []).append(sentence.text)
    for sentences in by_doc.values():
        yield " ".join(sentences)


def write_raw_text(texts: Iterable[str], path: Path) -> tuple[int, int]:
    """JSONL of {"text": ...}; returns (texts, whitespace words)."""
    n_texts = n_words = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for text in texts:
            f.write(json.dumps({"text": text}) + "\n")
            n_texts += 1
            n_words += len(text.split())
    return n_texts, n_words


def build_raw_text(data_dir: Path, corpus_dir: Path) -> dict[str, int]:
    def texts() -> Iterator[str]:
        for name in RAW_TEXT_DOCBINS:
            yield from docbin_texts(corpus_dir / name)
        yield from bioscope_abstract_texts(data_dir)

    n_texts, n_words = write_raw_text(texts(), corpus_dir / RAW_TEXT_FILE)
    return {"texts": n_texts, "words": n_words}


@spacy.registry.callbacks("claimx.init_tok2vec_weights.v1")
def init_tok2vec_weights(component: str, path: str | None = None) -> Callable[[Language], Language]:
    """For a config's [initialize.after_init]: load `spacy pretrain` weights into the
    tok2vec of `component` (a tok2vec component, or a parser/NER with its own inline
    tok2vec, which spaCy's `init_tok2vec` cannot address). No-op when `path` is empty."""

    def load_weights(nlp: Language) -> Language:
        if not path:
            return nlp
        model = nlp.get_pipe(component).model
        if model.has_ref("tok2vec"):  # parser/NER: chain(tok2vec, list2array, Linear)
            model = model.get_ref("tok2vec").layers[0]
        model.from_bytes(Path(path).read_bytes())
        return nlp

    return load_weights
