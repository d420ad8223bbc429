"""Find IANA time zones the way people name places: "Seoul", "Addis Ababa", "Geneva", "Korea".

Cities come from the zone names themselves (Asia/Seoul → Seoul). Countries come from the tz
database's own tables, shipped in the `tzdata` package: zone.tab (country code → zones, with
the city a zone stands for) and iso3166.tab (code → country name). A few capitals that are not
zone names (Geneva, Washington, New Delhi…) are read from zone.tab's comments or mapped below,
because people type the city they travel to, not the one the zone is named after.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# Cities where capacity-building workshops happen whose zone is named after another city.
# Only what the tz tables cannot tell us; everything else is read from them.
CITY_ALIASES = {
    "Geneva": "Europe/Zurich",
    "Washington": "America/New_York",
    "New Delhi": "Asia/Kolkata",
    "Delhi": "Asia/Kolkata",
    "Mumbai": "Asia/Kolkata",
    "Beijing": "Asia/Shanghai",
    "Hanoi": "Asia/Ho_Chi_Minh",
    "Incheon": "Asia/Seoul",
    "Busan": "Asia/Seoul",
    "Osaka": "Asia/Tokyo",
    "Canberra": "Australia/Sydney",
    "Ottawa": "America/Toronto",
    "Brasilia": "America/Sao_Paulo",
    "Rabat": "Africa/Casablanca",
    "Astana": "Asia/Almaty",
    "Islamabad": "Asia/Karachi",
    "Wellington": "Pacific/Auckland",
    "Suva": "Pacific/Fiji",
    "Apia": "Pacific/Apia",
    "Quezon City": "Asia/Manila",
    "Ho Chi Minh City": "Asia/Ho_Chi_Minh",
}
REGIONS = ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")


@dataclass(frozen=True)
class ZoneMatch:
    zone: str  # the IANA name, e.g. "Asia/Seoul"
    place: str  # what matched, in words: "Seoul, Korea (South)"
    name: str = ""  # the city to put in the field: "Geneva" for the line "Geneva (Zurich time)"


def fold(text: str) -> str:
    """Lower case without accents or punctuation, so 'são paulo' finds 'Sao_Paulo'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(plain.replace("_", " ").replace("/", " ").replace("-", " ").casefold().split())


def _tab(name: str) -> list[list[str]]:
    text = resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def countries() -> dict[str, str]:
    """ISO 3166 code → the tz database's country name ("KR" → "Korea (South)")."""
    return {row[0]: row[1] for row in _tab("iso3166.tab")}


@cache
def _places() -> list[tuple[str, str, str, str]]:
    """(words to match, zone, place shown, city), one row per way of naming a zone."""
    names = countries()
    rows: list[tuple[str, str, str, str]] = []
    country_of: dict[str, str] = {}
    for row in _tab("zone.tab"):
        code, zone = row[0], row[2]
        comment = row[3] if len(row) > 3 else ""
        country = names.get(code, code)
        country_of.setdefault(zone, country)
        rows.append(
            (fold(country), zone, f"{country} — {_city(zone)}" + (f" ({comment})" if comment else ""), _city(zone))
        )
    known = available_timezones()
    for zone in sorted(known):
        if zone.split("/", 1)[0] not in REGIONS:
            continue
        where = country_of.get(zone)
        rows.append((fold(_city(zone)), zone, _city(zone) + (f", {where}" if where else ""), _city(zone)))
    for city, zone in CITY_ALIASES.items():
        if zone in known:
            rows.append((fold(city), zone, f"{city} ({_city(zone)} time)", city))
    return rows


def _city(zone: str) -> str:
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def find_zones(text: str, limit: int = 30) -> list[ZoneMatch]:
    """Zones for what is typed: cities and countries whose name starts with the words typed come
    first, then those containing them; an IANA name typed in full matches itself."""
    wanted = fold(text)
    if not wanted:
        return []
    starts: list[ZoneMatch] = []
    contains: list[ZoneMatch] = []
    for words, zone, place, city in _places():
        if words.startswith(wanted) or fold(zone).startswith(wanted):
            starts.append(ZoneMatch(zone, place, city))
        elif wanted in words or wanted in fold(zone):
            contains.append(ZoneMatch(zone, place, city))
    seen: set[str] = set()
    found = []
    for match in starts + contains:  # one line per zone: its best-matching name
        if match.zone not in seen:
            seen.add(match.zone)
            found.append(match)
    return found[:limit]


def is_zone(name: str) -> bool:
    """True for a zone name Python's zoneinfo can load ("Asia/Seoul", "UTC")."""
    if not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def resolve_zone(text: str) -> str | None:
    """The one IANA zone meant by `text` (an IANA name, or a city/country that names one zone only),
    else None. 'Seoul' → 'Asia/Seoul'; 'Korea' → None (two zones); 'asia/seoul' → 'Asia/Seoul'."""
    text = text.strip()
    if is_zone(text):
        return text
    by_fold = {fold(z): z for z in available_timezones()}
    if fold(text) in by_fold:
        return by_fold[fold(text)]
    exact = {zone for words, zone, _, _ in _places() if words == fold(text)}
    return exact.pop() if len(exact) == 1 else None


def typed_place(text: str) -> str | None:
    """The city name to show for what was typed, when it is a city whose zone is named after another
    ("geneva" → "Geneva", shown instead of "Zurich"); None for a zone's own city, a country or an IANA name."""
    zone = resolve_zone(text)
    if zone is None or is_zone(text.strip()):
        return None
    wanted = fold(text)
    for city in CITY_ALIASES:
        if fold(city) == wanted and CITY_ALIASES[city] == zone:
            return city
    return None


def place_name(zone: str, labels: dict[str, str] | None = None) -> str:
    """How a zone is named to people: the city typed for it ("Geneva"), else its own ("Zurich")."""
    return (labels or {}).get(zone) or _city(zone)


def utc_offset(zone: str, on: date) -> str:
    """'UTC+09:00' on that day (at noon, so a DST change that night does not matter)."""
    offset = datetime.combine(on, time(12), tzinfo=ZoneInfo(zone)).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"
