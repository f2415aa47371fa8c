"""Claim accuracy against gold files, scored by the shared scorer.

- the shared article (`../shared/articles`): the issue's bar, lenient F1 >= 0.80 and
  hedge-level accuracy >= 0.75 (skips where ../shared is absent);
- the development articles in corpus/: a floor below today's score that catches
  regressions (the held-out articles are scored by hand, rarely: see
  tests/data/heldout/README.md).
"""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_claims.py"


def load_scorer():
    if not SCORER.exists():
        pytest.skip("../shared/tools/score_claims.py is absent")
    spec = importlib.util.spec_from_file_location("score_claims", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def nlp():
    import claimx

    return claimx.load()


def score(articles: Path, gold: Path, tmp_path: Path, nlp) -> dict:
    from claimx.runner import run_extract

    scorer = load_scorer()
    run_extract([articles], tmp_path, nlp=nlp, quiet=True)
    return scorer.score(scorer.load_pred(tmp_path / "claims.csv"), scorer.load_gold(gold))


def test_accuracy_shared_article_meets_the_bar(tmp_path, nlp):
    if not (SHARED / "articles").is_dir():
        pytest.skip("../shared/articles is absent")
    result = score(SHARED / "articles", SHARED / "gold", tmp_path, nlp)
    assert result["lenient"]["f1"] >= 0.80, result["lenient"]
    assert result["hedge_level_accuracy"] >= 0.75, result


def test_accuracy_development_corpus_floor(tmp_path, nlp):
    result = score(ROOT / "corpus", ROOT / "corpus" / "gold", tmp_path, nlp)
    # a floor, not a target: 65 articles, 0.635 when batch K joined (it scored 0.385 at
    # first contact; the 61 before it 0.648); 69 articles 0.638 after batch L. The set grows
    # with hard batches, so the floor sits below the whole set's score, not at it.
    assert result["lenient"]["f1"] >= 0.62, result["lenient"]
    assert result["hedge_level_accuracy"] >= 0.70, result
    # mechanisms in the text's words (claimx.mechanisms): 0.43 on the 69 articles, 0.26 with
    # entity names alone
    assert result["mechanism_recall"] >= 0.38, result

