"""The reference article: the actors issue 3 lists, coded and joined (general mechanisms only)."""
from __future__ import annotations


def _actor(doc, text):
    for a in doc.actors:
        if any(m.text == text for m in a.mentions):
            return a
    raise AssertionError(f"no actor has the mention {text!r}: {[(a.code, [m.text for m in a.mentions]) for a in doc.actors]}")


def test_reference_actor_codes(reference_doc):
    doc = reference_doc
    assert _actor(doc, "Iraq’s serving Prime Minister Adil Abdul-Mahdi").code == "IRQGOV"
    assert _actor(doc, "US Secretary of State Mike Pompeo").code == "USAGOV"
    assert _actor(doc, "Iranian General Qasem Soleimani").code == "IRNMIL"
    assert _actor(doc, "the Iraqi parliament").code == "IRQLEG"
    assert _actor(doc, "American troops").code == "USAMIL"
    codes = {a.code for a in doc.actors}
    assert {"IRQLEGSUN", "IRQLEGKUR"} <= codes
    haass = _actor(doc, "Richard Haass")
    assert haass.kind == "person" and haass.country == "USA" and "NGO" in haass.sectors
    assert _actor(doc, "The United States Department of State").code == "USAGOV"


def test_reference_coreference(reference_doc):
    doc = reference_doc
    pompeo = _actor(doc, "US Secretary of State Mike Pompeo")
    assert sum(1 for m in pompeo.mentions if m.text == "Pompeo") >= 3
    pm = _actor(doc, "Iraq’s serving Prime Minister Adil Abdul-Mahdi")
    assert {"Iraqi PM", "the Iraqi prime minister"} <= {m.text for m in pm.mentions}
    parl = _actor(doc, "the Iraqi parliament")
    assert any(m.text == "the parliament" for m in parl.mentions)
    haass = _actor(doc, "Richard Haass")
    assert {"Haass", "he"} <= {m.text for m in haass.mentions}
    dos = _actor(doc, "The United States Department of State")
    assert {"DOS", "it"} <= {m.text for m in dos.mentions}
    cfr = _actor(doc, "the Council on Foreign Relations")
    assert any(m.text == "CFR" for m in cfr.mentions) and cfr.code == "USANGO"
    # one actor per entity
    assert len([a for a in doc.actors if a.code == "USA" and a.kind == "country"]) == 1
    assert len([a for a in doc.actors if a.name == "Mike Pompeo"]) == 1
