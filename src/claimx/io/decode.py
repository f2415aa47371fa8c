"""Bytes -> str for text inputs: UTF-8 (with or without BOM) first, then detection."""
from __future__ import annotations

from pathlib import Path

from ..errors import Errors, InputError, Warnings

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_bytes(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings); raise InputError for binary or undecodable data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise(data.decode(encoding)), encoding, []
            except UnicodeDecodeError:
                raise InputError(path, "E005", f"{Errors.E005} (bad {encoding})") from None
    if b"\x00" in data[:8192]:
        raise InputError(path, "E004", Errors.E004)
    try:
        return _normalise(data.decode("utf-8")), "utf-8", []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "E005", Errors.E005)
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise InputError(path, "E004", Errors.E004)
    return _normalise(text), best.encoding, [f"W001 {Warnings.W001}: {best.encoding}"]


def _normalise(text: str) -> str:
    # One newline convention, so offsets agree with what users see in OUT_DIR/texts/.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))
