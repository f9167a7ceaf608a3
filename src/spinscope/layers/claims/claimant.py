"""Who makes a claim: the speaker of the quote it sits in, else the outlet itself.

The `quotes` layer is the authority: a claim inside a quote's content span gets that quote's speaker.
Where the document has no `quotes` layer (or no quote covers the claim), a small reported-speech rule
over the parse stands in ("Israel said 12 people were killed" → Israel); its mention then takes the key of
the `speakers` span it names (an overlapping quote speaker mention, else a name, alias or role match), since
speaker keys belong to the quotes layer and are never invented here.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from spinscope.document import Document, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["Claimant", "find_claimant", "resolve_speaker_key", "REPORT_VERBS"]

logger = logging.getLogger(__name__)

REPORT_VERBS = frozenset({
    "say", "tell", "claim", "announce", "report", "state", "add", "insist", "note", "estimate", "confirm",
    "declare", "assert", "allege", "argue", "write", "tweet", "warn", "stress", "explain", "reveal", "admit",
    "deny", "affirm", "maintain", "suggest", "indicate", "show", "acknowledge", "believe", "put", "cite",
    "quote", "record", "count", "disclose", "emphasize", "emphasise", "point", "recall", "accuse", "mention",
})
DISPUTE_VERBS = frozenset({"dismiss", "deny", "reject", "dispute", "refute", "contest", "challenge", "question",
                           "debunk"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "his", "her"})
_REPORTED_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj"})


@dataclass(frozen=True, slots=True)
class Claimant:
    """The claimant of one claim: a speaker key from the quotes layer and/or a mention in the text."""

    speaker_key: str | None
    start: int | None
    end: int | None
    name: str | None

    def mention(self) -> dict[str, Any] | None:
        """Return the mention in attrs form, or None when the outlet is the claimant."""
        if self.start is None or self.end is None:
            return None
        return {"start": self.start, "end": self.end, "name": self.name}


OUTLET = Claimant(None, None, None, None)


def _from_quotes(quotes: tuple[Span, ...], pos: int, within: tuple[int, int] | None = None) -> Claimant | None:
    """The speaker of the innermost quote holding `pos` ("The military claims it killed 10,000, a figure Hamas
    rejected": the military's, not Hamas's whose content holds the claim), or (given `within`) of the quote
    overlapping it most."""
    hits = sorted((q for q in quotes if q.start <= pos < q.end), key=lambda q: q.end - q.start)
    if not hits and within is not None:
        overlap = [(min(q.end, within[1]) - max(q.start, within[0]), q) for q in quotes]
        hits = [q for o, q in sorted(overlap, key=lambda x: -x[0]) if o > 0][:1]
    for q in hits:
        ref = q.attrs.get("speaker")
        if not ref:
            return None
        return Claimant(str(ref.get("key")) if ref.get("key") is not None else None, int(ref["start"]),
                        int(ref["end"]), ref.get("name"))
    return None


def _name_of(tok: Token) -> tuple[int, int, str]:
    """The mention headed by a subject token: compounds and titles, not relative clauses."""
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "punct", "acl", "appos", "prep", "pobj")
            and t.i <= tok.i or t.i == tok.i]
    toks = [t for t in toks if t.dep_ != "det" or t.i == tok.i]
    first, last = min(t.i for t in toks), tok.i
    span = tok.doc[first : last + 1]
    # Trim subtree tokens that belong to a nested clause inside the name's extent.
    return span.start_char, span.end_char, span.text


def _report_subject(tok: Token) -> Token | None:
    """Walk up from a token to a reporting verb and return that verb's subject (or "according to" object)."""
    node = tok
    came_by = ""
    described = False  # the walk came up through a clause describing a noun ("the man suspected of killing two")
    for _ in range(12):
        head = node.head
        if node.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return next((c for c in head.children if c.dep_ == "pobj"), None)
        for child in node.children:
            if child.lower_ == "according":
                to = next((c for c in child.children if c.lower_ == "to"), None)
                obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if obj is not None:
                    return None if described else obj
        # Only a clause reported by the verb counts: "Israel announced a ceasefire after ... left 70 percent"
        # reaches "announced" through an adverbial clause, and the claim is not Israel's.
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in REPORT_VERBS and node is not tok \
                and came_by in _REPORTED_DEPS:
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and node.dep_ == "conj":
                # "ICE officials caught 232 ... but said that hundreds more escaped": the subject is shared.
                subj = next((c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.dep_ == "nsubj":
                return subj
        if head.i == node.i:
            return None
        came_by = node.dep_
        described = described or came_by in ("acl", "relcl")
        node = head
    return None


#: Nouns for a claim that a clause after them states ("the estimate that Russia had lost 500,000 soldiers").
_CLAIM_NOUNS = frozenset({"estimate", "claim", "report", "allegation", "assertion", "assessment", "accusation",
                          "suggestion", "figure", "statement", "charge", "rumor", "rumour", "assumption"})


def _disputed_owner(sent: SpacySpan, pos: int) -> Claimant | None:
    """The owner of a claim someone rejects, where the figure at `pos` is in the clause that states it: "Zakharova
    dismissed the British intelligence estimate that Russia had lost 500,000 soldiers" is British intelligence's
    figure, not Zakharova's (whose quote holds it), nor the outlet's. Only where the claim's noun names its owner
    ("Washington's claim", "the British intelligence estimate"); None otherwise."""
    node = next((t for t in sent if t.idx <= pos < t.idx + len(t.text)), None)
    for _ in range(8):
        if node is None or node.head.i == node.i:
            return None
        if node.dep_ in ("acl", "ccomp") and node.head.lemma_.lower() in _CLAIM_NOUNS and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
            break
        node = node.head
    else:
        return None
    noun = node.head
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.lemma_.lower() not in DISPUTE_VERBS:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        words = [t for t in poss.subtree if t.dep_ != "case"]
    else:
        mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod")]
        words = [t for m in mods for t in m.subtree]
        named = [t for t in words if t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "ORG", "GPE")]
        if not named:
            return None
        words = [t for t in words if t.i >= named[0].i]
    if not words:
        return None
    span = sent.doc[min(t.i for t in words) : max(t.i for t in words) + 1]
    return Claimant(None, span.start_char, span.end_char, span.text)


def _in_quote_marks(text: str, start: int, pos: int) -> bool:
    """Whether `pos` lies inside quotation marks opened after `start` (a paragraph's beginning)."""
    depth = 0
    for ch in text[start:pos]:
        if ch in "“«":
            depth = 1
        elif ch in "”»":
            depth = 0
        elif ch == '"':
            depth = 1 - depth
    return depth == 1


def _paragraph_start(text: str, pos: int) -> int:
    cut = text.rfind("\n", 0, pos)
    return cut + 1


def find_claimant(doc: Document, sent: SpacySpan, pos: int | None, recent: list[Claimant]) -> Claimant:
    """Return the claimant of the claim at character `pos` in sentence `sent`.

    `pos` None means the sentence as a whole (a claim without a quantity). `recent` holds the claimants found
    earlier in the document (most recent last); it resolves "he said" and quotations whose cue sits elsewhere.
    """
    quotes = doc.spans("quotes")
    if pos is not None and (owner := _disputed_owner(sent, pos)) is not None:
        return owner
    if "quotes" in doc.layers:
        found = _from_quotes(quotes, sent.start_char if pos is None else pos,
                             (sent.start_char, sent.end_char) if pos is None else None)
        if found is not None and (found.speaker_key is not None or found.name):
            return found
        # Not inside an attributed quote: the rule below may still find the mention, but no speaker key.
    parsed = sent.doc
    if pos is None:
        tok = sent.root
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None) \
            if tok.lemma_.lower() in REPORT_VERBS | DISPUTE_VERBS else None
        pos = sent.start_char
    else:
        tok = next((t for t in sent if t.idx <= pos < t.idx + len(t.text)), sent.root)
        subj = _report_subject(tok)
    if subj is not None and "\n" in parsed.text[min(subj.idx, pos) : max(subj.idx, pos)]:
        # Reported speech never crosses a line break: a headline glued to the first sentence is not its source.
        subj = None
    if subj is not None:
        if subj.lower_ in PRONOUNS:
            named = next((c for c in reversed(recent) if c.name), None)
            if named is not None:
                return named
            return Claimant(None, subj.idx, subj.idx + len(subj.text), subj.text)
        start, end, name = _name_of(subj)
        return Claimant(None, start, end, name)
    if _in_quote_marks(parsed.text, _paragraph_start(parsed.text, pos), pos):
        # A quotation whose cue is elsewhere: the speaker of the same paragraph or the one before.
        for t in sent:
            if t.lemma_.lower() in REPORT_VERBS and t.pos_ == "VERB":
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ not in PRONOUNS:
                    start, end, name = _name_of(subj)
                    return Claimant(None, start, end, name)
        named = next((c for c in reversed(recent) if c.name), None)
        if named is not None:
            return named
    return OUTLET


def _norm(text: str) -> str:
    """Lowercased words of a mention without leading determiners or a possessive ending."""
    text = re.sub(r"[’']s$", "", text.strip()).lower()
    return re.sub(r"^(the|a|an)\s+", "", re.sub(r"\s+", " ", text)).strip(" ,.")


def _name_matches(mention: str, sp: Any) -> int:
    """How well a claimant mention names a speaker: 3 exact or same key, 2 ends with an alias, 1 role, 0 not."""
    from spinscope.link.speakers import clean_name, name_key, org_key

    names = [str(sp.get("name") or ""), *map(str, sp.get("aliases") or ())]
    names = [n for n in names if n]
    m = _norm(mention)
    if not m:
        return 0
    if any(_norm(n) == m or _norm(clean_name(n)) == _norm(clean_name(mention)) for n in names):
        return 3
    key = str(sp.get("key") or "")
    if key and (key == org_key(mention) or (sp.get("kind") == "person" and " " in clean_name(mention)
                                            and key == name_key(mention))):
        return 3
    # "Iran's Armed Forces Chief of Staff Major General Mohammad Baqeri" ends with the alias "Mohammad Baqeri".
    if any(re.search(rf"(^|\s){re.escape(_norm(n))}$", m) for n in names if _norm(n)):
        return 2
    roles = [_norm(str(r)) for r in sp.get("roles") or ()]
    if any(r and (r == m or r.endswith(" " + m) and " " in m) for r in roles):
        return 1
    return 0


def resolve_speaker_key(doc: Document, who: Claimant) -> Claimant:
    """Give a claimant found by the reported-speech rule the key of the `speakers` span it names.

    First a quote whose speaker mention overlaps the claimant's mention lends its key; else the one speaker
    whose name, alias or role the mention matches best (ties between speakers leave the key None).
    """
    if who.speaker_key is not None or who.start is None or who.end is None:
        return who
    speakers = {str(s.attrs.get("key")): dict(s.attrs) for s in doc.spans("speakers") if s.attrs.get("key")}
    if not speakers:
        return who
    best: tuple[int, str | None] = (0, None)
    for q in doc.spans("quotes"):
        ref = q.attrs.get("speaker")
        if not ref or ref.get("key") is None or str(ref["key"]) not in speakers:
            continue
        overlap = min(int(ref["end"]), who.end) - max(int(ref["start"]), who.start)
        if overlap > best[0]:
            best = (overlap, str(ref["key"]))
    if best[1] is not None:
        return replace(who, speaker_key=best[1])
    mention = who.name or doc.text[who.start : who.end]
    scored = sorted(((_name_matches(mention, sp), key) for key, sp in speakers.items()), reverse=True)
    if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return replace(who, speaker_key=scored[0][1])
    return who
