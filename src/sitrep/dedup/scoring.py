"""How alike two event records are: a score in 0..1 for each candidate pair, batch by batch.

The score adds five agreements, each in 0..1, weighted by `DedupSettings`:

- type: from `matching.yaml` (same sub-event type 1; an ambush read as a clash or as a bomb ~0.6);
- date: 1 on the same day, falling to 0 past the tolerance of the less precise date;
- place: 1 for the same place name, falling with distance to 0 at `near_km` (both coded to a town)
  or `far_km` (one only near a town); records known only to a region or country agree moderately;
- actors: 1 when both name the same definite actors, 0 when each names an actor the other cannot
  mean ("JNIM" against "Islamic State"; an "Unidentified Armed Group" against the army, since a vague
  actor stands only for actors of its kind, see `matching.yaml`), in between when one side is shared
  and the other not, or when the agreement is only vague;
- fatalities: close tolls agree; different tolls agree less but more than a toll against none
  (outlets revise and dispute tolls); tolls never rule a pair out.

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
#: fatalities agreement when neither reports deaths, or only one does (the other may not know yet).
#: Two different tolls get at least TOLLS_DIFFER, more than a toll against none: a toll revised or
#: disputed is no sign of another happening, and tolls never rule a pair out.
NO_DEATHS_EITHER, DEATHS_ONE_SIDE, TOLLS_DIFFER = 0.6, 0.35, 0.4


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
        # Reports that disagree both on what happened and on who took part tell two happenings.
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
    """Agreement of the two reports' actors, whatever their roles (outlets swap actor1 and actor2).

    A definite actor is accounted for when the other report names it too, or names a vague actor of
    its kind ("armed men" for the JNIM; not for the army). A vague actor of a known kind stands alone
    when the other report has no actor that may be of its kind. The reports disagree on who when each
    leaves an actor alone, one of them definite. Actors of unknown kind are compared by name only.
    """
    a, b = features.actors[i], features.actors[j]
    kind_a, kind_b = _actor_kinds(features, i), _actor_kinds(features, j)
    vague_a, vague_b = features.vague[i], features.vague[j]
    definite_a, definite_b = (a >= 0) & ~vague_a, (b >= 0) & ~vague_b
    named_a, named_b = np.zeros(a.shape, dtype=bool), np.zeros(b.shape, dtype=bool)
    kin_a, kin_b = np.zeros(a.shape, dtype=bool), np.zeros(b.shape, dtype=bool)  # a vague actor's kind
    maybe_a, maybe_b = np.zeros(a.shape, dtype=bool), np.zeros(b.shape, dtype=bool)  # may be its kind
    for x in (0, 1):
        for y in (0, 1):
            present = (a[:, x] >= 0) & (b[:, y] >= 0)
            same = present & (a[:, x] == b[:, y])
            known = (kind_a[:, x] > 0) & (kind_b[:, y] > 0)
            kin = present & ~same & known & (kind_a[:, x] == kind_b[:, y]) & (vague_a[:, x] | vague_b[:, y])
            named_a[:, x] |= same
            named_b[:, y] |= same
            kin_a[:, x] |= kin
            kin_b[:, y] |= kin
            maybe_a[:, x] |= definite_b[:, y] & (kind_b[:, y] == 0)
            maybe_b[:, y] |= definite_a[:, x] & (kind_a[:, x] == 0)
    alone_definite_a = definite_a & ~named_a & ~kin_a
    alone_definite_b = definite_b & ~named_b & ~kin_b
    alone_a = alone_definite_a | (vague_a & (kind_a > 0) & ~named_a & ~kin_a & ~maybe_a)
    alone_b = alone_definite_b | (vague_b & (kind_b > 0) & ~named_b & ~kin_b & ~maybe_b)
    disagree = (alone_definite_a.any(axis=1) & alone_b.any(axis=1)) | (
        alone_a.any(axis=1) & alone_definite_b.any(axis=1)
    )
    shared_definite = (named_a & definite_a).any(axis=1)
    shared_any = (named_a | kin_a).any(axis=1)
    return np.select(
        [shared_definite & ~disagree, shared_definite, disagree, shared_any],
        [ACTORS_SHARED, ACTORS_HALF, ACTORS_CONTRADICT, ACTORS_VAGUE],
        ACTORS_UNKNOWN,
    )


def _actor_kinds(features: EventFeatures, rows: np.ndarray) -> np.ndarray:
    """Kinds of the actors of `rows` (n, 2)."""
    return features.kind[rows]


def _fatality_scores(features: EventFeatures, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    a, b = features.fatalities[i], features.fatalities[j]
    low, high = np.minimum(a, b), np.maximum(a, b)
    ratio = low / np.maximum(high, 1)
    both = TOLLS_DIFFER + (1.0 - TOLLS_DIFFER) * ratio
    return np.where(high == 0, NO_DEATHS_EITHER, np.where(low == 0, DEATHS_ONE_SIDE, both))
