"""The MiniLM tagger's plumbing: windows cover every wordpiece, and piece scores land on the right words."""

from __future__ import annotations

import numpy as np

from spinscope.layers.techniques.encoder import WINDOW, windows, word_probabilities
from spinscope.layers.techniques.features import tokenize


def test_windows_cover_every_piece_within_the_limit() -> None:
    ids = list(range(1000, 1700))
    wins = windows(ids, cls_id=101, sep_id=102)
    covered = set()
    for offset, w in wins:
        assert len(w) <= WINDOW and w[0] == 101 and w[-1] == 102
        assert w[1:-1] == ids[offset : offset + len(w) - 2]
        covered.update(range(offset, offset + len(w) - 2))
    assert covered == set(range(len(ids)))


def test_short_input_is_one_window() -> None:
    assert windows([5, 6, 7], cls_id=1, sep_id=2) == [(0, [1, 5, 6, 7, 2])]


def test_piece_probabilities_average_into_their_words() -> None:
    text = "Unbelievable traitors!"
    tokens = tokenize(text)  # Unbelievable | traitors | !
    # Pieces: "un", "##believ", "##able", "traitors", "!"
    offsets = np.array([[0, 2], [2, 8], [8, 12], [13, 21], [21, 22]])
    probs = np.array([[0.2], [0.4], [0.6], [0.9], [0.1]])
    out = word_probabilities(text, tokens, offsets, probs)
    assert np.allclose(out[:, 0], [0.4, 0.9, 0.1])
