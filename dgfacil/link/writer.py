"""The document's one writer, seen from the link's event loop.

Every read and write runs on a single database thread, one at a time, as the app's worker
(ui/tasks.py) does; under the app the link is given an adapter over that worker instead
(ui/link/bridge.py), so there is still only one writer.

Writes that arrive while one is being committed wait and then go together: one transaction,
each in its own savepoint, one commit (group commit). A phone is answered only after that commit,
so an answered write is on disk; a refused one is undone alone. With 200 phones, one fsync per
write is what limited the room (bench/room_link.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol

from dgfacil.operations.link import run_together

MAX_BATCH = 200


class Writer(Protocol):
    async def read(self, fn: Callable[[Any], Any]) -> Any: ...

    async def write(self, fn: Callable[[Any], Any]) -> Any: ...


class GroupCommit:
    """Queues writes on the event loop and hands them to `run` (one transaction) in batches."""

    def __init__(self, run: Callable[[Callable[[Any], Any]], Awaitable[Any]]) -> None:
        self._run = run
        self._pending: list[tuple[Callable, asyncio.Future]] = []
        self._draining = False

    async def write(self, fn: Callable[[Any], Any]) -> Any:
        future = asyncio.get_running_loop().create_future()
        self._pending.append((fn, future))
        if not self._draining:
            self._draining = True
            asyncio.get_running_loop().create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        try:
            while self._pending:
                batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
                actions = [fn for fn, _ in batch]
                try:
                    outcomes = await self._run(lambda s, actions=actions: run_together(s, actions=actions))
                except Exception as err:  # noqa: BLE001 - the commit itself failed: none of them is saved
                    outcomes = [(False, err)] * len(batch)
                for (_, future), (ok, value) in zip(batch, outcomes, strict=True):
                    if future.done():  # the phone hung up; its write is committed all the same
                        continue
                    future.set_result(value) if ok else future.set_exception(value)
        finally:
            self._draining = False


class DocumentWriter:
    """One database thread for a document opened without the app (`dgfacil serve`)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        # Held open while serving: with one connection per session, closing the last one makes
        # SQLite checkpoint the WAL on every write (measured: half of each phone note's time).
        self._held = doc.engine.connect()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dgfacil-db")
        self._group = GroupCommit(self._in_thread)

    def _in_session(self, fn: Callable[[Any], Any]) -> Any:
        with self.doc.session() as session:
            return fn(session)

    def call(self, fn: Callable[[Any], Any]) -> Any:
        """Run `fn(session)` from a plain thread and wait (set-up before the server starts)."""
        return self._pool.submit(self._in_session, fn).result()

    async def _in_thread(self, fn: Callable[[Any], Any]) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._in_session, fn)

    async def read(self, fn: Callable[[Any], Any]) -> Any:
        return await self._in_thread(fn)

    async def write(self, fn: Callable[[Any], Any]) -> Any:
        return await self._group.write(fn)

    def close(self) -> None:
        """Finish every queued action, then take no more."""
        self._pool.shutdown(wait=True)
        self._held.close()
