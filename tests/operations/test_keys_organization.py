"""The organization's key in-process: passphrase export/import, the key a workshop records, and
the warning when a laptop would sign a workshop with another key. Switching the config folder
is switching laptops."""

from __future__ import annotations

import pytest

from dgfacil.core import signing
from dgfacil.operations import keys
from dgfacil.operations.preflight import warnings

PASS = b"correct horse battery staple"


def test_export_import_round_trip_and_refusals(tmp_path, monkeypatch):
    org = keys.private_key()
    out = tmp_path / "org.pem"
    assert keys.export_private_key(out, PASS) == keys.fingerprint()
    with pytest.raises(keys.KeyFileError, match="8 characters"):
        keys.export_private_key(tmp_path / "x.pem", b"short")
    monkeypatch.setenv("DGFACIL_CONFIG_DIR", str(tmp_path / "laptop-b"))
    with pytest.raises(keys.KeyFileError, match="wrong passphrase"):
        keys.import_private_key(out, b"not the passphrase")
    with pytest.raises(keys.KeyFileError, match="passphrase"):
        keys.import_private_key(out, None)
    assert not keys.key_path().exists()  # nothing half-done
    assert keys.import_private_key(out, PASS) == signing.fingerprint(signing.public_key(org))
    assert keys.private_key() == org
    assert keys.import_private_key(out, PASS) == keys.fingerprint()  # again: no change


def test_replacing_a_laptops_key_keeps_it_trusted(tmp_path, monkeypatch):
    org = keys.private_key()
    out = tmp_path / "org.pem"
    keys.export_private_key(out, PASS)
    monkeypatch.setenv("DGFACIL_CONFIG_DIR", str(tmp_path / "laptop-b"))
    own = keys.private_key()
    with pytest.raises(keys.KeyFileError, match="--replace"):
        keys.import_private_key(out, PASS)
    assert keys.private_key() == own
    keys.import_private_key(out, PASS, replace=True)
    assert keys.private_key() == org
    own_public = signing.public_key(own)
    assert keys.known_keys()[signing.key_id(own_public)] == own_public
    assert [what for what, _fp in keys.listing()] == ["signing key (this organization)", "trusted public key"]


def test_the_workshop_records_its_key_and_warns_on_another(demo_doc, tmp_path, monkeypatch):
    org_public = keys.public_key()
    with demo_doc.session() as s:
        assert keys.key_warning(s) is None and keys.workshop_keys(s) == []  # nothing signed yet
        keys.record_workshop_key(s, org_public)
    with demo_doc.session() as s:
        assert keys.workshop_keys(s) == [org_public] and keys.key_warning(s) is None
    monkeypatch.setenv("DGFACIL_CONFIG_DIR", str(tmp_path / "laptop-b"))
    with demo_doc.session() as s:
        warning = keys.key_warning(s)
        assert signing.fingerprint(org_public) in warning and keys.fingerprint() in warning
        assert warnings(s, "certificates") == [warning] and warnings(s, "badges") == []
        keys.record_workshop_key(s, keys.public_key())  # printed anyway: the file knows both
    with demo_doc.session() as s:
        assert keys.workshop_keys(s) == [org_public, keys.public_key()]
        assert keys.workshop_key(s) == org_public  # the organization's stays the workshop's
