"""Pieces of the event page that domains above events add (discussions: the event's
comments), so that events needs not import them: each registers a callable
``(event) -> dict`` of template context from its ``AppConfig.ready``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_EXTRAS: list[Callable[[Any], dict[str, Any]]] = []


def add_event_page_extra(extra: Callable[[Any], dict[str, Any]]) -> None:
    if extra not in _EXTRAS:
        _EXTRAS.append(extra)


def page_extras(event: Any) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for extra in _EXTRAS:
        context.update(extra(event))
    return context
