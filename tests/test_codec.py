from conftest import make_document, make_event, make_mention

from dateline.codec import from_data, to_data
from dateline.records import Document, Event


def test_records_round_trip_through_plain_data():
    doc = make_document()
    event = make_event((make_mention(doc), make_mention(doc, type="COERCE")))
    assert from_data(Event, to_data(event)) == event
    assert from_data(Document, to_data(doc)) == doc
