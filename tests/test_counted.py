"""What a figure counts when no noun follows it: its frame, then the sentence's other figures
(extract/counted.py), on sentences of the development set, the bundled story and the BBC
corpus."""

from __future__ import annotations

import pytest

from extract.quantities import extract_quantities


def counted(sentence: str) -> list[tuple[float | None, str | None]]:
    return [(q.value, q.unit) for q in extract_quantities(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gold Apollo has denied involvement in the explosive pagers that detonated across "
         "Lebanon, killing nine people and wounding approximately 2,800.",
         [(9, "people"), (2_800, "people")]),
        ("At least nine people were killed and nearly 3,000 wounded when pagers used by "
         "Hezbollah members detonated simultaneously", [(9, "people"), (3_000, "people")]),
        ("The blasts killed at least 37 people, including some children, and injured nearly "
         "3,000, many of them civilian bystanders", [(37, "people"), (3_000, "people")]),
        ("The CGT union federation says 700,000 protested here in the capital alone.",
         [(700_000, "people")]),
        ("An estimated 1.28 million took to the streets across France on Tuesday",
         [(1_280_000, "people")]),
        ("He formally expressed Scotland's sympathy for the victims of the Indian Ocean tidal "
         "wave which killed 150,000.", [(150_000, "people")]),
        ("She and eight others were killed on the plane", [(8, "people")]),
    ],
)  # fmt: skip
def test_a_verb_of_people_says_people_are_counted(sentence, expected):
    assert counted(sentence) == expected


def test_vague_amounts_take_the_verb_s_people_too():
    found = extract_quantities(
        "Hundreds of handheld pagers exploded in Lebanon and parts of Syria on Tuesday, killing "
        "several people, including members of the militant group Hezbollah, and wounding "
        "thousands, officials said."
    )
    assert [(q.unit, q.hedge, q.low) for q in found] == [
        ("pagers", "vague", 200),
        ("people", "vague", 2_000),
    ]
    (q,) = [q for q in extract_quantities("At least 12 people were killed, and thousands were "
                                          "injured.") if q.hedge == "vague"]  # fmt: skip
    assert q.unit == "people"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In Bagnols-sur-Ceze, population 18,000, high school students joined a demonstration "
         "of more than 2,000.", [(18_000, "inhabitants"), (2_000, "people")]),
        ("Officials estimated the turnout at 107,000 on Saturday.", [(107_000, "people")]),
        ("Police estimated the rally in Cibeles at 170,000, while the organisers claimed a "
         "million.", [(170_000, "people"), (1_000_000, "people")]),
        ("By Monday the death toll rose to 3,003, officials said.", [(3_003, "deaths")]),
        ("The hardline CGT union put the number of protesters at 3.5 million nationwide, a "
         "figure it said compared to 2.5 million on January 31.",
         [(3_500_000, "protesters"), (2_500_000, "protesters")]),
        ("Mr Howard said both parties planned to cut the number of civil servants at Whitehall "
         "- Labour by more than 80,000", [(80_000, "servants")]),
        ("which sees its population rise from 7,500 to 45,000 during the festival.",
         [(7_500, "inhabitants"), (45_000, "inhabitants")]),
    ],
)  # fmt: skip
def test_a_measure_says_what_its_value_counts(sentence, expected):
    assert counted(sentence) == expected


def test_a_verb_that_is_also_a_measure_is_not_one():
    assert counted("The case has cost 2.13m so far.") == [(2_130_000, None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gauge also exceeded in Pau, where the prefecture counted 15,500 demonstrators and the "
         "organizers 22,000, and even pulverized in Rodez with 14,500 to 25,000 people in the "
         "pouring rain.", [(15_500, "demonstrators"), (22_000, "demonstrators"),
                           (19_750, "people")]),
        ("Even the official Interior Ministry figures said there were 1.3 million people who "
         "demonstrated in more than 200 towns and cities, while the biggest trade union, the "
         "CGT, said there were 3.5 million.",
         [(1_300_000, "people"), (200, "towns"), (3_500_000, "people")]),
        ("The numbers were sharply different to the 5.15 million votes the electoral authority "
         "said Maduro had won, compared to 4.45 million for Gonzalez.",
         [(5_150_000, "votes"), (4_450_000, "votes")]),
        ("Some 1.28 million people, according to the government (3.5 million, according to "
         "the CGT union) participated in the largest protest",
         [(1_280_000, "people"), (3_500_000, "people")]),
        ("Unison's 800,000 workers, the Transport and General Workers' Union's 70,000 and "
         "Amicus' 20,000 are among those being balloted",
         [(800_000, "workers"), (70_000, "workers"), (20_000, "workers")]),
        ("Japan Airlines has made a firm order for 30 of the aircraft, at $120m each, with the "
         "option to buy 20 more.", [(30, "aircraft"), (120e6, "USD"), (20, "aircraft")]),
        # a count by place, each item's small figure counting what the first does
        ("Furthermore, according to the TV channel, 73 people were killed in North Carolina, "
         "36 in South Carolina, 17 in Florida, 9 in Tennessee and two in Virginia.",
         [(73, "people"), (36, "people"), (17, "people"), (9, "people"), (2, "people")]),
        ("The ministry said 1,604 people died in Al Haouz, 976 in Taroudant and 41 in "
         "Chichaoua.", [(1_604, "people"), (976, "people"), (41, "people")]),
        ("Djokovic was 25 in Paris and won 3 in Rome.", []),
        # a toll named with what it is of, or with a clause between it and its figure
        ("The death toll from the Maui wildfires in Hawaii has risen to 93, officials said.",
         [(93, "deaths")]),
        ("The death toll, which previously stood at 80, rose on Saturday.", [(80, "deaths")]),
    ],
)  # fmt: skip
def test_a_figure_without_a_noun_counts_what_the_sentence_s_other_figures_count(sentence, expected):
    assert counted(sentence) == expected


def test_a_figure_in_brackets_after_a_share_counts_the_share_s_base():
    assert counted(
        "Nicolas Maduro has been re-elected, in elections in which he won 51.20 percent of the "
        "votes (5,150,092 support), according to the first official bulletin"
    ) == [(51.2, "%"), (5_150_092, "votes")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("and bring forward to 2027 the requirement to contribute 43 years (and not 42, as "
         "now) to collect a pension complete.", [(43, "years"), (42, "years")]),
        ("the sixth national strike wave against President Macron’s attempt to make workers "
         "retire at 64 rather than 62 was as well supported", [(64, "years"), (62, "years")]),
        ("His times of 6.61 and 6.62 seconds were well short of the record",
         [(6.61, "seconds"), (6.62, "seconds")]),
    ],
)  # fmt: skip
def test_a_small_number_takes_a_unit_only_from_a_figure_it_is_joined_to(sentence, expected):
    assert counted(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Thai baht lost 0.3% against the US currency, trading at 39.10.",
         [(0.3, "%"), (39.1, None)]),
        ("The UK total translates into 7.5 connections per 100 people, compared to 6.7 in "
         "Germany.", [(7.5, "connections"), (100, "people"), (6.7, "connections")]),
        ("Mr Jackson, who is 46, was fined £50 on Tuesday.", [(50, "GBP")]),
        ("Derval O'Rourke broke her own Irish 60m hurdles record by clocking 8.06",
         [(60, "metres"), (8.06, None)]),
        ("The government gives £200 for winter fuel to households with people over 60, or £300 "
         "where people are over 80.", [(200, "GBP"), (300, "GBP")]),
    ],
)  # fmt: skip
def test_what_cannot_count_the_same_thing_lends_no_unit(sentence, expected):
    assert counted(sentence) == expected


def test_a_figure_with_nothing_to_take_from_keeps_no_unit():
    assert counted("the firm will cut 1,920 while keeping others") == [(1_920, None)]
