"""Speaker and turn structure of a transcript: who speaks, how much, whether they ask, where a turn starts.

Check-worthy lines come from the candidates, not from moderators, the audience or stage directions, so these
label-free features (computed from one document alone) and a speaker prior learned on training files help
ranking. News text has no speaker column: it reads as one speaker's monologue (speaker "").
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

__all__ = ["normalise_speaker", "turn_features", "speaker_priors", "N_TURN", "NON_SPEECH"]

logger = logging.getLogger(__name__)

#: Speaker labels of lines nobody in the debate said (audience reactions, anonymous questions).
NON_SPEECH = frozenset({"system", "question", "audience", "unknown", "unidentified"})
_TITLE = re.compile(r"^(mr|mrs|ms|sen|senator|gov|governor|dr|president|secretary|vice president)\.?\s+", re.I)
N_TURN = 8


def normalise_speaker(name: str) -> str:
    """One key per person across files: "Donald Trump", "TRUMP" and "MR. TRUMP" all give "trump"."""
    words = _TITLE.sub("", name.strip()).split()
    return words[-1].lower() if words else ""


def turn_features(speakers: Sequence[str], texts: Sequence[str]) -> np.ndarray:
    """Per line: non-speech, speaker's share of lines, their question rate, turn start/end, turn length."""
    n = len(texts)
    keys = [normalise_speaker(s) for s in speakers]
    count = Counter(keys)
    asks = Counter(k for k, t in zip(keys, texts, strict=True) if t.rstrip().endswith("?"))
    turn_of, turn = [], 0
    for i in range(n):
        if i and keys[i - 1] != keys[i]:
            turn += 1
        turn_of.append(turn)
    turn_len = Counter(turn_of)
    top = max(count.values()) if count else 0
    out = np.zeros((n, N_TURN))
    for i, (k, t) in enumerate(zip(keys, texts, strict=True)):
        out[i] = [
            1.0 if k in NON_SPEECH or t.lstrip().startswith("[") else 0.0,
            count[k] / n,
            asks[k] / count[k],
            1.0 if i == 0 or keys[i - 1] != k else 0.0,
            1.0 if i == n - 1 or keys[i + 1] != k else 0.0,
            min(math.log1p(turn_len[turn_of[i]]) / 4, 1.5),
            1.0 if k in NON_SPEECH else 0.0,
            1.0 if count[k] == top else 0.0,
        ]
    return out


def speaker_priors(keys: Sequence[str], labels: Sequence[int], groups: Sequence[str],
                   alpha: float = 20.0) -> tuple[dict[str, float], np.ndarray]:
    """Smoothed log-odds of check-worthy lines by speaker: the table for new files, and for each training line
    [log-odds, known] computed without its own file (so the model never learns from a prior that saw the label)."""
    y = np.asarray(labels, dtype=np.float64)
    base = max(float(y.mean()), 1e-6)
    tot: Counter[str] = Counter(keys)
    pos: Counter[str] = Counter()
    ftot: Counter[tuple[str, str]] = Counter(zip(keys, groups, strict=True))
    fpos: Counter[tuple[str, str]] = Counter()
    for k, g, lab in zip(keys, groups, y, strict=True):
        pos[k] += lab
        fpos[(k, g)] += lab

    def value(t: float, p: float) -> float:
        return math.log((p + alpha * base) / (t + alpha) / base) / 3

    table = {k: value(tot[k], pos[k]) for k in tot if k}
    own = np.zeros((len(keys), 2))
    for i, (k, g) in enumerate(zip(keys, groups, strict=True)):
        seen = tot[k] - ftot[(k, g)]
        if k and seen > 0:
            own[i] = [value(seen, pos[k] - fpos[(k, g)]), 1.0]
    return table, own
