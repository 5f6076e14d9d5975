"""Where the event store lives, and how its engine is made and brought up to date."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from sitrep.errors import StoreError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DB_FILENAME = "sitrep.db"
#: how long a SQLite writer waits for another one to finish before failing.
SQLITE_BUSY_TIMEOUT_MS = 10_000
_OPEN_HINT = (
    "check that the path or URL is right and writable (set it with --db or SITREP_DB), "
    "or that the database server is reachable"
)


def resolve_db_url(db: str | Path | None = None) -> str:
    """The SQLAlchemy URL of the store.

    None -> $SITREP_DB -> <data dir>/sitrep.db, where the data dir is $SITREP_DATA_DIR or the
    platform's user data dir. A value containing "://" is taken as a URL; anything else as a
    file path, whose parent directories are created.
    """
    if db is None or str(db) == "":
        db = os.environ.get("SITREP_DB") or None
    if db is None:
        data_dir = os.environ.get("SITREP_DATA_DIR") or platformdirs.user_data_dir("sitrep")
        db = Path(data_dir) / DB_FILENAME
    text = str(db)
    if "://" in text:
        return text
    if text == ":memory:":
        return "sqlite://"
    path = Path(text).expanduser().resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(
            f"cannot create the directory of the event store {path}: {err}; "
            "choose a writable location with --db or SITREP_DB"
        ) from err
    return f"sqlite:///{path}"


def display_url(url: str) -> str:
    """The URL with any password masked, fit for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def create_store_engine(url: str) -> Engine:
    """An engine for `url`; SQLite connections get foreign keys, WAL and a busy timeout."""
    try:
        engine = create_engine(url)
    except ImportError as err:
        raise StoreError(
            f"cannot use the event store URL {display_url(url)}: {err}; install the database driver "
            "it names (for PostgreSQL: psycopg) or use a SQLite file path"
        ) from err
    except (ArgumentError, SQLAlchemyError) as err:
        raise StoreError(
            f"cannot use the event store URL {display_url(url)}: {err}; "
            "give a file path or a URL such as sqlite:///path/sitrep.db or postgresql://user@host/db"
        ) from err
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # SQLite ignores foreign keys unless asked, per connection.
        cursor.execute("PRAGMA foreign_keys=ON")
        # WAL lets readers (the web view, exports) work while the pipeline writes.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_MS)}")
    finally:
        cursor.close()


def upgrade_to_head(engine: Engine) -> None:
    """Run `alembic upgrade head` on `engine` with the migrations packaged in sitrep."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # configparser interpolation would read a "%" of an encoded URL as a reference.
    config.set_main_option("sqlalchemy.url", str(engine.url).replace("%", "%%"))
    url = engine.url.render_as_string(hide_password=True)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as err:
        raise StoreError(f"cannot open the event store at {url}: {_reason(err)}; {_OPEN_HINT}") from err
    except CommandError as err:
        raise StoreError(
            f"cannot migrate the event store at {url}: {err}; it may have been written by a newer "
            "sitrep: upgrade sitrep or point --db at another database"
        ) from err


def _reason(err: SQLAlchemyError) -> str:
    orig = getattr(err, "orig", None)
    return str(orig) if orig is not None else str(err).splitlines()[0]
