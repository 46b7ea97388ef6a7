"""Small helpers over spaCy's dependency parse, shared by the extraction components.

Hand-written because spaCy gives the tree but not these argument-level views
(subject through control and coordination, the of-chain of "flights of tons of
equipment", the noun phrase with compounds and possessors).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
PREP_DEPS = frozenset({"prep", "agent", "dative"})
# Modifiers kept in an actor or place phrase: "Syrian Army warplanes", "Iran's Revolutionary Guard".
NP_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
# Quantity words left out of a phrase: "at least 57 civilians" names "civilians".
QUANTITY_LEMMAS = frozenset({"more", "several", "many", "few", "other", "some", "least", "most"})
# Heads whose "of" phrase names the real referent: "two battalions of the Quds Forces".
PARTITIVE_LEMMAS = frozenset(
    {"battalion", "unit", "member", "group", "brigade", "division", "company", "thousand",
     "hundred", "dozen", "scores", "score", "team", "contingent", "detachment", "fleet",
     "branch", "wing", "representative", "delegation", "some", "many", "most", "all", "one",
     "two", "three", "several", "part", "parts"}
)  # fmt: skip
# How far down an of-chain we look for an object's class ("flights of 70 tons of equipment").
MAX_OF_CHAIN = 3
# Relative pronouns stand for the noun their clause modifies ("forces that attacked").
RELATIVE_TAGS = frozenset({"WDT", "WP"})
# How many prepositions and nouns we climb from a gerund to its verb.
MAX_PREP_CLIMB = 4
# A clause boundary: arguments are not inherited across these.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis", "pcomp"})


def is_passive(verb: Token) -> bool:
    """ "were killed", and the reduced passive of a participle after its noun ("civilians
    killed in the raid")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    return any(
        child.dep_ in PASSIVE_SUBJECT_DEPS or child.dep_ == "auxpass" for child in verb.children
    )


def children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def prep_objects(token: Token, prep: str) -> list[Token]:
    """Objects of the preposition ``prep`` attached to ``token`` ("fell *to* the insurgents")."""
    found = []
    for child in token.children:
        if child.dep_ in PREP_DEPS and child.lower_ == prep:
            found.extend(grandchild for grandchild in child.children if grandchild.dep_ == "pobj")
            if child.dep_ == "agent":
                found.extend(children(child, {"pobj"}))
    return list(dict.fromkeys(found))


def subject(verb: Token) -> Token | None:
    """The grammatical subject, following coordination, control and participles.

    "planes entered X and struck Y": *struck* shares *planes*; "urged fighters to
    march": *march* takes *fighters*; "attacks a market, killing 71": *killing*
    takes the attacker.
    """
    seen = 0
    token = verb
    while seen < 4:
        own = children(token, SUBJECT_DEPS)
        if own and own[0].tag_ in RELATIVE_TAGS and token.dep_ == "relcl":
            return token.head
        if own:
            return own[0]
        if token.dep_ == "conj" and token.head.pos_ in {"VERB", "AUX"}:
            shared = children(token.head, PASSIVE_SUBJECT_DEPS)
            if shared and not children(token.head, SUBJECT_DEPS) and not is_passive(token):
                return shared[0]  # "the bomb was placed ... and exploded"
            token = token.head
        elif token.dep_ == "xcomp":
            controllers = children(token.head, OBJECT_DEPS)
            if controllers:
                return controllers[0]
            token = token.head
        elif _passes_subject_up(token):
            token = token.head
        elif token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN"}:
            return token.head
        elif token.dep_ == "pcomp":  # "in addition to launching": climb to the verb
            token = _governing_verb(token)
            if token is None:
                return None
        else:
            return None
        seen += 1
    return None


def _passes_subject_up(token: Token) -> bool:
    """A participle clause ("..., killing 71") or an adjective ("he is ready to meet")
    takes the subject of the clause above."""
    return token.dep_ == "acomp" or (token.dep_ == "advcl" and not children(token, {"mark"}))


def _governing_verb(token: Token) -> Token | None:
    for _ in range(MAX_PREP_CLIMB):
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.dep_ not in {"prep", "pobj", "pcomp"}:
            return None
    return None


def passive_subject(verb: Token) -> Token | None:
    own = children(verb, PASSIVE_SUBJECT_DEPS)
    if own:
        return own[0]
    if verb.dep_ == "conj" and is_passive(verb.head):
        return passive_subject(verb.head)
    if verb.dep_ in {"acl"} and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    return None


def direct_objects(token: Token) -> list[Token]:
    """What the action is done to: direct object, or the subject of a passive."""
    if token.pos_ in {"NOUN", "PROPN"}:
        return [*prep_objects(token, "of")]
    objects = children(token, OBJECT_DEPS)
    if not objects and is_passive(token):
        patient = passive_subject(token)
        objects = [patient] if patient is not None else []
    return objects


def with_conjuncts(token: Token) -> list[Token]:
    """``token`` and the nouns coordinated with it ("Saadiyah and Jalawla")."""
    return [token, *(t for t in token.conjuncts if t.i > token.i)]


def of_chain(token: Token) -> Iterator[Token]:
    """``token``, its conjuncts and nouns down its "of" phrases, a few levels deep."""
    frontier = with_conjuncts(token)
    for _ in range(MAX_OF_CHAIN):
        next_frontier = []
        for item in frontier:
            yield item
            for pobj in prep_objects(item, "of"):
                next_frontier.extend(with_conjuncts(pobj))
        frontier = next_frontier
    yield from frontier


def noun_phrase(token: Token) -> Span:
    """The phrase naming ``token``: its compounds, adjectives and possessor, no clauses.

    A partitive head ("two battalions of the Quds Forces") keeps its "of" phrase; a
    named entity is never cut in half; a leading determiner is dropped.
    """
    doc = token.doc
    members = [token]
    for child in token.children:
        if child.dep_ in NP_MODIFIER_DEPS and child.lemma_.lower() not in QUANTITY_LEMMAS:
            members.extend(child.subtree)
    for pobj in prep_objects(token, "of"):
        # "two battalions of the Quds Forces", "the government of Nouri al-Maliki"
        if token.lemma_.lower() in PARTITIVE_LEMMAS or (pobj.pos_ == "PROPN" and pobj.ent_type_):
            members.extend(noun_phrase(pobj))
    start = min(t.i for t in members)
    end = max(t.i for t in members) + 1
    entity = entity_bounds(token)
    if entity is not None:
        start, end = min(start, entity[0]), max(end, entity[1])
    while start < token.i and (
        doc[start].pos_ in {"DET", "PUNCT", "CCONJ", "ADP", "NUM"}
        or doc[start].lemma_.lower() in QUANTITY_LEMMAS
    ):
        start += 1
    while end - 1 > token.i and doc[end - 1].pos_ in {"PUNCT", "CCONJ", "ADP", "PART"}:
        end -= 1
    return doc[start:end]


def entity_bounds(token: Token) -> tuple[int, int] | None:
    """Start and end of the named entity holding ``token``, from its IOB tags (reading
    ``doc.ents`` builds every entity span anew, too slow to do per phrase)."""
    if token.ent_iob_ not in {"B", "I"}:
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def clause_tokens(anchor: Token) -> set[int]:
    """Token indices of ``anchor``'s clause: its subtree minus nested clauses."""
    keep: set[int] = set()
    stack = [anchor]
    while stack:
        token = stack.pop()
        keep.add(token.i)
        for child in token.children:
            if child.dep_ not in CLAUSE_DEPS or child.dep_ == "pcomp" and child.pos_ != "VERB":
                stack.append(child)
    return keep
