"""Claims across documents: group claims about the same measure and event, surface disagreements.

Works on analysis dicts (`spinscope/analysis-1`, as the store yields them), so it runs over a store or
over the output of one `analyze` run alike. Two kinds of disagreement are reported:
- a *conflict*: one group (same measure, same event) holds figures whose ranges do not overlap;
- a *dispute*: a sentence that rejects figures ("dismissed the casualty figures given by the Israeli
  authorities ... as not accurate"), linked to the claims whose measure and claimant it names: the figure its
  own sentence gives before what it rejects ("..., a figure Moscow dismissed"), else the figures of its own
  document, and another document's only where it names their measure or source and the event is the same.

The event of a claim is approximated by the places and groups named in its sentence (GPE/NORP/LOC/
EVENT entities) and, where both are known, publication dates less than `window_days` apart.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ClaimRef", "ClaimGroup", "Dispute", "ClaimLinks", "link_claims", "claimant_name", "measure_key",
           "find_dispute", "MEASURE_FAMILIES"]

logger = logging.getLogger(__name__)

#: Measures that name the same thing in different words share a family key.
MEASURE_FAMILIES = {
    "killed": "casualties (killed)", "dead": "casualties (killed)", "died": "casualties (killed)",
    "deaths": "casualties (killed)", "death": "casualties (killed)", "fatalities": "casualties (killed)",
    "martyred": "casualties (killed)", "slain": "casualties (killed)", "casualties": "casualties",
    "casualty": "casualties", "toll": "casualties (killed)", "wounded": "casualties (wounded)",
    "injured": "casualties (wounded)", "injuries": "casualties (wounded)", "arrested": "arrests",
    "detained": "arrests", "displaced": "displaced", "fired": "projectiles fired", "launched": "projectiles fired",
}
#: Who a count of casualties may be limited to: a count of them is no rival of a count of everyone ("17,000
#: militants killed" and a death toll of 43,603), but of another count of them.
_SUBGROUPS = {"militants": "fighters", "fighters": "fighters", "terrorists": "fighters", "combatants": "fighters",
              "gunmen": "fighters", "soldiers": "soldiers", "troops": "soldiers", "servicemen": "soldiers",
              "civilians": "civilians", "children": "children", "women": "women", "journalists": "journalists",
              "officers": "police", "policemen": "police", "police": "police"}
_EVENT_ENTS = {"GPE", "NORP", "LOC", "EVENT", "FAC"}
#: The verbs that reject a figure, in the forms a dispute takes ("dismissed", "denies", "refuted").
_DISPUTE_VERB = (r"dismiss\w*|den(?:y|ies|ied)|reject\w*|disput\w*|refut\w*|contest\w*|challeng\w*|question\w*|"
                 r"debunk\w*")
_DISPUTE_CUE = re.compile(rf"\b({_DISPUTE_VERB}|cast\w* doubt)\b", re.I)
_FALSE_CUE = re.compile(r"\b(not accurate|inaccurate|false|exaggerat\w*|fabricat\w*|untrue|lies|misleading|wrong|"
                        r"higher than|lower than|underestimat\w*|overestimat\w*)\b", re.I)
_FIGURE = re.compile(r"\b(?:(?P<owner>[\w-]+)['’]s\s+(?:(?P<kind>\w+)\s+)?|(?P<qual>\w+)\s+)?"
                     r"(figures?|numbers?|toll|counts?|statistics|data|estimates?|tallies|tally|claims?)\b"
                     r"(?:\s+(?:given|released|published|announced|provided|issued|reported)?\s*(?:by|from|of)\s+"
                     r"(?:the\s+)?([A-Z][\w-]*(?:\s+[a-z]+)?))?", re.I)
_STOP = {"the", "a", "an", "of", "by", "from", "and", "in", "on"}
#: What rejected claims or figures are about, where it is casualties ("claims ... about Russian military losses").
_ABOUT_CASUALTIES = re.compile(r"[^.;]{0,60}?\b(?:about|of|on)\s+(?:[\w'’-]+\s+){0,3}(?:casualt\w+|losses|deaths|"
                               r"death tolls?|dead)\b", re.I)
#: Who rejects a figure the sentence itself gives ("..., a figure Moscow dismissed as propaganda").
_AUX = r"(?:has|have|had|also|quickly|flatly)"
_DISPUTER = re.compile(
    r"\b(?:figures?|numbers?|claims?|tolls?|estimates?|counts?|tally|tallies)\s+(?:that\s+|which\s+)?(?:the\s+)?"
    # a name with at most one noun after it ("Moscow", "Chinese analysts"), or common nouns after "the"
    rf"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}(?:\s+(?!{_AUX}\b)[a-z][\w'’-]*)?"
    rf"|(?<=the\s)[a-z][\w'’-]*(?:\s+(?!{_AUX}\b)[a-z][\w'’-]*){{0,2}})"
    rf"\s+(?:{_AUX}\s+)*(?:{_DISPUTE_VERB}"
    # or says the figure is false ("a number Chinese analysts say is grossly exaggerated")
    r"|(?:say|says|said|insist\w*|maintain\w*)\b(?=[^.]*\b(?:exaggerat|inaccurate|false|fabricat|untrue|wrong|lies|"
    r"misleading)))")
#: Words before "figures" that point back to figures just given ("dismissed these figures as fabrications").
_BACK = frozenset({"these", "those", "such", "this", "that"})


#: Who rejects figures as the subject that opens the sentence ("An army spokesman dismissed the ministry's figures"),
#: where the sentence has no claimant of its own.
_SUBJECT_DISPUTER = re.compile(
    r"^(?P<who>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,5}?)\s+(?:(?:has|have|had|also|quickly|flatly|again)\s+)*"
    rf"(?:{_DISPUTE_VERB})\b")
#: A period counted back from the report ("the past 24 hours", "the last day"), read as hours.
_PERIOD = re.compile(r"\b(?:past|last|previous|preceding)\s+(?:(\w+)\s+)?(hour|day|week|month|year)s?\b", re.I)
_HOURS = {"hour": 1, "day": 24, "week": 168, "month": 720, "year": 8760}
#: The end of a paragraph: its last character, then a blank line.
_PARAGRAPH_END = re.compile(r"\S\s*\n\s*\n")
#: How far either way an approximate figure without bounds reaches, as a share of it.
_ROUND = 0.05
#: Words of a measure that make it a running total ("death toll", "total killed"), not a count over a period.
_TOTAL_WORDS = {"toll", "total", "tally", "overall", "cumulative"}


def _scope(ref: ClaimRef) -> str | None:
    """What stretch of time a figure covers, where the text tells: a period counted back in hours ("24" for "the
    past 24 hours" and "the past day" alike), "total" for a running total ("the death toll since Oct. 7 has risen
    to 23,210"), any other time it names ("at september"), else None (compatible with any)."""
    from spinscope.layers.claims.numbers import word_value  # here: the claims layer imports this module

    m = _PERIOD.search(ref.time or "")
    if m is not None:
        count = 1 if m.group(1) is None else word_value(m.group(1))  # "the past day", "the past 24 hours"
        return f"{count * _HOURS[m.group(2).lower()]:g}h" if count else None  # "the past few days": not known
    words = set(re.findall(r"[a-z]+", (ref.measure or "").lower()))
    if words & _TOTAL_WORDS or (ref.time or "").lower().startswith(("since", "so far")):
        return "total"
    # Any other time the text gives ("September", "the first three quarters of 2024", "on Monday").
    when = re.sub(r"^(?:(?:on|in|at|during|for|the)\s+)+", "", (ref.time or "").lower()).strip(" .,")
    return f"at {when}" if when else None


def _stem(word: str) -> str:
    return word.lower()[:5]


def measure_key(measure: str | None) -> str | None:
    """Normalise a measure to a grouping key: a family where one is known, else its words."""
    if not measure:
        return None
    words = re.findall(r"[a-z]+", measure.lower())
    for w in reversed(words):
        if w in MEASURE_FAMILIES:
            family = MEASURE_FAMILIES[w]
            group = next((_SUBGROUPS[x] for x in words if x in _SUBGROUPS), None)
            return f"{family}: {group}" if group and family.startswith("casualties") else family
    return " ".join(w for w in words if w not in _STOP) or None


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """One quantity of one claim in one document."""

    doc_id: str
    claim: int
    quantity: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    measure: str | None
    claimant: str | None
    outlet: str | None
    published: str | None
    time: str | None = None

    def bounds(self) -> tuple[float, float]:
        """The range the figure allows (an open end is infinite). A round figure with neither bound ("about 17.7
        trillion", "some 40,000", "around 1,000") allows 5% either way: "about 17.71 trillion" is no rival of it."""
        if self.low is None and self.high is None and self.value is not None:
            return self.value - abs(self.value) * _ROUND, self.value + abs(self.value) * _ROUND
        lo = self.low if self.low is not None else (self.value if self.value is not None else float("-inf"))
        hi = self.high if self.high is not None else (self.value if self.value is not None else float("inf"))
        if self.low is not None and self.high is None and self.value is not None and self.value != self.low:
            hi = float("inf")
        return lo, hi

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {"doc_id": self.doc_id, "claim": self.claim, "quantity": self.quantity, "text": self.text,
                "value": self.value, "low": self.low, "high": self.high, "measure": self.measure,
                "claimant": self.claimant, "outlet": self.outlet, "published": self.published, "time": self.time}


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims about one measure of one event, from one or many documents."""

    key: str
    event: tuple[str, ...]
    members: tuple[ClaimRef, ...]

    @property
    def conflicting(self) -> bool:
        """Whether two figures of the group cannot both be right (their ranges do not overlap)."""
        spans = [m.bounds() for m in self.members]
        return any(a[1] < b[0] or b[1] < a[0] for i, a in enumerate(spans) for b in spans[i + 1 :])

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {"measure": self.key, "event": list(self.event), "conflicting": self.conflicting,
                "claims": [m.to_json() for m in self.members]}


@dataclass(frozen=True, slots=True)
class Dispute:
    """A sentence rejecting figures, and the claims it rejects."""

    doc_id: str
    claim: int
    text: str
    claimant: str | None
    target: str
    disputed: tuple[ClaimRef, ...]

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {"doc_id": self.doc_id, "claim": self.claim, "text": self.text, "claimant": self.claimant,
                "target": self.target, "disputed": [d.to_json() for d in self.disputed]}


@dataclass(frozen=True)
class ClaimLinks:
    """The result of linking: groups (several claims each) and disputes."""

    groups: tuple[ClaimGroup, ...] = ()
    disputes: tuple[Dispute, ...] = field(default_factory=tuple)

    @property
    def conflicts(self) -> tuple[ClaimGroup, ...]:
        """Groups whose figures disagree."""
        return tuple(g for g in self.groups if g.conflicting)


def _claim_noun(text: str, m: re.Match[str]) -> bool:
    """Whether the "claim(s)" a figure pattern found is the noun ("new claims by British intelligence", "Israel's
    claims"), not the verb ("The Israeli military claims it has killed ...")."""
    before = text[: m.start(4)].split()[-1:] or [""]
    after = text[m.end(4) :].split()[:1] or [""]
    determiners = ("the", "these", "those", "such", "new", "its", "their", "his", "her", "latest", "false", "baseless")
    return (m.group("owner") is not None or before[0].lower() in determiners
            or after[0].lower() in ("by", "of", "from", "about", "that"))


def find_dispute(text: str) -> tuple[str, str | None, str | None] | None:
    """If a sentence rejects figures, return (target phrase, measure family, named source), else None."""
    if not (_DISPUTE_CUE.search(text) or _FALSE_CUE.search(text)):
        return None
    m = next((f for f in _FIGURE.finditer(text) if not f.group(4).lower().startswith("claim") or _claim_noun(text, f)),
             None)
    if m is None:
        return None
    # "the ministry's casualty figures": the owner is the source, the word before the figures their kind.
    owner = m.group("owner")
    qualifier = m.group("kind") if owner else m.group("qual")
    source = owner or m.group(5)
    if source is None and qualifier and qualifier[0].isupper() and qualifier.lower() not in _STOP | _BACK \
            and qualifier.lower() not in MEASURE_FAMILIES:
        source = qualifier  # "the Israeli figures": those of an Israeli source
    family = MEASURE_FAMILIES.get((qualifier or "").lower())
    if family is None and qualifier and qualifier.lower() in ("casualty", "death", "victim"):
        family = "casualties"
    if family is None and _ABOUT_CASUALTIES.match(text, m.end()):
        family = "casualties"  # "dismissed new claims by British intelligence about Russian military casualties"
    if m.group(4).lower().startswith("claim") and family is None:
        return None  # claims of anything but figures ("rejected the claims of interference")
    return m.group(0), family, source


def claimant_name(analysis: dict[str, Any], claim: dict[str, Any]) -> str | None:
    """The name of a stored claim's claimant: its speaker's, else the words that name the claimant where no speaker
    id was given ("a military source", "British intelligence"); None where the outlet itself makes the claim."""
    sid = claim.get("speaker_id")
    if sid:
        for s in analysis.get("speakers", ()):
            if s.get("id") == sid:
                return str(s.get("name") or sid)
        return str(sid)
    mention = claim.get("claimant")
    if isinstance(mention, dict) and (mention.get("name") or mention.get("text")):
        return str(mention.get("name") or mention["text"])
    return None


def _names(source: str, claimant: str) -> bool:
    """Whether a dispute's source ("the ministry's", "the UN figures") names a figure's claimant: one of its words,
    or the initials of its capitalised words ("UN" for "United Nations")."""
    words = claimant.split()
    if _stem(source) in {_stem(w) for w in words}:
        return True
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return source.isupper() and len(source) > 1 and initials == source


def _quote_disputer(analysis: dict[str, Any], claim: dict[str, Any]) -> str | None:
    """Who speaks with a rejecting cue inside a claim's sentence ("Zakharova dismissed the British intelligence
    estimate that ..."): the speaker of that quote, though the figures in it are another's."""
    for q in analysis.get("quotes", ()):
        cue, speaker = q.get("cue") or {}, q.get("speaker") or {}
        if (speaker and claim["start"] <= cue.get("start", -1) < claim["end"]
                and _DISPUTE_CUE.search(cue.get("text", ""))):
            return str(speaker.get("name") or speaker.get("text"))
    return None


def _event(analysis: dict[str, Any], claim: dict[str, Any]) -> tuple[str, ...]:
    """The places and peoples a claim's sentence names, else those of its article's headline and lead: a figure
    "no place named" is about the story it is told in ("The death toll has risen to 23,210" under a Gaza lead)."""
    names = _places(analysis, claim["start"], claim["end"])
    return names or _places(analysis, 0, _lead_end(str(analysis.get("text") or "")))


def _places(analysis: dict[str, Any], start: int, end: int) -> tuple[str, ...]:
    return tuple(sorted({e["text"] for e in analysis.get("entities", ())
                         if e.get("label") in _EVENT_ENTS and start <= e["start"] < end}))


def _lead_end(text: str) -> int:
    """Where an article's second paragraph ends (its headline and lead, or its first two paragraphs)."""
    found = [m.start() for m in itertools.islice(_PARAGRAPH_END.finditer(text), 2)]
    return found[-1] + 1 if len(found) == 2 else len(text)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _same_event(a: tuple[str, ...], b: tuple[str, ...], da: dt.date | None, db: dt.date | None,
                window_days: int) -> bool:
    if da and db and abs((da - db).days) > window_days:
        return False
    if not a or not b:
        return True  # a sentence naming no place leaves only the measure and the date to go on
    return bool({_stem(x) for x in a} & {_stem(x) for x in b})


def _refs(analyses: Iterable[dict[str, Any]]) -> list[tuple[ClaimRef, tuple[str, ...], dict[str, Any]]]:
    refs = []
    for analysis in analyses:
        meta = analysis.get("meta") or {}
        outlet = (meta.get("outlet") or {}).get("name")
        for ci, claim in enumerate(analysis.get("claims", ())):
            for qi, q in enumerate(claim.get("quantities", ())):
                if q.get("unit") in ("days", "years", "months", "weeks", "hours", "decades"):
                    continue  # durations are rarely what sources disagree about
                ref = ClaimRef(str(analysis.get("id")), ci, qi, q.get("text", ""), q.get("value"), q.get("low"),
                               q.get("high"), q.get("measure"), claimant_name(analysis, claim), outlet,
                               meta.get("published"), q.get("time"))
                refs.append((ref, _event(analysis, claim), claim))
    return refs


def link_claims(analyses: Iterable[dict[str, Any]], window_days: int = 7) -> ClaimLinks:
    """Group the quantities of all documents by measure and event; link disputes to what they dispute."""
    docs = list(analyses)
    refs = _refs(docs)
    # Each group with the periods its members cover (`_scope`, None left out), kept as members join.
    groups: list[tuple[str, tuple[str, ...], list[ClaimRef], set[str]]] = []
    for ref, event, _claim in refs:
        key = measure_key(ref.measure)
        if key is None:
            continue
        scope = _scope(ref)
        for gkey, gevent, members, scopes in groups:
            # Figures over different periods ("the past 24 hours", a running total) are no rival counts of one.
            if gkey == key and (scope is None or not scopes or scopes == {scope}) and _same_event(
                    gevent, event, _date(members[0].published), _date(ref.published), window_days):
                members.append(ref)
                scopes.update({scope} - {None})
                break
        else:
            groups.append((key, event, [ref], {scope} - {None}))
    out_groups = tuple(ClaimGroup(k, e, tuple(m)) for k, e, m, _scopes in groups
                       if len({(r.doc_id, r.claim) for r in m}) > 1)
    disputes = []
    for analysis in docs:
        doc_id = str(analysis.get("id"))
        published = _date((analysis.get("meta") or {}).get("published"))
        for ci, claim in enumerate(analysis.get("claims", ())):
            text = claim.get("text", "")
            found = find_dispute(text)
            if found is None:
                continue
            target, family, source = found
            disputer = _DISPUTER.search(text)
            claimant = (disputer.group("who") if disputer else _quote_disputer(analysis, claim)
                        or claimant_name(analysis, claim))
            if claimant is None and (subject := _SUBJECT_DISPUTER.match(text.strip())) is not None:
                claimant = subject.group("who")  # "An army spokesman dismissed ...", a source with no id
            # "... 300,000 soldiers were killed, a figure Moscow dismissed": the figure before the target is the one.
            at = claim.get("start", 0) + max(text.find(target), 0)
            disputed = [ref for ref, _event_names, c in refs if ref.doc_id == doc_id and ref.claim == ci
                        and c["quantities"][ref.quantity].get("end", at + 1) <= at]
            if not disputed and re.match(r"\s+that\b", text[text.find(target) + len(target):]):
                # "dismissed the British intelligence estimate that Russia had lost 500,000 soldiers": the figures
                # of the clause that states what is rejected.
                disputed = [ref for ref, _event_names, c in refs if ref.doc_id == doc_id and ref.claim == ci
                            and c["quantities"][ref.quantity].get("start", -1) >= at + len(target)]
            if not disputed and target.split()[0].lower() in _BACK:
                # "dismissed these figures": those of the nearest sentence before that gives figures of others.
                before = [ref for ref, _event_names, _c in refs if ref.doc_id == doc_id and ref.claim < ci
                          and ref.claimant != claimant]
                nearest = max((ref.claim for ref in before), default=None)
                disputed = [ref for ref in before if ref.claim == nearest]
            if not disputed:
                event = _event(analysis, claim)
                for ref, event_names, _claim in refs:
                    if ref.doc_id == doc_id and ref.claim == ci:
                        continue
                    # Another document's figure only where the dispute names what or whose figures it rejects,
                    # about the same event: "the figures" alone point back into their own article.
                    if ref.doc_id != doc_id and not ((family or source) and _same_event(
                            event, event_names, published, _date(ref.published), window_days)):
                        continue
                    key = measure_key(ref.measure) or ""
                    if family and not key.startswith(family.split(" (")[0]):
                        continue
                    if source and not (ref.claimant and _names(source, ref.claimant)):
                        continue
                    if claimant is None or ref.claimant != claimant:  # no one disputes their own figures
                        disputed.append(ref)
                if any(ref.doc_id == doc_id for ref in disputed):
                    # Figures the article itself gives are the ones it disputes: "the ministry's figures" are those
                    # of the ministry it names, not of every ministry in the store.
                    disputed = [ref for ref in disputed if ref.doc_id == doc_id]
            if not disputed and family and source:
                # "Moscow has dismissed new claims by British intelligence about Russian military casualties. | The
                # UK Defence Ministry claimed ... more than 600,000 casualties": a source its figures do not name,
                # told of in the lead, gives them next. The nearest claim after it with figures of that kind.
                later = [ref for ref, _event_names, _c in refs if ref.doc_id == doc_id and ref.claim > ci
                         and (measure_key(ref.measure) or "").startswith(family.split(" (")[0])
                         and (claimant is None or ref.claimant != claimant)]
                nearest = min((ref.claim for ref in later), default=None)
                disputed = [ref for ref in later if ref.claim == nearest and ref.claim - ci <= 2]
            if disputed:
                disputes.append(Dispute(doc_id, ci, text, claimant, target, tuple(disputed)))
    logger.info("linked %d groups, %d disputes", len(out_groups), len(disputes))
    return ClaimLinks(out_groups, tuple(disputes))
