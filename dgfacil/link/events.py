"""Server-sent events: every change the room should see, pushed to each open phone page."""
from __future__ import annotations

import asyncio
import json
import time


class Broadcaster:
    """Fan-out of small JSON events to every listening client; lives on the link's event loop."""

    QUEUE = 2000  # a client this far behind is dropped; its browser reconnects by itself

    def __init__(self) -> None:
        self._clients: set[asyncio.Queue] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.sent = 0

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

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
        """Send `event` to every client (call on the loop's thread)."""
        event = {**event, "t": time.time()}
        data = f"data: {json.dumps(event, separators=(',', ':'))}\n\n"
        for queue in list(self._clients):
            try:
                queue.put_nowait(data)
            except asyncio.QueueFull:
                self._clients.discard(queue)  # its stream ends when it has drained
        self.sent += 1

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
