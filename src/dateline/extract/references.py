"""Trivial reference resolution for actors: "he", "they", "the group".

Full coreference needs a model we do not ship; these rules only take the easy
cases and otherwise give up (None), as wrong actors are worse than missing ones.
An antecedent must be a named subject (a proper noun or named entity) whose kind
agrees with the reference (he/she: a person; it/the group: an organisation or
country; they: either, or a plural group noun), found earlier in the same sentence
or as the main subject of the sentence just before, and never the subject of an object
pronoun's own clause (binding: "they captured soldiers and released them" releases the
soldiers, not themselves). A subject inside a relative clause
("cities from which soldiers have fled") is embedded in a noun phrase, not a topic of the
sentence, and is skipped.

A bare definite description ("the planes", "the council") repeats an earlier mention with
the same head that names whose it is ("Syrian air planes", "the Security Council"), up to
a paragraph back: the reader identifies the referent that way (a definite presupposes a
familiar referent), not from the article's country. Singular role nouns ("the
government", "the army") are unique definites instead: the article's country's.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract import syntax

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
# Definite descriptions that point back to an organisation or a country named before.
GROUP_NOUNS = frozenset(
    {"group", "organisation", "organization", "movement", "militia", "alliance", "league",
     "coalition", "council", "body", "bloc", "party", "faction"}
)  # fmt: skip
COUNTRY_NOUNS = frozenset({"nation", "country", "kingdom", "republic"})
COUNTRY_LABELS = frozenset({"GPE"})
PERSON_LABELS = frozenset({"PERSON"})
PLURAL_NOUN_TAG = "NNS"
ANTECEDENT_DEPS = syntax.SUBJECT_DEPS | syntax.PASSIVE_SUBJECT_DEPS
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
# Determiners of a description that points back to something already told.
DEFINITE_DETERMINERS = frozenset({"the", "these", "those"})
# Modifiers with which a description names its referent itself ("the Syrian planes").
IDENTIFYING_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "appos"})
# Entity labels that say whose a thing is: "*Syrian* air planes", "the *Security Council*".
OWNER_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON"})
# How many sentences back a definite description looks for what it repeats: further
# than a pronoun's reach, about a paragraph.
DESCRIPTION_SENTENCES = 5
# A head this short is not matched as the end of a longer one ("warplanes" for "planes").
MIN_SUFFIX_HEAD = 4
# Clauses that modify a noun: their subjects are no candidates for a pronoun.
NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})


def needs_antecedent(token: Token) -> bool:
    """A pronoun, or "the group" with nothing else to name it."""
    if token.pos_ == "PRON":
        return True
    determiners = syntax.children(token, {"det"})
    return (
        token.lemma_.lower() in GROUP_NOUNS | COUNTRY_NOUNS
        and bool(determiners)
        and determiners[0].lower_ == "the"
        and not syntax.children(token, {"compound", "amod", "poss"})
        and not syntax.prep_objects(token, "of")
    )


def antecedent(token: Token) -> Token | None:
    """The subject ``token`` refers to, when the choice is easy; else None.

    For a pronoun the nearest earlier subject in its sentence decides: taken if it
    agrees (a name of the right kind, or a common noun of the right number: "the
    Iraqi government ... it would"), else no antecedent. Otherwise (nothing earlier,
    or "the group") a named subject is looked for, back to the previous sentence.
    """
    accepts = _acceptor(token)
    if accepts is None:
        return None
    sentence = token.sent
    earlier = [
        t
        for t in sentence
        if t.i < token.i
        and t.dep_ in ANTECEDENT_DEPS
        and t.pos_ != "PRON"
        and t.head.dep_ not in NOUN_CLAUSE_DEPS
    ]
    if token.pos_ == "PRON" and earlier:
        nearest = earlier[-1]
        if not (accepts(nearest) or _agrees(token, nearest)) or _clause_mate(token, nearest):
            return None
        # "The group said it ...": follow "the group" back to its name when there is one.
        return (needs_antecedent(nearest) and antecedent(nearest)) or nearest
    for candidate in reversed(earlier):
        if accepts(candidate):
            return candidate
    if sentence.start == 0:
        return None
    previous = token.doc[sentence.start - 1].sent
    subject = syntax.subject(previous.root) if previous.root.pos_ in {"VERB", "AUX"} else None
    return subject if subject is not None and accepts(subject) else None


def _clause_mate(pronoun: Token, candidate: Token) -> bool:
    """ "the rebels captured soldiers and released *them*": an object pronoun is never its
    own clause's subject (that would be "themselves"), nor one of several subjects the
    parser gave that verb ("the brothers, Ali and Omar, carried the bombs before detonating
    them")."""
    if pronoun.dep_ not in syntax.OBJECT_DEPS:
        return False
    subject = syntax.subject(pronoun.head)
    if subject is None:
        return False
    mates = {subject.i, *(t.i for t in subject.conjuncts)}
    mates |= {t.i for t in subject.head.children if t.dep_ in syntax.SUBJECT_DEPS}
    return candidate.i in mates


def bare_definite(token: Token) -> bool:
    """ "the planes", "the council": a plural or a group noun with a definite determiner and
    nothing that says whose or which it is. A singular role noun ("the government", "the
    army") is a unique definite, the one of the country the story is about, not a
    repetition of the last one named."""
    anaphoric = token.tag_ == PLURAL_NOUN_TAG or token.lemma_.lower() in GROUP_NOUNS
    if token.pos_ != "NOUN" or not anaphoric:
        return False
    determiners = syntax.children(token, {"det"})
    return (
        bool(determiners)
        and determiners[0].lower_ in DEFINITE_DETERMINERS
        and not syntax.children(token, IDENTIFYING_DEPS)
        and not syntax.prep_objects(token, "of")
    )


def repeated_mention(token: Token) -> Token | None:
    """The nearest earlier mention, up to ``DESCRIPTION_SENTENCES`` back, that a bare
    definite description repeats: the same head ("the planes" after "Syrian Army
    warplanes") naming whose it is."""
    head = token.lemma_.lower()
    doc = token.doc
    start = token.sent.start
    for _ in range(DESCRIPTION_SENTENCES):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for candidate in reversed(doc[start : token.i]):
        if _same_head(candidate, head) and _owned(candidate):
            return candidate
    return None


def _same_head(candidate: Token, head: str) -> bool:
    if candidate.pos_ not in {"NOUN", "PROPN"}:
        return False
    lemma = candidate.lemma_.lower()
    return lemma == head or (len(head) >= MIN_SUFFIX_HEAD and lemma.endswith(head))


def _owned(candidate: Token) -> bool:
    """A named thing, or one whose modifiers name whose it is."""
    if candidate.ent_type_ in OWNER_LABELS:
        return True
    return any(
        (child.dep_ == "poss" and child.pos_ != "PRON") or child.ent_type_ in OWNER_LABELS
        for child in syntax.children(candidate, IDENTIFYING_DEPS)
    )


def _agrees(pronoun: Token, noun: Token) -> bool:
    """A common noun of the pronoun's number ("they" and "the rebels")."""
    if noun.pos_ != "NOUN":
        return False
    plural = noun.tag_ == PLURAL_NOUN_TAG
    return plural if pronoun.lower_ in PLURAL_PRONOUNS else not plural


def _acceptor(token: Token):
    word = token.lower_
    if word in PERSON_PRONOUNS:
        return lambda t: _named(t, PERSON_LABELS)
    if token.lemma_.lower() in COUNTRY_NOUNS:
        return lambda t: t.ent_type_ in COUNTRY_LABELS
    if token.pos_ != "PRON":
        return lambda t: t.ent_type_ == "ORG"
    if word in GROUP_PRONOUNS:
        return lambda t: _named(t, GROUP_LABELS)
    if word in PLURAL_PRONOUNS:
        return lambda t: _named(t, GROUP_LABELS) or (t.tag_ == "NNS" and t.pos_ == "NOUN")
    return None


def _named(token: Token, labels: frozenset[str]) -> bool:
    return token.ent_type_ in labels or (token.pos_ == "PROPN" and not token.ent_type_)
