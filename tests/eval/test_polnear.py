"""PolNeAR evaluation: brat round trip, the scorer's definitions, and the recorded dev scores (gate)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.eval.polnear import Attribution, gold_file, read_brat, run, score, write_brat
from tests.conftest import SHARED_DATA as SHARED
from tests.eval.gates import assert_not_below, assert_recorded_data, recorded

DEV = SHARED / "polnear" / "dev"


@pytest.fixture(scope="module")
def dev() -> Path:
    if not DEV.is_dir():
        pytest.skip(f"PolNeAR dev not found at {DEV}")
    return DEV


def test_brat_round_trip_keeps_every_attribution(dev: Path) -> None:
    stem = "breitbart_2016-09-12_stealth-over-health-hillary-clin"
    text = (dev / "text" / f"{stem}.txt").read_text(encoding="utf-8")
    gold = read_brat(gold_file(dev, stem).read_text(encoding="utf-8"), text)  # type: ignore[union-attr]
    assert len(gold) == 6
    assert text[slice(*gold[0].source[0])] == "The New York Post"
    again = read_brat(write_brat(gold, text), text)
    assert sorted(again, key=lambda a: a.content) == sorted(gold, key=lambda a: a.content)


def test_discontinuous_spans_are_read_as_trimmed_fragments() -> None:
    text = "“Judge,” Brafman said, “I have never had that happen.”"
    ann = "T1\tContent 0 8;22 54\t“Judge,” “I have never had that happen.”\nT2\tSource 9 16\tBrafman\n" \
          "T3\tCue 17 21\tsaid\nT4\tAttribution 17 21\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    (attr,) = read_brat(ann, text)
    assert attr.content == ((0, 8), (23, 54))  # the fragment's leading space is trimmed
    assert attr.source == ((9, 16),)


def test_gold_against_itself_scores_one_and_nothing_scores_zero(dev: Path) -> None:
    pairs = []
    for f in sorted((dev / "text").glob("*.txt"))[:10]:
        text = f.read_text(encoding="utf-8")
        pairs.append(read_brat(gold_file(dev, f.stem).read_text(encoding="utf-8"), text))  # type: ignore[union-attr]
    perfect = score((g, g) for g in pairs)
    assert perfect["content_exact_f1"] == perfect["source_exact_f1"] == perfect["attribution_f1"] == 1.0
    empty = score(([], g) for g in pairs)
    assert empty["content_overlap_f1"] == 0.0 and empty["attribution_r"] == 0.0


def test_overlap_matches_each_gold_span_once() -> None:
    gold = [Attribution(((0, 5),), ((6, 10),), ((11, 40),))]
    pred = [Attribution(((0, 5),), ((6, 10),), ((11, 20),)), Attribution((), ((6, 10),), ((21, 30),))]
    s = score([(pred, gold)])
    assert s["content_overlap_p"] == 0.5 and s["content_overlap_r"] == 1.0
    assert s["content_exact_f1"] == 0.0
    assert s["attribution_p"] == 0.5


def test_attribution_needs_the_source_where_gold_has_one() -> None:
    gold = [Attribution(((0, 5),), ((6, 10),), ((11, 40),))]
    assert score([([Attribution(((41, 45),), ((6, 10),), ((11, 40),))], gold)])["attribution_f1"] == 0.0
    no_source_gold = [Attribution((), ((6, 10),), ((11, 40),))]
    assert score([([Attribution(((41, 45),), ((6, 10),), ((11, 40),))], no_source_gold)])["attribution_f1"] == 1.0


def test_dev_scores_do_not_drop_below_recorded(dev: Path, tmp_path: Path) -> None:
    """Gate: `spinscope eval polnear --data DEV` reproduces the recorded figures (within 0.005)."""
    record = recorded("polnear", "test_polnear_scores.json")
    assert_recorded_data(dev, record)
    scores = run(dev, tmp_path / "pred")
    assert len(list((tmp_path / "pred").glob("*.ann"))) == len(list((dev / "text").glob("*.txt")))
    assert_not_below(scores, record["scores"])
