"""`train_quotes`: fit the cue, content and keep models on PolNeAR train, seeded and reproducible."""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from spacy.tokens import Doc, Token

from spinscope.eval.polnear import Attribution, overlaps, score
from spinscope.layers.quotes.content import CONTENT_FILE, ContentModel, content_features
from spinscope.layers.quotes.cues import MODEL_DIR, CueModel, features
from spinscope.layers.quotes.extract import CUE_POS, content_candidates, extract, frame_for
from spinscope.layers.quotes.keep import KeepModel, keep_features, load_keep_model
from spinscope.layers.quotes.marks import QuoteSegment, find_quotes
from spinscope.layers.quotes.resolve import resolve
from spinscope.layers.quotes.tagger import TAGGER_FILE, CueTagger, encoder_words, logit

M = TypeVar("M", CueModel, ContentModel)

__all__ = ["train", "train_quotes", "train_tagger", "cue_examples", "content_examples", "load_polnear"]

logger = logging.getLogger(__name__)

#: The cue model's threshold for proposing a candidate, and the keep model's for keeping it. Chosen by 5-fold
#: CV on PolNeAR train (candidates at 0.2, 0.25 and 0.3; keep thresholds 0.3 to 0.55): 0.25 and 0.45 gave
#: the best content overlap F1 with source and attribution F1 no lower than the single-stage model's.
CUE_THRESHOLD = 0.25
KEEP_THRESHOLD = 0.45
#: The content model's C (inverse regularisation), chosen by 5-fold CV on PolNeAR train.
CONTENT_C = 0.5
#: The cue tagger: fine-tuned on four fifths of PolNeAR train for TAGGER_EPOCHS passes; its blend with the linear
#: cue model is fitted on the other fifth, where the candidate threshold is chosen among TAGGER_THRESHOLDS by
#: the mean of content overlap, source exact, cue overlap and attribution F1.
TAGGER_FOLDS = 5
TAGGER_EPOCHS = 2
TAGGER_THRESHOLDS = (0.25, 0.3, 0.35)
BLEND_C = 10.0


def load_polnear(split_dir: Path) -> list[tuple[str, str, list[Attribution]]]:
    """Return (stem, text, gold attributions) for every article of a PolNeAR split folder."""
    from spinscope.eval.polnear import gold_file, read_brat

    out = []
    for f in sorted((split_dir / "text").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        gold = gold_file(split_dir, f.stem)
        attrs = read_brat(gold.read_text(encoding="utf-8"), text) if gold else []
        out.append((f.stem, text, attrs))
    return out


def _cue_head(doc: Doc, attribution: Attribution) -> int | None:
    """Return the word that heads a gold attribution's cue (the word the cue model should pick), if any."""
    if not attribution.cue:
        return None
    start, end = attribution.cue[0][0], attribution.cue[-1][1]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    inside = {t.i for t in span}
    words = [t for t in span if t.pos_ in CUE_POS] or list(span)
    roots = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    head = (roots or words)[0]
    # "were critical of", "is confident that": the adjective, not the copula, carries the cue.
    pred = [c for c in head.children if c.i in inside and c.dep_ in ("acomp", "attr") and c.pos_ in CUE_POS]
    return (pred[0] if head.lemma_ == "be" and pred else head).i


def _cue_heads(doc: Doc, attributions: Sequence[Attribution]) -> set[int]:
    heads = set()
    for a in attributions:
        for start, end in a.cue:
            head = _cue_head(doc, Attribution((), ((start, end),), ()))
            if head is not None:
                heads.add(head)
    return heads


def _chars(frags: Sequence[tuple[int, int]]) -> set[int]:
    return {i for s, e in frags for i in range(s, e)}


def content_examples(doc: Doc, attributions: Sequence[Attribution]) -> list[tuple[list[list[str]], list[int]]]:
    """Return, for every gold attribution whose cue word the cue model could pick, the features of its content
    candidates and their labels: 1 for the candidate that overlaps the gold content best (by Jaccard over
    characters), 0 for the others. Cues with no overlapping candidate teach nothing and are left out."""
    quotes = find_quotes(doc.text)
    groups = []
    for a in attributions:
        head = _cue_head(doc, a)
        if head is None or not a.content or doc[head].pos_ not in CUE_POS:
            continue
        frame = frame_for(doc, doc[head], quotes)
        candidates = content_candidates(doc, frame, quotes)
        gold = _chars(a.content)
        jaccard = [len(gold & (c := _chars(cand.frags))) / len(gold | c) for cand in candidates]
        if not jaccard or max(jaccard) == 0:
            continue
        best = max(jaccard)
        groups.append(([content_features(doc, frame, cand) for cand in candidates],
                       [int(j == best) for j in jaccard]))
    return groups


def _in_quote(tok: Token, quotes: Sequence[QuoteSegment]) -> bool:
    """Whether a word lies inside a quotation (the cue model's `inside_quote` in training)."""
    return any(q.start <= tok.idx < q.end for q in quotes)


def cue_examples(doc: Doc, attributions: Sequence[Attribution]) -> tuple[list[list[str]], list[int]]:
    """Return features and 0/1 labels of every candidate cue word of a parsed document."""
    heads = _cue_heads(doc, attributions)
    quotes = find_quotes(doc.text)
    X, y = [], []
    for tok in doc:
        if tok.pos_ not in CUE_POS:
            continue
        X.append(features(tok, _in_quote(tok, quotes)))
        y.append(int(tok.i in heads))
    return X, y


def _fit_cues(examples: Sequence[tuple[list[list[str]], list[int]]], c: float, seed: int,
              threshold: float) -> CueModel:
    """Fit the cue model's logistic regression on the candidate words of some articles."""
    return _fit_linear(examples, c, seed, threshold, CueModel)


def _fit_content(groups: Sequence[tuple[list[list[str]], list[int]]], seed: int) -> ContentModel:
    """Fit the content model on the content candidates of some articles' gold cues (`content_examples`)."""
    return _fit_linear(groups, CONTENT_C, seed, 0.5, ContentModel)


def _fit_linear(examples: Sequence[tuple[list[list[str]], list[int]]], c: float, seed: int, threshold: float,
                model: type[M]) -> M:
    """Fit a logistic regression over binary features on (features, labels) groups."""
    # scikit-learn is needed for training only; the shipped models are plain JSON weights.
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X = [{f: 1 for f in fs} for feats, _ in examples for fs in feats]
    y = [label for _, labels in examples for label in labels]
    vec = DictVectorizer()
    matrix = vec.fit_transform(X).tocsr()
    # liblinear accepts only 32-bit sparse indices.
    matrix.indices = matrix.indices.astype("int32")
    matrix.indptr = matrix.indptr.astype("int32")
    clf = LogisticRegression(C=c, max_iter=2000, random_state=seed, solver="liblinear")
    clf.fit(matrix, y)
    names = vec.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, clf.coef_[0], strict=True)}
    return model(weights=weights, bias=float(clf.intercept_[0]), threshold=threshold)


def _fit_keep(docs: Sequence[Doc], articles: Sequence[tuple[str, str, list[Attribution]]],
              examples: Sequence[tuple[list[list[str]], list[int]]],
              contents: Sequence[list[tuple[list[list[str]], list[int]]]], c: float, seed: int,
              cue_threshold: float, folds: int = 5) -> KeepModel:
    """Fit the keep model on out-of-fold candidates: each fold's articles are extracted with a cue model fitted
    on the other folds, and a candidate counts as right where its content overlaps a gold content."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    X: list[dict[str, float]] = []
    y: list[int] = []
    for k in range(folds):
        held = set(order[k::folds])
        cues = _fit_cues([ex for i, ex in enumerate(examples) if i not in held], c, seed, cue_threshold)
        chooser = _fit_content([g for i, groups in enumerate(contents) if i not in held for g in groups], seed)
        for i in sorted(held):
            gold = articles[i][2]
            for found in extract(docs[i], cues, cue_threshold, chooser):
                X.append(keep_features(docs[i], found))
                y.append(int(any(overlaps(found.content, g.content) for g in gold)))
    vec = DictVectorizer()
    clf = LogisticRegression(C=1.0, max_iter=3000, random_state=seed)
    clf.fit(vec.fit_transform(X), y)
    weights = {str(n): float(w) for n, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)}
    logger.info("keep model: %d out-of-fold candidates, %d right", len(y), sum(y))
    return KeepModel(weights=weights, bias=float(clf.intercept_[0]), threshold=KEEP_THRESHOLD)


def train_quotes(
    data: Path,
    out: Path | None = None,
    seed: int = 13,
    c: float = 0.25,
    threshold: float = CUE_THRESHOLD,
    parsed: Iterable[Doc] | None = None,
) -> CueModel:
    """Fit the cue model, the content model and the keep model on `data` (a PolNeAR split folder, normally
    train) and write `cues.json`, `content.json` and `keep.json`.

    C=0.25 was chosen by cross-validation on PolNeAR train folds (2 of 5 folds, seed 0 split: it beat 0.5 and
    1.0 on content, source, cue and attribution F1).
    """
    from spinscope.layers.nlp import parse_texts

    articles = load_polnear(Path(data))
    docs = list(parsed) if parsed is not None else list(parse_texts(t for _, t, _ in articles))
    examples = [cue_examples(doc, gold) for doc, (_, _, gold) in zip(docs, articles, strict=True)]
    model = _fit_cues(examples, c, seed, threshold)
    target = (out or MODEL_DIR) / "cues.json"
    model.save(target)
    logger.info("cue model: %d examples, %d positives, written to %s",
                sum(len(labels) for _, labels in examples), sum(sum(labels) for _, labels in examples), target)
    contents = [content_examples(doc, gold) for doc, (_, _, gold) in zip(docs, articles, strict=True)]
    chooser = _fit_content([g for groups in contents for g in groups], seed)
    chooser.save((out or MODEL_DIR) / CONTENT_FILE)
    logger.info("content model: %d cues, %d candidates", sum(len(g) for g in contents),
                sum(len(labels) for groups in contents for _, labels in groups))
    keep = _fit_keep(docs, articles, examples, contents, c, seed, threshold)
    keep.save((out or MODEL_DIR) / "keep.json")
    return CueModel.load(target)


def train(seed: int = 13, out_dir: Path | None = None) -> dict[str, object]:
    """Entry point of `spinscope train quotes`: the shipped recipe on PolNeAR train."""
    from spinscope.settings import shared_data_dir

    data = shared_data_dir() / "polnear" / "train"
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    model = train_quotes(data, out=out_dir, seed=seed)
    folder = out_dir or MODEL_DIR
    return {"data": str(data), "seed": seed, "features": len(model.weights), "threshold": model.threshold,
            "keep_threshold": KEEP_THRESHOLD, "model": str(folder / "cues.json"), "keep": str(folder / "keep.json"),
            "content": str(folder / CONTENT_FILE)}


def _tagger_targets(doc: Doc, attributions: Sequence[Attribution]) -> np.ndarray:
    """Return each word's tagger targets: the head of a gold cue (column 0), inside a gold cue (column 1)."""
    y = np.zeros((len(doc), 2), dtype=np.float32)
    for head in _cue_heads(doc, attributions):
        y[head, 0] = 1.0
    for a in attributions:
        for start, end in a.cue:
            for tok in doc.char_span(start, end, alignment_mode="expand") or ():
                y[tok.i, 1] = 1.0
    return y


def _as_attributions(doc: Doc, found: Sequence[Any]) -> list[Attribution]:
    """Return extracted attributions as the layer reports them: the resolved speaker's mention as the source."""
    refs, _ = resolve(doc, found)
    return [Attribution(((ref.start, ref.end),) if ref is not None else (), (f.cue,) if f.cue else (),
                        tuple(f.content)) for f, ref in zip(found, refs, strict=True)]


def train_tagger(seed: int = 13, out_dir: Path | None = None, data: Path | None = None) -> dict[str, object]:
    """Entry point of `spinscope train quotes-tagger`: fine-tune the cue tagger and fit its blend (module notes).

    The linear cue and content models used for the blend are refitted on the same four fifths as the tagger, so
    the held fifth is new to all of them; the keep model is the shipped one. Writes `cue_tagger.npz`."""
    from sklearn.linear_model import LogisticRegression

    from spinscope.layers.nlp import parse_texts
    from spinscope.settings import shared_data_dir
    from spinscope.train.techniques_neural import fit_tagger

    data = Path(data) if data is not None else shared_data_dir() / "polnear" / "train"
    articles = load_polnear(data)
    docs = list(parse_texts(t for _, t, _ in articles))
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    held = sorted(order[0::TAGGER_FOLDS])
    fit = [i for i in range(len(articles)) if i not in set(held)]
    arrays = fit_tagger([(docs[i].text, encoder_words(docs[i]), _tagger_targets(docs[i], articles[i][2]))
                         for i in fit], seed, epochs=TAGGER_EPOCHS)
    # float32 here whatever the CPU, so the blend and the threshold do not depend on the machine that trains.
    tagger = CueTagger({**arrays, "blend": np.array([1.0, 0.0, 0.0, 0.0]), "threshold": np.array([CUE_THRESHOLD])},
                       bf16=False)
    probabilities = {i: tagger.word_probabilities(docs[i]) for i in held}
    linear = _fit_cues([cue_examples(docs[i], articles[i][2]) for i in fit], 0.25, seed, CUE_THRESHOLD)
    chooser = _fit_content([g for i in fit for g in content_examples(docs[i], articles[i][2])], seed)
    X, y = [], []
    for i in held:
        doc, heads, quotes = docs[i], _cue_heads(docs[i], articles[i][2]), find_quotes(docs[i].text)
        for tok in doc:
            if tok.pos_ in CUE_POS:
                q = probabilities[i][tok.i]
                X.append([logit(linear(tok, _in_quote(tok, quotes))), logit(float(q[0])), logit(float(q[1]))])
                y.append(int(tok.i in heads))
    blender = LogisticRegression(C=BLEND_C, max_iter=1000, random_state=seed).fit(np.array(X), np.array(y))
    # As stored (float32), so the threshold is chosen with the blend the layer will use.
    tagger.blend = tuple(float(np.float32(w)) for w in (*blender.coef_[0], blender.intercept_[0]))
    keep = load_keep_model()
    tried: dict[str, dict[str, float]] = {}
    for threshold in TAGGER_THRESHOLDS:
        pairs = []
        for i in held:
            scorer = tagger.scorer(docs[i], linear, probabilities[i])
            found = keep.select(docs[i], extract(docs[i], scorer, threshold, chooser))
            pairs.append((_as_attributions(docs[i], found), articles[i][2]))
        s = score(pairs)
        tried[str(threshold)] = {k: s[k] for k in ("content_overlap_f1", "source_exact_f1", "cue_overlap_f1",
                                                     "attribution_f1")}
        logger.info("cue tagger, held fifth, candidate threshold %s: %s", threshold, tried[str(threshold)])
    best = max(TAGGER_THRESHOLDS, key=lambda t: (sum(tried[str(t)].values()), -t))
    folder = out_dir or MODEL_DIR
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / TAGGER_FILE
    np.savez_compressed(target, **arrays, blend=np.array(tagger.blend, dtype=np.float32),
                        threshold=np.array([best], dtype=np.float32))
    return {"data": str(data), "seed": seed, "epochs": TAGGER_EPOCHS, "fit_articles": len(fit),
            "held_articles": len(held), "blend": [round(w, 4) for w in tagger.blend], "threshold": best,
            "held_scores": tried, "model": str(target)}
