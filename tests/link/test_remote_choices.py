"""The remote chooses the board and the questions phones see, two separate choices (the running
item's first in each list), rotates the join link behind a confirm, and hides every card of one
phone at once; its card list shows each card's zone and dots."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("selenium.webdriver")
from link_phone import start_serve, stop_serve
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "link"


def _wait(driver, condition, timeout: float = 10):
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(condition)


@pytest.fixture
def two_boards(new_doc):
    """A SWOT board on the first item, a second card board and a prompts exercise on the second."""
    from dgfacil.operations import exercises
    from dgfacil.operations.document import load_workshop

    doc = new_doc()
    with doc.session() as s:
        first, second = [i.id for i in load_workshop(s).days[0].items[:2]]
        exercises.add_exercise(s, agenda_item_id=first, use="swot")
        exercises.add_exercise(s, agenda_item_id=second, use="swot")
        exercises.add_exercise(
            s,
            agenda_item_id=second,
            kind="prompts",
            title="Reflection",
            definition={"questions": [{"key": "a", "text": "Why?"}]},
        )
        ids = [e.id for e in load_workshop(s).exercises]
    path = doc.path
    doc.close()
    running = start_serve(path)
    yield running, ids
    stop_serve(running)


def _options(driver, select_id: str) -> list[str]:
    return [o.text for o in Select(driver.find_element(By.ID, select_id)).options]


def test_board_and_questions_are_two_choices_and_rotation_asks_first(two_boards, browser):
    served, (board1, board2, questions) = two_boards
    assert served.remote("/api/run", {"action": "toggle"})[0] == 200  # the first item runs
    phone = served.phone()
    phone.join()
    driver = browser
    driver.get(served.facilitator)
    _wait(driver, lambda d: len(_options(d, "pick-board")) == 3)
    boards = _options(driver, "pick-board")
    assert boards[0] == "The running item's board" and boards[1].endswith("(now)")  # the running item's first
    assert _options(driver, "pick-prompts")[1] == "Reflection"

    Select(driver.find_element(By.ID, "pick-board")).select_by_index(2)
    _wait(driver, lambda d: phone.get("/api/state")[1]["board"]["exercise_id"] == board2)
    Select(driver.find_element(By.ID, "pick-prompts")).select_by_visible_text("Reflection")
    _wait(driver, lambda d: (phone.get("/api/prompts")[1]["prompts"] or {}).get("exercise_id") == questions)
    assert phone.get("/api/state")[1]["board"]["exercise_id"] == board2  # choosing questions kept the board
    # the old way (questions through api/boards/current) keeps the board too
    assert served.remote("/api/boards/current", {"exercise_id": questions})[0] == 200
    assert phone.get("/api/state")[1]["board"]["exercise_id"] == board2
    driver.refresh()
    _wait(driver, lambda d: d.find_element(By.ID, "pick-board").get_attribute("value") == str(board2))  # as chosen
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / "remote_choices.png"))

    driver.execute_script("window.confirm = function () { return false; };")  # the facilitator says no
    driver.find_element(By.ID, "rotate").click()
    assert phone.get("/api/state")[0] == 200
    driver.execute_script("window.confirm = function () { return true; };")
    driver.find_element(By.ID, "rotate").click()
    _wait(driver, lambda d: d.find_element(By.ID, "status").text.startswith("New join link made"))
    assert phone.get("/api/state")[0] == 404


def test_hide_all_from_one_phone_and_each_cards_zone_and_dots(served, browser):
    assert served.remote("/api/boards/current", {"exercise_id": 1})[0] == 200
    flood, other = served.phone(), served.phone()
    flood.join()
    other.join()
    for n in range(3):
        assert flood.post("/api/notes", {"text": f"spam {n}", "area": "threats"})[0] == 201
    kept = other.post("/api/notes", {"text": "A real point", "area": "strengths"})[1]["id"]
    assert other.post("/api/votes", {"item_id": kept})[0] == 200
    driver = browser
    driver.get(served.facilitator)
    _wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#cards li")) == 4)
    metas = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#cards li .meta")]
    assert metas == ["Threats · 0 dots"] * 3 + ["Strengths · 1 dot"]
    first = driver.find_element(By.CSS_SELECTOR, "#cards li")
    buttons = [b.text for b in first.find_elements(By.TAG_NAME, "button")]
    assert buttons == ["Hide", "Hide all from this phone"]
    first.find_elements(By.TAG_NAME, "button")[1].click()
    _wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#cards li.hidden")) == 3)
    assert [n["text"] for n in other.get("/api/board")[1]["notes"]] == ["A real point"]
    driver.save_screenshot(str(SHOTS / "remote_hide_phone.png"))
    assert served.remote(f"/api/notes/{kept}/hide_phone", {"hidden": True})[0] == 200
    assert flood.get("/api/board")[1]["notes"] == []
