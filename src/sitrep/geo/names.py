"""Normalised look-up keys for place names.

The press writes the same place many ways: French transliteration (Mossoul, Kirkouk, Deir ez-Zor), English
transliteration (Mosul, Kirkuk, Dayr az Zawr), with or without the Arabic article, with doubled or single
letters. `name_key` maps such spellings onto one skeleton so an exact index look-up finds them all. The rules
below are applied identically to gazetteer names and to text, so a rule only has to be *consistent*, not
linguistically exact; each rule trades a little precision (two real names may share a key) for recall, and
the resolver's country hints and priors settle the rare collision.

Exonyms that no spelling rule can reach (Alep/Aleppo, Tombouctou/Timbuktu, Damas/Damascus) are data, in
geo/data/exonyms.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.normalize import fold

# French articles only lead a name ("Le Caire", "La Paz", "L'Aquila"); elsewhere they are part of it.
_FRENCH_LEADING_ARTICLES = frozenset({"le", "la", "les", "l"})

# Arabic article "al" as transliterated: assimilated to the next consonant (ad-, ash-, az-, ...) and written
# with a, e or nothing ("Deir ez-Zor", "Dayr az Zawr", "Ech Chaddadi"). Names cite it inconsistently, so it
# never carries information: drop it wherever it stands before another word.
_ARABIC_ARTICLES = frozenset("al el ad ed ash ech esh as es az ez an en ar er at et ath adh".split())

# "Deir Ezzor", "Tell Abyad Arraqqa": the article glued to a word whose first consonant it doubled. Only for
# the sun letters that assimilate the article, and never on the first word (where "Ennedi", "Assamaka" are
# whole names).
_GLUED_ARTICLE = re.compile(r"^[ae]([tdrzsn])(?=\1[a-z]{2})")

# "Abou Kamal", "Abu Kamal" and the Maghreb "Boukamal" / "Al-Boukamal" are one name: "abu" as a word is "bu".
_ABU = frozenset({"abu", "abou", "abo"})

_DOUBLED = re.compile(r"([a-z])\1+")

# Digraph and letter rules, applied in this order to the folded text (see the module docstring).
_LETTER_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # French "ou" is the English "u"/"w": Ouagadougou = Wagadugu, Mossoul = Mosul, Baqouba = Baquba.
    (re.compile(r"ou"), "u"),
    # "Tchad"/"Chad", "Tsh-" (Bantu names): one sound, write it "ch".
    (re.compile(r"t(?:ch|sh)"), "ch"),
    # English "sh" is French "ch" (Shaddadi/Chaddadi): keep "ch", distinct from plain "s" (Arabic sin/shin).
    (re.compile(r"sh"), "ch"),
    # French "dj" is English "j": Djibo = Jibo, Djebel = Jebel, N'Djamena = Ndjamena = Njamena.
    (re.compile(r"dj"), "j"),
    # Arabic kha, ghayn, dhal, tha are written with or without their "h": Khartoum/Hartum, Ghouta/Guta.
    (re.compile(r"kh"), "h"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"th"), "t"),
    (re.compile(r"ph"), "f"),
    # Arabic qaf is q, k or ck: Raqqa = Rakka, Iraq = Irak.
    (re.compile(r"q|ck"), "k"),
    # A hard "c" (not before e, i, y, h) is a "k": Tombouctou = Tombouktou, Casbah = Kasbah.
    (re.compile(r"c(?![eiyh])"), "k"),
    # English w/y are the vowels u/i of French spellings: Wagadugu, Dayr = Dair.
    (re.compile(r"w"), "u"),
    (re.compile(r"y"), "i"),
    # A final "h" after a vowel is the silent ta marbuta: Raqqah = Raqqa, Fallujah = Falluja.
    (re.compile(r"(?<=[aeiou])h\b"), ""),
    # Diphthongs written ay/ai/ei/e: Dayr = Deir = Der; Zawr = Zor = Zour.
    (re.compile(r"[ae]i"), "e"),
    (re.compile(r"au"), "o"),
    # Vowel quality is the least stable part of transliteration: o/u and e/i alternate freely
    # (Zor/Zour, Idleb/Idlib, Deir/Dir). Collapse each pair.
    (re.compile(r"o"), "u"),
    (re.compile(r"e"), "i"),
    # Doubled letters are written or not (Falloujah/Fallujah, Mayadeen/Mayadine): keep one.
    (_DOUBLED, r"\1"),
)

# French writes a silent final "e" that English spellings lack (Mayadine/Mayadin). Only on longer words, so
# short names such as "Diré" keep their vowel.
_SILENT_FINAL_E = re.compile(r"(?<=[^aeiou])e$")
_SILENT_E_MIN_LENGTH = 6


def _strip_articles(tokens: list[str]) -> list[str]:
    if len(tokens) > 1 and tokens[0] in _FRENCH_LEADING_ARTICLES:
        tokens = tokens[1:]
    kept: list[str] = []
    for i, token in enumerate(tokens):
        if token in _ARABIC_ARTICLES and i < len(tokens) - 1:
            continue
        if i > 0 and kept:
            token = _GLUED_ARTICLE.sub("", token)
        kept.append(token)
    return kept or tokens


@lru_cache(maxsize=262_144)  # words repeat across names (Kafr, Tall, Deir, Ouro, Bougou...)
def _token_skeleton(token: str) -> str:
    if token in _ABU:
        return "bu"
    if len(token) >= _SILENT_E_MIN_LENGTH:
        token = _SILENT_FINAL_E.sub("", token)
    for pattern, replacement in _LETTER_RULES:
        token = pattern.sub(replacement, token)
    return token


# Memoised because a build keys about a million names, many repeated (the same alternate name on many
# places), and the text side asks for the same few hundred names over and over. A pure function of its
# argument, so the cache can never be stale.
@lru_cache(maxsize=262_144)
def name_key(name: str) -> str:
    """The normalised look-up key of a place name ("" when the name has no Latin letters or digits).

    >>> name_key("Deir ez-Zor") == name_key("Dayr az Zawr") == name_key("Deir Ezzor")
    True
    """
    return folded_key(fold(name))


def folded_key(folded: str) -> str:
    """`name_key` of a name already folded (`sitrep.normalize.fold`), for callers that fold it anyway."""
    tokens = folded.split()
    if not tokens:
        return ""
    return " ".join(_token_skeleton(t) for t in _strip_articles(tokens))


def keys_of(key: str) -> tuple[str, ...]:
    """A key and, when different, its compact form (see `name_keys`)."""
    if not key:
        return ()
    # Joining the words may double a letter ("Rufā‘a": "rufa a" -> "rufaa"), which the text may write once.
    compact = _DOUBLED.sub(r"\1", key.replace(" ", ""))
    return (key,) if compact == key else (key, compact)


def name_keys(name: str) -> tuple[str, ...]:
    """The keys a name is indexed and looked up under: its key, plus the key without spaces when different.

    The compact form catches spellings that split or join words differently: "N'Djamena"/"Ndjamena",
    "Deir ez Zor"/"Deirezzor" after the article is gone, "Al-Boukamal"/"Abou Kamal".
    """
    return keys_of(name_key(name))
