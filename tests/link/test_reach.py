"""What the link says about phones reaching it: honest about what it can know."""

from __future__ import annotations

from dgfacil.link.reach import QUIET_S, reachable, verdict

LAPTOP = ["192.168.1.20", "127.0.0.1"]


def test_only_loopback_or_link_local_addresses_are_said_to_be_unreachable():
    assert not reachable("127.0.0.1") and not reachable("169.254.3.4") and not reachable("0.0.0.0")
    assert reachable("192.168.1.20") and reachable("10.0.0.7") and not reachable("nonsense")
    said = verdict({}, ["127.0.0.1", "169.254.3.4"], started=0, now=10)
    assert "no network address that phones can reach" in said and "hotspot" in said


def test_another_device_reaching_the_link_means_the_network_lets_phones_in():
    reached = {"127.0.0.1": 5.0, "192.168.1.20": 6.0, "192.168.1.34": 7.0, "192.168.1.35": 100.0}
    said = verdict(reached, LAPTOP, started=0, now=130)
    assert said.startswith("2 devices reached the link (the last, 192.168.1.35, just now)")


def test_the_laptop_alone_is_no_proof_and_after_a_quiet_while_it_names_client_isolation():
    own_only = {"127.0.0.1": 5.0, "192.168.1.20": 6.0}
    early = verdict(own_only, LAPTOP, started=0, now=QUIET_S - 1)
    assert "No phone has reached the link yet" in early and "your own phone" in early
    late = verdict(own_only, LAPTOP, started=0, now=QUIET_S + 60)
    assert "in 4 minutes" in late and "client isolation" in late and "hotspot" in late
    # a second address of the laptop's own (its hotspot, say) does not count either
    assert "No phone" in verdict({"10.42.0.1": 7.0}, LAPTOP, started=0, now=10, also_own=["10.42.0.1"])
