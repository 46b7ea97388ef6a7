"""Given or new: which trigger words report an event, and which point back at one told.

An article reports its attack once, then keeps referring to it: "the attack", "the
blast", "six soldiers were killed", "they killed 23 soldiers". Some of those later
words add no event; they are coreferent with the first report. A trigger is *given*
when an event of its type was reported in an earlier sentence and it brings nothing
new (no place or date, and for a noun no name, that the text has not mentioned), and:

- it is a toll with no killer of its own ("six soldiers were killed", "they killed
  23", "was killed by a roadside bomb"): the casualties of the attack just told,
  unless it opens another report ("*elsewhere*", "in a *separate* incident"); or
- it is a definite event noun ("the attack", "this bombing", "Saturday's blast") that
  the words above it only presuppose: who took part in it ("those *involved in* the
  attack"), how people reacted to it ("*condemned* the bombing"), who saw it. A
  definite noun that is narrated ("the explosion shattered the windows", "after the
  bombing") is kept: news tells an event again as it goes on, and such a mention
  carries roles and times of its own. A claim of responsibility ("claimed the
  bombing", "responsible for the attack") is kept too: it is how news names an
  attack's author; or
- it is a definite event noun that is the subject of an outcome verb ("the attack
  killed four soldiers"): the toll of the attack just told, under the same conditions
  as a toll; or
- it is a definite event noun in a question about its doer ("it was not clear *who*
  carried out the raid"): the question presupposes the event.

A given trigger is kept, marked with its antecedent: the latest trigger of its type in
an earlier sentence that is not given itself. It adds no event; it adds what it says
(a toll, a victim) to the event told.

A given toll marked as added ("two *more* soldiers died", "a passer-by was *also*
killed", "*another* soldier was killed") tells more of the same count, not the count
again: :func:`additive` finds the mark, and ``extract.mentions`` adds the figure to the
toll the document has told.

A definite noun told again also takes the type of its first mention: "police launched
raids ... shouting during the raids" is the police operation, not a new attack.

Hand-written: spaCy's English models ship no coreference; these rules take only the
cases that need no model (same type, earlier in the text, nothing new).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from spacy.tokens import Token

from dateline.extract import syntax
from dateline.extract.reporting import DEFINITE_DETERMINERS

# Entities whose first appearance makes a mention news: a new place or date, and for an
# event noun a new name too ("the attack by the Taliban"). A toll's new names are its
# victims ("a commander of the militia was also killed"), not a new attack.
SETTING_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
NEW_INFORMATION_LABELS = SETTING_LABELS | {"PERSON", "ORG", "NORP", "EVENT"}
# Determiners of a definite description ("the attack", "this bombing").
REFERRING_DETERMINERS = DEFINITE_DETERMINERS - {"each"}
NOUN_POS = frozenset({"NOUN", "PROPN"})
# "who", "what", "whoever" heading a question ("not clear who carried out the raid").
QUESTION_WORD_TAGS = frozenset({"WP"})
# A pronoun killer only points back at the attackers already named ("they killed 23").
ANAPHORIC_POS = frozenset({"PRON"})
# Word classes of what a killing is done with: "killed by a roadside bomb" names no killer.
MEANS_CLASSES = ("EXPLOSIVES", "ARTILLERY", "FIREARMS", "VIOLENT_EVENTS")
# Words above an event noun that presuppose it rather than report it.
PRESUPPOSING_CLASS = "PRESUPPOSING_HEADS"
# Words that open the report of another event ("*Elsewhere*, two soldiers were killed").
NEW_EVENT_CLASS = "NEW_EVENT_CUES"
# Prepositions whose named object is a place.
PLACE_PREPS = frozenset({"in", "near", "at", "outside", "inside"})
# Prepositions that place an event in time: their object is no argument of the verb.
TIME_PREPS = frozenset(
    {"after", "before", "during", "since", "until", "following", "amid", "throughout"}
)

# Words that mark a toll as added to one told ("two *more*", "*also* killed").
ADDITIVE_CLASS = "ADDITIVE_CUES"
# Where the mark sits: on the number, on the victims' noun, or on the toll's verb.
ADDITIVE_DEPS = frozenset({"advmod", "amod", "det", "npadvmod", "nummod"})
# Arguments of the toll's verb whose modifiers may mark the count ("*another* soldier").
VICTIM_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})

# Row keys that say what kind of event a mention reports.
KIND_KEYS = ("type", "mode", "acled")

ClassTest = Callable[[Token, str | list[str]], bool]
WordTest = Callable[[Token], bool]


class Told(Protocol):
    """A trigger found: its word and its lexicon row (``triggers.Candidate``)."""

    token: Token
    entry: dict


def mark_given(
    candidates: Sequence[Told], *, in_class: ClassTest, outcome_word: WordTest
) -> dict[int, Token]:
    """For each given candidate, by its token's index, the trigger it points back at.

    ``candidates`` come in text order; a repeated definite noun takes the type of its
    first mention (its entry is replaced). ``in_class(token, names)`` tests word-class
    membership (the lexicon's classes); ``outcome_word(token)`` whether a word tells an
    event's toll ("killed", "wounded").
    """
    antecedents: dict[int, Token] = {}
    latest: dict[str, Token] = {}  # type -> its latest new trigger in the sentences before
    first: dict[tuple[str, str], dict] = {}  # (lemma, POS) -> the entry of its first mention
    sentence, current = None, {}
    for candidate in candidates:
        start = candidate.token.sent.start
        if start != sentence:
            latest.update(current)
            sentence, current = start, {}
        word = (candidate.token.lemma_.lower(), candidate.token.pos_)
        if word in first and _repeated(candidate.token):
            candidate.entry = _as_first(candidate.entry, first[word])
        first.setdefault(word, candidate.entry)
        kind = candidate.entry["type"]
        if kind in latest and _given(candidate, in_class, outcome_word):
            antecedents[candidate.token.i] = latest[kind]
        else:
            current[kind] = candidate.token
    return antecedents


def _as_first(entry: dict, first: dict) -> dict:
    """The entry with the type, mode and ACLED pair of the event's first mention."""
    kept = {key: value for key, value in entry.items() if key not in KIND_KEYS}
    return {**kept, **{key: first[key] for key in KIND_KEYS if key in first}}


def _given(candidate: Told, in_class: ClassTest, outcome_word: WordTest) -> bool:
    token = candidate.token
    if candidate.entry.get("outcome"):
        return no_killer(token, in_class) and not _opens_report(token, in_class)
    if brings_news(token) or not definite_reference(token):
        return False
    if _toll_subject(token, outcome_word):
        return not _opens_report(token.head, in_class)
    above = governor(token)
    return above is not None and (in_class(above, PRESUPPOSING_CLASS) or _asked_about(above))


def _asked_about(verb: Token) -> bool:
    """ "it was not clear who carried out the raid": a question about an event's doer
    presupposes the event."""
    subject = syntax.subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
    return subject is not None and subject.tag_ in QUESTION_WORD_TAGS


def _opens_report(head: Token, in_class: ClassTest) -> bool:
    """A new place or date under ``head``, or a word that opens another report."""
    return new_setting(head) or any(in_class(t, NEW_EVENT_CLASS) for t in head.subtree)


def _toll_subject(noun: Token, outcome_word: WordTest) -> bool:
    """ "the attack killed four soldiers": the event noun is the subject of its toll."""
    return noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and outcome_word(noun.head)


def _repeated(token: Token) -> bool:
    """ "the raids" after "launched raids": a definite noun that adds nothing names the
    event its first mention named."""
    return definite_reference(token) and not brings_news(token)


def brings_news(head: Token, *, labels: frozenset[str] = NEW_INFORMATION_LABELS) -> bool:
    """Whether the phrase under ``head`` names a place, date or name (entities of
    ``labels``) not told before."""
    doc = head.doc
    told = doc.text[: head.left_edge.idx].lower()
    return any(
        token.ent_type_ in labels
        and token.ent_iob_ == "B"
        and _entity_text(token).lower() not in told
        for token in head.subtree
    )


def new_setting(head: Token) -> bool:
    """A new place or date under ``head``; a name after "in", "near", "at" is a place
    whatever label the tagger gave it ("In Samarra, nine were killed")."""
    if brings_news(head, labels=SETTING_LABELS):
        return True
    told = head.doc.text[: head.left_edge.idx].lower()
    return any(
        token.dep_ == "pobj"
        and token.pos_ == "PROPN"
        and token.head.lower_ in PLACE_PREPS
        and token.text.lower() not in told
        for token in head.subtree
    )


def _entity_text(first: Token) -> str:
    doc = first.doc
    end = first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[first.i : end].text


def definite_reference(noun: Token) -> bool:
    """ "the attack", "this bombing", "Saturday's blast": a noun that names an event
    the reader is taken to know."""
    if noun.pos_ not in NOUN_POS:
        return False
    if noun.dep_ == "compound":
        noun = noun.head  # "the bombing suspect": the determiner is the head's
    return any(
        (child.dep_ == "det" and child.lower_ in REFERRING_DETERMINERS) or child.dep_ == "poss"
        for child in noun.children
    )


def governor(noun: Token) -> Token | None:
    """The word an event noun is an argument of: the verb or noun above its preposition
    ("involved *in* the attack" -> involve), else its head; None for a time adjunct
    ("seen *after* the bombing" says when, not what was seen)."""
    if noun.dep_ == "compound":
        noun = noun.head  # "involved in the assassination attempt"
    head = noun.head
    if noun.dep_ != "pobj":
        return head
    if head.lower_ in TIME_PREPS:
        return None
    return head.head


def no_killer(verb: Token, in_class: ClassTest) -> bool:
    """ "six soldiers were killed", "they killed 23", "killed by a roadside bomb": no one
    is named who did it but a pronoun for those told, or the weapon or attack."""
    if verb.pos_ != "VERB":
        return False
    if syntax.is_passive(verb):
        agents = syntax.prep_objects(verb, "by")
        agent = agents[0] if agents else None
    else:
        agent = syntax.subject(verb)
    return agent is None or agent.pos_ in ANAPHORIC_POS or in_class(agent, list(MEANS_CLASSES))


def additive(figure: Token, is_cue: WordTest) -> bool:
    """Whether the count at ``figure`` (its number, or its verb for a bare "were killed")
    adds to a toll already told: "two *more* soldiers", "*another* soldier was killed",
    "a passer-by was *also* killed", "the attack *also* killed two". ``is_cue`` tests the
    words of the additive class; "more than 120" is a hedge, not an addition."""
    noun = figure.head if figure.dep_ == "nummod" else figure
    verb = noun.head if noun.dep_ in VICTIM_DEPS else noun
    words = [*figure.children, *noun.children, *verb.children]
    words.extend(c for arg in syntax.children(verb, VICTIM_DEPS) for c in arg.children)
    return any(
        word.dep_ in ADDITIVE_DEPS and is_cue(word) and not _comparative(word) for word in words
    )


def _comparative(word: Token) -> bool:
    """ "more than 120", "more people than last week": a comparison, not an addition."""
    return any(token.lower_ == "than" for token in word.head.subtree if token.i > word.i)
