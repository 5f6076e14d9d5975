"""What deduplication knows about the world, read from the YAML files in `dedup/data`.

`matching.yaml` says which sub-event types can be two readings of one happening, which kinds of actor
there are (by ACLED inter code) and which actor names are vague, with the kind each stands for;
`parties.yaml` says which outlets and claimants are parties to a conflict. Both are
data an analyst can read and change without touching code; they are checked when loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from sitrep.errors import LexiconError
from sitrep.normalize import fold, fold_actor
from sitrep.taxonomy import SUB_EVENT_TYPES

DATA_DIR = Path(__file__).resolve().parent / "data"

#: sub-event types in a fixed order: an event's type is its index here; unknown types get len(...).
SUB_TYPE_ORDER: tuple[str, ...] = tuple(SUB_EVENT_TYPES)
#: ACLED inter codes (0: no actor or unknown; 1 state forces ... 8 external/other forces).
INTER_CODES: tuple[int, ...] = tuple(range(9))


@dataclass(frozen=True)
class TypeMatching:
    """How alike two sub-event types are, as arrays indexed by position in SUB_TYPE_ORDER."""

    #: (k + 1) x (k + 1) scores in 0..1; the last row and column stand for an unknown type (always 0).
    scores: np.ndarray
    #: group number of each type (the unknown type has its own group).
    groups: np.ndarray
    #: folded names of vague actors ("unidentified armed group", "civilians", ...).
    vague_actors: frozenset[str]
    #: kind number (1, 2, ...; 0 unknown) of each ACLED inter code 0..8.
    kind_of_inter: np.ndarray = field(default_factory=lambda: np.zeros(len(INTER_CODES), dtype=np.int8))
    #: kind number of each vague actor (0: compatible with any actor).
    vague_kinds: Mapping[str, int] = field(default_factory=dict)
    #: kind names, by number - 1.
    kind_names: tuple[str, ...] = ()

    def index_of(self, sub_event_type: str | None) -> int:
        try:
            return SUB_TYPE_ORDER.index(sub_event_type or "")
        except ValueError:
            return len(SUB_TYPE_ORDER)

    def actor_kind(self, folded_name: str, inter: int | None) -> int:
        """The kind of an actor (0 unknown): a vague name's from this file, a definite actor's from its
        inter code. Deduplication compares a vague actor only with actors of its kind."""
        if folded_name in self.vague_actors:
            return self.vague_kinds.get(folded_name, 0)
        if isinstance(inter, int) and 0 <= inter < len(self.kind_of_inter):
            return int(self.kind_of_inter[inter])
        return 0


@dataclass(frozen=True)
class Parties:
    """Outlets and claimants that are parties to a conflict (folded phrases)."""

    outlets: tuple[str, ...]
    claimants: tuple[str, ...]

    def is_party_outlet(self, outlet: str | None) -> bool:
        return _contains_phrase(outlet, self.outlets)

    def is_party_claimant(self, claimant: str | None) -> bool:
        return _contains_phrase(claimant, self.claimants)


@lru_cache(maxsize=1 << 16)
def folded(text: str) -> str:
    """`sitrep.normalize.fold`, remembered: outlet, place and actor names repeat across many records."""
    return fold(text)


@lru_cache(maxsize=1 << 16)
def folded_actor(name: str) -> str:
    """`sitrep.normalize.fold_actor`, remembered."""
    return fold_actor(name)


@lru_cache(maxsize=1 << 16)
def _contains_phrase(text: str | None, phrases: tuple[str, ...]) -> bool:
    if not text:
        return False
    padded = f" {fold(text)} "
    return any(f" {phrase} " in padded for phrase in phrases)


@lru_cache(maxsize=4)
def load_type_matching(path: Path = DATA_DIR / "matching.yaml") -> TypeMatching:
    """Read and check `matching.yaml` (cached: the file is package data)."""
    data = _read(path)
    known = len(SUB_TYPE_ORDER)
    groups = np.full(known + 1, -1, dtype=np.int16)
    for number, (name, members) in enumerate(_mapping(data, "groups", path).items()):
        for sub in _type_list(members, f"group {name!r}", path):
            if groups[SUB_TYPE_ORDER.index(sub)] >= 0:
                raise LexiconError(f"{path}: {sub!r} is in two groups; put each sub-event type in one group")
            groups[SUB_TYPE_ORDER.index(sub)] = number
    missing = [sub for sub, group in zip(SUB_TYPE_ORDER, groups, strict=False) if group < 0]
    if missing:
        raise LexiconError(f"{path}: no group for {', '.join(missing)}; add them under 'groups'")
    groups[known] = groups.max() + 1
    scores = _base_scores(data, groups, path)
    for entry in data.get("pairs") or ():
        a, b, value = _pair(entry, path)
        if groups[a] != groups[b]:
            raise LexiconError(
                f"{path}: pair {entry!r} joins two groups; put both types in one group or drop the pair"
            )
        scores[a, b] = scores[b, a] = value
    kind_names, kind_of_inter = _actor_kinds(data, path)
    vague_kinds = _vague_kinds(data, kind_names, path)
    return TypeMatching(
        scores=scores,
        groups=groups,
        vague_actors=frozenset(vague_kinds),
        kind_of_inter=kind_of_inter,
        vague_kinds=vague_kinds,
        kind_names=kind_names,
    )


def _actor_kinds(data: dict[str, Any], path: Path) -> tuple[tuple[str, ...], np.ndarray]:
    """Kind names, and the kind number (1-based; 0 unknown) of every inter code."""
    kinds = _mapping(data, "actor_kinds", path)
    kind_of_inter = np.zeros(len(INTER_CODES), dtype=np.int8)
    for number, (name, codes) in enumerate(kinds.items(), start=1):
        if not isinstance(codes, list) or not all(isinstance(c, int) and c in INTER_CODES[1:] for c in codes):
            raise LexiconError(f"{path}: actor kind {name!r} must list ACLED inter codes from 1 to 8")
        for code in codes:
            if kind_of_inter[code]:
                raise LexiconError(f"{path}: inter code {code} is in two actor kinds; keep it in one")
            kind_of_inter[code] = number
    return tuple(str(name) for name in kinds), kind_of_inter


def _vague_kinds(data: dict[str, Any], kind_names: tuple[str, ...], path: Path) -> dict[str, int]:
    vague = data.get("vague_actors") or {}
    if not isinstance(vague, dict):
        raise LexiconError(f"{path}: 'vague_actors' must map each vague actor name to its kind (or null)")
    found: dict[str, int] = {}
    for name, kind in vague.items():
        if kind is not None and kind not in kind_names:
            raise LexiconError(
                f"{path}: vague actor {name!r} has kind {kind!r}; use one of {', '.join(kind_names)} or null"
            )
        found[fold(str(name))] = kind_names.index(kind) + 1 if kind is not None else 0
    return found


def _base_scores(data: dict[str, Any], groups: np.ndarray, path: Path) -> np.ndarray:
    known = len(SUB_TYPE_ORDER)
    same_sub, same_type, same_group = (
        _score(data.get(key), key, path) for key in ("same_sub_event_type", "same_event_type", "same_group")
    )
    scores = np.zeros((known + 1, known + 1), dtype=np.float64)
    for a, sub_a in enumerate(SUB_TYPE_ORDER):
        for b, sub_b in enumerate(SUB_TYPE_ORDER):
            if a == b:
                scores[a, b] = same_sub
            elif SUB_EVENT_TYPES[sub_a] == SUB_EVENT_TYPES[sub_b] and groups[a] == groups[b]:
                scores[a, b] = same_type
            elif groups[a] == groups[b]:
                scores[a, b] = same_group
    return scores


@lru_cache(maxsize=4)
def load_parties(path: Path = DATA_DIR / "parties.yaml") -> Parties:
    """Read `parties.yaml` (cached: the file is package data)."""
    data = _read(path)
    outlets = tuple(fold(str(x)) for x in data.get("outlets") or () if fold(str(x)))
    claimants = tuple(fold(str(x)) for x in data.get("claimants") or () if fold(str(x)))
    return Parties(outlets=outlets, claimants=claimants)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise LexiconError(f"{path}: cannot be read as YAML ({err}); fix or restore the file") from err
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top of the file")
    return data


def _mapping(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise LexiconError(f"{path}: {key!r} must be a non-empty mapping")
    return value


def _type_list(value: Any, where: str, path: Path) -> list[str]:
    if not isinstance(value, list):
        raise LexiconError(f"{path}: {where} must be a list of sub-event types")
    for sub in value:
        if sub not in SUB_EVENT_TYPES:
            raise LexiconError(f"{path}: {where}: unknown sub-event type {sub!r}; spell it as ACLED does")
    return value


def _score(value: Any, where: str, path: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise LexiconError(f"{path}: {where} must be a number from 0 to 1, not {value!r}")
    return float(value)


def _pair(entry: Any, path: Path) -> tuple[int, int, float]:
    if not isinstance(entry, list) or len(entry) != 3:
        raise LexiconError(f"{path}: pair {entry!r} must be [sub-event type, sub-event type, score]")
    a, b = _type_list(entry[:2], f"pair {entry!r}", path)
    return SUB_TYPE_ORDER.index(a), SUB_TYPE_ORDER.index(b), _score(entry[2], f"pair {entry!r}", path)
