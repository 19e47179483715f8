"""Ukrainian: the pymorphy3 front-end and extraction, one phenomenon per test, on news-style sentences
written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

import extraction_helpers as helpers
from armstrack.lang import get_language
from armstrack.lang.base import Token, tokenize
from extraction_helpers import tok

LANG = "uk"


def claims(text: str, published: str = "2024-05-01") -> list[dict[str, Any]]:
    return helpers.claims(text, LANG, published)


def triples(text: str) -> set[tuple[str, str, str]]:
    return helpers.triples(text, LANG, "2024-05-01")


def one(text: str, **match: Any) -> dict[str, Any]:
    return helpers.one(text, LANG, "2024-05-01", **match)

def analysed(text: str) -> list[Token]:
    return helpers.analysed(text, LANG)


# -- front-end -----------------------------------------------------------------------------------------


def test_lemmas_prefer_lexicon_words() -> None:
    toks = analysed("Україна отримала 31 танк, а Німеччина надала ще десять танків і військової техніки.")
    assert tok(toks, "танків").lemma == "танк"  # not «танок» (a dance)
    assert tok(toks, "надала").lemma == "надати"  # a verb, not the surname Надал
    assert tok(toks, "техніки").lemma == "техніка"


def test_case_from_context() -> None:
    toks = analysed("Іран передав Росії дрони.")
    assert (tok(toks, "Іран").case, tok(toks, "Росії").case) == ("nom", "dat")
    assert tok(analysed("Постачання Росії скоротилися."), "Росії").case == "gen"
    assert tok(analysed("Дрони прибули з Ірану."), "Ірану").case == "gen"
    toks = analysed("Постачання Ірану Росії зросли.")
    assert (tok(toks, "Ірану").case, tok(toks, "Росії").case) == ("gen", "dat")


def test_passive_participle_governs_a_dative() -> None:
    assert tok(analysed("Передані Росії дрони вже застосовуються."), "Росії").case == "dat"


def test_apostrophe_words_get_lemmas() -> None:
    toks = analysed("Німеччина зобов'язалася передати Україні танки.")
    assert toks[1].text == "зобов'язалася" and toks[1].lemma == "зобов'язатися"  # one token, one lemma
    # lemmas are folded: every apostrophe (' ’ ʼ) reads as one
    assert tok(analysed("Німеччина зобовʼязалася передати Україні танки."), "зобовʼязалася").lemma == "зобов'язатися"


def test_future_and_conditional_marks() -> None:
    assert tok(analysed("Іран передасть Росії ракети."), "передасть").future
    assert tok(analysed("Україна постачатиме зброю."), "постачатиме").future
    assert tok(analysed("Ракети будуть поставлені в Росію."), "поставлені").future
    toks = analysed("Іран міг би передати Росії ракети.")
    assert tok(toks, "би").conditional and tok(toks, "передати").conditional


# -- roles and direction -------------------------------------------------------------------------------





def test_genitive_supplies_dative_receives() -> None:
    c = one("Постачання Ірану Росії включали близько 2600 дронів «Герань-2».")
    assert (c["supplier"], c["recipient"], c["item"]) == ("IRN", "RUS", "Shahed-136")
    assert c["quantity"] == {"value": 2600, "qualifier": "approx"}


def test_from_and_to_prepositions() -> None:
    assert triples("Дрони постачаються з Ірану до Росії.") == {("IRN", "RUS", "drones")}


def test_recipient_subject_with_supplier_after_vid() -> None:
    c = one("Росія отримала від Ірану балістичні ракети.")
    assert (c["supplier"], c["recipient"], c["category"], c["stage"]) == ("IRN", "RUS", "missile", "delivered")


def test_supplier_subject_with_bare_dative() -> None:
    c = one("Іран передав Росії дрони Шахед-136.")
    assert (c["supplier"], c["recipient"], c["item"], c["status"]) == ("IRN", "RUS", "Shahed-136", "asserted")


def test_buyer_with_seller_after_u() -> None:
    c = one("Індія придбає у Росії до 24 винищувачів Су-35.")
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("RUS", "IND", "Su-35", "planned")


def test_demonym_gives_origin() -> None:
    c = one("Туреччина отримала російські С-400 у липні 2019 року.")
    assert (c["supplier"], c["recipient"], c["item"], c["when"]) == ("RUS", "TUR", "S-400 Triumf", "2019-07")


def test_two_coordinated_recipients() -> None:
    assert triples("Іран передав Білорусі та Росії ракети.") == {("IRN", "BLR", "missiles"), ("IRN", "RUS", "missiles")}


def test_passive_with_instrumental_agent() -> None:
    assert triples("Танки Т-72 були передані Білоруссю Росії.") == {("BLR", "RUS", "T-72")}



def test_case_of_a_multiword_party_is_its_head() -> None:
    assert triples("Росія передала велику партію танків Т-72 Республіці Білорусь.") == {("RUS", "BLR", "T-72")}


def test_locative_after_v_is_not_a_recipient() -> None:
    text = "Північна Корея постачає Росії балістичні ракети KN-23, заявили в Білому домі."
    assert triples(text) == {("PRK", "RUS", "KN-23")}


def test_components_for_a_platform_are_not_the_platform() -> None:
    assert claims("Китай постачає Росії компоненти для дронів.") == []

# -- factuality ----------------------------------------------------------------------------------------


def test_hedge_nibyto_is_reported() -> None:
    assert one("Іран нібито передав Росії балістичні ракети.")["status"] == "reported"


def test_according_to_names_the_source() -> None:
    c = one("За даними Reuters, КНДР передала Росії понад 600 тисяч артилерійських снарядів.")
    assert (c["supplier"], c["recipient"], c["status"], c["attributed_to"]) == ("PRK", "RUS", "reported", ["Reuters"])


def test_yak_povidomlyayetsya_is_reported() -> None:
    c = one("Як повідомляється, Іран поставив Росії ракети Фатех-110.")
    assert (c["item"], c["status"]) == ("Fateh-110", "reported")


def test_conditional_by_is_reported_and_planned() -> None:
    c = one("Іран міг би передати Росії балістичні ракети.")
    assert (c["status"], c["stage"]) == ("reported", "planned")


def test_denial_in_the_same_sentence() -> None:
    c = one("Іран заперечує постачання дронів Росії.")
    assert (c["supplier"], c["recipient"], c["status"]) == ("IRN", "RUS", "denied")


def test_denial_by_the_capital() -> None:
    assert one("Тегеран спростував інформацію про постачання дронів Росії.")["status"] == "denied"


def test_denial_in_the_next_sentence() -> None:
    assert one("Іран передав Росії ракети. Тегеран заперечує це.")["status"] == "denied"


def test_unconfirmed_after_a_hedged_report() -> None:
    text = "Іран нібито передав Росії балістичні ракети. Цю інформацію не вдалося незалежно перевірити."
    assert one(text)["status"] == "unconfirmed"


def test_negated_confirmation_is_unconfirmed() -> None:
    text = ("За даними ЗМІ, Іран передав Росії ракети. Ні Москва, ні Тегеран офіційно не підтверджували "
            "ці відомості.")
    assert one(text)["status"] == "unconfirmed"


def test_yak_zayavyv_attribution() -> None:
    c = one("Як заявив представник Пентагону, Іран передав Росії балістичні ракети.")
    assert c["attributed_to"] == ["представник Пентагону"]


def test_inverted_speaker_after_report_verb() -> None:
    c = one("Іран передав Росії ракети, заявив представник Пентагону.")
    assert (c["status"], c["attributed_to"]) == ("reported", ["представник Пентагону"])


# -- stages --------------------------------------------------------------------------------------------


def test_perfective_future_is_planned() -> None:
    assert one("Іран передасть Росії винищувачі Су-35 найближчим часом.")["stage"] == "planned"


def test_future_passive_is_planned() -> None:
    assert one("Дрони будуть поставлені в Росію з Ірану.")["stage"] == "planned"


def test_promise_is_planned() -> None:
    c = one("Німеччина пообіцяла передати Україні 18 гаубиць.")
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("DEU", "UKR", "howitzers", "planned")
    assert c["quantity"] == {"value": 18, "qualifier": "exact"}


def test_sale_is_ordered() -> None:
    c = one("Росія продала Індії систему С-400.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "IND", "ordered")


def test_signed_contract_is_an_order() -> None:
    # a signed purchase contract is an order (SIPRI); an agreement or memorandum is "agreed"
    c = one("Іран підписав з Росією контракт на закупівлю винищувачів Су-35.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "IRN", "ordered")


def test_negotiations() -> None:
    c = one("Україна веде переговори про закупівлю у Франції літаків Rafale.")
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("FRA", "UKR", "Rafale", "negotiating")


def test_offer() -> None:
    c = one("Росія запропонувала Єгипту винищувачі Су-35.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "EGY", "offered")


def test_licensed_production() -> None:
    c = one("Росія збирається виробляти іранські дрони за ліцензією.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("IRN", "RUS", "licensed_production")


def test_technology_transfer() -> None:
    c = one("Іран передав Росії технології виробництва дронів.")
    assert (c["item"], c["stage"]) == ("technology", "technology_transfer")


# -- quantities ----------------------------------------------------------------------------------------


def test_at_least_with_thousands() -> None:
    c = one("За даними Reuters, КНДР передала Росії понад 600 тисяч артилерійських снарядів.")
    assert (c["item"], c["quantity"]) == ("artillery shells", {"value": 600000, "qualifier": "at_least"})


def test_at_most_do() -> None:
    assert one("Індія придбає у Росії до 24 винищувачів Су-35.")["quantity"] == {"value": 24, "qualifier": "at_most"}


def test_decimal_comma_million() -> None:
    assert one("КНДР поставила Росії 1,5 млн снарядів.")["quantity"] == {"value": 1500000, "qualifier": "exact"}


def test_number_words_and_space_grouping() -> None:
    assert one("Іран передав Росії дві тисячі дронів.")["quantity"] == {"value": 2000, "qualifier": "exact"}
    assert one("Іран поставив Росії 2 600 дронів.")["quantity"] == {"value": 2600, "qualifier": "exact"}


def test_number_word_with_modifier_apostrophe() -> None:
    c = one("Німеччина зобовʼязалася передати Україні пʼять танків Leopard 2.")
    assert (c["stage"], c["quantity"]) == ("planned", {"value": 5, "qualifier": "exact"})


def test_number_word_with_ascii_apostrophe() -> None:
    assert one("Німеччина передала Україні п'ять танків Leopard 2.")["quantity"] == {"value": 5, "qualifier": "exact"}


def test_vague_quantity_is_none() -> None:
    assert one("Іран передав Росії сотні дронів.")["quantity"] is None


def test_abbreviated_thousands() -> None:
    c = one("Північна Корея передала Росії не менше 500 тис. снарядів.")
    assert c["quantity"] == {"value": 500000, "qualifier": "at_least"}


# -- dates ---------------------------------------------------------------------------------------------


def test_since_month() -> None:
    assert one("З листопада 2022 року Іран постачає Росії дрони.")["when"] == "2022-11/.."


def test_full_date_in_genitive() -> None:
    assert one("Іран постачав Росії дрони 15 березня 2023 року.")["when"] == "2023-03-15"


def test_last_year() -> None:
    assert one("Торік Іран передав Росії ракети.")["when"] == "2023"


def test_next_year_is_planned() -> None:
    c = one("США передадуть Україні винищувачі F-16 наступного року.")
    assert (c["when"], c["stage"]) == ("2025", "planned")



def test_last_month() -> None:
    assert one("Минулого місяця Іран передав Росії ракети.")["when"] == "2024-04"

# -- negatives -----------------------------------------------------------------------------------------


def test_battlefield_use_is_not_a_transfer() -> None:
    assert claims("Російські військові застосовують іранські дрони Шахед-136 для ударів по Києву.") == []


def test_negated_receipt_is_not_a_claim() -> None:
    assert claims("Росія не отримувала іранських дронів.") == []


def test_off_topic_text() -> None:
    assert claims("Україна та Польща обговорили співпрацю в енергетиці та транспорті.") == []


# --- wire-style phrasing, written for these tests (lang-quality round) ----------------------------------------

def claim_rows(text: str) -> set[tuple[Any, ...]]:
    return {(c["supplier"], c["recipient"], c["item"], c["stage"], c["status"]) for c in claims(text)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Німеччина передала Україні ще одну систему ППО IRIS-T, повідомив Олаф Шольц.",
     ("DEU", "UKR", "IRIS-T", "delivered", "reported")),
    ("За даними розвідки, КНДР передала Росії понад мільйон артилерійських снарядів.",
     ("PRK", "RUS", "artillery shells", "delivered", "reported")),
    ("Іран нібито постачає Росії балістичні ракети.", ("IRN", "RUS", "ballistic missiles", "delivered", "reported")),
    ("Україна отримала від Нідерландів перші винищувачі F-16.", ("NLD", "UKR", "F-16", "delivered", "asserted")),
    ("Швеція передасть Україні бойові машини піхоти CV90.", ("SWE", "UKR", "CV90", "planned", "asserted")),
    ("До України вже доставлено перші танки Abrams із США.", ("USA", "UKR", "M1 Abrams", "delivered", "asserted")),
    ("Туреччина запропонувала Україні безпілотники Bayraktar TB2.",
     ("TUR", "UKR", "Bayraktar TB2", "offered", "asserted")),
    ("Інформацію про постачання Іраном ракет Fath-360 до Росії офіційно не підтверджено.",
     ("IRN", "RUS", "Fath-360", "delivered", "unconfirmed")),
])
def test_wire_phrasing(text: str, expected: tuple[Any, ...]) -> None:
    assert claim_rows(text) == {expected}


def test_pro_drop_subject_of_a_denied_clause() -> None:
    # "Китай заперечує, що постачав …": the clause after the denial has no subject of its own
    assert claim_rows("Китай заперечує, що постачав Росії дрони.") == {("CHN", "RUS", "drones", "delivered",
                                                                      "denied")}


def test_negotiating_with_partner_about_supply_takes_the_item_origin() -> None:
    text = "Україна веде переговори з Францією про постачання винищувачів Mirage 2000."
    assert claim_rows(text) == {("FRA", "UKR", "Mirage 2000", "negotiating", "asserted")}


def test_attributed_future_with_deadline() -> None:
    c = one("За словами Зеленського, Україна отримає від Бельгії 30 винищувачів F-16 до 2028 року.")
    assert (c["supplier"], c["recipient"], c["stage"], c["status"], c["when"]) == (
        "BEL", "UKR", "planned", "reported", "../2028")
    assert c["quantity"] == {"value": 30, "qualifier": "exact"}


def test_approximate_count() -> None:
    c = one("Литва передала Україні близько 20 бронетранспортерів M113.")
    assert (c["supplier"], c["item"], c["quantity"]) == ("LTU", "M113", {"value": 20, "qualifier": "approx"})


@pytest.mark.parametrize("text", [
    "Сили оборони знищили російську систему ППО С-300 на Херсонщині.",
    "Росія вдарила по Києву ракетами Кинджал.",
    "Українські військові проходять навчання на танках Abrams у Німеччині.",
    "Укроборонпром збільшив виробництво артилерійських снарядів.",
])
def test_weapons_without_transfer(text: str) -> None:
    assert claims(text) == []


# -- strict fields: shared totals, commitments, requests, attribution -----------------------------------


def test_number_for_coordinated_parties_is_a_shared_total() -> None:
    rows = {helpers.core(c) for c in claims("Норвегія й Бельгія зобов'язалися передати Україні 30 винищувачів F-16.")}
    assert rows == {("NOR", "UKR", "F-16", None, "planned", "asserted"),
                    ("BEL", "UKR", "F-16", None, "planned", "asserted")}


def test_commitment_is_planned_and_consent_is_agreed() -> None:
    assert one("Швеція зобов'язалася передати Україні вісім САУ Archer.")["stage"] == "planned"
    assert one("Швеція погодилася передати Україні вісім САУ Archer.")["stage"] == "agreed"


def test_asking_for_a_delivery_makes_the_asker_the_recipient() -> None:
    c = one("Україна попросила Німеччину про постачання ракет Taurus.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("DEU", "UKR", "negotiating")


def test_outlet_citing_a_source_gives_both_names() -> None:
    c = one("Видання Defense Express із посиланням на американську розвідку повідомило, що Іран передав Росії "
            "ракети Fateh-110.")
    assert set(c["attributed_to"]) == {"Видання Defense Express", "американську розвідку"}
    c = one('Ізраїльський "12 канал" із посиланням на західну розвідку повідомив, що Іран передав Росії '
            'ракети Fateh-110.')
    assert set(c["attributed_to"]) == {'Ізраїльський "12 канал"', "західну розвідку"}


def test_relative_clause_or_agreement_is_no_source() -> None:
    c = one("Іран отримав від Росії винищувачі Су-35 згідно з угодою, за якою Тегеран сплатив 2 мільярди доларів.")
    assert c["attributed_to"] == [] and c["status"] == "asserted"
    c = one("Росія передала Ірану винищувачі Су-35, оскільки завершився строк дії умови, згідно з якою для "
            "закупівлі озброєнь Ірану потрібне схвалення Радбезу ООН.")
    assert c["attributed_to"] == []


def test_title_with_apostrophe_and_hyphen_is_one_source() -> None:
    c = one("Також Прем'єр-міністр Нідерландів Марк Рютте повідомив, що Нідерланди передадуть Україні "
            "винищувачі F-16.")
    assert c["attributed_to"] == ["Прем'єр-міністр Нідерландів Марк Рютте"]


# -- item nouns in every case, stage and status cues (lexicon) ---------------------------------------------


@pytest.mark.parametrize(("text", "item", "category"), [
    ("Німеччина передала Україні зенітно-ракетні комплекси.", "air defence systems", "air_defence"),
    ("Україна отримала від Німеччини партію зенітних ракетних комплексів.", "air defence systems", "air_defence"),
    ("Росія надала КНДР зенітні керовані ракети.", "air defence missiles", "missile"),
    ("Франція передала Україні протитанкові ракетні комплекси.", "anti-tank missiles", "missile"),
    ("Німеччина передала Україні ремонтно-евакуаційні машини.", "armoured recovery vehicles", "armoured_vehicle"),
    ("Швеція надасть Україні інженерні машини.", "engineering vehicles", "armoured_vehicle"),
    ("Туреччина відправила Азербайджану машини розмінування.", "mine-clearing vehicles", "other"),
    ("Болгарія продала Польщі підривники для снарядів.", "fuzes", "ammunition"),
    ("Канада передала Україні прилади нічного бачення.", "night-vision devices", "sensor"),
    ("Італія поставила Катару навчально-тренувальні літаки.", "trainer aircraft", "aircraft"),
    ("Німеччина продала Єгипту підводні човни.", "submarines", "ship"),
])
def test_item_nouns_match_in_every_case(text: str, item: str, category: str) -> None:
    c = one(text, item=item)
    assert c["category"] == category


def test_umbrella_noun_passes_the_prefilter_in_any_case() -> None:
    lex = get_language(LANG).lexicon
    for text in ("Сербія постачала зброю Єгипту.", "постачання зброї", "разом зі зброєю"):
        found = lex.generic_items.find_all(tokenize(text))  # unanalysed, as the prefilter sees it
        assert [g.item for _a, _b, g in found] == ["weapons"]


def test_may_sell_is_a_hedged_plan_and_could_have_a_hedged_delivery() -> None:
    c = one("КНДР може продати Росії балістичні ракети.")
    assert (c["stage"], c["status"]) == ("planned", "reported")
    c = one("Іран міг передати Росії безпілотники.")
    assert (c["stage"], c["status"]) == ("delivered", "reported")


def test_quoting_verb_is_no_delivery() -> None:
    c = one("Як передає Укрінформ, Литва передала Україні бронетранспортери M113.")
    assert (c["supplier"], c["recipient"], c["attributed_to"]) == ("LTU", "UKR", ["Укрінформ"])


def test_interest_is_negotiating_and_readiness_an_offer() -> None:
    assert one("Індонезія виявила інтерес до придбання винищувачів Rafale у Франції.")["stage"] == "negotiating"
    assert one("Туреччина готова продати Україні корвети.")["stage"] == "offered"


@pytest.mark.parametrize("text", [
    "Військовий суд виніс вирок командиру катера.",
    "Про це повідомили техніки, які ремонтують танки на заводі.",
    "«Динамо» обіграло «Шахтар», а воротар відбив пенальті.",
    "Синоптики обіцяють грозу та град у Києві.",
    "Клуб «Патріот» з Полтави виграв турнір з хокею.",
])
def test_off_topic_sentences_give_no_claim(text: str) -> None:
    assert claims(text) == []


# -- tense and coordination (issue 13) -------------------------------------------------------------------


def test_obligation_verb_makes_its_infinitive_planned() -> None:
    assert tok(analysed("Литва має отримати гаубиці."), "отримати").future
    assert one("Литва має отримати від Швеції гаубиці Archer.")["stage"] == "planned"
    assert one("Швеція має передати Литві гаубиці Archer до кінця року.")["stage"] == "planned"
    assert one("Литва отримала від Швеції гаубиці Archer.")["stage"] == "delivered"


def test_future_verb_makes_its_event_noun_planned() -> None:
    assert one("Швеція почне постачання Литві гаубиць Archer восени.")["stage"] == "planned"
    assert one("Швеція розпочала постачання Литві гаубиць Archer.")["stage"] == "delivered"


def test_made_in_the_buyer_country_is_no_supplier() -> None:
    c = one("Росія та Індія підписали контракт на постачання автоматів АК-203 індійського виробництва.")
    assert (c["supplier"], c["recipient"]) == ("RUS", "IND")


# -- who says it (issue 13) ------------------------------------------------------------------------------


def test_an_inflected_name_is_cited_in_the_nominative() -> None:
    c = one("За словами Олексія Резнікова, Литва передала Україні гаубиці PzH 2000.")
    assert c["attributed_to"] == ["Олексій Резніков"]


def test_where_words_were_said_is_no_part_of_the_speaker() -> None:
    c = one("Литва передала Україні гаубиці PzH 2000, заявив в інтерв'ю Reuters міністр оборони Литви Арвідас "
            "Анушаускас.")
    assert c["attributed_to"] == ["міністр оборони Литви Арвідас Анушаускас"]


def test_he_and_his_words_are_the_speaker_named_before() -> None:
    text = ("Міністр оборони Литви Арвідас Анушаускас заявив, що Литва передала Україні гаубиці PzH 2000. "
            "Він також повідомив, що Вільнюс передасть Києву бронетранспортери M113.")
    assert one(text, item="M113")["attributed_to"] == ["Міністр оборони Литви Арвідас Анушаускас"]
    text = text.replace("Він також повідомив, що Вільнюс", "За його словами, Вільнюс також")
    assert one(text, item="M113")["attributed_to"] == ["Міністр оборони Литви Арвідас Анушаускас"]


def test_as_he_noted_names_its_speaker_after_the_verb() -> None:
    c = one("Як зазначив міністр оборони Литви Арвідас Анушаускас, Литва передасть Україні гаубиці PzH 2000.")
    assert (c["status"], c["attributed_to"]) == ("reported", ["міністр оборони Литви Арвідас Анушаускас"])


def test_who_is_urged_or_appealed_to_supplies() -> None:
    for text in ("Молдова звернулася до Румунії з проханням передати зенітні комплекси HAWK.",
                 "Молдова закликала Румунію передати зенітні комплекси HAWK."):
        c = one(text)
        assert (c["supplier"], c["recipient"], c["stage"]) == ("ROU", "MDA", "negotiating")


def test_consent_to_a_delivery_is_agreed_and_an_allocation_planned() -> None:
    assert one("Уряд Румунії дав згоду на постачання Молдові зенітних комплексів HAWK.")["stage"] == "agreed"
    assert one("Румунія оголосила про виділення Молдові зенітних комплексів HAWK.")["stage"] == "planned"


def test_making_a_foreign_design_at_home_is_licensed_production() -> None:
    c = one("Польща налагодила виробництво південнокорейських танків K2.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("KOR", "POL", "licensed_production")


def test_apparently_hedges() -> None:
    assert one("Схоже, Норвегія передала Литві гаубиці PzH 2000.")["status"] == "reported"
    assert one("Норвегія, мабуть, передала Литві гаубиці PzH 2000.")["status"] == "reported"


def test_opposing_a_delivery_is_no_transfer() -> None:
    assert claims("США виступили проти постачання винищувачів Су-35 Ірану.") == []


def test_future_verb_governs_coordinated_event_nouns() -> None:
    assert one("Німеччина профінансує ремонт і передачу Україні танків Leopard 1.")["stage"] == "planned"
    assert one("Німеччина профінансувала ремонт і передачу Україні танків Leopard 1.")["stage"] == "delivered"


def test_contract_with_a_partner_still_ahead_takes_the_items_origin() -> None:
    c = one("Україна планує підписати зі Швецією контракт на постачання винищувачів Gripen.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("SWE", "UKR", "planned")


def test_quoted_name_inside_a_trigger_phrase() -> None:
    got = triples("Німеччина оголосила про «зимовий пакет» військової допомоги Україні, який включає системи Patriot "
                  "та IRIS-T.")
    assert got == {("DEU", "UKR", "MIM-104 Patriot"), ("DEU", "UKR", "IRIS-T")}


def test_threat_a_delivery_answers_is_not_transferred() -> None:
    assert triples("Німеччина передасть Україні установки Gepard (застосовуються для збиття дронів).") == \
        {("DEU", "UKR", "Gepard")}


def test_relative_after_a_preposition_opens_a_clause() -> None:
    assert triples("Раніше Туреччина купила в Росії С-400, після чого США виключили її з програми F-35.") == \
        {("RUS", "TUR", "S-400 Triumf")}


def test_day_before_a_month_is_no_count() -> None:
    c = one("Німеччина 12 травня передала Україні танки Leopard 2.")
    assert (c["quantity"], c["when"]) == (None, "2024-05-12")


def test_this_year_and_month_in_the_locative() -> None:
    assert one("У цьому році Німеччина передала Україні танки Leopard 2.")["when"] == "2024"
    assert one("У цьому місяці Німеччина передала Україні танки Leopard 2.")["when"] == "2024-05"


def test_partyless_sentence_with_an_anaphor_continues_the_transfer() -> None:
    got = claims("Туреччина має отримати від Росії системи С-400 цього року. Ці системи вже передані.")
    assert [(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in got] == \
        [("RUS", "TUR", "S-400 Triumf", "delivered")]


def test_each_supplier_its_own_make() -> None:
    assert triples("Німеччина та США передадуть Україні танки Leopard 2 і Abrams.") == \
        {("DEU", "UKR", "Leopard 2"), ("USA", "UKR", "M1 Abrams")}


def test_into_service_of_names_the_recipient() -> None:
    # «надійшли на озброєння ЗСУ»: the forces whose service the goods enter receive them (ru «на вооружение» too)
    assert triples("Танки Leopard 2 з Німеччини надійшли на озброєння ЗСУ.") == {("DEU", "UKR", "Leopard 2")}


def test_delayed_or_postponed_delivery_is_planned() -> None:
    assert one("Постачання винищувачів F-16 від Данії Україні затримується.")["stage"] == "planned"
    assert one("Данія відклала постачання Україні винищувачів F-16.")["stage"] == "planned"


def test_photo_caption_names_no_system_a_generic_means() -> None:
    text = ("Іранський депутат підтвердив постачання ракет до Росії\n\nФото: іранські балістичні ракети Zolfaghar "
            "(Getty Images)\n\nІранський депутат заявив, що Іран постачає Росії дрони та ракети.")
    assert "Zolfaghar" not in {c["item"] for c in claims(text)}


@pytest.mark.parametrize("text", [
    "Туреччина вже постачила Україні бойові безпілотники Bayraktar.",
    "Туреччина постачить Україні ще двадцять безпілотників Bayraktar.",
    "Безпілотники Bayraktar Туреччина постачила Україні ще торік.",
])
def test_perfective_postachyty_is_a_supply_verb(text: str) -> None:
    assert triples(text) == {("TUR", "UKR", "Bayraktar")}


@pytest.mark.parametrize(("code", "text"), [
    ("uk", "Польща та Чехія відправлять Україні 31 танк Abrams."),
    ("uk", "Польща та Чехія поставлять Україні 31 танк Abrams."),
    ("ru", "Польша и Чехия отправят Украине 31 танк Abrams."),
    ("pl", "Polska i Czechy wyślą Ukrainie 31 czołgów Abrams."),
])
def test_a_third_plural_perfective_future_is_planned(code: str, text: str) -> None:
    stages = {c["stage"] for c in helpers.claims(text, code)}
    assert stages == {"planned"}
