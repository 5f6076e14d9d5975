"""The event store's tables, as SQLAlchemy Core metadata.

Queries are built against these objects; the database itself is created and
upgraded by the Alembic migrations in `migrations/versions`, which must be kept
in step with this file (a new column here needs a new migration there).

Portability: dates and timestamps are ISO-8601 strings and the full event
record is JSON in a TEXT column, so the same schema works on SQLite and
PostgreSQL without dialect-specific types.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

#: the states an article goes through; `extracted` is set by `EventStore.replace_events`.
ARTICLE_STATUSES: tuple[str, ...] = ("pending", "extracted", "unsupported_language", "failed")

# Named constraints make later migrations (and batch mode on SQLite) able to refer to them.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("content_hash", String, nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("published", String),  # YYYY-MM-DD
    Column("published_precision", Integer, nullable=False, server_default="1"),
    Column("source", String),
    Column("url", Text),
    Column("language", String),
    Column("origin", Text),
    Column("status", String, nullable=False, server_default="pending"),
    Column("status_reason", Text),
    Column("pipeline_version", String),
    Column("ingested_at", String, nullable=False),  # ISO-8601 UTC timestamp
    Column("extracted_at", String),
    CheckConstraint(
        "status IN (" + ", ".join(f"'{status}'" for status in ARTICLE_STATUSES) + ")", name="status"
    ),
)
Index(None, articles.c.status)

events = Table(
    "events",
    metadata,
    Column("event_id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id"), nullable=False),
    Column("event_date", String, nullable=False),  # YYYY-MM-DD
    Column("event_type", String, nullable=False),
    Column("sub_event_type", String, nullable=False),
    Column("country", String),
    Column("iso2", String),
    Column("admin1", String),
    Column("location", String),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("factuality", String, nullable=False),
    Column("fatalities", Integer, nullable=False, server_default="0"),
    Column("actor1", String),
    Column("actor2", String),
    Column("pipeline_version", String),
    Column("record", Text, nullable=False),  # json.dumps(Event.to_dict())
)
Index(None, events.c.country, events.c.event_date)
Index(None, events.c.event_type)
Index(None, events.c.article_id)

# -- deduplication (migration 0002) --------------------------------------------------------------

#: what an analyst can decide about two events: keep them in one cluster, or apart.
DECISION_KINDS: tuple[str, ...] = ("merge", "split")

#: one row per happening: the canonical merged event (sitrep.dedup.merge_cluster) and the columns
#: its listing filters on, as for `events`.
clusters = Table(
    "clusters",
    metadata,
    Column("cluster_id", String, primary_key=True),
    Column("event_date", String, nullable=False),
    Column("event_type", String, nullable=False),
    Column("sub_event_type", String, nullable=False),
    Column("country", String),
    Column("iso2", String),
    Column("admin1", String),
    Column("location", String),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("factuality", String, nullable=False),
    Column("fatalities", Integer, nullable=False, server_default="0"),
    Column("actor1", String),
    Column("actor2", String),
    Column("article_id", String),  # the first article that reported it
    Column("n_events", Integer, nullable=False),
    Column("n_outlets", Integer, nullable=False),
    Column("record", Text, nullable=False),  # json.dumps(merged Event.to_dict())
    Column("updated_at", String, nullable=False),
)
Index(None, clusters.c.country, clusters.c.event_date)
Index(None, clusters.c.event_date)

#: which cluster each event belongs to. No foreign key to `events`: re-coding an article replaces its
#: events, and the next `sitrep dedup` drops the members whose events are gone.
cluster_members = Table(
    "cluster_members",
    metadata,
    Column("event_id", String, primary_key=True),
    Column("cluster_id", String, ForeignKey("clusters.cluster_id"), nullable=False),
    Column("article_id", String, nullable=False),
)
Index(None, cluster_members.c.cluster_id)
Index(None, cluster_members.c.article_id)

#: analysts' decisions, pair by pair; for a pair decided twice, the later decision holds.
cluster_decisions = Table(
    "cluster_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String, nullable=False),
    Column("event_a", String, nullable=False),
    Column("event_b", String, nullable=False),
    Column("decided_at", String, nullable=False),
    Column("note", Text),
    CheckConstraint("kind IN (" + ", ".join(f"'{kind}'" for kind in DECISION_KINDS) + ")", name="kind"),
)
Index(None, cluster_decisions.c.event_a)
Index(None, cluster_decisions.c.event_b)

#: what happened to clusters and when: created, grown, split, merged, removed, rebuilt.
cluster_audit = Table(
    "cluster_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String, nullable=False),
    Column("action", String, nullable=False),
    Column("cluster_id", String),
    Column("detail", Text),  # JSON
)
Index(None, cluster_audit.c.cluster_id)

# -- analysts' edits through the web API (migration 0003) ----------------------------------------

#: one row per change made through `sitrep serve --allow-edit`: who (a fingerprint of the token, never
#: the token), from where, what was asked and what changed.
edit_audit = Table(
    "edit_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String, nullable=False),  # ISO-8601 UTC timestamp
    Column("action", String, nullable=False),  # split | merge
    Column("editor", String, nullable=False),
    Column("client", String),
    Column("request", Text, nullable=False),  # JSON
    Column("result", Text, nullable=False),  # JSON
)
Index(None, edit_audit.c.at)
