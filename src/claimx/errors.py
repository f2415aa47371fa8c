"""Errors and warnings with stable codes, so users can grep logs and manifests."""
from __future__ import annotations


class ClaimxError(Exception):
    """Base class of claimx's own errors."""


class InputError(ClaimxError):
    """An input file that cannot be turned into an article.

    `code` is one of the E0xx codes below; `reason` is the short human text.
    """

    def __init__(self, path: object, code: str, reason: str) -> None:
        self.path = str(path)
        self.code = code
        self.reason = reason
        super().__init__(f"{self.path}: {code} {reason}")


class Errors:
    E001 = "file not found"
    E002 = "file is not readable"
    E003 = "file is empty"
    E004 = "file looks binary"
    E005 = "file could not be decoded as text"
    E006 = "file is larger than the size limit"
    E007 = "unsupported file type"
    E008 = "symbolic link loop"
    E009 = "HTML has no extractable main text"
    E010 = "article has no text after extraction"


class Warnings:
    W001 = "decoded with a legacy single-byte encoding"
    W002 = "HTML main text extracted with a fallback parser"
