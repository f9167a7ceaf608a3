"""A self-contained HTML page with the analysis spans highlighted; every article string is escaped."""

from __future__ import annotations

import html
from typing import Any

from spinscope.export.glossary import definitions

__all__ = ["render_html"]

# No script may run, whatever an article contains: the page allows only its own inline styles.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"

_STYLE = """
body{font:15px/1.55 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222}
main{max-width:1100px;margin:auto;padding:1rem 2rem}
article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem 1.5rem;margin:1.5rem 0}
.meta{color:#555;font-size:13px}.meta b{color:#222}
.text{white-space:pre-wrap;font-family:Georgia,serif;font-size:16px;line-height:1.7}
.q{border-bottom:2px solid #2a6fdb}.t{background:#ffe08a}.e{font-weight:600}.cl{box-shadow:inset 0 -3px #f59e0b}
.t.m{background:#ffc34d}
table{border-collapse:collapse;width:100%;font-size:13px;margin:.5rem 0}
td,th{border-top:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
h2{font-size:20px;margin:.2rem 0}h3{font-size:15px;margin:1rem 0 .3rem}
.legend span{margin-right:1rem}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _segments(analysis: dict[str, Any]) -> str:
    """Render the text as runs of characters covered by the same set of spans."""
    text: str = analysis["text"]
    marks: list[tuple[int, int, str, str]] = []
    for q in analysis.get("quotes", []):
        who = (q.get("speaker") or {}).get("name") or "unattributed"
        marks.append((q["start"], q["end"], "q", f"quote ({q['kind']}) — {who}"))
    for t in analysis.get("techniques", []):
        marks.append((t["start"], t["end"], "t", f"{t['label']} ({t['score']:.2f})"))
    for c in analysis.get("claims", []):
        if c.get("quantities"):
            marks.append((c["start"], c["end"], "cl", f"claim ({c['score']:.2f})"))
    for e in analysis.get("entities", []):
        marks.append((e["start"], e["end"], "e", e["label"]))
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        covering = [m for m in marks if m[0] <= a and m[1] >= b]
        chunk = _e(text[a:b])
        if not covering:
            out.append(chunk)
            continue
        classes = sorted({m[2] for m in covering})
        if sum(1 for m in covering if m[2] == "t") > 1:
            classes.append("m")
        title = "; ".join(m[3] for m in covering)
        out.append(f'<span class="{" ".join(classes)}" title="{_e(title)}">{chunk}</span>')
    return "".join(out)


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _article(a: dict[str, Any]) -> str:
    meta = a["meta"]
    outlet = meta.get("outlet") or {}
    facts = [("outlet", outlet.get("name")), ("country", outlet.get("country")),
             ("state-affiliated", {True: "yes", False: "no"}.get(outlet.get("state_affiliated"))),
             ("published", meta.get("published")), ("dateline", meta.get("dateline")),
             ("language", meta.get("language")), ("source", a.get("source")), ("id", a.get("id"))]
    meta_html = " · ".join(f"<b>{_e(k)}</b> {_e(v)}" for k, v in facts if v)
    url = meta.get("url")
    # The URL is shown as text, never as a link: an article's URL is untrusted input.
    parts = [f"<article id=\"doc-{_e(a['id'])}\"><h2>{_e(meta.get('title') or '(untitled)')}</h2>",
             f"<div class=\"meta\">{meta_html}</div>"]
    if url:
        parts.append(f"<div class=\"meta\"><b>url</b> <code>{_e(url)}</code></div>")
    parts.append('<div class="legend meta"><span class="q">quote</span><span class="t">technique</span>'
                 '<span class="cl">numeric claim</span><span class="e">entity</span></div>')
    parts.append(f'<div class="text">{_segments(a)}</div>')
    if a.get("speakers"):
        parts.append("<h3>Speakers</h3>" + _table(["id", "name", "roles", "aliases"], [
            [s["id"], s["name"], "; ".join(s.get("roles", [])), "; ".join(s.get("aliases", []))]
            for s in a["speakers"]]))
    if a.get("quotes"):
        parts.append("<h3>Quotes</h3>" + _table(["speaker", "cue", "kind", "score", "quote"], [
            [(q.get("speaker") or {}).get("name") or (q.get("speaker") or {}).get("text") or "—",
             (q.get("cue") or {}).get("text") or "—", q["kind"], f"{q['score']:.2f}", q["text"]] for q in a["quotes"]]))
    if a.get("claims"):
        rows = []
        for c in a["claims"]:
            for qt in c.get("quantities", []) or [{}]:
                rows.append([f"{c['score']:.2f}", qt.get("text", ""), qt.get("value", ""), qt.get("measure", ""),
                             "yes" if qt.get("approximate") else "", c["text"]])
        parts.append("<h3>Claims</h3>" + _table(["score", "quantity", "value", "measure", "approx.", "sentence"], rows))
    if a.get("techniques"):
        parts.append("<h3>Persuasion techniques</h3>" + _table(["technique", "score", "span"], [
            [t["label"], f"{t['score']:.2f}", t["text"]] for t in a["techniques"]]))
        glossary = "".join(f"<dt>{_e(label)}</dt><dd>{_e(text)}</dd>"
                           for label, text in definitions(t["label"] for t in a["techniques"]))
        parts.append(f"<details><summary>What these techniques mean</summary><dl>{glossary}</dl></details>")
    parts.append("</article>")
    return "".join(parts)


def render_html(analyses: list[dict[str, Any]]) -> str:
    """Return one self-contained page for one or more analyses."""
    body = "".join(_article(a) for a in analyses)
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_CSP}\">"
        "<meta name=\"referrer\" content=\"no-referrer\">"
        f"<title>spinscope analysis</title><style>{_STYLE}</style></head>"
        f"<body><main><h1>spinscope</h1>{body}</main></body></html>\n"
    )
