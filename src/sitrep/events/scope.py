"""Where words stand, for factuality: sentences, quotations and clauses.

A cue bears on the events in its scope. The French model's parse gives the clauses, but every walk
over it is clipped to the orthographic sentence (a "unit": up to a full stop or a line break),
because the model often runs a headline into the lede and hangs words of one sentence on the
other; where the parse is broken, short linear rules take over (a relative clause between
commas, the main verbs of a sentence whose words hang outside it).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from sitrep.events.reading import Reading
from sitrep.nlp.components import CUES
from sitrep.normalize import fold

#: Pronouns that stand for a source named before ("selon lui", "a-t-il déclaré").
PERSONAL_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "lui", "eux"})
SENTENCE_END = frozenset({".", "!", "?", "…"})
_OPENING = {"«": "»", "“": "”", "‹": "›"}
_NEGATORS = frozenset({"ne", "n", "pas", "jamais", "nullement", "point"})
_NEGATIVE_DETS = frozenset({"aucun", "aucune", "nul", "nulle"})
_RELATIVES = frozenset({"qui", "que", "qu", "dont", "ou"})
#: Dependencies that leave the trigger's own clause: a cue above them does not bear on it.
CLAUSE_EXITS = frozenset({"acl:relcl", "parataxis", "appos", "dislocated"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj"})
_ARGUMENTS = frozenset({"obj", "xcomp", "ccomp", "obl:arg", "iobj", "nsubj:pass"})
MAX_HOPS = 6
#: A quotation shorter than this, without a verb, is a scare quote (« neutralisés »), not speech.
_MIN_QUOTE_TOKENS = 5


@dataclass(frozen=True)
class Layout:
    """An article cut into orthographic sentences (units), paragraphs and quotations.

    A unit ends at a full stop (or "!", "?", "…") or a line break, whatever the parser
    thought; a paragraph ends at a line break.
    """

    doc: Doc
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    paragraph: tuple[int, ...]
    headline: frozenset[int]
    #: (first token inside, token after the last inside) of each quotation.
    quotes: tuple[tuple[int, int], ...]
    #: tokens inside a date expression ("lundi", "dans la nuit de samedi à dimanche").
    dated: frozenset[int]
    #: unit -> the cue spans (sitrep_cues) that start in it.
    cue_index: Mapping[int, tuple[Span, ...]]

    @classmethod
    def of(cls, reading: Reading) -> Layout:
        doc = reading.doc
        texts = [t.text for t in doc]
        starts, ends, paragraph = _units(texts, [t.whitespace_ for t in doc], [t.is_space for t in doc])
        headline = frozenset(
            i for i, p in enumerate(paragraph) if p == 0 and reading.sentences and reading.is_headline(0)
        )
        dated = set()
        for mention in reading.dates:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            dated.update(range(span.start, span.end) if span is not None else ())
        index: dict[int, list[Span]] = {}
        for cue in doc.spans[CUES]:
            index.setdefault(max(0, bisect_right(starts, cue.start) - 1), []).append(cue)
        return cls(
            doc,
            tuple(starts),
            tuple(ends),
            tuple(paragraph),
            headline,
            _quotations(texts),
            frozenset(dated),
            MappingProxyType({unit: tuple(cues) for unit, cues in index.items()}),
        )

    def cues(self, unit: int, *labels: str) -> list[Span]:
        """The cues of one unit with any of these labels (cues.yaml categories)."""
        return [c for c in self.cue_index.get(unit, ()) if c.label_ in labels]

    def triggers_in(self, reading: Reading, unit: int) -> list[Span]:
        span = self.span(unit)
        return [t for spans in reading.triggers.values() for t in spans if span.start <= t.start < span.end]

    def unit_of(self, i: int) -> int:
        return max(0, bisect_right(self.starts, i) - 1)

    def span(self, unit: int) -> Span:
        return self.doc[self.starts[unit] : self.ends[unit]]

    def quote_of(self, i: int) -> tuple[int, int] | None:
        """The quotation token i is in, when it is speech (long enough, or with a verb)."""
        for start, end in self.quotes:
            if start <= i < end:
                words = [t for t in self.doc[start:end] if not t.is_punct]
                if len(words) >= _MIN_QUOTE_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in words):
                    return start, end
        return None

    def body_units(self) -> range:
        return range(len(self.headline), len(self.starts))


def _units(texts: list[str], spaces: list[str], blank: list[bool]) -> tuple[list[int], list[int], list[int]]:
    """(starts, ends, paragraph) of the orthographic sentences of a token stream."""
    starts: list[int] = []
    ends: list[int] = []
    paragraph: list[int] = []
    start, par = None, 0
    for i, text in enumerate(texts):
        if blank[i]:
            if start is not None:
                starts.append(start), ends.append(i), paragraph.append(par)
                start = None
            par += "\n" in text
            continue
        if start is None:
            start = i
        line_break = "\n" in spaces[i]
        if line_break or _ends_sentence(text, texts[i + 1] if i + 1 < len(texts) else None):
            starts.append(start), ends.append(i + 1), paragraph.append(par)
            start = None
            par += line_break
    if start is not None:
        starts.append(start), ends.append(len(texts)), paragraph.append(par)
    return starts, ends, paragraph


def _ends_sentence(text: str, following: str | None) -> bool:
    if text not in SENTENCE_END:
        return False
    # "... sur le coup. » a raconté": the closing quote still belongs to the sentence.
    return following is None or not (following in ("»", "”", '"') or following[:1].islower())


def _quotations(texts: list[str]) -> tuple[tuple[int, int], ...]:
    found, open_at, closer, straight = [], None, None, None
    for i, text in enumerate(texts):
        if open_at is None and text in _OPENING:
            open_at, closer = i, _OPENING[text]
        elif open_at is not None and text == closer:
            found.append((open_at + 1, i))
            open_at = None
        elif text == '"':
            if straight is None:
                straight = i
            else:
                found.append((straight + 1, i))
                straight = None
    return tuple(found)


# ----------------------------------------------------------------------------- parse


def own_reporter(who: Span) -> bool:
    """ "a constaté notre correspondant", "nos journalistes ont vu": the outlet itself, not a source."""
    return fold(who[0].text) in ("notre", "nos")


def lemma(tok: Token) -> str:
    return fold(tok.lemma_) or fold(tok.text)


def finite(tok: Token) -> bool:
    """A verb that heads its own clause: finite, or a participle with its auxiliary."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if "Fin" in tok.morph.get("VerbForm"):
        return True
    return any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in tok.children) or tok.dep_ == "ROOT"


def pronoun_subject(verb: Token, span: Span) -> Span | None:
    """ "a-t-il ajouté", "elle a indiqué": a speaker named before, to follow back."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "expl:subj") and span.start <= child.i < span.end:
            if fold(child.text) in PERSONAL_PRONOUNS:
                return verb.doc[child.i : child.i + 1]
    return None


def bare_participle(verb: Token) -> bool:
    """ "..., précisant que ...": a participle with no auxiliary speaks for the main verb's subject."""
    return "Part" in verb.morph.get("VerbForm") and not any(
        c.dep_.startswith("aux") or c.dep_ in SUBJECTS for c in verb.children
    )


def has_negator(tok: Token) -> bool:
    return any(c.dep_ == "advmod" and fold(c.text) in _NEGATORS for c in tok.children)


def det_negative(tok: Token) -> bool:
    return any(c.dep_ == "det" and fold(c.text) in _NEGATIVE_DETS for c in tok.children)


def governs(cue: Token, root: Token, span: Span, *, arguments: bool = False) -> bool:
    """`root` sits under `cue` in the parse, in what the cue says: not in the cue's own subject, nor
    in a relative clause or an aside on the way; with `arguments`, only through the cue's
    complements ("appellent à une marche", not "a appelé au calme après les affrontements")."""
    tok, hops = root, 0
    while tok.i != cue.i and hops < MAX_HOPS:
        if tok.head.i == tok.i or tok.dep_ in CLAUSE_EXITS or not (span.start <= tok.head.i < span.end):
            return False
        if _aside_participle(tok):
            return False  # "exiger la libération de leur chef, interpellé mardi soir": a fact told aside
        # the subject of an active cue is who speaks; a passive's ("une attaque est redoutée") is
        # what is said
        active_subject = tok.dep_ in ("nsubj", "csubj")
        if tok.head.i == cue.i and (active_subject or arguments and tok.dep_ not in _ARGUMENTS):
            return False
        tok, hops = tok.head, hops + 1
    return tok.i == cue.i


def _aside_participle(tok: Token) -> bool:
    """A past participle set off by a comma after the noun it describes ("Modou Fall, interpellé mardi")."""
    return (
        tok.dep_ == "acl"
        and "Part" in tok.morph.get("VerbForm")
        and "Past" in tok.morph.get("Tense")
        and tok.i > 0
        and tok.doc[tok.i - 1].text == ","
    )


def attached_to(tok: Token, members: set[int], span: Span) -> bool:
    """`tok` hangs (within three steps, inside the unit) from one of `members`."""
    for _ in range(3):
        if tok.head.i == tok.i or not (span.start <= tok.head.i < span.end):
            return False
        tok = tok.head
        if tok.i in members:
            return True
    return False


def in_relative_clause(tok: Token, span: Span) -> bool:
    hops = 0
    while tok.head.i != tok.i and span.start <= tok.head.i < span.end and hops < MAX_HOPS:
        if tok.dep_ in ("acl:relcl", "acl"):
            return True
        tok, hops = tok.head, hops + 1
    return False


def same_clause(root: Token, cue: Token, span: Span) -> bool:
    """False when the trigger is inside a relative clause that the cue is outside of ("les
    étudiants, qui manifestaient, n'ont opposé aucune résistance, selon des témoins"): in the
    parse, or between ", qui" and the next comma when the parse is broken."""
    doc = root.doc
    opening = next(
        (
            t.i
            for t in reversed(doc[span.start : root.i])
            if t.text == "," or (t.pos_ == "PRON" and fold(t.text) in _RELATIVES)
        ),
        None,
    )
    if opening is not None and doc[opening].text != "," and opening > span.start:
        if doc[opening - 1].text == ",":
            close = next((t.i for t in doc[root.i : span.end] if t.text == ","), span.end)
            if not (opening <= cue.i < close):
                return False
    tok, hops = root, 0
    while tok.head.i != tok.i and span.start <= tok.head.i < span.end and hops < MAX_HOPS:
        if tok.dep_ == "acl:relcl":
            return cue.i in {t.i for t in tok.subtree}
        tok, hops = tok.head, hops + 1
    return True


def states(trigger: Span) -> bool:
    """A trigger that states a happening: a verb, or a noun introduced as new ("une attaque a
    visé"), not a definite mention of one told before ("l'attaque intervient après ...")."""
    root = trigger.root
    if root.pos_ == "VERB":
        return True
    return root.pos_ == "NOUN" and root.dep_ in SUBJECTS and not definite(trigger)


def definite(trigger: Span) -> bool:
    root = trigger.root
    return any(
        c.dep_ == "det" and fold(c.text) in ("le", "la", "l", "les", "ce", "cet", "cette", "ces")
        for c in root.children
    )


def in_since_phrase(tok: Token, *, below: bool = False) -> bool:
    """`tok` is in a "depuis ..." phrase, up to three words above it and short of a verb ("depuis le
    coup d'État du 26 juillet qui a renversé le président"). With `below`, only a phrase it lies inside
    counts, not one it heads: "portés disparus depuis mercredi" is dated by that Wednesday."""
    node = tok
    for hop in range(3):
        if (hop or not below) and any(c.dep_ == "case" and c.lower_ == "depuis" for c in node.children):
            return True
        if node.head.i == node.i or node.head.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return False


#: Adverbs that make a denial a standing position, about no one event (folded).
_STANCE_WORDS = frozenset({"toujours", "jamais", "systematiquement", "generalement", "constamment"})


def a_stance(cue: Span) -> bool:
    """ "Moscou a toujours nié utiliser des armes chimiques", "rejette de manière générale toute
    utilisation": a standing denial, not a denial of the event told."""
    verb = cue.root
    compound = any(c.dep_.startswith("aux") for c in verb.children)
    for c in verb.children:
        # ("a toujours nié": has always denied; "nie toujours toute frappe": still denies this one)
        if c.dep_ == "advmod" and fold(c.text) in _STANCE_WORDS and (compound or fold(c.text) != "toujours"):
            return True
    after = cue.doc[cue.end : min(cue.sent.end, cue.end + 4)]
    return "de maniere generale" in fold(cue.doc[cue.start : after.end].text)
