"""Italian: the simplemma front-end with verb-ending mood, and extraction, one phenomenon per test, on
news-style sentences written for these tests."""

from __future__ import annotations

import pickle

import pytest

import extraction_helpers as helpers
from armstrack.lang import get_language
from armstrack.lang.base import Sentence, Token, tokenize
from extraction_helpers import claims, core, tok, triples

LANG = "it"
PUB = "2024-05-01"


def analysed(text: str) -> list[Token]:
    return helpers.analysed(text, LANG)


# -- front-end -----------------------------------------------------------------------------------------


def test_conditional_and_future_from_verb_endings() -> None:
    toks = analysed("L'Iran avrebbe consegnato droni, la Russia starebbe fornendo aerei e consegnerà gli arresti.")
    assert tok(toks, "avrebbe").conditional and tok(toks, "starebbe").conditional
    assert tok(toks, "consegnerà").future and not tok(toks, "consegnerà").conditional
    assert tok(toks, "consegnato").lemma == "consegnare"
    # "arresti" ends like a conditional ("-resti") but is a noun; "aerei" is too short to be one
    assert not tok(toks, "arresti").conditional and not tok(toks, "aerei").conditional


def test_frontend_pickles() -> None:
    fe = pickle.loads(pickle.dumps(get_language(LANG).frontend))
    s = Sentence(0, len("fornirebbe"), "fornirebbe", tokenize("fornirebbe"))
    fe.analyse(s)
    assert s.tokens[0].conditional





# -- direction -----------------------------------------------------------------------------------------


def test_active_give_to_alla() -> None:
    (c,) = claims("La Germania ha consegnato all'Ucraina 18 carri armati Leopard 2A6.", LANG, PUB)
    assert core(c) == ("DEU", "UKR", "Leopard 2A6", (18, "exact"), "delivered", "asserted")


def test_passive_agent_dalla_supplies() -> None:
    (c,) = claims("I carri armati Leopard 2 sono stati forniti dalla Germania all'Ucraina.", LANG, PUB)
    assert core(c) == ("DEU", "UKR", "Leopard 2", None, "delivered", "asserted")


def test_participle_with_agent() -> None:
    (c,) = claims("Gli F-16 ceduti dalla Norvegia all'Ucraina sono arrivati.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("NOR", "UKR", "F-16", "delivered")


def test_receive_from_dall() -> None:
    (c,) = claims("La Russia ha ricevuto dall'Iran centinaia di droni Shahed-136.", LANG, PUB)
    assert core(c) == ("IRN", "RUS", "Shahed-136", None, "delivered", "asserted")  # "centinaia" is vague


def test_buy_from_dalla() -> None:
    (c,) = claims("L'Egitto ha acquistato 24 caccia Rafale dalla Francia.", LANG, PUB)
    assert core(c) == ("FRA", "EGY", "Rafale", (24, "exact"), "ordered", "asserted")


def test_future_tense_is_planned() -> None:
    (c,) = claims("Gli Stati Uniti invieranno all'Ucraina missili ATACMS.", LANG, PUB)
    assert core(c) == ("USA", "UKR", "MGM-140 ATACMS", None, "planned", "asserted")


def test_coordinated_subjects_with_e() -> None:
    assert ("FRA", "UKR", "howitzers") in triples("Italia e Francia forniscono obici all'Ucraina.", LANG, PUB)


# -- factuality ----------------------------------------------------------------------------------------


def test_conditional_perfect_is_reported() -> None:
    (c,) = claims("L'Iran avrebbe fornito droni alla Russia.", LANG, PUB)
    assert core(c) == ("IRN", "RUS", "drones", None, "delivered", "reported")
    assert c["attributed_to"] == []


def test_avrebbe_consegnato() -> None:
    (c,) = claims("La Corea del Nord avrebbe consegnato alla Russia missili KN-23.", LANG, PUB)
    assert core(c) == ("PRK", "RUS", "KN-23", None, "delivered", "reported")


def test_starebbe_fornendo_with_secondo() -> None:
    (c,) = claims("Secondo il Wall Street Journal, l'Iran starebbe fornendo missili balistici alla Russia.", LANG, PUB)
    assert core(c) == ("IRN", "RUS", "missiles", None, "delivered", "reported")
    assert c["attributed_to"] == ["il Wall Street Journal"]


def test_secondo_after_the_claim() -> None:
    (c,) = claims("La Corea del Nord ha inviato proiettili di artiglieria alla Russia, secondo Seul.", LANG, PUB)
    assert core(c) == ("PRK", "RUS", "artillery shells", None, "delivered", "reported")
    assert c["attributed_to"] == ["Seul"]


def test_stando_a() -> None:
    (c,) = claims("Stando a fonti dell'intelligence, la Corea del Nord avrebbe fornito proiettili alla Russia.",
                  LANG, PUB)
    assert (c["status"], c["attributed_to"]) == ("reported", ["fonti dell'intelligence"])


def test_denial() -> None:
    (c,) = claims("Teheran smentisce di aver fornito droni a Mosca.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["status"]) == ("IRN", "RUS", "denied")


def test_denial_in_the_next_sentence() -> None:
    (c,) = claims("La Russia avrebbe ricevuto missili balistici dall'Iran. Teheran smentisce.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["status"]) == ("IRN", "RUS", "denied")


def test_non_ha_confermato() -> None:
    (c,) = claims("La Corea del Nord avrebbe inviato missili alla Russia. Pyongyang non ha confermato la consegna.",
                  LANG, PUB)
    assert core(c) == ("PRK", "RUS", "missiles", None, "delivered", "unconfirmed")


def test_negated_trigger() -> None:
    assert claims("L'Iran non ha fornito droni alla Russia.", LANG, PUB) == []


# -- stages --------------------------------------------------------------------------------------------


def test_in_trattative_is_negotiating() -> None:
    (c,) = claims("L'Argentina è in trattative con la Cina per l'acquisto di caccia JF-17.", LANG, PUB)
    assert core(c) == ("CHN", "ARG", "JF-17", None, "negotiating", "asserted")


def test_valuta_is_negotiating() -> None:
    (c,) = claims("La Grecia valuta l'acquisto di caccia F-35 dagli Stati Uniti.", LANG, PUB)
    assert core(c) == ("USA", "GRC", "F-35", None, "negotiating", "asserted")


def test_signed_contract_is_ordered() -> None:
    # the guideline's ladder: order, buy, sign a contract
    (c,) = claims("L'Egitto ha firmato con la Francia un contratto per 30 caccia Rafale.", LANG, PUB)
    assert core(c) == ("FRA", "EGY", "Rafale", (30, "exact"), "ordered", "asserted")


def test_potrebbe_is_a_reported_plan() -> None:
    (c,) = claims("La Danimarca potrebbe vendere caccia F-16 all'Argentina.", LANG, PUB)
    assert core(c) == ("DNK", "ARG", "F-16", None, "planned", "reported")


def test_offer() -> None:
    (c,) = claims("L'Italia ha offerto all'Argentina elicotteri AW149.", LANG, PUB)
    assert core(c) == ("ITA", "ARG", "AW149", None, "offered", "asserted")


def test_licensed_production_with_origin_demonym() -> None:
    (c,) = claims("La Polonia produrrà su licenza i carri armati K2 sudcoreani.", LANG, PUB)
    assert core(c) == ("KOR", "POL", "K2 Black Panther", None, "licensed_production", "asserted")


def test_technology_transfer() -> None:
    (c,) = claims("La Russia avrebbe trasferito all'Iran tecnologia per i droni.", LANG, PUB)
    assert core(c) == ("RUS", "IRN", "technology", None, "technology_transfer", "reported")


def test_receive_in_future_is_planned() -> None:
    (c,) = claims("L'Ucraina riceverà i caccia F-16 dalla Norvegia nei prossimi mesi.", LANG, PUB)
    assert core(c) == ("NOR", "UKR", "F-16", None, "planned", "asserted")


# -- quantities ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "quantity"), [
    ("La Russia ha acquistato circa 2.600 droni Shahed-136 dall'Iran.", (2600, "approx")),
    ("L'Italia consegnerà fino a 30 obici all'Ucraina.", (30, "at_most")),
    ("La Germania ha consegnato più di 300 veicoli blindati all'Ucraina.", (300, "at_least")),
    ("La Francia ha ceduto all'Ucraina una dozzina di obici Caesar.", (12, "approx")),
    ("La Russia ha acquistato duemila proiettili dalla Corea del Nord.", (2000, "exact")),
    ("La Russia ha acquistato 3 mila proiettili dalla Corea del Nord.", (3000, "exact")),
    ("La Russia ha acquistato migliaia di droni dall'Iran.", None),  # vague
])
def test_quantities(text: str, quantity: tuple[int, str] | None) -> None:
    (c,) = claims(text, LANG, PUB)
    q = c["quantity"]
    assert (q and (q["value"], q["qualifier"])) == quantity


# -- dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "when"), [
    ("Il 5 marzo 2024 la Germania ha consegnato 18 carri armati Leopard 2 all'Ucraina.", "2024-03-05"),
    ("La Germania consegnerà altri 18 carri armati Leopard 2 all'Ucraina a marzo 2025.", "2025-03"),
    ("La Germania ha consegnato più di 300 veicoli blindati all'Ucraina dal 2022.", "2022/.."),
    ("La Francia ha ceduto all'Ucraina una dozzina di obici Caesar l'anno scorso.", "2023"),
    ("La Spagna ha consegnato sei obici all'Ucraina a settembre.", "2023-09"),
])
def test_dates(text: str, when: str) -> None:
    (c,) = claims(text, LANG, PUB)
    assert c["when"] == when


# -- negatives -----------------------------------------------------------------------------------------


def test_off_topic_article_has_no_claim() -> None:
    text = (
        "Il governo italiano ha approvato martedì la legge di bilancio che prevede nuovi fondi per la sanità. "
        "Secondo il ministro dell'Economia, la manovra consentirà di ridurre il deficit entro il 2025. "
        "La Juventus ha acquistato un attaccante dal Real Madrid per circa 40 milioni di euro. "
        "Il Milan avrebbe offerto un contratto al giovane difensore francese. "
        "La nave da crociera è arrivata a Genova con tremila passeggeri."
    )
    assert claims(text, LANG, PUB) == []


def test_battlefield_use_is_not_a_transfer() -> None:
    assert claims("La Russia ha usato droni iraniani per colpire Kiev.", LANG, PUB) == []


# --- wire-style phrasing, written for these tests (lang-quality round) ----------------------------------------

def claim_rows(text: str) -> set[tuple[object, ...]]:
    return {(c["supplier"], c["recipient"], c["item"], c["stage"], c["status"]) for c in claims(text, "it")}


@pytest.mark.parametrize(("text", "expected"), [
    ("L'Italia ha consegnato all'Ucraina il secondo sistema di difesa aerea SAMP/T, secondo fonti della Difesa.",
     ("ITA", "UKR", "SAMP/T", "delivered", "reported")),
    ("La Russia avrebbe ricevuto dall'Iran centinaia di droni Shahed-136.",
     ("IRN", "RUS", "Shahed-136", "delivered", "reported")),
    ("Teheran ha smentito di aver fornito missili balistici a Mosca.", ("IRN", "RUS", "missiles", "delivered",
                                                                        "denied")),
    ("I carri armati Leopard 1 sono stati forniti all'Ucraina dalla Germania.",
     ("DEU", "UKR", "Leopard 1", "delivered", "asserted")),
    ("La fornitura di caccia F-16 dalla Norvegia all'Ucraina è iniziata.", ("NOR", "UKR", "F-16", "delivered",
                                                                           "asserted")),
    ("La Francia ha offerto all'India 26 caccia Rafale Marine.", ("FRA", "IND", "Rafale M", "offered", "asserted")),
    ("Il governo tedesco prevede di inviare a Kiev altri sistemi IRIS-T entro fine anno.",
     ("DEU", "UKR", "IRIS-T", "planned", "asserted")),
    ("La notizia di una consegna di missili iraniani alla Russia non è stata confermata.",
     ("IRN", "RUS", "missiles", "delivered", "unconfirmed")),
    ("Il Brasile produrrà su licenza i caccia svedesi Gripen.", ("SWE", "BRA", "Gripen", "licensed_production",
                                                                "asserted")),
])
def test_wire_phrasing(text: str, expected: tuple[object, ...]) -> None:
    assert claim_rows(text) == {expected}


def test_sta_trattando_is_negotiating() -> None:
    text = "L'Egitto sta trattando con l'Italia l'acquisto di due fregate FREMM."
    assert claim_rows(text) == {("ITA", "EGY", "FREMM", "negotiating", "asserted")}


def test_contract_names_the_buyer_of_a_later_purchase() -> None:
    # the purchase names the seller ("con la Corea del Sud"), the contract before it the buyer
    text = "La Polonia ha firmato un contratto con la Corea del Sud per l'acquisto di 96 obici K9."
    assert claim_rows(text) == {("KOR", "POL", "K9 Thunder", "ordered", "asserted")}


def test_una_dozzina_is_approximate() -> None:
    (c,) = claims("Il Qatar ha acquistato dall'Italia una dozzina di elicotteri NH90.", "it")
    assert core(c) == ("ITA", "QAT", "NH90", (12, "approx"), "ordered", "asserted")


def test_oltre_un_milione_attributed() -> None:
    (c,) = claims("Secondo il Pentagono, la Corea del Nord ha inviato alla Russia oltre un milione di proiettili "
                  "d'artiglieria.", "it")
    assert core(c) == ("PRK", "RUS", "artillery shells", (1000000, "at_least"), "delivered", "reported")


def test_lo_scorso_anno() -> None:
    (c,) = claims("Lo scorso anno la Turchia ha venduto al Kuwait 18 droni Bayraktar TB2.", "it")
    assert core(c)[:3] == ("TUR", "KWT", "Bayraktar TB2") and c["when"] == "2023"


@pytest.mark.parametrize("text", [
    "Le forze russe hanno colpito Kharkiv con missili Iskander.",
    "La contraerea ucraina ha abbattuto 15 droni Shahed nella notte.",
    "Leonardo ha aumentato la produzione di elicotteri nello stabilimento di Vergiate.",
    "I soldati ucraini si addestrano in Italia sul sistema SAMP/T.",
])
def test_weapons_without_transfer(text: str) -> None:
    assert claims(text, "it") == []


def test_asking_another_state_to_supply_keeps_the_addressee_as_supplier() -> None:
    text = "La Germania ha chiesto agli Stati Uniti di fornire altri sistemi Patriot all'Ucraina."
    assert claim_rows(text) == {("USA", "UKR", "MIM-104 Patriot", "negotiating", "asserted")}


# -- strict fields: shared totals, commitments -------------------------------------------------------


def test_number_for_coordinated_suppliers_is_a_shared_total() -> None:
    rows = {core(c) for c in claims("Norvegia e Belgio consegneranno 30 caccia F-16 all'Ucraina.", LANG)}
    assert rows == {("NOR", "UKR", "F-16", None, "planned", "asserted"),
                    ("BEL", "UKR", "F-16", None, "planned", "asserted")}


def test_commitment_is_planned_and_acceptance_is_agreed() -> None:
    rows = claim_rows("La Svezia si è impegnata a consegnare otto obici Archer all'Ucraina.")
    assert rows == {("SWE", "UKR", "Archer", "planned", "asserted")}
    rows = claim_rows("La Svezia ha accettato di consegnare otto obici Archer all'Ucraina.")
    assert rows == {("SWE", "UKR", "Archer", "agreed", "asserted")}


def test_secondo_after_an_article_is_the_ordinal_not_according_to() -> None:
    [plain] = helpers.claims("L'Italia ha consegnato all'Ucraina un secondo sistema SAMP/T.", "it")
    assert (plain["status"], plain["attributed_to"]) == ("asserted", [])
    [sourced] = helpers.claims("Secondo il quotidiano La Repubblica, l'Italia ha consegnato all'Ucraina un secondo "
                               "sistema SAMP/T.", "it")
    assert (sourced["status"], sourced["attributed_to"]) == ("reported", ["il quotidiano La Repubblica"])


# -- lexicon: generic items, triggers, hedges, "Usa" (sentences written for these tests) ----------------


@pytest.mark.parametrize(("text", "expected"), [
    ("La Turchia ha fornito all'Azerbaigian bisarche e veicoli sminatori.",
     {("TUR", "AZE", "tank transporters", "other"), ("TUR", "AZE", "mine-clearing vehicles", "other")}),
    ("L'Olanda ha regalato all'Ucraina visori notturni e giubbotti antiproiettile.",
     {("NLD", "UKR", "night-vision devices", "sensor"), ("NLD", "UKR", "body armour", "other")}),
    ("La Germania ha mandato alla Lituania veicoli da recupero e pezzi di ricambio.",
     {("DEU", "LTU", "armoured recovery vehicles", "armoured_vehicle"), ("DEU", "LTU", "spare parts", "other")}),
])
def test_generic_items_of_the_whole_domain(text: str, expected: set[tuple[str, str, str, str]]) -> None:
    assert {(c["supplier"], c["recipient"], c["item"], c["category"]) for c in claims(text, LANG)} == expected


def test_usa_is_the_united_states() -> None:
    (c,) = claims("Gli Usa hanno consegnato al Marocco dodici elicotteri.", LANG)
    assert core(c) == ("USA", "MAR", "helicopters", (12, "exact"), "delivered", "asserted")


def test_shipyard_builds_for_its_client_and_talks_are_negotiating() -> None:
    (c,) = claims("Fincantieri costruirà due pattugliatori d'altura per il Qatar.", LANG)
    assert core(c) == ("ITA", "QAT", "ships", (2, "exact"), "planned", "asserted")
    (c,) = claims("La Francia e l'India hanno avviato trattative per 26 caccia Rafale.", LANG)
    assert core(c) == ("FRA", "IND", "Rafale", (26, "exact"), "negotiating", "asserted")


def test_pare_che_and_secondo_quanto_comunicato_report() -> None:
    (c,) = claims("Pare che la Corea del Nord abbia fornito alla Russia spolette.", LANG)
    assert core(c) == ("PRK", "RUS", "fuzes", None, "delivered", "reported")
    (c,) = claims("Secondo quanto comunicato dal ministero, l'Italia ha ceduto all'Ucraina elmetti.", LANG)
    assert c["status"] == "reported" and any("ministero" in a for a in c["attributed_to"])


@pytest.mark.parametrize("text", [
    "Il Leopard della Juventus ha segnato due gol contro il Milan a Torino.",
    "Gli allenatori della nazionale sono arrivati a Madrid con due aerei di linea.",
    "Gli Usa hanno battuto l'Italia nella finale di pallavolo a Parigi.",
])
def test_off_topic_sentences_give_no_claim(text: str) -> None:
    assert claims(text, LANG) == []


# -- pronominal verbs, gifts received, institutions of a named state -----------------------------------


def test_reflexive_clitic_takes_the_future_of_its_verb() -> None:
    toks = analysed("La Grecia si doterà di fregate e si è dotata di droni.")
    assert toks[2].text == "si" and toks[2].future  # the clitic of "doterà"
    assert not toks[7].future  # the clitic of the past "si è dotata"


@pytest.mark.parametrize(("text", "expected"), [
    # equipping oneself is buying: the subject receives, the seller or maker supplies
    ("La Grecia si doterà di tre fregate FDI costruite dalla Francia.", {("FRA", "GRC", "FDI", "planned")}),
    ("Il Perù si è dotato di due sottomarini Tipo 209 acquistati dalla Germania.",
     {("DEU", "PER", "Type 209", "ordered")}),
    ("L'Ungheria si è procurata 44 carri Leopard 2A7 dalla Germania.",
     {("DEU", "HUN", "Leopard 2A7", "ordered")}),
    # the active verb with its own object stays a delivery
    ("La Germania ha dotato la Lituania di obici PzH 2000.", {("DEU", "LTU", "PzH 2000", "delivered")}),
])
def test_pronominal_dotarsi_is_a_purchase(text: str, expected: set[tuple[str, str, str, str]]) -> None:
    assert {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, LANG, PUB)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("La Libia ha ricevuto in dono dall'Italia quattro motovedette.", ("ITA", "LBY", "ships")),
    ("Il Niger ha ricevuto in donazione dalla Germania venti blindati.", ("DEU", "NER", "armoured vehicles")),
    ("La Tunisia ha ricevuto in prestito dagli Stati Uniti due elicotteri.", ("USA", "TUN", "helicopters")),
])
def test_gift_received_names_the_donor_after_da(text: str, expected: tuple[str, str, str]) -> None:
    (c,) = claims(text, LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"]) == expected and c["stage"] == "delivered"


@pytest.mark.parametrize(("text", "expected"), [
    ("Leonardo consegnerà sei elicotteri alla Guardia Costiera delle Filippine.", ("ITA", "PHL", "helicopters")),
    ("La Francia ha venduto 12 caccia alla Aeronautica Militare del Qatar.", ("FRA", "QAT", "fighter jets")),
    ("L'Italia ha ceduto due pattugliatori alla Marina Militare dell'Albania.", ("ITA", "ALB", "ships")),
])
def test_force_of_a_named_state_receives_for_it(text: str, expected: tuple[str, str, str]) -> None:
    (c,) = claims(text, LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"]) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # participles simplemma leaves as adjectives ("spediti" → "spedito") still trigger
    ("I proiettili spediti dalla Corea del Nord alla Russia sono arrivati via treno.",
     ("PRK", "RUS", "artillery shells")),
    ("I carri promessi dalla Polonia all'Ucraina arriveranno in autunno.", ("POL", "UKR", "tanks")),
    ("Le granate spedite dall'Iran alla Russia hanno attraversato il Caspio.", ("IRN", "RUS", "artillery shells")),
])
def test_adjectival_participles_trigger(text: str, expected: tuple[str, str, str]) -> None:
    (c,) = claims(text, LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"]) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "Stati" of "Stati Uniti" and "Stato" are no passive auxiliary: the subject supplies
    ("Gli Stati Uniti hanno fornito alla Giordania sedici elicotteri Black Hawk.",
     ("USA", "JOR", "stage", "delivered")),
    ("Lo Stato italiano ha venduto al Qatar quattro corvette.", ("ITA", "QAT", "stage", "ordered")),
    # a pluperfect passive still reads as one: the agent supplies
    ("I blindati erano stati ceduti dalla Francia al Ciad.", ("FRA", "TCD", "stage", "delivered")),
])
def test_stati_uniti_is_no_passive(text: str, expected: tuple[str, str, str, str]) -> None:
    (c,) = claims(text, LANG, PUB)
    assert (c["supplier"], c["recipient"], "stage", c["stage"]) == expected


@pytest.mark.parametrize("text", [
    "All'Ucraina sono stati promessi sistemi IRIS-T da alleati come Germania e Spagna.",
    "L'Ucraina ha ricevuto sistemi IRIS-T da paesi come Germania e Spagna.",
])
def test_agent_list_behind_a_such_as_descriptor(text: str) -> None:
    # "da alleati come A e B": the marker stands before the descriptor; every listed state supplies
    assert set(triples(text, LANG)) == {("DEU", "UKR", "IRIS-T"), ("ESP", "UKR", "IRIS-T")}


def test_sta_per_is_ahead() -> None:
    # "sta per consegnare": about to hand over, not yet delivered
    (c,) = claims("Il Portogallo sta per consegnare all'Ucraina quattro obici M109.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("PRT", "UKR", "M109", "planned")


@pytest.mark.parametrize("text", [
    "L'Italia ha concesso all'Ucraina sei obici FH70.",
    "L'Italia concede all'Ucraina sei obici FH70.",
])
def test_concedere_hands_over(text: str) -> None:
    # "concedere" (to grant) goods to a state: a transfer, like "cedere"
    (c,) = claims(text, LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("ITA", "UKR", "FH70", "delivered")


def test_concedere_a_loan_is_no_supply() -> None:
    assert claims("L'Italia ha concesso un prestito all'Egitto.", LANG, PUB) == []
