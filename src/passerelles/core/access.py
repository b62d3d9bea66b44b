"""Who runs the platform: the one rule every domain's access module builds on."""

from __future__ import annotations

from typing import Any


def is_operator(user: Any) -> bool:
    """A platform operator (Django staff): sees every circle, dashboard and log entry."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_staff", False))
