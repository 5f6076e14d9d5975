"""Offline geocoding: a GeoNames gazetteer in SQLite, and resolution of place names in context."""

from sitrep.geo.distance import haversine_km
from sitrep.geo.gazetteer import Candidate, Gazetteer, default_path, place_prior
from sitrep.geo.names import name_key, name_keys
from sitrep.geo.resolve import Resolution, is_area, precision_of, resolve_country, resolve_place

__all__ = [
    "Candidate",
    "Gazetteer",
    "Resolution",
    "default_path",
    "haversine_km",
    "is_area",
    "name_key",
    "name_keys",
    "place_prior",
    "precision_of",
    "resolve_country",
    "resolve_place",
]
