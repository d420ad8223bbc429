"""People name the place, not the IANA zone: "Seoul", "Addis Ababa", "Geneva", "Korea"."""

from __future__ import annotations

from datetime import date

from dgfacil.core.zones import find_zones, resolve_zone, utc_offset


def zones(text: str) -> list[str]:
    return [m.zone for m in find_zones(text)]


def test_cities_and_countries_find_their_zones():
    assert zones("Seoul")[0] == "Asia/Seoul"
    assert zones("Addis Ababa")[0] == "Africa/Addis_Ababa"
    assert "Europe/Zurich" in zones("Geneva")  # a city the zone is not named after
    assert {"Asia/Seoul", "Asia/Pyongyang"} <= set(zones("Korea"))  # a country, from iso3166.tab
    assert "Africa/Addis_Ababa" in zones("ethiopia")
    assert zones("são paulo")[0] == "America/Sao_Paulo"  # accents and case do not matter
    assert zones("") == [] and zones("Atlantis") == []


def test_each_zone_is_offered_once_with_the_place_it_matched():
    found = find_zones("Seoul")
    assert len({m.zone for m in found}) == len(found)
    assert "Korea (South)" in found[0].place


def test_resolve_only_when_the_words_name_one_zone():
    assert resolve_zone("Seoul") == "Asia/Seoul"
    assert resolve_zone("asia/seoul") == "Asia/Seoul"
    assert resolve_zone("Geneva") == "Europe/Zurich"
    assert resolve_zone("Korea") is None  # two zones: the person must choose
    assert resolve_zone("Europe/Geneva") is None


def test_offset_follows_the_date():
    assert utc_offset("Europe/Zurich", date(2026, 1, 15)) == "UTC+01:00"
    assert utc_offset("Europe/Zurich", date(2026, 7, 15)) == "UTC+02:00"
    assert utc_offset("Asia/Kolkata", date(2026, 7, 15)) == "UTC+05:30"
    assert utc_offset("America/St_Johns", date(2026, 1, 15)) == "UTC−03:30"
