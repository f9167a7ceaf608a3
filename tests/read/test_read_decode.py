"""Bad and unusual encodings: each is read faithfully or refused with one ReadError naming the file."""

from __future__ import annotations

import codecs
import logging

import pytest

from spinscope.errors import ErrorCode, ReadError
from spinscope.read import read_bytes
from spinscope.read.decode import decode

ARTICLE = "TEHRAN - Le président a déclaré: «Nous avons gagné», selon l'agence.\n\nFin de l'article."


def _code(data: bytes, name: str = "bad.txt") -> ErrorCode:
    with pytest.raises(ReadError) as info:
        read_bytes(data, name)
    assert info.value.subject == name
    assert name in str(info.value)
    return info.value.code


def test_empty_file_is_e001() -> None:
    assert _code(b"") is ErrorCode.E001


def test_whitespace_only_file_is_e001() -> None:
    assert _code(b" \n\n\t \r\n") is ErrorCode.E001


def test_bom_only_file_is_e001() -> None:
    assert _code(codecs.BOM_UTF8 + b"\n") is ErrorCode.E001


def test_binary_file_is_e002() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert _code(png, "image.png") is ErrorCode.E002


def test_gzip_that_is_not_warc_is_e002() -> None:
    import gzip

    assert _code(gzip.compress(b"hello world" * 50), "notes.gz") is ErrorCode.E002


def test_latin1_is_read_as_windows_1252_with_a_log_note(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        (doc,) = read_bytes(ARTICLE.encode("latin-1"), "latin1.txt")
    assert doc.text == ARTICLE
    assert doc.meta.language == "fr"
    assert doc.meta.dateline == "Tehran"
    assert any("Windows-1252" in r.getMessage() for r in caplog.records)


def test_windows_1252_curly_quotes_are_read() -> None:
    text = "He said \u201cwe won\u201d \u2013 and left.\n"
    (doc,) = read_bytes(text.encode("cp1252"), "cp1252.txt")
    assert doc.text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_bom_encodings_are_read(encoding: str) -> None:
    bom = {"utf-16": b"", "utf-16-be": codecs.BOM_UTF16_BE, "utf-32": b""}[encoding]
    data = bom + ARTICLE.encode(encoding)
    (doc,) = read_bytes(data, "wide.txt")
    assert doc.text == ARTICLE
    assert doc.offsets.to_source(0) == 1  # the BOM is one source character


def test_utf16_without_bom_is_read() -> None:
    assert decode(ARTICLE.encode("utf-16-le"), "x").text == ARTICLE


def test_invalid_utf8_mixed_with_valid_utf8_is_e004() -> None:
    data = "déjà vu ".encode() + b"\xff\xfe broken \x80 bytes " + "naïve".encode()
    assert _code(data) is ErrorCode.E004


def test_invalid_utf16_after_bom_is_e004() -> None:
    assert _code(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8") is ErrorCode.E004


def test_utf8_truncated_inside_last_character_drops_only_that_character() -> None:
    data = "Un article complet sur l'été".encode()[:-1]
    (doc,) = read_bytes(data, "cut.txt")
    assert doc.text == "Un article complet sur l'ét"


def test_control_heavy_bytes_are_binary() -> None:
    assert _code(b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 20) is ErrorCode.E002
