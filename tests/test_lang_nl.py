"""Dutch: the simplemma front-end with 'zou'/'zal' mood marks, and extraction, one phenomenon per test, on
news-style sentences written for these tests."""

from __future__ import annotations

import pickle

import pytest

import extraction_helpers as helpers
from armstrack.lang import get_language
from armstrack.lang.base import Sentence, Token, tokenize
from extraction_helpers import claims, core, tok, triples

LANG = "nl"
PUB = "2024-05-01"


def analysed(text: str) -> list[Token]:
    return helpers.analysed(text, LANG)


# -- front-end -----------------------------------------------------------------------------------------


def test_zou_marks_the_clause_verb_conditional() -> None:
    toks = analysed("Iran zou drones aan Rusland hebben geleverd, maar Teheran levert niets.")
    geleverd = tok(toks, "geleverd")
    assert geleverd.conditional and geleverd.past_participle  # perfect: hedged past, not future
    assert not tok(toks, "hebben").conditional  # auxiliaries stay unmarked
    assert not tok(toks, "levert").conditional  # the next clause is not hedged
    assert tok(toks, "zou").lemma == "zou"  # not 'zullen', the future


def test_zou_with_infinitive_is_future_in_the_past() -> None:
    toks = analysed("Nederland zou de toestellen later leveren.")
    assert tok(toks, "leveren").conditional and not tok(toks, "leveren").past_participle


def test_participle_before_zou_in_a_subordinate_clause() -> None:
    toks = analysed("Men meldt dat Iran drones geleverd zou hebben.")
    assert tok(toks, "geleverd").conditional and tok(toks, "geleverd").past_participle


def test_zal_marks_the_clause_verb_future() -> None:
    toks = analysed("Nederland zal 24 F-16's aan Oekraïne leveren.")
    assert tok(toks, "leveren").future and not tok(toks, "leveren").conditional


@pytest.mark.parametrize("text, verb", [
    ("Nederland en Denemarken gaan F-16's aan Oekraïne leveren.", "leveren"),
    ("Het kabinet wil Oekraïne nog eens twaalf pantserhouwitsers schenken.", "schenken"),
    ("Roemenië moet volgend jaar de eerste F-35's van de Verenigde Staten ontvangen.", "ontvangen"),
    ("Volgend jaar gaat België vier NASAMS-systemen bij Noorwegen aanschaffen.", "aanschaffen"),
])
def test_gaan_willen_moeten_with_infinitive_mark_it_future(text: str, verb: str) -> None:
    assert tok(analysed(text), verb).future


@pytest.mark.parametrize("text, word", [
    ("Het gaat om de levering van achttien F-16's aan Oekraïne.", "levering"),  # 'gaat om': concerns
    ("Iran wil niet bevestigen dat het drones aan Rusland heeft geleverd.", "geleverd"),  # another clause
])
def test_gaan_and_willen_do_not_reach_beyond_their_verb(text: str, word: str) -> None:
    assert not tok(analysed(text), word).future


@pytest.mark.parametrize("text, subject", [
    ("Voor Oekraïne koopt Nederland 100.000 granaten in Zuid-Afrika.", "Nederland"),
    ("Aan Oekraïne levert Denemarken nog eens zes F-16's.", "Denemarken"),
    ("Van de Verenigde Staten krijgt Polen 96 Apache-helikopters.", "Polen"),
])
def test_prepositional_prefield_puts_the_subject_after_the_verb(text: str, subject: str) -> None:
    assert tok(analysed(text), subject).case == "nom"


def test_a_surname_is_no_prepositional_prefield() -> None:
    toks = analysed("Van der Burg levert Oekraïne granaten.")
    assert tok(toks, "Oekraïne").case == ""


@pytest.mark.parametrize("text, subject", [
    ("Het Kremlin ontkende dat Noord-Korea raketten aan Rusland had geleverd.", "Noord-Korea"),
    ("Washington meldt dat de Verenigde Staten Patriot-raketten aan Oekraïne leveren.", "Verenigde"),
    ("Teheran is boos omdat Rusland geen Su-35's aan Iran levert.", "Rusland"),
])
def test_the_name_opening_a_subordinate_clause_is_its_subject(text: str, subject: str) -> None:
    assert tok(analysed(text), subject).case == "nom"


def test_demonstrative_dat_opens_no_clause() -> None:
    toks = analysed("Nederland zal dat materieel aan Oekraïne leveren.")
    assert tok(toks, "leveren").future and tok(toks, "Oekraïne").case == ""


def test_frontend_pickles() -> None:
    fe = pickle.loads(pickle.dumps(get_language(LANG).frontend))
    text = "zou hebben geleverd"
    s = Sentence(0, len(text), text, tokenize(text))
    fe.analyse(s)
    assert s.tokens[0].lemma == "zou"





# -- direction -----------------------------------------------------------------------------------------


def test_active_give_aan() -> None:
    (c,) = claims("Nederland levert F-16's aan Oekraïne.", LANG, PUB)
    assert core(c) == ("NLD", "UKR", "F-16", None, "delivered", "asserted")


def test_typographic_apostrophe_plural() -> None:
    (c,) = claims("Noorwegen levert zes F-35’s aan Polen.", LANG, PUB)
    assert core(c) == ("NOR", "POL", "F-35", (6, "exact"), "delivered", "asserted")


def test_receive_from_van() -> None:
    (c,) = claims("Oekraïne heeft van Nederland de eerste F-16's ontvangen.", LANG, PUB)
    assert core(c) == ("NLD", "UKR", "F-16", None, "delivered", "asserted")


def test_passive_agent_door() -> None:
    (c,) = claims("De F-16's worden door Nederland aan Oekraïne geleverd.", LANG, PUB)
    assert core(c) == ("NLD", "UKR", "F-16", None, "delivered", "asserted")


def test_buy_from_van_de() -> None:
    (c,) = claims("Polen kocht 250 Abrams-tanks van de Verenigde Staten.", LANG, PUB)
    assert core(c) == ("USA", "POL", "M1 Abrams", (250, "exact"), "ordered", "asserted")


@pytest.mark.parametrize("text", [
    "België heeft bij Frankrijk 382 pantservoertuigen aangekocht.",
    "België heeft 382 pantservoertuigen aangekocht bij Frankrijk.",
])
def test_participle_of_aankopen_is_a_purchase(text: str) -> None:
    # simplemma lemmatises "aangekocht" as "aan_kopen", which no lexicon entry spells
    (c,) = claims(text, LANG, PUB)
    assert core(c) == ("FRA", "BEL", "armoured vehicles", (382, "exact"), "ordered", "asserted")


def test_send_naar() -> None:
    (c,) = claims("De Verenigde Staten sturen ATACMS-raketten naar Oekraïne.", LANG, PUB)
    assert core(c) == ("USA", "UKR", "MGM-140 ATACMS", None, "delivered", "asserted")


def test_bare_recipient_after_separable_offer() -> None:
    (c,) = claims("Zweden biedt Oekraïne Gripen-gevechtsvliegtuigen aan.", LANG, PUB)
    assert core(c) == ("SWE", "UKR", "Gripen", None, "offered", "asserted")


def test_indirect_object_before_verb_final_trigger() -> None:
    assert triples("Nederland heeft Oekraïne 24 F-16's toegezegd.", LANG, PUB) == {("NLD", "UKR", "F-16")}


def test_designation_inside_a_hyphenated_compound() -> None:
    assert triples("Nederland levert F-16-gevechtsvliegtuigen aan Oekraïne.", LANG, PUB) == {("NLD", "UKR", "F-16")}


def test_fronted_beneficiary_gets_what_is_bought_for_it() -> None:
    got = {(c["supplier"], c["recipient"], c["stage"]) for c in claims(
        "Voor Oekraïne koopt Nederland 100.000 granaten in Zuid-Afrika.", LANG, PUB)}
    assert got == {("ZAF", "NLD", "ordered"), ("NLD", "UKR", "planned")}


def test_fronted_recipient_and_subject_after_the_verb() -> None:
    (c,) = claims("Aan Oekraïne levert Denemarken nog eens zes F-16's.", LANG, PUB)
    assert core(c)[:3] == ("DNK", "UKR", "F-16")


def test_fronted_source_of_a_receive_verb() -> None:
    (c,) = claims("Van de Verenigde Staten krijgt Polen 96 Apache-helikopters.", LANG, PUB)
    assert core(c)[:3] == ("USA", "POL", "AH-64 Apache")


def test_speaker_before_dat_is_no_party() -> None:
    (c,) = claims("Het Kremlin ontkende dat Noord-Korea raketten aan Rusland had geleverd.", LANG, PUB)
    assert core(c) == ("PRK", "RUS", "missiles", None, "delivered", "denied")


# -- factuality ----------------------------------------------------------------------------------------


def test_zou_hebben_geleverd_is_reported_and_past() -> None:
    (c,) = claims("Iran zou drones aan Rusland hebben geleverd.", LANG, PUB)
    assert core(c) == ("IRN", "RUS", "drones", None, "delivered", "reported")
    assert c["attributed_to"] == []


def test_zou_leveren_is_reported_and_planned() -> None:
    (c,) = claims("Nederland zou 24 F-16's aan Oekraïne leveren.", LANG, PUB)
    assert core(c) == ("NLD", "UKR", "F-16", (24, "exact"), "planned", "reported")


def test_zou_kunnen_leveren_is_a_reported_plan() -> None:
    (c,) = claims("Duitsland zou Taurus-raketten aan Oekraïne kunnen leveren.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["stage"], c["status"]) == ("DEU", "UKR", "planned", "reported")


def test_volgens_makes_it_reported() -> None:
    (c,) = claims("Volgens Reuters zou Iran honderden drones aan Rusland hebben geleverd.", LANG, PUB)
    assert core(c) == ("IRN", "RUS", "drones", None, "delivered", "reported")
    assert c["attributed_to"] and c["attributed_to"][0].startswith("Reuters")


def test_volgens_attribution_stops_at_the_verb() -> None:
    (c,) = claims("Volgens Reuters heeft Iran 2600 drones aan Rusland geleverd.", LANG, PUB)
    assert c["attributed_to"] == ["Reuters"]


def test_aldus_attributes() -> None:
    (c,) = claims("Iran heeft zo'n 300 drones aan Rusland geleverd, aldus Reuters.", LANG, PUB)
    assert core(c) == ("IRN", "RUS", "drones", (300, "approx"), "delivered", "reported")
    assert c["attributed_to"] == ["Reuters"]


def test_denial() -> None:
    (c,) = claims("Iran ontkent drones aan Rusland te hebben geleverd.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["status"]) == ("IRN", "RUS", "denied")


def test_denial_in_the_next_sentence() -> None:
    (c,) = claims("Iran zou drones aan Rusland hebben geleverd. Teheran ontkent dat.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["status"]) == ("IRN", "RUS", "denied")


def test_niet_bevestigd_makes_it_unconfirmed() -> None:
    (c,) = claims("Noord-Korea zou artilleriegranaten aan Rusland hebben geleverd. Pyongyang heeft dat niet bevestigd.",
                  LANG, PUB)
    assert core(c) == ("PRK", "RUS", "artillery shells", None, "delivered", "unconfirmed")


def test_negation_before_the_participle() -> None:
    assert claims("Iran heeft geen drones aan Rusland geleverd.", LANG, PUB) == []


def test_negation_after_the_finite_verb() -> None:
    assert claims("Nederland levert geen F-16's aan Oekraïne.", LANG, PUB) == []


# -- stages --------------------------------------------------------------------------------------------


def test_in_gesprek_is_negotiating() -> None:
    (c,) = claims("Nederland is in gesprek met de Verenigde Staten over de aankoop van F-35's.", LANG, PUB)
    assert core(c) == ("USA", "NLD", "F-35", None, "negotiating", "asserted")


def test_zal_leveren_is_planned() -> None:
    (c,) = claims("Nederland zal 24 F-16's aan Oekraïne leveren.", LANG, PUB)
    assert core(c) == ("NLD", "UKR", "F-16", (24, "exact"), "planned", "asserted")


def test_wil_leveren_is_planned() -> None:
    (c,) = claims("Duitsland wil tot 30 tanks aan Oekraïne leveren.", LANG, PUB)
    assert core(c) == ("DEU", "UKR", "tanks", (30, "at_most"), "planned", "asserted")


def test_technology_transfer() -> None:
    (c,) = claims("Rusland zou technologie voor drones aan Iran hebben overgedragen.", LANG, PUB)
    assert core(c) == ("RUS", "IRN", "technology", None, "technology_transfer", "reported")


@pytest.mark.parametrize("text, triple", [
    ("Nederland en Denemarken gaan F-16's aan Oekraïne leveren.", ("NLD", "UKR", "F-16")),
    ("Volgend jaar gaat België vier NASAMS-systemen bij Noorwegen aanschaffen.", ("NOR", "BEL", "NASAMS")),
    ("Roemenië moet volgend jaar de eerste F-35's van de Verenigde Staten ontvangen.", ("USA", "ROU", "F-35")),
])
def test_gaan_and_moeten_with_infinitive_are_planned(text: str, triple: tuple[str, str, str]) -> None:
    got = {(c["supplier"], c["recipient"], c["item"]): c["stage"] for c in claims(text, LANG, PUB)}
    assert got.get(triple) == "planned"


# -- quantities ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "quantity"), [
    ("Nederland stuurt meer dan 100 pantservoertuigen naar Oekraïne.", (100, "at_least")),
    ("België koopt voor ongeveer 4 miljard euro 34 F-35’s van de Verenigde Staten.", (34, "exact")),  # money
    ("Duitsland levert vierentwintig houwitsers aan Oekraïne.", (24, "exact")),
    ("Noord-Korea levert een dozijn raketten aan Rusland.", (12, "approx")),
    ("Noord-Korea levert 1.000 raketten aan Rusland.", (1000, "exact")),
    ("Iran levert honderden drones aan Rusland.", None),  # vague
])
def test_quantities(text: str, quantity: tuple[int, str] | None) -> None:
    (c,) = claims(text, LANG, PUB)
    q = c["quantity"]
    assert (q and (q["value"], q["qualifier"])) == quantity


# -- dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "when"), [
    ("Duitsland heeft vorig jaar 18 Leopard 2-tanks aan Oekraïne geleverd.", "2023"),
    ("Denemarken leverde in 2023 de eerste F-16's aan Oekraïne.", "2023"),
    ("Nederland zal dit jaar F-16's aan Oekraïne leveren.", "2024"),
    ("Duitsland levert sinds 2022 houwitsers aan Oekraïne.", "2022/.."),
])
def test_dates(text: str, when: str) -> None:
    (c,) = claims(text, LANG, PUB)
    assert c["when"] == when


def test_lower_case_month() -> None:
    (c,) = claims("Duitsland heeft in maart 2024 18 Leopard 2-tanks aan Oekraïne geleverd.", LANG, PUB)
    assert c["when"] == "2024-03"


# -- negatives -----------------------------------------------------------------------------------------


def test_off_topic_article_has_no_claim() -> None:
    text = (
        "Het kabinet heeft dinsdag een nieuw plan gepresenteerd om de woningnood aan te pakken. Volgens de minister "
        "zullen er de komende vijf jaar meer dan honderdduizend woningen worden gebouwd. De oppositie ontkent dat het "
        "plan voldoende is. Ajax heeft de Deense middenvelder gekocht van FC Kopenhagen voor ongeveer 12 miljoen euro. "
        "De politie heeft in Rotterdam een man aangehouden die een pistool bij zich had. Philips levert medische "
        "apparatuur aan ziekenhuizen in Duitsland."
    )
    assert claims(text, LANG, PUB) == []


def test_battlefield_use_is_not_a_transfer() -> None:
    assert claims("Rusland heeft Iraanse drones ingezet bij aanvallen op Kiev.", LANG, PUB) == []


# --- wire-style phrasing, written for these tests (lang-quality round) ----------------------------------------

def claim_rows(text: str) -> set[tuple[object, ...]]:
    return {(c["supplier"], c["recipient"], c["item"], c["stage"], c["status"]) for c in claims(text, "nl")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Nederland heeft Oekraïne nog eens achttien F-16's geleverd.", ("NLD", "UKR", "F-16", "delivered", "asserted")),
    ("Volgens Amerikaanse inlichtingendiensten zou Iran ballistische raketten aan Rusland hebben geleverd.",
     ("IRN", "RUS", "ballistic missiles", "delivered", "reported")),
    ("Teheran ontkende dat het drones aan Moskou heeft verkocht.", ("IRN", "RUS", "drones", "ordered", "denied")),
    ("De Patriot-systemen werden door Duitsland aan Oekraïne geleverd.",
     ("DEU", "UKR", "MIM-104 Patriot", "delivered", "asserted")),
    ("Nederland onderhandelt met Zweden over de aankoop van CV90-pantservoertuigen.",
     ("SWE", "NLD", "CV90", "negotiating", "asserted")),
    ("Zuid-Korea heeft Nederland K9-houwitsers aangeboden.", ("KOR", "NLD", "K9 Thunder", "offered", "asserted")),
    ("Oekraïne heeft van Noorwegen NASAMS-luchtafweersystemen ontvangen.",
     ("NOR", "UKR", "NASAMS", "delivered", "asserted")),
    ("Berichten dat Noord-Korea raketten aan Rusland levert, zijn niet bevestigd.",
     ("PRK", "RUS", "missiles", "delivered", "unconfirmed")),
])
def test_wire_phrasing(text: str, expected: tuple[object, ...]) -> None:
    assert claim_rows(text) == {expected}


@pytest.mark.parametrize("text", [
    "Vorige maand stuurde Nederland Oekraïne zes Caesar-houwitsers.",
    "Vorige maand heeft Nederland Oekraïne zes Caesar-houwitsers gestuurd.",
])
def test_subject_after_fronted_adverbial(text: str) -> None:
    (c,) = claims(text, "nl")
    assert core(c) == ("NLD", "UKR", "CAESAR", (6, "exact"), "delivered", "asserted")


def test_subject_after_volgens_phrase() -> None:
    (c,) = claims("Volgens Reuters leverde Iran Rusland honderden drones.", "nl")
    assert core(c)[:3] + core(c)[4:] == ("IRN", "RUS", "drones", "delivered", "reported")


def test_name_in_prefield_stays_the_subject() -> None:
    assert triples("Ook Nederland levert Oekraïne F-16's.", "nl") == {("NLD", "UKR", "F-16")}


def test_signed_contract_for_purchase_is_ordered() -> None:
    text = "Nederland heeft een contract getekend voor de aanschaf van 46 Leopard 2A8-tanks uit Duitsland."
    (c,) = claims(text, "nl")
    assert core(c) == ("DEU", "NLD", "Leopard 2A8", (46, "exact"), "ordered", "asserted")


def test_ruim_twintig() -> None:
    (c,) = claims("Polen koopt ruim twintig Apache-helikopters van de Verenigde Staten.", "nl")
    assert core(c) == ("USA", "POL", "AH-64 Apache", (20, "at_least"), "ordered", "asserted")


@pytest.mark.parametrize("text", [
    "Russische troepen vuurden Iskander-raketten af op Charkiv.",
    "Oekraïense piloten worden in Roemenië opgeleid op de F-16.",
    "Damen bouwt vier fregatten voor de Nederlandse marine.",
    "De Europese Unie kondigde nieuwe sancties aan tegen Iraanse dronefabrikanten.",
])
def test_weapons_without_transfer(text: str) -> None:
    assert claims(text, "nl") == []


def test_who_asks_for_a_delivery_receives_it() -> None:
    text = "Oekraïne vroeg Duitsland om de levering van Taurus-raketten."
    assert claim_rows(text) == {("DEU", "UKR", "Taurus KEPD 350", "negotiating", "asserted")}



# -- strict fields: shared totals --------------------------------------------------------------------


def test_number_for_coordinated_verb_final_suppliers_is_a_shared_total() -> None:
    rows = {core(c) for c in claims("Noorwegen en België zullen 30 F-16's aan Oekraïne leveren.", LANG)}
    assert rows == {("NOR", "UKR", "F-16", None, "planned", "asserted"),
                    ("BEL", "UKR", "F-16", None, "planned", "asserted")}


def test_a_refusal_closing_the_clause_states_no_transfer() -> None:
    assert claims("De regering heeft de export van Patriot-raketten naar Oekraïne geblokkeerd.", "nl") == []
    assert triples("Nederland heeft 18 F-16's aan Oekraïne geleverd.", "nl") == {("NLD", "UKR", "F-16")}


# -- item classes, compounds and separable verbs (lexicon round, issue 13) ----------------------------------------

@pytest.mark.parametrize(("text", "item", "category"), [
    ("Turkije leverde twaalf mijnenruimvoertuigen aan Azerbeidzjan.", "mine-clearing vehicles", "other"),
    ("Nederland levert Oekraïne reserveonderdelen.", "spare parts", "other"),
    ("Canada stuurt Estland 2000 nachtkijkers.", "night-vision devices", "sensor"),
    ("Oostenrijk levert Georgië kogelwerende vesten.", "body armour", "other"),
    ("België koopt zes fregatten van Frankrijk.", "frigates", "ship"),
    ("Italië verkoopt Qatar twee onderzeeërs.", "submarines", "ship"),
    ("Duitsland levert Litouwen tanktransporters.", "tank transporters", "other"),
])
def test_generic_item_classes(text: str, item: str, category: str) -> None:
    found = [c for c in claims(text, LANG) if c["item"] == item]
    assert len(found) == 1 and found[0]["category"] == category and found[0]["supplier"] and found[0]["recipient"]


@pytest.mark.parametrize(("text", "item"), [
    ("Nederland levert Oekraïne vijftien aanvalsdrones en hoofdgevechtstanks.", "tanks"),
    ("Nederland levert Oekraïne drones en luchtverdedigingswapens.", "air defence systems"),
])
def test_unlisted_compound_is_read_by_its_head(text: str, item: str) -> None:
    assert item in {c["item"] for c in claims(text, LANG)}


@pytest.mark.parametrize("word", ["denktank", "passagiersvliegtuigen", "traumahelikopters", "luchtmacht"])
def test_civil_compound_keeps_its_own_lemma(word: str) -> None:
    toks = analysed(f"Nederland levert Oekraïne {word} en drones.")
    assert tok(toks, word).lemma not in ("tank", "tanks", "vliegtuigen", "helikopters", "wapens", "macht")


@pytest.mark.parametrize(("text", "expected"), [
    ("Nederland zegt Oekraïne twintig gevechtsvliegtuigen toe.", ("NLD", "UKR", "fighter jets", "planned", "asserted")),
    ("Frankrijk biedt Polen drie onderzeeërs aan.", ("FRA", "POL", "submarines", "offered", "asserted")),
    ("Duitsland stelt Litouwen twaalf pantserhouwitsers ter beschikking.",
     ("DEU", "LTU", "self-propelled howitzers", "delivered", "asserted")),
    ("Noord-Korea heeft Rusland van granaten voorzien.", ("PRK", "RUS", "artillery shells", "delivered", "asserted")),
    # the particle before a final 'aan/naar' + recipient
    ("Frankrijk draagt twaalf helikopters over aan Griekenland.",
     ("FRA", "GRC", "helicopters", "delivered", "asserted")),
    ("Denemarken droeg vier fregatten over aan Polen.", ("DNK", "POL", "frigates", "delivered", "asserted")),
    ("Frankrijk stelt twaalf helikopters beschikbaar aan Griekenland.",
     ("FRA", "GRC", "helicopters", "delivered", "asserted")),
])
def test_separable_and_supply_verbs(text: str, expected: tuple[object, ...]) -> None:
    assert claim_rows(text) == {expected}


def test_separable_verb_rejoined_in_the_front_end() -> None:
    toks = analysed("Nederland zegt Oekraïne twintig tanks toe.")
    assert tok(toks, "zegt").lemma == "toezeggen"
    toks = analysed("Rusland levert Iran drones, zegt de minister.")
    assert tok(toks, "zegt").lemma == "zeggen"  # the particle must close the verb's own clause


@pytest.mark.parametrize("text", [
    "De denktank uit Brussel publiceerde dinsdag een rapport over de Europese economie.",
    "Ajax won zondag met 3-1 van Feyenoord dankzij een schot van buiten de zestien.",
    "De Leopard in de dierentuin van Emmen kreeg bezoek uit Duitsland.",
    "Morgen wordt het stormachtig in Zeeland, met zware buien.",
])
def test_off_topic_sentences_give_no_claim(text: str) -> None:
    assert claims(text, LANG) == []


def test_buy_in_a_country_names_the_seller() -> None:
    assert triples("Nederland heeft twintig tanks in Duitsland gekocht.", LANG) == {("DEU", "NLD", "tanks")}
    assert triples("Nederland kocht in maart twintig tanks van Duitsland.", LANG) == {("DEU", "NLD", "tanks")}


def test_verb_closing_a_subordinate_clause_takes_no_object_after_its_comma() -> None:
    """'omdat … koopt,': the verb closes its clause; the air defence after the comma is the main clause's, not bought
    from Iran."""
    text = "Omdat Wit-Rusland drones uit Iran koopt, wil Litouwen meer luchtverdediging."
    assert triples(text, "nl") == {("IRN", "BLR", "drones")}


@pytest.mark.parametrize("text", [
    "Aan Oekraïne zijn veertig F-16's beloofd door bondgenoten als Noorwegen en Denemarken.",
    "Oekraïne zijn veertig F-16's beloofd door landen zoals Noorwegen en Denemarken.",
])
def test_agent_list_behind_a_such_as_descriptor(text: str) -> None:
    # "door bondgenoten als A en B": the agent marker stands before the descriptor; every listed state supplies
    assert set(triples(text, LANG)) == {("NOR", "UKR", "F-16"), ("DNK", "UKR", "F-16")}


def test_op_het_punt_is_ahead() -> None:
    # "staat op het punt te leveren": about to hand over, not yet delivered
    (c,) = claims("Portugal staat op het punt vier M109-houwitsers aan Oekraïne te leveren.", LANG, PUB)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("PRT", "UKR", "M109", "planned")
