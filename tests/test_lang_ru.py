"""Russian: the pymorphy3 front-end and extraction, one phenomenon per test, on news-style sentences
written for these tests."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

import extraction_helpers as helpers
from armstrack.lang import get_language
from armstrack.lang.base import Sentence, Token, tokenize
from armstrack.lang.slavic import SlavicFrontend
from extraction_helpers import tok

LANG = "ru"


def claims(text: str, published: str = "2024-05-01") -> list[dict[str, Any]]:
    return helpers.claims(text, LANG, published)


def triples(text: str) -> set[tuple[str, str, str]]:
    return helpers.triples(text, LANG, "2024-05-01")


def one(text: str, **match: Any) -> dict[str, Any]:
    return helpers.one(text, LANG, "2024-05-01", **match)

def analysed(text: str) -> list[Token]:
    return helpers.analysed(text, LANG)


# -- front-end -----------------------------------------------------------------------------------------


def test_lemmas_fold_inflected_forms() -> None:
    toks = analysed("Поставки иранских беспилотников продолжаются, а БПЛА «Герань-2» уже передали.")
    assert tok(toks, "Поставки").lemma == "поставка"
    assert tok(toks, "беспилотников").lemma == "беспилотник"
    assert tok(toks, "передали").lemma == "передать"
    assert tok(toks, "БПЛА").lemma == "бпла"  # an acronym is not a guessed verb


def test_case_from_context() -> None:
    toks = analysed("Иран передал России беспилотники.")
    assert (tok(toks, "Иран").case, tok(toks, "России").case) == ("nom", "dat")
    assert tok(analysed("Поставки России сократились."), "России").case == "gen"
    assert tok(analysed("Беспилотники прибыли из России."), "России").case == "gen"
    assert tok(analysed("Беспилотники переданы Ираном."), "Ираном").case == "ins"


def test_dative_after_the_object_of_a_delivery_verb() -> None:
    assert tok(analysed("Иран передал беспилотники России."), "России").case == "dat"


def test_party_before_the_goods_after_a_delivery_noun_is_dative() -> None:
    toks = analysed("Стороны обсудили поставку Турции новых зенитных комплексов.")
    assert tok(toks, "Турции").case == "dat"
    assert tok(analysed("Поставки Турции выросли."), "Турции").case == "gen"
    c = one("Россия рассчитывает договориться о поставке Турции дополнительной партии систем С-400.")
    assert (c["supplier"], c["recipient"]) == ("RUS", "TUR")


def test_genitive_chain_after_a_delivery_noun() -> None:
    toks = analysed("Поставки Ирана России выросли.")
    assert (tok(toks, "Ирана").case, tok(toks, "России").case) == ("gen", "dat")
    # a plain dative later: the earlier party is a genitive attribute
    assert tok(analysed("Поставки оружия США Украине."), "США").case == "gen"


def test_future_and_conditional_marks() -> None:
    assert tok(analysed("Иран поставит России ракеты."), "поставит").future
    assert not tok(analysed("Иран поставил России ракеты."), "поставил").future
    assert tok(analysed("Ракеты будут поставлены в Россию."), "поставлены").future
    toks = analysed("Иран мог бы передать России ракеты.")
    assert tok(toks, "бы").conditional and tok(toks, "передать").conditional


def test_frontend_pickles_without_the_analyser() -> None:
    fe = SlavicFrontend("ru")
    assert all(isinstance(v, str | frozenset) for v in vars(fe).values())
    fe2 = pickle.loads(pickle.dumps(get_language(LANG).frontend))
    s = Sentence(0, 16, "Иран передал Ему", tokenize("Иран передал Ему"))
    fe2.analyse(s)
    assert s.analysed and s.tokens[1].lemma == "передать"


# -- roles and direction -------------------------------------------------------------------------------





def test_genitive_supplies_dative_receives() -> None:
    c = one("Поставки Ирана России включали около 2600 дронов «Герань-2».")
    assert (c["supplier"], c["recipient"], c["item"]) == ("IRN", "RUS", "Shahed-136")
    assert any("Герань-2" in m for m in c["item_mentions"])


def test_from_and_to_prepositions() -> None:
    assert triples("Беспилотники поставляются из Ирана в Россию.") == {("IRN", "RUS", "drones")}


def test_recipient_subject_with_supplier_after_ot() -> None:
    c = one("Россия получила от Ирана крылатые ракеты.")
    assert (c["supplier"], c["recipient"], c["category"], c["stage"]) == ("IRN", "RUS", "missile", "delivered")


def test_supplier_subject_with_bare_dative() -> None:
    c = one("Иран передал России беспилотники Шахед-136.")
    assert (c["supplier"], c["recipient"], c["item"]) == ("IRN", "RUS", "Shahed-136")
    assert (c["stage"], c["status"]) == ("delivered", "asserted")


def test_buyer_with_seller_after_u() -> None:
    c = one("Индия закупит у России до 24 истребителей Су-35.")
    assert (c["supplier"], c["recipient"], c["item"]) == ("RUS", "IND", "Su-35")


def test_buyer_with_seller_after_v() -> None:
    c = one("Россия закупила в Иране около 2600 беспилотников.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("IRN", "RUS", "ordered")


def test_demonym_gives_origin() -> None:
    c = one("Турция получила российские С-400 в июле 2019 года.")
    assert (c["supplier"], c["recipient"], c["item"], c["category"]) == ("RUS", "TUR", "S-400 Triumf", "air_defence")


def test_two_coordinated_recipients() -> None:
    assert triples("Иран передал Беларуси и России ракеты.") == {("IRN", "BLR", "missiles"), ("IRN", "RUS", "missiles")}


def test_passive_with_instrumental_agent() -> None:
    assert triples("Танки Т-72 были переданы Белоруссией России.") == {("BLR", "RUS", "T-72")}



def test_case_of_a_multiword_party_is_its_head() -> None:
    assert triples("Россия передала крупную партию танков Т-72 Республике Беларусь.") == {("RUS", "BLR", "T-72")}


def test_locative_after_v_is_not_a_recipient() -> None:
    text = "Северная Корея поставляет России баллистические ракеты KN-23, заявили в Белом доме."
    assert triples(text) == {("PRK", "RUS", "KN-23")}


def test_components_for_a_platform_are_not_the_platform() -> None:
    assert claims("Китай поставляет России компоненты для беспилотников.") == []

# -- factuality ----------------------------------------------------------------------------------------


def test_hedge_yakoby_is_reported() -> None:
    assert one("Иран якобы передал России баллистические ракеты.")["status"] == "reported"


def test_according_to_names_the_source() -> None:
    c = one("По данным Reuters, КНДР передала России более 600 тысяч артиллерийских снарядов.")
    assert (c["supplier"], c["recipient"], c["status"]) == ("PRK", "RUS", "reported")
    assert c["attributed_to"] == ["Reuters"]


def test_kak_soobshchaetsya_is_reported() -> None:
    c = one("Как сообщается, Иран поставил России партию ракет Фатех-110.")
    assert (c["item"], c["status"]) == ("Fateh-110", "reported")


def test_conditional_by_is_reported_and_planned() -> None:
    c = one("Иран мог бы передать России баллистические ракеты.")
    assert (c["status"], c["stage"]) == ("reported", "planned")


def test_denial_in_the_same_sentence() -> None:
    c = one("Тегеран опроверг информацию о поставках беспилотников России.")
    assert (c["supplier"], c["recipient"], c["status"]) == ("IRN", "RUS", "denied")


def test_denial_in_the_next_sentence() -> None:
    assert one("Иран передал России ракеты. Тегеран отрицает это.")["status"] == "denied"


def test_unconfirmed_after_a_hedged_report() -> None:
    text = "Иран якобы передал России ракеты. Эту информацию не удалось независимо проверить."
    assert one(text)["status"] == "unconfirmed"


def test_negated_confirmation_is_unconfirmed() -> None:
    text = "По данным СМИ, Иран передал России ракеты. Ни Москва, ни Тегеран официально не подтверждали эти сведения."
    assert one(text)["status"] == "unconfirmed"


def test_kak_zayavil_attribution() -> None:
    c = one("Как заявил представитель Пентагона, Иран передал России баллистические ракеты.")
    assert c["attributed_to"] == ["представитель Пентагона"]


def test_inverted_speaker_after_report_verb() -> None:
    c = one("Иран передал России баллистические ракеты, заявил представитель Пентагона.")
    assert (c["status"], c["attributed_to"]) == ("reported", ["представитель Пентагона"])


# -- stages --------------------------------------------------------------------------------------------


def test_perfective_future_is_planned() -> None:
    assert one("Иран передаст России истребители Су-35 в ближайшее время.")["stage"] == "planned"


def test_future_passive_is_planned() -> None:
    assert one("Беспилотники будут поставлены в Россию из Ирана.")["stage"] == "planned"


def test_sale_is_ordered() -> None:
    c = one("Россия продала Индии систему С-400.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "IND", "ordered")


def test_signed_contract_is_an_order() -> None:
    # a signed purchase contract is an order (SIPRI); an agreement or memorandum is "agreed"
    c = one("Иран подписал с Россией контракт на закупку истребителей Су-35.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "IRN", "ordered")


def test_negotiations() -> None:
    c = one("Иран ведет переговоры о закупке у России 24 истребителей Су-35.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "IRN", "negotiating")


def test_offer() -> None:
    c = one("Россия предложила Египту истребители Су-35.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "EGY", "offered")


def test_licensed_production() -> None:
    c = one("Россия собирается производить иранские беспилотники по лицензии.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("IRN", "RUS", "licensed_production")


def test_technology_transfer() -> None:
    c = one("Иран передал России технологии производства беспилотников.")
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("IRN", "RUS", "technology",
                                                                      "technology_transfer")


# -- quantities ----------------------------------------------------------------------------------------


def test_approximate_quantity() -> None:
    c = one("Россия закупила в Иране около 2600 беспилотников.")
    assert c["quantity"] == {"value": 2600, "qualifier": "approx"}


def test_at_least_with_thousands() -> None:
    c = one("По данным Reuters, КНДР передала России более 600 тысяч артиллерийских снарядов.")
    assert (c["item"], c["quantity"]) == ("artillery shells", {"value": 600000, "qualifier": "at_least"})


def test_at_most_do() -> None:
    assert one("Индия закупит у России до 24 истребителей Су-35.")["quantity"] == {"value": 24, "qualifier": "at_most"}


def test_decimal_comma_million() -> None:
    c = one("КНДР поставила России 1,5 млн снарядов.")
    assert c["quantity"] == {"value": 1500000, "qualifier": "exact"}


def test_number_words_and_space_grouping() -> None:
    assert one("Иран передал России две тысячи беспилотников.")["quantity"] == {"value": 2000, "qualifier": "exact"}
    assert one("Иран поставил России 2 600 беспилотников.")["quantity"] == {"value": 2600, "qualifier": "exact"}


def test_vague_quantity_is_none() -> None:
    assert one("Иран передал России сотни беспилотников.")["quantity"] is None


def test_abbreviated_thousands() -> None:
    c = one("Северная Корея передала России не менее 500 тыс. снарядов.")
    assert c["quantity"] == {"value": 500000, "qualifier": "at_least"}


# -- dates ---------------------------------------------------------------------------------------------


def test_since_month() -> None:
    assert one("С ноября 2022 года Иран поставляет России беспилотники.")["when"] == "2022-11/.."


def test_full_date_in_genitive() -> None:
    assert one("Иран поставил России беспилотники 15 марта 2023 года.")["when"] == "2023-03-15"


def test_last_year() -> None:
    assert one("В прошлом году Иран передал России ракеты.")["when"] == "2023"


def test_next_year_is_planned() -> None:
    c = one("Индия закупит у России истребители Су-35 в следующем году.")
    assert (c["when"], c["stage"]) == ("2025", "planned")



def test_last_month() -> None:
    assert one("В прошлом месяце Иран передал России ракеты.")["when"] == "2024-04"

# -- negatives -----------------------------------------------------------------------------------------


def test_battlefield_use_is_not_a_transfer() -> None:
    assert claims("Российские военные применяют иранские беспилотники Шахед-136 для ударов по Киеву.") == []


def test_negated_receipt_is_not_a_claim() -> None:
    assert claims("Россия не получала иранских беспилотников.") == []


def test_off_topic_text() -> None:
    assert claims("Россия и Иран обсудили сотрудничество в сфере энергетики и транспорта.") == []


# --- wire-style phrasing, written for these tests (lang-quality round) ----------------------------------------

def claim_rows(text: str) -> set[tuple[Any, ...]]:
    return {(c["supplier"], c["recipient"], c["item"], c["stage"], c["status"]) for c in claims(text)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Россия поставила Ирану партию истребителей Су-35, сообщило агентство Tasnim.",
     ("RUS", "IRN", "Su-35", "delivered", "reported")),
    ("Северная Корея якобы поставила России несколько миллионов артиллерийских снарядов.",
     ("PRK", "RUS", "artillery shells", "delivered", "reported")),
    ("По данным американской разведки, Иран передал России баллистические ракеты.",
     ("IRN", "RUS", "ballistic missiles", "delivered", "reported")),
    ("МИД Ирана опроверг сообщения о поставках дронов России.", ("IRN", "RUS", "drones", "delivered", "denied")),
    ("Поставки танков Т-72 из Белоруссии в Россию продолжаются.", ("BLR", "RUS", "T-72", "delivered", "asserted")),
    ("Алжир ведёт переговоры с Москвой о покупке истребителей Су-57.",
     ("RUS", "DZA", "Su-57", "negotiating", "asserted")),
    ("Египет закупил у России 46 вертолетов Ка-52.", ("RUS", "EGY", "Ka-52", "ordered", "asserted")),
    ("Россия предложила Индонезии истребители Су-35 в обмен на пальмовое масло.",
     ("RUS", "IDN", "Su-35", "offered", "asserted")),
    ("Армия Белоруссии получила от России новую партию танков Т-72Б3.",
     ("RUS", "BLR", "T-72B3", "delivered", "asserted")),
])
def test_wire_phrasing(text: str, expected: tuple[Any, ...]) -> None:
    assert claim_rows(text) == {expected}


def test_approximate_count_before_quoted_name() -> None:
    c = one("Иран поставил России около 2600 беспилотников «Шахед-136».")
    assert (c["supplier"], c["recipient"], c["item"], c["quantity"]) == (
        "IRN", "RUS", "Shahed-136", {"value": 2600, "qualifier": "approx"})


def test_future_tense_and_next_year() -> None:
    c = one("Москва поставит Мьянме шесть истребителей Су-30СМЕ в следующем году.")
    assert (c["supplier"], c["recipient"], c["stage"], c["when"]) == ("RUS", "MMR", "planned", "2025")


def test_contract_signed_with_partner_gives_no_direction_without_origin() -> None:
    # who supplies the frigates is not said (a contract "с Россией" runs either way): no guessed direction
    assert claims("Индия подписала с Россией контракт на поставку двух фрегатов.") == []


def test_pro_drop_subject_of_a_denied_clause() -> None:
    c = one("Китай отрицает, что поставлял России беспилотники.")
    assert (c["supplier"], c["recipient"], c["status"]) == ("CHN", "RUS", "denied")


@pytest.mark.parametrize("text", [
    "Российские войска применили ракеты «Искандер» для удара по Одессе.",
    "Силы ПВО за ночь сбили 25 беспилотников «Шахед».",
    "«Уралвагонзавод» увеличил производство танков Т-90М.",
    "Евросоюз ввел санкции против иранских производителей дронов.",
    "Украинские пилоты проходят обучение на истребителях F-16 в Румынии.",
])
def test_weapons_without_transfer(text: str) -> None:
    assert claims(text) == []


# -- strict fields: shared totals, commitments, requests, attribution -----------------------------------


def test_number_for_coordinated_parties_is_a_shared_total() -> None:
    rows = {helpers.core(c) for c in claims("Норвегия и Бельгия пообещали передать Украине 30 истребителей F-16.")}
    assert rows == {("NOR", "UKR", "F-16", None, "planned", "asserted"),
                    ("BEL", "UKR", "F-16", None, "planned", "asserted")}
    rows = {helpers.core(c) for c in claims("Россия поставит Ирану и Алжиру 30 истребителей Су-35.")}
    assert {(r[1], r[3]) for r in rows} == {("IRN", None), ("DZA", None)}


def test_commitment_is_planned_and_consent_is_agreed() -> None:
    assert one("Швеция обязалась передать Украине восемь САУ Archer.")["stage"] == "planned"
    assert one("Швеция согласилась передать Украине восемь САУ Archer.")["stage"] == "agreed"


def test_asking_for_a_delivery_makes_the_asker_the_recipient() -> None:
    for text in ("Украина попросила Германию о поставке ракет Taurus.",
                 "Украина попросила Германию поставить ракеты Taurus."):
        c = one(text)
        assert (c["supplier"], c["recipient"], c["stage"]) == ("DEU", "UKR", "negotiating")


def test_outlet_citing_a_source_gives_both_names() -> None:
    c = one("Телеканал CNN со ссылкой на западную разведку сообщил, что Иран передал России ракеты Fateh-110.")
    assert set(c["attributed_to"]) == {"Телеканал CNN", "западную разведку"}


def test_press_service_keeps_its_quoted_name_and_drops_the_preposition() -> None:
    c = one('Россия передала Алжиру 14 истребителей Су-35, сообщили в пресс-службе "Рособоронэкспорта".')
    assert c["attributed_to"] == ['пресс-службе "Рособоронэкспорта"']
    c = one('Об этом сообщили в пресс-службе концерна "Ростех": Россия поставила Индии 10 вертолетов Ка-226.')
    assert c["attributed_to"] == ['пресс-службе концерна "Ростех"']


def test_not_confirming_is_no_source() -> None:
    c = one("Иран передал России ракеты Fateh-110, но эти данные официально не подтверждены.")
    assert c["attributed_to"] == [] and c["status"] == "unconfirmed"


def test_relative_clause_or_agreement_is_no_source() -> None:
    c = one("Египет получил от России 24 истребителя Су-35 согласно контракту, по которому Каир заплатил "
            "два миллиарда долларов.")
    assert c["attributed_to"] == [] and c["status"] == "asserted"


def test_said_during_a_visit_keeps_the_apposition_as_speaker() -> None:
    c = one("Глава МИД Венгрии, Петер Сийярто, заявил во время визита в Минск, что Россия поставит Белоруссии "
            "12 истребителей Су-30.")
    assert c["attributed_to"] == ["Петер Сийярто"] and c["status"] == "reported"


# -- item nouns in every case, stage and status cues (lexicon) ---------------------------------------------


@pytest.mark.parametrize(("text", "item", "category"), [
    ("Белоруссия передала Сербии зенитно-ракетные комплексы.", "air defence systems", "air_defence"),
    ("Сербия получила от Белоруссии партию зенитных ракетных комплексов.", "air defence systems", "air_defence"),
    ("Россия поставила КНДР зенитные управляемые ракеты.", "air defence missiles", "missile"),
    ("Франция передала Египту противотанковые ракетные комплексы.", "anti-tank missiles", "missile"),
    ("Германия передала Литве ремонтно-эвакуационные машины.", "armoured recovery vehicles", "armoured_vehicle"),
    ("Швеция поставит Эстонии бронетранспортеры и инженерные машины.", "engineering vehicles",
     "armoured_vehicle"),
    ("Турция отправила Азербайджану машины разминирования.", "mine-clearing vehicles", "other"),
    ("Болгария продала Польше взрыватели для снарядов.", "fuzes", "ammunition"),
    ("Канада передала Латвии приборы ночного видения.", "night-vision devices", "sensor"),
    ("Италия поставила Катару учебно-тренировочные самолеты.", "trainer aircraft", "aircraft"),
    ("Германия продала Египту подводные лодки.", "submarines", "ship"),
])
def test_item_nouns_match_in_every_case(text: str, item: str, category: str) -> None:
    c = one(text, item=item)
    assert c["category"] == category


def test_umbrella_noun_passes_the_prefilter_in_any_case() -> None:
    lex = get_language(LANG).lexicon
    for text in ("Сербия снабжала оружием Египет.", "поставки оружия", "партии вооружений"):
        found = lex.generic_items.find_all(tokenize(text))  # unanalysed, as the prefilter sees it
        assert [g.item for _a, _b, g in found] == ["weapons"]


def test_may_sell_is_a_hedged_plan_and_could_have_a_hedged_delivery() -> None:
    c = one("КНДР может продать России баллистические ракеты.")
    assert (c["stage"], c["status"]) == ("planned", "reported")
    c = one("Иран мог передать России беспилотники.")
    assert (c["stage"], c["status"]) == ("delivered", "reported")


def test_claim_verb_is_no_approval_and_quoting_verb_no_delivery() -> None:
    c = one("Иран, как утверждают в Пентагоне, поставил России беспилотники.")
    assert (c["stage"], c["status"]) == ("delivered", "reported")
    c = one("Как передает ТАСС, Белоруссия получила от России истребители Су-30СМ2.")
    assert (c["supplier"], c["recipient"], c["attributed_to"]) == ("RUS", "BLR", ["ТАСС"])


def test_interest_is_negotiating_and_readiness_an_offer() -> None:
    assert one("Индонезия проявила интерес к закупке истребителей Rafale у Франции.")["stage"] == "negotiating"
    assert one("Россия готова поставить Ирану истребители Су-35.")["stage"] == "offered"


@pytest.mark.parametrize("text", [
    "Военный суд вынес приговор командиру катера.",
    "Техники ремонтируют танки на заводе в Омске.",
    "«Спартак» обыграл «Зенит», а вратарь отразил пенальти.",
    "Синоптики обещают грозу и град в Краснодаре.",
    "Клуб «Патриот» из Тулы выиграл турнир по хоккею.",
])
def test_off_topic_sentences_give_no_claim(text: str) -> None:
    assert claims(text) == []


# -- tense and coordination (issue 13) -------------------------------------------------------------------


def test_future_verb_makes_its_event_noun_planned() -> None:
    assert tok(analysed("Швеция начнет поставки Литве гаубиц."), "поставки").future
    assert one("Швеция начнет поставки Литве гаубиц Archer осенью.")["stage"] == "planned"
    assert one("Швеция возобновит поставки Литве гаубиц Archer.")["stage"] == "planned"
    assert one("Швеция начала поставки Литве гаубиц Archer.")["stage"] == "delivered"  # the past stays delivered


def test_second_conjunct_takes_the_case_of_the_first() -> None:
    toks = analysed("Вьетнам и Индия подписали соглашение.")
    assert tok(toks, "Индия").case == "nom"  # not the genitive of «индий»
    c = one("Россия и Индия заключили контракт на поставку 12 истребителей Су-30МКИ.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "IND", "ordered")


# -- who says it (issue 13) ------------------------------------------------------------------------------


def test_an_inflected_name_is_cited_in_the_nominative() -> None:
    toks = analysed("По словам Марии Захаровой, поставки продолжаются.")
    assert (tok(toks, "Марии").citation, tok(toks, "Захаровой").citation) == ("Мария", "Захарова")
    c = one("По словам Джона Кирби, КНДР передала России баллистические ракеты KN-23.")
    assert c["attributed_to"] == ["Джон Кирби"]


def test_a_place_in_front_of_a_name_keeps_its_form() -> None:
    toks = analysed("Об этом сообщил представитель Минобороны Украины Андрея Юсова.")
    assert tok(toks, "Украины").citation == ""


def test_where_words_were_said_is_no_part_of_the_speaker() -> None:
    c = one("Литва передала Украине гаубицы PzH 2000, заявил в интервью Reuters министр обороны Литвы "
            "Арвидас Анушаускас.")
    assert c["attributed_to"] == ["министр обороны Литвы Арвидас Анушаускас"]
    c = one("Литва передала Украине гаубицы PzH 2000, сообщил журналистам Арвидас Анушаускас.")
    assert c["attributed_to"] == ["Арвидас Анушаускас"]


def test_a_long_title_runs_on_to_the_name() -> None:
    c = one("Россия поставит Алжиру истребители Су-57, сообщил заместитель директора Федеральной службы по "
            "военно-техническому сотрудничеству (ФСВТС) Владимир Дрожжов.")
    assert "Владимир Дрожжов" in c["attributed_to"][0]


def test_as_he_noted_names_its_speaker_after_the_verb() -> None:
    c = one("Как отметил министр обороны Литвы Арвидас Анушаускас, Литва передаст Украине гаубицы PzH 2000.")
    assert (c["status"], c["attributed_to"]) == ("reported", ["министр обороны Литвы Арвидас Анушаускас"])


def test_he_and_his_words_are_the_speaker_named_before() -> None:
    text = ("Министр обороны Литвы Арвидас Анушаускас заявил, что Литва передала Украине гаубицы PzH 2000. "
            "По его словам, Вильнюс также передаст Киеву бронетранспортеры M113.")
    assert one(text, item="M113")["attributed_to"] == ["Министр обороны Литвы Арвидас Анушаускас"]
    text = text.replace("По его словам, Вильнюс", "Он также сообщил, что Вильнюс")
    assert one(text, item="M113")["attributed_to"] == ["Министр обороны Литвы Арвидас Анушаускас"]
    text = text.replace("Он также сообщил, что Вильнюс", "Как подчеркнул министр, Вильнюс")
    assert one(text, item="M113")["attributed_to"] == ["Министр обороны Литвы Арвидас Анушаускас"]


def test_a_passive_report_names_no_one() -> None:
    c = one("Ранее сообщалось, что Литва передаст Украине бронетранспортеры M113.")
    assert (c["status"], c["attributed_to"]) == ("reported", [])


def test_who_is_urged_or_appealed_to_supplies() -> None:
    for text in ("Молдова обратилась к Румынии с просьбой передать зенитные комплексы HAWK.",
                 "Молдова призвала Румынию передать зенитные комплексы HAWK."):
        c = one(text)
        assert (c["supplier"], c["recipient"], c["stage"]) == ("ROU", "MDA", "negotiating")


def test_consent_to_a_delivery_is_agreed_and_an_allocation_planned() -> None:
    assert one("Правительство Румынии дало согласие на поставку Молдове зенитных комплексов HAWK.")["stage"] == "agreed"
    assert one("Румыния объявила о выделении Молдове зенитных комплексов HAWK.")["stage"] == "planned"


def test_making_a_foreign_design_at_home_is_licensed_production() -> None:
    c = one("Польша наладила производство южнокорейских танков K2.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("KOR", "POL", "licensed_production")
    assert claims("Украина наладила производство снарядов калибра 155 мм.") == []  # its own: no transfer


def test_apparently_hedges() -> None:
    assert one("Норвегия, по-видимому, передала Литве гаубицы PzH 2000.")["status"] == "reported"


def test_opposing_a_delivery_is_no_transfer() -> None:
    assert claims("США выступили против поставок истребителей Су-35 Ирану.") == []
    assert claims("Вашингтон выступает против передачи Украине ракет ATACMS.") == []


def test_future_verb_governs_coordinated_event_nouns() -> None:
    # «профинансирует ремонт и передачу»: the delivery noun after «и» is the future verb's object too
    assert one("Германия профинансирует ремонт и передачу Украине танков Leopard 1.")["stage"] == "planned"
    assert one("Германия оплатила ремонт и передачу Украине танков Leopard 1.")["stage"] == "delivered"


def test_contract_with_a_partner_still_ahead_takes_the_items_origin() -> None:
    # the planned contract's delivery runs either way: the item's maker supplies
    c = one("Индия планирует заключить с Францией соглашение на поставку 31 истребителя Rafale.")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("FRA", "IND", "planned")


def test_adjective_takes_the_case_of_its_noun() -> None:
    # «немецкой» alone may be dative; beside «помощи» (a genitive after «пакет») it is genitive: the giver's demonym
    toks = analysed("Новый пакет немецкой помощи содержит системы Patriot и IRIS-T.")
    assert (tok(toks, "немецкой").case, tok(toks, "помощи").case) == ("gen", "gen")
    assert tok(analysed("Поставки иранских беспилотников России продолжаются."), "России").case == "dat"
    c = one("Пакет немецкой помощи Украине включает системы Patriot.")
    assert (c["supplier"], c["recipient"]) == ("DEU", "UKR")


def test_quoted_name_inside_a_trigger_phrase() -> None:
    # «зимнем пакете» военной помощи: the quote marks do not split «пакет военной помощи»
    got = triples("Германия объявила о «зимнем пакете» военной помощи Украине, который включает системы Patriot "
                  "и IRIS-T.")
    assert got == {("DEU", "UKR", "MIM-104 Patriot"), ("DEU", "UKR", "IRIS-T")}


def test_threat_a_delivery_answers_is_not_transferred() -> None:
    # «для сбития дронов», «для защиты от ракет»: the drones and missiles are the threat, not the goods
    assert triples("Германия передаст Украине установки Gepard (применяются для сбития дронов).") == \
        {("DEU", "UKR", "Gepard")}
    assert triples("Германия передаст Украине системы IRIS-T для защиты от российских ракет и дронов.") == \
        {("DEU", "UKR", "IRIS-T")}


def test_relative_after_a_preposition_opens_a_clause() -> None:
    # «из-за чего США исключили её из программы F-35»: the F-35 belongs to the clause after «чего»
    assert triples("Ранее Турция купила у России С-400, из-за чего США исключили её из программы F-35.") == \
        {("RUS", "TUR", "S-400 Triumf")}


def test_day_before_a_month_is_no_count() -> None:
    # «12 мая»: a date between the subject and the verb, not twelve tanks
    c = one("Германия 12 мая передала Украине танки Leopard 2.")
    assert (c["quantity"], c["when"]) == (None, "2024-05-12")


def test_this_year_and_month_in_the_locative() -> None:
    # «в этом году»: pymorphy3 reads «этом» as the pronoun «это», so the phrase is listed as written
    assert one("В этом году Германия передала Украине танки Leopard 2.")["when"] == "2024"
    assert one("В этом месяце Германия передала Украине танки Leopard 2.")["when"] == "2024-05"


def test_partyless_sentence_with_an_anaphor_continues_the_transfer() -> None:
    # «системы уже переданы»: no party of its own; the bare plural points back to the one system just named
    got = claims("Турция должна получить от России системы С-400 в этом году. По словам Шугаева, системы уже переданы.")
    assert [(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in got] == \
        [("RUS", "TUR", "S-400 Triumf", "delivered")]


def test_each_supplier_its_own_make() -> None:
    # a list of suppliers and a list of their own makes pairs them, no cross product
    assert triples("Германия и США передадут Украине танки Leopard 2 и Abrams.") == \
        {("DEU", "UKR", "Leopard 2"), ("USA", "UKR", "M1 Abrams")}
    assert triples("Польша и Германия передадут Украине танки Leopard 2.") == \
        {("POL", "UKR", "Leopard 2"), ("DEU", "UKR", "Leopard 2")}


def test_delayed_or_postponed_delivery_is_planned() -> None:
    assert one("Поставки истребителей F-16 из Нидерландов в Украину задерживаются.")["stage"] == "planned"
    assert one("Нидерланды отложили поставку Украине истребителей F-16.")["stage"] == "planned"
    assert one("Несмотря на задержки, Украина получила от Нидерландов истребители F-16.")["stage"] == "delivered"


def test_photo_caption_names_no_system_a_generic_means() -> None:
    # «Фото: … ракеты Zolfaghar»: the picture's missiles are not the ones the next sentence says Iran supplies
    text = ("Иранский депутат подтвердил поставку ракет в Россию\n\nФото: иранские баллистические ракеты Zolfaghar "
            "(Getty Images)\n\nИранский депутат заявил, что Иран поставляет России дроны и ракеты.")
    assert "Zolfaghar" not in {c["item"] for c in claims(text)}
