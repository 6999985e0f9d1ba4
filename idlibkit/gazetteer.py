"""Places named in a sentence, from the curated gazetteer ``data/places.csv``.

:class:`Gazetteer` finds every gazetteer place a sentence names and, from the words around
them, the places the gazetteer does not know (``the village of X``, ``X checkpoint``,
``captured X``, ``near X`` ...). Matching works on a folded copy of the text (lower case,
no diacritics, no apostrophes, hyphens as spaces, possessive ``'s`` dropped, the Arabic
article in any of its spellings: ``al-``/``ash-``/``as-``/``el-``), so ``Khan Shaykhoun``,
``Al-Mastuma`` and ``Idlib's`` all hit their rows; offsets always point into the text as
written. All aliases go into one compiled, prefix-factored regular expression, so a
sentence is scanned once whatever the size of the gazetteer.

Examples
--------
>>> gaz = default_gazetteer()
>>> [(m.name, m.text, m.kind) for m in gaz.find("Rebels captured the village of Foo near Ariha.")]
[('Foo', 'Foo', 'village'), ('Ariha', 'Ariha', 'town')]
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import product
from pathlib import Path

from ._paths import data_dir
from .factions import FactionTable, default_factions, name_key

__all__ = [
    "KIND_RANK",
    "FoldedText",
    "Gazetteer",
    "Mention",
    "Place",
    "default_gazetteer",
    "fold",
    "fold_key",
    "main_location",
    "trie_regex",
]

# --- folding --------------------------------------------------------------------------------

_APOSTROPHE_CHARS = "'’‘`´ʼʻ"
_SEPARATOR_CHARS = "-‐‑–—_./"
# Characters that change length when folded (apostrophes, possessive 's) or are not ASCII.
_SPECIAL = re.compile(rf"[{_APOSTROPHE_CHARS}][sS](?!\w)|[{_APOSTROPHE_CHARS}]|[^\x00-\x7f]")
_SPACES = re.compile(r" +")


def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHE_CHARS:
        return ""
    if ch.isspace() or ch in _SEPARATOR_CHARS:
        return " "
    out = []
    for c in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(c) or c in _APOSTROPHE_CHARS:
            continue
        out.append(" " if c.isspace() or c in _SEPARATOR_CHARS else c.lower())
    return "".join(out)


class _FoldTable(dict):
    """``str.translate`` table: ASCII folded up front, other characters on first sight."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_char(chr(code))
        return value


_TABLE = _FoldTable({c: _fold_char(chr(c)) for c in range(128)})


@dataclass(frozen=True)
class FoldedText:
    """A folded copy of a text and the way back to the original offsets.

    Attributes
    ----------
    original : str
        The text as written.
    text : str
        The folded text (see :func:`fold`).
    """

    original: str
    text: str
    _starts: tuple[int, ...] | None = None
    _ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that folded ``text[start:end]`` comes from.

        >>> f = fold("Al-Fu'ah")
        >>> f.text, f.span(3, 7), f.original[slice(*f.span(3, 7))]
        ('al fuah', (3, 8), "Fu'ah")
        """
        if self._starts is None or self._ends is None:
            return start, end
        if end <= start:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]


def fold(text: str) -> FoldedText:
    """Fold *text* the way names are compared, keeping a map back to its offsets.

    The folding is :func:`idlibkit.factions.name_key` applied character by character
    (lower case, diacritics and apostrophes dropped, hyphens/dots/underscores as spaces)
    plus a dropped possessive ``'s``; runs of spaces are *not* collapsed, so ASCII text
    without apostrophes keeps its length and offsets.

    Examples
    --------
    >>> fold("Idlib's Ma'arrat al-Nu'man").text
    'idlib maarrat al numan'
    >>> fold("Cilvegözü").text
    'cilvegozu'
    """
    if not _SPECIAL.search(text):
        return FoldedText(text, text.translate(_TABLE))
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(text):
        if m.start() > pos:
            chunk = text[pos:m.start()]
            pieces.append(chunk.translate(_TABLE))
            starts.extend(range(pos, m.start()))
            ends.extend(range(pos + 1, m.start() + 1))
        token = m.group()
        out = "" if len(token) == 2 else _TABLE[ord(token)]
        pieces.append(out)
        starts.extend([m.start()] * len(out))
        ends.extend([m.end()] * len(out))
        pos = m.end()
    if pos < len(text):
        pieces.append(text[pos:].translate(_TABLE))
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return FoldedText(text, "".join(pieces), tuple(starts), tuple(ends))


def fold_key(name: str) -> str:
    """The key a name is stored and looked up under: :func:`fold`, spaces collapsed,
    no leading ``the``.

    >>> fold_key("The  Al-Mastouma's"), fold_key("Khan Shaykhoun")
    ('al mastouma', 'khan shaykhoun')
    """
    key = _SPACES.sub(" ", fold(name).text).strip()
    return key[4:] if key.startswith("the ") else key


# --- the Arabic article ---------------------------------------------------------------------

_SUN_PREFIXES = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")
_ARTICLES = frozenset(
    {"al", "el"} | {v + p for v in "ae" for p in _SUN_PREFIXES}
)


def _sun_prefix(word: str) -> str | None:
    return next((p for p in _SUN_PREFIXES if word.startswith(p)), None)


def _is_article(token: str, following: str) -> bool:
    if token in ("al", "el"):
        return True
    return token in _ARTICLES and following.startswith(token[1:])


def article_variants(key: str) -> list[str]:
    """Spellings of *key* with the Arabic article written another way.

    Inside a name every article gets ``al``/``el`` and, before a sun letter, its assimilated
    forms (``ash-Sham``, ``as-Salam``); a leading article gets only ``al``/``el``. The key
    itself is not in the list.

    >>> sorted(article_variants("ahrar al sham"))
    ['ahrar ash sham', 'ahrar el sham', 'ahrar esh sham']
    >>> article_variants("al mastouma")
    ['el mastouma']
    """
    tokens = key.split(" ")
    choices: list[list[str]] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt and _is_article(tok, nxt):
            options = ["al", "el"]
            prefix = _sun_prefix(nxt)
            if i > 0 and prefix:
                options += ["a" + prefix, "e" + prefix]
            choices.append(options)
        else:
            choices.append([tok])
    if sum(len(c) > 1 for c in choices) > 2:  # keep the expansion small
        return []
    variants = {" ".join(combo) for combo in product(*choices)}
    variants.discard(key)
    return sorted(variants)


def _strip_article(key: str) -> str | None:
    head, _, rest = key.partition(" ")
    return rest if rest and _is_article(head, rest) else None


# --- a prefix-factored regular expression -----------------------------------------------------


def trie_regex(keys: Iterable[str]) -> str:
    """A regular expression (without boundaries) matching any of *keys*, prefix-factored.

    Every key is a folded name with single spaces; a space in a key matches one or more
    spaces in the text. At one starting position the longest key wins when the pattern is
    followed by a boundary check, because every optional continuation is greedy.

    >>> trie_regex(["idlib", "idlib city", "ariha"])
    '(?:ariha|idlib(?: +city)?)'
    >>> bool(re.fullmatch(trie_regex(["tell kurin", "kurin"]), "tell  kurin"))
    True
    """
    root: dict = {}
    for key in keys:
        if not key:
            continue
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alternatives = []
        for ch in sorted(c for c in node if c):
            head = " +" if ch == " " else re.escape(ch)
            alternatives.append(head + emit(node[ch]))
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    pattern = emit(root)
    return pattern if pattern.startswith("(?:") else f"(?:{pattern})"


# --- records ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """One row of ``places.csv``."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    admin1: str | None
    lat: float | None
    lon: float | None
    precision_km: float | None
    provenance: str


@dataclass(frozen=True)
class Mention:
    """A place named in a sentence.

    Attributes
    ----------
    name : str
        The canonical gazetteer name, or the written form for a place the gazetteer does
        not know (without a leading ``the``).
    text : str
        The words as written, ``sentence[start:end]``.
    start, end : int
        Character offsets in the sentence.
    kind : str
        The gazetteer kind; for an unknown place the kind the text gives it
        (``the village of X`` -> ``village``, ``X checkpoint`` -> ``checkpoint``, a
        numbered highway -> ``road``) or ``unknown``.
    known : bool
        Whether the place is a gazetteer row.
    """

    name: str
    text: str
    start: int
    end: int
    kind: str
    known: bool


#: Specificity of place kinds, most specific first (see :func:`main_location`).
KIND_RANK: dict[str, int] = {
    "building": 0, "district": 0, "village": 0, "town": 0, "checkpoint": 0, "base": 0, "airbase": 0,
    "hill": 0, "crossing": 0, "city": 1, "unknown": 1, "mountain": 2, "region": 2, "road": 2,
    "governorate": 3,
    "country": 4,
}


def main_location(mentions: Sequence[Mention]) -> Mention | None:
    """The most specific place among *mentions*; among equally specific ones, the first.

    Specificity (:data:`KIND_RANK`): building, village, town, checkpoint, base, airbase,
    hill and crossing (known or not), then city and an unknown place whose kind the text
    does not say, then mountain, region and road, then governorate, then country; so a
    sentence that names a road and a town is located at the town. An unknown place
    has no coordinates, so a caller that needs a point may prefer the best *known* mention.

    Examples
    --------
    >>> gaz = default_gazetteer()
    >>> main_location(gaz.find("Clashes in Idlib province near Saraqib and Ariha.")).name
    'Saraqib'
    >>> main_location(gaz.find("Rebels cut the M-5 highway at Khan Shaykhun.")).name
    'Khan Shaykhun'
    >>> main_location([]) is None
    True
    """
    best: Mention | None = None
    best_rank = 99
    for m in mentions:
        rank = KIND_RANK.get(m.kind, 1)
        if rank < best_rank:
            best, best_rank = m, rank
    return best


# --- places the gazetteer does not know --------------------------------------------------------

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday"
_GENERIC = (
    "the a an this that these those its his her their our it he she they we i "
    "syrian syria's syrians army armed arab government governor regime rebel rebels opposition "
    "islamic islamist free state military air force forces national republican special "
    "security police intelligence observatory human rights president presidential col colonel "
    "capt captain gen general brig brigadier lt lieutenant major maj sgt sergeant sheikh mr "
    "dr prime minister minister ministry battle operation offensive front brigade brigades "
    "battalion battalions division unit units corps council committee committees movement "
    "coalition alliance jihadists jihadist turkish russian iranian iraqi lebanese american "
    "us u western eastern northern southern central north south east west northwest northeast "
    "southwest southeast shiite shia sunni alawite alawites kurdish kurds christian christians "
    "muslim muslims druze ramadan eid christmas sana sohr afp reuters bbc cnn time twitter "
    "facebook youtube al-jazeera jazeera al-masdar masdar according however also but and or "
    "on in at of for by with from between during after before since until while when where "
    "clashes fighting civilians soldiers troops prisoners detainees "
    "one two three four five six seven eight nine ten eleven twelve dozens hundreds "
    "several many some all both other others few each every most first second third last"
)
_STOP_WORDS = frozenset((_MONTHS + " " + _WEEKDAYS + " " + _GENERIC).split())
_STOP_NAMES = frozenset({"al jazeera", "al masdar", "al masdar news", "state media"})

_ART = r"(?:[Aa][ln]|[Ee]l|[Aa](?:sh|th|dh|[tdrzs])|[Ee](?:sh|[sz]))"
_HY = "[-‐‑]"
_TOKEN = rf"(?:{_ART}{_HY})?[A-Z][\w'’]*(?:{_HY}[A-Za-z][\w'’]*)*"
# A run of capitalised words: a possible place name (the article before it is added later).
_RUN = re.compile(
    rf"[A-Z][\w'’]*(?:{_HY}[A-Za-z][\w'’]*)*"
    rf"(?:(?:\s+(?:al|el|ash|as|an|ar|at|ad|az|bin|ibn|abu|bani|de))?\s+{_TOKEN}){{0,4}}"
)
_GAP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:[Tt]he\s+)?"
# "X and Y checkpoints": X is a checkpoint too.
_SHARED_CHECKPOINTS = re.compile(
    rf"(?:{_GAP}(?:{_ART}{_HY})?{_RUN.pattern})+\s+(?i:(?:military\s+|army\s+)?checkpoints)\b"
)
_ARTICLE_BEFORE = re.compile(rf"(?:^|(?<=[^\w'’-])){_ART}{_HY}$")
# What a name followed by a kind word is: "X checkpoint", "the Menagh military airbase", "the
# Zayzoun thermal power station" (a lower-case facility: the place is X).
_SUFFIX_AFTER = re.compile(
    r"\s+(?:(?:military|army|air)\s+)?(?P<chk>checkpoints?)\b"
    r"|\s+(?P<base>(?:military\s+|army\s+)?(?:airbase|air base|airport|airfield|base|camp"
    r"|barracks))\b"
    r"|\s+(?P<site>(?:thermal\s+|gas\s+|power\s+)*(?:power station|power plant|plant|station"
    r"|dam|silos|bridge))\b"
    r"|\s+(?P<bldg>mosque|hospital|school|prison|square|street|roundabout|market)\b"
    r"|\s+(?P<area>area|district|countryside|outskirts|region|front|sector)\b", re.IGNORECASE)
_SUFFIX_KIND = {"airbase": "airbase", "air base": "airbase", "airport": "airbase",
                "airfield": "airbase"}
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|as well as\s+|together with\s+)?(?:the\s+)?"
                       r"|\s+(?:and|as well as|together with)\s+(?:the\s+)?", re.IGNORECASE)
_TRIGGERS = frozenset({
    "captured", "seized", "took", "entered", "stormed", "overran", "overrun", "recaptured",
    "retook", "besieged", "liberated", "reached", "near", "in", "at", "towards", "toward",
    "around", "outside", "into", "between",
    # more verbs of attack and capture, and of movement
    "attacked", "attacking", "struck", "shelled", "bombed", "bombarded", "seizing", "taking",
    "taken", "retake", "retaking", "retaken", "recapture", "recapturing", "capture",
    "capturing", "storm", "storming", "entering", "besieging", "surrounded", "encircled",
    "reaching", "beyond", "across", "via", "against", "from", "for", "to",
})
_ATTACK_NOUNS = frozenset({
    "attack", "attacks", "assault", "assaults", "strike", "strikes", "raid", "raids",
    "offensive", "advance", "push", "march", "shelling", "bombardment", "siege", "grip",
    "hold", "pressure", "barrage", "airstrike", "airstrikes",
})
# Weak prepositions name a place only in some company: not "according to Rami Abdel
# Rahman", "loyal to X", "a statement from X".
_WEAK_TRIGGERS = {"from", "for", "to", "against"}
_NOT_PLACE_BEFORE = frozenset({
    "according", "loyal", "linked", "allied", "belonging", "affiliated", "spoke", "talked",
    "thanks", "due", "referred", "compared", "statement", "statements", "message",
    "interview", "told", "said", "quoting", "sources", "source", "official", "officials",
    "spokesman", "commander", "leader", "member", "members", "reporter", "correspondent",
    "journalist", "call", "calls", "appeal", "letter", "support", "responsibility", "credit",
    "blame", "blamed", "praise", "claim", "claims", "way", "order", "orders", "switched",
    "defected", "defecting", "went", "returned", "joined",
})
# The first word of a place's name after which a generic word still belongs to it:
# "Tall Sheikh Elyas", "Jabal al-Arbain", "Kafr Nabl".
_PLACE_PREFIXES = frozenset({
    "tal", "tall", "tell", "jabal", "jebel", "kafr", "kfar", "khirbat", "khirbet", "deir",
    "dayr", "ain", "ayn", "marj", "wadi", "bab", "beit", "bayt", "maarat", "maarrat", "qalaat",
    "qasr", "ras", "bir", "sheikh",
})
# "three villages, including X and Y", "towns such as X": X is of that kind.
_LIST_INTRO = ("including", "incl", "such as", "among them", "namely")
# "al-Lataminah, the village just south of Morek": the apposition gives the kind.
_APPOSITION = re.compile(r",\s+(?:the|a)\s+(?:small\s+|nearby\s+|neighbouring\s+|"
                         r"neighboring\s+)?(?P<k>village|town|city|hamlet)\b")
# A named facility: "the National Hospital", "Idlib Central Prison", "the Arab Cultural Centre".
_FACILITY = re.compile(
    rf"\b(?:{_ART}{_HY})?[A-Z][\w'’]*(?:\s+(?:{_ART}{_HY})?[A-Z][\w'’]*){{0,3}}\s+"
    r"(?:Hospital|Prison|School|Mosque|Stadium|Silos|Factory|University|Cultural Cent(?:er|re)|"
    r"Grain Silos|[Hh]eadquarters|[Bb]uilding|[Bb]ranch)\b"
)
# A place name that opens an organisation's name: "Syria Mubasher", "Idlib News Network",
# "the Aleppo Media Center".
_ORG_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,2}?\s+(?:News|Network|Media|Mubasher|TV|Television|Radio|Agency|"
    r"Observatory|Coordination|Coordinating|Committees?|Council|Revolutionaries|Falcons|"
    r"Martyrs|Press|Post|Times)\b"
)
# A town's name followed by a base word: the base named after it ("the Taftanaz base").
_SITE_AFTER = re.compile(r"\s+(?:military\s+|army\s+)?(?P<w>airbase|air base|airport|airfield"
                         r"|base|camp|barracks)\b", re.IGNORECASE)
_SITE_FORM = re.compile(r"(?P<town>.+?) (?:military |army )?(?P<w>airbase|air base|airport"
                        r"|airfield|base|camp|barracks)")
_BASE_WORDS = frozenset({"military", "army", "air", "airbase", "airport", "airfield", "base",
                         "camp", "barracks"})
_SITE_KIND = {"airbase": "airbase", "air base": "airbase", "airport": "airbase",
              "airfield": "airbase", "base": "base", "camp": "base", "barracks": "base"}
# Words _GENERIC stops at that can still open a facility's name ("the National Hospital").
_FACILITY_QUALIFIERS = frozenset({"national", "military", "central", "state", "general", "old",
                                  "islamic", "free", "arab", "syrian", "air", "force"})
_KIND_WORDS = {
    "village": "village", "villages": "village", "hamlet": "village", "hamlets": "village",
    "town": "town", "towns": "town", "city": "city", "cities": "city", "hill": "hill",
    "neighbourhood": "district", "neighbourhoods": "district", "neighborhood": "district",
    "neighborhoods": "district", "district": "district", "districts": "district",
    "quarter": "district", "quarters": "district",
    "hills": "hill", "hilltop": "hill", "hilltops": "hill",
}
_WORD = re.compile(r"\S+")
# Numbered Syrian highways the gazetteer does not know: "the M4 highway", "the M-4". A
# gazetteer row (the M-5 highway) is matched first and wins.
_ROAD = re.compile(
    r"(?:(?<=\b[Tt]he )M-?\d{1,2}\b|\bM(?:-|\s)?\d{1,2}(?=\s+(?i:highway|motorway|road)\b))"
    r"(?:\s+(?i:highway|motorway|road)\b)?"
)
_POSSESSIVE = re.compile(r"['’]s$")
_NUMBERS = re.compile(r"\d+")
# Look-up forms: "the (northern) province of X", "X countryside", "X city" ...
_OF_FORM = re.compile(
    r"(?:\w+ )?(?P<word>province|governorate|countryside|city|town|village) of "
    r"(?:the )?(?P<name>.+)"
)
_SUFFIX_FORM = re.compile(r"(?P<name>.+) (?P<word>countryside|province|governorate|region|city"
                          r"|town|village)")

# "Idlib" followed or preceded by these words is the governorate, not the city.
_GOV_AFTER = re.compile(r" +(?:countryside|province|governorate|region)(?!\w)")
_GOV_BEFORE = re.compile(r"(?:province|governorate) +of +(?:the +)?$")


def _context_kind(sentence: str, start: int) -> str | None:
    """The kind the words before *start* give a place (``the village of`` -> village,
    ``captured``/``near``/``in`` ... -> unknown), or None when they do not name a place."""
    if start == 0 or not sentence[start - 1].isspace():
        return None
    words = sentence[max(0, start - 40):start].lower().split()
    i = len(words)
    if i and words[i - 1] == "the":
        i -= 1
    if i >= 2 and words[i - 1] == "of" and words[i - 2] in _KIND_WORDS:
        return _KIND_WORDS[words[i - 2]]
    if i and words[i - 1] in _TRIGGERS:
        if words[i - 1] in _WEAK_TRIGGERS and i >= 2 and (
                words[i - 2].strip(",;:") in _NOT_PLACE_BEFORE):
            return None
        return "unknown"
    if i >= 2 and (
            (words[i - 1] == "back" and words[i - 2] in ("win", "won", "winning", "took",
                                                         "take", "taking", "pushed"))
            or (words[i - 1] == "of" and words[i - 2] in ("out", "outskirts", "edge", "east",
                                                          "west", "north", "south"))
            or (words[i - 1] == "on" and words[i - 2].strip(",") in _ATTACK_NOUNS)):
        return "unknown"  # "win back X", "pulled out of X", "an air strike on X"
    for intro in _LIST_INTRO:
        n = intro.count(" ") + 1
        if i > n and " ".join(words[i - n:i]).rstrip(",:") == intro:
            kind_word = words[i - n - 1].rstrip(",:")
            if kind_word in _KIND_WORDS:
                return _KIND_WORDS[kind_word]
    return None


# --- the gazetteer -------------------------------------------------------------------------------


def _float(value: str | None) -> float | None:
    value = (value or "").strip()
    return float(value) if value else None


class Gazetteer:
    """Look-ups and sentence tagging over a place table.

    Parameters
    ----------
    places : iterable of Place
        The rows; an alias that two rows share belongs to the first.
    factions : FactionTable, optional
        Names that are actors, not places (default: the kit's ``factions.csv``). A faction
        name is never a place, and a place name inside a faction name (``Idlib`` in
        ``Idlib Military Council``) is not tagged.

    Examples
    --------
    >>> gaz = default_gazetteer()
    >>> gaz.lookup("al-Mastuma").name, gaz.lookup("the province of Idlib").name
    ('Mastouma', 'Idlib Governorate')
    >>> [(m.name, m.text) for m in gaz.find("They shelled Khan Shaykhoun and Idlib province.")]
    [('Khan Shaykhun', 'Khan Shaykhoun'), ('Idlib Governorate', 'Idlib province')]
    """

    def __init__(self, places: Iterable[Place], factions: FactionTable | None = None) -> None:
        rows = list(places)
        self._found: dict[str, tuple[Mention, ...]] = {}
        self.places: dict[str, Place] = {p.name: p for p in rows}
        self._factions = factions
        self._by_key: dict[str, str] = {}
        for p in rows:  # exact spellings first, so they beat any variant of another row
            for spelling in (p.name, *p.aliases):
                self._by_key.setdefault(fold_key(spelling), p.name)
                self._by_key.setdefault(name_key(spelling), p.name)  # keeps a possessive s
        exact = dict(self._by_key)
        self._loose: dict[str, str] = {}  # article-stripped spellings: look-ups only
        for key, name in exact.items():
            for variant in article_variants(key):
                self._by_key.setdefault(variant, name)
            stripped = _strip_article(key)
            if stripped and stripped not in exact:
                target = self._by_key if len(stripped) >= 6 else self._loose
                target.setdefault(stripped, name)
        # The city that gives a governorate its name ("Idlib" -> "Idlib Governorate").
        self._governorate_of: dict[str, str] = {}
        for g in rows:
            if g.kind != "governorate" or not g.admin1:
                continue
            city = self.places.get(self._by_key.get(fold_key(g.admin1), ""))
            if city is not None and city.kind == "city":
                self._governorate_of[city.name] = g.name
        self._keys = sorted(self._by_key)
        # Rows spelled with a final apostrophe (A'in Qrei'): the mention keeps it.
        self._final_apostrophe = {p.name for p in rows for spelling in (p.name, *p.aliases)
                                  if spelling[-1:] in _APOSTROPHE_CHARS}
        self._regex: re.Pattern[str] | None = None
        self._match_keys: dict[str, str] = {}
        self._sites: dict[tuple[str, str], str] | None = None
        self._faction_keys: dict[str, str] = {}

    @classmethod
    def from_csv(cls, path: str | Path, factions: FactionTable | None = None) -> Gazetteer:
        """Read a table with the columns of ``data/places.csv``.

        >>> gaz = Gazetteer.from_csv(data_dir() / "places.csv")
        >>> gaz.places["Khan Shaykhun"].kind
        'city'
        """
        with open(path, encoding="utf-8", newline="") as fh:
            rows = [
                Place(
                    name=r["name"].strip(),
                    aliases=tuple(a.strip() for a in (r.get("aliases") or "").split(";")
                                  if a.strip()),
                    kind=(r.get("kind") or "").strip(),
                    admin1=(r.get("admin1") or "").strip() or None,
                    lat=_float(r.get("lat")),
                    lon=_float(r.get("lon")),
                    precision_km=_float(r.get("precision_km")),
                    provenance=(r.get("provenance") or "").strip(),
                )
                for r in csv.DictReader(fh)
                if (r.get("name") or "").strip()
            ]
        return cls(rows, factions)

    @property
    def factions(self) -> FactionTable:
        """The faction table whose names are not places."""
        if self._factions is None:
            self._factions = default_factions()
        return self._factions

    # -- look-up --------------------------------------------------------------------------------

    def lookup(self, name: str) -> Place | None:
        """The row for *name* as written anywhere (exact up to folding, then fuzzy), or None.

        ``the province of Idlib``, ``Idlib countryside`` -> the governorate; ``Idlib``,
        ``Idlib city``, ``the city of Idlib`` -> the city.

        >>> gaz = default_gazetteer()
        >>> [gaz.lookup(n).name for n in ("Khan Sheikhoun", "MASTUMAH", "Idlib city", "Fu'a")]
        ['Khan Shaykhun', 'Mastouma', 'Idlib', "Al-Fu'ah"]
        >>> gaz.lookup("Atlantis") is None, gaz.lookup("M4 highway") is None
        (True, True)
        >>> gaz.lookup("the Taftanaz base").name  # a base named after its town
        'Taftanaz military airport'
        """
        key = fold_key(name)
        if not key:
            return None
        hit = self._by_key.get(key) or self._loose.get(key)
        if hit is None:
            m = _OF_FORM.fullmatch(key) or _SUFFIX_FORM.fullmatch(key)
            if m:
                word, inner = m.group("word"), self.lookup(m.group("name"))
                if inner is None or word in ("city", "town", "village"):
                    return inner
                if inner.kind == "governorate":
                    return inner
                governorate = self._governorate_of.get(inner.name)
                if governorate:
                    return self.places[governorate]
                return inner if word == "region" else None
            stripped = _strip_article(key)
            if stripped:
                hit = self._by_key.get(stripped) or self._loose.get(stripped)
            elif (aled := self._by_key.get("al " + key)) is not None:
                hit = aled
        if hit is None and (site := _SITE_FORM.fullmatch(key)):
            town = self.lookup(site["town"])  # "Taftanaz base" -> the Taftanaz airbase
            if town is not None:
                hit = self._site_of().get((town.name, _SITE_KIND[site["w"]]))
        if hit is None and len(key) >= 8:
            from rapidfuzz import fuzz, process

            best = process.extractOne(key, self._keys, scorer=fuzz.ratio,
                                      score_cutoff=90.0)
            # numbers are identifiers: "M4 highway" is not a misspelt "M5 highway"
            if best and best[0][:1] == key[:1] and _NUMBERS.findall(best[0]) == \
                    _NUMBERS.findall(key):
                hit = self._by_key[best[0]]
        return self.places.get(hit) if hit else None

    def canonical(self, name: str) -> str:
        """The canonical name of *name*, or *name* itself when it is not in the table.

        >>> default_gazetteer().canonical("Maaret al-Numan")
        "Maarrat al-Nu'man"
        """
        place = self.lookup(name)
        return place.name if place else name

    # -- tagging ----------------------------------------------------------------------------------

    def _compiled(self) -> re.Pattern[str]:
        if self._regex is None:
            for f in self.factions.factions.values():
                for spelling in (f.name, *f.aliases):
                    self._faction_keys.setdefault(fold_key(spelling), f.name)
                    self._faction_keys.setdefault(name_key(spelling), f.name)
            for key, name in list(self._faction_keys.items()):
                for variant in article_variants(key):
                    self._faction_keys.setdefault(variant, name)
            faction_re = trie_regex(self._faction_keys)
            # "al-Mastouma military base": a leading article the row's spelling lacks.
            self._match_keys = dict(self._by_key)
            for key, name in self._by_key.items():
                if key.split(" ", 1)[0] not in ("al", "el") and key[:1].isalpha():
                    for article in ("al ", "el "):
                        self._match_keys.setdefault(article + key, name)
            place_re = trie_regex(self._match_keys)
            self._regex = re.compile(rf"(?<!\w)(?:(?P<f>{faction_re})|(?P<p>{place_re}))(?!\w)")
        return self._regex

    def _site_of(self) -> dict[tuple[str, str], str]:
        """(town, base kind) -> the base or airbase row named after that town."""
        if self._sites is None:
            towns = {p.name for p in self.places.values() if p.kind in ("town", "city", "village")}
            self._sites = {}
            for p in self.places.values():
                if p.kind in ("base", "airbase"):
                    town = next((t for t in towns if p.name.startswith(t + " ")), None)
                    rest = p.name[len(town) + 1:].lower().split() if town else ["?"]
                    if all(w in _BASE_WORDS for w in rest):
                        self._sites.setdefault((town, p.kind), p.name)
                        # an airbase is a base too: "the Taftanaz base"
                        self._sites.setdefault((town, "base"), p.name)
        return self._sites

    def _is_actor_name(self, name: str) -> bool:
        key = fold_key(name)
        return key in self._faction_keys or self.factions.is_known(name)

    def find(self, sentence: str) -> list[Mention]:
        """Every place *sentence* names, in order; longest match, no overlaps.

        Results are memoised per sentence (the timeline, the geocoder and the control
        table each look at the same sentences); mentions are immutable, so sharing them
        is safe.

        Gazetteer places are matched on the folded text (also with a leading article the
        row lacks; ``the Taftanaz base`` is the base named after the town; a place's name
        opening an organisation's, ``Syria Mubasher``, is no place). Places the gazetteer
        does not know are taken from context: ``the village/town/city/hills/neighbourhoods
        of X`` (and lists ``X, Y and Z``), ``villages, including X``, ``X, the village``,
        ``captured/seized/took/entered/stormed/attacked X``, ``pulled out of X``, ``an air
        strike on X``, ``near/in/at/towards/between/from/for/to X`` (not ``according to
        X``), a kind word after the name (``X checkpoint``, ``the X military airbase``,
        ``the X power station``, ``the X mosque``, ``the X area``), named facilities
        (``the National Hospital``), where X is a capitalised name (with particles such as
        ``al-``) that is not a faction, month, weekday or generic word; a misspelling of a
        row's name (``Maarat al-Nuaman``) is that row. Numbered highways that are not rows
        (``the M4 highway``) have kind ``road``.

        Examples
        --------
        >>> gaz = default_gazetteer()
        >>> [(m.name, m.kind, m.known) for m in gaz.find(
        ...     "In March the army entered the town of Kafr Zita and the Foo checkpoint.")]
        [('Kafr Zita', 'town', False), ('Foo checkpoint', 'checkpoint', False)]
        >>> [(m.name, m.text, m.known) for m in gaz.find("They cut the M5 and the M4 highway.")]
        [('M-5 highway', 'M5', True), ('M4 highway', 'M4 highway', False)]
        >>> [m.name for m in gaz.find("Idlib city, the province of Idlib and Idlib countryside")]
        ['Idlib', 'Idlib Governorate', 'Idlib Governorate']
        """
        cached = self._found.get(sentence)
        if cached is None:
            if len(self._found) >= 50_000:  # bound the memo on research-size corpora
                self._found.clear()
            cached = self._found[sentence] = tuple(self._find(sentence))
        return list(cached)

    def _find(self, sentence: str) -> list[Mention]:
        folded = fold(sentence)
        text = folded.text
        mentions: list[Mention] = []
        blocked: list[tuple[int, int]] = []  # faction names: never places
        for m in self._compiled().finditer(text):
            start, end = folded.span(m.start(), m.end())
            if m.lastgroup == "f":
                blocked.append((start, end))
                continue
            key = _SPACES.sub(" ", m.group())
            written = sentence[start:end]
            if (sum(not t.isdigit() for t in key.split(" ")) <= 1
                    and not any(c.isupper() for c in written)):
                continue  # a lower-case common word (or "m 5") that spells a short alias
            if _ORG_AFTER.match(sentence, end):
                blocked.append((start, end))
                continue  # "Syria Mubasher", "the Idlib News Network": a name, not a place
            name = self._match_keys[key]
            if (site := _SITE_AFTER.match(sentence, end)) and (
                    base := self._site_of().get((name, _SITE_KIND[site["w"].lower()]))):
                # "the Taftanaz base": the airbase named after the town
                name, end = base, site.end()
                written = sentence[start:end]
            if (name in self._final_apostrophe and sentence[end:end + 1] in _APOSTROPHE_CHARS
                    and end < len(sentence) and not sentence[end + 1:end + 2].isalnum()):
                end += 1
                written = sentence[start:end]
            governorate = self._governorate_of.get(name)
            if governorate and not key.endswith(" city") and (
                _GOV_AFTER.match(text, m.end())
                or _GOV_BEFORE.search(text, max(0, m.start() - 40), m.start())
            ):
                name = governorate
            mentions.append(Mention(name, written, start, end, self.places[name].kind, True))
        taken = [(mt.start, mt.end) for mt in mentions] + blocked
        for m in _ROAD.finditer(sentence):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                written = " ".join(m.group().split())
                mentions.append(Mention(written, m.group(), m.start(), m.end(), "road", False))
                taken.append(m.span())
        for m in _FACILITY.finditer(sentence):
            name = " ".join(m.group().split())
            first = name.split(" ", 1)[0]
            if any(s < m.end() and m.start() < e for s, e in taken) or \
                    name_key(first) in _STOP_WORDS - _FACILITY_QUALIFIERS or \
                    self._is_actor_name(name):
                continue
            mentions.append(Mention(name, m.group(), m.start(), m.end(), "building", False))
            taken.append(m.span())
        mentions.extend(self._unknown(sentence, taken))
        mentions.sort(key=lambda mt: mt.start)
        return mentions

    def _unknown(self, sentence: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """Places the gazetteer does not know, from the words around capitalised runs."""
        found: list[Mention] = []
        prev_end, prev_kind = -1, None  # the last place-like run, for lists "X, Y and Z"
        for m in _RUN.finditer(sentence):
            start, end = m.span()
            if start and (sentence[start - 1].isalnum() or sentence[start - 1] in "'’"):
                continue  # a capital inside a word
            art = _ARTICLE_BEFORE.search(sentence, max(0, start - 5), start)
            if art is not None:
                start = art.start()
            elif start and sentence[start - 1] in "-‐‑":
                continue
            kind = _context_kind(sentence, start)
            if (kind is None and prev_kind is not None and prev_end >= 0
                    and _LIST_GAP.fullmatch(sentence, prev_end, start)):
                kind = prev_kind
            prev_end, prev_kind = end, kind
            if any(s < end and start < e for s, e in taken):
                continue
            chk = _SUFFIX_AFTER.match(sentence, end)
            if chk is None and kind in (None, "unknown") and \
                    _SHARED_CHECKPOINTS.match(sentence, end):
                kind = "checkpoint"
            if kind is None and chk is None and (ap := _APPOSITION.match(sentence, end)):
                kind = _KIND_WORDS[ap["k"]]
            if kind is None and chk is None:
                continue
            mention = self._candidate(sentence, start, end, chk, kind, taken)
            if mention is not None:
                found.append(mention)
                taken.append((mention.start, mention.end))
        return found

    def _candidate(self, sentence: str, start: int, end: int, suffix: re.Match[str] | None,
                   kind: str | None, taken: list[tuple[int, int]]) -> Mention | None:
        """Trim a capitalised run to the place name in it, or reject it."""
        keep_end = start
        previous = ""
        for w in _WORD.finditer(sentence, start, end):
            bare = _POSSESSIVE.sub("", w.group())
            if (bare.lower() in _STOP_WORDS or name_key(bare) in _STOP_WORDS) and not (
                    name_key(previous).rsplit(" ", 1)[-1] in _PLACE_PREFIXES and bare[:1].isupper()
                    and w.end() < end):
                break
            keep_end = w.start() + len(bare)
            previous = bare
            if len(bare) != len(w.group()):
                break  # "X's ..." ends the name
        if keep_end <= start:
            return None
        name = " ".join(sentence[start:keep_end].split())
        canonical = name
        if keep_end == end and suffix is not None:
            end = suffix.end()
            if suffix["chk"]:
                kind, canonical = "checkpoint", name + " checkpoint"
            elif suffix["base"]:
                written = " ".join(suffix["base"].split())
                kind = _SUFFIX_KIND.get(written.lower().split(" ", 1)[-1]
                                        if written.lower().startswith(("military", "army"))
                                        else written.lower(), "base")
                canonical = f"{name} {written}"
            elif suffix["site"]:  # "the Zayzoun power station": the place is Zayzoun
                kind = "building"
            elif suffix["bldg"]:  # "the Bilal mosque", "Hanano square"
                kind, canonical = "building", f"{name} {suffix['bldg'].lower()}"
            else:  # "the Qarqur area": the place is Qarqur
                kind = kind or "unknown"
        elif kind is None:
            return None  # the name was cut short: the kind word no longer follows it
        else:
            end = keep_end
        if (len(name) < 3 or fold_key(name) in _STOP_NAMES or self._is_actor_name(name)
                or self.lookup_exact(name) is not None):
            return None
        if any(s < end and start < e for s, e in taken):
            return None
        if canonical == name and len(name) >= 8 and (known := self.lookup(name)) is not None:
            # "Maarat al-Nuaman": a spelling the table lacks, of a place it has
            return Mention(known.name, sentence[start:end], start, end, known.kind, True)
        if kind == "checkpoint" and canonical == name:  # "the Foo and al-Bar checkpoints"
            canonical = name + " checkpoint"
        return Mention(canonical, sentence[start:end], start, end, kind, False)

    def lookup_exact(self, name: str) -> Place | None:
        """The row whose name or alias is *name* up to folding (no fuzzy matching).

        >>> default_gazetteer().lookup_exact("Khan Sheikhoun").name
        'Khan Shaykhun'
        """
        hit = self._by_key.get(fold_key(name))
        return self.places.get(hit) if hit else None


@cache
def default_gazetteer() -> Gazetteer:
    """The kit's curated gazetteer, ``data/places.csv`` (read once).

    >>> default_gazetteer() is default_gazetteer()
    True
    """
    path = data_dir() / "places.csv"
    return Gazetteer.from_csv(path) if path.exists() else Gazetteer([])
