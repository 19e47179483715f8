"""Trigger and stage-cue lexicons, language by language: each role (give, get, buy, deal, arrive) at its
stages, in the styles news writes them (hedged, passive, subordinate, fronted object, light-verb phrase).
Every sentence pins supplier, recipient, item and stage of the one claim it must give."""

from __future__ import annotations

import pytest

from extraction_helpers import claims

# (language, sentence, (supplier, recipient, item, stage))
CASES = [
    # German: a plural present has the infinitive's form; an article after the comma of a zu-clause is no relative
    ("de", "Die USA liefern Rumänien 96 Drohnen.", ("USA", "ROU", "drones", "delivered")),
    ("de", "Dänemark beabsichtigt, der Ukraine 19 F-16 zu überlassen.", ("DNK", "UKR", "F-16", "planned")),
    ("de", "Die Slowakei hat sich verpflichtet, der Ukraine MiG-29 zu übergeben.", ("SVK", "UKR", "MiG-29", "planned")),
    ("de", "Nordkorea hat Russland angeblich mit Raketen versorgt.", ("PRK", "RUS", "missiles", "delivered")),
    ("de", "Ägypten erwirbt 30 Rafale von Frankreich.", ("FRA", "EGY", "Rafale", "ordered")),
    ("de", "Rumänien hat die ersten F-16 aus Norwegen übernommen.", ("NOR", "ROU", "F-16", "delivered")),
    ("de", "Südkorea hat mit Polen einen Rahmenvertrag über 1000 K2-Panzer abgeschlossen.",
     ("KOR", "POL", "K2 Black Panther", "agreed")),
    ("de", "Tschechien erwägt die Anschaffung von Leopard-2A8-Panzern aus Deutschland.",
     ("DEU", "CZE", "Leopard 2A8", "negotiating")),
    ("de", "Der Bundestag billigte die Beschaffung von 35 F-35 aus den USA.", ("USA", "DEU", "F-35", "agreed")),
    ("de", "Frankreich hat Serbien Rafale-Kampfjets angeboten.", ("FRA", "SRB", "Rafale", "offered")),
    ("de", "Die ersten Leopard-Panzer aus Spanien sind in der Ukraine eingetroffen.",
     ("ESP", "UKR", "Leopard", "delivered")),
    ("de", "Brasilien lässt in Lizenz Gripen-Kampfjets aus Schweden fertigen.",
     ("SWE", "BRA", "Gripen", "licensed_production")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_trigger_lexicon(lang: str, text: str, expected: tuple[str, str, str, str]) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert got == {expected}
