"""Polish: the simplemma front-end with case from endings and prepositions, the «-by» conditional and the
perfective future, and extraction, one phenomenon per test, on news-style sentences written for these tests."""

from __future__ import annotations

import pickle

import extraction_helpers as helpers
from armstrack.lang import get_language
from armstrack.lang.base import Sentence, Token, split_sentences, tokenize
from armstrack.lang.pl.frontend import case_candidates
from extraction_helpers import claims, core, tok, triples

LANG = "pl"
PUB = "2024-05-15"


def analysed(text: str) -> list[Token]:
    return helpers.analysed(text, LANG)


# -- front-end -----------------------------------------------------------------------------------------


def test_case_from_ending_and_preposition() -> None:
    toks = analysed("Niemcy przekazały Ukrainie czołgi, a do Rosji trafiły drony z Iranu i z Polską, w Polsce.")
    assert tok(toks, "Niemcy").case == "nom"
    assert tok(toks, "Ukrainie").case == "dat"  # bare, after a verb: the recipient
    assert tok(toks, "Rosji").case == "gen"  # "do" governs the genitive
    assert tok(toks, "Iranu").case == "gen"
    assert tok(toks, "Polską").case == "ins"  # "z" + instrumental: together with
    assert tok(toks, "Polsce").case == "loc"  # "w" + locative: a place


def test_instrumental_after_other_prepositions_is_no_agent() -> None:
    toks = analysed("Polska broni się przed Rosją.")
    assert tok(toks, "Rosją").case == ""


def test_case_candidates_by_declension() -> None:
    assert case_candidates("Polskę", "polska") == ("acc",)
    assert case_candidates("Iranowi", "iran") == ("dat",)
    assert set(case_candidates("Rosji", "rosja")) == {"gen", "dat", "loc"}
    assert case_candidates("Stanów", "stanow") == ("gen",)


def test_conditional_and_perfective_future() -> None:
    toks = analysed("Iran dostarczyłby drony, a Polska przekaże czołgi i dostarcza amunicję.")
    assert tok(toks, "dostarczyłby").conditional
    assert tok(toks, "przekaże").future and not tok(toks, "przekaże").conditional
    assert not tok(toks, "dostarcza").future  # imperfective present: no future
    assert tok(toks, "dostarczyłby").lemma == "dostarczyc"


def test_noun_in_ec_is_no_verb() -> None:
    toks = analysed("Dostarczono dziesięć myśliwców i śmigłowców.")
    assert tok(toks, "myśliwców").case == "gen" and tok(toks, "myśliwców").pos != "VERB"


def test_frontend_pickles() -> None:
    fe = pickle.loads(pickle.dumps(get_language(LANG).frontend))
    s = Sentence(0, len("dostarczyłaby"), "dostarczyłaby", tokenize("dostarczyłaby"))
    fe.analyse(s)
    assert s.tokens[0].conditional


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "Rosja otrzymała ok. 100 dronów, m.in. Shahed-136. Gen. Kowalski to potwierdził."
    lex = get_language(LANG).lexicon
    assert len(split_sentences(text, lex.abbreviations)) == 2
    assert len(split_sentences(text)) > 2  # without the Polish list the splitter cuts after "ok."


# -- direction -----------------------------------------------------------------------------------------


def test_bare_dative_receives() -> None:
    (c,) = claims("Niemcy przekazały Ukrainie 18 czołgów Leopard 2.", LANG, PUB)
    assert core(c) == ("DEU", "UKR", "Leopard 2", (18, "exact"), "delivered", "asserted")


def test_buy_from_od_genitive() -> None:
    (c,) = claims("Polska kupiła od Korei Południowej 180 czołgów K2.", LANG, PUB)
    assert core(c)[:5] == ("KOR", "POL", "K2 Black Panther", (180, "exact"), "ordered")


def test_buy_in_w_is_the_seller() -> None:
    assert triples("Polska zamówiła w Stanach Zjednoczonych śmigłowce Apache.", LANG, PUB) == {
        ("USA", "POL", "AH-64 Apache")}


def test_do_marks_the_recipient() -> None:
    (c,) = claims("Pierwsze haubice K9 z Korei Południowej trafiły do Polski.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("KOR", "POL", "K9 Thunder", "delivered")


def test_locative_place_is_no_destination() -> None:
    (c,) = claims("Ukraina otrzymała w Polsce od Niemiec systemy Patriot.", LANG, PUB)
    assert (c["supplier"], c["recipient"]) == ("DEU", "UKR")


def test_passive_agent_przez() -> None:
    (c,) = claims("Czołgi Leopard 2 zostały przekazane Ukrainie przez Kanadę.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"]) == ("CAN", "UKR", "Leopard 2")


def test_capital_and_institution_stand_for_states() -> None:
    assert triples("Ministerstwo Obrony Narodowej podpisało z Waszyngtonem umowę na zakup myśliwców F-35.",
                   LANG, PUB) == {("USA", "POL", "F-35")}


# -- stage, status, quantity, date ---------------------------------------------------------------------


def test_perfective_future_is_planned() -> None:
    (c,) = claims("Stany Zjednoczone sprzedadzą Tajwanowi wyrzutnie HIMARS.", LANG, PUB)
    assert core(c)[:5] == ("USA", "TWN", "M142 HIMARS", None, "planned")


def test_signed_contract_is_an_order() -> None:
    (c,) = claims("Polska podpisała z Koreą Południową umowę na dostawę 96 armatohaubic K9.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["stage"]) == ("KOR", "POL", "ordered")


def test_conditional_hedge_is_reported() -> None:
    (c,) = claims("Iran miałby dostarczyć Rosji rakiety balistyczne.", LANG, PUB)
    assert core(c)[:2] == ("IRN", "RUS") and c["status"] == "reported"


def test_rzekomo_and_wedlug_are_reported_with_source() -> None:
    (c,) = claims("Według agencji Reuters Chiny rzekomo przekazały Rosji drony.", LANG, PUB)
    assert c["status"] == "reported" and c["attributed_to"]


def test_denial() -> None:
    (c,) = claims("Teheran zaprzeczył, jakoby dostarczał Rosji drony Shahed-136.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["status"]) == ("IRN", "RUS", "denied")


def test_unconfirmed() -> None:
    for text in ("Niepotwierdzone informacje wskazują, że Korea Północna przekazała Rosji pociski.",
                 "Korea Północna przekazała Rosji pociski, ale nie zostało to potwierdzone."):
        (c,) = claims(text, LANG, PUB)
        assert (c["supplier"], c["recipient"], c["status"]) == ("PRK", "RUS", "unconfirmed")


def test_negation_states_no_transfer() -> None:
    assert claims("Polska nie przekaże Ukrainie myśliwców F-16.", LANG, PUB) == []


def test_quantities_ok_and_tys() -> None:
    (c,) = claims("Korea Północna przekazała Rosji ok. 250 tys. pocisków artyleryjskich.", LANG, PUB)
    assert c["quantity"] == {"value": 250000.0, "qualifier": "approx"}
    (c,) = claims("Niemcy przekazały Ukrainie ponad sto czołgów.", LANG, PUB)
    assert c["quantity"] == {"value": 100.0, "qualifier": "at_least"}


def test_month_in_genitive() -> None:
    (c,) = claims("W lutym 2023 roku Niemcy przekazały Ukrainie czołgi Leopard 2.", LANG, PUB)
    assert c["when"] == "2023-02"


# -- off-topic Polish news gives no claim ---------------------------------------------------------------

OFF_TOPIC = [
    "Legia Warszawa pokonała w sobotę Lecha Poznań 2:1 i awansowała na pozycję lidera Ekstraklasy.",
    "Napastnik Legii przeszedł do klubu z Niemiec za 5 mln euro, a trener Patriotów z Rzeszowa podał się do dymisji.",
    "Koszykarze Patriotów Rzeszów przegrali z mistrzem Polski, który dostarczył kibicom wielu emocji.",
    "Instytut Meteorologii zapowiada na weekend burze z gradem w Polsce i na Ukrainie, a od poniedziałku upały.",
    "Premier spotkał się w Kijowie z prezydentem Ukrainy, aby rozmawiać o eksporcie zboża przez Polskę.",
    "Sejm przyjął ustawę o podatkach, a opozycja zapowiedziała skargę do Trybunału Konstytucyjnego.",
    "Rosyjskie pociski trafiły w budynek mieszkalny w Charkowie, zginęły trzy osoby.",
]


def test_off_topic_news_gives_no_claim() -> None:
    for text in OFF_TOPIC:
        assert claims(text, LANG, PUB) == [], text


# -- function words and phrases (written for these tests) ------------------------------------------------


def test_clause_opener_czego_keeps_the_commenter_out() -> None:
    # «czego nie potwierdził Pentagon»: the one commenting in a relative clause supplies nothing
    got = triples("Iran przekazał Rosji drony Shahed-136, czego nie potwierdził Pentagon.", LANG)
    assert got == {("IRN", "RUS", "Shahed-136")}


def test_ze_after_a_comma_opens_a_clause_but_ze_before_a_name_is_from() -> None:
    # folded, «że» (that) is «ze» (from): only after a comma does it open a clause
    got = triples("Polska kupiła ze Stanów Zjednoczonych 96 śmigłowców Apache.", LANG)
    assert got == {("USA", "POL", "AH-64 Apache")}


def test_talks_with_the_other_side_name_no_supplier() -> None:
    got = triples("Trwają rozmowy ze stroną ukraińską na temat przekazania samolotów MiG-29.", LANG)
    assert ("UKR", "POL", "MiG-29") not in got and not any(s == "UKR" for s, _, _ in got)


def test_building_for_a_client_is_an_order() -> None:
    (c,) = claims("Polska stocznia zbuduje dla Estonii dwa okręty patrolowe.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["stage"]) == ("POL", "EST", "ordered")


def test_self_propelled_howitzers_in_any_case_and_order() -> None:
    for text in ("Korea Południowa dostarczyła Polsce samobieżne armatohaubice.",
                 "Korea Południowa dostarczy Polsce kolejne haubice samobieżne."):
        assert {i for _, _, i in triples(text, LANG)} == {"self-propelled howitzers"}, text


def test_passive_with_zostac_keeps_the_direction() -> None:
    got = triples("Czołgi Leopard 2 zostały przekazane Ukrainie przez Niemcy.", LANG)
    assert got == {("DEU", "UKR", "Leopard 2")}


def test_where_words_were_said_is_no_part_of_the_speaker() -> None:
    c = helpers.one("Litwa przekazała Ukrainie haubice PzH 2000, powiedział w rozmowie z PAP minister obrony Litwy "
                    "Arvydas Anušauskas.", "pl")
    assert c["attributed_to"] == ["minister obrony Litwy Arvydas Anušauskas"]


def test_opposing_a_delivery_is_no_transfer() -> None:
    assert claims("Stany Zjednoczone sprzeciwiły się dostawom myśliwców Su-35 do Iranu.", LANG, PUB) == []


def test_contract_with_a_partner_still_ahead_takes_the_items_origin() -> None:
    got = claims("Polska planuje podpisać z Koreą Południową umowę na dostawę czołgów K2.", LANG, PUB)
    assert [(c["supplier"], c["recipient"], c["stage"]) for c in got] == [("KOR", "POL", "planned")]


def test_quoted_name_inside_a_trigger_phrase() -> None:
    got = triples("Niemcy ogłosiły «zimowy pakiet» pomocy wojskowej dla Ukrainy, który obejmuje systemy Patriot "
                  "i IRIS-T.", LANG, PUB)
    assert got == {("DEU", "UKR", "MIM-104 Patriot"), ("DEU", "UKR", "IRIS-T")}


def test_threat_a_delivery_answers_is_not_transferred() -> None:
    assert triples("Niemcy przekażą Ukrainie działa Gepard (używane do zestrzeliwania dronów).", LANG, PUB) == \
        {("DEU", "UKR", "Gepard")}


def test_maja_after_a_day_is_may() -> None:
    # folded, «maja» (of May) is «mają» (they have): only a day before it makes it the month
    got = claims("Niemcy przekazały Ukrainie czołgi Leopard 2 12 maja.", LANG, PUB)
    assert [(c["when"], c["quantity"]) for c in got] == [("2024-05-12", None)]
    got = claims("Niemcy 12 maja przekazały Ukrainie czołgi Leopard 2.", LANG, PUB)
    assert [(c["when"], c["quantity"], c["stage"]) for c in got] == [("2024-05-12", None, "delivered")]
    # Polish only: the month's genitive is the future auxiliary «mają» once folded
    got = claims("Niemcy mają przekazać Ukrainie czołgi Leopard 2.", LANG, PUB)
    assert [c["stage"] for c in got] == ["planned"]


def test_partyless_sentence_with_an_anaphor_continues_the_transfer() -> None:
    got = claims("Turcja ma otrzymać od Rosji systemy S-400 w tym roku. Te systemy zostały już przekazane.", LANG, PUB)
    assert [(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in got] == \
        [("RUS", "TUR", "S-400 Triumf", "delivered")]


def test_each_supplier_its_own_make() -> None:
    assert triples("Niemcy i USA przekażą Ukrainie czołgi Leopard 2 i Abrams.", LANG, PUB) == \
        {("DEU", "UKR", "Leopard 2"), ("USA", "UKR", "M1 Abrams")}


def test_delayed_or_postponed_delivery_is_planned() -> None:
    stages = [c["stage"] for c in claims("Dostawy myśliwców F-16 z Danii na Ukrainę opóźniają się.", LANG, PUB)]
    assert stages == ["planned"]
    stages = [c["stage"] for c in claims("Mimo opóźnień Ukraina otrzymała od Danii myśliwce F-16.", LANG, PUB)]
    assert stages == ["delivered"]


def test_photo_caption_names_no_system_a_generic_means() -> None:
    text = ("Irański deputowany potwierdził dostawy rakiet do Rosji\n\nFot.: irańskie rakiety balistyczne Zolfaghar "
            "(Getty Images)\n\nIrański deputowany powiedział, że Iran dostarcza Rosji drony i rakiety.")
    assert "Zolfaghar" not in {c["item"] for c in claims(text, LANG, PUB)}
