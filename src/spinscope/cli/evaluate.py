"""`spinscope eval TASK --data DIR [--predictions OUT] [--model DIR]`: run models and score them officially."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import typer

from spinscope.errors import SpinscopeError

__all__ = ["register", "TASKS", "MODEL_TASKS", "evaluate"]

#: Task name → module in spinscope.eval exposing `run(data: Path, predictions: Path | None) -> dict`.
TASKS = {"ptc": "ptc", "semeval2023": "semeval2023", "polnear": "polnear", "checkthat2020": "checkthat2020",
         "numclaims": "numclaims"}
#: Tasks whose model folder `--model` can replace (a folder written by `spinscope train techniques[-lora] --out`).
MODEL_TASKS = ("ptc", "semeval2023")


def evaluate(task: str, data: Path, predictions: Path | None = None, model: Path | None = None) -> dict[str, object]:
    """Run the task's evaluation (with the model folder `model` where given); return the scores (empty without gold)."""
    module = importlib.import_module(f"spinscope.eval.{TASKS[task]}")
    if model is None:
        return dict(module.run(data, predictions))
    return dict(module.run(data, predictions, model_dir=model))


def register(app: typer.Typer) -> None:
    """Add the `eval` command."""

    @app.command("eval")
    def eval_command(
        task: str = typer.Argument(..., help=f"One of: {', '.join(TASKS)}."),
        data: Path = typer.Option(..., "--data", help="Dataset directory laid out as in ../shared/data/<task>."),
        predictions: Path | None = typer.Option(None, "--predictions", help="Where to write predictions."),
        model: Path | None = typer.Option(None, "--model", help="Model folder to score instead of the shipped one "
                                          f"(written by `spinscope train ... --out`; tasks {', '.join(MODEL_TASKS)})."),
    ) -> None:
        """Write predictions in the task's official format and print the official scores."""
        if task not in TASKS:
            typer.echo(f"unknown task {task!r}; choose one of {', '.join(TASKS)}", err=True)
            raise typer.Exit(2)
        if model is not None and task not in MODEL_TASKS:
            typer.echo(f"--model applies to {', '.join(MODEL_TASKS)}, not {task!r}", err=True)
            raise typer.Exit(2)
        try:
            scores = evaluate(task, data, predictions, model)
        except SpinscopeError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(3) from exc
        for key, value in scores.items():
            if not isinstance(value, dict):
                typer.echo(f"{key}\t{value:.4f}" if isinstance(value, float) else f"{key}\t{value}")
        typer.echo(json.dumps({"task": task, **scores}, sort_keys=True))
