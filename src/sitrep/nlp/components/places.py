"""Place-name candidates: the model's location entities, proper names after a place word, and a wire
dispatch's dateline in capitals ("JUBA, 6 mars (AFP) -", labelled `DATELINE`: it tells the article's
country, never an event's place).

Candidates are checked against the gazetteer later, with the article's context
(events.place): here we only find the strings, cheaply.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

SPAN_KEY = "sitrep_places"
#: The label of a dispatch's dateline ("JUBA, 6 mars (AFP) -"), a place candidate of its own kind.
DATELINE = "dateline"
_ENTITY_LABELS = frozenset({"LOC", "GPE"})
# Words that introduce a place in French news: "à Djibo", "village de Boni", "près de Gao".
_PLACE_HEADS = frozenset(
    {
        "à",
        "a",
        # "sont entrés dans Dinsor" (not "direction": "ont pris la fuite en direction de Mopti" is where
        # the attackers went, not where they attacked)
        "dans",
        "village",
        "localité",
        "commune",
        "ville",
        "cercle",
        "région",
        "province",
        "district",
        "département",
        "gouvernorat",
        "préfecture",
        "secteur",
        "quartier",
        "zone",
        "axe",
        "route",
        "près",
        "proche",
        "environs",
        "sud",
        "nord",
        "est",
        "ouest",
        "périphérie",
        "camp",
        "base",
        "poste",
        "position",
        "aéroport",
        "port",
        "pont",
        "hôpital",
        "prison",
        "caserne",
        "commissariat",
        "gendarmerie",
        "mairie",
        "garnison",
        "militaire",
        "entrée",
        "sortie",
        "abords",
        "hauteur",
        "marché",
        "centre",
        "frontalière",
        "chef-lieu",
        "localités",
        "villages",
        # a town changing hands: "le contrôle total de Bakhmout", "la prise de Goma", "la chute de Kidal"
        "contrôle",
        "prise",
        "chute",
        "reprise",
        "encerclement",
        # "à une vingtaine de kilomètres de N'Guigmi", "à 30 km de Djibo"
        "kilomètre",
        "kilomètres",
        "km",
    }
)


# Verbs (lemmas) whose object is often a town named bare: "les FAMa ont repris lundi Tessit", "ont
# attaqué Djibo" (the model seldom tags a Sahelian name there), and the day words that may stand between.
_TAKING_VERBS = frozenset(
    {
        "reprendre",
        "prendre",
        "occuper",
        "conquérir",
        "attaquer",
        "bombarder",
        "pilonner",
        "frapper",
        "encercler",
        "assiéger",
        "investir",
        "libérer",
    }
)
_BETWEEN_VERB_AND_TOWN = frozenset(
    {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "matin", "soir"}
)

# Nouns of a settlement in an apposition that says what the name before it is: "Deliatyn, un village
# du sud-ouest de l'Ukraine" (the model may tag the name as anything).
_SETTLEMENT_NOUNS = frozenset({"village", "ville", "localité", "commune", "bourgade", "hameau", "cité"})
_APPOSITION_DETERMINERS = frozenset({"un", "une", "le", "la", "l'", "l’", "petit", "petite", "grande"})

# Particles inside a place name, when a capitalised word follows: "Deir ez-Zor", "Fada N'Gourma".
_NAME_PARTICLES = frozenset({"el", "al", "ez", "ed", "es", "ag", "n'", "n’", "de", "du"})


def _proper_run(doc: Doc, start: int) -> Span | None:
    """The run of capitalised tokens (with inner hyphens, apostrophes, particles) starting at `start`."""
    end = start
    while end < len(doc):
        tok = doc[end]
        if tok.text[:1].isupper() or (end > start and tok.text in {"-", "'", "’"}):
            end += 1
        elif (
            end > start
            and tok.lower_ in _NAME_PARTICLES
            and end + 1 < len(doc)
            and doc[end + 1].text[:1].isupper()
        ):
            end += 1
        else:
            break
    return doc[start:end] if end > start else None


def _apposed_name(doc: Doc, comma: int) -> Span | None:
    """ "Deliatyn, un village du sud-ouest de l'Ukraine": the capitalised name just before a comma
    that a settlement noun in apposition follows."""
    words = [t.lower_ for t in doc[comma + 1 : comma + 4]]
    if len(words) < 2 or words[0] not in _APPOSITION_DETERMINERS:
        return None
    if not any(w in _SETTLEMENT_NOUNS for w in words[1:3]):
        return None
    start = comma
    while start > 0 and (doc[start - 1].text[:1].isupper() or doc[start - 1].text in {"-", "'", "’"}):
        start -= 1
    if start == comma or doc[start].is_sent_start:
        return None  # no name, or a sentence's first word ("Hier, un village ...")
    return doc[start:comma]


def _name_part(tok: Token) -> bool:
    """A token that goes on a name: a proper noun, or a particle inside one ("N'" of "Fada N'Gourma"; not
    "de": "le Mali de Goïta" is two names)."""
    return tok.pos_ == "PROPN" or tok.text in {"-", "'", "’"} or tok.lower_ in _NAME_PARTICLES - {"de", "du"}


def _after_place_word(doc: Doc, start: int, end: int) -> int:
    """ "ville de Rome" -> "Rome", "base aérienne de Niamey" -> "Niamey": the model sometimes takes the
    place word (and its adjective) into the name."""
    if end - start >= 3 and doc[start].lower_ in _PLACE_HEADS:
        for i in range(start + 1, min(end - 1, start + 3)):
            if doc[i].lower_ in ("de", "d'", "d’", "du") and doc[i + 1].text[:1].isupper():
                return i + 1
    return start


def _a_number(span: Span) -> bool:
    """ "Douze personnes arrêtées …": a number word the model took for a name (La Douze, in France)."""
    return all(t.like_num for t in span)


def _institution(doc: Doc, head: int) -> bool:
    """ "le ministère de la Défense", "la direction de la Sécurité": not places."""
    return any(
        t.lower_ in ("ministère", "ministre", "direction", "secrétaire", "conseil", "cour")
        for t in doc[max(0, head - 3) : head]
    )


def _datelines(doc: Doc) -> list[Span]:
    """ "JUBA, 6 mars (AFP) -", "GOMA (RDC), 5 mai -": a name in capitals opening a line, then a comma
    or a bracket, is a wire dispatch's dateline (the model seldom tags a name in capitals)."""
    found = []
    for tok in doc:
        if tok.i > 0 and "\n" not in doc[tok.i - 1].text_with_ws[-1:] and not doc[tok.i - 1].is_space:
            continue
        end = tok.i
        while end < len(doc) and doc[end].text.isupper() and (doc[end].is_alpha or doc[end].text in "-'’"):
            end += 1
        if end > tok.i and end < len(doc) and doc[end].text in (",", "(") and len(doc[tok.i : end].text) >= 3:
            found.append(Span(doc, tok.i, end))
    return found


@Language.component("sitrep_places", requires=["doc.ents"], assigns=["doc.spans"])
def tag_place_candidates(doc: Doc) -> Doc:
    spans: list[Span] = []
    taken: set[int] = set()
    # (a dateline the model did tag, "BAMAKO, 15 fév 2024 (AMIC) –", is still a dateline)
    datelines = {(name.start, name.end) for name in _datelines(doc)}
    for ent in doc.ents:
        if (
            ent.label_ in _ENTITY_LABELS
            and ent.start not in taken
            and not _institution(doc, ent.start)
            and not _a_number(ent)
        ):
            start = _after_place_word(doc, ent.start, ent.end)
            end = ent.end
            run = _proper_run(doc, start)
            if run is not None and run.end > end and all(_name_part(t) for t in doc[end : run.end]):
                # "Dera Ismail Khan", "Fada N'Gourma": the model cut the name in two
                end = run.end
            label = DATELINE if (start, end) in datelines else "ner"
            spans.append(Span(doc, start, end, label=label))
            taken.update(range(ent.start, end))
    for tok in doc:
        if tok.lower_ not in _PLACE_HEADS or tok.i + 1 >= len(doc):
            continue
        nxt = tok.i + 1
        if doc[nxt].pos_ == "ADJ" and not doc[nxt].text[:1].isupper() and nxt + 1 < len(doc):
            nxt += 1  # "le contrôle total de Bakhmout", "la ville voisine de Kaya"
        if doc[nxt].lower_ in {"de", "d'", "d’", "du", "la", "l'", "l’"} and nxt + 1 < len(doc):
            nxt += 1
        run = _proper_run(doc, nxt)
        # The model tags many African names as common nouns ("à Bauchi": NOUN, PER); capitalised
        # after a place word, a noun is a name. The gazetteer decides later.
        # (or tags "N'Guigmi" as a determiner and an adjective, "à Pensa" as a verb: "il pensa")
        named = run is not None and any(t.pos_ in ("PROPN", "NOUN", "ADJ", "X", "VERB") for t in run)
        if run is None or not named or _institution(doc, tok.i):
            continue
        if not any(i in taken for i in range(run.start, run.end)):
            spans.append(Span(doc, run.start, run.end, label="context"))
            taken.update(range(run.start, run.end))
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_ not in _TAKING_VERBS:
            continue
        nxt = tok.i + 1
        while nxt < len(doc) and nxt - tok.i <= 2 and doc[nxt].lower_ in _BETWEEN_VERB_AND_TOWN:
            nxt += 1
        run = _proper_run(doc, nxt) if nxt < len(doc) and nxt > tok.i else None
        if run is not None and not any(i in taken for i in range(run.start, run.end)):
            spans.append(Span(doc, run.start, run.end, label="context"))
            taken.update(range(run.start, run.end))
    for start, end in sorted(datelines):
        if not any(i in taken for i in range(start, end)):
            spans.append(Span(doc, start, end, label=DATELINE))
            taken.update(range(start, end))
    for tok in doc:
        if tok.text != ",":
            continue
        name = _apposed_name(doc, tok.i)
        if name is not None and not any(i in taken for i in range(name.start, name.end)):
            spans.append(Span(doc, name.start, name.end, label="context"))
            taken.update(range(name.start, name.end))
    doc.spans[SPAN_KEY] = sorted(spans, key=lambda s: s.start)
    return doc
