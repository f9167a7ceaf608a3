"""Fine-tuning the MiniLM tagger: word targets reach their wordpieces, LoRA updates are stored and merge exactly."""

from __future__ import annotations

import numpy as np
import pytest

from spinscope.errors import ModelError
from spinscope.layers.techniques.encoder import LORA_TARGETS, Embedder, MiniLMTagger, TaggerHead, merge_lora
from spinscope.layers.techniques.features import tokenize
from spinscope.train.techniques_neural import _piece_targets, adapt, fit_tagger

TEXT = "Unbelievable traitors! They betrayed the nation, the minister said."


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


@pytest.fixture(scope="module")
def arrays() -> dict[str, np.ndarray]:
    """One short pass of fine-tuning over two tiny articles."""
    docs = []
    for text in (TEXT, "Crooked politicians never stop lying.\n\nThe vote is on Tuesday."):
        tokens = tokenize(text)
        y = np.zeros((len(tokens), 3), dtype=np.float32)
        y[:3, 0] = y[:3, 1] = 1.0  # the first three words are a span of label 1
        docs.append((text, tokens, y))
    return fit_tagger(docs, seed=3, epochs=2, lr=1e-2)


def test_word_targets_reach_every_piece_of_the_word(embedder: Embedder) -> None:
    tokens = tokenize(TEXT)
    y = np.zeros((len(tokens), 2), dtype=np.float32)
    y[1] = [1.0, 0.5]  # "traitors": two wordpieces
    ids, targets = _piece_targets(embedder.tokenizer, TEXT, tokens, y)
    offsets = embedder.tokenizer(TEXT, add_special_tokens=False, return_offsets_mapping=True)["offset_mapping"]
    in_first = [tokens[1].start <= start < tokens[1].end for start, _ in offsets]
    assert len(ids) == len(targets) == len(offsets) and sum(in_first) > 1
    for inside, row in zip(in_first, targets, strict=True):
        assert row.tolist() == ([1.0, 0.5] if inside else [0.0, 0.0])


def test_fine_tuning_stores_an_update_for_every_adapted_layer(arrays: dict[str, np.ndarray]) -> None:
    names = {k[len("lora.") : -len(".A")] for k in arrays if k.endswith(".A")}
    assert names == {f"encoder.layer.{n}.{t}" for n in range(6) for t in LORA_TARGETS}
    assert all(arrays[f"lora.{n}.A"].dtype == np.float16 for n in names)
    # B starts at zero; training moved it, so the merged encoder differs from the packaged one.
    assert max(float(np.abs(arrays[f"lora.{n}.B"]).max()) for n in names) > 0
    assert arrays["head_w2"].shape[1] == 3


def test_merged_weights_compute_what_the_adapted_layers_computed(embedder: Embedder,
                                                                  arrays: dict[str, np.ndarray]) -> None:
    import torch
    from transformers import AutoModel

    from spinscope.layers.techniques.encoder import base_path

    scale = float(arrays["lora_scale"][0])
    adapted = AutoModel.from_pretrained(str(base_path())).eval()
    layers = adapt(adapted, arrays["lora.encoder.layer.0.attention.self.query.A"].shape[0], scale)
    assert {f"lora.{name}.A" for name in layers} == {k for k in arrays if k.endswith(".A")}
    with torch.no_grad():
        for name, wrapped in layers.items():
            wrapped.A.copy_(torch.from_numpy(arrays[f"lora.{name}.A"].astype(np.float32)))
            wrapped.B.copy_(torch.from_numpy(arrays[f"lora.{name}.B"].astype(np.float32)))
    merged = Embedder(lora=arrays)
    enc = merged.tokenizer(TEXT, return_tensors="pt")
    with torch.inference_mode():
        want = adapted(**enc).last_hidden_state
        got = merged.model(**enc).last_hidden_state
        base = embedder.model(**enc).last_hidden_state
    assert torch.allclose(got, want, atol=1e-4)
    assert not torch.allclose(got, base, atol=1e-3)


def test_a_fine_tuned_tagger_scores_every_word(arrays: dict[str, np.ndarray]) -> None:
    tokens = tokenize(TEXT)
    probs = MiniLMTagger(Embedder(lora=arrays), TaggerHead.from_arrays(arrays)).word_probabilities(TEXT, tokens)
    assert probs.shape == (len(tokens), 3)
    assert ((probs > 0) & (probs < 1)).all()


def test_an_update_for_a_layer_the_encoder_lacks_is_refused(embedder: Embedder) -> None:
    bad = {"lora_scale": np.array([2.0]), "lora.encoder.layer.9.nothing.A": np.zeros((2, 4)),
           "lora.encoder.layer.9.nothing.B": np.zeros((4, 2))}
    with pytest.raises(ModelError, match="lacks"):
        merge_lora(embedder.model, bad)
