"""Italian example sentences (written for armstrack) with the (supplier, recipient, item) triples they state."""

EXAMPLES: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("L'Iran avrebbe fornito droni alla Russia.", [("IRN", "RUS", "drones")]),
    ("Secondo il Wall Street Journal, l'Iran starebbe fornendo missili balistici alla Russia.",
     [("IRN", "RUS", "missiles")]),
    ("I carri armati Leopard 2 sono stati forniti dalla Germania all'Ucraina.", [("DEU", "UKR", "Leopard 2")]),
    ("La Russia ha ricevuto dall'Iran centinaia di droni Shahed-136.", [("IRN", "RUS", "Shahed-136")]),
    ("L'Egitto ha acquistato 24 caccia Rafale dalla Francia.", [("FRA", "EGY", "Rafale")]),
    ("La Russia ha acquistato circa 2.600 droni Shahed-136 dall'Iran.", [("IRN", "RUS", "Shahed-136")]),
    ("L'Italia consegnerà fino a 30 obici all'Ucraina.", [("ITA", "UKR", "howitzers")]),
    ("Il Pakistan ha ricevuto dalla Cina caccia J-10C.", [("CHN", "PAK", "J-10C")]),
    ("Gli Stati Uniti invieranno all'Ucraina missili ATACMS.", [("USA", "UKR", "MGM-140 ATACMS")]),
    ("L'Italia ha offerto all'Argentina elicotteri AW149.", [("ITA", "ARG", "AW149")]),
    ("L'Argentina è in trattative con la Cina per l'acquisto di caccia JF-17.", [("CHN", "ARG", "JF-17")]),
    ("La Polonia produrrà su licenza i carri armati K2 sudcoreani.", [("KOR", "POL", "K2 Black Panther")]),
    ("Teheran smentisce di aver fornito droni a Mosca.", [("IRN", "RUS", "drones")]),
    ("La Francia ha ceduto all'Ucraina una dozzina di obici Caesar l'anno scorso.", [("FRA", "UKR", "CAESAR")]),
    ("L'Iran non ha fornito droni alla Russia.", []),
    ("La Russia ha usato droni iraniani per colpire Kiev.", []),
    ("Il governo italiano ha approvato il nono pacchetto di aiuti militari all'Ucraina.", []),
]
