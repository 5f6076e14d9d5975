"""Claimants: the noun phrase that names who says so, the speaker of a quotation, and its kind.

Names are read from the parse, clipped to the unit (sitrep.events.scope), and read word by word
where the parse cuts them ("l'état" | "-major général des armées").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.events.reading import Reading
from sitrep.events.scope import PERSONAL_PRONOUNS, SENTENCE_END, Layout, lemma
from sitrep.lexicons import Lexicon
from sitrep.nlp.terms import TermMatcher
from sitrep.normalize import fold

_MAX_CLAIMANT_TOKENS = 16
_CLAUSE_WORDS = frozenset({"qui", "que", "qu", "dont", "lequel", "laquelle", "lesquels", "lesquelles"})
_NEGATIVE_DETS = frozenset({"aucun", "aucune", "nul", "nulle"})
_DE = frozenset({"de", "d'", "d’", "du", "des"})
_DE_WORDS = frozenset({"de", "d", "du", "des"})
_NAME_POS = frozenset({"DET", "NOUN", "PROPN", "ADJ"})
_SPEAKER_WINDOW = 4


@dataclass(frozen=True)
class Words:
    """The lemma lists of cues.yaml that attribution reads as plain word sets."""

    carriers: frozenset[str]
    #: carriers that are an attribution by themselves when nobody is named ("selon un communiqué").
    documents: frozenset[str]
    not_sources: frozenset[str]
    speech: TermMatcher[str]

    @classmethod
    def of(cls, lexicon: Lexicon) -> Words:
        cues = lexicon.cues

        def words(category: str) -> frozenset[str]:
            return frozenset(" ".join(t.words) for t in cues.get(category, ()))

        speech = TermMatcher(
            (t.words, "speech") for c in ("attribution_verb", "speech_verb") for t in cues.get(c, ())
        )
        return cls(words("claim_carrier"), words("claim_document"), words("not_source"), speech)


def noun_phrase(head: Token, unit: Span, words: Words) -> Span | None:
    """A claimant's noun phrase around `head`, within `unit`: its determiners and modifiers, a
    bracketed acronym after it, not the clause after it; the owner of a carrier ("un communiqué
    de l'état-major" -> "l'état-major"), None for pronouns and things that name nobody."""
    if not (unit.start <= head.i < unit.end):
        return None
    if lemma(head) in words.carriers:
        owner = next((c for c in head.children if c.dep_ == "nmod" and _case_of(c) in _DE), None)
        if owner is not None and unit.start <= owner.i < unit.end:
            return noun_phrase(owner, unit, words)
        return None
    # A real pronoun takes no determiner: "Les shebab", tagged PRON by the model, is a group.
    pronoun = head.pos_ == "PRON" and not any(c.dep_ == "det" for c in head.children)
    if pronoun or lemma(head) in words.not_sources:
        return None
    if any(c.dep_ == "det" and fold(c.text) in _NEGATIVE_DETS for c in head.children):
        return None  # "aucune source officielle" names nobody
    doc = head.doc
    subtree = {t.i for t in head.subtree}
    start = head.i
    while start - 1 in subtree and start - 1 >= unit.start and _joins(doc[start - 1], before=True):
        start -= 1
    while start < head.i and doc[start].dep_ == "case":
        start += 1  # "par ses ex-compagnons": the source is what follows the preposition
    start = _linear_start(doc, start, unit)
    end = head.i + 1
    while end < unit.end and end - start < _MAX_CLAIMANT_TOKENS:
        tok = doc[end]
        if end not in subtree or not _joins(tok, before=False):
            break
        end += 1
    end = max(end, _linear_end(doc, head.i, start, unit))
    end = _bracketed_acronym(doc, end, unit)
    return doc[start:end]


def _linear_start(doc: Doc, start: int, unit: Span) -> int:
    """Where a name starts when the parse cut it at a hyphen ("L'état" | "-major général"): the
    pieces glued before it, and the article glued to the first ("L'")."""
    moved = False
    while (
        start - 1 >= unit.start
        and not doc[start - 1].whitespace_
        and "-" in (doc[start].text, doc[start - 1].text)
    ):
        start, moved = start - 1, True
    if moved and start - 1 >= unit.start and not doc[start - 1].whitespace_:
        if doc[start - 1].text.endswith(("'", "’")):
            start -= 1
    return start


def _linear_end(doc: Doc, head: int, start: int, unit: Span) -> int:
    """Where a name ends read word by word, for when the parse cuts it ("l'état" | "-major général
    des armées"): hyphenated pieces, adjectives, nouns and "de" complements."""
    i = head + 1
    while i < unit.end and i - start < _MAX_CLAIMANT_TOKENS:
        tok, before = doc[i], doc[i - 1]
        glued = not before.whitespace_
        if tok.text in ("-", "'", "’") and glued and tok.whitespace_ == "":
            i += 1
        elif glued and before.text in ("-", "'", "’"):
            i += 1
        elif tok.pos_ in ("ADJ", "NOUN", "PROPN") and not tok.is_punct and fold(before.text) not in ("", ","):
            i += 1
        elif fold(tok.text) in _DE_WORDS and i + 1 < unit.end and doc[i + 1].pos_ in _NAME_POS:
            i += 1
        elif tok.pos_ == "DET" and fold(before.text) in _DE_WORDS:
            i += 1
        else:
            break
    while i > head + 1 and (doc[i - 1].pos_ in ("ADP", "DET") or doc[i - 1].is_punct):
        i -= 1
    return i


def _joins(tok: Token, *, before: bool) -> bool:
    """Whether a token of the head's subtree still belongs to the name."""
    if tok.is_space or "\n" in tok.whitespace_:
        return False
    if tok.is_punct:
        # "état-major", "al-Cham": a hyphen or apostrophe inside a word, not a comma.
        doc = tok.doc
        glued = not tok.whitespace_ and tok.i > 0 and not doc[tok.i - 1].whitespace_
        return glued and tok.text in ("-", "'", "’")
    if before:
        return tok.pos_ not in ("VERB", "AUX")
    if fold(tok.text) in _CLAUSE_WORDS or tok.pos_ == "AUX":
        return False
    # "la coalition dirigée par l'Arabie saoudite", "les Nations unies": a participle with no
    # auxiliary still describes the name; a finite verb starts a clause.
    return tok.pos_ != "VERB" or (
        "Part" in tok.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in tok.children)
    )


def _bracketed_acronym(doc: Doc, end: int, unit: Span) -> int:
    """ "l'Observatoire syrien des droits de l'homme (OSDH)": keep the acronym the text gives."""
    if end + 2 < unit.end and doc[end].text == "(" and doc[end + 2].text == ")":
        inner = doc[end + 1].text
        if inner[:1].isupper() and len(inner) <= 10:
            return end + 3
    return end


def _case_of(tok: Token) -> str:
    return next((c.lower_ for c in tok.children if c.dep_ == "case"), "")


def phrase_after(cue: Span, unit: Span, words: Words) -> Span | None:
    """The source named after "selon" / "d'après" / "de source(s)": up to the next comma or verb.

    A carrier ("selon des informations relayées par des médias d'opposition") gives way to whoever
    relays or issues it; a carrier with nobody behind it names no source.
    """
    doc = cue.doc
    start = cue.end
    if fold(cue[-1].text) in ("source", "sources"):
        start = cue.end - 1  # "de source sécuritaire": the source is the "source sécuritaire"
    while start < unit.end and doc[start].pos_ == "ADP" and fold(doc[start].text) in ("de", "d", "aupres"):
        start += 1  # "a-t-on appris de sources concordantes", "auprès de l'armée"
    end = start
    while end < unit.end and end - start < _MAX_CLAIMANT_TOKENS:
        tok = doc[end]
        if (tok.is_punct and not _joins(tok, before=False)) or tok.pos_ in ("VERB", "AUX"):
            break
        if fold(tok.text) in _CLAUSE_WORDS or "\n" in tok.whitespace_:
            break
        end += 1
    while end > start and doc[end - 1].pos_ in ("ADV", "ADP", "DET", "CCONJ"):
        end -= 1  # "selon des sources locales non confirmées": not the "non"
    if end <= start:
        return None
    phrase = doc[start:end]
    root = phrase_root(phrase)
    if root.pos_ == "PRON":
        # "selon lui": someone named before; the caller follows it back
        return doc[root.i : root.i + 1] if fold(root.text) in PERSONAL_PRONOUNS else None
    if lemma(root) in words.not_sources:
        return None
    if lemma(root) in words.carriers:
        issuer = _issuer(phrase, unit, words)
        if issuer is None and lemma(root) in words.documents:
            return phrase  # "selon un communiqué publié lundi": attributed, to a document
        return issuer
    return doc[start : _bracketed_acronym(doc, end, unit)]


def phrase_root(phrase: Span) -> Token:
    """The first noun of a short phrase (the model's span root may sit outside it)."""
    return next((t for t in phrase if t.pos_ in ("NOUN", "PROPN", "PRON")), phrase.root)


def _issuer(phrase: Span, unit: Span, words: Words) -> Span | None:
    """Who issued a carrier: its owner ("le communiqué de l'armée") or the agent of a participle
    right after it ("des messages diffusés par des habitants", "un bilan, communiqué mardi par des
    sources locales,")."""
    root = phrase_root(phrase)
    owner = noun_phrase(root, unit, words)
    if owner is not None and owner.root.i != root.i:
        return owner
    doc = phrase.doc
    for i in range(root.i + 1, min(unit.end, root.i + 8)):
        if fold(doc[i].text) == "par" and i + 1 < unit.end:
            head = next((t for t in doc[i + 1 : unit.end] if t.pos_ in ("NOUN", "PROPN")), None)
            if head is not None:
                return noun_phrase(head, unit, words) or doc[head.i : head.i + 1]
        if doc[i].is_punct and not (
            doc[i].text == ","
            and i + 1 < unit.end
            and doc[i + 1].dep_ == "acl"
            and doc[i + 1].head.i == root.i
        ):
            break
    return None


def subject_of(verb: Token, unit: Span, words: Words) -> Span | None:
    """The subject of a verb, within the unit. When the model hung it outside the unit (it runs a
    headline into the lede), the noun phrase that opens the unit before the verb stands in."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not subjects:
        # "Le GSIM, affilié à Al-Qaïda, a revendiqué": the model may give the subject to the
        # participle set between commas; it is the verb's.
        subjects = [
            s
            for c in verb.children
            if c.dep_ in ("advcl", "acl") and c.i < verb.i
            for s in c.children
            if s.dep_ == "nsubj" and s.i < c.i
        ]
    inside = [c for c in subjects if unit.start <= c.i < unit.end]
    if inside:
        return noun_phrase(inside[0], unit, words)
    if subjects or verb.i >= unit.end:
        return None
    doc = verb.doc
    # after a headline's "Mali :" or a dateline's "GAO (AFP) -" (a dash with a space after it, not
    # the hyphen of "Al-Qaïda")
    start = max(
        (
            t.i + 1
            for t in doc[unit.start : verb.i]
            if t.text == ":" or (t.text in ("-", "–", "—") and t.whitespace_)
        ),
        default=unit.start,
    )
    opening = doc[start : verb.i]
    if not len(opening) or opening[0].pos_ in ("VERB", "AUX", "ADP") or opening[0].text == ",":
        return None
    head = next((t for t in opening if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None or any(t.pos_ == "VERB" for t in opening):
        return None
    end = next((t.i for t in opening if t.pos_ == "AUX" or t.text == ","), verb.i)
    if end <= head.i:
        return None
    if lemma(head) in words.carriers:
        # "Un premier bilan, communiqué par des sources locales, faisait état de": who gave it
        issuer = _issuer(doc[start:end], unit, words)
        return issuer if issuer is not None or lemma(head) not in words.documents else doc[start:end]
    return doc[start:end]


#: How many words after a passive verb its agent ("par …") may still come.
_AGENT_REACH = 10


def agent_of(verb: Token, unit: Span, words: Words) -> Span | None:
    """ "revendiqué par l'EIGS", "confirmée par ses ex-compagnons": the agent of a passive verb."""
    for child in verb.children:
        if child.dep_ == "obl:agent" and unit.start <= child.i < unit.end:
            return noun_phrase(child, unit, words)
    passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children)
    if passive:
        for child in verb.children:
            # "revendiquée mardi par l'EIGS": the model may hang the agent as a modifier after a date
            if (
                child.dep_ in ("obl:mod", "obl")
                and verb.i < child.i < unit.end
                and any(c.dep_ == "case" and fold(c.text) == "par" for c in child.children)
            ):
                return noun_phrase(child, unit, words)
    # The first "par" of the clause after a passive verb, however the model hangs it ("revendiquée le soir
    # même sur les réseaux sociaux par les ADF"); after an active verb, only right after it: further on it
    # is a means ("a revendiqué l'attaque par son organe de propagande").
    return _par_phrase(verb, unit, words, reach=_AGENT_REACH if passive else 2)


def _par_phrase(verb: Token, unit: Span, words: Words, *, reach: int) -> Span | None:
    doc = verb.doc
    for i in range(verb.i + 1, min(unit.end, verb.i + reach)):
        # (not past another verb: "dans un communiqué authentifié par SITE" names who relayed it)
        if doc[i].text in (",", ";", ":") or fold(doc[i].text) == "qui" or doc[i].pos_ in ("VERB", "AUX"):
            break
        if fold(doc[i].text) == "par":
            head = next((t for t in doc[i + 1 : unit.end] if t.pos_ in ("NOUN", "PROPN")), None)
            return noun_phrase(head, unit, words) if head is not None else None
    return None


def inverted_speaker(
    cue: Span, unit: Span, words: Words, dated: frozenset[int] = frozenset(), *, relative: bool = False
) -> Span | None:
    """ "..., a annoncé le gouverneur.": in an incise the speaker follows the verb of the cue. The
    model often parses it as the object, or hangs it elsewhere; then the first noun phrase after the
    cue that no preposition introduces (and that is not a date) is the speaker. The cue's own words
    are never the speaker ("faisait état de": "état" is the verb's object). `relative`: the verb
    ends "C'est ce qu'a annoncé le gouverneur", where the speaker follows it too."""
    verb, doc = cue.root, cue.doc
    if not relative and not is_incise(verb, unit):
        return None
    child = None if relative else next(
        (
            c
            for c in verb.children
            if c.dep_ in ("obj", "nsubj") and max(verb.i, cue.end - 1) < c.i < unit.end and c.i not in dated
        ),
        None,
    )
    if child is not None and child.pos_ in ("NOUN", "PROPN"):
        return noun_phrase(child, unit, words)
    i, end = max(verb.i, cue.end - 1) + 1, unit.end
    after_complement = -1
    while i < end:
        tok = doc[i]
        if tok.text in SENTENCE_END or tok.text == ",":
            break
        if fold(tok.text) == "des" and (i - 1 == verb.i or i - 1 in dated or i == after_complement):
            # "ont indiqué jeudi des responsables", "ont indiqué à Radio Kledu des notables": the
            # article, whatever the tagger says
            i += 1
            continue
        if tok.pos_ == "ADP":  # "à notre correspondant", "dans un communiqué": skip the complement
            i += 1
            while i < end and doc[i].pos_ in ("DET", "ADJ", "NUM"):
                i += 1
            if i < end and doc[i].pos_ == "PROPN":
                # "à Radio Fleuve Niger": the whole name, its capitalised words however tagged
                while i < end and (doc[i].pos_ == "PROPN" or (doc[i].is_title and doc[i].is_alpha)):
                    i += 1
            else:
                i += 1
            after_complement = i
            continue
        if tok.pos_ in ("NOUN", "PROPN") and i not in dated:
            return noun_phrase(tok, unit, words) or doc[i : i + 1]
        i += 1
    return None


def is_incise(verb: Token, unit: Span) -> bool:
    """ "..., a annoncé X", "», a-t-il déclaré": the verb follows a comma or a closing quote with
    only its auxiliary, adverbs or "-t-il" in between."""
    i = verb.i - 1
    while i >= unit.start and verb.doc[i].pos_ in ("AUX", "ADV", "PRON") and verb.i - i <= 4:
        if "Rel" in verb.doc[i].morph.get("PronType"):
            return False  # "..., selon des habitants, qui évoquent des jets de pierres": a relative clause
        i -= 1
    return i >= unit.start and verb.doc[i].text in (",", "»", "”")


def speaker_of_quote(layout: Layout, quote: tuple[int, int], words: Words) -> tuple[Span | None, Span | None]:
    """(speech verb, speaker) of a quotation: "« ... », a déclaré X" or "X a déclaré : « ... »".

    The speaker is None when it is a pronoun ("a-t-il déclaré"); the caller follows it back.
    """
    doc = layout.doc
    start, end = quote
    after_unit = layout.span(layout.unit_of(end))
    window = doc[end : min(after_unit.end, end + _SPEAKER_WINDOW + 2)]
    for match in words.speech.find(window):
        verb = match.span.root
        speaker = inverted_speaker(match.span, after_unit, words, layout.dated)
        return match.span, speaker or subject_of(verb, after_unit, words)
    before_unit = layout.span(layout.unit_of(start - 1))
    window = doc[max(before_unit.start, start - 1 - 2 * _SPEAKER_WINDOW) : start - 1]
    for match in reversed(words.speech.find(window)):
        verb = match.span.root
        speaker = subject_of(verb, before_unit, words)
        return match.span, speaker or inverted_speaker(match.span, before_unit, words, layout.dated)
    return None, None


# ----------------------------------------------------------------------------- claimant types

#: Checked in this order on a tie: the first kind with a term of the same length wins.
CLAIMANT_KINDS = ("international", "government", "media", "local", "anonymous")
#: ACLED inter codes of parties to a conflict other than the state: rebels, militias, external forces.
_PARTY_INTERS = frozenset({2, 3, 4, 8})


class ClaimantKinds:
    """The `claimant_type` of a claim, from the claimant's words (cues.yaml `claimant_*` lists)."""

    def __init__(self, lexicon: Lexicon):
        self._matcher: TermMatcher[str] = TermMatcher(
            (t.words, kind) for kind in CLAIMANT_KINDS for t in lexicon.cues.get(f"claimant_{kind}", ())
        )

    def kind(self, reading: Reading, claimant: Span | None, *, responsibility: bool = False) -> str:
        """party for a claim of responsibility; else the kind of the head word ("un proche d'un
        commandant"), an armed group named in the claimant ("un porte-parole du M23"), the longest
        kind term in it; anonymous when nothing in it says who."""
        if responsibility:
            return "party"
        if claimant is None:
            return "anonymous"
        matches = sorted(
            self._matcher.find(claimant, overlapping=True),
            key=lambda m: (-m.words, CLAIMANT_KINDS.index(m.payload)),
        )
        head = phrase_root(claimant)
        on_head = [m for m in matches if m.span.start <= head.i < m.span.end]
        if on_head and on_head[0].payload != "anonymous":
            return on_head[0].payload
        for spans in reading.actors.values():
            for span in spans:
                inter = int(span.kb_id_.split("|")[0])
                if span.start < claimant.end and claimant.start < span.end and inter in _PARTY_INTERS:
                    return "party"
        if matches:
            return matches[0].payload
        if len(claimant) <= 2 and any(
            p.start <= head.i < p.end for spans in reading.places.values() for p in spans
        ):
            return "government"  # "selon Kinshasa", "Ankara affirme": a capital speaks for its state
        return "anonymous"
