"""Every spaCy factory claimx registers, and the functions that build its pipeline."""

import os
import re
import warnings
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

from .claims import ClaimExtractor
from .extensions import register_extensions
from .hedge import HedgeDetector
from .ner import (GAZETTEER_FILE, LEXICON_FILES, AbbreviationEntities, BrandNames, ConditionModifiers,
                  DiseaseNameSuffixes, DrugNameStems, EponymDiseases,
                  EntityCompounds, EntityConsistency, LexiconRuler, NerFilter, entity_vocabulary, eponyms,
                  with_apostrophe_variants, with_number_variants)
from .resources import read_json, read_jsonl
from .segment import ArticleSegmenter
from .strength import RelationClassifier, StrengthCueDetector, relation_model_path

# The trained biomedical pipeline shipped in the repository (see models/README.md).
MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
DEFAULT_MODEL = "claimx_bio_sm"
COMPOUND_FILE = "entity_compounds.json"
NER_FILTER_FILE = "ner_filter.json"
DRUG_STEMS_FILE = "drug_stems.json"
DISEASE_SUFFIXES_FILE = "disease_suffixes.json"
DRUG_DICTIONARY_FILE = "drug_dictionary.jsonl"
# The shipped model has them for users' own analyses; claimx's rules read no lemma or
# coarse POS, and the two cost ~20% of the pipeline's time on abstracts.
UNUSED_COMPONENTS = ("lemmatizer", "attribute_ruler")

# scispacy's AbbreviationDetector runs an empty global matcher on every doc (W036), and
# its tokenizer regexes trip a FutureWarning in re: neither is actionable for users.
warnings.filterwarnings("ignore", message=r"\[W036\]")
warnings.filterwarnings("ignore", category=FutureWarning, module="spacy.util")


@Language.factory("claimx_segmenter")
def make_segmenter(nlp: Language, name: str) -> ArticleSegmenter:
    register_extensions()
    return ArticleSegmenter(name)


@lru_cache(maxsize=1)
def known_entity_words() -> dict[str, frozenset[str]]:
    """One-word names the gazetteer and lexicons know, as CHEMICAL or DISEASE."""
    groups = {"CHEMICAL": "CHEMICAL", "DRUG": "CHEMICAL", "NEUROTRANSMITTER": "CHEMICAL",
              "DISEASE": "DISEASE", "OUTCOME": "DISEASE"}
    patterns = [p for f in (GAZETTEER_FILE, *LEXICON_FILES) for p in read_jsonl(f)]
    return entity_vocabulary(patterns, groups)


@Language.factory("claimx_ner_filter")
def make_ner_filter(nlp: Language, name: str) -> NerFilter:
    return NerFilter(name, vocab=known_entity_words(), config=read_json(NER_FILTER_FILE))


@Language.factory("claimx_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> LexiconRuler:
    """BC5CDR/BioRED mentions: fills what the trained NER left untagged. Not two-letter
    chemical short forms ("OP", "CS", "DA"): in an abstract they are defined first, and the
    short-form component labels them there; in an article they are as often something else
    (Reddit's "OP", the original poster, is no organophosphate). Two-letter disease short
    forms (AF, RA, CF) stay: articles use them freely once defined, or not at all."""
    return LexiconRuler(nlp, name, [e for e in read_jsonl(GAZETTEER_FILE)
                                    if not (e.get("case_sensitive") and len(e["pattern"]) <= 2
                                            and e["label"] == "CHEMICAL")], overwrite=False)


@Language.factory("claimx_eponym_diseases")
def make_eponym_diseases(nlp: Language, name: str) -> EponymDiseases:
    """Eponymous diseases named by the eponym alone ("Raynaud's"), from the names the
    gazetteer and lexicons know in full ("Raynaud's phenomenon")."""
    return EponymDiseases(name, names=eponyms(p for f in (GAZETTEER_FILE, *LEXICON_FILES) for p in read_jsonl(f)))


@Language.factory("claimx_drug_dictionary")
def make_drug_dictionary(nlp: Language, name: str) -> LexiconRuler:
    """Medicine names (resources/drug_dictionary.jsonl, built by drug_dictionary.py) that no
    earlier component tagged: CHEMICAL."""
    return LexiconRuler(nlp, name, read_jsonl(DRUG_DICTIONARY_FILE), overwrite=False)


@Language.factory("claimx_drug_stems")
def make_drug_stems(nlp: Language, name: str) -> DrugNameStems:
    """Words ending in a drug-name stem that no earlier component tagged: CHEMICAL."""
    config = read_json(DRUG_STEMS_FILE)
    return DrugNameStems(name, stems=config["stems"], min_chars=config["min_chars"],
                         class_nouns=config.get("class_nouns", ""),
                         procedure_endings=config.get("procedure_endings", ()))


@Language.factory("claimx_disease_suffixes")
def make_disease_suffixes(nlp: Language, name: str) -> DiseaseNameSuffixes:
    """Words with a disease name's ending that no earlier component tagged: DISEASE."""
    config = read_json(DISEASE_SUFFIXES_FILE)
    return DiseaseNameSuffixes(name, suffixes=config["suffixes"], min_chars=config["min_chars"],
                               not_diseases=config["not_diseases"])


@Language.factory("claimx_lexicon")
def make_lexicon(nlp: Language, name: str) -> LexiconRuler:
    """Curated domain terms and patterns (drugs, therapies, mechanisms, conditions)."""
    patterns = with_apostrophe_variants(with_number_variants([p for f in LEXICON_FILES for p in read_jsonl(f)]))
    return LexiconRuler(nlp, name, patterns, overwrite=True)


@Language.factory("claimx_brand_names")
def make_brand_names(nlp: Language, name: str) -> BrandNames:
    names = read_jsonl(DRUG_DICTIONARY_FILE)
    return BrandNames(name, known_brands={p["pattern"].lower(): p["generic"] for p in names if "generic" in p},
                      generic_names=[p["pattern"].lower() for p in names if "generic" not in p])


@Language.factory("claimx_abbreviation_entities")
def make_abbreviation_entities(nlp: Language, name: str) -> AbbreviationEntities:
    return AbbreviationEntities(name)


@Language.factory("claimx_entity_consistency", default_config={"min_chars": 5})
def make_entity_consistency(nlp: Language, name: str, min_chars: int) -> EntityConsistency:
    return EntityConsistency(name, min_chars=min_chars)


@Language.factory("claimx_entity_compounds")
def make_entity_compounds(nlp: Language, name: str) -> EntityCompounds:
    config = read_json(COMPOUND_FILE)
    return EntityCompounds(name, forms=frozenset(config["drug_forms"]), modifiers=condition_modifiers(),
                           heads=frozenset(config["condition_heads"]),
                           medicine_nouns=frozenset(config["medicine_nouns"]),
                           organisation_heads=frozenset(config["organisation_heads"]),
                           known_conditions=known_entity_words().get("DISEASE", frozenset()),
                           treatment_heads={word: label for label, words in config["treatment_heads"].items()
                                            if not label.startswith("_") for word in words},
                           generic_modifiers=frozenset(config["generic_treatment_modifiers"]))


def condition_modifiers() -> ConditionModifiers:
    config = read_json(COMPOUND_FILE)
    return ConditionModifiers(config["condition_modifier_regex"], config["condition_modifiers"],
                              config["not_condition_modifiers"])


@Language.factory("claimx_hedge")
def make_hedge_detector(nlp: Language, name: str) -> HedgeDetector:
    register_extensions()
    return HedgeDetector(nlp, name)


@Language.factory("claimx_strength")
def make_strength_cue_detector(nlp: Language, name: str) -> StrengthCueDetector:
    """Sentence-level relation cues for `claimx strength`."""
    return StrengthCueDetector(nlp, name)


@Language.factory("claimx_relation", default_config={"model_dir": ""})
def make_relation_classifier(nlp: Language, name: str, model_dir: str) -> RelationClassifier:
    """The shipped sentence-relation text classifier (none / correlational / causal)."""
    return RelationClassifier(model_dir or str(relation_model_path()), name)


@Language.factory("claimx_claims")
def make_claim_extractor(nlp: Language, name: str) -> ClaimExtractor:
    register_extensions()
    return ClaimExtractor(nlp, name)


def default_model_path() -> "Path | None":
    """The trained pipeline to load: $CLAIMX_MODEL if set ("none" for rules only), else
    models/claimx_bio_sm of this checkout when it has been built."""
    env = os.environ.get("CLAIMX_MODEL")
    if env is not None:
        return None if env.strip().lower() in ("", "none", "blank") else Path(env)
    path = MODELS_DIR / DEFAULT_MODEL
    return path if (path / "config.cfg").exists() else None


def _base_pipeline(model: "str | Path | None") -> Language:
    """The trained model if one is given or installed, else a blank English pipeline
    with scispacy's tokenizer."""
    path = Path(model) if model is not None else default_model_path()
    if path is not None:
        return spacy.load(path, exclude=UNUSED_COMPONENTS)
    return _blank_pipeline()


def make_nlp(model: "str | Path | None" = None, *, use_model: bool = True) -> Language:
    """Build claimx's full pipeline.

    Order: (trained tok2vec/tagger/parser/ner) -> segmenter (first, so the parser keeps
    paragraph and heading boundaries) -> abbreviation detector -> entity rulers ->
    short forms -> other occurrences of each entity -> compounds -> hedge cues -> claims.
    """
    register_extensions()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # scispacy's tokenizer regexes
        nlp = _base_pipeline(model) if use_model else _blank_pipeline()
        from . import abbreviations  # noqa: F401  registers "claimx_abbreviation_detector" (scispacy's, faster)
    tune_tokenizer(nlp.tokenizer)
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("claimx_segmenter", before=first) if first else nlp.add_pipe("claimx_segmenter")
    nlp.add_pipe("claimx_abbreviation_detector", name="abbreviation_detector")
    has_ner = "ner" in nlp.pipe_names
    if has_ner:
        nlp.add_pipe("claimx_ner_filter", after="ner")
    nlp.add_pipe("claimx_gazetteer")
    nlp.add_pipe("claimx_drug_dictionary")
    nlp.add_pipe("claimx_drug_stems")
    nlp.add_pipe("claimx_disease_suffixes")
    nlp.add_pipe("claimx_lexicon")
    nlp.add_pipe("claimx_eponym_diseases")
    nlp.add_pipe("claimx_brand_names")
    nlp.add_pipe("claimx_abbreviation_entities")
    nlp.add_pipe("claimx_entity_consistency")
    nlp.add_pipe("claimx_entity_compounds")
    nlp.add_pipe("claimx_hedge")
    nlp.add_pipe("claimx_claims")
    nlp.meta["claimx_trained_ner"] = has_ner
    return nlp


def tune_tokenizer(tokenizer: Tokenizer) -> None:
    """Make claimx's tokenizer (as the model folder stores it) cut text faster into the
    very same tokens.

    - The prefix pattern is `re.search`ed on every word that misses the cache. Its
      alternatives are each anchored with "^", but a search still tries all ~120 of them at
      every character of the word; one anchor around the whole pattern finds the same
      match in a third of the tokenizer's time. (A model whose minus-sign rule was not
      anchored, before 28 November, gets it anchored too: see training/tokenizer.py.)
    - A special case sets a flag that keeps spaCy from caching the rest of the doc's words
      (spaCy issue #1250: a special case's tokens may hold attributes that a cache of
      lexemes would lose), and every line break ("\n" is a special case) set it, so nearly
      every word of a doc went through the affix regexes. The whitespace special cases that
      only give the string's own ORTH are dropped where the affix rules already leave the
      string one token of its own, so each gives the same token as before.
    """
    prefix_search = tokenizer.prefix_search
    pattern = getattr(getattr(prefix_search, "__self__", None), "pattern", None)
    if isinstance(pattern, str) and not pattern.startswith("^(?:"):
        tokenizer.prefix_search = re.compile(f"^(?:{pattern})").search
    rules = tokenizer.rules or {}
    same_token = {key for key, value in rules.items()
                  if key.isspace() and value == [{ORTH: key}] and not tokenizer.find_prefix(key)
                  and not tokenizer.find_suffix(key) and not tokenizer.find_infix(key)}
    if same_token:
        tokenizer.rules = {key: value for key, value in rules.items() if key not in same_token}


def _blank_pipeline() -> Language:
    """Rules only: the same tokenizer as the trained model (scispacy's rules plus hyphen
    and slash splits), so that both pipelines see the same tokens."""
    from .training.tokenizer import claimx_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = claimx_tokenizer(nlp)
    return nlp


def describe(nlp: Language) -> str:
    """One line naming the pipeline, for the run manifest."""
    base = nlp.meta.get("name", "blank")
    return f"{nlp.lang}_{base}-{nlp.meta.get('version', '0')} [{', '.join(nlp.pipe_names)}] spacy {spacy.__version__}"


__all__ = ["make_nlp", "describe", "default_model_path"]
