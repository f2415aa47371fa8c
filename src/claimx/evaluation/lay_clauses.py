"""How often a tagger reads a lay treatment clause as a clause: "Lactulose softens stools"
needs "softens" tagged as a verb, where CRAFT-trained taggers see a noun compound
("softens/NNS"). Two probe sets, written for claimx:

* SEEN: verbs that `claimx.training.ewt.LAY_CLAUSE_VERBS` also uses to make training
  sentences (a model trained with them has seen the verbs, not the sentences);
* UNSEEN: verbs outside that list, and drug names that are not among BC5CDR train's
  one-word chemical mentions (the source of the training sentences' subjects).

    python -m claimx.evaluation.lay_clauses [--model models/claimx_bio_sm]

Prints, per set, how many sentences have their verb tagged as a verb (VB*), and the
sentences that do not.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

# (sentence, its verb)
SEEN: tuple[tuple[str, str], ...] = (
    ("Aspirin reduces pain.", "reduces"), ("Metformin lowers blood sugar.", "lowers"),
    ("Ibuprofen eases swelling.", "eases"), ("Dimeticone clears lice.", "clears"),
    ("Sertraline treats depression.", "treats"), ("Exercise helps.", "helps"),
    ("Stopping smoking lowers the risk of a heart attack.", "lowers"), ("Mebendazole treats threadworms.", "treats"),
    ("Paracetamol helps, and the symptoms rarely come back.", "helps"), ("Lactulose softens stools.", "softens"),
    ("Naproxen tablets can irritate the stomach lining.", "irritate"),
    ("Melatonin improves sleep in older adults.", "improves"), ("Caffeine worsens urgency.", "worsens"),
    ("Omeprazole blocks acid production.", "blocks"), ("Statins cut the risk of stroke.", "cut"),
    ("Riluzole bought me a few extra months.", "bought"), ("Latanoprost helped me.", "helped"),
    ("Anticholinergics work, modestly.", "work"), ("This drug reduces pain.", "reduces"),
    ("Vitamin D prevents colds.", "prevents"), ("Fluoxetine causes nausea in some people.", "causes"),
)
UNSEEN: tuple[tuple[str, str], ...] = (
    ("Loperamide dampens diarrhoea.", "dampens"), ("Oseltamivir shortens flu by about a day.", "shortens"),
    ("Ondansetron quiets nausea within an hour.", "quiets"), ("Benzocaine numbs nerve endings.", "numbs"),
    ("Ursodiol dissolves small gallstones.", "dissolves"), ("Finasteride halves the risk of retention.", "halves"),
    ("Tamsulosin loosens the bladder neck.", "loosens"), ("Fexofenadine tames the itching.", "tames"),
    ("Cytisine curbs cravings for cigarettes.", "curbs"), ("Mupirocin fights skin infections.", "fights"),
    ("Pantoprazole heals ulcers in most people.", "heals"), ("Rasagiline restores movement.", "restores"),
    ("Budesonide suppresses swelling around the tumour.", "suppresses"),
    ("Nalmefene counters an overdose.", "counters"), ("Tiotropium widens the airways.", "widens"),
    ("Denosumab strengthens bones.", "strengthens"), ("Pregabalin alleviates nerve pain.", "alleviates"),
    ("Eletriptan narrows swollen blood vessels.", "narrows"), ("Sildenafil lifts blood flow.", "lifts"),
    ("Colestyramine binds bile acids.", "binds"), ("In most trials, varenicline doubles quit rates.", "doubles"),
    ("For many people, cetirizine dries the nose.", "dries"),
    ("The study found that mirtazapine restores appetite.", "restores"),
    ("Doctors say nitrofurantoin cures most bladder infections.", "cures"),
)
PROBES = {"seen verbs": SEEN, "unseen verbs and drugs": UNSEEN}


def verb_read_as_verb(nlp, probes: tuple[tuple[str, str], ...]) -> tuple[int, list[str]]:
    """How many probes have their verb tagged VB*, and the tagged text of the others."""
    misses = []
    for doc, (_, verb) in zip(nlp.pipe(s for s, _ in probes), probes):
        token = next(t for t in doc if t.text == verb)
        if not token.tag_.startswith("VB"):
            misses.append(" ".join(f"{t.text}/{t.tag_}" for t in doc))
    return len(probes) - len(misses), misses


def main(argv: list[str] | None = None) -> int:
    import spacy

    parser = argparse.ArgumentParser(prog="python -m claimx.evaluation.lay_clauses", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=Path("models/claimx_bio_sm"))
    args = parser.parse_args(argv)
    nlp = spacy.load(args.model, exclude=["ner"])
    report = {}
    for name, probes in PROBES.items():
        right, misses = verb_read_as_verb(nlp, probes)
        report[name] = {"verb tagged as a verb": f"{right}/{len(probes)}", "misread": misses}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
