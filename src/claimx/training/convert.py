"""Convert the public training corpora into spaCy DocBin (.spacy) files.

Formats handled:

* PubTator (BC5CDR, BioRED): title/abstract lines plus character-offset mentions.
  The reference Doc is tokenised with the *same* scispacy tokenizer users get, so
  gold entity boundaries are aligned exactly as the model will see them at run time.
* IOB tsv (BC5CDR, NCBI-disease): one token per line, blank line between sentences.
  These keep their original tokens; spaCy's Corpus re-tokenises the text with the
  pipeline's tokenizer and aligns the gold annotation to it during training.
* CoNLL-U (CRAFT): tags, heads and Stanford-style dependency labels (CRAFT's
  README: UD POS but SD labels, so the labels are kept verbatim, never mapped to UD).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

# BC5CDR's own label names, upper-cased to the labels claimx ships.
BC5CDR_LABELS = {"Chemical": "CHEMICAL", "Disease": "DISEASE"}
# BioRED's chemical and disease classes follow the same MeSH-based guidelines as
# BC5CDR (both corpora come from the same NCBI group); the other four BioRED types
# (genes, variants, species, cell lines) are not claimx labels and become "O".
BIORED_LABELS = {"ChemicalEntity": "CHEMICAL", "DiseaseOrPhenotypicFeature": "DISEASE"}
NCBI_LABELS = {"Disease": "DISEASE"}


# --------------------------------------------------------------------------- PubTator


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str


@dataclass
class PubtatorDoc:
    pmid: str
    title: str = ""
    abstract: str = ""
    mentions: list[Mention] = field(default_factory=list)

    @property
    def text(self) -> str:
        # PubTator offsets count the title, one separator character, then the abstract.
        return f"{self.title}\n{self.abstract}" if self.abstract else self.title


def read_pubtator(lines: Iterable[str]) -> Iterator[PubtatorDoc]:
    """Yield documents from PubTator text; relation lines (4 columns) are skipped."""
    current: PubtatorDoc | None = None
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        title_or_abstract = re.match(r"^(\d+)\|([ta])\|(.*)$", line)
        if title_or_abstract:
            pmid, kind, body = title_or_abstract.groups()
            if current is None or current.pmid != pmid:
                if current is not None:
                    yield current
                current = PubtatorDoc(pmid)
            if kind == "t":
                current.title = body
            else:
                current.abstract = body
            continue
        columns = line.split("\t")
        is_mention = len(columns) >= 5 and columns[1].isdigit() and columns[2].isdigit()
        if is_mention and current is not None and columns[0] == current.pmid:
            start, end = int(columns[1]), int(columns[2])
            current.mentions.append(Mention(start, end, columns[3], columns[4]))
    if current is not None:
        yield current


def pubtator_to_doc(nlp: Language, record: PubtatorDoc, label_map: dict[str, str]) -> Doc:
    """Tokenise with the pipeline tokenizer and set gold entities from char offsets.

    Mentions that cut a token are expanded to whole tokens (scispacy splits on
    hyphens and slashes, so this is rare); nested or overlapping mentions keep the
    longest one because spaCy's NER predicts a flat layer.
    """
    doc = nlp.make_doc(record.text)
    spans: list[Span] = []
    for mention in record.mentions:
        label = label_map.get(mention.label)
        if label is None:
            continue
        span = doc.char_span(mention.start, mention.end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    # Every token outside a mention is a true negative: these corpora are exhaustively
    # annotated for the mapped types.
    doc.set_ents(filter_spans(spans), default="outside")
    doc.user_data["doc_id"] = record.pmid
    return doc


# --------------------------------------------------------------------------- IOB


def read_iob_sentences(lines: Iterable[str]) -> Iterator[list[tuple[str, str]]]:
    """Yield sentences as lists of (token, tag); a blank line ends a sentence."""
    sentence: list[tuple[str, str]] = []
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        token, _, tag = line.rpartition("\t")
        if not token or token == "-DOCSTART-":
            continue
        sentence.append((token, tag.strip()))
    if sentence:
        yield sentence


# Tokens that are written without a space before / after them in running text. The IOB
# files carry no spacing, and the text is re-tokenised by the pipeline in training, so a
# plausible detokenisation keeps the training text close to what users feed in.
_NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "%", "'s", "?", "!"}
_NO_SPACE_AFTER = {"(", "["}


def guess_spaces(words: Sequence[str]) -> list[bool]:
    spaces = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        space = following is not None and following not in _NO_SPACE_BEFORE
        if word in _NO_SPACE_AFTER:
            space = False
        spaces.append(space)
    return spaces


def iob_tag_to_spacy(tag: str, label_map: dict[str, str]) -> str | None:
    """Map an IOB tag to spaCy's "B-X"/"I-X"/"O"; unmapped labels become "O"."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, label = tag.partition("-")
    mapped = label_map.get(label)
    return f"{prefix}-{mapped}" if mapped else "O"


def iob_sentences_to_doc(
    nlp: Language,
    sentences: Sequence[list[tuple[str, str]]],
    label_map: dict[str, str],
    unknown_words: set[str] | None = None,
) -> Doc:
    """Build a reference Doc from IOB sentences.

    ``unknown_words``: lower-cased words whose "O" tag is not trusted and is set to
    *missing* instead. Used for NCBI-disease, which annotates diseases only, so an "O"
    on a chemical name there does not mean "not a chemical".
    """
    words = [token for sentence in sentences for token, _ in sentence]
    tags = [iob_tag_to_spacy(tag, label_map) for sentence in sentences for _, tag in sentence]
    if unknown_words:
        tags = [
            None if tag == "O" and word.lower() in unknown_words else tag
            for word, tag in zip(words, tags)
        ]
    tags = _repair_iob(tags)
    sent_starts = [index == 0 for sentence in sentences for index in range(len(sentence))]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=guess_spaces(words),
        ents=tags,
        sent_starts=sent_starts,
    )


def _repair_iob(tags: list[str | None]) -> list[str | None]:
    """Turn an I- tag that does not continue an entity of the same type into B-."""
    repaired: list[str | None] = []
    previous = "O"
    for tag in tags:
        if tag and tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        repaired.append(tag)
        previous = tag or "O"
    return repaired


def chunk(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --------------------------------------------------------------------------- CoNLL-U


@dataclass
class ConlluToken:
    form: str
    upos: str
    xpos: str
    head: int  # 1-based index within the sentence, 0 for the root
    deprel: str
    space_after: bool
    lemma: str = ""


@dataclass
class ConlluSentence:
    doc_id: str
    paragraph_id: str
    tokens: list[ConlluToken]


def read_conllu(lines: Iterable[str], default_doc_id: str = "") -> Iterator[ConlluSentence]:
    """Yield sentences; multi-word (1-2) and empty (1.1) token lines are skipped."""
    doc_id, paragraph_id = default_doc_id, ""
    tokens: list[ConlluToken] = []
    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith("# newdoc id ="):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# newpar id ="):
            paragraph_id = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if tokens:
                yield ConlluSentence(doc_id, paragraph_id, tokens)
            tokens = []
        else:
            columns = line.split("\t")
            if len(columns) < 10 or not columns[0].isdigit():
                continue
            tokens.append(
                ConlluToken(
                    form=columns[1],
                    lemma=columns[2],
                    upos=columns[3],
                    xpos=columns[4],
                    head=int(columns[6]) if columns[6].isdigit() else 0,
                    deprel=columns[7],
                    space_after="SpaceAfter=No" not in columns[9],
                )
            )
    if tokens:
        yield ConlluSentence(doc_id, paragraph_id, tokens)


def conllu_sentences_to_doc(nlp: Language, sentences: Sequence[ConlluSentence]) -> Doc:
    """One Doc for consecutive sentences; heads become absolute token indices."""
    words, spaces, tags, pos, lemmas, heads, deps, sent_starts = [], [], [], [], [], [], [], []
    for sentence in sentences:
        offset = len(words)
        for index, token in enumerate(sentence.tokens):
            words.append(token.form)
            spaces.append(token.space_after)
            tags.append(token.xpos)
            pos.append(token.upos)
            lemmas.append(token.lemma)
            # spaCy marks the root as its own head.
            heads.append(offset + (token.head - 1 if token.head else index))
            deps.append("ROOT" if token.head == 0 else token.deprel)
            sent_starts.append(index == 0)
        # The last token of a sentence is followed by a space between sentences.
        if words:
            spaces[-1] = True
    if spaces:
        spaces[-1] = False
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=sent_starts,
    )


def group_by_paragraph(sentences: Iterable[ConlluSentence], max_sentences: int = 12) -> Iterator[list[ConlluSentence]]:
    """Group sentences into paragraph-sized Docs so the parser learns sentence breaks
    between real neighbouring sentences; long paragraphs are cut at max_sentences."""
    group: list[ConlluSentence] = []
    for sentence in sentences:
        same_paragraph = group and (sentence.doc_id, sentence.paragraph_id) == (group[-1].doc_id, group[-1].paragraph_id)
        if group and (not same_paragraph or len(group) >= max_sentences):
            yield group
            group = []
        group.append(sentence)
    if group:
        yield group


# --------------------------------------------------------------------------- corpus build


def save_docbin(docs: Iterable[Doc], path: Path) -> int:
    docbin = DocBin(store_user_data=True)
    count = 0
    for doc in docs:
        docbin.add(doc)
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return count


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def pubtator_docs(nlp: Language, path: Path, label_map: dict[str, str]) -> list[Doc]:
    return [pubtator_to_doc(nlp, record, label_map) for record in read_pubtator(read_lines(path))]


def iob_docs(
    nlp: Language,
    path: Path,
    label_map: dict[str, str],
    sentences_per_doc: int = 10,
    unknown_words: set[str] | None = None,
) -> list[Doc]:
    sentences = list(read_iob_sentences(read_lines(path)))
    return [
        iob_sentences_to_doc(nlp, group, label_map, unknown_words)
        for group in chunk(sentences, sentences_per_doc)
    ]


def chemical_words(docs: Iterable[Doc]) -> set[str]:
    """Lower-cased words of gold CHEMICAL mentions (a gazetteer from training data)."""
    return {token.lower_ for doc in docs for ent in doc.ents if ent.label_ == "CHEMICAL" for token in ent if token.is_alpha and len(token) > 2}


def drug_words(docs: Iterable[Doc], min_length: int = 6) -> list[str]:
    """One-word CHEMICAL mentions written in lower case ("haloperidol", not "Ca" or
    "NaCl"), sorted: drug names for the lay-clause sentences (ewt.lay_clause_sentences)."""
    return sorted({ent.text for doc in docs for ent in doc.ents
                   if ent.label_ == "CHEMICAL" and len(ent) == 1 and ent.text.isalpha()
                   and ent.text.islower() and len(ent.text) >= min_length})


def split_craft_articles(paths: Sequence[Path], every: int = 10) -> dict[str, list[Path]]:
    """Deterministic article-level split: every 10th article (sorted by PMCID) is test,
    the one after it dev, the rest train. Whole articles are held out so evaluation
    never sees sentences from a training article."""
    ordered = sorted(paths)
    split: dict[str, list[Path]] = {"train": [], "dev": [], "test": []}
    for index, path in enumerate(ordered):
        if index % every == 0:
            split["test"].append(path)
        elif index % every == 1:
            split["dev"].append(path)
        else:
            split["train"].append(path)
    return split


def craft_docs(nlp: Language, paths: Sequence[Path]) -> list[Doc]:
    docs = []
    for path in paths:
        sentences = read_conllu(read_lines(path), default_doc_id=path.stem)
        docs.extend(conllu_sentences_to_doc(nlp, group) for group in group_by_paragraph(sentences))
    return docs


def build_corpora(nlp: Language, data_dir: Path, out_dir: Path) -> dict[str, int]:
    """Write every .spacy file the configs read. Returns doc counts per file."""
    ner_dir, craft_dir = data_dir / "ner", data_dir / "treebank" / "craft" / "conllu"
    counts: dict[str, int] = {}

    bc5cdr = {
        split: pubtator_docs(nlp, ner_dir / "bc5cdr" / f"CDR_{name}Set.PubTator.txt", BC5CDR_LABELS)
        for split, name in (("train", "Training"), ("dev", "Development"), ("test", "Test"))
    }
    for split, docs in bc5cdr.items():
        counts[f"bc5cdr_{split}"] = save_docbin(docs, out_dir / f"bc5cdr_{split}.spacy")

    biored_train = pubtator_docs(nlp, ner_dir / "biored" / "Train.PubTator", BIORED_LABELS)
    counts["biored_train"] = save_docbin(biored_train, out_dir / "biored_train.spacy")

    # NCBI annotates diseases only: "O" on a word that is part of a BC5CDR training
    # chemical is unknown, not negative. Its narrower Disease (no symptoms) is kept as
    # positive evidence only; see models/README.md.
    gazetteer = chemical_words(bc5cdr["train"])
    ncbi_train = iob_docs(nlp, ner_dir / "ncbi-disease" / "iob-train.tsv", NCBI_LABELS, unknown_words=gazetteer)
    counts["ncbi_train"] = save_docbin(ncbi_train, out_dir / "ncbi_train.spacy")
    ncbi_dev = iob_docs(nlp, ner_dir / "ncbi-disease" / "iob-devel.tsv", NCBI_LABELS)
    counts["ncbi_dev"] = save_docbin(ncbi_dev, out_dir / "ncbi_dev.spacy")
    bc5cdr_iob_test = iob_docs(nlp, ner_dir / "bc5cdr" / "iob-test.tsv", BC5CDR_LABELS)
    counts["bc5cdr_iob_test"] = save_docbin(bc5cdr_iob_test, out_dir / "bc5cdr_iob_test.spacy")

    # Combined NER training set (BC5CDR + BioRED + NCBI) as one directory: spaCy's
    # Corpus reader reads every .spacy file under a directory path.
    combined = out_dir / "ner_combined_train"
    save_docbin(bc5cdr["train"], combined / "bc5cdr.spacy")
    save_docbin(biored_train, combined / "biored.spacy")
    save_docbin(ncbi_train, combined / "ncbi.spacy")

    # UD English EWT (web text): tags only, and tags with dependencies converted to
    # CRAFT's scheme, for the parser/tagger variants of the model card; its test split,
    # converted, scores the parser on web text
    ewt_dir = data_dir / "treebank" / "ud-english-ewt"
    if (ewt_dir / "en_ewt-ud-train.conllu").exists():
        from claimx.training.ewt import ewt_docs, lay_clause_docs

        for name, with_deps in (("tags", False), ("deps", True)):
            counts[f"ewt_train_{name}"] = save_docbin(ewt_docs(nlp, ewt_dir / "en_ewt-ud-train.conllu", with_deps),
                                                      out_dir / f"ewt_train_{name}.spacy")
        counts["ewt_test"] = save_docbin(ewt_docs(nlp, ewt_dir / "en_ewt-ud-test.conllu", True),
                                         out_dir / "ewt_test.spacy")
        counts["ewt_train_lay"] = save_docbin(
            lay_clause_docs(nlp, ewt_dir / "en_ewt-ud-train.conllu", drug_words(bc5cdr["train"])),
            out_dir / "ewt_train_lay.spacy")

    craft_split = split_craft_articles(list(craft_dir.glob("*.conllu")))
    for split, paths in craft_split.items():
        counts[f"craft_{split}"] = save_docbin(craft_docs(nlp, paths), out_dir / f"craft_{split}.spacy")
    (out_dir / "craft_split.txt").write_text(
        "".join(f"{split}\t{path.stem}\n" for split, paths in craft_split.items() for path in paths)
    )
    return counts
