"""Initial schema: articles and the events extracted from them.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Written out in full (not imported from schema.py) so this revision keeps
creating the same tables after schema.py moves on. Names are wrapped in op.f()
because they are final: the metadata's naming convention must not prefix them again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.String()),
        sa.Column("published_precision", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("source", sa.String()),
        sa.Column("url", sa.Text()),
        sa.Column("language", sa.String()),
        sa.Column("origin", sa.Text()),
        sa.Column("status", sa.String(), nullable=False, server_default="pending"),
        sa.Column("status_reason", sa.Text()),
        sa.Column("pipeline_version", sa.String()),
        sa.Column("ingested_at", sa.String(), nullable=False),
        sa.Column("extracted_at", sa.String()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
        sa.CheckConstraint(
            "status IN ('pending', 'extracted', 'unsupported_language', 'failed')",
            name=op.f("ck_articles_status"),
        ),
    )
    op.create_index(op.f("ix_articles_status"), "articles", ["status"])

    op.create_table(
        "events",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("event_date", sa.String(), nullable=False),
        sa.Column("event_type", sa.String(), nullable=False),
        sa.Column("sub_event_type", sa.String(), nullable=False),
        sa.Column("country", sa.String()),
        sa.Column("iso2", sa.String()),
        sa.Column("admin1", sa.String()),
        sa.Column("location", sa.String()),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("factuality", sa.String(), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("actor1", sa.String()),
        sa.Column("actor2", sa.String()),
        sa.Column("pipeline_version", sa.String()),
        sa.Column("record", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_events")),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_events_article_id_articles")),
    )
    op.create_index(op.f("ix_events_country_event_date"), "events", ["country", "event_date"])
    op.create_index(op.f("ix_events_event_type"), "events", ["event_type"])
    op.create_index(op.f("ix_events_article_id"), "events", ["article_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_events_article_id"), table_name="events")
    op.drop_index(op.f("ix_events_event_type"), table_name="events")
    op.drop_index(op.f("ix_events_country_event_date"), table_name="events")
    op.drop_table("events")
    op.drop_index(op.f("ix_articles_status"), table_name="articles")
    op.drop_table("articles")
