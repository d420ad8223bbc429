"""The link's web server: aiohttp on its own thread and event loop, with its safety rules.

- A wrong or missing token, and any unknown address, is the same small 404 page (nothing says why).
- Devices are told apart by a random cookie; rate limits apply per cookie + address, and more
  generous ones per address (a new cookie per request does not get round them) (429).
- Bodies are small (413 beyond MAX_BODY); writes must be JSON (415), which with a SameSite
  cookie keeps other sites' forms out.
- Every response carries a strict Content-Security-Policy and no referrer (the token is in the URL).
"""

from __future__ import annotations

import asyncio
import html
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from aiohttp import web

from dgfacil.link.events import Broadcaster
from dgfacil.link.limits import RateLimit
from dgfacil.link.writer import Writer
from dgfacil.operations.link import Tokens, as_typed, typable

MAX_BODY = 8 * 1024
MAX_SEEN = 5000  # addresses remembered as having reached the link
COOKIE = "dgf_device"
COOKIE_DAYS = 30
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


@dataclass
class Limits:
    """Requests a device may make: reads (page, state, board), writes (notes, votes, answers)."""

    reads: RateLimit = field(default_factory=lambda: RateLimit(burst=60, per_second=4))
    writes: RateLimit = field(default_factory=lambda: RateLimit(burst=30, per_second=1))
    new_devices: RateLimit = field(default_factory=lambda: RateLimit(burst=400, per_second=2))  # per address
    # per address too, so fresh cookies do not buy a flood; phones behind one access point share an
    # address, so each allows ten devices' worth
    address_reads: RateLimit = field(default_factory=lambda: RateLimit(burst=600, per_second=40))
    address_writes: RateLimit = field(default_factory=lambda: RateLimit(burst=300, per_second=10))

    def per_address(self, bucket: RateLimit) -> RateLimit | None:
        """The address's bucket beside a device's (reads, writes), else None."""
        return {id(self.reads): self.address_reads, id(self.writes): self.address_writes}.get(id(bucket))


class LinkState:
    """What the routes share: the writer, the current tokens, the broadcaster and the limits."""

    def __init__(self, writer: Writer, tokens: Tokens, *, clock: Callable, limits: Limits | None = None) -> None:
        self.writer, self.tokens, self.clock = writer, tokens, clock
        self.events = Broadcaster()
        self.limits = limits or Limits()
        self.started = time.time()
        self._seen: dict[str, float] = {}  # address -> when it last reached the link (any request)
        self._seen_lock = threading.Lock()

    def saw(self, address: str | None) -> None:
        if address and (address in self._seen or len(self._seen) < MAX_SEEN):
            with self._seen_lock:
                self._seen[address] = time.time()

    def reached(self) -> dict[str, float]:
        """Addresses that reached the link (any request, even a wrong token: the network let them
        through), with when they last did; read from any thread."""
        with self._seen_lock:
            return dict(self._seen)

    def set_rapporteurs(self, rapporteurs: dict[int, str]) -> dict[int, str]:
        """The groups' tokens now (a group added or deleted while serving); returns the new ones."""
        old = self.tokens
        self.tokens = Tokens(old.join, old.facilitator, dict(rapporteurs))  # one assignment: atomic
        return {gid: token for gid, token in rapporteurs.items() if old.rapporteurs.get(gid) != token}

    def check(self, given: str, expected: str) -> None:
        if expected and typable(expected):  # a join token typed from the projector, in groups
            given = as_typed(given)
        if not expected or not secrets.compare_digest(given.encode(), expected.encode()):
            raise web.HTTPNotFound()


STATE = web.AppKey("state", LinkState)


def _gone_page() -> str:
    from dgfacil.link.texts import PHONE

    words = {k: html.escape(PHONE[k]) for k in ("lang", "title", "link_changed")}
    return (
        f'<!doctype html><html lang="{words["lang"]}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{words['title']}</title></head><body><p>{words['link_changed']}</p></body></html>"
    )


GONE_PAGE = _gone_page()


def not_found() -> web.Response:
    """Every 404 is this one small page: it says what a participant can do, never why (a wrong
    token, an old one, an unknown address all look the same)."""
    return web.Response(status=404, text=GONE_PAGE, content_type="text/html", charset="utf-8")


@web.middleware
async def guard(request: web.Request, handler):
    """Bare errors and the body limit (checked before anything is read); who reached the link."""
    request.app[STATE].saw(request.remote)
    if request.content_length is not None and request.content_length > MAX_BODY:
        return web.json_response({"error": "too large"}, status=413)
    try:
        return await handler(request)
    except web.HTTPNotFound:
        return not_found()
    except web.HTTPMethodNotAllowed:
        return not_found()
    except web.HTTPRequestEntityTooLarge:
        return web.json_response({"error": "too large"}, status=413)


async def _secure_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(HEADERS)


def build_app(state: LinkState) -> web.Application:
    from dgfacil.link import phone, prompts, rapporteur, remote

    app = web.Application(middlewares=[guard], client_max_size=MAX_BODY)
    app[STATE] = state
    app.on_response_prepare.append(_secure_headers)
    phone.add_routes(app)
    prompts.add_routes(app)
    remote.add_routes(app)
    rapporteur.add_routes(app)
    return app


class LinkServer:
    """Runs the app on a background thread: `start()` returns once it listens; `stop()` ends it."""

    def __init__(self, state: LinkState, *, bind: str = "0.0.0.0", port: int = 8765) -> None:
        self.state, self.bind, self.port = state, bind, port
        self.loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="dgfacil-link", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self._listen())
        except BaseException as err:  # noqa: BLE001 - a port in use: raised again in start()
            self._error = err
            self._ready.set()
            return
        self._ready.set()
        self.loop.run_forever()
        self.loop.run_until_complete(self._shutdown())
        self.loop.close()

    async def _listen(self) -> None:
        self.state.events.bind(asyncio.get_running_loop())
        self._runner = web.AppRunner(build_app(self.state), access_log=None, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.bind, self.port, reuse_address=True)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def _shutdown(self) -> None:
        self.state.events.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def call(self, fn: Callable[[], None]) -> None:
        """Run `fn` on the server's loop (from any thread)."""
        if self.loop is not None and self.loop.is_running():
            self.loop.call_soon_threadsafe(fn)

    def stop(self) -> None:
        if self.loop is not None and self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=10)
