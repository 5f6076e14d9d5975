"""The `sitrep` command: a thin layer over the library.

Every command turns a SitrepError into a one-line message and exit status 1,
never a traceback.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable
from datetime import date
from importlib import resources
from pathlib import Path

import click

from sitrep import __version__
from sitrep.errors import SitrepError

_FORMATS = ("jsonl", "csv", "acled-csv", "geojson")


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


db_option = click.option(
    "--db",
    metavar="PATH|URL",
    envvar="SITREP_DB",
    help="The event store: a SQLite file path or a SQLAlchemy URL. Default: $SITREP_DB, "
    "else sitrep.db in the user data directory.",
)
progress_option = click.option(
    "--progress/--no-progress", default=None, help="Show a progress bar (default: when on a terminal)."
)
input_options = [
    click.option(
        "--published",
        callback=_date,
        metavar="YYYY-MM-DD",
        help="Publication date for inputs that carry none (plain text files).",
    ),
    click.option("--source", metavar="NAME", help="Publisher for inputs that name none."),
    click.option(
        "--lexicon-dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="A folder of extra lexicon YAML files that extend the packaged ones.",
    ),
]


def _with(options):
    def decorate(f):
        for option in reversed(options):
            f = option(f)
        return f

    return decorate


class SitrepGroup(click.Group):
    """Turns sitrep's own errors into a clear message and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SitrepError as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=SitrepGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """sitrep: turn dated conflict news (French first) into an ACLED-compatible,
    geocoded, evidence-linked event dataset, offline.

    \b
    Typical use:
      sitrep extract article.txt --published 2024-03-05     # code one article, print JSON lines
      sitrep ingest news/ && sitrep export --format acled-csv --out events.csv
      sitrep eval eval/gold/dev.jsonl                        # score against gold articles
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="sitrep: %(message)s")


def _open_store(db: str | None):
    from sitrep.store import EventStore

    return EventStore.open(db)


def _pipeline(lexicon_dir: Path | None, progress: bool):
    from sitrep.pipeline import Pipeline

    return Pipeline(lexicon_dir=lexicon_dir, progress=progress)


def _progress(flag: bool | None) -> bool:
    return sys.stderr.isatty() if flag is None else flag


def _process(paths, *, db, lexicon_dir, progress, published=None, source=None, extract=True):
    """Ingest and code PATHS into the store: (summary, [(article, events)], store URL)."""
    from sitrep.engines.local import process

    progress = _progress(progress)
    with _open_store(db) as store:
        summary, results = process(
            paths,
            store=store,
            pipeline=_pipeline(lexicon_dir, progress),
            published=published,
            source=source,
            progress=progress,
            on_problem=_report_problem,
            extract=extract,
        )
        if extract:
            from sitrep.dedup.incremental import deduplicate

            with store.exclusive("dedup"):  # another process may be clustering the same store
                deduplicate(store)  # new events join the happenings already stored
        url = store.url
    return summary, results, url


def _report_problem(problem) -> None:
    click.echo(f"{'skipped' if problem.skipped else 'warning'}: {problem}", err=True)


def _write(events: Iterable, out: Path | None, fmt: str, include_not_occurred: bool) -> int:
    from sitrep.export import export_to_path, write_events

    if fmt == "parquet":
        if out is None:
            raise click.UsageError("--format parquet writes a folder: give it with --out FOLDER")
        return export_to_path(events, out, format=fmt, include_not_occurred=include_not_occurred)
    if out is None:
        return write_events(events, sys.stdout, format=fmt, include_not_occurred=include_not_occurred)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        return write_events(events, handle, format=fmt, include_not_occurred=include_not_occurred)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@_with(input_options)
@progress_option
@click.option("--no-extract", is_flag=True, help="Only store the articles; code them later.")
def ingest(paths, db, published, source, lexicon_dir, progress, no_extract) -> None:
    """Read articles from PATHS (files or folders: .txt, .jsonl, .json, .gz) into the store
    and code their events. Articles already stored are not stored twice; articles coded
    by this pipeline version are not coded again, so an interrupted run can simply be
    started again."""
    summary, _, _ = _process(
        paths,
        db=db,
        lexicon_dir=lexicon_dir,
        progress=progress,
        published=published,
        source=source,
        extract=not no_extract,
    )
    click.echo(summary.describe(), err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="jsonl", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@click.option(
    "--include-not-occurred",
    is_flag=True,
    help="Keep denied and hypothetical events in acled-csv (other formats always keep them).",
)
@db_option
@_with(input_options)
@progress_option
def extract(paths, fmt, out, include_not_occurred, db, published, source, lexicon_dir, progress) -> None:
    """Code the events of the articles in PATHS and print them (JSON lines by default).

    The articles and their events are also kept in the store (see --db)."""
    summary, results, _ = _process(
        paths, db=db, lexicon_dir=lexicon_dir, progress=progress, published=published, source=source
    )
    events = [event for _, evs in results for event in evs]
    _write(events, out, fmt, include_not_occurred)
    click.echo(summary.describe(), err=True)


def _filters(f):
    for option in reversed(
        [
            click.option("--country", help="Country name or ISO2 code."),
            click.option(
                "--since", callback=_date, metavar="YYYY-MM-DD", help="Events on or after this day."
            ),
            click.option(
                "--until", callback=_date, metavar="YYYY-MM-DD", help="Events on or before this day."
            ),
            click.option("--type", "event_type", help="ACLED event type, e.g. Battles."),
            click.option("--sub-type", "sub_event_type", help="ACLED sub-event type, e.g. 'Armed clash'."),
            click.option(
                "--factuality",
                multiple=True,
                type=click.Choice(["asserted", "reported", "unconfirmed", "denied", "hypothetical"]),
                help="Only these factuality values (repeat the option for several).",
            ),
            click.option("--limit", type=click.IntRange(min=1), help="At most this many events."),
            click.option(
                "--unmerged",
                is_flag=True,
                help="Every article's own records, not the merged events (one per happening, all sources).",
            ),
        ]
    ):
        f = option(f)
    return f


def _query(store, country, since, until, event_type, sub_event_type, factuality, limit, unmerged):
    query = store.events if unmerged else store.merged_events
    return query(
        country=country,
        since=since,
        until=until,
        event_type=event_type,
        sub_event_type=sub_event_type,
        factuality=factuality or None,
        limit=limit,
    )


@cli.group(invoke_without_command=True)
@db_option
@_filters
@click.option("--format", "fmt", type=click.Choice(("table", *_FORMATS)), default="table", show_default=True)
@click.pass_context
def events(
    ctx, db, country, since, until, event_type, sub_event_type, factuality, limit, unmerged, fmt
) -> None:
    """List the stored events, filtered: one merged event per happening by default, with all its
    sources. `sitrep events split|merge|cluster ...` correct the merging by hand."""
    if ctx.invoked_subcommand is not None:
        return
    with _open_store(db) as store:
        found = list(
            _query(store, country, since, until, event_type, sub_event_type, factuality, limit, unmerged)
        )
    if fmt == "table":
        _print_table(found)
    else:
        _write(found, None, fmt, include_not_occurred=True)


def _print_table(found) -> None:
    if not found:
        click.echo("no events", err=True)
        return
    for e in found:
        actors = " vs ".join(a for a in (e.actor1, e.actor2) if a) or "-"
        claim = f" ({e.claimed_by})" if e.claimed_by else ""
        click.echo(
            f"{e.event_date}  {e.sub_event_type:<34} {(e.location or '?')[:24]:<24} {e.fatalities:>4}  "
            f"{e.factuality}{claim}  {actors}"
        )


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice((*_FORMATS, "parquet")), default="acled-csv", show_default=True
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Write here instead of stdout (a folder for parquet, partitioned by country and year).",
)
@click.option(
    "--include-not-occurred",
    is_flag=True,
    help="Keep denied and hypothetical events in acled-csv (other formats always keep them).",
)
@db_option
@_filters
def export(
    fmt,
    out,
    include_not_occurred,
    db,
    country,
    since,
    until,
    event_type,
    sub_event_type,
    factuality,
    limit,
    unmerged,
) -> None:
    """Export the stored events (merged by default): ACLED-style CSV (default), flat CSV, JSON lines,
    GeoJSON, or a Parquet folder partitioned by country and year."""
    with _open_store(db) as store:
        n = _write(
            _query(store, country, since, until, event_type, sub_event_type, factuality, limit, unmerged),
            out,
            fmt,
            include_not_occurred,
        )
    click.echo(f"{n} events written", err=True)


@cli.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scorecard as JSON.")
@click.option(
    "--errors",
    default=20,
    show_default=True,
    help="How many per-article errors to list (in the terminal, and per gold file in --report).",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a Markdown report, one section per gold file (eval/REPORT.md).",
)
@click.option(
    "--popcorn",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --report: add the POPCORN component check on this train.json.",
)
@click.option(
    "--negative-news",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --report: count and list the events coded in the non-conflict articles of this "
    "MasakhaNEWS TSV file (real BBC Afrique news; repeatable).",
)
@click.option(
    "--held-out-negative-news",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Like --negative-news, but the events are only counted, so the file stays unread (repeatable).",
)
@click.option(
    "--lexicon-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder of extra lexicon YAML files that extend the packaged ones.",
)
@click.option(
    "--prefilter/--no-prefilter",
    default=False,
    show_default=True,
    help="Code the articles as `sitrep run --prefilter` does, to see what the prefilter costs.",
)
@progress_option
def evaluate(
    gold,
    as_json,
    errors,
    report,
    popcorn,
    negative_news,
    held_out_negative_news,
    lexicon_dir,
    prefilter,
    progress,
) -> None:
    """Score sitrep against GOLD article files (event-record.md §2 and §3).

    The articles are coded in memory; the store is not touched."""
    from sitrep.evaluate import format_scorecard
    from sitrep.evaluate.run import evaluate_files

    pipeline = _pipeline(lexicon_dir, _progress(progress))
    if report is not None:
        from sitrep.evaluate.run import write_report

        write_report(
            gold,
            report,
            pipeline=pipeline,
            popcorn=popcorn,
            negative_news=negative_news,
            held_out_negative_news=held_out_negative_news,
            progress=_progress(progress),
            max_errors=errors,
        )
        click.echo(f"report written to {report}", err=True)
    card = evaluate_files(gold, pipeline=pipeline, progress=_progress(progress), prefilter=prefilter)
    if as_json:
        click.echo(json.dumps(card.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_scorecard(card, max_errors=errors))


@cli.command()
@click.argument("more", nargs=-1, type=click.Path(exists=True, path_type=Path))
@db_option
@progress_option
def demo(more, db, progress) -> None:
    """Code the bundled example articles (and any MORE files, such as the project's seed article),
    store them and show what sitrep found; then `sitrep serve` shows them on the map."""
    examples = resources.files("sitrep").joinpath("examples")
    paths = sorted(Path(str(p)) for p in examples.iterdir() if p.name.endswith((".txt", ".jsonl")))
    paths += list(more)
    click.echo(f"Coding {len(paths)} example files: {', '.join(p.name for p in paths)}", err=True)
    summary, results, url = _process(paths, db=db, lexicon_dir=None, progress=progress)
    for article, evs in results:
        click.echo(f"\n== {article.title or article.id} ({article.source}, {article.published})")
        _print_table(evs)
        for e in evs:
            cues = [f"{ev.field}: «{ev.text}»" for ev in e.evidence]
            click.echo(f"   evidence for {e.sub_event_type}: " + "; ".join(cues))
    click.echo(f"\n{summary.describe()}\nStore: {url}", err=True)


from sitrep.cli_dedup import cluster, dedup, merge, split  # noqa: E402  (registered after cli exists)
from sitrep.cli_geo import gazetteer, geocode  # noqa: E402
from sitrep.cli_run import run  # noqa: E402
from sitrep.cli_serve import serve  # noqa: E402

cli.add_command(gazetteer)
cli.add_command(geocode)
cli.add_command(dedup)
cli.add_command(run)
cli.add_command(serve)
events.add_command(split)
events.add_command(merge)
events.add_command(cluster)


def main() -> None:
    cli(prog_name="sitrep")
