"""Tests for the status, confidence and participants of actor→actor events (issue 15):
newslab.event_status, newslab.event_arguments and their use in newslab.relations.

Each test is one bullet of issue 15, on sentences written for these tests about varied dyads
(India–China, US–Iran, Ethiopia–Egypt, Armenia–Azerbaijan, EU–UK ...), never the issue's own.
"""
from __future__ import annotations

import pandas as pd
import pytest

from newslab import Article
from newslab.event_status import STATUSES, confidence
from newslab.relations import dyad, extract_relations


def events(body: str, date: str = "2026-03-11") -> pd.DataFrame:
    return extract_relations(Article.from_text("Headline\n\n" + body, date=date))


def rows(df: pd.DataFrame) -> set[tuple[str, str, str, str, str]]:
    return set(zip(df.source_side, df.target_side, df.cue.str.lower(), df.type, df.status))


def facts(df: pd.DataFrame) -> pd.DataFrame:
    return df[(df.status == "asserted") & (df.time == "current")]


def test_every_row_has_a_status_and_a_confidence():
    df = events("India and China agreed on Monday to resume border patrols. India did not lodge a protest "
                "with China. The two sides will hold talks in April.")
    assert set(df.status) <= set(STATUSES) and df.confidence.between(0, 1).all()
    assert {"asserted", "negated", "hypothetical"} <= set(df.status)


def test_a_descriptive_participle_about_a_third_party_is_no_event():
    # "annexed from India" characterises the region; "sentenced by Chinese authorities" has no
    # state as patient: neither is an event, and never one by the activists
    df = events("Two Uighur activists, sentenced by Chinese authorities last week, were held in the "
                "region annexed from India.")
    assert df.empty


def test_a_label_noun_is_a_relation_only_when_predicated():
    assert events("The missile purchase has shocked Iran's Russian allies.").empty
    df = events("Officials said Iran and Russia are close allies.")
    assert ("Iran", "Russia", "allies", "verbal_cooperation", "asserted") in rows(df)


def test_a_likely_future_meeting_is_hypothetical_and_out_of_the_score():
    text = ("India imposed duties on Chinese steel on Monday. Analysts said the Indian and Chinese "
            "leaders would likely meet soon.")
    df = events(text)
    meet = df[df.cue == "meet"]
    assert len(meet) == 2 and set(meet.status) == {"hypothetical"}
    d = dyad(Article.from_text("H\n\n" + text, date="2026-03-11"), "India", "China")
    assert d.net == -8.0 and d.n_not_asserted == 2 and d.label == "hostile"


def test_a_denied_strike_is_denied_not_a_fact():
    df = events("Egypt's defence ministry denied that its jets had bombed an Ethiopian convoy.")
    assert rows(df) == {("Egypt", "Ethiopia", "bombed", "material_conflict", "denied")}
    assert set(df.time) == {"current"}  # backshift after "denied" is no recalled past
    assert facts(df).empty


def test_a_quoted_accusation_is_a_claim_by_the_speaker():
    df = events("Iran's foreign ministry said Washington had violated the accord.")
    assert rows(df) == {("Iran", "United States", "violated", "verbal_conflict", "claimed")}
    df = events("Armenia accused Azerbaijan of shelling a border village on Sunday.")
    assert rows(df) == {("Armenia", "Azerbaijan", "accused", "verbal_conflict", "claimed")}


def test_two_accused_parties_get_no_cooperation():
    df = events("A spokesman said both Ethiopia and Sudan had broken the terms of the accord.")
    assert not (df.type.str.endswith("cooperation")).any()


def test_ending_a_conflict_is_cooperation():
    df = events("India and China ended their border feud on Monday.")
    assert set(df.type) == {"verbal_cooperation"} and len(df) == 2
    df = events("Serbia and Kosovo agreed to settle the dispute over licence plates.")
    assert not (df.type.str.endswith("conflict")).any()


def test_a_campaign_against_a_non_party_is_no_conflict_between_the_fighters():
    assert events("Iran and Iraq stepped up the fight against terrorism.").empty


def test_condemning_an_attack_is_no_conflict_with_the_victim():
    df = events("The Egyptian president condemned a cowardly attack on Ethiopian diplomats in Cairo.")
    assert not ((df.source_side == "Egypt") & (df.target_side == "Ethiopia")).any()


@pytest.mark.parametrize("body, cue", [
    ("Any Israeli attack on Iranian ships will be answered, Tehran said.", "attack"),
    ("Azerbaijan and Turkey will set up a joint centre in Baku.", "joint"),
    ("The killing would not harm cooperation between Egypt and Ethiopia, Cairo said.", "cooperation"),
    ("If Ankara sends troops, Greece could close its airspace to Turkish flights.", "close its airspace"),
])
def test_possible_future_and_conditional_events_are_hypothetical(body, cue):
    df = events(body)
    hit = df[df.cue.str.lower() == cue]
    assert len(hit) and set(hit.status) == {"hypothetical"}, df


def test_separate_agreements_pair_each_signer_with_the_partner_only():
    df = events("Ireland and France signed separate agreements with Britain.")
    assert set(zip(df.source_side, df.target_side)) == {("Ireland", "United Kingdom"), ("France", "United Kingdom")}


def test_reactions_and_their_implicit_partner():
    df = events("The United States imposed sanctions on Iran on Tuesday. Iran condemned the move. "
                "Japan lifted export controls on South Korea. South Korea welcomed the decision.")
    got = rows(df)
    assert ("Iran", "United States", "condemned", "verbal_conflict", "asserted") in got
    assert ("South Korea", "Japan", "welcomed", "verbal_cooperation", "asserted") in got


@pytest.mark.parametrize("body, triple", [
    ("China threatened India with new tariffs.", ("China", "India", "threatened")),
    ("Turkey warned Greece on Friday.", ("Turkey", "Greece", "warned")),
    ("Egypt criticised Ethiopia over the dam.", ("Egypt", "Ethiopia", "criticised")),
    ("Guyana rejected Venezuela's proposal.", ("Guyana", "Venezuela", "rejected")),
    ("Azerbaijan opposed Armenia's bid.", ("Azerbaijan", "Armenia", "opposed")),
    ("The EU called on Britain to reopen talks.", ("European Union", "United Kingdom", "called on")),
])
def test_verbs_of_judgement_and_appeal_are_found(body, triple):
    df = events(body)
    assert triple in set(zip(df.source_side, df.target_side, df.cue)), df


def test_ruling_out_a_concession_is_not_the_concession():
    df = events("The White House ruled out lifting sanctions on Iran.")
    assert facts(df[df.type.str.endswith("cooperation")]).empty
    # refusing a cooperative act is itself a verbal conflict towards the party that wants it
    assert rows(df) == {("United States", "Iran", "ruled out", "verbal_conflict", "asserted")}
    # refusing a conflictual act is that act, negated
    df = events("Turkey refused to join sanctions against Russia.")
    assert rows(df) == {("Turkey", "Russia", "sanctions", "material_conflict", "negated")}


def test_nominal_events_take_their_arguments_from_the_noun_phrase():
    df = events("Tensions rose after the shooting down of a US drone by Iran.")
    assert ("Iran", "United States", "shooting down") in set(zip(df.source_side, df.target_side, df.cue))
    df = events("Ethiopia mourned the killing of its ambassador by a gunman in Cairo.")
    assert df.empty  # a gunman is no state: no event, and the mourner is not the killer


def test_the_article_date_anchors_weekdays_and_dated_past_is_background():
    df = events("India and China held talks on Monday. Indian and Chinese troops clashed in 2020.", date="2026-03-11")
    talks = df[df.cue == "held talks"]
    assert set(talks.time) == {"current"}
    assert set(df[df.cue == "clashed"].time) == {"background"}


def test_confidence_falls_with_inferred_actors_and_status():
    assert confidence("asserted", verb=True, named=(True, True)) == 1.0
    assert confidence("asserted", verb=False, named=(True, True)) == 0.8
    assert confidence("claimed", verb=True, named=(True, True)) == 0.5
    df = events("The United States imposed sanctions on Iran on Tuesday. Iran condemned the move.")
    implicit = df[df.cue == "condemned"]
    assert implicit.confidence.iloc[0] < 1.0  # the partner is taken from the previous sentence


def test_json_rows_carry_status_and_dyads_count_the_rest_apart():
    from newslab.jsonout import article_json
    doc = article_json(Article.from_text("H\n\nIndia and China signed a trade deal on Monday. India did not "
                                         "sign a defence pact with China.", date="2026-03-11"))
    assert {r["status"] for r in doc["relations"]} == {"asserted", "negated"}
    pair = doc["article"]["dyads"]["China|India"]
    assert pair["net"] == 8.0 and pair["not_asserted"] == 2
