"""Team mode: hear the other laptops' writes (PostgreSQL LISTEN), and notice the server going away.

A `Listener` holds its own autocommit psycopg connection on a background thread, LISTENs on the
workshop's channel (team_notify.py sends) and hands every notification from another process to
`on_news(payload)`. It pings the server every few seconds, so a dropped Wi-Fi is noticed even when
nobody writes, and reconnects by itself. `on_state(state, since)` hears each change of state:
"connected", "reconnecting" (the link just dropped) or "offline" (down for OFFLINE_AFTER_S;
`since` is when it dropped). Both callbacks run on the listener's thread.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

from dgfacil.store.engine import CONNECT_TIMEOUT_S, laptop_name, libpq_url
from dgfacil.store.team_notify import ORIGIN

PING_EVERY_S = 2.0  # how soon a silent dead link is noticed (with the connect timeout on reconnect)
RETRY_EVERY_S = 2.0
OFFLINE_AFTER_S = 6.0  # "reconnecting" for a blip, "offline" once it lasts


class Listener:
    def __init__(
        self,
        url: str,
        channel: str,
        *,
        password: str | None = None,
        on_news: Callable[[dict[str, Any]], None],
        on_state: Callable[[str, datetime | None], None],
        skip_origin: str | None = ORIGIN,
    ) -> None:
        self.url, self.channel, self._password, self.skip_origin = url, channel, password, skip_origin
        self.on_news, self.on_state = on_news, on_state
        self.state = "connecting"
        self.since: datetime | None = None  # when the link dropped (None while connected)
        self._stop = threading.Event()
        self._conn = None
        self._thread = threading.Thread(target=self._run, name="dgfacil-listen", daemon=True)

    def start(self) -> Listener:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    # -- the thread ------------------------------------------------------------------------
    def _set(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.on_state(state, self.since)

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                self._listen(psycopg)
            except psycopg.Error:
                pass
            if self._stop.is_set():
                break
            if self.since is None:
                self.since = datetime.now(UTC)
            down_for = (datetime.now(UTC) - self.since).total_seconds()
            self._set("offline" if down_for >= OFFLINE_AFTER_S or self.state == "offline" else "reconnecting")
            self._stop.wait(RETRY_EVERY_S)

    def _listen(self, psycopg: ModuleType) -> None:
        from psycopg import sql

        with psycopg.connect(
            libpq_url(self.url),
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name=laptop_name(),
            keepalives=1,
            keepalives_idle=5,
            keepalives_interval=2,
            keepalives_count=2,
            password=self._password or None,
        ) as conn:
            conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
            self.since = None
            self._set("connected")
            pinged = time.monotonic()
            while not self._stop.is_set():
                for note in conn.notifies(timeout=0.5, stop_after=50):
                    self._heard(note.payload)
                if time.monotonic() - pinged >= PING_EVERY_S:
                    conn.execute("SELECT 1")  # a dead link raises here (or times out by keepalive)
                    pinged = time.monotonic()

    def _heard(self, text: str) -> None:
        try:
            payload = json.loads(text)
        except ValueError:
            return
        if isinstance(payload, dict) and payload.get("origin") != self.skip_origin:
            self.on_news(payload)
