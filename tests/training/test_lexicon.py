"""The gazetteer builder (claimx.lexicon) on a small PubTator file written for claimx."""
from claimx.lexicon import build_gazetteer

# three abstracts: "angina" is annotated alone twice and inside "unstable angina" three
# times; "dose" is annotated once among five uses
PUBTATOR = """1|t|Nitrates in unstable angina
1|a|Unstable angina improved with nitrates. Unstable angina came back. The dose was low.
1\t12\t27\tunstable angina\tDisease\tD000789
1\t28\t43\tUnstable angina\tDisease\tD000789
1\t68\t83\tUnstable angina\tDisease\tD000789
1\t58\t66\tnitrates\tChemical\tD009566

2|t|Angina and aspirin
2|a|Aspirin eased angina at a low dose. The dose was then raised.
2\t0\t6\tAngina\tDisease\tD000787
2\t40\t46\tangina\tDisease\tD000787
2\t11\t18\taspirin\tChemical\tD001241
2\t50\t54\tdose\tChemical\t-1

3|t|A dose study
3|a|The dose of aspirin fits the patient.
3\t33\t40\taspirin\tChemical\tD001241
"""


def test_gazetteer_does_not_count_a_word_against_itself_inside_longer_mentions(tmp_path):
    folder = tmp_path / "ner" / "bc5cdr"
    folder.mkdir(parents=True)
    (folder / "CDR_TrainingSet.PubTator.txt").write_text(PUBTATOR, encoding="utf-8")
    patterns = {p["pattern"].lower(): p for p in build_gazetteer(tmp_path)}
    # "angina" occurs five times: twice alone, annotated both times, and three times inside
    # the annotated "unstable angina"; only its places outside longer mentions are
    # weighed (2 of 2, not 2 of 5), so it is an entity
    assert "angina" in patterns and patterns["angina"]["label"] == "DISEASE"
    assert "unstable angina" in patterns
    assert "dose" not in patterns  # annotated once in five uses
