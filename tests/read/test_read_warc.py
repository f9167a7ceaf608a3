"""WARC: every HTML or text response is a document with its target URI as source and URL."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from spinscope.document import Document
from spinscope.errors import ErrorCode, ReadError
from spinscope.read import iter_bytes, read_bytes, read_paths

PAGE = (
    "<html lang='en'><head><title>Talks resume</title></head><body><nav>Home | World</nav><article>"
    "<h1>Talks resume in Vienna</h1><p>TEHRAN - Iran's foreign minister said on Monday that the talks in "
    "Vienna would resume next week after a pause of several days.</p><p>He said both sides had made "
    "progress on the main questions, according to the ministry.</p></article>"
    "<footer>Copyright Press TV</footer></body></html>"
)


def _warc(records: list[tuple[str, str, bytes, str]], gz: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for uri, ctype, payload, status in records:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http))
    writer.write_record(writer.create_warc_record("https://www.presstv.ir/a", "request",
                                                  payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    return out.getvalue()


RECORDS = [
    ("https://www.presstv.ir/Detail/2021/05/26/1", "text/html; charset=utf-8", PAGE.encode(), "200 OK"),
    ("https://www.presstv.ir/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00", "200 OK"),
    ("https://www.presstv.ir/old", "text/html", b"<html></html>", "301 Moved Permanently"),
    ("https://www.presstv.ir/empty", "text/html", b"<html><body><nav>Home</nav></body></html>", "200 OK"),
    ("https://example.org/notes.txt", "text/plain", b"GENEVA - A plain text note of some length here.", "200 OK"),
]


def test_gzipped_warc_file(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc(RECORDS, gz=True))
    items = list(read_paths([str(path)]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [d.source for d in docs] == ["https://www.presstv.ir/Detail/2021/05/26/1", "https://example.org/notes.txt"]
    page = docs[0]
    assert "Vienna would resume next week" in page.text and "Copyright" not in page.text
    assert page.meta.url == "https://www.presstv.ir/Detail/2021/05/26/1"
    assert page.meta.outlet is not None and page.meta.outlet.name == "Press TV"
    assert page.meta.published == "2021-05-26" and page.meta.dateline == "Tehran"
    assert docs[1].meta.url == "https://example.org/notes.txt" and docs[1].meta.dateline == "Geneva"
    assert [(e.code, e.subject) for e in errors] == [(ErrorCode.E005, "https://www.presstv.ir/empty")]


def test_uncompressed_warc_is_sniffed_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "crawl.bin"
    path.write_bytes(_warc(RECORDS[:1], gz=False))
    docs = list(read_paths([str(path)]))
    assert len(docs) == 1 and isinstance(docs[0], Document)


def test_record_over_the_limit_is_e003_and_the_rest_goes_on(tmp_path: Path) -> None:
    big = ("<html><body><p>" + "word " * 5000 + "</p></body></html>").encode()
    path = tmp_path / "c.warc"
    path.write_bytes(_warc([("https://a.example/big", "text/html", big, "200 OK"), *RECORDS[:1]], gz=False))
    items = list(read_paths([str(path)], max_bytes=len(PAGE) + 100))
    assert isinstance(items[0], ReadError) and items[0].code is ErrorCode.E003
    assert isinstance(items[1], Document)


def test_truncated_warc_yields_the_records_before_the_cut_then_names_the_cut(tmp_path: Path) -> None:
    # warcio stops silently where a record's headers are cut short: the records before it still come out,
    # and the cut is reported against the file, plain or gzipped, read from a path or from bytes.
    # Plain: cut inside the headers of the text note; gzipped: inside the last (request) record.
    for gz, kept in ((False, [RECORDS[0][0]]), (True, [RECORDS[0][0], RECORDS[4][0]])):
        data = _warc(RECORDS, gz=gz)
        cut = data.index(b"https://example.org/notes.txt") + 200 if not gz else len(data) - 30
        path = tmp_path / f"cut{int(gz)}.warc"
        path.write_bytes(data[:cut])
        for items in (list(iter_bytes(data[:cut], "cut.warc")), list(read_paths([str(path)]))):
            docs = [i for i in items if isinstance(i, Document)]
            errors = [i for i in items if isinstance(i, ReadError)]
            assert [d.source for d in docs] == kept
            assert errors[0].subject == RECORDS[3][0]  # the page with no article text
            assert errors[-1].code is ErrorCode.E006 and "truncated WARC" in errors[-1].detail
            assert errors[-1].subject in ("cut.warc", str(path))


def test_record_cut_inside_its_page_is_refused_by_uri_and_a_whole_file_has_no_such_error() -> None:
    data = _warc(RECORDS, gz=False)
    items = list(iter_bytes(data[: data.index(b"Vienna would") + 10], "c.warc"))
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert items[0].code is ErrorCode.E006 and items[0].subject == RECORDS[0][0]
    assert "cut short" in items[0].detail
    whole = list(iter_bytes(data + b"\r\n", "c.warc"))
    assert not any(isinstance(i, ReadError) and i.code is ErrorCode.E006 for i in whole)


def test_garbage_with_warc_suffix_is_one_error() -> None:
    items = list(iter_bytes(gzip.compress(b"not a warc at all"), "x.warc.gz"))
    assert len(items) == 1 and isinstance(items[0], ReadError) and items[0].code is ErrorCode.E006


def test_read_bytes_of_a_warc_raises_on_a_bad_record() -> None:
    try:
        read_bytes(_warc(RECORDS, gz=False), "c.warc")
    except ReadError as exc:
        assert exc.subject == "https://www.presstv.ir/empty"
    else:
        raise AssertionError("expected a ReadError")


def test_chunked_page_with_bytes_after_its_last_chunk_is_read_not_called_cut() -> None:
    """Regression: the payload decoder stops at a chunked body's last chunk, leaving the record's trailing bytes
    unread; that is not a record cut short."""
    body = PAGE.encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(body[i : i + 100]), body[i : i + 100]) for i in range(0, len(body), 100))
    for gz in (False, True):
        out = io.BytesIO()
        writer = WARCWriter(out, gzip=gz)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(RECORDS[0][0], "response", http_headers=http,
                                                      payload=io.BytesIO(chunked + b"0\r\n\r\n\r\n\r\n")))
        items = list(iter_bytes(out.getvalue(), "c.warc"))
        assert len(items) == 1 and isinstance(items[0], Document), items
        assert "Vienna would resume next week" in items[0].text


def test_spinscope_ingest_stores_the_pages_before_a_cut_and_names_the_cut_file(tmp_path: Path) -> None:
    """The user's path: `spinscope ingest crawl.warc` on a file cut short stores what came before the cut, names
    the file and the reason on stderr, and exits 1; ingesting it again stores nothing twice."""
    data = _warc(RECORDS, gz=False)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[: data.index(b"https://example.org/notes.txt") + 200])
    exe = Path(sys.executable).with_name("spinscope")
    store = str(tmp_path / "s.sqlite")
    for _ in range(2):
        proc = subprocess.run([str(exe), "ingest", str(path), "--store", store, "--layers", "nlp", "-q"],
                              capture_output=True, text=True, env=dict(os.environ), timeout=600, check=False)
        assert proc.returncode == 1, proc.stderr
        assert "E006" in proc.stderr and str(path) in proc.stderr and "truncated WARC" in proc.stderr
    listing = subprocess.run([str(exe), "list", "--store", store, "--format", "jsonl"], capture_output=True,
                             text=True, timeout=600, check=True).stdout.splitlines()
    assert [json.loads(line)["source"] for line in listing] == [RECORDS[0][0]]
