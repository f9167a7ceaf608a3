"""Speaker identity across documents: name normalisation, stable ids, and a linker with persistent state.

How names are merged (and kept apart):
- A name's key is built from its first and last name only after stripping honorifics and titles
  ("Ayatollah", "Seyed", "Major General") and Arabic particles ("al-", "el-"), with transliteration
  variants folded (accents, doubled consonants, q/k, kh/k, gh/k, ph/f, each run of vowels one mark):
  "Khaled al-Qaddoumi" and "Khaled Qaddoumi" share a key, "Ebrahim Raeisi" and "Ebrahim Raisi" too.
  Generational suffixes (Jr., Sr., II, III) stay in the key, so "Donald Trump Jr." is not "Donald Trump".
- Middle initials are not in the key ("Adam B. Schiff" is "Adam Schiff"), but a second set of them keeps
  apart: once a key is held by a name with initials, a name with other initials gets its own key, the key
  plus " +" and its initials ("George H.W. Bush" after "George W. Bush"; "George Bush" joins whichever came
  first). This is decided against what is already known, in a document (`quotes.resolve`) and across a run
  or store (`SpeakerLinker`, which remembers each key's initials in its state).
- The id is "spk-" + the first 10 hex digits of SHA-1 of the key: the same in every run and store, except for
  the variant keys of a second set of initials, which go to whichever set a run or store meets second.
- A name of one word ("Raisi") has a lighter key: the same folds, but each run of vowels keeps its first
  vowel, so "Raeisi" and "Raisi" share a key while "Yellen" and "Allen", "Dean" and "Dunn" do not (on
  PolNeAR the vowel-blind key merged 30 pairs of different surnames).
- A surname alone ("Qaddoumi") joins a full name only when exactly one known full name has that
  surname; two people sharing a surname ("Bill Clinton", "Hillary Clinton") leave a bare "Clinton" apart.
- A one-word name that is no known surname but the middle name of exactly one known full name ("Lula" of "Luiz
  Inacio Lula da Silva") joins it only where the two share a role ("Brazilian President"): a middle name is as
  often another person's surname ("Walker" of "George Walker Bush").
- "Al" with a space is a particle inside a name ("Khaled al Qaddoumi") but a first name at its start
  ("Al Gore", "Al From"); "al-" with a hyphen is a particle everywhere.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from spinscope.document import Document, Span

__all__ = ["HONORIFICS", "clean_name", "name_key", "surname_key", "speaker_id", "org_key", "middle_initials",
           "initials_key", "middle_names", "SpeakerLinker"]

logger = logging.getLogger(__name__)

#: Words that are honorifics, ranks or titles, never part of a person's name.
_HONORIFIC_WORDS = """mr mrs ms miss dr prof professor sir dame lord lady sheikh sheik shaikh seyed seyyed
    sayyed sayed syed
    sayyid ayatollah ayatullah grand hojatoleslam hojjatoleslam imam mullah haj hajj rev reverend father pope
    gen general maj major brig brigadier col colonel lt lieutenant capt captain adm admiral rear cmdr commander sgt
    sergeant marshal president vice prime minister sen senator rep representative gov governor mayor judge
    justice chief speaker secretary ambassador king queen prince princess emir sultan crown his her excellency
    mp mep pm the"""
HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
_PARTICLES = ("al-", "el-", "al ", "el ", "ul-", "as-", "ash-", "ad-", "at-", "ar-", "an-", "az-")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_FOLDS = (("kh", "k"), ("q", "k"), ("ph", "f"), ("gh", "k"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ch", "c"),
          ("j", "g"), ("z", "s"), ("w", "v"))


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def clean_name(name: str) -> str:
    """Return a display name: honorifics and titles at the start removed, possessive, editorial brackets
    ("[Hillary] Clinton") and stray quote marks or colons at the edges dropped."""
    name = name.replace("[", "").replace("]", "").strip(" \t\n\"“”'‘’`:;,")
    name = re.sub(r"[’']s$", "", name.strip())
    words = name.replace("’", "'").split()
    while len(words) > 1 and words[0].lower().strip(".,") in HONORIFICS:
        words.pop(0)
    return " ".join(words).strip(" ,.")


def _words(name: str) -> list[str]:
    return list(_name_words(name))


@functools.lru_cache(maxsize=65_536)
def _name_words(name: str) -> tuple[str, ...]:
    """The words of a name as the keys compare them, cached: a document's speakers are compared again at every
    mention."""
    text = _ascii(clean_name(name)).lower().replace("'", "").replace("`", "")
    for p in _PARTICLES:
        # "al " at the very start is a first name ("Al Gore"); everywhere else it is a particle.
        start = r"\s" if p.endswith(" ") else r"(?:^|\s)"
        text = re.sub(rf"({start}){re.escape(p)}", r"\1", text)
    return tuple(w for w in re.split(r"[\s\-.]+", text) if w)


def _folded(word: str) -> str:
    """Return a word's letters with the consonant spellings of _FOLDS folded (both keys start here)."""
    w = re.sub(r"[^a-z]", "", word)
    for a, b in _FOLDS:
        w = w.replace(a, b)
    return w


def _skeleton(word: str) -> str:
    """Fold transliteration variants: consonant digraphs folded, each run of vowels one mark, doubled
    consonants once ("Qaddoumi" and "Kadumi" both become "kVdVmV"; "Eric" and "Erica" stay apart)."""
    w = re.sub(r"[aeiouy]+", "V", _folded(word))
    return re.sub(r"([^V])\1+", r"\1", w)


def _light(word: str) -> str:
    """Fold a lone name more lightly than `_skeleton`: the same consonant folds, doubled letters once,
    each run of vowels reduced to its first vowel ("Raeisi", "Raisi" → "rasi"; "Yellen" ≠ "Allen")."""
    w = re.sub(r"([aeiouy])[aeiouy]+", r"\1", _folded(word))
    return re.sub(r"(.)\1+", r"\1", w)


def name_key(name: str) -> str:
    """Return the identity key of a person's name: folded first and last name, plus any suffix."""
    words = _words(name)
    suffix = ""
    if len(words) > 1 and words[-1] in _SUFFIXES:
        suffix = " " + words.pop()
    if not words:
        return ""
    if len(words) == 1:
        return _light(words[0]) + suffix
    return f"{_skeleton(words[0])} {_skeleton(words[-1])}{suffix}"


def middle_initials(name: str) -> str:
    """Return the middle initials of a person's name, lower case ("George H.W. Bush" → "hw", "George W Bush"
    → "w"); "" where it has none (a middle name such as "Baqer" is not an initial)."""
    words = _words(name)
    if len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return "".join(w for w in words[1:-1] if len(w) == 1)


def initials_key(key: str, name: str, held: str) -> str:
    """Return the key of a full name whose plain key `key` is held by a person with middle initials `held`
    ("" if none known): `key` itself, or, where the name has other initials, the key of that other person."""
    own = middle_initials(name)
    return f"{key} +{own}" if own and held and own != held else key


def surname_key(name: str) -> str:
    """Return the folded surname of a name."""
    words = [w for w in _words(name) if w not in _SUFFIXES]
    return _light(words[-1]) if words else ""


def org_key(name: str) -> str:
    """Return the identity key of an organisation or country name."""
    text = _ascii(name).lower()
    text = re.sub(r"^(the|al|el)[\s\-]+", "", text.strip())
    text = re.sub(r"[’']s$", "", text)
    return "org " + re.sub(r"[^a-z0-9]+", " ", text).strip()


def speaker_id(key: str) -> str:
    """Return the stable corpus-level id of a speaker key."""
    return "spk-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


@dataclass
class SpeakerLinker:
    """Cross-document speaker state: known full names by key, full-name keys by surname, and the middle
    initials of the person who holds each key (where the name that claimed it had some)."""

    names: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, list[str]] = field(default_factory=dict)
    roles: dict[str, list[str]] = field(default_factory=dict)
    initials: dict[str, str] = field(default_factory=dict)
    middles: dict[str, list[str]] = field(default_factory=dict)

    def _full_key(self, name: str) -> str:
        """Return the key of a person's name, a variant where its middle initials differ from the holder's."""
        key = name_key(name)
        if " " not in key:
            return key
        held = self.initials.get(key) or middle_initials(self.names.get(key, ""))
        return initials_key(key, name, held)

    def _remember(self, key: str, name: str, roles: Iterable[str]) -> None:
        initials = middle_initials(name)
        if initials and " " in key and " +" not in key and key not in self.initials:
            self.initials[key] = initials
        if " " in key and key not in self.names:
            self.names[key] = name
            sur = surname_key(name)
            self.surnames.setdefault(sur, [])
            if key not in self.surnames[sur]:
                self.surnames[sur].append(key)
            for middle in middle_names(name):
                keys = self.middles.setdefault(middle, [])
                if key not in keys:
                    keys.append(key)
        known = self.roles.setdefault(key, [])
        for role in roles:
            if role not in known:
                known.append(role)

    def resolve(self, name: str, is_person: bool = True, roles: Iterable[str] = ()) -> tuple[str, str]:
        """Return (key, canonical name) of a name against what the linker knows (`roles`: the name's roles in its
        document, which a middle name needs to share with the full name it joins)."""
        if not is_person:
            return org_key(name), name
        key = self._full_key(name)
        if " " not in key.split(" jr")[0]:
            candidates = self.surnames.get(key, [])
            if len(candidates) == 1:
                return candidates[0], self.names[candidates[0]]
            middle = self.middles.get(key, []) if not candidates else []
            held = {r.lower() for r in roles}
            if len(middle) == 1 and held & {r.lower() for r in self.roles.get(middle[0], ())}:
                return middle[0], self.names[middle[0]]
        return key, self.names.get(key, clean_name(name))

    def link(self, doc: Document) -> Document:
        """Return the document with its `speakers` ids resolved against, and added to, the corpus state."""
        spans = doc.spans("speakers")
        # Full names first, so a surname later in the same batch can join them.
        for s in spans:
            if s.attrs.get("kind") == "person" and s.attrs.get("name"):
                key = self._full_key(s.attrs["name"])
                if " " in key:
                    self._remember(key, s.attrs["name"], s.attrs.get("roles", ()))
        out = []
        for s in spans:
            name = s.attrs.get("name")
            if not name:
                out.append(s)
                continue
            key, canonical = self.resolve(name, s.attrs.get("kind") == "person", s.attrs.get("roles", ()))
            self._remember(key, canonical, s.attrs.get("roles", ()))
            attrs = dict(s.attrs)
            attrs.update(id=speaker_id(key), name=canonical)
            aliases = list(attrs.get("aliases", ()))
            if name not in aliases:
                aliases.append(name)
            attrs["aliases"] = aliases
            out.append(Span(s.start, s.end, s.label, s.score, attrs))
        return doc.with_layer("speakers", out)

    def state(self) -> dict[str, Any]:
        """Return the JSON-serialisable state for the store."""
        return {"version": 3, "names": dict(self.names), "surnames": {k: list(v) for k, v in self.surnames.items()},
                "roles": {k: list(v) for k, v in self.roles.items()}, "initials": dict(self.initials),
                "middles": {k: list(v) for k, v in self.middles.items()}}

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> SpeakerLinker:
        """Rebuild a linker from `state()` output (a version 1 state has no initials: each key's are then read
        from the name that holds it; a version 2 state no middle names: they are read from the names known)."""
        names = dict(state.get("names", {}))
        middles = {k: list(v) for k, v in state.get("middles", {}).items()}
        if "middles" not in state:
            for key, name in names.items():
                for middle in middle_names(name):
                    middles.setdefault(middle, []).append(key)
        return cls(names=names,
                   surnames={k: list(v) for k, v in state.get("surnames", {}).items()},
                   roles={k: list(v) for k, v in state.get("roles", {}).items()},
                   initials=dict(state.get("initials", {})), middles=middles)


def middle_names(name: str) -> list[str]:
    """The keys of a full name's middle names: its capitalised words of three letters or more between the first
    and the last ("Lula" of "Luiz Inacio Lula da Silva"; no initials, no particles)."""
    words = clean_name(name).split()
    return [surname_key(w) for w in words[1:-1] if w[:1].isupper() and len(w.strip(".")) > 2]
