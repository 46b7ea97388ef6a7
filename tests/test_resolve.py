"""Resolve: places in running text, precision, false friends, fallbacks, whole mentions."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import make_document

from dateline.records import Mention, Span
from dateline.resolve import build_context, geoparse, resolve_mentions, resolve_place
from dateline.resolve.matcher import find_places, place_at
from dateline.resolve.mentions import FALLBACK_NO_PLACE, not_place_keys

IRAQ_TEXT = (
    "Iraqi officials said Iraq faces its worst crisis in years. Iraq's army is stretched "
    "and Iraqi towns are falling. Syria denied any role."
)


def found(text: str, *, context_text: str = IRAQ_TEXT) -> dict[str, object]:
    context = build_context(context_text + " " + text)
    return {
        span.text: place
        for span, place in find_places(text, context=context, blocked=not_place_keys())
    }


def span_of(text: str, word: str) -> Span:
    start = text.index(word)
    return Span(word, start, start + len(word))


# --- recognition beyond the model ---------------------------------------------------------


def test_matcher_finds_small_iraqi_towns_the_model_mislabels():
    places = found("Gunmen stormed Jalawla and then moved on Talafar before dawn.")
    assert places["Jalawla"].lat == pytest.approx(34.27, abs=0.05)
    assert places["Talafar"].country == "IRQ"


def test_matcher_ignores_stop_words_people_and_demonyms():
    text = (
        "On Tuesday President Obama met Maliki. Syrian and Iraqi leaders spoke, "
        "and John Kerry flew home."
    )
    assert set(found(text)) == set()


def test_matcher_skips_a_name_inside_an_organisation():
    places = found("The Washington Post and The New York Times reported the strike in Baghdad.")
    assert list(places) == ["Baghdad"]


def test_title_case_lines_do_not_make_words_places():
    text = "Rebels Close In On Capital As Army Retreats Until Help Arrives\nThey took Mosul."
    assert list(found(text)) == ["Mosul"]


# --- false friends ---------------------------------------------------------------------------


def test_al_qam_is_the_iraqi_border_town_not_a_french_city():
    place = found("A plane attacked a market in Al-Qa'm, killing dozens.")["Al-Qa'm"]
    assert place.country == "IRQ"
    assert place.lon == pytest.approx(41.0, abs=0.15)


def test_anbar_is_the_iraqi_province_not_ambar_in_turkey():
    place = resolve_place("Anbar", context=build_context(IRAQ_TEXT))
    assert (place.country, place.precision) == ("IRQ", "admin1")


def test_damascus_follows_the_story():
    syria_story = build_context("Syria said Syrian forces held Damascus. Syria's army")
    oregon_story = build_context("In Oregon, the United States town council of the U.S. met.")
    assert resolve_place("Damascus", context=syria_story).country == "SYR"
    assert resolve_place("Damascus", context=oregon_story).country == "USA"


def test_big_city_wins_a_bare_name_without_context():
    assert resolve_place("Damascus").country == "SYR"
    assert resolve_place("Mecca").country == "SAU"


# --- precision -------------------------------------------------------------------------------


def test_precision_of_each_kind_of_name():
    text = (
        "Jets struck east of Talafar, then in Diyala province, in western Iraq, near the "
        "Himreen mountains, at the Baiji refinery and in Mosul."
    )
    places = found(text)
    assert places["Talafar"].precision == "near"
    assert places["Diyala"].precision == "admin1"
    assert places["western Iraq"].precision == "region"
    assert places["Himreen mountains"].precision == "region"
    assert places["Baiji refinery"].precision == "site"
    assert places["Mosul"].precision == "town"


def test_a_direction_before_a_country_without_an_alias_is_a_region():
    place = found("Fighting spread across northern Syria.", context_text="Syria Syria")[
        "northern Syria"
    ]
    assert place.precision == "region" and place.country == "SYR"
    place = found("Aid reached southern Jordan.", context_text="Jordan Jordan")["southern Jordan"]
    assert (place.precision, place.country, place.name) == ("region", "JOR", "southern Jordan")


def test_province_beside_a_town_decides_between_namesakes():
    named = build_context("Iraq Iraq. Fighting in Diyala province went on.")
    bare = build_context("Iraq Iraq.")
    assert "diyala" in named.provinces and not bare.provinces


def test_alias_table_covers_places_the_packages_lack():
    context = build_context(IRAQ_TEXT)
    saadiyah = resolve_place("Saadiyah", context=context)
    assert (saadiyah.name, saadiyah.admin1) == ("As Sa'diyah", "Diyala")
    assert resolve_place("al-Tanf", context=context).country == "SYR"
    assert resolve_place("Hamrin", context=context).precision == "region"


# --- whole mentions --------------------------------------------------------------------------


def mention_in(doc, sentence: str, **spans) -> Mention:
    start = doc.text.index(sentence)
    event_type = spans.pop("type", "ASSAULT")
    fields = {
        key: span_of(doc.text, value) if isinstance(value, str) else value
        for key, value in spans.items()
    }
    return Mention(
        doc_id=doc.id,
        doc_name=doc.name,
        sentence=Span(sentence, start, start + len(sentence)),
        trigger=Span(sentence[:1], start, start + 1),
        type=event_type,
        **fields,
    )


def test_mention_takes_the_finest_place_and_skips_actor_names():
    text = "Iraq said so. Tehran sent drones over Iraq and struck a camp near Samarra."
    doc = make_document(text)
    sentence = "Tehran sent drones over Iraq and struck a camp near Samarra."
    mention = mention_in(doc, sentence, actor1="Tehran", places=(span_of(text, "Iraq"),))
    (resolved,) = resolve_mentions(doc, [mention])
    assert (resolved.place.country, resolved.place.precision) == ("IRQ", "near")
    assert resolved.place.lat == pytest.approx(34.2, abs=0.1)
    assert resolved.actor1_entity.id == "IRN-MIL"  # a country doing the attack: its forces


def test_mention_without_a_place_falls_back_to_the_country_focus():
    text = "Iraqi troops fought in Iraq. Iraq is tense. Soldiers clashed with gunmen at dawn."
    doc = make_document(text)
    mention = mention_in(doc, "Soldiers clashed with gunmen at dawn.", actor1="Soldiers")
    (resolved,) = resolve_mentions(doc, [mention])
    assert (resolved.place.country, resolved.place.precision) == ("IRQ", "country")
    assert resolved.place.fallback == FALLBACK_NO_PLACE
    assert resolved.actor1_entity.id == "IRQ-MIL"


def test_unknown_place_names_are_named_in_the_fallback():
    text = "Syria and Syria again. Rebels shelled Qaryat Imaginaria overnight."
    doc = make_document(text)
    sentence = "Rebels shelled Qaryat Imaginaria overnight."
    mention = mention_in(doc, sentence, places=(span_of(text, "Qaryat Imaginaria"),))
    (resolved,) = resolve_mentions(doc, [mention])
    assert resolved.place.country == "SYR"
    assert "Qaryat Imaginaria" in resolved.place.fallback


def test_dates_fall_back_to_the_publication_date():
    text = "Jets bombed the market in Mosul."
    doc = make_document(text, published=dt.date(2014, 6, 24))
    mention = mention_in(doc, text)
    (resolved,) = resolve_mentions(doc, [mention])
    assert (resolved.date, resolved.date_precision, resolved.date_from) == (
        dt.date(2014, 6, 24),
        "day",
        "published",
    )
    undated = replace(doc, published=None)
    (resolved,) = resolve_mentions(undated, [mention])
    assert (resolved.date, resolved.date_from) == (None, None)


def test_date_expression_is_resolved_against_the_publication_date():
    text = "Jets bombed the market in Mosul on Monday."
    doc = make_document(text, published=dt.date(2014, 6, 25))  # a Wednesday
    mention = mention_in(doc, text, date_expr=span_of(text, "Monday"))
    (resolved,) = resolve_mentions(doc, [mention])
    assert resolved.date == dt.date(2014, 6, 23)
    assert resolved.date_from == "relative"


def test_people_resolve_by_the_article_date():
    text = "Biden spoke with Iraqi leaders in Baghdad about Iraq."
    mention_text = "Biden spoke with Iraqi leaders in Baghdad about Iraq."
    for year, sector in ((2014, "GOV"), (2022, "GOV")):
        doc = make_document(text, published=dt.date(year, 3, 1))
        mention = mention_in(doc, mention_text, actor1="Biden", type="CONSULT")
        (resolved,) = resolve_mentions(doc, [mention])
        assert (resolved.actor1_entity.country, resolved.actor1_entity.sector) == ("USA", sector)


# --- geoparse ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    from dateline.extract import load_nlp

    return load_nlp()


def test_geoparse_lists_every_place_with_offsets(nlp):
    text = (
        "Iraqi forces retook Tikrit on Friday. Militants still hold Jalawla in Diyala "
        "province, Iraqi officials in Baghdad said."
    )
    doc = make_document(text)
    rows = geoparse(doc, nlp=nlp, adjectives=False)
    names = [span.text.split()[0] for span, _ in rows]  # the model may add "province"
    assert names == ["Tikrit", "Jalawla", "Diyala", "Baghdad"]
    for span, place in rows:
        assert text[span.start : span.end] == span.text
        assert place.country == "IRQ" and place.lat is not None


# --- states, provinces and countries written beside a town ------------------------------


def test_state_abbreviations_after_a_town_are_states():
    places = found("The fire started in Frankfort, Ky. on Sunday and spread.", context_text="")
    assert (places["Ky."].name, places["Ky."].precision) == ("Kentucky", "admin1")
    assert places["Frankfort"].admin1 == "Kentucky"  # the state picks the namesake


def test_standalone_abbreviations_need_their_country_and_are_no_eras():
    canada = "Canada said so. Canada agreed."
    assert found("Both the B.C. and federal governments spoke.", context_text=canada)[
        "B.C."
    ].name == ("British Columbia")
    assert "B.C." not in found(
        "The temple dates from 500 B.C. and still stands.", context_text=canada
    )
    assert "B.C." not in found("Both the B.C. and federal governments spoke.", context_text="")


def test_a_province_written_after_a_town_decides_and_vouches_for_it():
    places = found("She was born in Churchill, Man. and moved away.", context_text="")
    assert (places["Churchill"].country, places["Churchill"].admin1) == ("CAN", "Manitoba")


def test_a_state_written_after_a_capitals_namesake_wins_over_the_capital():
    text = "France France. He grows vegetables in Paris, Texas, near the border."
    place = found(text, context_text="")["Paris"]
    assert (place.country, place.admin1) == ("USA", "Texas")


# --- names that open with a stop word, names inside longer names --------------------------


def test_a_name_opening_with_a_stop_word_is_taken_whole():
    places = found("Officials in South Africa and in New Jersey agreed on a plan.", context_text="")
    assert places["South Africa"].country == "ZAF"
    assert places["New Jersey"].precision == "admin1"
    assert "Africa" not in places and "Jersey" not in places


def test_a_country_name_inside_a_longer_name_is_not_the_country():
    places = found("Bands toured Latin America last year.", context_text="")
    assert "America" not in places


def test_names_opening_an_organisation_count_only_for_the_geoparser():
    text = "Kentucky State Police said the road reopened."
    context = build_context("Kentucky Kentucky")
    plain = find_places(text, context=context, blocked=not_place_keys())
    listed = find_places(text, context=context, blocked=not_place_keys(), embedded=True)
    assert [span.text for span, _ in plain] == []
    assert [span.text for span, _ in listed] == ["Kentucky"]


# --- a second reading: the places a first one found --------------------------------------


def test_towns_found_first_make_their_country_the_focus_and_anchor_namesakes(nlp):
    text = (
        "Police said a house in Edmonton, south of Cairns, was burgled. Cairns police "
        "said Edmonton residents should lock their doors."
    )
    rows = geoparse(make_document(text), nlp=nlp, adjectives=False)
    edmonton = [place for span, place in rows if span.text == "Edmonton"]
    assert edmonton and all(place.country == "AUS" for place in edmonton)


def test_an_ambiguous_name_does_not_make_its_country_the_focus():
    from dateline.resolve.focus import place_context

    text = "Cairns and Edmonton."  # Edmonton: Alberta's, London's, Queensland's
    context = build_context(text)
    cairns, edmonton = span_of(text, "Cairns"), span_of(text, "Edmonton")
    first_reading = [(cairns, resolve_place("Cairns")), (edmonton, resolve_place("Edmonton"))]
    assert first_reading[1][1].country == "CAN"
    refined = place_context(text, context, first_reading)
    assert refined.focus == (("AUS", 1.0),)
    assert [key for key, _, _ in refined.anchors] == ["cairns"]


def test_geoparse_lists_country_and_continent_adjectives(nlp):
    text = "European and North American envoys met Syrian officials."
    rows = {span.text: place for span, place in geoparse(make_document(text), nlp=nlp)}
    assert rows["European"].geonameid == 6255146 + 2  # Europe
    assert rows["North American"].name == "North America"
    assert rows["Syrian"].country == "SYR"
    assert "American" not in rows


def test_a_continent_is_a_coarser_location_than_a_country():
    text = "The EU condemned the shelling of Syria on Monday."
    doc = make_document(text)
    mention = mention_in(doc, text, places=(span_of(text, "EU"), span_of(text, "Syria")))
    (resolved,) = resolve_mentions(doc, [mention])
    assert resolved.place.country == "SYR"


def test_a_country_threatening_military_means_is_its_military_and_aid_is_its_government():
    text = "Iran promised to bomb the rebels. Iran sent military equipment to Iraq."
    doc = make_document(text)
    threat = replace(
        mention_in(doc, "Iran promised to bomb the rebels.", actor1=span_of(text, "Iran")),
        type="THREATEN",
        mode="aerial",
    )
    second = text.index("Iran sent")
    aid = replace(
        mention_in(doc, "Iran sent military equipment to Iraq.", type="AID"),
        actor1=Span("Iran", second, second + 4),
        mode="military",
    )
    threat, aid = resolve_mentions(doc, [threat, aid])
    assert threat.actor1_entity.id == "IRN-MIL"
    assert aid.actor1_entity.id == "IRN-GOV"


# --- recognition without a country focus -------------------------------------------------


def test_a_preposition_of_place_vouches_for_a_town_of_some_size():
    text = "The mason was arrested in Danbury on Monday. Danbury said nothing."
    places = {span.start: place for span, place in find_places(text, context=build_context(text))}
    assert places[text.index("Danbury")].country == "USA"
    assert text.index("Danbury said") not in places  # no preposition, no focus: not vouched


def test_a_dispatch_opening_in_capitals_names_its_place():
    text = "TORRINGTON — The mayor will hold a meeting on drugs.\nHe spoke on Monday."
    places = {span.text: place for span, place in find_places(text, context=build_context(text))}
    assert places["TORRINGTON"].country == "USA"


def test_a_model_span_with_an_administrative_word_is_the_province():
    text = "An official of the emergency centre of Fars Province said so."
    span = span_of(text, "Fars Province")
    resolved = place_at(text, span, context=build_context(text))
    assert resolved[1].country == "IRN" and resolved[1].precision == "admin1"


def test_a_small_town_abroad_is_no_reading_in_a_story_about_one_country():
    text = "Britain said British flights were cut. Delays hit Heathrow all day. Britain agreed."
    resolved = place_at(text, span_of(text, "Heathrow"), context=build_context(text))
    assert resolved is None  # Heathrow, Florida is no reading here; the country stands in


def test_a_name_does_not_start_with_the_words_before_it():
    text = "At the Liverpool Academy, boys train every day."
    spans = [span.text for span, _ in find_places(text, context=build_context("Britain"))]
    assert "At the Liverpool" not in spans


def test_compass_provinces_need_the_story_to_be_about_their_country():
    text = "He was pronounced dead at Northwestern Memorial Hospital in Chicago."
    spans = [span.text for span, _ in find_places(text, context=build_context(text))]
    assert "Northwestern" not in spans


def test_a_place_known_by_its_own_name_takes_no_loose_spelling():
    china_story = build_context("China China China. Chinese officials.")
    assert resolve_place("Taichung", context=china_story).country == "TWN"


def test_the_geoparser_lists_well_known_places_opening_other_names_but_no_hamlets():
    text = (
        "Fans of the Dallas Mavericks cheered loudly on their way home. The New York Times "
        "said that the White House had agreed to all of it."
    )
    context = build_context("The United States and the U.S. " + text)
    listed = {
        span.text
        for span, _ in find_places(text, context=context, blocked=not_place_keys(), embedded=True)
    }
    assert {"Dallas", "New York"} <= listed
    assert "White" not in listed
    plain = {span.text for span, _ in find_places(text, context=context, blocked=not_place_keys())}
    assert not plain & {"Dallas", "New York", "White"}


def test_a_possessive_target_is_read_with_what_it_owns():
    text = "Gunmen attacked one of Iraq's largest air bases on Wednesday."
    doc = make_document(text)
    mention = mention_in(doc, text, actor1="Gunmen", actor2="Iraq")
    (resolved,) = resolve_mentions(doc, [mention])
    assert resolved.actor2_entity.id == "IRQ-MIL"  # the air bases, not the government


def test_nearness_helps_only_places_named_by_their_own_name():
    from dataclasses import replace as with_fields

    near_mexico_city = with_fields(
        build_context("Mexico and Mexico."), anchors=(("toluca", 19.29, -99.65),)
    )
    assert resolve_place("Mexico", context=near_mexico_city).precision == "country"
    assert (
        resolve_place(
            "Edmonton",
            context=with_fields(build_context("Australia"), anchors=(("cairns", -16.92, 145.77),)),
        ).country
        == "AUS"
    )


def test_quantifiers_and_station_letters_do_not_hide_a_city():
    context = build_context("Canada and Canada again.")
    text = "One Edmonton resident called the show, Brent told CTV Edmonton on Monday morning."
    plain = [span.start for span, _ in find_places(text, context=context)]
    listed = [span.start for span, _ in find_places(text, context=context, embedded=True)]
    first, second = text.index("Edmonton"), text.rindex("Edmonton")
    assert plain == [first]
    assert listed == [first, second]


def test_an_actor_named_after_a_preposition_of_place_is_also_the_place():
    text = "Iraq Iraq. The general traveled to Baghdad this week to meet officials."
    doc = make_document(text)
    sentence = "The general traveled to Baghdad this week to meet officials."
    mention = mention_in(doc, sentence, actor1="The general", actor2="Baghdad", type="CONSULT")
    (resolved,) = resolve_mentions(doc, [mention])
    assert (resolved.place.name, resolved.place.precision) == ("Baghdad", "town")
    said = "Iraq Iraq. Tehran said the strikes were over."
    doc = make_document(said)
    mention = mention_in(doc, "Tehran said the strikes were over.", actor1="Tehran", type="CONSULT")
    (resolved,) = resolve_mentions(doc, [mention])
    assert resolved.place.precision == "country" and resolved.place.fallback


def test_a_state_after_its_town_is_the_state_and_a_list_is_no_such_pair():
    rows = found("The bakery in Tacoma, Washington shares its tips.", context_text="U.S. U.S.")
    assert rows["Washington"].precision == "admin1"
    rows = found("Fighting in Diyala, Baghdad and Mosul went on.")
    assert rows["Baghdad"].precision == "town"


def test_an_ocean_beats_a_small_town_of_the_storys_country():
    rows = found("Storms form over the tropical Atlantic every June.", context_text="U.S. U.S.")
    assert rows["Atlantic"].country is None


def test_geoparse_grows_a_model_span_to_the_longer_name_it_opens(nlp):
    text = "Work on the river in Baja California will start soon, officials in Mexico said."
    rows = {span.text: place for span, place in geoparse(make_document(text), nlp=nlp)}
    assert rows["Baja California"].precision == "admin1"
    assert "California" not in rows and "Baja" not in rows
