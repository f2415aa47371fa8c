"""The entity layer: gazetteer + domain lexicon rulers, and short forms labelled like
their long forms.

Entity labels: DISEASE and CHEMICAL in BC5CDR's meaning (from the trained NER when a
model is installed, and from the BC5CDR/BioRED gazetteer), plus DRUG (drugs and drug
classes), THERAPY, and the mechanism kinds RECEPTOR, NEUROTRANSMITTER, PROCESS and
BRAIN_REGION from the hand-curated lexicon and patterns in resources/.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .resources import english_lemma_lookup, english_words
from .tokens import glued_start, lower_words, orth_words

GAZETTEER_FILE = "gazetteer.jsonl"
LEXICON_FILES = ("domain_terms.jsonl", "entity_patterns.jsonl")


# a phrase of plain words the tokenizer splits at its spaces and nowhere else
_PLAIN_PHRASE = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+)*$")


def phrase_words(tokenizer, phrases: list[str]) -> list[list[str]]:
    """Each phrase's tokens as claimx's tokenizer cuts them. A phrase of plain words is cut at
    its spaces (unless a word is one of the tokenizer's special cases, "im" -> "i", "m");
    the rest go through the tokenizer. Making a Doc per phrase, as a PhraseMatcher needs,
    creates a lexeme for every new word: three quarters of claimx's load time for the 20k
    lexicon phrases. tests/test_ner.py checks that both ways agree on every lexicon phrase."""
    special = tokenizer.rules or {}
    words: list[list[str] | None] = []
    for phrase in phrases:
        plain = phrase.split(" ") if _PLAIN_PHRASE.match(phrase) else None
        words.append(None if plain is None or any(w in special for w in plain) else plain)
    rest = [k for k, w in enumerate(words) if w is None]
    for k, doc in zip(rest, tokenizer.pipe([phrases[k] for k in rest])):
        words[k] = [t.text for t in doc]
    return words  # type: ignore[return-value]


class PhraseTrie:
    """spaCy's PhraseMatcher over plain strings: phrases as token-string sequences, matched
    against a doc's words (lower-cased or as written). Every match is returned, shortest
    first at each start, the keys of one phrase in the order they were added."""

    _END = ""  # no token is the empty string

    def __init__(self) -> None:
        self.root: dict = {}
        self.size = 0

    def __len__(self) -> int:
        return self.size

    def add(self, key: str, words: list[str]) -> None:
        node = self.root
        for word in words:
            node = node.setdefault(word, {})
        node.setdefault(self._END, []).append(key)
        self.size += 1

    def __call__(self, words: list[str]) -> list[tuple[str, int, int]]:
        root, end_mark, found, n_words = self.root, self._END, [], len(words)
        # root.get mapped over the words in C: most words start no phrase and cost no more
        for i, node in enumerate(map(root.get, words)):
            j = i + 1
            while node is not None:
                for key in node.get(end_mark, ()):
                    found.append((key, i, j))
                if j == n_words:
                    break
                node = node.get(words[j])
                j += 1
        return found


class LexiconRuler:
    """Entities from a lexicon of phrases and token patterns (EntityRuler's JSONL format,
    plus `"case_sensitive": true` for short forms such as "PD").

    Unlike spaCy's EntityRuler, phrases go to a `PhraseTrie` on the words as written
    (case-sensitive ones) or lower-cased, not to token patterns (5x faster on BC5CDR
    abstracts) nor to a PhraseMatcher (whose pattern Docs cost 2 s of load time), and all
    matches of one lexicon compete together, longest first. `overwrite=False` only fills
    gaps left by earlier components (the gazetteer behind the trained NER); `overwrite=True`
    lets the curated lexicon correct them.
    """

    def __init__(self, nlp, name: str, patterns: Iterable[dict], *, overwrite: bool) -> None:
        self.name = name
        self.overwrite = overwrite
        self.lower = PhraseTrie()
        self.cased = PhraseTrie()
        self.tokens = Matcher(nlp.vocab)
        # Token patterns with a fixed word ("receptor", "therapy") run only in a window
        # around that word: a pattern whose first token is a regex or a set is otherwise
        # tested at every token of the doc, which cost more than the rest of the pipeline.
        self.anchored: list[tuple[frozenset[str], int, Matcher]] = []
        by_key: dict[tuple[str, bool], list[str]] = {}
        for entry in patterns:
            label, pattern = entry["label"], entry["pattern"]
            key = f"{label}\x1f{entry.get('id', '')}"
            if isinstance(pattern, str):
                by_key.setdefault((key, bool(entry.get("case_sensitive"))), []).append(pattern)
                continue
            anchors = _anchor_words(pattern)
            if anchors:
                matcher = Matcher(nlp.vocab)
                matcher.add(key, [pattern])
                self.anchored.append((anchors, len(pattern), matcher))
            else:
                self.tokens.add(key, [pattern])
        for (key, cased), phrases in by_key.items():
            # the curated lexicon names its conditions in the singular; the corpus gazetteer
            # lists the plurals its annotators saw
            plural_too = overwrite and key.split("\x1f", 1)[0] in _CONDITION_LABELS
            for words in phrase_words(nlp.tokenizer, phrases):
                if cased:
                    self.cased.add(key, words)
                    continue
                words = [w.lower() for w in words]
                self.lower.add(key, words)
                if plural_too and _has_plural(words[-1]):
                    # "relapse" names "relapses" too, "cramp" "cramps"
                    self.lower.add(key, [*words[:-1], _plural(words[-1])])

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        lower = lower_words(doc)
        matches = list(self.lower(lower))
        if self.cased:
            matches += self.cased(orth_words(doc))
        matches += ((strings[key], start, end) for key, start, end in self.tokens(doc))
        candidates = []
        for key, start, end in matches:
            label, _, kb_id = key.partition("\x1f")
            candidates.append(Span(doc, start, end, label=label, kb_id=kb_id))
        if self.anchored:
            positions: dict[str, list[int]] = {}
            for i, word in enumerate(lower):
                positions.setdefault(word, []).append(i)
            for anchors, width, matcher in self.anchored:
                for word in anchors.intersection(positions):
                    for i in positions[word]:
                        window = doc[max(0, i - width):min(len(doc), i + width)]
                        for span in matcher(window, as_spans=True):
                            label, _, kb_id = span.label_.partition("\x1f")
                            candidates.append(Span(doc, span.start, span.end, label=label, kb_id=kb_id))
        found = filter_spans(candidates)
        existing = list(doc.ents)
        if self.overwrite:
            # a substance's first word does not cut the NER's name of a compound down
            # ("Sodium" of "Sodium cromoglicate", "Calcium" of "Calcium carbonate"); the
            # lexicon still trims over-long conditions ("ease pain" -> "pain")
            chemical_ends = {e.start: e.end for e in existing if e.label_ == "CHEMICAL"}
            found = [f for f in found if not (f.label_ in _SUBSTANCE_LABELS and f.end < chemical_ends.get(f.start, 0))]
            # nor does a substance or mechanism inside a condition's name cut the condition
            # out ("serotonin syndrome", "insulin resistance", "vitamin D deficiency")
            conditions = [(e.start, e.end) for e in existing if e.label_ in _CONDITION_LABELS]
            found = [f for f in found if f.label_ in _CONDITION_LABELS or not any(
                start <= f.start and f.end <= end and end - start > len(f) for start, end in conditions)]
            kept = [e for e in existing if not any(e.start < f.end and f.start < e.end for f in found)]
            doc.ents = kept + found
        else:
            # an entity the NER already found keeps its span but gains the gazetteer's id
            ids = {(f.start, f.end, f.label_): f.kb_id_ for f in found if f.kb_id_}
            existing = [Span(doc, e.start, e.end, label=e.label_, kb_id=ids[(e.start, e.end, e.label_)])
                        if not e.kb_id_ and (e.start, e.end, e.label_) in ids else e for e in existing]
            # a known disease name longer than the NER's chemical inside it is the disease
            # ("serotonin syndrome", not "serotonin")
            widened = [f for f in found if f.label_ == "DISEASE" and len(f) > 1 and any(
                e.label_ == "CHEMICAL" and f.start <= e.start and e.end <= f.end and len(e) < len(f) for e in existing)
                and all(e.label_ == "CHEMICAL" and f.start <= e.start and e.end <= f.end
                        for e in existing if e.start < f.end and f.start < e.end)]
            existing = [e for e in existing if not any(f.start <= e.start and e.end <= f.end for f in widened)]
            taken = {i for e in existing for i in range(e.start, e.end)}
            doc.ents = existing + [f for f in found if not taken.intersection(range(f.start, f.end))]
        return doc


def _has_plural(word: str) -> bool:
    """A count noun's singular as a lexicon writes it: letters, no plural or mass ending."""
    return len(word) > 3 and word.isalpha() and not word.endswith(_NO_PLURAL_ENDINGS)


def _plural(word: str) -> str:
    if word.endswith(("sh", "ch", "x", "z")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


# endings of words already plural or with no plural in use ("diabetes", "psoriasis",
# "anaemia", "bleeding", "depression", "pain"-like mass nouns are left to the text)
_NO_PLURAL_ENDINGS = ("s", "ia", "ing", "ion", "ism", "itis", "osis", "emia", "aemia", "ness", "ity", "pathy", "algia")
_SUBSTANCE_LABELS = frozenset({"CHEMICAL", "DRUG", "FOOD"})
# a word after these and a hyphen names what is worked against, not a condition ("anti-sickness")
_AGAINST_PREFIXES = frozenset({"anti", "non"})
# tags of words after which a noun-tagged word is a verb ("drugs which target redness")
_SUBJECT_TAGS = frozenset({"WDT", "WP", "PRP", "MD"})
_CONDITION_LABELS = frozenset({"DISEASE", "OUTCOME"})
# pronouns that are only ever subjects ("you" and "it" can be objects: "gives you cramps")
_SUBJECT_PRONOUNS = frozenset({"i", "we", "they", "he", "she"})
FORMS_OF_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m"})
# the entity-pattern id of "<target> inhibitor/blocker/agonist ..." (resources/entity_patterns.jsonl)
DRUG_ACTION_PATTERN = "pattern:drug-action"
# a lay name built on a treatment head noun ("water tablets"): EntityCompounds._headed_treatments
TREATMENT_HEAD_PATTERN = "pattern:treatment-head"
# what follows a protein's letters after a hyphen ("PD-L1", "IL-5")
PROTEIN_NUMBER = re.compile(r"L?\d+")
# an experimental drug's code: letters then digits ("TRM-41", "LY3002813", "BMS-986165")
RESEARCH_CODE = re.compile(r"^[A-Z]{2,4}-?\d{2,7}[A-Z]?$")
RESEARCH_CODE_CUES: frozenset[str] = frozenset({"called", "named", "codenamed", "code-named", "compound", "drug",
                                                "molecule", "candidate", "agent"})
# the nouns of a medicine's form ("gel", "tablets", "a chewable tablet")
DOSAGE_FORMS: frozenset[str] = frozenset({"gel", "gels", "cream", "creams", "tablet", "tablets", "capsule", "capsules",
                                          "pill", "pills", "ointment", "lotion", "spray", "sprays", "patch", "patches",
                                          "drops", "infusion", "infusions", "injection", "injections", "inhaler",
                                          "inhalers", "syrup", "liquid", "drip", "jab", "jabs", "lozenge", "lozenges"})
# "a drug called tofersen": whatever word the text introduces so is a drug's name
NAMING_WORDS: frozenset[str] = frozenset({"called", "named", "dubbed"})
DRUG_NOUNS: frozenset[str] = frozenset({"drug", "medicine", "medication", "compound", "molecule", "tablet", "pill",
                                        "injection", "antibody", "vaccine", "supplement", "cream", "spray"})
# molecules whose name, followed by "drugs" or "medicines", names the drugs acting on them
MEDICINE_TARGET_LABELS: frozenset[str] = frozenset({"TARGET", "RECEPTOR"})
# ... class nouns only: "a GLP-1 pill" is one product, "GLP-1 drugs" a class
TARGET_MEDICINE_NOUNS: frozenset[str] = frozenset({"drug", "drugs", "medicine", "medicines", "medication",
                                                   "medications"})
FINITE_VERB_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBP", "MD"})
# gerunds that name taking what follows them, not a condition ("drinking" as alcohol use)
CONSUMPTION_GERUNDS: frozenset[str] = frozenset({"drinking", "eating", "smoking", "vaping", "chewing", "taking"})


class NerFilter:
    """Keep a trained entity only when the text gives lexical evidence for its type.

    The statistical NER learnt PubMed abstracts; on blog and news text it also tags
    names ("Dr. Karin"), places ("COPENHAGEN") and common words ("standalone"). An
    entity stays when one of its words is known for its type (from the gazetteer and the
    lexicon) or has a drug-name / disease-name suffix, and it is neither a lone generic
    head ("disorder") nor a person's name.
    """

    def __init__(self, name: str, *, vocab: dict[str, frozenset[str]], config: dict) -> None:
        self.name = name
        self.vocab = vocab
        self.titles = frozenset(config["person_titles"])
        self.generic = frozenset(config["generic_heads"])
        self.suffix = {"CHEMICAL": re.compile(config["chemical_suffix_regex"]),
                       "DISEASE": re.compile(config["disease_suffix_regex"])}
        self.effect_verbs = frozenset(config.get("effect_verbs", ()))
        self.calendar = frozenset(config.get("calendar_words", ()))

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = [e for e in map(self._after_verbs, doc.ents) if e is not None and self.plausible(e)]
        return doc

    def _after_verbs(self, ent: Span) -> Span | None:
        """'the skin reduced joint swelling' -> 'joint swelling': a name holds no finite
        verb (read from the tagger, when the model has one), nor a verb of effect the
        tagger missed ('apixaban prevent strokes')."""
        verbs = [t.i for t in ent if t.tag_ in FINITE_VERB_TAGS or (t.i > ent.start and t.lower_ in self.effect_verbs)]
        if not verbs:
            return ent
        start = verbs[-1] + 1
        return Span(ent.doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_) if start < ent.end else None

    def plausible(self, ent: Span) -> bool:
        words = [t.lower_ for t in ent if not t.is_punct]
        if not words or any(w in self.titles for w in words):
            return False
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ in self.titles and ent[0].is_title:
            return False  # "Dr Tomas Reyes": a person's name, whatever its ending
        if len(words) == 1 and (words[0] in self.generic or words[0] in self.calendar):
            return False
        if len(ent) > 1 and all(t.is_title or t.is_punct for t in ent) and not ent.doc[ent.start].is_sent_start:
            return False  # a proper name in running text
        known = self.vocab.get(ent.label_, frozenset())
        suffix = self.suffix.get(ent.label_)
        return any(_singular_known(w, known) or (suffix is not None and len(w) > 4 and suffix.search(w))
                   for w in words)


def _singular_known(word: str, known: frozenset[str]) -> bool:
    """'ulcers' counts as evidence when the lexicons know 'ulcer'."""
    if word in known:
        return True
    return word.endswith("s") and (word[:-1] in known or (word.endswith("es") and word[:-2] in known))


def entity_vocabulary(patterns: Iterable[dict], groups: dict[str, str]) -> dict[str, frozenset[str]]:
    """One-word entity names of the lexicons ("cancer", "ketamine"), by the NER label
    their label maps to. Words of longer names ("head" of "head injury") are not
    evidence on their own."""
    vocab: dict[str, set[str]] = {}
    for entry in patterns:
        target = groups.get(entry["label"])
        pattern = entry["pattern"]
        if target and isinstance(pattern, str) and re.fullmatch(r"[\w'-]{3,}", pattern):
            vocab.setdefault(target, set()).add(pattern.lower())
    return {k: frozenset(v) for k, v in vocab.items()}


def _anchor_words(pattern: list[dict]) -> frozenset[str]:
    """The lower-case words one obligatory token of a fixed-length pattern must be."""
    if any(t.get("OP") in ("*", "+") for t in pattern):
        return frozenset()
    for token in pattern:
        if token.get("OP") in ("?", "!"):
            continue
        lower = token.get("LOWER")
        if isinstance(lower, str):
            return frozenset({lower})
        if isinstance(lower, dict) and "IN" in lower and len(lower) == 1:
            return frozenset(lower["IN"])
    return frozenset()


# "Raynaud's phenomenon", "Parkinson’s disease": a person's name with a possessive
_EPONYM = re.compile(r"^([A-Z][^\W\d_]+)['\u2019]s \S")
# words before a name that make it a person's ("Dr Wilson's clinic")
_PERSON_TITLES = frozenset({"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "professor", "prof",
                            "prof.", "sir", "dame", "nurse", "st", "st.", "saint"})


def eponyms(patterns: Iterable[dict]) -> dict[str, str]:
    """Names of eponymous diseases in the lexicons ("Raynaud's phenomenon" -> "Raynaud"),
    each with the id of its disease when only one disease carries the name."""
    ids: dict[str, set[str]] = {}
    for p in patterns:
        match = _EPONYM.match(p["pattern"]) if p["label"] == "DISEASE" and isinstance(p["pattern"], str) else None
        if match:
            ids.setdefault(match.group(1), set()).add(p.get("id", ""))
    return {name: (next(iter(found)) if len(found) == 1 else "") for name, found in ids.items()}


class EponymDiseases:
    """A disease named by its eponym alone ("Can beta-blockers make Raynaud's worse?",
    "people with Parkinson's"): lay text drops "disease", "syndrome" or "phenomenon" from
    the names the lexicons know in full. Only where no entity stands, and not after a
    title or a first name ("Dr Wilson's clinic", "John Graves's book")."""

    def __init__(self, name: str = "claimx_eponym_diseases", *, names: dict[str, str]) -> None:
        self.name = name
        self.names = names

    def __call__(self, doc: Doc) -> Doc:
        words = orth_words(doc)
        found = []
        for i in range(len(words) - 1):
            if words[i] not in self.names or words[i + 1] not in ("'s", "\u2019s") or doc[i].ent_type:
                continue
            before = doc[i - 1] if i else None
            if before is not None and (before.lower_ in _PERSON_TITLES or (before.is_title and before.tag_ == "NNP")):
                continue  # "Dr Wilson's", "Anna Parkinson's"; not "Early Parkinson's"
            found.append(Span(doc, i, i + 2, label="DISEASE", kb_id=self.names[words[i]]))
        if found:
            taken = {t for e in doc.ents for t in range(e.start, e.end)}
            doc.ents = list(doc.ents) + [f for f in found if not taken.intersection(range(f.start, f.end))]
        return doc


def with_apostrophe_variants(patterns: list[dict]) -> list[dict]:
    """Add the curly-apostrophe spelling of every phrase pattern ("Crohn's" -> "Crohn’s"):
    web text uses both, and phrase patterns match characters exactly."""
    out = list(patterns)
    for p in patterns:
        if isinstance(p["pattern"], str) and "'" in p["pattern"]:
            out.append({**p, "pattern": p["pattern"].replace("'", "\u2019")})
    return out


# conditions and treatments; not measures, targets or processes, whose lexicon entries
# keep the number they are written in ("liver enzymes" is a result, "the liver enzyme
# that breaks down ..." a mechanism)
_NUMBER_VARIANT_LABELS = frozenset({"DISEASE", "DRUG", "THERAPY", "FOOD", "BEHAVIOUR"})


def with_number_variants(patterns: list[dict]) -> list[dict]:
    """Add the other grammatical number of every phrase pattern of two or more words whose
    last word is a regular English noun ("dry eyes" -> "dry eye", "warm compress" -> "warm
    compresses"): articles use both, and phrase patterns match words exactly. One-word
    patterns are left alone, where the other form is often a verb ("falls", "fall")."""
    lemmas = english_lemma_lookup()
    plurals: dict[str, str] = {}
    for form, lemma in lemmas.items():
        if form != lemma and form in (lemma + "s", lemma + "es", lemma[:-1] + "ies"):
            plurals.setdefault(lemma, form)
    written = {p["pattern"].lower() for p in patterns if isinstance(p["pattern"], str)}
    out = list(patterns)
    for p in patterns:
        phrase = p["pattern"]
        if not isinstance(phrase, str) or " " not in phrase or p["label"] not in _NUMBER_VARIANT_LABELS:
            continue
        rest, last = phrase.rsplit(" ", 1)
        lemma = lemmas.get(last.lower(), last.lower())
        if lemma != last.lower() and plurals.get(lemma) == last.lower():
            other = lemma
        elif last.lower() in plurals and not last.isupper():
            other = plurals[last.lower()]
        else:
            continue
        variant = f"{rest} {other}"
        if variant.lower() not in written:
            written.add(variant.lower())
            out.append({**p, "pattern": variant})
    return out


def _is_subject_pronoun(doc: Doc, i: int) -> bool:
    """'we', 'they' ...; 'you' only where no verb comes right before it ('If you use', not
    'We gave you water tablets')."""
    word = doc[i].lower_
    if word not in SUBJECT_PRONOUNS:
        return False
    return word != "you" or i == 0 or not doc[i - 1].tag_.startswith("VB")


class EntityCompounds:
    """Entity spans a reviewer would name as one thing.

    - a drug followed by its form or use ("ketamine infusions", "omega-3 supplements",
      "LDN therapy") becomes one intervention span with the drug's label;
    - adjacent condition entities ("Fibromyalgia Pain", "PTSD symptoms") become one;
    - condition entities take their modifiers ("gestational diabetes"), and a condition
      head noun with modifiers is a condition ("Complex Regional Pain Syndrome");
    - a one-word condition used as a finite verb ("Falls Short") is dropped;
    - "drinking", "smoking" right before a drug or food is the act of taking it
      ("Drinking green tea" is one intervention);
    - a condition followed by a medicine noun names the medicines for it ("diabetes
      pills", "blood pressure tablets", "flu vaccine" are DRUG);
    - a drug's action on its target names a class of drugs ("SGLT2 inhibitors" are DRUG),
      except as a predicate ("acts as an opioid blocker" stays a mechanism);
    - a condition word inside a name is not a condition: a protein ("PD-L1"), a trial
      ("DAPA-CKD") or an organisation ("the Linfield Cancer Institute", "Cancer Research
      UK");
    - a treatment head noun with modifiers that no component tagged is a treatment
      ("water tablets", "a hormonal coil", "a high-calorie diet", "a cochlear implant");
      the bare head ("the tablets", "this device") stays an anaphor for the claim layer.
    """

    def __init__(self, name: str = "claimx_entity_compounds", *, forms: frozenset[str] = frozenset(),
                 modifiers: "ConditionModifiers | None" = None, heads: frozenset[str] = frozenset(),
                 drug_labels: frozenset[str] = frozenset({"CHEMICAL", "DRUG", "FOOD"}),
                 condition_labels: frozenset[str] = frozenset({"DISEASE", "OUTCOME"}),
                 medicine_nouns: frozenset[str] = frozenset(), organisation_heads: frozenset[str] = frozenset(),
                 known_conditions: frozenset[str] = frozenset(), treatment_heads: dict[str, str] | None = None,
                 generic_modifiers: frozenset[str] = frozenset()) -> None:
        self.name = name
        self.treatment_heads = treatment_heads or {}
        self.generic_modifiers = generic_modifiers
        self.medicine_nouns = medicine_nouns
        self.organisation_heads = organisation_heads
        self.known_conditions = known_conditions
        self.forms = forms
        self.modifiers = modifiers
        self.heads = heads
        self.drug_labels = drug_labels
        self.condition_labels = condition_labels

    def __call__(self, doc: Doc) -> Doc:
        ents = [self._as_drug_class(doc, self._as_medicine(doc, e)) for e in doc.ents
                if not self._is_free_of(doc, e) and not self._is_verb(e) and not self._in_name(doc, e)]
        # longest first where extended spans now overlap ("MS" inside "MS-related fatigue")
        words = lower_words(doc)
        ents = sorted(filter_spans([self._with_modifiers(doc, e) for e in ents] + self._headed_conditions(doc, words)),
                      key=lambda e: e.start)
        merged: list[Span] = []
        for ent in ents:
            prev = merged[-1] if merged else None
            if (prev is not None and prev.end == ent.start and len(prev) == 1
                    and prev[0].lower_ in CONSUMPTION_GERUNDS and ent.label_ in self.drug_labels):
                # "Drinking green tea", "smoking cannabis": the act of taking the intervention
                merged[-1] = Span(doc, prev.start, ent.end, label=ent.label_, kb_id=ent.kb_id_)
                continue
            if (prev is not None and prev.end == ent.start and prev.label_ in self.condition_labels
                    and ent.label_ == "FOOD"):
                continue  # "lice eggs", "worm eggs": the organism's, not a food
            if (prev is not None and prev.end + 1 == ent.start and doc[prev.end].text == "/"
                    and not doc[prev.end - 1].whitespace_ and not doc[prev.end].whitespace_
                    and prev.label_ in self.drug_labels and ent.label_ in self.drug_labels):
                # "sacubitril/valsartan", "budesonide/formoterol": one combination product
                merged[-1] = Span(doc, prev.start, ent.end, label=prev.label_, kb_id=prev.kb_id_)
                continue
            if (prev is not None and prev.end == ent.start and prev.label_ in self.condition_labels
                    and ent.label_ in self.condition_labels and not ent[0].tag_.startswith("VB")):
                # "PTSD symptoms"; not "people with heart failure" + "live longer" (a verb)
                merged[-1] = Span(doc, prev.start, ent.end, label=prev.label_, kb_id=prev.kb_id_ or ent.kb_id_)
                continue
            merged.append(ent)
        out: list[Span] = []
        for ent in merged:
            if out and ent.start < out[-1].end:
                continue
            prev = out[-1] if out else None
            if (prev is not None and prev.end == ent.start and prev.label_ in self.drug_labels | {"THERAPY"}
                    and all(t.lower_ in self.forms for t in ent)):
                # "ketamine" + "infusions" (a lexicon entity of its own) -> "ketamine infusions"
                out[-1] = Span(doc, prev.start, ent.end, label=prev.label_, kb_id=prev.kb_id_)
                continue
            end = ent.end
            if ent.label_ in self.drug_labels:
                while end < len(doc) and doc[end].lower_ in self.forms and not doc[end].ent_type_:
                    end += 1
            out.append(Span(doc, ent.start, end, label=ent.label_, kb_id=ent.kb_id_) if end > ent.end else ent)
        doc.ents = filter_spans(out + self._headed_treatments(doc, words, out))
        return doc

    def _headed_treatments(self, doc: Doc, words: list[str], ents: list[Span]) -> list[Span]:
        """'water tablets', 'the hormonal coil', 'a high-calorie diet', 'older insecticide
        lotions': modifiers before a treatment head noun, where no entity lies; a condition
        right before them names what the treatment is for ('pain management programmes').
        Lay text names most treatments this way, and the tagger often misreads such heads
        ('tablets' as a verb), so the head is known by its word and the modifiers by what
        they are not: function words, numbers, verbs and generic adjectives ('older',
        'small', 'new')."""
        if not self.treatment_heads:
            return []
        owner = {i: e for e in ents for i in range(e.start, e.end)}
        found = []
        for i, word in enumerate(words):
            label = self.treatment_heads.get(word)
            # the head is untagged, or a one-word therapy of its own ("knee replacement surgery")
            if label is None or (i in owner and (len(owner[i]) > 1 or owner[i].label_ != "THERAPY")):
                continue
            if i + 1 < len(doc) and doc[i + 1].tag_ in NOUN_TAGS and words[i + 1] not in self.treatment_heads \
                    and doc[i + 1].is_alpha and not doc[i + 1].is_stop:
                continue  # "diet drinks", "tablet form": the head noun comes later
            start = i
            while start > 0 and "\n" not in doc[start - 1].whitespace_:
                word_start = glued_start(doc, start - 1)
                piece = doc[word_start:start]
                if any(t.i in owner for t in piece) or not self._treatment_modifier(piece):
                    break
                if word_start > 0 and _is_subject_pronoun(doc, word_start - 1):
                    break  # "If you use drops ...": after a subject pronoun the word is its verb
                if doc[i].dep_ == "dobj" and doc[i].head.i == word_start:
                    break  # "Evidence comparing excision with ...": a verb with the head as object
                start = word_start
            before = owner.get(start - 1)
            if (before is not None and before.end == start and before.label_ in self.condition_labels
                    and "\n" not in doc[start - 1].whitespace_):
                start = before.start  # "pain management programmes", "acne cream": treatments for it
            if start < i and doc[i].is_title and start > 0 and doc[start - 1].is_lower and doc[start - 1].is_alpha:
                continue  # "registered at Oak Lane Surgery": a capitalised name in running text
            if start < i:
                found.append(Span(doc, start, i + 1, label=label, kb_id=TREATMENT_HEAD_PATTERN))
        return found

    def _treatment_modifier(self, word: Span) -> bool:
        """A word that can name a kind of treatment: 'water', 'hormonal', 'high-calorie',
        'progestogen-only', 'feeding'; not 'the', 'two', 'your', 'older', 'takes'."""
        if len(word) > 1:  # a hyphenated word: judged by its alphabetic pieces
            return all(t.is_alpha or t.text == "-" for t in word) and word[0].is_alpha
        token = word[0]
        return (token.is_alpha and not token.is_stop and token.lower_ not in self.generic_modifiers
                and token.tag_ not in NOT_MODIFIER_TAGS and token.lower_ not in self.treatment_heads)

    def _is_verb(self, ent: Span) -> bool:
        """'Vitamin D *Falls* Short', 'the review *stresses* that': a one-word condition
        name that the tagger reads as a finite verb with a subject is the verb."""
        word = ent[0]
        if len(ent) == 1 and ent.label_ == "BEHAVIOUR" and word.tag_ == "VBG":
            # "The institute is now running a pilot trial": an activity's name used as
            # the verb of a progressive with an object is no activity
            return (any(c.dep_ == "aux" and c.lower_ in FORMS_OF_BE for c in word.children)
                    and any(c.dep_ == "dobj" for c in word.children))
        if len(ent) != 1 or ent.label_ not in self.condition_labels:
            return False
        # a subject pronoun right before the word makes it a verb, whatever the tagger
        # says ("I stress that this is a hypothesis", "we worry"): no noun follows "I" or "they"
        if word.i > 0 and word.doc[word.i - 1].lower_ in _SUBJECT_PRONOUNS:
            return True
        # the tagger alone also reads nouns as verbs ("pain" VBP); the parse must agree
        return word.tag_ in FINITE_VERB_TAGS and any(child.dep_ in ("nsubj", "nsubjpass") for child in word.children)

    def _as_drug_class(self, doc: Doc, ent: Span) -> Span:
        """'SGLT2 inhibitors slow kidney disease', 'those taking a DPP-4 inhibitor', 'than
        the TNF inhibitors': a name of what a drug does to its target names the class of
        drugs, except as a predicate, which says how a drug works ('acts as an opioid
        blocker', 'is a partial agonist')."""
        if ent.kb_id_ != DRUG_ACTION_PATTERN:
            return ent
        before = [t.lower_ for t in doc[max(0, ent.start - 2):ent.start]]
        if before[-1:] in (["as"], ["are"], ["were"]) or (
                before[-1:] in (["a"], ["an"]) and before[:1] in (["as"], ["is"], ["was"], ["be"])):
            return ent
        return Span(doc, ent.start, ent.end, label="DRUG")

    def _as_medicine(self, doc: Doc, ent: Span) -> Span:
        """'Diabetes pills', 'blood pressure tablets': the medicines for a condition;
        'IL-17 drugs', 'TNF medicines': the medicines that act on a target."""
        nouns = self.medicine_nouns if ent.label_ in self.condition_labels else TARGET_MEDICINE_NOUNS
        if (ent.label_ in self.condition_labels | MEDICINE_TARGET_LABELS and ent.end < len(doc)
                and doc[ent.end].lower_ in nouns and not doc[ent.end].ent_type_):
            return Span(doc, ent.start, ent.end + 1, label="DRUG")
        return ent

    def _in_name(self, doc: Doc, ent: Span) -> bool:
        """A condition word that is part of a name: 'PD-L1' (a protein), 'DAPA-CKD' (a
        trial: an unknown all-capitals word hyphenated to it), 'the Linfield Cancer
        Institute' (a capitalised run ending in an organisation word)."""
        if ent.label_ not in self.condition_labels:
            return False
        lo, hi = glued_start(doc, ent.start), ent.end
        while hi < len(doc) and not doc[hi - 1].whitespace_ and (doc[hi].text == "-" or doc[hi - 1].text == "-"):
            hi += 1
        pieces = [t for t in doc[lo:hi] if t.text != "-"]
        if len(pieces) > len(ent) or lo < ent.start:
            if ent.text.isupper() and any(PROTEIN_NUMBER.fullmatch(t.text) for t in doc[ent.end:hi]):
                return True  # "PD-L1", "IL-5"
            if all(t.is_upper or t.is_digit for t in pieces) and any(
                    t.is_alpha and len(t) >= 4 and t.lower_ not in self.known_conditions
                    for t in pieces if not ent.start <= t.i < ent.end):
                return True  # "DAPA-CKD", "KESTREL-CKD"; not "HIV-AIDS"
        if not all(t.is_title or t.is_upper for t in ent if t.is_alpha):
            return False
        end = ent.end
        while end < len(doc) and end < ent.end + 3 and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha:
            if doc[end].lower_ in self.organisation_heads:
                return True
            end += 1
        return False

    def _is_free_of(self, doc: Doc, ent: Span) -> bool:
        """'disease-free survival', 'drug-free': the entity names what is absent."""
        return (ent.end + 1 < len(doc) and doc[ent.end].text == "-" and not doc[ent.end - 1].whitespace_
                and not doc[ent.end].whitespace_ and doc[ent.end + 1].lower_ in ("free", "naive", "naïve"))

    def _headed_conditions(self, doc: Doc, words: list[str]) -> list[Span]:
        """'Complex Regional Pain Syndrome', 'social anxiety disorder': modifiers before a
        condition head noun that no lexicon knew as a whole."""
        if self.modifiers is None or not self.heads:
            return []
        found = []
        for i, word in enumerate(words):
            if word in self.heads and not doc[i].ent_type_:
                start = self._modifiers_before(doc, i, max_words=3)
                if start < i:
                    found.append(Span(doc, start, i + 1, label="DISEASE"))
        return found

    def _with_modifiers(self, doc: Doc, ent: Span) -> Span:
        """'gestational' + 'diabetes' -> 'gestational diabetes'; 'treatment-resistant'."""
        if ent.label_ not in self.condition_labels:
            start = glued_start(doc, ent.start)  # "5-HT2A receptor", "SSRI-resistant"
        elif self.modifiers is None:
            return ent
        else:
            start = self._modifiers_before(doc, ent.start, max_words=4)
        return ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_)

    def _modifiers_before(self, doc: Doc, i: int, *, max_words: int) -> int:
        """Start of the run of condition modifiers that ends before token i. A hyphenated
        word ("treatment-resistant", "MS-related") counts as one word: the tokenizer splits
        it, so its pieces are judged together."""
        start = glued_start(doc, i)
        if doc[start].lower_ in ("anti", "non", "pro") and start < i:
            start = i  # "anti-seizure" is against seizures, not a kind of seizure
        for _ in range(max_words):
            if start == 0:
                break
            word_start = glued_start(doc, start - 1)
            if "\n" in doc[start - 1].whitespace_:
                break
            inner = {t.ent_type_ for t in doc[word_start:start]} - {""}
            # an entity may sit inside a hyphenated modifier only if it is a condition too
            # ("MS-related fatigue"), never a drug ("aspirin-induced asthma" stays a claim)
            if inner and (start - word_start == 1 or not inner <= self.condition_labels):
                break
            word = doc[word_start:start]
            if not (self.modifiers.is_modifier(word[0]) if len(word) == 1 else self.modifiers.is_modifier_text(word.text)):
                break
            start = word_start
        return start


NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# the tagger, trained on scientific text, misreads "you use", "who hate" in lay text as two nouns
SUBJECT_PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she", "who"})
# function words, numbers and finite verbs end a treatment's modifiers
NOT_MODIFIER_TAGS = frozenset({"DT", "PDT", "PRP", "PRP$", "WP", "WP$", "WDT", "CD", "IN", "CC", "MD", "TO", "POS",
                               "RB", "RBR", "RBS", "JJR", "JJS", "VBD", "VBZ", "VBP", "VB", "EX", "UH"})


class ConditionModifiers:
    """Words that narrow a condition ("chronic", "gestational", "treatment-resistant",
    "alcohol" in "alcohol dependence"): by adjective suffix, hyphenation or a word list."""

    def __init__(self, regex: str, words: list[str], excluded: list[str]) -> None:
        self.regex = re.compile(regex)
        self.words = frozenset(words)
        self.excluded = frozenset(excluded)

    def is_modifier(self, token: Token) -> bool:
        if token.is_stop:
            return False
        return self.is_modifier_text(token.text)

    def is_modifier_text(self, text: str) -> bool:
        lower = text.lower()
        if lower in self.excluded or not text[:1].isalpha():
            return False
        return lower in self.words or bool(self.regex.match(lower))


class AbbreviationEntities:
    """Give every occurrence of a short form the label of its long form.

    scispacy's AbbreviationDetector finds "Post-Traumatic Stress Disorder (PTSD)";
    this labels the later bare "PTSD" (and "KAP", "SUDs") even when no lexicon knows it.
    """

    def __init__(self, name: str = "claimx_abbreviation_entities") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        abbreviations = getattr(doc._, "abbreviations", None) or []
        if not abbreviations:
            return doc
        label_of_long: dict[str, str] = {}
        ents = list(doc.ents)  # each access of doc.ents builds every Span anew
        for abrv in abbreviations:
            long_form = abrv._.long_form
            for ent in ents:
                if ent.start < long_form.end and long_form.start < ent.end:
                    # the entity that best covers the long form gives the label
                    if ent.end - ent.start >= (long_form.end - long_form.start) // 2:
                        label_of_long[abrv.text] = ent.label_
        if not label_of_long:
            return doc
        new = [Span(doc, a.start, a.end, label=label_of_long[a.text])
               for a in abbreviations if a.text in label_of_long]
        # Short forms win over partial matches of other rules; existing entities elsewhere stay.
        doc.ents = filter_spans(new + ents)
        return doc


# labels whose one-word names also label their plural or singular form elsewhere in the text
NUMBER_VARIANT_LABELS: frozenset[str] = frozenset({"CHEMICAL", "DRUG"})


class EntityConsistency:
    """Label the other occurrences of an entity's words in the same document alike.

    An article names its drug and its condition many times; the trained NER may catch
    "zolpidem" in one sentence and miss it in the next. Every untagged occurrence of
    an entity's exact words (case-insensitive) gets that entity's label, unless the
    document gives the same words two labels; a one-word drug name labels its plural or
    singular too ("a macrogol laxative" ... "Macrogols are not addictive"). Strings
    shorter than `min_chars` are left alone: short forms are ambiguous, and their own
    component labels them.
    Measured on BC5CDR dev (gazetteer from train only): exact-span F1 83.80 -> 84.42.
    """

    def __init__(self, name: str = "claimx_entity_consistency", *, min_chars: int = 5) -> None:
        self.name = name
        self.min_chars = min_chars

    def __call__(self, doc: Doc) -> Doc:
        # (label, id) pairs per name in the order the text first gives them (a dict as an
        # ordered set): the id kept below is the first one, whatever the hash seed
        labels: dict[tuple[str, ...], dict[tuple[str, str], None]] = {}
        ents = list(doc.ents)
        lower = lower_words(doc)
        for ent in ents:
            text = ent.text  # Span.text builds a Token per word: read once
            if len(text) >= self.min_chars and any(c.isalpha() for c in text):
                labels.setdefault(tuple(lower[ent.start:ent.end]), {})[(ent.label_, ent.kb_id_)] = None
        for words, found in list(labels.items()):
            # "macrogol" / "Macrogols": a drug's name in the plural (or singular) is the same drug
            if len(words) == 1 and words[0].isalpha() and {label for label, _ in found} <= NUMBER_VARIANT_LABELS:
                word = words[0]
                variant = word[:-1] if word.endswith("s") else word + "s"
                if len(variant) >= self.min_chars:
                    labels.setdefault((variant,), {}).update(found)
        by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for words, found in labels.items():
            if len({label for label, _ in found}) == 1:
                label, kb_id = max(found, key=lambda f: bool(f[1]))  # the first with an id
                by_first.setdefault(words[0], []).append((words, label, kb_id))
        if not by_first:
            return doc
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        new = []
        for i, word in enumerate(lower):
            for words, label, kb_id in by_first.get(word, ()):
                end = i + len(words)
                if tuple(lower[i:end]) == words and not taken.intersection(range(i, end)):
                    new.append(Span(doc, i, end, label=label, kb_id=kb_id))
        if new:
            doc.ents = ents + filter_spans(new)
        return doc


# how many words a component remembers a regex's verdict for before it starts afresh
MAX_REMEMBERED_WORDS = 100_000


class DrugNameStems:
    """Untagged words that end in a drug-name stem ("-olol", "-pril", "-fentanil",
    "-cillin", ... after the WHO INN stem list) are CHEMICAL: "dexmedetomidine",
    "carteolol" and "cabergoline" are drugs whether or not a lexicon knows them.
    So is an experimental drug's research code where the text introduces one ("a
    compound called TRM-41", "the drug LY3002813") or gives its dose form ("DRM-417
    gel"); without that cue "IL-17", "SF-36" and "ICD-10" look alike; later bare mentions
    are labelled by the consistency component), and so is any word a drug noun introduces
    by name ("a drug called tofersen"). A noun of anti- and what it acts against ("anticoagulants",
    `class_nouns`) is a drug class, DRUG; a word with a procedure's ending
    ("trabeculectomy", "angioplasty", `procedure_endings`) is a THERAPY. Only fills gaps:
    entities found by the NER or the lexicons stay as they are.
    Measured on BC5CDR dev (gazetteer from train only): exact-span F1 84.42 -> 84.84.
    """

    def __init__(self, name: str = "claimx_drug_stems", *, stems: Iterable[str], min_chars: int = 7,
                 class_nouns: str = "", procedure_endings: Iterable[str] = ()) -> None:
        self.name = name
        self.min_chars = min_chars
        endings = "|".join(sorted(procedure_endings, key=len, reverse=True))
        self.procedures = re.compile(r"^[a-z]{3,}(?:%s)$" % endings) if endings else None
        # a plural names a drug's class, or the stem alone does: "sartans", "gepants", "gliptins"
        alternatives = "|".join(sorted(stems, key=len, reverse=True))
        self.pattern = re.compile(r"^(?:[a-z]{3,}(?:%s)s?|(?:%s)s)$" % (alternatives, alternatives))
        self.class_nouns = re.compile(class_nouns) if class_nouns else None
        # word -> does `pattern` match it (see `_has_drug_stem`)
        self._stem_matches: dict[str, bool] = {}

    def __call__(self, doc: Doc) -> Doc:
        words = lower_words(doc)
        return _fill_gaps(doc, words, self._label)

    def _label(self, doc: Doc, words: list[str], i: int) -> str | None:
        # string tests first: a Token object is built only for the few candidates
        word = words[i]
        if len(word) >= self.min_chars and self._has_drug_stem(word):
            return "CHEMICAL" if doc[i].is_lower or doc[i].is_title else None
        introduced = i > 0 and words[i - 1] in RESEARCH_CODE_CUES
        # ... or a dose form after it ("DRM-417 gel", "ABC-123 tablets"): a code names a
        # product only so; "IL-17 drugs" and "SF-36 scores" name a target and a questionnaire
        in_dose_form = i + 1 < len(words) and words[i + 1] in DOSAGE_FORMS
        if (introduced or in_dose_form) and RESEARCH_CODE.match(doc[i].text):
            return "CHEMICAL"
        if i > 1 and words[i - 1] in NAMING_WORDS and words[i - 2] in DRUG_NOUNS and doc[i].is_alpha \
                and not doc[i].is_stop and len(word) > 3:
            return "CHEMICAL"  # "a drug called tofersen", "a medicine named Xyzal"
        if self.class_nouns is not None and self.class_nouns.match(word) and self._is_class_noun(doc[i]):
            return "DRUG"
        if self.procedures is not None and len(word) >= self.min_chars and self.procedures.match(word) \
                and (doc[i].is_lower or (doc[i].is_title and doc[i].is_sent_start)):
            return "THERAPY"
        return None

    def _has_drug_stem(self, word: str) -> bool:
        """Does `pattern` match the word? Remembered per word: the pattern tries its 160-odd
        stems at every split of a word, which was most of this component's time, and the
        same long words recur in every document (5,900 distinct in 39,000 on 537 abstracts)."""
        matches = self._stem_matches.get(word)
        if matches is None:
            if len(self._stem_matches) >= MAX_REMEMBERED_WORDS:
                self._stem_matches.clear()  # a long run's vocabulary keeps growing
            matches = self._stem_matches[word] = self.pattern.match(word) is not None
        return matches

    @staticmethod
    def _is_class_noun(token: Token) -> bool:
        """'anticoagulants', 'an antiemetic', 'anticholinergics': a word of the class-noun
        pattern (anti- and what the medicine acts against) names a class of medicines when
        it is a noun; the adjective ('antisocial behaviour') does not."""
        return token.tag_ in ("NN", "NNS", "NNP", "NNPS", "") and (token.is_lower or token.is_title)


class DiseaseNameSuffixes:
    """Untagged words with a disease name's ending ("-itis", "-osis", "-algia",
    "-opathy", "-aemia", "-oma", and "-ness" for bodily states) are DISEASE:
    "endometriosis", "tendinitis", "neuropathy" and "unsteadiness" are conditions whether
    or not the NER or a lexicon knows them, as drug-name stems make unknown drugs
    CHEMICAL. Only fills gaps; the nouns the parser joins to the word come with it
    ("decompression sickness")."""

    def __init__(self, name: str = "claimx_disease_suffixes", *, suffixes: Iterable[str], min_chars: int = 7,
                 not_diseases: Iterable[str] = ()) -> None:
        self.name = name
        self.min_chars = min_chars
        self.pattern = re.compile(r"^[a-z]{3,}(?:%s)$" % "|".join(sorted(suffixes, key=len, reverse=True)))
        self.not_diseases = frozenset(not_diseases)

    def __call__(self, doc: Doc) -> Doc:
        earlier = {(e.start, e.end) for e in doc.ents}
        doc = _fill_gaps(doc, lower_words(doc), self._label)
        if len(doc.ents) == len(earlier) or not doc.has_annotation("DEP"):
            return doc  # no new word, or no parse to join its nouns by
        # the nouns that name the kind go with the word ("decompression sickness", "morning
        # sickness", "contact dermatitis"), as the parser joins them
        ents = []
        for e in doc.ents:
            start = e.start
            if (e.start, e.end) not in earlier:
                while (start > 0 and doc[start - 1].dep_ == "compound" and e.start <= doc[start - 1].head.i < e.end
                       and doc[start - 1].tag_ in ("NN", "NNS") and doc[start - 1].is_lower
                       and not doc[start - 1].ent_type and not doc[start - 1].is_stop
                       and not (start > 1 and doc[start - 2].tag_ in _SUBJECT_TAGS)):
                    start -= 1  # not "your unsteadiness", "which target redness" (a verb)
            ents.append(e if start == e.start else Span(doc, start, e.end, label=e.label_))
        doc.ents = ents
        return doc

    def _label(self, doc: Doc, words: list[str], i: int) -> str | None:
        word = words[i]
        if (len(word) >= self.min_chars and self.pattern.match(word) and word not in self.not_diseases
                and (doc[i].is_lower or (doc[i].is_title and doc[i].is_sent_start))  # not "Oklahoma"
                and not (i > 1 and words[i - 1] == "-" and words[i - 2] in _AGAINST_PREFIXES)):
            return "DISEASE"  # not "anti-sickness medicines"
        return None


def _fill_gaps(doc: Doc, words: list[str], label_of) -> Doc:
    """Add a one-word entity wherever `label_of(doc, words, i)` names a label for a word
    that no earlier component tagged (the word-shape rules: drug stems, disease endings)."""
    ents = list(doc.ents)
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    new = []
    for i in range(len(words)):
        label = None if i in taken else label_of(doc, words, i)
        if label is not None:
            new.append(Span(doc, i, i + 1, label=label))
    if new:
        doc.ents = ents + new
    return doc


BRAND_SPAN_KEY = "brand_names"
# words that introduce a drug's brand name after its generic name
BRAND_CUES: tuple[tuple[str, ...], ...] = (
    ("sold", "as"), ("marketed", "as"), ("sold", "under", "the", "name"), ("brand", "name"),
    ("brand", "names"), ("trade", "name"), ("known", "by", "the", "brand", "name"))
BRAND_CUE_STARTS = frozenset(cue[0] for cue in BRAND_CUES)
_AGENT_ENDINGS = ("ist", "ists", "ian", "ians", "er", "ers", "or", "ors")  # kinesiologist, dietitian, trainer
_MIN_COINED_CHARS = 6  # "(Sudafed)": short bracketed words are more often codes or units

TRADEMARK_SIGNS = frozenset({"®", "™"})


class BrandNames:
    """A drug's brand name written beside its generic name is the same drug:
    "pseudoephedrine (Sudafed)", "Ozempic (semaglutide)", "semaglutide, sold as Ozempic
    and Wegovy". The brand becomes an entity with the generic's label (so its later bare
    mentions are found by the consistency component), and `doc.spans["brand_names"]`
    holds each brand mention with the generic's text as its label: the claim layer
    groups the brand's claims under the generic name, as it does a short form's under its
    long form. scispacy's abbreviation detector cannot pair them: a brand shares no
    letters with its generic.

    A brand is one capitalised word ("Sudafed", "Kwells"; not all upper case: "(CBD)" is
    a short form) that no other entity covers. A one-word name the drug dictionary knows
    as another name of a medicine (`known_brands`: lower-cased brand, foreign or older
    name -> generic) is paired with that generic wherever it stands ("The drug, sold as
    Jardiance, ...", "Zyban", "paracetamol" -> acetaminophen).
    """

    def __init__(self, name: str = "claimx_brand_names", *, drug_labels: Iterable[str] = ("CHEMICAL", "DRUG"),
                 known_brands: dict[str, str] | None = None, generic_names: Iterable[str] = ()) -> None:
        self.name = name
        self.drug_labels = frozenset(drug_labels)
        self.known_brands = known_brands or {}
        self.generic_names = frozenset(generic_names)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        coined = self._coined_generics(doc, ents)
        if coined:
            # "Aerivanta (sotatercept)": a generic name no list knows yet, beside its brand
            doc.ents = ents = ents + coined
        drugs = [e for e in ents if e.label_ in self.drug_labels]
        if not drugs:
            return doc
        # A brand is a proper name: capitalised wherever it stands. "Rapamycin" at the start
        # of a sentence is the drug the article elsewhere writes "rapamycin", not a brand.
        known = [e for e in drugs if len(e) == 1 and self._is_brand(e[0]) and e.text.lower() in self.known_brands]
        if known:
            lower_case = {t.text for t in doc if t.is_lower}
            known = [Span(doc, e.start, e.end, label=self.known_brands[e.text.lower()]) for e in known
                     if e.text.lower() not in lower_case]
        by_start = {e.start: e for e in ents}
        by_end = {e.end: e for e in ents}
        pairs: list[tuple[int, Span]] = []  # (brand token, generic entity)
        for ent in drugs:
            # "pseudoephedrine (Sudafed)"
            i = ent.end
            if i + 2 < len(doc) and doc[i].text == "(" and self._closes(doc, i + 2):
                pairs.append((i + 1, ent))
            # "Ozempic (semaglutide)"
            if ent.start >= 2 and doc[ent.start - 1].text == "(" and ent.end < len(doc) and doc[ent.end].text == ")":
                pairs.append((ent.start - 2, ent))
            # "semaglutide, sold as Ozempic and Wegovy"
            pairs += [(j, ent) for j in self._after_cue(doc, ent)]
        nearest: dict[int, Span] = {}  # a brand belongs to the generic nearest to it
        for j, generic in pairs:
            if j not in nearest or abs(generic.start - j) < abs(nearest[j].start - j):
                nearest[j] = generic
        new, brands = [], []
        for j, generic in sorted(nearest.items()):
            token = doc[j]
            if not self._is_brand(token) or token.lower_ == generic.text.lower() or token.lower_ in self.generic_names:
                continue  # "Pseudoephedrine (Sudafed)": a generic name is never the brand
            other = by_start.get(j)
            if other is not None and (other.end != j + 1 or other.label_ not in self.drug_labels):
                continue
            if other is None and by_end.get(j + 1) is not None:
                continue
            brands.append(Span(doc, j, j + 1, label=generic.text))
            if other is None:
                new.append(Span(doc, j, j + 1, label=generic.label_))
        if new:
            doc.ents = ents + filter_spans(new)
        paired = {b.start for b in brands}
        brands += [b for b in known if b.start not in paired]
        if brands:
            doc.spans[BRAND_SPAN_KEY] = sorted(brands, key=lambda b: b.start)
        return doc

    def _coined_generics(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """'Aerivanta (sotatercept)', 'velapixant (Coughex)': a capitalised name and a
        lower-case one, one in brackets after the other, neither an English word (spaCy's
        lemma table) nor part of an entity, is a brand and its generic name: the lower-case
        one becomes a CHEMICAL, which the brand then joins as usual. A new medicine's names
        reach press releases and news before they reach any dictionary. Not a person's
        name and trade ("Sarah Jones (kinesiologist)"): the brand stands alone, not after
        another capitalised word, and the generic is no noun of a person."""
        brackets = (doc.to_array(ORTH) == doc.vocab.strings["("]).nonzero()[0].tolist()  # not a Token per word
        if not brackets:
            return []
        covered = {i for e in ents for i in range(e.start, e.end)}
        found = []
        for i in brackets:
            if not 0 < i < len(doc) - 2 or not self._closes(doc, i + 2):
                continue
            before, inside = doc[i - 1], doc[i + 1]
            for generic, brand in ((inside, before), (before, inside)):
                if (generic.is_lower and generic.is_alpha and len(generic) >= _MIN_COINED_CHARS
                        and self._is_brand(brand) and not {generic.i, brand.i} & covered
                        and not generic.lower_.endswith(_AGENT_ENDINGS)
                        and not (brand.i > 0 and doc[brand.i - 1].is_title and not doc[brand.i - 1].is_sent_start)
                        and english_words().isdisjoint((generic.lower_, brand.lower_))):
                    found.append(Span(doc, generic.i, generic.i + 1, label="CHEMICAL"))
                    covered.add(generic.i)
        return found

    def _closes(self, doc: Doc, i: int) -> bool:
        """")" at i, or a trademark sign and then ")"."""
        return doc[i].text == ")" or (doc[i].text in TRADEMARK_SIGNS and i + 1 < len(doc) and doc[i + 1].text == ")")

    def _after_cue(self, doc: Doc, ent: Span) -> list[int]:
        """Brand tokens after "sold as" / "brand name" following the generic in its
        sentence ("Semaglutide, the weekly GLP-1 drug sold as Ozempic and Wegovy")."""
        words = []
        for token in doc[ent.end:min(len(doc), ent.end + 12)]:
            if token.is_sent_start:
                break
            words.append(token.lower_)
        if BRAND_CUE_STARTS.isdisjoint(words):
            return []  # the usual case: no cue near this drug
        sent_end = ent.end + len(words)
        for cue in BRAND_CUES:
            for k in range(len(words) - len(cue) + 1):
                if tuple(words[k:k + len(cue)]) == cue:
                    j = ent.end + k + len(cue)
                    found = []
                    while j < sent_end and self._is_brand(doc[j]):
                        found.append(j)
                        if j + 2 < sent_end and doc[j + 1].lower_ in ("and", "or", ","):
                            j += 2
                        else:
                            break
                    return found
        return []

    @staticmethod
    def _is_brand(token: Token) -> bool:
        return token.is_alpha and token.is_title and len(token) >= 3
