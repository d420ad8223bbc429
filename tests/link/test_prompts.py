"""Phones answer the exercise's prompts: over the API and in headless Chromium at 360 px; the
answers land in the exercise answers the desktop prompts board reads (and in `dgfacil export`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from link_phone import start_serve, stop_serve

SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "link"
QUESTIONS = [
    {"key": "change", "text": "What will you change first?"},
    {"key": "law", "kind": "choice", "text": "Is a data law needed?", "options": ["Yes", "No"]},
]


@pytest.fixture
def prompts_served(new_doc):
    from dgfacil.operations import exercises
    from dgfacil.operations.document import load_workshop

    doc = new_doc()
    with doc.session() as s:
        first = load_workshop(s).days[0].items[0].id
        exercises.add_exercise(
            s, agenda_item_id=first, kind="prompts", title="Reflection", definition={"questions": QUESTIONS}
        )
        exercise_id = load_workshop(s).exercises[-1].id
    path = doc.path
    doc.close()
    running = start_serve(path)
    assert running.remote("/api/boards/current", {"exercise_id": exercise_id})[0] == 200
    yield running, exercise_id
    stop_serve(running)


def _answers(served, tmp_path, exercise_id) -> dict:
    rows = served.export(tmp_path)["tables"]["exercise_answer"]
    return {r["key"]: r["value"] for r in rows if r["exercise_id"] == exercise_id and r["group_id"] is None}


def test_phones_answer_prompts_one_line_each_and_the_most_chosen_option(prompts_served, tmp_path):
    served, exercise_id = prompts_served
    one, two = served.phone(), served.phone()
    one.join()
    two.join()
    status, shown = one.get("/api/prompts")
    assert status == 200 and shown["prompts"]["title"] == "Reflection" and shown["answers"] == {}
    assert [q["kind"] for q in shown["prompts"]["questions"]] == ["text", "choice"]
    post = {"exercise_id": exercise_id}
    assert one.post("/api/prompts", {**post, "answers": {"change": "Publish <data>", "law": 1}})[0] == 200
    assert two.post("/api/prompts", {**post, "answers": {"change": "Train staff", "law": 0}})[0] == 200
    assert one.post("/api/prompts", {**post, "answers": {"change": "Publish open data", "law": 0}})[0] == 200
    assert one.get("/api/prompts")[1]["answers"] == {"change": "Publish open data", "law": 0}
    answers = _answers(served, tmp_path, exercise_id)
    assert answers["change"]["text"] == "Publish open data\nTrain staff"  # one line a phone, replaced
    assert answers["law"]["choice"] == 0
    # wrong input is refused plainly; a closed exercise takes no more
    assert one.post("/api/prompts", {**post, "answers": {"law": 5}})[0] == 400
    assert one.post("/api/prompts", {**post, "answers": {"nope": "x"}})[0] == 400
    assert served.remote(f"/api/boards/{exercise_id}/close", {"closed": True})[0] == 200
    assert one.post("/api/prompts", {**post, "answers": {"change": "late"}})[0] == 409
    assert one.get("/api/prompts")[1]["prompts"]["closed"] is True


def test_a_phone_answers_prompts_in_chromium(prompts_served, browser, tmp_path):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    served, exercise_id = prompts_served
    driver = browser
    driver.get(served.join + "#prompts")
    area = WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: d.find_element(By.ID, "p-change")
    )
    assert driver.find_element(By.ID, "prompts-h").text == "Reflection"
    area.send_keys("<b>Share</b> the registry")
    driver.find_elements(By.CSS_SELECTOR, 'input[name="p-law"]')[1].click()
    driver.find_element(By.ID, "prompts-send").click()
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: d.find_element(By.ID, "prompts-info").text.startswith("Answers sent")
    )
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / "prompts.png"))
    answers = _answers(served, tmp_path, exercise_id)
    assert answers["change"]["text"] == "<b>Share</b> the registry" and answers["law"]["choice"] == 1


def test_typing_an_answer_survives_live_updates_and_a_changed_question_list(prompts_served, browser):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from dgfacil.operations import exercises
    from dgfacil.operations.document import open_document

    served, exercise_id = prompts_served
    driver = browser
    driver.get(served.join + "#prompts")
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: d.find_element(By.ID, "p-change")
    ).send_keys("Half a thou")
    driver.find_elements(By.CSS_SELECTOR, 'input[name="p-law"]')[1].click()
    driver.find_element(By.ID, "p-change").click()  # the caret back in the answer, mid-sentence
    driver.execute_script("var a = document.getElementById('p-change'); a.setSelectionRange(5, 5);")

    def typed(d) -> tuple:
        return d.execute_script(
            "var a = document.getElementById('p-change'),"
            " law = document.querySelector('input[name=\"p-law\"]:checked');"
            "return [a && a.value, document.activeElement && document.activeElement.id, a && a.selectionStart,"
            " law && law.value];"
        )

    # a live update (the facilitator's phone picks the board again: a "board" event) redraws nothing
    marker = driver.execute_script("var a = document.getElementById('p-change'); a.dataset.same = '1'; return 1;")
    assert served.remote("/api/boards/current", {"exercise_id": exercise_id})[0] == 200
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: (
            d.execute_script(
                "return window.performance.getEntriesByType("
                "'resource').filter(function (r) { return "
                "r.name.indexOf('/api/prompts') >= 0; }).length"
            )
            >= 2
        )
    )
    assert marker == 1 and driver.execute_script("return document.getElementById('p-change').dataset.same") == "1"
    assert typed(driver) == ["Half a thou", "p-change", 5, "1"]
    # the facilitator adds a question meanwhile: the list is redrawn, the typing and the caret kept
    doc = open_document(served.path)
    try:
        with doc.session() as s:
            exercises.update_definition(
                s,
                exercise_id=exercise_id,
                definition={"questions": [*QUESTIONS, {"key": "who", "text": "Who should lead it?"}]},
            )
    finally:
        doc.close()
    assert served.remote("/api/boards/current", {"exercise_id": exercise_id})[0] == 200
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: d.find_elements(By.ID, "p-who")
    )
    assert typed(driver) == ["Half a thou", "p-change", 5, "1"]
    driver.find_element(By.ID, "p-change").send_keys("X")  # typing goes on where the caret was
    assert typed(driver)[0] == "Half Xa thou"
