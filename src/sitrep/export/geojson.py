"""GeoJSON (RFC 7946): a FeatureCollection with one Point feature per event, all kept.

Properties are the full event record, evidence included, so a map click can
show the sentence behind each coded field. An event without coordinates gets
a null geometry rather than being dropped. Features are streamed one per line,
so a large export never sits in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.records import Event


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """Write a FeatureCollection of `events` to `out`; return the feature count."""
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for event in events:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(feature(event), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def feature(event: Event) -> dict[str, Any]:
    """The GeoJSON Feature of one event; coordinates are [longitude, latitude]."""
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": event.to_dict()}
