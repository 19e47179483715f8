"""Spanish: the simplemma front-end with verb-ending mood, and extraction, one phenomenon per test, on
news-style sentences written for these tests."""

from __future__ import annotations

import pickle

import pytest

import extraction_helpers as helpers
from armstrack.lang import get_language
from armstrack.lang.base import Sentence, Token, tokenize
from extraction_helpers import claims, core, one, tok, triples

LANG = "es"
PUB = "2024-05-01"


def analysed(text: str) -> list[Token]:
    return helpers.analysed(text, LANG)


# -- front-end -----------------------------------------------------------------------------------------


def test_conditional_and_future_from_verb_endings() -> None:
    toks = analysed("Irán habría entregado drones y Rusia entregará aviones; la artillería y la batería siguen.")
    assert tok(toks, "habría").conditional and not tok(toks, "habría").future
    assert tok(toks, "entregará").future and not tok(toks, "entregará").conditional
    assert tok(toks, "entregado").lemma == "entregar"
    # nouns that end like a conditional are their own lemma, not verb forms
    assert not tok(toks, "artillería").conditional and not tok(toks, "batería").conditional


def test_frontend_pickles() -> None:
    fe = pickle.loads(pickle.dumps(get_language(LANG).frontend))
    s = Sentence(0, len("entregaría"), "entregaría", tokenize("entregaría"))
    fe.analyse(s)
    assert s.tokens[0].conditional





# -- direction -----------------------------------------------------------------------------------------


def test_active_give_with_future_tense_is_planned() -> None:
    (c,) = claims("España entregará seis obuses a Ucrania.", LANG, PUB)
    assert core(c) == ("ESP", "UKR", "howitzers", (6, "exact"), "planned", "asserted")
    assert c["category"] == "artillery"


def test_buy_from_takes_the_seller_after_a() -> None:
    (c,) = claims("Argentina compra 24 aviones F-16 a Dinamarca.", LANG, PUB)
    assert core(c) == ("DNK", "ARG", "F-16", (24, "exact"), "ordered", "asserted")
    assert any("aviones" in m for m in c["item_mentions"])


def test_receive_from_de() -> None:
    (c,) = claims("Ucrania recibió de Alemania los primeros tanques Leopard 2A6.", LANG, PUB)
    assert core(c) == ("DEU", "UKR", "Leopard 2A6", None, "delivered", "asserted")


def test_passive_agent_por_supplies() -> None:
    (c,) = claims("Los obuses fueron entregados a Ucrania por España en febrero.", LANG, PUB)
    assert core(c) == ("ESP", "UKR", "howitzers", None, "delivered", "asserted")
    assert c["when"] == "2024-02"


def test_offered_participle_with_agent() -> None:
    (c,) = claims("Los JF-17 ofrecidos por China a Argentina costarían unos 664 millones de dólares.", LANG, PUB)
    assert core(c) == ("CHN", "ARG", "JF-17", None, "offered", "asserted")


def test_nominal_delivery_after_announcement() -> None:
    (c,) = claims("Alemania anunció el envío de 40 vehículos de combate Marder a Ucrania.", LANG, PUB)
    assert core(c) == ("DEU", "UKR", "Marder", (40, "exact"), "planned", "asserted")


# -- factuality ----------------------------------------------------------------------------------------


def test_conditional_perfect_is_reported_and_keeps_the_past() -> None:
    (c,) = claims("Irán habría entregado drones Shahed-136 a Rusia.", LANG, PUB)
    assert core(c) == ("IRN", "RUS", "Shahed-136", None, "delivered", "reported")
    assert c["attributed_to"] == []


def test_habria_acordado_is_reported_agreement() -> None:
    (c,) = claims("Argentina habría acordado con Dinamarca la compra de 24 aviones F-16.", LANG, PUB)
    assert core(c) == ("DNK", "ARG", "F-16", (24, "exact"), "agreed", "reported")


def test_simple_conditional_is_reported_future() -> None:
    c = one("Rusia entregaría aviones Su-35 a Irán, según la agencia Tasnim.", LANG, PUB, item="Su-35")
    assert (c["supplier"], c["recipient"], c["stage"], c["status"]) == ("RUS", "IRN", "planned", "reported")
    assert c["attributed_to"] == ["la agencia Tasnim"]


def test_segun_attributes_the_claim() -> None:
    (c,) = claims("Según Reuters, Irán habría entregado drones Shahed-136 a Rusia.", LANG, PUB)
    assert (c["status"], c["attributed_to"]) == ("reported", ["Reuters"])


def test_segun_after_the_claim() -> None:
    (c,) = claims("Corea del Norte ha enviado misiles balísticos a Rusia, según fuentes surcoreanas.", LANG, PUB)
    assert core(c) == ("PRK", "RUS", "missiles", None, "delivered", "reported")
    assert c["attributed_to"] == ["fuentes surcoreanas"]


def test_de_acuerdo_con_is_attribution_not_an_agreement() -> None:
    (c,) = claims("De acuerdo con The Wall Street Journal, Irán entregó drones a Rusia el año pasado.", LANG, PUB)
    assert core(c) == ("IRN", "RUS", "drones", None, "delivered", "reported")
    assert (c["attributed_to"], c["when"]) == (["The Wall Street Journal"], "2023")


def test_denial_by_a_party() -> None:
    (c,) = claims("Irán negó haber suministrado drones a Rusia.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["status"]) == ("IRN", "RUS", "denied")


def test_denial_in_the_next_sentence() -> None:
    (c,) = claims("Irán habría suministrado drones a Rusia. Teherán lo desmiente.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["status"]) == ("IRN", "RUS", "denied")


def test_no_ha_confirmado_makes_a_reported_claim_unconfirmed() -> None:
    (c,) = claims("Corea del Norte habría suministrado misiles KN-23 a Rusia. Pyongyang no ha confirmado la entrega.",
                  LANG, PUB)
    assert core(c) == ("PRK", "RUS", "KN-23", None, "delivered", "unconfirmed")


def test_negated_trigger_states_no_transfer() -> None:
    assert claims("Irán no ha suministrado drones a Rusia, según el ministro.", LANG, PUB) == []


# -- stages --------------------------------------------------------------------------------------------


def test_in_talks_is_negotiating() -> None:
    (c,) = claims("Argentina está en conversaciones con Estados Unidos para comprar aviones F-16.", LANG, PUB)
    assert core(c) == ("USA", "ARG", "F-16", None, "negotiating", "asserted")


def test_signed_contract_is_ordered() -> None:
    # the guideline's ladder: order, buy, sign a contract
    (c,) = claims("Egipto firmó con Francia un contrato de 30 aviones Rafale.", LANG, PUB)
    assert core(c) == ("FRA", "EGY", "Rafale", (30, "exact"), "ordered", "asserted")


def test_prever_is_planned() -> None:
    (c,) = claims("Alemania prevé enviar alrededor de 100 vehículos blindados a Ucrania el próximo año.", LANG, PUB)
    assert core(c) == ("DEU", "UKR", "armoured vehicles", (100, "approx"), "planned", "asserted")
    assert c["when"] == "2025"


def test_promise_is_planned() -> None:
    (c,) = claims("Estados Unidos prometió a Ucrania nuevos sistemas de defensa aérea Patriot.", LANG, PUB)
    assert core(c) == ("USA", "UKR", "MIM-104 Patriot", None, "planned", "asserted")


def test_podria_is_a_reported_plan() -> None:
    (c,) = claims("Argentina podría comprar aviones F-16 a Dinamarca.", LANG, PUB)
    assert core(c) == ("DNK", "ARG", "F-16", None, "planned", "reported")


def test_offer() -> None:
    (c,) = claims("Turquía ofreció a Indonesia 48 aviones KAAN.", LANG, PUB)
    assert core(c) == ("TUR", "IDN", "KAAN", (48, "exact"), "offered", "asserted")


def test_licensed_production() -> None:
    (c,) = claims("India y Rusia negocian la producción bajo licencia de fusiles AK-203 en India.", LANG, PUB)
    assert core(c) == ("RUS", "IND", "AK-203", None, "licensed_production", "asserted")


def test_technology_transfer() -> None:
    (c,) = claims("Rusia habría transferido a Irán tecnología de drones.", LANG, PUB)
    assert core(c) == ("RUS", "IRN", "technology", None, "technology_transfer", "reported")


# -- quantities ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "quantity"), [
    ("Irán ha suministrado a Rusia unos 300 drones Shahed-136.", (300, "approx")),
    ("Argentina planea comprar hasta 30 aviones F-16 a Dinamarca.", (30, "at_most")),
    ("Estados Unidos entregó al menos 31 tanques Abrams a Ucrania.", (31, "at_least")),
    ("Corea del Norte suministró a Rusia por lo menos una docena de misiles KN-23.", (12, "at_least")),
    ("Rusia compró dos mil proyectiles a Corea del Norte.", (2000, "exact")),
    ("Rusia compró 100 contenedores de proyectiles a Corea del Norte.", None),  # counts containers
    ("Rusia compró a Irán cientos de drones.", None),  # vague
])
def test_quantities(text: str, quantity: tuple[int, str] | None) -> None:
    (c,) = claims(text, LANG, PUB)
    q = c["quantity"]
    assert (q and (q["value"], q["qualifier"])) == quantity


def test_mas_de_mil_is_at_least_a_thousand() -> None:
    (c,) = claims("Rusia compró a Irán más de mil drones.", LANG, PUB)
    assert c["quantity"] == {"value": 1000, "qualifier": "at_least"}


def test_mas_de_un_millon() -> None:
    (c,) = claims("Corea del Norte ha enviado más de un millón de proyectiles a Rusia.", LANG, PUB)
    assert c["quantity"] == {"value": 1000000, "qualifier": "at_least"}


# -- dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "when"), [
    ("Estados Unidos entregó al menos 31 tanques Abrams a Ucrania en septiembre.", "2023-09"),
    ("Irán ha suministrado a Rusia unos 300 drones Shahed-136 desde septiembre.", "2023-09/.."),
    ("Egipto adquirió 24 cazas Rafale a Francia en 2021.", "2021"),
    ("España entregará seis obuses a Ucrania este año.", "2024"),
])
def test_dates(text: str, when: str) -> None:
    (c,) = claims(text, LANG, PUB)
    assert c["when"] == when


def test_month_de_year() -> None:
    (c,) = claims("Ucrania recibió de Alemania los primeros tanques Leopard 2A6 en marzo de 2023.", LANG, PUB)
    assert c["when"] == "2023-03"


def test_day_de_month() -> None:
    (c,) = claims("Ucrania recibió de Alemania los primeros tanques Leopard 2A6 el 27 de marzo.", LANG, PUB)
    assert c["when"] == "2024-03-27"


# -- negatives -----------------------------------------------------------------------------------------


def test_off_topic_article_has_no_claim() -> None:
    text = (
        "El Gobierno de España aprobó este martes una reforma de la ley de vivienda que limitará el precio de los "
        "alquileres. La ministra explicó que la medida entrará en vigor el próximo mes y que beneficiará a más de "
        "mil familias. Según la oposición, la norma habría sido redactada sin consultar a las comunidades. "
        "La artillería de la selección española no pudo con Italia en la final. La empresa Indra firmó un contrato "
        "con el Ministerio de Transportes para modernizar los radares de tráfico aéreo."
    )
    assert claims(text, LANG, PUB) == []


def test_battlefield_use_is_not_a_transfer() -> None:
    assert claims("Rusia utilizó drones iraníes para atacar Kiev.", LANG, PUB) == []


# --- wire-style phrasing, written for these tests (lang-quality round) ----------------------------------------

def claim_rows(text: str) -> set[tuple[object, ...]]:
    return {(c["supplier"], c["recipient"], c["item"], c["stage"], c["status"]) for c in claims(text, "es")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Según fuentes de inteligencia, Irán habría entregado a Rusia misiles balísticos Fath-360.",
     ("IRN", "RUS", "Fath-360", "delivered", "reported")),
    ("Corea del Norte negó haber suministrado proyectiles de artillería a Rusia.",
     ("PRK", "RUS", "artillery shells", "delivered", "denied")),
    ("Argentina compró a Dinamarca 24 cazas F-16 por unos 300 millones de dólares.",
     ("DNK", "ARG", "F-16", "ordered", "asserted")),
    ("Colombia negocia con Suecia la compra de aviones de combate Gripen.",
     ("SWE", "COL", "Gripen", "negotiating", "asserted")),
    ("China ofreció a Argentina cazas JF-17 en condiciones ventajosas.",
     ("CHN", "ARG", "JF-17", "offered", "asserted")),
    ("Brasil firmó un contrato con Suecia para la adquisición de 36 cazas Gripen E.",
     ("SWE", "BRA", "Gripen E", "ordered", "asserted")),
    ("Ucrania ha recibido de los Países Bajos los primeros F-16.", ("NLD", "UKR", "F-16", "delivered", "asserted")),
    ("India fabricará bajo licencia los fusiles AK-203 rusos.",
     ("RUS", "IND", "AK-203", "licensed_production", "asserted")),
    ("Según medios ucranianos, Irán habría enviado drones Shahed a Rusia, aunque la información no ha sido "
     "confirmada.", ("IRN", "RUS", "Shahed", "delivered", "unconfirmed")),
    ("El Gobierno de Italia prevé suministrar a Ucrania un segundo sistema SAMP/T.",
     ("ITA", "UKR", "SAMP/T", "planned", "asserted")),
])
def test_wire_phrasing(text: str, expected: tuple[object, ...]) -> None:
    assert claim_rows(text) == {expected}


def test_nominal_delivery_names_supplier_with_de_after_the_item() -> None:
    text = "La entrega de los misiles Patriot de Alemania a Ucrania se completó la semana pasada."
    assert claim_rows(text) == {("DEU", "UKR", "MIM-104 Patriot", "delivered", "asserted")}


def test_passive_with_agent_and_month() -> None:
    c = one("Los primeros cazas Mirage 2000 fueron entregados a Ucrania por Francia en febrero.", "es")
    assert core(c)[:3] == ("FRA", "UKR", "Mirage 2000") and c["when"] == "2024-02"


def test_mas_de_mil() -> None:
    c = one("Estados Unidos ha enviado a Ucrania más de mil vehículos blindados desde el inicio de la guerra.", "es")
    assert core(c) == ("USA", "UKR", "armoured vehicles", (1000, "at_least"), "delivered", "asserted")


def test_pro_drop_subject_of_a_denied_clause() -> None:
    c = one("Irán negó que hubiera entregado drones a Rusia.", "es")
    assert (c["supplier"], c["recipient"], c["status"]) == ("IRN", "RUS", "denied")


@pytest.mark.parametrize("text", [
    "Las fuerzas rusas lanzaron drones Shahed contra Odesa durante la noche.",
    "Ucrania derribó 20 drones y seis misiles de crucero.",
    "La industria española aumentará la producción de munición de 155 mm.",
    "La UE aprobó nuevas sanciones contra los fabricantes iraníes de drones.",
])
def test_weapons_without_transfer(text: str) -> None:
    assert claims(text, "es") == []


def test_who_asks_for_a_delivery_receives_it() -> None:
    text = "Ucrania pidió a Alemania la entrega de misiles Taurus."
    assert claim_rows(text) == {("DEU", "UKR", "Taurus KEPD 350", "negotiating", "asserted")}


# -- strict fields: shared totals, commitments, attribution -------------------------------------------


def test_number_for_coordinated_suppliers_is_a_shared_total() -> None:
    rows = {core(c) for c in claims("Noruega y Bélgica entregarán 30 cazas F-16 a Ucrania.", LANG)}
    assert rows == {("NOR", "UKR", "F-16", None, "planned", "asserted"),
                    ("BEL", "UKR", "F-16", None, "planned", "asserted")}


def test_commitment_is_planned_and_acceptance_is_agreed() -> None:
    assert core(one("Suecia se comprometió a entregar ocho cañones Archer a Ucrania.", LANG))[4] == "planned"
    assert core(one("Suecia aceptó entregar ocho cañones Archer a Ucrania.", LANG))[4] == "agreed"


def test_citing_drops_the_personal_a() -> None:
    c = one("El diario El País, citando a fuentes de inteligencia occidentales, informó de que Irán entregó "
            "misiles Fateh-110 a Rusia.", LANG)
    assert "fuentes de inteligencia occidentales" in c["attributed_to"] and c["status"] == "reported"


# -- lexicon: generic items, triggers (sentences written for these tests) -------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Turquía entregó a Azerbaiyán vehículos de desminado y espoletas.",
     {("TUR", "AZE", "mine-clearing vehicles", "other"), ("TUR", "AZE", "fuzes", "ammunition")}),
    ("Los Países Bajos donaron a Ucrania visores nocturnos y chalecos antibalas.",
     {("NLD", "UKR", "night-vision devices", "sensor"), ("NLD", "UKR", "body armour", "other")}),
    ("Alemania suministrará a Lituania vehículos de recuperación.",
     {("DEU", "LTU", "armoured recovery vehicles", "armoured_vehicle")}),
    ("Polonia vendió a Eslovaquia transportes de tanques y piezas de repuesto.",
     {("POL", "SVK", "tank transporters", "other"), ("POL", "SVK", "spare parts", "other")}),
])
def test_generic_items_of_the_whole_domain(text: str, expected: set[tuple[str, str, str, str]]) -> None:
    assert {(c["supplier"], c["recipient"], c["item"], c["category"]) for c in claims(text, LANG, PUB)} == expected


def test_proveer_supplies_and_a_shipyard_builds_for_its_client() -> None:
    (c,) = claims("Los misiles fueron provistos por Estados Unidos a Argentina.", LANG, PUB)
    assert core(c) == ("USA", "ARG", "missiles", None, "delivered", "asserted")
    (c,) = claims("El astillero español Navantia construye cinco corbetas para Arabia Saudí.", LANG, PUB)
    assert core(c) == ("ESP", "SAU", "ships", (5, "exact"), "ordered", "asserted")


def test_negotiations_noun_is_a_deal_trigger() -> None:
    (c,) = claims("Argentina y Estados Unidos mantienen negociaciones por aviones F-16.", LANG, PUB)
    assert core(c) == ("USA", "ARG", "F-16", None, "negotiating", "asserted")


@pytest.mark.parametrize("text", [
    "Los entrenadores del Real Madrid llegaron a Italia para el partido contra el Milan.",
    "El Patriot de la bolsa subió un 3 % tras la tormenta en Italia.",
    "La caza de ciervos se abrió en Francia y España con buen tiempo.",
])
def test_off_topic_sentences_give_no_claim(text: str) -> None:
    assert claims(text, LANG, PUB) == []


# -- pronominal verbs, gifts received, institutions of a named state -----------------------------------


def test_reflexive_clitic_takes_the_future_of_its_verb() -> None:
    toks = analysed("Ecuador se dotará de radares y se dotó de drones.")
    assert toks[1].text == "se" and toks[1].future  # the clitic of "dotará"
    assert not toks[5].future  # the clitic of the past "dotó"


@pytest.mark.parametrize(("text", "expected"), [
    # equipping oneself is buying: the subject receives, the seller or maker supplies
    ("Uruguay se dotará de dos patrulleros oceánicos españoles.", {("ESP", "URY", "ships", "planned")}),
    ("Indonesia se ha dotado de cuatro submarinos Tipo 209 comprados a Alemania.",
     {("DEU", "IDN", "Type 209", "ordered")}),
    ("Egipto se hizo con 30 cazas Rafale procedentes de Francia.", {("FRA", "EGY", "Rafale", "ordered")}),
    # the active verb with its own object stays a delivery
    ("Francia dotará a Grecia de seis fragatas FDI.", {("FRA", "GRC", "FDI", "planned")}),
])
def test_pronominal_dotarse_is_a_purchase(text: str, expected: set[tuple[str, str, str, str]]) -> None:
    assert {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, LANG, PUB)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Bolivia recibió como donación de China cuatro helicópteros.", ("CHN", "BOL", "helicopters")),
    ("Honduras recibió en donación de Taiwán seis lanchas patrulleras.", ("TWN", "HND", "ships")),
    ("Las Fuerzas Armadas de Paraguay incorporaron diez blindados cedidos por Brasil.",
     ("BRA", "PRY", "armoured vehicles")),
])
def test_gift_received_names_the_donor_after_de(text: str, expected: tuple[str, str, str]) -> None:
    (c,) = claims(text, LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"]) == expected and c["stage"] == "delivered"


@pytest.mark.parametrize(("text", "expected"), [
    ("Indra entregará radares al Ejército de Tierra de Perú.", ("ESP", "PER", "radars")),
    ("Estados Unidos donó dos lanchas a la Guardia Costera de Panamá.", ("USA", "PAN", "ships")),
    ("Israel vendió fusiles a la Policía Nacional de Colombia.", ("ISR", "COL", "small arms")),
])
def test_force_of_a_named_state_receives_for_it(text: str, expected: tuple[str, str, str]) -> None:
    (c,) = claims(text, LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"]) == expected


def test_carros_alone_are_tanks() -> None:
    (c,) = claims("Portugal ha enviado a Ucrania otros tres carros.", LANG, PUB)
    assert core(c) == ("PRT", "UKR", "tanks", (3, "exact"), "delivered", "asserted")


@pytest.mark.parametrize(("text", "expected"), [
    # participles simplemma leaves as adjectives ("encargados" → "encargado") still trigger
    ("Chile recibió los dos aviones KC-390 encargados a Brasil.", ("BRA", "CHL", "C-390 Millennium")),
    ("Los drones mandados por Irán a Venezuela fueron exhibidos en un desfile.", ("IRN", "VEN", "drones")),
    ("Ecuador contrató con Israel la compra de seis drones Heron.", ("ISR", "ECU", "Heron")),
])
def test_adjectival_participles_and_contratar_trigger(text: str, expected: tuple[str, str, str]) -> None:
    (c,) = claims(text, LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"]) == expected


def test_encargado_de_is_no_order() -> None:
    assert claims("El encargado de compras de Perú visitó Israel y habló de drones.", LANG, PUB) == []


def test_field_artillery_obuses_are_howitzers() -> None:
    # "obuses de artillería" alone are shells; of field artillery ("de campo", "de campaña") they are the guns
    got = {(c["item"], c["category"]) for c in claims(
        "España enviará a Ucrania obuses de artillería de campo y obuses de campaña.", LANG, PUB)}
    assert got == {("howitzers", "artillery")}


@pytest.mark.parametrize("text", [
    "Los obuses M109 fueron entregados a Ucrania por aliados como Noruega y Bélgica.",
    "Los obuses M109 fueron entregados a Ucrania por países como Noruega y Bélgica.",
])
def test_agent_list_behind_a_such_as_descriptor(text: str) -> None:
    # "por aliados como A y B": the marker stands before the descriptor; every listed state supplies
    assert set(triples(text, LANG)) == {("NOR", "UKR", "M109"), ("BEL", "UKR", "M109")}


def test_a_punto_de_is_ahead() -> None:
    # "está a punto de entregar": about to hand over, not yet delivered
    (c,) = claims("Portugal está a punto de entregar a Ucrania cuatro obuses M109.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("PRT", "UKR", "M109", "planned")


def test_conceder_hands_over() -> None:
    # "conceder" (to grant) goods to a state: a transfer, like "ceder"
    (c,) = claims("Portugal concedió a Ucrania cuatro obuses M109.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("PRT", "UKR", "M109", "delivered")


def test_conceder_a_licence_is_no_delivery() -> None:
    assert claims("El Congreso concedió a la administración el permiso para negociar.", LANG, PUB) == []
