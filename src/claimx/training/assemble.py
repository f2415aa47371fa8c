"""Assemble the shipped pipeline from the separately trained components.

Result (models/claimx_bio_sm): scispacy tokenizer -> tok2vec -> tagger ->
attribute_ruler (PTB tag -> UPOS) -> lemmatizer (rule) -> parser -> ner.
The NER keeps its own inline tok2vec, so sourcing it next to the parser's shared
tok2vec needs no listener rewiring.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from claimx.training.tokenizer import claimx_tokenizer  # (also registers the configs' callback)

SHIPPED_VERSION = "0.2.0"


def tag_to_pos_map(craft_train: Path, vocab) -> dict[str, dict[str, str]]:
    """Most frequent UPOS per PTB tag in CRAFT train, as an attribute_ruler tag map.

    Learned from the data rather than hand-written so the mapping matches the tagger's
    tag set exactly (CRAFT has UD POS next to PTB tags).
    """
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc in DocBin().from_disk(craft_train).get_docs(vocab):
        for token in doc:
            if token.tag_ and token.pos_:
                counts[token.tag_][token.pos_] += 1
    return {tag: {"POS": pos.most_common(1)[0][0]} for tag, pos in counts.items()}


def assemble(parser_tagger_dir: Path, ner_dir: Path, craft_train: Path, output: Path) -> Language:
    nlp = spacy.load(parser_tagger_dir)
    ner_nlp = spacy.load(ner_dir)
    nlp.tokenizer = claimx_tokenizer(nlp)  # the current rules, whatever the runs saved

    ruler = nlp.add_pipe("attribute_ruler", after="tagger")
    ruler.load_from_tag_map(tag_to_pos_map(craft_train, nlp.vocab))
    # Rule lemmatizer: tables come from spacy-lookups-data at initialise time and are
    # then saved inside the model, so loading needs no lookups package.
    lemmatizer = nlp.add_pipe("lemmatizer", after="attribute_ruler", config={"mode": "rule"})
    lemmatizer.initialize()

    nlp.add_pipe("ner", source=ner_nlp)

    nlp.meta.update(
        {
            "name": "bio_sm",
            "version": SHIPPED_VERSION,
            "description": (
                "claimx biomedical pipeline: scispacy tokenizer; tagger, parser and lemmatizer "
                "from CRAFT; NER (DISEASE, CHEMICAL) from BC5CDR (+BioRED, NCBI-disease). "
                "No word vectors."
            ),
            "author": "claimx",
            "license": "MIT; trained on public-domain, CC BY 3.0 and CC BY 4.0 data (attribution in README.md)",
            "sources": [
                {"name": "BioCreative V CDR (BC5CDR)", "url": "https://biocreative.bioinformatics.udel.edu/", "license": "NCBI public domain notice"},
                {"name": "BioRED", "url": "https://ftp.ncbi.nlm.nih.gov/pub/lu/BioRED/", "license": "NCBI public domain notice"},
                {"name": "NCBI disease corpus (IOB of cambridgeltl/MTL-Bioinformatics-2016)", "license": "CC BY 4.0"},
                {"name": "CRAFT dependency treebank", "url": "https://github.com/UCDenver-ccp/CRAFT", "license": "CC BY 3.0"},
            ],
        }
    )
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    return nlp
