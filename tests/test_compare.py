"""Grouping the same quantity across sources, and agree/conflict, on the bundled story."""

from __future__ import annotations

import csv
import io

import pytest

from extract.comparable import Comparable, Mention, tolerance_interval
from store import ClaimFilter, Library, export
from tests import contract
from tests.oracle import group_claims, story_signatures


def imported(texts: dict[str, str], folder, db_path) -> Library:
    """A library of these article files, written in `folder` and imported."""
    from store import import_paths

    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    library = Library(db_path)
    import_paths(library, [folder])
    return library


def groups_by_topic(library: Library):
    return {g.topic: g for g in list(library.iter_groups())}


def values_by_topic(library: Library) -> dict[str, list[float | None]]:
    """Each group's figures, smallest first, by its topic."""
    return {g.topic: sorted(m.value for m in g.members) for g in library.iter_groups()}


def test_troops_in_russia_stand_together_and_conflict(library: Library):
    group = groups_by_topic(library)["North Korean troops in Russia"]
    assert group.status == "conflict"
    assert group.sources >= 4
    figures = {(m.hedge, m.value) for m in group.members}
    # about 12,000 from several outlets, more than 10,000, about 3,000, several thousand
    assert {("exact", 12_000), ("approx", 12_000), ("more_than", 10_000), ("approx", 3_000)} <= (
        figures
    )
    assert len({m.source for m in group.members if m.value == 12_000}) >= 3
    assert any(m.hedge == "vague" and m.low == 2_000 and m.high == 9_999 for m in group.members)
    assert "no overlap" in group.explanation
    assert group.members[0].date == "2024-10-16"  # ordered by date, undated last


def test_officers_and_generals_each_agree(library: Library):
    topics = groups_by_topic(library)
    for topic, value in (("North Korean officers in Russia", 500),
                         ("North Korean generals in Russia", 3)):  # fmt: skip
        group = topics[topic]
        assert group.status == "agree"
        assert {m.value for m in group.members} == {value}
        assert group.sources >= 2


def test_a_narrower_place_is_another_quantity(library: Library):
    topics = groups_by_topic(library)
    kursk = topics["North Korean troops in Kursk"]
    assert kursk.status == "agree"
    assert {m.value for m in kursk.members} == {10_000}
    russia = topics["North Korean troops in Russia"]
    assert not {m.id for m in kursk.members} & {m.id for m in russia.members}


def test_increments_and_other_events_are_not_grouped(library: Library):
    grouped = {m.id for g in list(library.iter_groups()) for m in g.members}
    claims = library.claims()
    more = next(c for c in claims if c.value == 10_000 and "more troops" in c.sentence)
    killed = next(c for c in claims if c.value == 40)
    assert more.id not in grouped and killed.id not in grouped


def test_denials_and_not_denying_form_one_conflict(library: Library):
    (group,) = [g for g in list(library.iter_groups()) if g.topic.startswith("Denials")]
    assert group.status == "conflict"
    said = {(m.stance, m.attributed_to) for m in group.members}
    assert ("deny", "Kremlin") in said  # dismissed as a "hoax"
    assert ("not_deny", "Russian President Vladimir Putin") in said
    assert ("deny", "Russia and North Korea") in said  # had denied
    assert ("not_deny", "North Korea") in said  # has not denied
    assert "Kremlin" in group.explanation and "Putin" in group.explanation  # one side, Russia


def test_conflicts_come_first(library: Library):
    statuses = [g.status for g in list(library.iter_groups())]
    assert statuses == sorted(statuses, key=lambda s: s != "conflict")


def claim(id_: int, article: int, value: float, hedge: str = "exact", **kw) -> Comparable:
    """A claim of troops in Russia; the figure sits at N in the sentence."""
    sentence = kw.pop("sentence", "Officials said there were N soldiers in Russia.")
    low, high = kw.pop("low", value), kw.pop("high", value)
    at = sentence.index("N ")
    russia = sentence.index("Russia")
    return Comparable(
        id=id_, article=article, source=f"s{article}", date=None, kind="quantity",
        sentence=sentence.replace("N ", "9 ", 1), start=0, span_start=at,
            span_end=at + len("N soldiers"),
        value=value, low=low, high=high, hedge=hedge, unit=kw.pop("unit", "soldiers"),
        concept=kw.pop("concept", "troops"), mentions=(Mention(russia, russia + 6, "Russia"),),
        **kw,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected"),
    [(12_000, (11_500, 12_500)), (1_200_000, (1_150_000, 1_250_000)), (3_765, (3_765, 3_765))],
)
def test_round_figures_carry_their_own_tolerance(value, expected):
    assert tolerance_interval(claim(1, 1, value)) == expected


def test_an_upper_bound_below_a_larger_figure_is_a_soft_conflict():
    (group,) = group_claims(
        [claim(1, 1, 8_000, "at_most", low=None), claim(2, 2, 12_000, "approx", low=10_800,
                                                            high=13_200)]
    )  # fmt: skip
    assert (group.status, group.soft) == ("conflict", True)
    assert "soft conflict" in group.explanation


def test_one_source_alone_is_no_group():
    assert group_claims([claim(1, 1, 12_000), claim(2, 1, 12_000)]) == []


def test_a_forecast_is_not_the_count_it_forecasts():
    said = claim(1, 1, 12_000)
    paraphrase = claim(2, 2, 12_000, sentence="Kyiv says there are N soldiers in Russia now.")
    forecast = claim(3, 3, 20_000, sentence="Kyiv expects N soldiers in Russia by December.")
    (group,) = group_claims([said, paraphrase, forecast])
    assert {m.id for m in group.members} == {1, 2} and group.status == "agree"


def test_discrepancies_export_has_the_product_header(library: Library):
    out = io.StringIO()
    rows = export(library, "discrepancies", ClaimFilter(), "csv", out)
    records = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(records[0]) == contract.DISCREPANCIES
    assert rows == len(records)
    assert {r["status"] for r in records} == {"agree", "conflict"}
    stance_rows = [r for r in records if r["stance"]]
    assert stance_rows and all(r["value"] == "" for r in stance_rows)


def test_only_articles_of_one_story_are_compared():
    a, b = claim(1, 1, 12_000), claim(2, 2, 3_000)
    same = {1: frozenset({"North Korea", "Kursk"}), 2: frozenset({"North Korea", "Kursk", "Seoul"})}
    apart = {1: frozenset({"North Korea", "Kursk"}), 2: frozenset({"Chelsea", "Kursk"})}
    assert group_claims([a, b], same)
    assert group_claims([a, b], apart) == []


def test_names_every_article_uses_tell_no_story_apart_in_a_large_library():
    counts = {i: {"United States": 3, f"Company {i}": 2} for i in range(30)}
    counts[0]["Circuit City"] = counts[1]["Circuit City"] = 4
    stories = story_signatures(counts)
    assert "United States" not in stories[0]
    assert "Circuit City" in stories[0] and "Circuit City" in stories[1]
    # A small library was gathered for one story: every article is on it.
    assert story_signatures({1: {"North Korea": 9}, 2: {"Chelsea": 3}}) is None


def test_money_shares_and_distances_are_not_grouped():
    money = [claim(i, i, 5e9, unit="USD", concept="USD") for i in (1, 2)]
    race = [claim(i, i, 100, unit="metres", concept="metres") for i in (3, 4)]
    assert group_claims([*money, *race]) == []


def test_a_place_within_the_first_narrows_the_scope():
    from extract.measures import located, within

    assert within("Vladivostok", "Russia") and not within("Russia", "Kursk")
    sentence = "About 9 soldiers are in Russia, most of them in Kursk."
    russia, kursk = sentence.index("Russia"), sentence.index("Kursk")
    claim_ = Comparable(
        id=1, article=1, source="s", date=None, kind="quantity", sentence=sentence,
        start=0, span_start=0, span_end=15, value=9, low=9, high=9, hedge="exact", unit="soldiers",
        concept="troops", mentions=(Mention(russia, russia + 6, "Russia"),
                                  Mention(kursk, kursk + 5, "Kursk")),
    )  # fmt: skip
    assert located(claim_) == "Kursk"


def test_articles_written_here_group_by_scope_and_date(tmp_path, db_path):

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 1 March 2024\nTroops arrive\n\n"
        "About 5,000 Syrian soldiers are in Lebanon, officials said.",
        "beta.txt": "Source: Beta\nPublished: 10 March 2024\nMore troops\n\n"
        "More than 9,000 Syrian soldiers are now in Lebanon, the ministry said.",
        "gamma.txt": "Source: Gamma\nPublished: 5 March 2024\nBorder\n\n"
        "As many as 4,000 Syrian soldiers are in Lebanon, a monitor said. "
        "Some 700 Syrian soldiers were killed in Lebanon last year, it said.",
    }
    library = imported(texts, tmp_path, db_path)
    (group,) = list(library.iter_groups())
    assert group.topic == "Syrian troops in Lebanon"
    assert [m.source for m in group.members] == ["Alpha", "Gamma", "Beta"]  # by date
    # About 5,000 on 1 March, as many as 4,000 on 5 March, more than 9,000 on 10 March:
    # figures of three days that moved, with no two of one day that disagree.
    assert group.status == "changed" and not group.soft
    assert (
        group.explanation.startswith("rose from about 5,000") and "2024-03-10" in group.explanation
    )
    assert all(m.value != 700 for m in group.members)  # the killed are another quantity


def test_groups_are_kept_after_each_import(library: Library, db_path, tmp_path):
    import sqlite3

    from store import import_paths

    conn = sqlite3.connect(db_path)
    kept = conn.execute("SELECT count(*) FROM claim_groups").fetchone()[0]
    assert kept == len(list(library.iter_groups())) > 0
    extra = tmp_path / "extra.txt"
    extra.write_text(
        "Source: Extra\nPublished: 1 November 2024\nMore troops\n\n"
        "Some 11,000 North Korean soldiers are in the Kursk region, officials said.",
        encoding="utf-8",
    )
    import_paths(library, [extra])
    kursk = next(
        g for g in list(library.iter_groups()) if g.topic == "North Korean troops in Kursk"
    )
    assert "Extra" in {m.source for m in kursk.members}
    conn.close()


def test_two_claimants_in_one_article_are_compared():
    ukraine = claim(1, 1, 12_000, attributed_to="Ukraine")
    pentagon = claim(2, 1, 3_000, attributed_to="the Pentagon",
                     sentence="The Pentagon said there were N soldiers in Russia.")  # fmt: skip
    (group,) = group_claims([ukraine, pentagon])
    assert group.status == "conflict"
    assert group_claims([ukraine, claim(3, 1, 12_000, attributed_to="Ukraine")]) == []


def test_moves_between_regions_of_one_country_are_not_moves_to_it(library: Library):
    # "at least 3,000 ... transported from North Korea to Russia" and "approximately 2,000
    # ... in the Russian Far East ... transported by train to the European part of Russia"
    assert not [g for g in list(library.iter_groups()) if "moved" in g.topic]


def test_a_narrowing_time_is_another_quantity():
    overall = claim(1, 1, 12_000)
    october = claim(
        2, 2, 3_000, sentence="Officials said N soldiers were sent to Russia in October."
    )
    other = claim(3, 3, 12_500, sentence="Kyiv says there are N soldiers in Russia now.")
    (group,) = group_claims([overall, october, other])
    assert {m.id for m in group.members} == {1, 3}
    assert group.status == "agree"


def figure(id_: int, sentence: str, written: str, value: float, unit: str, *places):
    """A figure as written in a real sentence, in an article of its own; `places` are the
    places its sentence names, or (name, type) for other names."""
    at = sentence.index(written)
    return Comparable(
        id=id_, article=id_, source=f"s{id_}", date=None, kind="quantity", sentence=sentence,
        start=0, span_start=at, span_end=at + len(written), value=value, low=value, high=value,
        hedge="exact", unit=unit, concept=unit,
        mentions=tuple(Mention(sentence.index(n), sentence.index(n) + len(n), n, t)
                       for n, t in ((p, "place") if isinstance(p, str) else p for p in places)),
    )  # fmt: skip


@pytest.mark.parametrize(
    "pair",
    [
        (  # a poll's answers: "said" and "disagreed" are no base of a share
            ("Meantime, 32% said Mr Blair was a good prime minister.", "32%", 32, "%"),
            (
                "Thirty per cent said the affair showed he could not be trusted.",
                "Thirty per cent",
                30,
                "%",
            ),
        ),
        (  # a share of a population does something the share does not say
            ("Only 16% of women earn more than £50,000.", "16% of women", 16, "%"),
            (
                "The study found 60% of women in the film industry hold degrees.",
                "60% of women",
                60,
                "%",
            ),
        ),
        (  # a currency's move is no share of anything
            ("The Indonesian rupiah lost as much as 0.6% against the US dollar.", "0.6%", 0.6, "%"),
            ("The Thai baht lost 0.3% against the US currency.", "0.3%", 0.3, "%"),
        ),
        (  # a sum that says nothing of what it pays for
            ("AMR reported a loss of $387m for the fourth quarter of 2004.", "$387m", 387e6, "USD"),
            ("For the full year, AMR posted a loss of $761m.", "$761m", 761e6, "USD"),
        ),
        (  # people nothing is said of, even in one place
            (
                "Mr Howard said nearly 160,000 people were settling in the UK every year.",
                "160,000 people",
                160_000,
                "people",
                "UK",
            ),
            (
                "About six million people in the UK now have a fast net connection.",
                "six million people",
                6e6,
                "people",
                "UK",
            ),
        ),
        (  # lives saved are no deaths
            (
                "Doubling the money could save six million lives, Mr Brown said.",
                "six million lives",
                6e6,
                "lives",
            ),
            ("The silence is for the estimated 150,000 dead.", "150,000 dead", 150_000, "dead"),
        ),
        (  # the minimum age of a candidate is not the voting age
            ("The current minimum age of 21 for an MP would be reduced to 18.", "21", 21, "years"),
            ("It prompted calls for a lowering of the voting age to 16.", "16", 16, "years"),
        ),
        (  # another year's disaster, and a toll over a list of countries
            (
                "Mitch killed about 10,000 people and caused damage of about $10bn in 1998.",
                "10,000 people",
                10_000,
                "people",
            ),
            (
                "The worst-hit areas are Sri Lanka, India, Indonesia and Thailand, with at least "
                "23,000 people killed.",
                "23,000 people",
                23_000,
                "people",
                "Sri Lanka",
                "India",
                "Indonesia",
                "Thailand",
            ),
        ),
    ],
)
def test_figures_that_measure_different_things_are_not_one_quantity(pair):
    first, second = (figure(i, *said) for i, said in enumerate(pair, 1))
    assert group_claims([first, second]) == []


def test_shares_of_the_vote_and_named_losses_still_compare_alone():
    votes = [
        figure(1, "The council said Maduro won 51.2% of the vote.", "51.2%", 51.2, "%"),
        figure(2, "Exit polls gave Maduro about 30% of the vote.", "30%", 30, "%"),
    ]
    insured = [
        figure(3, "Insured losses reached $20bn, the firm said.", "$20bn", 20e9, "USD"),
        figure(4, "Insured losses are put at $28bn by another modeller.", "$28bn", 28e9, "USD"),
    ]
    (vote,) = group_claims(votes)
    assert vote.status == "conflict" and len(vote.members) == 2
    assert len(group_claims(insured)) == 1


def stance(id_: int, sentence: str, verb: str, said: str, actor: str, *names: tuple[str, str]):
    """A statement as written in a real sentence, in an article of its own; `names` are the
    (name, type) its sentence holds."""
    at = sentence.index(verb)
    return Comparable(
        id=id_, article=id_, source=f"s{id_}", date=None, kind="statement", sentence=sentence,
        start=0, span_start=at, span_end=at + len(verb), attributed_to=actor, stance=said,
        mentions=tuple(Mention(sentence.index(n), sentence.index(n) + len(n), n, t)
                       for n, t in names),
    )  # fmt: skip


def test_statements_on_one_question_stand_together_and_others_apart():
    pagers = [
        stance(
            1,
            "Gold Apollo has denied involvement in the explosive pagers that detonated "
            "across Lebanon.",
            "denied",
            "deny",
            "Gold Apollo",
            ("Gold Apollo", "org"),
            ("Lebanon", "place"),
        ),
        stance(
            2,
            "Hsu Ching-kuang denied that the pagers which exploded in Lebanon were made "
            "by Gold Apollo.",
            "denied",
            "deny",
            "Hsu Ching-kuang",
            ("Lebanon", "place"),
            ("Gold Apollo", "org"),
        ),
        stance(
            3,
            "Hezbollah blamed Israel for detonating the pagers in Lebanon.",
            "blamed",
            "confirm",
            "Hezbollah",
            ("Israel", "place"),
            ("Lebanon", "place"),
        ),
    ]
    israel = [
        stance(
            4,
            "The Israeli military declined to comment when reached by the AP.",
            "declined to comment",
            "not_confirm",
            "The Israeli military",
            ("AP", "org"),
        ),
        stance(
            5,
            "An official confirmed that Israel was behind it, telling CNN.",
            "confirmed",
            "confirm",
            "An official",
            ("Israel", "place"),
            ("CNN", "org"),
        ),
    ]
    apart = [
        stance(6, "Robinson has confirmed that Hodgson will be the first-choice kicker.",
               "confirmed", "confirm", "Robinson", ("Robinson", "person"), ("Hodgson", "person")),
        stance(7, "Mr Brown earlier denied his economic forecasts were too optimistic.", "denied",
               "deny", "Mr Brown", ("Mr Brown", "person")),
    ]  # fmt: skip
    # Lebanon joins the pagers' statements, Israel the no-comment (by its side) with them.
    (group,) = group_claims([*pagers, *israel, *apart])
    assert sorted(m.id for m in group.members) == [1, 2, 3, 4, 5]
    assert group.status == "conflict"
    assert group_claims(apart) == []  # a confirmation and a denial of different things


def test_a_company_s_stock_moves_and_losses_compare_with_the_company_s_only():
    # As the CrowdStrike outage's outlets wrote them (a story annotated after its first score).
    crowdstrike = ("CrowdStrike", "org")
    fall = [
        figure(
            1,
            "CrowdStrike's shares were down 20% in pre-market trading on Friday.",
            "20%",
            20,
            "%",
            crowdstrike,
        ),
        figure(
            2,
            "CrowdStrike's stock plummeted 32% nearly two weeks after the incident.",
            "32%",
            32,
            "%",
            crowdstrike,
        ),
        figure(
            3,
            "Even Microsoft wasn't immune; its share price dropped by 2.5%.",
            "2.5%",
            2.5,
            "%",
            ("Microsoft", "org"),
        ),
        figure(4, "Shares fell just 0.03%.", "0.03%", 0.03, "%"),  # whose, unsaid
    ]
    value = [
        figure(
            5,
            "CrowdStrike has seen a drop in its shares, wiping $12.5 billion off its market cap.",
            "$12.5 billion",
            12.5e9,
            "USD",
            crowdstrike,
        ),
        figure(
            6,
            "CrowdStrike's market capitalization has plunged more than $20 billion.",
            "$20 billion",
            20e9,
            "USD",
            crowdstrike,
        ),
    ]
    flights = [
        figure(7, "Delta is dealing with refund requests after almost 7,000 flights were canceled.",
               "7,000 flights", 7_000, "flights"),
        figure(8, "The airline was forced to cancel more than 5,000 flights.", "5,000 flights",
               5_000, "flights"),
    ]  # fmt: skip
    groups = group_claims([*fall, *value, *flights])
    assert sorted(sorted(m.id for m in g.members) for g in groups) == [[1, 2], [5, 6], [7, 8]]


def test_a_share_restating_a_vote_count_is_that_candidate_s_and_an_exit_poll_its_result():
    sentence = "Nicolás Maduro was supported by 5,150,092 voters or 51.2%."
    votes = figure(
        1, sentence, "5,150,092 voters", 5_150_092, "voters", ("Nicolás Maduro", "person")
    )
    share = figure(1, sentence, "51.2%", 51.2, "%", ("Nicolás Maduro", "person"))._replace(id=2)
    poll = figure(3, "Edison Research had predicted in an exit poll that Nicolás Maduro would win "
                  "31% of the vote.", "31%", 31, "%", ("Nicolás Maduro", "person"))  # fmt: skip
    (group,) = [g for g in group_claims([votes, share, poll]) if g.topic.endswith("of the vote")]
    assert {m.id for m in group.members} == {2, 3} and group.status == "conflict"


def test_a_state_lies_in_its_federation_and_a_part_named_after_including_is_the_part_s():
    from extract.measures import located, within

    assert within("South Carolina", "United States") and within("Queensland", "Australia")
    sentence = (
        "At least 56 people were killed across five states, including 23 people in South Carolina."
    )
    whole = figure(1, sentence, "56 people", 56, "people", "South Carolina")
    part = figure(2, sentence, "23 people", 23, "people", "South Carolina")
    assert located(whole) == "" and located(part) == "South Carolina"


def test_a_toll_is_read_from_its_subject_a_number_referred_back_and_what_is_elsewhere(
    tmp_path, db_path
):
    """Figures whose words say what they count only through the clause's subject ("the
    death toll ... has risen to"), "that number" said of a figure before, "another" of
    another thing, "could reach" of a toll, "elsewhere" and "particularly in"."""

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 12 September 2023\nFloods in Libya\n\n"
        "In Libya, the death toll from the floods brought by the storm has now reached more "
        "than 5,200, according to the interior minister. The floods have also left more than "
        "30,000 people homeless, according to the agency, particularly in Derna.",
        "beta.txt": "Source: Beta\nPublished: 14 September 2023\nRace to help Libya\n\n"
        "Libya's ambassador to the UN said about 6,000 people were confirmed to have died in "
        "Libya. But a Red Crescent representative put that number higher, at 11,300. "
        "The storm also killed about 170 people elsewhere in the country. Officials "
        "estimate that about 30,000 people have been left homeless in Libya.",
        "gamma.txt": "Source: Gamma\nPublished: 16 September 2023\nLibyan toll\n\n"
        "The Libyan Red Crescent said the floods had resulted in 11,300 deaths and added "
        "that another 10,100 people were missing. The death toll of the floods could reach "
        "20,000, the mayor said. An estimated 170 other people had been killed elsewhere "
        "in eastern Libya. Earlier, about 10,000 people were reported missing in Libya, "
        "the Red Cross said.",
    }
    library = imported(texts, tmp_path, db_path)
    groups = values_by_topic(library)
    assert groups["deaths in Libya"] == [5200, 6000, 11300, 11300, 20000]
    assert groups["deaths elsewhere in Libya"] == [170, 170]
    assert groups["missing in Libya"] == [10000, 10100]
    assert groups["displaced in Libya"] == [30000, 30000]


def test_a_no_comment_against_a_confirmation_is_a_conflict_and_who_did_it_its_question(
    tmp_path, db_path
):

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 17 September 2024\nBlasts in Lebanon\n\n"
        "Hezbollah blamed Israel for the blasts. The Israeli military declined to comment.",
        "beta.txt": "Source: Beta\nPublished: 10 November 2024\nIsrael confirms\n\n"
        "An Israeli official confirmed the remarks to CNN, a first.",
        "gamma.txt": "Source: Gamma\nPublished: 18 September 2024\nThe maker\n\n"
        "The pagers were made by BAC Consulting, Gold Apollo said. BAC Consulting CEO "
        "Cristiana Barsony-Arcidiacono said her company did not make the pagers.",
    }
    library = imported(texts, tmp_path, db_path)
    statements = [g for g in library.iter_groups() if g.members[0].kind == "statement"]
    by_actors = {frozenset(m.attributed_to for m in g.members): g for g in statements}
    israel = by_actors[frozenset({"Hezbollah", "Israeli military", "Israeli official"})]
    assert israel.status == "conflict" and israel.topic == "Statements about Israel"
    assert israel.explanation.startswith("did not confirm (Israeli military")
    bac = by_actors[frozenset({"Gold Apollo", "BAC Consulting CEO Cristiana Barsony-Arcidiacono"})]
    assert bac.status == "conflict" and bac.topic == "Denials about BAC Consulting"


def test_a_verb_right_before_a_figure_says_what_it_counts_and_since_when_a_toll_counts():
    from extract.measures import measured

    def read(sentence: str, *written: str, places: tuple[str, ...] = ()) -> list[str]:
        figures = [
            figure(i, sentence, w, float(i), "people", *places)._replace(article=1)
            for i, w in enumerate(written, 1)
        ]
        found = measured(figures)
        return [m.measure.key if (m := found[f.id]).measure else "" for f in figures]

    assert read(
        "The pagers detonated across Lebanon, killing nine people and wounding approximately "
        "2,800.", "nine people", "2,800", places=("Lebanon",),
    ) == ["deaths||Lebanon|||", "injured||Lebanon|||"]  # fmt: skip
    assert read(
        "Floods left 3,958 people dead and more than 9,000 still missing.",
        "3,958 people",
        "more than 9,000",
    )[1].startswith("missing")  # the word after it, not "dead" before it
    assert read(
        "More than 3,000 people have been killed in Lebanon since clashes began in October "
        "2023.", "More than 3,000 people", places=("Lebanon",),
    ) == ["deaths||Lebanon||since october 2023|"]  # fmt: skip


def test_the_years_a_pension_requires_are_one_quantity_however_worded():
    from extract.measures import measured

    said = [
        ("The government also wants workers to pay into the pension scheme for 43 years.",
         "43 years"),
        ("It brings forward the requirement to contribute 43 years to collect a full pension.",
         "43 years"),
        ("Workers would also have to put 43 years of pension contributions into the pot.",
         "43 years"),
    ]  # fmt: skip
    keys = set()
    for i, (sentence, written) in enumerate(said, 1):
        claim = figure(i, sentence, written, 43, "years")
        keys.add(measured([claim])[i].measure.key)
    assert keys == {"years of contributions|||||after"}


def test_an_earthquake_s_magnitude_depth_distance_and_provincial_tolls_are_quantities(
    tmp_path, db_path
):
    """Written as the Morocco earthquake's outlets wrote them: a magnitude read to its last
    digit ("7" agrees with 6.8 and 6.9), a depth and a distance from a place, properties of
    the event that never "changed"; a toll in brackets after its noun and its province; and
    one ministry's toll that rose, as two outlets on two days reported it."""

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 10 September 2023\nQuake\n\n"
        "A magnitude 6.8 earthquake struck 74 km southwest of Marrakech at a reported depth of "
        "26 km. The ministry said that the province of Al Haouz has the highest death toll "
        "(1,293), followed by Taroudant (452).",
        "beta.txt": "Source: Beta\nPublished: 12 September 2023\nQuake toll\n\n"
        "The quake's epicentre was 72 km (45 miles) southwest of Marrakech. The epicenter lay "
        "at a depth of 10 km, after a magnitude 6.9 earthquake jolted Morocco. By province, "
        "the tremor resulted in 1,604 fatalities in Al Haouz, 976 in Taroudant, and one death "
        "in Essaouira, according to the ministry.",
        "gamma.txt": "Source: Gamma\nPublished: 13 September 2023\nToll rises\n\n"
        "The death toll of the 7 magnitude earthquake has risen to 2,960, the government "
        "spokesman said.",
    }
    library = imported(texts, tmp_path, db_path)
    groups = {g.topic: g for g in library.iter_groups()}
    assert set(groups) >= {"magnitude", "distance from Marrakech", "depth"}, set(groups)
    assert sorted(m.value for m in groups["magnitude"].members) == [6.8, 6.9, 7]
    assert groups["magnitude"].status == "agree"
    assert groups["distance from Marrakech"].status == "conflict"  # 72 and 74 km, one event
    assert groups["depth"].status == "conflict"
    assert sorted(m.value for m in groups["deaths in Al Haouz"].members) == [1293, 1604]
    assert groups["deaths in Al Haouz"].status == "changed"  # the ministry's, two days
    assert sorted(m.value for m in groups["deaths in Taroudant"].members) == [452, 976]
    assert 2960 not in [m.value for m in groups["magnitude"].members]  # a toll, not a magnitude


def test_a_day_of_no_known_year_is_written_in_words_in_an_explanation():
    from extract.compare import describe

    dated = claim(1, 1, 2960, attributed_to="JINHA")._replace(date="--09-08")
    assert describe(dated) == "2,960 (JINHA, 8 Sep)"


def test_a_quake_s_tolls_by_country_its_forecasts_and_tolls_by_attacks_stand_apart(
    tmp_path, db_path
):
    """Written as the Myanmar earthquake's outlets wrote them: "Burma" is Myanmar; a toll
    its subject names whatever figure follows ("jumped to 1,002 with 2,376 injured"); "could
    exceed" is a forecast of the final toll; a national body's toll is its country's, and so
    is a toll "Thailand's" subject names; "the capital Bangkok" is Bangkok; a country a title
    names is the article's, not the news agency's own ("China's state-run Xinhua"); deaths
    in air strikes beside the quake are another quantity; a magnitude is nowhere."""

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 29 March 2025\nBig earthquake hits Burma\n\n"
        "The death toll in Burma jumped to 1,002 with 2,376 injured, the military government "
        "said. The USGS estimated the death toll could exceed 10,000 people and that losses "
        "could be greater than the economy. Thai authorities said nine people had died and "
        "101 were missing in Bangkok. The 7.7 magnitude temblor was the biggest to hit Burma "
        "in a century.",
        "beta.txt": "Source: Beta\nPublished: 2 April 2025\nMyanmar earthquake\n\n"
        "The death toll in the earthquake has reached 2,886, with 4,639 injured, China's "
        "state-run Xinhua reported. Min Aung Hlaing said the death toll may exceed 3,000. "
        "A 7.7 magnitude earthquake hit Myanmar on March 28.",
        "delta.txt": "Source: Delta\nPublished: 1 April 2025\nQuake rescue goes on\n\n"
        "Thailand's national death toll from the quake stands at 20. The quake also hit "
        "Thailand, killing eight people in the capital Bangkok.",
        "gamma.txt": "Source: Gamma\nPublished: 7 April 2025\nMyanmar junta toll\n\n"
        "As of April 3, the death toll from the earthquake has risen to 3,085, with 4,715 "
        "people injured. The military launched 32 airstrikes on 11 locations, killing at "
        "least 50 civilians and injuring 49 others.",
    }
    library = imported(texts, tmp_path, db_path)
    groups = values_by_topic(library)
    assert groups["deaths in Myanmar"] == [1002, 2886, 3085], groups
    assert groups["injured in Myanmar"] == [2376, 4639, 4715]
    assert groups["deaths in Myanmar (forecast)"] == [3000, 10000]
    assert groups["deaths in Thailand"] == [9, 20]
    assert groups["magnitude"] == [7.7, 7.7]
    assert not any(50 in values or 8 in values for values in groups.values())


def test_a_storm_s_total_over_states_stands_apart_from_each_state_s_and_other_storms_(
    tmp_path, db_path
):
    """Written as Hurricane Helene's outlets wrote them: a toll "in North Carolina, South
    Carolina, Georgia ..." or "across five states" is the country's total; a list by state
    gives each state's; another storm's toll in a relative clause ("behind Hurricane
    Katrina, which killed at least 1,200 people") is that storm's, its year no period; and a
    place the president travelled to is not where the storm's toll is."""

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 28 September 2024\nHelene toll climbs\n\n"
        "The storm killed at least 90 people in North Carolina, South Carolina, Georgia, "
        "Florida and Tennessee. CNN reported that 19 people had been found dead in South "
        "Carolina and 17 in Georgia.",
        "beta.txt": "Source: Beta\nPublished: 2 October 2024\nHelene, second deadliest\n\n"
        "Hurricane Helene killed at least 165 people across five states, behind Hurricane "
        "Katrina, which killed at least 1,200 people. According to the TV channel, 73 people "
        "were killed in North Carolina, 36 in South Carolina and 25 in Georgia.",
        "gamma.txt": "Source: Gamma\nPublished: 3 October 2024\nBiden tours the damage\n\n"
        "President Joe Biden traveled to South Carolina and Georgia to review the damage "
        "caused by Hurricane Helene, which killed at least 200 people. It was the deadliest "
        "storm to hit the US mainland since Hurricane Katrina, which killed at least 1,833 "
        "people in 2005.",
    }
    library = imported(texts, tmp_path, db_path)
    groups = values_by_topic(library)
    assert groups["deaths in United States"] == [90, 165, 200], groups
    assert groups["deaths in South Carolina"] == [19, 36]
    assert groups["deaths in Georgia"] == [17, 25]
    assert groups["Hurricane Katrina deaths in United States"] == [1200, 1833]


def test_a_vote_count_is_the_candidate_who_won_it_not_the_rival_named_next(tmp_path, db_path):
    """Written as the Venezuelan election's outlets wrote them: "Maduro obtained only 2.76
    million votes, while González obtained 6.27 million" (each the one before his verb);
    "2.75 million votes for Maduro and 6.27 million for his rival, former diplomat Edmundo
    Gonzalez"; and a count in brackets after a share is that share's candidate's."""

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 30 July 2024\nVenezuela tallies\n\n"
        "According to the tally sheets, Maduro obtained only 2.76 million votes, while "
        "Edmundo González obtained 6.27 million.",
        "beta.txt": "Source: Beta\nPublished: 30 July 2024\nOpposition tallies\n\n"
        "The tallies showed a total of 2.75 million votes for Maduro and 6.27 million for "
        "his rival, former diplomat Edmundo González, Machado said.",
        "gamma.txt": "Source: Gamma\nPublished: 3 August 2024\nA review of the tallies\n\n"
        "It found Maduro received about 30 percent of the vote (3,131,103 votes) compared "
        "to 67 percent for Edmundo González (6,901,845 votes), the Washington Post said.",
    }
    library = imported(texts, tmp_path, db_path)
    groups = values_by_topic(library)
    assert groups["votes for Maduro"] == [2_750_000, 2_760_000, 3_131_103], groups
    assert groups["votes for Edmundo González"] == [6_270_000, 6_270_000, 6_901_845]


def test_a_crowd_no_day_names_joins_the_day_its_figure_was_given_whatever_the_order(
    tmp_path, db_path
):
    """An article with no date and no day ("Some 1.28 million people, according to the
    government (3.5 million, according to the CGT union) participated") is its story's 7
    March turnout: the ministry gave 1.28 million that day, and its CGT figure (said of 7
    and 23 March) goes where its article's other figure went. The same groups whether the
    undated article comes first or with the others."""

    dated = {
        "alpha.txt": "Source: Alpha\nPublished: 7 March 2023\nStrike in France\n\n"
        "According to the interior ministry, 1.28 million people demonstrated on Tuesday "
        "across France. The CGT union put the number of protesters at 3.5 million.",
        "beta.txt": "Source: Beta\nPublished: 23 March 2023\nNinth day of strikes\n\n"
        "The interior ministry counted 1.08 million protesters across France on Thursday, "
        "while the CGT said 3.5 million people took part.",
    }
    undated = {
        "gamma.txt": "Source: Gamma\nMegaprotest against pension reform\n\n"
        "Some 1.28 million people, according to the government (3.5 million, according to "
        "the CGT union) participated in the protests across France.",
    }

    def turnouts(library: Library) -> dict[str, list[tuple[float, str]]]:
        return {
            g.topic: sorted((m.value, m.source) for m in g.members)
            for g in library.iter_groups()
            if g.topic.startswith("turnout")
        }

    (tmp_path / "a").mkdir()
    together = turnouts(imported({**dated, **undated}, tmp_path / "a", tmp_path / "a.db"))
    assert together["turnout in France on 7 March"] == [
        (1_280_000, "Alpha"), (1_280_000, "Gamma"), (3_500_000, "Alpha"), (3_500_000, "Gamma")
    ]  # fmt: skip
    assert together["turnout in France on 23 March"] == [(1_080_000, "Beta"), (3_500_000, "Beta")]
    (tmp_path / "b").mkdir()
    later = imported(undated, tmp_path / "b", tmp_path / "b.db")
    assert list(turnouts(later)) == ["turnout"]  # alone, it is of no day and nowhere
    from store import import_paths

    for name, text in dated.items():
        (tmp_path / "b" / name).write_text(text, encoding="utf-8")
    import_paths(later, [tmp_path / "b"])
    assert turnouts(later) == together


def test_a_toll_its_article_places_nowhere_is_where_its_story_gave_that_figure(tmp_path, db_path):
    """An article that names no country ("twelve people died and around 2,323 were injured
    in the explosions", from an outlet named for another country; "killing 12 people, the
    pagers were linked to Taiwanese company Gold Apollo": another clause's place, a
    company's nationality) is of its story's place where another source gave the figure;
    one that agrees with two places' stays apart."""

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 18 September 2024\nPagers explode in Lebanon\n\n"
        "The explosions in Lebanon killed 12 people and wounded about 2,750, the health "
        "ministry said.",
        "beta.txt": "Source: Beta\nPublished: 18 September 2024\nBlasts in Syria\n\n"
        "In Syria, the blasts killed 14 people, a monitor said.",
        "gamma.txt": "Source: Hungarian Conservative\nPublished: 19 September 2024\n"
        "Szijjarto denies\n\n"
        "As Hungarian Conservative reported earlier, hundreds of pagers exploded. "
        "International media reports indicated that twelve people died and around 2,323 "
        "were injured in the explosions.",
        "delta.txt": "Source: Delta\nPublished: 19 September 2024\nPagers\n\n"
        "The blasts killed about 13 people, officials said.",
        "epsilon.txt": "Source: Epsilon\nPublished: 20 September 2024\nHow did it happen\n\n"
        "After the explosions took place, killing 12 people, the pagers were linked to "
        "Taiwanese company Gold Apollo.",
    }
    library = imported(texts, tmp_path, db_path)
    groups = values_by_topic(library)
    assert groups["deaths in Lebanon"] == [12, 12, 12], groups
    assert groups["injured in Lebanon"] == [2_323, 2_750]
    assert not any(13 in values for values in groups.values())  # Lebanon's or Syria's


def test_the_next_sentence_s_crowd_placed_nowhere_is_the_same_place_s_count(tmp_path, db_path):
    """ "119,000 people went to the rallies in Paris. 800 thousand participants were
    counted in the VKT" (the CGT's Russian initials): Paris's count by another. Not after
    a part of a whole ("3.5 million ..., including 700,000 in Paris. For its part, the
    Ministry of the Interior lists 1.28 million"), nor what a sentence says is nationwide."""

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 23 March 2023\nStrikes in France\n\n"
        "According to the Ministry of Internal Affairs, 119,000 people went to the rallies in "
        "Paris. 800 thousand participants were counted in the VKT.",
        "beta.txt": "Source: Beta\nPublished: 23 March 2023\nNinth day\n\n"
        "The Interior Ministry counted 119,000 protesters in Paris. Nationwide, the ministry "
        "counted 1.08 million protesters.",
        "gamma.txt": "Source: Gamma\nPublished: 23 March 2023\nCGT count\n\n"
        "According to the CGT, 3.5 million people demonstrated in France, including 800,000 "
        "in Paris. For its part, the Ministry of the Interior lists 1.08 million demonstrators.",
    }
    library = imported(texts, tmp_path, db_path)
    groups = values_by_topic(library)
    assert groups["turnout in Paris on 23 March"] == [119_000, 119_000, 800_000, 800_000], groups
    assert groups["turnout in France on 23 March"] == [1_080_000, 1_080_000, 3_500_000]


def test_buildings_a_disaster_damaged_are_one_quantity_however_called(tmp_path, db_path):
    """ "271 structures were damaged or destroyed", "upwards of 1,700" buildings destroyed,
    "more than 2,200 buildings were damaged or destroyed", "homes razed": one quantity of
    the story, however the outlet calls what burned."""

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 10 August 2023\nMaui fire\n\n"
        "Officials said earlier that 271 structures were damaged or destroyed.",
        "beta.txt": "Source: Beta\nPublished: 13 August 2023\nMaui fire toll\n\n"
        "More than 2,200 buildings were damaged or destroyed by the blaze, FEMA said.",
        "gamma.txt": "Source: Gamma\nPublished: 14 August 2023\nLahaina\n\n"
        "Over 2,000 homes were razed by the flames, the county said.",
    }
    groups = values_by_topic(imported(texts, tmp_path, db_path))
    assert groups["buildings damaged or destroyed"] == [271, 2_000, 2_200], groups


def test_a_people_named_by_nationality_is_a_crowd_and_a_population_is_not(tmp_path, db_path):
    """ "Half a million Israelis took to the streets" counts people present as "500,000
    people gathered" does; "a population of just over 9 million" counts no crowd."""

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 12 March 2023\nProtests\n\n"
        "Half a million Israelis took to the streets across Israel on Saturday, organizers "
        "said. Israel has a population of just over 9 million, so about 5% came out.",
        "beta.txt": "Source: Beta\nPublished: 12 March 2023\nTenth week\n\n"
        "Police said 100,000 protesters took to the streets across Israel on Saturday.",
    }
    groups = values_by_topic(imported(texts, tmp_path, db_path))
    (crowd,) = [values for topic, values in groups.items() if topic.startswith("turnout")]
    assert 500_000 in crowd and 9_000_000 not in crowd, groups


def test_bodies_identified_or_handed_over_are_their_own_counts_never_the_toll(tmp_path, db_path):
    """ "Out of the 275, 88 bodies have been identified" and "205 dead bodies had been
    identified" count what was done with the dead, a part of the toll; "At least 280 bodies
    were recovered" is the toll itself."""

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 4 June 2023\nTrain crash\n\n"
        "The Chief Secretary said the death toll stood at 275. He said that out of the 275, "
        "88 bodies have been identified.",
        "beta.txt": "Source: Beta\nPublished: 6 June 2023\nTrain crash toll\n\n"
        "The government revised the death toll to 288 and said that 205 dead bodies had been "
        "identified.",
        "gamma.txt": "Source: Gamma\nPublished: 3 June 2023\nRescue ends\n\n"
        "At least 280 bodies were recovered overnight, officials said.",
    }
    groups = values_by_topic(imported(texts, tmp_path, db_path))
    (identified,) = [values for topic, values in groups.items() if "identified" in topic]
    assert identified == [88, 205], groups
    tolls = [values for topic, values in groups.items() if topic.startswith("deaths")]
    assert tolls and all(88 not in values and 205 not in values for values in tolls), groups
    assert any(280 in values for values in tolls), groups


def test_a_disaster_s_losses_damage_and_cost_to_rebuild_are_its_economic_losses(tmp_path, db_path):
    """ "Losses are estimated to be approaching $6 billion" and "the cost to rebuild
    Lahaina was estimated at $5.5 billion", in stories of a wildfire: one estimate of what it
    destroyed; the insured part of it stays apart."""

    texts = {
        "alpha.txt": "Source: Alpha\nPublished: 12 August 2023\nMaui wildfire\n\n"
        "Losses are estimated to be approaching $6 billion, after roughly 2,200 structures "
        "were destroyed by the wildfire.",
        "beta.txt": "Source: Beta\nPublished: 13 August 2023\nHawaii wildfire\n\n"
        "FEMA said that the cost to rebuild Lahaina was estimated at $5.5 "
        "billion. The fires are estimated to have caused $3.2 billion in damage to insured "
        "properties.",
    }
    groups = values_by_topic(imported(texts, tmp_path, db_path))
    assert groups["economic losses (USD)"] == [5.5e9, 6e9], groups


def test_a_small_library_of_two_stories_keeps_each_story_s_quantity_whole(tmp_path, db_path):
    """Twenty articles, ten on each of two stories: each story's names are in half the
    library, and still tell its articles apart (a name tells no story apart only once it
    is in more than COMMON_FLOOR articles), so each toll is one group, not ten."""

    texts = {}
    for i in range(10):
        texts[f"quake{i}.txt"] = (
            f"Source: Quake Daily {i}\nPublished: {i + 1} April 2025\nMyanmar earthquake\n\n"
            f"The earthquake in Myanmar killed {1_000 + 200 * i:,} people, the junta led by "
            "Min Aung Hlaing said in Naypyidaw. Rescuers in Mandalay searched the rubble, "
            "and Min Aung Hlaing visited Mandalay."
        )
        texts[f"storm{i}.txt"] = (
            f"Source: Storm Times {i}\nPublished: {i + 1} October 2024\nHelene toll\n\n"
            f"Hurricane Helene killed {50 + 20 * i} people in North Carolina, Governor Roy "
            "Cooper said in Raleigh. Asheville was cut off, and Roy Cooper toured Asheville."
        )
    library = imported(texts, tmp_path, db_path)
    groups = [(g.topic, len(g.members)) for g in library.iter_groups()]
    assert sorted(groups) == [("deaths in Myanmar", 10), ("deaths in North Carolina", 10)]
