"""Train the MiniLM word tagger, seeded.

`fit_head`: a head on frozen encoder vectors (`spinscope train techniques`, on the CPU). `fit_tagger`: low-rank
(LoRA) updates of the packaged encoder fine-tuned jointly with the head (`spinscope train techniques-lora`, the
shipped model): on a GPU when torch sees one (about 10 s per pass over the 371 training articles on an H100),
else on the CPU (about 290 s per pass on 2 cores). The packaged weights stay untouched either way.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import numpy as np

from spinscope.layers.techniques.encoder import LORA_TARGETS, TaggerHead, base_path, piece_words, windows
from spinscope.layers.techniques.features import Token

__all__ = ["fit_head", "fit_tagger", "adapt", "training_device", "HIDDEN", "EPOCHS", "TUNE_EPOCHS"]

logger = logging.getLogger(__name__)

HIDDEN = 256
EPOCHS = 6


def _head_net(dim: int, hidden: int, outputs: int, dropout: float) -> Any:
    """Return the trainable form of TaggerHead: linear, ReLU, dropout, linear."""
    import torch

    return torch.nn.Sequential(torch.nn.Linear(dim, hidden), torch.nn.ReLU(), torch.nn.Dropout(dropout),
                               torch.nn.Linear(hidden, outputs))


def _as_head(net: Any) -> TaggerHead:
    """Return the numpy TaggerHead of a trained _head_net."""
    first, last = net[0], net[3]
    return TaggerHead(first.weight.detach().numpy().T.copy(), first.bias.detach().numpy().copy(),
                      last.weight.detach().numpy().T.copy(), last.bias.detach().numpy().copy())


def _column_weights(outputs: int) -> Any:
    """Return the loss weight of each output: "any technique" (column 0) weighs as much as the labels together."""
    import torch

    weights = torch.ones(outputs)
    weights[0] = float(outputs - 1)
    return weights


def fit_head(X: np.ndarray, Y: np.ndarray, seed: int, hidden: int = HIDDEN, epochs: int = EPOCHS,
             batch_size: int = 512, lr: float = 2e-3) -> TaggerHead:
    """Fit a one-hidden-layer multi-label head (BCE) on word vectors X (n × dim) and targets Y (n × outputs)."""
    import torch

    t0 = time.perf_counter()
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    net = _head_net(X.shape[1], hidden, Y.shape[1], dropout=0.2)
    optimizer = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=1e-4)
    loss_fn = torch.nn.BCEWithLogitsLoss(weight=_column_weights(Y.shape[1]))
    Xt = torch.from_numpy(np.ascontiguousarray(X, dtype=np.float32))
    Yt = torch.from_numpy(np.ascontiguousarray(Y, dtype=np.float32))
    net.train()
    for epoch in range(epochs):
        order = torch.randperm(len(Xt), generator=gen)
        total = 0.0
        for i in range(0, len(order), batch_size):
            idx = order[i : i + batch_size]
            loss = loss_fn(net(Xt[idx]), Yt[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += float(loss.detach()) * len(idx)
        logger.debug("head epoch %d loss %.4f", epoch + 1, total / len(Xt))
    net.eval()
    logger.info("tagger head fitted on %d words in %.0f s", len(X), time.perf_counter() - t0)
    return _as_head(net)


#: Fine-tuning: LoRA rank and scale, passes over the training windows, learning rate (warm-up, then linear decay).
RANK = 16
ALPHA = 32.0
#: Passes and peak learning rate chosen by out-of-fold word average precision ("any technique") over the three
#: training folds, never PTC dev: 3 passes at 2e-4 0.340, 6 at 3e-4 0.356, 10 at 3e-4 0.340, 6 at 6e-4 0.345.
TUNE_EPOCHS = 6
TUNE_LR = 3e-4
HEAD_LR_FACTOR = 10.0


def training_device() -> str:
    """Return where fine-tuning runs: the GPU when torch sees one, else the CPU (same code, same seed)."""
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def _piece_targets(tokenizer: Any, text: str, tokens: list[Token], Y: np.ndarray) -> tuple[list[int], np.ndarray]:
    """Return the wordpiece ids of a text and each piece's targets (its word's; NaN where a piece is in no word)."""
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    word = piece_words(text, tokens, np.array(enc["offset_mapping"], dtype=np.int64).reshape(-1, 2))
    out = np.full((len(word), Y.shape[1]), np.nan, dtype=np.float32)
    out[word >= 0] = Y[word[word >= 0]]
    return list(enc["input_ids"]), out


def fit_tagger(docs: list[tuple[str, list[Token], np.ndarray]], seed: int, epochs: int | None = None,
               hidden: int = HIDDEN, batch_size: int = 8, lr: float | None = None) -> dict[str, np.ndarray]:
    """Fine-tune LoRA updates of the packaged encoder jointly with the head, on (text, words, word targets).

    Return the arrays to store (float16): the head's and `lora.<module>.A/B` with `lora_scale`."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    epochs = epochs or TUNE_EPOCHS
    lr = lr or TUNE_LR
    t0 = time.perf_counter()
    device = training_device()
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    path = base_path()
    tokenizer = AutoTokenizer.from_pretrained(str(path))
    encoder = AutoModel.from_pretrained(str(path))
    for p in encoder.parameters():
        p.requires_grad_(False)
    adapted = adapt(encoder, RANK, ALPHA / RANK)
    outputs = docs[0][2].shape[1]
    head = _head_net(encoder.config.hidden_size, hidden, outputs, dropout=0.1)
    encoder.to(device)
    head.to(device)
    examples: list[tuple[list[int], np.ndarray]] = []
    for text, tokens, Y in docs:
        ids, targets = _piece_targets(tokenizer, text, tokens, Y)
        if not ids:
            continue
        for start, window in windows(ids, tokenizer.cls_token_id, tokenizer.sep_token_id):
            t = np.full((len(window), outputs), np.nan, dtype=np.float32)
            t[1 : len(window) - 1] = targets[start : start + len(window) - 2]
            examples.append((window, t))
    # The head starts from nothing and learns faster than the encoder's updates, which must stay gentle.
    optimizer = torch.optim.AdamW([{"params": [p for m in adapted.values() for p in (m.A, m.B)], "lr": lr},
                                   {"params": list(head.parameters()), "lr": lr * HEAD_LR_FACTOR}], weight_decay=0.01)
    steps = epochs * ((len(examples) + batch_size - 1) // batch_size)
    warm = max(1, steps // 16)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    weights = _column_weights(outputs).to(device)
    loss_fn = torch.nn.functional.binary_cross_entropy_with_logits
    encoder.train()
    head.train()
    for epoch in range(epochs):
        order = torch.randperm(len(examples), generator=gen).tolist()
        total = 0.0
        for i in range(0, len(order), batch_size):
            batch = [examples[j] for j in order[i : i + batch_size]]
            width = max(len(w) for w, _ in batch)
            x = torch.zeros((len(batch), width), dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            y = torch.full((len(batch), width, outputs), float("nan"))
            for j, (w, t) in enumerate(batch):
                x[j, : len(w)] = torch.tensor(w)
                mask[j, : len(w)] = 1
                y[j, : len(w)] = torch.from_numpy(t)
            x, mask, y = x.to(device), mask.to(device), y.to(device)
            logits = head(encoder(input_ids=x, attention_mask=mask).last_hidden_state)
            known = ~torch.isnan(y[..., 0])
            loss = loss_fn(logits[known], y[known], weight=weights)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for g in optimizer.param_groups for p in g["params"]], 1.0)
            optimizer.step()
            schedule.step()
            total += float(loss.detach()) * len(batch)
        logger.info("tagger epoch %d/%d: loss %.4f (%.0f s on %s)", epoch + 1, epochs, total / len(examples),
                    time.perf_counter() - t0, device)
    encoder.cpu()
    head.cpu()
    arrays = {**_as_head(head).arrays(), "lora_scale": np.array([ALPHA / RANK], dtype=np.float32)}
    for name, m in adapted.items():
        arrays[f"lora.{name}.A"] = m.A.detach().numpy().astype(np.float16)
        arrays[f"lora.{name}.B"] = m.B.detach().numpy().astype(np.float16)
    logger.info("tagger fine-tuned on %d windows in %.0f s", len(examples), time.perf_counter() - t0)
    return arrays


def adapt(encoder: Any, rank: int, scale: float) -> dict[str, Any]:
    """Replace the LORA_TARGETS layers of every encoder block by LoRA layers in place; return them by name."""
    adapted = {}
    for name, module in list(encoder.named_modules()):
        if name.startswith("encoder.layer.") and name.split(".", 3)[-1] in LORA_TARGETS:
            parent_name, attr = name.rsplit(".", 1)
            adapted[name] = _lora_linear(module, rank, scale)
            setattr(encoder.get_submodule(parent_name), attr, adapted[name])
    return adapted


def _lora_linear(base: Any, rank: int, scale: float) -> Any:
    """Return a frozen linear layer plus a trainable low-rank update (B starts at zero: no change at step 0)."""
    import torch

    class LoRALinear(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.base = base
            self.scale = scale
            self.A = torch.nn.Parameter(torch.randn(rank, base.in_features) / base.in_features**0.5)
            self.B = torch.nn.Parameter(torch.zeros(base.out_features, rank))

        def forward(self, x: Any) -> Any:
            return self.base(x) + (x @ self.A.T @ self.B.T) * self.scale

    return LoRALinear()
