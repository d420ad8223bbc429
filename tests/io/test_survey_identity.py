"""A respondent's identity from what the export says: times in any tool's format read as one wall
clock, a column's date order decided by the whole column, the same id with another time is another
respondent, names flagged as written."""

from __future__ import annotations

from datetime import datetime

from dgfacil.io.survey.identity import Identity, identify, parse_time, time_format


def test_time_formats_of_the_same_moment_are_one_respondent():
    seen = []
    for text in ("2023/05/30 4:20:51 PM GMT+9", "5/30/2023 16:20:51", "5/30/2023 16:20", "2023-05-30T16:20:51+09:00"):
        wall, minute, _ = parse_time(text, time_format([text]))
        seen.append(Identity(time=wall, minute=minute))
    assert all(a.same(b) for a in seen for b in seen)
    assert seen[2].minute and not seen[1].minute
    assert not Identity(time=datetime(2023, 5, 30, 16, 20, 51)).same(Identity(time=datetime(2023, 5, 30, 16, 20, 52)))


def test_the_whole_column_decides_day_or_month_first():
    fmt = time_format(["3/5/2023 10:00", "30/5/2023 11:00"])
    assert parse_time("3/5/2023 10:00", fmt)[0] == datetime(2023, 5, 3, 10, 0)


def test_the_same_id_is_another_respondent_when_time_email_or_name_disagree():
    one = Identity(id="1", time=datetime(2023, 6, 1, 9, 0), email="a@x.org", name="amelie dupont")
    assert one.same(Identity.decode(one.encode()))
    assert not one.same(Identity(id="1", time=datetime(2023, 6, 2, 9, 0)))
    assert not one.same(Identity(id="1", time=datetime(2023, 6, 1, 9, 0), email="b@x.org"))
    assert not one.same(Identity(id="1", time=datetime(2023, 6, 1, 9, 0), name="someone else"))
    assert Identity.decode("7#2").same(Identity(id="7", time=datetime(2023, 6, 1, 9, 0)))  # an earlier version's id


def test_names_answering_twice_are_flagged_as_written():
    rows = [
        (3, ["1", "05/30/2023 07:10:00 AM", "Ōtani", "Shōhei"]),
        (4, ["2", "05/30/2023 08:00:00 AM", "Ana", "Li"]),
        (9, ["3", "05/30/2023 09:00:00 AM", "Otani", "Shohei"]),
    ]
    who = identify(["Respondent ID", "Start Date", "First Name", "Last Name"], rows, {0, 1, 2, 3}, "sm.csv")
    assert who.repeats == ["name Ōtani Shōhei answered twice (rows 3 and 9); both are counted"]
    assert who.known_by == "the column 'Respondent ID' and the time in 'Start Date'"
