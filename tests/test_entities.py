"""Tests for newslab.entities: dictionary matching, roles, discovery, tables, JSON."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslab import Article
from newslab.entities import (actor_side, actor_table, cooccurrence, find_mentions, load_actors)
from newslab.io import load_article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "afp_2017-11-13_sochi_putin_erdogan.txt"


@pytest.fixture(scope="module")
def seed():
    return load_article(SEED)


@pytest.fixture(scope="module")
def seed_mentions(seed):
    return find_mentions(seed)


def art(body: str, **meta) -> Article:
    return Article.from_text("Title\n\n" + body, **meta)


def rows(m, **where):
    for k, v in where.items():
        m = m[m[k] == v]
    return m


def test_offsets_slice_back(seed, seed_mentions):
    for r in seed_mentions.itertuples():
        assert seed.text[r.start:r.end] == r.text


def test_seed_five_people(seed_mentions):
    people = set(seed_mentions[seed_mentions.label == "PERSON"].entity)
    assert {"Vladimir Putin", "Recep Tayyip Erdogan", "Mevlut Cavusoglu", "Bashar al-Assad",
            "Alexei Malashenko"} <= people
    putin = rows(seed_mentions, actor="Vladimir Putin")
    assert set(putin.side) == {"Russia"}
    assert set(rows(seed_mentions, text="Assad").actor) == {"Bashar al-Assad"}  # from "Assad's"


def test_seed_malashenko_discovered(seed_mentions):
    mal = rows(seed_mentions, entity="Alexei Malashenko")
    assert set(mal.how) == {"discovered"} and set(mal.actor) == {""} and set(mal.label) == {"PERSON"}
    assert len(mal) == 3  # the full name and two later "Malashenko said/added"


def test_seed_metonyms(seed_mentions):
    moscow = rows(seed_mentions, text="Moscow")
    assert set(moscow.actor) == {"Russia"} and set(moscow.how) == {"metonym"} and len(moscow) == 2
    ankara = rows(seed_mentions, text="Ankara")
    assert set(ankara.side) == {"Turkey"}
    # "met in Ankara" is the city; "Ankara was seeking", "Moscow and Ankara have supported" the state
    assert sorted(ankara.how) == ["metonym", "metonym", "metonym", "name"]
    assert rows(ankara, how="name").label.tolist() == ["PLACE"]


def test_seed_roles(seed_mentions):
    r = rows(seed_mentions, how="role")
    leader = dict(zip(r.text.str.lower(), r.actor))
    assert leader["the russian leader"] == "Vladimir Putin"
    assert leader["the turkish leader"] == "Recep Tayyip Erdogan"
    pair = rows(r, text="The pair")
    assert sorted(pair.actor) == ["Recep Tayyip Erdogan", "Vladimir Putin"]
    two = rows(r, text="the two countries")
    assert sorted(two.actor) == ["Russia", "Turkey"]
    assert (r.antecedent != "").all() and (r.antecedent_start >= 0).all()


def test_seed_orgs(seed_mentions):
    assert rows(seed_mentions, actor="NATO").label.tolist() == ["ORG"]
    assert rows(seed_mentions, actor="United Nations").text.tolist() == ["United Nations"]
    inst = rows(seed_mentions, text="Dialogue of Civilizations institute")
    assert inst.label.tolist() == ["ORG"] and inst.how.tolist() == ["discovered"]


def test_turkish_speaking_is_not_turkey(seed_mentions):
    assert "Turkish-speaking" not in set(seed_mentions.text)
    a = art("Turkish-speaking Tatars live there. Russian-backed forces advanced.")
    m = find_mentions(a)
    assert rows(m, actor="Turkey").empty
    assert rows(m, text="Russian").actor.tolist() == ["Russia"]


def test_actor_side():
    assert actor_side("Vladimir Putin") == "Russia"
    assert actor_side("Erdogan") == "Turkey"
    assert actor_side("the Kremlin") == "Russia"
    assert actor_side("Turkey") == "Turkey"
    assert actor_side("Nobody Known") == ""


def test_actor_table_and_cooccurrence(seed):
    t = actor_table(seed)
    top = t.set_index("actor")
    assert top.loc["Syria", "mentions"] >= 8
    assert top.loc["Vladimir Putin", "side"] == "Russia"
    c = cooccurrence(seed, level="sentence")
    pair = c[(c.source == "Recep Tayyip Erdogan") & (c.target == "Vladimir Putin")]
    assert int(pair.weight.iloc[0]) >= 3


# --- dictionary matching rules ------------------------------------------------------------------
def found(text: str, **meta):
    m = find_mentions(art(text, **meta))
    return [(r.text, r.actor, r.how) for r in m.itertuples()]


def test_case_rules():
    assert found("We ate turkey and asked us to stay.") == []
    assert ("Turkey", "Turkey", "name") in found("Turkey and the US met.")
    assert ("US", "United States", "alias") in found("Turkey and the US met.")
    # headline capitals still match a country
    assert ("TURKEY", "Turkey", "name") in found("TURKEY SAYS TALKS WITH RUSSIA WENT WELL")


def test_possessives_and_accents():
    got = found("Syria's army and Assad's allies met Erdoğan's envoy.")
    assert ("Syria", "Syria", "name") in got
    assert ("Assad", "Bashar al-Assad", "alias") in got
    assert ("Erdoğan", "Recep Tayyip Erdogan", "alias") in got


def test_longest_match_wins():
    got = found("Bashar al-Assad spoke at the UN Security Council about Islamic State.")
    assert ("Bashar al-Assad", "Bashar al-Assad", "name") in got
    assert ("UN Security Council", "UN Security Council", "name") in got
    assert ("Islamic State", "Islamic State", "name") in got
    assert all(t not in ("Assad", "UN", "State") for t, _, _ in got)


def test_hyphenated_words():
    got = found("Pro-Kremlin media praised Russia-Turkey ties and the US-led coalition. "
                "Turkish-born writers and Russian-speaking people came.")
    actors = [a for _, a, _ in got]
    assert actors.count("Russia") == 2 and actors.count("Turkey") == 1 and actors.count("United States") == 1
    texts = [t for t, _, _ in got]
    assert "Turkish" not in texts and "Russian" not in texts


def test_metonyms_and_capitals():
    got = found("The Kremlin and Washington disagreed. Talks were held in Moscow and Ankara.")
    assert ("Kremlin", "Russia", "metonym") in got
    assert ("Washington", "United States", "metonym") in got
    assert ("Moscow", "Moscow", "name") in got and ("Ankara", "Ankara", "name") in got
    m = find_mentions(art("Officials met in Brussels. Brussels wants a deal."))
    assert m.label.tolist() == ["PLACE", "ORG"] and m.actor.tolist()[1] == "European Union"


def test_title_adjective_is_not_a_separate_mention():
    m = find_mentions(art("Russian President Vladimir Putin arrived."))
    assert rows(m, text="Russian").how.tolist() == ["title"]
    t = actor_table(art("Russian President Vladimir Putin arrived."))
    assert t.actor.tolist() == ["Vladimir Putin"]


# --- roles --------------------------------------------------------------------------------------
def test_roles_counterpart_and_kremlin_chief():
    m = find_mentions(art("Vladimir Putin hosted Recep Tayyip Erdogan. The Kremlin chief said his "
                          "Turkish counterpart was welcome."))
    r = rows(m, how="role")
    assert r.text.tolist() == ["The Kremlin chief", "his Turkish counterpart"]
    assert r.actor.tolist() == ["Vladimir Putin", "Recep Tayyip Erdogan"]
    assert r.antecedent_start.tolist() == [m.start[0], m.start[1]]


def test_role_resolves_to_the_right_minister():
    m = find_mentions(art("Sergei Lavrov met Mevlut Cavusoglu and Vladimir Putin. The Russian foreign "
                          "minister said his Turkish counterpart agreed."))
    r = rows(m, how="role")
    assert r.actor.tolist() == ["Sergei Lavrov", "Mevlut Cavusoglu"]


def test_role_falls_back_to_holder_in_article_year():
    a = art("The Turkish foreign minister said talks would go on.", date="2017-05-01")
    assert rows(find_mentions(a), how="role").actor.tolist() == ["Mevlut Cavusoglu"]
    a = art("The Turkish foreign minister said talks would go on.", date="2024-05-01")
    assert rows(find_mentions(a), how="role").actor.tolist() == ["Hakan Fidan"]
    a = art("The Turkish foreign minister said talks would go on.")  # no date: side only
    r = rows(find_mentions(a), how="role")
    assert r.actor.tolist() == [""] and r.side.tolist() == ["Turkey"]


def test_plural_roles():
    m = find_mentions(art("Erdogan and Putin met. Both leaders smiled. Russia and Turkey agreed; "
                          "the two sides signed."))
    both = rows(m, text="Both leaders")
    assert sorted(both.actor) == ["Recep Tayyip Erdogan", "Vladimir Putin"]
    sides = rows(m, text="the two sides")
    assert sorted(sides.actor) == ["Russia", "Turkey"] and set(sides.label) == {"COUNTRY"}
    assert find_mentions(art("The pair met.")).empty  # nobody to refer to


# --- discovery ----------------------------------------------------------------------------------
def test_discovery_types_by_evidence():
    m = find_mentions(art("Professor Jane Okonkwo of the Caspian Policy Institute said the Volga "
                          "River was low. Mr Tariq Haddad, an analyst, agreed. Okonkwo added more."))
    d = rows(m, how="discovered")
    kinds = dict(zip(d.text, d.label))
    assert kinds["Jane Okonkwo"] == "PERSON"
    assert kinds["Caspian Policy Institute"] == "ORG"
    assert kinds["Volga River"] == "PLACE"
    assert kinds["Tariq Haddad"] == "PERSON"
    assert rows(d, text="Okonkwo").entity.tolist() == ["Jane Okonkwo"]
    assert set(d.actor) == {""}


def test_discovered_person_takes_side_from_title():
    m = find_mentions(art("Russian Deputy Foreign Minister Pavel Kuzmenkov met Turkish officials."))
    v = rows(m, text="Pavel Kuzmenkov")
    assert v.label.tolist() == ["PERSON"] and v.side.tolist() == ["Russia"]


def test_names_containing_a_state():
    m = find_mentions(art("He flew Turkish Airlines and watched the U.S. Open with Bill Clinton."))
    got = {r.text: (r.label, r.side, r.how) for r in m.itertuples()}
    assert got["Turkish Airlines"] == ("ORG", "Turkey", "discovered")
    assert got["U.S. Open"][0] == "MISC"
    assert got["Bill Clinton"][:2] == ("PERSON", "United States")  # not Hillary
    m = find_mentions(art("Economist Jeffrey Sachs disagreed."))
    assert m[["text", "actor"]].values.tolist() == [["Jeffrey Sachs", ""]]  # not James Jeffrey


def test_sentence_initial_common_words_are_not_names():
    m = find_mentions(art("Despite the talks, Meanwhile nothing changed. However Ankara insisted."))
    assert m.text.tolist() == ["Ankara"]


def test_empty_article():
    m = find_mentions(Article.from_text("", title_line=False))
    assert m.empty and list(m.columns)[:4] == ["text", "start", "end", "label"]
    assert actor_table(Article.from_text("", title_line=False)).empty


# --- user dictionary ----------------------------------------------------------------------------
def test_user_yaml_overrides_an_alias(tmp_path):
    extra = tmp_path / "my_actors.yml"
    extra.write_text(
        "people:\n"
        "  - {name: Alexei Malashenko, side: '', roles: [analyst 2000-]}\n"
        "orgs:\n"
        "  - {name: Dialogue of Civilizations, side: '', aliases: [Dialogue of Civilizations institute]}\n"
        "metonyms:\n"
        "  - {name: Brussels, actor: NATO}\n", encoding="utf-8")
    d = load_actors(extra)
    a = art("Alexei Malashenko of the Dialogue of Civilizations institute said Brussels was worried.")
    m = find_mentions(a, actors=d)
    got = {r.text: (r.actor, r.how) for r in m.itertuples()}
    assert got["Alexei Malashenko"] == ("Alexei Malashenko", "name")
    assert got["Dialogue of Civilizations institute"] == ("Dialogue of Civilizations", "alias")
    assert got["Brussels"] == ("NATO", "metonym")  # the packaged default is the EU
    assert find_mentions(art("Brussels was worried.")).actor.tolist() == ["European Union"]
    # a path works too, and the packaged dictionary is untouched
    assert find_mentions(a, actors=str(extra)).actor.tolist()[0] == "Alexei Malashenko"
    assert load_actors().side("Alexei Malashenko") == ""


def test_bad_user_yaml_names_the_file(tmp_path):
    from newslab.errors import ResourceFileError

    bad = tmp_path / "bad.yml"
    bad.write_text("people:\n  - {side: Russia}\n", encoding="utf-8")
    with pytest.raises(ResourceFileError, match="bad.yml"):
        load_actors(bad)
    bad.write_text("people:\n  - {name: X Y, roles: [president since 2010]}\n", encoding="utf-8")
    with pytest.raises(ResourceFileError, match="foreign minister 2014-2023"):
        load_actors(bad)


# --- tables, helpers, JSON, plots, backends -----------------------------------------------------
def test_corpus_tables():
    from newslab import Corpus

    c = Corpus([art("Putin met Erdogan.", id="a1"), art("Putin called Assad. Putin left.", id="a2")])
    t = actor_table(c).set_index("actor")
    assert t.loc["Vladimir Putin", "mentions"] == 3 and t.loc["Vladimir Putin", "articles"] == 2
    co = cooccurrence(c, level="paragraph", by="side")
    assert sorted(zip(co.source, co.target)) == [("Russia", "Syria"), ("Russia", "Turkey")]


def test_mentions_cached_on_article():
    a = art("Putin met Erdogan.")
    first = find_mentions(a)
    assert a.layer("mentions") is a.layer("mentions")
    first.loc[0, "actor"] = "changed"  # callers get copies
    assert find_mentions(a).actor[0] == "Vladimir Putin"


def test_bad_parameters():
    from newslab.errors import ParameterError

    with pytest.raises(ParameterError, match="backend"):
        find_mentions(art("Putin."), backend="spacy")
    with pytest.raises(ParameterError, match="level"):
        cooccurrence(art("Putin."), level="word")


def test_nltk_backends_or_clear_message(seed, monkeypatch):
    """With NLTK data the tagger backends find Malashenko; without it, one clear message."""
    from newslab.discovery import nltk_has
    from newslab.errors import MissingResourceError

    if nltk_has("taggers/averaged_perceptron_tagger_eng"):
        m = find_mentions(seed, backend="nltk")
        assert "Alexei Malashenko" in set(rows(m, label="PERSON").entity)
        import nltk

        monkeypatch.setattr(nltk.data, "path", [])
        monkeypatch.delenv("NLTK_DATA", raising=False)
    a = art("Alexei Malashenko spoke.")
    with pytest.raises(MissingResourceError, match="newslab data install"):
        find_mentions(a, backend="ne_chunk")


def test_json_sections(seed):
    from newslab.jsonout import article_json

    doc = article_json(seed)
    e = doc["entities"][0]
    assert set(e) >= {"text", "start", "end", "label", "actor", "side"}
    assert seed.text[e["start"]:e["end"]] == e["text"]
    actors = {r["actor"]: r for r in doc["actors"]}
    assert actors["Vladimir Putin"]["type"] == "PERSON" and actors["Vladimir Putin"]["side"] == "Russia"
    assert actors["Vladimir Putin"]["mentions"] == 7


def test_plots(seed):
    from newslab.plots.actors import cooccurrence_network, mentions_by_side

    t = actor_table(seed)
    fig = mentions_by_side(t, source="seed")
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.patches) == 15
    fig2 = cooccurrence_network(cooccurrence(seed), table=t)
    assert fig2.axes[0].get_title()
    assert mentions_by_side(t.iloc[0:0]).axes[0].get_title()
    from newslab.entities import side_table

    st = side_table(seed)
    assert set(st.side) >= {"Russia", "Turkey", "Syria"}
    ax3 = mentions_by_side(st).axes[0]
    assert ax3.get_ylabel() == "Side (state)" and "Russia" in [t.get_text() for t in ax3.get_yticklabels()]


def test_role_apposition_and_lowercase_title_side():
    m = find_mentions(art("The Italian foreign minister, Luigi Di Maio, said Greek prime minister "
                          "Kyriakos Mitsotakis agreed."))
    role = rows(m, how="role")
    assert role.antecedent.tolist() == ["Luigi Di Maio"] and role.side.tolist() == ["Italy"]
    assert rows(m, text="Kyriakos Mitsotakis").side.tolist() == ["Greece"]
    assert rows(m, text="Greek").how.tolist() == ["title"]


def test_surname_that_is_also_a_word():
    got = found("Trump met Putin. Later, Trump left. Trump cards were played.")
    assert [t for t, a, _ in got if a == "Donald Trump"] == ["Trump", "Trump"]


def test_place_and_event_words():
    m = find_mentions(art("Turkish troops entered Tell Tamer during Operation Peace Spring."))
    got = dict(zip(m.text, m.label))
    assert got["Tell Tamer"] == "PLACE" and got["Operation Peace Spring"] == "MISC"


def test_ministry_after_possessive_and_regime_metonym():
    m = find_mentions(art("Russia's Defence Ministry said the Assad regime had agreed."))
    got = {r.text: (r.label, r.actor, r.side) for r in m.itertuples()}
    assert got["Defence Ministry"] == ("ORG", "", "Russia")
    assert got["Assad regime"] == ("COUNTRY", "Syria", "Syria")


def test_three_leaders_and_counterpart_office():
    m = find_mentions(art("Erdogan met Putin, then Erdogan and Putin called Hassan Rouhani. "
                          "The three leaders will meet again.", date="2020-03-05"))
    assert sorted(rows(m, text="The three leaders").actor) == ["Hassan Rouhani", "Recep Tayyip Erdogan",
                                                                 "Vladimir Putin"]
    m = find_mentions(art("Sergei Lavrov cancelled his visit, and his Turkish counterpart said it was "
                          "regrettable.", date="2016-01-10"))
    assert rows(m, how="role").actor.tolist() == ["Mevlut Cavusoglu"]  # a foreign minister, not Erdogan


def test_paired_roles():
    m = find_mentions(art("Iran's Hassan Rouhani called his Turkish and Russian counterparts.", date="2019-05-01"))
    r = rows(m, how="role")
    assert set(r.text) == {"his Turkish and Russian counterparts"}
    assert sorted(r.actor) == ["Recep Tayyip Erdogan", "Vladimir Putin"]


def test_to_and_based():
    m = find_mentions(art("Ankara sold drones to Kyiv. Erdogan flew to Moscow. An Ankara-based institute spoke."))
    got = [(r.text, r.label, r.actor) for r in m.itertuples()]
    assert ("Kyiv", "COUNTRY", "Ukraine") in got      # a recipient: the state
    assert ("Moscow", "PLACE", "Moscow") in got       # a destination: the city
    assert ("Ankara", "PLACE", "Ankara") in got       # 'Ankara-based'


def test_brussels_by_context():
    m = find_mentions(art("Brussels wants a trade deal. Brussels urged its NATO allies to act. "
                          "Ministers met in Brussels."))
    assert list(zip(m.text, m.actor)) == [("Brussels", "European Union"), ("Brussels", "NATO"), ("NATO", "NATO"),
                                          ("Brussels", "Brussels")]
    assert m.side.tolist()[-1] == "Belgium"


def test_generic_rebels_only_in_syrian_context():
    m = find_mentions(art("Turkey has backed the rebels seeking Assad's ouster. In Donetsk the rebels fired shells."))
    r = rows(m, actor="Syrian rebels")
    assert r.text.tolist() == ["rebels"] and r.sentence.tolist() == [0] and r.side.tolist() == [""]


def test_discovered_names_do_not_run_across_of_or_on():
    # A name never starts with a lower-case function word, and 'of'/'on' after a proper word
    # (a surname) joins two names, not one: person + place, person + platform, person + body.
    m = find_mentions(art("Chief Executive of Hong Kong Carrie Lam delivered her annual address on Wednesday."))
    assert [(r.text, r.label) for r in m.itertuples()] == [("Hong Kong", "COUNTRY"), ("Carrie Lam", "PERSON")]
    m = find_mentions(art('"We were close," wrote his partner Orin Halvorsen on Instagram.'))
    assert [(r.text, r.label) for r in m.itertuples()] == [("Orin Halvorsen", "PERSON"), ("Instagram", "ORG")]
    m = find_mentions(art("Marine biologist Tomas Verhoeven of the Caspian Research Institute warned of a collapse."))
    assert [(r.text, r.label) for r in m.itertuples()] == [("Tomas Verhoeven", "PERSON"),
                                                         ("Caspian Research Institute", "ORG")]
    m = find_mentions(art("The President of the European Council spoke."))
    assert not any(t.split()[0].islower() for t in m.text)
    # Organisation patterns keep 'of'/'on' inside the name.
    m = find_mentions(art("The United Nations Commission on Human Rights met. Scholars at the Dialogue of "
                          "Civilizations institute and the House of Representatives disagreed."))
    assert [(r.text, r.label) for r in m.itertuples()] == [
        ("United Nations Commission on Human Rights", "ORG"), ("Dialogue of Civilizations institute", "ORG"),
        ("House of Representatives", "ORG")]


def test_a_name_before_a_lower_case_site_noun_is_a_place():
    m = find_mentions(art("A Russian plane landed at the Murted air base northwest of Ankara. "
                          "He is held in Silivri prison."))
    got = {r.text: (r.label, r.how) for r in m.itertuples()}
    assert got["Murted"] == ("PLACE", "discovered") and got["Silivri"] == ("PLACE", "discovered")
    assert got["Ankara"][0] == "PLACE"  # 'northwest of Ankara' is the city, not the state
    assert find_mentions(art("Ankara said the plane had landed.")).label.tolist() == ["COUNTRY"]


def test_a_name_before_a_lower_case_product_noun_is_misc():
    got = {r.text: r.label for r in find_mentions(art("Turkey sold Bayraktar drones to Ukraine.")).itertuples()}
    assert got == {"Turkey": "COUNTRY", "Bayraktar": "MISC", "Ukraine": "COUNTRY"}


# --- the dictionary's matcher --------------------------------------------------------------------
def test_dictionary_lookup_through_the_matcher():
    d = load_actors()
    xi, delhi, us = d.lookup("Xi"), d.lookup("New Delhi"), d.lookup("the US")
    assert (xi.actor, xi.how, xi.rule.levels) == ("Xi Jinping", "alias", (1,))
    assert (delhi.actor, delhi.how, delhi.rule.levels) == ("India", "capital", (1, 1))
    assert (us.actor, us.rule.levels) == ("United States", (2,))  # an acronym: exact case
    assert d.lookup("Rishi Sunak") is None and d.lookup("") is None
    assert "xi" in d.matcher.first_words and "jinping" not in d.matcher.first_words
    # The case rules at work: "us" is a pronoun, "xi" in lower case is no name.
    m = find_mentions(Article.from_text("T\n\nXi told us that New Delhi and the US agreed, xi said."))
    assert list(zip(m.text, m.actor)) == [("Xi", "Xi Jinping"), ("New Delhi", "India"), ("US", "United States")]


def test_fold_all_folds_each_word_like_fold():
    from newslab.discovery import fold, fold_all

    words = ["Modi", "met", "Xi", "in", "Wuhan", "—", "Erdoğan’s", "İmamoğlu", "Modi"]
    assert fold_all(words) == [fold(w) for w in words]
    assert fold_all(words)[5:8] == ["-", "erdogan's", "imamoglu"]


def test_a_name_that_needs_the_is_not_read_inside_a_hyphenated_compound():
    # 'the South' is South Korea in a story about the Koreas, but 'India-South Africa' holds no 'the'
    text = ("Seoul and Pyongyang traded warnings on Monday. The South said the drills would go on.\n\n"
            "Korean viewers also followed the India-South Africa series.")
    rows = find_mentions(Article.from_text(text, title_line=False))
    south = rows[rows["text"] == "South"]
    assert south["actor"].tolist() == ["South Korea"] and south["start"].tolist() == [text.index("South said")]
    later = rows[rows["start"] >= text.index("India-")]
    assert later["text"].tolist() == ["India-South Africa"]  # one name, not India + a dropped 'South' + Africa


def test_a_name_particle_joined_by_a_hyphen_stays_in_the_name() -> None:
    # Arabic names write the article 'al-'/'el-' in lower case; the name runs on through it
    m = find_mentions(art("Army chief General Abdel Fattah al-Burhan met Fayez al-Sarraj in Cairo. "
                          "The attack was claimed by al-Shabaab."))
    found = {(r.text, r.label) for r in m.itertuples()}
    assert ("Abdel Fattah al-Burhan", "PERSON") in found and ("Fayez al-Sarraj", "PERSON") in found
    assert "al-Shabaab" in set(m.text)
