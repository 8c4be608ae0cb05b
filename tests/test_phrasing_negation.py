"""Deals that did not happen: a takeover someone was stopped from making, or a bid a relative
clause says was dropped, states no `acquires` edge. Passages written for these tests, with
names outside the gazetteer; each case lists triples it must and must not produce."""

from __future__ import annotations

import pytest
from extract_fixtures import assert_triples, triples

Triple = tuple[str, str, str]
ACQ = "acquires"
ORVIK, VELTRANA, KESTREL, HALVARD = "orvik-group", "veltrana-systems", "kestrel-robotics", "halvard-technologies"

CASES: list[tuple[str, str, set[Triple], set[Triple]]] = [
    (
        "'prohibited X from taking over Y': no takeover, and not by whoever prohibited it",
        "The president on Monday prohibited Orvik Group from taking over Veltrana Systems, citing national security.",
        set(),
        {(ORVIK, ACQ, VELTRANA)},
    ),
    (
        "'prohibited X Ltd. from taking over Y' after a titled person: not the person's takeover either",
        "President Ilse Marten on Monday prohibited Orvik Group Ltd. from taking over Veltrana Systems Inc., acting on a "
        "recommendation from the Committee on Foreign Investment in the United States.",
        set(),
        {(ORVIK, ACQ, VELTRANA), ("ilse-marten", ACQ, VELTRANA)},
    ),
    (
        "'barred X from buying Y' states no purchase",
        "A court barred Orvik Group from buying Veltrana Systems until the appeal is heard.",
        set(),
        {(ORVIK, ACQ, VELTRANA)},
    ),
    (
        "a bid whose relative clause says it was abandoned is no acquisition",
        "Regulators' slow handling of Orvik Group's $9bn bid for Veltrana Systems, which Orvik abandoned in 2019, still weighs on the sector.",
        set(),
        {(ORVIK, ACQ, VELTRANA)},
    ),
    (
        "an offer 'which it later withdrew' is no acquisition",
        "Orvik Group made an offer for Veltrana Systems, which it later withdrew after shareholders objected.",
        set(),
        {(ORVIK, ACQ, VELTRANA)},
    ),
    (
        "'walked away from its purchase of Y' is no acquisition",
        "Last month Orvik Group walked away from its $3.8bn purchase of Veltrana Systems after a long review.",
        set(),
        {(ORVIK, ACQ, VELTRANA)},
    ),
    (
        "a relative clause on the last item of a list is about that item only",
        "Orvik Group, Halvard Technologies and Veltrana Systems, the Japanese electronics maker that Kestrel Robotics bought last year, "
        "are among the limited partners.",
        {(KESTREL, ACQ, VELTRANA)},
        {(KESTREL, ACQ, ORVIK), (KESTREL, ACQ, HALVARD)},
    ),
    (
        "control: a relative clause that does not end the deal leaves it standing",
        "Halvard Technologies completed its acquisition of Kestrel Robotics, which it agreed to buy in March.",
        {(HALVARD, ACQ, KESTREL)},
        set(),
    ),
    (
        "control: a prevention verb elsewhere in the sentence does not cancel a completed deal",
        "Halvard Technologies bought Kestrel Robotics last year, a move that stopped Orvik Group from expanding in Europe.",
        {(HALVARD, ACQ, KESTREL)},
        set(),
    ),
]


@pytest.mark.parametrize("name,text,present,absent", CASES, ids=[c[0] for c in CASES])
def test_deals_that_did_not_happen(extractor, name, text, present, absent) -> None:  # type: ignore[no-untyped-def]
    assert_triples(triples(extractor, text), present, absent, name)
