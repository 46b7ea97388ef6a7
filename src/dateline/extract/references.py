"""Trivial reference resolution for actors: "he", "they", "the group".

Full coreference needs a model we do not ship; these rules only take the easy
cases and otherwise give up (None), as wrong actors are worse than missing ones.
An antecedent must be a named subject (a proper noun or named entity) whose kind
agrees with the reference (he/she: a person; it/the group: an organisation or
country; they: either, or a plural group noun), found earlier in the same sentence
or as the main subject of the sentence just before.
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
        t for t in sentence if t.i < token.i and t.dep_ in ANTECEDENT_DEPS and t.pos_ != "PRON"
    ]
    if token.pos_ == "PRON" and earlier:
        nearest = earlier[-1]
        if not (accepts(nearest) or _agrees(token, nearest)):
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
