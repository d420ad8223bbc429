"""Printing in worker processes: both cores, a window that never waits, Cancel that cleans up.

`run_job(job, out, progress)` cuts a job's people into chunks, draws each chunk in a worker
process (a `ProcessPoolExecutor` started with 'forkserver', or 'spawn' where there is no
forkserver: never `fork` from a Qt process) and joins the chunk PDFs in a worker too, so the
calling process only waits and relays progress. Workers get plain values (the job's picklable
`render` call) and give back file paths.

Nothing half-done is left behind. One PDF: the chunks live in a hidden folder beside `out` and
the joined file lands atomically. One PDF per person: the files are written into a hidden staging
folder inside the target folder and moved into place only when all are done. Cancel (or an error)
removes the staging folder, and the `Cancelled` message says exactly what was kept.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import shutil
import sys
import tempfile
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from functools import partial
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from dgfacil.printing.layout import Cancelled

if TYPE_CHECKING:
    from multiprocessing.queues import Queue
    from multiprocessing.synchronize import Event

    from dgfacil.operations.printing import PrintJob

CHUNK = 100  # fewest certificates per worker task: progress and cancel stay per certificate anyway
WORKERS = max(1, min(os.cpu_count() or 1, 4))

# In the worker: set by _start_worker.
_cancel: Event | None = None
_reports: Queue[int] | None = None


def _context() -> BaseContext:
    """forkserver where it exists (Linux): workers fork from a clean, preloaded server; spawn
    elsewhere (Windows, macOS). fork would copy the Qt process mid-flight."""
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods and not getattr(sys, "frozen", False):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["dgfacil.operations.print_jobs", "dgfacil.printing.certificate"])
        return ctx
    return multiprocessing.get_context("spawn")


def _start_worker(cancel: Event, reports: Queue[int]) -> None:
    global _cancel, _reports
    _cancel, _reports = cancel, reports
    if hasattr(os, "nice"):  # the window comes first when the cores are busy
        os.nice(5)
    import dgfacil.printing.certificate  # noqa: F401 — loaded now, before the freeze

    # Everything loaded so far lives as long as the worker: the collections that free each
    # batch's reportlab and pypdf cycles need not walk it again and again.
    gc.freeze()


class _WorkerProgress:
    """What printing functions see in a worker: reports go up a queue, Cancel comes down an event."""

    STEP = 5  # report every few items: the queue is cheap, but not free

    def __init__(self) -> None:
        self.last = self.seen = 0

    def report(self, done: int, total: int, text: str = "") -> None:
        self.seen = done
        if done - self.last >= self.STEP:
            self.flush()

    def flush(self) -> None:
        if self.seen > self.last:
            assert _reports is not None, "set by _start_worker"
            _reports.put(self.seen - self.last)
            self.last = self.seen

    @property
    def cancelled(self) -> bool:
        assert _cancel is not None, "set by _start_worker"
        return _cancel.is_set()


def draw_certificates(
    *,
    out: Path,
    recipients: list[tuple[Any, ...]],
    signatories: list[tuple[Any, ...]],
    progress: Any = None,
    **options: Any,
) -> list[Path]:
    """Certificates from plain tuples: (number, name, payload, participant id) per person and
    (name, title, signature PNG) per signatory; `options` as printing.certificate takes them."""
    from dgfacil.printing import certificate

    return certificate.print_certificates(
        out,
        recipients=[certificate.Recipient(*r) for r in recipients],
        signatories=[certificate.Signatory(*s) for s in signatories],
        progress=progress,
        **options,
    )


def _draw(render: partial[Any], out: str) -> list[str]:
    """In a worker: run one chunk of the job into `out`; returns the files written."""
    progress = _WorkerProgress()
    result = render(out=Path(out), progress=progress)
    files = result if isinstance(result, list) else [result]
    progress.flush()
    return [str(f) for f in files]


def _join(parts: list[str], out: str) -> int:
    """In a worker: join the chunk PDFs into `out` (atomically); -1 when cancelled."""
    from dgfacil.core.atomic import atomic_write
    from dgfacil.printing.merge import join_files

    assert _cancel is not None, "set by _start_worker"
    with atomic_write(Path(out)) as handle:
        pages = join_files(cast(BinaryIO, handle), parts, cancelled=_cancel.is_set)
        if pages < 0:
            raise Cancelled()
    return pages


_WORD = {
    "certificates": "certificate",
    "attendance": "participant",
    "badges": "badge",
    "tents": "tent",
    "agenda": "day",
    "worksheets": "worksheet",
    "groups": "group",
    "outputs": "group output",
}


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _chunks(job: PrintJob) -> list[partial[Any]]:
    """The job's render call, cut into chunks (two per worker, at least CHUNK people each) when it
    prints people one by one."""
    render = job.render
    people = render.keywords.get("recipients")
    if people is None:
        return [render]
    people = list(people)
    # a few big chunks: each chunk is a document of its own (fonts subset and embedded again,
    # one more file to join), while Cancel and progress are checked per certificate inside it
    size = max(CHUNK, -(-len(people) // (2 * WORKERS)))
    return [
        partial(render, recipients=people[i : i + size], total=len(people[i : i + size]))
        for i in range(0, len(people), size)
    ] or [render]


class _Run:
    """One job in the pool: submits chunks, relays progress, stops on Cancel."""

    def __init__(self, job: PrintJob, out: Path, progress: Any, workers: int) -> None:
        self.job, self.out, self.progress = job, out, progress
        ctx = _context()
        self.cancel = ctx.Event()
        self.reports = ctx.Queue()
        self.pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=ctx, initializer=_start_worker, initargs=(self.cancel, self.reports)
        )
        self.done = 0
        self.total = job.count

    def _relay(self, timeout: float) -> None:
        try:
            self.done += self.reports.get(timeout=timeout)
            while True:
                self.done += self.reports.get_nowait()
        except queue.Empty:
            pass
        if self.progress is not None:
            self.progress.report(min(self.done, self.total), self.total, "")

    def _stopped(self) -> bool:
        return self.progress is not None and getattr(self.progress, "cancelled", False)

    def wait_all(self, futures: list[Future[Any]]) -> None:
        """Wait for `futures` while relaying progress; on Cancel tell the workers and wait for
        them to stop (within a certificate), then raise Cancelled."""
        pending = set(futures)
        while pending:
            if self._stopped():
                self.cancel.set()
            _done, pending = wait(pending, timeout=0.05, return_when=FIRST_COMPLETED)
            self._relay(0.0)
            for fut in _done:
                error = fut.exception()
                if error is not None:
                    self.cancel.set()  # one chunk failed: stop the others
                    wait(pending)
                    raise error
        self._relay(0.0)
        if self.cancel.is_set():
            raise Cancelled()

    def close(self) -> None:
        self.cancel.set()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.reports.close()
        self.reports.join_thread()


def _staging(parent: Path) -> Path:
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".dgfacil-printing-", dir=parent))


def run_job(job: PrintJob, out: Path, progress: Any = None, *, workers: int = WORKERS) -> list[Path]:
    """Print `job` (operations.printing.PrintJob) to `out` in worker processes; returns the files.

    Raises Cancelled, with a message saying what was kept, when `progress.cancelled` turns true.
    """
    out = Path(out)
    per_person = bool(job.render.keywords.get("per_person"))
    chunks = _chunks(job)
    home = out if per_person else out.parent
    created = not home.exists()
    stage = _staging(home)
    run = _Run(job, out, progress, min(workers, len(chunks)))
    try:
        parts = [str(stage / (f"{i:04d}" if per_person else f"{i:04d}.pdf")) for i in range(len(chunks))]
        futures = [run.pool.submit(_draw, chunk, part) for chunk, part in zip(chunks, parts, strict=True)]
        try:
            run.wait_all(futures)
        except Cancelled:
            raise Cancelled(_cancelled(job, out, run.done, per_person, created)) from None
        if per_person:
            return _move_into(out, [Path(f) for fut in futures for f in fut.result()])
        if len(parts) == 1:
            os.replace(parts[0], out)
        else:
            if progress is not None:
                progress.report(run.total, run.total, "Joining the pages…")
            try:
                run.wait_all([run.pool.submit(_join, parts, str(out))])
            except Cancelled:
                raise Cancelled(_cancelled(job, out, run.done, per_person, created)) from None
        return [out]
    finally:
        run.close()
        shutil.rmtree(stage, ignore_errors=True)
        if created and home.is_dir() and not any(home.iterdir()):
            home.rmdir()  # a folder made for a run that kept nothing


def _move_into(folder: Path, files: list[Path]) -> list[Path]:
    """Move the finished per-person files from staging into `folder` (same disk: renames)."""
    placed = []
    for f in files:
        target = folder / f.name
        os.replace(f, target)
        placed.append(target)
    return placed


def _cancelled(job: PrintJob, out: Path, done: int, per_person: bool, created: bool) -> str:
    """Exactly what Cancel kept (nothing), and where things stand."""
    drawn = min(done, job.count)
    head = f"Cancelled after {drawn:,} of {_plural(job.count, _WORD.get(job.kind, 'item'))}"
    if per_person:
        kept = f"none of the {drawn:,} PDFs drawn were kept"
        return (
            f"{head}: {kept}; there is no folder {out}."
            if created
            else f"{head}: {kept}; {out} is as it was before printing."
        )
    if out.exists():
        return f"{head}: nothing was written; the earlier {out.name} was left as it was."
    return f"{head}: nothing was written; there is no {out.name}."
