"""The event's own place: which place mention belongs to the event, and where it is.

Candidates come from the sitrep_places spans, nearest to the trigger first:
the trigger's sentence, then the event's other sentences, then the sentences
before it in the paragraph, then the headline, then the article's most named
place. The first candidate the gazetteer resolves (with the article's country
context) wins. "près de X", "à 30 km de X" code X with geo_precision 2; a
region or province alone is geo_precision 3 (ACLED's rule). When nothing
resolves, the event is coded to its country (geo_precision 3), never dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from sitrep.events.happenings import context_matcher, context_words
from sitrep.events.reading import Reading
from sitrep.geo.distance import haversine_km
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.resolve import Resolution, resolve_country, resolve_place
from sitrep.lexicons import Lexicon
from sitrep.nlp.components import DATELINE, PLACES
from sitrep.nlp.components.actors import decode_actor
from sitrep.normalize import fold
from sitrep.records import Place

_NEAR_WORDS = frozenset(
    {
        "près",
        "proche",
        "environs",
        "périphérie",
        "km",
        "kilomètres",
        "large",
        "alentours",
        "rurale",
        "campagne",
        "banlieue",
        "faubourgs",
    }
)
#: Cue labels of verbs that tell, claim, deny or accuse: a capital as their subject is a government
#: ("Moscou a nié avoir visé le théâtre", "Moscou a revendiqué la prise d'Ourojaïne").
_TELLING = frozenset({"attribution_verb", "speech_verb", "denial", "responsibility", "accusation"})
#: Prepositions that name a country as where an event took place or what it was against.
_WHERE_OR_AGAINST = frozenset({"en", "au", "aux", "à", "dans", "contre", "sur"})
#: Nouns of a government body whose name may end with a capital's ("le ministère de la défense de
#: Moscou"); not "cour", a courtyard as often as a court ("dans la cour de leur maison à Djibo"), nor
#: "gouvernement" ("la zone de gouvernement local de Kauru", a Nigerian district).
_GOVERNMENT_BODIES = frozenset({"ministère", "ministre", "présidence", "chancellerie"})
#: Bodies named by their seat that speak for a province ("a indiqué le diocèse de Pemba"): as the one
#: who tells, the seat is not where the news happened (but "la résidence de l'évêque du diocèse de
#: Pemba" is in Pemba).
_SEATED_BODIES = frozenset({"diocèse", "archidiocèse", "évêché"})
#: A government named by its capital that acts or speaks as its sentence's subject ("le gouvernement
#: de Kigali nie"); not as a complement ("la zone de gouvernement local de Kauru", a district).
_GOVERNMENTS = frozenset({"gouvernement", "régime"})
_BEARING_REACH = 9  # ", à plus de 300 kilomètres au nord de Ouagadougou"
# A town named beside "à 30 km de X" or "près de X" is at most this far from X: the stated distance
# (or _NEAR_KM when none is stated) times the factor, plus the slack of a journalist's round figure.
_NEAR_KM = 30
_ANCHOR_FACTOR = 1.5
_ANCHOR_SLACK_KM = 25
_CLEAR_SCORE = 0.7
# How far after a place the country it lies in is named ("Suárez, dans le département du Cauca (sud-ouest
# de la Colombie)").
_COUNTRY_AFTER = 10  # resolve_place's confidence for a name read without context
_AREA_WORDS = frozenset(
    {
        "région",
        "province",
        "gouvernorat",
        "préfecture",
        "département",
        "cercle",
        "district",
        "état",
        "territoire",
    }
)
_AREA_FOLDED = frozenset(fold(w) for w in _AREA_WORDS)
# A place after these words is where someone came from or went to, not where the event happened.
_ELSEWHERE_WORDS = frozenset({"depuis", "vers"})
#: What may stand between the towns of a list told as such: "à Niamey, Zinder et Maradi".
_LIST_JOINTS = frozenset({",", "et", "à", "ainsi", "que"})
#: Words for the settlements a list of names may follow: "les villages de Tondi Kwarey et Darey Bangou".
_SETTLEMENT_WORDS = frozenset({"village", "localité", "ville", "commune", "hameau", "bourgade", "cité"})
#: Prepositions before a list of towns that is not a list of where something happened: a stretch
#: ("entre Gao et Ansongo"), an origin or a belonging ("originaires de Gao et de Tombouctou").
_NOT_WHERE_IT_HAPPENED = frozenset({"entre", "de", "d'", "d’", "du", "des", "depuis", "vers", "pour"})
#: How many words before a place may name the venue where the news was told ("un point de presse à").
_VENUE_REACH = 5
#: Words before the name of a river: "l'autre rive du Dniepr" is no town (the gazetteer may give
#: the city of the same name).
_RIVER_WORDS = frozenset({"rive", "rives", "fleuve", "rivière", "berge", "berges", "affluent"})
#: How far from a town named around it a road's first town may lie, and how many words around.
_ROAD_KM = 100.0
_TOWN_REACH = 80
#: Words of a road between two towns ("l'axe Kaya-Dori") and the joint between the towns' names.
_ROAD_WORDS = frozenset({"axe", "route", "tronçon", "piste", "corridor", "autoroute", "voie"})
_ROAD_JOINT = re.compile(r"\s*[-–—/]\s*")
#: Words of a road leading somewhere: "la route menant à Malaba".
_LEADING_WORDS = frozenset({"menant", "mène", "mènent", "conduisant", "conduit"})
#: Parts of a city: "Hamdallaye, un quartier de Conakry".
_DISTRICT_NOUNS = frozenset({"quartier", "banlieue", "faubourg", "arrondissement"})
_REGION_WORDS = frozenset({"région", "province", "gouvernorat", "préfecture", "département", "état"})
_REGION_FOLDED = frozenset(fold(w) for w in _REGION_WORDS)
_DE_FORMS = ("de", "d'", "d’", "du", "des")
#: Words of a border (folded stems): a country named after them is a neighbour.
_BORDER_STEMS = ("frontali", "frontiere", "limitrophe", "voisin")
#: The dependents of a verb that name its doer: their nationality is not where it happened.
_DOER_DEPS = frozenset({"nsubj", "obl:agent"})


@dataclass(frozen=True)
class EventPlace:
    resolution: Resolution
    span: Span | None  # the words that name it, when it came from the text


def country_hints(reading: Reading, gazetteer: Gazetteer) -> list[str]:
    """ISO2 codes the article points to, most named first: country names, demonyms, actors'
    countries, and the countries of the well-known places it names (Homs, Niamey)."""
    votes: Counter[str] = Counter()
    lede_voted = False
    for sentence, spans in sorted(reading.places.items()):
        countries = [(span, c) for span in spans if (c := gazetteer.country_by_name(span.text)) is not None]
        actors = reading.actors.get(sentence, [])
        # The countries of the regions the sentence names ("au Nord-Kivu"), each in one country only.
        regional = {
            iso2
            for span in spans
            if len(found := _region_countries((_named_after_an_area_word(span) or span).text, gazetteer)) == 1
            for iso2 in found
        }
        for span in spans:
            if _not_a_place(reading, span) or _a_speaking_government(reading, sentence, span):
                continue
            if any(a.start < span.end and span.start < a.end for a in actors):
                continue  # "Les FAMa ont repris Boni": an actor the model took for a place (Fama, Brazil)
            if _cause_place(reading, span):
                continue  # "sont passés en Ouganda", "en soutien à Gaza": not where the story is
            named = {
                c.iso2
                for s, c in countries
                if 0 <= s.start - span.end <= _COUNTRY_AFTER and not _beyond_a_border(s)
            }
            country = gazetteer.country_by_name(span.text)
            if country is not None:
                votes[country.iso2] += 2
                continue
            # ("dans l'État de Zamfara", which the model may take in whole)
            inner = _named_after_an_area_word(span)
            opens = inner is not None and any(
                fold(t.lower_) in _REGION_FOLDED for t in span.doc[span.start : inner.start]
            )
            named_region = _names_an_area(span, _REGION_WORDS) or opens
            regions = _region_countries((inner or span).text, gazetteer) if named_region else set()
            if len(regions) == 1:
                # "dans la province de l'Oudalan": a region named as such tells its country
                votes[regions.pop()] += 3
                continue
            iso2, important = _clear_country(span.text, gazetteer)
            if iso2 is None or (named and iso2 not in named):
                # "dans le département du Cauca (sud-ouest de la Colombie)": the sentence says where it
                # is; a namesake elsewhere ("Coca", Spain) is not meant
                continue
            if not important and regional and iso2 not in regional:
                # "le village de Mangusu, dans le territoire de Beni, au Nord-Kivu": a hamlet of that name
                # abroad (the Philippines) is not meant when the sentence names a region elsewhere
                continue
            # The lede's first place is where most stories happen (the dateline).
            if sentence <= 2 and not lede_voted:
                votes[iso2] += 3
                lede_voted = True
            elif important:
                votes[iso2] += 1
    for span in reading.datelines:
        # "JUBA, 6 mars (AFP) -": the dispatch was filed in that country (one vote only: a regional
        # bureau, "DAKAR (AFP) -", files the news of its neighbours)
        iso2, _ = _clear_country(span.text, gazetteer)
        if iso2 is not None:
            votes[iso2] += 1
    # (not the doer's nationality on a word of violence: "une frappe aérienne russe" on Marioupol)
    # (but the target's is: "des drones ukrainiens ont visé la région russe de Belgorod")
    doers = {
        t.i
        for spans in reading.triggers.values()
        for trigger in spans
        for word in (
            trigger.root,
            *(c for c in trigger.root.children if c.dep_ in _DOER_DEPS or c.dep_ == "amod"),
        )
        for t in word.subtree
    }
    for tok in reading.doc:
        if tok.dep_ == "amod" and tok.i in doers:
            continue
        if tok.pos_ in ("ADJ", "NOUN", "PROPN") and tok.text[:1].isalpha():
            iso2 = gazetteer.country_of_demonym(tok.lower_)
            if iso2:
                votes[iso2] += 1
    for spans in reading.actors.values():
        for span in spans:
            _, country, _, _ = decode_actor(span.kb_id_)
            if country:
                votes[country] += 2
    return [iso2 for iso2, _ in votes.most_common()]


def _beyond_a_border(span: Span) -> bool:
    """ "la région de Belgorod, frontalière de l'Ukraine", "près de la frontière avec le Niger": a
    country named as a neighbour, not as where the place lies."""
    before = span.doc[max(span.sent.start, span.start - 4) : span.start]
    return any(fold(t.lower_).startswith(_BORDER_STEMS) for t in before)


def _clear_country(name: str, gazetteer: Gazetteer) -> tuple[str | None, bool]:
    """The country a name points to when, with no context, the gazetteer is confident of it ("Homs",
    "Bagdad"; not "Bam", a town in Iran and a province of Burkina Faso), and whether it is well known."""
    resolution = resolve_place(name, gazetteer=gazetteer)
    if resolution is None or resolution.score < _CLEAR_SCORE:
        return None, False
    place = resolution.place
    # By its own or a preferred name only: of the many alternate names GeoNames collects, "Roffa"
    # (Rochester) shares its key with "Rufaa", a Sudanese town the gazetteer may lack.
    if not any(c.by_preferred_name and c.place == place for c in gazetteer.candidates(name)):
        return None, False
    return place.iso2, place.population >= 50_000 or place.is_region


def _not_a_place(reading: Reading, span: Span) -> bool:
    """A name that stands for a government, a body or a newsroom ("le Kremlin", "l'OTAN", "à l'AFP"):
    context.yaml `not_places`, covering the whole candidate."""
    window = span.doc[max(0, span.start - 2) : min(len(span.doc), span.end + 2)]
    return any(
        m.span.start <= span.start and span.end <= m.span.end
        for m in context_matcher(reading.lexicon, "not_places").find(window)
    )


def _overlaps_mention(reading: Reading, sentence: int, span: Span) -> bool:
    """A "place" the model found that is really an actor ("Daech") or a trigger ("Défection"), or a
    government or body (`_not_a_place`)."""
    if _not_a_place(reading, span):
        return True
    if any(a.start < span.end and span.start < a.end for a in reading.actors.get(sentence, [])):
        return True
    # (a trigger word taken for a place, "Défection"; not a place inside a trigger's phrase, "manifester
    # à Niamey contre")
    if any(span.start <= t.root.i < span.end for t in reading.triggers.get(sentence, [])):
        return True
    if span.start >= 1 and span.doc[span.start - 1].lower_ in _ELSEWHERE_WORDS:
        return True  # "des renforts dépêchés depuis Niamey", "évacués vers Niamey": not where it happened
    if _names_a_district(span):
        return True  # "le quartier de Katindo": ACLED codes the city, which the article names too
    if span.root.dep_ == "obl:agent" and any(c.lower_ == "par" for c in span.root.children):
        # "le cessez-le-feu annoncé par Moscou": a capital for its government (not "à Khan Younès",
        # which the parser may hang there too)
        return True
    if _of_an_institution(span):
        return True  # "a annoncé le ministère de la défense de Moscou": a government's name
    if _a_speaking_government(reading, sentence, span):
        return True
    if _told_at(reading, span):
        return True  # "a déclaré le porte-parole lors d'un point de presse à Abuja"
    if _cause_place(reading, span):
        return True  # "dit avoir agi en soutien à Gaza"
    if _a_name_given(span):
        return True  # "que le gouvernement désigne sous le nom de « Shene »": a name, not a place
    if _word_before(span) >= 0 and span.doc[_word_before(span)].lower_ in _RIVER_WORDS:
        return True  # "depuis l'autre rive du Dniepr": a river, whose name a city may share
    # "les Forces armées maliennes (FAMa)": the bracketed acronym of the actor just named.
    doc = span.doc
    return (
        span.start >= 1
        and doc[span.start - 1].text == "("
        and span.end < len(doc)
        and doc[span.end].text == ")"
        and any(a.end == span.start - 1 for a in reading.actors.get(sentence, []))
    )


def countries_where(
    reading: Reading, sentence: int, gazetteer: Gazetteer, *, parts: bool = False
) -> frozenset[str]:
    """ISO2 of the countries a sentence names as where ("sur le Liban", "au Mali"); with `parts`, by a
    part of them too ("dans l'ouest de l'Irak": enough to keep out a town of another country told
    around it, not to tell one happening from another)."""
    return frozenset(
        country.iso2
        for span in reading.places.get(sentence, [])
        if (_a_country_where(span) or (parts and _in_a_part_of(span)))
        and (country := gazetteer.country_by_name(span.text)) is not None
    )


def regions_where(reading: Reading, sentence: int, gazetteer: Gazetteer) -> frozenset[tuple[str, str]]:
    """(ISO2, admin1) of the regions a sentence names as where, with "dans" and an area word: "Dans
    l'État de Zamfara, …", "dans la région de Mopti". Only so told: a region named in passing ("le
    gouverneur de la région de Tillabéri", "venus de la province du Soum") says nothing of where."""
    found = set()
    for span in reading.places.get(sentence, []):
        inner = _named_after_an_area_word(span)
        area = inner is not None
        if inner is None and _names_an_area(span):
            inner = span
        if inner is None:
            continue
        # the area word: inside the mention ("État de Zamfara") or before it ("la région de Mopti")
        word = span.start if area else _word_before(span)
        before = [t.lower_ for t in span.doc[max(span.sent.start, word - 2) : word]]
        if "dans" not in before:
            continue
        areas = [p for p in gazetteer.lookup(inner.text) if p.feature_class == "A" and not p.is_country]
        if len({(p.iso2, p.admin1) for p in areas}) == 1 and areas[0].admin1:
            found.add((areas[0].iso2, areas[0].admin1))
    return frozenset(found)


def _a_country_where(span: Span) -> bool:
    """ "au Liban", "en Ukraine", "sur le Liban", "dans le nord du Mali": a country named as where
    (not "l'inventaire de la Russie", "les alliés de l'Ukraine")."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 4) : span.start]]
    if before[-1:] and before[-1] in ("en", "au", "aux"):
        return True
    if before[-2:-1] and before[-1] in ("le", "la", "l'", "l’") and before[-2] in ("sur", "dans"):
        return True
    # "dans le nord du Mali", "dans l'est de la RDC"
    return "dans" in before and before[-1:] != [] and before[-1] in ("du", "de", "la", "l'", "l’")


def _in_a_part_of(span: Span) -> bool:
    """ "dans l'ouest de l'Irak", "dans le nord de la Syrie": a part of the country named as where."""
    wider = [t.lower_ for t in span.doc[max(0, span.start - 5) : span.start]]
    return (
        len(wider) == 5
        and wider[0] == "dans"
        and wider[1] in ("le", "la", "l'", "l’")
        and wider[3] in ("de", "d'", "d’")
        and wider[4] in ("la", "l'", "l’")
    )


def _a_name_given(span: Span) -> bool:
    """The name follows "nom de", "surnommé", "baptisé", "appelé" (with or without a quotation mark)."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].text in ("«", '"', "“", "'"):
        i -= 1
    if i < 0:
        return False
    if doc[i].lower_ in ("surnommé", "surnommée", "surnommés", "baptisé", "baptisée", "appelé", "appelée"):
        return True
    return (
        i >= 1
        and doc[i].lower_ in ("de", "d'", "d’")
        and doc[i - 1].lower_ in ("nom", "appellation", "surnom")
    )


def _of_an_institution(span: Span) -> bool:
    """The name completes a body's name, up a chain of "de" complements ("le ministère de la défense
    de Moscou"); not a place told beside it ("devant le ministère de l'Éducation à Kinshasa")."""
    token = span.root
    for _ in range(3):
        of = any(c.dep_ == "case" and c.lower_ in ("de", "d'", "d’", "du", "des") for c in token.children)
        if token.dep_ != "nmod" or token.head.i == token.i or not of:
            return False
        token = token.head
        if token.lower_ in _GOVERNMENT_BODIES:
            return True
        if token.lower_ in _GOVERNMENTS | _SEATED_BODIES and token.dep_ in ("nsubj", "nsubj:pass"):
            return True  # "le gouvernement de Kigali nie ces accusations", "le régime de Damas a riposté"
    return False


def _a_speaking_government(reading: Reading, sentence: int, span: Span) -> bool:
    """ "Moscou a publié une vidéo de son attaque sur Deliatyn", "Moscou dit viser des sites
    militaires", "Moscou a nié avoir visé le bâtiment": the government speaking; not "Kiev dit que la
    frappe a tué cinq civils dans le centre de la ville", where the city speaks of itself."""
    if not (_speaker(reading, span) and _says(reading, sentence, span.root.head)):
        return False
    itself = any(t.lower_ in ("ville", "capitale") for t in reading.sentences[sentence] if t.i > span.start)
    return not itself or any(p.start != span.start for p in reading.places.get(sentence, []))


def _speaker(reading: Reading, span: Span) -> bool:
    """The name is the subject of its verb, or the subject put after it that the parser takes for
    its object ("…", a déclaré Acton à la BBC", "a annoncé dimanche Kiev"): nothing declares a town."""
    root = span.root
    if root.dep_ == "nsubj":
        return True
    verb = root.head
    dates = [(m.start, m.end) for m in reading.dates_by_sentence.get(reading.sentence_of(span), [])]
    between = span.doc[verb.i + 1 : span.start]
    return (
        root.dep_ == "obj"
        and verb.i < span.start
        and all(t.is_punct or any(a <= t.idx < b for a, b in dates) for t in between)
    )


def _says(reading: Reading, sentence: int, verb: Token) -> bool:
    """The verb is one of telling (cues.yaml attribution_verb, speech_verb)."""
    cues = reading.cues.get(sentence, [])
    return any(cue.label_ in _TELLING and cue.start <= verb.i < cue.end for cue in cues)


def _names_a_district(span: Span) -> bool:
    """ "dans le quartier de Katindo", "au quartier Solino": a part of a city, which a gazetteer seldom
    holds and a near miss places in another town. Not "un quartier de Goma", "plusieurs quartiers
    de Ségou": there the name is the city's."""
    i = _word_before(span)
    doc = span.doc
    if i >= 1 and doc[i].lower_ == "quartier" and doc[i - 1].lower_ in ("le", "du", "au"):
        return True
    # "à Hamdallaye, un quartier de Conakry": the apposition says it is a part of the city it names
    return any(
        c.dep_ == "appos" and c.lower_ in _DISTRICT_NOUNS and any(n.dep_ == "nmod" for n in c.children)
        for c in span.root.children
        if c.i >= span.end
    )


def _candidates(reading: Reading, trigger: Span, sentences: Sequence[int]) -> list[Span]:
    main = reading.sentence_of(trigger)
    # The happening's body sentences before its headline: "Tillabéri : sept soldats tués dans l'attaque
    # de Bankilaré" names the region first, the body names the town.
    order: list[int] = [main, *sorted((s for s in sentences if s != main), key=reading.is_headline)]
    paragraph = reading.paragraph_of[main]
    order += [s for s in range(main - 1, -1, -1) if reading.paragraph_of[s] == paragraph]
    if any(_there(t, trigger) for t in reading.sentences[main]):
        # "Mardi, les insurgés y ont installé un tribunal": "y" is the place named before, in the
        # paragraphs above, not one the next sentence names ("ont fui en direction de Baidoa")
        order += [s for s in range(main - 1, -1, -1) if not reading.is_headline(s)]
    order += [s for s in range(main + 1, len(reading.sentences)) if reading.paragraph_of[s] == paragraph]
    order += [s for s in range(len(reading.sentences)) if reading.is_headline(s)]
    order += list(range(len(reading.sentences)))
    seen: set[int] = set()
    out: list[Span] = []
    parts = reading.incident_parts
    for s in order:
        if s in seen:
            continue
        seen.add(s)
        if parts[s][0] == parts[main][0] and parts[s] != parts[main] and s not in sentences:
            continue  # "Séparément, des hommes armés ont tué 21 civils à Libiri": another incident's town
        spans = [p for p in reading.places.get(s, []) if not _overlaps_mention(reading, s, p)]
        if s == main:
            named = tuple(spans)  # (a list being sorted reads as empty)
            spans.sort(
                key=lambda p: (
                    _locates(reading, p, named),
                    # (when a town is named before it: "À Eldoret, ... la route menant à Malaba")
                    _where_a_road_leads(p) and any(o.start < p.start for o in named),
                    p.start < trigger.start,
                    abs(p.start - trigger.start),
                )
            )
        out.extend(spans)
    return out


def _where_a_road_leads(span: Span) -> bool:
    """ "À Eldoret, des jeunes ont bloqué la route menant à Malaba": where the road goes, not where the
    event is, when the sentence names another place."""
    before = [t.lower_ for t in span.doc[max(span.sent.start, span.start - 3) : span.start]]
    return any(w in _LEADING_WORDS for w in before) and bool(before) and before[-1] in ("à", "au", "vers")


def _there(token: Token, trigger: Span) -> bool:
    """ "les insurgés y ont installé un tribunal": "y" on the trigger's own verb (not "il y a eu cinq
    morts", "y compris")."""
    verb = trigger.root if trigger.root.pos_ in ("VERB", "AUX") else trigger.root.head
    return (
        token.lower_ == "y"
        and token.pos_ == "PRON"
        and token.head.i == verb.i
        and fold(verb.lemma_) != "avoir"
    )


def _locates(reading: Reading, span: Span, others: Sequence[Span]) -> bool:
    """ "Sur le front d'Al-Dhale, au nord d'Aden": the place after a bearing (context.yaml bearings) only
    says where the place named just before it lies."""
    bearings = context_words(reading.lexicon, "bearings")
    doc = span.doc
    # (not span.sent: the model may end a sentence at "À Kati," which the reading joins again)
    start = max(0, span.start - _BEARING_REACH)
    words = [t.lower_ for t in doc[start : span.start]]
    if "," not in words or "." in words:
        return False
    comma = start + len(words) - 1 - words[::-1].index(",")
    # the bearing between the comma and the place ("à Inata, à 300 km au nord de Ouagadougou"), not
    # before the comma ("dans la banlieue de Dakar, à Keur Massar": Keur Massar is the place)
    after = words[comma - start + 1 :]
    near = any(w in _NEAR_WORDS or fold(w) in bearings for w in after)
    return near and any(o.end == comma for o in others)


def _told_at(reading: Reading, span: Span) -> bool:
    """The place is where the news was told: a venue of the telling (context.yaml telling_venues) in
    the few words before it, or the place a speaker said something in ("a affirmé lundi à Juba que
    ses troupes avaient repoussé une attaque près de Yei")."""
    if context_matcher(reading.lexicon, "telling_venues").find(_words_before(span)):
        return True
    root = span.root
    at = any(c.dep_ == "case" and c.lower_ == "à" for c in root.children)
    if not root.dep_.startswith("obl") or not at:
        return False
    verb = root.head
    # (the verb says what follows it, or is put inside or after what it says, "…, a déclaré à Bamako
    # un responsable militaire": an inserted clause, parsed as parataxis or as a conjunct, with no
    # subject before its verb)
    inserted = verb.dep_ in ("parataxis", "conj") and not any(
        c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children
    )
    if not any(c.dep_ == "ccomp" for c in verb.children) and not inserted:
        return False  # "a annoncé l'arrestation à Kikwit": the arrest's town (the parser may hang it there)
    return any(
        cue.label_ == "attribution_verb" and cue.start <= verb.i < cue.end
        for cue in reading.cues.get(reading.sentence_of(span), [])
    )


def _tellers_place(span: Span) -> bool:
    """ "selon des déplacés arrivés lundi à Pemba": a place in a clause on the teller says where the
    teller came to, not where it happened (not "selon des habitants de Djibo", often the very town)."""
    through_clause = False
    for token in (span.root, *span.root.ancestors):
        # (a participle on the teller, which the parser may also call "fixed")
        if token is not span.root and token.dep_ in ("acl", "acl:relcl", "fixed") and token.pos_ == "VERB":
            through_clause = True
            continue
        if through_clause and any(c.dep_ == "case" and c.lower_ == "selon" for c in token.children):
            return True
    return False


def _cause_place(reading: Reading, span: Span) -> bool:
    """The place is a cause's or a government's: a context.yaml elsewhere_phrases term ends at most two
    words before it ("a agi en soutien à Gaza", "des slogans hostiles à Paris")."""
    if _tellers_place(span):
        return True
    phrases = context_matcher(reading.lexicon, "elsewhere_phrases").find(_words_before(span))
    return any(span.start - m.span.end <= 2 for m in phrases)


def _words_before(span: Span) -> Span:
    """The few words of its sentence before a place, where what introduces it stands."""
    return span.doc[max(span.sent.start, span.start - _VENUE_REACH) : span.start]


def _near_their_anchor(
    reading: Reading, found: list[tuple[Resolution, int, Span]]
) -> list[tuple[Resolution, int, Span]]:
    """Leaves out a town the gazetteer places far from the town its sentence locates the event by:
    in "le village de Sokouna, à une trentaine de kilomètres de Tominian", a Sokouna 150 km from
    Tominian is a namesake, not the village meant, and Tominian (geo_precision 2) will do."""
    anchors = [
        (resolution, _stated_km(reading, span))
        for resolution, _, span in found
        # a near miss ("Robotyne" read as a Rybotyn 450 km away) anchors nothing
        if resolution.geo_precision == 2
        and resolution.similarity == 1.0
        and {t.lower_ for t in _four_before(span)} & _NEAR_WORDS
    ]

    def beyond(place: Place) -> bool:
        return any(
            None not in (a.place.latitude, a.place.longitude, place.latitude, place.longitude)
            # "Arbinda, près de Djibo": with no distance stated, "près de" may stretch over 100 km, so
            # only a namesake in another region is dropped
            and not (
                km is None
                and a.place.admin1
                and a.place.admin1 == place.admin1
                and a.place.iso2 == place.iso2
            )
            and haversine_km(a.place.latitude, a.place.longitude, place.latitude, place.longitude)  # type: ignore[arg-type]
            > _ANCHOR_SLACK_KM + _ANCHOR_FACTOR * (km or _NEAR_KM)
            for a, km in anchors
        )

    return [f for f in found if f[0].geo_precision != 1 or not beyond(f[0].place)]


def _stated_km(reading: Reading, span: Span) -> int | None:
    """The distance "à une trentaine de kilomètres de X" states, in km."""
    words = list(_four_before(span))
    unit = next((t for t in reversed(words) if t.lower_ in ("km", "kilomètres")), None)
    if unit is None:
        return None
    start = next((t.i + 1 for t in reversed(span.doc[span.sent.start : unit.i]) if t.lower_ == "à"), unit.i)
    return reading.lexicon.numbers.read_quantity(span.doc[start : unit.i].text) if start < unit.i else None


def _four_before(span: Span) -> Span:
    return span.doc[max(0, span.start - 4) : span.start]


def _precision_for(span: Span, resolution: Resolution) -> int:
    before = {t.lower_ for t in _four_before(span)}
    if resolution.geo_precision == 1 and before & _NEAR_WORDS:
        return 2
    return resolution.geo_precision


def _admin_hint(span: Span) -> str | None:
    """ "dans la région de Mopti, à Boni": the region named just before or after a place."""
    doc = span.doc
    # ("le village de Ywa Thit, dans le canton de Myinmu, région de Sagaing": twelve words on; "Dans
    # l'État de Zamfara, des bandits ont fait irruption lundi dans le village de Kairu": the sentence's
    # opening)
    window = doc[min(span.sent.start, max(0, span.start - 8)) : min(len(doc), span.end + 12)]
    for tok in window:
        # ("la région russe de Belgorod")
        de = tok.i + 2 if tok.i + 1 < len(doc) and _a_nationality(doc[tok.i + 1]) else tok.i + 1
        if tok.lower_ in _REGION_WORDS and de + 1 < len(doc) and doc[de].lower_ in _DE_FORMS:
            name = doc[de + 1]
            if name.lower_ in ("l'", "l’", "la", "le", "les") and name.i + 1 < len(doc):
                name = doc[name.i + 1]  # "dans la province de l'Oudalan"
            if name.i < span.start or name.i >= span.end:
                return name.text
    return None


def _names_an_area(span: Span, words: frozenset[str] = _AREA_WORDS) -> bool:
    """ "la province de Deir ez-Zor", "le cercle de Koro": the name is the area's (ACLED codes it at
    its capital, geo_precision 3), not its chief town's."""
    i = _word_before(span)
    return i >= 0 and span.doc[i].lower_ in words


def _word_before(span: Span) -> int:
    """Where the word that introduces a name stands: "la province de X", "le quartier X" (-1: none)."""
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ in ("l'", "l’", "la", "le", "les"):
        i -= 1  # "la province de l'Oudalan"
    if i >= 0 and span.doc[i].lower_ in ("de", "d'", "d’", "du", "des"):
        i -= 1
    if i > 0 and _a_nationality(span.doc[i]) and span.doc[i - 1].lower_ in _AREA_WORDS:
        i -= 1  # "la région russe de Belgorod", "la province syrienne d'Idleb"
    return i


def _a_nationality(token: Token) -> bool:
    """A lower-case adjective between an area word and its name: "russe", "syrienne", "nigérian"."""
    return token.text.islower() and token.pos_ == "ADJ"


def _with_words_before(span: Span, gazetteer: Gazetteer) -> Span:
    """ "en zone rurale de Damas", "la campagne de Damas": a name the gazetteer knows with the words
    before the place ("zone rurale de Damas" is Rif Dimashq, not Damascus)."""
    doc = span.doc
    for back in (4, 3, 2):
        start = span.start - back
        if start < 0 or doc[start].is_punct:
            continue
        longer = doc[start : span.end]
        # Only areas: "zone rurale de Damas" is a governorate, "l'aéroport de Gao" is still Gao.
        if any(p.feature_class in ("A", "L") for p in gazetteer.lookup(longer.text)):
            return longer
    return span


def resolve_mention(
    span: Span, *, gazetteer: Gazetteer, hints: list[str], lexicon: Lexicon | None = None
) -> Resolution | None:
    """Where a place mention is, in the article's context (None for countries and unknown names).
    With the `lexicon`, a building of a town it does not know ("la gare de Kramatorsk") is the town."""
    if gazetteer.country_by_name(span.text) is not None:
        return None
    span = _with_words_before(span, gazetteer)
    inner = _named_after_an_area_word(span)
    if inner is not None and resolve_place(span.text, gazetteer=gazetteer) is None:
        span = inner  # "l'État de Zamfara" taken in whole by the model: the state is Zamfara
    town = _facility_of_a_town(lexicon, span) if lexicon is not None else None
    if town is not None and resolve_place(span.text, gazetteer=gazetteer) is None:
        # "la gare de Kramatorsk", "l'aéroport de Goma": the model takes in the building; the town
        # is the place (GeoNames seldom knows the building itself)
        span = town
    admin = _admin_hint(span)
    resolution = resolve_place(
        span.text,
        gazetteer=gazetteer,
        country_hints=hints,
        admin_hint=admin,
        area=_names_an_area(span),
        near=_neighbour(span, gazetteer, hints) if _namesakes_at_home(span.text, gazetteer, hints) else None,
    )
    road_start = _road_start(span) if resolution is None else None
    if road_start is not None:
        # "sur l'axe Djibo-Namsiga": a road between two towns, coded near the first (ACLED codes
        # an ambush on a road to a town it runs from)
        resolution = resolve_place(road_start, gazetteer=gazetteer, country_hints=hints)
        town = _neighbour(span, gazetteer, hints, words_before=_TOWN_REACH, home=False)
        if resolution is not None and town is not None and _km(resolution.place, town) > _ROAD_KM:
            # "à Conakry, sur l'axe Hamdallaye-Bambeto": a street of the town named, not a village
            # of that name far away
            resolution = None
        if resolution is not None and resolution.geo_precision == 1:
            resolution = replace(resolution, geo_precision=2)
    if resolution is None or (hints and resolution.place.iso2 not in hints[:3]):
        # Outside the countries the article is about: a metonym ("hostiles à Paris"), a person,
        # or a namesake abroad.
        return None
    if admin is not None and _in_another_country(resolution, admin, gazetteer):
        return None  # "près du village de Monsey, dans le département de l'Alibori": not Monsey, USA
    if road_start is not None:
        return resolution
    precision = _precision_for(span, resolution)
    if precision != resolution.geo_precision:
        resolution = replace(resolution, geo_precision=precision)
    return resolution


def _in_another_country(resolution: Resolution, admin: str, gazetteer: Gazetteer) -> bool:
    """The region named beside the place ("dans la province de l'Oudalan") lies in another country
    than the place found for it."""
    # (a name whose areas lie in several countries, "l'État du Plateau", "la région du Nord", keeps
    # the place in one of them: not Syke, in Germany, for the village of Zike)
    countries = _region_countries(admin, gazetteer)
    return bool(countries) and resolution.place.iso2 not in countries


def _region_countries(name: str, gazetteer: Gazetteer) -> set[str]:
    """The countries with an administrative region of that very name."""
    return {c.place.iso2 for c in gazetteer.candidates(name) if c.closeness >= 1.0 and c.place.is_region}


def _km(a: Place, b: Place) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return 0.0
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def _road_start(span: Span) -> str | None:
    """The first town of "l'axe Kaya-Dori", "la route Mora - Kousseri", "le tronçon Gao-Ansongo"."""
    i = _word_before(span)
    if i < 0 or span.doc[i].lower_ not in _ROAD_WORDS:
        return None
    towns = [t for t in _ROAD_JOINT.split(span.text) if t.strip()]
    return towns[0].strip() if len(towns) >= 2 else None


def _named_after_an_area_word(span: Span) -> Span | None:
    """ "État de Zamfara", "Province du Yatenga", "l'Etat Chin", "la région Amhara": the name inside a
    mention that opens on an area word (wire copy often drops the accent of "État"), after its article
    when the model took that in too ("l'État Shan")."""
    if len(span) > 2 and span[0].lower_ in ("l'", "l’", "la", "le"):
        span = span[1:]
    if len(span) < 2 or fold(span[0].lower_) not in _AREA_FOLDED:
        return None
    if len(span) > 2 and span[1].lower_ in ("de", "d'", "d’", "du"):
        return span[2:]
    return span[1:] if span[1].text[:1].isupper() else None


def _facility_of_a_town(lexicon: Lexicon, span: Span) -> Span | None:
    """The town after "de" in a mention of a building or a site ("gare de Kramatorsk"; context.yaml
    facility_words), or None."""
    of = next((t.i for t in span if t.lower_ in ("de", "d'", "d’", "du")), None)
    if of is None or not context_matcher(lexicon, "facility_words").find(span.doc[span.start : of]):
        return None
    if of + 1 >= span.end or not span.doc[of + 1].text[:1].isupper():
        return None
    return span.doc[of + 1 : span.end]


def _namesakes_at_home(name: str, gazetteer: Gazetteer, hints: list[str]) -> bool:
    """Several places of that name in the article's country (three Keur Massar in Senegal)."""
    return bool(hints) and sum(c.place.iso2 == hints[0] for c in gazetteer.candidates(name)) > 1


def _neighbour(
    span: Span, gazetteer: Gazetteer, hints: list[str], *, words_before: int = 0, home: bool = True
) -> Place | None:
    """The town named nearest `span` in its sentence: "dans la banlieue de Dakar, à Keur Massar" tells
    which of three Keur Massar is meant (resolve_place's `near`). With `words_before`, the words just
    before its sentence count too (not a later paragraph's, which may be a link to another story); with
    `home`, only a town of the article's first country."""
    others = sorted(
        (
            other
            for other in span.doc.spans[PLACES]
            # (not a dispatch's dateline: where the news was filed locates nothing it tells)
            if other.label_ != DATELINE
            and (
                (other.sent.start == span.sent.start and (other.end <= span.start or other.start >= span.end))
                or 0 <= span.start - other.end <= words_before
            )
        ),
        key=lambda other: abs(other.start - span.start),
    )
    for other in others:
        if gazetteer.country_by_name(other.text) is not None:
            continue
        found = resolve_place(other.text, gazetteer=gazetteer, country_hints=hints)
        if (
            found is not None
            and found.place.feature_class == "P"
            and (not home or found.place.iso2 == hints[0])
        ):
            return found.place
    return None


def sentence_place(
    reading: Reading, sentence: int, *, gazetteer: Gazetteer, hints: list[str]
) -> Place | None:
    """The first town a sentence names (used to tell two happenings apart), one in a relative clause
    last: "Le convoi, qui reliait Sévaré à Boni, a été pris à partie à une vingtaine de kilomètres de
    Douentza" describes the convoy by its road, and was hit near Douentza."""
    spans = [p for p in reading.places.get(sentence, []) if not _overlaps_mention(reading, sentence, p)]
    for span in sorted(spans, key=_in_a_relative_clause):
        resolution = resolve_mention(span, gazetteer=gazetteer, hints=hints, lexicon=reading.lexicon)
        if resolution is not None and resolution.geo_precision < 3:
            return resolution.place
    return None


def _in_a_relative_clause(span: Span) -> bool:
    return any(t.dep_ == "acl:relcl" for t in (span.root, *span.root.ancestors))


def event_place(
    reading: Reading, trigger: Span, sentences: Sequence[int], *, gazetteer: Gazetteer, hints: list[str]
) -> EventPlace | None:
    """The event's place: in the nearest sentence that names one, its most precise place."""
    by_sentence: dict[int, list[Span]] = {}
    for span in _candidates(reading, trigger, sentences):
        by_sentence.setdefault(reading.sentence_of(span), []).append(span)
    main = reading.sentence_of(trigger)
    capital = _capital_named(reading, main, gazetteer, hints)
    # "Des frappes israéliennes sur le Liban ont tué 492 personnes. Le Hezbollah a riposté ... sur
    # Haïfa": a country its own sentence names keeps out the towns of other countries told around it
    named_here = countries_where(reading, main, gazetteer, parts=True)
    for sentence, spans in by_sentence.items():  # in order of closeness to the trigger
        if sentence != main and capital is not None:
            # "dans plusieurs quartiers de la capitale malienne": the trigger's own sentence names
            # the town, by the country's adjective, before any other sentence's town
            return capital
        found = [
            (resolution, rank, span)
            for rank, span in enumerate(spans)
            if (
                resolution := resolve_mention(span, gazetteer=gazetteer, hints=hints, lexicon=reading.lexicon)
            )
            is not None
        ]
        found = _near_their_anchor(reading, found)
        if sentence != main and named_here:
            found = [f for f in found if f[0].place.iso2 in named_here]
        if found:
            # A place in the article's countries first; a town (or "near a town") before the region
            # it lies in ("à Léré, dans la région de Tombouctou"); then the first named.
            resolution, _, span = min(
                found,
                key=lambda f: (
                    bool(hints) and f[0].place.iso2 not in hints[:2],
                    # "dans la région du Moronou": a region, even when only a village of its name is
                    # known (a "cercle", a "territoire" is named after its chief town: that town will do)
                    f[0].geo_precision == 3 or _names_an_area(f[2], _REGION_WORDS),
                    # an admin unit before a loose area (ACLED codes units); a locality is a point
                    f[0].place.feature_class == "L" and f[0].geo_precision == 3,
                    # a name the gazetteer knows before a near miss: "À Douala, ... au carrefour de
                    # Bépanda" (a quarter it lacks) is Douala, not the village of Bai Panya
                    f[0].similarity < 1.0,
                    f[1],
                ),
            )
            return EventPlace(resolution, span)
    if capital is not None:
        return capital
    named = _named_country(reading, trigger, sentences, gazetteer=gazetteer)
    if named is not None or hints:
        coded = resolve_country(named or hints[0], gazetteer=gazetteer)
        return EventPlace(coded, None) if coded else None
    return None


def listed_with(
    reading: Reading, chosen: EventPlace, *, gazetteer: Gazetteer, hints: list[str]
) -> list[EventPlace]:
    """The other towns of the list the event's own town is named in ("ont manifesté lundi à Dakar,
    Thiès et Ziguinchor", "des frappes sur Kharkiv et Okhtyrka"): ACLED codes one record per place.
    Only towns of the same country, and not a stretch between two ("entre Gao et Ansongo") nor
    where people come from ("originaires de Gao et de Tombouctou")."""
    span = chosen.span
    if span is None or chosen.resolution.geo_precision == 3:
        return []
    sentence = reading.sentence_of(span)
    head = span.root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if _not_where_it_happened(head):
        return []
    members, reach = {head.i}, [head]
    while reach:  # the parser may chain the list ("Dakar, Thiès et Ziguinchor": Ziguinchor on Thiès)
        reach = [c for t in reach for c in t.children if c.dep_ == "conj" and c.i not in members]
        members.update(c.i for c in reach)
    places = reading.places.get(sentence, [])
    # or, whatever the parse ("à Niamey, Zinder et Maradi" with Zinder hung on the verb), the names
    # that follow it with only commas, "et" or a repeated "à" between
    listed, last = {span.start}, span.end
    for other in sorted(places, key=lambda p: p.start):
        if other.start <= span.start:
            continue
        gap = span.doc[last : other.start]
        # (not "la route reliant Gao à Ansongo": a list has its comma or its "et")
        if other.start < last or any(t.lower_ not in _LIST_JOINTS for t in gap):
            break
        if not any(t.lower_ in (",", "et") for t in gap):
            break
        listed.add(other.start)
        last = other.end
    others: list[EventPlace] = []
    for other in places:
        if other.start == span.start or (other.root.i not in members and other.start not in listed):
            continue
        if any(c.dep_ == "case" and fold(c.text) in _NOT_WHERE_IT_HAPPENED for c in other.root.children):
            continue
        if _overlaps_mention(reading, sentence, other):
            continue
        resolution = resolve_mention(other, gazetteer=gazetteer, hints=hints, lexicon=reading.lexicon)
        if (
            resolution is None
            or resolution.geo_precision == 3
            or resolution.place.iso2 != chosen.resolution.place.iso2
            or resolution.place.geonameid == chosen.resolution.place.geonameid
        ):
            continue
        others.append(EventPlace(resolution, other))
    return others


def _not_where_it_happened(head: Token) -> bool:
    """The list opens after "entre", "de", "depuis" …, except "de" after a word for settlements ("les
    villages de Tondi Kwarey et Darey Bangou")."""
    case = [c for c in head.children if c.dep_ == "case" and fold(c.text) in _NOT_WHERE_IT_HAPPENED]
    if not case:
        return False
    of = all(fold(c.text) in ("de", "d'", "d’") for c in case)
    return not (of and head.dep_ == "nmod" and head.head.lemma_.lower() in _SETTLEMENT_WORDS)


def _capital_named(
    reading: Reading, sentence: int, gazetteer: Gazetteer, hints: list[str]
) -> EventPlace | None:
    """ "la capitale malienne", "la capitale burkinabè": the country's capital city, which the
    sentence names by the country's adjective (of a country the article is about: "congolaise" is
    read as Kinshasa's, so not in a story about Brazzaville)."""
    words = list(reading.sentences[sentence])
    for i, token in enumerate(words[:-1]):
        if token.lower_ != "capitale":
            continue
        iso2 = gazetteer.country_of_demonym(words[i + 1].lower_)
        if hints and iso2 not in hints[:2]:
            continue
        name = gazetteer.capital_name(iso2) if iso2 else None
        resolution = resolve_place(name, gazetteer=gazetteer, country_hints=[iso2]) if name and iso2 else None
        if resolution is not None and resolution.place.iso2 == iso2 and resolution.geo_precision == 1:
            return EventPlace(resolution, reading.doc[token.i : words[i + 1].i + 1])
    return None


def _named_country(
    reading: Reading, trigger: Span, sentences: Sequence[int], *, gazetteer: Gazetteer
) -> str | None:
    """With no town named, the country the happening's own sentences name for it, nearest the trigger
    first ("ont lancé un assaut contre l'Ukraine"), rather than the country the article names most
    (Russia, by its forces). A country that acts ("la Russie lance un assaut") is a side, not a place."""
    told = set(sentences)
    for span in _candidates(reading, trigger, sentences):
        sentence = reading.sentence_of(span)
        if sentence not in told or span.root.dep_ in ("nsubj", "nsubj:pass"):
            continue
        where = any(c.dep_ == "case" and c.lower_ in _WHERE_OR_AGAINST for c in span.root.children)
        if not where and not _in_a_part_of(span):
            # "avec l'appui de la France", "rentrant du Soudan", "tirées depuis le Liban" (not "dans
            # l'ouest de l'Irak")
            continue
        if _overlaps_mention(reading, sentence, span):
            continue
        country = gazetteer.country_by_name(span.text)
        if country is not None:
            return country.iso2
    return None
