"""Component ``dateline_roles``: who did it (actor1) and to whom (actor2).

Reads: ``doc.spans["dateline_triggers"]`` with ``_.dl_entry`` and ``_.dl_anchor``.
Writes: ``span._.dl_actor1`` and ``span._.dl_actor2`` (noun-phrase Spans or None).

actor1 is the anchor's subject, or the by-agent of a passive ("were carried out
by U.S. drones"), or the group or nationality an event noun names ("rebel
attacks", "Palestinian riots"); actor2 comes from the slots
``data/extract/roles.jsonl`` lists for the event type: an argument of the verb,
the subject of a that-clause ("demanded that the US cancel"), the recipient of the
act an infinitive names ("threatened to cut ties with Russia"), the object of a
purpose ("sent planes to fight ISIS"), the subject of a threat's condition
("unless Baghdad accepts"). Things moved (troops, equipment) and measures imposed
(a curfew) are never the recipient, places hit ("bombed the area") rarely: their
owner is ("Iraq's air bases", "a blockade of Serbia"), as is the author of an act
("rejected an Australian ultimatum", "an offer from Kabul"). A visit's host and a
country forces are sent into are recipients. "he", "they" and "the group" are
resolved only in the easy cases (``references``); an attack's victims come from its
folded outcome ("killing 57 civilians"), and a captured place's loser from a retreat
clause ("fell to the insurgents after government troops fled").
"""

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.extract import references, syntax
from dateline.extract.extensions import TRIGGERS_KEY, register
from dateline.extract.lexicon import load_rows, word_classes
from dateline.extract.triggers import ACTOR_LABELS, AGENT_CLASSES, in_class

# Types whose direct object may be a place hit rather than a recipient.
TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})
# Types whose object is what moves (troops sent), never the recipient.
MOVEMENT_TYPES = frozenset({"MOBILIZE", "AID"})
# Types where a place after a preposition is where they went ("traveled to Baghdad"),
# not a recipient.
DESTINATION_TYPES = frozenset({"CONSULT", "MOBILIZE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities that are never a recipient: "fell to the rebels on *Sunday*".
NOT_ACTOR_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
)
# Slots that may name where the actor went rather than whom it dealt with.
DESTINATION_SLOTS = frozenset({"object", "prep:to", "prep:in", "prep:into"})
# A visit's recipient is the host ("visited Russia", "traveled to Baghdad"), and forces
# sent into a country are sent at it ("troops deployed in Lebanon"): a country or city,
# never a mere site.
HOST_MODES = frozenset({"visit"})
DEPLOYMENT_TYPES = frozenset({"MOBILIZE"})
HOST_LABELS = frozenset({"GPE"})
# Modifiers that name who is behind an act ("ISIS attacks", "Haiti's efforts"); the
# parser reads a possessive with a curly apostrophe ("ISIS’ attacks") as nmod.
OWNER_DEPS = frozenset({"compound", "poss", "nmod"})
# Named modifiers that can be an event noun's agent; a place name ("the Baghdad
# bombing") is where it happened.
AGENT_ENTITY_LABELS = frozenset({"ORG", "NORP", "PERSON"})
# Nationality adjectives name the actor behind an act: "an *Australian* ultimatum".
NATIONALITY_LABELS = frozenset({"NORP"})
# Prepositions on an act's noun that name who made it: "an offer *from* Kabul".
AUTHOR_PREPS = ("by", "from")
# Prepositions on a measure naming whom it binds: "a blockade *of* Serbia".
MEASURE_PREPS = ("of", "on", "against")
# Subordinators of the condition a threat sets ("unless Baghdad accepts").
CONDITION_MARKS = frozenset({"unless", "if"})
# Where an embedded act ("threatened to cut off power *to* the republic") names its
# recipient, after its object.
EMBEDDED_PREPS = ("to", "with", "against", "on", "from", "for")


@Language.factory(
    "dateline_roles",
    default_config={"extra_dirs": []},
    requires=["doc.spans", "span._.dl_entry", "span._.dl_anchor"],
    assigns=["span._.dl_actor1", "span._.dl_actor2"],
)
def make_roles(nlp: Language, name: str, extra_dirs: Sequence[str]) -> "RoleFinder":
    return RoleFinder(extra_dirs=[Path(d) for d in extra_dirs])


class RoleFinder:
    def __init__(self, *, extra_dirs: Sequence[Path] = ()) -> None:
        register()
        classes = word_classes(extra_dirs=extra_dirs)
        self.materiel = classes["MATERIEL"]
        self.aid = classes["AID_NOUNS"]
        self.forces = classes["FORCES"]
        self.actors = classes["ACTORS"]
        self.measures = classes["COERCIVE_MEASURES"]
        self.territory_lemmas = classes["TERRITORY_NOUNS"].lemmas | classes["CONTROL"].lemmas
        self.agents = [classes[name] for name in AGENT_CLASSES]
        self.events = classes["VIOLENT_EVENTS"]
        self.slots = {
            row["type"]: tuple(row["actor2"])
            for row in load_rows("extract", "roles", extra_dirs=extra_dirs)
        }

    def __call__(self, doc: Doc) -> Doc:
        for span in doc.spans.get(TRIGGERS_KEY, []):
            anchor = doc[span._.dl_anchor]
            span._.dl_actor1 = _phrase(self._actor1(span, anchor))
            span._.dl_actor2 = _phrase(self._actor2(span, anchor))
        return doc

    def _actor1(self, span: Span, anchor: Token) -> Token | None:
        entry = span._.dl_entry
        if "governor" in entry:  # a call to arms: the caller, not those called
            return syntax.subject(span.doc[entry["governor"]])
        source = entry.get("actor1_from", "")
        if source == "passive_subject":  # "Israel is opposed to ...": a stance, not a passive
            return syntax.passive_subject(anchor) or syntax.subject(anchor)
        if source.startswith("prep:"):
            objects = syntax.prep_objects(span.root, source.removeprefix("prep:"))
            return objects[0] if objects else None
        if syntax.is_passive(anchor):
            agents = syntax.prep_objects(anchor, "by")
            return agents[0] if agents else None
        if anchor.pos_ in {"NOUN", "PROPN"}:
            return self._noun_agent(anchor)
        agent = syntax.subject(anchor)
        if agent is not None and agent.i == span.root.i:  # "rebel attacks killed ten"
            return self._noun_agent(agent) if agent.pos_ in {"NOUN", "PROPN"} else None
        return agent

    def _noun_agent(self, noun: Token) -> Token | None:
        """Who did what an event noun names: its possessor ("Israel's raids"), a group
        naming it ("rebel attacks", "US Predator strikes") or a nationality ("Palestinian
        riots"). A place naming it ("the Baghdad bombing") is where, not who."""
        possessors = syntax.children(noun, {"poss"})
        if possessors:
            return possessors[0]
        for child in syntax.children(noun, {"compound"}):
            named = child.ent_type_ in AGENT_ENTITY_LABELS or (
                child.pos_ == "PROPN" and not child.ent_type_
            )
            common = child.pos_ == "NOUN" and self._group_like(child)
            if named or common:
                return child
        for child in syntax.children(noun, {"amod"}):
            if child.ent_type_ in NATIONALITY_LABELS:
                return child
        return None

    def _actor2(self, span: Span, anchor: Token) -> Token | None:
        event_type = span.label_
        if "addressee" in span._.dl_entry:  # "said Sudan must return ...": asked of Sudan
            return span.doc[span._.dl_entry["addressee"]]
        for slot in self.slots.get(event_type, ()):
            found = self._slot(slot, span, anchor)
            if found is None or found.i == span.root.i:
                continue
            if self._is_theme(found, event_type, moved=slot == "object"):
                owner = self._bound_by(found) or self._owner(found)
                if owner is not None:
                    return owner
                continue
            if found.ent_type_ in NOT_ACTOR_LABELS:
                continue
            if (
                event_type in DESTINATION_TYPES
                and slot in DESTINATION_SLOTS
                and found.ent_type_ in PLACE_LABELS
            ):
                if found.ent_type_ in HOST_LABELS and (
                    span._.dl_entry.get("mode") in HOST_MODES or event_type in DEPLOYMENT_TYPES
                ):
                    return found
                continue
            if event_type in TARGET_TYPES:
                return found
            if self._actor_like(found) and not in_class(found, self.events):
                return found
            behind = self._actor_behind(found)
            if behind is not None:
                return behind
        if event_type in TARGET_TYPES:
            return _victim(span) or _loser(span)
        return None

    def _bound_by(self, measure: Token) -> Token | None:
        """Whom a measure binds ("a blockade of Serbia", "a curfew on Palestinian
        lorries") or, failing that, who laid it ("a ban by the general")."""
        if not in_class(measure, self.measures):
            return None
        for preposition in MEASURE_PREPS:
            for pobj in syntax.prep_objects(measure, preposition):
                found = self._named_or_behind(pobj)
                if found is not None:
                    return found
        return self._actor_behind(measure)

    def _owner(self, theme: Token) -> Token | None:
        """Whose place was hit ("Iraq's largest air bases", "positions of the security
        forces", "Palestinian homes") or to whose aid troops came ("the aid of the
        government"): the named owner of a place or of the aid."""
        for item in syntax.of_chain(theme):
            if (
                item.i != theme.i
                and self._group_like(item)
                and item.ent_type_ not in PLACE_LABELS
                and not self._is_territory(item)
            ):
                return item
            for candidate in (
                *syntax.children(item, {"poss"}),
                *(syntax.prep_objects(item, "of") if in_class(item, self.aid) else ()),
            ):
                if self._actor_like(candidate) and candidate.pos_ != "PRON":
                    return candidate
            for modifier in syntax.children(item, {"compound", "amod"}):
                if modifier.ent_type_ in NATIONALITY_LABELS or (
                    modifier.dep_ == "compound" and in_class(modifier, self.actors)
                ):
                    return modifier
        return None

    def _actor_like(self, token: Token) -> bool:
        if token.pos_ in {"PROPN", "PRON"} or token.ent_type_ in ACTOR_LABELS:
            return True
        return any(in_class(token, word_class) for word_class in self.agents)

    def _group_like(self, token: Token) -> bool:
        """A person or group, not a weapon ("*air* raids", "*rocket* attacks")."""
        return (
            token.pos_ in {"PROPN", "PRON"}
            or token.ent_type_ in ACTOR_LABELS
            or in_class(token, self.actors)
            or in_class(token, self.forces)
        ) and token.ent_type_ not in NOT_ACTOR_LABELS

    def _actor_behind(self, token: Token) -> Token | None:
        """ "denounced ISIS attacks", "praised Haiti's efforts", "rejected an Australian
        ultimatum", "an offer from Kabul": the actor behind an event or an act is its
        named modifier, its nationality or its author."""
        for child in syntax.children(token, OWNER_DEPS):
            if self._group_like(child):
                return child
        for child in syntax.children(token, {"amod"}):
            if child.ent_type_ in NATIONALITY_LABELS:
                return child
        for preposition in AUTHOR_PREPS:
            for author in syntax.prep_objects(token, preposition):
                if self._actor_like(author) and author.ent_type_ not in NOT_ACTOR_LABELS:
                    return author
        return None

    def _embedded(self, anchor: Token) -> Token | None:
        """ "threatened to break relations with Russia", "refused to meet Jordan's king":
        a commitment, threat or refusal is addressed to the recipient of the act it names.
        Troops and equipment moved are what the act moves, never its recipient."""
        for verb in syntax.children(anchor, {"xcomp"}):
            objects = syntax.children(verb, syntax.OBJECT_DEPS)
            for obj in objects:
                if in_class(obj, self.materiel) or in_class(obj, self.forces):
                    continue
                found = self._named_or_behind(obj)
                if found is not None:
                    return found
            for preposition in EMBEDDED_PREPS:
                for head in (verb, *objects[:1]):
                    for pobj in syntax.prep_objects(head, preposition):
                        found = self._named_or_behind(pobj)
                        if found is not None:
                            return found
        return None

    def _named_or_behind(self, token: Token) -> Token | None:
        """The actor ``token`` names, or the one behind the act or thing it names."""
        if token.ent_type_ in NOT_ACTOR_LABELS:
            return None
        if self._actor_like(token) and not in_class(token, self.events):
            return token
        return self._actor_behind(token)

    def _slot(self, slot: str, span: Span, anchor: Token) -> Token | None:
        if slot == "embedded":
            return self._embedded(anchor)
        if slot == "purpose":  # "sent planes to fight ISIS": sent against ISIS
            for clause in _purposes(anchor):
                for obj in syntax.children(clause, syntax.OBJECT_DEPS):
                    if self._group_like(obj):
                        return obj
            return None
        if slot == "purpose_target":  # "struck to protest against Sweden's decision"
            for clause in _purposes(anchor):
                for obj in (
                    *syntax.prep_objects(clause, "against"),
                    *syntax.children(clause, syntax.OBJECT_DEPS),
                ):
                    found = self._named_or_behind(obj)
                    if found is not None:
                        return found
            return None
        if slot == "condition_subject":  # "... unless Israel rescinds": pressed on Israel
            for verb in (anchor, *syntax.children(anchor, {"xcomp"})):
                for clause in syntax.children(verb, {"advcl"}):
                    marks = {m.lower_ for m in syntax.children(clause, {"mark"})}
                    found = syntax.subject(clause) if marks & CONDITION_MARKS else None
                    if found is not None:
                        return found
            return None
        if slot == "clause_subject":  # "demanded that the US cancel ...": asked of the US
            for clause in syntax.children(anchor, {"ccomp"}):
                found = syntax.subject(clause)
                if found is not None:
                    return found
            return None
        if slot == "object":
            objects = syntax.direct_objects(anchor) if anchor.pos_ == "VERB" else []
            return objects[0] if objects else None
        if slot == "dative":
            datives = syntax.children(anchor, {"dative"})
            return datives[0] if datives and datives[0].pos_ != "ADP" else None
        preposition = slot.removeprefix("prep:")
        # "granted asylum to X", "shared evidence with X": the phrase may hang off the object.
        objects = syntax.direct_objects(anchor) if anchor.pos_ == "VERB" else []
        for head in (span.root, anchor, *objects[:1]):
            objects = syntax.prep_objects(head, preposition)
            if objects:
                return objects[0]
        return None

    def _is_theme(self, token: Token, event_type: str, *, moved: bool) -> bool:
        """Troops sent and equipment supplied are what moves, not who receives (troops
        are the recipient only after "to": "granted asylum to rebels"); a place hit or
        "control" taken is where, not whom."""
        if in_class(token, self.materiel) or in_class(token, self.measures):
            return True  # "imposed a curfew": the measure, not whom it binds
        if moved and event_type in MOVEMENT_TYPES and in_class(token, self.forces):
            return True
        return event_type in TARGET_TYPES and any(
            self._is_territory(t) for t in syntax.of_chain(token)
        )

    def _is_territory(self, token: Token) -> bool:
        return (
            token.lemma_.lower() in self.territory_lemmas or token.lower_ in self.territory_lemmas
        )


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
        objects = syntax.direct_objects(doc[index])
        if objects and objects[0].pos_ != "NUM":
            return objects[0]
    return None


def _loser(span: Span) -> Token | None:
    """Who fled the place taken (the retreat folded into the capture)."""
    index = span._.dl_entry.get("loser")
    return None if index is None else syntax.subject(span.doc[index])


def _phrase(token: Token | None) -> Span | None:
    """The actor's phrase; a pronoun is replaced by its antecedent or dropped, and "the
    group" by its antecedent when there is one."""
    if token is not None and references.needs_antecedent(token):
        found = references.antecedent(token)
        if found is not None:
            token = found
        elif token.pos_ == "PRON":
            token = None
    return None if token is None else syntax.noun_phrase(token)
