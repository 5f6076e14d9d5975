"""sitrep.ingest: every input shape a user hands us becomes Articles or a clear, named problem."""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import InputError
from sitrep.ingest import InputProblem, decode_bytes, parse_published, read_articles
from sitrep.ingest.streams import iter_raw_lines
from sitrep.records import Article, content_id

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_49c408e7f8a48274.txt"

FRENCH = "L’armée a détruit le cœur du village ; « œuvre » des djihadistes, été 2020."
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def read(paths, **options) -> tuple[list[Article], list[InputProblem]]:
    problems: list[InputProblem] = []
    articles = list(read_articles(paths, on_problem=problems.append, **options))
    return articles, problems


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


# --- plain text and the seed format -------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason=f"seed article not found at {SEED} (../shared absent)")
def test_seed_file_gives_its_month_and_text_after_the_prefix():
    articles, problems = read([SEED])
    assert problems == []
    [article] = articles
    assert article.published == date(2017, 7, 1)
    assert article.published_precision == 3
    assert article.text.startswith("Les forces syriennes")
    assert article.id == content_id(article.text)
    assert article.origin == str(SEED)
    assert article.title is None


def test_date_prefix_with_a_day_gives_day_precision(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2020-01-24 Une embuscade a visé des soldats.\n", encoding="utf-8")
    [article], problems = read([path])
    assert (article.published, article.published_precision) == (date(2020, 1, 24), 1)
    assert article.text == "Une embuscade a visé des soldats."
    assert problems == []


def test_impossible_prefix_date_warns_and_uses_the_default(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2020-13 Texte de l'article.", encoding="utf-8")
    [article], [problem] = read([path], published=date(2021, 5, 2))
    assert article.text == "Texte de l'article."
    assert article.published == date(2021, 5, 2)
    assert not problem.skipped and "2020-13" in problem.message and str(path) in str(problem)


def test_plain_text_gets_defaults_newlines_normalised_and_offsets_kept(tmp_path):
    path = tmp_path / "a.text"
    path.write_bytes("\r\n  Gao, le 3 mars.\r\nDeux morts à Gao.  \r\n".encode())
    [article], problems = read([path], published=date(2020, 3, 3), source="RFI")
    assert problems == []
    assert article.text == "Gao, le 3 mars.\nDeux morts à Gao."
    start = article.text.index("Gao", 5)
    assert article.text[start : start + 3] == "Gao"
    assert (article.published, article.published_precision, article.source) == (date(2020, 3, 3), 1, "RFI")


def test_same_text_twice_gives_the_same_id(tmp_path):
    (tmp_path / "one.txt").write_text("Un texte identique.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("\n Un texte identique. \n", encoding="utf-8")
    write_jsonl(tmp_path / "three.jsonl", [{"text": "Un texte identique."}])
    articles, problems = read([tmp_path])
    assert problems == []
    assert len(articles) == 3
    assert len({a.id for a in articles}) == 1
    assert articles[0].id == content_id("Un texte identique.")


# --- JSON lines and JSON ------------------------------------------------------------------------------


def test_jsonl_broken_line_is_reported_with_its_number_and_others_kept(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(
        '{"id": "a", "text": "Premier."}\n{"id": "b", "text": "Deux\n{"id": "c", "text": "Trois."}\n'
    )
    articles, [problem] = read([path])
    assert [a.id for a in articles] == ["a", "c"]
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:3"]
    assert problem.line == 2 and problem.skipped
    assert str(problem).startswith(f"{path}:2: not valid JSON")


@pytest.mark.parametrize(
    "record",
    [{"id": "x"}, {"id": "x", "text": ""}, {"id": "x", "text": "   "}, {"id": "x", "text": 42}, ["text"]],
)
def test_jsonl_line_without_usable_text_is_skipped(tmp_path, record):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": "Bon."}, record])
    articles, [problem] = read([path])
    assert [a.text for a in articles] == ["Bon."]
    assert (problem.source, problem.line, problem.skipped) == (str(path), 2, True)


def test_gold_article_line_is_valid_input(tmp_path):
    gold = {
        "id": "mali-2020-01-dioungani-a",
        "url": "https://example.org/a",
        "source": "Studio Tamani",
        "published": "2020-01-24",
        "language": "fr",
        "text": "  Des hommes armés ont attaqué Dioungani.",
        "events": [{"event_type": "Battles", "location": "Dioungani"}],
        "cluster": "dioungani-2020-01",
    }
    path = write_jsonl(tmp_path / "gold.jsonl", [gold])
    [article], problems = read([path], source="default source")
    assert problems == []
    assert article.id == "mali-2020-01-dioungani-a"
    assert article.text == gold["text"]  # kept as stored: gold evidence offsets stay valid
    assert (article.url, article.source, article.language) == (gold["url"], "Studio Tamani", "fr")
    assert (article.published, article.published_precision) == (date(2020, 1, 24), 1)
    assert article.origin == f"{path}:1"


def test_jsonl_without_id_gets_content_hash_and_defaults(tmp_path):
    path = write_jsonl(tmp_path / "a.ndjson", [{"text": "Sans identifiant.", "title": "Titre"}])
    [article], problems = read([path], published=date(2019, 1, 2), source="AFP")
    assert problems == []
    assert article.id == content_id("Sans identifiant.")
    assert (article.published, article.source, article.title) == (date(2019, 1, 2), "AFP", "Titre")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-01-24", (date(2020, 1, 24), 1)),
        ("2017-07", (date(2017, 7, 1), 3)),
        ("2020-01-24T23:30:00+02:00", (date(2020, 1, 24), 1)),
        ("2020-01-24T10:00:00Z", (date(2020, 1, 24), 1)),
        ("2020-01-24 10:00", (date(2020, 1, 24), 1)),
    ],
)
def test_published_formats(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("bad", ["24/01/2020", "2020-02-30", "hier", 20200124, ["2020-01-24"]])
def test_bad_published_warns_and_falls_back_to_default(tmp_path, bad):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": "Texte.", "published": bad}])
    [article], [problem] = read([path], published=date(2020, 2, 1))
    assert article.published == date(2020, 2, 1)
    assert (problem.line, problem.skipped) == (1, False)
    assert "published" in problem.message


def test_month_precision_survives_an_article_round_trip(tmp_path):
    original = Article(id="a", text="Texte.", published=date(2017, 7, 1), published_precision=3)
    path = write_jsonl(tmp_path / "a.jsonl", [original.to_dict()])
    [article], problems = read([path])
    assert problems == []
    assert (article.published, article.published_precision) == (date(2017, 7, 1), 3)


def test_json_array_with_line_numbers_and_a_bad_element(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(
        '[\n  {"id": "a", "text": "Un."},\n  {"id": "b",\n   "text": "Deux."},\n  {"id": oops}\n]'
    )
    articles, [problem] = read([path])
    assert [(a.id, a.origin) for a in articles] == [("a", f"{path}:2"), ("b", f"{path}:3")]
    assert problem.skipped and problem.line == 5


def test_pretty_printed_single_object_and_json_lines_in_dot_json(tmp_path):
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"id": "s", "text": "Seul."}, indent=2))
    lines = write_jsonl(tmp_path / "two.json", [{"id": "l1", "text": "Un."}, {"id": "l2", "text": "Deux."}])
    articles, problems = read([single, lines])
    assert problems == []
    assert [a.id for a in articles] == ["s", "l1", "l2"]


def test_a_file_that_is_not_json_lines_stops_early_instead_of_flooding(tmp_path):
    path = tmp_path / "table.jsonl"
    path.write_text("".join(f"{i},Gao,attaque\n" for i in range(200)))
    articles, problems = read([path])
    assert articles == []
    assert 1 < len(problems) <= 11
    assert "JSON lines" in problems[-1].message


def test_utf16_jsonl_as_written_by_powershell(tmp_path):
    path = tmp_path / "ps.jsonl"
    path.write_bytes(('{"id": "p", "text": "' + FRENCH + '"}\r\n').encode("utf-16"))
    [article], problems = read([path])
    assert problems == []
    assert article.text == FRENCH


def test_overlong_lines_are_skipped_without_reading_them_whole():
    stream = io.BytesIO(b'{"text": "ok"}\n' + b"x" * 100 + b"\n" + b'{"text": "after"}\n')
    lines = list(iter_raw_lines(stream, limit=20))
    assert lines == [(1, b'{"text": "ok"}\n'), (2, None), (3, b'{"text": "after"}\n')]


# --- bad files ----------------------------------------------------------------------------------------


def test_missing_path_is_reported(tmp_path):
    missing = tmp_path / "absent.txt"
    articles, [problem] = read([missing])
    assert articles == []
    assert str(problem) == f"{missing}: no such file or directory" and problem.skipped


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n ", "\ufeff\n".encode()])
@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.json"])
def test_empty_file_is_skipped_with_its_name(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    articles, [problem] = read([path])
    assert articles == []
    assert str(problem) == f"{path}: empty file" and problem.skipped


def test_binary_files_are_skipped(tmp_path):
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(256)) * 8)
    image = tmp_path / "photo.png"  # unknown suffix named explicitly: read as text, refused as binary
    image.write_bytes(PNG_HEADER + bytes(range(200)))
    data = tmp_path / "data.jsonl"
    data.write_bytes(PNG_HEADER * 3)
    articles, problems = read([noise, image, data])
    assert articles == []
    assert [p.source for p in problems] == [str(noise), str(image), str(data)]
    assert all(p.skipped and "binary file, not text" in p.message for p in problems)


@pytest.mark.parametrize(
    ("encoding", "text"), [("cp1252", FRENCH), ("latin-1", "Armée française à Gao, été.")]
)
def test_windows_and_latin1_french_decoded_with_a_warning(tmp_path, encoding, text):
    path = tmp_path / "vieux.txt"
    path.write_bytes(text.encode(encoding))
    [article], [problem] = read([path])
    assert article.text == text
    assert not problem.skipped
    assert str(problem).startswith(f"{path}: not UTF-8; decoded as Windows-1252")


def test_cp1252_jsonl_lines_decoded_with_one_warning(tmp_path):
    path = tmp_path / "vieux.jsonl"
    path.write_bytes(
        b"".join(json.dumps({"text": FRENCH}, ensure_ascii=False).encode("cp1252") + b"\n" for _ in "ab")
    )
    articles, [problem] = read([path])
    assert [a.text for a in articles] == [FRENCH, FRENCH]
    assert problem.line == 1 and not problem.skipped and "Windows-1252" in problem.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_byte_order_marks(tmp_path, encoding):
    data = FRENCH.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    [article], problems = read([path])
    assert problems == []
    assert article.text == FRENCH


def test_mostly_utf8_with_a_stray_byte_keeps_the_utf8_letters():
    text, warning = decode_bytes("Armée, été, à Gao ".encode() + b"\xe9t\xe9.", source="joined.txt")
    assert text.startswith("Armée, été, à Gao ")
    assert warning is not None and "U+FFFD" in warning


def test_arabic_in_a_windows_code_page_is_guessed():
    arabic = "قتل عشرة مدنيين في هجوم على قرية في شمال مالي يوم الأحد حسب مصادر محلية"
    text, warning = decode_bytes(arabic.encode("cp1256"), source="ar.txt")
    assert text == arabic
    assert warning is not None and "guessed" in warning


def test_decode_raises_input_error_naming_the_source():
    with pytest.raises(InputError, match=r"^x\.bin: binary file, not text"):
        decode_bytes(b"abc\x00def", source="x.bin")
    with pytest.raises(InputError, match="UTF-16"):
        decode_bytes(b"\xff\xfe\x00\xd8", source="bad16.txt")  # lone surrogate after a UTF-16 mark


def test_text_file_over_20_mb_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse: no 21 MB written to disk
    articles, [problem] = read([path])
    assert articles == []
    assert str(problem) == f"{path}: too large (21.0 MB > 20 MB); split it" and problem.skipped


# --- directories and gzip -----------------------------------------------------------------------------


def test_directory_walk_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path):
    for name in [
        "b.txt",
        "a/z.jsonl",
        "a/b/c.txt",
        "a.txt",
        "C.json",
        ".hidden.txt",
        ".git/x.txt",
        "notes.md",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in (".jsonl", ".json"):
            write_jsonl(path, [{"text": name}])
        else:
            path.write_text(name, encoding="utf-8")
    articles, problems = read([tmp_path])
    assert problems == []
    assert [a.text for a in articles] == ["C.json", "a/b/c.txt", "a/z.jsonl", "a.txt", "b.txt"]


def test_unknown_suffix_named_explicitly_is_read_as_text(tmp_path):
    path = tmp_path / "dépêche.md"
    path.write_text("# Titre\n\nCorps de la dépêche.", encoding="utf-8")
    [article], problems = read([path])
    assert problems == []
    assert article.text == "# Titre\n\nCorps de la dépêche." and article.origin == str(path)


def test_lone_path_string_is_one_path(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Texte.", encoding="utf-8")
    articles, problems = read(str(path))
    assert [a.text for a in articles] == ["Texte."] and problems == []


def test_gzip_inputs(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(FRENCH.encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "g", "text": "Compress\\u00e9."}\n'))
    articles, problems = read([tmp_path])
    assert problems == []
    assert [a.text for a in articles] == [FRENCH, "Compressé."]


def test_truncated_gzip_keeps_articles_read_before_the_damage(tmp_path):
    records = [{"id": str(i), "text": f"Article numéro {i} sur l'attaque de Gao."} for i in range(3000)]
    whole = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    articles, [problem] = read([path])
    assert 0 < len(articles) < len(records)
    assert [a.id for a in articles] == [str(i) for i in range(len(articles))]
    assert problem.source == str(path) and problem.skipped and "truncated gzip" in problem.message


def test_truncated_gzip_text_is_skipped_and_not_gzip_is_named(tmp_path):
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress(FRENCH.encode() * 50)[:-12])
    fake = tmp_path / "fake.txt.gz"
    fake.write_text("plain text, not gzip", encoding="utf-8")
    articles, problems = read([cut, fake])
    assert articles == []
    assert [(p.source, p.skipped) for p in problems] == [(str(cut), True), (str(fake), True)]
    assert "truncated gzip" in problems[0].message and "not a gzip file" in problems[1].message


# --- the problem channel ------------------------------------------------------------------------------


def test_problem_str_and_default_handler_logs(tmp_path, caplog):
    assert str(InputProblem("a.jsonl", 3, "not valid JSON", True)) == "a.jsonl:3: not valid JSON"
    assert str(InputProblem("a.txt", None, "empty file", True)) == "a.txt: empty file"
    (tmp_path / "e.txt").write_text("")
    assert list(read_articles([tmp_path / "e.txt"])) == []
    assert f"{tmp_path / 'e.txt'}: empty file" in caplog.text


def test_a_raising_handler_stops_reading_with_its_own_exception(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Un."}\nbroken\n{"text": "Trois."}\n')
    seen: list[InputProblem] = []

    def strict(problem: InputProblem) -> None:
        seen.append(problem)
        raise InputError(problem.message, source=problem.source, line=problem.line)

    got: list[Article] = []
    with pytest.raises(InputError, match=r"a\.jsonl:2: not valid JSON"):
        got.extend(read_articles([path], on_problem=strict))
    assert [a.text for a in got] == ["Un."] and len(seen) == 1


# --- nothing a user feeds in makes it raise -----------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".jsonl", ".json", ".txt.gz", ".bin"]))
def test_read_articles_never_raises_on_arbitrary_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        articles, problems = read([path])
    assert all(isinstance(a, Article) and a.text.strip() for a in articles)
    assert all(isinstance(p, InputProblem) and p.source == str(path) for p in problems)


ARTICLE_KEYS = st.sampled_from(["id", "text", "published", "url", "source", "title", "published_precision"])
ODD_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30))
JSONL_LINES = st.lists(
    st.one_of(st.text(max_size=80), st.builds(json.dumps, st.dictionaries(ARTICLE_KEYS, ODD_VALUES))),
    max_size=15,
)


@settings(max_examples=100, deadline=None)
@given(lines=JSONL_LINES)
def test_jsonl_never_raises_on_arbitrary_lines(lines):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.jsonl"
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        articles, _ = read([path])
    assert all(isinstance(a.text, str) and a.text.strip() for a in articles)


@given(data=st.binary(max_size=500))
def test_decode_bytes_returns_text_or_raises_input_error(data):
    try:
        text, warning = decode_bytes(data, source="fuzz")
    except InputError as exc:
        assert str(exc).startswith("fuzz: ")
    else:
        assert "\r" not in text and (warning is None or isinstance(warning, str))
