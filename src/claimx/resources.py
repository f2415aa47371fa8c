"""Access to the data files in claimx/resources (rules are data, not code)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files


def resource_path(name: str):
    return files("claimx").joinpath("resources", name)


@lru_cache(maxsize=None)
def read_jsonl(name: str) -> tuple[dict, ...]:
    text = resource_path(name).read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())


@lru_cache(maxsize=None)
def read_json(name: str):
    return json.loads(resource_path(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def english_lemma_lookup() -> dict[str, str]:
    """spaCy's English lemma lookup table (word -> lemma) from spacy-lookups-data: the
    pipeline runs no lemmatizer, and a lookup is all that claimx's rules (gerund acts,
    statements of aims, verbs of change), the relation classifier's parse words and the
    drug dictionary's English-word check need."""
    import gzip
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        return {}
    table = Path(next(iter(spec.submodule_search_locations))) / "data" / "en_lemma_lookup.json.gz"
    with gzip.open(table, "rt", encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-cased English words and their lemmas (spaCy's lemma lookup table): what the
    drug dictionary and the brand-name rule take for a word of English, not a name."""
    return frozenset(w.lower() for pair in english_lemma_lookup().items() for w in pair)
