"""`sitrep run`: code a large collection of inputs into the store, resumably, in parallel.

Registered in cli.py with `cli.add_command(run)`; it also works alone (`run.main(args)`), turning
sitrep's errors into a message and exit status 1 itself.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import click
from tqdm import tqdm

from sitrep.errors import SitrepError

#: Exit status after Ctrl-C, as shells report a process stopped by SIGINT.
INTERRUPTED = 130


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.command(name="run")
@click.argument("paths", nargs=-1, required=True, metavar="PATH|URL...")
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help=f"Processes that code articles, each with its own copy of the model (about 0.5 GB each; "
    f"this machine has {os.cpu_count() or 1} CPUs).",
)
@click.option(
    "--db",
    metavar="PATH|URL",
    envvar="SITREP_DB",
    help="The event store: a SQLite file path or a SQLAlchemy URL. Default: $SITREP_DB, "
    "else sitrep.db in the user data directory.",
)
@click.option(
    "--published", callback=_date, metavar="YYYY-MM-DD", help="Publication date for inputs that carry none."
)
@click.option("--source", metavar="NAME", help="Publisher for inputs that name none.")
@click.option(
    "--lexicon-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder of extra lexicon YAML files that extend the packaged ones.",
)
@click.option(
    "--prefilter/--no-prefilter",
    default=False,
    show_default=True,
    help="Skip, before parsing, articles in which no trigger word of the lexicon can occur; they are "
    "stored as coded, without events.",
)
@click.option(
    "--batch-size", type=click.IntRange(min=1), default=8, show_default=True, help="Articles per task."
)
@click.option(
    "--progress/--no-progress", default=None, help="Show a progress bar (default: when on a terminal)."
)
@click.option(
    "--engine",
    type=click.Choice(("local", "dask")),
    default="local",
    show_default=True,
    help="local: worker processes on this machine; dask: a Dask cluster (a local one of --workers "
    "processes, or the one at --scheduler), results stored partition by partition.",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:8786",
    help="With --engine dask: the address of a running Dask scheduler (every worker needs sitrep installed).",
)
def run(
    paths, workers, db, published, source, lexicon_dir, prefilter, batch_size, progress, engine, scheduler
) -> None:
    """Read PATHS (files, folders, feed addresses: .txt .jsonl .json .html .xml .rss .atom and their
    .gz) into the store and code every article not coded yet.

    \b
    Stopped halfway (Ctrl-C, kill -9, a sleeping laptop)? Run the same command again: articles
    already coded by this pipeline version are not coded twice, and the store ends up as after an
    uninterrupted run. Articles in a language without a pipeline are stored as
    "unsupported_language"; an article that fails is stored as "failed" with its reason.
    """
    from sitrep.store import EventStore

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    shared = {
        "published": published,
        "source": source,
        "lexicon_dir": lexicon_dir,
        "prefilter": prefilter,
        "batch_size": batch_size,
        "progress": sys.stderr.isatty() if progress is None else progress,
    }
    report = _problem_reporter(shared["progress"])
    try:
        with EventStore.open(db) as store:
            summary = _run_engine(
                engine, paths, store, workers=workers, scheduler=scheduler, shared=shared, report=report
            )
            from sitrep.dedup.incremental import deduplicate

            # One deduplication at a time per store: two runs writing one database at once would
            # otherwise both cluster the same new events.
            with store.exclusive("dedup"):
                deduplicate(store)  # the new events join the happenings already stored
    except SitrepError as err:
        raise click.ClickException(str(err)) from err
    except KeyboardInterrupt:
        click.echo("interrupted: what was coded is stored; run the same command again to continue", err=True)
        raise click.exceptions.Exit(INTERRUPTED) from None
    click.echo(summary.describe(), err=True)


def _run_engine(engine, paths, store, *, workers, scheduler, shared, report):
    if engine == "dask":
        from sitrep.engines.dask import DaskOptions, run_dask

        options = DaskOptions(workers=workers, scheduler=scheduler, **shared)
        return run_dask(paths, store=store, options=options, on_problem=report)
    from sitrep.engines.batch import RunOptions, run_batch

    return run_batch(paths, store=store, options=RunOptions(workers=workers, **shared), on_problem=report)


def _problem_reporter(progress: bool):
    def report(problem) -> None:
        line = f"{'skipped' if problem.skipped else 'warning'}: {problem}"
        if progress:
            tqdm.write(line, file=sys.stderr)  # above the bar, not through it
        else:
            click.echo(line, err=True)

    return report
