"""One entity per real-world thing however it is spelt (extract/resolve.py), and two
different people, places or organisations never one."""

from __future__ import annotations

from extract.entities import find_mentions
from extract.resolve import Resolver, canonical_name, normalise
from extract.sentences import split_sentences


def resolve(*mentions: tuple[str, str, str]) -> dict[tuple[str, str], str]:
    """(article, name) -> the name of its entity, for (article, name, type) mentions."""
    found = Resolver().add([(a, n, t, 1) for a, n, t in mentions])
    names = {e.key: e.name for e in found.entities}
    return {pair: names[key] for pair, key in found.assignment.items()}


def entity_of(found: dict[tuple[str, str], str], name: str) -> set[str]:
    return {entity for (_article, written), entity in found.items() if written == name}


def test_spellings_with_and_without_diacritics_are_one_and_keep_them():
    found = resolve(
        ("a", "Aleksandar Vučić", "person"),
        ("a2", "Aleksandar Vucic", "person"),
        ("b", "Vucic", "person"),
        ("c", "Vučić", "person"),
        ("d", "Gerald Darmanin", "person"),
        ("e", "Gérald Darmanin", "person"),
    )
    assert set(found.values()) == {"Aleksandar Vučić", "Gérald Darmanin"}
    assert normalise("Bársony-Arcidiacono") == normalise("Barsony-Arcidiacono")
    assert canonical_name({"Gerald Darmanin": 3, "Gérald Darmanin": 1}) == "Gérald Darmanin"


def test_an_acronym_spelt_out_in_one_article_is_its_expansion_in_every_article():
    body = (
        "The General Confederation of Labor (CGT) said 3.5 million marched. The CGT "
        "called more strikes, and the CFDT agreed. Lisa Raymond (US) won, the US said."
    )
    mentions = find_mentions(body, split_sentences(body))
    names = {m.name for m in mentions}
    assert "General Confederation of Labor (CGT)" in names  # the definition, as written
    assert "Lisa Raymond (US)" not in names  # a nationality, not what US stands for
    rows = [("a", m.name, m.type) for m in mentions]
    found = resolve(*rows, ("b", "CGT", "org"), ("c", "General Confederation of Labour", "org"))
    (cgt,) = entity_of(found, "CGT")
    assert cgt.startswith("General Confederation of Lab")
    assert found[("c", "General Confederation of Labour")] == cgt  # a spelling variant
    assert entity_of(found, "CFDT") == {"CFDT"}
    assert entity_of(found, "US") == {"United States"}


def test_well_known_agencies_join_their_names_unless_an_article_says_otherwise():
    found = resolve(
        ("a", "AFP", "org"),
        ("b", "Agence France-Presse", "person"),
        ("a", "AP", "org"),
        ("b", "Associated Press", "org"),
        ("c", "IDF", "org"),
        ("d", "Israel Defense Forces", "org"),
        ("e", "PIJ", "org"),
        ("f", "Palestine Islamic Jihad", "org"),
        ("g", "Andhra Pradesh (AP)", "place"),
        ("g", "AP", "org"),
        ("h", "Reuters", "org"),
    )
    assert found[("a", "AFP")] == found[("b", "Agence France-Presse")]
    assert found[("a", "AP")] == "Associated Press"
    assert found[("c", "IDF")] == "Israel Defense Forces"
    assert found[("e", "PIJ")] == found[("f", "Palestine Islamic Jihad")]
    assert found[("g", "AP")] == "Andhra Pradesh"  # its own article spelt it out
    assert found[("h", "Reuters")] == "Reuters"


def test_a_ministry_however_worded_is_one_and_with_its_place_when_only_one_is_named():
    found = resolve(
        ("a", "Interior Ministry", "org"),
        ("b", "Ministry of the Interior", "org"),
        ("c", "Ministry of Internal Affairs", "org"),
        ("c2", "Interior Ministry", "org"),
        ("d", "French Interior Ministry", "org"),
        ("e", "Education Ministry", "org"),
        ("f", "Ministry of Health", "org"),
        ("g", "Gaza Health Ministry", "org"),
    )
    assert entity_of(found, "Ministry of the Interior") == {"Interior Ministry"}
    assert found[("c", "Ministry of Internal Affairs")] == "Interior Ministry"
    assert found[("d", "French Interior Ministry")] == "Interior Ministry"
    assert found[("e", "Education Ministry")] == "Education Ministry"
    assert found[("f", "Ministry of Health")] == "Gaza Health Ministry"


def test_two_places_ministries_keep_a_ministry_without_its_place_apart_from_both():
    found = resolve(
        ("a", "Interior Ministry", "org"),
        ("b", "Serbian Interior Ministry", "org"),
        ("c", "Ministry of Interior", "org"),
        ("d", "French Interior Ministry", "org"),
    )
    assert found[("a", "Interior Ministry")] == found[("c", "Ministry of Interior")]
    assert len({found[("a", "Interior Ministry")], found[("b", "Serbian Interior Ministry")],
                found[("d", "French Interior Ministry")]}) == 3  # fmt: skip


def test_a_place_with_its_administrative_word_or_another_transliteration_is_one():
    found = resolve(
        ("a", "Kursk", "place"),
        ("b", "Kursk Oblast", "place"),
        ("c", "Naypyidaw", "place"),
        ("d", "Naypyitaw", "place"),
        ("e", "Yangon", "place"),
        ("e", "Yangon-Mandalay Expressway", "person"),
        ("f", "Austrians", "place"),
        ("g", "Australia", "place"),
    )
    assert found[("b", "Kursk Oblast")] == "Kursk"
    assert found[("c", "Naypyidaw")] == found[("d", "Naypyitaw")]
    assert found[("e", "Yangon")] == "Yangon"  # not the road that starts with its name
    assert found[("f", "Austrians")] == "Austria"


def test_a_surname_alone_joins_the_one_person_of_the_library_it_names():
    found = resolve(
        ("a", "Zelensky", "person"),
        ("b", "Volodymyr Zelensky", "person"),
        ("c", "Nasrallah", "other"),
        ("d", "Hassan Nasrallah", "person"),
        ("d", "Hadi Nasrallah", "person"),
        ("e", "Kim", "other"),
        ("f", "Kim Jong Un", "person"),
    )
    assert found[("a", "Zelensky")] == "Volodymyr Zelensky"
    assert found[("c", "Nasrallah")] == "Nasrallah"  # two Nasrallahs: it could be either
    assert found[("d", "Hassan Nasrallah")] != found[("d", "Hadi Nasrallah")]
    assert found[("e", "Kim")] == "Kim"  # a family name first: never a last word


def test_a_surname_joins_a_person_named_in_full_as_often_in_the_same_import():
    """Across articles a surname is judged within one import batch: a person named in
    full in an earlier import only is not known well enough (a hundred "Microsoft"s are no
    surname of one "Las Vegas Microsoft"), and another person of that name remembered from
    earlier makes it two."""
    together = Resolver().add(
        [("a", "Barsony-Arcidiacono", "other", 2), ("b", "Cristiana Bársony-Arcidiacono",
         "person", 1)]
    )  # fmt: skip
    assert len(together.entities) == 1
    found = resolve(*[(str(i), "Microsoft", "other") for i in range(5)],
                    ("x", "Las Vegas Microsoft", "person"))  # fmt: skip
    assert found[("0", "Microsoft")] == "Microsoft"
    resolver = Resolver()
    resolver.add([("a", "Hadi Nasrallah", "person", 1)])
    later = resolver.add([("b", "Hassan Nasrallah", "person", 1), ("c", "Nasrallah", "other", 1)])
    names = {e.key: e.name for e in later.entities}
    assert names[later.assignment[("c", "Nasrallah")]] == "Nasrallah"


def test_a_shorter_name_joins_the_one_person_it_shortens_and_a_son_stays_apart():
    found = resolve(
        ("a", "Corina Machado", "person"),
        ("b", "María Corina Machado", "person"),
        ("c", "Edmundo González", "person"),
        ("d", "Edmundo González Urrutia", "person"),
        ("e", "Donald Trump", "person"),
        ("f", "Donald Trump Jr", "person"),
        ("g", "George Bush", "person"),
        ("h", "George W Bush", "person"),
        ("h", "George H W Bush", "person"),
    )
    assert found[("a", "Corina Machado")] == "María Corina Machado"
    assert found[("c", "Edmundo González")] == found[("d", "Edmundo González Urrutia")]
    assert found[("e", "Donald Trump")] != found[("f", "Donald Trump Jr")]
    assert found[("g", "George Bush")] == "George Bush"  # father or son: neither


def test_a_company_with_or_without_its_legal_form_or_kind_is_one():
    found = resolve(
        ("a", "BAC Consulting KFT", "org"),
        ("b", "BAC Consulting Ltd", "org"),
        ("c", "BAC", "org"),
        ("d", "BAC Consulting", "org"),
        ("d", "Gold Apollo", "org"),
    )
    assert len(set(found.values())) == 2 and found[("c", "BAC")] == found[("d", "BAC Consulting")]
    assert found[("a", "BAC Consulting KFT")] == found[("b", "BAC Consulting Ltd")]
    assert found[("a", "BAC Consulting KFT")] == found[("c", "BAC")]
    beside = resolve(("e", "Cairn Energy", "org"), ("e", "Cairn", "other"), ("f", "Cairn", "other"))
    assert beside[("e", "Cairn")] == "Cairn Energy"  # in its article
    assert beside[("f", "Cairn")] == "Cairn"  # a word heads a company across articles only
    # when it is an acronym ("BAC")


def test_aliases_list_every_written_form_the_entity_took_in():
    found = Resolver().add(
        [
            ("a", "DPRK", "place", 1),
            ("a", "North Korea", "place", 3),
            ("b", "North Koreans", "place", 1),
            ("c", "South Korean National Intelligence Service (NIS)", "org", 1),
            ("c", "NIS", "org", 2),
        ]
    )
    aliases = {e.name: e.aliases for e in found.entities}
    assert aliases["North Korea"] == {"DPRK", "North Korea", "North Koreans"}
    assert "NIS" in aliases["South Korean National Intelligence Service"]


def test_a_resolver_read_back_from_the_library_joins_as_the_one_kept_does():
    """A one-word name written with an apostrophe ("O'Neil") joined its person in one
    article only; read back from the library's spellings it must not stand for him in
    every later article (two imports at once made "O'Neil" of another story his)."""
    first = [("a", "Tom O'Neil", "person", 1), ("a", "O'Neil", "person", 1)]
    second = [("b", "Gary O'Neil", "person", 1), ("c", "O'Neil", "other", 1)]
    kept = Resolver()
    kept.add(first)
    done = Resolver().add(first)
    stored = Resolver(
        [(e.key, e.name, e.type) for e in done.entities],
        [(e.key, a) for e in done.entities for a in e.aliases],
    )
    assert kept.add(second).assignment == stored.add(second).assignment


def test_a_short_form_joined_in_one_article_does_not_carry_the_others_with_it():
    found = resolve(
        ("a", "New Labour", "org"),
        ("a", "Labour", "org"),
        ("b", "Labour", "org"),
        ("c", "Academy of Motion Picture Arts", "org"),
        ("c", "Arts", "other"),
        ("d", "Arts", "other"),
    )
    assert found[("a", "Labour")] == "New Labour"
    assert found[("b", "Labour")] == "Labour"
    assert found[("d", "Arts")] == "Arts"
    resolver = Resolver()
    resolver.add([("x", "Democrat", "other", 1)])
    assert resolver.add([("y", "Liberal Democrats", "org", 1)]).merges == {}


def test_a_surname_never_joins_a_title_or_a_place_taken_for_a_person():
    found = resolve(
        ("a", "Monica", "other"),
        ("b", "Santa Monica", "person"),
        ("c", "Stones", "other"),
        ("d", "Rolling Stones", "person"),
        ("e", "Commerce", "other"),
        ("f", "Chambers of Commerce", "person"),
    )
    assert {found[(a, n)] for a, n in [("a", "Monica"), ("c", "Stones"), ("e", "Commerce")]} == {
        "Monica",
        "Stones",
        "Commerce",
    }


def test_a_country_abbreviated_at_the_head_of_a_body_s_name_is_the_body_spelt_out():
    found = resolve(
        ("a", "U.S. Geological Survey", "org"),
        ("b", "United States Geological Survey", "org"),
        ("c", "USGS", "org"),
        ("d", "UK Border Force", "org"),
        ("e", "United Kingdom Border Force", "org"),
        ("f", "US Army", "org"),
        ("g", "UK", "place"),
    )
    assert (
        len(
            {
                found[k]
                for k in [
                    ("a", "U.S. Geological Survey"),
                    ("b", "United States Geological Survey"),
                    ("c", "USGS"),
                ]
            }
        )
        == 1
    )
    assert found[("d", "UK Border Force")] == found[("e", "United Kingdom Border Force")]
    assert found[("f", "US Army")] != found[("a", "U.S. Geological Survey")]  # fmt: skip


def test_romanisations_bodies_with_their_place_and_un_bodies_however_written_are_one():
    found = resolve(
        ("a", "Tawfik Shoukri", "person"),
        ("b", "Tawfiq Shukri", "person"),
        ("c", "Hassan Ali", "person"),
        ("d", "Hussein Ali", "person"),
        ("a", "Libyan Red Crescent", "org"),
        ("b", "Red Crescent", "org"),
        ("c", "UN Office for the Coordination of Humanitarian Affairs", "org"),
        ("d", "United Nations Office for the Coordination of Humanitarian Affairs", "org"),
        ("e", "OCHA", "org"),
        ("e", "Unicef", "org"),
        ("f", "UNICEF", "org"),
        ("g", "IFRC", "org"),
        ("h", "International Federation of Red Cross and Red Crescent Societies", "org"),
    )
    assert found[("a", "Tawfik Shoukri")] == found[("b", "Tawfiq Shukri")]
    assert found[("c", "Hassan Ali")] != found[("d", "Hussein Ali")]  # two names, not two spellings
    assert found[("b", "Red Crescent")] == "Libyan Red Crescent"
    assert len({found[(a, n)] for a, n in [
        ("c", "UN Office for the Coordination of Humanitarian Affairs"),
        ("d", "United Nations Office for the Coordination of Humanitarian Affairs"),
        ("e", "OCHA")]}) == 1  # fmt: skip
    assert found[("e", "Unicef")] == found[("f", "UNICEF")]
    assert (
        found[("g", "IFRC")]
        == found[("h", "International Federation of Red Cross and Red Crescent Societies")]
    )


def test_a_body_spelt_out_with_two_small_words_or_an_and_in_it_is_one_mention():
    text = (
        "The United Nations Office for the Coordination of Humanitarian Affairs (OCHA) said "
        "so. The International Federation of Red Cross and Red Crescent Societies agreed, "
        "as did the Libyan Red Crescent and the Main Directorate of Intelligence."
    )
    found = [(m.name, m.type) for m in find_mentions(text, split_sentences(text))]
    assert found == [
        ("United Nations Office for the Coordination of Humanitarian Affairs (OCHA)", "org"),
        ("OCHA", "org"),
        ("International Federation of Red Cross and Red Crescent Societies", "org"),
        ("Libyan Red Crescent", "org"),
        ("Main Directorate of Intelligence", "org"),
    ]
