"""Stage and status of claims as news reports word them, on made-up sentences in several languages."""

from __future__ import annotations

import pytest

from extraction_helpers import claims, one

# --- an attribution phrase names a source: its "accord" is no agreement ---------------------------------------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("en", "According to sources, Egypt has ordered 12 Su-35 jets from Russia.", "ordered"),
    ("en", "According to the ministry, Egypt received 12 Su-35 jets from Russia.", "delivered"),
    ("es", "De acuerdo con fuentes militares, Egipto recibió 12 aviones Su-35 de Rusia.", "delivered"),
    ("es", "De acuerdo con el ministerio, Egipto compró 12 aviones Su-35 a Rusia.", "ordered"),
    ("ru", "Согласно источникам, Египет получил 12 истребителей Су-35 от России.", "delivered"),
])
def test_attribution_phrase_sets_no_stage(lang: str, text: str, stage: str) -> None:
    c = one(text, lang, supplier="RUS", recipient="EGY")
    assert (c["stage"], c["status"]) == (stage, "reported")


# --- one government's approval: an approved sale is planned, an approved export agreed --------------------------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("en", "The State Department has approved a possible sale of 12 F-16 fighter jets to Jordan.", "planned"),
    ("en", "Washington approves $2 billion sale of NASAMS to Jordan.", "planned"),
    ("en", "The sale of 40 American F-16 jets to Jordan was approved on Monday.", "planned"),
    ("en", "Germany has approved the export of 50 Leopard 1 tanks to Jordan.", "agreed"),
    ("fr", "Washington a approuvé la vente de 12 avions F-16 à la Jordanie.", "planned"),
    ("fr", "La vente de 12 avions F-16 américains à la Jordanie a été approuvée lundi.", "planned"),
    ("fr", "L'Allemagne a autorisé l'exportation de 50 chars Leopard 1 vers la Jordanie.", "agreed"),
    ("es", "El Departamento de Estado aprobó la venta de 12 aviones F-16 a Jordania.", "planned"),
    ("es", "La venta de 12 aviones F-16 estadounidenses a Jordania fue aprobada el lunes.", "planned"),
    ("es", "Alemania autorizó la exportación de 50 tanques Leopard 1 a Jordania.", "agreed"),
    ("it", "Washington ha approvato la vendita di 12 caccia F-16 alla Giordania.", "planned"),
    ("nl", "Washington heeft de verkoop van 12 F-16's aan Jordanië goedgekeurd.", "planned"),
    ("de", "Washington hat den Verkauf von 12 F-16-Kampfjets an Jordanien genehmigt.", "planned"),
    ("de", "Die Bundesregierung hat die Lieferung von 50 Leopard-1-Panzern an Jordanien genehmigt.", "agreed"),
    ("ru", "Вашингтон одобрил продажу Иордании 12 истребителей F-16.", "planned"),
    ("uk", "Вашингтон схвалив продаж Йорданії 12 винищувачів F-16.", "planned"),
    ("pl", "Waszyngton zatwierdził sprzedaż Jordanii 12 myśliwców F-16.", "planned"),
    ("en", "The US Congress approved $60 billion in military aid for Jordan, including ATACMS missiles.", "planned"),
    ("fr", "Le Congrès américain a approuvé une aide militaire de 60 milliards de dollars pour la Jordanie, dont des "
           "missiles ATACMS.", "planned"),
    ("es", "El Congreso de Estados Unidos aprobó una ayuda militar de 60.000 millones de dólares para Jordania, "
           "incluidos misiles ATACMS.", "planned"),
])
def test_approval_stage_depends_on_what_is_approved(lang: str, text: str, stage: str) -> None:
    assert one(text, lang, recipient="JOR")["stage"] == stage


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "India's defence council approved the purchase of 26 Rafale M jets from France."),
    ("fr", "Le conseil de défense indien a approuvé l'achat de 26 avions Rafale M à la France."),
    ("es", "El consejo de defensa indio aprobó la compra de 26 aviones Rafale M a Francia."),
])
def test_approved_purchase_is_planned(lang: str, text: str) -> None:
    assert one(text, lang, supplier="FRA")["stage"] == "planned"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Poland signed a contract with South Korea for 180 K2 tanks."),
    ("fr", "La Pologne a signé un contrat avec la Corée du Sud pour 180 chars K2."),
    ("es", "Polonia firmó un contrato con Corea del Sur para 180 tanques K2."),
])
def test_signed_contract_stays_ordered(lang: str, text: str) -> None:
    assert one(text, lang, supplier="KOR")["stage"] == "ordered"


# --- a report verb in a passive with no agent reports nothing: its subject is no speaker --------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The first jets are expected in 2030; Egypt has also ordered 12 Su-35 jets from Russia."),
    ("en", "The purchase of 12 Russian Su-35 jets by Egypt was announced on Monday."),
    ("es", "La compra de 12 aviones Su-35 rusos por Egipto fue anunciada el lunes."),
    ("fr", "L'achat de 12 avions Su-35 russes par l'Égypte a été annoncé lundi."),
])
def test_agentless_passive_report_verb_is_no_attribution(lang: str, text: str) -> None:
    c = one(text, lang, supplier="RUS", recipient="EGY")
    assert (c["status"], c["attributed_to"]) == ("asserted", [])


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("en", "The purchase of 12 Russian Su-35 jets by Egypt was confirmed by the ministry.", "the ministry"),
    ("fr", "L'achat de 12 avions Su-35 russes par l'Égypte a été confirmé par le ministère.", "le ministère"),
    ("es", "La compra de 12 aviones Su-35 rusos por Egipto fue confirmada por el ministerio.", "el ministerio"),
])
def test_passive_report_verb_with_agent_attributes(lang: str, text: str, speaker: str) -> None:
    c = one(text, lang, supplier="RUS", recipient="EGY")
    assert (c["status"], c["attributed_to"]) == ("reported", [speaker])


# --- an apposition or relative clause after the subject takes no part in the main verb's transfer ---------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Poland, a NATO ally of the United States, ordered 180 K2 tanks from South Korea."),
    ("en", "Poland, a NATO member, ordered 180 K2 tanks from South Korea."),
    ("fr", "La Pologne, un allié des États-Unis au sein de l'OTAN, a commandé 180 chars K2 à la Corée du Sud."),
    ("es", "Polonia, un aliado de Estados Unidos en la OTAN, compró 180 tanques K2 a Corea del Sur."),
])
def test_party_in_apposition_is_no_recipient(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("KOR", "POL")}


@pytest.mark.parametrize(("lang", "text", "recipients"), [
    ("en", "Poland, the Czech Republic and Slovakia ordered K2 tanks from South Korea.", {"POL", "CZE", "SVK"}),
    ("en", "Poland, Hungary, and Slovakia ordered K2 tanks from South Korea.", {"POL", "HUN", "SVK"}),
])
def test_list_of_parties_is_no_apposition(lang: str, text: str, recipients: set[str]) -> None:
    assert {c["recipient"] for c in claims(text, lang)} == recipients


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Poland, which also operates F-16 jets, signed a contract for 180 K2 tanks with South Korea."),
    ("en", "Poland, which already flies American F-16 jets, ordered 180 K2 tanks from South Korea."),
    ("fr", "La Pologne, qui exploite déjà des avions F-16, a commandé 180 chars K2 à la Corée du Sud."),
    ("es", "Polonia, que ya opera aviones F-16, compró 180 tanques K2 a Corea del Sur."),
])
def test_item_in_subject_aside_is_not_transferred(lang: str, text: str) -> None:
    assert {c["item"] for c in claims(text, lang)} == {"K2 Black Panther"}


# --- a coordinator before a subject and its verb joins another clause, not another party of a list ---------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ukraine has received Leopard tanks from Germany, and Russia has received drones from Iran."),
    ("en", "Germany sent Leopard tanks to Ukraine and Iran sent drones to Russia."),
    ("fr", "L'Ukraine a reçu des chars Leopard de l'Allemagne, et la Russie a reçu des drones de l'Iran."),
    ("es", "Ucrania recibió tanques Leopard de Alemania y Rusia recibió drones de Irán."),
    ("it", "L'Ucraina ha ricevuto carri Leopard dalla Germania, e la Russia ha ricevuto droni dall'Iran."),
])
def test_coordinated_clauses_keep_their_own_parties(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)} == {
        ("DEU", "UKR", "Leopard"), ("IRN", "RUS", "drones")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Germany and Norway have sent Leopard tanks to Ukraine."),
    ("en", "Ukraine received Leopard tanks from Germany and Norway."),
    ("es", "Alemania y Noruega enviaron tanques Leopard a Ucrania."),
])
def test_coordinated_parties_share_their_role(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("DEU", "UKR"), ("NOR", "UKR")}


# --- the threat a transfer answers is not transferred ----------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Germany sent IRIS-T systems to Ukraine to shoot down Russian drones."),
    ("en", "Germany sent IRIS-T systems to Ukraine to help it intercept Russian missiles and drones."),
    ("en", "Germany sent IRIS-T systems to Ukraine to protect its cities from Russian cruise missiles."),
    ("en", "Germany delivered IRIS-T systems to Ukraine against Russian cruise missiles."),
    ("fr", "L'Allemagne a envoyé des systèmes IRIS-T à l'Ukraine pour abattre les drones russes."),
    ("fr", "L'Allemagne a livré des systèmes IRIS-T à l'Ukraine contre les missiles de croisière russes."),
    ("es", "Alemania envió sistemas IRIS-T a Ucrania para derribar los drones rusos."),
    ("es", "Alemania entregó sistemas IRIS-T a Ucrania contra los misiles de crucero rusos."),
    ("it", "La Germania ha consegnato sistemi IRIS-T all'Ucraina contro i missili da crociera russi."),
])
def test_threat_answered_is_not_transferred(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)} == {("DEU", "UKR", "IRIS-T")}


@pytest.mark.parametrize(("lang", "text", "item"), [
    ("en", "India signed a deal with Russia to produce AK-203 rifles.", "AK-203"),
    ("en", "The US will send HIMARS launchers to Ukraine, Russia's enemy, this year.", "M142 HIMARS"),
])
def test_purpose_of_another_kind_keeps_its_item(lang: str, text: str, item: str) -> None:
    assert item in {c["item"] for c in claims(text, lang)}


# --- a subordinator ends the stage walk: the clause before it is another event --------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The deal comes after Egypt bought Rafale jets from France in 2015."),
    ("en", "The agreement was signed while Egypt was buying Rafale jets from France."),
    ("fr", "L'accord intervient après l'achat par l'Égypte de Rafale à la France en 2015."),
    ("es", "El acuerdo llega mientras Egipto compró aviones Rafale a Francia en 2015."),
    ("it", "L'accordo arriva mentre l'Egitto ha acquistato caccia Rafale dalla Francia nel 2015."),
])
def test_stage_cue_before_a_subordinator_is_another_events(lang: str, text: str) -> None:
    assert one(text, lang, supplier="FRA", recipient="EGY")["stage"] == "ordered"


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("en", "Poland signed a deal to buy 180 K2 tanks from South Korea.", "agreed"),
    ("en", "Poland signed a deal with South Korea that covers 180 K2 tanks.", "agreed"),
    ("en", "India signed a contract with France for 26 Rafale jets.", "ordered"),
])
def test_stage_walk_without_subordinator(lang: str, text: str, stage: str) -> None:
    assert [c["stage"] for c in claims(text, lang)] == [stage]


# --- what an item is compared with is not transferred ----------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Malaysia ordered 18 FA-50 jets, a lighter alternative to the F-16, from South Korea."),
    ("en", "Malaysia ordered 18 FA-50 jets from South Korea, a jet similar to the American F-16."),
    ("fr", "La Malaisie a commandé 18 avions FA-50, une alternative au F-16, à la Corée du Sud."),
    ("es", "Malasia compró 18 aviones FA-50, una alternativa al F-16, a Corea del Sur."),
])
def test_item_compared_with_is_not_transferred(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)} == {("KOR", "MYS", "FA-50")}


# --- the conditional mood hedges the verb it governs (English by its modal, others by their verb form) -----------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("en", "Egypt would buy 24 Su-35 jets from Russia if sanctions were lifted.", "planned"),
    ("en", "Egypt could buy 24 Su-35 jets from Russia.", "planned"),
    ("en", "Egypt may buy 24 Su-35 jets from Russia.", "planned"),
    ("en", "Russia may have delivered 24 Su-35 jets to Egypt.", "delivered"),
    ("fr", "L'Égypte achèterait 24 avions Su-35 à la Russie.", "planned"),
    ("es", "Egipto compraría 24 aviones Su-35 a Rusia.", "planned"),
    ("nl", "Egypte zou 24 Su-35 toestellen van Rusland kopen.", "planned"),
])
def test_conditional_mood_is_reported(lang: str, text: str, stage: str) -> None:
    c = one(text, lang, supplier="RUS", recipient="EGY")
    assert (c["stage"], c["status"]) == (stage, "reported")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Poland signed a contract for 180 K2 tanks from South Korea, which would arrive by 2026."),
    ("en", "In May, Poland ordered 180 K2 tanks from South Korea."),
])
def test_modal_hedges_only_its_own_verb(lang: str, text: str) -> None:
    c = one(text, lang, supplier="KOR", recipient="POL")
    assert (c["stage"], c["status"]) == ("ordered", "asserted")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia is accused of supplying Su-35 jets to Egypt."),
    ("en", "Russia has been accused of supplying Su-35 jets to Egypt."),
    ("fr", "La Russie est accusée de livrer des avions Su-35 à l'Égypte."),
])
def test_passive_accusation_is_an_unnamed_report(lang: str, text: str) -> None:
    c = one(text, lang, supplier="RUS", recipient="EGY")
    assert (c["status"], c["attributed_to"]) == ("reported", [])


# --- "a supplier of X to Y" states a supply ----------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "India has emerged as a supplier of BrahMos missiles to the Philippines.", {("IND", "PHL", "BrahMos")}),
    ("en", "India is a major supplier of BrahMos missiles to the Philippines.", {("IND", "PHL", "BrahMos")}),
    ("en", "Lockheed Martin, the supplier of the F-35, reported record profits.", set()),
])
def test_supplier_noun(lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)} == expected


# --- an item with no origin in a two-party deal goes the way its other items go ---------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Poland signed a contract with South Korea for 180 K2 tanks, including ammunition."),
    ("fr", "La Pologne a signé un contrat avec la Corée du Sud pour 180 chars K2 et des munitions."),
    ("es", "Polonia firmó un contrato con Corea del Sur por 180 tanques K2 y munición."),
    ("it", "La Polonia ha firmato un contratto con la Corea del Sud per 180 carri K2 e munizioni."),
])
def test_generic_item_follows_the_deals_direction(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)} == {
        ("KOR", "POL", "K2 Black Panther"), ("KOR", "POL", "ammunition")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ukraine and Germany signed a deal on drones and ammunition."),
    ("en", "Poland signed a deal with South Korea and the United States for ammunition."),
])
def test_deal_without_a_direction_names_no_pair(lang: str, text: str) -> None:
    assert not [c for c in claims(text, lang) if c["item"] == "ammunition" and c["supplier"]]


# --- a first-person phrase inside a quotation is the state its speaker's words name ------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", '"We will buy 20 more K2 tanks from South Korea," Polish Defence Minister Jan Nowak said.'),
    ("en", 'Polish Defence Minister Jan Nowak said: "We will buy 20 more K2 tanks from South Korea."'),
    ("fr", "« Nous allons acheter 20 chars K2 à la Corée du Sud », a déclaré le ministre polonais de la Défense."),
    ("es", '"Nuestro país comprará 20 tanques K2 a Corea del Sur", dijo el ministro de Defensa polaco.'),
])
def test_first_person_in_quotation_is_the_speakers_state(lang: str, text: str) -> None:
    c = one(text, lang, supplier="KOR")
    assert (c["recipient"], c["stage"], c["status"]) == ("POL", "planned", "reported")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "We will buy 20 more K2 tanks from South Korea, the minister said."),
    ("en", '"We will buy 20 more K2 tanks from South Korea," the minister said.'),
])
def test_first_person_without_a_named_speaker_state_is_nobody(lang: str, text: str) -> None:
    assert not [c for c in claims(text, lang) if c["recipient"]]


# --- a descriptor between a role marker and its party ('from NATO ally Turkey', 'à son allié la Russie') ----------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Ukraine received tanks from NATO ally Turkey.", ("TUR", "UKR", "tanks")),
    ("en", "Iran sent drones to its ally Russia.", ("IRN", "RUS", "drones")),
    ("en", "Russia bought drones from its partner Iran.", ("IRN", "RUS", "drones")),
    ("en", "Ukraine received Leopard tanks from neighbouring Poland.", ("POL", "UKR", "Leopard")),
    ("fr", "L'Iran a envoyé des drones à son allié la Russie.", ("IRN", "RUS", "drones")),
    ("es", "Irán envió drones a la vecina Armenia.", ("IRN", "ARM", "drones")),
])
def test_descriptor_before_party_keeps_the_marker(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)} == {expected}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Turkey is negotiating with Gulf allies Qatar and Oman to buy Eurofighter jets."),
    ("en", "Turkey bought Eurofighter jets from Gulf neighbours Qatar and Oman."),
])
def test_descriptor_before_a_list_of_partners(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("QAT", "TUR"), ("OMN", "TUR")}


# --- an infinitive after an ordinal ('the tenth country to buy') is done, not ahead ------------------------------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("en", "Romania became the tenth country to buy K9 howitzers from South Korea.", "ordered"),
    ("en", "Romania is the 10th country to order K9 howitzers from South Korea.", "ordered"),
    ("en", "Romania is the first European country to receive K9 howitzers from South Korea.", "delivered"),
    ("en", "Romania will be the next country to receive K9 howitzers from South Korea.", "planned"),
    ("en", "South Korea to deliver K9 howitzers to Romania.", "planned"),
])
def test_infinitive_after_an_ordinal(lang: str, text: str, stage: str) -> None:
    assert one(text, lang, supplier="KOR", recipient="ROU")["stage"] == stage


# --- an aside after an item, between the verb and its recipient, does not end the verb's phrase -----------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Japan is considering exporting 155mm artillery shells, which are made under licence, to Britain.",
     ("JPN", "GBR", "155 mm artillery shells")),
    ("en", "Japan will export artillery shells, made under a British licence, to Britain.",
     ("JPN", "GBR", "artillery shells")),
    ("fr", "Le Japon va exporter des obus d'artillerie, fabriqués sous licence, vers la Grande-Bretagne.",
     ("JPN", "GBR", "artillery shells")),
    ("es", "Japón exportará proyectiles de artillería, fabricados bajo licencia, a Gran Bretaña.",
     ("JPN", "GBR", "artillery shells")),
])
def test_item_aside_keeps_the_recipient_after_it(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)}


# --- a party before a comma is no part of the organisation's name after it ---------------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Japan will export artillery shells to Britain, the Times reported.", ("JPN", "GBR", "artillery shells")),
    ("en", "Japan will export artillery shells to Britain, Kyodo News reported.", ("JPN", "GBR", "artillery shells")),
    ("fr", "L'Allemagne a livré des chars Leopard à l'Ukraine, selon le Journal du Dimanche.",
     ("DEU", "UKR", "Leopard")),
    ("es", "Alemania entregó tanques Leopard a Ucrania, según el Diario de Navarra.", ("DEU", "UKR", "Leopard")),
])
def test_party_before_a_comma_is_not_in_an_org_name(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Kyiv Post reported that Germany delivered Leopard tanks to Poland."),
    ("en", "According to the Stockholm International Peace Research Institute, Germany sold Leopard tanks to Poland."),
])
def test_place_in_an_org_name_is_no_party(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("DEU", "POL")}


# --- a negated denial ('neither confirmed nor denied') denies nothing: the claim is left unconfirmed -------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia has delivered Su-35 jets to Iran, reports say. Moscow has neither confirmed nor denied them."),
    ("en", "Russia has delivered Su-35 jets to Iran, reports say. The Kremlin would neither confirm nor deny them."),
    ("fr", "La Russie aurait livré des avions Su-35 à l'Iran. Moscou n'a ni confirmé ni démenti."),
    ("es", "Rusia habría entregado aviones Su-35 a Irán. Moscú no ha confirmado ni desmentido la entrega."),
])
def test_negated_denial_leaves_the_claim_unconfirmed(lang: str, text: str) -> None:
    assert one(text, lang, supplier="RUS", recipient="IRN")["status"] == "unconfirmed"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia has delivered Su-35 jets to Iran, reports say. Moscow denied the reports."),
    ("fr", "La Russie aurait livré des avions Su-35 à l'Iran. Moscou a démenti."),
    ("es", "Rusia habría entregado aviones Su-35 a Irán. Moscú desmintió la entrega."),
])
def test_plain_denial_still_denies(lang: str, text: str) -> None:
    assert one(text, lang, supplier="RUS", recipient="IRN")["status"] == "denied"


# --- a promise word between an article and the item describes the item: the clause's verb sets the stage --------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway has finally shipped the pledged howitzers to Ukraine."),
    ("en", "Last month Sweden sent its promised air defence systems to Ukraine."),
    ("nl", "Denemarken heeft de toegezegde houwitsers naar Oekraïne gestuurd."),
    ("nl", "Noorwegen heeft vorige week de beloofde tanks aan Oekraïne geleverd."),
    ("de", "Norwegen hat die zugesagten Haubitzen an die Ukraine geliefert."),
])
def test_promised_item_delivered_by_the_clause_verb(lang: str, text: str) -> None:
    assert {c["stage"] for c in claims(text, lang) if c["recipient"] == "UKR"} == {"delivered"}


# --- a modal of expectation ("should", "devraient", "sollten") puts the transfer ahead: planned ------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ukraine should receive twelve howitzers from Norway before the winter."),
    ("en", "Twelve Norwegian howitzers should arrive in Ukraine before the winter."),
    ("fr", "L'Ukraine devrait recevoir douze obusiers de la Norvège avant l'hiver."),
    ("de", "Die Ukraine sollte noch vor dem Winter zwölf Haubitzen aus Norwegen erhalten."),
    ("es", "Ucrania debería recibir doce obuses de Noruega antes del invierno."),
])
def test_expectation_modal_is_planned(lang: str, text: str) -> None:
    assert one(text, lang, supplier="NOR", recipient="UKR")["stage"] == "planned"


# --- interest in a purchase is a negotiation, in every inflection of the adjective --------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("it", "La Grecia è interessata all'acquisto di fregate francesi."),
    ("it", "I Paesi Bassi sono interessati all'acquisto di carri armati Leopard dalla Germania."),
    ("en", "The Netherlands is interested in buying Leopard tanks from Germany."),
    ("de", "Die Niederlande sind am Kauf von Leopard-Panzern aus Deutschland interessiert."),
    ("es", "Los Países Bajos están interesados en comprar tanques Leopard a Alemania."),
])
def test_interest_in_purchase_is_negotiating(lang: str, text: str) -> None:
    assert {c["stage"] for c in claims(text, lang)} == {"negotiating"}


# --- a participle aside after the item tells its history; the clause's own verb, after the aside, sets the stage --


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("en", "The Norwegian howitzers, promised to Ukraine in March, arrived last week.", "delivered"),
    ("fr", "Les obusiers norvégiens, promis à l'Ukraine en mars, sont arrivés la semaine dernière.", "delivered"),
    ("es", "Los obuses noruegos, prometidos a Ucrania en marzo, llegaron la semana pasada.", "delivered"),
    ("it", "Gli obici norvegesi, promessi all'Ucraina a marzo, sono arrivati la settimana scorsa.", "delivered"),
    ("en", "The Norwegian howitzers, promised to Ukraine in March, will arrive next week.", "planned"),
    ("fr", "Les obusiers norvégiens, promis à l'Ukraine en mars, arriveront en juin.", "planned"),
])
def test_participle_aside_leaves_the_stage_to_the_clause_verb(lang: str, text: str, stage: str) -> None:
    assert one(text, lang, supplier="NOR", recipient="UKR")["stage"] == stage


# --- preparing to deliver is a plan ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Los Países Bajos se preparan para entregar tanques a Ucrania."),
    ("it", "I Paesi Bassi si stanno preparando a consegnare carri armati all'Ucraina."),
    ("it", "L'Olanda si prepara a inviare carri armati all'Ucraina."),
    ("en", "The Netherlands is preparing to deliver tanks to Ukraine."),
    ("ru", "Нидерланды готовятся передать Украине танки."),
])
def test_preparing_to_deliver_is_planned(lang: str, text: str) -> None:
    assert {c["stage"] for c in claims(text, lang) if c["recipient"] == "UKR"} == {"planned"}


# --- an adverb between a conditional copula and its participle keeps the future-in-the-past ----------------------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("fr", "Macron a annoncé que des canons Caesar seraient de nouveau livrés par la France à l'Ukraine.", "planned"),
    ("fr", "Les canons Caesar auraient déjà été livrés par la France à l'Ukraine.", "delivered"),
    ("it", "I carri Leopard sarebbero di nuovo consegnati dalla Germania all'Ucraina.", "planned"),
    ("it", "I carri Leopard sarebbero stati già consegnati dalla Germania all'Ucraina.", "delivered"),
    ("es", "Los tanques Leopard serían finalmente entregados por Alemania a Ucrania.", "planned"),
    ("es", "Los tanques Leopard serían entregados por Alemania a Ucrania.", "planned"),
    ("es", "Los tanques Leopard habrían sido entregados por Alemania a Ucrania.", "delivered"),
])
def test_adverb_after_conditional_copula(lang: str, text: str, stage: str) -> None:
    assert one(text, lang, recipient="UKR")["stage"] == stage


# --- a participle sent or sold 'from' a party describes the item; the clause's own verb sets the stage -----------


@pytest.mark.parametrize(("lang", "text"), [
    ("it", "La prima delle due fregate FREMM vendute dall'Italia all'Egitto è stata consegnata a dicembre 2020."),
    ("it", "Le fregate FREMM vendute dall'Italia all'Egitto sono state consegnate."),
    ("es", "Las dos fragatas FREMM vendidas desde Italia a Egipto fueron entregadas en diciembre."),
    ("en", "The two FREMM frigates sold from Italian stocks to Egypt were delivered in December."),
])
def test_participle_from_a_party_leaves_the_stage_to_the_verb(lang: str, text: str) -> None:
    assert one(text, lang, supplier="ITA", recipient="EGY")["stage"] == "delivered"


# --- a present delivery verb with a future time mark later in its clause is ahead ---------------------------------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("es", "Polonia recibe el próximo año 50 tanques K2 de Corea del Sur.", "planned"),
    ("it", "La Polonia riceve il prossimo anno 50 carri K2 dalla Corea del Sud.", "planned"),
    ("fr", "La Pologne reçoit l'an prochain 50 chars K2 de la Corée du Sud.", "planned"),
    ("en", "Poland receives 50 K2 tanks from South Korea next year.", "planned"),
    ("ru", "Польша получает в следующем году 50 танков K2 от Южной Кореи.", "planned"),
    ("uk", "Польща отримує наступного року 50 танків K2 від Південної Кореї.", "planned"),
    ("nl", "Zuid-Korea levert dit jaar nog 50 K2-tanks aan Polen.", "planned"),
    ("de", "Südkorea liefert noch in diesem Jahr 50 K2-Panzer an Polen.", "planned"),
    ("nl", "Zuid-Korea heeft dit jaar 50 K2-tanks aan Polen geleverd.", "delivered"),
    ("en", "Poland received 50 K2 tanks from South Korea last year and will receive 130 more next year.", "delivered"),
    ("es", "Corea del Sur entregó 50 tanques K2 a Polonia, que recibirá 130 más el próximo año.", "delivered"),
])
def test_future_mark_later_in_the_clause(lang: str, text: str, stage: str) -> None:
    assert one(text, lang, supplier="KOR", recipient="POL")["stage"] == stage


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les trente canons Caesar cédés à l'Ukraine par la France seraient remplacés d'ici à mars 2024."),
    ("en", "The thirty Caesar guns handed to Ukraine by France will be replaced by March 2024."),
    ("es", "Los treinta cañones Caesar cedidos a Ucrania por Francia serán reemplazados el próximo año."),
])
def test_future_of_another_verb_is_not_the_deliverys(lang: str, text: str) -> None:
    assert one(text, lang, supplier="FRA", recipient="UKR")["stage"] == "delivered"


# --- a transfer under study is weighed, not done -----------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("it", "Fincantieri ha allo studio la fornitura di due fregate FREMM all'Egitto.", "negotiating"),
    ("it", "La fornitura di due fregate FREMM dall'Italia all'Egitto è al vaglio del governo.", "negotiating"),
    ("es", "El suministro de dos fragatas FREMM de Italia a Egipto está en estudio.", "negotiating"),
    ("fr", "La livraison de deux frégates FREMM de l'Italie à l'Égypte est à l'étude.", "planned"),
])
def test_under_study(lang: str, text: str, stage: str) -> None:
    assert one(text, lang, recipient="EGY")["stage"] == stage


# --- a purpose infinitive puts the transfer ahead, as English 'to' does -----------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Paris a puisé dans ses stocks pour livrer des canons Caesar à l'Ukraine."),
    ("es", "España usó sus reservas para entregar tanques Leopard a Ucrania."),
    ("it", "L'Italia ha usato le sue scorte per consegnare carri Leopard all'Ucraina."),
    ("ru", "Германия использовала свои запасы, чтобы поставить Украине танки Leopard."),
    ("uk", "Німеччина використала свої запаси, щоб передати Україні танки Leopard."),
])
def test_purpose_infinitive_is_ahead(lang: str, text: str) -> None:
    assert one(text, lang, recipient="UKR")["stage"] == "planned"


def test_purpose_infinitive_keeps_a_contract() -> None:
    assert one("Colombia firmó un contrato con Suecia para adquirir 17 cazas Gripen.", "es")["stage"] == "ordered"


# --- a phase verb ('began to deliver') puts the transfer under way, not ahead -------------------------------------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("en", "Iran has started to deliver Shahed-136 drones to Russia.", "delivered"),
    ("en", "Iran continues to supply Russia with Shahed-136 drones.", "delivered"),
    ("en", "Iran will begin to deliver Shahed-136 drones to Russia next month.", "planned"),
    ("de", "Iran hat begonnen, Russland Shahed-136-Drohnen zu liefern.", "delivered"),
    ("de", "Iran wird bald beginnen, Russland Shahed-136-Drohnen zu liefern.", "planned"),
    ("fr", "L'Iran a commencé à livrer des drones Shahed-136 à la Russie.", "delivered"),
    ("es", "Irán comenzó a entregar drones Shahed-136 a Rusia.", "delivered"),
    ("it", "L'Iran ha iniziato a consegnare droni Shahed-136 alla Russia.", "delivered"),
    ("ru", "Иран начал поставлять России дроны Shahed-136.", "delivered"),
    ("uk", "Іран почав постачати Росії дрони Shahed-136.", "delivered"),
])
def test_phase_verb_is_under_way(lang: str, text: str, stage: str) -> None:
    assert one(text, lang, supplier="IRN", recipient="RUS")["stage"] == stage


# --- carrying goods to a country hands them over: its verb sets the stage, not a promise in a relative clause -----


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "США перевезли в Україну вже 85 із 90 гаубиць M777, які обіцяла адміністрація президента надати Україні."),
    ("ru", "США перевезли на Украину 85 из 90 гаубиц M777, которые администрация обещала предоставить Украине."),
    ("en", "The US has shipped to Ukraine 85 of the 90 M777 howitzers that the administration promised to provide."),
])
def test_carried_goods_are_delivered(lang: str, text: str) -> None:
    assert one(text, lang, supplier="USA", recipient="UKR")["stage"] == "delivered"


# --- a package the text calls new is another transfer: it keeps its own stage, not the one before -----------------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("en", "Germany has delivered 30 Patriot missiles to Ukraine. The new package includes four IRIS-T systems.",
     "planned"),
    ("de", "Deutschland hat 30 Patriot-Raketen an die Ukraine geliefert. Das neue Paket umfasst vier IRIS-T-Systeme.",
     "planned"),
    ("fr", "L'Allemagne a livré 30 missiles Patriot à l'Ukraine. Le nouveau paquet comprend quatre systèmes IRIS-T.",
     "planned"),
    ("es", "Alemania entregó 30 misiles Patriot a Ucrania. El nuevo paquete incluye cuatro sistemas IRIS-T.",
     "planned"),
    ("en", "Germany has delivered 30 Patriot missiles to Ukraine. The package included four IRIS-T systems.",
     "delivered"),
])
def test_new_package_is_another_transfer(lang: str, text: str, stage: str) -> None:
    assert one(text, lang, item="IRIS-T")["stage"] == stage


# --- a delayed or postponed delivery has not happened: planned, as a suspended one -------------------------------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("en", "The delivery of F-35 jets from the United States to Belgium has been delayed.", "planned"),
    ("fr", "La livraison des F-35 des États-Unis à la Belgique a été retardée.", "planned"),
    ("es", "La entrega de los F-35 de Estados Unidos a Bélgica ha sido retrasada.", "planned"),
    ("it", "La consegna degli F-35 dagli Stati Uniti al Belgio è stata rinviata.", "planned"),
    ("nl", "De levering van twaalf F-35-toestellen uit de Verenigde Staten aan België is vertraagd.", "planned"),
    ("ru", "Поставка истребителей F-35 из США в Бельгию отложена.", "planned"),
    ("uk", "Постачання винищувачів F-35 зі США до Бельгії відкладено.", "planned"),
    ("en", "Despite delays, the United States delivered 10 F-35 jets to Belgium.", "delivered"),
    ("es", "Pese al retraso, Estados Unidos entregó 10 F-35 a Bélgica.", "delivered"),
])
def test_delayed_delivery_is_ahead(lang: str, text: str, stage: str) -> None:
    assert one(text, lang, supplier="USA", recipient="BEL")["stage"] == stage


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("en", "The Netherlands has concluded the delivery of 24 F-16 jets to Ukraine.", "delivered"),
    ("fr", "Les Pays-Bas ont conclu la livraison de 24 F-16 à l'Ukraine.", "delivered"),
    ("es", "Los Países Bajos concluyeron la entrega de 24 aviones F-16 a Ucrania.", "delivered"),
    ("it", "I Paesi Bassi hanno concluso la consegna di 24 caccia F-16 all'Ucraina.", "delivered"),
    ("de", "Die Niederlande haben die Lieferung von 24 F-16-Kampfjets an die Ukraine abgeschlossen.", "delivered"),
    ("de", "Die Niederlande haben einen Vertrag über die Lieferung von 24 F-16 an die Ukraine abgeschlossen.",
     "ordered"),
    ("fr", "Les Pays-Bas ont conclu un accord pour livrer 24 F-16 à l'Ukraine.", "agreed"),
])
def test_concluding_a_delivery_has_it_done_concluding_a_deal_agrees_it(lang: str, text: str, stage: str) -> None:
    assert one(text, lang, recipient="UKR")["stage"] == stage


# --- a rival that tried to win the order made a bid: offered, not sold ---------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "België koopt 34 F-35's van de Verenigde Staten. Ook de Franse Rafale had geprobeerd de order binnen te "
           "halen."),
    ("nl", "Colombia koopt 17 Gripens van Zweden. Ook Frankrijk probeerde de order binnen te halen met de Rafale."),
    ("es", "Bélgica compra 34 F-35 a Estados Unidos. También el Rafale francés había intentado ganar el contrato."),
    ("it", "Il Belgio acquista 34 F-35 dagli Stati Uniti. Anche la Francia aveva cercato di aggiudicarsi la commessa "
           "con il Rafale."),
    ("en", "Belgium buys 34 F-35s from the United States. France had also tried to win the order with the Rafale."),
])
def test_an_order_a_rival_tried_to_win_is_its_offer(lang: str, text: str) -> None:
    assert one(text, lang, supplier="FRA", item="Rafale")["stage"] == "offered"
    assert one(text, lang, item="F-35" if "F-35" in text else "Gripen")["stage"] == "ordered"


@pytest.mark.parametrize("text", [
    "Saab hoopt een order van Colombia voor 17 Gripens binnen te halen.",
    "Saab heeft een order van Colombia voor 17 Gripens in de wacht gesleept.",
])
def test_who_wins_an_order_in_dutch_sells(text: str) -> None:
    one(text, "nl", supplier="SWE", recipient="COL", item="Gripen")
