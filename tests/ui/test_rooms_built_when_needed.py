"""A workshop opens with only the room on show built; every other room is built when its tab is
first shown or it is asked for, and all of them soon after the window has painted."""

from __future__ import annotations

from dgfacil.ui.rooms import ROOMS


def test_only_the_room_on_show_is_built_at_open_and_the_rest_follow(qtbot, demo_window):
    window = demo_window(1280, 720)
    assert [type(room).__name__ for room in window.rooms] == ["AgendaRoom"]
    assert window.tabs.currentWidget() is window.rooms[0]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [title for title, _ in ROOMS]
    people = window.show_room("People")  # asked for: built now, in its own tab, on show
    assert type(people).__name__ == "PeopleRoom" and window.tabs.currentWidget() is people
    assert window.undo_group.activeStack() is people.undo_stack
    qtbot.waitUntil(lambda: len(window.rooms) == len(ROOMS))  # the others, after the first paint
    assert [window.tabs.widget(i) for i in range(len(ROOMS))] == [window.room(title) for title, _ in ROOMS]
    assert window.tabs.currentWidget() is people  # building them changed no tab
    assert window.room("Run").strip_action in window.view_menu.actions()  # its View items came with it
    window.close_document()
