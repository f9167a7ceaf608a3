"""Metadata found in a text: title, URL, outlet line, language, and enrich() keeping known values."""

from __future__ import annotations

import pytest

from spinscope.document import Document, Meta, Outlet
from spinscope.meta import enrich, from_text
from spinscope.meta.language import detect
from spinscope.meta.title import find_title
from spinscope.meta.url import find_url

BODY = "The minister said the talks would resume next week, according to officials in the capital.\n"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("\n## Big headline here\n\n" + BODY, "Big headline here"),
        ("# **Bold headline**\n\n" + BODY, "Bold headline"),
        ("Title: A labelled headline\n\n" + BODY, "A labelled headline"),
        ("Setext headline\n===============\n\n" + BODY, "Setext headline"),
        ("Will the talks resume?\n\n" + BODY, "Will the talks resume?"),
        ("Plain headline without a full stop\n\n" + BODY, "Plain headline without a full stop"),
        (BODY + "\n" + BODY, None),  # a first sentence is not a title
        ("Headline with no body\n", None),
        ("One\n\n" + BODY, None),  # one word is a label, not a headline
        ("- a list item\n\n" + BODY, None),
        ("https://example.org/story\n\n" + BODY, None),
    ],
)
def test_find_title(text: str, title: str | None) -> None:
    found = find_title(text)
    assert (found[0] if found else None) == title
    if found:
        assert found[0] in text[found[1] : found[2]] or text[found[1] : found[2]].strip("*_") == found[0]


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (BODY + "\n $\\frac{https://www.radiohc.cu/en/1-a-b$ \n", "https://www.radiohc.cu/en/1-a-b"),
        (BODY + "\nSource: https://www.presstv.ir/Detail/2021/05/26/1.\n", "https://www.presstv.ir/Detail/2021/05/26/1"),
        (BODY + "\n[https://tehrantimes.com/news/1](https://tehrantimes.com/news/1)\n", None),
        ("Read more at https://example.org/a in the report that came out today.\n", None),
        (BODY, None),
    ],
)
def test_find_url(text: str, url: str | None) -> None:
    found = find_url(text)
    assert (found[0] if found else None) == url
    if found:
        assert text[found[1] : found[2]] == found[0]


def test_outlet_from_trailing_line() -> None:
    meta = from_text(BODY + "\nPress TV\n")
    assert meta.outlet is not None and meta.outlet.domain == "presstv.ir"


def test_unknown_trailing_line_gives_no_outlet() -> None:
    assert from_text(BODY + "\nThe End\n").outlet is None


def test_url_domain_wins_over_trailing_line() -> None:
    meta = from_text(BODY + "\nhttps://www.tehrantimes.com/news/1\n\nPress TV\n")
    assert meta.outlet is not None and meta.outlet.name == "Tehran Times"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs.", "fr"),
        ("أعلنت الحكومة يوم الثلاثاء عن سلسلة جديدة من الإجراءات لدعم المزارعين في البلاد.", "ar"),
        ("Правительство во вторник объявило о новом пакете мер поддержки фермеров в стране.", "ru"),
        ("El gobierno anunció el martes una nueva serie de medidas para apoyar a los agricultores.", "es"),
        (BODY, "en"),
        ("Hello", None),  # too short to tell
        ("12345 67890 !!!", None),
    ],
)
def test_language(text: str, code: str | None) -> None:
    assert detect(text) == code


def test_enrich_keeps_known_values_and_fills_gaps() -> None:
    known = Outlet(name="Some Outlet")
    doc = Document(text="TEHRAN - " + BODY, source="x", meta=Meta(title="Given", outlet=known))
    enriched = enrich(doc)
    assert enriched.meta.title == "Given"
    assert enriched.meta.outlet is known
    assert enriched.meta.dateline == "Tehran"
    assert enriched.meta.language == "en"
    assert enriched.text == doc.text and enriched.id == doc.id


def test_enrich_resolves_outlet_from_known_url() -> None:
    doc = Document(text=BODY, source="x", meta=Meta(url="https://www.presstv.ir/Detail/1"))
    outlet = enrich(doc).meta.outlet
    assert outlet is not None and outlet.name == "Press TV"


def test_date_only_line_then_dateline() -> None:
    meta = from_text("May 26, 2021\n\nGAZA CITY - " + BODY)
    assert (meta.published, meta.dateline) == ("2021-05-26", "Gaza City")


def test_body_date_is_not_the_publication_date() -> None:
    meta = from_text("Officials said on May 21, 2021 that the ceasefire held in the region for now.\n")
    assert meta.published is None
