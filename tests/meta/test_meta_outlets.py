"""Outlet resolution from domains and names, over the bundled table and the project's additions."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from spinscope.meta.outlets import normalise_domain, resolve


def test_radio_habana_cuba_is_a_project_addition() -> None:
    outlet = resolve(domain="https://www.radiohc.cu/index.php/en/noticias/1")
    assert outlet is not None
    assert (outlet.name, outlet.domain, outlet.country, outlet.state_affiliated, outlet.typology) == (
        "Radio Habana Cuba", "radiohc.cu", "Cuba", True, "SC")


@pytest.mark.parametrize(
    ("domain", "name", "country"),
    [
        ("presstv.ir", "Press TV", "Iran"),
        ("https://www.tehrantimes.com/news/1", "Tehran Times", "Iran"),
        ("WWW.RT.COM", "RT International", "Russia"),
        ("hispantv.com", "HispanTV", "Iran"),
    ],
)
def test_domains_resolve(domain: str, name: str, country: str) -> None:
    outlet = resolve(domain=domain)
    assert outlet is not None and outlet.name == name and outlet.country == country


def test_subdomain_falls_back_to_parent_domain() -> None:
    outlet = resolve(domain="https://english.presstv.ir/detail/1")
    assert outlet is not None and outlet.name == "Press TV"


def test_more_specific_subdomain_wins_over_parent() -> None:
    outlet = resolve(domain="francais.rt.com")
    assert outlet is not None and outlet.name == "RT France"


def test_name_match_is_case_insensitive_on_assets_and_companies() -> None:
    press = resolve(name="press tv")
    assert press is not None and press.domain == "presstv.ir"
    rhc = resolve(name="RADIO HABANA CUBA")
    assert rhc is not None and rhc.domain == "radiohc.cu"
    # A media company's name resolves to one of its assets.
    irib = resolve(name="Islamic Republic of Iran Broadcasting")
    assert irib is not None and irib.country == "Iran"


def test_independent_public_media_are_not_state_affiliated() -> None:
    npr = resolve(domain="npr.org")
    assert npr is not None and npr.typology == "IP" and npr.state_affiliated is False


def test_unknown_outlet_is_none() -> None:
    assert resolve(domain="example.org") is None
    assert resolve(name="The Daily Nowhere") is None
    assert resolve() is None
    assert resolve(domain="com") is None  # a bare TLD never matches


def test_domain_is_tried_before_name() -> None:
    outlet = resolve(domain="tehrantimes.com", name="Press TV")
    assert outlet is not None and outlet.name == "Tehran Times"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("https://www.PressTV.ir:443/x", "presstv.ir"), ("parstoday.ir", "parstoday.ir"), ("", None), ("nodot", None)],
)
def test_normalise_domain(value: str, expected: str | None) -> None:
    assert normalise_domain(value) == expected


def test_bundled_table_rows_are_complete() -> None:
    text = resources.files("spinscope.data").joinpath("outlets.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) > 1000
    codes = {"SC", "CaPu", "CaPr", "ISFM", "ISF", "ISM", "IP"}
    for row in rows:
        assert row["name"] and row["country"]
        assert row["typology"] in codes, row
        assert row["state_affiliated"] == ("false" if row["typology"] == "IP" else "true")
