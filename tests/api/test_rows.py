"""The lists' row schemas read an object as django-ninja's own schemas do."""

from types import SimpleNamespace

from ninja import Schema

from passerelles.api.rows import RowSchema


def _pair(base):
    class Out(base):
        id: int
        name: str
        tags: list[str]
        label: str
        note: str = "none"

        @staticmethod
        def resolve_label(obj) -> str:
            return f"{obj['name'] if isinstance(obj, dict) else obj.name}!"

    return Out


def test_a_row_schema_gives_what_a_ninja_schema_gives():
    plain, fast = _pair(Schema), _pair(RowSchema)
    rows = [
        SimpleNamespace(id=1, name="Anne", tags=["a", "b"]),  # note missing: the default
        SimpleNamespace(id=2, name="Bob", tags=lambda: ["called"], note="kept"),  # callable
        {"id": 3, "name": "Cléa", "tags": [], "label": "dict", "note": "n"},
    ]
    for row in rows:
        assert fast.model_validate(row).model_dump() == plain.model_validate(row).model_dump()
