"""Renderers of analysed documents: the analysis JSON contract, a readable summary, an HTML page."""

from spinscope.export.analysis import SCHEMA, to_analysis

__all__ = ["SCHEMA", "to_analysis"]
