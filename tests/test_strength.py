"""Claim strength: the spec's mapping, sentence-level relation, and `claimx strength`."""
from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pytest

pytest.importorskip("spacy")
pd = pytest.importorskip("pandas")

from claimx.strength import (  # noqa: E402
    OUTPUT_COLUMNS,
    STRENGTHS,
    add_strength,
    assess_sentences,
    claim_strength,
    strength_csv,
    strength_nlp,
)

POPULAR = Path(__file__).parent / "data" / "popular_health_sentences.csv"


@pytest.mark.parametrize("relation, level, expected", [
    ("correlational", "asserted", "correlational"),
    ("correlational", "speculative", "correlational"),
    ("causal", "asserted", "direct_causal"),
    ("causal", "probable", "direct_causal"),
    ("causal", "possible", "conditional_causal"),
    ("causal", "speculative", "conditional_causal"),
    ("mechanistic", "probable", "direct_causal"),
    ("mechanistic", "possible", "conditional_causal"),
    ("", "asserted", "none"),
    (None, None, "none"),
    ("none", "possible", "none"),
])
def test_mapping(relation, level, expected):
    assert claim_strength(relation, level) == expected
    assert expected in STRENGTHS


@pytest.fixture(scope="module")
def snlp():
    return strength_nlp()


@pytest.fixture(scope="module")
def rules_nlp():
    """Cue rules with the clause scope: independent of whichever trained model is installed."""
    return strength_nlp(use_classifier=False, use_model=False)


@pytest.mark.parametrize("text, strength", [
    ("Metformin reduces the risk of colon cancer.", "direct_causal"),
    ("Statins may lower the risk of dementia.", "conditional_causal"),
    ("Coffee intake was associated with lower mortality.", "correlational"),
    ("The clinic opens a new sleep centre next month.", "none"),
])
def test_sentence_level_rules(rules_nlp, text, strength):
    (result,) = assess_sentences([text], nlp=rules_nlp)
    assert result.claim_strength == strength


def test_sentence_scope_ignores_subordinate_hedge(rules_nlp):
    (result,) = assess_sentences(["Although some believe it may help, aspirin reduced strokes in the trial."],
                                 nlp=rules_nlp)
    assert result.trigger == "reduced"
    assert result.hedge_level == "asserted"
    assert result.claim_strength == "direct_causal"


def test_add_strength_keeps_columns_and_order(snlp):
    df = pd.DataFrame({
        "id": [3, 1, 2, 5, 4],
        "sentence": ["Fish oil may ease joint pain.", "", None, 42, "Exercise improves sleep."],
        "note": ["a", "b", "c", "d", "e"],
    })
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = add_strength(df, nlp=snlp)
    assert list(out.columns) == ["id", "sentence", "note", *OUTPUT_COLUMNS]
    assert out["id"].tolist() == [3, 1, 2, 5, 4]
    assert out["note"].tolist() == list("abcde")
    assert out.loc[0, "hedge_level"] == "possible" and out.loc[0, "hedge_cues"] == "may"
    for k in (1, 2, 3):  # empty, missing, non-text
        assert (out.loc[k, "claim_strength"], out.loc[k, "hedge_level"], out.loc[k, "hedge_cues"]) == ("", "", "")
    assert out.loc[4, "claim_strength"] in STRENGTHS
    assert any("3 row(s)" in str(w.message) for w in caught)
    assert "claim_strength" not in df.columns  # the input is not modified


def test_strength_csv_and_cli(tmp_path, snlp):
    src = tmp_path / "in.csv"
    rows = [
        {"sentence": "Vitamin D did not prevent fractures.", "source": "blog", "x": "1"},
        {"sentence": "   ", "source": "blog", "x": "2"},
        {"sentence": "=HYPERLINK(1)", "source": "web", "x": "3"},
        {"sentence": "Night-shift work has been linked to breast cancer.", "source": "news", "x": "4"},
    ]
    with src.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["source", "sentence", "x"])
        w.writeheader()
        w.writerows(rows)
    out = tmp_path / "out.csv"
    report = strength_csv(src, out, nlp=snlp)
    assert report["rows"] == 4 and report["bad_rows"] == 1
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(got.columns) == ["source", "sentence", "x", *OUTPUT_COLUMNS]
    assert got["x"].tolist() == ["1", "2", "3", "4"]
    assert got.loc[0, "claim_strength"] == "direct_causal"
    assert got.loc[1, "claim_strength"] == ""
    assert got.loc[3, "claim_strength"] == "correlational"

    from claimx.cli import main

    out2 = tmp_path / "out2.csv"
    assert main(["strength", str(src), "-o", str(out2)]) == 0
    assert pd.read_csv(out2, dtype=str, keep_default_na=False).equals(got)
    assert main(["strength", str(tmp_path / "missing.csv"), "-o", str(out2)]) == 1


def test_cli_without_sentence_column(tmp_path):
    from claimx.cli import main

    src = tmp_path / "in.csv"
    src.write_text("text\nAspirin reduces stroke.\n", encoding="utf-8")
    assert main(["strength", str(src), "-o", str(tmp_path / "o.csv")]) == 1
    assert main(["strength", str(src), "-o", str(tmp_path / "o.csv"), "--column", "text"]) == 0


def test_popular_health_set_is_well_formed():
    df = pd.read_csv(POPULAR)
    assert list(df.columns) == ["sentence", "hedge_level", "speculative", "claim_strength"]
    assert 60 <= len(df) <= 100
    assert set(df["hedge_level"]) <= {"asserted", "probable", "possible", "speculative"}
    assert set(df["speculative"]) <= {"yes", "no"}
    assert set(df["claim_strength"]) == set(STRENGTHS)
    # the label scheme is consistent with the mapping wherever the sentence makes a claim
    for _, row in df.iterrows():
        if row["claim_strength"] in ("direct_causal", "conditional_causal"):
            assert claim_strength("causal", row["hedge_level"]) == row["claim_strength"]


def test_popular_health_hedge_accuracy(rules_nlp):
    """Not tuned on this set: a floor that catches regressions, not a target."""
    df = pd.read_csv(POPULAR)
    res = list(assess_sentences(df["sentence"].tolist(), nlp=rules_nlp))
    acc = sum(r.hedge_level == g for r, g in zip(res, df["hedge_level"])) / len(df)
    assert acc >= 0.6


def test_shared_data_smoke(shared_dir, rules_nlp):
    """A few hundred Yu et al. (2019) sentences through the rules: runs, and beats chance."""
    from claimx.evaluation.datasets import read_yu2019
    from claimx.evaluation.metrics import macro_f1

    data = read_yu2019(shared_dir / "data")[::10]
    res = list(assess_sentences([d.text for d in data], nlp=rules_nlp))
    assert macro_f1([d.label for d in data], [r.claim_strength for r in res], STRENGTHS) > 0.4


def test_relation_classifier_keeps_cues_real(snlp):
    from claimx.strength import relation_model_path

    if not relation_model_path().joinpath("config.cfg").is_file():
        pytest.skip("no shipped relation classifier")
    assert snlp.has_pipe("claimx_relation")
    texts = ["Preliminary data suggest that green tea may lower blood pressure.",
             "Higher vitamin D levels were associated with fewer fractures.",
             "The authors declare no conflicts of interest."]
    results = list(assess_sentences(texts, nlp=snlp))
    assert [r.claim_strength for r in results][1:] == ["correlational", "none"]
    assert results[0].hedge_level == "speculative" and results[0].claim_strength in STRENGTHS
    for text, r in zip(texts, results):
        assert all(cue in text for cue in r.hedge_cues)
        assert r.trigger in text


def test_strength_csv_ragged_rows_and_rerun(tmp_path, rules_nlp):
    src = tmp_path / "in.csv"
    src.write_bytes("note,sentence\r\nshort\r\nx,Aspirin reduces stroke.,EXTRA\r\ny,Caf\u00e9 may ease pain.\r\n"
                    .encode("cp1252"))
    out = tmp_path / "out.csv"
    report = strength_csv(src, out, nlp=rules_nlp)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "note,sentence,claim_strength,hedge_level,hedge_cues"
    assert lines[1] == "short,,,,"
    assert lines[2] == "x,Aspirin reduces stroke.,,,,EXTRA"  # misaligned: blank, nothing dropped
    assert lines[3] == "y,Caf\u00e9 may ease pain.,conditional_causal,possible,may"
    assert report["bad_rows"] == 2 and len(report["warnings"]) == 3
    # running it again on its own output refreshes the columns instead of adding new ones
    again = tmp_path / "again.csv"
    report = strength_csv(out, again, nlp=rules_nlp)
    assert again.read_text(encoding="utf-8").splitlines()[0] == lines[0]
    assert any("overwritten" in w for w in report["warnings"])


def _rules_of_parsed_sentence(snlp, text):
    """(sentence span, cue-rule judgement) with the trained parser, classifier off."""
    from claimx.strength import assess_sentence

    if "parser" not in snlp.pipe_names:
        pytest.skip("no trained parser")
    with snlp.select_pipes(disable=["claimx_relation"]):
        sent = snlp(text)[:]
    return sent, assess_sentence(sent, use_cats=False)


def test_parse_words_mark_the_claims_structure(snlp):
    from claimx.strength import classifier_words, parse_words

    sent, rules = _rules_of_parsed_sentence(snlp, "Coffee drinkers had a lower risk of diabetes than non-drinkers.")
    words = parse_words(sent, rules)
    assert "xR:root=have" in words  # the root, lemmatised by lookup
    assert "xC:than" in words and any(w.startswith("xC:cmp=low") for w in words)
    assert words == classifier_words(sent, rules)[-len(words):]


def test_parse_words_are_empty_without_a_parse():
    from claimx.strength import assess_sentence, parse_words, strength_nlp

    nlp = strength_nlp(use_model=False)
    sent = nlp("Coffee drinkers had a lower risk of diabetes.")[:]
    assert parse_words(sent, assess_sentence(sent, use_cats=False)) == []
    assert "claimx_relation" not in nlp.pipe_names  # trained with parse words: not used without a parser


def test_parse_words_describe_the_main_trigger_not_an_earlier_same_word(snlp):
    from claimx.strength import parse_words

    sent, rules = _rules_of_parsed_sentence(
        snlp, "In patients with reduced kidney function, dapagliflozin reduced the risk of heart failure.")
    doc = sent.doc
    second = [t.i for t in doc if t.lower_ == "reduced"][1]
    assert rules.trigger_root == second  # the verb, not the modifier "reduced kidney function"
    words = parse_words(sent, rules)
    assert f"xG:trigdep={doc[second].dep_}" in words and doc[second].dep_ != "amod"
    assert "xG:trigdep=amod" not in words
