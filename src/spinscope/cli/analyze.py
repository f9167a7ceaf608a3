"""`spinscope analyze PATH...`: analyse articles and print the result."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from spinscope.cli.common import Format, MaxBytesOption, fatal, progress, report_error
from spinscope.errors import ReadError, SpinscopeError

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add the `analyze` command."""

    @app.command("analyze")
    def analyze(
        paths: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
        fmt: Format = typer.Option(Format.text, "--format", "-f", help="text, json, jsonl or html."),
        output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
        layers: str | None = typer.Option(None, "--layers", help="Comma-separated layers (default: all installed)."),
        max_bytes: int | None = MaxBytesOption,
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    ) -> None:
        """Analyse articles: quotes and speakers, claims, persuasion techniques, entities, metadata.

        Exit codes: 0 all inputs analysed; 1 some inputs could not be read (each named on stderr);
        3 nothing could be done.
        """
        from spinscope.api import analyze_paths
        from spinscope.export.html import render_html
        from spinscope.export.text import render_text

        failures: list[ReadError] = []

        def on_error(err: ReadError) -> None:
            failures.append(err)
            report_error(err)

        chosen = [x.strip() for x in layers.split(",") if x.strip()] if layers else None
        out = output.open("w", encoding="utf-8") if output else None
        write = (lambda s: out.write(s)) if out else (lambda s: typer.echo(s, nl=False))
        collected = []
        try:
            with progress(quiet, "analysing") as advance:
                for _doc, analysis in analyze_paths(paths, chosen, max_bytes, on_error):
                    advance()
                    if fmt is Format.jsonl:
                        write(json.dumps(analysis, ensure_ascii=False) + "\n")
                    elif fmt is Format.text:
                        write(render_text(analysis) + "\n")
                    else:
                        collected.append(analysis)
            if fmt is Format.json:
                write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
            elif fmt is Format.html:
                write(render_html(collected))
        except SpinscopeError as exc:
            raise fatal(exc) from exc
        finally:
            if out:
                out.close()
        if failures:
            raise typer.Exit(1)
