"""The French lexicons load, cover ACLED's taxonomy, and the loader rejects malformed extensions."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

import sitrep.lexicons as lexicons
from sitrep.errors import LexiconError
from sitrep.lexicons import load_lexicon, parse_term
from sitrep.normalize import fold
from sitrep.taxonomy import SUB_EVENT_TYPES

PACKAGE_FR = Path(lexicons.__file__).resolve().parent / "fr"


@pytest.fixture(scope="module")
def fr():
    return load_lexicon("fr")


def _alias_index(lexicon) -> dict[tuple[str, ...], str]:
    actors = lexicon.actors + lexicon.generic_actors
    return {alias.words: actor.name for actor in actors for alias in actor.aliases}


def _matches(pattern: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Form-only matching of a term (the pipeline also matches lemmas)."""
    if len(pattern) != len(words):
        return False
    pairs = zip(pattern, words, strict=True)
    return all(p == w or (p.endswith("*") and w.startswith(p[:-1])) for p, w in pairs)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- coverage of the shipped data


def test_every_sub_event_type_has_at_least_six_terms(fr):
    counts = Counter()
    for entry in fr.triggers:
        counts[entry.sub_event_type] += len(entry.terms)
    thin = {sub: counts[sub] for sub in SUB_EVENT_TYPES if counts[sub] < 6}
    assert not thin, f"sub-event types with fewer than 6 trigger terms: {thin}"
    assert sum(counts.values()) >= 350


def test_no_alias_names_two_actors(fr):
    owner: dict[tuple[str, ...], str] = {}
    clashes = []
    for actor in fr.actors + fr.generic_actors:
        for alias in actor.aliases:
            previous = owner.setdefault(alias.words, actor.name)
            if previous != actor.name:
                clashes.append((alias.text, previous, actor.name))
    assert not clashes


def test_every_actor_has_a_valid_inter_agreeing_with_its_kind(fr):
    for actor in fr.actors + fr.generic_actors:
        assert 1 <= actor.inter <= 8, actor.name
        assert lexicons.ACTOR_KINDS[actor.kind] == actor.inter, actor.name
        assert actor.country is None or (len(actor.country) == 2 and actor.country.isupper()), actor.name


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Daech", "Islamic State"),
        ("EIGS", "Islamic State (Sahel)"),
        ("État islamique au Grand Sahara", "Islamic State (Sahel)"),
        ("ISWAP", "Islamic State (West Africa)"),
        ("GSIM", "JNIM: Group for Support of Islam and Muslims"),
        ("FAMa", "Military Forces of Mali"),
        ("armée malienne", "Military Forces of Mali"),
        ("soldats maliens", "Military Forces of Mali"),
        ("armée arabe syrienne", "Military Forces of Syria"),
        ("Hachd al-Chaabi", "PMF: Popular Mobilization Forces"),
        ("Forces démocratiques syriennes", "SDF: Syrian Democratic Forces"),
        ("FDS", "Military Forces of {country}"),
        ("Jaysh Mughawir al-Thourade", "Jaysh Mughawir al-Thawra"),
        ("Armée des commandos de la révolution", "Jaysh Mughawir al-Thawra"),
        ("hommes armés", "Unidentified Armed Group ({country})"),
        ("villageois", "Civilians ({country})"),
        ("émeutiers", "Rioters ({country})"),
        ("gendarmerie nationale", "Police Forces of {country}"),
    ],
)
def test_aliases_name_the_acled_actor(fr, alias, name):
    index = _alias_index(fr)
    words = tuple(fold(alias).split())
    found = index.get(words)
    if found is None:  # a "*" alias such as "soldat* malien*"
        found = next((n for key, n in index.items() if _matches(key, words)), None)
    assert found == name


def test_an_acronym_names_another_actor_in_another_country(fr):
    assert fr.actor_in_country("ADF", "CM").name == "ADF: Ambazonia Defence Forces"
    assert fr.actor_in_country("FDS", "SY").name == "SDF: Syrian Democratic Forces"
    # Elsewhere the alias keeps its usual actor: no reading.
    assert fr.actor_in_country("ADF", "CD") is None and fr.actor_in_country("FDS", "BF") is None
    assert fr.actor_in_country("ADF", None) is None


def test_every_alias_of_an_actor_can_name_another_actor_in_one_country(fr):
    # "les shebabs", "al-Shabaab" of Cabo Delgado: the Islamic State's province there
    assert fr.actor_in_country("shebabs", "MZ", "Al Shabaab").name == "Islamic State (Mozambique)"
    assert fr.actor_in_country("shebabs", "SO", "Al Shabaab") is None
    assert fr.state_forces_in["PS"] == "IL"


def test_generic_templates_fill_in_the_country(fr):
    civilians = next(a for a in fr.generic_actors if a.kind == "civilians")
    assert civilians.name_for("Mali") == "Civilians (Mali)"
    assert civilians.name_for(None) == "Civilians"


def test_everyday_words_are_flagged_ambiguous(fr):
    ambiguous = {t.words for e in fr.triggers if e.ambiguous for t in e.terms}
    clear = {t.words for e in fr.triggers if not e.ambiguous for t in e.terms}
    for word in (
        "attaquer",
        "frapper",
        "une frappe",
        "tirer",
        "tir",
        "explosion",
        "battre",
        "offensive",
        "bombarder",
        "mine",
        "défection",
    ):
        words = tuple(fold(word).split())
        assert words in ambiguous and words not in clear, word
    assert ("arrestation",) in clear


def test_a_trigger_term_sits_in_one_sub_event_type(fr):
    owners: dict[tuple[str, ...], set[str]] = {}
    for entry in fr.triggers:
        for term in entry.terms:
            owners.setdefault(term.words, set()).add(entry.sub_event_type)
    assert {w: s for w, s in owners.items() if len(s) > 1} == {}


def test_context_fatalities_and_history_patterns_are_loaded(fr):
    assert {"conflict_words", "non_conflict_words", "history_markers"} <= set(fr.context)
    assert {"death", "injury", "no_deaths"} <= set(fr.fatalities)
    sentence = fold("Le nord du Mali était tombé en 2012")
    match = next(filter(None, (p.search(sentence) for p in fr.history_patterns)))
    assert match.group("year") == "2012"
    assert any(p.search(fold("il y a dix ans")) for p in fr.history_patterns)
    assert not any(p.search(fold("mardi 12 mars, des hommes armés")) for p in fr.history_patterns)


def test_lead_files_load_when_present(fr):
    if (PACKAGE_FR / "cues.yaml").exists():
        assert fr.cues and all(isinstance(t, tuple) for t in fr.cues.values())
    if (PACKAGE_FR / "dates.yaml").exists():
        assert "months" in fr.dates


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("vingt-trois", 23),
        ("quatre-vingt-dix-sept", 97),
        ("soixante et onze", 71),
        ("deux cents", 200),
        ("trois mille cinq cents", 3500),
        ("douze", 12),
        ("Quatre-Vingts", 80),
        ("cent un", 101),
        ("deux millions trois cent mille", 2_300_000),
        ("3 500", 3500),
        ("12", 12),
    ],
)
def test_parse_number_words(fr, text, value):
    assert fr.numbers.parse_number_words(text) == value


@pytest.mark.parametrize("text", ["trois morts", "deux trois", "mille mille", "et", "", "vingt et"])
def test_parse_number_words_rejects_non_numbers(fr, text):
    assert fr.numbers.parse_number_words(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("une dizaine", 10),
        ("des dizaines", 12),
        ("des centaines", 100),
        ("plusieurs", 10),
        ("plusieurs dizaines de morts", 12),
        ("une vingtaine de civils", 20),
        ("des milliers", 1000),
    ],
)
def test_vague_quantity(fr, text, value):
    assert fr.numbers.vague_quantity(text) == value


def test_every_word_of_a_quantity_can_belong_to_one(fr):
    # The toll reader stops reading a quantity at the first word that cannot belong to one.
    for phrase in ("des dizaines de milliers", "soixante et onze", "deux millions trois cent mille", "3 500"):
        assert all(fr.numbers.could_belong(word) for word in phrase.split()), phrase
    assert not any(fr.numbers.could_belong(word) for word in ("soldats", "civils", "attaque"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("au moins 12", 12),
        ("plus de 20", 20),
        ("entre 10 et 15", 10),
        ("entre dix et quinze morts", 10),
        ("près de trente personnes", 30),
        ("au moins une dizaine", 10),
        ("un mort", 1),
    ],
)
def test_read_quantity_is_conservative(fr, text, value):
    assert fr.numbers.read_quantity(text) == value


# ---------------------------------------------------------------- terms


def test_terms_fold_like_the_text():
    assert parse_term("prise d'otage").words == ("prise", "d", "otage")
    assert parse_term("Affrontement*").words == ("affrontement*",)
    assert parse_term("attentat-suicide*").words == ("attentat", "suicide*")
    assert parse_term("se ~ rendre").words == ("se", "~", "rendre")
    with pytest.raises(LexiconError):
        parse_term("   ")
    with pytest.raises(LexiconError):
        parse_term("~ rendre")


# ---------------------------------------------------------------- loading, extending, versioning


def test_unknown_language_is_refused_with_the_available_ones():
    with pytest.raises(LexiconError, match=r"no lexicon for language 'xx'; available: fr"):
        load_lexicon("xx")


def test_load_is_cached(fr):
    assert load_lexicon("fr") is fr
    assert fr.version.startswith("fr-") and len(fr.version) == len("fr-") + 12


def test_extra_dir_adds_entries_and_changes_the_version(fr, tmp_path):
    extra = tmp_path / "extra"
    _write(extra, "triggers.yaml", "triggers:\n  - sub_event_type: Attack\n    terms: [razzia sanglante]\n")
    _write(
        extra,
        "actors.yaml",
        "actors:\n  - {name: Katiba Test, inter: 2, country: ML, kind: rebel, aliases: [katiba test]}\n",
    )
    extended = load_lexicon("fr", extra_dir=extra)
    assert extended.version != fr.version
    assert ("razzia", "sanglante") in {t.words for e in extended.triggers for t in e.terms}
    assert _alias_index(extended)[("katiba", "test")] == "Katiba Test"
    assert len(extended.triggers) == len(fr.triggers) + 1
    assert extended.files[-2:] == (extra / "actors.yaml", extra / "triggers.yaml")


def test_version_changes_when_a_file_changes(tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.copy(PACKAGE_FR / "numbers.yaml", extra / "numbers.yaml")
    before = load_lexicon("fr", extra_dir=extra)
    assert load_lexicon("fr", extra_dir=extra).version == before.version
    with (extra / "numbers.yaml").open("a", encoding="utf-8") as out:
        out.write("  pas loin de: approximate\n")
    after = load_lexicon("fr", extra_dir=extra)
    assert after.version != before.version
    assert after.numbers.modifier_reading("pas loin de 40") == "approximate"


def test_malformed_yaml_names_the_file(tmp_path):
    bad = _write(tmp_path, "triggers.yaml", "triggers:\n  - sub_event_type: Attack\n    terms: [tuer\n")
    with pytest.raises(LexiconError, match=str(bad)):
        load_lexicon("fr", extra_dir=tmp_path)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "triggers.yaml",
            "triggers:\n  - {sub_event_type: Armed clashes, terms: [x]}\n",
            r"triggers entry 1 \('Armed clashes'\): unknown sub_event_type",
        ),
        ("triggers.yaml", "triggers:\n  - {sub_event_type: Attack, terms: ['']}\n", "empty"),
        (
            "triggers.yaml",
            "triggers:\n  - {sub_event_type: Attack, terms: [x], ambigous: true}\n",
            "unknown key",
        ),
        (
            "actors.yaml",
            "actors:\n  - {name: X, inter: 9, country: ML, kind: rebel, aliases: [x]}\n",
            r"actors entry 1 \('X'\): inter must be",
        ),
        ("actors.yaml", "actors:\n  - {inter: 2, country: ML, kind: rebel, aliases: [x]}\n", "missing name"),
        (
            "actors.yaml",
            "actors:\n  - {name: X, inter: 2, country: ML, kind: rebel, aliases: [Daech]}\n",
            "already names 'Islamic State'",
        ),
        (
            "actors.yaml",
            "generic:\n  - {name_template: Bandits, inter: 3, kind: militia, aliases: [x]}\n",
            r"\{country\}",
        ),
        (
            "actors.yaml",
            "generic:\n  - {name_template: 'Bandits ({country})', inter: 3, kind: militia, "
            "fighting_name: 'Bandit Militia ({country})', aliases: [x]}\n",
            "fighting_name is for civilians",
        ),
        (
            "actors.yaml",
            "by_country:\n  - {alias: Katiba X, readings: {CM: 'ADF: Ambazonia Defence Forces'}}\n",
            "not an alias of any actor",
        ),
        (
            "actors.yaml",
            "by_country:\n  - {alias: ADF, readings: {Cameroun: 'ADF: Ambazonia Defence Forces'}}\n",
            "two-letter ISO code",
        ),
        (
            "actors.yaml",
            "by_country:\n  - {actor: Katiba X, readings: {MZ: 'Islamic State (Mozambique)'}}\n",
            "is not listed under `actors`",
        ),
        (
            "actors.yaml",
            "by_country:\n  - {alias: ADF, actor: Al Shabaab, readings: {MZ: 'Al Qaeda'}}\n",
            "either `alias`",
        ),
        ("actors.yaml", "state_forces_in:\n  PS: Israel\n", "ISO2 code"),
        (
            "triggers.yaml",
            "triggers:\n  - {sub_event_type: Attack, ambiguous: true, licensed_by: nowhere, terms: [x]}\n",
            "licensed_by 'nowhere' is not a category of context.yaml",
        ),
        (
            "triggers.yaml",
            "triggers:\n  - {sub_event_type: Attack, licensed_by: protest_words, terms: [x]}\n",
            "for ambiguous terms",
        ),
        ("context.yaml", "history_patterns: ['(unclosed']\n", "bad regular expression"),
        ("numbers.yaml", "modifiers: {au moins: maybe}\n", "reading 'maybe' unknown"),
        ("notes.yaml", "x: 1\n", "unknown lexicon file name"),
    ],
)
def test_bad_entries_are_rejected_naming_file_and_entry(tmp_path, name, text, message):
    path = _write(tmp_path, name, text)
    with pytest.raises(LexiconError, match=message) as caught:
        load_lexicon("fr", extra_dir=tmp_path)
    assert str(path) in str(caught.value)


def test_missing_extra_dir_is_reported(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon("fr", extra_dir=tmp_path / "nowhere")


def test_cues_and_dates_are_optional(tmp_path, monkeypatch):
    root = tmp_path / "lexicons"
    (root / "zz").mkdir(parents=True)
    for name in ("triggers.yaml", "actors.yaml", "context.yaml", "numbers.yaml", "fatalities.yaml"):
        text = (PACKAGE_FR / name).read_text(encoding="utf-8").replace("language: fr", "language: zz")
        (root / "zz" / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(lexicons, "LEXICON_ROOT", root)
    lexicon = load_lexicon("zz")
    assert dict(lexicon.cues) == {} and dict(lexicon.dates) == {}
    assert lexicon.version.startswith("zz-")
