"""The HTML page: hostile article text is escaped, never executed; spans are highlighted."""

from __future__ import annotations

from html.parser import HTMLParser

from spinscope import Document, Span, to_analysis
from spinscope.export.html import render_html

HOSTILE = 'Breaking <script>alert(1)</script> <img src=x onerror="alert(2)"> said "quote" & more</textarea>'


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)


def _page(doc: Document) -> str:
    return render_html([to_analysis(doc)])


def test_article_markup_is_escaped_everywhere() -> None:
    doc = Document(HOSTILE, "<script>src</script>").with_meta(title="<b onmouseover=x>t</b>", url="javascript:alert(3)")
    doc = doc.with_layer("techniques", [Span(0, 40, "Loaded_Language", 0.9)])
    page = _page(doc)
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags and "textarea" not in parser.tags
    assert "&lt;b onmouseover=x&gt;t&lt;/b&gt;" in page
    assert not any(name.startswith("on") for name, _ in parser.attrs)
    assert "javascript:" not in " ".join(v or "" for _, v in parser.attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_overlapping_spans_are_highlighted_and_text_is_complete() -> None:
    text = "They rubbed the noses of the Zionists, the greatest enemies of God."
    doc = Document(text, "t").with_layer("techniques", [
        Span(5, 36, "Loaded_Language", 0.8), Span(39, 66, "Name_Calling-Labeling", 0.7)])
    page = _page(doc)
    assert 'class="t"' in page
    assert "Loaded_Language (0.80)" in page and "Name_Calling-Labeling (0.70)" in page
    flattened = HTMLParserText.extract(page)
    assert text in flattened


class HTMLParserText(HTMLParser):
    """Collects the visible text of the article body."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.inside or ("class", "text") in attrs:
            self.inside += 1

    def handle_endtag(self, tag: str) -> None:
        if self.inside:
            self.inside -= 1

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.parts.append(data)

    @classmethod
    def extract(cls, page: str) -> str:
        p = cls()
        p.feed(page)
        return "".join(p.parts)


def test_found_techniques_are_explained_on_the_page() -> None:
    doc = Document("They are thugs and criminals.", "t").with_layer(
        "techniques", [Span(9, 28, "Name_Calling-Labeling", 0.8)])
    page = _page(doc)
    assert "What these techniques mean" in page and "<dt>Name_Calling-Labeling</dt>" in page
