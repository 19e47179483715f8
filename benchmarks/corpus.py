"""A deterministic synthetic news corpus for benchmarks: half French, half English, 250-700 words an
article, about 85% off-topic news and 15% arms-transfer stories embedded among off-topic paragraphs.

    python benchmarks/corpus.py 1000 > corpus.jsonl
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass

from armstrack.model import Document

ARMS_SHARE = 0.15
MIN_WORDS, MAX_WORDS = 250, 700
TOPICS = ("sport", "weather", "business", "politics", "culture", "science", "health", "transport", "courts")
SLOT = re.compile(r"\{(\w+)\}")
# "de Israël" → "d'Israël", "que au" → "qu'au": French elision after filling the slots.
ELISION = re.compile(r"\b([Qq]u|[Dd])e (?=[aeiouyéèêâîôAEIOUYÉÈÊÂÎÔ]|h[éô])")
START, END = dt.date(2022, 1, 3), dt.date(2025, 6, 27)

# ---------------------------------------------------------------------------- the world of the stories


@dataclass(frozen=True)
class Country:
    code: str
    en: str
    en_adj: str
    en_cap: str
    fr: str  # with its article: "la France", "le Mali", "Israël"
    fr_adj: str  # masculine singular
    fr_cap: str
    fr_subj: str = ""  # a capital standing in for a plural name as a subject ("Washington")


@dataclass(frozen=True)
class System:
    name: str
    en_noun: str
    fr_noun: str  # masculine plural, so participles can agree
    makers: tuple[str, ...]
    low: int
    high: int
    en_phrase: str = ""  # overrides "{name} {en_noun}"
    fr_phrase: str = ""  # overrides "{fr_noun} {name}"


COUNTRIES = {c.code: c for c in (
    Country("DEU", "Germany", "German", "Berlin", "l'Allemagne", "allemand", "Berlin"),
    Country("FRA", "France", "French", "Paris", "la France", "français", "Paris"),
    Country("USA", "the United States", "US", "Washington", "les États-Unis", "américain", "Washington",
            "Washington"),
    Country("GBR", "Britain", "British", "London", "le Royaume-Uni", "britannique", "Londres"),
    Country("RUS", "Russia", "Russian", "Moscow", "la Russie", "russe", "Moscou"),
    Country("IRN", "Iran", "Iranian", "Tehran", "l'Iran", "iranien", "Téhéran"),
    Country("UKR", "Ukraine", "Ukrainian", "Kyiv", "l'Ukraine", "ukrainien", "Kiev"),
    Country("IND", "India", "Indian", "New Delhi", "l'Inde", "indien", "New Delhi"),
    Country("TUR", "Turkey", "Turkish", "Ankara", "la Turquie", "turc", "Ankara"),
    Country("KOR", "South Korea", "South Korean", "Seoul", "la Corée du Sud", "sud-coréen", "Séoul"),
    Country("PRK", "North Korea", "North Korean", "Pyongyang", "la Corée du Nord", "nord-coréen", "Pyongyang"),
    Country("CHN", "China", "Chinese", "Beijing", "la Chine", "chinois", "Pékin"),
    Country("ISR", "Israel", "Israeli", "Jerusalem", "Israël", "israélien", "Jérusalem"),
    Country("ITA", "Italy", "Italian", "Rome", "l'Italie", "italien", "Rome"),
    Country("SWE", "Sweden", "Swedish", "Stockholm", "la Suède", "suédois", "Stockholm"),
    Country("POL", "Poland", "Polish", "Warsaw", "la Pologne", "polonais", "Varsovie"),
    Country("NOR", "Norway", "Norwegian", "Oslo", "la Norvège", "norvégien", "Oslo"),
    Country("BLR", "Belarus", "Belarusian", "Minsk", "la Biélorussie", "biélorusse", "Minsk"),
    Country("PAK", "Pakistan", "Pakistani", "Islamabad", "le Pakistan", "pakistanais", "Islamabad"),
    Country("EGY", "Egypt", "Egyptian", "Cairo", "l'Égypte", "égyptien", "Le Caire"),
    Country("SAU", "Saudi Arabia", "Saudi", "Riyadh", "l'Arabie saoudite", "saoudien", "Riyad"),
    Country("ARE", "the United Arab Emirates", "Emirati", "Abu Dhabi", "les Émirats arabes unis", "émirien",
            "Abou Dhabi", "Abou Dhabi"),
    Country("QAT", "Qatar", "Qatari", "Doha", "le Qatar", "qatari", "Doha"),
    Country("BRA", "Brazil", "Brazilian", "Brasília", "le Brésil", "brésilien", "Brasília"),
    Country("IDN", "Indonesia", "Indonesian", "Jakarta", "l'Indonésie", "indonésien", "Jakarta"),
    Country("GRC", "Greece", "Greek", "Athens", "la Grèce", "grec", "Athènes"),
    Country("MAR", "Morocco", "Moroccan", "Rabat", "le Maroc", "marocain", "Rabat"),
    Country("DZA", "Algeria", "Algerian", "Algiers", "l'Algérie", "algérien", "Alger"),
    Country("MLI", "Mali", "Malian", "Bamako", "le Mali", "malien", "Bamako"),
    Country("PHL", "the Philippines", "Philippine", "Manila", "les Philippines", "philippin", "Manille", "Manille"),
    Country("VNM", "Vietnam", "Vietnamese", "Hanoi", "le Vietnam", "vietnamien", "Hanoï"),
    Country("SRB", "Serbia", "Serbian", "Belgrade", "la Serbie", "serbe", "Belgrade"),
    Country("ARM", "Armenia", "Armenian", "Yerevan", "l'Arménie", "arménien", "Erevan"),
)}
# who plausibly buys from whom: a supplier's clients are its bloc's, or anyone's for the others
CLIENTS = {
    "west": ("UKR", "IND", "POL", "GRC", "EGY", "SAU", "ARE", "QAT", "BRA", "IDN", "MAR", "PHL", "ITA", "NOR", "SWE",
             "DEU", "FRA", "GBR", "KOR", "ISR", "ARM", "VNM"),
    "east": ("RUS", "IRN", "DZA", "MLI", "SRB", "PAK", "BLR", "EGY", "IND", "VNM", "ARM", "CHN", "PRK"),
    "other": tuple(c for c in COUNTRIES if c != "USA"),
}
BLOC = {c: "west" for c in ("DEU", "FRA", "USA", "GBR", "ITA", "SWE", "NOR", "POL", "ISR", "KOR")} | {
    c: "east" for c in ("RUS", "IRN", "PRK", "CHN", "BLR")}

SYSTEMS = (
    System("Leopard 2A6", "tanks", "chars", ("DEU",), 6, 80),
    System("Leopard 1A5", "tanks", "chars", ("DEU",), 10, 120),
    System("IRIS-T SLM", "air defence systems", "systèmes de défense aérienne", ("DEU",), 1, 6),
    System("PzH 2000", "self-propelled howitzers", "obusiers automoteurs", ("DEU",), 4, 24),
    System("Boxer", "armoured vehicles", "véhicules blindés", ("DEU",), 20, 200),
    System("Rafale M", "jets", "avions de combat", ("FRA",), 12, 36),
    System("Rafale F4", "fighter jets", "avions de combat", ("FRA",), 6, 80),
    System("CAESAR", "self-propelled guns", "canons automoteurs", ("FRA",), 6, 36),
    System("SCALP-EG", "cruise missiles", "missiles de croisière", ("FRA",), 10, 60),
    System("Mistral 3", "surface-to-air missiles", "missiles sol-air", ("FRA",), 50, 600),
    System("H225M Caracal", "helicopters", "hélicoptères", ("FRA",), 4, 20),
    System("Scorpène", "submarines", "sous-marins", ("FRA",), 2, 6),
    System("F-16 Block 70", "fighter jets", "avions de combat", ("USA",), 8, 40),
    System("F-35A", "stealth fighters", "avions de combat furtifs", ("USA",), 12, 48),
    System("HIMARS", "rocket launchers", "lance-roquettes", ("USA",), 4, 40),
    System("Patriot PAC-3", "air defence systems", "systèmes de défense antiaérienne", ("USA",), 1, 8),
    System("AH-64E Apache", "attack helicopters", "hélicoptères d'attaque", ("USA",), 6, 36),
    System("M1A2 Abrams", "tanks", "chars", ("USA",), 10, 250),
    System("Javelin", "anti-tank missiles", "missiles antichars", ("USA",), 100, 2000),
    System("M777", "howitzers", "obusiers", ("USA", "GBR"), 6, 90),
    System("NASAMS", "air defence systems", "systèmes de défense aérienne", ("NOR", "USA"), 1, 8),
    System("Storm Shadow", "cruise missiles", "missiles de croisière", ("GBR",), 10, 80),
    System("Challenger 2", "tanks", "chars", ("GBR",), 6, 30),
    System("Shahed-136", "attack drones", "drones d'attaque", ("IRN",), 50, 2400),
    System("Mohajer-6", "drones", "drones", ("IRN",), 2, 40),
    System("Fateh-110", "ballistic missiles", "missiles balistiques", ("IRN",), 20, 400),
    System("Su-35", "fighter jets", "avions de combat", ("RUS",), 6, 48),
    System("S-400 Triumf", "air defence systems", "systèmes de défense aérienne", ("RUS",), 1, 5),
    System("Pantsir-S1", "air defence systems", "systèmes antiaériens", ("RUS",), 2, 20),
    System("Mi-17", "transport helicopters", "hélicoptères de transport", ("RUS",), 2, 30),
    System("Ka-52", "attack helicopters", "hélicoptères d'attaque", ("RUS",), 4, 24),
    System("Orlan-10", "reconnaissance drones", "drones de reconnaissance", ("RUS",), 10, 200),
    System("Kornet", "anti-tank missiles", "missiles antichars", ("RUS",), 50, 800),
    System("T-72", "tanks", "chars", ("RUS", "POL", "BLR"), 10, 200),
    System("Bayraktar TB2", "armed drones", "drones armés", ("TUR",), 2, 24),
    System("K9 Thunder", "self-propelled howitzers", "obusiers automoteurs", ("KOR",), 10, 200),
    System("K2 Black Panther", "tanks", "chars", ("KOR",), 50, 400),
    System("FA-50", "light combat aircraft", "avions de combat légers", ("KOR",), 6, 48),
    System("KN-23", "ballistic missiles", "missiles balistiques", ("PRK",), 10, 100),
    System("155 mm", "artillery shells", "obus", ("USA", "KOR", "PRK", "DEU", "FRA"), 10_000, 300_000,
           "155mm artillery shells", "obus de 155 mm"),
    System("Wing Loong II", "armed drones", "drones armés", ("CHN",), 2, 30),
    System("JF-17 Thunder", "fighter jets", "avions de combat", ("CHN", "PAK"), 8, 40),
    System("HQ-9", "air defence systems", "systèmes de défense aérienne", ("CHN",), 1, 6),
    System("Iron Dome", "air defence systems", "systèmes antimissiles", ("ISR",), 1, 4),
    System("Hermes 900", "drones", "drones", ("ISR",), 2, 20),
    System("Gripen E", "fighter jets", "avions de combat", ("SWE",), 8, 40),
    System("CV90", "infantry fighting vehicles", "véhicules de combat d'infanterie", ("SWE",), 20, 200),
    System("Piorun", "portable air defence missiles", "missiles sol-air portatifs", ("POL",), 50, 500),
    System("Krab", "self-propelled howitzers", "obusiers automoteurs", ("POL",), 6, 54),
    System("BrahMos", "cruise missiles", "missiles de croisière", ("IND",), 10, 100),
)

# ---------------------------------------------------------------------------- words shared by all topics

VOCAB: dict[str, dict[str, list[str]]] = {
    "en": {
        "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        "month": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"],
        "ordinal": ["second", "third", "fourth", "fifth", "sixth", "seventh"],
        "first": ["James", "Sarah", "Daniel", "Priya", "Michael", "Emma", "Tom", "Aisha", "Rachel", "David",
                  "Laura", "Kwame", "Sofia", "Owen", "Helen", "Marcus", "Chloe", "Ben"],
        "last": ["Whitfield", "Okafor", "Harris", "Lindqvist", "Patel", "Morgan", "Reyes", "Fletcher", "Byrne",
                 "Clarke", "Nakamura", "Doyle", "Grant", "Hughes", "Sutton", "Kowalski"],
        "city": ["Manchester", "Leeds", "Bristol", "Glasgow", "Cardiff", "Toronto", "Dublin", "Melbourne",
                 "Denver", "Liverpool", "Edinburgh", "Auckland", "Sheffield", "Newcastle"],
        "dest": ["Lisbon", "Marrakesh", "Reykjavik", "Naples", "Porto", "Split", "Montreal", "Valencia"],
        "team": ["Arsenal", "Everton", "Leeds United", "Brighton", "Celtic", "Ajax", "Benfica", "Porto", "Napoli",
                 "Sevilla", "Feyenoord", "Aston Villa", "Rangers", "Fulham"],
        "company": ["Halvorsen Foods", "Brightwater Energy", "Kestrel Logistics", "Norland Bank", "Meridian Telecom",
                    "Ashby Motors", "Corvid Software", "Pellham Retail", "Greystone Insurance", "Tamber Pharma"],
        "index": ["London's FTSE 100", "the S&P 500", "Frankfurt's DAX", "Tokyo's Nikkei", "the Stoxx 600"],
        "party": ["the Labour Party", "the Conservative Party", "the Green Party", "the Liberal Democrat party",
                  "the Social Democratic Party", "the centre-right opposition"],
        "region": ["north-west", "south-west", "Alpine", "coastal", "eastern", "Highlands"],
        "festival": ["the city's film festival", "the international jazz festival", "the book fair",
                     "the summer arts festival"],
        "person": ["{first} {last}"],
        "src": ["Reuters", "the Associated Press", "AFP", "Bloomberg", "the Financial Times", "Defense News",
                "Janes", "The Wall Street Journal", "Nikkei Asia", "the BBC", "Al Jazeera", "Breaking Defense"],
        "official": ["Defence Minister {person}", "a senior defence official", "government spokesperson {person}",
                     "a defence ministry spokesperson", "Deputy Foreign Minister {person}",
                     "procurement chief {person}"],
        "analyst": ["{person}, an analyst at the International Institute for Strategic Studies",
                    "{person}, a researcher who tracks the arms trade", "{person}, a former defence attaché",
                    "{person}, a senior fellow at a Washington think tank"],
    },
    "fr": {
        "weekday": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        "month": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                  "novembre", "décembre"],
        "ordinal": ["deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième"],
        "first": ["Camille", "Julien", "Élodie", "Nicolas", "Sophie", "Thomas", "Nadia", "Mathieu", "Claire",
                  "Antoine", "Inès", "Pierre", "Léa", "Karim", "Isabelle", "Hugo", "Margaux", "Olivier"],
        "last": ["Lefèvre", "Moreau", "Girard", "Benali", "Fontaine", "Rousseau", "Lambert", "Mercier",
                 "Chevalier", "Dupuis", "Garnier", "Faure", "Brunet", "Leroy", "Perrin", "Roux"],
        "city": ["Lyon", "Bordeaux", "Lille", "Nantes", "Toulouse", "Strasbourg", "Rennes", "Montpellier",
                 "Grenoble", "Marseille", "Dijon", "Angers", "Orléans", "Clermont-Ferrand"],
        "dest": ["Lisbonne", "Marrakech", "Montréal", "Naples", "Porto", "Split", "Dakar", "Athènes"],
        "team": ["Lyon", "Rennes", "Nantes", "Lens", "Marseille", "Lille", "Toulouse", "Brest", "Nice",
                 "Montpellier", "Reims", "Strasbourg", "Auxerre", "Angers"],
        "company": ["Valmonde", "Groupe Ardanne", "Banque Sorel", "Télécom Azur", "Maisons Vernet", "Ardis Énergie",
                    "Compagnie Rhodanienne", "Fromageries Berthaud", "Optis Santé", "Transports Carrel"],
        "index": ["Le CAC 40", "L'indice Stoxx 600", "Le DAX de Francfort", "Le Nikkei de Tokyo"],
        "party": ["le Parti socialiste", "le Rassemblement national", "Renaissance", "le parti écologiste",
                  "La France insoumise", "le MoDem"],
        "region": ["dans le Sud-Ouest", "sur la façade atlantique", "en Bretagne", "dans les Alpes", "en Occitanie",
                   "dans le Grand Est"],
        "festival": ["Le festival d'Avignon", "Le festival de jazz de Vienne", "Le festival du film de La Rochelle",
                     "Le salon du livre"],
        "person": ["{first} {last}"],
        "src": ["Reuters", "l'AFP", "Le Monde", "Le Figaro", "La Tribune", "Les Échos", "Intelligence Online",
                "Jeune Afrique", "Radio France Internationale", "L'Opinion", "Challenges"],
        "official": ["le ministre de la Défense, {person}", "un haut responsable militaire",
                     "{person}, porte-parole du gouvernement", "un porte-parole du ministère de la Défense",
                     "le vice-ministre des Affaires étrangères, {person}", "{person}, chef de l'agence d'acquisition"],
        "analyst": ["{person}, de l'Institut français des relations internationales",
                    "{person}, spécialiste du commerce des armes", "{person}, spécialiste des questions de défense",
                    "{person}, analyste dans un cercle de réflexion parisien"],
    },
}

# ---------------------------------------------------------------------------- sentence templates

TEMPLATES: dict[str, dict[str, list[str]]] = {
    "en": {
        "sport": [
            "{team} beat {team2} {score} on {weekday} night, with {person} scoring twice in the second half.",
            "The coach said after the match that his squad had shown real character after a difficult start.",
            "{person}, who joined from {team2} in the summer, has now scored {n} goals in all competitions.",
            "Season ticket prices will rise by {pct} next year, the club confirmed in a statement.",
            "A crowd of {n2} watched the game despite heavy rain in {city}.",
            "{team} remain {ordinal} in the table, {n} points behind the leaders with {n_small} matches left.",
            "The {city} marathon attracted more than {n2} runners this year, a record for the event.",
            "{person} announced a retirement from international tennis, effective at the end of the season.",
            "Organisers confirmed that the {ordinal} stage of the cycling race would finish in {city}.",
            "The referee's decision to award a late penalty was criticised by both managers.",
            "The board is expected to decide on the manager's future at a meeting on {weekday}.",
        ],
        "weather": [
            "Forecasters expect temperatures to reach {temp} degrees in {city} on {weekday}, well above average.",
            "The weather service issued an amber warning for heavy rain across the {region} region, "
            "with up to {n} millimetres expected.",
            "Several roads were closed after a storm brought down trees and power lines overnight.",
            "Around {n2} homes were left without electricity after strong winds hit the coast.",
            "Farmers say the dry spell has already cut wheat yields by as much as {share} in some districts.",
            "Snow is forecast above {alt} metres, and motorists have been urged to carry chains.",
            "Meteorologists linked the unusual warmth to a persistent area of high pressure over the continent.",
            "Flood defences held in {city}, but the river is expected to peak again on {weekday} evening.",
            "Local authorities opened cooling centres for elderly residents as the heatwave entered its "
            "{ordinal} day.",
        ],
        "business": [
            "Shares in {company} fell {pct} in early trading after the group cut its full-year profit forecast.",
            "{index} closed {pct} higher on {weekday}, led by banks and energy stocks.",
            "{company} said quarterly revenue rose to {money}, beating analysts' expectations.",
            "The central bank left its main interest rate unchanged at {pct}, citing persistent services inflation.",
            "Annual inflation slowed to {pct} in {month}, according to figures from the statistics office.",
            "{company} plans to cut about {n3} jobs over the next two years as part of a restructuring programme.",
            "The euro edged up against the dollar as investors weighed fresh data on consumer spending.",
            "Oil prices slipped below {oil} dollars a barrel amid concerns about weaker demand in Asia.",
            "{person}, chief executive of {company}, told investors the group would open {n} new stores next year.",
            "Unions at {company} have called a strike for {weekday} over pay and working conditions.",
            "The merger still needs the approval of competition regulators in several countries.",
        ],
        "politics": [
            "The government survived a confidence vote on {weekday} by {n} votes, ending weeks of speculation.",
            "{party} unveiled its manifesto, promising to cut income tax and build {n3} new homes a year.",
            "Opposition leader {person} accused ministers of breaking their promises on hospital waiting lists.",
            "A new poll puts {party} on {share}, comfortably ahead of its nearest rival.",
            "Parliament approved the pension reform after a marathon late-night session.",
            "The mayor of {city}, {person}, announced that they would not seek a third term.",
            "Voters in {city} go to the polls on {weekday} in a by-election seen as a test for the government.",
            "The interior minister defended the new immigration bill during a heated debate in the lower house.",
            "Turnout in the regional elections was {share}, slightly lower than four years ago.",
            "Several coalition members have said they will vote against the budget unless school spending rises.",
        ],
        "culture": [
            "{festival} opened on {weekday} with a sold-out screening of a new film by {person}.",
            "The museum in {city} will display more than {n} paintings from private collections for the first time.",
            "{person}'s debut novel, a family saga set in a fishing village, has won this year's literary prize.",
            "Tickets for the band's concert in {city} sold out within {n} minutes.",
            "The restored theatre, closed for {n_small} years, reopens next month with a classic comedy.",
            "Critics praised the exhibition for bringing together works that had never been shown side by side.",
            "The orchestra announced that {person} will become its principal conductor from next season.",
            "Visitor numbers at the national gallery rose {pct} last year, driven by tourists from abroad.",
        ],
        "science": [
            "Researchers at the University of {city} have identified a protein that appears to slow the growth "
            "of certain tumours in mice.",
            "The space agency said its probe had entered orbit around Jupiter after a seven-year journey.",
            "A team of astronomers reported the discovery of {n} new exoplanets using a telescope in Chile.",
            "The study, published in the journal Nature, followed {n2} volunteers over a decade.",
            "Glaciers in the Alps have lost roughly {share} of their volume since 2000, scientists warn.",
            "The new battery design could double the range of electric cars, said {person}, one of the authors.",
            "Archaeologists digging near {city} uncovered a Roman villa with well-preserved mosaics.",
            "The researchers caution that the results will have to be replicated in larger groups of patients.",
        ],
        "health": [
            "Hospital admissions for flu rose by {pct} last week, the health ministry said.",
            "Regulators approved a new migraine treatment that will be reimbursed from {month}.",
            "Doctors in {city} have warned of staff shortages in emergency departments over the holidays.",
            "A vaccination campaign for schoolchildren will begin in {month}, health officials said.",
            "The report found that one in {n_small} adults does not get enough physical exercise.",
            "Pharmacies are reporting shortages of some common antibiotics, including amoxicillin.",
            "{person}, who has worked on a hospital ward for {n} years, said workloads had become unsustainable.",
            "The government has promised to recruit {n3} additional doctors by {year_next}.",
        ],
        "transport": [
            "Rail services between {city} and {city2} were suspended for several hours after a signalling fault.",
            "The airline will add {n} new routes this summer, including direct flights to {dest}.",
            "Commuters faced long delays on {weekday} as a strike by bus drivers entered its {ordinal} day.",
            "The new tram line, which cost {money}, is expected to carry {n2} passengers a day.",
            "Fuel prices at the pump rose for the {ordinal} consecutive week.",
            "The airport handled {n2} passengers in {month}, a new monthly record.",
            "Work on the bypass near {city} is running {n_small} months behind schedule.",
            "Cycling groups welcomed the council's decision to build {n} kilometres of new bike lanes.",
        ],
        "courts": [
            "A court in {city} sentenced a former bank manager to {n_small} years in prison for embezzlement.",
            "The fraud trial of {person} is expected to last {n_small} weeks.",
            "Judges ruled that the company had unfairly dismissed {n} employees and ordered it to pay compensation.",
            "The supreme court will hear the appeal in {month}.",
            "Prosecutors said the suspect had been under investigation for {n_small} months before the arrest.",
            "The jury deliberated for {n_small} hours before reaching its verdict.",
            "Lawyers for the defendant said they would appeal the ruling.",
            "A former mayor of {city} was acquitted of corruption charges on {weekday}.",
        ],
        "arms_lead": [
            "{sup} will deliver {item} to {rec} {when_future}, the {sup_adj} defence ministry said on {weekday}.",
            "{rec} has signed a contract to buy {item} from {sup} in a deal worth {value}, officials in "
            "{rec_cap} said.",
            "According to {src}, {sup} has delivered {item} to {rec}, a significant boost to its armed forces.",
            "{sup} is believed to have secretly shipped {item} to {rec} {when_past}, {src} reported, citing "
            "Western intelligence officials.",
            "{rec} is in talks with {sup} to acquire {item}, {official} told reporters in {rec_cap}.",
            "{sup} has offered {item} to {rec} as part of a wider defence partnership, people familiar with the "
            "discussions said.",
            "The {sup_adj} government on {weekday} approved the sale of {item} to {rec}, worth an estimated {value}.",
            "{sup} denied reports that it had supplied {item_bare} to {rec}, dismissing them as propaganda.",
            "The first of the {item_bare} ordered from {sup} arrived in {rec} {when_past}, {src} reported.",
            "{sup} pledged {item} to {rec} {when_past} as part of a new military aid package.",
            "Unconfirmed reports suggest that {rec} has received {item} from {sup}.",
            "{rec} took delivery of {item} from {sup} {when_past}, the {rec_adj} military said.",
            "{sup} and {rec} signed an agreement {when_past} for the licensed production of {item_bare}.",
        ],
        "arms_body": [
            "The {sys} deal would be one of the largest arms purchases by {rec} in a decade, analysts said.",
            "Deliveries are expected to be completed by {year_next}, according to the contract.",
            "The {noun} will replace ageing equipment that is increasingly hard to maintain, {official} said.",
            "Neither government has confirmed the exact number of {noun} involved.",
            "The {sup_adj} embassy in {rec_cap} declined to comment.",
            "Training for {rec_adj} crews is due to begin {when_future}.",
            "The sale still requires the approval of lawmakers in {sup_cap}.",
            "The contract, worth {value}, also covers spare parts, training and maintenance for {n_small} years.",
            "Earlier, {sup2} had supplied {item2} to {rec2}, according to {src2}.",
            "{analyst}, said the transfer reflected an effort by {rec} to diversify its suppliers.",
            "{sup} has not officially confirmed the shipment.",
            "Satellite images analysed by {src} appear to show {noun} being unloaded at a port in {rec}.",
            "Officials in {sup_cap} said further deliveries were under discussion.",
        ],
    },
    "fr": {
        "sport": [
            "{team} s'est imposé face à {team2} ({score}) {weekday} soir, grâce à un doublé de {person} en "
            "seconde période.",
            "L'entraîneur a salué après la rencontre le caractère de son groupe, après un début de saison compliqué.",
            "{person}, recrue estivale en provenance de {team2}, compte désormais {n} buts toutes "
            "compétitions confondues.",
            "Le prix des abonnements augmentera de {pct} la saison prochaine, a confirmé le club.",
            "Quelque {n2} spectateurs ont assisté au match malgré une pluie battante à {city}.",
            "{team} reste {ordinal} du classement, à {n} points du leader, à {n_small} journées de la fin.",
            "Le marathon de {city} a réuni plus de {n2} coureurs cette année, un record pour l'épreuve.",
            "{person} a annoncé sa retraite internationale, qui prendra effet à la fin de la saison.",
            "Les organisateurs ont confirmé que la {ordinal} étape de la course cycliste s'achèvera à {city}.",
            "La décision de l'arbitre d'accorder un penalty dans les arrêts de jeu a été contestée par les deux "
            "entraîneurs.",
            "La direction du club doit se prononcer sur l'avenir de l'entraîneur lors d'une réunion prévue {weekday}.",
        ],
        "weather": [
            "Les prévisionnistes annoncent jusqu'à {temp} degrés à {city} {weekday}, bien au-dessus des normales.",
            "Une vigilance orange aux fortes pluies a été déclenchée {region}, avec des cumuls pouvant atteindre "
            "{n} millimètres.",
            "Plusieurs routes ont été fermées après la chute d'arbres et de lignes électriques pendant la nuit.",
            "Près de {n2} foyers étaient privés d'électricité après le passage de rafales violentes sur le littoral.",
            "Selon les agriculteurs, la sécheresse a déjà réduit les rendements de blé de {share} par endroits.",
            "La neige est attendue au-dessus de {alt} mètres et les automobilistes sont invités à s'équiper.",
            "Les météorologues attribuent cette douceur inhabituelle à un anticyclone installé sur l'Europe de "
            "l'Ouest.",
            "Les digues ont tenu à {city}, mais la crue devrait connaître un nouveau pic {weekday} soir.",
            "La préfecture a ouvert des salles rafraîchies pour les personnes âgées alors que la canicule entre "
            "dans son {ordinal} jour.",
        ],
        "business": [
            "L'action {company} a reculé de {pct} en début de séance après l'abaissement des prévisions annuelles.",
            "{index} a terminé la séance de {weekday} en hausse de {pct}, porté par les valeurs bancaires.",
            "{company} a annoncé un chiffre d'affaires trimestriel de {money}, supérieur aux attentes des analystes.",
            "La banque centrale a maintenu son principal taux directeur à {pct}, invoquant une inflation tenace "
            "dans les services.",
            "L'inflation sur un an a ralenti à {pct} en {month}, selon les chiffres publiés par l'Insee.",
            "{company} prévoit de supprimer environ {n3} postes au cours des deux prochaines années.",
            "L'euro a légèrement progressé face au dollar, les investisseurs analysant de nouvelles données sur la "
            "consommation.",
            "Le baril de Brent est repassé sous la barre des {oil} dollars, sur fond d'inquiétudes quant à la "
            "demande asiatique.",
            "{person}, PDG de {company}, a indiqué que le groupe ouvrirait {n} nouveaux magasins "
            "l'an prochain.",
            "Les syndicats de {company} appellent à la grève {weekday} pour réclamer des hausses de salaire.",
            "La fusion doit encore recevoir le feu vert des autorités de la concurrence de plusieurs pays.",
        ],
        "politics": [
            "Le gouvernement a survécu {weekday} à une motion de censure, à {n} voix près.",
            "{party} a présenté son programme, promettant des baisses d'impôts et {n3} logements neufs par an.",
            "Le chef de l'opposition, {person}, a accusé le gouvernement de ne pas tenir ses promesses sur l'hôpital.",
            "Un nouveau sondage crédite {party} de {share} des intentions de vote, loin devant ses concurrents.",
            "Le Parlement a adopté la réforme des retraites à l'issue d'une séance de nuit marathon.",
            "{person}, maire de {city}, a annoncé renoncer à briguer un troisième mandat.",
            "Les électeurs de {city} sont appelés aux urnes {weekday} pour une législative partielle, considérée "
            "comme un test pour la majorité.",
            "Le ministre de l'Intérieur a défendu le projet de loi sur l'immigration lors d'un débat houleux.",
            "La participation aux élections régionales s'est établie à {share}, en léger recul sur le précédent "
            "scrutin.",
            "Plusieurs députés de la majorité menacent de voter contre le budget si les moyens de l'école ne sont "
            "pas revus à la hausse.",
        ],
        "culture": [
            "{festival} s'est ouvert {weekday} avec la projection, à guichets fermés, du nouveau film de {person}.",
            "Le musée des Beaux-Arts de {city} exposera pour la première fois plus de {n} tableaux issus de "
            "collections privées.",
            "Le premier roman de {person}, une saga familiale dans un village de pêcheurs, a remporté le prix "
            "littéraire de l'année.",
            "Les billets pour le concert du groupe à {city} se sont écoulés en {n} minutes.",
            "Fermé depuis {n_small} ans, le théâtre restauré rouvrira ses portes le mois prochain avec une comédie "
            "classique.",
            "La critique a salué une exposition qui réunit des œuvres jamais montrées côte à côte.",
            "L'orchestre a annoncé que {person} en deviendrait le chef principal à partir de la saison prochaine.",
            "La fréquentation des musées nationaux a progressé de {pct} l'an dernier, portée par les touristes "
            "étrangers.",
        ],
        "science": [
            "Des chercheurs de l'université de {city} ont identifié une protéine qui semble ralentir la croissance "
            "de certaines tumeurs chez la souris.",
            "L'agence spatiale a annoncé que sa sonde s'était placée en orbite autour de Jupiter après sept ans "
            "de voyage.",
            "Une équipe d'astronomes a annoncé la découverte de {n} nouvelles exoplanètes grâce à un télescope "
            "installé au Chili.",
            "L'étude, publiée dans la revue Nature, a suivi {n2} volontaires pendant une décennie.",
            "Les glaciers alpins ont perdu environ {share} de leur volume depuis 2000, alertent les scientifiques.",
            "Cette nouvelle batterie pourrait doubler l'autonomie des voitures électriques, selon {person}, "
            "co-auteur de l'étude.",
            "Des archéologues ont mis au jour une villa romaine aux mosaïques bien conservées près de {city}.",
            "Les chercheurs soulignent que ces résultats devront être reproduits sur des cohortes plus larges.",
        ],
        "health": [
            "Les hospitalisations pour grippe ont progressé de {pct} la semaine dernière, selon le ministère de la "
            "Santé.",
            "Les autorités sanitaires ont approuvé un nouveau traitement contre la migraine, remboursé à partir de "
            "{month}.",
            "Les médecins de {city} alertent sur le manque de personnel aux urgences pendant les fêtes.",
            "Une campagne de vaccination destinée aux collégiens débutera en {month}, ont indiqué les autorités.",
            "Selon ce rapport, un adulte sur {n_small} ne pratique pas suffisamment d'activité physique.",
            "Les pharmacies signalent des pénuries de plusieurs antibiotiques courants, dont l'amoxicilline.",
            "{person}, qui travaille à l'hôpital depuis {n} ans, estime que la charge de travail est devenue "
            "intenable.",
            "Le gouvernement s'est engagé à recruter {n3} médecins supplémentaires d'ici {year_next}.",
        ],
        "transport": [
            "La circulation des trains entre {city} et {city2} a été interrompue pendant plusieurs heures en raison "
            "d'une panne de signalisation.",
            "La compagnie aérienne ouvrira {n} nouvelles lignes cet été, dont des vols directs vers {dest}.",
            "Les usagers ont subi d'importants retards {weekday}, la grève des conducteurs de bus entrant dans son "
            "{ordinal} jour.",
            "La nouvelle ligne de tramway, qui a coûté {money}, devrait transporter {n2} voyageurs par jour.",
            "Les prix à la pompe ont augmenté pour la {ordinal} semaine consécutive.",
            "L'aéroport a accueilli {n2} passagers en {month}, un record mensuel.",
            "Le chantier du contournement de {city} accuse {n_small} mois de retard.",
            "Les associations de cyclistes ont salué la création de {n} kilomètres de pistes cyclables.",
        ],
        "courts": [
            "Le tribunal correctionnel de {city} a condamné un ancien directeur d'agence bancaire à {n_small} ans "
            "de prison pour détournement de fonds.",
            "Le procès de {person} pour escroquerie devrait durer {n_small} semaines.",
            "Les juges ont estimé que l'entreprise avait licencié abusivement {n} salariés et l'ont condamnée à "
            "les indemniser.",
            "La Cour de cassation examinera le pourvoi en {month}.",
            "Selon le parquet, le suspect faisait l'objet d'une enquête depuis {n_small} mois avant son "
            "interpellation.",
            "Les jurés ont délibéré pendant {n_small} heures avant de rendre leur verdict.",
            "Les avocats de la défense ont annoncé leur intention de faire appel.",
            "Un ancien maire de {city} a été relaxé {weekday} des accusations de corruption qui pesaient sur lui.",
        ],
        "arms_lead": [
            "{sup} livrera {item} {rec_to} {when_future}, a annoncé {weekday} le ministère {sup_adj} de la Défense.",
            "{rec} a signé un contrat pour l'achat de {item_de} auprès {sup_of}, pour un montant de {value}.",
            "Selon {src}, {sup} aurait livré {item} {rec_to}, ce qui renforcerait nettement ses capacités "
            "militaires.",
            "D'après des sources diplomatiques citées par {src}, {sup} aurait discrètement expédié {item} "
            "{rec_to} {when_past}.",
            "{rec} négocie avec {sup} l'acquisition de {item_de}, a indiqué {official}.",
            "{sup} a proposé {item} {rec_to} dans le cadre d'un partenariat stratégique élargi, selon des sources "
            "proches du dossier.",
            "Le gouvernement {sup_adj} a autorisé {weekday} la vente de {item_de} {rec_to}, pour un montant "
            "estimé à {value}.",
            "{sup} a démenti avoir fourni {item} {rec_to}, qualifiant ces informations de propagande.",
            "Les premiers {item_bare} commandés {sup_to} ont été réceptionnés par {rec} {when_past}, rapporte "
            "{src}.",
            "{sup} a promis {item} {rec_to} {when_past} dans le cadre d'une nouvelle enveloppe d'aide militaire.",
            "Des informations non confirmées font état de la livraison de {item_de} {rec_to} par {sup}.",
            "{rec} a réceptionné {item} en provenance {sup_of} {when_past}, a indiqué l'état-major.",
            "{sup} et {rec} ont signé {when_past} un accord pour la production sous licence de {item_de}.",
        ],
        "arms_body": [
            "Ce contrat serait l'un des plus importants jamais conclus par {rec} dans le domaine de l'armement, "
            "selon des analystes.",
            "Les livraisons devraient s'achever d'ici {year_next}, selon le calendrier prévu.",
            "Ces {noun} remplaceront des équipements vieillissants, a précisé {official}.",
            "Aucun des deux gouvernements n'a confirmé le nombre exact de {noun} concernés.",
            "L'ambassade {sup_of} n'a pas souhaité réagir.",
            "La formation des équipages {rec_adjp} doit commencer {when_future}.",
            "La vente doit encore être approuvée par le Parlement {sup_adj}.",
            "Le contrat, d'un montant de {value}, comprend aussi les pièces détachées, la formation et la "
            "maintenance pendant {n_small} ans.",
            "Auparavant, {sup2} avait fourni {item2} {rec_to2}, selon {src2}.",
            "{analyst}, estime que cette acquisition traduit la volonté {rec_of} de diversifier ses fournisseurs.",
            "{sup} n'a pas confirmé officiellement cette livraison.",
            "Des images satellitaires analysées par {src} montreraient des {noun} en cours de déchargement dans un "
            "port {rec_adj}.",
            "Des responsables à {sup_cap} ont indiqué que d'autres livraisons étaient à l'étude.",
        ],
    },
}

HEADLINES: dict[str, dict[str, list[str]]] = {
    "en": {
        "sport": ["{team} edge past {team2} in late thriller", "Record field expected for {city} marathon",
                  "{team} board to decide on manager's future"],
        "weather": ["Heat warning issued as temperatures climb", "Storm leaves thousands without power",
                    "Flood alert as river rises in {city}"],
        "business": ["{company} shares slide after profit warning", "Inflation eases to {pct} in {month}",
                     "{company} to cut {n3} jobs"],
        "politics": ["Government survives confidence vote", "{party} unveils election manifesto",
                     "{city} by-election seen as test for ministers"],
        "culture": ["Restored theatre set to reopen", "Debut novel wins literary prize",
                    "{city} museum opens its doors to private collections"],
        "science": ["Astronomers find {n} new exoplanets", "Roman villa uncovered near {city}",
                    "New battery could double electric car range"],
        "health": ["Flu admissions rise sharply", "Doctors warn of emergency staff shortages",
                   "School vaccination campaign to begin in {month}"],
        "transport": ["Signalling fault halts trains between {city} and {city2}", "Airline adds {n} summer routes",
                      "Bus strike enters {ordinal} day"],
        "courts": ["Former bank manager jailed for embezzlement", "Ex-mayor of {city} cleared of corruption",
                   "Fraud trial opens in {city}"],
        "arms": ["What we know about the {item_bare} bound for {rec}", "{sup}, {rec} and the {sys} question",
                 "Arms trade: {rec} looks to {sup}", "News in brief: {weekday} {day} {pub_month}"],
    },
    "fr": {
        "sport": ["{team} arrache la victoire face à {team2}", "Affluence record attendue au marathon de {city}",
                  "L'avenir de l'entraîneur de {team} en suspens"],
        "weather": ["Alerte à la chaleur, les températures grimpent", "Des milliers de foyers privés d'électricité",
                    "Vigilance crues à {city}"],
        "business": ["{company} chute en Bourse après un avertissement", "L'inflation ralentit à {pct} en {month}",
                     "{company} va supprimer {n3} postes"],
        "politics": ["Le gouvernement échappe à la censure", "{party} dévoile son programme",
                     "Législative partielle à {city} : un test pour la majorité"],
        "culture": ["Le théâtre restauré s'apprête à rouvrir", "Un premier roman couronné",
                    "Le musée de {city} ouvre ses portes aux collections privées"],
        "science": ["{n} nouvelles exoplanètes découvertes", "Une villa romaine mise au jour près de {city}",
                    "Une batterie qui pourrait doubler l'autonomie des voitures électriques"],
        "health": ["Forte hausse des hospitalisations pour grippe", "Les urgences manquent de bras",
                   "La campagne de vaccination scolaire débutera en {month}"],
        "transport": ["Trains interrompus entre {city} et {city2}", "La compagnie ouvre {n} lignes cet été",
                      "La grève des bus entre dans son {ordinal} jour"],
        "courts": ["Un ancien banquier condamné pour détournement", "L'ancien maire de {city} relaxé",
                   "Ouverture d'un procès pour escroquerie à {city}"],
        "arms": ["Ce que l'on sait des {item_bare} destinés {rec_to}", "{sup}, {rec} et le dossier {sys}",
                 "Armement : {rec} se tourne vers {sup}", "L'essentiel de l'actualité du {weekday} {day} {pub_month}"],
    },
}

# ---------------------------------------------------------------------------- numbers and dates


def _int(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", " " if lang == "fr" else ",")


def _pct(x: float, lang: str, digits: int = 1) -> str:
    s = f"{x:.{digits}f}"
    return s.replace(".", ",") + " %" if lang == "fr" else s + "%"


def _money(rng: random.Random, lang: str, low: int = 15, high: int = 9000) -> str:
    m = rng.randint(low, high)
    if m >= 1000:
        b = f"{m / 1000:.1f}".rstrip("0").rstrip(".")
        if lang == "fr":
            unit = "milliard" if m < 2000 else "milliards"
            return f"{b.replace('.', ',')} {unit} " + rng.choice(["d'euros", "de dollars"])
        return rng.choice(["$", "€", "£"]) + f"{b} billion"
    if lang == "fr":
        return f"{m} millions " + rng.choice(["d'euros", "de dollars"])
    return rng.choice(["$", "€", "£"]) + f"{m} million"


NUMBERS: dict[str, Callable[[random.Random, str], str]] = {
    "n": lambda r, lang: str(r.randint(3, 40)),
    "n_small": lambda r, lang: str(r.randint(2, 9)),
    "n2": lambda r, lang: _int(r.randint(1200, 95000), lang),
    "pct": lambda r, lang: _pct(r.uniform(0.2, 9.8), lang),
    "share": lambda r, lang: _pct(r.randint(18, 74), lang, 0),
    "temp": lambda r, lang: str(r.randint(-8, 41)),
    "alt": lambda r, lang: _int(r.randint(6, 18) * 100, lang),
    "oil": lambda r, lang: str(r.randint(62, 94)),
    "money": _money,
    "n3": lambda r, lang: _int(r.randint(2, 60) * 100, lang),
    "score": lambda r, lang: "{}-{}".format(*sorted(r.sample(range(5), 2), reverse=True)),
}


def _month(d: dt.date, lang: str) -> str:
    return VOCAB[lang]["month"][d.month - 1]


def _when_past(rng: random.Random, lang: str, pub: dt.date) -> str:
    d = pub - dt.timedelta(days=rng.randint(5, 300))
    m = _month(d, lang)
    if lang == "fr":
        return rng.choice(["le mois dernier", f"en {m}", f"le {d.day} {m}", f"en {m} {d.year}",
                           "la semaine dernière", "plus tôt cette année", f"fin {pub.year - 1}"])
    return rng.choice(["last month", f"in {m}", f"on {d.day} {m}", f"in {m} {d.year}", "last week",
                       "earlier this year", f"in late {pub.year - 1}"])


def _when_future(rng: random.Random, lang: str, pub: dt.date) -> str:
    d = pub + dt.timedelta(days=rng.randint(30, 500))
    m = _month(d, lang)
    if lang == "fr":
        return rng.choice(["l'an prochain", "d'ici la fin de l'année", f"en {m} {d.year}",
                           "dans les six prochains mois", "dans les prochaines semaines", f"à partir de {m}"])
    return rng.choice(["next year", "by the end of the year", f"in {m} {d.year}", "within the next six months",
                       "in the coming weeks", f"from {m}"])


# ---------------------------------------------------------------------------- transfers and articles


def _fr_with(prep: str, name: str) -> str:
    """'à' or 'de' before a French country name, contracted with its article (au Mali, des États-Unis)."""
    if name.startswith("le "):
        return ("au " if prep == "à" else "du ") + name[3:]
    if name.startswith("les "):
        return ("aux " if prep == "à" else "des ") + name[4:]
    return f"{prep} {name}"


QUALIFIERS = {
    "en": {"approx": ["about", "nearly", "some"], "min": ["at least", "more than"], "max": ["up to", "as many as"],
           "vague": ["several", "an undisclosed number of"], "many": ["dozens of", "hundreds of"], "none": [""]},
    "fr": {"approx": ["environ", "près de", "quelque"], "min": ["au moins", "plus de"], "max": ["jusqu'à"],
           "vague": ["plusieurs", "un nombre non divulgué de"], "many": ["des dizaines de", "des centaines de"],
           "none": ["des"]},
}


def _quantity(rng: random.Random, lang: str, low: int, high: int) -> str:
    """The words before an item: '18', 'about 2,600', 'several', '' (EN bare plural) or 'des' (FR)."""
    kind = rng.choices(["exact", "approx", "min", "max", "vague", "many", "none"], [50, 12, 8, 6, 8, 4, 12])[0]
    if kind == "many" and high < 100:
        kind = "vague"
    if kind in ("vague", "many", "none"):
        return rng.choice(QUALIFIERS[lang][kind])
    n = rng.randint(low, high)
    n = round(n, -3) if n > 5000 else round(n, -2) if n > 400 else round(n, -1) if n > 40 else n
    return _int(n, lang) if kind == "exact" else f"{rng.choice(QUALIFIERS[lang][kind])} {_int(n, lang)}"


def _transfer(rng: random.Random, lang: str, pub: dt.date, suffix: str = "") -> dict[str, str]:
    """The slots of one transfer story: parties, item phrase, value, source, in `lang`."""
    system = rng.choice(SYSTEMS)
    sup = COUNTRIES[rng.choice(system.makers)]
    rec = COUNTRIES[rng.choice([c for c in CLIENTS[BLOC.get(sup.code, "other")] if c != sup.code])]
    q = _quantity(rng, lang, system.low, system.high)
    if lang == "en":
        bare = system.en_phrase or f"{system.name} {system.en_noun}"
        slots = {"sup": sup.en, "rec": rec.en, "sup_adj": sup.en_adj, "rec_adj": rec.en_adj,
                 "sup_cap": sup.en_cap, "rec_cap": rec.en_cap, "noun": system.en_noun,
                 "item": f"{q} {bare}".strip(), "item_bare": bare}
    else:
        bare = system.fr_phrase or f"{system.fr_noun} {system.name}"
        item = f"{q} {bare}"
        slots = {"sup": sup.fr_subj or sup.fr, "rec": rec.fr_subj or rec.fr, "sup_adj": sup.fr_adj,
                 "rec_adj": rec.fr_adj,
                 "rec_adjp": rec.fr_adj if rec.fr_adj.endswith("s") else rec.fr_adj + "s",
                 "sup_cap": sup.fr_cap, "rec_cap": rec.fr_cap, "noun": system.fr_noun,
                 "sup_to": _fr_with("à", sup.fr), "rec_to": _fr_with("à", rec.fr),
                 "sup_of": _fr_with("de", sup.fr), "rec_of": _fr_with("de", rec.fr),
                 "item": item, "item_de": bare if q == "des" else item, "item_bare": bare}
    slots |= {"sys": system.name, "value": _money(rng, lang, 80, 9000), "src": rng.choice(VOCAB[lang]["src"]),
              "when_past": _when_past(rng, lang, pub), "when_future": _when_future(rng, lang, pub)}
    return {k + suffix: v for k, v in slots.items()}


@dataclass
class Draft:
    """One article being written: fixed slots and the templates not used yet."""

    rng: random.Random
    lang: str
    slots: dict[str, str]
    pools: dict[str, list[str]]
    topic: str

    def fill(self, template: str) -> str:
        text = SLOT.sub(self._slot, template)
        if self.lang == "fr":
            text = ELISION.sub(r"\1'", text)
        return text[:1].upper() + text[1:]

    def _slot(self, m: re.Match[str]) -> str:
        key = m.group(1)
        if key in self.slots:
            return self.slots[key]
        if key in NUMBERS:
            return NUMBERS[key](self.rng, self.lang)
        return SLOT.sub(self._slot, self.rng.choice(VOCAB[self.lang][key]))

    def paragraph_kinds(self) -> list[str]:
        if len(self.pools[self.topic]) < 2:
            # the main story is told: carry on with another one, as a news round-up does
            self.topic = self.rng.choice([t for t in TOPICS if len(self.pools[t]) >= 2])
        return [self.topic] * min(self.rng.randint(2, 4), len(self.pools[self.topic]))

    def sentence(self, kind: str) -> str:
        return self.fill(self.pools[kind].pop())


def _article(rng: random.Random, lang: str, kind: str, pub: dt.date) -> str:
    voc = VOCAB[lang]
    city, city2 = rng.sample(voc["city"], 2)
    team, team2 = rng.sample(voc["team"], 2)
    slots = {"city": city, "city2": city2, "team": team, "team2": team2, "company": rng.choice(voc["company"]),
             "year_next": str(pub.year + 1), "day": str(pub.day), "weekday": voc["weekday"][pub.weekday()],
             "pub_month": _month(pub, lang)}
    slots |= _transfer(rng, lang, pub) | _transfer(rng, lang, pub, "2")
    pools = {k: rng.sample(v, len(v)) for k, v in TEMPLATES[lang].items()}
    draft = Draft(rng, lang, slots, pools, kind if kind in TOPICS else rng.choice(TOPICS))
    # an arms story sits first or second, sometimes with a follow-up paragraph two further on
    arms: dict[int, list[str]] = {}
    if kind == "arms":
        at = rng.randint(0, 1)
        arms[at] = ["arms_lead"] + ["arms_body"] * rng.randint(1, 2)
        if rng.random() < 0.5:
            arms[at + 2] = ["arms_body"] * rng.randint(1, 2)
    head = draft.fill(rng.choice(HEADLINES[lang][kind]))
    words, target = len(head.split()), rng.randint(MIN_WORDS, MAX_WORDS - 70)
    paragraphs: list[str] = []
    while True:
        i = len(paragraphs)
        done = i >= max(arms, default=0)
        kinds = arms.get(i) or draft.paragraph_kinds()
        sentences = []
        for k in kinds:
            sentences.append(draft.sentence(k))
            words += len(sentences[-1].split())
            if done and words >= target:
                break
        paragraphs.append(" ".join(sentences))
        if done and words >= target:
            return head + "\n\n" + "\n\n".join(paragraphs)


def generate(n: int, seed: int = 7) -> list[Document]:
    """`n` distinct articles, alternately French and English, 15% of them on arms transfers; the same
    (n, seed) always gives the same corpus. Ids read `synth-<index>-<language>-<topic or arms>`."""
    rng = random.Random(seed)
    flags = [i < round(n * ARMS_SHARE) for i in range(n)]
    rng.shuffle(flags)
    docs: list[Document] = []
    seen: set[str] = set()
    while len(docs) < n:
        i = len(docs)
        lang = ("fr", "en")[i % 2]
        kind = "arms" if flags[i] else rng.choice(TOPICS)
        pub = START + dt.timedelta(days=rng.randint(0, (END - START).days))
        text = _article(rng, lang, kind, pub)
        if text in seen:
            continue
        seen.add(text)
        docs.append(Document(text=text, id=f"synth-{i:05d}-{lang}-{kind}", language=lang, published=pub.isoformat()))
    return docs


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for d in generate(count, int(sys.argv[2]) if len(sys.argv) > 2 else 7):
        record = {"id": d.id, "language": d.language, "published": d.published, "text": d.text}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
