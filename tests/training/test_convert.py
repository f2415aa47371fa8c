"""Converters on tiny hand-written snippets (no shared data needed)."""

import pytest

spacy = pytest.importorskip("spacy")
pytest.importorskip("scispacy")

from claimx.training.convert import (  # noqa: E402
    BC5CDR_LABELS,
    BIORED_LABELS,
    NCBI_LABELS,
    conllu_sentences_to_doc,
    group_by_paragraph,
    iob_sentences_to_doc,
    pubtator_to_doc,
    read_conllu,
    read_iob_sentences,
    read_pubtator,
    split_craft_articles,
)
from claimx.training.tokenizer import claimx_tokenizer  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    blank = spacy.blank("en")
    blank.tokenizer = claimx_tokenizer(blank)
    return blank


# Offsets: title is 0-39, the abstract starts at 40 (title length + 1 separator).
PUBTATOR = """\
111|t|Aspirin-induced asthma in two patients.
111|a|Aspirin caused wheezing; BRCA1 was normal.
111\t0\t7\tAspirin\tChemical\tD001241
111\t16\t22\tasthma\tDisease\tD001249
111\t40\t47\tAspirin\tChemical\tD001241
111\t55\t63\twheezing\tDisease\tD012135
111\tCID\tD001241\tD001249

222|t|No entities here.
"""


def test_read_pubtator_reads_documents_and_skips_relations():
    records = list(read_pubtator(PUBTATOR.splitlines()))
    assert [r.pmid for r in records] == ["111", "222"]
    first = records[0]
    assert len(first.mentions) == 4
    for mention in first.mentions:
        assert first.text[mention.start : mention.end] == mention.text


def test_pubtator_to_doc_sets_entities_on_scispacy_tokens(nlp):
    record = next(read_pubtator(PUBTATOR.splitlines()))
    doc = pubtator_to_doc(nlp, record, BC5CDR_LABELS)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Aspirin", "CHEMICAL"),
        ("asthma", "DISEASE"),
        ("Aspirin", "CHEMICAL"),
        ("wheezing", "DISEASE"),
    ]
    # Exhaustive annotation: every other token is an explicit "O", not missing.
    assert all(token.ent_iob_ in ("B", "I", "O") for token in doc)


def test_tokenizer_splits_induced_but_keeps_research_codes(nlp):
    words = [t.text for t in nlp("Aspirin-induced asthma; IL-2, TRM-41, COVID-19 and VAL/HCTZ.")]
    assert words == ["Aspirin", "-", "induced", "asthma", ";", "IL", "-", "2", ",", "TRM-41", ",", "COVID-19",
                     "and", "VAL", "/", "HCTZ", "."]


def test_biored_labels_map_and_other_types_are_outside(nlp):
    text = "BRCA1 and cisplatin in breast cancer"
    lines = [
        f"5|t|{text}",
        "5\t0\t5\tBRCA1\tGeneOrGeneProduct\t672",
        "5\t10\t19\tcisplatin\tChemicalEntity\tD002945",
        "5\t23\t36\tbreast cancer\tDiseaseOrPhenotypicFeature\tD001943",
    ]
    doc = pubtator_to_doc(nlp, next(read_pubtator(lines)), BIORED_LABELS)
    assert [(e.text, e.label_) for e in doc.ents] == [("cisplatin", "CHEMICAL"), ("breast cancer", "DISEASE")]
    assert doc[0].ent_iob_ == "O"


IOB = """\
Selegiline\tB-Chemical
-\tO
induced\tO
postural\tB-Disease
hypotension\tI-Disease
(\tO
PH\tB-Disease
)\tO
.\tO

Ataxia\tB-Disease
was\tO
seen\tO
.\tO
"""


def test_read_iob_sentences():
    sentences = list(read_iob_sentences(IOB.splitlines()))
    assert [len(s) for s in sentences] == [9, 4]
    assert sentences[0][3] == ("postural", "B-Disease")


def test_iob_to_doc_detokenises_and_keeps_entities(nlp):
    doc = iob_sentences_to_doc(nlp, list(read_iob_sentences(IOB.splitlines())), BC5CDR_LABELS)
    assert doc.text == "Selegiline - induced postural hypotension (PH). Ataxia was seen."
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Selegiline", "CHEMICAL"),
        ("postural hypotension", "DISEASE"),
        ("PH", "DISEASE"),
        ("Ataxia", "DISEASE"),
    ]
    assert [s.text for s in doc.sents][1] == "Ataxia was seen."


def test_ncbi_outside_on_known_chemical_word_becomes_missing(nlp):
    sentences = list(read_iob_sentences(IOB.replace("B-Chemical", "O").splitlines()))
    doc = iob_sentences_to_doc(nlp, sentences, NCBI_LABELS, unknown_words={"selegiline"})
    assert doc[0].ent_iob_ == ""  # unknown, not "not an entity"
    assert doc[2].ent_iob_ == "O"
    assert [e.label_ for e in doc.ents] == ["DISEASE", "DISEASE", "DISEASE"]


CONLLU = """\
# newdoc id = 999
# newpar id = 999-p0
# sent_id = 0
# text = Mice lacking Fgf8 die.
1\tMice\tmouse\tNOUN\tNNS\tNumber=Plur\t4\tnsubj\t_\t_
2\tlacking\tlack\tVERB\tVBG\tVerbForm=Ger\t1\tpartmod\t_\t_
3\tFgf8\tfgf8\tPROPN\tNN\tNumber=Sing\t2\tdobj\t_\t_
4\tdie\tdie\tVERB\tVBP\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# sent_id = 1
# text = They grow.
1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tgrow\tgrow\tVERB\tVBP\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# newpar id = 999-p1
# sent_id = 2
# text = Results
1\tResults\tresult\tNOUN\tNNS\t_\t0\troot\t_\t_
"""


def test_read_conllu_keeps_stanford_labels_and_paragraphs():
    sentences = list(read_conllu(CONLLU.splitlines()))
    assert [s.paragraph_id for s in sentences] == ["999-p0", "999-p0", "999-p1"]
    assert sentences[0].tokens[1].deprel == "partmod"  # SD label, not mapped to UD
    groups = list(group_by_paragraph(sentences))
    assert [len(g) for g in groups] == [2, 1]


def test_conllu_to_doc_heads_tags_and_sentences(nlp):
    sentences = list(read_conllu(CONLLU.splitlines()))
    doc = conllu_sentences_to_doc(nlp, sentences[:2])
    assert doc.text == "Mice lacking Fgf8 die. They grow."
    assert [t.tag_ for t in doc][:4] == ["NNS", "VBG", "NN", "VBP"]
    assert doc[0].head.text == "die" and doc[0].dep_ == "nsubj"
    assert doc[3].dep_ == "ROOT" and doc[3].head.i == 3
    assert doc[6].head.text == "grow"  # heads are offset into the second sentence
    assert [s.text for s in doc.sents] == ["Mice lacking Fgf8 die.", "They grow."]


def test_craft_split_holds_out_whole_articles(tmp_path):
    paths = [tmp_path / f"{n:03d}.conllu" for n in range(25)]
    split = split_craft_articles(paths)
    assert len(split["test"]) == 3 and len(split["dev"]) == 3 and len(split["train"]) == 19
    assert not set(split["test"]) & set(split["train"])


def test_tokenizer_splits_like_crafts_treebank_where_names_do_not_suffer(nlp):
    # written for claimx: genotypes, en dashes, Greek-letter prefixes, citation lists and
    # "and/or" are split as CRAFT splits them; thousands and chemical locants stay whole
    words = [t.text for t in nlp("Bax+/+ mice and/or 14–21 days, β-catenin [1,2] in 1,000 rats; 2,3,7,8-TCDD")]
    assert words == ["Bax", "+", "/", "+", "mice", "and", "/", "or", "14", "–", "21", "days", ",", "β", "-",
                     "catenin", "[", "1", ",", "2", "]", "in", "1,000", "rats", ";", "2,3,7,8", "-", "TCDD"]
    assert [t.text for t in nlp("Capn2-/+ cells at 37°C held −70 mV")] == [
        "Capn2", "-", "/", "+", "cells", "at", "37", "°C", "held", "−", "70", "mV"]


def test_tokenizer_splits_a_reference_mark_from_a_full_stop(nlp):
    # written for claimx: web pages render <sup>[5]</sup> right after the stop
    assert [t.text for t in nlp("raises the risk of stroke.[5] Rashes")] == [
        "raises", "the", "risk", "of", "stroke", ".", "[", "5", "]", "Rashes"]
