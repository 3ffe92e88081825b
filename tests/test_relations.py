"""Tests for newslab.relations: events, cue types, negation, symmetry, time reference, dyads, JSON.

The short texts below are written for these tests (not taken from any article); each one checks
one rule. The seed article checks the Russia–Turkey case end to end.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from newslab import Article, Corpus
from newslab.io import load_article
from newslab.errors import ResourceFileError
from newslab.jsonout import article_json
from newslab.relations import (QUAD_CLASSES, RELATION_COLUMNS, cue_table, dyad, dyad_key,
                               extract_relations, load_relation_cues)

SEED = Path(__file__).resolve().parents[1] / "data" / "afp_2017-11-13_sochi_putin_erdogan.txt"


def art(body: str, date: str = "2018-03-14") -> Article:
    return Article.from_text("Headline\n\n" + body, date=date)


def triples(df: pd.DataFrame) -> set[tuple[str, str, str]]:
    return set(zip(df.source_side, df.target_side, df.cue.str.lower()))


@pytest.fixture(scope="module")
def seed() -> Article:
    return load_article(SEED)


@pytest.fixture(scope="module")
def seed_events(seed) -> pd.DataFrame:
    return extract_relations(seed)


# --- the seed article -------------------------------------------------------------------------
def test_seed_dyad_is_cooperative_for_current_events(seed):
    d = dyad(seed, "Russia", "Turkey")
    assert d.net > 2.0                      # current events: talks, agreement, working together, S-400 deal
    assert d.net_all < d.net                # the background (crisis, warplane, rivalry) pulls it down
    assert d.n_current >= 10 and d.n_events > d.n_current
    assert d.label == "cooperative"
    # persons count for their states: Putin/Erdogan agreed in the first sentence
    first = d.events[d.events.sentence == 0]
    assert set(first.source) == {"Vladimir Putin", "Recep Tayyip Erdogan"}
    assert set(first.source_side) == {"Russia", "Turkey"}


def test_seed_warplane_crisis_and_reconciliation_are_background(seed_events):
    ev = seed_events
    shoot = ev[ev.cue.str.contains("shoot|shot", case=False)]
    # "Turkey shot down a Russian warplane" is an event; "a crisis caused by the shooting down of a
    # Russian warplane" names no agent (no by-phrase, no possessive), so it is none
    assert shoot.cue.tolist() == ["shot down"]
    assert set(zip(shoot.source_side, shoot.target_side)) == {("Turkey", "Russia")}
    assert set(shoot.type) == {"material_conflict"} and set(shoot.time) == {"background"}
    recon = ev[ev.cue.str.lower() == "reconciliation"]
    assert set(recon.time) == {"background"} and len(recon) == 2  # symmetric: both directions
    crisis = ev[ev.cue.str.lower() == "crisis"]
    assert len(crisis) == 2 and set(crisis.time) == {"background"}
    # "a 2016 reconciliation deal ended a crisis": ending a conflict is cooperation (issue 15)
    ended = ev[ev.cue.str.lower() == "ended a crisis"]
    assert set(ended.type) == {"verbal_cooperation"} and set(ended.time) == {"background"} and len(ended) == 2
    # the events reported as new stay current
    work = ev[ev.cue == "working together"]
    assert set(work.time) == {"current"} and set(work.type) == {"material_cooperation"}
    met = ev[ev.cue == "met"]  # "The pair last met in Ankara in September"
    assert set(met.time) == {"background"}
    assert set(zip(met.source_side, met.target_side)) == {("Russia", "Turkey"), ("Turkey", "Russia")}


def test_seed_support_for_assad_and_rebels(seed_events):
    ev = seed_events
    backer = ev[ev.cue == "backer"]
    assert set(zip(backer.source, backer.target)) == {("Russia", "Bashar al-Assad"), ("Iran", "Bashar al-Assad")}
    backed = ev[ev.cue == "backed"]
    assert list(zip(backed.source, backed.target)) == [("Turkey", "Syrian rebels")]
    assert (ev.intensity.between(-10, 10)).all() and set(ev.type) <= set(QUAD_CLASSES)


def test_seed_offsets_point_at_the_cue(seed, seed_events):
    for r in seed_events.itertuples():
        assert seed.text[r.start:r.end] == r.cue
    assert list(seed_events.columns) == RELATION_COLUMNS


# --- unseen-style episodes (written for the tests) ----------------------------------------------
HOSTILE = (
    "Ankara downed the jet on Tuesday near the border, and Russian President Vladimir Putin accused Turkey "
    "of treachery.\n\nMoscow will impose sanctions on Turkey, the Kremlin said, and it suspended visa-free "
    "travel for Turkish citizens.\n\nTurkish President Recep Tayyip Erdogan refused to apologise and warned "
    "Russia against further violations of Turkish airspace.")
COOPERATIVE = (
    "Russian President Vladimir Putin and his Turkish counterpart Recep Tayyip Erdogan held talks in "
    "Istanbul on Wednesday.\n\nThe two leaders praised their growing cooperation, and Turkey bought a second "
    "batch of S-400 systems from Russia.\n\nRussia, Turkey and Iran agreed to meet again in Astana.")


def test_hostile_episode_is_negative():
    a = art(HOSTILE, date="2015-11-26")
    d = dyad(a, "Russia", "Turkey")
    assert d.net < -3 and d.label == "hostile"
    ev = d.events
    assert ("Russia", "Turkey", "sanctions") in triples(ev)
    assert ("Russia", "Turkey", "accused") in triples(ev)
    assert ("Turkey", "Russia", "warned") in triples(ev)
    assert set(ev.time) == {"current"}


def test_cooperative_episode_is_positive():
    d = dyad(art(COOPERATIVE, date="2019-09-17"), "Turkey", "Russia")
    assert d.net > 3 and d.label == "cooperative"
    assert ("Turkey", "Russia", "bought") in triples(d.events)
    assert {("Russia", "Turkey", "held talks"), ("Turkey", "Russia", "held talks")} <= triples(d.events)


@pytest.mark.parametrize("body, cue, qclass, sign", [
    ("Turkey praised Russia for its help.", "praised", "verbal_cooperation", 1),
    ("Russia delivered gas to Turkey through the new pipeline.", "delivered", "material_cooperation", 1),
    ("Turkey accused Russia of bombing civilians.", "accused", "verbal_conflict", -1),
    ("Russia imposed sanctions on Turkey.", "sanctions", "material_conflict", -1),
])
def test_each_quad_class(body, cue, qclass, sign):
    ev = extract_relations(art(body))
    row = ev[ev.cue.str.lower().str.startswith(cue[:6])].iloc[0]
    assert row.type == qclass and (row.intensity > 0) == (sign > 0)
    assert row.time == "current" and not row.negated
    assert {row.source_side, row.target_side} == {"Russia", "Turkey"}


def test_direction_and_passive():
    ev = extract_relations(art("A Russian warplane was shot down by Turkish jets."))
    assert list(zip(ev.source_side, ev.target_side)) == [("Turkey", "Russia")]


def test_negation_halves_and_flips_the_weight():
    ev = extract_relations(art("Turkey did not agree with Russia on the plan."))
    assert len(ev) == 2 and ev.negated.all()
    assert (ev.weight == -2.0).all()  # agree = +4, negated → −0.5 × 4
    d = dyad(art("Turkey did not agree with Russia on the plan."), "Russia", "Turkey")
    # a negated event is not a fact: it stays out of the score and is listed apart (issue 15)
    assert set(ev.status) == {"negated"}
    assert d.net == 0.0 and d.n_current == 0 and d.n_not_asserted == 2 and len(d.not_asserted) == 2


def test_symmetric_events_give_both_directions():
    for body in ("Russia and Turkey have been working together in Syria.",
                 "There were talks between Putin and Erdogan on Friday.",
                 "Putin and Erdogan met in Sochi. The pair agreed to cooperate.",
                 "Putin and Erdogan spoke on Friday. The two sides agreed on a plan."):
        ev = extract_relations(art(body))
        dirs = set(zip(ev.source_side, ev.target_side))
        assert dirs == {("Russia", "Turkey"), ("Turkey", "Russia")}, body


def test_background_time_references():
    date = "2017-11-13"
    cases = {
        "Russia and Turkey signed a deal in November 2015.": "background",
        "Russia and Turkey have been working together since a 2016 reconciliation deal.": None,
        "Putin and Erdogan last met in September.": "background",
        "Turkey had bought arms from Russia in 2014.": "background",
        "Russia and Turkey signed a deal on Monday.": "current",
        "Russia and Turkey signed a deal on November 2.": "current",
    }
    for body, expected in cases.items():
        ev = extract_relations(art(body, date=date))
        if expected is None:
            times = dict(zip(ev.cue, ev.time))
            assert times["working together"] == "current" and times["reconciliation"] == "background"
        else:
            assert set(ev.time) == {expected}, body


def test_time_without_article_date_uses_latest_year():
    ev = extract_relations(art("Turkey shot down a Russian jet in 2015. In 2017 Russia and Turkey signed a deal.",
                               date=""))
    assert dict(zip(ev.cue, ev.time)) == {"shot down": "background", "signed": "current"}


def test_empty_and_actorless_articles():
    empty = Article.from_text("", title_line=False)
    ev = extract_relations(empty)
    assert ev.empty and list(ev.columns) == RELATION_COLUMNS
    d = dyad(empty, "Russia", "Turkey")
    assert (d.net, d.net_all, d.n_events, d.label) == (0.0, 0.0, 0, "no current events")
    assert extract_relations(art("The weather was fine and everyone agreed.")).empty


def test_corpus_timeseries():
    c = Corpus([art(HOSTILE, date="2015-11-26"), art(COOPERATIVE, date="2019-09-17"),
                art("Russia and Turkey signed a gas deal.", date="2019-09-30")])
    d = dyad(c, "Russia", "Turkey")
    ts = d.timeseries
    assert list(ts.month) == ["2015-11", "2019-09"]
    assert ts.net.iloc[0] < 0 < ts.net.iloc[1]
    assert set(d.events.doc_id) == {a.id for a in c}
    assert len(d.evidence) >= 5


def test_json_sections(seed):
    doc = article_json(seed)
    json.dumps(doc)
    assert doc["relations"] and set(doc["relations"][0]) == {
        "source", "target", "cue", "start", "end", "type", "intensity", "negated", "time", "status", "confidence"}
    rt = doc["article"]["dyads"][dyad_key("Turkey", "Russia")]
    assert rt["net"] > 0 and rt["events"] >= 20 and rt["net_all"] < rt["net"]
    assert dyad_key("Turkey", "Russia") == "Russia|Turkey"
    # state pairs only: Russia backing Assad counts as Russia|Syria; groups (Crimean Tatars) stay out
    assert set(doc["article"]["dyads"]) == {"Russia|Turkey", "Russia|Syria", "Iran|Syria"}


def test_user_cue_file(tmp_path):
    p = tmp_path / "cues.yml"
    p.write_text("cues:\n  hug:\n    forms: [hugged]\n    type: verbal_cooperation\n    intensity: 2\n"
                 "    symmetric: true\n    note: test\n", encoding="utf-8")
    ev = extract_relations(art("Putin hugged Erdogan."), cues=p)
    assert list(ev.cue) == ["hugged", "hugged"] and set(ev.intensity) == {2.0}
    bad = tmp_path / "bad.yml"
    bad.write_text("cues:\n  x:\n    forms: [x]\n    type: friendly\n    intensity: 2\n", encoding="utf-8")
    with pytest.raises(Exception, match="type"):
        load_relation_cues(bad)


def test_cue_table_documents_every_cue():
    t = cue_table()
    assert len(t) >= 30 and t.note.str.len().min() > 10
    assert set(t.type) == set(QUAD_CLASSES)


def test_plots_draw_with_titles_and_labels(seed):
    import matplotlib.pyplot as plt

    from newslab.plots.relations import dyad_events, dyad_over_time, stance_heatmap
    from newslab.stance import stance

    d = dyad(seed, "Russia", "Turkey")
    fig = dyad_events(d)
    ax = fig.axes[0]
    assert ax.get_title() == "Events between Russia and Turkey" and "Goldstein" in ax.get_xlabel()
    assert len(ax.collections) >= 3  # one scatter per QuadClass present
    c = Corpus([art(HOSTILE, date="2015-11-26"), art(COOPERATIVE, date="2019-09-17")])
    fig2 = dyad_over_time(dyad(c, "Russia", "Turkey"))
    assert [t.get_text() for t in fig2.axes[0].get_xticklabels()] == ["2015-11", "2019-09"]
    fig3 = stance_heatmap(stance(seed), by="holder")
    assert fig3.axes[0].get_ylabel() == "stance holder"
    assert "(text)" in [t.get_text() for t in fig3.axes[0].get_yticklabels()]
    empty = dyad_over_time(dyad(seed, "Russia", "Turkey").timeseries.iloc[0:0])
    assert empty.axes[0].get_title(loc="left") == "Dyad over time"
    with pytest.raises(ValueError):
        stance_heatmap(pd.DataFrame({"x": [1]}))
    plt.close("all")


@pytest.mark.parametrize("body, expected", [
    # signing needs a deal noun: a decree imposing sanctions is not an agreement with Turkey
    ("Putin signed a decree imposing sanctions on Turkey.", {("Russia", "Turkey", "sanctions")}),
    # "in the war" is the setting of the clause, not a Russia–Turkey war
    ("Russia and Turkey back opposing sides in the war.", {("Russia", "Turkey", "opposing sides"),
                                                           ("Turkey", "Russia", "opposing sides")}),
    # a label noun used as a description ("its Turkish partners") is no event (issue 15)
    ("Peskov said Russia would keep its promises to its Turkish partners.",
     {("Russia", "Turkey", "promises")}),
    # a prepositional object is not the subject of the next verb
    ("The United States, unhappy with Russia, warned Turkey.",
     {("United States", "Russia", "unhappy with"), ("United States", "Turkey", "warned")}),
    # the subject carries over to a clause opened by ", and"
    ("Erdogan refused to apologise, and accused Russia of lying.",
     {("Turkey", "Russia", "accused")}),
])
def test_general_resolution_rules(body, expected):
    ev = extract_relations(art(body))
    got = triples(ev[ev.source_side.isin(["Russia", "Turkey", "United States"])
                     & ev.target_side.isin(["Russia", "Turkey", "United States"])])
    assert got == expected, body


def test_auxiliary_passive_and_unknown_agents():
    ev = extract_relations(art("Turkey was condemned in a joint statement by Russia and Iran."))
    assert set(zip(ev.source_side, ev.target_side, ev.cue)) == {("Russia", "Turkey", "condemned"),
                                                                ("Iran", "Turkey", "condemned")}
    assert extract_relations(art("The Russian pilot was killed.")).empty           # agent unknown
    # an agentless act is given to the other member of a pair only in "the <act> of <member>"
    assert extract_relations(art("Ministers in Cairo denounced the memoranda between Turkey and Libya.")).empty


def test_dated_when_clause_dates_its_main_clause():
    ev = extract_relations(art("The leaders pledged to restore ties after a crisis erupted when Turkey shot down "
                               "a Russian jet in November 2015. Putin and Erdogan met in Sochi.", date="2016-08-09"))
    times = dict(zip(ev.cue, ev.time))
    assert times["shot down"] == "background" and times["met"] == "current"


# Eight more episodes, written for these tests in the style of wire reports (not copied from any
# article): the sign of the Russia–Turkey dyad must come out right on each.
EPISODES = [
    ('2020-03-05', 'cooperative', "Russia and Turkey agree ceasefire in Syria's Idlib\n\nMOSCOW (Reuters) - Russian President Vladimir Putin and Turkish President Tayyip Erdogan agreed on Thursday to a ceasefire in northwest Syria after six hours of talks in the Kremlin.\n\nThe deal aims to contain a conflict that had brought the two countries to the brink of a direct confrontation. Russia and Turkey back opposing sides in the war.\n\nLast week an air strike by Russian-backed Syrian government forces killed 34 Turkish soldiers, and Ankara retaliated by hitting Syrian army positions.\n\nErdogan said Turkey reserved the right to respond to any attack by Syrian forces. Putin expressed condolences over the death of the Turkish soldiers."),
    ('2019-07-12', 'cooperative', 'Turkey receives Russian missile system despite US warnings\n\nANKARA (AFP) - Turkey took delivery of the first parts of a Russian S-400 missile defence system on Friday, defying Washington, which has threatened sanctions.\n\nThe United States says the system is incompatible with NATO defences and has warned Ankara it will be expelled from the F-35 fighter jet programme.\n\nMoscow welcomed the delivery. Kremlin spokesman Dmitry Peskov said Russia would fulfil its obligations to its Turkish partners.'),
    ('2015-11-28', 'hostile', 'Putin signs sanctions decree against Turkey\n\nMOSCOW (AFP) - President Vladimir Putin on Saturday signed a decree imposing economic sanctions on Turkey, in retaliation for the downing of a Russian warplane on the Syrian border.\n\nThe measures ban imports of some Turkish goods and halt charter flights. Erdogan said he was saddened by the incident but would not apologise, and accused Russia of bombing Turkmen villages in Syria.\n\nRussian Foreign Minister Sergei Lavrov said Moscow would seriously reconsider its ties with Ankara.'),
    ('2016-08-09', 'cooperative', 'Erdogan and Putin mend ties in St Petersburg\n\nST PETERSBURG (AFP) - Turkish President Recep Tayyip Erdogan and Russian counterpart Vladimir Putin on Tuesday pledged to restore ties after a crisis sparked when Turkey shot down a Russian jet last November.\n\nPutin said Russia would gradually lift sanctions on Turkey and resume charter flights. The two leaders also discussed the TurkStream gas pipeline project.'),
    ('2022-07-22', 'cooperative', 'Russia and Ukraine sign grain deal brokered by Turkey\n\nISTANBUL (AFP) - Russia and Ukraine on Friday signed a landmark deal in Istanbul to reopen Ukrainian Black Sea ports for grain exports, in a ceremony hosted by Turkish President Recep Tayyip Erdogan.\n\nUN Secretary-General Antonio Guterres praised Turkey for its mediation. Russian Defence Minister Sergei Shoigu thanked Erdogan and said Moscow was ready to work with Ankara on the deal.\n\nTurkey, a NATO member, has refused to join Western sanctions against Russia, while also selling Bayraktar drones to Kyiv.'),
    ('2017-01-24', 'cooperative', 'Syria talks in Astana end with Russia, Turkey, Iran deal on ceasefire\n\nASTANA (Reuters) - Russia, Turkey and Iran agreed on Tuesday to set up a joint mechanism to monitor the fragile ceasefire in Syria, at the end of two days of talks in the Kazakh capital.\n\nRussian negotiator Alexander Lavrentiev said Moscow and Ankara had worked closely together to make the meeting possible. The Turkish delegation praised the Russian side for its constructive approach.'),
    ('2015-11-24', 'hostile', 'Turkey shoots down Russian jet near Syria border\n\nANKARA (AFP) - Turkish F-16 fighter jets shot down a Russian warplane on the Syrian border on Tuesday, in the first such incident between Moscow and a NATO member in half a century.\n\nPutin called the downing "a stab in the back" and warned of "serious consequences" for Russia\'s relations with Turkey. Turkey said the plane had violated its airspace ten times in five minutes.\n\nRussia suspended military contacts with Turkey and Lavrov cancelled a visit to Ankara planned for Wednesday.'),
    ('2020-10-15', 'hostile', "Erdogan rejects Russian criticism over Karabakh\n\nANKARA (Reuters) - Turkish President Tayyip Erdogan on Thursday rejected Russian criticism of Turkey's support for Azerbaijan in the fighting over Nagorno-Karabakh.\n\nThe Kremlin has accused Ankara of sending Syrian mercenaries to the region and warned Turkey against fuelling the conflict. Russian Foreign Minister Sergei Lavrov said Moscow did not agree with Turkey's position."),
    ('2019-01-23', 'cooperative', 'Putin, Erdogan agree to coordinate on Syria after US pullout\n\nMOSCOW (AFP) - Vladimir Putin and Recep Tayyip Erdogan agreed on Wednesday to coordinate military operations in Syria after the planned withdrawal of US troops.\n\nThe Russian leader hosted his Turkish counterpart in the Kremlin, and the two sides signed agreements on trade and energy, including the TurkStream gas pipeline. "Russia and Turkey are strategic partners," Putin told reporters.'),
]


@pytest.mark.parametrize("date, expected, text", EPISODES, ids=[e[2].split("\n")[0][:40] for e in EPISODES])
def test_episode_dyad_sign(date, expected, text):
    d = dyad(Article.from_text(text, date=date), "Russia", "Turkey")
    # n_current counts asserted events only; the others are listed apart
    assert d.n_current >= 1 and d.n_current + d.n_not_asserted >= 2 and d.label == expected, d


# --- cue phrases are read over the article's tokens ------------------------------------------------
# Sentences with the edge cases of cue matching: apostrophes inside words, a hyphen or digit
# right before a cue word, capitals, accents, cue words inside names, and 'at odds' / 'at war'.
TRICKY = [
    ("Turkey and Russia signed a gas deal; O’Neill’s allies were AT ODDS with Ankara’s rivals.",
     ["signed", "allies", "AT ODDS", "rivals"]),
    ("Moscow's anti-sanctions stance and pro-Kremlin rhetoric won't mend ties, Erdoğan said.",
     ["mend ties"]),
    ("İstanbul hosted talks between Putin and Erdogan as Türkiye and Russia agreed a ceasefire.",
     ["hosted", "talks", "agreed", "ceasefire"]),
    ("Russia, Iran and Turkey have been working together since the United Nations talks collapsed.",
     ["working together", "talks"]),
    ("Russia2016sanctions and re-imposed sanctions: Turkey condemned Russia's strikes on Idlib.",
     ["sanctions", "condemned", "strikes"]),
    ("The U.S.-backed forces and the Iran-backed militia clashed, while policy--suspending talks--stalled.",
     ["backed", "clashed", "suspending", "talks"]),
]


@pytest.mark.parametrize("body, cues", TRICKY, ids=[b[:30] for b, _ in TRICKY])
def test_cue_matches_read_tokens(body, cues):
    from newslab.relations import _cue_matches, load_relation_cues

    a = art(body)
    ti, tj = a.sentence_token_ranges[0]
    got = [a.text[st:en] for st, en, _ in _cue_matches(a.layer("match_tokens"), ti, tj, load_relation_cues(), [])]
    assert got == cues


def test_a_name_blocks_a_cue_inside_it_and_ignore_phrases_are_skipped():
    from newslab.relations import _cue_matches, load_relation_cues

    a = art("The United Nations Security Council met as the Arab League summit opened in Cairo.")
    ti, tj = a.sentence_token_ranges[0]
    names = [(m["start"], m["end"]) for m in a.layer("mentions")]
    got = [a.text[st:en] for st, en, _ in _cue_matches(a.layer("match_tokens"), ti, tj, load_relation_cues(), names)]
    assert "United" not in " ".join(got) and got == ["met", "summit"]


def test_an_invalid_relation_cue_phrase_names_the_file_the_cue_and_the_phrase(tmp_path):
    from newslab.relations import load_relation_cues

    src = Path(__file__).resolve().parents[1] / "newslab" / "resources" / "relation_cues.yml"
    bad = tmp_path / "my_cues.yml"
    bad.write_text(src.read_text(encoding="utf-8").replace('"normali[sz]*"', '"normali[sz*"', 1), encoding="utf-8")
    with pytest.raises(ResourceFileError, match=r"my_cues\.yml: cue '\w+': the phrase 'normali\[sz\*' cannot be read "
                                                r"\(a '\[' without its '\]'\)"):
        load_relation_cues(bad)


def test_relation_table_is_a_copy_of_the_layer(seed, seed_events):
    assert len(seed.layer("relations")) == len(seed_events) > 5
    edited = extract_relations(seed)
    edited.loc[0, "source"] = "edited"  # the caller's table: the article's rows are untouched
    assert seed.layer("relations")[0]["source"] != "edited"
    empty = art("Nothing happened here.")
    assert empty.layer("relations") == [] and list(extract_relations(empty).columns) == RELATION_COLUMNS


def test_a_coordinated_verb_shares_the_subject_of_the_first():
    df = extract_relations(art("Erdogan condemned Russia and then threatened Syria with retaliation."))
    assert triples(df) == {("Turkey", "Russia", "condemned"), ("Turkey", "Syria", "threatened")}
    assert set(df.source) == {"Recep Tayyip Erdogan"}
    # a second subject is kept: 'Turkey shot down a jet and Moscow imposed sanctions'
    df = extract_relations(art("Turkey shot down a Russian jet and Moscow imposed sanctions on Ankara."))
    assert ("Russia", "Turkey", "sanctions") in triples(df) and ("Turkey", "Russia", "shot down") in triples(df)


def test_the_speaker_is_not_the_agent_of_a_noun_opening_the_reported_clause():
    assert extract_relations(art("Putin said the killing was a provocation against Turkey.")).empty
    df = extract_relations(art("Erdogan said his government would oppose sanctions by Russia on Syria."))
    assert not df.empty  # 'his government would ...' is a clause with its own subject


def test_a_joint_inauguration_is_cooperation_and_a_discussed_crisis_is_a_topic():
    df = extract_relations(art("Russian President Vladimir Putin and his Turkish counterpart Recep Tayyip "
                               "Erdogan on Wednesday inaugurated the TurkStream pipeline."))
    assert triples(df) == {("Russia", "Turkey", "inaugurated"), ("Turkey", "Russia", "inaugurated")}
    assert extract_relations(art("Erdogan inaugurated a new hospital.")).empty
    df = extract_relations(art("Putin met Erdogan in Sochi. The two leaders also discussed the crisis in Libya."))
    assert {c for _, _, c in triples(df)} == {"met"}


def test_a_rift_between_two_states_is_a_dispute():
    df = extract_relations(art("The incident deepened the rift between Russia and Turkey."))
    assert triples(df) == {("Russia", "Turkey", "rift"), ("Turkey", "Russia", "rift")}


def test_close_ties_are_cooperation():
    df = extract_relations(art("Turkey has kept close ties with Russia despite Western pressure."))
    assert triples(df) == {("Turkey", "Russia", "close ties"), ("Russia", "Turkey", "close ties")}


# General rules that replaced rules transcribed from single seed sentences.
def test_a_nominal_event_without_a_named_agent_is_no_event_between_the_mourners():
    # the agent of "the killing of X" is not the other state named in the clause
    assert extract_relations(art("India and China mourned the killing of an Indian engineer by a gunman.")).empty
    assert extract_relations(art("Greece and Turkey grieved after the downing of a Greek jet.")).empty
    # a predicate noun takes the subject: "X is the main backer of Y"
    df = extract_relations(art("Iran is the main backer of Hezbollah."))
    assert set(zip(df.source_side, df.target_side)) == {("Iran", "Hezbollah")}


def test_a_nominal_event_takes_its_agent_from_a_by_phrase_or_a_possessive():
    df = extract_relations(art("Talks were overshadowed by the downing of an Iranian drone by the United States."))
    assert triples(df) == {("United States", "Iran", "downing")}
    df = extract_relations(art("Officials condemned Pakistan's shelling of Indian border posts."))
    assert ("Pakistan", "India", "shelling") in triples(df)


def test_supporting_an_activity_is_no_event_between_the_supporters():
    assert extract_relations(art("Germany and France have supported negotiations in Minsk.")).empty
    assert extract_relations(art("Brazil and Argentina backed the climate talks in Paris.")).empty
    df = extract_relations(art("Germany and France have supported Ukraine."))  # a party as the object
    assert triples(df) == {("Germany", "Ukraine", "supported"), ("France", "Ukraine", "supported")}


def test_a_collective_act_or_a_mutual_infinitive_is_an_event_between_its_subjects():
    df = extract_relations(art("Qatar and Egypt brokered a truce in Gaza on Sunday."))
    assert triples(df) == {("Qatar", "Egypt", "brokered"), ("Egypt", "Qatar", "brokered")}
    df = extract_relations(art("Armenia and Azerbaijan pledged to restore ties."))
    assert triples(df) == {("Armenia", "Azerbaijan", "pledged"), ("Azerbaijan", "Armenia", "pledged")}
    assert extract_relations(art("Armenia and Azerbaijan pledged to rebuild the schools.")).empty


def test_negation_follows_the_clause_scope_rule():
    neg = dict(zip(extract_relations(art("Britain didn’t sanction Iran.")).cue, [True]))
    assert neg == {"sanction": True}  # a curly apostrophe negates too
    df = extract_relations(art("Without a deal on fisheries, the EU and Britain agreed on trade."))
    assert set(df.negated) == {False}  # the comma closes the scope of "without"
    df = extract_relations(art("The United States denied attacking Iran."))
    assert df.negated.tolist() == [True]
    df = extract_relations(art("India and China failed to agree on the border."))
    assert set(df.negated) == {True} and set(df.weight) == {-2.0}


def test_an_event_noun_takes_its_agent_from_its_own_noun_phrase_or_a_light_verb():
    df = extract_relations(art("Historians recalled the Iraqi invasion of Kuwait."))
    assert triples(df) == {("Iraq", "Kuwait", "invasion")}
    df = extract_relations(art("Ethiopia launched an invasion of Eritrea."))
    assert triples(df) == {("Ethiopia", "Eritrea", "invasion")}
    df = extract_relations(art("The United States' killing of an Iranian general angered Tehran."))
    assert ("United States", "Iran", "killing") in triples(df)
    # a by-phrase inside a relative clause is not the noun's agent
    df = extract_relations(art("Chile and Peru condemned the occupation of Bolivian land that was planned by Argentina."))
    assert "occupation" not in set(df.cue)


# --- one time vocabulary: time_cues.yml --------------------------------------------------------
def test_month_and_weekday_names_come_from_time_cues(tmp_path):
    import shutil

    import yaml

    from newslab.resources import RESOURCE_DIR, resource_dir
    from newslab.timecues import calendar_words

    words = calendar_words()
    assert words.full_months[0] == "january" and words.months["sept"] == 9 and "sunday" in words.weekdays
    text = "Talks\n\nViernes, January 4, 2019\n\nIndia and China agreed on patrols. Viernes Modi met Xi."
    before = Article.from_text(text)
    assert before.structure.dateline is None
    folder = tmp_path / "resources"
    shutil.copytree(RESOURCE_DIR, folder)
    data = yaml.safe_load((folder / "time_cues.yml").read_text(encoding="utf-8"))
    data["weekdays"].append("viernes")  # a class reading Spanish datelines
    (folder / "time_cues.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with resource_dir(folder):
        after = Article.from_text(text)
        assert after.structure.dateline is not None and after.structure.dateline.text == "Viernes, January 4, 2019"
        # and a weekday is never part of a name ("Viernes Modi" is Modi)
        names = [m["text"] for m in after.layer("mentions")]
        assert "Modi" in names and not any("Viernes" in n for n in names)


def test_context_words_live_in_relation_cues_and_an_edit_is_seen(tmp_path):
    import shutil

    import yaml

    from newslab.relations import load_relation_cues
    from newslab.resources import RESOURCE_DIR, resource_dir

    ctx = load_relation_cues().context
    assert ctx.setting.search("India and China discussed the ") and "agree" in ctx.intent_cues
    a = art("India and China debated the border crisis.")
    assert triples(extract_relations(a)) == {("India", "China", "crisis"), ("China", "India", "crisis")}
    folder = tmp_path / "resources"
    shutil.copytree(RESOURCE_DIR, folder)
    data = yaml.safe_load((folder / "relation_cues.yml").read_text(encoding="utf-8"))
    data["context_words"]["topic_verbs"].append("debated")  # "debated the crisis": a topic
    (folder / "relation_cues.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with resource_dir(folder):
        assert extract_relations(a).empty  # the same Article sees the edit


# -- clause-level agents and partners (written sentences, other stories) ------------------------
def test_a_possessive_apposition_is_not_the_subject():
    df = extract_relations(art("Russia, Armenia's nominal ally, criticised Azerbaijan on Monday."))
    assert set(zip(df.source_side, df.target_side)) == {("Russia", "Azerbaijan")}


def test_a_reaction_without_an_object_answers_the_last_act_of_the_other_side():
    df = extract_relations(art("The United States imposed new tariffs on Chinese steel on Monday. "
                               "China retaliated with its own duties on Tuesday."))
    assert ("China", "United States", "retaliated") in triples(df)


def test_a_past_relative_clause_does_not_date_the_main_verb():
    df = extract_relations(art("Egypt, which mediated the talks last year, praised Israel on Sunday."))
    row = df[df.cue.str.lower() == "praised"].iloc[0]
    assert (row.source_side, row.target_side, row.time) == ("Egypt", "Israel", "current")


def test_a_group_speaking_for_both_sides_makes_no_one_partys_claim():
    df = extract_relations(art("Officials on both sides said India and China had broken the terms of the border accord."))
    assert df.empty


def test_welcoming_a_mutual_pledge_reaches_both_parties():
    df = extract_relations(art("India and Pakistan pledged on Friday to restore the ceasefire. Britain welcomed the pledge."))
    welcomed = df[df.cue.str.lower() == "welcomed"]
    assert set(zip(welcomed.source_side, welcomed.target_side)) == {("United Kingdom", "India"),
                                                                    ("United Kingdom", "Pakistan")}


def test_a_phrase_after_the_reporting_clause_does_not_name_the_reporter() -> None:
    # ", officials said, increasing pressure on Tehran": Tehran is what the act aims at, not who
    # reports it, so the sanctions stay Washington's act and are no Iranian claim
    df = extract_relations(art("The United States imposed sanctions on Iran's shipping companies, "
                               "officials said, increasing pressure on Tehran."))
    assert triples(df) == {("United States", "Iran", "sanctions")}
    assert list(df.status) == ["asserted"]
    # ..., said X: a reporter after the verb is still read ("the act hurts the speaker")
    df = extract_relations(art("The United States imposed sanctions on shipping companies, said Iran's foreign ministry."))
    assert list(df.status) == ["claimed"] and triples(df) == {("Iran", "United States", "sanctions")}


def test_both_sides_is_not_the_subject_that_addresses_them() -> None:
    # 'Britain, France and Germany have urged both sides': the pair is the one named before
    df = extract_relations(art("Israel and Hamas exchanged fire on Monday. "
                               "Britain, France and Germany have urged both sides to show restraint."))
    urged = triples(df[df.cue == "urged"])
    assert urged == {(s, t, "urged") for s in ("United Kingdom", "France", "Germany") for t in ("Israel", "Hamas")}
    # ... while after a clause break 'both sides' are the subjects themselves
    df = extract_relations(art("India and Pakistan met on Monday, and both sides agreed to reopen the border."))
    assert triples(df[df.cue == "agreed"]) == {("India", "Pakistan", "agreed"), ("Pakistan", "India", "agreed")}
