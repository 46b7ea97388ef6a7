"""Component ``dateline_roles``: who did it (actor1) and to whom (actor2).

Reads: ``doc.spans["dateline_triggers"]`` with ``_.dl_entry`` and ``_.dl_anchor``.
Writes: ``span._.dl_actor1`` and ``span._.dl_actor2`` (noun-phrase Spans or None).

actor1 is the anchor's subject, or the by-agent of a passive ("were carried out
by U.S. drones"), or the group or nationality an event noun names ("rebel
attacks", "Palestinian riots") or its by-phrase ("a bombing by the IRA"), or who
launched, carried out or claimed it ("the rebels launched a wave of attacks",
"claimed responsibility for the bombing"), or forces mobilised or stood down with no
agent named ("the army was placed on alert"). An event or a weapon in the agent's
slot ("a car bomb killed four", "damaged by the blast", "shelling by the army killed":
the army) and the victim of an outcome ("dozens died in the raids", "a child died in
shelling") are not the actor, nor is a time, a toll or a bare count ("three days of
clashes left ...", "casualties rose", "60 killed yesterday"), nor a name or noun that
says where or when an event noun happened ("the Boston Marathon bombing") or whom it
befell ("the Kennedy assassination"); initials are a group's ("IS attacks", even when
the parser reads "IS" as a verb). actor2 is found by ``recipients``
from the slots ``data/extract/roles.jsonl`` lists for the event type, never whom an
attack is blamed on. "he", "they" and "the group" are resolved only in the easy
cases (``references``).
"""

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.extract import references, syntax
from dateline.extract.extensions import TRIGGERS_KEY, register
from dateline.extract.lexicon import WordClass, load_rows, word_classes
from dateline.extract.recipients import (
    NATIONALITY_LABELS,
    NOT_ACTOR_LABELS,
    TARGET_TYPES,
    ActorWords,
    RecipientFinder,
    between_sides,
    quantifiers,
)
from dateline.extract.triggers import in_class

# Types whose forces, moved with no agent named, act for their own side.
SELF_MOVED_TYPES = frozenset({"MOBILIZE", "RETREAT"})
# Named modifiers that can be an event noun's agent ("ISIS attacks", "Palestinian riots"); a
# place name ("the Baghdad bombing") is where it happened, and a person's name is mostly whom
# it befell ("the Kennedy assassination"; the tagger also reads towns as people).
AGENT_ENTITY_LABELS = frozenset({"ORG", "NORP"})
# Marks that split a headline into parts; no actor's phrase runs across one.
HEADLINE_SEPARATORS = frozenset({":", ";", "|"})
# Past forms that, bare, may be a headline's passive ("Child killed in shelling").
PAST_TAGS = frozenset({"VBD", "VBN"})
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
# Initials shorter than this are no organisation's ("A", "I").
MIN_ACRONYM = 2
# How the parser hangs an event word on the adjective before it ("Heavy shelling killed").
MISPARSED_DEPS = frozenset({"acl", "relcl", "appos"})
# "*No* group has claimed responsibility": a denied agent.
NEGATIVE_DETERMINERS = frozenset({"no"})


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
        rows = load_rows("extract", "roles", extra_dirs=extra_dirs)
        slots = {row["type"]: tuple(row["actor2"]) for row in rows if "type" in row}
        self.perpetration = _words(rows, "perpetration_verbs")
        self.responsibility = _words(rows, "responsibility_nouns")
        self.blame = _words(rows, "blame_verbs")
        self.occasions = _words(rows, "occasion_nouns")
        self.non_agents = _words(rows, "non_agent_nouns")
        self.victim_verbs = _words(rows, "victim_verbs")
        self.weapons = _words(rows, "weapon_nouns")
        self.quantities = _words(rows, "quantity_nouns")
        self.harm_verbs = _words(rows, "harm_verbs")
        self.acts = _words(rows, "event_nouns")
        self.recipients = RecipientFinder(
            self.words,
            slots,
            instrument_verbs=_words(rows, "instrument_verbs"),
            aiming_verbs=_words(rows, "aiming_verbs"),
            facilities=_words(rows, "facility_nouns"),
        )

    def __call__(self, doc: Doc) -> Doc:
        for span in doc.spans.get(TRIGGERS_KEY, []):
            anchor = doc[span._.dl_anchor]
            actor1 = self._actor1(span, anchor)
            span._.dl_actor1 = self._phrase(actor1)
            actor2 = self.recipients.find(span, anchor, actor1=actor1)
            if actor2 is None and self.headline_passive(span, anchor):
                actor2 = self._victim_named(syntax.subject(anchor))
            blamed = self._blamed_on(span.root, actor2)
            span._.dl_actor2 = None if blamed else self._phrase(actor2)
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
                return self._not_the_act(agents[0], span)
            return self._own_forces(span, anchor) or self._noun_trigger_agent(span, anchor)
        if anchor.pos_ in {"NOUN", "PROPN"}:
            return self._noun_agent(anchor)
        if "via_prep_of" in entry and not syntax.children(anchor, syntax.OBJECT_DEPS):
            # "dozens died in the raids": the subject of an outcome with no object is its
            # victim; the raid names its own agent, if any.
            return self._noun_trigger_agent(span, anchor)
        agent = syntax.subject(anchor)
        if agent is None or self._undergoer(agent, anchor) or self.headline_passive(span, anchor):
            # "the shelling by government forces", "a child died in shelling by the army":
            # a gerund's by-phrase, else what the trigger noun names
            return self._group_by(anchor) or self._noun_trigger_agent(span, anchor)
        return self._not_the_act(agent, span)

    def headline_passive(self, span: Span, anchor: Token) -> bool:
        """ "Child killed in artillery shelling", "Two engineers kidnapped near the dam": a
        verb that is never active without an object, with a subject and neither object nor
        auxiliary, is a headline's passive; its subject is the victim."""
        return (
            span.label_ in TARGET_TYPES
            and anchor.tag_ in PAST_TAGS
            and anchor.lemma_.lower() in self.harm_verbs
            and bool(syntax.children(anchor, syntax.SUBJECT_DEPS))
            and not syntax.children(anchor, syntax.OBJECT_DEPS | AUXILIARY_DEPS)
        )

    def _victim_named(self, subject: Token | None) -> Token | None:
        """ "Child killed in shelling": the child; "60 killed yesterday" names a toll, which
        the counts read, and no one."""
        if subject is None or self._counted_only(subject):
            return None
        return subject

    def _counted_only(self, token: Token) -> bool:
        """A number or a counting word ("60", "tens") with no of-phrase naming who."""
        counted = token.pos_ == "NUM" or token.lower_ in self.quantities
        return (counted or token.ent_type_ in NOT_ACTOR_LABELS) and not any(
            self.words.actor_like(t) for t in syntax.of_chain(token) if t.i != token.i
        )

    def _undergoer(self, agent: Token, anchor: Token) -> bool:
        """ "a child died in artillery shelling": the subject a gerund would share is that of
        a verb of dying, whose subject undergoes the event rather than doing it."""
        verb = agent.head
        return verb.i != anchor.i and verb.lemma_.lower() in self.victim_verbs

    def _group_by(self, act: Token) -> Token | None:
        """ "a bombing by the separatists", "a wave of bombings by the separatists": the
        group a by-phrase names as the act's author."""
        authors = (a for holder in quantifiers(act) for a in syntax.prep_objects(holder, "by"))
        return next((a for a in authors if self.words.group_like(a)), None)

    def _noun_trigger_agent(self, span: Span, anchor: Token) -> Token | None:
        """ "soldiers were killed in rebel attacks": the attack noun's own agent."""
        root = span.root
        if root.i == anchor.i or root.pos_ not in {"NOUN", "PROPN"}:
            return None
        return self._noun_agent(root)

    def _not_the_act(self, agent: Token, span: Span) -> Token | None:
        """ "rebel attacks killed ten", "a car bomb killed four", "damaged by the blast",
        "shelling by government forces killed a child": an event or a weapon in the agent's
        slot is not who acted; the group it names is. A gerund ("shelling") is an event
        noun too, whatever the tagger calls it."""
        words = self.words
        if agent.pos_ in {"NOUN", "PROPN", "VERB"} and (
            agent.i == span.root.i
            or in_class(agent, words.events)
            or in_class(agent, words.materiel)
            or self._weapon(agent)
            or agent.lemma_.lower() in self.acts
            or agent.lower_ in self.acts
        ):
            return self._noun_agent(agent) or self._event_within(agent)
        event = _misparsed_event(agent, words.events)
        if event is not None:  # "Heavy shelling by the army killed ...": "Heavy" is no one
            return self._noun_agent(event)
        if agent.pos_ not in {"NOUN", "PROPN", "NUM"}:
            return agent
        if self._no_agent(agent, violent=span.label_ in TARGET_TYPES):
            return self._event_within(agent)
        return agent

    def _weapon(self, token: Token) -> bool:
        """ "explosive barrels hit the town", "a sniper's bullet killed": a weapon acts for
        whoever the phrase says owns it, if anyone."""
        return token.lemma_.lower() in self.weapons or token.lower_ in self.weapons

    def _no_agent(self, token: Token, *, violent: bool) -> bool:
        """ "three days of clashes left ...", "casualties rise", "60 killed yesterday",
        "ground shelling killed ...": a time, a toll, the means, or a bare number in a violent
        event (the headline's reduced passive: its victims) does nothing; "dozens of gunmen"
        does, and so do "thousands" who march."""
        if token.lemma_.lower() in self.non_agents or token.lower_ in self.non_agents:
            return True
        return violent and self._counted_only(token)

    def _event_within(self, token: Token) -> Token | None:
        """ "days of clashes between the army and rebels", "the escalation of shelling by
        the army": the event down the of-chain names its agent."""
        for item in syntax.of_chain(token):
            if item.i != token.i and in_class(item, self.words.events):
                return self._noun_agent(item)
        return None

    def _blamed_on(self, act: Token, found: Token | None) -> bool:
        """ "some blamed the attack on the separatists": whom an attack is blamed on is its
        alleged author, not its target."""
        if found is None or act.dep_ not in syntax.OBJECT_DEPS:
            return False
        blamed = act.head.lemma_.lower() in self.blame
        on = found.head
        return blamed and on.lower_ == "on" and on.head.i in {act.i, act.head.i}

    def _own_forces(self, span: Span, verb: Token) -> Token | None:
        """ "Iran's army was placed on alert", "the guerrillas were demobilized": with no
        agent named, forces mobilised or stood down are their own side's act."""
        if span.label_ not in SELF_MOVED_TYPES:
            return None
        patient = syntax.passive_subject(verb)
        if patient is None or patient.i == span.root.i:  # "the show of force was meant to"
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
            named = child.ent_type_ in AGENT_ENTITY_LABELS or self._acronym(child)
            common = child.pos_ == "NOUN" and self.words.group_like(child)
            if (named or common) and not self._occasion(child):
                return child
        before = noun.doc[noun.i - 1] if noun.i > noun.sent.start else None
        if before is not None and noun.head.i == before.i and self._acronym(before):
            return before  # "killed in IS attacks": the parser reads "IS" as the verb
        for child in syntax.children(noun, {"amod"}):
            if child.ent_type_ in NATIONALITY_LABELS:
                return child
        author = self._group_by(noun)  # "a bombing by the separatists"
        if author is not None:
            return author
        for side in between_sides(noun):
            if self.words.group_like(side):  # "clashes between the army and rebels"
                return side
        return self._perpetrator(noun)

    def _acronym(self, token: Token) -> bool:
        """ "an IS ambush", "PKK attacks": capitals in a sentence that is not all capitals
        spell an organisation's initials (not a weapon's: "IED attacks")."""
        text = token.text
        return (
            len(text) >= MIN_ACRONYM
            and text.isalpha()
            and text.isupper()
            and not token.sent.text.isupper()
            and not self._weapon(token)
        )

    def _occasion(self, modifier: Token) -> bool:
        """ "the Boston Marathon bombing", "the market attack": a name or noun whose head is
        an occasion or a venue says where the event happened, not who did it."""
        return modifier.lemma_.lower() in self.occasions or modifier.lower_ in self.occasions

    def _perpetrator(self, noun: Token) -> Token | None:
        """Who carried out the act a noun names: "the rebels launched a wave of attacks",
        "a spate of bombings carried out by the separatists", "the group's decision to
        carry out the attacks", "the militia claimed responsibility for the bombing"."""
        while True:
            for clause in syntax.children(noun, {"acl"}):  # "bombings carried out by X"
                if clause.lemma_.lower() in self.perpetration:
                    for agent in syntax.prep_objects(clause, "by"):
                        if self.words.group_like(agent):
                            return agent
            if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.pos_ != "NOUN":
                break
            noun = noun.head.head  # "a wave of attacks": the wave was launched
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "for":
            claim = head.head
            if (
                claim.lemma_.lower() not in self.responsibility
                or claim.dep_ not in syntax.OBJECT_DEPS
            ):
                return None
            verb = claim.head
        elif noun.dep_ in syntax.OBJECT_DEPS and head.lemma_.lower() in self.perpetration:
            verb = head
        else:
            return None
        agent = syntax.subject(verb)
        if agent is None or _nobody(agent):  # "no group has claimed responsibility"
            return None
        if self.words.actor_like(agent):
            return agent
        # "the group's decision to carry out": the decision's owner
        owners = syntax.children(agent, {"poss"})
        return owners[0] if owners and self.words.group_like(owners[0]) else None

    def _phrase(self, token: Token | None) -> Span | None:
        """The actor's phrase. A bare definite description ("the planes") is the earlier
        mention it repeats ("Syrian air planes"); with none, machines ("the planes",
        "the drones") are nobody's we know, not the article's country's."""
        if token is not None and references.bare_definite(token):
            repeated = references.repeated_mention(token)
            if repeated is not None:
                return _within_part(syntax.noun_phrase(repeated), repeated)
            if any(in_class(token, machines) for machines in self.words.machines):
                return None
        return _phrase(token)


def _words(rows: Sequence[dict], key: str) -> frozenset[str]:
    return frozenset(word for row in rows for word in row.get(key, ()))


def _misparsed_event(agent: Token, events: WordClass) -> Token | None:
    """The event word right after a subject with no name of its own, which the parser
    hung on it ("Heavy shelling by the army killed": "Heavy" heads, "shelling" an acl)."""
    if agent.ent_type_:
        return None
    following = [c for c in agent.children if c.i == agent.i + 1 and c.dep_ in MISPARSED_DEPS]
    return following[0] if following and in_class(following[0], events) else None


def _nobody(token: Token) -> bool:
    return any(d.lower_ in NEGATIVE_DETERMINERS for d in syntax.children(token, {"det"}))


def _phrase(token: Token | None) -> Span | None:
    """The actor's phrase; a pronoun is replaced by its antecedent or dropped, and "the
    group" by its antecedent when there is one."""
    if token is not None and references.needs_antecedent(token):
        found = references.antecedent(token)
        if found is not None:
            token = found
        elif token.pos_ == "PRON":
            token = None
    return None if token is None else _within_part(syntax.noun_phrase(token), token)


def _within_part(phrase: Span, head: Token) -> Span:
    """The phrase cut at a headline's separators: in "Iraq Update: Jihadists Seize ..."
    the tagger's entity runs over the colon, the actor is "Jihadists"."""
    start, end = phrase.start, phrase.end
    for token in phrase:
        if token.text in HEADLINE_SEPARATORS:
            if token.i < head.i:
                start = token.i + 1
            elif token.i > head.i:
                end = min(end, token.i)
    return phrase.doc[start:end]
