"""Files we write (PDFs, exports, backups) land whole or not at all: temp file, fsync, replace."""
from __future__ import annotations

import os
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic_write(path: Path, mode: str = "wb", encoding: str | None = None, *,
                 exclusive: bool = False) -> Iterator[IO]:
    """Write to a temp file beside `path`; on success fsync and rename over it, else remove it.

    `exclusive`: never replace an existing `path` — the finished file is hard-linked into place,
    which fails with FileExistsError if another writer got there first (a key made twice would
    orphan every certificate signed with the first).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
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
