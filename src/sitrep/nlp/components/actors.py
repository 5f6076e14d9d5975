"""Actor mentions from the actor lexicon (named groups, state forces, generic actors)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.lexicons import load_lexicon
from sitrep.nlp.components.options import extra_dir_of
from sitrep.nlp.terms import TermMatcher, term_words

SPAN_KEY = "sitrep_actors"


def encode_actor(inter: int, country: str | None, kind: str, generic: bool) -> str:
    """Actor attributes packed into Span.kb_id_ (span groups keep only strings)."""
    return f"{inter}|{country or ''}|{kind}|{'generic' if generic else 'named'}"


def decode_actor(kb_id: str) -> tuple[int, str | None, str, bool]:
    inter, country, kind, generic = kb_id.split("|")
    return int(inter), country or None, kind, generic == "generic"


class ActorTagger:
    def __init__(self, language: str, lexicon_dir: str):
        lexicon = load_lexicon(language, extra_dir=extra_dir_of(lexicon_dir))
        entries = list(lexicon.actors) + list(lexicon.generic_actors)
        self.matcher: TermMatcher[tuple[str, str]] = TermMatcher(
            (
                term_words(alias.words, alias.text),
                (entry.name, encode_actor(entry.inter, entry.country, entry.kind, entry.generic)),
            )
            for entry in entries
            for alias in entry.aliases
        )

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match in self.matcher.find(doc):
            span = match.span
            span.label_, span.kb_id_ = match.payload
            if spans and _restates(spans[-1], span):
                continue
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


def _restates(previous: Span, span: Span) -> bool:
    """ "Forces démocratiques syriennes (FDS)": a bracketed acronym right after a name is that name."""
    doc = span.doc
    return (
        span.start >= 1
        and doc[span.start - 1].text == "("
        and previous.end == span.start - 1
        and span.end < len(doc)
        and doc[span.end].text == ")"
    )


@Language.factory(
    "sitrep_actors",
    default_config={"language": "fr", "lexicon_dir": ""},
    requires=["token.lemma"],
    assigns=["doc.spans"],
)
def make_actor_tagger(nlp: Language, name: str, language: str, lexicon_dir: str) -> ActorTagger:
    return ActorTagger(language, lexicon_dir)
