"""Command line: `claimx extract`, `claimx build-lexicon` (and the commands of other modules).

Each command is a thin `<verb>_cli` that parses arguments and calls a plain function.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import ClaimxError, Errors
from .io.read import MAX_BYTES

BATCH_SIZE = 16  # the runner's default; repeated here so --help needs no spaCy import


def extract_cli(args: argparse.Namespace) -> int:
    """Exit status: 0 when every file was processed, 1 when any failed (or none was
    found), 2 when the run could not start (bad output folder, bad model)."""
    from .pipeline import make_nlp
    from .runner import run_extract

    if args.max_bytes <= 0 or args.batch_size <= 0 or args.jobs <= 0:
        raise ClaimxError("--max-bytes, --batch-size and --jobs must be positive")
    if args.model is not None and args.rules_only:
        raise ClaimxError("--model and --rules-only exclude each other")
    if args.model is not None and not args.model.is_dir():
        raise ClaimxError(f"{args.model}: no spaCy pipeline folder there")
    try:
        nlp = make_nlp(args.model) if args.model else make_nlp(use_model=not args.rules_only)
    except (OSError, ValueError) as exc:  # spaCy's errors for a broken pipeline folder
        raise ClaimxError(f"{args.model}: cannot load the pipeline ({_first_line(exc)})") from None
    report = run_extract(args.paths, args.output, nlp=nlp, batch_size=args.batch_size,
                         max_bytes=args.max_bytes, write_texts=not args.no_texts,
                         force=args.force, quiet=args.quiet, jobs=args.jobs)
    ok = len(report.articles) - len(report.failed)
    skipped = report.skipped
    if not args.quiet:
        print(f"claimx: {ok} of {len(report.articles)} files processed, {len(report.failed)} failed, "
              f"{report.n_claims} claims -> {Path(args.output) / 'claims.csv'} ({report.seconds:.1f} s)",
              file=sys.stderr)
        if skipped:
            print(f"claimx: {len(skipped)} other file(s) in the folders are not articles and were "
                  f"skipped (e.g. {skipped[0].path}); listed in {Path(args.output) / 'manifest.json'}",
                  file=sys.stderr)
    if not report.articles:
        print(f"claimx: error: {Errors.E103} [E103]", file=sys.stderr)
        return 1
    return 1 if report.failed else 0


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def build_lexicon_cli(args: argparse.Namespace) -> int:
    from .lexicon import build_gazetteer, write_gazetteer
    from .resources import resource_path

    data = Path(args.data)
    if not (data / "ner").is_dir():
        print(f"claimx: error: {data}: no ner/ folder with BC5CDR/BioRED", file=sys.stderr)
        return 1
    patterns = build_gazetteer(data)
    out = Path(args.output) if args.output else Path(str(resource_path("gazetteer.jsonl")))
    write_gazetteer(patterns, out)
    print(f"claimx: {len(patterns)} gazetteer patterns -> {out}", file=sys.stderr)
    return 0


def build_drug_dictionary_cli(args: argparse.Namespace) -> int:
    from .drug_dictionary import RESOURCE_FILE, DrugDictionaryMissing, build_drug_dictionary
    from .lexicon import write_gazetteer
    from .resources import resource_path

    try:
        patterns = build_drug_dictionary()
    except DrugDictionaryMissing as err:
        print(f"claimx: error: {err}", file=sys.stderr)
        return 1
    out = Path(args.output) if args.output else Path(str(resource_path(RESOURCE_FILE)))
    write_gazetteer(patterns, out)
    print(f"claimx: {len(patterns)} medicine names -> {out}", file=sys.stderr)
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimx", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"claimx {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract claims from article files or folders")
    p.add_argument("paths", nargs="+", type=Path, help=".txt/.md/.html files or folders (recursive)")
    p.add_argument("-o", "--output", required=True, type=Path, help="output folder")
    p.add_argument("--model", type=Path, default=None, help="spaCy pipeline folder (default: bundled)")
    p.add_argument("--rules-only", action="store_true",
                   help="no trained model: lexicons and rules only, about 4x faster, hedge scope without a parse")
    p.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="articles per nlp.pipe batch")
    p.add_argument("-j", "--jobs", type=int, default=1,
                   help="worker processes sharing the loaded pipeline (default 1; 2 on a 2-core machine "
                        "gives ~1.5x the articles per second, one more model's memory)")
    p.add_argument("--max-bytes", type=int, default=MAX_BYTES,
                   help=f"skip files larger than this (default {MAX_BYTES})")
    p.add_argument("--no-texts", action="store_true", help="don't write OUT/texts/")
    p.add_argument("--force", action="store_true", help="replace an OUT/texts/ that claimx did not write")
    p.add_argument("-q", "--quiet", action="store_true", help="no messages on stderr")
    p.set_defaults(func=extract_cli)

    p = sub.add_parser("build-lexicon", help="rebuild the BC5CDR/BioRED gazetteer")
    p.add_argument("--data", required=True, type=Path, help="the shared data folder")
    p.add_argument("-o", "--output", type=Path, default=None)
    p.set_defaults(func=build_lexicon_cli)

    p = sub.add_parser("build-drug-dictionary",
                       help="rebuild the medicine names from the drug-named-entity-recognition package")
    p.add_argument("-o", "--output", type=Path, default=None)
    p.set_defaults(func=build_drug_dictionary_cli)

    for register in _command_modules():
        register(sub)
    return parser


def _command_modules():
    """Sub-commands that live beside their logic (e.g. `strength`), if present."""
    registers = []
    try:
        from .strength_cli import register as strength_register
        registers.append(strength_register)
    except ImportError:
        pass
    return registers


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except ClaimxError as err:
        print(f"claimx: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("claimx: interrupted; earlier outputs left unchanged", file=sys.stderr)
        return 130
