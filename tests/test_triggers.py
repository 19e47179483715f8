"""Transfer triggers per language: verbs, nouns and their seller/recipient markers, on made-up sentences."""

from __future__ import annotations

import pytest

from extraction_helpers import claims, one

# (language, sentence, stage): France supplies Greece in every sentence
CASES = [
    # a buy verb's seller after the language's buy_from or get_from marker
    ("ru", "Греция купила у Франции двенадцать вертолётов.", "ordered"),
    ("ru", "Греция заказала у Франции двенадцать вертолётов.", "ordered"),
    ("ru", "Греция приобрела у Франции двенадцать вертолётов.", "ordered"),
    ("uk", "Греція купила у Франції дванадцять гелікоптерів.", "ordered"),
    ("pl", "Grecja zamówiła we Francji dwanaście śmigłowców.", "ordered"),
    ("it", "La Grecia ha ordinato dodici elicotteri alla Francia.", "ordered"),
    ("es", "Grecia compró doce helicópteros a Francia.", "ordered"),
    ("fr", "La Grèce a commandé douze hélicoptères à la France.", "ordered"),
    # send, ship, make available, give as a present
    ("ru", "Франция выслала Греции двенадцать вертолётов.", "delivered"),
    ("uk", "Франція надіслала Греції дванадцять гелікоптерів.", "delivered"),
    ("uk", "Франція відвантажила Греції дванадцять гелікоптерів.", "delivered"),
    ("pl", "Francja udostępniła Grecji dwanaście śmigłowców.", "delivered"),
    ("es", "Francia regaló doce helicópteros a Grecia.", "delivered"),
]


@pytest.mark.parametrize(("lang", "text", "stage"), CASES)
def test_trigger(lang: str, text: str, stage: str) -> None:
    got = {(c["supplier"], c["recipient"], c["stage"]) for c in claims(text, lang)}
    assert got == {("FRA", "GRC", stage)}


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Греция получила от Франции двенадцать вертолётов."),
    ("ru", "Греция получила у Франции двенадцать вертолётов."),
    ("it", "La Grecia ha ricevuto dodici elicotteri dalla Francia."),
])
def test_receive_verb_keeps_its_source(lang: str, text: str) -> None:
    # the buy_from marker of a buy verb does not turn the source of a receive verb into a recipient
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("FRA", "GRC")}


# --- a negotiation is a deal of its own: the named item's origin gives the direction --------------------------------

NEGOTIATIONS = [
    ("en", "Greece and France are in negotiations over 12 Caracal helicopters."),
    ("fr", "Douze hélicoptères Caracal seraient en négociation entre Athènes et Paris."),
    ("de", "Griechenland und Frankreich verhandeln über zwölf Caracal-Hubschrauber."),
    ("nl", "Griekenland onderhandelt met Frankrijk over twaalf Caracal-helikopters."),
    ("ru", "Греция ведёт переговоры с Францией о двенадцати вертолётах Caracal."),
    ("uk", "Греція веде переговори з Францією щодо дванадцяти гелікоптерів Caracal."),
    ("pl", "Grecja prowadzi z Francją negocjacje w sprawie dwunastu śmigłowców Caracal."),
]


@pytest.mark.parametrize(("lang", "text"), NEGOTIATIONS)
def test_negotiation_is_a_deal(lang: str, text: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert got == {("FRA", "GRC", "H225M Caracal", "negotiating")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia and Ukraine held negotiations in Istanbul while Russian Su-34 bombers struck Kharkiv."),
    ("de", "Russland und die Ukraine verhandeln in Istanbul, während russische Su-34 Charkiw angreifen."),
    ("ru", "Россия и Украина провели переговоры в Стамбуле, пока российские Су-34 наносили удары по Харькову."),
])
def test_negotiation_about_something_else_names_no_transfer(lang: str, text: str) -> None:
    assert claims(text, lang) == []


# --- light-verb constructions and their stage -----------------------------------------------------------------------

STAGED = [
    # a signed or concluded contract is an order
    ("en", "Greece signed a contract with France for 12 Caracal helicopters.", "ordered"),
    ("fr", "La France a conclu avec la Grèce un contrat portant sur douze hélicoptères Caracal.", "ordered"),
    ("de", "Griechenland hat mit Frankreich einen Vertrag über zwölf Caracal-Hubschrauber unterzeichnet.", "ordered"),
    ("it", "La Grecia ha concluso con la Francia un contratto per dodici elicotteri Caracal.", "ordered"),
    ("ru", "Греция подписала с Францией контракт на двенадцать вертолётов Caracal.", "ordered"),
    ("en", "Greece will sign a contract with France for 12 Caracal helicopters.", "planned"),
    ("en", "Greece and France signed an agreement on 12 Caracal helicopters.", "agreed"),
    # an export licence is the exporter's approval
    ("en", "France granted an export licence for 12 helicopters to Greece.", "agreed"),
    ("fr", "La France a accordé une licence d'exportation pour douze hélicoptères destinés à la Grèce.", "agreed"),
    ("es", "Francia concedió una licencia de exportación de doce helicópteros a Grecia.", "agreed"),
    ("it", "La Francia ha concesso la licenza di esportazione di dodici elicotteri alla Grecia.", "agreed"),
    ("ru", "Франция выдала лицензию на экспорт двенадцати вертолётов в Грецию.", "agreed"),
    ("ru", "Франция дала добро на экспорт двенадцати вертолётов в Грецию.", "agreed"),
    ("uk", "Франція видала ліцензію на експорт дванадцяти гелікоптерів до Греції.", "agreed"),
    ("pl", "Francja wydała zgodę na eksport dwunastu śmigłowców do Grecji.", "agreed"),
    # chosen as the preferred bidder: talks on the contract follow
    ("en", "France was selected as the preferred bidder to supply 12 helicopters to Greece.", "negotiating"),
    ("en", "France has been shortlisted to supply 12 helicopters to Greece.", "negotiating"),
    # a future perfective the Ukrainian dictionary also files as an infinitive
    ("uk", "Франція поставить Греції дванадцять гелікоптерів.", "planned"),
    ("uk", "Франція передасть Греції дванадцять гелікоптерів.", "planned"),
    ("ru", "Франция поставит Греции двенадцать вертолётов.", "planned"),
    # wanting to buy is a plan
    ("ru", "Греция хочет купить у Франции двенадцать вертолётов.", "planned"),
    ("uk", "Греція хоче купити у Франції дванадцять гелікоптерів.", "planned"),
    # a progressive after a copula is active: the subject supplies
    ("en", "France is sending 12 helicopters to Greece.", "delivered"),
    ("en", "France was supplying Greece with 12 helicopters.", "delivered"),
    ("es", "Francia está enviando doce helicópteros a Grecia.", "delivered"),
    ("it", "La Francia sta inviando dodici elicotteri alla Grecia.", "delivered"),
]


@pytest.mark.parametrize(("lang", "text", "stage"), STAGED)
def test_light_verb_stage(lang: str, text: str, stage: str) -> None:
    assert {(c["supplier"], c["recipient"], c["stage"]) for c in claims(text, lang)} == {("FRA", "GRC", stage)}


def test_passive_still_reads_as_passive() -> None:
    got = {(c["supplier"], c["recipient"]) for c in claims("Twelve helicopters were sent to Greece by France.", "en")}
    assert got == {("FRA", "GRC")}


# --- 'supply someone with something': a nominative/accusative-ambiguous object after the verb receives -------------


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Турция снабдила Азербайджан беспилотниками."),
    ("ru", "Турция вооружила Азербайджан зенитными ракетными комплексами."),
    ("uk", "Туреччина забезпечила Азербайджан безпілотниками."),
    ("pl", "Turcja wyposażyła Azerbejdżan w drony."),
    ("de", "Die Türkei hat Aserbaidschan mit Drohnen versorgt."),
])
def test_supplied_object_receives(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("TUR", "AZE")}


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Иран поставил России беспилотники."),
    ("uk", "Іран передав Росії безпілотники."),
    ("pl", "Iran przekazał Rosji drony."),
])
def test_subject_before_the_verb_stays_the_supplier(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("IRN", "RUS")}


# --- equipping another party is a delivery; equipping oneself or one's own forces is a purchase ---------------------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("fr", "La France a doté la Grèce de douze hélicoptères.", "delivered"),
    ("fr", "La Grèce s'est dotée de douze hélicoptères achetés à la France.", "ordered"),
    ("fr", "La Grèce va se doter de douze hélicoptères français.", "planned"),
    ("es", "Francia dotó a Grecia de doce helicópteros.", "delivered"),
    ("it", "La Francia ha dotato la Grecia di dodici elicotteri.", "delivered"),
])
def test_equip_another_or_oneself(lang: str, text: str, stage: str) -> None:
    assert {(c["supplier"], c["recipient"], c["stage"]) for c in claims(text, lang)} == {("FRA", "GRC", stage)}


def test_equipping_own_forces_is_buying() -> None:
    got = {(c["supplier"], c["recipient"]) for c in claims("L'Égypte va équiper son armée de l'air de Rafale français.",
                                                           "fr")}
    assert got == {("FRA", "EGY")}


# --- a clause opening with the recipient in the dative, before a (passive or impersonal) delivery verb -------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Греции будут переданы двенадцать французских вертолётов.", ("FRA", "GRC", "planned")),
    ("uk", "Греції будуть передані дванадцять французьких гелікоптерів.", ("FRA", "GRC", "planned")),
    ("ru", "Украине передадут десять немецких танков.", ("DEU", "UKR", "planned")),
    ("uk", "Україні вже передали десять німецьких танків.", ("DEU", "UKR", "delivered")),
    ("pl", "Grecji zostaną przekazane francuskie śmigłowce.", ("FRA", "GRC", "planned")),
])
def test_clause_initial_dative_receives(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert {(c["supplier"], c["recipient"], c["stage"]) for c in claims(text, lang)} == {expected}


def test_clause_initial_subject_is_no_dative() -> None:
    # an indeclinable name may be any case: at the head of its clause it is the subject
    got = {(c["supplier"], c["recipient"]) for c in claims("По данным Reuters, КНДР передала России снаряды.", "ru")}
    assert got == {("PRK", "RUS")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Turkey is interested in buying Eurofighter Typhoons from Britain."),
    ("fr", "La Turquie est intéressée par l'achat d'Eurofighter Typhoon au Royaume-Uni."),
    ("es", "Turquía está interesada en comprar cazas Eurofighter Typhoon al Reino Unido."),
    ("de", "Die Türkei hat Interesse am Kauf von Eurofighter Typhoon aus Großbritannien."),
])
def test_interest_in_a_purchase_is_a_negotiation_not_an_order(lang: str, text: str) -> None:
    c = one(text, lang, item="Eurofighter Typhoon")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("GBR", "TUR", "negotiating")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Colombia selected the Swedish Gripen to replace its Kfir jets."),
    ("fr", "La Colombie a choisi le Gripen suédois pour remplacer ses Kfir."),
    ("es", "Colombia eligió el Gripen sueco para sustituir a sus Kfir."),
    ("it", "La Colombia ha scelto il Gripen svedese."),
    ("nl", "Colombia heeft gekozen voor de Zweedse Gripen."),
    ("pl", "Kolumbia wybrała szwedzkie myśliwce Gripen."),
    ("ru", "Колумбия выбрала шведские истребители Gripen."),
])
def test_choosing_a_system_is_a_negotiation_with_its_maker(lang: str, text: str) -> None:
    c = one(text, lang, item="Gripen")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("SWE", "COL", "negotiating")


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Aunque inicialmente se consideraron los aviones JF-17 chinos, Argentina optó por los F-16 daneses."),
    ("en", "Although Argentina first considered Chinese JF-17 jets, it opted for Danish F-16s."),
    ("fr", "Bien que l'Argentine ait d'abord envisagé des JF-17 chinois, elle a opté pour des F-16 danois."),
])
def test_an_item_of_a_subordinate_clause_before_the_verb_is_not_its_object(lang: str, text: str) -> None:
    assert {c["item"] for c in claims(text, lang)} == {"F-16"}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Saudi Arabia signed a letter of intent with the US for 48 F-15 jets.", ("USA", "SAU", "F-15")),
    ("fr", "La Grèce a signé une lettre d'intention avec la France pour trois frégates FDI.", ("FRA", "GRC", "FDI")),
    ("es", "Perú firmó una carta de intención con Corea del Sur para 20 cazas FA-50.", ("KOR", "PER", "FA-50")),
])
def test_a_signed_letter_of_intent_is_still_a_negotiation(lang: str, text: str, expected: tuple[str, ...]) -> None:
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == (*expected, "negotiating")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Naval Group will build three FDI frigates for Greece."),
    ("fr", "Naval Group construira trois frégates FDI pour la Grèce."),
    ("es", "Naval Group construirá tres fragatas FDI para Grecia."),
    ("it", "Naval Group costruirà tre fregate FDI per la Grecia."),
])
def test_a_maker_building_for_a_state_supplies_it(lang: str, text: str) -> None:
    c = one(text, lang, item="FDI")
    assert (c["supplier"], c["recipient"], c["quantity"]["value"]) == ("FRA", "GRC", 3)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Turkey built the Kizilelma drone on its own."),
    ("fr", "La Turquie a construit seule le drone Kizilelma."),
])
def test_building_for_nobody_else_is_no_transfer(lang: str, text: str) -> None:
    assert claims(text, lang) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "L'Allemagne a décidé de livrer des chars Leopard à l'Ukraine."),
    ("es", "Alemania decidió enviar tanques Leopard a Ucrania."),
    ("it", "La Germania ha deciso di inviare carri armati Leopard all'Ucraina."),
    ("pl", "Niemcy zdecydowały się przekazać Ukrainie czołgi Leopard."),
    ("ru", "Германия приняла решение передать Украине танки Leopard."),
    ("uk", "Німеччина ухвалила рішення про передачу Україні танків Leopard."),
])
def test_a_decision_to_supply_is_a_plan(lang: str, text: str) -> None:
    c = one(text, lang, item="Leopard")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("DEU", "UKR", "planned")


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # an approved sale is not concluded yet (the labelling convention for US arms-sale approvals): planned
    ("en", "The sale of 40 F-16 jets to Turkey was approved by the US Congress.", ("USA", "TUR", "F-16", "planned")),
    ("it", "La cessione dei carri Leopard all'Ucraina è stata approvata dal governo tedesco.",
     ("DEU", "UKR", "Leopard", "agreed")),
    ("es", "La venta de 24 cazas F-16 a Argentina fue aprobada por Estados Unidos.", ("USA", "ARG", "F-16", "planned")),
    ("fr", "La vente de 24 Rafale à l'Inde a été approuvée par la France.", ("FRA", "IND", "Rafale", "planned")),
    ("fr", "La livraison de 24 Rafale à l'Inde a été autorisée par la France.", ("FRA", "IND", "Rafale", "agreed")),
])
def test_a_passive_after_a_delivery_noun_sets_its_stage(lang: str, text: str, expected: tuple[str, ...]) -> None:
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == expected
