"""Factuality of an event and who the claim comes from.

Each trigger is read in its own scope (sitrep.events.scope): the orthographic sentence it is in,
the clause its words hang from in the parse, the quotation it is in, and a "Selon X," opening its
paragraph.

- denied        a denial cue bearing on the event ("a démenti", "aucune attaque"), or a negation of
                the event word itself; a negated participant ("aucun soldat n'a été tué") is not one;
- hypothetical  a threat, plan, call or possibility governing the trigger ("menace de", "prévoit
                de", "appellent à", "pourrait", "va lancer"), a future tense or date, a "si" clause;
- unconfirmed   a hedge in the sentence ("reste à confirmer", "non confirmé"), a doubt on the
                event word itself ("enlèvement présumé"), the conditional mood on its clause;
- reported      stated as fact but attributed (sitrep.events.attribution): "selon X", "X a annoncé
                que", "..., a indiqué X", a claim of responsibility, a quotation;
- asserted      none of the above: the publisher states it.

An event told in several sentences takes the reading of its first body sentence (the lede), which
a later sentence may confirm (another source states what the lede hedged), hedge or deny; a
headline's attribution covers the story it heads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from sitrep.events.attribution import Claim, Sources
from sitrep.events.claimants import Words
from sitrep.events.reading import Reading
from sitrep.events.scope import (
    CLAUSE_EXITS,
    MAX_HOPS,
    a_stance,
    attached_to,
    definite,
    det_negative,
    finite,
    governs,
    has_negator,
    lemma,
    states,
)
from sitrep.lexicons import Lexicon
from sitrep.nlp.terms import TermMatcher
from sitrep.normalize import fold
from sitrep.taxonomy import SUB_EVENT_TYPES

#: When an event's sentences disagree, the body's strongest reading wins.
STRENGTH = {"asserted": 4, "reported": 3, "unconfirmed": 2, "hypothetical": 1, "denied": 0}

_LINEAR_WINDOW = 6
#: "toute attaque": any one that may come, not one that came.
_ANY = frozenset({"tout", "toute"})


@dataclass(frozen=True)
class Factuality:
    value: str
    claimed_by: str | None = None
    cue: Span | None = None
    claimant: Span | None = None
    #: True when the claim is a claim of responsibility (the claimant is the perpetrator).
    responsibility: bool = False
    #: the unit (orthographic sentence) the reading comes from.
    unit: int = -1
    #: who told of the event when a group's claim of responsibility is the claim cited ("selon la
    #: police ... les shebab ont revendiqué l'attentat": the police), to keep it out of the event.
    teller: Span | None = None

    @classmethod
    def reported(cls, claim: Claim, *, value: str = "reported", unit: int | None = None) -> Factuality:
        return cls(
            value,
            claim.claimed_by,
            claim.cue,
            claim.claimant,
            claim.responsibility,
            claim.unit if unit is None else unit,
        )

    def sourced(self, source: Claim | Factuality | None) -> Factuality:
        """This reading, said by `source`'s claimant."""
        if source is None:
            return self
        return replace(self, claimed_by=source.claimed_by, claimant=source.claimant)


@dataclass(frozen=True)
class Rules:
    """What the cue lexicon says, built once per lexicon."""

    words: Words
    modal: frozenset[str]
    conditional_forms: frozenset[str]
    support_verbs: frozenset[str]
    #: single-word death and injury terms: negating them negates the toll, not the event.
    toll_words: frozenset[str]
    involvement: TermMatcher[bool]
    #: "ce n'est pas la première bavure" (cues.yaml negated_rank)
    ranks: frozenset[str] = frozenset()
    #: verbs of consequence, in the present conditional a hypothesis (cues.yaml consequence_verb)
    consequences: frozenset[str] = frozenset()

    @classmethod
    def of(cls, lexicon: Lexicon) -> Rules:
        cues = lexicon.cues

        def words(name: str) -> frozenset[str]:
            return frozenset(" ".join(t.words) for t in cues.get(name, ()))

        deaths = [t for c in ("death", "injury") for t in lexicon.fatalities.get(c, ())]
        return cls(
            words=Words.of(lexicon),
            modal=words("modal"),
            conditional_forms=words("conditional_form"),
            support_verbs=words("support_verb"),
            toll_words=frozenset(t.words[0] for t in deaths if len(t.words) == 1),
            involvement=TermMatcher((t.words, True) for t in cues.get("involvement", ())),
            ranks=words("negated_rank"),
            consequences=words("consequence_verb"),
        )


#: Event types a group claims responsibility for.
_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _ranked(root: Token, ranks: frozenset[str]) -> bool:
    """ "la première bavure", "le seul tir": a rank (cues.yaml negated_rank) after a definite article."""
    definite = any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in root.children)
    return definite and any(c.dep_ == "amod" and lemma(c) in ranks for c in root.children)


class FactualityReader:
    """Reads the factuality of the events of one article."""

    def __init__(self, reading: Reading, rules: Rules):
        self.reading = reading
        self.rules = rules
        self.layout = reading.layout
        self.sources = Sources(reading, self.layout, rules.words)
        self.cues = self.layout.cues
        self._read: dict[int, Factuality] = {}  # by trigger start: the assembler asks twice

    # ------------------------------------------------------------------ one event

    def event(
        self,
        main: Span,
        body: list[Span],
        *,
        in_headline: bool = False,
        others: frozenset[int] | None = None,
        tolls: Sequence[Span] = (),
    ) -> Factuality:
        """The factuality of an event told by `body` (its triggers outside the headline, or the
        headline's when the body has none); `main` is the trigger that decided its type. `others`:
        where the triggers of the article's other events start (None: any other event word that is not
        a definite mention of this one). `tolls`: the sentences that give its toll, whose source tells
        of it when its own sentences name none."""
        readings = [(t, self.trigger(t)) for t in sorted(body, key=lambda t: t.start)]
        lede = min(f.unit for _, f in readings)
        fact = next((f for t, f in readings if t.start == main.start and f.unit == lede), None)
        fact = fact or next(f for _, f in readings if f.unit == lede)
        if fact.value != "asserted":
            # Told by others, then denied: the denial is the last word (of this kind of happening:
            # "précise le ministère, qui ne fait état d'aucun combat" does not deny the mine)
            fact = next((f for t, f in readings if f.value == "denied" and _of_the_event_type(t, main)), fact)
        if fact.value == "unconfirmed":
            fact = self._confirmed(fact, readings)
        if fact.claimed_by is None and fact.value in ("asserted", "unconfirmed"):
            fact = self._sourced_elsewhere(fact, readings, main)
        if fact.claimed_by is None and fact.value == "asserted":
            fact = self._toll_sourced(fact, readings, tolls)
        if fact.claimed_by is None and fact.value == "asserted":
            fact = self._said_next(fact)
        if fact.value == "denied":
            upto = len(self.layout.starts) if lede in self.layout.headline else fact.unit
            fact = fact.sourced(self.sources.denier(upto) or (fact if fact.claimed_by else None))
        if fact.claimed_by is None and fact.value in ("asserted", "unconfirmed"):
            if in_headline or lede == self._first_told(readings):
                fact = self._headline_sourced(fact, told_by_headline=lede in self.layout.headline)
        if fact.value in ("asserted", "reported") and not fact.responsibility:
            # The police or a hospital told it, a group claimed it: the claim is the group's, which
            # is the perpetrator (FACTUALITY.md), and the teller stays out of the event.
            violence = SUB_EVENT_TYPES[main.label_] in _VIOLENCE
            claimed = next(
                (f for _, f in readings if violence and f.responsibility and f.value == "reported"), None
            )
            if claimed is None and violence:
                later = self.sources.later_claim(lede, {t.start for t, _ in readings}, others)
                claimed = Factuality.reported(later) if later is not None else None
            if claimed is not None:
                fact = replace(claimed, unit=fact.unit, teller=fact.claimant)
        if fact.value == "reported":
            # "L'attaque n'a pas été confirmée par les autorités": a later mention hedged in words
            hedged = next(
                (
                    f
                    for t, f in readings
                    if f.unit > fact.unit
                    and f.value == "unconfirmed"
                    and definite(t)
                    and f.cue is not None
                    and f.cue.label_ == "hedge"
                ),
                None,
            )
            if hedged is not None:
                fact = replace(fact, value="unconfirmed", cue=hedged.cue)
        if fact.value in ("reported", "unconfirmed"):
            fact = self._followed_up(fact, readings)
        if fact.value == "asserted" and self.sources.document_source is not None:
            fact = Factuality.reported(self.sources.document_source, unit=fact.unit)
        return fact

    def _followed_up(self, fact: Factuality, readings: list[tuple[Span, Factuality]]) -> Factuality:
        """The sentences right after the event's last one, when they tell no event of their own:
        "L'armée a démenti." denies it; "Ces informations n'ont pas pu être vérifiées." hedges it."""
        last = max(f.unit for _, f in readings)
        own = {t.start for t, _ in readings}
        # "Le ministère a catégoriquement démenti ces accusations": a denial of what was claimed, in a
        # sentence of the event's own that tells no other event, denies it too.
        hedged = None
        for unit in range(fact.unit + 1, last):
            span = self.layout.span(unit)
            if self._tells_event(unit, own) or not self._about_the_claim(span):
                continue
            if (denied := self._denial_in(unit, span, fact)) is not None:
                return denied
            # "Cette accusation n'a pas pu être vérifiée" between the claim and a sentence of its own
            hedged = hedged or next(iter(self.cues(unit, "hedge")), None)
        if hedged is not None and fact.value == "reported":
            return replace(fact, value="unconfirmed", cue=hedged)
        for unit in range(last + 1, min(last + 3, len(self.layout.starts))):
            # "Des habitants ont accusé l'armée de l'air d'avoir bombardé lundi un hameau … ¶ L'armée de
            # l'air a démenti mardi : « Aucune frappe n'a été menée »": the next paragraph may deny it
            # (not hedge it: a hedge there is about what that paragraph tells)
            beyond = self.layout.paragraph[unit] - self.layout.paragraph[last]
            if beyond > 1 or self._tells_event(unit, own):
                break
            span = self.layout.span(unit)
            if (denied := self._denial_in(unit, span, fact)) is not None:
                return denied
            if beyond:
                continue
            hedge = next(iter(self.cues(unit, "hedge")), None)
            if hedge is not None and fact.value == "reported" and self._about_the_claim(span):
                return replace(fact, value="unconfirmed", cue=hedge)
        return fact

    def _denial_in(self, unit: int, span: Span, fact: Factuality) -> Factuality | None:
        hedges = self.cues(unit, "hedge")
        for cue in self.cues(unit, "denial"):
            if a_stance(cue) or any(h.start <= cue.start < h.end for h in hedges):
                continue  # "Le ministère n'a ni confirmé ni démenti
            if not has_negator(cue.root) and not self.rules.involvement.find(
                cue.doc[cue.end : min(span.end, cue.end + 4)]
            ):
                return Factuality("denied", cue=cue, unit=fact.unit).sourced(self.sources.speaker(cue))
        return None

    def _tells_event(self, unit: int, own: set[int]) -> bool:
        """Whether a sentence has event words of another event than the one told by `own`."""
        span = self.layout.span(unit)
        triggers = (t for spans in self.reading.triggers.values() for t in spans)
        # a definite mention ("l'attaque n'a pas été confirmée") refers back to the event told
        # as does a negated one ("« Aucune frappe n'a été menée »")
        return any(
            span.start <= t.start < span.end and t.start not in own and not definite(t) and not _none_of(t)
            for t in triggers
        )

    def _about_the_claim(self, span: Span) -> bool:
        """ "Ces informations", "cette affirmation", "l'attaque": the sentence is about what was just
        claimed."""
        triggers = (t for spans in self.reading.triggers.values() for t in spans)
        if any(span.start <= t.start < span.end and definite(t) for t in triggers):
            return True
        return any(
            lemma(t) in self.rules.words.carriers
            and any(c.dep_ == "det" and fold(c.text) in ("ce", "cet", "cette", "ces") for c in t.children)
            for t in span
        )

    def _headline_sourced(self, fact: Factuality, *, told_by_headline: bool) -> Factuality:
        """The headline's attribution ("..., annonce l'armée") covers the story it heads; an event
        only the headline tells takes the source of the lede, which retells it."""
        source = self.sources.headline()
        if source is None and told_by_headline:
            source = self.sources.lede()
        if source is None or source.rumour:
            return fact
        value = "reported" if fact.value == "asserted" else fact.value
        return replace(Factuality.reported(source, value=value, unit=fact.unit), cue=fact.cue or source.cue)

    def _confirmed(self, fact: Factuality, readings: list[tuple[Span, Factuality]]) -> Factuality:
        """A hedged lede that a later sentence states (another source, or the outlet) is confirmed."""
        for trigger, other in readings:
            if other.unit <= fact.unit or STRENGTH[other.value] <= STRENGTH[fact.value]:
                continue
            if not states(trigger) or _same_source(fact, other):
                continue
            return other
        return fact

    def _said_next(self, fact: Factuality) -> Factuality:
        """ "Un accord a été conclu dimanche à Dogofri. C'est ce qu'ont indiqué des notables de la
        zone": the next sentence of the paragraph gives the source of the one before it."""
        unit = fact.unit + 1
        if unit >= len(self.layout.starts) or self.layout.paragraph[unit] != self.layout.paragraph[fact.unit]:
            return fact
        span = self.layout.span(unit)
        if not any(c.start - span.start <= 1 for c in self.cues(unit, "said_before")):
            return fact
        claim = self.sources.said_before(unit)
        return Factuality.reported(claim, unit=fact.unit) if claim is not None else fact

    def _sourced_elsewhere(
        self, fact: Factuality, readings: list[tuple[Span, Factuality]], main: Span
    ) -> Factuality:
        """A source named in another sentence of the event is whom the account comes from (an
        accusation of someone is not: it names the perpetrator, not the teller)."""
        for trigger, other in readings:
            if other.claimant is None or other.value not in ("reported", "unconfirmed"):
                continue
            if lemma(trigger.root) in self.rules.toll_words and has_negator(trigger.root):
                continue  # "aucun soldat n'a été tué, selon l'état-major" tells the toll, not the event
            if other.cue is not None and other.cue.label_ == "accusation":
                continue
            if fact.value == "asserted" and (
                _in_the_first_person(trigger) or (trigger.label_ == "Arrests" and main.label_ != "Arrests")
            ):
                # what the publisher tells as fact stays so: a participant's words of what they did
                # ("« Nous avons marché pacifiquement », a déclaré un porte-parole") or the count of the
                # arrests made at it ("Douze personnes ont été interpellées, selon leurs avocats") tell
                # a part of it
                continue
            value = "reported" if fact.value == "asserted" else fact.value
            return replace(other, value=value, cue=fact.cue or other.cue, unit=fact.unit)
        if fact.value == "unconfirmed" and definite(main):
            return fact.sourced(self.sources.before(self.layout.unit_of(main.start)))
        return fact

    def _toll_sourced(
        self, fact: Factuality, readings: list[tuple[Span, Factuality]], tolls: Sequence[Span]
    ) -> Factuality:
        """ "Des affrontements ont opposé lundi ... Un premier bilan, communiqué par des sources
        locales, faisait état de cinq morts.": whoever gave the toll is the source of the account."""
        own = {f.unit for _, f in readings}
        for sentence in tolls:
            unit = self.layout.unit_of(sentence.start)
            if unit in own or unit in self.layout.headline:
                continue
            found = self.sources.in_unit(unit)
            if found is not None and found.claimed_by is not None and not found.responsibility:
                return Factuality.reported(found, unit=fact.unit)
        return fact

    def _first_told(self, readings: list[tuple[Span, Factuality]]) -> int:
        """The first body sentence that has a trigger (any event's): the story's lede."""
        triggers = [t for spans in self.reading.triggers.values() for t in spans]
        units = [self.layout.unit_of(t.start) for t in triggers]
        body = [u for u in units if u not in self.layout.headline]
        return min(body, default=min(f.unit for _, f in readings))

    # ------------------------------------------------------------------ one trigger

    def trigger(self, trigger: Span) -> Factuality:
        """The factuality of the event one trigger reports, read in its own scope."""
        if trigger.start not in self._read:
            self._read[trigger.start] = self._trigger(trigger)
        return self._read[trigger.start]

    def _trigger(self, trigger: Span) -> Factuality:
        unit = self.layout.unit_of(trigger.start)
        span = self.layout.span(unit)
        root = trigger.root
        clause = self._clause(root, span)
        denial = self._denial(root, unit, span)
        if denial is not None:
            who = self.sources.speaker(denial) or self.sources.of_trigger(trigger, unit)
            return Factuality("denied", cue=denial, unit=unit).sourced(who)
        condition = self._condition(clause)
        if condition is None and self._negated(trigger, clause):
            source = self.sources.of_trigger(trigger, unit)
            return Factuality("denied", cue=trigger, unit=unit).sourced(source)
        hypothetical = self._hypothetical(trigger, clause, unit, span)
        if hypothetical is not None:
            return Factuality("hypothetical", cue=hypothetical, unit=unit).sourced(
                self.sources.planner(hypothetical, trigger, unit)
            )
        source = self.sources.of_trigger(trigger, unit)
        hedge = self._hedge(trigger, clause, unit, span)
        if hedge is None and source is not None and source.rumour:
            hedge = source.cue
        if hedge is not None:
            return Factuality("unconfirmed", cue=hedge, unit=unit).sourced(source)
        if source is not None:
            return Factuality.reported(source)
        return Factuality("asserted", unit=unit)

    def _clause(self, root: Token, unit: Span) -> list[Token]:
        """The trigger and the verbs it hangs from, up to the first finite verb of its clause, with
        their auxiliaries; the unit's main verbs when the parse leaves the unit."""
        chain, head = [root], root
        while len(chain) < MAX_HOPS and head.head.i != head.i and not finite(head):
            if not (unit.start <= head.head.i < unit.end) or head.dep_ in CLAUSE_EXITS:
                break
            head = head.head
            chain.append(head)
        if not any(t.pos_ in ("VERB", "AUX") for t in chain):
            chain += [
                t
                for t in unit
                if t.pos_ in ("VERB", "AUX") and (t.head.i == t.i or not (unit.start <= t.head.i < unit.end))
            ]
        out = []
        for tok in chain:
            out.append(tok)
            out.extend(c for c in tok.children if c.dep_.startswith("aux") or c.dep_ == "cop")
        return out

    def _negated(self, trigger: Span, clause: list[Token]) -> bool:
        """The event word itself is negated ("n'a pas été attaqué", "aucune attaque"), not a
        participant ("aucun soldat n'a été tué") nor the victims ("sans faire de victime")."""
        root = trigger.root
        if any(c.start <= root.i < c.end for c in self.cues(self.layout.unit_of(root.i), "no_victims")):
            return False
        if det_negative(root):
            return True
        verb = root
        if root.pos_ in ("NOUN", "PROPN") and root.dep_ in ("obj", "nsubj", "nsubj:pass"):
            verb = root.head  # "n'a pas mené de raid", "il n'y a pas eu d'attaque"
            if lemma(verb) not in self.rules.support_verbs:
                return False
        if not has_negator(verb):
            return False
        if _ranked(root, self.rules.ranks):
            return False  # "ce n'est pas la première bavure": there were others, not none
        if lemma(root) in self.rules.toll_words:
            return False  # deaths denied, not the event: the toll is 0
        return not any(c.dep_.startswith("nsubj") and det_negative(c) for c in verb.children)

    def _denial(self, root: Token, unit: int, span: Span) -> Span | None:
        """A denial cue of the unit that bears on the event, not on someone's involvement in it."""
        hedges = self.cues(unit, "hedge")
        for cue in self.cues(unit, "denial", "denial_weak"):
            if any(h.start <= cue.start < h.end for h in hedges) or a_stance(cue):
                continue  # "ni confirmé ni démenti"; "Moscou a toujours nié utiliser des armes chimiques"
            after = cue.doc[cue.end : min(span.end, cue.end + 4)]
            if self.rules.involvement.find(after) or has_negator(cue.root):
                continue
            if cue[0].lower_ in ("aucun", "aucune") and not (
                cue.start <= root.i < cue.end or governs(cue.root, root, span)
            ):
                # "Quatre soldats ont été tués, précise le ministère, qui ne fait état d'aucun combat"
                continue
            if cue.label_ == "denial" or governs(cue.root, root, span):
                return cue
        return None

    def _hypothetical(self, trigger: Span, clause: list[Token], unit: int, span: Span) -> Span | None:
        root = trigger.root
        made = self._attempts_made(unit)
        for cue in self.cues(unit, "hypothetical", "condition"):
            if cue.start <= root.i < cue.end:
                continue
            if cue.start in made and governs(cue.root, root, span):
                continue  # "ont tenté de s'emparer de la ville": the attempt took place
            if governs(cue.root, root, span) or 0 <= trigger.start - cue.end <= _LINEAR_WINDOW:
                return cue
        for cue in self.cues(unit, "hypothetical_modifier"):
            if cue.root.head.i == root.i and cue.root.dep_ == "amod":
                return cue  # "une attaque imminente", "une éventuelle offensive"
        for cue in self.cues(unit, "hypothetical_verb"):
            if cue.root.pos_ == "VERB" and governs(cue.root, root, span, arguments=True):
                return cue
        members = {t.i for t in clause} | {root.i}
        for cue in self.cues(unit, "future_time"):
            if cue.start > 0 and fold(root.doc[cue.start - 1].text) == "depuis":
                continue  # "les combats durent depuis bientôt une semaine"
            # "une nouvelle marche lundi prochain", "quitter la base d'ici le 15 septembre"
            if attached_to(cue.root, members, span) or 0 <= cue.start - trigger.end <= 3:
                return cue
        condition = self._condition(clause)
        if condition is not None:
            return condition
        doc = root.doc
        if self.cues(unit, "condition") or self._has_if_clause(span):
            # "En cas d'attaque, l'armée riposterait": the conditional answers a hypothesis
            verb = next((t for t in clause if self._conditional(t)), None)
            if verb is not None:
                return doc[verb.i : verb.i + 1]
        for tok in clause:
            if tok.pos_ in ("VERB", "AUX") and _future(tok):
                return doc[tok.i : tok.i + 1]
            if self._modal(tok):
                return doc[tok.i : tok.i + 1]
            if self._consequence(tok):
                return doc[tok.i : tok.i + 1]
        if root.pos_ == "NOUN" and any(c.dep_ == "det" and fold(c.text) in _ANY for c in root.children):
            return doc[root.i : root.i + 1]  # "résisteront à toute attaque"
        return None

    def _attempts_made(self, unit: int) -> frozenset[int]:
        """Where the attempts told in a past tense start ("ont tenté", "la tentative … a été
        repoussée"), when the unit says nothing was foiled ("a été déjouée")."""
        if self.cues(unit, "foiled"):
            return frozenset()
        return frozenset(c.start for c in self.cues(unit, "attempt") if _in_the_past(c.root))

    def attempted(self, trigger: Span) -> bool:
        """ "ont tenté de s'emparer de Djibo", "n'ont pas réussi à reprendre la ville": the trigger is
        what someone attempted, or failed to do."""
        return self._under_cue(trigger, "attempt", "failure")

    def failed(self, trigger: Span) -> bool:
        """ "se sont séparés sans parvenir à un accord", "ont tenté en vain d'arrêter": the trigger is
        what someone failed to do."""
        return self._under_cue(trigger, "failure")

    def _under_cue(self, trigger: Span, *kinds: str) -> bool:
        unit = self.layout.unit_of(trigger.start)
        span = self.layout.span(unit)
        return any(
            governs(cue.root, trigger.root, span) or 0 <= trigger.start - cue.end <= 2
            for cue in self.cues(unit, *kinds)
        )

    def _has_if_clause(self, span: Span) -> bool:
        return any(t.dep_ == "mark" and fold(t.text) in ("si", "s") for t in span)

    @staticmethod
    def _condition(clause: list[Token]) -> Span | None:
        """ "si le gouvernement reprenait les exportations": a clause under "si" may never happen."""
        for tok in clause:
            if any(c.dep_ == "mark" and fold(c.text) in ("si", "s") for c in tok.children):
                return tok.doc[tok.i : tok.i + 1]
        return None

    def _modal(self, tok: Token) -> bool:
        """ "pourrait lancer", "va lancer", "devrait frapper": a modal or "aller" over an infinitive."""
        if lemma(tok) not in self.rules.modal or "Part" in tok.morph.get("VerbForm"):
            return False
        if any(c.dep_ in ("xcomp", "ccomp") and "Inf" in c.morph.get("VerbForm") for c in tok.children):
            return True
        return tok.dep_.startswith("aux") and "Inf" in tok.head.morph.get("VerbForm")

    def _hedge(self, trigger: Span, clause: list[Token], unit: int, span: Span) -> Span | None:
        hedge = next(iter(self.cues(unit, "hedge")), None)
        if hedge is not None:
            return hedge
        root = trigger.root
        for cue in self.cues(unit, "hedge_modifier"):
            # "un enlèvement présumé", not "les auteurs présumés de l'attaque" nor "ont interpellé un
            # présumé chef terroriste" (the verb's object is what is doubted)
            doc = cue.doc
            if cue.end < len(doc) and doc[cue.end].pos_ in ("NOUN", "PROPN") and cue.end != trigger.start:
                continue  # "un présumé chef terroriste" (the model may take "présumé" for the noun)
            if cue.root.dep_ in ("nsubj", "nsubj:pass", "obj"):
                continue  # "Un présumé voleur a été lynché": the model's noun is who suffered it
            if cue.root.head.i == root.i:
                return cue
            if root.pos_ != "VERB" and (cue.start - trigger.end in (0, 1) or trigger.start - cue.end == 0):
                return cue
        members = {t.i for t in clause}
        for cue in self.cues(unit, "hedge_adverb"):
            if cue.root.head.i in members or abs(cue.start - trigger.start) <= 3:
                return cue
        doc = root.doc
        for tok in clause:
            if self._conditional(tok) and lemma(tok) not in self.rules.modal:
                return doc[tok.i : tok.i + 1]
        return None

    def _consequence(self, tok: Token) -> bool:
        """ "une offensive sur Kharkiv provoquerait des milliers de morts": a verb of consequence in the
        present conditional states a hypothesis (the hedge is the past one: "aurait provoqué")."""
        return (
            lemma(tok) in self.rules.consequences
            and self._conditional(tok)
            and not any(c.dep_.startswith("aux") for c in tok.children)
        )

    def _conditional(self, tok: Token) -> bool:
        """The French conditional: from the model's morphology, or from the form itself (the model
        tags "seraient" as a subjunctive now and then)."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        if "Cnd" in tok.morph.get("Mood"):
            return True
        form = fold(tok.text)
        if form in self.rules.conditional_forms:
            return True
        base = lemma(tok)
        stem = base[:-1] if base.endswith("re") else base
        return base.endswith(("er", "ir", "re")) and form in {stem + e for e in ("ait", "aient")}


#: Every French simple future (and conditional, which the model may tag as one) ends so ("frappera",
#: "marcheront", "seraient"); the model also tags some presents as futures ("accueille").
_FUTURE_ENDINGS = ("rai", "ras", "ra", "rons", "rez", "ront", "rais", "rait", "rions", "riez", "raient")


def _in_the_past(word: Token) -> bool:
    """A verb in a past tense ("ont tenté", "tentèrent"), or a noun whose verb is ("la tentative a
    été repoussée")."""
    verb = word.head if word.pos_ == "NOUN" else word
    if "Past" not in verb.morph.get("Tense"):
        return False
    # a past participle is past only with its auxiliary ("ont tenté", not "en tentant")
    return "Part" not in verb.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in verb.children)


def _future(tok: Token) -> bool:
    return "Fut" in tok.morph.get("Tense") and fold(tok.text).endswith(_FUTURE_ENDINGS)


def _of_the_event_type(word: Span, main: Span) -> bool:
    """A word of the same type of event as the one that decided the event's type, or "l'attaque",
    which names any violence."""
    return word.label_ == "Attack" or SUB_EVENT_TYPES.get(word.label_) == SUB_EVENT_TYPES.get(main.label_)


def _none_of(trigger: Span) -> bool:
    """ "Aucune frappe", "aucun enlèvement": a mention that denies, which refers back to what was told."""
    return any(c.dep_ == "det" and fold(c.text) in ("aucun", "aucune") for c in trigger.root.children)


def _same_source(a: Factuality, b: Factuality) -> bool:
    if a.claimed_by is None or b.claimed_by is None:
        return a.claimed_by == b.claimed_by and a.value == b.value
    x, y = set(fold(a.claimed_by).split()), set(fold(b.claimed_by).split())
    content = {w for w in min(x, y, key=len) if len(w) > 2}
    return bool(content) and content <= max(x, y, key=len)


def _in_the_first_person(trigger: Span) -> bool:
    """The trigger's verb has "nous", "je" or "on" for its subject: "« Nous avons marché »"."""
    verb = trigger.root
    return verb.pos_ == "VERB" and any(
        c.dep_.startswith("nsubj") and c.lower_ in ("nous", "je", "j'", "j’", "on") for c in verb.children
    )
