"""The audit log as circle admins and operators read it: who did what to whom, when."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from passerelles.circles.models import BridgeState, Circle, MembershipState, Role
from passerelles.core import audit
from passerelles.core.models import AuditEntry

FIELD_LABELS = {"state": _("statut"), "role": _("rôle"), "policy": _("règle")}
VALUE_LABELS: dict[str, Any] = {
    **dict(MembershipState.choices),
    **dict(Role.choices),
    **{f"bridge:{value}": label for value, label in BridgeState.choices},
}
audit.field_labels(**FIELD_LABELS)


@dataclass
class Line:
    entry: AuditEntry
    circle: Circle | None
    other_circle: Circle | None
    changes: list[tuple[str, str, str]]
    about: str = ""  # what the entry is about, when its model says (``audit_label``)


def _value(value: Any, bridge: bool) -> str:
    if value in (None, ""):
        return "—"
    key = f"bridge:{value}" if bridge else value
    if key in VALUE_LABELS or value in VALUE_LABELS:
        return str(VALUE_LABELS.get(key, VALUE_LABELS.get(value, value)))
    return audit.value_label(value)


def _changes(entry: AuditEntry) -> list[tuple[str, str, str]]:
    bridge = entry.verb.startswith("bridge.")
    shown = []
    for field, change in (entry.changes or {}).items():
        label = audit.field_label(field)
        if label is None:
            continue
        if isinstance(change, list) and len(change) == 2:
            shown.append((label, _value(change[0], bridge), _value(change[1], bridge)))
        else:
            shown.append((label, "", _value(change, bridge)))
    return shown


def _labels(entries: list[AuditEntry]) -> dict[tuple[int, int], str]:
    """``{(content type, object id): label}`` for the objects whose model has an
    ``audit_label`` (an event's title, a discussion's subject), one query per model; an
    object deleted since (with its circle, say) has none. The log stores no title, so
    that erasing an object erases its words from the log too."""
    wanted: dict[int, set[int]] = {}
    for entry in entries:
        wanted.setdefault(entry.content_type_id, set()).add(entry.object_id)
    labels = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None or not hasattr(model, "audit_label"):
            continue
        for pk, obj in model._default_manager.in_bulk(list(ids)).items():
            labels[(type_id, pk)] = str(obj.audit_label)
    return labels


def lines(entries: list[AuditEntry]) -> list[Line]:
    """Entries with their circles (one query) and their changes in words."""
    ids = {e.circle_id for e in entries} | {e.other_circle_id for e in entries}
    circles = Circle.objects.in_bulk([pk for pk in ids if pk])
    labels = _labels(entries)
    return [
        Line(
            e,
            circles.get(e.circle_id),
            circles.get(e.other_circle_id),
            _changes(e),
            labels.get((e.content_type_id, e.object_id), ""),
        )
        for e in entries
    ]


def circle_log(circle: Circle) -> QuerySet[AuditEntry]:
    return audit.entries_for_circle(circle)


def whole_log() -> QuerySet[AuditEntry]:
    return audit.entries()
