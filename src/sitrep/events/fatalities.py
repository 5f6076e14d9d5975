"""Fatalities in a sentence, by ACLED's conservative rules.

A quantity (digits, French number words, or a vague word such as "une
dizaine") counts as deaths when a death term follows it closely ("12 soldats
ont été tués", "douze morts") or a killing verb precedes it ("tuant 12
civils"), and not when an injury term comes first ("5 blessés"). Subsets
("dont 3 enfants") and the upper end of ranges ("entre 10 et 15") are not
added. Within one sentence distinct figures add up ("8 soldats et 3 civils
tués"). Across the sentences of one event, figures for different sides add up
("quatre militaires tués" ... "onze assaillants neutralisés"), while figures for
the same victims, or for victims the text does not name ("huit morts"), restate
one toll: the most conservative is kept (ACLED).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from sitrep.lexicons import Lexicon
from sitrep.nlp.terms import TermMatcher

_WINDOW_AFTER = 10
_WINDOW_BEFORE = 4
_BETWEEN_BLOCKERS = frozenset({"et", ",", "dont", "tandis", "mais", "ou"})
_STOP = frozenset({".", ";", "!", "?", ":"})


def _not_a_death(term: Span) -> bool:
    """ "victimes de viols", "victimes d'enlèvements": victims, but not of killing."""
    doc = term.doc
    nxt = doc[term.end : term.end + 2]
    return (
        term.text.lower().startswith("victime")
        and len(nxt) == 2
        and nxt[0].lower_ in ("de", "d'", "d’")
        and nxt[1].pos_ == "NOUN"
    )


#: The side a dead person was on, from the actor mention naming them (actor inter codes).
_SIDES = {
    1: "state",
    2: "armed",
    3: "armed",
    4: "armed",
    8: "armed",
    5: "civilians",
    6: "civilians",
    7: "civilians",
}


@dataclass(frozen=True)
class Toll:
    count: int
    #: token span that supports the figure (the quantity to its death term).
    span: Span | None
    #: the sides the dead were on ("state", "armed", "civilians"); None for victims not named.
    sides: frozenset[str | None] = frozenset()


class FatalityReader:
    """Reads death tolls; built once per lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.numbers = lexicon.numbers
        cat = lexicon.fatalities
        self.death = TermMatcher(
            [(t.words, "death") for t in cat.get("death", ())]
            + [(t.words, "ambiguous") for t in cat.get("death_ambiguous", ())]
        )
        self.toll = TermMatcher((t.words, "toll") for t in cat.get("toll_markers", ()))
        self.injury = TermMatcher((t.words, "injury") for t in cat.get("injury", ()))
        self.none = TermMatcher((t.words, "none") for t in cat.get("no_deaths", ()))
        self.not_people = TermMatcher((t.words, "thing") for t in cat.get("not_people", ()))

    def _quantities(self, sent: Span) -> list[tuple[int, int, int]]:
        """(start token, end token, value) of every quantity in the sentence."""
        out: list[tuple[int, int, int]] = []
        i = sent.start
        doc = sent.doc
        while i < sent.end:
            tok = doc[i]
            if tok.is_punct:  # "« neutralisé » onze": the figure starts at its first word
                i += 1
                continue
            digits = tok.text.replace("\u202f", "").replace("\xa0", "")
            if digits.isdigit() and not (len(digits) == 4 and digits[:2] in ("19", "20")):
                out.append((i, i + 1, int(digits)))
                i += 1
                continue
            best = None
            # Vague quantities match a prefix ("une dizaine de"): take the shortest; number words
            # must match whole ("vingt-trois"): take the longest.
            for j in range(i + 1, min(sent.end, i + 4) + 1):
                value = self.numbers.vague_quantity(doc[i:j].text, leading=True)
                if value is not None:
                    best = (i, j, value)
                    break
            if best is None:
                for j in range(min(sent.end, i + 6), i, -1):
                    value = self.numbers.parse_number_words(doc[i:j].text)
                    if value is not None:
                        best = (i, j, value)
                        break
            if best and not _an_article(doc, best):
                out.append(best)
                i = best[1]
            else:
                i += 1
        return out

    def in_sentence(self, sent: Span) -> Toll | None:
        """The death toll a sentence states, or None when it states none."""
        doc = sent.doc
        found = self.death.find(sent)
        deaths = {m.span.start: m.span for m in found}
        # A killing verb or a toll word before the figure: "tuant 12 civils", "coûté la vie à 12 soldats".
        kills = {m.span.end: m.span for m in found if _verbal(m.span.root)}
        kills.update({m.span.end: m.span for m in self.toll.find(sent)})
        injuries = {m.span.start for m in self.injury.find(sent)}
        nones = self.none.find(sent)
        total, first, last = 0, None, None
        sides: set[str | None] = set()
        things = {m.span.start for m in self.not_people.find(sent)}
        quantities = [q for q in self._quantities(sent) if not _counts_things(doc, q[1], things)]
        starts = {q[0] for q in quantities}
        for start, end, value in quantities:
            before = [t.lower_ for t in doc[max(sent.start, start - 3) : start]]
            if "dont" in before or ("et" in before[-1:] and "entre" in before):
                continue
            hit = None
            for k in range(end, min(sent.end, end + _WINDOW_AFTER)):
                if doc[k].text in _STOP or k in injuries:
                    break  # an injury or the end of the clause: not this one's
                if k in starts and k != start and doc[k - 1].lower_ not in ("et", "dont"):
                    # another figure with its own words ("huit soldats et trois civils tués" share theirs)
                    break
                if k in deaths and not _not_a_death(deaths[k]):
                    hit = deaths[k].end
                    break
            article = value == 1 and doc[start].lower_ in ("un", "une")
            if hit is None and not article:
                hit = self._killed_before(doc, start, end, kills)
            if hit is None and not article:
                hit = _subject_of_death(doc, start, deaths)
            if hit is None or (article and hit - end > 4):
                continue  # "un engin a tué trois soldats": "un" is an article there, not a figure
            total += value
            sides.add(_side_of(doc[start : max(hit, min(sent.end, end + 2))]))
            first = start if first is None else first
            last = max(last or hit, hit)
        if first is not None:
            return Toll(total, doc[first:last], frozenset(sides))
        if nones:
            return Toll(0, nones[0].span)
        return None

    @staticmethod
    def _killed_before(doc, start: int, end: int, kills: dict[int, Span]) -> int | None:
        """ "tuant 12 civils", "a coûté la vie à 12 soldats": a killing word just before the figure,
        with no "et" or comma between ("quatre tués et neuf blessés" does not kill the nine)."""
        for kill_end in kills:
            if 0 <= start - kill_end <= _WINDOW_BEFORE:
                if not any(t.lower_ in _BETWEEN_BLOCKERS for t in doc[kill_end:start]):
                    return end
        return None

    def for_event(self, sentences: list[Span]) -> Toll:
        tolls = [t for t in (self.in_sentence(s) for s in sentences) if t is not None]
        if not tolls:
            return Toll(0, None)
        # Tolls that share a side (or do not name one) restate each other; separate sides add up.
        groups: list[list[Toll]] = []
        for toll in tolls:
            same = [g for g in groups if any(_restates(toll, other) for other in g)]
            merged = [toll, *(t for g in same for t in g)]
            groups = [g for g in groups if g not in same] + [merged]
        kept = [_conservative(g) for g in groups]
        if len(kept) == 1:
            return kept[0]
        total = sum(t.count for t in kept)
        spans = [t.span for t in kept if t.span is not None]
        first = min(spans, key=lambda sp: sp.start)
        return Toll(total, first, frozenset().union(*(t.sides for t in kept)))


def _subject_of_death(doc, start: int, deaths: dict[int, Span]) -> int | None:
    """ "Trois habitants d'un village situé à quinze kilomètres de Mora ont été tués": the figure's
    noun is the subject of the death verb, however far the verb is."""
    figure = doc[start]
    noun = figure.head if figure.dep_ == "nummod" else None
    if noun is None or noun.dep_ not in ("nsubj", "nsubj:pass"):
        return None
    for span in deaths.values():
        if span.start <= noun.head.i < span.end:
            return span.end
    return None


def _verbal(token) -> bool:
    """A verb or a participle ("ont tué", "« neutralisé »"): a word that can kill the figure after it."""
    if token.pos_ in ("VERB", "AUX") or "Part" in token.morph.get("VerbForm"):
        return True
    # The model tags some participles as adjectives ("« neutralisé » onze combattants").
    return token.pos_ == "ADJ" and token.lemma_.endswith(("er", "ir", "re"))


def _an_article(doc, quantity: tuple[int, int, int]) -> bool:
    """ "trois passagers d'un minibus", "dans une embuscade": "un"/"une" after a preposition is an
    article, not the figure 1."""
    start, end, _ = quantity
    return (
        end - start == 1 and doc[start].lower_ in ("un", "une") and start > 0 and doc[start - 1].pos_ == "ADP"
    )


def _counts_things(doc, end: int, things: set[int]) -> bool:
    """ "une quinzaine de kilomètres", "trois véhicules": the figure counts no people."""
    if end in things:
        return True
    return end < len(doc) and doc[end].lower_ in ("de", "d'", "d’") and end + 1 in things


def _restates(a: Toll, b: Toll) -> bool:
    return None in a.sides or None in b.sides or bool(a.sides & b.sides) or a.count == 0 or b.count == 0


def _conservative(tolls: list[Toll]) -> Toll:
    """The lowest non-zero figure (a "no deaths" statement only when nothing else is reported)."""
    counted = [t for t in tolls if t.count > 0]
    return min(counted, key=lambda t: t.count) if counted else tolls[0]


def _side_of(figure: Span) -> str | None:
    """The side of the first actor mention inside "douze soldats ont été tués"."""
    for actor in figure.doc.spans.get("sitrep_actors", ()):
        if figure.start <= actor.start < figure.end:
            inter = int(actor.kb_id_.split("|")[0])
            return _SIDES.get(inter)
    return None
