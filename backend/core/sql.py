"""Hand-written SELECTs for the few statements every request runs (who is calling, their
memberships), returning ordinary model instances.

Tortoise builds each query's SQL anew (pypika: filters resolved, joins validated, the
statement copied and rendered), which cost more than the database's answer on a `me`
request. These statements are written once; the rows are turned into models by Tortoise's
own `_init_from_db`, so values convert exactly as in any other query. Parameters are
written `$1`, `$2`, ... (SQLite gets `?1`, `?2`, ...: a parameter may appear twice).
"""

from __future__ import annotations

import functools
import re
from datetime import datetime, timezone
from typing import Any, TypeVar

from tortoise.models import Model

M = TypeVar("M", bound=Model)
_PARAMETER = re.compile(r"\$(\d+)")


@functools.cache
def _columns(model: type[Model]) -> tuple[str, ...]:
    return tuple(model._meta.fields_db_projection.values())


@functools.cache
def columns(model: type[Model], alias: str) -> str:
    """`alias.column AS "alias.column", ...` for every column of `model`."""
    return ", ".join(f'{alias}.{c} AS "{alias}.{c}"' for c in _columns(model))


def instance(model: type[M], row: Any, alias: str) -> M:
    """The model instance of the `columns(model, alias)` part of a row."""
    return model._init_from_db(**{c: row[f"{alias}.{c}"] for c in _columns(model)})


@functools.lru_cache(maxsize=512)
def _for_sqlite(sql: str) -> str:
    return _PARAMETER.sub(r"?\1", sql)


def for_dialect(sql: str, dialect: str) -> str:
    """`sql` with its `$1`, `$2`, ... as the database's driver takes them."""
    return _for_sqlite(sql) if dialect == "sqlite" else sql


def utc(value: object) -> datetime:
    """A datetime a hand-written SELECT answered, aware and in UTC: SQLite hands back the
    text Tortoise stored (UTC, ISO 8601), and MAX() over a datetime is text there too."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


async def select(model: type[Model], sql: str, *params: Any) -> list[Any]:
    """Rows of `sql`, run on `model`'s connection (the current transaction's, if any)."""
    db = model._meta.db
    _, rows = await db.execute_query(for_dialect(sql, db.capabilities.dialect), list(params))
    return list(rows)
