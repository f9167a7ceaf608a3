"""Reading number words, digits and vague amounts."""

from __future__ import annotations

import pytest

from spinscope.layers.claims.numbers import read_amount, word_value


@pytest.mark.parametrize(("words", "value"), [(["twenty", "-", "seven"], 27), (["1.5", "million"], 1_500_000),
                                              (["240,255"], 240255), (["two", "hundred", "and", "fifty"], 250),
                                              (["a", "dozen"], 12), (["Ninety-two"], 92)])
def test_exact(words, value) -> None:
    a = read_amount(words)
    assert a is not None and a.value == value and not a.approximate


def test_vague() -> None:
    a = read_amount(["tens", "of", "thousands"])
    assert a is not None and a.value is None and a.low == 20_000 and a.approximate
    assert read_amount(["10s"]).low == 20  # type: ignore[union-attr]


def test_not_a_number() -> None:
    assert word_value("tanks") is None and read_amount(["tanks"]) is None
