"""The joint-training step's corpus folders (no training run)."""
from pathlib import Path

import pytest

pytest.importorskip("spacy")
pytest.importorskip("scispacy")

from spacy.util import load_config  # noqa: E402

from claimx.training.train import JOINT_NER_COPIES, _corpus_folder  # noqa: E402

CONFIGS = Path(__file__).resolve().parents[2] / "models" / "configs"


def test_corpus_folder_holds_a_file_listed_twice_twice(tmp_path):
    craft, ner = tmp_path / "craft.spacy", tmp_path / "ner.spacy"
    craft.write_bytes(b"c")
    ner.write_bytes(b"n")
    folder = _corpus_folder(tmp_path / "train", [craft, *[ner] * JOINT_NER_COPIES])
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["00_craft.spacy"] + [f"{k:02d}_ner.spacy" for k in range(1, JOINT_NER_COPIES + 1)]
    # a second call starts from an empty folder
    _corpus_folder(folder, [craft])
    assert [p.name for p in folder.iterdir()] == ["00_craft.spacy"]


def test_joint_config_shares_one_tok2vec():
    config = load_config(CONFIGS / "joint_experiment.cfg")
    assert config["nlp"]["pipeline"] == ["tok2vec", "tagger", "parser", "ner"]
    for name in ("tagger", "parser", "ner"):
        assert config["components"][name]["model"]["tok2vec"]["@architectures"] == "spacy.Tok2VecListener.v1"
