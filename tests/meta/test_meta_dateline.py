"""Datelines at the start of a body line, with place names normalised."""

from __future__ import annotations

import pytest

from spinscope.meta import header_end
from spinscope.meta.dateline import parse_dateline


@pytest.mark.parametrize(
    ("line", "place", "date", "agency"),
    [
        ("Tehran, November 3 (RHC)-- The representative", "Tehran", "--11-03", "RHC"),
        ("TEHRAN - Hamas has said", "Tehran", None, None),
        ("Geneva - The World Health Organisation", "Geneva", None, None),
        ("WASHINGTON, May 3 (Reuters) - The", "Washington", "--05-03", "Reuters"),
        ("GAZA CITY, Gaza Strip (AP) — Israeli", "Gaza City", None, "AP"),
        ("AL-QUDS -- The", "Al-Quds", None, None),
        ("NEW YORK (AFP) - A", "New York", None, "AFP"),
        ("Ankara, Turkey, May 3, 2021 (AA) - The", "Ankara", "2021-05-03", "AA"),
        ("MOSCOW: Russia said", "Moscow", None, None),
        ("US - The talks", "US", None, None),
        ("MOSCOW, August 21. /TASS/. A research vessel", "Moscow", "--08-21", "TASS"),
        ("Mashhad, IRNA – Saffron growers", "Mashhad", None, "IRNA"),
        ("Latakia, SANA- The olive harvest", "Latakia", None, "SANA"),
        ("Santiago de Cuba, Feb 16 (Prensa Latina) The coffee harvest", "Santiago de Cuba", "--02-16", "Prensa Latina"),
        ("HANGZHOU, April 18 (Xinhua) -- Tea farmers", "Hangzhou", "--04-18", "Xinhua"),
        # The day before the month, as BelTA writes it (no dateline was found, and its agency was a person).
        ("MINSK, 3 July (BelTA) - Belarus has never", "Minsk", "--07-03", "BelTA"),
        ("London, 12 March 2024 (AFP) - The", "London", "2024-03-12", "AFP"),
    ],
)
def test_datelines(line: str, place: str, date: str | None, agency: str | None) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert (found.place, found.date, found.agency) == (place, date, agency)
    assert found.start == 0 and line[found.end - 1] in "-–—: " or line[found.end - 1].isspace()


@pytest.mark.parametrize(
    "line",
    [
        "The representative of Hamas - said",
        "Speaking in an interview with Press TV on Friday, Khaled Qaddoumi said",
        "Beirut (AFP) - lower-case body",
        "Hamas said - nothing",
        "The Parliament (Majlis) The vote",  # a parenthesis alone, mid-sentence, is no agency
        "Iran, Iraq and Syria - the three",
        "Paris, 14 (AFP) - A day without a month",
        "",
    ],
)
def test_not_datelines(line: str) -> None:
    assert parse_dateline(line) is None


def test_offset_is_added() -> None:
    found = parse_dateline("  TEHRAN - X", offset=100)
    assert found is not None and (found.start, found.end) == (102, 111)


@pytest.mark.parametrize(("line", "words"), [
    (" date 2021-05-26 TEHRAN - Hamas has said", "Hamas has said"),
    ("Tehran, November 3 (RHC)-- The representative of Hamas", "The representative of Hamas"),
    ("TEHRAN - Iran has opened a terminal", "Iran has opened a terminal"),
    ("Hamas has said the Palestinians won", "Hamas has said the Palestinians won"),  # nothing opens it
    ("TEHRAN -", "TEHRAN -"),  # a dateline with nothing after it is left whole
])
def test_header_end_is_where_the_line_s_own_words_start(line: str, words: str) -> None:
    assert line[header_end(line):] == words


def test_a_place_in_capitals_on_a_line_of_its_own_is_the_dateline() -> None:
    # Anadolu sets its dateline on a line of its own ("ANKARA"); none was found.
    from spinscope.meta import from_text

    found = from_text("Erdogan says Turkiye will not remain silent\n\nANKARA\n\nTurkish President Erdogan said ...")
    assert found.dateline == "Ankara"
    # Guard: a label in capitals is no place.
    assert from_text("Title here\n\nBREAKING\n\nSomething happened.").dateline is None
