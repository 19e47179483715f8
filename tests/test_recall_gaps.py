"""Recall gaps on unseen news (issue 13): delivery verbs of shipping, item nouns that name another kind than
the lexicon had them as, requests that name the supplier as the one asked. Made-up sentences."""

from __future__ import annotations

import pytest

from extraction_helpers import one, triples

# shipping goods to a state hands them over
SHIPPED = [
    ("de", "Norwegen hat im März acht Haubitzen nach Polen verschifft.", ("NOR", "POL", "howitzers")),
    ("de", "Schweden verschiffte zwölf Panzer nach Finnland.", ("SWE", "FIN", "tanks")),
    ("nl", "Noorwegen heeft in maart acht houwitsers naar Polen verscheept.", ("NOR", "POL", "howitzers")),
    ("nl", "Zweden verscheepte twaalf tanks naar Finland.", ("SWE", "FIN", "tanks")),
    ("fr", "La Norvège a expédié huit obusiers à la Pologne.", ("NOR", "POL", "howitzers")),
    ("en", "Sweden shipped twelve tanks to Finland.", ("SWE", "FIN", "tanks")),
]


@pytest.mark.parametrize("lang,text,triple", SHIPPED)
def test_shipping_is_a_delivery(lang: str, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(text, lang)


# an aircraft piloted from the ground is a drone, not a fighter; rounds of ammunition are ammunition, one item
ITEM_NOUNS = [
    ("en", "Norway delivered four remotely piloted aircraft to Poland.", ("NOR", "POL", "drones")),
    ("de", "Norwegen hat Polen vier ferngesteuerte Flugzeuge geliefert.", ("NOR", "POL", "drones")),
    ("nl", "Noorwegen heeft Polen vier op afstand bestuurde vliegtuigen geleverd.", ("NOR", "POL", "drones")),
    ("fr", "La Norvège a livré quatre aéronefs télépilotés à la Pologne.", ("NOR", "POL", "drones")),
    ("en", "Sweden sent 80,000 ammunition rounds to Finland.", ("SWE", "FIN", "ammunition")),
    ("en", "Sweden sent 80,000 rounds of ammunition to Finland.", ("SWE", "FIN", "ammunition")),
]


@pytest.mark.parametrize("lang,text,triple", ITEM_NOUNS)
def test_item_noun_is_its_own_kind(lang: str, text: str, triple: tuple[str, str, str]) -> None:
    assert triples(text, lang) == {triple}


# who is asked (or urged) to supply supplies; the asker receives unless the clause names another recipient
REQUESTS = [
    ("de", "Litauen hat Schweden aufgefordert, Panzer zu liefern.", ("SWE", "LTU", "tanks")),
    ("de", "Die litauische Regierung hat Schweden aufgefordert, Panzer zu liefern.", ("SWE", "LTU", "tanks")),
    ("de", "Litauen hat Schweden gebeten, der Ukraine Panzer zu liefern.", ("SWE", "UKR", "tanks")),
    ("nl", "Polen heeft Noorwegen gevraagd om houwitsers aan Oekraïne te leveren.", ("NOR", "UKR", "howitzers")),
    ("fr", "La Pologne a exhorté l'Allemagne à livrer des chars.", ("DEU", "POL", "tanks")),
    ("it", "La Polonia ha esortato la Germania a fornire carri armati.", ("DEU", "POL", "tanks")),
    ("es", "Polonia instó a Alemania a enviar tanques.", ("DEU", "POL", "tanks")),
    ("en", "Poland has urged Germany to supply tanks.", ("DEU", "POL", "tanks")),
]


@pytest.mark.parametrize("lang,text,triple", REQUESTS)
def test_the_one_asked_supplies(lang: str, text: str, triple: tuple[str, str, str]) -> None:
    assert triples(text, lang) == {triple}


# two states reaching an understanding on a sale have agreed it
UNDERSTANDINGS = [
    ("fr", "Le Maroc et la France se sont entendus sur la vente de douze Rafale."),
    ("fr", "Le Maroc et la France se sont mis d'accord sur l'achat de douze Rafale."),
    ("it", "Il Marocco e la Francia si sono accordati sulla vendita di dodici Rafale."),
    ("es", "Marruecos y Francia se pusieron de acuerdo sobre la venta de doce Rafale."),
]


@pytest.mark.parametrize("lang,text", UNDERSTANDINGS)
def test_an_understanding_is_agreed(lang: str, text: str) -> None:
    assert one(text, lang, supplier="FRA", recipient="MAR", item="Rafale")["stage"] == "agreed"


# a noun for any aircraft is no fighter; beside a helicopter designation for the same pair it is those helicopters
BROAD_AIRCRAFT = [
    ("it", "L'Italia ha consegnato all'Egitto cinque elicotteri AW149. Altri tre velivoli arriveranno in Egitto "
           "dall'Italia entro giugno."),
    ("de", "Italien hat Ägypten fünf AW149-Hubschrauber geliefert. Drei weitere Luftfahrzeuge sollen im Juni aus "
           "Italien in Ägypten eintreffen."),
    ("nl", "Italië heeft Egypte vijf AW149-helikopters geleverd. Nog drie luchtvaartuigen moeten in juni vanuit "
           "Italië in Egypte aankomen."),
]


@pytest.mark.parametrize("lang,text", BROAD_AIRCRAFT)
def test_any_aircraft_beside_helicopters_is_them(lang: str, text: str) -> None:
    assert triples(text, lang) == {("ITA", "EGY", "AW149")}


@pytest.mark.parametrize("lang,text", [
    ("it", "L'Italia ha venduto al Qatar dodici velivoli."),
    ("de", "Italien hat Katar zwölf Luftfahrzeuge verkauft."),
    ("nl", "Italië heeft twaalf luchtvaartuigen aan Qatar verkocht."),
])
def test_any_aircraft_alone_is_aircraft(lang: str, text: str) -> None:
    assert triples(text, lang) == {("ITA", "QAT", "aircraft")}


# French present-tense forms the tagger takes for nouns ("livre", "commande", "prête") are the verb after a subject
@pytest.mark.parametrize("text,triple", [
    ("La Norvège livre douze chars à la Pologne.", ("NOR", "POL", "tanks")),
    ("La Suède prête des obusiers à la Finlande.", ("SWE", "FIN", "howitzers")),
    ("L'Égypte commande 30 Rafale à la France.", ("FRA", "EGY", "Rafale")),
])
def test_french_homograph_verbs(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(text, "fr")


def test_a_book_is_no_delivery() -> None:
    assert triples("Le livre de Pierre raconte la guerre.", "fr") == set()


# Spanish «obús» is the gun unless what fires it or a count no army fields says it is the projectile
@pytest.mark.parametrize("lang,text,item", [
    ("es", "Noruega enviará a Polonia ocho obuses de artillería.", "howitzers"),
    ("es", "Noruega enviará a Polonia 30.000 obuses de artillería.", "artillery shells"),
    ("es", "Noruega enviará a Polonia obuses de mortero.", "artillery shells"),
    ("it", "La Norvegia invierà alla Polonia otto obici.", "howitzers"),
    ("fr", "La Norvège enverra 30 000 obus à la Pologne.", "artillery shells"),
])
def test_howitzer_or_shell(lang: str, text: str, item: str) -> None:
    assert {i for _s, _r, i in triples(text, lang)} == {item}


@pytest.mark.parametrize("lang,text,triple", [
    ("de", "Litauen hat Schweden wiederholt aufgefordert, der Ukraine Panzer zu liefern.", ("SWE", "UKR", "tanks")),
    ("de", "Die litauische Regierung hat Schweden mehrfach aufgefordert, Panzer zu liefern.", ("SWE", "LTU", "tanks")),
    ("nl", "Polen heeft Noorwegen nogmaals gevraagd om houwitsers aan Oekraïne te leveren.",
     ("NOR", "UKR", "howitzers")),
])
def test_an_adverb_between_the_one_asked_and_the_request(lang: str, text: str, triple: tuple[str, str, str]) -> None:
    assert triples(text, lang) == {triple}
