"""Certificates of attendance: issue them (number, sign, record) and verify a scanned one.

Where the rest lives: who is eligible is the attendance rule (`operations/attendance.py`,
`core/attendance.py`); numbers are made by `core/certificates.py`; the signing key and the keys
this computer trusts are `operations/keys.py`; the payload format and its check are
`core/signing.py`; the page is `printing/certificate.py`, drawn in worker processes by
`operations/print_jobs.draw_certificates` (kept there so workers never load the database layer).
"""

from __future__ import annotations

from datetime import UTC, datetime, timezone
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from dgfacil.core import signing
from dgfacil.core.certificates import assign_numbers, prefix_for
from dgfacil.operations import keys
from dgfacil.operations.attendance import eligibility_all
from dgfacil.operations.changes import Changes
from dgfacil.operations.ids import saved_id
from dgfacil.operations.print_jobs import draw_certificates
from dgfacil.operations.printing import NothingToPrint, PrintJob
from dgfacil.store import certificates as store
from dgfacil.store.signatories import signatories
from dgfacil.store.workshop import load_workshop

if TYPE_CHECKING:
    from sqlmodel import Session

    from dgfacil.core.model import Workshop

__all__ = ["issue_certificates", "verify_certificate", "workshop_code"]


def workshop_code(workshop: Workshop) -> str:
    """What identifies the workshop on a certificate: its project code, else its template name."""
    return workshop.project_code or workshop.template_name or workshop.title[:24]


def issue_certificates(session: Session, *, paper: str = "A4", per_person: bool = False) -> Changes[PrintJob]:
    """Issue a certificate to every participant who meets the attendance rule, and hand back the
    job that draws them (`job.run(out)` or `print_jobs.run_job`).

    Each one gets its number (kept from an earlier printing, else the next free
    `<CODE>-<YEAR>-<NNNN>`) and a payload signed with the organization's key; both are recorded,
    with the workshop's public key, so a reprint shows the same number and any laptop holding the
    file verifies it. Raises NothingToPrint before anything is recorded when nobody is eligible.
    """
    workshop = load_workshop(session=session)
    verdicts = eligibility_all(session)
    eligible = [p for p, e in verdicts if e.eligible]
    if not eligible:  # before the key or any number is made: a refusal records nothing
        raise NothingToPrint(
            f"Nobody is eligible for a certificate yet (0 of {len(verdicts)} participants meet the "
            "attendance rule); mark attendance in the People room. Nothing was written."
            if verdicts
            else "There are no participants, so there are no certificates to print. Nothing was written."
        )
    issued_rows = store.certificates(session=session)
    issued = {r.participant_id: r.number for r in issued_rows}
    numbers = assign_numbers(
        [saved_id(p.id) for p in eligible],
        issued,
        prefix_for(workshop.project_code, workshop.start_date),
        taken=[r.number for r in issued_rows],
    )
    signer = signing.Signer(keys.private_key())
    keys.record_workshop_key(session, signer.public_raw)  # the file then verifies anywhere
    start, end = workshop.start_date, workshop.end_date
    if start is None or end is None:  # eligible people attended something, so there are days
        raise NothingToPrint("The workshop has no days, so there are no certificates to print. Nothing was written.")
    now = datetime.now(UTC).isoformat(timespec="seconds")
    recipients = []
    for p in eligible:
        pid = saved_id(p.id)
        claim = signing.Claim(numbers[pid], p.printed_name, workshop_code(workshop), start, end)
        payload = signer.sign(claim)
        store.save_certificate(pid, numbers[pid], payload, now, session=session)
        recipients.append((numbers[pid], claim.name, payload, pid, p.country))
    sigs = [(r.name, r.title, r.signature_png) for r in signatories(session=session)][:3]
    # plain tuples: this process need not load the layout (reportlab, pypdf) to hand them over
    run = partial(
        draw_certificates,
        workshop=workshop,
        recipients=recipients,
        signatories=sigs,
        fingerprint=signing.fingerprint(signer.public_raw),
        paper=paper,
        per_person=per_person,
    )
    note = f"{len(eligible)} of {len(verdicts)} participants are eligible for a certificate."
    # certificate numbers belong to the people: the People room shows them
    return Changes(
        participants=True,
        ids=tuple(saved_id(p.id) for p in eligible),
        value=PrintJob("certificates", len(recipients), run, note),
    )


def verify_certificate(
    text: str, *, key_files: list[Path] | None = None, workshops: list[Path] | None = None
) -> signing.Verdict:
    """Check a certificate's QR text offline against the keys this computer trusts, plus the
    public key files `key_files` and the keys the workshop files `workshops` were signed with.
    Raises ValueError (a sentence) for a key file or workshop that cannot be read."""
    from dgfacil.operations.document import open_workshop

    also: list[bytes] = []
    for path in workshops or []:
        doc = open_workshop(path, read_only=True)
        try:
            with doc.session(write=False) as session:  # a read never waits behind a writer
                also += keys.workshop_keys(session)
        finally:
            doc.close()
    return signing.verify(text, keys.known_keys(key_files, also))
