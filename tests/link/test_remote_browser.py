"""The facilitator's phone page in headless Chromium: it hides and restores a phone's card,
reveals votes, closes the board and the survey — the same moderation as the desktop's."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "link"


def _wait(driver, condition, timeout: float = 10):
    # the page redraws its lists as the server answers: an element found a moment ago may be gone
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(condition)


def _click(driver, css: str) -> None:
    _wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, css).click() or True)


def _pressed(driver, flag: str) -> bool:
    return driver.find_element(By.CSS_SELECTOR, f'button[data-flag="{flag}"]').get_attribute("aria-pressed") == "true"


def test_the_remote_page_moderates_the_board_and_the_survey(served, browser):
    assert served.remote("/api/boards/current", {"exercise_id": 1})[0] == 200
    phone = served.phone()
    phone.join()
    status, created = phone.post("/api/notes", {"text": "<i>Off topic</i>", "area": "threats"})
    assert status == 201
    assert phone.post("/api/votes", {"item_id": created["id"]})[0] == 200
    driver = browser
    driver.get(served.facilitator)
    shown = _wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#cards li span").text)
    assert shown == "<i>Off topic</i>"  # literally, not markup
    assert driver.find_element(By.ID, "board-title").text == "SWOT analysis"
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 360

    _click(driver, "#cards li button")  # Hide
    _wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#cards li").get_attribute("class") == "hidden")
    assert phone.get("/api/board")[1]["notes"] == []
    assert _wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#cards li button").text) == "Restore"
    _click(driver, "#cards li button")
    _wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#cards li").get_attribute("class") == "")
    assert [n["id"] for n in phone.get("/api/board")[1]["notes"]] == [created["id"]]

    assert phone.get("/api/board")[1]["notes"][0]["votes"] is None
    _click(driver, 'button[data-flag="revealed"]')
    _wait(driver, lambda d: _pressed(d, "revealed"))
    assert phone.get("/api/board")[1]["notes"][0]["votes"] == 1
    _click(driver, 'button[data-flag="closed"]')
    _wait(driver, lambda d: _pressed(d, "closed"))
    assert phone.post("/api/notes", {"text": "late", "area": "threats"})[0] == 409
    _click(driver, 'button[data-flag="survey"]')
    _wait(driver, lambda d: _pressed(d, "survey"))
    assert phone.post("/api/evaluation", {"answers": {}})[0] == 409
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / "remote_moderation.png"))
    _click(driver, 'button[data-flag="closed"]')  # open again
    _wait(driver, lambda d: not _pressed(d, "closed"))
    assert phone.post("/api/notes", {"text": "in time", "area": "threats"})[0] == 201


def test_the_remote_shows_what_runs_and_what_comes_next_live(served, browser):
    agenda = served.phone()
    agenda.join()
    titles = [row["title"] for row in agenda.get("/api/state")[1]["agenda"]]
    driver = browser
    driver.get(served.facilitator)
    _wait(driver, lambda d: d.find_element(By.ID, "current").text == "The day has not started yet.")
    _click(driver, 'button[data-action="toggle"]')
    _wait(driver, lambda d: d.find_element(By.ID, "current").text == titles[0])
    _wait(driver, lambda d: d.find_element(By.ID, "countdown").text.endswith(" left"))
    assert driver.find_element(By.ID, "next").text == f"Next: {titles[1]}"
    _click(driver, 'button[data-action="next"]')
    _wait(driver, lambda d: d.find_element(By.ID, "current").text == titles[1])
    assert driver.find_element(By.ID, "next").text == f"Next: {titles[2]}"
    assert served.remote("/api/run", {"action": "next"})[0] == 200  # another remote (or the app) presses
    _wait(driver, lambda d: d.find_element(By.ID, "current").text == titles[2])  # live, by the event stream
    assert served.remote("/api/run", {"action": "toggle"})[0] == 200
    _wait(driver, lambda d: d.find_element(By.ID, "countdown").text.startswith("Paused · "))
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / "remote_run.png"))
