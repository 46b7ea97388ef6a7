"""The recipient (actor2) of a trigger: whom the event was done to, asked of, offered to.

Used by ``dateline_roles``. The slots ``data/extract/roles.jsonl`` lists for the
event type are tried in order: an argument of the verb, the subject of a
that-clause ("demanded that the US cancel"), the recipient of the act an infinitive
names ("threatened to cut ties with Russia"), the object of a purpose ("sent planes
to fight ISIS"), the subject of a threat's condition ("unless Baghdad accepts").
Things moved (troops, equipment) and measures imposed (a curfew) are never the
recipient, nor is a town or country hit ("shelled Damascus": the event's place; a
named site attacked is also the target); the owner of a place hit is ("Iraq's air
bases", "a blockade of Serbia"), as is the author of an act ("rejected an
Australian ultimatum", "an offer from Kabul"). A host reached by a preposition
("traveled to Baghdad") and a country forces are sent into are recipients; an
attack's target is also the second side of a fight ("a battle between police and
rioters", "clashes continued between police and rioters"), what an event as agent
acted on ("the hall was wrecked by an explosion") or whom it was aimed at ("bombings
targeted at the army"); failing those, its victims come from its folded outcome
("killing 57 civilians", "claimed the lives of six soldiers"), a captured place's loser
from a retreat clause ("fell to the insurgents after government troops fled"), and last a
building hit ("the bombing of the federal building"). The weapon a verb of using one
takes as its object is never the target ("detonated a car bomb"); a weapon aimed
names its target after "at" ("fired mortars at the barracks").
"""

from collections.abc import Callable, Mapping, Sequence

from spacy.tokens import Span, Token

from dateline.extract import syntax
from dateline.extract.lexicon import WordClass
from dateline.extract.triggers import ACTOR_LABELS, AGENT_CLASSES, in_class

# Types whose direct object may be a place hit rather than a recipient.
TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})
# Types whose object is what moves (troops sent), never the recipient.
MOVEMENT_TYPES = frozenset({"MOBILIZE", "AID"})
# Types where a place after a preposition is where they went ("traveled to Baghdad"),
# not a recipient.
DESTINATION_TYPES = frozenset({"CONSULT", "MOBILIZE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SETTLEMENT_LABELS = frozenset({"GPE"})
# Entities that are never a recipient: "fell to the rebels on *Sunday*".
NOT_ACTOR_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
)
# Slots naming whom something was taken from ("confiscated weapons from the militia"):
# a recipient only when it names someone, not a place ("expelled from the country").
SOURCE_SLOTS = frozenset({"prep:from"})
# Slots that may name where the actor went rather than whom it dealt with.
DESTINATION_SLOTS = frozenset({"object", "prep:to", "prep:in", "prep:into"})
# A visit's recipient is the host ("visited Russia", "traveled to Baghdad"), and forces
# sent into a country are sent at it ("troops deployed in Lebanon"): a country or city,
# never a mere site.
HOST_MODES = frozenset({"visit"})
# Only after a preposition of place: the resolver then keeps the name as the event's
# place too ("traveled to Baghdad"); "visited Russia" keeps Russia as the place alone.
HOST_SLOTS = frozenset({"prep:to", "prep:in", "prep:into"})
DEPLOYMENT_TYPES = frozenset({"MOBILIZE"})
HOST_LABELS = frozenset({"GPE"})
# Modifiers that name who is behind an act ("ISIS attacks", "Haiti's efforts"); the
# parser reads a possessive with a curly apostrophe ("ISIS’ attacks") as nmod.
OWNER_DEPS = frozenset({"compound", "poss", "nmod"})
# Nationality adjectives name the actor behind an act: "an *Australian* ultimatum".
NATIONALITY_LABELS = frozenset({"NORP"})
# Prepositions on an act's noun that name who made it: "an offer *from* Kabul".
AUTHOR_PREPS = ("by", "from")
# Prepositions on a measure naming whom it binds: "a blockade *of* Serbia".
MEASURE_PREPS = ("of", "on", "against")
# "in protest of/against/at X": what a protest is aimed at.
PROTEST_LEMMAS = frozenset({"protest"})
PROTEST_PREPS = ("against", "of", "at")
# Subordinators of the condition a threat sets ("unless Baghdad accepts").
CONDITION_MARKS = frozenset({"unless", "if"})
# Participles that say whom an attack was aimed at ("bombings targeted at the army").
AIM_LEMMAS = frozenset({"target", "aim", "direct"})
AIM_PREPS = ("at", "against")
# Where a weapon aimed ("fired mortars *at* the barracks") names its target.
AIMED_SLOT = "prep:at"
# "revenge for the killing of ...": what an attack answers.
MOTIVE_PREPS = frozenset({"for"})
# "claimed the lives of six soldiers": a life lost is its bearer's.
LIFE_LEMMAS = frozenset({"life"})
# Where an embedded act ("threatened to cut off power *to* the republic") names its
# recipient, after its object.
EMBEDDED_PREPS = ("to", "with", "against", "on", "from", "for")


class ActorWords:
    """What a word names: someone who can act, a group, a place, a thing moved."""

    def __init__(self, classes: Mapping[str, WordClass]) -> None:
        self.materiel = classes["MATERIEL"]
        self.aid = classes["AID_NOUNS"]
        self.forces = classes["FORCES"]
        self.machines = (classes["AIRCRAFT"], classes["DRONES"])
        self.actors = classes["ACTORS"]
        self.measures = classes["COERCIVE_MEASURES"]
        self.events = classes["VIOLENT_EVENTS"]
        self.territory_lemmas = classes["TERRITORY_NOUNS"].lemmas | classes["CONTROL"].lemmas
        self.agents = [classes[name] for name in AGENT_CLASSES]

    def actor_like(self, token: Token) -> bool:
        if token.pos_ in {"PROPN", "PRON"} or token.ent_type_ in ACTOR_LABELS:
            return True
        return any(in_class(token, word_class) for word_class in self.agents)

    def group_like(self, token: Token) -> bool:
        """A person or group, not a weapon ("*air* raids", "*rocket* attacks")."""
        return (
            token.pos_ in {"PROPN", "PRON"}
            or token.ent_type_ in ACTOR_LABELS
            or in_class(token, self.actors)
            or in_class(token, self.forces)
        ) and token.ent_type_ not in NOT_ACTOR_LABELS

    def is_territory(self, token: Token) -> bool:
        return (
            token.lemma_.lower() in self.territory_lemmas or token.lower_ in self.territory_lemmas
        )

    def behind(self, token: Token) -> Token | None:
        """ "denounced ISIS attacks", "praised Haiti's efforts", "rejected an Australian
        ultimatum", "an offer from Kabul": the actor behind an event or an act is its
        named modifier, its nationality or its author."""
        for child in syntax.children(token, OWNER_DEPS):
            if self.group_like(child):
                return child
        for child in syntax.children(token, {"amod"}):
            if child.ent_type_ in NATIONALITY_LABELS:
                return child
        for preposition in AUTHOR_PREPS:
            for author in syntax.prep_objects(token, preposition):
                if self.actor_like(author) and author.ent_type_ not in NOT_ACTOR_LABELS:
                    return author
        return None

    def named_or_behind(self, token: Token) -> Token | None:
        """The actor ``token`` names, or the one behind the act or thing it names."""
        if token.ent_type_ in NOT_ACTOR_LABELS:
            return None
        if self.actor_like(token) and not in_class(token, self.events):
            return token
        return self.behind(token)


class RecipientFinder:
    """actor2 from the table's slots, tried in order for the trigger's type."""

    def __init__(
        self,
        words: ActorWords,
        slots: Mapping[str, Sequence[str]],
        *,
        instrument_verbs: frozenset[str] = frozenset(),
        aiming_verbs: frozenset[str] = frozenset(),
        facilities: frozenset[str] = frozenset(),
    ) -> None:
        self.words = words
        self.slots = slots
        self.instrument_verbs = instrument_verbs
        self.aiming_verbs = aiming_verbs
        self.facilities = facilities
        self.finders: dict[str, Callable[[Span, Token], Token | None]] = {
            "embedded": lambda _span, anchor: self._embedded(anchor),
            "purpose": lambda _span, anchor: self._purpose(anchor),
            "purpose_target": lambda _span, anchor: self._purpose_target(anchor),
            "condition_subject": lambda _span, anchor: _condition_subject(anchor),
            "clause_subject": lambda _span, anchor: _clause_subject(anchor),
            "object": lambda _span, anchor: _object(anchor),
            "dative": lambda _span, anchor: _dative(anchor),
            "between_second": lambda span, _anchor: _between_second(span.root),
            "agent_patient": lambda span, _anchor: _agent_patient(span.root),
            "aimed_at": lambda span, _anchor: _aimed_at(span.root),
        }

    def find(self, span: Span, anchor: Token, *, actor1: Token | None) -> Token | None:
        event_type = span.label_
        if "addressee" in span._.dl_entry:  # "said Sudan must return ...": asked of Sudan
            return span.doc[span._.dl_entry["addressee"]]
        facility = None  # "attacked a crowded market, killing 12 shoppers": the shoppers first
        for slot in self.slots.get(event_type, ()):
            if slot == "object" and self._instrument_object(event_type, anchor):
                if anchor.lemma_.lower() not in self.aiming_verbs:
                    continue
                slot = AIMED_SLOT  # "fired mortars at the barracks"
            finder = self.finders.get(slot)
            found = finder(span, anchor) if finder else _prep_slot(slot, span, anchor)
            found = None if found is None else _bearer(found)
            if found is None or found.i == span.root.i:
                continue
            if actor1 is not None and found.i == actor1.i:
                continue  # "Israel is opposed to ...": the one who acts is not its recipient
            picked, go_on = self._judge(found, slot, span)
            if picked is not None or not go_on:
                return picked
            if facility is None and self._facility_hit(found, event_type):
                facility = found
        if event_type in TARGET_TYPES:
            return _victim(span) or _loser(span) or facility
        return None

    def _instrument_object(self, event_type: str, anchor: Token) -> bool:
        """ "detonated a car bomb", "the devices were detonated", "fired rockets at the
        base": an attack verb of using a weapon takes the weapon as its object; whom it hit
        sits after a preposition, if anywhere."""
        return (
            event_type in TARGET_TYPES
            and anchor.pos_ == "VERB"
            and anchor.lemma_.lower() in self.instrument_verbs
        )

    def _judge(self, found: Token, slot: str, span: Span) -> tuple[Token | None, bool]:
        """(recipient, whether to try the next slot) for what ``slot`` found."""
        words, event_type = self.words, span.label_
        if self._is_theme(found, event_type, moved=slot == "object"):
            owner = self._bound_by(found) or self._owner(found)
            return owner, owner is None
        if found.ent_type_ in NOT_ACTOR_LABELS:
            return None, True
        if (
            event_type in DESTINATION_TYPES
            and slot in DESTINATION_SLOTS
            and found.ent_type_ in PLACE_LABELS
        ):
            host = (
                found.ent_type_ in HOST_LABELS
                and slot in HOST_SLOTS
                and (span._.dl_entry.get("mode") in HOST_MODES or event_type in DEPLOYMENT_TYPES)
            )
            return (found, False) if host else (None, True)
        if event_type in TARGET_TYPES and in_class(found, words.events):
            return None, True  # "opened fire on a patrol": the fire is the act itself
        if event_type in TARGET_TYPES and slot not in SOURCE_SLOTS:
            return found, False
        if words.actor_like(found) and not in_class(found, words.events):
            return found, False
        behind = words.behind(found)
        return behind, behind is None

    def _facility_hit(self, token: Token, event_type: str) -> bool:
        """ "bombed the federal building", "an attack on the Christmas market": a building
        hit whose owner goes unnamed is the target when no victims are named either; an area
        or a town ("shelled the district") is only where."""
        return (
            event_type in TARGET_TYPES
            and token.ent_type_ not in SETTLEMENT_LABELS
            and (token.lemma_.lower() in self.facilities or token.lower_ in self.facilities)
        )

    def _bound_by(self, measure: Token) -> Token | None:
        """Whom a measure binds ("a blockade of Serbia", "a curfew on Palestinian
        lorries") or, failing that, who laid it ("a ban by the general")."""
        if not in_class(measure, self.words.measures):
            return None
        for preposition in MEASURE_PREPS:
            for pobj in syntax.prep_objects(measure, preposition):
                found = self.words.named_or_behind(pobj)
                if found is not None:
                    return found
        return self.words.behind(measure)

    def _owner(self, theme: Token) -> Token | None:
        """Whose place was hit ("Iraq's largest air bases", "positions of the security
        forces", "Palestinian homes") or to whose aid troops came ("the aid of the
        government"): the named owner of a place or of the aid."""
        for item in syntax.of_chain(theme):
            if (
                item.i != theme.i
                and self.words.group_like(item)
                and item.ent_type_ not in PLACE_LABELS
                and not self.words.is_territory(item)
            ):
                return item
            for candidate in (
                *syntax.children(item, {"poss"}),
                *(syntax.prep_objects(item, "of") if in_class(item, self.words.aid) else ()),
            ):
                if self.words.actor_like(candidate) and candidate.pos_ != "PRON":
                    return candidate
            for modifier in syntax.children(item, {"compound", "amod"}):
                if modifier.ent_type_ in NATIONALITY_LABELS or (
                    modifier.dep_ == "compound" and in_class(modifier, self.words.actors)
                ):
                    return modifier
        return None

    def _embedded(self, anchor: Token) -> Token | None:
        """ "threatened to break relations with Russia", "refused to meet Jordan's king":
        a commitment, threat or refusal is addressed to the recipient of the act it names.
        Troops and equipment moved are what the act moves, never its recipient."""
        for verb in syntax.children(anchor, {"xcomp"}):
            objects = syntax.children(verb, syntax.OBJECT_DEPS)
            for obj in objects:
                if in_class(obj, self.words.materiel) or in_class(obj, self.words.forces):
                    continue
                found = self.words.named_or_behind(obj)
                if found is not None:
                    return found
            for preposition in EMBEDDED_PREPS:
                for head in (verb, *objects[:1]):
                    for pobj in syntax.prep_objects(head, preposition):
                        found = self.words.named_or_behind(pobj)
                        if found is not None:
                            return found
        return None

    def _purpose(self, anchor: Token) -> Token | None:
        """ "sent planes to fight ISIS": sent against ISIS."""
        for clause in _purposes(anchor):
            for obj in syntax.children(clause, syntax.OBJECT_DEPS):
                if self.words.group_like(obj):
                    return obj
        return None

    def _purpose_target(self, anchor: Token) -> Token | None:
        """ "struck to protest against Sweden's decision", "in protest at the arrests"."""
        stances = [
            noun
            for noun in syntax.prep_objects(anchor, "in")
            if noun.lemma_.lower() in PROTEST_LEMMAS
        ]
        for clause in (*_purposes(anchor), *stances):
            for obj in (
                *(o for prep in PROTEST_PREPS for o in syntax.prep_objects(clause, prep)),
                *syntax.children(clause, syntax.OBJECT_DEPS),
            ):
                found = self.words.named_or_behind(obj)
                if found is not None:
                    return found
        return None

    def _is_theme(self, token: Token, event_type: str, *, moved: bool) -> bool:
        """Troops sent and equipment supplied are what moves, not who receives (troops
        are the recipient only after "to": "granted asylum to rebels"); a place hit or
        "control" taken is where, not whom."""
        words = self.words
        if in_class(token, words.materiel) or in_class(token, words.measures):
            return True  # "imposed a curfew": the measure, not whom it binds
        if moved and event_type in MOVEMENT_TYPES and in_class(token, words.forces):
            return True
        # A town or country hit ("shelled Damascus") is the event's place, not its target;
        # a named site ("attacked Camp Shorabak") is both.
        return event_type in TARGET_TYPES and (
            token.ent_type_ in SETTLEMENT_LABELS
            or any(words.is_territory(t) for t in syntax.of_chain(token))
        )


def _condition_subject(anchor: Token) -> Token | None:
    """ "threatened to strike unless Israel rescinds": pressed on Israel."""
    for verb in (anchor, *syntax.children(anchor, {"xcomp"})):
        for clause in syntax.children(verb, {"advcl"}):
            marks = {m.lower_ for m in syntax.children(clause, {"mark"})}
            found = syntax.subject(clause) if marks & CONDITION_MARKS else None
            if found is not None:
                return found
    return None


def _clause_subject(anchor: Token) -> Token | None:
    """ "demanded that the US cancel ...": asked of the US."""
    for clause in syntax.children(anchor, {"ccomp"}):
        found = syntax.subject(clause)
        if found is not None:
            return found
    return None


def _object(anchor: Token) -> Token | None:
    objects = syntax.direct_objects(anchor) if anchor.pos_ == "VERB" else []
    return objects[0] if objects else None


def _dative(anchor: Token) -> Token | None:
    datives = syntax.children(anchor, {"dative"})
    if datives and datives[0].pos_ != "ADP":
        return datives[0]
    # "offered Iraq everything": the parser reads both objects as dobj.
    objects = syntax.children(anchor, syntax.OBJECT_DEPS)
    return objects[0] if len(objects) > 1 else None


def _prep_slot(slot: str, span: Span, anchor: Token) -> Token | None:
    """ "prep:to": the object of that preposition on the trigger or its anchor; the
    phrase may hang off the object ("granted asylum to X"), or a noun down its of-chain
    ("suspended part of the aid for Bosnia")."""
    preposition = slot.removeprefix("prep:")
    objects = syntax.direct_objects(anchor) if anchor.pos_ == "VERB" else []
    heads = [anchor, *(syntax.of_chain(objects[0]) if objects else ())]
    if span.root.pos_ in {"NOUN", "PROPN"}:
        heads = [*syntax.of_chain(span.root), *heads]
    for head in (span.root, *heads):
        found = syntax.prep_objects(head, preposition)
        if found:
            return found[0]
    return None


def _purposes(verb: Token) -> list[Token]:
    """The to-clauses that say what ``verb`` was done for ("to fight ISIS")."""
    return [
        clause
        for clause in syntax.children(verb, {"advcl", "xcomp"})
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    ]


def _victim(span: Span) -> Token | None:
    doc = span.doc
    for index in span._.dl_entry.get("outcome_tokens", ()):
        if _motive(doc[index]):
            continue
        objects = syntax.direct_objects(doc[index])
        if objects and objects[0].pos_ != "NUM":
            return _bearer(objects[0])
    return None


def _motive(outcome: Token) -> bool:
    """ "revenge for the army's killing of farmers": a killing the attack answers, not
    its outcome."""
    if outcome.pos_ not in {"NOUN", "PROPN"}:
        return False
    cause = outcome.dep_ == "pobj" and outcome.head.lower_ in MOTIVE_PREPS
    return cause or bool(syntax.children(outcome, {"poss"}))


def _bearer(token: Token) -> Token | None:
    """ "the lives of six soldiers": the soldiers; "claimed nine lives": no one named."""
    if token.lemma_.lower() not in LIFE_LEMMAS:
        return token
    bearers = syntax.prep_objects(token, "of")
    return bearers[0] if bearers else None


def _between_second(noun: Token) -> Token | None:
    """ "a battle between police and rioters": the rioters (the police are actor1)."""
    for side in between_sides(noun):
        others = syntax.children(side, {"conj"})
        if others:
            return others[0]
    return None


def between_sides(noun: Token) -> list[Token]:
    """The first side of each between-phrase that says who fought: on the event noun ("a
    battle between police and rioters"), on the noun it quantifies ("an exchange of fire
    between ..."), or on the verb it is the subject of ("clashes continued between ...")."""
    holders = quantifiers(noun)
    if noun.dep_ in syntax.SUBJECT_DEPS and noun.head.pos_ == "VERB":
        holders.append(noun.head)
    for holder in holders:
        sides = syntax.prep_objects(holder, "between")
        if sides:
            return sides
    return []


def quantifiers(noun: Token) -> list[Token]:
    """``noun`` and the noun whose of-phrase it is ("a wave *of* bombings by the
    separatists"): the parser hangs the event's own phrases on either."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return [noun, noun.head.head]
    return [noun]


def _aimed_at(noun: Token) -> Token | None:
    """ "bombings targeted at the army", "attacks which seemed aimed at civilians"."""
    for clause in syntax.children(noun, {"acl", "relcl"}):
        for verb in clause.subtree:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in AIM_LEMMAS:
                continue
            for preposition in AIM_PREPS:
                found = syntax.prep_objects(verb, preposition)
                if found:
                    return found[0]
    return None


def _agent_patient(noun: Token) -> Token | None:
    """ "the hall was wrecked by an explosion": what the event, as agent, acted on."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "agent":
        return None
    return syntax.passive_subject(noun.head.head)


def _loser(span: Span) -> Token | None:
    """Who fled the place taken (the retreat folded into the capture)."""
    index = span._.dl_entry.get("loser")
    return None if index is None else syntax.subject(span.doc[index])
