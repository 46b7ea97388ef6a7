"""A real SQLite ledger for the API and dashboard tests (helpers only, no tests here).

Hand-written reports with known answers (a contradiction, events without a date or a
toll, events either side of the date line, a document full of script payloads) plus
synthetic events from dateline.api.sample for volume.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import make_document, make_event, make_mention

from dateline.api.sample import add_sample_documents
from dateline.records import Actor, Comment, Contradiction, Count, Document, Place, Range, Span
from dateline.store import Ledger

SAMPLE_EVENTS = 40
XSS_SCRIPT = "<script>window.__xss = 'script'; alert('xss')</script>"
XSS_IMG = "<img src=x onerror=\"window.__xss = 'img'; alert('xss')\">"
XSS_URL = "javascript:window.__xss='url'"

SYRIA_MIL = Actor("SYR-MIL", "Syria military", "SYR", "MIL", acled_inter=8)
IRAQ_CVL = Actor("IRQ-CVL", "Iraq civilians", "IRQ", "CVL", acled_inter=7)
IRAQ_MIL = Actor("IRQ-MIL", "Iraq military", "IRQ", "MIL", acled_inter=1)
ISIS = Actor("ISIS", "Islamic State", None, "REB", group="ISIS", acled_inter=2)
USA_MIL = Actor("USA-MIL", "United States military", "USA", "MIL", acled_inter=8)
FIJI_REB = Actor("FJI-REB", "Fiji rebels", "FJI", "REB", acled_inter=2)
FIJI_POLICE = Actor("FJI-POL", "Fiji police", "FJI", "GOV", acled_inter=1)
XSS_ACTOR = Actor("XSS-REB", f"Gunmen {XSS_IMG}", "IRQ", "REB", acled_inter=2)

MOSUL = Place("Mosul", "IRQ", 36.34, 43.13, "town", admin1="Nineveh")
TIKRIT = Place("Tikrit", "IRQ", 34.60, 43.68, "town", admin1="Salah ad Din")
ERBIL = Place("Erbil", "IRQ", 36.19, 44.01, "town", admin1="Erbil")
LABASA = Place("Labasa", "FJI", -16.43, 179.38, "town")  # west of the date line
LAU = Place("Lau", "FJI", -17.20, -179.10, "admin1")  # east of it
XSS_PLACE = Place(f"Town {XSS_SCRIPT}", "IRQ", 35.00, 44.00, "town")


def span(text: str, part: str, start: int = 0) -> Span:
    at = text.index(part, start)
    return Span(part, at, at + len(part))


def sentence_mention(doc: Document, sentence: str, trigger: str, **kw):
    """A mention of ``sentence`` in ``doc`` with its trigger word, offsets computed."""
    whole = span(doc.text, sentence)
    fields = {"sentence": whole, "trigger": span(doc.text, trigger, whole.start)}
    if "killed_text" in kw:
        number = kw.pop("killed_text")
        count = span(doc.text, number, whole.start)
        fields["killed"] = Count(count, int(number), int(number), int(number), "exact")
    else:
        fields["killed"] = None
    fields.update(kw)
    return make_mention(doc, **fields)


def _documents() -> dict[str, Document]:
    a = (
        "Syrian jets bombed a market in Mosul on Tuesday, killing 12 people, local officials "
        "said. Later that day fighters seized the town of Tikrit from the army."
    )
    b = "Warplanes bombed the Mosul market on June 10, and medics said 15 people died."
    c = "American aircraft delivered aid to displaced families near Erbil on Friday."
    d = "Rebels attacked a police post near Labasa, and later threatened the Lau islands."
    x = f"Gunmen {XSS_IMG} attacked the town {XSS_SCRIPT} at dawn, residents said."
    return {
        "a": make_document(
            a,
            id="doc-a",
            name="a.txt",
            outlet="Example Wire",
            title="Market bombed in Mosul",
            url="https://news.example/mosul-market",
            comments=(Comment("Terrible news, praying for Mosul.", len(a) + 2, len(a) + 36),),
        ),
        "b": make_document(b, id="doc-b", name="b.txt", outlet="Daily Dispatch", comments=()),
        "c": make_document(c, id="doc-c", name="c.txt", outlet="Relief Post", comments=()),
        "d": make_document(d, id="doc-d", name="d.txt", outlet="Island Times", comments=()),
        "x": make_document(
            x,
            id="doc-x",
            name="x.txt",
            outlet=f"Outlet {XSS_SCRIPT}",
            title=f"Title {XSS_IMG}",
            url=XSS_URL,
            comments=(Comment(f"Comment {XSS_SCRIPT} {XSS_IMG}", len(x) + 2, len(x) + 200),),
        ),
    }


def _hand_events(docs: dict[str, Document]) -> tuple[list, list]:
    a, b, c, d, x = (docs[k] for k in "abcdx")
    first_a = a.text.split(". ")[0] + "."
    m_mosul_a = sentence_mention(
        a, first_a, "bombed", killed_text="12", attribution=span(a.text, "local officials"),
        actor1_entity=SYRIA_MIL, actor2_entity=IRAQ_CVL, place=MOSUL, date=dt.date(2014, 6, 10),
    )  # fmt: skip
    m_mosul_b = sentence_mention(
        b, b.text, "bombed", killed_text="15", attribution=span(b.text, "medics"),
        actor1_entity=SYRIA_MIL, actor2_entity=IRAQ_CVL, place=MOSUL, date=dt.date(2014, 6, 10),
    )  # fmt: skip
    m_tikrit = sentence_mention(
        a, "Later that day fighters seized the town of Tikrit from the army.", "seized",
        type="COERCE", mode="seize", acled_event_type="Battles",
        acled_sub_event_type="Non-state actor overtakes territory",
        actor1_entity=ISIS, actor2_entity=IRAQ_MIL, place=TIKRIT, date=dt.date(2014, 6, 10),
    )  # fmt: skip
    m_erbil = sentence_mention(
        c, c.text, "delivered", type="AID", mode=None, acled_event_type=None,
        acled_sub_event_type=None, actor1_entity=USA_MIL, actor2_entity=IRAQ_CVL, place=ERBIL,
        date=dt.date(2014, 6, 20),
    )  # fmt: skip
    m_labasa = sentence_mention(
        d, "Rebels attacked a police post near Labasa,", "attacked", mode="firearms",
        acled_event_type="Battles", acled_sub_event_type="Armed clash",
        actor1_entity=FIJI_REB, actor2_entity=FIJI_POLICE, place=LABASA, date=None,
    )  # fmt: skip
    m_lau = sentence_mention(
        d, "later threatened the Lau islands.", "threatened", type="THREATEN", mode=None,
        acled_event_type=None, acled_sub_event_type=None, actor1_entity=FIJI_REB,
        actor2_entity=FIJI_POLICE, place=LAU, date=dt.date(2014, 7, 1),
    )  # fmt: skip
    m_xss = sentence_mention(
        x, x.text, "attacked", mode="firearms", acled_event_type="Battles",
        acled_sub_event_type="Armed clash", attribution=span(x.text, "residents"),
        actor1_entity=XSS_ACTOR, actor2_entity=IRAQ_CVL, place=XSS_PLACE,
        date=dt.date(2014, 6, 15),
    )  # fmt: skip
    mentions = {
        "doc-a": [m_mosul_a, m_tikrit],
        "doc-b": [m_mosul_b],
        "doc-c": [m_erbil],
        "doc-d": [m_labasa, m_lau],
        "doc-x": [m_xss],
    }
    events = [
        make_event(
            (m_mosul_a, m_mosul_b), id="ev-mosul", fatalities=Range(12, 12, 15), confidence=0.85,
            contradictions=(Contradiction("fatalities", (12, 15), (("a.txt",), ("b.txt",))),),
        ),
        make_event((m_tikrit,), id="ev-tikrit", fatalities=None, confidence=0.6,
                   contradictions=()),
        make_event((m_erbil,), id="ev-erbil", fatalities=None, confidence=0.9, contradictions=()),
        make_event((m_labasa,), id="ev-labasa", fatalities=Range(1, 1, 1), confidence=0.3,
                   contradictions=()),
        make_event((m_lau,), id="ev-lau", fatalities=None, confidence=0.4, contradictions=()),
        make_event((m_xss,), id="ev-xss", fatalities=Range(3, 3, 3), confidence=0.7,
                   contradictions=(Contradiction("actor1", ("Gunmen", XSS_IMG), (("x.txt",),
                                                                                  ("x.txt",))),)),
    ]  # fmt: skip
    return mentions, events


def build_ledger(path: Path, *, sample_events: int = SAMPLE_EVENTS) -> Path:
    """Write the test ledger at ``path`` and return it."""
    ledger = Ledger(path)
    docs = _documents()
    mentions, events = _hand_events(docs)
    for doc in docs.values():
        ledger.add_document(doc, mentions[doc.id])
    events += add_sample_documents(ledger, sample_events, seed=7)
    ledger.replace_events(events)
    ledger.engine.dispose()
    return path
