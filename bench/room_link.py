"""200 phones on loopback: each holds an SSE stream, posts 10 cards and its dots within a minute.

Runs a real `dgfacil serve` (its own process) on a SWOT board and simulated phones (aiohttp
client, one cookie each) in this process. Prints: cards and votes sent, committed (from
`dgfacil export`) and heard on every stream — lost must be 0 — and the latency from sending a
write to its event arriving: on the writer's own stream, and on all 200 streams (median, p99, max).
Run:  .venv/bin/python bench/room_link.py [--phones 200] [--cards 10] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_document(folder: Path) -> Path:
    from dgfacil.operations import exercises
    from dgfacil.operations.document import load_workshop, new_from_template

    doc = new_from_template(folder / "bench.dgfacil", "undesa-escap-webinar-2023")
    with doc.session() as s:
        exercises.add_exercise(s, agenda_item_id=load_workshop(s).days[0].items[0].id, use="swot")
    path = doc.path
    doc.close()
    return path


def start_server(path: Path) -> tuple[subprocess.Popen, str, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "dgfacil", "serve", str(path), "--bind", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    urls = {}
    for line in process.stdout:
        if line.startswith("serving"):
            break
        key, _, url = line.strip().partition(": ")
        urls[key] = url
    return process, urls["join"], urls["facilitator"]


class Phone:
    def __init__(self, n: int, join: str, sent: dict, heard: dict) -> None:
        self.n, self.join, self.sent, self.heard = n, join, sent, heard
        self.own: list[float] = []
        self.cards = 0
        self.votes = 0
        self.errors: list[str] = []
        self.stream_ready = asyncio.Event()

    async def listen(self, session: aiohttp.ClientSession, stop: asyncio.Event) -> None:
        async with session.get(self.join + "/events", timeout=aiohttp.ClientTimeout(total=None)) as response:
            self.stream_ready.set()
            buffer = b""
            while not stop.is_set():
                chunk = await response.content.readany()
                if not chunk:
                    break
                now = time.perf_counter()
                buffer += chunk
                *lines, buffer = buffer.split(b"\n\n")
                for block in lines:
                    if not block.startswith(b"data: "):
                        continue
                    event = json.loads(block[6:])
                    key = (event["type"], event["id"]) if event["type"] == "note" else None
                    if key is not None:
                        self.heard.setdefault(key, []).append((self.n, now))

    async def act(self, session: aiohttp.ClientSession, seconds: float, cards: int, card_ids: list) -> None:
        moments = sorted(random.uniform(0, seconds * 0.8) for _ in range(cards))
        start = time.perf_counter()
        for moment in moments:
            await asyncio.sleep(max(0.0, start + moment - time.perf_counter()))
            sent = time.perf_counter()
            body = {
                "text": f"phone {self.n}: idea {self.cards + 1}",
                "area": random.choice(["strengths", "weaknesses", "opportunities", "threats"]),
            }
            async with session.post(self.join + "/api/notes", json=body) as response:
                if response.status != 201:
                    self.errors.append(f"card {response.status}")
                    continue
                card_id = (await response.json())["id"]
            self.sent[("note", card_id)] = (self.n, sent)
            card_ids.append(card_id)
            self.cards += 1
        for _ in range(3):  # the board's dots
            await asyncio.sleep(random.uniform(0, seconds * 0.15))
            if not card_ids:
                break
            async with session.post(self.join + "/api/votes", json={"item_id": random.choice(card_ids)}) as response:
                if response.status == 200:
                    self.votes += 1
                else:
                    self.errors.append(f"vote {response.status}")


async def run(join: str, facilitator: str, phones: int, cards: int, seconds: float):
    sent: dict = {}
    heard: dict = {}
    card_ids: list[int] = []
    stop = asyncio.Event()
    async with (
        aiohttp.ClientSession() as boss,
        boss.post(facilitator + "/api/boards/current", json={"exercise_id": 1}) as response,
    ):
        assert response.status == 200
    crowd = [Phone(n, join, sent, heard) for n in range(phones)]
    # each phone from its own address (all of 127/8 is loopback): the server limits each address as
    # well as each device, and 200 phones in a room come from 200 addresses
    sessions = [
        aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=0, local_addr=(f"127.0.{1 + p.n // 250}.{1 + p.n % 250}", 0)),
            cookie_jar=aiohttp.CookieJar(unsafe=True),  # unsafe: cookies for an IP host
        )
        for p in crowd
    ]
    for session in sessions:
        async with session.get(join) as response:  # the page sets the device cookie
            assert response.status == 200, response.status
    listeners = [asyncio.create_task(p.listen(s, stop)) for p, s in zip(crowd, sessions, strict=True)]
    await asyncio.gather(*(p.stream_ready.wait() for p in crowd))
    began = time.perf_counter()
    await asyncio.gather(*(p.act(s, seconds, cards, card_ids) for p, s in zip(crowd, sessions, strict=True)))
    elapsed = time.perf_counter() - began
    await asyncio.sleep(2)  # the last events on their way
    stop.set()
    for task in listeners:
        task.cancel()
    await asyncio.gather(*listeners, return_exceptions=True)
    for session in sessions:
        await session.close()
    return crowd, sent, heard, elapsed


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--cards", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dgfacil-bench-"))
    path = make_document(folder)
    process, join, facilitator = start_server(path)
    try:
        crowd, sent, heard, elapsed = asyncio.run(run(join, facilitator, args.phones, args.cards, args.seconds))
        fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        server_cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    finally:
        process.terminate()
        process.wait(timeout=30)
    out = folder / "export.json"
    subprocess.run([sys.executable, "-m", "dgfacil", "export", str(path), "-o", str(out)], check=True, cwd=ROOT)
    tables = json.loads(out.read_text(encoding="utf-8"))["tables"]
    cards_ok, votes_ok = sum(p.cards for p in crowd), sum(p.votes for p in crowd)
    errors = [e for p in crowd for e in p.errors]
    stored_cards, stored_votes = len(tables["board_item"]), len(tables["dot_vote"])
    print(
        f"phones {args.phones}, cards sent {cards_ok} in {elapsed:.1f} s, votes sent {votes_ok}, "
        f"refused {len(errors)} {sorted(set(errors))[:5]}"
    )
    phones_cpu = resource.getrusage(resource.RUSAGE_SELF)
    print(
        f"CPU seconds: server {server_cpu:.1f}, simulated phones {phones_cpu.ru_utime + phones_cpu.ru_stime:.1f}; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(
        f"committed: cards {stored_cards} (lost {cards_ok - stored_cards}), "
        f"votes {stored_votes} (lost {votes_ok - stored_votes})"
    )
    print(latency_lines(sent, heard, args.phones))


def latency_lines(sent: dict, heard: dict, phones: int) -> str:
    """Events missing on the streams, and write-to-event latency on the writer's own stream and all."""
    own, everyone, missing = [], [], 0
    for key, (writer, at) in sent.items():
        arrivals = heard.get(key, [])
        missing += phones - len({n for n, _ in arrivals})
        everyone += [(t - at) * 1000 for _, t in arrivals]
        own += [(t - at) * 1000 for n, t in arrivals if n == writer]
    lines = [f"card events missing on streams: {missing} of {len(sent) * phones}"]
    for name, values in (("own stream: ", own), ("all streams:", everyone)):
        lines.append(
            f"write-to-event, {name} median {statistics.median(values):.1f} ms, "
            f"p99 {percentile(values, 0.99):.1f} ms, max {max(values):.1f} ms  (n={len(values)})"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
