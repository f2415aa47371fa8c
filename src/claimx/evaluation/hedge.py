"""Every figure of docs/hedge.md, from one command:

    python -m claimx.evaluation.hedge --data ../shared/data [--write docs/hedge.md]
        [--no-cv] [--train-model] [--articles ../shared/articles --gold ../shared/gold]

- Yu et al. (2019) claim strength: macro-F1 and per-class F1 of (a) the cue rules alone,
  on all sentences and on the part held out from rule writing, (b) the hybrid (text
  classifier for the relation + hedge rules) in 5-fold stratified cross-validation.
- BioScope abstracts: speculative-sentence P/R/F1 and cue-level F1 of the hedge rules
  (nothing is trained on BioScope), all / held-out part.
- claimx's own popular-health sentences (tests/data/popular_health_sentences.csv).
- Speed of `claimx strength` (sentences/s).
`--train-model` retrains the shipped relation classifier on all of Yu et al. (2019).

The "dev" part of each corpus (1 in 5 sentences / abstracts by hash, see
datasets.is_dev) is the only part whose errors were read while the cue lists were
written; "held-out" figures exclude it.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from ..hedge import LEVELS, speculation_cues
from ..strength import STRENGTHS, assess_sentences, classifier_inputs, strength_nlp
from .datasets import is_dev, read_bioscope, read_yu2019
from .metrics import accuracy, confusion, macro_f1, md_table, per_class_f1, prf

REPO = Path(__file__).resolve().parents[3]
POPULAR_FILE = REPO / "tests" / "data" / "popular_health_sentences.csv"
MARK_BEGIN = "<!-- results:begin (python -m claimx.evaluation.hedge --write docs/hedge.md) -->"
MARK_END = "<!-- results:end -->"
CV_FOLDS = 5
CV_SEED = 13


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# -- Yu et al. 2019 --------------------------------------------------------------------


def strength_rows(name: str, gold, pred) -> list:
    f1 = per_class_f1(gold, pred, STRENGTHS)
    return [name, len(gold), macro_f1(gold, pred, STRENGTHS), accuracy(gold, pred),
            f1["none"], f1["direct_causal"], f1["conditional_causal"], f1["correlational"]]


STRENGTH_HEADER = ["system", "n", "macro-F1", "accuracy", "F1 none (0)", "F1 direct causal (1)",
                   "F1 conditional causal (2)", "F1 correlational (3)"]


def eval_yu(data_dir: Path, rules_nlp, cv: bool, results: dict) -> list[list]:
    data = read_yu2019(data_dir)
    texts = [d.text for d in data]
    gold = [d.label for d in data]
    log(f"Yu2019: {len(data)} sentences, rules ...")
    rules = list(assess_sentences(texts, nlp=rules_nlp))
    pred = [r.claim_strength for r in rules]
    held = [i for i, t in enumerate(texts) if not is_dev(t)]
    scope = "parse scope" if "parser" in rules_nlp.pipe_names else "clause scope"
    rows = [strength_rows(f"cue rules ({scope}), all", gold, pred),
            strength_rows(f"cue rules ({scope}), held-out 80%", [gold[i] for i in held], [pred[i] for i in held])]
    if "parser" in rules_nlp.pipe_names:
        plain = [r.claim_strength for r in assess_sentences(texts, nlp=strength_nlp(use_classifier=False,
                                                                                     use_model=False))]
        rows.append(strength_rows("cue rules (clause scope, no parser), held-out 80%",
                                  [gold[i] for i in held], [plain[i] for i in held]))
    results["yu_rules_confusion"] = confusion(gold, pred, STRENGTHS)
    if cv:
        from sklearn.model_selection import StratifiedKFold

        from .textcat import RELATION_OF_STRENGTH, TEXTCAT_EPOCHS, TEXTCAT_LABELS, predict, train_textcat

        _, inputs = classifier_inputs(texts, rules_nlp)
        hybrid = [""] * len(data)
        alone = [""] * len(data)
        skf = StratifiedKFold(CV_FOLDS, shuffle=True, random_state=CV_SEED)
        for k, (tr, te) in enumerate(skf.split(texts, gold)):
            t0 = time.perf_counter()
            model = train_textcat([inputs[i] for i in tr], [RELATION_OF_STRENGTH[gold[i]] for i in tr],
                                  TEXTCAT_LABELS["relation"], epochs=TEXTCAT_EPOCHS)
            for i, rel in zip(te, predict(model, [inputs[i] for i in te])):
                hybrid[i] = final_strength(rel, rules[i])
            model = train_textcat([texts[i].lower() for i in tr], [gold[i] for i in tr], TEXTCAT_LABELS["strength"],
                                  epochs=TEXTCAT_EPOCHS)
            for i, lab in zip(te, predict(model, [texts[i].lower() for i in te])):
                alone[i] = lab
            log(f"  fold {k + 1}/{CV_FOLDS}: {time.perf_counter() - t0:.0f} s")
        rows.append(strength_rows(f"hybrid: textcat relation + hedge rules, {CV_FOLDS}-fold CV", gold, hybrid))
        rows.append(strength_rows(f"textcat 4-way alone (no rules, not shipped), {CV_FOLDS}-fold CV", gold, alone))
        results["yu_hybrid_confusion"] = confusion(gold, hybrid, STRENGTHS)
    return rows


def final_strength(relation: str, rules) -> str:
    """claim_strength of a sentence whose relation the classifier chose, as the
    pipeline computes it (the hedge judged for that relation's trigger)."""
    from ..strength import claim_strength

    return claim_strength(relation, rules.hedge_level)


# -- BioScope --------------------------------------------------------------------------


def cue_scores(items) -> list[float]:
    """Sentence P, R, F1 and cue F1 (exact spans, then overlapping spans) over
    (predicted cue spans, gold: sentence has a cue, gold cues as (start, end, ...))."""
    tp = fp = fn = 0
    exact = [0, 0, 0]
    overlap = [0, 0, 0]
    for cues, gold_has_cue, gold_cues in items:
        predicted = bool(cues)
        tp += predicted and gold_has_cue
        fp += predicted and not gold_has_cue
        fn += gold_has_cue and not predicted
        pc = {(c.start_char, c.end_char) for c in cues}
        gc = {(a, b) for a, b, *_ in gold_cues}
        exact[0] += len(pc & gc)
        exact[1] += len(pc - gc)
        exact[2] += len(gc - pc)
        # overlap: a predicted cue sharing a character with a gold cue counts (once)
        matched_g = {g for g in gc if any(a < g[1] and g[0] < b for a, b in pc)}
        matched_p = {p for p in pc if any(a < p[1] and p[0] < b for a, b in gc)}
        overlap[0] += len(matched_p)
        overlap[1] += len(pc - matched_p)
        overlap[2] += len(gc - matched_g)
    sp, sr, sf = prf(tp, fp, fn)
    return [sp, sr, sf, prf(*exact)[2], prf(*overlap)[2]]


def eval_bioscope(data_dir: Path, nlp) -> tuple[list[list], dict]:
    data = read_bioscope(data_dir)
    log(f"BioScope: {len(data)} sentences ...")
    docs = list(nlp.pipe([s.text for s in data], batch_size=256))
    rows = []
    extra = {}
    for name, keep in (("all abstracts", lambda s: True), ("held-out 80% of abstracts", lambda s: not is_dev(s.doc_id))):
        kept = [(s, doc) for s, doc in zip(data, docs) if keep(s)]
        spec = cue_scores([(speculation_cues(doc[:]), s.speculative, s.cues) for s, doc in kept])
        rows.append([f"speculation, {name}", len(kept), *spec])
        negation = cue_scores([([c for c in doc.spans.get("hedge_cues", []) if c.label_ == "negation"],
                                bool(s.negation_cues), s.negation_cues) for s, doc in kept])
        rows.append([f"negation, {name}", len(kept), *negation])
        extra[name] = {"speculative_sentences": sum(1 for s, _ in kept if s.speculative)}
    return rows, extra


BIOSCOPE_HEADER = ["hedge rules", "sentences", "sentence P", "sentence R", "sentence F1", "cue F1 (exact span)",
                   "cue F1 (overlap)"]


# -- popular-health sentences ----------------------------------------------------------


def eval_popular(nlp) -> list[list]:
    import pandas as pd

    df = pd.read_csv(POPULAR_FILE)
    res = list(assess_sentences(df["sentence"].tolist(), nlp=nlp))
    gold_level = df["hedge_level"].tolist()
    pred_level = [r.hedge_level for r in res]
    gold_spec = [v == "yes" for v in df["speculative"]]
    pred_spec = [bool(speculation_cues(nlp(t)[:])) for t in df["sentence"]]
    tp = sum(p and g for p, g in zip(pred_spec, gold_spec))
    fp = sum(p and not g for p, g in zip(pred_spec, gold_spec))
    fn = sum(g and not p for p, g in zip(pred_spec, gold_spec))
    sp, sr, sf = prf(tp, fp, fn)
    gold_str = df["claim_strength"].tolist()
    pred_str = [r.claim_strength for r in res]
    within = sum(abs(LEVELS.index(g) - LEVELS.index(p)) <= 1 for g, p in zip(gold_level, pred_level)) / len(df)
    return [[len(df), accuracy(gold_level, pred_level), within, sp, sr, sf,
             accuracy(gold_str, pred_str), macro_f1(gold_str, pred_str, STRENGTHS)]]


POPULAR_HEADER = ["sentences", "hedge level acc.", "within one level", "spec. P", "spec. R", "spec. F1",
                  "strength acc.", "strength macro-F1"]


# -- speed -----------------------------------------------------------------------------


def eval_speed(nlp, texts: list[str], name: str) -> list:
    list(assess_sentences(texts[:200], nlp=nlp))  # warm up
    t0 = time.perf_counter()
    list(assess_sentences(texts, nlp=nlp))
    seconds = time.perf_counter() - t0
    return [name, len(texts), seconds, len(texts) / seconds]


# -- claims of the articles ------------------------------------------------------------


def eval_articles(pairs: list[tuple[Path, Path]]) -> list[list]:
    rows = []
    score = Path(os.environ.get("CLAIMX_SCORE_TOOL", REPO.parent / "shared" / "tools" / "score_claims.py"))
    for articles, gold in pairs:
        if not (articles.exists() and gold.exists() and score.exists()):
            continue
        out = Path("/tmp") / f"claimx-hedge-eval-{articles.name}"
        subprocess.run([sys.executable, "-m", "claimx", "extract", str(articles), "-o", str(out)],
                       check=True, capture_output=True)
        proc = subprocess.run([sys.executable, str(score), str(out / "claims.csv"), str(gold), "--json"],
                              check=True, capture_output=True, text=True)
        r = json.loads(proc.stdout)
        rows.append([str(articles), r.get("lenient", {}).get("f1", ""), sum(a["matched"] for a in r.get("articles", {}).values()),
                     r.get("hedge_level_accuracy", ""), r.get("hedge_level_within_one", ""), r.get("negation_accuracy", "")])
    return rows


ARTICLES_HEADER = ["articles", "claims F1 (lenient)", "matched", "hedge level acc.", "within one", "negation acc."]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="claimx hedge / claim-strength evaluation")
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validated text classifier")
    ap.add_argument("--train-model", action="store_true",
                    help="retrain the shipped relation classifier on all of Yu et al. (2019)")
    ap.add_argument("--write", type=Path, default=None, help="replace the results block of this markdown file")
    ap.add_argument("--articles", nargs=2, action="append", type=Path, metavar=("ARTICLES", "GOLD"),
                    help="also score `claimx extract` on these articles (repeatable)")
    args = ap.parse_args(argv)
    if not (args.data / "claim-strength").is_dir():
        print(f"claimx: error: {args.data}: not the shared data folder", file=sys.stderr)
        return 1
    results: dict = {}
    rules_nlp = strength_nlp(use_classifier=False)
    out = []
    yu_rows = eval_yu(args.data, rules_nlp, cv=not args.no_cv, results=results)
    if args.train_model:
        from .train_strength import train_shipped_model

        train_shipped_model(args.data)
    shipped_nlp = strength_nlp()
    yu = read_yu2019(args.data)
    from ..pipeline import describe

    out.append(f"Pipeline: `{describe(rules_nlp)}`; relation classifier "
               f"{'shipped' if shipped_nlp.has_pipe('claimx_relation') else 'absent'}.\n")
    out.append("### Claim strength: Yu, Li & Wang (2019), PubMed conclusion sentences\n")
    out.append(md_table(STRENGTH_HEADER, yu_rows))
    bs_rows, _ = eval_bioscope(args.data, rules_nlp)
    out.append("\n### Speculation and negation: BioScope abstracts (hedge rules; nothing trained on BioScope)\n")
    out.append(md_table(BIOSCOPE_HEADER, bs_rows))
    out.append("\n### claimx's own popular-health sentences (tests/data/popular_health_sentences.csv)\n")
    pop = [["cue rules"] + r for r in eval_popular(rules_nlp)]
    if "parser" in rules_nlp.pipe_names:
        pop += [["cue rules (clause scope, no parser)"] + r
                for r in eval_popular(strength_nlp(use_classifier=False, use_model=False))]
    if shipped_nlp.has_pipe("claimx_relation"):
        pop += [["hybrid (shipped classifier)"] + r for r in eval_popular(shipped_nlp)]
    out.append(md_table(["system"] + POPULAR_HEADER, pop))
    texts = [d.text for d in yu]
    speed = [eval_speed(rules_nlp, texts, "cue rules" + (" (with parser)" if "parser" in rules_nlp.pipe_names else ""))]
    if "parser" in rules_nlp.pipe_names:
        speed.append(eval_speed(strength_nlp(use_classifier=False, use_model=False), texts,
                                "cue rules (no parser)"))
    if shipped_nlp.has_pipe("claimx_relation"):
        speed.append(eval_speed(shipped_nlp, texts, "hybrid (shipped classifier)"))
    out.append("\n### Speed of `claimx strength` (Yu 2019 sentences, batch 256, 2 shared CPU cores)\n")
    out.append(md_table(["pipeline", "sentences", "seconds", "sentences/s"], speed))
    if args.articles:
        out.append("\n### Claims of whole articles (`claimx extract` + score_claims.py)\n")
        out.append(md_table(ARTICLES_HEADER, eval_articles([tuple(p) for p in args.articles])))
    text = "\n".join(out) + "\n"
    print(text)
    if args.write:
        doc = args.write.read_text(encoding="utf-8") if args.write.exists() else f"{MARK_BEGIN}\n{MARK_END}\n"
        if MARK_BEGIN in doc and MARK_END in doc:
            head, rest = doc.split(MARK_BEGIN, 1)
            _, tail = rest.split(MARK_END, 1)
            doc = f"{head}{MARK_BEGIN}\n{text}{MARK_END}{tail}"
        else:
            doc += f"\n{MARK_BEGIN}\n{text}{MARK_END}\n"
        args.write.write_text(doc, encoding="utf-8")
        log(f"results -> {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
