"""Speaker resolution inside one document: names, surnames, pronouns and role nouns to one speaker with roles."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from spinscope.layers.quotes.extract import (
    REPORTING_PARTICIPLES,
    STATEMENT_PARTICIPLES,
    Found,
    agency_dateline,
    beside_apposition,
    doc_text,
    token_ids,
)
from spinscope.link.speakers import (
    HONORIFICS,
    clean_name,
    initials_key,
    middle_initials,
    middle_names,
    name_key,
    org_key,
    speaker_id,
    surname_key,
)
from spinscope.meta import outlets
from spinscope.meta.dateline import parse_dateline

__all__ = ["Speaker", "SpeakerRef", "resolve"]

logger = logging.getLogger(__name__)

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"they", "we", "it"})
#: Head nouns of a nominal mention that stands for one named person ("the Hamas official").
_ROLE_WORDS = """official representative spokesman spokeswoman spokesperson minister president chief speaker
    advisor adviser
    leader commander envoy ambassador secretary director head chairman chairwoman chair general senator governor
    mayor diplomat negotiator candidate nominee lawmaker congressman congresswoman judge prosecutor attorney
    founder ceo analyst expert professor cleric ayatollah deputy aide campaigner activist author writer scholar
    researcher economist correspondent reporter militant politician premier chancellor king queen prince emir
    counterpart"""
ROLE_NOUNS = frozenset(_ROLE_WORDS.split())
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})
#: Military and clerical ranks that close a role before the name ("Chief of Staff Major General" Mohammad Baqeri).
_RANKS = frozenset({"general", "gen", "major", "maj", "brigadier", "brig", "colonel", "col", "lieutenant", "lt",
                    "captain", "capt", "admiral", "adm", "rear", "vice", "marshal", "sergeant", "sgt", "senior",
                    "ayatollah", "hojatoleslam", "hojjatoleslam", "seyed", "seyyed", "sayyed", "sheikh"})
#: Words of a title, never the start of a name ("Spokesperson" Mao Ning, "Rear Admiral" X).
_TITLE_WORDS = ROLE_NOUNS | _RANKS
_STRIP_ROLE = re.compile(r"^(the|a|an|his|her|its|their)\s+", re.I)


@dataclass
class Speaker:
    """One resolved speaker of a document."""

    key: str
    kind: str  # "person" or "organization"
    name: str
    first: tuple[int, int]
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    last_token: int = -1
    titled: list[str] = field(default_factory=list)  # roles written beside the name, not taken from a role mention

    def add_alias(self, alias: str) -> None:
        """Record a surface form once."""
        if alias and alias not in self.aliases:
            self.aliases.append(alias)

    def add_role(self, role: str, titled: bool = False) -> None:
        """Record a role or title once, ignoring fragments; a rank that ends it is a title of its own ("Chinese
        Defense Ministry spokesperson Senior Colonel": the spokesperson, and "Senior Colonel"). `titled`: written
        beside the name (a title before it, an apposition), not a role mention resolved to this person."""
        role = re.sub(r"^[^\w]+", "", " ".join(role.split()))
        role = _STRIP_ROLE.sub("", role.strip(" ,.;:—–-")).strip()
        words = role.split()
        cut = len(words)
        while cut > 1 and words[cut - 1].lower().strip(".") in _RANKS and not _office_general(words, cut - 1):
            cut -= 1
        ranked = cut < len(words) and any(w.lower().strip(".") not in _RANKS for w in words[:cut])
        parts = [" ".join(words[:cut]), " ".join(words[cut:])] if ranked else [role]
        for part in (p.strip(" ,;:—–-") for p in parts):
            if len(part) > 2 and part.lower() not in (r.lower() for r in self.roles):
                self.roles.append(part)
            if titled and len(part) > 2 and part not in self.titled:
                self.titled.append(part)


#: Offices whose name ends in "General", which is then no rank ("Secretary General", "Attorney General").
_GENERAL_OFFICES = frozenset({"secretary", "attorney", "surgeon", "director", "consul", "governor", "inspector",
                              "solicitor", "postmaster", "auditor", "comptroller", "procurator", "prosecutor"})


def _office_general(words: Sequence[str], k: int) -> bool:
    """Whether words[k] is the "General" of an office ("Hezbollah Secretary General"), not a rank."""
    return k > 0 and words[k].lower() == "general" and words[k - 1].lower().strip(",") in _GENERAL_OFFICES


@dataclass(frozen=True)
class SpeakerRef:
    """The speaker of one attribution: the mention span and the speaker key (None when unnamed)."""

    start: int
    end: int
    key: str | None
    name: str | None
    unnamed: bool = False


def _role_before(ent: Span) -> str:
    """Return the title words right before a name inside its noun phrase ("Parliament Speaker" X)."""
    doc = ent.doc
    root = ent.root
    # The parser may hang a line above on the name ("... Together\n\nOklahoma Governor Mary Fallin"): a title
    # stays within the name's own sentence and line.
    left = max(min(root.left_edge.i, ent.start), ent.sent.start)
    before = doc[ent.start - 1] if ent.start > ent.sent.start else None
    if (left == ent.start and before is not None and before.lemma_.lower() in ROLE_NOUNS
            and before.tag_ in ("NN", "NNP") and before.right_edge.i == before.i):
        # The parser may hang the name apart from the role right before it ("with his Omani counterpart Sayyid
        # Badr Albusaidi" made the name an object of its own): the role's phrase is still its title.
        left = max(before.left_edge.i, ent.sent.start)
    dated = _dateline_end(ent)
    words = [doc[i] for i in range(left, ent.start) if doc[i].idx >= dated]
    breaks = [k for k, w in enumerate(words) if "\n" in w.text_with_ws]
    if breaks:
        words = words[breaks[-1] + 1 :]
    while words and (words[0].dep_ in ("det", "case") or words[0].is_punct or words[0].tag_ == "PRP$"):
        words.pop(0)
    if not words or not any(w.lemma_.lower() in ROLE_NOUNS for w in words):
        return ""
    return doc[words[0].i : ent.start].text


def _appositive_roles(ent: Span) -> list[str]:
    """Return appositions of a name ("X, a senior advisor to ...") and a role noun it is apposed to."""
    roles = []
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            roles.append(root.doc[child.left_edge.i : child.right_edge.i + 1].text)
    if root.dep_ == "appos" and root.head.lemma_.lower() in ROLE_NOUNS and root.head.i < ent.start:
        head = root.head
        roles.append(root.doc[head.left_edge.i : ent.start].text.rstrip(" ,"))
    # "In Tehran, Nasser Kanaani, the spokesman of the ministry, told": a role hung beside the name.
    roles += [root.doc[c.left_edge.i : c.right_edge.i + 1].text for c in root.head.children
              if c.lemma_.lower() in ROLE_NOUNS and beside_apposition(root, c)]
    return roles


def _honorific_roles(ent: Span) -> str:
    """Return leading honorifics inside a name entity ("Major General"), kept as a title."""
    words = []
    for tok in ent:
        if tok.lower_.strip(".") in HONORIFICS:
            words.append(tok.text)
        else:
            break
    return " ".join(words) if len(words) < len(ent) else ""


def _title_case_line(ent: Span) -> bool:
    """Whether a name stands in a line whose words of four letters or more, three at least, are all capitalised
    (a headline: "Obama Says African-American Museum Will Tell of 'Suffering and Delight.'")."""
    text = doc_text(ent.doc)
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    line = text[start : end if end != -1 else len(text)]
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


#: An abbreviation in parentheses right after a name ("the National Bureau of Statistics (NBS)").
_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Z0-9&.-]{1,9})\)")


class _Registry:
    """Speakers of one document, found through their mentions."""

    def __init__(self) -> None:
        self.speakers: dict[str, Speaker] = {}
        self.by_token: dict[int, str] = {}
        self.renamed: dict[str, str] = {}
        self.headline_only: set[str] = set()  # people named so far only in lines written in title case
        self.outlets: set[str] = set()  # organisations named by the outlet table, never a person's surname

    def lookup(self, key: str) -> Speaker:
        """Return a speaker by key, following a surname key that was upgraded to a full name."""
        while key not in self.speakers and key in self.renamed:
            key = self.renamed[key]
        return self.speakers[key]

    def person(self, ent: Span) -> Speaker:
        name = clean_name(ent.text)
        key = name_key(name)
        words = name.split()
        if len(words) > 1 and key in self.speakers:
            # Other middle initials than the holder's are another person ("George H.W." and "George W. Bush").
            key = initials_key(key, name, middle_initials(self.speakers[key].name))
        if len(words) == 1:
            # A surname alone joins the most recent full name with that surname.
            sur = surname_key(name)
            matches = [s for s in self.speakers.values() if s.kind == "person" and surname_key(s.name) == sur]
            if matches:
                key = max(matches, key=lambda s: s.last_token).key
            else:
                given = self.given_name_match(name) or self.middle_name_match(name)
                key = given.key if given is not None else key
        elif key not in self.speakers:
            # A full name upgrades an earlier surname-only speaker, or one known by a middle name ("Lula" before
            # "Luiz Inacio Lula da Silva").
            sur = surname_key(name)
            middle = set(middle_names(name))
            for s in list(self.speakers.values()):
                if s.kind == "person" and " " not in s.key and (s.key == sur or s.key in middle):
                    old = s.key
                    del self.speakers[old]
                    self.renamed[old] = key
                    s.key, s.name = key, name
                    self.speakers[key] = s
                    for tok, k in list(self.by_token.items()):
                        if k == old:
                            self.by_token[tok] = key
                    break
        sp = self.speakers.get(key)
        if sp is None:
            sp = Speaker(key, "person", name, (ent.start_char, ent.end_char))
            self.speakers[key] = sp
            if _title_case_line(ent):
                self.headline_only.add(key)
        elif not _title_case_line(ent):
            self.headline_only.discard(key)
        elif len(name.split()) > len(sp.name.split()):
            sp.name = name
        sp.add_alias(re.sub(r"[’']s$", "", ent.text))
        sp.last_token = max(sp.last_token, ent.end - 1)
        for i in range(ent.start, ent.end):
            self.by_token[i] = key
        for role in (_role_before(ent), *_appositive_roles(ent), _honorific_roles(ent)):
            if role:
                sp.add_role(role, titled=True)
        return sp

    def surname_match(self, head: Token, label: bool = False) -> Speaker | None:
        """Return the person whose surname a proper-noun head is, when exactly one matches. A `NAME:` line's
        label counts whatever the tagger made of it: at the head of a line or in capitals it is often read as
        a common noun ("Fallin: ...", "TAPPER: ...")."""
        common = head.pos_ != "PROPN" and not label
        if common and not (head.text[:1].isupper() and head.text[1:].islower()
                           and (head.i == head.sent.start or head.doc[head.i - 1].is_space)):
            return None
        sur = surname_key(head.text)
        matches = [s for s in self.speakers.values() if s.kind == "person" and surname_key(s.name) == sur]
        if common:
            # A capitalised surname the tagger read as a common noun where it opens a line ("Owji said ...",
            # tagged a plural noun): the one person of that surname, never a first name.
            return matches[0] if len(matches) == 1 else None
        if not matches and head.ent_type_ not in ("GPE", "NORP", "LOC"):
            # A family name written first, which the tagger took for a body ("Wang Wenbin ... Wang said"), or the
            # name a person goes by ("PM Shehbaz vows ..." over "Muhammad Shehbaz Sharif").
            return self.given_name_match(head.text) or self.middle_name_match(head.text)
        return matches[0] if len(matches) == 1 else None

    def given_name_match(self, word: str) -> Speaker | None:
        """The one person whose full name opens with `word`, where no one has it as a surname: a family name
        written first ("Li Qiang ... Li said", "Kim Jong Un ... Kim") or a first name ("Hillary"). Not a name
        met only in a headline, where the tagger takes in the words after it ("Obama Says")."""
        first = name_key(word)
        matches = [s for s in self.speakers.values() if s.kind == "person" and len(s.name.split()) > 1
                   and name_key(s.name.split()[0]) == first and s.key not in self.headline_only]
        return matches[0] if len(matches) == 1 else None

    def middle_name_match(self, word: str) -> Speaker | None:
        """The one person whose full name has `word` for a middle name, by which the news calls them ("Lula" of
        "Luiz Inacio Lula da Silva")."""
        key = surname_key(word)
        matches = [s for s in self.speakers.values() if s.kind == "person" and key in middle_names(s.name)]
        return matches[0] if len(matches) == 1 else None

    def organization(self, ent: Span) -> Speaker:
        name = re.sub(r"^the\s+", "", ent.text.strip(), flags=re.I)  # a headline's name may take the line break
        key = org_key(name)
        if key not in self.speakers and key in self.renamed:
            key = self.lookup(key).key  # an abbreviation the text gave beside the full name ("NBS")
        if key not in self.speakers and " " not in name:
            # "the Resistance" after "The Islamic Resistance in Lebanon, Hezbollah": the one body so called.
            known = [s for s in self.speakers.values() if s.kind == "organization"
                     and any(_head_word(a) == name for a in s.aliases)]
            key = known[0].key if len(known) == 1 else key
        sp = self.speakers.get(key)
        if sp is None:
            sp = Speaker(key, "organization", name, (ent.start_char, ent.end_char))
            self.speakers[key] = sp
        sp.add_alias(name)
        abbreviation = _ABBREVIATION.match(doc_text(ent.doc), ent.end_char)
        if abbreviation is not None and org_key(abbreviation.group(1)) not in self.speakers:
            # "the National Bureau of Statistics (NBS) said ... the NBS said": one speaker.
            self.renamed[org_key(abbreviation.group(1))] = key
            sp.add_alias(abbreviation.group(1))
        sp.last_token = max(sp.last_token, ent.end - 1)
        return sp


def _head_word(name: str) -> str | None:
    """The head word of a body's name of several words: the last before a preposition ("Resistance" of "Islamic
    Resistance in Lebanon", "Ministry" of "Health Ministry")."""
    words = re.split(r"\s+(?:in|of|for|on)\s+", name, maxsplit=1)[0].split()
    return words[-1] if len(name.split()) > 1 and words else None


#: "pro-Clinton", "anti-Trump", "Obama-era": a name inside a modifier, not a mention of the person.
_MODIFIER_NAME = re.compile(r"(?i)^(pro|anti|non|post|pre)[-\u2010\u2011]|[-\u2010\u2011](era|style|backed|led|like)$")


def _is_mention(ent: Span) -> bool:
    """Return whether an entity names someone rather than modifying a noun with a name."""
    return ent.label_ != "PERSON" or (_MODIFIER_NAME.search(ent.text.strip()) is None and not _in_dateline(ent))


def _in_dateline(ent: Span) -> bool:
    """Whether an entity lies in the dateline that opens its line: "Havana, Oct 30 (Prensa Latina)", whose agency
    the tagger took for a person, is no one a later "the minister said" can point back to. Nor is that agency named
    again ("..., Lukashenko said at a ceremony, BelTA has learned.")."""
    return ent.start_char < _dateline_end(ent) or ent.text.strip() == _dateline_agency(ent.doc)


def _dateline_agency(doc: Doc) -> str | None:
    """The agency the article's dateline names ("MINSK, 3 July (BelTA) -"), from its first lines."""
    if "dateline_agency" not in doc.user_data:
        agency = None
        for line in doc_text(doc)[:2000].split("\n")[:6]:
            dated = parse_dateline(line) if line.strip() else None
            if dated is not None and dated.agency:
                agency = dated.agency.strip()
                break
        doc.user_data["dateline_agency"] = agency
    return doc.user_data["dateline_agency"]


def _dateline_end(ent: Span) -> int:
    """Where the agency's dateline that opens an entity's line ends ("Havana, Oct 30 (Prensa Latina) "); the line's
    start where there is none."""
    text = doc_text(ent.doc)
    start = text.rfind("\n", 0, ent.start_char) + 1
    dated = agency_dateline(text, start, ent.end_char + 40) if ent.start_char - start < 60 else None
    return dated if dated is not None else start


def _apposed_name(head: Token) -> Span | None:
    """The name apposed to a role noun where NER missed it as a person ("The Iranian president, Ebrahim Raisi,"
    with "Ebrahim Raisi" read as an organisation): two to four proper nouns and nothing else, as a PERSON span."""
    if head.lemma_.lower() not in ROLE_NOUNS:
        return None
    # The parser may hang the name on the body the role heads ("the commander of the IRGC Navy, Rear Admiral
    # Alireza Tangsiri,"): it is the role's holder all the same.
    bodies = [obj for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "in")
              for obj in prep.children if obj.dep_ == "pobj"] if head.lemma_.lower() in _HEADING else []
    for noun in (head, *bodies):
        for child in noun.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > noun.i:
                words = list(child.subtree)
                if 2 <= len(words) <= 4 and all(w.pos_ == "PROPN" for w in words):
                    return Span(head.doc, words[0].i, words[-1].i + 1, label="PERSON")
    return None


#: Prepositions after a common noun that name who made it: "an analysis by Lily Batchelder", "language from Obama".
_AUTHOR_PREPS = frozenset({"by", "from"})


#: Role nouns that head a body, whose holder the parser may hang on the body's name ("Leader of the Islamic
#: Revolution Ayatollah Seyyed Ali Khamenei", "the head of the IAEA Rafael Grossi").
_HEADING = frozenset({"leader", "head", "chief", "commander", "chairman", "chairwoman", "chair", "director",
                      "president", "governor", "secretary", "speaker", "minister", "mayor", "spokesman",
                      "spokeswoman", "spokesperson", "representative", "envoy", "ambassador"})


def _holder_after_body(head: Token, prep: Token) -> set[int]:
    """The words of the person named right after the body a heading role noun heads, in the one noun phrase
    ("Leader of [the Islamic Revolution] Ayatollah Seyyed Ali Khamenei"): the role's holder, not someone the role
    serves ("an aide to President Obama", "the spokesman for President Putin": a title before the name, not a
    body, and "aide" heads nothing)."""
    if head.lemma_.lower() not in _HEADING or prep.lower_ not in ("of", "at", "in"):
        return set()
    doc = head.doc
    for obj in prep.children:
        if obj.dep_ != "pobj" or obj.pos_ != "PROPN":
            continue
        ent = next((e for e in doc.ents if e.label_ == "PERSON" and e.end - 1 == obj.i), None)
        if ent is None or ent.start <= obj.left_edge.i:
            continue
        before = doc[ent.start - 1]
        if before.pos_ == "PROPN" and before.lemma_.lower() not in ROLE_NOUNS:
            return set(range(ent.start, ent.end))
    return set()


#: Nouns of what a body issues: "a statement by the Foreign Ministry said" is the ministry speaking.
_ISSUED = frozenset({"statement", "communique", "communiqué", "declaration", "letter", "message", "report", "release",
                     "note", "post", "tweet", "editorial", "announcement", "analysis", "study", "poll", "survey"})


#: What a body releases as a source beside its statements: "according to figures released by the central bank".
_RELEASED = frozenset({"figure", "data", "statistic", "number", "estimate"})


def _issuer(head: Token) -> Span | None:
    """The organisation that issued a statement, report ... that is the source: its possessor or the object of
    its "by"/"from" phrase ("the Foreign Ministry's statement", "a statement from Hamas", "a statement released
    by the Korean Central News Agency", "figures released by the Central Bank of Iran")."""
    if head.lemma_.lower() not in _ISSUED | _RELEASED:
        return None
    holders = [c for c in head.children if c.dep_ == "poss"]
    preps = [p for p in head.rights if p.dep_ == "prep" and p.lower_ in _AUTHOR_PREPS]
    preps += [a for v in head.rights if v.dep_ == "acl" and v.tag_ == "VBN" for a in v.children if a.dep_ == "agent"]
    holders += [o for p in preps for o in p.children if o.dep_ == "pobj"]
    for holder in holders:
        ent = next((e for e in head.doc.ents if e.label_ in _ORG_LABELS and e.start <= holder.i < e.end), None)
        if ent is not None and ent.root.i == holder.i:
            # NER may take the possessive in: "Foreign Ministry's".
            return Span(head.doc, ent.start, ent.end - 1, label=ent.label_) if ent[-1].tag_ == "POS" else ent
    return None


#: Bodies of a state that speak as one ("the Israeli army said", "Iran's government said").
_STATE_BODIES = frozenset({"army", "military", "government", "police", "navy", "cabinet", "presidency",
                           "embassy", "parliament", "judiciary", "administration", "regime", "junta"})


def _national_body(head: Token, tokens: Sequence[Token] = ()) -> Span | None:
    """A state's body named by its country or people and no entity of its own ("the Israeli army", "Iran's
    government", "the Syrian regime"): the phrase without its article, as an organisation. Not a body of no
    named state ("the army said"), nor one with an indefinite article; "the Iranian ministry" says not which
    ministry, and stays unnamed. `tokens`: the source's words, where the parser hung the body's words on another
    ("The Israeli military claims ...", read as a noun phrase)."""
    if head.lemma_.lower() not in _STATE_BODIES or head.pos_ != "NOUN" or _indefinite(head):
        return None
    mods = [c for c in head.lefts if c.dep_ in ("amod", "poss", "compound", "nmod")]
    mods += [t for t in tokens if t.i < head.i and t.head.i != head.i and t.head.i > head.i
             and t.dep_ in ("amod", "compound", "nmod")]
    if not any(m.ent_type_ in ("NORP", "GPE") for m in mods):
        return None
    first = min(m.left_edge.i for m in mods)
    return Span(head.doc, first, head.i + 1, label="ORG")


def _own_words(head: Token, tokens: Sequence[Token]) -> list[Token]:
    """The words of a source that can name its speaker. Never a clause after the head ("Christie, who campaigned
    for Donald Trump"; "the official, who spoke to Al Mayadeen") but a participle's agent. After a common noun,
    only its appositions, its conjoined nouns and its "by"/"from" phrase ("an analysis by Lily Batchelder"), not
    its other phrases ("an aide to Hillary Clinton"), though a name set off after such a phrase is the noun's ("an
    attorney for Pagliano, Mark MacDougall,", the parser hanging it on the phrase's noun); after a name the parse
    is too often wrong to tell ("Sirius XM Vice President for news and talk Dave Gorab")."""
    drop: set[int] = set()
    for child in head.rights:
        if child.dep_ in ("relcl", "acl"):
            # Save a participle's agent, who made the thing ("records obtained by the Enquirer").
            agent = {t.i for a in child.children if a.dep_ == "agent" and child.tag_ == "VBN" for t in a.subtree}
            drop.update(t.i for t in child.subtree if t.i not in agent)
        elif head.pos_ == "NOUN" and child.dep_ == "prep" and child.lower_ not in _AUTHOR_PREPS:
            apposed = {t.i for obj in child.children if obj.dep_ == "pobj"
                       for a in obj.rights if a.dep_ == "appos" for t in a.subtree}
            apposed |= _holder_after_body(head, child)
            drop.update(t.i for t in child.subtree if t.i not in apposed)
        elif head.pos_ == "NOUN" and child.dep_ not in ("appos", "conj", "cc", "punct", "prep"):
            drop.update(t.i for t in child.subtree)
    return [t for t in tokens if t.i not in drop] or list(tokens)


def _entity_of(doc: Doc, tokens: Sequence[Token], labels: frozenset[str], head: Token | None = None) -> Span | None:
    """The entity with one of `labels` that takes in `head`, else one that takes in a name apposed to it, else the
    first that takes in one of `tokens` (which may leave gaps: `_own_words`): "Ansarullah spokesman Mohammed
    Abdulsalam" and "The Ansarullah movement's spokesman, Mohammed Abdulsalam," are Abdulsalam, though the tagger
    takes the movement's name for a person's too."""
    ids = {t.i for t in tokens}
    found = [ent for ent in doc.ents
             if ent.label_ in labels and any(i in ids for i in range(ent.start, ent.end)) and _is_mention(ent)]
    apposed = [c.i for c in head.children if c.dep_ == "appos"] if head is not None else []
    held = (ent for ent in found if head is not None and ent.start <= head.i < ent.end)
    named = (ent for ent in found if any(ent.start <= i < ent.end for i in apposed))
    ent = next(held, next(named, found[0] if found else None))
    return _without_title(ent) if ent is not None else None


def _without_title(ent: Span) -> Span:
    """A person's entity without the title the tagger took into it ("Spokesperson Mao Ning" is Mao Ning, as
    "Spokesman Wang Wenbin" is Wang Wenbin): the title is a role, not part of the name."""
    return _without_leading(ent, lambda tok: tok.lower_.rstrip(".") in _TITLE_WORDS)


def _with_given_name(ent: Span) -> Span:
    """A person's entity with the given name the tagger left before a family name's particle ("UN Qusay
    al-Dahhak", whose entity was "al-Dahhak" and "Qusay" the end of his role): one capitalised word of letters
    right before it, in no entity and no title."""
    doc = ent.doc
    if ent.start == 0 or not re.match(r"(?:al|el|ad|as|an|ar|at|az)\s?-|(?:bin|ibn|abu|abd)\b", ent.text, re.I):
        return ent
    given = doc[ent.start - 1]
    if (given.ent_type_ or not given.is_alpha or not given.text[:1].isupper() or given.text.isupper()
            or given.lower_ in _TITLE_WORDS | HONORIFICS or given.pos_ != "PROPN"):
        return ent
    return Span(doc, ent.start - 1, ent.end, label=ent.label_)


def _past_words(ent: Span, words: set[int]) -> Span:
    """An entity without the leading words in `words`: a cue the tagger took into the name it opens ('Said
    Kanaani: "..."' is Kanaani)."""
    return _without_leading(ent, lambda tok: tok.i in words)


def _without_leading(ent: Span, drop: Callable[[Token], bool]) -> Span:
    """An entity without its leading words that `drop` holds, keeping at least its last word."""
    start = ent.start
    while start < ent.end - 1 and drop(ent.doc[start]):
        start += 1
    return ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label_)


#: Verbs of saying: a relative clause with one of them as its cue is a statement of the noun phrase it follows.
_SAYING = REPORTING_PARTICIPLES | STATEMENT_PARTICIPLES | frozenset({
    "confirm", "report", "estimate", "believe", "think", "criticize", "criticise", "dismiss", "affirm", "underline",
    "condemn", "denounce", "reject"})


def _speech(doc: Doc, f: Found) -> bool:
    """Whether an attribution's cue is a verb of saying."""
    cue = doc.char_span(*f.cue, alignment_mode="expand") if f.cue else None
    return cue is not None and len(cue) > 0 and cue.root.lemma_.lower() in _SAYING


def resolve(doc: Doc, found: Sequence[Found]) -> tuple[list[SpeakerRef | None], list[Speaker]]:
    """Return each attribution's speaker reference and the document's speakers."""
    reg = _Registry()
    cue_words = {t.i for f in found if f.cue for t in doc.char_span(*f.cue, alignment_mode="expand") or ()}
    persons = [_past_words(_with_given_name(_without_title(e)), cue_words) for e in doc.ents
               if e.label_ == "PERSON" and _is_mention(e)]
    p_iter = iter(persons)
    pending = next(p_iter, None)
    last_person: str | None = None
    refs: list[SpeakerRef | None] = []
    order = sorted(range(len(found)), key=lambda i: (found[i].source or found[i].cue or found[i].content[0])[0])
    by_index: dict[int, SpeakerRef | None] = {}
    deferred: list[tuple[int, str]] = []  # (attribution index, role text) waiting for a later name
    forward: list[int] = []  # attributions whose source is a name nobody has carried yet ("Lynch:" headlines)
    unnamed_roles: dict[str, int] = {}  # role noun of an unnamed source ("A spokesman for the ministry") -> its token
    issued: dict[str, SpeakerRef] = {}  # "statement" of "the ministry said in a statement" -> the ministry
    previous: tuple[SpeakerRef, int] | None = None  # the last attribution's speaker, and its source's head
    for i in order:
        f = found[i]
        if f.source is None or f.source_head is None:
            by_index[i] = None
            continue
        head = doc[f.source_head]
        span = doc.char_span(f.source[0], f.source[1], alignment_mode="expand")
        tokens = list(span) if span is not None and len(span) else [head]
        if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl" and head.head.head.i < head.i and _speech(doc, f):
            # "Javad Zarif, who told reporters ...": the relative pronoun stands for the noun phrase it follows; the
            # source span stays the pronoun (as PolNeAR marks it), the speaker is the phrase's. Only for what was
            # said: "Josh Shapiro, who ordered the two-year investigation" makes no claim of Shapiro's.
            head = head.head.head
            tokens = list(doc[head.left_edge.i : head.i + 1])
        # Register every person named up to this source, so surnames and pronouns see them.
        while pending is not None and pending.start <= head.i:
            reg.person(pending)
            # Pronouns and role nouns refer back to the last person in subject position, the usual
            # antecedent in news copy; a person only mentioned as an object is a fallback.
            if pending.root.dep_ in ("nsubj", "nsubjpass") or last_person is None:
                last_person = reg.by_token.get(pending.start, last_person)
            pending = next(p_iter, None)
        ref: SpeakerRef | None
        ent = _entity_of(doc, _own_words(head, tokens), frozenset({"PERSON"}), head) or _apposed_name(head)
        ent = _past_words(_with_given_name(ent), cue_words) if ent is not None else None
        org = _entity_of(doc, [head], _ORG_LABELS)
        org = _with_qualifier(_with_conjoined(org)) if org is not None else None
        label = f.origin in ("colon", "dash")  # a `NAME:` line's label, a headline's "... - NAME": a name
        surname = reg.surname_match(head, label)
        # Looked up only where it can be taken: no organisation, and no person but one in capitals ("SANA said").
        outlet = _outlet_named(head) if org is None and (ent is None or ent.text.isupper()) else None
        if f.origin == "colon" and _SOURCES_TO.match(doc_text(doc), f.source[0]):
            # A headline's "Sources to Al Mayadeen: ...": sources unnamed, who spoke to the outlet it names.
            ref = SpeakerRef(*f.source, None, None, unnamed=True)
        elif outlet is not None and (ent is None or ent.text == outlet.text):
            # An outlet the tagger left without an entity, or took for a person ("SANA said").
            sp = reg.organization(outlet)
            reg.outlets.add(sp.key)
            ref = SpeakerRef(*f.source, sp.key, sp.name)
        elif ent is not None:
            key = reg.by_token.get(ent.start)
            if key is None:
                key = reg.person(ent).key
            last_person = key
            sp = reg.lookup(key)
            if f.source[0] < ent.start_char:
                # Words before the name inside the source are its title ("Parliament Speaker" X).
                sp.add_role(doc_text(doc)[f.source[0] : ent.start_char], titled=True)
            ref = SpeakerRef(*f.source, sp.key, sp.name)
        elif surname is not None:
            # NER sometimes labels a known person's surname as ORG or nothing; the surname decides.
            last_person = surname.key
            ref = SpeakerRef(*f.source, surname.key, surname.name)
        elif ent is None and (full := _trailing_name(doc, f.source)) is not None:
            # "Deputy Chairman of the Russian Security Council Dmitry Medvedev wrote", one ORG to the tagger, under
            # a headline's "Medvedev": the full name, and the words before it his title.
            sp = reg.person(full)
            if f.source[0] < full.start_char:
                sp.add_role(doc_text(doc)[f.source[0] : full.start_char], titled=True)
            last_person = sp.key
            ref = SpeakerRef(*f.source, sp.key, sp.name)
        elif head.lower_ in _PERSON_PRONOUNS and last_person is not None:
            sp = reg.lookup(last_person)
            ref = SpeakerRef(*f.source, sp.key, sp.name)
        elif (ent is None and (apposed := _apposed_body(head, tokens)) is not None
              and (org is None or org.end <= apposed.start)):
            # "The Islamic Resistance in Lebanon, Hezbollah, announced ...": the body the apposition names, known by
            # the phrase before it too.
            sp = reg.organization(apposed)
            alias = doc[tokens[0].i : apposed.start].text.strip(" ,")
            sp.add_alias(re.sub(r"^the\s+", "", alias, flags=re.I))
            ref = SpeakerRef(*f.source, sp.key, sp.name)
        elif org is not None and head.i < org.end and org.root.i == head.i and not _indefinite(head):
            sp = reg.organization(org)
            ref = SpeakerRef(*f.source, sp.key, sp.name)
        elif (office := _body_office(head)) is not None:
            # "The Kremlin press service said": the body's office, named with the body.
            sp = reg.organization(office)
            if office.end <= head.i:
                sp.add_alias(doc[office.start : head.i + 1].text)  # "Hezbollah resistance movement": "the movement"
            ref = SpeakerRef(*f.source, sp.key, sp.name)
        elif (issuer := _issuer(head)) is not None:
            sp = reg.organization(issuer)
            ref = SpeakerRef(*f.source, sp.key, sp.name)
        elif (earlier := issued.get(head.lemma_.lower())) is not None and _definite(head) and not any(
                c.dep_ == "poss" for c in head.children):
            # "the ministry said in a statement ... the statement read": the statement is the ministry's.
            ref = SpeakerRef(*f.source, earlier.key, earlier.name)
        elif (body := _body_named(reg, head)) is not None:
            ref = SpeakerRef(*f.source, body.key, body.name)
        elif (national := _national_body(head, tokens)) is not None:
            sp = reg.organization(national)
            ref = SpeakerRef(*f.source, sp.key, sp.name)
        elif head.lemma_.lower() in ROLE_NOUNS and head.tag_ in ("NN", "NNP") and (
                _definite(head) or f.origin == "dash" or _in_title(head)):
            # Within the source: a headline's label ("Hamas official: Resistance ready ...") has the parser hang
            # the whole line on its noun.
            role = doc_text(doc)[doc[head.left_edge.i].idx : min(doc[head.right_edge.i].idx
                                                                 + len(doc[head.right_edge.i]), f.source[1])]
            noun = head.lemma_.lower()
            holder = _role_holder(reg, noun, role, last_person) or _same_affiliation(reg, role, last_person)
            if holder is None and unnamed_roles.get(noun, -1) > (
                    reg.lookup(last_person).last_token if last_person is not None else -1):
                # "A spokesman for the Foreign Ministry released a statement ... the spokesman said": the one who
                # went unnamed, not the person named before him or the next one named.
                ref = SpeakerRef(*f.source, None, None, unnamed=True)
            elif holder is not None:
                # "The minister said" after "spokesman Nasser Kanaani said": the one titled minister before.
                holder.add_role(role)
                ref = SpeakerRef(*f.source, holder.key, holder.name)
            elif last_person is not None and not _other_affiliation(role, reg.lookup(last_person).roles):
                sp = reg.lookup(last_person)
                sp.add_role(role)
                ref = SpeakerRef(*f.source, sp.key, sp.name)
            else:
                if last_person is None:
                    deferred.append((i, role))  # a role before any name: the first person named after it
                # A role naming another body than the last person's is someone unnamed, not the next one named.
                ref = SpeakerRef(*f.source, None, None, unnamed=True)
        elif head.lower_ == "it" and (body := _body_before(doc, reg, previous, head)) is not None:
            # "The Ministry added ... It pointed out that ...": the body the attribution before it is by.
            ref = SpeakerRef(*f.source, body.key, body.name)
        elif head.lower_ in _GROUP_PRONOUNS or head.pos_ == "PRON":
            ref = SpeakerRef(*f.source, None, None, unnamed=True)
        else:
            if head.pos_ == "PROPN" or label:
                forward.append(i)
            elif head.lemma_.lower() in ROLE_NOUNS and _indefinite(head):
                unnamed_roles[head.lemma_.lower()] = head.i
            ref = SpeakerRef(*f.source, None, None, unnamed=True)
        by_index[i] = ref
        previous = (ref, head.i)
        if ref.key:
            content = token_ids(doc, f.content)
            issued.update((t.lemma_.lower(), ref) for t in head.sent
                          if t.lemma_.lower() in _ISSUED and t.i not in content and t.i != head.i
                          and _same_line(head, t))
    while pending is not None:
        reg.person(pending)
        pending = next(p_iter, None)
    # A surname before the full name ("Lynch: No outside influence ..." over a story on Loretta Lynch) is the
    # one person of the document with that surname.
    for i in forward:
        f = found[i]
        match = (reg.surname_match(doc[f.source_head], label=f.origin in ("colon", "dash"))
                 if f.source_head is not None else None)
        if match is None and f.source_head is not None and f.source is not None:
            match = _office_acronym_holder(reg, doc[f.source_head], doc_text(doc)[f.source[0] : f.source[1]])
        if match is not None:
            by_index[i] = SpeakerRef(*(f.source or (0, 0)), match.key, match.name)
        elif (f.origin == "colon" and f.source is not None and doc_text(doc)[f.source[0] : f.source[1]] == "A"
              and (host := _briefing_host(doc)) is not None):
            # A press briefing's "A: ...": the spokesperson its title names.
            sp = reg.person(host)
            by_index[i] = SpeakerRef(*f.source, sp.key, sp.name)
        elif (named := _unlabelled_name(doc, f)) is not None:
            # "Recep Tayyip Erdogan said", "Human Rights Watch said": a name the tagger labelled nothing.
            sp = reg.organization(named) if named.label_ == "ORG" else reg.person(named)
            by_index[i] = SpeakerRef(*(f.source or (0, 0)), sp.key, sp.name)
        elif f.origin == "dash" and f.source is not None and doc_text(doc)[f.source[0] : f.source[1]].lower() in (
                "report", "reports", "media", "media reports", "source", "sources"):
            by_index[i] = SpeakerRef(*f.source, None, None, unnamed=True)  # "... - Report": no one named
        elif f.origin == "dash" and f.source is not None and (span := doc.char_span(*f.source)) is not None:
            # A headline's source after its dash that no one is named by: a body ("... - MoD").
            sp = reg.organization(span)
            by_index[i] = SpeakerRef(*f.source, sp.key, sp.name)
    # A role noun before any name ("The representative of ... says") is the first person named after it, outside
    # its own sentence and content: a name there is spoken to or about ("the commander told Tasnim news agency").
    for i, role in deferred:
        f = found[i]
        own = doc[f.source_head].sent if f.source_head is not None else None
        later = [e for e in persons if e.start_char >= (f.source or (0, 0))[1]
                 and (own is None or e.start >= own.end)
                 and not any(s <= e.start_char < t for s, t in f.content)]
        if later:
            key = reg.by_token.get(later[0].start)
            if key is not None and not _other_affiliation(role, reg.lookup(key).roles):
                sp = reg.lookup(key)
                sp.add_role(role)
                by_index[i] = SpeakerRef(*(f.source or (0, 0)), sp.key, sp.name)
    # NER sometimes calls a lone surname an organisation before the full name appears: merge it.
    for sp in list(reg.speakers.values()):
        if sp.kind != "organization" or " " in sp.name.strip() or sp.key in reg.outlets:
            continue
        sur = surname_key(sp.name)
        people = [p for p in reg.speakers.values() if p.kind == "person" and surname_key(p.name) == sur]
        if len(people) == 1:
            del reg.speakers[sp.key]
            reg.renamed[sp.key] = people[0].key
            people[0].add_alias(sp.name)
    refs = [by_index.get(i) for i in range(len(found))]
    # A surname seen before the full name was re-keyed when the full name came: follow that.
    refs = [replace(r, key=reg.lookup(r.key).key, name=reg.lookup(r.key).name) if r is not None and r.key else r
            for r in refs]
    used = {r.key for r in refs if r is not None and r.key}
    speakers = [s for s in reg.speakers.values() if s.key in used]
    return refs, speakers


#: A headline label of unnamed sources and the outlet they spoke to ("Sources to Al Mayadeen:", "Source tells RT:").
_SOURCES_TO = re.compile(r"(?:[A-Z][\w-]*\s+){0,2}[Ss]ources?\s+(?:to|tells?|told)\s")


#: Words that make a run of capitalised words a body's name, not a person's ("Human Rights Watch").
_BODY_WORDS = frozenset({
    "ministry", "department", "agency", "office", "council", "committee", "commission", "army", "forces", "force",
    "watch", "bank", "group", "party", "movement", "front", "brigades", "guard", "guards", "corps", "command",
    "court", "union", "league", "organization", "organisation", "institute", "center", "centre", "university",
    "news", "times", "post", "press", "television", "radio", "media", "service", "services", "house", "company",
    "government", "parliament", "assembly", "congress", "senate", "police", "authority", "authorities", "fund",
    "foundation", "association", "network", "resistance", "republic", "state", "states", "kingdom", "nations"})


def _trailing_name(doc: Doc, source: tuple[int, int] | None) -> Span | None:
    """The capitalised given names and surname that end a source the tagger took into a body's name ("... the
    Russian Security Council Dmitry Medvedev"): two words or more, none a body's word, role or title, the last a
    surname the tagger knows as a person's elsewhere in the text."""
    span = doc.char_span(*source, alignment_mode="expand") if source is not None else None
    if span is None or not len(span):
        return None
    head = span[-1]
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON" or not any(
            e.label_ == "PERSON" and e[-1].lower_ == head.lower_ for e in doc.ents):
        return None
    start = head.i
    while (start - 1 > span.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()
           and doc[start - 1].text.replace("-", "").isalpha()
           and doc[start - 1].lower_ not in _BODY_WORDS | ROLE_NOUNS | _TITLE_WORDS):
        start -= 1
    return Span(doc, start, head.i + 1, label="PERSON") if start < head.i else None


def _briefing_host(doc: Doc) -> Span | None:
    """The person a briefing's title names ("Foreign Ministry Spokesperson Lin Jian's Regular Press Conference"),
    who gives its answers."""
    first_line = doc_text(doc).lstrip().split("\n", 1)[0]
    end = doc_text(doc).find(first_line) + len(first_line)
    ent = next((e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= end and _is_mention(e)), None)
    return _without_title(ent) if ent is not None else None


def _body_office(head: Token) -> Span | None:
    """A body's office named with the body's name compounded onto it ("the Kremlin press service", "the White
    House press office"): the name and the office's words, where the head is a body's word."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in _BODY_WORDS or _indefinite(head):
        return None
    words = [c for c in head.lefts if c.dep_ == "compound"]
    if not words or any(c.pos_ not in ("NOUN", "PROPN") for c in words):
        return None
    first = words[0].left_edge
    names = [e for e in head.doc.ents if e.label_ in ("ORG", "GPE") and e.start <= first.i < e.end <= head.i]
    between = head.doc[names[0].end : head.i] if names else ()
    if not names or any(t.dep_ != "compound" or t.pos_ not in ("NOUN", "PROPN") for t in between):
        return None
    start = names[0].start + (head.doc[names[0].start].dep_ == "det")
    if head.lemma_.lower() in _KINDS_OF_BODY:
        # "Lebanon's Hezbollah resistance movement says": the body itself, told what kind it is, not an office of it.
        return Span(head.doc, start, names[0].end, label="ORG")
    return Span(head.doc, start, head.i + 1, label="ORG")


#: Words that tell what kind of body a name is ("the Hezbollah resistance movement", "the Hamas group").
_KINDS_OF_BODY = frozenset({"movement", "group", "party", "organization", "organisation", "militia", "front",
                            "faction", "brigades", "network"})


def _unlabelled_name(doc: Doc, f: Found) -> Span | None:
    """A source that is a full name the tagger labelled nothing: two to four capitalised proper nouns of letters
    alone, none in any entity, and none a role or title. A person's ("Recep Tayyip Erdogan said"), or a body's
    where its last word is a body's word ("Human Rights Watch said", "The Foreign and Expatriates Ministry")."""
    if f.source is None or f.source_head is None or f.origin in ("colon", "dash"):
        return None
    span = doc.char_span(*f.source, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span if not t.is_punct and t.dep_ != "det"]
    if not 2 <= len(words) <= 5 or words[-1].i != f.source_head or words[-1].i - words[0].i != len(words) - 1:
        return None
    joined = [t for t in words[1:-1] if t.lower_ == "and"]  # "The Foreign and Expatriates Ministry": a body's
    names = [t for t in words if t not in joined]
    if len(names) > 4 or not all(
            t.pos_ == "PROPN" and not t.ent_type_ and t.text[:1].isupper() and t.text.replace("-", "").isalpha()
            and not t.text.isupper() and t.lower_ not in ROLE_NOUNS | _TITLE_WORDS for t in names):
        return None
    bodies = [t.lower_ in _BODY_WORDS for t in names]
    if bodies[-1]:
        return Span(doc, words[0].i, words[-1].i + 1, label="ORG")
    return None if any(bodies) or joined else Span(doc, words[0].i, words[-1].i + 1, label="PERSON")


def _in_title(head: Token) -> bool:
    """Whether a word is in the headline, the first line of an article of several lines, which drops its articles
    ("..., Says Ex-CIA Analyst" is the analyst the story names); not with an indefinite article of its own."""
    text = doc_text(head.doc)
    return ("\n" not in text[: head.idx].lstrip() and "\n" in text[head.idx :].rstrip()
            and not _indefinite(head))


def _same_line(a: Token, b: Token) -> bool:
    """Whether no line break lies between two words: the parser may run a sentence that ends in a quotation mark
    into the paragraph below."""
    first, last = sorted((a.i, b.i))
    return not any("\n" in t.text_with_ws for t in a.doc[first:last])


def _apposed_body(head: Token, tokens: Sequence[Token]) -> Span | None:
    """An organisation set off by commas as the apposition of a source's phrase ("The Islamic Resistance in Lebanon,
    Hezbollah,"), where the phrase itself names no organisation the tagger knows."""
    if not tokens or not any(t.dep_ == "appos" and t.ent_type_ for t in tokens):
        return None
    first, last = tokens[0].i, tokens[-1].i
    doc = head.doc
    for ent in doc.ents:
        if (ent.label_ in _ORG_LABELS and first < ent.start and ent.end <= last + 1 and ent.root.dep_ == "appos"
                and doc[ent.start - 1].text == "," and (ent.end > last or doc[ent.end].text == ",")):
            return ent
    return None


def _with_conjoined(org: Span) -> Span:
    """An organisation's name with the words the tagger left off before its "and" ("the Foreign and Expatriates
    Ministry", where it took "Expatriates Ministry" alone)."""
    first = org[0]
    if first.dep_ != "conj" or first.head.i >= org.start or first.head.head.i != org.root.i:
        return org
    start = first.head.i
    if not all(t.tag_ in ("NNP", "NNPS", "CC", ",") for t in org.doc[start : org.start]):
        return org
    return Span(org.doc, start, org.end, label=org.label_)


def _with_qualifier(org: Span) -> Span:
    """An organisation's name with the proper nouns the tagger left off before it that qualify its head ("the UK
    Ministry of Defence", where it took "the UK" and "Ministry of Defence" as two names: without them, the UK's
    ministry would be one speaker with Russia's "Ministry of Defence"), or the place or name it cut off after its
    "of" or "for" ("the UN Office for the Coordination of Humanitarian Affairs")."""
    doc, start, end = org.doc, org.start, org.end
    while (start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].tag_ in ("NNP", "NNPS")
           and org.start <= doc[start - 1].head.i < org.end):
        start -= 1
    if org[-1].lower_ == "of":
        # "the Statistical Center of | Iran": the place the tagger cut off after "of".
        end = next((e.end for e in doc.ents if e.start == org.end and e.label_ in _ORG_LABELS), end)
    elif (org.end < len(doc) and doc[org.end].lower_ in ("for", "of", "on")
          and org.start <= doc[org.end].head.i < org.end):
        # "the UN Office | for | the Coordination of Humanitarian Affairs": the rest of its name, cut off.
        end = next((e.end for e in doc.ents if e.start == org.end + 1 and e.label_ == "ORG"), end)
    return org if (start, end) == (org.start, org.end) else Span(doc, start, end, label=org.label_)


def _outlet_named(head: Token) -> Span | None:
    """The news outlet a source names ("IRNA reported", "the official IRNA news agency said", "SANA said", which
    the tagger may leave without an entity or take for a person): the shortest run of proper nouns in the source's
    own noun phrase, with the nouns after them up to its head, that the outlet table (`meta.outlets`) knows by
    name. One word counts only when written in capitals (an acronym: "IRNA", "KCNA"), as the table also holds
    words such as "Star" and "Today"; a person's name counts only as such an acronym."""
    doc = head.doc
    words = [t for t in doc[head.left_edge.i : head.i + 1] if t.pos_ in ("PROPN", "NOUN") or t.i == head.i]
    if head.pos_ not in ("PROPN", "NOUN") or not any(t.pos_ == "PROPN" for t in words):
        return None
    for start in range(len(words)):
        first = words[start]
        if first.pos_ != "PROPN" or (first.ent_type_ == "PERSON" and not (len(first) > 1 and first.text.isupper())):
            continue
        for end in range(start + 1, len(words) + 1):  # the shortest name: "IRNA" of "IRNA news agency"
            span = doc[words[start].i : words[end - 1].i + 1]
            if len(span) != end - start:
                break  # the words no longer follow one another
            if len(span) == 1 and not (len(span.text) > 1 and span.text.isupper()):
                continue
            if outlets.resolve(name=span.text) is not None:
                return span
    return None


#: Abbreviated titles before a name ("Sen. Ted Cruz", "Gov. Chris Christie") and the role nouns they stand for.
_TITLE_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "rep": "representative", "pres": "president",
                        "gen": "general", "sec": "secretary", "amb": "ambassador", "atty": "attorney"}


def _holds(speaker: Speaker, noun: str) -> bool:
    """Whether a role written beside a person's name has the office `noun` as its head ("the senator": "Sen",
    "Vermont senator"; "the governor": "governor of New Jersey"; not "allies of the candidate")."""
    for role in speaker.titled:
        words = [w.strip(".,;:'’\"()").lower() for w in role.split()]
        words = [_TITLE_ABBREVIATIONS.get(w, w) for w in words]
        cut = next((i for i, w in enumerate(words) if w in _ROLE_HEAD_ENDS), len(words))
        if noun == next((w for w in reversed(words[:cut]) if w and w not in _BARE_TITLES), ""):
            return True
    return False


#: Honorifics and ranks that follow a role's head without being an office ("British diplomat Sir" Peter X).
_BARE_TITLES = (HONORIFICS | _RANKS) - ROLE_NOUNS
#: Words after the head of a role ("governor of New Jersey", "adviser to the president", "aide who ...").
_ROLE_HEAD_ENDS = frozenset({"of", "for", "at", "in", "on", "to", "from", "with", "who", "which", "that", "whose"})


def _role_holder(reg: _Registry, noun: str, role: str, last: str | None) -> Speaker | None:
    """The person a definite role mention ("the president", "The Republican presidential nominee") points back to:
    the last person in subject position where a title written beside their name has that office as its head
    (`_holds`), else the latest person named before who is so titled and whose roles name no other body than the
    mention; None where no one is titled with it (the caller then falls back on the last person)."""
    if last is not None and _holds(reg.lookup(last), noun) and not _other_affiliation(role, reg.lookup(last).roles):
        return reg.lookup(last)
    holders = [s for s in reg.speakers.values() if s.kind == "person" and _holds(s, noun)
               and not _other_affiliation(role, s.roles)]
    return max(holders, key=lambda s: s.last_token, default=None)


def _same_affiliation(reg: _Registry, role: str, last: str | None) -> Speaker | None:
    """The latest person whose known roles name the country or body a role mention names, where the last person's
    roles do not: "The top Iranian diplomat" after "Iranian Foreign Minister X" and a sentence whose subject is
    another ("Muscat will continue", a city the tagger took for a person) is X. None where the last person's roles
    name it too, or no one's do (the caller then falls back on the last person)."""
    own = _affiliations(role)
    if not own or (last is not None and own & set().union(*map(_affiliations, reg.lookup(last).roles))):
        return None
    people = [s for s in reg.speakers.values() if s.kind == "person" and s.key != last
              and own & set().union(*map(_affiliations, s.roles))]
    return max(people, key=lambda s: s.last_token, default=None)


#: Offices that headlines write as acronyms ("Iran's FM: ...", "PM: ..."): the words a holder's title has.
_OFFICE_ACRONYMS = {"fm": ("foreign", "minister"), "pm": ("prime", "minister")}


def _office_acronym_holder(reg: _Registry, head: Token, mention: str) -> Speaker | None:
    """The person a headline's office acronym stands for ("Iran's FM: Western sanctions are ..."): the latest one
    whose title holds the office's words ("Iranian Foreign Minister X") and whose roles name no other country."""
    words = _OFFICE_ACRONYMS.get(head.text.lower().rstrip("."))
    if words is None or not head.text.isupper():
        return None
    holders = [s for s in reg.speakers.values() if s.kind == "person" and not _other_affiliation(mention, s.roles)
               and any(all(w in role.lower().split() for w in words) for role in s.titled)]
    return max(holders, key=lambda s: s.last_token, default=None)


def _body_before(doc: Doc, reg: _Registry, previous: tuple[SpeakerRef, int] | None, head: Token) -> Speaker | None:
    """The organisation an "it" as a source stands for: the speaker of the attribution just before, where a body
    speaks there, in the same paragraph or the one before ("The Ministry added ... | It pointed out that ...")."""
    if previous is None or previous[0].key is None or previous[1] >= head.i:
        return None
    body = reg.lookup(previous[0].key)
    if body.kind != "organization" or doc_text(doc).count("\n\n", doc[previous[1]].idx, head.idx) > 1:
        return None
    return body


def _body_named(reg: _Registry, head: Token) -> Speaker | None:
    """The organisation a definite common noun stands for: the latest speaker whose name ends in it ("the ministry"
    after "The Russian Defense Ministry said") or has it for head ("the Ministry of Health"), unless the mention
    names another country or body ("the Iranian ministry"), or "the Ministry" capitalised."""
    capitalised = head.pos_ == "PROPN" and not any(c.dep_ in ("compound", "amod", "nmod") for c in head.lefts)
    if (head.pos_ != "NOUN" and not capitalised) or not _definite(head):
        return None
    noun = head.lemma_.lower()
    bodies = [s for s in reg.speakers.values() if s.kind == "organization" and any(
        len(a.split()) > 1 and noun in (a.split()[-1].lower(), (_head_word(a) or "").lower()) for a in s.aliases)]
    body = max(bodies, key=lambda s: s.last_token, default=None)
    mention = head.doc[head.left_edge.i : head.i + 1].text
    return None if body is None or _other_affiliation(mention, [body.name]) else body


def _affiliations(role: str) -> set[str]:
    """The names a role is qualified by ("Iranian", "Al Mayadeen"), cut to four letters so that a country and its
    people's adjective agree ("Iran's", "Iranian"); role nouns and ranks are not among them, nor the "Ex-" of a
    former member ("Ex-CIA Analyst" names the CIA, as "Former CIA analyst" does)."""
    words = (re.sub(r"^(?i:ex)[-\u2010\u2011]", "", w.strip(".,;:'’\"()")).removesuffix("'s").removesuffix("’s")
             for w in role.split())
    return {w[:4].lower() for w in words if w[:1].isupper() and w.lower() not in _NO_AFFILIATION}


#: Capitalised words of roles that name no country or body: titles, ranks ("Deputy Foreign Minister"), a foreign
#: ministry's abbreviations ("FM spokesperson").
_NO_AFFILIATION = _TITLE_WORDS | frozenset({
    "the", "deputy", "foreign", "defense", "defence", "prime", "vice", "first", "former", "acting", "top", "senior",
    "chief", "interior", "supreme", "national", "state", "general", "fm", "mfa"})


def _other_affiliation(role: str, roles: Sequence[str]) -> bool:
    """Whether a role mention names a country or body none of a person's known roles names: "the Iranian
    president" after "Russian Deputy Foreign Minister Sergei Ryabkov" is someone else, as is "Al Mayadeen
    correspondent"; "the top diplomat", "the Iranian minister" after "Iran's Foreign Minister X" are X."""
    own = _affiliations(role)
    known = set().union(*(_affiliations(r) for r in roles)) if roles else set()
    return bool(own and known and not own & known)


#: Determiners that make a group or place noun one unnamed member ("another Democrat", "a Republican").
_INDEFINITE = frozenset({"a", "an", "another", "one", "some", "any", "each", "every"})


def _indefinite(head: Token) -> bool:
    """Whether a mention is an unnamed member of a group ("another New Hampshire Democrat"), not the group."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in head.lefts)


def _definite(head: Token) -> bool:
    """Whether a nominal mention points at one known individual (the/possessive/proper modifier); never with an
    indefinite determiner ("A New York judge" is someone unnamed)."""
    if _indefinite(head):
        return False
    for child in head.lefts:
        if child.dep_ == "det" and child.lower_ in ("the", "this", "that"):
            return True
        if child.dep_ in ("poss", "compound") and (child.pos_ == "PROPN" or child.ent_type_):
            return True
    return False


def speaker_ids(speakers: Sequence[Speaker]) -> dict[str, str]:
    """Return the deterministic corpus id of each doc-local speaker key."""
    return {s.key: speaker_id(s.key) for s in speakers}
