"""Paragraph breaks are sentence breaks.

The French model's parser reads a headline and the lede under it as one sentence when only a
line break separates them ("Au moins vingt civils tués ... près de Bandiagara\\n\\nDes hommes armés
ont tué ..."): the headline's noun then becomes the subject of the lede's verb, and every role read
from the parse is wrong. This component runs before the parser and starts a sentence at the first
token after a line break; the parser keeps boundaries that are already set. It also keeps the
paragraph's first two words together: the parser sometimes cuts after a capitalised number that
opens a paragraph ("Douze | soldats tués, selon le ministère"), losing the toll.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("sitrep_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
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
