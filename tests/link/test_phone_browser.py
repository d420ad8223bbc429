"""The phone page in headless Chromium at 360×740: join, add a card, vote, answer the survey."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("selenium.webdriver")
from browser import CHROMIUM, DRIVER
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "link"
HOSTILE = '<script>alert("x")</script> <b>Open data law</b>'

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(DRIVER).exists()),
    reason="Debian chromium and chromium-driver are not installed",
)


def _shot(driver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def _wait(driver, condition, timeout: float = 10):
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(condition)


def test_join_card_vote_and_survey_on_a_small_phone(served, browser, tmp_path):
    assert served.remote("/api/boards/current", {"exercise_id": 1})[0] == 200
    assert served.remote("/api/run", {"action": "toggle"})[0] == 200
    driver = browser
    driver.get(served.join)
    _wait(driver, lambda d: "left" in d.find_element(By.ID, "countdown").text)
    assert driver.find_element(By.ID, "current").text == "Opening"
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 360  # no sideways scroll
    assert driver.find_elements(By.CSS_SELECTOR, "header nav[aria-label]") and driver.find_elements(By.TAG_NAME, "main")
    _shot(driver, "join")

    driver.find_element(By.ID, "tab-agenda").click()
    assert driver.find_element(By.ID, "col-mine").text == "Your time (Europe/Paris) / Seoul time"
    first = driver.find_element(By.CSS_SELECTOR, "#agenda-table tbody td.time")
    mine, venue = [s.text for s in first.find_elements(By.TAG_NAME, "span")]
    assert mine != venue  # Paris and Seoul differ (by 8 hours in November)
    assert driver.find_element(By.CSS_SELECTOR, "#agenda-table tbody tr").get_attribute("class") == "current"
    _shot(driver, "agenda")

    driver.find_element(By.ID, "tab-board").click()
    Select(driver.find_element(By.ID, "area")).select_by_visible_text("Threats")
    driver.find_element(By.ID, "card-text").send_keys(HOSTILE)
    driver.find_element(By.ID, "card-send").click()
    card = _wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, "#cards .card p")))
    assert card.text == HOSTILE  # shown literally: no script ran, no bold
    assert driver.find_elements(By.CSS_SELECTOR, "#cards b") == []
    driver.find_element(By.CSS_SELECTOR, "#cards .card button").click()
    _wait(driver, lambda d: d.find_element(By.ID, "dots").text.startswith("Dots left: 2"))
    _wait(driver, lambda d: "your dots: 1" in d.find_element(By.CSS_SELECTOR, "#cards .card .meta").text)
    _shot(driver, "board")

    driver.find_element(By.ID, "tab-survey").click()
    sets = driver.find_elements(By.CSS_SELECTOR, "#survey-form fieldset")
    assert sets and all(s.find_element(By.TAG_NAME, "legend").text for s in sets)
    for fieldset in sets:  # the first choice (for Likert rows: the best level) of each question
        fieldset.find_element(By.CSS_SELECTOR, "input[type=radio]").click()
    _shot(driver, "survey")
    button = driver.find_element(By.ID, "survey-send")
    driver.execute_script("arguments[0].scrollIntoView()", button)
    button.click()
    _wait(driver, lambda d: d.find_element(By.ID, "survey-info").text.startswith("Answers saved"))

    data = served.export(tmp_path)
    assert [i["text"] for i in data["tables"]["board_item"]] == [HOSTILE]
    assert len(data["tables"]["dot_vote"]) == 1
    phone_rows = [r for r in data["tables"]["evaluation_response"] if r["source"] == "phone"]
    assert len(phone_rows) == 1 and len(phone_rows[0]["answers"]) == len(sets)


def test_an_open_page_says_plainly_when_its_link_has_changed(served, browser):
    driver = browser
    driver.get(served.join)
    _wait(driver, lambda d: d.find_element(By.ID, "current").text)
    assert served.remote("/api/rotate", {})[0] == 200
    changed = "This link has changed or ended: scan the code on the screen again."
    _wait(driver, lambda d: d.find_element(By.ID, "status").text == changed)  # live, not on the next send
    driver.find_element(By.ID, "tab-board").click()
    assert driver.find_element(By.ID, "status").text == changed  # never "Could not send: 404"
    _shot(driver, "link_changed")
    driver.get(served.join)  # the old link, opened again: the small page that says the same
    assert driver.find_element(By.TAG_NAME, "body").text == changed


def test_closing_the_board_and_the_survey_shows_on_an_open_page_at_once(served, browser):
    assert served.remote("/api/boards/current", {"exercise_id": 1})[0] == 200
    driver = browser
    driver.get(served.join + "#board")
    _wait(driver, lambda d: d.find_element(By.ID, "card-form").is_displayed())
    assert served.remote("/api/boards/1/close", {"closed": True})[0] == 200
    _wait(driver, lambda d: d.find_element(By.ID, "board-info").text == "This board is closed.")
    assert not driver.find_element(By.ID, "card-form").is_displayed()
    _shot(driver, "board_closed_live")
    assert served.remote("/api/boards/1/close", {"closed": False})[0] == 200
    _wait(driver, lambda d: d.find_element(By.ID, "card-form").is_displayed())

    driver.find_element(By.ID, "tab-survey").click()
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#survey-form fieldset"))
    assert served.remote("/api/survey/close", {"closed": True})[0] == 200
    _wait(driver, lambda d: d.find_element(By.ID, "survey-info").text == "The survey is closed. Thank you!")
    assert driver.find_elements(By.CSS_SELECTOR, "#survey-form fieldset") == []
    assert served.remote("/api/survey/close", {"closed": False})[0] == 200
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#survey-form fieldset"))
    assert driver.find_element(By.ID, "survey-info").text == ""


@pytest.fixture
def labelled(new_doc):
    """The demo workshop (venue in Asia/Seoul) with the venue's city typed as "Seoul HQ"; running."""
    from link_phone import start_serve, stop_serve

    from dgfacil.operations.workshop import set_zone_labels

    doc = new_doc()
    with doc.session() as s:
        set_zone_labels(s, labels={"Asia/Seoul": "Seoul HQ"})
    path = doc.path
    doc.close()
    running = start_serve(path)
    assert running.remote("/api/run", {"action": "toggle"})[0] == 200
    yield running
    stop_serve(running)


def test_now_shows_the_venue_time_by_its_city_when_the_phone_is_elsewhere(labelled, browser):
    driver = browser  # in Europe/Paris
    driver.get(labelled.join)
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#next li"))
    first = driver.find_element(By.CSS_SELECTOR, "#next li")
    venue = first.find_element(By.CSS_SELECTOR, ".venue").text
    assert venue.endswith(" in Seoul HQ") and venue.split(" in ")[0] not in first.text.split(" · ")[0]
    assert driver.find_element(By.ID, "dayend").text.endswith(" in Seoul HQ)")
    _shot(driver, "now_two_zones")
    driver.find_element(By.ID, "tab-agenda").click()
    assert driver.find_element(By.ID, "col-mine").text == "Your time (Europe/Paris) / Seoul HQ time"
    day = driver.find_element(By.ID, "day").text
    assert day == "Webinar · Tuesday, May 30, 2023"  # the day's title and date above the agenda
    _shot(driver, "agenda_two_zones")


def test_a_phone_on_the_venues_offset_shows_one_column(labelled, browser):
    driver = browser
    driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "Asia/Tokyo"})  # UTC+9, as Seoul
    driver.get(labelled.join)
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#next li"))
    assert driver.find_elements(By.CSS_SELECTOR, "#next li .venue") == []
    assert "(" not in driver.find_element(By.ID, "dayend").text
    driver.find_element(By.ID, "tab-agenda").click()
    assert driver.find_element(By.ID, "col-mine").text == "Seoul HQ time"
    assert driver.find_elements(By.CSS_SELECTOR, "#agenda-table td.time .venue") == []


def test_blank_cards_double_taps_and_one_dot(served, browser):
    assert served.remote("/api/boards/current", {"exercise_id": 1})[0] == 200
    driver = browser
    driver.get(served.join + "#board")
    _wait(driver, lambda d: d.find_element(By.ID, "card-form").is_displayed())
    driver.find_element(By.ID, "card-text").send_keys("     ")
    driver.find_element(By.ID, "card-send").click()
    _wait(driver, lambda d: d.find_element(By.ID, "status").text == "Write something first.")
    driver.find_element(By.ID, "card-text").send_keys("Open data law")
    driver.find_element(By.ID, "card-send").click()
    vote = _wait(driver, EC.element_to_be_clickable((By.CSS_SELECTOR, "#cards .card button")))
    driver.execute_script("arguments[0].click(); arguments[0].click();", vote)  # a double tap
    _wait(driver, lambda d: "your dots: 1" in d.find_element(By.CSS_SELECTOR, "#cards .card .meta").text)
    assert driver.find_element(By.ID, "dots").text.startswith("Dots left: 2")  # one dot spent, not two
    assert served.remote("/api/boards/1/reveal", {"revealed": True})[0] == 200
    _wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#cards .card .meta").text == "1 dot · your dots: 1")
    _shot(driver, "board_one_dot")
