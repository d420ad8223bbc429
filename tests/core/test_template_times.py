"""The bundled templates keep the documents' times, written as items that follow each other.

tests/data/template_times.json holds each template's start–end per item as the templates printed
them before they were rewritten as contiguous programmes (every item carried its own start then).
"""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

from dgfacil.core.agenda import plan_day
from dgfacil.core.template import build_workshop, parse_template
from dgfacil.operations.templates import bundled_templates, workshop_from_template

RECORDED = json.loads((Path(__file__).parent.parent / "data" / "template_times.json").read_text())


def test_every_bundled_template_still_gives_the_documents_times():
    names = [t.name for t in bundled_templates()]
    assert sorted(names) == sorted(RECORDED)
    for name in names:
        ws = workshop_from_template(name)
        shown = [[[f"{s.start:%H:%M}", f"{s.end:%H:%M}"] for s in plan_day(day, ws.timezone)] for day in ws.days]
        assert shown == RECORDED[name], name


def test_only_the_first_item_of_a_day_and_fixed_items_carry_a_start():
    for template in bundled_templates():
        for day in workshop_from_template(template.name).days:
            for n, item in enumerate(day.items):
                if n and not item.fixed_start:
                    assert item.planned_start is None, (template.name, item.title)


def test_lengthening_the_webinars_session_moves_everything_after_it_but_the_fixed_closing():
    ws = workshop_from_template("undesa-escap-webinar-2023")
    day = ws.days[0]
    day.items[1].duration_min += 5
    starts = [f"{s.start:%H:%M}" for s in plan_day(day, ws.timezone)]
    assert starts == ["15:00", "15:07", "15:44", "15:59", "16:29", "16:37"]
    slots = plan_day(day, ws.timezone)
    assert slots[-1].overlap.total_seconds() == 5 * 60  # shown as an overlap, never silent


TEMPLATE = """
[workshop]
name = "t"
title = "T"
timezone = "Asia/Seoul"
[[days]]
date = 2024-01-02
[[days.items]]
start = "09:00"
duration = 30
title = "A"
[[days.items]]
start = "09:30"
duration = 30
title = "B follows A exactly"
[[days.items]]
start = "10:15"
duration = 30
title = "C after a 15-min gap"
[[days.items]]
start = "10:45"
duration = 15
fixed = true
title = "D fixed"
"""


def test_a_start_equal_to_the_previous_end_is_read_as_following():
    items = build_workshop(parse_template(TEMPLATE)).days[0].items
    assert [it.planned_start for it in items] == [time(9, 0), None, time(10, 15), time(10, 45)]
