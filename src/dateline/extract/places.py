"""Component ``dateline_places``: the places each event happened in.

Reads: entities, the parse, trigger spans with ``_.dl_anchor``, ``_.dl_actor1``
and ``_.dl_attribution``.
Writes: ``doc.spans["dateline_places"]`` (every place candidate) and
``span._.dl_places`` on each trigger (its places, nearest first).

A candidate is a GPE/LOC/FAC entity used as a place (not as the subject, not as
the possessor of a non-place: "Iran's Revolutionary Guard"), or any proper noun
after a place preposition ("in Al-Qa'm", "east of Talafar"), because the small
model often labels Iraqi towns ORG or PERSON. A trigger takes the candidates in
its own clause first, then in clauses below it that report no other event, then
in the clause above it; places inside the agent's phrase or the attribution
("officials in Anbar said") describe those, not the event, while a place in the
target's phrase is where it was hit ("the hall in Denver was wrecked"). With no place
named, a place noun the event is located at stands in ("bombs across the city").
The unlabelled or place-labelled name an attack falls on ("shelled Aleppo",
"airstrikes on Raqqa", "shell Idlib countryside") is a candidate too: the small
model parses such headline objects oddly and rarely tags them, and the resolver's
gazetteer decides whether the name is a place. A capture's places are what was
taken ("Saadiyah and Jalawla had fallen", "took control of Falluja"), never a place
elsewhere in its clause ("in a sweep towards Baghdad").
"""

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.extract import syntax
from dateline.extract.extensions import PLACES_KEY, TRIGGERS_KEY, register
from dateline.extract.lexicon import load_rows, word_classes

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities that are never places whatever their preposition.
NON_PLACE_LABELS = frozenset(
    {"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "LANGUAGE",
     "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"}
)  # fmt: skip
# A sentence is a title-case headline when most of its longer words are capitalised.
MIN_HEADLINE_WORD = 3
MIN_HEADLINE_WORDS = 4
HEADLINE_CAPITALS = 0.7
# "at the station": a place preposition for a place noun (not for any proper noun:
# "at Google").
COMMON_PLACE_PREP = "at"
# The type whose object names the place hit, and the dependencies that object may
# take in a rough parse ("shelled Aleppo" as npadvmod, "Idlib countryside" as compound).
ATTACK_TYPE = "ASSAULT"
ATTACKED_DEPS = frozenset({"dobj", "npadvmod", "nsubjpass"})
ATTACKED_PREPS = frozenset({"on", "against"})
# NER labels that say a name is someone, not somewhere.
PERSON_LABELS = frozenset({"PERSON", "ORG"})
# A place under these is a topic ("a meeting about events in Iraq"), not a venue.
TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
# Subordinate clauses that state a separate proposition ("while officials voiced ...").
SEPARATE_CLAUSE_MARKS = frozenset({"while", "although", "though", "whereas", "as", "because", "if"})


@Language.factory(
    "dateline_places",
    default_config={"extra_dirs": []},
    requires=["doc.ents", "token.dep", "doc.spans", "span._.dl_actor1", "span._.dl_actor2"],
    assigns=["doc.spans", "span._.dl_places", "span._.dl_argument_places"],
)
def make_places(nlp: Language, name: str, extra_dirs: Sequence[str]) -> "PlaceFinder":
    return PlaceFinder(extra_dirs=[Path(d) for d in extra_dirs])


class PlaceFinder:
    def __init__(self, *, extra_dirs: Sequence[Path] = ()) -> None:
        register()
        classes = word_classes(extra_dirs=extra_dirs)
        self.territory_lemmas = classes["TERRITORY_NOUNS"].lemmas
        self.actors = classes["ACTORS"]
        rows = load_rows("extract", "places", extra_dirs=extra_dirs)
        self.place_preps = frozenset(w for row in rows for w in row.get("prepositions", ()))
        self.directions = frozenset(w for row in rows for w in row.get("directions", ()))
        self.entity_preps = frozenset(w for row in rows for w in row.get("entity_prepositions", ()))
        self.of_heads = frozenset(w for row in rows for w in row.get("of_heads", ()))
        self.discourse_heads = frozenset(w for row in rows for w in row.get("discourse_heads", ()))
        self.addressee_verbs = frozenset(w for row in rows for w in row.get("addressee_verbs", ()))
        self.motion_verbs = frozenset(w for row in rows for w in row.get("motion_verbs", ()))
        self.goal_preps = frozenset(w for row in rows for w in row.get("goal_prepositions", ()))
        self.comitatives = frozenset(tuple(p) for row in rows for p in row.get("comitatives", ()))

    def __call__(self, doc: Doc) -> Doc:
        candidates = self._candidates(doc)
        doc.spans[PLACES_KEY] = candidates
        triggers = list(doc.spans.get(TRIGGERS_KEY, []))
        anchors = {span._.dl_anchor for span in triggers}
        for span in triggers:
            own = _unique(self._argument_places(span, candidates))
            if "places_from" in span._.dl_entry:
                found = _within_arguments(span, candidates, self._argument_heads(span))
            else:
                goal = self._goal_tokens(span)
                found = _assign(span, candidates, anchors, goal) or self._common_places(span)
            span._.dl_argument_places = own
            span._.dl_places = _unique([*own, *found])
        return doc

    def _candidates(self, doc: Doc) -> list[Span]:
        found: dict[tuple[int, int], Span] = {}
        attacks = {
            i
            for span in doc.spans.get(TRIGGERS_KEY, [])
            if span.label_ == ATTACK_TYPE
            for i in (span._.dl_anchor, span.root.i)
        }
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS and self._used_as_place(ent.root):
                found[(ent.start, ent.end)] = ent
        for token in doc:
            if token.pos_ != "PROPN":
                continue
            span = None
            if self._after_place_prep(_first_conjunct(token)):
                span = syntax.noun_phrase(token)
            elif self._names_place_noun(token):
                span = syntax.noun_phrase(token.head)
            elif _attacked_name(token, attacks):
                span = _name_phrase(token)
            if span is not None and not _overlaps(span, found) and self._plausible_name(span):
                found[(span.start, span.end)] = span
        return sorted(found.values(), key=lambda s: s.start)

    def _names_place_noun(self, token: Token) -> bool:
        """ "around the Himreen mountains", "near the Baiji refinery": a name the model
        missed, compounded with a place noun after a place preposition."""
        head = token.head
        compound = token.dep_ == "compound"
        return compound and self._is_territory(head) and self._after_place_prep(head)

    def _used_as_place(self, token: Token) -> bool:
        """A place-name entity in a place's slot: not the agent ("by Iran"), the partner
        ("with Washington"), the subject or the owner of a non-place ("Iran's army")."""
        if token.dep_ in {"conj", "appos"}:
            return self._used_as_place(token.head)
        if token.dep_ in syntax.SUBJECT_DEPS or self._addressed(token):
            return False
        if token.dep_ in {"poss", "compound"}:
            return self._is_territory(token.head)
        if token.dep_ != "pobj":
            return True
        prep = token.head
        if prep.dep_ == "agent" or prep.head.lemma_.lower() in self.discourse_heads:
            return False
        if prep.lower_ in self.entity_preps:
            return True
        return prep.lower_ == "of" and self._of_place(prep.head)

    def _addressed(self, token: Token) -> bool:
        """A government addressed by its capital's or country's name: "asked Washington
        to speed the delivery", "signaled to the U.S.", "called on Tehran"."""
        verb = token.head
        if token.dep_ == "pobj" and verb.lower_ in {"to", "on"}:
            verb = verb.head
        elif token.dep_ not in {"dobj", "dative"}:
            return False
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.addressee_verbs

    def _goal_tokens(self, span: Span) -> set[int]:
        """Where a motion verb's theme goes ("sent war planes into Iraq", "deployed forces
        to fight in Iraq"), for the motion and for what it is sent to do ("sent jets into
        Syria to strike the militants"). Empty for other verbs."""
        root = span.root
        if self._is_motion(root):
            return self._goal_of(root)
        if _is_purpose(root) and self._is_motion(root.head):
            return self._goal_of(root.head) - {t.i for t in root.subtree}
        return set()

    def _is_motion(self, verb: Token) -> bool:
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.motion_verbs

    def _goal_of(self, verb: Token) -> set[int]:
        goal: set[int] = set()
        for child in verb.children:
            if (child.dep_ == "prep" and child.lower_ in self.goal_preps) or _is_purpose(child):
                goal.update(t.i for t in child.subtree)
        return goal

    def _of_place(self, owner: Token) -> bool:
        """ "the city of Tikrit", "east of Talafar", "85% of Tikrit"."""
        word = owner.lemma_.lower()
        return word in self.directions or word in self.of_heads or self._is_territory(owner)

    def _is_territory(self, token: Token) -> bool:
        # The lemmatiser reads "bases" as "basis": check the surface form too.
        return (
            token.lemma_.lower() in self.territory_lemmas or token.lower_ in self.territory_lemmas
        )

    def _after_place_prep(self, token: Token) -> bool:
        """ "in Al-Qa'm", "east of Talafar", "at Oxford Street" (a name whose head is a
        place noun), and the names coordinated with them ("in Tal Kalakh and Wadi
        Khaled")."""
        if token.dep_ != "pobj":
            return False
        prep = token.head
        if prep.lower_ in self.place_preps:
            return True
        if prep.lower_ in self.goal_preps and self._is_motion(prep.head):
            return True  # "send 250 trainers to Erbil": where the force goes
        if prep.lower_ in self.entity_preps and self._is_territory(token):
            return True
        return prep.lower_ == "of" and self._of_place(prep.head)

    def _plausible_name(self, span: Span) -> bool:
        """An organisation's name ("the Security Council") is not a place."""
        if span.root.ent_type_ in NON_PLACE_LABELS:
            return False
        return not any(t.lemma_.lower() in self.actors.lemmas for t in span)

    def _common_places(self, span: Span) -> list[Span]:
        """With no place named, a place noun the event itself is located at ("bombs
        across the city", "fighting in the border area", "the bombing of the town"):
        the resolver reads it from context or falls back."""
        root, anchor = span.root, span.doc[span._.dl_anchor]
        heads = [root, anchor]
        event = root
        while event.dep_ == "pobj" and event.head.lower_ == "of" and event.head.head.pos_ == "NOUN":
            event = event.head.head  # "a wave of shooting broke out in ..."
        if event.dep_ in syntax.SUBJECT_DEPS and root.pos_ == "NOUN" and root.i == anchor.i:
            heads.append(event.head)  # "the explosion was at the station"
        found = []
        for head in dict.fromkeys(heads):
            preps = [*self.place_preps, COMMON_PLACE_PREP]
            if head.pos_ in {"NOUN", "PROPN"}:
                preps.append("of")  # "the bombing of the town"
            for preposition in preps:
                for noun in syntax.prep_objects(head, preposition):
                    if noun.pos_ == "NOUN" and self._is_territory(noun):
                        found.append(syntax.noun_phrase(noun))
        return found

    def _argument_heads(self, span: Span) -> list[Token]:
        source = span._.dl_entry.get("places_from")
        root = span.root
        if source == "subject":
            head = syntax.subject(root) or syntax.passive_subject(root)
            return [head] if head is not None else []
        if source == "object":
            return syntax.direct_objects(root)[:1]
        return []

    def _argument_places(self, span: Span, candidates: list[Span]) -> list[Span]:
        """Places the trigger's own argument names: "Saadiyah and Jalawla had fallen",
        "took control of Falluja", and what a comitative adds to it ("..., along with
        several villages around the Himreen mountains")."""
        places = []
        headline = _is_headline(span.sent)
        heads = self._argument_heads(span)
        for head in heads:
            for token in syntax.of_chain(head):
                if self._names_place(token, headline=headline):
                    places.append(syntax.noun_phrase(token))
        if heads:
            added = {t.i for t in self._comitatives(span.root) for t in t.subtree}
            places.extend(c for c in candidates if c.root.i in added)
        return places

    def _comitatives(self, root: Token) -> list[Token]:
        """The objects of "along with", "together with" in the trigger's clause or a clause
        the parser hung them on ("fell after the army withdrew, together with ...")."""
        found = []
        for token in root.subtree:
            first = [t for t in (token.head, *token.children) if t.i == token.i - 1]
            pair = (first[0].lower_, token.lower_) if first else None
            if token.dep_ == "prep" and pair in self.comitatives:
                found.extend(syntax.children(token, {"pobj"}))
        return found

    def _names_place(self, token: Token, *, headline: bool) -> bool:
        """A proper noun, unless it is a common word capitalised in a headline
        ("Win Back Control of Most of Tikrit")."""
        if token.pos_ != "PROPN" or token.ent_type_ in NON_PLACE_LABELS:
            return False
        if headline:
            return token.ent_type_ in PLACE_LABELS
        return not self._is_territory(token) and token.lemma_.lower() not in self.of_heads


def _attacked_name(token: Token, attacks: set[int]) -> bool:
    """ "shelled Aleppo", "airstrikes on Raqqa", "shell Idlib countryside": the name
    an attack falls on, unless the model says it names someone. In a title-case
    headline every word looks like a name ("Win Back Control of Tikrit"): there the
    model's place label is needed."""
    if token.ent_type_ in PERSON_LABELS or token.ent_type_ in NON_PLACE_LABELS:
        return False
    if token.ent_type_ not in PLACE_LABELS and _is_headline(token.sent):
        return False
    head = token.head
    if token.dep_ == "compound":  # "Idlib countryside": the noun it names takes the slot
        token, head = head, head.head
    if token.dep_ in ATTACKED_DEPS:
        return head.i in attacks
    return token.dep_ == "pobj" and head.lower_ in ATTACKED_PREPS and head.head.i in attacks


def _name_phrase(token: Token) -> Span:
    """The proper-noun run ``token`` ends or sits in ("Kafr Nabl", "Deir ez-Zor")."""
    doc = token.doc
    start = end = token.i
    while start > token.sent.start and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end + 1 < token.sent.end and doc[end + 1].pos_ == "PROPN":
        end += 1
    return doc[start : end + 1]


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj":
        token = token.head
    return token


def _is_purpose(clause: Token) -> bool:
    """ "(sent forces) to fight in Iraq": an infinitive clause of purpose."""
    infinitive = any(aux.lower_ == "to" for aux in syntax.children(clause, {"aux", "mark"}))
    return clause.dep_ in {"xcomp", "advcl"} and infinitive


def _is_headline(sentence: Span) -> bool:
    words = [t for t in sentence if t.is_alpha and len(t) > MIN_HEADLINE_WORD]
    capitalised = sum(1 for t in words if t.text[0].isupper())
    return len(words) >= MIN_HEADLINE_WORDS and capitalised / len(words) >= HEADLINE_CAPITALS


def _within_arguments(span: Span, candidates: list[Span], heads: list[Token]) -> list[Span]:
    """A place taken is the object taken ("captured two towns in Diyala"), never a place
    elsewhere in the clause ("in a sweep towards the capital Baghdad")."""
    inside = {t.i for head in heads for t in head.subtree}
    excluded = _excluded_tokens(span, span.doc[span._.dl_anchor])
    return [c for c in candidates if c.root.i in inside and c.root.i not in excluded]


def _assign(span: Span, candidates: list[Span], anchors: set[int], goal: set[int]) -> list[Span]:
    """The candidates of the first layer holding any: a motion verb's goal, the trigger's
    clause, clauses below it that report no other event, the clause above it."""
    doc = span.doc
    anchor = doc[span._.dl_anchor]
    excluded = _excluded_tokens(span, anchor)
    own_clause = syntax.clause_tokens(anchor) | {t.i for t in span.root.subtree}
    target = span._.dl_actor2
    if target is not None:  # "the City Hall in Denver was wrecked": where the target was
        own_clause |= {t.i for t in target.root.subtree}
    below = _subtree_without_other_events(anchor, anchors) - own_clause
    layers = [goal, own_clause, below]
    if anchor.dep_ in syntax.CLAUSE_DEPS and anchor.head.i not in anchors:
        layers.append(syntax.clause_tokens(anchor.head))
    for layer in layers:
        picked = [c for c in candidates if c.root.i in layer and c.root.i not in excluded]
        if picked:
            return picked
    return []


def _excluded_tokens(span: Span, anchor: Token) -> set[int]:
    excluded: set[int] = set()
    actor1 = span._.dl_actor1
    if actor1 is not None:
        excluded.update(t.i for t in actor1.root.subtree if _describes(t, actor1.root))
    attribution = span._.dl_attribution
    if attribution is not None:
        excluded.update(range(attribution.start, attribution.end))
    for token in anchor.subtree:
        if token.dep_ == "prep" and token.lower_ in TOPIC_PREPS:
            excluded.update(t.i for t in token.subtree)
    for child in anchor.children:
        if child.dep_ == "advcl" and any(
            m.lower_ in SEPARATE_CLAUSE_MARKS for m in syntax.children(child, {"mark"})
        ):
            excluded.update(t.i for t in child.subtree)
    return excluded


def _describes(token: Token, actor: Token) -> bool:
    """A place under the agent's phrase names where the agent is from or what it is
    ("the Islamic State in Iraq", "militias that operate in Syria"), unless it hangs
    off a plain noun by a place preposition ("fighters near Homs", a parser's guess)."""
    if token.i == actor.i:
        return True
    path = []
    while token.i != actor.i:
        path.append(token)
        token = token.head
    if any(t.dep_ in {"relcl", "acl", "appos", "poss", "compound"} for t in path):
        return True
    return any(t.dep_ == "prep" and t.head.pos_ == "PROPN" for t in path)


def _subtree_without_other_events(anchor: Token, anchors: set[int]) -> set[int]:
    keep: set[int] = set()
    stack = [anchor]
    while stack:
        token = stack.pop()
        keep.add(token.i)
        stack.extend(c for c in token.children if c.i not in anchors)
    return keep


def _overlaps(span: Span, found: dict[tuple[int, int], Span]) -> bool:
    return any(start < span.end and span.start < end for start, end in found)


def _unique(spans: list[Span]) -> tuple[Span, ...]:
    seen: dict[tuple[int, int], Span] = {}
    for span in spans:
        if not any(s < span.end and span.start < e for s, e in seen):
            seen[(span.start, span.end)] = span
    return tuple(seen.values())
