"""Component ``dateline_line_breaks``: a line break ends a sentence.

Reads: token text and whitespace. Writes: ``token.is_sent_start`` (True at a
boundary, left unset elsewhere so the parser still decides). Runs before the
parser, which otherwise joins a headline or a list line ("...to take arms:") to
the paragraph below it. A single line break before a lower-case word is taken
for hard-wrapped prose and left to the parser.
"""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component(
    "dateline_line_breaks", assigns=["token.is_sent_start"], requires=["token.text"]
)
def line_breaks(doc: Doc) -> Doc:
    for token in doc[1:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        if token.text.count("\n") > 1 or not following.text[:1].islower():
            following.is_sent_start = True
    return doc
