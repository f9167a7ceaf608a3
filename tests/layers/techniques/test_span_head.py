"""The span head: label probabilities from the MiniLM embedding of a span's own text, blended into span labels."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from spinscope.layers.techniques.encoder import SpanHead
from spinscope.layers.techniques.features import ArticleContext, span_scalars, tokenize
from spinscope.layers.techniques.model import (
    ADAPTER,
    MODEL_DIR,
    TechniquesModel,
    blend_labels,
    load_model,
    tokens_of_span,
)


@pytest.fixture(scope="module")
def tehran(examples: list[Path]) -> str:
    return examples[1].read_text(encoding="utf-8")


def _word_spans(text: str, model: TechniquesModel) -> list[tuple[int, int]]:
    """Three real word ranges of the text: a short phrase, a clause, a whole line."""
    tokens = model.evidence(text).tokens
    return [(3, 5), (10, 20), (0, max(i for i, t in enumerate(tokens) if t.line == tokens[0].line))]


def test_shipped_model_blends_the_span_head_into_span_labels(tehran: str) -> None:
    model = load_model()
    assert model.tagger is not None and model.tagger.span_head is not None
    assert 0 < model.decoding.span_head_weight < 1
    ev = model.evidence(tehran)
    spans = _word_spans(tehran, model)
    got = model.classify_blended(tehran, ev, spans, model.decoding)
    head = model.span_head_probabilities(tehran, ev, spans)
    assert head is not None and head.shape == (len(spans), len(model.labels))
    np.testing.assert_allclose(head.sum(axis=1), 1.0, rtol=1e-5)
    tagger = np.stack([ev.tagger_labels(a, b) for a, b in spans])
    expected = blend_labels(model.classify(tehran, ev.ctx, spans), tagger, head, model.decoding)
    np.testing.assert_allclose(got, expected)
    w = model.decoding.span_head_weight
    without = model.classify_blended(tehran, ev, spans, replace(model.decoding, span_head_weight=0.0))
    np.testing.assert_allclose(got, (1 - w) * without + w * head, rtol=1e-5, atol=1e-7)


def test_each_span_is_embedded_once_per_text(tehran: str, monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_model()
    embedder = model.tagger.embedder
    embedded: list[str] = []
    original = embedder.embed_texts

    def counting(texts: list[str], batch_size: int = 32) -> np.ndarray:
        embedded.extend(texts)
        return original(texts, batch_size)

    monkeypatch.setattr(embedder, "embed_texts", counting)
    text = tehran + "\nA line added so that this text is not one an earlier test already analysed."
    spans, _ = model.analyse(text)
    assert spans and embedded
    # One embedding per word range that was labelled (ranges decoded for the spans and the roll-up: once each).
    first = len(embedded)
    ev = model.evidence(text)
    assert first == len(ev.span_inputs)
    model.analyse(text)  # the same text again: its evidence, span inputs included, is remembered
    assert len(embedded) == first
    # The TC path asks for gold offsets on the same words: nothing is embedded twice.
    known = next(iter(ev.span_inputs))
    model.classify_offsets(text, [(ev.tokens[known[0]].start, ev.tokens[known[1]].end)])
    assert len(embedded) == first


def test_roll_up_spans_weigh_the_span_head_as_tuned_for_paragraphs(tehran: str) -> None:
    model = load_model()
    dec = model.decoding
    rollup = dec.for_rollup()
    assert rollup.threshold == dec.rollup_threshold and rollup.span_head_weight == dec.rollup_span_head_weight
    ev = model.evidence(tehran)
    spans, rows = model.analyse(tehran)
    assert spans == model.labelled_spans(tehran, ev, dec)
    assert rows == model.paragraph_labels(tehran, ev, model.labelled_spans(tehran, ev, rollup), dec)
    # An old model folder's decoding (no span head) rolls up the spans it shows, as before.
    old = replace(dec, span_head_weight=0.0, rollup_span_head_weight=0.0, rollup_threshold=dec.threshold)
    assert old.for_rollup() == old


def test_span_head_arrays_round_trip(tehran: str) -> None:
    model = load_model()
    head = model.tagger.span_head
    again = SpanHead.from_arrays(head.arrays())
    ev = model.evidence(tehran)
    spans = _word_spans(tehran, model)
    model.span_head_probabilities(tehran, ev, spans)
    X = np.stack([ev.span_inputs[r] for r in spans])
    np.testing.assert_array_equal(again(X), head(X))
    assert SpanHead.from_arrays({"head_w1": np.zeros(1)}) is None


def test_a_model_folder_without_a_span_head_still_labels_spans(tmp_path: Path, tehran: str) -> None:
    folder = tmp_path / "techniques"
    shutil.copytree(MODEL_DIR, folder)
    arrays = dict(np.load(folder / ADAPTER))
    np.savez_compressed(folder / ADAPTER, **{k: v for k, v in arrays.items() if not k.startswith("span_")})
    lines = []
    for line in (folder / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines():
        _, name = line.split(maxsplit=1)
        lines.append(f"{hashlib.sha256((folder / name).read_bytes()).hexdigest()}  {name}\n")
    (folder / "MANIFEST.sha256").write_text("".join(lines), encoding="utf-8")
    model = TechniquesModel.load(folder)
    assert model.tagger is not None and model.tagger.span_head is None
    ev = model.evidence(tehran)
    assert model.span_head_probabilities(tehran, ev, _word_spans(tehran, model)) is None
    spans, rows = model.analyse(tehran)
    assert spans and any(found for *_, found in rows)


def test_span_scalars_count_repetition_in_the_article() -> None:
    text = "Lock her up! The crowd chanted it again.\nLock her up! they cried."
    tokens = tokenize(text)
    ctx = ArticleContext.of(tokens)
    a, b = tokens_of_span(tokens, 0, len("Lock her up"))
    length, repeats, repeated = span_scalars(ctx, a, b)
    assert length == pytest.approx(np.log1p(3))
    assert repeats == pytest.approx(np.log1p(2)) and repeated == 1.0
    c, d = tokens_of_span(tokens, text.index("crowd"), text.index("crowd") + 5)
    assert span_scalars(ctx, c, d)[2] == 0.0
