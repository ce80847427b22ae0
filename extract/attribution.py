"""Who a sentence attributes its content to, and who each of its figures is said by.

A figure's own clause is read first (`attribute_figure`); a sentence may cite several
sources, one a clause ("the ministry counted 119,000 in Paris, while the union claimed
800,000"), or one a parenthesis ("1.28 million, according to the government (3.5
million, according to the union)"). In the clause (or parenthesis) holding the figure:
a. "(X)" right after the figure's phrase names X ("2.8 million (CGT)");
b. "according to X" names X; where X is a document ("an AFP tally of official figures",
   "a statement by the National Electoral Council", "estimates by cloud monitoring and
   insurance firm Parametrix"), whoever made it; a document nobody made ("preliminary
   data") names nobody;
c. "by X" right after the figure's phrase ("22,000 participants identified by the police");
d. a reporting or counting verb: its subject ("the prefecture counted 15,500"; "put the
   number at 3.5 million"), before the figure or after it ("N ..., the ministry said");
   a second figure of a list carries the verb on ("and the organizers 22,000").
Else the sentence as a whole (`attribute_sentence`), by these rules in order:
1. "according to X" names X (up to the next comma or clause).
2. A speaker after a closing quote: "...,” Mathew Miller told a briefing.
3. A reporting verb (said, told, reported, estimated, ...): its subject, after leading
   adverbials ("On Monday,") and a main clause it is under ("The disruptions came as X
   said") are set aside; "X, a spokesperson for Y, told" keeps both.
4. A pronoun or a definite description as subject ("it said", "The intelligence service
   reports") refers back to the latest attribution in the previous sentences that it fits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.text import trie

_VERBS = (
    r"said|says|say|told|tells|reported|estimated|confirmed|confirms|stated|revealed|reveals"
    r"|mentioned|explained|stressed|emphasised|emphasized|insisted|argued|asserted|alleged"
    r"|conceded|specified|clarified|underlined|highlighted"
    r"|noted|suggested|suggests|believes|believed|warned|warns|tracked|assessed|assesses"
    r"|added|adds|claimed|announced|announces|accused|accuses|suspects|suspected|denied"
    r"|denies|dismissed|acknowledged|admitted|indicated|indicates|showed|cited|wrote|writes"
    r"|unveiled|proposed|pledged|promised|forecast|predicted|calculated|counted|recorded"
    r"|registered|tallied|recalled|assured|listed|found|released|issued|published|disclosed"
    r"|discloses|tweeted|posted"
)
# Verbs that give a figure as their object, not only report speech: the subject counted it.
_COUNTING = (
    r"counted|counts|recorded|records|registered|registers|tallied|tallies|listed|lists"
    r"|reported|estimated|estimates|claimed|found|finds|gave|gives|put|puts|said|says"
    r"|announced|calculated|recalled|showed|shows|analy[sz]ed|reviewed|examined|processed"
    r"|released|issued|published|predicted|forecast|disclosed|discloses"
)
_SPEECH = frozenset({"said", "says", "told", "tells"})
# Words that are as often nouns ("EU states", "media reports"): verbs only before "that".
_VERBS_BEFORE_THAT = r"reports|report|estimates|estimate|states|claims|notes|shows"
_VERB = re.compile(
    rf"\b(?:has |have |had |also |previously |earlier )?"
    rf"(?P<verb>(?:{trie(_VERBS.split('|'))})|(?:{trie(_VERBS_BEFORE_THAT.split('|'))})"
    rf"(?=\s+that\b))\b(?!\s+(?:to|the lives|lives|the life)\b)"
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:()“”\"]+)", re.I)
_CITING = re.compile(
    r"\bciting\s+(?:an?\s+|the\s+)?(?P<who>[^,.;:“”\"]{3,80}?)\s+(?:that|as saying)\b", re.I
)
_QUOTE_SPEAKER = re.compile(
    rf"(?:[,.!?][”\"]|”)\s*,?\s*(?P<who>[^“”\"]{{2,120}}?)\s+(?:{_VERBS})\b", re.S
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:on|in|at|by|earlier|later|late|early|last|this|meanwhile|however|additionally|"
    r"instead|also|then|amid|after|before|since|speaking|asked|when|while|but|and|yet|"
    r"separately|previously|now|still|so|thus|today|yesterday|overall|as|in contrast|"
    r"\w+ing)\b",
    re.I,
)
# A clause of its own between a verb and the figure: "officials said X, but Y is thought to
# have £2bn" does not attribute the £2bn to the officials.
_NEW_CLAUSE = re.compile(r"[,;]\s+(?:but|while|whereas|although|though)\b|;")


def _cut_off(between: str) -> bool:
    """Whether what stands between a verb and a figure makes the figure a clause of its
    own. Semicolons after "reported that" or a colon separate the items of what was
    reported ("CNN reported that 19 had died in South Carolina; 17 in Georgia")."""
    if re.match(r"\s*(?:that\b|:)", between):
        return bool(re.search(r"[,;]\s+(?:but|while|whereas|although|though)\b", between))
    return bool(_NEW_CLAUSE.search(between))


_INVERTED_SPEAKER = re.compile(
    r"[,”\"]\s+(?:said|says|added|adds|told reporters|announced|reported|noted)\s+"
    r"(?P<who>[^,.;“”\"]{2,80}?)(?:[.;]?[”\"]?$|\s+(?:in|at|on|during|via|through)\s|,)"
)
_CONJUNCTION = re.compile(r"^(?:but|and|yet|so)\s+", re.I)
_NOUN_USE = re.compile(r"\b(?:amid|the|of|these|those|such|unconfirmed|recent|a|final)\s*$", re.I)
_TRAILING_TIME = re.compile(
    r"\s+(?:(?:last|this|earlier|later|on|in)\s+)+(?:week|month|year|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|morning|evening|night)s?$",
    re.I,
)
_TRAILING_AGE = re.compile(r",\s*\d{1,3}$")  # "Spacey, 45"
_TRAILING_ADVERB = re.compile(r"\s+(?:now|also|still|already|then|later|too|however)$", re.I)
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "her", "him", "them"})
_NOBODY = frozenset({"everybody", "everyone", "nobody", "someone", "somebody", "anyone", "all"})
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_MAX_WORDS = 10
_MAX_NAME_WORDS = 14
_ACRONYM = re.compile(r"[A-Z]{2,}s?")


# Nouns that name a source even without a capital letter ("the ministry said").
SOURCE_NOUNS = frozenset(
    """official officials spokesperson spokesman spokeswoman spokespeople ministry minister
    ministers agency department government administration intelligence service police
    military army force forces report reports survey study research researchers data figures
    statistics analyst analysts economist economists expert experts source sources media
    company firm bank group lawyers lawyer prosecutors prosecutor court judge officer
    officers commander authorities authority organisers organizers union unions council
    committee regulator watchdog institute agency campaigners critics observers
    investigators witnesses residents doctors scientists estimates estimate poll polls
    newspaper paper broadcaster channel network website statement documents president
    chairman chief executive director secretary manager coach spokesmen opposition
    prefecture prefect confederation federation governor mayor coroner hospital hospitals
    rescuers publication outlet review tally count authority electoral commission junta regime
    cabinet presidency
    ministries workers staff""".split()
)
_NOT_IN_A_SOURCE = frozenset(
    """is was are were be been being has have had would will could should may might can
    cannot not but if when while because although though since until so than then there
    here this these those which what who whom whose how why where comes came goes went
    won lost""".split()
)
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|\\d+"
_DATE_WORD = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)


def looks_like_source(who: str, speaking: bool = False) -> bool:
    """A noun phrase that can be a source: a name, a role, a pronoun; not a clause. One
    `speaking` ("..., the harbour master said.") may be any person or body described."""
    words = re.findall(r"[\w'’-]+", who)
    if not words or re.match(r"\d", who):
        return False
    if len(words) > (_MAX_NAME_WORDS if _is_name(who) else _MAX_WORDS):
        return False  # a clause; but "the United Nations Office for the Coordination of ..."
    if re.match(rf"(?:{_NUMBER_WORDS})\b|(?:he|she|it|they|we|i|you)['’]", who, re.I):
        return False  # "Two outstanding pieces of play", "He's very talented"
    if _DATE_WORD.match(who) or re.search(r"\d|%", who):
        return False  # "February 16", "Monday", "Maduro obtained 51.2%"
    if re.match(r"(?:on|in|at|via|through|from|to|by|with|for|after|during|over)\b", who, re.I):
        return False  # "on Facebook", "in a statement"
    lower = [w.lower() for w in words]
    if lower[0] in _PRONOUNS:
        return len(words) == 1 and lower[0] not in ("i", "you")
    if lower[0] in _NOBODY:
        return False
    if any(w.lower() in _NOT_IN_A_SOURCE for w in words if not _ACRONYM.fullmatch(w)):
        return False  # a clause; but "the World Health Organization (WHO)" is a name
    if any(w[0].isupper() for w in words[1:]) or (
        words[0][0].isupper() and lower[0] not in ("the", "a", "an", "this", "that")
    ):
        return True  # a name
    if (
        speaking
        and lower[0] in ("the", "a", "an", "his", "her", "its", "their")
        and len(words) <= 5
    ):
        return True
    return any(w.rstrip("s") in SOURCE_NOUNS or w in SOURCE_NOUNS for w in lower)


_EDGE_WORDS = re.compile(r"^(?:and|or|but|so)\s+|\s+(?:and|or|but)$", re.I)
_EDGE_PUNCTUATION = " ,;:-–—\"“”'‘’"


def _tidy(who: str, speaking: bool = False) -> str | None:
    who = re.sub(r"\s+", " ", who).strip(_EDGE_PUNCTUATION)
    who = _TRAILING_ADVERB.sub("", _TRAILING_TIME.sub("", who)).strip(_EDGE_PUNCTUATION)
    who = _EDGE_WORDS.sub("", _TRAILING_AGE.sub("", who)).strip(_EDGE_PUNCTUATION)
    if not who or not looks_like_source(who, speaking):
        return None
    return who


# Non-restrictive modifiers set off by commas: never the subject ("Machado, whose support
# was ..., said"; "An analysis by the AP, published Saturday, found").
_MODIFIER = re.compile(
    r"^(?:who|whom|whose|which|where|known|based|located|founded|published|released"
    r"|controlled|led|backed|run|owned|appointed|elected|speaking|writing|quoted|cited"
    r"|according|also|itself|himself|herself|themselves)\b|(?-i:[a-z]+ing)\b",
    re.I,
)
# A description after a name, with or without its article: "Elvis Amoroso, head of the
# National Electoral Council"; "Jeon Ha-kyou, a spokesperson for Seoul's defence ministry".
_DESCRIPTION = re.compile(
    r"^(?:(?:a|an|the)\s+[a-z]|(?:(?-i:[A-Z][\w'’-]*)\s+){0,3}(?:head|chief|president|leader"
    r"|director|chairman|chairwoman"
    r"|spokesman|spokeswoman|spokesperson|secretary|minister|founder|governor|mayor|deputy"
    r"|member|commander|editor|author|ceo|owner|coordinator|representative|envoy"
    r"|ambassador|official|adviser|advisor)\b)",
    re.I,
)


# A dateline opening a story is where it was written, not who speaks: "UNITED NATIONS (AP)
# — The Biden administration said"; "NEW TAIPEI, Taiwan (Reuters) -The model".
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .'’-]{1,30})?\s*(?:\([^()]{1,30}\))?\s*[—–-]+\s*"
)


# A kicker opening a sentence labels the story, not who speaks: "Odisha Train Accident:
# Odisha Chief Secretary PK Jena said the death count stands at 233".
_KICKER = re.compile(r"^\s*(?:[A-Z][\w'’-]*\s+){0,5}[A-Z][\w'’-]*:\s+")


# A main clause before a reporting verb's own: "The disruptions came as X said", "This is as
# X said on Thursday that ...", "Shares fell after X reported": the subject follows it.
_SUBORDINATE = re.compile(
    r"^[^,;“”\"]{3,80}?\s(?:came|comes|is|was|were|are|happened|fell|rose|dropped)\s+"
    r"(?:as|after|when|while|because|since)\s+",
    re.I,
)


def _subject(prefix: str, figure_before_verb: bool) -> str | None:
    """The subject of a reporting verb from the text before it."""
    prefix = _KICKER.sub("", _DATELINE.sub("", prefix))
    if under := _SUBORDINATE.search(prefix):
        prefix = prefix[under.end() :]  # "The disruptions came as CrowdStrike said": its subject
    segments = [s.strip() for s in re.split(r",(?![^()]*\))", prefix)]
    while len(segments) > 1 and _LEADING_ADVERBIAL.match(segments[0]):
        if conjunction := _CONJUNCTION.match(segments[0]):
            segments[0] = segments[0][conjunction.end() :]  # "But Mr Brown's advisor Ed Balls"
            if looks_like_source(segments[0]):
                break
        segments.pop(0)
    segments = [s.strip(" -–—•") for s in segments]
    segments = [s for s in segments if s and not _MODIFIER.match(s)]
    if len(segments) == 1:
        segments[0] = _CONJUNCTION.sub("", segments[0])  # "But a Red Crescent representative"
    if not segments or (len(segments) == 1 and _LEADING_ADVERBIAL.match(segments[0])):
        return None
    last = _CONJUNCTION.sub("", segments[-1])
    relative = re.search(r"\s(?:that|which)\s+(?:it|they)$", last)
    if relative and (antecedent := _leading_name(last[: relative.start()])):
        return antecedent  # "the NEC posted results on Friday that it said": the NEC
    if figure_before_verb or len(segments) == 1:
        # "N people took to the streets, the interior ministry said": the last is all.
        named = len(segments) >= 2 and _DESCRIPTION.match(last) and _is_name(segments[-2])
        if named and (who := _tidy(f"{segments[-2]}, {last}")):
            return who
        return _as_maker(last)
    # A list subject: "The U.S., Ukraine, and South Korea have accused"; else its last part
    # ("Witnesses have a right to a copy ..., but the opposition said").
    if len(segments) >= 2 and _DESCRIPTION.match(last) and _is_name(segments[-2]):
        return _tidy(f"{segments[-2]}, {last}") or _tidy(segments[-2])
    return _tidy(", ".join(segments)) or _as_maker(last)


def _as_maker(phrase: str) -> str | None:
    """A subject as a source: the phrase, or the maker of the document it names ("A poll
    from Edison Research"), or the noun phrase right before the verb when the phrase is a
    clause ("the 5.15 million votes the electoral authority")."""
    return _maker(phrase) or _trailing_np(phrase)


_NP_STOP = frozenset(
    """is was are were be been being has have had would will could should may might can
    that which who whom whose what when where while because although though since until if
    than then so to of in on at by for with from into onto over under about after before
    against between among during without through and or but not no also said says told
    votes people percent""".split()
)


def _leading_name(phrase: str) -> str | None:
    """The name a clause begins with, its article included: "the NEC posted results": the
    NEC."""
    taken: list[str] = []
    for word in phrase.split():
        if word[:1].isupper() or (not taken and word.lower() in ("the", "a", "an")):
            taken.append(word)
        else:
            break
    return _tidy(" ".join(taken)) if any(w[:1].isupper() for w in taken) else None


def _trailing_np(phrase: str) -> str | None:
    """The noun phrase a phrase ends with: its words back to a determiner or to a word no
    subject holds ("the 5.15 million votes the electoral authority": the electoral
    authority)."""
    words = phrase.split()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip(",;:()“”\"'").lower()
        if not bare or bare in _NP_STOP or re.search(r"\d", bare):
            break
        if taken and re.search(r"[,;:”\")]$", word):
            break  # punctuation ends the phrase before it
        taken.insert(0, word)
        if bare in ("the", "a", "an", "its", "their", "his", "her"):
            break
    if len(taken) == len(words) or not taken:
        return None  # the whole phrase was tried already
    return _tidy(" ".join(taken))


_CUE_WORDS = f"according to|citing|put|puts|{_VERBS}|{_VERBS_BEFORE_THAT}".split("|")
_CUE = re.compile(rf"\b(?:{trie(_CUE_WORDS)})\b")


def names_a_source(sentence: str) -> bool:
    """Cheap test: could this sentence name a source at all? Most sentences cannot."""
    return bool(_CUE.search(sentence.lower()))


def attribute_sentence(sentence: str, figure_at: int | None = None) -> str | None:
    """The source named in this sentence alone, if any."""
    lower = sentence.lower()
    according = _ACCORDING.search(sentence) if "according to" in lower else None
    if according:
        who = _maker(according.group("who"))
        return _ARTICLE.sub("", who) if who else None
    quote = _QUOTE_SPEAKER.search(sentence) if ("”" in sentence or '"' in sentence) else None
    if quote and (who := _tidy(quote.group("who"))):
        return who
    inverted = _INVERTED_SPEAKER.search(sentence)
    if (
        inverted
        and (figure_at is None or figure_at < inverted.start())
        and (who := _tidy(inverted.group("who")))
    ):
        return who  # "..., said Mr Allard."
    citing = _CITING.search(sentence) if "citing" in lower else None
    # "a report citing an official that as many as 40"
    if (
        citing
        and (figure_at is None or figure_at > citing.end())
        and (who := _tidy(citing.group("who")))
    ):
        return who
    verbs = [
        v
        for v in _VERB.finditer(sentence)
        if not _NOUN_USE.search(sentence[max(0, v.start() - 20) : v.start()])
    ]
    if figure_at is not None:
        # Verbs cut off from the figure by a clause of their own do not govern it.
        verbs = [
            v for v in verbs
            if v.start() > figure_at or not _cut_off(sentence[v.end() : figure_at])
        ]  # fmt: skip
        before = [v for v in verbs if v.start() < figure_at]
        if before:
            # A speech verb before the figure governs it ("Balls said an examination showed
            # £35bn": Balls is the claimant); else the reporting verb nearest before it.
            speech = [v for v in before if v.group("verb") in _SPEECH]
            chosen = speech[0] if speech else max(before, key=lambda v: v.start())
            verbs = [chosen, *(v for v in verbs if v is not chosen)]
    for verb in verbs:
        clause_start = max((v.end() for v in verbs if v.end() <= verb.start()), default=0)
        prefix = sentence[clause_start : verb.start()]
        if sentence[: verb.start()].count("“") > sentence[: verb.start()].count("”"):
            continue  # a verb inside a quotation is not the attribution
        if sentence[: verb.start()].count('"') % 2:
            continue
        prefix = re.sub(r"\b(?:that|who|which)\s*$", "", prefix.rstrip())
        # "The junta, confronting challenges from ethnic armed insurgents, reported that"
        prefix = re.sub(r",\s+[a-z]+ing\b[^,]*,?\s*$", " ", prefix)
        # "..., the Financial Times has reported." ends the sentence: its subject is the
        # last clause, as when the figure comes before the verb.
        at_end = not sentence[verb.end() :].strip(" .”\"'")
        figure_first = (figure_at is not None and figure_at < verb.start()) or at_end
        who = _subject(prefix, figure_first)
        if who:
            return who
    return None


def is_back_reference(who: str) -> bool:
    """A pronoun or a definite description that needs an earlier sentence to mean anything."""
    lower = who.lower()
    if lower in _PRONOUNS:
        return True
    return lower.startswith("the ") and not any(w[0].isupper() for w in who.split()[1:])


def resolve_back_reference(
    who: str, earlier: list[str | None], last_person: str | None = None
) -> str | None:
    """What `who` refers to: the person last named for "he"/"she", the latest attribution
    that fits for "it" or "the intelligence service". None for a pronoun that refers to
    nothing found; `who` itself for a description that fits nothing earlier.
    """
    lower = who.lower()
    candidates = [e for e in reversed(earlier[-3:]) if e]
    if lower in ("he", "she", "her", "him"):
        # The person named last, else the last source that reads as a person's name: "Vucic
        # said 56 were injured. He said 22 were detained" (a surname alone is no typed person).
        return last_person or next((c for c in candidates if _person_like(c)), None)
    if lower in _PRONOUNS:
        return candidates[0] if candidates else None
    head = lower.split()[-1]
    for candidate in candidates:  # "the union": "the hardline CGT union", whose head it is
        if re.search(rf"\b{re.escape(head)}s?\b(?!\s+[a-z])", candidate.lower()):
            return candidate
    if head in _ANY_BODY:  # "the organization said": the body named last
        return next((c for c in candidates if _BODY.search(c)), who)
    return who


def _person_like(name: str) -> bool:
    words = name.split()
    return (
        1 <= len(words) <= 4
        and _is_name(name)
        and not _BODY.search(name)
        and not name.isupper()
        and words[0].lower() not in ("the", "a", "an")
        and not any(w.lower().rstrip("s") in SOURCE_NOUNS for w in words)
    )


# Words that refer back to whichever body was named last, and what names a body.
_ANY_BODY = frozenset("organization organisation agency body group charity".split())

_BODY = re.compile(
    r"\b(?:Organi[sz]ation|Agency|Crescent|Cross|Ministry|Council|Committee|Office|Fund"
    r"|Programme|Program|Nations|Union|Federation|Association|Society|Societies|Service"
    r"|Department|Commission|Authority|Institute|Bank|Company|Corporation|Group|Party"
    r"|Army|Forces?|Police)\b|^(?:the\s+)?[A-Z]{2,}$"
)


# ---- a figure's own clause ---------------------------------------------------------------

# Where a clause of its own begins: a source of its own may follow ("..., while the
# Confederation claimed 800,000").
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:while|whereas|but|although|though|and)\s|\s[–—]\s|\s-\s|,\s*(?=according to\b)"
    r"|(?<=\d),\s+(?=[a-z]+\s+[a-z]+\s+\d)"
)
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_SOURCE_AFTER = re.compile(  # "2.8 million (CGT)", "1.27 million ( police)"
    r"^(?:\s+[a-z][\w’'-]*){0,3}\s*\(\s*(?P<who>[^()\d][^()]{0,48}?)\s*\)"
)
_AGENT_AFTER = re.compile(  # "22,000 participants identified by the police", "30,000 by the unions"
    r"^(?:\s+[a-z][\w’'-]*){0,3}?\s+by\s+(?P<who>(?:the\s+)?[A-Za-z][\w’'-]*(?:\s+[\w’'-]+){0,5}?)"
    r"(?=\s*(?:[,.;:)–—-]|$|\s(?:and|while|but|in|on|at|for|to|as|who|which|that)\b))"
)
_NOT_AN_AGENT = re.compile(
    r"^(?:the\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|more|less|about|around"
    r"|nearly|almost|half|a\s+(?:third|quarter|half)|january|february|march|april|may|june"
    r"|july|august|september|october|november|december|end|time|then|now|far|force|car|bus"
    r"|train|air|road|sea|phone|email|hand)\b",
    re.I,
)
# "according to X", and who made X where the text says so next: "according to the first
# official bulletin, presented by the National Electoral Council".
_ACCORDING_IN = re.compile(
    r"\b(?:according to|per)\s+(?P<who>[^,.;:()“”\"–—]+(?:,\s*(?:presented|published|released"
    r"|issued|compiled|prepared|produced|given|made|drawn up)\s+by\s+[^,.;:()“”\"–—]+)?)",
    re.I,
)
# What a document is ("an AFP tally of official figures"): its maker is the source.
_DOCUMENTS = frozenset(
    """tally count counts figures figure data statement statements report reports analysis
    review estimate estimates poll polls survey bulletin census results numbers records
    calculations assessment count documents document summary""".split()
)
_MAKER = re.compile(
    r"\b(?:by|from|of)\s+(?P<who>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+|the\s+|for\s+)?"
    r"[A-Z(][\w’'().-]*)*|(?:the\s+)?(?:\w+\s+)?(?:opposition|government|ministry|police"
    r"|union|unions|authorities|organi[sz]ers|council|commission|army|military))"
)
# A maker described before its name: "estimates by cloud monitoring and insurance firm
# Parametrix", "a report by the research group Ipsos".
_DESCRIBED_MAKER = re.compile(
    r"\b(?:by|from)\s+(?:the\s+)?(?:(?:[a-z][\w'-]*|&)\s+){1,6}?"
    r"(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)"
)
_COUNTING_VERB = re.compile(rf"\b(?P<verb>{_COUNTING})\b(?!\s+(?:the lives|lives|the life)\b)")
_GAPPED = re.compile(  # "... counted 15,500 demonstrators and the organizers 22,000"
    r"(?:^|,\s*|\s)(?:and|or|against|while|versus|vs\.?)\s+(?P<who>(?:the\s+)?[\w’'-]+"
    r"(?:\s+[\w’'-]+){0,2})\s*$"
)


def _clause_of(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause (or parenthesis) of the sentence holding the figure at start:end."""
    for inner in _PARENTHESIS.finditer(sentence):
        if inner.start() < start and end <= inner.end():
            return inner.start(1), inner.end(1)
    lo, hi = 0, len(sentence)
    for found in _CLAUSE_BREAK.finditer(sentence):
        if found.end() <= start:
            lo = found.end()
        elif found.start() >= end:
            hi = min(hi, found.start())
            break
    # A parenthesis of its own after the figure is not the figure's clause.
    for inner in _PARENTHESIS.finditer(sentence, end):
        if inner.start() < hi and not _SOURCE_AFTER.match(sentence[end : inner.end()]):
            hi = inner.start()
            break
    return lo, hi


def _maker(document: str) -> str | None:
    """Whoever made a document cited: "an AFP tally of official figures" (AFP), "a
    statement by the National Electoral Council"; None when the phrase names nobody
    ("preliminary data"), and the phrase itself when it is no document ("the ministry")."""
    words = [w.lower() for w in re.findall(r"[\w’'-]+", document)]
    if not any(w in _DOCUMENTS for w in words):
        return _tidy(document)
    if made := _MAKER.search(document) or _DESCRIBED_MAKER.search(document):
        return _tidy(made.group("who"))
    # The maker before the document: "an AFP tally", "the ministry's figures".
    head = next(i for i, w in enumerate(words) if w in _DOCUMENTS)
    before = [w for w in re.findall(r"[\w’'-]+", document)[:head] if w.lower() not in (
        "a", "an", "the", "its", "their", "latest", "new", "official", "preliminary", "final",
        "initial", "first", "early", "own")]  # fmt: skip
    named = " ".join(before).removesuffix("’s").removesuffix("'s")
    if named and named[0].isupper():
        return _tidy(named)
    # "the first report" is a source to cite; "preliminary data" names nobody.
    singular = words[head] not in (
        "data",
        "figures",
        "numbers",
        "results",
        "estimates",
        "statistics",
        "records",
        "counts",
        "calculations",
    )
    return _tidy(document) if singular and words[0] in ("the", "a", "an", "this") else None


def final_speaker(sentence: str) -> str | None:
    """Who a sentence ends by citing ("..., Machado said."; "..., the AP reported."):
    they speak for its figures, whatever a document in it "showed"."""
    ending = _FINAL_VERB.search(sentence)
    if ending is None:
        return None
    said = sentence[: ending.start()]
    if said.count("“") > said.count("”"):
        return None  # inside a quotation
    last = re.split(r",(?![^()]*\))", said)[-1]
    return _subject(said, True) or _tidy(last, speaking=True)


# How a sentence ends citing someone: "..., X said.", "said Sunday", "said on Monday", "said in
# a statement", "told reporters at a news conference".
_WHEN_AND_WHERE = (
    r"(?:\s+(?:on|last|early|late|this)?\s*(?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|yesterday|today|tonight|night|morning|evening|afternoon|week)\b"
    r"|\s+(?:in|at|during|on|via|through|to)\s+(?:an?\s+|the\s+|his\s+|her\s+|its\s+)?"
    r"[\w-]+(?:\s+[\w-]+){0,3}|\s+(?:reporters|journalists|the [A-Z][\w ]{1,30}))*"
)
_FINAL_VERB = re.compile(
    r"(?<=[\w’'”\".)]\s)(?:has |have |had )?(?:said|says|reported|reports|told|added|noted"
    rf"|wrote|announced|stated|tweeted|posted){_WHEN_AND_WHERE}[.!]?[”\"]?\s*$",
    re.I,
)


def attribute_figure(
    sentence: str, start: int, end: int, figures: Sequence[int] = (),
    speaker: str | None = None,
) -> str | None:  # fmt: skip
    """The source named for one figure in its own clause (rules a-d above), else None:
    the sentence's source then speaks for it. `figures`: where the sentence's figures
    begin; an "according to" after this one speaks for it only before the next (one in a
    parenthesis of its own, "51.2% (5,150,092 votes), according to ...", is part of it).
    `speaker`: who the sentence ends by citing (final_speaker), before any verb's subject."""
    lo, hi = _clause_of(sentence, start, end)
    inner = [(m.start(), m.end()) for m in _PARENTHESIS.finditer(sentence)]
    own = next(((a, b) for a, b in inner if a < start and end <= b), None)
    following = [f for f in figures if f > end and not any(a > end and a < f < b for a, b in inner)]
    next_start = following[0] if following else None
    clause_after = sentence[end:hi]
    if (named := _SOURCE_AFTER.match(sentence[end:])) and (who := _tidy(named.group("who"))):
        return who

    def apart(m: re.Match[str]) -> bool:  # in a parenthesis that is not the figure's own
        return any(a < m.start() < b and (a, b) != own for a, b in inner)

    citing = [m for m in _ACCORDING_IN.finditer(sentence) if m.start() >= end
              and (next_start is None or m.start() < next_start) and not apart(m)
              and ";" not in sentence[end : m.start()]]  # fmt: skip
    citing = citing[:1] or [
        m for m in _ACCORDING_IN.finditer(sentence, lo, start) if not apart(m)
        # "According to Vucic, the army estimated ... 88,000": the army's, as it counted
        and not _COUNTING_VERB.search(sentence, m.end(), start)
    ][-1:]  # fmt: skip
    if citing and citing[0].start() >= end:
        relay = _SPEAKER_BEFORE_RELAY.match(sentence[end : citing[0].start()])
        if relay and (who := _tidy(relay.group("who"), speaking=True)):
            return who
    if citing and (
        (citing[0].start() >= end and _REPORT_CITED.match(citing[0].group("who")))
        or citing[0].group("who").split()[0].lower() in ("its", "their", "his", "her")
    ):
        # The one who said it, before the figure, where "according to" names only who
        # relayed it ("X said that ... 2,719 lives, according to a Reuters report") or
        # refers back to the speaker ("The WHO said that according to its assessment").
        said = [v for v in _VERB.finditer(sentence, 0, start) if v.group("verb") in _SPEECH]
        if said and (who := _subject_before(sentence[: said[0].start()])):
            return who
    if citing:
        cited = citing[0].group("who")
        if cited.split()[0].lower() in ("which", "whom", "whose"):
            # "cites a summary of the General Confederation of Labour, according to which"
            cited = sentence[: citing[0].start()].rstrip(" ,").split(",")[-1]
        return _maker(cited)
    if speaker:
        return speaker
    before = sentence[lo:start]
    # A counting verb before the figure, in its clause, and not a participle ("80% of the
    # votes counted, Maduro obtained 51.2%"): its subject counted the figure.
    verbs = [v for v in _COUNTING_VERB.finditer(before)
             if not re.match(r"\s*(?:[,.;]|by\b)", before[v.end() :])
             and not _ADJECTIVE_BEFORE.search(before[: v.start()])]  # fmt: skip
    if verbs:
        # A speech verb governs what it introduces ("Balls said an examination showed
        # £35bn": Balls claims it); else the counting verb nearest the figure.
        speech = [v for v in verbs if v.group("verb") in _SPEECH]
        verb = speech[0] if speech else verbs[-1]
        gapped = _GAPPED.search(before[verb.end() :])
        if (
            gapped
            and "," not in before[verb.end() : gapped.start()]
            and (who := _tidy(gapped["who"]))
        ):
            return who  # "counted 15,500 demonstrators and the organizers 22,000"
        if not _NEW_CLAUSE.search(before[verb.end() :]) and (
            who := _subject_before(before[: verb.start()])
        ):
            return who
    agent = _AGENT_AFTER.match(clause_after) or _AGENT_BEFORE.search(before)
    if agent and not _NOT_AN_AGENT.match(agent["who"]) and (who := _tidy(agent["who"])):
        return who
    # A reporting verb after the figure, its subject right before it ("the 5.15 million
    # votes the electoral authority said Maduro had won").
    after = _VERB.search(clause_after)
    if after and not re.search(r"[“”\"]", clause_after[: after.start()]):  # else a quotation's
        return _trailing_np(clause_after[: after.start()]) or _tidy(clause_after[: after.start()])
    return None


# A participle used as an adjective is no verb: "the number of officially registered deaths".
_ADJECTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|of|officially|newly)\s+$", re.I)
# A speaker of the figure's clause before a relay's "according to": "11,300, the Red
# Crescent said on Thursday, according to the Associated Press": the Red Crescent's.
# What relays a figure rather than claims it: "according to a Reuters report".
_REPORT_CITED = re.compile(
    r"^(?:an?\s+|the\s+)?(?:[\w&.’'-]+\s+){0,3}?(?:report|reports|dispatch|wire|tally)\b", re.I
)
_SPEAKER_BEFORE_RELAY = re.compile(
    rf"^[^;“”\"]*?,\s+(?P<who>[^,;“”\"]{{2,80}}?)\s+(?:has |have |had )?(?:{_VERBS})\b[^;]*?,?\s*$"
)
# "The tally sheets analysed by The Post represented 79%": an agent before the figure.
_AGENT_BEFORE = re.compile(
    r"\b(?:counted|analy[sz]ed|compiled|collected|reviewed|gathered|tallied|estimated"
    r"|recorded|reported|published|released)\s+by\s+(?P<who>(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+[A-Z][\w’'-]*){0,4})(?=[^,;]*$)"
)


def _subject_before(text: str) -> str | None:
    """The subject of a verb from the clause's words before it: relative clauses and
    auxiliaries set aside, then as `_subject` reads it."""
    text = re.sub(r",\s*(?:which|who)\b[^,]*,", ",", text)  # "the council, which is ..., said"
    # "The junta, confronting challenges from ethnic armed insurgents, reported that"
    text = re.sub(r",\s+[a-z]+ing\b[^,]*,\s*$", " ", text)
    # "Min Aung Hlaing in a state-wide televised address said": where, not who
    text = re.sub(
        r"\s+(?:in|during|at|on)\s+(?:an?|the|his|her|their|its)\s+[^,]{0,40}?(?:address|speech"
        r"|interview|statement|briefing|post|conference|broadcast)\s*$", " ", text,
    )  # fmt: skip
    text = re.sub(
        r"(?:\s+(?:has|have|had|was|were|is|also|earlier|previously|later|already|now|just"
        r"|then|reportedly|initially|first|again))+\s*$", "", text.rstrip(), flags=re.I,
    )  # fmt: skip
    text = re.sub(
        r"(?:^|(?<=,\s))(?:where|when|as|after|while|since|because|if|whereas|though"
        r"|although)\s+", "", _LEAD_IN.sub("", text.strip()), flags=re.I,
    )  # fmt: skip
    return _subject(text, True)


def _is_name(text: str) -> bool:
    """Capitalised words only, but for the small words names hold ("Ministry of the
    Interior"): a name, not a clause ("Gauge also exceeded in Pau")."""
    words = re.findall(r"[\w’'-]+", text)
    return bool(words) and all(w[0].isupper() or w.lower() in _SMALL_NAME_WORDS for w in words)


_SMALL_NAME_WORDS = frozenset("of for the and on de al la le du".split())
_LEAD_IN = re.compile(r"^(?:in particular|for its part|however|meanwhile|even)\s*,?\s*", re.I)
