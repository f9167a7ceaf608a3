"""Quantities in a sentence, normalised: value or bounds, unit, vagueness, what is counted and when.

Rules over the shared spaCy parse. Decisions (see also the layer docstring):
- Calendar references are not quantities: years ("2006"), decades ("the 1990s"), dates ("November 3"),
  clock times ("2:00am"), ordinals ("first", "21-century") and numbers inside names ("F-16", "Al-Aqsa 2").
- Durations ("12 days", "33-day war", "75 years") are quantities with unit "days"/"years" and measure
  "duration" (of the thing they qualify, where there is one).
- Plain counts have unit None; the counted thing goes into `measure` ("people killed").
"""

from __future__ import annotations

import itertools
import logging
import re
from typing import TYPE_CHECKING, Any

from spinscope.layers.claims.numbers import HEDGES, SCALES, VAGUE, Amount, read_amount, word_value

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["extract_quantities", "participle"]

logger = logging.getLogger(__name__)

DURATION_UNITS = {"second": "seconds", "minute": "minutes", "hour": "hours", "day": "days", "week": "weeks",
                  "month": "months", "year": "years", "decade": "decades", "century": "centuries"}
PERCENT_WORDS = {"percent", "%", "pct", "percentage"}
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
                  "rial": "IRR", "rials": "IRR", "shekel": "ILS", "shekels": "ILS", "ruble": "RUB", "rubles": "RUB",
                  "roubles": "RUB", "yuan": "CNY", "rupees": "INR", "pesos": "peso", "crowns": "SEK",
                  "kronor": "SEK", "dinar": "dinar", "dinars": "dinar", "riyal": "SAR", "riyals": "SAR",
                  "dirham": "AED", "dirhams": "AED", "lira": "TRY", "liras": "TRY", "yen": "JPY", "hryvnias": "UAH"}
#: A currency word named with its country ("Syrian pounds", "Hong Kong dollars"): the qualifier, lower case, and
#: the code it gives each word it may precede.
_COUNTRY_CURRENCIES = {
    "canadian": {"dollar": "CAD"}, "australian": {"dollar": "AUD"}, "hong kong": {"dollar": "HKD"},
    "singapore": {"dollar": "SGD"}, "new zealand": {"dollar": "NZD"}, "taiwan": {"dollar": "TWD"},
    "zimbabwe": {"dollar": "ZWL"}, "egyptian": {"pound": "EGP"}, "syrian": {"pound": "SYP"},
    "lebanese": {"pound": "LBP"}, "sudanese": {"pound": "SDG"}, "pakistani": {"rupee": "PKR"},
    "sri lankan": {"rupee": "LKR"}, "nepalese": {"rupee": "NPR"}, "mexican": {"peso": "MXN"},
    "argentine": {"peso": "ARS"}, "cuban": {"peso": "CUP"}, "philippine": {"peso": "PHP"},
    "colombian": {"peso": "COP"}, "chilean": {"peso": "CLP"}, "iraqi": {"dinar": "IQD"}, "jordanian": {"dinar": "JOD"},
    "kuwaiti": {"dinar": "KWD"}, "algerian": {"dinar": "DZD"}, "tunisian": {"dinar": "TND"},
    "libyan": {"dinar": "LYD"}, "bahraini": {"dinar": "BHD"}, "serbian": {"dinar": "RSD"}, "qatari": {"riyal": "QAR"},
    "omani": {"rial": "OMR"}, "yemeni": {"rial": "YER", "riyal": "YER"}, "moroccan": {"dirham": "MAD"},
    "swedish": {"crown": "SEK", "krona": "SEK"}, "czech": {"crown": "CZK"},
    "norwegian": {"crown": "NOK", "krone": "NOK"}, "danish": {"crown": "DKK", "krone": "DKK"},
}
MEASURE_UNITS = {"mile": "miles", "miles": "miles", "km": "km", "kilometers": "km", "kilometres": "km",
                 "meters": "m", "metres": "m", "tons": "tons", "tonnes": "tonnes", "kg": "kg", "kilograms": "kg",
                 "acres": "acres", "hectares": "hectares", "barrels": "barrels", "gallons": "gallons",
                 "liters": "liters", "litres": "liters", "units": "units", "square": None, "cubic": None}
IDIOM_HEADS = {"point", "time", "way", "hand", "side", "another", "day"}
#: Units joined to a number by a hyphen before the noun they qualify ("a 2,000-pound bomb"), and what they measure.
_WEIGHTS = {"pound": "lb", "ton": "tons", "tonne": "tonnes", "kilogram": "kg", "kg": "kg", "mile": "miles",
            "kilometer": "km", "kilometre": "km"}
_WEIGHT_WORD = {"lb": "weight", "tons": "weight", "tonnes": "weight", "kg": "weight", "miles": "length",
                "km": "length"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
NAME_ENTS = {"ORG", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "EVENT", "PERSON", "GPE", "LOC", "NORP"}
LIGHT_VERBS = {"be", "have", "say", "include", "become", "remain", "seem", "tell", "do"}
CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "acl", "conj", "parataxis", "csubj"}
IRREGULAR = {"hold": "held", "take": "taken", "leave": "left", "hit": "hit", "shoot": "shot", "build": "built",
             "send": "sent", "give": "given", "make": "made", "lose": "lost", "bring": "brought", "sell": "sold",
             "buy": "bought", "spend": "spent", "write": "written", "see": "seen", "find": "found", "drive": "driven",
             "hide": "hidden", "fight": "fought", "flee": "fled", "begin": "begun", "get": "got", "put": "put",
             "set": "set", "cut": "cut", "run": "run", "win": "won", "steal": "stolen", "throw": "thrown",
             "strike": "struck", "seek": "sought", "feed": "fed", "meet": "met", "keep": "kept", "know": "known",
             "go": "gone", "come": "come", "fall": "fallen", "rise": "risen", "grow": "grown", "pay": "paid",
             "lay": "laid", "lead": "led", "read": "read", "shut": "shut", "spread": "spread", "sink": "sunk",
             "die": "died", "bear": "borne", "break": "broken", "choose": "chosen", "draw": "drawn", "eat": "eaten",
             "forget": "forgotten", "freeze": "frozen", "ride": "ridden", "speak": "spoken", "swim": "swum",
             "tear": "torn", "wear": "worn", "cost": "cost", "fly": "flown", "flee_": "fled", "detain": "detained",
             "blow": "blown", "slay": "slain", "overrun": "overrun", "withdraw": "withdrawn", "bet": "bet",
             "stand": "stood"}
#: Words that make a stretch of time the period a figure covers ("over the past 24 hours", "in the last two weeks",
#: "within the next 48 hours"): that figure's time. The stretch stays a duration of its own too, as the numeric claims
#: annotations count it ("In the past five weeks").
_PERIOD_WORDS = {"past", "last", "previous", "preceding", "next", "coming", "following"}
_CVC = re.compile(r"^[^aeiou]*[aeiou][bdgmnpt]$")
#: Verbs of more than one syllable stressed on the last, whose final consonant doubles ("repel" → "repelled").
_DOUBLING = {"repel", "expel", "compel", "propel", "control", "patrol", "commit", "admit", "omit", "emit", "submit",
             "transmit", "permit", "regret", "occur", "recur", "incur", "refer", "prefer", "confer", "deter",
             "transfer", "rebel", "equip", "kidnap", "acquit", "outstrip", "abet"}
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
_VAGUE_DIGITS = re.compile(r"^\d+0s$")  # "10s", "100s"


def participle(verb: Token) -> str:
    """Return the past participle of a verb ("attack" → "attacked"), the form a measure uses, with its particle
    ("shot down", "blown up")."""
    doc = verb.doc
    # Not the "up" of "up to 2,000", a bound the parser can hang on the verb ("can hold up to 2,000 people").
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1
                 and not (c.lower_ == "up" and c.i + 2 < len(doc) and doc[c.i + 1].lower_ == "to"
                          and _is_number(doc[c.i + 2]))]
    return " ".join([_participle(verb), *particles])


#: Words in -ing that say a state, not an act ("7,000 people were still missing": missing, not "missed").
_STATE_WORDS = frozenset({"missing", "remaining", "surviving"})


def _participle(verb: Token) -> str:
    if verb.lower_ in _STATE_WORDS:
        return verb.lower_
    if verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.lemma_.lower() not in IRREGULAR):
        return verb.text.lower()
    lemma = verb.lemma_.lower()
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    if (_CVC.match(lemma) and len(lemma) <= 4) or lemma in _DOUBLING:
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _is_number(tok: Token) -> bool:
    low = tok.lower_
    if low in VAGUE or _VAGUE_DIGITS.match(low):
        return True
    if tok.tag_ == "CD" or tok.like_num:
        return word_value(low) is not None or low in SCALES or bool(re.match(r"^\d", low))
    return False


def _period(ent: SpacySpan) -> bool:
    """Whether a date entity is a period counted back or forward from now ("the past 24 hours")."""
    words = [t.lower_ for t in ent[:3]]
    return bool(words) and (words[0] in _PERIOD_WORDS or (words[0] == "the" and len(words) > 1
                                                          and words[1] in _PERIOD_WORDS))


def _counted_back(ent: SpacySpan) -> bool:
    """Whether a date entity is a stretch counted back from the report ("the past 24 hours", "the last two weeks",
    "the past few days"), not a calendar reference ("last month", "Last Friday") nor one ahead ("the next week")."""
    words = [t.lower_ for t in ent]
    back = [w for w in words if w in ("past", "last", "previous", "preceding")]
    return bool(back) and any(t.lemma_.lower() in DURATION_UNITS or t.lower_.rstrip("s") in DURATION_UNITS
                              for t in ent) and (back[0] == "past" or any(t.like_num for t in ent))


#: Who "the two ..." names in diplomatic copy ("The two sides should deepen cooperation").
_PARTIES = frozenset({"side", "country", "leader", "head", "nation", "party", "president", "minister", "delegation",
                      "state", "government", "foreign", "team", "man", "woman", "official", "company", "capital"})
#: Parts of a year that a date counts ("the first three quarters of 2024"), which count no thing.
_YEAR_PARTS = frozenset({"quarter", "half"})


def _excluded(tok: Token) -> bool:
    """Calendar references, ordinals and numbers that are part of a name."""
    low = tok.lower_
    doc = tok.doc
    if tok.ent_type_ == "ORDINAL" or ":" in low or re.search(r"\d[-/]\d", low) or low == "911":
        return True  # ordinals, clock times, dates and codes; 911 is a phone number
    if tok.ent_type_ == "TIME" and any(
        t.lower_ in ("am", "pm", "a.m.", "p.m.", "o'clock") for t in doc[tok.i : tok.i + 3]
    ):
        return True
    if "year-old" in doc[tok.i : tok.i + 5].text.replace(" ", "") or "years old" in doc[tok.i : tok.i + 4].text:
        return True  # ages describe a person; they are not counted claims
    if tok.i + 2 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text in ("-", "/") \
            and not doc[tok.i + 1].whitespace_ and doc[tok.i + 2].text[:1].isdigit():
        return True  # the head of a code such as "32-135"
    if low in ("one", "a", "an") and tok.head.lemma_.lower() in IDIOM_HEADS:
        return True  # "at one point", "one way"
    if low in ("two", "three") and tok.i > 0 and doc[tok.i - 1].lower_ in ("the", "these", "those") \
            and tok.head.lemma_.lower() in _PARTIES:
        return True  # "the two sides", "the two heads of state": who is meant, not a count
    if tok.i >= 2 and not tok.doc[tok.i - 1].whitespace_ and tok.doc[tok.i - 1].text in ("-", "/") \
            and any(c.isdigit() for c in tok.doc[tok.i - 2].text):
        return True  # the tail of a date or code such as "2021-05-26" or "9/11"
    counts_thing = tok.dep_ == "nummod" and tok.head.lemma_.lower() not in DURATION_UNITS.keys() | _YEAR_PARTS \
        and tok.head.lower_ not in MONTHS and tok.head.pos_ == "NOUN" \
        and not any(t.lower_ in MONTHS for t in doc[max(tok.i - 2, 0) : tok.i + 3])
    if tok.dep_ == "conj" and tok.head.dep_ == "nummod" and _is_number(tok.head) and tok.head.head.pos_ == "NOUN" \
            and tok.head.head.lemma_.lower() not in DURATION_UNITS:
        counts_thing = True  # "Between 50 and 60 soldiers", which the tagger may label a DATE: the upper bound
    if tok.ent_type_ in ("DATE", "TIME") and not counts_thing:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        words = {t.lower_ for t in ent} if ent is not None else set()
        if words & MONTHS or any(_YEAR.match(w) for w in words):
            return True
        if not any(t.lemma_.lower() in DURATION_UNITS or t.lower_.rstrip("s") in DURATION_UNITS for t in ent or ()):
            return True
    if _YEAR.match(low) and tok.ent_type_ != "CARDINAL":
        return True
    if tok.ent_type_ in NAME_ENTS or (tok.ent_type_ == "" and tok.head.pos_ == "PROPN" and tok.dep_ == "compound"):
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text == "-" and tok.i + 2 < len(tok.doc):
        after = tok.doc[tok.i + 2].lower_
        if after.startswith("centur") or after in ("st", "nd", "rd", "th"):
            return True
    # "one of them", "the only one": pronoun use, not a count
    return low in ("one", "a", "an") and tok.dep_ not in ("nummod", "quantmod")


def _phrase(doc: Any, i: int, end: int) -> tuple[int, int]:
    """Extend a number token to the right over number words and joiners ("twenty - seven", "1.5 million")."""
    j = i + 1
    while j < end:
        t = doc[j]
        if t.text[:1].isdigit() and doc[j - 1].text[:1].isdigit() and not (
                re.fullmatch(r"\d{3}", t.text) and re.fullmatch(r"\d{1,3}", doc[j - 1].text)):
            break  # "14,000 2,000-pound bombs", a table's "35,647 36,348 701": several numbers ("12 500" is one)
        if (_is_number(t) and t.lower_ not in VAGUE and not _VAGUE_DIGITS.match(t.lower_)) or (
            t.lower_ in SCALES and t.lower_ not in ("m", "k")
        ):
            j += 1
        elif t.text == "-" and j + 1 < end and doc[j - 1].is_alpha and doc[j + 1].is_alpha \
                and word_value(doc[j + 1].lower_) is not None:
            j += 2  # "twenty - seven"
        elif t.text == "-" and j + 1 < end and doc[j - 1].like_num and doc[j + 1].lower_ in SCALES \
                and doc[j + 1].lower_ not in ("m", "k"):
            j += 2  # "a 300-million-U.S.-dollar sale"
        elif t.lower_ == "and" and j + 1 < end and doc[j - 1].lower_ in SCALES \
                and word_value(doc[j + 1].lower_) is not None:
            j += 2  # "two hundred and fifty"
        elif t.lower_ == "of" and doc[j - 1].lower_ in VAGUE and j + 1 < end \
                and doc[j + 1].lower_.rstrip("s") in SCALES:
            j += 2  # "tens of thousands"
        else:
            break
    return i, j


def _bare_object(prep: Token, number: Token) -> bool:
    """Whether a preposition's object is the number itself, counting nothing named after it ("over 150")."""
    return number.head.i == prep.i and number.dep_ == "pobj" and not any(c.lower_ == "of" for c in number.children)


def _hedge(doc: Any, start: int, sent_start: int) -> tuple[int, str | None, bool]:
    """Find a hedge phrase right before the number: its start, which bound it sets, whether one was found."""
    for n in (3, 2, 1):
        s = start - n
        # Skip an opening quote mark between hedge and number ("“at least six" has the quote first).
        if s < sent_start:
            continue
        words = " ".join(t.lower_ for t in doc[s:start])
        # A preposition ("talking about 10s of tanks", "fought over 2 islands") is not a hedge; as a hedge it
        # modifies the number. One whose object is the bare number is ("ICE arrests over 150 in Bay Area").
        if n == 1 and doc[s].dep_ == "prep" and not _bare_object(doc[s], doc[start]):
            continue
        if words in HEDGES:
            return s, HEDGES[words], True
    return start, None, False


def _range_end(doc: Any, j: int, end: int) -> tuple[int, Amount | None]:
    """Read "X to Y", "X - Y", "X and Y" (after "between") continuing from token j."""
    if j < end and doc[j].lower_ in ("to", "-", "and", "–") and j + 1 < end and _is_number(doc[j + 1]) \
            and not _excluded(doc[j + 1]):
        s, e = _phrase(doc, j + 1, end)
        amount = read_amount([t.text for t in doc[s:e]])
        if amount is not None and amount.value is not None:
            return e, amount
    return j, None


def _counted(core: Token) -> Token | None:
    """The noun a number counts: its head for "12 people", the of-object for "dozens of resolutions"."""
    if core.dep_ in ("nummod", "quantmod", "compound") and core.head.pos_ in ("NOUN", "PROPN") and core.head.i > core.i:
        name = core.head
        if (name.pos_ == "PROPN" and name.dep_ == "compound" and name.head.pos_ == "NOUN" and name.head.i > name.i
                and name.ent_type_ not in ("DATE", "TIME")):
            return name.head  # "12 PKK/YPG terrorists": the number hung on the name that qualifies the noun
        return name
    for child in core.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0]
    return None


def _verb_of(anchor: Token) -> Token | None:
    """The verb that says what happened to the counted thing (killed, destroyed, attacked)."""
    if anchor.dep_ in ("dobj", "nsubjpass") and anchor.head.pos_ == "VERB" and anchor.head.is_alpha \
            and anchor.head.lemma_.lower() not in LIGHT_VERBS:
        # "had targeted 15 ships linked to the occupation", "shot down 21 drones launched by the Yemeni forces":
        # the verb the counted thing is the object of, not the participle that describes it.
        return anchor.head
    for child in anchor.children:
        # "12 people killed in ...", "airbases that were attacked": what happened to them. Not an active participle
        # ("two tankers carrying smuggled fuel" were seized, not carried).
        if (child.dep_ in ("relcl", "acl") and child.pos_ == "VERB" and child.lemma_.lower() not in LIGHT_VERBS
                and child.tag_ != "VBG"):
            return child
    while anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN"):
        anchor = anchor.head  # "destroyed 12 tanks and 3 launchers": the launchers were destroyed too
    to = anchor.head
    if (anchor.dep_ == "pobj" and anchor.pos_ in ("NOUN", "PROPN") and to.lower_ == "to" and to.dep_ == "prep"
            and to.i > 0 and to.doc[to.i - 1].lower_ == "up" and to.head.pos_ == "VERB"):
        return to.head  # "lost up to 1,500 troops", the parser taking "up to" for a particle and a preposition
    if anchor.dep_ in ("nsubjpass", "nsubj", "dobj") and anchor.head.pos_ == "VERB" \
            and anchor.head.lemma_.lower() not in LIGHT_VERBS:
        return anchor.head
    if anchor.dep_ == "nsubj":
        # "Some 200 people remain missing", "30 people are missing": the state they are in.
        return next((c for c in anchor.head.children if c.dep_ == "acomp" and c.lower_ in _STATE_WORDS), None)
    return None


#: Verbs of change: a bare percentage after them ("GDP grew 5.2 percent", "exports fell by 3 percent") is how much
#: their subject changed.
CHANGE_VERBS = frozenset({"rise", "climb", "grow", "increase", "jump", "surge", "soar", "fall", "drop", "decline",
                          "decrease", "shrink", "contract", "expand", "slide", "plunge", "gain", "lose", "dip", "edge",
                          "slip", "tumble", "rebound", "sink"})
#: Verbs that change their object: a figure "by" which they change it is its change ("increased the number of its
#: troops by 40,000", "cut spending by 3 percent").
_CHANGING_VERBS = frozenset({"increase", "decrease", "raise", "cut", "reduce", "boost", "lower", "expand", "shrink"})
#: Particles that make a verb one of change ("went up 3 percent", "came down 2 percent").
_CHANGE_PARTICLES = frozenset({"up", "down"})


def _change_of(core: Token) -> tuple[Token, Token] | None:
    """The subject whose change a percentage gives, with the verb of change: "GDP grew 5.2 percent", "exports
    fell by 3 percent" (not "rose to 4.9 percent", a level: `_level_of`)."""
    if core.dep_ == "npadvmod" and core.head.lower_ in _CHANGE_PARTICLES and core.head.dep_ in ("advmod", "prt"):
        verb = core.head.head  # "went up 3 percent"
    elif core.dep_ in ("npadvmod", "dobj"):
        verb = core.head
    elif core.dep_ == "pobj" and core.head.lower_ == "by" and core.head.dep_ == "prep":
        verb = core.head.head
    else:
        return None
    if verb.lower_ in _CHANGE_PARTICLES and verb.dep_ == "ROOT":
        # A headline's "China's foreign trade up 5.3 pct", its verb left out: the particle's subject changed.
        noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
        return (noun, verb) if noun is not None and not _is_number(noun) else None
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or not (lemma in CHANGE_VERBS or lemma in _CHANGING_VERBS or any(
            c.dep_ in ("prt", "advmod") and c.lower_ in _CHANGE_PARTICLES for c in verb.children)):
        return None
    changed = next((c for c in verb.children if c.dep_ == "dobj" and c.i != core.i), None)
    if lemma in _CHANGING_VERBS and changed is not None and changed.pos_ == "NOUN":
        return changed, verb  # "NATO has increased the number of its troops by almost 40,000"
    noun = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or _is_number(noun):
        return None
    return noun, verb


#: Verbs that bring something to a level: a bare figure after them is the level of their subject ("the death toll
#: rose to 35,000", "Gaza death toll passes 35,000"), or of their object for "put" ("put the death toll at 34,000").
LEVEL_VERBS = frozenset({"rise", "climb", "reach", "pass", "top", "exceed", "surpass", "hit", "stand", "increase",
                         "jump", "grow", "surge", "soar", "mount", "near", "fall", "drop", "decline", "put", "be",
                         "widen", "narrow", "shrink", "swell", "total", "amount", "estimate", "value", "cost",
                         "average", "expand", "dip", "slip", "tumble", "rebound", "sink", "edge"})
_LEVEL_PREPS = frozenset({"to", "at", "above", "over", "past"})


def _level_of(core: Token) -> tuple[Token, Token] | None:
    """The noun whose level a figure counting nothing gives, with the verb that gives it: the subject of "the
    death toll rose to 35,000", "passes 35,000", "the toll is 35,000", the object of "put the toll at 34,000"."""
    if core.dep_ == "pobj" and core.head.lower_ in _LEVEL_PREPS and core.head.dep_ == "prep":
        verb = core.head.head
    elif core.dep_ in ("dobj", "attr"):
        verb = core.head
    else:
        return None
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or lemma not in LEVEL_VERBS or (lemma == "be") != (core.dep_ == "attr"):
        return None
    deps = ("dobj",) if lemma == "put" else ("nsubj", "nsubjpass")
    # The nearest subject, should the parser give the verb two ("the number of homes destroyed totals 70,000, and
    # homes with major damage have amounted to 250,000").
    noun = max((c for c in verb.children if c.dep_ in deps and c.i != core.i), key=lambda c: c.i, default=None)
    if noun is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        noun = verb.head  # "damages estimated at $164 billion", "contracts valued at $3 billion"
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or _is_number(noun):
        return None
    return noun, verb


#: Nouns that only say "how many": the level is of what they count ("the number of displaced people stood at").
_TALLIES = frozenset({"number", "total", "tally", "count", "figure"})


def _currency_of(word: Token) -> str:
    """The currency a currency word names, with the country before it where that changes it ("Syrian pounds":
    SYP, "Hong Kong dollars": HKD, "pounds": GBP)."""
    base = word.lower_[:-1] if word.lower_.endswith("s") and word.lower_ != "kronor" else word.lower_
    doc = word.doc
    for n in (2, 1):
        if word.i - n >= 0:
            qualifier = " ".join(t.lower_ for t in doc[word.i - n : word.i])
            code = _COUNTRY_CURRENCIES.get(qualifier, {}).get(base)
            if code is not None:
                return code
    return CURRENCY_WORDS[word.lower_]


#: The units of money ("USD", "IRR", "peso").
_CURRENCIES = frozenset(CURRENCY_WORDS.values()) | frozenset(CURRENCY_SYMBOLS.values())
#: Nouns of what befell the counted, and the participle that counts them ("the deaths of 40,000 people": people
#: killed; "the release of 24 hostages": hostages released).
_EVENT_NOUNS = {"death": "killed", "killing": "killed", "murder": "killed", "injury": "injured",
                "wounding": "wounded", "displacement": "displaced", "arrest": "arrested", "abduction": "abducted",
                "kidnapping": "kidnapped", "detention": "detained", "evacuation": "evacuated", "release": "released",
                "destruction": "destroyed", "signing": "signed", "launch": "launched", "deportation": "deported"}


#: Nouns of a part of a sum, or of how it is spoken of, that say nothing of what it measures.
_PARTS = frozenset({"tune", "fraction", "portion", "part", "share", "half", "rest", "bulk", "majority", "sum",
                    "amount", "total"})


def _of_noun(anchor: Token) -> Token | None:
    """The noun whose of-object a figure is ("losses of 30 billion dollars": losses)."""
    prep = anchor.head
    owner = prep.head
    if (anchor.dep_ == "pobj" and prep.lower_ == "of" and owner.pos_ == "NOUN" and owner.i < anchor.i
            and not _is_number(owner) and owner.lower_ not in VAGUE and owner.lemma_.lower() not in _PARTS):
        return owner  # not "hundreds of billions of dollars", "to the tune of $1.7 billion", "a fraction of"
    return None


def _worth_of(anchor: Token) -> Token | None:
    """What a sum of money is the worth of: the noun "worth" describes ("spare parts worth 385 million U.S.
    dollars"), the subject it is said of ("the deal is worth $2 billion") or the object it follows ("froze assets
    worth billions of dollars")."""
    tok = anchor
    for _ in range(3):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lower_ == "worth":
            if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
                return tok.head
            deps = {"acomp": ("nsubj", "nsubjpass"), "oprd": ("dobj",)}.get(tok.dep_, ())  # "froze assets worth"
            found = next((c for c in tok.head.children if c.dep_ in deps and c.pos_ in ("NOUN", "PROPN")), None)
            before = tok.doc[tok.i - 1] if tok.i > 0 else None
            if found is None and before is not None and before.pos_ == "NOUN" and before.head.i == tok.head.i:
                # "caused damages worth 5 billion dollars", where the parser made "worth" a clause of the verb.
                return before
            return found
    return None


def _level_text(noun: Token) -> str:
    """What a level is of: the noun with its compounds ("Gaza death toll"), and a noun joined to it ("imports and
    exports"), or what a tally counts."""
    counted = _counted(noun) if noun.lemma_.lower() in _TALLIES else None
    if counted is not None:
        return _subtree_text(counted)
    joined = next((c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                   and any(k.dep_ == "cc" and k.lower_ == "and" for k in noun.children)), None)
    return _noun_text(noun) + (f" and {_noun_text(joined)}" if joined is not None else "")


def _modifying_currency(tok: Token) -> bool:
    """Whether a word is a currency in the singular modifying a noun ("dollar deal"), not the plural amount ("a
    trillion dollars sunk") or a weight written with a hyphen ("the 800-pound gorilla")."""
    return (tok.lower_ in CURRENCY_WORDS and tok.dep_ == "compound" and tok.tag_ == "NN"
            and (tok.i == 0 or tok.doc[tok.i - 1].text != "-"))


def _currency_before(counted: Token, after: int) -> Token | None:
    """The currency word of an amount written as a modifier ("886 billion US dollar defense budget": "dollar"):
    between the number and the noun it counts, after nothing but names or adjectives ("US")."""
    words = counted.doc[after : counted.i]
    for k, tok in enumerate(words):
        if tok.lower_ in CURRENCY_WORDS:
            return tok if k <= 2 and all(t.pos_ in ("PROPN", "ADJ") for t in words[:k]) else None
    return None


def _noun_text(noun: Token, skip_before: int = 0, adjectives: bool = False) -> str:
    """The counted noun with its compound modifiers ("UN resolutions"), and with `adjectives` its adjectives too
    ("spare parts"), lower-cased unless a name."""
    deps = ("compound", "amod") if adjectives else ("compound",)
    mods = [c for c in noun.children if c.dep_ in deps and skip_before <= c.i < noun.i and not _is_number(c)]
    toks = [*mods, noun]
    words = [t.text if t.pos_ == "PROPN" or _acronym(t) or (t.dep_ == "amod" and t.ent_type_) else t.lower_
             for t in toks]
    # Words written together stay together ("anti-armor missiles", not "anti - armor missiles").
    return "".join(w + ("" if k + 1 < len(toks) and toks[k + 1].i == t.i + 1 and not t.whitespace_ else " ")
                   for k, (w, t) in enumerate(zip(words, toks, strict=True))).strip()


def _acronym(tok: Token) -> bool:
    """Whether a word is an acronym, which keeps its capitals ("GDP", "UN") though the tagger reads a noun."""
    return len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha()


_CUT_DEPS = {"conj", "cc", "relcl", "appos", "advcl", "parataxis", "prep"}


def _subtree_text(tok: Token) -> str:
    """The phrase a token heads, without trailing clauses, coordinations or prepositional tails."""
    keep: list[Token] = []

    def walk(t: Token, top: bool) -> None:
        keep.append(t)
        for c in t.children:
            if c.dep_ not in _CUT_DEPS or (top and c.dep_ == "prep" and c.i < t.i):
                walk(c, False)

    walk(tok, True)
    keep.sort(key=lambda t: t.i)
    words = "".join((t.text if t.pos_ == "PROPN" or _acronym(t) else t.lower_) + t.whitespace_ for t in keep
                    if not t.is_punct
                    or t.text == "-")
    return words.strip()


_COMPARED = re.compile(r"\byear[- ]on[- ]year\b|\b(?:a|one) (?:year|month|week) (?:earlier|before|ago)\b", re.I)


def _time_text(ent: SpacySpan) -> str:
    """A time's words without the punctuation the tagger may take in at a headline's end ("in a week - Moscow")."""
    return ent.text.strip(" -\u2013\u2014:,;")


def _time_of(sent: SpacySpan, verb: Token | None, skip: range) -> str | None:
    """A date in the same clause as the verb ("on Friday", "in 2006"), if the text gives one."""
    if verb is None:
        return None
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME") or ent.start in skip or any(i in skip for i in range(ent.start, ent.end)):
            continue
        if _COMPARED.search(sent.doc.text[max(0, ent.start_char - 8) : ent.end_char + 8]) \
                or (ent.start > 0 and sent.doc[ent.start - 1].lower_ == "than"):
            continue  # what a figure is compared with ("down 0.4 points from a year earlier", "year on year")
        if (any(t.lemma_.lower() in DURATION_UNITS for t in ent) and not any(t.lower_ in MONTHS for t in ent)
                and any(t.like_num for t in ent) and not _period(ent)):
            continue  # a duration ("75 years"), not a time ("last year", "the second quarter")
        lo, hi = sorted((ent.start_char, sent.doc[skip.start].idx)) if len(skip) else (0, 0)
        if _counted_back(ent) and not re.search(r"[\n;]", sent.doc.text[lo:hi]):
            # "were killed and 120 others injured ... over the past 24 hours": the period a report covers holds
            # for every figure of its sentence and line, wherever the parser hangs it.
            return _time_text(ent)
        tok = ent.root
        while tok.i != verb.i and tok.head.i != tok.i:
            if tok.dep_ in CLAUSE_DEPS:
                break
            tok = tok.head
        if tok.i == verb.i:
            return _time_text(ent)
    since = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "since" and c.i not in skip
                  and any(o.dep_ == "pobj" for o in c.children)), None)
    if since is not None:
        # "injured since the start of the aggression": a running total from a start the text names, not a date.
        return sent.doc[since.i : since.right_edge.i + 1].text
    return None


#: Fraction words and their share in percent, by denominator ("a third of", "two-thirds of", "three quarters of").
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
              "tenth": 10, "tenths": 10}


def _share(sent: SpacySpan, i: int) -> tuple[dict[str, Any], int] | None:
    """A share written as a fraction at word i, as a percentage of what it is a share of: "half of the schools"
    (50), "nearly half the schools" (at most 50), "two-thirds of voters", "a quarter of them", "one in five
    Americans" (20); the quantity and the index after it. None where word i opens no such share ("the first half",
    "a third evaluation", "one in 2016")."""
    doc = sent.doc
    if doc[i].lower_ not in ("half", "a", "an") and not doc[i].like_num:
        return None
    words = [t.lower_ for t in doc[i : min(i + 4, sent.end)]]
    count, whole, after = None, None, i
    if doc[i].ent_type_ in NAME_ENTS:
        return None  # "One in Four", a group's name
    if words[:1] == ["half"] and len(words) > 1 and words[1] in ("of", "the", "their", "its", "his", "her"):
        count, whole, after = 1, 2, i + 1
        if i > sent.start and doc[i - 1].lower_ in ("one", "a"):
            i -= 1  # "one half of"
            if i > sent.start and doc[i - 1].lower_ == "and":
                return None  # "a year and a half of investigation": a number, no share
    elif words and (word_value(words[0]) is not None or words[0] in ("a", "an")) and len(words) > 2:
        num = word_value(words[0]) or 1
        k = 2 if words[1] == "-" and len(words) > 3 else 1
        if words[k] in _FRACTIONS and words[k] != "half" and k + 1 < len(words) and words[k + 1] == "of":
            count, whole, after = num, _FRACTIONS[words[k]], i + k + 1
        elif words[k] in _FRACTIONS and (change := _change_of(doc[i + k])) is not None:
            # "Trade fell by two-thirds": a change of its subject, in percent.
            value = round(100 * num / _FRACTIONS[words[k]], 1)
            value = int(value) if float(value).is_integer() else value
            end_tok = doc[i + k]
            return {
                "start": doc[i].idx, "end": end_tok.idx + len(end_tok.text),
                "text": doc.text[doc[i].idx : end_tok.idx + len(end_tok.text)], "value": value, "low": value,
                "high": value, "unit": "percent", "approximate": False,
                "measure": f"change in {_level_text(change[0])}",
                "time": _time_of(sent, change[1], range(i, i + k + 1)),
            }, i + k + 1
        elif words[1] == "in" and word_value(words[2]) not in (None, 0) and doc[i + 2].ent_type_ not in ("DATE",) \
                and not _YEAR.match(words[2]) and (num or 0) < (word_value(words[2]) or 0):
            if doc[i + 2].text[:1].isupper():
                return None  # "One in Four", a group's name the tagger left unlabelled
            count, whole, after = num, word_value(words[2]), i + 3  # "one in five Americans"
    if count is None or not whole:
        return None
    value = round(100 * count / whole, 1)
    value = int(value) if float(value).is_integer() else value
    amount = Amount(value, value, value, False)
    first, bound, hedged = _hedge(doc, i, sent.start)
    if hedged:
        amount = Amount(value, value if bound == "low" else None, value if bound == "high" else None, True)
    head = doc[after - 1]
    obj = _counted(head) if (after < len(doc) and doc[after].lower_ == "of") or head.lower_ == "half" else None
    of_object = obj is not None
    if obj is None:
        # "half the schools", "one in five Americans": the noun the fraction runs into, a few words on at most.
        obj = next((t for t in doc[after : min(after + 4, sent.end)] if t.pos_ in ("NOUN", "PROPN")), None)
        obj = obj.head if obj is not None and obj.dep_ == "compound" and obj.head.i > obj.i else obj
        if obj is not None and any(t.pos_ in ("VERB", "AUX") for t in doc[after : obj.i]):
            obj = None
    if obj is not None and obj.tag_ in ("WDT", "WP"):
        # "the arrests, about half of which snared fugitives": a share of what the relative clause is about.
        clause = next((t for t in obj.ancestors if t.dep_ == "relcl"), None)
        before = [t for t in doc[sent.start : i] if t.pos_ == "NOUN"]
        obj = clause.head if clause is not None else (before[-1] if before else None)
    if obj is None or obj.lemma_.lower() in DURATION_UNITS or obj.lower_ in MONTHS or obj.ent_type_ in ("DATE", "TIME"):
        return None  # "a quarter of the year", "half of 2020": a stretch of time
    verb = next((t for t in (head, head.head, obj.head) if t.pos_ == "VERB"), None)
    end_tok = doc[after - 1]
    start_char, end_char = doc[first].idx, end_tok.idx + len(end_tok.text)
    return {
        "start": start_char, "end": end_char, "text": doc.text[start_char:end_char],
        "value": amount.value, "low": amount.low, "high": amount.high, "unit": "percent",
        "approximate": amount.approximate,
        "measure": "share of " + (_subtree_text(obj) if of_object else _noun_text(obj, after, adjectives=True)),
        "time": _time_of(sent, verb, range(first, after)),
    }, after


def extract_quantities(sent: SpacySpan) -> list[dict[str, Any]]:
    """Return the quantities of one sentence in the claims contract form (offsets into the document text)."""
    doc = sent.doc
    out: list[dict[str, Any]] = []
    if not any(t.is_alpha and not _is_number(t) for t in sent):
        return out  # a list number ("1.") or a bare figure is no claim
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        share = _share(sent, i)
        if share is not None:
            out.append(share[0])
            i = share[1]
            continue
        if not _is_number(tok) or _excluded(tok):
            i += 1
            continue
        start, j = _phrase(doc, i, sent.end)
        amount = read_amount([t.text for t in doc[start:j]])
        if amount is None:
            i = j
            continue
        first = start
        unit: str | None = None
        # "between 10 and 20", "10 to 20", "from 10 to 20"
        # Not "fell by 2.08 million to 1.4097 billion": a change, then the level it brought.
        by_to = start > sent.start and doc[start - 1].lower_ == "by" and j < sent.end and doc[j].lower_ == "to"
        j2, upper = _range_end(doc, j, sent.end) if not by_to else (j, None)
        if upper is not None and amount.value is not None:
            if start > sent.start and doc[start - 1].lower_ in ("between", "from"):
                first = start - 1
            amount = Amount(None, amount.value, upper.value, False)
            j = j2
        if start > sent.start and doc[start - 1].text in CURRENCY_SYMBOLS:
            unit = CURRENCY_SYMBOLS[doc[start - 1].text]
            first = min(first, start - 1)
        hedge_start, bound, hedged = _hedge(doc, first, sent.start)
        if hedged:
            first = hedge_start
            v = amount.value
            if bound == "low":
                amount = Amount(v, v, None, True)
            elif bound == "high":
                amount = Amount(v, None, v, True)
            else:
                amount = Amount(v, None, None, True) if v is not None else Amount(None, amount.low, amount.high, True)
        core = doc[j - 1]
        if upper is not None and core.dep_ == "conj" and core.head.i == start:
            core = doc[start]  # "between 50 and 60 servicemen": the first number carries the counted noun
        last = j
        measure: str | None = None
        counted: Token | None = None
        nxt = doc[j] if j < sent.end else None
        if nxt is not None and nxt.lower_ == "per" and j + 1 < sent.end and doc[j + 1].lower_ == "cent":
            unit, last, core = "percent", j + 2, doc[j + 1]
        elif nxt is not None and nxt.lower_ in ("percentage", "per-cent") and j + 1 < sent.end \
                and doc[j + 1].lemma_.lower() == "point":
            unit, last, core = "percentage points", j + 2, doc[j + 1]  # "down 0.4 percentage points"
        elif nxt is not None and nxt.lower_ in PERCENT_WORDS:
            unit, last, core = "percent", j + 1, nxt
        elif nxt is not None and nxt.lower_ in CURRENCY_WORDS and unit is None:
            unit, last, core = _currency_of(nxt), j + 1, nxt
        elif (nxt is not None and nxt.text == "-" and unit is None and j + 1 < sent.end
              and doc[j + 1].lower_ in _WEIGHTS):
            # "a 2,000-pound bomb", "the 800-pound gorilla": a weight or length qualifying a noun, not money.
            unit, last, core = _WEIGHTS[doc[j + 1].lower_], j + 2, doc[j + 1]
            noun = core.head if core.head.pos_ == "NOUN" and core.head.i > core.i else None
            measure = f"{_WEIGHT_WORD[unit]} of {_noun_text(noun, last)}" if noun is not None else None
        elif (nxt is not None and nxt.text == "-" and unit is None and j + 1 < sent.end
              and (money_word := doc[j + 1].lower_.rsplit("-", 1)[-1]) in CURRENCY_WORDS
              and (any(t.lower_ in SCALES for t in doc[start:j]) or "-" in doc[j + 1].text)):
            # "a 300-million-U.S.-dollar sale", "a 2-billion-dollar deal": the amount of the noun it modifies (not
            # "the 800-pound gorilla", a weight).
            unit, last, core = CURRENCY_WORDS[money_word], j + 2, doc[j + 1]
            noun = core.head if core.head.pos_ == "NOUN" and core.head.i > core.i else None
            measure = _noun_text(noun, last) if noun is not None else None
        elif nxt is not None and nxt.lower_ in MEASURE_UNITS and MEASURE_UNITS[nxt.lower_]:
            unit, last, core = MEASURE_UNITS[nxt.lower_], j + 1, nxt
        elif (nxt is not None and nxt.lower_ in ("cubic", "square") and j + 1 < sent.end
              and MEASURE_UNITS.get(doc[j + 1].lower_) in ("m", "km", "miles")):
            # "1 billion cubic meters per day", "400 square kilometers".
            unit, last, core = f"{nxt.lower_} {MEASURE_UNITS[doc[j + 1].lower_]}", j + 2, doc[j + 1]
        elif nxt is not None and nxt.text == "-" and j + 1 < sent.end and doc[j + 1].lemma_.lower() in DURATION_UNITS:
            # "33-day war": a duration qualifying the noun it modifies.
            unit, last, core = DURATION_UNITS[doc[j + 1].lemma_.lower()], j + 2, doc[j + 1]
            noun = core.head if core.head.pos_ == "NOUN" and core.head.i > core.i else None
            measure = f"duration of {_noun_text(noun, j + 2)}" if noun is not None else "duration"
        elif nxt is not None and (nxt.lemma_.lower() in DURATION_UNITS or nxt.lower_.rstrip("s") in DURATION_UNITS):
            unit, last, core = DURATION_UNITS.get(nxt.lemma_.lower()) or DURATION_UNITS[nxt.lower_.rstrip("s")], \
                j + 1, nxt
            of_obj = _counted(nxt)
            measure = f"duration of {_subtree_text(of_obj)}" if of_obj is not None else "duration"
        verb: Token | None = None
        if measure is None:
            if unit in ("percent", "percentage points"):
                of_obj = _counted(core)
                # A percentage modifying a noun is no share of it: "60 percent purity" is a purity, "a 40 percent
                # increase" an increase.
                modified = of_obj if of_obj is not None and of_obj.i == core.head.i != core.i else None
                pct = core
                if modified is not None and modified.lemma_.lower() in DURATION_UNITS:
                    # "expanded 5.2 percent year on year" says when, not what: the change is read through the
                    # duration noun the parser hangs the percentage on.
                    pct, of_obj, modified = modified, None, None
                of_obj = None if modified is not None else of_obj
                level = _level_of(pct) if of_obj is None and modified is None else None
                change = _change_of(pct) if of_obj is None and modified is None and level is None else None
                verb = _verb_of(pct)
                target = core.head.head if core.head.dep_ == "prep" and core.head.lower_ == "of" else None
                if modified is not None:
                    measure = _noun_text(modified, core.i + 1)
                elif of_obj is None and level is None and change is None and target is not None \
                        and target.pos_ == "NOUN":
                    measure = _noun_text(target, adjectives=True)  # "the target of around 5 percent", "a rate of"
                elif of_obj is not None:
                    measure = "share of " + _subtree_text(of_obj)
                elif level is not None:
                    measure = _level_text(level[0])  # "unemployment fell to 4.9 percent": a rate
                elif change is not None:
                    measure = f"change in {_level_text(change[0])}"  # "GDP grew 5.2 percent"
                    verb = change[1]
                else:
                    head = core.head
                    measure = f"share ({head.lemma_.lower()})" if head.i != core.i else "share"
            else:
                counted = _counted(core)
                if counted is not None and counted.lower_ in CURRENCY_WORDS and unit is None:
                    unit = _currency_of(counted)  # "thousands of dollars", "500 Syrian pounds"
                    if counted.i < last + 3 and all(t.pos_ in ("PROPN", "ADJ") for t in doc[last : counted.i]):
                        last = counted.i + 1  # "385 million U.S. dollars": the currency is part of the amount
                money = _currency_before(counted, core.i + 1) if counted is not None else None
                if counted is not None and _modifying_currency(counted) and counted.head.pos_ == "NOUN" \
                        and counted.head.i > counted.i:
                    money, counted = counted, counted.head  # "a 2 billion dollar deal", read "billion dollar"
                elif counted is not None and _modifying_currency(core) and counted.i == core.head.i:
                    money = core  # "a 2 billion dollar deal", the currency taken with the number
                anchor = counted if counted is not None and core.dep_ in ("nummod", "quantmod", "compound") else core
                # A sum reached is the level of what reached it ("Bilateral trade ... reached 181.5 billion U.S.
                # dollars"), as a bare figure is.
                level = _level_of(core) if counted is None else (
                    _level_of(counted) if counted.lower_ in CURRENCY_WORDS and counted.i == core.head.i else None)
                worth = _worth_of(anchor) if counted is None or counted.lower_ in CURRENCY_WORDS else None
                if money is not None:
                    # "its record 886 billion US dollar defense budget": the amount of what the currency modifies.
                    unit, last = _currency_of(money), money.i + 1
                    measure = _noun_text(counted, last)
                elif worth is not None:
                    measure = f"value of {_noun_text(worth, adjectives=True)}"  # "spare parts worth $385 million"
                elif level is not None:
                    measure, verb = _level_text(level[0]), level[1]  # "the death toll had risen to 35,000"
                    if verb.lemma_.lower() == "cost":
                        measure = f"cost of {measure}"  # "the project will cost 3 trillion rials"
                elif counted is None and core.dep_ == "pobj" and (change := _change_of(core)) is not None:
                    measure, verb = f"change in {_level_text(change[0])}", change[1]  # "fell by 2.08 million"
                else:
                    verb = _verb_of(anchor) or (_verb_of(counted) if counted is not None else None)
                    if verb is None and start < core.i and (cost := _verb_of(doc[start])) is not None \
                            and cost.lemma_.lower() == "cost":
                        verb = cost  # "had cost Iran hundreds of billions of dollars"
                    money_unit = unit in _CURRENCIES
                    owner = _of_noun(anchor) if verb is None else None
                    # A currency counts itself alone: "Hong Kong dollars paid" is "dollars paid" in Hong Kong's.
                    parts = [] if counted is None else [
                        counted.lower_ if counted.lower_ in CURRENCY_WORDS else _noun_text(counted)]
                    if verb is not None:
                        parts.append(participle(verb))
                    elif owner is not None and owner.lemma_.lower() in _EVENT_NOUNS:
                        parts.append(_EVENT_NOUNS[owner.lemma_.lower()])  # "the deaths of 40,000 people"
                    measure = " ".join(parts) or None
                    if verb is not None and verb.lemma_.lower() == "cost" and money_unit:
                        # "fuel smuggling costs the country billions of dollars": what costs it.
                        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                        measure = f"cost of {_level_text(subject)}" if subject is not None else "cost"
                    elif (owner is not None and money_unit and (counted is None or counted.lower_ in CURRENCY_WORDS)
                          and owner.lemma_.lower() not in _EVENT_NOUNS):
                        measure = _noun_text(owner)  # "losses of 30 billion dollars", "a fine of $5 million"
                    if measure is None and hedged and _bare_object(core.head, core) and core.head.head.pos_ == "NOUN":
                        measure = _noun_text(core.head.head)  # "ICE arrests over 150": a count of arrests
        if measure is None and out and core.dep_ == "pobj" and core.head.lower_ == "of" \
                and core.head.head.lemma_.lower() in _TALLIES:
            # "around 2,000 US troops ..., more than double the figure of 900 previously disclosed": the figure
            # compared is of what the figure before it measures.
            measure = out[-1]["measure"]
        if amount.value == 1 and unit is None and verb is None:
            i = max(last, i + 1)
            continue  # "one source is", "one such fugitive": an article, not a counted event
        span_start = doc[first].idx
        span_end = doc[last - 1].idx + len(doc[last - 1].text)
        out.append({
            "start": span_start, "end": span_end, "text": doc.text[span_start:span_end],
            "value": amount.value, "low": amount.low, "high": amount.high, "unit": unit,
            "approximate": amount.approximate, "measure": measure,
            "time": _time_of(sent, verb, range(first, last)),
        })
        i = max(last, i + 1)
    return _conversions(doc, out)


def _conversions(doc: Any, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A sum in parentheses right after another is the same sum in another currency ("32.33 trillion yuan (about
    4.55 trillion U.S. dollars)"): it measures what the first measures, at its time."""
    for before, q in itertools.pairwise(found):
        gap = doc.text[before["end"] : q["start"]]
        if re.fullmatch(r"\s*\(\s*(?:about|around|roughly|some|nearly|approximately)?\s*", gap) and before["unit"] \
                and q["unit"] and q["unit"] != before["unit"] and q["unit"] not in ("percent", "percentage points"):
            q["measure"], q["time"] = before["measure"], before["time"]
    return found
