"""Hedge level and negation of a claim, from cue words that govern it.

The one hedge component of claimx: `claimx extract` (through the claim layer) and
`claimx strength` (sentence level) both call `assess_hedge`.

`HedgeDetector` (factory `claimx_hedge`) marks every cue of resources/hedge_cues.jsonl
in `doc.spans["hedge_cues"]` (label = cue kind), and the framing verbs of
resources/hedge_frames.json judged by their source: a verb of finding whose source is a
study reports evidence ("a review of 18 trials that found ..."), a verb of saying whose
source is a lay one is hearsay, an epistemic hedge ("supplement sites say ..."). A cue
entry may carry
- `inflect: true`: also match the regular inflections (suggest -> suggests, suggested, ...);
- `not_after: [...]` / `not_before: [...]`: the cue does not count right after / right
  before one of these words ("more likely" is a comparison, "could not" a past inability);
- `only_before: [...]` / `only_after: [...]`: the cue counts only right before / after
  one of these words ("thought to", "thought that"; the cue reported is "thought"; "could
  one day", not "one day a week").

`assess_hedge(sent, scope, anchors=None)` turns the cues that govern a claim into one of
the four levels of the annotation guide:

- speculative: an explicitly tentative stage ("preliminary", "is being investigated",
  "proposed mechanism") or two or more stacked epistemic hedges ("could potentially");
- possible: one epistemic hedge ("may", "suggests", "promising"); a yes/no question
  ("Do SSRIs help with panic disorder?", "Q: Can X cause Y?") counts as one: it raises the
  claim without stating it (the cue reported is the opening auxiliary and the question
  mark, "Do ...?");
- probable: reported evidence, an inference from results, an ability modal or a
  frequency qualifier ("research shows", "indicate that", "can", "often") and no
  epistemic hedge;
- asserted: none of these (boosters such as "clearly" are reported but keep it asserted).

Negation is judged alongside: a negation cue that governs the claim, or a myth-buster's
label at the start of the sentence ("Myth: honey prevents hay fever").

Which cues govern the claim:
- with a dependency parse (`doc.has_annotation("DEP")`) and `anchors` (token indices of
  the claim's intervention / condition / trigger): a cue counts when it lies on the path
  from an anchor to the root (a framing verb: "research *suggests* that X reduces Y"), or
  attaches to that path without crossing a clause boundary ("X *may* reduce Y",
  "*preliminary* research suggests ..."); a hedge inside a relative or adverbial clause
  ("..., which may be due to Z") does not, nor does a negation in a clause that describes
  the claim's population ("people whose seizures have not stopped");
- else a cue counts when its first token lies in `scope` (token indices, e.g. the
  clauses the claim layer found), or, given only `anchors`, in `rule_scope(sent, anchors)`;
- with neither, every cue of the sentence counts (sentence-level judgement).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .resources import read_json, read_jsonl
from .tokens import in_hyphenated_word, lower_words

LEVELS: tuple[str, ...] = ("asserted", "probable", "possible", "speculative")
CUE_FILE = "hedge_cues.jsonl"
FRAMES_FILE = "hedge_frames.json"
SPAN_KEY = "hedge_cues"
HEDGE_KINDS: frozenset[str] = frozenset({"epistemic", "tentative", "question"})
# a negation word, or a myth-buster's label ("Myth: ...")
NEGATION_KINDS: frozenset[str] = frozenset({"negation", "verdict"})
VERDICT_WORDS: frozenset[str] = frozenset({"myth", "false", "fiction", "debunked", "busted"})
MAX_VERDICT_WORDS = 5  # "Local honey: the hay fever myth": the verdict's words after the colon
# subjects of a clause that comments on the evidence for a claim
EVIDENCE_NOUNS: frozenset[str] = frozenset({"research", "evidence", "studies", "study", "data", "trials", "trial",
                                            "findings", "results", "work", "science"})
PROBABLE_KINDS: frozenset[str] = frozenset({"evidence", "ability", "frequency", "inference"})
# BioScope's "speculation" = the claimx hedges plus inferences from results ("indicate that")
SPECULATION_KINDS: frozenset[str] = HEDGE_KINDS | {"inference"}

# clause boundaries for the rule scope (no parse)
_CLAUSE_PUNCT = frozenset({";", ":", "—", "–"})
# who a verb of saying tells, between it and what it says ("parents told us that ...")
_HEARERS = frozenset({"us", "me", "you", "him", "her", "them"})
# contrast words that open a clause of their own (also read by the claim layer)
CONTRAST_WORDS = frozenset({"while", "although", "though", "whereas", "but", "however", "yet"})
_RELATIVE = frozenset({"which", "who", "whom", "whose"})
_COORD = frozenset({"and", "but", "or", "yet", "so"})
_SUBJECT_STARTS = frozenset({"it", "its", "this", "that", "these", "those", "they", "their", "he", "she", "we",
                             "i", "you", "there", "the", "such", "many", "some", "most", "others"})
SUBORDINATORS: frozenset[str] = (CONTRAST_WORDS - {"but", "yet"}) | _RELATIVE
# conjunctions that make an adverbial clause a reason or concession of its own
# ("since", "after", "before" are left out: also adverbs and prepositions the parser misattaches,
# "studies have since linked X to Y")
_ADVERBIAL_MARKS = frozenset({"because", "although", "though", "while", "whereas"})
# dependency labels that open a clause of their own (ClearNLP/CRAFT and UD spellings)
_CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "conj", "parataxis", "appos", "rcmod")
_CLAUSE_DEPS_OPENING = ("relcl", "acl", "advcl", "csubj", "conj", "parataxis", "rcmod")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "nsubj:pass"})
# what gives a coordinated verb a clause of its own: its own auxiliary or subject
_OWN_CLAUSE_DEPS = _SUBJECT_DEPS | {"aux", "auxpass"}
# a clause that describes a noun (the parser reads "people whose seizures have not stopped" as
# either)
_GROUP_CLAUSE_DEPS = frozenset({"relcl", "rcmod", "acl", "acl:relcl", "ccomp"})
# between a framing verb and its source: a relative pronoun, an auxiliary or an adverb
# ("a review of 18 trials *that* found ...", "supplement sites *now* say ...")
_SOURCE_GAP = frozenset({"that", "which", "who", "have", "has", "had", "also", "now", "still", "often", "all", "both",
                         "currently", "already", "consistently", "repeatedly", "always", "even", "most", "usually",
                         "sometimes", "frequently", "commonly"})
# a framing verb frames what follows when it is a clause or a finding: "that", a subject or
# an object ("say berberine treats", "found an average loss"), not "found in", "said to"
_FRAMED_TAGS = frozenset({"DT", "PRP", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "CD", "EX"})
# without a tagger (rules only): what follows must not be one of these
_UNFRAMED_WORDS = frozenset({"in", "to", "by", "on", "at", "for", "with", "of", "as", "out", "up", "about", "from",
                             "so", "and", "or", "but", "yes", "no", "nothing", "something", "anything", "what",
                             "how", "why", "when", "where", "who", "which", "this", "too", "again"})
_QUESTION_MARK = hash_string("?")
# A sentence that opens with one of these and ends with "?" is a yes/no question.
_QUESTION_LABELS = frozenset({"q", "question", "asked"})
_QUESTION_OPENERS = frozenset({
    "do", "does", "did", "can", "could", "will", "would", "should", "shall", "may", "might", "must",
    "is", "are", "was", "were", "has", "have", "had",
    "don't", "doesn't", "can't", "isn't", "aren't", "won't", "shouldn't",
})


@dataclass(frozen=True, slots=True)
class HedgeAssessment:
    level: str
    cues: tuple[str, ...]  # the words of the text that set the level
    negated: bool
    negation_cues: tuple[str, ...]


def inflections(verb: str) -> set[str]:
    """Regular English inflections of a base verb form (suggest -> suggests, suggested, suggesting)."""
    forms = {verb}
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
        if len(verb) <= 4 and verb[-1] not in "aeiouwy" and verb[-2:-1] in "aeiou" and verb[-3:-2] not in "aeiou":
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # cut -> cutting
    return forms


# entity labels of conditions (set by the entity layer in `claimx extract`; absent in the
# sentence-level pipeline, which runs no NER)
CONDITION_ENTITY_LABELS = frozenset({"DISEASE", "OUTCOME"})


class HedgeDetector:
    def __init__(self, nlp, name: str = "claimx_hedge", cue_file: str = CUE_FILE) -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # context constraints: the word before / after the cue
        self.context: dict[str, dict[str, frozenset[str]]] = {}
        by_kind: dict[str, set[str]] = {}
        for entry in read_jsonl(cue_file):
            forms = inflections(entry["cue"]) if entry.get("inflect") else {entry["cue"]}
            by_kind.setdefault(entry["kind"], set()).update(forms)
            for key in ("not_after", "not_before", "only_before", "only_after"):
                if entry.get(key):
                    for form in forms:
                        self.context.setdefault(form.lower(), {})[key] = frozenset(w.lower() for w in entry[key])
        for kind, phrases in by_kind.items():
            self.matcher.add(kind, list(nlp.tokenizer.pipe(sorted(phrases))))
        # framing verbs judged by their source (resources/hedge_frames.json): word ->
        # (cue kind, the sources that make it one, or None for any source)
        frames = read_json(FRAMES_FILE)
        self.frames: dict[str, tuple[str, frozenset[str] | None]] = {}
        for verb in frames["evidence"]["verbs"]:
            self.frames[verb] = ("evidence", frozenset(frames["evidence"]["sources"]))
        for verb in frames["hearsay"]["verbs"]:
            self.frames[verb] = ("epistemic", frozenset(frames["hearsay"]["sources"]))
        for verb in frames["hearsay"]["allegation_verbs"]:
            self.frames[verb] = ("epistemic", None)

    def __call__(self, doc: Doc) -> Doc:
        # a question's opening word is the question's cue, not an ability ("*Can* X cause Y?"):
        # of two spans of one length filter_spans keeps the one listed first
        spans = _polar_questions(doc)
        for match_id, start, end in self.matcher(doc):
            span = Span(doc, start, end, label=match_id)
            if self._excluded(doc, span):
                continue
            spans.append(span)
        spans.extend(self._framing_verbs(doc))
        spans.extend(_verdict_labels(doc))
        doc.spans[SPAN_KEY] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc

    def _framing_verbs(self, doc: Doc) -> list[Span]:
        """'a review of 18 trials *that found* berberine lowered LDL' (evidence), 'Several
        supplement sites *say* berberine treats PCOS', 'My aunt *swears* it brought her sugars
        down' (hearsay, epistemic): a framing verb with what it frames right after it, and
        for most verbs a source word right before it (see resources/hedge_frames.json).
        Whether it frames a given claim is decided like any cue's scope."""
        found = []
        words = lower_words(doc)  # the usual word is no framing verb: no Token is built for it
        tagged = doc.has_annotation("TAG")
        for i, word in enumerate(words):
            frame = self.frames.get(word)
            if frame is None or i + 1 >= len(doc):
                continue
            kind, sources = frame
            j = i + 1
            while j < len(doc) and doc[j].is_space:
                j += 1
            if kind == "epistemic" and j + 1 < len(doc) and words[j] in _HEARERS:  # "told us that", "tell you"
                j += 1
            # what follows: "that", a clause or a finding; or nothing, when the frame comes
            # after what it reports ("..., Brackwater Trial Finds", "..., my aunt swears.")
            if j < len(doc) and not doc[j].is_sent_start and words[j] != "that":
                framed = doc[j].tag_ in _FRAMED_TAGS if tagged else (
                    doc[j].is_alpha and words[j] not in _UNFRAMED_WORDS)
                if not framed and not _ends_sentence(doc, j):
                    continue
            if sources is not None and not self._has_source(doc, words, i, sources):
                continue
            found.append(Span(doc, i, j + 1 if j < len(doc) and words[j] == "that" else i + 1, label=kind))
        return found

    @staticmethod
    def _has_source(doc: Doc, words: list[str], i: int, sources: frozenset[str]) -> bool:
        """The word before the verb ("supplement *sites* say", "a review of 18 *trials* that
        found") or, with a parse, the verb's subject ("a *video* on the clinic's page said") or
        the noun its clause describes ("a news *piece* last week saying that")."""
        k = i - 1
        while k >= 0 and i - k <= 3 and words[k] in _SOURCE_GAP:
            k -= 1
        if k >= 0 and words[k] in sources:
            return True
        if doc.has_annotation("DEP"):
            verb = doc[i]
            if verb.dep_ in ("acl", "relcl") and words[verb.head.i] in sources:
                return True  # "a news piece last week saying that ..."
            subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
            if not subjects and verb.dep_ == "conj":  # "... took his boy to an osteopath and says"
                subjects = [c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS]
            return any(words[t.i] in sources for subject in subjects for t in (subject, *subject.lefts))
        return False

    def _excluded(self, doc: Doc, span: Span) -> bool:
        first = span[0]
        if in_hyphenated_word(doc, span.start, span.end):  # "no-go", "can-do"
            return True
        if any(t.ent_type_ in CONDITION_ENTITY_LABELS for t in span):
            return True  # part of a condition's name: "heart failure to get worse" has no "failure to"
        context = self.context.get(span.text.lower())
        if context:
            prev = doc[span.start - 1].lower_ if span.start > 0 else ""
            nxt = doc[span.end].lower_ if span.end < len(doc) else ""
            if prev in context.get("not_after", ()) or nxt in context.get("not_before", ()):
                return True
            if "only_before" in context and nxt not in context["only_before"]:
                return True
            if "only_after" in context and prev not in context["only_after"]:
                return True
        # the month: "in May 2021", "May 3"
        if first.text == "May" and len(span) == 1:
            nxt = doc[span.end] if span.end < len(doc) else None
            prev = doc[span.start - 1] if span.start > 0 else None
            if (nxt is not None and nxt.like_num) or (prev is not None and (prev.like_num or prev.lower_ in ("in", "of", "since", "until", "from", "by", "early", "late", "mid"))):
                return True
        return False


def _ends_sentence(doc: Doc, start: int) -> bool:
    """Only punctuation and spaces from `start` to the end of its sentence."""
    for k in range(start, len(doc)):
        if k > start and doc[k].is_sent_start:
            return True
        if not (doc[k].is_punct or doc[k].is_space):
            return False
    return True


def _verdict_labels(doc: Doc) -> list[Span]:
    """A myth-buster's label that denies what follows it ("*Myth:* honey prevents hay
    fever"), label "verdict": it governs the whole sentence and negates its claims."""
    if not doc.has_annotation("SENT_START"):
        return []
    found = []
    for sent in doc.sents:
        words = [t for t in sent[:4] if not (t.is_space or t.is_quote or t.text in ("*", "_", "#", "-"))]
        if len(words) >= 2 and words[0].lower_ in VERDICT_WORDS and words[1].text == ":":
            found.append(Span(doc, words[0].i, words[0].i + 1, label="verdict"))
            continue
        # or after it, as a title's verdict: "Local honey: the hay fever myth", "Copper
        # bracelets: busted" (not "myth or fact?", which asks); most sentences end otherwise
        last = next((t for t in reversed(sent) if not (t.is_space or t.is_punct)), None)
        if last is None or last.lower_ not in VERDICT_WORDS:
            continue
        words = [t for t in sent if not (t.is_space or t.is_punct) or t.text == ":"]
        colon = next((k for k, t in enumerate(words) if t.text == ":"), None)
        if (colon is not None and 1 <= colon and 1 <= len(words) - colon - 1 <= MAX_VERDICT_WORDS
                and words[-1].lower_ in VERDICT_WORDS and sent[-1].text != "?"
                and not any(t.lower_ == "or" for t in words[colon:])):
            found.append(Span(doc, words[-1].i, words[-1].i + 1, label="verdict"))
    return found


def _polar_questions(doc: Doc) -> list[Span]:
    """The opening auxiliary of each yes/no question ("*Do* SSRIs help ...?"), label "question"."""
    # most documents ask nothing: look for "?" in the token array before any Span is made
    if not len(doc) or not (doc.to_array("ORTH") == _QUESTION_MARK).any() or not doc.has_annotation("SENT_START"):
        return []
    found = []
    for sent in doc.sents:
        words = [t for t in sent if not (t.is_space or t.is_quote or t.text in (")", "*", "_"))]
        # what comes before the question: a number, a timestamp or a bullet ("00:21:30 – Does
        # coffee ...?", "3. Can ...?"), a Q&A page's label ("Q: Does coffee make it worse?")
        k = 0
        while k < min(len(words), 6) and not any(ch.isalpha() for ch in words[k].text):
            k += 1
        if len(words) >= k + 3 and words[k].lower_ in _QUESTION_LABELS and words[k + 1].text in (":", "."):
            k += 2
        words = words[k:]
        if len(words) >= 3 and words[-1].text == "?" and words[0].lower_ in _QUESTION_OPENERS:
            found.append(Span(doc, words[0].i, words[0].i + 1, label="question"))
    return found


# -- which cues govern a claim ---------------------------------------------------------


def rule_scope(sent: Span, anchors: Iterable[int]) -> set[int]:
    """Token indices of the clauses that hold the anchors, plus a framing clause at the
    start of the sentence ("research suggests that ...", "In a pilot study, ...")."""
    doc = sent.doc
    clauses = clauses_of(sent)
    anchors = [a for a in anchors if sent.start <= a < sent.end]
    keep: set[int] = set()
    for lo, hi in clauses:
        if any(lo <= a < hi for a in anchors):
            keep.update(range(lo, hi))
    if not keep and clauses:
        keep.update(range(*clauses[0]))
    if clauses:
        lo, hi = clauses[0]
        words = {doc[i].lower_ for i in range(lo, hi)}
        if doc[lo].lower_ not in SUBORDINATORS and ("that" in words or hi - lo <= 6):
            keep.update(range(lo, hi))
    return keep


def clauses_of(sent: Span) -> list[tuple[int, int]]:
    """Rough clause split without a parse: semicolons/colons/dashes, and subordinate
    contrast or relative clauses ("While X, Y", "Y, which X,") that carry their own hedges."""
    doc = sent.doc
    bounds = [sent.start]
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if tok.text in _CLAUSE_PUNCT and i > sent.start:
            bounds.append(i + 1)
        elif (tok.lower_ in _COORD and i > sent.start + 1 and doc[i - 1].text == "," and i + 1 < sent.end
              and doc[i + 1].lower_ in _SUBJECT_STARTS):
            # ", and it may ...", ", but this is thought to ...": a new clause with its own subject
            bounds.append(i)
        elif (tok.lower_ in CONTRAST_WORDS and (i == sent.start or doc[i - 1].text == ",")) or (
                tok.lower_ in _RELATIVE and i > sent.start):
            if i != sent.start:
                bounds.append(i)
            j = i + 1
            while j < sent.end and doc[j].text != ",":
                j += 1
            if j < sent.end:
                bounds.append(j + 1)
            i = j
        i += 1
    bounds = sorted(b for b in set(bounds) if sent.start <= b < sent.end)
    return [(b, bounds[k + 1] if k + 1 < len(bounds) else sent.end) for k, b in enumerate(bounds)]


def _is_clause_dep(dep: str, opening_only: bool = False) -> bool:
    dep = dep.lower()
    deps = _CLAUSE_DEPS_OPENING if opening_only else _CLAUSE_DEPS
    return any(dep == d or dep.startswith(d + ":") for d in deps)


def _claim_path(doc: Doc, anchors: Iterable[int]) -> set[int]:
    """The tokens from the anchors up to the root, through the anchors' lowest common
    ancestor. Above that ancestor the path stops where the claim's clause is a clause
    of its own: a relative clause whose pronoun is an anchor ("zolpidem, *which can
    cause* falls"), a main clause joined to the root clause with its own subject
    ("X does not cause dependence, *and* its side effects *are* ..."), or a reason or
    concession clause ("*Because* a trial hinted that X might ..., it is not used"). Clauses joined
    lower down stay under their frame ("research suggests that X reduces A, and it may
    improve B")."""
    chains = []
    for a in anchors:
        chain, tok = [], doc[a]
        for _ in range(len(doc)):
            chain.append(tok)
            if tok.head.i == tok.i:
                break
            tok = tok.head
        chains.append(chain)
    if not chains:
        return set()
    shared = set.intersection(*({t.i for t in chain} for chain in chains))
    # a relative clause is a clause of its own when the claim layer anchored the claim
    # at its pronoun (a parser's relcl elsewhere may be a misread main verb)
    in_relative = any(doc[a].lower_ in _RELATIVE for a in anchors)
    path: set[int] = set()
    for chain in chains:
        for k, tok in enumerate(chain):
            path.add(tok.i)
            if tok.i in shared:
                # from the common ancestor up: stop at a clause of its own
                for above in chain[k:]:
                    path.add(above.i)
                    if (_is_main_conjunct(above) or (in_relative and _is_relative_clause(above))
                            or _is_adverbial_clause(above)):
                        break
                break
    return path


def _is_adverbial_clause(tok) -> bool:
    """'*Because* a trial hinted that X might raise Y, it is not used ...': a claim inside a
    reason or concession clause is not framed by the main clause's cues."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in tok.children)


def _is_relative_clause(tok) -> bool:
    dep = tok.dep_.lower()
    return dep in ("relcl", "rcmod", "acl:relcl")


def _is_main_conjunct(tok) -> bool:
    if tok.dep_ not in ("conj", "parataxis"):
        return False  # most tokens of a claim's path: their children need not be read
    head = tok.head
    children = list(tok.children)
    # "that"/"whether" marks a subordinate clause, however the parser attached it
    return (head.head.i == head.i
            and any(child.dep_ in _SUBJECT_DEPS for child in children)
            and not any(child.dep_ == "mark" for child in children))


def governs(cue: Span, path: set[int], max_hops: int = 3) -> bool:
    """A cue governs the claim whose anchor-to-root path is `path` when it lies on that
    path or attaches to it without crossing into another clause.

    A negation must also not reach the path through a prepositional adjunct: "X eased
    pain *without* side effects", "X beat placebo, *with no* difference between doses"
    deny the adjunct, not the claim (a claim whose anchor is inside the adjunct has the
    cue on its own path and stays negated)."""
    tok = cue.root
    negation = cue.label_ == "negation"
    if negation and _in_own_coordinated_verb(cue, path):
        return False
    for hop in range(max_hops + 1):
        if tok.i in path:
            return True
        if tok.head.i == tok.i:
            return False
        if _is_clause_dep(tok.dep_, opening_only=True):
            # "X might ease Y, although research here is at an early stage": a clause
            # about the evidence qualifies the claim it is attached to
            return cue.label_ in HEDGE_KINDS and tok.head.i in path and _is_about_evidence(tok)
        if negation and tok.dep_ == "prep":
            return False
        tok = tok.head
    return False


# how a negation phrase hangs on its verb ("not", "no better than", "no more")
_MODIFIER_DEPS = frozenset({"neg", "advmod", "acomp", "prep", "npadvmod"})


def _in_own_coordinated_verb(cue: Span, path: set[int]) -> bool:
    """'Gabapentin has not been shown to work in carpal tunnel syndrome *and can cause*
    drowsiness': a verb coordinated with the negated one that has its own auxiliary or
    subject makes a claim of its own, which the negation does not deny ('did not shorten
    delirium or prevent it' shares the negation)."""
    doc = cue.doc
    # the verb the cue belongs to: its head for "not", the verb a phrase hangs on for "no
    # better than" ("relieved sciatica no better than a dummy pill, and both drugs cause
    # ..."); not a noun's ("there is no cure, and ..." keeps its denial)
    verb = cue.root
    for _ in range(3):
        if verb.tag_.startswith("VB") or verb.head.i == verb.i or verb.dep_ not in _MODIFIER_DEPS:
            break
        verb = verb.head
    if verb.i not in path:
        return False
    return any(doc[i].head.i == verb.i and doc[i].dep_ == "conj" and doc[i].tag_.startswith("VB")
               and any(c.dep_ in _OWN_CLAUSE_DEPS for c in doc[i].children)
               for i in path)


def _describes_a_group(cue: Span, anchors: list[int]) -> bool:
    """'X might help people whose seizures have *not* stopped with other medicines': a
    negation in a clause that describes the claim's population says who the people are,
    not that the claim is denied, when the clause does not hold all of the claim's words."""
    clause = cue.root.head
    if clause.dep_ not in _GROUP_CLAUSE_DEPS or clause.head.lower_ not in population_heads():
        return False
    lo, hi = clause.left_edge.i, clause.right_edge.i
    return not all(lo <= a <= hi for a in anchors)


@lru_cache(maxsize=1)
def population_heads() -> frozenset[str]:
    """The nouns of a population ("people", "patients", "children"), shared with the claim rules."""
    return frozenset(read_json("claim_rules.json")["population_heads"])


def _is_about_evidence(clause_head: Token) -> bool:
    return any(child.dep_ in _SUBJECT_DEPS and child.lower_ in EVIDENCE_NOUNS for child in clause_head.children)


def cues_in(sent: Span, scope: Iterable[int] | None = None, anchors: Iterable[int] | None = None, *,
            sentence_cues: list[Span] | None = None) -> list[Span]:
    """The cue spans of `sent` that govern the claim (see the module docstring).
    `sentence_cues`: the cue spans of `sent` in the doc's order, when the caller has them
    (the claim layer assesses many claims per sentence: finding them among all the doc's
    cues each time costs as much as the assessment)."""
    doc = sent.doc
    if sentence_cues is not None:
        cues = list(sentence_cues)
    else:
        cues = [c for c in doc.spans[SPAN_KEY] if sent.start <= c.start < sent.end] if SPAN_KEY in doc.spans else []
    anchors = [a for a in anchors if sent.start <= a < sent.end] if anchors is not None else []
    if anchors and doc.has_annotation("DEP"):
        path = _claim_path(doc, anchors)
        return [c for c in cues if c.label_ == "verdict"
                or (governs(c, path) and not (c.label_ == "negation" and _describes_a_group(c, anchors)))]
    if scope is not None:
        allowed = set(scope)
        return [c for c in cues if c.start in allowed]
    if anchors:
        allowed = rule_scope(sent, anchors)
        return [c for c in cues if c.start in allowed]
    return cues


def level_of(kinds: Iterable[str]) -> str:
    kinds = list(kinds)
    n_epistemic = kinds.count("epistemic") + kinds.count("question")
    if "tentative" in kinds or n_epistemic >= 2:
        return "speculative"
    if n_epistemic == 1:
        return "possible"
    if PROBABLE_KINDS.intersection(kinds):
        return "probable"
    return "asserted"


_USED = {
    "speculative": HEDGE_KINDS,
    "possible": HEDGE_KINDS,
    "probable": PROBABLE_KINDS,
    "asserted": frozenset({"booster"}),
}


def assess_hedge(sent: Span, scope: Iterable[int] | None = None, *,
                 anchors: Iterable[int] | None = None, sentence_cues: list[Span] | None = None,
                 frame_cues: Sequence[Span] = ()) -> HedgeAssessment:
    """Hedge level, cues and negation of the claim in `sent` (see the module docstring);
    `sentence_cues` as for `cues_in`; `frame_cues` govern the claim from outside the
    sentence (a list's lead-in: "Parents often told us that:")."""
    cues = cues_in(sent, scope, anchors, sentence_cues=sentence_cues) + list(frame_cues)
    level = level_of(c.label_ for c in cues)
    used = [c for c in cues if c.label_ in _USED[level]]
    negations = [c for c in cues if c.label_ in NEGATION_KINDS]
    return HedgeAssessment(level=level, cues=tuple(_cue_text(c) for c in used),
                           negated=bool(negations), negation_cues=tuple(c.text for c in negations))


def _cue_text(cue: Span) -> str:
    return f"{cue.text} ...?" if cue.label_ == "question" else cue.text


def sentence_hedge(sent: Span, anchors: Iterable[int] | None = None) -> HedgeAssessment:
    """Sentence-level judgement, used by `claimx strength`: the cues that govern the
    sentence's claim trigger (`anchors`), or every cue when there is none."""
    return assess_hedge(sent, None, anchors=anchors)


def speculation_cues(sent: Span) -> list[Span]:
    """Every speculation cue in the sentence (BioScope's sense, no claim scope)."""
    return [c for c in cues_in(sent) if c.label_ in SPECULATION_KINDS]
