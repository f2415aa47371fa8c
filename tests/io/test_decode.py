"""Bytes -> text: BOMs, UTF-8, legacy single-byte text, binary and undecodable data."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from claimx.errors import InputError
from claimx.io.decode import decode_bytes

PATH = Path("article.txt")
TEXT = "Caf\u00e9 \u201cnaïve\u201d study \u2013 it\u2019s early; 50\u00b0 and \u20ac10.\nSecond line."


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),  # Python writes a BOM
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    (TEXT.encode("utf-32"), "utf-32"),
])
def test_decode_unicode_with_and_without_bom(data, encoding):
    text, used, warnings = decode_bytes(data, PATH)
    assert text == TEXT
    assert used == encoding
    assert warnings == []


def test_decode_cp1252_curly_quotes_and_accents():
    # Short cp1252 text: charset-normalizer alone reads it as cp1250 ("naďve").
    data = "R\u00e9sum\u00e9 of the na\u00efve caf\u00e9 study: patients\u2019 \u201crelief\u201d was higher.".encode("cp1252")
    text, encoding, warnings = decode_bytes(data, PATH)
    assert text == "R\u00e9sum\u00e9 of the na\u00efve caf\u00e9 study: patients\u2019 \u201crelief\u201d was higher."
    assert encoding == "cp1252"
    assert warnings and warnings[0].startswith("W001")


def test_decode_latin1_file_reads_as_cp1252():
    data = "Cr\u00e8me br\u00fbl\u00e9e and the sa\u00fcmon \u00a9 2024.".encode("latin-1")
    assert decode_bytes(data, PATH)[0] == "Cr\u00e8me br\u00fbl\u00e9e and the sa\u00fcmon \u00a9 2024."


def test_decode_cyrillic_cp1251_left_to_the_detector():
    # Read as cp1252 this is all accented letters ("Ïðèâåò"): not Western text.
    original = "Кетамин уменьшает симптомы депрессии у взрослых пациентов уже через несколько часов."
    text, encoding, _ = decode_bytes(original.encode("cp1251"), PATH)
    assert text == original
    assert encoding != "cp1252"


def test_decode_normalises_newlines():
    text, _, _ = decode_bytes(b"one\r\ntwo\rthree\n", PATH)
    assert text == "one\ntwo\nthree\n"


def test_decode_declared_charset_used_when_not_utf8():
    data = "\u00c9tude sur la d\u00e9pression".encode("iso-8859-15")
    text, encoding, _ = decode_bytes(data, PATH, declared="iso-8859-15")
    assert text == "\u00c9tude sur la d\u00e9pression"
    assert encoding == "iso8859-15"


def test_decode_unknown_declared_charset_is_ignored():
    text, encoding, _ = decode_bytes("caf\u00e9".encode("cp1252"), PATH, declared="no-such-charset")
    assert (text, encoding) == ("caf\u00e9", "cp1252")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_bom(codec):
    # Some Windows tools save "Unicode" text without a byte-order mark.
    text, encoding, warnings = decode_bytes(TEXT.encode(codec), PATH)
    assert (text, encoding) == (TEXT, codec)
    assert warnings and warnings[0].startswith("W001")


def test_decode_nul_bytes_on_both_parities_are_binary():
    # NULs on even and odd offsets alike: not UTF-16 text, whatever its length
    data = (b"ab\x00\x00cd\x00e" * 40)
    with pytest.raises(InputError) as info:
        decode_bytes(data, PATH)
    assert info.value.code == "E004"


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    b"%PDF-1.4 \x00\x01\x02\x03",
    bytes(range(1, 32)) * 50,  # control characters without NUL
])
def test_decode_binary_is_refused(data):
    with pytest.raises(InputError) as info:
        decode_bytes(data, PATH)
    assert info.value.code == "E004"
    assert str(PATH) in str(info.value)


def test_decode_truncated_utf16_is_undecodable():
    with pytest.raises(InputError) as info:
        decode_bytes(codecs.BOM_UTF16_LE + b"A\x00B", PATH)
    assert info.value.code == "E005"


def test_decode_declared_latin1_read_as_cp1252_like_browsers():
    data = "\u201cQuoted\u201d caf\u00e9 text".encode("cp1252")
    text, encoding, _ = decode_bytes(data, PATH, declared="ISO-8859-1")
    assert (text, encoding) == ("\u201cQuoted\u201d caf\u00e9 text", "cp1252")


def test_decode_utf8_with_stray_cp1252_bytes():
    # UTF-8 accents plus one quote pasted from a cp1252 source.
    data = "Caf\u00e9 cr\u00e8me na\u00efve: ".encode("utf-8") + b"\x93quoted\x94 text."
    text, encoding, warnings = decode_bytes(data, PATH)
    assert text == "Caf\u00e9 cr\u00e8me na\u00efve: \u201cquoted\u201d text."
    assert encoding == "utf-8"
    assert warnings[0].startswith("W003")


def test_decode_cp1252_with_accidental_utf8_sequence_stays_cp1252():
    # "É’" is C9 92 in cp1252, which is also a valid UTF-8 sequence; the many other
    # cp1252 bytes outvote it.
    original = "CAF\u00c9\u2019S \u201cbest\u201d na\u00efve caf\u00e9 r\u00e9sum\u00e9."
    text, encoding, _ = decode_bytes(original.encode("cp1252"), PATH)
    assert (text, encoding) == (original, "cp1252")
