"""Parquet: a folder of files partitioned by country and year, hive style, for DuckDB, pandas, Spark:

    OUT_DIR/country=Mali/year=2024/part-0.parquet
    OUT_DIR/country=Burkina%20Faso/year=2023/part-0.parquet    (values escaped as Hive does)
    OUT_DIR/country=__HIVE_DEFAULT_PARTITION__/year=2023/...     (events with no country)

    SELECT country, year, count(*) FROM read_parquet('OUT_DIR/**/*.parquet', hive_partitioning = true)
    GROUP BY ALL;

The columns are those of the flat CSV (every field of the event record; `sources`, `evidence` and
`extra` as JSON text), with `event_date` a date, and, flattened for filtering, what deduplication and
the factuality reading add: `claimant_type`, `fatalities_low`, `fatalities_high`, `n_sources`,
`outlets`, `independent_outlets`, `parties_only` (null where a record has none, as an unmerged one).
`country` and `year` live in the folder names (readers give them back as columns). All factuality
values are kept.

The folder is written beside OUT_DIR and then put in its place, so a reader never sees half an
export and an earlier export in OUT_DIR is replaced whole.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.export.csv_flat import RECORD_FIELDS
from sitrep.records import Event

#: rows per record batch handed to the writer: bounds memory, not the result.
BATCH_ROWS = 50_000
PARTITION_COLUMNS: tuple[str, ...] = ("country", "year")
#: the flattened fields of `extra` (and of its `corroboration`), with their Arrow type names.
DERIVED: tuple[tuple[str, str], ...] = (
    ("claimant_type", "string"),
    ("fatalities_low", "int64"),
    ("fatalities_high", "int64"),
    ("n_sources", "int64"),
    ("outlets", "int64"),
    ("independent_outlets", "int64"),
    ("parties_only", "bool_"),
)
_INTEGERS = frozenset(
    {"time_precision", "inter1", "inter2", "interaction", "geo_precision", "geonameid", "fatalities"}
)
_FLOATS = frozenset({"latitude", "longitude", "confidence"})
_AS_JSON = frozenset({"sources", "evidence"})
_CORROBORATION = ("outlets", "independent_outlets", "parties_only")
_FLATTENED = frozenset({"claimant_type", "fatalities_low", "fatalities_high", "corroboration"})


def parquet_schema() -> Any:
    """The Arrow schema of the files, partition columns last."""
    import pyarrow as pa

    def arrow_type(name: str) -> Any:
        if name == "event_date":
            return pa.date32()
        if name in _INTEGERS:
            return pa.int64()
        if name in _FLOATS:
            return pa.float64()
        return pa.string()

    columns = [pa.field(name, arrow_type(name)) for name in RECORD_FIELDS if name != "country"]
    columns.append(pa.field("extra", pa.string()))
    columns += [pa.field(name, getattr(pa, kind)()) for name, kind in DERIVED]
    columns += [pa.field("country", pa.string()), pa.field("year", pa.int32())]
    return pa.schema(columns)


def write_parquet(events: Iterable[Event], out_dir: str | Path) -> int:
    """Write `events` as a partitioned Parquet dataset in `out_dir`; return how many were written."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    out_dir = Path(out_dir)
    _check_target(out_dir)
    staging = out_dir.with_name(f".{out_dir.name}.partial-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    schema = parquet_schema()
    written = [0]
    partitioning = hive_partitioning()
    try:
        ds.write_dataset(
            _batches(events, schema, written),
            staging,
            schema=schema,
            format="parquet",
            partitioning=partitioning,
            basename_template="part-{i}.parquet",
            existing_data_behavior="overwrite_or_ignore",
            max_partitions=1_000_000,
        )
        staging.mkdir(parents=True, exist_ok=True)  # no events: an empty dataset still
        _put_in_place(staging, out_dir)
    except (OSError, pa.ArrowException) as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise SitrepError(
            f"cannot write the Parquet export to {out_dir}: {err}; choose a writable folder"
        ) from err
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written[0]


def hive_partitioning() -> Any:
    """How readers should decode the folder names: with these types, an unknown country or year
    (`__HIVE_DEFAULT_PARTITION__`) reads as null ("pandas.read_parquet(OUT_DIR,
    partitioning=hive_partitioning())"; pyarrow's guess of dictionary columns cannot hold the null)."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    schema = parquet_schema()
    return ds.partitioning(pa.schema([schema.field(name) for name in PARTITION_COLUMNS]), flavor="hive")


def parquet_row(event: Event) -> dict[str, Any]:
    """The values of one event, by column (partition columns included)."""
    record = event.to_dict()
    row: dict[str, Any] = {}
    for name in RECORD_FIELDS:
        value = record[name]
        if name in _AS_JSON:
            value = json.dumps(value, ensure_ascii=False)
        elif name == "event_date":
            value = _day(value, event.event_id)
        row[name] = value
    extra = {key: value for key, value in record.items() if key not in RECORD_FIELDS}
    corroboration = extra.get("corroboration") if isinstance(extra.get("corroboration"), dict) else {}
    row["extra"] = json.dumps(extra, ensure_ascii=False) if extra else None
    row["claimant_type"] = extra.get("claimant_type")
    row["fatalities_low"] = extra.get("fatalities_low")
    row["fatalities_high"] = extra.get("fatalities_high")
    row["n_sources"] = len(event.sources) if event.sources else None
    for key in _CORROBORATION:
        row[key] = corroboration.get(key)
    row["year"] = row["event_date"].year if row["event_date"] else None
    return row


def _day(value: str | None, event_id: str) -> date | None:
    """The event's day; None for an undated event (an article with no date at all)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise SitrepError(
            f"event {event_id!r} has event_date {value!r}, not YYYY-MM-DD; re-code its article"
        ) from None


def _batches(events: Iterable[Event], schema: Any, written: list[int]) -> Iterator[Any]:
    import pyarrow as pa

    rows: list[dict[str, Any]] = []
    for event in events:
        rows.append(parquet_row(event))
        if len(rows) >= BATCH_ROWS:
            written[0] += len(rows)
            yield pa.RecordBatch.from_pylist(rows, schema=schema)
            rows = []
    if rows:
        written[0] += len(rows)
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def _check_target(out_dir: Path) -> None:
    """OUT_DIR may be new, empty or an earlier export; never a file or a folder of other things."""
    if out_dir.is_file():
        raise SitrepError(f"{out_dir} is a file; the Parquet export writes a folder: give a folder path")
    if not out_dir.is_dir():
        return
    foreign = [p.name for p in out_dir.iterdir() if not (p.is_dir() and p.name.startswith("country="))]
    if foreign:
        raise SitrepError(
            f"{out_dir} holds other files ({', '.join(sorted(foreign)[:3])}); the Parquet export replaces "
            "the whole folder: give a new or empty folder, or one an earlier export wrote"
        )


def _put_in_place(staging: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
    out_dir.rename(old)
    staging.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
