"""Which trigger mentions tell the same happening.

An article tells one attack over several sentences (the headline, the lede,
the toll) and sometimes several happenings (an ambush, then the next day's
counter-attack). Triggers are kept when they are about the conflict (an
ambiguous trigger needs a conflict word in its sentence and no sport/economy
word) and about now (not a history sentence), then grouped: triggers of one
family join the latest happening of that family unless their sentence gives
another day or a place more than 25 km away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from sitrep.events.dates import DateMention
from sitrep.events.reading import Reading, verbless
from sitrep.events.roles import named_doers
from sitrep.events.scope import a_stance, det_negative, has_negator, in_relative_clause, in_since_phrase
from sitrep.geo.distance import haversine_km
from sitrep.lexicons import Lexicon
from sitrep.nlp.components.actors import decode_actor
from sitrep.nlp.components.triggers import AMBIGUOUS
from sitrep.nlp.terms import TermMatcher
from sitrep.normalize import fold
from sitrep.records import Place
from sitrep.taxonomy import SUB_EVENT_TYPES

if TYPE_CHECKING:
    from sitrep.geo.gazetteer import Gazetteer

_SAME_PLACE_KM = 25.0
#: How many sport, business or health words (non_conflict_words) make a story that names no armed
#: side off topic ...
_OFF_TOPIC_WORDS = 3
#: ... and how many, with film and book words (review_words), make it off topic even when it names an
#: armed side, if no sentence dates a war word the filter keeps, nor a death.
_OFF_TOPIC_STORY = 5
#: ... or how many film, book and show words alone (a short review: "le documentaire", "le réalisateur",
#: "un film dur").
_REVIEW_STORY = 3


def family(sub_event_type: str) -> str:
    """Sub-event types that can describe one happening together."""
    event_type = SUB_EVENT_TYPES[sub_event_type]
    if event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return "violence"
    if event_type in ("Protests", "Riots"):
        return "unrest"
    if sub_event_type == "Looting/property destruction":
        return "violence"
    return sub_event_type


@dataclass
class Happening:
    family: str
    triggers: list[Span] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    #: the day its sentences give, and that day's ACLED time precision.
    day: tuple[date, int] | None = None
    place: Place | None = None
    #: the countries its sentences name ("des frappes israéliennes sur le Liban"), ISO2.
    countries: set[str] = field(default_factory=set)
    #: the regions its sentences name as where ("Dans l'État de Zamfara"), as (ISO2, admin1).
    regions: set[tuple[str, str]] = field(default_factory=set)
    #: its sentences plus those just after it that only give its toll (set by the assembler).
    toll_sentences: list[int] = field(default_factory=list)


@dataclass
class _LexiconMatchers:
    """Matchers built once per lexicon (an article's filter only reads them)."""

    lexicon: Lexicon  # held so that its id is never reused while cached
    context: dict[str, TermMatcher[bool]] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    deaths: TermMatcher[bool] = field(init=False)
    revisions: TermMatcher[bool] = field(init=False)
    #: ambiguous terms with a licence of their own (triggers.yaml `licensed_by`) -> its categories.
    licences: TermMatcher[tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        self.deaths = TermMatcher((t.words, True) for t in self.lexicon.fatalities.get("death", ()))
        self.revisions = TermMatcher(
            (t.words, True) for t in self.lexicon.fatalities.get("toll_revisions", ())
        )
        self.licences = TermMatcher(
            (t.words, e.licensed_by) for e in self.lexicon.triggers if e.licensed_by for t in e.terms
        )


_BY_LEXICON: dict[int, _LexiconMatchers] = {}


def _matchers(lexicon: Lexicon) -> _LexiconMatchers:
    found = _BY_LEXICON.get(id(lexicon))
    if found is None or found.lexicon is not lexicon:
        found = _BY_LEXICON[id(lexicon)] = _LexiconMatchers(lexicon)
    return found


def context_matcher(lexicon: Lexicon, category: str) -> TermMatcher[bool]:
    """A matcher of a context.yaml category, built once per lexicon."""
    cache = _matchers(lexicon).context
    if category not in cache:
        cache[category] = TermMatcher((t.words, True) for t in lexicon.context.get(category, ()))
    return cache[category]


def context_words(lexicon: Lexicon, category: str) -> frozenset[str]:
    """A context.yaml category as a set of single words (lemmas or forms), built once per lexicon."""
    cache = _matchers(lexicon).words
    if category not in cache:
        cache[category] = frozenset(" ".join(t.words) for t in lexicon.context.get(category, ()))
    return cache[category]


def own_licence(lexicon: Lexicon, trigger: Span) -> tuple[str, ...] | None:
    """The context.yaml categories that alone license this ambiguous term (triggers.yaml
    `licensed_by`), or None: a kept trigger with one was seen with its licence, like a clear word."""
    return next(
        (
            m.payload
            for m in _matchers(lexicon).licences.find(trigger)
            if (m.span.start, m.span.end) == (trigger.start, trigger.end)
        ),
        None,
    )


class TriggerFilter:
    """Keeps the triggers that are about the conflict, now."""

    def __init__(self, reading: Reading, *, gazetteer: Gazetteer | None = None):
        lexicon = reading.lexicon
        #: tells which names are states ("la Russie", "Moscou"); without one, no name is
        self._gazetteer = gazetteer
        self._blame = context_words(lexicon, "blame_heads")
        self._conflict = context_matcher(lexicon, "conflict_words")
        self._non_conflict = context_matcher(lexicon, "non_conflict_words")
        self._reviews = context_matcher(lexicon, "review_words")
        self._fiction = context_matcher(lexicon, "fiction_frames")
        self._framed: dict[int, bool] = {}
        self._ordnance = context_words(lexicon, "ordnance_nouns")
        self._weapons = context_words(lexicon, "weapon_nouns")
        self._weapon_use = context_matcher(lexicon, "weapon_use")
        self._history = context_matcher(lexicon, "history_markers")
        self._aggregate = context_matcher(lexicon, "aggregate_markers")
        self._judicial = context_matcher(lexicon, "judicial_words")
        self._links = context_matcher(lexicon, "link_markers")
        self._sequels = context_matcher(lexicon, "sequel_openings")
        self._ability = context_words(lexicon, "ability_words")
        self._recurrence = context_words(lexicon, "recurrence_words")
        self._conditions = context_words(lexicon, "condition_words")
        self._provisions = context_words(lexicon, "provision_words")
        self._remembrance = context_words(lexicon, "remembrance_words")
        self._precedent_verbs = context_words(lexicon, "precedent_verbs")
        self._spoils = context_words(lexicon, "spoils_words")
        self._holding = context_words(lexicon, "holding_words")
        self._count_nouns = context_words(lexicon, "count_nouns")
        self._period_starts = frozenset(fold(w) for w in context_words(lexicon, "period_starts"))
        self._reading = reading
        self._cache: dict[tuple[str, int], bool] = {}
        self._kept: dict[tuple[int, int, str], bool] = {}
        self._judicial_tokens: dict[int, set[int]] = {}
        self._not_triggers: dict[int, list[tuple[int, int]]] = {}

    def _sentence_has(self, name: str, matcher: TermMatcher, sentence: int) -> bool:
        key = (name, sentence)
        if key not in self._cache:
            self._cache[key] = self._reading.has_term(sentence, matcher)
        return self._cache[key]

    def off_topic(self) -> bool:
        """A drill, an excavation, a cyberattack, by its headline's words; or a sports, business, health
        or film story: its vocabulary says so, and either no armed actor nor crowd is named in it ("les
        Aigles ont pilonné la défense adverse"; but "un accident ... le rassemblement des manifestants"
        is a protest), or it dates no violence at all."""
        reading = self._reading
        elsewhere = context_matcher(reading.lexicon, "off_topic_headlines")
        headline = [s for s in range(len(reading.sentences)) if reading.is_headline(s)]
        if any(reading.has_term(s, elsewhere) for s in headline):
            return True  # "Kankan : les forces spéciales simulent une prise d'otages dans un hôtel"
        topic_words = len(self._non_conflict.find(reading.doc))
        reviews = len(context_matcher(reading.lexicon, "review_words").find(reading.doc))
        if (topic_words + reviews >= _OFF_TOPIC_STORY or reviews >= _REVIEW_STORY) and not any(
            self._dated_violence(s) for s in reading.triggers
        ):
            # A story told in the words of sport, business, health or film that dates none of its war
            # words nor any death is no conflict news, whatever side it names: a team called "les
            # Militaires" that "exécute" its rival, a film's "frappes aériennes", "l'ennemi invisible" of
            # an epidemic.
            return True
        if any(
            a.kb_id_.split("|")[0] in ("1", "2", "3", "4", "5", "6", "8")
            for spans in reading.actors.values()
            for a in spans
        ):
            return False
        return topic_words >= _OFF_TOPIC_WORDS

    def _dated_violence(self, sentence: int) -> bool:
        """The sentence gives a current day and a trigger that passes the filter, or a death ("ont
        attaqué samedi soir un cinéma ..., tuant deux spectateurs", "un détachement a été attaqué lundi
        à Djibo")."""
        reading = self._reading
        publishing = context_words(reading.lexicon, "publication_verbs")
        if not any(
            not m.past and m.value is not None and not reading.dates_a_text(m, publishing)
            for m in reading.dates_by_sentence.get(sentence, [])
        ):
            return False  # (not "le documentaire diffusé mardi soir retrace dix ans d'opérations")
        # (in a sentence told in sport or business words, "a lancé une attaque foudroyante dimanche" is
        # the race's: only a crowd, "ont manifesté mardi contre la hausse des prix", or a death there is)
        sporting = self._sentence_has("non_conflict", self._non_conflict, sentence)
        if any(
            self.keep(t) and (not sporting or family(t.label_) == "unrest")
            for t in reading.triggers.get(sentence, [])
        ):
            return True
        return bool(_matchers(reading.lexicon).deaths.find(reading.sentences[sentence]))

    def _dated_in_the_past(self, trigger: Span, sentence: int) -> bool:
        """ "Le procès s'est ouvert lundi ... l'attaque de 2018": the date nearest the trigger is old."""

        def of_another(m: DateMention) -> bool:
            # inside a relative clause on another noun: "l'attaque contre le camp, qui avait déjà été
            # visé en mars, a fait cinq morts lundi" dates the camp's past
            words = self._reading.words_of(m)
            return words is not None and any(
                a.dep_ == "acl:relcl" and a.head.i != trigger.root.i
                for a in [words.root, *words.root.ancestors]
            )

        mentions = [m for m in self._reading.dates_by_sentence.get(sentence, []) if not of_another(m)]
        if not mentions:
            return False
        # the noun's own phrase first, with the nouns listed with it: "a condamné mardi trois
        # commandants pour des meurtres, des actes de torture et des pillages commis en avril 2020"
        top = trigger.root
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        own = self._dates_in(top, sentence) if top.pos_ == "NOUN" else []
        # (not a relative clause inside it: "l'attaque contre le camp, qui avait déjà été visé en mars")
        relatives = [t for t in top.subtree if t.dep_ == "acl:relcl"]
        own = [m for m in own if not any(m in self._dates_in(r, sentence) for r in relatives)]
        if not own and trigger.root.pos_ == "NOUN":
            # (however the parser cuts the list: the participle that closes it, with no verb before it)
            closing = next(
                (t for t in trigger.doc[trigger.end : trigger.sent.end] if t.pos_ in ("VERB", "AUX")), None
            )
            if closing is not None and closing.dep_ == "acl":
                own = self._dates_in(closing, sentence)
        if own:
            return all(m.past for m in own)
        nearest = min(mentions, key=lambda m: abs(m.start - trigger.start_char))
        return nearest.past

    def _anaphor_of_history(self, trigger: Span, sentence: int) -> bool:
        """ "… les archives françaises sur le massacre", "le souvenir de ces tueries": a definite or
        demonstrative noun with nothing of its own (no day, no toll) after a story that told violence
        only as history names that history again."""
        reading = self._reading
        if (
            trigger.root.pos_ != "NOUN"
            or reading.is_headline(sentence)
            # "le massacre", "ces tueries", "leur captivité"; "Paris a reconnu qu'il s'agissait d'un
            # massacre": a name given to what was told
            or not any(
                c.dep_ == "det" and (c.lemma_ in ("le", "ce", "son") or _names_what_was_told(trigger.root))
                for c in trigger.root.children
            )
            or self._told_after(trigger, sentence)
        ):
            return False
        # "La frappe a visé samedi un marché": the day of the verb is the subject's; "ont réclamé samedi
        # les archives sur le massacre": not of a noun further down.
        core = trigger.root.dep_ in ("nsubj", "nsubj:pass", "obj", "ROOT")
        if core and any(not m.past for m in reading.dates_by_sentence.get(sentence, [])):
            return False
        earlier = [
            (t, s) for s in range(sentence) if not reading.is_headline(s) for t in reading.triggers.get(s, [])
        ]
        return bool(earlier) and all(
            self.is_history(s) or self._background(t, s) or self._dated_in_the_past(t, s) for t, s in earlier
        )

    def _listed(self, trigger: Span, sentence: int) -> bool:
        """ "Le rapport recense des exécutions sommaires, des enlèvements et des violences sexuelles":
        nouns a report lists, as the object of a verb of listing (context.yaml listing_verbs), or joined
        to it, are a tally, not a happening, unless a day is named inside their phrase."""
        root = trigger.root
        if root.pos_ != "NOUN":
            return False
        # (the parser may hang the list on the first noun's complement, "des exécutions sommaires de
        # civils, des enlèvements et des violences sexuelles", or on what it counts: "plus de 5 200
        # incidents, dont des attaques et des embuscades")
        first = root
        for _ in range(4):
            if first.dep_ not in ("conj", "nmod", "acl:relcl") or first.head.i == first.i:
                break
            first = first.head
        return (
            first.dep_ == "obj"
            and _word_in(first.head, context_words(self._reading.lexicon, "listing_verbs"))
            and not self._dated_inside(trigger, sentence)
        )

    def _a_kind_of_harm(self, trigger: Span) -> bool:
        """ "un pavillon réservé aux victimes de mines", "les blessures par balles et par engins explosifs
        improvisés": a bare plural (no article, no number) hanging on a word of harm (context.yaml
        kind_heads) names a kind of harm, not a happening (not "victimes d'une mine", nor "victimes de
        viols commis par des hommes armés": those are told)."""
        root = trigger.root
        after = trigger.doc[trigger.end] if trigger.end < len(trigger.doc) else root
        # (not "victimes de viols commis par des hommes armés autour de Rutshuru": told, with its doer,
        # however the parser hangs the participle)
        told = any(c.dep_.startswith(("acl", "obl")) for c in root.children) or (
            after.pos_ == "VERB" and "Part" in after.morph.get("VerbForm")
        )
        # "blessures par balles et par engins explosifs": the parser hangs "engins" on "blessures", or on
        # "balles", the first of the list, which hangs on "blessures"
        kinds = context_words(self._reading.lexicon, "kind_heads")
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        harmed = [h for h in (root.head, first.head) if _word_in(h, kinds)]
        # (not "quinze femmes ont été victimes de viols lundi", "ils sont victimes de tirs russes": people
        # who suffered it, a day or not, are told of)
        predicate = any(
            h.dep_ in ("ROOT", "xcomp") or any(c.dep_ == "cop" for c in h.children) or h.head.lemma_ == "être"
            for h in harmed
        )
        sentence = self._reading.sentence_of(trigger)
        dated = any(not m.past for m in self._reading.dates_by_sentence.get(sentence, []))
        return (
            root.pos_ == "NOUN"
            and "Plur" in root.morph.get("Number")
            and not any(c.dep_ in ("det", "nummod") for c in root.children)
            and not told
            and bool(harmed)
            and not predicate
            and not dated
        )

    def _named_as_a_method(self, trigger: Span, sentence: int) -> bool:
        """ "reconnaître le viol comme un moyen de perpétrer un génocide", "la torture et les meurtres
        sont des méthodes acceptées": violence named as a means or a practice (context.yaml
        method_words) is a kind, not a happening, unless the sentence names a day."""
        root = trigger.root
        if root.pos_ != "NOUN" or any(not m.past for m in self._reading.dates_by_sentence.get(sentence, [])):
            return False
        methods = context_words(self._reading.lexicon, "method_words")
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "les détentions, la torture et les meurtres sont des méthodes"
        predicate = first.head
        if (
            first.dep_.startswith("nsubj")
            and _word_in(predicate, methods)
            and any(c.dep_ == "cop" for c in predicate.children)
        ):
            return True
        # "comme un moyen" on the trigger or on the verb it hangs on
        return any(
            _word_in(t, methods)
            and t.head.i in (root.i, root.head.i)
            and any(c.lower_ == "comme" and c.dep_ in ("case", "mark") for c in t.children)
            for t in self._reading.sentences[sentence]
        )

    def _imposed_by_arms(self, trigger: Span) -> bool:
        """ "la consigne de « ville morte » décrétée par les groupes sécessionnistes", "les séparatistes, qui
        imposent une « ville morte » chaque lundi": a lockdown an armed group imposes is its threat, not a
        protest (a town's civil society calling one is)."""
        reading = self._reading
        if not context_matcher(reading.lexicon, "lockdown_words").find(trigger):
            return False  # (a march dispersed by Imbonerakure is still a protest)
        armed = [
            a
            for a in reading.actors.get(reading.sentence_of(trigger), [])
            if decode_actor(a.kb_id_)[0] in (2, 3)
        ]
        root = trigger.root
        # the trigger, or the noun it names ("la consigne de « ville morte » décrétée par ...")
        nouns = [root, root.head] if root.dep_ == "nmod" and root.head.pos_ == "NOUN" else [root]
        heads = [*nouns, *(c for n in nouns for c in n.children if c.dep_ == "acl")]
        agents = [c for h in heads for c in h.children if c.dep_ == "obl:agent" or _by(c)]
        if root.dep_ == "obj":
            # "les séparatistes, qui imposent une « ville morte » chaque lundi": the subject of the verb,
            # or the noun its "qui" stands for
            verb = root.head
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                if subject.lower_ != "qui":
                    agents.append(subject)
                    continue
                # (however the parser hangs the clause: the nearest noun before "qui")
                before = subject.doc[subject.sent.start : subject.i]
                agents += [next((t for t in reversed(before) if t.pos_ in ("NOUN", "PROPN")), subject)]
        # (the group, or its word: "par les groupes sécessionnistes")
        return any(a.start <= t.i < a.end for agent in agents for t in agent.subtree for a in armed)

    def _listed_with_history(self, trigger: Span, sentence: int) -> bool:
        """ "Des jeunes femmes libérées ont témoigné de leur captivité dans la forêt, des mariages forcés
        et des bombardements": nouns listed in an undated sentence beside one that names the story's
        history again retell that history too."""
        reading = self._reading
        if (
            trigger.root.pos_ != "NOUN"
            or any(not m.past for m in reading.dates_by_sentence.get(sentence, []))
            or self._told_after(trigger, sentence)
        ):
            return False
        return any(
            other is not trigger and self._anaphor_of_history(other, sentence)
            for other in reading.triggers.get(sentence, [])
        )

    def _by_no_actor(self, trigger: Span) -> bool:
        """ "tués par un troupeau d'éléphants", "un crocodile a tué un pêcheur": an animal is no actor
        (context.yaml animals); nor is a measure or a hardship ("ces sanctions frappent au cœur la
        machine de guerre", "la crise a frappé les ménages": context.yaml figurative_agents), a figure
        of speech. ACLED codes no event."""
        lexicon = self._reading.lexicon
        no_actors = context_words(lexicon, "animals") | context_words(lexicon, "figurative_agents")
        words = []
        # the trigger's head, and a verb inside it ("villageois tués par des éléphants")
        for head in (trigger.root, *(t for t in trigger if t.pos_ == "VERB" and t != trigger.root)):
            # (and "un troupeau d'éléphants qui saccageait leurs champs": the relative's noun)
            words += [
                head.head if c.pos_ == "PRON" and head.dep_ == "acl:relcl" else c
                for c in (*_agents(head), *(c for c in head.children if _by(c)))
            ]
        # the agent, or what it counts ("un troupeau d'éléphants")
        words += [c for w in words for c in w.children if c.dep_ == "nmod"]
        return any(_word_in(w, no_actors) for w in words)

    def _domestic(self, trigger: Span) -> bool:
        """ "une femme a été tuée à coups de couteau par son mari": done by a relative of the victim
        (context.yaml domestic_perpetrators, after a possessive), which is domestic violence."""
        words = context_words(self._reading.lexicon, "domestic_perpetrators")
        agents = _agents(trigger.root)
        return any(
            _word_in(a, words)
            and any(c.dep_ == "det" and fold(c.text) in _POSSESSIVES for c in a.children)
            # not "son frère d'armes", "son compagnon de lutte"
            and not any(
                c.dep_ == "nmod" and any(d.dep_ == "case" and fold(d.text) in ("de", "d") for d in c.children)
                for c in a.children
            )
            for a in agents
        )

    def _recurring(self, trigger: Span, sentence: int) -> bool:
        """ "la zone est le théâtre d'attaques régulières", "des villages souvent attaqués": a pattern,
        not a happening; "l'armée fait face aux attaques jihadistes" (context.yaml condition_words): a
        condition. Unless the trigger's own phrase, or the verb a noun trigger hangs on, names a day
        ("les bombardements quotidiens sur Kherson ont fait lundi deux morts"); a day on another verb does
        not ("s'est rendu mardi à Kharkiv, régulièrement bombardée", "a été nommé lundi, alors que
        l'armée fait face aux attaques")."""
        root = trigger.root
        if (
            root.pos_ == "NOUN"
            and "Plur" in root.morph.get("Number")
            and root.dep_ == "obj"
            and _word_in(root.head, self._recurrence)
        ):
            # "le JNIM multiplie les attaques", "depuis le 10 mai, Moscou a intensifié ses
            # bombardements": a trend, whatever day it is counted from
            return True
        dated_here = self._dated_inside(trigger, sentence)
        if dated_here or (root.pos_ == "NOUN" and self._dated_on(root.head, sentence)):
            return False
        if any(c.dep_ in ("amod", "advmod", "acl") and _word_in(c, self._recurrence) for c in root.children):
            return True
        verb = root.head if root.dep_ in ("obj", "obl:arg", "xcomp") else None
        if (
            root.dep_ == "nmod"
            and "Plur" in root.morph.get("Number")
            and root.head.dep_ in ("obj", "obl:arg")
        ):
            verb = root.head.head  # "accusent régulièrement l'armée d'exécutions de civils"
        if verb is not None and any(
            c.dep_ == "advmod" and _word_in(c, self._recurrence) for c in verb.children
        ):
            return True  # "mènent régulièrement des incursions", "viennent souvent piller"
        if root.dep_ == "xcomp" and _word_in(root.head, self._recurrence):
            return True  # "les ADF continuent de massacrer des civils": what goes on, not a happening
        if any(not m.past for m in self._reading.dates_by_sentence.get(sentence, [])) and root.pos_ != "NOUN":
            return False
        plural = root.pos_ == "NOUN" and "Plur" in root.morph.get("Number")
        if (
            plural
            and root.dep_.startswith("nsubj")
            and (
                _word_in(root.head, self._recurrence)
                or any(
                    c.dep_ in ("obl:arg", "xcomp", "amod") and _word_in(c, self._recurrence)
                    for c in root.head.children
                )
            )
        ):
            return True  # "Les attaques armées sont récurrentes", "sont quasi quotidiens" (parsed apart)
        if (
            root.pos_ == "NOUN"
            and root.dep_ == "nsubj"
            and root.head.pos_ == "ADJ"
            and any(c.dep_ == "cop" for c in root.head.children)
            and _word_in(root.head, self._recurrence)
        ):
            return True  # "La vindicte populaire est fréquente à Madagascar": a kind said to recur
        verb = root if root.pos_ == "VERB" else root.head
        passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children)
        if (root.pos_ == "VERB" or plural) and passive and self._repeated({root.i, root.head.i}, sentence):
            # "le village a été attaqué à plusieurs reprises", "visé plusieurs fois par des attaques"
            # (a target hit again and again; not "ils ont tiré plusieurs fois sur les habitants, tuant
            # 137 personnes", the manner of one attack)
            return True
        if (
            root.pos_ == "VERB"
            and not passive
            and self._repeated({root.i}, sentence)
            and not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in root.children)
            and not _matchers(self._reading.lexicon).deaths.find(self._reading.sentences[sentence])
            and self._over_weeks(sentence)
        ):
            # "les groupes jihadistes ont frappé à plusieurs reprises ces dernières semaines": done
            # again and again, with no day told (a day has returned above), a trend (not "Ils ont
            # tiré plusieurs fois sur les habitants, tuant 137 personnes": the manner of the attack
            # told before)
            return True
        # "fait face aux attaques des groupes jihadistes", "en proie aux violences": a condition, told in
        # the plural (not "face à l'attaque, les soldats ont riposté", one happening)
        if (
            root.pos_ != "NOUN"
            or "Plur" not in root.morph.get("Number")
            or any(c.dep_ == "nummod" for c in root.children)
        ):
            return False
        # ("faire face à" is a condition, "face aux attaques, les soldats ont riposté" the happening)
        facing = root.head.lemma_ == "faire" and any(
            c.dep_ == "case" and c.lower_ == "face" for c in root.children
        )
        return facing or any(_word_in(head, self._conditions) for head in (root.head, root.head.head))

    def _habitual(self, trigger: Span, sentence: int) -> bool:
        """What a kind of group does, told in the present in a relative clause on its plural name,
        with no day: "des gangs criminels, appelés « bandits », qui pillent les villages et enlèvent
        contre rançon" (not "les rebelles, qui ont attaqué lundi le camp")."""
        verb = trigger.root
        if verb.pos_ == "NOUN" and verb.dep_ in _ARGUMENT_DEPS:
            verb = verb.head  # "enlèvent contre rançon"
        if verb.pos_ != "VERB":
            return False
        clause = verb
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # "qui pillent les villages et enlèvent contre rançon"
        # (the verb's own number tells the antecedent's: the parser may hang the clause elsewhere)
        if clause.dep_ != "acl:relcl" or "Plur" not in clause.morph.get("Number"):
            return False
        present = all(
            "Pres" in v.morph.get("Tense")
            and "Ind" in v.morph.get("Mood")
            and not any(c.dep_.startswith("aux") for c in v.children)
            for v in {verb, clause}
        )
        return present and not any(not m.past for m in self._reading.dates_by_sentence.get(sentence, []))

    def tells_a_pattern(self, sentence: int) -> bool:
        """The sentence tells a pattern ("Le pays a été visé plusieurs fois par des attaques qui ont fait
        des dizaines de morts"): its tolls are the pattern's, not those of a happening told before it."""
        return any(self._recurring(t, sentence) for t in self._reading.triggers.get(sentence, []))

    def _over_weeks(self, sentence: int) -> bool:
        """ "ces dernières semaines", "depuis des mois", "ces derniers jours": the sentence spans a
        stretch of days, weeks or months (not "blessant trois gendarmes", one night's attack)."""
        sent = self._reading.sentences[sentence]
        return not any(fold(t.lemma_) in ("blesser", "blesse") for t in sent) and any(
            fold(t.lemma_) in _STRETCH_UNITS and "Plur" in t.morph.get("Number") for t in sent
        )

    def _repeated(self, heads: set[int], sentence: int) -> bool:
        """A phrase of repetition (context.yaml repetition_phrases) hangs on one of these words: the
        trigger or the verb it hangs on (the parser puts "plusieurs fois" on either)."""
        matcher = context_matcher(self._reading.lexicon, "repetition_phrases")
        found = matcher.find(self._reading.sentences[sentence])
        return any(m.span.root.head.i in heads and m.span.root.i not in heads for m in found)

    def _dated_on(self, verb: Token, sentence: int) -> bool:
        """A day of the news (not a past year) hangs on `verb`: "ont fait lundi deux morts"."""
        return any(not m.past for m in self._dates_on(verb, sentence))

    def _dated_within(self, verb: Token, sentence: int) -> bool:
        """A day of the news in `verb`'s clause: "qui avait fait douze morts dimanche"."""
        return any(not m.past for m in self._dates_in(verb, sentence))

    def _dates_in(self, head: Token, sentence: int) -> list[DateMention]:
        """The sentence's dates inside the phrase `head` heads (its subtree)."""
        tree = list(head.subtree)
        start, end = tree[0].idx, tree[-1].idx + len(tree[-1])
        return [
            m for m in self._reading.dates_by_sentence.get(sentence, []) if start <= m.start and m.end <= end
        ]

    def _dates_on(self, verb: Token, sentence: int) -> list[DateMention]:
        """The sentence's dates whose words hang on `verb`."""
        return [
            m
            for m in self._reading.dates_by_sentence.get(sentence, [])
            if (words := self._reading.words_of(m)) is not None and words.root.head.i == verb.i
        ]

    def _provided_for(self, trigger: Span) -> bool:
        """ "une disposition permettant la démobilisation des soldats", "le programme de désarmement":
        a noun a rule or a plan governs (through a preposition or a participle) is what the text
        provides for, not a happening."""
        return _noun_under(trigger, self._provisions, subject=True)

    def _held_people(self, trigger: Span) -> bool:
        """ "si le gouvernement ne libérait pas ses combattants détenus à N'Djamena": a bare participle
        of holding that describes people tells they are held, not when nor that they were arrested."""
        root = trigger.root
        return (
            trigger.label_ == "Arrests"
            and len(trigger) == 1
            and _bare_participle(root)
            and fold(root.lemma_) in self._holding
        )

    def _measure_in_force(self, trigger: Span, sentence: int) -> bool:
        """ "la loi martiale", "l'état d'urgence", "le couvre-feu" named as what is in force: news only
        when a word of imposing governs it ("a décrété l'état d'urgence", "l'instauration de la loi
        martiale"; context.yaml imposition_words) or its sentence names a day."""
        measures = context_words(self._reading.lexicon, "measure_nouns")
        root = trigger.root
        if trigger.label_ != "Other" or root.pos_ != "NOUN" or not _word_in(root, measures):
            return False
        if any(not m.past for m in self._reading.dates_by_sentence.get(sentence, [])):
            return False
        imposing = context_words(self._reading.lexicon, "imposition_words")
        head = root.head
        return not (_word_in(head, imposing) or _word_in(head.head, imposing) and head.dep_ == "xcomp")

    def _imperfect_undated(self, trigger: Span, sentence: int) -> bool:
        """ "le gouvernement de ce pays torturait et tuait les opposants": a simple imperfect with no day
        in its sentence describes what went on, not a happening (news tells its events in the passé
        composé, and an imperfect of the day carries its day: "les soldats patrouillaient lundi")."""
        verb = trigger.root
        if verb.pos_ != "VERB" or self._reading.is_headline(sentence):
            return False
        morph = verb.morph
        imperfect = (
            "Imp" in morph.get("Tense") and "Ind" in morph.get("Mood") and "Fin" in morph.get("VerbForm")
        )
        return imperfect and not self._reading.dates_by_sentence.get(sentence)

    def _still_held(self, trigger: Span, sentence: int) -> bool:
        """ "Plusieurs Occidentaux sont toujours retenus en otage au Sahel": people still held, in the
        present (context.yaml still_words), tell a captivity that goes on, not an abduction, unless a day
        is named inside the phrase."""
        root = trigger.root
        if trigger.label_ != "Abduction/forced disappearance" or root.pos_ not in ("VERB", "AUX"):
            return False
        present = any(
            c.dep_ in ("aux:pass", "aux", "cop") and "Pres" in c.morph.get("Tense") for c in root.children
        )
        still = context_words(self._reading.lexicon, "still_words")
        return (
            present
            and any(c.dep_ == "advmod" and _word_in(c, still) for c in root.children)
            and not self._dated_inside(trigger, sentence)
        )

    def _spoils_taken(self, trigger: Span) -> bool:
        """ "s'être emparé d'armes et de munitions", "se sont emparés mardi de motos et de bétail": a
        territory verb whose objects are all things carried off took no place."""
        root = trigger.root
        if trigger.label_ not in HANDS_CHANGE or root.pos_ != "VERB":
            return False
        # what is taken: the object, or a noun after "de" ("emparés d'armes"; not "mardi")
        taken = [
            c
            for c in root.children
            if c.pos_ == "NOUN"
            and (c.dep_ == "obj" or c.dep_.startswith("obl") and any(d.dep_ == "case" for d in c.children))
        ]
        taken += [c for t in taken for c in t.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
        return bool(taken) and all(fold(t.lemma_) in self._spoils for t in taken)

    def _remembered(self, trigger: Span) -> bool:
        """ "pour commémorer le premier anniversaire de l'attaque de l'école": a noun an anniversary or
        a commemoration governs is history, however recent the ceremony's day."""
        if _noun_under(trigger, self._remembrance):
            return True
        if trigger.root.pos_ != "NOUN":
            return False
        # "a rendu hommage lundi aux 643 victimes du massacre": the verb the noun hangs on pays the tribute
        verb = trigger.root
        for _ in range(_HEAD_REACH):
            if verb.pos_ == "VERB" or verb.head.i == verb.i:
                break
            verb = verb.head
        return verb.pos_ == "VERB" and any(
            c.dep_ == "obj" and fold(c.lemma_) in self._remembrance for c in verb.children
        )

    def _seized_weapon(self, trigger: Span, sentence: int) -> bool:
        """ "des obus de mortier et des ceintures d'explosifs ont été saisis", "acquérir des drones",
        "les démineurs ont neutralisé un obus": weapons, not attacks."""
        ordnance = _word_in(trigger.root, self._ordnance)
        return (
            trigger.root.pos_ == "NOUN"
            and family(trigger.label_) == "violence"
            and any(
                (c.label_ == "seizure" and _governed_by(trigger, c))
                or (ordnance and c.label_ == "ordnance_handling" and _governed_by(trigger, c))
                or (c.label_ == "equipment" and (0 <= trigger.start - c.end <= 3 or _governed_by(trigger, c)))
                for c in self._reading.cues.get(sentence, [])
            )
        )

    def _idle_weapon(self, trigger: Span, sentence: int) -> bool:
        """A weapon named alone whose sentence does not say it was used (context.yaml weapon_nouns,
        weapon_use): "la crise des missiles", "les missiles hypersoniques sont le Zirkon", not "des
        obus sont tombés sur le marché" nor "une roquette a tué deux enfants"."""
        if fold(trigger.text) not in self._weapons:
            return False
        used = self._weapon_use.find(self._reading.sentences[sentence])
        return not any(m.span.end <= trigger.start or m.span.start >= trigger.end for m in used)

    def _is_topic(self, trigger: Span, sentence: int) -> bool:
        """ "marcher pour dénoncer les assassinats": violence named as what people protest about
        (not "a condamné l'attaque qui a tué vingt civils samedi": that one is told)."""
        if trigger.root.pos_ != "NOUN" or self._told_after(trigger, sentence):
            return False
        return any(
            c.label_ == "topic" and c.end <= trigger.start and trigger.start - c.end <= 4
            for c in self._reading.cues.get(sentence, [])
        )

    def _charge(self, trigger: Span, sentence: int) -> bool:
        """ "Sept prévenus comparaissent pour meurtre, viol et pillage": a noun of violence in a
        sentence about a trial names a charge (a verb, "a été tué lundi devant le tribunal", is told)."""
        if trigger.root.pos_ != "NOUN" or not self._sentence_has("judicial", self._judicial, sentence):
            return False
        judicial = self._judicial_tokens.get(sentence)
        if judicial is None:
            found = self._judicial.find(self._reading.sentences[sentence])
            judicial = self._judicial_tokens[sentence] = {
                i for m in found for i in range(m.span.start, m.span.end)
            }
        # Up from the noun to the verb it hangs on: a charge hangs on the trial's words ("comparaissent
        # pour meurtre", "le huis clos pour les victimes de violences"), the news on another verb ("un
        # détenu poursuivi pour vol a été libéré par l'explosion d'une bombe").
        tok = trigger.root
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
            if tok.i in judicial:
                return True
            tok = tok.head
        # the verb itself, or its objects and complements ("a requis le huis clos pour ..."), not its
        # subject ("le procès a été suspendu après une attaque contre le tribunal" tells the attack)
        return tok.i in judicial or any(
            c.i in judicial for c in tok.children if not c.dep_.startswith("nsubj")
        )

    def _counted_in_a_period(self, trigger: Span, sentence: int) -> bool:
        """ "Le pays a connu deux coups d'État en 2022": happenings counted over a month or a year
        that the sentence gives no day of are a tally, not news."""
        root = trigger.root
        counted = any(
            c.dep_ == "nummod" and c.like_num and c.lower_ not in ("un", "une") for c in root.children
        )
        if root.pos_ != "NOUN" or not counted:
            return False
        mentions = self._reading.dates_by_sentence.get(sentence, [])
        numbers = self._reading.lexicon.numbers
        tally = any(
            c.dep_ == "nummod"
            and c.text[:1].isdigit()
            and (numbers.parse_number_words(c.text) or 0) >= _TALLY
            for c in root.children
        )
        if tally and not any(m.precision == 1 for m in mentions):
            # "Le document recense 350 attaques contre des villages": no one happening (but "Dimanche,
            # 12 attaques simultanées ont visé des positions de l'armée" is told)
            return True
        return bool(mentions) and all(m.precision >= 3 for m in mentions)

    def running_total(self, sentence: int) -> bool:
        """The sentence counts over a period ("Des centaines de Palestiniens y ont été tués depuis cette
        date", "Depuis le 15 avril, les combats ont fait plus de 1 800 morts"): neither a happening nor a
        toll of one."""
        return (
            self._opens_with_a_period(sentence)
            or any(self._counted_since(t, sentence) for t in self._reading.sentences[sentence])
            or self._a_wars_toll(sentence)
        )

    def _a_wars_toll(self, sentence: int) -> bool:
        """ "La guerre à Gaza a fait plus de 39 000 morts", "le conflit a coûté la vie à …": a war told
        as what killed (context.yaml war_nouns, the subject of a verb) counts its whole toll."""
        wars = context_words(self._reading.lexicon, "war_nouns")
        return any(
            t.dep_ == "nsubj" and t.head.pos_ == "VERB" and _word_in(t, wars)
            for t in self._reading.sentences[sentence]
        )

    def _opens_with_a_period(self, sentence: int) -> bool:
        """The sentence opens with the start of a period more than a week old ("Depuis le 15 avril,",
        "Depuis 2015,"): what it tells is the period's (not "Depuis lundi, des combats opposent …")."""
        reading = self._reading
        opening = reading.sentences[sentence]
        if len(opening) > 1 and opening[0].lower_ == "depuis" and opening[1].text == ",":
            return True  # "Depuis, l'armée a repoussé les insurgés vers les monts Mandara": since then
        words = [t for t in opening if not t.is_punct and not t.is_space]
        if len(words) < 2 or words[0].lower_ != "depuis":
            return False
        published = reading.published
        # (the date may come a few words on: "Depuis le début du mois de septembre, ...")
        reach = words[min(len(words), _PERIOD_OPENING_WORDS) - 1].idx
        return any(
            words[1].idx <= m.start <= reach
            for m in reading.dates_by_sentence.get(sentence, [])
            if m.past or (m.value is not None and published is not None and (published - m.value).days > 7)
        )

    def _goes_on_with_a_period(self, sentence: int) -> bool:
        """The sentence goes on, in the same paragraph and with no day of its own, from one that opens
        with a period more than a week old: "Depuis le 8 octobre, le Hezbollah et l'armée israélienne
        échangent des tirs. Côté israélien, une vingtaine de personnes ont été tuées" is the period's
        toll."""
        reading = self._reading
        before = sentence - 1
        return (
            before >= 0
            and reading.paragraph_of[before] == reading.paragraph_of[sentence]
            and not reading.dates_by_sentence.get(sentence)
            and self._opens_with_a_period(before)
            # (not a lull the news breaks: "Depuis octobre, le village n'avait plus été attaqué.")
            and not has_negator(reading.sentences[before].root)
        )

    def _counted_since(self, root: Token, sentence: int) -> bool:
        """ "ont été tués depuis cette date", "ont été enlevés depuis le début de l'année": a verb
        counted over a period is a running total, not a happening (but "portés disparus depuis
        mercredi" is dated by that Wednesday)."""
        if root.pos_ != "VERB":
            return False
        # a count: "Des centaines de Palestiniens", "plus de 300 civils" (not "les forces russes
        # bombardent depuis plusieurs jours", an ongoing happening)
        subjects = [c for c in root.children if c.dep_.startswith("nsubj")]
        if not any(
            any(d.dep_ == "nummod" for d in c.children) or fold(c.lemma_) in self._count_nouns
            for c in subjects
        ):
            return False
        reading = self._reading
        for since in root.children:
            if not any(c.dep_ == "case" and c.lower_ == "depuis" for c in since.children):
                continue
            tree = list(since.subtree)
            lo, hi = sorted((root.i, tree[0].i))
            if any(t.pos_ == "VERB" or t.dep_ == "acl" or t.text == "," for t in root.doc[lo + 1 : hi]):
                continue  # "ont repris le contrôle d'Ippy, tenue depuis des mois": the parser's slip
            start, end = tree[0].idx, tree[-1].idx + len(tree[-1])
            inside = [m for m in reading.dates_by_sentence.get(sentence, []) if start <= m.start < end]
            period = inside or any(fold(t.lemma_) in self._period_starts for t in tree)
            if period and not any(not m.past and m.value is not None and m.precision == 1 for m in inside):
                return True  # (not "depuis ses positions", "depuis la bande de Gaza": a place)
        return False

    def _dated_inside(self, trigger: Span, sentence: int) -> bool:
        """A date of the past week in the trigger's own phrase: "depuis l'attaque lancée dimanche contre
        le camp" recalls news of the week, not background ("depuis le coup d'État du 26 juillet", three
        weeks before, is)."""
        return self._dated_inside_token(trigger.root, sentence)

    def _licensed_near(self, licences: tuple[str, ...], trigger: Span, sentence: int) -> bool:
        """A word of the trigger's own licences, outside the trigger, in its sentence or the one
        before or after it in the paragraph: "La police a dispersé la foule. Des gaz lacrymogènes
        ont été tirés" (the crowd is told once), not "des individus ont lancé des gaz lacrymogènes"."""
        reading = self._reading
        paragraph = reading.paragraph_of[sentence]
        nearby = [
            near
            for near in (sentence - 1, sentence + 1)
            if 0 <= near < len(reading.sentences) and reading.paragraph_of[near] == paragraph
        ]
        for licence in licences:
            matcher = context_matcher(reading.lexicon, licence)
            found = matcher.find(reading.sentences[sentence])
            # a licence word outside the trigger, or reaching past it ("marcher pour la paix")
            if any(m.span.start < trigger.start or m.span.end > trigger.end for m in found):
                return True
            if any(self._sentence_has(licence, matcher, near) for near in nearby):
                return True
        return False

    def _accident_near(self, sentence: int) -> bool:
        """The sentence before or after, in the paragraph, gives an accident as the cause (context.yaml
        accident_causes: "Une fuite de gaz serait à l'origine de la déflagration")."""
        reading = self._reading
        matcher = context_matcher(reading.lexicon, "accident_causes")
        ruling_out = context_words(reading.lexicon, "ruling_out_words")
        paragraph = reading.paragraph_of[sentence]
        return any(
            0 <= near < len(reading.sentences)
            and reading.paragraph_of[near] == paragraph
            and self._sentence_has("accident_causes", matcher, near)
            # (not "la police a écarté la piste d'un court-circuit", "il ne s'agit pas d'une fuite de gaz")
            and not any(has_negator(t) for t in reading.sentences[near])
            and not any(_word_in(t, ruling_out) for t in reading.sentences[near])
            for near in (sentence - 1, sentence + 1)
        )

    def _in_a_group_name(self, trigger: Span, sentence: int) -> bool:
        """ "le Front patriotique de libération (FPL)", "l'Armée de libération du Soudan": a word of a
        non-state group's name. (A state's forces may be named by their means: "l'aviation malienne"
        is both the army and a strike.)"""
        for actor in self._reading.actors.get(sentence, []):
            inter, _, _, generic = decode_actor(actor.kb_id_)
            inside = actor.start <= trigger.start and trigger.end <= actor.end
            if inside and inter in (2, 3, 4) and not generic:
                return True
        return False

    def _alongside_a_fight(self, trigger: Span, sentence: int) -> bool:
        """ "L'armée a tué 35 terroristes et libéré douze otages", "ont repoussé l'attaque et arrêté
        trois assaillants": a development told by a verb joined to a verb of violence, the same doers
        in the same clause, is part of that fight, which ACLED codes alone."""
        if trigger.label_ not in ("Other", "Arrests"):
            return False  # (a town given up or taken is a happening of its own)
        root = trigger.root
        if root.pos_ != "VERB":
            return False
        joined = {c.i for c in root.children if c.dep_ == "conj"} | (
            {root.head.i} if root.dep_ == "conj" else set()
        )
        return any(
            other.root.i in joined and family(other.label_) == "violence" and self.keep(other)
            for other in self._reading.triggers.get(sentence, [])
            if other is not trigger
        )

    def _not_a_trigger(self, trigger: Span, sentence: int) -> bool:
        """A phrase that holds the trigger but tells no event: "les manifestations sportives",
        "une marche de dix kilomètres" (context.yaml `not_triggers`)."""
        phrases = self._not_triggers.get(sentence)
        if phrases is None:
            matcher = context_matcher(self._reading.lexicon, "not_triggers")
            found = matcher.find(self._reading.sentences[sentence])
            phrases = self._not_triggers[sentence] = [(m.span.start, m.span.end) for m in found]
        return any(start < trigger.end and trigger.start < end for start, end in phrases)

    def _licensed(self, trigger: Span, sentence: int) -> bool:
        """An armed actor, or a conflict word other than the trigger itself, in the sentence licenses
        an ambiguous trigger ("l'aviation malienne a frappé", not "l'attaquant a frappé")."""
        # (an actor may contain the trigger: "l'aviation malienne" is both an actor and an air strike word)
        armed = any(
            actor.kb_id_.split("|")[0] in ("1", "2", "3", "4", "8") and not self._source(actor, sentence)
            for actor in self._reading.actors.get(sentence, [])
        )
        if armed or (trigger.root.pos_ == "NOUN" and self._deaths_after(trigger, sentence)):
            return True  # an armed actor, or "l'attaque qui a coûté la vie à vingt civils"
        if family(trigger.label_) == "violence" and self._by_a_state(trigger, sentence):
            return True  # "La Russie a bombardé un hôpital de Kharkiv", "accuse Moscou d'avoir frappé Izioum"
        if family(trigger.label_) == "Arrests" and any(
            actor.kb_id_.split("|")[0] in ("5", "6") for actor in self._reading.actors.get(sentence, [])
        ):
            return True  # "trois militants de l'opposition ont été arrêtés": a political arrest
        if family(trigger.label_) == "Arrests" and _figure_arrested(self._reading, trigger):
            return True  # "L'opposant Ousmane Sonko a été arrêté vendredi à son domicile"
        if family(trigger.label_) == "Arrests" and self._after_a_dispersal(sentence):
            # "Elles ont été dispersées par les gendarmes. Vingt-huit personnes ont été interpellées"
            return True
        if trigger.label_ == "Abduction/forced disappearance" and self._people_taken(trigger, sentence):
            return True  # "trois commerçants ont été enlevés lundi à Ansongo": people, not barricades
        return any(
            m.span.end <= trigger.start or m.span.start >= trigger.end
            for m in self._conflict.find(self._reading.sentences[sentence])
        )

    def _after_a_dispersal(self, sentence: int) -> bool:
        """The sentence before, in the same paragraph, tells a crowd dispersed (a kept word of
        intervention: "dispersées à coups de gaz lacrymogène")."""
        reading = self._reading
        before = sentence - 1
        return (
            before >= 0
            and reading.paragraph_of[before] == reading.paragraph_of[sentence]
            and any(
                t.label_ == "Protest with intervention" and self.keep(t)
                for t in reading.triggers.get(before, [])
            )
        )

    def _told_of_a_dropped_one(self, trigger: Span, sentence: int) -> bool:
        """ "le premier anniversaire de l'attaque du 7 octobre, au cours de laquelle des commandos ont
        tué 1 200 personnes": a relative clause about a happening set aside (history, remembrance)
        tells that happening, not news."""
        root = trigger.root
        clause = next((a for a in [root, *root.ancestors] if a.dep_ == "acl:relcl"), None)
        others = [t for t in self._reading.triggers.get(sentence, []) if t is not trigger]
        antecedents = [t for t in others if clause is not None and t.root.i == clause.head.i]
        if antecedents:
            return not self.keep(antecedents[0])
        # the parser may lose the relative clause, or hang it on the date ("l'attaque du 9 mai, au cours de
        # laquelle des commandos ont tué"): its pronoun opens it, the nearest happening before is what it
        # tells of
        pronoun = next(
            (
                t
                for t in root.subtree
                if t.i < root.i and t.pos_ == "PRON" and fold(t.lemma_) in _RELATIVE_PRONOUNS
            ),
            None,
        )
        if pronoun is None:
            return False
        before = [t for t in others if t.end <= pronoun.i]
        return bool(before) and not self.keep(max(before, key=lambda t: t.end))

    def _under_a_stance(self, trigger: Span, sentence: int) -> bool:
        """ "Moscou a toujours nié utiliser des agents chimiques": what a standing denial names is no
        happening (scope.a_stance)."""
        return any(
            c.label_.startswith("denial") and c.end <= trigger.start and a_stance(c)
            for c in self._reading.cues.get(sentence, [])
        )

    def _answered(self, trigger: Span) -> bool:
        """ "en représailles à l'attaque de missiles iranienne du 1er octobre", "en riposte aux tirs de
        roquettes": the happening the news answers (context.yaml retaliation_phrases), told before."""
        doc = trigger.doc
        before = doc[max(trigger.sent.start, trigger.start - _ANSWER_REACH) : trigger.start]
        found = context_matcher(self._reading.lexicon, "retaliation_phrases").find(before)
        return any(all(t.pos_ == "DET" or t.is_punct for t in doc[m.span.end : trigger.start]) for m in found)

    def _denies_the_one_told(self, sentence: int) -> bool:
        """A denial in the sentence, of no period: "a démenti toute arrestation" denies the arrests just
        told; "rejette de manière générale toute utilisation d'armes chimiques depuis le début de
        l'invasion" denies nothing in particular."""
        words = {fold(t.text) for t in self._reading.sentences[sentence]}
        return not words & _GENERAL_WORDS and any(
            c.label_.startswith("denial") for c in self._reading.cues.get(sentence, [])
        )

    def _withdrawal_before_capture(self, trigger: Span, sentence: int) -> bool:
        """ "ont pris le contrôle de Quissanga, après le retrait des forces de défense": the withdrawal
        that let the capture happen is part of it, not a handover of its own."""
        root = trigger.root
        # ("après le retrait", or "quelques heures après l'annonce du retrait")
        heads = [root, root.head] if root.dep_ == "nmod" else [root]
        return (
            trigger.label_ == "Non-violent transfer of territory"
            and root.pos_ == "NOUN"
            and any(c.dep_ in ("case", "mark") and c.lower_ == "après" for h in heads for c in h.children)
            and any(t.label_ in HANDS_CHANGE for t in self._reading.triggers.get(sentence, []))
        )

    def _crowd_does_it(self, trigger: Span) -> bool:
        """ "Des milliers de personnes ont manifesté", "ils étaient plusieurs centaines à manifester": a
        crowd counted (context.yaml count_nouns) as the doer."""
        root = trigger.root
        if root.pos_ != "VERB":
            return False
        doers = [c for c in root.children if c.dep_ == "nsubj"] + ([root.head] if root.dep_ == "acl" else [])
        return any(_word_in(d, self._count_nouns) for d in doers)

    def _a_state_protests(self, trigger: Span) -> bool:
        """ "Le gouvernement soudanais a protesté contre la visite", "Bamako a protesté auprès d'Alger":
        a state's voice (context.yaml official_speakers, or a country or its capital) as the subject of
        an unrest verb protests by word, not in the street."""
        root = trigger.root
        if root.pos_ != "VERB":
            return False
        speakers = context_words(self._reading.lexicon, "official_speakers")
        for subject in (c for c in root.children if c.dep_ == "nsubj"):
            if fold(subject.lemma_) in speakers or subject.lower_ in speakers:
                return True
            if (
                subject.pos_ == "PROPN"
                and self._gazetteer is not None
                and self._gazetteer.state_named(subject.text)
            ):
                return True
        return False

    def _by_a_state(self, trigger: Span, sentence: int) -> bool:
        """A country, or its capital standing for it, did what the trigger says (or is accused of it)
        to a place or to people the trigger's own phrase names: "Moscou a bombardé un hôpital de
        Kharkiv", not "Paris a frappé fort" nor "le Maroc a attaqué d'entrée"."""
        gazetteer = self._gazetteer
        if gazetteer is None:
            return False
        doers = [
            w
            for w in named_doers(trigger, self._blame)
            if w.text[:1].isupper() and gazetteer.state_named(w.text)
        ]
        if not doers:
            return False
        # what it was aimed at: the object, or "sur"/"contre" ("a frappé à Abidjan" tells only where)
        aimed = {
            t.i
            for c in trigger.root.children
            if c.dep_ == "obj"
            or c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod")
            and any(d.dep_ == "case" and d.lower_ in ("sur", "contre") for d in c.children)
            for t in c.subtree
        } - {t.i for w in doers for t in w}
        # (a town or people, not a whole country: "le Nigeria a attaqué le Cameroun" is a match)
        towns = [
            p for p in self._reading.places.get(sentence, []) if gazetteer.country_by_name(p.text) is None
        ]
        return any(span.root.i in aimed for span in [*towns, *self._reading.actors.get(sentence, [])])

    def _idiom(self, trigger: Span, sentence: int) -> bool:
        """A non-conflict phrase holds the trigger ("tirer profit", "explosion de joie")."""
        return any(
            m.span.start <= trigger.root.i < m.span.end
            for m in self._non_conflict.find(self._reading.sentences[sentence])
        )

    def _people_named(self, sentence: int) -> bool:
        """A non-state armed side or civilians named in the sentence: "des hommes armés ont attaqué une
        mine d'or", "neuf civils ont été tués sur un site minier" are not business news for their words
        of mining (the trigger still needs its licence). Not the state's men: a colonel, a policeman
        appear in business and sport stories ("la fusillade de Jacob Blake par un policier")."""
        # (civilians only by a word of war, "civils", "villageois": "neuf personnes ont été tuées dans une
        # collision entre un car de voyageurs et un camion" is a road accident)
        war_words = self._conflict.find(self._reading.sentences[sentence])
        return any(
            (inter := decode_actor(a.kb_id_)[0]) in (2, 3, 4, 8)
            or (inter == 7 and any(m.span.start <= a.root.i < m.span.end for m in war_words))
            for a in self._reading.actors.get(sentence, [])
            if not self._source(a, sentence)
        )

    def _people_taken(self, trigger: Span, sentence: int) -> bool:
        """ "Trois commerçants ont été enlevés", "des inconnus ont enlevé deux enseignants": "enlever"
        said of civilians (its passive subject or its object) is an abduction, not a removal."""
        root = trigger.root
        taken = [c for c in root.children if c.dep_ in ("nsubj:pass", "obj")]
        return root.pos_ in ("VERB", "AUX") and any(
            actor.kb_id_.split("|")[0] == "7" and actor.start <= t.i < actor.end
            for t in taken
            for actor in self._reading.actors.get(sentence, [])
        )

    def _aimed_at_something_else(self, trigger: Span) -> bool:
        """ "ont pris d'assaut les rues de la ville pour le défilé du carnaval", "ont envahi le stade pour
        la finale": what the crowd came for, a non-conflict or a show word (context.yaml
        non_conflict_words, review_words) after "pour", says the storming is a figure of speech."""
        root = trigger.root
        doc = root.doc
        # the aim hangs on the verb, or (as the parser often has it) on its object: "les rues ... pour"
        objects = [c for c in root.children if c.dep_ == "obj"]
        for aim in [*root.children, *(c for o in objects for c in o.children if c.dep_ == "nmod")]:
            if not (aim.dep_.startswith("obl") or aim.dep_ in ("advcl", "nmod")):
                continue
            if not any(c.dep_ in ("case", "mark") and c.lower_ == "pour" for c in aim.children):
                continue
            phrase = doc[aim.left_edge.i : aim.right_edge.i + 1]
            if self._non_conflict.find(phrase) or self._reviews.find(phrase):
                return True
        return False

    def _source(self, actor: Span, sentence: int) -> bool:
        """ "a-t-on appris auprès de la police", "selon l'armée": the force that tells of a killing is
        no sign that the killing is part of the conflict (a murder the police investigates)."""
        return any(
            c.label_ == "attribution_prep" and c.end <= actor.start <= c.end + 3
            for c in self._reading.cues.get(sentence, [])
        )

    def _told_after(self, trigger: Span, sentence: int) -> bool:
        """The noun trigger's own phrase tells a happening: a day ("l'attaque de samedi soir") or
        deaths ("l'attaque qui a coûté la vie à vingt civils") inside it."""
        _, last = _phrase(trigger)
        doc = trigger.doc
        end = doc[last - 1].idx + len(doc[last - 1])
        # (or one right after it, which the parser may hang elsewhere: "le viol de douze femmes la
        # semaine dernière")
        after = doc[last].idx if last < len(doc) else end
        dates = self._reading.dates_by_sentence.get(sentence, [])
        inside = any(
            trigger.end_char <= m.start and (m.end <= end or m.start == after) and not m.past for m in dates
        )
        return inside or self._deaths_after(trigger, sentence)

    def _deaths_after(self, trigger: Span, sentence: int) -> bool:
        """Deaths told in the noun trigger's own phrase, after it."""
        _, last = _phrase(trigger)
        deaths = _matchers(self._reading.lexicon).deaths
        found = deaths.find(self._reading.sentences[sentence])
        return any(trigger.end <= m.span.start and m.span.end <= last for m in found)

    def _background(self, trigger: Span, sentence: int) -> bool:
        """A plus-que-parfait recalls what came before the news ("la ville avait été occupée"),
        except in reported speech with a date of its own: "le ministère a annoncé que la position
        avait été attaquée dimanche" is the news, in the tense French reported speech requires."""
        if trigger.root.pos_ == "NOUN" and self._history_in_phrase(trigger):
            return True  # "à la mémoire des victimes du massacre perpétré il y a quinze ans"
        if family(trigger.label_) == "unrest" and _what_the_crowd_had_done(trigger):
            return False
        if self._recalled_from_a_past_month(trigger, sentence):
            return True  # "l'attaque de Tassia, en juin, avait coûté la vie à une vingtaine de soldats"
        if _compound_participle(trigger) and not any(
            not m.past for m in self._reading.dates_by_sentence.get(sentence, [])
        ):
            return True  # "Les ADF, rébellion ayant fait allégeance à l'État islamique, sont actives"
        if (
            trigger.root.pos_ == "NOUN"
            # (a core noun may be the news, the clause its target's: "l'attaque contre le camp, qui
            # avait déjà été visé en mars, a fait cinq morts")
            and trigger.root.dep_ not in ("nsubj", "nsubj:pass", "obj", "ROOT")
            and (relative := _relative_after(trigger)) is not None
            and _participle_after_imperfect(relative)
            and not self._dated_within(relative, sentence)
            and not self._dated_inside(trigger, sentence)
        ):
            return True  # "après l'attaque de Boko Haram en octobre, qui avait fait une quarantaine de morts"
        if _simple_past(trigger):
            return True  # "les jihadistes firent exploser le temple": the passé simple of history
        if self._participle_dated_back(trigger, self._reading.sentence_of(trigger)):
            return True  # "aux 53 gendarmes tués lors de l'attaque d'Inata en novembre 2021"
        if self._precedent(trigger):
            return True
        if not pluperfect(trigger) and not _under_pluperfect(trigger):
            return False
        if sentence > 0 and self._sequel(sentence) and not self.is_history(sentence - 1):
            # "Des gangs ont pris d'assaut lundi Mirebalais. En fin de journée, la ville était passée
            # sous le contrôle des gangs": the story goes on, in the tense of what was done by then
            return False
        current = [m for m in self._reading.dates_by_sentence.get(sentence, []) if not m.past and m.value]
        if current and _dated_before(current, self._reading):
            # not "le M23, qui avait occupé Goma en 2012, contrôle aujourd'hui ...": a relative clause
            # recalls the past whatever the main clause's date (but "Kenscoff, où le gang avait tué douze
            # habitants la veille" tells, by its own day, what came just before)
            relative = in_relative_clause(trigger.root, self._reading.sentences[sentence])
            own = [m for m in self._dates_in(trigger.root, sentence) if not m.past and m.value]
            return relative and not (own and _dated_before(own, self._reading))
        return not (current and _reported(trigger))

    def _recalled_from_a_past_month(self, trigger: Span, sentence: int) -> bool:
        """Told in the plus-que-parfait (on its verb, or on the clause the parser hangs on the noun),
        dated only by a month weeks before the news ("en juin", read on 26 July): a recall, not news."""
        published = self._reading.published
        if published is None:
            return False
        told = pluperfect(trigger) or any(
            c.dep_ == "acl:relcl" and _participle_after_imperfect(c) for c in trigger.root.children
        )
        if not told:
            return False
        dates = [m for m in self._reading.dates_by_sentence.get(sentence, []) if m.value is not None]
        return bool(dates) and all(
            m.precision == 3
            and (m.value.year, m.value.month) < (published.year, published.month)
            and (published - m.value).days > _PAST_MONTH_DAYS
            for m in dates
        )

    def _takes_no_ground(self, trigger: Span, sentence: int) -> bool:
        """An ambiguous word of taking whose object is neither a place nor ground (context.yaml
        ground_nouns): "la proposition reprend les exigences de Netanyahu", "ont repris les combats"."""
        verb = trigger.root
        if trigger.label_ not in HANDS_CHANGE or trigger.kb_id_ != AMBIGUOUS or len(trigger) != 1:
            return False
        if verb.pos_ != "VERB":
            return False
        objects = [c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN"]
        if (
            not objects
            and verb.dep_ == "acl:relcl"
            and verb.head.pos_ == "NOUN"
            and any(c.dep_ == "obj" and "Rel" in c.morph.get("PronType") for c in verb.children)
        ):
            objects = [verb.head]  # "la place qu'occupe désormais l'Afrique": what "qu'" stands for
        if not objects:
            return False
        places = {i for p in self._reading.places.get(sentence, []) for i in range(p.start, p.end)}
        ground = context_words(self._reading.lexicon, "ground_nouns")

        def own_words(o: Token) -> list[Token]:
            # the object and what names it ("la ville de Boni"), not a place further down its phrase
            # ("les combats contre l'armée près de Kitchanga")
            named = [
                c
                for c in o.children
                if c.dep_ in ("appos", "flat:name")
                or (c.dep_ == "nmod" and any(x.dep_ == "case" and x.lower_ in _DE_WORDS for x in c.children))
            ]
            return [o, *(t for c in named for t in c.subtree)]

        return not any(_word_in(o, ground) or any(t.i in places for t in own_words(o)) for o in objects)

    def _held_since(self, trigger: Span, sentence: int) -> bool:
        """A verb of taking in the present, with no auxiliary, whose clause says since when, a time
        before the week: "où l'armée ukrainienne occupe plusieurs centaines de km² depuis son
        incursion d'août", "contrôlent la ville depuis 2012" hold what was taken before (not "occupent
        depuis lundi la ville", taken on Monday)."""
        verb = trigger.root
        if trigger.label_ not in HANDS_CHANGE or len(trigger) != 1 or verb.pos_ != "VERB":
            return False
        if "Pres" not in verb.morph.get("Tense") or "Ind" not in verb.morph.get("Mood"):
            return False
        if any(c.dep_.startswith("aux") for c in verb.children):
            return False
        clauses = {
            t.i for c in verb.children if c.dep_ in _OWN_CLAUSES for t in c.subtree
        }  # (not a clause of its own: "qui a éclaté depuis ...")
        since = [t for t in verb.subtree if t.lower_ == "depuis" and t.i not in clauses]
        # (not "depuis quelques heures", "depuis le week-end": taken within the week)
        return bool(since) and not any(
            self._dated_inside_token(t.head, sentence) or fold(t.head.lemma_) in _WITHIN_THE_WEEK
            for t in since
        )

    def _dated_inside_token(self, head: Token, sentence: int) -> bool:
        """A date of the past week in the phrase `head` heads."""
        published = self._reading.published
        return published is not None and any(
            not m.past and m.value and (published - m.value).days <= 7 for m in self._dates_in(head, sentence)
        )

    def _participle_dated_back(self, trigger: Span, sentence: int) -> bool:
        """A participle on a noun ("les gendarmes tués lors de l'attaque d'Inata en novembre 2021") whose
        own phrase gives only a past date: the dead of that past happening, whatever day the sentence
        (a tribute, a trial) is told on."""
        root = trigger.root
        if root.pos_ != "VERB" or root.dep_ not in ("acl", "acl:relcl"):
            return False
        tree = list(root.subtree)
        first, last = tree[0].idx, tree[-1].idx + len(tree[-1])
        inside = [
            m for m in self._reading.dates_by_sentence.get(sentence, []) if first <= m.start and m.end <= last
        ]
        return bool(inside) and all(m.past for m in inside)

    def _precedent(self, trigger: Span) -> bool:
        """ "Cet épisode survient moins d'un mois après que HRW a accusé l'armée d'avoir exécuté 31
        hommes", "L'attaque intervient après les combats de la semaine dernière": what the news comes
        after (context.yaml precedent_verbs, then "après") is an earlier happening, told as such."""
        clause = trigger.root  # climbed to the clause that hangs on the sentence's main verb
        while clause.head.i != clause.i and clause.head.dep_ != "ROOT":
            clause = clause.head
        return (
            clause.head.i != clause.i
            and _word_in(clause.head, self._precedent_verbs)
            and any(c.lower_ == "après" and c.dep_ in ("mark", "case") for c in clause.children)
        )

    def _history_in_phrase(self, trigger: Span) -> bool:
        """The trigger noun's own phrase dates it years back (context.yaml history_patterns): its
        subtree, or the words right after it ("du massacre perpétré il y a quinze ans", however the
        parser hangs "il y a")."""
        tree = list(trigger.root.subtree)
        end = max(tree[-1].i + 1, min(trigger.sent.end, trigger.end + _PHRASE_REACH))
        # (and the words just before it: "cinq ans jour pour jour après l'attaque")
        start = max(trigger.sent.start, min(tree[0].i, trigger.start - _PHRASE_REACH))
        phrase = trigger.doc[start:end].text
        published = self._reading.published
        for pattern in self._reading.lexicon.history_patterns:
            for match in pattern.finditer(phrase):
                if fold(match.group(0)).startswith(("depuis", "des ")):
                    continue  # "l'attaque la plus meurtrière depuis 2019" is today's
                year = match.groupdict().get("year")
                if year is None or published is None or int(year) < published.year:
                    return True
        return self._relative_dated_back(trigger)

    def _relative_dated_back(self, trigger: Span) -> bool:
        """ "des bombardements d'Hiroshima et de Nagasaki, qui ont fait 200 000 morts en 1945": a relative
        clause opening right after the trigger's phrase tells its toll and its year, even when the
        parser hangs the clause on the last name. Only a past date on the clause's own verb counts
        (not "l'attaque de mardi, qui rappelle celle de 2019")."""
        sentence = self._reading.sentence_of(trigger)
        verb = _relative_after(trigger)
        return verb is not None and any(m.past for m in self._dates_on(verb, sentence))

    def _planned(self, sentence: int) -> bool:
        """A threat, plan or announcement in the sentence ("son intention d'organiser une marche"):
        a hypothetical event, which the factuality reader codes as such."""
        return any(
            c.label_ in ("hypothetical", "hypothetical_verb", "modal", "future_time", "condition")
            for c in self._reading.cues.get(sentence, [])
        )

    def is_history(self, sentence: int) -> bool:
        reading = self._reading
        mentions = reading.dates_by_sentence.get(sentence, [])
        current = [m for m in mentions if not m.past]
        aggregate = self._sentence_has("aggregate", self._aggregate, sentence)
        if current and not (aggregate and all(self._day_of_telling(m, sentence) for m in current)):
            return False  # "ont tué samedi douze soldats, l'attaque la plus meurtrière en un an"
        if sentence > 0 and self._sequel(sentence) and self.is_history(sentence - 1):
            return True  # "Le 13 avril 1975, ... Quelques heures plus tard, un autobus est pris pour cible"
        if aggregate:
            return True  # "3 000 terroristes neutralisés au cours de l'année": a period's figures
        if any(m.past for m in mentions):
            return True
        text = reading.sentences[sentence].text
        if any(p.search(text) for p in reading.lexicon.history_patterns):
            return True
        return self._sentence_has("history", self._history, sentence)

    def _day_of_telling(self, mention: DateMention, sentence: int) -> bool:
        """ "Selon le rapport publié mardi, 1 200 civils ont été tués au cours de l'année": the day
        hangs on the telling verb (cues.yaml attribution_verb), it dates the report, not the year's
        figures it tells."""
        span = self._reading.words_of(mention)
        if span is None:
            return False
        head = span.root.head
        return any(
            c.label_ == "attribution_verb" and c.start <= head.i < c.end
            for c in self._reading.cues.get(sentence, [])
        )

    def _dropped_in_body(self, trigger: Span) -> bool:
        """ "Embuscade de Tongo Tongo : trois accusés condamnés": the body tells the headline's word only
        as history, a charge, an accident or a figure of speech ("pris d'assaut par les acheteurs"), so the
        headline names no news either."""
        reading = self._reading
        word = fold(trigger.root.lemma_)
        same = [
            (t, s)
            for s, spans in reading.triggers.items()
            if not reading.is_headline(s)
            for t in spans
            if fold(t.root.lemma_) == word
        ]
        return bool(same) and all(
            self.is_history(s)
            or self._background(t, s)
            or self._charge(t, s)
            or self._accidental(t, s)
            or self._by_no_actor(t)
            for t, s in same
        )

    def _accidental(self, trigger: Span, sentence: int) -> bool:
        """An ambiguous word of violence beside an accident's cause ("Une fuite de gaz serait à l'origine
        de la déflagration")."""
        return (
            trigger.kb_id_ == AMBIGUOUS
            and family(trigger.label_) == "violence"
            and self._accident_near(sentence)
        )

    def _goes_on_from_history(self, sentence: int) -> bool:
        """ "… à propos d'un massacre dans la capitale française, il y a 60 ans. Environ 30 000 Algériens
        étaient descendus dans les rues … La police a tué des centaines de manifestants": in a story whose
        lede is history, a sentence with no day and no source of its own, after a history sentence with
        only such sentences between, goes on telling it."""
        reading = self._reading
        if reading.dates_by_sentence.get(sentence):
            return False
        if any(c.label_ in _SOURCING for c in reading.cues.get(sentence, [])):
            # "Des jihadistes ont attaqué une patrouille …, a annoncé l'armée", after "En 2015, …": news
            # comes with its source
            return False
        lede = next((s for s in range(len(reading.sentences)) if not reading.is_headline(s)), None)
        if lede is None or sentence <= lede:
            return False
        if not self.is_history(lede):
            return False
        # (back through the undated sentences that go on telling it)
        before = sentence - 1
        while before > lede and not reading.dates_by_sentence.get(before) and not self.is_history(before):
            before -= 1
        return self.is_history(before)

    def _sequel(self, sentence: int) -> bool:
        """The sentence opens with words that go on from the one before ("Quelques heures plus tard")."""
        opening = self._reading.sentences[sentence]
        return any(m.span.start - opening.start <= 1 for m in self._sequels.find(opening[:6]))

    def dated_history(self, sentence: int) -> bool:
        """History by a date or a year, not only by a tense or a marker ("avaient été")."""
        reading = self._reading
        if any(m.past for m in reading.dates_by_sentence.get(sentence, [])):
            return True
        text = reading.sentences[sentence].text
        return any(p.search(text) for p in reading.lexicon.history_patterns)

    def _in_fiction(self, sentence: int) -> bool:
        """ "Dans le scénario, un groupe djihadiste fictif a enlevé des humanitaires", "Dans la nouvelle
        série de France 2, une adolescente est retrouvée égorgée": told inside a story, a game or a
        drill (context.yaml fiction_frames), in the sentence or before it in its paragraph."""
        reading = self._reading
        first = reading.paragraph_openings[reading.paragraph_of[sentence]]
        return any(self._frames(s) for s in range(first, sentence + 1))

    def _frames(self, sentence: int) -> bool:
        """Whether the sentence names a story, a game or a drill (read once per sentence)."""
        if sentence not in self._framed:
            self._framed[sentence] = bool(self._fiction.find(self._reading.sentences[sentence]))
        return self._framed[sentence]

    def is_link(self, sentence: int) -> bool:
        """The sentence is in a "Lire aussi : ..." paragraph, or opens with one: another story's
        headline, which gives neither an event nor a toll."""
        reading = self._reading
        opening = reading.sentences[reading.paragraph_openings[reading.paragraph_of[sentence]]]
        own = reading.sentences[sentence]
        if any(m.span.start - span.start <= 1 for span in (opening, own) for m in self._links.find(span[:5])):
            return True
        # "Lire aussi :" alone on its line: the headline is the line after it
        return opening.start == own.start and sentence > 0 and self._bare_marker(sentence - 1)

    def _bare_marker(self, sentence: int) -> bool:
        """The sentence is a link marker and nothing else ("Lire aussi :")."""
        span = self._reading.sentences[sentence]
        words = [t for t in span if not t.is_punct and not t.is_space]
        found = self._links.find(span)
        return bool(words) and any(m.span.start <= words[0].i and words[-1].i < m.span.end for m in found)

    def _after_link_inline(self, trigger: Span, sentence: int) -> bool:
        """ "… raconte son expérience. Lire aussi: "Ma femme m'a violé" Violences domestiques …": in
        copy whose links were flattened into the text, what follows a link marker in its sentence is
        other stories' headlines."""
        found = self._links.find(self._reading.sentences[sentence])
        return any(m.span.end <= trigger.start for m in found)

    def keep(self, trigger: Span) -> bool:
        """Whether the trigger tells a happening of the conflict, now (asked again by the toll and
        relative-clause rules: read once per trigger)."""
        key = (trigger.start, trigger.end, trigger.label_)
        if key not in self._kept:
            self._kept[key] = self._keep(trigger)
        return self._kept[key]

    def _keep(self, trigger: Span) -> bool:
        sentence = self._reading.sentence_of(trigger)
        if self.is_link(sentence) or self._after_link_inline(trigger, sentence):
            return False
        if _generic_agreement(trigger) or _asked(self._reading.sentences[sentence]):
            return False
        if _any_such(trigger) and not self._denies_the_one_told(sentence):
            return False  # (but "a démenti toute arrestation" denies the one told)
        if not self._reading.is_headline(sentence) and _a_proper_name(trigger):
            return False
        if _held_territory(trigger) or self._spoils_taken(trigger) or self._held_people(trigger):
            return False
        if self._still_held(trigger, sentence) or self._imperfect_undated(trigger, sentence):
            return False
        if self._measure_in_force(trigger, sentence):
            return False
        if self._held_since(trigger, sentence) or self._takes_no_ground(trigger, sentence):
            return False
        if self._withdrawal_before_capture(trigger, sentence) or self._answered(trigger):
            return False
        crowd_deed = family(trigger.label_) == "unrest" and _what_the_crowd_had_done(trigger)
        if (not crowd_deed and self._told_of_a_dropped_one(trigger, sentence)) or self._under_a_stance(
            trigger, sentence
        ):
            return False
        if self._reading.is_headline(sentence) and self._dropped_in_body(trigger):
            return False
        if (
            self.is_history(sentence)
            or self._goes_on_from_history(sentence)
            or self._background(trigger, sentence)
            or self._is_topic(trigger, sentence)
            or self._charge(trigger, sentence)
        ):
            return False
        if self._dated_in_the_past(trigger, sentence) or self._seized_weapon(trigger, sentence):
            return False
        if self._idle_weapon(trigger, sentence):
            return False
        if self._anaphor_of_history(trigger, sentence) or self._listed_with_history(trigger, sentence):
            return False
        if family(trigger.label_) == "violence" and (self._domestic(trigger) or self._by_no_actor(trigger)):
            return False
        if family(trigger.label_) == "unrest" and (
            self._imposed_by_arms(trigger) or self._a_state_protests(trigger)
        ):
            return False
        if self._recurring(trigger, sentence) or self._provided_for(trigger) or self._remembered(trigger):
            return False
        if self._habitual(trigger, sentence):
            return False
        if _lasting_years(trigger) or _a_simile(trigger) or self._a_kind_of_harm(trigger):
            return False
        if self._listed(trigger, sentence):
            return False
        if self._named_as_a_method(trigger, sentence) or self._in_fiction(sentence):
            return False
        # "Depuis le coup d'État du 26 juillet, les rassemblements se multiplient": what a period is
        # counted from is background, told in its own news
        if in_since_phrase(trigger.root) and not self._dated_inside(trigger, sentence):
            return False
        if self._counted_since(trigger.root, sentence) or self._counted_in_a_period(trigger, sentence):
            return False
        if self._opens_with_a_period(sentence) and not self._dated_inside(trigger, sentence):
            return False  # "Depuis le 15 avril, les combats ont fait plus de 1 800 morts"
        if (
            trigger.kb_id_ == AMBIGUOUS
            and not _agents(trigger.root)
            and self._goes_on_with_a_period(sentence)
        ):
            # "Depuis le 8 octobre, ... échangent des tirs. Côté israélien, une vingtaine de personnes ont
            # été tuées": the period's toll, by nobody named
            return False
        if trigger.label_ in ("Arrests", "Protest with intervention") and _reflexive(trigger):
            # "sommé de s'arrêter": to stop, not to be arrested; "le cortège s'est dispersé dans le
            # calme": the crowd left, nobody dispersed it.
            return False
        if _infinitive_of_noun(trigger, self._ability, self._count_nouns) and not self._planned(sentence):
            return False  # "les hommes en âge de combattre": no event happened, nor is one planned
        if self._not_a_trigger(trigger, sentence) or self._in_a_group_name(trigger, sentence):
            return False
        if _one_of_a_kind(trigger) or self._aimed_at_something_else(trigger):
            return False
        if self._alongside_a_fight(trigger, sentence):
            return False
        if (
            trigger.kb_id_ == AMBIGUOUS
            and family(trigger.label_) not in ("Arrests", "unrest")
            and _infinitive(trigger)
            and not self._planned(sentence)
        ):
            # "les stéroïdes qui aident à combattre le Covid-19", "pour combattre les groupes
            # djihadistes": an ambiguous verb in the infinitive names an aim or a role, not a happening
            # (but a raid "venus arrêter deux militants" is told by its aim, and "ils étaient nombreux
            # à manifester" by what they did)
            return False
        if trigger.kb_id_ == AMBIGUOUS:
            licence = own_licence(self._reading.lexicon, trigger)
            if licence is not None:
                # A licence of its own is specific enough ("gaz lacrymogène" and a crowd): a
                # non-conflict word beside it ("le paiement de leurs bourses") is what the crowd wants.
                return self._licensed_near(licence, trigger, sentence)
            unrest = family(trigger.label_) == "unrest"
            if unrest and (
                self._licensed_near(("protest_aims",), trigger, sentence) or self._crowd_does_it(trigger)
            ):
                # what the crowd is for licenses it, even when it is the economy: "ont manifesté
                # contre la hausse des prix"
                return True
            if self._sentence_has("non_conflict", self._non_conflict, sentence) and (
                self._idiom(trigger, sentence) or not self._people_named(sentence)
            ):
                # a word of business, sport or health, unless armed men or civilians are named with
                # it ("des hommes armés ont attaqué une mine d'or"); an idiom the trigger is part of
                # ("l'Allemagne tirait profit de la présence des soldats") whatever is named
                return False
            if self._accidental(trigger, sentence):
                return False  # "Une explosion dans un restaurant ... Une fuite de gaz serait en cause."
            others = [
                t
                for t in self._reading.triggers.get(sentence, [])
                if t.kb_id_ != AMBIGUOUS and t is not trigger
            ]
            return bool(others) or self._licensed(trigger, sentence)
        return True


#: How many heads up from a trigger noun a rule, a plan or an anniversary may govern it ("une
#: disposition permettant la démobilisation": démobilisation -> permettant -> disposition).
_HEAD_REACH = 3

#: How many words after a trigger noun may still date it ("du massacre perpétré il y a quinze ans").
_PHRASE_REACH = 8

#: Families of strategic developments that a mention of fighting in the same sentence
#: describes ("un accord met fin aux affrontements", "arrêtés lors d'une opération").
_ABSORBING = frozenset(
    {
        "Agreement",
        "Arrests",
        "Disrupted weapons use",
        "Change to group/activity",
        "Headquarters or base established",
        "Non-violent transfer of territory",
    }
)


#: Links from a weapon noun up to the verb that seized it: "des obus et des ceintures d'explosifs ont
#: été saisis", "la saisie d'obus de mortier" (not "les corps retrouvés après une attaque").
_SEIZED_LINKS = frozenset({"obj", "nsubj", "nsubj:pass", "conj", "nmod", "appos", "obl:arg"})


def _governed_by(trigger: Span, cue: Span) -> bool:
    """The trigger noun hangs on the cue's word through objects, subjects, conjuncts and noun
    complements (at most three links), or the cue is part of the trigger's own phrase."""
    if cue.start >= trigger.start and cue.end <= trigger.end:
        return True
    token = trigger.root
    for _ in range(3):
        if token.dep_ not in _SEIZED_LINKS or token.head.i == token.i:
            return False
        token = token.head
        if cue.start <= token.i < cue.end:
            return True
    return False


#: Sub-event types of a place that changes hands (which an attempt alone does not make).
HANDS_CHANGE = frozenset({"Non-state actor overtakes territory", "Government regains territory"})


def _held_territory(trigger: Span) -> bool:
    """ "les territoires occupés", "la centrale nucléaire occupée de Zaporijjia": a participle that
    only describes a place as held, with nobody taking it (no "par", no auxiliary), is a state of
    things, not its capture ("la ville, occupée par les rebelles depuis mardi" is told)."""
    root = trigger.root
    return (
        trigger.label_ in HANDS_CHANGE
        and len(trigger) == 1
        and _bare_participle(root)
        and not any(c.dep_ in ("obl:agent", "obl:mod") for c in root.children)
    )


def _bare_participle(root: Token) -> bool:
    """A participle that describes a noun, with no auxiliary: "occupée", "détenus"."""
    return (
        root.dep_ in ("acl", "amod")
        and "Part" in root.morph.get("VerbForm")
        and not any(c.dep_.startswith("aux") for c in root.children)
    )


def _a_proper_name(trigger: Span) -> bool:
    """ "professeur à l'université de Grenade": one capitalised word inside a body sentence, which the
    parser reads as a name, is a place or a person, not the weapon or the act."""
    token = trigger[0]
    before = token.nbor(-1) if token.i > token.sent.start else None
    return (
        len(trigger) == 1
        and (token.pos_ == "PROPN" or token.ent_type_ in ("LOC", "PER", "ORG"))
        and token.text[:1].isupper()
        and before is not None
        and not before.is_punct
    )


def _asked(sentence: Span) -> bool:
    """ "Les émeutes du Covid : pourquoi se produisent-elles ?", "Y a-t-il eu des frappes ?": a
    question tells no event (an answer, or the body of the story, does)."""
    last = next((t for t in reversed(sentence) if not t.is_space and t.text not in ("»", '"', ")")), None)
    return last is not None and last.text.endswith("?")


def _noun_under(trigger: Span, words: frozenset[str], *, subject: bool = False) -> bool:
    """A trigger noun whose head, up to `_HEAD_REACH` heads up through nouns and participles, is one
    of `words` ("la démobilisation" <- "permettant" <- "disposition"); with `subject`, also a verb
    whose subject is one ("la loi prévoit la démobilisation")."""
    if trigger.root.pos_ != "NOUN":
        return False
    head = trigger.root
    for _ in range(_HEAD_REACH):
        if head.head.i == head.i:
            return False
        head = head.head
        if fold(head.lemma_) in words:
            return True
        if (
            subject
            and head.pos_ == "VERB"
            and any(c.dep_.startswith("nsubj") and fold(c.lemma_) in words for c in head.children)
        ):
            return True  # "le décret ordonnant le retrait" (the parser makes "décret" its subject)
        if head.pos_ != "NOUN" and not (head.pos_ == "VERB" and head.dep_ == "acl"):
            return False  # a clause's verb: the noun is what was done
    return False


#: Relative pronouns that open a clause about the noun before them (folded lemmas).
_RELATIVE_PRONOUNS = frozenset({"lequel", "laquelle", "lesquels", "lesquelles", "dont"})

#: How many words before a trigger a retaliation phrase is looked for ("en représailles à l'").
_ANSWER_REACH = 6

#: Words that make a statement general, about no one happening (folded).
_GENERAL_WORDS = frozenset({"depuis", "jamais", "generale", "generalement", "toujours"})


def _any_such(trigger: Span) -> bool:
    """ "contre tout acte de vandalisme", "toute attaque sera punie": any act of a kind, none told."""
    root = trigger.root
    nouns = [root, root.head] if root.dep_ == "nmod" else [root]
    return root.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("tout", "toute") for n in nouns for c in n.children
    )


def _generic_agreement(trigger: Span) -> bool:
    """ "vivent au rythme des trêves annoncées puis violées": agreements in the indefinite plural are a
    pattern of the war, not one agreement concluded."""
    root = trigger.root
    return (
        trigger.label_ == "Agreement"
        and root.pos_ == "NOUN"
        and "Plur" in root.morph.get("Number")
        and any(c.dep_ == "det" and c.lower_ in ("des", "de", "d'") for c in root.children)
    )


#: A plus-que-parfait dated up to this many days before publication is news told in sequence.
_SEQUENCE_DAYS = 7
#: "de" and its forms, which name what a noun is of ("la ville de Boni").
_DE_WORDS = frozenset({"de", "d'", "d’", "du", "des"})
#: How many words into a sentence opening with "Depuis" the date of the period's start may begin.
_PERIOD_OPENING_WORDS = 6
#: Spans of time within the week: "occupent depuis quelques heures la localité" took it this week.
_WITHIN_THE_WEEK = frozenset(
    {"heure", "minute", "jour", "week-end", "weekend", "hier", "matin", "soir", "nuit", "veille", "semaine"}
)
#: Clauses of their own under a verb: what they say is not the verb's.
_OWN_CLAUSES = frozenset({"advcl", "ccomp", "acl:relcl", "parataxis", "csubj"})
#: A month this many days before the news (its middle) is a past month: "en juin", read on 26 July.
_PAST_MONTH_DAYS = 21


def _compound_participle(trigger: Span) -> bool:
    """The trigger's verb is a compound participle ("ayant fait allégeance", "s'étant emparés de"): it
    describes who did it before, as a clause on a noun, not the news."""
    verb = trigger.root
    return verb.pos_ == "VERB" and any(
        c.dep_.startswith("aux") and c.lower_ in ("ayant", "étant") for c in verb.children
    )


def _names_what_was_told(noun: Token) -> bool:
    """The noun is what "il s'agit de" calls something: "il s'agissait d'un « massacre »"."""
    return fold(noun.head.lemma_) == "agir" and any(
        c.lower_ in ("s'", "s’", "se") for c in noun.head.children
    )


def _dated_before(current: list, reading: Reading) -> bool:
    """ "La veille, lundi, des obus étaient tombés sur Kayna", "Dans la nuit de dimanche à lundi, des
    jihadistes avaient pris d'assaut la base": a plus-que-parfait dated within the week before the news
    it follows tells what came before it, in sequence; it is news too."""
    published = reading.published
    return published is not None and any(
        m.precision == 1 and 1 <= (published - m.value).days <= _SEQUENCE_DAYS for m in current
    )


def _simple_past(trigger: Span) -> bool:
    """The passé simple ("s'emparèrent", "firent exploser", "fut accueillie par des pillages"): French
    news tells the day's events in the passé composé; the passé simple narrates history."""
    verb = trigger.root
    if verb.pos_ not in ("VERB", "AUX") and verb.dep_ in _ARGUMENT_DEPS:
        verb = verb.head  # a noun told by its verb: "accueillie par des pillages"
    for candidate in (verb, verb.head):
        if candidate.pos_ in ("VERB", "AUX"):
            for form in (candidate, *(c for c in candidate.children if c.dep_.startswith("aux"))):
                if _passe_simple(form):
                    return True
        if "Inf" not in verb.morph.get("VerbForm"):
            break  # only an infinitive ("firent exploser") takes its tense from the verb above it
    return False


#: How a noun trigger hangs on the verb that tells it.
_ARGUMENT_DEPS = frozenset({"obj", "obl", "obl:agent", "obl:arg", "nsubj", "nsubj:pass", "conj"})


def _passe_simple(verb) -> bool:
    morph = verb.morph
    if "Fin" in morph.get("VerbForm") and "Past" in morph.get("Tense") and "Ind" in morph.get("Mood"):
        return not _also_a_present(verb)
    return _first_group_simple_past(verb)


def _also_a_present(verb) -> bool:
    """ "il s'agit", "il saisit", "il dit": -ir verbs (and "dire") spell the singular of the passé simple
    as their present, and news tells in the present: the tagger's past is a guess."""
    lemma, form = verb.lemma_.lower(), verb.lower_
    return (
        len(lemma) > 3
        and lemma.endswith("ir")
        and form in (lemma[:-1] + "t", lemma[:-1] + "s")
        or (lemma == "dire" and form in ("dit", "dis"))
    )


# So many happenings counted in one noun, in digits ("350 attaques"), are a tally, never one event.
_TALLY = 10


def _phrase(trigger: Span) -> tuple[int, int]:
    """Token bounds of the phrase the trigger heads (its noun and what depends on it)."""
    tree = list(trigger.root.subtree)
    return min(trigger.start, tree[0].i), max(trigger.end, tree[-1].i + 1)


def _first_group_simple_past(verb) -> bool:
    """ "exécutèrent", "attaqua": the tagger reads some passé simple forms as presents; an -er verb's
    stem followed by -a or -èrent is the passé simple (its present is "exécutent", "attaque")."""
    lemma, form = verb.lemma_.lower(), verb.lower_
    if not lemma.endswith("er") or len(lemma) < 4:
        return False
    stem = lemma[:-2]
    singular = stem + "e" if stem.endswith("g") else stem[:-1] + "ç" if stem.endswith("c") else stem
    return form in (singular + "a", stem + "èrent")  # "mangea", "commença"; "lancèrent"


def _infinitive_of_noun(trigger: Span, ability: frozenset[str], counts: frozenset[str] = frozenset()) -> bool:
    """ "les hommes en âge de combattre", "capable de frapper l'ennemi": an ability, not an act (not
    "ils étaient nombreux à manifester": only the adjectives of context.yaml `ability_words`; nor "ils
    étaient plusieurs milliers à manifester": a crowd counted, context.yaml `count_nouns`)."""
    verb = trigger.root
    if verb.pos_ != "VERB" or "Inf" not in verb.morph.get("VerbForm"):
        return False
    head = verb.head
    # "capable de frapper", and a skill learnt: "ont appris à prendre d'assaut des bâtiments"
    return (head.pos_ == "NOUN" and not _word_in(head, counts)) or (
        head.pos_ in ("ADJ", "VERB") and fold(head.lemma_) in ability
    )


_ARTICLES = ("le", "la", "les")


def _relative_after(trigger: Span) -> Token | None:
    """The verb of the first "qui" clause after a trigger noun, with no verb between them, however the
    parser hangs it (on the last name, or on the main verb): "l'attaque de Boko Haram contre une base
    dans la région du Lac en octobre, qui avait fait une quarantaine de morts"."""
    phrase = {t.i for t in trigger.root.subtree} - {trigger.root.i}
    for token in trigger.doc[trigger.end : trigger.sent.end]:
        if token.lower_ == "qui" and token.dep_.startswith("nsubj"):
            verb = token.head
            # (the parser hangs it on a noun of the phrase: "l'attaque contre le camp, qui avait déjà été
            # visé en mars" tells the camp's past)
            told_of_another = verb.dep_ == "acl:relcl" and verb.head.i in phrase
            return verb if verb.dep_ in ("acl:relcl", "advcl") and not told_of_another else None
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def _a_simile(trigger: Span) -> bool:
    """ "Il a joué comme un kamikaze", "avancer comme une armée": a noun after "comme" is a likeness."""
    root = trigger.root
    return root.pos_ == "NOUN" and any(
        c.dep_ in ("case", "mark") and c.lower_ == "comme" for c in root.children
    )


def _lasting_years(trigger: Span) -> bool:
    """ "après deux ans de captivité", "dix années de guerre", "des mois de combats": a noun counted in
    months or years tells how long something lasted, a period, not a happening (not "trois jours de
    combats", which may be this week's)."""
    root, head = trigger.root, trigger.root.head
    return (
        root.pos_ == "NOUN"
        and root.dep_ == "nmod"
        and fold(head.lemma_) in _LONG_SPANS
        and any(c.dep_ in ("nummod", "det") for c in head.children)
    )


#: Units of time that make a counted noun a long period ("deux ans de captivité").
_LONG_SPANS = frozenset({"an", "annee", "mois", "decennie", "siecle"})


def _word_in(token: Token, words: frozenset[str]) -> bool:
    """The token's lemma or its form, folded, is one of `words` (a context.yaml single-word list)."""
    return fold(token.lemma_) in words or fold(token.text) in words


def _agents(head: Token) -> list[Token]:
    """Who did what `head` says: its "par" agent, and its subject unless it is passive."""
    agents = [c for c in head.children if c.dep_ == "obl:agent"]
    if not any(c.dep_ in ("aux:pass", "nsubj:pass") for c in head.children):
        agents += [c for c in head.children if c.dep_ == "nsubj"]
    return agents


def _by(token: Token) -> bool:
    """An oblique or a noun complement introduced by "par"."""
    return token.dep_ in ("obl", "obl:mod", "nmod") and any(
        d.dep_ == "case" and d.lower_ == "par" for d in token.children
    )


def _one_of_a_kind(trigger: Span) -> bool:
    """ "l'une des attaques les plus meurtrières": the kind something belongs to, not a happening
    (not "lors de l'une des attaques, trois soldats ont été tués"); "l'une des villes les plus
    détruites par la guerre": a participle in a superlative ranks a place, it tells no happening."""
    root = trigger.root
    doc = root.doc
    if root.pos_ in ("VERB", "ADJ") and any(
        c.dep_ == "advmod" and c.lower_ in ("plus", "moins") and doc[c.i - 1].lower_ in _ARTICLES
        for c in root.children
        if 0 < c.i < root.i
    ):
        return True
    return (
        root.pos_ == "NOUN"
        and root.dep_ == "nmod"
        and fold(root.head.lemma_) in ("un", "une")
        and any(c.dep_ == "case" and c.lower_ == "des" for c in root.children)
        and any(fold(t.text) in ("plus", "moins") for t in root.subtree if t.i > root.i)
    )


def _infinitive(trigger: Span) -> bool:
    root = trigger.root
    return root.pos_ == "VERB" and "Inf" in root.morph.get("VerbForm") and root.dep_ != "ROOT"


def _reflexive(trigger: Span) -> bool:
    return trigger.root.pos_ == "VERB" and any(c.lower_ in ("se", "s'", "s’") for c in trigger.root.children)


def _another(trigger: Span) -> bool:
    """ "une autre frappe", "un autre attentat": a noun that says it is not the one told before (not
    "d'autres obus sont tombés", more of the same barrage)."""
    root = trigger.root
    return (
        root.pos_ == "NOUN"
        and any(c.dep_ == "amod" and c.lower_ == "autre" for c in root.children)
        and any(c.dep_ == "det" and c.lower_ in ("un", "une") for c in root.children)
    )


#: Determiners of a noun that refers back: any definite one, or a demonstrative only.
_DEMONSTRATIVE = frozenset({"ce", "cet", "cette", "ces"})
_DEFINITE = _DEMONSTRATIVE | {"le"}


def _anaphoric(trigger: Span, determiners: frozenset[str] = _DEFINITE) -> bool:
    """ "les combats", "cette attaque", "l'assaut": a definite noun refers back to a told happening
    (with `determiners=_DEMONSTRATIVE`, only "ces heurts", "cette attaque": what was just told)."""
    root = trigger.root
    return root.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lemma_.lower() in determiners for c in root.children
    )


#: Cue labels (cues.yaml) of a source named for what the sentence tells: "selon le maire".
_SOURCING = frozenset({"attribution_prep", "attribution_verb"})


#: Words for fighting on the ground, which the press uses for one another ("l'attaque ... les combats").
_GROUND_FIGHTING = frozenset(
    {"Armed clash", "Attack", "Government regains territory", "Non-state actor overtakes territory"}
)


#: How a blast is delivered: from the air, planted or thrown, or fired from afar. Two of them told in
#: different paragraphs are two happenings, whatever their days ("un minibus a sauté sur un engin
#: explosif … ¶ L'armée a annoncé avoir mené des frappes aériennes près de Tacharane").
_MEANS = {
    "Air/drone strike": "air",
    "Remote explosive/landmine/IED": "planted",
    "Suicide bomb": "planted",
    "Grenade": "planted",
    "Shelling/artillery/missile attack": "fired",
}


def _other_means(reading: Reading, trigger: Span, h: Happening, sentence: int) -> bool:
    """The trigger's blast is delivered otherwise than the happening's, in another paragraph."""
    means = _MEANS.get(trigger.label_)
    if means is None or trigger.kb_id_ == AMBIGUOUS:
        return False
    paragraph = reading.paragraph_of[sentence]
    if any(reading.paragraph_of[s] == paragraph for s in h.sentences):
        return False
    theirs = {_MEANS.get(t.label_) for t in h.triggers if t.kb_id_ != AMBIGUOUS} - {None}
    return bool(theirs) and means not in theirs


#: Units of a stretch of time, in the plural ("ces dernières semaines"): a span, not a day.
_STRETCH_UNITS = frozenset({"jour", "semaine", "mois", "an", "annee"})


def _same_kind(trigger: Span, h: Happening) -> bool:
    """An anaphor names the kind of happening it refers back to: "l'attaque" any violence (the most
    general word), "les combats" fighting on the ground, not "l'aviation" after a ground assault (the
    next day's air strikes)."""
    kinds = {t.label_ for t in h.triggers}
    if trigger.label_ == "Attack" or trigger.label_ in kinds:
        return True
    return trigger.label_ in _GROUND_FIGHTING and bool(kinds & _GROUND_FIGHTING)


def telling_sentences(reading: Reading, h: Happening) -> set[int]:
    """The happening's sentences that only tell of it again ("Le JNIM a revendiqué l'attaque lundi",
    "L'armée a démenti cette attaque mardi"): the day they give is the day of the telling."""
    by_sentence: dict[int, list[Span]] = {}
    for t in h.triggers:
        by_sentence.setdefault(reading.sentence_of(t), []).append(t)
    return {
        s for s, words in by_sentence.items() if all(_anaphoric(t) for t in words) and _told_about(reading, s)
    }


def _told_about(reading: Reading, sentence: int) -> bool:
    """ "L'EIGS a revendiqué l'attaque mercredi", "l'armée a démenti cette attaque": a sentence that
    claims, denies or reports a happening already told; its date is the day of the telling."""
    return any(
        c.label_ in ("responsibility", "denial", "attribution_verb") for c in reading.cues.get(sentence, [])
    )


def pluperfect(trigger: Span) -> bool:
    """ "avait été occupée", "avaient fui": the plus-que-parfait recalls what came before the news."""
    verb = trigger.root
    if verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if verb.pos_ == "ADV" and verb.head.i != verb.i:
        verb = verb.head  # "avaient été tués lors de combats", the noun hung on "lors"
    if verb.pos_ not in ("VERB", "AUX") or "Part" not in verb.morph.get("VerbForm"):
        return False
    if _bare_participle_in_a_list(verb):
        # "avait mobilisé son armée et lancé une contre-offensive", "avaient attaqué le village, tué
        # des habitants, incendié des cases" (which the parser may hang on "habitants"): the tense of
        # the first verb of the list
        head = next(
            (a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and not _bare_participle_in_a_list(a)),
            None,
        )
        return head is not None and head.i < verb.i and _participle_after_imperfect(head)
    return _participle_after_imperfect(verb)


def _bare_participle_in_a_list(verb: Token) -> bool:
    """A past participle with no auxiliary of its own, joined to the words before it."""
    return (
        "Part" in verb.morph.get("VerbForm")
        and verb.dep_ in ("conj", "acl", "advcl")
        and not any(c.dep_.startswith("aux") for c in verb.children)
    )


def _participle_after_imperfect(verb: Token) -> bool:
    """A past participle whose auxiliary is in the imperfect: the plus-que-parfait ("avait duré")."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    return "Part" in verb.morph.get("VerbForm") and any("Imp" in c.morph.get("Tense") for c in auxiliaries)


_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})

#: Subordinators of a clause that happened within a past told in the plus-que-parfait (folded).
_WITHIN_PAST = frozenset({"avant", "jusqu", "jusque"})


def _what_the_crowd_had_done(trigger: Span) -> bool:
    """ "La police a tiré jeudi sur des manifestants qui avaient érigé des barricades et incendié des
    pneus": a relative clause on the people the sentence's news verb acts on tells what they had just
    done, in the same happening (its plus-que-parfait is no background)."""
    verb = trigger.root
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "acl:relcl":
        return False
    noun = verb.head
    if noun.pos_ != "NOUN" or noun.dep_ not in ("obj", "obl", "obl:arg", "obl:mod", "nmod"):
        return False
    # (the parser may hang "sur des manifestants" on the day after the verb: "a tiré jeudi sur ...")
    head = noun.head if noun.head.dep_ != "obl:mod" else noun.head.head
    return head.dep_ == "ROOT" and head.pos_ in ("VERB", "AUX")


def _under_pluperfect(trigger: Span) -> bool:
    """ "Le siège avait duré quinze heures avant que les forces spéciales ne donnent l'assaut": a clause of
    what came within that past ("avant que", "jusqu'à ce que") tells the same past, whatever its own mood
    (not "quand": "les soldats avaient à peine quitté leur base quand des jihadistes les ont attaqués"
    is the news)."""
    verb = trigger.root if trigger.root.pos_ in ("VERB", "AUX") else trigger.root.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ == "mark" and fold(c.text) in _WITHIN_PAST for c in verb.children):
        return False
    return _participle_after_imperfect(verb.head)


def _reported(trigger: Span) -> bool:
    """The trigger's verb sits in a clause governed by another verb ("a annoncé que ... avait été
    attaquée"): reported speech."""
    verb = trigger.root if trigger.root.pos_ in ("VERB", "AUX") else trigger.root.head
    if any(
        c.pos_ == "PRON" and fold(c.text) in ("ou", "qui", "dont") and c.i < verb.i for c in verb.children
    ):
        return False  # "à Tabatol, en mars, où 23 soldats avaient été tués": a relative clause, hung as advcl
    return verb.dep_ in ("ccomp", "xcomp", "advcl", "parataxis") or any(
        c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") for c in verb.children
    )


def group_triggers(
    reading: Reading,
    triggers: list[Span],
    *,
    sentence_day: Callable[[int], tuple[date, int] | None],
    sentence_place: Callable[[int], Place | None],
    place_before: Callable[[int], Place | None] = lambda sentence: None,
    trigger_day: Callable[[Span], tuple[date, int] | None] | None = None,
    sentence_countries: Callable[[int], frozenset[str]] = lambda sentence: frozenset(),
    sentence_regions: Callable[[int], frozenset[tuple[str, str]]] = lambda sentence: frozenset(),
) -> list[Happening]:
    """Group triggers into happenings; the headline only repeats what the body tells.

    `trigger_day` gives a trigger's own day when its sentence tells two ("Après l'embuscade tendue
    mardi, l'armée a mené jeudi des frappes"); without it, every trigger takes its sentence's day.

    A sentence that names no town takes the town of the verbless sentence before it in its paragraph
    ("Drame à Githurai 44. Selon la KNCHR, la police a tiré ...")."""
    headline = [t for t in triggers if reading.is_headline(reading.sentence_of(t))]
    body = [t for t in triggers if not reading.is_headline(reading.sentence_of(t))]
    # Within a sentence, clear words before ambiguous ones, a crowd before what it did or what was
    # done to it ("des déposants ont saccagé des agences ... lançant des cocktails Molotov"), and
    # strategic developments before the fighting they mention, so that the first can take in the second.
    body.sort(
        key=lambda t: (
            reading.sentence_of(t),
            # (a crowd kept in its sentence comes first, even in a word of its own kind that needs
            # a licence: "une foule en colère a pris d'assaut le commissariat")
            family(t.label_) != "unrest",
            t.kb_id_ == AMBIGUOUS and own_licence(reading.lexicon, t) is None,
            family(t.label_) not in _ABSORBING,
            t.start,
        )
    )
    happenings: list[Happening] = []
    #: sentences that tell a happening again on another day (its anaphor joined it): sentence -> it
    retold: dict[int, Happening] = {}
    told = {reading.sentence_of(t) for t in triggers}
    for trigger in body:
        sentence = reading.sentence_of(trigger)
        fam = family(trigger.label_)
        day = trigger_day(trigger) if trigger_day else sentence_day(sentence)
        place = sentence_place(sentence)
        if place is None and sentence - 1 not in told and _scene(reading, sentence - 1):
            # "Drame à Pikine. Selon des témoins, la police a tiré ...": a verbless sentence that
            # only sets the scene gives its town to the next
            place = place_before(sentence)
        target = _absorbing(reading, happenings, sentence, fam, trigger, day, place)
        another = _another(trigger)  # "Une autre frappe a tué trois personnes à Odessa": a new one
        if target is None and not another:
            for h in reversed(happenings):
                if h.family != fam:
                    continue
                if (
                    # (not "Après l'embuscade tendue mardi …, l'armée a mené jeudi des frappes": two days;
                    # but "Lundi, le JNIM a revendiqué l'attaque, affirmant avoir tué huit soldats": the
                    # claim's words follow the attack its anaphor told again, on the day of the claim)
                    (sentence in h.sentences and (_same_day(h, day) or retold.get(sentence) is h))
                    or (
                        # "« Aucun enlèvement n'a eu lieu à Tchintabaraden », a-t-il déclaré jeudi": the
                        # denial of what was just told, whatever day it was said on
                        det_negative(trigger.root)
                        and _same_kind(trigger, h)
                        and (_near_enough(h, place) or max(h.sentences) >= sentence - 1)
                    )
                    or (
                        _anaphoric(trigger)
                        and _same_kind(trigger, h)
                        and _told_about(reading, sentence)
                        and _near_enough(h, place)  # not "la frappe sur Kramatorsk" after Soudja
                    )
                    or (
                        # "Une infirmière a été enlevée jeudi ... Les ravisseurs ont pris contact avec sa
                        # famille vendredi", "Une rançon a été réclamée mardi": the doers and the sequel
                        # of what was told, whatever the day
                        _same_kind(trigger, h)
                        and _word_in(trigger.root, context_words(reading.lexicon, "sequel_nouns"))
                    )
                    or (
                        _same_day(h, day)
                        and _near_enough(h, place)
                        # "Des frappes israéliennes sur le Liban ... Le Hezbollah a riposté en tirant des
                        # roquettes sur Haïfa": another country is another happening
                        and _same_country(h, place, sentence_countries(sentence))
                        # "Dans l'État de Zamfara, des bandits ont enlevé … Le même jour, dans l'État
                        # de Borno, …": another region named as where is another happening
                        and _same_region(h, place, sentence_regions(sentence))
                        and not _other_means(reading, trigger, h, sentence)
                        # "Aucune arrestation n'a été annoncée. ¶ Dans la nuit, l'armée a arrêté ...":
                        # what was told as not happening does not take in what happened next
                        and not all(det_negative(t.root) for t in h.triggers)
                    )
                ):
                    target = h
                break
        told_before = [h for h in happenings if h.family == fam and any(s != sentence for s in h.sentences)]
        claimed = _claimed_again(reading, trigger, sentence)
        if claimed and told_before and (target is None or target in told_before):
            # "Mardi, l'EI a revendiqué l'opération, affirmant avoir tué « douze apostats »": a claim
            # about what the article told, not a happening of its own, nor a word of it (its day and
            # toll are the claim's)
            continue
        if target is None and not another:
            target = _told_again(happenings, fam, trigger, day, place)
        if target is None and trigger.label_ in HANDS_CHANGE:
            # "Les shebab ont pris possession sans combat de Moqokori ... Les islamistes ont aussitôt
            # hissé leur drapeau": what the takers did in a town handed over, the same happening
            target = next(
                (
                    h
                    for h in reversed(happenings)
                    if h.family == "Non-violent transfer of territory"
                    # (told before: "…, d'où les soldats s'étaient retirés" in the capture's own
                    # sentence is how the town changed hands, not a handover the capture joins)
                    and sentence > min(h.sentences)
                    and max(h.sentences) >= sentence - 1
                    and _same_day(h, day)
                    and _near_enough(h, place)
                ),
                None,
            )
        if target is None and _toll_update(reading, trigger, sentence):
            target = next(
                (h for h in reversed(happenings) if h.family == fam and _near_enough(h, place)), None
            )
        beside = any(sentence in h.sentences for h in happenings)
        weak = (
            trigger.kb_id_ == AMBIGUOUS and fam == "violence" and not _non_state_armed_in(reading, sentence)
        )
        if target is None and weak and beside:
            continue  # an ambiguous word of violence beside a clearer happening adds nothing of its own
        if target is None:
            target = Happening(fam)
            happenings.append(target)
        elif sentence not in target.sentences and not _same_day(target, day):
            retold[sentence] = target  # an anaphor on another day: the sentence tells it again
        _add(target, trigger, sentence, day, place)
        target.countries.update(sentence_countries(sentence))
        target.regions.update(sentence_regions(sentence))
    for trigger in headline:
        fam = family(trigger.label_)
        kin = [h for h in happenings if h.family == fam]
        # the one in the headline's town ("deux morts dans une frappe sur Mykolaïv", above a live blog
        # whose first post is about Siversk), else the first the body tells
        town = sentence_place(reading.sentence_of(trigger))
        placed = [h for h in kin if town is not None and h.place is not None and _near_enough(h, town)]
        target = next(iter(placed or kin), None)
        if target is None and happenings:
            continue  # the headline names in other words a happening the body tells
        if target is None:
            target = Happening(fam)
            happenings.append(target)
        sentence = reading.sentence_of(trigger)
        _add(target, trigger, sentence, sentence_day(sentence), sentence_place(sentence))
    for h in happenings:
        h.triggers.sort(key=lambda t: t.start)
        h.sentences.sort()
    # An ambiguous word alone ("évacués", "passation", "retrait") is not enough for a strategic
    # development: ACLED codes those from explicit statements.
    kept = [h for h in happenings if h.family in ("violence", "unrest") or not _weak(reading, h)]
    if any(h.family == "violence" for h in kept):
        # "Un suspect a été interpellé ... une enquête a été ouverte": the investigation of the attack
        # the article tells, not an event of its own.
        inquiry = context_matcher(reading.lexicon, "investigation_words")
        kept = [
            h
            for h in kept
            if h.family != "Arrests" or not any(reading.has_term(s, inquiry) for s in h.sentences)
        ]
    # "Le suspect, âgé de 41 ans, a été arrêté et placé en garde à vue": a crime's suspect, with no armed
    # group, crowd or political side named, is police work ACLED does not code
    kept = [h for h in kept if h.family != "Arrests" or not _a_suspect_arrested(reading, h)]
    return [h for h in kept if not _ordinary_crime(reading, h) and not _only_a_strike(reading, h)]


def _only_a_strike(reading: Reading, h: Happening) -> bool:
    """ "Les enseignants ont entamé lundi une grève illimitée": people staying away from work (or from
    food) do not gather, and ACLED codes no protest for it; a strike told with a march, a sit-in or a
    rally (another word of unrest in the happening) is coded by that one."""
    strike = context_words(reading.lexicon, "strike_words")
    return h.family == "unrest" and all(_word_in(t.root, strike) for t in h.triggers)


def _ordinary_crime(reading: Reading, h: Happening) -> bool:
    """ "braquage spectaculaire dans une bijouterie": a robbery or a settling of scores, told by its
    own words (context.yaml crime_words; for an arrest, arrest_crime_words too: contraband, crime
    news) in the headline or the happening's sentences, with no named
    armed group nor crowd, is crime, which ACLED does not code (gangs and bandits that fight for
    territory are named as armed groups, and stay)."""
    crime = context_matcher(reading.lexicon, "crime_words")
    headline = [s for s in range(len(reading.sentences)) if reading.is_headline(s)]
    told = (*headline, *h.sentences)
    by_crime = any(reading.has_term(s, crime) for s in told)
    if not by_crime and not (
        # "saisie record de cocaïne, sept arrestations": contraband, and only for arrests
        h.family == "Arrests"
        and any(reading.has_term(s, context_matcher(reading.lexicon, "arrest_crime_words")) for s in told)
    ):
        return False
    for s in h.sentences:
        for actor in reading.actors.get(s, []):
            inter, _, _, generic = decode_actor(actor.kb_id_)
            # a crowd, or a named rebel group or militia (not "trois individus armés"); for a drug
            # arrest, any armed side ("cinq jihadistes présumés en possession de drogue")
            if inter in _POLITICAL_SIDES and (inter in (5, 6) or not generic or not by_crime):
                return False
    return True


#: Inter codes of the sides of a political arrest besides the state: rebels, militias, crowds.
_POLITICAL_SIDES = frozenset({2, 3, 4, 5, 6})


def _a_suspect_arrested(reading: Reading, h: Happening) -> bool:
    words = context_words(reading.lexicon, "criminal_suspects")
    arrested = [
        c
        for t in h.triggers
        for c in t.root.children
        if c.dep_ in ("nsubj:pass", "obj") and _word_in(c, words)
    ]
    # an armed group, a militia, a crowd, or the army (not the police) named with the arrest
    sides = [decode_actor(a.kb_id_) for s in h.sentences for a in reading.actors.get(s, [])]
    political = any(
        inter in _POLITICAL_SIDES or (inter == 1 and kind != "police") for inter, _, kind, _ in sides
    )
    # "deux suspects liés à l'attaque du camp de Boulkessi": the suspect of an act of war
    violence = {
        t.root.i for s in h.sentences for t in reading.triggers.get(s, []) if family(t.label_) == "violence"
    }
    of_violence = any(violence & {d.i for d in c.subtree if d.i != c.i} for c in arrested)
    return bool(arrested) and not political and not of_violence


def _told_again(
    happenings: list[Happening], fam: str, trigger: Span, day: tuple[date, int] | None, place: Place | None
) -> Happening | None:
    """An earlier happening (not the latest) told again further down: same kind, towns within 25 km of
    each other (both known), the same or an unstated day. A live blog's later update
    ("Kharkiv : le bilan s'alourdit") or a story that comes back to its first event after another."""
    if place is None:
        return None
    for h in reversed(happenings[:-1]):
        if (
            h.family == fam
            and h.place is not None
            and trigger.label_ in {t.label_ for t in h.triggers}
            and _same_day(h, day)
            and _near_enough(h, place)
        ):
            return h
    return None


def _scene(reading: Reading, sentence: int) -> bool:
    return sentence >= 0 and verbless(reading.sentences[sentence])


def _toll_update(reading: Reading, trigger: Span, sentence: int) -> bool:
    """ "MISE À JOUR - le ministère a porté à 21 le nombre de civils tués à Téguèy": a revised toll
    whose death word is the trigger tells of a happening already told, whatever day the update
    itself names ("lors des recherches menées mardi")."""
    matchers = _matchers(reading.lexicon)
    sent = reading.sentences[sentence]
    if not matchers.revisions.find(sent):
        return False
    return any(m.span.start < trigger.end and trigger.start < m.span.end for m in matchers.deaths.find(sent))


#: Inter codes of armed sides: state forces, rebels, militias, external forces.
_ARMED_INTERS = frozenset({1, 2, 3, 4, 8})


def _figure_arrested(reading: Reading, trigger: Span) -> bool:
    """A political figure (context.yaml political_figures) is the passive subject of the arrest verb:
    "L'opposant Ousmane Sonko a été arrêté vendredi" (not "le ministre a interpellé le journaliste",
    who was challenged)."""
    root = trigger.root
    figures = context_matcher(reading.lexicon, "political_figures")
    members = context_matcher(reading.lexicon, "government_members")  # "le président a été arrêté"
    return _named_arrested(reading, root, figures) or _named_arrested(reading, root, members)


def _named_arrested(reading: Reading, root: Token, figures: TermMatcher) -> bool:
    """One the matcher names is the passive subject of the arrest verb `root` (or opens the sentence
    of a subjectless passive the parser broke)."""
    if any(c.dep_ == "aux:pass" for c in root.children) and not any(
        c.dep_.startswith("nsubj") for c in root.children
    ):
        # "Le journaliste X, connu pour ses chroniques critiques envers la Transition, a été interpellé":
        # a long apposition breaks the parse; the figure that opens the sentence is the one arrested
        opening = reading.doc[root.sent.start : root.i]
        return any(m.span.start - opening.start <= 1 for m in figures.find(opening))
    return any(
        figures.find(reading.doc[min(t.i for t in c.subtree) : max(t.i for t in c.subtree) + 1])
        for c in root.children
        if c.dep_ == "nsubj:pass"
    )


def _weak(reading: Reading, h: Happening) -> bool:
    """Only ambiguous words ("libération", "évacués", "passation"), except an arrest with the
    police or the army named in its sentences, or an accord between two armed sides named with it."""
    if any(t.kb_id_ != AMBIGUOUS or own_licence(reading.lexicon, t) is not None for t in h.triggers):
        return False  # a word kept by a licence of its own ("une cache d'armes" found) is as clear
    if h.family == "Arrests" and any(_figure_arrested(reading, t) for t in h.triggers):
        return False  # "L'opposant Ousmane Sonko a été arrêté vendredi": a political figure arrested
    if h.family == "Arrests":
        # or a rebel authority that makes the arrest itself: "les forces de sécurité kurdes ont arrêté"
        # or a named armed group the arrested belong to ("cinq hommes soupçonnés d'appartenir à une
        # cellule de l'État islamique ont été interpellés"): such arrests are the state's
        arresting = {c.i for t in h.triggers for c in t.root.children if c.dep_ == "nsubj"}
        # or protesters or activists arrested ("trois militants de l'opposition ont été arrêtés"): the
        # state's arrest of a political side, whoever made it
        arrested = {c.i for t in h.triggers for c in t.root.children if c.dep_ in ("nsubj:pass", "obj")}
        return not any(
            (inter := decode_actor(a.kb_id_)[0]) == 1
            or (inter in (5, 6) and a.root.i in arrested)
            or (inter == 2 and a.root.i in arresting)
            or (
                inter in (2, 3)
                and not decode_actor(a.kb_id_)[3]
                and a.root.i not in arresting
                # not "arrêtés par des combattants du JNIM": an abduction, not an arrest
                and not any(t.dep_ == "obl:agent" for t in (a.root, *a.root.ancestors))
            )
            for s in h.sentences
            for a in reading.actors.get(s, [])
        )
    if h.family == "Agreement":
        # "un accord a été conclu entre des chasseurs dozos et la katiba Macina": an accord between two
        # armed sides named with it
        sides = {
            a.label_
            for s in h.sentences
            for a in reading.actors.get(s, [])
            if decode_actor(a.kb_id_)[0] in _ARMED_INTERS
        }
        return len(sides) < 2
    if h.family == "Non-violent transfer of territory":
        # "les rebelles du M23 se sont retirés de Kibumba": a withdrawal by a named force or group
        # (not "des entreprises se sont retirées du marché"); the other ambiguous words ("retrait",
        # "évacuation", "passation") stay too weak alone
        withdrawing = [t for t in h.triggers if fold(t.root.lemma_) == "retirer"]
        doers = {c.i for t in withdrawing for c in t.root.children if c.dep_ in ("nsubj", "nsubj:pass")}
        return not any(
            decode_actor(a.kb_id_)[0] in _ARMED_INTERS
            and not decode_actor(a.kb_id_)[3]
            # the subject itself, or the noun it names ("les rebelles du M23")
            and (a.root.i in doers or (a.root.dep_ in ("nmod", "appos") and a.root.head.i in doers))
            for s in h.sentences
            for a in reading.actors.get(s, [])
        )
    return True


def _absorbing(
    reading: Reading,
    happenings: list[Happening],
    sentence: int,
    fam: str,
    trigger: Span,
    day: tuple[date, int] | None,
    place: Place | None,
) -> Happening | None:
    """A happening already told in the same sentence takes in a trigger of another family when that
    trigger is only a word for part of it: an ambiguous word ("tirs" in a riot with tear gas), or a
    noun naming the fighting in a strategic development ("un accord met fin aux affrontements")."""
    here = [h for h in happenings if sentence in h.sentences and h.family != fam]
    if not here:
        return _riot_told_on(reading, happenings, sentence, fam, trigger, day, place)
    dispersed = any(t.label_ == "Protest with intervention" for h in here for t in h.triggers)
    if (
        fam == "Arrests"
        # (or arrests told with a crowd's dispersal: "la police a dispersé un sit-in et procédé à
        # plusieurs arrestations")
        and (dispersed or any(a.kb_id_.split("|")[0] in ("5", "6") for a in reading.actors.get(sentence, [])))
        and not _dated_phrase(reading, trigger, sentence)
    ):
        # "cinq manifestants ont été interpellés": protesters arrested at their protest are part of
        # it (ACLED); not "la police a interpellé douze personnes après le lynchage" (a case of its own)
        unrest = next((h for h in here if h.family == "unrest"), None)
        if unrest is not None:
            return unrest
    if fam == "violence" and not _non_state_armed_in(reading, sentence):
        # "tirs" in a riot, "reprendre le contrôle du quartier" after it: the police facing a crowd
        unrest = next((h for h in here if h.family == "unrest"), None)
        if unrest is not None or trigger.kb_id_ == AMBIGUOUS:
            return unrest or here[0]
    if (
        fam == "violence"
        and trigger.root.pos_ in ("NOUN", "PROPN")
        and not trigger.root.dep_.startswith("nsubj")
    ):
        # "un accord met fin aux affrontements", "a neutralisé un engin explosif improvisé (EEI)"; not
        # "les combats ont éclaté après l'arrestation de leur chef", which tells the fighting itself,
        # nor "le JNIM a revendiqué l'attaque ... et saisi des armes", which names an attack told before
        if _anaphoric(trigger) and any(
            h.family == fam and sentence not in h.sentences and _same_kind(trigger, h) for h in happenings
        ):
            return None
        return next((h for h in here if h.family in _ABSORBING), None)
    return None


def _claimed_again(reading: Reading, trigger: Span, sentence: int) -> bool:
    """An infinitive of the past ("avoir tué", "avoir abattu") hanging on a verb of telling or claiming
    in a claim of responsibility ("a revendiqué l'attaque, affirmant avoir tué huit soldats"): what a
    group says it did in what the article told."""
    root = trigger.root
    if not any(
        c.dep_.startswith("aux") and c.lemma_ == "avoir" and "Inf" in c.morph.get("VerbForm")
        for c in root.children
    ):
        return False
    head = root.head
    cues = reading.cues.get(sentence, [])
    # (in a claim of responsibility: "l'armée a annoncé avoir mené lundi des frappes" is news of its own)
    return any(cue.label_ == "responsibility" for cue in cues) and any(
        cue.label_ in ("attribution_verb", "responsibility") and cue.start <= head.i < cue.end for cue in cues
    )


def _dated_phrase(reading: Reading, trigger: Span, sentence: int) -> bool:
    """The trigger's own phrase gives a day: "pour exiger la libération de leur chef, interpellé mardi
    soir par la police" is an arrest of its own, not one at the protest."""
    if trigger.root.dep_ not in ("acl", "acl:relcl"):
        return False  # the sentence's own verb: its date is the protest's too
    tree = list(trigger.root.subtree)
    first, last = tree[0].idx, tree[-1].idx + len(tree[-1])
    return any(first <= m.start and m.end <= last for m in reading.dates_by_sentence.get(sentence, []))


def _riot_told_on(
    reading: Reading,
    happenings: list[Happening],
    sentence: int,
    fam: str,
    trigger: Span,
    day: tuple[date, int] | None,
    place: Place | None,
) -> Happening | None:
    """ "Des jeunes ont érigé des barricades et lancé des pierres. Les policiers ont répliqué par des
    tirs ... Plusieurs commerces ont été pillés": the sentences right after a riot or a protest tell
    more of it (the police's shots, the looting) unless an armed group is named in them, or they give
    another day or another town ("Mardi, une explosion a fait trois morts près de Kidal"); and the
    arrests told right after a protest ("La police les a dispersés. Vingt-huit personnes ont été
    interpellées") are part of it (ACLED: a protest with intervention)."""
    if not happenings or _non_state_armed_in(reading, sentence):
        return None
    if fam == "Arrests":
        latest = happenings[-1]
        parts = reading.incident_parts
        return (
            latest
            if latest.family == "unrest"
            and sentence - 1 in latest.sentences
            and parts[sentence] == parts[sentence - 1]
            and not _dated_phrase(reading, trigger, sentence)
            and _same_day(latest, day)
            and _near_enough(latest, place)
            else None
        )
    if fam != "violence":
        return None
    if (
        trigger.kb_id_ != AMBIGUOUS
        and trigger.label_ != "Looting/property destruction"
        and not police_in(reading, sentence)
        # ("Deux personnes ont été tuées lors de ces heurts": the fighting just told, by a demonstrative)
        and not (trigger.label_ in _GROUND_FIGHTING and _anaphoric(trigger, _DEMONSTRATIVE))
    ):
        return None  # (but "des gendarmes ont ouvert le feu" on the march is the march's)
    latest = happenings[-1]
    before = sentence - 1
    if latest.family == "unrest" and before in latest.sentences:
        if _same_day(latest, day) and _near_enough(latest, place):
            return latest
    return None


def police_in(reading: Reading, sentence: int) -> bool:
    """The police or the gendarmerie named in the sentence."""
    return any(decode_actor(a.kb_id_)[2] == "police" for a in reading.actors.get(sentence, []))


def _non_state_armed_in(reading: Reading, sentence: int) -> bool:
    """Rebels, militias or unidentified gunmen named in the sentence: their violence is a happening
    of its own even beside a protest ("enlevés jeudi par des hommes armés")."""
    return any(a.kb_id_.split("|")[0] in ("2", "3", "4") for a in reading.actors.get(sentence, []))


def _add(
    target: Happening, trigger: Span, sentence: int, day: tuple[date, int] | None, place: Place | None
) -> None:
    target.triggers.append(trigger)
    if sentence not in target.sentences:
        target.sentences.append(sentence)
    target.day = target.day or day
    target.place = target.place or place


def _same_day(h: Happening, day: tuple[date, int] | None) -> bool:
    if day is None or h.day is None:
        return True
    # Two named days are two happenings (an ambush, then the next day's counter-attack); a week
    # ("le week-end dernier") and a day in it can be the same.
    window = 0 if day[1] == h.day[1] == 1 else 7
    return abs((day[0] - h.day[0]).days) <= window


def _same_country(h: Happening, place: Place | None, countries: frozenset[str]) -> bool:
    """The happening and the sentence share a country, or one of them names none."""
    theirs = h.countries | ({h.place.iso2} if h.place is not None else set())
    mine = set(countries) | ({place.iso2} if place is not None else set())
    return not theirs or not mine or bool(theirs & mine)


def _same_region(h: Happening, place: Place | None, regions: frozenset[tuple[str, str]]) -> bool:
    """The happening and the sentence lie in one region, or neither names one as where (a town's
    region counts only beside a region so named: towns are told apart by their distance)."""
    theirs, mine = set(h.regions), set(regions)
    if not theirs and not mine:
        return True
    if h.place is not None and h.place.admin1:
        theirs.add((h.place.iso2, h.place.admin1))
    if place is not None and place.admin1:
        mine.add((place.iso2, place.admin1))
    return not theirs or not mine or bool(theirs & mine)


def _near_enough(h: Happening, place: Place | None) -> bool:
    if place is None or h.place is None or None in (place.latitude, h.place.latitude):
        return True
    return (
        haversine_km(place.latitude, place.longitude, h.place.latitude, h.place.longitude) <= _SAME_PLACE_KM
    )
