"""Fatalities in a sentence, by ACLED's conservative rules.

A quantity (digits, French number words, or a vague word such as "une
dizaine") counts as deaths when a death term follows it closely ("12 soldats
ont été tués", "douze morts") or a killing verb precedes it ("tuant 12
civils"), and not when an injury term comes first ("5 blessés"). Subsets
("dont 3 enfants") and the upper end of ranges ("entre 10 et 15") are not
added. Within one sentence distinct figures add up ("8 soldats et 3 civils
tués"); across the sentences of one event the largest figure is kept, since
later sentences restate the toll.
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


@dataclass(frozen=True)
class Toll:
    count: int
    #: token span that supports the figure (the quantity to its death term).
    span: Span | None


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

    def _quantities(self, sent: Span) -> list[tuple[int, int, int]]:
        """(start token, end token, value) of every quantity in the sentence."""
        out: list[tuple[int, int, int]] = []
        i = sent.start
        doc = sent.doc
        while i < sent.end:
            tok = doc[i]
            digits = tok.text.replace("\u202f", "").replace("\xa0", "")
            if digits.isdigit() and not (len(digits) == 4 and digits[:2] in ("19", "20")):
                out.append((i, i + 1, int(digits)))
                i += 1
                continue
            best = None
            # Vague quantities match a prefix ("une dizaine de"): take the shortest; number words
            # must match whole ("vingt-trois"): take the longest.
            for j in range(i + 1, min(sent.end, i + 4) + 1):
                value = self.numbers.vague_quantity(doc[i:j].text)
                if value is not None:
                    best = (i, j, value)
                    break
            if best is None:
                for j in range(min(sent.end, i + 6), i, -1):
                    value = self.numbers.parse_number_words(doc[i:j].text)
                    if value is not None:
                        best = (i, j, value)
                        break
            if best:
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
        kills = {m.span.end: m.span for m in found if m.span.root.pos_ in ("VERB", "AUX")}
        kills.update({m.span.end: m.span for m in self.toll.find(sent)})
        injuries = {m.span.start for m in self.injury.find(sent)}
        nones = self.none.find(sent)
        total, first, last = 0, None, None
        quantities = self._quantities(sent)
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
            if hit is None or (article and hit - end > 4):
                continue  # "un engin a tué trois soldats": "un" is an article there, not a figure
            total += value
            first = start if first is None else first
            last = max(last or hit, hit)
        if first is not None:
            return Toll(total, doc[first:last])
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
        return max(tolls, key=lambda t: t.count)
