"""For the link tests: a plain HTTP client (one instance is one phone, with its cookie) and a
real `dgfacil serve` started on a free port of 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit


class Phone:
    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port, self.base = parts.hostname, parts.port, parts.path
        self.cookie: str | None = None

    def request(
        self,
        method: str,
        path: str,
        *,
        data=None,
        raw: bytes | None = None,
        content_type: str = "application/json",
        base: str | None = None,
    ) -> tuple[int, dict, bytes]:
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
        return _json(*self.request("GET", path))

    def post(self, path: str, data) -> tuple[int, dict | None]:
        return _json(*self.request("POST", path, data=data))


def _json(status: int, headers: dict, payload: bytes) -> tuple[int, dict | None]:
    """The answer's JSON (None for the 404 page, which is HTML)."""
    is_json = headers.get("content-type", "").startswith("application/json")
    return status, json.loads(payload) if payload and is_json else None


@dataclass
class Served:
    path: Path
    join: str
    facilitator: str
    process: subprocess.Popen
    lines: list[str]

    def phone(self) -> Phone:
        return Phone(self.join)

    def remote(self, path: str, data) -> tuple[int, dict | None]:
        return Phone(self.facilitator).post(path, data)

    def export(self, tmp: Path) -> dict:
        out = tmp / "export.json"
        done = subprocess.run(
            [sys.executable, "-m", "dgfacil", "export", str(self.path), "-o", str(out)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(out.read_text(encoding="utf-8"))


def start_serve(path: Path) -> Served:
    process = subprocess.Popen(
        [sys.executable, "-m", "dgfacil", "serve", str(path), "--bind", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    lines = []
    while True:
        line = process.stdout.readline()
        if not line:
            raise AssertionError(f"serve ended: {process.stderr.read()}")
        lines.append(line.rstrip("\n"))
        if line.startswith("serving"):
            break
    urls = dict(line.split(": ", 1) for line in lines if ": http" in line)
    return Served(path, urls["join"], urls["facilitator"], process, lines)


def stop_serve(served: Served) -> None:
    served.process.terminate()
    served.process.wait(timeout=20)
    served.process.stdout.close()
    served.process.stderr.close()
