"""The analysts' endpoints (split, merge, the audit trail): mounted only with --allow-edit, and each
request must carry `Authorization: Bearer TOKEN`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from sitrep.web import edits
from sitrep.web.api import Context

_bearer = HTTPBearer(auto_error=False, description="The token given to `sitrep serve --token`.")
EventId = Annotated[str, StringConstraints(min_length=1, max_length=200)]


def editor(
    request: Request,
    context: Context,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> edits.Editor:
    """The editor making the request; 401 unless the bearer token is the server's."""
    given = credentials.credentials if credentials is not None else None
    if context.token is None or not edits.token_matches(given, context.token):
        raise HTTPException(
            401,
            "editing needs the server's token: send the header 'Authorization: Bearer TOKEN'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    client = request.client.host if request.client is not None else None
    return edits.Editor(fingerprint=edits.fingerprint(context.token), client=client)


Editor = Annotated[edits.Editor, Depends(editor)]


class SplitRequest(BaseModel):
    """Events to take out of their merged event into one of their own."""

    model_config = ConfigDict(extra="forbid")
    event_ids: list[EventId] = Field(min_length=1, max_length=200)
    note: str | None = Field(default=None, max_length=2000)


class MergeRequest(BaseModel):
    """Merged events (or events of them) to join into the first one."""

    model_config = ConfigDict(extra="forbid")
    ids: list[EventId] = Field(min_length=2, max_length=200)
    note: str | None = Field(default=None, max_length=2000)


router = APIRouter(prefix="/api/edit", tags=["edit"])


@router.post("/split", summary="Split events off their merged event (kept by later runs, audited)")
def post_split(body: SplitRequest, context: Context, who: Editor) -> dict[str, Any]:
    return edits.split(context.engine, body.event_ids, note=body.note, editor=who)


@router.post("/merge", summary="Merge merged events into the first one (kept by later runs, audited)")
def post_merge(body: MergeRequest, context: Context, who: Editor) -> dict[str, Any]:
    return edits.merge(context.engine, body.ids, note=body.note, editor=who)


@router.get("/audit", summary="The latest edits made through the API, newest first")
def get_audit(
    context: Context, who: Editor, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> dict[str, Any]:
    return {"edits": edits.audit_trail(context.engine, limit=limit)}
