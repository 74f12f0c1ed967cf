"""Dated roles: which role an entry holds on a day (entries written for these tests)."""
from __future__ import annotations

import datetime as dt

from polybius.dictionaries.lexicon import ActorEntry, Role


def person(*roles):
    return ActorEntry(name="Test Person", roles=list(roles), source="test:1", kind="person")


def test_before_the_first_office_a_person_is_an_elite():
    p = person(Role("FRAGOV", dt.date(2012, 5, 15), dt.date(2017, 5, 14)))
    assert p.role_on(dt.date(2010, 1, 1)).code == "FRAELI"
    assert p.role_on(dt.date(2013, 1, 1)).code == "FRAGOV"
    assert p.role_on(dt.date(2019, 1, 1)).code == "FRAGOV"  # after: the latest role that ended


def test_organisations_and_non_state_codes_keep_their_first_role():
    org = ActorEntry(name="Test Body", roles=[Role("FRAGOV", dt.date(2012, 1, 1))], source="test:2", kind="organization")
    assert org.role_on(dt.date(2010, 1, 1)).code == "FRAGOV"
    un = person(Role("IGOUNO", dt.date(2017, 1, 1)))
    assert un.role_on(dt.date(2010, 1, 1)).code == "IGOUNO"
