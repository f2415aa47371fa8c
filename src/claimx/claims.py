"""Claims: (intervention, condition) pairs that a sentence links, with their evidence.

`ClaimExtractor` (factory `claimx_claims`) reads the entity layer and the hedge cues and
writes `doc._.claims`, a list of `Claim`s. The rules (resources/claim_rules.json) are
general patterns of English and of the domain:

- interventions are CHEMICAL/DRUG/THERAPY/FOOD/BEHAVIOUR entities, or anaphors ("it",
  "its", "the drug") resolved to the passage's intervention ("they" to the class or pair
  the paragraph named last); of several, the first and
  those coordinated with it ("SSRIs and CBT"), not comparators ("better than placebo"),
  adjuncts ("during concurrent psychotherapy") or generic care ("standard treatments");
- conditions are DISEASE/OUTCOME entities, adjectives of therapeutic action before a
  property noun ("antidepressant effects" -> depression), coordinated heads ("alcohol
  and opioid dependence"), anaphors ("this disorder") resolved to the section heading's
  condition, the object of a verb of effect after the treatment ("they reduce redness"),
  or, for a sentence that names none, the heading's (or, when it speaks of
  "most patients", the paragraph's) condition, and for a treatment's mechanism or a bare
  "X helped" the disease the article is about; a population ("in women with PCOS") and a
  comparison ("less robust than for depression") are not the claim's condition;
- a sentence holds a claim only when a claim cue (a causal, correlational or mechanistic
  word, an adjective of action, a mechanism named under a condition heading) occurs in
  it; a heading naming a condition in an article about an intervention is itself a
  claim ("Alleviating PTSD");
- the hedge level comes from `hedge.assess_hedge` with the claim's words as anchors.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .hedge import (CONDITION_ENTITY_LABELS, CONTRAST_WORDS, HEDGE_KINDS, SPAN_KEY as HEDGE_SPAN_KEY, assess_hedge,
                    inflections)
from .mechanisms import MECHANISM_LABELS, MechanismPhrase, MechanismPhrases
from .ner import (BRAND_SPAN_KEY, DOSAGE_FORMS, FINITE_VERB_TAGS, FORMS_OF_BE, NAMING_WORDS, NOUN_TAGS,
                  TREATMENT_HEAD_PATTERN)
from .resources import english_lemma_lookup, read_json, read_jsonl
from .segment import SECTION_SEPARATOR
from .tokens import doc_text, entity_types, in_hyphenated_word, lower_words

INTERVENTION_LABELS: frozenset[str] = frozenset({"CHEMICAL", "DRUG", "THERAPY", "FOOD", "BEHAVIOUR"})
DRUG_LABELS: frozenset[str] = frozenset({"CHEMICAL", "DRUG"})
# a gerund phrase intervention runs to the first finite verb within this many tokens
MAX_GERUND_PHRASE = 18
# OUTCOME: health outcomes the guide counts as conditions ("blood sugar", "mortality").
CONDITION_LABELS: frozenset[str] = CONDITION_ENTITY_LABELS
# Words after which a new clause, with its own subject, begins.
CLAUSE_OPENERS: frozenset[str] = CONTRAST_WORDS | {";"}
# negations that deny only what follows them in the clause
RIGHTWARD_NEGATIONS: frozenset[str] = frozenset({"without"})
RULES_FILE = "claim_rules.json"
EVIDENCE_FILE = "evidence_cues.jsonl"


@dataclass(frozen=True, slots=True)
class Mention:
    text: str  # surface text, or "" when implicit
    norm: str  # long form / lexicon form used for grouping
    label: str
    start: int = -1  # token offsets in the doc, -1 when implicit
    end: int = -1
    start_char: int = -1
    end_char: int = -1
    kb_id: str = ""
    implicit: bool = False
    # entity | anaphor ("its", "this disorder") | adjective ("antidepressant effects")
    # | heading (the section's condition) | paragraph (the paragraph's condition)
    # | coordination ("alcohol and opioid dependence")
    # | object (what a verb of effect acts on: "they reduce redness")
    # | subject (what acts, no lexicon naming it: "Short hair doesn't protect against lice")
    # | taken (what a clause of taking names: "after starting Kaftrio")
    # | behaviour (a group's act: "children who bite their nails") | context (implicit)
    kind: str = "entity"

    @property
    def display(self) -> str:
        """What a reviewer reads in the CSV: the text as written for entities, the
        resolved name for anaphors, adjectives and context."""
        return self.text if self.kind in ("entity",) and self.text else self.norm


@dataclass(frozen=True, slots=True)
class Claim:
    sentence_index: int
    start_char: int
    end_char: int
    sentence: str
    section: str
    intervention: Mention
    condition: Mention
    relation: str
    mechanism: tuple[str, ...]
    hedge_level: str
    hedge_cues: tuple[str, ...]
    negated: bool
    negation_cues: tuple[str, ...]
    evidence: tuple[str, ...]
    trigger: str
    is_heading: bool = False

    @property
    def implicit(self) -> bool:
        return self.intervention.implicit or self.condition.implicit


Cue = tuple[str, int, int]  # (kind, start token, end token); an empty span is a cue the context supplies


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What the article around one sentence supplies to its claims: gathered once per
    sentence by `ClaimExtractor._annotate`, read by `ClaimExtractor._sentence_claims`."""
    sent: Span
    index: int  # the sentence's number in the document
    section: Span | None  # its innermost section
    is_heading: bool
    ents: list[Span]  # its entities
    cues: list[Cue]  # its claim cues, with those its context supplies (a side-effects heading)
    evidence: list[Cue]  # the document's evidence-stage cues
    long_forms: dict[str, str]  # the document's short forms -> long forms
    passage: Mention | None  # the passage's treatment: what "the drug" names
    pronoun_passage: Mention | None  # its last singular treatment: what "it" names
    article_main: Mention | None  # the article's (or a heading's item's) main treatment
    heading_condition: Mention | None  # the condition its section's heading names
    outer_topic: Mention | None  # the condition of an enclosing heading or the title
    group: list[Mention]  # what "all three" or "both" name
    row_subject: Mention | None  # a table cell's row treatment
    lead_in: tuple[list[Mention], str] | None  # a list item's lead-in: its conditions and claim cue kind
    frame: list[Span]  # the hedge cues of a list item's lead-in that frames it ("Parents told us that:")
    behaviours: list[tuple[Mention, Mention, int]]  # groups defined by an act (act, outcome, comparative)


@dataclass(slots=True)
class ArticleState:
    """What `ClaimExtractor` has read of the document it is annotating: created by its
    `__call__` for each document and dropped when the document is done, so that the
    component keeps nothing from one document to the next. `_annotate` fills in the
    fields after `text` before it reads the first sentence; the caches fill as they are
    read."""
    # the doc's lower-cased words and entity types as plain lists, read by the sentence
    # scans (indexing a Doc builds a Token object each time), and its text (Doc.text
    # joins every token on each access)
    lower: list[str] = field(default_factory=list)
    ent_type: list[str] = field(default_factory=list)
    text: str = ""
    # its diseases in text order: what "the disease" names when no heading says
    diseases: list[Mention] = field(default_factory=list)
    disease: Mention | None = None  # the disease the article is about
    drug: Mention | None = None  # the drug "the drug" names
    described: set[int] = field(default_factory=set)  # starts of lay descriptions built on a treatment noun
    symptoms: dict[int, tuple[int, str]] = field(default_factory=dict)  # see `_find_symptoms`
    cue_starts: set[int] = field(default_factory=set)  # where the claim cues start
    arm_starts: set[int] = field(default_factory=set)  # treatments that name a trial group ("those taking X")
    side_effects_named_at: dict[int, int | None] = field(default_factory=dict)  # by paragraph start
    cue_phrase_tokens: set[int] = field(default_factory=set)  # the tokens of hedge cues of several words
    # topics set against another (comparators and "unlike X") and topics only acted on:
    # judged once per mention for `_passage_intervention`
    comparator_starts: set[int] = field(default_factory=set)
    no_antecedent_starts: set[int] = field(default_factory=set)
    acted_on_starts: set[int] = field(default_factory=set)
    hedge_cues_by_sentence: dict[int, list[Span]] = field(default_factory=dict)  # by sentence start
    measured_change_in: dict[tuple[int, int], bool] = field(default_factory=dict)  # by span, see `_measured_change`
    # caches: each entity's Mention (see `_mention`) and the name bases of each list of
    # names counted (see `_cached_name_bases`)
    mentions: dict[tuple[int, int, int, int], Mention] = field(default_factory=dict)
    name_bases_by_names: dict[tuple[str, ...], dict[str, str]] = field(default_factory=dict)


class ClaimExtractor:
    def __init__(self, nlp, name: str = "claimx_claims") -> None:
        self.name = name
        rules = read_json(RULES_FILE)
        self.rules = rules
        self.cue_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind, phrases in rules["cues"].items():
            forms = set(phrases)
            if kind == "causal_verbs":
                forms = {f for p in phrases for f in inflections(p)}
                self.causal_verb_forms = frozenset(forms)
            self.cue_matcher.add(kind, list(nlp.tokenizer.pipe(sorted(forms))))
        self.ergative_verb_forms = frozenset(f for v in rules["ergative_verbs"]["verbs"] for f in inflections(v))
        self.evidence_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_stage: dict[str, list[str]] = {}
        for entry in read_jsonl(EVIDENCE_FILE):
            by_stage.setdefault(entry["stage"], []).append(entry["cue"])
        for stage, phrases in by_stage.items():
            self.evidence_matcher.add(stage, list(nlp.tokenizer.pipe(phrases)))
        self.condition_adjectives: dict[str, str] = rules["condition_adjectives"]
        # the same words as class nouns ("one of the antipsychotics")
        self.condition_words = frozenset(self.condition_adjectives) | {f"{w}s" for w in self.condition_adjectives}
        self.property_nouns = frozenset(rules["property_nouns"])
        self.anaphor_pronouns = frozenset(rules["intervention_anaphors"]["pronouns"])
        self.anaphor_heads = frozenset(rules["intervention_anaphors"]["heads"])
        self.anaphor_dets = frozenset(rules["intervention_anaphors"]["determiners"])
        self.drug_anaphor_heads = frozenset(rules["intervention_anaphors"]["drug_heads"])
        self.group_heads = frozenset(rules["intervention_anaphors"]["group_heads"])
        self.generic_mods = frozenset(rules["generic_intervention"]["modifiers"])
        self.generic_heads = frozenset(rules["generic_intervention"]["heads"])
        self.cond_anaphor_dets = frozenset(rules["condition_anaphors"]["determiners"])
        self.cond_anaphor_heads = frozenset(rules["condition_anaphors"]["heads"])
        self.definite_cond_heads = frozenset(rules["condition_anaphors"]["definite_heads"])
        self.comparison = frozenset(rules["comparison_markers"])
        self.treatment_comparison = frozenset(rules["treatment_comparison_markers"]["words"])
        self.adjunct_markers = frozenset(rules["adjunct_markers"])
        self.non_interventions = frozenset(rules["non_interventions"])
        self.target_heads = frozenset(rules["target_heads"])
        # A methods section says what was done, not what works: no claims there.
        self.methods_sections = frozenset(rules["methods_sections"])
        self.boilerplate_starts = tuple(rules["boilerplate_section_starts"])
        self.population_heads = frozenset(rules["population_heads"])
        self.population_links = tuple(rules["population_links"])
        self.coordination_words = frozenset(rules["coordination_words"])
        self.person_nouns: dict[str, str] = rules["person_nouns"]
        self.setting_heads = frozenset(rules["setting_heads"])
        from .pipeline import condition_modifiers  # one definition of a condition modifier

        self.modifiers = condition_modifiers()
        self.kb_ids = _gazetteer_ids()
        self.population_quantifiers = frozenset(rules["population_quantifiers"])
        self.side_effect_words = tuple(rules["side_effect_sections"]["words"])
        self.side_effect_passage_words = [w.split() for w in rules["side_effect_passages"]["words"]]
        self.non_gerunds = frozenset(rules["non_gerunds"])
        self.administration_gerunds = frozenset(rules["administration_gerunds"])
        symptoms = rules["symptom_adjectives"]
        self.symptom_adjectives: dict[str, str] = symptoms["adjectives"]
        self.symptom_verbs = frozenset(symptoms["verbs"])
        self.symptom_skip = frozenset(symptoms["skip"])
        aims = rules["aim_statements"]
        self.aim_verbs = frozenset(aims["verbs"])
        self.aim_subjects = frozenset(aims["subjects"])
        self.aim_nouns = frozenset(aims["nouns"])
        objects = rules["object_conditions"]
        self.object_verbs = frozenset(f for v in objects["verbs"] for f in inflections(v))
        self.quantity_nouns = frozenset(objects["quantity_nouns"])
        self.counting_nouns = _OCCURRENCE_NOUNS | _MEASURE_NOUNS | self.quantity_nouns  # "episodes", "scores", "number"
        self.not_object_conditions = frozenset(objects["not_conditions"])
        self.for_heads = frozenset(objects["for_heads"])
        self.for_prepositions = frozenset(objects["for_prepositions"])
        reported = rules["reported_effects"]
        self.effect_nouns = frozenset(reported["nouns"])
        self.effect_adjectives = frozenset(reported["adjectives"])
        self.effect_after_words = tuple(reported["after_words"])
        self.downside_nouns = frozenset(reported["downside_nouns"])
        self.property_adjectives: dict[str, str] = rules["treatment_properties"]["adjectives"]
        self.route_prepositions = frozenset(rules["routes"]["prepositions"])
        self.administration_verbs = frozenset(rules["routes"]["verbs"])
        self.state_verbs = frozenset(rules["changed_states"]["verbs"])
        self.changed_states = frozenset(rules["changed_states"]["states"])
        self.role_nouns = frozenset(rules["treatment_roles"]["nouns"])
        self.taking_openers = frozenset(rules["taking_clauses"]["openers"])
        self.taking_verbs = frozenset(rules["taking_clauses"]["verbs"])
        self.control_modifiers = frozenset(rules["controls"]["modifiers"])
        self.control_forms = {substance: frozenset(ends) for substance, ends in rules["controls"]["forms"].items()}
        self.adjustment_phrases = [tuple(p.split()) for p in rules["adjustment_markers"]["phrases"]]
        self.adjustment_first_words = frozenset(p[0] for p in self.adjustment_phrases)
        subjects = rules["subject_interventions"]
        self.habit_words = frozenset(subjects["habits"])
        self.not_agents = frozenset(subjects["not_agents"])
        self.agent_forms = frozenset(subjects["forms"])
        self.schedule_words = frozenset(subjects["schedule_words"])
        design = rules["study_descriptions"]
        self.design_verbs = frozenset(design["verbs"])
        self.study_nouns = frozenset(design["nouns"])
        self.finding_words = frozenset(design["finding_words"])
        split = rules["split_cues"]
        self.split_cue_verbs = {verb: frozenset(ends) for verb, ends in split["verbs"].items()}
        self.split_cue_gap = split["max_gap"]
        self.split_link_verbs = {verb: frozenset(ends) for verb, ends in split["link_verbs"].items()}
        self.link_gap = split["link_max_gap"]
        arms = rules["treatment_arms"]
        self.arm_verbs = frozenset(arms["verbs"])
        self.arm_auxiliaries = frozenset(arms["auxiliaries"])
        self.arm_nouns = frozenset(arms["nouns"])
        self.mechanism_phrases = MechanismPhrases()
        # what the component has read of the document it is annotating (none between calls)
        self._article = ArticleState()

    # -- the component ---------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        self._article = ArticleState(lower=lower_words(doc), ent_type=entity_types(doc), text=doc_text(doc))
        try:
            return self._annotate(doc)
        finally:
            # no document's findings reach the next, and its spans do not keep it alive
            self._article = ArticleState()

    def _annotate(self, doc: Doc) -> Doc:
        long_forms = _long_forms(doc)
        self._article.cue_phrase_tokens = {i for cue in doc.spans.get(HEDGE_SPAN_KEY, ()) if len(cue) > 1
                                           for i in range(cue.start, cue.end)}
        cue_spans = sorted(((doc.vocab.strings[m], s, e) for m, s, e in self.cue_matcher(doc)
                            if not in_hyphenated_word(doc, s, e) and not self._used_intransitively(doc, s, e)),
                           key=lambda x: x[1])
        evidence = [(doc.vocab.strings[m], s, e) for m, s, e in self.evidence_matcher(doc)]
        ents = list(doc.ents)
        # diseases in text order: what "the disease" names when no heading says
        self._article.diseases = [self._mention(e, long_forms) for e in ents if e.label_ == "DISEASE"]
        sections = sorted(doc.spans.get("sections", []), key=lambda s: s.start)
        # the disease an article is about: the one named most often, if it has a large share
        # of the disease mentions and more than one section names it
        most_disease = self._most_frequent(self._article.diseases)
        self._article.disease = self._across_sections(
            most_disease if most_disease is not None and self._mention_count(most_disease, self._article.diseases)
            >= ARTICLE_DISEASE_SHARE * len(self._article.diseases) else None, self._article.diseases, sections)
        if self._article.disease is None:
            # a piece about a symptom the lexicon calls an outcome ("constipation"), named
            # often enough to be its subject, not a title's passing word ("memory")
            outcomes = [self._mention(e, long_forms) for e in ents if e.label_ == "OUTCOME"]
            main_outcome = self._across_sections(
                self._most_frequent(self._article.diseases + outcomes, min_share=ARTICLE_DISEASE_SHARE),
                self._article.diseases + outcomes, sections)
            if main_outcome is not None and sum(m.norm.lower() == main_outcome.norm.lower()
                                                for m in outcomes) >= MIN_ARTICLE_OUTCOME_MENTIONS:
                self._article.disease = main_outcome
        interventions = [self._mention(e, long_forms) for e in ents if e.label_ in INTERVENTION_LABELS]
        # lay descriptions built on a treatment noun ("water tablets", "a chewable tablet")
        self._article.described = {e.start for e in ents if e.kb_id_ == TREATMENT_HEAD_PATTERN}
        interventions = [m for m in interventions if not self._is_generic(doc, m)
                         and not self._is_control(m) and not self._describes_another(doc, m)]
        self._article.symptoms = self._find_symptoms(doc)
        symptom_cues = [("causal_words", verb, verb + 1) for verb, _ in self._article.symptoms.values()]
        cue_spans = sorted(cue_spans + self._arm_cues(interventions) + symptom_cues + self._split_cues(doc)
                           + self._source_cues(ents, interventions), key=lambda x: x[1])
        self._article.cue_starts = {start for _, start, _ in cue_spans}
        # Unstated interventions are filled from these: not a molecule named as a drug's
        # target ("CGRP receptor", "CGRP antibodies" name what the drugs act on).
        topics = [m for m in interventions
                  if not (m.end < len(doc) and self._article.lower[m.end] in self.target_heads)
                  and not self._classifies_a_subject(doc, m)]
        # What the article is about is counted over names, not lay descriptions built on a
        # treatment noun ("Repeated transplants", "a placebo transplant"), which vary too
        # much to add up; a food the text only acts on ("pass more salt") is not it either,
        # one it makes act ("salt raises blood pressure") may be.
        named = [m for m in topics if m.start not in self._article.described]
        article_main = self._most_frequent([m for m in named if m.label != "FOOD" or not self._is_object(doc, m)],
                                           min_share=MIN_TOPIC_SHARE)
        # "the drug" names a drug: the article's most frequent one, even when a
        # therapy it is compared with (ECT, psychotherapy) is named more often
        self._article.drug = self._most_frequent([m for m in named if m.label in DRUG_LABELS],
                                                 min_share=MIN_TOPIC_SHARE)
        if (self._article.drug is not None
                and self._mention_count(self._article.drug, named) < MIN_TOPIC_SHARE * len(named)):
            # a supplement a decision aid on surgery and radiotherapy names twice is no
            # topic of the article: it must hold a share of all its treatments too
            self._article.drug = None
        # what "it" can name: "it" does not take up "ordinary laxatives"
        singular_topics = [m for m in topics if not self._is_plural(doc, m)]
        headings = list(doc.spans.get("headings", []))
        paragraphs = sorted(doc.spans.get("paragraphs", []), key=lambda s: s.start)
        para_starts = [p.start for p in paragraphs]
        # Everything below is looked up per sentence by binary search: abstracts have
        # hundreds of sentences and entities, so scanning them per sentence is quadratic.
        ent_starts = [e.start for e in ents]
        cue_starts = [c[1] for c in cue_spans]
        claims: list[Claim] = []
        heading_conditions: dict[int, Mention | None] = {}
        outer_topics: dict[int, Mention | None] = {}  # by section start: an enclosing heading's condition
        sentences = list(doc.sents)
        sentence_starts = [sent.start for sent in sentences]
        # the disease named most often, if the title names it too, even inside another
        # name ("Hay fever remedies: ..."): what a mechanism is for when no heading says
        title_disease = self._title_disease(headings, most_disease)
        table_rows = sorted(doc.spans.get("table_rows", []), key=lambda r: r.start)
        row_starts = [r.start for r in table_rows]
        # a comparator ("about as much as an SGLT2 inhibitor does") is not what a passage
        # goes on to call "it": judged once per mention, not once per later sentence
        self._article.comparator_starts = {
            m.start for m in topics
            if self._is_comparator(m, sentences[bisect_right(sentence_starts, m.start) - 1])}
        # ... nor one set against another ("unlike oral semaglutide"); and which topics a
        # clause only acts on: both judged once per mention for `_passage_intervention`
        self._article.no_antecedent_starts = (self._article.comparator_starts
                                              | {m.start for m in topics if self._after_contrast(m)})
        self._article.acted_on_starts = {m.start for m in topics if self._inside_object(doc, m)}
        # each sentence's hedge cues, read from the doc's span group once, not per claim
        self._article.hedge_cues_by_sentence = {}
        for cue in doc.spans.get(HEDGE_SPAN_KEY, ()):
            cue_sentence = sentences[bisect_right(sentence_starts, cue.start) - 1]
            self._article.hedge_cues_by_sentence.setdefault(cue_sentence.start, []).append(cue)
        lead_in: tuple[list[Mention], str] | None = None
        frame: list[Span] = []
        for index, sent in enumerate(sentences):
            s_ents = ents[bisect_left(ent_starts, sent.start):bisect_left(ent_starts, sent.end)]
            s_cues = cue_spans[bisect_left(cue_starts, sent.start):bisect_left(cue_starts, sent.end)]
            is_heading = any(h.start <= sent.start < h.end for h in headings)
            if (lead_in is not None or frame) and not self._is_list_item(doc, sent):
                lead_in, frame = None, []
            item_lead_in, item_frame = lead_in, frame
            lead_in_shape = not is_heading and self._ends_in_colon(doc, sent)
            if lead_in_shape:
                # "At the first visit, parents most often told us that:": what frames the
                # lead-in frames each item; only a cue that introduces the list counts, one
                # the colon follows ("told us that:"), not "the candidate" of "Facts the
                # candidate should get across:"
                colon = max(i for i in range(sent.start, sent.end) if doc[i].text == ":")
                frame = [c for c in self._article.hedge_cues_by_sentence.get(sent.start, [])
                         if c.label_ in HEDGE_KINDS
                         and all(t.lower_ == "that" or t.is_space for t in doc[c.end:colon])]
            opened = self._lead_in(s_ents, s_cues, long_forms) if lead_in_shape else None
            if opened is not None:
                lead_in = opened
                continue  # its subject ("Some everyday products") stands for the items
            if item_lead_in is not None and any(e.label_ in CONDITION_LABELS for e in s_ents):
                item_lead_in = None  # an item that names its own condition
            if item_lead_in is not None:
                # "Some everyday products push blood pressure up:" / "- decongestants ...":
                # the lead-in's verb is the item's claim cue
                s_cues = [(item_lead_in[1], sent.start, sent.start), *s_cues]
            section = _innermost(sections, sent.start)
            r = bisect_right(row_starts, sent.start) - 1
            row = table_rows[r] if r >= 0 and sent.start < table_rows[r].end else None
            if row is not None and row.label_ == "header":
                continue  # a table's column names hold no claims
            if not any(w.isalpha() for w in self._article.lower[sent.start:sent.end]):
                continue  # a figure alone ("64%", a table cell) states nothing about anything
            row_subject = None
            if row is not None and sent.start > row.start:
                # a cell of a row about a treatment ("Steroid nasal spray | Damps down
                # inflammation ..."): the row is the claim cue, its first cell the agent
                first_cell = sentences[bisect_right(sentence_starts, row.start) - 1]
                row_subject = next((m for m in topics if first_cell.start <= m.start < first_cell.end), None)
                if row_subject is not None:
                    s_cues = [("causal_words", sent.start, sent.start), *s_cues]
            s_conditions = [e for e in s_ents if e.label_ in CONDITION_LABELS]
            if not is_heading and section is not None and self._lists_side_effects(section):
                # the heading is the claim cue: an empty span at the sentence start
                s_cues = [("causal_words", sent.start, sent.start), *s_cues]
            elif (not s_cues and not is_heading and any(doc[c.start:c.end].root.dep_ != "pobj" for c in s_conditions)
                  and self._follows_side_effects(sent, paragraphs, para_starts)):
                # "Like every medicine, it has side effects. The most common are headache
                # and a rash.": the paragraph's mention of side effects is the claim cue (for a
                # condition named outright, not one in a phrase such as "a sign of heart failure")
                s_cues = [("causal_words", sent.start, sent.start)]
            elif not s_cues and not is_heading and self._reported_effect(doc, sent, s_conditions):
                # "Dry mouth is the commonest complaint": the predicate is the claim cue
                s_cues = [("causal_words", sent.start, sent.start)]
            elif (not s_cues and not is_heading and self._changed_by_itself(doc, s_conditions)
                  and not self._natural_course(sent)):
                # "My palpitations were a little better": the change reported is the cue
                s_cues = [("causal_words", sent.start, sent.start)]
            elif not s_cues and not is_heading and any(self._group_free_of(doc, c) for c in s_conditions):
                # "One in three patients on the drug had no hives", "38% were free of hives":
                # a group's freedom from the condition is the treatment's result
                s_cues = [("causal_words", sent.start, sent.start)]
            elif not s_cues and not is_heading and self._measured_change(doc, sent):
                # "Mean UAS7 fell from 28 to 12 with bilastine": a measure that changed with
                # a treatment reports its effect
                s_cues = [("causal_words", sent.start, sent.start)]
            elif not s_cues and not is_heading and self._taking_verb(sent, s_conditions) is not None:
                # "Some people get a skin rash when they start it": the clause of time is the cue
                s_cues = [("causal_words", sent.start, sent.start)]
            elif (not s_cues and not is_heading and not s_conditions
                  and self._states_a_role(doc, sent, [e for e in s_ents if e.label_ in INTERVENTION_LABELS])):
                # "Lactulose is now usually the second choice": the treatment's role is the cue
                s_cues = [("causal_words", sent.start, sent.start)]
            behaviours = self._behaviour_groups(doc, sent) if not is_heading else []
            if behaviours:
                # "people who exercised had milder symptoms": the group's comparison is the
                # cue, and it makes the claim correlational ("milder")
                compared = [k for _, _, k in behaviours]
                s_cues = sorted([c for c in s_cues if not any(c[1] <= k < c[2] for k in compared)]
                                + [("correlational", k, k + 1) for k in compared], key=lambda x: x[1])
            if (not s_cues and not is_heading and not any(e.label_ in MECHANISM_LABELS for e in s_ents)
                    and self.condition_words.isdisjoint(self._article.lower[sent.start:sent.end])):
                continue  # no claim without a cue (adjectives of action are cues too)
            k = bisect_right(para_starts, sent.start) - 1
            para = paragraphs[k] if k >= 0 and sent.start < paragraphs[k].end else None
            if ((section is not None and self._holds_no_claims(section)) or self._states_an_aim(sent)
                    or self._asks_which(sent) or self._forbids(sent) or self._reports_a_question(sent)
                    or self._describes_a_study(doc, sent, s_cues)):
                continue
            passage = self._passage_intervention(sent, para, section, topics, article_main)
            pronoun_passage = passage
            if passage is not None and self._is_plural(doc, passage):
                # the passage's last singular treatment
                pronoun_passage = self._passage_intervention(sent, para, section, singular_topics, article_main)
            group = self._group_antecedents(doc, sent, para, topics)
            if section is not None and section.start not in heading_conditions:
                heading_conditions[section.start] = self._heading_condition(section, ents, long_forms)
            topic = heading_conditions.get(section.start) if section is not None else None
            outer_topic = None
            if topic is None and section is not None:
                # what a drug's mechanism is named for under a heading that names no
                # condition: the condition of an enclosing heading, up to the article's
                # title ("secukinumab shuts down IL-17" under "7 things to know before you
                # start a biologic for psoriasis"); the same for every sentence of a section
                if section.start not in outer_topics:
                    outer_topics[section.start] = next(
                        (c for c in (self._heading_condition(o, ents, long_forms) for o in reversed(sections)
                                     if o.start <= section.start and section.end <= o.end and o is not section)
                         if c is not None), title_disease)
                outer_topic = outer_topics[section.start]
            if topic is None and para is not None and self._mentions_patients(doc, sent):
                topic = self._paragraph_condition(doc, sent, para, long_forms)
            main = article_main
            if is_heading and section is not None:
                # a newsletter's "## Two jabs that keep shingles away" is about its own item:
                # the article's main intervention if the item names it, else the item's own
                in_section = [m for m in topics if section.start <= m.start < section.end
                              and m.start not in self._article.comparator_starts]
                if article_main is None or all(article_main.norm.lower() not in m.norm.lower()
                                               for m in in_section):
                    main = self._most_frequent(in_section, min_share=MIN_TOPIC_SHARE) or article_main
            claims.extend(self._sentence_claims(doc, SentenceContext(
                sent=sent, index=index, section=section, is_heading=is_heading, ents=s_ents, cues=s_cues,
                evidence=evidence, long_forms=long_forms, passage=passage, pronoun_passage=pronoun_passage,
                article_main=main, heading_condition=topic, outer_topic=outer_topic, group=group,
                row_subject=row_subject, behaviours=behaviours, lead_in=item_lead_in, frame=item_frame)))
        doc._.claims = claims
        return doc

    def _title_disease(self, headings: list[Span], most: Mention | None) -> Mention | None:
        """The disease the article names most often, if its title (the first h1) names it
        too, as a word sequence even inside another entity ("Hay fever remedies: ...")."""
        title = next((h for h in headings if h.label_ == "h1"), None)
        if title is None or most is None:
            return None
        title_words = " ".join(self._article.lower[title.start:title.end])
        return _implicit(most) if f" {most.norm.lower()} " in f" {title_words} " else None

    # -- what the article names most often ---------------------------------------------

    def _cached_name_bases(self, mentions: list[Mention]) -> dict[str, str]:
        """`_name_bases(mentions)`, computed once per document for each list of names: the
        counts below are taken over the same names again and again (the article's
        diseases three times, each section's treatments for every sentence of it). Keyed
        by the names in the order first met, the order in which `_name_bases` breaks a tie
        between two equally short bases."""
        names = tuple(dict.fromkeys(m.norm.lower() for m in mentions))
        bases = self._article.name_bases_by_names.get(names)
        if bases is None:
            bases = self._article.name_bases_by_names[names] = _name_bases(mentions)
        return bases

    def _mention_count(self, topic: Mention, mentions: list[Mention]) -> int:
        """How many of `mentions` count for `topic`, grouped as `_most_frequent` groups them."""
        base = self._cached_name_bases(mentions)
        name = base.get(topic.norm.lower(), topic.norm.lower())
        return sum(base[m.norm.lower()] == name for m in mentions)

    def _most_frequent(self, mentions: list[Mention], min_share: float = 0.0) -> Mention | None:
        """The mention an article names most often, counted by `_name_bases`. None when
        it has less than `min_share` of the mentions."""
        if not mentions:
            return None
        base = self._cached_name_bases(mentions)
        counts = Counter(base[m.norm.lower()] for m in mentions)
        best = max(counts.values())
        if best < min_share * len(mentions):
            return None
        winner = next(base[m.norm.lower()] for m in mentions if counts[base[m.norm.lower()]] == best)
        named = [m for m in mentions if m.norm.lower() == winner]  # a base is itself a mention's name
        # as the text writes it, not as an upper-case headline does ("ERYTHRITOL")
        return next((m for m in named if not m.norm.isupper() or len(m.norm) <= 5), named[0])

    def _across_sections(self, topic: Mention | None, mentions: list[Mention],
                         sections: list[Span]) -> Mention | None:
        """`topic` if the article names it in more than one of its sections, else None. A
        subject confined to one section is that section's, not the article's: a newsletter's
        last item on aspirin and bowel cancer does not make every earlier item about cancer."""
        if topic is None or len(sections) < 2:
            return topic
        base = self._cached_name_bases(mentions)
        name = base[topic.norm.lower()]
        starts = [s.start for s in sections]
        named_in = {bisect_right(starts, m.start) for m in mentions
                    if m.start >= 0 and base[m.norm.lower()] == name}
        return topic if len(named_in) > 1 else None

    # -- one sentence ----------------------------------------------------------------

    def _sentence_claims(self, doc: Doc, ctx: SentenceContext) -> list[Claim]:
        sent, section, is_heading, cues, long_forms = ctx.sent, ctx.section, ctx.is_heading, ctx.cues, ctx.long_forms
        passage, article_main, heading_condition, outer_topic, row_subject = (
            ctx.passage, ctx.article_main, ctx.heading_condition, ctx.outer_topic, ctx.row_subject)
        ents = ctx.ents
        explicit_ivs = [self._mention(e, long_forms) for e in ents if e.label_ in INTERVENTION_LABELS]
        generic = [m for m in explicit_ivs if self._is_generic(doc, m)]
        explicit_ivs = [m for m in explicit_ivs if m not in generic and not self._is_control(m)
                        and not self._describes_another(doc, m) and not self._ligand_of_target(doc, m)
                        and not self._is_route(doc, m)]
        phrases = self.mechanism_phrases.find(sent, self._article.ent_type)
        # "Methotrexate works by raising adenosine", "it blocks the lysine-binding sites on
        # plasminogen": what a treatment acts on is part of its mechanism, not a treatment
        explicit_ivs = [m for m in explicit_ivs
                        if not any(p.acts_on_target and p.start < m.start and m.end <= p.end for p in phrases)]
        all_explicit = list(explicit_ivs)
        mechanisms = [e for e in ents if e.label_ in MECHANISM_LABELS]
        # a mechanism entity or a verb phrase of mechanism ("by relaxing the gut muscle")
        states_mechanism = bool(mechanisms or phrases)
        conditions = [self._mention(e, long_forms) for e in ents if e.label_ in CONDITION_LABELS]
        conditions = [c for c in conditions if not self._in_comparison(doc, c, sent)]
        covariates = self._adjusted_for(sent)
        conditions = [c for c in conditions if not any(lo <= c.start < hi for lo, hi in covariates)]
        conditions = [c for c in conditions if not self._in_warning_condition(doc, c)]
        conditions = self._coordinated_conditions(doc, sent, conditions)
        conditions += self._conjunct_conditions(doc, sent, conditions)
        conditions += self._adjective_conditions(doc, sent)
        conditions += self._person_conditions(doc, sent)
        conditions += [self._symptom_mention(doc, i) for i in self._article.symptoms if sent.start <= i < sent.end
                       and not any(c.start <= i < c.end for c in conditions)]
        cond_anaphor = self._condition_anaphor(doc, sent)
        if any(self._is_demonstrative(doc, c) for c in conditions):
            # "this complex disorder": the heading's condition, not a new one
            conditions = [c for c in conditions if not self._is_demonstrative(doc, c)]
            if heading_condition is not None:
                conditions.append(heading_condition)
        conditions = [c for c in conditions if not self._in_cue_phrase(c)]
        conditions = self._drop_population_conditions(doc, sent, conditions)
        conditions = self._drop_noun_modifiers(sent, conditions)
        conditions = self._drop_appositions(conditions)
        explicit_ivs = [m for m in explicit_ivs if not any(_overlaps(m, c) for c in conditions)]
        for act in self._gerund_interventions(doc, sent):
            # "Stopping smoking lowers the risk of a heart attack": the act is the intervention,
            # the words inside it ("smoking", "alcohol") are neither condition nor intervention
            explicit_ivs = [m for m in explicit_ivs if not act.start <= m.start < act.end] + [act]
            # nor that word named again ("Stopping smoking matters, because smoking narrows ...")
            act_words = set(self._article.lower[act.start:act.end])
            conditions = [c for c in conditions if not act.start <= c.start < act.end
                          and not (c.start >= 0 and set(self._article.lower[c.start:c.end]) <= act_words)]
        for act, outcome, _ in ctx.behaviours:
            # "Children who bite their nails are more likely to get threadworms": the act is
            # the intervention; a compared outcome no entity names is the condition
            explicit_ivs = [m for m in explicit_ivs if not act.start <= m.start < act.end] + [act]
            conditions = [c for c in conditions if not act.start <= c.start < act.end]
            if not any(outcome.start <= c.start < outcome.end for c in conditions):
                conditions.append(outcome)
        anaphor = self._intervention_anaphor(doc, sent)
        if not explicit_ivs and anaphor is None and (not is_heading or self._asks_yes_or_no(sent)):
            # "Short hair doesn't protect against lice": a subject no lexicon names; in a
            # heading only when it asks ("Can a long flight really cause a blood clot?")
            explicit_ivs = self._subject_interventions(doc, cues, conditions) or self._taken_treatment(
                doc, sent, conditions)
            if not explicit_ivs and not conditions and not is_heading:
                # "A review found that regular rinsing reduced symptoms": neither argument
                # is named; the subject and the object of one verb of effect (a subject
                # that names a group, "Both active gels", stands for the group's members)
                explicit_ivs, conditions = self._unnamed_pair(doc, sent, cues)
                if ctx.group:
                    explicit_ivs = []
        elif not explicit_ivs and anaphor is not None and not is_heading:
            # "Condoms reduce the risk of chlamydia, and they lower the risk of HPV": such a
            # subject before the pronoun is what the pronoun takes up, not the passage's treatment
            # ("And there's a warning on it: it can cause nightmares": a subject that holds
            # the pronoun is about the treatment, not one)
            explicit_ivs = [m for m in self._subject_interventions(doc, cues, conditions) if m.end <= anaphor.start
                            and not (doc[anaphor.start].dep_ == "pobj"
                                     and any(t.i == anaphor.start for t in doc[m.start:m.end].root.subtree))]
        explicit_ivs += self._conjunct_interventions(doc, explicit_ivs, conditions)
        if len(explicit_ivs) > 1:
            explicit_ivs = self._agents(doc, sent, explicit_ivs)
        elif explicit_ivs and anaphor is not None and self._is_adjunct(doc, explicit_ivs[0], sent):
            # "the compound eases pain by slowing the breakdown of anandamide"
            explicit_ivs = []
        if anaphor is not None and explicit_ivs:
            # "It makes your kidneys pass more salt and water": what the subject "it" acts
            # on is no agent of the claim
            explicit_ivs = [m for m in explicit_ivs if not self._acted_on(doc, anaphor, m, sent)]
        generic_blocks = bool(generic) or self._has_generic_phrase(doc, sent)

        if anaphor is not None and self._article.lower[anaphor.start] in self.anaphor_pronouns:
            # a pronoun names the passage's singular treatment; "the tablets" and an
            # unstated agent the passage's own
            passage = ctx.pronoun_passage
        ivs = list(explicit_ivs)
        anaphor_of: tuple[str, int] | None = None  # (intervention it names, its token)
        target: Mention | None = None
        if anaphor is not None and passage is not None:
            # not a treatment the sentence sets against another ("Unlike sleeping pills, it ...")
            before = [m for m in explicit_ivs if m.start < anaphor.start
                      and m.start not in self._article.comparator_starts and not self._after_contrast(m)]
            if self._article.lower[anaphor.start] in self.anaphor_pronouns:
                before = [m for m in before if not self._is_plural(doc, m)]
            head = anaphor[-1].lower_
            if head in self.drug_anaphor_heads:
                # "the drug" names a drug, never the psychotherapy it was combined with;
                # "the vaccine" names the vaccine, whatever its label
                before = [m for m in before if m.label in DRUG_LABELS or head in m.text.lower()]
                if passage.label not in DRUG_LABELS and head not in passage.text.lower():
                    passage = self._article.drug if self._article.drug is not None else passage
            target = before[-1] if before else (self._cataphor_target(sent, anaphor, explicit_ivs) or passage)
            if not before and self._names_a_subject_before(doc, sent, anaphor):
                target = None  # "serotonin is made in the gut, where it helps ...": "it" is serotonin
        if target is not None and self._conditions_have_own_agent(doc, anaphor, explicit_ivs, conditions):
            target = None  # "it is observational, so it cannot tell us whether sweeteners cause strokes"
        # "Biopsies can cause infection, and 1 in 100 men need treatment for it": a pronoun
        # that falls back on the passage's treatment, after a treatment the sentence names,
        # claims only the conditions of its own clause, not those of the named treatment
        own_clause_from: int | None = None
        if (target is not None and target is passage
                and any(0 <= m.start and m.end <= anaphor.start for m in explicit_ivs)):
            own_clause_from = anaphor.start
        if target is not None:
            anaphor_of = (target.norm.lower(), anaphor.start)
            if all(m.norm.lower() != target.norm.lower() for m in ivs):
                ivs.append(Mention(anaphor.text, target.norm, target.label, anaphor.start, anaphor.end,
                                   anaphor.start_char, anaphor.end_char, target.kb_id, implicit=True,
                                   kind="anaphor"))

        if row_subject is not None and not ivs:
            ivs = [_implicit(row_subject)]  # a table cell about its row's treatment
        group_clause_from: int | None = None  # where a group of its own clause starts
        for m in ctx.group:  # "All three work well for hay fever"
            after_named = any(iv.start >= 0 and iv.start < m.start for iv in explicit_ivs)
            if (not after_named or self._opens_clause(m.start)) and all(iv.norm.lower() != m.norm.lower() for iv in ivs):
                ivs.append(m)
                if after_named:
                    group_clause_from = m.start

        if is_heading:
            # "Liver enzymes and drug interactions" is a topic, not a claim: a heading
            # claims an outcome only with a verb of effect ("Could It Slow Aging?")
            if not self._has_causal_cue(cues):
                conditions = [c for c in conditions if c.label != "OUTCOME"]
            # a heading that only names a condition ("Ulcerative colitis", "Allegation 1:
            # memory loss") describes the section's topic; it claims an effect of the
            # article's treatment only with a claim cue or a verb ("Lifting depression")
            if (conditions and not ivs and article_main is not None and not self._open_question(sent)
                    and (cues or any(self._heading_verb(t) for t in sent))):
                ivs = [_implicit(article_main)]
            if not (ivs and conditions):
                return []
        elif not cues and not (states_mechanism and ivs) and not any(c.kind == "adjective" for c in conditions):
            return []

        definite = self._definite_condition(doc, sent) if not conditions and ivs and not is_heading else None
        if definite is not None:
            # "It slows the disease a little": the disease the passage is about
            target = (self._last_disease_before(sent, head=definite[-1].lower_)
                      or next((c for c in (heading_condition, outer_topic) if c is not None and c.label == "DISEASE"),
                              None)
                      or self._last_disease_before(sent))
            if target is not None:
                conditions = [Mention(definite.text, target.norm, target.label, definite.start, definite.end,
                                      definite.start_char, definite.end_char, target.kb_id, implicit=True,
                                      kind="anaphor")]
        if not conditions and ivs and not is_heading:
            conditions = self._object_conditions(doc, sent, ivs)
            topic_words = {w.lower() for c in (heading_condition, outer_topic) if c is not None for w in c.norm.split()}
            if any(_loosely_names(c.text.lower().split(), topic_words) for c in conditions):
                # "slows the disease" under a heading about Parkinson's disease: the
                # condition the heading names, loosely worded
                conditions = []
        if not conditions and ivs and ctx.lead_in is not None and not is_heading:
            conditions = [_implicit(c) for c in ctx.lead_in[0]]  # a list item: its lead-in's conditions
        if not conditions and heading_condition is not None and ivs:
            # a mechanism named for the section's condition is a mechanistic claim
            if cond_anaphor is not None or self._has_causal_cue(cues) or states_mechanism:
                conditions = [heading_condition]
        elif (not conditions and ivs and states_mechanism and outer_topic is not None and not is_heading
              and outer_topic.label == "DISEASE"):  # a disease, not an outcome ("memory") a title mentions
            conditions = [outer_topic]
        elif (not conditions and ivs and states_mechanism and not is_heading and self._article.disease is not None
              and (any(m.start >= 0 for m in ivs) or row_subject is not None)):
            # a named treatment's mechanism in an article about one disease, under headings
            # that name none ("It blocks the beta-1 receptors ..." in a heart-failure letter)
            conditions = [_implicit(self._article.disease)]
        elif (not conditions and ivs and not is_heading and self._article.disease is not None
              and self._measured_change(doc, sent)):
            # "Mean UAS7 fell from 28 to 12 with bilastine": the measure is of the disease
            # the article is about
            conditions = [_implicit(self._article.disease)]
        elif (not conditions and ivs and not is_heading and self._article.disease is not None
              and self._states_a_role(doc, sent, [m for m in ivs if m.start >= 0])):
            # "Lactulose is now usually the second choice": for the article's condition
            conditions = [_implicit(self._article.disease)]
        elif (not conditions and ivs and not is_heading and self._article.disease is not None
              and self._has_causal_cue(cues) and any(self._is_subject(doc, m) for m in ivs if m.start >= 0)):
            # "Riluzole bought me extra months", "Pelvic floor training helps with both": a
            # treatment that is the subject of a verb of effect naming no condition acts on
            # the disease the article is about
            conditions = [_implicit(self._article.disease)]
        if (conditions and not ivs and passage is not None and not generic_blocks
                and (self._causal_cue_before(cues, conditions) or self._only_populations(sent, conditions, cues)
                     or self._changed_by_itself(doc, conditions) or self._reported_effect(doc, sent, conditions))):
            ivs = [_implicit(passage)]
        if not (ivs and conditions):
            return []
        if all(m.start < 0 for m in ivs) and self._natural_course(sent):
            return []  # no treatment the sentence names, and it tells how the condition runs untreated

        anaphoric_mechanisms = self._anaphoric_mechanisms(doc, sent, section)
        stages = tuple(_unique(stage for stage, s, _ in ctx.evidence if sent.start <= s < sent.end))
        start_char, end_char = _trimmed_offsets(sent)
        claims = []
        seen = set()
        antecedents = {id(c): self._antecedent(sent, c, all_explicit) for c in conditions if c.start >= 0}
        for a in antecedents.values():
            if a is not None and all(a.norm.lower() != m.norm.lower() for m in ivs):
                ivs.append(a)  # a comparator that has claims of its own in its relative clause
        by_clause = self._clause_conditions(sent, explicit_ivs, conditions) if len(explicit_ivs) > 1 else {}
        caused_by_another = {id(c) for c in conditions if self._caused_by_another(doc, c, ivs)}
        # a heading claims through its verb of effect, or through a gerund of effect it opens
        # with ("Controlling seizures at night"); see the topic-heading check below
        heading_names_a_topic = is_heading and not (
            doc[sent.start].tag_ == "VBG" and doc[sent.start].lower_ not in _TOPIC_HEADING_TRIGGERS)
        for iv in _dedupe(ivs):
            for cond in self._claimed_mentions(conditions, cues):
                if _overlaps(iv, cond) or iv.norm.lower() == cond.norm.lower():
                    continue
                if id(iv) in by_clause and cond.start >= 0 and cond not in by_clause[id(iv)]:
                    continue  # "X was linked to A; Y with B": Y is not linked to A
                if (own_clause_from is not None and iv.kind == "anaphor" and iv.start == own_clause_from
                        and 0 <= cond.start < own_clause_from):
                    continue
                if (group_clause_from is not None and iv.kind == "anaphor" and iv.start == group_clause_from
                        and 0 <= cond.start < group_clause_from):
                    continue  # ", and both drugs cause dizziness": the group's own clause
                if id(cond) in caused_by_another:
                    continue  # "..., and most colds are caused by viruses"
                antecedent = antecedents.get(id(cond))
                if antecedent is not None and antecedent.norm.lower() != iv.norm.lower():
                    continue
                key = (iv.norm.lower(), cond.norm.lower())
                if key in seen:
                    continue
                seen.add(key)
                anchor_iv = iv
                if (anaphor_of is not None and anaphor_of[0] == iv.norm.lower() and iv.start >= 0
                        and iv.start < anaphor_of[1] < cond.start):
                    # "LDN does not cause dependence, and its side effects are ...": the
                    # claim is stated where "its" stands, so that clause's cues govern it
                    anchor_iv = replace(iv, start=anaphor_of[1], end=anaphor_of[1] + 1)
                elif antecedent is not None and antecedent.norm.lower() == iv.norm.lower():
                    # "zolpidem, which can cause falls": the relative clause states the claim
                    pronoun = self._relative_pronoun(sent, cond)
                    if pronoun is not None:
                        anchor_iv = replace(iv, start=pronoun, end=pronoun + 1)
                elif 0 <= iv.end <= cond.start:
                    # "... antipsychotics do not shorten delirium, and they can cause falls":
                    # the condition's own clause names the treatment by a pronoun, so that
                    # clause's cues govern the claim, not those of the treatment's clause
                    pronoun = self._pronoun_subject_of_own_clause(doc, iv, cond)
                    if pronoun is not None:
                        anchor_iv = replace(iv, start=pronoun, end=pronoun + 1)
                hedge = assess_hedge(sent, anchors=self._anchors(anchor_iv, cond, cues),
                                     sentence_cues=self._article.hedge_cues_by_sentence.get(sent.start, []),
                                     frame_cues=ctx.frame)
                if (hedge.negated and {c.lower() for c in hedge.negation_cues} <= {"no"}
                        and self._group_free_of(doc, cond)):
                    # "patients on the drug had no hives": the "no" is the result, not a denial
                    hedge = replace(hedge, negated=False, negation_cues=())
                elif hedge.negated and self._negated_only_after(sent, cond, hedge.negation_cues):
                    # "lowers blood sugar without causing weight gain": "without" denies
                    # what follows it, not a condition named before it
                    hedge = replace(hedge, negated=False, negation_cues=())
                elif not hedge.negated and cond.start >= 0:
                    # "..., but the difference from placebo was not statistically significant",
                    # "... did not differ between groups": the trial found no effect, whatever
                    # the clause before it reports
                    verdict = _NOT_SIGNIFICANT.search(self._article.text, doc[cond.end - 1].idx, sent.end_char)
                    if verdict is not None:
                        hedge = replace(hedge, negated=True, negation_cues=(*hedge.negation_cues, verdict.group(0)))
                # a gapped clause ("; erenumab with constipation") has the verb of the first
                relation_iv = explicit_ivs[0] if id(iv) in by_clause and self._is_gapped(sent, iv) else iv
                relation, trigger = self._relation(doc, relation_iv, cond, cues, mechanisms, is_heading)
                if heading_names_a_topic and iv.implicit and trigger.lower() in _TOPIC_HEADING_TRIGGERS:
                    # "Carpal tunnel syndrome: your treatment options", "Treatments for frozen
                    # shoulder": a heading that names what the page covers claims no effect of
                    # the treatment the page goes on to name
                    continue
                claim = Claim(
                    sentence_index=ctx.index, start_char=start_char, end_char=end_char,
                    sentence=self._article.text[start_char:end_char],
                    section=section.label_ if section is not None else "",
                    intervention=iv, condition=cond, relation=relation,
                    mechanism=_mechanism_texts(mechanisms, phrases, iv, cond) + tuple(anaphoric_mechanisms),
                    hedge_level=hedge.level, hedge_cues=hedge.cues,
                    negated=hedge.negated, negation_cues=hedge.negation_cues, evidence=stages,
                    trigger=trigger, is_heading=is_heading)
                claims.append(claim)
                if not is_heading:
                    again = self._claim_taken_up_again(doc, sent, ents, anchor_iv, cond, claim, ctx.frame)
                    if again is not None:
                        claims.append(again)
        return claims

    def _claim_taken_up_again(self, doc: Doc, sent: Span, ents: list[Span], iv: Mention, cond: Mention,
                              claim: Claim, frame: list[Span]) -> Claim | None:
        """'Corticosteroid injections reduce pain for up to six weeks, but the benefit has
        worn off by three months', 'It does not cure bedwetting, but it controls it on the
        nights it is taken', '... might raise the risk of dementia, but the largest studies
        have found no such link': a clause after a contrast whose subject takes the claim up
        again (a pronoun for the treatment, "the benefit", or studies that found none)
        states the same pair a second time, at its own level; a second claim when that
        level or its negation differs from the first's."""
        words = self._article.lower
        last = max(iv.end, cond.end)
        contrast = next((i for i in range(last, sent.end) if words[i] in _TAKE_UP_CONTRASTS), None)
        if contrast is None:
            return None
        subject = next((j for j in range(contrast + 1, min(contrast + 6, sent.end))
                        if doc[j].dep_ in NOMINAL_SUBJECTS), None)
        if subject is None:
            return None
        word = words[subject]
        clause = range(subject, doc[subject].head.right_edge.i + 1)
        named = [e for e in ents if e.start in clause and e.label_ not in INTERVENTION_LABELS]
        if any(e.text.lower() != cond.text.lower() for e in named):
            return None  # "..., but trials have found little benefit in Crohn's": another condition
        hedge = assess_hedge(sent, anchors=[subject, doc[subject].head.i],
                             sentence_cues=self._article.hedge_cues_by_sentence.get(sent.start, []),
                             frame_cues=frame)
        if word in _SUBJECT_PRONOUNS_OF_TREATMENTS:
            # "it" takes up one treatment, "they" a class; the clause acts again (a verb of
            # effect) on the same condition, named again or by a pronoun, and on no other
            if self._is_plural(doc, iv) != (word == "they"):
                return None
            if not any(k in self._article.cue_starts for k in clause):
                return None
            if not named and not any(words[k] in ("it", "them") and doc[k].dep_ == "dobj" for k in clause):
                return None
        elif word in _BENEFIT_NOUNS and words[subject - 1] in _DETERMINERS and any(
                words[k] in _WEARING_OFF for k in clause):
            # "but the benefit has worn off by three months"
            hedge = replace(hedge, negated=True, negation_cues=(*hedge.negation_cues, doc[subject].head.text))
        elif not (word in _STUDY_SUBJECTS and hedge.negated and any(words[k] in _FINDING_VERBS for k in clause)):
            return None  # not "but the largest studies have found no such link"
        if (hedge.level, hedge.negated) == (claim.hedge_level, claim.negated):
            return None
        return replace(claim, hedge_level=hedge.level, hedge_cues=hedge.cues, negated=hedge.negated,
                       negation_cues=hedge.negation_cues)

    # -- arguments -------------------------------------------------------------------

    def _find_symptoms(self, doc: Doc) -> dict[int, tuple[int, str]]:
        """Symptom adjectives after a verb of causing or feeling ('makes one person in ten
        sleepy', 'made people depressed or even suicidal', 'feels feverish or achy', 'won't
        leave you groggy'): adjective token -> (verb token, condition)."""
        found = {}
        words = self._article.lower
        for i, word in enumerate(words):
            condition = self.symptom_adjectives.get(word)
            if condition is None:
                property_of = self.property_adjectives.get(word)
                if property_of is not None and not self._article.ent_type[i] and self._is_treatment_property(doc[i]):
                    # "Macrogols are not addictive", "promethazine is sedating": a property
                    # of the treatment that is its subject names what it causes
                    found[i] = (doc[i].head.i, property_of)
                continue
            if self._article.ent_type[i]:
                continue
            j = i - 1
            # "makes about one person in ten sleepy", "made people depressed or even suicidal"
            while (j >= 0 and i - j <= 7 and words[j] not in self.symptom_verbs
                   and (words[j] in self.symptom_skip or words[j] in self.symptom_adjectives or doc[j].like_num)):
                j -= 1
            if j >= 0 and words[j] in self.symptom_verbs and "if" not in words[max(0, j - 3):j]:
                found[i] = (j, condition)  # not advice: "call your GP if you feel agitated"
        return found

    def _is_treatment_property(self, tok: Token) -> bool:
        """The adjective is the complement of "be" whose subject is a treatment."""
        verb = tok.head
        return tok.dep_ in ("acomp", "attr") and verb.lower_ in _COPULAR_VERBS and any(
            child.dep_ in NOMINAL_SUBJECTS and self._article.ent_type[child.i] in INTERVENTION_LABELS
            for child in verb.children)

    def _symptom_mention(self, doc: Doc, i: int) -> Mention:
        tok = doc[i]
        condition = self._article.symptoms[i][1]
        return Mention(tok.text, condition, "DISEASE", i, i + 1, tok.idx, tok.idx + len(tok.text),
                       self.kb_ids.get(condition, ""))

    def _arm_cues(self, interventions: list[Mention]) -> list[tuple[str, int, int]]:
        """'mice given rapamycin', 'women who were taking it', 'patients treated with X',
        'the pembrolizumab group': a group defined by its treatment reports that
        treatment's result, so the phrase is a causal claim cue ("... lived longer")."""
        words = self._article.lower
        cues = []
        for m in interventions:
            if m.end < len(words) and words[m.end] in self.arm_nouns:
                cues.append(("causal_words", m.start, m.end + 1))
                self._article.arm_starts.add(m.start)
                continue
            i = m.start - 1
            while i >= 0 and words[i] in ("with", "the", "a", "an"):
                i -= 1
            if i < 1 or words[i] not in self.arm_verbs:
                continue
            j = i - 1
            while j >= 0 and words[j] in self.arm_auxiliaries:
                j -= 1
            if j >= 0 and words[j] in self.population_heads:
                cues.append(("causal_words", j, m.end))
                self._article.arm_starts.add(m.start)
        return cues

    def _source_cues(self, ents: list[Span], interventions: list[Mention]) -> list[tuple[str, int, int]]:
        """'Sickness from chemotherapy is much more preventable', 'headaches from caffeine
        withdrawal': a condition followed by "from" and a treatment names what caused it,
        so "from" is a causal claim cue."""
        words = self._article.lower
        starts = {m.start for m in interventions}
        cues = []
        for e in ents:
            if e.label_ not in CONDITION_LABELS or e.end >= len(words) or words[e.end] != "from":
                continue
            j = e.end + 1
            while j < len(words) and words[j] in _DETERMINERS:
                j += 1
            if j in starts:
                cues.append(("causal_words", e.end, e.end + 1))
        return cues

    def _used_intransitively(self, doc: Doc, start: int, end: int) -> bool:
        """'A short course of prednisolone settles a severe flare' names an effect; 'it
        almost always settles by itself' says the condition passed: a verb that is both is
        a cue only with an object (read from the parse, when there is one)."""
        if end - start != 1 or self._article.lower[start] not in self.ergative_verb_forms:
            return False
        verb = doc[start]
        return doc.has_annotation("DEP") and not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)

    def _split_cues(self, doc: Doc) -> list[tuple[str, int, int]]:
        """'caffeine does not make tinnitus worse', 'Repellent sprays keep lice away',
        'prescribed timolol drops for glaucoma': a verb of effect or use whose particle (or
        'for') comes after its object is a causal claim cue; 'studies have linked them to
        falls': a verb of linking whose preposition comes after its object is a
        correlational one, spanning the object."""
        words = self._article.lower
        cues = []
        for i, word in enumerate(words):
            ends = self.split_cue_verbs.get(word)
            if ends is not None and any(w in ends for w in words[i + 1:i + 2 + self.split_cue_gap]):
                cues.append(("causal_words", i, i + 1))
            if (word in _GIVE_FORMS and i + 2 < len(words) and words[i + 1] in _GIVEN_TO
                    and any(self._article.ent_type[j] in CONDITION_LABELS for j in range(i + 2, min(len(words), i + 5)))):
                # "It gave me headaches", "it can give you a dry mouth": a condition given to a
                # person (not a medicine: "the doctor may give you midazolam")
                cues.append(("causal_words", i, i + 2))
            ends = self.split_link_verbs.get(word)
            if ends is not None and i + 1 < len(words) and words[i + 1] not in ends and doc[i].tag_.startswith("VB"):
                to = next((j for j in range(i + 2, min(len(words), i + 2 + self.link_gap)) if words[j] in ends),
                          None)
                if to is not None:  # the cue holds its object: "linked them to"
                    cues.append(("correlational", i, to + 1))
        return cues

    def _mention(self, ent: Span, long_forms: dict[str, str]) -> Mention:
        """The entity as a Mention. Built once per entity and document: the doc's entities
        do not change while the claim layer reads them, Mentions are frozen, and every
        sentence and passage that names the entity would otherwise build it anew."""
        key = (ent.start, ent.end, ent.label, ent.kb_id)
        mention = self._article.mentions.get(key)
        if mention is None:
            mention = self._article.mentions[key] = self._new_mention(ent, long_forms)
        return mention

    def _new_mention(self, ent: Span, long_forms: dict[str, str]) -> Mention:
        text, end_char = ent.text, ent.end_char
        if _ends_in_sentence_stop(ent):
            text, end_char = text[:-1], end_char - 1  # "vitamin D." -> "vitamin D"
        norm = long_forms.get(text, text)
        kb_id = ent.kb_id_ or self.kb_ids.get(norm.lower()) or self.kb_ids.get(text.lower(), "")
        if kb_id.startswith("pattern:"):
            kb_id = ""
        return Mention(text, norm, ent.label_, ent.start, ent.end, ent.start_char, end_char, kb_id)

    def _is_generic(self, doc: Doc, m: Mention) -> bool:
        """'traditional treatments', 'standard therapies': other care, not an intervention."""
        return self._article.lower[m.end - 1] in self.generic_heads and (
            m.end - m.start == 1 or self._article.lower[m.start] in self.generic_mods
            or (m.start > 0 and self._article.lower[m.start - 1] in self.generic_mods))  # "other diabetes drugs"

    def _has_generic_phrase(self, doc: Doc, sent: Span) -> bool:
        words = self._article.lower
        return any(words[i] in self.generic_mods and words[i + 1] in self.generic_heads
                   for i in range(sent.start, sent.end - 1))

    def _intervention_anaphor(self, doc: Doc, sent: Span) -> Span | None:
        words, ent_type = self._article.lower, self._article.ent_type
        for i in range(sent.start, sent.end):
            if words[i] in self.anaphor_pronouns and not ent_type[i] and not doc[i].is_upper \
                    and not in_hyphenated_word(doc, i, i + 1) and not _is_expletive(doc[i]) \
                    and not (i > sent.start and words[i - 1] == "put" and i + 1 < sent.end
                             and words[i + 1] in _PUT_IT_WAYS):  # not "REDUCE-IT", "to put it simply"
                return doc[i:i + 1]
            if words[i] in self.anaphor_dets and i + 1 < sent.end and words[i + 1] in self.anaphor_heads:
                return doc[i:i + 2]
        return None

    def _group_antecedents(self, doc: Doc, sent: Span, para: Span | None, interventions: list[Mention]) -> list[Mention]:
        """'Both', 'all three', 'the two drugs' as a subject: the last two / three
        interventions the paragraph named before it ("Cetirizine, loratadine and
        fexofenadine ... All three work well for hay fever"), as anaphor mentions."""
        found = self._group_anaphor(doc, sent) if para is not None else None
        if found is None:
            return self._plural_antecedents(doc, sent, para, interventions) if para is not None else []
        span, n = found
        before = [m for m in interventions if para.start <= m.start < span.start]
        # named drugs before a class noun that sums them up ("X, Y and Z are the newer
        # antihistamines. All three ...")
        named = [m for m in before if not (m.text.islower() and m.text.endswith("s"))]
        earlier: list[Mention] = []
        for m in reversed(named if len({m.norm.lower() for m in named}) >= n else before):
            if all(m.norm.lower() != e.norm.lower() for e in earlier):
                earlier.append(m)
            if len(earlier) == n:
                return [Mention(span.text, m.norm, m.label, span.start, span.end, span.start_char, span.end_char,
                                m.kb_id, implicit=True, kind="anaphor") for m in reversed(earlier)]
        return []

    def _plural_antecedents(self, doc: Doc, sent: Span, para: Span, interventions: list[Mention]) -> list[Mention]:
        """'They' as the subject of a sentence names the plural the paragraph named last:
        a class ("Anticholinergics work, modestly. On average they cut leaks ...") or two
        coordinated treatments ("Brimonidine gel and oxymetazoline cream narrow the
        vessels. ... they visibly reduce redness"); not people named after it ("Patients
        ... they")."""
        # the subject "they", the object "them" ("studies have linked them to ...") or
        # "their" of a treatment's use ("their use has been linked to falls") stands among
        # the sentence's first ten words
        pronoun = next((doc[i] for i in range(sent.start, min(sent.end, sent.start + 10))
                        if self._names_plural_treatment(doc[i])), None)
        if pronoun is None:
            return []
        before = [m for m in interventions if para.start <= m.start < pronoun.i]
        if not before or any(m.start >= sent.start for m in before):
            return []
        last = before[-1]
        if any(self._article.lower[t.i] in self.population_heads and t.dep_ not in ("pobj", "dobj")
               for t in doc[last.end:pronoun.i]):
            return []  # people named as a subject after the treatment: "Patients ... they"; not "for most people"
        words = self._article.lower
        examples = [k for k, m in enumerate(before) if self._example_marker(m.start, para.start) is not None]
        if examples and examples[0] > 0:
            # "Opioids such as codeine ... They": the class the examples illustrate
            last = before[examples[0] - 1]
            before = before[:examples[0]]
        group = [last]
        between = self._article.lower[before[-2].end:last.start] if len(before) > 1 else []
        if 0 < len(between) <= 2 and between[-1] in ("and", "or"):  # "brimonidine gel and oxymetazoline"
            group = [before[-2], last]
        elif not (last.text[1:].islower() and last.text.endswith("s")):  # "Anticholinergics", a class
            return []  # one treatment is "it"
        return [Mention(pronoun.text, m.norm, m.label, pronoun.i, pronoun.i + 1, pronoun.idx,
                        pronoun.idx + len(pronoun), m.kb_id, implicit=True, kind="anaphor") for m in group]

    def _lead_in(self, ents: list[Span], cues, long_forms: dict[str, str]) -> tuple[list[Mention], str] | None:
        """'Some everyday products push blood pressure up:', 'These things can make seizures
        more likely:': a sentence that ends in a colon (the caller checks), names conditions
        and no treatment, and has a claim cue introduces a list whose items name the
        treatments. Returns its conditions and its cue's kind."""
        if any(e.label_ in INTERVENTION_LABELS for e in ents):
            return None
        conditions = [self._mention(e, long_forms) for e in ents if e.label_ in CONDITION_LABELS]
        kinds = [k for k, s, e in cues if e > s and k in ("causal_verbs", "causal_words", "correlational")]
        if not conditions or not kinds:
            return None
        return conditions, ("correlational" if "correlational" in kinds else "causal_words")

    @staticmethod
    def _ends_in_colon(doc: Doc, sent: Span) -> bool:
        last = sent.end - 1
        while last > sent.start and doc[last].is_space:
            last -= 1
        return doc[last].text == ":"

    def _is_list_item(self, doc: Doc, sent: Span) -> bool:
        """A line of a list: it starts a line, and with a list marker or a small letter
        (Markdown and HTML readers drop the marker: "not getting enough sleep")."""
        if sent.start == 0 or "\n" not in doc[sent.start - 1].text_with_ws:
            return False
        first = doc[sent.start].text
        return first in _LIST_MARKERS or first[:1].islower() or (first.isdigit() and sent.start + 1 < sent.end
                                                                and doc[sent.start + 1].text in (".", ")"))

    def _names_plural_treatment(self, token: Token) -> bool:
        word = self._article.lower[token.i]
        if word == "they":
            return token.dep_ in NOMINAL_SUBJECTS
        if word == "them":
            return token.dep_ == "dobj"
        if word in self.group_heads:  # "These drugs roughly halve the risk ..."
            return token.dep_ in NOMINAL_SUBJECTS and any(
                c.dep_ == "det" and c.lower_ in _PLURAL_DEMONSTRATIVES for c in token.children)
        return word == "their" and token.head.lower_ in _USE_NOUNS

    def _opens_clause(self, i: int) -> bool:
        """Whether the word at i opens a clause: after "; ", ", and", ", but", "while" ..."""
        words = self._article.lower
        return i > 0 and (words[i - 1] in CLAUSE_OPENERS or (
            words[i - 1] == "and" and i > 1 and words[i - 2] in (",", ";")))

    def _example_marker(self, i: int, lo: int) -> int | None:
        """Where "such as", "like" or "including" starts right before the word at i (not
        before lo), when the word is given as an example ("opioids such as codeine")."""
        words = self._article.lower
        if words[max(lo, i - 2):i] == ["such", "as"]:
            return i - 2
        if i > lo and words[i - 1] in ("like", "including"):
            return i - 1
        return None

    def _group_anaphor(self, doc: Doc, sent: Span) -> tuple[Span, int] | None:
        """('All three', 3), ('Both of them', 2), ('The two drugs', 2) near the start of
        the sentence, or further in as the subject of a clause of its own (", and both
        drugs cause dizziness"); not "both" before the first of two coordinated words
        ("both anxiety and depression")."""
        words = self._article.lower
        for i in range(sent.start, sent.end - 1):
            if i >= sent.start + 12 and not self._opens_clause(i):
                continue  # further in, only as the subject of a clause of its own (", and both drugs ...")
            if words[i] in ("all", "the") and words[i + 1] in _NUMBER_WORDS:
                n, end = _NUMBER_WORDS[words[i + 1]], i + 2
                if words[i] == "the" and not (end < sent.end and (words[end] in self.group_heads or words[end] == "of")):
                    continue
            elif words[i] == "both":
                n, end = 2, i + 1
                if end + 1 < sent.end and doc[end].tag_ == "JJ" and words[end + 1] in self.group_heads:
                    end += 1  # "Both active gels"
                nxt = doc[end]
                if not (nxt.lower_ == "of" or nxt.lower_ in self.group_heads or nxt.lower_ in _AUXILIARIES
                        or nxt.tag_.startswith(("VB", "MD")) or end in self._article.cue_starts):
                    continue
            else:
                continue
            if end < sent.end and words[end] == "of":  # "both of them", "all three of these"
                end += 2 if end + 1 < sent.end and words[end + 1] in ("them", "these", "those") else 1
            elif end < sent.end and words[end] in self.group_heads:
                end += 1
            return doc[i:end], n
        return None

    def _condition_anaphor(self, doc: Doc, sent: Span) -> Span | None:
        words = self._article.lower
        for i in range(sent.start, sent.end):
            if words[i] not in self.cond_anaphor_dets:
                continue
            for j in range(i + 1, min(i + 4, sent.end)):
                if words[j] in self.cond_anaphor_heads:
                    return doc[i:j + 1]
                if not words[j].isalpha():
                    break
        return None

    def _definite_condition(self, doc: Doc, sent: Span) -> Span | None:
        """'the disease', 'the infection': a definite noun phrase that names a disease
        already introduced."""
        words = self._article.lower
        for i in range(sent.start, sent.end - 1):
            if words[i] != "the":
                continue
            # "the underlying disease", "the same infection"
            j = i + 2 if words[i + 1] in _DEFINITE_MODIFIERS and i + 2 < sent.end else i + 1
            if words[j] in self.definite_cond_heads and not self._article.ent_type[j]:
                return doc[i:j + 1]
        return None

    def _last_disease_before(self, sent: Span, head: str = "") -> Mention | None:
        """The last disease named before the sentence; with a head word, the last one
        whose name has it ("the deficiency": "iron-deficiency anaemia")."""
        earlier = [m for m in self._article.diseases if m.end <= sent.start and (not head or head in m.norm.lower())]
        return earlier[-1] if earlier else None

    def _heading_condition(self, section: Span, ents: list[Span], long_forms: dict[str, str]) -> Mention | None:
        doc = section.doc
        for h in doc.spans.get("headings", []):
            if h.start == section.start:
                for e in ents:
                    if h.start <= e.start < h.end and e.label_ in CONDITION_LABELS:
                        return _implicit(self._mention(e, long_forms), kind="heading")
        return None

    def _is_class_predicate(self, tok) -> bool:
        """The word is the class a treatment (or "it") is said to be: "X is a laxative",
        "X is one of the antipsychotics"."""
        head = tok
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            head = tok.head.head
        elif tok.dep_ == "amod" and tok.i > tok.head.i:
            head = tok.head  # "first-generation antipsychotic" read with "generation" as head
        verb = head.head
        return head.dep_ in ("attr", "acomp") and verb.lower_ in _COPULAR_VERBS and any(
            child.dep_ in NOMINAL_SUBJECTS and (self._article.ent_type[child.i] in INTERVENTION_LABELS
                                                or child.lower_ in self.anaphor_pronouns)
            for child in verb.children)

    def _adjective_conditions(self, doc: Doc, sent: Span) -> list[Mention]:
        found = []
        words = self._article.lower
        for i in range(sent.start, sent.end):
            condition = self.condition_adjectives.get(words[i])
            first = i
            if condition is None and i >= 2 and words[i - 1] == "-" and not doc[i - 1].whitespace_:
                # the tokenizer splits "anti-inflammatory": judge the hyphenated word
                condition = self.condition_adjectives.get(f"{words[i - 2]}-{words[i]}")
                first = i - 2
            # the class word may be a plural noun: "one of the antipsychotics"
            class_condition = condition or (self.condition_adjectives.get(words[i][:-1]) if words[i].endswith("s")
                                            else None)
            if class_condition is None and condition is None:
                continue  # the usual word: no Token is needed for it
            tok = doc[i]
            if class_condition is not None and self._is_class_predicate(tok):
                # "Senna is a stimulant laxative", "Olanzapine is one of the more effective
                # antipsychotics": the class the treatment is said to belong to names what it treats
                found.append(Mention(tok.text, class_condition, "DISEASE", i, i + 1, tok.idx, tok.idx + len(tok),
                                     self.kb_ids.get(class_condition, ""), kind="adjective"))
                continue
            if condition is None:
                continue
            # an adjective of action before a property noun, possibly across a coordination:
            # "antidepressant and anxiolytic properties"
            for j in range(tok.i + 1, min(tok.i + 5, sent.end)):
                nxt = words[j]
                if nxt in self.property_nouns:
                    word = doc[first:i + 1]
                    found.append(Mention(word.text, condition, "DISEASE", first, i + 1, word.start_char,
                                         word.end_char, self.kb_ids.get(condition, ""), kind="adjective"))
                    break
                if not (nxt in ("and", "or", ",", "and/or", "-", "anti") or nxt in self.condition_adjectives
                        or (nxt.isalpha() and nxt.endswith(("ic", "al", "ive", "ant", "ing", "ed")))):
                    break
        return found

    def _in_comparison(self, doc: Doc, cond: Mention, sent: Span) -> bool:
        """'less robust than for depression', 'compared to its use in depression'."""
        words, ent_type = self._article.lower, self._article.ent_type
        for i in range(cond.start - 1, max(sent.start, cond.start - 7) - 1, -1):
            if (not words[i][:1].isalnum() or ent_type[i] in INTERVENTION_LABELS
                    or words[i] in self.non_interventions):
                return False  # "better than placebo for depression": the comparison is of treatments
            if words[i] in self.comparison:
                return True
        return False

    def _is_demonstrative(self, doc: Doc, cond: Mention) -> bool:
        return (cond.kind == "entity" and cond.start > 0
                and self._article.lower[cond.start - 1] in self.cond_anaphor_dets
                and self._article.lower[cond.end - 1] in self.cond_anaphor_heads)

    def _agents(self, doc: Doc, sent: Span, ivs: list[Mention]) -> list[Mention]:
        """Of several interventions, those the claim is about: the first one and those
        coordinated with it ("SSRIs and CBT"), not a comparator ("better than
        escitalopram"), a context ("during concurrent psychotherapy") or a chemical named
        in the mechanism ("by suppressing glucose production")."""
        candidates = [m for m in ivs if not self._is_adjunct(doc, m, sent)
                      and not self._in_comparison(doc, m, sent)] or ivs[:1]
        # a class named before its examples ("anti-seizure medicines such as valproate"):
        # the examples are the agents
        candidates = [m for i, m in enumerate(candidates)
                      if not (i + 1 < len(candidates) and self._introduces_examples(m, candidates[i + 1]))]
        agents = [candidates[0]]
        for m in candidates[1:]:
            gap = doc[agents[-1].end:m.start]
            if all(t.lower_ in self.coordination_words or t.ent_type_ in INTERVENTION_LABELS for t in gap):
                agents.append(m)
            elif self._clause_opener(sent, m) is not None:
                agents.append(m)
        if any(m.start in self._article.arm_starts for m in agents) or not any(
                self._is_subject(doc, m) for m in agents if m.start >= 0):
            # "20% of patients taking liraglutide and 8% of those taking sitagliptin": each
            # trial group's result is its treatment's (not "people taking blood thinners"
            # when fish oil is what "may increase the risk of bleeding")
            agents += [m for m in ivs if m not in agents and m.start in self._article.arm_starts]
        # "works about as well as an SSRI", "better than benzodiazepines": the treatment
        # compared with has the effect too (placebo is no intervention; "no better
        # than X" says nothing of X's effect)
        agents += [m for m in ivs if m.start > agents[0].start and m not in agents and self._is_comparator(m, sent)
                   and not any(w in (",", ";", ":") for w in self._article.lower[agents[0].end:m.start])]
        return sorted(agents, key=lambda m: m.start)

    @staticmethod
    def _conditions_have_own_agent(doc: Doc, anaphor: Span, explicit_ivs: list[Mention],
                                   conditions: list[Mention]) -> bool:
        """'it cannot tell us whether sweeteners cause heart attacks': every named condition
        lies in the clause of a verb whose subject is a named treatment, away from the
        pronoun, so the pronoun (here the study) is no agent of the claim."""
        if len(anaphor) != 1 or not explicit_ivs or not any(c.start >= 0 for c in conditions):
            return False
        for m in explicit_ivs:
            root = doc[m.start:m.end].root
            if root.dep_ not in NOMINAL_SUBJECTS or not root.head.tag_.startswith("VB"):
                continue
            verb = root.head
            clause = range(verb.left_edge.i, verb.right_edge.i + 1)
            if anaphor.start not in clause and all(c.start in clause for c in conditions if c.start >= 0):
                return True
        return False

    def _acted_on(self, doc: Doc, subject: Span, m: Mention, sent: Span) -> bool:
        """Is m what the anaphoric subject's verb acts on, in the same clause ("*It* makes
        your kidneys pass more *salt*")? Not a subject of its own ("it does not work:
        aspirin does little"), a comparator ("less effective than letrozole") or a word
        in a relative or adverbial clause ("withdrawn after batches were found to contain
        NDMA, an impurity that may cause cancer")."""
        if subject.root.dep_ not in NOMINAL_SUBJECTS or m.start < subject.end:
            return False
        token = doc[m.start:m.end].root
        if token.dep_ in NOMINAL_SUBJECTS or self._in_comparison(doc, m, sent) or self._is_comparator(m, sent):
            return False
        verb = subject.root.head
        while token.i != verb.i:
            if token.dep_ in _OWN_CLAUSES or token.head.i == token.i:
                return False
            token = token.head
        return True

    @staticmethod
    def _ligand_of_target(doc: Doc, m: Mention) -> bool:
        """'the beta-1 receptors that adrenaline acts on': a chemical that is the subject of
        a relative clause describing a drug target is that target's own ligand, part of the
        mechanism, not a treatment."""
        root = doc[m.start:m.end].root
        clause = root.head
        return (root.dep_ in NOMINAL_SUBJECTS and clause.dep_ in ("relcl", "rcmod")
                and clause.head.ent_type_ in MECHANISM_LABELS)

    def _cataphor_target(self, sent: Span, anaphor: Span, explicit_ivs: list[Mention]) -> Mention | None:
        """'Because it barely crosses into the brain, fexofenadine caused no drowsiness': a
        pronoun in a fronted subordinate clause names the treatment the main clause goes on
        to name."""
        words = self._article.lower
        if words[sent.start] not in _FRONTED_SUBORDINATORS:
            return None
        comma = next((i for i in range(sent.start, sent.end) if words[i] == ","), None)
        if comma is None or anaphor.start > comma:
            return None
        return next((m for m in explicit_ivs if m.start > comma), None)

    @staticmethod
    def _is_subject(doc: Doc, m: Mention) -> bool:
        """The mention is the subject of its clause ("Pelvic floor training helps ..."), a
        gerund act its clausal subject ("Stopping smoking helps ...")."""
        return doc[m.start:m.end].root.dep_ in _SUBJECTS

    def _describes_another(self, doc: Doc, m: Mention) -> bool:
        """'Mebendazole, a chewable tablet from the pharmacy, ...', 'furosemide, a water
        tablet', 'This is a water tablet': a lay description in apposition to a named
        treatment, or said of the treatment under discussion, is that treatment, not a
        second one; so is a class noun the text goes on to name ("a group of antibiotics
        called fluoroquinolones")."""
        if self._names_another(doc, m) or self._classifies_a_subject(doc, m):
            return True
        if m.start not in self._article.described:
            return False
        root = doc[m.start:m.end].root
        if root.dep_ == "attr":
            return True
        return root.dep_ == "appos" and root.head.ent_type_ in INTERVENTION_LABELS and not m.start <= root.head.i < m.end

    def _classifies_a_subject(self, doc: Doc, m: Mention) -> bool:
        """"It's a beta-blocker", "the drops, which are a beta-blocker", "Bisoprolol is a
        beta-blocker": a treatment named after "be" whose subject is a pronoun or another
        treatment says what kind that one is; it is neither a second treatment nor the
        passage's topic ("The best option is surgery" still names surgery)."""
        if m.start < 0:
            return False
        # from the words, which the parser misreads in such lay clauses: the copula before
        # the name (its article and adjectives aside), and before it the subject
        words = self._article.lower
        k = m.start - 1
        while k >= 0 and (doc[k].tag_ in ("DT", "JJ", "JJR", "RB") and words[k] not in _COPULAR_VERBS):
            k -= 1
        if k < 1 or words[k] not in _COPULAR_VERBS or words[k].startswith(("seem", "appear", "remain")):
            return False
        subject = k - 1
        return words[subject] in _CLASSIFIED_SUBJECTS or self._article.ent_type[subject] in INTERVENTION_LABELS

    def _names_a_subject_before(self, doc: Doc, sent: Span, anaphor: Span) -> bool:
        """'Serotonin is made in the gut, where it helps ...', 'Rosacea is not caused by poor
        hygiene, and it is not infectious': a pronoun after a clause whose subject is a named
        condition or mechanism takes that subject up, not the passage's treatment."""
        if self._article.lower[anaphor.start] not in self.anaphor_pronouns:
            return False
        for token in doc[sent.start:anaphor.start]:
            if (token.dep_ in NOMINAL_SUBJECTS
                    and self._article.ent_type[token.i] in CONDITION_LABELS | MECHANISM_LABELS):
                return True
        return False

    def _is_control(self, m: Mention) -> bool:
        """'placebo', 'a vehicle gel', 'sham surgery', 'a dummy tablet', 'a saline drip':
        what a trial's treatment is compared with, not a treatment."""
        words = m.text.lower().split()
        return m.text.lower() in self.non_interventions or (len(words) > 1 and (
            words[0] in self.control_modifiers or words[-1] in self.control_forms.get(words[0], ())))

    def _is_route(self, doc: Doc, m: Mention) -> bool:
        """'It is given by intramuscular injection', 'delivered via a nasal spray': how a
        treatment is given, not a second treatment."""
        root = doc[m.start:m.end].root
        prep = root.head
        return (root.dep_ == "pobj" and prep.lower_ in self.route_prepositions
                and english_lemma_lookup().get(prep.head.lower_, prep.head.lower_) in self.administration_verbs
                and prep.head.tag_ == "VBN")

    def _names_another(self, doc: Doc, m: Mention) -> bool:
        """'antibiotics called fluoroquinolones', 'a statin known as rosuvastatin': the
        mention is followed by a naming word and another treatment's name."""
        i = m.end
        if i < len(doc) and self._article.lower[i] in NAMING_WORDS:
            i += 1
        elif i + 1 < len(doc) and self._article.lower[i] == "known" and self._article.lower[i + 1] == "as":
            i += 2
        else:
            return False
        return i < len(doc) and self._article.ent_type[i] in INTERVENTION_LABELS

    @staticmethod
    def _in_warning_condition(doc: Doc, c: Mention) -> bool:
        """'... are told to stop the tablets and get a blood test if they develop a sore
        throat', 'See a doctor if you notice blood in your urine': a condition in the
        if-clause of an instruction is what to watch for, not an effect the text claims."""
        if c.start < 0:
            return False
        token = doc[c.start:c.end].root
        while token.head.i != token.i and token.dep_ != "advcl":
            token = token.head
        if token.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in token.children):
            return False
        lemmas = english_lemma_lookup()
        return lemmas.get(token.head.lower_, token.head.lower_) in _INSTRUCTION_VERBS

    def _adjusted_for(self, sent: Span) -> list[tuple[int, int]]:
        """Token ranges of what a study adjusted for: from 'after adjustment for',
        'controlling for' ... to the end of the clause ('; ' or the sentence's end)."""
        words = self._article.lower
        ranges = []
        for i in range(sent.start, sent.end):
            if words[i] not in self.adjustment_first_words:
                continue
            for phrase in self.adjustment_phrases:
                if tuple(words[i:i + len(phrase)]) == phrase:
                    end = next((j for j in range(i, sent.end) if words[j] == ";"), sent.end)
                    ranges.append((i + len(phrase), end))
        return ranges

    def _is_comparator(self, m: Mention, sent: Span) -> bool:
        words = self._article.lower
        lo = max(sent.start, m.start - 7)
        window = words[lo:m.start]
        for k, w in enumerate(window):
            # within four words, or further when only the noun phrase's own modifiers stand
            # between ("less effective than a low-dose inhaled steroid")
            if k < len(window) - 4 and not all(t.tag_ in _NOUN_PHRASE_TAGS for t in sent.doc[lo + k + 1:m.start]):
                continue
            if (w in self.comparison and w not in _CONTRASTS) or w in self.treatment_comparison \
                    or (w == "as" and k > 0 and window[k - 1] in _EQUATIVE_ADVERBS):
                before = words[max(sent.start, lo + k - 3):lo + k]
                if not any(b in ("no", "not", "n't", "never") for b in before):
                    return True
        return False

    def _clause_opener(self, sent: Span, m: Mention) -> int | None:
        """Index of the word that opens intervention m's own clause, if it has one:
        'FMT cured 81 percent, while vancomycin alone cured 31 percent' (a clause of
        effect), or a clause whose verb is left out because it repeats the one before
        ('X reduced pain by 2 points, and Y by 1'; 'X was linked to A; Y with B')."""
        words = self._article.lower
        # an example opens the clause of the class it illustrates (", and opioids such as
        # codeine do little for ...")
        start = self._example_marker(m.start, sent.start)
        if start is None:
            start = m.start
        else:
            k = start
            while k > sent.start and self._article.ent_type[k - 1] in INTERVENTION_LABELS:
                k -= 1
            start = k if k < start else m.start
        lo = max(sent.start, start - 2)
        before = words[lo:start]
        after = words[m.end:min(sent.end, m.end + 3)]
        # a verb of effect, or another claim cue ("whereas cetirizine makes one in ten sleepy")
        has_cue = (any(w in self.causal_verb_forms for w in after)
                   or any(i in self._article.cue_starts for i in range(m.end, m.end + len(after))))
        for k in range(len(before) - 1, -1, -1):
            if before[k] in CLAUSE_OPENERS and has_cue:
                return lo + k
            # a coordinated clause with a verb of effect of its own (", and Y reduced the
            # severity of B") or with its verb left out (", and Y by 1.5 days", "; Y with
            # constipation")
            if ((before[k] == ";" or (before[k] == "and" and lo + k - 1 >= sent.start
                                      and words[lo + k - 1] in (",", ";", ")")))
                    and (has_cue or self._is_gapped(sent, m))):
                return lo + k
        return None

    def _is_gapped(self, sent: Span, m: Mention) -> bool:
        after = self._article.lower[m.end:min(sent.end, m.end + 3)]
        return (bool(after) and after[0] in _GAPPED_PREPOSITIONS
                and not any(w in self.causal_verb_forms for w in after))

    def _repeats_verb(self, sent: Span, prev_lo: int, lo: int, hi: int) -> bool:
        """'X cured 81 percent, while Y cured 31 percent': the clause [lo, hi) has no
        main verb of its own (auxiliaries aside), or repeats one of the clause before it."""
        doc = sent.doc
        verbs = {doc[i].lemma_.lower() or doc[i].lower_ for i in range(lo, min(hi, sent.end))
                 if doc[i].tag_ in _CLAUSE_VERB_TAGS and doc[i].lower_ not in _AUXILIARIES}
        if not verbs:
            return True
        before = {doc[i].lemma_.lower() or doc[i].lower_ for i in range(prev_lo, lo) if doc[i].tag_.startswith("VB")}
        return bool(verbs & before)

    def _clause_conditions(self, sent: Span, agents: list[Mention], conditions: list[Mention]) -> dict[int, list[Mention]]:
        """For a sentence of parallel clauses, each with its own intervention ("X reduced
        A; Y reduced B"): the conditions of each agent's clause; a clause that names none
        borrows those before it when its verb is left out or repeated ("and Y by 1.5
        days", "while Y cured 31 percent"). Empty when the sentence is not of that shape."""
        opened = [(m, self._clause_opener(sent, m)) for m in agents[1:]]
        bounds = [(agents[0], sent.start)] + [(m, k) for m, k in opened if k is not None]
        if len(bounds) < 2:
            return {}
        explicit = [c for c in conditions if c.start >= 0]
        result: dict[int, list[Mention]] = {}
        previous: list[Mention] = []
        for j, (m, lo) in enumerate(bounds):
            hi = bounds[j + 1][1] if j + 1 < len(bounds) else sent.end
            own = [c for c in explicit if lo <= c.start < hi]
            # only a gapped clause borrows the conditions before it; a clause with a verb
            # of its own ("but Y did not cause chest tightness") keeps to its own
            borrows = j == 0 or self._is_gapped(sent, m) or self._repeats_verb(sent, bounds[j - 1][1], lo, hi)
            result[id(m)] = own or (previous if borrows else [])
            previous = own or previous
        return result

    def _object_conditions(self, doc: Doc, sent: Span, ivs: list[Mention]) -> list[Mention]:
        """'they visibly reduce redness', 'it cut daily urgency episodes by 40 percent',
        'reduced the number of bumps and spots': what a verb of effect acts on, after the
        treatment that acts, is the condition when no entity names one."""
        first = min((m.start for m in ivs if m.start >= sent.start), default=None)
        if first is None:
            return []
        found = []
        for verb in sent:
            if verb.i <= first:
                continue
            if verb.tag_ == "VBG" and self._article.lower[verb.i - 1] in _MANNER_PREPOSITIONS:
                continue  # "works by slowing the multiplication of immune cells": how it acts
            if self._article.lower[verb.i] in self.for_heads:
                # "a first-line treatment for urgency", "does nothing for redness"
                nxt = doc[verb.i + 1] if verb.i + 1 < sent.end else None  # wherever the parser hung it
                objects = ([o for o in nxt.children if o.dep_ == "pobj"]
                           if nxt is not None and nxt.lower_ in self.for_prepositions else [])
            elif self._article.lower[verb.i] in self.object_verbs:
                objects = [o for o in verb.children if o.dep_ == "dobj" and o.i > verb.i]
                if not objects and (verb.tag_ in _CLAUSE_VERB_TAGS or self._misread_past_verb(sent, verb)) and not any(
                        c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in verb.children):
                    # the parser missed the object of a short lay clause ("does not treat spots")
                    objects = self._noun_run_after(sent, verb.i + 1)[-1:]
            elif self._article.lower[verb.i] in MAKE_VERBS:
                # "Alcohol may also make urgency worse"
                run = self._noun_run_after(sent, verb.i + 1)
                after = run[-1].i + 1 if run else sent.end
                objects = run[-1:] if after < sent.end and self._article.lower[after] in ("worse", "better") else []
            else:
                continue
            for obj in objects:
                if any(self._article.lower[k] in _QUOTE_MARKS for k in range(verb.i + 1, obj.i)):
                    continue  # '... stop HG recurring," Okonjo-Reid says': the parser's object is past the quote
                if obj.lower_ in self.quantity_nouns:  # "the number of bumps and spots"
                    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                    if obj is None:
                        continue
                if self._article.lower[obj.i] in _OBJECT_PRONOUNS or any(
                        c.dep_ == "det" and self._article.lower[c.i] in _OBJECT_PRONOUNS for c in obj.children):
                    antecedent = self._previous_condition(sent)
                    if antecedent is not None:  # "Lubricating drops ... prevent this"
                        words = doc[min([obj.i, *(c.i for c in obj.children if c.dep_ == "det")]):obj.i + 1]
                        found.append(Mention(words.text, antecedent.norm, antecedent.label, words.start, words.end,
                                             words.start_char, words.end_char, antecedent.kb_id, implicit=True,
                                             kind="anaphor"))
                    continue
                phrase = self._object_phrase(doc, obj)
                if phrase is not None:
                    found.append(_phrase_mention(phrase, "OUTCOME", kind="object"))
        return _dedupe(found)

    @staticmethod
    def _misread_past_verb(sent: Span, verb: Token) -> bool:
        """'Exercise reduced complications': the tagger reads a past verb of effect as a
        participle modifying the noun after it ("reduced complications") when the sentence
        has no other verb with a tense; after a noun that opens the clause it is the verb."""
        return (verb.tag_ == "VBN" and verb.dep_ == "amod" and verb.i > sent.start
                and sent.doc[verb.i - 1].tag_ in NOUN_TAGS
                and not any(t.tag_ in _FINITE_TAGS for t in sent if t.i != verb.i))

    def _previous_condition(self, sent: Span) -> Mention | None:
        """What "this" or "it" as the object of a verb of effect names: the last condition
        of the sentence before, in the same paragraph ("Diarrhoea is common in the first
        week. Loperamide may reduce it."). Its long form is not looked up: the antecedent's
        own name is what the row shows."""
        doc = sent.doc
        if sent.start == 0:
            return None
        previous = doc[sent.start - 1].sent
        if not any(p.start <= previous.start and sent.end <= p.end for p in doc.spans.get("paragraphs", ())):
            return None
        conditions = [e for e in doc.ents if previous.start <= e.start < previous.end and e.label_ in CONDITION_LABELS]
        return self._mention(conditions[-1], {}) if conditions else None

    def _noun_run_after(self, sent: Span, i: int) -> list[Token]:
        """The words of a noun phrase starting at token i, read from the surface (a
        determiner or possessive first is skipped): up to four content words that are not
        verbs of the clause, ending before a preposition, punctuation or a verb."""
        doc = sent.doc
        while i < sent.end and doc[i].tag_ in ("DT", "PRP$", "PDT"):
            i += 1
        run = []
        while i < sent.end and len(run) < 4 and doc[i].is_alpha \
                and (not doc[i].is_stop or doc[i].tag_ == "JJ" and self._article.lower[i] in _STOP_LIST_ADJECTIVES) \
                and doc[i].tag_ in ("NN", "NNS", "JJ") and self._article.lower[i] not in self.object_verbs:
            run.append(doc[i])
            i += 1
        return run

    def _object_phrase(self, doc: Doc, head: Token) -> Span | None:
        """The noun phrase an object head ends, without its determiner, possessive or number;
        None for a pronoun, a population, a generic word, or a phrase that holds an entity
        (a treatment, a mechanism: not a condition left unnamed)."""
        if not head.is_alpha or head.is_stop or head.lower_ in self.not_object_conditions \
                or head.lower_ in self.administration_gerunds \
                or head.lower_ in self.population_heads or not (head.tag_ in NOUN_TAGS or head.tag_ == "VBG") \
                or _before_negation_clitic(head):
            return None
        start = head.i
        while start > 0 and doc[start - 1].head.i in range(start, head.i + 1) \
                and doc[start - 1].dep_ in ("compound", "amod", "nn", "nmod", "hmod", "punct") \
                and (doc[start - 1].is_alpha or doc[start - 1].text == "-") and not doc[start - 1].is_stop \
                and self._article.lower[start - 1] not in self.object_verbs:  # not "almost cleared bumps"
            start -= 1
        if doc[start].text == "-":
            start += 1
        if any(self._article.ent_type[i] for i in range(start, head.i + 1)):
            return None
        return doc[start:head.i + 1]

    def _subject_interventions(self, doc: Doc, cues, conditions: list[Mention]) -> list[Mention]:
        """'Short hair doesn't protect against lice', 'Oral rehydration sachets replace the
        salts lost with diarrhoea', 'Night shifts have been linked to breast cancer': when no
        treatment is named, the noun subject of a verb of effect (or of a passive link)
        is the intervention, if a condition follows the verb. Not a pronoun, a
        person or population, a study or its authors, a condition, or a phrase holding an
        entity (read by `_object_phrase`, the subject side of `_object_conditions`)."""
        found = []
        for kind, start, end in cues:
            if kind not in ("causal_verbs", "correlational") or end <= start:
                continue
            verb = doc[start]
            if kind == "causal_verbs" and verb.tag_ in ("NN", "NNS"):
                subject = self._cause_noun_subject(verb, conditions)
            else:
                # a finite verb or one with an auxiliary: a participle's "subject" ("..., often
                # severely impairing quality of life") is mostly the parser's guess
                finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (
                    verb.tag_ in ("VB", "VBN") and any(c.dep_ in ("aux", "auxpass") for c in verb.children))
                if not finite:
                    continue
                subject = self._passive_agent(verb, conditions) if kind == "causal_verbs" else None
                if subject is None:
                    if not any(c.start > verb.i for c in conditions if c.start >= 0):
                        continue
                    # "Night shifts have been linked to breast cancer": a passive link's subject
                    subject_deps = ("nsubj",) if kind == "causal_verbs" else ("nsubjpass",)
                    subject = next((c for c in verb.children if c.dep_ in subject_deps and c.i < verb.i), None)
            if subject is None:
                continue
            # "that kind of confounding, and physical inactivity ... raises the risk": the parser
            # may coordinate a generic word with the real subject; each member is read
            for member in (subject, *(c for c in subject.conjuncts if (c.i < verb.i) == (subject.i < verb.i))):
                mention = self._subject_mention(doc, member, conditions)
                if mention is not None:
                    found.append(mention)
        return _dedupe(found)

    def _unnamed_pair(self, doc: Doc, sent: Span, cues) -> tuple[list[Mention], list[Mention]]:
        """The subject of a verb of effect and what the verb acts on, when no lexicon names
        either (read as `_subject_interventions` and `_object_conditions` read them)."""
        for kind, start, end in cues:
            if kind != "causal_verbs" or end <= start:
                continue
            verb = doc[start]
            if verb.tag_ not in ("VBD", "VBZ", "VBP"):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
            mention = self._subject_mention(doc, subject, []) if subject is not None else None
            if mention is None:
                continue
            objects = [o for o in self._object_conditions(doc, sent, [mention]) if o.start > verb.i]
            if objects:
                return [mention], objects[:1]
        return [], []

    def _conjunct_interventions(self, doc: Doc, ivs: list[Mention], conditions: list[Mention]) -> list[Mention]:
        """'Caps, hair gel and washing your hair every day don't cause pattern hair loss': a
        noun coordinated with a named treatment that is a verb's subject is a treatment too,
        when no entity names it (read like any subject, `_subject_mention`)."""
        if not doc.has_annotation("DEP"):
            return []
        found = []
        taken = {i for m in ivs if m.start >= 0 for i in range(m.start, m.end)}
        for m in ivs:
            if m.start < 0:
                continue
            root = doc[m.end - 1]
            first = root.head if root.dep_ == "conj" else root  # the coordination's first member
            if first.dep_ not in ("nsubj", "nsubjpass"):
                continue
            for other in _unnamed_members(root.conjuncts, taken):
                mention = self._subject_mention(doc, other, conditions)
                if mention is not None and not any(i in taken for i in range(mention.start, mention.end)):
                    found.append(mention)
                    taken.update(range(mention.start, mention.end))
        return found

    def _subject_mention(self, doc: Doc, subject: Token, conditions: list[Mention]) -> Mention | None:
        """The intervention one subject of a verb of effect names (`_subject_interventions`)."""
        if subject.lower_ in self.not_agents:
            return None
        if self._article.ent_type[subject.i]:
            # "Smoking is linked to cervical cancer", "Heavy drinking has been linked to
            # rosacea": a habit the lexicons name as a condition (smoking as dependence)
            habit = next((c for c in conditions if c.start <= subject.i < c.end), None)
            if habit is not None and subject.lower_ in self.habit_words:
                return _phrase_mention(doc[habit.start:habit.end], "BEHAVIOUR", kind="subject")
            return None
        phrase = self._object_phrase(doc, subject)
        if phrase is None or phrase[0].lower_ in self.not_agents or (
                subject.lower_ in self.agent_forms and len(phrase) > 1
                and all(t.lower_ in self.schedule_words for t in phrase[:-1])):
            return None  # "monthly injections" are the passage's treatment
        return _phrase_mention(phrase, "BEHAVIOUR", kind="subject")

    def _caused_by_another(self, doc: Doc, cond: Mention, ivs: list[Mention]) -> bool:
        """'Antibiotics only work against bacteria, and almost all coughs and colds are
        caused by viruses': a condition that is the subject of a passive verb of effect,
        in a clause that holds none of the claim's interventions, is the effect of the
        clause's own agent (a virus), not of a treatment named elsewhere in the sentence.
        Not when the agent is a pronoun or an amount or form of a treatment ('caused by
        the high dose'), which stand for the passage's treatment."""
        if cond.start < 0:
            return False
        head = doc[cond.start:cond.end].root
        while (head.dep_ == "conj" and head.head.tag_ in NOUN_TAGS) or (
                head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.tag_ in NOUN_TAGS):
            # "coughs and colds", "flare-ups of eczema": the role of the phrase's head
            head = head.head if head.dep_ == "conj" else head.head.head
        verb = head.head
        if head.dep_ != "nsubjpass" or self._article.lower[verb.i] not in self.causal_verb_forms:
            return False
        # only a "by" on the parser's agent arc, as the rule was written and measured;
        # taking a prepositional "by" too, as `_passive_agent` does, would be a rule change
        by = _passive_by(verb, or_preposition=False)
        agents = [t for c in (by.children if by is not None else ()) if c.dep_ == "pobj" for t in (c, *c.conjuncts)]
        if not agents or any(t.tag_ == "PRP" or t.lower_ in self.not_agents or t.lower_ in self.agent_forms
                             for t in agents):
            return False
        lo, hi = verb.left_edge.i, verb.right_edge.i
        return not any(lo <= m.start <= hi for m in ivs if m.start >= 0)

    @staticmethod
    def _passive_agent(verb: Token, conditions: list[Mention]) -> Token | None:
        """'Rosacea is not caused by poor hygiene', 'headaches worsened by overusing
        painkillers': the agent of a passive verb of effect whose subject is a condition."""
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
        if subject is None or not any(c.start <= subject.i < c.end for c in conditions if c.start >= 0):
            return None
        by = _passive_by(verb, or_preposition=True)
        return next((c for c in by.children if c.dep_ in ("pobj", "pcomp")), None) if by is not None else None

    @staticmethod
    def _cause_noun_subject(noun: Token, conditions: list[Mention]) -> Token | None:
        """'Rapid weight loss is a known cause of gallstones', 'Dehydration is one of the
        commonest causes of headaches': the subject of 'be' whose complement is a noun of
        effect with a condition after it."""
        head = noun
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "attr":
            head = head.head.head  # "one of the commonest causes"
        if head.dep_ != "attr" or head.head.lower_ not in FORMS_OF_BE:
            return None
        if not any(c.start > noun.i for c in conditions if c.start >= 0):
            return None
        return next((c for c in head.head.children if c.dep_ == "nsubj" and c.i < head.i), None)

    @staticmethod
    def _names_a_subgroup(token: Token) -> bool:
        """'smaller in current smokers', 'a trial in eight thousand smokers', 'among
        diabetics': people the text counts or compares, the object of 'in' or 'among', not
        a condition claimed."""
        return token.dep_ == "pobj" and token.head.lower_ in ("in", "among", "amongst")

    def _person_conditions(self, doc: Doc, sent: Span) -> list[Mention]:
        """'older insomniacs', 'diabetics': a person noun names the condition."""
        found = []
        for i in range(sent.start, sent.end):
            condition = self.person_nouns.get(self._article.lower[i])
            if condition is not None and not self._article.ent_type[i] and not self._names_a_subgroup(doc[i]):
                tok = doc[i]
                found.append(Mention(tok.text, condition, "DISEASE", i, i + 1, tok.idx, tok.idx + len(tok.text),
                                     self.kb_ids.get(condition, ""), kind="adjective"))
        return found

    def _drop_appositions(self, conditions: list[Mention]) -> list[Mention]:
        """'rickets, the bone-softening disease,' and 'drop attacks, the sudden falls':
        a condition in apposition to the one before it names the same thing again."""
        words = self._article.lower
        explicit = sorted((c for c in conditions if c.start >= 0), key=lambda c: c.start)
        appositive = set()
        for first, second in zip(explicit, explicit[1:]):
            gap = words[first.end:second.start]
            if gap[:1] == [","] and len(gap) <= 4 and gap[1:2] in (["the"], ["a"], ["an"]) \
                    and all(w.isalpha() or "-" in w for w in gap[2:]):
                appositive.add(id(second))
        return [c for c in conditions if id(c) not in appositive]

    def _drop_noun_modifiers(self, sent: Span, conditions: list[Mention]) -> list[Mention]:
        """'in the epilepsy trials', 'after hip fracture surgery': a condition that only
        modifies another noun is the setting, not the claim's condition, when the
        sentence names another one."""
        def modifier(c: Mention) -> bool:
            return c.kind == "entity" and c.end < sent.end and self._article.lower[c.end] in self.setting_heads
        targets = [c for c in conditions if not modifier(c)]
        return targets if targets else conditions

    def _antecedent(self, sent: Span, cond: Mention, ivs: list[Mention]) -> Mention | None:
        """'zolpidem, which can cause falls': the intervention a relative clause holding
        the condition is about."""
        i = self._relative_pronoun(sent, cond)
        if i is None:
            return None
        j = i - 1 if self._article.lower[i - 1] != "," else i - 2
        return next((m for m in ivs if m.end == j + 1), None)

    def _in_cue_phrase(self, c: Mention) -> bool:
        """'Melatonin ... Falls Short Against Delirium': a word of a hedge or negation
        phrase is not a condition."""
        return c.start in self._article.cue_phrase_tokens

    def _relative_pronoun(self, sent: Span, cond: Mention) -> int | None:
        """The "which/that/who" opening the relative clause the condition is in."""
        words = self._article.lower
        for i in range(cond.start - 1, max(sent.start, cond.start - 8), -1):
            if words[i] in ("which", "that", "who"):
                return i
            if not words[i][:1].isalnum():
                return None
        return None

    def _introduces_examples(self, m: Mention, following: Mention) -> bool:
        gap = " ".join(self._article.lower[m.end:following.start])
        return gap in ("such as", ", such as", "including", ", including", "like", "e.g.", "( e.g.", ", e.g.")

    def _drop_population_conditions(self, doc: Doc, sent: Span, conditions: list[Mention]) -> list[Mention]:
        """'in women with PCOS', 'people without diabetes': the population, not the claim's
        condition, when the sentence names another condition."""
        targets = [c for c in conditions if not self._in_population(sent, c)]
        return targets if targets else conditions

    def _in_population(self, sent: Span, c: Mention) -> bool:
        if c.start < 0:
            return False
        doc, lower = sent.doc, self._article.lower
        # the four words before it, passing over adverbs ("people who already have X")
        window = [lower[i] for i in range(max(sent.start, c.start - 6), c.start) if doc[i].tag_ != "RB"][-4:]
        left = " ".join(window)
        return any(left.endswith(link) for link in self.population_links) and any(
            w in self.population_heads for w in window)

    def _claimed_mentions(self, conditions: list[Mention], cues) -> list[Mention]:
        """One mention per condition: the one a claim cue introduces when the sentence names
        it twice ("For people worried about diabetes, ezetimibe ... has not been linked to
        diabetes": the second, whose clause holds the claim and its negation), else the first."""
        cue_ends = [e for k, s, e in cues if k != "mechanistic" and e > s]
        chosen: dict[str, Mention] = {}
        for c in conditions:
            key = c.norm.lower()
            if key not in chosen:
                chosen[key] = c
            elif (c.start >= 0 and not any(0 <= chosen[key].start - e <= 3 for e in cue_ends)
                  and any(0 <= c.start - e <= 3 for e in cue_ends)):
                chosen[key] = c
        return list(chosen.values())

    def _gerund_interventions(self, doc: Doc, sent: Span) -> list[Mention]:
        """'Stopping smoking and cutting down on alcohol help protect your bones', 'Studies
        suggest that skipping breakfast may ...': an act named by a gerund phrase that opens
        the sentence or its "that" clause and runs to the first finite verb is the
        intervention. Read from the tags, not the parse (the CRAFT-trained parser often
        misattaches sentence-initial gerunds); a bare gerund ("Bleeding is common") is left
        to the entity layer."""
        if not doc.has_annotation("TAG"):
            return []
        words = self._article.lower
        start = next((i for i in range(sent.start, sent.end)
                      if (i == sent.start or words[i - 1] == "that"
                          # "Myth: Cutting hair short ...", '1. "Sitting on cold surfaces gives you piles"'
                          or (words[i - 1] in _GERUND_OPENERS and i - sent.start <= 3))
                      and self._is_gerund(doc[i])), None)
        if start is None or (self._article.ent_type[start] in CONDITION_LABELS and start + 1 < sent.end
                             and self._article.ent_type[start + 1] == self._article.ent_type[start]):
            return []  # "Whooping cough (pertussis) causes ...": a disease's name, not an act
        if (self._article.ent_type[start] in CONDITION_LABELS and start + 1 < sent.end
                and (words[start + 1] in _OCCURRENCE_NOUNS or words[start + 1] in self.quantity_nouns)):
            return []  # "Fainting episodes were less frequent", "Bleeding rates rose": counts of a condition
        end = next((i for i in range(start + 1, min(sent.end, start + MAX_GERUND_PHRASE))
                    if doc[i].tag_ in FINITE_VERB_TAGS), None)
        if end is None or "," in words[start:end - 1]:
            return []  # "Looking further ahead, researchers are ...": an adjunct, not the subject
        while end > start and doc[end - 1].tag_ in ("RB", ","):  # "... also help"
            end -= 1
        pieces, piece_start = [], start  # "stopping smoking and cutting down on alcohol"
        for i in range(start + 1, end - 1):
            if words[i] in ("and", "or") and self._is_gerund(doc[i + 1]):
                pieces.append((piece_start, i))
                piece_start = i + 1
        pieces.append((piece_start, end))
        acts = [doc[lo:hi] for lo, hi in pieces if hi - lo >= 2 and not self._names_a_treatment_or_mechanism(lo, hi)]
        return [_phrase_mention(a, "BEHAVIOUR") for a in acts]

    def _behaviour_groups(self, doc: Doc, sent: Span) -> list[tuple[Mention, Mention, int]]:
        """'Children who bite their nails are more likely to get threadworms', 'people who
        exercised regularly had milder IBS symptoms', 'those who drank the least were more
        likely to be constipated': a group defined by what its members do, compared on an
        outcome. The act (the relative clause) is the intervention of a correlational claim.
        Returns (act, outcome, comparative token); the outcome is the compared verb phrase
        or noun phrase (a condition entity inside it is preferred later). Read from the
        parse; groups defined by what they were given ('those who took aspirin') are the
        treatment-arm rule's."""
        words = self._article.lower[sent.start:sent.end]
        if not doc.has_annotation("DEP") or ("who" not in words and "that" not in words):
            return []  # most sentences have no relative clause: skip building tokens
        lemmas = english_lemma_lookup()
        found = []
        for verb in sent:
            if verb.dep_ != "relcl" or not verb.tag_.startswith("VB"):
                continue
            group = verb.head
            if group.dep_ == "pobj" and group.head.lower_ == "with" and group.head.head.lower_ in self.population_heads:
                group = group.head.head  # "People with RA who drink a lot of coffee"
            if (group.lower_ not in self.population_heads or group.dep_ not in NOMINAL_SUBJECTS
                    or not any(c.lower_ in ("who", "that") and c.i < verb.i for c in verb.children)
                    or lemmas.get(verb.lower_, verb.lower_) in _GROUP_STATE_VERBS or verb.lower_ in self.arm_verbs):
                continue  # "people who have diabetes", "those who took aspirin"
            compared = self._compared_outcome(group.head)
            if compared is None:
                continue
            outcome, comparative = compared
            act = [t for t in verb.subtree if t.i > group.i and t.lower_ not in ("who", "that") and not t.is_punct]
            if not act or len(act) > 10 or act[-1].i - act[0].i + 1 != len(act):
                continue  # a long or broken clause is no act a reviewer can read
            found.append((_phrase_mention(doc[act[0].i:act[-1].i + 1], "BEHAVIOUR", kind="behaviour"),
                          outcome, comparative))
        return found

    @staticmethod
    def _compared_outcome(predicate: Token) -> tuple[Mention, int] | None:
        """What a group's predicate compares: 'are more likely to get threadworms' (the
        verb phrase after 'likely', without its auxiliaries: 'be constipated' ->
        'constipated'), 'had milder IBS symptoms' / 'have more flares' (the object of
        'have' with a comparative), 'had lice less often'. None when it compares nothing."""
        doc = predicate.doc
        likely = next((c for c in predicate.children if c.dep_ == "acomp" and c.lower_ in ("likely", "unlikely")), None)
        if likely is not None:
            comparative = next((c.i for c in likely.children if c.lower_ in ("more", "less")), likely.i)
            vp = next((c for c in likely.children if c.dep_ == "xcomp"), None)
            if vp is None:
                return None
            words = [t for t in vp.subtree if not (t.dep_ in ("aux", "auxpass") and t.i < vp.i) and not t.is_punct]
            if not words or words[-1].i - words[0].i + 1 != len(words):
                return None
            return _phrase_mention(doc[words[0].i:words[-1].i + 1], "OUTCOME", kind="object"), comparative
        if english_lemma_lookup().get(predicate.lower_, predicate.lower_) != "have":
            return None
        obj = next((c for c in predicate.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        comparative = next((c.i for c in obj.children if c.tag_ in ("JJR", "RBR") or c.lower_ in _COMPARATIVE_WORDS),
                           None)
        if comparative is None:  # "had lice less often"
            often = next((c for c in predicate.children if c.lower_ in ("often", "frequently")), None)
            comparative = next((c.i for c in often.children if c.lower_ in ("more", "less")), None) if often else None
        if comparative is None:
            return None
        words = [t for t in obj.subtree if t.i != comparative and not t.is_punct]
        return _phrase_mention(doc[words[0].i:words[-1].i + 1], "OUTCOME", kind="object"), comparative

    def _names_a_treatment_or_mechanism(self, lo: int, hi: int) -> bool:
        """'Taking probiotics alongside antibiotics', 'quitting statins', 'taking more than
        eight tablets', 'giving it early': the claim is the named (or the passage's)
        medicine's, taken or given; 'activating 5-HT2A receptors' describes a mechanism."""
        labels = INTERVENTION_LABELS | MECHANISM_LABELS
        words = self._article.lower[lo:hi]
        return (words[0] in self.administration_gerunds  # "taking 2.5 g a day", "adding it to ..."
                or any(self._article.ent_type[i] in labels for i in range(lo, hi))
                or not self.drug_anaphor_heads.isdisjoint(words) or not self.anaphor_pronouns.isdisjoint(words))

    def _is_gerund(self, token) -> bool:
        """A verb's -ing form (its lemma differs: "stopping" -> "stop"; not "morning", "thing",
        "pudding"), tagged as such or as a noun, and not a participle or symptom word that
        seldom names an act ("emerging", "bleeding")."""
        word = token.lower_
        return (word.endswith("ing") and len(token) > 4 and token.tag_ in ("VBG", "NN", "NNP")
                and english_lemma_lookup().get(word, word) != word and word not in self.non_gerunds)

    @staticmethod
    def _heading_verb(token: Token) -> bool:
        """A verb that makes a heading a statement ("Lifting depression", "Could it help?"),
        not one that only describes its condition ("Infected flares", "Seizures that go on
        for a long time")."""
        if token.tag_ == "MD" or (token.tag_ == "VBG" and token.is_sent_start):  # "Controlling seizures"
            return True
        return token.tag_.startswith("VB") and token.tag_ != "VBN" and token.dep_ not in ("relcl", "acl", "amod")

    def _open_question(self, sent: Span) -> bool:
        """'What is osteoporosis?', 'Any tips for travel sickness?': a heading that asks
        without a yes/no question about the treatment ('Can it ease migraine?', which the
        hedge component marks as a "question" cue) claims nothing."""
        words = [w for w in self._article.lower[sent.start:sent.end] if w.strip()]
        return bool(words) and words[-1] == "?" and not self._asks_yes_or_no(sent)

    @staticmethod
    def _asks_yes_or_no(sent: Span) -> bool:
        """'Can it ease migraine?': the hedge component marked a yes/no question's cue."""
        return any(c.label_ == "question" and sent.start <= c.start < sent.end
                   for c in sent.doc.spans.get(HEDGE_SPAN_KEY, ()))

    def _asks_which(self, sent: Span) -> bool:
        """'Which hay fever tablet won't make me drowsy?', 'What causes gout?': an open
        question that asks which or what states nothing, in a heading or in running text."""
        first = next((w for w in self._article.lower[sent.start:sent.end] if w.strip()), "")
        return first in ("which", "what") and self._open_question(sent)

    def _reports_a_question(self, sent: Span) -> bool:
        """'Many men ask whether changing their diet will slow the cancer down', 'A member
        asked whether IBS can turn into bowel cancer': a lay reader's question, reported,
        claims nothing. An expert who wonders whether states a hypothesis ('researchers
        have started to ask whether metformin might ...'), which the hedge rules grade."""
        words = self._article.lower
        for i in range(sent.start, sent.end - 1):
            if words[i] not in _ASKING_VERBS or words[i + 1] not in ("whether", "if"):
                continue  # the usual word: no Token is built for it
            tok = sent.doc[i]
            subject = next((c for c in tok.children if c.dep_ in NOMINAL_SUBJECTS), None)
            if subject is None and tok.dep_ == "xcomp":  # "have started to ask"
                subject = next((c for c in tok.head.children if c.dep_ in NOMINAL_SUBJECTS), None)
            if subject is not None and subject.lower_ not in self.not_agents \
                    and not subject.lower_.endswith(("ists", "ians", "ors")):
                return True
        return False

    def _forbids(self, sent: Span) -> bool:
        """'Do not offer opioids for long-term pain', 'Don't take ibuprofen with this
        tablet', 'Never double a dose': a negative instruction tells the reader what not
        to do and claims no effect, unless it gives the consequence ('Never stop levodopa
        abruptly → risk of ...', '... because it can harm your kidneys')."""
        words = [w for w in self._article.lower[sent.start:sent.end] if w.strip()]
        opens = words[:1] in (["never"], ["avoid"]) or (
            words[:1] == ["do"] and words[1:2] in (["not"], ["n't"], ["n’t"]))
        return opens and not any(w in _CONSEQUENCE_WORDS for w in words)

    def _states_an_aim(self, sent: Span) -> bool:
        """'We wanted to find out how well ... work', 'This review aimed to compare ...',
        'The aim of the study was to ...': what a study set out to do, not what it found.
        Read from the words, not the parse (parsers often misattach "aimed to")."""
        lemmas = english_lemma_lookup()
        words = [w for w in self._article.lower[sent.start:sent.end] if w.strip()][:12]
        k = 1 if words and words[0] in _AIM_DETERMINERS else 0
        if k < len(words) and words[k] in self.aim_subjects:
            rest = words[k + 1:k + 4]
            return (bool(rest) and lemmas.get(rest[0], rest[0]) in self.aim_verbs
                    and (rest[1:2] == ["to"] or rest[1:3] == ["out", "to"]))
        while k < len(words) and words[k] not in self.aim_nouns and words[k] in _AIM_MODIFIERS:
            k += 1
        if k < len(words) and words[k] in self.aim_nouns:
            after = words[k + 1:]
            verb = next((j for j, w in enumerate(after) if w in ("was", "is", "were", "are")), None)
            return verb is not None and after[verb + 1:verb + 2] in (["to"], ["whether"], ["if"])
        return False

    def _describes_a_study(self, doc: Doc, sent: Span, cues) -> bool:
        """'The AURORA-OA trial tested tirzepatide in 410 adults with knee osteoarthritis',
        '640 people were given either the laser or drops as their first treatment': what a
        study did, with no finding. A verb of study design, no claim cue but those verbs and
        the study nouns, and no word that reports or compares a result."""
        lemmas = english_lemma_lookup()
        lower = self._article.lower
        words = lower[sent.start:sent.end]
        if not self.finding_words.isdisjoint(words):
            return False
        # a finished study's verb: not "now testing whether" or "trials testing X are still
        # running" (a tentative stage, a claim), nor "a measured dose" (an adjective)
        design = {i for i in range(sent.start, sent.end)
                  if lemmas.get(lower[i], lower[i]) in self.design_verbs
                  and (doc[i].tag_ in ("VBD", "VBN", "VBZ", "VBP")
                       # "looks at": the tagger often reads a lay verb as a plural noun
                       or (lower[i] in ("looks", "looked") and i + 1 < sent.end and lower[i + 1] == "at"))
                  and doc[i].dep_ not in ("amod", "compound")
                  # "The risks include stroke" lists effects, not a study's participants
                  and not any(c.dep_ == "nsubj" and c.lower_ in self.downside_nouns for c in doc[i].children)}
        if "given" in words and "either" in words:  # "were given either X or Y"
            design.add(sent.start + words.index("given"))
        if not design:
            return False
        return all(s in design or doc[s:e].text.lower() in self.study_nouns for _, s, e in cues if e > s)

    def _follows_side_effects(self, sent: Span, paragraphs: list[Span], para_starts: list[int]) -> bool:
        """Whether an earlier sentence of the sentence's paragraph speaks of side effects
        (where in each paragraph they are first named is found once per paragraph)."""
        k = bisect_right(para_starts, sent.start) - 1
        if k < 0 or sent.start >= paragraphs[k].end:
            return False
        para = paragraphs[k]
        if para.start not in self._article.side_effects_named_at:
            words = self._article.lower[para.start:para.end]
            self._article.side_effects_named_at[para.start] = next(
                (para.start + i for i in range(len(words))
                 if any(words[i:i + len(w)] == w for w in self.side_effect_passage_words)), None)
        named_at = self._article.side_effects_named_at[para.start]
        return named_at is not None and named_at < sent.start

    def _lists_side_effects(self, section: Span) -> bool:
        heading = section.label_.rsplit(SECTION_SEPARATOR, 1)[-1].lower()
        return any(w in heading for w in self.side_effect_words)

    def _holds_no_claims(self, section: Span) -> bool:
        """A methods section says what was done; a press release's "About the trial",
        "About <the institute>", "Notes to editors" and a paper's "References" are
        boilerplate."""
        heading = section.label_.rsplit(SECTION_SEPARATOR, 1)[-1].strip().lower()
        return heading in self.methods_sections or heading.startswith(self.boilerplate_starts)

    def _passage_intervention(self, sent: Span, para: Span | None, section: Span | None,
                              interventions: list[Mention], article_main: Mention | None) -> Mention | None:
        """What "it" and "the drug" refer to: the article's main intervention, unless the
        paragraph so far has named other interventions but not that one (then the last of
        them), or, with none in the paragraph, the section so far has (then its most
        frequent: a round-up's "### Rapamycin in mice" is about rapamycin throughout).
        None when neither names one and the article has no main intervention.
        `interventions` are the article's topics (or some of them): `_annotate` has judged
        each one's comparisons and objects."""
        main = article_main.norm.lower() if article_main is not None else None
        def last_subject(ms: list[Mention]) -> Mention:
            # the treatment a clause is about (its subject) over one it only mentions
            subjects = [m for m in ms if self._is_subject(sent.doc, m) and not self._in_relative_clause(sent.doc, m)]
            return (subjects or ms)[-1]

        for passage, pick in ((para, last_subject), (section, self._most_frequent)):
            if passage is None:
                continue
            earlier = [m for m in interventions if passage.start <= m.start < sent.start
                       and m.start not in self._article.no_antecedent_starts]
            # what the passage only acted on ("hormones that help the body get rid of
            # salt") is no antecedent while something else there acts
            earlier = [m for m in earlier if m.start not in self._article.acted_on_starts] or earlier
            # a lay description built on a treatment noun beside a named treatment is mostly
            # that treatment's form ("Montelukast. ... there's a chewable tablet. It blocks ...")
            earlier = [m for m in earlier if not (m.start in self._article.described
                                                  and self._article.lower[m.end - 1] in DOSAGE_FORMS)] or earlier
            if earlier and pick is last_subject and self._opens_with_pronoun(para) and not any(
                    self._is_subject(sent.doc, m) for m in earlier):
                # "It took two months to build up ... I could come off the venlafaxine. Trials
                # show it reduces ...": a paragraph that opens by taking up the treatment
                # before it stays about that treatment while others are only its objects
                continue
            if earlier:
                # "psilocybin sessions"; not a main treatment named only in a relative clause
                # ("Duloxetine ... strengthens the pathways that amitriptyline acts on")
                if main is not None and any(main in m.norm.lower() and not self._in_relative_clause(sent.doc, m)
                                            for m in earlier):
                    return article_main
                return pick(earlier)
        return article_main

    def _opens_with_pronoun(self, para: Span) -> bool:
        """'It took about two months to build up': the paragraph's first word is a pronoun
        subject ('it', 'they')."""
        first = para[0]
        return self._article.lower[first.i] in _SUBJECT_PRONOUNS_OF_TREATMENTS and first.dep_ in NOMINAL_SUBJECTS

    @staticmethod
    def _in_relative_clause(doc: Doc, m: Mention) -> bool:
        """The subject of a relative clause ("the pathways that amitriptyline acts on")."""
        head = doc[m.start:m.end].root
        return head.dep_ in NOMINAL_SUBJECTS and head.head.dep_ == "relcl"

    @staticmethod
    def _is_plural(doc: Doc, m: Mention) -> bool:
        """'ordinary laxatives', 'statins': a plural name, which "it" does not take up."""
        if m.start < 0:
            return False
        root = doc[m.start:m.end].root
        # the tagger's plural is unreliable on lay text ("etanercept" as NNS): the word must end so
        return root.tag_ in ("NNS", "NNPS") and root.lower_.endswith("s") and not root.lower_.endswith(("ss", "us", "is"))

    @staticmethod
    def _is_object(doc: Doc, m: Mention) -> bool:
        """'pass more salt', 'get rid of salt': the mention is the object of a verb, or
        of a preposition that depends on a verb."""
        root = doc[m.start:m.end].root
        if root.dep_ == "dobj":
            return True
        return root.dep_ == "pobj" and root.head.head.tag_.startswith("VB")

    @staticmethod
    def _inside_object(doc: Doc, m: Mention) -> bool:
        """'switch off the ovaries' production of oestrogen': the mention is an object, or
        sits inside the noun phrase of one (through 'of' and other noun modifiers), so
        the clause acts on it rather than being about it."""
        token = doc[m.start:m.end].root
        for _ in range(8):  # noun phrases nest a few levels at most
            if token.dep_ == "dobj" or (token.dep_ == "pobj" and token.head.head.tag_.startswith("VB")):
                return True
            if token.dep_ == "pobj" and token.head.head.tag_.startswith("NN"):
                token = token.head.head  # "production of oestrogen" -> "production"
            elif token.dep_ in ("compound", "amod", "poss", "nmod") and token.head.tag_.startswith("NN"):
                token = token.head
            else:
                return False
        return False

    def _after_contrast(self, m: Mention) -> bool:
        """'Ordaglipron, a pill that, unlike oral semaglutide, can be taken with food': the
        treatment set against the subject is not what a later "it" names."""
        return any(w in _CONTRASTS for w in self._article.lower[max(0, m.start - 3):m.start])

    def _mentions_patients(self, doc: Doc, sent: Span) -> bool:
        """'to most patients', 'these patients': the sentence is about the people who
        have the passage's condition."""
        words = self._article.lower
        return any(words[i] in self.population_heads and words[i - 1] in self.population_quantifiers
                   for i in range(sent.start + 1, sent.end))

    def _only_populations(self, sent: Span, conditions: list[Mention], cues) -> bool:
        """'teenagers with SAD found that daily doses eased their symptoms': the condition
        names the people treated, so the claim cue may follow it."""
        return self._has_causal_cue(cues) and all(self._in_population(sent, c) for c in conditions)

    def _paragraph_condition(self, doc: Doc, sent: Span, para: Span, long_forms: dict[str, str]) -> Mention | None:
        """The condition a paragraph is about: the first one its opening sentence names."""
        if para.start == sent.start:
            return None
        first_sent = doc[para.start].sent
        for e in first_sent.ents:
            if e.label_ in CONDITION_LABELS:
                return _implicit(self._mention(e, long_forms), kind="paragraph")
        return None

    def _is_adjunct(self, doc: Doc, m: Mention, sent: Span) -> bool:
        words = self._article.lower[max(sent.start, m.start - 3):m.start]
        if words and words[-1] in _TIME_PREPOSITIONS:
            return True  # "soothes achy joints after exercise"
        head = doc[m.start:m.end].root
        if head.dep_ == "pobj" and head.head.lower_ in _TIME_PREPOSITIONS:
            return True  # "delirium rates after hip fracture surgery"
        return any(w in self.adjunct_markers for w in words) or " ".join(words[-2:]) in self.adjunct_markers

    def _coordinated_conditions(self, doc: Doc, sent: Span, conditions: list[Mention]) -> list[Mention]:
        """Conditions that share a head across coordinated modifiers, one per modifier:
        'alcohol and opioid dependence' -> 'alcohol dependence' and 'opioid dependence',
        'colorectal, breast and liver cancer', 'spine, hip and other fractures', 'chest and
        tummy infections' (one entity), 'lung and liver reactions' (an entity of the head
        alone). The mention of the last modifier replaces an entity that spans the whole
        coordination or leaves its modifier out."""
        result = []
        for c in conditions:
            split = self._split_coordination(doc, sent, c) if c.kind == "entity" and c.start >= sent.start else None
            result += split if split is not None else [c]
        return result

    def _split_coordination(self, doc: Doc, sent: Span, c: Mention) -> list[Mention] | None:
        """The mentions `c` stands for when modifiers before its head are coordinated (see
        `_coordinated_conditions`); None when it names one condition."""
        inner = [i for i in range(c.start, c.end) if doc[i].lower_ in ("and", "or")]
        if inner:  # "chest and tummy infections": the entity spans the coordination
            separator = inner[-1]
            last = separator + 1
            if last + 1 >= c.end:
                return None  # "nausea and vomiting": whole conditions, no shared head
        elif (c.end - c.start >= 2 and c.start - 1 >= sent.start and doc[c.start - 1].lower_ in ("and", "or")
              and doc[c.start].lower_ != "other"):  # "alcohol and opioid dependence"
            last, separator = c.start, c.start - 1
        else:  # "fractures" after "spine, hip and other", "tendon pain" after "patellar and Achilles"
            last, separator = c.start - 1, c.start - 2
        if separator <= sent.start or doc[separator].lower_ not in ("and", "or"):
            return None
        modifier = doc[last]
        outside = last < c.start  # a modifier the entity left out
        if (not modifier.is_alpha or modifier.tag_ not in _MODIFIER_TAGS
                or (modifier.is_stop and modifier.lower_ != "other")
                or (outside and modifier.ent_type_ in CONDITION_LABELS)
                # "more sustainable and effective pain management": no kinds of pain
                or (outside and modifier.tag_ == "JJ" and modifier.lower_ != "other"
                    and not self.modifiers.is_modifier(modifier))):
            return None
        head = doc[last + 1:c.end].text
        pieces = [doc[separator - 1]]
        while pieces[0].i - 2 >= sent.start and doc[pieces[0].i - 1].text == ",":
            pieces.insert(0, doc[pieces[0].i - 2])
        before = doc[pieces[0].i - 1] if pieces[0].i > sent.start else None
        # "treat alcohol and opioid dependence", not "psychotic illness or bipolar disorder"
        if before is not None and before.is_alpha and self.modifiers.is_modifier(before):
            return None
        # modifiers, not the verbs of coordinated clauses ("slow the gut and cause constipation")
        named = [p for p in pieces if p.is_alpha and not p.is_stop and p.tag_ in _MODIFIER_TAGS
                 and (p.i >= c.start or p.ent_type_ not in CONDITION_LABELS) and self._names_a_condition(p, head)]
        if not named or len(named) < len(pieces) and inner:
            return None
        found = [Mention(doc[p.i:c.end].text, f"{p.text} {head}", c.label, p.i, p.i + 1, p.idx, p.idx + len(p.text),
                         kind="coordination") for p in named]
        if last == c.start:
            return [*found, c]
        # the last modifier's own condition, as written
        span = doc[last:c.end]
        return [*found, replace(c, text=span.text, norm=span.text if c.norm == c.text else c.norm, start=last,
                                start_char=span.start_char)]

    def _conjunct_conditions(self, doc: Doc, sent: Span, conditions: list[Mention]) -> list[Mention]:
        """'can ease nausea and spinning', 'cause stiffness and a shuffling walk', 'relieve a
        sore throat and aches': a noun coordinated with a named condition is one too, when no
        entity names it (lay symptoms are open-ended) and it is no population, pronoun or
        generic word (`_object_phrase`)."""
        if not doc.has_annotation("DEP"):
            return []
        found = []
        taken = {i for c in conditions if c.start >= 0 for i in range(c.start, c.end)}
        for c in conditions:
            if c.kind != "entity" or c.start < sent.start:
                continue
            root = doc[c.end - 1]
            members = [root, *root.conjuncts]
            # the coordination is what a verb of effect acts on ("can ease nausea and spinning")
            if not any(m.dep_ == "dobj" and self._article.lower[m.head.i] in self.object_verbs for m in members):
                continue
            for other in _unnamed_members(members[1:], taken):
                if not sent.start <= other.i < sent.end:
                    continue
                phrase = self._object_phrase(doc, other)
                if phrase is not None and not any(i in taken for i in range(phrase.start, phrase.end)):
                    found.append(_phrase_mention(phrase, "OUTCOME", kind="coordination"))
                    taken.update(range(phrase.start, phrase.end))
        return found

    def _names_a_condition(self, modifier: Token, head: str) -> bool:
        """'breast and ovarian cancer' -> 'breast cancer', 'alcohol and opioid dependence' ->
        'alcohol dependence', but not 'weight and blood sugar' -> 'weight sugar': an
        adjective or a word that modifies conditions (body parts, substances of
        dependence) shares the head; another noun only when the pair is a known name."""
        return (modifier.tag_ == "JJ" or self.modifiers.is_modifier(modifier)
                or f"{modifier.lower_} {head.lower()}" in self.kb_ids)

    def _anaphoric_mechanisms(self, doc: Doc, sent: Span, section: Span | None) -> list[str]:
        """'these receptors' -> the receptor named last before this sentence."""
        found = []
        words = self._article.lower
        for i in range(sent.start, sent.end - 1):
            if words[i] in ("these", "those", "this", "such") and words[i + 1] in ("receptors", "receptor"):
                lo = section.start if section is not None else 0
                earlier = [e for e in doc.ents if lo <= e.start < sent.start and e.label_ == "RECEPTOR"]
                if earlier:
                    found.append(earlier[-1].text)
        return found

    # -- relation and scope ----------------------------------------------------------

    def _has_causal_cue(self, cues) -> bool:
        return any(k in ("causal_verbs", "causal_words") for k, _, _ in cues)

    def _reported_effect(self, doc: Doc, sent: Span, conditions: list[Mention] | list[Span]) -> bool:
        """'Dry mouth is the commonest complaint', 'Urine infections are more common after
        the injections': a condition opening the sentence, then a copula and a predicate of
        how often it follows treatment, or that predicate first ('The commonest problem is
        nausea'), reports the passage's treatment's effect (the
        conditions may be entity spans or mentions: only their offsets are read)."""
        first = min((c for c in conditions if c.start >= sent.start), key=lambda c: c.start, default=None)
        if first is None:
            return False
        head = " " + " ".join(t.lower_ for t in doc[sent.start:first.start]) + " "
        if self._names_a_downside(doc, sent, conditions):
            return True
        if _MOST_FREQUENT.match(head) and any(f" {noun} " in head for noun in self.effect_nouns):
            # the same predicate first: "The commonest side effect is nausea"
            return True
        if any(t.is_alpha for t in doc[sent.start:first.start] if not t.is_stop):
            return self._parsed_reported_effect(doc, conditions)
        end = first.end
        for c in sorted((c for c in conditions if c.start >= end), key=lambda c: c.start):
            # "Rash and vaginal candidiasis were more common with antibiotics": the
            # predicate follows the last of the coordinated conditions
            if all(t.lower_ in (",", "and", "or") for t in doc[end:c.start]) and c.start > end:
                end = c.end
            else:
                break
        rest = [t.lower_ for t in doc[end:sent.end]]
        if not rest or rest[0] not in _AUXILIARIES:
            return self._parsed_reported_effect(doc, conditions)
        text = " " + " ".join(rest[1:9]) + " "
        if any(f" {noun} " in text for noun in self.effect_nouns):
            return True
        return (any(f" {adj} {after} " in text for adj in self.effect_adjectives for after in self.effect_after_words)
                or self._parsed_reported_effect(doc, conditions))

    def _group_free_of(self, doc: Doc, cond: Mention | Span) -> bool:
        """'One in three patients on the drug had no hives or itch', 'About 6 in 10 have no
        more seizures after the operation', '38% were completely free of hives': a group, a
        share or a count of people that had none of the condition (read from the parse)."""
        if cond.start < 0 or not doc.has_annotation("DEP"):
            return False
        root = doc[cond.start:cond.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "no hives or itch": the first conjunct carries the "no"
        verb = root.head
        if root.dep_ == "dobj" and verb.lower_ in _HAVE_FORMS and any(
                d.dep_ == "det" and d.lower_ == "no" for d in root.children):
            subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECTS), None)
        elif root.dep_ == "pobj" and verb.lower_ in ("of", "from") and verb.head.lower_ == "free":
            be = verb.head.head
            subject = next((c for c in be.children if c.dep_ in NOMINAL_SUBJECTS), None) \
                if be.lower_ in FORMS_OF_BE else None
        else:
            return False
        return subject is not None and (subject.tag_ == "CD" or subject.text == "%" or any(
            t.lower_ in self.population_heads for t in subject.subtree))

    @staticmethod
    def _compares_trial_arms(verb: Token) -> bool:
        """Whether the clause of `verb` (with its coordinated verbs) holds a phrase of a
        trial's arms: "in the programme group", "between groups", "in both arms"; not a
        description of the arms at the start ("at baseline", "at entry")."""
        clause = list(_own_clause(verb))
        if any(t.lower_ in _BASELINE_WORDS for t in clause):
            return False
        # not a count over all the arms ("in any group", "in each arm")
        return any(t.lower_ in _ARM_NOUNS and t.dep_ == "pobj" and t.head.lower_ in _ARM_PREPOSITIONS
                   and not any(d.lower_ in _EVERY_WORDS for d in t.children) for t in clause)

    def _names_a_downside(self, doc: Doc, sent: Span, conditions: list[Mention] | list[Span]) -> bool:
        """'The catch is a stinging feeling', 'Their main drawback is drowsiness', 'The risks
        include hearing loss', 'The downside: cold hands': a downside noun as the subject of
        "be" or "include", with a condition in the verb's predicate (not in the subject: "the
        risks of stroke are small" names a risk, not an effect), or before a colon near the
        sentence start with the condition after it."""
        for noun in sent:
            if noun.lower_ not in self.downside_nouns:
                continue
            verb = noun.head
            if noun.dep_ == "nsubj" and (verb.lower_ in FORMS_OF_BE or verb.lower_ in _INCLUDE_VERBS):
                predicate = range(verb.i + 1, verb.right_edge.i + 1)  # after the verb: not the subject
                if any(c.start in predicate for c in conditions):
                    return True
            nxt = doc[noun.i + 1] if noun.i + 1 < sent.end else None
            if nxt is not None and nxt.text == ":" and noun.i - sent.start <= 3:
                if any(c.start > noun.i for c in conditions):
                    return True
        return False

    def _parsed_reported_effect(self, doc: Doc, conditions: list[Mention] | list[Span]) -> bool:
        """The same predicate read from the parse when words come before the condition:
        'In the trial itself, muscle problems were no more frequent with colchicine', 'My
        neurologist says the tiredness is very common with beta blockers': a condition that
        is the subject of "be" + one of the adjectives + "with" / "after" / "on"."""
        for c in conditions:
            if c.start < 0:
                continue
            # "Episodes of angioedema were less frequent with remibrutinib", "Fainting
            # episodes were less frequent with aficamten": the noun that counts it
            root = self._counted_noun(doc[c.start:c.end].root)
            verb = root.head
            if (root.dep_ == "nsubj" and verb.lower_ in _OCCURRENCE_VERBS
                    or root.dep_ == "nsubjpass" and verb.lower_ in _OBSERVED_VERBS) and any(
                    t.i > verb.i and t.lower_ in _TAKING_PREPOSITIONS and _in_verb_phrase(t, verb)
                    for t in verb.subtree):
                # "Petechiae occurred in 5% of patients on remibrutinib", "Low mood was
                # reported by five patients during the montelukast period"
                return True
            if root.dep_ in NOMINAL_SUBJECTS and self._compares_trial_arms(verb):
                # "Wound infections were less common in the programme group", "Febrile UTI
                # did not differ between groups", "tiredness improved by the same amount in
                # both groups": a trial's arms compared on the condition
                return True
            if root.dep_ != "nsubj" or verb.lower_ not in FORMS_OF_BE:
                continue
            for adj in verb.children:
                if adj.dep_ == "acomp" and adj.lower_ in self.effect_adjectives and any(
                        p.dep_ == "prep" and p.lower_ in _EFFECT_PREPOSITIONS and p.i > adj.i
                        for p in (*adj.children, *verb.children)):
                    return True
        return False

    def _measured_change(self, doc: Doc, sent: Span) -> bool:
        """'Mean UAS7 fell from 28.4 to 12.1 with bilastine', 'Anxiety scores fell further in
        the exercise group', 'HAMD-17 scores had fallen by 15.2 points with zuranolone': a
        verb of change whose subject is a measure (a score, a level, a scale's code) and
        which is tied to a treatment or a treated group ("with", "on", "in the ... group").
        Asked of a sentence both for its claim cue and for its condition: judged once."""
        key = (sent.start, sent.end)
        known = self._article.measured_change_in.get(key)
        if known is None:
            known = self._article.measured_change_in[key] = self._find_measured_change(doc, sent)
        return known

    def _find_measured_change(self, doc: Doc, sent: Span) -> bool:
        words = self._article.lower
        for verb in sent:
            if words[verb.i] not in _MEASURE_CHANGES or not verb.tag_.startswith("VB"):
                continue
            # the subject, or the noun the parser hung on the verb as a compound ("DAS28 fell")
            subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECTS
                            or c.dep_ == "compound" and c.i == verb.i - 1), None)
            if subject is None or not (words[subject.i] in _MEASURE_NOUNS or _SCALE_CODE.match(subject.text)):
                continue
            for prep in verb.subtree:
                if prep.i <= verb.i or words[prep.i] not in _MEASURE_PREPOSITIONS or not _in_verb_phrase(prep, verb):
                    continue
                objects = [t for c in prep.children if c.dep_ == "pobj" for t in c.subtree]
                if any(self._article.ent_type[t.i] in INTERVENTION_LABELS for t in objects) or any(
                        c.dep_ == "pobj" and words[c.i] in _ARM_NOUNS for c in prep.children):
                    return True
        return False

    def _taking_verb(self, sent: Span, conditions: list[Span] | list[Mention]) -> int | None:
        """'Some people get a skin rash when they start it', 'Many feel sick after taking
        the tablets': the verb of a clause of time about taking a treatment ('when',
        'after' and a verb of taking within four words), when a condition lies outside
        the clause: that condition is the treatment's effect."""
        if not conditions:
            return None
        words = self._article.lower
        for i in range(sent.start, sent.end):
            if words[i] in self.taking_openers:
                verb = next((k for k in range(i + 1, min(i + 5, sent.end)) if words[k] in self.taking_verbs), None)
                if verb is not None and any(not i <= c.start <= verb for c in conditions if c.start >= 0):
                    return verb
        return None

    def _taken_treatment(self, doc: Doc, sent: Span, conditions: list[Mention]) -> list[Mention]:
        """'anxiety or low mood after starting Kaftrio': the object of the verb of taking
        is the treatment when no lexicon names it (a brand new to every list)."""
        verb = self._taking_verb(sent, conditions)
        if verb is None:
            return []
        obj = next((c for c in doc[verb].children if c.dep_ == "dobj" and c.i > verb), None)
        phrase = self._object_phrase(doc, obj) if obj is not None and obj.lower_ not in self.not_agents else None
        return [_phrase_mention(phrase, "CHEMICAL", kind="taken")] if phrase is not None else []

    def _states_a_role(self, doc: Doc, sent: Span, ivs: list[Span]) -> bool:
        """'Lactulose is now usually the second choice', 'The usual first choice is a
        macrogol laxative', 'Eccentric heel drops are the classic rehab': a treatment and a
        noun of its role in treatment joined by a copula, read from the surface (a named
        treatment, a form of "be", then within five words the role noun; or the reverse)."""
        words = self._article.lower
        for iv in ivs:
            after = words[iv.end:min(sent.end, iv.end + 6)]
            if after and after[0] in _COPULAR_VERBS and not self.role_nouns.isdisjoint(after[1:]):
                return True
            before = words[max(sent.start, iv.start - 6):iv.start]
            k = next((k for k in range(len(before) - 1, -1, -1) if before[k] in _COPULAR_VERBS), None)
            if k is not None and not self.role_nouns.isdisjoint(before[:k]) and k >= len(before) - 3:
                return True
        return False

    def _changed_by_itself(self, doc: Doc, conditions: list[Mention]) -> bool:
        """'Daytime sleepiness improved too', 'The rash cleared within a week', 'My brain
        fog was better': a condition that is the subject of an intransitive verb of change,
        or of a state reached, in a passage about a treatment, reports that treatment's
        result (read from the parse)."""
        for c in conditions:
            if c.start < 0:
                continue
            if self._change_verb_follows(doc, c):
                return True
            head = self._counted_noun(_example_of(doc[c.start:c.end].root))
            verb = head.head
            if head.dep_ != "nsubj" or not verb.tag_.startswith("VB") or any(
                    child.dep_ in ("dobj", "neg") for child in verb.children):
                continue
            lemma = english_lemma_lookup().get(verb.lower_, verb.lower_)
            if lemma in _CHANGE_VERBS:
                return True
            # "my brain fog was a little better", "my heart rate was down", "the
            # thumping had gone", "the cough went away": a state reached
            if lemma in self.state_verbs and any(child.lower_ in self.changed_states for child in verb.children):
                return True
            if lemma == "go" and verb.tag_ == "VBN":
                return True
        return False

    def _counted_noun(self, token: Token) -> Token:
        """The noun that counts or measures a condition, for the condition: "episodes" of
        "Angioedema episodes" and of "Episodes of angioedema", "Cases" of "Cases of genital
        warts"; else the token itself."""
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in self.counting_nouns:
            return token.head.head
        if token.dep_ in ("compound", "amod") and token.head.lower_ in self.counting_nouns:
            return token.head
        return token

    def _change_verb_follows(self, doc: Doc, c: Mention) -> bool:
        """'Most piles settle within a few weeks with fibre', 'Angioedema episodes fell', 'my
        urgency had settled right down', 'the swelling went down': a verb of change, or a
        verb of state with a state reached, after the condition (a noun that counts it,
        auxiliaries and adverbs aside), read from the words where the tagger, trained on
        scientific text, takes the verb for a noun. Not 'drops' or 'falls' right after the
        condition, which are mostly nouns there ('dry eye drops')."""
        words = self._article.lower
        i = c.end
        if i < len(doc) and (words[i] in _OCCURRENCE_NOUNS or words[i] in _MEASURE_NOUNS):
            i += 1  # "Angioedema episodes", "Fatigue scores"
        while i < len(doc) and i < c.end + 4 and (doc[i].tag_ == "RB" or words[i] in _AUXILIARIES):
            i += 1  # "usually", "often", "had", "was"
        if i >= len(doc) or any(doc[j].is_sent_start for j in range(c.end, i + 1)) or (
                i == c.end and words[i] in _NOUN_LIKE_CHANGES):
            return False  # the next sentence's first word, or a noun
        word = words[i]
        lemma = english_lemma_lookup().get(word, word)
        if lemma in _CHANGE_VERBS and (word in (lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed")
                                       or word in _IRREGULAR_CHANGES):
            return True
        if lemma not in self.state_verbs:
            return False
        if word == "gone" and (c.label if isinstance(c, Mention) else c.label_) == "DISEASE":
            return True  # "the leg pain had gone"; not a function that has gone ("kidney function")
        # "went down", "was a little better": the state right after the verb
        j = i + 1
        while j < len(doc) and j < i + 4 and words[j] in _DEGREE_WORDS:
            j += 1
        # "had gone from two hours to twenty minutes": a change given by its start
        return j < len(doc) and not doc[j].is_sent_start and (
            words[j] in self.changed_states or words[j] == "from" and lemma == "go")

    def _natural_course(self, sent: Span) -> bool:
        """'Eczema often settles on its own as children grow', 'most people recover fully
        even without treatment', 'half of warts disappear within a year with no treatment
        at all': the sentence tells how a condition runs untreated, so it reports no result
        of the passage's treatment."""
        words = " ".join(w for w in self._article.lower[sent.start:sent.end] if w.strip())
        return _NATURAL_COURSE.search(f" {words} ") is not None

    def _causal_cue_before(self, cues, conditions: list[Mention]) -> bool:
        """A claim with an implicit intervention needs its condition in object position:
        "can be beneficial in acute anxiety", not "disorders that diminish functioning";
        a side effect is named as the subject too ("Nausea is the commonest side effect")."""
        first = min((c.start for c in conditions if c.start >= 0), default=None)
        return any(k in ("causal_verbs", "causal_words") and (first is None or s < first or s == e  # a heading
                                                             or self._article.lower[e - 1] in _SIDE_EFFECT_NOUNS)
                   for k, s, e in cues)

    def _relation(self, doc: Doc, iv: Mention, cond: Mention, cues, mechanisms, is_heading) -> tuple[str, str]:
        lo, hi = sorted((iv.start, cond.start)) if iv.start >= 0 and cond.start >= 0 else (-1, -1)
        for k, s, e in cues:
            # a correlational cue links the claim only when it stands between its arguments
            if k == "correlational" and (lo < 0 or lo < s < hi or s <= lo < e):  # or it holds one ("linked them to")
                return "correlational", doc[s:e].text
        if cond.kind == "adjective":
            near = [(s, e) for k, s, e in cues if k == "mechanistic" and cond.start - 5 <= s < cond.start]
            if near:
                return "mechanistic", doc[near[-1][0]:near[-1][1]].text
            return "causal", cond.text
        causal = [(s, e) for k, s, e in cues if k in ("causal_verbs", "causal_words")]
        mech_cues = [(s, e) for k, s, e in cues if k == "mechanistic"]
        if is_heading:
            return "causal", doc[causal[0][0]:causal[0][1]].text if causal else ""
        if not cond.implicit:
            before = [(s, e) for s, e in causal if e <= cond.start]
            if before:
                s, e = before[-1]
                between = any(s <= m.start < cond.start for m in mechanisms)
                if not between:
                    return "causal", doc[s:e].text
            elif causal and not mechanisms:
                return "causal", doc[causal[0][0]:causal[0][1]].text
        else:
            for s, e in causal:
                if not any(e <= m.start < e + 4 for m in mechanisms) and not any(
                        m.start <= s < m.end for m in mechanisms):
                    if not mechanisms or not mech_cues or s < min(ms for ms, _ in mech_cues):
                        return "causal", doc[s:e].text
        if mechanisms or mech_cues:
            s, e = mech_cues[0] if mech_cues else (mechanisms[0].start, mechanisms[0].end)
            return "mechanistic", doc[s:e].text
        return "causal", doc[causal[0][0]:causal[0][1]].text if causal else ""

    def _negated_only_after(self, sent: Span, cond: Mention, negation_cues: tuple[str, ...]) -> bool:
        """Are all the negations rightward-scoping words ("without") that stand after
        the condition?"""
        if cond.start < 0 or any(c.lower() not in RIGHTWARD_NEGATIONS for c in negation_cues):
            return False
        positions = [i for i in range(sent.start, sent.end) if self._article.lower[i] in RIGHTWARD_NEGATIONS]
        return bool(positions) and all(i > cond.end - 1 for i in positions)

    @staticmethod
    def _pronoun_subject_of_own_clause(doc: Doc, iv: Mention, cond: Mention) -> int | None:
        """The pronoun subject ("they", "it") of the coordinated clause that holds the
        condition, when that clause is not the treatment's own: the treatment's name stands
        in the clause before."""
        verb = _clause_verb(doc[cond.start:cond.end].root)
        if (not verb.tag_.startswith("VB") or verb.dep_ not in ("conj", "parataxis")
                or _clause_verb(doc[iv.start:iv.end].root).i == verb.i):
            return None  # a coordinated clause of its own, not one of time or reason
        pronoun = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECTS
                        and c.lower_ in _SUBJECT_PRONOUNS_OF_TREATMENTS and iv.end <= c.i < cond.start), None)
        return pronoun.i if pronoun is not None else None

    def _anchors(self, iv: Mention, cond: Mention, cues) -> list[int]:
        """Tokens the hedge cues must govern: the claim's explicit arguments, or its
        first claim cue when both arguments are implicit."""
        anchors = [m.start for m in (iv, cond) if m.start >= 0]
        if len(anchors) < 2:
            # an implicit argument: the claim cue stands in for it ("fail to give relief")
            anchors += [s for k, s, _ in cues if k != "correlational"][:1]
        return anchors


def _gazetteer_ids() -> dict[str, str]:
    """MeSH ids of the BC5CDR/BioRED gazetteer by lower-cased form, so that entities a
    later rule relabelled (ketamine: CHEMICAL -> DRUG) keep their normalisation."""
    from .ner import GAZETTEER_FILE

    ids = {}
    for entry in read_jsonl(GAZETTEER_FILE):
        pattern = entry["pattern"]
        if isinstance(pattern, str) and entry.get("id"):
            ids.setdefault(pattern.lower(), entry["id"])
    return ids


def _long_forms(doc: Doc) -> dict[str, str]:
    """The name each short form or brand name stands for ("PTSD" -> "post-traumatic
    stress disorder", "Sudafed" -> "pseudoephedrine")."""
    forms = {}
    for abrv in getattr(doc._, "abbreviations", None) or []:
        forms[abrv.text] = abrv._.long_form.text
    for brand in doc.spans.get(BRAND_SPAN_KEY, ()):
        forms.setdefault(brand.text, brand.label_)
    return forms


def _name_bases(mentions: list[Mention]) -> dict[str, str]:
    """Each lower-cased name and the name it counts for: "Esketamine nasal spray",
    "esketamine spray" and "the esketamine group" all count for "esketamine", the
    shortest other mention whose words they contain (of two as short, the first named:
    a set's order would follow Python's string hashing, which changes from run to run)."""
    names = list(dict.fromkeys(m.norm.lower() for m in mentions))
    return {name: min((other for other in names if other != name and f" {other} " in f" {name} "),
                      key=len, default=name) for name in names}


# adjunct markers that hold only right before the mention ("after exercise", not "After
# surgery, osimertinib ...")
_TIME_PREPOSITIONS = frozenset({"after", "before"})
MAKE_VERBS = frozenset({"make", "makes", "made", "making"})  # "make urgency worse"
_FRONTED_SUBORDINATORS = frozenset({"because", "although", "though", "if", "when", "while", "since", "once",
                                    "unless", "as", "whereas"})
# intransitive verbs of a condition's change ("sleepiness improved", "the rash cleared")
_CHANGE_VERBS = frozenset({"improve", "ease", "fall", "drop", "resolve", "clear", "disappear", "subside", "vanish",
                           "lessen", "settle", "halve", "stop"})
# verbs of change that after a condition are mostly nouns ("dry eye drops", "risk of falls")
_NOUN_LIKE_CHANGES = frozenset({"drop", "drops", "fall", "falls"})
_IRREGULAR_CHANGES = frozenset({"fell", "fallen", "stopped"})
_GIVE_FORMS = frozenset({"give", "gives", "gave", "given", "giving"})
_GIVEN_TO = frozenset({"me", "you", "him", "her", "us", "them", "people", "patients", "some", "many"})
# words between a verb of state and the state reached ("was a little better", "settled right down")
_DEGREE_WORDS = frozenset({"a", "little", "lot", "bit", "much", "far", "slightly", "right", "all", "mostly",
                           "completely", "somewhat", "noticeably"})
# "to put it in context / simply / another way": an idiom, whose "it" names nothing
_PUT_IT_WAYS = frozenset({"in", "simply", "another", "bluntly", "plainly", "briefly", "mildly", "differently",
                          "this", "that"})
# how a condition runs by itself ("settles on its own", "clears spontaneously", "would have happened anyway",
# "recover without treatment"), matched on the sentence's words joined by single spaces
_NATURAL_COURSE = re.compile(r" (on \S+ own|by (itself|themselves)|spontaneously|untreated|anyway|with age"
                             r"|without (any )?(treatment|treating)|with no (treatment|treating)) ")
# a group defined by a state, not an act ("people who have diabetes", "those who are older")
_GROUP_STATE_VERBS = frozenset({"have", "be", "live", "suffer", "develop", "get"})
_COMPARATIVE_WORDS = frozenset({"more", "fewer", "less"})
_AIM_DETERMINERS = frozenset({"the", "this", "our", "their", "its", "a"})
_AIM_MODIFIERS = frozenset({"main", "primary", "first", "second", "key", "central", "overall"})
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# the tags of a noun phrase's own words: determiner, numbers, adjectives, nouns, hyphens
_NOUN_PHRASE_TAGS = frozenset({"DT", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "HYPH", "VBN"})
# bullets that open a plain-text list item
_LIST_MARKERS = frozenset({"-", "*", "•", "–", "·"})
# what "their" takes of a class of treatments: "their use has been linked to falls"
_USE_NOUNS = frozenset({"use", "effect", "effects", "benefit", "benefits"})
# An article has a main intervention (what headings and an unattached "it" are about)
# only when it is named in at least this share of intervention mentions: a pharmacist's
# column on thirty remedies has none (its top one: 3 of 40 mentions), single-topic
# pieces have 0.2-0.9.
MIN_TOPIC_SHARE = 0.125
# Measured on the development corpus: 0.15 / 0.25 / 0.35 gave 34 articles 0.689 / 0.690 /
# 0.692 and the 25 oldest 0.730 / 0.732 / 0.734 (0.733 without the rule).
ARTICLE_DISEASE_SHARE = 0.35
# an outcome word ("constipation") is the article's condition only when named this often:
# one mention in a title ("rescues memory") is no subject
MIN_ARTICLE_OUTCOME_MENTIONS = 3
# words that give the consequence of what an instruction forbids
_CONSEQUENCE_WORDS = frozenset({"→", "⇒", "because", "since", "otherwise", "which", "risk", "can", "could", "may",
                                "might", "will"})
# dependencies that open a clause with its own subject or topic
_OWN_CLAUSES = frozenset({"relcl", "advcl", "acl", "appos", "parataxis", "conj"})
# comparison markers that set X apart instead of crediting it ("unlike X", "beyond X")
_CONTRASTS = frozenset({"unlike", "beyond"})
_MANNER_PREPOSITIONS = frozenset({"by", "through", "via"})  # "works by slowing ...": how, not what
_CLASSIFIED_SUBJECTS = frozenset({"it", "which", "they", "these", "both"})  # "It's a beta-blocker"
# a second clause that takes a claim up again: its contrast, the nouns of a treatment's
# effect, what says the effect wore off, and the subjects that report evidence
_TAKE_UP_CONTRASTS = frozenset({"but", "although", "though", "whereas", "yet"})
_BENEFIT_NOUNS = frozenset({"benefit", "benefits", "effect", "effects", "improvement", "gain", "gains"})
_WEARING_OFF = frozenset({"gone", "faded", "fades", "fade", "worn", "wears", "wore", "waned", "wanes",
                          "disappeared", "disappears", "lost", "vanished"})
_FINDING_VERBS = frozenset({"found", "find", "finds", "shown", "showed", "show", "shows", "confirmed"})
_STUDY_SUBJECTS = frozenset({"studies", "study", "trials", "trial", "research", "review", "reviews", "evidence",
                             "analysis", "data"})
# "as well as X", "as effective as X": an equative comparison names a second treatment
_EQUATIVE_ADVERBS = frozenset({"well", "effective", "good", "effectively", "much", "safe", "quickly"})
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})  # dependency labels of a clause's noun subject
_SUBJECTS = NOMINAL_SUBJECTS | {"csubj", "csubjpass"}  # ... and a gerund clause's ("Stopping smoking helps")
_CLAUSE_VERB_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP"})  # a clause's own verb (base form after "did not")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb with a tense, or a modal
# adjectives that spaCy's stop list holds but that describe a condition ("serious complications")
_STOP_LIST_ADJECTIVES = frozenset({"serious", "full", "empty", "whole"})
# copular verbs: of an expletive "it" ("it is clear that", "it seems that") and of a
# treatment's role ("X is the first choice"); as words, since the pipeline has no lemmas
_COPULAR_VERBS = frozenset({"is", "was", "are", "were", "be", "been", "being", "'s", "seems", "seemed", "seem",
                            "appears", "appeared", "appear", "remains", "remained"})
_OCCURRENCE_NOUNS = frozenset({"episodes", "episode", "attacks", "bouts", "cases"})  # "Episodes of X were ..."
_EFFECT_PREPOSITIONS = frozenset({"with", "after", "on"})  # "more common with / after / on the drug"
# a measure that changed with a treatment: "Mean UAS7 fell ... with bilastine"
_MEASURE_CHANGES = frozenset({"fell", "fallen", "falls", "fall", "dropped", "drops", "declined", "declines",
                              "decreased", "decreases", "improved", "improves", "rose", "risen", "rises",
                              "increased", "increases", "reduced", "lowered", "halved", "worsened"})
_MEASURE_NOUNS = frozenset({"score", "scores", "scale", "index", "level", "levels", "count", "counts", "rating",
                            "ratings"})
_SCALE_CODE = re.compile(r"^[A-Z][A-Za-z]*[0-9][A-Za-z0-9]*$")  # "UAS7", "DAS28", "HbA1c", "FEV1"
_MEASURE_PREPOSITIONS = frozenset({"with", "on", "in", "after", "during"})
_ARM_NOUNS = frozenset({"group", "groups", "arm", "arms"})
# a trial's verdict of no effect, in a clause of its own after the result it qualifies
_NOT_SIGNIFICANT = re.compile(r"\b(?:(?:was|were|is|are) not (?:statistically )?significant"
                              r"|did not reach (?:statistical )?significance|not statistically significant"
                              # arms that came out alike: "did not differ between groups", "were
                              # identical in the two groups", "by the same amount in both groups"
                              r"|did not differ|(?:was|were) (?:similar|identical|no different) (?:in|between|across)"
                              r"|by (?:almost |roughly |about )?(?:exactly )?the same amount)\b", re.I)
_SUBJECT_PRONOUNS_OF_TREATMENTS = frozenset({"it", "they"})
_PLURAL_DEMONSTRATIVES = frozenset({"these", "those"})
_OCCURRENCE_VERBS = frozenset({"occurred", "occur", "occurs", "developed", "develop", "develops", "happened"})
_OBSERVED_VERBS = frozenset({"reported", "seen", "observed", "recorded", "noted"})
# what ties an occurrence to a treatment: "in 5% of patients on / taking / given the drug"
_TAKING_PREPOSITIONS = _EFFECT_PREPOSITIONS | {"taking", "given", "receiving", "during"}
_DETERMINERS = frozenset({"the", "a", "an", "your", "their", "his", "her", "my", "our", "its"})
_MOST_FREQUENT = re.compile(r" (the )?(most common|commonest|most frequent|most frequently reported|main) [a-z -]*"
                            r"\b(is|are|was|were|include|includes|included) $")
# a phrase that compares a trial's arms (`_ARM_NOUNS`): "in the placebo group", "between arms"
_ARM_PREPOSITIONS = frozenset({"in", "between", "across"})
_BASELINE_WORDS = frozenset({"baseline", "entry", "randomisation", "randomization", "enrolment", "enrollment"})
_EVERY_WORDS = frozenset({"any", "all", "each", "every"})
# what a reader is told to do if a warning sign appears: "stop ..., see a doctor, call 111 if ..."
_INSTRUCTION_VERBS = frozenset({"stop", "see", "contact", "call", "ring", "seek", "get", "tell", "go", "report",
                                "phone", "speak", "visit", "attend", "check"})
# tags of a modifier shared across a coordination ("spine, hip and other fractures")
_MODIFIER_TAGS = frozenset({"JJ", "NN", "NNS", "NNP", "NNPS", "VBN", "VBG"})
# words between "the" and a definite condition head that keep it the passage's disease
_DEFINITE_MODIFIERS = frozenset({"underlying", "same", "whole", "actual"})
_HAVE_FORMS = frozenset({"have", "has", "had", "having"})
# a heading's only claim cue when it names a topic, not an effect
_TOPIC_HEADING_TRIGGERS = frozenset({"", "treatment", "treatments", "treating", "management", "therapy",
                                     "therapies", "options", "care"})
_INCLUDE_VERBS = frozenset(inflections("include"))
_AUXILIARIES = frozenset({"do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "be"})
# prepositions that follow the subject of a clause whose verb is gapped
_GAPPED_PREPOSITIONS = frozenset({"by", "with", "in", "for", "to", "on", "from"})
_SIDE_EFFECT_NOUNS = frozenset({"effect", "effects"})  # the cue list's "side/adverse effect(s)"


_QUOTE_MARKS = frozenset({'"', "“", "”", "„", "«", "»"})
# what a gerund act may follow at the start of a sentence: a label's colon or a quotation mark
_GERUND_OPENERS = _QUOTE_MARKS | {":"}
_NOUN_OR_GERUND_TAGS = frozenset({"NN", "NNS", "VBG"})
# a verb of effect's object that names the condition of the sentence before ("prevent this")
_OBJECT_PRONOUNS = frozenset({"this", "it", "that"})
_ASKING_VERBS = frozenset({"ask", "asks", "asked", "asking", "wonder", "wonders", "wondered", "wondering"})


def _passive_by(verb: Token, *, or_preposition: bool) -> Token | None:
    """The "by" that introduces a passive verb's agent ('caused by viruses'): the verb's
    first child on the parser's `agent` arc or, with `or_preposition`, the first that is
    either that or a "by" the parser left as a plain preposition ('headaches worsened by
    overusing painkillers'). Its object is the agent."""
    return next((c for c in verb.children
                 if c.dep_ == "agent" or (or_preposition and c.dep_ == "prep" and c.lower_ == "by")), None)


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a word stands in: its first verb among its heads (the root
    where none is, and at most eight steps up: clauses nest a few levels at most)."""
    for _ in range(8):
        if token.tag_.startswith("VB") or token.head.i == token.i:
            return token
        token = token.head
    return token


def _in_verb_phrase(token: Token, verb: Token) -> bool:
    """Whether token hangs from verb through nouns and prepositions only, not through a
    clause of its own ("... occurred in 5% of patients on X", not "... develop when
    straining on the toilet ...")."""
    head = token.head
    while head.i != verb.i:
        if head.tag_.startswith("VB") or head.head.i == head.i:
            return False
        head = head.head
    return True


def _is_expletive(token: Token) -> bool:
    """'it is not clear which comes first', 'it is not yet known whether ...', 'it seems
    that ...': an "it" whose clause is about a that/whether/wh- clause names nothing. ("It
    is thought to work by ...", with a to-infinitive, names the treatment.)"""
    if token.lower_ != "it" or (token.dep_ not in NOMINAL_SUBJECTS and token.dep_ != "expl"):
        return False
    verb = token.head
    if verb.lower_ not in _COPULAR_VERBS and verb.tag_ != "VBN":
        return False
    predicates = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd"))]
    for head in predicates:
        for clause in head.children:
            if clause.dep_ in ("ccomp", "csubj") and clause.i > token.i and not any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                return True
    return False


def _before_negation_clitic(token: Token) -> bool:
    """'wo' of "won't", 'ca' of "can't": a verb the tokenizer cut from its "n't", whatever
    the tagger calls it."""
    doc = token.doc
    return not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].lower_.replace("\u2019", "'") == "n't"


def _ends_in_sentence_stop(ent: Span) -> bool:
    """'... took vitamin D.': the tokenizer keeps a capital and its full stop together
    (an initial), so a name ending a sentence ends in the sentence's full stop."""
    last = ent[-1]
    return (len(last.text) == 2 and last.text[0].isupper() and last.text[1] == "."
            and len(ent) > 1 and (last.i + 1 == len(ent.doc) or ent.doc[last.i + 1].is_sent_start
                                  or ent.doc[last.i + 1].is_space))


def _unnamed_members(members: Iterable[Token], taken: set[int]) -> Iterable[Token]:
    """The members of a coordination that no mention holds yet and that can head a noun
    phrase (a noun or a gerund: "wind and *bloating*", "Caps, hair gel and *washing* ...")."""
    return (m for m in members if m.i not in taken and m.tag_ in _NOUN_OR_GERUND_TAGS)


def _own_clause(verb: Token) -> Iterator[Token]:
    """The tokens of `verb`'s clause with the verbs coordinated to it that share its
    subject, not a coordinated clause with a subject of its own ("Pneumonia was rare, and
    the rates of infection were identical in the two groups")."""
    yield verb
    for child in verb.children:
        if child.dep_ in ("conj", "advcl", "ccomp", "relcl", "parataxis") and any(
                c.dep_ in NOMINAL_SUBJECTS for c in child.children):
            continue
        yield from _own_clause(child) if child.tag_.startswith("VB") else child.subtree


def _example_of(token: Token) -> Token:
    """The noun a token is given as an example of ("symptoms such as restlessness",
    "side effects like nausea", "problems including falls"), else the token itself."""
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ in ("as", "like", "including") and prep.dep_ == "prep":
        noun = prep.head
        if prep.lower_ != "as" or any(t.lower_ == "such" for t in prep.children) or noun.lower_ == "such":
            return noun.head if noun.lower_ == "such" else noun
    return token


def _phrase_mention(span: Span, label: str, kind: str = "entity") -> Mention:
    """A mention for a phrase no entity covers (an act, an object, a compared outcome)."""
    return Mention(span.text, span.text, label, span.start, span.end, span.start_char, span.end_char, kind=kind)


def _implicit(m: Mention, kind: str = "context") -> Mention:
    return Mention("", m.norm, m.label, kb_id=m.kb_id, implicit=True, kind=kind)


def _loosely_names(words: list[str], topic_words: set[str]) -> bool:
    """An object phrase names the heading's condition loosely when it shares two of its
    words ("heart failure admissions" under heart failure) or ends in one ("the disease"
    under Parkinson's disease), not when it shares only a modifier ("pulmonary vascular
    resistance" under pulmonary arterial hypertension is a measure of its own; nor,
    since 28 November, "cardiovascular events" under cardiovascular disease)."""
    return len(topic_words.intersection(words)) >= 2 or (bool(words) and words[-1] in topic_words)


def _innermost(sections: list[Span], token_i: int) -> Span | None:
    found = None
    for s in sections:
        if s.start <= token_i < s.end:
            found = s  # sorted by start: later ones are nested deeper
    return found


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start >= 0 and b.start >= 0 and a.start < b.end and b.start < a.end


def _dedupe(mentions: Iterable[Mention]) -> list[Mention]:
    out, seen = [], set()
    for m in mentions:
        key = m.norm.lower()
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _mechanism_texts(mechanisms: list[Span], phrases: list[MechanismPhrase], iv: Mention,
                     cond: Mention) -> tuple[str, ...]:
    """A claim's mechanisms in text order: the sentence's mechanism phrases that do not
    hold the claim's own treatment or condition ("raising adenosine" is no mechanism of
    adenosine), and its mechanism entities that no such phrase already quotes."""
    own = [p for p in phrases if not _overlaps(p, iv) and not _overlaps(p, cond)]
    named = [(e.start, e.text) for e in mechanisms
             if not any(p.start <= e.start and e.end <= p.end for p in own)]
    return tuple(_unique(text for _, text in sorted(named + [(p.start, p.text) for p in own])))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _trimmed_offsets(sent: Span) -> tuple[int, int]:
    """Character offsets of the sentence without the whitespace tokens at its ends (read
    from both ends: a Token for every word of every claim's sentence is not needed)."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None:
        return sent.start_char, sent.start_char
    last = next(t for t in reversed(sent) if not t.is_space)
    return first.idx, last.idx + len(last.text)
