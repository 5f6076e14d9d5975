"""Where the event store lives, how its engine is made and brought up to date, and the few statements
whose spelling differs between SQLite and PostgreSQL (insert-or-ignore, upserts, locks).

Several processes may write one store at once (two `sitrep run` on one PostgreSQL database, say):
inserts that may meet a row another process just wrote go through `insert_ignoring` or `upserting`,
so they neither fail nor duplicate, and work that must not interleave (migrations, deduplication)
takes a lock the database itself holds for the process (`exclusive`), released when the process
ends, however it ends.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Table, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from sitrep.errors import StoreError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DB_FILENAME = "sitrep.db"
#: how long a SQLite writer waits for another one to finish before failing.
SQLITE_BUSY_TIMEOUT_MS = 10_000
#: the databases whose insert-or-ignore, upsert and lock sitrep knows how to spell.
DIALECTS: tuple[str, ...] = ("sqlite", "postgresql")
#: name of the lock migrations take, so that two processes opening a new database do not both create it.
MIGRATION_LOCK = "sitrep-migrations"
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
    if engine.dialect.name not in DIALECTS:
        engine.dispose()
        raise StoreError(
            f"cannot use the event store URL {display_url(url)}: sitrep's store runs on "
            f"{' and '.join(DIALECTS)} (not {engine.dialect.name}); give a file path or a "
            "postgresql+psycopg://user:password@host/database URL"
        )
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
            if connection.dialect.name == "postgresql":
                # Held until this transaction ends: a second process opening the same new database
                # waits, then finds it at head, instead of failing to create the same tables.
                lock = text("SELECT pg_advisory_xact_lock(:key)")
                connection.execute(lock, {"key": lock_key(MIGRATION_LOCK)})
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


# -- statements spelled per dialect ---------------------------------------------------------------


def insert_ignoring(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert `rows`, leaving out any that would repeat a primary key or a unique value already
    stored (by this process or another); return how many were inserted."""
    # RETURNING, not rowcount: psycopg reports no row count for INSERT ... ON CONFLICT.
    statement = _dialect_insert(conn, table).on_conflict_do_nothing().returning(*table.primary_key.columns)
    return sum(conn.execute(statement, row).first() is not None for row in rows)


def upserting(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *, key: Sequence[str]) -> None:
    """Insert `rows`, replacing the stored row of the same `key` columns (a unique or primary key)."""
    if not rows:
        return
    statement = _dialect_insert(conn, table)
    changed = {name: statement.excluded[name] for name in rows[0] if name not in key}
    conn.execute(statement.on_conflict_do_update(index_elements=list(key), set_=changed), list(rows))


def _dialect_insert(conn: Connection, table: Table) -> Any:
    name = conn.dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise StoreError(f"the event store cannot write to a {name} database; use SQLite or PostgreSQL")


# -- locks between processes ----------------------------------------------------------------------


def lock_key(name: str) -> int:
    """A stable signed 64-bit number for a lock name (PostgreSQL's advisory locks take numbers)."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


@contextmanager
def exclusive(engine: Engine, name: str) -> Iterator[None]:
    """Hold the lock `name` on the store while the block runs; other processes asking for the same
    lock wait. The database (PostgreSQL) or the operating system (SQLite: a lock file next to the
    database) releases it if this process dies, so a killed run never leaves a lock behind."""
    if engine.dialect.name == "postgresql":
        with _advisory_lock(engine, name):
            yield
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield  # a private in-memory database has no other writer
        return
    with _file_lock(Path(f"{database}.{name}.lock")):
        yield


@contextmanager
def _advisory_lock(engine: Engine, name: str) -> Iterator[None]:
    key = lock_key(name)
    try:
        connection = engine.connect()
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
        connection.commit()
    except SQLAlchemyError as err:
        where = engine.url.render_as_string(hide_password=True)
        raise StoreError(f"cannot take the {name!r} lock on {where}: {_reason(err)}") from err
    try:
        yield
    finally:
        try:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
            connection.commit()
        finally:
            connection.close()


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # not POSIX: SQLite's own write lock is all there is
        yield
        return
    try:
        handle = path.open("a+b")
    except OSError as err:
        raise StoreError(f"cannot create the lock file {path}: {err}; make its folder writable") from err
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
