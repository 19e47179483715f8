"""Polish example sentences (written for armstrack) with the (supplier, recipient, item) triples they state."""

EXAMPLES: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("Niemcy przekazały Ukrainie 18 czołgów Leopard 2.", [("DEU", "UKR", "Leopard 2")]),
    ("Polska kupiła od Korei Południowej 180 czołgów K2.", [("KOR", "POL", "K2 Black Panther")]),
    ("Iran miałby dostarczyć Rosji ok. 100 dronów Shahed-136.", [("IRN", "RUS", "Shahed-136")]),
    ("Według Reutersa Korea Północna przekazała Rosji 250 tys. pocisków artyleryjskich.",
     [("PRK", "RUS", "artillery shells")]),
    ("Stany Zjednoczone sprzedadzą Tajwanowi wyrzutnie HIMARS.", [("USA", "TWN", "M142 HIMARS")]),
    ("Ministerstwo Obrony Narodowej podpisało z USA umowę na zakup 250 czołgów Abrams.",
     [("USA", "POL", "M1 Abrams")]),
    ("Pierwsze haubice K9 z Korei Południowej trafiły do Polski w grudniu.", [("KOR", "POL", "K9 Thunder")]),
    ("Białoruś chciałaby otrzymać od Rosji kolejne Iskandery.", [("RUS", "BLR", "9K720 Iskander")]),
    ("Polska nie przekaże Ukrainie myśliwców F-16.", []),
    ("Rosyjskie pociski trafiły w budynek w Charkowie.", []),
    ("Legia Warszawa pokonała w sobotę Lecha Poznań 2:1.", []),
]
