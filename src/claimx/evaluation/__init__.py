"""Evaluation of claimx's hedge and claim-strength components on public labelled data.

`python -m claimx.evaluation.hedge --data ../shared/data` reproduces every figure of
docs/hedge.md. The data are read in place and never copied into the repository.
"""
