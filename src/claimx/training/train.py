"""Rebuild claimx's biomedical pipeline: convert corpora, train, assemble, evaluate.

    python -m claimx.training all --data ../shared/data --out models/

Steps (each is also a sub-command): ``convert`` -> ``pretrain`` -> ``train-ner`` ->
``train-parser`` -> ``assemble`` -> ``evaluate``. ``train-joint`` (not part of ``all``)
trains the experimental one-encoder pipeline of the model card's variants F/G. ``pretrain`` (``spacy pretrain`` of the
tok2vec on the raw text of the training splits) gives the weights both trained
components start from. Training is slow (tens of minutes on 2 cores) and is
never run from tests or CI.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy
from spacy.language import Language

from claimx.training.convert import build_corpora
from claimx.training.pretrain import RAW_TEXT_FILE, build_raw_text

# Registers the "claimx.replace_tokenizer.v1" callback used in the configs'
# [initialize.before_init], so training tokenises exactly like the shipped pipeline.
from claimx.training.tokenizer import claimx_tokenizer

MODEL_NAME = "claimx_bio_sm"
CONFIG_DIR_NAME = "configs"
CORPUS_DIR_NAME = ".corpus"  # git-ignored
RUNS_DIR_NAME = ".runs"  # git-ignored: per-component training output
PRETRAIN_EPOCHS = 3

# Which converted corpus each component trains and is tuned (model selection) on.
NER_TRAIN_SETS = {
    "bc5cdr": "bc5cdr_train.spacy",
    # BC5CDR + BioRED (chemical/disease only) + NCBI-disease (disease, chemicals unknown)
    "combined": "ner_combined_train",
}


def tokenizer_only_nlp() -> Language:
    """A blank English pipeline with the tokenizer we ship."""
    nlp = spacy.blank("en")
    nlp.tokenizer = claimx_tokenizer(nlp)
    return nlp


def train_component(config: Path, output: Path, overrides: dict[str, object]) -> Path:
    """Run ``spacy train`` in-process and return the model-best directory."""
    from spacy.cli.train import train as spacy_train

    output.mkdir(parents=True, exist_ok=True)
    spacy_train(config, output, overrides=overrides)
    return output / "model-best"


def convert(data_dir: Path, models_dir: Path) -> dict[str, int]:
    return build_corpora(tokenizer_only_nlp(), data_dir, models_dir / CORPUS_DIR_NAME)


def pretrain(data_dir: Path, models_dir: Path, epochs: int = PRETRAIN_EPOCHS) -> Path:
    """Raw text of the training splits -> ``spacy pretrain`` -> the tok2vec weights."""
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    print(json.dumps(build_raw_text(data_dir, models_dir / CORPUS_DIR_NAME)))
    output = models_dir / RUNS_DIR_NAME / "pretrain"
    output.mkdir(parents=True, exist_ok=True)
    for stale in output.glob("model*.bin"):  # else a longer earlier run's last epoch would be used
        stale.unlink()
    overrides = {"paths.raw_text": str(models_dir / CORPUS_DIR_NAME / RAW_TEXT_FILE),
                 "pretraining.max_epochs": epochs}
    config = load_config(models_dir / CONFIG_DIR_NAME / "pretrain.cfg", overrides=overrides, interpolate=True)
    spacy_pretrain(config, output, silent=False)
    return pretrained_weights(models_dir)


def pretrained_weights(models_dir: Path) -> Path | None:
    """The last epoch's weights of the ``pretrain`` step, if it has run."""
    runs = sorted((models_dir / RUNS_DIR_NAME / "pretrain").glob("model*.bin"),
                  key=lambda p: int("".join(filter(str.isdigit, p.stem)) or -1))
    return runs[-1] if runs else None


def _init_tok2vec(models_dir: Path, use_pretrained: bool) -> dict[str, object]:
    weights = pretrained_weights(models_dir) if use_pretrained else None
    if use_pretrained and weights is None:
        raise SystemExit("no pretrained tok2vec: run `python -m claimx.training pretrain` first")
    return {"paths.init_tok2vec": str(weights)} if weights else {}


def train_ner(
    models_dir: Path, train_set: str = "combined", max_steps: int | None = None, extra: dict | None = None,
    use_pretrained: bool = True,
) -> Path:
    corpus = models_dir / CORPUS_DIR_NAME
    overrides: dict[str, object] = {
        "paths.train": str(corpus / NER_TRAIN_SETS[train_set]),
        "paths.dev": str(corpus / "bc5cdr_dev.spacy"),
        **_init_tok2vec(models_dir, use_pretrained),
    }
    if max_steps:
        overrides["training.max_steps"] = max_steps
    overrides.update(extra or {})
    run_name = f"ner_{train_set}" if not extra else f"ner_{train_set}_variant"
    return train_component(models_dir / CONFIG_DIR_NAME / "ner.cfg", models_dir / RUNS_DIR_NAME / run_name, overrides)


def train_parser(models_dir: Path, max_steps: int | None = None, extra: dict | None = None,
                 use_pretrained: bool = True, ewt: str = "none", craft_copies: int = 1,
                 lay_clauses: bool = False) -> Path:
    """Tagger + parser on CRAFT train, tuned on CRAFT dev. `ewt` adds UD English EWT
    (web text; models/README.md, variants L-N): "tags" (its tags only: the parser skips
    it) or "deps" (tags and dependencies converted to CRAFT's scheme); `craft_copies`
    reads CRAFT that many times per pass; `lay_clauses` adds EWT sentences rewritten
    as "drug verbs object" clauses (ewt.lay_clause_sentences)."""
    corpus = models_dir / CORPUS_DIR_NAME
    train: Path = corpus / "craft_train.spacy"
    run_name = "parser_tagger"
    if ewt != "none" or craft_copies > 1 or lay_clauses:
        extra_files = [corpus / f"ewt_train_{ewt}.spacy"] if ewt != "none" else []
        extra_files += [corpus / "ewt_train_lay.spacy"] if lay_clauses else []
        run_name = f"parser_ewt_{ewt}_craft{craft_copies}" + ("_lay" if lay_clauses else "")
        train = _corpus_folder(corpus / f"{run_name}_train", [train] * craft_copies + extra_files)
    overrides: dict[str, object] = {
        "paths.train": str(train),
        "paths.dev": str(corpus / "craft_dev.spacy"),
        **_init_tok2vec(models_dir, use_pretrained),
    }
    if max_steps:
        overrides["training.max_steps"] = max_steps
    overrides.update(extra or {})
    if extra:
        run_name += "_variant"
    return train_component(models_dir / CONFIG_DIR_NAME / "parser_tagger.cfg", models_dir / RUNS_DIR_NAME / run_name, overrides)


# The joint run sees the NER corpora this many times per pass over CRAFT (they hold about a
# third as many tokens; once, the NER lagged its separately trained version by 1.5 F).
JOINT_NER_COPIES = 2


def train_joint(models_dir: Path, max_steps: int | None = None, extra: dict | None = None,
                use_pretrained: bool = True) -> Path:
    """Tagger, parser and NER on one shared tok2vec, trained in one run
    (configs/joint_experiment.cfg): CRAFT train plus the combined NER corpora. A document
    without dependencies or without entities gives those components no loss. The dev
    folder mixes CRAFT dev and BC5CDR dev; spaCy then reports dep_uas 0, so the parser is
    scored on CRAFT alone by `evaluate`."""
    corpus = models_dir / CORPUS_DIR_NAME
    ner_files = sorted((corpus / NER_TRAIN_SETS["combined"]).glob("*.spacy"))
    train_dir = _corpus_folder(corpus / "joint_train",
                               [corpus / "craft_train.spacy", *ner_files * JOINT_NER_COPIES])
    dev_dir = _corpus_folder(corpus / "joint_dev", [corpus / "craft_dev.spacy", corpus / "bc5cdr_dev.spacy"])
    overrides: dict[str, object] = {"paths.train": str(train_dir), "paths.dev": str(dev_dir),
                                    **_init_tok2vec(models_dir, use_pretrained)}
    if max_steps:
        overrides["training.max_steps"] = max_steps
    overrides.update(extra or {})
    run_name = "joint" if not extra else "joint_variant"
    return train_component(models_dir / CONFIG_DIR_NAME / "joint_experiment.cfg",
                           models_dir / RUNS_DIR_NAME / run_name, overrides)


def _corpus_folder(folder: Path, files: list[Path]) -> Path:
    """A folder of .spacy files for spaCy's corpus reader (a file listed twice is read twice)."""
    import shutil

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for k, path in enumerate(files):
        shutil.copyfile(path, folder / f"{k:02d}_{path.name}")
    return folder


def parse_overrides(pairs: list[str]) -> dict[str, object]:
    """``section.key=value`` pairs (value parsed as JSON when possible), for variants."""
    overrides: dict[str, object] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    return overrides


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimx.training", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["all", "convert", "pretrain", "train-ner", "train-parser", "train-joint",
                                         "assemble", "evaluate"])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="public corpora folder")
    parser.add_argument("--out", type=Path, default=Path("models"), help="models folder (configs live here)")
    parser.add_argument("--ner-train-set", choices=sorted(NER_TRAIN_SETS), default="combined")
    parser.add_argument("--ner-max-steps", type=int, default=None, help="override config max_steps")
    parser.add_argument("--parser-max-steps", type=int, default=None, help="override config max_steps")
    parser.add_argument("--ewt", choices=["none", "tags", "deps"], default="none",
                        help="train-parser: add UD English EWT, its tags only or with converted dependencies")
    parser.add_argument("--craft-copies", type=int, default=1, help="train-parser: read CRAFT this many times per pass")
    parser.add_argument("--lay-clauses", action="store_true",
                        help="train-parser: add EWT sentences rewritten as 'drug verbs object' clauses")
    parser.add_argument("--joint-max-steps", type=int, default=None, help="train-joint: override config max_steps")
    parser.add_argument("--pretrain-epochs", type=int, default=PRETRAIN_EPOCHS)
    parser.add_argument("--no-pretrained", action="store_true",
                        help="train NER/parser from random tok2vec weights (the 0.1 models)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="config override for a variant run (written to a *_variant run dir), "
                        "e.g. --set components.ner.model.tok2vec.embed.width=96")
    parser.add_argument("--model", type=Path, default=None,
                        help="evaluate: model directory to score (default: <out>/%s)" % MODEL_NAME)
    args = parser.parse_args(argv)
    models_dir: Path = args.out
    runs = models_dir / RUNS_DIR_NAME

    if args.step in ("all", "convert"):
        print(json.dumps(convert(args.data, models_dir), indent=1))
    if args.step in ("all", "pretrain") and not args.no_pretrained:
        print(pretrain(args.data, models_dir, args.pretrain_epochs))
    if args.step in ("all", "train-ner"):
        train_ner(models_dir, args.ner_train_set, args.ner_max_steps, parse_overrides(args.set),
                  use_pretrained=not args.no_pretrained)
    if args.step in ("all", "train-parser"):
        train_parser(models_dir, args.parser_max_steps, parse_overrides(args.set),
                     use_pretrained=not args.no_pretrained, ewt=args.ewt, craft_copies=args.craft_copies,
                     lay_clauses=args.lay_clauses)
    if args.step == "train-joint":  # an experiment (model card, variant F); `all` does not run it
        train_joint(models_dir, args.joint_max_steps, parse_overrides(args.set),
                    use_pretrained=not args.no_pretrained)
    if args.step in ("all", "assemble"):
        from claimx.training.assemble import assemble

        assemble(
            parser_tagger_dir=runs / "parser_tagger" / "model-best",
            ner_dir=runs / f"ner_{args.ner_train_set}" / "model-best",
            craft_train=models_dir / CORPUS_DIR_NAME / "craft_train.spacy",
            output=models_dir / MODEL_NAME,
        )
    if args.step in ("all", "evaluate"):
        from claimx.training.evaluate import evaluate_all

        model = args.model or models_dir / MODEL_NAME
        scores = evaluate_all(model, args.data, models_dir / CORPUS_DIR_NAME)
        if args.model is None:  # the shipped model keeps its scores beside it
            (model / "scores.json").write_text(json.dumps(scores, indent=1) + "\n")
        print(json.dumps(scores, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
