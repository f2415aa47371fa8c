"""claimx: folders of health and biomedical articles in, a reviewable dataset of claims out."""
from __future__ import annotations

__version__ = "0.1.0"


def load(model=None):
    """claimx's full spaCy pipeline (trained model + rules); `nlp(text)._.claims`."""
    from .pipeline import make_nlp

    return make_nlp(model)


def extract(paths, **kwargs):
    """Claims of the articles under `paths` as a pandas DataFrame (see runner.extract)."""
    from .runner import extract as _extract

    return _extract(paths, **kwargs)


def add_strength(frame, **kwargs):
    """Add claim_strength, hedge_level and hedge_cues to a DataFrame with a `sentence`
    column (see strength.add_strength)."""
    from .strength import add_strength as _add_strength

    return _add_strength(frame, **kwargs)


__all__ = ["__version__", "load", "extract", "add_strength"]
