"""From a parsed article to event records: triggers + arguments -> Event.

The steps, each in its own module: keep and group the triggers
(happenings), pick the sub-event type, read factuality and attribution
(factuality), link actors (roles), place (place), date (dates) and toll
(fatalities), and keep the span behind every field as evidence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from sitrep.events import place as places_of
from sitrep.events.claimants import ClaimantKinds
from sitrep.events.dates import DateMention, DateReader
from sitrep.events.factuality import Factuality, FactualityReader, Rules
from sitrep.events.fatalities import FatalityReader, Toll
from sitrep.events.happenings import (
    HANDS_CHANGE,
    Happening,
    TriggerFilter,
    context_words,
    family,
    group_triggers,
    own_licence,
    pluperfect,
)
from sitrep.events.reading import Reading
from sitrep.events.roles import Actor, HeadWords, actor_of, assign_roles, generic_actor, is_crowd, named_doers
from sitrep.events.scope import det_negative, has_negator
from sitrep.events.when import EventDating, coded_date, planned_day
from sitrep.geo.gazetteer import Gazetteer
from sitrep.lexicons import Lexicon
from sitrep.nlp.components import ACTORS
from sitrep.nlp.components.actors import decode_actor
from sitrep.nlp.components.triggers import AMBIGUOUS
from sitrep.nlp.terms import TermMatcher
from sitrep.normalize import fold
from sitrep.records import Article, Event, Evidence, Place
from sitrep.taxonomy import NOT_OCCURRED, SUB_EVENT_TYPES, interaction_code

#: When one happening has triggers of several sub-event types, the first in this
#: order is coded: the most specific wins (ACLED: an ambush with an IED followed by
#: fire is an armed clash; an abduction in which guards die is an abduction).
PRECEDENCE: tuple[str, ...] = (
    "Suicide bomb",
    "Chemical weapon",
    "Sexual violence",
    "Abduction/forced disappearance",
    "Excessive force against protesters",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Grenade",
    "Armed clash",
    "Remote explosive/landmine/IED",
    "Violent demonstration",
    "Mob violence",
    "Protest with intervention",
    "Peaceful protest",
    "Attack",
    "Disrupted weapons use",
    "Looting/property destruction",
    "Arrests",
    "Change to group/activity",
    "Agreement",
    "Headquarters or base established",
    "Non-violent transfer of territory",
    "Other",
)
_RANK = {sub: i for i, sub in enumerate(PRECEDENCE)}
#: An article of this many sentences or more is long enough to hold background far from its news
#: (a feature, an explainer), and its opening is the headline and the first few sentences.
_LONG_ARTICLE = 10
_OPENING = 3


class EventExtractor:
    """Turns a parsed article into events; built once, used for every article."""

    def __init__(self, *, lexicon: Lexicon, gazetteer: Gazetteer, pipeline_version: str):
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.pipeline_version = pipeline_version
        self.dates = DateReader(lexicon.dates)
        self.fatalities = FatalityReader(lexicon)
        self._heads = HeadWords.of(lexicon)
        self._support = context_words(lexicon, "support_words")
        self._staffing = context_words(lexicon, "staffing_words")
        self._dating = EventDating(lexicon)
        self._armed_targets: TermMatcher[str] = TermMatcher(
            [(t.words, "state") for t in lexicon.context.get("military_targets", ())]
            + [(t.words, "police") for t in lexicon.context.get("police_targets", ())]
            # ("des cibles houthies": a target only by the armed side named in it)
            + [(t.words, _OWNED) for t in lexicon.context.get("owned_targets", ())]
        )
        self._civilian_vehicles = context_words(lexicon, "civilian_vehicles")
        self._dropped_ordnance = context_words(lexicon, "dropped_ordnance")
        self._remote_verbs = context_words(lexicon, "remote_strike_verbs")
        self._aspects = context_words(lexicon, "aspect_words")
        self._crowd_clash_words = context_words(lexicon, "crowd_clash_words")
        self._interception_words = context_words(lexicon, "interception_words")
        self._aerial_weapons = context_words(lexicon, "aerial_weapons")
        self._factuality_rules = Rules.of(lexicon)
        self._claimant_kinds = ClaimantKinds(lexicon)
        # "l'armée" in Mali is the lexicon's own "Military Forces of Mali": one name per state force.
        self._state_forces: dict[tuple[str, str], str] = {}
        for actor in lexicon.actors:
            if actor.kind in ("state", "police") and actor.country:
                self._state_forces.setdefault((actor.kind, actor.country), actor.name)
        # a territory without an army of its own: "les soldats" in the West Bank are Israel's
        for territory, state in lexicon.state_forces_in.items():
            if ("state", state) in self._state_forces:
                self._state_forces[("state", territory)] = self._state_forces[("state", state)]

    def extract(self, doc: Doc, article: Article) -> list[Event]:
        reading = Reading(
            article,
            doc,
            self.lexicon,
            self.dates.find(
                doc.text, published=article.published, published_precision=article.published_precision
            ),
        )
        keep = TriggerFilter(reading, gazetteer=self.gazetteer)
        if keep.off_topic():
            return []
        # (after the topic is read: a link's words still tell what the page is about)
        reading.set_aside(s for s in range(len(reading.sentences)) if keep.is_link(s))
        triggers = [t for spans in sorted(reading.triggers.items()) for t in spans[1] if keep.keep(t)]
        if not triggers:
            return []
        hints = places_of.country_hints(reading, self.gazetteer)
        places: dict[int, Place | None] = {}

        def own_place(sentence: int) -> Place | None:
            if sentence not in places:
                places[sentence] = places_of.sentence_place(
                    reading, sentence, gazetteer=self.gazetteer, hints=hints
                )
            return places[sentence]

        def place_before(sentence: int) -> Place | None:
            # "Drame à Githurai 44. Selon la KNCHR, la police a tiré ...": the town of the sentence
            # before, in the same paragraph
            if sentence and reading.paragraph_of[sentence - 1] == reading.paragraph_of[sentence]:
                return own_place(sentence - 1)
            return None

        def sentence_day(sentence: int) -> tuple[date, int] | None:
            current = self._dating.current_dates(reading, sentence)
            opening = reading.paragraph_openings[reading.paragraph_of[sentence]]
            first = reading.sentences[opening]
            if not current and opening != sentence and any(t.pos_ == "VERB" for t in first):
                # "Dimanche, le ton est monté d'un cran. Des jeunes ont érigé des barricades ...": a
                # day opening the paragraph's first sentence frames it (not a dateline's)
                framing = self._dating.current_dates(reading, opening)
                current = [m for m in framing if m.start - first.start_char <= _FRAMING_CHARS]
            return (current[0].value, current[0].precision) if current else None

        def trigger_day(trigger: Span) -> tuple[date, int] | None:
            own = self._dating.own_date(reading, trigger)
            if own is None:
                return sentence_day(reading.sentence_of(trigger))
            return own.value, own.precision

        def sentence_countries(sentence: int) -> frozenset[str]:
            return places_of.countries_where(reading, sentence, self.gazetteer)

        happenings = group_triggers(
            reading,
            triggers,
            sentence_day=sentence_day,
            sentence_place=own_place,
            place_before=place_before,
            trigger_day=trigger_day,
            sentence_countries=sentence_countries,
            sentence_regions=lambda sentence: places_of.regions_where(reading, sentence, self.gazetteer),
        )
        claimed = {s for h in happenings for s in h.sentences}
        lent: set[int] = set()  # toll sentences outside every happening, already given to one
        for h in happenings:
            h.toll_sentences = _toll_sentences(reading, h, claimed | lent, keep, self._gives_toll)
            lent.update(s for s in h.toll_sentences if s not in claimed)
        self._share_headline_toll(reading, happenings)
        kept_starts = frozenset(t.start for h in happenings for t in h.triggers)
        events = _parties_of_truces(
            [e for h in happenings for e in self._event(reading, h, hints, kept_starts)]
        )
        # an event told as fact on a day still to come is planned, whatever the cue reader missed
        return [
            replace(e, factuality="hypothetical", fatalities=0) if _yet_to_come(e, article) else e
            for e in events
        ]

    def _share_headline_toll(self, reading: Reading, happenings: list[Happening]) -> None:
        """ "Haïti : sept morts dans une attaque de gangs près de Cabaret, trois présumés bandits
        auraient été lynchés à Delmas": a headline, or a sentence, telling two happenings gives its toll
        to the one whose word is nearest the figure ("Après l'embuscade de jeudi, l'armée a mené dimanche
        des frappes, tuant des dizaines de jihadistes")."""
        shared = [s for h in happenings for s in h.sentences]
        for sentence in {s for s in shared if reading.is_headline(s) or shared.count(s) > 1}:
            sharing = [h for h in happenings if sentence in h.toll_sentences]
            toll = self.fatalities.in_sentence(reading.sentences[sentence])
            if len(sharing) < 2 or toll is None or toll.span is None:
                continue
            figure = toll.span.start

            def distance(h: Happening, sentence: int = sentence, figure: int = figure) -> int:
                here = [t for t in h.triggers if reading.sentence_of(t) == sentence]
                return min((abs(t.start - figure) for t in here), default=len(reading.doc))

            # the killing's, before a protest or an arrest told beside it
            owner = min(sharing, key=lambda h: (h.family != "violence", distance(h)))
            for h in sharing:
                if h is not owner:
                    h.toll_sentences = [s for s in h.toll_sentences if s != sentence]

    # -- one happening -> one Event ------------------------------------------------

    def _event(
        self, reading: Reading, h: Happening, hints: list[str], kept_starts: frozenset[int]
    ) -> list[Event]:
        """The happening's record, and one more for each other town of the list its own town is named
        in (ACLED: one record per place). `kept_starts`: where the article's kept triggers start, to see
        where another happening is told."""
        body = [t for t in h.triggers if not reading.is_headline(reading.sentence_of(t))] or h.triggers
        body = _without_negated_parts(body, self._aspects)
        reader = FactualityReader(reading, self._factuality_rules)
        # "ont pris le contrôle de Kayna ... l'armée assure que la cité sera reprise bientôt": what is
        # only promised or threatened does not decide what happened
        told = body
        if reader.trigger(body[0]).value != "hypothetical":
            told = [t for t in body if reader.trigger(t).value != "hypothetical"]
        # The clear words of the body decide the sub-event type; ambiguous or headline words only
        # when there is nothing else.
        own = [t for t in body if family(t.label_) == h.family] or body  # not the words it took in
        deciding = [t for t in own if t in told] or own
        # An ambiguous word counts as a stated action when it is a verb ("ont été enlevées"), not
        # when it is a noun that may only name a means ("l'aviation"), nor when it only says people
        # died ("ont été tués"): the toll, not the kind of violence.
        # A word kept with a licence of its own ("gaz lacrymogène" near a crowd) is as clear.
        clear = [
            t
            for t in deciding
            if t.kb_id_ != AMBIGUOUS or _stated_action(t) or own_licence(self.lexicon, t) is not None
        ] or deciding
        sub_event_type = min((t.label_ for t in clear), key=lambda s: _RANK.get(s, 99))
        shot_down = any(self._shoots_down(t) for t in own)
        if shot_down:
            # "L'armée a abattu dans la nuit 40 des 60 drones lancés par la Russie", "affirme avoir
            # abattu un drone de l'armée malienne": a weapon stopped in the air, not a killing
            sub_event_type = "Disrupted weapons use"
        if sub_event_type == "Shelling/artillery/missile attack" and (
            sum(t.label_ == "Armed clash" and t.kb_id_ != AMBIGUOUS for t in clear) >= 2
        ):
            # "ont ouvert le feu sur le camp, d'abord avec des tirs d'obus puis par un assaut au sol ...
            # les combats ont duré trois heures": shells opening a ground assault make one armed clash
            sub_event_type = "Armed clash"
        if (
            sub_event_type == "Air/drone strike"
            and any(t.label_ == "Shelling/artillery/missile attack" and t.kb_id_ != AMBIGUOUS for t in clear)
            and all(t.kb_id_ == AMBIGUOUS for t in clear if t.label_ == sub_event_type)
        ):
            # "L'artillerie israélienne a bombardé le village": a bombardment by guns, not from the air
            # (the French word covers both; only an aircraft or a drone makes it an air strike)
            sub_event_type = "Shelling/artillery/missile attack"
        if (
            sub_event_type == "Air/drone strike"
            and any(t.label_ == "Armed clash" and t.kb_id_ != AMBIGUOUS for t in clear)
            and all(_in_support(t, self._support) for t in clear if t.label_ == sub_event_type)
        ):
            # "une unité a été prise à partie ... la riposte, appuyée par le vecteur aérien, a mis en
            # déroute les assaillants": the aircraft backed a ground fight, which is the event
            sub_event_type = "Armed clash"
        if sub_event_type in _NON_VIOLENT_PROTEST and _crowd_turned_violent(reading, h):
            sub_event_type = "Violent demonstration"
        elif sub_event_type in _NON_VIOLENT_PROTEST and _police_fired(reading, h):
            # "la marche progressait pacifiquement lorsque des gendarmes ont ouvert le feu"
            sub_event_type = "Excessive force against protesters"
        elif sub_event_type == "Peaceful protest" and any(_protesters_arrested(reading, t) for t in told):
            # "Des centaines d'enseignants ont manifesté ... Les forces de sécurité ont interpellé une
            # vingtaine de manifestants": protesters arrested, an intervention (ACLED)
            sub_event_type = "Protest with intervention"
        if sub_event_type == "Excessive force against protesters" and any(
            t.label_ == "Violent demonstration" and t.kb_id_ != AMBIGUOUS for t in clear
        ):
            # "des jeunes ont érigé des barricades et jeté des pierres ... la police a tiré à balles
            # réelles": force against a crowd that was itself violent is a violent demonstration (ACLED
            # keeps "excessive force" for peaceful protesters)
            sub_event_type = "Violent demonstration"
        main = next((t for t in [*told, *body] if t.label_ == sub_event_type), body[0])
        if sub_event_type in HANDS_CHANGE and reader.attempted(main):
            # "ont tenté de s'emparer de Djibo, mais ont été repoussés": the town did not change hands;
            # the attempt was a fight (ACLED)
            sub_event_type = "Armed clash"
        elif SUB_EVENT_TYPES[sub_event_type] == "Strategic developments" and reader.failed(main):
            # "se sont séparés jeudi sans parvenir à un accord": a development that failed did not take
            # place (an attack that failed is still a fight, above)
            return []
        related = [t for t in own if t is not main]
        fact = self._factuality(reader, reading, main, body, h, kept_starts)
        claimant = self._claimant_actor(reading, fact)

        event_type = SUB_EVENT_TYPES[sub_event_type]

        def roles(sub_event_type: str, event_type: str) -> tuple[Actor | None, Actor | None]:
            return assign_roles(
                reading,
                main,
                sub_event_type,
                event_type,
                h.sentences,
                claimant=claimant,
                source=fact.teller if fact.responsibility else fact.claimant,
                heads=self._heads,
                related=related,
            )

        actor1, actor2 = roles(sub_event_type, event_type)
        if sub_event_type == "Armed clash" and self._crowd_clash(main, actor1, actor2):
            # "lors de heurts entre forces de l'ordre et partisans de l'opposant", "des heurts ont eu lieu
            # mardi à Mombasa": clashes with no armed group in them are a crowd's, a violent demonstration
            sub_event_type, event_type = "Violent demonstration", "Riots"
            state = next((a for a in (actor1, actor2) if a is not None and a.inter == 1), None)
            actor1, actor2 = generic_actor("Rioters", 5), state
        if (
            sub_event_type == "Looting/property destruction"
            and (actor1 is None or actor1.inter in (5, 6))
            # (its subject a crowd, context.yaml crowd_heads: "des jeunes", "des groupes de jeunes")
            and any(c.dep_ == "nsubj" and is_crowd(c, self._heads) for c in main.root.children)
        ):
            # "des groupes de jeunes ont pillé plusieurs magasins et incendié des véhicules": a crowd that
            # loots and burns is rioting (ACLED), not an armed side's looting
            sub_event_type, event_type = "Violent demonstration", "Riots"
            actor1, actor2 = roles(sub_event_type, event_type)
        if sub_event_type == "Attack" and _by_a_crowd(reading, main):
            # "brûlé vif par des habitants en colère": a mob did it, not an armed group
            sub_event_type, event_type = "Mob violence", "Riots"
            actor1, actor2 = roles(sub_event_type, event_type)
        mob = sub_event_type == "Mob violence"
        if mob and _named_doer(main, roles("Attack", "Violence against civilians")[0]):
            # "des Imbonerakure ont battu à mort un militant": a named armed group that beats people is
            # not a mob; ACLED codes its attack on civilians
            sub_event_type, event_type = "Attack", "Violence against civilians"
            actor1, actor2 = roles(sub_event_type, event_type)
        target = None
        if sub_event_type == "Attack" and (actor2 is None or actor2.generic and actor2.inter == 7):
            target = self._armed_target(main)  # "ont attaqué un poste militaire": the army was attacked
            actor2 = target or actor2
        elif sub_event_type == "Armed clash" and actor2 is None and (actor1 is None or actor1.inter != 1):
            actor2 = self._armed_target(main, within=True)  # "une attaque contre le camp militaire de Kati"
        retyped = _retype_by_target(sub_event_type, actor1, actor2)
        if (
            retyped == "Government regains territory"
            and actor1 is not None
            and actor1.inter in (2, 3, 4)
            and actor1.kind != "auxiliary"  # the VDP or the Wazalendo regain ground for the state
            and actor1.span is not None  # named in the text, not the default unnamed side
            and (actor2 is None or actor2.inter != 1)  # (with the army beside it, the army took it back)
        ):
            # Rebels or a militia do not regain ground for the government: "des insurgés ont tué quatre
            # civils ... des groupes chassés de leurs bases" is the killing; a town they take is theirs
            rest = [t.label_ for t in clear if t.label_ not in HANDS_CHANGE]
            taken = "Non-state actor overtakes territory"
            retyped = min(rest, key=lambda s: _RANK.get(s, 99)) if rest else taken
        # (another state's forces named with it: a foreign army taking their town, "la prise
        # d'Avdiïvka" after "le retrait des troupes ukrainiennes", overtakes it)
        states = {decode_actor(a.kb_id_)[:2] for s in h.sentences for a in reading.actors.get(s, [])}
        home = (
            actor1 is not None
            and not any(inter == 1 and country and country != actor1.country for inter, country in states)
            # (nor one in a country its sentences name as where: "à Rafah, dans la bande de Gaza")
            and (not h.countries or actor1.country is None or actor1.country in h.countries)
        )
        if (
            retyped == "Non-state actor overtakes territory"
            and actor1 is not None
            and actor1.inter == 1
            and actor1.span is not None
            and home
        ):
            # "L'armée malienne a pris le contrôle de Kidal": the state taking a town is the government
            # regaining it, however the verb puts it (ACLED names the sub-type by who takes it)
            retyped = "Government regains territory"
        if (
            retyped == "Armed clash"
            and actor1 is not None
            and actor2 is None
            and any(t.label_ == "Looting/property destruction" for t in own)
        ):
            # "Boko Haram ... une incursion ... ont pillé des boutiques et incendié des cases", nobody
            # facing them: no clash without a second side; the raid is its looting (its killings, when
            # any, below). (Two unnamed sides, "affrontements entre éleveurs et agriculteurs", stay a clash.)
            retyped = "Looting/property destruction"
        if retyped != sub_event_type:
            sub_event_type, event_type = retyped, SUB_EVENT_TYPES[retyped]
            # the new type's own word now decides the roles and the place: "ont tué quatre civils" in
            # the district named there, not "chassés de leurs bases du Cabo Delgado" told as background
            # (the factuality read from the first word stays: it is the same account)
            main = next((t for t in [*told, *body] if t.label_ == sub_event_type), main)
            related = [t for t in own if t is not main]
            actor1, actor2 = roles(sub_event_type, event_type)
            actor2 = actor2 or target
            if sub_event_type == "Armed clash" and actor1 is None and target is not None:
                # "des gangs ont attaqué le commissariat": whoever attacked the post, unnamed
                actor1 = generic_actor("Unidentified Armed Group", 3)

        national = self._national_forces(h)
        if (
            national is not None
            and national.span is not None
            and national.span.sent != main.sent
            and actor1 is not None
            and actor1.inter == 1
            and actor1.span is not None
            and actor1.span.sent == main.sent
        ):
            # "une frappe de drone de l'armée malienne ... L'armée malienne utilise des drones turcs":
            # the force the event's own sentence names struck; a weapon's maker told elsewhere did not
            national = None
        if national is not None and (actor1 is None or actor1.name != national.name):
            # "des frappes russes contre HTS": Russia struck, HTS was hit.
            struck = actor2 is None or actor2.name == national.name
            # (a side the text names; not the unnamed side put in by default when no doer was found:
            # "des drones russes ont frappé une centrale électrique" hit no armed group)
            if struck and actor1 is not None and actor1.inter != 7 and actor1.span is not None:
                actor2 = actor1  # "Israël a frappé des positions du Hezbollah": the Hezbollah was hit
            actor1 = national
            if actor2 is not None and actor2.name == national.name:
                actor2 = None  # the state that struck is not also its target
        if (
            sub_event_type == "Remote explosive/landmine/IED"
            and actor1 is not None
            and actor1.inter == 1
            and len(main) == 1  # the plain word: not "bombe artisanale", "bombe posée"
            and fold(main.root.lemma_) in self._dropped_ordnance
        ):
            # "Deux bombes russes ont frappé un magasin à Kharkiv": a state's bombs are dropped from the
            # air (ACLED codes an air strike); a bomb planted is an insurgent's
            sub_event_type = "Air/drone strike"
        if (
            sub_event_type == "Armed clash"
            and actor1 is not None
            and actor1.inter in (1, 8)
            and fold(main.root.lemma_) in self._remote_verbs
            and all(t.kb_id_ == AMBIGUOUS for t in own)
        ):
            # "Israël a frappé des positions du Hezbollah", "l'aviation a pilonné des positions rebelles":
            # a state force hitting an armed side's positions from afar, with no word of fighting, is a
            # strike, not a clash (ACLED codes the air or drone strike)
            sub_event_type, event_type = "Air/drone strike", "Explosions/Remote violence"
        if (
            sub_event_type == "Disrupted weapons use"
            and actor1 is not None
            and actor1.inter in (2, 3, 4)
            and not any(fold(w.lemma_) in self._interception_words for t in own for w in t)
        ):
            # "les assaillants ont saisi des armes": spoils of their attack, not a seizure by the state
            # (but "les Houthis ont abattu un drone américain" stopped a strike: context.yaml
            # interception_words). The attack the seizure took in is the event: "ont saisi des armes
            # lors de l'attaque du poste de Tessit".
            attack = [t for t in h.triggers if family(t.label_) == "violence"]
            if not attack:
                return []
            return self._event(reading, replace(h, family="violence", triggers=attack), hints, kept_starts)
        if (
            sub_event_type == "Change to group/activity"
            and actor1 is not None
            and actor1.inter == 1
            and any(fold(t.lemma_) in self._staffing for t in main)
        ):
            # "l'armée a lancé une campagne de recrutement": a state staffing its forces is its own
            # business (a mutiny or a defection is still coded)
            return []
        if (
            event_type == "Battles"
            and actor1 is None
            and actor2 is None
            and not reading.places.get(reading.sentence_of(main))
            # (not "les belligérants se sont affrontés dimanche, faisant dix morts": told, with its
            # day and its dead)
            and not (
                any(t.root.pos_ == "VERB" for t in own)
                and self._dating.current_dates(reading, reading.sentence_of(main))
                and self._gives_toll(reading.sentences[reading.sentence_of(main)])
            )
        ):
            # "les combats ont détruit des hôpitaux", "on ne parle pas de combats", "les gentils qui
            # combattent les nazis": a word for fighting with nobody named fighting, and no place, is
            # talk about a war, not one of its events (ACLED codes no event without an actor).
            return []
        place = places_of.event_place(reading, main, h.sentences, gazetteer=self.gazetteer, hints=hints)
        if (
            event_type == "Explosions/Remote violence"
            and actor1 is not None
            and actor1.inter == 1
            and actor1.country is not None
            and actor2 is None
            and place is not None
            and place.resolution.place.iso2 != actor1.country
        ):
            # "une frappe de missile russe a touché un site industriel de Kharkiv": a foreign state's
            # strike that hit no armed side the text names fell on the civilians of the place (but
            # "a détruit un important dépôt d'armes" hit the army there)
            actor2 = self._armed_target(main) or generic_actor("Civilians", 7)
        # the day it was told dates it only in the opening of a long article (deeper, an explainer's
        # "a déclaré lundi le ministre" tells background, which the rule below leaves out)
        deep = len(reading.sentences) >= _LONG_ARTICLE and min(h.sentences) > _OPENING
        when = self._dating.of_event(reading, main, h, told_day=fact.value != "hypothetical" and not deep)
        if when is not None and when.past:
            return []  # background: a happening the text places well before publication
        if (
            when is None
            and len(reading.sentences) >= _LONG_ARTICLE
            and min(h.sentences) > _OPENING
            and reading.paragraph_of[reading.sentence_of(main)] not in reading.live_posts
        ):
            # Deep in a long article, violence told with no day of its own nor any near it is the
            # explainer's or the feature's background ("un couvre-feu peut être déclaré", "les
            # insurgés ont pris le contrôle de la plupart des districts"): the news is in the opening.
            return []
        if fact.value == "hypothetical":
            when = planned_day(when, reading)
        toll_from = h.toll_sentences
        if h.family not in ("violence", "unrest"):
            # "trois enfants tués par des obus à Taëz, vague d'arrestations à Sanaa": a headline's
            # toll is the killing's, not the arrests'
            toll_from = [s for s in toll_from if not reading.is_headline(s)] or toll_from
        toll = self.fatalities.for_event([reading.sentences[s] for s in toll_from])
        if sub_event_type == "Suicide bomb":
            told = [reading.sentences[s] for s in toll_from]
            toll = replace(toll, count=toll.count + self.fatalities.bombers(told, toll))
        if toll.vague and h.family not in ("violence", "unrest"):
            # "deux millions de victimes" of the fraud an arrest ends: with no death word, an arrest's
            # or a treaty's "victimes" are the wronged, not the dead
            toll = replace(toll, count=0)
        if sub_event_type in _NON_VIOLENT_PROTEST and toll.count > 0:
            if _dead_of_the_protest(reading, h, toll):
                # "Un manifestant a été tué par balle lors de la dispersion de la marche": force that
                # killed protesters
                sub_event_type = _FORCE_ON_PROTESTERS
                actor1, actor2 = roles(sub_event_type, event_type)
            else:
                # "ont manifesté au lendemain de la découverte des corps de six otages": why they
                # marched, not dead of the march
                toll = replace(toll, count=0)
        if fact.value in NOT_OCCURRED or sub_event_type in _BLOODLESS or shot_down:
            # what did not happen, or has not yet, killed nobody (FACTUALITY.md: always 0); nor does an
            # arrest, a treaty or a handover: the dead told beside one ("les violences de Mandakao, qui
            # avaient fait 42 morts") are another happening's
            toll = replace(toll, count=0)
        if toll.count >= _TALLY_DEAD:
            # "Plus de 8 000 personnes auraient été tuées au Burkina Faso dans des attaques jihadistes":
            # thousands of dead with no day of their own are a period's tally, not one happening; lent
            # by another sentence ("Les représailles ont fait plus de 39 000 morts"), not its toll
            # (but "Plus de 1 100 personnes ont été tuées lundi dans le massacre" is one)
            if not any(self._dating.current_dates(reading, s) for s in h.sentences):
                return []
            if self.fatalities.for_event([main.sent]).count < _TALLY_DEAD:
                toll = replace(toll, count=0)
        if (
            actor1 is None
            and actor2 is None
            and when is None
            and toll.count == 0
            and event_type in _POLITICAL_VIOLENCE
        ):
            # Nobody acting or hit, no day of its own and nobody killed: talk about violence ("les
            # combats ont détruit des écoles"), not a report of one. (A blast has its unnamed
            # perpetrator and a protest its protesters by default; an arrest or a coup is often told
            # without either: "un trafiquant a été arrêté à la frontière".)
            return []
        if actor1 is None and actor2 is None and toll.count == 0 and not self._told_in_place(reading, h):
            # Nobody acting or hit, nobody killed, and neither a day nor a place in the sentences that
            # tell it: the day and the place would be borrowed from another story of the article ("Les
            # Nations unies ont lancé mercredi un appel ... « Les combats ont détruit des hôpitaux »",
            # "une trêve"). ACLED codes an event only with its own who, where or when.
            return []
        hurt = self._raid_hurt(reading, h)
        if sub_event_type == "Looting/property destruction" and (toll.count > 0 or hurt):
            # People were killed, or a raid hurt them ("ont attaqué le village, incendiant des voitures et
            # blessant sept Palestiniens"): ACLED codes the attack, not the looting that came with it.
            sub_event_type, event_type = "Attack", "Violence against civilians"
            actor1, actor2 = roles(sub_event_type, event_type)
        if (
            actor1 is not None
            and actor2 is not None
            and actor1.name == actor2.name
            and event_type in _POLITICAL_VIOLENCE
            and actor1.inter in (1, 2, 3, 4, 8)
        ):
            # "Deux attaques ont visé des positions de l'armée": the side hit is not also the one that
            # struck (a side fighting itself is told as a mutiny or a split, not parsed this way)
            actor1 = generic_actor("Unidentified Armed Group", 3)
        record = self._record(
            reading, h, main, sub_event_type, event_type, fact, actor1, actor2, place, when, toll, hints
        )
        if (
            place is None
            or place.span is None
            or not self._tells_news(reading, reading.sentence_of(place.span))
        ):
            # (a list in a background sentence, "l'armée multiplie les raids à Jénine et à Naplouse",
            # is not split: one wrong record is better than two)
            return [record]
        listed = places_of.listed_with(reading, place, gazetteer=self.gazetteer, hints=hints)
        # the toll told for the list stays with the first record: the article does not say how the
        # dead were shared between the towns, and a figure counted twice would inflate the dataset
        none_dead = replace(toll, count=0, span=None)
        records = [record]
        for other in listed:  # each named in the text, so each has its words
            copy = self._record(
                reading,
                h,
                main,
                sub_event_type,
                event_type,
                fact,
                actor1,
                actor2,
                other,
                when,
                none_dead,
                hints,
            )
            assert other.span is not None
            own_id = hashlib.sha1(f"{record.event_id}|{other.span.start_char}".encode()).hexdigest()[:16]
            records.append(replace(copy, event_id=own_id))
        return records

    def _tells_news(self, reading: Reading, sentence: int) -> bool:
        """The sentence gives a day of its own, or opens the article (its lede)."""
        return sentence in reading.opening(_OPENING) or bool(self._dating.current_dates(reading, sentence))

    def _raid_hurt(self, reading: Reading, h: Happening) -> bool:
        """The happening tells an attack (a word of violence) and people wounded in it."""
        return any(family(t.label_) == "violence" for t in h.triggers) and any(
            self.fatalities.wounded.find(reading.sentences[s]) for s in h.sentences
        )

    def _told_in_place(self, reading: Reading, h: Happening) -> bool:
        """Some sentence telling the happening names a place or a current day of its own."""
        return any(reading.places.get(s) or self._dating.current_dates(reading, s) for s in h.sentences)

    def _gives_toll(self, sentence: Span) -> bool:
        return self.fatalities.for_event([sentence]).count > 0

    def _national_forces(self, h: Happening) -> Actor | None:
        """The state whose forces a strike or a raid is attributed to by an adjective: "frappes
        russes", "un drone turc", "raid israélien" (ACLED: Military Forces of that country)."""
        for trigger in h.triggers:
            # (by a country too: "La Russie a bombardé", "Israël a tué deux Palestiniens")
            if SUB_EVENT_TYPES[trigger.label_] not in _POLITICAL_VIOLENCE:
                continue
            doc = trigger.doc
            # after the word, or inside it when the lexicon holds the phrase ("frappe israélienne")
            for tok in doc[trigger.start + 1 : min(len(doc), trigger.end + 2)]:
                iso2 = self.gazetteer.country_of_demonym(tok.lower_) if tok.pos_ == "ADJ" else None
                name = self._state_forces.get(("state", iso2)) if iso2 else None
                if name is not None:
                    return Actor(name, 1, iso2, "state", False, doc[tok.i : tok.i + 1])
            # "La Russie a bombardé Kharkiv", "des frappes menées par Israël": a country that acts
            for who in named_doers(trigger, self._heads.blame):
                iso2 = self.gazetteer.state_named(who.text) if who.text[:1].isupper() else None
                name = self._state_forces.get(("state", iso2)) if iso2 else None
                if name is not None:
                    return Actor(name, 1, iso2, "state", False, who)
        return None

    def _shoots_down(self, trigger: Span) -> bool:
        """A verb of interception ("abattre") whose object is an aircraft or a missile (context.yaml
        aerial_weapons), however far the parse puts it: "a abattu dans la nuit 40 des 60 drones"."""
        root = trigger.root
        if root.pos_ != "VERB" or fold(root.lemma_) not in self._interception_words:
            return False
        objects = [c for c in root.children if c.dep_ in ("obj", "obl:mod", "conj")]
        if any(fold(t.lemma_) in self._aerial_weapons for o in objects for t in o.subtree):
            return True
        if any(c.dep_ == "obj" for c in root.children):
            return False
        # no object in the parse ("affirme avoir abattu, dans la nuit du 31 mars, un drone", the drone
        # hung elsewhere): the first noun phrase after the verb
        after = root.doc[root.i + 1 : min(root.sent.end, root.i + 1 + _OBJECT_SEARCH)]
        return any(fold(t.lemma_) in self._aerial_weapons for t in after)

    def _crowd_clash(self, main: Span, actor1: Actor | None, actor2: Actor | None) -> bool:
        """A word of clashes that crowds have (context.yaml crowd_clash_words: "heurts"), with no
        armed group nor foreign force among its sides."""
        return fold(main.root.lemma_) in self._crowd_clash_words and not any(
            a is not None and a.inter in (2, 3, 4, 8) for a in (actor1, actor2)
        )

    def _armed_target(self, main: Span, *, within: bool = False) -> Actor | None:
        """The state forces an attack was aimed at, when its sentence (`within`: the trigger's own
        phrase) names a military or police target."""
        tree = list(main.root.subtree)
        scope = main.doc[min(main.start, tree[0].i) : max(main.end, tree[-1].i + 1)] if within else main.sent
        for match in self._armed_targets.find(scope):
            phrase = {t.i for t in match.span.root.subtree}
            owners = [
                a
                for a in main.doc.spans[ACTORS]
                if a.root.i in phrase and a.root.i >= match.span.end and not _by(a.root)
            ]  # (not "du camp de Boulkessi par le JNIM", which the parser may hang on the camp)
            if any(fold(t.lemma_) in self._civilian_vehicles for t in match.span.root.subtree) or any(
                decode_actor(a.kb_id_)[0] == 7 for a in owners
            ):
                continue  # "un convoi de camions", "un convoi de commerçants": civilians on the road
            named = [a for a in owners if decode_actor(a.kb_id_)[0] in (1, 2, 3, 4, 8)]
            if named:
                return actor_of(named[0])  # "des positions du Hezbollah": the Hezbollah was hit
            if match.payload == _OWNED:
                continue  # "des cibles civiles"
            base = "Military Forces" if match.payload == "state" else "Police Forces"
            return Actor(f"{base} of {{country}}", 1, None, match.payload, True, match.span)
        return None

    def _factuality(
        self,
        reader: FactualityReader,
        reading: Reading,
        main: Span,
        body: list[Span],
        h: Happening,
        kept_starts: frozenset[int],
    ) -> Factuality:
        in_headline = any(reading.is_headline(reading.sentence_of(t)) for t in h.triggers)
        others = kept_starts - {t.start for t in h.triggers}
        tolls = [
            reading.sentences[s]
            for s in h.toll_sentences
            if s not in h.sentences and self._gives_toll(reading.sentences[s])
        ]
        return reader.event(main, body, in_headline=in_headline, others=others, tolls=tolls)

    def _claimant_actor(self, reading: Reading, fact: Factuality) -> Actor | None:
        claimant = fact.claimant if fact.responsibility else None
        if claimant is None:
            return None
        for spans in reading.actors.values():
            for span in spans:
                if span.start < claimant.end and claimant.start < span.end:
                    return actor_of(span)
        return None

    def _record(
        self,
        reading: Reading,
        h: Happening,
        main: Span,
        sub_event_type: str,
        event_type: str,
        fact: Factuality,
        actor1: Actor | None,
        actor2: Actor | None,
        place: places_of.EventPlace | None,
        when: DateMention | None,
        toll,
        hints: list[str],
    ) -> Event:
        article = reading.article
        resolved = place.resolution.place if place else None
        country_name = resolved.country if resolved else None
        evidence: list[Evidence] = []
        iso2 = resolved.iso2 if resolved else (hints[0] if hints else None)
        actor1, actor2 = self._in_country(actor1, iso2), self._in_country(actor2, iso2)
        name1 = self._actor_name(actor1, iso2, country_name)
        name2 = self._actor_name(actor2, iso2, country_name)
        if name2 == name1 and actor2 is not None and actor2.generic:
            # "l'armée israélienne ... les soldats" in Jenin: one army, named twice, is one side
            actor2, name2 = None, None

        def cite(field: str, span: Span | None) -> None:
            if span is not None and len(span):
                evidence.append(
                    Evidence(
                        field=field,
                        article_id=article.id,
                        start=span.start_char,
                        end=span.end_char,
                        text=span.text,
                    )
                )

        for trigger in h.triggers:
            cite("trigger", trigger)
        if actor1:
            cite("actor1", actor1.span)
        if actor2:
            cite("actor2", actor2.span)
        if place:
            cite("location", place.span)
        if toll.span is not None:
            cite("fatalities", toll.span)
        cite("factuality", fact.cue)
        cite("claimed_by", fact.claimant)

        event_date, precision = coded_date(article, when)
        if when is not None:
            evidence.append(
                Evidence(
                    field="event_date", article_id=article.id, start=when.start, end=when.end, text=when.text
                )
            )
        evidence.sort(key=lambda e: (e.start, e.field))
        inter1 = actor1.inter if actor1 else 0
        inter2 = actor2.inter if actor2 else 0
        event_id = hashlib.sha1(
            f"{article.id}|{self.pipeline_version}|{main.start_char}|{sub_event_type}".encode()
        ).hexdigest()[:16]
        return Event(
            event_id=event_id,
            article_id=article.id,
            event_date=event_date,
            time_precision=precision,
            event_type=event_type,
            sub_event_type=sub_event_type,
            actor1=name1,
            actor2=name2,
            inter1=inter1,
            inter2=inter2,
            interaction=interaction_code(inter1, inter2),
            country=country_name,
            iso2=iso2,
            admin1=resolved.admin1 if resolved else None,
            admin2=resolved.admin2 if resolved else None,
            location=resolved.name if resolved else None,
            latitude=resolved.latitude if resolved else None,
            longitude=resolved.longitude if resolved else None,
            geo_precision=place.resolution.geo_precision if place else 3,
            geonameid=resolved.geonameid if resolved else None,
            fatalities=toll.count,
            factuality=fact.value,
            claimed_by=fact.claimed_by,
            source=article.source,
            source_url=article.url,
            published=article.published.isoformat() if article.published else None,
            notes=_notes(sub_event_type, name1, name2, resolved, toll.count, fact),
            evidence=tuple(evidence),
            language=article.language or reading.lexicon.language,
            confidence=_confidence(main, actor1, place, when),
            pipeline_version=self.pipeline_version,
            extra={"claimant_type": self._claimant_type(reading, fact)} if fact.claimed_by else {},
        )

    def _claimant_type(self, reading: Reading, fact: Factuality) -> str:
        """party, government, international, media, local or anonymous: who the claim comes from."""
        return self._claimant_kinds.kind(reading, fact.claimant, responsibility=fact.responsibility)

    def _in_country(self, actor: Actor | None, iso2: str | None) -> Actor | None:
        """The actor an acronym names in the event's country ("ADF" in Cameroon: the Ambazonia
        Defence Forces; actors.yaml `by_country`)."""
        if actor is None or actor.span is None:
            return actor
        entry = self.lexicon.actor_in_country(actor.span.text, iso2, actor.name)
        if entry is None:
            return actor
        return Actor(entry.name, entry.inter, entry.country, entry.kind, entry.generic, actor.span)

    def _actor_name(self, actor: Actor | None, iso2: str | None, country_name: str | None) -> str | None:
        if actor is None:
            return None
        if actor.kind == "government" and actor.span is not None:
            # "le gouvernement éthiopien", "le président du Mali": its own country, wherever it signs
            country_name = self._country_said(actor.span.root) or country_name
        if actor.generic and iso2 and (actor.kind, iso2) in self._state_forces:
            return self._state_forces[(actor.kind, iso2)]
        return actor.named(country_name)

    def _country_said(self, word) -> str | None:
        """The country a word's adjective or complement names ("gouvernement éthiopien", "président
        du Mali"), or None."""
        for child in word.children:
            if child.pos_ == "ADJ":
                iso2 = self.gazetteer.country_of_demonym(child.lower_)
            elif child.dep_ == "nmod" and child.pos_ == "PROPN":
                found = self.gazetteer.country_by_name(child.text)
                iso2 = found.iso2 if found else None
            else:
                continue
            country = self.gazetteer.country(iso2) if iso2 else None
            if country is not None:
                return country.country
        return None


#: How many words after an interception verb its object is looked for when the parse lost it.
_OBJECT_SEARCH = 15

#: Strategic developments that kill nobody by their nature (ACLED codes a death with them as the
#: violence it came from).
_BLOODLESS = frozenset(
    {
        "Arrests",
        "Agreement",
        "Change to group/activity",
        "Headquarters or base established",
        "Non-violent transfer of territory",
    }
)

_POLITICAL_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _parties_of_truces(events: list[Event]) -> list[Event]:
    """ "Mercredi, les commandants locaux des deux camps ont signé un accord de cessation des
    hostilités": an agreement that names no party is between the two sides of the fight told before it,
    in the same country, in the week before."""
    out: list[Event] = []
    for event in events:
        if event.sub_event_type == "Agreement" and event.actor1 is None and event.actor2 is None:
            fight = next(
                (
                    e
                    for e in reversed(out)
                    if e.event_type == "Battles"
                    and e.actor1
                    and e.actor2
                    and e.iso2 == event.iso2
                    and _days_apart(e, event) <= _TRUCE_AFTER_DAYS
                ),
                None,
            )
            if fight is not None:
                event = replace(
                    event,
                    actor1=fight.actor1,
                    actor2=fight.actor2,
                    inter1=fight.inter1,
                    inter2=fight.inter2,
                    interaction=fight.interaction,
                )
        out.append(event)
    return out


#: How many days after a fight an unnamed truce may still be its parties'.
_TRUCE_AFTER_DAYS = 7


def _days_apart(a: Event, b: Event) -> int:
    if not a.event_date or not b.event_date:
        return 0
    return abs((date.fromisoformat(b.event_date) - date.fromisoformat(a.event_date)).days)


def _yet_to_come(event: Event, article: Article) -> bool:
    """A day after the publication ("des hélicoptères qui doivent être livrés en 2025", "appelle à un
    rassemblement le 18 août") not already read as hypothetical: nothing has happened yet. (A day of
    slack for copy dated before midnight of a night's events.)"""
    if article.published is None or event.factuality == "hypothetical" or not event.event_date:
        return False
    # the first day the event may be on, against the last day the article may be from (a source
    # dated by its month only, "date 2017-07", may tell the 27th)
    start = _period(date.fromisoformat(event.event_date), event.time_precision)[0]
    return (start - _period(article.published, article.published_precision)[1]).days > 1


def _period(day: date, precision: int) -> tuple[date, date]:
    """The first and last days of a day, its week (time_precision 2) or its month (3)."""
    if precision >= 3:
        following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return day.replace(day=1), following - timedelta(days=1)
    if precision == 2:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    return day, day


def _dead_of_the_protest(reading: Reading, h: Happening, toll: Toll) -> bool:
    """The toll counts protesters ("Un manifestant a été tué par balle") or people killed in the
    protest ("une personne a été tuée lors de la manifestation"), not the dead it was held for ("au
    lendemain de la découverte des corps de six otages")."""
    if toll.span is None:
        return False
    counted = {t.i for t in toll.span.root.subtree} | {t.i for t in toll.span}
    protesters = any(
        a.root.i in counted and decode_actor(a.kb_id_)[0] == 6
        for a in reading.actors.get(reading.sentence_of(toll.span), [])
    )
    return protesters or any(t.root.i in counted for t in h.triggers if family(t.label_) == "unrest")


def _by_a_crowd(reading: Reading, main: Span) -> bool:
    """The word's "par" names rioters ("par des habitants en colère", "par une foule")."""
    root = main.root
    # (on the verb, or on the day the parser hung it on: "brûlé vif dimanche par des habitants")
    agents = {
        t.i
        for c in main.sent
        if c.dep_ in ("obl:agent", "obl", "obl:mod") and _by(c) and root in (c.head, c.head.head)
        for t in c.subtree
    }
    return any(
        a.root.i in agents and decode_actor(a.kb_id_)[0] == 5
        for a in reading.actors.get(reading.sentence_of(main), [])
    )


def _by(token: Token) -> bool:
    """The word is introduced by "par": the doer, not an owner ("par le JNIM")."""
    return any(c.dep_ == "case" and c.lower_ == "par" for c in token.children)


def _stated_action(trigger: Span) -> bool:
    """A verb that says what was done (not "ont été tués", only a toll), or an aircraft that did it: "un
    drone des FAMa avait frappé lundi un groupe de terroristes" is a drone strike, however many words
    part the drone from its verb."""
    root = trigger.root
    if root.pos_ == "NOUN" and trigger.label_ == "Air/drone strike":
        return root.dep_ == "nsubj" and root.head.pos_ == "VERB"
    return root.pos_ == "VERB" and trigger.label_ != "Attack"


#: How many sentences after a happening may still give its toll without naming it again.
_TOLL_FOLLOW_UP = 2


def _tells_a_dropped_happening(reading: Reading, keep: TriggerFilter, sentence: int) -> bool:
    """The sentence names a happening in clear words that the filter set aside (history, background):
    its toll is that happening's, not the news's."""
    return any(t.kb_id_ != AMBIGUOUS and not keep.keep(t) for t in reading.triggers.get(sentence, []))


def _toll_sentences(
    reading: Reading,
    h: Happening,
    claimed: set[int],
    keep: TriggerFilter,
    gives_toll: Callable[[Span], bool],
) -> list[int]:
    """The happening's sentences, and those just after it in its paragraph that no happening claims:
    "Un kamikaze a fait exploser une voiture piégée ... Le bilan officiel fait état de quatre morts".
    When its paragraph ends there, a toll opening the next one is still its ("Les secours ont fait
    état mercredi d'un bilan de 12 tués."), and so is a toll just before its first sentence."""
    body = [s for s in h.sentences if not reading.is_headline(s)]
    if not body:
        return list(h.sentences)
    first, last = min(body), max(body)
    # Unclaimed sentences between the happening's own, then a few after it in its paragraph.
    # (near one of them: a happening told at both ends of a long feature does not take in the tolls of
    # everything said between, "des dizaines de milliers d'entre eux sont morts" in a history paragraph)
    own = sorted(h.sentences)
    between = [
        s
        for s in range(first + 1, last)
        if s not in claimed
        and not keep.is_history(s)
        and not keep.is_link(s)
        and not keep.running_total(s)
        and not keep.tells_a_pattern(s)
        and not _tells_a_dropped_happening(reading, keep, s)
        and min(abs(s - o) for o in own) <= _TOLL_FOLLOW_UP
    ]
    follow = []
    # the next paragraph, past links to other stories ("Lire aussi : ..." on a line of its own)
    toll_paragraph = reading.paragraph_of[last] + 1
    while any(
        reading.paragraph_of[s] == toll_paragraph and keep.is_link(s)
        for s in range(last + 1, len(reading.sentences))
    ):
        toll_paragraph += 1
    # "Vendredi, des jihadistes avaient attaqué le camp. Quatre soldats avaient été tués.": a story
    # told in the plus-que-parfait goes on in it
    in_sequence = any(pluperfect(t) for t in h.triggers)
    links = 0
    for s in range(last + 1, len(reading.sentences)):
        if s - last - links > _TOLL_FOLLOW_UP:
            break
        if keep.is_link(s):
            links += 1  # a link to another story interrupts the telling, it does not end it
            continue
        if s in claimed:
            break
        if keep.is_history(s) and (not in_sequence or keep.dated_history(s)) or keep.running_total(s):
            break
        if keep.tells_a_pattern(s):
            break  # "Le pays a été visé plusieurs fois par des attaques qui ont fait des dizaines de morts"
        if _tells_a_dropped_happening(reading, keep, s):
            break  # "En juin, sa condamnation avait déclenché des émeutes qui avaient fait seize morts"
        if reading.paragraph_of[s] != reading.paragraph_of[last]:
            # the next paragraph's tolls, while they last ("Un premier bilan faisait état de cinq
            # morts. Il a été porté mardi à onze."); not a live blog's next post, another story
            if reading.paragraph_of[last] in reading.live_posts:
                break
            if reading.paragraph_of[s] != toll_paragraph or not gives_toll(reading.sentences[s]):
                break
        follow.append(s)
    # "Douze soldats tués, selon le ministère. C'est le bilan de l'embuscade ...": a toll just before.
    ahead = first - 1
    while ahead > 0 and all(t.is_punct or t.is_space for t in reading.sentences[ahead]):
        ahead -= 1  # a stray "." the parser cut off
    paragraph = reading.paragraph_of[first]
    if (
        ahead >= 0
        and not any(s in claimed for s in range(ahead + 1) if reading.paragraph_of[s] == paragraph)
        and not reading.is_headline(ahead)
        and reading.paragraph_of[ahead] == paragraph
        and not keep.is_history(ahead)
        and not keep.is_link(ahead)
        and not keep.running_total(ahead)
        and gives_toll(reading.sentences[ahead])
    ):
        follow.append(ahead)
    return sorted({*h.sentences, *between, *follow})


def _in_support(trigger: Span, support: frozenset[str]) -> bool:
    """The trigger names what backed someone else's action: its head, or the head's head, is one of
    context.yaml `support_words` ("appuyés par le vecteur aérien", "avec l'appui des hélicoptères")."""
    head = trigger.root.head
    for _ in range(2):
        if fold(head.lemma_) in support or fold(head.text) in support:
            return True
        if head.head is head:
            break
        head = head.head
    return False


def _negated(trigger: Span) -> bool:
    """ "aucun échange de tirs", "il n'y a pas eu d'accrochage", "sans combat", "n'a pas explosé"."""
    root = trigger.root
    if (
        det_negative(root)
        or has_negator(root)
        or any(c.dep_ == "case" and c.lower_ == "sans" for c in root.children)
    ):
        return True
    # "il n'y a pas eu d'accrochage": the object of a negated verb (not its subject: "les combats n'ont
    # pas cessé" tells fighting)
    return root.pos_ == "NOUN" and root.dep_ == "obj" and has_negator(root.head)


def _without_negated_parts(body: list[Span], aspects: frozenset[str]) -> list[Span]:
    """A happening's words without those that only say what did not happen in it: "Le texte ne
    mentionne aucun échange de tirs" after a suicide bombing neither denies the bombing nor makes it
    a clash; "Aucune demande de rançon n'a été formulée" after a kidnapping does not deny it (a word
    for an aspect of the happening, context.yaml aspect_words). A negated word of the kind the rest
    tells ("la base n'a pas été attaquée") stays: it denies the event."""
    negated = [t for t in body if _negated(t)]
    kinds = {t.label_ for t in body if t not in negated}
    if not negated or not kinds:
        return body
    return [
        t
        for t in body
        if t not in negated or (t.label_ in kinds and not any(fold(w.lemma_) in aspects for w in t))
    ]


#: A date this close to a paragraph's start frames the paragraph ("Dimanche, ...", "Le 12 mars au soir, ...").
_FRAMING_CHARS = 20

_NON_VIOLENT_PROTEST = frozenset({"Peaceful protest", "Protest with intervention"})


def _protesters_arrested(reading: Reading, trigger: Span) -> bool:
    """An arrest whose object or passive subject is the crowd ("ont interpellé une vingtaine de
    manifestants"), not protesters who stop traffic ("ont arrêté la circulation")."""
    if trigger.label_ != "Arrests":
        return False
    root = trigger.root
    if root.pos_ != "VERB":
        return trigger.kb_id_ != AMBIGUOUS  # "plusieurs arrestations"
    crowd = {
        t.i
        for span in reading.actors.get(reading.sentence_of(trigger), [])
        if decode_actor(span.kb_id_)[0] in (5, 6)
        for t in span
    }
    return any(
        c.dep_ in ("obj", "nsubj:pass") and any(t.i in crowd for t in c.subtree) for c in root.children
    )


def _crowd_turned_violent(reading: Reading, h: Happening) -> bool:
    """A protest in which the crowd itself did violence ("des manifestants ont pris d'assaut un
    entrepôt", "les protestataires ont incendié la mairie"): ACLED codes a violent demonstration,
    whatever the police did in return."""
    if h.family != "unrest":
        return False
    crowd_told = min((reading.sentence_of(t) for t in h.triggers if family(t.label_) == "unrest"), default=-1)
    for trigger in h.triggers:
        if family(trigger.label_) != "violence":
            continue
        if trigger.kb_id_ == AMBIGUOUS and trigger.label_ != "Looting/property destruction":
            # (a crowd that burns or ransacks, "ont incendié le siège du parti", is violent whatever
            # else "incendier" may mean; "ont attaqué la politique du gouvernement" is not)
            continue
        verb = trigger.root
        if verb.pos_ != "VERB":
            continue
        if (
            trigger.label_ == "Looting/property destruction"
            and trigger.kb_id_ != AMBIGUOUS
            and any(c.dep_ == "aux:pass" for c in verb.children)
            and not any(c.dep_ == "obl:agent" for c in verb.children)
            # told as part of the protest: in its sentence or the next, not in a clause on a noun
            # ("des commerçants dont les magasins ont été pillés la semaine dernière ont manifesté"),
            # and with no day of its own
            and verb.dep_ not in ("acl:relcl", "acl")
            and not any(a.dep_ == "acl:relcl" for a in verb.ancestors)
            and reading.sentence_of(trigger) - crowd_told in (0, 1)
            and not _dated_in(reading, verb)
        ):
            # "Des manifestants ont attaqué l'ambassade. Des magasins ont été pillés": shops looted
            # during the protest, by nobody else named, were looted by the crowd
            return True
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "des manifestants ont incendié la mairie et pillé des boutiques"
        if verb.pos_ != "VERB" and verb.head.pos_ == "VERB":
            verb = verb.head  # "ont arraché dimanche la plaque ... et mis le feu", hung on "dimanche"
        # (or its doer in the passive: "la porte de l'hôtel de ville a été incendiée par des manifestants")
        doers = [
            c
            for c in verb.children
            if c.dep_ == "nsubj"
            or (c.dep_.startswith("obl") and any(x.dep_ == "case" and x.lower_ == "par" for x in c.children))
        ]
        subjects = {t.i for c in doers for t in c.subtree}
        crowd = (
            a
            for a in reading.actors.get(reading.sentence_of(trigger), [])
            if decode_actor(a.kb_id_)[0] in (5, 6)
        )
        if any(a.root.i in subjects for a in crowd):
            return True
    return False


def _dated_in(reading: Reading, verb: Token) -> bool:
    """A date inside the verb's own phrase ("ont été pillés la semaine dernière")."""
    tree = list(verb.subtree)
    start, end = tree[0].idx, tree[-1].idx + len(tree[-1])
    sentence = reading.sentence_of(verb.doc[verb.i : verb.i + 1])
    return any(start <= m.start and m.end <= end for m in reading.dates_by_sentence.get(sentence, []))


def _police_fired(reading: Reading, h: Happening) -> bool:
    """A protest in which the state's forces (police, gendarmes, soldiers) used violence of war: a clear
    word of violence whose subject or agent they are ("des gendarmes ont ouvert le feu"; not "un policier
    a été tué"), or an ambiguous one aimed at the crowd ("les forces de sécurité ont tiré mardi sur des
    manifestants")."""
    if h.family != "unrest":
        return False
    # the crowd's words ("manifestants"), not the force used on it ("gaz lacrymogènes")
    crowd = {
        t.root.i
        for t in h.triggers
        if family(t.label_) == "unrest"
        and t.label_ not in ("Protest with intervention", _FORCE_ON_PROTESTERS)
    }
    for t in h.triggers:
        if family(t.label_) != "violence" or t.label_ == "Looting/property destruction":
            continue
        # fired at the crowd or killing in it ("ont tué par balles trois manifestants"), with nothing
        # else named as fired (not "ont tiré des gaz lacrymogènes sur les manifestants")
        hit = [c for c in t.root.children if c.dep_.startswith("obl") or c.dep_ == "obj"]
        at_the_crowd = any(c.i in crowd for c in hit) and not any(
            c.dep_ == "obj" and c.i not in crowd for c in t.root.children
        )
        # a protester killed or wounded, by whoever: "un jeune manifestant a été tué par balle lors
        # d'une manifestation de l'opposition" (ACLED: lethal force against a peaceful crowd)
        victims = {i.i for c in t.root.children if c.dep_ == "nsubj:pass" for i in c.subtree}
        if victims & crowd and t.label_ in _BODILY_HARM:
            return True
        if t.kb_id_ == AMBIGUOUS and not at_the_crowd:
            continue
        doers = {c.i for c in t.root.children if c.dep_ in ("nsubj", "obl:agent")}
        state = (
            a
            for a in reading.actors.get(reading.sentence_of(t), [])
            if decode_actor(a.kb_id_)[2] in _STATE_FORCE_KINDS
        )
        if any(a.root.i in doers for a in state):
            return True
    return False


_FORCE_ON_PROTESTERS = "Excessive force against protesters"
#: Words of violence done to a person's body (not "enlevé", "arrêté"): done to a protester, they make
#: a protest one met with excessive force.
_BODILY_HARM = frozenset({"Attack", "Armed clash"})
#: Actor kinds (actors.yaml `kind`) of a state's armed forces, whose lethal force against a crowd is
#: "excessive force against protesters" (ACLED).
_STATE_FORCE_KINDS = frozenset({"police", "state"})


def _named_doer(trigger: Span, actor: Actor | None) -> bool:
    """`actor` is a named armed group (not an unnamed side nor a crowd) and the trigger's subject."""
    if actor is None or actor.generic or actor.inter not in (2, 3, 4) or actor.span is None:
        return False
    root = actor.span.root
    return root.head.i == trigger.root.i and root.dep_ in ("nsubj", "obl:agent")


#: So many dead, told with no day, are a tally (a year's, a war's), never one happening.
_TALLY_DEAD = 1000
#: A target word that names an armed side only with that side in its phrase (context.yaml owned_targets).
_OWNED = "owned"


def _retype_by_target(sub_event_type: str, actor1: Actor | None, actor2: Actor | None) -> str:
    """ACLED codes by who is targeted: an attack on an armed side is a battle, and "firing on"
    unarmed people (no armed side facing the attackers) is violence against civilians."""
    armed = (1, 2, 3, 4, 8)
    if sub_event_type == "Attack" and actor2 is not None and actor2.inter in armed:
        return "Armed clash"
    if sub_event_type == "Armed clash" and actor2 is not None and actor2.inter == 7:
        return "Attack"
    crowd = [a for a in (actor1, actor2) if a is not None and a.inter in (5, 6)]
    if sub_event_type == "Armed clash" and crowd:
        # "heurts entre manifestants et policiers": a crowd fighting the police is a riot, not a battle.
        return "Violent demonstration"
    return sub_event_type


def _notes(
    sub_event_type: str, a1: str | None, a2: str | None, place: Place | None, dead: int, fact: Factuality
) -> str:
    who = " vs ".join(a for a in (a1, a2) if a) or "unidentified actors"
    where = f" in {place.name}" if place else ""
    said = f", according to {fact.claimed_by}" if fact.claimed_by else ""
    return f"{sub_event_type}{where}: {who}; {dead} fatalities ({fact.value}{said})."


def _confidence(
    main: Span, actor1: Actor | None, place: places_of.EventPlace | None, when: DateMention | None
) -> float:
    score = 0.4
    score += 0.15 if main.kb_id_ != AMBIGUOUS else -0.1
    score += 0.15 if actor1 is not None and not actor1.generic else 0.05 if actor1 else 0.0
    score += 0.15 if place is not None and place.resolution.geo_precision < 3 else 0.05 if place else 0.0
    score += 0.1 if when is not None else 0.0
    return round(min(1.0, max(0.0, score)), 2)
