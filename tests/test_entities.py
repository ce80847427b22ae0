"""Entity mentions and their resolution across the bundled library."""

from __future__ import annotations

from collections import Counter

from extract.entities import find_mentions
from extract.resolve import Resolver
from extract.sentences import split_sentences
from tests.conftest import ARTICLES, analyse


def resolved():
    counts = []
    for path in ARTICLES:
        analysis = analyse(path.name[:3])
        for (name, type_), n in Counter((m.name, m.type) for m in analysis.mentions).items():
            counts.append((path.name, name, type_, n))
    entities = Resolver().add(counts).entities
    by_alias = {}
    for e in entities:
        for alias in e.aliases:
            by_alias.setdefault(alias, e)
    return entities, by_alias


def resolve_article(mentions, article="a"):
    counts = Counter((m.name, m.type) for m in mentions)
    return Resolver().add([(article, name, type_, n) for (name, type_), n in counts.items()])


def test_mentions_match_the_text_they_point_at():
    for path in ARTICLES:
        analysis = analyse(path.name[:3])
        body = analysis.article.body
        assert all(body[m.start : m.end] == m.text for m in analysis.mentions)


def test_types_from_titles_gazetteer_and_organisation_words():
    kinds = {(m.text, m.type) for m in analyse("001").mentions}
    assert ("Mark Rutte", "person") in kinds
    assert ("NATO", "org") in kinds
    assert ("Kursk", "place") in kinds
    assert ("South Korean National Intelligence Service", "org") in kinds


def test_spellings_of_one_person_join_and_different_people_do_not():
    _, by_alias = resolved()
    assert by_alias["Kim Jong Un"] is by_alias["Kim Jong-un"]
    assert by_alias["Kim Jong Gyu"] is not by_alias["Kim Jong Un"]
    assert by_alias["Mathew Miller"] is by_alias["Matthew Miller"]
    assert by_alias["Miller"].name == "Matthew Miller"


def test_misspelt_place_joins_the_known_one():
    _, by_alias = resolved()
    assert by_alias["Kurks"] is by_alias["Kursk"]
    assert by_alias["Kursk"].name == "Kursk"


def test_north_and_south_korea_stay_apart_and_dprk_is_north_korea():
    _, by_alias = resolved()
    assert by_alias["North Korea"] is not by_alias["South Korea"]
    body = "The DPRK said so. North Korea agreed."
    mentions = find_mentions(body, split_sentences(body))
    assert {m.name for m in mentions} == {"DPRK", "North Korea"}  # as written
    (entity,) = resolve_article(mentions).entities
    assert entity.name == "North Korea" and entity.aliases == {"DPRK", "North Korea"}


def test_a_bare_surname_never_joins_across_articles():
    found = Resolver().add(
        [("a", "Kim Jong Un", "person", 1), ("b", "Kim", "other", 1), ("c", "Kim", "other", 1),
         ("c", "Kim Jong Gyu", "person", 1)]
    )  # fmt: skip
    entities, assignment = found.entities, found.assignment
    name = {e.key: e.name for e in entities}
    assert name[assignment[("b", "Kim")]] == "Kim"  # no full name in its own article
    assert name[assignment[("c", "Kim")]] == "Kim Jong Gyu"  # the full name beside it
    assert sorted(name.values()) == ["Kim", "Kim Jong Gyu", "Kim Jong Un"]


def test_a_typo_joins_a_place_only_beside_it_in_the_same_article():
    found = Resolver().add(
        [("a", "Paris", "place", 3), ("b", "Parks", "place", 1), ("c", "Franca", "person", 1),
         ("c", "France", "place", 1), ("d", "Kurks", "place", 1), ("d", "Kursk", "place", 2)]
    )  # fmt: skip
    entities, assignment = found.entities, found.assignment
    name = {e.key: e.name for e in entities}
    assert name[assignment[("b", "Parks")]] == "Parks"  # another article: no join
    assert name[assignment[("c", "Franca")]] == "Franca"  # not written as a place: no join
    assert name[assignment[("d", "Kurks")]] == "Kursk"


def test_demonyms_in_the_plural_are_their_place():
    body = "Austrians and Australians voted. Ukrainians agreed."
    found = resolve_article(find_mentions(body, split_sentences(body)))
    assert {(e.name, e.type) for e in found.entities} == {
        ("Austria", "place"),
        ("Australia", "place"),
        ("Ukraine", "place"),
    }


def test_teams_parties_and_events_are_no_ones_names():
    body = "Manchester United met the Lib Dems at the Australian Open and the World Cup."
    kinds = {m.name: m.type for m in find_mentions(body, split_sentences(body))}
    assert kinds["Manchester United"] == "org"
    assert kinds["Lib Dems"] == "org"
    assert kinds["Australian Open"] == "other"
    assert kinds["World Cup"] == "other"


def test_in_august_is_a_month_not_a_place():
    body = "The offensive took place in August. Soldiers died in Kurks."
    kinds = {m.name: m.type for m in find_mentions(body, split_sentences(body))}
    assert kinds == {"Kurks": "place"}


def mentions_of(body: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in find_mentions(body, split_sentences(body))]


def test_contractions_single_letters_and_clock_words_are_no_names():
    body = "They're late, I'm told, said X at 4 Pm on Dec 3. Neither the North nor we agreed."
    assert mentions_of(body) == [("North", "other")]


def test_a_title_with_its_portfolio_is_not_part_of_the_name_after_it():
    body = (
        "Secretary of State Antony Blinken spoke. Hungarian Minister of Foreign Affairs and "
        "Trade Péter Szijjártó was also asked."
    )
    assert mentions_of(body) == [
        ("Antony Blinken", "person"),
        ("Hungarian", "place"),
        ("Péter Szijjártó", "person"),
    ]


def test_and_joins_one_organisation_only_between_two_portfolio_words():
    body = (
        "He met Lee Seong-kweun and Democratic Party leaders at the National Security and "
        "Defense Council."
    )
    assert mentions_of(body) == [
        ("Lee Seong-kweun", "person"),
        ("Democratic Party", "org"),
        ("National Security and Defense Council", "org"),
    ]


def test_a_person_of_an_organisation_is_two_names_and_a_bank_of_a_country_one():
    body = '"It has begun," said Eric Sellini of the CGT union at the Bank of England.'
    assert mentions_of(body) == [
        ("Eric Sellini", "person"),
        ("CGT", "org"),
        ("Bank of England", "org"),
    ]


def test_a_company_or_an_adjective_after_in_is_no_place_and_a_town_at_a_start_is():
    body = (
        "He bought shares in Yukos and Microsoft's stake in Gazprom. It fell in Asian "
        "markets. In Ales, population 40,000, workers marched."
    )
    assert dict(mentions_of(body)) == {
        "Yukos": "other",
        "Microsoft": "other",
        "Gazprom": "other",
        "Asian": "other",
        "Ales": "place",
    }


def test_the_inside_a_sentence_is_part_of_a_name_and_the_short_name_joins_the_long():
    body = "The Washington Post analysed the sheets. The sheets analysed by The Post were many."
    mentions = find_mentions(body, split_sentences(body))
    assert [m.name for m in mentions] == ["Washington Post", "The Post"]
    (entity,) = resolve_article(mentions).entities
    assert entity.name == "Washington Post" and entity.aliases == {"Washington Post", "The Post"}


def test_the_words_around_a_name_type_it_where_its_own_words_cannot():
    body = (
        "Taiwanese company Gold Apollo denied it. The Sud Ouest newspaper said so, and an "
        "Izvestia correspondent agreed. Carter and his late wife, Rosalynn, came, said "
        "Patrick, a 61-year-old retiree. The offices in the city of New Taipei and in "
        "Lebanon's capital, Beirut, were shut. The militant group Hezbollah and Hamas "
        "fighters met the Intersyndicale, the group of eight unions."
    )
    kinds = dict(mentions_of(body))
    assert kinds["Gold Apollo"] == "org"
    assert kinds["Sud Ouest"] == "org" and kinds["Izvestia"] == "org"
    assert kinds["Rosalynn"] == "person" and kinds["Patrick"] == "person"
    assert kinds["New Taipei"] == "place" and kinds["Beirut"] == "place"
    assert kinds["Hezbollah"] == "org" and kinds["Hamas"] == "org"
    assert kinds["Intersyndicale"] == "org"


def test_a_name_is_typed_as_its_article_calls_it_where_it_says_and_in_a_list_of_places():
    body = (
        "Pager firm Gold Apollo said no. Gold Apollo later agreed. Strikes shut the ports of "
        "Le Havre, Marseille, Calais and Rouen. The refineries of TotalEnergies and "
        "Esso-ExxonMobil closed, and the Middle East, Cairn Energy, Agence France-Presse and "
        "Pacific Palisades were named."
    )
    kinds = dict(mentions_of(body))
    assert kinds["Gold Apollo"] == "org"  # both mentions: the first one says so
    assert {kinds[n] for n in ("Le Havre", "Marseille", "Rouen")} == {"place"}
    assert kinds["TotalEnergies"] == "org" and kinds["Esso-ExxonMobil"] == "org"
    assert kinds["Middle East"] == "place" and kinds["Pacific Palisades"] == "place"
    assert kinds["Cairn Energy"] == "org" and kinds["Agence France-Presse"] == "org"


def test_people_in_a_list_with_a_place_and_clubs_beside_a_town_stay_what_they_are():
    body = (
        "On North Korean troops in Russia, Andrew Yeo, a senior fellow, spoke. Police met "
        "after the tie between Chelsea and West Ham. A spokeswoman for Chelsea said so."
    )
    kinds = {}
    for name, kind in mentions_of(body):
        kinds.setdefault(name, set()).add(kind)
    assert kinds["Andrew Yeo"] == {"person"}
    assert "place" not in kinds["Chelsea"]
