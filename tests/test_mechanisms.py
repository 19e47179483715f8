"""Language-neutral extraction mechanisms, each checked on made-up sentences in several languages."""

from __future__ import annotations

import pytest

from armstrack.extract.frames import _replacement_scope, find_triggers
from armstrack.lang.base import tokenize
from armstrack.lang.lexicon import get_lexicon
from extraction_helpers import analysed, triples

# --- the gazetteer prefilter sees surface forms: an inflected item noun must still pass it ---------------------


@pytest.mark.parametrize(("lang", "word"), [("ru", "оружия"), ("ru", "гаубицами"), ("uk", "зброєю"),
                                             ("uk", "гаубицями"), ("de", "Haubitze"), ("it", "obici")])
def test_prefilter_passes_inflected_item_nouns(lang: str, word: str) -> None:
    assert get_lexicon(lang).names_item_stem(tokenize(f"xx {word} yy"))


@pytest.mark.parametrize(("lang", "phrase"), [("pl", "systemów obrony powietrznej"), ("pl", "części zamiennych"),
                                               ("ru", "запасных частей"), ("uk", "запасних частин"),
                                               ("ru", "военных грузовиков")])
def test_prefilter_passes_inflected_multiword_item_nouns(lang: str, phrase: str) -> None:
    # the first word of a multi-word entry, inflected, is enough: the lemmas decide after analysis
    assert get_lexicon(lang).names_item_stem(tokenize(f"xx {phrase} yy"))


@pytest.mark.parametrize(("lang", "word"), [("de", "Mehrzweckdrohnen"), ("de", "Caracal-Hubschrauber"),
                                             ("nl", "marinehelikopters"), ("nl", "verkenningsvliegtuigen")])
def test_prefilter_passes_unlisted_compounds(lang: str, word: str) -> None:
    assert get_lexicon(lang).names_item_stem(tokenize(f"xx {word} yy"))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("pl", "Turcja dostarczyła Azerbejdżanowi 12 systemów obrony powietrznej.", ("TUR", "AZE", "air defence systems")),
    ("pl", "Turcja przekazała Azerbejdżanowi tysiąc kamizelek kuloodpornych.", ("TUR", "AZE", "body armour")),
    ("ru", "Турция поставила Азербайджану партию запасных частей.", ("TUR", "AZE", "spare parts")),
    ("uk", "Туреччина поставила Азербайджану 40 військових вантажівок.", ("TUR", "AZE", "military trucks")),
    ("de", "Die Türkei lieferte Aserbaidschan 20 Mehrzweckdrohnen.", ("TUR", "AZE", "drones")),
    ("nl", "Turkije heeft Azerbeidzjan vier marinehelikopters geleverd.", ("TUR", "AZE", "helicopters")),
])
def test_inflected_or_compound_item_sentence_is_analysed(lang: str, text: str,
                                                         expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("lang", "text"), [("en", "The minister met her counterpart on Monday."),
                                             ("de", "Der Minister traf am Montag seinen Amtskollegen."),
                                             ("ru", "Министр встретился с коллегой в понедельник.")])
def test_prefilter_stem_is_not_any_word(lang: str, text: str) -> None:
    assert not get_lexicon(lang).names_item_stem(tokenize(text))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "В марте Сербия поставила Египту партию гаубиц. Мы не знаем, сколько.", ("SRB", "EGY", "howitzers")),
    ("uk", "У березні Сербія передала Єгипту партію гаубиць.", ("SRB", "EGY", "howitzers")),
])
def test_inflected_item_noun_sentence_is_analysed(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


# --- the subject of another verb is no recipient of a delivery noun with its own agent ---------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Токіо висловив стурбованість через передачу Китаєм зенітних ракет КНДР."),
    ("ru", "Токио выразил обеспокоенность передачей Китаем зенитных ракет КНДР."),
    ("en", "Tokyo voiced concern over the delivery by China of air defence missiles to North Korea."),
    ("de", "Tokio äußerte Sorge über die Lieferung von Flugabwehrraketen durch China an Nordkorea."),
])
def test_subject_of_another_verb_is_not_the_recipient(lang: str, text: str) -> None:
    assert not {(s, r) for s, r, _ in triples(text, lang)} - {("CHN", "PRK")}


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Токіо та Канберра висловили стурбованість через передачу Китаєм ракетних технологій М'янмі."),
    ("ru", "Токио и Канберра выразили обеспокоенность передачей Китаем ракетных технологий Мьянме."),
])
def test_inflected_technology_noun_passes_the_prefilter(lang: str, text: str) -> None:
    assert triples(text, lang) == {("CHN", "MMR", "technology")}


# --- clause scope: an item acting in a clause of its own is not what the trigger before that clause transfers -------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia delivered tanks to Belarus while Russian Su-34 bombers struck Kharkiv."),
    ("es", "Rusia entregó tanques a Bielorrusia mientras bombarderos rusos Su-34 atacaban Járkov."),
    ("fr", "La Russie a livré des chars à la Biélorussie tandis que des bombardiers Su-34 frappaient Kharkiv."),
    ("ru", "Россия передала Белоруссии танки, пока российские Су-34 атаковали Харьков."),
    ("uk", "Росія передала Білорусі танки, поки російські Су-34 атакували Харків."),
])
def test_item_acting_in_its_own_clause_is_not_transferred(lang: str, text: str) -> None:
    assert triples(text, lang) == {("RUS", "BLR", "tanks")}


# --- clause scope: a replacement clause names no item or party of the transfer; 'respectively' pairs in order -----

REPLACEMENT = [
    ("en", "Morocco signed a deal for 12 Akinci drones from Turkey to replace its ageing Chinese Wing Loong fleet."),
    ("fr", "Le Maroc a commandé 12 drones Akinci à la Turquie pour remplacer ses vieux Wing Loong chinois."),
    ("de", "Marokko bestellt in der Türkei 12 Akinci-Drohnen, um seine alten chinesischen Wing Loong zu ersetzen."),
    ("es", "Marruecos compró 12 drones Akinci a Turquía para sustituir sus viejos Wing Loong chinos."),
    ("it", "Il Marocco ha acquistato 12 droni Akinci dalla Turchia per sostituire i vecchi Wing Loong cinesi."),
]


@pytest.mark.parametrize(("lang", "text"), REPLACEMENT)
def test_replaced_item_is_not_transferred(lang: str, text: str) -> None:
    assert triples(text, lang) == {("TUR", "MAR", "Bayraktar Akinci")}


@pytest.mark.parametrize(("lang", "text", "replaced"), [
    ("en", "Chile bought F-16s to replace its old Mirage jets.", True),
    ("en", "Chile bought F-16s instead of the JF-17 offered by China.", False),
    ("es", "Chile compró aviones F-16 para sustituir sus viejos Mirage.", True),
    ("es", "Chile compró el F-16 en lugar de los JF-17 ofrecidos por China.", False),
    ("de", "Chile kauft F-16, um die alten Mirage zu ersetzen.", True),
    ("de", "Die F-16 sollen Mirage ersetzen, die Frankreich an Chile geliefert hat.", False),
])
def test_replacement_scope_stops_at_a_transfer_of_its_own(lang: str, text: str, replaced: bool) -> None:
    lex = get_lexicon(lang)
    tokens = analysed(text, lang)
    starts = {a for a, _, _ in find_triggers(tokens, lex)}
    mirage_or_jf = {k for k, t in enumerate(tokens) if t.text in ("Mirage", "JF-17")}
    assert bool(mirage_or_jf & _replacement_scope(tokens, lex, starts)) == replaced


RESPECTIVELY = [
    ("en", "Hungary will receive 24 CV90 vehicles and 12 K9 howitzers from Sweden and South Korea respectively."),
    ("fr", "La Hongrie recevra 24 CV90 et 12 obusiers K9 de la Suède et de la Corée du Sud respectivement."),
    ("ru", "Венгрия получит 24 CV90 и 12 гаубиц K9 от Швеции и Южной Кореи соответственно."),
    ("es", "Hungría recibirá 24 CV90 y 12 obuses K9 de Suecia y Corea del Sur, respectivamente."),
]


@pytest.mark.parametrize(("lang", "text"), RESPECTIVELY)
def test_respectively_pairs_items_and_parties_in_order(lang: str, text: str) -> None:
    assert triples(text, lang) == {("SWE", "HUN", "CV90"), ("KOR", "HUN", "K9 Thunder")}
