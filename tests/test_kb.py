"""The knowledge base: loading, matching rules, ambiguity, validation and the kb CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from armstrack.cli import app
from armstrack.errors import InvalidKB
from armstrack.kb.loader import get_kb, load_kb
from armstrack.kb.matcher import Matcher, compress, describe, get_matcher, get_names
from armstrack.kb.validate import generic_item_problems, head_noun_problems, validate
from armstrack.lang import language_codes
from armstrack.lang.base import tokenize
from armstrack.lang.lexicon import LEXICON_DIR, load_lexicon
from extraction_helpers import one, triples

FIXTURES = Path(__file__).parent / "fixtures"


def systems_in(text: str) -> list[str]:
    m = get_matcher()
    return [e.ref for mm in m.mentions(tokenize(text)) for e in mm.entries[:1] if e.kind == "system"]


def test_bundled_kb_meets_the_coverage_bars() -> None:
    kb = get_kb()
    assert len(kb.systems) >= 1500
    assert sum(1 for p in kb.parties if p.kind == "actor") >= 60
    assert len(kb.sources) >= 300
    assert {s.category for s in kb.systems.values()} >= {
        "aircraft", "helicopter", "uav", "loitering_munition", "missile", "air_defence", "artillery", "ammunition",
        "armoured_vehicle", "ship", "small_arms", "sensor", "electronic_warfare", "engine"}


def test_bundled_kb_validates() -> None:
    assert validate(get_kb()) == []


@pytest.mark.parametrize("name", ["Shahed-136", "shahed 136", "SHAHED136", "Shahed‑136", "Geran-2", "Герань-2",
                                  "герань 2"])
def test_lookup_ignores_case_hyphens_spaces_and_script_variants(name: str) -> None:
    assert [e.ref for e in get_matcher().lookup(name) if e.kind == "system"] == ["shahed-136"]


def test_diacritics_are_ignored() -> None:
    assert get_matcher().lookup("Téhéran") and get_matcher().lookup("Teheran")


def test_longest_match_wins_and_family_is_recorded() -> None:
    kb = get_kb()
    (sid,) = systems_in("Germany sent Leopard 2A6 tanks.")
    assert kb.systems[sid].name == "Leopard 2A6"
    assert kb.is_descendant(sid, kb.family_root(sid)) and kb.family_root(sid) != sid


def test_matches_respect_word_boundaries_and_plurals() -> None:
    assert systems_in("The army received JDAMs and F-16s.") == ["jdam", "f-16"]
    assert systems_in("The Su-35x prototype and the MiG29k2 engine") == []


def test_ambiguous_names_need_military_context() -> None:
    assert systems_in("Hail (grad) fell on Moscow; Patriot fans celebrated.") == []
    assert systems_in("Russia fired Grad rockets at Kharkiv.") == ["bm-21"]
    assert systems_in("Germany pledged a Patriot battery to Ukraine.") == ["mim-104"]


def test_acronyms_match_only_in_capitals() -> None:
    m = get_matcher()
    found = m.mentions(tokenize("Kim Jong Un met the UN envoy."))
    un = [mm for mm in found if any(e.ref == "ORG:United Nations" for e in mm.entries)]
    assert len(un) == 1 and un[0].first == 5


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Bolivia received Russian helicopters.", {("RUS", "BOL", "helicopters")}),
    ("en", "Bolivia bought Russian helicopters.", {("RUS", "BOL", "helicopters")}),
    ("en", "Russian Helicopters will deliver ten Mi-17 to Bolivia.", {("RUS", "BOL", "Mi-17")}),
])
def test_a_company_named_by_capitalised_common_words_needs_its_capitals(
        lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    # "Russian Helicopters" is the holding; "Russian helicopters" are helicopters from Russia
    assert triples(text, lang) == expected


@pytest.mark.parametrize(("text", "company"), [
    ("Холдинг «Вертолёты России» поставит Боливии вертолёты.", True),
    ("Боливия закупает вертолёты России.", False),
    ("Russian Helicopters delivers.", True),
    ("Russian helicopters arrived.", False),
])
def test_a_title_case_company_name_matches_only_title_case_text(text: str, company: bool) -> None:
    found = get_matcher().mentions(tokenize(text))
    assert any(e.kind == "institution" for m in found for e in m.entries) == company


def test_off_topic_text_yields_no_system_in_any_language() -> None:
    corpus = yaml.safe_load((FIXTURES / "offtopic.yaml").read_text(encoding="utf-8"))
    assert set(corpus) == set(language_codes())  # every registered language has off-topic text
    for lang, texts in corpus.items():
        for text in texts:
            assert systems_in(text) == [], f"{lang}: {text}"


def test_validate_reports_collisions_and_bad_codes(tmp_path: Path) -> None:
    (tmp_path / "systems").mkdir()
    (tmp_path / "systems" / "a.yaml").write_text(
        "kind: systems\nentries:\n"
        "  - {id: x-1, name: X-1, aliases: [Zed], category: missile, origin: RUS}\n"
        "  - {id: y-1, name: Y-1, aliases: [ZED], category: armoured_vehicle, origin: QQQ, family: nope}\n",
        encoding="utf-8")
    (tmp_path / "countries.yaml").write_text(
        "kind: countries\nentries:\n  - {code: RUS, names: {en: [Russia]}}\n", encoding="utf-8")
    problems = "\n".join(validate(load_kb(tmp_path)))
    assert "resolves to several systems" in problems
    assert "QQQ" in problems and "family 'nope'" in problems


def test_validate_wants_the_designation_without_its_makers_name(tmp_path: Path) -> None:
    (tmp_path / "systems").mkdir()
    (tmp_path / "systems" / "a.yaml").write_text(
        "kind: systems\nentries:\n"
        "  - {id: f110, name: GE F110, aliases: [F110], category: engine, origin: USA, maker: GE Aerospace}\n"
        "  - {id: ef, name: Eurofighter Typhoon, aliases: [Eurofighter, Typhoon], category: aircraft, origin: GBR,"
        " maker: Eurofighter GmbH}\n"
        "  - {id: k2, name: Daewoo K2, aliases: [K2 rifle], category: small_arms, origin: KOR, maker: Daewoo}\n",
        encoding="utf-8")
    problems = validate(load_kb(tmp_path))
    assert [p for p in problems if "maker" in p] == [
        "system f110: name 'GE F110' starts with its maker's name; name it 'F110' (the full form an alias)"]


def test_validate_finds_makers_names_joined_by_hyphens_or_spelt_otherwise(tmp_path: Path) -> None:
    (tmp_path / "systems").mkdir()
    (tmp_path / "systems" / "a.yaml").write_text(
        "kind: systems\nentries:\n"
        "  - {id: arma, name: Otokar Arma, aliases: [Arma 6x6], category: armoured_vehicle, origin: TUR,"
        " maker: Otokar}\n"
        "  - {id: eagle, name: Mowag Eagle, aliases: [Eagle V], category: armoured_vehicle, origin: CHE,"
        " maker: GDELS–Mowag}\n"
        "  - {id: orion, name: Kronshtadt Orion, category: uav, origin: RUS, maker: Kronstadt Group}\n"
        "  - {id: typhoon-k, name: KamAZ-63968 Typhoon-K, aliases: [Typhoon-K], category: armoured_vehicle,"
        " origin: RUS, maker: KamAZ}\n"
        "  - {id: hawk-jet, name: BAE Systems Hawk, category: aircraft, origin: GBR, maker: BAE Systems}\n"
        "  - {id: mim-23, name: MIM-23 Hawk, aliases: [Hawk], category: air_defence, origin: USA,"
        " maker: Raytheon, needs_context: [Hawk]}\n"
        "  - {id: bell-412, name: Bell 412, category: helicopter, origin: USA, maker: Bell}\n"
        "  - {id: shahed-171, name: Shahed-171 Simorgh, category: uav, origin: IRN, maker: Shahed Aviation}\n"
        "  - {id: horizon, name: Horizon class, category: ship, origin: FRA, maker: Horizon SAS}\n"
        "  - {id: scar, name: FN SCAR, category: small_arms, origin: BEL, maker: FN Herstal}\n",
        encoding="utf-8")
    problems = [p for p in validate(load_kb(tmp_path)) if "maker" in p]
    assert [p.split(";")[1] for p in problems] == [
        " name it 'Arma' (the full form an alias)", " name it 'Eagle' (the full form an alias)",
        " name it 'Orion' (the full form an alias)", " name it 'Typhoon-K' (the full form an alias)"]


def test_validate_wants_a_familys_members_in_its_category_unless_they_are_its_parts(tmp_path: Path) -> None:
    (tmp_path / "systems").mkdir()
    (tmp_path / "systems" / "a.yaml").write_text(
        "kind: systems\nentries:\n"
        "  - {id: sam, name: SAM-9, category: air_defence, origin: RUS}\n"
        "  - {id: sam-missile, name: 9X99, category: missile, origin: RUS, family: sam}\n"
        "  - {id: sam-radar, name: 9Y99, category: sensor, origin: RUS, family: sam}\n"
        "  - {id: atgm, name: Lance-1, category: missile, origin: RUS}\n"
        "  - {id: atgm-launcher, name: Lance-L, category: small_arms, origin: RUS, family: atgm}\n"
        "  - {id: tank, name: T-99, category: armoured_vehicle, origin: RUS}\n"
        "  - {id: tank-gun, name: T-99 gun, category: artillery, origin: RUS, family: tank}\n",
        encoding="utf-8")
    (tmp_path / "countries.yaml").write_text(
        "kind: countries\nentries:\n  - {code: RUS, names: {en: [Russia]}}\n", encoding="utf-8")
    problems = [p for p in validate(load_kb(tmp_path)) if "family" in p]
    assert [p.split(":")[0] for p in problems] == ["system atgm-launcher", "system tank-gun"]


@pytest.mark.parametrize("system_id", ["fim-92", "9k38-igla", "piorun", "mistral", "starstreak", "rbs-70", "iris-t"])
def test_man_portable_and_named_surface_to_air_systems_are_air_defence(system_id: str) -> None:
    assert get_kb().systems[system_id].category == "air_defence"


@pytest.mark.parametrize(("system_id", "category"), [
    ("fgm-148", "missile"), ("nlaw", "missile"), ("spike", "missile"), ("9k135-kornet", "missile"),
    ("at4", "small_arms"), ("carl-gustaf", "small_arms"), ("m72-law", "small_arms"), ("rpg-7", "small_arms")])
def test_guided_anti_tank_weapons_are_missiles_and_unguided_launchers_small_arms(system_id: str,
                                                                                category: str) -> None:
    assert get_kb().systems[system_id].category == category


def test_validate_wants_a_name_ending_in_a_generic_noun_in_that_nouns_category(tmp_path: Path) -> None:
    (tmp_path / "systems").mkdir()
    (tmp_path / "systems" / "a.yaml").write_text(
        "kind: systems\nentries:\n"
        "  - {id: zt, name: Zed-48, aliases: [Zed-48 torpedo], category: ammunition, origin: USA}\n"
        "  - {id: zh, name: Zed-7, aliases: [Zed-7 howitzer], category: artillery, origin: USA}\n"
        "  - {id: zd, name: Zed-9, aliases: [Zed-9 drone], category: loitering_munition, origin: USA}\n"
        "  - {id: zs, name: Zed-2, aliases: [Zed-2 surface-to-air missile], category: missile, origin: USA}\n"
        "  - {id: ztd, name: Zed-1, aliases: [Zed-1 tank destroyer], category: armoured_vehicle, origin: USA}\n"
        "  - {id: zb, name: Zed-5, aliases: [Zed-5 missile boat], category: ship, origin: USA}\n",
        encoding="utf-8")
    assert head_noun_problems(load_kb(tmp_path), load_lexicon("en")) == [
        "system zt: name 'Zed-48 torpedo' ends in 'torpedoes' (other), but the system is ammunition"]


def test_validate_wants_one_category_per_generic_item_across_languages(tmp_path: Path) -> None:
    text = (LEXICON_DIR / "en.yaml").read_text(encoding="utf-8")
    assert "{item: torpedoes, category: other," in text
    (tmp_path / "en.yaml").write_text(text.replace("{item: torpedoes, category: other,",
                                                   "{item: torpedoes, category: ammunition,"), encoding="utf-8")
    lexicons = {"en": load_lexicon("en", tmp_path / "en.yaml"), "fr": load_lexicon("fr")}
    assert generic_item_problems(lexicons) == [
        "lexicons: generic item 'torpedoes' has several categories (ammunition in en; other in fr)"]
    assert generic_item_problems({"en": load_lexicon("en"), "fr": load_lexicon("fr")}) == []


def test_matcher_builds_from_any_kb(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(
        "kind: systems\nentries:\n  - {id: a-1, name: Alpha-1, category: uav, origin: FRA}\n", encoding="utf-8")
    m = Matcher(load_kb(tmp_path))
    assert [mm.entries[0].ref for mm in m.scan(tokenize("two alpha 1 drones"))] == ["a-1"]


def test_cli_lookup_found_and_not_found() -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["kb", "lookup", "Герань-2"])
    assert ok.exit_code == 0 and "Shahed-136" in ok.stdout and "loitering_munition" in ok.stdout
    missing = runner.invoke(app, ["kb", "lookup", "Shahd-136"])
    assert missing.exit_code == 1
    assert "not found" in missing.stderr and "Shahed-136" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_cli_stats_and_validate() -> None:
    runner = CliRunner()
    stats = runner.invoke(app, ["kb", "stats"])
    assert stats.exit_code == 0 and "systems" in stats.stdout and "sources" in stats.stdout
    valid = runner.invoke(app, ["kb", "validate"])
    assert valid.exit_code == 0 and "knowledge base OK" in valid.stdout


def test_ambiguous_word_names_count_only_with_their_capital() -> None:
    assert systems_in("The sanctions could backfire on the army and its missile programme.") == []
    assert systems_in("Russian Backfire bombers fired missiles at Odesa.") == ["tu-22m"]
    assert systems_in("Une rafale de vent a renversé le radar de l'armée.") == []


def test_lookup_of_a_phrase_resolves_the_one_designation_it_contains() -> None:
    def first(name: str) -> list[str]:
        return [e.ref for e in get_matcher().lookup(name) if e.kind == "system"][:1]
    assert first("Marder-Schützenpanzer") == ["marder"]
    assert first("Kalashnikov AK-47") == ["ak-47"]  # two names of one system
    assert first("Abrams M1A1SA") == ["m1a1"]  # a system and its variant: the variant
    assert first("Su-35 and MiG-29") == []  # two systems: no guess


@pytest.mark.parametrize(("entry", "message"), [
    ("{id: x, name: X, reliability: B, relaibility: C}", "unknown key 'relaibility' in a sources entry"),
    ("{id: x, name: X}", "sources entry without 'reliability'"),
])
def test_source_entries_load_strictly(tmp_path: Path, entry: str, message: str) -> None:
    (tmp_path / "sources.yaml").write_text(f"kind: sources\nentries:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(InvalidKB, match=f"sources.yaml entry 0: {message}"):
        load_kb(tmp_path)


@pytest.mark.parametrize(("text", "message"), [
    ("kind: countries\nentries:\n  - {code: RUS, names: {en: [Russia]}, capital: [Moscow]}\n",
     "unknown key 'capital' in a countries entry"),
    ("kind: countries\nentries:\n  - {code: RUS, names: {xx: [Russia]}}\n", "unknown language 'xx'"),
    ("kind: systems\nentries:\n  - {id: a-1, name: Alpha-1, category: uav}\n", "systems entry without 'origin'"),
    ("kind: systems\nentires: []\n", "expected a mapping with 'kind' and 'entries'"),
    ("kind: system\nentries: []\n", "unknown kind 'system'"),
    ("kind: systems\nentries: [\n", "not valid YAML"),
])
def test_kb_files_load_strictly(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "data.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InvalidKB, match=f"data.yaml.*{message}"):
        load_kb(tmp_path)


def test_the_names_index_resolves_every_kb_name_as_the_matcher_does() -> None:
    """`kb lookup` answers a whole KB name from the names index alone: the same entries as Matcher.lookup."""
    kb, matcher, names = get_kb(), get_matcher(), get_names()
    assert sorted(names) == sorted(matcher.index)
    for key, entries in matcher.index.items():
        assert names[key] == tuple(describe(kb, e) for e in entries)
    assert names[compress("Geran 2")][0].canonical == "Shahed-136"
    assert compress("Caesar howitzer") not in names  # a phrase: the matcher's scan resolves it
    assert [e.ref for e in matcher.lookup("Caesar howitzer")] == ["caesar"]
    phrase = CliRunner().invoke(app, ["kb", "lookup", "Caesar howitzer", "-f", "json"])
    assert [r["id"] for r in json.loads(phrase.stdout)] == ["caesar"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Leopard fund bought more Puma and Jaguar shares after strong results."),
    ("fr", "Le fonds Leopard a acheté des actions Puma après de bons résultats."),
    ("de", "Der Leopard-Fonds hat einen Vertrag über Puma-Aktien abgeschlossen."),
])
def test_buying_words_without_a_state_make_no_weapon(lang: str, text: str) -> None:
    assert [e.ref for m in get_matcher().mentions(tokenize(text)) for e in m.entries if e.kind == "system"] == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Indonesia ordered 42 Rafale jets from France in 2022. The first six Rafales arrived in Jakarta this year."),
    ("de", "Indonesien hat 2022 in Frankreich 42 Rafale-Kampfjets bestellt. Die ersten sechs Rafale sind dieses Jahr "
           "in Jakarta angekommen."),
    ("es", "Indonesia encargó 42 cazas Rafale a Francia en 2022. Los seis primeros Rafale llegaron a Yakarta este "
           "año."),
])
def test_an_ambiguous_name_has_context_once_the_document_named_that_system(lang: str, text: str) -> None:
    c = one(text, lang, item="Rafale")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("FRA", "IDN", "delivered")


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Alemania ha prometido 40 vehículos Marder a Ucrania."),
    ("it", "La Germania ha promesso all'Ucraina 40 veicoli Marder."),
    ("en", "Germany promised 40 Marder to Ukraine."),
    ("ru", "Германия передаст Украине 40 БМП Marder."),
])
def test_a_state_supplying_or_promising_gives_an_ambiguous_name_its_context(lang: str, text: str) -> None:
    c = one(text, lang, item="Marder")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("DEU", "UKR", "planned")


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Bélgica compra 34 F-35 a Estados Unidos. Francia había ofrecido el Rafale."),
    ("it", "Il Belgio acquista 34 F-35 dagli Stati Uniti. La Francia aveva offerto il Rafale."),
    ("nl", "Frankrijk heeft België de Rafale aangeboden."),
    ("nl", "Frankrijk bood België de Rafale aan."),
])
def test_a_state_offering_gives_an_ambiguous_name_its_context(lang: str, text: str) -> None:
    c = one(text, lang, item="Rafale")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("FRA", "BEL", "offered")


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "В Україну прибули дві броньовані машини та три Leopard від Португалії."),
    ("ru", "В Украину прибыли две бронированные машины и три Leopard из Португалии."),
    ("en", "Two armoured vehicles and three Leopard arrived in Ukraine from Portugal."),
    ("fr", "Deux véhicules blindés et trois Leopard sont arrivés en Ukraine en provenance du Portugal."),
])
def test_armoured_vehicles_give_an_ambiguous_name_its_context(lang: str, text: str) -> None:
    c = one(text, lang, item="Leopard")
    assert (c["supplier"], c["recipient"]) == ("PRT", "UKR")


@pytest.mark.parametrize(("lang", "text", "item"), [
    ("fr", "La Belgique a livré à l'Ukraine des fusils d'assaut FNC et des mitrailleuses Minimi.", "FN FNC"),
    ("en", "Belgium sent SCAR rifles to Ukraine.", "FN SCAR"),
    ("de", "Belgien lieferte der Ukraine Maschinenpistolen vom Typ P90.", "FN P90"),
])
def test_fn_weapons_are_named_by_the_makers_designation(lang: str, text: str, item: str) -> None:
    c = one(text, lang, item=item)
    assert (c["supplier"], c["recipient"]) == ("BEL", "UKR")


@pytest.mark.parametrize(("lang", "text", "item"), [
    ("fr", "Le Burkina Faso a reçu des BMD russes.", "BMD"),
    ("en", "Russia delivered BTR armoured personnel carriers to Mali.", "BTR"),
    ("de", "Russland lieferte BMP-Schützenpanzer an Myanmar.", "BMP"),
    ("es", "Rusia entregó a Níger vehículos blindados BMD.", "BMD"),
])
def test_a_family_name_news_writes_without_its_variant_number_resolves(lang: str, text: str, item: str) -> None:
    c = one(text, lang, item=item)
    assert c["supplier"] == "RUS" and c["category"] == "armoured_vehicle"


@pytest.mark.parametrize(("lang", "text", "item", "supplier"), [
    ("it", "La Russia ha consegnato al Mali veicoli blindati Spartak.", "Spartak", "RUS"),
    ("ru", "Россия поставила Мали бронеавтомобили Спартак.", "Spartak", "RUS"),
    ("de", "Die Türkei liefert Kenia gepanzerte Ejder-Fahrzeuge.", "Ejder", "TUR"),
    ("fr", "Le Burkina Faso a acheté des Luipaard sud-africains.", "Luipaard", "ZAF"),
    ("uk", "Росія передала Малі КАБ-250.", "KAB-250", "RUS"),
])
def test_systems_of_recent_export_deals_resolve(lang: str, text: str, item: str, supplier: str) -> None:
    assert one(text, lang, item=item)["supplier"] == supplier


@pytest.mark.parametrize("text", [
    "Russia delivered BTR-80A/82 vehicles to Mali.",
    "La Russie a livré des BMP-97 au Niger.",
    "Russland lieferte BTR-99X-Fahrzeuge an Mali.",
])
def test_a_family_name_followed_by_a_number_the_kb_lacks_is_no_match(text: str) -> None:
    assert not {"btr", "bmp"} & set(systems_in(text))


def test_validate_reports_an_id_given_twice(tmp_path: Path) -> None:
    (tmp_path / "systems").mkdir()
    for name, sys_name in (("a.yaml", "X-1"), ("b.yaml", "X-1M")):
        (tmp_path / "systems" / name).write_text(
            f"kind: systems\nentries:\n  - {{id: x-1, name: {sys_name}, category: missile, origin: RUS}}\n",
            encoding="utf-8")
    assert "b.yaml: system 'x-1' is given twice (only its first entry is loaded)" in validate(load_kb(tmp_path))


@pytest.mark.parametrize(("sentence", "military"), [
    ("Die Luftwaffe erhält neue Kampfflugzeuge.", True),  # a compound carrying a context stem
    ("Le gouvernement prépare des hélicoptères.", True),
    ("The government ordered new helicopters.", True),
    ("Die Bundesregierung diskutierte Haushaltsfragen lange.", False),
    ("Il parlamento discute la legge elettorale.", False),
    # "Überflug" + "Zeugenaussagen": a stem ("flugzeug") across two words is no context
    ("Nach dem Überflug Zeugenaussagen gesammelt.", False),
])
def test_military_context(sentence: str, military: bool) -> None:
    assert get_matcher().military_context(tokenize(sentence)) is military


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Selon Paris, le ministère des Armées livrera vingt chars à l'Ukraine.", ("FRA", "UKR", "tanks")),
    ("uk", "Іран постачає хуситам безпілотники.", ("IRN", "ORG:Houthis", "drones")),
    ("ru", "Иран поставляет хуситам беспилотники.", ("IRN", "ORG:Houthis", "drones")),
])
def test_a_party_name_the_kb_writes_in_lower_case_matches_mid_sentence(lang: str, text: str,
                                                                      expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


def test_a_name_the_kb_writes_capitalised_still_needs_its_capital() -> None:
    m = get_matcher()
    found = m.mentions(tokenize("Iran sends drones via the kremlin road"))
    assert [(mm.first, {e.ref for e in mm.entries}) for mm in found] == [(0, {"IRN"})]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("nl", "De Rijksoverheid levert twintig tanks aan Oekraïne.", ("NLD", "UKR", "tanks")),
    ("nl", "De Koninklijke Luchtmacht ontvangt twintig straaljagers uit de Verenigde Staten.",
     ("USA", "NLD", "fighter jets")),
    ("de", "Das Bundesverteidigungsministerium liefert zwanzig Panzer an die Ukraine.", ("DEU", "UKR", "tanks")),
    ("de", "Die Ukraine erhält zwanzig Panzer vom Bundesministerium für Verteidigung.", ("DEU", "UKR", "tanks")),
])
def test_a_states_own_names_for_its_government_and_forces_stand_for_it(lang: str, text: str,
                                                                     expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


def test_a_forces_name_another_state_shares_is_no_party_of_its_own() -> None:
    # Italian names other states' air forces "Aeronautica Militare" too
    assert ("FRA", "QAT", "fighter jets") in triples(
        "La Francia ha venduto 12 caccia alla Aeronautica Militare del Qatar.", "it")


def test_a_cabinet_named_without_its_state_is_no_party() -> None:
    # "het kabinet" is the Dutch or the Belgian government: the resolver reads no article's state
    assert triples("Het kabinet levert twintig tanks aan Oekraïne.", "nl") == set()
