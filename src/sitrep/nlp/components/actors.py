"""Actor mentions from the actor lexicon (named groups, state forces, generic actors)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.lexicons import load_lexicon
from sitrep.nlp.components.options import extra_dir_of
from sitrep.nlp.terms import TermMatcher, term_words
from sitrep.normalize import fold

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
        self.idea_nouns = frozenset(" ".join(t.words) for t in lexicon.context.get("idea_nouns", ()))
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
            if _describes_a_thing(span) or self._describes_an_idea(span):
                continue
            if spans and _restates(spans[-1], span):
                continue
            if spans and _names_the_group_of(spans[-1], span):
                spans.pop()  # "des miliciens de la Codeco": the Codeco, not an unnamed militia
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc

    def _describes_an_idea(self, span: Span) -> bool:
        """ "le parti islamiste Hizb ut-Tahrir", "un discours jihadiste": an unnamed armed actor's word
        as the adjective of a party, a speech or a creed (context.yaml idea_nouns) names nobody armed."""
        inter, _, _, generic = decode_actor(span.kb_id_)
        word = span[0]
        if not generic or inter not in _ARMED or len(span) != 1 or word.i == 0:
            return False
        before = span.doc[word.i - 1]
        return fold(before.lemma_) in self.idea_nouns or fold(before.text) in self.idea_nouns


#: Inter codes of armed actors (state forces, rebels, militias, external forces).
_ARMED = frozenset({1, 2, 3, 4, 8})
#: Words that may stand between a generic armed actor and the group it belongs to.
_OF = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "l'", "l’", "les"})
_MAX_BETWEEN = 4


def _names_the_group_of(generic: Span, named: Span) -> bool:
    """ "combattants présumés de l'EI", "casques bleus de la Minusma": an unnamed armed actor
    followed by "de" and a named armed group is that group; so is one the name follows after
    adjectives only ("des miliciens nationalistes amhara Fano", "des combattants islamistes shebab"),
    or at once ("des miliciens wazalendo", "des combattants nyatura")."""
    g_inter, _, _, g_generic = decode_actor(generic.kb_id_)
    n_inter, _, _, n_generic = decode_actor(named.kb_id_)
    if not g_generic or n_generic or g_inter not in _ARMED or n_inter not in _ARMED:
        return False
    between = generic.doc[generic.end : named.start]
    of = [t for t in between if t.lower_ in ("de", "du", "des", "d'", "d’")]
    adjectives = [t for t in between if t.lower_ not in _OF]
    return (
        len(between) <= _MAX_BETWEEN
        and (bool(of) or len(adjectives) == len(between))
        # (the parser tags a lower-case people's name as a proper noun: "amhara", "peul"; never a verb
        # or a preposition: "des jihadistes ont attaqué Barkhane")
        and all(
            t.pos_ == "ADJ" or "Part" in t.morph.get("VerbForm") or (t.is_lower and t.pos_ == "PROPN")
            for t in adjectives
        )
    )


def _describes_a_thing(span: Span) -> bool:
    """ "une cité commerçante", "le mouvement étudiant", "les organisations paysannes": a word for
    civilians used as the adjective of a thing names nobody. (Tags only: this runs before the parse.)"""
    inter, _, _, generic = decode_actor(span.kb_id_)
    word = span[0]
    return (
        generic
        and inter == 7
        and len(span) == 1
        and word.pos_ == "ADJ"
        and word.i > 0
        and span.doc[word.i - 1].pos_ == "NOUN"
    )


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
