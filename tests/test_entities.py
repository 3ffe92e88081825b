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
