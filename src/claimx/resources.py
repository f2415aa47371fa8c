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
