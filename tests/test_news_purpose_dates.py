"""A purpose clause's past form and the date of an earlier stage, on made-up news sentences."""

from __future__ import annotations

import pytest

from extraction_helpers import one

# --- "чтобы Украина получила": a purpose or wish clause names what is sought, not what happened --------------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("ru", "Была проведена большая работа, чтобы Украина получила шведские истребители Gripen.", "planned"),
    ("ru", "Швеция передала Украине истребители Gripen, чтобы усилить оборону.", "delivered"),
    ("ru", "Чтобы усилить оборону, Швеция поставила Украине истребители Gripen.", "delivered"),
    ("uk", "Проведена велика робота над тим, аби Україна отримала шведські винищувачі Gripen.", "planned"),
    ("uk", "Ми працюємо, щоб Україна отримала винищувачі Gripen від Швеції.", "planned"),
    ("uk", "Щоб посилити ППО, Швеція передала Україні винищувачі Gripen.", "delivered"),
    ("pl", "Rząd pracuje nad tym, aby Ukraina otrzymała szwedzkie myśliwce Gripen.", "planned"),
    ("pl", "Zrobiono wiele, żeby Ukraina dostała szwedzkie myśliwce Gripen.", "planned"),
    ("pl", "Szwecja przekazała Ukrainie myśliwce Gripen, aby wzmocnić obronę.", "delivered"),
])
def test_purpose_clause_is_no_delivery(lang: str, text: str, stage: str) -> None:
    assert one(text, lang, supplier="SWE", recipient="UKR")["stage"] == stage


# --- a delivery keeps no date of the pledge before it ----------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Denmark has handed over all its CAESAR howitzers to Ukraine. On 19 January Denmark said it would give "
           "Ukraine 19 CAESAR howitzers."),
    ("fr", "Le Danemark a livré à l'Ukraine tous ses canons CAESAR. Le 19 janvier, le Danemark avait annoncé qu'il "
           "donnerait 19 CAESAR à l'Ukraine."),
    ("de", "Dänemark hat der Ukraine alle seine CAESAR-Haubitzen übergeben. Am 19. Januar hatte Dänemark angekündigt, "
           "der Ukraine 19 CAESAR zu liefern."),
    ("ru", "Дания передала Украине все свои гаубицы CAESAR. Напомним, 19 января Дания сообщила, что передаст Украине "
           "19 гаубиц CAESAR."),
    ("uk", "Данія передала Україні всі свої гаубиці CAESAR. Нагадаємо, 19 січня Данія повідомила, що передасть "
           "Україні 19 гаубиць CAESAR."),
])
def test_delivery_takes_no_date_of_its_pledge(lang: str, text: str) -> None:
    c = one(text, lang, supplier="DNK", recipient="UKR")
    assert (c["stage"], c["when"]) == ("delivered", None)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Denmark has handed over all its CAESAR howitzers to Ukraine. Denmark delivered the first CAESAR "
           "howitzers to Ukraine on 19 January."),
    ("uk", "Данія передала Україні всі свої гаубиці CAESAR. Перші гаубиці CAESAR Данія передала Україні 19 січня."),
])
def test_delivery_keeps_a_date_of_its_own_stage(lang: str, text: str) -> None:
    c = one(text, lang, supplier="DNK", recipient="UKR")
    assert (c["stage"], c["when"]) == ("delivered", "2024-01-19")


# --- "in April last year": the year cue after a month sets the month's year --------------------------------------


@pytest.mark.parametrize(("lang", "text", "when"), [
    ("en", "The United States delivered the first Patriot systems to Ukraine in April last year.", "2023-04"),
    ("fr", "Les États-Unis ont livré les premiers systèmes Patriot à l'Ukraine en avril l'année dernière.", "2023-04"),
    ("de", "Die USA haben der Ukraine im April vergangenen Jahres die ersten Patriot-Systeme geliefert.", "2023-04"),
    ("ru", "США передали Украине системы Patriot в апреле прошлого года.", "2023-04"),
    ("uk", "Перші системи Patriot США передали Україні у квітні минулого року.", "2023-04"),
    ("uk", "США передадуть Україні системи Patriot у березні наступного року.", "2025-03"),
    ("en", "The United States delivered Patriot systems to Ukraine in April.", "2024-04"),
])
def test_month_takes_the_year_its_cue_names(lang: str, text: str, when: str) -> None:
    assert one(text, lang, published="2024-05-01", supplier="USA", recipient="UKR")["when"] == when


# --- "предназначенных для поставок Египту": goods made for a delivery are not yet delivered -----------------------


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("ru", "Россия начала производство первой партии истребителей Су-35, предназначенных для поставок Египту.",
     "planned"),
    ("ru", "Россия произвела истребители Су-35, предназначенные для поставок Египту.", "planned"),
    ("ru", "Россия поставила Египту истребители Су-35 для ВВС страны.", "delivered"),
    ("uk", "Росія почала виробництво винищувачів Су-35 для поставки до Єгипту.", "planned"),
    ("uk", "Росія передала Єгипту винищувачі Су-35 для ВПС країни.", "delivered"),
])
def test_delivery_named_as_a_purpose_lies_ahead(lang: str, text: str, stage: str) -> None:
    assert one(text, lang, supplier="RUS", recipient="EGY")["stage"] == stage
