"""Component ``dateline_roles``: who did it (actor1) and to whom (actor2).

Reads: ``doc.spans["dateline_triggers"]`` with ``_.dl_entry`` and ``_.dl_anchor``.
Writes: ``span._.dl_actor1`` and ``span._.dl_actor2`` (noun-phrase Spans or None).

actor1 is the anchor's subject, or the by-agent of a passive ("were carried out
by U.S. drones"), or the group or nationality an event noun names ("rebel
attacks", "Palestinian riots"), or forces mobilised or stood down with no agent
named ("the army was placed on alert"). actor2 is found by ``recipients`` from the
slots ``data/extract/roles.jsonl`` lists for the event type. "he", "they" and "the
group" are resolved only in the easy cases (``references``).
"""

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.extract import references, syntax
from dateline.extract.extensions import TRIGGERS_KEY, register
from dateline.extract.lexicon import load_rows, word_classes
from dateline.extract.recipients import (
    NATIONALITY_LABELS,
    NOT_ACTOR_LABELS,
    ActorWords,
    RecipientFinder,
)
from dateline.extract.triggers import in_class

# Types whose forces, moved with no agent named, act for their own side.
SELF_MOVED_TYPES = frozenset({"MOBILIZE", "RETREAT"})
# Named modifiers that can be an event noun's agent; a place name ("the Baghdad
# bombing") is where it happened.
AGENT_ENTITY_LABELS = frozenset({"ORG", "NORP", "PERSON"})


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
        self.words = ActorWords(word_classes(extra_dirs=extra_dirs))
        slots = {
            row["type"]: tuple(row["actor2"])
            for row in load_rows("extract", "roles", extra_dirs=extra_dirs)
        }
        self.recipients = RecipientFinder(self.words, slots)

    def __call__(self, doc: Doc) -> Doc:
        for span in doc.spans.get(TRIGGERS_KEY, []):
            anchor = doc[span._.dl_anchor]
            actor1 = self._actor1(span, anchor)
            span._.dl_actor1 = _phrase(actor1)
            span._.dl_actor2 = _phrase(self.recipients.find(span, anchor, actor1=actor1))
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
            if agents:
                return agents[0]
            return self._own_forces(span, anchor)
        if anchor.pos_ in {"NOUN", "PROPN"}:
            return self._noun_agent(anchor)
        agent = syntax.subject(anchor)
        if agent is not None and agent.i == span.root.i:  # "rebel attacks killed ten"
            return self._noun_agent(agent) if agent.pos_ in {"NOUN", "PROPN"} else None
        return agent

    def _own_forces(self, span: Span, verb: Token) -> Token | None:
        """ "Iran's army was placed on alert", "the guerrillas were demobilized": with no
        agent named, forces mobilised or stood down are their own side's act."""
        if span.label_ not in SELF_MOVED_TYPES:
            return None
        patient = syntax.passive_subject(verb)
        if patient is None:
            return None
        # "hundreds of rebels": the forces may sit down the of-chain.
        return (
            patient
            if any(in_class(t, self.words.forces) for t in syntax.of_chain(patient))
            else None
        )

    def _noun_agent(self, noun: Token) -> Token | None:
        """Who did what an event noun names: its possessor ("Israel's raids"), a group
        naming it ("rebel attacks", "ISIS attacks") or a nationality ("Palestinian
        riots"). A place or a day naming it ("the Baghdad bombing", "Saturday's attack")
        is where or when, not who."""
        possessors = syntax.children(noun, {"poss"})
        if possessors:  # "Saturday's attack" names when, not who
            return possessors[0] if possessors[0].ent_type_ not in NOT_ACTOR_LABELS else None
        for child in syntax.children(noun, {"compound"}):
            named = child.ent_type_ in AGENT_ENTITY_LABELS
            common = child.pos_ == "NOUN" and self.words.group_like(child)
            if named or common:
                return child
        for child in syntax.children(noun, {"amod"}):
            if child.ent_type_ in NATIONALITY_LABELS:
                return child
        return None


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
