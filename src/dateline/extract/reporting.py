"""Whether a trigger word reports a particular event, by its place in the parse.

Small tests over one token, shared by ``dateline_triggers``: a verbless headline
("5 civilians killed in Idlib"), a counted victim ("where nine people were
killed"), a definite event noun that tells something of its own ("the attack on
the checkpoint") against one that only points back ("the attack marks ..."), and
nouns that classify rather than report ("the war is a proxy battle").
"""

from spacy.tokens import Token

from dateline.extract import syntax

# A verbless headline's root: "14 rebels killed ...", "15 killed ...".
HEADLINE_ROOT_POS = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
# Determiners that point at an event already known to the reader ("the explosion").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "each"})
SINGULAR_TAGS = frozenset({"NN", "NNP"})
# Where or when names an event ("the Manchester bombing"); who does not ("ISIS attacks").
NAMED_EVENT_LABELS = frozenset({"GPE", "LOC", "FAC", "EVENT", "DATE", "TIME"})
# Dependencies of a noun on the verb that carries its arguments.
NOUN_ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "attr"})


def headline_clause(verb: Token) -> bool:
    """ "5 civilians killed in Idlib": a headline drops its auxiliary, so the participle
    hangs from the sentence's root noun instead of heading the clause."""
    root = verb.head
    return verb.dep_ == "acl" and root.dep_ == "ROOT" and root.pos_ in HEADLINE_ROOT_POS


def headline_root(noun: Token) -> bool:
    """ "Violent clashes between the army and ISIS in Hama": a verbless headline told by its
    event noun (or nouns: "Intense battles and air strikes on the outskirts")."""
    if noun.dep_ == "conj":
        noun = noun.head
    return noun.dep_ == "ROOT" and noun.pos_ in {"NOUN", "PROPN"}


def counted_noun(noun: Token) -> bool:
    """ "5 casualties", "three martyrs": a number of dead reports their deaths."""
    return any(child.dep_ == "nummod" for child in noun.children)


def counted(verb: Token) -> bool:
    """ "the depot, where nine people were killed": a toll makes a relative clause news."""
    victims = syntax.children(verb, {"nsubjpass", "dobj", "nsubj"})
    if verb.dep_ == "acl":
        victims.append(verb.head)  # "5 persons killed in the raid"
    return any(
        (victim.pos_ == "NUM" or syntax.children(victim, {"nummod"})) and not definite(victim)
        for victim in victims
    )


def definite(noun: Token) -> bool:
    """ "the 12 killed": a group already counted, told again."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children)


def nominal(verb: Token) -> bool:
    """ "the wounded included a general": a participle standing for the people."""
    return verb.dep_ in NOUN_ARGUMENT_DEPS | {"pobj"} and definite(verb)


def names_event(modifier: Token, noun: Token) -> bool:
    """Where or when names an event ("the May 22 attack"); a name names one attack ("the
    Manchester bombing") but not a campaign ("ISIS attacks")."""
    if modifier.ent_type_ in NAMED_EVENT_LABELS:
        return True
    return modifier.pos_ == "PROPN" and noun.tag_ in SINGULAR_TAGS


def predicate(noun: Token) -> bool:
    """ "is a battle between ...": a noun that classifies its subject."""
    while noun.dep_ == "conj" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
    return noun.dep_ == "attr" or noun.head.lemma_ == "be"


def existential(noun: Token) -> bool:
    """ "There was an explosion": the sentence asserts that the event took place."""
    head = noun.head
    return (
        noun.dep_ == "attr"
        and head.lemma_ == "be"
        and any(child.dep_ == "expl" for child in head.children)
    )


def told_more(noun: Token) -> bool:
    """ "the attack on the base", "the bombing that killed six", "claimed the attack": a
    definite event noun with a phrase or a verb of its own tells something of the event; a
    bare "the attack marks ..." only points back at one already told."""
    if any(child.dep_ in {"prep", "relcl", "acl"} for child in noun.children):
        return True
    return noun.dep_ in {"dobj", "pobj"}


def particular(noun: Token, modifiers: frozenset[str]) -> bool:
    """ "the explosion", "Saturday's attack", "the deadly blast": a particular event the
    reader knows of, not attacks in general ("a cheap way to attack"). ``modifiers`` are
    the words that mark one ("deadly", "suicide")."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in DEFINITE_DETERMINERS and told_more(noun):
            return True
        if child.dep_ == "prep" and child.lower_ == "between" and not predicate(noun):
            # Both sides named: "clashes between the army and the rebels"; but "the war
            # is a proxy battle between their patrons" only says what it is like.
            return True
        if child.dep_ == "poss" and noun.tag_ in SINGULAR_TAGS:
            return True  # "Saturday's attack"; "ISIS' attacks" is a campaign, told whole
        if child.dep_ in {"amod", "compound"} and child.lemma_.lower() in modifiers:
            return True
        if child.dep_ in {"compound", "nmod"} and names_event(child, noun):
            return True  # a named event: "the Boston Marathon bombing", "the May 22 attack"
    return existential(noun)


def news_despite_modifying(verb: Token) -> bool:
    """A violent verb used as a modifier still reports news in a headline ("5 civilians
    killed in Idlib") or with a counted victim ("the depot, where nine were killed")."""
    return headline_clause(verb) or counted(verb)
