"""`dgfacil export` writes everything; the GUI on a machine with no display says so in one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def _run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "dgfacil", *args],
        capture_output=True,
        text=True,
        env=env or os.environ.copy(),
        timeout=120,
    )


def test_export_holds_every_table_and_row(demo_doc, tmp_path):
    path = demo_doc.path
    demo_doc.close()
    out = tmp_path / "ws.json"
    result = _run("export", str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "dgfacil-workshop" and data["schema_revision"]
    items = data["tables"]["agenda_item"]
    assert [i["planned_start"] for i in items] == ["15:00", None, None, None, None, "16:37"]  # followers: None
    assert [i["shorten"] for i in items] == [True] * 6 and items[0]["min_duration_min"] is None
    assert data["tables"]["workshop"][0]["display_zones"] == ["Asia/Bangkok", "Africa/Addis_Ababa"]
    assert {"note", "participant", "run_event", "board_item", "certificate"} <= set(data["tables"])


def test_export_of_a_non_document_is_one_line(tmp_path):
    bad = tmp_path / "agenda.dgfacil"
    bad.write_text("not a workshop")
    result = _run("export", str(bad), "-o", str(tmp_path / "x.json"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "not a dgfacil workshop file" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_gui_without_display_says_how_to_run_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = _run(env=env)
    assert result.returncode == 2
    assert "no display found" in result.stderr and "xvfb-run" in result.stderr
    assert "Traceback" not in result.stderr


def test_python_m_and_console_script_report_the_version():
    result = _run("--version")
    assert result.returncode == 0 and result.stdout.startswith("dgfacil ")


def test_output_paths_that_cannot_be_written_are_one_line(demo_doc, tmp_path):
    path = demo_doc.path
    demo_doc.close()
    for args in (["export", str(path), "-o", str(tmp_path)], ["agenda", str(path), "--ics", str(tmp_path)]):
        result = _run(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_new_refuses_a_missing_folder_and_adds_the_suffix(tmp_path):
    result = _run("new", str(tmp_path / "missing" / "x.dgfacil"), "--template", "undesa-escap-webinar-2023")
    assert result.returncode == 2 and "no folder" in result.stderr
    assert not (tmp_path / "missing").exists()
    result = _run("new", str(tmp_path / "seoul"), "--template", "undesa-escap-webinar-2023")
    assert result.returncode == 0 and (tmp_path / "seoul.dgfacil").exists()


def test_a_closed_pipe_is_not_a_traceback(demo_doc):
    path = demo_doc.path
    demo_doc.close()
    reader = subprocess.Popen(
        [sys.executable, "-m", "dgfacil", "agenda", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    reader.stdout.read(10)
    reader.stdout.close()  # like `| head -c 10`
    _, err = reader.communicate(timeout=60)
    assert b"Traceback" not in err


def test_an_output_that_is_a_folder_is_named_as_typed_with_what_to_do(demo_doc, tmp_path):
    """The message named the hidden '.x.PID.rand.part' file it was writing through, and no remedy."""
    path = demo_doc.path
    demo_doc.close()
    folder = tmp_path / "host"
    folder.mkdir()
    result = _run("export", str(path), "-o", str(folder))
    assert result.returncode == 2
    assert result.stderr.strip() == f"dgfacil: cannot write {folder}: Is a directory — it is a folder: give a file name"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
