"""The pretraining step's raw text and the callback that loads its weights (tiny
hand-made models; no shared data, no training run)."""
import json
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")
pytest.importorskip("scispacy")

from spacy.tokens import Doc, DocBin  # noqa: E402

from claimx.training.pretrain import (  # noqa: E402
    RAW_TEXT_DOCBINS,
    docbin_texts,
    init_tok2vec_weights,
    write_raw_text,
)

CONFIGS = Path(__file__).resolve().parents[2] / "models" / "configs"


def test_pretrain_raw_text_reads_no_evaluation_split():
    # BC5CDR test, NCBI dev and the held-out CRAFT articles are only ever scored
    assert not any("test" in name for name in RAW_TEXT_DOCBINS)
    assert "ncbi_dev.spacy" not in RAW_TEXT_DOCBINS


def test_pretrain_raw_text_jsonl(tmp_path):
    vocab = spacy.blank("en").vocab
    bin_path = tmp_path / "x.spacy"
    DocBin(docs=[Doc(vocab, words=["Aspirin", "helps", "."]), Doc(vocab, words=[" "], spaces=[False])]).to_disk(bin_path)
    texts = list(docbin_texts(bin_path))
    assert texts == ["Aspirin helps . "]  # blank docs are skipped
    out = tmp_path / "raw.jsonl"
    assert write_raw_text(texts + ["Second text here"], out) == (2, 6)
    assert [json.loads(line)["text"] for line in out.read_text().splitlines()] == ["Aspirin helps . ", "Second text here"]


def _tok2vec_nlp(seed: int):
    from thinc.api import fix_random_seed

    config = spacy.util.load_config(CONFIGS / "pretrain.cfg")
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec", config={"model": config["components"]["tok2vec"]["model"]})
    fix_random_seed(seed)
    nlp.initialize()
    return nlp


def test_init_tok2vec_weights_loads_pretrained_bytes(tmp_path):
    pretrained, fresh = _tok2vec_nlp(1), _tok2vec_nlp(2)
    weights = tmp_path / "model2.bin"
    weights.write_bytes(pretrained.get_pipe("tok2vec").model.to_bytes())
    assert fresh.get_pipe("tok2vec").model.to_bytes() != weights.read_bytes()
    init_tok2vec_weights("tok2vec", str(weights))(fresh)
    assert fresh.get_pipe("tok2vec").model.to_bytes() == weights.read_bytes()
    # no path configured: the weights stay as they are
    before = fresh.get_pipe("tok2vec").model.to_bytes()
    init_tok2vec_weights("tok2vec", None)(fresh)
    assert fresh.get_pipe("tok2vec").model.to_bytes() == before
