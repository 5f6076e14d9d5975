"""Saved web pages and RSS/Atom feeds (files and a loopback HTTP server) become articles or named problems."""

from __future__ import annotations

import gzip
import html
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest import InputKind, InputProblem, find_inputs, html_to_text, read_articles, url_of
from sitrep.ingest.html import NO_MAIN_TEXT, ONLY_SCRIPTS
from sitrep.ingest.problems import ReadContext
from sitrep.records import Article, content_id

LEDE = "Des hommes armés ont attaqué dimanche le village de Boni, tuant douze civils, selon un élu local."
SECOND = "Les forces armées maliennes ont été dépêchées sur place lundi matin pour sécuriser la zone."

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Mali : douze civils tués à Boni - Le Sahel Quotidien</title>
<meta property="og:site_name" content="Le Sahel Quotidien">
<link rel="canonical" href="https://example.org/sahel/boni-douze-civils">
<meta property="article:published_time" content="2023-05-09T10:00:00+00:00">
<script>window.dataLayer = [{{"page": "article"}}];</script>
</head><body>
<nav><a href="/">Accueil</a> <a href="/politique">Politique</a> <a href="/sport">Sport</a></nav>
<article><h1>Mali : douze civils tués à Boni</h1><p>{LEDE}</p><p>{SECOND}</p></article>
<aside>Lire aussi : les résultats du championnat</aside>
<footer>© Le Sahel Quotidien – mentions légales</footer>
</body></html>
"""

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Studio Tamani</title><link>https://example.org</link>
<item><title>Mopti : douze civils tués à Boni</title><link>https://example.org/boni</link>
<description>{html.escape(f"<p>{LEDE}</p><p>{SECOND}</p><script>alert(1)</script>")}</description>
<pubDate>Mon, 08 May 2023 23:30:00 -0500</pubDate></item>
<item><title>Gao : marche contre la vie chère</title><link>https://example.org/gao</link>
<description>Des centaines de jeunes ont manifesté lundi à Gao.</description>
<pubDate>Tue, 09 May 2023 08:00:00 GMT</pubDate></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Le Faso &amp;amp; Co</title>
<id>urn:faso</id><updated>2023-05-09T10:00:00Z</updated>
<entry><title>Djibo : attaque contre un poste</title><id>urn:1</id><link href="https://example.bf/djibo"/>
<published>2023-05-09T01:00:00+02:00</published><updated>2023-05-10T08:00:00Z</updated>
<summary>Court résumé.</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Un poste militaire a été attaqué à
Djibo dans la nuit de lundi à mardi.</p><p>Le bilan n'est pas connu.</p></div></content></entry>
</feed>
"""


def read(paths, **options) -> tuple[list[Article], list[InputProblem]]:
    problems: list[InputProblem] = []
    articles = list(read_articles(paths, on_problem=problems.append, **options))
    return articles, problems


# --- web pages ----------------------------------------------------------------------------------------


def test_news_page_gives_main_text_and_page_metadata(tmp_path):
    path = tmp_path / "boni.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    [article], problems = read([path], published=date(2020, 1, 1), source="fallback")
    assert problems == []
    assert LEDE in article.text and SECOND in article.text
    for boilerplate in ("Accueil", "championnat", "mentions légales", "dataLayer"):
        assert boilerplate not in article.text
    assert article.title == "Mali : douze civils tués à Boni"
    assert article.published == date(2023, 5, 9)
    assert article.source == "Le Sahel Quotidien"
    assert article.url == "https://example.org/sahel/boni-douze-civils"
    assert (article.id, article.origin) == (content_id(article.text), str(path))


def test_page_without_metadata_takes_the_run_defaults(tmp_path):
    path = tmp_path / "bare.htm"
    path.write_text(f"<html><body><p>{LEDE}</p></body></html>", encoding="utf-8")
    [article], problems = read([path], published=date(2023, 5, 9), source="Studio Tamani")
    assert problems == []
    assert (article.text, article.published, article.source, article.url) == (
        LEDE,
        date(2023, 5, 9),
        "Studio Tamani",
        None,
    )


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><script src='app.js'></script></head><body><div id='root'></div>"
        "<script>render(document.getElementById('root'))</script></body></html>",
        "<html><body><noscript>Activez JavaScript pour lire cet article.</noscript>"
        "<script>load()</script><style>p { color: red }</style></body></html>",
    ],
    ids=["app-shell", "noscript-notice"],
)
def test_html_with_only_scripts_is_a_clear_problem(tmp_path, page):
    path = tmp_path / "app.html"
    path.write_text(page, encoding="utf-8")
    articles, [problem] = read([path])
    assert articles == []
    assert problem.skipped and problem.source == str(path)
    assert problem.message == ONLY_SCRIPTS
    assert "only scripts" in str(problem) and "save the page" in str(problem)


def test_page_of_links_only_has_no_article_text(tmp_path):
    path = tmp_path / "index.html"
    links = "".join(f"<li><a href='/a{i}'></a></li>" for i in range(5))
    path.write_text(
        f"<html><body><img src='logo.png' alt=''><ul>{links}</ul></body></html>", encoding="utf-8"
    )
    articles, [problem] = read([path])
    assert articles == [] and problem.message in (ONLY_SCRIPTS, NO_MAIN_TEXT)


def test_declared_windows_1252_page_is_decoded_without_warning(tmp_path):
    path = tmp_path / "cp1252.html"
    page = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'></head>"
    page += f"<body><p>{LEDE} « Œuvre » des djihadistes.</p></body></html>"
    path.write_bytes(page.encode("cp1252"))
    [article], problems = read([path])
    assert problems == []
    assert "armés" in article.text and "« Œuvre »" in article.text


def test_undeclared_latin_page_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.html"
    path.write_bytes(f"<html><body><p>{LEDE}</p></body></html>".encode("cp1252"))
    [article], [problem] = read([path])
    assert "armés" in article.text
    assert not problem.skipped and "Windows-1252" in problem.message


def test_xhtml_with_an_xml_declaration_is_read(tmp_path):
    path = tmp_path / "page.xhtml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T'
        f"</title></head><body><p>{LEDE}</p></body></html>",
        encoding="utf-8",
    )
    [article], problems = read([path])
    assert problems == [] and article.text == LEDE


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary file")],
    ids=["empty", "binary"],
)
def test_empty_and_binary_pages_are_skipped_by_name(tmp_path, content, message):
    path = tmp_path / "page.html"
    path.write_bytes(content)
    articles, [problem] = read([path])
    assert articles == [] and problem.skipped and message in problem.message and problem.source == str(path)


def test_folders_route_pages_and_feeds_and_sniff_files_without_a_suffix(tmp_path):
    (tmp_path / "a.html").write_text(NEWS_PAGE, encoding="utf-8")
    (tmp_path / "b.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "c.atom.gz").write_bytes(gzip.compress(ATOM.encode()))
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    download = tmp_path / "download"
    download.write_text(NEWS_PAGE, encoding="utf-8")
    ctx = ReadContext()
    found = dict(find_inputs([tmp_path, download], ctx=ctx))
    assert found == {
        tmp_path / "a.html": InputKind.HTML,
        tmp_path / "b.rss": InputKind.FEED,
        tmp_path / "c.atom.gz": InputKind.FEED,
        download: InputKind.HTML,
    }
    articles, problems = read([tmp_path])
    assert problems == [] and len(articles) == 4


# --- feeds ----------------------------------------------------------------------------------------------


def test_rss_entries_become_articles_with_the_day_as_written(tmp_path):
    path = tmp_path / "tamani.xml"
    path.write_text(RSS, encoding="utf-8")
    first, second = read([path])[0]
    assert first.text == f"Mopti : douze civils tués à Boni\n\n{LEDE}\n{SECOND}"
    assert first.title == "Mopti : douze civils tués à Boni"
    # 23:30 at UTC-5 is already the 9th in UTC; the feed's own day is kept.
    assert first.published == date(2023, 5, 8)
    assert (first.source, first.url, first.origin) == (
        "Studio Tamani",
        "https://example.org/boni",
        f"{path}#1",
    )
    assert "alert" not in first.text
    assert second.published == date(2023, 5, 9) and second.origin == f"{path}#2"


def test_atom_content_is_preferred_to_its_summary_and_published_to_updated(tmp_path):
    path = tmp_path / "faso.atom"
    path.write_text(ATOM, encoding="utf-8")
    [article], problems = read([path])
    assert problems == []
    assert article.text.startswith(
        "Djibo : attaque contre un poste\n\nUn poste militaire a été attaqué à Djibo"
    )
    assert "Court résumé" not in article.text
    assert article.source == "Le Faso & Co"
    assert (article.published, article.url) == (date(2023, 5, 9), "https://example.bf/djibo")


def test_entry_dates_missing_or_unreadable_fall_back_to_the_default(tmp_path):
    path = tmp_path / "dates.rss"
    path.write_text(
        "<rss version='2.0'><channel><title>T</title>"
        "<item><title>Sans date</title><description>Un texte.</description></item>"
        "<item><title>Date illisible</title><description>Un autre texte.</description>"
        "<pubDate>le jour des morts</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    (undated, unreadable), problems = read([path], published=date(2023, 1, 2))
    assert undated.published == unreadable.published == date(2023, 1, 2)
    [warning] = problems
    assert not warning.skipped and "le jour des morts" in warning.message and warning.source == f"{path}#2"


def test_truncated_gzip_feed_keeps_the_entries_before_the_damage(tmp_path):
    items = "".join(
        f"<item><title>Titre {i}</title><description>Texte numéro {i} de l'article.</description></item>"
        for i in range(200)
    )
    whole = gzip.compress(f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>".encode())
    path = tmp_path / "feed.xml.gz"
    path.write_bytes(whole[: len(whole) // 2])
    articles, problems = read([path])
    assert 0 < len(articles) < 200
    assert [a.title for a in articles] == [f"Titre {i}" for i in range(len(articles))]
    assert all(a.text.endswith("de l'article.") for a in articles)  # no entry cut in the middle
    [problem] = problems
    assert problem.skipped and "truncated gzip" in problem.message and problem.source == str(path)


def test_xml_that_is_no_feed_and_feed_without_entries_are_named(tmp_path):
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text("<urlset><url><loc>https://example.org/</loc></url></urlset>", encoding="utf-8")
    empty = tmp_path / "empty.rss"
    empty.write_text("<rss version='2.0'><channel><title>T</title></channel></rss>", encoding="utf-8")
    articles, problems = read([sitemap, empty])
    assert articles == []
    assert [(p.source, p.skipped) for p in problems] == [(str(sitemap), True), (str(empty), True)]
    assert "not an RSS or Atom feed" in problems[0].message
    assert "no entries" in problems[1].message


def test_html_fragments_become_lines_without_scripts():
    markup = "<p>Premier&nbsp;paragraphe.</p><script>x()</script><ul><li>un</li><li>deux</li></ul>texte"
    assert html_to_text(markup) == "Premier paragraphe.\nun\ndeux\ntexte"


# --- feeds over http (loopback only) -----------------------------------------------------------------


class _Site(BaseHTTPRequestHandler):
    pages = {
        "/feed.xml": ("application/rss+xml", RSS.encode()),
        "/boni.html": ("text/html; charset=utf-8", NEWS_PAGE.encode()),
    }

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        found = self.pages.get(self.path)
        if found is None:
            self.send_error(404, "Not Found")
            return
        content_type, body = found
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        del format, args


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_feed_and_page_at_http_addresses(site):
    articles, problems = read([f"{site}/feed.xml", f"{site}/boni.html"])
    assert problems == []
    assert [a.origin for a in articles] == [f"{site}/feed.xml#1", f"{site}/feed.xml#2", f"{site}/boni.html"]
    assert articles[0].source == "Studio Tamani"
    assert LEDE in articles[2].text and articles[2].source == "Le Sahel Quotidien"


def test_http_errors_and_unreachable_servers_are_problems_not_crashes(site):
    closed = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    dead = f"http://127.0.0.1:{closed.server_address[1]}/feed.xml"
    closed.server_close()  # nothing listens there any more
    articles, problems = read([f"{site}/missing.xml", dead])
    assert articles == []
    assert [p.source for p in problems] == [f"{site}/missing.xml", dead]
    assert "HTTP 404" in problems[0].message
    assert "cannot reach it" in problems[1].message


def test_an_address_mangled_into_a_path_is_still_an_address():
    assert url_of(Path("https://example.org/feed.xml")) == "https://example.org/feed.xml"
    assert url_of("HTTP://example.org/rss") == "http://example.org/rss"
    assert url_of("feeds/http/tamani.xml") is None


# --- fuzzing ------------------------------------------------------------------------------------------

_TAGS = st.sampled_from(["p", "div", "script", "style", "article", "h1", "span", "noscript", "a", "br", "li"])
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)


def _repaired(text: str) -> str:
    """feedparser's repair of a whole value that is UTF-8 read as Latin-1 ("Ã©tÃ©" -> "été")."""
    try:
        return text.encode("latin_1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


@st.composite
def markup(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(_TAGS)
        parts.append(f"<{tag}>{html.escape(draw(_TEXT))}</{tag}>" if draw(st.booleans()) else draw(_TEXT))
    return "<html><body>" + "".join(parts) + "</body></html>" if draw(st.booleans()) else "".join(parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.one_of(markup(), st.binary(max_size=300).map(lambda b: b.decode("latin_1"))))
def test_fuzzed_pages_give_an_article_or_a_named_problem(tmp_path, page):
    path = tmp_path / "fuzz.html"
    path.write_text(page, encoding="utf-8")
    articles, problems = read([path])
    assert len(articles) + sum(p.skipped for p in problems) == 1
    assert all(a.text and a.text == a.text.strip() and a.id == content_id(a.text) for a in articles)
    assert all(p.source == str(path) for p in problems)


@st.composite
def feeds(draw) -> tuple[str, list[tuple[str, str]]]:
    entries = draw(st.lists(st.tuples(_TEXT, _TEXT), max_size=6))
    items = "".join(
        f"<item><title>{html.escape(t)}</title><description>{html.escape(html.escape(d))}</description></item>"
        for t, d in entries
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>{items}</channel></rss>",
        entries,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(feed=feeds())
def test_fuzzed_feeds_give_one_article_per_entry_with_words(tmp_path, feed):
    document, entries = feed
    path = tmp_path / "fuzz.rss"
    path.write_text(document, encoding="utf-8")
    articles, problems = read([path])
    with_words = [(t, d) for t, d in entries if t.split() or d.split()]
    assert len(articles) == len(with_words)
    for article, (_title, description) in zip(articles, with_words, strict=True):
        assert " ".join(_repaired(description).split()) in " ".join(article.text.split())
        assert article.text == article.text.strip() and article.id == content_id(article.text)
    assert all(p.source.startswith(str(path)) for p in problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_fuzzed_feed_bytes_never_raise(tmp_path, data):
    path = tmp_path / "fuzz.xml"
    path.write_bytes(b"<rss version='2.0'><channel><item><title>" + data)
    articles, problems = read([path])
    assert all(a.text for a in articles)
    assert all(p.source.startswith(str(path)) for p in problems)
