"""Factuality of an event and who the claim comes from.

Reads the cue spans (sitrep_cues) and the parse around the event's trigger:

- denied        a denial cue in the sentence, or a negation attached to the trigger;
- hypothetical  a threat/plan/possibility cue before the trigger, a future-tense
                trigger, or an "if it is confirmed" condition;
- unconfirmed   the conditional mood on the trigger's clause ("se serait rendu",
                "aurait été tué"), or a hedge ("présumé", "reste à confirmer");
- reported      stated as fact but attributed ("selon X", "a annoncé X", "de
                source sécuritaire", a claim of responsibility);
- asserted      none of the above: the publisher states it.

A "Selon X," that opens a paragraph covers the whole paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.events.reading import Reading

_MAX_CLAIMANT_TOKENS = 16


@dataclass(frozen=True)
class Factuality:
    value: str
    claimed_by: str | None = None
    cue: Span | None = None
    claimant: Span | None = None
    #: True when the claim is a claim of responsibility (the claimant is the perpetrator).
    responsibility: bool = False


def _clause_tokens(trigger: Token) -> list[Token]:
    """The trigger, the verbs it hangs from (up to the clause root), and their auxiliaries."""
    chain = [trigger]
    head = trigger
    while head.head is not head and head.dep_ not in ("ROOT",) and len(chain) < 4:
        head = head.head
        chain.append(head)
        if head.pos_ in ("VERB", "AUX"):
            break
    out = []
    for tok in chain:
        out.append(tok)
        out.extend(c for c in tok.children if c.dep_.startswith("aux") or c.dep_ == "cop")
    return out


def _mood_conditional(tokens: list[Token]) -> bool:
    return any("Cnd" in t.morph.get("Mood") for t in tokens)


def _future(tokens: list[Token]) -> bool:
    return any("Fut" in t.morph.get("Tense") and t.pos_ in ("VERB", "AUX") for t in tokens)


def _negated(trigger: Token) -> bool:
    if any(c.lower_ in ("ne", "n'", "n’", "pas", "jamais") for c in trigger.children if c.dep_ == "advmod"):
        return True
    return any(c.lower_ in ("aucun", "aucune", "nul", "nulle") for c in trigger.children if c.dep_ == "det")


#: Head nouns that carry a claim but are not its source ("des informations non vérifiées").
_NOT_SOURCES = frozenset(
    {
        "information",
        "message",
        "rumeur",
        "nouvelle",
        "vidéo",
        "image",
        "bilan",
        "ce",
        "cela",
        "il",
        "elle",
        "lui",
    }
)


#: Nouns that carry someone's words: the source is their owner.
_CARRIERS = frozenset({"communiqué", "déclaration", "rapport", "message", "vidéo", "enregistrement", "bilan"})


def _case_of(tok: Token) -> str:
    return next((c.lower_ for c in tok.children if c.dep_ == "case"), "")


_CLAUSE_WORDS = frozenset({"qui", "que", "qu'", "qu’", "dont"})


def _noun_phrase(head: Token) -> Span | None:
    """The words of a claimant's noun phrase: its determiners and modifiers, not the clause after it
    (no relative clause, no verb, no line break), at most _MAX_CLAIMANT_TOKENS words."""
    if head.lemma_.lower() in _CARRIERS:
        # "un communiqué de l'état-major": the source is whose communiqué it is.
        owner = next(
            (c for c in head.children if c.dep_ == "nmod" and _case_of(c) in ("de", "d'", "d’", "du")), None
        )
        if owner is not None:
            return _noun_phrase(owner)
    if head.pos_ == "PRON" or head.lemma_.lower() in _NOT_SOURCES:
        return None
    if any(c.dep_ == "det" and c.lower_ in ("aucun", "aucune", "nul", "nulle") for c in head.children):
        return None  # "aucune source officielle" names nobody
    doc = head.doc
    inside = {t.i for t in head.subtree}
    start = head.i
    while start - 1 in inside and not doc[start - 1].is_punct and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while start < head.i and doc[start].dep_ == "case":
        start += 1  # "par ses ex-compagnons": the source is what follows the preposition
    end = head.i + 1
    while end in inside and end - start < _MAX_CLAIMANT_TOKENS and "\n" not in doc[end - 1].text_with_ws:
        tok = doc[end]
        if tok.is_space or tok.is_punct or tok.pos_ in ("VERB", "AUX") or tok.lower_ in _CLAUSE_WORDS:
            break
        end += 1
    return doc[start:end]


def _phrase_after(cue: Span) -> Span | None:
    """The noun phrase after "selon"/"d'après", up to the next comma, verb or full stop."""
    doc = cue.doc
    end = cue.end
    sent_end = cue.sent.end
    while end < sent_end and end - cue.end < _MAX_CLAIMANT_TOKENS:
        tok = doc[end]
        if tok.is_punct or tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("qui", "que", "qu'", "qu’"):
            break
        end += 1
    if end <= cue.end:
        return None
    phrase = doc[cue.end : end]
    if phrase.root.pos_ == "PRON" or phrase.root.lemma_.lower() in _NOT_SOURCES:
        return None  # "selon lui": the source is named elsewhere
    return phrase


def _subject_of(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and child.i >= verb.sent.start:
            return _noun_phrase(child)
    return None


def _agent_of(verb: Token) -> Span | None:
    """ "revendiqué par l'EIGS", "confirmée par ses ex-compagnons": the agent of a passive verb."""
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return _noun_phrase(child)
    return None


def _inverted_speaker(verb: Token) -> Span | None:
    """ "..., a annoncé le gouverneur.": in an incise the speaker follows the verb, and the French
    model often parses it as the object."""
    before = verb.doc[max(verb.sent.start, verb.i - 3) : verb.i]
    if not any(t.text == "," for t in before):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("obj", "nsubj") and c.i > verb.i), None)
    return _noun_phrase(obj) if obj is not None else None


def attribution_in(reading: Reading, sentence: int) -> Factuality | None:
    """The named source of a sentence, as a "reported" factuality (None when it names none)."""
    return _attribution(reading, sentence)


def _antecedent(reading: Reading, found: Factuality, sentence: int) -> Factuality:
    """ "selon la même source", "son communiqué": the source named earlier in the article."""
    claimant = found.claimant
    if claimant is None or not any(
        c.label_ == "anaphoric_source" and c.start < claimant.end and claimant.start < c.end
        for c in reading.cues.get(sentence, [])
    ):
        return found
    for earlier in range(sentence - 1, -1, -1):
        before = _attribution(reading, earlier, follow=False)
        if before is not None and before.claimant is not None:
            return Factuality(
                found.value, before.claimed_by, found.cue, before.claimant, found.responsibility
            )
    return found


def _attribution(reading: Reading, sentence: int, *, follow: bool = True) -> Factuality | None:
    """The attribution a sentence makes, its anaphoric sources followed back when `follow`."""
    found = _sentence_attribution(reading, sentence)
    if found is not None and follow:
        return _antecedent(reading, found, sentence)
    return found


def _sentence_attribution(reading: Reading, sentence: int) -> Factuality | None:
    if reading.is_headline(sentence):
        return None  # a headline's "X revendique ..." is told again, with its source, in the body
    cues = reading.cues.get(sentence, [])
    for cue in cues:
        if cue.label_ == "responsibility" and not _negated(cue.root):
            claimant = _agent_of(cue.root) or _subject_of(cue.root)
            if claimant is not None and len(claimant):
                return Factuality("reported", claimant.text, cue, claimant, responsibility=True)
    for cue in cues:
        if cue.label_ == "attribution_prep":
            claimant = _phrase_after(cue)
            if claimant is not None and len(claimant):
                return Factuality("reported", claimant.text, cue, claimant)
    for cue in cues:
        if cue.label_ == "anonymous_source":
            return Factuality("reported", cue.text, cue, cue)
    for cue in cues:
        if cue.label_ == "attribution_verb" and cue.root.pos_ == "VERB":
            verb = cue.root
            if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children):
                claimant = _agent_of(verb)  # "confirmée par ses ex-compagnons": the subject is the news
            else:
                claimant = _subject_of(verb) or _inverted_speaker(verb)
            if claimant is not None:
                return Factuality("reported", claimant.text, cue, claimant)
    return None


def _paragraph_attribution(reading: Reading, sentence: int) -> Factuality | None:
    """A "Selon X," opening an earlier sentence of the same paragraph covers this one."""
    paragraph = reading.paragraph_of[sentence]
    for earlier in range(sentence - 1, -1, -1):
        if reading.paragraph_of[earlier] != paragraph:
            break
        first = reading.sentences[earlier][0]
        if first.lower_ in ("selon", "d'après", "d’après", "d"):
            return _attribution(reading, earlier)
    return None


def _speaker(reading: Reading, cue: Span) -> Span | None:
    """The subject of a denial or threat verb, outside headlines (whose subjects are clipped and
    told again in the body: "Ankara menace de ...")."""
    if cue.root.pos_ not in ("VERB", "AUX") or reading.is_headline(reading.sentence_of(cue)):
        return None
    return _subject_of(cue.root)


def _hypothetical(reading: Reading, cue: Span, attribution: Factuality | None) -> Factuality:
    """Who threatens, plans or announces it is who the claim comes from."""
    who = _speaker(reading, cue)
    if who is None and attribution is not None:
        who = attribution.claimant
    return Factuality("hypothetical", who.text if who else None, cue, who)


def factuality_of(reading: Reading, trigger: Span) -> Factuality:
    """The factuality of the event that `trigger` reports, read from its sentence."""
    sentence = reading.sentence_of(trigger)
    cues = reading.cues.get(sentence, [])
    root = trigger.root
    clause = _clause_tokens(root)

    attribution = _attribution(reading, sentence) or _paragraph_attribution(reading, sentence)
    for cue in cues:
        if cue.label_ == "denial":
            # Who denies it is who the record's claim comes from.
            denier = _speaker(reading, cue)
            if denier is None and attribution is not None:
                denier = attribution.claimant
            return Factuality("denied", denier.text if denier else None, cue, denier)
    if _negated(root):
        return Factuality(
            "denied",
            attribution.claimed_by if attribution else None,
            trigger,
            attribution.claimant if attribution else None,
        )
    for cue in cues:
        if cue.label_ == "condition" or (
            cue.label_ == "hypothetical" and cue.start <= trigger.start and trigger.start - cue.end <= 6
        ):
            return _hypothetical(reading, cue, attribution)
    if _future(clause):
        return _hypothetical(reading, trigger, attribution)

    hedge = next((c for c in cues if c.label_ == "hedge"), None)
    if hedge is None:
        hedge = next(
            (c for c in cues if c.label_ == "hedge_adverb" and abs(c.start - trigger.start) <= 8), None
        )
    if hedge is None and _mood_conditional(clause):
        verb = next(t for t in clause if "Cnd" in t.morph.get("Mood"))
        hedge = reading.doc[verb.i : verb.i + 1]
    if hedge is not None:
        claimed = attribution.claimed_by if attribution else None
        claimant = attribution.claimant if attribution else None
        return Factuality("unconfirmed", claimed, hedge, claimant)
    if attribution is not None:
        return attribution
    return Factuality("asserted")


#: When an event's sentences disagree, the body's strongest reading wins.
STRENGTH = {"asserted": 4, "reported": 3, "unconfirmed": 2, "hypothetical": 1, "denied": 0}
