"""French example sentences (written for armstrack) with the (supplier, recipient, item) triples they state."""

EXAMPLES: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("La France a livré douze canons Caesar à l'Ukraine en mars.", [("FRA", "UKR", "CAESAR")]),
    ("L'Algérie a acheté 14 chasseurs Su-35 à la Russie.", [("RUS", "DZA", "Su-35")]),
    ("Des missiles Storm Shadow ont été fournis à Kiev par le Royaume-Uni.", [("GBR", "UKR", "Storm Shadow")]),
    ("La livraison de drones iraniens à la Russie inquiète les Occidentaux.", [("IRN", "RUS", "drones")]),
    ("Selon Séoul, Pyongyang aurait livré des obus d'artillerie à Moscou.", [("PRK", "RUS", "artillery shells")]),
    ("L'Inde a signé un accord avec la Russie pour produire sous licence des fusils d'assaut AK-203.",
     [("RUS", "IND", "AK-203")]),
    ("« Nous n'avons jamais exporté de munitions vers la Russie », a déclaré un responsable.", []),
    ("Un Il-76 de l'armée de l'air iranienne a volé de Téhéran à Moscou.", []),
    ("Le PSG a battu Lyon 3 à 1 dimanche sous une rafale de vent.", []),
]
