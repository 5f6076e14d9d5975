"""`sitrep dedup` and the analyst's corrections of clusters (`split`, `merge`, `cluster show|history`).

The commands are plain click objects for `sitrep.cli` to attach:

    cli.add_command(dedup)            # sitrep dedup [--rebuild]
    events_group.add_command(split)   # sitrep events split EVENT_ID...
    events_group.add_command(merge)   # sitrep events merge ID ID...
    events_group.add_command(cluster) # sitrep events cluster show|split|merge|history
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import click

from sitrep.errors import SitrepError

_db_option = click.option(
    "--db",
    metavar="PATH|URL",
    envvar="SITREP_DB",
    help="The event store: a SQLite file path or a SQLAlchemy URL. Default: $SITREP_DB, "
    "else sitrep.db in the user data directory.",
)
_note_option = click.option("--note", help="Why: kept with the decision in the audit trail.")


def _clear_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Sitrep's own errors become a one-line message and exit status 1, also outside `sitrep.cli`."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SitrepError as err:
            raise click.ClickException(str(err)) from err

    return run


def _store(db: str | None):
    from sitrep.store import EventStore

    return EventStore.open(db)


@click.command()
@_db_option
@click.option(
    "--rebuild",
    is_flag=True,
    help="Cluster every stored event again from scratch (analysts' decisions are kept).",
)
@_clear_errors
def dedup(db: str | None, rebuild: bool) -> None:
    """Group the stored events that report the same happening into merged events.

    New events join existing clusters or form new ones; running it again changes nothing.
    Analysts' splits and merges (`sitrep events split|merge`) are always obeyed."""
    from sitrep.dedup.incremental import deduplicate

    with _store(db) as store:
        with store.exclusive("dedup"):  # another process may be clustering the same store
            summary = deduplicate(store, rebuild=rebuild)
    click.echo(summary.describe(), err=True)


@click.command()
@click.argument("event_ids", nargs=-1, required=True)
@_db_option
@_note_option
@_clear_errors
def split(event_ids: tuple[str, ...], db: str | None, note: str | None) -> None:
    """Take EVENT_IDS out of their merged event into one of their own.

    Later runs of `sitrep dedup` keep them apart from the events left behind."""
    from sitrep.dedup.decisions import split_events

    with _store(db) as store:
        done = split_events(store, event_ids, note=note)
    click.echo(f"split {', '.join(event_ids)} out of {done.kept} into {done.created[0]}", err=True)


@click.command()
@click.argument("ids", nargs=-1, required=True)
@_db_option
@_note_option
@_clear_errors
def merge(ids: tuple[str, ...], db: str | None, note: str | None) -> None:
    """Merge the events or merged events IDS into one (the first one's id is kept).

    Later runs of `sitrep dedup` keep them together."""
    from sitrep.dedup.decisions import merge_clusters

    if len(ids) < 2:
        raise click.UsageError("give at least two ids (merged-event ids or event ids)")
    with _store(db) as store:
        done = merge_clusters(store, ids, note=note)
    click.echo(f"merged {', '.join(done.removed)} into {done.kept}", err=True)


@click.group()
def cluster() -> None:
    """Merged events: see one with its sources, correct it, read its history."""


@cluster.command()
@click.argument("cluster_or_event_id")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the merged event and its members as JSON.")
@_clear_errors
def show(cluster_or_event_id: str, db: str | None, as_json: bool) -> None:
    """The merged event CLUSTER_OR_EVENT_ID, its sources and the events merged into it."""
    with _store(db) as store:
        cluster_id = cluster_or_event_id
        merged = store.get_cluster(cluster_id)
        if merged is None:
            cluster_id = store.cluster_of(cluster_or_event_id) or ""
            merged = store.get_cluster(cluster_id) if cluster_id else None
        if merged is None:
            raise click.ClickException(
                f"no merged event {cluster_or_event_id!r}; run `sitrep dedup`, "
                "then find ids with `sitrep events`"
            )
        members = store.cluster_member_events(cluster_id)
    if as_json:
        payload = {"merged": merged.to_dict(), "members": [m.to_dict() for m in members]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    _print_cluster(merged, members)


def _print_cluster(merged, members) -> None:
    extra = merged.extra
    corroboration = extra.get("corroboration", {})
    toll = (
        f"{merged.fatalities} (reported {extra.get('fatalities_low', 0)}-{extra.get('fatalities_high', 0)})"
    )
    click.echo(f"{merged.event_id}  {merged.event_date}  {merged.sub_event_type}  {merged.location or '?'}")
    click.echo(f"  fatalities {toll}; {merged.factuality}")
    parties = " (parties to the conflict only)" if corroboration.get("parties_only") else ""
    outlets = corroboration.get("outlets", len(merged.sources))
    click.echo(
        f"  {outlets} outlet{'s' if outlets != 1 else ''}, "
        f"{corroboration.get('independent_outlets', '?')} independent{parties}"
    )
    for source in merged.sources:
        click.echo(
            f"  source {source.published or '?'}  {source.source or '?'}  "
            f"{source.factuality}  {source.article_id}"
        )
    for event in members:
        click.echo(
            f"  event  {event.event_id}  {event.event_date}  {event.sub_event_type}  "
            f"{event.location or '?'}  {event.fatalities}  {event.factuality}"
        )


@cluster.command()
@click.argument("cluster_id", required=False)
@_db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@_clear_errors
def history(cluster_id: str | None, db: str | None, limit: int) -> None:
    """What happened to merged events (all, or CLUSTER_ID), newest first."""
    with _store(db) as store:
        entries = store.cluster_history(cluster_id, limit=limit)
    if not entries:
        click.echo("no history", err=True)
    for entry in entries:
        detail = {k: v for k, v in entry.items() if k not in ("at", "action", "cluster_id") and v}
        click.echo(f"{entry['at']}  {entry['action']:<9} {entry['cluster_id'] or '-'}  {json.dumps(detail)}")


cluster.add_command(split)
cluster.add_command(merge)
