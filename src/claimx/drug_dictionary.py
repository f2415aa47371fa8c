"""Build claimx's list of medicine names (resources/drug_dictionary.jsonl) from the drug
dictionary of Fast Data Science's `drug-named-entity-recognition` package (MIT; built from
DrugBank, MeSH, MedlinePlus, the NHS website and Wikipedia), as entity-ruler patterns.

Rebuild with `claimx build-drug-dictionary` (needs `pip install -e ".[build]"`); the
pipeline reads only the resource file, so loading claimx costs no unpickling.

Why: the trained NER learnt PubMed abstracts about a few hundred chemicals. In a leaflet
or a newsletter it misses common medicines named with little context ("Colchicine often
causes diarrhoea", "febuxostat", "zoledronic acid"), and neither the BC5CDR gazetteer nor
the drug-name stems know them. The dictionary names about 20,000 substances, many of them
proteins, pollens and laboratory reagents; only the medicines people are prescribed or buy
are kept: entries with a MedlinePlus or NHS page, or with both a DrugBank id and a
Wikipedia page. A brand or foreign-language synonym is kept only when it is not an English
word and has at least five characters ("Sone" for prednisone is dropped); a generic name is
kept even when an English dictionary lists it ("aspirin", "morphine").

The package's data file is read directly, without importing the package, whose finder
builds a fuzzy-matching index on import.
"""
from __future__ import annotations

import bz2
import importlib.util
import pickle
import re
from pathlib import Path

from .resources import english_words

RESOURCE_FILE = "drug_dictionary.jsonl"
PACKAGE = "drug_named_entity_recognition"
DATA_FILE = "drug_ner_dictionary.pkl.bz2"
LABEL = "CHEMICAL"  # BC5CDR's meaning: a drug is a chemical
MIN_CHARS = 4
MIN_SYNONYM_CHARS = 5
# The consumer medicines: the dictionary's other entries are mostly MeSH chemicals
# (proteins, enzymes, pollens, reagents) that claimx's lexicon names as mechanisms or not at all.
CONSUMER_SOURCES = ("medline_plus_id", "nhs_url")
_UNWANTED_CHARACTERS = set(",()[];&<>=\"")
# "beta-2" (a synonym of isoetharine) and "interleukin-2" name receptors and proteins in
# running text ("alpha-4 beta-2 nicotinic receptor"), which the lexicon calls mechanisms
_RECEPTOR_LIKE = re.compile(r"^(?:alpha|beta|gamma|delta|kappa|mu|interleukin|il)[- ]?\d")


class DrugDictionaryMissing(RuntimeError):
    """The drug-named-entity-recognition package (a claimx dependency) is not installed."""


def data_path() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise DrugDictionaryMissing(
            f"the Python package {PACKAGE!r} is not installed: pip install -e \".[build]\"")
    return Path(next(iter(spec.submodule_search_locations))) / DATA_FILE


def build_drug_dictionary() -> list[dict]:
    """Entity-ruler patterns ({"label", "pattern", "id"}) for the kept names."""
    with bz2.open(data_path(), "rb") as f:
        data = pickle.load(f)  # the package's own data file, as trusted as its code
    canonical = data["drug_canonical_to_data"]
    english = english_words()
    patterns = []
    for variant, names in sorted(data["drug_variant_to_canonical"].items()):
        medicines = [n for n in names if _is_medicine(canonical.get(n, {}))]
        if (not medicines or len(variant) < MIN_CHARS or _UNWANTED_CHARACTERS.intersection(variant)
                or _RECEPTOR_LIKE.match(variant)):
            continue
        if variant not in medicines and (len(variant) < MIN_SYNONYM_CHARS or variant in english):
            continue
        entry = canonical[medicines[0]]
        ident = entry.get("drugbank_id") or (f"MESH:{entry['mesh_id']}" if entry.get("mesh_id") else "")
        pattern = {"label": LABEL, "pattern": variant, "id": ident}
        if variant not in medicines:
            pattern["generic"] = medicines[0]  # a brand, salt or foreign name of it
        patterns.append(pattern)
    return patterns


def _is_medicine(entry: dict) -> bool:
    return any(k in entry for k in CONSUMER_SOURCES) or ("drugbank_id" in entry and "wikipedia_url" in entry)

