"""Tests for newslab.quotes: the seed's quotes counted by hand, and one small text per pattern."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from newslab import Article, Corpus
from newslab.io import load_article
from newslab.quotes import QUOTE_COLUMNS, extract_quotes, load_cues, voice_share

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "afp_2017-11-13_sochi_putin_erdogan.txt"

PUTIN, ERDOGAN = "Vladimir Putin", "Recep Tayyip Erdogan"
CAVUSOGLU, MALASHENKO = "Mevlut Cavusoglu", "Alexei Malashenko"

# Every quote in the seed, read by hand: (start offset, first words, kind, speaker_text, speaker).
# Not quotes: 'agreed Monday on the need' (no speech verb), a "de-escalation" zone (the
# reporter's scare quotes), 'Erdogan has pledged to support' (a promise to act, not speech).
SEED_QUOTES = [
    (484, "During four hours of talks", "indirect", "Putin", PUTIN),            # ..., Putin said.
    (645, "We are united in the need", "direct", "the Russian leader", PUTIN),  # role speaker
    (858, "We agreed that there is now", "direct", "Erdogan", ERDOGAN),         # said Erdogan
    (1398, "Our relationship has been restored", "direct", "Putin", PUTIN),
    (1506, "he was glad to see the Turkish leader", "indirect", "Putin", PUTIN),  # ..., adding that
    (1748, "Ankara was seeking a political solution", "indirect",
     "Turkish Foreign Minister Mevlut Cavusoglu", CAVUSOGLU),                  # told journalists ... that
    (1806, "Without a ceasefire we cannot talk", "direct", "he", CAVUSOGLU),    # two sentences, pronoun
    (2268, "Putin and Erdogan had a \"mutual need\"", "mixed", "Alexei Malashenko", MALASHENKO),  # apposition + mixed
    (2310, "Russia, which is in a very difficult position", "direct", "he", MALASHENKO),  # he told AFP
    (2510, "Erdogan is dissatisfied with the West", "indirect", "Malashenko", MALASHENKO),
    (2770, "It's a meeting of two charismatic people", "direct", "Malashenko", MALASHENKO),  # added,
]


@pytest.fixture(scope="module")
def seed() -> Article:
    return load_article(SEED)


@pytest.fixture(scope="module")
def seed_quotes(seed: Article) -> pd.DataFrame:
    return extract_quotes(seed)


def q_of(text: str, **kw) -> pd.DataFrame:
    return extract_quotes(Article.from_text("Headline\n\n" + text, **kw))


def row(df: pd.DataFrame, prefix: str) -> pd.Series:
    hits = df[df["text"].str.startswith(prefix)]
    assert len(hits) == 1, f"expected one quote starting {prefix!r}, got:\n{df[['text', 'kind', 'speaker']]}"
    return hits.iloc[0]


# ------------------------------------------------------------------------------------------- seed

def test_seed_every_quote_with_its_speaker(seed_quotes: pd.DataFrame) -> None:
    got = [(int(r.start), r.kind, r.speaker_text, r.speaker) for r in seed_quotes.itertuples()]
    want = [(s, kind, sp_text, sp) for s, _, kind, sp_text, sp in SEED_QUOTES]
    assert got == want


def test_seed_offsets_slice_back_to_text(seed: Article, seed_quotes: pd.DataFrame) -> None:
    for r, (_, first_words, *_rest) in zip(seed_quotes.itertuples(), SEED_QUOTES):
        assert seed.text[r.start:r.end] == r.text
        assert r.text.startswith(first_words)
        assert seed.text[r.cue_start:r.cue_end] == r.cue
        if r.speaker_start >= 0:
            assert seed.text[r.speaker_start:r.speaker_end] == r.speaker_text
    assert list(seed_quotes.columns) == QUOTE_COLUMNS


def test_seed_quote_boundaries_and_sides(seed_quotes: pd.DataFrame) -> None:
    cav = row(seed_quotes, "Without a ceasefire")
    # one quote over two sentences, ending before the closing comma and mark
    assert cav.text.endswith("pay more attention to the political process")
    assert (cav.sentence, cav.paragraph) == (12, 11)
    assert row(seed_quotes, "It's a meeting").text.endswith("two leaders")  # '..." Malashenko added,'
    assert row(seed_quotes, "Erdogan is dissatisfied").text == \
        "Erdogan is dissatisfied with the West's attitude towards him"  # 'Meanwhile' is the reporter's
    assert row(seed_quotes, "Ankara was seeking").cue == "told"
    assert set(seed_quotes.loc[seed_quotes.speaker == PUTIN, "side"]) == {"Russia"}
    assert set(seed_quotes.loc[seed_quotes.speaker == CAVUSOGLU, "side"]) == {"Turkey"}
    assert not seed_quotes["unclosed"].any()
    assert "de-escalation" not in set(seed_quotes["text"])


def test_seed_is_cached(seed: Article) -> None:
    a = extract_quotes(seed)
    a.loc[0, "speaker"] = "changed"
    assert extract_quotes(seed).loc[0, "speaker"] == PUTIN  # callers get a copy of the cached table
    assert seed.layer("quotes") is seed.layer("quotes")  # computed once per article


def test_edited_cue_file_is_picked_up_on_the_same_article(tmp_path: Path) -> None:
    a = Article.from_text("T\n\nPutin mumbled that the talks went well.")
    cue_file = tmp_path / "cues.yml"
    cue_file.write_text("verbs:\n  say: {forms: [said], indirect: clause}\n", encoding="utf-8")
    assert extract_quotes(a, cues=cue_file).empty
    import os

    cue_file.write_text("verbs:\n  mumble: {forms: [mumbled], indirect: clause}\n", encoding="utf-8")
    os.utime(cue_file, (1, 1))  # a different modification time, as after an edit
    assert list(extract_quotes(a, cues=cue_file)["cue"]) == ["mumbled"]


def test_quoting_and_listener_verbs_come_from_the_cue_file(tmp_path: Path) -> None:
    import yaml

    text = ("T\n\nState media paraphrased Wang Yi as saying that Beijing wanted calm on the border. "
            "Jaishankar apprised lawmakers in parliament that Delhi agreed.")
    packaged = load_cues()
    assert "quoted" in packaged.quoting_verbs and "tell" in packaged.listener_verbs
    assert extract_quotes(Article.from_text(text)).empty  # neither verb is a cue yet
    data = yaml.safe_load((ROOT / "newslab" / "resources" / "quote_cues.yml").read_text(encoding="utf-8"))
    data["quoting_verbs"].append("paraphrased")
    data["verbs"]["apprise"] = {"forms": ["apprised"], "indirect": "that"}
    data["listener_verbs"].append("apprise")
    cue_file = tmp_path / "cues.yml"
    cue_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    got = extract_quotes(Article.from_text(text), cues=cue_file)
    assert got[["text", "cue", "speaker_text"]].values.tolist() == [
        ["Beijing wanted calm on the border", "saying", "Wang Yi"],
        ["Delhi agreed", "apprised", "Jaishankar"]]


# A wire-style Russia–Turkey article written for this test (not the seed): every quote listed.
WIRE_ARTICLE = """Turkey, Russia agree ceasefire in Syria's Idlib

MOSCOW (Reuters) - Turkish President Tayyip Erdogan and Russian President Vladimir Putin agreed on Thursday to a ceasefire in Syria's Idlib region, after talks in Moscow that lasted more than six hours.

Speaking at a joint news conference, Putin said he hoped the agreement would "serve as a good basis" for ending the fighting.

"We did not always agree with our Turkish partners in our assessments of what is happening in Syria," Putin said. "But each time, at critical moments, ... we managed to find common ground."

Erdogan said Turkey reserved the right to respond to any attack by Syrian government forces.

"We will work together to ensure that humanitarian aid reaches those in need," the Turkish leader told reporters, adding that the ceasefire would take effect at midnight.

Russian Foreign Minister Sergei Lavrov, reading out the text of the deal, said the two sides would set up a security corridor along the M4 highway.

The Kremlin said in a statement that the leaders had discussed the situation in detail. Kremlin spokesman Dmitry Peskov later told reporters that Putin and Erdogan had also spoken about bilateral trade.

Turkish Defence Minister Hulusi Akar told the state-run Anadolu news agency: "Our soldiers will remain at their posts."

"The ceasefire is fragile," said Dareen Khalifa, a senior Syria analyst at the International Crisis Group. "Both sides have a lot to lose if it collapses."

She added that Ankara had few options left.

Syria's foreign ministry, in a statement carried by state news agency SANA, welcomed the deal.

According to the Syrian Observatory for Human Rights, nearly one million people have fled the fighting since December.

"People are sleeping in the open in freezing temperatures," said Mark Cutts, the UN's deputy regional humanitarian coordinator.
"""

WIRE_QUOTES = [
    ("he hoped the agreement would \"serve as a good basis\"", "mixed", "Putin", PUTIN),
    ("We did not always agree", "direct", "Putin", PUTIN),
    ("But each time, at critical moments", "direct", "Putin", PUTIN),
    ("Turkey reserved the right", "indirect", "Erdogan", ERDOGAN),
    ("We will work together", "direct", "the Turkish leader", ERDOGAN),
    ("the ceasefire would take effect", "indirect", "the Turkish leader", ERDOGAN),
    ("the two sides would set up", "indirect", "Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
    ("the leaders had discussed", "indirect", "The Kremlin", "Russia"),
    ("Putin and Erdogan had also spoken", "indirect", "Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
    ("Our soldiers will remain", "direct", "Turkish Defence Minister Hulusi Akar", "Hulusi Akar"),
    ("The ceasefire is fragile", "direct", "Dareen Khalifa", "Dareen Khalifa"),
    ("Both sides have a lot to lose", "direct", "Dareen Khalifa", "Dareen Khalifa"),
    ("Ankara had few options left", "indirect", "She", "Dareen Khalifa"),
    ("nearly one million people", "indirect", "the Syrian Observatory for Human Rights",
     "Syrian Observatory for Human Rights"),
    ("People are sleeping in the open", "direct", "Mark Cutts", "Mark Cutts"),
]


def test_wire_article_every_quote() -> None:
    df = extract_quotes(Article.from_text(WIRE_ARTICLE))
    got = [(r.text, r.kind, r.speaker_text, r.speaker) for r in df.itertuples()]
    assert len(got) == len(WIRE_QUOTES)
    for (text, kind, sp_text, sp), (first, want_kind, want_sp_text, want_sp) in zip(got, WIRE_QUOTES):
        assert text.startswith(first)
        assert (kind, sp_text, sp) == (want_kind, want_sp_text, want_sp), text


# A second one, in another agency's house style (also written for this test).
WIRE_ARTICLE_2 = """Russia, Turkey to hold new round of Syria talks

ISTANBUL

Turkey and Russia will hold a new round of talks on Syria next week, Turkish Foreign Minister Mevlut Cavusoglu said on Friday.

Speaking at a joint press conference with his Azerbaijani counterpart in Ankara, Cavusoglu said the technical delegations would meet in Moscow.

"Our aim is a lasting ceasefire," he said. "We have told our Russian friends that the attacks must end."

Cavusoglu also noted that Turkey expects Russia to use its influence over the Assad regime.

Meanwhile, the Kremlin said Putin and Erdogan had agreed in a phone call to step up coordination.

"The presidents discussed the situation in Idlib in detail," Kremlin spokesman Dmitry Peskov told reporters in Moscow, adding that the two leaders could meet in person next month.

Asked whether Moscow trusted Ankara, Peskov replied: "We are working together."

Russian Deputy Foreign Minister Sergei Vershinin, quoted by the TASS news agency, said Moscow "remains committed" to the Sochi memorandum.

A senior Turkish security official, who spoke on condition of anonymity, told Reuters the army had reinforced its positions.

"We will not allow a humanitarian catastrophe on our border," President Recep Tayyip Erdogan said in a televised speech. He added that Turkey could not absorb another wave of refugees.
"""

WIRE_QUOTES_2 = [
    ("Turkey and Russia will hold", "indirect", CAVUSOGLU),
    ("the technical delegations would meet", "indirect", CAVUSOGLU),
    ("Our aim is a lasting ceasefire", "direct", CAVUSOGLU),
    ("We have told our Russian friends", "direct", CAVUSOGLU),
    ("Turkey expects Russia", "indirect", CAVUSOGLU),
    ("Putin and Erdogan had agreed", "indirect", "Russia"),
    ("The presidents discussed", "direct", "Dmitry Peskov"),
    ("the two leaders could meet", "indirect", "Dmitry Peskov"),
    ("We are working together", "direct", "Dmitry Peskov"),
    ("Moscow \"remains committed\" to the Sochi memorandum", "mixed", "Sergei Vershinin"),
    ("the army had reinforced", "indirect", "senior Turkish security official"),
    ("We will not allow a humanitarian catastrophe", "direct", ERDOGAN),
    ("Turkey could not absorb", "indirect", ERDOGAN),
]


def test_second_wire_article_every_quote() -> None:
    df = extract_quotes(Article.from_text(WIRE_ARTICLE_2))
    assert len(df) == len(WIRE_QUOTES_2)
    for r, (first, kind, speaker) in zip(df.itertuples(), WIRE_QUOTES_2):
        assert r.text.startswith(first) and (r.kind, r.speaker) == (kind, speaker), r.text
    assert set(df["side"]) == {"Russia", "Turkey"}


# --------------------------------------------------------------------------------- direct quotes

def test_said_after_quote_both_orders_and_colon() -> None:
    df = q_of('"We will win," Lavrov said.\n\n"They will lose," said Cavusoglu.\n\n'
              'Peskov said: "The presidents talk often."')
    assert [(r.kind, r.speaker_text) for r in df.itertuples()] == \
        [("direct", "Lavrov"), ("direct", "Cavusoglu"), ("direct", "Peskov")]
    assert row(df, "The presidents").text == "The presidents talk often."


def test_question_and_exclamation_quotes_and_a_new_sentence_after_a_quote() -> None:
    df = q_of('"Why should we retreat?" Erdogan asked at a rally in Istanbul.\n\n'
              '"This is unacceptable!" Lavrov said on Monday.\n\n'
              'Putin said, "We will not allow it." Erdogan said the deal would hold.')
    assert [(r.text, r.speaker) for r in df.itertuples()] == [
        ("Why should we retreat?", ERDOGAN), ("This is unacceptable!", "Sergei Lavrov"),
        ("We will not allow it.", PUTIN), ("the deal would hold", ERDOGAN)]


def test_colon_intro_title_abbreviations_and_asides_before_a_quote() -> None:
    df = q_of('The Kremlin set out its view: "Nobody wants escalation," said Dmitry Peskov, '
              "the Kremlin spokesman.\n\n"
              "According to Dr. Fiona Hill, formerly a White House adviser, the summit was "
              '"a relief." She said, in remarks aired by CNN on Sunday, "Both men needed a win."\n\n'
              'The envoy, Dr. Ali Bayram, said of the talks, "Bottom line, we are closer."\n\n'
              "On Thursday, Anadolu reported there were new talks in Ankara.")
    assert [(r.kind, r.speaker) for r in df.itertuples()] == [
        ("direct", "Dmitry Peskov"), ("mixed", "Fiona Hill"), ("direct", "Fiona Hill"),
        ("direct", "Ali Bayram"), ("indirect", "Anadolu Agency")]  # canonical name from actors.yml


def test_more_speaker_shapes() -> None:
    df = q_of("Erdogan's chief adviser, Ibrahim Kalin, said on TV, \"We will not wait.\"\n\n"
              'The ministry gave its "deepest regret" and said the strike was "a grave mistake".\n\n'
              'Lavrov remarked, "It has been a long week," further remarking, "We are tired."\n\n'
              'Fyodor Lukyanov said the talks mattered. Lukyanov went on to add, "Nobody wants a rupture."\n\n'
              'A Turkish lawmaker, Ayse Kaya, also commented on the deal: "We must change it."\n\n'
              "The Russian pilot informed Turkish officials he had lost contact.")
    assert [(r.text, r.kind, r.speaker_text) for r in df.itertuples()] == [
        ("We will not wait.", "direct", "Ibrahim Kalin"),
        ("the strike was \"a grave mistake\"", "mixed", "The ministry"),
        ("It has been a long week", "direct", "Lavrov"),
        ("We are tired.", "direct", "Lavrov"),
        ("the talks mattered", "indirect", "Fyodor Lukyanov"),
        ("Nobody wants a rupture.", "direct", "Lukyanov"),
        ("We must change it.", "direct", "Ayse Kaya"),
        ("he had lost contact", "indirect", "The Russian pilot")]


def test_inverted_speaker_with_modifiers_dated_reports_and_characterised() -> None:
    df = q_of('"We are heartbroken," writes his longtime security adviser Ibrahim Kalin.\n\n'
              "TASS reported on Sunday the Russian delegation had left Ankara.\n\n"
              'Erdogan characterised the call as "perfect".')
    assert [(r.kind, r.speaker_text) for r in df.itertuples()] == [
        ("direct", "his longtime security adviser Ibrahim Kalin"), ("indirect", "TASS"), ("mixed", "Erdogan")]
    assert df.loc[1, "text"] == "the Russian delegation had left Ankara"


def test_fronted_phrases_before_the_subject_and_according_to_inside_a_report() -> None:
    df = q_of("A day later, during a rally in Izmir, Erdogan defended the operation, saying that "
              '"Turkey will not retreat."\n\n'
              "Witnesses, according to Anadolu, said the convoy was hit twice.")
    assert [(r.kind, r.speaker_text) for r in df.itertuples()] == [("direct", "Erdogan"), ("indirect", "Witnesses")]


def test_told_audiences() -> None:
    df = q_of('"The ceasefire holds," Lavrov told reporters.\n\n'
              'Cavusoglu told a news conference in Ankara that Turkey would not withdraw.\n\n'
              '"We are ready," Erdogan told the Hurriyet daily on Sunday.\n\n'
              'Peskov told journalists: "No decision yet."')
    assert [(r.kind, r.speaker_text, r.cue) for r in df.itertuples()] == [
        ("direct", "Lavrov", "told"), ("indirect", "Cavusoglu", "told"),
        ("direct", "Erdogan", "told"), ("direct", "Peskov", "told")]
    assert row(df, "Turkey would").text == "Turkey would not withdraw"


def test_curly_quotes_and_interrupted_quote() -> None:
    df = q_of("“Turkey has to understand,” Zakharova said, “that there is no other way.”")
    assert list(df["text"]) == ["Turkey has to understand", "that there is no other way."]
    assert set(df["speaker_text"]) == {"Zakharova"} and set(df["kind"]) == {"direct"}


def test_guillemets_and_single_curly_quotes() -> None:
    df = q_of("«Nous sommes prêts», Lavrov said.\n\n‘It is a provocation,’ Peskov told AFP.")
    assert list(df["text"]) == ["Nous sommes prêts", "It is a provocation"]
    assert list(df["speaker_text"]) == ["Lavrov", "Peskov"]


def test_straight_single_quotes_without_double_quotes() -> None:
    df = q_of("'We are ready,' Erdogan said.\n\n"
              "Putin said the talks were 'very productive' and Russia's position hadn't changed.\n\n"
              "It's Russia's view and the generals' plan, Lavrov said.")
    assert [(r.text, r.kind, r.speaker) for r in df.itertuples()] == [
        ("We are ready", "direct", ERDOGAN), ("the talks were 'very productive' and Russia's position hadn't changed", "mixed", PUTIN),
        ("It's Russia's view and the generals' plan", "indirect", "Sergei Lavrov")]


def test_nested_single_quotes_stay_inside() -> None:
    df = q_of("\"The so-called 'safe zone' is a fiction, and 'Idlib first' too,\" Lavrov said.")
    assert len(df) == 1
    assert df.loc[0, "text"] == "The so-called 'safe zone' is a fiction, and 'Idlib first' too"


def test_apostrophes_do_not_open_quotes() -> None:
    df = q_of("Russia’s view isn’t Turkey’s, Lavrov said.")
    assert list(df["kind"]) == ["indirect"] and df.loc[0, "text"] == "Russia’s view isn’t Turkey’s"


# ------------------------------------------------------------------------------ speaker phrases

def test_apposition_both_orders() -> None:
    df = q_of('Fyodor Lukyanov, a Moscow-based analyst who edits a journal, said the sides had no choice.\n\n'
              '"It will not last," Ibrahim Kalin, Erdogan\'s spokesman, told reporters.\n\n'
              'Erdogan\'s spokesman, Ibrahim Kalin, said Turkey would stay.\n\n'
              'Dmitry Peskov, 52, said the Kremlin was worried.')
    assert list(df["speaker_text"]) == ["Fyodor Lukyanov", "Ibrahim Kalin", "Ibrahim Kalin", "Dmitry Peskov"]
    assert row(df, "the sides").kind == "indirect"


def test_role_speaker_resolved_to_named_actor() -> None:
    df = q_of("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi.\n\n"
              '"We agreed on a lot," the Russian leader told reporters.\n\n'
              '"We will continue," said the Turkish leader.')
    assert list(df["speaker_text"]) == ["the Russian leader", "the Turkish leader"]
    assert list(df["speaker"]) == [PUTIN, ERDOGAN]
    assert list(df["side"]) == ["Russia", "Turkey"]


def test_unlisted_role_nouns_and_kremlin_chief() -> None:
    df = q_of("Vladimir Putin hosted Recep Tayyip Erdogan in Sochi.\n\n"
              '"We agreed," the Kremlin chief said.\n\n"We will see," the Turkish strongman said.\n\n'
              '"It was useful," the head of state told reporters.')
    assert list(df["speaker"]) == [PUTIN, ERDOGAN, ERDOGAN]


def test_a_name_modifying_a_role_is_not_the_speaker() -> None:
    df = q_of('The Trump campaign described Biden as "just another swamp creature".\n\n'
              "Putin spokesman Dmitry Peskov said the talks went well.")
    assert list(df["speaker"]) == ["Trump campaign", "Dmitry Peskov"]


def test_pronouns_follow_the_latest_compatible_speaker() -> None:
    df = q_of("Foreign ministry spokeswoman Maria Zakharova spoke on Thursday.\n\n"
              '"This is a provocation," she told a briefing.\n\n'
              'Sergei Lavrov said Moscow was patient.\n\n'
              '"But patience has limits," he said.')
    assert list(df["speaker_text"]) == ["she", "Sergei Lavrov", "he"]
    assert list(df["speaker"]) == ["Maria Zakharova", "Sergei Lavrov", "Sergei Lavrov"]


def test_she_learns_gender_from_her_in_the_article() -> None:
    df = q_of("Dilek Yalcin presented her report in Ankara. Sergei Lavrov spoke later.\n\n"
              '"We reject this," Yalcin said. Lavrov left for Moscow.\n\n'
              '"It is a provocation," she said.')
    assert list(df["speaker"]) == ["Dilek Yalcin", "Dilek Yalcin"]


def test_pronoun_skips_a_name_that_is_not_a_subject() -> None:
    df = q_of("Vladimir Putin hosted talks in Sochi.\n\n"
              "After meeting Recep Tayyip Erdogan, he told reporters that the talks went well.")
    assert df.loc[0, "speaker"] == PUTIN


def test_she_skips_a_more_recent_man() -> None:
    df = q_of("Maria Zakharova briefed reporters in Moscow.\n\nSergei Lavrov flew to Ankara.\n\n"
              '"Nobody will believe it," she said.\n\n"We will see," he said.')
    assert list(df["speaker"]) == ["Maria Zakharova", "Sergei Lavrov"]


def test_surname_gets_full_name_of_unknown_person() -> None:
    df = q_of("Sinan Ulgen, a former Turkish diplomat, met reporters.\n\n"
              '"It was not a breakthrough," Ulgen said.')
    assert df.loc[0, "speaker"] == "Sinan Ulgen"


def test_definite_role_and_a_second_reporting_clause() -> None:
    df = q_of('Speaking in Munich, Lavrov said: "Nobody wants a war."\n\n'
              "The Russian minister told his Turkish counterpart that Moscow expected Ankara to honour "
              "its commitments, a diplomatic source said.")
    # The source's clause holds Lavrov's reported speech: a nested attribution, as PolNeAR marks it.
    assert list(df["speaker"]) == ["Sergei Lavrov", "diplomatic source", "Sergei Lavrov"]
    assert df.loc[2, "text"] == "Moscow expected Ankara to honour its commitments"
    assert df.loc[1, "text"].startswith("The Russian minister told his Turkish counterpart")


def test_two_speakers_in_one_phrase() -> None:
    df = q_of("Putin and Erdogan said in a joint statement that the ceasefire would hold.")
    assert (df.loc[0, "speaker"], df.loc[0, "side"]) == (f"{PUTIN}; {ERDOGAN}", "Russia; Turkey")


def test_the_ministry_refers_back_to_its_full_name() -> None:
    df = q_of("Russia's defence ministry said on Monday that Turkish forces had shelled Syrian positions.\n\n"
              "The ministry added that two Russian advisers were wounded.")
    assert list(df["speaker"]) == ["Russia's defence ministry"] * 2
    assert list(df["side"]) == ["Russia", "Russia"]


def test_documents_speak_for_their_issuer_and_it_for_an_organisation() -> None:
    df = q_of("The Turkish foreign ministry issued a statement which said the deal was void.\n\n"
              "NATO met on Friday. It said the alliance stood by Turkey.")
    assert [(r.speaker_text, r.speaker, r.side) for r in df.itertuples()] == [
        ("a statement", "Turkish foreign ministry", "Turkey"), ("It", "NATO", "NATO")]


def test_plural_pronoun_and_officials() -> None:
    df = q_of("Turkish officials said in a statement on Monday that the convoy had been hit.\n\n"
              "They added that two soldiers were killed.")
    assert list(df["speaker_text"]) == ["Turkish officials", "They"]
    assert df.loc[1, "speaker"] == df.loc[0, "speaker"]
    assert set(df["side"]) == {"Turkey"}


# --------------------------------------------------------------------------------- indirect speech

def test_indirect_forms() -> None:
    df = q_of("Putin said that Russia did not want a war.\n\n"
              "Cavusoglu said Turkey expected Moscow to act.\n\n"
              "The talks were useful, Lavrov said on Monday.\n\n"
              "The deal was not a breakthrough, said Sinan Ulgen, a former diplomat.\n\n"
              "Putin has repeatedly said that Russia seeks calm.")
    assert [(r.text, r.speaker_text) for r in df.itertuples()] == [
        ("Russia did not want a war", "Putin"), ("Turkey expected Moscow to act", "Cavusoglu"),
        ("The talks were useful", "Lavrov"), ("The deal was not a breakthrough", "Sinan Ulgen"),
        ("Russia seeks calm", "Putin")]
    assert set(df["kind"]) == {"indirect"}


def test_more_indirect_shapes() -> None:
    df = q_of("Hospital officials in Omsk said no traces of poison were found in his blood.\n\n"
              "Charite said in a statement, Navalny would be undergoing tests.\n\n"
              "The German government announced the tests found Novichok, and said there was "
              '"unequivocal" proof.\n\n'
              "Navalny fell ill. His associates have alleged Navalny was poisoned.")
    assert [(r.text, r.kind, r.speaker_text) for r in df.itertuples()] == [
        ("no traces of poison were found in his blood", "indirect", "Hospital officials in Omsk"),
        ("Navalny would be undergoing tests", "indirect", "Charite"),
        ("the tests found Novichok", "indirect", "The German government"),
        ("there was \"unequivocal\" proof", "mixed", "The German government"),
        ("Navalny was poisoned", "indirect", "His associates")]


def test_institutions_and_first_person_inside_reported_words() -> None:
    df = q_of("Police said the man was arrested. He told reporters he was innocent.\n\n"
              "I've told them I won't play for Iran anymore, she said.")
    assert [(r.speaker_text, r.speaker) for r in df.itertuples()] == [
        ("Police", "Police"), ("He", ""), ("she", "")]  # 'he' is not the police


def test_according_to_both_positions() -> None:
    df = q_of("According to the Kremlin, Putin and Erdogan will speak by phone.\n\n"
              "Two soldiers died, according to Turkish officials.")
    assert list(df["text"]) == ["Putin and Erdogan will speak by phone", "Two soldiers died"]
    assert list(df["speaker_text"]) == ["the Kremlin", "Turkish officials"]
    assert list(df["side"]) == ["Russia", "Turkey"]  # the Kremlin is Russia's metonym


def test_according_to_does_not_override_a_reporting_verb() -> None:
    df = q_of("The Turkish defence ministry said two soldiers had died, according to state media.")
    assert list(df["speaker_text"]) == ["The Turkish defence ministry"]


def test_participle_keeps_the_sentence_speaker() -> None:
    df = q_of('"The attacks must stop," Erdogan said, adding that Turkey would respond.')
    assert list(df["kind"]) == ["direct", "indirect"]
    assert set(df["speaker"]) == {ERDOGAN}
    assert df.loc[1, "text"] == "Turkey would respond"


def test_subject_speaks_through_participle_and_quoted_as_saying() -> None:
    df = q_of("Erdogan lashed out at Moscow on Tuesday, saying Russia had failed to keep its promises.\n\n"
              "Lavrov was quoted by RIA Novosti as saying that the Sochi deal remained in force.\n\n"
              "In a phone call, Putin told Erdogan that Russia was ready to help.")
    assert [(r.text, r.speaker) for r in df.itertuples()] == [
        ("Russia had failed to keep its promises", ERDOGAN),
        ("the Sochi deal remained in force", "Sergei Lavrov"),
        ("Russia was ready to help", PUTIN)]


def test_agencies_quoted_speaker_as_saying() -> None:
    df = q_of('"We have agreed on the main points," Russian news agencies quoted Lavrov as saying.\n\n'
              "Erdogan said late on Monday that Turkey would not back down.")
    assert list(df["speaker"]) == ["Sergei Lavrov", ERDOGAN]


def test_acronyms_asides_partitives_and_final_according_to() -> None:
    df = q_of("Late on Sunday, the Kurdish-led Syrian Democratic Forces (SDF) announced it had entered "
              "into an agreement with Damascus.\n\n"
              "The Syrian Army entered Tell Tamer yesterday according to state media.\n\n"
              "One of these groups, the Syrian Democratic Forces (SDF), opposed the withdrawal and said it "
              'had been given "assurances from the US" about the region.\n\n'
              "Greek prime minister Kyriakos Mitsotakis speaking to a think tank called the agreement "
              '"null and void".')
    assert [(r.kind, r.speaker_text) for r in df.itertuples()] == [
        ("indirect", "the Kurdish-led Syrian Democratic Forces"), ("indirect", "state media"),
        ("mixed", "the Syrian Democratic Forces"), ("mixed", "Greek prime minister Kyriakos Mitsotakis")]
    assert df.loc[1, "text"] == "The Syrian Army entered Tell Tamer yesterday"


def test_parenthetical_cues_keep_the_whole_clause() -> None:
    df = q_of("These strikes, Cavusoglu said, violate the Sochi deal.\n\n"
              "Turkey, according to the Kremlin, will withdraw its troops soon.")
    assert list(df["text"]) == ["These strikes, Cavusoglu said, violate the Sochi deal",
                                "Turkey, according to the Kremlin, will withdraw its troops soon"]
    assert list(df["speaker_text"]) == ["Cavusoglu", "the Kremlin"]


def test_not_reported_speech() -> None:
    df = q_of("Erdogan has pledged to support the Tatars.\n\n"
              "Turkey urged Russia to show restraint.\n\n"
              "The agreement is said to be fragile.\n\n"
              "He said nothing.\n\n"
              "That said, Turkey has not closed the door to talks.\n\n"
              "Putin told Erdogan.\n\n"
              "As the funeral progressed, Trump tweeted about the event.\n\n"
              "Can you tell us about the time when you were sceptical?\n\n"
              "Let's say this has a productivity factor of four.\n\n"
              "Peskov did not say whether the talks would resume.\n\n"
              "Lavrov declined to say when the deal would be signed.\n\n"
              "I would say I don't think they are similar.")
    assert df.empty


# -------------------------------------------------------------------------- partial and scare quotes

def test_partial_inside_reported_speech_scare_quotes_dropped() -> None:
    df = q_of('Lukyanov said the two sides had a "strategic interest" in calm.\n\n'
              'They agreed on a "de-escalation" zone in Idlib.\n\n'
              'The talks were "constructive", a Turkish official said.\n\n'
              'Erdogan called the strikes "unacceptable".\n\n'
              'Erdogan was quoted as saying that Turkey would "never leave" Idlib.')
    assert [(r.text, r.kind, r.speaker_text) for r in df.itertuples()] == [
        ('the two sides had a "strategic interest" in calm', "mixed", "Lukyanov"),
        ('The talks were "constructive"', "mixed", "a Turkish official"),
        ('the strikes "unacceptable"', "mixed", "Erdogan"), ('Turkey would "never leave" Idlib', "mixed", "Erdogan")]


# ------------------------------------------------------------------------ multi-paragraph quotes

def test_quote_continued_over_paragraphs() -> None:
    df = q_of('"Our patience has limits.\n\n"If the regime does not withdraw, we will act," Erdogan said.')
    assert list(df["text"]) == ["Our patience has limits.", "If the regime does not withdraw, we will act"]
    assert set(df["speaker"]) == {ERDOGAN}
    assert df["group"].nunique() == 1 and not df["unclosed"].any()
    assert list(df["paragraph"]) == [0, 1]


def test_paragraph_quote_continues_previous_speaker() -> None:
    df = q_of('"We have agreed to coordinate our steps," Lavrov told a news conference.\n\n'
              '"The next round will be in Astana."\n\n'
              'Markets rose on Tuesday.\n\n'
              '"This is a quote nobody claims in this text."')
    assert list(df["speaker_text"]) == ["Lavrov", "Lavrov", ""]
    assert list(df["how"]) == ["quote_then_cue", "continuation", "unattributed"]


def test_colon_paragraph_introduces_quote() -> None:
    df = q_of("Erdogan told members of his party in Ankara:\n\n\"We will not allow a new refugee wave.\"")
    assert df.loc[0, "speaker"] == ERDOGAN and df.loc[0, "kind"] == "direct"


def test_speaker_line_kept_as_a_heading_still_introduces_the_quote() -> None:
    df = q_of("Putin met Erdogan in Sochi.\n\nKremlin spokesman Dmitry Peskov told reporters:\n\n"
              '"The talks were constructive and useful."\n\nMutual need:\n\n'
              '"This quote follows a real section head."')
    assert list(df["speaker"]) == ["Dmitry Peskov", ""]  # a section head breaks continuation


# ----------------------------------------------------------------------------------- bad input

def test_unclosed_quote_is_capped_at_paragraph_end() -> None:
    text = 'Erdogan spoke.\n\n"This never closes and goes on\n\nRussia and Turkey met. "We agree," Putin said.'
    a = Article.from_text("Headline\n\n" + text)
    df = extract_quotes(a)
    first = row(df, "This never closes")
    assert first.unclosed and first.end == a.paragraphs[1].end
    assert row(df, "We agree").speaker == PUTIN  # the next paragraph is not swallowed
    assert not row(df, "We agree").unclosed


def test_unclosed_quote_with_its_own_attribution() -> None:
    df = q_of('"We will not retreat, Erdogan said on Friday.')
    assert df.loc[0, "text"] == "We will not retreat"
    assert df.loc[0, "speaker"] == ERDOGAN and bool(df.loc[0, "unclosed"])


def test_empty_and_quote_free_articles() -> None:
    df = q_of("Russia and Turkey have a long history of rivalry.")
    assert df.empty and list(df.columns) == QUOTE_COLUMNS


def test_user_cue_file(tmp_path: Path) -> None:
    cue_file = tmp_path / "cues.yml"
    cue_file.write_text("verbs:\n  mumble: {forms: [mumbled], indirect: clause}\n", encoding="utf-8")
    a = Article.from_text("T\n\nPutin mumbled that the talks went well. Putin said it was fine.")
    df = extract_quotes(a, cues=cue_file)
    assert list(df["cue"]) == ["mumbled"]
    assert load_cues(cue_file).forms["mumbled"] == ("mumble", "clause", False)
    bad = tmp_path / "bad.yml"
    bad.write_text("audiences: [reporters]\n", encoding="utf-8")
    from newslab.errors import ResourceFileError

    with pytest.raises(ResourceFileError, match="verbs"):
        load_cues(bad)


# ------------------------------------------------------------------------ voice share, JSON, plot

def test_voice_share_on_seed(seed: Article) -> None:
    vs = voice_share(seed)
    top = vs.set_index("speaker")
    assert top.loc[MALASHENKO, "n_quotes"] == 4
    assert (top.loc[MALASHENKO, ["n_direct", "n_indirect", "n_partial", "n_mixed"]].tolist()) == [2, 1, 0, 1]
    assert top.loc[PUTIN, "n_quotes"] == 4 and top.loc[PUTIN, "n_direct"] == 2
    assert top.loc[ERDOGAN, "quoted_words"] == 17  # "We agreed ... political process"
    assert abs(vs["share_words"].sum() - 1) < 1e-9
    assert vs["quoted_words"].is_monotonic_decreasing
    sides = voice_share(seed, by="side").set_index("side")
    assert sides.loc["Russia", "n_quotes"] == 4 and sides.loc["Turkey", "n_quotes"] == 3


def test_voice_share_counts_multi_paragraph_quote_once_and_corpus() -> None:
    a = Article.from_text('T\n\n"Part one.\n\n"Part two," Erdogan said.', id="a1")
    b = Article.from_text('T\n\n"Hello there," Putin said.', id="b1")
    vs = voice_share(Corpus([a, b])).set_index("speaker")
    assert vs.loc[ERDOGAN, "n_quotes"] == 1 and vs.loc[ERDOGAN, "quoted_words"] == 4
    assert vs.loc[PUTIN, "quoted_words"] == 2
    with pytest.raises(Exception, match="by="):
        voice_share(a, by="colour")


def test_extract_quotes_on_a_corpus() -> None:
    a = Article.from_text('T\n\n"We won," Putin said.', id="a1", date="2020-03-05")
    b = Article.from_text("T\n\nErdogan said Turkey was ready.", id="b1", date="2020-03-06")
    df = extract_quotes(Corpus([a, b]))
    assert list(df["doc_id"]) == ["a1", "b1"] and list(df["date"]) == ["2020-03-05", "2020-03-06"]
    assert list(df.columns[2:]) == QUOTE_COLUMNS


def test_json_section(seed: Article) -> None:
    from newslab.jsonout import article_json

    doc = article_json(seed)
    assert len(doc["quotes"]) == len(SEED_QUOTES)
    first = doc["quotes"][1]
    assert {"text", "start", "end", "kind", "cue", "speaker_text", "speaker", "side"} <= set(first)
    assert first["speaker"] == PUTIN and first["speaker_text"] == "the Russian leader"
    json.dumps(doc)  # plain Python types only


def test_voice_share_chart(seed: Article) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from newslab.plots.quotes import voice_share_chart

    fig = voice_share_chart(voice_share(seed), source="AFP 2017-11-13")
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert MALASHENKO in labels and PUTIN in labels
    fig2 = voice_share_chart(voice_share(seed, by="side"))
    assert "Russia" in [t.get_text() for t in fig2.axes[0].get_yticklabels()]


def test_quote_layer_rows(seed):
    rows = seed.layer("quotes")
    assert len(rows) > 5 and list(rows[0]) == QUOTE_COLUMNS
    a = Article.from_text('T\n\n"We won," Putin said. Erdogan said the talks went well.')
    assert [(r["text"], r["kind"], r["speaker"]) for r in a.layer("quotes")] == [
        ("We won", "direct", "Vladimir Putin"), ("the talks went well", "indirect", "Recep Tayyip Erdogan")]
    empty = Article.from_text("T\n\nNobody spoke.")
    assert empty.layer("quotes") == [] and list(extract_quotes(empty).columns) == QUOTE_COLUMNS


def _quotes_of(body: str) -> list[tuple[str, str, str, str]]:
    df = extract_quotes(Article.from_text("T\n\n" + body))
    return [(r.kind, r.text, r.speaker, r.cue) for r in df.itertuples()]


def test_manner_of_speaking_verbs_attribute_quotation_marks():
    got = _quotes_of('The gunman, an off-duty police officer, shouted "Don\'t forget Aleppo!" before '
                     'opening fire, according to witnesses.')
    # the words after the quotation are not a clause the witnesses said
    assert got == [("direct", "Don't forget Aleppo!", "gunman", "shouted")]
    assert _quotes_of('Protesters chanted "Erdogan, resign!" outside the consulate.') == [
        ("direct", "Erdogan, resign!", "Protesters", "chanted")]


def test_it_refers_back_to_an_institution_that_spoke():
    got = _quotes_of("A cargo plane landed at the Murted air base, the defence ministry said. "
                     "More deliveries would follow in the coming days, it added.")
    assert [(k, s, c) for k, _, s, c in got] == [("indirect", "defence ministry", "said"),
                                               ("indirect", "defence ministry", "added")]


def test_the_agency_is_the_agency_named_before():
    got = _quotes_of("Thirty people were arrested, the Xinhua news agency said. "
                     "Police seized the rest of the liquor, the agency said.")
    assert [s for _, _, s, _ in got] == ["Xinhua news agency", "Xinhua news agency"]


def test_a_short_lower_case_phrase_after_the_cue_is_a_partial_quote():
    assert _quotes_of('Putin warned of "serious consequences".') == [
        ("partial", "serious consequences", "Vladimir Putin", "warned")]
    # the reporter's clause going on after the quoted words makes the whole of it a mixed quote
    assert _quotes_of('Putin warned of "serious consequences" for relations with Ankara.') == [
        ("mixed", '"serious consequences" for relations with Ankara', "Vladimir Putin", "warned")]
    assert _quotes_of('Putin said: "There will be serious consequences."')[0][0] == "direct"
    assert _quotes_of('Erdogan said "we will never give up and we will win this fight."')[0][0] == "direct"


# ------------------------------------------------------- issue 14: layouts and quote boundaries

def test_short_object_then_colon_and_quote_is_a_direct_quote() -> None:
    q = q_of('Then she added a caveat: "Down the list, I will vote for anyone who shares our values."\n\n'
             'Sharif explained it this way: "It is like a wedding where nobody wants to eat first."')
    assert row(q, "Down the list")[["kind", "speaker_text"]].tolist() == ["direct", "she"]
    assert row(q, "It is like a wedding")[["kind", "speaker_text"]].tolist() == ["direct", "Sharif"]


def test_reported_speech_runs_to_the_closing_mark_over_a_sentence_break() -> None:
    q = q_of('The envoy said that the talks with Tehran were "a slow process. The process is slow, '
             'but it moves."')
    r = row(q, "the talks with Tehran")
    assert r["kind"] == "mixed" and r["text"].endswith("but it moves.\"") and r["speaker_text"] == "The envoy"


def test_what_she_calls_is_no_new_report() -> None:
    q = q_of('Fernandez says Argentines are "right to be worried," but also hungry for what she calls '
             '"real answers."')
    r = row(q, "Argentines are")
    assert r["kind"] == "mixed" and r["text"].endswith('"real answers."') and r["speaker_text"] == "Fernandez"


def test_an_organisation_in_a_title_leaves_the_person_as_subject() -> None:
    # 'State Department spokesman Matthew Miller': the organisation only names his post, so the
    # 'He' of the next sentence is Miller, not the president quoted before him.
    df = q_of('"We will not negotiate under threats," Iranian President Masoud Pezeshkian said.\n\n'
              "State Department spokesman Matthew Miller rejected the claim. "
              "He said that Washington remained open to diplomacy.")
    assert list(df["speaker"]) == ["Masoud Pezeshkian", "Matthew Miller"]
    assert df.loc[1, "text"] == "Washington remained open to diplomacy"


def test_a_summing_up_phrase_after_the_cue_is_not_the_content() -> None:
    # ', a step that ...' / ', a move welcomed by ...' comment on the clause before the speaker.
    for tail in ("said on Monday, a step that could ease trade.", "said, a move welcomed by traders."):
        df = q_of(f"Kenya and Ethiopia have agreed to reopen the border crossing, Ethiopia's trade minister {tail}")
        assert list(df["text"]) == ["Kenya and Ethiopia have agreed to reopen the border crossing"], tail
    # ... while a clause whose subject carries a relative clause is still reported speech
    df = q_of("Police said on Friday that a man who attacked officers in Lahore had been arrested.")
    assert list(df["text"]) == ["a man who attacked officers in Lahore had been arrested"]


def test_a_modifier_opens_the_speaker_phrase() -> None:
    # 'the trade minister', ', energy minister Ana Silva': an unlisted word before the role noun
    df = q_of("Brazil will cut its tariffs on steel, the trade minister said on Tuesday. "
              "Exports will rise next year, energy minister Ana Silva said.")
    assert list(df["speaker_text"]) == ["the trade minister", "energy minister Ana Silva"]
    assert list(df["text"]) == ["Brazil will cut its tariffs on steel", "Exports will rise next year"]


def test_according_to_a_source_with_a_role_apposition() -> None:
    df = q_of("The deal was not a victory for either side, according to Anand Menon, director of the "
              "UK in a Changing Europe think tank.")
    assert df.loc[0, "text"] == "The deal was not a victory for either side"
    assert df.loc[0, "speaker"] == "Anand Menon"
