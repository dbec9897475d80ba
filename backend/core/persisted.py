"""Persisted queries: Apollo's Automatic Persisted Queries (APQ) and an allow-list mode.

APQ: a client sends `extensions.persistedQuery = {version: 1, sha256Hash}` without the query
text; a known hash runs the stored query, an unknown one answers
`PERSISTED_QUERY_NOT_FOUND`, and the client retries with the text and the hash, which is
stored (after checking the hash) for next time. Mobile clients save the bytes of the query on
every request. The store is per process, shared through Redis when `REDIS_URL` is set.

Allow-list (`GRAPHQL_PERSISTED_ONLY=true`, for production): only operations registered in
the manifest (`persisted-queries.json`, the portal's own operations, written at build time
by `python -m frontend.api.operations`) run, whether sent as a hash or as text; anything
else answers `PERSISTED_QUERY_NOT_IN_LIST` and nothing runs.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import AsyncIterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from backend.core.config import get_settings

MEMORY_ENTRIES = 5_000
REDIS_TTL_SECONDS = 7 * 24 * 3600


def sha256(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()


def refusal(code: str, message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code})


class QueryStore:
    """Hash -> query text: a bounded in-memory LRU, and Redis when configured."""

    def __init__(self, redis_url: str | None) -> None:
        self._memory: OrderedDict[str, str] = OrderedDict()
        self._redis: Any = None
        if redis_url:
            import redis.asyncio as redis

            self._redis = redis.from_url(redis_url)

    async def get(self, digest: str) -> str | None:
        if digest in self._memory:
            self._memory.move_to_end(digest)
            return self._memory[digest]
        if self._redis is not None:
            found = await self._redis.get(f"portico:apq:{digest}")
            if found is not None:
                self._remember(digest, found.decode())
                return found.decode()
        return None

    async def put(self, digest: str, query: str) -> None:
        self._remember(digest, query)
        if self._redis is not None:
            await self._redis.set(f"portico:apq:{digest}", query, ex=REDIS_TTL_SECONDS)

    def _remember(self, digest: str, query: str) -> None:
        self._memory[digest] = query
        self._memory.move_to_end(digest)
        while len(self._memory) > MEMORY_ENTRIES:
            self._memory.popitem(last=False)


@lru_cache(maxsize=1)
def store() -> QueryStore:
    return QueryStore(get_settings().redis_url)


@lru_cache(maxsize=4)
def manifest(path: str) -> dict[str, str]:
    """The registered operations (hash -> text); empty when the file is missing."""
    file = Path(path)
    return json.loads(file.read_text()) if file.is_file() else {}


def _requested_hash(extensions: dict[str, Any] | None) -> str | None:
    persisted = (extensions or {}).get("persistedQuery")
    if persisted is None:
        return None
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        raise refusal("PERSISTED_QUERY_NOT_SUPPORTED", "Only persisted query version 1 is supported.")
    digest = persisted.get("sha256Hash")
    if not isinstance(digest, str) or len(digest) != 64:
        raise refusal("BAD_USER_INPUT", "persistedQuery.sha256Hash must be a hex SHA-256.")
    return digest.lower()


async def resolve(query: str | None, extensions: dict[str, Any] | None) -> str | None:
    """The query text to run, or a GraphQLError with the protocol's code."""
    settings = get_settings()
    digest = _requested_hash(extensions)
    if settings.graphql_persisted_only:
        registered = manifest(settings.persisted_queries_file)
        key = digest or (sha256(query) if query else None)
        if key is None or key not in registered or (query is not None and sha256(query) != key):
            raise refusal("PERSISTED_QUERY_NOT_IN_LIST", "This server only runs its registered operations.")
        return registered[key]
    if digest is None:
        return query
    if query is None:
        found = await store().get(digest)
        if found is None:
            raise refusal("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")
        return found
    if sha256(query) != digest:
        raise refusal("PERSISTED_QUERY_HASH_MISMATCH", "The query does not match persistedQuery.sha256Hash.")
    await store().put(digest, query)
    return query


class PersistedQueries(SchemaExtension):
    """Fills in (or refuses) the query before it is parsed."""

    async def on_operation(self) -> AsyncIterator[None]:  # type: ignore[override]
        context = self.execution_context
        context.query = await resolve(context.query, context.operation_extensions)
        yield
