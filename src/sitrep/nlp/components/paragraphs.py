"""Paragraph breaks are sentence breaks.

The French model's parser reads a headline and the lede under it as one sentence when only a
line break separates them ("Au moins vingt civils tués ... près de Bandiagara\\n\\nDes hommes armés
ont tué ..."): the headline's noun then becomes the subject of the lede's verb, and every role read
from the parse is wrong. This component runs before the parser and starts a sentence at the first
token after a line break; the parser keeps boundaries that are already set. It also keeps the
paragraph's first two words together: the parser sometimes cuts after a capitalised number that
opens a paragraph ("Douze | soldats tués, selon le ministère"), losing the toll. And inside a
paragraph, a sentence starts only after a full stop, a question or exclamation mark, an ellipsis,
a colon or semicolon, or a closing quote: the parser otherwise cuts inside long capitalised names
("des miliciens du groupe Azande Ani | Kpi | Gbe (AAKG), ont fait irruption"), and the actor falls
out of the sentence that tells what it did.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

#: what may come just before a sentence inside a paragraph: an end ("M." ends in a full stop too: the
#: parser decides there), or an opening quote or dash the parser may leave at the previous sentence's end
_BEFORE_A_START = (".", "!", "?", "…", ":", ";", "»", '"', "”", "«", "“", "–", "—")
#: what never starts a sentence
_NEVER_FIRST = frozenset({",", ";", ":", ")", "]", "»", "”", "."})


@Language.component("sitrep_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    after_break = False
    previous = None
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        inside = previous is not None and not previous.text.endswith(_BEFORE_A_START)
        if not after_break and (inside or token.text in _NEVER_FIRST):
            token.is_sent_start = False
        previous = token
        if after_break and token.i > 0:
            token.is_sent_start = True
            following = token.i + 1
            if (
                following < len(doc)
                and not token.is_punct
                and not doc[following].is_punct
                and not doc[following].is_space
                and "\n" not in token.whitespace_
            ):
                doc[following].is_sent_start = False
        after_break = "\n" in token.whitespace_
    return doc
