"""A list of recipients with a count in brackets after each: every recipient is a party of the transfer,
and its bracketed count is its own quantity."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document


def rows(code: str, text: str) -> set[tuple[str | None, str | None, str, float | None]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item, c.quantity.value if c.quantity else None)
            for c in Extractor(code).extract(doc).claims}


EXPECTED = {("FRA", "QAT", "Rafale", 36), ("FRA", "IND", "Rafale", 36), ("FRA", "GRC", "Rafale", 24)}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "France has sold Rafale jets to Qatar (36 aircraft), India (36) and Greece (24)."),
    ("fr", "La France a vendu des avions Rafale au Qatar (36 exemplaires), à l'Inde (36) et à la Grèce (24)."),
    ("es", "Francia ha vendido cazas Rafale a Catar (36 unidades), India (36) y Grecia (24)."),
    ("it", "La Francia ha venduto caccia Rafale al Qatar (36 esemplari), all'India (36) e alla Grecia (24)."),
    ("de", "Frankreich verkaufte Rafale-Jets an Katar (36), Indien (36) und Griechenland (24)."),
])
def test_each_recipient_of_a_bracketed_list_has_its_own_count(code: str, text: str) -> None:
    assert rows(code, text) == EXPECTED


def test_a_year_in_brackets_is_no_count() -> None:
    assert rows("en", "Germany delivered 14 Leopard tanks to Ukraine (2023) and Poland (2024).") == {
        ("DEU", "UKR", "Leopard", None), ("DEU", "POL", "Leopard", None)}


def test_one_recipient_keeps_the_count_on_its_item() -> None:
    assert rows("en", "France sold 24 Rafale jets to Greece (an order signed in 2021).") == {
        ("FRA", "GRC", "Rafale", 24)}


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "L'Ukraine a reçu des chars britanniques Challenger 2, des blindés américains Stryker et des Marder "
           "allemands."),
    ("es", "Ucrania recibió tanques británicos Challenger 2, blindados estadounidenses Stryker y Marder alemanes."),
    ("it", "L'Ucraina ha ricevuto carri armati britannici Challenger 2, blindati americani Stryker e Marder tedeschi."),
    ("en", "Ukraine received British Challenger 2 tanks, American Stryker vehicles and German Marder vehicles."),
])
def test_each_item_of_a_list_keeps_its_own_origin(code: str, text: str) -> None:
    """A demonym between a head noun and its name is that item's origin, so the demonym that ends the list
    is only the last item's."""
    assert {(s, r, i) for s, r, i, _ in rows(code, text)} == {
        ("GBR", "UKR", "Challenger 2"), ("USA", "UKR", "Stryker"), ("DEU", "UKR", "Marder")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The United States has sold F-16 jets to several countries, including Bahrain and Slovakia."),
    ("en", "The United States has sold F-16 jets to several countries such as Bahrain and Slovakia."),
    ("fr", "Les États-Unis ont vendu des F-16 à plusieurs pays, dont Bahreïn et la Slovaquie."),
    ("fr", "Les États-Unis ont vendu des F-16 à plusieurs pays, notamment Bahreïn et la Slovaquie."),
    ("es", "Estados Unidos ha vendido F-16 a varios países, entre ellos Bahréin y Eslovaquia."),
    ("it", "Gli Stati Uniti hanno venduto F-16 a diversi paesi, tra cui il Bahrein e la Slovacchia."),
    ("pl", "Stany Zjednoczone sprzedały F-16 kilku krajom, w tym Bahrajnowi i Słowacji."),
])
def test_countries_a_listing_word_names_are_the_recipients(code: str, text: str) -> None:
    assert rows(code, text) == {("USA", "BHR", "F-16", None), ("USA", "SVK", "F-16", None)}


def test_a_list_of_countries_before_the_trigger_is_its_subject() -> None:
    assert rows("en", "Several countries, including Bahrain and Slovakia, have ordered F-16 jets from the United "
                      "States.") == {("USA", "BHR", "F-16", None), ("USA", "SVK", "F-16", None)}
