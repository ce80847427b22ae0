"""Attribution and statements, as extracted from whole bundled articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import analyse


def claim_for(article: str, figure: str):
    analysis = analyse(article)
    body = analysis.article.body
    return next(c for c in analysis.claims if body[c.span_start : c.span_end] == figure)


def test_figures_attributed_to_the_source_named_in_the_sentence():
    assert claim_for("000", "12,000 soldiers").attributed_to == "Ukrainian military intelligence"
    assert claim_for("001", "about 3,000 soldiers").attributed_to == (
        "South Korean National Intelligence Service (NIS)"
    )
    assert claim_for("003", "around 10,000 North Korean soldiers").attributed_to == (
        "Biden administration"
    )


def test_speaker_after_a_quotation():
    assert claim_for("003", "as many as 10,000").attributed_to == "Mathew Miller"
    assert claim_for("003", "more than 10,000 North Korean troops").attributed_to == (
        "Jeon Ha-kyou, a spokesperson for Seoul’s defence ministry"
    )


def test_adverbials_are_not_the_source():
    assert claim_for("000", "10,000 North Korean soldiers").attributed_to == (
        "U.S. State Department spokesperson Matthew Miller"
    )


def test_back_reference_to_the_previous_sentence():
    # "According to Ukraine's military intelligence service, ..." then
    # "The intelligence service reports that there are approximately 12,000 ..."
    claim = claim_for("001", "approximately 12,000 North Korean soldiers")
    assert claim.attributed_to == "Ukraine's military intelligence service"
    # "They are training ... at five military bases, it said."
    assert claim_for("003", "five military bases").attributed_to == "Ukraine’s intelligence agency"


def test_figure_before_the_reporting_verb():
    assert claim_for("003", "exceeded 10,000").attributed_to == "South Korea"


def test_statements_carry_actor_and_stance():
    statements = {
        (c.attributed_to, c.stance) for c in analyse("001").claims if c.kind == "statement"
    }
    assert ("Russian President Vladimir Putin", "not_deny") in statements
    statements = {
        (c.attributed_to, c.stance) for c in analyse("004").claims if c.kind == "statement"
    }
    assert ("Kremlin", "deny") in statements


@pytest.mark.parametrize(
    ("sentence", "stance", "actor"),
    [  # sentences as the development set's and the BBC corpus's outlets wrote them
        ("The Israeli military declined to comment when reached by the AP.", "not_confirm",
         "The Israeli military"),
        ("The Carter Center said it could not verify or corroborate the announced results.",
         "not_confirm", "The Carter Center"),
        ("Opposition leader Corina Machado did not recognize the election results.", "deny",
         "Opposition leader Corina Machado"),
        ("The council has proclaimed incumbent President Nicolas Maduro the winner of the vote.",
         "confirm", "The council"),
        ("Hezbollah blamed Israel for detonating the pagers.", "confirm", "Hezbollah"),
        ("The government has ruled out amending the present law.", "deny", "The government"),
    ],
)  # fmt: skip
def test_a_stance_is_read_from_any_word_for_it(sentence: str, stance: str, actor: str):
    from extract.statements import find_stance

    found = find_stance(sentence)
    assert found is not None and found[:2] == (stance, actor)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thierry Henry is ruled out with an Achilles tendon injury.",  # a player, not a stance
        "His claims were denied by Foreign Secretary Jack Straw.",  # said of, not by, them
        "The Dutchman was confirmed as captain on Monday.",
    ],
)
def test_a_passive_is_no_actor_s_own_stance(sentence: str):
    from extract.statements import find_stance

    assert find_stance(sentence) is None


def test_several_quantities_in_a_sentence_are_several_claims():
    claims = [c for c in analyse("000").claims if c.sentence.startswith("Ukrainian military")]
    assert [(c.value, c.unit) for c in claims] == [
        (12_000, "soldiers"),
        (500, "officers"),
        (3, "generals"),
    ]


def claims_of(text: str):
    from extract import analyse_article

    return analyse_article(text, "t").claims


def test_he_said_names_the_person_last_mentioned():
    (claim,) = claims_of(
        "Headline\n\nFinance chief Gerard Lyons spoke on Monday. He said 400 jobs would go."
    )
    assert claim.attributed_to == "Gerard Lyons"


def test_a_pronoun_with_nobody_before_it_is_no_source():
    (claim,) = claims_of("Headline\n\nThey said 400 jobs would go.")
    assert claim.attributed_to is None


def test_a_clause_is_never_taken_for_a_source():
    (claim,) = claims_of(
        "Headline\n\nRussian Dmitriy Bogdanov won at the same Madrid venue last week and "
        "then said it took 400 runners to fill the stadium."
    )
    assert claim.attributed_to is None


def test_a_report_citing_an_official():
    claim = claim_for("003", "as many as 40 North Korean troops")
    assert claim.attributed_to == "unnamed government official"


def test_attribution_carries_on_within_a_paragraph_only():
    # "According to Ukrainian intelligence, only 30% ... The largest share, 60%, ..."
    assert claim_for("002", "60%").attributed_to == "Ukrainian intelligence"
    # A heading on its own line inherits nothing.
    assert claim_for("002", "12,000 Pyongyang soldiers").attributed_to is None


def test_a_figure_without_a_noun_takes_the_thing_counted_just_before():
    assert claim_for("003", "as many as 10,000").unit == "troops"


def test_the_speaker_not_the_study_claims_the_figure():
    (claim,) = claims_of(
        "Headline\n\nBut Mr Brown's former advisor Ed Balls, now a parliamentary hopeful, said "
        "an examination of Tory plans showed there would be a £35bn difference."
    )
    assert "Ed Balls" in claim.attributed_to


def test_a_new_clause_cuts_the_figure_off_from_the_verb():
    (claim,) = claims_of(
        "Headline\n\nTreasury officials have said there will not be a giveaway, but Mr Brown "
        "is thought to have about £2bn to spare."
    )
    assert claim.attributed_to is None


def test_a_quotation_paragraph_continues_its_speaker():
    claims = claims_of(
        'Headline\n\nShadow chancellor George Osborne said: "There is a black hole," he said.\n\n'
        '"There will be a tax increase of around £10bn."'
    )
    assert [c.attributed_to for c in claims] == ["George Osborne"]


def test_a_speaker_after_the_verb_at_the_end():
    (claim,) = claims_of(
        "Headline\n\nThe Xbox will support the 10-20 million subscribers it aims for, "
        "said Mr Allard."
    )
    assert claim.attributed_to == "Mr Allard"


def test_an_outlet_named_at_the_end_of_a_sentence_is_its_source():
    claims = claims_of(
        "Headline\n\nFerrari could be listed on the stock market, the Financial Times has "
        "reported. It said Fiat reached a $2bn settlement with GM."
    )
    assert [c.attributed_to for c in claims] == ["Financial Times"]


def test_only_a_run_of_sourced_figures_carries_its_source_on():
    claims = claims_of(
        "Headline\n\nKechiche said he made the film for people we don't see. A Very Long "
        "Engagement won five Cesar awards."
    )
    assert [c.attributed_to for c in claims] == [None]


# ---- who each figure is said by, on the development set's real sentences ----------------
# The sentences are read from ../shared/devset where it is (its texts are not copied here):
# each case names its article, a few words of its sentence, the figure and its source.

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"


def devset_claim(story: str, article: str, words: str, value: float):
    folder = DEVSET / story
    if not folder.is_dir():
        pytest.skip(f"the development set is not at {DEVSET}")
    from extract import analyse_article

    path = next(folder.glob(f"{article}_*.txt"))
    claims = analyse_article(path.read_text(encoding="utf-8"), path.stem).claims
    return next(
        c for c in claims
        if words in c.sentence and c.value is not None and abs(c.value - value) <= 0.001 * value
    )  # fmt: skip


@pytest.mark.parametrize(
    ("story", "article", "words", "value", "source"),
    [
        # a. "(X)" right after the figure
        ("france_pension_strikes_2023", "05", "2.8 million (CGT)", 2.8e6, "CGT"),
        ("france_pension_strikes_2023", "05", "1.27 million ( police)", 1.27e6, "police"),
        # b. "according to X", the one nearest the figure; a document's maker
        ("france_pension_strikes_2023", "05", "according to the CGT union", 3.5e6, "CGT union"),
        ("france_pension_strikes_2023", "05", "Some 1.28 million people", 1.28e6, "government"),
        ("lebanon_pager_blasts_2024", "09", "at least 1,964", 1964, "AFP"),
        ("lebanon_pager_blasts_2024", "09", "More than 3,000 people", 3000, "health ministry"),
        ("venezuela_election_2024", "04", "obtained 4,445,978 votes", 4445978, "first report"),
        # c. "by X" right after the figure
        ("france_pension_strikes_2023", "04", "and 30,000 by the unions", 30000, "unions"),
        ("france_pension_strikes_2023", "04", "identified by the police", 22000, "police"),
        # d. a counting verb's subject, a clause each; a list carries the verb on
        ("france_pension_strikes_2023", "09", "claimed 800,000", 800000, "Confederation"),
        ("france_pension_strikes_2023", "09", "counted 119,000", 119000,
         "French Interior Ministry"),
        ("france_pension_strikes_2023", "04", "and the organizers 22,000", 22000, "organizers"),
        # e. a reporting verb after the figure, its subject right before it
        ("venezuela_election_2024", "05", "the electoral authority said", 5.15e6,
         "electoral authority"),
        # f. who the sentence ends by citing speaks for what a document "showed"
        ("venezuela_election_2024", "05", "a total of 2.75 million", 2.75e6, "Machado"),
        # modifiers set off by commas are never the subject
        ("venezuela_election_2024", "10", "analyzed more than 23,000", 23000,
         "Washington Post"),  # who made the review
        ("venezuela_election_2024", "03", "would win 65%", 65, "Edison Research"),
        # "X posted results that it said were based on N": X
        ("venezuela_election_2024", "10", "96.87 percent of tally sheets", 96.87, "NEC"),
    ],
)  # fmt: skip
def test_each_figure_is_said_by_the_source_its_own_clause_names(
    story: str, article: str, words: str, value: float, source: str
):
    assert source in (devset_claim(story, article, words, value).attributed_to or "")


def test_he_said_is_the_person_who_spoke_last_not_the_person_named_last():
    # "Elvis Amoroso, head of the National Electoral Council, says Maduro secured 51 percent
    # ..., overcoming opposition candidate Edmundo González ... He said the results were
    # based on 80 percent of voting stations"
    claim = devset_claim("venezuela_election_2024", "01", "based on 80 percent", 80)
    assert claim.attributed_to == "Elvis Amoroso"
    named = devset_claim("venezuela_election_2024", "01", "secured 51 percent", 51)
    assert named.attributed_to.startswith("Elvis Amoroso, head of")


def test_semicolons_after_reported_that_separate_what_was_reported():
    claims = claims_of(
        "Headline\n\nThe agency reported that 40 boats had sunk off the coast; 12 ferries in "
        "the harbour had capsized; 300 cars were lost."
    )
    assert [c.attributed_to for c in claims] == ["agency"] * 3


def test_a_speaker_at_the_end_with_when_and_where_they_spoke():
    for ending in ("said Sunday.", "said on Monday.", "said in a statement.",
                   "told reporters at a news conference."):  # fmt: skip
        (claim,) = claims_of(f"Headline\n\nSome 40 ferries sailed, the harbour master {ending}")
        assert claim.attributed_to == "harbour master", ending


def test_data_nobody_made_is_no_source_but_a_tally_names_its_maker():
    (claim,) = claims_of("Headline\n\nTurnout was 61%, according to preliminary data.")
    assert claim.attributed_to is None
    (claim,) = claims_of("Headline\n\nTurnout was 61%, per an AFP tally of official returns.")
    assert claim.attributed_to == "AFP"


def test_a_dateline_is_where_a_story_was_written_not_who_speaks():
    (claim,) = claims_of(
        "Headline\n\nUNITED NATIONS (AP) — The Biden administration said about 10,000 North "
        "Korean troops are in Russia."
    )
    assert claim.attributed_to == "Biden administration"


def test_a_kicker_before_a_colon_labels_the_story_not_who_speaks():
    (claim,) = claims_of(
        "Headline\n\nOdisha Train Accident: Odisha Chief Secretary PK Jena said the death "
        "count stands at 233."
    )
    assert claim.attributed_to == "Odisha Chief Secretary PK Jena"


def test_who_disclosed_or_wrote_on_a_platform_speaks_not_the_platform():
    (disclosed,) = claims_of(
        "Headline\n\nThe U.S. State Department disclosed on Monday that 10,000 troops were sent."
    )
    assert disclosed.attributed_to == "U.S. State Department"
    (posted,) = claims_of("Headline\n\nThe mayor wrote on Facebook that 5,000 people gathered.")
    assert posted.attributed_to == "mayor"


def test_a_quotation_is_its_speaker_s_though_named_sentences_later():
    claims = claims_of(
        'Headline\n\n"We counted 4,000 boats in the bay. There were 300 more than last year," '
        "the harbour master said."
    )
    assert [c.attributed_to for c in claims] == ["harbour master", "harbour master"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [  # as the CrowdStrike outage's outlets wrote them
        ("The cost to Fortune 500 companies is in the ballpark of $5.4 billion, according to "
         "estimates by cloud monitoring and insurance firm Parametrix.", "Parametrix"),
        ('The disruptions came as U.S. cybersecurity firm CrowdStrike said a "significant '
         'number" of 8.5 million Windows devices crashed.', "U.S. cybersecurity firm CrowdStrike"),
        ("This is as CrowdStrike CEO George Kurtz said on Thursday that more than 97% of "
         "sensors are back online.", "CrowdStrike CEO George Kurtz"),
    ],
)  # fmt: skip
def test_a_maker_described_before_its_name_and_a_speaker_after_a_main_clause(
    sentence: str, source: str
):
    from extract.attribution import attribute_sentence

    assert attribute_sentence(sentence) == source


@pytest.mark.parametrize(
    ("text", "sources"),
    [  # as the Derna floods' outlets wrote them
        ("Speaking on the Libyan network Almasar, Oussama Hamad, Prime Minister of the "
         'east-based government, has reported "more than 2,000 dead" in the city.',
         ["Oussama Hamad, Prime Minister of the east-based government"]),
        ("On Saturday, the United Nations, citing Red Crescent figures, said that the flooding "
         "had resulted in 11,300 deaths.", ["United Nations"]),
        ("The number of casualties in Derna has risen to 11,300, the Libyan Red Crescent said "
         "on Thursday evening, according to the Associated Press. Another 10,100 people are "
         "reported missing, the organization said.",
         ["Libyan Red Crescent", "Libyan Red Crescent"]),
        ("But on Saturday, the government based in the east of the country put the number of "
         "officially registered deaths at 3,252.",
         ["government based in the east of the country"]),
        ("But a Red Crescent representative put that number higher, at 11,300.",
         ["Red Crescent representative"]),
        ("Earlier, the World Health Organization (WHO) said nearly 4,000 people had been "
         "identified.", ["World Health Organization (WHO)"]),
        ("The United Nations Office for the Coordination of Humanitarian Affairs (OCHA) said "
         "3,958 people had died.",
         ["United Nations Office for the Coordination of Humanitarian Affairs (OCHA)"]),
        ("The Libyan Red Crescent released a statement on Sunday, denying that the flooding "
         "claimed the lives of 11,300 people.", ["Libyan Red Crescent"]),
    ],
)  # fmt: skip
def test_a_speaker_is_read_past_titles_relays_participles_and_acronyms(
    text: str, sources: list[str]
):
    """ "X, Prime Minister of Y, reported"; "X, citing Y, said"; "N, X said, according to
    the AP" (X speaks, the AP relays); "the organization said" (the body named last); "put
    the number at"; "the WHO" (an acronym that is also a word); a name of 12 words; "claimed
    the lives of N" (no speech)."""
    assert [c.attributed_to for c in claims_of(f"Headline\n\n{text}")] == sources


@pytest.mark.parametrize(
    ("text", "stance", "actor"),
    [  # who did a thing, said without a stance verb, is its speaker's stance
        ("The pagers were made by Budapest-based BAC Consulting, Gold Apollo said on "
         "Wednesday.", "confirm", "Gold Apollo"),
        ("Cristiana Barsony-Arcidiacono told NBC News that her company worked with Gold "
         "Apollo but did not make pagers.", "deny", "Cristiana Barsony-Arcidiacono"),
        ('"This is not a security incident or cyberattack," Kurtz said.', "deny", "Kurtz"),
        # evidence that says who made it: a confirmation
        ("The stickers on the back were consistent with pagers made by Gold Apollo, "
         "Reuters said.", "confirm", "Reuters"),
    ],
)  # fmt: skip
def test_who_did_a_thing_said_without_a_stance_verb_is_the_speaker_s_stance(
    text: str, stance: str, actor: str
):
    (claim,) = [c for c in claims_of(f"Headline\n\n{text}") if c.kind == "statement"]
    assert (claim.stance, claim.attributed_to) == (stance, actor)


def test_who_did_it_said_by_nobody_or_of_something_else_is_no_statement():
    text = (
        "Headline\n\nThe pagers were not ours to sell, and the devices have been supplied "
        "with drones."
    )
    assert [c for c in claims_of(text) if c.kind == "statement"] == []


@pytest.mark.parametrize(
    ("text", "sources"),
    [  # as the Belgrade protest's outlets wrote them
        ("Vucic said 56 people were injured. He said 22 people had been detained.",
         ["Vucic", "Vucic"]),
        ("According to Vucic, the army estimated attendance at around 88,000.", ["army"]),
        ("According to the Interior Ministry, there were about 107,000 people; according to "
         "NGOs, there were almost half a million.", ["Interior Ministry", "NGOs"]),
        ("Several civil society groups say they collected over 3,000 testimonies.",
         ["Several civil society groups"]),
        ("During a press conference, Vucic mentioned that 44 people sought assistance.",
         ["Vucic"]),
        # as the Myanmar earthquake's outlets wrote them: a participle phrase after the
        # subject, "according to" a report that relays or refers back, where a speaker spoke
        ("The junta, confronting challenges from ethnic armed insurgents, reported that over "
         "3,900 individuals sustained injuries.", ["junta"]),
        ("The World Health Organisation said that according to its initial assessment, four "
         "hospitals had been completely destroyed.", ["World Health Organisation"]),
        ("Junta chief Min Aung Hlaing in a televised address said that the death toll has "
         "claimed at least 2,719 lives, according to a Reuters report.",
         ["Junta chief Min Aung Hlaing"]),
    ],
)  # fmt: skip
def test_a_surname_he_a_counting_verb_after_according_to_and_say_name_the_source(
    text: str, sources: list[str]
):
    """ "He" after a surname the entity rules do not type a person; a verb that counted
    after "according to X," is its subject's; an "according to" past a semicolon is the next
    figure's; "say" and "mentioned" report."""
    assert [c.attributed_to for c in claims_of(f"Headline\n\n{text}")] == sources
