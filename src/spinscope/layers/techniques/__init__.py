"""Persuasion techniques: spans labelled with the 23 SemEval-2023 techniques, and a paragraph roll-up."""

from spinscope.layers.techniques.labels import LABELS, PTC_LABELS, TECHNIQUES, Technique, technique, to_ptc
from spinscope.layers.techniques.layer import TechniquesLayer

__all__ = ["TechniquesLayer", "LABELS", "PTC_LABELS", "TECHNIQUES", "Technique", "technique", "to_ptc"]
