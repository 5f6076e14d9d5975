"""Factuality and attribution cues from the cue lexicon; label = cue category."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.lexicons import load_lexicon
from sitrep.nlp.components.options import extra_dir_of
from sitrep.nlp.terms import TermMatcher, term_words

SPAN_KEY = "sitrep_cues"


class CueTagger:
    def __init__(self, language: str, lexicon_dir: str):
        lexicon = load_lexicon(language, extra_dir=extra_dir_of(lexicon_dir))
        self.matcher: TermMatcher[str] = TermMatcher(
            (term_words(term.words, term.text), category)
            for category, terms in lexicon.cues.items()
            for term in terms
        )

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match in self.matcher.find(doc, overlapping=True):
            span = match.span
            span.label_ = match.payload
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory(
    "sitrep_cues",
    default_config={"language": "fr", "lexicon_dir": ""},
    requires=["token.lemma"],
    assigns=["doc.spans"],
)
def make_cue_tagger(nlp: Language, name: str, language: str, lexicon_dir: str) -> CueTagger:
    return CueTagger(language, lexicon_dir)
