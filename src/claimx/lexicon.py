"""Build the entity gazetteer from public annotated corpora (BC5CDR, BioRED).

The gazetteer is a resource file of spaCy EntityRuler patterns with MeSH ids:
every Chemical and Disease mention annotated in the BC5CDR training and development
sets and the BioRED training and development sets, kept only when the corpus
annotators marked that string as an entity in most of the places it occurs (so
that words such as "dose" or "patients" that were annotated once are left out);
places inside a longer annotated mention ("angina" in "unstable angina") were
annotated as part of it and are not weighed.
BC5CDR's test set is never read, so the NER scores on it stay held out.

Rebuild with `claimx build-lexicon --data ../shared/data`.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

BC5CDR_FILES = ("ner/bc5cdr/CDR_TrainingSet.PubTator.txt", "ner/bc5cdr/CDR_DevelopmentSet.PubTator.txt")
BIORED_FILES = ("ner/biored/Train.PubTator", "ner/biored/Dev.PubTator")
LABELS = {"Chemical": "CHEMICAL", "ChemicalEntity": "CHEMICAL",
          "Disease": "DISEASE", "DiseaseOrPhenotypicFeature": "DISEASE"}
MIN_ENTITY_RATIO = 0.5  # share of a string's occurrences that were annotated as entity
MIN_CHARS = 3
# words annotated as entities in abstracts whose everyday sense in lay text is another
# (a verb, an adjective of a process): "one size fits all", "anti-inflammatory", "I felt
# depressed" (a symptom the claim layer reads from the verb of feeling)
NOT_ENTITIES = frozenset({"fits", "crack", "inflammatory", "depressed"})
_WORD = re.compile(r"\w+|[^\w\s]")


def read_pubtator(path: Path) -> Iterator[tuple[str, list[tuple[str, str, str]]]]:
    """Yield (text, [(mention, label, id), ...]) per document of a PubTator file."""
    title = abstract = ""
    mentions: list[tuple[str, str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if "|t|" in line[:20]:
            title = line.split("|t|", 1)[1]
        elif "|a|" in line[:20]:
            abstract = line.split("|a|", 1)[1]
        elif "\t" in line:
            parts = line.split("\t")
            if len(parts) >= 6 and parts[4] in LABELS:
                mentions.append((parts[3], LABELS[parts[4]], parts[5]))
        elif not line.strip() and (title or abstract):
            yield f"{title} {abstract}", mentions
            title = abstract = ""
            mentions = []


def build_gazetteer(data_dir: Path) -> list[dict]:
    """Entity-ruler patterns from the annotated mentions, filtered by how reliably each
    string is an entity in running text."""
    docs = []
    for rel in BC5CDR_FILES + BIORED_FILES:
        path = data_dir / rel
        if path.exists():
            docs.extend(read_pubtator(path))
    mention_count: Counter[str] = Counter()
    label_votes: dict[str, Counter[str]] = defaultdict(Counter)
    id_votes: dict[str, Counter[str]] = defaultdict(Counter)
    surface: dict[str, Counter[str]] = defaultdict(Counter)
    for _, mentions in docs:
        for text, label, ident in mentions:
            key = _key(text)
            if not key:
                continue
            mention_count[key] += 1
            label_votes[key][label] += 1
            surface[key][text] += 1
            for one in ident.split("|"):
                if one and one != "-1":
                    id_votes[key][_mesh(one)] += 1
    occurrences = _count_occurrences((text for text, _ in docs), set(mention_count))
    # a string inside a longer annotated mention ("angina" in "unstable angina") was
    # annotated there as part of that mention: those places do not count against it
    inside = _count_inside(mention_count)
    patterns = []
    for key, n in sorted(mention_count.items()):
        seen = max(occurrences.get(key, 0) - inside.get(key, 0), n)
        if n / seen < MIN_ENTITY_RATIO or key in NOT_ENTITIES:
            continue
        label = label_votes[key].most_common(1)[0][0]
        form = surface[key].most_common(1)[0][0]
        entry = {"label": label, "pattern": form}
        if id_votes[key]:
            entry["id"] = id_votes[key].most_common(1)[0][0]
        if _case_sensitive(form):
            entry["case_sensitive"] = True
        elif len(key) < MIN_CHARS:
            continue
        patterns.append(entry)
    return patterns


def write_gazetteer(patterns: Iterable[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for entry in patterns:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _mesh(ident: str) -> str:
    return ident if ":" in ident else f"MESH:{ident}"


def _case_sensitive(form: str) -> bool:
    # Short forms such as "PD" or "ACE" are entities only in capitals.
    letters = [c for c in form if c.isalpha()]
    return len(form) <= 5 and sum(c.isupper() for c in letters) >= 2


def _count_inside(mention_count: Counter[str]) -> Counter[str]:
    """How often each annotated string occurs inside longer annotated mentions."""
    counts: Counter[str] = Counter()
    for key, n in mention_count.items():
        words = key.split()
        for size in range(1, len(words)):
            for i in range(len(words) - size + 1):
                gram = " ".join(words[i:i + size])
                if gram in mention_count:
                    counts[gram] += n
    return counts


def _count_occurrences(texts: Iterable[str], keys: set[str]) -> Counter[str]:
    max_len = max((k.count(" ") + 1 for k in keys), default=1)
    counts: Counter[str] = Counter()
    for text in texts:
        words = _WORD.findall(text.lower())
        for i in range(len(words)):
            for n in range(1, max_len + 1):
                gram = " ".join(words[i:i + n])
                if gram in keys:
                    counts[gram] += 1
    return counts
