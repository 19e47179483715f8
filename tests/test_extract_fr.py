"""French extraction, one phenomenon per test, on real-style sentences written for these tests."""

from __future__ import annotations

import pytest

from extraction_helpers import claims, core, one, triples


def test_active_supply_with_recipient_marker() -> None:
    c = one("La France a livré douze canons Caesar à l'Ukraine en mars.", "fr", item="CAESAR")
    assert (c["supplier"], c["recipient"], c["stage"], c["status"]) == ("FRA", "UKR", "delivered", "asserted")
    assert c["quantity"] == {"value": 12, "qualifier": "exact"}
    assert c["when"] == "2024-03"


def test_buy_from_takes_seller_after_a() -> None:
    c = one("L'Algérie a acheté 14 chasseurs Su-35 à la Russie.", "fr", item="Su-35")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "DZA", "ordered")


def test_passive_with_agent() -> None:
    c = one("Des missiles Storm Shadow ont été fournis à Kiev par le Royaume-Uni.", "fr", item="Storm Shadow")
    assert (c["supplier"], c["recipient"]) == ("GBR", "UKR")


def test_nominal_with_demonym_origin() -> None:
    c = one("La livraison de drones iraniens à la Russie inquiète les Occidentaux.", "fr")
    assert (c["supplier"], c["recipient"], c["category"]) == ("IRN", "RUS", "uav")


def test_alias_resolves_to_canonical_designation() -> None:
    c = one("Selon Kiev, la Russie a reçu de l'Iran des centaines de drones Geran-2.", "fr")
    assert c["item"] == "Shahed-136" and "Geran-2" in " ".join(c["item_mentions"])
    assert c["quantity"] is None  # "des centaines" is not a number


def test_conditional_mood_is_reported() -> None:
    c = one("Pyongyang aurait livré des obus d'artillerie à Moscou, selon Séoul.", "fr")
    assert (c["supplier"], c["recipient"], c["status"]) == ("PRK", "RUS", "reported")


def test_kb_origin_fills_supplier_only_when_the_text_names_it() -> None:
    assert claims("Selon la presse, 24 chasseurs Su-35 seraient livrés à l'Iran.", "fr") == []


def test_conditional_present_passive_is_planned() -> None:
    text = ("Moscou et Téhéran renforcent leur coopération. "
            "Selon la presse, 24 chasseurs Su-35 seraient livrés à l'Iran.")
    c = one(text, "fr", item="Su-35")
    assert (c["supplier"], c["recipient"], c["stage"], c["status"]) == ("RUS", "IRN", "planned", "reported")
    assert c["quantity"] == {"value": 24, "qualifier": "exact"}


def test_attribution_chain() -> None:
    text = ("Le Monde a rapporté, citant des sources diplomatiques, que la Biélorussie aurait livré "
            "des chars T-72 à la Russie.")
    c = one(text, "fr", item="T-72")
    assert c["status"] == "reported"
    assert any("Le Monde" in a for a in c["attributed_to"])


def test_unconfirmed_report() -> None:
    text = ("Selon des médias ukrainiens, l'Iran aurait livré des missiles Fath-360 à la Russie. "
            "L'information n'a pas encore été confirmée.")
    assert one(text, "fr", item="Fath-360")["status"] == "unconfirmed"


def test_denial_by_the_supplier() -> None:
    text = "La Corée du Nord aurait fourni des roquettes à la Russie. Pyongyang dément toute livraison d'armes."
    c = one(text, "fr")
    assert (c["supplier"], c["status"]) == ("PRK", "denied")


def test_negated_transfer_gives_no_claim() -> None:
    assert claims("« Nous n'avons jamais exporté de munitions vers la Russie », a déclaré un responsable.", "fr") == []


def test_quantities_with_qualifiers() -> None:
    text = ("La Russie a signé un accord pour acheter plus de 100 000 obus à l'Iran. "
            "Téhéran a aussi livré environ 2 600 drones Shahed-136 à Moscou.")
    shells = one(text, "fr", item="artillery shells")
    assert shells["quantity"] == {"value": 100000, "qualifier": "at_least"} and shells["stage"] == "agreed"
    drones = one(text, "fr", item="Shahed-136")
    assert drones["quantity"] == {"value": 2600, "qualifier": "approx"}


def test_shared_total_is_not_split() -> None:
    text = "L'Iran aurait livré à la Russie 12 Shahed-129 et Shahed-191, ainsi que 6 Mohajer-6."
    got = {c["item"]: c["quantity"] for c in claims(text, "fr")}
    assert got["Shahed-129"] is None and got["Shahed-191"] is None
    assert got["Mohajer-6"] == {"value": 6, "qualifier": "exact"}


def test_cross_sentence_list_continues_the_transfer() -> None:
    text = ("Selon le Guardian, l'Iran aurait livré 18 drones à la Russie depuis novembre 2022. "
            "Ils comprendraient 12 Shahed-129 et 6 Mohajer-6.")
    got = {c["item"]: c for c in claims(text, "fr", "2023-02")}
    assert set(got) == {"Shahed-129", "Mohajer-6"}  # the generic "drones" is their total, not a claim
    assert all((c["supplier"], c["recipient"], c["stage"]) == ("IRN", "RUS", "delivered") for c in got.values())
    assert got["Mohajer-6"]["when"] == "2022-11/.."


def test_stage_cues() -> None:
    assert one("Il y a des négociations sur la fourniture d'obus de 152 mm par l'Iran à la Russie.", "fr")[
        "stage"] == "negotiating"
    assert one("L'Inde a commandé 26 Rafale Marine à la France.", "fr")["stage"] == "ordered"
    assert one("La Chine a proposé des chasseurs JF-17 à l'Argentine.", "fr")["stage"] == "offered"
    assert one("L'Allemagne va livrer des chars Leopard 2 à la Pologne.", "fr")["stage"] == "planned"


def test_calibre_names_the_generic_item() -> None:
    c = one("Il y a des négociations sur la fourniture d'obus de 152 mm par l'Iran à la Russie.", "fr")
    assert c["item"] == "152 mm artillery shells" and c["category"] == "ammunition"


def test_relative_date_resolved_against_publication() -> None:
    c = one("La Corée du Nord a livré des missiles KN-23 à la Russie le 4 septembre dernier.", "fr",
            published="2024-11-02")
    assert c["when"] == "2024-09-04"


def test_movement_without_named_cargo_is_not_a_claim() -> None:
    text = "Un Il-76 de l'armée de l'air iranienne a volé de Téhéran à Moscou ; la cargaison reste secrète."
    assert claims(text, "fr") == []


def test_evidence_offsets_point_into_the_text() -> None:
    text = "Hier, à Paris. La France a livré des canons Caesar à l'Ukraine."
    c = one(text, "fr")
    (a, b), = c["evidence_spans"]
    assert text[a:b] == c["evidence"] == "La France a livré des canons Caesar à l'Ukraine."


def test_off_topic_text_gives_nothing() -> None:
    text = ("Le PSG a battu Lyon 3 à 1 dimanche. La météo annonce de la grêle sur la Bretagne et un ciel "
            "couvert à Paris. Le Patriot Act a été évoqué dans un débat sur la surveillance.")
    assert triples(text, "fr") == set()


def test_deal_chained_to_a_purchase_and_relative_month() -> None:
    text = ("L'Égypte a réceptionné le mois dernier des chasseurs Rafale livrés par la France. "
            "La Pologne a conclu avec la Corée du Sud un accord portant sur l'achat de 180 chars K2.")
    got = {c["item"]: c for c in claims(text, "fr", "2023-06-14")}
    assert (got["Rafale"]["supplier"], got["Rafale"]["recipient"], got["Rafale"]["when"]) == ("FRA", "EGY", "2023-05")
    k2 = next(c for item, c in got.items() if item.startswith("K2"))
    assert (k2["supplier"], k2["recipient"], k2["stage"]) == ("KOR", "POL", "agreed")


def test_not_confirmed_covers_its_own_sentence_only() -> None:
    text = ("Selon le ministère, la Pologne a commandé des obusiers K9 à la Corée du Sud. "
            "Le Niger aurait reçu des drones Bayraktar TB2 de la Turquie, sans que cette information ait pu être "
            "vérifiée de manière indépendante.")
    got = {c["recipient"]: c["status"] for c in claims(text, "fr")}
    assert got == {"POL": "reported", "NER": "unconfirmed"}


def test_denied_purchase_is_a_denied_claim() -> None:
    c = one("Les autorités maliennes ont démenti avoir acheté des hélicoptères à la Russie.", "fr")
    assert (c["supplier"], c["recipient"], c["status"]) == ("RUS", "MLI", "denied")


def test_route_of_a_transfer() -> None:
    text = ("Selon le Guardian, l'Iran aurait livré des drones Mohajer-6 à la Russie. La plupart des drones auraient "
            "été transférés à travers la mer Caspienne.")
    assert one(text, "fr")["route"] == "à travers la mer Caspienne"


def test_licensed_production_deal_with_two_named_parties() -> None:
    c = one("L'Inde a signé un accord avec la Russie pour produire sous licence des fusils d'assaut AK-203.", "fr")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "IND", "licensed_production")


def test_day_name_is_not_the_speaker() -> None:
    text = "L'Arménie a commandé trois radars Ground Master 200 à la France, a annoncé mardi le ministère arménien."
    c = one(text, "fr")
    assert c["attributed_to"] == ["le ministère arménien"]


def test_refused_sale_and_licence_as_description() -> None:
    text = ("Le Japon va exporter des missiles Patriot fabriqués sous licence vers les États-Unis. "
            "Le Brésil a refusé de vendre des munitions à l'Allemagne.")
    assert triples(text, "fr") == {("JPN", "USA", "MIM-104 Patriot")}
    assert one(text, "fr")["stage"] == "planned"


# -- strict fields: shared totals, future, commitments, requests, attribution ---------------------------


def test_number_for_coordinated_suppliers_is_a_shared_total() -> None:
    rows = {core(c) for c in claims("Le Danemark et la Norvège livreront 19 F-16 à l'Ukraine d'ici l'été.", "fr")}
    assert {(r[0], r[3], r[4]) for r in rows} == {("DNK", None, "planned"), ("NOR", None, "planned")}


def test_plural_future_is_planned() -> None:
    c = one("Les Pays-Bas fourniront des chasseurs F-16 à l'Ukraine.", "fr")
    assert core(c)[:2] == ("NLD", "UKR") and c["stage"] == "planned"


def test_commitment_is_planned_and_acceptance_is_agreed() -> None:
    c = one("La Suède s'est engagée à livrer huit canons Archer à l'Ukraine.", "fr")
    assert core(c) == ("SWE", "UKR", "Archer", (8, "exact"), "planned", "asserted")
    c = one("La Suède a accepté de livrer huit canons Archer à l'Ukraine.", "fr")
    assert core(c)[:2] == ("SWE", "UKR") and c["stage"] == "agreed"


def test_asking_another_state_to_deliver() -> None:
    c = one("L'Ukraine a demandé à l'Allemagne de livrer des missiles Taurus.", "fr")
    assert core(c)[:2] == ("DEU", "UKR") and c["stage"] == "negotiating"


def test_outlet_citing_a_source_gives_both_names() -> None:
    c = one("Le Monde, citant des responsables du renseignement occidental, affirme que l'Iran a livré des "
            "missiles Fateh-110 à la Russie.", "fr")
    assert set(c["attributed_to"]) == {"Le Monde", "des responsables du renseignement occidental"}
    assert c["status"] == "reported"


# --- Couverture du lexique (issue 13) : genres d'items, déclencheurs, stades et modalités ---


def test_support_vehicle_nouns_are_items_of_their_own() -> None:
    found = claims("La Turquie a livré des véhicules de déminage et des porte-chars à l'Azerbaïdjan.", "fr")
    assert {(c["supplier"], c["recipient"], c["item"], c["category"]) for c in found} == {
        ("TUR", "AZE", "mine-clearing vehicles", "other"), ("TUR", "AZE", "tank transporters", "other")}
    found = claims("La Norvège enverra des véhicules de dépannage blindés et des véhicules du génie à l'Ukraine.", "fr")
    assert {c["item"] for c in found} == {"armoured recovery vehicles", "engineering vehicles"}
    assert {c["stage"] for c in found} == {"planned"}


def test_kinds_of_small_arms_and_equipment_give_one_claim_each() -> None:
    found = claims("L'Allemagne a envoyé des fusils de précision, des lance-grenades et des lunettes de vision "
                   "nocturne à la Lituanie.", "fr")
    assert {(c["item"], c["category"]) for c in found} == {
        ("sniper rifles", "small_arms"), ("grenade launchers", "small_arms"), ("night-vision devices", "sensor")}
    found = claims("Les Pays-Bas fourniront des pièces de rechange, des gilets pare-balles et des détonateurs à "
                   "l'Ukraine.", "fr")
    assert {(c["item"], c["category"], c["stage"]) for c in found} == {
        ("spare parts", "other", "planned"), ("body armour", "other", "planned"), ("fuzes", "ammunition", "planned")}
    found = claims("Le Canada va livrer des torpilles et des missiles de croisière à l'Ukraine.", "fr")
    assert {(c["item"], c["category"]) for c in found} == {("torpedoes", "other"), ("cruise missiles", "missile")}


def test_envisager_is_planned_and_chercher_a_is_negotiating() -> None:
    c = one("Le Chili envisage d'acheter dix F-16 aux États-Unis.", "fr")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("USA", "CHL", "planned")
    c = one("Le Vietnam cherche à acquérir des radars auprès d'Israël.", "fr")
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == ("ISR", "VNM", "radars", "negotiating")


def test_coproduire_is_licensed_production() -> None:
    c = one("L'Inde a signé un accord avec la Russie pour coproduire des fusils AK-203.", "fr")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("RUS", "IND", "licensed_production")


def test_vraisemblablement_hedges_and_unverified_information_doubts() -> None:
    c = one("La Corée du Nord a vraisemblablement livré des obus à la Russie.", "fr")
    assert (c["supplier"], c["recipient"], c["status"]) == ("PRK", "RUS", "reported")
    c = one("Selon Kiev, la Russie a livré des drones à l'Iran. Ces informations n'ont pu être vérifiées.", "fr")
    assert c["status"] == "unconfirmed"


def test_french_spellings_of_systems_resolve() -> None:
    c = one("Les Émirats arabes unis ont importé des obusiers AH-4 de Chine.", "fr")
    assert (c["supplier"], c["recipient"], c["item"]) == ("CHN", "ARE", "AH-4")
    c = one("L'Iran a livré des missiles antichars Saguer au Hezbollah.", "fr")
    assert (c["supplier"], c["recipient"], c["item"]) == ("IRN", "ORG:Hezbollah", "9M14 Malyutka")


def test_off_topic_sentences_with_trigger_words_give_no_claim() -> None:
    for text in ("Le Leopard de Lyon a livré une belle performance face à Marseille.",
                 "Le PSG a acheté deux attaquants au Real Madrid pour 80 millions d'euros.",
                 "Une rafale de vent a balayé Marseille et la Corse dimanche.",
                 "Le zoo de Prague a envoyé un léopard à Berlin."):
        assert claims(text, "fr") == [], text


@pytest.mark.parametrize("verb", ["indique", "estime", "fait savoir"])
def test_a_present_report_verb_the_tagger_leaves_unlemmatised_still_reports(verb: str) -> None:
    # French only: the model gives 'indique', 'estime' as their own lemmas before an inverted subject
    c = one(f"La France va livrer des canons Caesar à l'Arménie, {verb} le ministère.", "fr")
    assert (c["status"], c["attributed_to"]) == ("reported", ["le ministère"])


@pytest.mark.parametrize("text", [
    "La Russie vendra des Su-30 à l'Iran.",
    "La France enverra des chars Leclerc à la Roumanie.",
])
def test_an_irregular_future_stem_is_planned(text: str) -> None:
    assert {c["stage"] for c in claims(text, "fr")} == {"planned"}
