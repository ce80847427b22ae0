"""Shipped knowledge: places, demonyms, titles and the alias table.

Aliases that no string similarity can find (DPRK = North Korea, US = United States) are
listed here and checked before any fuzzy matching.
"""

from __future__ import annotations

COUNTRIES = frozenset(
    """Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan
    Bahrain Bangladesh Belarus Belgium Bolivia Bosnia Brazil Bulgaria Cambodia Cameroon
    Canada Chad Chile China Colombia Congo Croatia Cuba Cyprus Czechia Denmark Ecuador
    Egypt Eritrea Estonia Ethiopia Finland France Georgia Germany Ghana Greece Guatemala
    Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Japan
    Jordan Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Libya Lithuania
    Luxembourg Malaysia Mali Malta Mexico Moldova Mongolia Montenegro Morocco Mozambique
    Myanmar Namibia Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan
    Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia
    Rwanda Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland
    Syria Taiwan Tajikistan Tanzania Thailand Tunisia Turkey Turkmenistan Uganda Ukraine
    Uruguay Uzbekistan Venezuela Vietnam Yemen Zambia Zimbabwe""".split()
) | frozenset(
    {
        "North Korea", "South Korea", "United States", "United Kingdom", "Saudi Arabia",
        "South Africa", "New Zealand", "Sri Lanka", "North Macedonia", "Ivory Coast",
        "United Arab Emirates", "Czech Republic", "Dominican Republic", "Costa Rica",
        "El Salvador", "Hong Kong", "Gaza", "West Bank", "Europe", "Asia", "Africa",
    }
)  # fmt: skip
PLACES = (
    COUNTRIES
    | frozenset(
        """Kursk Moscow Pyongyang Seoul Kyiv Kiev Kharkiv Odesa Donetsk Luhansk Crimea Mariupol
    Bakhmut Belgorod Bryansk Vladivostok Ussuriysk Khabarovsk Blagoveshchensk Siberia
    Washington London Paris Berlin Brussels Tokyo Beijing Vienna Helsinki Warsaw Tehran
    Jerusalem Istanbul Ankara Minsk Rome Madrid Geneva Tallinn Riga Vilnius Busan
    Incheon Chicago Boston Texas California Florida Scotland Wales England Manchester
    Liverpool Birmingham Leeds Glasgow Edinburgh Cardiff Belfast Dublin Barcelona Milan
    Munich Amsterdam Athens Sydney Melbourne Toronto Mumbai Delhi Shanghai Lisbon
    Stockholm Oslo Copenhagen Prague Budapest Bucharest Sofia Belgrade Zagreb Kabul
    Baghdad Damascus Cairo Lagos Nairobi Johannesburg Riyadh Dubai Doha Karachi
    Islamabad Dhaka Bangkok Jakarta Manila Hanoi Osaka Kyoto Havana Caracas Bogota Lima
    Santiago Quito""".split()
    )
    | frozenset(
        {
            "Far East",
            "New York",
            "Russian Far East",
            "Los Angeles",
            "St Petersburg",
            "Carolinas",
            "Appalachia",
        }
    )
)

DEMONYMS = {
    "North Korean": "North Korea", "North Koreans": "North Korea",
    "South Korean": "South Korea", "South Koreans": "South Korea",
    "Ukrainian": "Ukraine", "Ukrainians": "Ukraine", "Russian": "Russia", "Russians": "Russia",
    "American": "United States", "Americans": "United States", "Chinese": "China",
    "Japanese": "Japan", "Iranian": "Iran", "German": "Germany", "French": "France",
    "British": "United Kingdom", "Korean": "Korea", "Soviet": "Soviet Union",
    "Israeli": "Israel", "European": "Europe", "Polish": "Poland", "Finnish": "Finland",
    "Austrian": "Austria", "Australian": "Australia", "Canadian": "Canada",
    "Indian": "India", "Pakistani": "Pakistan", "Afghan": "Afghanistan", "Syrian": "Syria",
    "Iraqi": "Iraq", "Turkish": "Turkey", "Italian": "Italy", "Spanish": "Spain",
    "Dutch": "Netherlands", "Belgian": "Belgium", "Swiss": "Switzerland", "Swedish": "Sweden",
    "Norwegian": "Norway", "Danish": "Denmark", "Irish": "Ireland", "Scottish": "Scotland",
    "Welsh": "Wales", "English": "England", "Mexican": "Mexico", "Brazilian": "Brazil",
    "Nigerian": "Nigeria", "Kenyan": "Kenya", "Egyptian": "Egypt", "Saudi": "Saudi Arabia",
    "Palestinian": "Palestine", "Lebanese": "Lebanon", "Greek": "Greece",
    "Belarusian": "Belarus", "Czech": "Czechia", "Hungarian": "Hungary",
    "Romanian": "Romania", "Serbian": "Serbia", "Vietnamese": "Vietnam", "Thai": "Thailand",
    "Indonesian": "Indonesia", "Taiwanese": "Taiwan", "Georgian": "Georgia",
    "Estonian": "Estonia", "Latvian": "Latvia", "Lithuanian": "Lithuania",
    "Albanian": "Albania", "Algerian": "Algeria", "Angolan": "Angola",
    "Argentine": "Argentina", "Argentinian": "Argentina", "Armenian": "Armenia",
    "Azerbaijani": "Azerbaijan", "Bahraini": "Bahrain", "Bangladeshi": "Bangladesh",
    "Bolivian": "Bolivia", "Bosnian": "Bosnia", "Bulgarian": "Bulgaria",
    "Cambodian": "Cambodia", "Cameroonian": "Cameroon", "Chadian": "Chad",
    "Chilean": "Chile", "Colombian": "Colombia", "Congolese": "Congo",
    "Costa Rican": "Costa Rica", "Croatian": "Croatia", "Cuban": "Cuba",
    "Cypriot": "Cyprus", "Dominican": "Dominican Republic", "Ecuadorian": "Ecuador",
    "Salvadoran": "El Salvador", "Eritrean": "Eritrea", "Ethiopian": "Ethiopia",
    "Ghanaian": "Ghana", "Guatemalan": "Guatemala", "Haitian": "Haiti",
    "Honduran": "Honduras", "Icelandic": "Iceland", "Ivorian": "Ivory Coast",
    "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kosovar": "Kosovo", "Kuwaiti": "Kuwait",
    "Kyrgyz": "Kyrgyzstan", "Laotian": "Laos", "Libyan": "Libya", "Libyans": "Libya",
    "Luxembourgish": "Luxembourg", "Malaysian": "Malaysia", "Malian": "Mali",
    "Maltese": "Malta", "Moldovan": "Moldova", "Mongolian": "Mongolia",
    "Montenegrin": "Montenegro", "Moroccan": "Morocco", "Moroccans": "Morocco",
    "Mozambican": "Mozambique", "Burmese": "Myanmar", "Namibian": "Namibia",
    "Nepali": "Nepal", "Nepalese": "Nepal", "New Zealander": "New Zealand",
    "Nicaraguan": "Nicaragua", "Nigerien": "Niger", "Macedonian": "North Macedonia",
    "Omani": "Oman", "Panamanian": "Panama", "Paraguayan": "Paraguay", "Peruvian": "Peru",
    "Filipino": "Philippines", "Philippine": "Philippines", "Portuguese": "Portugal",
    "Qatari": "Qatar", "Rwandan": "Rwanda", "Singaporean": "Singapore",
    "Slovak": "Slovakia", "Slovenian": "Slovenia", "Somali": "Somalia",
    "South African": "South Africa", "Sri Lankan": "Sri Lanka", "Sudanese": "Sudan",
    "Tajik": "Tajikistan", "Tanzanian": "Tanzania", "Tunisian": "Tunisia",
    "Turkmen": "Turkmenistan", "Ugandan": "Uganda", "Emirati": "United Arab Emirates",
    "Uruguayan": "Uruguay", "Uzbek": "Uzbekistan", "Venezuelan": "Venezuela",
    "Venezuelans": "Venezuela", "Yemeni": "Yemen", "Zambian": "Zambia",
    "Zimbabwean": "Zimbabwe",
}  # fmt: skip

# Known alternative names, resolved before fuzzy matching: alias -> canonical.
ALIASES = {
    "DPRK": "North Korea", "Democratic People's Republic of Korea": "North Korea",
    "Democratic People’s Republic of Korea": "North Korea", "N. Korea": "North Korea",
    "ROK": "South Korea", "Republic of Korea": "South Korea",
    "US": "United States", "U.S.": "United States", "USA": "United States",
    "U.S.A.": "United States", "United States of America": "United States",
    "America": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "Russian Federation": "Russia", "Kiev": "Kyiv", "UN": "United Nations",
    "U.N.": "United Nations", "EU": "European Union", "E.U.": "European Union",
    # Countries known by another name, old or new.
    "Burma": "Myanmar", "Türkiye": "Turkey", "Turkiye": "Turkey", "Holland": "Netherlands",
    "Côte d'Ivoire": "Ivory Coast", "Côte d’Ivoire": "Ivory Coast", "Cote d'Ivoire": "Ivory Coast",
    "East Timor": "Timor-Leste", "Swaziland": "Eswatini", "Persia": "Iran",
}  # fmt: skip

PERSON_TITLES = frozenset(
    """President Vice Prime Minister Secretary General Chancellor Mr Mrs Ms Miss Dr Prof
    Professor Sen Senator Rep Representative Gov Governor King Queen Prince Pope Sir
    Dame Lieutenant Colonel Col Major Gen Admiral Captain Sgt Spokesperson Spokesman
    Leader Chairman Chairwoman Chief Director Ambassador Foreign Defence Defense Deputy
    Secretary-General CEO Candidate""".split()
)
ORG_WORDS = frozenset(
    """Ministry Service Services Agency Institute Institution Department Council Center
    Centre Administration Office Committee Commission Bureau Army Navy Forces Force
    Parliament Assembly Congress Senate Government Party Union Organization Organisation
    Association University College School Bank Fund Corporation Company Group Foundation
    Court Police Intelligence Command Staff Pentagon Kremlin NATO Images Times Post
    Guardian Bloomberg Reuters News Journal Newsweek Newser Telegraph Herald Tribune
    Press Studies Nations Republic Federation Authority Authorities Cabinet Embassy
    Network Media Labour Democrats Dems Republicans Tories Conservatives United City
    Rovers Athletic Wanderers Boerse Exchange Airlines Airways Motors Records Studios
    Pictures Club Society Trust Confederation Labor Consulting Research Platform Energy
    Agence Crescent Societies Programme Directorate""".split()
)
# Names of events, prizes and competitions: never a person.
EVENT_WORDS = frozenset(
    """Open Cup League Slam Slams Awards Award Olympics Olympic Games Championship
    Championships Festival Prize Show Summit Conference Tour Series Final Finals Trophy
    Marathon Grand War Street Road Square Park Airport Station Bridge Hall Centre Center
    Day Week Year Act Bill Treaty Agreement Plan Hurricane Typhoon Cyclone Storm Tornado
    Earthquake Wildfire""".split()
)
# Capitalised words that begin sentences or headings but name nothing.
NOT_NAMES = frozenset(
    """The A An And But Or If In On At By For From To Of With As This That These Those It
    Its He She They We I You His Her Their Our There Here When While After Before Since
    During Until Although Though However Meanwhile Instead Additionally Earlier Later
    Speaking According Among Analysts Countries Everyone Everything Data Putin's Why
    What Who How Posted Updated Read More Get Tap Install Image Photo Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December File Yet So Also Only Just Not No Yes
    Both All Any Some Several Many Most Other Another Each Every One Two Three Four Five
    Six Seven Eight Nine Ten Will Would Could Should Can May Might Must Has Have Had Is
    Are Was Were Be Been Do Does Did Then Now Still Even Despite Amid Against Between
    Over Under Into Onto Across What's Including Excluding""".split()
)
