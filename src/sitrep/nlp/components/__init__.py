"""sitrep's spaCy components. Importing this package registers their factories.

sitrep_paragraphs runs before the parser and starts a sentence after every line break.
Each other component writes one span group (doc.spans[KEY]); the events layer reads them:

    sitrep_triggers    event triggers, label = ACLED sub-event type      -> doc.spans["sitrep_triggers"]
    sitrep_actors      actor mentions, label = actor name (or template)  -> doc.spans["sitrep_actors"]
    sitrep_cues        factuality/attribution cues, label = category     -> doc.spans["sitrep_cues"]
    sitrep_places      place-name candidates, label = how found          -> doc.spans["sitrep_places"]
"""

from sitrep.nlp.components import actors, cues, paragraphs, places, triggers

TRIGGERS = triggers.SPAN_KEY
ACTORS = actors.SPAN_KEY
CUES = cues.SPAN_KEY
PLACES = places.SPAN_KEY
DATELINE = places.DATELINE

__all__ = ["TRIGGERS", "ACTORS", "CUES", "PLACES", "DATELINE", "paragraphs"]
