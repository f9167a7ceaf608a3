"""Speaker and turn features of transcripts, and the leave-file-out speaker priors."""

from __future__ import annotations

import numpy as np
import pytest

from spinscope.layers.claims.speech import normalise_speaker, speaker_priors, turn_features
from spinscope.layers.claims.worthiness import load_model, make_sentences


def test_one_key_per_person_across_spellings() -> None:
    assert {normalise_speaker(s) for s in ("Donald Trump", "TRUMP", "MR. TRUMP", "DONALD TRUMP")} == {"trump"}
    assert normalise_speaker("SEN. BERNIE SANDERS") == "sanders"
    assert normalise_speaker("") == ""


def test_turns_moderator_and_stage_directions() -> None:
    speakers = ["HOLT", "TRUMP", "TRUMP", "TRUMP", "SYSTEM", "HOLT"]
    texts = ["Your answer?", "We lost 70,000 factories.", "Believe me.", "It's true.", "[applause]", "Next?"]
    f = turn_features(speakers, texts)
    assert f[4, 0] == 1.0 and f[1, 0] == 0.0  # non-speech line
    assert f[0, 2] == 1.0 and f[1, 2] == 0.0  # the moderator asks, the candidate does not
    assert f[1, 3] == 1.0 and f[2, 3] == 0.0 and f[3, 4] == 1.0  # turn start and end
    assert f[1, 7] == 1.0 and f[0, 7] == 0.0  # the speaker with most lines
    assert f[1, 1] == pytest.approx(3 / 6)


def test_priors_never_see_their_own_file() -> None:
    keys = ["trump", "trump", "holt", "trump"]
    labels = [1, 0, 0, 0]
    table, own = speaker_priors(keys, labels, ["a", "a", "a", "b"])
    assert table["trump"] > table["holt"]
    # File a's Trump lines only see file b (no positive) and holt is unseen outside file a.
    assert own[0, 0] < 0 and own[0, 1] == 1.0 and own[2, 1] == 0.0
    # File b's Trump line sees file a's positive.
    assert own[3, 0] > 0


def test_news_text_reads_as_a_monologue_and_scores_match_the_plain_call() -> None:
    texts = ["Israel said 12 people were killed.", "The weather was fine."]
    sents = make_sentences(texts)
    assert all(s.speaker == "" and s.turn[1] == 1.0 for s in sents)
    model = load_model()
    scores = model.score(sents)
    assert scores[0] > scores[1]
    assert np.allclose(model.score(make_sentences(texts, ["", ""])), scores)


def test_static_word_vectors_survive_save_and_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from spinscope.layers.claims.worthiness import MODEL_PATH, model_info

    model = load_model()
    assert model.vectors is not None and len(model.vectors.columns) == model.vectors.vectors.shape[0]
    sents = make_sentences(["Unemployment fell to 4 percent last year.", "Thank you very much.", "We will win."],
                           ["TRUMP", "TRUMP", "HOLT"])
    path = tmp_path / "worthiness.npz"
    model.save(path, model_info(MODEL_PATH))
    again = load_model(path)
    assert np.allclose(again.decision(sents), model.decision(sents), atol=1e-6)
    # Unknown words only: the vector mean is zero, not NaN.
    assert np.isfinite(model.decision(make_sentences(["Xqzt vvrrk."]))).all()
