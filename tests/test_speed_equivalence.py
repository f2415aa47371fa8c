"""Faster stand-ins that must give exactly what they replace: the bracket pairs of the
abbreviation detector and the tuned tokenizer."""
import random

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from claimx.abbreviations import MAX_INNER_WORDS, bracket_pairs
from claimx.pipeline import default_model_path, tune_tokenizer
from claimx.tokens import doc_text


def test_bracket_pairs_are_the_matchers_in_its_order():
    vocab = spacy.blank("en").vocab
    matcher = Matcher(vocab)
    matcher.add("parenthesis", [[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]])
    rnd = random.Random(0)
    for _ in range(2000):
        words = [rnd.choice(["(", "(", ")", "a", "b"]) for _ in range(rnd.randint(0, 30))]
        doc = Doc(vocab, words=words)
        expected = [(start, end) for _, start, end in matcher(doc)]
        assert [(start, end) for _, start, end in bracket_pairs(doc)] == expected
        # the detector's pairs: those with at most eight tokens between the brackets
        assert [(s, e) for _, s, e in bracket_pairs(doc, MAX_INNER_WORDS)] == [
            (s, e) for s, e in expected if e - s - 2 <= MAX_INNER_WORDS]


def test_doc_text_is_doc_text():
    nlp = spacy.blank("en")
    for text in ("", " ", "a  b\n\nc ", "Dr. Smith's (PTSD) trial: 5 mg/kg. ", "x\t y"):
        doc = nlp(text)
        assert doc_text(doc) == doc.text == text


TEXTS = ["Title line\n\nAspirin (ASA) reduced the risk −70 mV a−5 x  y\tz.\n",
         "It's 37°C at 14–21 days; Bax+/+ mice, IL-2 and β-catenin [1,2] stroke.[5]\n\n\n  \xa0 end",
         "e.g. i.e. vs. Fig. 3\r\n(−3) 5−6 - – — / + and/or :) (MS): x"]


@pytest.mark.skipif(default_model_path() is None, reason="no trained model in models/")
def test_tuned_tokenizer_gives_the_same_tokens():
    def tokenizer():  # the tokenizer as the model folder stores it, without the trained pipes
        return spacy.load(default_model_path(), exclude=["tok2vec", "tagger", "attribute_ruler", "lemmatizer",
                                                         "parser", "ner"]).tokenizer

    original, tuned = tokenizer(), tokenizer()
    tune_tokenizer(tuned)
    rnd = random.Random(0)
    chars = list("ab1−-–/+.(),'’ \n\t\xa0°C[]:;")
    texts = TEXTS + ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 40))) for _ in range(3000)]
    for _ in range(2):  # the second time through the tokenizer's cache
        for text in texts:
            a, b = original(text), tuned(text)
            assert [(t.text, t.whitespace_, t.norm_, t.idx) for t in a] == [
                (t.text, t.whitespace_, t.norm_, t.idx) for t in b], text
