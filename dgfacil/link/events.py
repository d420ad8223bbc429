"""Server-sent events: every change the room should see, pushed to each open phone page."""

from __future__ import annotations

import asyncio
import json
import time

HEARTBEAT_S = 15


class Broadcaster:
    """Fan-out of small JSON events to every listening client; lives on the link's event loop."""

    QUEUE = 2000  # a client this far behind is dropped; its browser reconnects by itself

    def __init__(self) -> None:
        self._clients: set[asyncio.Queue] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._buffer: list[str] = []
        self.sent = 0

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        loop.call_later(HEARTBEAT_S, self._heartbeat)

    def _heartbeat(self) -> None:
        """A comment line to every stream: proxies keep it open, and a dead phone's write fails."""
        self._buffer.append(": alive\n\n")
        self._flush()
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_later(HEARTBEAT_S, self._heartbeat)

    @property
    def listeners(self) -> int:
        return len(self._clients)

    def subscribe(self) -> asyncio.Queue:
        queue: asyncio.Queue = asyncio.Queue(self.QUEUE)
        self._clients.add(queue)
        return queue

    def listening(self, queue: asyncio.Queue) -> bool:
        return queue in self._clients

    def unsubscribe(self, queue: asyncio.Queue) -> None:
        self._clients.discard(queue)

    def publish(self, event: dict) -> None:
        """Send `event` to every client (call on the loop's thread). Events published in the same
        turn of the loop (a group commit answers many writes at once) go out as one chunk, so each
        stream wakes once for them, not once per event."""
        event = {**event, "t": time.time()}
        self._buffer.append(f"data: {json.dumps(event, separators=(',', ':'))}\n\n")
        self.sent += 1
        if len(self._buffer) == 1:
            asyncio.get_running_loop().call_soon(self._flush)

    def _flush(self) -> None:
        if not self._buffer:  # the heartbeat went first (an empty chunk would end a chunked stream)
            return
        data, self._buffer = "".join(self._buffer), []
        for queue in list(self._clients):
            try:
                queue.put_nowait(data)
            except asyncio.QueueFull:
                self._clients.discard(queue)  # its stream ends when it has drained

    def publish_threadsafe(self, event: dict) -> None:
        """From another thread (the app's database worker): hand the event to the loop."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self.publish, event)

    def close(self) -> None:
        for queue in list(self._clients):
            try:
                queue.put_nowait(None)
            except asyncio.QueueFull:
                pass
        self._clients.clear()
