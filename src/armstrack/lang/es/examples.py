"""Spanish example sentences (written for armstrack) with the (supplier, recipient, item) triples they state."""

EXAMPLES: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("España entregará seis obuses a Ucrania.", [("ESP", "UKR", "howitzers")]),
    ("Argentina compra 24 aviones F-16 a Dinamarca.", [("DNK", "ARG", "F-16")]),
    ("Los JF-17 ofrecidos por China a Argentina costarían unos 664 millones de dólares.", [("CHN", "ARG", "JF-17")]),
    ("Según Reuters, Irán habría entregado drones Shahed-136 a Rusia.", [("IRN", "RUS", "Shahed-136")]),
    ("Ucrania recibió de Alemania los primeros tanques Leopard 2A6.", [("DEU", "UKR", "Leopard 2A6")]),
    ("Los obuses fueron entregados a Ucrania por España en febrero.", [("ESP", "UKR", "howitzers")]),
    ("Corea del Norte suministró a Rusia por lo menos una docena de misiles KN-23.", [("PRK", "RUS", "KN-23")]),
    ("Argentina está en conversaciones con Estados Unidos para comprar aviones F-16.", [("USA", "ARG", "F-16")]),
    ("Turquía ofreció a Indonesia 48 aviones KAAN.", [("TUR", "IDN", "KAAN")]),
    ("Rusia compró a Irán más de mil drones.", [("IRN", "RUS", "drones")]),
    ("Egipto firmó con Francia un contrato de 30 aviones Rafale.", [("FRA", "EGY", "Rafale")]),
    ("Moscú negó haber recibido misiles de Corea del Norte.", [("PRK", "RUS", "missiles")]),
    ("Estados Unidos entregó al menos 31 tanques Abrams a Ucrania en septiembre.", [("USA", "UKR", "M1 Abrams")]),
    ("Rusia habría transferido a Irán tecnología de drones.", [("RUS", "IRN", "technology")]),
    ("Irán no ha suministrado drones a Rusia, según el ministro.", []),
    ("Rusia utilizó drones iraníes para atacar Kiev.", []),
    ("El precio del petróleo subió tras el ataque con drones contra una refinería rusa.", []),
]
