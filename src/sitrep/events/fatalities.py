"""Fatalities in a sentence, by ACLED's conservative rules.

A quantity (digits, French number words, or a vague word such as "une
dizaine") counts as deaths when a death term follows it closely ("12 soldats
ont été tués", "douze morts") or a killing verb precedes it ("tuant 12
civils"), and not when an injury term comes first ("5 blessés"). Subsets
("dont 3 enfants") and the upper end of ranges ("entre 10 et 15") are not
added. Within one sentence distinct figures add up ("8 soldats et 3 civils
tués"). Across the sentences of one event, each side's dead ("state", "armed",
"civilians", from the actor mention the figure names) take the most conservative
figure given for them, and the sides add up ("quatre militaires tués" ... "onze
assaillants neutralisés" = 15); a figure naming no side ("huit morts") restates
the whole toll, and the lower reading is kept (ACLED). One person killed with no
figure ("tuant son conducteur", "il est mort sur le coup") counts 1.

Before that choice, a revised figure ("porté à 21", "portant le bilan à six")
replaces the figures it revises; a figure told as superseded ("un premier bilan
de douze morts") or one that may count the injured ("victimes") gives way to
another figure for the same victims. Attackers a toll leaves out ("sans compter
le kamikaze") are added, and a suicide bombing adds its bombers unless the toll
already counts them (`bombers`): ACLED counts every death of the event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import islice

from spacy.tokens import Span, Token

from sitrep.lexicons import Lexicon
from sitrep.nlp.components import ACTORS
from sitrep.nlp.components.actors import decode_actor
from sitrep.nlp.terms import TermMatcher
from sitrep.normalize import fold

_TOLL_CACHE = "sitrep.tolls"
#: A quantity is read from at most this many tokens ("quatre-vingt-dix" may be several).
_QUANTITY_TOKENS = 6
#: Token runs whose quantity is remembered per reader; beyond it the memory starts again.
_MAX_REMEMBERED = 100_000
_WINDOW_AFTER = 10
_WINDOW_BEFORE = 4
#: How far after a killing word its one victim may be: a day or an adverb between ("a abattu lundi un
#: enseignant"), not a noun of another clause.
_OBJECT_REACH = 3
#: The longest aside on some of a figure's dead ("dont le fils d'un chef de village") skipped to find
#: the figure's death word.
_ASIDE = 15
_BETWEEN_BLOCKERS = frozenset({"et", ",", "dont", "tandis", "mais", "ou"})
_STOP = frozenset({".", ";", "!", "?", ":"})
#: Words after which a four-digit number from 1900 to 2099 is a year.
_BEFORE_A_YEAR = frozenset({"en", "depuis", "des", "avant", "apres", "fin", "debut", "mi"})


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
    #: (side, dead) for each side the figures name, in the order found.
    parts: tuple[tuple[str | None, int], ...] = ()
    #: every figure is one the text says was superseded ("un premier bilan faisait état de quatre
    #: morts"): any other figure of the event wins over it.
    earlier: bool = False
    #: the sentence sets a figure against a superseded one ("... a fait état la veille d'un premier
    #: bilan de douze morts"): a revision, as with "porté à".
    revises: bool = False
    #: attackers the figures leave out ("six morts, sans compter l'assaillante"), added to the
    #: event's toll: ACLED counts every death of the event, the bomber's too.
    attackers: int = 0
    #: every figure counts "victimes" or "neutralisés", which may be the injured or the captured too:
    #: a figure of the dead wins over it.
    vague: bool = False
    #: the sentence tells other dead than those told before it ("ont également été tués"): added.
    also: bool = False


class FatalityReader:
    """Reads death tolls; built once per lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.numbers = lexicon.numbers
        cat = lexicon.fatalities
        self.death = TermMatcher(
            [(t.words, "death") for t in cat.get("death", ())]
            + [(t.words, "ambiguous") for t in cat.get("death_ambiguous", ())]
            # (the longer phrase wins, then is dropped: "du bois mort" kills nobody)
            + [(t.words, "not_death") for t in cat.get("not_deaths", ())]
        )
        self.toll = TermMatcher(
            [(t.words, "toll") for t in cat.get("toll_markers", ())]
            + [(t.words, "bodies") for t in cat.get("bodies_of", ())]
        )
        self.revision = TermMatcher((t.words, "revision") for t in cat.get("toll_revisions", ()))
        self.earlier = TermMatcher((t.words, "earlier") for t in cat.get("earlier_tolls", ()))
        self.also = TermMatcher((t.words, "also") for t in cat.get("also_killed", ()))
        self.left_out = TermMatcher((t.words, "left_out") for t in cat.get("attackers_left_out", ()))
        self.included = TermMatcher((t.words, "included") for t in cat.get("attackers_included", ()))
        self.bomber = TermMatcher((t.words, "bomber") for t in cat.get("suicide_bombers", ()))
        self.injury = TermMatcher((t.words, "injury") for t in cat.get("injury", ()))
        self.wounded = TermMatcher((t.words, "wounded") for t in cat.get("wounded", ()))
        self.none = TermMatcher((t.words, "none") for t in cat.get("no_deaths", ()))
        self.not_people = TermMatcher((t.words, "thing") for t in cat.get("not_people", ()))
        self.fells_things = TermMatcher((t.words, "fells") for t in cat.get("fells_things", ()))
        self.aside_openers = TermMatcher((t.words, "aside") for t in cat.get("aside_openers", ()))
        self.months = frozenset(fold(m) for m in lexicon.dates.get("months", {}))
        self.killing = frozenset(" ".join(t.words) for t in cat.get("killing_verbs", ()))
        self._quantity_memory: dict[tuple[str, ...], tuple[int, int] | None] = {}
        self._starters: dict[str, bool] = {}
        self._members: dict[str, bool] = {}

    def _quantities(self, sent: Span) -> list[tuple[int, int, int]]:
        """(start token, end token, value) of every quantity in the sentence."""
        out: list[tuple[int, int, int]] = []
        doc = sent.doc
        # A figure in an actor's name is no toll: "le gang 400 Mawozo", "la Brigade 444".
        named = {
            t
            for span in doc.spans.get(ACTORS, ())
            if sent.start <= span.start < sent.end
            for t in range(span.start, span.end)
        }
        tokens = list(sent)
        words = [t.text for t in tokens]
        spaced = [t.text_with_ws for t in tokens]
        k = 0
        while k < len(tokens):
            # "« neutralisé » onze": the figure starts at its first word.
            if tokens[k].is_punct or sent.start + k in named or self._in_a_date(words, k):
                k += 1
                continue
            found = self._quantity_at(words, spaced, k)
            if found is None:
                k += 1
                continue
            best = (sent.start + k, sent.start + k + found[0], found[1])
            if _an_article(doc, best):
                k += 1
                continue
            if out and out[-1][2] == best[2] and best[0] - out[-1][1] <= 1 and words[k - 1] == "(":
                # "cinq (05) morts": digits in brackets repeat the figure (official communiqués)
                k += found[0]
                continue
            out.append(best)
            k += found[0]
        return out

    def _in_a_date(self, words: list[str], k: int) -> bool:
        """ "tués le 14 mars 1962": the day before a month and the year after it are no figures."""
        after = fold(words[k + 1]) if k + 1 < len(words) else ""
        before = fold(words[k - 1]) if k else ""
        # (only a year after the month: "depuis janvier 45 civils ont été tués" is a toll)
        year = len(words[k]) == 4 and words[k].isdigit() and words[k][:2] in ("19", "20")
        # "Staline, décédé en 1953": a year after "en" (a toll of thousands is written "1 953")
        return after in self.months or (year and (before in self.months or before in _BEFORE_A_YEAR))

    def _quantity_at(self, words: list[str], spaced: list[str], k: int) -> tuple[int, int] | None:
        """(tokens, value) of the quantity starting at token k of a sentence whose tokens are
        `words` (`spaced`: with their whitespace), or None."""
        digits = words[k].replace("\u202f", "").replace("\xa0", "")
        # A group of up to three digits may go on ("1 500 morts"): read with the number words below.
        if digits.isdigit() and len(digits) > 3 and not (len(digits) == 4 and digits[:2] in ("19", "20")):
            return 1, int(digits)
        if not self._may_start(words[k]):
            return None
        # The answer depends only on the tokens up to the first that no quantity has ("une
        # dizaine de | soldats", "deux | soldats"), and those recur: it is remembered by them.
        end = k + 1
        while end < min(len(words), k + _QUANTITY_TOKENS) and self._may_belong(words[end]):
            end += 1
        key = tuple(spaced[k:end])
        if key not in self._quantity_memory:
            if len(self._quantity_memory) >= _MAX_REMEMBERED:
                self._quantity_memory.clear()
            self._quantity_memory[key] = self._read_quantity(words[k:end], key)
        return self._quantity_memory[key]

    def _may_start(self, word: str) -> bool:
        """Whether a quantity can start with this token (a year can: "2024" is read as number words)."""
        known = self._starters.get(word)
        if known is None:
            if len(self._starters) >= _MAX_REMEMBERED:
                self._starters.clear()
            first = fold(word).split()[:1]
            known = self._starters[word] = bool(first) and self.numbers.could_start(first[0])
        return known

    def _may_belong(self, word: str) -> bool:
        """Whether a token can be inside a quantity (punctuation can: "vingt - trois"). Its first
        word decides: a quantity may end inside a token ("des morts-vivants" reads "des morts")."""
        known = self._members.get(word)
        if known is None:
            if len(self._members) >= _MAX_REMEMBERED:
                self._members.clear()
            words = fold(word).split()
            known = self._members[word] = not words or self.numbers.could_belong(words[0])
        return known

    def _read_quantity(self, words: list[str], spaced: tuple[str, ...]) -> tuple[int, int] | None:
        def text(j: int) -> str:  # the first j tokens' text, as spaCy's Span.text gives it
            return "".join(spaced[: j - 1]) + words[j - 1]

        # Vague quantities match a prefix ("une dizaine de"): take the shortest, unless a longer one
        # is another quantity ("plusieurs dizaines" is 12, not "plusieurs" 10 and "dizaines" 12);
        # number words must match whole ("vingt-trois"): take the longest.
        vague = None
        for j in range(1, min(len(words), 4) + 1):
            value = self.numbers.vague_quantity(text(j), leading=True)
            if value is not None and (vague is None or value != vague[1]):
                vague = (j, value)
        if vague is not None:
            return vague
        for j in range(len(words), 0, -1):
            value = self.numbers.parse_number_words(text(j))
            if value is not None:
                return j, value
        return None

    def in_sentence(self, sent: Span) -> Toll | None:
        """The death toll a sentence states, or None when it states none."""
        # Every event of an article reads the sentences around it: each is read once per Doc.
        cache = sent.doc.user_data.setdefault(_TOLL_CACHE, {})
        key = (id(self), sent.start, sent.end)  # one reader per lexicon
        if key not in cache:
            cache[key] = self._read_sentence(sent)
        return cache[key]

    def _read_sentence(self, sent: Span) -> Toll | None:
        doc = sent.doc
        found = [m for m in self.death.find(sent) if m.payload != "not_death"]
        deaths = {m.span.start: m.span for m in found}
        sure = {m.span.start: m.span for m in found if m.payload == "death"}
        # A killing verb or a toll word before the figure: "tuant 12 civils", "coûté la vie à 12 soldats".
        kills = {m.span.end: m.span for m in found if _verbal(m.span.root)}
        kills.update({m.span.end: m.span for m in self.toll.find(sent)})
        injuries = {m.span.start for m in self.injury.find(sent)}
        nones = self.none.find(sent)
        # (start, end of its words, dead, side, vague)
        read: list[tuple[int, int, int, str | None, bool]] = []
        things = {m.span.start for m in self.not_people.find(sent)}
        asides = _in_asides(sent, self.aside_openers)
        quantities = [
            q
            for q in self._quantities(sent)
            if not _counts_things(doc, q[1], things)
            # "40 % des personnes tuées": a share, not a count
            and not any(t.text == "%" for t in doc[q[0] : min(len(doc), q[1] + 1)])
            # "50 drones sur 73": the total of the things counted before
            and not (q[0] >= 2 and doc[q[0] - 1].lower_ == "sur" and q[0] - 2 in things)
            # "les assaillants, arrivés à moto par dizaines": how many came, not a toll (but "tués par
            # dizaines" counts the dead)
            and not (q[0] >= 2 and doc[q[0] - 1].lower_ == "par" and q[0] - 2 not in deaths)
            and q[0] not in asides
        ]
        starts = {q[0] for q in quantities}
        # where each figure's noun ends, to see a victim listed after it ("deux enfants et un soignant")
        ends = {q[1] + 1 for q in quantities}
        for start, end, value in quantities:
            before = [t.lower_ for t in doc[max(sent.start, start - 3) : start]]
            if "dont" in before or ("et" in before[-1:] and "entre" in before):
                continue
            hit = None
            vague = False  # the figure's word only may mean death ("victimes", "neutralisés")
            injured = False
            for k in _window_after(end, sent.end, asides):
                if doc[k].text in _STOP or k in injuries:
                    injured = k in injuries and k - end <= 2  # "une dizaine de blessés"
                    break  # an injury or the end of the clause: not this one's
                if k in starts and k != start and doc[k - 1].lower_ not in ("et", "dont"):
                    # another figure with its own words ("huit soldats et trois civils tués" share theirs)
                    break
                if k in deaths and not _not_a_death(deaths[k]):
                    hit, vague = deaths[k].end, k not in sure
                    break
            article = value == 1 and doc[start].lower_ in ("un", "une")
            if hit is None and not article and not injured:
                # ("Bilan : une dizaine de blessés": the figure counts the injured)
                hit = self._killed_before(doc, start, end, kills)
            listed = article and start > sent.start and doc[start - 1].lower_ == "et" and (start - 1) in ends
            if hit is not None and article and end not in deaths and not listed:
                # "un engin a tué trois soldats": an article there ("un mort" is a figure, and so is "un
                # soignant" listed after other victims: "deux enfants et un soignant ont été tués")
                hit = None
            if hit is None:
                # "Un haut responsable de l'EI a été tué": the one killed is the death verb's subject.
                hit = _subject_of_death(doc, start, sure, self.killing)
            if hit is None:
                continue
            side = _side_of(doc[start : max(hit, min(sent.end, end + 2))])
            read.append((start, hit, value, side, vague))
        if not read:
            fells = [f.span for f in self.fells_things.find(sent)]
            # the death words that only a person suffers
            plain = {k for k, d in sure.items() if not any(_overlap(d, f) for f in fells)}
            counted = {i for start, end, _ in quantities for i in range(start, end)}
            victim = _one_victim(sent, kills, sure, things, counted)
            victim = victim or _named_victim(sent, deaths, things, plain)
            if victim is None:
                plural = _unnumbered_plural(kills, sure, things)
                if plural is not None:
                    # "tuant des civils", "des soldats ont été tués": ACLED's 10 for a plural of dead
                    # with no figure
                    side = _side_of(plural)
                    return Toll(
                        _UNNUMBERED_PLURAL,
                        plural,
                        frozenset({side}),
                        ((side, _UNNUMBERED_PLURAL),),
                        vague=True,
                    )
                return Toll(0, nones[0].span) if nones else None
            one, noun = victim
            if self._the_bomber(sent, one[0]):
                return Toll(0, one, attackers=1)  # "La kamikaze a également péri": the bomber
            side = _side_of(one)
            dead = _people_listed(noun, things, self.numbers.parse_number_words)
            return Toll(dead, one, frozenset({side}), ((side, dead),), also=self._also(sent, found))
        if len(read) == 1 and read[0][2] == 1 and self._the_bomber(sent, doc[read[0][0]]):
            # "La kamikaze, une adolescente, a également péri": the bomber, not another victim
            return Toll(0, doc[read[0][0] : read[0][1]], attackers=1)
        superseded = self._after(self.earlier, sent, [q[0] for q in quantities])
        current = [q for q in read if q[0] not in superseded]
        figures = current or read
        # "deux blessés ont succombé, portant le bilan à six morts": the revised total is the toll,
        # not the figures told before it (the figures after it are other victims of their own)
        revised = self._after(self.revision, sent, [q[0] for q in current])
        if revised:
            figures = [q for q in figures if q[0] >= min(revised)]
        parts: dict[str | None, int] = {}
        for _, _, value, side, _ in figures:
            parts[side] = parts.get(side, 0) + value
        return Toll(
            sum(parts.values()),
            doc[figures[0][0] : max(q[1] for q in figures)],
            frozenset(parts),
            tuple(parts.items()),
            earlier=not current,
            revises=len(figures) < len(read),
            attackers=self._attackers_left_out(sent),
            vague=all(q[4] for q in figures),
            # "Deux autres combattants ont été tués": others than the dead told before
            # (the sentence's first figure: "Douze sont mortes sur place et trois autres ont succombé" is
            # one toll told in parts)
            also=self._also(sent, found) or _others(doc, figures[0][0]),
        )

    def _the_bomber(self, sent: Span, figure) -> bool:
        """The figure is a subject of a verb whose subject names a bomber ("La kamikaze, une
        adolescente, a péri": the model may give the verb two subjects), not the object of a bombing
        ("L'attentat-suicide a tué un soldat")."""
        bombers = {m.span.start for m in self.bomber.find(sent)}
        subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubj:pass")]
        for subject in subjects:
            if figure.i not in {t.i for t in subject.subtree}:
                continue
            verb = subject.head
            if any(bombers & {t.i for t in s.subtree} for s in subjects if s.head.i == verb.i):
                return True
        return False

    def _attackers_left_out(self, sent: Span) -> int:
        """ "six morts, sans compter l'assaillante", "sans compter les deux kamikazes": the attackers a
        toll leaves out, when the text says how many (one after a singular article)."""
        for m in self.left_out.find(sent):
            words = [t for t in m.span if t.lower_ not in ("sans", "compter", "non", "compris", "les", "des")]
            for k in range(len(words)):
                found = self.numbers.read_quantity(" ".join(t.text for t in words[: k + 1]))
                if found is not None:
                    return found
            if words and words[0].lower_ in ("le", "la", "l'", "l’"):
                return 1
        return 0

    @staticmethod
    def _after(matcher: TermMatcher, sent: Span, starts: list[int]) -> set[int]:
        """The figures a term introduces: the first one within a few words after it ("un premier
        bilan faisait état de quatre morts", "a porté à 21 le nombre")."""
        out: set[int] = set()
        for m in matcher.find(sent):
            after = [q for q in sorted(starts) if m.span.end <= q <= m.span.end + _WINDOW_BEFORE]
            if after:
                out.add(after[0])
        return out

    @staticmethod
    def _killed_before(doc, start: int, end: int, kills: dict[int, Span]) -> int | None:
        """ "tuant 12 civils", "a coûté la vie à 12 soldats": a killing word just before the figure,
        with no "et" or comma between ("quatre tués et neuf blessés" does not kill the nine)."""
        for kill_end in kills:
            if 0 <= start - kill_end <= _WINDOW_BEFORE:
                between = doc[kill_end:start]
                if not any(t.lower_ in _BETWEEN_BLOCKERS for t in between) or _shared_object(between):
                    return end
        return None

    def _also(self, sent: Span, deaths: list) -> bool:
        """ "Deux assaillants ont également été tués": an also-word on the death word itself (not "qui
        ont également emporté du bétail", "fait aussi état de blessés")."""
        killed = {m.span.root.i for m in deaths}
        return any(m.span.root.head.i in killed for m in self.also.find(sent))

    def for_event(self, sentences: list[Span]) -> Toll:
        read = [(s, t) for s in sentences if (t := self.in_sentence(s)) is not None]
        first = next((i for i, (_, t) in enumerate(read) if t.count > 0), None)
        added = [t for i, (_, t) in enumerate(read) if first is not None and i > first and t.count and t.also]
        revision = any(t.revises or self.revision.find(s) for s, t in read)
        if added and not revision:  # ("le bilan a été porté à cinq morts" counts them already)
            # "tuant trois combattants. Deux assaillants ont également été tués": others than those
            # told before, so 3 + 2, not the lower of the two
            toll = self.for_event([s for s, t in read if not any(t is a for a in added)])
            return replace(toll, count=toll.count + sum(t.count for t in added))
        tolls = [t for _, t in read]
        counted = [t for t in tolls if t.count > 0]
        attackers = max((t.attackers for t in tolls), default=0)
        if not counted:
            return replace(tolls[0], count=attackers) if tolls else Toll(0, None)
        # A figure told as superseded, or one that may count the injured ("victimes"), gives way to
        # another figure for the same victims (the same side, or the whole toll); not to other victims
        # ("un premier bilan de douze civils tués ... trois soldats ont aussi péri" = 15).
        counted = [
            t for t in counted if not (t.earlier and _restated(t, [u for u in counted if not u.earlier]))
        ]
        counted = [t for t in counted if not (t.vague and _restated(t, [u for u in counted if not u.vague]))]
        # "fait des dizaines de morts" (headline) and "a tué au moins 32 personnes": a rough quantity
        # gives way to a figure for the same dead (ACLED takes the reported number, not its own value
        # for "dozens")
        rough = [t for t in counted if self._rough(t)]
        counted = [
            t for t in counted if not (t in rough and _restated(t, [u for u in counted if u not in rough]))
        ]
        # "Un premier bilan faisait état de quatre morts ... porté à neuf": the revision replaces it.
        revised = [t for s, t in read if t.count > 0 and (t.revises or self.revision.find(s))]
        revised = [t for t in revised if t in counted]
        if revised:
            # A revised total ("le bilan s'élève désormais à deux morts") replaces every figure; a
            # revised side ("le bilan des soldats a été porté à neuf") only that side's.
            # A figure naming no side ("au moins 12 morts" in the headline) was the whole toll.
            sides = {side for t in revised for side, _ in t.parts}
            counted = revised + [
                t
                for t in counted
                if None not in sides
                and t not in revised
                and any(side is not None for side, _ in t.parts)
                and sides.isdisjoint(side for side, _ in t.parts)
            ]
        # Each side's dead: the most conservative figure any sentence gives for that side; the sides
        # add up ("quatre militaires tués ... onze assaillants neutralisés" = 15). A figure naming no
        # side ("huit morts") restates the whole toll: the lower of it and the sides' sum is kept.
        by_side: dict[str, int] = {}
        unnamed: list[int] = []
        for toll in counted:
            for side, dead in toll.parts:
                if side is None and len(toll.parts) == 1:
                    unnamed.append(toll.count)
                else:
                    # (victims of no side listed beside others, "une femme et ses trois petites-filles",
                    # are more of the dead, not the whole toll told again)
                    by_side[side or ""] = min(by_side.get(side or "", dead), dead)
        totals = ([sum(by_side.values())] if by_side else []) + unnamed
        count = min(totals)
        best = min(counted, key=lambda t: (abs(t.count - count), t.span.start if t.span else 0))
        return Toll(
            count + attackers,
            best.span,
            frozenset().union(*(t.sides for t in counted)),
            best.parts,
            attackers=attackers,
            vague=all(t.vague for t in counted),
        )

    def _rough(self, toll: Toll) -> bool:
        """The toll's figure is ACLED's stand-in value for an uncounted plural ("des dizaines" = 12,
        "plusieurs" = 10), not a count, even an approximate one ("une trentaine", which stands beside
        another report's figure as a count of its own)."""
        if toll.span is None or len(toll.parts) != 1 or toll.span[0].lower_ in ("un", "une"):
            return False
        return self.numbers.vague_quantity(toll.span[:3].text, leading=True) is not None

    def bombers(self, sentences: list[Span], toll: Toll) -> int:
        """The suicide bombers an event's toll leaves out: ACLED counts them among the dead. None when
        the toll already names them ("sans compter le kamikaze", "y compris le kamikaze") or the text
        names no bomber; else how many it says ("deux kamikazes"), one by default."""
        if toll.attackers or any(self.included.find(s) for s in sentences):
            return 0
        if toll.span is not None and self.bomber.find(toll.span):
            return 0  # "trois kamikazes ont péri": the toll counts them already
        if "armed" in toll.sides:
            return 0  # "L'assaillant a péri dans l'explosion": the attackers' dead are counted
        named = [(sent, m) for sent in sentences for m in self.bomber.find(sent)]
        for sent, m in named:
            if m.span.start - 1 >= sent.start:
                found = self.numbers.read_quantity(sent.doc[m.span.start - 1].text)
                if found and found > 1:
                    return found  # "les deux kamikazes"
        return 1 if named else 0  # "un véhicule piégé a explosé": nobody is said to have died with it


#: ACLED's figure for people killed told in the plural with no figure ("des civils ont été tués").
_UNNUMBERED_PLURAL = 10


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _window_after(end: int, limit: int, asides: set[int]) -> Iterable[int]:
    """The tokens after a figure where its death word may be: `_WINDOW_AFTER` of them, not counting an
    aside on some of the figure's dead ("Six civils, dont le fils d'un chef de village, ont été tués")."""
    return islice((k for k in range(end, limit) if k not in asides), _WINDOW_AFTER)


def _aside_end(doc, dont: int, limit: int) -> int | None:
    """The comma that closes an aside opened by ", dont": the one the sentence's verb follows
    ("Sept civils, dont un chef de quartier, une femme et deux enfants, ont été tués"), else the first."""
    commas = [j for j in range(dont + 1, min(limit, dont + _ASIDE)) if doc[j].text == ","]
    resumed = [j for j in commas if j + 1 < limit and doc[j + 1].pos_ in ("AUX", "VERB")]
    return (resumed or commas or [None])[0]


def _in_asides(sent: Span, openers: TermMatcher | None = None) -> set[int]:
    """The tokens of the ", dont ... ," asides of a sentence: the figures there are some of another
    figure's dead, not more, and the words there are not the figure's. So are the asides a comma and
    one of `openers` start (fatalities.yaml aside_openers: "53 personnes, pour la plupart des bergers,
    ont été tuées")."""
    doc = sent.doc
    inside: set[int] = set()
    starts = [tok.i for tok in sent if tok.lower_ == "dont"]
    if openers is not None:
        starts += [m.span.start for m in openers.find(sent)]
    for i in starts:
        if i > sent.start and doc[i - 1].text == ",":
            close = _aside_end(doc, i, sent.end)
            if close is not None:
                inside.update(range(i, close + 1))  # (with its closing comma)
    return inside


def _shared_object(between: Span) -> bool:
    """ "ont tué et mutilé trois bergers": the killing verb and another verb joined by "et" share the
    figure (not "quatre tués et neuf blessés", nor "ont tué et blessé trois civils", which leaves the
    dead unknown)."""
    words = [t for t in between if not t.is_punct]
    return (
        len(words) == 2
        and words[0].lower_ == "et"
        and words[1].pos_ == "VERB"
        and not fold(words[1].lemma_).startswith("bless")
    )


def _restated(toll: Toll, others: list[Toll]) -> bool:
    """Another figure counts the same dead: the same side, or one of the two names none."""
    return any(None in toll.sides or None in u.sides or toll.sides & u.sides for u in others)


def _subject_of_death(doc, start: int, deaths: dict[int, Span], killing: frozenset[str]) -> int | None:
    """ "Trois habitants d'un village situé à quinze kilomètres de Mora ont été tués": the figure's
    noun is the subject of the death verb, however far the verb is."""
    figure = doc[start]
    article = figure.dep_ == "det" and figure.lower_ in ("un", "une")
    noun = figure.head if figure.dep_ == "nummod" or article else None
    if figure.lower_ in ("un", "une") and figure.dep_ in ("nsubj", "nsubj:pass"):
        noun = figure  # "Un jeune manifestant a été tué", parsed with the article as the subject
    if noun is None or noun.dep_ not in ("nsubj", "nsubj:pass"):
        return None
    if noun.dep_ == "nsubj" and (
        any(c.dep_ == "obj" for c in noun.head.children) or fold(noun.head.lemma_) in killing
    ):
        # "un engin a tué trois soldats": the subject of an active killing is the killer (also when
        # the parser hangs the victims on the day: "Une frappe a tué dimanche cinq civils")
        return None
    for span in deaths.values():
        if span.start <= noun.head.i < span.end:
            return span.end
    return None


def _one_victim(
    sent: Span, kills: dict[int, Span], deaths: dict[int, Span], things: set[int], counted: set[int]
) -> tuple[Span, Token] | None:
    """One person killed, with no figure: "tuant son conducteur", "a tué le chef du village",
    "un ancien commandant abattu à Deraa", "il est mort sur le coup"."""
    doc = sent.doc
    for span in deaths.values():
        verb = span.root
        if not _verbal(verb):
            continue
        # (not "le nombre de civils tués", where the killed are the plural of the complement)
        counted_of = any(
            c.dep_ == "nmod" and verb.head.i < c.i < verb.i and "Plur" in c.morph.get("Number")
            for c in verb.head.children
        )
        if verb.dep_ == "acl" and verb.head.i not in things and _one_person(verb.head) and not counted_of:
            return doc[verb.head.left_edge.i : span.end], verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if any(c.lower_ in ("il", "elle") for c in subjects) and not any(
            c.dep_ == "obj" for c in verb.children
        ):
            return doc[min(c.i for c in subjects) : span.end], subjects[0]
        if not any(c.dep_ in ("obj", "aux:pass") for c in verb.children):
            # "Son garde du corps a également péri", "le chauffeur est mort sur le coup"
            person = next((c for c in subjects if c.i not in things and _one_person(c)), None)
            if person is not None:
                return doc[person.left_edge.i : span.end], person
    for end, verb in kills.items():
        if not _verbal(verb.root):
            continue
        # the killing's object, right after it or past a day ("ont abattu lundi un enseignant"), not
        # a figure ("avant d'incendier une dizaine de maisons", misread as the killing's object)
        for noun in verb.root.children:
            # (the parser may take the object past a day for a modifier: "ont assassiné dimanche le chef")
            direct = noun.dep_ == "obj" or (
                noun.dep_ == "obl:mod" and not any(c.dep_ == "case" for c in noun.children)
            )
            # (past the manner and the day too: "a tué par balle mardi un conducteur")
            adjuncts = {
                t.i
                for c in verb.root.children
                if not c.dep_.startswith(("nsubj", "aux", "punct"))
                and c.i != noun.i
                and c.i > verb.root.i
                # (another object is the object: "ont tué leurs victimes à la machette ... une dizaine")
                and not (c.dep_ == "obj" and any(True for _ in c.children))
                for t in c.subtree
            }
            near = end <= noun.i <= end + _OBJECT_REACH or all(
                i in adjuncts for i in range(end, noun.left_edge.i)
            )
            if direct and near and noun.i >= end and noun.i not in things | counted and _one_person(noun):
                return doc[verb.start : noun.i + 1], noun
    return None


def _unnumbered_plural(kills: dict[int, Span], deaths: dict[int, Span], things: set[int]) -> Span | None:
    """People killed in the plural with no figure: the object, with "des", of a verb of killing ("tuant
    des civils"), or the subject, with "des", of a passive death ("des soldats ont été tués")."""
    for span in [*kills.values(), *deaths.values()]:
        verb = span.root
        if not _verbal(verb):
            continue
        passive = any(c.dep_ == "aux:pass" for c in verb.children)
        wanted = ("nsubj:pass",) if passive else ("obj",)
        for noun in verb.children:
            if (
                noun.dep_ in wanted
                and noun.pos_ == "NOUN"
                and "Plur" in noun.morph.get("Number")
                and noun.i not in things
                and any(c.dep_ == "det" and c.lower_ == "des" for c in noun.children)
                and not any(c.dep_ == "nummod" for c in noun.children)
            ):
                return noun.doc[noun.left_edge.i : noun.i + 1]
    return None


def _named_victim(
    sent: Span, deaths: dict[int, Span], things: set[int], plain: set[int]
) -> tuple[Span, Token] | None:
    """One person, named or singled out, as the subject of a passive killing: "le conseiller
    municipal Boureima Sawadogo a été abattu", "le maire de Kaya a été abattu" (not "le drone a été
    abattu": a person is a name, or an actor the lexicon knows)."""
    doc = sent.doc
    people = {
        i
        for span in doc.spans.get(ACTORS, ())
        if sent.start <= span.start < sent.end
        for i in range(span.start, span.end)
    }
    for span in deaths.values():
        verb = span.root
        if not _verbal(verb) or not any(c.dep_ == "aux:pass" for c in verb.children):
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj:pass"):
            if subject.i in things or "Plur" in subject.morph.get("Number"):
                continue
            if any(t.lower_ == "dont" for t in doc[max(sent.start, subject.left_edge.i - 1) : subject.i]):
                continue  # "Six civils, dont le fils du chef, ont été tués": one of a figure's dead
            named = subject.pos_ == "PROPN" and subject.ent_type_ in ("PER", "")
            # "L'ancien ministre a été assassiné": a person's noun, unless the verb may also bring a
            # thing down ("l'appareil a été abattu": then a known actor only)
            person = subject.i in people or span.start in plain
            if named or (person and _one_person(subject)):
                return doc[subject.left_edge.i : span.end], subject
    return None


def _people_listed(noun: Token, things: set[int], number=lambda text: None) -> int:
    """How many people a victim's noun phrase lists: "le général Koné et le colonel Sidibé" are two
    (the parser may hang the second on the first one's name), "le chef du village" is one."""
    heads = [noun] + [c for c in noun.children if c.dep_ in ("appos", "flat:name")]
    # the parser may also give the verb a second subject joined by "et": "Le chauffeur et son
    # apprenti ont péri"
    joined = [
        c
        for c in noun.head.children
        if c.i > noun.i
        and any(x.dep_ == "cc" for x in c.children)
        and (
            (noun.dep_.startswith("nsubj") and c.dep_ == noun.dep_)
            # (or the object's: "ont tué mon frère et deux autres hommes", the second hung on the verb)
            or (noun.dep_ == "obj" and c.dep_ == "conj" and c.pos_ == "NOUN")
        )
    ]
    listed = 1
    for head in heads:
        others = [c for c in head.children if c.dep_ == "conj"] + (joined if head is noun else [])
        if not any(x.dep_ == "cc" for c in others for x in c.children):
            continue  # "Son fils aîné, Salif, …": a name in apposition, misread as a second one
        for other in others:
            if other.i in things:
                continue
            named = other.pos_ == "PROPN" and other.ent_type_ in ("PER", "")
            if named or _one_person(other):
                listed += 1
                continue
            # "mon frère et deux autres hommes": the figure of the people listed after the one
            figure = next((c for c in other.children if c.dep_ == "nummod"), None)
            value = number(figure.text) if figure is not None else None
            if value and "Plur" in other.morph.get("Number"):
                listed += value
    return listed


def _one_person(noun) -> bool:
    """ "un ancien commandant", "le chef du village": one person named by a singular noun."""
    return (
        noun.pos_ == "NOUN"
        and "Plur" not in noun.morph.get("Number")
        and any(
            c.dep_ == "det"
            and c.lower_
            in ("un", "une", "le", "la", "l'", "l’", "son", "sa", "mon", "ma", "notre", "leur", "ton", "ta")
            for c in noun.children
        )
    )


def _verbal(token) -> bool:
    """A verb or a participle ("ont tué", "« neutralisé »"): a word that can kill the figure after it."""
    if token.pos_ in ("VERB", "AUX") or "Part" in token.morph.get("VerbForm"):
        return True
    # The model tags some participles as adjectives ("« neutralisé » onze combattants", "a péri").
    return token.pos_ == "ADJ" and (
        token.lemma_.endswith(("er", "ir", "re")) or any(c.dep_.startswith("aux") for c in token.children)
    )


def _an_article(doc, quantity: tuple[int, int, int]) -> bool:
    """ "trois passagers d'un minibus", "dans une embuscade": "un"/"une" after a preposition is an
    article, not the figure 1."""
    start, end, _ = quantity
    return (
        end - start == 1 and doc[start].lower_ in ("un", "une") and start > 0 and doc[start - 1].pos_ == "ADP"
    )


def _counts_things(doc, end: int, things: set[int]) -> bool:
    """ "une quinzaine de kilomètres", "trois véhicules", "38 des 55 drones": the figure counts no
    people."""
    if end in things:
        return True
    if end >= len(doc) or doc[end].lower_ not in ("de", "d'", "d’", "des"):
        return False
    return end + 1 in things or (end + 2 < len(doc) and doc[end + 1].like_num and end + 2 in things)


def _others(doc, start: int) -> bool:
    """The figure starting at `start` is followed by "autres": "deux autres soldats"."""
    return any(t.lower_ == "autres" for t in doc[start + 1 : min(len(doc), start + 3)])


def _side_of(figure: Span) -> str | None:
    """The side of the first actor mention inside "douze soldats ont été tués", or of the group the
    counted noun belongs to ("onze rebelles du CCMSR", where the named group stands for the rebels)."""
    for actor in figure.doc.spans.get("sitrep_actors", ()):
        first = actor.doc[actor.start]  # the group's first word; a long name's parse root may lie further on
        head = first.head
        belongs = first.dep_ == "nmod" and figure.start <= head.i < figure.end and head.pos_ == "NOUN"
        if figure.start <= actor.start < figure.end or belongs:
            inter, _, kind, _ = decode_actor(actor.kb_id_)
            # a militia fighting beside the state (VDP, Wazalendo) lost men on the state's side
            return "state" if kind == "auxiliary" else _SIDES.get(inter)
    return None
