"""Language identification is restricted to the supported languages; other text is 'und'."""

from __future__ import annotations

import pytest

from armstrack.lang import language_codes
from armstrack.lang.detect import detect_language

SAMPLES = {
    "en": "Germany delivered eighteen tanks to Ukraine last week, the defence ministry said.",
    "fr": "L'Iran aurait livré des drones à la Russie, selon des sources proches du dossier.",
    "de": "Deutschland liefert der Ukraine weitere Panzer, teilte das Verteidigungsministerium mit.",
    "ru": "Россия получила от Ирана партию беспилотников, сообщили в министерстве.",
    "uk": "Україна отримала від Німеччини нові танки, повідомили у міністерстві.",
    "es": "España entregará seis obuses a Ucrania en las próximas semanas, según el ministerio.",
    "it": "L'Italia invierà nuovi sistemi di difesa aerea all'Ucraina, secondo il ministero.",
    "nl": "Nederland levert nog eens achttien gevechtsvliegtuigen aan Oekraïne, meldt het ministerie.",
    "pl": "Polska kupiła od Korei Południowej 180 czołgów, poinformowało ministerstwo obrony.",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_supported_languages_are_recognised(code: str) -> None:
    assert detect_language(SAMPLES[code], language_codes()) == code


@pytest.mark.parametrize("text", [
    "Polsko koupilo od Jižní Koreje nové tanky, oznámilo ministerstvo obrany.",
    "Suomi osti Yhdysvalloista uusia hävittäjiä, kertoi puolustusministeriö.",
    "東京で防衛に関する会議が開かれた。",
    "12345 — 678 / 90",
])
def test_other_text_is_undetermined(text: str) -> None:
    assert detect_language(text) == "und"
