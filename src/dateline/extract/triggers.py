"""Component ``dateline_triggers``: find the words that report an event.

Reads: lemmas, POS, the dependency parse, entities.
Writes: ``doc.spans["dateline_triggers"]`` (label = PLOVER type) with
``span._.dl_entry`` (the lexicon row) and ``span._.dl_anchor`` (the verb whose
arguments carry the roles; the trigger itself for a verb).

Triggers come from ``data/triggers/events.jsonl``: a lemma plus argument
constraints, so "send troops" is MOBILIZE, "send equipment" AID and "strike a
deal" nothing. A trigger word used as a modifier ("the besieged government",
"those killed") reports no event of its own, except a headline's participle
("5 civilians killed in Idlib") or one with a counted victim. An event noun
("explosion", "attack") reports an event when something anchors it: a verb of
the event family, a place or date, a reference to a particular event ("the
attack on the checkpoint", "Saturday's bombing"), or a toll in its sentence; a
toll without a killer of its own, told beside an attack, is folded into it. A
later word that only points back at an event already reported ("those involved in
the attack", "two more were wounded") is no new event: it is kept, marked with the
trigger it refers to (``given``, ``span._.dl_refers_to``).
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from dateline.extract import given, reporting, syntax
from dateline.extract.extensions import TRIGGERS_KEY, register
from dateline.extract.lexicon import WordClass, load_rows, word_classes
from dateline.extract.reporting import NOUN_ARGUMENT_DEPS

# Dependencies that make a verb a modifier, not a reported event.
# A relative clause ("the towns they captured") recalls background, not the news,
# unless it dates the event ("a device that exploded on Friday").
MODIFIER_DEPS = frozenset({"amod", "acl", "compound", "relcl"})
CLAUSE_MODIFIER_DEPS = frozenset({"relcl", "acl"})
# Dependencies along which an outcome ("killing 71") is folded into its attack.
OUTCOME_LINK_DEPS = frozenset({"advcl", "conj", "xcomp", "nsubj"})
# Row keys that constrain a match; a row with more of them is more specific.
CONSTRAINT_KEYS = (
    "particle", "prep", "prep_object_in", "object_in", "object_not_in", "no_object",
    "subject_in", "subject_not_in", "governor_in", "via_prep",
    "compound_in", "compound_not_in", "needs_xcomp", "no_infinitive", "needs_agent",
    "needs_subject", "needs_object", "needs_setting", "via_prep_of", "counted", "specific",
    "complement_in", "headline_root", "no_agent",
)  # fmt: skip
# A named place or a date on an event noun makes it a report of a particular event
# ("Friday's attack in Lyon"), not talk of attacks in general.
SETTING_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SETTING_TIME_LABELS = frozenset({"DATE", "TIME"})
SETTING_PREPS = frozenset({"in", "near", "at", "on", "outside", "inside", "across"})
# Prepositions that tie an event noun to a toll as its cause or setting ("killed *in* an air
# strike", "died *during* the shelling"), not "killed *despite* the attacks".
CAUSE_PREPS = frozenset(
    ("in", "by", "during", "from", "amid", "after", "following", "under", "at", "with",
     "through", "of")
)  # fmt: skip
# How many sentences back a pronoun's referent is looked for, and the plural pronouns.
REFERENT_SENTENCES = 2
PLURAL_PRONOUNS = frozenset({"they", "them"})
# Where a word that makes an event an accident hangs from it ("*accidental* blast").
ACCIDENT_CUE_DEPS = frozenset({"amod", "advmod"})
# Characters that open an item of a bulleted list.
LIST_BULLETS = frozenset("*•·–-")

DEFAULT_POS = ("VERB",)
# Resulting states that make a participle a report of a killing ("shot *dead* by police").
DEAD_WORDS = frozenset({"dead"})
# Where a resulting state hangs from its verb: "left 2 civilians *dead*".
COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp", "acomp", "conj"})
# How many nouns up a participle may hang below the noun it modifies ("9 members
# from the forces of X killed").
COUNT_CLIMB = 3
GENERIC = "generic"  # the modality of events told in general ("frequent attacks")
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Word classes whose members can be the subject of an event verb.
AGENT_CLASSES = (
    "ACTORS", "OFFICIALS", "FORCES", "PEOPLE", "AIRCRAFT", "DRONES", "EXPLOSIVES", "ARTILLERY",
    "FIREARMS", "VIOLENT_EVENTS",
)  # fmt: skip


@dataclass
class Candidate:
    token: Token
    entry: dict
    anchor: Token
    # Less specific rows that also fit, for when a row's sentence-level condition fails.
    fallbacks: tuple[dict, ...] = ()


@Language.factory(
    "dateline_triggers",
    default_config={"extra_dirs": []},
    requires=["token.lemma", "token.pos", "token.dep", "doc.ents"],
    assigns=["doc.spans", "span._.dl_entry", "span._.dl_anchor", "span._.dl_refers_to"],
)
def make_triggers(nlp: Language, name: str, extra_dirs: Sequence[str]) -> "TriggerFinder":
    return TriggerFinder(extra_dirs=[Path(d) for d in extra_dirs])


class TriggerFinder:
    """Match lexicon rows against each token and its arguments."""

    def __init__(self, *, extra_dirs: Sequence[Path] = ()) -> None:
        register()
        self.classes = word_classes(extra_dirs=extra_dirs)
        self.rows_by_lemma: dict[str, list[dict]] = defaultdict(list)
        for row in load_rows("triggers", "events", extra_dirs=extra_dirs):
            for form in {row["lemma"].lower(), *row.get("forms", ())}:
                self.rows_by_lemma[form].append(row)
        retypes = load_rows("triggers", "retype", extra_dirs=extra_dirs)
        self.retypes = [row for row in retypes if "governor_lemmas" in row]
        self.purposes = [row for row in retypes if "purpose_lemmas" in row]

    def __call__(self, doc: Doc) -> Doc:
        candidates = [c for token in doc if (c := self._match(token)) is not None]
        candidates = self._add_rule_verbs(doc, candidates)
        candidates = [c for c in candidates if not self._accident(c) and not _list_entry(c.token)]
        candidates = self._with_outcome(candidates)
        candidates = _one_per_anchor(candidates)
        candidates = _one_per_identity(candidates)
        candidates = _fold_outcomes(candidates)
        candidates = _fold_stray_outcomes(candidates)
        candidates = [c for c in candidates if not c.entry.get("only_folded")]
        candidates = _fold_retreats(candidates)
        candidates = self._retype(candidates)
        candidates = self._retype_by_purpose(candidates)
        antecedents = given.mark_given(
            candidates,
            in_class=self._in,
            outcome_word=lambda word: any(
                row.get("outcome") for row in self.rows_by_lemma.get(word.lemma_.lower(), ())
            ),
        )
        doc.spans[TRIGGERS_KEY] = []
        group = doc.spans[TRIGGERS_KEY]
        for candidate in candidates:
            span = doc[candidate.token.i : candidate.token.i + 1]
            span.label_ = candidate.entry["type"]
            span._.dl_entry = candidate.entry
            span._.dl_anchor = candidate.anchor.i
            antecedent = antecedents.get(candidate.token.i)
            if antecedent is not None:
                span._.dl_refers_to = doc[antecedent.i : antecedent.i + 1]
            group.append(span)
        return doc

    def _match(self, token: Token) -> Candidate | None:
        rows = (
            self.rows_by_lemma.get(token.lemma_.lower())
            or self.rows_by_lemma.get(token.lower_)
            or (_misread_noun(token) and self.rows_by_lemma.get(_singular(token.lower_)))
        )
        if not rows:
            return None
        fitting = [row for row in rows if self._fits(row, token)]
        if not fitting:
            return None
        fitting.sort(key=lambda row: -sum(key in row for key in CONSTRAINT_KEYS))
        best = fitting[0]
        if _reduced_passive(token) and not syntax.is_passive(token):
            best = {**best, "actor1_from": "prep:by"}  # the agent, not the noun it follows
        return Candidate(token, best, _anchor(token, best), tuple(fitting[1:]))

    def _in(self, token: Token, names: str | list[str]) -> bool:
        """Membership of one class, or of any of a list of classes."""
        names = [names] if isinstance(names, str) else names
        return any(in_class(token, self.classes[name]) for name in names)

    def _words(self, names: str | list[str]) -> frozenset[str]:
        names = [names] if isinstance(names, str) else names
        return frozenset().union(*(self.classes[name].lemmas for name in names))

    def _fits(self, row: dict, token: Token) -> bool:
        pos = "NOUN" if _misread_noun(token) else token.pos_
        if pos not in row.get("pos", DEFAULT_POS):
            return False
        if token.pos_ == "VERB" and reporting.nominal(token):
            return False
        if (
            token.pos_ == "VERB"
            and token.dep_ in MODIFIER_DEPS
            and not _dated_clause(token)
            and not (
                row["type"] == "ASSAULT"
                and (
                    reporting.news_despite_modifying(token)
                    or _left_dead(token)
                    or _counted_antecedent(token)
                    or _headline_participle(token)
                )
            )
        ):
            return False
        if token.pos_ == "VERB" and _background_verb(token):
            return False
        checks = (
            self._fits_words(row, token),
            self._fits_objects(row, token),
            self._fits_subject(row, token),
            self._fits_noun_context(row, token),
        )
        return all(checks)

    def _fits_words(self, row: dict, token: Token) -> bool:
        if "particle" in row and not any(
            c.dep_ == "prt" and c.lower_ == row["particle"] for c in token.children
        ):
            return False
        if "prep" in row:
            objects = syntax.prep_objects(token, row["prep"])
            if not objects and not _has_prep(token, row["prep"]):
                return False
            if "prep_object_in" in row and not any(
                self._in(o, row["prep_object_in"]) for o in objects
            ):
                return False
        if row.get("no_infinitive") and _infinitive(token):
            return False
        if row.get("needs_xcomp") and not syntax.children(token, {"xcomp", "ccomp"}):
            return False
        if "complement_in" in row and not any(
            c.lemma_.lower() in row["complement_in"]
            for c in syntax.children(token, COMPLEMENT_DEPS)
        ):
            return False
        compounds = {c.lemma_.lower() for c in syntax.children(token, {"compound", "amod"})}
        if "compound_in" in row and not compounds & set(row["compound_in"]):
            return False
        return not compounds & set(row.get("compound_not_in", ()))

    def _fits_objects(self, row: dict, token: Token) -> bool:
        objects = _objects(token)
        if row.get("no_object") and syntax.children(token, syntax.OBJECT_DEPS | {"ccomp"}):
            return False
        if row.get("needs_object") and not syntax.children(token, syntax.OBJECT_DEPS):
            return False
        if "object_in" in row:  # "15 detainees ... they were executed"
            objects = [
                (self._object_referent(o, row["object_in"]) or o) if o.pos_ == "PRON" else o
                for o in objects
            ]
        expanded = [item for obj in objects for item in syntax.of_chain(obj)]
        # A modifier counts by its word only ("*martial* law", "*mediation* efforts").
        modifiers = [
            m.lemma_.lower()
            for item in expanded
            for m in syntax.children(item, {"compound", "amod"})
        ]
        if "object_in" in row and not (
            any(self._in(o, row["object_in"]) for o in expanded)
            or not self._words(row["object_in"]).isdisjoint(modifiers)
        ):
            return False
        return not (
            "object_not_in" in row and any(self._in(o, row["object_not_in"]) for o in objects)
        )

    def _fits_subject(self, row: dict, token: Token) -> bool:
        if "via_prep_of" in row:
            return True  # "dockers died in the bombing": that subject is the victim
        agent = _agent(token)
        if row.get("needs_agent") and syntax.is_passive(token) and agent is None:
            return False
        if row.get("no_agent") and agent is not None:
            return False
        if agent is None:
            return not ("subject_in" in row or row.get("needs_subject"))
        if not row.get("any_subject") and not self._actor_like(agent):
            return False
        if agent.pos_ == "PRON" and "subject_in" in row:
            agent = self._referent(agent, row["subject_in"]) or agent
        agent = self._stands_for(agent)
        if "subject_in" in row and not self._in(agent, row["subject_in"]):
            return False
        return not ("subject_not_in" in row and self._in(agent, row["subject_not_in"]))

    def _fits_noun_context(self, row: dict, token: Token) -> bool:
        if "governor_in" in row:
            head = token.head
            if token.dep_ == "conj":
                head = token.head.head
            if token.dep_ not in NOUN_ARGUMENT_DEPS | {"conj"} or not self._in(
                head, row["governor_in"]
            ):
                return False
        if row.get("counted") and not reporting.counted_noun(token):
            return False
        if row.get("headline_root") and not reporting.headline_root(token):
            return False
        if row.get("specific") and not self._specific(row, token):
            return False
        if row.get("needs_setting") and not _has_setting(token):
            return False
        if "via_prep_of" in row and not (
            token.dep_ == "pobj"
            and token.head.lower_ in CAUSE_PREPS
            and not _measured_time(token.head)
            and self._in(token.head.head, row["via_prep_of"])
        ):
            return False
        if "via_prep" in row:
            prep = token.head
            if token.dep_ != "pobj" or prep.lower_ != row["via_prep"]:
                return False
            if prep.head.dep_ == "acl":
                # "Residents reached by telephone said ...": how the reporter got the
                # source, a participle describing a noun, not a call between the parties.
                return False
        return True

    def _stands_for(self, noun: Token) -> Token:
        """ "the number of casualties", "casualties' number": a measure noun stands for
        what it measures, its of-object or its possessor; "an assassination attempt": a
        word like "attempt" or "plot" for the event its modifier names."""
        if self._in(noun, "MEASURE_NOUNS"):
            deps = {"poss", "nmod", "compound"}
            found = [*syntax.prep_objects(noun, "of"), *syntax.children(noun, deps)]
        elif self._in(noun, "EVENT_HEADS"):
            found = syntax.children(noun, {"compound", "nmod"})
        else:
            found = []
        return found[0] if found else noun

    def _referent(self, pronoun: Token, names: str | list[str]) -> Token | None:
        """ "The bomb was planted in a car. ... it exploded": the nearest noun of the
        class the row asks for, of the pronoun's number, shortly before it."""
        plural = pronoun.lower_ in PLURAL_PRONOUNS
        first = pronoun.sent.start
        for _ in range(REFERENT_SENTENCES):
            if first == 0:
                break
            first = pronoun.doc[first - 1].sent.start
        for token in reversed(pronoun.doc[first : pronoun.i]):
            if token.pos_ == "NOUN" and (token.tag_ == "NNS") == plural and self._in(token, names):
                return token
        return None

    def _object_referent(self, pronoun: Token, names: str | list[str]) -> Token | None:
        """The referent of a pronoun object, unless it is the subject of a verb above the
        pronoun: in "officials said they were executed" the speakers may be "they" or
        not, and no class is taken from so unsure a reading."""
        referent = self._referent(pronoun, names)
        if referent is None:
            return None
        above = (syntax.subject(verb) for verb in pronoun.head.ancestors)
        return None if any(s is not None and s.i == referent.i for s in above) else referent

    def _specific(self, row: dict, noun: Token) -> bool:
        """ "the explosion", "Saturday's attack", "the deadly blast": a particular event the
        reader knows of, not attacks in general ("a cheap way to attack")."""
        modifiers = frozenset(row["specific"])
        if reporting.particular(noun, modifiers) or _date_named(noun):
            return True  # "Boston Marathon bombing suspect": the name is the event's own
        # "the failed assassination attempt", "the bombing suspect": told by the head
        return (
            noun.dep_ == "compound"
            and self._in(noun.head, "EVENT_HEADS")
            and reporting.particular(noun.head, modifiers)
        )

    def _with_outcome(self, candidates: list[Candidate]) -> list[Candidate]:
        """An event noun in a sentence that reports deaths or injuries names the attack
        that caused them ("the worst explosion was at the station, where six died")."""
        chosen = _toll_nouns(candidates)
        kept = []
        for candidate in candidates:
            if candidate.entry.get("with_outcome") and candidate.token.i not in chosen:
                rows = [row for row in candidate.fallbacks if not row.get("with_outcome")]
                if not rows:
                    continue
                candidate.entry, candidate.anchor = rows[0], _anchor(candidate.token, rows[0])
            kept.append(candidate)
        return kept

    def _accident(self, candidate: Candidate) -> bool:
        """ "82 people are killed when a plane slams into a mountain": a death toll in an
        accident or disaster is no attack; nor is a blast told as accidental ("the device
        went off prematurely", "killed in two accidental explosions")."""
        token = candidate.token
        if self._told_as_accident(token):
            return True
        if not candidate.entry.get("outcome"):
            return False
        if self._told_as_accident(_outcome_head(token)):
            return True  # "the device detonated accidentally, killing three"
        return any(self._in(t, ["ACCIDENTS", "ACCIDENT_CUES"]) for t in token.subtree)

    def _told_as_accident(self, token: Token) -> bool:
        return any(self._in(c, "ACCIDENT_CUES") for c in syntax.children(token, ACCIDENT_CUE_DEPS))

    def _actor_like(self, token: Token) -> bool:
        """Someone who can act, or the weapon or blast that did ("the explosion killed")."""
        if token.pos_ in {"PROPN", "PRON"} or token.ent_type_ in ACTOR_LABELS:
            return True
        return any(self._in(token, name) for name in AGENT_CLASSES)

    def _retype(self, candidates: list[Candidate]) -> list[Candidate]:
        """ "promised to bomb" is a THREATEN, "urged fighters to march" a mobilisation,
        "said Sudan must return the helicopter" a REQUEST of Sudan; the promise or the
        call is not a second event."""
        by_token = {c.token.i: c for c in candidates}
        dropped: set[int] = set()
        for candidate in candidates:
            governor = candidate.token.head
            for rule in self.retypes:
                if not self._retype_applies(rule, candidate):
                    continue
                entry = {**candidate.entry, "type": rule["to_type"]}
                if "modality" in rule:
                    entry["modality"] = rule["modality"]
                if rule.get("actor1_from") == "governor":
                    entry["governor"] = governor.i
                addressee = syntax.subject(candidate.token)
                if rule.get("actor2_from") == "subject" and addressee is not None:
                    entry["addressee"] = addressee.i
                candidate.entry = entry
                if governor.i in by_token:
                    dropped.add(governor.i)
                break
        return [c for c in candidates if c.token.i not in dropped]

    def _retype_by_purpose(self, candidates: list[Candidate]) -> list[Candidate]:
        """ "sent troops to help the government": troops sent to help someone are aid,
        and the one helped is the recipient; war planes sent into a country to fight
        someone fly an air attack on them. A purpose verb that is itself a trigger of the new type
        ("sent bombers to *strike* ...") tells the same event: it is dropped."""
        by_token = {c.token.i: c for c in candidates}
        dropped: set[int] = set()
        for candidate in candidates:
            purpose = self._purpose_retype(candidate)
            told_twice = by_token.get(purpose.i) if purpose is not None else None
            if told_twice is not None and told_twice.entry["type"] == candidate.entry["type"]:
                dropped.add(purpose.i)
        return [c for c in candidates if c.token.i not in dropped]

    def _purpose_retype(self, candidate: Candidate) -> Token | None:
        """Retype ``candidate`` by its to-purpose clause; the purpose verb when one applied."""
        purposes = [
            child
            for child in syntax.children(candidate.token, {"advcl", "xcomp"})
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ]
        for rule in self.purposes:
            if candidate.entry["type"] != rule["from_type"]:
                continue
            if "object_in" in rule and not any(
                self._in(o, rule["object_in"]) for o in syntax.direct_objects(candidate.token)
            ):
                continue
            if "goal_preps" in rule and not any(
                syntax.prep_objects(candidate.token, prep) for prep in rule["goal_preps"]
            ):
                continue
            for purpose in purposes:
                if purpose.lemma_.lower() in rule["purpose_lemmas"]:
                    entry = {**candidate.entry, "type": rule["to_type"]}
                    if "mode" in rule:
                        entry["mode"] = rule["mode"]
                    helped = syntax.children(purpose, syntax.OBJECT_DEPS)
                    if helped and self._actor_like(helped[0]):
                        entry["addressee"] = helped[0].i
                    candidate.entry = entry
                    return purpose
        return None

    def _add_rule_verbs(self, doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
        """Verbs that report an event by their position alone: "declared that China
        must drop its barriers" is a demand whatever "drop" means."""
        taken = {c.token.i for c in candidates}
        rules = [rule for rule in self.retypes if rule.get("any_verb")]
        added = []
        for token in doc:
            if token.pos_ != "VERB" or token.i in taken:
                continue
            for rule in rules:
                entry = {"id": rule["id"], "type": rule["to_type"]}
                addressee = syntax.subject(token)
                if addressee is None or not self._actor_like(addressee):
                    continue  # a demand is made of someone who can act
                if self._retype_applies(rule, Candidate(token, entry, token)):
                    added.append(Candidate(token, entry, token))
                    break
        return sorted([*candidates, *added], key=lambda c: c.token.i)

    def _retype_applies(self, rule: dict, candidate: Candidate) -> bool:
        token = candidate.token
        if token.dep_ != rule.get("dep", "xcomp"):
            return False
        if token.head.lemma_.lower() not in rule["governor_lemmas"]:
            return False
        if "from_type" in rule and candidate.entry["type"] != rule["from_type"]:
            return False
        aux = {c.lemma_.lower() for c in syntax.children(token, {"aux"})}
        return "aux_lemmas" not in rule or not aux.isdisjoint(rule["aux_lemmas"])


def in_class(token: Token, word_class: WordClass) -> bool:
    """By lemma, surface form or a plain singular (the tagger reads a capitalised
    "Rebels" opening a sentence as a name and leaves it unlemmatised), or entity label."""
    return (
        token.lemma_.lower() in word_class.lemmas
        or token.lower_ in word_class.lemmas
        or _singular(token.lower_) in word_class.lemmas
        or (bool(token.ent_type_) and token.ent_type_ in word_class.entity_labels)
    )


def _misread_noun(token: Token) -> bool:
    """ "Shootings in Belfast had continued", "3 Casualties in Rastan": the tagger reads a
    capitalised noun opening a sentence or a title-case headline as a name; one with no
    entity label is taken as the noun it is when it opens the sentence or is counted (a
    name takes no numeral)."""
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and (token.is_sent_start or reporting.counted_noun(token))
    )


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _infinitive(token: Token) -> bool:
    """ "to support", or "to take up arms and defend" (the second verb shares the "to")."""
    verb = token.head if token.dep_ == "conj" else token
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _measured_time(prep: Token) -> bool:
    """ "died *three days after* the bombing": a measured interval makes the preposition
    say when, not what caused it."""
    return any(c.dep_ == "npadvmod" and c.ent_type_ in SETTING_TIME_LABELS for c in prep.children)


def _list_entry(token: Token) -> bool:
    """ "* 2014 Bagram Airfield bombing": a verbless line of a bulleted list is a title or a
    link ("See also"), not a report."""
    sentence = token.sent
    if any(t.pos_ in {"VERB", "AUX"} for t in sentence):
        return False
    text = token.doc.text
    line = text[text.rfind("\n", 0, token.idx) + 1 : token.idx].lstrip()
    return line[:1] in LIST_BULLETS


def _left_dead(verb: Token) -> bool:
    """ "the suspect, shot dead by police": a participle that says someone was killed, and
    by whom, tells the killing, not something known of the person."""
    dead = any(c.lemma_.lower() in DEAD_WORDS for c in syntax.children(verb, COMPLEMENT_DEPS))
    return dead and bool(syntax.prep_objects(verb, "by"))


def _counted_antecedent(verb: Token) -> bool:
    """A toll told in a modifier whose counted victims the parse puts a step away: "9
    members of the regime forces killed near X" (the participle hangs from the nearer
    noun), "2 members who were killed by ISIS" (the count is on the antecedent), "claimed
    the lives of 3 citizens" (on the of-object). A definite count ("the 5 persons") is a
    group told before."""
    nouns = _phrase_heads(verb.head) if verb.dep_ in CLAUSE_MODIFIER_DEPS else []
    for victim in syntax.children(verb, syntax.OBJECT_DEPS | syntax.PASSIVE_SUBJECT_DEPS):
        nouns.extend(syntax.of_chain(victim))
    return any(_counted(noun) for noun in nouns)


def _headline_participle(verb: Token) -> bool:
    """ "Body of a young man found in Daraa": a headline's participle the parse hangs from
    a noun inside the root's phrase rather than from the root."""
    return verb.dep_ == "acl" and any(
        head.dep_ == "ROOT" and head.pos_ in reporting.HEADLINE_ROOT_POS
        for head in _phrase_heads(verb.head)
    )


def _phrase_heads(noun: Token) -> list[Token]:
    """``noun`` and the nouns whose prepositional phrases hold it, a few levels up: a
    participle the parse hangs from ``noun`` may modify any of them ("the body of a young
    man found shot", "9 members from the forces killed")."""
    heads = [noun]
    while (
        len(heads) < COUNT_CLIMB
        and noun.dep_ == "pobj"
        and noun.head.head.pos_ in {"NOUN", "PROPN", "NUM"}
    ):
        noun = noun.head.head
        heads.append(noun)
    return heads


def _counted(noun: Token) -> bool:
    """A number of victims that is news: not one told before ("the 5 killed"), which a
    document's opening sentence cannot point back to ("among the 5 persons killed")."""
    counted = noun.pos_ == "NUM" or bool(syntax.children(noun, {"nummod"}))
    return counted and (noun.sent.start == 0 or not reporting.definite(noun))


def _background_verb(verb: Token) -> bool:
    """ "insurgents who continue to ambush forces" describes the insurgents, as the relative
    clause it completes does; "Capturing drones is one option" names a kind of act."""
    if verb.dep_ == "csubj":
        return True
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.dep_ in CLAUSE_MODIFIER_DEPS
        and not _dated_clause(head)
        and not reporting.counted(verb)
    )


def _dated_clause(verb: Token) -> bool:
    if verb.dep_ not in CLAUSE_MODIFIER_DEPS:
        return False
    for child in verb.children:
        if child.ent_type_ in SETTING_TIME_LABELS and child.dep_ == "npadvmod":
            return True
        if child.dep_ == "prep" and any(
            pobj.ent_type_ in SETTING_TIME_LABELS for pobj in syntax.children(child, {"pobj"})
        ):
            return True
    return False


def _date_named(noun: Token) -> bool:
    """ "three days after the April 15, 2013, bombing": a full date set off by commas
    before an event noun names the event, though the parser seldom attaches it."""
    before = noun.i - 1
    if before >= 0 and noun.doc[before].is_punct:
        before -= 1
    if before < 0 or noun.ent_type_ in SETTING_TIME_LABELS:
        return False
    last = noun.doc[before]
    if last.ent_type_ != "DATE":
        return False
    first = last.i
    while first > 0 and last.doc[first].ent_iob_ == "I":
        first -= 1
    return any(t.is_punct for t in noun.doc[first : last.i + 1])


def _has_setting(noun: Token) -> bool:
    for child in noun.children:
        if child.ent_type_ in SETTING_TIME_LABELS and child.dep_ in {"poss", "compound", "nmod"}:
            return True
        if child.dep_ == "prep" and child.lower_ in SETTING_PREPS:
            for pobj in syntax.children(child, {"pobj"}):
                if pobj.ent_type_ in SETTING_PLACE_LABELS | SETTING_TIME_LABELS:
                    return True
    return False


def _objects(token: Token) -> list[Token]:
    """What the act is done to: the noun a reduced passive follows, or one whose phrase
    holds it ("*the body* of a young man found in Daraa")."""
    objects = syntax.direct_objects(token)
    if not objects and _reduced_passive(token):
        objects = [token.head]
    if token.dep_ == "acl" and objects == [token.head]:
        return _phrase_heads(token.head)
    return objects


def _reduced_passive(token: Token) -> bool:
    """A participle after its noun with a by-agent is a passive whatever tag it got ("the
    killer, shot dead by police", tagged past tense)."""
    return (
        token.dep_ == "acl"
        and token.head.pos_ in {"NOUN", "PROPN"}
        and bool(syntax.children(token, {"agent"}))
    )


def _has_prep(token: Token, prep: str) -> bool:
    return any(c.dep_ in syntax.PREP_DEPS and c.lower_ == prep for c in token.children)


def _agent(token: Token) -> Token | None:
    """Who does it: the by-agent of a passive, else the subject."""
    if token.pos_ in {"NOUN", "PROPN"}:
        return _noun_agent(token)
    if syntax.is_passive(token) or _reduced_passive(token):
        agents = syntax.prep_objects(token, "by")
        return agents[0] if agents else None
    return syntax.subject(token)


def _noun_agent(token: Token) -> Token | None:
    if token.dep_ in {"dobj", "attr"} and token.head.pos_ == "VERB":
        return syntax.subject(token.head)
    if token.dep_ == "pobj" and token.head.head.pos_ == "VERB":
        return syntax.subject(token.head.head)
    return None


def _anchor(token: Token, row: dict) -> Token:
    """The verb whose subject and objects are this event's actors."""
    if token.pos_ == "VERB" or row.get("own_roles"):
        return token  # a noun told by reference carries its own roles ("Saturday's attack")
    if "via_prep" in row or "via_prep_of" in row:
        return token.head.head
    head = token.head
    if token.dep_ == "conj" and head.dep_ in NOUN_ARGUMENT_DEPS:
        head = head.head
    if head.pos_ in {"VERB", "AUX"} and token.dep_ in NOUN_ARGUMENT_DEPS | {"conj"}:
        return head
    return token


def _one_per_anchor(candidates: list[Candidate]) -> list[Candidate]:
    """ "imposed sanctions": verb and noun both match; the clause reports one event, told
    by the verb, unless the verb only tells its outcome ("a blast killed four") or what
    the event noun that is its subject hit ("the explosion targeted a bakery")."""

    def preference(candidate: Candidate) -> tuple[bool, bool, bool]:
        return (
            not candidate.entry.get("outcome"),
            not candidate.entry.get("subject_tells"),
            candidate.token.i == candidate.anchor.i,
        )

    kept: dict[tuple[int, str], Candidate] = {}
    for candidate in candidates:
        key = (candidate.anchor.i, candidate.entry["type"])
        if key not in kept or preference(candidate) > preference(kept[key]):
            kept[key] = candidate
    return sorted(kept.values(), key=lambda c: c.token.i)


def _one_per_identity(candidates: list[Candidate]) -> list[Candidate]:
    """ "The Rolando bombing was an attack on a cafe": a copula says the two nouns are one
    event; the predicate noun, which tells it, is kept."""
    predicates = {(c.token.head.i, c.entry["type"]) for c in candidates if c.token.dep_ == "attr"}
    return [
        c
        for c in candidates
        if not (
            c.token.dep_ == "nsubj"
            and c.token.head.lemma_ == "be"
            and (c.token.head.i, c.entry["type"]) in predicates
        )
    ]


def _fold_retreats(candidates: list[Candidate]) -> list[Candidate]:
    """ "fell to the insurgents after government troops fled": the flight is the capture
    seen from the losing side, so it is kept on the capture as its loser, not as an event."""
    by_token = {c.token.i: c for c in candidates}
    kept = []
    for candidate in candidates:
        capture = by_token.get(candidate.token.head.i)
        if (
            candidate.entry["type"] == "RETREAT"
            and candidate.token.dep_ == "advcl"
            and capture is not None
            and capture.entry.get("mode") == "seize"
        ):
            capture.entry = {**capture.entry, "loser": candidate.token.i}
            continue
        kept.append(candidate)
    return kept


def _outcome_head(token: Token) -> Token:
    """The word an outcome link runs to: the head along a clause dependency, or the verb
    of the preposition an event noun hangs from ("killed *in* a car bombing")."""
    if token.dep_ in OUTCOME_LINK_DEPS:
        return token.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in CAUSE_PREPS:
        return token.head.head
    return token


def _fold_outcomes(candidates: list[Candidate]) -> list[Candidate]:
    """ "bombed the area, killing 57": one event, told by the attack, not two.

    Outcome triggers (kill, wound) linked to an attack trigger through a clause
    dependency are dropped and remembered on the attack, whose victims they name.
    """
    by_token = {c.token.i: c for c in candidates}
    parent = {i: i for i in by_token}

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for candidate in candidates:
        token = candidate.token
        head = by_token.get(_outcome_head(token).i)
        if head is None or head is candidate:
            continue
        same_type = candidate.entry["type"] == head.entry["type"]
        general = GENERIC in (candidate.entry.get("modality"), head.entry.get("modality"))
        if (
            same_type
            and not general
            and (candidate.entry.get("outcome") or head.entry.get("outcome"))
        ):
            parent[find(token.i)] = find(head.token.i)
    groups: dict[int, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        groups[find(candidate.token.i)].append(candidate)
    kept = []
    for members in groups.values():
        mains = [m for m in members if not m.entry.get("outcome")]
        if not mains:
            kept.append(members[0])
            continue
        outcomes = [m for m in members if m.entry.get("outcome")]
        for main in mains:
            if outcomes:
                main.entry = {**main.entry, "outcome_tokens": [o.token.i for o in outcomes]}
                if main.anchor is main.token and main.token.pos_ == "NOUN":
                    # "guerrillas wounded two soldiers in a bomb attack": the verb has the roles
                    main.anchor = outcomes[0].token
            kept.append(main)
    return sorted(kept, key=lambda c: c.token.i)


def _toll_nouns(candidates: list[Candidate]) -> set[int]:
    """Per sentence with a toll and no other attack, the event noun nearest the toll: "killed
    in IS attacks, prompting Russian airstrikes" names one cause."""
    outcomes: dict[int, list[int]] = defaultdict(list)
    nouns: dict[int, list[int]] = defaultdict(list)
    others: set[int] = set()
    for c in candidates:
        sentence = c.token.sent.start
        if c.entry.get("outcome"):
            outcomes[sentence].append(c.token.i)
        elif c.entry.get("with_outcome"):
            nouns[sentence].append(c.token.i)
        elif c.entry["type"] == "ASSAULT":
            others.add(sentence)
    return {
        min(found, key=lambda i: min(abs(i - o) for o in outcomes[sentence]))
        for sentence, found in nouns.items()
        if sentence in outcomes and sentence not in others
    }


def _agentless(outcome: Candidate) -> bool:
    """ "six people were killed", "the blast killed six": no one named does the killing."""
    token = outcome.token
    if syntax.is_passive(token):
        return not syntax.prep_objects(token, "by")
    agent = syntax.subject(token)
    return agent is None or agent.pos_ not in {"PROPN", "PRON"} and not agent.ent_type_


def _fold_stray_outcomes(candidates: list[Candidate]) -> list[Candidate]:
    """ "The worst explosion was at the station, where six people were killed": a toll with
    no killer of its own, told beside an attack, is that attack's outcome, not an event."""
    attacks: dict[int, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        entry = candidate.entry
        # A toll is news: it never joins attacks told in general ("frequent attacks").
        if (
            entry["type"] == "ASSAULT"
            and not entry.get("outcome")
            and entry.get("modality") != GENERIC
        ):
            attacks[candidate.token.sent.start].append(candidate)
    kept = []
    for candidate in candidates:
        nearby = attacks.get(candidate.token.sent.start)
        if not (candidate.entry.get("outcome") and nearby and _agentless(candidate)):
            kept.append(candidate)
            continue
        main = min(nearby, key=lambda c: abs(c.token.i - candidate.token.i))
        outcomes = [*main.entry.get("outcome_tokens", ()), candidate.token.i]
        main.entry = {**main.entry, "outcome_tokens": outcomes}
    return kept
