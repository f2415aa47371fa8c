"""Training of claimx's own biomedical spaCy pipeline (models/claimx_bio_sm).

Run ``python -m claimx.training all --data ../shared/data --out models/``. Nothing here
is imported by claimx at run time; it needs only spaCy and scispacy.
"""
