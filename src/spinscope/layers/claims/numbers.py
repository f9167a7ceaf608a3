"""Reading numbers written in digits, words and vague amounts ("twenty-seven", "1.5 million", "10s", "dozens")."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

__all__ = ["Amount", "word_value", "read_amount", "VAGUE", "SCALES", "HEDGES"]

logger = logging.getLogger(__name__)

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "mn": 1_000_000}

#: Plural amount words that name an order of magnitude, not a number: bounds as (low, high).
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "tens": (20, 99), "10s": (20, 99), "hundreds": (200, 999),
    "100s": (200, 999), "thousands": (2_000, 9_999), "1000s": (2_000, 9_999), "millions": (2_000_000, 9_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
}

#: Hedge phrases before a number → which bound the number sets ("low", "high", or None for "about").
HEDGES: dict[str, str | None] = {
    "at least": "low", "more than": "low", "over": "low", "above": "low", "in excess of": "low",
    "upwards of": "low", "no fewer than": "low", "no less than": "low", "as many as": "high", "as much as": "high",
    "just over": "low", "well over": "low", "nearly": "high", "almost": "high", "up to": "high",
    "less than": "high", "fewer than": "high", "under": "high", "below": "high", "just under": "high",
    "at most": "high", "close to": "high", "about": None, "around": None, "approximately": None, "roughly": None,
    "some": None, "an estimated": None, "estimated": None, "approx.": None, "circa": None, "nearly all": "high",
}

_DIGITS = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_DIGIT_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(k|m|bn|mn)$", re.I)


@dataclass(frozen=True, slots=True)
class Amount:
    """A number as read from text: exact value or bounds, and whether it is vague."""

    value: float | None
    low: float | None
    high: float | None
    approximate: bool


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def word_value(word: str) -> float | None:
    """Return the numeric value of one token written in digits or words, or None."""
    w = word.lower().strip()
    if _DIGITS.match(w):
        return float(w.replace(",", ""))
    m = _DIGIT_SCALE.match(w)
    if m:
        return float(m.group(1)) * SCALES[m.group(2).lower()]
    if w in UNITS and w not in ("a", "an"):
        return float(UNITS[w])
    if "-" in w:
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in UNITS and parts[1] in UNITS:
            return float(UNITS[parts[0]] + UNITS[parts[1]])
    return None


def read_amount(words: list[str]) -> Amount | None:
    """Read a sequence of number words ("1.5", "million"; "twenty", "-", "seven"; "dozens") as one amount."""
    words = [w for w in words if w.lower() not in ("-", "and", ",", "of")]
    if not words:
        return None
    low_words = [w.lower() for w in words]
    if len(low_words) == 1 and low_words[0] in VAGUE:
        lo, hi = VAGUE[low_words[0]]
        return Amount(None, lo, hi, True)
    # "tens of thousands", "hundreds of millions": vague multiplier of a scale word.
    if len(low_words) == 2 and low_words[0] in VAGUE and low_words[1].rstrip("s") in SCALES:
        lo, hi = VAGUE[low_words[0]]
        scale = SCALES[low_words[1].rstrip("s")]
        return Amount(None, lo * scale, hi * scale, True)
    total = 0.0
    current: float | None = None
    for w in low_words:
        if w in SCALES and w not in ("k", "m", "bn", "mn"):
            current = (current if current is not None else 1.0) * SCALES[w]
            if SCALES[w] >= 1000:
                total += current
                current = None
            continue
        if w in ("a", "an"):
            current = 1.0 if current is None else current
            continue
        v = word_value(w)
        if v is None:
            return None
        current = v if current is None else current + v
    total += current or 0.0
    value = _num(total)
    return Amount(value, value, value, False)
