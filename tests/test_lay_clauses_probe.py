"""The lay-clause probe sets (claimx.evaluation.lay_clauses) are what their docstring says."""
from claimx.evaluation.lay_clauses import SEEN, UNSEEN
from claimx.training.ewt import LAY_CLAUSE_VERBS


def test_each_probe_names_a_verb_of_its_sentence():
    for sentence, verb in SEEN + UNSEEN:
        assert verb in sentence.rstrip(".").replace(",", "").split()


def test_unseen_probes_use_no_verb_of_the_training_sentences():
    training_verbs = {form for pair in LAY_CLAUSE_VERBS for form in pair}
    assert not training_verbs & {verb for _, verb in UNSEEN}
