"""Plain-text and Markdown reading: the two bundled examples are the acceptance cases."""

from __future__ import annotations

from pathlib import Path

from spinscope.document import Document
from spinscope.read import read_bytes, read_paths

ROOT = Path(__file__).resolve().parents[2]
RHC = ROOT / "examples" / "000_0d4423ccaaff396e.txt"
TEHRAN = ROOT / "examples" / "004_f84c2f7eacc5cb2b.txt"


def _read(path: Path) -> Document:
    items = list(read_paths([str(path)]))
    assert len(items) == 1
    assert isinstance(items[0], Document), items[0]
    return items[0]


def test_rhc_example_metadata_and_unchanged_text() -> None:
    doc = _read(RHC)
    assert doc.text == RHC.read_text(encoding="utf-8")  # leading blank line and LaTeX junk included
    assert doc.source == str(RHC)
    assert doc.offsets.to_source(100) == 100
    meta = doc.meta
    assert meta.title == "Hamas official affirms Israeli genocide of Palestinians finally exposed to the world"
    assert meta.url == (
        "https://www.radiohc.cu/index.php/en/noticias/internacionales/"
        "338433-hamas-official-affirms-israeli-genocide-of-palestinians-finally-exposed-to-the-world"
    )
    assert meta.outlet is not None
    assert (meta.outlet.name, meta.outlet.domain, meta.outlet.country) == ("Radio Habana Cuba", "radiohc.cu", "Cuba")
    assert meta.outlet.state_affiliated is True
    assert meta.published == "--11-03"  # the text gives no year, so none is invented
    assert meta.dateline == "Tehran"
    assert meta.language == "en"


def test_tehran_example_metadata() -> None:
    doc = _read(TEHRAN)
    assert doc.text == TEHRAN.read_text(encoding="utf-8")
    meta = doc.meta
    assert meta.published == "2021-05-26"
    assert meta.dateline == "Tehran"  # "TEHRAN" normalised
    assert meta.title is None  # the first line is the body's first sentence
    assert meta.outlet is None  # "Press TV" in the body is an interviewer, not the outlet
    assert meta.url is None
    assert meta.language == "en"


def test_document_id_is_content_hash_prefix() -> None:
    doc = _read(TEHRAN)
    assert doc.id == doc.hash[:16]


def test_markdown_suffix_reads_the_same_text(tmp_path: Path) -> None:
    target = tmp_path / "rhc.md"
    target.write_bytes(RHC.read_bytes())
    doc = _read(target)
    assert doc.text == RHC.read_text(encoding="utf-8")
    assert doc.meta.title is not None and doc.meta.title.startswith("Hamas official")


def test_utf8_bom_is_dropped_and_offsets_shift_by_one() -> None:
    data = b"\xef\xbb\xbf" + TEHRAN.read_bytes()
    (doc,) = read_bytes(data, "bom.txt")
    assert doc.text == TEHRAN.read_text(encoding="utf-8")
    assert doc.offsets.to_source(0) == 1
    assert doc.offsets.to_source(10) == 11


def test_crlf_text_is_kept_unchanged() -> None:
    data = TEHRAN.read_bytes().replace(b"\n", b"\r\n")
    (doc,) = read_bytes(data, "crlf.txt")
    assert doc.text == data.decode("utf-8")
    assert doc.meta.dateline == "Tehran"
    assert doc.meta.published == "2021-05-26"


def test_ptc_article_offsets_match_the_corpus(shared_data: Path) -> None:
    # The labels are character offsets into the file text: the reader must not change a character.
    article = shared_data / "ptc" / "train" / "articles" / "article111111111.txt"
    doc = _read(article)
    assert doc.text == article.read_text(encoding="utf-8")
    assert doc.meta.title == "Next plague outbreak in Madagascar could be 'stronger': WHO"
    assert doc.meta.dateline == "Geneva"
