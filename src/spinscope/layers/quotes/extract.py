"""Attribution extraction over the spaCy dependency parse: cue, source and content of each quote."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from spinscope.layers.quotes.marks import QuoteSegment, find_quotes
from spinscope.meta.dateline import parse_dateline
from spinscope.meta.dates import MONTH_RE

__all__ = ["Found", "Frame", "Candidate", "ContentChooser", "doc_text", "token_ids", "extract", "frame_for",
           "content_candidates", "cue_span", "beside_apposition", "SUBJECT_DEPS", "CUE_POS", "NESTED_THRESHOLD",
           "REPORTING_PARTICIPLES", "agency_dateline"]

logger = logging.getLogger(__name__)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Parts of speech of the words the cue model scores as the head of a cue.
CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
_CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "prep_on")
_TRIM = set(" \n\t,.;:—–-")
#: Clausal dependents that can carry the content when the cue has no ccomp.
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "parataxis"})
#: Cues whose content is their direct object ("called the deal a disaster" is content, "told reporters" is not).
_OBJECT_IS_AUDIENCE = frozenset({"tell", "ask", "inform", "warn", "remind", "assure", "urge", "convince", "notify"})

_CUE_PREPS = frozenset({"to", "for", "about", "of", "against"})
_TOPIC_PREPS = frozenset({"about", "of", "against"})
#: Adverbs that PolNeAR annotators keep in the cue ("also said", "repeatedly said").
_CUE_ADVERBS = frozenset({"also", "repeatedly", "previously", "first", "recently", "often", "later", "again"})

#: A cue inside the content of an attribution found before it ("X said Y claimed Z") must be surer than the
#: candidate threshold (5-fold CV on PolNeAR train: 0.8 beat 0.6, 0.9 and blocking nested cues outright).
NESTED_THRESHOLD = 0.8

CueScorer = Callable[[Token, bool], float]

#: `Trump: 'I'm the worst thing...'`: a line opened by a short name and a colon (headlines, transcripts).
_COLON_LINE = re.compile(r"(?m)^([^:\n]{1,120}?):[ \t\u00a0]+(\S[^\n]*)")
#: A label longer than this is a sentence that ends in a colon, not a name ...
_LABEL_CHARS = 45
#: ... unless a dash sets a name off at its end: a newsletter's "Polls failed in Iowa - Philip Bump: “...”" or
#: "-More from Jones: “...”" (the name is the source).
_BYLINE = re.compile(r"(?:\s(?:-|—|–)\s?|(?:-|—|–)\s)(?:More from )?(?=[A-Z][^-—–]*$)")
#: The dash that ends a dateline: em dash, en dash, a typed double hyphen or a hyphen, with spaces around it (a
#: dateline only where a parenthesis or capitals alone come before it: "CLEVELAND - ", "(Reuters) - ").
_DATELINE_DASH = re.compile(r" (?:—|–|--|-) ")
#: Line labels that take a colon but name no speaker.
_NOT_SPEAKERS = frozenset({"the latest", "update", "watch", "related", "note", "read more", "breaking", "exclusive",
                           "video", "photos", "correction", "editor's note", "q", "a"})
#: Line labels that name a source that is no person: "Poll: Trump and Clinton hold narrow leads ..." (annotated
#: so on PolNeAR train: "Poll:" 5 times of 6, "Report:" 3 of 3).
_SOURCE_LABELS = frozenset({"poll", "new poll", "report", "survey", "study"})


#: The last document whose text `doc_text` joined, with that text.
_LAST_TEXT: tuple[Doc | None, str] = (None, "")


def doc_text(doc: Doc) -> str:
    """Return `doc.text`, joined once per document: spaCy joins every token on each access, and extraction
    asks for it for every candidate (this made the layer several times slower)."""
    global _LAST_TEXT
    last = _LAST_TEXT  # one read: another thread may replace it meanwhile
    if last[0] is doc:
        return last[1]
    text = doc.text
    _LAST_TEXT = (doc, text)
    return text


@dataclass(frozen=True, slots=True)
class Found:
    """One attribution in character offsets; `content` may have several fragments (interrupted quotes)."""

    content: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_head: int | None  # token index of the source's syntactic head
    kind: str
    score: float
    origin: str = "cue"  # "cue" (the cue model) or the rule that found it: according, poll, signature, colon
    content_score: float | None = None  # the content model's probability of the chosen content, where it chose


def _span_chars(tokens: Sequence[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


_QUOTING = frozenset({"quote", "cite"})
#: Reporting verbs that open a sentence before the speaker's name ("Said Ellis: ...").
_OPENING_CUES = frozenset({"said", "says", "added", "adds", "wrote", "writes", "noted", "notes", "explained",
                           "explains", "continued", "continues", "concluded", "concludes", "tweeted", "tweets"})
_CARRIERS = frozenset({"continue", "proceed"})
_CARRIED_DEPS = ("xcomp", "advcl")  # the parser takes "to say" after "went on" for either


def cue_span(verb: Token) -> tuple[int, int]:
    """Return the cue: the verb with its adjacent auxiliaries and negation (`has said`, `did not deny`)."""
    left = _cue_start(verb)
    if verb.dep_ in _CARRIED_DEPS and _carried(verb.head) == verb:
        left = _cue_start(verb.head)  # "went on to say", "has continued to insist": the carrier opens the cue
    doc = verb.doc
    if verb.dep_ == "acomp" and verb.head.lemma_ == "be" and verb.head.i < verb.i:
        left = verb.head.i  # "was sharply critical of": the copula opens the cue
    right = verb.i
    # Phrasal particles and "according to" belong to the cue.
    for child in verb.rights:
        if child.i == right + 1 and (child.dep_ == "prt" or (verb.lemma_ == "put" and child.lower_ == "it")):
            right = child.i  # "as he put it" is said with "it"
    if right + 1 < len(doc) and doc[right + 1].text == ":":
        right += 1  # PolNeAR keeps the colon of `said:` in the cue
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _cue_start(verb: Token) -> int:
    """The first word of a verb's cue: the verb, or the auxiliaries, negation and cue adverbs right before it."""
    left = verb.i
    for child in sorted(verb.lefts, key=lambda t: -t.i):
        if child.i != left - 1:
            continue
        if child.dep_ in ("aux", "auxpass", "neg") or (child.dep_ == "advmod" and child.lower_ in _CUE_ADVERBS):
            left = child.i
    return left


def _carried(verb: Token) -> Token | None:
    """The verb that "went on to", "continued to" or "took to (a medium) to" carries ("went on to say", "continued to
    insist", "took to Twitter to say"), else None:
    PolNeAR's cue is the whole phrase, and what the carried verb says is the content."""
    if not (verb.lemma_ in _CARRIERS
            or (verb.lemma_ == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children))
            or (verb.lemma_ == "take" and any(c.dep_ == "prep" and c.lower_ == "to" and c.i == verb.i + 1
                                              for c in verb.children))):
        return None  # "took to Twitter to say", "took to X to warn" carry as "went on to say" does
    return next((c for c in verb.children if c.dep_ in _CARRIED_DEPS and c.pos_ == "VERB" and c.i > verb.i
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)), None)


def _trim(text: str, start: int, end: int, quotes: Sequence[QuoteSegment]) -> tuple[int, int]:
    """Strip whitespace and clause punctuation at the edges, but never a quotation's own marks."""
    protected = {q.end for q in quotes}
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM and end not in protected:
        end -= 1
    return start, end


def _subtree_chars(tok: Token, exclude: set[int]) -> tuple[int, int] | None:
    """Return the character span of a subtree, cut at the first excluded token on either side."""
    left, right = tok.left_edge.i, tok.right_edge.i
    for i in range(tok.i, left - 1, -1):
        if i in exclude:
            left = i + 1
            break
    for i in range(tok.i, right + 1):
        if i in exclude:
            right = i - 1
            break
    if right < left:
        return None
    doc = tok.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _subject(verb: Token) -> Token | None:
    """Return the subject of a cue verb, climbing through participles and conjoined verbs; failing that, the
    speaker after a verb that follows a quotation (`_inverted_subject`).

    A noun cue has no subject: its holder is the possessor ("Trump's claim"), a `from`/`by` phrase ("advice from
    a veteran") or the subject of the copula it follows ("Clinton is a supporter of"); one that heads its
    sentence is a verb the tagger read as a noun, and keeps its subject ("documents show"). A passive cue has none
    but its `by` agent (`_passive_cue`), unless it tells a feeling or a side taken (`_EXPERIENCED`: "Protesters
    were frustrated that ..."). An infinitive after a verb of prompting takes that verb's object (`_OBJECT_CONTROL`:
    "prompted NATO to order"), and a verb the parser hung inside its own cue's reported clause climbs to that cue
    (`_stray_conjunct`).
    """
    if verb.pos_ in ("NOUN", "PROPN"):
        poss = next((c for c in verb.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
        for prep in verb.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if verb.dep_ == "ROOT" and verb.i > 0:
            # A verb the tagger read as a noun, with its subject ("Leaked documents show he took a loss").
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
        if verb.i > 0 and verb.sent.root.pos_ in ("NOUN", "PROPN"):
            # A verb the tagger read as a noun in a sentence headed by a noun, right after the noun that is its
            # subject: compounded onto it ("But Trump claims that ...", "Trump Questions Fairness", "The Sanders
            # campaign projects that ...", "Federal court rules against") or its object ("Trump charges that ...").
            name = verb.doc[verb.i - 1]
            if name.pos_ in ("NOUN", "PROPN") and (
                    (verb.dep_ == "ROOT" and name.dep_ == "compound" and name.head.i == verb.i)
                    or (verb.dep_ == "dobj" and name.dep_ == "ROOT" and verb.head.i == name.i)):
                return name
        if verb.dep_ == "attr" and verb.head.lemma_ == "be":
            # "Clinton is an outspoken supporter of Roe v. Wade": the noun says what the copula's subject holds
            # ("it is a question of whether ..." holds nothing of its own).
            return next((c for c in verb.head.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "there")),
                        None)
        return None
    inverted = _headline_speaker(verb)
    if inverted is not None:
        return inverted
    node = _outer_cue(verb) or verb
    node = _stray_conjunct(verb) or node
    for _ in range(4):
        subjects = [child for child in node.children if child.dep_ in ("nsubj", "csubj")]
        if subjects:
            # Two subjects are a mis-parse ("12:15 p.m.\n\nDonald Trump says"): the one nearer the verb is its own.
            return min(subjects, key=lambda child: abs(child.i - node.i))
        for child in node.children:
            if child.dep_ == "agent":
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj:
                    return pobj[0]
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            occasion = node.head
            if (occasion.lemma_.lower() in _OCCASIONS and occasion.dep_ == "pobj"
                    and occasion.head.head.pos_ in ("VERB", "AUX")):
                # "she said at a news conference announcing ...", "comments Clinton made during a speech attacking":
                # who spoke on the occasion, the subject of the verb it is the occasion of (PolNeAR train: 4 of 4
                # such cues, on a speech, an event or a debate).
                node = occasion.head.head
                continue
            return node.head  # "a group backing Trump", "ads attacking Clinton": the noun the participle describes
        if node is verb and verb.lemma_.lower() in _EXPERIENCED:
            # "Protesters were frustrated that ...", "Republicans are divided over ...": the one who feels it.
            felt = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if felt is not None:
                return felt
        if node is verb and _passive_cue(verb):
            # A passive cue says nothing of who spoke but its "by" agent (tried above): the subject of the clause
            # it hangs on is the one spoken to or about ("Asked about the victor, al-Qaddoumi said ...", "Clinton
            # came under criticism when it was revealed that ...", "after being asked"). PolNeAR train gives 33
            # of 37 sentence-opening "Asked" cues no source (the other 4 their "by" agent), and 43 of 60 passive
            # cues that took a subject this way none.
            return None
        # An adjective cue ("is critical of") takes the subject of its copula.
        climbs = (node.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl", "acomp")
                  or (node.tag_ == "VBG" and node.dep_ != "ROOT"))
        if climbs and node.head is not node:
            via, node = node.dep_, node.head
            if via == "xcomp" and node.lemma_.lower() in _OBJECT_CONTROL:
                # "The provocations prompted NATO to order ...": the one prompted is the one who orders.
                obj = next((c for c in node.children if c.dep_ == "dobj" and c.i < verb.i), None)
                if obj is not None:
                    return obj
            if via == "pcomp" and node.dep_ == "prep" and node.head.pos_ in ("VERB", "AUX"):
                # "... by promising", "after saying": the subject of the verb the preposition modifies, which for
                # a passive ("was criticized for saying") is its passive subject, not the agent.
                if node.lower_ == "as" and node.head.lemma_.lower() in _QUOTING:
                    # "IRNA quoted Kanaani as saying": the one quoted said it, not the outlet.
                    quoted = next((c for c in node.head.children if c.dep_ == "dobj"), None)
                    if quoted is not None:
                        return quoted
                node = node.head
                passive = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
                if passive is not None:
                    return passive
            continue
        break
    return _inverted_subject(verb) or _fronted_subject(verb)


#: Passive participles of feeling and of taking a side, whose passive subject holds the feeling or the view
#: ("Protesters were frustrated that ...", "Republicans are split over ..."): PolNeAR train gives it the source in
#: 23 of 24 such gold cues with a subject and no "by" agent. ("assure" is also a verb of speaking to someone: the
#: one assured holds the view, as PolNeAR marks it; "coy" is an adjective the tagger reads as a participle.)
_EXPERIENCED = frozenset({"frustrate", "worry", "concern", "embitter", "mystify", "thrill", "shock", "rattle",
                          "upset", "disappoint", "alarm", "confuse", "surprise", "stun", "dismay", "puzzle", "baffle",
                          "disturb", "disgust", "appall", "incense", "infuriate", "enrage", "miff", "piss", "divide",
                          "split", "poise", "align", "unite", "assure", "reassure", "mobilize", "coy"})


#: Occasions of speaking: a participle on one is said by whoever speaks there, not by the occasion.
_OCCASIONS = frozenset({"speech", "address", "rally", "debate", "conference", "briefing", "interview", "appearance",
                        "event", "conversation", "hearing", "session", "meeting", "forum", "summit", "talk"})


#: Verbs whose object does what their infinitive says ("prompted NATO to order", "led the journalist to fear"):
#: PolNeAR train gives such an infinitive cue the object as its source 31 times of 32 (the other has none).
_OBJECT_CONTROL = frozenset({"prompt", "lead", "force", "leave", "require", "push", "permit", "allow", "cause",
                             "drive", "compel", "inspire", "spur", "pressure", "enable", "get"})


#: Verbs of speaking to someone: in the passive their subject is the one spoken to ("Asked ..., X said").
_ADDRESSING = frozenset({"ask", "question", "press", "quiz", "query", "interview", "tell", "urge", "advise", "warn",
                         "remind", "assure", "inform", "challenge", "confront"})


#: Subjects that are people or may stand for them: a participle hung on a clause with such a subject may be that
#: subject's own ("Her friends have mocked the campaign, calling Trump ...").
_PERSONAL = frozenset({"i", "you", "he", "she", "we", "they", "who", "one", "someone", "somebody", "everyone",
                       "everybody", "anyone", "anybody", "nobody"})


def _outer_cue(verb: Token) -> Token | None:
    """The cue a participle clause after a comma belongs to where the parser hung it inside that cue's reported
    clause (or a clause conjoined to it):

    - a participle of reporting: "X said warplanes targeted sites, adding that ..." (`_reporting_participle`);
    - a participle that makes a statement of its own, whose clause the cue's content leaves out
      (`_before_statement`): "Zakharova noted that Washington supplies weapons to Kiev, calling it ...";
    - any participle whose clause has a subject that cannot be the one who speaks: a thing, not a named entity or
      a personal pronoun ("X said there's a global stance and this has forced governments to act, pointing to
      Bahrain ...").

    PolNeAR train gives the last two kinds, where they are cues, the outer verb's subject as their source 6 times
    ("Packer said the increased focus on Trump is taking a toll, pointing to ...", "Trump has indicated he would
    try to curb critics, vowing to ...") and the inner one once (where the parser ran the clause into the
    sentence before, which the sentence end between them now keeps out). A copula is no cue to climb to ("The
    concern is that it could undermine ..., calling ...")."""
    if not (verb.i > 0 and _participle(verb) and verb.doc[verb.i - 1].text == ","):
        return None
    if verb.head.dep_ == "ccomp" and _reporting_participle(verb.head.head) == verb:
        return verb.head.head
    if (relative := _restrictive_relative(verb.head)) is not None:
        return relative
    clause = _clause_of(verb)
    outer = clause.head
    if (clause.dep_ != "ccomp" or outer.i > verb.i or outer.pos_ != "VERB"
            or not any(c.dep_ == "nsubj" for c in outer.children)
            or any(t.text in (".", "!", "?") for t in verb.doc[outer.i : clause.i])):
        return None
    if verb.lemma_.lower() in _HUNG_STATEMENTS:
        return outer
    inner = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    if inner is None or inner.ent_type_ or inner.pos_ not in ("NOUN", "PRON") or inner.lower_ in _PERSONAL:
        return None
    return outer


def _restrictive_relative(verb: Token) -> Token | None:
    """The verb of the clause a restrictive "which"/"that" clause sits in, where a participle after a comma was hung
    on the relative clause's verb: "Experts slammed a report released by the State Department which claimed that
    ..., calling it lies" is the experts' calling, not the report's. A thing's clause ends where the comma stands;
    an outer verb with a subject of its own takes the participle, and a sentence end between them keeps it."""
    rel = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if (verb.dep_ != "relcl" or rel is None or rel.lower_ not in ("which", "that") or rel.i == 0
            or verb.doc[rel.i - 1].text == ","):
        return None
    node = verb.head
    for _ in range(6):
        if node.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in node.children):
            if any(t.text in (".", "!", "?") for t in verb.doc[node.i : verb.i]):
                return None
            return node
        if node.head is node:
            return None
        node = node.head
    return None


def _stray_conjunct(verb: Token) -> Token | None:
    """The cue a verb is conjoined to where the parser hung it inside that cue's reported clause ("May said the
    country would declare its intention and suggested that ...": "suggested" is May's, not the country's). Told by
    the verb's form, which is the outer cue's and not the inner verb's; PolNeAR train gives such a verb the outer
    cue's subject as its source 19 times, the inner verb's once."""
    if (verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.tag_ == verb.head.tag_
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children)):
        return None
    node = verb.head
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    outer = node.head
    if node.dep_ != "ccomp" or outer.tag_ != verb.tag_ or not any(c.dep_ == "nsubj" for c in outer.children):
        return None
    return outer


def _passive_cue(verb: Token) -> bool:
    """Whether a cue is passive: it has a passive auxiliary ("was revealed", "being asked"), or it is a bare
    participle of speaking to someone heading an adverbial clause ("Asked about ..., X said"). Not a bare
    participle of feeling ("Horrified at ..., Ramos said" is Ramos's horror)."""
    children = {c.dep_ for c in verb.children}
    if "auxpass" in children:
        return True
    return (verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.lemma_.lower() in _ADDRESSING
            and not children & {"aux", "nsubj", "nsubjpass"})


def _fronted_subject(verb: Token) -> Token | None:
    """The subject of a participle that opens its sentence ("Referring to the rockets, al-Qaddoumi said ..."): the
    main clause's subject after the comma, where the parser hung the participle elsewhere (on a verb inside the
    reported clause, which has no subject of its own to climb to)."""
    sent = verb.sent
    if verb.tag_ not in ("VBG", "VBN") or verb.i != sent.start or sent.root.pos_ not in ("VERB", "AUX"):
        return None
    root = sent.root
    comma = next((t.i for t in sent if verb.i < t.i < root.i and t.text == ","), None)
    if comma is None:
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj" and comma < c.i < root.i]
    return subjects[0] if subjects else None


_CLOSING_QUOTES = frozenset({'"', "”", "’", "''", "'"})


def _closes_quote(tok: Token) -> bool:
    """Whether a word is a closing quotation mark (by its text, or as the tagger reads it)."""
    return tok.text in _CLOSING_QUOTES or tok.tag_ == "''"

_INVERTED_DEPS = frozenset({"dobj", "nsubj", "npadvmod", "attr"})


#: Verbs a headline puts before its speaker ("..., says Kenyan scholar", "..., warns UN chief").
_INVERTING = frozenset({"say", "warn", "tell", "claim", "insist", "argue", "admit", "add", "stress", "report"})


def _headline_speaker(verb: Token) -> Token | None:
    """The speaker a headline names after its cue and a comma ("China's development an opportunity for world, says
    Kenyan scholar"), which the parser may read as the cue's object with what was said for its subject: the last
    noun of the words after the cue, where they run to the line's end and hold no verb."""
    doc = verb.doc
    text = doc_text(doc)
    line_end = text.find("\n")
    if (verb.tag_ not in ("VBZ", "VBD", "VBP") or verb.lemma_.lower() not in _INVERTING or line_end == -1
            or verb.idx > line_end or verb.i < 2
            or doc[verb.i - 1].text != "," or not text[line_end:].strip()):
        return None
    after = [t for t in doc[verb.i + 1 :] if t.idx < line_end]
    words = [t for t in after if not t.is_space]
    if not 1 <= len(words) <= 6 or any(t.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "PRON", "ADV") for t in words):
        return None
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else None


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker after a reporting verb that follows a quotation ('"...," added another Republican'), where the
    parser read it as the verb's object or as the subject of a later verb: the noun phrase that starts right after
    the verb."""
    doc = verb.doc
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or not 2 <= verb.i < len(doc) - 1:
        return None
    before = doc[verb.i - 1] if doc[verb.i - 1].text != "," else doc[verb.i - 2]
    if not _closes_quote(before):
        return None
    first = doc[verb.i + 1]
    for node in (first, *first.ancestors):
        if node.i <= verb.i or node.left_edge.i != first.i:
            break
        if node.pos_ in ("NOUN", "PROPN", "PRON", "DET") and node.dep_ in _INVERTED_DEPS:
            return node
    return None


def _quoted_apart(quotes: Sequence[QuoteSegment], subj: Token, verb: Token) -> bool:
    """Whether a subject lies inside a quotation that does not hold its verb."""
    q = _quote_at(quotes, subj.idx)
    return q is not None and q.start < subj.idx and not q.start <= verb.idx < q.end


def _quote_at(quotes: Sequence[QuoteSegment], char: int) -> QuoteSegment | None:
    for q in quotes:
        if q.start <= char < q.end:
            return q
    return None


def _adjacent_quotes(text: str, quotes: Sequence[QuoteSegment], lo: int, hi: int) -> list[QuoteSegment]:
    """Return quotes right before `lo` and right after `hi` (only punctuation, spaces or dashes between)."""
    found = []
    for q in quotes:
        if _is_title(text[q.start : q.end]):
            continue
        before = q.end <= lo and not text[q.end : lo].strip(" ,.:;—–-\t")
        after = q.start >= hi and not text[hi : q.start].strip(" ,:;—–-\t")
        if before or after:
            found.append(q)
    return found


#: Dependents of a cue that may stand between it and the quotation it introduces ("said of the episode, '...'",
#: "told reporters on Sunday: '...'", "made the following comment: '...'").
_LEADING_PHRASES = frozenset({"prep", "npadvmod", "advmod", "dative", "dobj", "agent"})


def _quote_past_phrases(doc: Doc, frame: Frame, quotes: Sequence[QuoteSegment]) -> QuoteSegment | None:
    """The quotation after the phrases on a cue that only say of whom, where or to whom it was said, set off by a
    comma or colon ("Trump said of the episode, '...'", "added about Carson: '...'"; PolNeAR train marks the
    quotation as the content in such sentences), where no quotation follows the cue right away."""
    text = doc_text(doc)
    if any(q.start >= frame.hi for q in _adjacent_quotes(text, quotes, frame.lo, frame.hi)):
        return None
    nxt = next((q for q in quotes if q.start >= frame.hi), None)
    verb = frame.verb
    if nxt is None or nxt.start >= verb.sent.end_char or _is_title(text[nxt.start : nxt.end]):
        return None
    between = [t for t in verb.sent if frame.hi <= t.idx < nxt.start]  # the cue ends in the sentence, so does nxt
    phrases = {t.i for c in verb.rights if c.dep_ in _LEADING_PHRASES
               and not any(g.dep_ == "pcomp" for g in c.children) for t in c.subtree}
    if (0 < len(between) <= 12 and text[frame.hi : nxt.start].rstrip()[-1:] in (",", ":")
            and all(t.i in phrases or t.is_punct for t in between)
            and doc.char_span(nxt.start, nxt.end, alignment_mode="expand") is not None):
        return nxt
    return None


def _clip_paragraph(text: str, span: tuple[int, int], anchor: int) -> tuple[int, int]:
    """Keep an indirect content inside the paragraph of its cue."""
    start, end = span
    before = text.rfind("\n", start, anchor)
    if before != -1:
        start = before + 1
    after = text.find("\n", anchor, end)
    if after != -1:
        end = after
    return start, end


def _whole_quotes(span: tuple[int, int], quotes: Sequence[QuoteSegment], cue: tuple[int, int]) -> tuple[int, int]:
    """Extend a content to the whole of a quotation it cuts into, unless that would swallow the cue."""
    start, end = span
    for q in quotes:
        if q.start < end < q.end and q.start >= start and not (end <= cue[0] < q.end):
            end = q.end
        if q.start < start < q.end and q.end <= end and not (q.start <= cue[0] < start):
            start = q.start
    return start, end


def _preceding_content(doc: Doc, verb: Token, lo: int, quotes: Sequence[QuoteSegment]) -> list[tuple[int, int]]:
    """Content of a trailing attribution ("..., he said.", "..., as TASS reported."): the clause before it, or the
    sentence before."""
    text = doc_text(doc)
    lo = min([lo] + [c.idx for c in verb.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i])
    sent = verb.sent
    start = sent.start_char
    para = text.rfind("\n", 0, lo) + 1
    start = max(start, para)
    span = _trim(text, start, lo, quotes)
    if span[1] - span[0] < 12:
        prev_end = sent.start - 1
        if prev_end < 0:
            return []
        prev = doc[prev_end].sent
        if "\n" in text[prev.end_char : sent.start_char].strip(" "):
            return []
        span = _trim(text, prev.start_char, prev.end_char, quotes)
        if span[1] - span[0] < 12:
            return []
    return [_whole_quotes(span, quotes, (lo, lo))]


def _is_title(quoted: str) -> bool:
    """A short quoted title ("This Week", "Sin Miedo") names a show or book; it is not a quotation."""
    words = [w for w in quoted.strip("\"“”'`,. ").split() if w[:1].isalpha()]
    return 0 < len(words) <= 4 and all(w[0].isupper() for w in words)


def _kind(text: str, frags: Sequence[tuple[int, int]], quotes: Sequence[QuoteSegment]) -> str:
    quoted = 0
    total = 0
    for s, e in frags:
        total += len(text[s:e].strip())
        for q in quotes:
            lo, hi = max(s, q.start), min(e, q.end)
            if hi > lo:
                quoted += hi - lo
    if total and quoted >= total * 0.9:
        return "direct"
    return "mixed" if quoted else "indirect"


#: Words that may open a sentence before "according to" without being its content ("But, according to ...").
_OPENING_POS = frozenset({"CCONJ", "ADV", "INTJ", "SCONJ", "PART"})


def _opens_sentence(doc: Doc, sent: Span, tok: Token) -> bool:
    """Whether a word opens its sentence but for punctuation, line breaks and up to two openers ("But, according
    to ..."; the parser may start a sentence at the closing mark of the paragraph before)."""
    before = [t for t in doc[sent.start : tok.i] if not (t.is_punct or t.is_space)]
    return len(before) < 3 and all(t.pos_ in _OPENING_POS for t in before)


def _according_to(doc: Doc, quotes: Sequence[QuoteSegment]) -> list[Found]:
    """`According to X, ...`: X is the source, the rest of the clause the content."""
    out = []
    text = doc_text(doc)
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        pobj = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
        if not pobj:
            continue
        src = pobj[0]
        s_lo, s_hi = src.left_edge.i, src.right_edge.i
        sent = tok.sent
        last = max((t.i for t in sent if not (t.is_punct or t.is_space)), default=s_hi)
        if s_hi >= last and tok.i - sent.start < 3:
            # "According to host Rush Limbaugh, the move reeks of ...": the parser read the clause after the
            # comma into the source (a verb taken for a noun in apposition); the source ends at the comma.
            comma = next((t.i for t in doc[src.i : s_hi] if t.text == ","), None)
            if comma is not None and doc[comma + 1].pos_ == "DET":
                s_hi = comma - 1
        cue = (tok.idx, to.idx + len(to.text))
        source = (doc[s_lo].idx, doc[s_hi].idx + len(doc[s_hi].text))
        if _opens_sentence(doc, sent, tok):
            # "According to X, ...", "But, according to the poll, ...": the content follows the source.
            span = (doc[s_hi].idx + len(doc[s_hi].text), sent.end_char)
        else:
            span = (sent.start_char, tok.idx)
        # The parser may run a sentence over a paragraph break; the content stays in the cue's paragraph.
        content = _trim(text, *_clip_paragraph(text, span, tok.idx), quotes)
        if content[1] > content[0]:
            out.append(Found((content,), cue, source, src.i, _kind(text, [content], quotes), 0.9, "according"))
    return out


def _in_words(doc: Doc, quotes: Sequence[QuoteSegment]) -> list[Found]:
    """`In his words, ...`, `..., in the words of X, ...`: as "according to", the one whose words they are is the
    source, the clause after (or around) the phrase the content. The cue is "in the words of", or "words" where a
    possessive names the source."""
    out = []
    text = doc_text(doc)
    for words in doc:
        if words.lower_ != "words" or words.dep_ != "pobj" or words.head.lower_ != "in":
            continue
        prep = words.head
        poss = next((c for c in words.children if c.dep_ == "poss"), None)
        of = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if poss is not None:
            src, last, cue = poss, words, (words.idx, words.idx + len(words.text))
            s_hi = poss.i  # without the possessive "'s"
        elif of is not None and (src := next((c for c in of.children if c.dep_ == "pobj"), None)) is not None:
            last, cue, s_hi = doc[src.right_edge.i], (prep.idx, of.idx + len(of.text)), src.right_edge.i
        else:
            continue
        source = (doc[src.left_edge.i].idx, doc[s_hi].idx + len(doc[s_hi].text))
        sent = prep.sent
        after = last.idx + len(last.text)
        if _opens_sentence(doc, sent, prep):
            frags = [_trim(text, after, sent.end_char, quotes)]
        elif poss is not None:
            continue  # "because, in her words, ...": a gloss inside someone's statement (PolNeAR marks none)
        else:
            frags = [_trim(text, sent.start_char, prep.idx, quotes)]
            if doc[prep.i - 1].text == "," and last.i + 1 < sent.end and doc[last.i + 1].text == ",":
                frags.append(_trim(text, after, sent.end_char, quotes))  # an aside: both sides are the words
        frags = [_whole_quotes(_clip_paragraph(text, f, prep.idx), quotes, cue) for f in frags if f[1] > f[0]]
        frags = [f for f in frags if f[1] > f[0]]
        if frags:
            out.append(Found(tuple(frags), cue, source, src.i, _kind(text, frags, quotes), 0.9, "according"))
    return out


def _said_first(doc: Doc, quotes: Sequence[QuoteSegment]) -> list[Found]:
    """'Said Ellis: "..."', 'Added Mr. Kanaani, "..."': a sentence that opens with a reporting verb and then the
    speaker's name, in title case up to a colon or a comma. The name is the source, the verb the cue, the rest of
    the sentence (with the whole of a quotation it opens) the content. The tagger reads such a verb as a name as
    often as not, so the parse does not find these."""
    out = []
    text = doc_text(doc)
    for sent in doc.sents:
        verb = next((t for t in sent if not t.is_space), None)
        if verb is None or not verb.is_title or verb.lower_ not in _OPENING_CUES:
            continue
        end = verb.i + 1
        while end < min(sent.end, verb.i + 7) and doc[end].is_title and doc[end].pos_ in ("PROPN", "NOUN"):
            end += 1
        if (end == verb.i + 1 or end >= sent.end or doc[end].text not in (":", ",")
                or not any(t.ent_type_ in ("PERSON", "ORG") for t in doc[verb.i + 1 : end])):
            continue
        name_end = end
        colon = next((t for t in doc[end + 1 : sent.end] if t.text == ":"), None)
        if doc[end].text == "," and colon is not None and not any(
                t.pos_ in ("VERB", "AUX") or t.is_quote for t in doc[end + 1 : colon.i]):
            end = colon.i  # "Added Ismail Haniyeh, the head of the political bureau: ...": the role is the source's
        after = doc[end + 1] if end + 1 < sent.end else None
        if doc[end].text == "," and (after is None or _quote_at(quotes, after.idx) is None):
            continue  # after a comma, only a quotation is what was said ("Says Kanaani, the spokesman.")
        cue = (verb.idx, verb.idx + len(verb.text))
        frag = _trim(text, doc[end].idx + 1, sent.end_char, quotes)
        frag = _whole_quotes(_clip_paragraph(text, frag, verb.idx), quotes, cue)
        if frag[1] > frag[0]:
            source = (doc[verb.i + 1].idx, doc[end - 1].idx + len(doc[end - 1].text))
            # Scored as the frame it is most like, a "NAME: statement" line (the keep model knows no other origin).
            out.append(Found((frag,), cue, source, name_end - 1, _kind(text, [frag], quotes), 0.8, "colon"))
    return out


def _quote_frame(text: str, item: Found, quotes: Sequence[QuoteSegment]) -> tuple[int, int] | None:
    """The words after the quotation that ends a content, where they are a short speaker and cue of their own
    ('"Our patience has limits," he said' given "according to" the Kremlin's website)."""
    start, end = item.content[-1]
    last = next((q for q in reversed(quotes) if start <= q.start and q.end <= end), None)
    if last is None:
        return None
    words = text[last.end : end].split()
    return (last.end, end) if 2 <= len(words) <= 6 else None


#: Heads of `in <NP>` phrases that PolNeAR annotates as sources ("In a CNN poll released Monday, ...").
_IN_SOURCES = frozenset({"poll", "survey", "polling", "words"})


def _in_polls(doc: Doc, quotes: Sequence[QuoteSegment]) -> list[Found]:
    """`In a CNN poll, Clinton leads`: the poll is the source, `in` the cue, the rest of the clause the content."""
    out = []
    text = doc_text(doc)
    for tok in doc:
        if tok.lower_ != "in" or tok.dep_ != "prep":
            continue
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in _IN_SOURCES:
            continue
        sent = tok.sent
        lo, hi = tok.i, tok.right_edge.i
        source = (doc[pobj.left_edge.i].idx, doc[hi].idx + len(doc[hi].text))
        if lo - sent.start > 1:
            continue  # a trailing "... leads in the polls" is a fact about the race, not an attribution
        content = _trim(text, doc[hi].idx + len(doc[hi].text), sent.end_char, quotes)
        if content[1] - content[0] >= 12:
            out.append(Found((content,), (tok.idx, tok.idx + len(tok.text)), source, pobj.i,
                             _kind(text, [content], quotes), 0.8, "poll"))
    return out


def _name_tokens(label: Span) -> list[Token]:
    """Return the proper-name words of a short label that could name a speaker (`NAME:` lines, signatures);
    none where the label is longer than six words or holds a verb."""
    if not 0 < len(label) <= 6 or any(t.pos_ in ("VERB", "AUX") for t in label):
        return []
    return [t for t in label if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP")]


#: `"...” ― Sonya Herridge`: a quotation signed with a dash and a name at the end of its line (a full stop after
#: the name is no part of it).
_SIGNATURE = re.compile(r"[ \t\u00a0]*(―|—|–|--)[ \t\u00a0]*([^\n,(]{2,60}?)\.?[ \t\u00a0]*(?=[,(\n]|$)")


def _signed_quotes(doc: Doc, quotes: Sequence[QuoteSegment]) -> list[Found]:
    """A quotation followed by a dash and a name (a signature line): the name is the source, the dash the cue."""
    out = []
    text = doc_text(doc)
    for q in quotes:
        m = _SIGNATURE.match(text, q.end)
        if m is None or _is_title(text[q.start : q.end]):
            continue
        line_end = text.find("\n", m.end())
        if len(text[m.end() : line_end if line_end != -1 else len(text)]) > 80:
            continue  # a dash that goes on into a sentence is punctuation, not a signature
        name = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if name is None or not _name_tokens(name):
            continue
        content = (q.start, q.end)
        out.append(Found((content,), (m.start(1), m.end(1)), (m.start(2), m.end(2)), name.root.i,
                         _kind(text, [content], quotes), 0.8, "signature"))
    return out


#: A transcript's next paragraph: the opening quotation mark again, then a line of text.
_NEXT_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n[ \t\u00a0]*(\S)([^\n]*)")
#: What ends a speaker's turn in a quoted transcript: the next speaker's label, a stage note ("(CROSSTALK.)"),
#: the sign-off ("Follow Pam Key on Twitter").
_TURN_ENDS = re.compile(r"[A-Z][A-Z.'\u2019 -]{0,30}:|\(|\[|Follow \S.* on Twitter")


def _turn_goes_on(text: str, end: int, mark: str) -> list[tuple[int, int]]:
    """Return the paragraphs that go on with a speaker's turn in a transcript set as one quotation: each opens
    with the transcript's quotation mark `mark` and is not the next turn."""
    out = []
    while (m := _NEXT_PARAGRAPH.match(text, end)) is not None and m.group(1) == mark:
        if _TURN_ENDS.match(m.group(2)):
            break
        piece = _trim(text, m.start(2), m.end(2), ())
        if piece[1] <= piece[0]:
            break
        out.append(piece)
        end = m.end()
    return out


def _unclosed(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out the mark that closes a quoted transcript at the end of its last turn: a closing mark that
    closes nothing opened inside the turn."""
    piece = text[start:end]
    curly = piece.endswith("\u201d") and piece.count("\u201d") > piece.count("\u201c")
    if curly or (piece.endswith('"') and piece.count('"') % 2):
        end -= 1
    return _trim(text, start, end, ())


#: A transcript's speaker label: a name in capitals opening a line (after a quotation mark where the transcript
#: is quoted), then a colon.
_TURN_LABEL = re.compile(r"(?m)^[ \t\"“]*([A-Z][A-Z.'\u2019 -]{0,30}[A-Z]):[ \t\u00a0]+\S")


def _transcript_speakers(text: str) -> set[str]:
    """The last words of the capitalised labels that open two lines or more of a text: the speakers of a
    transcript ("TAPPER: ..." ... "TAPPER: ..."), whatever else the article calls them. A newsletter's section
    labels ("SHORT READS:") open one line each."""
    counts: dict[str, int] = {}
    for m in _TURN_LABEL.finditer(text):
        last = m.group(1).split()[-1]
        if m.group(1).lower() not in _NOT_SPEAKERS:
            counts[last] = counts.get(last, 0) + 1
    return {w for w, n in counts.items() if n >= 2}


#: A press briefing's transcript: a title that says so, then questions and answers on lines of their own ("Q:
#: ...", "A: ...", as China's Foreign Ministry publishes its regular press conferences). An interview's Q&A is no
#: briefing (PolNeAR annotates no attribution on its "A:" lines).
_BRIEFING_TITLE = re.compile(r"(?i)\b(?:press conference|press briefing|briefing)\b")
_BRIEFING_Q = re.compile(r"(?m)^Q:[ \t]+\S")
_BRIEFING_A = re.compile(r"(?m)^A:[ \t]+\S")


def _answer_goes_on(text: str, end: int) -> list[tuple[int, int]]:
    """The paragraphs that go on with a briefing's answer: up to the next question or label."""
    out = []
    while (m := _NEXT_PARAGRAPH.match(text, end)) is not None and not _COLON_LINE.match(text, m.start(1)):
        out.append(_trim(text, m.start(1), m.end(2), ()))
        end = m.end()
    return out


def _colon_lines(doc: Doc, quotes: Sequence[QuoteSegment]) -> list[Found]:
    """`NAME: statement` lines: the name is the source, the colon the cue, the rest of the line the content. The
    name is a proper name, or capitalised words the document names someone or something by elsewhere."""
    out = []
    text = doc_text(doc)
    named: dict[str, set[int]] | None = None  # word of a person or organisation name -> where those names start
    turns = _transcript_speakers(text)
    briefing = (_BRIEFING_TITLE.search(text.lstrip().split("\n", 1)[0]) is not None
                and _BRIEFING_Q.search(text) is not None and _BRIEFING_A.search(text) is not None)
    for m in _COLON_LINE.finditer(text):
        # A transcript set as one quotation, a paragraph each, opens its speakers' lines with the quotation mark:
        # '"PENCE: Well, look, ...'. The label is the capitals after the mark.
        opened = len(m.group(1)) - len(m.group(1).lstrip(_OPEN_QUOTES))
        start = m.start(1) + opened
        byline = [b for b in _BYLINE.finditer(m.group(1)) if b.start() > 0]
        if byline:
            start = m.start(1) + byline[-1].end()
            opened = 0
        elif len(m.group(1)) > _LABEL_CHARS:
            continue
        label = doc.char_span(start, m.end(1), alignment_mode="expand")
        rest = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if label is None or rest is None:
            continue
        name = text[start : m.end(1)].strip().replace("\u2019", "'").replace("\u00a0", " ")
        if name == "A" and briefing and m.start(1) == start:
            # A press briefing's answer: the spokesperson's (`resolve` names who), to the next question.
            frags = [_trim(text, m.start(2), m.end(2), quotes), *_answer_goes_on(text, m.end())]
            out.append(Found(tuple(frags), (m.end(1), m.end(1) + 1), (start, m.end(1)), label.root.i,
                             _kind(text, frags, quotes), 0.8, "colon"))
            continue
        if name.lower() in _NOT_SPEAKERS:
            continue
        names = _name_tokens(label)
        if name.lower() in _SOURCE_LABELS:
            names = list(label)
        elif byline:
            if not names:
                continue
        elif name.isupper() or not names:
            # A headline's "Trump: ..." or a transcript's "TAPPER: ..." the tagger does not read as a name: a
            # speaker when the document names someone so elsewhere (not in the label itself).
            if named is None:
                named = {}
                for ent in doc.ents:
                    if ent.label_ in ("PERSON", "ORG"):
                        for t in ent:
                            named.setdefault(t.lower_, set()).add(ent.start)
            names = [t for t in label if t.is_alpha]
            elsewhere = name.split()[-1] in turns or all(t.text[0].isupper()
                            and any(not label.start <= i < label.end for i in named.get(t.lower_, ()))
                            for t in names)
            if not names or not 0 < len(label) <= 4 or not name or name[0] in _OPEN_QUOTES or not elsewhere:
                continue
        # A speaker is a proper name that is not just a place ("Iowa: Tim Albrecht, ..." lists people); a place's
        # own body is ("Yemen's Ansarallah: We will continue ...", which the tagger labels two places).
        if all(t.ent_type_ == "GPE" for t in names) and not any(t.tag_ == "POS" for t in label):
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in rest) and sum(t.is_alpha for t in rest) < 3:
            continue  # "Clinton: 547." is a tally; "Lynch: No outside influence on FBI probe" is a statement
        source = _trim(text, start, m.end(1), quotes)
        content = _trim(text, m.start(2), m.end(2), quotes)
        if source[1] > source[0] and content[1] > content[0]:
            head = label.root.i
            frags = [content, *(_turn_goes_on(text, m.end(), text[m.start(1)]) if opened else ())]
            if opened:
                frags[-1] = _unclosed(text, *frags[-1])
            out.append(Found(tuple(frags), (m.end(1), m.end(1) + 1), source, head,
                             _kind(text, frags, quotes), 0.8, "colon"))
    return out


#: A headline that names its source after a closing dash or colon, as TASS, RT, Sputnik and Xinhua write them
#: ("Russian Forces Repel 7 Ukrainian Attacks in Donetsk Direction - MoD", "... — Kremlin", "...: FM spokesperson").
_DASH_SOURCE = re.compile(r"^(\S.{10,}?)(?:\s+[-–—]|:)\s+([A-Za-z][\w.'’&]*(?:\s+[A-Za-z][\w.'’&]*){0,3})$")
#: Head nouns of a source named by its role or body after a headline's dash or colon ("...: FM spokesperson",
#: "...: Health Ministry", "... - officials").
_HEADLINE_SOURCE_NOUNS = frozenset({"ministry", "army", "military", "police", "government", "official", "source",
                                    "expert", "report", "media", "office", "agency", "council", "committee"})


def _dash_headlines(doc: Doc, quotes: Sequence[QuoteSegment]) -> list[Found]:
    """Headlines whose source follows a closing dash or colon: the name is the source, the dash the cue, the words
    before it the content. The name is one the tagger takes for a person, body or people, an acronym ("MoD", "MFA"),
    a name the story gives below ("Lavrov" of "Sergey Lavrov") or a role or body ("FM spokesperson"); not a news
    outlet, which a page's title names after a dash as its site ("... - Tehran Times")."""
    from spinscope.layers.nlp import headline_lines
    from spinscope.layers.quotes.resolve import ROLE_NOUNS  # resolve imports this module
    from spinscope.meta import outlets

    out = []
    text = doc_text(doc)
    for start, end in headline_lines(text):
        m = _DASH_SOURCE.match(text[start:end])
        if m is None:
            continue
        name = doc.char_span(start + m.start(2), start + m.end(2), alignment_mode="expand")
        rest = doc.char_span(start + m.start(1), start + m.end(1), alignment_mode="expand")
        if name is None or rest is None or outlets.resolve(name=m.group(2)) is not None:
            continue
        acronym = len(name) == 1 and sum(c.isupper() for c in name.text) >= 2
        role = name[-1].lemma_.lower() in ROLE_NOUNS | _HEADLINE_SOURCE_NOUNS and name[0].text[0].isupper()
        if not acronym and not role and not all(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in name):
            # A name the tagger misses here that the story gives in full below ("... — Lavrov").
            below = {t.lower_ for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP") and e.start_char >= end
                     for t in e}
            if not all(t.lower_ in below for t in name):
                continue
        if not any(t.pos_ in ("VERB", "AUX") for t in rest) and sum(t.is_alpha for t in rest) < 3:
            continue
        content = _trim(text, start + m.start(1), start + m.end(1), quotes)
        between = m.group()[m.end(1) : m.start(2)]
        dash = start + m.end(1) + len(between) - len(between.lstrip())
        out.append(Found((content,), (dash, dash + 1), (start + m.start(2), start + m.end(2)), name.root.i,
                         _kind(text, [content], quotes), 0.8, "dash"))
    return out


def extract(doc: Doc, scorer: CueScorer, threshold: float = 0.5,
            chooser: ContentChooser | None = None) -> list[Found]:
    """Return the attributions of a parsed document, in text order. `chooser` picks each cue's content among
    its candidates (`content_candidates`); without one the hand-written rules choose."""
    text = doc_text(doc)
    quotes = find_quotes(text)
    found = _according_to(doc, quotes)
    for rule in (_in_words, _said_first, _colon_lines, _dash_headlines, _in_polls, _signed_quotes):
        found += [f for f in rule(doc, quotes) if not any(_clash(f, g) for g in found)]
    # Words of rule-found attributions and of cues and sources: never a cue again, but for the speaker and cue
    # after a quotation that "according to" gives ("'...,' he said, according to the Kremlin's website").
    used = token_ids(doc, [span for f in found for span in (*f.content, f.cue, f.source)])
    used -= token_ids(doc, [_quote_frame(text, f, quotes) for f in found if f.origin == "according"])

    def cue_probability(tok: Token) -> float:
        return scorer(tok, _inside_quote(quotes, tok))

    inner: set[int] = set()  # words of contents: a cue there needs NESTED_THRESHOLD
    carriers: dict[int, float] = {}  # carried verb ("say" of "went on to say") -> its carrier's probability
    for tok in doc:
        if (tok.i in used or tok.pos_ not in CUE_POS or _quoted_as(tok) or _supposition(tok)
                or _to_the_reader(tok) or _made_remarks(tok) or _headline_passive(tok) or _struck(tok)):
            continue
        p = max(cue_probability(tok), carriers.get(tok.i, 0.0))
        if p < threshold:
            continue
        saying = _quoted_saying(tok)
        if saying is not None:
            carriers[saying.i] = max(p, NESTED_THRESHOLD)  # nested in the outlet's content, yet as sure
        carried = _carried(tok)
        if carried is not None:
            # "went on to say": the cue is the carried verb's, whose span takes "went on to" in, at the surer of the
            # two probabilities.
            carriers[carried.i] = p
            continue
        rival = None
        if tok.i in inner and p < NESTED_THRESHOLD and not _trailing_frame(tok) and not _coordinated(tok, found):
            # A cue inside an earlier attribution's content is nested in it, unless the earlier one is the less
            # sure of the two and its cue lies inside this one's content in turn: a weak cue read with a long
            # content ("made it to Syria ..., The Washington Post reports") gives way to the surer one.
            rival = next((f for f in found if f.origin == "cue" and tok.i in token_ids(doc, f.content)), None)
            if rival is None or rival.score >= p:
                continue
        item = _attribution_for(doc, tok, quotes, p, cue_probability, chooser)
        if item is None or _answers(doc, tok, item, found) or _past_line_break(text, item):
            continue
        item = _without_reporting_clause(doc, item, lambda verb: cue_probability(verb) >= threshold)
        if rival is not None:
            if rival.cue is None or not token_ids(doc, [rival.cue]) <= token_ids(doc, item.content):
                continue
            found.remove(rival)
            inner = token_ids(doc, [span for f in found if f.origin == "cue" for span in f.content])
        found.append(item)
        used |= token_ids(doc, [item.cue, item.source])
        inner |= token_ids(doc, item.content)
    verbs = [_cue_verb(doc, f.cue) for f in found]
    by_verb = {v.i: f for v, f in zip(verbs, found, strict=True) if v is not None}
    found = [_before_outer_frame(text, _before_conjoined_cue(doc, f, v, by_verb, quotes), found, quotes)
             for f, v in zip(found, verbs, strict=True)]
    found = _through_channel(doc, found)
    notes = _outlet_notes(text)
    found = [f for f in found if not any(s <= (f.cue or f.content[0])[0] < e for s, e in notes)]
    found.sort(key=lambda f: f.content[0])
    return _continue_quotes(text, found, quotes)


def _past_line_break(text: str, item: Found) -> bool:
    """Whether a content after its cue starts on a later line, with no colon before it and no quotation opening it:
    a headline's last word read with the paragraph under it ("... 911 Call Shows" + "The wife of the Ohio man ...").
    PolNeAR train has 41 gold contents on a later line than their cue: 36 after a colon, 5 opening with a quotation
    mark, none otherwise."""
    if item.cue is None or item.content[0][0] < item.cue[1]:
        return False
    gap = text[item.cue[1] - 1 : item.content[0][0]]  # with the cue's last character ("added:")
    return "\n" in gap and ":" not in gap and text[item.content[0][0]] not in "\"“'‘`"


def _coordinated(tok: Token, found: Sequence[Found]) -> bool:
    """Whether a word is a verb conjoined to the cue of an attribution found before it, sharing its subject ("said
    he would order a review and warned against hackers"): a statement of its own, not one nested in the first
    one's content, which ends before it (`_before_conjoined_cue`). A verb with a subject of its own ("..., but
    Chaffetz declined") is a clause of the first one's content as often as not."""
    if tok.pos_ != "VERB" or any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return False
    doc = tok.doc
    cues = {v.i for v in (_cue_verb(doc, f.cue) for f in found if f.origin == "cue") if v is not None}
    outer = _stray_conjunct(tok)
    return (outer is not None and outer.i in cues) or any(c.i in cues and c.i < tok.i for c in tok.conjuncts)


def _before_outer_frame(text: str, item: Found, found: Sequence[Found], quotes: Sequence[QuoteSegment]) -> Found:
    """End a content before the source and cue of the attribution it is nested in ('Kim Jong Un said the country
    would "never give up" its weapons, KCNA reported': Kim's content ran on over ", KCNA reported")."""
    if item.cue is None:
        return item
    for outer in found:
        if outer is item or outer.cue is None or not _within(item.cue, outer.content):
            continue
        cut = min(outer.cue[0], outer.source[0] if outer.source is not None else outer.cue[0])
        if not _within(outer.cue, item.content) or cut <= item.cue[1] or _quote_at(quotes, cut) is not None:
            continue
        end = max(e for _, e in item.content)
        before = text[max(item.cue[1], cut - 40) : cut].rstrip()  # what closes the statement
        if before[-1:] not in (",", *_CLOSING_QUOTES) or len(text[outer.cue[1] : end].split()) > 4:
            continue  # only a frame set off at the end: ', KCNA reported (on Sunday)', '," she said'
        cut_item = _cut_content(text, item, cut, quotes)
        if cut_item is not None:
            return cut_item
    return item


def _within(span: tuple[int, int], frags: Sequence[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in frags)


def _frags_before(text: str, frags: Sequence[tuple[int, int]], cut: int,
                  quotes: Sequence[QuoteSegment]) -> list[tuple[int, int]]:
    """The fragments of a content ended at character `cut` (trimmed; empty where nothing is left)."""
    kept = (_trim(text, s, min(e, cut), quotes) for s, e in frags if s < cut)
    return [(s, e) for s, e in kept if e > s]


def _cut_content(text: str, item: Found, cut: int, quotes: Sequence[QuoteSegment]) -> Found | None:
    """The attribution with its content ended at character `cut`; None where nothing of it is left."""
    frags = _frags_before(text, item.content, cut, quotes)
    return replace(item, content=tuple(frags), kind=_kind(text, frags, quotes)) if frags else None


def _cue_verb(doc: Doc, cue: tuple[int, int] | None) -> Token | None:
    """The word of a cue that is a verb (or a noun cue's noun)."""
    words = doc.char_span(*cue, alignment_mode="expand") if cue is not None else None
    return next((t for t in words or () if t.pos_ in CUE_POS), None)


def _before_conjoined_cue(doc: Doc, item: Found, verb: Token | None, by_verb: dict[int, Found],
                          quotes: Sequence[QuoteSegment]) -> Found:
    """End a content before a verb conjoined to its cue that is a cue of its own ('described the measures as
    "a violation" and said Washington was "addicted to sanctions"'): the second verb's statement is its own
    attribution, never part of the first one's content (PolNeAR train: 0 of 547 such contents hold it).
    `verb` is the item's cue word, `by_verb` the attributions by theirs."""
    if verb is None or item.origin != "cue":
        return item
    text = doc_text(doc)
    stray = [doc[i] for i in by_verb if i > verb.i and _stray_conjunct(doc[i]) == verb]
    for conj in sorted([*verb.conjuncts, *stray], key=lambda t: t.i):
        if conj.i <= verb.i or by_verb.get(conj.i, item) is item:
            continue
        cc = [t for t in doc[verb.i + 1 : conj.left_edge.i] if t.dep_ == "cc"]
        cut = cc[-1].idx if cc else doc[conj.left_edge.i].idx
        if not any(s < cut < e for s, e in item.content) or _quote_at(quotes, cut) is not None:
            continue
        cut_item = _cut_content(text, item, cut, quotes)
        if cut_item is not None:
            return cut_item
    return item


#: The outlet's notes on an article: an editor's note, a correction or clarification (a bare "CORRECTION:" label
#: heads whatever follows it), a note that the article was updated or an earlier version was wrong.
_OUTLET_NOTE = re.compile(r"^[ \t\u00a0]*(?:(?:Editor[’']s[ \u00a0]+note|Correction|Clarification)[ \t\u00a0]*:"
                          r"(?P<rest>[^\n]*)|This (?:article|story|post) has been (?:updated|revised|corrected)"
                          r"|An earlier version of this (?:article|story|post))", re.I | re.M)


#: A reporters' credit line: "Lerer reported from Los Angeles.", "Phillip reported from Oakland, Calif.; Gearan, from
#: Washington.", "Samantha Lachman contributed reporting from Charleston.", "Jill Colvin contributed to this report."
_CREDIT_LINE = re.compile(r"^[ \t\u00a0]*[A-Z][^\n]{0,160}? (?:reported|contributed(?: reporting)?) "
                          r"(?:from [A-Z]|to this (?:report|article|story))[^\n]{0,200}$", re.M)
#: Credit lines close an article: only its last characters are searched for them. A line that says what was
#: reported, or where, is a report ("Al Jazeera reported from Gaza that ...").
_CREDITS_TAIL = 600
_REPORTS_WHAT = re.compile(r"\b(?:that|said|says|where|when|who|which)\b")


def _outlet_notes(text: str) -> list[tuple[int, int]]:
    """Where the outlet speaks about the article rather than reports: "Editor’s note: Donald Trump regularly incites
    political violence and is a serial liar ... who has repeatedly pledged to ban all Muslims ...", set under every
    article on a subject, or "Correction: An earlier version of this article misstated ...". No attribution is
    read there (PolNeAR train marks none in 16 of 18 editor's notes, in none of 14 corrections and update notes,
    and in none of 9 reporters' credit lines, `_CREDIT_LINE`). A note runs to the end of its line and the lines
    that go on in lower case (a wrapped line); a bare "CORRECTION:" label heads the rest of the text."""
    out = []
    for m in _OUTLET_NOTE.finditer(text):
        if m.group("rest") is not None and not m.group("rest").strip(" \t\u00a0"):
            out.append((m.start(), len(text)))
            continue
        end = text.find("\n", m.end())
        while end != -1 and text[end + 1 : end + 2].islower():
            end = text.find("\n", end + 1)  # a line wrapped inside the note
        out.append((m.start(), len(text) if end == -1 else end))
    out += [m.span() for m in _CREDIT_LINE.finditer(text, max(0, len(text) - _CREDITS_TAIL))
            if not _REPORTS_WHAT.search(m.group(0))]
    return out


#: The channels a statement is made through ("issued a statement saying", "sent a tweet calling", "responded on Twitter,
#: saying"), and the nouns that count them ("a series of tweets"). Narrower than `_MEDIA`: an interview, a
#: conference or a meeting is an occasion with a content of its own ("agreed to a 30-minute interview, answering ...").
_CHANNELS = frozenset({"statement", "tweet", "email", "e-mail", "letter", "memo", "op-ed", "editorial", "release",
                       "speech", "twitter", "facebook", "instagram", "x", "telegram"})
_CHANNEL_COUNTS = frozenset({"series", "string", "flurry", "barrage", "volley", "stream", "pair"})


def _through_channel(doc: Doc, found: list[Found]) -> list[Found]:
    """Join a cue whose content is only the medium it speaks through to the participle that says what it said:
    "released a statement Wednesday, saying that ..." is one attribution whose cue runs from "released" to
    "saying" (PolNeAR train: 11 of 12 such verbs, and 4 more where only the participle is a cue), not a content "a
    statement" beside the participle's own attribution."""
    by_verb = {v.i: f for f in found if f.origin == "cue" and (v := _cue_verb(doc, f.cue)) is not None}
    out = list(found)
    for i, outer in by_verb.items():
        verb = doc[i]
        for part in verb.rights:
            inner = by_verb.get(part.i)
            if (inner is None or part.tag_ != "VBG" or part.dep_ not in ("advcl", "xcomp", "conj")
                    or outer.cue is None or inner.cue is None or not _only_channel(doc, outer, outer.cue, verb)
                    or outer.content[-1][1] > part.idx or outer not in out or inner not in out):
                continue
            merged = replace(inner, cue=(outer.cue[0], inner.cue[1]), source=inner.source or outer.source,
                             source_head=inner.source_head if inner.source else outer.source_head,
                             score=max(inner.score, outer.score))
            out[out.index(inner)] = merged
            out.remove(outer)
            break
    return out


def _only_channel(doc: Doc, item: Found, cue: tuple[int, int], verb: Token) -> bool:
    """Whether a cue's content, after it and on its own verb, is no more than a channel of `_CHANNELS` ("a statement",
    "an open letter", "on Twitter", "a series of tweets") with its modifiers."""
    if len(item.content) != 1 or item.content[0][0] < cue[1]:
        return False
    words = doc.char_span(*item.content[0], alignment_mode="expand")
    if words is None or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    tops = [t for t in words if not (words.start <= t.head.i < words.end) or t.head == t]
    nouns = []
    for top in tops:
        if top.dep_ == "npadvmod" or top.ent_type_ in ("DATE", "TIME"):
            continue  # "issued a statement Thursday"
        if top.head != verb and not (top.head.pos_ == "ADP" and top.head.head == verb):
            return False  # "denied the report in a statement": the medium of another phrase
        if top.pos_ == "ADP":
            top = next((c for c in top.children if c.dep_ == "pobj"), top)
        if top.pos_ in ("NOUN", "PROPN"):
            nouns.append(top)
        elif top.pos_ not in ("ADV", "ADP", "PART", "PUNCT"):
            return False
    for noun in nouns:
        if noun.lemma_.lower() in _CHANNEL_COUNTS:
            noun = next((c for p in noun.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"), noun)
        kinds = {noun.lemma_.lower(), *(c.lemma_.lower() for c in noun.children if c.dep_ == "compound")}
        if not kinds & _CHANNELS:
            return False
    return bool(nouns)


def _trailing_frame(verb: Token) -> bool:
    """Whether a verb closes its sentence as the frame of what comes before it: after a comma, with a subject of
    its own and nothing after it but when or where ('The minister said the talks would resume, IRNA reported on
    Sunday.'), though the parser hung it inside the clause before."""
    doc = verb.doc
    first = next(t.i for t in verb.subtree if not t.is_punct or t.i == verb.i)  # the parser may hang the comma on it
    if (verb.dep_ not in ("ccomp", "conj", "parataxis") or verb.head.i > verb.i or first == 0
            or doc[first - 1].text != ","):
        return False
    if not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return False
    return (all(c.dep_ in ("prep", "npadvmod", "advmod", "punct") for c in verb.rights)
            and verb.right_edge.i + 1 >= verb.sent.end - 1)


def _inside_quote(quotes: Sequence[QuoteSegment], tok: Token) -> bool:
    """Whether a word lies inside a quotation of more than one character (the cue model's `inside_quote`)."""
    q = _quote_at(quotes, tok.idx)
    return q is not None and (q.end - q.start) > 1


def _without_reporting_clause(doc: Doc, item: Found, is_cue: Callable[[Token], bool]) -> Found:
    """End a source before a relative clause set off by a comma that reports speech of its own ('"...," said Abu
    Marzouk, who stressed that the occupation would fail'): the clause is an attribution with "who" as its source
    (as PolNeAR marks it), not a description of the speaker, and its words stay free for their own cue."""
    if item.source is None or item.source_head is None:
        return item
    head = doc[item.source_head]
    for clause in head.rights:
        first = clause.left_edge
        if (clause.dep_ == "relcl" and first.tag_ in ("WP", "WDT") and first.i > 1 and doc[first.i - 1].text == ","
                and item.source[0] < clause.idx < item.source[1] and is_cue(clause)):
            end = doc[first.i - 2].idx + len(doc[first.i - 2].text)
            return replace(item, source=(item.source[0], end)) if end > item.source[0] else item
    return item


def _answers(doc: Doc, verb: Token, item: Found, found: Sequence[Found]) -> bool:
    """Whether a cue whose content lies wholly in an earlier sentence takes the whole of another attribution
    there, its cue with it ('"We will never surrender," Abu Obaida said. Critics disagreed.'): the cue answers that
    statement, it does not report it, and the statement keeps its own speaker."""
    if max(e for _, e in item.content) > verb.sent.start_char:
        return False
    words = token_ids(doc, item.content)
    return any(f.cue is not None and token_ids(doc, [f.cue]) <= words for f in found)


def _quoted_saying(verb: Token) -> Token | None:
    """The "saying" of an active "IRNA quoted Kanaani as saying ...": a cue of its own, as sure as "quoted", whose
    source is the one quoted (`_subject`)."""
    if verb.lemma_.lower() not in _QUOTING or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                 for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)


def _quoted_as(verb: Token) -> bool:
    """Whether a cue is a passive "quoted"/"cited" with an "as saying" after it ("X was quoted by IRNA as saying
    ..."): the cue is then "saying", whose source is the one quoted (its passive subject), not the outlet. So is a
    "quoted by" participle after a name ("Kanaani, quoted by IRNA, said"): the cue is the name's own verb. (The
    active "IRNA quoted X as saying ..." is the outlet's attribution, as PolNeAR marks it, with X's nested in it:
    `_quoted_saying`.)"""
    if verb.lemma_.lower() not in _QUOTING:
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        return True  # "Nasser Kanaani, quoted by IRNA, said ...": the outlet only carries what he said
    return _passive_cue(verb) and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
        for c in verb.children)


_US = frozenset({"'s", "’s", "us"})


def _supposition(verb: Token) -> bool:
    """Whether a verb is the "say" of "let's say" or "let us assume": a supposition, nobody's statement (PolNeAR
    train marks none of them)."""
    return (verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() == "let"
            and any(c.dep_ == "nsubj" and c.lower_ in _US for c in verb.children))


#: Words for what was said that "made" refers back to ("made the remarks", "made his comments").
_SAID_NOUNS = frozenset({"remark", "comment", "statement", "announcement", "pledge", "speech"})


def _made_remarks(verb: Token) -> bool:
    """Whether a verb is the "made" of "X made the remarks on Sunday": it says when or where words quoted elsewhere
    were said, and has no content of its own (PolNeAR train and dev mark none of the 9 with "the", "this" or a
    possessive and nothing on the noun but when or where; "made the case that ...", "made comments about ..." are
    cues)."""
    if verb.lemma_.lower() != "make":
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _SAID_NOUNS
               and any(k.dep_ in ("poss", "det") for k in c.children)
               and all(k.dep_ == "poss" or (k.dep_ == "det" and k.lower_ in _DEFINITE_DETS) or _when_or_where(k)
                       for k in c.children)
               for c in verb.children)


_DEFINITE_DETS = frozenset({"the", "this", "these", "those", "that"})

#: What a strike hits: "targeted five Israeli military positions" is an attack, not words aimed at someone.
_STRUCK = frozenset({"position", "site", "base", "ship", "vessel", "tanker", "tank", "convoy", "building", "depot",
                     "infrastructure", "headquarters", "outpost", "barracks", "vehicle", "aircraft", "drone", "airport",
                     "port", "facility", "camp", "post", "installation", "warship", "destroyer", "launcher",
                     "battery", "bridge", "plant", "city", "town", "village", "area", "target"})


def _struck(verb: Token) -> bool:
    """Whether a verb of aiming ("target", "hit") has for object a place or thing struck ("Hezbollah targets Israeli
    positions"): an attack. PolNeAR's "targets" cues aim at people ("an ad that targets Trump")."""
    if verb.lemma_.lower() not in ("target", "hit"):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _STRUCK for c in verb.children)


#: Entity types of a subject that can be a headline's speaker ("..., Kremlin reported").
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _headline_passive(verb: Token) -> bool:
    """Whether a verb is a headline's passive participle that ends it ("Israeli aggression on Damascus countryside,
    material damage reported": damage was reported): the verb ends a line with no full stop, in its past form, with
    a common noun for subject, of no name. A headline writes its speakers' verbs in the present ("Kremlin says"),
    and a name may end it ("..., SANA reported"). PolNeAR's headlines end in a full stop: none of its cues is one."""
    if not verb.lower_.endswith("ed") or verb.tag_ not in ("VBN", "VBD"):
        return False
    doc = verb.doc
    if verb.i + 1 < len(doc) and not (doc[verb.i + 1].is_space and "\n" in doc[verb.i + 1].text):
        return False  # words or a full stop after it on its line
    words = 0
    for tok in reversed(doc[max(0, verb.i - 3) : verb.i]):
        if "\n" in tok.text:
            break
        words += not tok.is_punct
    if words < 2:
        return False
    # The subject next to the verb: the parser may take the headline's first half as a second one.
    subject = max((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i),
                  key=lambda c: c.i, default=None)
    return subject is not None and subject.pos_ == "NOUN" and not any(
        t.ent_type_ in _SPEAKER_ENTS for t in subject.subtree)


def _when_or_where(prep: Token) -> bool:
    """Whether a prepositional phrase says when or where ("on Sunday", "in a meeting"), not what about."""
    if prep.dep_ != "prep":
        return False
    return prep.lower_ in ("during", "at", "in", "after", "before", "while") or any(
        o.ent_type_ in ("DATE", "TIME") for o in prep.children if o.dep_ == "pobj")


def _to_the_reader(verb: Token) -> bool:
    """Whether a verb is an imperative that opens its sentence, the writer's word to the reader ("Call it viral
    fundraising.", "Read the rest of the story at Mediaite.", "But please know that ...", "Don't forget that ..."):
    nobody's statement (PolNeAR train: 13 of 21 such cues the models kept overlap no gold content)."""
    if (verb.tag_ != "VB" or verb.dep_ != "ROOT"
            or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children)):
        return False
    before = verb.doc[verb.sent.start : verb.i]
    return all(t.pos_ in ("PUNCT", "CCONJ", "ADV", "PART", "INTJ", "SPACE") or (t.pos_ == "AUX" and t.lemma_ == "do")
               for t in before)


def token_ids(doc: Doc, spans: Sequence[tuple[int, int] | None]) -> set[int]:
    """Return the indices of the words that the character spans touch (None spans are skipped)."""
    ids: set[int] = set()
    for span in spans:
        if span is not None:
            ids.update(t.i for t in doc.char_span(*span, alignment_mode="expand") or ())
    return ids


def _clash(a: Found, b: Found) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a.content for s2, e2 in b.content)


def _continue_quotes(text: str, found: list[Found], quotes: Sequence[QuoteSegment]) -> list[Found]:
    """Join the quotations that follow an attributed quote with nothing but spaces between, across
    paragraphs too, to that quote: the same speaker goes on ("...," he said. "...")."""
    taken = [(s, e) for f in found for s, e in (*f.content, f.cue or (0, 0), f.source or (0, 0)) if e > s]

    def free(q: QuoteSegment) -> bool:
        return not any(s < q.end and q.start < e for s, e in taken)

    out = []
    for f in found:
        if f.kind == "indirect" or _quote_at(quotes, f.content[-1][1] - 1) is None:
            out.append(f)
            continue
        cursor = max(e for _, e in (*f.content, f.cue or (0, 0), f.source or (0, 0)))
        frags = list(f.content)
        for q in quotes:
            if q.start < cursor:
                continue
            para_end = text.find("\n", q.end)
            after = text[q.end : para_end if para_end != -1 else len(text)]
            gap = text[cursor : q.start]
            if (gap.strip(" .\n\t") and not _finishes_sentence(gap, ".")) or not free(q) or after.strip(" .,;:\t"):
                break
            frags.append((q.start, q.end))
            taken.append((q.start, q.end))
            cursor = q.end
        out.append(replace(f, content=tuple(frags)))
    return out


def _finishes_sentence(words: str, end: str) -> bool:
    """Whether words after an attribution only finish its sentence with `end`: the words before the next
    quotation ('"...," the commander told Tasnim news agency on Tuesday. "..."', with "."), or before a line's
    colon ("Kanaani said in a statement:", with ":"). One line, no quotation mark, at most twelve words, and one
    sentence end, at their end."""
    words = words.strip()
    return ("\n" not in words and words.endswith(end) and len(words.split()) <= 12
            and not any(c in words for c in _QUOTE_MARKS) and not any(c in words[:-1] for c in ".!?;:"))


#: Prepositions that carry the content of a noun cue ("his comments on Muslims", "the claim of fraud").
_NOUN_CONTENT_PREPS = frozenset({"of", "on", "about", "over", "that", "to", "in", "against", "for"})


def _noun_content(noun: Token) -> Token | None:
    """Return the head of a noun cue's content: its clause ("a proposal to ban", "the claim that ...") or
    the object of a topic preposition after it ("his comments on Muslims")."""
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "appos") and child.pos_ in ("VERB", "AUX"):
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in _NOUN_CONTENT_PREPS:
            inner = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if inner is not None:
                return inner
    return None


#: Nouns of the medium a cue speaks through ("said in a statement that ...").
_MEDIA = frozenset({"statement", "interview", "tweet", "post", "speech", "letter", "message", "address", "remarks",
                    "conference", "briefing", "report", "op", "column", "editorial", "broadcast", "video", "meeting"})


def _medium_clause(verb: Token) -> Token | None:
    """The reported clause the parser hung on the medium of a cue ("said in a statement that the president had met
    the delegation", with the clause under "statement"): a that-clause of the object of a preposition of the cue."""
    for prep in verb.rights:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.lemma_.lower() not in _MEDIA:
                continue
            for clause in obj.rights:
                if clause.dep_ in ("acl", "ccomp", "relcl") and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                    return clause
    return None


#: Focusing adverbs that open a subject but are not part of the source ("even some of his admirers").
_FOCUS = frozenset({"even", "just", "also"})
#: Quantifiers floated after a subject ("they all said"), which are not part of the source.
_FLOATING = frozenset({"all", "both", "each"})
_OPEN_QUOTES = "\"“‘'`"
_QUOTE_MARKS = _OPEN_QUOTES + "”’"  # opening and closing
#: Dashes that set off an aside; "--" is how some copy types "—".
_ASIDE_DASHES = ("—", "–", "--")
#: A dash that opens an aside or a new clause before a source's head; an en dash or hyphen only with spaces
#: around it ("2015–16", "Israel-Gaza" join words).
_OPEN_DASH = re.compile(r"—|--| [–-] ")
#: Space a source never starts or ends with.
_SPACES = " \t\n\u00a0"


def _audience_clause(verb: Token) -> Token | None:
    """The that-clause the parser hung on the one spoken to ("told his Qatari counterpart that Iran supports the
    talks"): the reported clause, not a clause about the counterpart."""
    if verb.lemma_.lower() not in _OBJECT_IS_AUDIENCE:
        return None
    return next((clause for obj in verb.children if obj.dep_ in ("dobj", "dative") and obj.i > verb.i
                 for clause in obj.rights if clause.dep_ in ("acl", "relcl") and any(
                     m.dep_ == "mark" and m.lower_ == "that" and m.i == clause.left_edge.i for m in clause.children)),
                None)


def _dated(child: Token) -> bool:
    """Whether a word hung on a source's head only dates it ("doctors in 2015", "a judge in October", "The
    Sanders campaign on Monday": PolNeAR train leaves "on <date>" after 68 of 76 sources out). A participle that
    dates it ("a poll released Friday") stays: on PolNeAR train annotators keep it more often than not."""
    if child.dep_ == "prep" and child.lower_ in ("in", "on"):
        rest = [t for t in child.subtree if t.i != child.i]
        return bool(rest) and all(t.ent_type_ == "DATE" for t in rest)
    return False


#: Words for a day or a week that the parser can read as a verb's object ("called Friday for the law's repeal").
_DAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                        "yesterday", "tonight", "week", "weekend"})


def _time_as_object(tok: Token) -> bool:
    """Whether a word on a cue only says when it was spoken: a day the parser read as the cue's object ("called
    Friday for", "promised Monday to") or hung on it as an adverb. Never the content: PolNeAR train marks none of
    the days read as objects as one."""
    return (tok.dep_ in ("dobj", "oprd", "attr", "npadvmod") and tok.lower_ in _DAY_WORDS
            and all(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree))


#: A headline's label of the kind of piece it heads ("Interview: China's development an opportunity ..."). Not
#: "Breaking:", which four PolNeAR training headlines carry: cutting it moves the content model's training features
#: (tests/eval/test_quotes_retrain.py), and the shipped model would need refitting for no change on dev.
_PIECE_LABEL = re.compile(r"(?:Interview|Analysis|Feature|Exclusive|Commentary|Opinion|Editorial|Explainer|Op-ed|"
                          r"Factbox|Spotlight)\s*:\s+")


def _after_label(text: str, start: int) -> int:
    """Where a span that opens a line goes on after the label of the kind of piece ("Interview: ...")."""
    if start > 0 and text[start - 1] != "\n":
        return start
    label = _PIECE_LABEL.match(text, start)
    return label.end() if label is not None else start


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a span that opens a paragraph goes on after the dateline it opens with ("LOS ANGELES, Sept. 28 (UPI)
    — In a clip ...", "TEHRAN, Jan. 8 (IRNA) - Iran will ..."): past the first dateline dash, where the words
    before it are capitals alone or hold an agency's parenthesis, within a dateline's length; else `start`.
    Stricter than `_past_dateline`, which reads a speaker's few words: in a content, a dash after a parenthesis is
    as often the writer's own ("Hamas (the movement) rejected the plan - a trap, ...")."""
    if start > 0 and text[start - 1] != "\n":
        # A span that opens inside its line's dateline, where the parser split the place off as a sentence of its
        # own ("MINSK, | 3 July (BelTA) - Belarus has ...", "TEHRAN | (Tasnim) – The Navy ..."): past the dateline.
        line = text.rfind("\n", 0, start) + 1
        dated = agency_dateline(text, line, end) if start - line < 40 else None
        return dated if dated is not None and dated > start else start
    if (dated := agency_dateline(text, start, end)) is not None:
        return dated
    dash = _DATELINE_DASH.search(text, start, min(end, start + 60))
    if dash is None:
        return start
    head = text[start : dash.start()]
    agency = re.search(r"\([A-Z][A-Za-z]*\)", head)
    if head[:1].isupper() and (head.isupper() or agency or _DATED_PLACE.fullmatch(head)):
        return dash.end()
    return start


#: A place and a date before a dateline dash ("TEHRAN, Oct. 4 –", "Gaza City, September 28, 2016 —").
_DATED_PLACE = re.compile(rf"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}},(?:\s*[A-Z][A-Za-z.]*,)?"
                          rf"\s*{MONTH_RE}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*")


def agency_dateline(text: str, start: int, end: int) -> int | None:
    """Where a line's words go on after a dateline that names its agency: with no dash, its date and agency ending
    it ("Havana, Oct 30 (Prensa Latina) Cuban Foreign Minister Bruno Rodriguez affirmed ..."), or the agency after
    the place's comma ("Tehran, IRNA - Iran's Foreign Ministry spokesman ..."); None where there is none."""
    line = parse_dateline(text[start:end], start)
    if line is None or line.agency is None or line.end >= end:
        return None
    return line.end


def _past_dateline(text: str, start: int, end: int) -> int:
    """Where the words between `start` and `end` go on after a dateline ("RENO, Nev. (AP) — ", "TEHRAN - "): the
    last dateline dash, where a parenthesis or capitals alone come before it; else `start`."""
    if (start == 0 or text[start - 1] == "\n") and (dated := agency_dateline(text, start, end)) is not None:
        return dated
    dashes = list(_DATELINE_DASH.finditer(text, start, end))
    cut = dashes[-1] if dashes else None
    if cut is not None and (text.rfind(")", start, cut.start()) != -1 or text[start : cut.start()].isupper()):
        return cut.end()
    return start


def _tidy_source(doc: Doc, subj: Token, start: int, end: int) -> tuple[int, int] | None:
    """Trim a subject to the source as PolNeAR annotators mark it: without a comma-set participle clause
    ("The poll, released on Wednesday ..."), a phrase that only dates it ("doctors in 2015"), a focusing adverb
    before it ("even critics"), an opening quote mark, text in an earlier paragraph, words before an unclosed dash
    ("predictable - Donald J. Trump"), a preposition's object the parser took for the head of an apposed name, or
    leading space. Appositions and relative clauses stay (annotators keep them), and so does a trailing comma (kept
    more often than not; cross-checked on PolNeAR train with gold cues); an aside opened by a dash gets its closing
    dash."""
    text = doc_text(doc)
    main = next((t for t in subj.subtree if t.i > subj.i and _misread_verb(t)), None)
    if main is not None:
        # The sentence's own verb, which the parser hung inside its subject: the source ends before it.
        end = min(end, doc[main.i - 1].idx + len(doc[main.i - 1].text) if doc[main.i - 1].text == "," else main.idx)
    for child in subj.rights:
        if child.dep_ == "acl" and child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ",":
            end = min(end, doc[child.left_edge.i - 1].idx)
            break
        if child.i > subj.i and _dated(child):
            # "doctors in 2015": when the source spoke is no part of who spoke.
            end = min(end, doc[child.left_edge.i - 1].idx + len(doc[child.left_edge.i - 1].text))
            break
    words = text[start:end].split(maxsplit=1)
    if len(words) == 2 and words[0].lower() in _FOCUS:
        start = text.index(words[1], start)
    while start < end and text[start] in _OPEN_QUOTES and not any(q in text[start + 1 : end] for q in _CLOSING_QUOTES):
        start += 1
    newline = text.rfind("\n", start, subj.idx)
    if newline != -1:
        start = newline + 1
    start = _after_open_dash(text, start, subj.idx)
    first = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    if first is not None and first.start > 0 and doc[first.start - 1].pos_ == "ADP":
        # "With 50 days until the election, Minyon Moore, a senior adviser, called": the parser took the object of
        # a preposition before the subject for its head; the speaker is the apposition after it.
        named = [c for c in subj.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                 and doc[c.left_edge.i - 1].text == ","]
        if named and subj.ent_type_ != "PERSON":
            start = named[0].left_edge.idx
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    words = doc.char_span(start, end, alignment_mode="expand") if text[start:end].strip() else None
    last = words[-1] if words is not None and len(words) > 1 else None
    if (last is not None and last.lower_ in _FLOATING and last.dep_ in ("appos", "det", "advmod")
            and last.head.i < last.i):
        # "Jeb Bush and Ted Cruz both", "they all": PolNeAR train leaves the floating quantifier out of the
        # source (21 of 24).
        end = doc[last.i - 1].idx + len(doc[last.i - 1].text)
    rest = text[end : end + 4]
    for dash in _ASIDE_DASHES:
        # "Jason Sims — a teacher from Mount Pleasant — said": an aside that opens with a dash inside the source
        # closes with the next one, which annotators keep (PolNeAR train: 12 of 12 such sources end with it).
        if text.count(dash, start, end) % 2 == 1 and rest.lstrip(" \u00a0").startswith(dash):
            end += rest.index(dash) + len(dash)
            break
    return (start, end) if end > start else None


def _after_open_dash(text: str, start: int, head: int) -> int:
    """Start a source after a dash that opens before its head and does not close before it ("The debate is also
    predictable - Donald J. Trump has vowed"): the words before such a dash belong to another clause."""
    dashes = list(_OPEN_DASH.finditer(text, start, head))
    return dashes[-1].end() if len(dashes) % 2 == 1 else start


@dataclass(frozen=True, slots=True)
class Frame:
    """What an attribution's content is chosen around: the cue, its source and the words no content may hold."""

    verb: Token
    cue: tuple[int, int]
    subject: Token | None
    source: tuple[int, int] | None
    exclude: frozenset[int]
    lo: int  # first character of the cue and source together
    hi: int  # their last character
    stop: int | None = None  # where a participle that reports speech of its own starts after the cue (its comma)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of an attribution's content: its fragments, the cue that goes with it (a preposition may
    join the cue) and the ways it was found (`kinds`; "rule" marks the hand-written rules' choice)."""

    frags: tuple[tuple[int, int], ...]
    cue: tuple[int, int]
    kinds: tuple[str, ...]


class ContentChooser(Protocol):
    """Picks one of a cue's content candidates (the content model)."""

    def choose(self, doc: Doc, frame: Frame, candidates: Sequence[Candidate]) -> tuple[Candidate, float]: ...


#: Raising verbs: "X seems/appears ..." is mostly the writer's impression of X, which PolNeAR annotates without a
#: source (on PolNeAR train 155 of the 159 gold attributions cued by the raising verb alone have none), unless
#: X is seen saying or doing something that is itself an act of stance ("Cruz seemed to blame the network": gold
#: then makes "seemed to blame" the cue and gives it a source): a verb after "to" other than be/have/become/get
#: (`_sourceless`) that the cue model reads as a cue word at `RAISED_ACT_THRESHOLD` or above (`_attribution_for`).
_RAISING = frozenset({"seem", "appear"})
_LINKING = frozenset({"be", "have", "become", "get"})
#: The cue probability the verb after a raising cue needs for the cue to keep its source. Chosen on PolNeAR
#: train: of 147 raising cues given a source there, 114 have an action verb scored below 0.1, and only 8 of those
#: sources are right ("seemed to offer", "appeared to betray"); the 33 above 0.1 hold the other 14 right ones.
RAISED_ACT_THRESHOLD = 0.1


def _phrase_start(tok: Token) -> int:
    """The first word of `tok`'s phrase, not reaching back past the end of a quoted sentence the parser hung on
    it ('... hunky-dory," Gene Sperling')."""
    doc = tok.doc
    marks = [i for i in range(max(tok.left_edge.i, 1), tok.i)
             if _closes_quote(doc[i]) and doc[i - 1].text in (",", ".", "!", "?")]
    return marks[-1] + 1 if marks else tok.left_edge.i


_FRONTED = frozenset({"prep", "advmod", "npadvmod", "advcl"})


def _past_fronted(node: Token, first: int) -> int:
    """Where a stranded subject's phrase starts, past a fronted phrase and its comma that the parser hung on the
    subject ("In 1972, liberal Sen. George McGovern, D-S.D., thrilled": the speaker starts at "liberal")."""
    doc = node.doc
    for child in node.lefts:
        end = child.right_edge.i + 1
        if child.dep_ in _FRONTED and child.left_edge.i == first and end < node.i and doc[end].text == ",":
            first = end + 1
    return first


def _stranded_subject(verb: Token) -> Token | None:
    """The subject the parser hung elsewhere: a finite reporting verb that heads its sentence with no subject,
    right after a noun phrase read as part of what comes before it ("As part of his plea, Marcel Lazar, 44, said",
    "After a day of tensions between two Republicans, Paul Ryan's office announced"). The noun phrase is the one
    that starts the sentence, or follows a comma or a quotation, and ends at the verb; an apposition there
    stands for the noun it names ("her adviser, Jake Sullivan, said")."""
    doc = verb.doc
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ == "ROOT"
    if verb.pos_ != "VERB" or not (finite or _misread_verb(verb)):
        return None
    if any(c.dep_ in ("nsubjpass", "expl", "csubjpass") for c in verb.children):
        return None
    start = verb.sent.start
    last = _before_adverbs(verb)
    if last > start and doc[last].text == ",":
        last -= 1

    def opens(tok: Token) -> bool:
        edge = _phrase_start(tok)
        if tok.pos_ not in ("NOUN", "PROPN", "PRON") or edge < start:
            return False
        before = doc[edge - 1] if edge > start else None
        return (before is None or before.text == "," or _closes_quote(before)
                or (before.i == start and before.dep_ == "cc"))  # "But Bill Skelly, ..., vouched"

    for node in (doc[last], *doc[last].ancestors) if last >= start else ():
        if node.i >= verb.i or node.i < start:
            return None
        if node.pos_ in ("NOUN", "PROPN") and (node.ent_type_ in ("DATE", "TIME")
                                              or (node.dep_ == "npadvmod" and node.pos_ == "NOUN")):
            return None  # "Last week said", "On Monday said": a time, not a speaker
        if opens(node):
            while node.dep_ == "appos" and node.head.i < node.i and opens(node.head):
                node = node.head
            named = _named_before(node)
            # "At a briefing in Tehran, Nasser Kanaani, the spokesman of the ministry, told": the parser hung the
            # name and its apposition side by side on the place before them; the name comes first.
            return named if named is not None and opens(named) else node
    return None


def _named_before(node: Token) -> Token | None:
    """The name of a person a role noun follows as its apposition where the parser hung both on the same head
    ("Tehran, Nasser Kanaani, the spokesman": `beside_apposition`)."""
    if node.ent_type_ == "PERSON":
        return None
    return next((c for c in node.head.children if c.ent_type_ == "PERSON" and beside_apposition(c, node)), None)


def beside_apposition(name: Token, role: Token) -> bool:
    """Whether the parser hung a name and the apposition after it side by side on the same head, a comma between
    them ("In Tehran, Nasser Kanaani, the spokesman of the ministry, told": both on "Tehran")."""
    doc = name.doc
    comma = name.right_edge.i + 1
    return (name.dep_ == role.dep_ == "appos" and name.head.i == role.head.i and comma < len(doc)
            and doc[comma].text == "," and role.left_edge.i == comma + 1)


def _misread_verb(verb: Token) -> bool:
    """Whether the parser read the past-tense verb of a sentence as a participle or an adjective on a noun.

    "Stuart Stevens, who served as Romney's strategist in 2012, called the remarks ...": it made the name the head
    of the sentence and the verb a participle describing it; a sentence has a verb, so that is it. So is one it hung
    deeper, after a comma that closes an apposition ("Attorney General Roy Cooper (D), McCrory's opponent in the
    upcoming election, called Friday for ...": "election, called"), or one on a noun in a sentence it headed with
    a participle after it, giving that the subject ("..., called Friday for releasing the videos, saying that ...":
    "saying" is no sentence's verb)."""
    doc = verb.doc
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBN", "VBD"):
        return False
    root = verb.sent.root
    after_comma = verb.i > 0 and doc[verb.i - 1].text == ","
    if root.i < verb.i:
        return ((verb.dep_ == "acl" and root.pos_ in ("NOUN", "PROPN") and (verb.head.i == root.i or after_comma)
                 and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))
                or (_read_as_modifier(verb) and after_comma))
    return (verb.dep_ == "acl" and after_comma and root.tag_ == "VBG"
            and any(c.dep_ == "nsubj" and c.i < verb.i for c in root.children))


def _before_adverbs(verb: Token) -> int:
    """The index of the word before the adverbs right before a verb ("..., the chief executive of the National
    Urban League, forcefully told": the comma), or of the word right before it where there are none."""
    last = verb.i - 1
    while last > verb.sent.start and (word := verb.doc[last]).pos_ == "ADV" and word.dep_ == "advmod" \
            and word.head.i == verb.i:
        last -= 1
    return last


def _read_as_modifier(verb: Token) -> bool:
    """Whether the parser read a past-tense verb as an adjective on its own object, in a sentence it then headed
    with a noun ("Trump defended eminent domain" with "defended" on "domain"; "Khizr Khan, ..., decried Trump's
    calls")."""
    return (verb.dep_ == "amod" and verb.head.i > verb.i and verb.sent.root.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


#: Entity types of a noun that counts or dates something: never the holder of the cue after it.
_NOT_HOLDERS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _adjacent_holder(verb: Token, first: int) -> int | None:
    """Where the source starts when the parser gave a finite cue no subject at all, yet a noun stands right
    before the cue: it read the noun as part of what comes before ("... of the Washington Post Trump said",
    "the minimum $20 million experts say it costs"). The source is the noun phrase that ends there ("a group of
    rabbis called for"), not reaching back past a comma or to a count or date before it."""
    doc = verb.doc
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and _read_as_modifier(verb))
    if verb.pos_ != "VERB" or not finite or first <= verb.sent.start:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for c in verb.children):
        return None
    noun = doc[first - 1]
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.ent_type_ in _NOT_HOLDERS:
        return None
    head = noun
    while (head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "of"
           and head.head.head.pos_ in ("NOUN", "PROPN", "PRON") and head.head.head.i < head.i):
        head = head.head.head  # "a group of rabbis", "the rolling average of polls"
    start = max(head.left_edge.i, verb.sent.start)
    for i in range(noun.i - 1, start - 1, -1):
        if doc[i].is_punct or doc[i].ent_type_ in _NOT_HOLDERS:
            start = i + 1
            break
    # The words of the phrase the parser left out of it ("screenwriter Cole Haddon", "F.A.A. records").
    while (start - 1 > verb.sent.start and doc[start - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN")
           and doc[start - 1].ent_type_ not in _NOT_HOLDERS and not doc[start - 1].is_punct):
        start -= 1
    return start


#: Verbs of saying in -s that the parser can read as a plural noun after another ("The Israeli military claims it
#: has killed ...": a noun phrase "military claims").
_NOUN_LIKE_CUES = frozenset({"claims", "reports", "states", "notes", "warns", "says", "insists", "admits", "denies",
                             "estimates", "charges", "alleges", "argues", "adds", "maintains", "stresses"})


def _verb_read_as_noun(cue: Token) -> int | None:
    """Where the source starts when the parser read a finite cue as the plural noun heading the sentence, with the
    speaker's noun on it ("The Israeli military claims it has killed more than 10,000 Hamas fighters"): the phrase
    before it, when a clause with its own subject follows."""
    doc = cue.doc
    if (cue.tag_ != "NNS" or cue.lower_ not in _NOUN_LIKE_CUES or cue.dep_ != "ROOT" or cue.i + 1 >= len(doc)
            or cue.i == cue.sent.start):
        return None
    before, after = doc[cue.i - 1], doc[cue.i + 1]
    if before.head.i != cue.i or (before.pos_ not in ("NOUN", "PROPN") and before.tag_ != "NN"):
        return None
    opens_clause = after.lower_ == "that" or (after.dep_ in ("nsubj", "nsubjpass") and after.head.pos_ in ("VERB",
                                                                                                          "AUX"))
    return cue.left_edge.i if opens_clause else None


def _raised_act(verb: Token) -> Token | None:
    """The verb a raising cue says its subject seems to perform ("seemed to blame" -> "blame"), if any."""
    if verb.lemma_.lower() not in _RAISING:
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)


def _sourceless(verb: Token, subj: Token) -> bool:
    """Whether a cue's grammatical subject is not its source: the subject of a raising verb with no action after
    it ("Trump seems ready", "it seems to be over"), or an expletive "it" before an adjective or passive cue
    ("it is unclear whether", "it is known for")."""
    if verb.lemma_.lower() in _RAISING:
        action = _raised_act(verb)
        return action is None or action.lemma_.lower() in _LINKING
    return subj.lower_ == "it" and (verb.pos_ == "ADJ" or any(c.dep_ == "auxpass" for c in verb.children))


#: Participles that report speech of their own: "urged women to vote, saying, “...”" is two attributions, so the
#: first verb's content stops before the participle's clause.
REPORTING_PARTICIPLES = frozenset({"say", "tell", "add", "note", "argue", "claim", "insist", "write", "explain",
                                   "warn", "declare", "assert", "state", "ask", "suggest", "contend", "complain",
                                   "acknowledge", "admit", "maintain", "tweet", "predict"})
#: Participles that make a statement of their own after a cue's object ("condemned the attack, calling it a
#: violation of international law"; PolNeAR train marks "calling", "urging", "promising" ... as cues of their own):
#: the cue's chosen content stops at the comma before them (`_mend`).
STATEMENT_PARTICIPLES = frozenset({"call", "describe", "urge", "stress", "emphasize", "emphasise", "vow", "pledge",
                                   "promise", "threaten", "announce", "accuse", "deny", "reiterate"})


def _reporting_participle(verb: Token) -> Token | None:
    """The participle clause after a cue that reports speech itself ("..., saying ...", "..., telling ..."), also
    where the parser hung it on the reported clause after a comma ("SANA said warplanes targeted sites near
    Damascus, adding that ...": PolNeAR train gives 17 of 20 such participles a cue of their own, outside the
    first cue's content)."""
    for child in verb.rights:
        if _participle(child, REPORTING_PARTICIPLES):
            return child
    for clause in verb.rights:
        if clause.dep_ != "ccomp":
            continue
        for child in clause.rights:
            if _participle(child, REPORTING_PARTICIPLES) and child.doc[child.i - 1].text == ",":
                return child
    return None


def _participle(child: Token, lemmas: frozenset[str] | None = None) -> bool:
    """Whether a word opens a participle clause of one of `lemmas` (of any verb where None) hung on the word before
    ("..., saying ...")."""
    return (child.dep_ == "advcl" and child.tag_ == "VBG" and (lemmas is None or child.lemma_.lower() in lemmas)
            and child.left_edge.i == child.i)


def _speaker_after_quote(verb: Token) -> int | None:
    """Where the speaker starts in '"...," Tulsa police Chief Chuck Jordan said' or '"...," Flynn, a top Trump
    surrogate, said', where the parser hung some or all of the words between the quotation and the cue on the
    quotation: the first word after its closing mark, when the words up to the cue are a noun phrase (with an
    apposition set off by commas, but no verb of their own: a capitalised "verb" there is a name the tagger
    misread, as "Tulsa" above), within one sentence and one line. A phrase in lower case with a comma in it is
    more often an apposition to the quotation ('"... of the 1960s," the dawn of the movement, Bozell says')."""
    doc = verb.doc
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 3:
        return None
    for k in range(verb.i - 1, max(verb.i - 16, 1), -1):
        tok = doc[k]
        if tok.text in ("“", "‘", "``"):
            return None  # the cue is inside a quotation
        if not _closes_quote(tok):
            continue
        gap = doc[k + 1 : verb.i - 1 if doc[verb.i - 1].text == "," else verb.i]
        if (doc[k - 1].text not in (",", "!", "?") or not len(gap)
                or not (gap[0].is_title or (gap[0].pos_ == "DET" and not any(t.text == "," for t in gap)))
                or not any(t.pos_ in ("NOUN", "PROPN") for t in gap)
                or any((t.pos_ in ("VERB", "AUX") and not t.is_title) or "\n" in t.text_with_ws
                       or t.text in (".", "!", "?", ";", ":") for t in gap)):
            return None
        return gap[0].i
    return None


def frame_for(doc: Doc, verb: Token, quotes: Sequence[QuoteSegment] = ()) -> Frame:
    """Return the cue, source and excluded words of the cue word `verb` (`quotes`: the document's quotations)."""
    text = doc_text(doc)
    cue = cue_span(verb)
    subj = _subject(verb)
    stranded = _stranded_subject(verb) if subj is None else None
    subj = subj or stranded
    cue_words = doc.char_span(*cue, alignment_mode="expand")
    adjacent = None
    if subj is None and cue_words is not None:
        adjacent = _adjacent_holder(verb, cue_words.start)
        if adjacent is None:
            adjacent = _verb_read_as_noun(verb)
        if adjacent is not None:
            subj = doc[cue_words.start - 1]
    if subj is not None and _quoted_apart(quotes, subj, verb):
        # A speaker is not inside someone's quotation unless the cue is too: the parser hung the cue on a verb
        # of the quotation ('"It will pass," Trump said, promising ...' with "promising" under "pass"). The
        # speaker is then the nearest subject of the sentence outside quotations.
        outside = [t for t in verb.sent if t.dep_ == "nsubj" and t.head.pos_ == "VERB" and t.i != subj.i
                   and _quote_at(quotes, t.idx) is None]
        subj = min(outside, key=lambda t: abs(t.i - verb.i)) if outside else None
        stranded = adjacent = None
    paragraph = text.rfind("\n", 0, verb.idx) + 1
    if subj is not None and subj.idx < paragraph and text[paragraph:verb.idx].lstrip()[:1].isupper():
        # A sentence the parser ran over a paragraph break ('... wrote on X.\n\nRodriguez added that ...', "X."
        # read as an initial): a subject in an earlier paragraph is not the cue's. The noun phrase that opens the
        # cue's own paragraph is, if any. (A line that goes on in lower case is one sentence wrapped.)
        line = doc.char_span(_past_dateline(text, paragraph, verb.idx), verb.idx, alignment_mode="contract") or ()
        ids = {t.i for t in line}
        nouns = [t for t in line if t.pos_ in _NOMINAL and not (t.head.i in ids and t.head.pos_ in _NOMINAL)]
        subj = nouns[0] if nouns else None
        stranded = adjacent = None
    after_quote = _speaker_after_quote(verb)
    if after_quote is not None and (subj is None or after_quote < subj.left_edge.i <= subj.i < verb.i):
        subj = stranded = doc[after_quote : verb.i].root
        adjacent = None
    else:
        after_quote = None
    if subj is not None and _sourceless(verb, subj):
        subj = stranded = adjacent = None
    source = None
    exclude = set(range(cue_words.start, cue_words.end)) if cue_words is not None else {verb.i}
    tail = _reporting_participle(verb)
    if tail is not None:
        # Its clause, and the comma before it, are no part of this cue's content.
        tail_first = tail.i - (doc[tail.i - 1].text == ",")
        exclude.update(range(tail_first, tail.right_edge.i + 1))
    if subj is not None:
        if stranded is not None:
            # Up to the cue, whatever the parser hung on the phrase after it.
            first = after_quote if after_quote is not None else _past_fronted(stranded, _phrase_start(stranded))
            last = doc[_before_adverbs(verb)]
            source = (doc[first].idx, last.idx + len(last.text))
        elif adjacent is not None:
            source = (doc[adjacent].idx, subj.idx + len(subj.text))
        else:
            first = _split_apposition(verb, subj)
            if subj.dep_ == "compound" and subj.head.i == verb.i:
                # A noun the cue was read as compounded onto ("The nearly 90-second ad slams"): its phrase takes the
                # words the parser hung on the cue before it.
                first = min([first] + [c.left_edge.i for c in verb.lefts if c.i < subj.i and c.dep_ in _NP_DEPS])
            source = (doc[first].idx, doc[subj.right_edge.i].idx + len(doc[subj.right_edge.i].text))
        if stranded is None and source[0] <= cue[0] < source[1]:
            # A subject subtree that swallows the cue (a participle or relative clause on it) is cut back to the
            # head's side of the branch that holds the cue.
            branch = next((c for c in subj.children if c.left_edge.i <= verb.i <= c.right_edge.i), None)
            held = set(range(branch.left_edge.i, branch.right_edge.i + 1)) if branch is not None else set()
            source = _subtree_chars(subj, exclude | held)
        if source:
            start, end = source
            # Headlines and list marks ("## Hamas official") leave symbols before the subject.
            while start < end and not (text[start].isalnum() or text[start] in "\"“'‘"):
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            past = _past_dateline(text, start, end)
            if past > start:
                # A dateline ("RENO, Nev. (AP) — Donald Trump", "New York (AFP) – ...") is not part of the source,
                # nor its head where the parser made the place the subject ("TEHRAN, Jan. 8 (IRNA) - Iranian Foreign
                # Ministry spokesman Nasser Kanaani on Monday warned ..., saying").
                start = past
                words = doc.char_span(start, end, alignment_mode="expand")
                if subj.idx < start and words is not None and len(words):
                    subj = words.root
            if subj.i > verb.i:
                # A speaker after its cue ('"...," said Jon Doggett, ...') ends at its paragraph: a mis-parse can
                # tie the next paragraph's first words to it.
                newline = text.find("\n", start, end)
                end = newline if newline != -1 else end
            else:
                # A speaker before its cue starts at its paragraph: a mis-parse can tie a headline or a time stamp
                # above it ("7 p.m.\n\nDonald Trump said") to it. A line that goes on in lower case is one
                # sentence wrapped, not a new paragraph.
                newline = text.rfind("\n", start, end)
                if newline != -1 and text[newline + 1 : end].lstrip()[:1].isupper():
                    start = newline + 1
                    words = doc.char_span(start, end, alignment_mode="expand")
                    if subj.idx < start and words is not None and len(words):
                        subj = words.root
            source = _tidy_source(doc, subj, start, end)
            if source and "," in text[source[0] : source[1]] and text[source[1] : cue[0]].strip() == ",":
                # "Aaron Kall, the director of debate at the University of Michigan, compared": the comma that
                # closes an apposition right before its cue belongs to the source (PolNeAR train: 761 of 829 such
                # sources end with it), also where the parser left it out of the subject's phrase.
                source = (source[0], text.index(",", source[1]) + 1)
        if source:
            inside = subj.left_edge.i <= verb.i <= subj.right_edge.i
            words = doc.char_span(*source, alignment_mode="expand") if inside else None
            if words is not None:
                # The cue sits in the subject's subtree ("ads attacking Clinton"): only the source's own words are
                # closed to the content, not the clause that holds the cue and its content.
                exclude.update(range(words.start, words.end))
            else:
                exclude.update(range(subj.left_edge.i, subj.right_edge.i + 1))
    lo = min(cue[0], source[0] if source else cue[0])
    hi = max(cue[1], source[1] if source else cue[1])
    stop = doc[tail_first].idx if tail is not None and tail.idx > hi else None
    return Frame(verb, cue, subj if source else None, source, frozenset(exclude), lo, hi, stop)


_NOMINAL = ("PROPN", "NOUN", "PRON")
#: The dependents that make up a noun phrase before its head.
_NP_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "quantmod", "nmod"})


def _split_apposition(verb: Token, subj: Token) -> int:
    """The first word of a source whose name the parser split from the noun it names, reading the cue as a
    relative clause on that noun ("The Palestinian resistance movement [Hamas said ...]") or giving the verb two
    subjects ("The Iranian news agency | IRNA reported"): the noun phrase's first word, where a name follows its
    noun with nothing between; else the subject's own first word. Two subjects split by a comma are a name and
    its apposition ("Brigadier General Abolfazl Shekarchi, | the spokesman for the Armed Forces, warned"): the
    name's first word."""
    doc = verb.doc
    if subj.i < verb.i and subj.left_edge.i > 1 and doc[subj.left_edge.i - 1].text == ",":
        name = doc[subj.left_edge.i - 2]
        if name.dep_ == "nsubj" and name.head.i == verb.i and name.pos_ == "PROPN":
            return name.left_edge.i
    if subj.i < verb.i and subj.left_edge.i > 0 and doc[subj.left_edge.i - 1].text == ")":
        # "Iran's Supreme National Security Council (SNSC) | Secretary Ali Akbar Ahmadian said": the body the
        # title belongs to, read as a second subject.
        body = next((t for t in verb.children if t.dep_ == "nsubj" and t.i < subj.i
                     and t.right_edge.i == subj.left_edge.i - 1 and t.pos_ == "PROPN"), None)
        if body is not None and "\n" not in doc[body.left_edge.i : subj.i].text:
            return body.left_edge.i
    if subj.pos_ != "PROPN" or not subj.i < verb.i or subj.left_edge.i == 0 or subj.left_edge.is_punct:
        return subj.left_edge.i
    before = doc[subj.left_edge.i - 1]
    split = before.pos_ == "NOUN" and before.is_alpha and (
        (verb.dep_ == "relcl" and before.i == verb.head.i and before.dep_ in ("ROOT", "nsubj"))
        or (before.dep_ == "nsubj" and before.head.i == verb.i))  # two subjects: "The news agency IRNA reported"
    return before.left_edge.i if split else subj.left_edge.i


def _agency_tail(clause: Token) -> bool:
    """Whether a clause after the cue is the agency's note that it learned the whole ("Belarus has never threatened
    anyone, President Aleksandr Lukashenko said at a ceremony, BelTA has learned."): not what was said."""
    first = next((t for t in clause.subtree if not t.is_punct), clause)
    return (clause.lemma_ in ("learn", "report") and first.i > 0 and clause.doc[first.i - 1].text == ","
            and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in clause.children)
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in clause.children))


def _rule_content(doc: Doc, frame: Frame, quotes: Sequence[QuoteSegment]) -> Candidate | None:
    """The hand-written rules' content: adjacent quotations, the reported clause, the object or the topic of the
    cue, else the clause before a trailing attribution."""
    text = doc_text(doc)
    verb, cue, exclude, lo, hi = frame.verb, frame.cue, set(frame.exclude), frame.lo, frame.hi
    lead = _colon_lead(text, frame, quotes)
    if lead is not None:
        return Candidate((lead,), cue, ("rule",))
    frags: list[tuple[int, int]] = []
    adjacent = _adjacent_quotes(text, quotes, lo, hi)
    adjacent = [q for q in adjacent if doc.char_span(q.start, q.end, alignment_mode="expand") is not None]
    clause = None
    clause_end: Token | None = None
    for dep in ("ccomp", "xcomp", "parataxis"):
        kids = [c for c in verb.children if c.dep_ == dep]
        if kids:
            # Prefer clauses after the cue; a mis-parse can split one reported clause into several.
            right = [c for c in kids if c.i > verb.i and not (c.i != kids[0].i and _agency_tail(c))]
            clause = (right or kids)[0]
            clause_end = (right or kids)[-1]
            break
    if clause is None and verb.pos_ in ("NOUN", "PROPN"):
        clause = _noun_content(verb)
        clause_end = clause
    if clause is None:
        clause = clause_end = _medium_clause(verb) or _audience_clause(verb)
    framed = _as_frame(verb) if clause is None and not adjacent else None
    if framed is not None:
        frags = _around(doc, framed, verb, exclude, quotes)
    elif adjacent and (clause is None or _quote_at(quotes, clause.idx) is not None):
        frags = [(q.start, q.end) for q in adjacent]
    elif clause is not None:
        span = _subtree_chars(clause, exclude)
        if span and clause_end is not None and clause_end.i != clause.i:
            tail = _subtree_chars(clause_end, exclude)
            if tail and not any(tok.i in exclude for tok in doc[clause.i : clause_end.i]):
                span = (span[0], max(span[1], tail[1]))
        condition = _condition_after(verb, clause_end or clause, exclude) if span else None
        if span and condition is not None:
            span = (span[0], max(span[1], condition[1]))
        on = _called_on(verb, clause)
        if span and on is not None:
            # "called on Trump to stop attacking Machado": "called on" is the cue, the one called on opens the
            # content (PolNeAR train: 31 of 36 such cues).
            span = (min(span[0], doc[on.i + 1].idx), span[1])
            cue = (cue[0], max(cue[1], on.idx + len(on.text)))
        if span:
            frags = [_whole_quotes(_clip_paragraph(text, _trim(text, *span, quotes), verb.idx), quotes, cue)]
    elif verb.lemma_ in _OBJECT_IS_AUDIENCE:
        # "asked (him) about X", "warned of X": the topic after the preposition is the content.
        topic = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in _TOPIC_PREPS]
        pobj = next((c for c in topic[0].children if c.dep_ == "pobj"), None) if topic else None
        span = _subtree_chars(pobj, exclude) if pobj is not None else None
        if not span:
            return None
        frags = [_trim(text, *span, quotes)]
        if topic[0].i == verb.i + 1:
            cue = (cue[0], topic[0].idx + len(topic[0].text))
        frags = [f for f in frags if f[1] > f[0]]
        return Candidate(tuple(frags), cue, ("rule",)) if frags else None
    else:
        # "called Obama the most valuable player": the predicate (oprd) is the content, not the object.
        objs = ([c for c in verb.children if c.dep_ == "oprd" and not _time_as_object(c)]
                or [c for c in verb.children if c.dep_ in ("dobj", "attr") and not _time_as_object(c)])
        # The preposition right after the cue, or after a day read as its object ("called Friday for X").
        day = next((c for c in verb.children if c.i == verb.i + 1 and _time_as_object(c)), None)
        after = day.right_edge.i + 1 if day is not None else verb.i + 1
        preps = [c for c in verb.children if c.dep_ == "prep" and c.i == after and c.lower_ in _CUE_PREPS]
        saying = next(((o, said) for p in verb.rights if p.dep_ == "prep" for o in p.children
                       if o.dep_ == "pcomp" and (said := _saying_by(p, o, exclude)) is not None), None)
        if saying is not None:
            # "responded Tuesday to one of the messages by saying, '...'": what was said by saying, which joins the
            # cue, not the phrases before it.
            frags = [_trim(text, *saying[1], quotes)]
            cue = (cue[0], saying[0].idx + len(saying[0].text))
        elif objs:
            span = _subtree_chars(objs[0], exclude)
            if span:
                frags = [_trim(text, *span, quotes)]
        elif preps and any(c.dep_ == "pobj" for c in preps[0].children):
            # "referring to X", "called for X": the preposition joins the cue, its object is the content.
            pobj = next(c for c in preps[0].children if c.dep_ == "pobj")
            span = _subtree_chars(pobj, exclude) if pobj.ent_type_ not in ("DATE", "TIME", "GPE") else None
            if span:
                frags = [_trim(text, *span, quotes)]
                cue = (cue[0], preps[0].idx + len(preps[0].text))
    if not frags and frame.source is not None and verb.lemma_ not in _OBJECT_IS_AUDIENCE:
        frags = _preceding_content(doc, verb, lo, quotes)
    frags = [f for f in frags if f[1] > f[0]]
    if not frags or any(f[0] <= cue[0] < f[1] for f in frags):
        return None
    return Candidate(tuple(sorted(frags)), cue, ("rule",))


def _called_on(verb: Token, clause: Token) -> Token | None:
    """The "on" of "called on X to do Y", right after the cue and before the clause of what X is to do."""
    if verb.lemma_.lower() != "call" or clause.dep_ != "xcomp" or clause.i < verb.i:
        return None
    on = next((c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ == "on" and c.i == verb.i + 1),
              None)
    if on is None or not any(c.dep_ == "pobj" and c.i < clause.i for c in on.children):
        return None
    return on


_CONDITIONS = frozenset({"if", "unless"})


def _condition_after(verb: Token, clause: Token, exclude: set[int]) -> tuple[int, int] | None:
    """A condition the parser hung on a trailing cue though it closes the reported clause before it ("Russia is
    ready to resume talks if Kiev shows political will, Lavrov said"): part of what was said."""
    if clause.i > verb.i:
        return None
    after = clause.right_edge.i + 1
    for child in verb.children:
        if (child.dep_ == "advcl" and after <= child.i < verb.i and child.left_edge.i == after
                and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in child.children)):
            return _subtree_chars(child, exclude)
    return None


#: What a cue says of its own, which makes it no bare frame ("as he puts it", "as he told reporters that ...").
_OWN_CONTENT = frozenset({"ccomp", "xcomp", "parataxis", "dobj", "oprd", "attr", "acomp"})


def _as_frame(verb: Token) -> Token | None:
    """The clause a cue frames as what was said where the cue is an "as" clause of its own with nothing said in
    it: "As TASS reported earlier, the Ukrainian side lost up to 300 servicemen", "the result, as he later
    explained, was an 'economic bubble'". PolNeAR train gives such a cue the clause around it, without the "as"
    clause, as its content."""
    if verb.dep_ != "advcl" or verb.head is verb or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i == verb.left_edge.i for c in verb.children):
        return None
    if any(c.dep_ in _OWN_CONTENT for c in verb.children):
        return None
    return verb.head


def _around(doc: Doc, head: Token, verb: Token, exclude: set[int],
            quotes: Sequence[QuoteSegment]) -> list[tuple[int, int]]:
    """The words of `head`'s clause outside the clause of `verb` (and `exclude`), a fragment for each side."""
    text = doc_text(doc)
    inner = set(range(verb.left_edge.i, verb.right_edge.i + 1)) | exclude
    words = [t for t in head.subtree if t.i not in inner]
    runs: list[list[Token]] = []
    for tok in words:
        if runs and runs[-1][-1].i == tok.i - 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    frags = []
    for run in runs:
        start, end = _trim(text, run[0].idx, run[-1].idx + len(run[-1].text), quotes)
        if any(ch.isalnum() for ch in text[start:end]):
            frags.append(_whole_quotes(_clip_paragraph(text, (start, end), verb.idx), quotes, (verb.idx, verb.idx)))
    return frags


_NEXT_LINE = re.compile(r"\n[ \t\u00a0\n]*(?=\S)")


def _colon_lead(text: str, frame: Frame, quotes: Sequence[QuoteSegment]) -> tuple[int, int] | None:
    """The content of a cue whose line ends in a colon ("The governor added:", "Kanaani said in a statement:"):
    the next paragraph, or the quotation that opens it. None where the cue has a clause of its own or the words
    after it do more than finish its sentence (`_finishes_sentence`)."""
    line_end = text.find("\n", frame.hi)
    if line_end == -1:
        return None
    tail = text[frame.hi : line_end].rstrip(" \t\u00a0") or text[frame.hi - 1 : frame.hi]  # the cue's "said:"
    if (not _finishes_sentence(tail, ":")
            or any(c.dep_ in _CLAUSAL and frame.verb.i < c.i and c.idx < line_end for c in frame.verb.children)):
        return None
    m = _NEXT_LINE.match(text, line_end)
    if m is None:
        return None
    start = m.end()
    quote = next((q for q in quotes if q.start == start), None)
    if quote is not None:
        return quote.start, quote.end
    end = text.find("\n", start)
    span = _trim(text, start, len(text) if end == -1 else end, quotes)
    return span if span[1] > span[0] else None


def _mend(doc: Doc, frame: Frame, chosen: Candidate, quotes: Sequence[QuoteSegment]) -> Candidate:
    """Mend the chosen content where the parse misleads: a quotation before the cue that is someone else's
    (`_own_quotes`), a reported clause whose subject the parser took for the cue's object (`_with_subject`), a
    quotation's words without its marks (`_with_marks`), the phrase on the cue that stands where the quotation
    after it belongs (`_quote_past_phrases`), and a participle's statement run into the content
    (`_before_statement`), a conjunction it ends on (`_without_conjunction`), and the day it was said, which
    the parser can read into the reported clause's subject (`_past_day`).

    Done after the choice, not among the candidates: the content model was chosen by its figures on the
    candidates as they are (building these readings into the candidates and retraining moved PolNeAR dev content
    overlap F1 from 0.8346 to 0.8327)."""
    text = doc_text(doc)
    frags = _with_subject(frame, _own_quotes(text, frame, list(chosen.frags), quotes))
    frags = [_with_marks(text, frag, quotes, frame.cue) for frag in frags]
    cue = chosen.cue
    past = _quote_past_phrases(doc, frame, quotes)
    joined = text[frame.cue[1] : chosen.cue[1]].split()  # a preposition the choice joined to the cue
    # Not where it is "to" or "for": "referring to X", "called for X" are about X (but "joked of X, '...'" is not).
    if past is not None and not (joined and joined[-1].lower() in ("to", "for")):
        if all(frame.hi <= s and e <= past.end for s, e in frags):
            # The phrase's object ("the museum"), the words after the cue or the quotation's own words: the
            # quotation, and the cue is the verb's again ("joked of" was the cue of "the museum").
            frags, cue = [(past.start, past.end)], frame.cue
        elif all(e <= frame.lo and _quote_at(quotes, s) is not None for s, e in frags):
            frags = [*frags, (past.start, past.end)]  # '"...," he said of Trump, "..."': the quote goes on
    frags = _before_statement(doc, frame.verb, frags, quotes)
    frags = _with_opening(text, frame, frags, quotes)
    frags = _without_conjunction(text, frags, quotes)
    frags = _past_day(doc, cue, frags)
    frags = _past_aside(doc, frame.verb, cue, frags)
    frags = _before_comment(doc, frags, quotes)
    if frags == list(chosen.frags) and cue == chosen.cue:
        return chosen
    return replace(chosen, frags=tuple(frags), cue=cue)


def _past_day(doc: Doc, cue: tuple[int, int], frags: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content without the day that opens it right after the cue, where the parser read the day into the
    reported clause's subject ("The Kremlin said on Monday President Vladimir Putin had agreed", "The ministry said
    Tuesday Israeli forces had withdrawn"): it says when the words were spoken, not what they were. A day that is
    what the cue is about stays ("described Friday as a day of mourning")."""
    if not frags or doc_text(doc)[cue[1] : frags[0][0]].strip() not in ("", "on"):
        return frags
    words = doc.char_span(*frags[0], alignment_mode="expand")
    if words is None or words[0].lower_ not in _DAY_WORDS or words[0].ent_type_ not in ("DATE", "TIME"):
        return frags
    rest = words[0].i + 1
    while rest < words.end and doc[rest].ent_type_ in ("DATE", "TIME") and not doc[rest].is_punct:
        rest += 1  # "Monday night"
    if rest >= words.end or words.root.pos_ not in ("VERB", "AUX") or words.root.i <= rest:
        return frags
    if doc[rest].text == ",":
        rest += 1
    return [(doc[rest].idx, frags[0][1]), *frags[1:]]


def _past_aside(doc: Doc, verb: Token, cue: tuple[int, int],
                frags: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content without an aside set off by commas between the cue and its reported clause ("claimed, without
    providing evidence, that Iran had supplied drones", "said, however, that ..."): the writer's words about the
    saying, not what was said. PolNeAR train leaves such an aside out of the content 16 times of 17 (the other
    opens a quotation, which stays)."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if not frags or clause is None or verb.i + 2 >= len(verb.doc):
        return frags
    first = clause.left_edge
    if doc[verb.i + 1].text != "," or first.i <= verb.i + 2 or doc[first.i - 1].text != ",":
        return frags
    start, end = frags[0]
    if not (cue[1] <= start < first.idx < end) or doc_text(doc)[cue[1] : start].strip(" ,"):
        return frags
    if doc_text(doc)[start] in _QUOTE_MARKS:
        return frags
    return [(first.idx, end), *frags[1:]]


#: Nouns by which the writer sums up a statement in an apposition after it (", a claim the army denied").
_COMMENT_NOUNS = frozenset({"claim", "charge", "allegation", "assertion", "accusation", "point", "sentiment", "view",
                            "position", "argument", "contention", "notion", "idea", "stance", "figure", "estimate",
                            "characterization", "characterisation", "description", "statement", "remark"})


def _before_comment(doc: Doc, frags: list[tuple[int, int]], quotes: Sequence[QuoteSegment]) -> list[tuple[int, int]]:
    """The content without the writer's comment on it that closes its sentence, an indefinite noun for the
    statement with a clause of its own after a comma ("that at least 40 soldiers had been killed, a claim the
    Israeli military denied", "that the contest had been rigged, a charge that Colorado Republican leaders strongly
    denied"). PolNeAR train and dev end the content before every one of the six such comments, and mark the
    comment's noun as the content of its own clause."""
    if not frags:
        return frags
    start, end = frags[-1]
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return frags
    for tok in words[1:]:
        if (tok.text == "," and tok.i + 2 < words.end and doc[tok.i + 1].lower_ in ("a", "an")
                and _quote_at(quotes, tok.idx) is None):
            noun = doc[tok.i + 2]
            while noun.i + 1 < words.end and noun.dep_ == "amod":
                noun = doc[noun.i + 1]
            if noun.lemma_.lower() in _COMMENT_NOUNS and any(c.dep_ in ("relcl", "acl") for c in noun.children):
                cut = doc[tok.i - 1]
                return [*frags[:-1], (start, cut.idx + len(cut.text))]
    return frags


_TRAILING_CONJUNCTION = re.compile(r"\s(?:and|but|or)$")


def _without_conjunction(text: str, frags: list[tuple[int, int]],
                         quotes: Sequence[QuoteSegment]) -> list[tuple[int, int]]:
    """A content that ends on the conjunction joining the cue's verb to the next one ('described the measures as
    "a violation" and said ...'), without it: no PolNeAR content ends on "and", "but" or "or"."""
    if not frags:
        return frags
    start, end = frags[-1]
    found = _TRAILING_CONJUNCTION.search(text, start, end)
    if found is None:
        return frags
    cut = _trim(text, start, found.start(), quotes)
    return [*frags[:-1], cut] if cut[1] > cut[0] else frags


def _with_opening(text: str, frame: Frame, frags: list[tuple[int, int]],
                  quotes: Sequence[QuoteSegment]) -> list[tuple[int, int]]:
    """A content that goes on after a cue set off by commas inside it ("The resistance, he said, would continue
    ..."), with the words before the cue as its first fragment, as PolNeAR marks it (11 of 13 such dev sentences;
    the content was only what follows the cue)."""
    if (not frags or frame.source is None or text[frame.hi : frags[0][0]].strip() != ","
            or not text[: frame.lo].rstrip().endswith(",")
            or text[min(frame.source[1], frame.cue[1]) : max(frame.source[0], frame.cue[0])].strip()):
        return frags  # only "X, he said, Y" and "X, said Smith, Y": the source and the cue and nothing else
    sent = frame.verb.sent
    start = max(sent.start_char, text.rfind("\n", 0, frame.lo) + 1)
    opening = _trim(text, start, text.rindex(",", 0, frame.lo), quotes)
    if opening[1] <= opening[0] or any(q.start < opening[1] and opening[0] < q.end for q in quotes):
        return frags
    verb = frame.verb
    words = verb.doc.char_span(*opening, alignment_mode="expand") or ()
    if any(t.head.i == verb.i and t.dep_ in ("advcl", "prep", "npadvmod") for t in words):
        return frags  # the words set the scene of the saying ("Asked about ..., Clinton said, '...'")
    return [opening, *frags]


def _before_statement(doc: Doc, verb: Token, frags: list[tuple[int, int]],
                      quotes: Sequence[QuoteSegment]) -> list[tuple[int, int]]:
    """A content cut at the comma before a participle of the cue that makes a statement of its own
    (`STATEMENT_PARTICIPLES`), where the content runs over it, also where the parser hung the participle on the
    reported clause ("Zakharova noted that Washington supplies weapons to Kiev, calling it 'a path to escalation'",
    "Packer said the focus on Trump is taking a toll, pointing to ..."): PolNeAR train ends the cue's content
    before such a participle 8 times of 10."""
    text = doc_text(doc)
    for child in verb.rights:
        if _participle(child, STATEMENT_PARTICIPLES) and doc[child.i - 1].text == ",":
            return _frags_before(text, frags, doc[child.i - 1].idx, quotes) or frags
    for clause in verb.rights:
        if clause.dep_ != "ccomp":
            continue
        for child in clause.subtree:
            if (child.i > clause.i and _participle(child, _HUNG_STATEMENTS) and doc[child.i - 1].text == ","
                    and _clause_of(child) == clause):
                return _frags_before(text, frags, doc[child.i - 1].idx, quotes) or frags
    return frags


#: Participles that make a statement of their own where the parser hung them on the reported clause before them.
_HUNG_STATEMENTS = STATEMENT_PARTICIPLES | frozenset({"point", "cite", "refer"})


def _clause_of(verb: Token) -> Token:
    """The clause a verb belongs to: the first of the verbs it is conjoined to."""
    node = verb.head
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    return node


def _with_marks(text: str, frag: tuple[int, int], quotes: Sequence[QuoteSegment],
                cue: tuple[int, int]) -> tuple[int, int]:
    """The whole quotation where a content is its words without its marks (the parser hangs the marks and the
    comma on the cue: '"I don't like it," he said' has "I don't like it" as the reported clause)."""
    start, end = frag
    for q in quotes:
        edges = text[q.start : start] + text[end : q.end]
        inside = q.start < start and end < q.end and not q.start <= cue[0] < q.end
        if inside and not edges.strip(_QUOTE_MARKS + " ,.;:!?"):
            return q.start, q.end
    return frag


def _own_quotes(text: str, frame: Frame, frags: list[tuple[int, int]],
                quotes: Sequence[QuoteSegment]) -> list[tuple[int, int]]:
    """A content that goes on after the cue without the quotation before the cue and its source where that one is
    not the cue's: where a verb stands between the source and the cue ('"…," he said, adding, "…"': said's), or
    where it ends its sentence ('“… change.” She adds, “…”': the sentence before's). Only an interrupted
    quotation ('“…,” she said, “…”') goes on."""
    if not any(s >= frame.hi for s, _ in frags):
        return frags
    owner = frame.source is not None and frame.source[1] <= frame.cue[0] and any(
        t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass", "neg")
        and frame.source[1] <= t.idx < frame.cue[0] for t in frame.verb.sent)

    def foreign(s: int, e: int) -> bool:
        q = _quote_at(quotes, s)
        if e > frame.lo or q is None or (q.start, q.end) != (s, e):
            return False
        return owner or text[s:e].rstrip("\"”’'` ")[-1:] in ".!?"

    return [f for f in frags if not foreign(*f)] or frags


def _with_subject(frame: Frame, frags: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A content that is one reported clause, started at the subject the parser hung on the cue as its object."""
    verb = frame.verb
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or len(frags) != 1 or not frags[0][0] <= clause.idx < frags[0][1]:
        return frags
    stranded = _stranded_clause_subject(verb, clause)
    head = _subtree_chars(stranded, set(frame.exclude)) if stranded is not None else None
    return [(head[0], frags[0][1])] if head is not None and head[0] < frags[0][0] else frags


def _stranded_clause_subject(verb: Token, clause: Token) -> Token | None:
    """The subject the parser took for the cue's object ("said the battle ..., which ..., revealed that ..."): a
    finite reported clause with no subject of its own, right after the cue's object."""
    if clause.tag_ not in ("VBD", "VBZ", "VBP") or verb.lemma_ in _OBJECT_IS_AUDIENCE:
        return None  # "told POLITICO the standards are ...": the object of "tell" is who heard it
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for c in clause.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i and c.right_edge.i < clause.i), None)


#: Dependents of a cue whose subtree can be its content.
_CANDIDATE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "dobj", "oprd", "attr", "acomp", "conj"})
#: Prepositions whose object is never a content ("said on Monday", "in Iowa" are the time and the place).
_NOT_TOPIC_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
#: Where a statement was posted ("wrote on Telegram", "said on X"): never what it says.
_PLATFORMS = frozenset({"telegram", "twitter", "x", "facebook", "instagram", "youtube", "tiktok", "weibo", "wechat",
                        "vkontakte", "vk", "truth", "threads", "linkedin", "reddit", "substack", "rumble", "gab"})


def _platform(prep: Token, obj: Token) -> bool:
    """Whether a prepositional phrase names the platform a statement was posted on ("on Telegram", "on his
    Telegram channel", "via X")."""
    if prep.lower_ not in ("on", "via", "through", "in"):
        return False
    words = {t.lower_ for t in obj.subtree}
    return obj.lower_ in _PLATFORMS or (obj.lemma_.lower() in ("channel", "account", "page", "feed", "platform")
                                        and bool(words & _PLATFORMS))


def _saying_by(prep: Token, obj: Token, exclude: set[int]) -> tuple[int, int] | None:
    """What a cue's "by saying ..." phrase says: the words after the participle ("responded by saying, “...”",
    "distanced himself by saying he would ..."), none excluded; None where the phrase is not one of saying."""
    if prep.lower_ != "by" or obj.tag_ != "VBG" or obj.lemma_.lower() not in REPORTING_PARTICIPLES:
        return None
    doc = obj.doc
    first = obj.i + 1
    while first <= obj.right_edge.i and doc[first].text in (",", ":"):
        first += 1
    last = next((i - 1 for i in range(first, obj.right_edge.i + 1) if i in exclude), obj.right_edge.i)
    if last < first:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _relative_head(verb: Token) -> Token | None:
    """The noun a cue's relative clause or passive participle describes where no relative pronoun stands for it
    in the clause ("a claim Hamas denied", "a claim dismissed by Iranian sources"; "a claim, which Hamas denied"
    has "which")."""
    if not (verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBN")):
        return None
    if verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.tag_ in ("WDT", "WP", "WP$") or c.lower_ == "that" for c in verb.children):
        return None
    return verb.head


#: Pronouns that point back to what was said: a passive cue's content where they are its subject.
_REFERRING = frozenset({"this", "that", "these", "those", "which"})


def content_candidates(doc: Doc, frame: Frame, quotes: Sequence[QuoteSegment]) -> list[Candidate]:
    """Return every reading of the content of the cue in `frame`: the rules' choice, the subtree of each clausal
    or object dependent, the object of each preposition after the cue (on the cue word or on its object: "took
    aim at X", "threw his support behind X"), the adjacent quotations, the clause before the cue and the rest
    of the sentence after it. Readings with the same fragments are merged; none holds the cue."""
    text = doc_text(doc)
    verb, cue, exclude = frame.verb, frame.cue, set(frame.exclude)
    raw: list[tuple[str, list[tuple[int, int]], tuple[int, int]]] = []
    rule = _rule_content(doc, frame, quotes)
    if rule is not None:
        raw.append(("rule", list(rule.frags), rule.cue))

    def reading(span: tuple[int, int] | None) -> list[tuple[int, int]]:
        """A span as a content reading: trimmed, kept in the cue's paragraph, never cutting a quotation."""
        if not span:
            return []
        return [_whole_quotes(_clip_paragraph(text, _trim(text, *span, quotes), verb.idx), quotes, cue)]

    def clause(tok: Token) -> list[tuple[int, int]]:
        return reading(_subtree_chars(tok, exclude))

    for child in verb.children:
        if (child.dep_ in _CANDIDATE_DEPS and (child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX"))
                and not _time_as_object(child)):
            raw.append((f"dep:{child.dep_}", clause(child), cue))
        elif child.dep_ == "nsubjpass" and child.lower_ in _REFERRING and _passive_cue(verb):
            # What a passive cue reports can be the words its pronoun subject points back to: "This was stated
            # by Lavrov", "the attacks, which were claimed by the Islamic State".
            raw.append(("dep:nsubjpass", clause(child), cue))
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "prt") and c.i > verb.i]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.i < verb.i:
                continue
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is None or obj.ent_type_ in _NOT_TOPIC_ENTS or _platform(prep, obj):
                continue
            kind = "prep" if holder is verb else "oprep"
            said = _saying_by(prep, obj, exclude)
            if said is not None:
                # "responded by saying, “...”": the saying joins the cue, what was said is the content.
                raw.append((f"{kind}:{prep.lower_}", reading(said), (cue[0], max(cue[1], obj.idx + len(obj.text)))))
                continue
            raw.append((f"{kind}:{prep.lower_}", clause(obj), (cue[0], max(cue[1], prep.idx + len(prep.text)))))
    if verb.pos_ in ("NOUN", "PROPN"):
        noun = _noun_content(verb)
        if noun is not None:
            raw.append(("noun", clause(noun), cue))
    head = _relative_head(verb)
    if head is not None:
        # "a claim Hamas denied", "an offer they rebuffed": what the relative clause tells of is the noun it
        # describes, without the clause.
        raw.append(("relhead", reading(_subtree_chars(head, exclude | {t.i for t in verb.subtree})), cue))
    adjacent = [q for q in _adjacent_quotes(text, quotes, frame.lo, frame.hi)
                if doc.char_span(q.start, q.end, alignment_mode="expand") is not None]
    if adjacent:
        raw.append(("quotes", [(q.start, q.end) for q in adjacent], cue))
    raw.append(("before", _preceding_content(doc, verb, frame.lo, quotes), cue))
    sent = verb.sent
    end = min(sent.end_char, text.find("\n", frame.hi) if "\n" in text[frame.hi : sent.end_char] else sent.end_char)
    if frame.stop is not None:
        end = min(end, frame.stop)
    raw.append(("after", [_whole_quotes(_trim(text, frame.hi, end, quotes), quotes, cue)], cue))
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.i > verb.i and verb.left_edge.i == sent.start:
        # A participle that opens its sentence ("Lamenting their luck, Mexicans often say ..."): what it tells of
        # lies in its own clause, not in the sentence it leads into (PolNeAR train: 34 of 42 gold contents).
        lo, hi = _span_chars(list(verb.subtree))
        own = [r for r in raw if all(lo <= s and e <= hi for s, e in r[1])]
        raw = own if own else raw
    merged: dict[tuple[tuple[int, int], ...], Candidate] = {}
    for kind, frags, c in raw:
        frags = [(_after_label(text, _after_dateline(text, s, e)), e) for s, e in frags]
        key = tuple(sorted(f for f in frags if text[f[0] : f[1]].strip()))
        if not key or any(s <= c[0] < e for s, e in key):
            continue
        if key in merged:
            old = merged[key]
            merged[key] = Candidate(key, old.cue, (*old.kinds, kind))
        else:
            merged[key] = Candidate(key, c, (kind,))
    return list(merged.values())


def _attribution_for(doc: Doc, verb: Token, quotes: Sequence[QuoteSegment], p: float,
                     cue_probability: Callable[[Token], float], chooser: ContentChooser | None = None) -> Found | None:
    """The attribution of the cue word `verb` (probability `p`), its content chosen by `chooser`;
    `cue_probability` scores other words as cues (the cue model)."""
    frame = frame_for(doc, verb, quotes)
    content_p = None
    if chooser is None:
        chosen = _rule_content(doc, frame, quotes)
    else:
        candidates = content_candidates(doc, frame, quotes)
        chosen, content_p = chooser.choose(doc, frame, candidates) if candidates else (None, None)
        if chosen is not None:
            chosen = _whole_interruption(doc_text(doc), frame, candidates, chosen)
            chosen = _what_follows(doc_text(doc), frame, chosen, quotes)
    if chosen is None:
        return None
    chosen = _mend(doc, frame, chosen, quotes)
    source = frame.source
    if source is not None and any(s < source[1] and source[0] < e for s, e in chosen.frags):
        # A source never holds its own content. Where they share only a quotation mark, the source ends before
        # it; otherwise the frame is misread (a by-agent whose relative clause runs into the quotation: 'backed
        # by Mary Jones, who said the deal "will hold"'), and its words stay free for their own cue.
        text = doc_text(doc)
        cut = min(s for s, _ in chosen.frags)
        if cut <= source[0] or text[cut : source[1]].strip(" " + _QUOTE_MARKS):
            return None
        source = (source[0], source[0] + len(text[source[0] : cut].rstrip()))
    head = frame.subject.i if frame.subject is not None else None
    act = _raised_act(verb)
    if act is not None and cue_probability(act) < RAISED_ACT_THRESHOLD:
        source = head = None  # "the party seemed to coalesce": the writer's impression, no one's statement
    return Found(chosen.frags, chosen.cue, source, head, _kind(doc_text(doc), chosen.frags, quotes), p,
                 content_score=content_p)


_FOLLOWING = re.compile(r"(?:the|a)\s+following\b", re.I)


def _what_follows(text: str, frame: Frame, chosen: Candidate, quotes: Sequence[QuoteSegment]) -> Candidate:
    """The next paragraph where the content chosen is the phrase that announces it ("released the following press
    statement:", "issued the following statement on Tuesday:"), the line ending in a colon (`_colon_lead`). The
    phrase joins the cue up to the colon, as PolNeAR marks "tweeting the following:"."""
    if len(chosen.frags) != 1 or not _FOLLOWING.match(text, chosen.frags[0][0]) or chosen.cue[1] > chosen.frags[0][0]:
        return chosen
    lead = _colon_lead(text, frame, quotes)
    if lead is None:
        return chosen
    colon = text.rfind(":", chosen.frags[0][0], lead[0])
    return replace(chosen, frags=(lead,), cue=(chosen.cue[0], colon + 1 if colon != -1 else chosen.cue[1]))


def _whole_interruption(text: str, frame: Frame, candidates: Sequence[Candidate], chosen: Candidate) -> Candidate:
    """The whole quotation where the content model chose one of its two parts: a quotation that opens its sentence
    and breaks off at a comma for its attribution goes on after it ('"The regime is collapsing," he said, "and its
    end is near."'; the parser hangs the cue on the second part, and the model took that part alone). A quotation
    after other words of the sentence is not broken off by the cue ('in a box labeled "medical problem," a doctor
    had typed "homicidal ideation."')."""
    for c in candidates:
        if "quotes" not in c.kinds or len(c.frags) != 2 or not set(chosen.frags) < set(c.frags):
            continue
        (a, b), (d, _) = c.frags
        before = text[max(0, a - 8) : a].rstrip(" \t")
        opens = not before or before[-1] in "\n.!?:" or (before[-1] in _QUOTE_MARKS and before[-2:-1] in ".!?")
        if opens and b <= frame.lo and d >= frame.hi and text[a:b].rstrip(_QUOTE_MARKS + " ")[-1:] == ",":
            return c
    return chosen
