"""Priors of the resolver: how likely a place is meant before the article's context is read.

A capital before a village, a town before the river of its name, and among namesakes the place whose name is
written exactly (or almost) as in the text.
"""

from __future__ import annotations

import math

from rapidfuzz import fuzz

from sitrep.geo.distance import haversine_km
from sitrep.records import Place

# How much a kind of feature is worth before anything else is known: the press names capitals and regional
# capitals far more often than villages, and a country name far more often than a village called the same.
_FEATURE_WEIGHTS = {
    "PCLI": 1.0,
    "PCL": 1.0,
    "PCLD": 0.95,
    "PCLS": 0.95,
    "PCLF": 0.95,
    "PCLIX": 0.9,
    "PPLC": 0.9,
    "PPLA": 0.8,
    "ADM1": 0.75,
    "PPLA2": 0.65,
    "ADM2": 0.6,
    "PPLA3": 0.55,
    "PPLA4": 0.55,
}
_CLASS_WEIGHTS = {"P": 0.5, "A": 0.45, "L": 0.45}
_OTHER_WEIGHT = 0.3  # rivers, mountains, spots: rarely the place of an event
# An exact spelling (before the key folds vowels) separates Uyo from Oyo, whose keys are equal.
_SAME_SPELLING_BONUS = 0.3
PREFERRED_NAME_BONUS = 0.05
# A near spelling (Dialloubé for Dialoubé) earns at most this share of the same-spelling bonus.
_CLOSE_SPELLING_SHARE = 0.6
_CLOSE_SPELLING_MIN = 0.8


def place_prior(place: Place) -> float:
    """How likely a place is meant, before context: feature kind plus population (about 0.3 .. 1.4)."""
    weight = _FEATURE_WEIGHTS.get(place.feature_code, _CLASS_WEIGHTS.get(place.feature_class, _OTHER_WEIGHT))
    return weight + 0.4 * min(math.log10(place.population + 1) / 7.0, 1.0)


def closeness(spelling: str, written: frozenset[str]) -> float:
    """How near `spelling` is to the nearest of `written` (1.0: one of them)."""
    if spelling in written:
        return 1.0
    return max((fuzz.ratio(spelling, w) for w in written), default=0.0) / 100


def spelling_bonus(spelling: str, written: frozenset[str]) -> float:
    """Up to _SAME_SPELLING_BONUS for the written form closest to `spelling` (full bonus when equal)."""
    near = closeness(spelling, written)
    if near == 1.0:
        return _SAME_SPELLING_BONUS
    # Only a near spelling counts (a doubled or dropped letter); "Oyo" is no spelling of Uyo.
    nearness = max(0.0, (near - _CLOSE_SPELLING_MIN) / (1.0 - _CLOSE_SPELLING_MIN))
    return _SAME_SPELLING_BONUS * _CLOSE_SPELLING_SHARE * nearness


def km_between(a: Place, b: Place) -> float:
    """Distance of two places that both have coordinates."""
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
