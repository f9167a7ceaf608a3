"""The technique inventory: the 23 labels of the official list, definitions for each, and the 23 → 14 mapping."""

from __future__ import annotations

from pathlib import Path

from spinscope.layers.techniques.labels import LABELS, NO_PTC_EQUIVALENT, PTC_LABELS, TECHNIQUES, TO_PTC, to_ptc


def test_labels_are_exactly_the_official_23(shared_data: Path) -> None:
    official = (shared_data / "semeval2023t3" / "techniques_subtask3.txt").read_text(encoding="utf-8").split()
    assert sorted(LABELS) == sorted(official)
    assert len(LABELS) == 23


def test_ptc_labels_are_exactly_the_official_14(shared_data: Path) -> None:
    path = shared_data / "ptc" / "propaganda-techniques-names-semeval2020task11.txt"
    official = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sorted(PTC_LABELS) == sorted(official)


def test_every_technique_has_a_distinct_definition_and_example() -> None:
    assert len({t.definition for t in TECHNIQUES}) == 23
    assert len({t.example for t in TECHNIQUES}) == 23
    for t in TECHNIQUES:
        assert len(t.definition.split()) >= 8, t.label
        assert t.example.strip() and t.name.strip(), t.label


def test_mapping_reaches_every_ptc_label_and_leaves_the_unmappable_out() -> None:
    assert set(TO_PTC.values()) == set(PTC_LABELS)
    assert set(TO_PTC) | NO_PTC_EQUIVALENT == set(LABELS)
    assert {"Appeal_to_Values", "Appeal_to_Time", "Consequential_Oversimplification",
                                 "Obfuscation-Vagueness-Confusion", "Questioning_the_Reputation"} == NO_PTC_EQUIVALENT
    assert to_ptc("False_Dilemma-No_Choice") == "Black-and-White_Fallacy"
    assert to_ptc("Appeal_to_Time") is None
