"""Sentence vectors and the blended check-worthiness score: encoding, storage, and the layer's cascade."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from spinscope.document import Document, Span
from spinscope.layers.claims import ClaimsLayer
from spinscope.layers.claims.worthiness import MODEL_PATH, load_model, make_sentences, model_info, sentence_vectors
from spinscope.layers.nlp import NlpLayer, parse
from spinscope.link.claims import find_dispute
from spinscope.pipeline import Pipeline
from tests.conftest import TEHRAN


def _claims(text: str, blend: bool) -> list[Span]:
    """The claims of a text through the nlp and claims layers, with or without the blend."""
    return Pipeline([NlpLayer(), ClaimsLayer(blend=blend)])(Document(text, "example")).spans("claims")


def test_vectors_are_unit_and_do_not_depend_on_the_batch() -> None:
    texts = ["Unemployment fell to 4 percent last year.", "Joblessness dropped to four percent in 2019.",
             "Thank you, and good night, everybody in this wonderful hall tonight."]
    v = sentence_vectors(texts)
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0)
    # Each text alone gives the same vector as in a padded batch.
    assert np.allclose(sentence_vectors(texts[:1]), v[:1], atol=1e-5)
    # A paraphrase is nearer than an unrelated line.
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2


def test_shipped_model_blends_the_dense_scores_and_survives_save_and_load(tmp_path: Path) -> None:
    model = load_model()
    assert model.dense is not None and model.dense.positives.shape[1] == 384
    texts = ["We lost 70,000 factories since China entered the WTO.", "Thank you very much.", "We will win."]
    sents = make_sentences(texts, ["TRUMP", "TRUMP", "HOLT"])
    full, sparse = model.decision(sents), model.sparse_decision(sents)
    assert not np.allclose(full, sparse)
    # Vectors given up front score exactly as vectors the model encodes itself.
    given = make_sentences(texts, ["TRUMP", "TRUMP", "HOLT"], sentence_vectors(texts))
    assert np.allclose(model.decision(given), full, atol=1e-9)
    path = tmp_path / "worthiness.npz"
    model.save(path, model_info(MODEL_PATH))
    again = load_model(path)
    assert again.dense is not None and again.dense.blend == model.dense.blend
    assert np.allclose(again.decision(sents), full, atol=1e-5)


def test_blend_keeps_news_scores_calibrated(example_sentences: list[str]) -> None:
    """The dense scores are centred: on news they move sentences up and down, they do not sink them all
    (a blend that added the regression's own prior sank every sentence below the layer's threshold)."""
    model = load_model()
    sents = make_sentences(example_sentences, vectors=sentence_vectors(example_sentences))
    shift = model.decision(sents) - model.sparse_decision(sents)
    assert abs(float(np.median(shift))) < 1.0
    assert (shift > 0).any() and (shift < 0).any()


@pytest.fixture(scope="module")
def example_sentences() -> list[str]:
    doc = Document(TEHRAN.read_text(encoding="utf-8"), "example")
    return [s.text.strip() for s in parse(doc).sents]


def test_cascade_scores_kept_sentences_fully_and_leaves_the_rest_below_it(example_sentences: list[str]) -> None:
    layer = ClaimsLayer(blend=True)
    forced = np.zeros(len(example_sentences), dtype=bool)
    forced[0] = True
    cascaded = layer.scores(example_sentences, forced)
    full = ClaimsLayer(blend=True, cascade=None).scores(example_sentences, forced)
    sparse = 1 / (1 + np.exp(-layer.model.sparse_decision(make_sentences(example_sentences))))
    # The default layer scores with the sparse model alone.
    assert np.allclose(ClaimsLayer().scores(example_sentences, forced), sparse)
    kept = forced | (sparse >= layer.cascade)
    assert 0 < kept.sum() < len(example_sentences)
    # Kept sentences get the blended score, whose neighbours' vectors were encoded too.
    assert np.allclose(cascaded[kept], full[kept], atol=1e-9)
    assert np.allclose(cascaded[~kept], sparse[~kept]) and (cascaded[~kept] < layer.cascade).all()


def test_blended_layer_in_a_pipeline_keeps_every_numeric_claim() -> None:
    """The opt-in blend through the pipeline on a real article: the same numeric claims as the default layer
    (they are kept whatever their score), every score a probability, and other sentences kept only by score."""
    text = TEHRAN.read_text(encoding="utf-8")
    default, blended = _claims(text, blend=False), _claims(text, blend=True)
    numeric = {(c.start, c.end) for c in default if c.attrs["quantities"]}
    assert numeric and numeric == {(c.start, c.end) for c in blended if c.attrs["quantities"]}
    assert all(0.0 <= c.score <= 1.0 for c in blended)
    by_score = [c for c in blended if not c.attrs["quantities"] and find_dispute(text[c.start : c.end]) is None]
    assert all(c.score >= ClaimsLayer().threshold for c in by_score)


def test_the_blend_setting_turns_the_blend_on_for_spinscope_analyze(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """SPINSCOPE_CLAIMS_BLEND=1 gives `spinscope analyze` the blended scores of ClaimsLayer(blend=True); 0 (the
    default) the sparse ones; an explicit argument wins over the setting."""
    path = TEHRAN
    text = path.read_text(encoding="utf-8")
    exe = Path(sys.executable).with_name("spinscope")

    def cli(value: str) -> list[tuple[int, int, float]]:
        proc = subprocess.run([str(exe), "analyze", str(path), "--layers", "nlp,claims", "-f", "json", "-q"],
                              env={**os.environ, "SPINSCOPE_CLAIMS_BLEND": value}, capture_output=True, text=True,
                              check=True, timeout=600)
        return [(c["start"], c["end"], c["score"]) for c in json.loads(proc.stdout)[0]["claims"]]

    def local(blend: bool) -> list[tuple[int, int, float]]:
        return [(c.start, c.end, c.score) for c in _claims(text, blend)]

    blended, sparse = local(True), local(False)
    assert [s[2] for s in blended] != pytest.approx([s[2] for s in sparse]) or len(blended) != len(sparse)
    for value, expected in (("1", blended), ("0", sparse)):
        got = cli(value)
        assert [g[:2] for g in got] == [e[:2] for e in expected]
        assert [g[2] for g in got] == pytest.approx([e[2] for e in expected], abs=1e-4)
    monkeypatch.setenv("SPINSCOPE_CLAIMS_BLEND", "1")
    assert ClaimsLayer().blend is True and ClaimsLayer(blend=False).blend is False
