"""The shipped biomedical pipeline loads and tags a hand-written sentence sensibly.

Skipped when models/claimx_bio_sm is absent (e.g. a checkout without the binary).
"""

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "claimx_bio_sm"
pytestmark = pytest.mark.skipif(not (MODEL_DIR / "config.cfg").exists(), reason="models/claimx_bio_sm not built")

TEXT = (
    "Metformin reduced the risk of type 2 diabetes in obese adults. "
    "Patients treated with cisplatin often develop nephrotoxicity."
)


@pytest.fixture(scope="module")
def nlp():
    # No scispacy or claimx import: the tokenizer rules are stored in the model folder.
    return spacy.load(MODEL_DIR)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_pipeline_components(nlp):
    for name in ("tok2vec", "tagger", "parser", "ner"):
        assert name in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) == {"CHEMICAL", "DISEASE"}


def test_drugs_are_chemicals_and_diseases_are_diseases(doc):
    entities = {(ent.text, ent.label_) for ent in doc.ents}
    assert ("Metformin", "CHEMICAL") in entities
    assert ("cisplatin", "CHEMICAL") in entities
    assert ("nephrotoxicity", "DISEASE") in entities
    assert any(label == "DISEASE" and "diabetes" in text for text, label in entities)


def test_parser_gives_sentence_boundaries(doc):
    sentences = [sent.text for sent in doc.sents]
    assert len(sentences) == 2
    assert sentences[1].startswith("Patients")


def test_tags_pos_lemmas_and_dependencies(doc):
    reduced = doc[1]
    assert reduced.text == "reduced"
    assert reduced.tag_ == "VBD" and reduced.pos_ == "VERB"
    assert reduced.lemma_ == "reduce"
    assert reduced.dep_ == "ROOT"
    assert doc[0].dep_ == "nsubj" and doc[0].head.i == reduced.i


def test_tokenizer_splits_induced_compounds(nlp):
    assert [t.text for t in nlp.make_doc("aspirin-induced asthma")] == ["aspirin", "-", "induced", "asthma"]


def test_shipped_tokenizer_is_claimx_tokenizer(nlp):
    # the model folder stores the tokenizer's rules: they must be those training uses
    from claimx.training.tokenizer import claimx_tokenizer

    text = ("Bax+/+ mice and/or 14–21 days, β-catenin [1,2]; aspirin-induced IL-2 (MS): 1,000 VAL/HCTZ at 37°C, −70 mV"
            " and stroke.[5] Rashes, IC50−3 at 10−4 M")
    reference = claimx_tokenizer(spacy.blank("en"))
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in reference(text)]


def test_tokenizer_minus_sign_inside_a_word(nlp):
    # a minus sign is a prefix only at a word's start ("−70 mV"); inside a word it splits
    # there, and the word's first characters stay whole (they were cut one by one)
    assert [t.text for t in nlp.make_doc("IC50−3 at 10−4 M, −70 mV")] == [
        "IC50", "−", "3", "at", "10", "−", "4", "M", ",", "−", "70", "mV"]
