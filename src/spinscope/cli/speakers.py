"""`spinscope speakers`: the speakers of the store with their roles, documents and quote counts."""

from __future__ import annotations

import json

import typer

from spinscope.cli.common import StoreOption, fatal, open_store_or_exit
from spinscope.errors import SpinscopeError

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add the `speakers` command."""

    @app.command("speakers")
    def speakers(
        store: str | None = StoreOption,
        fmt: str = typer.Option("text", "--format", "-f", help="text or jsonl."),
        limit: int | None = typer.Option(None, "--limit", help="Show only the most quoted N speakers."),
    ) -> None:
        """List speakers across the stored documents: one id per person under all name variants."""
        from spinscope.link.speaker_index import speaker_index

        if fmt not in ("text", "jsonl"):
            typer.echo(f"unknown format {fmt!r}; choose text or jsonl", err=True)
            raise typer.Exit(2)
        db = open_store_or_exit(store)
        try:
            rows = speaker_index(db.iter_analyses())
        except SpinscopeError as exc:
            raise fatal(exc) from exc
        finally:
            db.close()
        for row in rows[:limit] if limit else rows:
            if fmt == "jsonl":
                typer.echo(json.dumps(row, ensure_ascii=False))
            else:
                roles = "; ".join(row["roles"][:3])
                typer.echo(f"{row['id']}  {row['quotes']:>4} quotes  {len(row['documents']):>3} docs  "
                           f"{row['name']}" + (f"  ({roles})" if roles else ""))
