"""English example sentences (written for armstrack) with the (supplier, recipient, item) triples they state."""

EXAMPLES: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("Germany delivered 18 Leopard 2A6 tanks to Ukraine in March.", [("DEU", "UKR", "Leopard 2A6")]),
    ("The United States will give Taiwan 66 F-16V fighter jets.", [("USA", "TWN", "F-16V")]),
    ("Kyiv has received Storm Shadow missiles, which were supplied by Britain.", [("GBR", "UKR", "Storm Shadow")]),
    ("Ukraine uses SCALP missiles supplied by France and Italy.",
     [("FRA", "UKR", "Storm Shadow"), ("ITA", "UKR", "Storm Shadow")]),
    ("Indonesia signed a $450 million deal to buy BrahMos missiles from India.", [("IND", "IDN", "BrahMos")]),
    ("Germany has not delivered Taurus missiles to Ukraine.", []),
    ("Ukraine used HIMARS launchers to strike a bridge.", []),
    ("The Tigers beat the Hawks 3-1 on Sunday.", []),
]
