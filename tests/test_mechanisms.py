"""Mechanism phrases: what the text says a treatment does, in its own words, on the claims.

Sentences written for these tests."""
import pytest

import claimx


@pytest.fixture(scope="module")
def nlp():
    return claimx.load()


def mechanisms(nlp, text, condition):
    """The mechanism column of the claims about `condition` (lower-cased)."""
    doc = nlp(text)
    found = [c.mechanism for c in doc._.claims if c.condition.display.lower() == condition]
    assert found, f"no claim about {condition!r}: {[(c.intervention.display, c.condition.display) for c in doc._.claims]}"
    return found[0]


def test_mechanisms_manner_clause_gives_the_action_and_its_site(nlp):
    mech = mechanisms(nlp, "Tamsulosin eases urinary retention by relaxing the smooth muscle in the prostate.",
                      "urinary retention")
    assert "relaxing the smooth muscle in the prostate" in mech


def test_mechanisms_verb_of_action_on_a_receptor_replaces_the_bare_name(nlp):
    mech = mechanisms(nlp, "Ondansetron blocks serotonin 5-HT3 receptors in the gut, so it prevents nausea after "
                           "chemotherapy.", "nausea")
    assert any(m.startswith("blocks serotonin 5-HT3 receptors") for m in mech)
    assert not any(m.lower() == "5-ht3 receptors" for m in mech)


def test_mechanisms_a_condition_as_object_is_an_effect_not_a_mechanism(nlp):
    mech = mechanisms(nlp, "Aspirin lowers the risk of stroke by blocking thromboxane production in platelets.",
                      "stroke")
    assert any(m.startswith("blocking thromboxane production") for m in mech)
    assert not any("risk of stroke" in m for m in mech)


def test_mechanisms_a_denied_action_is_no_mechanism(nlp):
    mech = mechanisms(nlp, "Ivabradine relieves angina by slowing the heart's pacemaker cells rather than by "
                           "blocking adrenaline.", "angina")
    assert any(m.startswith("slowing the heart's pacemaker cells") for m in mech)
    assert not any("adrenaline" in m for m in mech)


def test_mechanisms_particle_verbs_need_their_particle(nlp):
    on = mechanisms(nlp, "Metformin may protect against type 2 diabetes because it switches on AMPK in muscle.",
                    "type 2 diabetes")
    assert any(m.startswith("switches on AMPK") for m in on)
    plain = mechanisms(nlp, "Finasteride treats hair loss because it blocks the enzyme that turns testosterone "
                            "into DHT.", "hair loss")
    assert not any(m.startswith("turns testosterone") for m in plain)


def test_mechanisms_a_class_named_by_its_action(nlp):
    mech = mechanisms(nlp, "Lamotrigine, a sodium channel blocker, prevents seizures in focal epilepsy.", "seizures")
    assert "sodium channel blocker" in mech


def test_mechanisms_an_ergic_effect_the_condition_comes_through(nlp):
    mech = mechanisms(nlp, "Tolterodine often causes dry mouth through its anticholinergic effects.", "dry mouth")
    assert "anticholinergic effects" in mech
    mech = mechanisms(nlp, "Topiramate may prevent migraine through GABA receptors in the cortex.", "migraine")
    assert "GABA receptors in the cortex" in mech


def test_mechanisms_a_clause_of_reason_says_how_even_of_a_measure(nlp):
    # a measure the drug changes explains the symptom; it is not this claim's condition
    mech = mechanisms(nlp, "Because it lowers your blood pressure, amlodipine can make you dizzy.", "dizzy")
    assert "lowers your blood pressure" in mech


def test_mechanisms_a_disease_caused_in_a_clause_of_reason_is_no_mechanism(nlp):
    mech = mechanisms(nlp, "Because it can trigger psychosis, ketamine is avoided in bipolar disorder, although it "
                           "treats depression.", "depression")
    assert not any("psychosis" in m for m in mech)


def test_mechanisms_a_gerund_subject_is_still_a_verb(nlp):
    mech = mechanisms(nlp, "Cetirizine rarely causes drowsiness, but in older antihistamines blocking the histamine "
                           "signal in the brain causes drowsiness.", "drowsiness")
    assert "blocking the histamine signal in the brain" in mech


def test_mechanisms_what_a_treatment_acts_on_is_not_a_treatment(nlp):
    doc = nlp("Spironolactone blocks aldosterone, which reduces deaths in heart failure.")
    interventions = {c.intervention.display.lower() for c in doc._.claims}
    assert "aldosterone" not in interventions
    assert "spironolactone" in interventions


def test_mechanisms_a_treatment_that_is_stopped_stays_a_treatment(nlp):
    doc = nlp("Many patients stop warfarin after a bleed, and strokes follow.")
    assert "warfarin" in {c.intervention.display.lower() for c in doc._.claims}


def test_mechanisms_a_gene_or_protein_symbol_is_a_target(nlp):
    # no lexicon names P2X3; its shape (capitals and a digit) marks a gene or protein
    mech = mechanisms(nlp, "Velapixant eases chronic cough and blocks P2X3 on the airway nerves.", "chronic cough")
    assert "blocks P2X3 on the airway nerves" in mech
