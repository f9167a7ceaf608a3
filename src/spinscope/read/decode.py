"""Bytes to text: which encodings are read, which are refused, and why.

Policy (a file either decodes faithfully or is refused; it is never silently mangled):
- UTF-8 is read as is. A BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) selects its encoding and is dropped.
- UTF-16 without a BOM is read when its zero bytes say so unmistakably (ASCII-heavy text).
- Valid UTF-8 cut inside its last character (a truncated download) loses that partial character only.
- Bytes that are not UTF-8 and contain no UTF-8 multi-byte sequence at all are legacy 8-bit text: read
  as Windows-1252 (a superset of Latin-1's printable range), logged, so offsets still count characters.
- Mixed input (valid UTF-8 sequences next to invalid bytes) is refused with E004: no single encoding
  explains it, and decoding with replacement characters would feed corrupt text to the analysis.
- Zero bytes, or many control bytes, mean binary: E002.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

from spinscope.errors import ErrorCode, ReadError

__all__ = ["Decoded", "decode", "looks_binary"]

logger = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes other than tab, newline, vertical tab, form feed, carriage return and escape.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Bytes Windows-1252 leaves undefined: text in that encoding never contains them.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_SNIFF = 8192
_MAX_CONTROL_RATIO = 0.05


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding used, and how many source characters (a BOM) precede it."""

    text: str
    encoding: str
    skipped: int = 0


def looks_binary(data: bytes) -> bool:
    """Return True if the bytes look like binary data rather than 8-bit or UTF-8 text."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > _MAX_CONTROL_RATIO * max(len(head), 1)


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:_SNIFF]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.9 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def decode(data: bytes, source: str) -> Decoded:
    """Return the text of the bytes, or raise ReadError (E001 empty, E002 binary, E004 undecodable)."""
    decoded = _decode(data, source)
    if not decoded.text.strip():
        raise ReadError(ErrorCode.E001, source)
    return decoded


def _decode(data: bytes, source: str) -> Decoded:
    if not data.strip():
        raise ReadError(ErrorCode.E001, source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(ErrorCode.E004, source, f"invalid {encoding} after its byte-order mark") from exc
            return Decoded(text, encoding, skipped=1)
    if b"\x00" in data[:_SNIFF]:
        text16 = _utf16_without_bom(data)
        if text16 is not None:
            logger.info("%s: read as UTF-16 without a byte-order mark", source)
            return Decoded(text16, "utf-16")
    if looks_binary(data):
        raise ReadError(ErrorCode.E002, source)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        error = exc
    if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
        logger.warning("%s: truncated inside its last UTF-8 character; that character is dropped", source)
        return Decoded(data[: error.start].decode("utf-8"), "utf-8")
    if not _UTF8_MULTIBYTE.search(data) and not _CP1252_UNDEFINED.search(data):
        logger.warning("%s: not UTF-8; read as Windows-1252 (Latin-1)", source)
        return Decoded(data.decode("cp1252"), "cp1252")
    raise ReadError(ErrorCode.E004, source, f"invalid UTF-8 at byte {error.start}, mixed with valid UTF-8")
