"""Word tokens and hashed features for the technique tagger (per word) and classifier (per span)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import FeatureHasher

__all__ = ["Token", "ArticleContext", "tokenize", "token_features", "span_features", "span_scalars",
           "paragraph_features", "Hashers", "hash_rows"]

_WORD = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]", re.UNICODE)
# Function words are not counted as repetitions: their frequency says nothing about persuasion.
_STOP_WORDS = (
    "a an the and or but if of to in on at by for with from as is are was were be been being it its this "
    "that these those he she they we you i his her their our your my me him them us not no so than then "
    "there here what which who whom whose when where why how all any each also has have had do does did "
    "will would can could should may might must s t said says just about into over after before up down "
    "out more most very"
)
_STOP = frozenset(_STOP_WORDS.split())
_QUOTES = frozenset('"“”«»')


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with its character offsets and its line number."""

    start: int
    end: int
    text: str
    line: int


def tokenize(text: str) -> list[Token]:
    """Split text into words and punctuation marks, remembering the line (paragraph) of each."""
    tokens = []
    line = 0
    pos = 0
    for m in _WORD.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        tokens.append(Token(m.start(), m.end(), m.group(), line))
    return tokens


def _shape(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "UPPER"
    if word[:1].isupper():
        return "Title"
    if word.isdigit():
        return "digit"
    if word.isalpha():
        return "lower"
    return "other"


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-7" if n < 8 else "8+")


def _article_counts(lowers: list[str]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    words = Counter(w for w in lowers if w not in _STOP and w[:1].isalnum())
    bigrams = Counter(zip(lowers, lowers[1:], strict=False))
    return words, bigrams


def token_features(tokens: list[Token]) -> list[list[str]]:
    """Return the feature strings of every token: the word, its neighbours, its line and repetition in the article."""
    lowers = [t.text.lower() for t in tokens]
    words, bigrams = _article_counts(lowers)
    n = len(tokens)
    # Content words around each token: a passage full of charged words lifts every word in it. A window,
    # not the line, because lines are sentences in PTC but paragraphs in SemEval-2023.
    content = [("W=" + w) if (w not in _STOP and w[:1].isalnum()) else "" for w in lowers]
    in_quote = False
    rows = []
    for i, (tok, w) in enumerate(zip(tokens, lowers, strict=True)):
        if tok.text in _QUOTES:
            in_quote = not in_quote
        prev1 = lowers[i - 1] if i > 0 and tokens[i - 1].line == tok.line else "<s>"
        prev2 = lowers[i - 2] if i > 1 and tokens[i - 2].line == tok.line else "<s>"
        next1 = lowers[i + 1] if i + 1 < n and tokens[i + 1].line == tok.line else "</s>"
        next2 = lowers[i + 2] if i + 2 < n and tokens[i + 2].line == tok.line else "</s>"
        f = [
            "bias", "w=" + w, "s=" + _shape(tok.text), "suf=" + w[-3:], "pre=" + w[:3],
            "w-1=" + prev1, "w+1=" + next1, "w-2=" + prev2, "w+2=" + next2,
            "b-=" + prev1 + "|" + w, "b+=" + w + "|" + next1, "t-=" + prev2 + "|" + prev1 + "|" + w,
            "q=" + str(in_quote), "title=" + str(tok.line == 0),
            "rep=" + _bucket(words[w]) if w in words else "rep=stop",
            "brep=" + _bucket(bigrams[(w, next1)]),
            "sw-1=" + _shape(tokens[i - 1].text) if i > 0 else "sw-1=<s>",
        ]
        f.extend(c for c in content[max(0, i - 6) : i + 7] if c)
        rows.append(f)
    return rows


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What span features need from the whole article, computed once per article."""

    tokens: list[Token]
    lowers: list[str]
    joined: str
    counts: Counter[str]
    line_lengths: Counter[int]

    @classmethod
    def of(cls, tokens: list[Token]) -> ArticleContext:
        """Build the context of a tokenised article."""
        lowers = [t.text.lower() for t in tokens]
        return cls(tokens, lowers, " " + " ".join(lowers) + " ", Counter(w for w in lowers if w not in _STOP),
                   Counter(t.line for t in tokens))


def span_features(text: str, ctx: ArticleContext, first: int, last: int) -> list[str]:
    """Return the feature strings of the span covering tokens[first..last] (inclusive)."""
    tokens, lowers = ctx.tokens, ctx.lowers
    span_tokens = tokens[first : last + 1]
    words = lowers[first : last + 1]
    span_text = " ".join(words)
    f = ["bias", "len=" + _bucket(len(words)), "nchar=" + _bucket(len(span_text) // 10)]
    f.extend("u=" + w for w in words)
    f.extend("b=" + a + "|" + b for a, b in zip(words, words[1:], strict=False))
    f.extend("sh=" + _shape(t.text) for t in span_tokens)
    f.append("first=" + words[0])
    f.append("last=" + words[-1])
    # How often the span recurs in the article: the signal that separates Repetition.
    f.append("srep=" + _bucket(ctx.joined.count(" " + span_text + " ")))
    content = [w for w in words if w not in _STOP and w[:1].isalnum()]
    if content:
        f.append("maxrep=" + _bucket(max(ctx.counts[w] for w in content)))
    lo, hi = max(0, first - 8), min(len(tokens), last + 9)
    f.extend("c-=" + lowers[i] for i in range(lo, first))
    f.extend("c+=" + lowers[i] for i in range(last + 1, hi))
    line = span_tokens[0].line
    f.append("wholeline=" + str(ctx.line_lengths[line] <= len(words) + 1))
    f.append("title=" + str(line == 0))
    f.append("excl=" + str("!" in text[span_tokens[0].start : span_tokens[-1].end + 2]))
    f.append("quoted=" + str(first > 0 and tokens[first - 1].text in _QUOTES))
    return f


def span_scalars(ctx: ArticleContext, first: int, last: int) -> list[float]:
    """Return the span head's scalar inputs: log word count, log repetitions in the article, repeated at all."""
    span_text = " ".join(ctx.lowers[first : last + 1])
    repeats = ctx.joined.count(" " + span_text + " ")
    return [float(np.log1p(last - first + 1)), float(np.log1p(repeats)), float(repeats > 1)]


def paragraph_features(ctx: ArticleContext, first: int, last: int) -> list[str]:
    """Return the feature strings of a paragraph covering tokens[first..last] (inclusive)."""
    words = ctx.lowers[first : last + 1]
    f = ["bias", "plen=" + _bucket(len(words) // 8), "title=" + str(ctx.tokens[first].line == 0)]
    f.extend("u=" + w for w in words)
    f.extend("b=" + a + "|" + b for a, b in zip(words, words[1:], strict=False))
    f.extend("sh=" + _shape(t.text) for t in ctx.tokens[first : last + 1] if t.text.isupper() and len(t.text) > 1)
    content = [w for w in words if w not in _STOP and w[:1].isalnum()]
    if content:
        # Repetition at paragraph level: the paragraph's most repeated content word across the article.
        f.append("maxrep=" + _bucket(max(ctx.counts[w] for w in content)))
        f.extend("rep=" + w for w in set(content) if ctx.counts[w] >= 3)
    return f


@dataclass(frozen=True, slots=True)
class Hashers:
    """Feature hashers with fixed sizes (recorded in the model config)."""

    token_bits: int = 20
    span_bits: int = 17

    def tokens(self) -> FeatureHasher:
        """Return the hasher of token features."""
        return FeatureHasher(n_features=2**self.token_bits, input_type="string", alternate_sign=False)

    def spans(self) -> FeatureHasher:
        """Return the hasher of span features."""
        return FeatureHasher(n_features=2**self.span_bits, input_type="string", alternate_sign=False)


def hash_rows(hasher: FeatureHasher, rows: list[list[str]]) -> sp.csr_matrix:
    """Hash feature rows into a binary sparse matrix."""
    if not rows:
        return sp.csr_matrix((0, hasher.n_features), dtype=np.float32)
    X = hasher.transform(rows).tocsr()
    X.data = np.minimum(X.data, 1.0).astype(np.float32)  # presence, not counts
    return X
