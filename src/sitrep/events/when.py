"""Which day an event happened on, and how precisely (ACLED's time_precision).

The event's own sentences first (the trigger's sentence before the others), then the sentences
just before it (_STORY_REACH), then the lede (for a word told near it, _LEDE_REACH). Dates of the
telling are not dates of the event: "a indiqué lundi", a dateline ("BAMAKO, 13 octobre (AFP) -"),
"un communiqué diffusé mardi". A planned or threatened event on a bare weekday is on the next such day.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from sitrep.events.dates import DateMention, mid_period, next_weekday
from sitrep.events.happenings import Happening, context_words, telling_sentences
from sitrep.events.reading import Reading
from sitrep.events.scope import in_since_phrase
from sitrep.lexicons import Lexicon
from sitrep.normalize import fold
from sitrep.records import Article

#: How many sentences back an undated word of the story may take its day from.
_STORY_REACH = 6
#: How deep into the article the lede's day still dates an undated word.
_LEDE_REACH = 12
#: A day "depuis" names this many days before the publication or fewer still dates the news.
_RECENT_DAYS = 7


class EventDating:
    """Picks an event's date among the dates its article gives; built once per lexicon."""

    def __init__(self, lexicon: Lexicon):
        self._publication_words = context_words(lexicon, "publication_verbs")

    def of_event(
        self, reading: Reading, main: Span, h: Happening, *, told_day: bool = True
    ) -> DateMention | None:
        """The event's date: the most precise one its own sentences give (the trigger's sentence
        first), else the nearest one before it in the paragraph, else the lede's; else (`told_day`)
        the day its own sentence says it was told, which it happened by (not for what is only
        threatened: "a averti lundi" is not its day)."""
        main_sentence = reading.sentence_of(main)
        mentions = reading.dates_by_sentence.get(main_sentence, [])
        # (a report's own day aside: "Selon un rapport publié lundi, les ADF ont tué plus de 1 000
        # civils en 2023" tells 2023)
        dated = [
            m
            for m in mentions
            if not _reporting_date(reading, main_sentence, m, publication_words=self._publication_words)
        ]
        if dated and all(m.past for m in dated):
            return dated[0]
        telling = telling_sentences(reading, h) - {main_sentence}
        own = [
            (s != main_sentence, m)
            for s in dict.fromkeys([main_sentence, *h.sentences])
            if s not in telling
            for m in self.current_dates(reading, s)
            # another sentence's "depuis le 24 février" starts a period ("ont tiré plus de 1 080
            # missiles depuis le 24 février"); it is not the day of this happening
            if s == main_sentence or not _starts_a_period(reading, m)
        ]
        # "Mardi matin, le Hezbollah a revendiqué un tir de roquettes « en riposte » aux frappes de la
        # veille": a day inside another happening's noun phrase is that one's
        mine = {t.i for trigger in h.triggers for t in trigger}
        theirs = [o for o in own if not o[0] and _of_another_noun(reading, o[1], mine)]
        if theirs and len(theirs) < len(own):
            own = [o for o in own if o not in theirs]
        if own:
            # Nearest to one of the happening's own words: "manifesté vendredi ... enlevés jeudi".
            anchors = [t.start_char for t in h.triggers]
            # A date inside the trigger's own phrase ("l'attaque qui a tué vingt civils samedi soir")
            # is its date; one beside it may date a reaction ("a condamné lundi l'attaque ...").
            phrase = phrase_chars(main)

            def distance(m: DateMention) -> int:
                return min(abs(m.start - a) for a in anchors)

            def outside(m: DateMention) -> bool:
                return not within(m, phrase)

            # (a day in a clause still to come is the thing's future: "un cessez-le-feu, signé jeudi,
            # qui entrera en vigueur le 3 août")
            return min(
                own,
                key=lambda o: (
                    o[1].precision,
                    o[0],
                    _in_a_clause_ahead(reading, o[1]),
                    outside(o[1]),
                    distance(o[1]),
                ),
            )[1]
        # The story goes on from the last day it told: the nearest date before it in the body, its own
        # paragraph first ("Deux jeunes ont été tués jeudi ... ¶ Des centaines de jeunes ont érigé des
        # barricades"), then the lede's (the first body sentences; a quotation may have cut the first
        # one in two). A story goes on for a few sentences, not across a long feature: a date far above
        # ("le 21 avril", in a quotation about a meeting) does not date an undated word of war told far
        # below, nor does the lede's date reach into the depths of an explainer.
        paragraph = reading.paragraph_of[main_sentence]
        reach = range(main_sentence - 1, max(main_sentence - _STORY_REACH, 0) - 1, -1)
        earlier = [s for s in reach if not reading.is_headline(s)]
        before = [s for s in earlier if reading.paragraph_of[s] == paragraph]
        posts = reading.live_posts
        if paragraph in posts:
            # a live blog tells its newest post first: a post above this one is later news, not
            # the day this one goes on from; the blog's own header dates it
            earlier = [s for s in earlier if reading.paragraph_of[s] not in posts]
        opening = reading.opening(3)
        lede = opening if main_sentence <= _LEDE_REACH else []
        for s in dict.fromkeys([*before, *earlier, *lede]):
            # a sentence dates the story told on from it by a day of its own, not by the start of a
            # period ("ont tiré plus de 1 080 missiles depuis le 24 février")
            current = [m for m in self.current_dates(reading, s) if not _starts_a_period(reading, m)]
            if s > main_sentence and s not in h.sentences:
                # (nor by the day of another happening a later lede sentence tells: "Dans la soirée, des
                # jeunes ont affronté la police. En juin, sa condamnation avait déclenché des émeutes")
                current = [m for m in current if not _dates_a_happening(reading, s, m)]
            if current:
                return current[0]
        # Nothing dates the happening but the day it was told in its own sentence: "Les rebelles ont
        # annoncé lundi avoir pris Goma", "ont été tués, a indiqué lundi un élu": it happened by then
        told = [
            m
            for m in reading.dates_by_sentence.get(main_sentence, [])
            if told_day
            and not m.past
            and m.value is not None
            and m.precision == 1
            and not _in_dateline(reading, main_sentence, m)
            and _reporting_date(reading, main_sentence, m, publication_words=self._publication_words)
        ]
        return told[0] if told else None

    def own_date(self, reading: Reading, trigger: Span) -> DateMention | None:
        """When the trigger's sentence gives two days ("Après l'embuscade tendue mardi près de Djibasso,
        l'armée a mené jeudi des frappes"): the day inside a noun trigger's own phrase is its own; the
        sentence's other words take the first day outside every such phrase. None when the sentence
        gives fewer than two days (its day is then the sentence's)."""
        current = self.current_dates(reading, reading.sentence_of(trigger))
        if len(current) < 2:
            return None
        nouns = [t for t in reading.triggers.get(reading.sentence_of(trigger), []) if t.root.pos_ == "NOUN"]
        phrases = {id(t): phrase_chars(t) for t in nouns}
        if id(trigger) in phrases:
            own = next(
                (
                    m
                    for m in current
                    if within(m, phrases[id(trigger)]) and not _in_a_clause_ahead(reading, m)
                ),
                None,
            )
            if own is not None:
                return own
        return next((m for m in current if not any(within(m, chars) for chars in phrases.values())), None)

    def current_dates(self, reading: Reading, sentence: int) -> list[DateMention]:
        return [
            m
            for m in reading.dates_by_sentence.get(sentence, [])
            if not m.past
            and m.value is not None
            and not _reporting_date(reading, sentence, m, publication_words=self._publication_words)
        ]


def _of_another_noun(reading: Reading, mention: DateMention, mine: set[int]) -> bool:
    """The day hangs on a noun that is not one of the happening's words ("aux frappes de la veille"),
    or on a clause that qualifies a noun ("d'un collègue, abattu la veille")."""
    words = reading.words_of(mention)
    if words is None:
        return False
    root = words.root
    head = root.head
    if root.dep_ == "nmod" and head.pos_ == "NOUN":
        # (with its "de": "visé le camp mardi" is the parser hanging the verb's day on its object)
        return head.i not in mine and any(c.dep_ == "case" for c in root.children)
    # "la mort d'un collègue, abattu la veille par un policier": the day of a clause on a noun
    # (not "l'attaque qui a coûté la vie à vingt-deux civils samedi soir": a clause on its own word)
    return (
        head.dep_ in ("acl", "acl:relcl")
        and head.i not in mine
        and head.head.i not in mine
        and root.dep_.startswith("obl")
    )


def _in_a_clause_ahead(reading: Reading, mention: DateMention) -> bool:
    """ "un cessez-le-feu qui entrera en vigueur le 3 août": a day in a clause told in the future
    tense dates what is to come of the thing, not the thing."""
    words = reading.words_of(mention)
    if words is None:
        return False
    verb = next((t for t in (words.root, *words.root.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.dep_ == "acl:relcl" and "Fut" in verb.morph.get("Tense")


def _starts_a_period(reading: Reading, mention: DateMention) -> bool:
    """ "depuis le 24 février", weeks before: the start of a period (not "ils l'occupent depuis
    mardi", "les affrontements durent depuis lundi": a day of the week, which dates the news)."""
    words = reading.words_of(mention)
    if words is None or not in_since_phrase(words.root):
        return False
    weekdays = {fold(d) for d in reading.lexicon.dates.get("weekdays", ())}
    if any(fold(w) in weekdays for w in mention.text.split()):
        return False  # "depuis lundi": a day of this week
    published = reading.published
    return published is None or mention.value is None or (published - mention.value).days > _RECENT_DAYS


def phrase_chars(trigger: Span) -> tuple[int, int]:
    """The characters of the phrase a trigger heads (its subtree)."""
    tree = list(trigger.root.subtree)
    return tree[0].idx, tree[-1].idx + len(tree[-1])


def within(mention: DateMention, chars: tuple[int, int]) -> bool:
    return chars[0] <= mention.start and mention.end <= chars[1]


def _dates_a_happening(reading: Reading, sentence: int, mention: DateMention) -> bool:
    """The date hangs on a verb whose clause holds a word of a happening ("En juin, la condamnation
    avait déclenché des émeutes": June is the riots' month)."""
    words = reading.words_of(mention)
    if words is None:
        return False
    verb = words.root.head
    return any(_verb_of(t.root) is verb for t in reading.triggers.get(sentence, []))


def _verb_of(token: Token) -> Token:
    """The nearest verb above a word (the word itself when it is one), within four links."""
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token
        token = token.head
    return token


def coded_date(article: Article, when: DateMention | None) -> tuple[str, int]:
    if when is not None and when.value is not None:
        return mid_period(when.value, when.precision).isoformat(), when.precision
    if article.published is not None:
        precision = 1 if article.published_precision == 1 else 3
        return mid_period(article.published, precision).isoformat(), precision
    return "", 3


def _reporting_date(
    reading: Reading, sentence: int, mention: DateMention, *, publication_words: frozenset[str]
) -> bool:
    """ "a indiqué lundi un élu local", "a démenti mardi": the day the news was told or denied,
    not the day it happened; so is the date of a dateline ("BAMAKO, 13 octobre (AFP) -") and of a
    publication ("un communiqué diffusé mardi soir")."""
    if _in_dateline(reading, sentence, mention):
        return True
    words = reading.words_of(mention)
    if words is not None and in_since_phrase(words.root, below=True):
        return True  # "Depuis le coup d'État du 26 juillet, les rassemblements se multiplient"
    if reading.dates_a_text(mention, publication_words):
        return True
    if words is not None and any(
        c.dep_ == "case" and c.lower_ == "selon"
        for t in (words.root, *words.root.ancestors)
        for c in t.children
    ):
        return True  # "selon des déplacés arrivés lundi à Pemba": the day the tellers came
    for cue in reading.cues.get(sentence, []):
        # "a accusé mardi", "a dénoncé mercredi le viol de douze femmes la semaine dernière"
        if cue.label_ in ("attribution_verb", "responsibility", "denial", "accusation"):
            gap = (
                mention.start - cue.end_char
                if mention.start >= cue.end_char
                else cue.start_char - mention.end
            )
            if 0 <= gap <= 2:
                return True
    return False


def planned_day(when: DateMention | None, reading: Reading) -> DateMention | None:
    """A planned or threatened event on a bare weekday ("appellent à manifester samedi") is on the
    next such day, not the last one."""
    published = reading.published
    if when is None or when.value is None or published is None or when.value >= published:
        return when
    words = fold(when.text).split()
    weekdays = reading.lexicon.dates.get("weekdays", ())
    folded_days = [fold(d) for d in weekdays]
    if len(words) != 1 or words[0] not in folded_days:
        return when
    return replace(when, value=next_weekday(published, folded_days.index(words[0])))


def _in_dateline(reading: Reading, sentence: int, mention: DateMention) -> bool:
    """ "BAMAKO, 13 octobre (Agence) - Un convoi ...": a place in capitals, a comma, the date, then a dash."""
    sent = reading.sentences[sentence]
    head = reading.text[sent.start_char : mention.start]
    tail = reading.text[mention.end : mention.end + 60]
    first = sent[0].text if len(sent) else ""
    return (
        len(head) <= 40
        and first.isupper()
        and len(first) > 1
        and "," in head
        and any(dash in tail for dash in (" - ", " – ", " — "))
    )
