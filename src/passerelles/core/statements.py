"""Read-only ORM queries compiled once per process and run again with new values.

Building a queryset and compiling it to SQL costs the web process about 0.3 ms of CPU
whatever its size (benchmarks/README.md); a query that every page runs with only an id
changing (the viewer's memberships, the bridges of their circles) pays it on every
request. ``Statement(build)`` calls ``build`` once per *shape* of its arguments with
marker values, compiles the queryset the ORM gives, and remembers where each argument
lands among the SQL's parameters; later calls send the same SQL with the real values
through Django's cursor (so transactions, query capture and execute wrappers see it as
any other query) and return the rows as ``values_list`` would.

Arguments are integers (ids) or collections of integers (for ``__in``). A collection is
sent sorted and without repeats, its length rounded up to a power of two by repeating its
last value (``IN (3, 5, 5, 5)`` selects what ``IN (3, 5)`` does), so a handful of shapes
covers every length; ``Statement(build, pad=False)`` sends it at its own length instead
(one shape per length, for lists whose size is bounded, such as a page of ids: never
more values than given). An empty one gives what the ORM gives for an empty ``IN``.
``build`` must depend on its arguments only (no clock, no language, no settings read at
call time) and return a ``values_list`` queryset without ``flat`` or ``named``. Whenever
the compiled SQL does not carry every marker as a parameter of its own (the ORM folded or
transformed a value), the statement falls back to running ``build(*args)`` through the ORM
each time: the result is the same, only slower. ``tests/core/test_statements.py``
compares both ways.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import ValuesListIterable

Arg = int | Collection[int]
# Where each SQL parameter comes from: (argument index, element index or -1), or a constant.
Slot = tuple[int, int] | tuple[None, Any]
Converters = list[tuple[int, list[Callable[..., Any]], Any]]

_MARK = -(2**52)  # markers: far below any id a sequence hands out
_MAX_SHAPES = 32  # per statement; beyond, the ORM each time


class _Compiled:
    __slots__ = ("alias", "converters", "slots", "sql")

    def __init__(self, alias: str, sql: str, slots: list[Slot], converters: Converters) -> None:
        self.alias, self.sql, self.slots, self.converters = alias, sql, slots, converters


_EMPTY = object()  # the shape whose WHERE can match nothing: no query, no rows
_ORM = object()  # the shape the ORM must build each time


def _bucket(length: int) -> int:
    return 0 if length == 0 else 1 << (length - 1).bit_length()


class Statement:
    """``build(*args)``'s rows, its SQL compiled once per shape of ``args``."""

    def __init__(self, build: Callable[..., QuerySet[Any, Any]], *, pad: bool = True) -> None:
        self.build = build
        self.pad = pad
        self._shapes: dict[tuple[int, ...], Any] = {}

    def __call__(self, *args: Arg) -> list[tuple[Any, ...]]:
        values: list[int | list[int]] = []
        shape: list[int] = []
        for arg in args:
            if isinstance(arg, int):
                values.append(arg)
                shape.append(-1)
            elif arg is None:  # the ORM's IS NULL: not a shape compiled here
                return list(self.build(*args))
            else:
                distinct = set(arg)
                if None in distinct:  # the ORM leaves None out of an IN
                    return list(self.build(*args))
                items = sorted(distinct)
                size = _bucket(len(items)) if self.pad else len(items)
                values.append(items + items[-1:] * (size - len(items)))
                shape.append(size)
        key = tuple(shape)
        compiled = self._shapes.get(key)
        if compiled is None:
            compiled = self._compile(key)
            if len(self._shapes) < _MAX_SHAPES:
                self._shapes[key] = compiled
        if compiled is _EMPTY:
            return []
        if compiled is _ORM:
            return list(self.build(*args))
        return self._run(compiled, values)

    def _compile(self, shape: tuple[int, ...]) -> Any:
        markers: list[int | list[int]] = []
        where: dict[int, tuple[int, int]] = {}
        next_mark = _MARK
        for position, size in enumerate(shape):
            if size < 0:
                markers.append(next_mark)
                where[next_mark] = (position, -1)
                next_mark -= 1
            else:
                marks = list(range(next_mark, next_mark - size, -1))
                markers.append(marks)
                where.update({m: (position, i) for i, m in enumerate(marks)})
                next_mark -= size
        queryset = self.build(*markers)
        if queryset._iterable_class is not ValuesListIterable:
            return _ORM
        alias = queryset.db
        compiler = queryset.query.get_compiler(alias)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return _EMPTY
        slots: list[Slot] = []
        seen: set[int] = set()
        for param in params:
            if type(param) is int and param in where:
                slots.append(where[param])
                seen.add(param)
            elif isinstance(param, int) and param <= _MARK:
                return _ORM
            else:
                slots.append((None, param))
        if seen != set(where):
            return _ORM
        columns = [column for column, _sql, _alias in compiler.select]
        names = [alias for _column, _sql, alias in compiler.select]
        fields = getattr(queryset, "_fields", ())
        if fields and names != list(fields):
            return _ORM  # the ORM would reorder the columns
        converters = [
            (position, functions, expression)
            for position, (functions, expression) in compiler.get_converters(columns).items()
        ]
        return _Compiled(alias, sql, slots, converters)

    @staticmethod
    def _run(compiled: _Compiled, values: list[int | list[int]]) -> list[tuple[Any, ...]]:
        params: list[Any] = []
        for source, value in compiled.slots:
            if source is None:
                params.append(value)  # a constant of the query
            elif value < 0:
                params.append(values[source])  # an integer argument
            else:
                params.append(values[source][value])  # type: ignore[index]  # a list's item
        connection = connections[compiled.alias]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if not compiled.converters:
            return [tuple(row) for row in rows]
        converted = []
        for row in rows:
            items = list(row)
            for position, functions, expression in compiled.converters:
                value = items[position]
                for convert in functions:
                    value = convert(value, expression, connection)
                items[position] = value
            converted.append(tuple(items))
        return converted
