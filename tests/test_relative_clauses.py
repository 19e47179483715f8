"""A relative clause about an item: the item right before 'which', 'que', 'die', 'które' is the object of the transfer
verb inside that clause, with the clause's parties; the main clause and the relative lend each other a missing role."""

from __future__ import annotations

import pytest

from extraction_helpers import claims, triples

RECEIVED_WHICH_DELIVERED = [
    ("en", "Ukraine received 18 Caesar howitzers, which Denmark delivered in March."),
    ("fr", "L'Ukraine a reçu 18 canons Caesar, que le Danemark a livrés en mars."),
    ("de", "Die Ukraine hat 18 Caesar-Haubitzen erhalten, die Dänemark im März geliefert hat."),
    ("pl", "Ukraina otrzymała 18 haubic Caesar, które przekazała jej Dania w marcu."),
    ("es", "Ucrania recibió 18 obuses Caesar que Dinamarca entregó en marzo."),
    ("it", "L'Ucraina ha ricevuto 18 obici Caesar che la Danimarca ha consegnato a marzo."),
    ("ru", "Украина получила 18 гаубиц Caesar, которые ей передала Дания в марте."),
    ("uk", "Україна отримала 18 гаубиць Caesar, які їй передала Данія в березні."),
    ("nl", "Oekraïne ontving 18 Caesar-houwitsers die Denemarken in maart leverde."),
]


@pytest.mark.parametrize(("lang", "text"), RECEIVED_WHICH_DELIVERED)
def test_relative_clause_names_the_supplier_of_the_received_item(lang: str, text: str) -> None:
    found = claims(text, lang)
    assert [(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in found] == \
        [("DNK", "UKR", "CAESAR", "delivered")]
    assert found[0]["quantity"] == {"value": 18, "qualifier": "exact"}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Morocco received 12 Caesar howitzers which Denmark had bought from France in 2017."),
    ("fr", "Le Maroc a reçu 12 canons Caesar que le Danemark avait achetés à la France en 2017."),
    ("pl", "Maroko otrzymało 12 haubic Caesar, które Dania kupiła od Francji w 2017 roku."),
])
def test_relative_clause_with_its_own_recipient_is_a_transfer_of_its_own(lang: str, text: str) -> None:
    found = triples(text, lang)
    assert ("FRA", "DNK", "CAESAR") in found  # what the relative clause says
    assert ("DNK", "MAR", "CAESAR") not in found  # Denmark is the relative's buyer, not Morocco's supplier


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The ministry inspected the 30 Gripen jets that Brazil ordered from Sweden."),
    ("es", "El ministro visitó los 30 aviones Gripen que Brasil compró a Suecia."),
    ("pl", "Minister obejrzał 30 samolotów Gripen, które Brazylia zamówiła w Szwecji."),
])
def test_relative_clause_alone_carries_the_transfer(lang: str, text: str) -> None:
    assert triples(text, lang) == {("SWE", "BRA", "Gripen")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Poland showed the 12 Krab howitzers, which fired shells delivered by Iran."),
    ("fr", "La Pologne a montré les 12 obusiers Krab, qui ont tiré des obus livrés par l'Iran."),
    ("de", "Polen zeigte die 12 Krab-Haubitzen, die von Iran gelieferte Granaten abfeuerten."),
])
def test_relative_clause_about_another_item_gives_the_antecedent_nothing(lang: str, text: str) -> None:
    assert not any(c["item"] == "Krab" for c in claims(text, lang))
