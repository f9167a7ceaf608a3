"""`spinscope train MODEL [--seed N] [--out DIR]`: retrain a shipped model from ../shared/data, seeded."""

from __future__ import annotations

import importlib
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from spinscope.errors import SpinscopeError

__all__ = ["register", "TRAINERS", "train"]

logger = logging.getLogger(__name__)

#: Model name → "module:function" taking (seed, out_dir) and returning a JSON-able summary.
TRAINERS = {
    "techniques": "spinscope.train.techniques:train_techniques",
    # The same model with its MiniLM tagger fine-tuned (LoRA) rather than a head on the frozen encoder.
    "techniques-lora": "spinscope.train.techniques:train_techniques_lora",
    "claims": "spinscope.layers.claims.train:train",
    "quotes": "spinscope.layers.quotes.train:train",
    # The MiniLM cue tagger (LoRA fine-tune) and its blend with the linear cue model.
    "quotes-tagger": "spinscope.layers.quotes.train:train_tagger",
}


def _trainer(name: str) -> Callable[..., dict[str, Any]]:
    module, _, func = TRAINERS[name].partition(":")
    return getattr(importlib.import_module(module), func)  # type: ignore[no-any-return]


def train(name: str, seed: int, out: Path | None = None) -> dict[str, Any]:
    """Train one model; without `out` it replaces the shipped model files."""
    fn = _trainer(name)
    return fn(seed=seed, out_dir=out) if out is not None else fn(seed=seed)


def register(app: typer.Typer) -> None:
    """Add the `train` command group with one subcommand per entry of TRAINERS."""
    group = typer.Typer(help="Retrain a shipped model from ../shared/data (seeded, reproducible).",
                        no_args_is_help=True)

    def make(name: str) -> None:
        @group.command(name)
        def command(
            seed: Annotated[int, typer.Option("--seed", help="Random seed; the same seed gives the same model.")] = 13,
            out: Annotated[Path | None, typer.Option("--out", help="Write the model here, not in the package.")] = None,
        ) -> None:
            try:
                summary = train(name, seed, out)
            except SpinscopeError as exc:
                typer.echo(str(exc), err=True)
                raise typer.Exit(3) from exc
            typer.echo(json.dumps({"model": name, **summary}, sort_keys=True))

        command.__doc__ = f"Train the {name} model."

    for name in TRAINERS:
        make(name)
    app.add_typer(group, name="train")
