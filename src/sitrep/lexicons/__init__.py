"""sitrep's language knowledge: versioned YAML lexicons, and the loader that checks and freezes them.

Each language has a folder ``lexicons/<lang>/`` of YAML files an analyst can read and extend:

    triggers.yaml    event triggers per ACLED sub-event type (ambiguous ones flagged)
    actors.yaml      named actors (aliases, inter code, country) and generic actor templates
    context.yaml     words that license or veto ambiguous triggers; background/history markers
    numbers.yaml     number words, vague quantities with their ACLED values, quantity modifiers
    fatalities.yaml  death, injury and "no deaths" terms
    cues.yaml        factuality and attribution cues (optional)
    dates.yaml       date words (optional; handed on as a frozen mapping)

A *term* is a phrase folded like the text it is matched against (sitrep.normalize.fold), so
"prise d'otage" becomes the words ("prise", "d", "otage"); "word*" matches any word starting with
"word", and "~" a gap of up to two words (sitrep.nlp.terms does the matching).

``load_lexicon("fr", extra_dir=folder)`` adds the entries of an analyst's folder holding files of the
same names, and stamps the result with a version that changes whenever any file read changes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from sitrep.errors import LexiconError
from sitrep.normalize import fold
from sitrep.taxonomy import SUB_EVENT_TYPES

__all__ = [
    "ACTOR_KINDS",
    "FILE_NAMES",
    "ActorEntry",
    "Lexicon",
    "NumberWords",
    "Term",
    "TriggerEntry",
    "available_languages",
    "load_lexicon",
    "parse_term",
]

LEXICON_ROOT = Path(__file__).resolve().parent
FILE_NAMES = (
    "triggers.yaml",
    "actors.yaml",
    "context.yaml",
    "numbers.yaml",
    "fatalities.yaml",
    "cues.yaml",
    "dates.yaml",
)
OPTIONAL_FILES = frozenset({"cues.yaml", "dates.yaml"})
#: actor kind -> the ACLED inter code it implies (state forces abroad are recoded 8 by the assembler).
ACTOR_KINDS: Mapping[str, int] = MappingProxyType(
    {
        "state": 1,
        "police": 1,
        "rebel": 2,
        "militia": 3,
        "auxiliary": 3,  # a militia fighting beside the state (VDP, Civilian JTF): never its enemy's name
        "identity_militia": 4,
        "rioters": 5,
        "protesters": 6,
        "civilians": 7,
        "external": 8,
    }
)
MODIFIER_READINGS = frozenset({"minimum", "approximate", "upper_bound", "range"})
_HEADER_KEYS = frozenset({"version", "language"})
_TRIGGER_KEYS = frozenset({"sub_event_type", "terms", "ambiguous", "note", "licensed_by"})
_ACTOR_KEYS = frozenset({"name", "inter", "country", "aliases", "kind", "note"})
_GENERIC_KEYS = frozenset({"name_template", "inter", "kind", "aliases", "note", "fighting_name"})
_NUMBER_KEYS = frozenset({"units", "tens", "multipliers", "joiners", "vague", "modifiers"})
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
_ISO2 = re.compile(r"^[A-Z]{2}$")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Term:
    """One lexicon phrase: its folded words (with "*" prefixes and "~" gaps) and the text as written."""

    words: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class TriggerEntry:
    sub_event_type: str
    terms: tuple[Term, ...]
    ambiguous: bool = False
    note: str = ""
    #: context.yaml categories whose words alone license these ambiguous terms ("répression" needs
    #: protesters nearby, not just any armed actor); empty: an armed actor or a conflict word does.
    licensed_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorEntry:
    """A named actor, or (generic=True) a template such as "Civilians ({country})"."""

    name: str
    inter: int
    country: str | None
    aliases: tuple[Term, ...]
    kind: str
    generic: bool = False
    #: civilians named by a trade who fight as one community (herders against farmers) are coded as
    #: this identity militia, "Pastoralist Militia ({country})", when they are a side of the fighting.
    fighting_name: str | None = None

    @property
    def key(self) -> str:
        """What the entry is filed under: its name, and the name its people fight under."""
        return self.name if self.fighting_name is None else f"{self.name} / {self.fighting_name}"

    def name_for(self, country: str | None) -> str:
        """The actor's name for an event in `country` (English name); a template without one drops it."""
        if not self.generic:
            return self.name
        if country:
            return self.name.replace("{country}", country)
        return re.sub(r"\s*\(\{country\}\)", "", self.name).replace("{country}", "").strip()


@dataclass(frozen=True)
class NumberWords:
    """French number words and vague quantities, read the conservative ACLED way."""

    values: Mapping[tuple[str, ...], int]
    multipliers: Mapping[str, int]
    joiners: frozenset[str]
    vague: tuple[tuple[Term, int], ...]
    modifiers: tuple[tuple[Term, str], ...]

    def parse_number_words(self, text: str | Sequence[str]) -> int | None:
        """The number a phrase of number words (or digits) spells, e.g. "quatre-vingt-dix-sept" -> 97.

        None when any word is not part of a well-formed number ("trois morts", "deux trois").
        """
        words = _folded_words(text)
        if not words:
            return None
        if all(w.isdigit() for w in words):
            return _digit_groups(words)
        return _compose_number(words, self)

    @cached_property
    def _first_words(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """The words a number or vague quantity can start with, and the prefixes of starred ones."""
        firsts = {words[0] for words in self.values} | set(self.multipliers)
        firsts |= {term.words[0] for term, _ in self.vague}
        prefixes = tuple(w[:-1] for w in firsts if w.endswith("*"))
        return frozenset(w for w in firsts if not w.endswith("*")), prefixes

    def could_start(self, word: str) -> bool:
        """Whether a quantity can start with this (folded) word: a cheap test before the parsers."""
        firsts, prefixes = self._first_words
        return word.isdigit() or word in firsts or word.startswith(prefixes)

    @cached_property
    def _all_words(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """Every word a number or a vague quantity can have, and the prefixes of starred ones."""
        words = {w for phrase in self.values for w in phrase} | set(self.multipliers) | set(self.joiners)
        words |= {w for term, _ in self.vague for w in term.words}
        prefixes = tuple(w[:-1] for w in words if w.endswith("*"))
        return frozenset(w for w in words if not w.endswith("*")), prefixes

    def could_belong(self, word: str) -> bool:
        """Whether this (folded) word can be part of a quantity: "dizaines" can, "soldats" cannot,
        so no quantity reads past it."""
        words, prefixes = self._all_words
        # A "~" in a vague term stands for any word.
        return word.isdigit() or word in words or word.startswith(prefixes) or "~" in words

    def vague_quantity(self, text: str, *, leading: bool = False) -> int | None:
        """ACLED's value for the longest vague quantity in `text` ("une dizaine" -> 10), else None;
        with `leading`, only one that starts the text."""
        best = _longest_match(self.vague, _folded_words(text), **({"at": 0} if leading else {}))
        return best[1] if best else None

    def modifier_reading(self, text: str) -> str | None:
        """How the longest modifier in `text` reads ("au moins" -> "minimum"), else None."""
        best = _longest_match(self.modifiers, _folded_words(text))
        return best[1] if best else None

    def read_quantity(self, text: str) -> int | None:
        """The conservative figure of a quantity phrase.

        "au moins 12" -> 12, "plus de vingt" -> 20, "entre 10 et 15" -> 10, "une dizaine de" -> 10.
        """
        words = _strip_modifiers(_folded_words(text), self.modifiers)
        if not words:
            return None
        leading = _longest_match(self.vague, words, at=0)
        if leading:
            return leading[1]
        low = _range_low(words, self)
        if low is not None:
            return low
        for end in range(len(words), 0, -1):
            value = self.parse_number_words(words[:end])
            if value is not None:
                return value
        return self.vague_quantity(" ".join(words))


@dataclass(frozen=True)
class Lexicon:
    """Everything one language's YAML files say, checked and frozen; `version` goes into pipeline_version."""

    language: str
    triggers: tuple[TriggerEntry, ...]
    actors: tuple[ActorEntry, ...]
    generic_actors: tuple[ActorEntry, ...]
    #: category (conflict_words, non_conflict_words, history_markers, ...) -> terms.
    context: Mapping[str, tuple[Term, ...]]
    #: match a raw or folded sentence; a named group "year" is history only before the publication year.
    history_patterns: tuple[re.Pattern[str], ...]
    numbers: NumberWords
    #: category (death, death_ambiguous, injury, no_deaths, ...) -> terms.
    fatalities: Mapping[str, tuple[Term, ...]]
    cues: Mapping[str, tuple[Term, ...]]
    dates: Mapping[str, Any]
    version: str
    files: tuple[Path, ...]
    #: alias words -> {ISO2: actor}: what an acronym names in a given country ("ADF" in Cameroon).
    actor_by_country: Mapping[tuple[str, ...], Mapping[str, ActorEntry]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    #: actor name -> {ISO2: actor}: what all of an actor's aliases name in a given country (the
    #: "shebabs" of Mozambique are the Islamic State's province there, not Somalia's al-Shabaab).
    actor_by_country_of_actor: Mapping[str, Mapping[str, ActorEntry]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    #: territory ISO2 -> ISO2 of the state whose forces the generic "l'armée", "les soldats" are there.
    state_forces_in: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def actor_in_country(self, alias: str, iso2: str | None, name: str | None = None) -> ActorEntry | None:
        """The actor `alias` (as written in the text, naming the actor `name`) names in country
        `iso2`, when that differs from what it names elsewhere; else None."""
        if not iso2:
            return None
        found = self.actor_by_country.get(tuple(fold(alias).split()), {}).get(iso2)
        if found is None and name is not None:
            found = self.actor_by_country_of_actor.get(name, {}).get(iso2)
        return found

    def fighting_name(self, alias: str) -> str | None:
        """The identity militia that the civilians `alias` names ("des éleveurs") are coded as when
        they are a side of the fighting ("Pastoralist Militia ({country})"); None for other words."""
        words = _folded_words(alias)
        for entry in self.generic_actors:
            if entry.fighting_name and any(
                _matches_at(term, words, i) for term in entry.aliases for i in range(len(words))
            ):
                return entry.fighting_name
        return None


# --------------------------------------------------------------------------- terms and numbers


def parse_term(text: Any, *, where: str = "term") -> Term:
    """A lexicon phrase as words folded like the text; raises LexiconError naming `where` if unusable."""
    if not isinstance(text, str) or not text.strip():
        raise LexiconError(f"{where}: empty or non-text term {text!r}; write a word or phrase in quotes")
    words: list[str] = []
    for chunk in text.split():
        if chunk == "~":
            words.append("~")
            continue
        parts = fold(chunk.rstrip("*")).split()
        if not parts:
            raise LexiconError(f"{where}: term {text!r} has a word {chunk!r} without letters; remove it")
        if chunk.endswith("*"):
            parts[-1] += "*"
        words.extend(parts)
    if words[0] == "~" or words[-1] == "~":
        raise LexiconError(f"{where}: term {text!r} starts or ends with '~'; a gap must stand between words")
    return Term(tuple(words), text)


def _folded_words(text: str | Sequence[str]) -> list[str]:
    joined = text if isinstance(text, str) else " ".join(text)
    return fold(joined).split()


def _digit_groups(words: list[str]) -> int | None:
    # "3 500" is one figure written with a thousands separator; "12 15" is not.
    if any(len(w) != 3 for w in words[1:]):
        return None if len(words) > 1 else int(words[0])
    return int("".join(words))


def _compose_number(words: list[str], table: NumberWords) -> int | None:
    total, group = 0, 0
    last_added: int | None = None  # values inside a hundred must fall: "vingt trois", not "trois vingt"
    last_big: int | None = None  # thousand-level multipliers must fall: "million ... mille"
    seen, i = False, 0
    longest = max((len(k) for k in table.values), default=1)
    while i < len(words):
        word = words[i]
        if word in table.joiners and seen and i + 1 < len(words):
            i += 1
            continue
        size, value = _value_at(words, i, table.values, longest)
        if value is None and word.isdigit():
            if seen:
                return None
            # "3 millions": a figure may be multiplied, never added to ("3 deux").
            group, last_added, seen, i = int(word), -1, True, i + 1
            continue
        if value is not None:
            if last_added is not None and value >= last_added:
                return None
            group, last_added, seen, i = group + value, value, True, i + size
            continue
        multiplier = table.multipliers.get(word)
        if multiplier is None:
            return None
        if multiplier < 1000:
            if group >= multiplier:
                return None
            group = (group or 1) * multiplier
        else:
            if last_big is not None and multiplier >= last_big:
                return None
            total, group, last_big = total + (group or 1) * multiplier, 0, multiplier
        last_added, seen, i = None, True, i + 1
    return total + group if seen else None


def _value_at(
    words: list[str], i: int, values: Mapping[tuple[str, ...], int], longest: int
) -> tuple[int, int | None]:
    for size in range(min(longest, len(words) - i), 0, -1):
        value = values.get(tuple(words[i : i + size]))
        if value is not None:
            return size, value
    return 0, None


def _word_matches(pattern: str, word: str) -> bool:
    if pattern == "~":
        return True
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return pattern == word


def _matches_at(term: Term, words: Sequence[str], i: int) -> bool:
    end = i + len(term.words)
    return end <= len(words) and all(_word_matches(p, words[i + k]) for k, p in enumerate(term.words))


def _longest_match(
    table: Iterable[tuple[Term, Any]], words: Sequence[str], *, at: int | None = None
) -> tuple[Term, Any] | None:
    """The longest (then leftmost) term of `table` found in `words`, with its payload."""
    best: tuple[int, int, tuple[Term, Any]] | None = None
    starts = range(len(words)) if at is None else [at]
    for term, payload in table:
        for i in starts:
            if _matches_at(term, words, i):
                key = (-len(term.words), i)
                if best is None or key < best[:2]:
                    best = (key[0], key[1], (term, payload))
                break
    return best[2] if best else None


def _strip_modifiers(words: list[str], modifiers: Iterable[tuple[Term, str]]) -> list[str]:
    modifiers = tuple(modifiers)
    while words:
        lead = _longest_match(((t, r) for t, r in modifiers if r != "range"), words, at=0)
        if lead is None:
            return words
        words = words[len(lead[0].words) :]
    return words


def _range_low(words: list[str], table: NumberWords) -> int | None:
    """ "entre 10 et 15" -> 10: ACLED keeps the lower end of a range."""
    lead = _longest_match(((t, r) for t, r in table.modifiers if r == "range"), words, at=0)
    if lead is None:
        return None
    rest = words[len(lead[0].words) :]
    for cut, word in enumerate(rest):
        if word in {"et", "a"} and cut:
            low = table.parse_number_words(rest[:cut])
            high_words = rest[cut + 1 :]
            if low is not None and any(
                table.parse_number_words(high_words[:n]) is not None for n in range(1, len(high_words) + 1)
            ):
                return low
    return None


# --------------------------------------------------------------------------- loading


def available_languages() -> tuple[str, ...]:
    """Languages with a lexicon folder (one holding triggers.yaml)."""
    return tuple(sorted(p.name for p in LEXICON_ROOT.iterdir() if (p / "triggers.yaml").is_file()))


def load_lexicon(language: str = "fr", *, extra_dir: Path | None = None) -> Lexicon:
    """The checked, frozen lexicon of `language`, with the entries of `extra_dir` added.

    Raises LexiconError naming the file and entry when anything is malformed.
    """
    folder = _language_folder(language)
    extra = _checked_extra_dir(extra_dir)
    files = _package_files(folder) + (_extra_files(extra) if extra is not None else ())
    # The cache key carries each file's size and mtime, so an edited file is re-read instead of served stale.
    stamps = tuple((path, path.stat().st_size, path.stat().st_mtime_ns) for path in files)
    return _load_cached(language, extra, stamps)


def _language_folder(language: str) -> Path:
    available = available_languages()
    if not isinstance(language, str) or not _LANGUAGE_CODE.match(language) or language not in available:
        raise LexiconError(f"no lexicon for language {language!r}; available: {', '.join(available)}")
    return LEXICON_ROOT / language


def _checked_extra_dir(extra_dir: Path | str | None) -> Path | None:
    if extra_dir is None:
        return None
    path = Path(extra_dir).expanduser().resolve()
    if not path.is_dir():
        raise LexiconError(f"{path}: extra lexicon folder not found; give a folder holding *.yaml lexicons")
    return path


def _package_files(folder: Path) -> tuple[Path, ...]:
    missing = [n for n in FILE_NAMES if n not in OPTIONAL_FILES and not (folder / n).is_file()]
    if missing:
        raise LexiconError(f"{folder}: lexicon file(s) missing: {', '.join(missing)}; reinstall sitrep")
    return tuple(folder / n for n in sorted(FILE_NAMES) if (folder / n).is_file())


def _extra_files(folder: Path) -> tuple[Path, ...]:
    found = sorted(p for p in folder.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())
    for path in found:
        if path.name not in FILE_NAMES:
            raise LexiconError(
                f"{path}: unknown lexicon file name; an extra folder may hold {', '.join(FILE_NAMES)}"
            )
    return tuple(found)


@lru_cache(maxsize=8)
def _load_cached(language: str, extra_dir: Path | None, stamps: tuple[tuple[Path, int, int], ...]) -> Lexicon:
    files = tuple(stamp[0] for stamp in stamps)
    digest = hashlib.sha256()
    builder = _Builder()
    for path in files:
        raw = _read_bytes(path)
        digest.update(path.name.encode() + b"\0" + raw + b"\0")
        builder.add(path, _parse_yaml(path, raw, language))
    return builder.build(language, f"{language}-{digest.hexdigest()[:12]}", files)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon file ({exc.strerror}); check it") from None


def _parse_yaml(path: Path, raw: bytes, language: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise LexiconError(f"{path}: not valid YAML{where}: {problem}; check indents and quotes") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: the file must be a mapping (version:, ...), not {type(data).__name__}")
    if data.get("language", language) != language:
        raise LexiconError(f"{path}: language is {data['language']!r} but the folder is {language!r}")
    version = data.get("version")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        raise LexiconError(f"{path}: version must be a whole number, not {version!r}")
    return data


@dataclass
class _Builder:
    """Accumulates one load's entries, package files first, then the analyst's extras."""

    triggers: list[TriggerEntry] = field(default_factory=list)
    actors: dict[str, ActorEntry] = field(default_factory=dict)
    generic: dict[str, ActorEntry] = field(default_factory=dict)
    alias_owner: dict[tuple[str, ...], tuple[str, Path]] = field(default_factory=dict)
    country_readings: dict[tuple[str, ...], dict[str, ActorEntry]] = field(default_factory=dict)
    actor_readings: dict[str, dict[str, ActorEntry]] = field(default_factory=dict)
    state_forces_in: dict[str, str] = field(default_factory=dict)
    #: licensed_by category -> the first trigger entry naming it (checked once everything is read).
    licence_sources: dict[str, str] = field(default_factory=dict)
    context: dict[str, list[Term]] = field(default_factory=dict)
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    values: dict[tuple[str, ...], int] = field(default_factory=dict)
    multipliers: dict[str, int] = field(default_factory=dict)
    joiners: set[str] = field(default_factory=set)
    vague: dict[tuple[str, ...], tuple[Term, int]] = field(default_factory=dict)
    modifiers: dict[tuple[str, ...], tuple[Term, str]] = field(default_factory=dict)
    fatalities: dict[str, list[Term]] = field(default_factory=dict)
    cues: dict[str, list[Term]] = field(default_factory=dict)
    dates: dict[str, Any] = field(default_factory=dict)

    def add(self, path: Path, data: dict[str, Any]) -> None:
        body = {k: v for k, v in data.items() if k not in _HEADER_KEYS}
        if path.name == "triggers.yaml":
            self._add_triggers(path, body)
        elif path.name == "actors.yaml":
            self._add_actors(path, body)
        elif path.name == "context.yaml":
            patterns = body.pop("history_patterns", None) or []
            self.patterns.extend(_compile_patterns(path, patterns))
            _extend_term_lists(self.context, path, body)
        elif path.name == "numbers.yaml":
            self._add_numbers(path, body)
        elif path.name == "fatalities.yaml":
            _extend_term_lists(self.fatalities, path, body)
        elif path.name == "cues.yaml":
            _extend_term_lists(self.cues, path, body)
        else:
            _deep_merge(self.dates, body)

    def _add_triggers(self, path: Path, body: dict[str, Any]) -> None:
        _only_keys(path, "the file", body, {"triggers"})
        for i, entry in enumerate(_as_list(path, "triggers", body.get("triggers", []))):
            where = f"{path}: triggers entry {i + 1}"
            if not isinstance(entry, dict):
                raise LexiconError(f"{where}: expected a mapping with sub_event_type and terms")
            sub = entry.get("sub_event_type")
            where = f"{where} ({sub!r})"
            _only_keys(path, where, entry, _TRIGGER_KEYS, prefixed=False)
            if sub not in SUB_EVENT_TYPES:
                known = ", ".join(SUB_EVENT_TYPES)
                raise LexiconError(f"{where}: unknown sub_event_type; use one of {known}")
            ambiguous = entry.get("ambiguous", False)
            if not isinstance(ambiguous, bool):
                raise LexiconError(f"{where}: ambiguous must be true or false, not {ambiguous!r}")
            terms = _term_tuple(where, entry.get("terms"))
            licensed_by = entry.get("licensed_by") or ()
            if isinstance(licensed_by, str):
                licensed_by = (licensed_by,)
            if licensed_by and (
                not isinstance(licensed_by, list | tuple)
                or not all(isinstance(c, str) for c in licensed_by)
                or not ambiguous
            ):
                raise LexiconError(
                    f"{where}: licensed_by names context.yaml categories (one or a list), for ambiguous terms"
                )
            self.triggers.append(
                TriggerEntry(sub, terms, ambiguous, str(entry.get("note") or ""), tuple(licensed_by))
            )
            for category in licensed_by:
                self.licence_sources.setdefault(category, where)

    def _add_actors(self, path: Path, body: dict[str, Any]) -> None:
        _only_keys(path, "the file", body, {"actors", "generic", "by_country", "state_forces_in"})
        for i, entry in enumerate(_as_list(path, "actors", body.get("actors", []))):
            self._keep_actor(path, _actor(path, f"actors entry {i + 1}", entry, generic=False), self.actors)
        for i, entry in enumerate(_as_list(path, "generic", body.get("generic", []))):
            self._keep_actor(path, _actor(path, f"generic entry {i + 1}", entry, generic=True), self.generic)
        for i, entry in enumerate(_as_list(path, "by_country", body.get("by_country", []))):
            self._add_country_reading(path, f"by_country entry {i + 1}", entry)
        territories = body.get("state_forces_in") or {}
        codes = [*territories.keys(), *territories.values()] if isinstance(territories, dict) else [None]
        if not all(isinstance(c, str) and len(c) == 2 and c.isupper() for c in codes):
            raise LexiconError(f"{path}: state_forces_in maps a territory's ISO2 code to a state's ISO2 code")
        self.state_forces_in.update(territories)

    def _add_country_reading(self, path: Path, label: str, entry: Any) -> None:
        where = f"{path}: {label}"
        if not isinstance(entry, dict) or not isinstance(entry.get("readings"), dict):
            raise LexiconError(
                f"{where}: expected a mapping with alias (or actor) and readings (ISO2 code: actor name)"
            )
        _only_keys(path, where, entry, {"alias", "actor", "readings", "note"}, prefixed=False)
        if ("alias" in entry) == ("actor" in entry):
            raise LexiconError(
                f"{where}: give either `alias` (one written form) or `actor` (all its aliases)"
            )
        if "actor" in entry:
            if entry["actor"] not in self.actors:
                raise LexiconError(
                    f"{where}: actor {entry['actor']!r} is not listed under `actors`; list it first"
                )
            readings = self.actor_readings.setdefault(entry["actor"], {})
        else:
            alias = parse_term(entry.get("alias"), where=where)
            if alias.words not in self.alias_owner:
                raise LexiconError(
                    f"{where}: alias {alias.text!r} is not an alias of any actor; list it first"
                )
            readings = self.country_readings.setdefault(alias.words, {})
        for iso2, name in entry["readings"].items():
            actor = self.actors.get(name) if isinstance(name, str) else None
            if not (isinstance(iso2, str) and len(iso2) == 2 and iso2.isupper()) or actor is None:
                raise LexiconError(
                    f"{where}: reading {iso2!r}: {name!r} needs a two-letter ISO code and the name of an "
                    "actor listed under `actors`"
                )
            readings[iso2] = actor

    def _keep_actor(self, path: Path, actor: ActorEntry, into: dict[str, ActorEntry]) -> None:
        where = f"{path}: actor {actor.key!r}"
        for alias in actor.aliases:
            owner = self.alias_owner.setdefault(alias.words, (actor.key, path))
            if owner[0] != actor.key:
                raise LexiconError(
                    f"{where}: alias {alias.text!r} already names {owner[0]!r} ({owner[1]}); "
                    "an alias must name one actor: remove or reword one of them"
                )
        known = into.get(actor.key)
        if known is None:
            into[actor.key] = actor
            return
        if (known.inter, known.country, known.kind) != (actor.inter, actor.country, actor.kind):
            raise LexiconError(
                f"{where}: listed twice with different inter/country/kind: "
                f"{(known.inter, known.country, known.kind)} vs {(actor.inter, actor.country, actor.kind)}"
            )
        extra = tuple(a for a in actor.aliases if a.words not in {k.words for k in known.aliases})
        into[actor.key] = ActorEntry(
            known.name,
            known.inter,
            known.country,
            known.aliases + extra,
            known.kind,
            known.generic,
            known.fighting_name,
        )

    def _add_numbers(self, path: Path, body: dict[str, Any]) -> None:
        _only_keys(path, "the file", body, _NUMBER_KEYS)
        for key in ("units", "tens"):
            for word, value in _as_mapping(path, key, body.get(key, {})).items():
                self.values[parse_term(word, where=f"{path}: {key}").words] = _int_in(
                    path, f"{key} {word!r}", value, 0, 99
                )
        for word, value in _as_mapping(path, "multipliers", body.get("multipliers", {})).items():
            value = _int_in(path, f"multipliers {word!r}", value, 100, 10**12)
            self.multipliers[parse_term(word, where=f"{path}: multipliers").words[0]] = value
        for word in _as_list(path, "joiners", body.get("joiners", [])):
            self.joiners.update(parse_term(word, where=f"{path}: joiners").words)
        for text, value in _as_mapping(path, "vague", body.get("vague", {})).items():
            term = parse_term(text, where=f"{path}: vague")
            self.vague[term.words] = (term, _int_in(path, f"vague {text!r}", value, 0, 10**9))
        for text, reading in _as_mapping(path, "modifiers", body.get("modifiers", {})).items():
            if reading not in MODIFIER_READINGS:
                raise LexiconError(
                    f"{path}: modifiers {text!r}: reading {reading!r} unknown; use one of "
                    f"{', '.join(sorted(MODIFIER_READINGS))}"
                )
            term = parse_term(text, where=f"{path}: modifiers")
            self.modifiers[term.words] = (term, reading)

    def build(self, language: str, version: str, files: tuple[Path, ...]) -> Lexicon:
        for category, where in self.licence_sources.items():
            if category not in self.context:
                raise LexiconError(f"{where}: licensed_by {category!r} is not a category of context.yaml")
        numbers = NumberWords(
            values=MappingProxyType(dict(self.values)),
            multipliers=MappingProxyType(dict(self.multipliers)),
            joiners=frozenset(self.joiners),
            vague=tuple(self.vague.values()),
            modifiers=tuple(self.modifiers.values()),
        )
        return Lexicon(
            language=language,
            triggers=tuple(self.triggers),
            actors=tuple(self.actors.values()),
            generic_actors=tuple(self.generic.values()),
            context=_frozen_terms(self.context),
            history_patterns=tuple(self.patterns),
            numbers=numbers,
            fatalities=_frozen_terms(self.fatalities),
            cues=_frozen_terms(self.cues),
            dates=_frozen(self.dates),
            version=version,
            files=files,
            actor_by_country=MappingProxyType(
                {words: MappingProxyType(dict(r)) for words, r in self.country_readings.items()}
            ),
            state_forces_in=MappingProxyType(dict(self.state_forces_in)),
            actor_by_country_of_actor=MappingProxyType(
                {name: MappingProxyType(dict(r)) for name, r in self.actor_readings.items()}
            ),
        )


def _actor(path: Path, label: str, entry: Any, *, generic: bool) -> ActorEntry:
    where = f"{path}: {label}"
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: expected a mapping with name, inter, kind and aliases")
    name_key = "name_template" if generic else "name"
    name = entry.get(name_key)
    if not isinstance(name, str) or not name.strip():
        raise LexiconError(f"{where}: missing {name_key}; give the ACLED-style actor name")
    where = f"{where} ({name!r})"
    _only_keys(path, where, entry, _GENERIC_KEYS if generic else _ACTOR_KEYS, prefixed=False)
    if generic and "{country}" not in name:
        raise LexiconError(f"{where}: a name_template needs '{{country}}', e.g. 'Civilians ({{country}})'")
    inter = entry.get("inter")
    if isinstance(inter, bool) or not isinstance(inter, int) or not 1 <= inter <= 8:
        raise LexiconError(f"{where}: inter must be an ACLED actor type 1..8, not {inter!r}")
    kind = entry.get("kind")
    if kind not in ACTOR_KINDS:
        raise LexiconError(f"{where}: kind {kind!r} unknown; use one of {', '.join(ACTOR_KINDS)}")
    if ACTOR_KINDS[kind] != inter:
        raise LexiconError(f"{where}: kind {kind!r} is inter {ACTOR_KINDS[kind]}, not {inter}; fix either")
    country = entry.get("country")
    if country is not None and (not isinstance(country, str) or not _ISO2.match(country)):
        raise LexiconError(f"{where}: country must be an ISO 3166-1 alpha-2 code such as 'ML', or null")
    aliases = _term_tuple(where, entry.get("aliases"))
    fighting_name = entry.get("fighting_name")
    if fighting_name is not None and (
        kind != "civilians" or not isinstance(fighting_name, str) or "{country}" not in fighting_name
    ):
        raise LexiconError(
            f"{where}: fighting_name is for civilians who fight as a community, a template with "
            "'{country}' such as 'Farmer Militia ({country})'"
        )
    return ActorEntry(name.strip(), inter, country, aliases, kind, generic, fighting_name)


def _term_tuple(where: str, value: Any) -> tuple[Term, ...]:
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{where}: needs a non-empty list of terms")
    return tuple(parse_term(text, where=f"{where}, term {k + 1}") for k, text in enumerate(value))


def _extend_term_lists(into: dict[str, list[Term]], path: Path, body: dict[str, Any]) -> None:
    for category, value in body.items():
        into.setdefault(str(category), []).extend(_term_tuple(f"{path}: {category}", value))


def _compile_patterns(path: Path, patterns: Any) -> list[re.Pattern[str]]:
    compiled = []
    for k, text in enumerate(_as_list(path, "history_patterns", patterns)):
        try:
            compiled.append(re.compile(str(text)))
        except re.error as exc:
            raise LexiconError(
                f"{path}: history_patterns entry {k + 1} {text!r}: bad regular expression ({exc})"
            ) from None
    return compiled


def _only_keys(
    path: Path, where: str, mapping: dict[str, Any], allowed: Iterable[str], *, prefixed: bool = True
) -> None:
    unknown = sorted(str(k) for k in mapping if k not in allowed and k not in _HEADER_KEYS)
    if unknown:
        label = f"{path}: {where}" if prefixed else where
        allowed_text = ", ".join(sorted(allowed))
        raise LexiconError(f"{label}: unknown key(s) {', '.join(unknown)}; allowed: {allowed_text}")


def _as_list(path: Path, key: str, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise LexiconError(f"{path}: {key} must be a list (lines starting with '- ')")
    return value


def _as_mapping(path: Path, key: str, value: Any) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise LexiconError(f"{path}: {key} must be a mapping (lines 'word: value')")
    return value


def _int_in(path: Path, where: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise LexiconError(f"{path}: {where}: expected a whole number from {low} to {high}, not {value!r}")
    return value


def _deep_merge(into: dict[str, Any], extra: Mapping[str, Any]) -> None:
    # An analyst's dates.yaml adds keys and list items; a scalar it repeats replaces the package's.
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _deep_merge(into[key], value)
        elif isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = into[key] + value
        else:
            into[key] = value


def _frozen_terms(lists: Mapping[str, list[Term]]) -> Mapping[str, tuple[Term, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in lists.items()})


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value
