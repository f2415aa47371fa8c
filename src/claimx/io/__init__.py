"""Reading input files into `Article`s: discovery, decoding and per-format readers."""
from __future__ import annotations

from .discover import iter_input_files
from .read import MAX_BYTES, read_article

__all__ = ["iter_input_files", "read_article", "MAX_BYTES"]
