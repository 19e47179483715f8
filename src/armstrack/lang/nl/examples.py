"""Dutch example sentences (written for armstrack) with the (supplier, recipient, item) triples they state."""

EXAMPLES: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("Nederland levert F-16's aan Oekraïne.", [("NLD", "UKR", "F-16")]),
    ("Oekraïne heeft van Nederland de eerste F-16's ontvangen.", [("NLD", "UKR", "F-16")]),
    ("De F-16's worden door Nederland aan Oekraïne geleverd.", [("NLD", "UKR", "F-16")]),
    ("Iran zou drones aan Rusland hebben geleverd.", [("IRN", "RUS", "drones")]),
    ("Iran heeft zo'n 300 drones aan Rusland geleverd, aldus Reuters.", [("IRN", "RUS", "drones")]),
    ("Polen kocht 250 Abrams-tanks van de Verenigde Staten.", [("USA", "POL", "M1 Abrams")]),
    ("België koopt voor ongeveer 4 miljard euro 34 F-35’s van de Verenigde Staten.", [("USA", "BEL", "F-35")]),
    ("Nederland stuurt meer dan 100 pantservoertuigen naar Oekraïne.", [("NLD", "UKR", "armoured vehicles")]),
    ("Duitsland wil tot 30 tanks aan Oekraïne leveren.", [("DEU", "UKR", "tanks")]),
    ("Zweden biedt Oekraïne Gripen-gevechtsvliegtuigen aan.", [("SWE", "UKR", "Gripen")]),
    ("Nederland is in gesprek met de Verenigde Staten over de aankoop van F-35's.", [("USA", "NLD", "F-35")]),
    ("De Verenigde Staten sturen ATACMS-raketten naar Oekraïne.", [("USA", "UKR", "MGM-140 ATACMS")]),
    ("Iran ontkent drones aan Rusland te hebben geleverd.", [("IRN", "RUS", "drones")]),
    ("Rusland zou technologie voor drones aan Iran hebben overgedragen.", [("RUS", "IRN", "technology")]),
    ("Iran heeft geen drones aan Rusland geleverd.", []),
    ("Rusland heeft Iraanse drones ingezet bij aanvallen op Kiev.", []),
    ("Ajax heeft de Deense middenvelder gekocht van FC Kopenhagen voor ongeveer 12 miljoen euro.", []),
]
