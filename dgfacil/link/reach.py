"""Can phones reach the laptop? What the link can honestly tell without seeing the access point.

The link remembers every address that reached it (any request: even a wrong token shows that the
network let a device through). The laptop's own addresses do not count. From that and the
laptop's addresses come one sentence for the Room link window and `dgfacil serve`:

- the laptop has only loopback or link-local (169.254.*) addresses: no phone can reach it;
- another device reached the link: the network lets phones in;
- nobody yet: check with your own phone; after QUIET_S, say what it probably means (client
  isolation) and what to do (the laptop's hotspot).
"""

from __future__ import annotations

import ipaddress
import time

QUIET_S = 3 * 60  # the link has been on this long and no other device reached it


def reachable(address: str) -> bool:
    """An address another device could use: not loopback, not link-local, not 0.0.0.0."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_link_local or ip.is_unspecified)


def others(reached: dict[str, float], own: list[str]) -> dict[str, float]:
    """The addresses that reached the link other than the laptop's own (and loopback)."""
    return {a: t for a, t in reached.items() if a not in own and reachable(a)}


def _ago(seconds: float) -> str:
    return "just now" if seconds < 60 else f"{int(seconds // 60)} min ago"


def listening(own: list[str], port: int) -> str:
    return f"Listening on {', '.join(own)}, port {port}."


def verdict(
    reached: dict[str, float], hosts: list[str], *, started: float, now: float | None = None, also_own: list[str] = ()
) -> str:
    """One sentence on whether phones can reach the link listening on `hosts`, and what to do if
    not. The laptop's own addresses (`hosts` and `also_own`) do not count as phones."""
    now = time.time() if now is None else now
    if not any(reachable(a) for a in hosts):
        return (
            "This laptop listens on no network address that phones can reach (only "
            f"{', '.join(hosts) or 'none'}). Connect it to the venue Wi-Fi, or turn on its hotspot "
            "and let phones join that."
        )
    found = others(reached, [*hosts, *also_own])
    if found:
        last = max(found, key=found.get)
        devices = f"{len(found)} device{'s' if len(found) != 1 else ''}"
        return f"{devices} reached the link (the last, {last}, {_ago(now - found[last])}): the network lets phones in."
    if now - started < QUIET_S:
        return (
            "No phone has reached the link yet. Check it now: open the join link on your own phone, "
            "on the same Wi-Fi as this laptop (not mobile data)."
        )
    return (
        f"No phone has reached the link in {int((now - started) // 60)} minutes. If the join link does "
        "not open on your own phone while it is on the same Wi-Fi as this laptop, the network keeps "
        "devices apart (client isolation): turn on this laptop's hotspot and let phones join it."
    )
