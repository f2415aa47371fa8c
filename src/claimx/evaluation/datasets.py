"""Readers for the public hedge / claim-strength corpora (read in place, never copied)."""
from __future__ import annotations

import csv
import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

YU_FILE = Path("claim-strength") / "pubmed-yu2019.csv"
BIOSCOPE_FILE = Path("hedge") / "bioscope" / "abstracts.xml"
ISLAM_DIR = Path("hedge") / "lexicon-islam2020"
# Yu, Li & Wang (2019) label ids -> claimx's claim_strength values
YU_LABELS: dict[int, str] = {0: "none", 1: "direct_causal", 2: "conditional_causal", 3: "correlational"}


@dataclass(frozen=True, slots=True)
class YuSentence:
    text: str
    label: str  # claimx strength name


@dataclass(slots=True)
class BioScopeSentence:
    doc_id: str
    sent_id: str
    text: str
    # (start_char, end_char, cue text) of every speculation cue; discontinuous cues
    # ("either ... or") are kept as separate parts with the same group id
    cues: list[tuple[int, int, str, str]] = field(default_factory=list)
    negation_cues: list[tuple[int, int, str, str]] = field(default_factory=list)

    @property
    def speculative(self) -> bool:
        return bool(self.cues)


def read_yu2019(data: Path) -> list[YuSentence]:
    path = Path(data) / YU_FILE
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rows.append(YuSentence(row["sentence"], YU_LABELS[int(row["label"])]))
    return rows


def read_bioscope(data: Path) -> list[BioScopeSentence]:
    path = Path(data) / BIOSCOPE_FILE
    # the DTD is referenced but not needed; ElementTree ignores external DTDs
    root = ET.parse(path).getroot()
    out: list[BioScopeSentence] = []
    for document in root.iter("Document"):
        doc_id = (document.findtext("DocID") or "").strip()
        for sent in document.iter("sentence"):
            parts: list[str] = []
            cues: list[tuple[int, int, str, str]] = []
            negations: list[tuple[int, int, str, str]] = []

            def walk(el) -> None:
                if el.text:
                    if el.tag == "cue" and el.get("type") in ("speculation", "negation"):
                        start = sum(map(len, parts))
                        target = cues if el.get("type") == "speculation" else negations
                        target.append((start, start + len(el.text), el.text, el.get("ref", "")))
                    parts.append(el.text)
                for child in el:
                    walk(child)
                    if child.tail:
                        parts.append(child.tail)

            walk(sent)
            out.append(BioScopeSentence(doc_id, sent.get("id", ""), "".join(parts), cues, negations))
    return out


def read_islam_lexicon(data: Path) -> dict[str, list[str]]:
    """Islam, Xiao & Mercer (2020) word lists, read at evaluation time only (no licence:
    cite, don't redistribute)."""
    base = Path(data) / ISLAM_DIR
    lists = {}
    for name in ("hedge_words", "booster_words", "discourse_markers"):
        p = base / f"{name}.txt"
        if p.exists():
            lists[name] = [w.strip() for w in p.read_text(encoding="utf-8").splitlines() if w.strip()]
    return lists


def is_dev(key: str, fold: int = 0, k: int = 5) -> bool:
    """A fixed 1-in-k development split by hash: the only part whose errors were read
    while writing the cue rules; the rest is held out for the rule figures."""
    return int(hashlib.md5(key.encode("utf-8")).hexdigest(), 16) % k == fold


def folds_by(keys: list[str], k: int = 5, seed: int = 13) -> list[int]:
    """Fold id (0..k-1) per item, grouped by key (e.g. abstract id), balanced by count."""
    import random

    uniq = sorted(set(keys))
    random.Random(seed).shuffle(uniq)
    fold_of = {key: i % k for i, key in enumerate(uniq)}
    return [fold_of[key] for key in keys]
