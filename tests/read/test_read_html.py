"""HTML pages of 20 outlet-like structures: only the article body comes out, with metadata and offsets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from spinscope.document import Document
from spinscope.errors import ErrorCode, ReadError
from spinscope.read import read_bytes, read_paths

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
EXPECTED: dict[str, dict[str, object]] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def _read(name: str) -> Document:
    (doc,) = read_paths([str(FIXTURES / name)])
    assert isinstance(doc, Document), doc
    return doc


def test_there_are_twenty_pages_of_distinct_structures() -> None:
    assert len(EXPECTED) == 20
    assert len({e["structure"] for e in EXPECTED.values()}) >= 10


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_only_the_article_body_comes_out(name: str) -> None:
    expected = EXPECTED[name]
    doc = _read(name)
    for sentence in expected["present"]:  # type: ignore[union-attr]
        assert sentence in doc.text, sentence
    for boilerplate in expected["absent"]:  # type: ignore[union-attr]
        assert boilerplate not in doc.text, boilerplate


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_metadata(name: str) -> None:
    expected = EXPECTED[name]
    doc = _read(name)
    assert doc.meta.title == expected["title"]
    assert doc.meta.published == expected["published"]
    assert doc.meta.outlet is not None
    name, wanted = doc.meta.outlet.name.lower(), str(expected["outlet"]).lower()
    assert wanted in name or name in wanted or name.split()[0] == wanted.split()[0], (name, wanted)
    assert doc.meta.language == "en"
    assert doc.meta.dateline == expected["dateline"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_word_maps_back_into_the_page(name: str) -> None:
    page = (FIXTURES / name).read_text(encoding="utf-8")
    doc = _read(name)
    import html

    mapped = 0
    words = list(re.finditer(r"\S+", doc.text))
    for word in words:
        start = doc.offsets.to_source(word.start())
        # The page spells the word with entities and inline tags; unescaping its neighbourhood finds it.
        window = html.unescape(re.sub(r"<[^>]+>", "", page[start : start + 4 * len(word.group()) + 40]))
        mapped += window.startswith(word.group()[:3])
    assert mapped >= 0.95 * len(words)


def test_state_outlet_from_url_domain() -> None:
    doc = _read("08_radiohc_sugar.html")
    assert doc.meta.outlet is not None
    assert (doc.meta.outlet.domain, doc.meta.outlet.state_affiliated) == ("radiohc.cu", True)
    assert doc.meta.dateline == "Havana"


def test_unknown_site_keeps_its_name_with_unknown_affiliation() -> None:
    doc = _read("16_harbor_gazette.html")
    assert doc.meta.outlet is not None
    assert (doc.meta.outlet.name, doc.meta.outlet.state_affiliated) == ("The Harbor Gazette", None)


def test_page_without_date_has_no_published_date() -> None:
    assert _read("17_valley_courier.html").meta.published is None


def test_script_only_page_is_e005() -> None:
    page = b"<html><head><script>var a = 1;</script></head><body><script>document.write('x')</script></body></html>"
    with pytest.raises(ReadError) as info:
        read_bytes(page, "scripts.html")
    assert info.value.code is ErrorCode.E005


def test_declared_legacy_charset_is_honoured() -> None:
    text = "Правительство объявило о новом пакете мер поддержки фермеров в стране на этой неделе."
    page = (f"<html><head><meta charset='windows-1251'></head><body><article><p>{text}</p><p>{text}</p>"
            "</article></body></html>")
    (doc,) = read_bytes(page.encode("cp1251"), "ru.html")
    assert text in doc.text and doc.meta.language == "ru"
