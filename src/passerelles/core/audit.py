"""Writing the audit log from named actions.

Each domain names its verbs once, with the words the log shows::

    APPROVED = audit.verb("membership.approved", _("a admis"))

and each action that changes state calls ``audit.record(...)`` inside its transaction, so
that the change and its record are written together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q, QuerySet

from passerelles.core.models import AuditEntry

_LABELS: dict[str, Any] = {}
_FIELD_LABELS: dict[str, Any] = {}
_VALUE_LABELS: dict[str, Any] = {}


def verb(name: str, label: Any) -> str:
    """Declare a verb of the log and the (lazy, translated) words that show it."""
    _LABELS[name] = label
    return name


def verb_label(name: str) -> str:
    return str(_LABELS.get(name, name))


def field_labels(**labels: Any) -> None:
    """Name, for the log's readers, the keys of ``changes`` a domain writes (others are
    not shown)."""
    _FIELD_LABELS.update(labels)


def value_labels(choices: Iterable[tuple[Any, Any]]) -> None:
    """Words for the values a domain writes in ``changes`` (a model's ``choices``)."""
    _VALUE_LABELS.update(dict(choices))


def field_label(name: str) -> str | None:
    label = _FIELD_LABELS.get(name)
    return None if label is None else str(label)


def value_label(value: Any) -> str:
    return str(_VALUE_LABELS.get(value, value))


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of ``fields`` before a change, to give ``diff`` afterwards."""
    return {field: getattr(obj, field) for field in fields}


def diff(before: dict[str, Any], obj: models.Model) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` for the fields of ``before`` that changed."""
    changed = {}
    for field, old in before.items():
        new = getattr(obj, field)
        if new != old:
            changed[field] = [old, new]
    return changed


def _pk(value: models.Model | int | None) -> int | None:
    if value is None or isinstance(value, int):
        return value
    pk: int | None = value.pk
    return pk


def record(
    verb: str,
    obj: models.Model,
    *,
    acting_user: Any,
    subject: Any = None,
    circle: models.Model | int | None = None,
    other_circle: models.Model | int | None = None,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one entry; must run inside the action's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record() belongs inside the action's transaction")
    actor = acting_user if getattr(acting_user, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        acting_user=actor,
        verb=verb,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        subject_user=subject,
        circle_id=_pk(circle),
        other_circle_id=_pk(other_circle),
        changes=changes or {},
    )


def entries_for_circle(circle: models.Model | int) -> QuerySet[AuditEntry]:
    """What happened in a circle, and to its bridges, newest first."""
    pk = _pk(circle)
    return AuditEntry.objects.filter(Q(circle_id=pk) | Q(other_circle_id=pk)).select_related(
        "acting_user", "subject_user"
    )


def entries() -> QuerySet[AuditEntry]:
    """The whole log, newest first (for platform operators)."""
    return AuditEntry.objects.select_related("acting_user", "subject_user")
