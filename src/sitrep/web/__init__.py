"""`sitrep serve`: a JSON API over the event store and an offline page with a map, a timeline and the
evidence behind every field.

>>> from sitrep.web import create_app
>>> app = create_app("sitrep.db")              # read-only
>>> app = create_app("sitrep.db", allow_edit=True, token="a long secret token")

Modules: `app` (the FastAPI app), `api` and `edit_api` (endpoints), `params` (checked query
parameters), `queries`, `stats` and `mapping` (SQLAlchemy Core reads; the map's arrays), `state`
(what is remembered between requests while the store does not change), `edits` (split/merge with
an audit row), `assets` (the vendored libraries built by scripts/build-web-assets.sh).
"""

from __future__ import annotations

from sitrep.web.app import create_app
from sitrep.web.assets import WebAssetsError, missing_assets, require_assets

__all__ = ["WebAssetsError", "create_app", "missing_assets", "require_assets"]
