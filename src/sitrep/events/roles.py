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

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.events.reading import Reading
from sitrep.lexicons import Lexicon
from sitrep.nlp.components import ACTORS
from sitrep.nlp.components.actors import decode_actor
from sitrep.nlp.terms import TermMatcher
from sitrep.normalize import fold

ARMED = frozenset({1, 2, 3, 4, 8})
#: Bombs set off by a hidden hand: the authority that tells of one is not its side.
_PLANTED = frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"})
#: the kind of a civilian mention coded as its community's militia (actors.yaml fighting_name).
_COMMUNAL = "communal_militia"
_VICTIM_FIRST_NOUNS = frozenset({"Abduction/forced disappearance", "Arrests", "Sexual violence", "Attack"})


@dataclass(frozen=True)
class HeadWords:
    """Words that tell, from above a trigger, whether their subject did it or suffered it
    (context.yaml: undergo_heads, perform_heads)."""

    undergo: frozenset[str] = frozenset()
    perform: frozenset[str] = frozenset()
    blame: frozenset[str] = frozenset()
    #: verbs whose subject tells of the trigger they govern: "la police a confirmé l'attaque"
    #: (cues.yaml attribution_verb and speech_verb, context.yaml comment_heads).
    comment: frozenset[str] = frozenset()
    #: nouns of a crowd (context.yaml crowd_heads): "des centaines de jeunes ont affronté la police".
    crowd: frozenset[str] = frozenset()
    #: words of backing ("appuyées par", context.yaml support_words) and of allies ("ses supplétifs",
    #: ally_words): a side named under one fights beside the side it backs, never against it.
    support: frozenset[str] = frozenset()
    allies: frozenset[str] = frozenset()
    #: nouns of a side's members ("un commandant du Hamas": context.yaml member_nouns).
    members: frozenset[str] = frozenset()
    #: one-word military targets (context.yaml military_targets): "l'attaque du poste de gendarmerie"
    #: names whom it hit, not who made it.
    targets: frozenset[str] = frozenset()
    #: the identity militia civilians of a trade fight as ("des éleveurs": Pastoralist Militia), from
    #: actors.yaml fighting_name; None for other civilians.
    fighting_name: Callable[[str], str | None] = lambda alias: None
    #: members of a government (context.yaml government_members): one arrested, or one that signs an
    #: accord, is the government.
    government: TermMatcher | None = None
    former: frozenset[str] = frozenset()
    #: people named with no side ("personnes", context.yaml unmarked_people).
    unmarked: frozenset[str] = frozenset()
    #: "le groupe", "le mouvement": the armed group named just before (context.yaml group_anaphors).
    group_anaphors: frozenset[str] = frozenset()
    #: words of holding ground (context.yaml control_words): "la zone est contrôlée par l'ex-Séléka".
    controls: frozenset[str] = frozenset()

    @classmethod
    def of(cls, lexicon: Lexicon) -> HeadWords:
        def words(category: str) -> frozenset[str]:
            return frozenset(" ".join(t.words) for t in lexicon.context.get(category, ()))

        return cls(
            undergo=words("undergo_heads"),
            perform=words("perform_heads"),
            blame=words("blame_heads"),
            comment=frozenset(
                fold(" ".join(t.words))
                for category in ("attribution_verb", "speech_verb")
                for t in lexicon.cues.get(category, ())
                if len(t.words) == 1
            )
            | frozenset(fold(w) for w in words("comment_heads")),
            crowd=words("crowd_heads"),
            support=words("support_words"),
            allies=words("ally_words"),
            members=words("member_nouns"),
            targets=frozenset(w for w in words("military_targets") if " " not in w and "*" not in w),
            fighting_name=lexicon.fighting_name,
            government=TermMatcher((t.words, True) for t in lexicon.context.get("government_members", ())),
            former=frozenset(fold(w) for w in words("former_words")),
            unmarked=frozenset(fold(w) for w in words("unmarked_people")),
            group_anaphors=frozenset(fold(w) for w in words("group_anaphors")),
            controls=frozenset(fold(w) for w in words("control_words")),
        )


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


def _mention_in(
    subtree_root: Token, mentions: Sequence[Actor], *, without: Token | None = None
) -> Actor | None:
    """The mention in `subtree_root`'s phrase nearest its head, leaving out the clause `without` heads."""
    ids = {t.i for t in subtree_root.subtree}
    if without is not None:
        ids -= {t.i for t in without.subtree}
    inside = [m for m in mentions if m.span is not None and m.span.root.i in ids]
    if not inside:
        return None
    return min(inside, key=lambda m: abs(m.span.root.i - subtree_root.i))


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _case_of(tok: Token) -> str:
    return next((c.lower_ for c in tok.children if c.dep_ == "case"), "")


def _object_of(actor: Actor, trigger: Span, members: frozenset[str] = frozenset()) -> bool:
    """The actor is the verb trigger's direct object (or the object the parser hung on its day)."""
    verb = trigger.root
    if actor.span is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    objects = _children(verb, ("obj",)) or _misparsed_objects(verb)
    # the object's own head word ("25 terroristes"), or a member of the side ("un commandant du
    # Hamas"), not a side named further down its phrase ("neuf hommes qu'ils accusaient de renseigner
    # le JNIM")
    return any(
        actor.span.start <= o.i < actor.span.end
        or (fold(o.lemma_) in members and actor.span.root.head.i == o.i and actor.span.root.dep_ == "nmod")
        or _named_after(o, [actor]) is actor  # "35 terroristes de Boko Haram", the name hung elsewhere
        for o in objects
    )


def _misparsed_objects(verb: Token) -> list[Token]:
    """ "ont tué lundi cinq soldats": the parser often hangs the object on the day before it, as a
    noun with no preposition (which French does not allow), leaving the verb without one."""
    return [
        n
        for obl in _children(verb, ("obl:mod", "obl"))
        if not _case_of(obl)
        for n in _children(obl, ("nmod",))
        if not _case_of(n) and n.i > obl.i
    ]


def _named_after(noun: Token, mentions: Sequence[Actor]) -> Actor | None:
    """ "35 terroristes de Boko Haram": the group named in the "de" complement right after the noun,
    which the parser may hang on the verb instead."""
    doc = noun.doc
    end = max(t.i for t in noun.subtree) + 1
    if end >= len(doc) or doc[end].lower_ not in ("de", "du", "des", "d'", "d’"):
        return None
    return next((m for m in mentions if m.span is not None and end < m.span.start <= end + 2), None)


def _parse_roles(
    trigger: Span, sub_event_type: str, mentions: Sequence[Actor], heads: HeadWords
) -> tuple[Actor | None, Actor | None]:
    root = trigger.root
    agent = patient = None
    if root.pos_ in ("VERB", "AUX"):
        # "a sauté sur une mine", "est tombé dans une embuscade": the subject suffered it.
        undergone = fold(root.lemma_) in heads.undergo
        passive = undergone or any(c.dep_ in ("aux:pass", "nsubj:pass") for c in root.children)
        subjects = _children(root, ("nsubj", "nsubj:pass"))
        if not subjects and root.dep_ == "conj" and root.head.pos_ == "VERB" and not passive:
            # "des jeunes ont bloqué la route ... et affronté la police": the first verb's subject
            subjects = _children(root.head, ("nsubj",))
        for subj in subjects:
            found = _mention_in(subj, mentions) or _group_named_before(subj, heads)
            unarmed = found is None or found.inter == 7
            if unarmed and not passive and sub_event_type == "Armed clash" and is_crowd(subj, heads):
                # "des centaines de commerçants ont affronté les forces de l'ordre": a crowd, not an
                # armed group nor civilians (the assembler codes a crowd fighting as a riot)
                found = generic_actor("Rioters", 5)
            if passive:
                patient = patient or found
            else:
                agent = agent or found
        subjectless = not _children(root, ("nsubj", "nsubj:pass", "expl:subj"))
        if agent is None and not passive and subjectless:
            # "L'armée accuse les rebelles du M23 d'avoir bombardé le camp": the accused did it, not
            # the accuser (who, as the verb's subject, would otherwise be read as the doer below)
            agent = _accused(root, mentions, heads)
            if agent is not None:
                subjectless = False
        if agent is None and not passive and subjectless and root.dep_ == "acl:relcl":
            # "Le groupe jihadiste HTS, qui contrôle Idleb, a arrêté samedi …", which the parser
            # hangs on "groupe" as a relative clause without its "qui": the noun is the subject
            agent = _mention_in(root.head, mentions, without=root)
        if agent is None and not passive and subjectless and root.dep_ == "xcomp":
            # "La police a annoncé avoir tué 20 membres de gangs", "l'armée affirme avoir neutralisé":
            # the infinitive's doer is the subject of the verb it hangs on
            for subj in _children(root.head, ("nsubj",)):
                agent = agent or _mention_in(subj, mentions) or _group_named_before(subj, heads)
        # (an object after a verb joined to this one is that verb's, whatever the parser says: "ont tué
        # 35 terroristes et libéré douze otages")
        joined = [c.i for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > root.i]
        objects = _children(root, ("obj",)) or _misparsed_objects(root)
        for obj in [o for o in objects if not any(v < o.i for v in joined)]:
            patient = patient or _mention_in(obj, mentions) or _named_after(obj, mentions)
        # (the parser may hang "par X" on the day after the verb: "a été arrêté lundi par des soldats")
        days = [c for c in root.children if c.dep_ in ("xcomp", "obl:mod") and c.pos_ == "NOUN"]
        by_day = [by for day in days for by in _children(day, ("obl:agent",))]
        for obl in [*_children(root, ("obl:agent", "obl:arg", "obl:mod", "obl")), *by_day]:
            case = _case_of(obl)
            if case == "par":
                agent = agent or _mention_in(obl, mentions)
            elif case in ("contre", "entre", "sur"):
                # (and whom shots were fired at: "ont ouvert le feu sur des fidèles")
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
            if sub_event_type in _VICTIM_FIRST_NOUNS or fold(nmod.lemma_) in heads.targets:
                patient = patient or found
            else:
                agent = agent or found
    for acl in _children(root, ("acl",)):  # "une attaque menée par X", "une embuscade tendue par X"
        for by in _children(acl, ("obl:agent",)):
            agent = agent or _mention_in(by, mentions)
    head_agent, head_patient = _roles_from_head(root, mentions, heads)
    return agent or head_agent, patient or head_patient


def _roles_from_head(
    root: Token, mentions: Sequence[Actor], heads: HeadWords
) -> tuple[Actor | None, Actor | None]:
    """A noun trigger read from the word that governs it: "X ont lancé une attaque" (X did it),
    "X ont été tués dans une attaque" / "X a été la cible d'une attaque" / "X est tombé dans une
    embuscade" (X suffered it), "une patrouille visée par un engin explosif" (the patrouille),
    "les autorités ont attribué l'attaque à X" (X did it)."""
    blamed = _blamed(root, mentions, heads)
    head = root.head
    if head is root or root.dep_ not in ("obj", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "nsubj"):
        return blamed, None
    if head.dep_ == "conj" and not _children(head, ("nsubj", "nsubj:pass")):
        head = head.head  # "ont été tués et trois autres blessés par l'explosion": the first verb's subject
    lemma = fold(head.lemma_)
    subjects = _children(head, ("nsubj", "nsubj:pass"))
    subject = next((m for s in subjects if (m := _mention_in(s, mentions)) is not None), None)
    passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in head.children)
    if root.dep_ == "nsubj" and lemma == "opposer" and (facing := _facing(head, mentions))[1] is not None:
        return facing
    if root.dep_ == "nsubj" and head.pos_ == "VERB":  # "l'attaque a tué trois soldats"
        # (not "porte la marque de Boko Haram", which names the doer)
        objects = [o for o in _children(head, ("obj",)) if fold(o.lemma_) not in heads.blame]
        return blamed, next((m for o in objects if (m := _mention_in(o, mentions)) is not None), None)
    if lemma in heads.undergo or passive and root.dep_ != "obj":
        if subject is not None:
            return blamed, subject
        if root.dep_ == "obl:agent" and head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
            return blamed, _mention_in(head.head, mentions)  # "une patrouille visée par une mine"
        return blamed, None
    if lemma in heads.comment:
        # "La police a confirmé l'attaque", "le gouvernement a condamné l'enlèvement": the teller
        return blamed, None
    if lemma in heads.perform or root.dep_ == "obj" and head.pos_ == "VERB" and lemma not in heads.blame:
        return blamed or subject, None
    return blamed, None


def _group_named_before(subject: Token, heads: HeadWords) -> Actor | None:
    """ "Les rebelles du M23 ... Le groupe a annoncé avoir pris la ville": a bare "le groupe", "ce
    mouvement" (context.yaml group_anaphors) is the named armed group told last before it, within a
    few sentences; None when it has words of its own ("le groupe de travail") or none was named."""
    if fold(subject.lemma_) not in heads.group_anaphors or any(c.dep_ != "det" for c in subject.children):
        return None
    if not any(c.dep_ == "det" and fold(c.lemma_) in ("le", "ce") for c in subject.children):
        return None
    doc = subject.doc
    reach = max(0, subject.idx - _GROUP_ANAPHOR_CHARS)
    named = [
        actor
        for span in doc.spans[ACTORS]
        if reach <= span.start_char
        and span.end <= subject.i
        and not (actor := actor_of(span)).generic
        and actor.inter in (2, 3)
    ]
    return max(named, key=lambda a: a.span.start) if named else None  # type: ignore[union-attr]


#: How far back "le groupe" reaches for the group it names again: a paragraph.
_GROUP_ANAPHOR_CHARS = 600


def _facing(verb: Token, mentions: Sequence[Actor]) -> tuple[Actor | None, Actor | None]:
    """ "Des combats ont opposé les Wazalendo aux rebelles du M23": the object, and the side after
    "à", which the parser hangs on the verb or on the object."""
    to_words = ("à", "au", "aux")
    objects = _children(verb, ("obj",))
    faced = [c for o in objects for c in o.children if c.dep_ == "nmod" and _case_of(c) in to_words]
    faced += [c for c in verb.children if c.dep_.startswith("obl") and _case_of(c) in to_words]
    # (the phrase that names a side: not "à Kalonge", where they fought)
    other = next((c for c in faced if _mention_in(c, mentions) is not None), None)
    one = next((m for o in objects if (m := _mention_in(o, mentions, without=other)) is not None), None)
    return one, _mention_in(other, mentions) if other is not None else None


def _blamed(root: Token, mentions: Sequence[Actor], heads: HeadWords) -> Actor | None:
    """Whom a word above the trigger pins it on: "attribué l'attaque à X", "accuse X d'être à
    l'origine des tirs"."""
    node = root
    for _ in range(3):
        if node.head is node:
            return None
        child, node = node, node.head
        if fold(node.lemma_) not in heads.blame:
            # "L'attaque porte la marque de Boko Haram": the mark the verb's object names
            for obj in _children(node, ("obj",)):
                if obj is not child and fold(obj.lemma_) in heads.blame:
                    return _mention_in(obj, mentions)
            continue
        for arg in _children(node, ("obl", "obl:arg", "obl:mod", "iobj")):
            if _case_of(arg) in ("à", "a") and (found := _mention_in(arg, mentions)) is not None:
                return found
        for obj in _children(node, ("obj",)):
            if obj is not child and (found := _mention_in(obj, mentions)) is not None:
                return found
        return None
    return None


def _accused(verb: Token, mentions: Sequence[Actor], heads: HeadWords) -> Actor | None:
    """The side a word of blame pins a subjectless verb on: "accuse les rebelles d'avoir bombardé",
    which the parser hangs either on the accused noun (acl) or on "accuse" itself (xcomp)."""
    if verb.dep_ not in ("acl", "xcomp", "advcl", "ccomp"):
        return None
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "obj" and fold(head.head.lemma_) in heads.blame:
        return _mention_in(head, mentions, without=verb)
    if fold(head.lemma_) in heads.blame:
        for obj in _children(head, ("obj",)):
            if (found := _mention_in(obj, mentions)) is not None:
                return found
    return None


def _noun_phrase_top(token: Token) -> Token:
    """The head of the whole noun phrase a word is in ("SSA" in "des combattants du SSA": combattants)."""
    while token.dep_ in ("nmod", "appos", "flat:name", "flat", "amod") and token.head is not token:
        token = token.head
    return token


def _set_against(one: Actor, other: Actor) -> bool:
    """Two mentions the sentence sets side by side, as the two sides: "entre le SSA et un groupe armé
    local", "ont opposé des combattants du SSA à un groupe armé local"."""
    if one.span is None or other.span is None or one.span.sent != other.span.sent:
        return False
    a, b = _noun_phrase_top(one.span.root), _noun_phrase_top(other.span.root)
    if a == b:
        return False
    first, second = (b, a) if a.dep_ == "conj" and a.head == b else (a, b)
    # "entre A et B" (not "tenues par des rebelles et par les jihadistes de HTC": allies)
    between = (
        second.dep_ == "conj" and second.head == first and any(c.lower_ == "entre" for c in first.children)
    )
    # "opposer A à B"
    facing = a.head == b.head and {a.dep_, b.dep_} == {"obj", "obl:arg"}
    to = a if a.dep_ == "obl:arg" else b
    return between or facing and any(c.dep_ == "case" and c.lower_ in ("à", "au", "aux") for c in to.children)


def _holding_ground(actor: Actor, controls: frozenset[str]) -> bool:
    """The mention is told as holding or being active in an area, through a word of holding
    (context.yaml control_words) it is the agent, subject or complement of: "la zone est contrôlée
    par des éléments de l'ex-Séléka", "les ADF sont actives dans la zone"."""
    if actor.span is None:
        return False
    for token in (actor.span.root, *list(actor.span.root.ancestors)[:3]):
        if token is not actor.span.root and fold(token.lemma_) in controls:
            return True
        if token.dep_ not in ("nmod", "obl:agent", "nsubj", "nsubj:pass", "obl"):
            return False
    return False


def _named_group_for(
    generic: Actor, mentions: Sequence[Actor], controls: frozenset[str] = frozenset()
) -> Actor:
    """A generic armed actor ("les terroristes") stands for the group the paragraph names."""
    if not generic.generic or generic.inter not in (2, 3, 4):
        return generic
    # "les miliciens" (a communal militia) stand for a militia of the paragraph ("les miliciens
    # CODECO"), never for its rebels
    kinds = (3, 4) if generic.inter == 4 else (2, 3, 4)
    # a militia beside the state ("les FDS et les VDP") is never the "terroristes" they fight (but
    # "les miliciens" of a paragraph about the Wazalendo are the Wazalendo)
    enemy = generic.name.startswith("Unidentified Armed Group")
    if generic.span is None:
        return generic
    named = [
        m
        for m in mentions
        if not m.generic
        and m.inter in kinds
        and not (enemy and m.kind == "auxiliary")
        and not _set_against(m, generic)
        and not _holding_ground(m, controls)
    ]
    if not named:
        return generic
    return min(named, key=lambda m: abs(m.span.start - generic.span.start) if m.span else 0)


def event_actors(reading: Reading, trigger: Span, sentences: Sequence[int]) -> list[Actor]:
    """All actor mentions of the event's sentences, in order (the trigger's sentence first)."""
    main = reading.sentence_of(trigger)
    order = [main, *[s for s in sentences if s != main]]
    return [actor_of(span) for s in order for span in reading.actors.get(s, [])]


def paragraph_actors(reading: Reading, sentences: Sequence[int]) -> list[Actor]:
    """The actors of the event's paragraphs, up to where a sentence opens on another incident
    (Reading.incident_parts)."""
    parts = reading.incident_parts
    wanted = {parts[s] for s in sentences}
    return [
        actor_of(span) for s, spans in sorted(reading.actors.items()) if parts[s] in wanted for span in spans
    ]


def assign_roles(
    reading: Reading,
    trigger: Span,
    sub_event_type: str,
    event_type: str,
    sentences: Sequence[int],
    *,
    heads: HeadWords,
    related: Sequence[Span] = (),
    claimant: Actor | None = None,
    source: Span | None = None,
) -> tuple[Actor | None, Actor | None]:
    """`claimant`: who claimed responsibility (the perpetrator); `source`: who the account is
    attributed to, which tells of the event without taking part in it unless the parse says so."""
    mentions = event_actors(reading, trigger, sentences)
    # "les FARDC, appuyées par des miliciens wazalendo, ...", "l'armée et ses supplétifs de Wagner":
    # a side backing another is neither its foe nor a third party to the fight
    backing = _backers(mentions, heads)
    mentions = [m for m in mentions if not any(m is b for b in backing)]
    context = paragraph_actors(reading, sentences)
    agent, patient = None, None
    # Every word of the happening, in the order of the text: the lede tells who attacked whom, a later
    # "quinze assaillants ont été neutralisés lors de la riposte" tells the counter-attack; and "deux
    # soldats ont été tués ... Les autorités ont attribué l'attaque à l'EI" names each side apart.
    for word in sorted({trigger, *related}, key=lambda t: t.start):
        in_sentence = [m for m in mentions if m.span is not None and m.span.sent == word.sent]
        found_agent, found_patient = _parse_roles(word, sub_event_type, in_sentence, heads)
        if agent is None and found_agent is not None and not _same_side(found_agent, patient):
            agent = found_agent
        # (in a battle, an armed side named facing the doer beats the people, of no side named, an
        # earlier word says died: "20 personnes ont été tuées lors d'affrontements entre l'armée et les
        # miliciens Fano"; context.yaml unmarked_people)
        armed_foe = (
            event_type == "Battles"
            and patient is not None
            and patient.inter == 7
            and patient.span is not None
            and fold(patient.span.root.lemma_) in heads.unmarked  # not "neuf civils": marked unarmed
            and found_patient is not None
            and found_patient.inter in ARMED
        )
        if (
            (patient is None or armed_foe)
            and found_patient is not None
            and not _same_side(found_patient, agent)
        ):
            patient = found_patient
    if claimant is not None:
        agent = claimant
    if source is not None and (
        sub_event_type in _PLANTED
        or event_type in ("Violence against civilians", "Riots")
        or sub_event_type == "Looting/property destruction"
    ):
        # "selon la police somalienne": the police told of the bombing; its forces were not in it;
        # nor in the village attack or the looting it announced, unless the parse makes it the doer.
        # (An army telling of its own strike or battle is in it, the police of the arrests it made, a
        # mission of its own withdrawal.)
        mentions = [m for m in mentions if m.span is None or not _overlaps(m.span, source)]
    armed = [m for m in mentions if m.inter in ARMED]
    civilians = [m for m in mentions if m.inter == 7]

    if event_type == "Protests":
        agent = (
            agent
            if agent and agent.inter == 6
            else _first(mentions, inter=6) or generic_actor("Protesters", 6)
        )
        patient = patient if patient and patient.inter == 1 else _first(armed, inter=1)
        if sub_event_type == "Peaceful protest":
            patient = None
        elif patient is None:
            # "un rassemblement a été dispersé à coups de gaz lacrymogène": by the police, unnamed
            patient = _police()
    elif event_type == "Riots":
        if not (agent and agent.inter == 5):
            agent = _first(mentions, inter=5) or generic_actor("Rioters", 5)
        if sub_event_type == "Mob violence":
            patient = civilians[0] if civilians else generic_actor("Civilians", 7)
        else:  # demonstrators turned violent: whom they fought, usually the police
            patient = patient if patient and patient.inter == 1 else _first(armed, inter=1)
    elif event_type == "Violence against civilians":
        fighter = _as_fighter(agent, heads)
        if fighter is not None and not _does_it(fighter, (trigger, *related)):
            # "des éleveurs ont signalé une attaque contre leur campement": they told of it
            fighter = None
        if fighter is not None:
            # "des éleveurs ont attaqué le village": herders who attack are a communal militia, and
            # its victims are the other civilians
            agent, civilians = fighter, [m for m in civilians if m.span != fighter.span]
            patient = None if patient is not None and patient.span == fighter.span else patient
        if agent is None or agent.inter not in ARMED:
            agent = next((m for m in armed if m is not patient), None) or generic_actor(
                "Unidentified Armed Group", 3
            )
        # (soldiers or police the attack killed stay its target: "ont attaqué le camp de Gao, tuant
        # trois soldats maliens" is a battle, which the assembler retypes it to)
        # (and fighters it killed or wounded, named as its object: "l'armée a tué samedi 25 terroristes",
        # "ont tué cinq soldats" are battles, which the assembler retypes it to)
        state_hit = (
            sub_event_type == "Attack"
            and patient is not None
            and (
                patient.inter == 1 or (patient.inter in ARMED and _object_of(patient, trigger, heads.members))
            )
        )
        if (patient is None or patient.inter in ARMED) and not state_hit:
            patient = civilians[0] if civilians else generic_actor("Civilians", 7)
    elif sub_event_type == "Arrests":
        # The state arrests, or the authority in place where a rebel administration rules ("les
        # forces de sécurité kurdes ont arrêté"): the parse's agent when it is armed. Whoever else is
        # named is arrested.
        state = agent if agent and agent.inter in (1, 2) else _first(armed, inter=1)
        others = [
            m for m in (agent, patient, *armed) if m is not None and m.inter != 1 and not _same_side(m, state)
        ]
        # "17 personnes soupçonnées d'appartenir à l'État islamique": ACLED codes the group arrested
        group = next(
            (
                m
                for m in armed
                if m.inter in (2, 3)
                and not m.generic
                and not _same_side(m, state)
                and m.span is not None
                and m.span.sent == trigger.sent
            ),
            None,
        )
        arrested = others[0] if others else None
        if (
            group is not None
            and arrested is not None
            and arrested.inter == 7
            and arrested.generic
            and arrested.span is not None
            and group.span.root.i in {t.i for t in arrested.span.root.subtree}
        ):
            others.insert(0, group)  # not "ont arrêté 20 habitants après l'attaque de Boko Haram"
        if state is None and others:
            # "cinq membres présumés de l'EI ont été arrêtés": by the authorities, unnamed (ACLED codes
            # the police), never by the group they are said to belong to
            state = _police()
        # (a passive with its subject, or with none the parse could find: "Le journaliste X, connu pour
        # ses chroniques critiques envers la Transition, a été interpellé")
        passive = any(c.dep_ in ("nsubj:pass", "aux:pass") for c in trigger.root.children)
        if state is None and not others and passive:
            # "L'opposant Ousmane Sonko a été arrêté vendredi": someone arrested, by the police unnamed,
            # as ACLED codes it (not "l'arrestation d'un membre d'un des groupes", which names no one)
            state = _police()
        if not others and state is not None:
            # people a named force arrested, with no side named, are civilians as ACLED codes them
            # ("l'armée a arrêté une quinzaine de Palestiniens")
            others = [generic_actor("Civilians", 7)]
        agent, patient = state, (others[0] if others else None)
        official = _government_member(trigger, heads, roles=_ARRESTED)
        if official is not None and (patient is None or (patient.generic and patient.inter == 7)):
            # "ont arrêté le président Alpha Condé": the government arrested, as ACLED codes it
            patient = official
    else:
        if event_type == "Battles":
            # Herders and farmers who fight one another are each a communal militia: the subject, its
            # foe, and the other community the trigger's sentences name ("des heurts ont opposé des
            # éleveurs et des agriculteurs", "affrontements entre éleveurs et cultivateurs").
            said = {w.sent for w in (trigger, *related)}
            in_fight = [m for m in civilians if m.span is not None and m.span.sent in said]
            communities = _distinct([f for m in in_fight if (f := _as_fighter(m, heads)) is not None])
            agent = _as_fighter(agent, heads) or agent
            if agent is None or agent.kind == _COMMUNAL:
                patient = _as_fighter(patient, heads) or patient
            others = [c for c in communities if not _same_side(c, agent) and not _same_side(c, patient)]
            if agent is None and patient is None and len(communities) >= 2:
                agent, patient = communities[0], communities[1]
            elif agent is None and patient is not None and patient.kind == _COMMUNAL and others:
                agent = others[0]
            elif patient is None and agent is not None and agent.kind == _COMMUNAL and others:
                patient = others[0]
        if agent is not None and agent.inter == 7 and event_type in ("Battles", "Explosions/Remote violence"):
            # Civilians do not fight battles nor set off bombs: named as the subject, they are the victims.
            patient, agent = patient or agent, None
        # "les terroristes" and "le JNIM" of one paragraph are one side, not two.
        sides = _distinct([_named_group_for(m, context, heads.controls) for m in armed])
        pool = [m for m in sides if not _same_side(m, agent) and not _same_side(m, patient)]
        if (
            event_type == "Battles"
            and agent is not None
            and patient is not None
            and patient.inter == 7
            and patient.span is not None
            and fold(patient.span.root.lemma_) in heads.unmarked
        ):
            # "a pris Mirebalais après des affrontements avec la police. Cinq personnes ont été tuées":
            # the side fought, named beside a word of the battle, not the people of no side who died
            said = {w.sent for w in (trigger, *related)}
            foe = next(
                (
                    m
                    for m in pool
                    if m.span is not None
                    and m.span.sent in said
                    # (not the doers told again: "une incursion de combattants de Boko Haram")
                    and not _same_side(_named_group_for(m, context, heads.controls), agent)
                ),
                None,
            )
            patient = foe or patient
        if (
            agent is None
            and sub_event_type == "Air/drone strike"
            and patient is not None
            and patient.inter in (2, 3)
            and not any(m.inter == 1 for m in pool)
            and not any(m.span is not None and m.span.sent == trigger.sent for m in pool)
        ):
            # "des frappes aériennes ont permis de neutraliser plusieurs terroristes", the JNIM named
            # only in the next paragraph: aircraft that hit an armed group, nobody named beside them,
            # are those of the one army the article names (none, or two: nobody is guessed)
            agent = _the_one_army(reading)
        unnamed_others = all(m.generic for m in pool if m.inter != 1)
        if agent is None and sub_event_type == "Air/drone strike" and unnamed_others:
            # "des frappes aériennes ont neutralisé des terroristes, selon l'armée": the state that
            # has the aircraft struck, whoever is named first (a named group may fly drones: the RSF)
            agent = next((m for m in pool if m.inter == 1), None)
            pool = [m for m in pool if m is not agent]
        if agent is None and pool:
            agent = pool.pop(0)
            if sub_event_type in _PLANTED and agent.inter == 1 and patient is None:
                # "cinq soldats ont péri quand leur pick-up a roulé sur une mine": the army named
                # beside a planted bomb, with nobody said to have planted it, is what it hit.
                patient, agent = agent, None
        if patient is None and event_type == "Explosions/Remote violence":
            # Shells or a bomb that killed the people of the trigger's own sentence hit them, not the
            # armed side a later sentence mentions.
            here = [m for m in (*pool, *civilians) if m.span is not None and m.span.sent == trigger.sent]
            patient = next((m for m in here if not _same_side(m, agent)), None)
        if patient is None:
            patient = next((m for m in pool if not _same_side(m, agent)), None)
        if patient is None and civilians and event_type == "Explosions/Remote violence":
            patient = civilians[0]
        if agent is None and (
            event_type == "Explosions/Remote violence"
            or event_type == "Battles"
            and (patient is not None or sub_event_type == "Non-state actor overtakes territory")
        ):
            # Someone was attacked, by a side the text does not name.
            agent = generic_actor("Unidentified Armed Group", 3)
    agent = _named_group_for(agent, context, heads.controls) if agent else None
    patient = _named_group_for(patient, context, heads.controls) if patient else None
    if _same_side(agent, patient):
        patient = None
    if sub_event_type == "Other" and patient is None:
        # "ont annoncé avoir renversé le président Mohamed Bazoum": a coup against the government
        patient = _government_member(trigger, heads, roles=_ARRESTED)
    if sub_event_type == "Agreement" and (agent is None or patient is None):
        # "le gouvernement éthiopien et le TPLF ont signé un accord": the government is a party
        official = _government_member(trigger, heads, roles=_SIGNING)
        if official is not None and agent is None:
            agent = official
        elif official is not None:
            patient = official
    if agent is None and patient is not None and event_type == "Strategic developments":
        agent, patient = patient, None
    return agent, patient


def _backers(mentions: Sequence[Actor], heads: HeadWords) -> list[Actor]:
    """Mentions of a side that backs another mention's side: the agent of a word of backing that
    qualifies the other ("les FARDC, appuyées par des miliciens wazalendo"), or named under a word of
    allies joined to the other ("l'armée malienne et ses supplétifs russes du groupe Wagner")."""
    roots = {m.span.root.i: m for m in mentions if m.span is not None}
    found: list[Actor] = []
    for m in mentions:
        if m.span is None or m.inter not in ARMED:
            continue
        root = m.span.root
        for _ in range(3):  # "des miliciens wazalendo": up from the name to the noun it qualifies
            if root.dep_ not in ("nmod", "amod", "flat:name") or root.head.pos_ not in ("NOUN", "PROPN"):
                break
            if root.head.i in roots and roots[root.head.i] is not m:
                break  # (not up into another side's name)
            root = root.head
        head = root.head
        backed = (
            root.dep_ == "obl:agent"
            and fold(head.lemma_) in heads.support
            and head.dep_ in ("acl", "acl:relcl")
            and head.head.i in roots
            and roots[head.head.i] is not m
        )
        # "Appuyés par l'armée rwandaise, les rebelles du M23 ont pris Goma": a participle opening the
        # sentence qualifies its subject
        subject_backed = (
            root.dep_ == "obl:agent"
            and fold(head.lemma_) in heads.support
            and head.dep_ == "advcl"
            and any(
                c.dep_ == "nsubj" and any(t.i in roots and roots[t.i] is not m for t in c.subtree)
                for c in head.head.children
            )
        )
        backed = backed or subject_backed
        # "ses supplétifs russes du groupe Wagner": the group hangs on an ally word joined to a side
        ally = next((t for t in (root, head) if fold(t.lemma_) in heads.allies), None)
        allied = (
            ally is not None
            and ally.dep_ == "conj"
            and ally.head.i in roots
            and roots[ally.head.i] is not m
            and roots[ally.head.i].inter in ARMED
        )
        if backed or allied:
            found.append(m)
    return found


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _same_side(a: Actor | None, b: Actor | None) -> bool:
    """Two mentions of one side: the same name, or two mentions of the state's own forces
    ("l'armée" and "les FAMa"; a government its soldiers arrest is another side)."""
    if a is None or b is None:
        return False
    if "government" in (a.kind, b.kind):
        return a.name == b.name
    return a.name == b.name or (
        a.inter == b.inter == 1 and (a.generic or b.generic or a.country == b.country)
    )


def _as_fighter(actor: Actor | None, heads: HeadWords) -> Actor | None:
    """The communal militia a civilian mention names when its people fight ("des éleveurs"), or None."""
    if actor is None or actor.inter != 7 or actor.span is None:
        return None
    name = heads.fighting_name(actor.span.text)
    return None if name is None else Actor(name, 4, actor.country, _COMMUNAL, True, actor.span)


def _does_it(actor: Actor, words: Sequence[Span]) -> bool:
    """The mention is the doer of one of the happening's words: its subject ("des éleveurs ont
    attaqué"), or its agent ("tués par des éleveurs", "l'attaque du village par des éleveurs")."""
    assert actor.span is not None
    root = actor.span.root
    if root.head.i not in {w.root.i for w in words}:
        return False
    return root.dep_ == "nsubj" or any(c.lower_ == "par" for c in root.children)


def _distinct(actors: Sequence[Actor]) -> list[Actor]:
    seen: set[str] = set()
    return [a for a in actors if not (a.name in seen or seen.add(a.name))]


#: How a member of a government hangs on an arrest: its object, its passive subject, or the noun's
#: complement ("l'arrestation du Premier ministre").
_ARRESTED = frozenset({"obj", "nsubj:pass", "nmod"})
#: How a party hangs on an accord signed: a subject ("le gouvernement et le TPLF ont signé").
_SIGNING = frozenset({"nsubj"})


def _government_member(trigger: Span, heads: HeadWords, *, roles: frozenset[str]) -> Actor | None:
    """The government, when one of its members (context.yaml government_members) hangs on the trigger
    in one of `roles`: "ont arrêté le président Alpha Condé", "le gouvernement éthiopien et le TPLF ont
    signé" (not "l'ancien président", nor "le président du parti", a president of something else)."""
    if heads.government is None:
        return None
    root = trigger.root
    if root.dep_ == "obj" and "nsubj" in roles:
        root = root.head  # "ont signé un accord": the parties are the signing verb's subjects
    for match in heads.government.find(trigger.sent):
        word = match.span.root
        # the trigger's dependent the member belongs to, through a list ("X et le ministre")
        top = word
        while top.dep_ in ("conj", "appos") and top.head != root:
            top = top.head
        # (the parser may take an object past a day for a second subject: "ont arrêté dimanche le
        # président", where the verb's subject came before it)
        second_subject = (
            top.dep_ == "nsubj"
            and top.i > root.i
            and any(c.dep_ == "nsubj" and c.i < root.i for c in root.children)
        )
        if top.head != root or not (top.dep_ in roles or ("obj" in roles and second_subject)):
            continue
        near = {fold(t.lower_) for t in word.doc[max(0, match.span.start - 2) : match.span.start]}
        near |= {fold(c.lower_) for c in word.children}
        if near & heads.former:
            continue
        if len(match.span) == 1 and any(
            c.dep_ == "nmod" and any(x.dep_ == "case" and x.lemma_ == "de" for x in c.children)
            for c in word.children
        ):
            continue  # "le président du parti" ("le ministre de la Défense" is an entry of its own)
        return Actor("Government of {country}", 1, None, "government", True, match.span)
    return None


def _first(mentions: Sequence[Actor], *, inter: int) -> Actor | None:
    return next((m for m in mentions if m.inter == inter), None)


def is_crowd(subject, heads: HeadWords) -> bool:
    """The subject is a crowd: its head, or the noun it counts ("des centaines de jeunes"), is a crowd
    word."""
    words = {fold(subject.lemma_)} | {fold(c.lemma_) for c in subject.children if c.dep_ in ("nmod", "det")}
    return bool(words & heads.crowd)


def _the_one_army(reading: Reading) -> Actor | None:
    """The state forces the article names, when it names one state's only (police left out)."""
    armies = [
        actor_of(span)
        for spans in reading.actors.values()
        for span in spans
        if span.kb_id_.startswith("1|") and actor_of(span).kind != "police"
    ]
    if not armies or any(not _same_side(a, armies[0]) for a in armies):
        return None
    return armies[0]


def _police() -> Actor:
    """The police of the event's country, unnamed: who disperses a protest or makes an arrest."""
    return Actor("Police Forces of {country}", 1, None, "police", True, None)


def generic_actor(base: str, inter: int) -> Actor:
    """An unnamed side, "Unidentified Armed Group ({country})", its country filled in by the place."""
    return Actor(f"{base} ({{country}})", inter, None, "generic", True, None)


def named_doers(trigger: Span, blame: frozenset[str] = frozenset()) -> list[Span]:
    """The proper names that did what an active verb says ("La Russie a bombardé"), or that the
    passive's or the noun's "par" names ("frappes menées par Israël"), or that a word of `blame`
    accuses of it ("ont accusé la Turquie d'avoir mené une frappe")."""
    root, doc = trigger.root, trigger.doc
    if root.pos_ == "NOUN" and root.dep_ == "nmod" and root.head.pos_ == "NOUN":
        root = root.head  # "une série de frappes"
    if root.pos_ == "NOUN" and root.dep_ == "obj" and root.head.pos_ == "VERB":
        root = root.head  # "ont mené une série de frappes": who led them
    passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in root.children)
    found = []
    if root.dep_ in ("xcomp", "acl", "advcl", "ccomp") and fold(root.head.lemma_) in blame:
        found += [c for c in root.head.children if c.dep_ == "obj"]  # the accused
    if root.dep_ == "acl" and root.head.dep_ == "obj" and fold(root.head.head.lemma_) in blame:
        found.append(root.head)  # "accuse Moscou d'avoir frappé", the clause hung on the accused
    if root.pos_ == "VERB" and not passive:
        found += [c for c in root.children if c.dep_ == "nsubj"]
    carriers = [root, *(c for c in root.children if c.dep_ == "acl")]
    found += [
        c
        for head in carriers
        for c in head.children
        if c.dep_ in ("obl:agent", "nmod") and any(d.dep_ == "case" and d.lower_ == "par" for d in c.children)
    ]
    out = []
    for tok in found:
        if tok.pos_ != "PROPN":
            continue
        # the name with its flat parts ("États-Unis", "Arabie saoudite"), without its article
        parts = [tok, *(c for c in tok.children if c.dep_ in ("flat:name", "flat", "amod"))]
        start, end = min(t.i for t in parts), max(t.i for t in parts) + 1
        if end < len(doc) and doc[end].text == ":":
            continue  # "RDC : le M23 s'empare de Katanda": the headline's rubric, not who acted
        out.append(doc[start:end])
    return out
