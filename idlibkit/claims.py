"""Who a sentence attributes its report to: the ``claim_source`` column of the timeline.

One sentence in, one label out, from the vocabulary of ``tests/gold/README.md``:

==========================  ===============================================================
label                       written as
==========================  ===============================================================
``SOHR``                    SOHR, S.O.H.R., (the) Syrian Observatory (for Human Rights),
                            the observatory, "a/the monitor(ing group)", Rami Abdel Rahman,
                            Abdel Rahman
``Al-Masdar``               Al-Masdar (News)
``Al Jazeera``              Al Jazeera, Al-Jazeera
``Reuters``                 Reuters
``AFP``                     AFP, Agence France-Presse
``TIME``                    TIME (journalist), Time Magazine
``BBC``                     BBC (reporter)
``The Economist``           The Economist
``state media``             SANA, state media / TV / television / news agency, the Syrian
                            media
``Turkish government``      the Turkish government / officials / authorities
``journalists``             a journalist, Turkish journalists, a reporter, the article
``pro-government sources``  pro-government / pro-regime sources, sites, outlets; Iranian
                            state media, Fars, Press TV, Al-Manar, Hezbollah
``opposition sources``      opposition sources / spokesman / officials / news site /
                            network / agency, anything pro-opposition or pro-rebel
``activists``               an (opposition) activist, (local) activists, a (local)
                            coordination committee
``rebel sources``           rebels, rebel commanders / leader / videos, FSA, Free Syrian
                            Army, al-Nusra Front, Ahrar al-Sham, Islamic Front, the coalition,
                            head of a rebel Military Council, a named Brigade / Battalion /
                            Legion / Liwa / Jaysh
``military source``         a military source, the (Syrian) army / military announced or
                            claimed (the gold files code the army's own claims so)
``government``              the government, the regime, officials, the police chief
==========================  ===============================================================

A name counts only where the sentence *attributes* the report to it. The attribution frames:

- ``according to X`` (X runs to the next comma; an appositive such as ``, head of ...``
  is kept with it);
- ``X reported / said / claimed / stated / announced / confirmed / acknowledged / denied /
  placed (the death toll) / put (losses at) / raised (its toll) / witnessed / showed /
  counted / filmed / found / published / hailed / quoted / accused ...`` where X is the phrase
  before the verb, back to the previous comma, colon, quote or ``that``, or the appositive
  before it (``Al-Masdar, a pro-government site, said``). Passives (``it was reported``,
  ``were claimed killed``), relative clauses (``who is in contact with rebels``) and
  counter-claims (``although`` / ``but`` / ``while pro-government outlets said``) are not
  attributions; the relay
  of a quoted source is not the speaker (``a military source quoted by state television``);
- a quotation closed by ``..., said X`` / ``..., told X``;
- a relay: ``told X``, ``said to X``, ``working for X`` (news outlets only).

When several frames name sources, the one that starts first governs the sentence (``According
to the SOHR, ..., while Al-Masdar placed the death toll at ...`` is ``SOHR``). A frame whose
speaker is not in the vocabulary (``Witnesses said``, ``it was reported``) yields to a later
one (``The front's Twitter account said ..., the Reuters report said`` is ``Reuters``).

A sentence can only carry on the previous one's attribution through its words, so the caller
passes the previous sentence's label as ``previous``: it is used when the speaker is a pronoun
or the same speaker again (``He said ...``, ``They also claimed ...``, ``The same site said``,
``The agency said``, ``A day later it raised its estimate ... and said``) and for a quotation
that has no attribution of its own.
"""

from __future__ import annotations

import re
from itertools import pairwise

__all__ = ["SOURCES", "claim_source"]

_I = re.IGNORECASE

#: The vocabulary, most specific first: the first label whose pattern occurs in the
#: speaker phrase wins (``the opposition activist group Syrian Observatory`` is ``SOHR``).
SOURCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("SOHR", re.compile(
        r"\bS\.\s?O\.\s?H\.\s?R\b|\bSOHR\b|\bSyrian Observatory\b|\bObservatory for Human Rights\b"
        r"|\b(?:a|the) monitor(?:ing group)?\b|\bthe observatory\b|\bAbdel[- ]Rahman\b"
        r"|\bAbdulrahman\b", _I)),
    ("Al-Masdar", re.compile(r"\bal[- ]?masdar\b", _I)),
    ("Al Jazeera", re.compile(r"\bal[- ]?jazeera\b", _I)),
    ("Reuters", re.compile(r"\breuters\b", _I)),
    ("AFP", re.compile(r"\bAFP\b|\bAgence France[- ]Presse\b")),
    ("TIME", re.compile(r"\bTIME\b|\bTime [Mm]agazine\b")),
    ("BBC", re.compile(r"\bBBC\b")),
    ("The Economist", re.compile(r"\bEconomist\b")),
    ("pro-government sources", re.compile(
        r"\bIranian (?:state )?(?:media|TV|television|news agency|agency)\b|\bFars\b"
        r"|\bPress TV\b|\bAl[- ]Manar\b|\bHezbollah\b|\bpro-(?:government|regime|Assad)\b"
        r"|\bloyalist (?:sources?|media)\b", _I)),
    ("state media", re.compile(
        r"\bSANA\b|\bstate[- ](?:media|TV|television|news agency|run)\b"
        r"|\bSyrian (?:media|TV|television|news agency)\b|\bofficial (?:media|news agency)\b"
        r"|\bstate-(?:owned|controlled)\b", _I)),
    ("Turkish government", re.compile(
        r"\bTurkish (?:government|officials?|authorities|foreign ministry|prime minister)\b", _I)),
    ("journalists", re.compile(
        r"\bjournalists?\b|\breporters?\b|\bcorrespondents?\b|\bthe article\b", _I)),
    ("opposition sources", re.compile(
        r"\bpro-(?:opposition|rebel)\b|\bopposition (?:sources?|spokes(?:man|woman|person)"
        r"|officials?|leaders?|figures?|media|coalition|tall(?:y|ies)|counts?|estimates?"
        r"|(?:news )?(?:site|website|channel|outlet|agency|network|group|TV))\b"
        r"|\bSyrian National (?:Council|Coalition)\b",
        _I)),
    ("activists", re.compile(r"\bactivists?\b|\bcoordinati(?:on|ng) committees?\b"
                             r"|\bLCCs?\b", _I)),
    ("rebel sources", re.compile(
        r"\brebel(?:s|'s|s'|’s)?\b|\bFSA\b|\bFree Syrian Army\b|\bNusra\b|\bAhrar\b"
        r"|\bIslamic Front\b|\bArmy of Conquest\b|\bjihadists?\b|\binsurgents?\b"
        r"|\bthe coalition\b|\b(?:Brigade|Brigades|Battalion|Legion|Liwa|Katiba|Jund|Jaysh"
        r"|Jaish|Harakat)\b", _I)),
    ("military source", re.compile(
        r"\b(?:military|army|security) (?:sources?|officials?|spokes(?:man|woman|person)"
        r"|commanders?|command)\b|(?<!Free )(?<!Fattah )\b(?:army|military)\b(?! of conquest)"
        r"|\barmed forces\b", _I)),
    ("government", re.compile(
        r"\bgovernment\b|\bregime\b|\bofficials?\b|\bministry\b|\bauthorities\b"
        r"|\bpolice (?:chief|spokes(?:man|woman|person)|officials?)\b", _I)),
)

#: Labels a relay frame (``told X``, ``working for X``) may give: the outlets.
_OUTLETS = frozenset({
    "SOHR", "Al-Masdar", "Al Jazeera", "Reuters", "AFP", "TIME", "BBC", "The Economist",
    "state media", "journalists",
})

_VERB = re.compile(
    r"\b(?:reported|reports|report(?=\s+that\b)|said|says|say|told|tells|claimed|claims"
    r"|claim(?=\s+(?:that|to)\b)|stated|states|state(?=\s+that\b)|announced|announces"
    r"|confirmed|confirms|denied|denies|acknowledged|admitted|conceded|accused"
    r"|placed(?=\s+(?:\w+\s+){0,2}(?:toll|losses|casualties|figure|number|death)\b)"
    r"|(?:raised|lowered|revised|updated)(?=\s+(?:its|their|the)\s+(?:\w+\s+)?(?:toll|estimate"
    r"|figure|count))|found"
    r"|put(?=\s+(?:\w+\s+){0,2}(?:toll|losses|casualties|figure|number|death)\b)"
    r"|witnessed|described|indicated|added|insisted|noted|wrote|tweeted|estimated"
    r"|showed|showing|counted|recorded|documented|filmed|published|hailed|quoted)\b",
    _I,
)
_ACCORDING = re.compile(r"\baccording to\s+", _I)
_INVERTED = re.compile(r"[,\"”]\s*(?:said|says|told|added|reported)\s+", _I)
_RELAY = re.compile(
    r"\b(?:told|telling|said to|speaking to|working for|writing for|reporting for"
    r"|in an interview with)\s+",
    _I,
)
_BOUNDARY = re.compile(r"[,;:\"“”()]|\bthat\b", _I)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)(?:\s+(?:\w+ly|later|also|then"
                      r"|first|initially|further|still|now|since))?\s*$", _I)
_RELATIVE = re.compile(r"^(?:who|which|whom|whose|where)\b", _I)
# A counter-claim ("..., although pro-government outlets said ...") does not source the
# sentence's main claim.
_CONCESSIVE = re.compile(r"^(?:although|though|even though|but|while|whereas)\b", _I)
_CONJUNCTION = re.compile(r"^(?:and|but|then|and then)?(?:\s*\b(?:also|had|has|have|later|then"
                          r"|previously|earlier))*$", _I)
# A pronoun subject at the start of a clause: "A day later it raised ... and said".
_PRONOUN_SUBJECT = re.compile(r"^(?:[\w-]+\s+){0,3}?(?:he|she|it|they)\s+\w", _I)
# The relay of a quoted source is not the speaker: "a military source quoted by state TV".
_RELAYED = re.compile(r"\s+(?:quoted|cited) by\b.*$|,?\s+citing\b.*$", _I)
_PRONOUN = re.compile(
    r"^(?:and\s+)?(?:(?:a|one|two|\w+)\s+(?:day|days|week|hours?)\s+later\s+)?"
    r"(?:he|she|it|they|the same (?:group|sources?|monitor|organi[sz]ation|site"
    r"|agency|outlet|channel|network|paper|daily|report)|the (?:group|agency|site|outlet"
    r"|channel|network|paper|daily))"
    r"(?:\s+(?:also|later|further|then))?$",
    _I,
)
_APPOSITIVE = re.compile(
    r"\s*(?:the\s+|a\s+|an\s+)?(?:head|leader|commander|chief|director|spokes\w+|member"
    r"|founder|deputy)\b[^,;]*",
    _I,
)
_QUOTE_START = re.compile(r"^\s*[\"“]")
_SPAN_MAX = 120


def _label(speaker: str, outlets_only: bool = False) -> str | None:
    for label, pattern in SOURCES:
        if outlets_only and label not in _OUTLETS:
            continue
        if pattern.search(speaker):
            return label
    return None


def _speaker_before(sentence: str, verb: int) -> tuple[int, str] | None:
    """(position, phrase) of the speaker of the attribution verb at ``verb``: the phrase
    before it, back to the previous comma, colon, quote or ``that``."""
    offset = max(0, verb - _SPAN_MAX)
    head = sentence[offset:verb]
    starts = [0] + [b.end() for b in _BOUNDARY.finditer(head)]
    speaker = head[starts[-1]:].strip()
    pos = starts[-1]
    if _CONJUNCTION.match(speaker) and len(starts) > 1 and head[starts[-1] - 1] == ",":
        # The subject comes earlier: an appositive ("Al-Masdar, a pro-government site,
        # said") or a clause of its own ("A day later it raised ..., and said").
        pos = starts[-3] if len(starts) > 2 else 0
        pairs = list(pairwise(starts))[-2:]
        parts = [head[a:b].strip(" ,") for a, b in pairs]
        parts = [p for p in parts if p and not _RELATIVE.match(p)]
        if parts and _PRONOUN_SUBJECT.match(parts[0]):
            return offset + pos, "it"
        speaker = ", ".join(parts)
    speaker = _RELAYED.sub("", speaker)
    if (not speaker or _PASSIVE.search(speaker) or _RELATIVE.match(speaker)
            or _CONCESSIVE.match(speaker)):
        return None
    return offset + pos, speaker


def _forward_span(sentence: str, start: int) -> str:
    """The phrase from ``start`` to the next comma, with an appositive kept."""
    m = re.compile(r"[^,;]*").match(sentence, start)
    end = m.end() if m else start
    span = sentence[start:end]
    if end < len(sentence) and sentence[end] == ",":
        app = _APPOSITIVE.match(sentence, end + 1)
        if app:
            span += "," + app.group(0)
    return span[:_SPAN_MAX]


def claim_source(sentence: str, previous: str | None = None) -> str | None:
    """Who ``sentence`` attributes its report to, or None.

    Parameters
    ----------
    sentence : str
        One cleaned sentence.
    previous : str, optional
        The label found for the sentence before it; carried over when this sentence's
        speaker is ``He`` / ``They`` / ``the same group`` or when it is a bare quotation.

    Returns
    -------
    str or None
        A label from :data:`SOURCES` (``"SOHR"``, ``"state media"``, ``"rebel sources"``, ...).

    Examples
    --------
    >>> claim_source("According to the SOHR, 10 soldiers and nine rebels were killed.")
    'SOHR'
    >>> claim_source("Three checkpoints were attacked by the rebels, the Al Jazeera said.")
    'Al Jazeera'
    >>> claim_source("He said the fighters had advanced.", previous="SOHR")
    'SOHR'
    >>> claim_source("It was reported that the rebels seized a checkpoint.") is None
    True
    """
    frames: list[tuple[int, str, bool]] = []  # (position, speaker, outlets only)

    for m in _ACCORDING.finditer(sentence):
        frames.append((m.start(), _forward_span(sentence, m.end()), False))

    for m in _VERB.finditer(sentence):
        frame = _speaker_before(sentence, m.start())
        if frame is not None:
            frames.append((frame[0], frame[1], False))

    for m in _INVERTED.finditer(sentence):
        frames.append((m.end(), _forward_span(sentence, m.end()), False))

    for m in _RELAY.finditer(sentence):
        frames.append((m.end(), _forward_span(sentence, m.end()), True))

    frames.sort(key=lambda f: f[0])
    for i, (_, speaker, outlets_only) in enumerate(frames):
        if i == 0 and _PRONOUN.match(speaker):
            return previous
        label = _label(speaker, outlets_only)
        if label is not None:
            return label
    if not frames and _QUOTE_START.match(sentence):
        return previous
    return None
