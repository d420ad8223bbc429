"""A plain HTTP client for the link tests and the bench: one instance is one phone (its cookie)."""
from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit


class Phone:
    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port, self.base = parts.hostname, parts.port, parts.path
        self.cookie: str | None = None

    def request(self, method: str, path: str, *, data=None, raw: bytes | None = None,
                content_type: str = "application/json", base: str | None = None) -> tuple[int, dict, bytes]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        headers = {}
        body = raw if raw is not None else (json.dumps(data).encode() if data is not None else None)
        if body is not None:
            headers["Content-Type"] = content_type
        if self.cookie:
            headers["Cookie"] = self.cookie
        try:
            conn.request(method, (self.base if base is None else base) + path, body=body, headers=headers)
            response = conn.getresponse()
            payload = response.read()
            found = {k.lower(): v for k, v in response.getheaders()}
        finally:
            conn.close()
        if "set-cookie" in found:
            self.cookie = found["set-cookie"].split(";")[0]
        return response.status, found, payload

    def join(self) -> str:
        status, _headers, page = self.request("GET", "")
        assert status == 200, status
        return page.decode()

    def get(self, path: str) -> tuple[int, dict | None]:
        status, _h, payload = self.request("GET", path)
        return status, json.loads(payload) if payload else None

    def post(self, path: str, data) -> tuple[int, dict | None]:
        status, _h, payload = self.request("POST", path, data=data)
        return status, json.loads(payload) if payload else None
