"""Deduplication: clusters of events, their members, analysts' decisions and an audit trail.

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-01

Written out in full, like 0001, so that it keeps creating the same tables after schema.py moves on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clusters",
        sa.Column("cluster_id", sa.String(), nullable=False),
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
        sa.Column("article_id", sa.String()),
        sa.Column("n_events", sa.Integer(), nullable=False),
        sa.Column("n_outlets", sa.Integer(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("cluster_id", name=op.f("pk_clusters")),
    )
    op.create_index(op.f("ix_clusters_country_event_date"), "clusters", ["country", "event_date"])
    op.create_index(op.f("ix_clusters_event_date"), "clusters", ["event_date"])

    op.create_table(
        "cluster_members",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("cluster_id", sa.String(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_cluster_members")),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["clusters.cluster_id"], name=op.f("fk_cluster_members_cluster_id_clusters")
        ),
    )
    op.create_index(op.f("ix_cluster_members_cluster_id"), "cluster_members", ["cluster_id"])
    op.create_index(op.f("ix_cluster_members_article_id"), "cluster_members", ["article_id"])

    op.create_table(
        "cluster_decisions",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("event_a", sa.String(), nullable=False),
        sa.Column("event_b", sa.String(), nullable=False),
        sa.Column("decided_at", sa.String(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster_decisions")),
        sa.CheckConstraint("kind IN ('merge', 'split')", name=op.f("ck_cluster_decisions_kind")),
    )
    op.create_index(op.f("ix_cluster_decisions_event_a"), "cluster_decisions", ["event_a"])
    op.create_index(op.f("ix_cluster_decisions_event_b"), "cluster_decisions", ["event_b"])

    op.create_table(
        "cluster_audit",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("cluster_id", sa.String()),
        sa.Column("detail", sa.Text()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster_audit")),
    )
    op.create_index(op.f("ix_cluster_audit_cluster_id"), "cluster_audit", ["cluster_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_cluster_audit_cluster_id"), table_name="cluster_audit")
    op.drop_table("cluster_audit")
    op.drop_index(op.f("ix_cluster_decisions_event_b"), table_name="cluster_decisions")
    op.drop_index(op.f("ix_cluster_decisions_event_a"), table_name="cluster_decisions")
    op.drop_table("cluster_decisions")
    op.drop_index(op.f("ix_cluster_members_article_id"), table_name="cluster_members")
    op.drop_index(op.f("ix_cluster_members_cluster_id"), table_name="cluster_members")
    op.drop_table("cluster_members")
    op.drop_index(op.f("ix_clusters_event_date"), table_name="clusters")
    op.drop_index(op.f("ix_clusters_country_event_date"), table_name="clusters")
    op.drop_table("clusters")
