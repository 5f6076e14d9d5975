"""Analysts' corrections through the web API (split, merge), each kept in the `edit_audit` table.

The corrections themselves are `sitrep.dedup.decisions.split_events` and `merge_clusters`, the same as
`sitrep events split|merge`, so they survive later `sitrep dedup` runs. This module only checks who
asks (a bearer token, compared in constant time) and writes one audit row per change: when, what was
asked, what changed, from which address and by which token (a fingerprint, never the token itself).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine

from sitrep.dedup.decisions import merge_clusters, split_events
from sitrep.errors import SitrepError
from sitrep.store import EventStore, schema

#: the shortest token an edit-mode server accepts: long enough not to be guessed.
MIN_TOKEN_LENGTH = 16


@dataclass(frozen=True)
class Editor:
    """Who made a change: the token's fingerprint and the client's address."""

    fingerprint: str
    client: str | None


def check_token(token: str | None) -> str:
    """The token an edit-mode server requires; refuses a missing or short one."""
    if not token or len(token) < MIN_TOKEN_LENGTH:
        raise SitrepError(
            f"editing needs a token of at least {MIN_TOKEN_LENGTH} characters; pass --token "
            "(or set SITREP_TOKEN), e.g. the output of: "
            "python -c 'import secrets; print(secrets.token_urlsafe())'"
        )
    return token


def token_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so response times say nothing about the token."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def fingerprint(token: str) -> str:
    return "token:" + hashlib.sha256(token.encode("utf-8")).hexdigest()[:12]


def split(engine: Engine, event_ids: Sequence[str], *, note: str | None, editor: Editor) -> dict[str, Any]:
    """Take `event_ids` out of their cluster (see `split_events`) and audit it."""
    correction = split_events(EventStore(engine), list(event_ids), note=note)
    result = asdict(correction)
    _audit(engine, "split", {"event_ids": list(event_ids), "note": note}, result, editor)
    return result


def merge(engine: Engine, ids: Sequence[str], *, note: str | None, editor: Editor) -> dict[str, Any]:
    """Merge the clusters of `ids` (see `merge_clusters`) and audit it."""
    correction = merge_clusters(EventStore(engine), list(ids), note=note)
    result = asdict(correction)
    _audit(engine, "merge", {"ids": list(ids), "note": note}, result, editor)
    return result


def audit_trail(engine: Engine, *, limit: int) -> list[dict[str, Any]]:
    """The latest edits, newest first."""
    a = schema.edit_audit.c
    with engine.connect() as conn:
        rows = conn.execute(select(schema.edit_audit).order_by(a.id.desc()).limit(limit)).all()
    return [
        {
            "id": row.id,
            "at": row.at,
            "action": row.action,
            "editor": row.editor,
            "client": row.client,
            "request": json.loads(row.request),
            "result": json.loads(row.result),
        }
        for row in rows
    ]


def _audit(
    engine: Engine, action: str, request: dict[str, Any], result: dict[str, Any], editor: Editor
) -> None:
    row = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "action": action,
        "editor": editor.fingerprint,
        "client": editor.client,
        "request": json.dumps(request, ensure_ascii=False),
        "result": json.dumps(result, ensure_ascii=False),
    }
    with engine.begin() as conn:
        conn.execute(insert(schema.edit_audit).values(row))
