"""`sitrep gazetteer ...` and `sitrep geocode`: the offline gazetteer from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.group()
def gazetteer() -> None:
    """The offline GeoNames gazetteer (a SQLite file built on first use)."""


@gazetteer.command()
def info() -> None:
    """What the gazetteer holds and where it is."""
    from sitrep.geo.gazetteer import Gazetteer

    for key, value in Gazetteer.open(progress=sys.stderr.isatty()).info().items():
        click.echo(f"{key}: {value}")


@gazetteer.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def add(files: tuple[Path, ...]) -> None:
    """Import GeoNames dumps: country files (ML.txt), allCountries.txt, admin1CodesASCII.txt,
    admin2Codes.txt, alternateNamesV2.txt. Importing a file twice changes nothing."""
    from sitrep.geo.gazetteer import Gazetteer

    gaz = Gazetteer.open(progress=sys.stderr.isatty())
    for path in files:
        n = gaz.add_geonames_file(path, progress=sys.stderr.isatty())
        click.echo(f"{path}: {n} rows imported")


@click.command()
@click.argument("name")
@click.option("--country", "countries", multiple=True, metavar="ISO2", help="Country context (repeatable).")
@click.option("--context", "admin_hint", metavar="REGION", help="A region or province named near the place.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def geocode(name: str, countries: tuple[str, ...], admin_hint: str | None, as_json: bool) -> None:
    """Show where NAME is placed, and the runners-up with their scores."""
    from sitrep.geo.gazetteer import Gazetteer
    from sitrep.geo.resolve import resolve_place

    gaz = Gazetteer.open(progress=sys.stderr.isatty())
    found = resolve_place(
        name, gazetteer=gaz, country_hints=[c.upper() for c in countries], admin_hint=admin_hint
    )
    if found is None:
        raise click.ClickException(
            f"{name!r}: no such place in the gazetteer (try --country, or add GeoNames files)"
        )
    rows = [
        {
            "name": p.name,
            "country": p.country,
            "iso2": p.iso2,
            "admin1": p.admin1,
            "latitude": p.latitude,
            "longitude": p.longitude,
            "geonameid": p.geonameid,
            "feature": f"{p.feature_class}.{p.feature_code}",
            "population": p.population,
            "score": round(s, 3),
        }
        for p, s in found.candidates
    ]
    if as_json:
        click.echo(json.dumps({"geo_precision": found.geo_precision, "candidates": rows}, ensure_ascii=False))
        return
    for i, row in enumerate(rows):
        mark = "=>" if i == 0 else "  "
        click.echo(
            f"{mark} {row['name']}, {row['admin1'] or '-'}, {row['country']} "
            f"({row['latitude']}, {row['longitude']}) {row['feature']} pop {row['population']} "
            f"score {row['score']}"
        )
