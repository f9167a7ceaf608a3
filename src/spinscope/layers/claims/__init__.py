"""Claims: check-worthy sentences with their normalised quantities and claimant."""

from __future__ import annotations

from spinscope.layers.claims.layer import ClaimsLayer

__all__ = ["ClaimsLayer"]
