"""Generic item nouns per language: every kind of item the guideline names, inflected as news writes it, on
made-up sentences."""

from __future__ import annotations

import pytest

from extraction_helpers import claims

PAIR = ("TUR", "AZE")

# (language, sentence, item, category): accusative and genitive plural in the inflected languages
CASES = [
    ("pl", "Turcja przekazała Azerbejdżanowi wozy zabezpieczenia technicznego.", "armoured recovery vehicles",
     "armoured_vehicle"),
    ("pl", "Turcja dostarczyła Azerbejdżanowi 12 pojazdów inżynieryjnych.", "engineering vehicles",
     "armoured_vehicle"),
    ("pl", "Turcja dostarczyła Azerbejdżanowi 6 pojazdów do rozminowania.", "mine-clearing vehicles", "other"),
    ("pl", "Turcja przekazała Azerbejdżanowi transportery czołgów.", "tank transporters", "other"),
    ("pl", "Turcja dostarczyła Azerbejdżanowi 500 zapalników.", "fuzes", "ammunition"),
    ("pl", "Turcja przekazała Azerbejdżanowi części zamienne.", "spare parts", "other"),
    ("pl", "Turcja dostarczyła Azerbejdżanowi 300 noktowizorów.", "night-vision devices", "sensor"),
    ("pl", "Turcja przekazała Azerbejdżanowi kamizelki kuloodporne.", "body armour", "other"),
    ("pl", "Turcja dostarczyła Azerbejdżanowi 40 ton prochu.", "gunpowder", "ammunition"),
    ("pl", "Turcja przekazała Azerbejdżanowi dwie łodzie patrolowe.", "patrol boats", "ship"),
    ("pl", "Turcja dostarczyła Azerbejdżanowi 900 granatów.", "grenades", "ammunition"),
    ("pl", "Turcja przekazała Azerbejdżanowi miny przeciwpancerne.", "landmines", "ammunition"),
    ("pl", "Turcja dostarczyła Azerbejdżanowi 12 torped.", "torpedoes", "other"),
    ("pl", "Turcja dostarczyła Azerbejdżanowi 12 ciężarówek wojskowych.", "military trucks", "other"),
    ("pl", "Turcja dostarczyła Azerbejdżanowi 12 systemów walki elektronicznej.", "electronic warfare systems",
     "electronic_warfare"),
    ("ru", "Турция передала Азербайджану запасные части.", "spare parts", "other"),
    ("ru", "Турция поставила Азербайджану 12 военных грузовиков.", "military trucks", "other"),
    ("uk", "Туреччина передала Азербайджану запчастини.", "spare parts", "other"),
    ("uk", "Туреччина передала Азербайджану військові вантажівки.", "military trucks", "other"),
    ("de", "Die Türkei hat Aserbaidschan mit Handgranaten versorgt.", "grenades", "ammunition"),
    ("nl", "Turkije heeft 500 handgranaten aan Azerbeidzjan geleverd.", "grenades", "ammunition"),
    # sonars, helmets, naval mines, explosives, fuzes by another name
    ("en", "Turkey delivered hull-mounted sonars to Azerbaijan.", "sonars", "sensor"),
    ("de", "Die Türkei lieferte Aserbaidschan Sonaranlagen.", "sonars", "sensor"),
    ("ru", "Турция передала Азербайджану гидролокаторы.", "sonars", "sensor"),
    ("pl", "Turcja przekazała Azerbejdżanowi hełmy.", "helmets", "other"),
    ("uk", "Туреччина передала Азербайджану каски.", "helmets", "other"),
    ("en", "Turkey delivered ballistic helmets to Azerbaijan.", "helmets", "other"),
    ("ru", "Турция передала Азербайджану морские мины.", "landmines", "ammunition"),
    ("uk", "Туреччина передала Азербайджану морські міни.", "landmines", "ammunition"),
    ("pl", "Turcja przekazała Azerbejdżanowi miny morskie.", "landmines", "ammunition"),
    ("es", "Turquía entregó explosivos y detonadores a Azerbaiyán.", "explosives", "ammunition"),
    ("it", "La Turchia ha consegnato esplosivi all'Azerbaigian.", "explosives", "ammunition"),
    ("pl", "Turcja przekazała Azerbejdżanowi działa przeciwlotnicze.", "air defence systems", "air_defence"),
    ("uk", "Туреччина передала Азербайджану FPV-дрони.", "drones", "uav"),
    # bridge layers, helmets, MANPADS, mines and counter-battery radars by the words each language uses
    ("en", "Turkey delivered four bridge layers to Azerbaijan.", "engineering vehicles", "armoured_vehicle"),
    ("fr", "La Turquie a livré quatre poseurs de pont à l'Azerbaïdjan.", "engineering vehicles", "armoured_vehicle"),
    ("de", "Die Türkei lieferte Aserbaidschan 5000 Helme.", "helmets", "other"),
    ("es", "Turquía entregó a Azerbaiyán 5000 cascos de combate.", "helmets", "other"),
    ("it", "La Turchia ha consegnato all'Azerbaigian 5000 elmetti.", "helmets", "other"),
    ("de", "Die Türkei lieferte Aserbaidschan 200 Fliegerfäuste.", "air defence systems", "air_defence"),
    ("de", "Die Türkei lieferte Aserbaidschan 2000 Panzerabwehrminen.", "mines", "ammunition"),
    ("de", "Die Türkei lieferte Aserbaidschan zwei Artillerieortungsradare.", "radars", "sensor"),
    # mine-protected vehicles, jammers, landing craft
    ("pl", "Turcja dostarczyła Azerbejdżanowi 40 pojazdów minoodpornych.", "armoured vehicles", "armoured_vehicle"),
    ("fr", "La Turquie a livré 40 véhicules résistants aux mines à l'Azerbaïdjan.", "armoured vehicles",
     "armoured_vehicle"),
    ("de", "Die Türkei lieferte Aserbaidschan 40 minengeschützte Fahrzeuge.", "armoured vehicles", "armoured_vehicle"),
    ("pl", "Turcja przekazała Azerbejdżanowi zagłuszarki.", "electronic warfare systems", "electronic_warfare"),
    ("pl", "Turcja dostarczyła Azerbejdżanowi 6 systemów walki radioelektronicznej.", "electronic warfare systems",
     "electronic_warfare"),
    ("fr", "La Turquie a livré quatre barges de débarquement à l'Azerbaïdjan.", "ships", "ship"),
]


@pytest.mark.parametrize(("lang", "text", "item", "category"), CASES)
def test_generic_item_noun(lang: str, text: str, item: str, category: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["category"]) for c in claims(text, lang)}
    assert (*PAIR, item, category) in got
    assert {(s, r) for s, r, _, _ in got} == {PAIR}


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Турция передала Азербайджану комплектующие."),
    ("uk", "Туреччина передала Азербайджану комплектуючі."),
    ("pl", "Turcja przekazała Azerbejdżanowi podzespoły."),
])
def test_components_stay_an_umbrella(lang: str, text: str) -> None:
    # spare parts are an item of their own; "components" alone is too vague to be a claim
    assert claims(text, lang) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Türkei lieferte Aserbaidschan 5000 Geschosse vom Kaliber 155 mm."),
    ("de", "Die Türkei lieferte Aserbaidschan 5000 Schuss Munition des Kalibers 155 Millimeter."),
    ("it", "La Turchia ha consegnato all'Azerbaigian 5000 proiettili da 155 mm."),
    ("ru", "Турция передала Азербайджану 5000 снарядов калибра 155 мм."),
    ("ru", "Турция передала Азербайджану 5000 155-миллиметровых снарядов."),
    ("uk", "Туреччина передала Азербайджану 5000 155-мм снарядів."),
    ("es", "Turquía entregó a Azerbaiyán 5000 proyectiles de 155 milímetros."),
])
def test_a_calibre_in_any_spelling_names_the_shells(lang: str, text: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["category"]) for c in claims(text, lang)}
    assert got == {(*PAIR, "155 mm artillery shells", "ammunition")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Turkey delivered 30 tank destroyers to Azerbaijan."),
    ("fr", "La Turquie a livré 30 chasseurs de chars à l'Azerbaïdjan."),
    ("pl", "Turcja przekazała Azerbejdżanowi 30 niszczycieli czołgów."),
    ("ru", "Турция передала Азербайджану 30 истребителей танков."),
    ("uk", "Туреччина передала Азербайджану 30 винищувачів танків."),
    ("de", "Die Türkei lieferte Aserbaidschan 30 Jagdpanzer."),
])
def test_tank_destroyers_are_armoured_vehicles_not_ships_nor_fighters(lang: str, text: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["category"]) for c in claims(text, lang)}
    assert got == {(*PAIR, "armoured vehicles", "armoured_vehicle")}


@pytest.mark.parametrize(("lang", "text", "item", "category"), [
    # English puts the modifier first: "tank spare parts" are spare parts, not tanks as well
    ("en", "Turkey delivered tank spare parts to Azerbaijan.", "spare parts", "other"),
    ("en", "Turkey delivered helicopter engines to Azerbaijan.", "engines", "engine"),
    ("en", "Turkey delivered air defence radars to Azerbaijan.", "radars", "sensor"),
    ("en", "Turkey sold four missile boats to Azerbaijan.", "ships", "ship"),
    # what parts are for, after a preposition that also means "to"
    ("uk", "Туреччина передала Азербайджану запчастини до танків.", "spare parts", "other"),
    ("ru", "Турция передала Азербайджану боеприпасы к гаубицам.", "ammunition", "ammunition"),
    # a noun's complement after 'de', 'di', 'of'
    ("fr", "La Turquie a livré des moteurs d'hélicoptères à l'Azerbaïdjan.", "engines", "engine"),
    ("es", "Turquía entregó a Azerbaiyán piezas de repuesto de los tanques.", "spare parts", "other"),
    ("it", "La Turchia ha consegnato all'Azerbaigian motori di elicotteri.", "engines", "engine"),
    ("en", "Turkey delivered spare parts of tanks to Azerbaijan.", "spare parts", "other"),
    # or right after it in the genitive
    ("ru", "Турция передала Азербайджану двигатели вертолётов.", "engines", "engine"),
    ("pl", "Turcja przekazała Azerbejdżanowi części zamienne czołgów.", "spare parts", "other"),
    ("uk", "Туреччина передала Азербайджану 200 ракет протиповітряної оборони.", "missiles", "missile"),
])
def test_a_noun_naming_what_an_item_is_for_is_no_second_item(lang: str, text: str, item: str,
                                                            category: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["category"]) for c in claims(text, lang)}
    assert got == {(*PAIR, item, category)}


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "La Turquie a livré des chars et des obusiers à l'Azerbaïdjan."),
    ("es", "Turquía entregó a Azerbaiyán tanques y obuses."),
    ("it", "La Turchia ha consegnato all'Azerbaigian carri armati e obici."),
    ("ru", "Турция передала Азербайджану танки и 20 гаубиц."),
    ("pl", "Turcja przekazała Azerbejdżanowi czołgi i 20 haubic."),
])
def test_items_joined_by_a_conjunction_stay_two_items(lang: str, text: str) -> None:
    got = {(c["item"], c["category"]) for c in claims(text, lang)}
    assert got == {("tanks", "armoured_vehicle"), ("howitzers", "artillery")}


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "Depuis 2021, le Maroc a reçu d'Israël des armes de haute technologie, comme les drones Harop."),
    ("en", "Since 2021 Morocco has received high-tech weapons from Israel, such as Harop drones."),
    ("es", "Desde 2021 Marruecos ha recibido de Israel armas de alta tecnología, como los drones Harop."),
    ("it", "Dal 2021 il Marocco ha ricevuto da Israele armi ad alta tecnologia, come i droni Harop."),
])
def test_high_technology_is_a_quality_of_the_items_not_a_transfer_of_technology(code: str, text: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, code)}
    assert got == {("ISR", "MAR", "Harop", "delivered")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Chinese companies have supplied drone parts to Russia."),
    ("nl", "Chinese bedrijven leverden drone-onderdelen aan Rusland."),
    ("de", "Chinesische Firmen haben Russland Drohnenteile geliefert."),
    ("ru", "Китайские компании поставляют России комплектующие для беспилотников."),
])
def test_drone_parts_are_components_not_drones(code: str, text: str) -> None:
    assert [(c["supplier"], c["recipient"], c["item"], c["category"]) for c in claims(text, code)] == [
        ("CHN", "RUS", "drone components", "other")]


@pytest.mark.parametrize(("code", "text", "pair"), [
    ("es", "Bolivia comprará armamento a Rusia.", ("RUS", "BOL")),
    ("es", "Venezuela recibió material militar de Irán.", ("IRN", "VEN")),
    ("it", "L'Italia venderà armi all'Egitto.", ("ITA", "EGY")),
    ("nl", "België koopt wapens van Israël.", ("ISR", "BEL")),
    ("nl", "Volgens de krant levert Nederland wapens aan Israël.", ("NLD", "ISR")),
    ("en", "Belgium delivered weapons to Niger last year.", ("BEL", "NER")),
    ("fr", "La Serbie a vendu des armes à l'Égypte.", ("SRB", "EGY")),
    ("ru", "В прошлом году Сербия поставляла оружие Египту.", ("SRB", "EGY")),
    ("uk", "Сербія продала зброю Єгипту.", ("SRB", "EGY")),
    ("pl", "Korea Południowa sprzedała Polsce broń.", ("KOR", "POL")),
])
def test_weapons_in_general_are_the_item_when_the_transfer_names_no_other(
        code: str, text: str, pair: tuple[str, str]) -> None:
    assert [(c["supplier"], c["recipient"], c["item"], c["category"]) for c in claims(text, code)] == [
        (*pair, "weapons", "other")]


@pytest.mark.parametrize(("code", "text"), [
    ("es", "España vendió armas a Arabia Saudí. Entre ellas figuran bombas guiadas."),
    ("it", "L'Italia ha venduto armi all'Egitto, tra cui due fregate."),
    ("nl", "Nederland levert wapens aan Oekraïne. Het gaat om 18 pantserhouwitsers."),
    ("en", "Serbia sold weapons to Egypt, including 20 howitzers."),
    ("ru", "Сербия поставила Египту оружие, в том числе 20 гаубиц."),
])
def test_weapons_in_general_are_no_claim_beside_a_named_item_for_the_pair(code: str, text: str) -> None:
    assert all(c["item"] != "weapons" for c in claims(text, code))
    assert claims(text, code)


@pytest.mark.parametrize(("code", "text"), [
    ("es", "Alemania enviará ayuda militar a Ucrania."),
    ("es", "España enviará material a Marruecos."),
    ("it", "La Germania invierà aiuti militari all'Ucraina."),
    ("nl", "Duitsland geeft Oekraïne militaire steun."),
    ("nl", "Nederland levert onderdelen aan Israël."),
    ("en", "Germany will send military aid to Ukraine."),
    ("fr", "L'Allemagne enverra de l'aide militaire à l'Ukraine."),
    ("pl", "Niemcy przekażą Ukrainie pomoc wojskową."),
])
def test_aid_and_material_are_too_vague_to_be_all_a_transfer_names(code: str, text: str) -> None:
    assert claims(text, code) == []


@pytest.mark.parametrize(("code", "text"), [
    ("es", "España ha prohibido la venta de armas a Israel."),
    ("es", "España ha prohibido la venta de tanques a Israel."),
    ("it", "L'Italia ha vietato la vendita di armi a Israele."),
    ("nl", "De rechter heeft de export van F-35-onderdelen naar Israël verboden."),
    ("nl", "Nederland levert geen wapens aan Israël."),
    ("en", "Germany has banned the sale of weapons to Israel."),
    ("en", "Germany has banned the sale of tanks to Israel."),
    ("fr", "La France a interdit la vente de chars à Israël."),
    ("fr", "La France ne livre pas d'armes à Israël."),
    ("ru", "Германия запретила поставки танков Израилю."),
    ("uk", "Німеччина заборонила постачання танків Ізраїлю."),
    ("pl", "Niemcy zakazały sprzedaży czołgów Izraelowi."),
    ("de", "Deutschland verbietet die Lieferung von Panzern an Israel."),
])
def test_a_ban_or_a_negated_delivery_of_weapons_is_no_claim(code: str, text: str) -> None:
    assert claims(text, code) == []
