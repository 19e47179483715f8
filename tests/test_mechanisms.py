"""Language-neutral extraction mechanisms, each checked on made-up sentences in several languages."""

from __future__ import annotations

import pytest

from armstrack.extract.frames import _replacement_scope, find_triggers
from armstrack.lang.base import tokenize
from armstrack.lang.lexicon import get_lexicon
from extraction_helpers import analysed, claims, one, triples

# --- the gazetteer prefilter sees surface forms: an inflected item noun must still pass it ---------------------


@pytest.mark.parametrize(("lang", "word"), [("ru", "оружия"), ("ru", "гаубицами"), ("uk", "зброєю"),
                                             ("uk", "гаубицями"), ("de", "Haubitze"), ("it", "obici")])
def test_prefilter_passes_inflected_item_nouns(lang: str, word: str) -> None:
    assert get_lexicon(lang).names_item_stem(tokenize(f"xx {word} yy"))


@pytest.mark.parametrize(("lang", "phrase"), [("pl", "systemów obrony powietrznej"), ("pl", "części zamiennych"),
                                               ("ru", "запасных частей"), ("uk", "запасних частин"),
                                               ("ru", "военных грузовиков")])
def test_prefilter_passes_inflected_multiword_item_nouns(lang: str, phrase: str) -> None:
    # the first word of a multi-word entry, inflected, is enough: the lemmas decide after analysis
    assert get_lexicon(lang).names_item_stem(tokenize(f"xx {phrase} yy"))


@pytest.mark.parametrize(("lang", "word"), [("de", "Mehrzweckdrohnen"), ("de", "Caracal-Hubschrauber"),
                                             ("nl", "marinehelikopters"), ("nl", "verkenningsvliegtuigen")])
def test_prefilter_passes_unlisted_compounds(lang: str, word: str) -> None:
    assert get_lexicon(lang).names_item_stem(tokenize(f"xx {word} yy"))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("pl", "Turcja dostarczyła Azerbejdżanowi 12 systemów obrony powietrznej.", ("TUR", "AZE", "air defence systems")),
    ("pl", "Turcja przekazała Azerbejdżanowi tysiąc kamizelek kuloodpornych.", ("TUR", "AZE", "body armour")),
    ("ru", "Турция поставила Азербайджану партию запасных частей.", ("TUR", "AZE", "spare parts")),
    ("uk", "Туреччина поставила Азербайджану 40 військових вантажівок.", ("TUR", "AZE", "military trucks")),
    ("de", "Die Türkei lieferte Aserbaidschan 20 Mehrzweckdrohnen.", ("TUR", "AZE", "drones")),
    ("nl", "Turkije heeft Azerbeidzjan vier marinehelikopters geleverd.", ("TUR", "AZE", "helicopters")),
])
def test_inflected_or_compound_item_sentence_is_analysed(lang: str, text: str,
                                                         expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("lang", "text"), [("en", "The minister met her counterpart on Monday."),
                                             ("de", "Der Minister traf am Montag seinen Amtskollegen."),
                                             ("ru", "Министр встретился с коллегой в понедельник.")])
def test_prefilter_stem_is_not_any_word(lang: str, text: str) -> None:
    assert not get_lexicon(lang).names_item_stem(tokenize(text))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "В марте Сербия поставила Египту партию гаубиц. Мы не знаем, сколько.", ("SRB", "EGY", "howitzers")),
    ("uk", "У березні Сербія передала Єгипту партію гаубиць.", ("SRB", "EGY", "howitzers")),
])
def test_inflected_item_noun_sentence_is_analysed(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


# --- the subject of another verb is no recipient of a delivery noun with its own agent ---------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Токіо висловив стурбованість через передачу Китаєм зенітних ракет КНДР."),
    ("ru", "Токио выразил обеспокоенность передачей Китаем зенитных ракет КНДР."),
    ("en", "Tokyo voiced concern over the delivery by China of air defence missiles to North Korea."),
    ("de", "Tokio äußerte Sorge über die Lieferung von Flugabwehrraketen durch China an Nordkorea."),
])
def test_subject_of_another_verb_is_not_the_recipient(lang: str, text: str) -> None:
    assert not {(s, r) for s, r, _ in triples(text, lang)} - {("CHN", "PRK")}


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Токіо та Канберра висловили стурбованість через передачу Китаєм ракетних технологій М'янмі."),
    ("ru", "Токио и Канберра выразили обеспокоенность передачей Китаем ракетных технологий Мьянме."),
])
def test_inflected_technology_noun_passes_the_prefilter(lang: str, text: str) -> None:
    assert triples(text, lang) == {("CHN", "MMR", "technology")}


# --- clause scope: an item acting in a clause of its own is not what the trigger before that clause transfers -------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia delivered tanks to Belarus while Russian Su-34 bombers struck Kharkiv."),
    ("es", "Rusia entregó tanques a Bielorrusia mientras bombarderos rusos Su-34 atacaban Járkov."),
    ("fr", "La Russie a livré des chars à la Biélorussie tandis que des bombardiers Su-34 frappaient Kharkiv."),
    ("ru", "Россия передала Белоруссии танки, пока российские Су-34 атаковали Харьков."),
    ("uk", "Росія передала Білорусі танки, поки російські Су-34 атакували Харків."),
])
def test_item_acting_in_its_own_clause_is_not_transferred(lang: str, text: str) -> None:
    assert triples(text, lang) == {("RUS", "BLR", "tanks")}


# --- clause scope: a replacement clause names no item or party of the transfer; 'respectively' pairs in order -----

REPLACEMENT = [
    ("en", "Morocco signed a deal for 12 Akinci drones from Turkey to replace its ageing Chinese Wing Loong fleet."),
    ("fr", "Le Maroc a commandé 12 drones Akinci à la Turquie pour remplacer ses vieux Wing Loong chinois."),
    ("de", "Marokko bestellt in der Türkei 12 Akinci-Drohnen, um seine alten chinesischen Wing Loong zu ersetzen."),
    ("es", "Marruecos compró 12 drones Akinci a Turquía para sustituir sus viejos Wing Loong chinos."),
    ("it", "Il Marocco ha acquistato 12 droni Akinci dalla Turchia per sostituire i vecchi Wing Loong cinesi."),
]


@pytest.mark.parametrize(("lang", "text"), REPLACEMENT)
def test_replaced_item_is_not_transferred(lang: str, text: str) -> None:
    assert triples(text, lang) == {("TUR", "MAR", "Bayraktar Akinci")}


@pytest.mark.parametrize(("lang", "text", "replaced"), [
    ("en", "Chile bought F-16s to replace its old Mirage jets.", True),
    ("en", "Chile bought F-16s instead of the JF-17 offered by China.", False),
    ("es", "Chile compró aviones F-16 para sustituir sus viejos Mirage.", True),
    ("es", "Chile compró el F-16 en lugar de los JF-17 ofrecidos por China.", False),
    ("de", "Chile kauft F-16, um die alten Mirage zu ersetzen.", True),
    ("de", "Die F-16 sollen Mirage ersetzen, die Frankreich an Chile geliefert hat.", False),
])
def test_replacement_scope_stops_at_a_transfer_of_its_own(lang: str, text: str, replaced: bool) -> None:
    lex = get_lexicon(lang)
    tokens = analysed(text, lang)
    starts = {a for a, _, _ in find_triggers(tokens, lex)}
    mirage_or_jf = {k for k, t in enumerate(tokens) if t.text in ("Mirage", "JF-17")}
    assert bool(mirage_or_jf & _replacement_scope(tokens, lex, starts)) == replaced


ALTERNATIVE_NOT_TAKEN = [
    ("en", "Colombia ordered 17 Gripen fighters from Sweden rather than the Rafale.", ("SWE", "COL", "Gripen")),
    ("en", "Chile will buy 12 Gripen fighters from Sweden rather than F-16 jets from the United States.",
     ("SWE", "CHL", "Gripen")),
    ("en", "Brazil bought 36 Gripen jets from Sweden after deciding against the F/A-18 Super Hornet.",
     ("SWE", "BRA", "Gripen")),
    ("fr", "La Colombie a acheté 17 Gripen à la Suède au détriment du Rafale français.", ("SWE", "COL", "Gripen")),
    ("fr", "L'Inde a commandé 26 Rafale Marine à la France au lieu des F/A-18 américains.", ("FRA", "IND", "Rafale M")),
    ("fr", "Le Pérou commandera des F-16 aux États-Unis plutôt que des Su-30 russes.", ("USA", "PER", "F-16")),
    ("es", "Colombia comprará 17 Gripen a Suecia en vez de los F-16 estadounidenses.", ("SWE", "COL", "Gripen")),
    ("es", "Argentina compró 24 F-16 a Dinamarca en detrimento de los JF-17 chinos.", ("DNK", "ARG", "F-16")),
    ("it", "L'Egitto ha acquistato 24 Rafale dalla Francia invece degli Eurofighter.", ("FRA", "EGY", "Rafale")),
    ("es", "Marruecos encargó 24 helicópteros Apache a Estados Unidos tras descartar el T129 turco.",
     ("USA", "MAR", "AH-64 Apache")),
    ("fr", "Le Maroc a commandé 24 hélicoptères Apache aux États-Unis après avoir écarté le T129 turc.",
     ("USA", "MAR", "AH-64 Apache")),
    ("it", "Il Marocco ha ordinato 24 elicotteri Apache agli Stati Uniti, dopo aver scartato i T129 turchi.",
     ("USA", "MAR", "AH-64 Apache")),
]


@pytest.mark.parametrize("lang, text", [
    ("en", "Morocco ordered 24 Apache helicopters from the United States after rejecting the Turkish T129."),
    ("en", "Morocco ordered 24 Apache helicopters from the United States after ruling out the Turkish T129."),
])
def test_an_alternative_turned_down_is_no_denial(lang: str, text: str) -> None:
    assert [(c["supplier"], c["recipient"], c["item"], c["status"]) for c in claims(text, lang)] == [
        ("USA", "MAR", "AH-64 Apache", "asserted")]


@pytest.mark.parametrize(("lang", "text", "expected"), ALTERNATIVE_NOT_TAKEN)
def test_alternative_not_taken_is_not_transferred(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    """'rather than', 'au détriment de', 'en vez de', 'invece di': the rival named is not bought."""
    assert triples(text, lang) == {expected}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Chile bought 12 Gripen jets from Sweden rather than the F-16 of Lockheed Martin Corp. and the Rafale.",
     ("SWE", "CHL", "Gripen")),
    ("en", "Morocco bought 12 Akinci drones from Turkey to replace approx. 10 old Wing Loong drones.",
     ("TUR", "MAR", "Bayraktar Akinci")),
    ("fr", "La Colombie a acheté 17 Gripen à la Suède plutôt que le F-16 de Lockheed Martin Corp. et le Rafale.",
     ("SWE", "COL", "Gripen")),
    ("es", "Colombia compró 17 Gripen a Suecia en vez del F-16 de Lockheed Martin Corp. y el Rafale.",
     ("SWE", "COL", "Gripen")),
    ("it", "La Colombia ha acquistato 17 Gripen dalla Svezia invece del F-16 di Lockheed Martin Corp. e del Rafale.",
     ("SWE", "COL", "Gripen")),
])
def test_an_abbreviation_stop_does_not_end_the_replacement_clause(lang: str, text: str,
                                                                  expected: tuple[str, str, str]) -> None:
    """'Lockheed Martin Corp.', 'approx.': the full stop of an abbreviation ends no clause."""
    assert triples(text, lang) == {expected}


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le Maroc a commencé à négocier avec la Chine l'achat de drones Wing Loong 2 pour remplacer ses "
           "Wing Loong 1. Le royaume a depuis acquis ces drones."),
    ("en", "Morocco began talks with China on buying Wing Loong 2 drones to replace its Wing Loong 1 fleet. "
           "The kingdom has since acquired these drones."),
    ("es", "Marruecos negoció con China la compra de drones Wing Loong 2 para sustituir sus Wing Loong 1. "
           "El reino ha adquirido después estos drones."),
])
def test_a_replaced_system_is_no_antecedent(lang: str, text: str) -> None:
    """'ces drones' after '… Wing Loong 2 pour remplacer ses Wing Loong 1': the new system, not the replaced one."""
    assert triples(text, lang) == {("CHN", "MAR", "Wing Loong II")}


RESPECTIVELY = [
    ("en", "Hungary will receive 24 CV90 vehicles and 12 K9 howitzers from Sweden and South Korea respectively."),
    ("fr", "La Hongrie recevra 24 CV90 et 12 obusiers K9 de la Suède et de la Corée du Sud respectivement."),
    ("ru", "Венгрия получит 24 CV90 и 12 гаубиц K9 от Швеции и Южной Кореи соответственно."),
    ("es", "Hungría recibirá 24 CV90 y 12 obuses K9 de Suecia y Corea del Sur, respectivamente."),
]


@pytest.mark.parametrize(("lang", "text"), RESPECTIVELY)
def test_respectively_pairs_items_and_parties_in_order(lang: str, text: str) -> None:
    assert triples(text, lang) == {("SWE", "HUN", "CV90"), ("KOR", "HUN", "K9 Thunder")}


# --- who awaits a delivery receives it; the awaited delivery is planned ----------------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Chile expects further deliveries of Swedish Gripen and French Mirage jets.",
     {("SWE", "CHL", "Gripen"), ("FRA", "CHL", "Mirage")}),
    ("fr", "Le Chili attend de nouvelles livraisons de Gripen suédois et de Mirage français.",
     {("SWE", "CHL", "Gripen"), ("FRA", "CHL", "Mirage")}),
    ("uk", "Чилі очікує на нові постачання шведських Gripen та французьких Mirage.",
     {("SWE", "CHL", "Gripen"), ("FRA", "CHL", "Mirage")}),
    ("de", "Chile wartet auf die Lieferung schwedischer Gripen.", {("SWE", "CHL", "Gripen")}),
    ("it", "Il Cile attende la consegna di caccia Gripen dalla Svezia.", {("SWE", "CHL", "Gripen")}),
    ("pl", "Chile czeka na dostawy szwedzkich myśliwców Gripen.", {("SWE", "CHL", "Gripen")}),
])
def test_who_awaits_a_delivery_receives_it(lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    found = claims(text, lang)
    assert {(c["supplier"], c["recipient"], c["item"]) for c in found} == expected
    assert {c["stage"] for c in found} == {"planned"}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Chile asked for the delivery of Gripen jets from Sweden.", ("SWE", "CHL", "Gripen")),
    ("es", "Chile pidió la entrega de cazas Gripen de Suecia.", ("SWE", "CHL", "Gripen")),
    ("fr", "Le Chili a demandé la livraison de Gripen suédois.", ("SWE", "CHL", "Gripen")),
])
def test_the_source_of_an_asked_for_delivery_supplies_it(lang: str, text: str,
                                                         expected: tuple[str, str, str]) -> None:
    assert triples(text, lang) == {expected}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Germany expects to deliver 10 Leopard tanks to Chile this year."),
    ("fr", "L'Allemagne compte livrer 10 chars Leopard au Chili cette année."),
    ("es", "Alemania espera entregar 10 tanques Leopard a Chile este año."),
])
def test_who_expects_to_deliver_still_supplies(lang: str, text: str) -> None:
    assert triples(text, lang) == {("DEU", "CHL", "Leopard")}


# --- an arrival: the item arrives, the destination receives, the source supplies -------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Three more Leopard tanks from Portugal arrived in Chile.", ("PRT", "CHL", "Leopard")),
    ("de", "Die ersten Leopard-Panzer aus Portugal sind in Chile eingetroffen.", ("PRT", "CHL", "Leopard")),
    ("it", "Sono arrivati in Cile i primi F-16 dalla Danimarca.", ("DNK", "CHL", "F-16")),
    ("ru", "В Чили прибыли первые F-16 из Дании.", ("DNK", "CHL", "F-16")),
    ("uk", "До Чилі прибули ще три танки Leopard від Португалії.", ("PRT", "CHL", "Leopard")),
    ("pl", "Do Chile dotarły pierwsze czołgi K2 z Korei Południowej.", ("KOR", "CHL", "K2 Black Panther")),
    ("nl", "De eerste F-16's uit Denemarken zijn in Chili aangekomen.", ("DNK", "CHL", "F-16")),
    ("fr", "Les premiers chars Leopard portugais sont arrivés au Chili.", ("PRT", "CHL", "Leopard")),
])
def test_where_an_item_arrives_receives_it(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    found = claims(text, lang)
    assert {(c["supplier"], c["recipient"], c["item"]) for c in found} == {expected}
    assert {c["stage"] for c in found} == {"delivered"}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The F-16 jets from Denmark will arrive in Chile next year."),
    ("es", "Los F-16 de Dinamarca llegarán a Chile el próximo año."),
    ("fr", "Les F-16 danois arriveront au Chili l'année prochaine."),
])
def test_an_arrival_to_come_is_planned(lang: str, text: str) -> None:
    assert [(c["supplier"], c["recipient"], c["stage"]) for c in claims(text, lang)] == [("DNK", "CHL", "planned")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "An Iranian delegation arrived in Moscow to discuss drones."),
    ("fr", "Une délégation iranienne est arrivée à Moscou pour discuter de drones."),
    ("de", "Eine iranische Delegation ist in Moskau eingetroffen, um über Drohnen zu sprechen."),
])
def test_people_arriving_carry_no_item(lang: str, text: str) -> None:
    assert claims(text, lang) == []


# --- a contract with an arms maker: the maker's state sells, whatever the item's designer --------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Naval Group signed a contract with Chile for three frigates.", ("FRA", "CHL", "ships")),
    ("fr", "Naval Group a signé un contrat avec le Chili pour trois frégates.", ("FRA", "CHL", "ships")),
    ("es", "Navantia firmó un contrato con Chile para cinco corbetas.", ("ESP", "CHL", "ships")),
    ("de", "Rheinmetall hat mit Chile einen Vertrag über 44 Schützenpanzer unterzeichnet.",
     ("DEU", "CHL", "infantry fighting vehicles")),
    ("en", "Fincantieri and the Chilean defence ministry signed a contract for six FREMM frigates.",
     ("ITA", "CHL", "FREMM")),
    # Finmeccanica: Leonardo's name until 2016
    ("it", "Il contratto firmato da Finmeccanica per la fornitura al Cile di 12 caccia Eurofighter.",
     ("ITA", "CHL", "Eurofighter Typhoon")),
    ("es", "Finmeccanica firmó un contrato con Chile para 12 cazas Eurofighter.",
     ("ITA", "CHL", "Eurofighter Typhoon")),
    ("nl", "Finmeccanica tekende een contract met Chili voor 12 Eurofighter-gevechtsvliegtuigen.",
     ("ITA", "CHL", "Eurofighter Typhoon")),
])
def test_a_contract_with_an_arms_maker_is_a_sale_by_its_state(lang: str, text: str,
                                                              expected: tuple[str, str, str]) -> None:
    assert triples(text, lang) == {expected}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hanwha signed a contract with Huta Stalowa Wola for 18 howitzer chassis."),
    ("fr", "Naval Group et Fincantieri ont signé un accord pour des frégates."),
    ("de", "Rheinmetall hat mit KNDS einen Vertrag über Schützenpanzer unterzeichnet."),
])
def test_a_contract_between_two_makers_names_no_sale(lang: str, text: str) -> None:
    assert triples(text, lang) == set()


# --- who wins an order sells to who placed it ---------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Saab received an order from Chile for 17 Gripen fighters.", ("SWE", "CHL", "Gripen")),
    ("fr", "Dassault Aviation a remporté une commande du Chili pour 42 avions Rafale.", ("FRA", "CHL", "Rafale")),
    ("es", "Navantia recibió un pedido de Chile para cinco corbetas.", ("ESP", "CHL", "ships")),
    ("pl", "Hanwha otrzymała zamówienie od Chile na 180 czołgów K2.", ("KOR", "CHL", "K2 Black Panther")),
    ("ru", "Рособоронэкспорт получил заказ от Чили на пять дивизионов С-400.", ("RUS", "CHL", "S-400 Triumf")),
    ("nl", "Saab heeft een order uit Chili binnengehaald voor 17 Gripens.", ("SWE", "CHL", "Gripen")),
])
def test_who_wins_an_order_sells(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    found = claims(text, lang)
    assert {(c["supplier"], c["recipient"], c["item"]) for c in found} == {expected}
    assert {c["stage"] for c in found} == {"ordered"}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Chile received the first Gripen jets ordered from Sweden."),
    ("fr", "Le Chili a reçu les premiers Gripen commandés à la Suède."),
    ("es", "Chile recibió los primeros Gripen encargados a Suecia."),
])
def test_receiving_what_was_ordered_keeps_the_buyer(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("SWE", "CHL")}


# --- two states agreeing on a supply: the item's maker supplies the other -----------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Vietnam and Russia signed an agreement on the supply of 12 Su-30 jets."),
    ("fr", "Le Vietnam et la Russie ont signé un accord sur la livraison de 12 Su-30."),
    ("ru", "Вьетнам и Россия подписали соглашение о поставке 12 истребителей Су-30."),
    ("es", "Vietnam y Rusia firmaron un acuerdo para el suministro de 12 cazas Su-30."),
])
def test_an_agreed_supply_between_two_states_runs_from_the_maker(lang: str, text: str) -> None:
    assert triples(text, lang) == {("RUS", "VNM", "Su-30")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway and Belgium agreed to deliver 30 F-16 jets."),
    ("fr", "La Norvège et la Belgique ont convenu de livrer 30 F-16."),
    ("es", "Noruega y Bélgica acordaron entregar 30 cazas F-16."),
])
def test_co_suppliers_that_did_not_make_the_item_stay_suppliers(lang: str, text: str) -> None:
    assert all(c["supplier"] in ("NOR", "BEL") and c["recipient"] != "USA" for c in claims(text, lang))


# --- a possessive names the maker of its state's own designation, the owner of another's ---------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Chile is considering ordering China's J-10 jets and continues talks to purchase U.S.-made F-15EX jets.",
     {("CHN", "CHL", "J-10")}),  # China, the J-10's maker, buys no F-15EX
    ("en", "Chile ordered South Korea’s K2 tanks.", {("KOR", "CHL", "K2 Black Panther")}),
    ("en", "Chile's F-16 jets arrived from Denmark.", {("DNK", "CHL", "F-16")}),
    ("nl", "Chili overweegt China's J-10-toestellen te bestellen.", {("CHN", "CHL", "J-10")}),
])
def test_a_possessive_is_the_makers_state_only_for_its_own_designation(
        lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text, lang) == expected


# --- the vehicle a cargo travels by is not the cargo -----------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("it", "I droni iraniani arriverebbero in Cile via nave attraverso il Pacifico."),
    ("es", "Los drones iraníes llegan a Chile en barco."),
    ("de", "Die iranischen Drohnen kommen per Schiff in Chile an."),
    ("en", "The Iranian drones arrive in Chile by sea aboard a cargo ship."),
])
def test_the_vehicle_of_a_shipment_is_not_shipped(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)} == {("IRN", "CHL", "drones")}


# --- buying and selling words make an ambiguous designation a weapon -------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "L'Égypte a commandé 30 Rafale à la France.", ("FRA", "EGY", "Rafale")),
    ("en", "Egypt ordered 30 Rafale from France.", ("FRA", "EGY", "Rafale")),
    ("es", "Egipto compró 30 Rafale a Francia.", ("FRA", "EGY", "Rafale")),
    ("it", "L'Egitto ha acquistato 30 Rafale dalla Francia.", ("FRA", "EGY", "Rafale")),
])
def test_a_purchase_is_context_for_an_ambiguous_designation(lang: str, text: str,
                                                              expected: tuple[str, str, str]) -> None:
    assert triples(text, lang) == {expected}


# --- a name that is both a party and a designation, beside a noun of the designation's kind, is the designation ----


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "La Grèce a commandé trois frégates FDI à la France.", {("FRA", "GRC", "FDI")}),
    ("fr", "Les FDI ont reçu des missiles américains.", {("USA", "ISR", "missiles")}),
    ("es", "Las FDI recibieron misiles de Estados Unidos.", {("USA", "ISR", "missiles")}),
])
def test_a_name_beside_its_noun_is_the_designation(lang: str, text: str,
                                                    expected: set[tuple[str, str, str]]) -> None:
    assert triples(text, lang) == expected


# --- a one-word designation keeps its name under a case ending ----------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Польща передала Чилі ще 10 Крабів."),
    ("ru", "Польша передала Чили ещё 10 Крабов."),
    ("pl", "Polska przekazała Chile kolejne 10 Krabów."),
])
def test_an_inflected_designation_resolves(lang: str, text: str) -> None:
    assert triples(text, lang) == {("POL", "CHL", "AHS Krab")}


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Ураганами вдарило по узбережжю Чилі."),
    ("ru", "Ураганы обрушились на побережье Чили."),
    ("pl", "Huragany uderzyły w wybrzeże Chile."),
])
def test_an_inflected_ambiguous_name_still_needs_context(lang: str, text: str) -> None:
    assert claims(text, lang) == []


# --- a contract governs the supply it is for, across the partner it is signed with ---------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hanwha Aerospace has signed a contract with the Chilean Ministry of National Defence to supply 54 K9 "
           "howitzers."),
    ("fr", "Hanwha a signé un contrat avec le ministère chilien de la Défense pour la fourniture de 54 obusiers K9."),
    ("it", "Hanwha ha firmato un contratto con il Ministero della Difesa cileno per la fornitura di 54 obici K9."),
])
def test_a_contract_with_a_ministry_to_supply_is_an_order(lang: str, text: str) -> None:
    found = claims(text, lang)
    assert [(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in found] == \
        [("KOR", "CHL", "K9 Thunder", "ordered")]


# --- a list continues the sentence right before it, not a transfer two sentences back ------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "China sold J-10C jets to Chile. The Chilean air force runs several programmes to renew its fleet. "
           "Among them are MiG-29M and Mirage 2000 jets."),
    ("es", "China vendió cazas J-10C a Chile. La Fuerza Aérea de Chile tiene varios programas para renovar su flota. "
           "Entre ellos, destacan los MiG-29M y los Mirage 2000."),
    ("fr", "La Chine a vendu des J-10C au Chili. L'armée de l'air chilienne mène plusieurs programmes pour renouveler "
           "sa flotte. Parmi eux figurent des MiG-29M et des Mirage 2000."),
])
def test_a_list_after_an_unrelated_sentence_continues_no_transfer(lang: str, text: str) -> None:
    assert triples(text, lang) == {("CHN", "CHL", "J-10C")}


# --- the deal a transfer happens under names neither a transfer nor its stage --------------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Under a deal signed in 2022, Chile regularly receives K2 tanks from South Korea.",
     ("KOR", "CHL", "K2 Black Panther", "delivered")),
    ("pl", "W ramach umowy podpisanej w 2022 r., do Chile regularnie trafiają czołgi K2 z Korei Południowej.",
     ("KOR", "CHL", "K2 Black Panther", "delivered")),
    ("de", "Im Rahmen des Vertrags hat Chile die ersten K2-Panzer aus Südkorea erhalten.",
     ("KOR", "CHL", "K2 Black Panther", "delivered")),
    ("uk", "У рамках угоди Естонія отримала від Німеччини 18 танків Leopard 2.",
     ("DEU", "EST", "Leopard 2", "delivered")),
])
def test_a_transfer_under_a_deal_has_its_own_stage(lang: str, text: str, expected: tuple[str, ...]) -> None:
    assert [(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)] == [expected]


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Vorige week ontving Chili een eerste levering pantservoertuigen uit Duitsland. Het ging om twaalf "
           "Boxer-voertuigen, die deel uitmaken van een wapendeal met Duitsland."),
    ("es", "La semana pasada Chile recibió un primer lote de blindados de Alemania. Se trata de doce vehículos "
           "Boxer, que forman parte de un acuerdo con Alemania."),
    ("it", "La settimana scorsa il Cile ha ricevuto un primo lotto di blindati dalla Germania. Si tratta di dodici "
           "veicoli Boxer, che fanno parte di un accordo con la Germania."),
    ("en", "Last week Chile received a first batch of armoured vehicles from Germany. These are twelve Boxer "
           "vehicles, which form part of a deal with Germany."),
])
def test_items_that_form_part_of_a_deal_keep_the_transfer_before(lang: str, text: str) -> None:
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"], c["quantity"]["value"]) == \
        ("DEU", "CHL", "Boxer", "delivered", 12)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The tanks are part of a deal to supply 50 Leopard tanks to Chile from Germany."),
    ("it", "I carri fanno parte di un accordo per la fornitura di 50 Leopard al Cile dalla Germania."),
])
def test_a_deal_the_subject_is_part_of_keeps_its_stage(lang: str, text: str) -> None:
    assert one(text, lang)["stage"] == "agreed"


@pytest.mark.parametrize(("lang", "text"), [
    ("pl", "Samoloty mogłyby zostać przekazane Chile w ramach umowy o wymianie technologii wojskowej."),
    ("en", "The jets could be handed to Chile under an agreement on the exchange of military technology."),
    ("fr", "Les avions pourraient être cédés au Chili dans le cadre d'un accord d'échange de technologie militaire."),
])
def test_what_the_framework_deal_is_about_is_not_transferred(lang: str, text: str) -> None:
    assert all(c["category"] != "technology" for c in claims(text, lang))


# --- what ammunition is for is a list that goes on past its commas ----------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Germany supplied Chile with ammunition for machine guns, submachine guns or other firearms."),
    ("de", "Deutschland lieferte Chile Munition für Maschinengewehre, Maschinenpistolen oder andere Schusswaffen."),
    ("fr", "L'Allemagne a livré au Chili des munitions pour mitrailleuses, pistolets-mitrailleurs ou autres "
           "armes à feu."),
])
def test_the_platforms_ammunition_is_for_are_not_transferred(lang: str, text: str) -> None:
    assert {c["category"] for c in claims(text, lang)} == {"ammunition"}


# --- a family member of another kind is an item of its own ----------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hanwha signed a contract with Chile to supply 54 K9 howitzers and 36 K10 ammunition resupply vehicles."),
    ("fr", "La Corée du Sud livrera au Chili 54 obusiers K9 et 36 K10 ARV."),
    ("de", "Südkorea liefert Chile 54 K9-Haubitzen und 36 K10 ARV."),
])
def test_a_support_vehicle_of_a_family_is_not_folded_into_it(lang: str, text: str) -> None:
    assert {c["item"] for c in claims(text, lang)} == {"K9 Thunder", "K10 ARV"}


# --- a continuing sentence that names a state of its own continues no transfer -----------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Estonia and Finland ordered K9 howitzers from South Korea. It added that Chile will be the third user of "
           "the K10 ARV."),
    ("fr", "L'Estonie et la Finlande ont commandé des obusiers K9 à la Corée du Sud. Ils ajoutent que le Chili sera "
           "le troisième utilisateur du K10 ARV."),
    ("de", "Estland und Finnland bestellten K9-Haubitzen in Südkorea. Sie fügten hinzu, dass Chile der dritte "
           "Nutzer des K10 ARV sein wird."),
])
def test_a_continuation_naming_another_state_is_not_the_earlier_transfer(lang: str, text: str) -> None:
    assert all(c["item"] != "K10 ARV" or c["recipient"] not in ("EST", "FIN") for c in claims(text, lang))


# --- a family name in quotes or brackets after a designation names that designation ------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le Chili a commandé 48 chasseurs légers F/A-50 « Golden Eagle » à la Corée du Sud."),
    ("en", "Chile ordered 48 FA-50 (Golden Eagle) light fighters from South Korea."),
    ("de", "Chile bestellte 48 leichte Kampfjets FA-50 „Golden Eagle“ in Südkorea."),
])
def test_a_family_nickname_after_a_designation_is_that_designation(lang: str, text: str) -> None:
    assert triples(text, lang) == {("KOR", "CHL", "FA-50")}


# --- where an envoy is posted is no recipient ----------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "In March, the Iranian embassy to the UN said the Su-35 deal had been completed.", {("RUS", "IRN")}),
    ("fr", "En mars, l'ambassadeur d'Iran à l'ONU a déclaré que l'Iran avait reçu des Su-35 de la Russie.",
     {("RUS", "IRN")}),
    ("es", "En marzo, el embajador de Irán ante la ONU dijo que Irán había recibido cazas Su-35 de Rusia.",
     {("RUS", "IRN")}),
])
def test_the_posting_of_an_envoy_is_no_recipient(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == expected


# --- an agent that is no state leaves the supplier unknown, not the item's maker -------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Patriot is one of the air defence units supplied by the West to help Chile after the United States "
           "approved it."),
    ("fr", "Le Patriot fait partie des armes fournies au Chili par les pays occidentaux, selon les États-Unis."),
    ("es", "El Patriot forma parte de las armas entregadas a Chile por los países occidentales, según Estados Unidos."),
])
def test_an_agent_that_is_no_state_names_no_supplier(lang: str, text: str) -> None:
    assert [c for c in claims(text, lang) if c["supplier"] == "USA"] == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Chile uses Patriot systems supplied by the United States."),
    ("fr", "Le Chili utilise des systèmes Patriot fournis par les États-Unis."),
    ("de", "Eine Lieferung von Patriot-Systemen an Chile durch die USA ist beschlossen."),
])
def test_a_state_agent_still_supplies(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("USA", "CHL")}


# --- a noun of another kind a few words after a designation is a second item, not the designation's noun -----------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Südkorea liefert Chile 180 Kampfpanzer K2 zusammen mit Munition."),
    ("en", "South Korea delivered 180 K2 tanks to Chile, plus ammunition."),
    ("es", "Corea del Sur entregó a Chile 180 tanques K2 junto con munición."),
])
def test_ammunition_listed_after_a_designation_is_its_own_item(lang: str, text: str) -> None:
    assert {c["item"] for c in claims(text, lang)} == {"K2 Black Panther", "ammunition"}


# --- the customer of a weapon is its buyer -------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Chile has become the ninth customer of the South Korean K9 howitzer."),
    ("de", "Chile wird der neunte Kunde der südkoreanischen K9-Haubitze."),
    ("es", "Chile se convirtió en el noveno cliente del obús surcoreano K9."),
    ("en", "Chile has become the ninth buyer of the South Korean K9 howitzer."),
    ("fr", "Le Chili est devenu le neuvième acheteur de l'obusier sud-coréen K9."),
    ("it", "Il Cile è diventato il nono acquirente dell'obice sudcoreano K9."),
    ("nl", "Chili is de negende koper van de Zuid-Koreaanse K9-houwitser."),
])
def test_the_customer_of_a_weapon_buys_it(lang: str, text: str) -> None:
    assert [(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)] == \
        [("KOR", "CHL", "K9 Thunder", "ordered")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Social media users shared videos of Russian drones over Kyiv."),
    ("de", "Kunden der Bank kauften Aktien von Rheinmetall."),
    ("es", "Los usuarios de redes sociales compartieron vídeos de drones rusos."),
    ("en", "The buyer of the newspaper visited a Russian drone factory."),
])
def test_customers_and_users_without_a_weapon_deal_are_no_claim(lang: str, text: str) -> None:
    assert claims(text, lang) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Germany to send four more IRIS-T systems to Chile. Germany will deliver four IRIS-T SLM air defence "
           "systems to Chile this year."),
    ("fr", "L'Allemagne enverra quatre systèmes IRIS-T au Chili. L'Allemagne livrera cette année quatre systèmes de "
           "défense aérienne IRIS-T SLM au Chili."),
    ("de", "Deutschland schickt Chile vier weitere IRIS-T-Systeme. Deutschland wird Chile in diesem Jahr vier "
           "Luftverteidigungssysteme vom Typ IRIS-T SLM liefern."),
])
def test_an_air_defence_system_and_its_missile_family_are_one_item(lang: str, text: str) -> None:
    assert len(claims(text, lang)) == 1


# --- a state named through its institution is coordinated from the institution's first word ------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("it", "Fincantieri e il Ministero della Difesa del Cile hanno firmato un contratto per la fornitura di 6 fregate "
           "classe FREMM.", ("ITA", "CHL", "FREMM")),
    ("en", "Naval Group and the Ministry of Defence of Chile signed a contract for the supply of three frigates.",
     ("FRA", "CHL", "ships")),
    ("fr", "Naval Group et le ministère de la Défense du Chili ont signé un contrat pour la fourniture de trois "
           "frégates.", ("FRA", "CHL", "ships")),
])
def test_a_maker_and_a_ministry_signing_for_a_supply(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert triples(text, lang) == {expected}


# --- each item from its own source, to its own destination -------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Chile bought K2 tanks from South Korea and Abrams tanks from the United States."),
    ("fr", "Le Chili a acheté des chars K2 à la Corée du Sud et des chars Abrams aux États-Unis."),
    ("de", "Chile kaufte K2-Panzer von Südkorea und Abrams-Panzer von den USA."),
    ("es", "Chile compró tanques K2 a Corea del Sur y tanques Abrams a Estados Unidos."),
])
def test_each_item_comes_from_the_source_named_after_it(lang: str, text: str) -> None:
    assert triples(text, lang) == {("KOR", "CHL", "K2 Black Panther"), ("USA", "CHL", "M1 Abrams")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Germany sent Leopard tanks to Chile and Marder vehicles to Peru."),
    ("fr", "L'Allemagne a envoyé des chars Leopard au Chili et des véhicules Marder au Pérou."),
    ("es", "Alemania envió tanques Leopard a Chile y vehículos Marder a Perú."),
])
def test_each_item_goes_to_the_destination_named_after_it(lang: str, text: str) -> None:
    assert triples(text, lang) == {("DEU", "CHL", "Leopard"), ("DEU", "PER", "Marder")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Leopard tanks from Germany arrived in Chile and Marder vehicles in Peru."),
    ("fr", "Des chars Leopard allemands sont arrivés au Chili et des véhicules Marder au Pérou."),
    ("es", "Los tanques Leopard de Alemania llegaron a Chile y los vehículos Marder a Perú."),
    ("de", "Leopard-Panzer aus Deutschland gehen an Chile und Marder-Schützenpanzer von Rheinmetall an Peru."),
])
def test_the_subject_item_goes_to_the_destination_after_the_verb(lang: str, text: str) -> None:
    # the item before an arrival verb is the first destination's, the gapped second item the second's (its own
    # source between them is no gap)
    assert triples(text, lang) == {("DEU", "CHL", "Leopard"), ("DEU", "PER", "Marder")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Uruguay ordered fire control systems from the Danish company Terma."),
    ("de", "Uruguay kaufte Feuerleitsysteme von der dänischen Firma Terma."),
    ("ru", "Уругвай закупил системы управления огнём у датской компании Terma."),
])
def test_fire_control_systems_are_an_item(lang: str, text: str) -> None:
    assert triples(text, lang) == {("DNK", "URY", "fire control systems")}


# --- a colon after a word for countries opens the list of the recipients ----------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "France has sold the Rafale to seven countries since 2015: Qatar (36 aircraft), India (36) and Egypt (55)."),
    ("fr", "La France a vendu le Rafale à sept pays depuis 2015 : au Qatar (36 exemplaires), à l'Inde (36), à l'Egypte "
           "(55)."),
    ("de", "Frankreich hat den Rafale seit 2015 an sieben Länder verkauft: Katar (36), Indien (36) und Ägypten (55)."),
    ("es", "Francia ha vendido el Rafale a siete países desde 2015: Catar (36), India (36) y Egipto (55)."),
])
def test_the_countries_a_colon_lists_are_the_recipients(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"], c["quantity"]["value"]) for c in claims(text, lang)} == \
        {("FRA", "QAT", 36), ("FRA", "IND", 36), ("FRA", "EGY", 55)}


# --- the source after 'according to' ends at the verb of a verb-second clause ------------------------------------


@pytest.mark.parametrize(("lang", "text", "source"), [
    ("nl", "Volgens ingewijden wil Chili 96 Apache-helikopters van de VS kopen.", "ingewijden"),
    ("de", "Laut Insidern will Chile 96 Apache-Hubschrauber von den USA kaufen.", "Insidern"),
    ("en", "According to insiders, Chile wants to buy 96 Apache helicopters from the US.", "insiders"),
])
def test_a_source_ends_at_the_verb_second_modal(lang: str, text: str, source: str) -> None:
    assert [c["attributed_to"] for c in claims(text, lang)] == [[source]]


# --- a delivery talked over with a partner runs between the talks' parties, never from an outside maker ------------


@pytest.mark.parametrize(("lang", "text"), [
    ("pl", "Sztab Generalny informował w grudniu, że trwają rozmowy ze stroną chilijską na temat przekazania "
           "samolotów MiG-29."),
    ("en", "Chile is in talks with Denmark about the delivery of F-16 jets."),
    ("uk", "Чилі веде переговори з Данією про постачання літаків F-16."),
])
def test_talks_name_no_outside_maker_as_supplier(lang: str, text: str) -> None:
    assert [c for c in claims(text, lang) if c["supplier"] in ("RUS", "USA")] == []


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Чилі веде переговори з Францією про постачання літаків Mirage."),
    ("fr", "Le Chili négocie avec la France la livraison d'avions Mirage."),
    ("en", "Chile is negotiating with France over the delivery of Mirage jets."),
])
def test_talks_with_the_maker_name_it_the_supplier(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("FRA", "CHL")}


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Indonesien verhandelt mit der Türkei über den Kauf von 48 KAAN-Kampfjets."),
    ("nl", "Indonesië onderhandelt met Turkije over de aankoop van 48 KAAN-straaljagers."),
    ("en", "Indonesia is negotiating with Turkey on the purchase of 48 KAAN fighters."),
    ("es", "Indonesia negocia con Turquía sobre la compra de 48 cazas KAAN."),
])
def test_talks_about_a_purchase_make_the_negotiator_the_buyer(lang: str, text: str) -> None:
    # the topic preposition ('über', 'over', 'on', 'sobre') keeps the purchase inside the talks' phrase
    assert [(c["supplier"], c["recipient"], c["stage"]) for c in claims(text, lang)] == [
        ("TUR", "IDN", "negotiating")]


# --- what a package holds, listed after 'among the equipment', continues its transfer -------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Brasil enviará un lote de ayuda militar a Chile. Entre el contenido destacan diez obuses y 40 drones."),
    ("it", "Il Brasile invierà un pacchetto di aiuti militari al Cile. Tra il materiale spiccano dieci obici e "
           "40 droni."),
    ("en", "Brazil will send a military aid package to Chile. Among the equipment are ten howitzers and 40 drones."),
    ("fr", "Le Brésil enverra une aide militaire au Chili. Parmi le matériel figurent dix obusiers et 40 drones."),
])
def test_a_package_listed_among_its_equipment(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"], c["item"], c["quantity"]["value"], c["status"])
            for c in claims(text, lang)} == {("BRA", "CHL", "howitzers", 10, "asserted"),
                                             ("BRA", "CHL", "drones", 40, "asserted")}


# --- a delegation from a state acts for it --------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "A delegation from Chile will travel to Sweden to finalise the purchase of four Gripen fighters."),
    ("fr", "Une délégation du Chili se rendra à Stockholm pour finaliser l'achat de quatre chasseurs Gripen."),
    ("es", "Una delegación de Chile viajará a Suecia para cerrar la compra de cuatro cazas Gripen."),
])
def test_a_delegation_from_a_state_buys_for_it(lang: str, text: str) -> None:
    assert triples(text, lang) == {("SWE", "CHL", "Gripen")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "France will deliver 12 Caesar howitzers to Armenia by June."),
    ("it", "La Francia consegnerà entro giugno 12 obici Caesar all'Armenia."),
    ("es", "Francia entregará 12 obuses Caesar a Armenia hasta junio."),
])
def test_a_deadline_month_after_publication_lies_ahead(lang: str, text: str) -> None:
    # published 2024-05-15: "by June" is June 2024, not June 2023 as a bare later month would be
    assert one(text, lang, item="CAESAR")["when"] == "../2024-06"


@pytest.mark.parametrize(("lang", "text", "when"), [
    ("en", "Denmark will deliver the F-16s to Argentina in December.", "2024-12"),
    ("it", "La Danimarca consegnerà gli F-16 all'Argentina a dicembre.", "2024-12"),
    ("es", "Dinamarca entregará los F-16 a Argentina en diciembre.", "2024-12"),
    ("en", "Denmark delivered the F-16s to Argentina in December.", "2023-12"),
])
def test_a_later_month_in_a_sentence_about_the_future_lies_ahead(lang: str, text: str, when: str) -> None:
    # published 2024-05-15: "in December" is last December in the past tense, the coming one in the future
    assert one(text, lang, item="F-16")["when"] == when


# --- where an item is built is no side of a deal between two states: its maker sells ---------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia and India signed a contract for the supply of Indian-built AK-203 rifles."),
    ("ru", "Россия и Индия подписали контракт на поставку автоматов АК-203 индийской сборки."),
    ("uk", "Росія та Індія підписали контракт на постачання автоматів АК-203 індійського виробництва."),
])
def test_the_maker_sells_an_item_built_by_the_buyer(lang: str, text: str) -> None:
    assert triples(text, lang) == {("RUS", "IND", "AK-203")}


# --- "He added that …": the speaker a sentence shortly before names; a passive report has none -------------------


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("en", "Lithuanian defence minister Arvydas Anusauskas said Lithuania had delivered PzH 2000 howitzers to Ukraine. "
           "He added that Vilnius would also deliver M113 armoured personnel carriers to Kyiv.",
     "Lithuanian defence minister Arvydas Anusauskas"),
    ("fr", "Le ministre lituanien de la Défense Arvydas Anusauskas a déclaré que la Lituanie avait livré des obusiers "
           "PzH 2000 à l'Ukraine. Il a ajouté que Vilnius livrerait aussi des blindés M113 à Kiev.",
     "Le ministre lituanien de la Défense Arvydas Anusauskas"),
    ("ru", "Министр обороны Литвы Арвидас Анушаускас заявил, что Литва передала Украине гаубицы PzH 2000. Он добавил, "
           "что Вильнюс передаст Киеву бронетранспортеры M113.", "Министр обороны Литвы Арвидас Анушаускас"),
])
def test_a_pronoun_speaker_is_the_one_named_before(lang: str, text: str, speaker: str) -> None:
    assert one(text, lang, item="M113")["attributed_to"] == [speaker]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Lithuanian defence minister Arvydas Anusauskas said Lithuania had delivered PzH 2000 howitzers to Ukraine. "
           "It was also reported that Vilnius would deliver M113 armoured personnel carriers to Kyiv."),
    ("fr", "Le ministre lituanien de la Défense Arvydas Anusauskas a déclaré que la Lituanie avait livré des obusiers "
           "PzH 2000 à l'Ukraine. Il a également été signalé que Vilnius livrerait des blindés M113 à Kiev."),
])
def test_a_passive_report_has_no_speaker_before(lang: str, text: str) -> None:
    assert one(text, lang, item="M113")["attributed_to"] == []


# --- "The information has not been confirmed": the claim just before is unconfirmed, attributed or not -----------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Belarus has delivered Tor-M2 air defence systems to Serbia. The information could not be independently "
           "verified."),
    ("ru", "Белоруссия передала Сербии зенитные комплексы Тор-М2. Официально эта информация не подтверждена."),
    ("uk", "Білорусь передала Сербії зенітні комплекси Тор-М2. Незалежно перевірити цю інформацію неможливо."),
])
def test_a_doubt_after_a_plain_statement_leaves_it_unconfirmed(lang: str, text: str) -> None:
    assert one(text, lang)["status"] == "unconfirmed"


# --- "approved the possible sale of": an approval of a possible transfer is no deal yet (planned) ----------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The US State Department approved the possible sale of 24 F-16 fighter jets to Argentina."),
    ("ru", "Госдеп США одобрил возможную продажу Аргентине 24 истребителей F-16."),
    ("uk", "Держдеп США схвалив можливий продаж Аргентині 24 винищувачів F-16."),
    ("pl", "Departament Stanu USA zatwierdził możliwą sprzedaż Argentynie 24 myśliwców F-16."),
])
def test_an_approved_possible_sale_is_planned(lang: str, text: str) -> None:
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["stage"]) == ("USA", "ARG", "planned")


# --- "chose an Israeli system, and not the American HIMARS": the alternative turned down is no item --------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Chile chose an Israeli rocket system, and not the American HIMARS."),
    ("es", "Chile eligió un sistema de cohetes israelí, y no los HIMARS estadounidenses."),
    ("it", "Il Cile ha scelto un sistema lanciarazzi israeliano, e non gli HIMARS americani."),
    ("fr", "Le Chili a choisi un système de roquettes israélien, et non les HIMARS américains."),
    ("nl", "Chili kiest voor een Israëlisch raketsysteem, en niet voor de Amerikaanse Himars."),
])
def test_an_alternative_turned_down_is_no_item(lang: str, text: str) -> None:
    assert [(c["supplier"], c["recipient"]) for c in claims(text, lang)] == [("ISR", "CHL")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Germany sent tanks to Ukraine, and not only tanks: also Patriot systems."),
    ("es", "Alemania envió a Ucrania tanques, y no solo tanques: también sistemas Patriot."),
])
def test_not_only_keeps_the_items_after_it(lang: str, text: str) -> None:
    assert ("DEU", "UKR", "MIM-104 Patriot") in triples(text, lang)


# --- "negotiations for a contract to buy": the contract is what is negotiated, not yet an order -----------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Peru is in negotiations for a contract to buy 24 F-16 jets from the United States."),
    ("es", "Perú está en negociaciones para un contrato de compra de 24 aviones F-16 estadounidenses."),
    ("it", "Il Perù è in fase di negoziazione per un contratto per acquistare 24 caccia F-16 americani."),
    ("fr", "Le Pérou est en négociations pour un contrat d'achat de 24 avions F-16 américains."),
])
def test_a_contract_under_negotiation_is_negotiating(lang: str, text: str) -> None:
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["stage"]) == ("USA", "PER", "negotiating")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "After months of negotiations, Peru signed a contract to buy 24 F-16 jets from the United States."),
    ("it", "Dopo lunghe trattative il Perù ha firmato un contratto per acquistare 24 caccia F-16 americani."),
    ("es", "Tras largas negociaciones, Perú firmó un contrato de compra de 24 aviones F-16 estadounidenses."),
])
def test_a_contract_signed_after_negotiations_is_an_order(lang: str, text: str) -> None:
    assert one(text, lang)["stage"] == "ordered"


# --- "offered Greece a contract for the supply of …": a deal on offer is an offer, not yet an agreement -----------


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Italia ofreció a Chile un acuerdo para el suministro de cuatro fragatas FREMM."),
    ("it", "La Svezia ha proposto al Perù un accordo per la fornitura di dodici caccia Gripen."),
    ("de", "Schweden bot Kolumbien einen Vertrag über die Lieferung von 16 Gripen-Kampfjets an."),
    ("ru", "Россия предложила Индонезии контракт на поставку одиннадцати истребителей Су-35."),
])
def test_a_deal_on_offer_is_offered(lang: str, text: str) -> None:
    assert one(text, lang)["stage"] == "offered"


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Chile ganó la licitación y firmó un contrato con Italia para la compra de cuatro fragatas FREMM."),
    ("it", "Il Perù ha vinto la gara e firmato un contratto con la Svezia per la fornitura di dodici caccia Gripen."),
    ("en", "Peru won the tender and signed a contract with Sweden for the delivery of twelve Gripen fighters."),
])
def test_a_deal_signed_after_an_offer_stays_signed(lang: str, text: str) -> None:
    assert one(text, lang)["stage"] in ("agreed", "ordered")


# --- "Everything points to …": a hedge nobody says -----------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("pl", "Wszystko wskazuje na to, że Szwecja sprzeda Danii okręty podwodne A26."),
    ("ru", "Все указывает на то, что Швеция продаст Дании подводные лодки A26."),
    ("uk", "Усе вказує на те, що Швеція продасть Данії підводні човни A26."),
])
def test_everything_points_to_is_a_hedge_without_a_speaker(lang: str, text: str) -> None:
    c = one(text, lang)
    assert (c["status"], c["attributed_to"]) == ("reported", [])


# --- a headline's source: 'WSJ: …', '… — Reuters' (no full stop); a heading word or a dateline is none -----------


@pytest.mark.parametrize(("lang", "text", "source"), [
    ("en", "CNN: Belarus has delivered Tor-M2 air defence systems to Serbia", "CNN"),
    ("ru", "Bloomberg: Белоруссия передала Сербии зенитные комплексы Тор-М2", "Bloomberg"),
    ("uk", "Білорусь передала Сербії зенітні комплекси Тор-М2 — ЗМІ", "ЗМІ"),
])
def test_a_headline_names_its_source(lang: str, text: str, source: str) -> None:
    c = one(text, lang)
    assert (c["status"], c["attributed_to"]) == ("reported", [source])


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Итог: Белоруссия передала Сербии зенитные комплексы Тор-М2"),
    ("en", "BELGRADE: Belarus has delivered Tor-M2 air defence systems to Serbia."),
])
def test_a_heading_word_or_a_dateline_is_no_source(lang: str, text: str) -> None:
    assert one(text, lang)["attributed_to"] == []


# --- "a contract for the delivery of 24 Su-35 to Iran": like a deal's, the maker supplies when none is named -------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "A contract for the delivery of 24 Su-35 fighter jets to Algeria was signed in 2021."),
    ("ru", "Был подписан контракт на поставку Алжиру 24 истребителей Су-35."),
    ("uk", "Було підписано контракт на постачання Алжиру 24 винищувачів Су-35."),
])
def test_a_contracted_delivery_comes_from_the_maker(lang: str, text: str) -> None:
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "DZA", "ordered")


def test_an_uncontracted_delivery_names_no_maker() -> None:
    assert triples("Deliveries of 24 Su-35 fighter jets to Algeria continue.", "en") == set()


# --- "provided military aid, including …": aid a past delivery verb hands over was given, not promised ------------


@pytest.mark.parametrize(("lang", "past", "future"), [
    ("fr", "La Norvège a fourni à la Lituanie une aide militaire, dont des obusiers PzH 2000.",
     "La Norvège fournira à la Lituanie une aide militaire, dont des obusiers PzH 2000."),
    ("pl", "Norwegia przekazała Litwie pomoc wojskową, w tym haubice PzH 2000.",
     "Norwegia przekaże Litwie pomoc wojskową, w tym haubice PzH 2000."),
    ("ru", "Германия предоставила Литве военную помощь, включая гаубицы PzH 2000.",
     "Германия предоставит Литве военную помощь, включая гаубицы PzH 2000."),
    ("uk", "Німеччина надала Литві військову допомогу, зокрема танки Leopard 2.",
     "Німеччина надасть Литві військову допомогу, зокрема танки Leopard 2."),
])
def test_aid_handed_over_was_delivered(lang: str, past: str, future: str) -> None:
    assert one(past, lang)["stage"] == "delivered"
    assert one(future, lang)["stage"] == "planned"


# --- "Отмечается, что …", "Зазначається, що …": an impersonal report hedges; a statement's genitive names its author


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Отмечается, что Норвегия передала Литве гаубицы PzH 2000."),
    ("uk", "Зазначається, що Норвегія передала Литві гаубиці PzH 2000."),
])
def test_an_impersonal_report_is_reported(lang: str, text: str) -> None:
    assert one(text, lang)["status"] == "reported"


@pytest.mark.parametrize(("lang", "text", "author"), [
    ("ru", "В заявлении Минобороны Литвы говорится, что Норвегия передала Литве гаубицы PzH 2000.", "Минобороны Литвы"),
    ("uk", "Норвегія передала Литві гаубиці PzH 2000, йдеться у повідомленні Міноборони Литви.", "Міноборони Литви"),
    ("pl", "W oświadczeniu ministerstwa obrony Litwy napisano, że Norwegia przekazała Litwie haubice PzH 2000.",
     "ministerstwa obrony Litwy"),
])
def test_a_statement_names_its_author(lang: str, text: str, author: str) -> None:
    c = one(text, lang)
    assert c["status"] == "reported" and author in c["attributed_to"]


# --- "…, передает ТАСС.": a sentence closing on a comma, a verb and a source's name credits the source ------------


@pytest.mark.parametrize(("lang", "text", "source"), [
    ("ru", "Норвегия передала Литве гаубицы PzH 2000, передает ТАСС.", "ТАСС"),
    ("uk", "Норвегія передала Литві гаубиці PzH 2000, передає «Європейська правда».", "Європейська правда"),
    ("pl", "Norwegia przekazała Litwie haubice PzH 2000, podaje PAP.", "PAP"),
])
def test_a_closing_credit_names_the_source(lang: str, text: str, source: str) -> None:
    c = one(text, lang)
    assert (c["status"], c["attributed_to"]) == ("reported", [source])


def test_a_main_verb_after_an_aside_is_no_credit() -> None:
    c = one("Норвегия, крупный союзник Литвы, передает Литве гаубицы PzH 2000.", "ru")
    assert (c["status"], c["attributed_to"]) == ("asserted", [])


# --- "Dodał, że …": a subjectless report is the words of the speaker named just before ----------------------------


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("pl", "Minister obrony Litwy Arvydas Anušauskas powiedział, że Norwegia przekazała Litwie haubice PzH 2000. "
           "Dodał, że Wilno kupi od Norwegii transportery M113.", "Minister obrony Litwy Arvydas Anušauskas"),
    ("ru", "Министр обороны Литвы Арвидас Анушаускас заявил, что Норвегия передала Литве гаубицы PzH 2000. Добавил, "
           "что Вильнюс купит у Норвегии бронетранспортеры M113.", "Министр обороны Литвы Арвидас Анушаускас"),
    ("uk", "Міністр оборони Литви Арвідас Анушаускас заявив, що Норвегія передала Литві гаубиці PzH 2000. Додав, що "
           "Вільнюс купить у Норвегії бронетранспортери M113.", "Міністр оборони Литви Арвідас Анушаускас"),
])
def test_a_subjectless_report_is_the_speaker_named_before(lang: str, text: str, speaker: str) -> None:
    c = one(text, lang, item="M113")
    assert (c["status"], c["attributed_to"]) == ("reported", [speaker])


# --- asking leave to hand something on: the asker supplies, the one asked only permits ---------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway asked Sweden for permission to send Archer howitzers to Ukraine."),
    ("es", "Noruega pidió a Suecia permiso para enviar obuses Archer a Ucrania."),
    ("it", "La Norvegia ha chiesto alla Svezia il permesso di inviare obici Archer all'Ucraina."),
    ("nl", "Noorwegen vroeg Zweden toestemming om Archer-houwitsers aan Oekraïne te leveren."),
    ("de", "Norwegen bat Schweden um die Erlaubnis, Archer-Haubitzen an die Ukraine zu übergeben."),
    ("de", "Norwegen hat bei Schweden die Genehmigung beantragt, Archer-Haubitzen an die Ukraine zu liefern."),
])
def test_asking_permission_to_supply_makes_the_asker_the_supplier(lang: str, text: str) -> None:
    """Not 'the one asked supplies' ('asked Germany to supply Taurus') nor 'the asker receives' ('bat Berlin um die
    Lieferung'): leave is asked to hand on; the state asked is no party, and nothing is agreed yet."""
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["item"]) == ("NOR", "UKR", "Archer")
    assert c["stage"] in ("negotiating", "planned")
    assert triples(text, lang) == {("NOR", "UKR", "Archer")}


# --- thanks for a delivery: the thanker received it, the one thanked supplied it ---------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Moldau dankte Rumänien für die Lieferung von Haubitzen."),
    ("de", "Moldau bedankte sich bei Rumänien für die Lieferung von Haubitzen."),
    ("es", "Moldavia agradeció a Rumanía la entrega de obuses."),
    ("nl", "Moldavië bedankte Roemenië voor de levering van houwitsers."),
])
def test_thanks_for_a_delivery_make_the_thanker_the_recipient(lang: str, text: str) -> None:
    assert triples(text, lang) == {("ROU", "MDA", "howitzers")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Moldova thanked Romania for the delivery of howitzers."),
    ("fr", "La Moldavie a remercié la Roumanie pour la livraison d'obusiers."),
    ("it", "La Moldavia ha ringraziato la Romania per la consegna di obici."),
])
def test_thanks_for_a_delivery_never_reverse_it(lang: str, text: str) -> None:
    assert ("MDA", "ROU", "howitzers") not in triples(text, lang)


# --- who condemns or protests a transfer is no party to it -----------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "China protested against the sale of F-16 fighter jets to Taiwan."),
    ("en", "Russia condemned the delivery of Leopard tanks to Ukraine."),
    ("fr", "La Chine a protesté contre la vente de F-16 à Taïwan."),
    ("fr", "Moscou a critiqué les livraisons de chars Leopard à l'Ukraine."),
    ("de", "China protestiert gegen den Verkauf von F-16-Kampfjets an Taiwan."),
    ("de", "Russland verurteilt die Lieferung von Leopard-Panzern an die Ukraine."),
    ("es", "China protestó contra la venta de cazas F-16 a Taiwán."),
])
def test_objecting_subject_is_no_supplier(lang: str, text: str) -> None:
    assert not any(c["supplier"] in ("CHN", "RUS") for c in claims(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The US warned that Iran has delivered ballistic missiles to Russia."),
    ("de", "Washington warnte, Iran habe Russland ballistische Raketen geliefert."),
])
def test_an_objection_before_the_clause_of_a_transfer_leaves_its_subject(lang: str, text: str) -> None:
    c = one(text, lang)
    assert (c["supplier"], c["recipient"]) == ("IRN", "RUS")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "China hat den Verkauf von F-16-Kampfjets an Taiwan scharf kritisiert."),
    ("de", "Die USA hatten Nordkorea zuvor vor solchen Waffenlieferungen an Russland gewarnt."),
    ("nl", "China heeft de verkoop van F-16-gevechtsvliegtuigen aan Taiwan scherp bekritiseerd."),
])
def test_objection_closing_a_verb_final_clause(lang: str, text: str) -> None:
    """German and Dutch put the condemning participle after the transfer noun it governs."""
    assert not any(c["supplier"] in ("CHN", "USA") or c["recipient"] in ("CHN", "USA") for c in claims(text, lang))


# --- 'supports X with Y' names a transfer only through its 'with' phrase -----------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway supports Lithuania with further NASAMS systems."),
    ("de", "Norwegen unterstützt Litauen mit weiteren NASAMS-Systemen."),
    ("de", "Norwegen hat Litauen mit weiteren NASAMS-Systemen unterstützt."),
    ("nl", "Noorwegen steunt Litouwen met extra NASAMS-systemen."),
])
def test_support_with_goods_is_a_delivery(lang: str, text: str) -> None:
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("NOR", "LTU", "NASAMS", "delivered")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway supports Lithuania in its drive to buy NASAMS systems."),
    ("en", "The US supports Ukraine with intelligence on Russian missiles."),
    ("de", "Norwegen unterstützt Litauen mit fünf Milliarden Euro für NASAMS-Systeme."),
    ("de", "Die USA unterstützen die Ukraine mit Geheimdienstinformationen über russische Raketen."),
    ("nl", "Noorwegen steunt Litouwen bij de aankoop van NASAMS-systemen."),
])
def test_support_without_goods_is_no_delivery(lang: str, text: str) -> None:
    assert not any(c["stage"] == "delivered" and c["supplier"] in ("NOR", "USA") for c in claims(text, lang))


def test_support_promised_in_aussicht_is_planned() -> None:
    c = one("Norwegen stellt Litauen weitere NASAMS-Systeme in Aussicht.", "de")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("NOR", "LTU", "planned")


# --- a source named after an according-to phrase that ends in its article ------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes Raketen an Russland geliefert."),
    ("fr", "La Corée du Nord a livré des missiles à la Russie, selon un communiqué du gouvernement sud-coréen."),
    ("es", "Corea del Norte ha entregado misiles a Rusia, según el gobierno surcoreano."),
])
def test_source_after_an_according_to_phrase_is_no_party(lang: str, text: str) -> None:
    """'nach Angaben des …' holds its article: the institution after it is the source, not a recipient."""
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("PRK", "RUS")}


# --- quotes around a designation join it to its head noun -----------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Norwegen hat Litauen „NASAMS“-Systeme geliefert."),
    ("de", "Norwegen hat Litauen Flugabwehrsysteme vom Typ „NASAMS“ geliefert."),
    ("de", "Norwegen hat Litauen „NASAMS“ Flugabwehrsysteme geliefert."),
    ("pl", "Norwegia przekazała Litwie systemy przeciwlotnicze „NASAMS”."),
    ("en", "Norway handed Lithuania “NASAMS” air defence systems."),
])
def test_quoted_designation_and_its_head_noun_are_one_item(lang: str, text: str) -> None:
    assert triples(text, lang) == {("NOR", "LTU", "NASAMS")}


# --- two mentions of one state with a verb between them are two noun phrases ---------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Laut Kiew soll die Ukraine bald F-16-Kampfjets aus Dänemark erhalten."),
    ("de", "Nach Angaben Kiews soll die Ukraine bald F-16-Kampfjets aus Dänemark erhalten."),
    ("nl", "Volgens Kiev zal Oekraïne binnenkort F-16-toestellen van Denemarken krijgen."),
    ("es", "Según Kiev, Ucrania recibirá pronto aviones F-16 de Dinamarca."),
])
def test_source_and_recipient_of_one_state_are_not_joined_across_a_verb(lang: str, text: str) -> None:
    """'Laut Kiew soll die Ukraine …': the source and the recipient are two phrases; the recipient stays."""
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["item"], c["status"]) == ("DNK", "UKR", "F-16", "reported")


# --- arming a party with weapons supplies them; the adjective 'armed' ('armed forces') is no trigger ---------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia continues to arm Malian forces with T-72 tanks."),
    ("en", "Russia has been arming Malian forces with T-72 tanks."),
    ("fr", "La Russie continue d'armer les forces maliennes avec des chars T-72."),
    ("es", "Rusia sigue armando a las fuerzas malienses con tanques T-72."),
    ("it", "La Russia continua ad armare le forze maliane con carri armati T-72."),
])
def test_arming_a_party_with_weapons_supplies_them(lang: str, text: str) -> None:
    assert one(text, lang, item="T-72")["stage"] == "delivered"
    assert triples(text, lang) == {("RUS", "MLI", "T-72")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The armed forces of Mali have used T-72 tanks against the rebels."),
    ("fr", "Les forces armées maliennes ont utilisé des chars T-72 contre les rebelles."),
    ("en", "Armed groups in Mali used Russian-made T-72 tanks."),
])
def test_armed_forces_are_no_arming(lang: str, text: str) -> None:
    assert triples(text, lang) == set()


# --- the agents of a passive verb concluding a deal are its parties ------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "A contract for 36 F-15 jets was signed by Qatar and the United States."),
    ("fr", "Un contrat pour 36 F-15 a été signé par le Qatar et les États-Unis."),
    ("es", "Un contrato por 36 F-15 fue firmado por Catar y Estados Unidos."),
    ("it", "Un contratto per 36 F-15 è stato firmato dal Qatar e dagli Stati Uniti."),
])
def test_who_signed_a_deal_in_the_passive_are_its_parties(lang: str, text: str) -> None:
    assert triples(text, lang) == {("USA", "QAT", "F-15")}


@pytest.mark.parametrize("text", [
    "The deal for 36 F-15 jets was approved by the United States.",
    "The deal for 36 F-15 jets was criticised by Russia.",
])
def test_who_approved_or_criticised_a_deal_is_no_party(text: str) -> None:
    assert triples(text, "en") == set()


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "La Russie a livré au Mali des Su-25. Il y avait aussi des Mi-8, des hélicoptères pouvant être armés."),
    ("en", "Russia delivered Su-25 jets to Mali. There were also Mi-8s, helicopters that can be armed."),
    ("es", "Rusia entregó a Malí aviones Su-25. También había Mi-8, helicópteros que pueden ser armados."),
])
def test_armed_as_an_adjective_opens_no_transfer(lang: str, text: str) -> None:
    """'hélicoptères pouvant être armés': the participle says what the helicopters can carry; the sentence still
    lists more of the delivery before it."""
    assert ("RUS", "MLI", "Mi-8") in triples(text, lang)
