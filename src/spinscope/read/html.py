"""HTML pages: the article body and metadata by trafilatura, with an offset map back into the page.

The document text is trafilatura's main text, one block per paragraph, blocks separated by a blank
line. Source offsets are character offsets into the decoded page: every word of the text is anchored
to where that word's characters occur in the page's visible text (tags dropped, entities resolved),
searched paragraph by paragraph from left to right.
"""

from __future__ import annotations

import codecs
import html as htmllib
import logging
import re
from dataclasses import dataclass

from spinscope.document import Document, Meta, OffsetMap, Outlet
from spinscope.errors import ErrorCode, ReadError
from spinscope.meta import enrich, outlets
from spinscope.meta.dates import normalise
from spinscope.read.decode import Decoded, decode

__all__ = ["read_html", "document_of_html", "MIN_TEXT_CHARS"]

logger = logging.getLogger(__name__)

MIN_TEXT_CHARS = 25  # less than a sentence is navigation, not an article
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)
_MARKUP = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style|noscript|template|svg)\b.*?(?:</\1\s*>|$)|<[^>]*>?", re.S | re.I
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_WORD = re.compile(r"\S+")
_PREFIX_CHARS = 40
# Blocks that sites put inside the article body but that are not part of it: inline ads, "read also"
# links, share bars, sign-up boxes, consent banners. trafilatura keeps some of them; prune them first.
_BOILERPLATE_CLASSES = (
    "advert", "ad-slot", "inline-ad", "read-also", "read-more", "related", "share-", "social-share", "newsletter",
    "cookie", "consent", "most-read", "trending", "promo", "sponsored", "subscribe",
)
_PRUNE_XPATH = [
    "//*[" + " or ".join(f"contains(@class, '{c}') or contains(@id, '{c}')" for c in _BOILERPLATE_CLASSES) + "]"
]


@dataclass(frozen=True, slots=True)
class _Visible:
    """The page's visible characters without whitespace, each with its offset in the page."""

    chars: str
    positions: tuple[int, ...]


def _visible(page: str) -> _Visible:
    chars: list[str] = []
    positions: list[int] = []

    def add_text(start: int, end: int) -> None:
        pos = start
        for m in _ENTITY.finditer(page, start, end):
            add_plain(pos, m.start())
            for ch in htmllib.unescape(m.group(0)):
                if not ch.isspace():
                    chars.append(ch)
                    positions.append(m.start())
            pos = m.end()
        add_plain(pos, end)

    def add_plain(start: int, end: int) -> None:
        for i in range(start, end):
            if not page[i].isspace():
                chars.append(page[i])
                positions.append(i)

    pos = 0
    for m in _MARKUP.finditer(page):
        add_text(pos, m.start())
        pos = m.end()
    add_text(pos, len(page))
    return _Visible("".join(chars), tuple(positions))


def _anchor(text: str, paragraphs: list[tuple[str, int]], page: str) -> OffsetMap:
    """Return an offset map anchoring each word of each paragraph to its place in the page."""
    visible = _visible(page)
    text_anchors: list[int] = []
    source_anchors: list[int] = []
    cursor = 0
    for para, start in paragraphs:
        compact = "".join(para.split())
        found = visible.chars.find(compact, cursor)
        if found < 0:
            found = visible.chars.find(compact)
        if found < 0:
            found = visible.chars.find(compact[:_PREFIX_CHARS], cursor)
            compact = compact[:_PREFIX_CHARS]
        if found < 0 or not compact:
            logger.debug("paragraph at %d not found in the page; no anchor", start)
            continue
        consumed = 0
        for word in _WORD.finditer(para):
            if consumed >= len(compact):
                break
            text_anchors.append(start + word.start())
            source_anchors.append(visible.positions[found + consumed])
            consumed += len(word.group(0))
        cursor = found + len(compact)
    return OffsetMap(tuple(text_anchors), tuple(source_anchors))


def _decode_page(data: bytes, source: str) -> Decoded:
    """Decode with the page's declared charset when it names a non-UTF-8 one, else by the common policy."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = "utf-8"
        if codec not in ("utf-8", "ascii") and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                                     codecs.BOM_UTF16_BE)):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError:
                logger.info("%s: declared charset %s does not fit; trying the common policy", source, name)
    return decode(data, source)


def _outlet(url: str | None, hostname: str | None, sitename: str | None) -> Outlet | None:
    found = outlets.resolve(domain=url or hostname, name=sitename)
    if found or not sitename:
        return found
    # The page names its site but the table does not know it: affiliation stays unknown.
    return Outlet(name=sitename, domain=outlets.normalise_domain(url or hostname))


def document_of_html(page: str, source: str, url: str | None = None, skipped: int = 0) -> Document:
    """Return the enriched document of a decoded HTML page (raises ReadError E005)."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            prune_xpath=_PRUNE_XPATH,
            # A date must be stated by the page or its URL, not guessed from the text around it.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura and lxml raise many types on broken markup
        raise ReadError(ErrorCode.E005, source, f"extraction failed: {type(exc).__name__}") from exc
    raw = (getattr(extracted, "text", None) or "") if extracted is not None else ""
    blocks = [" ".join(line.split()) for line in raw.split("\n")]
    blocks = [b for b in blocks if b]
    if sum(len(b) for b in blocks) < MIN_TEXT_CHARS:
        raise ReadError(ErrorCode.E005, source)
    paragraphs: list[tuple[str, int]] = []
    pos = 0
    for block in blocks:
        paragraphs.append((block, pos))
        pos += len(block) + 2
    text = "\n\n".join(blocks)
    offsets = _anchor(text, paragraphs, page)
    if skipped:
        offsets = OffsetMap(offsets.text_anchors, tuple(s + skipped for s in offsets.source_anchors))
    page_url = getattr(extracted, "url", None) or url
    lang = _LANG.search(page[:4096])
    meta = Meta(
        title=getattr(extracted, "title", None) or None,
        url=page_url,
        outlet=_outlet(page_url, getattr(extracted, "hostname", None), getattr(extracted, "sitename", None)),
        published=normalise(getattr(extracted, "date", None)),
    )
    doc = enrich(Document(text=text, source=source, meta=meta, offsets=offsets))
    if doc.meta.language is None and lang:
        doc = doc.with_meta(language=lang.group(1).lower())
    return doc


def read_html(data: bytes, source: str, url: str | None = None) -> list[Document]:
    """Return the one document of an HTML page (raises ReadError)."""
    decoded = _decode_page(data, source)
    return [document_of_html(decoded.text, source, url=url, skipped=decoded.skipped)]
