"""Event triggers from the trigger lexicon: each match is labelled with its ACLED sub-event type."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.lexicons import load_lexicon
from sitrep.nlp.components.options import extra_dir_of
from sitrep.nlp.terms import TermMatcher, term_words

SPAN_KEY = "sitrep_triggers"
AMBIGUOUS = "ambiguous"


class TriggerTagger:
    def __init__(self, language: str, lexicon_dir: str):
        lexicon = load_lexicon(language, extra_dir=extra_dir_of(lexicon_dir))
        self.matcher: TermMatcher[tuple[str, bool]] = TermMatcher(
            (term_words(term.words, term.text), (entry.sub_event_type, entry.ambiguous))
            for entry in lexicon.triggers
            for term in entry.terms
        )

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        # Of two overlapping terms of one length, the clear one: "Des frappes aériennes" is an air
        # strike ("frappes aériennes"), not the ambiguous "des frappes".
        for match in self.matcher.find(doc, prefer=lambda payload: int(payload[1])):
            sub_event_type, ambiguous = match.payload
            span = match.span
            span.label_ = sub_event_type
            span.kb_id_ = AMBIGUOUS if ambiguous else ""
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory(
    "sitrep_triggers",
    default_config={"language": "fr", "lexicon_dir": ""},
    requires=["token.lemma"],
    assigns=["doc.spans"],
)
def make_trigger_tagger(nlp: Language, name: str, language: str, lexicon_dir: str) -> TriggerTagger:
    return TriggerTagger(language, lexicon_dir)
