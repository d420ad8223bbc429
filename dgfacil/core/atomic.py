"""Files we write (PDFs, exports, backups) land whole or not at all: temp file, fsync, replace.

The temp file is hidden beside the target (`.name.PID.xxxx.part`). A process killed mid-write
cannot remove its own, so the next write to the same target removes the ones whose writer is
gone. The finished file gets the mode the user expects: the old file's when it replaces one,
else what the umask gives a new file (mkstemp's 0600 would hide a shared PDF from colleagues).
"""

from __future__ import annotations

import atexit
import glob
import os
import stat
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

PART = ".part"
STALE_SECONDS = 3600  # where we cannot ask whether a writer lives (Windows), an hour-old part is dead
_live: set[str] = set()  # our own temp files being written now
_live_lock = threading.Lock()


@contextmanager
def atomic_write(
    path: Path, mode: str = "wb", encoding: str | None = None, *, exclusive: bool = False
) -> Iterator[IO[Any]]:
    """Write to a temp file beside `path`; on success fsync and rename over it, else remove it.

    `exclusive`: never replace an existing `path` — the finished file is hard-linked into place,
    which fails with FileExistsError if another writer got there first (a key made twice would
    orphan every certificate signed with the first).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=PART, dir=path.parent)
    with _live_lock:
        _live.add(tmp)
    try:
        _set_mode(fd, path)
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            os.link(tmp, path)
            Path(tmp).unlink()
        else:
            os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        with _live_lock:
            _live.discard(tmp)


def _set_mode(fd: int, path: Path) -> None:
    """The replaced file's permissions, or the umask's for a new file (POSIX; Windows has none)."""
    if not hasattr(os, "fchmod"):
        return
    try:
        wanted = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        wanted = 0o666 & ~current_umask()
    os.fchmod(fd, wanted)


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _live_lock:  # elsewhere the only way to read it is to set it and set it back
        old = os.umask(0o077)
        os.umask(old)
    return old


def remove_stale_parts(path: Path) -> list[Path]:
    """Remove the temp files of earlier writes to `path` whose writer is gone; returns them."""
    path = Path(path)
    removed = []
    for part in path.parent.glob(f".{glob.escape(path.name)}.*{PART}"):
        with _live_lock:
            if str(part) in _live:
                continue
        if _writer_alive(part, path.name):
            continue
        try:
            part.unlink()
            removed.append(part)
        except OSError:  # gone already, or not ours to remove: leave it
            pass
    return removed


def _writer_alive(part: Path, name: str) -> bool:
    pid_text = part.name[len(name) + 2 :].split(".", 1)[0]
    if os.name == "posix" and pid_text.isdigit():
        pid = int(pid_text)
        if pid == os.getpid():
            return False  # ours, yet not being written (checked by the caller): left by a failed write
        try:
            os.kill(pid, 0)  # signal 0 only asks whether the process exists
        except ProcessLookupError:
            return False
        except OSError:
            return True  # exists, owned by someone else
        return True
    try:  # Windows (os.kill would end the process) or a name we did not make: judge by age
        return time.time() - part.stat().st_mtime < STALE_SECONDS
    except OSError:
        return False


@atexit.register
def _remove_own_parts() -> None:
    """On a normal exit, no temp file of an interrupted write (a worker thread cut off) stays."""
    with _live_lock:
        left = list(_live)
    for tmp in left:
        Path(tmp).unlink(missing_ok=True)


def safe_child(folder: Path, name: str) -> Path:
    """`folder/name` with `name` reduced to a plain file name that cannot leave `folder`."""
    # Letters and digits of any script, with their combining marks (Bengali and Devanagari vowel
    # signs are marks, not letters); everything else, path separators included, becomes "_".
    cleaned = "".join(
        ch if ch.isalnum() or ch in "-_. " or unicodedata.category(ch).startswith("M") else "_" for ch in name
    ).strip(" .")
    cleaned = cleaned.replace("..", "_") or "file"
    target = (Path(folder) / cleaned[:120]).resolve()
    if target.parent != Path(folder).resolve():
        raise ValueError(f"{name!r} would leave {folder}")
    return target
