"""A small spaCy text classifier for the sentence relation (none / correlational /
causal), trained on Yu et al. (2019); CPU, bag of n-grams (a small CNN ensemble is
available as `arch="ensemble"`; it was not better in cross-validation), no downloads.

The classifier only decides whether and how a sentence claims a relation, where cue
rules fall short; the hedge level, the cues reported and direct vs conditional causal
still come from the hedge rules (claimx.hedge), so every reported cue is a word of the
text and claim_strength stays `claim_strength(relation, hedge_level)`.
"""
from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import minibatch

RELATION_OF_STRENGTH = {"none": "none", "correlational": "correlational",
                        "conditional_causal": "causal", "direct_causal": "causal"}
TEXTCAT_EPOCHS = 5
TEXTCAT_LABELS: dict[str, tuple[str, ...]] = {
    "relation": ("none", "correlational", "causal"),
    "strength": ("none", "correlational", "conditional_causal", "direct_causal"),
}


def _tokenizer_nlp():
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    return nlp


def textcat_config(arch: str = "bow", width: int = 64, ngram_size: int = 2, length: int = 2 ** 18) -> dict:
    bow = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": ngram_size,
           "no_output_layer": False, "length": length}
    if arch == "bow":
        return {"model": bow}
    return {"model": {
        "@architectures": "spacy.TextCatEnsemble.v2",
        "linear_model": bow,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width,
                      "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [5000, 1000, 2500, 2500],
                      "include_static_vectors": False},
            "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": 2,
                       "window_size": 1, "maxout_pieces": 3},
        },
    }}


def train_textcat(texts: Sequence, labels: Sequence[str], label_set: Sequence[str], *,
                  arch: str = "bow", epochs: int = 10, seed: int = 0, dropout: float = 0.2,
                  batch_size: int = 32, ngram_size: int = 2, length: int = 2 ** 18, log=None):
    """A blank pipeline (claimx's tokenizer) with one exclusive `textcat`."""
    spacy.util.fix_random_seed(seed)
    nlp = _tokenizer_nlp()
    textcat = nlp.add_pipe("textcat", config=textcat_config(arch, ngram_size=ngram_size, length=length))
    for lab in label_set:
        textcat.add_label(lab)
    examples = []
    for text, lab in zip(texts, labels):
        doc = _as_doc(nlp, text)
        examples.append(Example.from_dict(doc, {"cats": {c: float(c == lab) for c in label_set}}))
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=batch_size):
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
        if log:
            log(f"  epoch {epoch + 1}/{epochs} loss {losses.get('textcat', 0):.3f}")
    return nlp


def _as_doc(nlp, item):
    """A text, or a list of words (claimx.strength.classifier_words), as a Doc."""
    if isinstance(item, str):
        return nlp.make_doc(item)
    return Doc(nlp.vocab, words=list(item))


def predict(nlp, items: Sequence, batch_size: int = 256) -> list[str]:
    docs = (_as_doc(nlp, item) for item in items)
    return [max(doc.cats, key=doc.cats.get) for doc in nlp.pipe(docs, batch_size=batch_size)]


def save(nlp, path: Path, meta: dict) -> None:
    nlp.meta.update(meta)
    nlp.to_disk(path)
