"""Attribution and statements, as extracted from whole bundled articles."""

from __future__ import annotations

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
