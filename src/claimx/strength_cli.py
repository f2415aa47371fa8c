"""`claimx strength INPUT.csv -o OUTPUT.csv`: claim strength and hedge level per sentence.

Reads a CSV with a `sentence` column and writes it back with every input column and the
row order kept, plus `claim_strength` (none / correlational / conditional_causal /
direct_causal), `hedge_level` and `hedge_cues` (the words of the sentence, ';'-joined).
Rows whose sentence is empty or not text get empty fields and a warning.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def strength_cli(args: argparse.Namespace) -> int:
    from .strength import read_sentence_csv, strength_csv, strength_nlp

    if not args.input.is_file():
        print(f"claimx: error: {args.input}: no such file", file=sys.stderr)
        return 1
    try:
        table = read_sentence_csv(args.input, args.column)
    except (ValueError, OSError) as exc:
        print(f"claimx: error: {args.input}: {exc}", file=sys.stderr)
        return 1
    nlp = strength_nlp(args.model, use_classifier=not args.rules_only)
    try:
        report = strength_csv(args.input, args.output, column=args.column, nlp=nlp,
                              batch_size=args.batch_size, table=table)
    except OSError as exc:
        print(f"claimx: error: {args.output}: {exc}", file=sys.stderr)
        return 1
    for message in report["warnings"]:
        print(f"claimx: warning: {message}", file=sys.stderr)
    print(f"claimx: {report['rows']} rows ({report['bad_rows']} blank) -> {args.output} "
          f"({report['seconds']:.1f} s, {report['sentences_per_second']:.0f} sentences/s)", file=sys.stderr)
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("strength", help="claim strength and hedge level of each sentence of a CSV",
                              description=__doc__.splitlines()[0])
    p.add_argument("input", type=Path, help="CSV with a 'sentence' column")
    p.add_argument("-o", "--output", required=True, type=Path, help="output CSV")
    p.add_argument("--column", default="sentence", help="name of the sentence column (default: sentence)")
    p.add_argument("--model", type=Path, default=None, help="spaCy pipeline folder (default: bundled)")
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--rules-only", action="store_true",
                   help="decide the relation by cue words only, without the shipped classifier "
                        "(trained on PubMed conclusion sentences)")
    p.set_defaults(func=strength_cli)
