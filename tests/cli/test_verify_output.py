"""`dgfacil verify` says only what it checked: a bad code is INVALID in one line, never a
traceback; the name and dates of a code that does not verify are shown as claims, not facts."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

from dgfacil.core import signing

KEY = bytes(range(32))
CLAIM = signing.Claim("APO-2026-0001", "Nguyễn Thị Minh Khai", "APO-26", date(2026, 3, 2), date(2026, 3, 6))


def verify(arg: bytes, *extra: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="")
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"dgfacil", b"verify", arg, *(e.encode() for e in extra)],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_a_byte_replaced_by_0xff_is_invalid_in_one_line(tmp_path):
    pem = tmp_path / "k.pem"
    from dgfacil.operations.keys import public_pem

    pem.write_bytes(public_pem(signing.public_key(KEY)))
    payload = signing.sign(CLAIM, KEY).encode("utf-8")
    for where in (payload.index(b"Nguy") + 2, payload.index(b"|APO-26|") + 3, len(payload) - 3):
        broken = payload[:where] + b"\xff" + payload[where + 1 :]
        for done in (verify(broken, "--key", str(pem)), verify(b"-", "--key", str(pem), stdin=broken)):
            assert done.returncode == 1, done.stderr
            assert done.stderr == b"" and len(done.stdout.splitlines()) == 1
            assert done.stdout.startswith(b"INVALID: ")


def test_under_invalid_the_claim_is_marked_not_verified(tmp_path):
    payload = signing.sign(CLAIM, KEY)
    forged = payload.replace("2026-03-06", "2026-03-09")
    pem = tmp_path / "k.pem"
    from dgfacil.operations.keys import public_pem

    pem.write_bytes(public_pem(signing.public_key(KEY)))
    done = verify(forged.encode(), "--key", str(pem))
    out = done.stdout.decode("utf-8").splitlines()
    assert done.returncode == 1 and out[0].startswith("INVALID: the signature does not match")
    assert out[1] == "The code claims (NOT verified, do not rely on it):"
    assert all(line.startswith("  ") for line in out[2:6]) and "2026-03-09" in out[5]
    genuine = verify(payload.encode(), "--key", str(pem)).stdout.decode("utf-8").splitlines()
    assert genuine[0] == "VALID" and genuine[2] == "name        Nguyễn Thị Minh Khai"
