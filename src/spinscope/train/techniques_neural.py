"""Train the head of the MiniLM word tagger on frozen encoder vectors, seeded, on CPU."""

from __future__ import annotations

import logging
import time

import numpy as np

from spinscope.layers.techniques.encoder import TaggerHead

__all__ = ["fit_head", "HIDDEN", "EPOCHS"]

logger = logging.getLogger(__name__)

HIDDEN = 256
EPOCHS = 6


def fit_head(X: np.ndarray, Y: np.ndarray, seed: int, hidden: int = HIDDEN, epochs: int = EPOCHS,
             batch_size: int = 512, lr: float = 2e-3) -> TaggerHead:
    """Fit a one-hidden-layer multi-label head (BCE) on word vectors X (n × dim) and targets Y (n × outputs)."""
    import torch

    t0 = time.perf_counter()
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    net = torch.nn.Sequential(torch.nn.Linear(X.shape[1], hidden), torch.nn.ReLU(), torch.nn.Dropout(0.2),
                              torch.nn.Linear(hidden, Y.shape[1]))
    optimizer = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=1e-4)
    # "Any technique" finds the spans: it weighs as much as the label columns together.
    weights = torch.ones(Y.shape[1])
    weights[0] = float(Y.shape[1] - 1)
    loss_fn = torch.nn.BCEWithLogitsLoss(weight=weights)
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
    first, last = net[0], net[3]
    return TaggerHead(first.weight.detach().numpy().T.copy(), first.bias.detach().numpy().copy(),
                      last.weight.detach().numpy().T.copy(), last.bias.detach().numpy().copy())
