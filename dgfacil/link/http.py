"""Small helpers the routes share: tokens, the device cookie, limits and JSON in and out."""

from __future__ import annotations

import functools
import html
import json
import secrets
from pathlib import Path
from string import Template
from typing import Any

from aiohttp import web

from dgfacil.link.limits import RateLimit
from dgfacil.link.server import COOKIE, COOKIE_DAYS, STATE, LinkState
from dgfacil.operations.link import Refused, device_key

STATIC = Path(__file__).resolve().parent / "static"


@functools.cache
def static_text(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def page(name: str, words: dict[str, Any], *, base: str, title: str | None = None) -> web.Response:
    """static/<name>.html (the body) in static/page.html (the head every page shares), filled in:
    `$key` is the text `words[key]` (escaped), `$texts` all of them as JSON for the page's script,
    `$base` the token's path, `$title` the page's title, `$name` the page's script and style sheet."""
    fields = {k: html.escape(v) for k, v in words.items() if isinstance(v, str)}
    fields.update(title=html.escape(title or words["title"]), base=html.escape(base), texts=safe_json(words), name=name)
    body = Template(static_text(f"{name}.html")).substitute(fields)
    markup = Template(static_text("page.html")).substitute(fields, body=body)
    return web.Response(text=markup, content_type="text/html", charset="utf-8")


def asset(name: str) -> web.Response:
    """A page's script or style sheet."""
    kind = "text/javascript" if name.endswith(".js") else "text/css"
    return web.Response(text=static_text(name), content_type=kind, charset="utf-8")


def path_id(request: web.Request, key: str) -> int:
    """A whole number in the URL's path (anything else is a bare 404)."""
    try:
        return int(request.match_info[key])
    except ValueError:
        raise web.HTTPNotFound() from None


def query_id(request: web.Request, key: str) -> int | None:
    """An optional whole number in the URL's query (anything else is a bare 404)."""
    raw = request.query.get(key)
    if raw in (None, ""):
        return None
    try:
        return int(raw)
    except ValueError:
        raise web.HTTPNotFound() from None


def limit_by_method(request: web.Request, who: tuple) -> None:
    """The reads or the writes limit, by the request's method, for one caller (a remote, a group)."""
    state = state_of(request)
    bucket = state.limits.reads if request.method == "GET" else state.limits.writes
    if not bucket.allow(who):
        raise too_many()


def safe_json(value: object) -> str:
    """JSON in which no `<`, `>` or `&` appears raw: safe to embed in a page, inert if sniffed."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def reply(data: object, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=safe_json)


def state_of(request: web.Request) -> LinkState:
    return request.app[STATE]


def address(request: web.Request) -> str:
    return request.remote or "?"


def cookie(request: web.Request) -> str | None:
    value = request.cookies.get(COOKIE, "")
    return value if 16 <= len(value) <= 64 and value.replace("-", "").replace("_", "").isalnum() else None


def device(request: web.Request) -> str:
    """The device's stored name; a write without the cookie (set by the page) is refused."""
    value = cookie(request)
    if value is None:
        raise web.HTTPForbidden(text='{"error": "open the join link first"}', content_type="application/json")
    return device_key(value)


def give_cookie(request: web.Request, response: web.StreamResponse) -> None:
    """A new random device cookie, at most a few hundred per address and minute."""
    if cookie(request) is not None:
        return
    if not state_of(request).limits.new_devices.allow(address(request)):
        raise too_many()
    response.set_cookie(
        COOKIE, secrets.token_urlsafe(18), max_age=COOKIE_DAYS * 86400, httponly=True, samesite="Strict", path="/"
    )


def too_many() -> web.HTTPTooManyRequests:
    return web.HTTPTooManyRequests(
        text='{"error": "too many requests"}', content_type="application/json", headers={"Retry-After": "2"}
    )


def limit(request: web.Request, bucket: RateLimit) -> None:
    """The device's limit (cookie + address), then its address's: phones share an address, so that
    one is wider, but fresh cookies do not get round it."""
    wide = state_of(request).limits.per_address(bucket)
    if not bucket.allow((cookie(request) or "", address(request))):
        raise too_many()
    if wide is not None and not wide.allow(address(request)):
        raise too_many()


async def body(request: web.Request) -> dict[str, Any]:
    """The request's JSON object (415 if it is not JSON, 400 if it does not parse)."""
    if request.content_type != "application/json":
        raise web.HTTPUnsupportedMediaType(text='{"error": "send JSON"}', content_type="application/json")
    try:
        data = json.loads(await request.read())
    except (ValueError, UnicodeDecodeError):
        raise bad("the body is not JSON") from None
    if not isinstance(data, dict):
        raise bad("the body is not a JSON object")
    return data


def bad(message: str, status: int = 400, code: str = "") -> web.HTTPException:
    """An error in words for developers (`error`); `code`, when there is one, names the page's own
    text for it (texts.py), which is what phones show."""
    kind = {400: web.HTTPBadRequest, 409: web.HTTPConflict}[status]
    body = {"error": message, "code": code} if code else {"error": message}
    return kind(text=json.dumps(body), content_type="application/json")


def integer(data: dict, key: str, *, optional: bool = False) -> int | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad(f"{key} must be a whole number")
    return value


async def write(request: web.Request, fn) -> Any:
    """Run a write on the document's one writer; refusals become 409, missing things 404."""
    try:
        return await state_of(request).writer.write(fn)
    except Refused as err:
        raise bad(str(err), 409, err.code) from None
    except LookupError:
        raise web.HTTPNotFound() from None
    except ValueError as err:
        raise bad(str(err)) from None
