"""Who did what to whom: actor1 and actor2 of an event, read from the parse.

Voice-aware on verbs ("X a attaqué Y"; "Y a été attaqué par X"), prepositions on
nouns ("l'attaque de X contre Y", "affrontements entre X et Y", "l'enlèvement
de Y par X"); when the parse says nothing, the actors of the event's sentences
in order of appearance. ACLED's defaults then fill the gaps: civilians are the
victims of violence against civilians, protesters the first actor of a
protest, an unnamed armed side is `Unidentified Armed Group (<country>)`, and a
generic "terroristes" takes the name of the armed group the paragraph names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.events.reading import Reading
from sitrep.nlp.components.actors import decode_actor

ARMED = frozenset({1, 2, 3, 4, 8})
_VICTIM_FIRST_NOUNS = frozenset({"Abduction/forced disappearance", "Arrests", "Sexual violence", "Attack"})


@dataclass(frozen=True)
class Actor:
    name: str  # may hold "{country}" for generic actors until the place is known
    inter: int
    country: str | None
    kind: str
    generic: bool
    span: Span | None

    def named(self, country_name: str | None) -> str:
        if "{country}" not in self.name:
            return self.name
        if country_name:
            return self.name.replace("{country}", country_name)
        return self.name.replace(" ({country})", "").replace(" of {country}", "").strip()


def actor_of(span: Span) -> Actor:
    inter, country, kind, generic = decode_actor(span.kb_id_)
    return Actor(span.label_, inter, country, kind, generic, span)


def _mention_in(subtree_root: Token, mentions: Sequence[Actor]) -> Actor | None:
    ids = {t.i for t in subtree_root.subtree}
    inside = [m for m in mentions if m.span is not None and m.span.root.i in ids]
    if not inside:
        return None
    return min(inside, key=lambda m: abs(m.span.root.i - subtree_root.i))


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _case_of(tok: Token) -> str:
    return next((c.lower_ for c in tok.children if c.dep_ == "case"), "")


def _parse_roles(
    trigger: Span, sub_event_type: str, mentions: Sequence[Actor]
) -> tuple[Actor | None, Actor | None]:
    root = trigger.root
    agent = patient = None
    if root.pos_ in ("VERB", "AUX"):
        passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in root.children)
        for subj in _children(root, ("nsubj", "nsubj:pass")):
            found = _mention_in(subj, mentions)
            if passive:
                patient = patient or found
            else:
                agent = agent or found
        for obj in _children(root, ("obj",)):
            patient = patient or _mention_in(obj, mentions)
        for obl in _children(root, ("obl:agent", "obl:arg", "obl:mod", "obl")):
            case = _case_of(obl)
            if case == "par":
                agent = agent or _mention_in(obl, mentions)
            elif case in ("contre", "entre"):
                patient = patient or _mention_in(obl, mentions)
        return agent, patient
    # A noun trigger: "l'attaque de X contre Y", "affrontements entre X et Y".
    for nmod in _children(root, ("nmod", "obl", "obl:mod")):
        case = _case_of(nmod)
        found = _mention_in(nmod, mentions)
        if found is None:
            continue
        if case == "par":
            agent = agent or found
        elif case == "contre":
            patient = patient or found
        elif case == "entre":
            agent = agent or found
            conj = next((c for c in nmod.children if c.dep_ == "conj"), None)
            if conj is not None:
                patient = patient or _mention_in(conj, mentions)
        elif case in ("de", "des", "du", "d'", "d’"):
            if sub_event_type in _VICTIM_FIRST_NOUNS:
                patient = patient or found
            else:
                agent = agent or found
    if agent is None and root.dep_ == "obj" and root.head.pos_ == "VERB":
        for subj in _children(root.head, ("nsubj",)):
            agent = _mention_in(subj, mentions)
    return agent, patient


def _named_group_for(generic: Actor, mentions: Sequence[Actor]) -> Actor:
    """A generic armed actor ("les terroristes") stands for the group the paragraph names."""
    if not generic.generic or generic.inter not in (2, 3):
        return generic
    named = [m for m in mentions if not m.generic and m.inter in (2, 3)]
    if not named or generic.span is None:
        return generic
    return min(named, key=lambda m: abs(m.span.start - generic.span.start) if m.span else 0)


def event_actors(reading: Reading, trigger: Span, sentences: Sequence[int]) -> list[Actor]:
    """All actor mentions of the event's sentences, in order (the trigger's sentence first)."""
    main = reading.sentence_of(trigger)
    order = [main, *[s for s in sentences if s != main]]
    return [actor_of(span) for s in order for span in reading.actors.get(s, [])]


def paragraph_actors(reading: Reading, sentences: Sequence[int]) -> list[Actor]:
    paragraphs = {reading.paragraph_of[s] for s in sentences}
    return [
        actor_of(span)
        for s, spans in sorted(reading.actors.items())
        if reading.paragraph_of[s] in paragraphs
        for span in spans
    ]


def assign_roles(
    reading: Reading,
    trigger: Span,
    sub_event_type: str,
    event_type: str,
    sentences: Sequence[int],
    *,
    claimant: Actor | None = None,
) -> tuple[Actor | None, Actor | None]:
    mentions = event_actors(reading, trigger, sentences)
    context = paragraph_actors(reading, sentences)
    sentence_mentions = [m for m in mentions if m.span is not None and m.span.sent == trigger.sent]
    agent, patient = _parse_roles(trigger, sub_event_type, sentence_mentions)
    if claimant is not None:
        agent = claimant
    armed = [m for m in mentions if m.inter in ARMED]
    civilians = [m for m in mentions if m.inter == 7]

    if event_type == "Protests":
        agent = (
            agent if agent and agent.inter == 6 else _first(mentions, inter=6) or _generic("Protesters", 6)
        )
        patient = patient if patient and patient.inter == 1 else _first(armed, inter=1)
        if sub_event_type == "Peaceful protest":
            patient = None
    elif event_type == "Riots":
        agent = agent if agent and agent.inter == 5 else _first(mentions, inter=5) or _generic("Rioters", 5)
        if sub_event_type == "Mob violence":
            patient = civilians[0] if civilians else _generic("Civilians", 7)
        else:  # demonstrators turned violent: whom they fought, usually the police
            patient = patient if patient and patient.inter == 1 else _first(armed, inter=1)
    elif event_type == "Violence against civilians":
        if agent is None or agent.inter not in ARMED:
            agent = next((m for m in armed if m is not patient), None) or _generic(
                "Unidentified Armed Group", 3
            )
        if patient is None or patient.inter in ARMED:
            patient = civilians[0] if civilians else _generic("Civilians", 7)
    elif sub_event_type == "Arrests":
        # The state arrests; whoever else is named is arrested.
        state = agent if agent and agent.inter == 1 else _first(armed, inter=1)
        others = [m for m in (agent, patient, *armed) if m is not None and m.inter != 1]
        agent, patient = state, (others[0] if others else None)
    else:
        pool = [m for m in armed if not _same_side(m, agent) and not _same_side(m, patient)]
        if agent is None and pool:
            agent = pool.pop(0)
        if patient is None:
            patient = next((m for m in pool if not _same_side(m, agent)), None)
        if patient is None and civilians and event_type == "Explosions/Remote violence":
            patient = civilians[0]
        if agent is None and event_type == "Explosions/Remote violence":
            agent = _generic("Unidentified Armed Group", 3)
    agent = _named_group_for(agent, context) if agent else None
    patient = _named_group_for(patient, context) if patient else None
    if _same_side(agent, patient):
        patient = None
    if agent is None and patient is not None and event_type == "Strategic developments":
        agent, patient = patient, None
    return agent, patient


def _same_side(a: Actor | None, b: Actor | None) -> bool:
    """Two mentions of one side: the same name, or two mentions of the state's own forces
    ("l'armée" and "les FAMa")."""
    if a is None or b is None:
        return False
    return a.name == b.name or (
        a.inter == b.inter == 1 and (a.generic or b.generic or a.country == b.country)
    )


def _first(mentions: Sequence[Actor], *, inter: int) -> Actor | None:
    return next((m for m in mentions if m.inter == inter), None)


def _generic(base: str, inter: int) -> Actor:
    return Actor(f"{base} ({{country}})", inter, None, "generic", True, None)
