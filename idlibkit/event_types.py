"""ACLED event type and sub-event type of one event sentence.

The taxonomy is ACLED's (Armed Conflict Location & Event Data, codebook 2023; the full list
is :data:`TAXONOMY`). What in a sentence leads to each sub-event type (the rows of
:data:`RULES`, in the order they are tried):

==========================  ===================================  ==================================
event_type                  sub_event_type                       triggers
==========================  ===================================  ==================================
Explosions/Remote violence  Chemical weapon                      chemical weapons, chlorine, sarin
                                                                 (not when hedged: "reportedly
                                                                 included chemical weapons")
Explosions/Remote violence  Suicide bomb                         suicide car bomb, suicide cars,
                                                                 suicide bomber, VBIED
Violence against civilians  Attack                               executed, execution-style,
                                                                 massacre, gunned down, shot dead
                                                                 a prisoner, corpses of detainees
Violence against civilians  Attack                               killing N residents (not by air
                                                                 strikes or shelling)
Violence against civilians  Abduction/forced disappearance       abducted, kidnapped
Violence against civilians  Sexual violence                      raped, sexual violence
Battles                     Armed clash                          shot down / brought down /
                                                                 downed an aircraft
Strategic developments      Other                                an aircraft crashed, an accident
Explosions/Remote violence  Remote explosive/landmine/IED        car bomb, tunnel bomb, IED,
                                                                 homemade bombs, explosion, blast,
                                                                 detonated, blew up
Explosions/Remote violence  Grenade                              grenade
Explosions/Remote violence  Air/drone strike                     air strikes, air raids, aerial
                                                                 bombardment, air campaign,
                                                                 airpower, helicopter attack,
                                                                 warplanes / aircraft / jets
                                                                 struck or bombed, bombarded by
                                                                 the air force, barrel bombs
Strategic developments      Change to group/activity             defected, defection (not "a
                                                                 defected officer"), a group
                                                                 dissolved or merged; a commander
                                                                 replaced / appointed
Strategic developments      Non-violent transfer of territory    territory taken *after* the
                                                                 holder withdrew
Battles                     Government regains territory         captured / seized / took (control
                                                                 of) / overran / recaptured /
                                                                 retook / secured / cleared / fell
                                                                 to / drove X out of / was in
                                                                 government hands / liberated /
                                                                 won back ... by the army
Battles                     Non-state actor overtakes territory  the same, by rebels
Explosions/Remote violence  Shelling/artillery/missile attack    shelled, shelling, bombarded,
                                                                 bombardment, artillery, mortar
                                                                 fire, rocket attack
Battles                     Armed clash                          captured N soldiers, N captured
Strategic developments      Other                                a pause in the fighting (unless a
                                                                 truce is named)
Strategic developments      Other                                reinforcements, regrouped,
                                                                 repositioned, deployed, arrived,
                                                                 massing, sent to, encircled,
                                                                 escaped, surrendered, aid
                                                                 reached
Strategic developments      Looting/property destruction         looting, plundered, torched
Battles                     Armed clash                          clashes, fighting, battle, attack,
                                                                 assault, ambush, raid, launched an
                                                                 offensive / operation, stormed,
                                                                 besieged, advanced, entered, broke
                                                                 into, repelled, killed / dead /
                                                                 died, knocked out, probed,
                                                                 attempt on, pushed on
Strategic developments      Other                                a truce expired / broke down
Strategic developments      Agreement                            truce, cease-fire (not in
                                                                 passing: "the first day of the
                                                                 truce")
Strategic developments      Other                                redeployed, fell back, pulled
                                                                 back, withdrew to, headed for, dug
                                                                 in, held out, cut the supply road,
                                                                 sealed the roads, left the camp
Strategic developments      Arrests                              arrested, detained
Strategic developments      Headquarters or base established     established a headquarters / base
Strategic developments      Disrupted weapons use                defused, weapons cache seized
Protests                    Peaceful protest                     protest, demonstration
Riots                       Mob violence                         riot, mob
Strategic developments      Non-violent transfer of territory    withdrew (from), pulled out of,
                                                                 retreated, abandoned, evacuated
Strategic developments      Other                                a *dated* report of who controls
                                                                 a place ("On 22 July, the FSA
                                                                 controlled three crossings")
==========================  ===================================  ==================================

Coding rules, as ACLED states them and as the hand-annotated gold files apply them:

1. One sentence, one type: the first rule that matches decides, so the more specific mode of
   violence wins over the generic clash words that usually accompany it, and any violence
   wins over a truce named with it (``clashes broke out hours after the truce began``).
   ``rebels detonated two suicide cars ..., followed by clashes`` is a Suicide bomb;
   ``killed in the blast`` is an IED. A capture preceded by shelling is the capture; air
   strikes launched after a capture are air strikes.
2. The main clause decides: a fronted background clause (``Following bombing in Damascus,
   ...``, ``After Baboulin was captured, ...``), a trailing ``, along with ...`` /
   ``, which was accompanied by ...`` and parentheses are dropped before the rules run.
3. Territory: who took it decides between *Government regains territory* and *Non-state actor
   overtakes territory*. The agent is, in order: a side named in the phrase itself (``fell
   into rebel hands``), the ``by X`` of a passive (``recaptured by pro-government forces``),
   the X of ``fell to X``, the first side named in the verb's own clause (``the army had
   driven the rebels out and taken control``), the nearest side named before the verb,
   the side of the event before for a pronoun subject, then ``sides[0]`` (the actor
   tagger's first actor), and finally rebels (the corpus is about rebel offensives).
   Capturing *people or equipment* (``captured 50 troops``, ``40 captured``, ``seized two
   tanks``) is not territory: ACLED codes the capture of combatants in fighting as an
   Armed clash. An intention is not an event (``launched an offensive to
   capture``, ``tried to take over``).
4. Territory taken after the holder withdrew (``recaptured ... after the rebels pulled out``)
   is a Non-violent transfer of territory, as is a withdrawal *from* a place; moving one's own
   units (``pulled units back``, ``withdrew soldiers ... to reinforce``, ``redeployed``,
   ``withdrew to the south``) is Strategic developments / Other.
5. Executions of prisoners, detainees or captured soldiers are Violence against civilians /
   Attack (ACLED: the victims were no longer combatants).
6. Shooting down an aircraft in fighting is Battles / Armed clash.
7. A statement of who controls a place is an event (Strategic developments / Other) only when
   the sentence dates it; undated it is background.
8. A sentence that only counts the dead after an air strike, shelling or a bomb in the same
   paragraph reports that event and takes its type (``previous``); after a battle (or an
   attack on civilians: a toll of fighters and civilians) it stays an Armed clash.
   ``It`` / ``they`` taking territory is the side of the event before (``previous_side``).

``classify_event`` returns None for sentences that report no datable occurrence
(:data:`NOT_EVENTS`): definitions (``... refers to ...``, ``was a series of``, ``The Battle
of X was fought ...``), conditionals, negated fighting (``no shooting was going on``),
commentary (``X described the clashes as ...``, ``came about because``, ``the battle showed
...``), present-tense descriptions (``lies at the foot of``, ``still holds``, ``remains
in``; not in a relative clause: ``attacked the airbase, which lies near the border`` is an
attack), uncertainty and terms (``could not tell whether``, ``was not immediately known``,
``Under its terms, ...``), an undated ``The Battle of X was a two-month struggle ...``,
war-wide totals (``Since Syria's conflict began ...``) and sentences without any trigger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

__all__ = [
    "BY_AGENT",
    "NOT_EVENTS",
    "RULES",
    "TAXONOMY",
    "EventType",
    "Rule",
    "classify_event",
]

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"

#: ACLED's event types and their sub-event types.
TAXONOMY: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory",
              "Non-state actor overtakes territory"),
    REMOTE: ("Chemical weapon", "Air/drone strike", "Suicide bomb",
             "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    STRATEGIC: ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                "Headquarters or base established", "Looting/property destruction",
                "Non-violent transfer of territory", "Other"),
}

#: Placeholder sub-event type of the territory rule: resolved to *Government regains
#: territory* or *Non-state actor overtakes territory* by who took the place.
BY_AGENT = "<by agent>"
GOVERNMENT_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"


@dataclass(frozen=True)
class EventType:
    """An ACLED ``event_type`` and ``sub_event_type``."""

    event_type: str
    sub_event_type: str


@dataclass(frozen=True)
class Rule:
    """One row of the rule table: where ``pattern`` matches (and ``unless`` does not), the
    sentence gets ``event_type`` / ``sub_event_type``. ``after``: the match must come after a
    match of this pattern too; ``preceded_by`` / ``not_preceded_by``: patterns ending in ``$``
    that the few words just before the match must / must not match. ``needs_date``: only in
    a sentence that says when (a date, ``the next day``, ``around the same time``)."""

    name: str
    pattern: re.Pattern[str]
    event_type: str
    sub_event_type: str
    unless: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    preceded_by: re.Pattern[str] | None = None
    not_preceded_by: re.Pattern[str] | None = None
    needs_date: bool = False


def _rx(pattern: str) -> re.Pattern[str]:
    """Rule patterns are written in lower case and matched against the lower-cased sentence
    (several times faster than ``re.IGNORECASE``)."""
    return re.compile(pattern)


# -- territory -------------------------------------------------------------------------------

# What was captured when it is not territory: people and equipment.
_NOT_PLACE = (
    r"(?! or killed| and killed)(?!\s+(?!by\b)(?:\S+\s+){0,3}?(?:soldiers?|troops|officers?"
    r"|prisoners?|pilots?|fighters|rebels|militants|members|men|civilians|hostages|tanks?"
    r"|weapons?|weaponry|arms|ammunition|equipment|vehicles?|helicopters?|aircraft|jets?"
    r"|planes?|guns?|missiles?|rockets?)\b)"
)
# People just before the verb: a count ("40 captured", "sixty captured") or a passive
# ("soldiers ... had been captured"); "rebels captured the town" is territory.
_PEOPLE_BEFORE = (
    r"(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundred|dozens|hundreds|scores|several|many)"
    r"(?:\s+(?:more|other|others))?\s+(?:(?:were|was|had been|have been)\s+)?"
    r"|(?:soldiers|troops|officers|fighters|rebels|militants|militiamen|members|families|men"
    r"|civilians|people|prisoners|pilots|others)\s+(?:were|was|had been|have been)\s+)$"
)
_TERRITORY = (
    r"\b(?:seized|taken|taking|took|gained|regained|retook|retaken) (?:full |back )?control\b"
    rf"|\btook (?:over|back)\b{_NOT_PLACE}|\btaken over\b|\btakeover of\b"
    rf"|\bcapture of\b{_NOT_PLACE}"
    r"|\boverr(?:an|un)\b(?<!to overrun)|\bfell (?:to|into)\b|\bsecure area\b"
    r"|\bbroke (?:\w+ ){0,2}(?:blockade|siege)\b|\bhad returned to\b"
    r"|\bcontrolled\b(?=[^.;]*\bafter\b)|\bcleared\b"
    r"|\bdrove (?:[\w'’-]+ ){1,8}?out of\b|\bpushed (?:[\w'’-]+ ){1,4}?out of\b"
    r"|\bexpelled\b|\bousted\b"
    r"|\b(?:was|were) (?:also |now |then )?in (?:rebel|opposition|government|regime|army"
    r"|loyalist) hands\b"
    r"|\b(?:was|were) in (?:full |complete |total )?control\b(?! of)"
    r"|\bstormed (?:[\w'’-]+ ){1,4}?and (?:\w+ )?(?:held|took|seized|captured)\b"
    rf"|\b(?:recaptured|captured)\b(?<!the captured)(?<!killed or captured)"
    rf"(?<!killed and captured){_NOT_PLACE}"
    rf"|\b(?:recapturing|capturing)\b{_NOT_PLACE}"
    rf"|\bseized\b{_NOT_PLACE}|\bseizing\b{_NOT_PLACE}"
    rf"|\btook\b(?! place| part| refuge| cover| advantage| up\b| off\b| effect){_NOT_PLACE}"
    rf"|\b(?:had|has|have|been|was|were|are) (?:\w+ )?taken\b"
    r"(?! prisoners?| captive| hostage| part| place| effect| up\b| to\b| refuge)"
    r"|\bretook\b|\bretaken\b|\bregained\b|\bsecured\b|\bsecuring\b"
    r"|\bliberat(?:ed|ing)\b|\bwon back\b|\bnow (?:held|controlled) by\b"
    r"|\b(?:had been|has been|was|were) freed\b|\b(?:drove|driven) out\b"
    r"|\b(?:base|town|city|camp|village|airbase|airport|hill|checkpoint|position|garrison)s?"
    r"\b[^.;,]{0,40}? (?:had|has) fallen\b"
    r"|\b(?:village|town|city|base|camp|hill|position|checkpoint)s?\b[^.;]{0,30}?\bfell\b"
    # (not "before the base fell", a time rather than the news: see _NOT_TAKEN)
    r"(?! back| silent| ill| short| apart| victim)"
    r"|\bforced (?:[\w'’-]+ ){1,4}?to (?:withdraw|pull out|retreat|abandon|leave|evacuate)\b"
)
# "neither village was taken", "failed to capture": no territory changed hands.
_NOT_TAKEN = (r"\b(?:neither|nor|not|never|failed to|without)\b[^.;,]{0,25}?\b(?:taken|captured"
              r"|seized|took|take|capture|seize)\b|\bbriefly (?:seiz|captur|tak|took)"
              r"|\b(?:before|until|when|as) the (?:\w+ )?(?:base|town|city|camp|village) fell\b")
_TERRITORY_RE = _rx(_TERRITORY)

# -- the rule table --------------------------------------------------------------------------

#: The rules, most specific first; the first rule that matches decides.
RULES: tuple[Rule, ...] = (
    Rule("chemical weapon",
         _rx(r"\bchemical (?:weapons?|attacks?|agents?|munitions?|strikes?)\b|\bchlorine\b"
             r"|\bsarin\b|\bnerve (?:gas|agent)\b|\b(?:toxic|poison) gas\b"),
         REMOTE, "Chemical weapon",
         unless=_rx(r"\b(?:reportedly|allegedly|alleged|possibly|suspected)\b[^.;]{0,40}"
                    r"\bchemical\b")),
    Rule("suicide bomb",
         _rx(r"\bsuicide (?:car[- ]?)?(?:bombs?|bombers?|bombings?|cars?|trucks?|vehicles?"
             r"|attacks?|attackers?|vests?|vbieds?)\b|\b(?:vbieds?|svbieds?)\b"
             r"|\bblew (?:himself|themselves) up\b"),
         REMOTE, "Suicide bomb",
         # "the army killed dozens of suicide bombers", "could not tell whether the car had
         # been driven by a suicide bomber"
         unless=_rx(r"\b(?:killed|captured|arrested)\b[^.;]{0,60}\bsuicide bombers\b"
                    r"|\b(?:whether|if)\b[^.;]{0,60}\bsuicide\b")),
    Rule("execution",
         _rx(r"\bexecut(?:ed|ing|ions?)\b|\bshot en masse\b|\bmassacred?\b"
             r"|\bgunned (?:\w+ )?down\b|\bsummar(?:y|ily) (?:killed|killing|executed)\b"
             r"|\b(?:corpses|bodies) of (?:\w+ ){0,2}(?:detainees|prisoners|civilians)\b"
             r"|\bdragged (?:\w+ ){0,2}?(?:civilians|men|residents|people|villagers) from\b"
             r"|\bshot dead (?:an? |the |at least |more than |about |some )?(?:[\w,]+ ){0,2}?"
             r"(?:prisoners?|detainees?|captives?)\b"
             r"|\bshooting dead (?:an? |the |at least |more than |about |some )?(?:[\w,]+ ){0,2}?"
             r"(?:prisoners?|detainees?|captives?)\b|\bbeaten and (?:then )?shot\b"
             r"|\bopened fire on (?:\w+ ){0,3}(?:detainees|prisoners|captives|protesters"
             r"|demonstrators|mourners|civilians|funeral)\b"
             r"|\b(?:shot dead|shot|killed|executed) after (?:being |they were |they had been )?"
             r"(?:detained|arrested|captured)\b"),
         VAC, "Attack"),
    Rule("killing civilians",
         _rx(r"\bkill(?:ed|ing) (?:more than |at least |about |some |dozens of )?(?:\w+ )?"
             r"(?:residents|civilians|villagers)\b"),
         VAC, "Attack",
         # killed by an air strike or shelling: ACLED codes the mode of violence
         unless=_rx(r"\b(?:warplanes?|jets|aircraft|air ?strikes?|air raids?|helicopters?"
                    r"|barrel bombs?|shell(?:s|ed|ing)|mortars?|rockets?|artillery)\b")),
    Rule("abduction", _rx(r"\babduct(?:ed|ing|ions?)\b|\bkidnapp(?:ed|ing)\b|\bdisappeared\b"),
         VAC, "Abduction/forced disappearance"),
    Rule("sexual violence", _rx(r"\braped\b|\brapes?\b|\bsexual(?:ly)? (?:violence|assault"
                                r"|abuse|assaulted)\b"),
         VAC, "Sexual violence"),
    Rule("shoot-down",
         _rx(r"\bshot (?:[\w'’-]+ ){0,3}?down\b|\bbrought down\b|\bdowned\b"
             r"|\bshoot(?:ing)? down\b"),
         BATTLES, "Armed clash"),
    Rule("accident", _rx(r"\bcrashed\b|\baccident(?:al|ally)?\b"), STRATEGIC, "Other"),
    Rule("remote explosive",
         _rx(r"\bcar[- ]bombs?\b|\btunnel[- ]bombs?\b|\bieds?\b|\bimprovised explosive"
             r"|\broadside bombs?\b|\bland ?mines?\b|\bhomemade bombs?\b"
             r"|\bbombs? (?:exploded|went off|was detonated|were detonated)\b|\bexplosions?\b"
             r"|\bblasts?\b|\bdetonat(?:ed|ing)\b|\bblew up\b|\bbooby[- ]trap"
             r"|\b(?:planted|placed|detonated|set off) (?:\w+ ){0,3}explosives\b"),
         REMOTE, "Remote explosive/landmine/IED"),
    Rule("grenade", _rx(r"\bgrenades?\b"), REMOTE, "Grenade",
         unless=_rx(r"\barmed (?:\w+ ){0,3}with\b")),  # what fighters carried
    Rule("air strike",
         _rx(r"\bair[- ]?strikes?\b|\bair[- ]?raids?\b|\baerial (?:bombardment|bombing|attacks?"
             r"|strikes?|campaign)\b|\bair campaign\b|\bair ?power\b"
             r"|\b(?:warplanes?|fighter (?:jets?|(?:air)?planes?)|jets?|helicopters?|aircraft"
             r"|planes|mig|migs|sukhoi|air force|gunships?) (?:[\w-]+ ){0,3}(?:struck|bombed"
             r"|bombing|attacked|hit|pounded|pounding|hammered|hammering|targeted|carried out"
             r"|strafed|raided|dropped|fired)\b|\b(?:warplanes?|jets?|aircraft) (?:[\w-]+ ){0,5}"
             r"strikes\b|\b(?:one|some|several|most) of the (?:air )?strikes\b"
             r"|\bhelicopter (?:gunship )?(?:attacks?|strikes?|raids?)\b"
             r"|\b(?:used|using) (?:\w+ ){0,2}(?:helicopters|warplanes|jets|aircraft)\b"
             r"|\bby the air force\b|\bair force (?:attacks?|strikes?|raids?|bombing)\b"
             r"|\b(?:carried out|conducted|launched) (?:[\w'’-]+ ){0,3}?strikes\b"
             r"|\bbarrel bombs?\b|\bdrone strikes?\b|\bbombing raids?\b"),
         REMOTE, "Air/drone strike"),
    Rule("defection", _rx(r"\bdefected\b|\bdefection\b|\bdissolv(?:e|ed|ing) (?:itself"
                          r"|themselves)\b|\bmerged? (?:into|with)\b"),
         STRATEGIC, "Change to group/activity",
         unless=_rx(r"\bincluding (?:a |an |\w+ )?defect|\ba defected\b")),
    Rule("change of command",
         _rx(r"\breplaced (?:[\w'’.-]+ ){0,5}?(?:commander|chief|head|governor|leader)\b"
             r"|\bwas replaced\b|\b(?:dismissed|sacked|appointed|named) (?:as )?(?:the )?"
             r"(?:new )?(?:\w+ )?(?:commander|chief|head|governor|leader)\b"),
         STRATEGIC, "Change to group/activity"),
    Rule("territory after a withdrawal",
         _rx(r"\bafter\b[^.;]{0,60}?\b(?:withdrew|withdrawn|pulled out|abandoned|evacuated"
             r"|retreated|fled)\b"),
         STRATEGIC, "Non-violent transfer of territory", after=_TERRITORY_RE),
    Rule("territory", _TERRITORY_RE, BATTLES, BY_AGENT, not_preceded_by=_rx(_PEOPLE_BEFORE),
         unless=_rx(_NOT_TAKEN)),
    Rule("shelling",
         _rx(r"\bshell(?:ed|ing)\b|\bbombard(?:ed|ing|ments?)\b|\bartillery\b(?! cover| support)"
             r"|\bmortared\b|\bmortars? (?:fire|attacks?|shells?|rounds?|strikes?)\b"
             r"|\brockets? (?:fire|attacks?|strikes?|struck|hit|landed)\b"
             r"|\bfired (?:\w+ ){0,2}(?:rockets|missiles|shells|mortars)\b"
             r"|\bmissile (?:strikes?|attacks?)\b"),
         REMOTE, "Shelling/artillery/missile attack"),
    Rule("capture of combatants",
         _rx(r"\bcaptur(?:ed|ing)\b(?=\s+(?!by\b)(?:\S+\s+){0,3}?(?:soldiers?|troops|officers?"
             r"|pilots?|fighters|rebels|militants|men)\b)|\btaken prisoners?\b"),
         BATTLES, "Armed clash"),
    Rule("people captured", _rx(r"\bcaptured\b"), BATTLES, "Armed clash",
         preceded_by=_rx(_PEOPLE_BEFORE)),
    Rule("pause", _rx(r"\bpauses? in the fighting\b"), STRATEGIC, "Other",
         unless=_rx(r"\btruces?\b|\bcease-?fires?\b")),  # then the truce is the news
    Rule("movement",
         _rx(r"\breinforc(?:e|es|ing)\b|\breinforced\b(?! by)"
             r"|\b(?:send|sent|sending) (?:\w+ ){0,3}reinforcements\b"
             r"|\b(?:sent|brought) in reinforcements\b"
             r"|\bregroup(?:ed|ing)?\b|\breposition(?:ed|ing)?\b|\bdeployed\b(?<!redeployed)"
             r"|\barrived\b(?<!had arrived)|\bmass(?:ing|ed)\b|\b(?:were|was|being|been) sent to\b"
             r"|\bencircled\b|\bsurrounded\b|\bescaped\b|\bsurrender(?:ed|ing)?\b"
             r"|\bcarried (?:[\w'’-]+ ){0,8}?out of\b"
             r"|\b(?:moving|moved|taking|took) (?:[\w'’,-]+ ){0,8}?out of (?:the )?(?:city|town"
             r"|village|area)\b"
             r"|\b(?:strengthen|bolster)(?:ed|ing)? (?:the |its |their )?(?:defen[cs]es|lines"
             r"|positions)\b|\b(?:aid|convoys?) (?:\w+ )?reached\b"),
         STRATEGIC, "Other"),
    Rule("looting", _rx(r"\bloot(?:ed|ing)\b|\bplunder(?:ed|ing)\b|\bransack(?:ed|ing)\b"
                        r"|\btorch(?:ed|ing)\b|\bset(?:ting)? fire to\b|\bburn(?:ed|t|ing) "
                        r"(?:down )?(?:the |their |dozens of |hundreds of )?(?:homes|houses"
                        r"|shops|market)\b"),
         STRATEGIC, "Looting/property destruction"),
    Rule("armed clash",
         _rx(r"\bclash(?:es|ed|ing)?\b|\bfights?\b(?<!to fight)|\bfought\b"
             # the lookbehinds follow the word, so they run only where it matched
             r"|\bfighting\b(?! for\b)(?<!fleeing the fighting)(?<!fled the fighting)"
             r"(?<!pause in the fighting)(?<!halt to the fighting)(?<!stop fighting)"
             r"(?<!stop the fighting)(?<!end to the fighting)"
             r"(?<!escape the fighting)(?<!escaping the fighting)"
             r"|\bbattles?\b|\battacks?\b(?<!that attack)(?<!that attacks)(?<!to attack)"
             r"|\battack(?:ed|ing)\b|\bassault(?:s|ed|ing)?\b"
             r"|\bambush(?:ed|es)?\b|\bcounter-?(?:attacks?|offensives?)\b"
             r"|\b(?:launched|began|started|opened|went on|mounted|resumed) (?:an? |the |their )?"
             r"(?:new |major |\w+ )?offensive\b"
             r"|\btook part in (?:the |an? )?(?:\w+ )?(?:offensive|attack|assault|fighting"
             r"|battle)\b"
             r"|\b(?:launched|began|started|conducted|opened) (?:an? |the |their )?(?:\w+ ){0,2}"
             r"operations?\b"
             r"|\braid(?:ed|s)?\b|\bstorm(?:ed|ing)\b|\bto storm\b|\bbesieg(?:ed|ing|e)\b"
             r"|\bsiege\b|\bdrove (?:\w+ ){0,2}back\b"
             r"|\badvanc(?:ed|es|ing)\b|\bpenetrat(?:ed|e)\b|\binfiltrat(?:ed|e)\b|\bbreached\b"
             r"|\bbroke (?:into|through)\b|\bentered\b|\brepel(?:led)?\b|\brepulsed\b"
             r"|\bintercepted\b(?! (?:the |their )?(?:\w+ )?communications)"
             r"|\bkilled\b|\bkilling\b|\bdead\b|\bdeaths?\b|\blosses\b|\btoll\b"
             r"|\bcasualties\b(?<!avoid casualties)(?<!avoiding casualties)(?<!spare casualties)"
             r"|\bassassinat(?:ed|ion)\b|\bdestroyed\b(?<!the destroyed)|\bdestroying\b"
             r"|\b(?:able|managed) to destroy\b|\bdamag(?:ed|ing)\b|\bfired? on\b"
             r"|\bopened fire\b|\bstruck back\b|\bpushed back\b|\bstreet fighting\b"
             r"|\bdied\b|\bknocked out\b|\bprob(?:ed|ing)\b|\bbreak (?:into|through)\b"
             r"|\battempts? on\b|\b(?:win|winning) back\b|\bvictory (?:at|in|over)\b"
             r"|\bpushed (?:on|forward|ahead|deeper|further|into|north|south|east|west)\w*\b"
             r"|\bforced (?:their|its|his) way\b|\bpursu(?:e|ed|ing)\b|\bstreamed into\b"
             r"|\bconfronted\b|\bslipped into\b|\bstopped (?:an? |the )?(?:\w+ ){0,2}(?:column"
             r"|convoy|advance|assault)\b"
             r"|\bbodies of (?:at least |more than |about |some )?(?:\w+ ){0,2}(?:soldiers|fighters"
             r"|rebels|militiamen|troops)\b"),
         BATTLES, "Armed clash"),
    Rule("agreement ended",
         _rx(r"\b(?:cease-?fire|truce|deal|agreement)s? (?:\w+ ){0,2}?(?:expired|broke down"
             r"|collapsed|ended|lapsed|was broken|fell apart)\b"),
         STRATEGIC, "Other"),
    Rule("agreement",
         _rx(r"\bcease-?fires?\b|\btruces?\b|\barmistice\b|\b(?:peace|reconciliation|evacuation"
             r"|surrender) (?:deal|agreement)\b|\bagreed to\b"),
         STRATEGIC, "Agreement",
         # "the first day of the truce", "although the truce was otherwise holding"
         unless=_rx(r"\bnever\b|\b(?:day of|days of|during|despite|although|until"
                    r"|in breach of|violat\w+) (?:the |a )?(?:\w+ )?(?:truce|cease-?fire)\b"
                    r"|\b(?:truce|cease-?fire) (?:was |is )?(?:otherwise |still )?holding\b")),
    Rule("redeployment",
         _rx(r"\bredeploy(?:ed|ing|ment)?\b|\bfell back\b|\bpulled (?:\w+ ){0,2}back\b"
             r"|\bwithdr(?:ew|awn) to\b|\bpulling out\b|\bpulled out\b(?! of| from)"
             r"|\bretreating\b|\bheaded (?:for|towards?)\b|\bdug in\b|\bheld out\b"
             r"|\breached (?:government|rebel|army|friendly) lines\b"
             r"|\bcut (?:off )?the (?:\w+ )?(?:road|highway|route|supply)|\bisolated\b"
             r"|\bfled\b|\bwithdrawing (?:\w+ ){0,2}(?:fighters|troops|forces|units|soldiers)\b"
             r"|\b(?:remained|were|was) trapped\b|\bholding out\b"
             r"|\bsealed (?:off )?(?:all |the )*(?:roads?|routes?|exits?|access)\b"
             r"|\bheading (?:for|towards?)\b|\b(?:left|leaving) (?:the |their )?(?:camp|base"
             r"|barracks|positions?|garrison)\b|\bturned (?:\w+ )?back\b"),
         STRATEGIC, "Other"),
    Rule("arrests", _rx(r"\barrest(?:ed|s)\b|\bdetained\b|\brounded up\b|\brounding up\b"
                        r"|\bdetention of\b"),
         STRATEGIC, "Arrests"),
    Rule("headquarters established",
         _rx(r"\b(?:established|set up|opened) (?:a |an |its |their |new )*(?:headquarters"
             r"|base|command (?:centre|center)|operations? room)\b"),
         STRATEGIC, "Headquarters or base established"),
    Rule("disrupted weapons use",
         _rx(r"\bdefused\b|\bdismantled (?:a |an |the )?(?:bomb|ied|explosive)"
             r"|\bseized (?:a |an |the )?(?:weapons|arms) (?:cache|depot)\b"),
         STRATEGIC, "Disrupted weapons use"),
    Rule("protest", _rx(r"\bprotest(?:ed|ers|s)?\b|\bdemonstrat(?:ions?|ors|ed)\b"),
         "Protests", "Peaceful protest"),
    Rule("riot", _rx(r"\briot(?:s|ed|ing|ers)?\b|\bmobs?\b"), "Riots", "Mob violence"),
    Rule("withdrawal",
         _rx(r"\bwithdr(?:ew|awn)\b(?! to\b)|\bwithdrawal\b|\bpulled out (?:of|from)\b"
             r"|\bretreated\b|\bretreat(?:ing)? from\b|\babandoned\b|\bevacuated\b"
             r"|\bhanded over\b"),
         STRATEGIC, "Non-violent transfer of territory"),
    Rule("control",
         _rx(r"\bunder (?:\w+ ){0,2}control\b|\bin control of\b|\bcontrolled\b"
             r"|\bin (?:rebel|opposition|government|loyalist|regime) hands\b|\bheld by\b"
             r"|\bin (?:full |complete |total )control of\b"
             r"|\bheld (?:\w+ ){0,3}the (?:town|city|village|base|camp|area)\b"),
         STRATEGIC, "Other", needs_date=True),
)

#: Sentences matching any of these report no occurrence (definitions, conditionals, negated
#: fighting, commentary, present-tense descriptions, war-wide totals); checked before
#: :data:`RULES`.
NOT_EVENTS: tuple[re.Pattern[str], ...] = (
    _rx(r"\brefers? to\b|\b(?:was|were|is|are) a series of\b"),
    _rx(r"^\W*the (?:battle|siege|offensive|raid|capture|fall) of [^,;]{0,60}? "
        r"(?:was fought|was the|refers)\b"),
    _rx(r"^\W*(?:if|unless|should)\b"),
    _rx(r"\bno (?:fighting|shooting|clashes|combat)\b|\bhad never\b|\bnever (?:really )?took\b"),
    _rx(r"^\W*[\w'’-]+(?: [\w'’-]+){0,3} described\b(?![^.]*\b(?:and said|that had)\b)"),
    _rx(r"\bcame about\b|\b(?:mostly|mainly|largely) concentrated\b"
        r"|\b(?:battle|offensive|attack|fighting) (?:showed|demonstrated|highlighted)\b"),
    _rx(r"\bsince (?:the (?:start|beginning|outbreak) of )?(?:syria['’]s|the) (?:\w+ )?"
        r"(?:conflict|war|uprising|revolution)\b"),
    _rx(r"\b(?:vowed|pledged|promised) to (?:keep|continue|fight|press|take|capture|liberate"
        r"|free|push|march)\b|\bno immediate word\b|\bno word on\b"),
    _rx(r"\b(?:goal|aim|objective|plan) (?:was|is) to\b|\b(?:were|was|are) hoping to\b"
        r"|\bis hoping to\b"),
    # uncertainty and terms, not occurrences: "could not tell whether the dead were ...",
    # "The cause of the blast was not immediately known", "Under its terms, rebels were to"
    _rx(r"\b(?:was|were|are) not (?:immediately )?(?:known|clear)\b"
        r"|\bis not (?:immediately )?(?:known|clear)\b"
        r"|\bdid not (?:give|provide|release|offer) (?:a |any )?(?:\w+ )?(?:toll|figures?"
        r"|numbers?|details)\b|\b(?:rarely|seldom)\b"),
    # cheap: anchored at the start ("The monitor said it could not tell whether ...", but
    # not "The post was attacked; he could not tell whether ...")
    _rx(r"^\W*under (?:its|the|their) terms\b|^[^;,]{0,60}\b(?:could|can)(?:not| not) "
        r"(?:yet )?(?:tell|say|determine|confirm) (?:whether|if|how many)\b"),
    _rx(r"\b(?:lies|is located|is situated)\b|\bstill holds?\b|\bremains? in\b"
        r"|\b(?:remaining|last) positions\b"),
)

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)"
)
_DATED = _rx(
    rf"\b\d{{1,2}} {_MONTH}\b|\b{_MONTH} \d{{1,2}}\b"
    rf"|\b(?:on|in|by|during|around|until) (?:early |mid-?|late |the )?{_MONTH}\b"
    r"|\b(?:the )?(?:next|following|same|previous) (?:day|morning|night|evening|week)\b"
    r"|\b\w+ (?:days?|weeks?|months?) later\b|\baround the same time\b|\bat this point\b"
    r"|\bon (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\blater that day\b|\bthat (?:day|night)\b|\bovernight\b|\bby (?:then|that time)\b"
)

# A battle described, not told: "The Battle of X was a two-month struggle for ..." (a lede
# that also dates what happened, "..., which rebels encircled in September 2012", is told).
_DESCRIBED = _rx(r"^\W*the [^,;]{0,60}?\b(?:battle|siege|offensive|raid|capture|fall|campaign"
                 r"|clashes|operation|assault)\b[^,;]{0,60}? was an? ")

# Fronted background clauses and trailing accompaniments: not the sentence's main event.
_BACKGROUND = _rx(
    r"(?:^\W*|,\s*)(?:after|following|despite)\b[^,;]*,\s*|\([^()]*\)"
    r"|,\s*(?:along with|(?:which|that) (?:was|were) accompanied by)\b[^;]*"
    r"|,\s*fearing\b[^;]*|^\W*fearing\b[^,;]*,"
)
# A non-restrictive relative clause describes a place or group, not the sentence's news:
# "attacked the Menagh airbase, which also lies near the border" is still an attack.
_RELATIVE = _rx(r",\s*(?:which|where|who)\b[^,;]*(?=[,;]|$)")

# -- gating ----------------------------------------------------------------------------------
# A pattern that starts with ``\b`` defeats ``re``'s literal-prefix scan, so searching ~40 of
# them costs ~20 ns per character each. Instead, each pattern's *leading words* (a word every
# match must begin a text word with) are read off the pattern source, and a pattern is only
# searched when one of the sentence's words starts with one of them. A pattern whose leading
# words cannot be read off is always searched, so gating never changes a result.

_GATE_LEN = 5
_TEXT_WORD = re.compile(r"[a-z]+")
_LITERAL_RUN = re.compile(r"[a-z' -]+")


def _structure(source: str):
    """Yield ``(index, char, depth)`` for the characters of a regex source that are
    structural: not escaped and not inside a ``[...]`` class. ``depth`` is the group
    nesting after the character (a ``(`` counts, a ``)`` closes)."""
    depth = 0
    in_class = escaped = False
    for i, ch in enumerate(source):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth


def _split_top(source: str) -> list[str]:
    """``source`` split at its top-level ``|``."""
    cuts = [i for i, ch, depth in _structure(source) if ch == "|" and depth == 0]
    bounds = [-1, *cuts, len(source)]
    return [source[a + 1 : b] for a, b in pairwise(bounds)]


def _group_end(source: str) -> int:
    """Index just after the group that ``source`` starts with."""
    for i, ch, depth in _structure(source):
        if ch == ")" and depth == 0:
            return i + 1
    raise ValueError("unbalanced group")


def _lead_words(source: str, bounded: bool = False) -> frozenset[str] | None:
    """Words (3+ letters) one of which begins a text word in every match of ``source``;
    None when the pattern does not let this be read off."""
    words: set[str] = set()
    for branch in _split_top(source):
        b, at_word = branch, bounded
        while True:
            if b.startswith(("\\b", "\\s*", "\\s+")):
                at_word, b = True, b[2:].lstrip("*+")
            elif b.startswith("(?<") or b.startswith("(?=") or b.startswith("(?!"):
                b = b[_group_end(b):]
            elif b.startswith("("):
                end = _group_end(b)
                inner = b[3:end - 1] if b.startswith("(?:") else b[1:end - 1]
                rest = b[end:]
                if rest[:1] in ("?", "*"):  # an optional group: what follows leads, but
                    b, at_word = rest[1:], False  # not necessarily at a word's start
                    continue
                sub = _lead_words(inner, at_word)
                if sub is None:
                    return None
                words |= sub
                b = ""
                break
            else:
                break
        if not b and words:
            continue
        run = _LITERAL_RUN.match(b)
        if not run:
            return None
        text = run.group(0)
        if b[run.end():run.end() + 1] in ("?", "*", "{"):
            text = text[:-1]  # its last letter is optional
        pieces = _TEXT_WORD.findall(text)
        if not at_word or (text and not text[0].isalpha()):
            pieces = pieces[1:]  # the first piece may be the tail of a longer word
        pieces = [w for w in pieces if len(w) >= 3]
        if not pieces and text.endswith(" ") and b[run.end():].startswith("(?:"):
            # "in (?:rebel|government) hands": the group's words lead
            after = b[run.end():]
            end = _group_end(after)
            if after[end:end + 1] not in ("?", "*", "{"):
                sub = _lead_words(after[3:end - 1], True)
                if sub is not None:
                    words |= sub
                    continue
        if not pieces:
            return None
        words.add(max(pieces, key=len)[:_GATE_LEN])
    return frozenset(words)


def _gate_index(patterns: Sequence[re.Pattern[str]]) -> tuple[dict[str, frozenset[int]],
                                                             frozenset[int]]:
    """word prefix -> patterns it may start; and the patterns that are always searched."""
    index: dict[str, set[int]] = {}
    always: set[int] = set()
    for i, pattern in enumerate(patterns):
        try:
            lead = _lead_words(pattern.pattern)
        except ValueError:
            lead = None
        if lead is None:
            always.add(i)
            continue
        for word in lead:
            index.setdefault(word, set()).add(i)
    return {k: frozenset(v) for k, v in index.items()}, frozenset(always)


_GATED = (*NOT_EVENTS, *(rule.pattern for rule in RULES))
_GATE_INDEX, _ALWAYS = _gate_index(_GATED)


def _candidates(lowered: str) -> set[int]:
    """Indices into ``NOT_EVENTS + RULES`` of the patterns that may match ``lowered``."""
    found = set(_ALWAYS)
    index = _GATE_INDEX
    for word in set(_TEXT_WORD.findall(lowered)):
        for n in (3, 4, _GATE_LEN):
            if len(word) >= n:
                hit = index.get(word[:n])
                if hit:
                    found |= hit
    return found


# -- sides -----------------------------------------------------------------------------------

_SIDE = _rx(
    r"(?P<opposition>\bfree syrian army\b|\barmy of conquest\b|\bjaish al-fatah\b"
    r"|\bfat+ah army\b|\bislamic front\b|\bfsa\b|\bnusra\b|\bahrar\b|\bjund al-aqsa\b"
    r"|\bpro-opposition\b|\brebel\w*|\bopposition\b|\binsurgents?\b|\bjihadists?\b"
    r"|\bmilitants?\b|\bislamists?\b|\bfalcons\b|\bdefectors?\b|\barmed groups\b)"
    r"|(?P<government>\bpro-government\b|\bgovernment\b|\bregime\b|\bloyalists?\b|\barmy\b"
    r"|\bmilitary\b|\btroops\b|\bsoldiers?\b|\btiger forces\b|\bndf\b|\bshabiha\b|\bassad\w*"
    r"|\brepublican guard\b|\bair force\b|\bsecurity forces\b|\bpolice\b)"
)
_PASSIVE_AGENT = _rx(r"\s+(?:[\w'’-]+\s+){0,2}?by\s+(?P<agent>[^,;.]{1,60})")
_FELL_TO = _rx(r"fell (?:to|into)")
_FELL = _rx(r"\b(?:fell|fallen)\b")


def _side_of(text: str, last: bool = False) -> str | None:
    """The side of the first (or last) faction named in ``text``."""
    side = None
    for m in _SIDE.finditer(text):
        side = m.lastgroup
        if not last:
            break
    return side


# A clause whose subject is a pronoun: "It retook Zayzoun", "they had also taken al-Mishik".
_PRONOUN_SUBJECT = _rx(r"(?:^|[,;]|\band|\bthat)\s*(?:[\w'’-]+ ){0,3}?(?:it|they)\s+"
                       r"(?:[\w'’-]+\s+){0,3}$")
_CLAUSE_START = _rx(r"[,;:]|\b(?:that|said|says|reported|claimed|while|but|when|as|after"
                   r"|before|although|though)\b")
# Fighting named where the clash rule does not count it ("in the three days of fighting
# for the town", "had been driven back"): a toll of a battle, not of a strike.
_FIGHT_WORDS = _rx(r"\bfighting\b|\bbattle\b|\bdriven back\b|\bretake\b|\bassault\b")
# The words of the armed-clash rule that only count the dead.
_TOLL_WORDS = frozenset({"killed", "killing", "dead", "death", "deaths", "casualties", "losses",
                         "died", "toll"})


def _territory_agent(text: str, match: re.Match[str], sides: Sequence[str],
                     previous_side: str | None = None) -> str:
    """``government`` or ``opposition``: who took the place the territory verb names."""
    after = text[match.end():]
    if match.group(0).endswith("hands"):  # "were in rebel hands"
        side = _side_of(match.group(0))
        if side:
            return side
    if match.group(0).endswith(" by"):  # "now held by the Army of Conquest"
        side = _side_of(after[:60])
        if side:
            return side
    if _FELL.search(match.group(0)) and not _FELL_TO.search(match.group(0)):
        # "the last government positions had fallen": the side named lost the place
        lost = _side_of(text[:match.end()], last=True)
        return "government" if lost == "opposition" else "opposition"
    if _FELL_TO.match(match.group(0)):
        side = _side_of(after[:60])
        if side:
            return side
    passive = _PASSIVE_AGENT.match(after)
    if passive:
        side = _side_of(passive.group("agent"))
        if side:
            return side
    # The subject of the verb's own clause: "the army had driven the rebels out and taken
    # full control", "rebels chasing the retreating troops captured Nahliya".
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, match.start())]
    side = _side_of(text[starts[-1] if starts else 0:match.start()])
    if side:
        return side
    side = _side_of(text[:match.start()], last=True)
    if side:
        return side
    if previous_side in ("government", "opposition") and _PRONOUN_SUBJECT.search(
            text, 0, match.start()):
        return previous_side  # "It retook Zayzoun": who the sentence before was about
    for s in sides:
        if s in ("government", "opposition"):
            return s
    return "opposition"


def _first_match(rule: Rule, text: str) -> re.Match[str] | None:
    """The first match of ``rule.pattern`` that the rule's conditions on context allow."""
    for match in rule.pattern.finditer(text):
        start = match.start()
        if rule.after is not None and not rule.after.search(text, 0, start):
            continue
        before = text[max(0, start - 40):start]
        if rule.preceded_by is not None and not rule.preceded_by.search(before):
            continue
        if rule.not_preceded_by is not None and rule.not_preceded_by.search(before):
            continue
        return match
    return None


def classify_event(sentence: str, sides: Sequence[str] = (), *,
                   previous: EventType | None = None,
                   previous_side: str | None = None) -> EventType | None:
    """ACLED event type and sub-event type of one sentence, or None if it reports no event.

    Parameters
    ----------
    sentence : str
        One cleaned sentence.
    sides : sequence of str, optional
        ``"government"`` / ``"opposition"`` for the actors found in the sentence, in order of
        mention (the first is usually the subject); used to decide who took territory when the
        sentence itself does not say.
    previous : EventType, optional
        The type of the paragraph's event just before. A sentence that only counts the
        dead (``Local activists put the death toll at 25``) after an air strike, shelling
        or a bomb reports that same event, and takes its type.
    previous_side : str, optional
        The acting side of that event: who ``it`` / ``they`` is in ``It retook Zayzoun``.

    Returns
    -------
    EventType or None
        None for background, description and commentary.

    Examples
    --------
    >>> classify_event("On 14 October, rebels captured the town of Azmarin.")
    EventType(event_type='Battles', sub_event_type='Non-state actor overtakes territory')
    >>> classify_event("The Army later recaptured the hill.").sub_event_type
    'Government regains territory'
    >>> classify_event("On 8 April, rebels detonated two suicide cars at the base.").sub_event_type
    'Suicide bomb'
    >>> classify_event("Idlib is located near the main strategic highway.") is None
    True
    """
    lowered = sentence.lower()
    candidates = _candidates(lowered)
    main = _RELATIVE.sub("", lowered) if ", wh" in lowered else lowered
    for i, pattern in enumerate(NOT_EVENTS):
        if i in candidates and pattern.search(main):
            return None
    if _DESCRIBED.search(lowered) and not _DATED.search(lowered):
        return None  # "The Battle of Harem was a two-month struggle ...", undated
    text = _BACKGROUND.sub(" ", lowered)
    dated: bool | None = None
    offset = len(NOT_EVENTS)
    for i, rule in enumerate(RULES, offset):
        if i not in candidates:
            continue
        match = _first_match(rule, text)
        if match is None or (rule.unless is not None and rule.unless.search(text)):
            continue
        if rule.needs_date:
            if dated is None:
                dated = _DATED.search(lowered) is not None
            if not dated:
                continue
        sub = rule.sub_event_type
        if (previous is not None and rule.name == "armed clash"
                and previous.event_type == REMOTE
                and all(m.group(0) in _TOLL_WORDS for m in rule.pattern.finditer(text))
                and not _FIGHT_WORDS.search(text)):
            return previous
        if sub == BY_AGENT:
            agent = _territory_agent(text, match, sides, previous_side)
            sub = GOVERNMENT_REGAINS if agent == "government" else NON_STATE_OVERTAKES
        return EventType(rule.event_type, sub)
    return None
