"""A sentence with no party continues the transfer before it only when that transfer names goods of its own: after
'Pakistan and China were Sri Lanka's main arms suppliers' the Mi-171's maker, named in the text, supplies it."""

from __future__ import annotations

import pytest

from extraction_helpers import triples


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Россия поставит Шри-Ланке 14 вертолетов Ми-171. Прежде основными поставщиками оружия Шри-Ланке были "
           "Пакистан и Китай. В какой модификации этой стране будут поставлены новые Ми-171, пока неизвестно."),
    ("en", "Russia will supply 14 Mi-171 helicopters to Sri Lanka. Pakistan and China used to be the main arms "
           "suppliers of Sri Lanka. New Mi-171 helicopters will be delivered to this country."),
    ("fr", "La Russie livrera 14 hélicoptères Mi-171 au Sri Lanka. Le Pakistan et la Chine étaient auparavant les "
           "principaux fournisseurs d'armes du Sri Lanka. De nouveaux Mi-171 seront livrés à ce pays."),
])
def test_umbrella_suppliers_do_not_supply_the_next_item(lang: str, text: str) -> None:
    # (that they supplied weapons in general before may be a claim of its own; the helicopters are Russia's alone)
    assert {t for t in triples(text, lang) if t[2] != "weapons"} == {("RUS", "LKA", "Mi-171")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The United States and Germany sent aid. Germany has delivered tanks to Ukraine. The package also includes "
           "two Patriot systems."),
    ("de", "Deutschland hat der Ukraine Panzer geliefert. Das Paket enthält auch 10 Patriot-Systeme."),
])
def test_a_package_of_goods_still_continues(lang: str, text: str) -> None:
    assert ("DEU", "UKR", "MIM-104 Patriot") in triples(text, lang)
