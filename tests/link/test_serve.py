"""The room link's safety rules and API, against a real `dgfacil serve` on 127.0.0.1."""

from __future__ import annotations

import html
import json
import re

import pytest
from link_phone import Phone

from dgfacil.link.server import GONE_PAGE

GONE = GONE_PAGE.encode()  # every 404: the same small page, saying what to do, never why


def _choose_swot(served) -> dict:
    phone = served.phone()
    phone.join()
    status, state = phone.get("/api/state")
    assert status == 200 and state["board"] is None  # nothing runs yet and no board is chosen
    status, _ = served.remote("/api/boards/current", {"exercise_id": 1})
    assert status == 200
    return phone.get("/api/state")[1]["board"]


def test_serve_prints_one_line_per_url(served):
    assert served.lines[0].startswith("join: http://127.0.0.1:")
    # 26 characters of Crockford's base 32 (130 bits): lower case, no i, l, o, u to mistake
    token = re.fullmatch(r"join: http://127\.0\.0\.1:\d+/j/([0-9a-hjkmnp-tv-z]{26})", served.lines[0]).group(1)
    assert served.lines[1].startswith("facilitator: http://127.0.0.1:")
    short = next(line for line in served.lines if line.startswith("to type: "))
    grouped = short.rsplit("/", 1)[1]
    assert grouped.replace("-", "") == token and {len(g) for g in grouped.split("-")[:-1]} == {4}


def test_the_short_address_as_typed_opens_the_page_and_a_near_miss_does_not(served):
    token = served.join.rsplit("/", 1)[1]
    phone = served.phone()
    grouped = "-".join(token[i : i + 4] for i in range(0, len(token), 4))
    assert phone.request("GET", "", base=f"/j/{grouped}")[0] == 200
    typed = grouped.upper().replace("1", "l").replace("0", "O")  # capitals and look-alikes forgiven
    assert phone.request("GET", "/api/state", base=f"/j/{typed}")[0] == 200
    wrong = token[:-1] + ("x" if token[-1] != "x" else "y")
    assert phone.request("GET", "", base=f"/j/{wrong}")[:3:2] == (404, GONE)
    assert phone.request("GET", "", base=f"/j/{token[:-1]}")[0] == 404


@pytest.mark.parametrize("path", ["", "/api/state", "/events", "/phone.js"])
def test_a_wrong_or_missing_token_is_the_same_small_404_page(served, path):
    phone = served.phone()
    phone.join()
    wrong = re.sub(r"/j/.*", "/j/" + "A" * 32, served.join)
    for base in (wrong, re.sub(r"/j/.*", "/j", served.join), re.sub(r"/j/.*", "", served.join)):
        status, _headers, payload = Phone(base).request("GET", path)
        assert (status, payload) == (404, GONE)
    # the facilitator's token does not open the phone side, nor the join token the remote
    facilitator_token = served.facilitator.rsplit("/", 1)[1]
    assert phone.request("GET", path, base=f"/j/{facilitator_token}")[0] == 404
    status, _h, payload = phone.request(
        "POST", "/api/run", data={"action": "next"}, base="/f/" + served.join.rsplit("/", 1)[1]
    )
    assert (status, payload) == (404, GONE)


def test_rotating_the_join_token_locks_out_old_links(served):
    old = served.phone()
    old.join()
    status, answer = served.remote("/api/rotate", {})
    assert status == 200
    assert old.get("/api/state")[0] == 404 and old.request("GET", "")[0] == 404
    new = Phone(served.join.rsplit("/j/", 1)[0] + answer["join"])
    assert new.get("/api/state")[0] in (200, 403) and new.join()


def test_oversize_is_413_and_not_json_is_415(served):
    _choose_swot(served)
    phone = served.phone()
    phone.join()
    status, _h, _p = phone.request("POST", "/api/notes", raw=b'{"text": "' + b"x" * 20_000 + b'"}')
    assert status == 413
    status, _h, _p = phone.request(
        "POST", "/api/notes", raw=b"text=hi&area=strengths", content_type="application/x-www-form-urlencoded"
    )
    assert status == 415


def test_a_flood_is_refused_with_429_per_device(served):
    flooder, neighbour = served.phone(), served.phone()
    flooder.join()
    neighbour.join()
    statuses = [flooder.request("GET", "/api/state")[0] for _ in range(80)]
    assert statuses[0] == 200 and statuses[-1] == 429
    assert neighbour.get("/api/state")[0] == 200  # same address, another device: still served


def test_a_write_without_the_device_cookie_is_refused(served):
    _choose_swot(served)
    stranger = served.phone()
    status, answer = stranger.post("/api/notes", {"text": "hi", "area": "strengths"})
    assert status == 403 and "join link" in answer["error"]


def test_markup_in_a_note_stays_text_and_lands_in_the_export(served, tmp_path):
    board = _choose_swot(served)
    assert [a["key"] for a in board["areas"]] == ["strengths", "weaknesses", "opportunities", "threats"]
    phone = served.phone()
    page = phone.join()
    hostile = '<script>alert("x")</script> & </script><b>bold</b>'
    status, created = phone.post("/api/notes", {"text": hostile, "area": "threats"})
    assert status == 201
    _s, _h, raw = phone.request("GET", "/api/board")
    assert b"<" not in raw and b"\\u003cscript\\u003e" in raw  # escaped in JSON too
    notes = json.loads(raw)["notes"]
    assert [n["text"] for n in notes] == [hostile] and notes[0]["own"]
    # the page itself never holds a note, and the texts block cannot be closed by data
    assert hostile not in page and html.escape(hostile) not in page
    data = served.export(tmp_path)
    assert [i["text"] for i in data["tables"]["board_item"]] == [hostile]
    assert data["tables"]["board_item"][0]["id"] == created["id"]


def test_dots_are_one_allowance_per_device_and_totals_wait_for_reveal(served):
    board = _choose_swot(served)
    a, b = served.phone(), served.phone()
    a.join()
    b.join()
    note = a.post("/api/notes", {"text": "Open data law", "area": "strengths"})[1]["id"]
    for left in range(board["dots"] - 1, -1, -1):
        assert a.post("/api/votes", {"item_id": note}) == (200, {"item_id": note, "dots_left": left})
    status, refused = a.post("/api/votes", {"item_id": note})
    assert status == 409 and "all your dots" in refused["error"]
    assert b.post("/api/votes", {"item_id": note})[0] == 200  # another device has its own dots
    seen = b.get("/api/board")[1]["notes"][0]
    assert seen["votes"] is None and seen["mine"] == 1
    assert served.remote(f"/api/boards/{board['exercise_id']}/reveal", {"revealed": True})[0] == 200
    assert b.get("/api/board")[1]["notes"][0]["votes"] == board["dots"] + 1


def test_hide_and_close_board(served):
    board = _choose_swot(served)
    phone = served.phone()
    phone.join()
    note = phone.post("/api/notes", {"text": "Off topic", "area": "threats"})[1]["id"]
    assert served.remote(f"/api/notes/{note}/hide", {"hidden": True})[0] == 200
    assert phone.get("/api/board")[1]["notes"] == []
    assert served.remote(f"/api/notes/{note}/hide", {"hidden": False})[0] == 200
    assert [n["id"] for n in phone.get("/api/board")[1]["notes"]] == [note]
    assert served.remote(f"/api/boards/{board['exercise_id']}/close", {"closed": True})[0] == 200
    status, refused = phone.post("/api/notes", {"text": "Late", "area": "threats"})
    assert status == 409 and "closed" in refused["error"]


def test_survey_one_response_per_device_editable_until_closed(served, tmp_path):
    phone = served.phone()
    phone.join()
    survey = phone.get("/api/state")[1]["survey"]
    likert = next(q for g in survey["groups"] for q in g["questions"] if q["kind"] == "likert")
    assert phone.post("/api/evaluation", {"answers": {likert["key"]: 1}})[0] == 200
    assert phone.post("/api/evaluation", {"answers": {likert["key"]: 0}})[0] == 200
    assert phone.get("/api/state")[1]["survey"]["answers"] == {likert["key"]: 0}
    status, refused = phone.post("/api/evaluation", {"answers": {likert["key"]: 99}})
    assert status == 400 and "levels" in refused["error"]
    assert served.remote("/api/survey/close", {"closed": True})[0] == 200
    assert phone.post("/api/evaluation", {"answers": {likert["key"]: 2}})[0] == 409
    rows = [r for r in served.export(tmp_path)["tables"]["evaluation_response"] if r["source"] == "phone"]
    assert len(rows) == 1 and rows[0]["answers"] == {likert["key"]: 0}


def test_the_remote_presses_run_keys_and_phones_hear_it(served, tmp_path):
    phone = served.phone()
    phone.join()
    assert served.remote("/api/run", {"action": "toggle"})[0] == 200
    state = phone.get("/api/state")[1]
    assert state["phase"] == "running" and state["current"]["title"] == "Opening"
    assert 0 < state["current"]["remaining_s"] <= 7 * 60
    assert served.remote("/api/run", {"action": "plus5"})[0] == 200
    assert phone.get("/api/state")[1]["current"]["remaining_s"] > 11 * 60
    assert served.remote("/api/run", {"action": "next"})[0] == 200
    assert phone.get("/api/state")[1]["current"]["title"].startswith("Session 1")
    kinds = [e["kind"] for e in served.export(tmp_path)["tables"]["run_event"]]
    assert kinds == ["start", "extend", "next"]
    assert served.remote("/api/run", {"action": "fly"})[0] == 400


def test_a_break_says_when_the_room_is_back(new_doc, tmp_path):
    from link_phone import start_serve, stop_serve

    doc = new_doc("apo-data-governance-2021")
    path = doc.path
    doc.close()
    served = start_serve(path)
    try:
        phone = served.phone()
        phone.join()
        assert phone.get("/api/state")[1]["back_at"] is None
        assert served.remote("/api/run", {"action": "toggle"})[0] == 200
        for _ in range(10):
            state = phone.get("/api/state")[1]
            if state["current"]["is_break"]:
                break
            assert served.remote("/api/run", {"action": "next"})[0] == 200
        assert state["current"]["is_break"] and state["back_at"] == state["current"]["ends_at"]
        assert state["next"][0]["start"] >= state["back_at"]
    finally:
        stop_serve(served)


def test_serving_on_all_addresses_prints_the_lan_ones(board_doc):
    import subprocess
    import sys

    from dgfacil.cli.serve import lan_addresses

    process = subprocess.Popen(
        [sys.executable, "-m", "dgfacil", "serve", str(board_doc), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = []
        while not (line := process.stdout.readline()).startswith("serving"):
            assert line, process.stderr.read()
            lines.append(line.strip())
        joins = [line.split(": ", 1)[1] for line in lines if line.startswith("join: ")]
        expected = lan_addresses() or ["127.0.0.1"]
        assert [re.match(r"http://([\d.]+):", url).group(1) for url in joins] == expected
        assert Phone(joins[0]).join()  # reachable on that address
    finally:
        process.terminate()
        process.wait(timeout=20)
        process.stdout.close()
        process.stderr.close()


def test_the_404_page_says_what_to_do_and_nothing_about_tokens(served):
    status, headers, payload = served.phone().request("GET", "/api/state", base="/j/" + "b" * 26)
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert b"This link has changed or ended: scan the code on the screen again." in payload
    assert b"token" not in payload.lower() and len(payload) < 600


def test_serve_prints_the_new_join_and_to_type_lines_after_a_rotation(served):
    import queue
    import threading

    heard: queue.Queue[str] = queue.Queue()
    threading.Thread(
        target=lambda: [heard.put(line.rstrip("\n")) for line in served.process.stdout], daemon=True
    ).start()
    status, answer = served.remote("/api/rotate", {})
    assert status == 200
    new_token = answer["join"].rsplit("/", 1)[1]
    lines = []
    while not any(line.startswith("to type: ") for line in lines):
        lines.append(heard.get(timeout=15))
    assert f"join: http://127.0.0.1:{Phone(served.join).port}/j/{new_token}" in lines
    typed = next(line for line in lines if line.startswith("to type: ")).rsplit("/", 1)[1]
    assert typed.replace("-", "") == new_token


def test_fresh_cookies_do_not_get_round_the_limit_of_an_address(served):
    """Each request from a new device cookie: the device limits never bite, the address's does
    (generous: ten devices' worth of writes at once, for phones sharing an access point)."""
    first = served.phone()
    first.join()
    statuses = []
    for n in range(40):  # forty fresh cookies, each writing eight times at once (the body is refused: no database)
        phone = Phone(served.join)
        phone.cookie = f"dgf_device=flood{n:04d}-{'x' * 16}"
        statuses += [phone.request("POST", "/api/notes", data={})[0] for _ in range(8)]
    assert statuses[0] == 400 and statuses.count(400) >= 250 and statuses[-1] == 429


def test_a_card_over_the_limit_is_refused_in_words_never_cut(served):
    from dgfacil.link.phone import MAX_CARD

    _choose_swot(served)
    phone = served.phone()
    page = phone.join()
    assert f'maxlength="{MAX_CARD}"' in page  # the page's limit is the server's
    status, refused = phone.post("/api/notes", {"text": "x" * (MAX_CARD + 1), "area": "threats"})
    assert status == 400 and refused["code"] == "too_long" and str(MAX_CARD) in refused["error"]
    status, made = phone.post("/api/notes", {"text": "y" * MAX_CARD, "area": "threats"})
    assert status == 201
    assert [n["text"] for n in phone.get("/api/board")[1]["notes"]] == ["y" * MAX_CARD]
