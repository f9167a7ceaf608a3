"""Fuzzing the readers: any bytes give documents or a ReadError, never another exception."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spinscope.errors import ReadError
from spinscope.read import iter_bytes, read_bytes

_FORMATS = st.sampled_from([None, "text", "markdown", "html", "jsonl", "warc"])
_FRAGMENTS = st.sampled_from([
    b"<html>", b"<body>", b"<p>", b"</p>", b"<script>alert(1)", b"</script>", b"<!--", b"-->", b"&amp;", b"&#x1F600;",
    b"TEHRAN - ", b"date 2021-05-26 ", b"## ", b"\n\n", b"\r\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xe9",
    b'{"text": "', b'"}', b"WARC/1.0\r\n", b"\x1f\x8b", b"$\\frac{https://www.radiohc.cu/x$", b"Radio Habana Cuba",
    b"The minister said the talks would resume. ", b"\xe2\x80\x9c", b"\xe2\x80",
])
_INPUTS = st.one_of(st.binary(max_size=600), st.lists(_FRAGMENTS, max_size=40).map(b"".join))


def _check(data: bytes, fmt: str | None) -> None:
    try:
        items = list(iter_bytes(data, "fuzz", fmt=fmt))
    except ReadError:
        return
    for item in items:
        if isinstance(item, ReadError):
            continue
        assert item.text
        for offset in (0, len(item.text) // 2, len(item.text)):
            assert 0 <= item.offsets.to_source(offset) <= len(data) + 1
        assert all(0 <= t <= len(item.text) for t in item.offsets.text_anchors)
        assert list(item.offsets.text_anchors) == sorted(item.offsets.text_anchors)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_INPUTS, _FORMATS)
def test_any_bytes_read_or_raise_read_error(data: bytes, fmt: str | None) -> None:
    _check(data, fmt)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.text(max_size=40), st.one_of(st.none(), st.text(max_size=30)))
def test_any_text_file_keeps_its_text(text: str, title: str, published: str | None) -> None:
    data = text.encode("utf-8")
    try:
        docs = read_bytes(data, "fuzz.txt")
    except ReadError:
        return
    assert docs[0].text == text  # plain UTF-8 text is never changed
    record = json.dumps({"text": text, "title": title, "published": published}).encode()
    try:
        (doc,) = read_bytes(record, "fuzz.jsonl")
    except ReadError:
        return
    assert doc.text == text
