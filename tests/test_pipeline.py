"""claimx.load(): the shipped model by default, offline, and the rules-only fallback."""
import socket
from pathlib import Path

import pytest

import claimx
from claimx.pipeline import DEFAULT_MODEL, MODELS_DIR

HAS_MODEL = (MODELS_DIR / DEFAULT_MODEL / "config.cfg").exists()


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.skipif(not HAS_MODEL, reason="models/claimx_bio_sm not built")
def test_pipeline_load_uses_the_shipped_model_offline(no_network, monkeypatch):
    monkeypatch.delenv("CLAIMX_MODEL", raising=False)
    nlp = claimx.load()
    assert {"tok2vec", "parser", "ner", "claimx_claims"} <= set(nlp.pipe_names)
    doc = nlp("Ketamine may relieve depression in adults.")
    assert doc.has_annotation("DEP")
    assert [(c.intervention.display, c.condition.display) for c in doc._.claims] == [("Ketamine", "depression")]


def test_pipeline_rules_only_when_asked(no_network, monkeypatch):
    monkeypatch.setenv("CLAIMX_MODEL", "none")
    nlp = claimx.load()
    assert "ner" not in nlp.pipe_names and "parser" not in nlp.pipe_names
    doc = nlp("Ketamine may relieve depression in adults.")
    assert [(c.intervention.display, c.condition.display, c.hedge_level) for c in doc._.claims] == [
        ("Ketamine", "depression", "possible")]


def test_pipeline_model_path_must_exist(tmp_path: Path):
    with pytest.raises(OSError):
        claimx.load(tmp_path / "no-such-model")


def test_pipeline_every_factory_is_an_entry_point():
    # spacy.load() of a saved claimx pipeline finds its factories through the
    # spacy_factories entry points of pyproject.toml, without importing claimx first
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    registered = {name for path in (root / "src/claimx").glob("*.py")
                  for name in re.findall(r'@Language\.factory\("(claimx_\w+)"', path.read_text(encoding="utf-8"))}
    declared = set(re.findall(r"^(claimx_\w+) = ", (root / "pyproject.toml").read_text(), re.M))
    assert registered and registered == declared, (registered - declared, declared - registered)
