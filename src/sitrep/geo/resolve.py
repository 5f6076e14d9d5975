"""Resolving a place name from an article to one gazetteer place, with ACLED's geo_precision.

Many places share a name (Tripoli, LY or LB; a dozen villages called Kalaa). The article settles it: the
country it is about (strong), the region it names ("région de Mopti"), another place it mentions nearby,
and failing those the kind of place and its population (a regional capital before a hamlet).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.geo.build import spelling_of
from sitrep.geo.distance import haversine_km
from sitrep.geo.gazetteer import Candidate, Gazetteer, place_prior
from sitrep.geo.names import name_key
from sitrep.records import Place

# Weights of the context, on the scale of `place_prior` (about 0.3 for a hamlet to 1.4 for a country).
COUNTRY_HINT_BONUS = 1.2  # the article's main country: a local village beats a foreign capital
OTHER_COUNTRY_HINT_BONUS = 0.9  # a country the article also names
ADMIN_HINT_BONUS = 0.6
NEAR_BONUS = 0.6  # for a place at the same point as `near`, falling to 0 at NEAR_RADIUS_KM
NEAR_RADIUS_KM = 250.0
# A winner outside every hinted country is doubtful: the article is about somewhere else.
OUTSIDE_HINTS_FACTOR = 0.6
# Outside the hinted countries only a place the press could name without saying where it is will do (Paris,
# Moscou, a country, a region), and by its own name: otherwise a person's name ("Abu al-Hos") finds a
# village abroad, and a Malian village missing from the gazetteer ("Boni") an Algerian city's old name.
NOTABLE_POPULATION = 100_000
# Candidates this close to the winner (a town and its district, a city and its exonym's entry) are one answer.
SAME_SPOT_KM = 10.0
_CANDIDATES_KEPT = 5
#: A near miss must be this close to be meant: "Tessalt" is Tessalit (0.93), "Chirqat" Ash Sharqāt (0.79);
#: "l'Afrique" is not Afirékou (0.70), a Nigerien wadi.
FUZZY_ACCEPT = 0.75
#: Near misses are looked for in the article's first countries only: a misspelt village is in the
#: country the story is about, and each country searched costs a pass over all its names.
_FUZZY_COUNTRIES = 2
#: A name this short is matched by its exact spelling only, and never by a near miss: the keys of short
#: words meet too many names ("État" has the key of Itatskiy's alternate "Itat", "BBC" that of "B and C").
SHORT_NAME = 4
#: A longer name whose key meets a place's must still be written somewhat like one of its names:
#: "Wagadugu" for Ouagadougou (0.84) is a spelling, "La Haye" for the Ukrainian village Hai (0.6) is not.
KEY_MATCH_CLOSENESS = 0.7


@dataclass(frozen=True)
class Resolution:
    """The place a name was resolved to.

    `geo_precision` follows ACLED: 1 the town itself, 3 a region or country coded at its capital (callers
    set 2 for "near X"). `score` is a confidence in 0..1: the name's similarity times how clearly the winner
    beat the runner-up. `candidates` are the best places considered, with their context scores.
    """

    place: Place
    geo_precision: int
    score: float
    matched_name: str
    candidates: tuple[tuple[Place, float], ...]
    #: 1.0 when the name is one of the place's names, less for a near miss ("Tessalt" for Tessalit).
    similarity: float = 1.0


def precision_of(place: Place) -> int:
    """ACLED geo_precision of coding an event at `place`: 1 for a town or site, 3 for an area or country."""
    if place.feature_class in ("P", "S") or place.feature_code == "LCTY":
        # (a "locality" is a point: in the Sahel most are hamlets and mining villages, "Inata")
        return 1
    return 3


def is_area(place: Place) -> bool:
    """A region, district or named area (not a country): what "région de", "cercle de" introduce."""
    return place.feature_class == "L" or (place.feature_class == "A" and not place.is_country)


def _notable(place: Place) -> bool:
    return place.is_region or place.feature_code in ("PPLC", "PPLA") or place.population >= NOTABLE_POPULATION


def _notable_abroad(candidate: Candidate) -> bool:
    place = candidate.place
    return place.is_country or (candidate.by_preferred_name and _notable(place))


def _admin_keys(gazetteer: Gazetteer, admin_hint: str | None) -> set[str]:
    """Keys of the admin1 names `admin_hint` can mean: itself, and the region of what it resolves to
    ("Ninive" -> Nineveh governorate; "Mopti" -> Mopti region)."""
    if not admin_hint or not name_key(admin_hint):
        return set()
    keys = {name_key(admin_hint)}
    for place in gazetteer.lookup(admin_hint):
        if place.admin1 and (place.is_region or place.feature_code in ("PPLA", "PPLC")):
            keys.add(name_key(place.admin1))
    return keys


def _context_score(
    place: Place,
    base: float,
    *,
    country_hints: Sequence[str],
    admin_keys: set[str],
    near: Place | None,
) -> float:
    score = base
    if country_hints and place.iso2 == country_hints[0]:
        score += COUNTRY_HINT_BONUS
    elif place.iso2 in country_hints:
        score += OTHER_COUNTRY_HINT_BONUS
    if admin_keys and place.admin1 and name_key(place.admin1) in admin_keys:
        score += ADMIN_HINT_BONUS
    if near is not None and None not in (near.latitude, near.longitude, place.latitude, place.longitude):
        km = haversine_km(near.latitude, near.longitude, place.latitude, place.longitude)  # type: ignore[arg-type]
        score += NEAR_BONUS * max(0.0, 1.0 - km / NEAR_RADIUS_KM)
    return score


def _elsewhere(a: Place, b: Place) -> bool:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return True
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) > SAME_SPOT_KM  # type: ignore[arg-type]


def _confidence(ranked: list[tuple[Place, float]], similarity: float, country_hints: Sequence[str]) -> float:
    best_place, best = ranked[0]
    # Only a rival elsewhere makes the choice doubtful: a town and its own district are one answer.
    rivals = [score for place, score in ranked[1:] if _elsewhere(best_place, place)]
    margin = best - rivals[0] if rivals else math.inf
    # 0.5 for a tie with the runner-up, near 1 once the winner leads by about one country hint.
    confidence = similarity * (1.0 - 0.5 * math.exp(-3.0 * margin))
    if country_hints and best_place.iso2 not in country_hints:
        confidence *= OUTSIDE_HINTS_FACTOR
    return round(confidence, 4)


def resolve_place(
    name: str,
    *,
    gazetteer: Gazetteer,
    country_hints: Sequence[str] = (),
    admin_hint: str | None = None,
    near: Place | None = None,
    area: bool = False,
) -> Resolution | None:
    """The most likely place for `name` in its article's context, or None when nothing matches.

    Exact key matches first (any spelling the keys fold together, and exonyms); when none is in a hinted
    country, near misses among the names of the hinted countries (never the whole world). With country
    hints, a place elsewhere must be notable (a country, a region, a capital, 100,000 people) and named by
    its own or preferred name to be chosen.

    `area=True` says the text names an administrative area ("province de Deir ez-Zor", "cercle de Koro"):
    areas of that name are then preferred to towns, and coded at their capital or seat (geo_precision 3).
    """
    name = name.strip()
    if not name:
        return None
    hints = tuple(h.upper() for h in country_hints)
    # A country is written the same way everywhere: a name that only sounds like one ("Gana", a
    # Nigerian village, "Ouman" in Ukraine) is another place, never Ghana or Oman.
    matches = [c for c in gazetteer.candidates(name) if not c.place.is_country or c.closeness >= 1.0]
    short = len(spelling_of(name)) <= SHORT_NAME
    matches = [c for c in matches if c.closeness >= (1.0 if short else KEY_MATCH_CLOSENESS)]
    if area:
        matches = [c for c in matches if is_area(c.place)] or matches
    regions = _admin_keys(gazetteer, admin_hint)
    region_known = admin_hint is not None and any(
        p.admin1 and name_key(p.admin1) in regions for p in gazetteer.lookup(admin_hint)
    )
    if region_known:
        # (a region the gazetteer knows is named beside it) a name that only sounds like a place
        # outside that region is another place: "le village de Kairu", in Zamfara, is not Kiru, in Kano
        matches = [
            c
            for c in matches
            if c.closeness >= 1.0 or (c.place.admin1 and name_key(c.place.admin1) in regions)
        ]
    exact_elsewhere = False
    if not hints:
        # No country to go by: a name spelt exactly before one that only sounds the same ("Djugu" is
        # the Congolese territory, not Djougou in Benin), and a sound-alike must be a notable place
        # ("Kalembe" is no Kambélé, a Cameroonian hamlet; "Bulengo" no Bollengo, in Italy)
        spelt = [c for c in matches if c.closeness >= 1.0]
        matches = spelt or [c for c in matches if _notable(c.place)]
    if not hints and any(c.by_preferred_name and c.place.feature_class == "P" for c in matches):
        # No country to go by: a town of that very name before one that has it among its many alternate
        # names ("Mora" is a town in Cameroon, not Bilimora in India), unless that one is a capital
        # ("Hama" is still the city of Ḩamāh)
        matches = [c for c in matches if c.by_preferred_name or c.place.feature_code in ("PPLC", "PPLA")]
    if hints:
        # Only notable places elsewhere may be named by one of their many alternate names; any other
        # match abroad is set aside.
        exact_elsewhere = any(_notable(c.place) for c in matches)
        matches = [c for c in matches if c.place.iso2 in hints or _notable_abroad(c)]
    found = [(c.place, c.prior) for c in matches]
    similarity = {id(place): 1.0 for place, _ in found}
    if not found and not exact_elsewhere and not short:
        # Nothing of that exact name where the article is, nor a notable place of that name elsewhere
        # ("Paris" in a story about Mali): a near miss there ("Tessalt") may be meant. Not when a city
        # abroad has the exact name, if by an alternate one: "Genève" is Geneva, not Genay in France.
        fuzzy = gazetteer.fuzzy_lookup(name, countries=hints[:_FUZZY_COUNTRIES], limit=_CANDIDATES_KEPT * 2)
        fuzzy = tuple((place, sim) for place, sim in fuzzy if sim >= FUZZY_ACCEPT)
        if region_known:
            # (a region the gazetteer knows is named beside it) a near miss outside that region is
            # another place: "Robotyne, dans la région de Zaporijjia" is not Rybotyn, in Chernihiv
            fuzzy = tuple((p, sim) for p, sim in fuzzy if p.admin1 and name_key(p.admin1) in regions)
        found += [(place, place_prior(place)) for place, _ in fuzzy]
        similarity.update({id(place): sim for place, sim in fuzzy})
    if not found:
        return None
    ranked = sorted(
        (
            (
                place,
                similarity[id(place)]
                * _context_score(place, base, country_hints=hints, admin_keys=regions, near=near),
            )
            for place, base in found
        ),
        key=lambda ps: -ps[1],
    )
    best = ranked[0][0]
    return Resolution(
        place=best,
        geo_precision=precision_of(best),
        score=_confidence(ranked, similarity[id(best)], hints),
        matched_name=name,
        candidates=tuple((p, round(s, 4)) for p, s in ranked[:_CANDIDATES_KEPT]),
        similarity=similarity[id(best)],
    )


def resolve_country(iso2: str, *, gazetteer: Gazetteer) -> Resolution | None:
    """The fallback when an article names only a country: the country, coded at its capital (precision 3)."""
    place = gazetteer.country(iso2)
    if place is None:
        return None
    return Resolution(place=place, geo_precision=3, score=1.0, matched_name=iso2, candidates=((place, 1.0),))
