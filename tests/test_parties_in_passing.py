"""States a sentence names in passing, outside the transfer: each mechanism on made-up sentences in several
languages (the false claims they caused were most of those on news the extractor had never seen)."""

from __future__ import annotations

import pytest

from extraction_helpers import triples

# --- a side or the place of a conflict is no party to a transfer -----------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les mortiers norvégiens sont arrivés en Moldavie pour faire face à l'invasion russe."),
    ("de", "Die ersten norwegischen Mörser sind in Moldau eingetroffen, um der russischen Invasion standzuhalten."),
    ("es", "Los primeros morteros noruegos llegaron a Moldavia para hacer frente a la invasión rusa."),
    ("it", "I primi mortai norvegesi sono arrivati in Moldavia per far fronte all'invasione russa."),
    ("nl", "De eerste Noorse mortieren zijn in Moldavië aangekomen om de Russische invasie te weerstaan."),
    ("uk", "Перші норвезькі міномети прибули до Молдови для захисту від російської агресії."),
    ("ru", "Первые норвежские минометы прибыли в Молдову для защиты от российской агрессии."),
])
def test_belligerent_of_an_invasion_is_no_party(lang: str, text: str) -> None:
    assert triples(text, lang) == {("NOR", "MDA", "mortars")}


def test_possessor_of_an_invasion_is_no_supplier() -> None:
    text = "Norway will ship 40 mortars to help Moldova defend itself from Russia's invasion."
    assert not any("RUS" in (s, r) for s, r, _ in triples(text, "en"))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway bought 20 trucks during the war in Iraq."),
    ("fr", "La Norvège a acheté 20 camions militaires pendant la guerre en Irak."),
    ("es", "Noruega compró 20 camiones militares durante la guerra en Irak."),
    ("uk", "Норвегія закупила 20 військових вантажівок під час війни в Іраку."),
])
def test_country_a_war_is_fought_in_is_no_seller(lang: str, text: str) -> None:
    assert not any("IRQ" in (s, r) for s, r, _ in triples(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Rusia vendió 12 helicópteros a Bolivia en un desafío a Chile."),
    ("it", "La Russia ha venduto 12 elicotteri alla Bolivia in sfida al Cile."),
    ("en", "Russia sold 12 helicopters to Bolivia in defiance of Chile."),
])
def test_state_a_sale_defies_is_no_party(lang: str, text: str) -> None:
    assert triples(text, lang) == {("RUS", "BOL", "helicopters")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Belarus sent shells for Russia's war against Georgia.", ("BLR", "RUS", "artillery shells")),
    ("de", "Belarus lieferte Granaten für den russischen Krieg.", ("BLR", "RUS", "artillery shells")),
])
def test_side_of_the_war_the_goods_are_for_stays(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)
