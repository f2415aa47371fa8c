"""Train the shipped relation classifier (resources/strength_relation/) on all of
Yu, Li & Wang (2019). Its cross-validated figures are those of
`python -m claimx.evaluation.hedge` (the same settings, 5 folds)."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from ..strength import classifier_inputs, relation_model_path, strength_nlp
from .datasets import read_yu2019
from .textcat import RELATION_OF_STRENGTH, TEXTCAT_EPOCHS, TEXTCAT_LABELS, train_textcat

MODEL_CARD = """# strength_relation: sentence relation classifier (none / correlational / causal)

spaCy `textcat` (exclusive classes, TextCatBOW.v3: bag of uni- and bigrams, 2^18 hashed
features), CPU only, no pretrained vectors. Input: the lower-cased sentence plus marker
words for the cue rules' judgement and for the parse around the claim
(`claimx.strength.classifier_words`, `parse_words`); used only with the trained parser.

- Training data: Yu, Li & Wang (2019), "Detecting Causal Language Use in Science
  Findings", EMNLP 2019: 3,061 PubMed conclusion sentences, labels 1 and 2 merged into
  "causal". The data are GPL-3.0; they are not in this repository (read from
  ../shared/data at training time). Whether weights trained on GPL-3.0 data may ship
  under the project's licence is a question for the maintainers.
- Rebuild: `python -m claimx.evaluation.hedge --data ../shared/data --train-model`.
- Use: `claimx.strength.strength_nlp()` adds it as `claimx_relation`; direct vs
  conditional causal and every reported cue still come from the hedge rules.
- Scores: 5-fold cross-validation in docs/hedge.md.
"""


def train_shipped_model(data_dir: Path, epochs: int = TEXTCAT_EPOCHS) -> Path:
    data = read_yu2019(data_dir)
    rules_nlp = strength_nlp(use_classifier=False)
    _, inputs = classifier_inputs([d.text for d in data], rules_nlp)
    nlp = train_textcat(inputs, [RELATION_OF_STRENGTH[d.label] for d in data],
                        TEXTCAT_LABELS["relation"], epochs=epochs,
                        log=lambda m: print(m, file=sys.stderr, flush=True))
    out = Path(str(relation_model_path()))
    if out.exists():
        shutil.rmtree(out)
    nlp.meta.update({"name": "claimx_strength_relation", "version": "0.1.0",
                     "description": "Sentence relation (none/correlational/causal), trained on Yu et al. 2019",
                     "sources": [{"name": "Yu, Li & Wang (2019) claim strength corpus", "license": "GPL-3.0"}]})
    nlp.to_disk(out)
    (out / "README.md").write_text(MODEL_CARD, encoding="utf-8")
    return out


if __name__ == "__main__":
    path = train_shipped_model(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data"))
    print(json.dumps({"model": str(path)}))
