"""Language of a document's text, by py3langid with a confidence floor."""

from __future__ import annotations

import functools
import logging
from typing import Any

__all__ = ["detect", "MIN_LETTERS", "MIN_CONFIDENCE"]

logger = logging.getLogger(__name__)

MIN_LETTERS = 20  # below this the classifier guesses (e.g. "Hello" -> Breton)
MIN_CONFIDENCE = 0.5
_SAMPLE_CHARS = 5000  # the first few paragraphs decide; classifying megabytes buys nothing


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, or None when it is too short or unclear."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, prob = _identifier().classify(sample)
    if prob < MIN_CONFIDENCE:
        logger.debug("language unclear: %s at %.2f", code, prob)
        return None
    return str(code)
