"""Errors and warnings with stable codes, so users can grep logs and manifests."""
from __future__ import annotations


class ClaimxError(Exception):
    """An error that stops a whole run (bad output folder, bad option): the CLI prints
    it as one line and exits with status 2."""


class InputError(ClaimxError):
    """One input file that cannot be turned into an article; the run goes on.

    `code` is one of the E0xx codes of `Errors`; `reason` is the short human text.
    """

    def __init__(self, path: object, code: str, reason: str | None = None) -> None:
        self.path = str(path)
        self.code = code
        self.reason = reason or getattr(Errors, code, code)
        super().__init__(f"{self.path}: {self.reason} [{code}]")


class Errors:
    # Per-file problems (InputError): recorded in the manifest, the run goes on.
    E001 = "file not found"
    E002 = "file is not readable"
    E003 = "file is empty"
    E004 = "file looks binary"
    E005 = "file could not be decoded as text"
    E006 = "file is larger than the size limit"
    E007 = "unsupported file type (expected .txt, .md or .html)"
    E008 = "symbolic link loop"
    E009 = "HTML has no extractable main text"
    E010 = "article has no words after extraction"
    E011 = "pipeline error"
    E012 = "dangling symbolic link"
    E013 = "not a regular file"
    E014 = "cannot write the article's text to OUT_DIR/texts/"
    # Whole-run problems (ClaimxError).
    E101 = "output path exists and is not a folder"
    E102 = "output folder has a texts/ folder that claimx did not write; use --force"
    E103 = "no .txt, .md or .html files found"


class Skips:
    # Files inside an input folder that are not read as articles: listed in the
    # manifest (never dropped unseen); the run's exit status does not change.
    S001 = "not an article file type (claimx reads .txt, .md and .html)"
    S002 = "folder documentation (README, LICENSE, ...), not an article; name the file to read it"


class Warnings:
    W001 = "decoded with a legacy encoding (not UTF-8)"
    W002 = "HTML main text extracted with a fallback parser"
    W003 = "UTF-8 with stray bytes, read as Windows-1252"
