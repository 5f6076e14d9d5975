"""Who says so: the source a sentence attributes an event to, followed back when it is anaphoric.

A sentence names its source by a claim of responsibility ("revendiqué par l'EIGS"), a preposition
("selon X", "d'après X", "a-t-on appris de source sécuritaire"), a speech verb that governs the
event or closes it as an incise ("X a annoncé que ...", "..., a indiqué X"), or a quotation
(« ... », a raconté X). A "Selon X," opening a sentence covers the rest of its paragraph.
"la même source", "l'agence", "son porte-parole", "selon lui" are followed back to the source
named before them. The outlet's own reporter ("notre correspondant") is no source.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Span, Token

from sitrep.events import claimants as names
from sitrep.events.happenings import context_words
from sitrep.events.reading import Reading
from sitrep.events.scope import (
    PERSONAL_PRONOUNS,
    Layout,
    bare_participle,
    definite,
    det_negative,
    governs,
    has_negator,
    in_relative_clause,
    lemma,
    own_reporter,
    pronoun_subject,
    same_clause,
)
from sitrep.normalize import fold

_DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})


def _after_participle(by: Token) -> bool:
    """ "publiée jeudi par": "par" within three words of a past participle before it."""
    doc = by.doc
    return any("Part" in t.morph.get("VerbForm") for t in doc[max(0, by.i - 3) : by.i])


#: How many sentences after the lede a claim of responsibility is looked for.
_CLAIM_REACH = 10


@dataclass(frozen=True)
class Claim:
    """A source: its name as the text gives it and the span behind it (None for "selon lui" with
    nobody named before), and the cue that attributes the event to it."""

    claimed_by: str | None
    cue: Span
    claimant: Span | None
    unit: int
    #: a claim of responsibility: the claimant is the perpetrator.
    responsibility: bool = False
    #: "des messages évoquaient des combats": carried by unnamed messages, a hedge more than a source.
    rumour: bool = False


class Sources:
    """Finds the sources of one article's sentences."""

    def __init__(self, reading: Reading, layout: Layout, words: names.Words):
        self.reading = reading
        self.layout = layout
        self.words = words

    # ------------------------------------------------------------------ per trigger

    def of_trigger(self, trigger: Span, unit: int) -> Claim | None:
        """Who the trigger's sentence attributes it to: its own frames, then the quotation it is in,
        then a "Selon X," opening its paragraph."""
        found = self.in_unit(unit, trigger=trigger)
        if found is not None:
            return found
        quote = self.layout.quote_of(trigger.start)
        if quote is not None:
            verb, who = names.speaker_of_quote(self.layout, quote, self.words)
            if verb is not None:
                here = self.layout.unit_of(verb.start)
                if who is None:
                    return self._antecedent(Claim(None, verb, None, here))
                return self._named(who, verb, here)
        return self._paragraph(unit)

    def in_unit(self, unit: int, *, trigger: Span | None = None, follow: bool = True) -> Claim | None:
        """The source a unit names (for `trigger` when given: a frame that bears on it)."""
        span = self.layout.span(unit)
        root = trigger.root if trigger is not None else None

        def named(who: Span | None, cue: Span, *, responsibility: bool = False) -> Claim | None:
            # "a-t-on appris à l'hôpital régional": the hospital, not the preposition before it
            while who is not None and len(who) > 1 and who[0].pos_ == "ADP":
                who = who[1:]
            if who is None or not len(who) or own_reporter(who):
                return None
            found = Claim(who.text, cue, who, unit, responsibility)
            return self._antecedent(found) if follow and self._anaphoric(who) else found

        for cue in self.layout.cues(unit, "responsibility"):
            if not has_negator(cue.root) and not det_negative(cue.root):
                verb = cue.root
                who = names.agent_of(verb, span, self.words)
                if who is None and not any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children):
                    # (the subject of "a été revendiquée" is the attack, never who claimed it)
                    who = names.subject_of(verb, span, self.words)
                if (found := named(who, cue, responsibility=True)) is not None:
                    return found
        hedges = self.layout.cues(unit, "hedge")
        for cue in self.layout.cues(unit, "attribution_prep"):
            if any(h.start <= cue.start < h.end for h in hedges):
                continue  # "pas pu être confirmé de source indépendante"
            if root is None or same_clause(root, cue.root, span):
                phrase = names.phrase_after(cue, span, self.words)
                if phrase is not None:
                    # "a-t-on appris jeudi de source militaire": the source, not the day before it
                    phrase = next(
                        (
                            a
                            for a in self.layout.cues(unit, "anonymous_source")
                            if phrase.start < a.start and a.end <= phrase.end and phrase[0].pos_ != "DET"
                        ),
                        phrase,
                    )
                if (found := named(phrase, cue)) is not None:
                    return found
        for cue in self.layout.cues(unit, "attribution_verb", "accusation"):
            verb = cue.root
            if verb.pos_ != "VERB" or has_negator(verb) or bare_participle(verb):
                continue
            if root is not None and not self._covers(verb, root, span):
                continue
            who = self._verb_speaker(cue, span)
            if who is None and self._carrier_subject(verb, span):
                return Claim(None, cue, None, unit, rumour=True)
            if (found := named(who, cue)) is not None:
                return found
        for cue in self.layout.cues(unit, "anonymous_source"):
            before = cue.doc[max(span.start, cue.start - 2) : cue.start]
            if any(fold(t.text) in ("de", "d", "aupres") for t in before):
                return Claim(cue.text, cue, cue, unit)  # "..., a-t-on appris de source sécuritaire"
        return None

    def said_before(self, unit: int) -> Claim | None:
        """Who says, in "C'est ce qu'ont indiqué des notables de la zone", what the sentence before told."""
        span = self.layout.span(unit)
        for cue in self.layout.cues(unit, "attribution_verb"):
            who = names.inverted_speaker(cue, span, self.words, self.layout.dated, relative=True)
            if who is not None and len(who) and not own_reporter(who):
                return Claim(who.text, cue, who, unit)
        return None

    def speaker(self, cue: Span) -> Claim | None:
        """Who denies, threatens or plans: the subject of the cue verb (the agent of a passive one),
        outside the headline, whose subjects are clipped and told again in the body."""
        unit = self.layout.unit_of(cue.start)
        if cue.root.pos_ not in ("VERB", "AUX") or unit in self.layout.headline:
            return None
        span = self.layout.span(unit)
        if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in cue.root.children):
            who = names.agent_of(cue.root, span, self.words)  # "des rumeurs démenties par l'armée"
        else:
            who = names.subject_of(cue.root, span, self.words)
        return self._named(who, cue, unit) if who is not None else None

    def planner(self, cue: Span, trigger: Span, unit: int) -> Claim | None:
        """Who threatens, plans or calls for it: the subject of the cue verb ("le JNIM menace de");
        for a modal, a future or a condition, who says so, or the subject of a threat in the
        sentence ("ont menacé de frapper ... si le gouvernement reprenait")."""
        if cue.label_ in ("hypothetical", "hypothetical_verb", "condition"):
            return self.speaker(cue) or self.of_trigger(trigger, unit)
        source = self.of_trigger(trigger, unit)
        if source is not None:
            return source
        for other in self.layout.cues(unit, "hypothetical", "hypothetical_verb"):
            who = self.speaker(other)
            if who is not None:
                return who
        return None

    # ------------------------------------------------------------------ per article

    def headline(self) -> Claim | None:
        """ "..., annonce l'armée", "..., selon l'OSDH": an attribution the headline gives."""
        for unit in sorted(self.layout.headline):
            found = self.in_unit(unit, follow=False)
            if found is not None and not found.responsibility and not found.rumour:
                return found
        return None

    def lede(self) -> Claim | None:
        """The source of the first body sentence, which retells the headline."""
        body = self.layout.body_units()
        return self.in_unit(body[0]) if len(body) else None

    def denier(self, upto: int) -> Claim | None:
        """Who denies something in the first body sentence up to `upto` that has a denial."""
        for unit in self.layout.body_units():
            if unit > upto:
                break
            for cue in self.layout.cues(unit, "denial"):
                who = self.speaker(cue)
                if who is not None:
                    return who
        return None

    def before(self, unit: int) -> Claim | None:
        """The nearest source named earlier in the paragraph ("Cette reddition, si ...")."""
        for earlier in range(unit - 1, -1, -1):
            if self.layout.paragraph[earlier] != self.layout.paragraph[unit]:
                break
            found = self.in_unit(earlier)
            if found is not None and not found.rumour:
                return found
        return None

    def later_claim(self, lede: int, own: set[int], others: frozenset[int] | None = None) -> Claim | None:
        """ "Une explosion a fait trois morts. L'attentat a été revendiqué par les shebab.": a claim
        of responsibility told after the event, before any other event, is a claim of this one.
        `others`: where the other events' words start (None: any event word not in `own` that is not a
        definite mention, "l'attentat", of this one). A history sentence ends the search."""
        # A claim often comes late, after the toll, the witnesses and the officials' words.
        kinds = {
            t.label_ for spans in self.reading.triggers.values() for t in spans if t.start in own
        }
        for unit in range(lede + 1, min(lede + 1 + _CLAIM_REACH, len(self.layout.starts))):
            text = self.layout.span(unit).text
            if any(p.search(text) for p in self.reading.lexicon.history_patterns):
                return None  # "En 2019, un attentat ... avait été revendiqué par les shebab": another one
            found = self.in_unit(unit)
            if found is not None and found.responsibility:
                named = [t for t in self.layout.triggers_in(self.reading, unit) if t.start not in own]
                if named and all(t.label_ not in kinds and t.label_ != "Attack" for t in named):
                    # "des frappes aériennes ... ¶ Le JNIM a revendiqué l'embuscade": the claim names
                    # another kind of happening ("l'attaque" may name any)
                    return None
                return found
            words = [t for t in self.layout.triggers_in(self.reading, unit) if t.start not in own]
            if any(t.start in others if others is not None else not definite(t) for t in words):
                return None  # another event is being told ("l'attentat" is this one, told again)
        return None

    @cached_property
    def document_source(self) -> Claim | None:
        """ "Nous reproduisons ci-dessous la mise à jour publiée jeudi par OCHA": a text the outlet
        reproduces speaks for its issuer (named after "par" in that sentence, else the subject of a
        publication told just before it, else the headline's source: "..., selon OCHA") wherever it
        names no source of its own."""
        body = [u for u in range(len(self.layout.starts)) if u not in self.layout.headline][:3]
        for unit in body:
            if not self.layout.cues(unit, "reproduction"):
                continue
            span = self.layout.span(unit)
            for tok in span:
                # "la mise à jour publiée jeudi par OCHA": the agent of a participle
                if tok.lower_ != "par" or tok.i + 1 >= span.end or not _after_participle(tok):
                    continue
                head = next((t for t in span.doc[tok.i + 1 : span.end] if t.pos_ in ("NOUN", "PROPN")), None)
                who = names.noun_phrase(head, span, self.words) if head is not None else None
                if who is not None and not own_reporter(who):
                    return Claim(who.text, tok.doc[tok.i : tok.i + 1], who, unit)
            if unit - 1 in body:
                # "L'EMGA a publié mercredi un communiqué ... Nous le reproduisons ci-dessous": the
                # subject of the publication told just before
                found = self._publisher(unit - 1)
                if found is not None:
                    return found
            for headline in sorted(self.layout.headline):
                found = self.in_unit(headline, follow=False)
                if found is not None and found.claimant is not None:
                    return found
        return None

    def _publisher(self, unit: int) -> Claim | None:
        span = self.layout.span(unit)
        publishing = context_words(self.reading.lexicon, "publication_verbs")
        for tok in span:
            if tok.pos_ != "VERB" or fold(tok.lemma_) not in publishing:
                continue
            who = names.subject_of(tok, span, self.words)
            if who is not None and not own_reporter(who):
                return Claim(who.text, tok.doc[tok.i : tok.i + 1], who, unit)
        return None

    # ------------------------------------------------------------------ helpers

    def _named(self, who: Span, cue: Span, unit: int) -> Claim | None:
        if own_reporter(who):
            return None
        found = Claim(who.text, cue, who, unit)
        return self._antecedent(found) if self._anaphoric(who) else found

    @cached_property
    def _anaphors(self) -> list[Span]:
        return [c for cues in self.layout.cue_index.values() for c in cues if c.label_ == "anaphoric_source"]

    def _anaphoric(self, who: Span) -> bool:
        """ "la même source", "ce responsable", "l'agence", "son porte-parole", "lui"."""
        if any(a.start < who.end and who.start < a.end and len(who) <= len(a) for a in self._anaphors):
            return True
        first = who[0]
        if len(who) == 1 and fold(first.text) in PERSONAL_PRONOUNS:
            return True
        if first.pos_ == "DET" and fold(first.text) in _DEMONSTRATIVES and len(who) <= 3:
            return True  # "ces responsables", "cet officier": named before
        return first.pos_ == "DET" and "Yes" in first.morph.get("Poss") and len(who) <= 3

    def _antecedent(self, found: Claim) -> Claim:
        """The named source an anaphoric claimant refers to: named earlier in its own sentence
        ("X a affirmé que ses forces prévoyaient ..."), else in an earlier body sentence."""
        here = self.in_unit(found.unit, follow=False)
        if (
            here is not None
            and here.claimant is not None
            and found.claimant is not None
            and here.claimant.end <= found.claimant.start
            and not self._anaphoric(here.claimant)
        ):
            return replace(found, claimed_by=here.claimed_by, claimant=here.claimant)
        for unit in range(found.unit - 1, -1, -1):
            if unit in self.layout.headline:
                break
            before = self.in_unit(unit, follow=False)
            if before is not None and before.claimant is not None and not self._anaphoric(before.claimant):
                return replace(found, claimed_by=before.claimed_by, claimant=before.claimant)
        if found.claimant is not None and fold(found.claimant.text) in PERSONAL_PRONOUNS:
            return replace(found, claimed_by=None, claimant=None)  # attributed, to nobody we can name
        return found

    def _verb_speaker(self, cue: Span, span: Span) -> Span | None:
        """Who speaks through an attribution verb: the agent of a passive ("confirmée par ses
        ex-compagnons"), the speaker after an incise ("..., a annoncé le gouverneur"), the subject."""
        verb = cue.root
        if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children):
            return names.agent_of(verb, span, self.words)
        inverted = names.inverted_speaker(cue, span, self.words, self.layout.dated)
        source = verb.head
        if inverted is None and verb.dep_ == "acl:relcl" and span.start <= source.i < span.end:
            relative = [c for c in verb.children if c.dep_ == "nsubj" and "Rel" in c.morph.get("PronType")]
            # (only a source the sentence already cites: not "des comptes sur les réseaux sociaux qui
            # évoquaient une incursion", where the relative carries a rumour)
            cited = any(c.dep_ == "case" and fold(c.text) in ("selon", "apres") for c in source.children)
            if relative and cited:
                # "selon des habitants, qui évoquent des jets de pierres": who "qui" stands for
                return names.noun_phrase(verb.head, span, self.words)
        return inverted or names.subject_of(verb, span, self.words) or pronoun_subject(verb, span)

    @staticmethod
    def _covers(verb: Token, root: Token, span: Span) -> bool:
        """An attribution verb bears on the trigger: it governs it ("a annoncé que ..."), it is an
        incise after it ("..., a annoncé X"), or it opens the sentence ahead of it."""
        if governs(verb, root, span):
            return True
        if in_relative_clause(verb, span):
            return False  # "les manifestants, qui accusent un policier, ont dressé des barricades"
        if verb.i > root.i:
            return names.is_incise(verb, span)
        return same_clause(root, verb, span)

    def _carrier_subject(self, verb: Token, span: Span) -> bool:
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and span.start <= c.i < span.end), None)
        return subject is not None and lemma(subject) in self.words.carriers

    def _paragraph(self, unit: int) -> Claim | None:
        """A "Selon X," opening an earlier sentence of the same paragraph covers this one."""
        paragraph = self.layout.paragraph[unit]
        for earlier in range(unit - 1, -1, -1):
            if self.layout.paragraph[earlier] != paragraph or earlier in self.layout.headline:
                break
            if fold(self.layout.span(earlier)[0].text) in ("selon", "d"):
                return self.in_unit(earlier)
        return None
