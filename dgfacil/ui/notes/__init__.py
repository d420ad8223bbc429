"""The Notes room and the notes pane the Run room embeds: fast, keyboard-only note-taking."""
