"""Armed parties named in a sentence: the factions of ``data/factions.csv`` and the
generic, side-level actors (``rebels``, ``the army``) the prose mostly speaks of.

Named factions are matched on folded text (case, hyphens, apostrophes, diacritics and the
spelling of the Arabic article do not matter), generic phrases are mapped to two canonical
side-level actors, :data:`REBELS` and :data:`GOVERNMENT_FORCES` (plus
:data:`UNIDENTIFIED` for ``unknown gunmen``). Everything is one compiled regular
expression, scanned once per sentence.

Examples
--------
>>> [(a.name, a.text, a.side) for a in find_actors(
...     "Rebels from the al-Nusra Front attacked the army near Idlib.")]
[('Rebels', 'Rebels', 'opposition'), ('Al-Nusra Front', 'al-Nusra Front', 'opposition'), \
('Government forces', 'the army', 'government')]
>>> actor_pair(find_actors("Rebels from the al-Nusra Front attacked the army near Idlib."))
('Al-Nusra Front', 'Government forces')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .factions import FactionTable, default_factions, name_key
from .gazetteer import article_variants, fold, fold_key, trie_regex

__all__ = [
    "GOVERNMENT_FORCES",
    "REBELS",
    "UNIDENTIFIED",
    "ActorMention",
    "actor_pair",
    "find_actors",
]

#: Canonical name of the generic opposition actor.
REBELS = "Rebels"
#: Canonical name of the generic government actor.
GOVERNMENT_FORCES = "Government forces"
#: Canonical name of an armed party the text does not identify (``unknown gunmen``).
UNIDENTIFIED = "Unidentified armed group"


@dataclass(frozen=True)
class ActorMention:
    """A party named in a sentence.

    Attributes
    ----------
    name : str
        The canonical faction name, or :data:`REBELS` / :data:`GOVERNMENT_FORCES` /
        :data:`UNIDENTIFIED` for a generic phrase.
    text : str
        The words as written, ``sentence[start:end]`` (a faction's name with the noun that
        follows it, as in ``al-Nusra militants``).
    start, end : int
        Character offsets in the sentence.
    side : str or None
        ``government`` or ``opposition`` (from ``factions.csv`` for a named faction), or
        None for a party on neither side.
    generic : bool
        True for a side-level phrase, False for a named faction.
    """

    name: str
    text: str
    start: int
    end: int
    side: str | None
    generic: bool


# --- generic phrases (written for folded text: lower case, hyphens as spaces, no "'s") --------

_NOUNS = (
    r"forces?|troops|soldiers?|fighters?|militants?|militiam[ae]n|militias?|units?|members?"
    r"|battalions?|brigades?|jihadists?|insurgents?|rebels?|reinforcements|gunmen|elements"
    r"|commanders?|operatives|men|loyalists"
)
_AIRCRAFT = (
    r"warplanes?|war planes?|fighter (?:jets?|planes?|airplanes?|aircraft|bombers?)"
    r"|helicopter gunships?|gunships?"
)
_GOV_THINGS = (
    rf"forces?|troops?|soldiers?|fighters?|militias?|militiam[ae]n|units?|army|tanks?"
    rf"|helicopters?|aircraft|{_AIRCRAFT}|jets?|checkpoints?|bombardments?|shelling"
    r"|air ?strikes?|artillery|offensive|counter ?offensive|counter ?attacks?|reinforcements"
    r"|positions?|blockade|bases?|convoys?|columns?|detention (?:facility|facilities|centers?)"
    r"|loyalists|gunmen|snipers?"
)
_FOREIGN = (
    r"turkish|iraqi|lebanese|jordanian|russian|us|u s|american|french|british|iranian"
    r"|qatari|saudi|libyan|israeli|german|egyptian"
)
_REPORTING = (
    r"reported|reports?|said|says|claimed|claims|announced|stated|denied|media|sources?"
    r"|officials?|spokes\w*|controlled|held|of|news|television|tv|statement"
)

def _split_top(pattern: str) -> list[str]:
    """Split *pattern* at its top-level ``|``."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _literal_first(pattern: str) -> list[str]:
    """*pattern* as alternatives that each start with a literal character.

    A leading group ``(?:a|b)`` or ``(?:a )?`` is spelled out, so the regex engine can
    skip an alternative after one character comparison instead of entering it.

    >>> _literal_first("(?:syrian |armed )?rebels?|insurgents")
    ['syrian rebels?', 'armed rebels?', 'rebels?', 'insurgents']
    """
    out: list[str] = []
    for alt in _split_top(pattern):
        if not alt.startswith("(?:"):
            out.append(alt)
            continue
        depth, i = 0, 0
        while True:
            c = alt[i]
            if c == "\\":
                i += 2
                continue
            depth += (c == "(") - (c == ")")
            if depth == 0:
                break
            i += 1
        inner, tail = alt[3:i], alt[i + 1:]
        optional = tail.startswith("?")
        tail = tail[1:] if optional else tail
        for head in _split_top(inner):
            out.extend(_literal_first(head + tail))
        if optional:
            out.extend(_literal_first(tail))
    return out


# (pattern, canonical name, side); at one position the first alternative that matches wins,
# so longer and more specific phrases come first; None as name blocks the phrase. A
# leading "the" is optional for all of them.
_GENERIC: list[tuple[str, str | None, str | None]] = [
    # phrases that name a source or a bystander, not a party
    (r"(?:pro )?(?:rebel|opposition|government|regime|military|army|security|state"
     r"|pro government|syrian) sources?", None, None),
    (r"pro opposition|opposition (?:activists?|spokes\w*|protests?|protesters|media|monitor"
     r"|figures?|politicians?|leaders?|national coalition|coalition|council|sources?)",
     None, None),
    (rf"(?:{_FOREIGN}) (?:government|army|military|forces|troops|soldiers|border|side"
     r"|authorities|officials?|journalists?|media)", None, None),
    (r"state media|state television|government officials?|government controlled"
     r"|government held|regime held|regime controlled", None, None),
    # opposition
    (r"(?:army |military |regime )?defectors|defect(?:ed|ing) (?:soldiers?|officers?|troops"
     r"|pilots?|army officers?)", REBELS, "opposition"),
    (r"(?:syrian |armed |islamist |moderate |other |local )?rebels?(?: (?:forces?"
     r"|fighters?|groups?|brigades?|battalions?|units?|factions?|militias?|commanders?"
     r"|leaders?|troops|coalition|alliance|side))?", REBELS, "opposition"),
    (r"opposition(?: (?:fighters?|forces|groups?|militants|brigades?|battalions?"
     r"|units?|rebels|control|hands|factions?|militias?))?", REBELS, "opposition"),
    (r"(?:islamist |foreign )?(?:insurgents?|militants|jihadists?|islamists|mujahideen)",
     REBELS, "opposition"),
    (r"armed (?:groups?|opposition|factions?|rebels?)|(?:islamic|islamist) (?:groups|factions"
     r"|brigades|battalions)", REBELS, "opposition"),
    # neither side
    (r"(?:unknown|unidentified) (?:gunmen|assailants|attackers|armed men|men)", UNIDENTIFIED,
     None),
    # government
    (rf"(?:syrian )?(?:pro )?(?:government|regime) (?:{_GOV_THINGS})",
     GOVERNMENT_FORCES, "government"),
    (rf"(?:pro government|loyalist|regular|security|special) (?:{_NOUNS}|army)",
     GOVERNMENT_FORCES, "government"),
    (rf"(?:president )?(?:bashar )?(?:al )?assad (?:{_NOUNS}|army|regime|troops)",
     GOVERNMENT_FORCES, "government"),
    (rf"(?:syrian |government |regime |russian )?(?:{_AIRCRAFT})", GOVERNMENT_FORCES,
     "government"),
    (rf"(?:government|regime)(?! (?:{_REPORTING}))", GOVERNMENT_FORCES, "government"),
    (r"army(?! of)(?: (?:troops|units?|soldiers?|forces|reinforcements|tanks?"
     r"|columns?|convoys?))?", GOVERNMENT_FORCES, "government"),
    (r"the military(?! (?:camp|base|airbase|air base|airport|checkpoints?|truck|equipment"
     r"|security|leader|council|operations?|hospital|academy|intelligence|police|court"
     r"|prison|college|school|facility|post|airfield|source))", GOVERNMENT_FORCES,
     "government"),
    (r"(?:government |regime |army |regular |syrian )?(?:troops|soldiers?)",
     GOVERNMENT_FORCES, "government"),
    (r"policem[ae]n|police officers?|security forces|police(?! (?:headquarters"
     r"|station|stations|building|chief))", GOVERNMENT_FORCES, "government"),
    # bare "fighters": in this corpus government fighters are always qualified
    (r"fighters", REBELS, "opposition"),
    (r"gunmen|armed men", UNIDENTIFIED, None),
    # "pro-government" before a faction name or another word is not a party by itself
    (r"pro (?:government|regime|assad)", None, None),
]
# Words before a faction's name that belong to it ("the jihadist Ahrar ash-Sham").
_FACTION_PREFIX = (
    r"(?:(?:jihadist|islamist|salafist|salafi|rebel|hardline|militant|elite"
    r"|pro government|opposition|syrian|al qaeda linked|al qaeda affiliated) )?"
)


def _space(pattern: str) -> str:
    """Let every space in a pattern match a run of spaces in folded text."""
    return pattern.replace(" ?", "\0").replace(" ", " +").replace("\0", " *")


class _Matcher:
    """The compiled expression and look-up tables for one faction table."""

    def __init__(self, factions: FactionTable) -> None:
        self.names: dict[str, str] = {}
        for f in factions.factions.values():
            for spelling in (f.name, *f.aliases):
                self.names.setdefault(fold_key(spelling), f.name)
                self.names.setdefault(name_key(spelling), f.name)  # keeps a possessive s
        for key, name in list(self.names.items()):
            for variant in article_variants(key):
                self.names.setdefault(variant, name)
        self.sides = {f.name: f.side for f in factions.factions.values()}
        self.states = {f.name for f in factions.factions.values() if f.kind == "state"}
        faction = (rf"(?P<fp>{_space(_FACTION_PREFIX)})(?P<f>{trie_regex(self.names)})"
                   rf"(?P<fn> +(?:{_NOUNS}))?")
        parts = [faction]
        self.generic: list[tuple[str | None, str | None]] = []
        for i, (pattern, name, side) in enumerate(_GENERIC):
            parts.extend(f"{_space(alt)}(?P<g{i}_{j}>)"
                         for j, alt in enumerate(_literal_first(pattern)))
            self.generic.append((name, side))
        self.regex = re.compile(r"(?<!\w)(?P<the>the +)?(?:" + "|".join(parts) + r")(?!\w)")


@lru_cache(maxsize=8)
def _matcher(factions: FactionTable) -> _Matcher:
    return _Matcher(factions)


def find_actors(sentence: str, factions: FactionTable | None = None) -> list[ActorMention]:
    """Every party *sentence* names, in order, without overlaps.

    Parameters
    ----------
    sentence : str
        One sentence of prose.
    factions : FactionTable, optional
        The named factions (default: the kit's ``factions.csv``).

    Returns
    -------
    list of ActorMention
        Named factions (any spelling in the table; a generic noun right after the name,
        ``NDF fighters``, belongs to it) and generic side-level phrases: :data:`REBELS`
        (rebels, rebel forces/fighters/groups, opposition fighters, insurgents, militants,
        jihadists, the opposition, defectors, armed groups, bare ``fighters``) and
        :data:`GOVERNMENT_FORCES` (the army, the military, troops, soldiers, regime or
        government forces, pro-government fighters, loyalist/regular/security forces,
        warplanes, the government as a party), and :data:`UNIDENTIFIED` (unknown gunmen,
        no side). A named faction inside a generic phrase
        wins. Phrases that cite a source (``rebel sources``, ``opposition activists``,
        ``state media``) or a foreign state (``the Turkish government``) are not parties.

    Examples
    --------
    >>> [(a.name, a.text) for a in find_actors(
    ...     "Four days later, the Tiger Forces and other army units entered Qameenas.")]
    [('Tiger Forces', 'Tiger Forces'), ('Government forces', 'army units')]
    >>> [a.name for a in find_actors("According to rebel sources, NDF fighters were killed.")]
    ['National Defense Forces']
    """
    matcher = _matcher(factions if factions is not None else default_factions())
    folded = fold(sentence)
    found: list[ActorMention] = []
    for m in matcher.regex.finditer(folded.text):
        group = m.lastgroup or ""
        start, end = folded.span(m.start(), m.end())
        if m.start("f") >= 0:
            name = matcher.names[re.sub(" +", " ", m.group("f"))]
            side = matcher.sides.get(name)
            start = folded.span(m.start("fp"), m.end())[0] if m.group("fp") else \
                folded.span(m.start("f"), m.end())[0]
            if name in matcher.states and m.group("fn") and side == "government":
                # "Syrian government troops": the state's armed forces, not the state
                found.append(ActorMention(GOVERNMENT_FORCES, sentence[start:end], start, end,
                                          side, True))
            else:
                found.append(ActorMention(name, sentence[start:end], start, end, side, False))
            continue
        if group.startswith("g"):
            generic, side = matcher.generic[int(group[1:].partition("_")[0])]
            if generic is not None:
                found.append(ActorMention(generic, sentence[start:end], start, end, side, True))
    return found


def actor_pair(mentions: Sequence[ActorMention]) -> tuple[str | None, str | None]:
    """ACLED's ``actor1`` and ``actor2`` from the parties of one sentence.

    The rule: the *acting side* is the side of the first-mentioned party (in English
    prose the grammatical subject usually comes first; a passive sentence is read the
    wrong way round). ``actor1`` is that side's first *named* faction, or its first
    generic actor when no faction of that side is named; ``actor2`` is chosen the same
    way from the other side, or None when only one side is named. Parties without a side
    (al-Qaeda named as an affiliation, unidentified gunmen) count only when no party with
    a side is named; then each of them is a side of its own.

    Examples
    --------
    >>> actor_pair(find_actors("Rebels from the al-Nusra Front attacked the army."))
    ('Al-Nusra Front', 'Government forces')
    >>> actor_pair(find_actors("The army shelled the town."))
    ('Government forces', None)
    >>> actor_pair(find_actors("Unknown gunmen killed a commander of an FSA battalion."))
    ('Free Syrian Army', None)
    >>> actor_pair([])
    (None, None)
    """
    sided = [m for m in mentions if m.side is not None]
    parties = sided or list(mentions)
    if not parties:
        return None, None

    def side_of(m: ActorMention) -> str:
        return m.side if m.side is not None else m.name

    def pick(side: str) -> str:
        members = [m for m in parties if side_of(m) == side]
        named = [m for m in members if not m.generic]
        return (named or members)[0].name

    first = side_of(parties[0])
    other = next((side_of(m) for m in parties if side_of(m) != first), None)
    return pick(first), (pick(other) if other is not None else None)
