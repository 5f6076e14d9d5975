"""The event store: articles and events in SQLite (default) or PostgreSQL, via SQLAlchemy Core.

>>> with EventStore.open("sitrep.db") as store:
...     store.add_article(article)
...     store.replace_events(article.id, events, pipeline_version="0.1.0")
...     for event in store.events(country="ML", since=date(2020, 1, 1)):
...         ...
"""

from __future__ import annotations

from sitrep.store.connect import resolve_db_url
from sitrep.store.schema import ARTICLE_STATUSES
from sitrep.store.store import EventStore

__all__ = ["ARTICLE_STATUSES", "EventStore", "resolve_db_url"]
