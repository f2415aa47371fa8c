"""Command line: `claimx extract`, `claimx build-lexicon` (and the commands of other modules).

Each command is a thin `<verb>_cli` that parses arguments and calls a plain function.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__


def extract_cli(args: argparse.Namespace) -> int:
    from .pipeline import make_nlp
    from .runner import run_extract

    nlp = make_nlp(args.model) if args.model else make_nlp()
    report = run_extract(args.paths, args.output, nlp=nlp, batch_size=args.batch_size,
                         write_texts=not args.no_texts)
    ok = len(report.files) - len(report.failed)
    print(f"claimx: {ok} of {len(report.files)} files processed, {report.n_claims} claims "
          f"-> {Path(args.output) / 'claims.csv'} ({report.seconds:.1f} s)", file=sys.stderr)
    if not report.files:
        print("claimx: error: no .txt, .md or .html files found", file=sys.stderr)
        return 1
    return 1 if report.failed else 0


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


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimx", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"claimx {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract claims from article files or folders")
    p.add_argument("paths", nargs="+", type=Path, help=".txt/.md/.html files or folders (recursive)")
    p.add_argument("-o", "--output", required=True, type=Path, help="output folder")
    p.add_argument("--model", type=Path, default=None, help="spaCy pipeline folder (default: bundled)")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--no-texts", action="store_true", help="don't write OUT/texts/")
    p.set_defaults(func=extract_cli)

    p = sub.add_parser("build-lexicon", help="rebuild the BC5CDR/BioRED gazetteer")
    p.add_argument("--data", required=True, type=Path, help="the shared data folder")
    p.add_argument("-o", "--output", type=Path, default=None)
    p.set_defaults(func=build_lexicon_cli)

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
    return args.func(args)
