"""UD English EWT for the tagger and parser: reading and conversion to CRAFT's scheme.

The sentences are written for claimx in UD's CoNLL-U format; the expected CRAFT-style
trees were worked out by hand from the CRAFT treebank's conventions (copula as head,
prepositions heading their nouns, "and" on the first conjunct, "not" as neg)."""
import spacy

from claimx.training.ewt import (
    EWT_TAGS,
    LAY_CLAUSE_VERBS,
    ewt_doc,
    lay_clause_sentences,
    read_ud,
    ud_to_craft,
)


def conllu(rows):
    """CoNLL-U lines from (form, upos, xpos, head, deprel[, misc]) rows."""
    lines = []
    for k, row in enumerate(rows, start=1):
        form, upos, xpos, head, deprel, *misc = row
        lines.append("\t".join([str(k), form, "_", upos, xpos, "_", str(head), deprel, "_", misc[0] if misc else "_"]))
    return lines + [""]


def tree(rows):
    sentence = next(read_ud(conllu(rows)))
    return [(sentence[h].form if h >= 0 else "ROOT", label) for h, label in ud_to_craft(sentence)]


def test_copula_heads_the_clause_and_negation_is_neg():
    # "The gel is not sticky ." UD: sticky root, is cop, not advmod, gel nsubj of sticky
    rows = [("The", "DET", "DT", 2, "det"), ("gel", "NOUN", "NN", 5, "nsubj"), ("is", "AUX", "VBZ", 5, "cop"),
            ("not", "PART", "RB", 5, "advmod"), ("sticky", "ADJ", "JJ", 0, "root"), (".", "PUNCT", ".", 5, "punct")]
    assert tree(rows) == [("gel", "det"), ("is", "nsubj"), ("ROOT", "ROOT"), ("is", "neg"), ("is", "acomp"),
                          ("is", "punct")]


def test_preposition_heads_its_noun_and_and_attaches_to_the_first_conjunct():
    # "It helped with pain and sleep ." UD: pain obl of helped, with case of pain,
    # sleep conj of pain, and cc of sleep
    rows = [("It", "PRON", "PRP", 2, "nsubj"), ("helped", "VERB", "VBD", 0, "root"), ("with", "ADP", "IN", 4, "case"),
            ("pain", "NOUN", "NN", 2, "obl"), ("and", "CCONJ", "CC", 6, "cc"), ("sleep", "NOUN", "NN", 4, "conj"),
            (".", "PUNCT", ".", 2, "punct")]
    assert tree(rows) == [("helped", "nsubj"), ("ROOT", "ROOT"), ("helped", "prep"), ("with", "pobj"),
                          ("pain", "cc"), ("pain", "conj"), ("helped", "punct")]


def test_nominal_predicate_is_attr_and_relative_pronoun_is_dep():
    # "Senna is a laxative that works ." UD: laxative root, is cop, that nsubj of works (acl:relcl)
    rows = [("Senna", "PROPN", "NNP", 4, "nsubj"), ("is", "AUX", "VBZ", 4, "cop"), ("a", "DET", "DT", 4, "det"),
            ("laxative", "NOUN", "NN", 0, "root"), ("that", "PRON", "WDT", 6, "nsubj"),
            ("works", "VERB", "VBZ", 4, "acl:relcl"), (".", "PUNCT", ".", 4, "punct")]
    assert tree(rows) == [("is", "nsubj"), ("ROOT", "ROOT"), ("laxative", "det"), ("is", "attr"),
                          ("works", "dep"), ("laxative", "relcl"), ("is", "punct")]


def test_multiword_token_keeps_its_spacing_and_tags_map_to_craft():
    lines = ["1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_", "1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_",
             "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_", "3\tstop\tstop\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No",
             "4\t!!\t!!\tPUNCT\tNFP\t_\t3\tpunct\t_\t_", ""]
    doc = ewt_doc(spacy.blank("en"), [next(read_ud(lines))], with_deps=True)
    assert doc.text == "don't stop!!"
    assert [t.tag_ for t in doc] == ["VBP", "RB", "VB", EWT_TAGS["NFP"]]
    assert [(t.head.text, t.dep_) for t in doc] == [("stop", "aux"), ("stop", "neg"), ("stop", "ROOT"),
                                                    ("stop", "punct")]
    assert not ewt_doc(spacy.blank("en"), [next(read_ud(lines))], with_deps=False).has_annotation("DEP")


def test_a_clausal_predicate_keeps_its_own_subject():
    # "The catch is that Tom sold the car ." UD: sold root, catch nsubj:outer, is cop,
    # that mark, Tom nsubj. CRAFT: is ROOT, catch nsubj of is, sold ccomp of is, and
    # that and Tom stay in the clause of sold
    rows = [("The", "DET", "DT", 2, "det"), ("catch", "NOUN", "NN", 6, "nsubj:outer"), ("is", "AUX", "VBZ", 6, "cop"),
            ("that", "SCONJ", "IN", 6, "mark"), ("Tom", "PROPN", "NNP", 6, "nsubj"), ("sold", "VERB", "VBD", 0, "root"),
            ("the", "DET", "DT", 8, "det"), ("car", "NOUN", "NN", 6, "obj")]
    assert tree(rows) == [("catch", "det"), ("is", "nsubj"), ("ROOT", "ROOT"), ("sold", "mark"), ("sold", "nsubj"),
                          ("is", "ccomp"), ("car", "det"), ("sold", "dobj")]


def test_lay_clauses_put_a_drug_and_a_treatment_verb_in_an_ewt_sentence():
    # "Tom sold the car ." has a bare one-word subject right before its transitive verb;
    # "The man sold it" does not (the subject has a dependent)
    rows = [("Tom", "PROPN", "NNP", 2, "nsubj"), ("sold", "VERB", "VBD", 0, "root"), ("the", "DET", "DT", 4, "det"),
            ("car", "NOUN", "NN", 2, "obj"), (".", "PUNCT", ".", 2, "punct")]
    other = [("The", "DET", "DT", 2, "det"), ("man", "NOUN", "NN", 3, "nsubj"), ("sold", "VERB", "VBD", 0, "root"),
             ("it", "PRON", "PRP", 3, "obj")]
    sentences = [next(read_ud(conllu(rows))), next(read_ud(conllu(other)))]
    made = lay_clause_sentences(sentences, ["lactulose"], copies=3)
    assert len(made) == 3
    for sentence in made:
        assert sentence[0].form == "Lactulose" and sentence[0].xpos == "NN"
        assert sentence[1].form in {past for _, past in LAY_CLAUSE_VERBS} and sentence[1].xpos == "VBD"
        assert [(t.form, t.head, t.deprel) for t in sentence[2:]] == [("the", 4, "det"), ("car", 2, "obj"),
                                                                       (".", 2, "punct")]
