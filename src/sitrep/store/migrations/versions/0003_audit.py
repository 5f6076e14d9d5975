"""Analysts' edits through the web API: the edit_audit table.

Revision ID: 0003
Revises: 0002
Create Date: 2025-02-15

Written out in full, like 0001 and 0002, so that it keeps creating the same table after schema.py
moves on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "edit_audit",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("editor", sa.String(), nullable=False),
        sa.Column("client", sa.String()),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edit_audit")),
    )
    op.create_index(op.f("ix_edit_audit_at"), "edit_audit", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_edit_audit_at"), table_name="edit_audit")
    op.drop_table("edit_audit")
