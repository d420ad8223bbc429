"""Team workshop URLs on the command line: every FILE argument takes one, a URL libpq would misread
is one sentence saying what is wrong, and libpq's own forms (a socket folder in the query) work."""

from __future__ import annotations

import pytest

from dgfacil.store.errors import BadAddress
from dgfacil.store.team_address import parse_address, redacted
from tests.store.conftest import run_cli


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql://secr:p@ss:w/rd#1@127.0.0.1:55432/ws2026", "percent-encode it"),
        ("postgresql://me@127.0.0.1:5543x/ws2026", "the port '5543x' is not a number"),
        ("postgresql://me@127.0.0.1:55432", "names no database"),
    ],
)
def test_a_url_libpq_would_misread_is_one_sentence(url, said, monkeypatch):
    monkeypatch.delenv("PGDATABASE", raising=False)
    with pytest.raises(BadAddress, match=said) as caught:
        parse_address(url)
    assert "p@ss" not in str(caught.value) and "rd#1" not in str(caught.value)
    done = run_cli("agenda", url)
    assert done.returncode == 2 and said in done.stderr and "Traceback" not in done.stderr
    assert "p@ss" not in done.stderr


def test_names_come_from_libpq_parsing():
    found = parse_address("postgresql:///ws2026?host=/tmp/pgdir&port=55432&user=facilitator")
    assert (found.database, found.host, found.user) == ("ws2026", "/tmp/pgdir:55432", "facilitator")
    assert parse_address("postgresql://me:pw@db.example.org/ws").where == "ws on server db.example.org"
    assert (
        redacted("postgresql://secr:p@ss:w/rd#1@127.0.0.1:55432/ws2026") == "postgresql://secr@127.0.0.1:55432/ws2026"
    )
    assert redacted("postgresql:///ws?host=/tmp&password=x") == "postgresql:///ws?host=/tmp&password=…"


def test_a_socket_url_and_every_workshop_command_take_the_url(demo_doc, pg_server, tmp_path):
    demo_doc.close()
    url = pg_server.create_database()
    assert run_cli("publish", demo_doc.path, url).returncode == 0
    database = url.rsplit("/", 1)[1]
    socket_url = f"postgresql:///{database}?host={pg_server.base}&port={pg_server.port}&user={pg_server.user}"
    for step in (
        ("agenda", socket_url),
        ("signatories", url, "--list"),
        ("roster", "export", url, "-o", tmp_path / "roster.csv"),
        ("evaluation", "stats", url),
    ):
        done = run_cli(*step)
        assert done.returncode in (0, 1) and "no such file" not in done.stderr and "Traceback" not in done.stderr, (
            step,
            done.stderr,
        )
    for command in (("signatories",), ("roster", "export"), ("agenda",), ("export",), ("gui",)):
        assert "postgresql:// URL" in " ".join(run_cli(*command, "--help").stdout.split()), command


def test_messages_say_what_a_team_user_needs(pg_server):
    new = run_cli("new", pg_server.url("ws2026"), "--template", "undesa-escap-webinar-2023")
    assert new.returncode == 2 and "dgfacil new makes a file; publish it with dgfacil publish FILE URL" in new.stderr
    dead = run_cli("agenda", "postgresql://nobody@127.0.0.1:1/ws2026")
    assert "The team workshop ws2026 on server 127.0.0.1:1 cannot be reached" in dead.stderr
    assert "Nothing was saved" not in dead.stderr  # a read-only command
    tls = run_cli("agenda", pg_server.url("postgres"), env={"PGSSLMODE": "require"})
    assert tls.returncode == 2 and "TLS" in tls.stderr and "check the network" not in tls.stderr, tls.stderr
