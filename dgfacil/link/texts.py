"""Every text of the phone and remote pages, in one place so they can be translated with the app.

Keys are used by static/phone.js and static/remote.js; `{}` marks where a value goes.
"""
from __future__ import annotations

PHONE = {
    "lang": "en",
    "title": "Room link",
    "nav_label": "Sections",
    "now": "Now",
    "agenda": "Agenda",
    "board": "Board",
    "survey": "Survey",
    "not_started": "The day has not started yet.",
    "finished": "The day is over. Thank you!",
    "paused": "Paused",
    "remaining": "{} left",
    "over": "{} over time",
    "back_at": "Back at {}",
    "back_at_venue": "({} venue time)",
    "next": "Next",
    "day_end": "Day ends {}",
    "your_time": "Your time",
    "venue_time": "Venue time",
    "no_board": "There is no board open for notes right now.",
    "board_closed": "This board is closed.",
    "group": "Board",
    "whole_room": "Whole room",
    "zone": "Zone",
    "your_note": "Your note",
    "add_note": "Add note",
    "note_added": "Note added.",
    "dots_left": "Dots left: {}",
    "vote": "Vote",
    "unvote": "Take back",
    "votes": "{} dots",
    "your_dots": "your dots: {}",
    "votes_hidden": "Vote totals are shown when the facilitator reveals them.",
    "no_survey": "There is no survey for this workshop.",
    "survey_closed": "The survey is closed. Thank you!",
    "send_survey": "Send answers",
    "survey_sent": "Answers saved. You can change them until the survey closes.",
    "offline": "Connection lost — trying again…",
    "error": "Could not send: {}",
    "too_fast": "Too many requests — wait a moment.",
}

REMOTE = {
    "title": "Run remote",
    "toggle": "Start / pause",
    "previous": "Previous",
    "next": "Next",
    "plus1": "+1 min",
    "plus5": "+5 min",
    "reveal": "Reveal votes",
    "close_board": "Close board",
    "close_survey": "Close survey",
    "done": "Done.",
}

RAPPORTEUR = {
    "title": "Group notes",
    "tag": "Kind",
    "text": "Note",
    "add": "Add note",
    "save": "Save",
    "edit": "Edit",
    "saved": "Saved.",
    "yours": "Your group's notes",
    "error": "Could not save: {}",
    "note": "Note", "key message": "Key message", "decision": "Decision", "action": "Action",
    "quote": "Quote", "question": "Question",
}
