"""Running the hottest hand-written queries: prepared once per connection on PostgreSQL, rows loaded straight into
model instances.

Every uncached article page runs the same query (articles/article_page.py; it was three when this was measured).
PostgreSQL spent more time planning the three than running them: with PREPARE once per connection and EXECUTE
after, they cost 0.68 ms of database time instead of 1.34 ms (pgbench, one client, random articles of 100,000).
Other databases run the SQL as written; SQLite keeps its own statement cache.

The PREPARE runs on the driver's cursor, outside Django's query log, like the time zone Django itself sets on each
new connection: it is per connection, not per request, so the pages' query budgets count only the EXECUTEs.
Behind a pooler that hands one client's transactions to different server connections (PgBouncer in transaction
mode), a prepared statement may be missing on the next transaction: set DB_PREPARED_STATEMENTS=0 there.
"""

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from functools import cache

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.signals import connection_created
from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init


def _forget_prepared(sender, connection, **kwargs):
    # A new server connection has no prepared statements, whatever the previous one had.
    connection.prepared_statements = set()


connection_created.connect(_forget_prepared)


def _numbered(sql: str) -> str:
    """`sql` with its %s placeholders as PostgreSQL's $1, $2, ... (the text may hold no other % sign)."""
    parts = sql.split("%s")
    return "".join(f"{part}${number}" for number, part in enumerate(parts[:-1], start=1)) + parts[-1]


def json_rows(columns: Sequence[str], source: str) -> str:
    """A scalar subquery: the rows of the SELECT `source` (aliased j) as one JSON array of arrays of `columns`, as
    each database spells it. Lets one query bring an object and a list that belongs to it; read it with
    from_json(). No order is kept (SQLite before 3.44 cannot order an aggregate): sort the rows in Python."""
    postgresql = connection.vendor == "postgresql"
    array, aggregate = ("json_build_array", "json_agg") if postgresql else ("json_array", "json_group_array")
    return f"(SELECT {aggregate}({array}({', '.join(columns)})) FROM ({source}) j)"  # noqa: S608  names only


def from_json(value) -> list[list]:
    """The rows of a json_rows() column: PostgreSQL's driver decodes JSON, SQLite's hands back text."""
    return json.loads(value) if isinstance(value, str) else value or []


def json_datetime(value: str | None) -> datetime | None:
    """A time from a json_rows() column: ISO text from PostgreSQL, naive UTC text from SQLite."""
    if value is None:
        return None
    found = datetime.fromisoformat(value)
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def fetch(name: str, sql: str, params: Sequence) -> list[tuple]:
    """The rows of `sql` run with `params`. On PostgreSQL `sql` is prepared as `name` the first time this connection
    runs it; `name` must be unique to the text."""
    db = connections[DEFAULT_DB_ALIAS]  # the connection itself: `connection` is a per-thread proxy to it
    with db.cursor() as cursor:
        if db.vendor != "postgresql" or not settings.DB_PREPARED_STATEMENTS:
            cursor.execute(sql, params)
            return cursor.fetchall()
        prepared = getattr(db, "prepared_statements", None)
        if prepared is None:
            prepared = db.prepared_statements = set()
        if name not in prepared:
            with db.connection.cursor() as driver_cursor:
                driver_cursor.execute(f"PREPARE {name} AS {_numbered(sql)}")
            prepared.add(name)
        cursor.execute(f"EXECUTE {name}({', '.join(['%s'] * len(params))})", params)
        return cursor.fetchall()


class RowLoader:
    """Turns columns of a row into an instance of `model`, with the conversions the ORM applies (SQLite's dates and
    booleans, JSON), as Model.from_db() does for a queryset. `attnames` name the row's columns in order; the model's
    other fields are deferred."""

    def __init__(self, model: type[Model], attnames: Sequence[str]):
        self.model, self.attnames = model, list(attnames)
        fields = {field.attname: field for field in model._meta.concrete_fields}
        self.fields = [fields[attname] for attname in self.attnames]
        # from_db() only asks whether each field was loaded (and takes the values in field order when all were).
        self._loaded = frozenset(self.attnames)

    def _builder(self):
        """A function (alias, values) -> what model.from_db(alias, attnames, values) returns. Model.__init__ walks
        every field, setting each through its descriptor, and sends pre_init and post_init; with no receivers of
        either (an ImageField is one), the instance it leaves is a fresh ModelState and the loaded values in
        __dict__, the others deferred. Building that directly takes a fifth of the time. Asked once per batch of
        rows: receivers may be connected at any time, but not in the middle of loading a query's rows."""
        model = self.model
        if pre_init.has_listeners(model) or post_init.has_listeners(model):
            loaded = self._loaded
            return lambda alias, values: model.from_db(alias, loaded, values)
        return self._instance

    def _instance(self, alias: str, values: list) -> Model:
        model = self.model
        instance = model.__new__(model)
        state = ModelState()
        state.adding, state.db = False, alias
        instance.__dict__.update(zip(self.attnames, values, strict=True), _state=state)
        return instance

    @cache  # noqa: B019  a handful of loaders, each living as long as the process
    def _converters(self, vendor: str) -> list[tuple]:
        table = self.model._meta.db_table
        found = []
        for position, field in enumerate(self.fields):
            column = field.get_col(table)
            functions = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            if functions:
                found.append((position, column, functions))
        return found

    def load_json(self, rows: Iterable[Sequence]) -> list[Model]:
        """Instances from json_rows() rows of the same columns: times arrive as text and are parsed here; other
        values come as JSON has them (no booleans or decimals among the columns this is used for)."""
        times = [position for position, field in enumerate(self.fields) if field.get_internal_type() == "DateTimeField"]
        alias, build = connection.alias, self._builder()
        instances = []
        for row in rows:
            values = list(row)
            for position in times:
                values[position] = json_datetime(values[position])
            instances.append(build(alias, values))
        return instances

    def load(self, values: Sequence) -> Model:
        return self.load_all([values])[0]

    def load_all(self, rows: Iterable[Sequence]) -> list[Model]:
        db = connections[DEFAULT_DB_ALIAS]  # once: each lookup through the `connection` proxy costs a thread-local
        converters, build = self._converters(db.vendor), self._builder()
        instances = []
        for row in rows:
            values = list(row)
            for position, column, functions in converters:
                for convert in functions:
                    values[position] = convert(values[position], column, db)
            instances.append(build(db.alias, values))
        return instances
