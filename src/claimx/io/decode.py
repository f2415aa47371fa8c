"""Bytes -> str for text inputs.

Order of evidence, strongest first: a byte-order mark; valid UTF-8; a charset the file
declares (HTML `<meta charset>`); UTF-8 with a few stray Windows-1252 bytes; a
plausible Windows-1252 reading; charset-normalizer.
Newlines are normalised to "\\n" so that offsets agree with OUT_DIR/texts/.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError, Warnings

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters a Windows-1252 reading of English or Western European text produces:
# accented Latin letters and typographic punctuation. Bytes of other single-byte
# codepages read as cp1252 give characters outside this set (cp1250 "ł" -> "³") or a
# text made mostly of accented letters (cp1251 Cyrillic -> "Ïðèâåò").
_WESTERN_CHARS: frozenset[str] = frozenset(
    [chr(c) for c in range(0xC0, 0x100) if chr(c) not in "×÷"]
    + list("ŒœŠšŽžŸƒ‘’‚“”„–—…•€™°©®±§¶·«»¢£¥µ²½¼¾\xa0")
)
# In Western text most letters are ASCII; above this share we trust the detector.
MAX_NON_ASCII_LETTER_SHARE = 0.3
# Share of control characters above which "text" is really binary data.
MAX_CONTROL_SHARE = 0.05
_SAMPLE = 8192
# More stray bytes than this and the file is not "UTF-8 with a few slips".
MAX_STRAY_BYTES = 64


def decode_bytes(data: bytes, path: Path, *, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode a text file's bytes.

    Args:
        data: the file's bytes (non-empty).
        path: the file, for error messages.
        declared: an encoding the file itself declares, if any (HTML meta charset).

    Returns:
        (text, encoding, warnings); text has "\\n" newlines and no BOM.

    Raises:
        InputError: E004 for binary data, E005 for bytes no encoding explains.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError:
                raise InputError(path, "E005", f"file could not be decoded as text (invalid {encoding})") from None
            return _checked(text, path), encoding, []
    if b"\x00" in data[:_SAMPLE]:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise InputError(path, "E004")
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise InputError(path, "E005", f"file could not be decoded as text (invalid {utf16})") from None
        return _checked(text, path), utf16, [f"W001 {Warnings.W001}: {utf16} (no byte-order mark)"]
    try:
        return _checked(data.decode("utf-8"), path), "utf-8", []
    except UnicodeDecodeError:
        pass
    if declared:
        declared = _whatwg_label(declared)
        text = _try_decode(data, declared)
        if text is not None:
            return _checked(text, path), declared, []
    mixed = _decode_mostly_utf8(data)
    if mixed is not None:
        text, stray = mixed
        return _checked(text, path), "utf-8", [f"W003 {Warnings.W003} ({stray} bytes)"]
    legacy = _try_decode(data, "cp1252")
    if legacy is not None and _plausible_western(legacy):
        # charset-normalizer guesses from character statistics, and on a short article
        # it often picks a neighbour codepage (cp1250 turns "naïve" into "naďve").
        # English health articles are overwhelmingly Windows-1252 when not UTF-8, so a
        # cp1252 reading that looks like Western text wins unless the bytes say otherwise.
        return _checked(legacy, path), "cp1252", [f"W001 {Warnings.W001}: cp1252"]
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "E005")
    return _checked(str(best), path), best.encoding, [f"W001 {Warnings.W001}: {best.encoding}"]


def _bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" for UTF-16 text saved without a byte-order mark (some
    Windows tools do), else None. Latin-script text in UTF-16 has a NUL as the high byte
    of nearly every character, so NULs sit on one parity of byte offsets only; binary
    files scatter them."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= 0.7 and even_nul <= 0.02:
        codec, low_bytes = "utf-16-le", even
    elif even_nul >= 0.7 and odd_nul <= 0.02:
        codec, low_bytes = "utf-16-be", odd
    else:
        return None
    # and the characters' low bytes are mostly printable ASCII, as in real text
    printable = sum(1 for b in low_bytes if 0x20 <= b < 0x7F or b in (9, 10, 13))
    return codec if printable >= 0.8 * len(low_bytes) else None


def _decode_mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with a few bytes that are not (a quote pasted from a Word document):
    those bytes are read as Windows-1252 and the rest stays UTF-8, instead of the
    whole file turning into "cafÃ©". Only when the file's valid multi-byte UTF-8
    characters outnumber its stray bytes; returns (text, number of stray bytes)."""
    parts: list[str] = []
    stray = utf8_non_ascii = 0
    pos = 0
    while True:
        try:
            tail = data[pos:].decode("utf-8")
        except UnicodeDecodeError as err:
            good = data[pos:pos + err.start].decode("utf-8")
            bad = data[pos + err.start:pos + err.end]
            parts += [good, bad.decode("cp1252", errors="replace")]
            utf8_non_ascii += sum(1 for ch in good if ord(ch) > 127)
            stray += len(bad)
            pos += err.end
            if stray > MAX_STRAY_BYTES:
                return None
            continue
        parts.append(tail)
        utf8_non_ascii += sum(1 for ch in tail if ord(ch) > 127)
        break
    if utf8_non_ascii <= stray:
        return None
    return "".join(parts), stray


def _whatwg_label(label: str) -> str:
    """The codec browsers use for a declared charset: pages labelled ISO-8859-1 or
    ASCII are decoded as Windows-1252 (WHATWG Encoding Standard), which is what their
    authors' editors wrote; Python's latin-1 would turn curly quotes into controls."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return label
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _plausible_western(text: str) -> bool:
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if any(ch not in _WESTERN_CHARS for ch in non_ascii):
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    return sum(1 for ch in non_ascii if ch.isalpha()) <= MAX_NON_ASCII_LETTER_SHARE * max(1, letters)


def _checked(text: str, path: Path) -> str:
    """The text with "\\n" newlines; binary data that happened to decode is refused."""
    sample = text[:_SAMPLE]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > MAX_CONTROL_SHARE * max(1, len(sample)):
        raise InputError(path, "E004")
    return text.replace("\r\n", "\n").replace("\r", "\n")
