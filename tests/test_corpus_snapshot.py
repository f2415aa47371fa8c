"""Regression snapshot of the claims claimx finds in corpus/.

The snapshot (tests/test_corpus_snapshot/) was read by eye against the articles before
it was committed: it is a record of reviewed behaviour, not a definition of correct
output (the gold files in corpus/gold are). When a change moves it, read the diff
(`git diff tests/test_corpus_snapshot`) before accepting it with
`pytest tests/test_corpus_snapshot.py --force-regen`.
"""
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def corpus_frame():
    import claimx

    return claimx.extract([CORPUS])


def _row(r) -> str:
    flags = [flag for flag, on in (("negated", r.negated), ("implicit", r.implicit)) if on]
    mechanism = f" via {r.mechanism}" if r.mechanism else ""
    return (f"{r.sentence_index:>3} {r.intervention} -> {r.condition} | {r.relation} | "
            f"{r.hedge_level}{' (' + r.hedge_cues + ')' if r.hedge_cues else ''}"
            f"{' | ' + ', '.join(flags) if flags else ''}{mechanism}")


def test_corpus_snapshot_claims(corpus_frame, data_regression):
    snapshot = {article: [_row(r) for r in rows.itertuples()]
                for article, rows in corpus_frame.groupby("article", sort=True)}
    data_regression.check(snapshot)
