"""claimx's tokenizer: scispacy's combined_rule_tokenizer plus infix rules.

scispacy keeps "aspirin-induced", "VAL/HCTZ" and "CHX+Pilo" as single tokens. In
BC5CDR test 10.1% of gold mentions end inside such a token, so no token-based NER
could predict them exactly; with the rules below 1.3% remain. Splitting them also
helps the claim layer ("X-induced Y" is a core intervention -> condition pattern).

More rules split text as CRAFT's treebank does where no name suffers: en dashes and
minus signs between words or numbers, a minus sign before a number, genotypes ("Bax+/+",
"Capn2-/+"), a hyphen after a Greek letter ("β-catenin") or before a single digit ("IL-2",
"NT-3"; not "TRM-41" or "COVID-19", research codes and names that must stay whole),
citation lists ("[1,2]"), a reference mark glued to a full stop ("stroke.[5]"), "°C" as
one token; "and/or" is no special case. The parser's
end-to-end UAS on CRAFT's held-out articles rises 88.06 -> 89.21 with BC5CDR and NCBI
all but unchanged (models/claimx_bio_sm/README.md has every figure and how each rule was
chosen).

The rules are part of the tokenizer that nlp.to_disk() saves, so a loaded model needs
neither scispacy nor this module at run time.
"""

from __future__ import annotations

import re
from typing import Callable

import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.lang.tokenizer_exceptions import emoticons as EMOTICONS
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

EXTRA_INFIXES = (
    r"(?<=[A-Za-z0-9\)\]])-(?=[A-Za-z])",  # aspirin-induced, 5-HT, Na(+)/K(+)-ATPase
    r"(?<=[A-Za-z0-9\)\]])/(?=[A-Za-z0-9\(\[])",  # VAL/HCTZ, mg/kg
    r"(?<=[a-z])\+(?=[A-Za-z])",  # CHX+Pilo
    # as CRAFT's treebank tokenises biomedical text (each rule measured on CRAFT; model card):
    r"(?<=[\w\)\]])[–−](?=[\w\(\[])",  # 14–21 days, (BSA)–soaked, 6C–6E
    r"(?<=[A-Za-z0-9])[+\-−](?=/)|/(?=[+\-−])|(?<=[+\-−])/",  # genotypes: Bax+/+, Pea3/−, Capn2-/+
    r"°[CF](?![A-Za-z])",  # 37°C -> 37, °C
    r"(?<=[A-Za-z])-(?=[0-9](?![0-9]))",  # NT-3, IL-2, GLP-1; not TRM-41, COVID-19 (research codes)
    r"(?<=[α-ωΑ-Ω])-(?=[A-Za-z])",  # β-catenin
    r"(?<=[0-9]),(?=[0-9]{1,2}(?:,[0-9]{1,2})*$)",  # citations [1,2], [22,23]; not 1,000 or 2,3,7,8-TCDD
    # a reference mark after a sentence's full stop, as web pages render <sup>[5]</sup>:
    # "stroke.[5]" -> stroke . [ 5 ] (the "]" is a suffix), so the disease is a word of its
    # own and the sentence can end at the stop (changes no token of CRAFT, BC5CDR or BioRED)
    r"(?<=[A-Za-z\)])\.(?=\[[0-9])|(?<=\.)\[(?=[0-9])",
)


def claimx_tokenizer(nlp: Language) -> Tokenizer:
    tokenizer = combined_rule_tokenizer(nlp)
    scispacy_infixes = tokenizer.infix_finditer.__self__.pattern
    tokenizer.infix_finditer = re.compile("|".join(EXTRA_INFIXES) + "|" + scispacy_infixes).finditer
    # a minus sign before a number is a token of its own ("−70 mV"), as in CRAFT; anchored
    # like spaCy's own prefixes: unanchored, a "−" inside a word ("IC50−3", "10−4") made
    # spaCy strip the word's first character as a prefix, one character at a time
    tokenizer.prefix_search = re.compile("^−(?=[0-9])|" + tokenizer.prefix_search.__self__.pattern).search
    # spaCy keeps emoticons such as "):" whole, which glues the bracket of
    # "Multiple sclerosis (MS): ..." to the colon and hides the short form from the
    # abbreviation detector. Articles' brackets matter more than their emoticons.
    tokenizer.rules = {key: value for key, value in tokenizer.rules.items()
                       if not (key in EMOTICONS and any(c in key for c in "()[]")) and key != "and/or"}
    tokenizer.rules = {**tokenizer.rules, **{unit: [{ORTH: unit}] for unit in ("°C", "°F")}}
    return tokenizer


@spacy.registry.callbacks("claimx.replace_tokenizer.v1")
def replace_tokenizer_callback() -> Callable[[Language], Language]:
    """For a config's [initialize.before_init]: train with the tokenizer we ship."""

    def replace_tokenizer(nlp: Language) -> Language:
        nlp.tokenizer = claimx_tokenizer(nlp)
        return nlp

    return replace_tokenizer


@spacy.registry.tokenizers("claimx.tokenizer.v1")
def create_claimx_tokenizer() -> Callable[[Language], Tokenizer]:
    """For a config's [nlp.tokenizer] where no initialize step runs (``spacy pretrain``)."""

    def create(nlp: Language) -> Tokenizer:
        # scispacy reads token_match from the pipeline's current tokenizer, which does
        # not exist yet while the config builds the pipeline: start from the default.
        nlp.tokenizer = spacy.blank(nlp.lang).tokenizer
        return claimx_tokenizer(nlp)

    return create
