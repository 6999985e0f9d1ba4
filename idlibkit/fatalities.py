"""Deaths and captures reported in one sentence: the fatality columns of the timeline.

``extract_casualties("At least 18 soldiers were killed and two tanks were disabled.")`` gives
``fatalities_low=18``, ``fatalities_high=None`` (``at least``), ``deaths_government=18``.

How a sentence is read
----------------------
1. **Numbers.** Digits (``1,500``), number words (``Twelve``, ``twenty-five``, ``two hundred``),
   ``a dozen`` (12), ``half a dozen`` (6), ranges (``between 50 and 450``, ``35–70``,
   ``35 to 70``). Dates (``On 24 March``, ``Between 28 and 30 March``), years, ordinals
   (``the 25th``), ages (``eight-year-old``), percentages and hyphenated measures
   (``20-mile``) are not counts.
2. **Counts of people.** A number counts only with a noun for people (``rebels``, ``soldiers``,
   ``pro-government fighters``, ``civilians``, ``detainees``, ...), with ``dead`` / ``deaths``,
   with ``others`` / ``more``, or bare where the verb follows (``while 40 were injured``).
   ``15 checkpoints``, ``two tanks``, ``12 hours`` and ``51 airstrikes`` are not people, nor
   are ``six of the seven roads`` or ``a dozen of their homes`` (the noun after ``of the`` /
   ``of their`` is the count's). ``a commander ... was assassinated``, ``Brigadier General X
   was killed``, ``an eight-year-old boy and his father were killed``, ``killed a local
   militia leader`` and ``he is found dead`` count one person each.
3. **What happened to them.** The verb decides, looked for before the count (``killed 63
   soldiers``, ``the death of six civilians``, ``captured 50 troops``, ``placed the death toll
   at 21``, ``... killed in the city reached 100``, ``killing all 35 people``, ``among the dead
   was Col. X``, ``shooting dead a prisoner``, ``gunned down 12 civilians``, ``deaths ...
   ranged between 186 and 226``) or after it (``47 people ... were killed``,
   ``132 rebels, 76 soldiers and 11 civilians dead``, ``18 rebels died``, ``5 soldiers were
   later captured, then they were executed``); hyphenated modifiers (``Hezbollah-trained
   units``) do not end the search. A list shares its verb, also after it (``21 fighters had
   been killed, along with 11 rebels and 18 foreign fighters`` is 50). Only deaths are
   fatalities; ``wounded`` / ``injured``, ``captured`` / ``taken prisoner`` / ``arrested`` are
   not, and a count of ``killed and wounded`` / ``killed or captured`` (``losses were put at
   203 killed and wounded``) is no death count at all (it is *vague*).
4. **Subsets are not added.** ``47 people, including 15 rebels, were killed`` is 47;
   ``about 30 pro-government fighters (including two officers)`` is 30; ``seven people, six
   of them children, were killed`` is 7. A share with its own verb is a count of its own
   (``captured 30 soldiers, 12 of them were later executed``: 12 killed, 30 captured).
5. **Totals.** Deaths in one sentence are added up (``10 soldiers and nine rebels were killed``
   is 19; ``killing seven soldiers and one civilian, and ... five soldiers were killed`` is
   13; ``12 militiamen were killed ..., while about 18 rebels died`` is 30). A second
   source's figure (``..., while Al-Masdar placed the death toll at 91``; ``..., while the
   SNHR said at least 22 people were killed``) is an alternative estimate, not an addition,
   unless it counts another party (``..., while the army said 15 rebels died`` adds): the low
   end is the lower report, the high end the higher one (39 and 91; an open ``at least 22``
   counts as 22 there). A running total (``executed 56 captured soldiers, bringing the
   number of prisoners killed ... to 71``) is the total killed in the sentence (71), as the
   gold README defines the figure.

Low, high and best
------------------
``fatalities_low`` / ``fatalities_high`` follow the gold README (and UCDP's low/high): a
single figure gives both; ``at least 20`` / ``more than 20`` / ``no less than 20`` give 20 and
None; ``as many as 55`` / ``up to 55`` give None and 55; ``between 50 and 450`` gives 50 and
450; ``about 30`` / ``some 50`` give 30 / 50 for both; a vague part (``21 rebels and a number
of soldiers``) leaves the high end open.
``fatalities`` is the *best estimate* by ACLED's rule: the most conservative figure reported
(the low end; the lower of two reports), and for vague wording ACLED's conventions
``tens`` = 10, ``dozens`` = 12, ``hundreds`` = 100, ``thousands`` = 1000; other vague words
(``several``, ``a number of``, ``heavy losses``) give None.

``deaths_rebels`` / ``deaths_government`` / ``deaths_civilians`` split the (first report's)
deaths by the noun and its modifiers: rebels, fighters, militants, jihadists, insurgents,
defectors, ``opposition fighters``, ``FSA members``; soldiers, troops, officers, policemen,
pilots, Shabiha, NDF, ``pro-government`` / ``government fighters``, ``regime`` / ``army``
anything; civilians, women, children, a boy, his father, detainees, prisoners, inmates.
``members`` / ``men`` take the party after them (``12 members of the NDF``), a share its
noun's (``six of them children``). ``people``, ``others`` and ``dead`` are left unassigned.
``captured`` adds up people captured, taken prisoner, arrested or detained. ``vague`` is True
when a death count was given only in words (``dozens``, ``tens``, ``hundreds``, ``a number
of``, ``several``, ``many``), as ``killed and wounded``, or as ``heavy losses`` /
``casualties``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

__all__ = ["Casualties", "extract_casualties"]


@dataclass(frozen=True)
class Casualties:
    """Deaths and captures reported in one sentence (all counts are ints or None)."""

    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities: int | None = None
    deaths_rebels: int | None = None
    deaths_government: int | None = None
    deaths_civilians: int | None = None
    captured: int | None = None
    vague: bool = False


_EMPTY = Casualties()
_V = TypeVar("_V")

# -- vocabulary ------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000}

_OPEN_PREFIXES = (
    ("at", "least"), ("more", "than"), ("no", "less", "than"), ("no", "fewer", "than"),
    ("not", "less", "than"), ("upwards", "of"), ("in", "excess", "of"), ("over",),
)
_UPPER_PREFIXES = (("as", "many", "as"), ("up", "to"), ("at", "most"), ("no", "more", "than"))
_APPROX_PREFIXES = (
    ("an", "estimated"), ("close", "to"), ("some",),
    ("about",), ("around",), ("approximately",), ("roughly",), ("nearly",), ("almost",),
    ("estimated",), ("another",), ("perhaps",), ("reportedly",),
)
#: Vague quantities: words -> ACLED's conventional figure (None: no convention).
_VAGUE = (
    (("a", "large", "number", "of"), None), (("a", "small", "number", "of"), None),
    (("a", "number", "of"), None), (("a", "lot", "of"), None), (("a", "handful", "of"), None),
    (("a", "few", "dozen"), None), (("lots", "of"), None), (("dozens", "of"), 12),
    (("tens", "of"), 10), (("hundreds", "of"), 100), (("thousands", "of"), 1000),
    (("scores", "of"), None), (("a", "few"), None), (("several",), None), (("many",), None),
    (("numerous",), None), (("some",), None),
)


def _by_first_word(
    entries: Iterable[tuple[tuple[str, ...], _V]],
) -> dict[str, tuple[tuple[tuple[str, ...], _V], ...]]:
    """``{first word: ((words, value), ...)}``, longest phrases first."""
    index: dict[str, list[tuple[tuple[str, ...], _V]]] = {}
    for words, value in sorted(entries, key=lambda e: -len(e[0])):
        index.setdefault(words[0], []).append((words, value))
    return {k: tuple(v) for k, v in index.items()}


_PREFIX_INDEX: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = _by_first_word(
    [(w, "open") for w in _OPEN_PREFIXES] + [(w, "approx") for w in _APPROX_PREFIXES]
    + [(w, "upper") for w in _UPPER_PREFIXES] + [(("between",), "between")]
)
_PREFIX_WORDS = frozenset(
    w for entries in _PREFIX_INDEX.values() for words, _ in entries for w in words
)
_VAGUE_INDEX: dict[str, tuple[tuple[tuple[str, ...], int | None], ...]] = _by_first_word(_VAGUE)

_PLURAL_PEOPLE = frozenset({
    "rebels", "soldiers", "troops", "officers", "civilians", "people", "fighters", "militants",
    "jihadists", "insurgents", "defectors", "policemen", "police", "pilots", "shabiha", "ndf",
    "members", "men", "women", "children", "boys", "girls", "detainees", "prisoners",
    "inmates", "captives", "hostages", "gunmen", "militiamen", "militia", "guards",
    "commanders", "snipers", "islamists", "loyalists", "recruits", "conscripts", "personnel",
    "forces", "army", "combatants", "residents", "villagers", "protesters", "demonstrators",
    "activists", "journalists", "students", "doctors", "workers", "volunteers", "refugees",
    "families", "others", "other",
    "more", "them", "those",
})
# People-words that also modify a noun ("Syrian Army checkpoints", "Shabiha militia").
_ALSO_MODIFIERS = frozenset({"army", "police", "militia", "ndf", "shabiha", "forces"})
_SINGULAR_PEOPLE = frozenset({
    "rebel", "soldier", "officer", "civilian", "fighter", "militant", "jihadist", "defector",
    "policeman", "pilot", "commander", "leader", "general", "colonel", "captain", "major",
    "lieutenant", "brigadier", "boy", "girl", "man", "woman", "child", "father", "mother",
    "son", "daughter", "brother", "sister", "journalist", "activist", "sniper", "driver",
    "member", "chief", "governor", "head", "detainee", "prisoner", "guard", "resident",
})
_TITLES = frozenset({
    "General", "Brigadier", "Colonel", "Col", "Captain", "Capt", "Major", "Lieutenant", "Lt",
    "Sheikh",
})
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its"})
# "six of the / their ...": the noun after them is the count's noun.
_OF_DETERMINERS = frozenset({"the", "their", "his", "her", "its", "our", "these"})
# Counts whose party is named after them: "12 members of the NDF".
_MEMBERS = frozenset({"members", "men"})

_REBEL_WORDS = frozenset({
    "rebel", "rebels", "opposition", "pro-opposition", "fsa", "nusra", "al-nusra", "jihadist",
    "jihadists", "islamist", "islamists", "insurgent", "insurgents", "militant", "militants",
    "defectors", "defector", "defected", "defecting", "fighters", "fighter", "ahrar",
})
_GOVERNMENT_WORDS = frozenset({
    "pro-government", "government", "regime", "army", "military", "loyalist", "loyalists",
    "ndf", "shabiha", "soldiers", "soldier", "troops", "officers", "officer", "policemen",
    "policeman", "police", "pilots", "pilot", "security", "republican", "guard",
})
_CIVILIAN_WORDS = frozenset({
    "civilians", "civilian", "women", "woman", "children", "child", "boys", "boy", "girls",
    "girl", "father", "mother", "son", "daughter", "detainees", "detainee", "prisoners",
    "prisoner", "inmates", "residents", "villagers", "protesters",
})

_KILL = frozenset({
    "killed", "dead", "died", "executed", "slain", "assassinated", "massacred", "martyred",
    "perished", "beheaded", "murdered",
})
_WOUND = frozenset({"wounded", "injured", "hurt", "maimed"})
_LINKING = frozenset({"went", "were", "was", "also", "later", "are", "gone"})
_CAPTURE = frozenset({"captured", "arrested", "detained", "abducted", "kidnapped", "seized"})
# After "killed and / or": the count is not a death count.
_NOT_ONLY_DEATHS = _WOUND | _CAPTURE | {"missing"}
_KILL_BEFORE = frozenset({
    "killed", "killing", "kill", "kills", "executed", "executing", "execute", "massacred",
    "massacring", "slaughtered", "slew", "assassinated", "murdered",
})
_CAPTURE_BEFORE = frozenset({
    "captured", "capturing", "capture", "captures", "arrested", "arresting", "arrest",
    "detained", "detaining", "abducted", "kidnapped", "seized",
})
_DEATH_NOUNS = frozenset({
    "death", "deaths", "killing", "killings", "execution", "executions", "corpses", "bodies",
    "lives", "massacre", "murder", "murders",
})
_RANGED = frozenset({"ranged", "ranging", "range", "varied", "varying"})
_TOLL_PREPS = _RANGED | {"at", "was", "of", "reached", "to", "is", "stood", "rose", "hit"}
_SHOOT = frozenset({"shot", "shoot", "shoots", "shooting"})
_GUN = frozenset({"gunned", "gun", "guns", "gunning"})
_TOLL_WORDS = frozenset({"toll", "killed", "dead", "fatalities", "deaths", "losses"})
# "..., while <source> said N ...": a second report of the same deaths.
_CONTRAST = frozenset({"while", "whereas", "but"})
_REPORT_VERBS = frozenset({
    "said", "says", "say", "reported", "reports", "put", "puts", "estimated", "estimates",
    "claimed", "claims", "gave", "gives", "counted", "recorded", "documented", "according",
    "stated", "cited", "placed",
})
_TAKE = frozenset({"took", "take", "taken", "taking", "takes"})
_PRISONER = frozenset({"prisoner", "prisoners", "captive", "captives", "hostage", "hostages"})
_FRACTIONS = frozenset({"half", "third", "thirds", "quarter", "percent", "per", "most", "part"})
_CUMULATIVE = frozenset({"bringing", "brought", "raising", "raised"})
_AUX = frozenset({"were", "was", "had", "have", "has", "been", "being", "are", "is", "be"})
_PASS = frozenset({
    "also", "later", "all", "both", "who", "reportedly", "allegedly", "subsequently",
    "eventually", "themselves",
})
# Words between an auxiliary and its participle: "were reported / claimed / believed killed".
_PASS_AFTER_AUX = frozenset({
    "reported", "claimed", "said", "believed", "feared", "confirmed", "to", "be", "found",
})
_HARD_STOP = frozenset({
    ";", ".", "while", "but", "when", "after", "before", "because", "since", "if", "then",
    "where", "whereas", "although", "though", "during", "which", "until", "so", "thus",
})
# After a count's verb, counts that share it: "... were killed, along with 11 rebels".
_JOINERS = (
    ("along", "with"), ("together", "with"), ("as", "well", "as"), ("in", "addition", "to"),
)
_GLUE = frozenset({",", "and", "or", "plus", "as", "well"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
_DASHES = frozenset({"-", "–", "—"})
# Words that end a noun phrase after a number.
_STOP = frozenset({
    "of", "in", "at", "on", "were", "was", "had", "have", "has", "been", "being", "are", "is",
    "and", "or", "who", "which", "that", "the", "a", "an", "from", "by", "with", "to",
    "during", "after", "before", "while", "including", "as", "for", "near", "inside",
    "around", "among", "when", "into", "out", "across", "along", "against", "between",
    "under", "over", "per", "each", "than", "but", "so", "then", "there", "this", "these",
    "their", "its", "his", "her", "they", "it", "we", "he", "she", "dead", "whom", "whose",
    "where",
})
# Nouns that a people-word often modifies (``a fighter plane``, ``a rebel brigade``).
_NOUN_AFTER = frozenset({
    "base", "bases", "brigade", "brigades", "battalion", "battalions", "unit", "units",
    "forces", "group", "groups", "position", "positions", "convoy", "column", "headquarters",
    "plane", "planes", "jet", "jets", "stronghold", "checkpoint", "checkpoints", "attack",
    "attacks", "advance", "advances", "offensive", "sources", "source", "side", "lines",
    "line", "territory", "area", "areas", "control", "hands", "takeover", "blockade",
    "videos", "video", "council", "movement", "defenses", "defences", "commanders",
    "commander", "leader", "leaders", "fighters", "radio", "assault",
})

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
_DATES = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:–|-|and|to)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+{_MONTH}\b"
    rf"(?:,?\s+\d{{4}}\b)?|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,\s*\d{{4}}\b)?"
    r"|\b(?:1[89]|20)\d\d\b"
)
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?![\w%-])|\d+(?![\w%-])|\w[\w'’%-]*|[^\w\s]")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DIGIT_RANGE = re.compile(r"(\d+)[-–](\d+)")
# Cheap tests that a sentence can report deaths or captures at all (plain literals, matched
# against the lower-cased sentence, let ``re`` skip ahead by first letter).
_HAS_DIGIT = re.compile(r"[0-9]")
_GATE = re.compile(
    r"kill|dead|death|execut|captur|arrest|detain|prisoner|taken|took|assassinat|died|slain"
    r"|shot|gunn|casualt|losses|toll|corpses|bodies|massacr|lives|murder|martyr|abduct"
    r"|kidnap|seiz|perish|behead|slaughter|slew|missing|hostage|captive"
)
_VAGUE_WORDS = re.compile(r"\b(?:losses|casualties)\b", re.IGNORECASE)


# -- tokens ----------------------------------------------------------------------------------

def _word_number(low: list[str], i: int) -> tuple[int, int] | None:
    """(value, index after) of a number written in words starting at ``low[i]``."""
    n = len(low)
    t = low[i]
    if t == "half" and low[i + 1:i + 3] == ["a", "dozen"]:
        return 6, i + 3
    if t == "a" and i + 1 < n:
        if low[i + 1] == "dozen":
            return 12, i + 2
        if low[i + 1] in _SCALES:
            return _SCALES[low[i + 1]], i + 2
        if low[i + 1] == "couple" and i + 2 < n and low[i + 2] == "of":
            return 2, i + 3
        return None
    if t in _UNITS:
        value = _UNITS[t]
    elif t in _TENS:
        value = _TENS[t]
    elif "-" in t:
        tens, _, unit = t.partition("-")
        if tens not in _TENS or unit not in _UNITS or _UNITS[unit] >= 10:
            return None
        value = _TENS[tens] + _UNITS[unit]
    else:
        return None
    j = i + 1
    if j < n and value < 10 and low[j] in _TENS:  # not a number phrase ("one twenty")
        return value, j
    while j < n and low[j] in _SCALES:
        value *= _SCALES[low[j]]
        j += 1
        if j + 1 < n and low[j] == "and" and (low[j + 1] in _UNITS or low[j + 1] in _TENS):
            rest = _word_number(low, j + 1)
            if rest:
                value += rest[0]
                j = rest[1]
    if j < n and low[j] == "dozen":
        value *= 12
        j += 1
    return value, j


def _tokenize(sentence: str) -> tuple[list[str], list[str], list[int | None]]:
    """Lower-case tokens, original tokens, and the number each token stands for."""
    text = _DATES.sub(" DATE ", sentence) if _HAS_DIGIT.search(sentence) else sentence
    raw = _TOKEN.findall(text)
    raw_low = [t.lower() for t in raw]
    low: list[str] = []
    orig: list[str] = []
    num: list[int | None] = []
    i = 0
    n = len(raw)
    while i < n:
        t = raw_low[i]
        if t in _QUOTES:  # 'killing "dozens" of soldiers'
            i += 1
            continue
        if t[0].isdigit():
            if _DIGITS.fullmatch(t):
                low.append("#")
                orig.append(raw[i])
                num.append(int(t.replace(",", "")))
                i += 1
                continue
            m = _DIGIT_RANGE.fullmatch(t)
            if m:  # "35-70" as one token: a range
                low.extend(["#", "–", "#"])
                orig.extend([m.group(1), "–", m.group(2)])
                num.extend([int(m.group(1)), None, int(m.group(2))])
                i += 1
                continue
        elif t in _UNITS or t in _TENS or t in ("a", "half") or "-" in t:
            parsed = _word_number(raw_low, i)
            if parsed:
                value, j = parsed
                low.append("#")
                orig.append(" ".join(raw[i:j]))
                num.append(value)
                i = j
                continue
        low.append(t)
        orig.append(raw[i])
        num.append(None)
        i += 1
    return low, orig, num


def _transparent(low: list[str]) -> tuple[list[bool], list[bool]]:
    """Tokens to look through (parentheses, dash inserts, ``including ...``) and, among them,
    the subset clauses whose counts are part of another count."""
    n = len(low)
    skip = [False] * n
    subset = [False] * n
    depth = 0
    for i, t in enumerate(low):
        if t == "(":
            depth += 1
        if depth:
            skip[i] = subset[i] = True
        if t == ")" and depth:
            depth -= 1
    dashes = [i for i, t in enumerate(low) if t in _DASHES]
    for a, b in zip(dashes[::2], dashes[1::2], strict=False):
        if b - a <= 15:
            for k in range(a, b + 1):
                skip[k] = True
    i = 0
    while i < n:
        if low[i] == "including" or (low[i] == "among" and i + 1 < n and low[i + 1] == "them"):
            j = i
            while j < n and low[j] not in (",", ")", ";"):
                skip[j] = subset[j] = True
                j += 1
            i = j
        elif low[i] == ",":
            j = _apposed_share(low, i + 1)
            for k in range(i + 1, j):
                skip[k] = subset[k] = True
        i += 1
    return skip, subset


def _apposed_share(low: list[str], i: int) -> int:
    """End of a verbless share starting at ``low[i]`` (after a comma), else ``i``:
    ``seven people, six of them children, were killed``. With a verb (``..., 20 of them
    were later executed``) the share is a count of its own."""
    n = len(low)
    k = i
    while k < n and k < i + 3 and low[k] in _PREFIX_WORDS:  # "at least six of them"
        k += 1
    if low[k:k + 2] != ["#", "of"] or low[k + 2:k + 3] not in (["them"], ["whom"]):
        return i
    j = k + 3
    while j < n and low[j] not in (",", ";", ")", "."):
        if low[j] in _AUX or _verb_at(low, j):
            return i
        j += 1
    return j


# -- counts ----------------------------------------------------------------------------------

@dataclass(eq=False)
class _Item:
    start: int
    end: int
    low: int | None
    high: int | None
    vague_default: int | None = None
    vague: bool = False
    bare: bool = False
    person: bool = True
    head: str = ""
    party: str | None = None
    subset: bool = False
    cat: str | None = None
    toll: bool = False
    cumulative: bool = False
    linked: _Item | None = None
    also_killed: bool = False
    single: bool = False


def _party(words: list[str]) -> str | None:
    """``rebels`` / ``government`` / ``civilians`` from a noun phrase; modifiers first."""
    rebel = gov = civ = False
    for w in words:
        if w in ("pro-government", "government", "regime", "army", "ndf", "shabiha", "loyalist"):
            return "government"
        if w in ("pro-opposition", "opposition", "rebel", "rebels", "fsa", "defected",
                 "defecting"):
            return "rebels"
        rebel = rebel or w in _REBEL_WORDS
        gov = gov or w in _GOVERNMENT_WORDS
        civ = civ or w in _CIVILIAN_WORDS
    if gov:
        return "government"
    if rebel:
        return "rebels"
    if civ:
        return "civilians"
    return None


def _noun_phrase(low: list[str], k: int, count: int | None) -> tuple[list[str], int]:
    """Words of the noun phrase starting at ``low[k]`` (up to the head) and the index after."""
    n = len(low)
    words: list[str] = []
    while k < n and len(words) < 5:
        t = low[k]
        if t == "dead":
            if k + 1 < n and low[k + 1] not in _STOP and low[k + 1][0].isalpha():
                words.append(t)  # "35 dead soldiers"
                k += 1
                continue
            if not words:
                words.append(t)  # "40 dead among ..."
                k += 1
            break
        if t in _STOP or t == "#" or not t[0].isalpha():
            break
        nxt = low[k + 1] if k + 1 < n else ""
        if (t.endswith(("ed", "ing")) and nxt not in _PLURAL_PEOPLE
                and nxt not in _SINGULAR_PEOPLE):
            break
        words.append(t)
        k += 1
        if t == "deaths" or (t in _PLURAL_PEOPLE and (t not in _ALSO_MODIFIERS or not (
                nxt[:1].isalpha() and nxt not in _STOP))):
            break
        if t in _SINGULAR_PEOPLE and count == 1 and nxt not in _NOUN_AFTER:
            break
    return words, k


def _count_phrase(low: list[str], k: int, count: int | None) -> tuple[list[str], int]:
    """The noun phrase of a count whose number ends before ``low[k]``, and the index after.

    ``six of them``; the noun of ``six of the seven roads`` / ``a dozen of their homes``
    (roads and homes are no people); else the words after the number.
    """
    n = len(low)
    if k + 1 < n and low[k] == "of":
        if low[k + 1] in ("them", "those", "whom"):
            return ["them"], k + 2
        if low[k + 1] in _OF_DETERMINERS:
            j = k + 2
            if j < n and low[j] == "#":  # the share's noun follows the whole's number
                j += 1
            return _noun_phrase(low, j, count)
    if k + 1 < n and low[k] == "out" and low[k + 1] == "of":
        return ["out-of"], k + 2
    return _noun_phrase(low, k, count)


def _party_after(low: list[str], item: _Item, subset: bool) -> str | None:
    """The party named after a count's noun: ``12 members of the NDF``; a share's
    ``six of them children``."""
    n, end = len(low), item.end
    if item.head in _MEMBERS and end < n and low[end] in ("of", "from"):
        return _party([w for w in low[end + 1:end + 6] if w not in _STOP])
    if item.head == "them" and subset:
        return _party(_noun_phrase(low, end, None)[0])
    return None


def _is_people(head: str, count: int | None) -> bool:
    if head in _PLURAL_PEOPLE or head in ("dead", "deaths"):
        return True
    return head in _SINGULAR_PEOPLE and count == 1


def _find_items(low: list[str], orig: list[str], num: list[int | None],
                subset: list[bool]) -> list[_Item]:
    n = len(low)
    items: list[_Item] = []
    i = 0
    while i < n:
        start = i
        # A quantifier before a number: at least / about / between.
        kind = None
        for words, prefix_kind in _PREFIX_INDEX.get(low[i], ()):
            j = i + len(words)
            if j < n and low[j] == "#" and tuple(low[i:j]) == words:
                kind, i = prefix_kind, j
                break
        if low[i] == "#":
            value = num[i]
            high: int | None = value
            k = i + 1
            if (k + 1 < n and low[k + 1] == "#"
                    and (low[k] in ("–", "-", "—", "to", "or")
                         or (kind == "between" and low[k] == "and"))):
                high = num[k + 1]
                k += 2
            elif kind == "open" or (k < n and low[k] == "+"):
                high = None
                k += low[k] == "+" if k < n else 0
            item_low = None if kind == "upper" else value
            words, end = _count_phrase(low, k, value)
            if end < n and low[end] == "among":  # "40 dead among the Syrian army forces"
                k = end + 1
                while k < n and k < end + 7 and low[k][0].isalpha() and low[k] != "and":
                    k += 1
                words = words + low[end + 1:k]
                end = k
            item = _Item(start, end, item_low, high)
            if (start >= 3 and low[start - 1] == "the" and low[start - 2] == "of"
                    and (low[start - 3] in _FRACTIONS or low[start - 3].endswith("%"))):
                # "70% of the 200 fighters": a share of the count, not the count.
                item.low = item.high = None
                item.vague = True
            if words:
                item.head = words[-1] if words[0] not in ("dead", "deaths") else words[0]
                item.person = _is_people(item.head, value)
                item.party = _party(words) or _party_after(low, item, subset[start])
            else:
                item.bare = True
            items.append(item)
            i = max(end, i + 1)
            continue
        i = start
        # A vague quantity: dozens of / a number of / several.
        vague = None
        for words, default in _VAGUE_INDEX.get(low[i], ()):
            if tuple(low[i:i + len(words)]) == words:
                vague = (i + len(words), default)
                break
        if vague:
            k, default = vague
            if k < n and low[k] == "of":
                k += 1
            if k < n and low[k] in ("the", "them", "those", "their", "its", "his"):
                k += 1 if low[k] != "them" else 0
            words, end = _noun_phrase(low, k, None)
            if words and words[-1] in _PLURAL_PEOPLE:
                item = _Item(start, end, None, None, vague_default=default, vague=True,
                             head=words[-1], party=_party(words))
                items.append(item)
                i = end
                continue
            i = start + 1
            continue
        # One person: "a commander of ...", "Brigadier General X", "he".
        item = _singular(low, orig, i)
        if item is not None:
            items.append(item)
            i = item.end
            continue
        i += 1
    for item in items:
        item.subset = subset[item.start]
    return items


def _singular(low: list[str], orig: list[str], i: int) -> _Item | None:
    n = len(low)
    t = low[i]
    if t in ("he", "she"):
        return _Item(i, i + 1, 1, 1, head=t, single=True)
    if orig[i] in _TITLES:
        k = i + 1
        while k < n and (orig[k] in _TITLES or orig[k] == "."):
            k += 1
        names = k
        while k < n and orig[k][:1].isupper() and low[k] not in _STOP:
            k += 1
        if k > names:
            return _Item(i, k, 1, 1, head=low[i], single=True)
        return None
    if t not in _DETERMINERS:
        return None
    for k in range(i + 1, min(i + 5, n)):
        w = low[k]
        if w in _STOP or not w[0].isalpha():
            return None
        if w in _SINGULAR_PEOPLE:
            nxt = low[k + 1] if k + 1 < n else ""
            if w == "head" and nxt != "of":
                return None
            # The head noun ends the phrase: "a commander of", "his father were", "a general,".
            if not nxt or nxt in _STOP or not nxt[0].isalpha() or nxt.endswith("ed"):
                # Whose: "a commander of an FSA battalion", "a leader in Ahrar al-Sham".
                party = None
                if nxt in ("of", "in", "from"):
                    party = _party([w for w in low[k + 2:k + 6] if w not in _STOP])
                return _Item(i, k + 1, 1, 1, head=w, single=True,
                             party=party or _party(low[i + 1:k + 1]))
    return None


# -- verbs -----------------------------------------------------------------------------------

def _verb_at(low: list[str], j: int) -> str | None:
    """``kill`` / ``wound`` / ``capture`` / ``combined`` if ``low[j]`` starts such a verb."""
    n = len(low)
    t = low[j]
    nxt = low[j + 1] if j + 1 < n else ""
    nxt2 = low[j + 2] if j + 2 < n else ""
    if nxt in ("and", "or", "/") and (nxt2.endswith("ly") or nxt2 in _LINKING):
        nxt2 = low[j + 3] if j + 3 < n else ""  # "killed or went missing", "and badly hurt"
    if t == "shot":
        if nxt in ("dead", "en") or nxt2 in ("killed", "execution"):
            return "kill"
        return None
    if t == "gunned" and nxt == "down":
        return "kill"
    if t == "found" and nxt == "dead":
        return "kill"
    if t == "lost" and nxt == "their" and nxt2 == "lives":
        return "kill"
    if t == "taken" and nxt in ("prisoner", "prisoners", "captive", "hostage"):
        return "capture"
    if t in _KILL:
        if nxt in ("and", "or", "/") and nxt2 in _NOT_ONLY_DEATHS:
            return "combined"
        return "kill"
    if t in _WOUND:
        if nxt in ("and", "or", "/") and nxt2 in _KILL:
            return "combined"
        return "wound"
    if t in _CAPTURE:
        if nxt in ("and", "or", "/") and nxt2 in _KILL:
            return "combined"
        return "capture"
    return None


def _verb_after(low: list[str], skip: list[bool], j: int, budget: int) -> str | None:
    """The verb a count is the subject of: ``... were (reportedly) killed``."""
    n = len(low)
    after_aux = False
    while j < n:
        if skip[j]:
            j += 1
            continue
        t = low[j]
        verb = _verb_at(low, j)
        if verb:
            return verb
        if t in _AUX:
            after_aux = True
        elif (t in _PASS or t.endswith("ly") or t in _DASHES
              or (after_aux and t in _PASS_AFTER_AUX)):
            pass
        elif after_aux:
            return None
        elif t == "as" and j + 1 < n and low[j + 1] == "well":
            j += 1
        elif t in _HARD_STOP or t in ("said", "says", "told") or (
                t.endswith(("ed", "ing")) and "-" not in t):  # "Hezbollah-trained" modifies
            return None
        elif t not in _GLUE:
            budget -= 1
            if budget < 0:
                return None
        j += 1
    return None


def _verb_before(low: list[str], start: int) -> str | None:
    """The verb a count is the object of: ``killed 63 soldiers``, ``the death of``."""
    k = start - 1
    while k >= 0 and low[k] == "all":  # "killing all 35 people"
        k -= 1
    if k < 0:
        return None
    t = low[k]
    prior = low[k - 1] if k >= 1 else ""
    if t in ("was", "were") and prior == "dead":  # "among the dead was"
        return "kill"
    if (t == "dead" and prior in _SHOOT) or (t == "down" and prior in _GUN):
        return "kill"  # "shooting dead a prisoner", "gunned down 12 civilians"
    if t == "from" and prior in _RANGED:  # "deaths ranged from 186 to 226"
        k, t = k - 1, prior
    if t in _KILL_BEFORE:
        return "kill"
    if t in _CAPTURE_BEFORE:
        return "capture"
    if t == "of" and k >= 1 and low[k - 1] in _DEATH_NOUNS:
        return "kill"
    if t in _TOLL_PREPS and any(w in _TOLL_WORDS for w in low[max(0, k - 9):k]):
        return "toll"
    return None


def _linked(low: list[str], skip: list[bool], prev: _Item, item: _Item) -> bool:
    """Whether ``item`` continues the list ``prev`` is in (only commas, ``and``, subsets)."""
    return all(skip[k] or low[k] in _GLUE for k in range(prev.end, item.start))


def _joined(low: list[str], prev: _Item, item: _Item) -> bool:
    """Whether ``item`` shares the verb of ``prev``'s clause: ``21 fighters had been killed,
    along with 11 rebels``."""
    for words in _JOINERS:
        k = item.start - len(words)
        if k >= prev.end and tuple(low[k:item.start]) == words:
            return not any(t in _HARD_STOP for t in low[prev.end:k])
    return False


def _categorize(low: list[str], skip: list[bool], items: list[_Item]) -> None:
    prev: _Item | None = None
    for item in items:
        if item.subset:
            continue
        if item.person:
            if item.head in ("dead", "deaths") or (item.head and "dead" in
                                                  low[item.start:item.end]):
                item.cat = "kill"
            if item.cat is None:
                before = _verb_before(low, item.start)
                if before == "toll" and (item.vague or item.single):
                    before = None
                if before == "toll" and item.end < len(low):
                    # "losses were put at 203 killed and wounded": casualties, not deaths
                    after = _verb_at(low, item.end)
                    before = after if after in ("combined", "wound", "capture") else before
                if before == "toll":
                    item.cat, item.toll = "kill", True
                    window = low[max(0, item.start - 16):item.start]
                    item.cumulative = any(w in _CUMULATIVE for w in window)
                else:
                    item.cat = before
            if (item.cat is None and item.start > 0 and low[item.start - 1] in _TAKE
                    and item.end < len(low) and low[item.end] in _PRISONER):
                item.cat = "capture"  # "took 50 troops prisoner"
            # A share with its own verb ("..., 12 of them were later executed") is no list item.
            if item.cat is None and prev is not None and item.head != "them" and (
                    _linked(low, skip, prev, item) or _joined(low, prev, item)):
                item.cat, item.toll, item.cumulative = prev.cat, prev.toll, prev.cumulative
                item.linked = prev
            if item.cat is None:
                budget = 5 if item.single else 10
                item.cat = _verb_after(low, skip, item.end, budget)
            if (item.cat is None and item.bare and prev is not None and item.start > 0
                    and low[item.start - 1] == "and"):
                item.cat = prev.cat  # "... killed and injured ..., and at least 16 in ..."
        prev = item
    # "5 soldiers were later captured, then they were executed"
    for p, t in enumerate(low):
        if t not in ("they", "who"):
            continue
        j = p + 1
        while j < len(low) and (low[j] in _AUX or low[j] in _PASS or low[j].endswith("ly")):
            j += 1
        if j < len(low) and _verb_at(low, j) == "kill":
            for item in reversed(items):
                if item.end <= p and not item.subset and item.cat == "capture":
                    item.also_killed = True
                    break


# -- the public function ---------------------------------------------------------------------

def _second_report(low: list[str], group: list[_Item], item: _Item) -> bool:
    """Whether ``item`` is another source's figure for ``group``'s deaths: ``..., while the
    SNHR said at least 22 people were killed``. Another party's deaths (``while the army
    said 15 rebels died``) are more deaths, as is a count no source introduces."""
    if item.single:  # "while X said a commander was killed": one more death
        return False
    between = low[group[-1].end:item.start]
    cut = max((k for k, t in enumerate(between) if t in _CONTRAST), default=None)
    if cut is None or any(t in (".", ";") for t in between[cut:]):
        return False
    if not any(t in _REPORT_VERBS for t in between[cut + 1:]):
        return False
    parties = {it.party for it in group} - {None}
    return item.party is None or not parties or item.party in parties


def _kill_groups(low: list[str], items: list[_Item]) -> list[list[_Item]]:
    """The killed counts, in groups of alternative reports: a later ``death toll at ...`` or
    a second source's figure starts a new group; a cumulative ``bringing the toll to N`` is
    the sentence's total and replaces what came before it."""
    groups: list[list[_Item]] = [[]]
    for item in items:
        if item.subset or not item.person or (item.cat != "kill" and not item.also_killed):
            continue
        if item.linked is None and groups[-1] and (
                item.toll or _second_report(low, groups[-1], item)):
            if item.cumulative:
                groups = [[]]
            else:
                groups.append([])
        groups[-1].append(item)
    return [g for g in groups if g]


def _sum(values: list[int | None]) -> int | None:
    """Sum, or None if any value is None."""
    total = 0
    for v in values:
        if v is None:
            return None
        total += v
    return total


def extract_casualties(sentence: str) -> Casualties:
    """Deaths (low, high, best, by party), captures and vagueness reported in one sentence.

    Parameters
    ----------
    sentence : str
        One cleaned sentence.

    Returns
    -------
    Casualties
        All counts are ints or None; see the module docstring for the conventions.

    Examples
    --------
    >>> c = extract_casualties("The battle left at least 132 rebels, 76 soldiers and "
    ...                        "11 civilians dead.")
    >>> c.fatalities_low, c.fatalities_high, c.deaths_rebels, c.deaths_government
    (219, None, 132, 76)
    >>> c = extract_casualties("Between 50 and 450 rebels were killed.")
    >>> c.fatalities_low, c.fatalities_high, c.fatalities
    (50, 450, 50)
    >>> extract_casualties("On 27 July, rebels captured 50 troops, including 14 officers.")
    Casualties(fatalities_low=None, fatalities_high=None, fatalities=None, deaths_rebels=None, \
deaths_government=None, deaths_civilians=None, captured=50, vague=False)
    >>> extract_casualties("Tens of pro-government fighters were killed and wounded.").vague
    True
    """
    if not _GATE.search(sentence.lower()):
        return _EMPTY
    low, orig, num = _tokenize(sentence)
    skip, subset = _transparent(low)
    items = _find_items(low, orig, num, subset)
    _categorize(low, skip, items)

    captured: int | None = None
    vague = False
    parent: dict[int, _Item] = {}  # id(subset item) -> the count it is part of
    last: _Item | None = None
    for item in items:
        if item.subset:
            if last is not None:
                parent[id(item)] = last
            continue
        last = item
        if not item.person:
            continue
        if item.cat == "combined" or (item.vague and item.cat == "kill"):
            vague = True
        if item.cat == "capture" and item.low is not None:
            captured = (captured or 0) + item.low

    groups = _kill_groups(low, items)
    if not groups:
        vague = vague or _VAGUE_WORDS.search(sentence) is not None
        if captured is None and not vague:
            return _EMPTY
        return Casualties(captured=captured, vague=vague)

    lows: list[int] = []
    highs: list[int] = []
    bests: list[int] = []
    for group in groups:
        known = [it.low for it in group if it.low is not None]
        if known:
            g_low = sum(known)
            g_high = _sum([it.high for it in group])
            lows.append(g_low)
            highs.append(g_high if g_high is not None else g_low)
        best = [it.low if it.low is not None else it.vague_default for it in group]
        if any(b is not None for b in best):
            bests.append(sum(b for b in best if b is not None))
    if len(groups) == 1:
        low_v = _sum([it.low for it in groups[0]]) if lows else None
        if low_v is None and lows:  # a vague part: the known part is the low end
            low_v = lows[0]
        high_v = _sum([it.high for it in groups[0]])
    else:  # alternative reports: the lowest and the highest
        low_v = min(lows) if lows else None
        high_v = max(highs) if highs else None

    # Deaths by party, from the first report; a subset tells the party of an unassigned count
    # ("47 people, including 15 rebels").
    first = groups[0]
    first_ids = {id(it) for it in first}
    by_party: dict[str, int] = {}
    for item in items:
        owner = parent.get(id(item)) if item.subset else item
        if owner is None or id(owner) not in first_ids or item.low is None or not item.party:
            continue
        if item.subset and owner.party is not None:
            continue
        by_party[item.party] = by_party.get(item.party, 0) + item.low

    return Casualties(
        fatalities_low=low_v,
        fatalities_high=high_v,
        fatalities=min(bests) if bests else None,
        deaths_rebels=by_party.get("rebels"),
        deaths_government=by_party.get("government"),
        deaths_civilians=by_party.get("civilians"),
        captured=captured,
        vague=vague,
    )
