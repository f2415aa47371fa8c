"""Hedge levels, negation and cue scope on hand-built sentences (no shared data needed)."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import Doc  # noqa: E402

from claimx.hedge import (  # noqa: E402
    LEVELS,
    HedgeDetector,
    assess_hedge,
    clauses_of,
    cues_in,
    level_of,
    rule_scope,
    speculation_cues,
)


@pytest.fixture(scope="module")
def hedge_nlp():
    """Tokenizer + the hedge component only: fast, and the same cues as the full pipeline."""
    from claimx.pipeline import _blank_pipeline  # also registers the claimx factories

    nlp = _blank_pipeline()  # the same tokenizer as extract and the shipped model
    nlp.add_pipe("claimx_hedge")
    return nlp


def _assess(nlp, text: str, anchor_words=None):
    doc = nlp(text)
    sent = doc[:]
    anchors = None
    if anchor_words:
        anchors = [t.i for t in doc if t.text in anchor_words]
    return assess_hedge(sent, None, anchors=anchors)


@pytest.mark.parametrize("text, level", [
    ("Ketamine reduces symptoms of PTSD.", "asserted"),
    ("Ketamine clearly reduces symptoms of PTSD.", "asserted"),
    ("Research shows that ketamine can reduce symptoms of PTSD.", "probable"),
    ("Ketamine has been shown to reduce symptoms of PTSD.", "probable"),
    ("Ketamine often reduces symptoms of PTSD.", "probable"),
    ("Ketamine may reduce symptoms of PTSD.", "possible"),
    ("Ketamine appears to reduce symptoms of PTSD.", "possible"),
    ("Ketamine is a promising treatment for PTSD.", "possible"),
    ("Ketamine could potentially reduce symptoms of PTSD.", "speculative"),
    ("Preliminary research suggests that ketamine may reduce symptoms of PTSD.", "speculative"),
    ("Ketamine is being investigated for PTSD.", "speculative"),
    # written for claimx: first-person belief, testimony and hearsay
    ("I think ketamine eased my PTSD.", "possible"),
    ("I think ketamine might have eased my PTSD.", "speculative"),
    ("Ketamine eases PTSD; read on to find out what the experts think.", "asserted"),
    ("My neighbour swears that ketamine eased her PTSD.", "possible"),
    ("There were reports that ketamine caused bladder damage.", "possible"),
    # written for claimx: a guideline's recommendation, and early evidence with a modal
    ("We recommend offering paracetamol for period pain.", "probable"),
    ("There is early evidence that gentle yoga might ease breathlessness.", "speculative"),
])
def test_levels(hedge_nlp, text, level):
    assert _assess(hedge_nlp, text).level == level


def test_cues_are_words_of_the_text(hedge_nlp):
    text = "Preliminary Research SUGGESTS that ketamine might reduce PTSD symptoms."
    result = _assess(hedge_nlp, text)
    assert result.level == "speculative"
    assert result.cues
    for cue in result.cues:
        assert cue in text


@pytest.mark.parametrize("text, negated", [
    ("Vitamin D did not prevent fractures.", True),
    ("Naltrexone was no better than placebo for pain.", True),
    ("There is no evidence that fish oil helps depression.", True),
    ("Vitamin D prevents fractures.", False),
    # written for claimx: a negative trial
    ("A trial of vitamin D for fractures was negative.", True),
    ("Two trials of vitamin D for fractures were negative.", True),
])
def test_negation(hedge_nlp, text, negated):
    result = _assess(hedge_nlp, text)
    assert result.negated is negated
    if negated:
        assert all(c in text for c in result.negation_cues)


def test_comparative_likely_is_not_a_hedge(hedge_nlp):
    assert _assess(hedge_nlp, "Smokers were less likely to recover from COVID-19.").level == "asserted"
    assert _assess(hedge_nlp, "Smokers are likely to recover more slowly.").level == "possible"


def test_month_may_is_not_a_hedge(hedge_nlp):
    assert _assess(hedge_nlp, "In May 2021 the trial showed that aspirin reduces stroke.").level != "possible"


# -- scope: a cue outside the claim's clause must not count ----------------------------


def test_relative_clause_hedge_outside_scope(hedge_nlp):
    text = "Daily aspirin, which some doctors may still recommend, raises the risk of bleeding."
    assert _assess(hedge_nlp, text).level == "possible"  # whole sentence
    assert _assess(hedge_nlp, text, anchor_words={"raises"}).level == "asserted"


def test_contrast_clause_hedge_outside_scope(hedge_nlp):
    text = "Although some fans believe it may boost immunity, echinacea did not shorten colds."
    result = _assess(hedge_nlp, text, anchor_words={"shorten"})
    assert result.level == "asserted"
    assert result.negated
    # the hedged clause's own claim keeps its hedges
    assert _assess(hedge_nlp, text, anchor_words={"boost"}).level == "speculative"


def test_framing_clause_is_in_scope(hedge_nlp):
    text = "Studies suggest that, in older adults, tai chi reduces falls; it is also cheap."
    assert _assess(hedge_nlp, text, anchor_words={"reduces"}).level == "possible"


def test_explicit_scope_token_indices(hedge_nlp):
    doc = hedge_nlp("Lithium prevents relapse; ketamine may ease pain.")
    first = [i for i in range(len(doc)) if i < [t.text for t in doc].index(";")]
    assert assess_hedge(doc[:], first).level == "asserted"
    assert assess_hedge(doc[:], range(len(doc))).level == "possible"


def test_clauses_and_rule_scope(hedge_nlp):
    doc = hedge_nlp("While X may help, Y reduces Z.")
    clauses = clauses_of(doc[:])
    assert len(clauses) == 2
    y = [t.i for t in doc if t.text == "Y"][0]
    assert y in rule_scope(doc[:], [y])
    assert [t.i for t in doc if t.text == "may"][0] not in rule_scope(doc[:], [y])


# -- scope with a dependency parse (hand-built trees) ---------------------------------


def _parsed(hedge_nlp, words, heads, deps):
    doc = Doc(hedge_nlp.vocab, words=words, heads=heads, deps=deps)
    return hedge_nlp.get_pipe("claimx_hedge")(doc)


def test_dependency_scope_relative_clause(hedge_nlp):
    # Aspirin , which may cause ulcers , reduces stroke .
    words = ["Aspirin", ",", "which", "may", "cause", "ulcers", ",", "reduces", "stroke", "."]
    heads = [7, 0, 4, 4, 0, 4, 0, 7, 7, 7]
    deps = ["nsubj", "punct", "nsubj", "aux", "relcl", "dobj", "punct", "ROOT", "dobj", "punct"]
    doc = _parsed(hedge_nlp, words, heads, deps)
    assert doc.has_annotation("DEP")
    claim = assess_hedge(doc[:], None, anchors=[0, 8])  # aspirin -> stroke
    assert claim.level == "asserted"
    side = assess_hedge(doc[:], None, anchors=[0, 5])  # aspirin -> ulcers: through "cause"
    assert side.level == "possible" and side.cues == ("may",)


def test_dependency_scope_framing_verb_and_subject_modifier(hedge_nlp):
    # Preliminary research suggests that saffron may relieve depression .
    words = ["Preliminary", "research", "suggests", "that", "saffron", "may", "relieve", "depression", "."]
    heads = [1, 2, 2, 6, 6, 6, 2, 6, 2]
    deps = ["amod", "nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "dobj", "punct"]
    doc = _parsed(hedge_nlp, words, heads, deps)
    result = assess_hedge(doc[:], None, anchors=[4, 7])
    assert result.level == "speculative"
    assert set(result.cues) == {"Preliminary research", "suggests", "may"}


def test_dependency_scope_adverbial_clause_not_counted(hedge_nlp):
    # X reduced Y , suggesting that Z matters .
    words = ["X", "reduced", "Y", ",", "suggesting", "that", "Z", "matters", "."]
    heads = [1, 1, 1, 1, 1, 7, 7, 4, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "advcl", "mark", "nsubj", "ccomp", "punct"]
    doc = _parsed(hedge_nlp, words, heads, deps)
    assert assess_hedge(doc[:], None, anchors=[0, 2]).level == "asserted"


def test_level_order_and_bioscope_cues(hedge_nlp):
    assert LEVELS == ("asserted", "probable", "possible", "speculative")
    assert level_of(["epistemic", "epistemic"]) == "speculative"
    assert level_of(["evidence", "booster"]) == "probable"
    doc = hedge_nlp("These results indicate that the factor is required.")
    assert [c.text for c in speculation_cues(doc[:])] == ["indicate that"]
    assert assess_hedge(doc[:]).level == "probable"
    assert cues_in(doc[:], scope=[]) == []


def test_detector_is_shared_with_extract(nlp):
    """`claimx extract` and `claimx strength` use the same cue component."""
    assert isinstance(nlp.get_pipe("claimx_hedge"), HedgeDetector)


def test_part_of_hyphenated_word_is_no_cue(hedge_nlp):
    assert _assess(hedge_nlp, "The no-go decision reduced costs.").negated is False
    assert _assess(hedge_nlp, "Aspirin did not reduce - as expected - stroke.").negated is True
    assert _assess(hedge_nlp, "Early-stage trials of X may help.").level == "speculative"


def test_lay_hearsay_anecdote_and_share_of_people(hedge_nlp):
    # written for claimx: hearsay is possible; what many people find, and what holds for
    # some or most people, is probable
    assert _assess(hedge_nlp, "I have read many times that smoking cannabis lowers eye pressure.").level == "possible"
    assert _assess(hedge_nlp, "My neighbour insists that cycling lowers his eye pressure.").level == "possible"
    assert _assess(hedge_nlp, "Many people find that naproxen eases period pain.").level == "probable"
    assert _assess(hedge_nlp, "In some people the device improves breathlessness.").level == "probable"


def test_sentence_cues_given_by_the_caller_assess_alike(hedge_nlp):
    """The claim layer passes each sentence's cues to assess_hedge (found once per
    document); the assessment is the one assess_hedge makes when it finds them itself."""
    doc = hedge_nlp("Ketamine may possibly reduce pain. Aspirin does not cause ulcers, research suggests.")
    second = next(t.i for t in doc if t.text == "Aspirin")
    for token in doc:
        token.is_sent_start = token.i in (0, second)
    assert len(list(doc.sents)) == 2 and doc.spans["hedge_cues"]
    for sent in doc.sents:
        own = [c for c in doc.spans["hedge_cues"] if sent.start <= c.start < sent.end]
        for anchors in (None, [sent.start], [sent.start, sent.end - 2]):
            assert (assess_hedge(sent, None, anchors=anchors, sentence_cues=own)
                    == assess_hedge(sent, None, anchors=anchors))


@pytest.mark.parametrize("text, level", [
    # written for claimx: a verb of saying framed by a lay source raises a claim without
    # backing it; a verb of finding framed by a study reports evidence; either may come
    # after what it frames
    ("Several wellness sites say turmeric cures arthritis.", "possible"),
    ("Fish oil wards off dementia, my uncle swears.", "possible"),
    ("Some influencers now tout apple cider vinegar for weight loss.", "possible"),
    ("A pooled analysis of 12 trials that found melatonin shortened jet lag was published.", "probable"),
    ("It agrees with a cohort showing that statins lower stroke risk.", "probable"),
    ("Daily aspirin halves bowel cancer risk, Norland study finds.", "probable"),
    # an expert or a named source states, not hearsay; a finding "in" something frames nothing
    ("My GP said ibuprofen eases period pain.", "asserted"),
    ("The study found in older women that exercise reduced falls.", "probable"),
    ("Traces of the drug were found in the water.", "asserted"),
])
def test_framing_verbs_judged_by_their_source(hedge_nlp, nlp, text, level):
    for pipeline in (hedge_nlp, nlp):  # without and with the tagger and parser
        assert _assess(pipeline, text).level == level, (pipeline.pipe_names, text)


def test_a_study_that_finds_more_or_fewer_cases_reports_evidence(nlp):
    # written for claimx: a comparative finding after the verb is what the study found
    assert _assess(nlp, "The same trial did find more cases of gout among men on the drug.").level == "probable"
    assert _assess(nlp, "The review showed fewer falls in people taking vitamin D.").level == "probable"


def test_hearsay_source_as_the_parsed_subject(nlp):
    assert _assess(nlp, "A video on the clinic's page said the jab causes autism.").level == "possible"
    assert _assess(nlp, "A surgeon on the hospital's page said the jab prevents shingles.").level == "asserted"


def test_framing_verb_cue_is_the_verb(hedge_nlp):
    assert _assess(hedge_nlp, "Several sites say turmeric cures arthritis.").cues == ("say",)
    assert _assess(hedge_nlp, "A review showing that zinc shortens colds.").cues == ("showing that",)


def test_negated_knowing_leaves_the_claim_open(hedge_nlp):
    # written for claimx: "cannot tell whether", "too early to say whether", "does not prove
    # that" frame the claim as untested (speculative), and deny the knowing, not the claim
    for text in ("The survey cannot tell us whether coffee causes urgency.",
                 "It is too early to say whether melatonin prevents delirium.",
                 "A cohort like this does not prove that statins cause diabetes."):
        result = _assess(hedge_nlp, text)
        assert (result.level, result.negated) == ("speculative", False), text
    # a negated effect stays a negated claim
    assert _assess(hedge_nlp, "Zinc did not prove effective for colds.").negated is True


def test_negation_describing_the_population_is_not_the_claims(nlp):
    # written for claimx: "whose ... does not respond" says who the people are
    def negations(text):
        return {(c.intervention.display, c.condition.display): c.negated for c in nlp(text)._.claims}

    assert negations("Rituximab may help people whose arthritis does not respond to methotrexate.")[
        ("Rituximab", "arthritis")] is False
    # a clause that holds the whole claim keeps its negation
    assert negations("Opioids are drugs that do not reduce neuropathic pain.")[("Opioids", "neuropathic pain")] is True
    assert negations("Ibuprofen did not help patients who had migraine.")[("Ibuprofen", "migraine")] is True


def test_question_after_a_number_or_timestamp_and_contested_claims(nlp, hedge_nlp):
    # written for claimx: show notes and numbered lists put a label before the question
    # (questions are read per sentence: the full pipeline); "argue that" frames a contested claim
    for text in ("00:21:30 – Does coffee really make urgency worse?", "3. Can statins cause diabetes?"):
        assert _assess(nlp, text).level == "possible", text
    assert _assess(hedge_nlp, "Some doctors argue that exercise helps long COVID.").level == "possible"
    assert _assess(hedge_nlp, "In 2024 aspirin cut strokes.").level == "asserted"
