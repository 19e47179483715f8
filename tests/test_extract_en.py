"""English extraction, one phenomenon per test, on real-style sentences written for these tests."""

from __future__ import annotations

from extraction_helpers import claims, core, one, triples


def test_active_supply_to() -> None:
    c = one("Germany delivered 18 Leopard 2A6 tanks to Ukraine in March.", "en")
    assert (c["supplier"], c["recipient"], c["item"], c["stage"], c["status"]) == (
        "DEU", "UKR", "Leopard 2A6", "delivered", "asserted")
    assert c["quantity"] == {"value": 18, "qualifier": "exact"} and c["when"] == "2024-03"


def test_bare_object_recipient() -> None:
    c = one("The United States will give Taiwan 66 F-16V fighter jets.", "en")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("USA", "TWN", "planned")


def test_buy_from() -> None:
    c = one("India bought five S-400 air defence systems from Russia.", "en")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "IND", "ordered")
    assert c["item"].startswith("S-400")


def test_receive_from_and_passive_by() -> None:
    c = one("Kyiv has received Storm Shadow missiles, which were supplied by Britain.", "en")
    assert (c["supplier"], c["recipient"]) == ("GBR", "UKR")


def test_coordinated_suppliers_share_the_agent_marker() -> None:
    got = triples("Ukraine uses SCALP missiles supplied by France and Italy.", "en")
    assert {(s, r) for s, r, _ in got} == {("FRA", "UKR"), ("ITA", "UKR")}


def test_possessive_and_demonym_origin() -> None:
    text = "Russia's war effort depends on Iranian drones. Iranian drones were delivered to Russia in 2022."
    c = one(text, "en")
    assert (c["supplier"], c["recipient"], c["category"]) == ("IRN", "RUS", "uav")
    c = one("America's Abrams tanks will be delivered to Kyiv next week.", "en")
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("USA", "UKR", "M1 Abrams", "planned")


def test_reportedly_and_according_to() -> None:
    c = one("Iran has reportedly sent Fath-360 missiles to Russia.", "en")
    assert c["status"] == "reported"
    c = one("According to Reuters, Belarus transferred T-72 tanks to Russia.", "en")
    assert c["status"] == "reported" and c["attributed_to"] == ["Reuters"]


def test_said_attribution() -> None:
    c = one("North Korea shipped KN-23 missiles to Russia, a South Korean official said.", "en")
    assert c["status"] == "reported" and any("official" in a for a in c["attributed_to"])


def test_official_announcement_is_the_event_not_a_hedge() -> None:
    c = one("Washington announced a new $300m aid package for Ukraine including artillery ammunition.", "en")
    assert (c["supplier"], c["recipient"], c["stage"], c["status"]) == ("USA", "UKR", "planned", "asserted")


def test_unconfirmed() -> None:
    text = ("US media said Kyiv would get ATACMS missiles in the coming weeks. "
            "Neither Washington nor Kyiv has officially confirmed the reports.")
    c = one(text, "en")
    assert (c["item"], c["stage"], c["status"]) == ("MGM-140 ATACMS", "planned", "unconfirmed")


def test_denial_scope() -> None:
    text = ("Iran supplied hundreds of Shahed-136 drones to Russia in 2022, officials said. "
            "Tehran denies sending any weapons to Moscow for the war.")
    assert one(text, "en")["status"] == "denied"


def test_denial_of_an_unrelated_claim_does_not_spread() -> None:
    text = ("France delivered Caesar howitzers to Ukraine last year. "
            "Separately, Iran denied that it had sold drones to Russia.")
    c = one(text, "en", item="CAESAR")
    assert c["status"] == "asserted"


def test_negated_transfer() -> None:
    assert claims("Germany has not delivered Taurus missiles to Ukraine.", "en") == []


def test_quantities() -> None:
    assert one("Pyongyang sent more than 1,000 containers of shells to Russia.", "en")["quantity"] is None
    c = one("Russia received at least 18 Mohajer-6 drones from Iran.", "en")
    assert c["quantity"] == {"value": 18, "qualifier": "at_least"}
    c = one("Poland will buy up to 96 AH-64E helicopters from the United States.", "en")
    assert c["quantity"] == {"value": 96, "qualifier": "at_most"}
    c = one("Egypt delivered about 20 mortar shells to Niger.", "en")
    assert c["quantity"] == {"value": 20, "qualifier": "approx"}
    c = one("Kyiv received a dozen Gepard anti-aircraft guns from Germany.", "en")
    assert c["quantity"] == {"value": 12, "qualifier": "approx"}


def test_money_is_not_a_quantity() -> None:
    c = one("Indonesia signed a $450 million deal to buy BrahMos missiles from India.", "en")
    assert c["quantity"] is None and (c["supplier"], c["recipient"], c["stage"]) == ("IND", "IDN", "agreed")


def test_stages() -> None:
    assert one("Colombia is in talks to acquire Gripen fighters from Sweden.", "en")["stage"] == "negotiating"
    assert one("China offered JF-17 jets to Argentina.", "en")["stage"] == "offered"
    assert one("Argentina signed an agreement to purchase F-16 jets from Denmark.", "en")["stage"] == "agreed"
    c = one("Russia and India signed a contract for licensed production of AK-203 rifles in India.", "en")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "IND", "licensed_production")


def test_paused_shipment_is_planned() -> None:
    c = one("The United States paused a shipment of 2,000-lb bombs to Israel.", "en")
    assert (c["item"], c["stage"]) == ("2,000-lb bombs", "planned")


def test_generic_item_dropped_next_to_a_designation_of_its_category() -> None:
    text = "Egypt delivered armoured vehicles to Niger, including 30 BRDM-2 scout cars."
    assert triples(text, "en") == {("EGY", "NER", "BRDM-2")}


def test_use_and_losses_are_not_transfers() -> None:
    text = ("Ukraine used HIMARS launchers to strike a bridge. A Russian Su-34 was shot down near Kharkiv. "
            "Israel sent tanks into Rafah on Tuesday.")
    assert claims(text, "en") == []


def test_off_topic_with_ambiguous_names() -> None:
    text = ("The Tigers beat the Hawks 3-1 on Sunday, with a late goal from their striker. "
            "Hail and a storm are expected over Leeds; a leopard escaped from the zoo.")
    assert claims(text, "en") == []


def test_maintenance_contract_is_not_a_transfer() -> None:
    assert claims("The Pentagon approved a contract to maintain Kyiv's HAWK air defense systems.", "en") == []


def test_route_and_carrier() -> None:
    text = "Iran shipped Fath-360 missiles to Russia via the Caspian Sea aboard an Il-76TD, officials said."
    c = one(text, "en")
    assert c["route"] == "via the Caspian Sea" and c["carrier"] == "an Il-76TD"
    c = one("Belarus sent T-72 tanks to Russia, flown by Rada Airlines.", "en")
    assert c["carrier"] == "Rada Airlines"


def test_expected_signature_is_planned_and_reported() -> None:
    text = ("Analysts expect Saudi Arabia to sign a deal for 48 Eurofighter Typhoon jets with the UK "
            "by the end of the year.")
    c = one(text, "en")
    assert (c["supplier"], c["recipient"], c["stage"], c["status"]) == ("GBR", "SAU", "planned", "reported")


def test_announced_delivery_is_planned_but_announced_contract_is_an_order() -> None:
    assert one("Washington announced the delivery of 18 HIMARS to Ukraine.", "en")["stage"] == "planned"
    c = one("Warsaw announced the signing of a contract to buy 96 AH-64E helicopters from the United States.", "en")
    assert c["stage"] == "ordered"


def test_made_by_the_recipient_is_licensed_production() -> None:
    c = one("India signed a contract with Russia for 600,000 AK-203 rifles made in India.", "en")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "IND", "licensed_production")


def test_seized_shipment_and_smuggling_to_armed_groups() -> None:
    text = ("The US Navy seized a shipment of Iranian-made missiles bound for the Houthis in Yemen. "
            "Iran has smuggled Kornet anti-tank missiles to Hamas, Israeli officials said.")
    got = {c["recipient"]: c for c in claims(text, "en")}
    assert (got["ORG:Houthis"]["supplier"], got["ORG:Houthis"]["stage"]) == ("IRN", "planned")
    assert (got["ORG:Hamas"]["supplier"], got["ORG:Hamas"]["stage"], got["ORG:Hamas"]["status"]) == (
        "IRN", "delivered", "reported")


def test_names_inside_attributions_are_not_parties() -> None:
    text = ("Vietnam is reportedly in talks with the United States over the purchase of F-16 jets, according to a "
            "person familiar with the matter. Azerbaijan bought Harop loitering munitions from Israel, the "
            "Stockholm International Peace Research Institute said.")
    assert triples(text, "en") == {("USA", "VNM", "F-16"), ("ISR", "AZE", "Harop")}
    assert one(text, "en", item="F-16")["stage"] == "negotiating"


def test_a_million_counts_but_thousands_do_not() -> None:
    c = one("Russia received more than a million shells from North Korea.", "en")
    assert c["quantity"] == {"value": 1000000, "qualifier": "at_least"}
    assert one("Russia received thousands of shells from North Korea.", "en")["quantity"] is None


def test_accused_supplier_and_accuser_as_source() -> None:
    c = one("The United States accused North Korea of shipping artillery shells to Russia.", "en")
    assert (c["supplier"], c["recipient"], c["status"], c["attributed_to"]) == (
        "PRK", "RUS", "reported", ["The United States"])


# -- strict fields: shared totals, commitments, requests, attribution -----------------------------------


def test_number_for_coordinated_suppliers_is_a_shared_total() -> None:
    rows = {core(c) for c in claims("Norway and Belgium will supply 30 F-16s to Ukraine.", "en")}
    assert rows == {("NOR", "UKR", "F-16", None, "planned", "asserted"),
                    ("BEL", "UKR", "F-16", None, "planned", "asserted")}
    rows = {core(c) for c in claims("Russia will deliver 30 Su-35 fighters to Iran and Algeria.", "en")}
    assert {r[3] for r in rows} == {None} and {r[1] for r in rows} == {"IRN", "DZA"}
    # "each" makes the number per party
    rows = {core(c) for c in claims("Norway and Belgium will each supply 12 F-16s to Ukraine.", "en")}
    assert {r[3] for r in rows} == {(12, "exact")}


def test_commitment_is_planned_and_agreeing_is_agreed() -> None:
    assert core(one("Norway committed to transfer six F-16 fighters to Ukraine.", "en"))[4] == "planned"
    assert core(one("Norway has agreed to transfer six F-16 fighters to Ukraine.", "en"))[4] == "agreed"


def test_asking_for_a_delivery_makes_the_asker_the_recipient() -> None:
    for text in ("Ukraine asked Germany for the delivery of Taurus missiles.",
                 "Ukraine asked Germany to supply Taurus missiles."):
        assert core(one(text, "en"))[:2] == ("DEU", "UKR")
    c = one("Germany asked the United States to supply more Patriot systems to Ukraine.", "en")
    assert core(c)[:2] == ("USA", "UKR")


def test_outlet_citing_a_source_gives_both_names() -> None:
    c = one("The Wall Street Journal, citing Western intelligence officials, reported that Iran has delivered "
            "Fateh-110 missiles to Russia.", "en")
    assert set(c["attributed_to"]) == {"The Wall Street Journal", "Western intelligence officials"}


def test_a_party_that_does_not_confirm_is_no_source() -> None:
    c = one("According to Reuters, Iran has shipped Fateh-110 missiles to Russia, but Tehran has not "
            "confirmed the shipments.", "en")
    assert c["attributed_to"] == ["Reuters"] and c["status"] == "unconfirmed"


def test_a_relative_clause_or_a_contract_is_no_source() -> None:
    c = one("Egypt received 24 Su-35 jets from Russia according to the contract, under which Cairo paid "
            "two billion dollars.", "en")
    assert c["attributed_to"] == [] and c["status"] == "asserted"


def test_said_during_a_visit_keeps_the_apposition_as_speaker() -> None:
    c = one("Germany's defence minister, Boris Pistorius, said during a visit to Kyiv that Germany will deliver "
            "ten Leopard 1 tanks to Ukraine.", "en")
    assert c["attributed_to"] == ["Boris Pistorius"] and c["status"] == "reported"


def test_an_initialism_before_officials_is_the_source_not_a_recipient() -> None:
    text = "Iran has delivered more than 200 Fath-360 missiles to Russia, U.S. officials said on Tuesday."
    [c] = claims(text, "en")
    assert (c["supplier"], c["recipient"], c["quantity"]) == ("IRN", "RUS", {"value": 200, "qualifier": "at_least"})
    assert triples("The U.K. will deliver 14 Challenger 2 tanks to Ukraine.", "en") == {
        ("GBR", "UKR", "Challenger 2")}


# --- Lexicon coverage (issue 13): kinds of items, triggers, stage and factuality cues, written for these tests ---


def test_support_vehicle_nouns_are_items_of_their_own() -> None:
    found = claims("Turkey delivered mine-clearing vehicles and tank transporters to Azerbaijan.", "en")
    assert {(c["supplier"], c["recipient"], c["item"], c["category"]) for c in found} == {
        ("TUR", "AZE", "mine-clearing vehicles", "other"), ("TUR", "AZE", "tank transporters", "other")}
    found = claims("Norway will send armoured recovery vehicles and engineering vehicles to Ukraine.", "en")
    assert {c["item"] for c in found} == {"armoured recovery vehicles", "engineering vehicles"}
    assert {c["stage"] for c in found} == {"planned"}


def test_kinds_of_small_arms_and_equipment_give_one_claim_each() -> None:
    found = claims("Germany sent sniper rifles, grenade launchers and night-vision goggles to Lithuania.", "en")
    assert {(c["item"], c["category"]) for c in found} == {
        ("sniper rifles", "small_arms"), ("grenade launchers", "small_arms"), ("night-vision devices", "sensor")}
    found = claims("The Netherlands will supply spare parts, body armour and artillery fuzes to Ukraine.", "en")
    assert {(c["item"], c["category"]) for c in found} == {
        ("spare parts", "other"), ("body armour", "other"), ("fuzes", "ammunition")}
    found = claims("Canada will donate torpedoes and cruise missiles to Ukraine.", "en")
    assert {(c["item"], c["category"]) for c in found} == {("torpedoes", "other"), ("cruise missiles", "missile")}


def test_induct_receives_from_the_supplier() -> None:
    c = one("The Indian Navy inducted four submarines from France last year.", "en")
    assert core(c) == ("FRA", "IND", "ships", (4, "exact"), "delivered", "asserted")


def test_inked_and_mou_are_agreements() -> None:
    inked = one("Vietnam inked a contract with South Korea for 20 K9 howitzers.", "en")
    signed = one("Vietnam signed a contract with South Korea for 20 K9 howitzers.", "en")
    assert core(inked) == core(signed)
    c = one("Indonesia signed an MoU with Turkey for 12 Bayraktar TB3 drones.", "en")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("TUR", "IDN", "agreed")


def test_license_produce_is_licensed_production() -> None:
    c = one("India signed a deal with Russia to license-produce AK-203 rifles.", "en")
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("RUS", "IND", "AK-203", "licensed_production")


def test_considering_a_purchase_is_planned() -> None:
    c = one("Chile is considering buying ten F-16 jets from the United States.", "en")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("USA", "CHL", "planned")


def test_thought_to_have_hedges_and_independent_verification_doubts() -> None:
    c = one("Iran is thought to have supplied drones to Russia.", "en")
    assert (c["supplier"], c["recipient"], c["status"]) == ("IRN", "RUS", "reported")
    c = one("North Korea sent artillery shells to Russia, officials said. The claim could not be independently "
            "verified.", "en")
    assert c["status"] == "unconfirmed"


def test_off_topic_sentences_with_trigger_words_give_no_claim() -> None:
    for text in ("The zoo in Prague sent a leopard to Berlin last year.",
                 "Spain delivered a crushing defeat to France in the final.",
                 "Storm Shadow, the horse, won the Derby in France ahead of Ireland's favourite.",
                 "Rebel fighters from Syria were sent to Libya by Turkey."):
        assert claims(text, "en") == [], text


def test_day_before_a_month_is_no_count() -> None:
    got = claims("Germany on 12 May delivered Leopard 2 tanks to Ukraine.", "en")
    assert [(c["quantity"], c["when"]) for c in got] == [(None, "2024-05-12")]


def test_partyless_sentence_with_an_anaphor_continues_the_transfer() -> None:
    got = claims("Turkey is due to receive S-400 systems from Russia this year. The systems have already been "
                 "delivered.", "en")
    assert [(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in got] == \
        [("RUS", "TUR", "S-400 Triumf", "delivered")]


def test_each_supplier_its_own_make() -> None:
    got = triples("France, Germany and the United States agreed to give Ukraine AMX-10RC light tanks as well as "
                  "Bradley and Marder infantry fighting vehicles.", "en")
    assert got == {("FRA", "UKR", "AMX-10 RC"), ("USA", "UKR", "M2 Bradley"), ("DEU", "UKR", "Marder")}


def test_photo_caption_names_no_system_a_generic_means() -> None:
    text = ("Iranian MP confirms missile deliveries to Russia\n\nPhoto: Iranian Zolfaghar ballistic missiles (Getty "
            "Images)\n\nAn Iranian MP said Iran supplies Russia with drones and missiles.")
    assert "Zolfaghar" not in {c["item"] for c in claims(text, "en")}


def test_ships_is_the_verb_before_goods_and_the_noun_elsewhere() -> None:
    """'ships' is an item noun and the verb 'ship': the verb only when goods follow it."""
    assert triples("Russia ships drones to Iran.", "en") == {("RUS", "IRN", "drones")}
    assert triples("Iran ships the missiles to Russia by sea.", "en") == {("IRN", "RUS", "missiles")}
    assert triples("France sold two ships to Egypt.", "en") == {("FRA", "EGY", "ships")}
    assert claims("Brazilian ships Tamandaré and Alpha sailed with Chilean navy ships Lynch and Condell.", "en") == []
