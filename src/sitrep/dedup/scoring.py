"""How alike two event records are: a score in 0..1 for each candidate pair, batch by batch.

The score adds five agreements, each in 0..1, weighted by `DedupSettings`:

- type: from `matching.yaml` (same sub-event type 1; an ambush read as a clash or as a bomb ~0.6);
- date: 1 on the same day, falling to 0 past the tolerance of the less precise date;
- place: 1 for the same place name, falling with distance to 0 at `near_km` (both coded to a town)
  or `far_km` (one only near a town); records known only to a region or country agree moderately;
- actors: 1 when both name the same definite actors, 0 when each names definite actors the other
  does not ("JNIM" against "Islamic State"), in between when one side is shared and the other not,
  or when only vague ("Unidentified Armed Group");
- fatalities: close tolls agree, a toll against none agrees weakly (the other outlet may not know).

Some differences rule a pair out whatever the rest: two records of one article (the extractor already
kept them apart), dates or places too far apart, types that cannot be one happening, and a different
type together with contradicting actors (an artillery strike by the army and an air raid by its ally
on the same town and day are two events).
"""

from __future__ import annotations

import numpy as np

from sitrep.dedup.features import POINT, EventFeatures
from sitrep.dedup.knowledge import TypeMatching
from sitrep.dedup.settings import DedupSettings
from sitrep.geo.distance import EARTH_RADIUS_KM

#: place agreement when a region-level record lies in the other's region, or only the country is shared.
SAME_REGION = 0.5
SAME_COUNTRY = 0.2
#: actor agreement: a definite actor shared and none contradicted; one shared but the other sides differ
#: (the army fighting JNIM vs the army fighting IS); definite actors with none in common; only vague
#: actors shared; nothing to compare.
ACTORS_SHARED, ACTORS_HALF, ACTORS_CONTRADICT, ACTORS_VAGUE, ACTORS_UNKNOWN = 1.0, 0.45, 0.0, 0.7, 0.5
#: fatalities agreement when neither reports deaths, or only one does.
NO_DEATHS_EITHER, DEATHS_ONE_SIDE = 0.6, 0.35


def pair_scores(
    features: EventFeatures,
    i: np.ndarray,
    j: np.ndarray,
    *,
    settings: DedupSettings,
    matching: TypeMatching,
) -> np.ndarray:
    """Score of each pair (i[k], j[k]); -1 where the pair is ruled out."""
    type_score = matching.scores[features.sub_type[i], features.sub_type[j]]
    days = np.abs(features.day[i] - features.day[j])
    tolerance = np.maximum(features.tolerance[i], features.tolerance[j])
    date_score = 1.0 - days / (tolerance + 1.0)
    place_score = _place_scores(features, i, j, settings)
    actor_score = _actor_scores(features, i, j)
    total = (
        settings.weight_type * type_score
        + settings.weight_date * date_score
        + settings.weight_place * place_score
        + settings.weight_actors * actor_score
        + settings.weight_fatalities * _fatality_scores(features, i, j)
    )
    ruled_out = (
        (features.article[i] == features.article[j])
        | (type_score <= 0.0)
        | (days > tolerance)
        | (place_score < 0.0)
        # Reports that disagree both on what happened and on who did it tell two happenings.
        | ((type_score < 1.0) & (actor_score == ACTORS_CONTRADICT))
    )
    return np.where(ruled_out, -1.0, total)


def _place_scores(
    features: EventFeatures, i: np.ndarray, j: np.ndarray, settings: DedupSettings
) -> np.ndarray:
    """Agreement of places; -1 for two points too far apart to be one place."""
    same_name = (features.place[i] >= 0) & (features.place[i] == features.place[j])
    both_points = (features.scope[i] == POINT) & (features.scope[j] == POINT)
    km = _haversine(features, i, j)
    coarse = np.maximum(features.geo_precision[i], features.geo_precision[j]) > 1
    limit = np.where(coarse, settings.far_km, settings.near_km)
    point_score = np.where(km <= limit, 1.0 - km / (2.0 * limit), -1.0)
    same_region = (features.region[i] >= 0) & (features.region[i] == features.region[j])
    wide_score = np.where(same_region, SAME_REGION, SAME_COUNTRY)
    return np.where(same_name, 1.0, np.where(both_points, point_score, wide_score))


def _haversine(features: EventFeatures, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    lat1, lat2 = np.radians(features.latitude[i]), np.radians(features.latitude[j])
    dlat = lat2 - lat1
    dlon = np.radians(features.longitude[j] - features.longitude[i])
    a = np.sin(dlat / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin(dlon / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return np.nan_to_num(km, nan=np.inf)


def _actor_scores(features: EventFeatures, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    a, b = features.actors[i], features.actors[j]
    definite_a = (a >= 0) & ~features.vague[i]
    definite_b = (b >= 0) & ~features.vague[j]
    found_a = np.zeros(a.shape, dtype=bool)  # actor of i named by j too
    found_b = np.zeros(b.shape, dtype=bool)
    for x in (0, 1):
        for y in (0, 1):
            same = (a[:, x] >= 0) & (a[:, x] == b[:, y])
            found_a[:, x] |= same
            found_b[:, y] |= same
    shared_definite = (found_a & definite_a).any(axis=1)
    shared_any = found_a.any(axis=1)
    # A definite actor on each side that the other side does not name: the reports disagree on who.
    own_a = (definite_a & ~found_a).any(axis=1)
    own_b = (definite_b & ~found_b).any(axis=1)
    disagree = own_a & own_b
    return np.select(
        [shared_definite & ~disagree, shared_definite, disagree, shared_any],
        [ACTORS_SHARED, ACTORS_HALF, ACTORS_CONTRADICT, ACTORS_VAGUE],
        ACTORS_UNKNOWN,
    )


def _fatality_scores(features: EventFeatures, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    a, b = features.fatalities[i], features.fatalities[j]
    low, high = np.minimum(a, b), np.maximum(a, b)
    ratio = low / np.maximum(high, 1)
    return np.where(high == 0, NO_DEATHS_EITHER, np.where(low == 0, DEATHS_ONE_SIDE, 0.4 + 0.6 * ratio))
