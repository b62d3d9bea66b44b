"""Read-only ORM queries compiled once per process and run again with new values.

Building a queryset and compiling it to SQL costs the web process about 0.3 ms of CPU
whatever its size (benchmarks/README.md); a query that every page runs with only an id
changing (the viewer's memberships, the bridges of their circles) pays it on every
request. ``Statement(build)`` calls ``build`` once per *shape* of its arguments with
marker values, compiles the queryset the ORM gives, and remembers where each argument
lands among the SQL's parameters; later calls send the same SQL with the real values
through Django's cursor (so transactions, query capture and execute wrappers see it as
any other query) and return the rows as ``values_list`` would.

Arguments are integers (ids), moments (aware datetimes compared with a ``DateTimeField``,
sent as the ORM adapts them), texts (sent as given: a lookup that rewrites its value, as
SQLite's ``iexact`` escapes ``%`` and ``_``, leaves the shape to the ORM) or collections
of integers (for ``__in``). A collection is
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

``build`` may also return a queryset of models (``select_related`` and annotations
included, no ``prefetch_related``): the rows are then model instances, made as the ORM makes
them. ``statement.window(*args, offset=, limit=)`` reads one slice of the rows (its LIMIT
and OFFSET sent as parameters, so every page shares one SQL), ``statement.count(*args,
limit=)`` counts them up to ``limit`` (``COUNT(*)`` over the first ``limit`` ids, unordered),
and ``statement.rows(*args)`` is a lazy list of them that paginators slice and count.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators

Arg = int | datetime | str | Collection[int]
# Where each SQL parameter comes from: (argument index, element index or -1), or a constant.
Slot = tuple[int, int] | tuple[None, Any]
Converters = list[tuple[int, list[Callable[..., Any]], Any]]

_MARK = -(2**52)  # markers: far below any id a sequence hands out
_MOMENT_MARK = datetime(1001, 1, 1, tzinfo=UTC)  # markers of moments: long before any
_TEXT_MARK = "\x1f%_\\statement-text-{}\x1f"  # what LIKE escapes, so a rewrite shows
_MAX_SHAPES = 128  # per statement; beyond, the ORM each time
# LIMIT and OFFSET of a window, compiled as these literals then sent as parameters.
_LIMIT_MARK, _OFFSET_MARK = 9_100_000_007, 8_300_000_011
_ROWS, _WINDOW, _COUNT = 0, 1, 2  # what a shape reads: every row, a slice, a count


class _Compiled:
    __slots__ = ("alias", "converters", "make", "slots", "sql")

    def __init__(self, alias: str, sql: str, slots: list[Slot], converters: Converters) -> None:
        self.alias, self.sql, self.slots, self.converters = alias, sql, slots, converters
        self.make: Callable[[list[tuple[Any, ...]]], list[Any]] | None = None  # rows -> models


def _model_maker(compiler: Any, alias: str) -> Callable[[list[tuple[Any, ...]]], list[Any]]:
    """What ``ModelIterable`` does with a compiled query's rows: a model instance per row,
    its ``select_related`` objects and annotations set."""
    select, klass_info = compiler.select, compiler.klass_info
    annotations = list(compiler.annotation_col_map.items())
    model_cls = klass_info["model"]
    fields = klass_info["select_fields"]
    start, end = fields[0], fields[-1] + 1
    init_list = [column[0].target.attname for column in select[start:end]]
    populators = get_related_populators(klass_info, select, alias)  # type: ignore[call-arg]  # the stubs follow a later Django (fetch_mode)

    def make(rows: list[tuple[Any, ...]]) -> list[Any]:
        objects = []
        for row in rows:
            obj = model_cls.from_db(alias, init_list, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in annotations:
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects

    return make


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

    def __call__(self, *args: Arg) -> list[Any]:
        return self._read(_ROWS, args, ())

    def window(self, *args: Arg, offset: int, limit: int) -> list[Any]:
        """The rows ``offset`` to ``offset + limit`` (as ``build(*args)[offset:offset+limit]``)."""
        if limit <= 0:
            return []
        return self._read(_WINDOW, args, (limit, offset))

    def count(self, *args: Arg, limit: int) -> int:
        """How many rows, counted no further than ``limit``."""
        if limit <= 0:
            return 0
        rows = self._read(_COUNT, args, (limit,))
        return int(rows[0][0]) if rows else 0

    def rows(self, *args: Arg) -> StatementRows:
        """The rows, read lazily: a slice reads that window, ``count_upto`` counts."""
        return StatementRows(self, args)

    def _orm(self, mode: int, args: tuple[Any, ...], window: tuple[int, ...]) -> list[Any]:
        queryset = self.build(*args)
        if mode == _WINDOW:
            limit, offset = window
            return list(queryset[offset : offset + limit])
        if mode == _COUNT:
            return [(queryset.order_by()[: window[0]].count(),)]
        return list(queryset)

    def _read(self, mode: int, args: tuple[Any, ...], window: tuple[int, ...]) -> list[Any]:
        values: list[int | datetime | str | list[int]] = []
        shape: list[int] = [mode]
        for arg in args:
            if isinstance(arg, int):
                values.append(arg)
                shape.append(-1)
            elif isinstance(arg, datetime):  # a moment (aware), compared with a DateTimeField
                values.append(arg)  # adapted when sent
                shape.append(-2)
            elif isinstance(arg, str):  # a text, sent as given
                values.append(arg)
                shape.append(-3)
            elif arg is None:  # the ORM's IS NULL: not a shape compiled here
                return self._orm(mode, args, window)
            else:
                distinct = set(arg)
                if None in distinct:  # the ORM leaves None out of an IN
                    return self._orm(mode, args, window)
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
            return [(0,)] if mode == _COUNT else []
        if compiled is _ORM:
            return self._orm(mode, args, window)
        rows = self._run(compiled, values, window)
        return compiled.make(rows) if compiled.make is not None else rows

    def _compile(self, key: tuple[int, ...]) -> Any:
        mode, shape = key[0], key[1:]
        markers: list[int | str | list[int]] = []
        where: dict[Any, tuple[int, int]] = {}
        moments: list[tuple[datetime, int]] = []
        next_mark = _MARK
        for position, size in enumerate(shape):
            if size == -2:
                moment = _MOMENT_MARK + timedelta(seconds=len(moments) + 1)
                markers.append(moment)  # type: ignore[arg-type]
                moments.append((moment, position))
            elif size == -3:
                text = _TEXT_MARK.format(position)
                markers.append(text)
                where[text] = (position, -1)
            elif size < 0:
                markers.append(next_mark)
                where[next_mark] = (position, -1)
                next_mark -= 1
            else:
                marks = list(range(next_mark, next_mark - size, -1))
                markers.append(marks)
                where.update({m: (position, i) for i, m in enumerate(marks)})
                next_mark -= size
        queryset = self.build(*markers)
        models = queryset._iterable_class is ModelIterable
        if not models and queryset._iterable_class is not ValuesListIterable:
            return _ORM
        if models and (
            vars(queryset).get("_prefetch_related_lookups")
            or vars(queryset).get("_known_related_objects")
        ):
            return _ORM  # what ModelIterable does beyond making the rows' models
        if queryset.query.is_sliced:
            return _ORM  # its LIMIT is the build's own: not a window of it
        if mode == _COUNT:
            queryset = queryset.order_by().values_list("pk")[:_LIMIT_MARK]
            models = False
        elif mode == _WINDOW:
            queryset = queryset[_OFFSET_MARK : _OFFSET_MARK + _LIMIT_MARK]
        alias = queryset.db
        adapt = connections[alias].ops.adapt_datetimefield_value
        for moment, position in moments:  # as the ORM sends a moment compared with one
            where[adapt(moment)] = (position, -2)
        compiler = queryset.query.get_compiler(alias)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return _EMPTY
        if mode != _ROWS:
            tail = f"LIMIT {_LIMIT_MARK}" + (f" OFFSET {_OFFSET_MARK}" if mode == _WINDOW else "")
            if sql.count(tail) != 1 or not sql.endswith(tail):
                return _ORM
            sql = sql[: -len(tail)] + ("LIMIT %s OFFSET %s" if mode == _WINDOW else "LIMIT %s")
            if mode == _COUNT:
                sql = f"SELECT COUNT(*) FROM ({sql}) subquery"
        slots: list[Slot] = []
        seen: set[int] = set()
        for param in params:
            if type(param) in (int, str, datetime) and param in where:
                slots.append(where[param])
                seen.add(param)
            elif isinstance(param, int) and param <= _MARK:
                return _ORM
            else:
                slots.append((None, param))
        if seen != set(where):
            return _ORM
        if mode == _COUNT:
            return _Compiled(alias, sql, slots, [])
        columns = [column for column, _sql, _alias in compiler.select]
        names = [alias for _column, _sql, alias in compiler.select]
        fields = getattr(queryset, "_fields", ())
        if fields and names != list(fields):
            return _ORM  # the ORM would reorder the columns
        converters = [
            (position, functions, expression)
            for position, (functions, expression) in compiler.get_converters(columns).items()
        ]
        compiled = _Compiled(alias, sql, slots, converters)
        if models:
            compiled.make = _model_maker(compiler, alias)
        return compiled

    @staticmethod
    def _run(
        compiled: _Compiled,
        values: list[int | datetime | str | list[int]],
        window: tuple[int, ...] = (),
    ) -> list[tuple[Any, ...]]:
        connection = connections[compiled.alias]
        params: list[Any] = []
        for source, value in compiled.slots:
            if source is None:
                params.append(value)  # a constant of the query
            elif value == -2:  # a moment, adapted as the ORM adapts a DateTimeField's
                params.append(connection.ops.adapt_datetimefield_value(values[source]))  # type: ignore[arg-type]  # a moment's slot holds a datetime
            elif value < 0:
                params.append(values[source])  # an integer argument
            else:
                params.append(values[source][value])  # type: ignore[index]  # a list's item
        params.extend(window)  # LIMIT (and OFFSET): the SQL's last parameters
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


class StatementRows:
    """A statement's rows for given arguments, read when sliced (one window) or counted;
    what ``Paginator`` and the API's pages ask of a queryset, without building one."""

    def __init__(self, statement: Statement, args: tuple[Arg, ...]) -> None:
        self.statement, self.args = statement, args

    @staticmethod
    def bounds(index: slice) -> tuple[int, int]:
        """``(start, stop)`` of a slice without a step and with a stop, both >= 0."""
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("StatementRows are read by slices without a step")
        start, stop = index.start or 0, index.stop
        if start < 0 or stop is None or stop < 0:
            raise ValueError("StatementRows are read by bounded slices")
        return start, stop

    def __getitem__(self, index: slice) -> list[Any]:
        start, stop = self.bounds(index)
        return self.statement.window(*self.args, offset=start, limit=stop - start)

    def count_upto(self, limit: int) -> int:
        """How many rows, counted no further than ``limit``."""
        return self.statement.count(*self.args, limit=limit)
