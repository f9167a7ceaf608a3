"""Which reader a file needs: by its name first, then by its first bytes."""

from __future__ import annotations

import json
import logging
import re
import zlib

__all__ = ["FORMATS", "format_of_name", "is_warc", "sniff"]

logger = logging.getLogger(__name__)

FORMATS = ("text", "markdown", "html", "jsonl", "warc")
_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc", ".warc.gz": "warc",
}  # fmt: skip
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(rb"<(?:p|div|article|body|title|meta|script)\b[^>]*>", re.I)
_SNIFF = 4096


def format_of_name(name: str) -> str | None:
    """Return the format a file name promises, or None."""
    lower = name.lower()
    for suffix, fmt in sorted(_BY_SUFFIX.items(), key=lambda kv: -len(kv[0])):
        if lower.endswith(suffix):
            return fmt
    return None


def _gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:_SNIFF], _SNIFF)
    except zlib.error:
        return b""


def is_warc(head: bytes) -> bool:
    """Return True if the first bytes (plain or gzipped) start a WARC record."""
    if head.startswith(b"\x1f\x8b"):
        head = _gunzip_head(head)
    return head.startswith(b"WARC/")


def sniff(data: bytes, name: str = "") -> str:
    """Return the format of some bytes; the name's suffix decides when it has a known one."""
    by_name = format_of_name(name) if name else None
    if by_name:
        return by_name
    head = data[:_SNIFF]
    if is_warc(head):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        # Gzipped but not WARC: let the text reader refuse it as binary.
        return "text"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML_START.match(stripped) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        try:
            record = json.loads(first)
        except ValueError:
            record = None
        if isinstance(record, dict) and "text" in record:
            return "jsonl"
    return "text"
