"""The `spinscope` command: a thin Typer wrapper over typed functions the API also calls.

Exit codes: 0 all inputs done; 1 some inputs failed (each named on stderr), the rest done;
2 usage error; 3 nothing could be done (store, model or data directory unusable).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging

import typer

__all__ = ["app", "EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE", "EXIT_FATAL"]

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_FATAL = 3

app = typer.Typer(
    name="spinscope",
    help="Who said what, which claims, which persuasion techniques, and where else it appeared.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module defines `register(app)`; a module that is not installed yet is skipped.
_COMMAND_MODULES = ("analyze", "corpus", "evaluate", "speakers", "claims", "train")


@app.callback()
def _main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details to stderr.")) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


for _name in _COMMAND_MODULES:
    _module = f"spinscope.cli.{_name}"
    if importlib.util.find_spec(_module) is not None:
        importlib.import_module(_module).register(app)
