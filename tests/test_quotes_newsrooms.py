"""newslab.quotes on the layouts of other newsrooms: one test per failure class of issue 14.

Every text is written for these tests (India–China, US–Iran, EU–UK and other stories); none is
copied from a news article or from the PolNeAR corpus.
"""
from __future__ import annotations

import pandas as pd

from newslab import Article
from newslab.quotes import extract_quotes, voice_share

COLS = ["text", "kind", "cue", "speaker_text", "speaker", "how"]


def q_of(text: str) -> pd.DataFrame:
    return extract_quotes(Article.from_text("Headline\n\n" + text))


def rows(df: pd.DataFrame, cols: list[str] | None = None) -> list[tuple]:
    return [tuple(r) for r in df[cols or ["text", "kind", "speaker_text"]].itertuples(index=False)]


# ------------------------------------------------------------------ 1. doubled-apostrophe quotes

def test_doubled_apostrophes_are_quotation_marks() -> None:
    df = q_of("Delhi and Beijing traded accusations.\n\n"
              "''We must not overreact,'' Jaishankar told me. ''The border is calm.''\n\n"
              "The envoy said, ''Talks resume in May.''")
    assert rows(df, ["text", "kind", "speaker_text", "how"]) == [
        ("We must not overreact", "direct", "Jaishankar", "quote_then_cue"),
        ("The border is calm.", "direct", "Jaishankar", "continuation"),
        ("Talks resume in May.", "direct", "The envoy", "cue_then_quote")]


def test_an_apostrophe_pair_inside_a_word_is_no_quote() -> None:
    df = q_of("The rock'n''roll tour went ahead, the promoter said.")
    assert rows(df) == [("The rock'n''roll tour went ahead", "indirect", "the promoter")]


# ---------------------------------------------------------------------------- 2. mixed quotes

def test_a_mixed_quote_returns_the_whole_reported_clause() -> None:
    df = q_of("The airline resumed flights.\n\n"
              'The minister said the return of charter flights to Tehran was "only days away."\n\n'
              'The talks were "constructive," a British official said.')
    assert rows(df, ["text", "kind", "speaker_text"]) == [
        ('the return of charter flights to Tehran was "only days away."', "mixed", "The minister"),
        ('The talks were "constructive,"', "mixed", "a British official")]
    vs = voice_share(Article.from_text("H\n\n" + 'Modi said the deal was "a milestone" for India.'))
    assert vs.loc[0, ["n_mixed", "words_mixed", "n_partial"]].tolist() == [1, 7, 0]


def test_a_quote_that_opens_the_clause_stays_direct_unless_the_clause_runs_on() -> None:
    df = q_of('Von der Leyen told reporters in Brussels: "The door remains open."\n\n'
              'Washington said "a drone" had been shot down over the Gulf.')
    assert rows(df) == [("The door remains open.", "direct", "Von der Leyen"),
                        ('"a drone" had been shot down over the Gulf', "mixed", "Washington")]


# ---------------------------------------------------- 3. common-noun and institutional speakers

def test_institutions_documents_and_descriptions_speak() -> None:
    df = q_of("The bank said that interest rates would stay at 4 percent.\n\n"
              "A joint communiqué said the two sides would meet in Brussels.\n\n"
              "The pipeline operator said on Sunday that gas was flowing again.\n\n"
              'The announcer said, "We are live from Tehran."\n\n'
              "Another source said the convoy had turned back.")
    assert rows(df) == [
        ("interest rates would stay at 4 percent", "indirect", "The bank"),
        ("the two sides would meet in Brussels", "indirect", "A joint communiqué"),
        ("gas was flowing again", "indirect", "The pipeline operator"),
        ("We are live from Tehran.", "direct", "The announcer"),
        ("the convoy had turned back", "indirect", "Another source")]


def test_a_possessive_owner_opens_a_common_noun_speaker() -> None:
    df = q_of("Maharashtra's tax commissioner says an internal review shows no leak.")
    assert rows(df) == [("an internal review shows no leak", "indirect", "Maharashtra's tax commissioner")]


# ----------------------------------------------------------------- 4. words between the parts

def test_dates_tags_and_adverbs_between_speaker_verb_and_content() -> None:
    df = q_of("Lavrov said Thursday (March 5) there was no deal on Idlib.\n\n"
              "Jaishankar said on Sept. 3 that the patrols had ended.\n\n"
              "Sen. David Perdue (R-Ga.) said the sanctions on Iran would stay.\n\n"
              "Mitch McConnell, R-Ky., said Tuesday that the Senate would vote.\n\n"
              "Modi has long said that India wants peace with China.\n\n"
              "Sunak flatly denied that London had asked for a delay.")
    assert rows(df, ["text", "speaker_text", "speaker"]) == [
        ("there was no deal on Idlib", "Lavrov", "Sergei Lavrov"),
        ("the patrols had ended", "Jaishankar", "Subrahmanyam Jaishankar"),
        ("the sanctions on Iran would stay", "Sen. David Perdue", "David Perdue"),
        ("the Senate would vote", "Mitch McConnell", "Mitch McConnell"),
        ("India wants peace with China", "Modi", "Narendra Modi"),
        ("London had asked for a delay", "Sunak", "Sunak")]


# ------------------------------------------------------------- 5. layouts without a cue verb

def test_dash_lines_name_colons_and_transcripts() -> None:
    df = q_of("Readers wrote in.\n\n"
              '"We will stand with our partners in the Gulf." ― Priya Raman\n\n'
              'Rouhani: "We will not negotiate under pressure."\n\n'
              "WALLACE: Will you accept the result?\n\n"
              "PENCE: We will accept the result.\n\n"
              "WALLACE: And if Iran refuses?\n\n"
              "PENCE: Then we talk again.")
    assert rows(df, ["text", "speaker_text", "how"]) == [
        ("We will stand with our partners in the Gulf.", "Priya Raman", "dash"),
        ("We will not negotiate under pressure.", "Rouhani", "name_colon"),
        ("Will you accept the result?", "WALLACE", "transcript"),
        ("We will accept the result.", "PENCE", "transcript"),
        ("And if Iran refuses?", "WALLACE", "transcript"),
        ("Then we talk again.", "PENCE", "transcript")]
    assert set(df["kind"]) == {"direct"}


def test_a_single_capitalised_label_is_no_transcript() -> None:
    df = q_of("The summit ended.\n\nUPDATE: The ministers left Brussels at noon.")
    assert df.empty


# ---------------------------------------------------------------------- 6. speaker resolution

def test_according_to_him_and_a_new_speaker_after_a_quote() -> None:
    df = q_of("Hassan Rouhani met Emmanuel Macron in Paris. According to him, the sanctions had to end.\n\n"
              '"We are close to a deal," Trump said. "It will be great." '
              '"This deal is a disgrace," Rep. Gwen Moore (D-Wis.) said Friday.')
    assert rows(df, ["text", "speaker", "how"]) == [
        ("the sanctions had to end", "Hassan Rouhani", "according_to"),
        ("We are close to a deal", "Donald Trump", "quote_then_cue"),
        ("It will be great.", "Donald Trump", "continuation"),
        ("This deal is a disgrace", "Gwen Moore", "quote_then_cue")]


def test_a_role_is_the_person_the_article_names_with_it_before_or_after() -> None:
    df = q_of("The Kremlin spokesman said the talks were useful.\n\n"
              "Later, Dmitry Peskov, the Kremlin spokesman, added that more talks would follow.")
    assert list(df["speaker"]) == ["Dmitry Peskov", "Dmitry Peskov"]
    df = q_of("Putin spoke first. Erdogan's spokesman said Turkey would wait.\n\n"
              "Ibrahim Kalin, Erdogan's spokesman, did not elaborate.")
    assert rows(df, ["speaker_text", "speaker"]) == [("Erdogan's spokesman", "Ibrahim Kalin")]


# ------------------------------------------------------------------- 7. cues the lexicon lacked

def test_characterising_and_conceding_cues() -> None:
    df = q_of('India accused China of "provocative military movements" on the border.\n\n'
              'Brussels linked the delay to "political games" in London.\n\n'
              "Iran ruled out talks, and Rouhani conceded that sanctions hurt.\n\n"
              'The ministry dismissed the report as "pure fiction".\n\n'
              'Tehran called for "restraint" on all sides.')
    assert rows(df, ["text", "kind", "cue", "speaker_text"]) == [
        ('China of "provocative military movements"', "mixed", "accused", "India"),
        ('the delay to "political games"', "mixed", "linked", "Brussels"),
        ("sanctions hurt", "indirect", "conceded", "Rouhani"),
        ('the report as "pure fiction"', "mixed", "dismissed", "The ministry"),
        # 'called for' is a directive cue of its own (PolNeAR counts it): Tehran's word
        ("restraint", "partial", "called for", "Tehran")]


# ------------------------------------------------------------------------ 8. quote boundaries

def test_reported_speech_stops_at_the_narrators_next_clause() -> None:
    df = q_of("London said the offer was fair, but the other side's spokesman said the offer could "
              "not be accepted.\n\n"
              "The EU said the deal was close, although it refused to give a date.\n\n"
              "Hillary Clinton won the primary, the Associated Press declared on Thursday, two days after the vote.\n\n"
              'Beijing said the patrols were "routine" — adding that they would go on.')
    assert rows(df, ["text", "kind", "cue"]) == [
        ("the offer was fair", "indirect", "said"),
        ("the offer could not be accepted", "indirect", "said"),
        ("the deal was close", "indirect", "said"),
        ("Hillary Clinton won the primary", "indirect", "declared"),
        ('the patrols were "routine"', "mixed", "said"),
        ("they would go on", "indirect", "adding")]


def test_a_quote_split_by_its_speaker_and_an_apposition_keeps_both_halves() -> None:
    df = q_of('"The risk," said Anil Kapoor, an economist in Mumbai, "is that the border trade stops."\n\n'
              '"Every time you say that," Tester said, referring to the Iran deal, "you give them ammunition."')
    assert rows(df, ["text", "speaker_text", "how"]) == [
        ("The risk", "Anil Kapoor", "quote_then_cue"),
        ("is that the border trade stops.", "Anil Kapoor", "cue_then_quote"),
        ("Every time you say that", "Tester", "quote_then_cue"),
        ("you give them ammunition.", "Tester", "cue_then_quote")]
    assert df.loc[0, "cue_start"] == df.loc[1, "cue_start"]  # one attribution, two pieces


def test_ages_possessive_roles_and_tags_in_the_speakers_apposition() -> None:
    df = q_of("Meera Nair, 31, a Delhi photographer, said the border talks were a distraction.\n\n"
              "Tom Bell, Starmer's senior media adviser, said Brussels was engaged in mischief.\n\n"
              "Rep. Ilhan Omar (D-Minn.), chair of the panel, said that Tehran had been warned.")
    assert rows(df, ["text", "speaker_text"]) == [
        ("the border talks were a distraction", "Meera Nair"),
        ("Brussels was engaged in mischief", "Tom Bell"),
        ("Tehran had been warned", "Rep. Ilhan Omar")]


# ------------------------------------------- issue 14 (PolNeAR misses): characterising cue verbs

def test_blame_credit_thank_and_refer_to_characterise_with_quoted_words() -> None:
    df = q_of('Jaishankar blamed the standoff on "reckless patrols" by the other side.\n\n'
              'Araghchi credited the mediators with "keeping the channel open."\n\n'
              'The Irish premier thanked Brussels for "standing with us on the border."\n\n'
              'Wang referred to the deal as "a good start for both peoples."')
    assert rows(df, ["text", "kind", "cue", "speaker_text"]) == [
        ('the standoff on "reckless patrols"', "mixed", "blamed", "Jaishankar"),  # ends with the quoted words
        ('the mediators with "keeping the channel open."', "mixed", "credited", "Araghchi"),
        ('Brussels for "standing with us on the border."', "mixed", "thanked", "The Irish premier"),
        ('the deal as "a good start for both peoples."', "mixed", "referred to", "Wang")]


def test_channel_verbs_attribute_quotes() -> None:
    df = q_of('"We have not received any proposal from Tehran," the State Department spokesman emailed.\n\n'
              '"The talks are over," Barnier interjected.')
    assert rows(df, ["text", "kind", "cue", "speaker_text"]) == [
        ("We have not received any proposal from Tehran", "direct", "emailed", "the State Department spokesman"),
        ("The talks are over", "direct", "interjected", "Barnier")]


# ------------------------------------ issue 14 (PolNeAR misses): a paragraph opening with ” opens

def test_a_paragraph_opening_with_a_closing_curly_mark_opens_the_quote() -> None:
    df = q_of("Readers wrote in after the Galwan clash.\n\n"
              "”Both armies must step back before winter comes.” ― Meera Iyer\n\n"
              "”Nobody in Tehran wants another crisis,” the envoy said.")
    assert rows(df, ["text", "kind", "speaker_text", "how"]) == [
        ("Both armies must step back before winter comes.", "direct", "Meera Iyer", "dash"),
        ("Nobody in Tehran wants another crisis", "direct", "the envoy", "quote_then_cue")]


# -------------------------------------------- issue 14 (PolNeAR misses): speaker phrases that failed

def test_discourse_adverb_or_reflexive_between_speaker_and_verb() -> None:
    df = q_of('Jaishankar however said he would welcome "a principled dialogue" with Beijing.\n\n'
              'Rouhani himself said the talks were "a waste of time."')
    assert rows(df, ["text", "kind", "speaker_text"]) == [
        ('he would welcome "a principled dialogue" with Beijing', "mixed", "Jaishankar"),
        ('the talks were "a waste of time."', "mixed", "Rouhani")]


def test_apposition_with_a_possessive_description_or_a_place_chain() -> None:
    df = q_of("Even India, Bhutan's closest ally, said it was \"firmly opposed\" to the road.\n\n"
              'Rajiv Mehta, of Pune, India, said he had served in Kargil "for the nation."')
    assert rows(df, ["text", "speaker_text"]) == [
        ('it was "firmly opposed" to the road', "India"),
        ('he had served in Kargil "for the nation."', "Rajiv Mehta")]


def test_lower_case_modifiers_before_a_name_after_a_quote() -> None:
    df = q_of('"Tehran will not wait forever," retired Navy admiral Ali Shamkhani said.')
    assert rows(df, ["text", "kind", "speaker_text"]) == [
        ("Tehran will not wait forever", "direct", "retired Navy admiral Ali Shamkhani")]


def test_an_aside_in_commas_before_that_and_a_listener_before_a_bare_clause() -> None:
    df = q_of('The envoy said, without evidence, that Tehran had "broken every promise."\n\n'
              'Raab told a party gathering in Leeds he will protect "every job in the north."')
    assert rows(df, ["text", "how", "speaker_text"]) == [
        ('Tehran had "broken every promise."', "cue_that", "The envoy"),
        ('he will protect "every job in the north."', "cue_clause", "Raab")]


def test_a_fronted_verb_before_its_speaker_and_a_poll_share_as_speaker() -> None:
    df = q_of('The Brexit talks ended without a deal.\n\nSaid Raab: "We will not accept this deal."\n\n'
              'In the survey, 63 percent said Modi was "right" to close the border.')
    assert rows(df, ["text", "cue", "speaker_text"]) == [
        ("We will not accept this deal.", "Said", "Raab"),
        ('Modi was "right" to close the border', "said", "63 percent")]


# ------------------------------------------------ issue 14 (PolNeAR misses): wrong or no source

def test_inverted_speaker_with_a_party_tag_and_a_document_after_the_verb() -> None:
    df = q_of('"The border is calm," said Rep. Ro Khanna (D-Calif.), a member of the India caucus.\n\n'
              '"A state cannot simply ignore the treaty," said the ruling.\n\n'
              '"We stand with Kyiv," the letter reads.')
    assert rows(df, ["text", "speaker_text"]) == [
        ("The border is calm", "Rep. Ro Khanna"), ("A state cannot simply ignore the treaty", "the ruling"),
        ("We stand with Kyiv", "the letter")]


def test_possessive_determiner_phrase_and_a_participle_after_the_speaker() -> None:
    df = q_of('"We live in hard times," my father often said.\n\n'
              'Protesters marching through central Tehran chanted "No to war!"\n\n'
              '"Why is this not clear proof?" Barnier demanded.')
    assert rows(df, ["text", "speaker_text"]) == [
        ("We live in hard times", "my father"), ("No to war!", "Protesters"),
        ("Why is this not clear proof?", "Barnier")]


def test_a_middle_initial_stays_inside_the_name_and_campaign_roles_speak() -> None:
    df = q_of("Not talking to Beijing ''makes me weak,'' Narendra D. Modi said last week.\n\n"
              'Another critic, Laurence H. Tribe, likened the Brexit bill to "burning the treaty" in a brief.\n\n'
              'The former first lady and U.K. senator said it was "a mistake" to leave.')
    assert rows(df, ["text", "speaker_text"]) == [
        ("Not talking to Beijing ''makes me weak,''", "Narendra D. Modi"),
        ('the Brexit bill to "burning the treaty"', "Laurence H. Tribe"),
        ('it was "a mistake" to leave', "U.K. senator")]


# ---------------------------------- issue 14 (PolNeAR misses): content split around the speaker

def test_as_x_put_it_after_the_content_and_a_second_quote_after_but() -> None:
    df = q_of('The main test for the visa is a "lawful source of income," as a Home Office memo put it.\n\n'
              '"You know, I respect Wang," he said, but "on the border he has a long record."')
    assert rows(df, ["text", "cue", "speaker_text"]) == [
        ('The main test for the visa is a "lawful source of income,"', "put it", "a Home Office memo"),
        ("You know, I respect Wang", "said", "he"), ("on the border he has a long record.", "said", "he")]


def test_called_on_and_called_for_characterise_with_quoted_words() -> None:
    df = q_of('Senator Murphy called on the administration to "really call out Iran on this."\n\n'
              'The EU has called for "an orderly exit" from the customs union.\n\n'
              'Delhi called for calm on the border.')
    assert rows(df, ["text", "kind", "cue"]) == [
        ('the administration to "really call out Iran on this."', "mixed", "called on"),
        ("an orderly exit", "partial", "called for")]


def test_a_place_with_an_abbreviated_state_in_apposition_and_a_connective_before_the_subject() -> None:
    df = q_of("Rajiv Mehta, of Springfield, Va., said he had served ''for the nation, knowing we had none.''\n\n"
              'Meanwhile, it attacked Khan, saying he "has offended the army and the courts."')
    assert rows(df, ["text", "speaker_text"]) == [
        ("he had served ''for the nation, knowing we had none.''", "Rajiv Mehta"),
        ("has offended the army and the courts.", "it")]


def test_according_to_after_a_clause_with_a_quote_inside_and_who_with_a_year() -> None:
    df = q_of('More than 10,000 people joined a nationwide "walk-in" at 200 schools in Kerala, '
              'according to the organisers.\n\n'
              'Officials recalled Wang Yi, who in 2019 said the border was "a shared responsibility."\n\n'
              'The gunman shouted "Long live Iran!" before opening fire, according to witnesses.')
    assert rows(df, ["text", "kind", "speaker_text"]) == [
        ('More than 10,000 people joined a nationwide "walk-in" at 200 schools in Kerala', "mixed",
         "the organisers"),
        ('the border was "a shared responsibility."', "mixed", "Wang Yi"),
        ("Long live Iran!", "direct", "The gunman")]


def test_the_listener_rule_takes_the_first_pronoun_and_modifiers_are_no_subordinators() -> None:
    df = q_of("Her husband told Ramzi she had no idea he would leave Dhaka.\n\n"
              '"It is a tragedy," Sunak said, while Foreign Secretary James Cleverly wrote that it was awful.')
    assert rows(df, ["text", "speaker_text"]) == [
        ("she had no idea he would leave Dhaka", "Her husband"), ("It is a tragedy", "Sunak"),
        ("it was awful", "Foreign Secretary James Cleverly")]
