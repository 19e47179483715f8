"""German compound nouns read by their head (see armstrack.lang.compounds): the words that keep a head from
standing for the compound. All folded (lower case, no umlauts, ß → ss)."""

from armstrack.lang.compounds import CompoundRules

RULES = CompoundRules(
    nouns_capitalised=True,
    # heads that end unrelated words: Ausschuss, Zuschuss, Erdgeschoss, Geschossdecke; 'jets' (Privatjets) is short
    excluded_heads=frozenset({"schuss", "geschoss", "geschosse", "geschossen", "pistole", "pistolen", "kanone",
                              "mine", "minen", "westen", "radare"}),
    civil_modifiers=(
        "passagier", "verkehrs", "linien", "fracht", "privat", "regierungs", "losch", "sport", "segel", "ultraleicht",
        "agrar", "spielzeug", "modell", "papier", "zivil", "geschafts", "business", "charter", "urlaubs", "rettungs",
        "polizei", "ambulanz", "notarzt", "liefer", "paket", "hobby", "kamera", "foto", "trager", "feuerwerks",
        "silvester", "wetter", "luft", "jagd", "wasser", "schnee", "auto", "elektro", "diesel", "boots",
        "aussenbord", "selbstmord", "stink", "zeit", "rauch", "softair", "paintball", "schreckschuss", "bade",
        "kinder", "raum", "mond", "forschungs", "kreuzfahrt", "fischerei", "fahrrad", "motorrad",
    ),
    umbrella_heads=frozenset({"waffen", "waffe"}),
    # 'Umwelttechnologie', 'Elektromotoren', 'Autoersatzteile': these heads need a military modifier
    guarded_heads=frozenset({"technologie", "technologien", "motoren", "triebwerk", "triebwerke", "triebwerken",
                             "ersatzteil", "ersatzteile", "ersatzteilen"}),
    military_modifiers=(
        "raketen", "drohnen", "panzer", "flugzeug", "flugzeugs", "satelliten", "militar", "rustungs", "waffen",
        "nuklear", "atom", "u-boot", "u-boot-", "radar", "triebwerks", "tarnkappen", "verteidigungs", "raumfahrt",
        "luftfahrt", "hubschrauber", "munitions", "sprengstoff", "kampfjet", "kampfflugzeug", "jet", "marine",
        "kriegsschiff", "schiffs", "artillerie", "geschutz", "haubitzen", "lenkwaffen", "steuerungs",
        "lenk", "zielerfassungs", "sensor", "marschflugkorper", "gewehr",
    ),
)
