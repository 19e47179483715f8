"""German smoke-test sentences: (text, expected (supplier, recipient, item) triples)."""

from __future__ import annotations

EXAMPLES: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("Die Ukraine erhält von Deutschland weitere IRIS-T-Systeme.", [("DEU", "UKR", "IRIS-T")]),
    ("Russland kauft Drohnen aus dem Iran.", [("IRN", "RUS", "drones")]),
    ("Iran habe Russland Drohnen vom Typ Shahed-136 geliefert.", [("IRN", "RUS", "Shahed-136")]),
    ("Russland bietet Indien Kampfjets vom Typ Su-57 an.", [("RUS", "IND", "Su-57")]),
    ("Nordkorea soll Russland Millionen Artilleriegranaten geliefert haben.",
     [("PRK", "RUS", "artillery shells")]),
    ("Polen hat in Südkorea rund 1.000 Kampfpanzer bestellt.", [("KOR", "POL", "tanks")]),
    ("Die Türkei hat Indonesien Kampfdrohnen vom Typ Bayraktar TB2 angeboten.",
     [("TUR", "IDN", "Bayraktar TB2")]),
    ("Teheran bestreitet, Russland Kampfdrohnen geliefert zu haben.", [("IRN", "RUS", "drones")]),
    ("Der Kreml dementierte, dass Nordkorea Russland Raketen geliefert habe.", [("PRK", "RUS", "missiles")]),
    ("Die Ukraine setzt von den USA gelieferte Raketenwerfer vom Typ HIMARS ein.", [("USA", "UKR", "M142 HIMARS")]),
    ("Frankreich liefert Polen zwölf Haubitzen vom Typ Caesar.", [("FRA", "POL", "CAESAR")]),
    ("Deutschland liefert keine Marschflugkörper vom Typ Taurus an die Ukraine.", []),
    ("Russland setzt seit Monaten iranische Drohnen gegen ukrainische Städte ein.", []),
    ("Der FC Bayern hat den Stürmer für 100 Millionen Euro aus Spanien gekauft.", []),
]
