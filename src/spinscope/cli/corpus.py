"""Store commands: `ingest`, `list`, `show`, `search`."""

from __future__ import annotations

import json

import typer

from spinscope.cli.common import (
    Format,
    MaxBytesOption,
    StoreOption,
    fatal,
    open_store_or_exit,
    progress,
    report_error,
)
from spinscope.errors import SpinscopeError

__all__ = ["register"]

def register(app: typer.Typer) -> None:
    """Add the store commands."""

    @app.command("ingest")
    def ingest(
        paths: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
        store: str | None = StoreOption,
        analyse: bool = typer.Option(True, "--analyze/--no-analyze", help="Store the analysis too (default)."),
        layers: str | None = typer.Option(None, "--layers", help="Comma-separated layers (default: all installed)."),
        max_bytes: int | None = MaxBytesOption,
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary line."),
    ) -> None:
        """Read, analyse and store articles; already-stored content is skipped (idempotent by content hash).

        Exit codes: 0 all inputs stored or already present; 1 some inputs failed (named on stderr);
        3 the store could not be opened.
        """
        from spinscope.api import ingest_paths

        db = open_store_or_exit(store)
        chosen = [x.strip() for x in layers.split(",") if x.strip()] if layers else None
        try:
            with progress(quiet, "ingesting") as advance:
                report = ingest_paths(paths, db, chosen, analyse, max_bytes, on_error=report_error,
                                      on_document=lambda _d, _c: advance())
        except SpinscopeError as exc:
            raise fatal(exc) from exc
        finally:
            db.close()
        if not quiet:
            typer.echo(json.dumps({"store": db.url, **report.to_json()}))
        if report.failed:
            raise typer.Exit(1)

    @app.command("list")
    def list_documents(
        store: str | None = StoreOption,
        limit: int = typer.Option(50, "--limit", help="How many documents."),
        offset: int = typer.Option(0, "--offset", help="Skip this many."),
        fmt: Format = typer.Option(Format.text, "--format", "-f", help="text or jsonl."),
    ) -> None:
        """List stored documents, most recent first."""
        db = open_store_or_exit(store)
        try:
            for row in db.list(limit, offset):
                if fmt is Format.text:
                    typer.echo(f"{row.id}  {row.published or '-':<10}  {(row.outlet or '-')[:24]:<24}  "
                               f"{row.title or row.source}")
                else:
                    typer.echo(json.dumps(row.to_json(), ensure_ascii=False))
        finally:
            db.close()

    @app.command("show")
    def show(
        doc_id: str = typer.Argument(..., help="Document id (or a unique prefix)."),
        store: str | None = StoreOption,
        fmt: Format = typer.Option(Format.text, "--format", "-f", help="text, json, jsonl or html."),
    ) -> None:
        """Show one stored document's analysis.

        Exit codes: 0 shown; 3 not found or the store could not be opened.
        """
        from spinscope.export.html import render_html
        from spinscope.export.text import render_text

        db = open_store_or_exit(store)
        try:
            analysis = db.get(doc_id)
        except SpinscopeError as exc:
            raise fatal(exc) from exc
        finally:
            db.close()
        if fmt is Format.text:
            typer.echo(render_text(analysis))
        elif fmt is Format.html:
            typer.echo(render_html([analysis]), nl=False)
        else:
            typer.echo(json.dumps(analysis, ensure_ascii=False, indent=2 if fmt is Format.json else None))

    @app.command("search")
    def search(
        query: str = typer.Argument(..., help="Words to look for (plain words; no query syntax)."),
        store: str | None = StoreOption,
        limit: int = typer.Option(20, "--limit", help="How many results."),
        fmt: Format = typer.Option(Format.text, "--format", "-f", help="text or jsonl."),
    ) -> None:
        """Full-text search over stored documents, best first."""
        db = open_store_or_exit(store)
        try:
            for hit in db.search(query, limit):
                if fmt is Format.text:
                    typer.echo(f"{hit['id']}  {hit['score']:.3f}  {hit['title'] or hit['source']}\n"
                               f"    {hit['snippet']}")
                else:
                    typer.echo(json.dumps(hit, ensure_ascii=False))
        finally:
            db.close()
