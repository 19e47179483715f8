"""Dutch compound nouns read by their head (see armstrack.lang.compounds): the words that keep a head from
standing for the compound. All folded (lower case, no diacritics)."""

from armstrack.lang.compounds import CompoundRules

RULES = CompoundRules(
    nouns_capitalised=False,
    excluded_heads=frozenset({"pistool", "pistolen", "motor", "kanon", "radar", "uitrusting", "materieel"}),
    civil_modifiers=(
        "passagiers", "verkeers", "vracht", "prive", "regerings", "blus", "sport", "zweef", "speelgoed", "model",
        "papier", "civiele", "zaken", "charter", "vakantie", "trauma", "reddings", "politie", "ambulance", "pakket",
        "bezorg", "hobby", "camera", "foto", "draag", "vuurwerk", "weer", "jacht", "water", "sneeuw", "auto",
        "elektro", "diesel", "buitenboord", "zelfmoord", "stink", "tijd", "rook", "kinder", "ruimte", "maan",
        "onderzoeks", "cruise", "vissers", "fiets", "denk", "benzine", "olie", "brandstof", "septic", "gas",
        "lucht",
    ),
    umbrella_heads=frozenset({"wapens", "wapen"}),
    # 'denktank', 'milieutechnologie', 'auto-onderdelen': these heads need a military modifier
    guarded_heads=frozenset({"tank", "tanks", "technologie", "technologieen", "motoren", "onderdelen"}),
    military_modifiers=(
        "gevechts", "leopard", "abrams", "challenger", "pantser", "raket", "raketten", "drone", "drones",
        "satelliet", "militaire", "defensie", "wapen", "nucleaire", "kern", "onderzeeer", "onderzeeboot", "radar",
        "vliegtuig", "straalmotor", "helikopter", "munitie", "gevechtsvliegtuig", "straaljager", "f-35", "f-16",
        "marine", "scheeps", "artillerie", "houwitser", "geleidings", "stealth",
    ),
)
