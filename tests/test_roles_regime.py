""" "The regime" is the government of the country the story is about, as "the government"
is; armed groups and the coalition in the actor tables resolve to their side."""

from __future__ import annotations

import pytest

from dateline.resolve.actors import resolve_actor
from dateline.resolve.context import ResolveContext

IN_SYRIA = ResolveContext(focus=(("SYR", 1.0),))


@pytest.mark.parametrize(
    ("regime", "government"),
    [
        ("regime forces", "government forces"),
        ("the regime", "the government"),
        ("the regime's helicopters", "the government's helicopters"),
    ],
)
def test_regime_resolves_like_government(regime, government):
    ours = resolve_actor(regime, context=IN_SYRIA, default_sector="MIL")
    theirs = resolve_actor(government, context=IN_SYRIA, default_sector="MIL")
    assert ours is not None and theirs is not None
    assert (ours.country, ours.sector) == (theirs.country, theirs.sector)
    assert ours.country == "SYR"


def test_regime_forces_are_military():
    actor = resolve_actor("regime forces", context=IN_SYRIA)
    assert (actor.country, actor.sector) == ("SYR", "MIL")


def test_no_country_named_takes_the_armed_groups_country():
    # A story naming no country but a Syrian armed group is about Syria.
    context = ResolveContext(groups=("JAYSH-ISLAM",))
    actor = resolve_actor("regime forces", context=context)
    assert (actor.country, actor.sector) == ("SYR", "MIL")
    # Rebels still take the story's own group.
    assert resolve_actor("the rebels", context=context).group == "Jaysh al-Islam"


def test_an_army_alone_may_be_foreign():
    # "the army" in a story naming only Hamas may well be Israel's: no country guessed.
    actor = resolve_actor("the army", context=ResolveContext(groups=("HAMAS",)))
    assert actor.country is None and actor.sector == "MIL"


def test_no_evidence_no_country():
    actor = resolve_actor("government troops", context=ResolveContext())
    assert actor.country is None and actor.sector == "MIL"


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("fighters of Ahrar al-Sham", "SYR", "REB"),
        ("the Army of Islam", "SYR", "REB"),
        ("U.S.-led coalition warplanes", "USA", "MIL"),
        ("the Syrian Arab Army", "SYR", "MIL"),
        ("a suicide bomber", None, "REB"),
    ],
)
def test_table_actors(phrase, country, sector):
    actor = resolve_actor(phrase, context=ResolveContext())
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        # Machines alone say what acted (the military), not whose they were...
        ("warplanes", None),
        ("the helicopters", None),
        # ... an owner named says whose.
        ("the regime's helicopters", "SYR"),
        ("Turkish jets", "TUR"),
    ],
)
def test_machines_imply_the_sector_not_whose(phrase, country):
    actor = resolve_actor(phrase, context=IN_SYRIA, default_sector="MIL")
    assert (actor.country, actor.sector) == (country, "MIL")
