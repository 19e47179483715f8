"""Trigger and stage-cue lexicons, language by language: each role (give, get, buy, deal, arrive) at its
stages, in the styles news writes them (hedged, passive, subordinate, fronted object, light-verb phrase).
Every sentence pins supplier, recipient, item and stage of the one claim it must give."""

from __future__ import annotations

import pytest

from extraction_helpers import claims

# (language, sentence, (supplier, recipient, item, stage))
CASES = [
    # German: a plural present has the infinitive's form; an article after the comma of a zu-clause is no relative
    ("de", "Die USA liefern Rumänien 96 Drohnen.", ("USA", "ROU", "drones", "delivered")),
    ("de", "Dänemark beabsichtigt, der Ukraine 19 F-16 zu überlassen.", ("DNK", "UKR", "F-16", "planned")),
    ("de", "Die Slowakei hat sich verpflichtet, der Ukraine MiG-29 zu übergeben.", ("SVK", "UKR", "MiG-29", "planned")),
    ("de", "Nordkorea hat Russland angeblich mit Raketen versorgt.", ("PRK", "RUS", "missiles", "delivered")),
    ("de", "Ägypten erwirbt 30 Rafale von Frankreich.", ("FRA", "EGY", "Rafale", "ordered")),
    ("de", "Südkorea hat mit Polen einen Rahmenvertrag über 1000 K2-Panzer abgeschlossen.",
     ("KOR", "POL", "K2 Black Panther", "agreed")),
    ("de", "Tschechien erwägt die Anschaffung von Leopard-2A8-Panzern aus Deutschland.",
     ("DEU", "CZE", "Leopard 2A8", "negotiating")),
    ("de", "Der Bundestag billigte die Beschaffung von 35 F-35 aus den USA.", ("USA", "DEU", "F-35", "planned")),
    ("de", "Frankreich hat Serbien Rafale-Kampfjets angeboten.", ("FRA", "SRB", "Rafale", "offered")),
    ("de", "Die ersten Leopard-Panzer aus Spanien sind in der Ukraine eingetroffen.",
     ("ESP", "UKR", "Leopard", "delivered")),
    ("de", "Brasilien lässt in Lizenz Gripen-Kampfjets aus Schweden fertigen.",
     ("SWE", "BRA", "Gripen", "licensed_production")),
    # French: reflexive equipping is buying; an agreement or an equipping verb is trade context for 'Rafale'
    # French: 'offert(s) par' is a gift handed over, where the verb 'offrir' alone is a promise
    ("fr", "Le Burkina Faso a réceptionné deux drones Bayraktar TB2 offerts par la Turquie.",
     ("TUR", "BFA", "Bayraktar TB2", "delivered")),
    ("fr", "Les blindés offerts par la Chine au Togo ont été présentés lundi.",
     ("CHN", "TGO", "armoured vehicles", "delivered")),
    ("fr", "La Mauritanie possède trois patrouilleurs offerts par l'Espagne.", ("ESP", "MRT", "ships", "delivered")),
    ("fr", "La Corée du Nord a approvisionné la Russie en obus d'artillerie.",
     ("PRK", "RUS", "artillery shells", "delivered")),
    ("fr", "La Pologne s'équipe de chars K2 auprès de la Corée du Sud.",
     ("KOR", "POL", "K2 Black Panther", "ordered")),
    ("fr", "Le Qatar s'est doté de 24 Rafale français.", ("FRA", "QAT", "Rafale", "ordered")),
    ("fr", "Le Caire a conclu avec Paris un accord portant sur 30 Rafale.", ("FRA", "EGY", "Rafale", "agreed")),
    ("fr", "La Serbie a fait l'acquisition de douze Rafale auprès de la France.", ("FRA", "SRB", "Rafale", "ordered")),
    ("fr", "La Belgique compte livrer des F-16 à l'Ukraine en 2025.", ("BEL", "UKR", "F-16", "planned")),
    ("fr", "L'Égypte est en discussion avec la Chine pour l'achat de chasseurs J-10C.",
     ("CHN", "EGY", "J-10C", "negotiating")),
    ("fr", "Paris a proposé à Athènes des frégates FDI.", ("FRA", "GRC", "FDI", "offered")),
    ("fr", "Les premiers Leopard 2 allemands sont arrivés en Pologne.", ("DEU", "POL", "Leopard 2", "delivered")),
    ("fr", "L'Inde va produire sous licence des sous-marins Scorpène français.",
     ("FRA", "IND", "Scorpène", "licensed_production")),
    ("fr", "Douze hélicoptères Caracal seraient en négociation entre Hanoï et Paris.",
     ("FRA", "VNM", "H225M Caracal", "negotiating")),
    # Spanish: 'deber' before an infinitive is a plan; an agreement or equipping oneself is trade context for 'Rafale'
    ("es", "Corea del Norte ha abastecido a Rusia de proyectiles de artillería.",
     ("PRK", "RUS", "artillery shells", "delivered")),
    ("es", "Catar se dotó de 24 Rafale franceses.", ("FRA", "QAT", "Rafale", "ordered")),
    ("es", "Catar se dotará de 24 Rafale franceses.", ("FRA", "QAT", "Rafale", "planned")),
    ("es", "Egipto cerró con Francia un acuerdo para 30 Rafale.", ("FRA", "EGY", "Rafale", "agreed")),
    ("es", "Ucrania debería recibir cazas F-16 de Bélgica antes de fin de año.", ("BEL", "UKR", "F-16", "planned")),
    ("es", "Argentina recepcionó los primeros F-16 procedentes de Dinamarca.", ("DNK", "ARG", "F-16", "delivered")),
    ("es", "Perú estudia adquirir cazas Gripen de Suecia.", ("SWE", "PER", "Gripen", "negotiating")),
    ("es", "Japón mantiene negociaciones con Australia para la venta de fragatas Mogami.",
     ("JPN", "AUS", "Mogami-class frigate", "negotiating")),
    ("es", "Estados Unidos autorizó la exportación de misiles Patriot a Polonia.",
     ("USA", "POL", "MIM-104 Patriot", "agreed")),
    ("es", "Francia ofreció a Grecia fragatas FDI.", ("FRA", "GRC", "FDI", "offered")),
    ("es", "Los primeros Leopard 2 alemanes llegaron a Polonia.", ("DEU", "POL", "Leopard 2", "delivered")),
    ("es", "EE. UU. entregó a Ucrania lanzacohetes HIMARS.", ("USA", "UKR", "M142 HIMARS", "delivered")),  # no break
    ("es", "India fabricará bajo licencia submarinos Scorpène franceses.",
     ("FRA", "IND", "Scorpène", "licensed_production")),
    # Italian
    ("it", "La Corea del Nord ha rifornito la Russia di proiettili d'artiglieria.",
     ("PRK", "RUS", "artillery shells", "delivered")),
    ("it", "Il Qatar si è dotato di 24 Rafale francesi.", ("FRA", "QAT", "Rafale", "ordered")),
    ("it", "L'Egitto si doterà di 30 Rafale dalla Francia.", ("FRA", "EGY", "Rafale", "planned")),
    ("it", "L'Egitto ha concluso con la Francia un accordo per 30 Rafale.", ("FRA", "EGY", "Rafale", "agreed")),
    ("it", "Il Kuwait ha commissionato all'Italia 28 Eurofighter.", ("ITA", "KWT", "Eurofighter Typhoon", "ordered")),
    ("it", "L'Ucraina ha preso in consegna dalla Germania i primi Leopard 2.",
     ("DEU", "UKR", "Leopard 2", "delivered")),
    ("it", "L'Ucraina dovrebbe ricevere caccia F-16 dal Belgio entro la fine dell'anno.",
     ("BEL", "UKR", "F-16", "planned")),
    ("it", "Il Giappone è in trattative con l'Australia per la vendita di fregate Mogami.",
     ("JPN", "AUS", "Mogami-class frigate", "negotiating")),
    ("it", "La Francia ha offerto alla Grecia fregate FDI.", ("FRA", "GRC", "FDI", "offered")),
    ("it", "L'India produrrà su licenza sottomarini Scorpène francesi.",
     ("FRA", "IND", "Scorpène", "licensed_production")),
    # Dutch: the separable 'afleveren'; acquiring and agreements as trade context for 'Rafale'
    ("nl", "Zweden heeft de eerste Gripen aan Hongarije afgeleverd.", ("SWE", "HUN", "Gripen", "delivered")),
    ("nl", "Zweden levert de eerste Gripen af aan Hongarije.", ("SWE", "HUN", "Gripen", "delivered")),
    ("nl", "Egypte heeft 30 extra Rafale van Frankrijk verworven.", ("FRA", "EGY", "Rafale", "ordered")),
    ("nl", "Qatar heeft 24 Franse Rafale aangeschaft.", ("FRA", "QAT", "Rafale", "ordered")),
    ("nl", "Egypte heeft met Frankrijk een akkoord gesloten over 30 Rafale.", ("FRA", "EGY", "Rafale", "agreed")),
    ("nl", "Noord-Korea heeft Rusland van artilleriegranaten voorzien.",
     ("PRK", "RUS", "artillery shells", "delivered")),
    ("nl", "Polen heeft een order geplaatst bij Zuid-Korea voor 180 K2-tanks.",
     ("KOR", "POL", "K2 Black Panther", "ordered")),
    ("nl", "Japan voert gesprekken met Australië over de verkoop van Mogami-fregatten.",
     ("JPN", "AUS", "Mogami-class frigate", "negotiating")),
    ("nl", "België heeft toegezegd 30 F-16's aan Oekraïne te leveren.", ("BEL", "UKR", "F-16", "planned")),
    ("nl", "India gaat Scorpène-onderzeeërs onder licentie bouwen.", ("FRA", "IND", "Scorpène", "licensed_production")),
    # Russian and Ukrainian: leasing is buying; an importer is a customer
    ("ru", "Индия взяла в аренду у России подводную лодку проекта 971.", ("RUS", "IND", "submarines", "ordered")),
    ("ru", "Аргентина арендовала у США самолеты P-3 Orion.", ("USA", "ARG", "P-3 Orion", "ordered")),
    ("ru", "Египет стал импортером российских вертолетов Ка-52.", ("RUS", "EGY", "Ka-52", "ordered")),
    ("ru", "Северная Корея снабжает Россию артиллерийскими снарядами.",
     ("PRK", "RUS", "artillery shells", "delivered")),
    ("ru", "Алжир рассматривает возможность закупки у России истребителей Су-57.",
     ("RUS", "DZA", "Su-57", "negotiating")),
    ("ru", "Москва готова поставить Тегерану истребители Су-35.", ("RUS", "IRN", "Su-35", "offered")),
    ("ru", "Россия и Египет заключили сделку на поставку истребителей Су-35.", ("RUS", "EGY", "Su-35", "agreed")),
    ("ru", "В Россию прибыла партия иранских ракет Fath-360.", ("IRN", "RUS", "Fath-360", "delivered")),
    ("uk", "Аргентина орендувала у США літаки P-3 Orion.", ("USA", "ARG", "P-3 Orion", "ordered")),
    ("uk", "Єгипет став імпортером російських гелікоптерів Ка-52.", ("RUS", "EGY", "Ka-52", "ordered")),
    ("uk", "Індія взяла в оренду у Росії підводний човен.", ("RUS", "IND", "submarines", "ordered")),
    ("uk", "Чехія домовилася з Німеччиною про передачу танків Leopard 2A4.", ("DEU", "CZE", "Leopard 2A4", "agreed")),
    ("uk", "Україна та Франція підписали лист про наміри щодо закупівлі 100 Rafale.",
     ("FRA", "UKR", "Rafale", "negotiating")),
    ("uk", "Україна має на озброєнні гаубиці Caesar, передані Францією.", ("FRA", "UKR", "CAESAR", "delivered")),
    ("ru", "Индия будет производить по лицензии подводные лодки Scorpene.",
     ("FRA", "IND", "Scorpène", "licensed_production")),
    ("ru", "Хорватия получила от Франции первые Rafale.", ("FRA", "HRV", "Rafale", "delivered")),
    ("ru", "Греция подписала с Францией контракт на три фрегата FDI.", ("FRA", "GRC", "FDI", "ordered")),
    ("uk", "Іспанія передасть Україні шість комплексів Hawk.", ("ESP", "UKR", "MIM-23 Hawk", "planned")),
    ("uk", "Індія вироблятиме за ліцензією підводні човни Scorpene.",
     ("FRA", "IND", "Scorpène", "licensed_production")),
    ("uk", "Перші німецькі танки Leopard 2 прибули до Польщі.", ("DEU", "POL", "Leopard 2", "delivered")),
    ("uk", "Франція запропонувала Греції фрегати FDI.", ("FRA", "GRC", "FDI", "offered")),
    ("uk", "Бразилія веде переговори з Францією щодо купівлі підводних човнів Scorpene.",
     ("FRA", "BRA", "Scorpène", "negotiating")),
    # Polish: leasing is buying, a green light is an approval, being ready to supply is an offer
    ("pl", "Polska wydzierżawiła od USA drony MQ-9 Reaper.", ("USA", "POL", "MQ-9 Reaper", "ordered")),
    ("pl", "Niemcy dały zielone światło na dostawę czołgów Leopard na Ukrainę.", ("DEU", "UKR", "Leopard", "agreed")),
    ("pl", "Szwecja jest gotowa przekazać Ukrainie myśliwce Gripen.", ("SWE", "UKR", "Gripen", "offered")),
    ("pl", "Korea Północna zaopatruje Rosję w pociski artyleryjskie.", ("PRK", "RUS", "artillery shells", "delivered")),
    ("pl", "Polska zawarła umowę ramową z Koreą Południową na dostawy czołgów K2.",
     ("KOR", "POL", "K2 Black Panther", "agreed")),
    ("pl", "Polska podpisała umowę wykonawczą z Koreą Południową na 180 czołgów K2.",
     ("KOR", "POL", "K2 Black Panther", "ordered")),
    ("pl", "Litwa wyraziła zainteresowanie zakupem od Niemiec czołgów Leopard 2A8.",
     ("DEU", "LTU", "Leopard 2A8", "negotiating")),
    ("pl", "Do Polski trafiły pierwsze śmigłowce Apache z USA.", ("USA", "POL", "AH-64 Apache", "delivered")),
    ("pl", "Indie będą produkować na licencji okręty podwodne Scorpene.",
     ("FRA", "IND", "Scorpène", "licensed_production")),
    ("pl", "Francja zaoferowała Grecji fregaty FDI.", ("FRA", "GRC", "FDI", "offered")),
    # 'Kijów' ends like a genitive plural but is a nominative
    ("pl", "Kijów otrzymał myśliwce F-16 z Danii.", ("DNK", "UKR", "F-16", "delivered")),
    ("pl", "Kijów czeka na dostawę myśliwców F-16 z Danii latem.", ("DNK", "UKR", "F-16", "planned")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_trigger_lexicon(lang: str, text: str, expected: tuple[str, str, str, str]) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert got == {expected}


# a word inside a longer stage cue sets no stage of its own: 'intention' in 'lettre d'intention' is no plan
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "La Serbie et la France ont signé une lettre d'intention pour l'achat de 12 chasseurs Rafale."),
    ("en", "Serbia and France signed a letter of intent for the purchase of 12 Rafale jets."),
    ("it", "Serbia e Francia hanno firmato una lettera d'intenti per l'acquisto di 12 caccia Rafale."),
])
def test_cue_inside_a_longer_cue(lang: str, text: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert got == {("FRA", "SRB", "Rafale", "negotiating")}


# taking over (control, a town, captured tanks) is no receipt: 'übernehmen', 'przejąć' are left out on purpose
@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Ukraine übernahm die Kontrolle über die Stadt, in der russische T-90-Panzer standen."),
    ("pl", "Ukraina przejęła kontrolę nad miastem, w którym stały rosyjskie czołgi T-90."),
    ("en", "Ukraine took over control of the town where Russian T-90 tanks stood."),
])
def test_take_over_is_no_receipt(lang: str, text: str) -> None:
    assert claims(text, lang) == []


# stage cues of the same idea in every language: hoping or aiming to buy is a plan, being ready to supply an offer,
# mulling a delivery the stage the language gives considering it, a suspended delivery has not happened
CUES = [
    ("es", "Turquía aspira a comprar 40 Eurofighter al Reino Unido.", ("GBR", "TUR", "planned")),
    ("it", "La Turchia punta ad acquistare 40 Eurofighter dal Regno Unito.", ("GBR", "TUR", "planned")),
    ("ru", "Турция надеется купить у Великобритании 40 истребителей Eurofighter.", ("GBR", "TUR", "planned")),
    ("uk", "Туреччина сподівається купити у Великої Британії 40 винищувачів Eurofighter.", ("GBR", "TUR", "planned")),
    ("it", "La Francia è pronta a consegnare caccia Mirage 2000 all'Ucraina entro l'anno.", ("FRA", "UKR", "offered")),
    ("es", "Francia está dispuesta a entregar cazas Mirage 2000 a Ucrania.", ("FRA", "UKR", "offered")),
    ("fr", "La France est prête à livrer des Mirage 2000 à l'Ukraine.", ("FRA", "UKR", "offered")),
    ("pl", "Szwecja jest gotowa przekazać Ukrainie myśliwce Gripen.", ("SWE", "UKR", "offered")),
    ("de", "Die Regierung in Berlin denkt über die Lieferung von Taurus an die Ukraine nach.",
     ("DEU", "UKR", "negotiating")),
    ("nl", "Berlijn denkt na over de levering van Taurus-raketten aan Oekraïne.", ("DEU", "UKR", "negotiating")),
    ("ru", "Берлин обдумывает поставку ракет Taurus Украине.", ("DEU", "UKR", "negotiating")),
    ("uk", "Берлін обмірковує постачання ракет Taurus Україні.", ("DEU", "UKR", "negotiating")),
    ("pl", "Berlin zastanawia się nad dostawą pocisków Taurus na Ukrainę.", ("DEU", "UKR", "negotiating")),
    ("fr", "Berlin réfléchit à la livraison de missiles Taurus à l'Ukraine.", ("DEU", "UKR", "planned")),
    ("pl", "Niemcy wstrzymały dostawy myśliwców Eurofighter do Arabii Saudyjskiej.", ("DEU", "SAU", "planned")),
    # the particle of a separable verb is no cue: 'stellt … bereit' delivers, it does not offer
    ("de", "Deutschland stellt der Ukraine Flugabwehrsysteme bereit.", ("DEU", "UKR", "delivered")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CUES)
def test_stage_cue(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert {(c["supplier"], c["recipient"], c["stage"]) for c in claims(text, lang)} == {expected}


# a price between a contract and the purchase it governs keeps the two together
@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Polonia firmó con Corea del Sur un contrato por valor de 6.500 millones de dólares para la compra de 180 "
           "tanques K2."),
    ("it", "La Polonia e la Corea del Sud hanno firmato un contratto da 6,5 miliardi di dollari per l'acquisto di 180 "
           "carri K2."),
    ("nl", "Polen en Zuid-Korea tekenden een contract van 6,5 miljard dollar voor de aankoop van 180 K2-tanks."),
    ("en", "Poland signed a contract with South Korea worth $6.5 billion for the purchase of 180 K2 tanks."),
])
def test_price_between_contract_and_purchase(lang: str, text: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert got == {("KOR", "POL", "K2 Black Panther", "ordered")}


# a delivery announced in the passive is planned, as an announced delivery is in the active
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The delivery of 40 Marder vehicles to Ukraine was announced by Germany."),
    ("es", "El envío de 40 vehículos Marder a Ucrania fue anunciado por Alemania."),
    ("it", "L'invio di 40 veicoli Marder all'Ucraina è stato annunciato dalla Germania."),
    ("fr", "La livraison de 40 véhicules Marder à l'Ukraine a été annoncée par l'Allemagne."),
])
def test_passive_announcement_is_a_plan(lang: str, text: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert got == {("DEU", "UKR", "Marder", "planned")}


# a sentential relative after a comma ('was', 'wat', 'which') opens the clause of its own verb: the denial there
# denies the transfer before it
@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Der Iran hat Russland ballistische Raketen geliefert, was Teheran bestreitet."),
    ("nl", "Iran heeft Rusland ballistische raketten geleverd, wat Teheran ontkent."),
    ("en", "Iran has supplied Russia with ballistic missiles, which Tehran denies."),
])
def test_sentential_relative_denial(lang: str, text: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"], c["status"]) for c in claims(text, lang)}
    assert got == {("IRN", "RUS", "ballistic missiles", "delivered", "denied")}


# German names in the weak declension after an article ('aus den Vereinigten Staaten', 'den Niederlanden')
@pytest.mark.parametrize(("text", "expected"), [
    ("Polen erhält Abrams-Panzer aus den Vereinigten Staaten.", ("USA", "POL", "M1 Abrams", "delivered")),
    ("Die Vereinigten Staaten liefern Rumänien 96 Drohnen.", ("USA", "ROU", "drones", "delivered")),
    ("Frankreich verkauft den Vereinigten Arabischen Emiraten 80 Rafale.", ("FRA", "ARE", "Rafale", "ordered")),
])
def test_german_weak_declension_names(text: str, expected: tuple[str, str, str, str]) -> None:
    assert {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, "de")} == {expected}


# a pronominal trigger opens with its clitic: the future is marked on its verb ('s'équipera', 'se dotera', 'si doterà')
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "La Pologne s'équipera de chars K2 auprès de la Corée du Sud.", ("KOR", "POL", "K2 Black Panther")),
    ("fr", "La Grèce se dotera de trois frégates FDI auprès de la France.", ("FRA", "GRC", "FDI")),
    ("it", "L'Egitto si doterà di 30 Rafale dalla Francia.", ("FRA", "EGY", "Rafale")),
    ("es", "Catar se dotará de 24 Rafale franceses.", ("FRA", "QAT", "Rafale")),
])
def test_pronominal_future_is_a_plan(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert got == {(*expected, "planned")}


# a contract about a delivery governs it: German 'über die Lieferung' is one phrase (no relative 'die' without a comma)
@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Saab hat mit Kolumbien einen Vertrag über die Lieferung von 17 Gripen unterzeichnet."),
    ("de", "Schweden hat mit Kolumbien einen Vertrag über die Lieferung von 17 Gripen unterzeichnet."),
    ("fr", "Saab a signé avec la Colombie un contrat pour la fourniture de 17 Gripen."),
    ("en", "Saab signed a contract with Colombia for the delivery of 17 Gripen jets."),
])
def test_contract_about_a_delivery(lang: str, text: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert got == {("SWE", "COL", "Gripen", "ordered")}


# a sentence that opens with its delivery noun makes it the subject: its predicate's stage word is its stage
@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("es", "La llegada de los F-16 procedentes de Dinamarca a Argentina está prevista para diciembre.", "planned"),
    ("ru", "Прибытие первых датских F-16 в Аргентину запланировано на декабрь.", "planned"),
    ("uk", "Постачання перших F-16 з Данії до Аргентини заплановано на грудень.", "planned"),
    ("pl", "Przybycie pierwszych duńskich F-16 do Argentyny zaplanowano na grudzień.", "planned"),
    ("es", "La entrega de los F-16 daneses a Argentina se completó ayer.", "delivered"),
])
def test_predicate_of_a_delivery_noun(lang: str, text: str, stage: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert got == {("DNK", "ARG", "F-16", stage)}


# technology handed over is a technology transfer whether it has happened or is planned
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "La France transférera à l'Inde la technologie des moteurs Safran.", ("FRA", "IND")),
    ("it", "L'Italia trasferirà all'India la tecnologia dei siluri.", ("ITA", "IND")),
    ("de", "Frankreich hat Brasilien Raketentechnologie übertragen.", ("FRA", "BRA")),
    ("ru", "Россия передаст Индии технологии производства двигателей.", ("RUS", "IND")),
])
def test_technology_handed_over(lang: str, text: str, expected: tuple[str, str]) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert got == {(*expected, "technology", "technology_transfer")}


# chosen as preferred bidder: talks on the contract follow; a memorandum of understanding is an agreement
@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("de", "Saab wurde als bevorzugter Bieter für die Lieferung von 12 Gripen an Kolumbien ausgewählt.", "negotiating"),
    ("fr", "Saab a été désigné soumissionnaire privilégié pour fournir 12 Gripen à la Colombie.", "negotiating"),
    ("nl", "Saab is gekozen als voorkeursbieder voor de levering van 12 Gripens aan Colombia.", "negotiating"),
    ("pl", "Saab został wybrany jako preferowany oferent dostawy 12 myśliwców Gripen dla Kolumbii.", "negotiating"),
    ("de", "Kolumbien und Schweden haben ein Memorandum of Understanding über 12 Gripen unterzeichnet.", "agreed"),
    ("nl", "Colombia en Zweden ondertekenden een memorandum van overeenstemming over 12 Gripens.", "agreed"),
])
def test_preferred_bidder_and_memorandum(lang: str, text: str, stage: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert got == {("SWE", "COL", "Gripen", stage)}


@pytest.mark.parametrize(("code", "text"), [
    ("es", "Alemania autorizó la reexportación de tanques Leopard de Polonia a Ucrania."),
    ("it", "La Germania ha autorizzato la riesportazione di carri Leopard dalla Polonia all'Ucraina."),
    ("de", "Deutschland genehmigte die Weitergabe von Leopard-Panzern durch Polen an die Ukraine."),
    ("ru", "Германия разрешила реэкспорт танков Leopard из Польши на Украину."),
])
def test_an_approved_re_export_is_the_re_exporters(code: str, text: str) -> None:
    """The state that approves a re-export is no party to it: the re-exporter supplies."""
    assert {(c["supplier"], c["recipient"], c["stage"]) for c in claims(text, code)} == {("POL", "UKR", "agreed")}
