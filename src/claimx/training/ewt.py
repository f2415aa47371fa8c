"""UD English EWT (web text: blogs, reviews, e-mail, answers) for the tagger and parser.

claimx's tagger and parser learn from CRAFT, biomedical full text with Stanford-style
dependency labels. The articles users bring are blog posts and news, whose first
person, second person and short clauses ("Riluzole bought me a few extra months",
"It helps") CRAFT hardly has. EWT has them, with the same PTB tags (its XPOS column),
but with UD's dependency scheme, which CRAFT's labels and heads do not follow.

Two uses, chosen by measurement (models/README.md, "Decisions"):

* tags only: the EWT sentences train the tagger (and, through the shared tok2vec, the
  features the parser reads); they carry no dependencies, so the parser skips them;
* tags and dependencies converted to CRAFT's scheme by `ud_to_craft` (the parser
  learns from them as well).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

# EWT tags that CRAFT's tag set lacks, mapped to the CRAFT tag of the same role; None
# leaves the tag unannotated (GW: a fragment of a word split by a typo).
EWT_TAGS = {"NFP": ":", "ADD": "NN", "$": "SYM", "GW": None}


@dataclass
class UdToken:
    form: str
    xpos: str
    upos: str
    head: int  # 1-based within the sentence, 0 for the root
    deprel: str
    space_after: bool


def read_ud(lines: Iterable[str]) -> Iterator[list[UdToken]]:
    """Sentences of a UD CoNLL-U file. A multi-word token ("don't" = "do" + "n't") keeps
    its words and takes its own SpaceAfter, so the text reads as written; empty nodes
    (8.1) are skipped."""
    tokens: list[UdToken] = []
    range_end, range_space = 0, True
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            if tokens:
                yield tokens
            tokens, range_end = [], 0
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            continue
        if "-" in cols[0]:
            range_end = int(cols[0].split("-")[1])
            range_space = "SpaceAfter=No" not in cols[9]
            continue
        if not cols[0].isdigit():
            continue
        index = int(cols[0])
        space = "SpaceAfter=No" not in cols[9]
        if index <= range_end:
            space = range_space if index == range_end else False
        tokens.append(UdToken(cols[1], cols[4], cols[3], int(cols[6]) if cols[6].isdigit() else 0,
                              cols[7], space))
    if tokens:
        yield tokens


def ewt_doc(nlp: Language, sentences: Sequence[list[UdToken]], with_deps: bool) -> Doc:
    """One Doc of consecutive sentences, PTB tags mapped to CRAFT's set; heads and
    CRAFT-style labels only `with_deps`."""
    words, spaces, tags, heads, deps, starts = [], [], [], [], [], []
    for sentence in sentences:
        offset = len(words)
        converted = ud_to_craft(sentence) if with_deps else None
        for k, token in enumerate(sentence):
            words.append(token.form)
            spaces.append(token.space_after)
            tags.append(EWT_TAGS.get(token.xpos, token.xpos) or "")
            starts.append(k == 0)
            if converted is not None:
                head, label = converted[k]
                heads.append(offset + (head if head >= 0 else k))
                deps.append(label)
        if words:
            spaces[-1] = True
    if spaces:
        spaces[-1] = False
    if with_deps:
        return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, heads=heads, deps=deps, sent_starts=starts)
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, sent_starts=starts)


def ewt_docs(nlp: Language, path: Path, with_deps: bool = False, sentences_per_doc: int = 10) -> list[Doc]:
    sentences = list(read_ud(path.read_text(encoding="utf-8").splitlines()))
    return [ewt_doc(nlp, sentences[i:i + sentences_per_doc], with_deps)
            for i in range(0, len(sentences), sentences_per_doc)]


# UD labels that map one to one onto CRAFT's (ClearNLP / Stanford basic) labels; the
# structural differences (copula, prepositions, coordination) are handled in code.
_LABELS = {
    "nsubj": "nsubj", "nsubj:pass": "nsubjpass", "nsubj:outer": "nsubj", "csubj": "csubj",
    "csubj:pass": "csubjpass", "csubj:outer": "csubj", "obj": "dobj", "iobj": "dative",
    "obl": "npadvmod", "obl:tmod": "npadvmod", "obl:npmod": "npadvmod", "obl:unmarked": "npadvmod",
    "obl:agent": "npadvmod", "nmod": "nmod", "nmod:unmarked": "npadvmod", "nmod:tmod": "npadvmod",
    "nmod:npmod": "npadvmod", "nmod:desc": "nmod", "nmod:poss": "poss", "amod": "amod",
    "advmod": "advmod", "det": "det", "det:predet": "predet", "det:poss": "poss", "compound": "compound",
    "compound:prt": "prt", "flat": "compound", "flat:foreign": "compound", "nummod": "nummod",
    "aux": "aux", "aux:pass": "auxpass", "mark": "mark", "cc": "cc", "cc:preconj": "preconj",
    "conj": "conj", "punct": "punct", "advcl": "advcl", "advcl:relcl": "advcl", "acl": "acl",
    "acl:relcl": "relcl", "ccomp": "ccomp", "xcomp": "xcomp", "appos": "appos", "expl": "expl",
    "parataxis": "parataxis", "case": "case",
}
# dependents of a copular predicate that belong to the clause, so move to the copula
_CLAUSE_DEPENDENTS = frozenset({"nsubj", "nsubj:pass", "nsubj:outer", "csubj", "csubj:pass", "csubj:outer",
                                "expl", "aux", "aux:pass", "mark", "advcl", "parataxis", "discourse",
                                "vocative", "punct"})
_NEGATIONS = frozenset({"not", "n't", "never"})
_PREDICATE_NOUN_TAGS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "SYM", "X"})


def ud_to_craft(sentence: Sequence[UdToken]) -> list[tuple[int, str]]:
    """(head, label) per token, 0-based heads (-1 for the root), in CRAFT's scheme:
    the copula heads its clause ("X *is* good": good acomp, X nsubj of is), a
    preposition heads its noun ("in the *house*": in prep, house pobj), "and" attaches
    to the first conjunct, "not" is neg, relative pronouns are dep, infinitival "to" is
    aux; the rest is a label-for-label mapping."""
    n = len(sentence)
    heads = [t.head - 1 for t in sentence]
    ud = [t.deprel for t in sentence]
    labels: list[str | None] = [None] * n

    def children(i: int) -> list[int]:
        return [k for k in range(n) if heads[k] == i]

    # 1. the copula heads the clause of a nominal or adjectival predicate
    for cop in range(n):
        if ud[cop] != "cop":
            continue
        pred = heads[cop]
        if pred < 0 or ud[pred] == "cop":
            continue
        heads[cop], ud[cop] = heads[pred], ud[pred]
        if any(ud[k] in ("nsubj:outer", "csubj:outer") for k in children(pred)):
            # "The problem is that X held ...": the predicate is a clause with its own
            # subject; the copula takes what comes before it, the clause is its ccomp
            for k in children(pred):
                if k < cop:
                    heads[k] = cop
            heads[pred], labels[pred] = cop, "ccomp"
            continue
        for k in children(pred):
            word = sentence[k].form.lower()
            if k == cop:
                continue
            if (ud[k] in _CLAUSE_DEPENDENTS or k < cop or (ud[k] == "advmod" and word in _NEGATIONS)
                    or (ud[k] == "conj" and any(ud[g] in ("nsubj", "nsubj:pass", "cop") for g in children(k)))):
                heads[k] = cop
        for k in children(pred):  # "and" goes where its conjunct went
            if ud[k] == "cc":
                conj = next((c for c in range(k + 1, n) if heads[c] in (pred, cop) and ud[c] == "conj"), None)
                if conj is not None:
                    heads[k] = heads[conj]
        heads[pred] = cop
        if any(ud[k] == "case" and sentence[k].xpos != "POS" for k in children(pred)):
            ud[pred] = "obl"  # "is in the house": a prepositional predicate, converted below
        else:
            labels[pred] = "attr" if sentence[pred].upos in _PREDICATE_NOUN_TAGS else "acomp"

    # 2. a preposition heads its noun: UD attaches "in" to "house", CRAFT "house" to "in"
    for noun in range(n):
        cases = [k for k in children(noun) if ud[k] == "case" and labels[k] is None
                 and sentence[k].xpos != "POS" and k < noun]
        if not cases or labels[noun] is not None:
            continue
        prep = cases[0]
        heads[prep] = heads[noun]
        labels[prep] = "agent" if ud[noun] == "obl:agent" else "prep"
        heads[noun] = prep
        labels[noun] = "pobj"
        for k in cases[1:]:
            labels[k] = "dep"
        for k in children(prep):
            if ud[k] == "fixed":
                labels[k] = "dep"

    # 3. "and" attaches to the first conjunct, not the second
    for k in range(n):
        if ud[k] == "cc" and heads[k] >= 0 and ud[heads[k]] == "conj" and labels[heads[k]] is None:
            heads[k] = heads[heads[k]]

    # 4. labels
    for k, token in enumerate(sentence):
        if labels[k] is not None:
            continue
        word, label = token.form.lower(), ud[k]
        if heads[k] < 0 or label == "root":
            labels[k] = "ROOT"
        elif label == "advmod" and word in _NEGATIONS:
            labels[k] = "neg"
        elif token.xpos in ("WDT", "WP") and label in ("nsubj", "nsubj:pass", "obj"):
            labels[k] = "dep"  # CRAFT's relative and interrogative pronouns
        elif label == "mark" and token.xpos == "TO":
            labels[k] = "aux"
        elif label == "xcomp" and token.upos == "ADJ":
            labels[k] = "acomp"
        elif label == "nmod" and not any(ud[c] == "case" for c in children(k)):
            labels[k] = "npadvmod" if token.upos in ("NOUN", "PROPN") and heads[k] >= 0 \
                and sentence[heads[k]].upos == "VERB" else "nmod"
        else:
            labels[k] = _LABELS.get(label, "dep")
    return [(-1 if lab == "ROOT" else h, lab) for h, lab in zip(heads, labels)]


# --------------------------------------------------------------------------- lay clauses

# Verbs of what a treatment does, (third person singular, past). Most have a plural-noun
# twin ("treats", "cuts", "blocks") or end like one ("softens"), which is why the tagger,
# taught by CRAFT's noun-heavy titles, reads "Lactulose softens stools" as a noun compound.
LAY_CLAUSE_VERBS: tuple[tuple[str, str], ...] = (
    ("treats", "treated"), ("reduces", "reduced"), ("lowers", "lowered"), ("eases", "eased"),
    ("relieves", "relieved"), ("blocks", "blocked"), ("prevents", "prevented"), ("causes", "caused"),
    ("improves", "improved"), ("cuts", "cut"), ("raises", "raised"), ("triggers", "triggered"),
    ("worsens", "worsened"), ("softens", "softened"), ("clears", "cleared"), ("calms", "calmed"),
    ("soothes", "soothed"), ("shrinks", "shrank"), ("thins", "thinned"), ("relaxes", "relaxed"),
    ("boosts", "boosted"), ("stops", "stopped"), ("slows", "slowed"), ("protects", "protected"),
    ("damages", "damaged"), ("controls", "controlled"), ("targets", "targeted"), ("inhibits", "inhibited"),
    ("stimulates", "stimulated"), ("increases", "increased"), ("helps", "helped"), ("kills", "killed"),
)


def lay_clause_sentences(sentences: Iterable[list[UdToken]], subjects: Sequence[str],
                         copies: int, seed: int = 0) -> list[list[UdToken]]:
    """Sentences in the shape of a lay treatment clause ("Lactulose softens stools"), made
    from EWT's own: where a bare one-word noun subject directly precedes its finite
    transitive verb ("Musharraf held elections"), each of `copies` copies takes a drug
    name from `subjects` as that subject (tagged NN, as CRAFT tags drug names) and a
    verb of `LAY_CLAUSE_VERBS` in the same tense. The tree is EWT's, unchanged: only
    the two words and the subject's tag differ."""
    rng = random.Random(seed)
    made: list[list[UdToken]] = []
    for sentence in sentences:
        objects = {t.head for t in sentence if t.deprel == "obj"}
        has_dependents = {t.head for t in sentence}
        for k, subject in enumerate(sentence[:-1]):
            verb = sentence[k + 1]
            if not (subject.deprel == "nsubj" and subject.xpos in ("NN", "NNS", "NNP")
                    and subject.head == k + 2 and (k + 1) not in has_dependents
                    and verb.xpos in ("VBZ", "VBD") and (k + 2) in objects):
                continue
            for _ in range(copies):
                name = rng.choice(subjects)
                present, past = rng.choice(LAY_CLAUSE_VERBS)
                copy = list(sentence)
                copy[k] = UdToken(name.capitalize() if k == 0 else name, "NN", "NOUN",
                                  subject.head, subject.deprel, subject.space_after)
                copy[k + 1] = UdToken(present if verb.xpos == "VBZ" else past, verb.xpos, verb.upos,
                                      verb.head, verb.deprel, verb.space_after)
                made.append(copy)
            break
    return made


# Each matching EWT sentence is copied this many times with different drugs and verbs.
LAY_CLAUSE_COPIES = 6


def lay_clause_docs(nlp: Language, path: Path, subjects: Sequence[str], copies: int = LAY_CLAUSE_COPIES,
                    sentences_per_doc: int = 10) -> list[Doc]:
    """`lay_clause_sentences` of an EWT file as Docs with CRAFT-style trees."""
    sentences = lay_clause_sentences(read_ud(path.read_text(encoding="utf-8").splitlines()), subjects, copies)
    return [ewt_doc(nlp, sentences[i:i + sentences_per_doc], True)
            for i in range(0, len(sentences), sentences_per_doc)]
