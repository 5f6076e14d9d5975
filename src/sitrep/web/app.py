"""The FastAPI app of `sitrep serve`: the JSON API, the page at `/` and its static files.

Read-only unless made with `allow_edit=True` and a token; no CORS headers (another site's page
cannot read the API); the page's scripts, styles and base map all come from this server.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from sitrep import __version__
from sitrep.dedup.decisions import ClusterDecisionError
from sitrep.errors import StoreError
from sitrep.store.connect import create_store_engine, resolve_db_url, upgrade_to_head
from sitrep.web import api, edit_api
from sitrep.web.assets import BUILD_HINT, STATIC_DIR, missing_assets
from sitrep.web.edits import check_token
from sitrep.web.params import ParameterError


def create_app(
    db_url: str | Path | None,
    *,
    allow_edit: bool = False,
    token: str | None = None,
    tiles: str | None = None,
    allowed_hosts: Sequence[str] | None = None,
    must_exist: bool = False,
) -> FastAPI:
    """The app over the store at `db_url` (a path or SQLAlchemy URL; None: $SITREP_DB or the default).

    `allow_edit` adds the split/merge endpoints, which need `token` as a bearer token; `tiles` is an
    optional online tile URL template offered as a second base layer; `allowed_hosts` refuses
    requests for other Host names (DNS rebinding); `must_exist` refuses a SQLite file not there yet.
    """
    if allow_edit:
        check_token(token)
    engine = open_engine(db_url, must_exist=must_exist)
    context = api.WebContext(
        engine=engine, allow_edit=allow_edit, token=token if allow_edit else None, tiles=tiles
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="sitrep",
        version=__version__,
        description="Conflict events coded from news, with their sources and the evidence behind each field.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # FastAPI's docs pages load their scripts from a CDN; the schema is enough
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.sitrep = context
    app.include_router(api.router)
    if allow_edit:
        app.include_router(edit_api.router)
    _add_error_handlers(app)
    _add_page(app, tiles)
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return app


def open_engine(db_url: str | Path | None, *, must_exist: bool = False) -> Engine:
    """An engine on the store, migrated to the current schema."""
    url = resolve_db_url(db_url)
    if must_exist and url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        raise StoreError(
            f"there is no event store at {url.removeprefix('sqlite:///')}; code some articles first "
            "(`sitrep demo`, `sitrep ingest PATH`) or point --db at an existing store"
        )
    engine = create_store_engine(url)
    try:
        upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Only where and why: the client's own input is not echoed back.
        detail = [
            {"loc": [str(part) for part in error.get("loc", ())], "msg": str(error.get("msg", "")),
             "type": str(error.get("type", ""))}
            for error in exc.errors()
        ]  # fmt: skip
        first = detail[0] if detail else {"loc": [], "msg": "invalid request"}
        name = first["loc"][-1] if first["loc"] else "request"
        return JSONResponse(
            {"message": f"invalid parameter {name!r}: {first['msg']}", "detail": detail}, status_code=422
        )

    @app.exception_handler(ParameterError)
    async def invalid_parameter(_request: Request, exc: ParameterError) -> JSONResponse:
        detail = [{"loc": ["query", exc.parameter], "msg": exc.reason, "type": "value_error"}]
        return JSONResponse({"message": str(exc), "detail": detail}, status_code=422)

    @app.exception_handler(ClusterDecisionError)
    async def refused_edit(_request: Request, exc: ClusterDecisionError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=409)

    @app.exception_handler(StoreError)
    async def store_failed(_request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)


def _add_page(app: FastAPI, tiles: str | None) -> None:
    headers = _security_headers(tiles)

    @app.middleware("http")
    async def secure(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response

    @app.get("/", include_in_schema=False, response_model=None)
    def index() -> FileResponse | HTMLResponse:
        missing = missing_assets()
        if missing:
            return HTMLResponse(
                f"<!doctype html><title>sitrep</title><p>The page's map libraries are not built "
                f"({', '.join(missing)} missing): {BUILD_HINT}. The API works: "
                f"<a href='/api/openapi.json'>/api/openapi.json</a>.</p>",
                status_code=503,
            )
        return FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")


def _security_headers(tiles: str | None) -> dict[str, str]:
    images = "'self' data:"
    if tiles:
        # A template's {s} subdomain becomes a CSP wildcard.
        parts = urlsplit(tiles)
        images += f" {parts.scheme}://{parts.netloc.replace('{s}', '*')}"
    return {
        "Content-Security-Policy": (
            f"default-src 'self'; img-src {images}; style-src 'self' 'unsafe-inline'; "
            "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            "form-action 'self'"
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    }
