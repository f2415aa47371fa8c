"""The medicine-name resource and the package it is built from."""
import pytest

from claimx.resources import read_jsonl


def test_drug_dictionary_resource_is_the_build_of_the_installed_package():
    pytest.importorskip("drug_named_entity_recognition")
    from claimx.drug_dictionary import RESOURCE_FILE, build_drug_dictionary

    assert tuple(build_drug_dictionary()) == read_jsonl(RESOURCE_FILE), "rebuild: claimx build-drug-dictionary"


def test_drug_dictionary_keeps_medicines_and_drops_english_synonyms():
    names = {p["pattern"]: p for p in read_jsonl("drug_dictionary.jsonl")}
    assert "colchicine" in names and "generic" not in names["colchicine"]
    assert names["zyban"]["generic"] == "bupropion"
    # a generic name stays although an English dictionary lists it
    assert "aspirin" in names
    # short or English-word synonyms of prednisone ("sone") and non-medicines (pollens) are out
    assert "sone" not in names
    assert "beta-2" not in names  # names a receptor subunit in running text
    assert not any("pollen" in name for name in names)
