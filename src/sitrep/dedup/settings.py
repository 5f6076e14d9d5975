"""The knobs of deduplication, in one frozen object with the values the gold set was tuned on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class DedupSettings:
    """How close two event records must be to count as one happening.

    The defaults are those measured on eval/gold/clusters.jsonl (see eval/gold/CLUSTERS.md).
    """

    #: a pair scoring at least this is merged (when the rest of both clusters agrees).
    threshold: float = 0.7
    #: every pair inside a merged cluster must score at least this (stops chains A~B~C with A!~C).
    floor: float = 0.45
    #: days two reports may differ by, by ACLED time_precision (1 day, 2 week, 3 month).
    day_tolerance: tuple[int, int, int] = (2, 7, 31)
    #: farthest apart two reports coded to a town (geo_precision 1 on both sides) may be, in km.
    near_km: float = 25.0
    #: farthest apart two point reports may be when one is only near a town (geo_precision 2), in km.
    far_km: float = 50.0
    #: weights of the five agreements in the pair score (they sum to 1).
    weight_type: float = 0.30
    weight_date: float = 0.20
    weight_place: float = 0.25
    weight_actors: float = 0.15
    weight_fatalities: float = 0.10
    #: candidate pairs scored per numpy batch: bounds memory, not results.
    batch_pairs: int = 2_000_000

    def tolerance(self, time_precision: int) -> int:
        """Days of tolerance for a record with this ACLED time_precision (unknown: the week)."""
        if time_precision in (1, 2, 3):
            return self.day_tolerance[time_precision - 1]
        return self.day_tolerance[1]
