"""Rapporteurs fill their group's boards and action plan, and tag actions with owner and due date;
each group's are its own. Over the API, and in headless Chromium at 1024 px (a laptop)."""

from __future__ import annotations

from pathlib import Path

import pytest
from link_phone import Phone, start_serve, stop_serve

SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "link"


@pytest.fixture
def day_groups(new_doc):
    """A SWOT board and an action plan on the first item; two groups for the day (both boards)."""
    from dgfacil.operations import exercises, groups
    from dgfacil.operations.document import load_workshop

    doc = new_doc()
    with doc.session() as s:
        day = load_workshop(s).days[0]
        swot = exercises.add_exercise(s, agenda_item_id=day.items[0].id, use="swot").ids[0]
        plan = exercises.add_exercise(s, agenda_item_id=day.items[0].id, use="action-plan").ids[0]
        groups.create_groups(s, count=2, day_id=day.id)
    path = doc.path
    doc.close()
    running = start_serve(path)
    links = [Phone(line.split(": ", 1)[1]) for line in running.lines if line.startswith("rapporteur ")]
    assert len(links) == 2
    yield running, links, swot, plan
    stop_serve(running)


def test_a_group_fills_its_own_boards_and_not_another_groups(day_groups, tmp_path):
    served, (a, b), swot, plan = day_groups
    status, shown = a.get("/api/boards")
    assert status == 200
    kinds = {x["exercise_id"]: x for x in shown["boards"]}
    assert set(kinds) == {swot, plan}
    assert [c["title"] for c in kinds[plan]["columns"]][:2] == ["Goal", "Action step"]
    columns = [c["key"] for c in kinds[plan]["columns"] if c["key"]]
    status, card = a.post(f"/api/boards/{swot}/items", {"text": "Strong ministry", "area": "strengths"})
    assert status == 201
    status, row = a.post(f"/api/boards/{plan}/items", {"area": "Open data", "cells": {columns[0]: "Draft the law"}})
    assert status == 201
    assert a.post(f"/api/boards/{plan}/items", {"area": "x", "cells": {"nope": "y"}})[0] == 400
    assert a.post(f"/api/boards/{swot}/items", {"text": "x", "area": "nowhere"})[0] == 409
    # the other group neither sees nor edits them
    other = {x["exercise_id"]: x["items"] for x in b.get("/api/boards")[1]["boards"]}
    assert other == {swot: [], plan: []}
    assert b.post(f"/api/items/{row['id']}", {"area": "Hijacked", "cells": {}})[0] == 404
    assert (
        a.post(f"/api/items/{row['id']}", {"area": "Open data", "cells": {columns[0]: "Draft and pass the law"}})[0]
        == 200
    )
    assert a.post(f"/api/items/{card['id']}", {"text": "Strong ministry of ICT", "area": "strengths"})[0] == 200
    # an action with its owner and due date; a bad date is refused in words
    status, made = a.post(
        "/api/notes", {"text": "Publish the data", "tag": "action", "owner": "MoICT", "due": "2027-03-31"}
    )
    assert status == 201
    status, refused = a.post("/api/notes", {"text": "x", "tag": "action", "due": "next March"})
    assert status == 400 and "YYYY-MM-DD" in refused["error"]
    assert a.get("/api/notes")[1]["notes"][0] | {"created_at": ""} == {
        "id": made["id"],
        "text": "Publish the data",
        "tag": "action",
        "owner": "MoICT",
        "due": "2027-03-31",
        "created_at": "",
    }
    tables = served.export(tmp_path)["tables"]
    items = {i["id"]: i for i in tables["board_item"]}
    assert items[row["id"]]["data"]["cells"] == {columns[0]: "Draft and pass the law"}
    assert items[card["id"]]["text"] == "Strong ministry of ICT"
    assert [(n["owner"], n["due"]) for n in tables["note"]] == [("MoICT", "2027-03-31")]


def test_the_rapporteur_page_in_chromium(day_groups, tmp_path):
    pytest.importorskip("selenium.webdriver")
    from browser import INSTALLED, chromium
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    if not INSTALLED:
        pytest.skip("Debian chromium and chromium-driver are not installed")
    served, (a, _b), swot, plan = day_groups
    url = f"http://{a.host}:{a.port}{a.base}"
    with chromium(1024, 768, mobile=False) as driver:
        driver.get(url)
        wait = WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,))
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#boards table"))
        Select(driver.find_element(By.ID, "tag")).select_by_value("action")
        assert driver.find_element(By.ID, "owner").is_displayed()
        driver.find_element(By.ID, "text").send_keys("<b>Publish</b> the data")
        driver.find_element(By.ID, "owner").send_keys("MoICT")
        due = driver.find_element(By.ID, "due")
        driver.execute_script("arguments[0].value = '2027-03-31'", due)  # the date picker's own widget
        driver.find_element(By.ID, "send").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#notes li"))
        assert (
            driver.find_element(By.CSS_SELECTOR, "#notes li > span").text
            == "Action: <b>Publish</b> the data (owner: MoICT, due: 2027-03-31)"
        )
        last = driver.find_elements(By.CSS_SELECTOR, "#boards table tbody tr")[-1]
        cells = last.find_elements(By.TAG_NAME, "input")
        cells[0].send_keys("Open data")
        cells[1].send_keys("Draft the law")
        last.find_element(By.TAG_NAME, "button").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#boards table tbody tr")) == 2)
        box = driver.find_element(By.CSS_SELECTOR, f'section[aria-labelledby="board-{swot}"]')
        Select(box.find_element(By.TAG_NAME, "select")).select_by_visible_text("Threats")
        box.find_element(By.CSS_SELECTOR, "form input").send_keys("Brain drain")
        box.find_element(By.CSS_SELECTOR, "form button").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f'section[aria-labelledby="board-{swot}"] li'))
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 1024
        SHOTS.mkdir(parents=True, exist_ok=True)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1024, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        driver.save_screenshot(str(SHOTS / "rapporteur.png"))
    tables = served.export(tmp_path)["tables"]
    assert [(n["text"], n["tag"], n["owner"], n["due"]) for n in tables["note"]] == [
        ("<b>Publish</b> the data", "action", "MoICT", "2027-03-31")
    ]
    rows = [i for i in tables["board_item"] if i["exercise_id"] == plan]
    assert [(r["area"], r["data"]["cells"].get("action")) for r in rows] == [("Open data", "Draft the law")]
    assert [i["text"] for i in tables["board_item"] if i["exercise_id"] == swot] == ["Brain drain"]


def test_the_rapporteur_page_on_a_phone_names_its_group_and_shows_owner_only_for_actions(day_groups):
    pytest.importorskip("selenium.webdriver")
    from browser import INSTALLED, chromium
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    if not INSTALLED:
        pytest.skip("Debian chromium and chromium-driver are not installed")
    served, (a, _b), swot, _plan = day_groups
    name = next(line for line in served.lines if line.startswith("rapporteur ")).split(": ", 1)[0][len("rapporteur ") :]
    with chromium() as driver:
        driver.get(f"http://{a.host}:{a.port}{a.base}")
        wait = WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,))
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f'section[aria-labelledby="board-{swot}"] form'))
        assert driver.title == driver.find_element(By.TAG_NAME, "h1").text == f"{name} — notes"
        assert not driver.find_element(By.ID, "owner").is_displayed()  # a note has no owner
        assert not driver.find_element(By.ID, "due").is_displayed()
        Select(driver.find_element(By.ID, "tag")).select_by_value("action")
        assert driver.find_element(By.ID, "owner").is_displayed() and driver.find_element(By.ID, "due").is_displayed()
        Select(driver.find_element(By.ID, "tag")).select_by_value("decision")
        assert not driver.find_element(By.ID, "owner").is_displayed()
        box = driver.find_element(By.CSS_SELECTOR, f'section[aria-labelledby="board-{swot}"]')
        assert box.find_element(By.CSS_SELECTOR, "form button").text == "Add card"
        driver.find_element(By.ID, "text").send_keys("We agree on open data")
        driver.find_element(By.ID, "send").click()
        wait.until(lambda d: d.find_element(By.ID, "status").text == "Saved.")
        driver.save_screenshot(str(SHOTS / "rapporteur_phone.png"))
        # the next save: the old "Saved." goes at once, and a refusal is not followed by it
        assert served.remote(f"/api/boards/{swot}/close", {"closed": True})[0] == 200
        box.find_element(By.CSS_SELECTOR, "form input").send_keys("Brain drain")
        driver.execute_script("window.fetch = function () { return new Promise(function () {}); };")  # never answers
        box.find_element(By.CSS_SELECTOR, "form button").click()
        assert driver.find_element(By.ID, "status").text == ""
