"""The HTML report opened in a real headless Chromium: hostile articles run nothing, spans are shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spinscope import Document, Span, to_analysis
from spinscope.export.html import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (.ci/run installs it)")

ATTACKS = [
    "<script>document.title='pwned';window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '<svg onload="window.__pwned=3"></svg>',
    '"><iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>',
    "</textarea></style></title><script>window.__pwned=5</script>",
    '<a href="javascript:window.__pwned=6">click</a>',
]


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield b
        b.close()


def test_hostile_article_runs_no_script_and_shows_its_text(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = "The minister said: " + " ".join(ATTACKS) + " and nothing else."
    doc = Document(text, ATTACKS[0]).with_meta(title=ATTACKS[1], url="javascript:window.__pwned=7")
    doc = doc.with_layer("techniques", [Span(4, 12, "Loaded_Language", 0.9), Span(0, 30, "Doubt", 0.6)])
    page_file = tmp_path / "report.html"
    page_file.write_text(render_html([to_analysis(doc)]), encoding="utf-8")
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page_file.as_uri())
    page.wait_for_timeout(300)
    page.click("article .text")  # clicking around must not run anything either
    assert page.evaluate("window.__pwned") is None
    assert page.title() == "spinscope analysis" and not dialogs
    body = page.inner_text("article .text")
    for attack in ATTACKS:
        assert attack in body  # shown as text, exactly
    assert page.locator("iframe, img, svg, script, a[href]").count() == 0
    highlighted = page.locator("article .text span.t")
    assert highlighted.count() >= 2
    titles = [highlighted.nth(i).get_attribute("title") or "" for i in range(highlighted.count())]
    assert titles[0] == "Doubt (0.60)"  # 0-4: only the outer span
    assert "Loaded_Language (0.90)" in titles[1] and "Doubt (0.60)" in titles[1]  # 4-12: both overlap
    page.close()
