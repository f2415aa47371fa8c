"""BC5CDR test F1 of claimx's entity layer: the trained NER alone and with the rule
layers that fill its gaps (the BC5CDR/BioRED gazetteer, short forms labelled like their
long forms, words ending in a drug-name stem or a disease name's ending, other occurrences
of an entity's words in the same abstract). The gazetteer is built from BC5CDR train+dev and BioRED only, so the test
set stays held out.

    python -m claimx.evaluation.ner_ensemble --data ../shared/data

Only CHEMICAL and DISEASE spans are scored (exact character offsets); claimx's other
labels (DRUG, OUTCOME, mechanisms) come from the curated lexicon, which is not in
BC5CDR's scheme and is left out here.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from ..training.evaluate import prf, pubtator_gold

LABELS = ("CHEMICAL", "DISEASE")
VARIANTS = {
    "trained NER": ["ner"],
    "NER + gazetteer": ["ner", "claimx_gazetteer"],
    "NER + gazetteer + short forms": ["ner", "abbreviation_detector", "claimx_gazetteer",
                                      "claimx_abbreviation_entities"],
    "NER + gazetteer + short forms + consistency": [
        "ner", "abbreviation_detector", "claimx_gazetteer", "claimx_abbreviation_entities",
        "claimx_entity_consistency"],
    "NER + gazetteer + drug-name stems + short forms + consistency": [
        "ner", "abbreviation_detector", "claimx_gazetteer", "claimx_drug_stems",
        "claimx_abbreviation_entities", "claimx_entity_consistency"],
    "NER + gazetteer + drug dictionary + drug-name stems + short forms + consistency": [
        "ner", "abbreviation_detector", "claimx_gazetteer", "claimx_drug_dictionary", "claimx_drug_stems",
        "claimx_abbreviation_entities", "claimx_entity_consistency"],
    # the layer claimx runs (disease-name endings were added for lay articles, not for BC5CDR)
    "NER + gazetteer + drug dictionary + drug-name stems + disease-name endings + short forms + consistency": [
        "ner", "abbreviation_detector", "claimx_gazetteer", "claimx_drug_dictionary", "claimx_drug_stems",
        "claimx_disease_suffixes", "claimx_abbreviation_entities", "claimx_entity_consistency"],
}


def score_variant(nlp, components: list[str], texts, gold) -> dict:
    true_positive, predicted, expected = Counter(), Counter(), Counter()
    # "tok2vec": a NER that listens to a shared encoder needs it
    with nlp.select_pipes(enable=[c for c in ("tok2vec", *components) if c in nlp.pipe_names]):
        for doc, gold_spans in zip(nlp.pipe(texts, batch_size=64), gold):
            pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS}
            for spans, counter in ((pred, predicted), (gold_spans, expected), (pred & gold_spans, true_positive)):
                for *_, label in spans:
                    counter[label] += 1
    scores = {"overall": prf(sum(true_positive.values()), sum(predicted.values()), sum(expected.values()))}
    for label in LABELS:
        scores[label] = prf(true_positive[label], predicted[label], expected[label])
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    import claimx

    nlp = claimx.load()
    if "ner" not in nlp.pipe_names:
        parser.error("no trained NER in the pipeline (models/claimx_bio_sm)")
    texts, gold = pubtator_gold(args.data / "ner" / "bc5cdr" / "CDR_TestSet.PubTator.txt")
    results = {name: score_variant(nlp, comps, texts, gold) for name, comps in VARIANTS.items()}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print("| BC5CDR test (exact spans) | P | R | F1 | CHEMICAL F1 | DISEASE F1 |")
    print("|---|---|---|---|---|---|")
    for name, s in results.items():
        o = s["overall"]
        print(f"| {name} | {o['p']} | {o['r']} | {o['f']} | {s['CHEMICAL']['f']} | {s['DISEASE']['f']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
