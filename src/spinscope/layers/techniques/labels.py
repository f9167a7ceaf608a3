"""The 23 SemEval-2023 persuasion techniques: short definitions, examples, and the mapping to the 14 PTC labels."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Technique", "TECHNIQUES", "LABELS", "PTC_LABELS", "TO_PTC", "NO_PTC_EQUIVALENT", "to_ptc", "technique"]


@dataclass(frozen=True, slots=True)
class Technique:
    """One persuasion technique as shown in the CLI, the JSON and the web page."""

    label: str  # exact string of the SemEval-2023 scheme (techniques_subtask3.txt)
    name: str
    family: str
    definition: str
    example: str


# Definitions and examples are written for this project (not quoted from the annotation guidelines).
TECHNIQUES: tuple[Technique, ...] = (
    Technique("Appeal_to_Authority", "Appeal to authority", "Justification",
              "Treats a claim as true because an expert, official or institution is said to back it, "
              "without giving the evidence itself.",
              "Leading economists all agree the tariff will pay for itself."),
    Technique("Appeal_to_Popularity", "Appeal to popularity (bandwagon)", "Justification",
              "Argues that something is right or inevitable because many people or 'everyone' supports it.",
              "Millions have already signed up; don't be the last one left behind."),
    Technique("Appeal_to_Values", "Appeal to values", "Justification",
              "Links a position to values the audience holds dear (freedom, tradition, faith, fairness) "
              "instead of arguing for it.",
              "Any parent who cares about decency will oppose this curriculum."),
    Technique("Appeal_to_Fear-Prejudice", "Appeal to fear or prejudice", "Justification",
              "Builds support by stirring up anxiety or hostility towards a threat or a group, "
              "often an exaggerated one.",
              "If the border stays open, our towns will be overrun by criminals."),
    Technique("Flag_Waving", "Flag-waving", "Justification",
              "Appeals to patriotism or group identity: supporting the idea is what a true member of the "
              "nation or group does.",
              "Real patriots stand with our troops and this operation."),
    Technique("Causal_Oversimplification", "Causal oversimplification", "Simplification",
              "Pins a complex outcome on a single cause, or on the wrong one.",
              "Crime went up the year the new mayor took office, so the mayor caused it."),
    Technique("False_Dilemma-No_Choice", "False dilemma or no choice", "Simplification",
              "Presents two options as the only ones, or one option as the only one, when others exist.",
              "Either we bomb them now or we wait for them to bomb us."),
    Technique("Consequential_Oversimplification", "Consequential oversimplification (slippery slope)",
              "Simplification",
              "Claims that a first step will set off a chain of events ending in disaster, without support "
              "for each link.",
              "Allow this small tax and soon the state will own everything you earn."),
    Technique("Straw_Man", "Straw man", "Distraction",
              "Attacks a distorted or exaggerated version of an opponent's position instead of the real one.",
              "They want stricter rules for banks, so they obviously want to abolish private property."),
    Technique("Red_Herring", "Red herring", "Distraction",
              "Shifts attention to an unrelated topic so the issue under discussion is dropped.",
              "Why talk about the leaked memo when unemployment is at a record low?"),
    Technique("Whataboutism", "Whataboutism", "Distraction",
              "Deflects criticism by pointing at a similar or worse act by the critic or someone else.",
              "They criticise our elections, but what about the scandals in their own capital?"),
    Technique("Slogans", "Slogans", "Call",
              "Uses a brief, catchy phrase, often with labels or stereotypes, in place of an argument.",
              "No justice, no peace!"),
    Technique("Appeal_to_Time", "Appeal to time", "Call",
              "Urges action by insisting that the moment has come or that time is running out.",
              "The hour to act is now; tomorrow will be too late."),
    Technique("Conversation_Killer", "Conversation killer (thought-terminating cliché)", "Call",
              "Ends discussion with a stock phrase that discourages further thought.",
              "It is what it is. Enough said."),
    Technique("Loaded_Language", "Loaded language", "Manipulative wording",
              "Uses words or phrases with strong emotional charge to sway the reader.",
              "The regime's brutal thugs unleashed a savage crackdown."),
    Technique("Repetition", "Repetition", "Manipulative wording",
              "Repeats the same word, phrase or message so that it sticks and gains acceptance.",
              "This deal is a disaster. A disaster for workers, a disaster for farmers."),
    Technique("Exaggeration-Minimisation", "Exaggeration or minimisation", "Manipulative wording",
              "Makes something seem much bigger, better or worse than it is, or downplays its importance.",
              "The greatest economic collapse in the history of the world."),
    Technique("Obfuscation-Vagueness-Confusion", "Obfuscation, vagueness or confusion", "Manipulative wording",
              "Uses deliberately unclear wording so the audience can read in whatever it likes.",
              "Certain measures will be taken in due course by the appropriate parties."),
    Technique("Name_Calling-Labeling", "Name-calling or labelling", "Attack on reputation",
              "Attaches an insulting or admiring label to a person or group to shape how they are judged.",
              "The globalist puppet spoke again today."),
    Technique("Doubt", "Casting doubt", "Attack on reputation",
              "Questions the credibility, motives or competence of a person or source to undermine them.",
              "Can we really trust a minister who has changed his story three times?"),
    Technique("Guilt_by_Association", "Guilt by association (reductio ad Hitlerum)", "Attack on reputation",
              "Discredits a person or idea by tying it to a widely despised person, group or regime.",
              "That policy was also favoured by dictators."),
    Technique("Appeal_to_Hypocrisy", "Appeal to hypocrisy (tu quoque)", "Attack on reputation",
              "Rejects a critic's point by accusing the critic of doing the same thing.",
              "You lecture us about emissions while flying a private jet."),
    Technique("Questioning_the_Reputation", "Questioning the reputation", "Attack on reputation",
              "Attacks the target's character or record in general, unrelated to the argument at hand.",
              "He has always been a failure at everything he touched."),
)

#: The 23 labels in the order of techniques_subtask3.txt.
LABELS: tuple[str, ...] = tuple(t.label for t in TECHNIQUES)

#: The 14 labels of the PTC / SemEval-2020 Task 11 scheme (propaganda-techniques-names-semeval2020task11.txt).
PTC_LABELS: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)

#: 23 → 14. The SemEval-2023 English train set is the PTC corpus relabelled, so most entries are renames;
#: the merged PTC classes take each of their parts.
TO_PTC: dict[str, str] = {
    "Appeal_to_Authority": "Appeal_to_Authority",
    "Appeal_to_Popularity": "Bandwagon,Reductio_ad_hitlerum",  # bandwagon half of the merged class
    "Appeal_to_Fear-Prejudice": "Appeal_to_fear-prejudice",
    "Flag_Waving": "Flag-Waving",
    "Causal_Oversimplification": "Causal_Oversimplification",
    "False_Dilemma-No_Choice": "Black-and-White_Fallacy",
    "Straw_Man": "Whataboutism,Straw_Men,Red_Herring",
    "Red_Herring": "Whataboutism,Straw_Men,Red_Herring",
    "Whataboutism": "Whataboutism,Straw_Men,Red_Herring",
    # PTC defined whataboutism as discrediting a position by charging hypocrisy: the 2023 tu-quoque class.
    "Appeal_to_Hypocrisy": "Whataboutism,Straw_Men,Red_Herring",
    "Slogans": "Slogans",
    "Conversation_Killer": "Thought-terminating_Cliches",
    "Loaded_Language": "Loaded_Language",
    "Repetition": "Repetition",
    "Exaggeration-Minimisation": "Exaggeration,Minimisation",
    "Name_Calling-Labeling": "Name_Calling,Labeling",
    "Doubt": "Doubt",
    # Reductio ad Hitlerum is the special case of guilt by association that PTC kept.
    "Guilt_by_Association": "Bandwagon,Reductio_ad_hitlerum",
}

#: 2023 labels with no clean PTC counterpart; their spans are left out of PTC predictions.
#: Obfuscation was dropped from PTC (too rare); appeals to values and time, the slippery slope and
#: questioning the reputation were added in 2023 (the nearest PTC classes — Flag-Waving, Causal_Oversimplification,
#: Doubt — would be guesses, not mappings).
NO_PTC_EQUIVALENT: frozenset[str] = frozenset(set(LABELS) - set(TO_PTC))

_BY_LABEL = {t.label: t for t in TECHNIQUES}


def to_ptc(label: str) -> str | None:
    """Return the PTC label of a SemEval-2023 label, or None where no clean mapping exists."""
    return TO_PTC.get(label)


def technique(label: str) -> Technique:
    """Return the definition record of a SemEval-2023 label."""
    return _BY_LABEL[label]
