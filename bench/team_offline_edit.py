"""How long an edit holds the window while the team server is gone (the GUI waits on
`Tasks.run_sync`, which waits for the edit's transaction: this times that transaction).

A throw-away PostgreSQL (tests/pg_server.py) is reached through a small TCP proxy. "Cutting" the
proxy is a dropped Wi-Fi as the laptop sees it: open connections break, and a new connection is
accepted but never answered, so libpq waits for its connect timeout (DGFACIL_CONNECT_TIMEOUT_S, 5 s).
A listener (store/team_listen.py) tells the document what it finds, as the window's TeamLink does.
Timed, each `--runs` times (median printed):

- right after the cut, the listener running: it sees its own link break at once;
- once the listener says "reconnecting": the edit as it was tried before (Document.session, no
  check) against the edit now (ServerDocument.session, refused at once);
- the listener stopped, nothing noticed yet: the edit tries the server (the connect timeout),
  and the edit just after it is refused at once (FAST_REFUSAL_S).

Usage: python bench/team_offline_edit.py [--runs 3]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


class Proxy:
    """127.0.0.1:port -> the server; `cut()` drops every link and answers no new one; `mend()`."""

    def __init__(self, upstream: int) -> None:
        self.upstream, self.cut_off = upstream, False
        self.links: list[socket.socket] = []
        self.held: list[socket.socket] = []
        self.listening = socket.create_server(("127.0.0.1", 0))
        self.port = self.listening.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            client, _ = self.listening.accept()
            if self.cut_off:
                self.held.append(client)  # accepted, never answered: libpq waits for its timeout
                continue
            server = socket.create_connection(("127.0.0.1", self.upstream))
            self.links += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self) -> None:
        self.cut_off = True
        for s in self.links:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self.links = []

    def mend(self) -> None:
        self.cut_off = False
        for s in self.held:
            s.close()
        self.held = []


def timed_edit(session) -> float:  # noqa: ANN001 - a session factory
    from dgfacil.operations import participants as people_ops
    from dgfacil.store.errors import ServerUnreachable

    start = time.perf_counter()
    try:
        with session() as s:
            people_ops.update_participant(s, participant_id=1, email="x@example.org")
    except ServerUnreachable:
        pass
    return time.perf_counter() - start


def wait_for(condition, timeout: float = 30.0) -> None:  # noqa: ANN001
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError
        time.sleep(0.02)


def one_run(server, template: str) -> dict[str, float]:  # noqa: ANN001
    from dgfacil.store.document import Document
    from dgfacil.store.server_document import open_server
    from dgfacil.store.team_listen import Listener
    from dgfacil.store.team_notify import channel_for

    proxy = Proxy(server.port)
    name = server.create_database(template=template).rsplit("/", 1)[-1]
    doc = open_server(server.url(name).replace(f":{server.port}/", f":{proxy.port}/"))
    listener = Listener(
        doc.url, channel_for(doc.document_id or ""), on_news=lambda _p: None, on_state=doc.server_state
    ).start()
    wait_for(lambda: doc.link_state == "connected")
    timed_edit(doc.session)  # a pooled connection, as on a laptop in use
    got = {}
    proxy.cut()
    got["right after the cut, listener running"] = timed_edit(doc.session)  # it saw the link break
    wait_for(lambda: doc.link_state == "reconnecting")
    got["reconnecting, as before (tried)"] = timed_edit(lambda: Document.session(doc))
    got["reconnecting, now (refused at once)"] = timed_edit(doc.session)
    listener.stop()
    doc.server_state("connected", None)  # as if nothing had noticed the drop yet
    got["nothing noticed yet (tried)"] = timed_edit(doc.session)
    got["just after that failed edit"] = timed_edit(doc.session)
    proxy.mend()
    doc.close()
    return got


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from dgfacil.core.model import Participant
    from dgfacil.operations import participants as people_ops
    from dgfacil.operations.document import new_from_template
    from pg_server import PgServer

    server = PgServer(fsync=False).start()
    try:
        doc = new_from_template(server.create_database("tpl"), "undesa-escap-webinar-2023")
        with doc.session() as s:
            people_ops.add_participant(s, participant=Participant(full_name="Ana Lima", email="ana@example.org"))
        doc.close()
        runs = [one_run(server, "tpl") for _ in range(args.runs)]
    finally:
        server.stop()
    for moment in runs[0]:
        print(
            f"{moment:40s} median {statistics.median(r[moment] for r in runs):6.3f} s "
            f"(of {args.runs}: {', '.join(f'{r[moment]:.3f}' for r in runs)})"
        )


if __name__ == "__main__":
    main()
