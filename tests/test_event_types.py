"""ACLED event types: hand-checked rules, the gold files, gating, speed."""

from __future__ import annotations

import json
import re

import pytest
from conftest import gold_event_files

from idlibkit import event_types
from idlibkit.event_types import (
    BY_AGENT,
    NOT_EVENTS,
    RULES,
    TAXONOMY,
    EventType,
    classify_event,
)

GOLD_FILES = gold_event_files(new=True)

# Crude sides for the gold test: the real pipeline passes them from the actor tagger.
_SIDES = re.compile(
    r"(?P<opposition>free syrian army|army of conquest|fattah army|jaish al-fatah|\bfsa\b|nusra"
    r"|ahrar|islamic front|jund al-aqsa|\brebel|\bopposition|insurgent|jihadist|militant"
    r"|defector|falcons)"
    r"|(?P<government>pro-government|\bgovernment|\bregime|\barmy\b|\bmilitary|\btroops"
    r"|\bsoldiers?\b|tiger forces|\bndf\b|shabiha|\bassad|air force|loyalist|hezbollah)",
    re.IGNORECASE,
)


def crude_sides(sentence: str) -> list[str]:
    """``government`` / ``opposition`` for each side word, in order of mention."""
    return [m.lastgroup for m in _SIDES.finditer(sentence) if m.lastgroup]


def _gold() -> list[tuple[str, dict]]:
    return [(f.name, json.loads(f.read_text(encoding="utf-8"))) for f in GOLD_FILES]


def sub(sentence: str, sides: tuple[str, ...] = ()) -> str | None:
    result = classify_event(sentence, sides)
    return None if result is None else result.sub_event_type


# -- the table -------------------------------------------------------------------------------

def test_rules_use_acled_taxonomy() -> None:
    for rule in RULES:
        assert rule.event_type in TAXONOMY, rule.name
        if rule.sub_event_type != BY_AGENT:
            assert rule.sub_event_type in TAXONOMY[rule.event_type], rule.name


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


def test_gold_labels_are_acled() -> None:
    for name, doc in _gold():
        for event in doc["events"]:
            assert event["sub_event_type"] in TAXONOMY[event["event_type"]], name


def test_result_is_a_frozen_pair() -> None:
    result = classify_event("Rebels attacked the Syrian Army armoured column.")
    assert result == EventType("Battles", "Armed clash")
    with pytest.raises(AttributeError):
        result.event_type = "Riots"  # type: ignore[misc]


# -- one rule at a time ----------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    # Explosions/Remote violence
    ("The army dropped barrels filled with chlorine on the town.", "Chemical weapon"),
    ("Between 28 and 30 March 47 people were killed during a government bombardment of Idlib "
     "city, which reportedly included chemical weapons.", "Shelling/artillery/missile attack"),
    ("On 8 April, rebels detonated two suicide cars at the Khazanat fueling base, followed by "
     "clashes.", "Suicide bomb"),
    ("A suicide bomber blew himself up at the checkpoint.", "Suicide bomb"),
    ("The next day, six car bombs were detonated by the rebels.",
     "Remote explosive/landmine/IED"),
    ("On 5 May, rebels detonated a 'tunnel bomb' under the checkpoint and captured it.",
     "Remote explosive/landmine/IED"),
    ("Three soldiers were killed on 6 June by an explosion targeting their vehicle.",
     "Remote explosive/landmine/IED"),
    ("9 government tanks were destroyed by homemade bombs as they left.",
     "Remote explosive/landmine/IED"),
    ("A grenade was thrown at the checkpoint.", "Grenade"),
    ("Around the same time the Air Force had carried out 51 airstrikes.", "Air/drone strike"),
    ("The town of Maar Shurin was bombarded by the air force.", "Air/drone strike"),
    ("The journalist witnessed a government helicopter attack on a village.",
     "Air/drone strike"),
    ("The Syrian Army used helicopters and fighter jets to shell rebel positions.",
     "Air/drone strike"),
    ("The Syrian military struck back hours after rebels captured the base, launching air "
     "strikes on the area.", "Air/drone strike"),
    ("The army shelled the area.", "Shelling/artillery/missile attack"),
    ("The village of al-Junoudia was bombarded.", "Shelling/artillery/missile attack"),
    # Violence against civilians
    ("In addition, 15 prisoners held by the state security services were executed.", "Attack"),
    ("Soldiers dragged civilians from their homes and gunned them down in the streets.",
     "Attack"),
    ("There, they reportedly found the corpses of 21 detainees.", "Attack"),
    ("Gunmen abducted two aid workers near Saraqib.", "Abduction/forced disappearance"),
    # Battles
    ("On 29 December rebels shot down a helicopter over Saraqib.", "Armed clash"),
    ("Al-Nusra Front said its fighters had shot the plane down.", "Armed clash"),
    ("Fighting was ongoing for hours.", "Armed clash"),
    ("On 4 April, four rebels were reportedly killed by clashes around Sehyan checkpoint.",
     "Armed clash"),
    ("On 23 April, rebels launched an offensive against Jisr al-Shughur.", "Armed clash"),
    ("On 27 July, Syrian rebels captured 50 troops, including 14 officers.", "Armed clash"),
    ("At least 56 soldiers were killed and 40 captured in the final assault.", "Armed clash"),
    ("Al-Nusra Front claimed that it had captured 12 soldiers and seized two tanks.",
     "Armed clash"),
    ("On 8 October, the rebels launched an offensive to capture the town.", "Armed clash"),
    ("The military reached Kurin, with clashes as the troops tried to take over the village.",
     "Armed clash"),
    ("On 22 October, army units briefly broke into the town.", "Armed clash"),
    # Strategic developments
    ("The army was respecting a truce with the rebels.", "Agreement"),
    ("Around 280 soldiers defected from the army and clashed with government troops.",
     "Change to group/activity"),
    ("In late May, Maj. Gen. Wahib Haidar was replaced as the army's commander in Idlib.",
     "Change to group/activity"),
    ("On 4 April, the Tiger Forces arrived at Ariha to support the government troops.",
     "Other"),
    ("Syrian government troops regrouped south of the city, and were preparing for a possible "
     "attack by rebel forces.", "Other"),
    ("About 1,500 fighters were sent to Damascus to reinforce the ongoing rebel offensive.",
     "Other"),
    ("On 25 July, the regular army pulled units back from Idlib to Aleppo.", "Other"),
    ("The surviving troops fell back south towards Morek.", "Other"),
    ("A transport plane crashed while trying to land at the base, killing all 35 on board.",
     "Other"),
    ("Rebels were reported to be looting, burning and racketing truck drivers.",
     "Looting/property destruction"),
    ("The police arrested 30 activists in the town.", "Arrests"),
    ("The FSA established a new headquarters in the village.",
     "Headquarters or base established"),
    ("On 18 July, troops reportedly withdrew from the Maarrat al-Nu'man area.",
     "Non-violent transfer of territory"),
    ("The rebels also withdrew from Kurin due to a lack of support.",
     "Non-violent transfer of territory"),
    ("These buildings were recaptured by pro-government forces later that day after the "
     "rebels pulled out of the city.", "Non-violent transfer of territory"),
    ("On 22 July, the Free Syrian Army controlled three crossings into Turkey.", "Other"),
    ("In early June, the al-Ghab plain was reportedly under rebel control.", "Other"),
    # Protests and riots
    ("Thousands of people joined a protest against the government in Idlib.",
     "Peaceful protest"),
    ("A riot broke out in the prison.", "Mob violence"),
    # Wider vocabulary (found on the held-out documents; these sentences are paraphrases)
    ("Army aircraft struck the village of Kafr Foo on Monday.", "Air/drone strike"),
    ("Su-22 jets had been bombing positions around the town.", "Air/drone strike"),
    ("Rebels across the border attacked the Menagh airbase, which lies near Turkey.",
     "Armed clash"),
    ("Fighters probed the defences of the town earlier in the week.", "Armed clash"),
    ("They tried again to break through the lines near the village.", "Armed clash"),
    ("The group said dozens of soldiers had died and two tanks were knocked out.",
     "Armed clash"),
    ("On 9 June, the rebels launched a fresh offensive, hoping to open a road.", "Armed clash"),
    ("The army had won back half of the ground it had lost.", "Government regains territory"),
    ("The group said the base had been completely liberated.",
     "Non-state actor overtakes territory"),
    ("The build-up followed the rebels' capture of the airbase on 9 September.",
     "Non-state actor overtakes territory"),
    ("About 30 soldiers surrendered on the evening of 24 December.", "Other"),
    ("Rebel units massed around the enclave in mid-September.", "Other"),
    ("Elite units were reported to have been sent to the camp.", "Other"),
    ("About 400 soldiers left the camp overnight in a convoy.", "Other"),
    ("The rebels sealed all roads into the enclave.", "Other"),
    ("By then the brigade held about half of the town.", "Other"),
    ("A crew filmed fighters rounding up suspected militiamen.", "Arrests"),
    ("Warplanes hit the main market that morning, killing five civilians.", "Air/drone strike"),
    ("A crew filmed fighters there shooting dead an unarmed prisoner.", "Attack"),
    ("SANA said warplanes and artillery were hammering terrorists around the camp.",
     "Air/drone strike"),
    ("The truce expired on the morning of 14 August.", "Other"),
    ("A second short truce broke down after the talks failed.", "Other"),
    ("One rebel was killed in an exchange of fire, although the truce was otherwise holding.",
     "Armed clash"),
    ("The next day, the first day of the truce, rebels said the army had been shelling the "
     "town.", "Shelling/artillery/missile attack"),
    ("On 9 August, a rebel counter-offensive forced the army to pull out of three villages.",
     "Non-state actor overtakes territory"),
    ("A commander told Reuters that the base had been freed.",
     "Non-state actor overtakes territory"),
    ("Every soldier had left and the camp was now held by the Army of Conquest.",
     "Non-state actor overtakes territory"),
    ("By Sunday night the hill and the army checkpoints were in rebel hands.",
     "Non-state actor overtakes territory"),
    ("One column pushed north to the village's edge, but the village was not taken.",
     "Armed clash"),
    ("Soldiers fleeing the fighting crossed the river and were detained by Turkish troops.",
     "Arrests"),
    ("The rebels tried to storm the camp, but the army, reinforced by the Tiger Forces, drove "
     "them back.", "Armed clash"),
    ("Buses carried 330 civilians out of the two towns to Turkey.", "Other"),
    ("Security forces shot dead at least 23 detainees before pulling out.", "Attack"),
    ("The footage showed wounded soldiers being beaten and then shot.", "Attack"),
    ("A day later, a boy and his uncle were shot dead after being detained.", "Attack"),
    # from the third held-out set (paraphrased)
    ("During the evening, the air force began bombing the town.", "Air/drone strike"),
    ("A MiG jet struck rebels as they tried to storm the base.", "Air/drone strike"),
    ("Several jets dropped ten bombs on the town.", "Air/drone strike"),
    ("Warplanes began a new wave of strikes on towns across the province.", "Air/drone strike"),
    ("The guards had opened fire on about 80 detainees.", "Attack"),
    ("Fighters raided the city, briefly seizing the governor's building.", "Armed clash"),
    ("A fourth village, Foo, fell on the same day.", "Non-state actor overtakes territory"),
    ("By the end of the day the last government positions inside the town had fallen.",
     "Non-state actor overtakes territory"),
    ("The militants slipped into the city at dawn and were confronted by troops.",
     "Armed clash"),
    ("Rebels had stopped an army relief column south of the town.", "Armed clash"),
    ("Rebel commanders said they were withdrawing fighters from front-line positions.",
     "Other"),
    ("Some 250 soldiers remained trapped inside the base.", "Other"),
    ("On 1 March, the group announced that it was dissolving itself.",
     "Change to group/activity"),
    ("Heavy clashes broke out hours after a four-day truce had come into force.",
     "Armed clash"),
    ("Government forces used the truce to send convoys of reinforcements.", "Other"),
    ("On 20 September, a new ceasefire took effect in the two towns.", "Agreement"),
    ("A defected officer leading rebel units said 400 soldiers were holding out there.",
     "Other"),
    # from the fourth held-out set (paraphrased)
    ("In late March, government forces launched a series of large attacks on towns.",
     "Armed clash"),
    ("Soldiers dragged men from their homes and shot them in the streets.", "Attack"),
    ("Troops killed 20 people when they opened fire on a funeral procession.", "Attack"),
    ("Reuters, citing refugees, reported a toll of at least 120 in the town.", "Armed clash"),
    ("It said one of the strikes had destroyed a hospital.", "Air/drone strike"),
    ("Army helicopters also fired on the town.", "Air/drone strike"),
    ("Government forces had stormed the city and driven out rebel fighters in March 2012.",
     "Government regains territory"),
    ("Fearing air raids, civil defence teams began moving families out of the city.", "Other"),
    ("The army announced a pause in the fighting so that residents could collect the dead.",
     "Other"),
    ("A week after the pause in the fighting, the nationwide ceasefire came into force.",
     "Agreement"),
    ("SANA said army units had redeployed outside the city to avoid casualties.", "Other"),
    ("State media said the army had killed dozens of fighters, including suicide bombers.",
     "Armed clash"),
    ("The post was attacked; he could not tell whether the car was driven by a suicide "
     "bomber.", "Armed clash"),
    ("Defenders armed with rifles and grenades damaged one tank.", "Armed clash"),
    ("By 26 March the army had driven the rebels out and taken full control of the town.",
     "Government regains territory"),
    ("On Wednesday, rebels chasing the retreating troops captured a hilltop village.",
     "Non-state actor overtakes territory"),
    ("On Monday the monitor confirmed that the base had fallen to the rebels.",
     "Non-state actor overtakes territory"),
    ("Rebels had also surrounded two other army positions near the town.", "Other"),
    ("An opposition group accused the troops of setting fire to the shops in the market.",
     "Looting/property destruction"),
    ("Late on Friday the fighters forced their way through the northern entrance.",
     "Armed clash"),
    ("The bodies of at least 60 soldiers could be seen in the streets.", "Armed clash"),
    ("The monitor documented the detention of residents by the rebels.", "Arrests"),
])
def test_rule(sentence: str, expected: str) -> None:
    assert sub(sentence) == expected


# -- territory: who took it ------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "sides", "expected"), [
    ("On 14 October, rebels captured the town of Azmarin.", (), "Non-state"),
    ("The Army later recaptured the hill.", (), "Government"),
    ("Baboulin town and al-Salhiya village were captured by the rebels.", (), "Non-state"),
    ("The buildings were recaptured by pro-government forces later that day.", (), "Government"),
    ("The city had already been captured once before by the rebels, but was recaptured by the "
     "military in August.", (), "Non-state"),
    ("It was also reported that the Bab al-Salam crossing was taken by the FSA.", (),
     "Non-state"),
    ("The second base was also in rebel hands.", (), "Non-state"),
    ("The Syrian Army retook control of the Bab al-Hawa crossing.", (), "Government"),
    ("On 28 October, the Free Syrian Army claimed it had taken control of Salqin.", (),
     "Non-state"),
    ("On 13 November the Syrian Army announced that Sararif was a secure area.", (),
     "Government"),
    ("The Tiger Forces cleared most of al-Lataminah.", (), "Government"),
    ("In November, al-Nusra Front drove the Hazzm Movement out of Jabal al-Zawiya.", (),
     "Non-state"),
    ("On 30 April 2013, FSA units stormed the base and briefly held its western section.", (),
     "Non-state"),
    ("During April 2013 Syrian government forces broke a rebel blockade on the highway.", (),
     "Government"),
    # the sentence does not say who: the actor tagger's sides decide
    ("By 10 April, they had secured the approaches to Mastouma.", ("government", "opposition"),
     "Government"),
    ("They overran several checkpoints.", ("opposition", "government"), "Non-state"),
    ("They overran several checkpoints.", (), "Non-state"),
])
def test_territory_agent(sentence: str, sides: tuple[str, ...], expected: str) -> None:
    got = sub(sentence, sides)
    assert got is not None and got.startswith(expected), got


def test_people_and_equipment_are_not_territory() -> None:
    for sentence in (
        "During August, rebels captured 112 soldiers.",
        "Some 50 Syrian Army soldiers were killed or captured.",
        "The SOHR said more than one hundred soldiers and militiamen had been captured.",
    ):
        assert sub(sentence) == "Armed clash", sentence
    # captured equipment alone is no event (as the gold files code it)
    assert sub("Al-Nusra Front claimed to have captured 35 tanks and 20 armoured cars.") is None
    assert sub("They emerged victorious, captured one tank and photographed 35 dead soldiers "
               "in that attack.") == "Armed clash"


# -- no event --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The 2015 Idlib offensive refers to a series of rebel operations in the Idlib Governorate.",
    "The June 2012–April 2013 Idlib Governorate clashes was a series of clashes.",
    "The Battle of Morek was fought over the town of Morek.",
    "If it falls to rebel groups, it would be only the second provincial capital lost.",
    "The army held a base down the road, but no shooting was going on as of the moment.",
    "The U.N. cease-fire that was supposed to begin in April had never really taken effect.",
    "SOHR activists described clashes as the \"most violent for months\".",
    "According to The Economist, the capture of Idlib came about largely because of Gulf aid.",
    "Since Syria's conflict began in March 2011, more than 215,000 people have been killed.",
    "The goal was to capture or destroy the main military base there.",
    "Now they were hoping to destroy the rest of it.",
    "Idlib is located near the main strategic highway that links Damascus and Aleppo.",
    "The government still holds the besieged Abu al-Duhur airbase.",
    "The outskirts of Jisr al-Shughour were also reportedly under opposition control.",
    "The destroyed overpass cut off part of the highway.",
    "Rebels were administering justice and providing local services.",
    "The majority of the men fighting for the rebels were reportedly locals.",
    "The Battle of Foo was a two-month struggle between rebel brigades and the army.",
    "The monitor said it could not tell whether the dead were civilians or soldiers.",
    "The cause of the blast was not immediately known.",
    "The observatory did not give a death toll for the final assault.",
    "Under its terms, the rebels were to hand the town over and leave.",
    "Earlier truces had rarely held for more than a few days.",
    "Residents were sheltering in the old fortress, fearing a massacre if rebels shelled it.",
    "Many residents had taken up arms alongside the security forces.",
    "The al-Foo offensive in Jabal Bar was a campaign of fighting between rebel factions.",
    "According to the monitor, the group also took over the brigade's weapons and tanks.",
    "The Foo assault was an operation by government forces against the town of Foo.",
    "There was no immediate word on casualties from Monday's raids.",
    "The alliance vowed to keep fighting until more of the country was freed.",
    "Many families displaced from other towns had since taken refuge there.",
    "",
])
def test_not_an_event(sentence: str) -> None:
    assert classify_event(sentence) is None


def test_background_clause_is_dropped() -> None:
    s = "After Baboulin was captured, clashes took place along a nearby stretch of highway."
    assert sub(s) == "Armed clash"
    s = ("On 18 July, following bombing in Damascus which claimed lives of several officials, "
         "troops reportedly withdrew from the Maarrat al-Nu'man area.")
    assert sub(s) == "Non-violent transfer of territory"
    s = "Violent clashes are taking place, along with aerial bombardment on rebel areas."
    assert sub(s) == "Armed clash"


def test_case_does_not_matter() -> None:
    assert sub("REBELS CAPTURED THE TOWN OF AZMARIN.") == "Non-state actor overtakes territory"


# -- the gate never hides a match ------------------------------------------------------------

def _all_gold_sentences() -> list[str]:
    out = []
    for _, doc in _gold():
        out += [e["sentence"] for e in doc["events"]] + list(doc["non_events"])
    return out


def test_gate_never_skips_a_matching_pattern() -> None:
    variants = ["The army later recaptured the hill.", "They had retaken it.",
                "Forty were captured, 12 recaptured.", "SVBIEDs struck the base."]
    for sentence in _all_gold_sentences() + variants:
        lowered = sentence.lower()
        allowed = event_types._candidates(lowered)
        text = event_types._BACKGROUND.sub(" ", lowered)
        for i, pattern in enumerate(event_types._GATED):
            if pattern.search(lowered) or pattern.search(text):
                assert i in allowed, (i, sentence)


def test_gating_is_derived_for_most_rules() -> None:
    assert len(event_types._ALWAYS) <= 5
    assert len(event_types._GATED) == len(NOT_EVENTS) + len(RULES)


# -- the gold files --------------------------------------------------------------------------

def test_gold_event_types() -> None:
    """Every gold event, with sides derived crudely from the sentence's words."""
    total = right = 0
    report = []
    for name, doc in _gold():
        doc_total = doc_right = 0
        for event in doc["events"]:
            got = classify_event(event["sentence"], crude_sides(event["sentence"]))
            doc_total += 1
            doc_right += got is not None and got.sub_event_type == event["sub_event_type"]
        report.append(f"{name}: {doc_right}/{doc_total}")
        total += doc_total
        right += doc_right
    assert total > 200
    # Reached: 290/309 (0.939); on the five corpus documents 218/227 (0.960).
    assert right / total >= 0.92, report


def test_gold_non_events_are_mostly_none() -> None:
    sentences = [s for _, doc in _gold() for s in doc["non_events"]]
    none = sum(classify_event(s, crude_sides(s)) is None for s in sentences)
    # Reached: 69/72 (0.958); on the five corpus documents 50/51.
    assert none / len(sentences) >= 0.93


def test_a_described_battle_that_also_dates_what_happened_is_told() -> None:
    assert classify_event("The siege of Foo was a contest of three years for the base, which "
                          "rebels encircled in September 2012 and took in 2015.") is not None


def test_a_toll_after_a_remote_attack_is_that_attack() -> None:
    strike = classify_event("Government aircraft struck the town on Tuesday.")
    toll = "Local activists put the death toll at between 20 and 25 civilians."
    assert classify_event(toll).sub_event_type == "Armed clash"
    assert classify_event(toll, previous=strike) == strike
    # after a battle (or an attack on civilians), a toll stays a clash; and a sentence with
    # its own mode keeps it
    attack = classify_event("Troops executed ten prisoners.")
    assert classify_event(toll, previous=attack).sub_event_type == "Armed clash"
    capture = classify_event("Rebels captured the hill.")
    assert classify_event(toll, previous=capture).sub_event_type == "Armed clash"
    assert classify_event("Fighting killed 20.", previous=strike).sub_event_type == (
        "Armed clash")


def test_a_pronoun_subject_takes_the_side_of_the_event_before() -> None:
    s = "It retook Zayzoun and also recaptured two villages, Al-Masdar News reported."
    assert classify_event(s).sub_event_type == "Non-state actor overtakes territory"
    assert classify_event(s, previous_side="government").sub_event_type == (
        "Government regains territory")
    # a named side still decides
    assert classify_event("The army retook Zayzoun.", previous_side="opposition"
                          ).sub_event_type == "Government regains territory"
