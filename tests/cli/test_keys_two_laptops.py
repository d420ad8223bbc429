"""The signing key belongs to the organization: two laptops (two separate config and data
folders), the workshop file carried between them, `dgfacil key export|import|list`, and
`dgfacil verify` as each laptop answers. Every command runs as a subprocess, as a user runs it."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "tea at the Bangkok office"
NAME = "Արմեն Սարգսյան"


class Laptop:
    def __init__(self, home: Path):
        home.mkdir(parents=True)
        self.home = home
        self.env = dict(
            os.environ, HOME=str(home), DGFACIL_CONFIG_DIR=str(home / "config"), DGFACIL_DATA_DIR=str(home / "data")
        )

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "dgfacil", *args],
            capture_output=True,
            check=False,
            text=True,
            env=self.env,
            timeout=120,
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
        )

    def ok(self, *args: str) -> subprocess.CompletedProcess:
        done = self.run(*args)
        assert done.returncode == 0, done.stderr
        return done


def _recorded(doc: Path) -> tuple[str, str]:
    """(first certificate's QR text, the signing fingerprint recorded) as the file holds them."""
    from dgfacil.store import certificates as store
    from dgfacil.store.document import open_document
    from dgfacil.store.settings import get_setting

    opened = open_document(doc)
    try:
        with opened.session() as s:
            return store.certificates(session=s)[0].payload, get_setting("signing.fingerprint", session=s)
    finally:
        opened.close()


@pytest.fixture
def laptops(tmp_path, new_doc):
    """Laptop A has a workshop (made here, in-process: not what is tested) with one present
    participant; laptop B has nothing yet."""
    from dgfacil.core.model import Participant
    from dgfacil.operations.attendance import attendance_blocks, mark
    from dgfacil.operations.participants import add_participant
    from dgfacil.store.participants import load_participants

    a, b = Laptop(tmp_path / "laptop-a"), Laptop(tmp_path / "laptop-b")
    doc = new_doc(name="laptop-a/w.dgfacil")
    with doc.session() as s:
        add_participant(s, participant=Participant(NAME, email="a@example.am", country="Armenia"))
    with doc.session() as s:
        people = load_participants(session=s)
        mark(s, participant_ids=[p.id for p in people], item_ids=[i for b in attendance_blocks(s) for i in b.item_ids])
    doc.engine.dispose()
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    return a, b, a.home / "w.dgfacil", tmp_path / "pass.txt"


def test_the_organization_key_moves_between_laptops(laptops, tmp_path):
    a, b, doc, passfile = laptops
    a.ok("print", "certificates", str(doc), "-o", str(a.home / "c.pdf"))
    payload, org = _recorded(doc)  # the workshop records the key it was signed with
    assert a.ok("verify", payload).stdout.startswith("VALID")

    # the workshop file goes to laptop B on a USB stick
    carried = b.home / "w.dgfacil"
    shutil.copy(doc, carried)
    unknown = b.run("verify", payload)
    assert unknown.returncode == 1 and unknown.stdout.startswith("UNKNOWN KEY")
    lines = unknown.stdout.splitlines()
    claims = next(i for i, line in enumerate(lines) if "NOT verified" in line)
    shown = next(i for i, line in enumerate(lines) if NAME in line)
    assert shown > claims and lines[shown].startswith("  ")  # under the claim, not as a fact
    # ... but the workshop file knows the key it was signed with
    with_file = b.run("verify", payload, "--workshop", str(carried))
    assert with_file.returncode == 0 and with_file.stdout.startswith("VALID"), with_file.stdout

    # reprinting on B with B's own key is caught, naming both keys; nothing is written
    refused = b.run("print", "certificates", str(carried), "-o", str(b.home / "c.pdf"))
    assert refused.returncode == 2 and not (b.home / "c.pdf").exists()
    assert org in refused.stderr and "--force" in refused.stderr

    # the organization's key, exported from A with a passphrase, imported on B
    exported = a.home / "org-key.pem"
    a.ok("key", "export", str(exported), "--passphrase-file", str(passfile))
    assert b"ENCRYPTED PRIVATE KEY" in exported.read_bytes()
    assert PASSPHRASE.encode() not in exported.read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    kept = b.run("key", "import", str(exported), "--passphrase-file", str(passfile))
    assert kept.returncode == 2 and "--replace" in kept.stderr  # B's own key is not silently lost
    b.ok("key", "import", str(exported), "--passphrase-file", str(passfile), "--replace")
    listing = b.ok("key", "list").stdout.splitlines()
    assert listing[0] == f"{org}  signing key (this organization)"
    own = listing[1].split("  ")[0]  # B's first key stays trusted: what it signed still verifies
    assert listing[1].endswith("trusted public key") and own != org and own in refused.stderr

    # now B reprints without a warning: the same numbers under the same key, valid on A
    b.ok("print", "certificates", str(carried), "-o", str(b.home / "c.pdf"))
    reprint, _ = _recorded(carried)
    assert reprint.split("|")[1] == payload.split("|")[1]
    assert a.ok("verify", reprint).stdout.startswith("VALID")


def test_another_organizations_public_key_is_trusted_for_verification(laptops, monkeypatch):
    from datetime import date

    from dgfacil.core import signing
    from dgfacil.operations import keys

    a, b, doc, _passfile = laptops
    monkeypatch.setenv("DGFACIL_CONFIG_DIR", a.env["DGFACIL_CONFIG_DIR"])  # sign as laptop A
    claim = signing.Claim("APO-2026-0001", NAME, "APO-26", date(2026, 3, 2), date(2026, 3, 6))
    payload, org = signing.sign(claim, keys.private_key()), keys.fingerprint()
    public = a.home / "apo-public.pem"
    a.ok("key", "export", "--public", str(public))
    assert b"PRIVATE" not in public.read_bytes()
    trusted = b.ok("key", "import", "--public", str(public))
    assert org in trusted.stdout
    assert b.ok("verify", payload).stdout.startswith("VALID")
    assert b.ok("key", "list").stdout.strip() == f"{org}  trusted public key"
    refused = b.run("key", "import", "--public", str(doc))  # not a key: one line
    assert refused.returncode == 2 and len(refused.stderr.splitlines()) == 1


def test_the_passphrase_is_never_taken_from_a_pipe_or_the_command_line(laptops):
    a, _b, _doc, _passfile = laptops
    out = a.home / "k.pem"
    done = a.run("key", "export", str(out), stdin=PASSPHRASE + "\n")
    assert done.returncode == 2 and "--passphrase-file" in done.stderr and not out.exists()
    short = a.home / "short.txt"
    short.write_text("abc\n", encoding="utf-8")
    done = a.run("key", "export", str(out), "--passphrase-file", str(short))
    assert done.returncode == 2 and "8 characters" in done.stderr and not out.exists()
    assert a.run("key", "export", str(out), "--passphrase", "x").returncode == 2  # no such option
