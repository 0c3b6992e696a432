"""Kept for imports written before `citations/` became a package: see `nerpipe.citations.resolve`."""

from __future__ import annotations

from nerpipe.citations.resolve import resolve

__all__ = ["resolve"]
