"""Roles, stage and status mechanisms of the extraction core, each on made-up sentences in several languages."""

from __future__ import annotations

import pytest

from extraction_helpers import claims, one, triples

# --- denial scope: the denying side, the items named, and a later possibility -----------------------------------


def _status(text: str, lang: str, sup: str, rec: str) -> set[str]:
    return {c["status"] for c in claims(text, lang) if (c["supplier"], c["recipient"]) == (sup, rec)}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ukraine accuses Tehran of supplying weapons to Moscow, which Tehran denies. "
           "Russia delivered Su-35 fighter jets to Iran in March."),
    ("fr", "L'Ukraine accuse Téhéran de fournir des armes à Moscou, ce que Téhéran dément. "
           "La Russie a livré des avions Su-35 à l'Iran en mars."),
    ("de", "Teheran bestreitet, Moskau Waffen geliefert zu haben. "
           "Russland hat im März Su-35-Kampfjets an den Iran geliefert."),
])
def test_denial_covers_only_the_side_denied(lang: str, text: str) -> None:
    assert _status(text, lang, "RUS", "IRN") == {"asserted"}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Iran denies that it handed ballistic missiles to Russia. Iran supplies Russia with drones."),
    ("ru", "Иран отрицает, что передал России баллистические ракеты. Иран поставляет России беспилотники."),
    ("uk", "Іран заперечує, що передав Росії балістичні ракети. Іран постачає Росії безпілотники."),
])
def test_denial_naming_items_covers_only_those_items(lang: str, text: str) -> None:
    statuses = {c["category"]: c["status"] for c in claims(text, lang)}
    assert statuses.get("uav") == "asserted"


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Washington accuse la Chine de vouloir fournir des drones à la Russie, ce que dément Pékin."),
    ("es", "Washington acusa a China de querer suministrar drones a Rusia, algo que niega Pekín."),
    ("it", "Washington accusa la Cina di voler fornire droni alla Russia, cosa che smentisce Pechino."),
])
def test_denial_speaker_after_the_verb(lang: str, text: str) -> None:
    assert _status(text, lang, "CHN", "RUS") == {"denied"}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia has repeatedly denied receiving weapons from North Korea. The talks ended on Friday. "
           "North Korea plans to sell new tactical missiles to Russia, the minister said."),
    ("ru", "Россия неоднократно отрицала поставки оружия из КНДР. Переговоры завершились в пятницу. "
           "КНДР может продать России новые тактические ракеты, заявил министр."),
    ("de", "Russland hat Waffenlieferungen aus Nordkorea mehrfach bestritten. Die Gespräche endeten am Freitag. "
           "Nordkorea will Russland neue taktische Raketen verkaufen, sagte der Minister."),
])
def test_earlier_general_denial_does_not_cover_a_later_possibility(lang: str, text: str) -> None:
    statuses = _status(text, lang, "PRK", "RUS")
    assert statuses and "denied" not in statuses


# --- a marker before an institution passes to the party in or after it ------------------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("it", "Il Brasile ha consegnato alle forze armate angolane dieci veicoli blindati.", ("BRA", "AGO")),
    ("es", "España entregó dos patrulleros a la Armada Nacional de Uruguay.", ("ESP", "URY")),
    ("es", "Brasil entregó a las fuerzas armadas angoleñas diez vehículos blindados.", ("BRA", "AGO")),
    ("fr", "La France a livré des blindés aux forces armées du Mali.", ("FRA", "MLI")),
    ("en", "Spain delivered two patrol vessels to the Navy of Uruguay.", ("ESP", "URY")),
])
def test_marker_before_an_institution_names_the_recipient(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {expected}


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Военно-воздушные силы Перу планируют закупить 12 российских вертолетов."),
    ("ru", "Военно-морские силы Перу закупят у России два фрегата."),
    ("uk", "Військово-повітряні сили Перу планують закупити 12 російських гелікоптерів."),
])
def test_service_of_a_state_buys_for_it(lang: str, text: str) -> None:
    # "Военно-воздушные силы Перу": the service's head before the genitive state makes that state the subject
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("RUS", "PER")}


# --- 'is equipped with' names an inventory, not a transfer -----------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Iranian air force is equipped with Chinese fighter jets and American F-5 fighters."),
    ("fr", "L'armée de l'air iranienne est équipée d'avions de combat chinois et de chasseurs américains F-5."),
    ("ru", "Иранские ВВС оснащены китайскими истребителями и американскими F-5."),
    ("es", "La fuerza aérea iraní está equipada con cazas chinos y F-5 estadounidenses."),
    ("it", "L'aeronautica iraniana è equipaggiata con caccia cinesi e F-5 americani."),
])
def test_equipped_with_is_possession(lang: str, text: str) -> None:
    assert claims(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Russia equipped the Malian army with drones.", ("RUS", "MLI", "drones")),
    ("fr", "L'Iran a équipé le Hezbollah de roquettes.", ("IRN", "ORG:Hezbollah", "rockets")),
    ("ru", "Россия вооружила Мали беспилотниками.", ("RUS", "MLI", "drones")),
])
def test_equipping_someone_is_a_transfer(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)} == {expected}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Drones for Ukraine: Germany will deliver"),
    ("de", "Drohnen für die Ukraine: Deutschland liefert"),
    ("fr", "Des drones pour l'Ukraine : la France livre"),
])
def test_a_sentence_ending_on_its_trigger_is_read_without_error(lang: str, text: str) -> None:
    assert isinstance(claims(text, lang), list)  # the trigger is the last token: no scan past the sentence


# --- co-buyers and buying for another state ---------------------------------------------------------------------


def _pairs_of(text: str, lang: str) -> set[tuple[str, str]]:
    return {(c["supplier"], c["recipient"]) for c in claims(text, lang)}


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Nederland koopt samen met Duitsland en Denemarken tachtig houwitsers voor Oekraïne."),
    ("es", "España compra junto con Portugal veinte obuses para Ucrania."),
    ("it", "La Germania acquista insieme alla Francia dieci elicotteri per l'Ucraina."),
    ("de", "Deutschland kauft gemeinsam mit Norwegen zwanzig Haubitzen für die Ukraine."),
    ("en", "Germany, together with Norway, will buy 20 howitzers for Ukraine."),
    ("pl", "Polska kupi razem z Norwegią 20 haubic dla Ukrainy."),
])
def test_co_buyers_pass_on_what_they_buy_for_another_state(lang: str, text: str) -> None:
    pairs = _pairs_of(text, lang)
    assert pairs and all(rec == "UKR" for _, rec in pairs)
    assert len({sup for sup, _ in pairs}) >= 2  # the buyer and its partner, never the partner as the seller


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "La France, conjointement avec l'Allemagne, livrera 20 obusiers à l'Ukraine."),
    ("ru", "Италия вместе с Германией поставит Украине 20 гаубиц."),
    ("nl", "Nederland levert samen met België twintig houwitsers aan Oekraïne."),
])
def test_a_partner_together_with_the_supplier_supplies_too(lang: str, text: str) -> None:
    pairs = _pairs_of(text, lang)
    assert len(pairs) == 2 and {rec for _, rec in pairs} == {"UKR"}


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Colombia compra junto con Perú doce helicópteros."),
    ("it", "L'Egitto acquista insieme all'Arabia Saudita dieci elicotteri."),
    ("nl", "België koopt samen met Nederland twaalf helikopters."),
])
def test_a_co_buyer_is_never_the_seller(lang: str, text: str) -> None:
    assert not any(sup in {"PER", "SAU", "NLD"} for sup, _ in _pairs_of(text, lang))


@pytest.mark.parametrize(("lang", "text", "seller"), [
    ("es", "Polonia comprará veinte obuses a Corea del Sur para su ejército.", "KOR"),
    ("en", "Germany will buy 20 howitzers from France for its army.", "FRA"),
    ("nl", "Polen koopt twintig houwitsers in Zuid-Korea voor het leger.", "KOR"),
])
def test_a_named_seller_keeps_the_buyer_as_recipient(lang: str, text: str, seller: str) -> None:
    assert {sup for sup, _ in _pairs_of(text, lang)} == {seller}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "В Пекине опровергли сообщения о поставках дронов в Россию.", ("CHN", "RUS", "drones")),
    ("uk", "У Пекіні спростували повідомлення про постачання дронів до Росії.", ("CHN", "RUS", "drones")),
    ("pl", "W Moskwie zaprzeczono doniesieniom o dostawach rakiet do Iranu.", ("RUS", "IRN", "missiles")),
])
def test_a_state_where_a_denial_is_spoken_is_the_denying_subject(lang: str, text: str,
                                                                  expected: tuple[str, str, str]) -> None:
    # "В Кремле опровергли …": the institution there speaks; a place before any other verb stays a place
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["item"], c["status"]) == (*expected, "denied")


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "В Кремле заявили, что Россия поставит Ирану истребители Су-35."),
    ("uk", "У Кремлі заявили, що Росія поставить Ірану винищувачі Су-35."),
])
def test_a_locative_speaker_leaves_the_reported_clause_its_own_parties(lang: str, text: str) -> None:
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["status"]) == ("RUS", "IRN", "reported")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The EU imposed sanctions on Iranian drone makers over supplies to Russia."),
    ("fr", "L'UE a adopté des sanctions contre des entreprises iraniennes pour la livraison de drones à la Russie."),
    ("de", "Die EU verhängte Sanktionen gegen iranische Firmen wegen der Lieferung von Drohnen an Russland."),
    ("ru", "ЕС ввёл санкции против иранских компаний за поставки дронов России."),
])
def test_who_is_sanctioned_over_a_supply_supplies_and_who_sanctions_does_not(lang: str, text: str) -> None:
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["item"]) == ("IRN", "RUS", "drones")


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("it", "Leonardo ha firmato un contratto con il Giappone per la fornitura di elicotteri AW101.",
     ("ITA", "JPN", "AW101")),
    ("en", "Rheinmetall signed a contract with Hungary for the supply of Lynx vehicles.", ("DEU", "HUN", "Lynx KF41")),
    ("fr", "Naval Group a signé un contrat avec la Grèce pour la fourniture de trois frégates FDI.",
     ("FRA", "GRC", "FDI")),
])
def test_a_maker_contracting_with_a_state_for_a_supply_sells_to_it(lang: str, text: str,
                                                                    expected: tuple[str, str, str]) -> None:
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == (*expected, "ordered")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Denmark bought 19 Caesar howitzers from France for Ukraine."),
    ("fr", "Le Danemark a acheté 19 canons Caesar à la France pour l'Ukraine."),
    ("es", "Dinamarca compró a Francia 19 obuses Caesar para Ucrania."),
])
def test_a_purchase_from_a_seller_for_another_state_is_two_transfers(lang: str, text: str) -> None:
    found = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert found == {("FRA", "DNK", "CAESAR", "ordered"), ("DNK", "UKR", "CAESAR", "planned")}


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Für die Ukraine hat Deutschland bei Rheinmetall Munition bestellt."),
    ("de", "Für die Ukraine kauft Deutschland neue Munition."),
    ("it", "Per l'Ucraina la Germania acquista nuove munizioni."),
    ("pl", "Dla Ukrainy Niemcy kupują nową amunicję."),
])
def test_a_beneficiary_opening_the_sentence_gets_what_is_bought_for_it(lang: str, text: str) -> None:
    c = one(text, lang)
    assert (c["recipient"], c["item"], c["stage"]) == ("UKR", "ammunition", "planned")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Pentagon has not confirmed the delivery of ATACMS missiles to Ukraine."),
    ("es", "El Pentágono no ha confirmado la entrega de misiles ATACMS a Ucrania."),
    ("fr", "Le Pentagone n'a pas confirmé la livraison de missiles ATACMS à l'Ukraine."),
    ("it", "Il Pentagono non ha confermato la consegna di missili ATACMS all'Ucraina."),
])
def test_a_negated_confirmation_leaves_the_transfer_unconfirmed_not_negated(lang: str, text: str) -> None:
    c = one(text, lang)
    assert (c["recipient"], c["item"], c["status"]) == ("UKR", "MGM-140 ATACMS", "unconfirmed")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The United States did not deliver ATACMS missiles to Ukraine."),
    ("fr", "La France n'a jamais livré de missiles Scalp à l'Ukraine."),
])
def test_a_negated_transfer_verb_states_no_transfer(lang: str, text: str) -> None:
    assert claims(text, lang) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Los F-16 comprados a Dinamarca llegarán a Argentina en diciembre."),
    ("fr", "Les F-16 achetés au Danemark arriveront en Argentine en décembre."),
    ("en", "The F-16s bought from Denmark will arrive in Argentina in December."),
])
def test_the_seller_of_a_bought_item_is_not_where_it_arrives(lang: str, text: str) -> None:
    c = one(text, lang, item="F-16")
    assert (c["supplier"], c["recipient"]) == ("DNK", "ARG")


@pytest.mark.parametrize(("lang", "text", "item"), [
    ("en", "Ukraine has received IRIS-T air defence systems supplied by the West.", "IRIS-T"),
    ("en", "Ukraine will also receive Leopard 2 tanks from other European armies.", "Leopard 2"),
    ("es", "Ucrania ha recibido sistemas IRIS-T suministrados por los países occidentales.", "IRIS-T"),
    ("ru", "Украина получила от западных стран танки Leopard 2.", "Leopard 2"),
])
def test_a_group_of_states_the_text_does_not_name_leaves_the_supplier_null(lang: str, text: str, item: str) -> None:
    c = one(text, lang, item=item)
    assert (c["supplier"], c["recipient"]) == (None, "UKR")


def test_an_unnamed_agent_that_is_no_group_of_states_gives_no_claim() -> None:
    text = "The F-16V and the Gripen were all offered to Peru by internationally renowned suppliers."
    assert claims(text, "en") == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Poland delivered Czech-designed Dana howitzers to Ukraine."),
    ("en", "Australia delivered US-made Abrams tanks to Ukraine."),
    ("en", "Russia delivered Iran-made Shahed-136 drones to Belarus."),
])
def test_a_name_inside_an_adjective_is_an_origin_not_a_party(lang: str, text: str) -> None:
    """'US-made', 'Czech-designed': whose design the item is, like a demonym; no recipient."""
    got = {(c["supplier"], c["recipient"]) for c in claims(text, lang)}
    assert len(got) == 1 and next(iter(got))[0] in ("POL", "AUS", "RUS")


@pytest.mark.parametrize(("text", "expected"), [
    ("Australia will receive nuclear-powered U.S. submarines.", ("USA", "AUS", "ships")),
    ("Ukraine received UK Storm Shadow missiles.", ("GBR", "UKR", "Storm Shadow")),
    ("Poland bought 250 U.S. Abrams tanks.", ("USA", "POL", "M1 Abrams")),
])
def test_initials_right_before_the_item_are_its_origin(text: str, expected: tuple[str, str, str]) -> None:
    """'U.S. submarines', 'UK Storm Shadow': a state's initials qualify the item noun like a demonym."""
    assert triples(text, "en") == {expected}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Concern that Russia purchased combat drones from Iran was voiced by US adviser Jake Sullivan."),
    ("fr", "L'inquiétude que la Russie ait acheté des drones à l'Iran a été exprimée par le conseiller américain "
           "Jake Sullivan."),
    ("de", "Die Sorge, dass Russland Drohnen aus dem Iran gekauft hat, wurde vom US-Berater Jake Sullivan geäußert."),
])
def test_the_agent_of_another_passive_verb_is_no_party(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("IRN", "RUS")}


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("en", "Poland delivered to Ukraine howitzers built in the Czech Republic.", "delivered"),
    ("ru", "Россия поставила Индии автоматы АК-203 индийского производства.", "licensed_production"),
    ("en", "India received AK-203 rifles made in India under a Russian licence.", "licensed_production"),
])
def test_made_in_the_recipient_is_licensed_production_made_elsewhere_is_not(lang: str, text: str,
                                                                           stage: str) -> None:
    [c] = claims(text, lang)
    assert c["stage"] == stage


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway delivered six F-16 fighters, built in the United States, to Ukraine last year."),
    ("es", "Noruega entregó seis F-16, construidos en Estados Unidos, a Ucrania el año pasado."),
    ("it", "La Norvegia ha consegnato sei F-16, costruiti negli Stati Uniti, all'Ucraina l'anno scorso."),
    ("fr", "La Norvège a livré six F-16, construits aux États-Unis, à l'Ukraine l'an dernier."),
])
def test_where_the_goods_were_built_is_no_party(lang: str, text: str) -> None:
    """'built in the United States' names where the jets were made: no sale to, and no licence for, that state."""
    assert triples(text, lang) == {("NOR", "UKR", "F-16")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Mexican Navy received two patrol vessels built in the Netherlands."),
    ("es", "La Armada de México recibió dos buques patrulla construidos en los Países Bajos."),
    ("fr", "La marine mexicaine a reçu deux patrouilleurs construits aux Pays-Bas."),
    ("it", "La Marina messicana ha ricevuto due pattugliatori costruiti nei Paesi Bassi."),
])
def test_where_the_goods_were_built_supplies_them_when_no_one_else_does(lang: str, text: str) -> None:
    """The state a production phrase names is the goods' origin: with no supplier named, it supplies them."""
    assert triples(text, lang) == {("NLD", "MEX", "ships")}


@pytest.mark.parametrize(("lang", "text", "item"), [
    ("es", "Uruguay recibió radares de la empresa española Aldana.", "radars"),
    ("es", "Uruguay compró cañones de la firma española Escribano.", "artillery"),
    ("fr", "L'Uruguay a reçu des radars de l'entreprise espagnole Aldana.", "radars"),
    ("es", "Uruguay recibió radares de la Armada española.", "radars"),
])
def test_a_source_institution_named_by_its_demonym_supplies(lang: str, text: str, item: str) -> None:
    # "de la empresa española": the company (or navy) the goods come from stands for its state
    assert triples(text, lang) == {("ESP", "URY", item)}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Italy sells seven warships to Qatar, a country accused of backing extremists."),
    ("fr", "L'Italie vend sept navires de guerre au Qatar, un pays accusé de soutenir des extrémistes."),
    ("it", "L'Italia vende sette navi da guerra al Qatar, un paese accusato di sostenere gli estremisti."),
])
def test_an_accusation_describing_a_party_reports_nothing(lang: str, text: str) -> None:
    [c] = claims(text, lang)
    assert (c["supplier"], c["recipient"], c["status"], c["attributed_to"]) == ("ITA", "QAT", "asserted", [])


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "It is likely that the Netherlands will deliver F-16 jets to Ukraine."),
    ("nl", "Het is waarschijnlijk dat Nederland F-16's aan Oekraïne gaat leveren."),
    ("de", "Es ist wahrscheinlich, dass die Niederlande der Ukraine F-16 liefern werden."),
])
def test_a_likelihood_hedges_the_claim(lang: str, text: str) -> None:
    [c] = claims(text, lang)
    assert (c["supplier"], c["recipient"], c["status"]) == ("NLD", "UKR", "reported")


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "США відправили Україні ще 11 вертольотів Мі-17 літаками C-17."),
    ("ru", "США отправили Украине 11 вертолетов Ми-17 самолетами C-17."),
    ("pl", "USA wysłały Ukrainie 11 śmigłowców Mi-17 samolotami C-17."),
    ("en", "The US sent Ukraine 11 Mi-17 helicopters aboard C-17 aircraft."),
])
def test_the_aircraft_that_carries_the_cargo_is_no_item(lang: str, text: str) -> None:
    """'самолетами C-17', an instrumental 'by C-17 planes': the carrier, neither a second item nor the Mi-17's
    head noun."""
    assert [(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)] == [("USA", "UKR", "Mi-17")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "During a visit to Berlin, the Ukrainian minister said Germany would deliver more Leopard tanks to "
           "Ukraine."),
    ("de", "Bei einem Besuch in Kiew sagte der Minister, Deutschland werde der Ukraine weitere Leopard-Panzer "
           "liefern."),
    ("es", "Durante una visita a Madrid, el ministro ucraniano dijo que España enviará tanques Leopard a Ucrania."),
    ("ru", "Во время визита в Берлин украинский министр заявил, что Германия поставит Украине танки Leopard."),
])
def test_where_a_visit_goes_and_who_speaks_are_no_parties(lang: str, text: str) -> None:
    """A visit's destination is no recipient (like an envoy's posting); a place before 'said the minister' is where
    it was said, not the speaker; the minister's nationality is the speaker's, not a supplier's."""
    got = {(c["supplier"], c["recipient"]) for c in claims(text, lang)}
    supplier = {"en": "DEU", "de": "DEU", "es": "ESP", "ru": "DEU"}[lang]
    assert got == {(supplier, "UKR")}


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Tijdens een bezoek aan Berlijn zei de Oekraïense minister dat Duitsland Oekraïne meer Leopard-tanks zal "
           "leveren."),
    ("de", "In Berlin sagte der ukrainische Minister, Deutschland werde der Ukraine Panzer liefern."),
])
def test_a_speaker_after_the_report_verb_is_no_party_of_the_speech(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("DEU", "UKR")}


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "La France a envoyé à l'Ukraine des chars Leclerc."),
    ("es", "Francia ha enviado a Ucrania tanques Leclerc."),
    ("it", "La Francia ha inviato all'Ucraina carri armati Leclerc."),
])
def test_a_sending_verb_is_no_envoy(lang: str, text: str) -> None:
    """'envoyé', 'enviado', 'inviato' are also the nouns for an envoy; after 'a/ha' they are the verb, and the state
    after them receives."""
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)} == {("FRA", "UKR", "Leclerc")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "El presidente ucraniano agradeció a España el envío de seis tanques Leopard 2A4.",
     ("ESP", "UKR", "Leopard 2A4")),
    ("it", "Il presidente ucraino ha ringraziato l'Italia per i sistemi SAMP/T forniti.", ("ITA", "UKR", "SAMP/T")),
    ("nl", "De Oekraïense president bedankte Nederland voor de levering van F-16's.", ("NLD", "UKR", "F-16")),
])
def test_who_is_thanked_for_a_delivery_supplied_it(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)} == {expected}


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("es", "Colombia y Suecia firmaron un contrato que prevé la entrega de 17 cazas Gripen a Colombia.", "ordered"),
    ("es", "El contrato prevé que Suecia entregue 17 cazas Gripen a Colombia.", "ordered"),
    ("it", "L'accordo prevede la consegna di 24 caccia F-16 dalla Danimarca all'Argentina.", "agreed"),
    ("fr", "La France et l'Inde ont signé un contrat qui prévoit la livraison de 26 Rafale Marine à l'Inde.",
     "ordered"),
    # what a state itself plans stays a plan
    ("es", "Colombia prevé comprar 17 cazas Gripen a Suecia.", "planned"),
    ("it", "L'Italia prevede di acquistare 24 F-35 dagli Stati Uniti.", "planned"),
])
def test_what_a_contract_provides_for_is_contracted_not_planned(lang: str, text: str, stage: str) -> None:
    assert {c["stage"] for c in claims(text, lang)} == {stage}


@pytest.mark.parametrize(("lang", "text", "pair"), [
    ("it", "L'Indonesia ha firmato con l'Italia un contratto per la fornitura di sei fregate all'Indonesia.",
     ("ITA", "IDN")),
    ("es", "Indonesia firmó con Italia un contrato para el suministro de seis fragatas a Indonesia.", ("ITA", "IDN")),
    ("nl", "Indonesië heeft met Italië een contract getekend voor de levering van zes fregatten aan Indonesië.",
     ("ITA", "IDN")),
    # who signs and supplies to the partner keeps supplying
    ("es", "España firmó con Indonesia un contrato para el suministro de seis fragatas a Indonesia.", ("ESP", "IDN")),
])
def test_a_signer_that_receives_what_the_contract_supplies_buys_it_from_its_partner(
        lang: str, text: str, pair: tuple[str, str]) -> None:
    assert {(c["supplier"], c["recipient"], c["stage"]) for c in claims(text, lang)} == {(*pair, "ordered")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "Los seis F-16 de Dinamarca despegaron hacia Argentina este viernes.", {("DNK", "ARG", "delivered")}),
    ("it", "I primi carri armati Leopard 2 forniti dalla Germania sono partiti alla volta di Kiev.",
     {("DEU", "UKR", "delivered")}),
    ("nl", "De eerste F-16's uit Nederland zijn vertrokken naar Oekraïne.", {("NLD", "UKR", "delivered")}),
    ("es", "Los aviones despegaron hacia la base aérea tras el ataque.", set()),
])
def test_goods_leaving_for_a_destination_are_handed_over(lang: str, text: str, expected: set[tuple[str, ...]]) -> None:
    assert {(c["supplier"], c["recipient"], c["stage"]) for c in claims(text, lang)} == expected
