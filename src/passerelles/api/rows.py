"""Schemas for the rows of the API's lists, read faster than django-ninja reads them.

django-ninja reads every field of an object through a wrapper (``DjangoGetter``) whose
attribute lookup converts each value (managers, querysets, callables, files): about 1 ms
for a page of 50 rows, as much as the rest of the answer's Python. ``RowSchema`` reads
each field once from the object, converting only what is not a plain value, then has
pydantic validate the plain dict: the same fields, resolvers and JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema
from ninja.schema import DjangoGetter
from pydantic import ModelWrapValidatorHandler, ValidationInfo, model_validator

PLAIN = (str, int, float, bool, dt.datetime, dt.date, type(None))


class RowSchema(Schema):
    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(
        cls, values: Any, handler: ModelWrapValidatorHandler[Any], info: ValidationInfo
    ) -> Any:
        if isinstance(values, dict | Schema) or not _plain_fields(cls):
            return super()._run_root_validator(values, handler, info)  # type: ignore[misc,operator]
        getter = DjangoGetter(values, cls, info.context)
        resolvers = cls._ninja_resolvers  # type: ignore[attr-defined]
        data = {}
        for name in cls.model_fields:
            resolver = resolvers.get(name)
            if resolver:
                value = resolver(getter=getter)
            else:
                try:
                    value = getattr(values, name)
                except AttributeError:
                    try:
                        value = getattr(getter, name)  # its other lookups (a dict's keys…)
                    except AttributeError:
                        continue  # missing: the field's default, or pydantic's error
            data[name] = value if isinstance(value, PLAIN) else getter._convert_result(value)
        return handler(data)


_PLAIN_FIELDS: dict[type, bool] = {}


def _plain_fields(cls: type[Schema]) -> bool:
    """Whether a dict keyed by the field names is what pydantic reads for this schema
    (no alias, extra fields allowed or ignored, assignments not validated)."""
    found = _PLAIN_FIELDS.get(cls)
    if found is None:
        config = cls.model_config
        found = _PLAIN_FIELDS[cls] = (
            config.get("extra") != "forbid"
            and not config.get("validate_assignment", False)
            and all(
                field.alias is None and field.validation_alias is None
                for field in cls.model_fields.values()
            )
        )
    return found
