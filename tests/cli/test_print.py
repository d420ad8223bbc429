"""`dgfacil print` and `dgfacil verify` as a user runs them: subprocesses on a real document."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

KINDS = ["certificates", "attendance", "badges", "tents", "agenda", "worksheets", "groups", "outputs"]


def dgfacil(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dgfacil", *args], capture_output=True, text=True, env=os.environ.copy(), timeout=120
    )


@pytest.fixture
def workshop(tmp_path) -> Path:
    path = tmp_path / "w.dgfacil"
    assert dgfacil("new", str(path), "--template", "undesa-escap-webinar-2023").returncode == 0
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Full name,Email,Country\n김민준,kim@example.kr,Republic of Korea\n../../x,x@example.org,Iran\n",
        encoding="utf-8",
    )
    assert dgfacil("roster", "import", str(path), str(roster)).returncode == 0
    assert dgfacil("attendance", str(path), "--mark-all").returncode == 0
    return path


def test_print_every_kind_and_report(workshop, tmp_path):
    for kind in KINDS:
        out = tmp_path / f"{kind}.pdf"
        done = dgfacil("print", kind, str(workshop), "-o", str(out))
        if kind in ("worksheets", "groups", "outputs"):  # the demo has no exercises: nothing to print
            assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
            assert not out.exists()
            continue
        assert done.returncode == 0, done.stderr
        assert out.exists() and f"wrote {out}" in done.stdout
    done = dgfacil("print", "report", str(workshop), "-o", str(tmp_path / "report.pdf"))
    # the report belongs to another module: it prints, or says in one line that it is missing
    assert done.returncode == 0 or (done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1)


def test_per_person_and_bad_input(workshop, tmp_path):
    folder = tmp_path / "certs"
    done = dgfacil("print", "certificates", str(workshop), "-o", str(folder), "--per-person", "--paper", "Letter")
    assert done.returncode == 0, done.stderr
    assert len(list(folder.glob("*.pdf"))) == 2 and not (tmp_path / "x.pdf").exists()
    for args in (
        ["print", "badges", str(tmp_path / "missing.dgfacil"), "-o", "x.pdf"],
        ["print", "attendance", str(workshop), "-o", str(tmp_path / "a.pdf"), "--block", "99"],
        ["print", "badges", str(workshop), "-o", str(tmp_path / "b"), "--per-person"],
    ):
        done = dgfacil(*args)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1


def test_session_is_the_old_name_of_block(workshop, tmp_path):
    out = tmp_path / "block2.pdf"
    done = dgfacil("print", "attendance", str(workshop), "-o", str(out), "--session", "2")
    assert done.returncode == 0 and out.exists(), done.stderr
    assert "--session is deprecated; use --block" in done.stderr
    refused = dgfacil("print", "attendance", str(workshop), "-o", str(tmp_path / "x.pdf"), "--session", "99")
    assert refused.returncode == 2 and "there is no block 99" in refused.stderr


def test_verify_genuine_tampered_and_unknown(workshop, tmp_path):
    from dgfacil.store import certificates as store
    from dgfacil.store.document import open_document

    assert dgfacil("print", "certificates", str(workshop), "-o", str(tmp_path / "c.pdf")).returncode == 0
    doc = open_document(workshop)
    with doc.session() as s:
        payload = store.certificates(session=s)[0].payload
    doc.close()
    done = dgfacil("verify", payload)
    assert done.returncode == 0 and done.stdout.startswith("VALID") and "김민준" in done.stdout
    fields = payload.split("|")
    for i in range(1, 8):
        forged = list(fields)
        forged[i] = forged[i][:-1] + ("Z" if forged[i][-1] != "Z" else "Y")
        done = dgfacil("verify", "|".join(forged))
        assert done.returncode == 1
        assert done.stdout.startswith("UNKNOWN KEY" if i == 6 else "INVALID"), (i, done.stdout)
    # a verifier elsewhere: a fresh config folder knows no key until it is given the public key
    pem = tmp_path / "organizer.pem"
    assert dgfacil("verify", "-", "--export-key", str(pem)).returncode == 0
    elsewhere = dict(os.environ, DGFACIL_CONFIG_DIR=str(tmp_path / "other"))

    def run(*a):
        return subprocess.run(
            [sys.executable, "-m", "dgfacil", *a], capture_output=True, text=True, env=elsewhere, timeout=120
        )

    assert run("verify", payload).stdout.startswith("UNKNOWN KEY")
    assert run("verify", payload, "--key", str(pem)).stdout.startswith("VALID")
    assert run("verify", "not a code").returncode == 1
