"""The POPCORN component check: reading the file and mapping sitrep's events to its classes."""

from __future__ import annotations

from sitrep.evaluate.popcorn import CLASS_MAP, found_classes, read_popcorn
from sitrep.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES


def test_every_mapped_label_is_an_acled_type_or_sub_type():
    for labels in CLASS_MAP.values():
        assert labels <= set(EVENT_TYPES) | set(SUB_EVENT_TYPES)


def test_found_classes_reads_types_and_sub_types_of_every_event():
    events = iter(
        [
            {"event_type": "Strategic developments", "sub_event_type": "Arrests"},
            {"event_type": "Riots", "sub_event_type": "Violent demonstration"},
        ]
    )
    assert found_classes(events) == {"CRIMINAL_ARREST", "RIOT"}


def test_reads_the_shared_popcorn_file(shared):
    reports = read_popcorn(shared / "data" / "popcorn-fr" / "train.json")
    assert len(reports) == 400
    with_classes = [classes for _, classes in reports if classes]
    assert len(with_classes) > 50
    assert all(article.text for article, _ in reports)
