"""`sitrep gazetteer ...` and `sitrep geocode`: the offline gazetteer from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

_COUNTED = ("places", "names", "admin1", "admin2")


@click.group()
def gazetteer() -> None:
    """The offline GeoNames gazetteer (a SQLite file built on first use)."""


@gazetteer.command()
def info() -> None:
    """What the gazetteer holds and where it is."""
    from sitrep.geo.gazetteer import Gazetteer

    details = Gazetteer.open(progress=sys.stderr.isatty()).info()
    files = details.pop("files")
    for key, value in details.items():
        click.echo(f"{key}: {value:,}" if isinstance(value, int) else f"{key}: {value}")
    click.echo(f"imported files: {len(files) or 'none (add some with `sitrep gazetteer add`)'}")
    for f in files:
        click.echo(f"  {f['file']} ({f['kind']}, {f['rows']:,} rows) from {f['path']}")


@gazetteer.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def add(files: tuple[Path, ...]) -> None:
    """Import GeoNames dumps: country files (ML.txt), allCountries.txt, admin1CodesASCII.txt,
    admin2Codes.txt, alternateNamesV2.txt. Importing a file twice changes nothing.

    Give the admin code files first (or with the country files): places then show their region names.
    """
    from sitrep.geo.gazetteer import Gazetteer

    progress = sys.stderr.isatty()
    gaz = Gazetteer.open(progress=progress)
    click.echo(f"gazetteer: {gaz.path}", err=True)
    for path in files:
        before = gaz.info()
        seen = any(
            f["path"] == str(path.resolve()) and f["size"] == path.stat().st_size for f in before["files"]
        )
        if seen:
            click.echo(f"{path}: imported before; importing it again changes nothing", err=True)
        rows = gaz.add_geonames_file(path, progress=progress)
        after = gaz.info()
        added = [f"{after[k] - before[k]:,} new {k}" for k in _COUNTED if after[k] != before[k]]
        click.echo(f"{path}: {rows:,} rows read; " + (", ".join(added) if added else "nothing new"))


@click.command()
@click.argument("name")
@click.option("--country", "countries", multiple=True, metavar="ISO2", help="Country context (repeatable).")
@click.option("--context", "admin_hint", metavar="REGION", help="A region or province named near the place.")
@click.option(
    "--area", is_flag=True, help="NAME is an administrative area (région, province, cercle de NAME)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def geocode(name: str, countries: tuple[str, ...], admin_hint: str | None, area: bool, as_json: bool) -> None:
    """Show where NAME is placed, and the runners-up with their scores."""
    from sitrep.geo.gazetteer import Gazetteer
    from sitrep.geo.resolve import resolve_place

    gaz = Gazetteer.open(progress=sys.stderr.isatty())
    hints = [c.upper() for c in countries]
    found = resolve_place(name, gazetteer=gaz, country_hints=hints, admin_hint=admin_hint, area=area)
    if found is None:
        where = f" in {', '.join(hints)}" if hints else ""
        raise click.ClickException(
            f"{name!r}: no place of that name{where} in {gaz.path} "
            "(check the spelling, try another --country, or import GeoNames files "
            "with `sitrep gazetteer add`)"
        )
    chosen = found.place
    rows = [_row(p, s, chosen) for p, s in found.candidates]
    if as_json:
        result = {
            "query": name,
            "country_hints": hints,
            "geo_precision": found.geo_precision,
            "confidence": found.score,
            "chosen": rows[0],
            "runners_up": rows[1:],
        }
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    click.echo(
        f"{name} -> {_label(rows[0])}\n"
        f"   geo_precision {found.geo_precision}, confidence {found.score:.2f}"
        + (f", country context {', '.join(hints)}" if hints else ", no country context")
    )
    if len(rows) > 1:
        click.echo("runners-up:")
    for row in rows[1:]:
        km = row["km_from_chosen"]
        away = f"{km:,.0f} km away" if km is not None else "no coordinates"
        click.echo(f"   {_label(row)}, {away}, score {row['score']}")


def _row(place: Any, score: float, chosen: Any) -> dict[str, Any]:
    from sitrep.geo.distance import haversine_km

    km = None
    if None not in (place.latitude, place.longitude, chosen.latitude, chosen.longitude):
        km = round(haversine_km(chosen.latitude, chosen.longitude, place.latitude, place.longitude), 1)
    return {
        "name": place.name,
        "country": place.country,
        "iso2": place.iso2,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "latitude": round(place.latitude, 5) if place.latitude is not None else None,
        "longitude": round(place.longitude, 5) if place.longitude is not None else None,
        "geonameid": place.geonameid,
        "feature": f"{place.feature_class}.{place.feature_code}",
        "population": place.population,
        "score": round(score, 3),
        "km_from_chosen": km,
    }


def _label(row: dict[str, Any]) -> str:
    admin2 = row["admin2"] if row["admin2"] != row["name"] else None  # a district is its own admin2
    where = ", ".join(x for x in (row["name"], admin2, row["admin1"], row["country"]) if x)
    people = f", pop. {row['population']:,}" if row["population"] else ""
    return f"{where} ({row['latitude']}, {row['longitude']}) [{row['feature']}{people}]"
