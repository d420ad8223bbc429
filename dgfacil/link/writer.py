"""The document's one writer, seen from the link's event loop.

Every read and write runs on a single database thread, one at a time, in its own committed
transaction — the same rule the app's worker (ui/tasks.py) follows. Under the app the link is
given an adapter over that worker instead (ui/link/bridge.py), so there is still only one writer.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol


class Writer(Protocol):
    async def read(self, fn: Callable[[Any], Any]) -> Any: ...

    async def write(self, fn: Callable[[Any], Any]) -> Any: ...


class DocumentWriter:
    """One database thread for a document opened without the app (`dgfacil serve`)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        # Held open while serving: with one connection per session, closing the last one makes
        # SQLite checkpoint the WAL on every write (measured: half of each phone note's time).
        self._held = doc.engine.connect()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dgfacil-db")

    def _in_session(self, fn: Callable[[Any], Any]) -> Any:
        with self.doc.session() as session:
            return fn(session)

    def call(self, fn: Callable[[Any], Any]) -> Any:
        """Run `fn(session)` from a plain thread and wait (set-up before the server starts)."""
        return self._pool.submit(self._in_session, fn).result()

    async def read(self, fn: Callable[[Any], Any]) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._in_session, fn)

    async def write(self, fn: Callable[[Any], Any]) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._in_session, fn)

    def close(self) -> None:
        """Finish every queued action, then take no more."""
        self._pool.shutdown(wait=True)
        self._held.close()
