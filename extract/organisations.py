"""Shipped knowledge about organisations: what no string similarity can find.

- `ACRONYMS`: well-known, story-independent agencies, armed forces, ministries and
  international bodies, by the short form outlets write without spelling it out
  ("AFP", "IDF"). An article that spells an acronym out in parentheses defines it for
  itself, and that definition wins in its article (extract/resolve.py).
- `MINISTRY_SUBJECTS`: words of a ministry's or department's subject that name the same
  portfolio ("Internal Affairs" = "the Interior"), so "Interior Ministry", "Ministry of the
  Interior" and "Ministry of Internal Affairs" compare equal.
- `LEGAL_FORMS`: company-form suffixes that never tell two companies apart
  ("BAC Consulting KFT" = "BAC Consulting Ltd" = "BAC Consulting").
- `DESCRIPTORS`: words that say what kind of company a name is, so that "BAC" alone can be
  "BAC Consulting", "Cairn" "Cairn Energy" (when only one such company is named so).
- `ADMIN_WORDS`: words that make a place its administrative area and name the same place
  in the news ("Kursk Oblast" = "Kursk region" = "Kursk").
"""

from __future__ import annotations

ACRONYMS = {
    # news agencies
    "AP": "Associated Press", "AFP": "Agence France-Presse", "DPA": "Deutsche Presse-Agentur",
    "KCNA": "Korean Central News Agency", "ANSA": "Agenzia Nazionale Stampa Associata",
    # armed forces, security and intelligence services
    "IDF": "Israel Defense Forces", "PLA": "People's Liberation Army", "RAF": "Royal Air Force",
    "KPA": "Korean People's Army", "IRGC": "Islamic Revolutionary Guard Corps",
    "FSB": "Federal Security Service", "SBU": "Security Service of Ukraine",
    "GRU": "Main Intelligence Directorate", "FBI": "Federal Bureau of Investigation",
    "CIA": "Central Intelligence Agency", "NSA": "National Security Agency",
    "DHS": "Department of Homeland Security", "DOJ": "Department of Justice",
    "DoD": "Department of Defense", "MoD": "Ministry of Defence", "MOD": "Ministry of Defence",
    "MFA": "Ministry of Foreign Affairs",
    # armed groups
    "PIJ": "Palestinian Islamic Jihad", "PLO": "Palestine Liberation Organization",
    "PKK": "Kurdistan Workers' Party", "ISIS": "Islamic State", "ISIL": "Islamic State",
    # international bodies
    "WHO": "World Health Organization", "IMF": "International Monetary Fund",
    "WTO": "World Trade Organization", "ILO": "International Labour Organization",
    "IAEA": "International Atomic Energy Agency", "ICC": "International Criminal Court",
    "ICJ": "International Court of Justice", "ICRC": "International Committee of the Red Cross",
    "UNHCR": "UN High Commissioner for Refugees", "UNICEF": "United Nations Children's Fund",
    "UNESCO": "United Nations Educational, Scientific and Cultural Organization",
    "UNDP": "United Nations Development Programme", "WFP": "World Food Programme",
    "UNSC": "UN Security Council", "OPEC": "Organization of the Petroleum Exporting Countries",
    "OSCE": "Organization for Security and Co-operation in Europe",
    "OECD": "Organisation for Economic Co-operation and Development",
    "ECB": "European Central Bank", "AU": "African Union",
    "ASEAN": "Association of Southeast Asian Nations", "MSF": "Doctors Without Borders",
    "HRW": "Human Rights Watch", "NHS": "National Health Service",
    "NATO": "North Atlantic Treaty Organization",
    "IFRC": "International Federation of Red Cross and Red Crescent Societies",
    "OCHA": "United Nations Office for the Coordination of Humanitarian Affairs",
    "IOM": "International Organization for Migration",
    "WMO": "World Meteorological Organization", "FAO": "Food and Agriculture Organization",
    "UNRWA": "United Nations Relief and Works Agency", "UNFPA": "United Nations Population Fund",
    "OHCHR": "Office of the United Nations High Commissioner for Human Rights",
    "IRC": "International Rescue Committee", "USAID": "United States Agency for International "
    "Development", "FEMA": "Federal Emergency Management Agency",
    "NOAA": "National Oceanic and Atmospheric Administration",
    "NWS": "National Weather Service", "USGS": "United States Geological Survey",
    "EMSC": "European-Mediterranean Seismological Centre",
    "CDC": "Centers for Disease Control and Prevention",
    "ECDC": "European Centre for Disease Prevention and Control",
    "UNEP": "United Nations Environment Programme",
}  # fmt: skip
# Acronyms outlets also write as words ("Unicef", "Nato"): the same bodies.
ACRONYMS |= {short.capitalize(): long for short, long in ACRONYMS.items() if len(short) >= 4}

# Subject phrases of one portfolio, each to the word it is compared by (lower case, after
# "the" is dropped); checked longest first.
MINISTRY_SUBJECTS = {
    "internal affairs": "interior", "home affairs": "interior", "interior affairs": "interior",
    "foreign affairs": "foreign", "external affairs": "foreign", "defense": "defence",
    "national defence": "defence", "national defense": "defence", "public health": "health",
    "national education": "education", "labor": "labour", "transportation": "transport",
    "economic affairs": "economy", "economics": "economy", "finances": "finance",
    "emergency situations": "emergencies", "justice and public security": "justice",
}  # fmt: skip
MINISTRY_WORDS = frozenset({"ministry", "department"})

LEGAL_FORMS = frozenset(
    "ltd limited inc incorporated llc plc kft gmbh ag nv bv spa pty sarl srl zrt co".split()
)
DESCRIPTORS = frozenset(
    """consulting consultancy consultants group holdings holding company corporation corp
    international industries enterprises technologies technology systems solutions ventures
    partners energy oil gas petroleum airlines airways motors pharmaceuticals telecom
    telecoms electronics resources mining steel""".split()
)
ADMIN_WORDS = frozenset("region oblast province governorate prefecture krai raion".split())

# Words of a portfolio after a title's "of" or "for" ("Secretary of State", "Minister of
# Foreign Affairs and Trade"): the title goes on over them, the person's name comes after.
PORTFOLIO_WORDS = frozenset(
    """State Defense Defence Foreign Affairs Trade Health Education Interior Internal Home
    Homeland Security Justice Finance Finances Economy Economic Economics Labour Labor
    Employment Energy Environment Agriculture Transport Transportation Culture Sport Sports
    Science Sciences Technology Industry Industries Commerce Information Communications
    Tourism Veterans Housing Development Planning Public National Social Welfare Emergency
    Emergencies Situations Digital Water Fisheries Food Rural Mines Mining Petroleum Oil Gas
    Women Youth Children Family Families Religious Human Rights International Cooperation
    Relations European Integration Treasury Budget Climate Action Innovation Research
    Infrastructure Regional Local Government Business Work Pensions Equality Media Arts
    Heritage Immigration Citizenship Borders Revenue Customs Intelligence External Overseas
    Commonwealth Reconstruction Communities Care Services Safety Policy Strategy Industrial
    Strategic Military Naval Air Land Nuclear Space Affairs""".split()
)

# First words that make a name a place's, never a person's: "Santa Monica", "County Durham".
PLACE_PREFIXES = frozenset(
    """St Saint Santa San Sao New North South East West Northern Southern Eastern Western
    Central Upper Lower Greater Old Deep County Lake Mount Mt Port Fort Cape Gulf Bay Isle
    Glen Little Great Middle Far Near Pacific Atlantic Royal Holy""".split()
)
