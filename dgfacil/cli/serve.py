"""`dgfacil serve FILE`: the room link without the app (a mini PC at the venue, tests, CI)."""

from __future__ import annotations

import argparse
import signal
import socket
import threading
import time
from datetime import UTC

from dgfacil.cli import WORKSHOP_HELP, workshop_address
from dgfacil.link.reach import QUIET_S, others, reachable, verdict

WATCH_S = 2.0  # how often serve looks for new groups and for devices reaching the link


def register(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help="let phones in the room join the workshop (the room link)")
    serve.add_argument("file", type=workshop_address, help=WORKSHOP_HELP)
    serve.add_argument("--bind", default="0.0.0.0", metavar="ADDR", help="address to listen on (default: all)")
    serve.add_argument("--port", type=int, default=8765, metavar="N", help="port (default 8765; 0 picks a free one)")
    serve.set_defaults(func=cmd_serve)


def lan_addresses() -> list[str]:
    """The machine's IPv4 addresses other than loopback, without the internet: those its name
    resolves to, and the source address of its route to each private network (a UDP "connect"
    sends nothing)."""
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    candidates = [info[4][0] for info in infos]
    for network in ("10.255.255.255", "172.31.255.255", "192.168.255.255"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.connect((network, 9))
                candidates.append(probe.getsockname()[0])
            except OSError:
                continue
    for ip in candidates:
        if not ip.startswith(("127.", "0.")) and ip not in found:
            found.append(ip)
    return found


def _join_lines(hosts: list[str], port: int, join: str) -> None:
    """The join link on each address, and once more in groups of four to type."""
    from dgfacil.operations.link import readable

    for host in hosts:
        print(f"join: http://{host}:{port}/j/{join}")
    print(f"to type: http://{hosts[0]}:{port}/j/{readable(join)}", flush=True)


def _watch(state, writer, base: str, hosts: list[str], *, said: bool, printed: dict[str, str], port: int) -> bool:
    """While serving: the new join links after a rotation (by the remote, the app or the CLI on the
    same file), a rapporteur link for each group added meanwhile, and once a line when the first
    other device reaches the link or none has in a while. Returns whether that line is said."""
    from dgfacil.operations.link import Tokens, ensure_tokens, group_names

    tokens, names = writer.call(lambda s: (ensure_tokens(s).value, group_names(s)))
    if tokens.join != printed["join"]:
        if state.tokens.join != tokens.join:  # rotated by another program on the same file
            state.tokens = Tokens(tokens.join, state.tokens.facilitator, state.tokens.rapporteurs)
        printed["join"] = tokens.join
        print("the join link changed; old links and codes no longer work:")
        _join_lines(hosts, port, tokens.join)
    for group_id, token in state.set_rapporteurs(tokens.rapporteurs).items():
        print(f"rapporteur {names.get(group_id, group_id)}: {base}/r/{token}", flush=True)
    found = bool(others(state.reached(), hosts))
    quiet = time.time() - state.started >= QUIET_S
    if said or not (found or quiet) or not any(reachable(h) for h in hosts):
        return said
    print(f"note: {verdict(state.reached(), hosts, started=state.started)}", flush=True)
    return True


def cmd_serve(args: argparse.Namespace) -> int:
    from datetime import datetime

    from dgfacil.cli import CommandError
    from dgfacil.link.server import LinkServer, LinkState
    from dgfacil.link.writer import DocumentWriter
    from dgfacil.operations.document import open_workshop
    from dgfacil.operations.link import ensure_tokens, group_names, readable

    if not 0 <= args.port <= 65535:
        raise CommandError(f"port {args.port} is not between 0 and 65535")
    doc = open_workshop(args.file)
    writer = DocumentWriter(doc)
    try:
        tokens = writer.call(ensure_tokens).value
        names = writer.call(group_names)
        state = LinkState(writer, tokens, clock=lambda: datetime.now(UTC))
        server = LinkServer(state, bind=args.bind, port=args.port)
        try:
            server.start()
        except OSError as err:
            raise CommandError(f"cannot listen on {args.bind}:{args.port}: {err.strerror or err}") from None
        hosts = [args.bind] if args.bind not in ("0.0.0.0", "") else (lan_addresses() or ["127.0.0.1"])
        for host in hosts:
            print(f"join: http://{host}:{server.port}/j/{tokens.join}")
        base = f"http://{hosts[0]}:{server.port}"
        print(f"facilitator: {base}/f/{tokens.facilitator}")
        for group_id, token in tokens.rapporteurs.items():
            print(f"rapporteur {names.get(group_id, group_id)}: {base}/r/{token}")
        print(f"to type: http://{hosts[0]}:{server.port}/j/{readable(tokens.join)}")
        if not any(reachable(host) for host in hosts):
            print(f"note: {verdict({}, hosts, started=state.started)}")
        print("serving; press Ctrl+C to stop", flush=True)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        said, printed = False, {"join": tokens.join}
        try:
            while not stop.wait(WATCH_S):
                said = _watch(state, writer, base, hosts, said=said, printed=printed, port=server.port)
        except KeyboardInterrupt:
            pass
        server.stop()
    finally:
        writer.close()
        doc.close()
    return 0
