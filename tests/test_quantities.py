"""Quantity claims, hedges and intervals, on sentences of the bundled articles."""

from __future__ import annotations

import pytest

from extract.quantities import extract_quantities


def figures(sentence: str) -> list[tuple[float | None, str | None, str]]:
    return [(q.value, q.unit, q.hedge) for q in extract_quantities(sentence)]


def test_four_quantities_in_one_sentence():
    sentence = (
        "The intelligence service reports that there are approximately 12,000 North Korean "
        "soldiers in Russia, including 500 officers and three generals, with training "
        "conducted at five military bases."
    )
    assert figures(sentence) == [
        (12_000, "soldiers", "approx"),
        (500, "officers", "exact"),
        (3, "generals", "exact"),
        (5, "military bases", "exact"),
    ]


@pytest.mark.parametrize(
    ("sentence", "low", "high", "hedge"),
    [
        ("We understand that more than 10,000 troops are in Russia", 10_000, None, "more_than"),
        ("as many as 10,000 North Korean troops are in the Kursk region", None, 10_000, "at_most"),
        ("said \"several thousand\" North Korean infantry soldiers", 2_000, 9_999, "vague"),
        ("at least 3,000 soldiers were transported", 3_000, None, "at_least"),
        ("up to 5,000 troops", None, 5_000, "up_to"),
        ("between 10,000 and 12,000 troops", 10_000, 12_000, "range"),
        ("3,000-5,000 soldiers", 3_000, 5_000, "range"),
        ("about 3,000 soldiers", 2_700, 3_300, "approx"),
        # a hedge written after the figure
        ("10,000 or more people were killed", 10_000, None, "at_least"),
        ("3,000-plus people attended", 3_000, None, "at_least"),
        ("a crowd of 5,000 or so people", 4_500, 5_500, "approx"),
        ("no earthquakes M6 (magnitude 6) and larger since 1900", 6, None, "at_least"),
    ],
)  # fmt: skip
def test_hedges_give_intervals(sentence, low, high, hedge):
    (q,) = extract_quantities(sentence)
    assert q.hedge == hedge
    assert q.low == pytest.approx(low) if low is not None else q.low is None
    assert q.high == pytest.approx(high) if high is not None else q.high is None


def test_money_is_scaled_and_has_a_currency():
    (q,) = extract_quantities("North Korea earned around $540 million from arms sales")
    assert (q.value, q.unit, q.hedge) == (540_000_000, "USD", "approx")


def test_not_exceeding_is_an_upper_bound_not_more_than():
    (q,) = extract_quantities("after a training period not exceeding one month.")
    assert (q.value, q.unit, q.hedge, q.high) == (1, "month", "at_most", 1)


def test_percentages():
    assert figures("The largest share, 60%, is produced in North Korea, with the remaining 10%")[
        :2
    ] == [(60, "%", "exact"), (10, "%", "exact")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kim Jong Un in Pyongyang on June 19, 2024.",
        "Ukrainian forces launched an offensive into the Kursk region in August 2024",
        "Posted Oct 16, 2024 9:11 AM CDT",
        "4:57 PM EDT, October 25, 2024",
        "1. Tap in your navigation bar.",
        "North Korean-made KN-23 ballistic missiles",
        "North Korea, the country with one of the world’s largest militaries",
        "the strategic partnership treaty between the two countries",
        "engaged with North Korean soldiers for the first time",
        "a 35-year-old soldier",
    ],
)
def test_years_dates_times_markers_and_codes_are_not_claims(sentence):
    assert extract_quantities(sentence) == []


def test_increments_are_marked():
    (first, second) = extract_quantities(
        "at least 3,000 soldiers were transported, and Pyongyang is expected to transfer "
        "10,000 more troops there."
    )
    assert not first.increment
    assert (second.value, second.unit, second.increment) == (10_000, "troops", True)


def test_synonyms_share_a_concept():
    concepts = {q.concept for q in extract_quantities("12,000 soldiers and 10,000 troops")}
    assert concepts == {"troops"}


def test_the_counted_thing_can_come_before_the_figure():
    (q,) = extract_quantities(
        "The number of North Korean soldiers deployed in the Russian army exceeded 10,000"
    )
    assert (q.value, q.unit, q.hedge) == (10_000, "soldiers", "more_than")


def test_spans_point_at_the_figure():
    sentence = "there were 10,000 North Korean soldiers in the Kursk region"
    (q,) = extract_quantities(sentence)
    assert sentence[q.start : q.end] == q.text == "10,000 North Korean soldiers"


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr Jackson, 46, denies the charges.",
        "A spokesman for Radio 1 said the show would go on.",
        "Despite losing 28-17 in Sunday's Six Nations encounter, the Italians",
        "Chelsea's 3-2 victory over Barcelona",
        "the 20th anniversary of the show",
        "Radio 4's Today programme",
        "The show airs at 2300 GMT on Thursdays.",
        "players aged 15, 16 and 17",
        "He won 6-2 6-3 in the final.",
    ],
)
def test_ages_names_scores_ordinals_and_times_are_not_claims(sentence):
    assert extract_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Lawyers want to question 250 potential jurors about the case", 250, "jurors"),
        ("the firm will cut 1,920 while keeping others", 1920, None),
        ("He is a former 400m runner.", 400, "metres"),
        ("The bank made a profit of 790m euros last year.", 790_000_000, "EUR"),
        ("The case has cost 2.13m so far.", 2_130_000, None),
        ("It will close three franchise restaurants", 3, "restaurants"),
        ("with five military bases in use", 5, "military bases"),
        ("12,000 troops remain in the region", 12_000, "troops"),
    ],
)
def test_the_counted_noun_is_the_head_of_its_phrase(sentence, value, unit):
    (q,) = extract_quantities(sentence)
    assert (q.value, q.unit) == (value, unit)


def test_fractions_of_millions():
    (q,) = extract_quantities("with close to half a million properties selling")
    assert (q.value, q.unit, q.hedge) == (500_000, "properties", "approx")
    (q,) = extract_quantities("capable of one trillion calculations per second")
    assert q.value == 1_000_000_000_000


def test_time_ago_is_when_not_how_many():
    assert extract_quantities("Ten years ago, buyers had a much greater chance") == []


def test_and_a_half():
    (q,) = extract_quantities("there are now two and a half million cars on the roads")
    assert (q.value, q.unit) == (2_500_000, "cars")


def test_a_duration_before_an_event_is_when_not_how_many():
    assert extract_quantities("His comments come three days before he is due to meet") == []


@pytest.mark.parametrize(
    ("sentence", "value", "hedge"),
    [
        ("Local firm Meganalisis predicted a 65% vote for Gonzalez and just under 14% for Maduro.",
         14, "approx"),
        ("the union's estimates had never exceeded 500,000 people in Paris.", 500_000, "at_most"),
        ("turnout did not exceed 40% in the capital", 40, "at_most"),
        ("A series of explosions in Lebanon over two consecutive days left 32 people dead", 2,
         "exact"),
        ("left 32 people dead and over 3,000 injured", 3_000, "more_than"),
    ],
)  # fmt: skip
def test_hedges_as_news_writes_them(sentence, value, hedge):
    q = next(q for q in extract_quantities(sentence) if q.value == value)
    assert q.hedge == hedge


@pytest.mark.parametrize(
    "sentence",
    [
        "URL: https://themilitant.com/?p=109149",
        "49.3 of the Constitution of the country.",
        "while the Senate examined in the afternoon article 6 of the decried reform.",
        "Section 404 of the Sox Act, as the legislation is nicknamed, calls for all firms",
        "US chapter 11 bankruptcy rules made the Kremlin's auction illegal",
        "Iraq continued to be in material breach of UN resolution 1441.",
        "Gold Apollo head Hsu Ching-kuang said the pagers were “100 percent not” made in Taiwan.",
        'his mother has said she is "100% certain" her son did not commit the crimes',
        "Aimed at children aged 10 to 13, it is hoped the contest will help",
        "who won the 1904 Horsham by-election aged 21 and 144 days",
    ],
)
def test_addresses_provisions_emphasis_and_ages_are_not_claims(sentence):
    assert extract_quantities(sentence) == []


def test_a_share_of_100_percent_is_still_a_share():
    assert figures("The party won 100% of the vote in the district.") == [(100, "%", "exact")]


def test_digit_groups_that_lost_a_comma_are_read_as_the_evident_number():
    assert figures("Gonzalez received an estimated 7,156,462 votes, while Maduro received "
                   "3,241461 votes.") == [(7_156_462, "votes", "approx"),
                                          (3_241_461, "votes", "exact")]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "Against the pound, the dollar was down at $1,8923.",
        "Suits worn by the Beatles have sold for $110,00 at a US auction.",
        "He earns between £5,001and £10,000 for the work.",
        "a total of 120,5 million",
    ],
)
def test_other_broken_digit_groups_are_no_figure_rather_than_a_wrong_one(sentence):
    assert [q.value for q in extract_quantities(sentence)] in ([], [10_000])


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "converted", "converted_unit"),
    [
        ("Air Jamaica, with debts of $560m (£291m), has been hit", 560e6, "USD", 291e6, "GBP"),
        ("The deal is worth US$20bn (A$33bn) over 20 years", 20e9, "USD", 33e9, "AUD"),
        ("the cost would reach 40 billion dollars (£31.6 billion)", 40e9, "USD", 31.6e9, "GBP"),
        ("Lenovo's profit for the three months to December was HK$327m (US$42m; £22m), less",
         327e6, "HKD", 42e6, "USD"),
    ],
)  # fmt: skip
def test_a_conversion_in_brackets_is_one_figure_in_two_currencies(
    sentence, value, unit, converted, converted_unit
):
    money = [q for q in extract_quantities(sentence) if q.unit and q.unit.isupper()]
    assert [(q.value, q.unit, q.converted, q.converted_unit) for q in money] == [
        (value, unit, converted, converted_unit)
    ]


def test_two_sums_in_brackets_that_are_not_a_conversion_stay_two():
    found = extract_quantities("It paid $5m (up from £3m a year earlier) for the rights")
    assert [(q.value, q.unit) for q in found] == [(5e6, "USD"), (3e6, "GBP")]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Australia will spend $US14 billion on the submarines", 14e9, "USD"),
        ("Sales will dip by at least A$30m after the tsunami, Qantas said.", 30e6, "AUD"),
        ("The bank raised C$2bn from the sale", 2e9, "CAD"),
        ("when more than a million people joined marches", 1e6, "people"),
        ("He said more than a million homeless needed shelter", 1e6, "homeless"),
        ("The rally drew a hundred thousand supporters", 100_000, "supporters"),
    ],
)
def test_numbers_as_articles_write_them(sentence, value, unit):
    (q,) = extract_quantities(sentence)
    assert (q.value, q.unit) == (value, unit)


def test_a_hyphenated_span_is_a_range():
    (q,) = extract_quantities("Estimates sit at the low end of the 100-to-300 spectrum.")
    assert (q.hedge, q.low, q.high) == ("range", 100, 300)


def test_several_hundred_thousand_is_vague():
    (q,) = extract_quantities("several hundred thousand people marched in Paris")
    assert (q.hedge, q.low, q.high, q.unit) == ("vague", 200_000, 999_999, "people")


def test_odds_are_not_a_range():
    assert extract_quantities("Bookmakers offered three-to-one on a home win") == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "hedge"),
    [
        ("The delay in announcing results — six hours after polls were supposed to close — "
         "indicated a deep debate", 6, "hours", "exact"),
        ("Amoroso, who announced the data more than six hours after the closure of the centers",
         6, "hours", "more_than"),
        ("The wave of explosions continued for around an hour after the first detonations",
         1, "hour", "approx"),
        ("Mr Blunkett led the city council for seven years before entering the Commons.", 7,
         "years", "exact"),
        ("Yukos has been battling the Russian authorities for more than a year", 1, "year",
         "more_than"),
    ],
)  # fmt: skip
def test_a_duration_that_is_the_claim(sentence, value, unit, hedge):
    (q,) = extract_quantities(sentence)
    assert (q.value, q.unit, q.hedge) == (value, unit, hedge)


@pytest.mark.parametrize(
    "sentence",
    [
        "targeting their pagers and then walkie-talkies a day later.",
        "Millions of people are continuing to give up a day’s pay",
        "It will be reviewed in a year.",
        "The vote comes about two weeks before the election",
    ],
)
def test_a_time_is_not_a_duration_claim(sentence):
    assert [q for q in extract_quantities(sentence) if q.unit != "people"] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("to raise the retirement age from 62 to 64 by 2030 while strikes disrupted transport",
         [(62, "years", "exact"), (64, "years", "exact")]),
        ("The pension reform project assumes a gradual increase in the retirement age from 62 "
         "to 65 years by 2031.", [(62, "years", "exact"), (65, "years", "exact")]),
        ("Macron hopes parliament will adopt his plan to raise the pension age by two years to "
         "64 before April.", [(2, "years", "exact"), (64, "years", "exact")]),
        ("plans to raise the age at which retirees receive a state pension to 64.",
         [(64, "years", "exact")]),
        ("However, UPS said it was cutting a previous order for smaller Airbus A300s from 90 "
         "planes to 53.", [(90, "planes", "exact"), (53, "planes", "exact")]),
        ("The Labor Department also said it had revised down the jobs gains in December 2004, "
         "from 157,000 to 133,000.", [(157_000, None, "exact"), (133_000, None, "exact")]),
        ("PARIS — French President Emmanuel Macron’s push to raise the retirement age from 62 to "
         "64 continues to meet mass resistance", [(62, "years", "exact"), (64, "years", "exact")]),
    ],
)  # fmt: skip
def test_from_one_figure_to_another_in_a_change_is_two_figures(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Police estimate that between 1.1 million and 1.4 million people will be protesting.",
         1_100_000, 1_400_000),
        ("Estimates of the crowd ranged from 10,000 to 12,000 people.", 10_000, 12_000),
    ],
)  # fmt: skip
def test_from_one_figure_to_another_without_a_change_is_a_range(sentence, low, high):
    (q,) = extract_quantities(sentence)
    assert (q.hedge, q.low, q.high) == ("range", low, high)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("A series of explosions over two consecutive days left 32 people dead", 32, "people"),
        ("at least 123 police officers were injured during the protests", 123, "officers"),
        ("This funding is intended to make care available for some 2,500 women.", 2_500,
         "women"),
        ("There were also wins for two other Russians, Igor Andreev and Mikhail Youzhny.", 2,
         "Russians"),
        ("A box set featuring 68 unreleased Nirvana tracks has gone on sale", 68, "tracks"),
        ("BA operates three weekly journeys to Riyadh.", 3, "journeys"),
        ("The unions also supported the demonstrations of two of the groups that they see among "
         "the most affected", 2, "groups"),
        ("Roddick won 121 of his 147 matches while working with Gilbert", 121, "matches"),
        ('"Will either group manage it?" she said, noting that the outcome would affect all 67 '
         "million of France's population.", 67e6, "people"),
        ("Cairn's shares closed at 1130p on Thursday.", 1_130, "pence"),
        ("The disks can hold up to 1.8GB of data.", 1.8, "gb"),
    ],
)  # fmt: skip
def test_the_noun_a_figure_counts(sentence, value, unit):
    q = next(q for q in extract_quantities(sentence) if q.value == value)
    assert q.unit == unit


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The union counted 3.5 million nationwide, it said.", 3_500_000),
        ("slightly higher than the 1.27 million estimated during a previous round", 1_270_000),
        ("(5,150,092 support)", 5_150_092),
    ],
)
def test_a_word_that_says_how_or_what_happened_is_not_the_noun(sentence, value):
    (q,) = extract_quantities(sentence)
    assert (q.value, q.unit) == (value, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Heineken and Carlsberg, two of the world's largest brewers, have reported falling profits",
        "There is only one place in the world where you will be able to get tickets",
        "Operating profits were at 380m euros, ten times more than in 2003.",
        "World number 46 Rusedski broke in the ninth game to take a tight opening set.",
        "Denise Lewis withdrew on day two of the competition",
        "the last eight of the Heineken Cup",
        "Three times, Nadal forces a break point and three times the world number two hangs in.",
        "Opera is set to release its version 7.60 by the end of the year.",
    ],
)
def test_descriptions_ratios_ranks_and_labels_are_not_claims(sentence):
    assert [q for q in extract_quantities(sentence) if q.unit != "EUR"] == []


def test_a_count_of_one_where_one_is_meant():
    assert figures("It has one manager registered at its declared address") == [
        (1, "manager", "exact")
    ]


def test_distances_in_a_race_and_a_distance_converted_in_brackets():
    assert figures("Kelly Holmes has been chosen for both the 800m and 1500m at next month's "
                   "European Indoor Championships") == [(800, "metres", "exact"),
                                                        (1500, "metres", "exact")]  # fmt: skip
    (q,) = extract_quantities("an intruder who then jumped 30ft (10m) from a first floor window")
    assert (q.value, q.unit, q.converted, q.converted_unit) == (30, "ft", 10, "metres")


@pytest.mark.parametrize(
    ("sentence", "value", "hedge"),
    [
        ("Police were out in force, noting that about one-third of the country's teachers were "
         "on strike", 33.33, "approx"),
        ("Two out of three French people, according to polls, remain opposed to his project",
         66.67, "exact"),
        ("High school students blockaded half the city's districts.", 50, "exact"),
        ("Two thirds of the workforce", 66.67, "exact"),
        ("Nearly three out of four girls said they used make-up.", 75, "approx"),
        ("One in four said he should be back in the Government's top ranks", 25, "exact"),
        ("more than half of the 12,000 soldiers", 50, "more_than"),
    ],
)  # fmt: skip
def test_fractions_in_words_are_shares(sentence, value, hedge):
    (q,) = [q for q in extract_quantities(sentence) if q.unit == "%"]
    assert (q.value, q.hedge) == (value, hedge)


@pytest.mark.parametrize(
    "sentence",
    [
        "It also brought out a number of new models in the second half of 2004",
        "Exports had kept things going during the first half of 2004",
        "Brown is at the centre of Labour's bid for a third term in power",
        "with close to half a million properties selling",
        "Within half an hour, recorded episodes can be uploaded",
        "The Fed decided to boost interest rates by a quarter of a point",
        "the film depicts a priest having an affair with a girl half his age.",
        "Huw Stephens has been one half of the Thursday night show Bethan and Huw in Wales",
        "The firm said fewer than one in 10,000 consoles had experienced component failures.",
    ],
)
def test_halves_and_thirds_that_are_not_shares(sentence):
    assert [q for q in extract_quantities(sentence) if q.unit == "%"] == []


def test_a_fraction_of_a_million_is_a_number():
    assert figures("Almost a quarter of a million US consumers complained of being targeted") == [
        (250_000, "consumers", "approx")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Fortune 500 companies have been told to publish their pay gaps.",
        "Commodore 64 enthusiasts have written emulators for Windows PC",
        "Fathers 4 Justice, pensioners' rights activists and Stop the War campaigners",
        "Bramble 35 og, Mellor 38, Baros 61.",
    ],
)
def test_a_name_with_a_number_opening_a_sentence_is_not_a_claim(sentence):
    assert extract_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Some 280 demonstrations were organized on Tuesday.", 280),
        ("Meanwhile 70 Hong Kong music and movie stars re-recorded We Are the World", 70),
        ("However 60% said they did not think the lawsuits would benefit musicians", 60),
    ],
)
def test_a_sentence_opening_with_a_hedge_or_an_adverb_keeps_its_figure(sentence, value):
    assert [q.value for q in extract_quantities(sentence)] == [value]
