"""`sitrep serve`: the JSON API and the web page over the event store, served by uvicorn.

A plain click command for `sitrep.cli` to attach (`cli.add_command(serve)`).
"""

from __future__ import annotations

import ipaddress
import secrets

import click

from sitrep.errors import SitrepError

#: names a browser may use for a loopback server; requests naming any other Host are refused.
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


@click.command()
@click.option(
    "--db",
    metavar="PATH|URL",
    envvar="SITREP_DB",
    help="The event store: a SQLite file path or a SQLAlchemy URL. Default: $SITREP_DB, "
    "else sitrep.db in the user data directory.",
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default)."
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on."
)
@click.option(
    "--allow-edit",
    is_flag=True,
    help="Also serve the analysts' split/merge endpoints (need --token; every change is audited).",
)
@click.option(
    "--token",
    envvar="SITREP_TOKEN",
    metavar="TOKEN",
    help="Bearer token the edit endpoints require ($SITREP_TOKEN); one is made up and printed if omitted.",
)
@click.option(
    "--tiles",
    metavar="URL",
    help="An online tile server, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png, offered as a second "
    "base layer when reachable (default: offline country borders only).",
)
def serve(db, host, port, allow_edit, token, tiles) -> None:
    """Serve the JSON API (/api/events, /api/stats, ..., schema at /api/openapi.json) and the web page
    with the map, the timeline and the evidence, at http://HOST:PORT/. Read-only unless --allow-edit."""
    try:
        _serve(db, host, port, allow_edit, token, tiles)
    except SitrepError as err:
        raise click.ClickException(str(err)) from err


def _serve(db, host, port, allow_edit, token, tiles) -> None:
    import uvicorn

    from sitrep.web import create_app, require_assets

    require_assets()
    if tiles is not None and not (tiles.startswith(("http://", "https://")) and "{z}" in tiles):
        raise click.BadParameter("give a URL template with {z}, {x} and {y}", param_hint="--tiles")
    if allow_edit and not token:
        token = secrets.token_urlsafe(24)
        click.echo(f"edit token (send as 'Authorization: Bearer TOKEN'): {token}", err=True)
    loopback = _is_loopback(host)
    app = create_app(
        db,
        allow_edit=allow_edit,
        token=token,
        tiles=tiles,
        allowed_hosts=[host, *LOOPBACK_NAMES] if loopback else None,
        must_exist=True,
    )
    if not loopback:
        click.echo(f"warning: listening on {host}, reachable from other machines", err=True)
    mode = "edits allowed with the token" if allow_edit else "read-only"
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"sitrep: serving {app.state.sitrep.engine.url.render_as_string(hide_password=True)} "
        f"({mode}) at http://{shown}:{port}/  (Ctrl-C stops)",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
