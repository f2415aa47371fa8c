"""Mechanism phrases: what a treatment does to the body, in the text's own words.

The entity layer names mechanisms (receptors, transmitters, processes, brain regions),
but a text usually says what the treatment does to them: "blocks muscarinic receptors
on the detrusor", "works by stabilising the fibrin plugs", "damping down glutamate",
"acts on a receptor called GC-C". A reviewer needs that action, and the annotation
guide counts it ("receptors and their action"). `MechanismPhrases.find` reads from the
dependency parse (rules in resources/mechanism_actions.json):

- verb phrases: a verb of action with its object, where the object is mechanism-like (a
  mechanism entity, a chemical, an enzyme, a body part or signal word) or the verb says
  how something else is done ("by blocking ...", "because it lowers ..."). An object
  that is a condition is an effect, not a mechanism; a changed measure ("blood pressure")
  is a mechanism only in a clause of manner or reason;
- named mechanisms: a class named by its action ("a sodium channel blocker"), an -ergic
  effect ("its anticholinergic effects"), what an effect comes through ("through GABA
  receptors in the cortex").

The claim layer writes a claim's phrases in its mechanism column, and treats what a verb
phrase acts on as a target, not a treatment ("Spironolactone blocks aldosterone").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .hedge import CONDITION_ENTITY_LABELS, inflections
from .resources import english_lemma_lookup, read_json
from .tokens import lower_words

MECHANISM_LABELS: frozenset[str] = frozenset({"RECEPTOR", "NEUROTRANSMITTER", "PROCESS", "BRAIN_REGION",
                                             "CELL_TYPE", "TARGET"})
ACTIONS_FILE = "mechanism_actions.json"
# an object phrase ends where an apposition or a new clause begins
_PHRASE_ENDS = frozenset({",", ";", ":", "—", "–"})
# particles and prepositions written between a verb and its object ("switches on TREM2",
# "turn down part of the immune system"), which the parser may attach as a preposition
_PARTICLES = frozenset({"on", "off", "down", "up", "out"})
# a word in one of these roles is a noun, whatever its tag ("calm the immune attack on ...")
_NOMINAL_ROLES = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "compound", "appos", "poss"})
# words before a noun phrase that a mechanism's name leaves out ("only a weak inhibitor")
_LEADING_DEPS = frozenset({"det", "poss", "predet", "advmod", "preconj"})
_DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})
# a gene or protein symbol: capitals and a digit ("CYP2C19", "TREM2", "NK1", "P2X3")
_GENE_SYMBOL = re.compile(r"^(?=[A-Z0-9]*[0-9])[A-Z][A-Z0-9]{1,7}$")
# a verb with its own tense starts a clause of its own
_FINITE_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP"})
# words the parser may leave at an object's end that belong to what follows it
_TRAILING_WORDS = frozenset({"and", "or", "but", "rather", "than", "(", "as"})


@dataclass(frozen=True, slots=True)
class MechanismPhrase:
    text: str
    start: int  # token offsets in the Doc: from the verb ...
    end: int  # ... to the end of its object
    # whether what the phrase acts on is a target, never a treatment ('blocks aldosterone',
    # not 'patients stop allopurinol'); False for named mechanisms
    acts_on_target: bool = False


class MechanismPhrases:
    """Finds verb-of-action phrases that state a mechanism (see the module docstring)."""

    def __init__(self) -> None:
        rules = read_json(ACTIONS_FILE)
        self.verbs = frozenset(rules["verbs"])
        self.verb_forms = frozenset(f for v in rules["verbs"] for f in inflections(v))
        self.prepositional = {verb: frozenset(preps) for verb, preps in rules["verbs_with_preposition"].items()}
        self.prepositional_forms = {f: verb for verb in self.prepositional for f in inflections(verb)}
        self.manner_prepositions = frozenset(rules["manner_prepositions"])
        self.object_heads = frozenset(rules["object_heads"])
        self.not_enzymes = frozenset(rules["not_enzymes"])
        self.person_subjects = frozenset(rules["person_subjects"])
        self.treatment_verbs = frozenset(rules["treatment_verbs"])
        self.particle_verbs = {verb: frozenset(ps) for verb, ps in rules["particle_verbs"].items()}
        self.particle_forms = {f: ps for verb, ps in self.particle_verbs.items() for f in inflections(verb)}
        self.set_aside_words = frozenset(rules["set_aside_words"])
        self.site_prepositions = frozenset(rules["site_prepositions"])
        self.reason_markers = frozenset(rules["reason_markers"])
        self.not_sites = frozenset(rules["not_sites"])
        self.action_classes = frozenset(rules["action_classes"])
        self.ergic_heads = frozenset(rules["ergic_heads"])
        self.route_prepositions = frozenset(rules["route_prepositions"])
        self.max_words: int = rules["max_words"]

    def find(self, sent: Span, ent_types: Sequence[str]) -> list[MechanismPhrase]:
        """The mechanism phrases of a parsed sentence; `ent_types` is the entity label of
        each token of the Doc ('' outside entities)."""
        doc = sent.doc
        if not doc.has_annotation("DEP"):
            return []
        found = []
        lemmas = english_lemma_lookup()
        words = lower_words(doc)
        for i in range(sent.start, sent.end):
            word = words[i]
            lemma = lemmas.get(word, word)
            if not (word in self.verb_forms or lemma in self.verbs or word in self.prepositional_forms
                    or lemma in self.prepositional):
                continue  # the usual word: no Token is built for it
            verb = doc[i]
            obj = self._action_object(verb, lemma, sent, ent_types)
            if obj is None:
                continue
            end = self._object_end(obj, sent)
            if end - verb.i > self.max_words:
                end = obj.i + 1
                if end - verb.i > self.max_words:
                    continue
            object_tokens = doc[obj.left_edge.i:end]
            says_how = self._says_how(verb)
            conditions = {ent_types[t.i] for t in object_tokens} & CONDITION_ENTITY_LABELS
            if conditions and not (says_how and conditions == {"OUTCOME"}):
                # "reduces the risk of stroke", "because it may trigger psychosis": an effect;
                # but a measure changed in a clause of manner or reason says how ("dizzy
                # because it lowers your blood pressure")
                continue
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(c.lower_ in self.person_subjects or ent_types[c.i] in CONDITION_ENTITY_LABELS for c in subjects):
                continue  # "you lower the dose", "insulin resistance drives many of its features"
            if not (says_how or self._mechanism_like(object_tokens, ent_types)):
                continue
            site_end = self._site_end(end, obj, sent)
            if site_end - verb.i <= self.max_words and not any(
                    ent_types[i] in CONDITION_ENTITY_LABELS for i in range(end, site_end)):
                end = site_end  # not "... in the brain's vomiting centre", which names a condition
            found.append(MechanismPhrase(doc[verb.i:end].text, verb.i, end,
                                         acts_on_target=lemma not in self.treatment_verbs))
        found += self._named_mechanisms(sent, ent_types)
        # "dampens inflammation by reducing neutrophil recruitment" holds "reducing ...": one phrase
        return [p for p in found if not any(o is not p and o.start <= p.start and p.end <= o.end for o in found)]

    def _named_mechanisms(self, sent: Span, ent_types: Sequence[str]) -> list[MechanismPhrase]:
        """Noun phrases that name a mechanism: a class named by its action, in apposition or
        after 'is' ('Carbamazepine, a sodium channel blocker, ...', 'Psilocin is a 5-HT2A
        receptor agonist'); an -ergic adjective with a noun of effect ('its anticholinergic
        effects'); what an effect comes through ('is thought to come through vitamin D
        receptors on T cells')."""
        doc = sent.doc
        words = lower_words(doc)
        found = []
        for i in range(sent.start, sent.end):
            word = words[i]
            if not (word in self.action_classes or word.endswith("ergic") or word in self.route_prepositions):
                continue  # the usual word: no Token is built for it
            token = doc[i]
            span = None
            if word in self.action_classes and token.dep_ in ("appos", "attr"):
                start = next((t.i for t in doc[token.left_edge.i:token.i] if t.dep_ not in _LEADING_DEPS), token.i)
                target = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                # "a weak inhibitor of cyclooxygenase (COX)"
                span = (start, self._object_end(target, sent) if target is not None else token.i + 1)
            elif (word.endswith("ergic") and token.head.i == token.i + 1
                  and token.head.lower_ in self.ergic_heads):
                span = (token.i, token.i + 2)
            elif (word in self.route_prepositions and token.head.tag_.startswith("VB")
                  and not any(c.dep_ == "pcomp" for c in token.children)):
                place = next((c for c in token.children if c.dep_ == "pobj"), None)
                if (place is not None and self._mechanism_like(doc[place.left_edge.i:place.i + 1], ent_types)
                        and not any(c.lower_ in _DEMONSTRATIVES for c in place.children)):
                    # not "through this channel": what it points back to was named before
                    start = next((t.i for t in doc[place.left_edge.i:place.i] if t.dep_ not in _LEADING_DEPS),
                                 place.i)
                    span = (start, self._site_end(self._object_end(place, sent), place, sent))
            if span is None or span[1] - span[0] > self.max_words or any(
                    ent_types[i] in CONDITION_ENTITY_LABELS for i in range(*span)):
                continue
            found.append(MechanismPhrase(doc[span[0]:span[1]].text, *span))
        return found

    def _action_object(self, verb: Token, lemma: str, sent: Span, ent_types: Sequence[str]) -> Token | None:
        """The object of `verb` (whose lemma is `lemma`) when it is a verb of action ('blocks
        X', 'switches on X', 'acts on X'), else None."""
        word = verb.lower_
        if ent_types[verb.i] or (verb.dep_ in _NOMINAL_ROLES and not verb.tag_.startswith("VB")):
            # part of a name ("beta blocker"), or a noun ("the immune attack on"); a gerund
            # subject is a verb ("blocking the orexin signal could aggravate ...")
            return None
        obj = None
        if word in self.verb_forms or lemma in self.verbs:
            obj = self._object(verb)
            particles = self.particle_forms.get(word) or self.particle_verbs.get(lemma)
            if particles is not None and not self._has_particle(verb, particles):
                obj = None  # "the enzyme that turns testosterone into DHT"
        base = self.prepositional_forms.get(word) or lemma
        if obj is None and base in self.prepositional:
            obj = next((c for prep in verb.children if prep.dep_ == "prep" and prep.i == verb.i + 1
                        and prep.lower_ in self.prepositional[base] for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.i < verb.i or self._set_aside(verb, sent):
            return None
        return obj

    @staticmethod
    def _has_particle(verb: Token, particles: frozenset[str]) -> bool:
        """'switches on', 'mops it up'; the parser may hang a particle right after its verb
        on the object ("damping down inflammation": 'down' as an adjective)."""
        following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        return ((following is not None and following.lower_ in particles)
                or any(c.lower_ in particles for c in verb.children if c.dep_ in ("prt", "prep")))

    def _object(self, verb: Token) -> Token | None:
        """A verb's direct object, or the object of a particle right after it."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            # "switches on TREM2", "damping down glutamate", parsed as a preposition
            obj = next((c for prep in verb.children if prep.dep_ in ("prep", "prt") and prep.lower_ in _PARTICLES
                        and prep.i == verb.i + 1 for c in prep.children if c.dep_ == "pobj"), None)
        return obj

    def _object_end(self, obj: Token, sent: Span) -> int:
        """Where an object's phrase ends: its subtree, cut before an apposition, a new
        clause or trailing function words, with a closing bracket the parser hung elsewhere."""
        doc = obj.doc
        end = min(obj.right_edge.i + 1, sent.end)
        for t in doc[obj.i + 1:end]:
            if t.text in _PHRASE_ENDS or (t.dep_ == "cc" and any(
                    u.dep_ == "conj" and (u.tag_ in _FINITE_VERB_TAGS or any(c.dep_ == "dobj" for c in u.children))
                    for u in doc[t.i + 1:end])):
                end = t.i  # "... in the brain and strengthens ...": a new verb is a new phrase
                break
        while end > obj.i + 1 and (doc[end - 1].dep_ == "cc" or doc[end - 1].lower_ in _TRAILING_WORDS):
            end -= 1  # "clear amyloid from the brain and", "acting on its pacemaker rather than"
        opened = sum(t.text == "(" for t in doc[obj.i:end]) - sum(t.text == ")" for t in doc[obj.i:end])
        if opened > 0 and end < sent.end and doc[end].text == ")":
            end += 1  # "blocks tumour necrosis factor (TNF)": the parser hung ")" elsewhere
        return end

    def _site_end(self, end: int, obj: Token, sent: Span) -> int:
        """Where the phrase ends with the place written right after the object ('suppressing
        glucose production in the liver', 'blocks beta receptors in the ciliary body')."""
        doc = obj.doc
        if (end < sent.end and doc[end].lower_ in self.site_prepositions
                and doc[end].head.i in (obj.head.i, obj.i, obj.head.head.i)):
            place = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
            if place is not None and place.lower_ not in self.not_sites:
                return self._object_end(doc[end], sent)
        return end

    def _set_aside(self, verb: Token, sent: Span) -> bool:
        """'without narrowing blood vessels', 'rather than by killing germs', 'instead of
        blocking histamine': the text denies the action or sets it aside."""
        before = [t.lower_ for t in sent.doc[max(sent.start, verb.i - 3):verb.i]]
        while before and (before[-1] in self.manner_prepositions or before[-1] == "of"):
            before.pop()
        return bool(before) and before[-1] in self.set_aside_words

    def _says_how(self, verb: Token) -> bool:
        """'eases knee pain by unloading the joint', 'through blocking ...', and a clause of
        reason ('Because it lowers lymphocyte counts, shingles is more common')."""
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "pcomp" and verb.head.lower_ in self.manner_prepositions:
            return True
        return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.reason_markers
                                            for c in verb.children)

    def _mechanism_like(self, tokens: Span, ent_types: Sequence[str]) -> bool:
        """Does an object name something a treatment can act on: a mechanism entity, a
        chemical, a gene or protein symbol, an enzyme, a signal or body word?"""
        for t in tokens:
            label = ent_types[t.i]
            if label in MECHANISM_LABELS or label == "CHEMICAL":
                return True
            if not label and _GENE_SYMBOL.match(t.text):
                return True  # "blocks CYP2C19", "switches on TREM2"
            if t.tag_.startswith("NN") and (t.lower_ in self.object_heads or (
                    t.lower_.endswith("ase") and len(t.lower_) > 5 and t.lower_ not in self.not_enzymes)):
                return True
        return False
