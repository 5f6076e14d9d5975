"""ACLED event types, sub-event types and actor types, defined once.

Spelling follows ACLED's export exactly (see shared/docs/event-record.md).
"""

from __future__ import annotations

from types import MappingProxyType

#: event type -> its sub-event types, in ACLED's order.
EVENT_TYPES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "Battles": (
            "Armed clash",
            "Government regains territory",
            "Non-state actor overtakes territory",
        ),
        "Explosions/Remote violence": (
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ),
        "Violence against civilians": (
            "Sexual violence",
            "Attack",
            "Abduction/forced disappearance",
        ),
        "Protests": (
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
        ),
        "Riots": ("Violent demonstration", "Mob violence"),
        "Strategic developments": (
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ),
    }
)

#: sub-event type -> event type.
SUB_EVENT_TYPES: MappingProxyType[str, str] = MappingProxyType(
    {sub: event for event, subs in EVENT_TYPES.items() for sub in subs}
)

#: ACLED inter codes (actor types).
ACTOR_TYPES: MappingProxyType[int, str] = MappingProxyType(
    {
        1: "State forces",
        2: "Rebel groups",
        3: "Political militias",
        4: "Identity militias",
        5: "Rioters",
        6: "Protesters",
        7: "Civilians",
        8: "External/other forces",
    }
)

FACTUALITY_VALUES: tuple[str, ...] = ("asserted", "reported", "unconfirmed", "denied", "hypothetical")

#: factuality values the ACLED-compatible export leaves out by default.
NOT_OCCURRED: frozenset[str] = frozenset({"denied", "hypothetical"})


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type a sub-event type belongs to (KeyError if unknown)."""
    return SUB_EVENT_TYPES[sub_event_type]


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED interaction: the two inter codes joined, lower digit first; 10 for a sole actor."""
    if inter1 and inter2:
        low, high = sorted((inter1, inter2))
        return low * 10 + high
    sole = inter1 or inter2
    return sole * 10 if sole else 0
