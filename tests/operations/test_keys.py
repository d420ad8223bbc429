"""The organizer's signing key is made once, even when the app and the CLI ask at the same moment."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from dgfacil.operations import keys

ASK = "from dgfacil.operations import keys; print(keys.fingerprint())"


def test_threads_asking_first_all_get_the_one_key():
    with ThreadPoolExecutor(8) as pool:
        found = set(pool.map(lambda _: keys.private_key(), range(16)))
    assert len(found) == 1
    assert keys.private_key() in found
    if os.name == "posix":
        assert stat.S_IMODE(keys.key_path().stat().st_mode) == 0o600


def test_processes_asking_first_all_get_the_one_key():
    # four `dgfacil print` runs on a machine with no key yet: one key, every one signs with it
    children = [subprocess.Popen([sys.executable, "-c", ASK], stdout=subprocess.PIPE, text=True) for _ in range(4)]
    printed = {child.communicate(timeout=60)[0].strip() for child in children}
    assert printed == {keys.fingerprint()}
    assert [p.name for p in keys.key_path().parent.iterdir() if p.name.startswith(".")] == []
