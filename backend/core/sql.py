"""Hand-written SELECTs for the few statements every request runs (who is calling, their
memberships), returning ordinary model instances.

Tortoise builds each query's SQL anew (pypika: filters resolved, joins validated, the
statement copied and rendered), which cost more than the database's answer on a `me`
request. These statements are written once; the rows are turned into models by Tortoise's
own `_init_from_db`, so values convert exactly as in any other query. Parameters are
written `$1`, `$2`, ... in the order they appear (SQLite gets `?`).
"""

from __future__ import annotations

import functools
import re
from typing import Any, TypeVar

from tortoise.models import Model

M = TypeVar("M", bound=Model)
_PARAMETER = re.compile(r"\$\d+")


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


@functools.cache
def _for_sqlite(sql: str) -> str:
    return _PARAMETER.sub("?", sql)


async def select(model: type[Model], sql: str, *params: Any) -> list[Any]:
    """Rows of `sql`, run on `model`'s connection (the current transaction's, if any)."""
    db = model._meta.db
    if db.capabilities.dialect == "sqlite":
        sql = _for_sqlite(sql)
    _, rows = await db.execute_query(sql, list(params))
    return list(rows)
