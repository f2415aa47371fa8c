"""The claim layer on hand-built sentences: arguments, anaphora, headings, relation."""
import pytest

import claimx


@pytest.fixture(scope="module")
def nlp():
    return claimx.load()


def claims_of(nlp, text):
    doc = nlp(text)
    return [(c.intervention.display, c.condition.display, c) for c in doc._.claims]


def pairs(nlp, text):
    return {(iv.lower(), cond.lower()) for iv, cond, _ in claims_of(nlp, text)}


def resolved_pairs(nlp, text, sentence_start, name=None):
    """(intervention as resolved, condition) of the claims of the sentence that starts so:
    an anaphor's pair names the treatment it was resolved to. With a file name, the text is
    read as an article of that kind (`article_doc`)."""
    claims = article_doc(nlp, text, name)._.claims if name else nlp(text)._.claims
    return {(c.intervention.norm.lower(), c.condition.display.lower()) for c in claims
            if c.sentence.startswith(sentence_start)}


def article_doc(nlp, text, name="x.txt"):
    """The Doc claimx makes of an article read as it reads files: Markdown headings keep
    their level, plain text has its paragraphs, lines and headings."""
    from pathlib import Path

    from claimx.io.markdown import read_markdown
    from claimx.io.text import read_text
    from claimx.runner import make_doc

    reader = read_markdown if name.endswith(".md") else read_text
    return nlp(make_doc(nlp, reader(text, path=Path(name), name=name)))


def markdown_pairs(nlp, markdown):
    """Claims of a Markdown article."""
    return {(c.intervention.display.lower(), c.condition.display.lower())
            for c in article_doc(nlp, markdown, "x.md")._.claims}


def text_pairs(nlp, text):
    """Claims of a plain-text article, with their relation."""
    return {(c.intervention.display.lower(), c.condition.display.lower(), c.relation)
            for c in article_doc(nlp, text)._.claims}


def test_claims_explicit_pair_with_causal_verb(nlp):
    assert pairs(nlp, "Lithium reduces suicidality in bipolar disorder.") >= {("lithium", "suicidality")}


def test_claims_no_claim_without_a_cue(nlp):
    assert pairs(nlp, "Migraine is a common neurological disorder that affects many adults.") == set()


def test_claims_population_condition_is_not_the_target(nlp):
    found = pairs(nlp, "Metformin lowers the risk of gestational diabetes in women with PCOS.")
    assert ("metformin", "gestational diabetes") in found
    assert ("metformin", "pcos") not in found


def test_claims_comparator_and_placebo_are_not_interventions(nlp):
    found = pairs(nlp, "Psilocybin was no better than escitalopram or placebo for major depressive disorder.")
    assert {iv for iv, _ in found} == {"psilocybin"}


def test_claims_adjective_of_action_gives_condition(nlp):
    found = claims_of(nlp, "Curcumin has anti-inflammatory and antidepressant effects.")
    conditions = {cond for _, cond, _ in found}
    assert {"inflammation", "depression"} <= conditions


def test_claims_pronoun_resolves_to_passage_intervention(nlp):
    text = ("Melatonin is sold as a sleep aid. Its effects on insomnia are modest.")
    found = claims_of(nlp, text)
    hit = [c for iv, cond, c in found if cond.lower() == "insomnia"]
    assert hit and hit[0].intervention.norm.lower() == "melatonin"
    assert hit[0].implicit


def test_claims_heading_condition_carried_to_section(nlp):
    text = ("Caffeine Beyond Coffee\n"
            "Caffeine is the most widely used stimulant in the world, and millions drink it daily.\n"
            "Easing Migraine\n"
            "Caffeine can help relieve the pain of an attack when it is taken early.\n")
    found = claims_of(nlp, text)
    heading_claims = [c for _, cond, c in found if c.is_heading]
    assert heading_claims and heading_claims[0].condition.norm.lower() == "migraine"
    body = [(iv.lower(), cond.lower()) for iv, cond, c in found if not c.is_heading]
    assert ("caffeine", "pain") in body or ("caffeine", "migraine") in body


def test_claims_coordinated_condition_heads(nlp):
    found = pairs(nlp, "Naltrexone is approved to treat alcohol and opioid dependence.")
    assert {("naltrexone", "alcohol dependence"), ("naltrexone", "opioid dependence")} <= found


def test_claims_one_condition_per_modifier_of_a_shared_head(nlp):
    # written for claimx: a modifier list before a shared head gives one condition each,
    # whether the entity spans the coordination, the head alone or the last modifier and
    # the head; the verbs of coordinated clauses are no modifiers
    found = pairs(nlp, "Denosumab reduces spine, hip and other fractures.")
    assert {("denosumab", "spine fractures"), ("denosumab", "hip fractures"),
            ("denosumab", "other fractures")} <= found
    found = pairs(nlp, "Omeprazole can raise the chance of chest and tummy infections.")
    assert {("omeprazole", "chest infections"), ("omeprazole", "tummy infections")} <= found
    found = pairs(nlp, "Shockwave can help stubborn patellar and Achilles tendon pain.")
    assert {("shockwave", "patellar tendon pain"), ("shockwave", "achilles tendon pain")} <= found
    found = pairs(nlp, "Codeine can slow the gut and cause constipation.")
    assert not any(cond.startswith(("gut ", "cause ")) for _, cond in found)
    # adjectives of quality before the head are no kinds of the condition
    found = pairs(nlp, "Lidocaine patches can relieve nerve pain, offering a cheaper and effective pain treatment.")
    assert not any(cond in ("cheaper pain", "effective pain") for _, cond in found)


def test_claims_correlational_relation_between_arguments(nlp):
    found = claims_of(nlp, "Coffee consumption is associated with a lower risk of type 2 diabetes.")
    relations = {c.relation for _, cond, c in found if cond.lower() == "type 2 diabetes"}
    assert relations == {"correlational"}


def test_claims_mechanism_mentions_reported(nlp):
    found = claims_of(nlp, "Ketamine, an NMDA receptor antagonist, may relieve depression by boosting neuroplasticity.")
    claim = next(c for _, cond, c in found if cond.lower() == "depression")
    # the entity is quoted inside the phrase of what the drug does to it
    assert "boosting neuroplasticity" in claim.mechanism
    assert any("NMDA receptor" in m for m in claim.mechanism)
    assert claim.hedge_level == "possible"


def test_claims_negation_of_the_claim(nlp):
    found = claims_of(nlp, "In the trial, vitamin D did not reduce fractures in older adults.")
    claim = next(c for _, cond, c in found if cond.lower() == "fractures")
    assert claim.negated


def test_claims_offsets_point_at_the_sentence(nlp):
    text = "Intro line without claims here.\nAspirin prevents heart attacks in some adults. Other text follows."
    doc = nlp(text)
    for c in doc._.claims:
        assert text[c.start_char:c.end_char] == c.sentence
        assert c.sentence == "Aspirin prevents heart attacks in some adults."


def test_claims_evidence_stage_cues(nlp):
    found = claims_of(nlp, "In mice, resveratrol reduced tumour growth, and early clinical trials are planned.")
    stages = {s for _, _, c in found for s in c.evidence}
    assert {"preclinical", "clinical_trial"} <= stages


def test_claims_without_denies_only_what_follows(nlp):
    found = {cond.lower(): c.negated for _, cond, c in claims_of(
        nlp, "Metformin lowers blood sugar without causing weight gain.")}
    assert found == {"blood sugar": False, "weight gain": True}


def test_claims_apposition_names_the_same_condition(nlp):
    found = pairs(nlp, "Vitamin D supplements prevent rickets, the bone-softening disease, in children.")
    assert ("vitamin d supplements", "rickets") in found
    assert not any("bone-softening" in cond for _, cond in found)


def test_claims_second_clause_subject_is_an_agent(nlp):
    found = pairs(nlp, "Fecal microbiota transplantation cured 81 percent of patients with recurrent infection, "
                       "while vancomycin alone cured 31 percent.")
    assert {("fecal microbiota transplantation", "recurrent infection"),
            ("vancomycin", "recurrent infection")} <= found


def test_claims_reported_evidence_is_probable_and_hints_stack(nlp):
    [(_, _, claim)] = claims_of(nlp, "Trials showed that melatonin shortens jet lag.")
    assert claim.hedge_level == "probable"
    [(_, _, claim)] = claims_of(nlp, "Small studies hint that melatonin might ease jet lag.")
    assert claim.hedge_level == "speculative"


def test_claims_the_drug_is_the_articles_drug_not_a_more_frequent_therapy(nlp):
    text = ("Esketamine nasal spray relieved depression in the trial. Electroconvulsive therapy (ECT) was "
            "the comparator. ECT needs anaesthesia. ECT is offered by few hospitals. The esketamine spray "
            "was easier to give.\n\nThe drug also reduced suicidal thoughts.")
    found = {(iv.lower(), cond.lower()) for iv, cond, c in claims_of(nlp, text) if c.intervention.implicit}
    assert found == {("esketamine nasal spray", "suicidal thoughts")}


def test_claims_yes_no_question_raises_the_claim_as_possible(nlp):
    [(_, _, claim)] = claims_of(nlp, "Does melatonin help with jet lag?")
    assert (claim.hedge_level, claim.hedge_cues) == ("possible", ("Does ...?",))
    # a statement with the same words is asserted
    [(_, _, claim)] = claims_of(nlp, "Melatonin helps with jet lag.")
    assert claim.hedge_level == "asserted"
    # written for claimx: a question opened by an ability modal asks, it states no ability;
    # a Q&A page's "Q:" label comes before the question
    for text in ("Can melatonin cause nightmares?", "Q: Does melatonin help with jet lag?"):
        [(_, _, claim)] = claims_of(nlp, text)
        assert claim.hedge_level == "possible" and claim.hedge_cues[0].endswith("...?"), text


def test_claims_little_evidence_denies_the_claim(nlp):
    [(_, _, claim)] = claims_of(nlp, "There is little evidence that zinc lozenges shorten colds.")
    assert claim.negated


def test_claims_negation_in_a_prepositional_adjunct_leaves_the_claim(nlp):
    found = {(iv.lower(), cond.lower()): c.negated for iv, cond, c in claims_of(
        nlp, "Both erenumab and fremanezumab reduced migraine days, with no difference between the two doses.")}
    assert found and not any(found.values()), found


ROUND_UP = ("Longevity round-up\n\n"
            "Rapamycin in old mice\n\n"
            "Mice given rapamycin from middle age lived longer than untreated mice.\n\n"
            "Treated mice also developed fewer cancers.\n\n"
            "Aspirin after seventy\n\n"
            "Aspirin did not prevent cancer in older adults. Aspirin raised the risk of bleeding. "
            "Aspirin is cheap, and aspirin is everywhere.\n")


def test_claims_unstated_intervention_is_the_sections_topic(nlp):
    # aspirin is the article's most named intervention, but the section is about rapamycin
    found = {(c.intervention.display.lower(), c.condition.display.lower())
             for c in nlp(ROUND_UP)._.claims if c.sentence.startswith("Treated mice")}
    assert found == {("rapamycin", "cancers")}


def test_claims_drug_target_is_not_the_unstated_intervention(nlp):
    # CGRP is named three times, erenumab twice; but CGRP is named as what the drug acts on
    text = ("Migraine prevention\n\n"
            "The CGRP receptor sits on nerve endings. CGRP levels rise during an attack, and CGRP release "
            "dilates vessels. Erenumab blocks the receptor. In trials, erenumab reduces migraine days.\n\n"
            "In a second trial, monthly injections cut migraine days by half.\n")
    found = {c.intervention.display.lower() for c in nlp(text)._.claims if c.sentence.startswith("In a second")}
    assert found == {"erenumab"}


def test_claims_side_effect_named_as_subject_takes_the_passage_drug(nlp):
    text = "Sertraline is widely prescribed for anxiety. Nausea is the most common early side effect."
    found = {(c.intervention.norm.lower(), c.condition.display.lower()) for c in nlp(text)._.claims}
    assert ("sertraline", "nausea") in found


def test_claims_reported_allegation_is_possible(nlp):
    [(_, _, claim)] = claims_of(nlp, "Viral posts claim that statins cause dementia.")
    assert (claim.hedge_level, claim.hedge_cues) == ("possible", ("claim that",))


def test_claims_trials_found_no_is_reported_evidence_and_denied(nlp):
    [(_, _, claim)] = claims_of(nlp, "Large trials found no sign that statins cause dementia.")
    assert (claim.hedge_level, claim.negated) == ("probable", True)


def test_claims_parallel_clauses_pair_each_drug_with_its_own_condition(nlp):
    found = claims_of(nlp, "Topiramate was associated with paraesthesia; erenumab with constipation.")
    assert {(iv.lower(), cond.lower(), c.relation) for iv, cond, c in found} == {
        ("topiramate", "paraesthesia", "correlational"), ("erenumab", "constipation", "correlational")}
    # a gapped clause with no condition of its own takes the one before it
    found = pairs(nlp, "Erenumab reduced headache days by 1.9 days, and fremanezumab by 1.5 days.")
    assert {iv for iv, _ in found} == {"erenumab", "fremanezumab"}
    assert len({cond for _, cond in found}) == 1


def test_claims_treatment_compared_with_has_a_claim_of_its_own(nlp):
    found = pairs(nlp, "Cognitive behavioural therapy works about as well as sertraline for panic disorder.")
    assert {("cognitive behavioural therapy", "panic disorder"), ("sertraline", "panic disorder")} <= found
    found = pairs(nlp, "Lithium prevents relapse in bipolar disorder better than valproate does.")
    assert ("valproate", "relapse") in found or ("valproate", "bipolar disorder") in found
    # a comparison in another clause is not about the claim
    found = pairs(nlp, "Metformin lowers blood sugar, and it costs less than aspirin.")
    assert not any(iv == "aspirin" for iv, _ in found)


def test_claims_second_main_clause_is_out_of_the_first_clauses_negation(nlp):
    found = {cond.lower(): c.negated for _, cond, c in claims_of(
        nlp, "Naltrexone does not cause dependence, and at these doses its main side effects are vivid dreams.")}
    assert found.get("dependence") is True
    assert found.get("vivid dreams") is False


def test_claims_more_often_is_a_comparison_not_a_frequency_hedge(nlp):
    found = claims_of(nlp, "Lithium caused tremor more often than valproate did.")
    assert found and all(c.hedge_level == "asserted" for _, _, c in found)
    [(_, _, claim)] = claims_of(nlp, "Lithium often causes tremor.")
    assert claim.hedge_level == "probable"


def test_claims_relative_clause_claim_has_its_own_hedge(nlp):
    found = {cond.lower(): c.hedge_level for _, cond, c in claims_of(
        nlp, "Melatonin may be a gentler choice for older people than zolpidem, which can cause falls.")}
    assert found.get("falls") == "probable"  # "can" in the relative clause, not the main clause's "may"


def test_claims_clause_with_its_own_verb_does_not_borrow_conditions(nlp):
    found = {(iv.lower(), cond.lower()): c.negated for iv, cond, c in claims_of(
        nlp, "Triptans relieved migraine pain more often than rimegepant, but rimegepant did not cause chest "
             "tightness.")}
    # the comparator shares the first clause's claim; the second clause's "did not" is not about it
    assert found.get(("rimegepant", "migraine pain")) is False


def test_claims_word_of_a_negation_idiom_is_not_a_condition(nlp):
    found = pairs(nlp, "Melatonin Eases Jet Lag but Falls Short Against Hospital Delirium")
    assert ("melatonin", "jet lag") in found
    assert not any(cond == "falls" for _, cond in found)


EVERYDAY_CLAIMS = [  # written for claimx: plain claims any health article makes
    ("Antibiotics do not work against viral infections such as the common cold.", "antibiotics", "viral infections"),
    ("Regular physical activity reduces the risk of depression by 25%.", "physical activity", "depression"),
    ("Eating more fibre helps prevent constipation.", "fibre", "constipation"),
    ("Long-term use of proton pump inhibitors has been associated with bone fractures.", "proton pump inhibitors",
     "bone fractures"),
    ("Taking folic acid before pregnancy prevents neural tube defects.", "folic acid", "neural tube defects"),
    ("Ibuprofen can cause stomach ulcers.", "ibuprofen", "stomach ulcers"),
    ("Collagen supplements may reduce wrinkles.", "collagen supplements", "wrinkles"),
    ("Vaping has been linked to lung injury.", "vaping", "lung injury"),
    ("Lithium remains the gold standard for bipolar disorder.", "lithium", "bipolar disorder"),
    ("Sugar-sweetened drinks raise the risk of obesity.", "sugar-sweetened drinks", "obesity"),
    ("Topical retinoids worked faster than benzoyl peroxide for acne.", "retinoids", "acne"),
]


TREATMENT_ARM_CLAIMS = [  # written for claimx: a group named by what it was given reports its result
    ("Half of the women taking letrozole were free of hot flushes after a year.", "letrozole", "hot flushes"),
    ("Rats given curcumin had smaller tumours than untreated rats.", "curcumin", "tumours"),
    ("After ten years, 2 percent of the aspirin group had bowel cancer, against 3 percent of the rest.",
     "aspirin", "bowel cancer"),
    ("Patients who received tranexamic acid were less often readmitted with bleeding.", "tranexamic acid",
     "bleeding"),
]


@pytest.mark.parametrize("text,intervention,condition", TREATMENT_ARM_CLAIMS)
def test_claims_treatment_arm(nlp, text, intervention, condition):
    assert (intervention, condition) in pairs(nlp, text)


@pytest.mark.parametrize("text,intervention,condition", EVERYDAY_CLAIMS)
def test_claims_everyday_sentences(nlp, text, intervention, condition):
    assert (intervention, condition) in pairs(nlp, text)


EVERYDAY_HEDGES = [  # (sentence, hedge level, negated), written for claimx
    ("Scientists are investigating whether psilocybin can treat anorexia.", "speculative", False),
    ("Echinacea does not shorten colds, a large review concluded.", "probable", True),
    ("Zinc shortened colds, the review found.", "probable", False),
    ("Garlic has little effect on blood pressure.", "asserted", True),
    ("Metformin appears to slow tumour growth in mice.", "possible", False),
    # the relation verb itself, not a report of evidence (every development gold file)
    ("Long-term ibuprofen use has been linked to kidney damage.", "asserted", False),
    # not knowing whether is uncertainty, not a denial
    ("Doctors still don't know whether vaping causes lung disease.", "speculative", False),
    # the main clause's "not" does not deny the reason clause's claim
    ("Because a trial hinted that ginkgo might worsen tinnitus, it is not sold in our pharmacy.", "speculative", False),
    ("Early-stage trials suggest that ibuprofen eases migraine.", "speculative", False),
    ("Glucosamine makes no difference to knee pain.", "asserted", True),
    # "experimental" names the drug, not the stage of the evidence
    ("An experimental drug called ZX-101 cut seizures in mice.", "asserted", False),
    ("Vitamin K could one day prevent fractures.", "speculative", False),
    ("Intermittent fasting one day a week lowered blood pressure.", "asserted", False),
    # a clause about the evidence qualifies the claim it is attached to
    ("Zinc might shorten colds, although the evidence is at an early stage.", "speculative", False),
    ("Myth: garlic capsules cure colds.", "asserted", True),
    # an endorsement reported from others, not the writer's claim
    ("Half the runners at my club swear by melatonin for jet lag.", "possible", False),
    ("Everyone on the parents' forum raves about probiotics for eczema.", "possible", False),
]


@pytest.mark.parametrize("text,level,negated", EVERYDAY_HEDGES)
def test_claims_everyday_hedges(nlp, text, level, negated):
    [(_, _, claim)] = claims_of(nlp, text)
    assert (claim.hedge_level, claim.negated) == (level, negated)


def test_claims_early_stage_disease_is_not_an_early_stage_of_research(nlp):
    found = {cond: c for _, cond, c in claims_of(nlp, "Pembrolizumab cut deaths from early-stage lung cancer.")}
    assert found["early-stage lung cancer"].hedge_level == "asserted"


def test_claims_brand_name_claims_are_grouped_under_the_generic(nlp):
    found = claims_of(nlp, "Naproxen (Aleve) eases period pain. Aleve can also cause indigestion.")
    by_condition = {cond.lower(): c.intervention.norm.lower() for _, cond, c in found}
    assert by_condition.get("period pain") == "naproxen"
    assert by_condition.get("indigestion") == "naproxen"


def test_claims_boilerplate_section_holds_no_claims(nlp):
    text = ("Statins and the heart\n"
            "Statins prevent heart attacks in people at high risk.\n"
            "About the Northgate Heart Trust\n"
            "The trust has funded trials showing that aspirin prevents strokes.\n")
    found = pairs(nlp, text)
    assert ("statins", "heart attacks") in found
    assert not any(iv == "aspirin" for iv, _ in found)


def test_claims_comparator_is_not_the_antecedent_of_it(nlp):
    text = ("Metformin is the usual first drug for type 2 diabetes. Metformin lowers blood sugar.\n\n"
            "Dapagliflozin protected the kidneys better than sitagliptin did. "
            "It also reduced admissions for heart failure.")
    hit = [c for _, cond, c in claims_of(nlp, text) if cond.lower() == "heart failure"]
    assert hit and hit[0].intervention.norm.lower() == "dapagliflozin"


def test_claims_heading_takes_the_article_topic_only_when_it_has_one(nlp):
    heading = "Pharmacy corner\nEasing Migraine\n"
    one_topic = heading + "Readers ask about ibuprofen. Ibuprofen is cheap, and ibuprofen is sold everywhere.\n"
    assert ("ibuprofen", "migraine") in pairs(nlp, one_topic)
    # a round-up of nine remedies named once each has no main one to credit
    many = heading + ("Readers ask about ibuprofen, cetirizine, loperamide, hyoscine, paracetamol, omeprazole, "
                      "loratadine, naproxen and aspirin.\n")
    assert pairs(nlp, many) == set()


def test_claims_both_and_all_three_name_the_interventions_just_listed(nlp):
    text = ("Desloratadine, levocetirizine and bilastine rarely cause drowsiness. "
            "All three work well for hay fever.")
    hay_fever = {c.intervention.norm.lower() for _, cond, c in claims_of(nlp, text) if cond.lower() == "hay fever"}
    assert hay_fever == {"desloratadine", "levocetirizine", "bilastine"}
    both = pairs(nlp, "Erenumab and galcanezumab were tested in adults. Both cut migraine days.")
    assert {("erenumab", "migraine"), ("galcanezumab", "migraine")} <= both


def test_claims_both_before_two_conditions_is_not_an_anaphor(nlp):
    text = "Sertraline and yoga were compared. Exercise helps both anxiety and depression."
    assert {iv for iv, _ in pairs(nlp, text)} == {"exercise"}


def test_claims_time_adjunct_is_not_the_intervention_of_it(nlp):
    text = "Collagen is popular. It may also strengthen brittle nails and soothe achy joints after exercise."
    assert {iv for iv, _ in pairs(nlp, text)} == {"collagen"}


def test_claims_newsletter_item_heading_takes_the_items_intervention(nlp):
    # written for claimx: a practice newsletter whose items each have their own treatment
    text = ("Riverside Practice News\n"
            "Stronger bones\n"
            "Alendronate is a weekly tablet. Alendronate is taken before breakfast. "
            "Alendronate is swallowed with a full glass of water.\n"
            "Easing hay fever\n"
            "Cetirizine is sold in every pharmacy, and cetirizine works within an hour.\n")
    headings = {(c.intervention.norm.lower(), c.condition.norm.lower())
                for _, _, c in claims_of(nlp, text) if c.is_heading}
    assert ("cetirizine", "hay fever") in headings
    assert ("alendronate", "hay fever") not in headings


def test_claims_open_question_heading_claims_nothing(nlp):
    body = "Allopurinol is taken every day. Allopurinol prevents attacks of gout.\n"
    asks = [c for _, _, c in claims_of(nlp, "Gout explained\nWhat is gout?\n" + body) if c.sentence.endswith("?")]
    assert asks == []
    yes_no = [c for _, _, c in claims_of(nlp, "Gout explained\nCan it prevent gout?\n" + body)
              if c.sentence.endswith("?")]
    assert yes_no and yes_no[0].intervention.norm.lower() == "allopurinol"


def test_claims_the_vaccine_names_the_vaccine_not_the_articles_drug(nlp):
    text = ("Iron tablets correct anaemia. Iron tablets can cause constipation. Take iron with orange juice.\n\n"
            "The shingles vaccine is offered to everyone at 65. "
            "In trials, two doses of the vaccine cut the risk of shingles by 90 percent.")
    shingles = {c.intervention.norm.lower() for _, cond, c in claims_of(nlp, text) if cond.lower() == "shingles"}
    assert shingles and "iron" not in shingles


@pytest.mark.parametrize("name", ["shingles", "pneumonia", "sciatica", "broken bones", "flare-ups", "head lice"])
def test_claims_everyday_condition_names(nlp, name):
    assert ("colchicine", name) in pairs(nlp, f"Colchicine reduces {name} in older adults.")


def test_claims_side_effects_section_lists_what_the_treatment_causes(nlp):
    # written for claimx: a leaflet's side-effects section needs no verb of effect
    text = ("Alendronate for osteoporosis\n"
            "Alendronate is a weekly tablet for thin bones.\n"
            "What are the side effects?\n"
            "Heartburn and indigestion are the commonest.\n")
    assert {("alendronate", "heartburn"), ("alendronate", "indigestion")} <= pairs(nlp, text)
    # the same sentence under another heading is no claim
    other = text.replace("What are the side effects?", "How is it taken?")
    assert ("alendronate", "heartburn") not in pairs(nlp, other)


def test_claims_an_act_named_by_a_gerund_phrase_is_the_intervention(nlp):
    # written for claimx
    found = pairs(nlp, "Stopping smoking lowers the risk of a heart attack within a year.")
    assert ("stopping smoking", "heart attack") in found
    assert not any(cond == "smoking" for _, cond in found)
    assert ("skipping breakfast", "type 2 diabetes") in pairs(
        nlp, "Skipping breakfast has been linked to type 2 diabetes in two cohort studies.")


def test_claims_taking_a_named_medicine_is_that_medicine(nlp):
    found = pairs(nlp, "Taking probiotics alongside antibiotics reduces the risk of diarrhoea.")
    assert ("probiotics", "diarrhoea") in found
    assert not any(iv.startswith("taking") for iv, _ in found)
    # a participle before a noun is no act
    assert not any(iv.startswith("emerging") for iv, _ in pairs(
        nlp, "Emerging research shows that lithium reduces suicide in bipolar disorder."))


def test_claims_a_condition_named_twice_is_judged_where_the_claim_names_it(nlp):
    # written for claimx: the first "diabetes" is the readers', the second the claim's
    text = "For readers worried about diabetes, ezetimibe has not been linked to diabetes."
    hit = [c for _, cond, c in claims_of(nlp, text) if cond.lower() == "diabetes"]
    assert hit and hit[0].negated and hit[0].relation == "correlational"


def test_claims_symptom_adjective_after_a_verb_of_causing_or_feeling(nlp):
    # written for claimx
    assert ("chlorphenamine", "drowsy") in pairs(nlp, "Chlorphenamine makes about one person in five drowsy.")
    assert {("isotretinoin", "depressed"), ("isotretinoin", "irritable")} <= pairs(
        nlp, "Some teenagers said isotretinoin left them depressed or irritable.")
    # advice, not a claim
    assert ("amlodipine", "dizzy") not in pairs(nlp, "Call your doctor if you feel dizzy after starting amlodipine.")
    # the contrast clause has its own drug
    found = pairs(nlp, "Loratadine rarely causes drowsiness, whereas promethazine makes most people sleepy.")
    assert ("promethazine", "sleepy") in found and ("loratadine", "sleepy") not in found


def test_claims_surgery_is_an_intervention_but_not_as_a_time_adjunct(nlp):
    # written for claimx
    assert ("surgery", "type 2 diabetes") in pairs(nlp, "Surgery puts type 2 diabetes into remission more often.")
    found = pairs(nlp, "Melatonin might lower delirium rates after hip fracture surgery.")
    assert ("melatonin", "delirium") in found and not any(iv == "surgery" for iv, _ in found)


def test_claims_a_statement_of_aims_claims_nothing(nlp):
    # written for claimx
    for text in ("We wanted to find out how well exercise works for knee osteoarthritis, compared with surgery.",
                 "This review aimed to compare ibuprofen with paracetamol for period pain.",
                 "The main aim of the trial was to test whether aspirin prevents bowel cancer."):
        assert pairs(nlp, text) == set(), text
    assert ("aspirin", "strokes") in pairs(nlp, "We want patients to know that aspirin prevents strokes.")


def test_claims_a_which_or_what_question_claims_nothing(nlp):
    # written for claimx: a yes/no question is a hedged claim, an open question is not
    assert pairs(nlp, "Which hay fever tablet won't make me drowsy?") == set()
    assert pairs(nlp, "Which medicine, ibuprofen or paracetamol, eases period pain better?") == set()
    assert ("cannabidiol", "insomnia") in pairs(nlp, "Could cannabidiol help with insomnia?")


def test_claims_first_person_symptom_adjective(nlp):
    # written for claimx: forum posts speak of "me"
    assert ("methotrexate", "queasy") in pairs(nlp, "For the first few months methotrexate made me queasy.")


def test_claims_a_treatment_set_against_the_subject_is_no_antecedent(nlp):
    # written for claimx: "it" is the new pill, not the drug it is contrasted with
    text = ("Semaglutide is the best-selling weight-loss drug. Semaglutide also protects the kidneys.\n\n"
            "Lixaglipron, a daily pill that, unlike injected semaglutide, needs no fridge, "
            "cut body weight by 11 percent. In a second trial it lowered HbA1c in type 2 diabetes.")
    found = pairs(nlp, text)
    assert ("lixaglipron", "hba1c") in found and ("semaglutide", "hba1c") not in found


def test_claims_a_noun_before_and_shares_the_head_only_when_it_modifies_conditions(nlp):
    # written for claimx
    found = pairs(nlp, "Tirzepatide lowered blood pressure, weight and blood sugar.")
    assert ("tirzepatide", "blood sugar") in found and ("tirzepatide", "weight sugar") not in found
    assert ("naltrexone", "alcohol dependence") in pairs(nlp, "Naltrexone can treat alcohol and opioid dependence.")


@pytest.mark.parametrize("text, pair", [
    ("Iron tablets correct anaemia in most people.", ("iron tablets", "anaemia")),
    ("Tirzepatide roughly halved breathing pauses in sleep apnoea.", ("tirzepatide", "sleep apnoea")),
    ("Bisphosphonates are the most widely used medicines for osteoporosis.", ("bisphosphonates", "osteoporosis")),
])
def test_claims_more_causal_cues(nlp, text, pair):
    # written for claimx: "correct", "halve", "medicines for"
    assert pair in pairs(nlp, text)


def test_claims_a_condition_that_changes_by_itself_reports_the_passages_treatment(nlp):
    # written for claimx
    assert ("tirzepatide", "daytime sleepiness") in pairs(
        nlp, "Tirzepatide cut breathing pauses in sleep apnoea. Daytime sleepiness improved too.")
    # no treatment in the passage: natural history, no claim
    assert pairs(nlp, "Colds usually get better on their own. Symptoms improved within a week.") == set()


def test_claims_arrows_of_revision_notes_are_claim_cues(nlp):
    # written for claimx: note-style "X → ↓ Y" says X reduces Y
    found = pairs(nlp, "Amantadine → ↓ dyskinesia.\nDomperidone → ↓ nausea and vomiting.\n")
    assert {("amantadine", "dyskinesia"), ("domperidone", "nausea")} <= found


def test_claims_a_drugs_mechanism_takes_the_condition_of_the_article_title(nlp):
    # written for claimx: under an item heading that names no condition, a mechanism
    # is named for the condition of the enclosing title
    found = markdown_pairs(nlp, "# Five things to know about biologics for psoriasis\n\n"
                                "## 1. They work on the immune system\n\n"
                                "Newer drugs such as secukinumab shut down interleukin-17.\n")
    assert ("secukinumab", "psoriasis") in found


def test_claims_a_title_outcome_is_not_what_a_mechanism_is_named_for(nlp):
    # written for claimx: a title's outcome word ("memory") is no disease
    found = markdown_pairs(nlp, "# A new drug rescues memory in mice\n\n"
                                "## How it works\n\n"
                                "Rather than attacking amyloid, the compound TRM-41 switches on TREM2, "
                                "a receptor on microglia.\n")
    assert ("trm-41", "memory") not in found


def test_claims_what_an_anaphoric_subject_acts_on_is_no_agent(nlp):
    # written for claimx: "it" is the water tablet; the salt it makes the kidneys pass is not
    found = pairs(nlp, "Furosemide is a water tablet. It makes your kidneys pass more salt and water, "
                       "which eases breathlessness.")
    assert ("furosemide", "breathlessness") in found
    assert not any(iv == "salt" for iv, _ in found)


def test_claims_a_subject_or_comparator_after_it_keeps_its_claim(nlp):
    # written for claimx
    found = pairs(nlp, "Aspirin is no alternative. It is not gentle, and in older people aspirin causes "
                       "major bleeding. Exercise is free. It works as well as sertraline for mild depression.")
    assert {("aspirin", "major bleeding"), ("sertraline", "mild depression")} <= found


def test_claims_it_names_what_the_paragraph_made_act_not_what_it_acted_on(nlp):
    # written for claimx: "salt" is only acted on, so "it" is the drug
    text = ("Salt raises blood pressure, and salt makes the body hold water.\n\n"
            "Furosemide is a water tablet that makes your kidneys pass more salt. "
            "It can make you dizzy when you stand up.\n")
    found = pairs(nlp, text)
    assert ("furosemide", "dizzy") in found and ("salt", "dizzy") not in found


def test_claims_an_act_after_a_label_and_not_an_adjunct_before_a_comma(nlp):
    # written for claimx: "Myth: <gerund act> ..." names the act; "Looking further ahead,
    # researchers ..." is an adjunct, not an act
    found = claims_of(nlp, "Myth: Cutting hair short gets rid of lice.")
    assert [(iv, cond, c.negated) for iv, cond, c in found] == [("Cutting hair short", "lice", True)]
    assert not any("Looking" in iv for iv, _ in pairs(nlp, "Looking further ahead, researchers are testing a "
                                                            "lotion that kills lice."))


def test_claims_a_negative_instruction_claims_nothing_unless_it_gives_the_consequence(nlp):
    # written for claimx
    assert pairs(nlp, "Do not offer opioids such as codeine for long-term endometriosis pain.") == set()
    assert pairs(nlp, "Don't take ibuprofen for gout flares.") == set()
    assert ("alcohol", "gout") in pairs(nlp, "Avoid alcohol, which worsens gout.")
    assert ("levodopa", "parkinsonism") in pairs(nlp, "Never stop levodopa abruptly → risk of parkinsonism.")


def test_claims_the_disease_names_the_disease_already_introduced(nlp):
    # written for claimx: a definite "the disease" / "the deficiency" takes the last disease
    # named before whose name has that word, else the last disease
    text = ("Last spring a neurologist told me I had motor neurone disease. My neurologist started me on "
            "riluzole. It slows the disease a little. Edaravone did not slow the disease in a European trial. "
            "Low ferritin points to iron-deficiency anaemia, and tiredness is common. "
            "An iron infusion corrects the deficiency faster.")
    found = claims_of(nlp, text)
    by_iv = {iv.lower(): (cond, c) for iv, cond, c in found}
    assert by_iv["riluzole"][0] == "motor neurone disease" and by_iv["riluzole"][1].condition.implicit
    assert by_iv["edaravone"][0] == "motor neurone disease" and by_iv["edaravone"][1].negated
    assert by_iv["iron infusion"][0].startswith("iron-deficiency")  # not "tiredness", named last


def test_claims_a_food_only_acted_on_is_not_the_article_topic(nlp):
    # written for claimx: salt is only passed, cut and avoided; the article is about the tablet
    text = ("Furosemide is a water tablet. It makes your kidneys pass more salt and water.\n\n"
            "We advise you to eat less salt. Many people add salt to every meal, and ready meals contain salt too.\n\n"
            "It can make you dizzy when you stand up.\n")
    found = pairs(nlp, text)
    assert ("furosemide", "dizzy") in found and ("salt", "dizzy") not in found


def test_claims_a_lay_description_of_a_named_treatment_is_that_treatment(nlp):
    # written for claimx: "a chewable tablet" in apposition, "a water tablet" said of it
    text = ("Mebendazole, a chewable tablet from the pharmacy, treats threadworms. It may cause a mild tummy ache.\n\n"
            "Furosemide helps with fluid. This is a water tablet. It can make you dizzy.\n")
    found = pairs(nlp, text)
    assert ("mebendazole", "mild tummy ache") in found and ("furosemide", "dizzy") in found
    assert not any("tablet" in iv for iv, _ in found)


def test_claims_what_a_verb_of_effect_acts_on_is_the_condition(nlp):
    # written for claimx: lay symptoms no entity names, as the object of a verb of effect
    # after the treatment; through a quantity noun; not a population or a pronoun
    assert ("ivermectin", "redness") in pairs(nlp, "Ivermectin cream visibly reduces redness.")
    assert ("azelaic acid", "flare-ups") in pairs(nlp, "In a trial, azelaic acid reduced the number of flare-ups.")
    assert not any(cond in ("people", "them") for _, cond in pairs(nlp, "Azelaic acid helped people, and it "
                                                                     "reduced them."))
    assert not any(cond == "child" for _, cond in pairs(nlp, "Lice spread fast.\n\nWashing hair every day won't "
                                                             "stop your child catching them."))


def test_claims_they_names_the_plural_the_paragraph_named_last(nlp):
    # written for claimx: a class noun, or two coordinated treatments; an example after
    # "such as" is not what "they" names
    assert ("anticholinergics", "leaks") in pairs(nlp, "Anticholinergics work, modestly. On average they cut "
                                                       "leaks by about one a day.")
    found = pairs(nlp, "Opioids such as codeine are sometimes offered. They can lead to dependence.")
    assert ("opioids", "dependence") in found and ("codeine", "dependence") not in found


def test_claims_the_object_of_for_after_a_word_of_treatment_is_the_condition(nlp):
    # written for claimx: "a treatment for", "does nothing for"; not "for years"
    assert ("bladder training", "urge leaks") in pairs(nlp, "Bladder training is a first-line treatment for urge leaks.")
    assert ("metronidazole", "redness") in pairs(nlp, "Metronidazole gel works, but it does nothing for redness.")
    assert not any(cond in ("years", "centuries") for _, cond in pairs(
        nlp, "Willow bark has been used in folk medicine for centuries, and aspirin helped for years."))


def test_claims_an_object_the_parser_missed_and_verbs_split_around_it(nlp):
    # written for claimx: the parser hangs "spots" as a root here; "make X worse",
    # "keep X away" and "prescribed X for Y" are verbs of effect and use split by their object
    assert ("brimonidine", "spots") in pairs(nlp, "Brimonidine does not treat spots.")
    found = claims_of(nlp, "Caffeine does not make tinnitus worse.")
    assert [(iv, cond, c.negated) for iv, cond, c in found] == [("Caffeine", "tinnitus", True)]
    assert ("repellent sprays", "lice") in pairs(nlp, "Repellent sprays keep lice away.")
    assert ("timolol", "glaucoma") in pairs(nlp, "My husband was prescribed timolol drops for glaucoma.")


def test_claims_a_mechanism_takes_the_disease_the_article_is_about(nlp):
    # written for claimx: no heading names the disease, but most disease mentions are one
    text = ("Your medicines\n\nYou were treated for heart failure. Heart failure makes you breathless, and heart "
            "failure can come back.\n\nBisoprolol is one of your tablets. It blocks the beta-1 receptors in the "
            "heart.\n")
    found = [(iv.lower(), cond.lower(), c.relation) for iv, cond, c in claims_of(nlp, text)
             if c.sentence.startswith("It blocks")]
    assert found == [("bisoprolol", "heart failure", "mechanistic")]


def test_claims_a_heading_that_only_names_a_condition_is_no_claim(nlp):
    # written for claimx: "Ulcerative colitis" names the section's topic; "Calming Crohn's
    # disease" says what the article's treatment does
    found = markdown_pairs(nlp, "# Mesalazine: what the evidence says\n\n"
                                "Mesalazine is an old anti-inflammatory medicine. Mesalazine is taken as tablets.\n\n"
                                "## Ulcerative colitis\n\nMost people with mild disease start here.\n\n"
                                "## Calming Crohn's disease\n\nThe evidence here is weaker.\n")
    assert ("mesalazine", "ulcerative colitis") not in found
    assert ("mesalazine", "crohn's disease") in found


def test_claims_a_group_defined_by_what_it_does_is_compared_on_an_outcome(nlp):
    # written for claimx: the act in the relative clause is the intervention of a
    # correlational claim; a group defined by a state ("who have asthma") is no act
    def found(text):
        return {(iv.lower(), cond.lower(), c.relation) for iv, cond, c in claims_of(nlp, text)}

    assert ("walked at lunchtime", "back pain", "correlational") in found(
        "Office workers who walked at lunchtime were less likely to report back pain.")
    assert ("eat a lot of red meat", "attacks", "correlational") in found(
        "People with gout who eat a lot of red meat have more attacks.")
    assert not any(iv.startswith("have") for iv, _, _ in found("Patients who have asthma were more likely to wheeze."))
    # an act of nine words, with its amount and frequency
    assert ("ate two or more slices of red meat a day", "bowel cancer", "correlational") in found(
        "Adults who ate two or more slices of red meat a day had a higher risk of bowel cancer.")


def test_claims_a_drug_named_in_passing_is_not_what_the_drug_refers_to(nlp):
    # written for claimx: "the hormone" cannot fall back on vitamin E, two of twenty-odd
    # treatment mentions in an article about surgery and radiotherapy
    found = markdown_pairs(nlp, "# Choosing a treatment for prostate cancer\n\nSurgery and radiotherapy are the two main treatments. Surgery removes the prostate. Radiotherapy treats the gland with X-rays. Surgery and radiotherapy control the cancer equally well.\n\n## Radiotherapy\n\nRadiotherapy is given in 20 sessions. Radiotherapy is often combined with hormone injections. The hormone injections can cause hot flushes. Radiotherapy can also cause tiredness. After radiotherapy, bowel problems are common.\n\n## Surgery\n\nSurgery needs two nights in hospital. After surgery, leaking urine is common. Surgery can damage the nerves. Robotic surgery shortens the hospital stay.\n\n## Diet\n\nVitamin E was once thought to prevent prostate cancer. In a large trial, vitamin E did nothing.\n")
    assert ("vitamin e", "hot flushes") not in found


def test_claims_an_unstated_treatment_is_named_as_the_text_writes_it(nlp):
    # written for claimx: not as the upper-case headline does
    found = [iv for iv, _, _ in claims_of(nlp, "XYLITOL AND YOUR TEETH\n\nXylitol is a sweetener found in chewing gum. "
                                               "Xylitol is sold in many shops. In trials, it cut tooth decay in children.\n")]
    assert found == ["Xylitol"]


def test_claims_what_a_study_adjusted_for_is_no_outcome(nlp):
    # written for claimx: the covariates after "after adjustment for" are not claimed
    found = {cond.lower() for _, cond, _ in claims_of(
        nlp, "People who ate fried food daily had a higher risk of stroke, after adjustment for age, smoking, "
             "body weight and diabetes.")}
    assert "stroke" in found
    assert not found & {"smoking", "body weight", "diabetes"}


def test_claims_a_pronoun_outside_the_clause_of_a_named_agent_adds_no_agent(nlp):
    # written for claimx: "it" is the trial; the claim's agent is the named treatment
    text = ("Vitamin C is popular in winter. This was a small trial, and it cannot tell us whether fluoride "
            "causes bone cancer.")
    found = resolved_pairs(nlp, text, "This was")
    assert found == {("fluoride", "bone cancer")}


def test_claims_the_subject_of_a_verb_of_effect_is_the_intervention_no_lexicon_names(nlp):
    # written for claimx: "tight shoes" is in no lexicon; researchers and studies are no agents
    assert ("tight shoes", "bunions") in pairs(nlp, "Tight shoes can cause bunions.")
    assert ("night shifts", "breast cancer") in pairs(nlp, "Night shifts have been linked to breast cancer.")
    assert not pairs(nlp, "Researchers prevent infections with care.")


def test_claims_people_a_trial_was_done_in_are_no_condition(nlp):
    # written for claimx: "in 500 smokers" counts people; "helps smokers quit" names smoking
    assert pairs(nlp, "In a trial in 500 smokers, bupropion eased cravings.") == {("bupropion", "cravings")}
    assert ("bupropion", "smoking") in pairs(nlp, "Bupropion helps smokers quit.")


def test_claims_people_who_already_have_a_disease_are_a_population(nlp):
    # written for claimx: an adverb between "who" and "have", and "who get", still name people
    assert pairs(nlp, "Aspirin may raise the risk of bleeding in people who already have kidney disease.") == {
        ("aspirin", "bleeding")}
    assert pairs(nlp, "The vaccine reduces nerve pain in people who still get shingles.") == {
        ("vaccine", "nerve pain")}


def test_claims_a_sentence_that_only_describes_a_study_is_no_claim(nlp):
    # written for claimx: what a finished study did holds no claim; an ongoing test of
    # whether something works is a tentative claim
    assert not pairs(nlp, "The SOLACE trial tested sertraline in 300 adults with panic disorder.")
    assert ("sertraline", "panic disorder") in pairs(
        nlp, "A trial is now testing whether sertraline prevents panic disorder in teenagers.")


def test_claims_leave_with_names_what_a_treatment_causes(nlp):
    # written for claimx: "leave ... with" is a verb of effect written around its object
    assert ("chlorphenamine", "dry mouth") in pairs(nlp, "Chlorphenamine can leave you with a dry mouth for a day.")


def test_claims_it_does_not_take_up_a_substance_inside_an_object(nlp):
    # written for claimx: testosterone is what the tablet acts on ("the body's conversion
    # of testosterone"), not what a later "It" names
    found = resolved_pairs(nlp, "Doctors may then suggest finasteride. The tablet blocks the body's conversion of "
                                "testosterone. It eases urinary symptoms in many men.", "It eases")
    assert found == {("finasteride", "urinary symptoms")}


def test_claims_a_disease_named_in_one_section_only_is_not_the_article_disease(nlp):
    # written for claimx: a round-up's last item is about one disease, named often enough to
    # be most of the article's disease mentions; an earlier item's mechanism is not for it
    found = markdown_pairs(nlp, "# The weekly round-up\n\n"
                                "## 1. Rapamycin in mice\n\n"
                                "Mice given rapamycin lived longer. Rapamycin inhibits mTOR, a nutrient-sensing "
                                "hub.\n\n"
                                "## 2. Aspirin and bowel cancer\n\n"
                                "Aspirin did not prevent bowel cancer in older adults. Bowel cancer was as common "
                                "on aspirin as on placebo, and cancer deaths were slightly higher.\n")
    assert ("rapamycin", "bowel cancer") not in found


def test_claims_a_disease_named_across_sections_is_the_article_disease(nlp):
    # written for claimx: the disease runs through the article; a mechanism under a heading
    # that names none is for it
    found = markdown_pairs(nlp, "# Living with gout\n\n"
                                "Gout flares are painful. Gout affects one adult in forty.\n\n"
                                "## Medicines\n\n"
                                "Allopurinol blocks xanthine oxidase. Many people with gout take it for life.\n")
    assert ("allopurinol", "gout") in found


def test_claims_a_treatment_acting_on_nothing_named_acts_on_the_article_disease(nlp):
    # written for claimx: "helped" names no condition; the article is about glaucoma
    text = ("Letters\n\nI have had glaucoma for ten years. My glaucoma is stable, and glaucoma runs in my family.\n\n"
            "Timolol has helped my husband enormously.\n")
    found = [(iv.lower(), cond.lower()) for iv, cond, c in claims_of(nlp, text) if c.sentence.startswith("Timolol")]
    assert found == [("timolol", "glaucoma")]


def test_claims_the_component_keeps_nothing_from_one_document_to_the_next(nlp):
    # written for claimx: the letters page about glaucoma makes "helped" a glaucoma claim
    # in its own document only, not in the next one
    from claimx.claims import ArticleState

    letter = "Timolol has helped my husband enormously.\n"
    alone = pairs(nlp, letter)
    assert ("timolol", "glaucoma") in pairs(nlp, "Letters\n\nI have had glaucoma for ten years. My glaucoma is "
                                                 "stable, and glaucoma runs in my family.\n\n" + letter)
    assert pairs(nlp, letter) == alone
    assert nlp.get_pipe("claimx_claims")._article == ArticleState()


def test_claims_this_combination_names_the_combination_product(nlp):
    # written for claimx
    text = ("Sacubitril/valsartan is a newer tablet. In a large trial, this combination prevented more deaths from "
            "heart failure than enalapril.")
    assert ("sacubitril/valsartan", "heart failure") in resolved_pairs(nlp, text, "In a large trial")


def test_claims_a_cue_word_inside_a_condition_name_is_no_cue(nlp):
    # written for claimx: "failure to" is a negation, but not inside "heart failure to get worse"
    found = claims_of(nlp, "The flu jab lowers the chance of a chest infection, a common reason for heart failure "
                           "to get worse.")
    assert found and not any(c.negated for _, _, c in found)


def test_claims_a_pronoun_in_a_fronted_clause_names_the_main_clause_treatment(nlp):
    # written for claimx: "it" points forward to fexofenadine, not back to cetirizine
    text = ("Cetirizine can make you sleepy. Because it barely crosses into the brain, fexofenadine caused no "
            "more drowsiness than a dummy pill.")
    assert resolved_pairs(nlp, text, "Because") == {("fexofenadine", "drowsiness")}


def test_claims_it_names_the_subject_the_paragraph_was_about(nlp):
    # written for claimx: "ticagrelor" is named last, but the sentence is about clopidogrel
    text = ("Aspirin is the oldest option. Aspirin thins the blood, and aspirin is cheap.\n\n"
            "Clopidogrel, a cousin of ticagrelor, is another option. It lowers the risk of stroke.\n")
    assert resolved_pairs(nlp, text, "It") == {("clopidogrel", "stroke")}


def test_claims_a_condition_reported_as_a_treatment_s_common_complaint(nlp):
    # written for claimx: how often a condition follows treatment is a claim about it;
    # how common a disease is in a population is not
    found = pairs(nlp, "Oxybutynin calms the bladder.\n\nDry mouth is the commonest complaint.")
    assert ("oxybutynin", "dry mouth") in found
    assert ("botox injections", "urine infections") in pairs(
        nlp, "Botox injections stop leaks. Urine infections are more common after the injections.")
    assert ("timolol", "glaucoma") not in pairs(nlp, "Timolol lowers pressure. Glaucoma is common in older people.")
    # the same predicate first
    assert ("varenicline", "nausea") in pairs(
        nlp, "Varenicline doubles the chance of quitting.\n\nThe commonest problem is nausea.")
    assert ("varenicline", "falls") not in pairs(
        nlp, "Varenicline doubles the chance of quitting.\n\nThe commonest injury in older people is falls.")


def test_claims_conditions_named_as_a_treatment_s_downside(nlp):
    # written for claimx: "the catch", "the drawback", "the risks" as subject of "be" or
    # "include" (or before a colon) make the predicate's conditions the treatment's effects;
    # a condition in the subject ("the risks of stroke") is no effect of it
    found = pairs(nlp, "Nifedipine reduces attacks of Raynaud's. The catch is headaches and flushing.")
    assert {("nifedipine", "headaches"), ("nifedipine", "flushing")} <= found
    found = pairs(nlp, "Microvascular decompression can cure trigeminal neuralgia. "
                       "The risks include hearing loss on that side and facial numbness.")
    assert {("microvascular decompression", "hearing loss"), ("microvascular decompression", "facial numbness")} <= found
    found = pairs(nlp, "Propranolol helped my heart rate. The downside: cold hands and feet every afternoon.")
    assert ("propranolol", "cold hands") in found
    assert not any(cond == "stroke" for _, cond in pairs(
        nlp, "Warfarin prevents clots in atrial fibrillation. The risks of stroke without it are high."))


def test_claims_conditions_after_a_paragraph_speaks_of_side_effects(nlp):
    # written for claimx: a paragraph that has spoken of side effects goes on listing them;
    # a condition in a phrase ("a sign of ...") or another paragraph is not one of them
    text = ("Ivabradine slows the heart. Like every medicine, it has side effects. The most common are "
            "headache and blurred vision. It is not a sign of heart failure.\n\nMigraine is common in young women.\n")
    found = pairs(nlp, text)
    assert {("ivabradine", "headache"), ("ivabradine", "blurred vision")} <= found
    assert ("ivabradine", "heart failure") not in found
    assert ("ivabradine", "migraine") not in found


def test_claims_a_target_s_own_ligand_is_not_a_treatment(nlp):
    # written for claimx: adrenaline is what the receptors respond to, not a treatment
    text = ("Your medicines\n\nYou were treated for heart failure. Heart failure makes you breathless, and heart "
            "failure can come back.\n\nBisoprolol is one of your tablets. It blocks the beta-1 receptors that "
            "adrenaline acts on in the heart.\n")
    found = {c.intervention.norm.lower() for c in nlp(text)._.claims if c.sentence.startswith("It blocks")}
    assert found == {"bisoprolol"}


def test_claims_no_condition_from_the_verb_of_a_negative_contraction(nlp):
    # written for claimx: "won't" is cut into "wo" + "n't"; "wo" is no condition
    text = ("Repeated injections have been linked to tendon tears, which is why the doctors I work with won't "
            "inject that tendon.")
    assert not any(cond in ("wo", "ca") for _, cond in pairs(nlp, text))


def test_claims_it_does_not_name_a_plural(nlp):
    # written for claimx: "it" names linaclotide, not the "antidepressants" the passage is about
    text = ("Antidepressants are sometimes tried for IBS, and antidepressants can ease pain. For people whose "
            "IBS is mainly constipation, linaclotide is an option. It acts on a receptor in the gut and may also "
            "quieten the pain nerves.")
    found = resolved_pairs(nlp, text, "It acts")
    assert found and all(iv == "linaclotide" for iv, _ in found)


def test_claims_an_expletive_it_names_no_treatment(nlp):
    # written for claimx: "it is not clear which comes first" is about nothing named before
    text = ("Cognitive behavioural therapy can help. People who exercised had milder IBS symptoms, although it "
            "is not clear which comes first.")
    assert not any(c.intervention.kind == "anaphor" for _, _, c in claims_of(nlp, text))


def test_claims_a_class_noun_the_text_goes_on_to_name_is_that_treatment(nlp):
    # written for claimx: "antibiotics called fluoroquinolones" are the fluoroquinolones
    found = pairs(nlp, "A group of antibiotics called fluoroquinolones raises the risk of tendon rupture.")
    assert ("fluoroquinolones", "tendon rupture") in found
    assert not any(iv == "antibiotics" for iv, _ in found)


def test_claims_a_treatment_being_developed_is_speculative(nlp):
    # written for claimx: a drug still in development is at a tentative stage
    found = claims_of(nlp, "Velmorazole is a new cream that is being developed to treat rosacea.")
    assert found and all(c.hedge_level == "speculative" for _, _, c in found)


def test_claims_the_article_s_symptom_when_it_names_no_disease(nlp):
    # written for claimx: a piece about constipation (an outcome word, not a disease name):
    # a treatment that helped, naming nothing, helped with that
    text = ("Constipation is common in toddlers. Constipation can be painful, and constipation often comes back."
            "\n\nLactulose helped my son enormously.")
    assert ("lactulose", "constipation") in pairs(nlp, text)


def test_claims_both_active_treatments_leave_out_the_control(nlp):
    # written for claimx: "both active gels" are the two gels, not the vehicle gel
    text = ("Adapalene gel and tazarotene gel were compared with a vehicle gel in people with acne. Both active "
            "gels reduced the number of red spots by half.")
    found = resolved_pairs(nlp, text, "Both")
    assert {iv for iv, _ in found} == {"adapalene", "tazarotene"}


def test_claims_it_after_a_named_condition_or_mechanism_subject_is_that_subject(nlp):
    # written for claimx: "it" is rosacea, then serotonin, not the passage's treatment
    text = ("Doxycycline calms the spots of rosacea.\n\nRosacea is not caused by poor hygiene, and it is not "
            "infectious. Serotonin is made in the gut, where it helps to control how fast food moves.")
    found = claims_of(nlp, text)
    assert not any(c.intervention.kind == "anaphor" for _, _, c in found if not c.sentence.startswith("Doxy"))


def test_claims_a_treatment_s_role_is_a_claim_for_the_article_s_condition(nlp):
    # written for claimx: "the first choice" says what the treatment is for in a piece on gout
    text = ("Gout is a painful arthritis. Gout flares come and go, and gout can damage joints.\n\n"
            "The usual first choice is allopurinol, taken every day.")
    assert ("allopurinol", "gout") in pairs(nlp, text)
    assert not any(iv == "allopurinol" for iv, _ in pairs(nlp, "Gout is painful. Gout flares. Gout hurts.\n\n"
                                                          "Allopurinol, taken every day, is sold as a tablet."))


# written for claimx: a magazine's comparison table; a row is about its first cell
REMEDY_TABLE = """# Heartburn remedies compared

Heartburn is common after large meals, and most of us reach for something from the pharmacy.

| Remedy | Effect on heartburn | Verdict |
|---|---|---|
| Omeprazole capsules | Blocks the proton pumps in the stomach lining | Best for frequent heartburn |
| Chewing gum | Nothing proven | Harmless |

We asked a pharmacist about all of them.
"""


def test_claims_table_cells_are_about_their_rows_treatment(nlp):
    from pathlib import Path

    from claimx.io.markdown import read_markdown
    from claimx.runner import make_doc

    doc = nlp(make_doc(nlp, read_markdown(REMEDY_TABLE, path=Path("x.md"), name="x.md")))
    found = {(c.sentence, c.intervention.norm.lower(), c.condition.norm.lower()) for c in doc._.claims}
    # a cell naming a condition; a mechanism cell, for the disease the title names
    assert ("Best for frequent heartburn", "omeprazole capsules", "heartburn") in found
    assert ("Blocks the proton pumps in the stomach lining", "omeprazole capsules", "heartburn") in found
    # the column names hold no claims, and a row about no treatment gives none
    assert not any(sentence in ("Effect on heartburn", "Nothing proven") for sentence, _, _ in found)


def test_claims_verdict_after_a_colon_negates_a_heading(nlp):
    markdown = ("# Remedies for hay fever, tested\n\nHay fever is an allergy to pollen.\n\n"
                "## Local honey: the hay fever myth\n\nMany people eat a spoonful each morning.\n\n"
                "## Nasal sprays and hay fever: myth or fact?\n\nWe looked at the trials.\n")
    from pathlib import Path

    from claimx.io.markdown import read_markdown
    from claimx.runner import make_doc

    doc = nlp(make_doc(nlp, read_markdown(markdown, path=Path("x.md"), name="x.md")))
    negated = {(c.intervention.norm.lower(), c.negated) for c in doc._.claims if c.sentence.startswith("Local honey")}
    assert negated == {("honey", True)}
    asked = [c.negated for c in doc._.claims if c.sentence.startswith("Nasal sprays")]
    assert asked == [False]  # "myth or fact?" asks, it does not deny


def test_claims_none_in_a_records_outcome_and_eligibility_fields(nlp):
    from pathlib import Path

    from claimx.io.text import read_text
    from claimx.runner import make_doc

    record = ("GOUT TRIAL RECORD\nStatus: Recruiting\n\nBrief summary:\nThis trial tests whether colchicine "
              "prevents gout flares when allopurinol is started.\n\nPrimary outcome measure:\n"
              "Number of gout flares; a flare is one treated with naproxen or steroids.\n\n"
              "Exclusion criteria:\nPeople whose kidney disease is caused by diuretics.\n")
    doc = nlp(make_doc(nlp, read_text(record, path=Path("x.txt"), name="x.txt")))
    found = {(c.sentence.split()[0], c.intervention.norm.lower()) for c in doc._.claims}
    assert ("This", "colchicine") in found
    assert not any(first in ("Number", "People") for first, _ in found)


def test_claims_a_state_reached_after_a_treatment_is_its_result(nlp):
    # written for claimx: no verb of effect, only the condition's new state
    text = "I have been taking propranolol since March. My palpitations were a little better."
    assert resolved_pairs(nlp, text, "My palpitations") == {("propranolol", "palpitations")}
    # a state the condition did not reach is no result
    worse = "I have been taking propranolol since March. My palpitations were the same."
    assert resolved_pairs(nlp, worse, "My palpitations") == set()


def test_claims_a_gerund_act_that_is_a_clausal_subject_is_the_subject():
    # The parse a web-text-trained parser gives "Stopping smoking helps protect bones"
    # (trees written by hand): the act is the clausal subject, as a noun would be nsubj
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from claimx.claims import ClaimExtractor, Mention

    words = ["Stopping", "smoking", "helps", "protect", "bones"]
    act = Mention("Stopping smoking", "Stopping smoking", "BEHAVIOUR", 0, 2)
    clausal = Doc(Vocab(), words=words, heads=[2, 0, 2, 2, 3], deps=["csubj", "dobj", "ROOT", "xcomp", "dobj"])
    assert ClaimExtractor._is_subject(clausal, act)
    adjunct = Doc(Vocab(), words=words, heads=[2, 0, 2, 2, 3], deps=["advcl", "dobj", "ROOT", "xcomp", "dobj"])
    assert not ClaimExtractor._is_subject(adjunct, act)


def test_claims_symptom_verb_after_make_is_a_condition(nlp):
    # written for claimx: "made her vomit" names vomiting as "made her sleepy" names sleepiness
    found = {(c.intervention.norm.lower(), c.condition.norm.lower()) for c in nlp("Naproxen made her vomit.")._.claims}
    assert found == {("naproxen", "vomiting")}


def test_claims_a_route_of_giving_is_no_treatment(nlp):
    # written for claimx: the injection is how "it" (haloperidol) is given
    text = "Haloperidol is an old drug. It is still widely given by intramuscular injection to calm acute agitation."
    assert resolved_pairs(nlp, text, "It is still") == {("haloperidol", "acute agitation")}


@pytest.mark.parametrize("text, negated", [("Codeine is addictive.", False),
                                           ("Diazepam is not addictive if taken for a week.", True)])
def test_claims_a_treatment_said_to_be_addictive_causes_addiction(nlp, text, negated):
    # written for claimx: the adjective names what the treatment causes
    found = [(c.condition.norm, c.negated) for c in nlp(text)._.claims]
    assert found == [("addiction", negated)]


@pytest.mark.parametrize("text, condition", [
    ("Haloperidol is the prototypical first-generation antipsychotic.", "psychosis"),
    ("Olanzapine is one of the more effective antipsychotics.", "psychosis"),
    ("Lactulose is a laxative.", "constipation"),
])
def test_claims_the_class_a_treatment_is_said_to_be_names_its_condition(nlp, text, condition):
    # written for claimx: "an antipsychotic" is a treatment for psychosis
    assert [c.condition.norm for c in nlp(text)._.claims] == [condition]


def test_claims_a_class_word_that_is_no_predicate_names_no_condition(nlp):
    assert not nlp("Antidepressants are widely prescribed in winter.")._.claims


def test_claims_saline_is_a_control_only_as_an_injection(nlp):
    # written for claimx
    assert pairs(nlp, "Saline nasal sprays ease a blocked nose in children.") == {("saline nasal sprays", "blocked nose")}
    assert not pairs(nlp, "A saline injection eased back pain in a third of patients.")


def test_claims_the_agent_of_a_passive_verb_of_effect_on_a_condition_is_the_intervention(nlp):
    # written for claimx: "by" names what acts on the condition, in no lexicon
    assert ("cold draughts", "earache") in pairs(nlp, "Earache is not caused by cold draughts.")
    assert ("long car journeys", "back pain") in pairs(nlp, "Back pain is often worsened by long car journeys.")
    # the agent of a condition's passive verb, not of a person's
    assert not pairs(nlp, "Patients were seen by nurses for back pain.")


def test_claims_a_noun_of_effect_after_be_takes_the_subject_as_intervention(nlp):
    # written for claimx: "X is a cause of Y", "X is one of the commonest triggers of Y"
    assert ("crash dieting", "gallstones") in pairs(nlp, "Crash dieting is a well-known cause of gallstones.")
    assert ("skipped meals", "migraine") in pairs(nlp, "Skipped meals are one of the commonest triggers of migraine.")


def test_claims_a_pronoun_falling_back_on_the_passage_keeps_to_its_own_clause(nlp):
    # written for claimx: "it" cannot be the plural "biopsies", so it falls back on the
    # passage's drug; the infection the biopsies cause is no claim of that drug
    text = ("Tamsulosin eases urinary symptoms. Biopsies can cause infection, and one in fifty men need "
            "treatment for it.")
    assert resolved_pairs(nlp, text, "Biopsies") == {("biopsies", "infection")}


def test_claims_a_cell_that_is_only_a_figure_holds_no_claim(nlp):
    # written for claimx: the row names a treatment, the heading a condition; "64%" says nothing
    markdown = ("# Annual report\n\n## Hip fracture\n\nWe audit our care of broken hips every year.\n\n"
                "| Measure | 2024 | 2025 |\n|---|---|---|\n| Paracetamol given in the emergency department | 64% | 78% |\n")
    assert markdown_pairs(nlp, markdown) == set()


def test_claims_a_clause_of_taking_makes_a_condition_the_treatments_effect(nlp):
    # written for claimx: "when they start it" ties the rash to the passage's drug; the
    # object of "after starting" is the treatment even when no list knows the brand
    text = "Carbamazepine is used for focal seizures. Some people get a skin rash when they start it."
    assert ("carbamazepine", "skin rash") in resolved_pairs(nlp, text, "Some people")
    assert ("zentravo", "anxiety") in pairs(nlp, "Some adults have described anxiety after starting Zentravo.")
    # without the clause of taking, the passage's drug is not the cause
    assert not resolved_pairs(nlp, "Carbamazepine is used for focal seizures. Some people get a skin rash in summer.",
                              "Some people")


def test_claims_a_phrase_of_time_about_a_dose_makes_a_condition_the_treatments_effect(nlp):
    # written for claimx: "the morning after a dose", "within a fortnight of starting them";
    # a time after stopping is no effect of taking (another rule; checked here too)
    text = "Chlorphenamine helps hay fever. Some people wake up with brain fog the morning after a dose."
    assert ("chlorphenamine", "brain fog") in resolved_pairs(nlp, text, "Some people")
    text = "Timolol drops lower eye pressure. Within a fortnight of starting them he was wheezing on the stairs."
    assert ("timolol", "wheezing") in resolved_pairs(nlp, text, "Within")
    text = "Omalizumab eases asthma. Some people notice a rash after the injections."
    assert ("omalizumab", "rash") in resolved_pairs(nlp, text, "Some people")
    text = "Omalizumab eases asthma. Some people notice a rash after stopping the injections."
    assert not resolved_pairs(nlp, text, "Some people")


def test_claims_a_habit_labelled_as_a_condition_is_the_agent_of_a_link(nlp):
    # written for claimx: smoking and drinking are labelled as dependence, but as the subject
    # of a link they are the exposure; a disease in that place is not
    assert ("smoking", "gum disease") in pairs(nlp, "Smoking has been linked to gum disease.")
    assert ("binge drinking", "gout") in pairs(nlp, "Binge drinking is linked to gout attacks in middle-aged men.")
    assert not pairs(nlp, "Obesity is linked to type 2 diabetes.")


def test_claims_a_readers_reported_question_claims_nothing(nlp):
    # written for claimx: a reader's question is reported, not answered; a researcher who
    # asks whether states a hypothesis the hedge rules grade
    assert not pairs(nlp, "Many parents ask whether fluoride prevents tooth decay.")
    assert not pairs(nlp, "A listener asked if aspirin can prevent strokes.")
    assert ("fluoride", "tooth decay") in pairs(
        nlp, "Researchers have started to ask whether fluoride prevents tooth decay in adults.")


def test_claims_a_study_that_looks_at_a_risk_states_no_finding(nlp):
    # written for claimx: what a study looked at is its design; "looks like" is no study verb
    assert not pairs(nlp, "A new cohort study looks at red meat and the risk of bowel cancer.")
    assert ("aspirin", "stroke") in pairs(nlp, "It looks like aspirin lowers the risk of stroke.")


def test_claims_a_condition_caused_by_its_own_agent_is_no_effect_of_another_treatment(nlp):
    # written for claimx: viruses cause the colds; the antibiotics of the first clause do not
    assert not pairs(nlp, "Antibiotics only kill bacteria, and almost all colds are caused by viruses.")
    assert ("steroid", "flare-ups") not in pairs(
        nlp, "Steroid creams calm the skin, and almost all flare-ups of eczema are triggered by soaps.")
    # the treatment's own passive clause keeps its claim
    assert ("ibuprofen", "pain") in pairs(nlp, "Pain is eased by ibuprofen.")


def test_claims_a_disease_named_with_a_gerund_is_no_act(nlp):
    # written for claimx: "Whooping cough" opens the sentence like "Stopping smoking" does
    assert not pairs(nlp, "Whooping cough (pertussis) causes long bouts of coughing.")
    assert ("stopping smoking", "heart attack") in pairs(nlp, "Stopping smoking lowers the risk of a heart attack.")


def test_claims_no_object_condition_past_a_closing_quote(nlp):
    # written for claimx: the parser hangs "Okafor says" on "stop" across the quote
    text = 'Ginger is popular. "It might stop the queasiness," Okafor says.'
    assert resolved_pairs(nlp, text, '"It might') == {("ginger", "queasiness")}


def test_claims_lay_idioms_of_effect_are_claim_cues(nlp):
    # written for claimx: everyday ways of saying a treatment worked
    assert ("paracetamol", "toothache") in pairs(nlp, "Paracetamol took the edge off my toothache.")
    assert ("antihistamines", "hives") in pairs(nlp, "Antihistamines usually keep hives in check.")
    assert ("aciclovir", "cold sores") in pairs(nlp, "Aciclovir cream cleared up my cold sores within days.")


def test_claims_this_or_it_after_a_verb_of_effect_names_the_condition_before(nlp):
    # written for claimx: the object pronoun takes up the last condition of the sentence
    # before in the same paragraph; "this kind of distress" is no condition of its own
    found = claims_of(nlp, "If the eye does not close properly, corneal damage can follow. "
                           "Lubricating drops by day and ointment at night prevent this.")
    assert [(iv, c.condition.norm, c.implicit) for iv, _, c in found
            if c.sentence.startswith("Lubricating")] == [("Lubricating drops", "corneal damage", True)]
    assert ("loperamide", "diarrhoea") in pairs(nlp, "Diarrhoea is common in the first week. Loperamide may reduce it.")
    assert not pairs(nlp, "Diarrhoea is common in the first week.\n\nLoperamide may reduce it.")
    assert not any(cond.endswith("kind") for _, cond in pairs(
        nlp, "Antipsychotic drugs such as risperidone were once given to calm this kind of distress."))


def test_claims_a_noun_coordinated_with_a_named_condition_is_one(nlp):
    # written for claimx: what a verb of effect acts on is a coordination; its unnamed
    # member is a condition too, but not a generic word, and not outside the verb's object
    assert {("lactulose", "wind"), ("lactulose", "bloating")} <= pairs(nlp, "Lactulose often causes wind and bloating.")
    assert pairs(nlp, "Aspirin reduces pain and cost.") == {("aspirin", "pain")}
    assert ("prochlorperazine", "spinning") not in pairs(
        nlp, "Nausea and spinning are common in the first days, and prochlorperazine helps the nausea.")


def test_claims_a_subject_no_lexicon_names_before_a_pronoun_is_its_antecedent(nlp):
    # written for claimx: "they" takes up "Condoms", not the passage's vaccine
    markdown = ("# The HPV vaccine: a lesson plan\n\n## Handling questions\n\nStudents may ask whether the vaccine "
                "protects against other sexually transmitted infections. It does not. Condoms reduce the risk of "
                "chlamydia, gonorrhoea and HIV, and they lower the risk of HPV, although they cannot remove it "
                "completely.\n")
    found = markdown_pairs(nlp, markdown)
    assert ("condoms", "gonorrhoea") in found and ("vaccine", "gonorrhoea") not in found


def test_claims_every_member_of_a_coordinated_subject_is_read(nlp):
    # written for claimx: the parser joins a generic word to the real subject
    assert pairs(nlp, "No adjustment removes that kind of confounding completely, and physical inactivity "
                      "on its own raises the risk of strokes.") == {("physical inactivity", "strokes")}


def test_claims_a_noun_coordinated_with_a_named_treatment_subject_is_one(nlp):
    # written for claimx: the coordinated subject's unnamed member is a treatment too
    found = pairs(nlp, "Beer, spirits and sugary drinks have all been linked to more frequent gout flares.")
    assert ("spirits", "gout flares") in found and ("beer", "gout flares") in found
    assert pairs(nlp, "Ibuprofen and paracetamol relieve pain.") == {("ibuprofen", "pain"), ("paracetamol", "pain")}


def test_claims_a_heading_that_asks_takes_its_own_subject(nlp):
    # written for claimx: the question's subject, not the passage's treatment
    markdown = ("# Travel health\n\nAcetazolamide helps prevent altitude sickness on treks.\n\n"
                "## Can a long flight really cause a blood clot?\n\nSitting still for hours slows the blood "
                "in the legs.\n")
    found = markdown_pairs(nlp, markdown)
    assert ("long flight", "blood clot") in found and ("acetazolamide", "blood clot") not in found


def test_claims_more_verbs_of_effect_are_claim_cues(nlp):
    # written for claimx: verbs and phrasal verbs of effect beyond the first list
    assert ("steroids", "hair loss") in pairs(nlp, "Anabolic steroids clearly speed up pattern hair loss in men.")
    assert ("ondansetron", "qt interval") in pairs(nlp, "Ondansetron can lengthen the QT interval.")
    assert ("ginkgo biloba", "migraine") in pairs(nlp, "Ginkgo biloba was once thought to ward off migraine.")
    assert ("prednisolone", "severe flare") in pairs(nlp, "A short course of prednisolone quickly quells a severe flare.")


def test_claims_a_treatment_mechanism_phrase_names_the_article_disease(nlp):
    # written for claimx: a verb phrase of mechanism ("by relaxing the gut muscle") counts as
    # a mechanism entity does, for the disease the article is about
    text = ("IBS medicines\n\nIrritable bowel syndrome (IBS) causes cramps. Peppermint oil eases IBS pain. "
            "Many people with IBS try a low-FODMAP diet, and IBS is common.\n\n"
            "Mebeverine works in a similar way, by relaxing the gut muscle directly.\n")
    assert any(iv == "mebeverine" and cond in ("ibs", "irritable bowel syndrome") for iv, cond, _ in text_pairs(nlp, text))


def test_claims_them_and_their_use_take_up_a_class_named_before(nlp):
    # written for claimx: the object "them" and "their use" name the plural class of the
    # paragraph, as the subject "they" does; a link written around its object is a cue
    text = ("Statins lower cholesterol. Large studies have also linked them to diabetes.\n\n"
            "Opioids relieve severe pain. Their use has been linked to falls.\n")
    found = text_pairs(nlp, text)
    assert ("statins", "diabetes", "correlational") in found
    assert ("opioids", "falls", "correlational") in found
    # "the link turns out to be": the noun, not a verb written around its object
    assert pairs(nlp, "Only if the link turns out to be causal would erythritol matter.") == set()


def test_claims_a_coordinated_clause_with_its_own_verb_keeps_its_own_conditions(nlp):
    # written for claimx: ", and Y reduced B": B is Y's, not X's
    found = pairs(nlp, "In people with knee osteoarthritis, semaglutide substantially reduced knee pain, "
                       "and tirzepatide reduced the severity of obstructive sleep apnoea.")
    assert ("tirzepatide", "obstructive sleep apnoea") in found
    assert ("semaglutide", "obstructive sleep apnoea") not in found


def test_claims_a_month_name_is_no_drug(nlp):
    # written for claimx: "April" ends like ramipril
    doc = nlp("April is Know Your Numbers month. Ramipril lowers blood pressure.")
    assert [e.text for e in doc.ents if e.label_ in ("CHEMICAL", "DRUG")] == ["Ramipril"]


# a lecture-style passage: several treatments, then a drug named in a fragment of its own
ASTHMA_DRUGS = ("Asthma drugs\n\nSalbutamol relieves wheeze within minutes. Budesonide reduces attacks. Formoterol "
                "relaxes the airways. Tiotropium reduces exacerbations.\n\nMontelukast. Oral, once a day. ")


def sentence_interventions(nlp, text, sentence_start):
    return {iv for iv, _ in resolved_pairs(nlp, text, sentence_start, name="x.txt")}


def test_claims_a_subject_that_holds_the_pronoun_is_no_treatment(nlp):
    # written for claimx: "a warning on it" is about the treatment "it" names
    text = ASTHMA_DRUGS + "Some children dislike the taste. And there's a warning on it now: it can cause nightmares.\n"
    assert sentence_interventions(nlp, text, "And there's") == {"montelukast"}


def test_claims_a_form_description_is_no_antecedent_beside_a_named_drug(nlp):
    # written for claimx: "a chewable tablet" is montelukast's form; "it" is montelukast
    text = ASTHMA_DRUGS + "Kids like it because there's a chewable tablet. It blocks the leukotriene receptor and eases asthma.\n"
    assert sentence_interventions(nlp, text, "It blocks") == {"montelukast"}


def test_claims_a_comparator_with_a_long_noun_phrase_is_no_antecedent(nlp):
    # written for claimx: "than a low-dose inhaled steroid" is a comparator however many
    # modifiers stand between "than" and the noun
    text = ASTHMA_DRUGS + "It's less effective than a low-dose inhaled steroid, full stop. And it can cause nightmares.\n"
    assert sentence_interventions(nlp, text, "And it") == {"montelukast"}


def test_claims_list_items_take_the_lead_in_verb_and_condition(nlp):
    # written for claimx: the lead-in's verb and condition, each item's treatment; the
    # lead-in's summary subject claims nothing, and the list ends at the first plain line
    text = ("HIDDEN CULPRITS\n\nSome everyday products push blood pressure up:\n"
            "- decongestant tablets containing pseudoephedrine\n- anti-inflammatory painkillers such as ibuprofen\n\n"
            "Walking is good for you.\n")
    found = text_pairs(nlp, text)
    assert ("ibuprofen", "blood pressure", "causal") in found
    assert not any(iv.endswith("products") for iv, _, _ in found)
    assert not any(iv == "walking" for iv, _, _ in found)



def test_claims_list_items_take_the_hedge_of_a_lead_in_that_frames_them(nlp):
    # written for claimx: "parents told us that:" reports what each item says (hearsay,
    # possible); items under a plain lead-in keep their own level, and the frame ends
    # with the list
    text = ("ECZEMA AUDIT\n\nAt the first visit, parents most often told us that:\n"
            "- antihistamines stop the itch (28)\n- bath emollients prevent flares (22)\n\n"
            "Emollients reduce flares.\n")
    doc = article_doc(nlp, text)
    levels = {(c.intervention.norm.lower(), c.hedge_level) for c in doc._.claims}
    assert ("antihistamines", "possible") in levels and ("emollients", "asserted") in levels


def test_claims_settle_is_a_verb_of_effect_only_with_an_object(nlp):
    # written for claimx: "settles a flare" is an effect; "the rash settles by itself" is not
    assert ("prednisolone", "severe flare") in pairs(nlp, "A short course of prednisolone quickly settles a severe flare.")
    assert pairs(nlp, "Hair loss after a crash diet is different, and it almost always settles by itself.") == set()


def test_claims_a_link_around_a_long_object_is_evidence_when_a_study_makes_it(nlp):
    # written for claimx: "linked <a noun phrase of six words> with ..." is still a link, and
    # studies that link report evidence (probable)
    found = claims_of(nlp, "Large studies linked regular paracetamol use in late pregnancy with a higher rate of ADHD.")
    assert [(iv.lower(), cond, c.relation, c.hedge_level) for iv, cond, c in found] == [
        ("paracetamol use", "ADHD", "correlational", "probable")]


def test_claims_an_unnamed_subject_and_object_of_a_verb_of_effect_make_a_claim(nlp):
    # written for claimx: no lexicon names either argument; the verb of effect pairs them,
    # but not what it acts on that is no condition ("waiting times")
    assert pairs(nlp, "Weekly sessions reduced the number of night-time awakenings by half.") == {
        ("weekly sessions", "night-time awakenings")}
    assert pairs(nlp, "The new rota cut waiting times.") == set()


def test_claims_each_trial_group_s_result_is_its_treatment_s(nlp):
    # written for claimx: two active groups named by their treatment; placebo is no group
    found = pairs(nlp, "Nausea occurred in 20% of patients taking liraglutide and 8% of those taking sitagliptin.")
    assert {("liraglutide", "nausea"), ("sitagliptin", "nausea")} <= found
    found = pairs(nlp, "Rash was seen in 5% of the ibuprofen group and 2% of the placebo group.")
    assert found == {("ibuprofen", "rash")}
    # a group named after the sentence's agent is no trial group of its own: people taking
    # warfarin are whom fish oil's risk concerns
    found = pairs(nlp, "Gastrointestinal upset was reported by 11% of participants taking methenamine and "
                       "5% of those taking trimethoprim; rash was more common with trimethoprim.")
    assert {("methenamine", "gastrointestinal upset"), ("trimethoprim", "gastrointestinal upset")} <= found
    found = pairs(nlp, "Fish oil may increase the risk of bleeding in people taking warfarin.")
    assert ("warfarin", "bleeding") not in found


def test_claims_a_treatment_another_is_non_inferior_or_superior_to_has_the_effect_too(nlp):
    # written for claimx: the comparator of a trial of two active treatments
    assert {("apixaban", "stroke"), ("warfarin", "stroke")} <= pairs(
        nlp, "Apixaban was superior to warfarin in preventing stroke.")
    assert {("methenamine", "urinary tract infections"), ("nitrofurantoin", "urinary tract infections")} <= pairs(
        nlp, "Methenamine was non-inferior to nitrofurantoin for preventing urinary tract infections.")


def test_claims_coordinated_conditions_reported_as_common_with_a_treatment(nlp):
    # written for claimx: the predicate follows the last coordinated condition
    found = pairs(nlp, "Trimethoprim prevents bladder infections.\n\n"
                       "Rash and vaginal candidiasis were more common after the tablets.\n")
    assert {("trimethoprim", "rash"), ("trimethoprim", "vaginal candidiasis")} <= found


def test_claims_a_measure_sharing_a_word_with_the_heading_s_disease_is_its_own_condition(nlp):
    # written for claimx: under a heading about pulmonary hypertension, "pulmonary vascular
    # resistance" is a measure the drug lowered, not a loose name of the disease
    text = ("# Treating pulmonary arterial hypertension\n\n"
            "Sotatercept is a new medicine. It lowered pulmonary vascular resistance by a third.\n")
    assert resolved_pairs(nlp, text, "It lowered", name="x.md") == {("sotatercept", "pulmonary vascular resistance")}


def test_claims_outcome_measures_of_trials_are_conditions(nlp):
    # written for claimx: the measures trial reports name
    found = pairs(nlp, "Riociguat improved exercise capacity and six-minute walk distance. "
                       "Olaparib improved progression-free survival.")
    assert {("riociguat", "exercise capacity"), ("riociguat", "six-minute walk distance"),
            ("olaparib", "progression-free survival")} <= found


def test_claims_a_condition_common_with_a_treatment_after_an_opening_phrase(nlp):
    # written for claimx: the parse finds "be" + how often + "with"; how common a
    # condition is in a season says nothing of a treatment
    assert ("colchicine", "muscle problems") in pairs(
        nlp, "In the trial itself, muscle problems were no more frequent with colchicine than with placebo.")
    assert ("beta blockers", "tiredness") in pairs(
        nlp, "My neurologist says the tiredness is very common with beta blockers.")
    assert not pairs(nlp, "In older people, falls are common in winter.")


def test_claims_a_condition_from_a_treatment(nlp):
    # written for claimx: "from" names the cause
    assert ("chemotherapy", "sickness") in pairs(nlp, "Sickness from chemotherapy is more preventable than it was.")
    assert ("caffeine", "headaches") in pairs(nlp, "Headaches from caffeine usually pass within a week.")


def test_claims_lifting_a_condition_and_scale_scores(nlp):
    # written for claimx: "lift" is a verb of effect on a condition, not on a weight; a
    # rating scale's scores ("HAMD-17 scores") are a trial's outcome
    assert ("zuranolone", "postnatal depression") in pairs(nlp, "Zuranolone lifts postnatal depression.")
    assert not pairs(nlp, "He lifted the box onto the shelf.")
    assert ("zuranolone", "hamd-17 scores") in pairs(
        nlp, "Mean HAMD-17 scores had fallen by 15.2 points with zuranolone.")


def test_claims_no_treatment_result_from_a_condition_running_its_course(nlp):
    # written for claimx: a condition that settles "on its own", "by itself" or "without
    # treatment" reports no result of the passage's treatment
    for sentence in ("Most children's eczema improves on its own as they grow.",
                     "The rash often clears by itself within a month.",
                     "The rash usually clears up without treatment."):
        text = "Steroid creams calm eczema flares. " + sentence
        assert not resolved_pairs(nlp, text, sentence[:12]), sentence


def test_claims_to_put_it_in_context_names_no_treatment(nlp):
    # written for claimx: the idiom's "it" is no pronoun for the article's treatment
    text = ("Hearing aids and memory\n\nHearing aids did not slow memory decline, the trial found.\n\n"
            "To put it in context, the antibody drugs lecanemab and donanemab can cause swelling in the brain.\n")
    pairs_found = resolved_pairs(nlp, text, "To put it", "x.txt")
    assert ("lecanemab", "swelling") in pairs_found
    assert not any(iv == "hearing aids" for iv, _ in pairs_found)


def test_claims_a_long_gerund_phrase_is_the_act(nlp):
    # written for claimx: the act runs to the first finite verb, however many words it has
    found = pairs(nlp, "Drinking enough fluid to pass at least 2.5 litres of urine a day roughly halves "
                       "the chance of a new kidney stone.")
    assert any(iv.startswith("drinking enough fluid") for iv, _ in found)


def test_claims_a_treatment_named_in_a_relative_clause_is_not_the_paragraphs_topic(nlp):
    # written for claimx: "the pathways that amitriptyline acts on" names amitriptyline only
    # to compare; the paragraph is about duloxetine, which "it" and the side effect take up
    text = ("Amitriptyline for nerve pain\n\nAmitriptyline eases nerve pain at low doses. Amitriptyline "
            "can cause a dry mouth.\n\nDuloxetine eases nerve pain too. It strengthens the same pathways "
            "that amitriptyline acts on. The commonest problem is nausea, which settles if you take it "
            "with food.\n")
    assert ("duloxetine", "nausea") in resolved_pairs(nlp, text, "The commonest problem", "x.txt")


def test_claims_the_word_inside_an_act_named_again_is_no_condition(nlp):
    # written for claimx: "smoking" after "Stopping smoking" is what the act gives up
    found = pairs(nlp, "Stopping smoking matters too, because smoking narrows the tiny blood vessels "
                       "that feed the nerves and probably speeds up the nerve damage.")
    assert ("stopping smoking", "nerve damage") in found
    assert not any(cond == "smoking" for _, cond in found)


def test_claims_a_heading_that_only_describes_a_condition_claims_nothing(nlp):
    # written for claimx: a participle or a relative clause describes the condition; a
    # heading that opens with a gerund or asks with a modal makes a statement
    markdown = ("# Clobazam for epilepsy\n\nClobazam reduces seizures in many children.\n\n"
                "## Seizures that go on for a long time\n\nCall an ambulance after five minutes.\n\n"
                "## Controlling seizures at night\n\nMost families find the evening dose works.\n")
    heading_claims = {c.sentence for c in article_doc(nlp, markdown, "x.md")._.claims}
    assert "Seizures that go on for a long time" not in heading_claims
    assert "Controlling seizures at night" in heading_claims


def test_claims_a_negation_does_not_reach_a_coordinated_verb_with_its_own_auxiliary(nlp):
    # written for claimx: "... have not been shown to work for X and can cause Y": the
    # negation denies X only; "did not shorten delirium or prevent it" denies both verbs
    negated = {(c.intervention.display.lower(), c.condition.display.lower()): c.negated for c in nlp(
        "Gabapentin has not been shown to work in carpal tunnel syndrome and can cause drowsiness.")._.claims}
    assert negated[("gabapentin", "carpal tunnel syndrome")] is True
    assert negated[("gabapentin", "drowsiness")] is False
    shared = [c.negated for c in nlp("Haloperidol did not shorten delirium or prevent it.")._.claims]
    assert shared and all(shared)


def test_claims_a_condition_that_settles_with_a_treatment(nlp):
    # written for claimx: the tagger takes "settle" after "piles" for a noun; the words say
    # it is the verb of change, and the "with" phrase names what changed it
    assert ("fibre", "piles") in pairs(nlp, "Most piles settle within a few weeks with fibre.")
    assert not pairs(nlp, "Dry eye drops are sold in every pharmacy.")


def test_claims_a_quoted_myth_opening_with_a_gerund(nlp):
    # written for claimx: a myth column's heading quotes the belief; "gives you" is a lay
    # verb of effect
    assert ("sitting on cold or damp surfaces", "piles") in pairs(
        nlp, '1. "Sitting on cold or damp surfaces gives you piles"')
    assert ("coffee", "palpitations") in pairs(nlp, "Coffee gives me palpitations.")


def test_claims_a_condition_counted_in_episodes_or_rates(nlp):
    # written for claimx: "Attacks of X were less common on Y": the condition sits under
    # a noun that counts it, and that noun is the subject of the predicate of frequency
    assert ("colchicine", "gout") in pairs(nlp, "Attacks of gout were less common on colchicine.")
    assert ("topiramate", "migraine") in pairs(nlp, "Episodes of migraine were less frequent with topiramate.")


def test_claims_a_condition_that_occurred_in_treated_patients(nlp):
    # written for claimx: "X occurred in 5% of patients on Y" reports Y's adverse effect;
    # a clause of its own ("when straining on the toilet") ties nothing to a treatment
    assert ("semaglutide", "nausea") in pairs(nlp, "Nausea occurred in 8% of patients on semaglutide.")
    assert ("sumatriptan", "chest tightness") in pairs(
        nlp, "Chest tightness developed in three people taking sumatriptan.")
    text = "Fibre helps piles. Piles develop when pressure stays raised, which is why straining on the toilet matters."
    assert {c.sentence_index for c in nlp(text)._.claims} == {0}


def test_claims_a_treatment_that_makes_a_condition_flare(nlp):
    # written for claimx: "make X flare" is a verb of effect written around its object
    assert any(iv == "naproxen" and cond.startswith("psoriasis")
               for iv, cond in pairs(nlp, "Naproxen can make psoriasis flare."))


def test_claims_herbal_remedies_symptoms_and_procedures_by_name(nlp):
    # written for claimx: herbal remedies, lay symptoms and procedures named by their head
    assert ("saw palmetto", "hair loss") in pairs(nlp, "Saw palmetto did not slow hair loss in the trial.")
    assert ("black cohosh", "hot flushes") in pairs(nlp, "Black cohosh may ease hot flushes.")
    assert ("cetirizine", "itch") in pairs(nlp, "Cetirizine eased the itch within an hour.")
    assert ("pregabalin", "weak") in pairs(nlp, "Pregabalin made me weak and dizzy.")
    assert ("catheter ablation", "atrial fibrillation") in pairs(
        nlp, "Catheter ablation keeps atrial fibrillation away for longer than drugs do.")
    assert ("nerve decompression", "pain") in pairs(nlp, "Nerve decompression relieves the pain in most people.")
    assert not any(iv.startswith("evidence") for iv, _ in pairs(
        nlp, "Evidence comparing excision with laser treatment for endometriosis pain is weak."))


def test_claims_a_past_verb_of_effect_the_tagger_reads_as_a_participle(nlp):
    # written for claimx: "reduced complications" is read as a noun phrase; with no other
    # verb in the sentence, the participle after the treatment is its verb, and an adjective
    # of spaCy's stop list ("serious") does not end the object
    assert any(iv == "exercise" and cond.endswith("complications")
               for iv, cond in pairs(nlp, "Exercise reduced serious complications."))


def test_claims_a_measure_that_changed_with_a_treatment(nlp):
    # written for claimx: a score's change tied to a treatment ("with", "on", "in the ...
    # group") reports the treatment's effect on the disease the article is about
    text = ("Tofacitinib in rheumatoid arthritis\n\n"
            "Adults with rheumatoid arthritis took tofacitinib or methotrexate for a year. "
            "Mean DAS28 fell from 5.1 to 3.2 with tofacitinib. "
            "Mean DAS28 fell from 5.0 to 4.6 over the first month of the study.")
    claims = article_doc(nlp, text, "x.txt")._.claims
    by_sentence = {(c.sentence.split(" with ")[0], c.intervention.display.lower(), c.condition.display.lower())
                   for c in claims}
    assert ("Mean DAS28 fell from 5.1 to 3.2", "tofacitinib", "rheumatoid arthritis") in by_sentence
    assert not any(c.sentence.startswith("Mean DAS28 fell from 5.0") for c in claims)


def test_claims_a_change_with_age_is_the_natural_course(nlp):
    # written for claimx: "fell with age" tells how the measure runs untreated
    text = "Amlodipine lowers blood pressure. In older women, blood pressure fell with age."
    assert {c.sentence_index for c in nlp(text)._.claims} == {0}


def test_claims_appear_in_patients_is_no_hedge(nlp):
    # written for claimx: "appeared in / within" tells where or when a condition occurred;
    # "appeared to" still hedges
    levels = {(c.intervention.display.lower(), c.condition.display.lower()): c.hedge_level for c in nlp(
        "Lamotrigine was given to 300 people with epilepsy. The most common side effect was a rash "
        "on the arms, which appeared in about one in fifty patients on the drug. "
        "Valproate appeared to ease the headaches.")._.claims}
    assert levels[("lamotrigine", "rash")] == "asserted"
    assert levels[("valproate", "headaches")] == "possible"


def test_claims_a_difference_that_was_not_significant_negates_the_result(nlp):
    # written for claimx: a trial's verdict in a clause of its own denies the effect the
    # clause before it reports; a significant result does not
    negated = {(c.intervention.display.lower(), c.condition.display.lower()): c.negated for c in nlp(
        "Nausea was less common with ondansetron, but the difference from placebo was not statistically "
        "significant. Aspirin cut strokes by a third, a statistically significant result.")._.claims}
    assert negated[("ondansetron", "nausea")] is True
    assert negated[("aspirin", "strokes")] is False


def test_claims_a_condition_compared_between_a_trial_s_arms(nlp):
    # written for claimx: a condition compared between the arms of a trial is a result of
    # the passage's treatment; arms that did not differ deny it; a count over every arm,
    # or the arms at baseline, is no result
    claims = {(c.intervention.display.lower(), c.condition.display.lower()): c for c in nlp(
        "Methenamine hippurate prevented urine infections as well as daily antibiotics. "
        "Kidney infections were uncommon and did not differ between groups.")._.claims}
    assert claims[("methenamine", "kidney infections")].negated is True
    found = pairs(nlp, "Bilastine eased the itch of hives. Headaches were less common in the bilastine group.")
    assert ("bilastine", "headaches") in found
    found = pairs(nlp, "Bilastine eased the itch of hives. No headaches were reported in any group.")
    assert ("bilastine", "headaches") not in found
    found = pairs(nlp, "Bilastine eased the itch of hives. Asthma was common in both groups at baseline.")
    assert ("bilastine", "asthma") not in found


def test_claims_counted_episodes_or_rates_of_a_condition_with_a_treatment(nlp):
    # written for claimx: "Fainting episodes" counts a condition (no act of fainting as the
    # treatment), and "higher with" reports how often it follows the treatment
    claims = claims_of(nlp, "Fainting episodes were less frequent with aficamten.")
    assert {(iv.lower(), cond.lower()) for iv, cond, _ in claims} == {("aficamten", "fainting")}
    assert ("warfarin", "bleeding") in pairs(nlp, "Bleeding rates were higher with warfarin.")


def test_claims_no_effect_from_the_warning_signs_of_an_instruction(nlp):
    # written for claimx: what to watch for in an instruction's if-clause is no effect; a
    # condition in an if-clause of an effect verb still is
    found = pairs(nlp, "Patients taking carbimazole are told to stop the tablets and get a blood test "
                       "if they develop a sore throat or a fever.")
    assert not {("carbimazole", "sore throat"), ("carbimazole", "fever")} & found
    assert ("propranolol", "asthma") in pairs(
        nlp, "Propranolol is safe, but it can worsen asthma if you have it already.")


def test_claims_the_underlying_disease_is_the_passage_s_disease(nlp):
    # written for claimx: "the underlying disease" names the disease the passage is about
    claims = nlp("Pyridostigmine eases the weakness of myasthenia gravis. "
                 "It does not change the underlying disease.")._.claims
    second = [c for c in claims if c.sentence.startswith("It does not")]
    assert second and all(c.negated for c in second)
    assert "myasthenia gravis" in second[0].condition.display.lower()


def test_claims_a_group_free_of_the_condition_is_the_treatment_s_result(nlp):
    # written for claimx: a share of patients with none of the condition reports the
    # treatment's effect, not a denial; a treatment that has no effect is still denied
    negated = {(c.intervention.display.lower(), c.condition.display.lower()): c.negated for c in nlp(
        "Remibrutinib is a new pill for chronic hives. One in three patients on the drug had no hives "
        "or itch at all.")._.claims}
    assert negated.get(("remibrutinib", "hives")) is False and negated.get(("remibrutinib", "itch")) is False
    negated = {(c.intervention.display.lower(), c.condition.display.lower()): c.negated for c in nlp(
        "Surgery removes the scar tissue. About 6 in 10 of these people have no more seizures afterwards.")._.claims}
    assert negated.get(("surgery", "seizures")) is False


def test_claims_no_effect_from_a_heading_that_names_a_page_s_topic(nlp):
    # written for claimx: "Treatments for X" and "X: your treatment options" say what the
    # page covers; a heading with a verb of effect still claims
    text = ("Carpal tunnel syndrome: your treatment options\n\n"
            "A wrist splint worn at night eases the tingling of carpal tunnel syndrome.\n\n"
            "Splints ease night pain\n\nMost people wear them for six weeks.\n")
    headings = [c for c in nlp(text)._.claims if c.is_heading]
    assert not any(c.sentence.startswith("Carpal tunnel syndrome:") for c in headings)
    assert any(c.sentence.startswith("Splints ease") for c in headings)


def test_claims_a_condition_given_as_an_example_of_the_subject(nlp):
    # written for claimx: "symptoms such as restlessness often ease" reports the change of
    # the condition named as an example
    found = pairs(nlp, "Sertraline helps anxiety. Physical symptoms such as restlessness and muscle tension "
                       "often ease first.")
    assert ("sertraline", "restlessness") in found


def test_claims_a_pronoun_subject_gives_the_condition_its_own_clause(nlp):
    # written for claimx: the negation of the treatment's clause does not reach a clause
    # that names the treatment again by a pronoun; a negation of its own still counts
    negated = {(c.intervention.display.lower(), c.condition.display.lower()): c.negated for c in nlp(
        "Studies have shown that sedatives do not shorten delirium, and they can cause falls. "
        "Melatonin did not shorten delirium, and it did not prevent confusion.")._.claims}
    assert negated[("sedatives", "delirium")] is True
    assert negated[("sedatives", "falls")] is False
    assert negated[("melatonin", "confusion")] is True


def test_claims_these_drugs_name_the_coordinated_treatments_before(nlp):
    # written for claimx: "These drugs" as a subject names the two treatments the sentence
    # before coordinated, as "They" does
    text = ("Finasteride and dutasteride shrink the prostate. "
            "These drugs halve the risk of acute urinary retention.")
    assert {("finasteride", "acute urinary retention"), ("dutasteride", "acute urinary retention")} <= {
        (c.intervention.display.lower(), c.condition.display.lower()) for c in nlp(text)._.claims
        if c.sentence_index == 1}


def test_claims_a_plain_or_ordinary_dosage_form_is_the_comparison(nlp):
    # written for claimx: plasters, pessaries and sachets are treatment heads now; a plain
    # or ordinary one is what a trial compared the treatment with, not a treatment
    assert not any(iv.startswith(("plain", "ordinary")) for iv, _ in pairs(
        nlp, "Two trials found that the tape worked no better than a plain plaster for warts."))


def test_claims_name_bases_break_a_tie_by_the_first_name_met():
    # written for claimx: "aspirin" and "insulin" are equally short bases of the longer
    # name; the one named first wins, whatever the order of Python's string hashing
    from claimx.claims import Mention, _name_bases

    def mention(name):
        return Mention(name, name, "DRUG", 0, 1, 0, len(name), "")

    longer = "aspirin insulin combination"
    first_aspirin = _name_bases([mention("aspirin"), mention("insulin"), mention(longer)])
    first_insulin = _name_bases([mention("insulin"), mention("aspirin"), mention(longer)])
    assert first_aspirin[longer] == "aspirin"
    assert first_insulin[longer] == "insulin"


def test_claims_a_condition_that_changed_after_its_treatment_in_lay_words(nlp):
    # written for claimx: the parser, trained on scientific text, misreads these lay
    # clauses; the words after the condition say it changed: a noun that counts it
    # ("episodes", "scores"), auxiliaries, then a verb of change (irregular "fell",
    # "stopped") or a verb of state with the state reached ("went down", "settled right
    # down", "had gone from ... to")
    def implicit(text):
        return {(c.intervention.display.lower(), c.condition.display.lower()) for c in nlp(text)._.claims
                if c.sentence_index == 1}
    assert ("omalizumab", "angioedema") in implicit(
        "Omalizumab was given every four weeks. Angioedema episodes fell from two a month to none.")
    assert ("naproxen", "urgency") in implicit(
        "I started naproxen in May. Within a month my urgency had settled right down.")
    assert ("steroid injection", "swelling") in implicit(
        "I was given a steroid injection. The swelling went down within two days.")
    assert ("methotrexate", "morning stiffness") in implicit(
        "I was started on methotrexate. By month four my morning stiffness had gone from two hours to twenty minutes.")
    assert ("methotrexate", "fatigue") in implicit(
        "Methotrexate was given weekly. Fatigue scores improved by a third.")
    # a state that is no change ("had gone into hospital"), and "gone" alone, claim nothing
    assert not implicit("I was started on methotrexate. Most of my kidney function had already gone.")


def test_claims_cases_of_a_condition_that_fell(nlp):
    # written for claimx: "Cases of X have fallen": the noun that counts the condition is
    # the subject of the verb of change
    text = ("The vaccine was offered to all girls from 2008. "
            "Cases of genital warts in young women have fallen by around 90 per cent.")
    assert ("vaccine", "genital warts") in {
        (c.intervention.display.lower(), c.condition.display.lower()) for c in nlp(text)._.claims
        if c.sentence_index == 1}


def test_claims_they_after_people_named_in_a_phrase(nlp):
    # written for claimx: people named as the object of a preposition ("for most people",
    # "in people over 65") are not what "they" takes up; the class named before is
    text = ("Sleeping tablets like this help you drop off sooner, but the effect fades for most people. "
            "In people over 65 they make falls more likely.")
    assert ("sleeping tablets", "falls") in {
        (c.intervention.display.lower(), c.condition.display.lower()) for c in nlp(text)._.claims}
    # people named as a subject after the class still are
    text = ("Sleeping tablets like this help you drop off sooner. Most people stop them after a week. "
            "In people over 65 they make falls more likely.")
    assert ("sleeping tablets", "falls") not in {
        (c.intervention.display.lower(), c.condition.display.lower()) for c in nlp(text)._.claims}


def test_claims_a_denial_of_effect_with_words_inside(nlp):
    # written for claimx: "did almost nothing for", "did nothing at all for": a claim cue
    # and a denial with words inside
    for text in ("Four cups of coffee a day did almost nothing for the sleepiness.",
                 "Coffee did nothing at all for the sleepiness."):
        assert [(c.intervention.display.lower(), c.condition.display.lower(), c.negated)
                for c in nlp(text)._.claims] == [("coffee", "sleepiness", True)]


def test_claims_a_condition_given_to_a_person(nlp):
    # written for claimx: "it gave me headaches": a condition given to a person is the
    # treatment's effect; a medicine given to a person is no effect
    text = "I was put on modafinil. It also gave me headaches for the first few weeks."
    assert ("modafinil", "headaches") in {
        (c.intervention.display.lower(), c.condition.display.lower()) for c in nlp(text)._.claims}
    text = "For seizures that last long, your doctor may give you a rescue medicine called midazolam."
    assert not nlp(text)._.claims


def test_claims_a_paragraph_that_opens_by_taking_up_the_treatment(nlp):
    # written for claimx: a paragraph that opens with "It" stays about the treatment
    # before it; a treatment the paragraph names only as an object ("come off the
    # venlafaxine") does not take over "it"
    text = ("Sodium oxybate\n\n"
            "I started sodium oxybate in 2021, a liquid you take at bedtime.\n\n"
            "It took two months to build up. By then I could come off the venlafaxine. "
            "Trials have shown it reduces daytime sleepiness.")
    found = {(c.intervention.display.lower(), c.condition.display.lower()) for c in nlp(text)._.claims}
    assert ("sodium oxybate", "daytime sleepiness") in found
    assert ("venlafaxine", "daytime sleepiness") not in found


def test_claims_a_second_clause_that_takes_the_claim_up_again(nlp):
    # written for claimx: after "but" / "although", a clause whose subject takes the same
    # claim up again states it a second time at its own level: the benefit wore off, the
    # treatment named by a pronoun acts on the same condition again, studies found none
    def levels(text):
        return sorted((c.intervention.display.lower(), c.condition.display.lower(), c.hedge_level, c.negated)
                      for c in nlp(text)._.claims)
    assert levels("Corticosteroid injections reduce pain for up to six weeks, "
                  "but the benefit has worn off by three months.") == [
        ("corticosteroid injections", "pain", "asserted", False),
        ("corticosteroid injections", "pain", "asserted", True)]
    assert levels("Desmopressin does not cure bedwetting, but it controls it on the nights it is taken.") == [
        ("desmopressin", "bedwetting", "asserted", False), ("desmopressin", "bedwetting", "asserted", True)]
    assert levels("Some researchers have speculated that omeprazole might raise the risk of dementia, "
                  "but the largest studies have found no such link.") == [
        ("omeprazole", "dementia", "probable", True), ("omeprazole", "dementia", "speculative", False)]
    # a clause about another condition, or about something else than the effect, states
    # the pair once
    for text in ("Loperamide reduces urgency in IBS, but it does not ease pain.",
                 "Mesalazine works well for ulcerative colitis, but trials have found little benefit in Crohn's.",
                 "Dexamethasone can treat altitude sickness quickly, but it is kept for emergencies.",
                 "Melatonin does not cure insomnia, but it remains popular with people who have insomnia."):
        pairs_found = [(c.intervention.display.lower(), c.condition.display.lower()) for c in nlp(text)._.claims]
        assert len(pairs_found) == len(set(pairs_found)), text


def test_claims_a_symptom_that_had_gone(nlp):
    # written for claimx: a symptom that "had gone" after a treatment is its result; a
    # function that has gone is a loss, not a relief
    text = "I was given a steroid injection. Within a week the swelling had gone."
    assert ("steroid injection", "swelling") in {
        (c.intervention.display.lower(), c.condition.display.lower()) for c in nlp(text)._.claims}
    text = "Empagliflozin protects the kidneys. Many people find out late, when their kidney function has gone."
    assert all(c.sentence_index == 0 for c in nlp(text)._.claims)


def test_claims_disability_as_an_outcome(nlp):
    # written for claimx: disability, as trials of back pain and MS measure it
    assert ("surgery", "disability") in pairs(nlp, "The surgery group had less disability at six weeks.")


def test_claims_what_a_treatment_acts_on_in_a_clause_of_manner(nlp):
    # written for claimx: "works by slowing the multiplication of immune cells" says how
    # the treatment acts; what the verb acts on there is no condition
    text = ("Azathioprine keeps Crohn's disease in remission. "
            "It works by slowing the multiplication of immune cells.")
    conditions = {c.condition.display.lower() for c in nlp(text)._.claims if c.sentence_index == 1}
    assert "multiplication" not in conditions


def test_claims_lay_verbs_of_relief_and_of_no_effect(nlp):
    # written for claimx: "sorted it out" (the particle after the object), "won't do
    # anything for", "did very little for" (a denial)
    text = "After a few months I had constant indigestion, so she added omeprazole, which sorted it out."
    assert ("omeprazole", "indigestion") in pairs(nlp, text)
    for text in ("If the level is normal, extra B12 won't do anything for the neuropathy.",
                 "Lymecycline did very little for my acne."):
        claims = nlp(text)._.claims
        assert len(claims) == 1 and claims[0].negated, text


def test_claims_a_class_said_of_the_treatment_is_not_the_topic(nlp):
    # written for claimx: "It is an old antidepressant" says what kind of medicine the
    # treatment is; "it" in the sentences after still names the treatment, not the class
    text = ("Several members asked about amitriptyline, which some of us have been offered. "
            "It is an old antidepressant, but at low doses it is not used for depression. "
            "It can cause a dry mouth and drowsiness.")
    assert {(c.intervention.display.lower(), c.condition.display.lower()) for c in nlp(text)._.claims
            if c.sentence_index == 2} == {("amitriptyline", "dry mouth"), ("amitriptyline", "drowsiness")}
    # a treatment said to be what something else is ("The best option ... is knee
    # replacement") is still named, and "it" after takes it up
    text = ("Several options were discussed at the clinic. The best option for most people is knee replacement. "
            "It relieves pain in most people.")
    assert ("knee replacement", "pain") in {(c.intervention.display.lower(), c.condition.display.lower())
                                             for c in nlp(text)._.claims if c.sentence_index == 2}


def test_claims_an_example_in_a_coordinated_clause_of_its_own(nlp):
    # written for claimx: ", and opioids such as codeine do little for sciatica": the
    # example's clause opens before the class it illustrates, so the claim is the
    # example's, not that of the example in the clause before
    text = ("Anti-inflammatory painkillers such as naproxen may take the edge off the pain, "
            "and opioids such as codeine do little for sciatica.")
    found = {(c.intervention.display.lower(), c.condition.display.lower(), c.negated) for c in nlp(text)._.claims}
    assert ("codeine", "sciatica", True) in found
    assert not any(iv == "naproxen" and cond == "sciatica" for iv, cond, _ in found)


def test_claims_a_group_anaphor_in_a_clause_of_its_own(nlp):
    # written for claimx: ", and both drugs cause dizziness": "both drugs" further into
    # the sentence, as the subject of its own clause, names the last two treatments
    # (one of them named in the same sentence) and claims only its clause's conditions
    text = ("Gabapentin is widely prescribed for back pain. Pregabalin works in a similar way, "
            "and both drugs commonly cause dizziness.")
    found = {(c.intervention.display.lower(), c.condition.display.lower()) for c in nlp(text)._.claims
             if c.sentence_index == 1}
    assert {("gabapentin", "dizziness"), ("pregabalin", "dizziness")} <= found
    text = ("Gabapentin is widely prescribed for back pain. A trial found pregabalin relieved sciatica "
            "no better than a dummy pill, and both drugs commonly cause dizziness.")
    assert ("gabapentin", "sciatica") not in {(c.intervention.display.lower(), c.condition.display.lower())
                                              for c in nlp(text)._.claims if c.sentence_index == 1}


def test_claims_a_negation_phrase_on_its_verb_does_not_reach_a_coordinated_clause(nlp):
    # written for claimx: "relieved sciatica no better than a dummy pill, and both drugs
    # commonly cause dizziness": "no better than" hangs on "relieved", whose coordinated
    # clause with its own subject is not denied; "there is no cure, and ..." still denies
    negated = {(c.intervention.display.lower(), c.condition.display.lower()): c.negated for c in nlp(
        "A trial found pregabalin relieved sciatica no better than a dummy pill, "
        "and both drugs commonly cause dizziness.")._.claims}
    assert negated[("pregabalin", "sciatica")] is True
    assert negated[("pregabalin", "dizziness")] is False
    negated = {(c.intervention.display.lower(), c.condition.display.lower()): c.negated for c in nlp(
        "It's tempting to think rapamycin could one day do the same for us. But there is no good evidence "
        "yet that rapamycin slows ageing in people, and at transplant doses it raises the risk of infections.")._.claims}
    assert negated[("rapamycin", "ageing")] is True
