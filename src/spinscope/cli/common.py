"""Helpers shared by CLI commands: error lines, progress, output formats."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

import typer

from spinscope.errors import SpinscopeError

__all__ = ["Format", "report_error", "progress", "StoreOption", "MaxBytesOption", "fatal", "open_store_or_exit"]


class Format(StrEnum):
    """Output formats of `analyze`."""

    text = "text"
    json = "json"
    jsonl = "jsonl"
    html = "html"


StoreOption = typer.Option(None, "--store", help="Store file path or URL (sqlite path, postgresql://…); "
                           "default: the per-user data directory, or $SPINSCOPE_STORE.")
MaxBytesOption = typer.Option(None, "--max-bytes", help="Reject inputs larger than this many bytes (default 10 MB).")


def report_error(err: SpinscopeError) -> None:
    """Print one line naming the input and the reason."""
    typer.echo(f"error: {err}", err=True)


def fatal(err: SpinscopeError) -> typer.Exit:
    """Print a fatal error and return the exit to raise."""
    report_error(err)
    return typer.Exit(3)


def open_store_or_exit(store: str | None) -> Any:
    """Open the store named by --store; if it cannot be opened, say why and exit with code 3."""
    from spinscope.store import open_store

    try:
        return open_store(store)
    except SpinscopeError as exc:
        raise fatal(exc) from exc


@contextmanager
def progress(quiet: bool, label: str) -> Iterator[Any]:
    """A rich progress counter on stderr (no total: inputs stream); silent with --quiet or no terminal."""
    if quiet or not sys.stderr.isatty():
        yield lambda n=1: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n=1: bar.advance(task, n)
