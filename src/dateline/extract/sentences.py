"""Component ``dateline_sentence_breaks``: line breaks and datelines end sentences.

Reads: token text and whitespace. Writes: ``token.is_sent_start`` (True at a
boundary, left unset elsewhere so the parser still decides). Runs before the
parser, which otherwise joins a headline or a list line ("...to take arms:") to
the paragraph below it, and a dateline ("BEIRUT, Lebanon—") to the story's first
sentence, whose places it is not. A single line break before a lower-case word
is taken for hard-wrapped prose and left to the parser.
"""

from spacy.language import Language
from spacy.tokens import Doc, Token

from dateline.ingest.datelines import wire_dateline

# A dateline is a short all-caps place line ending in a dash, opening a paragraph.
DATELINE_MAX_TOKENS = 8
DATELINE_DASHES = ("\u2014", "\u2013", "--")


@Language.component(
    "dateline_sentence_breaks", assigns=["token.is_sent_start"], requires=["token.text"]
)
def sentence_breaks(doc: Doc) -> Doc:
    for token in doc[1:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        if token.text.count("\n") > 1 or not following.text[:1].islower():
            following.is_sent_start = True
    for token in doc:
        if _opens_paragraph(token) and _is_dateline_word(token):
            _break_after_dateline(doc, token)
    return doc


def _opens_paragraph(token: Token) -> bool:
    return token.i == 0 or "\n" in token.doc[token.i - 1].text_with_ws


def _is_dateline_word(token: Token) -> bool:
    return token.is_alpha and token.is_upper and len(token) > 1


def _break_after_dateline(doc: Doc, first: Token) -> None:
    line = doc.text[first.idx :].split("\n", 1)[0]
    wire = wire_dateline(line)  # "KIRKUK, Iraq, June 12, 2014 (Reuters) - ": its date too
    if wire is not None:
        story = doc.char_span(first.idx + wire.story_start, first.idx + wire.story_start + 1,
                              alignment_mode="expand")  # fmt: skip
        if story is not None and story.start < len(doc):
            doc[story.start].is_sent_start = True
            return
    for token in doc[first.i : first.i + DATELINE_MAX_TOKENS]:
        if "\n" in token.text:
            return
        dash = token.text in DATELINE_DASHES or token.text.endswith(DATELINE_DASHES)
        if dash and token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
            return
