"""Pro-drop reported clauses: a clause with no subject of its own after a report verb takes the main clause's
subject, also when the verb's adjuncts stand between ('said on Friday in an interview with the radio, that …'), and
also when the reported verb is followed by its source ('recibirá de Suecia', 'otrzyma od Szwecji')."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document
from extraction_helpers import triples


@pytest.mark.parametrize(("lang", "text"), [
    ("pl", "Kolumbia poinformowała, że otrzyma od Szwecji 12 samolotów Gripen."),
    ("es", "Colombia anunció que recibirá de Suecia 12 aviones Gripen."),
    ("it", "La Colombia ha annunciato che riceverà dalla Svezia 12 caccia Gripen."),
])
def test_reported_verb_with_its_source_takes_the_speaker_as_subject(lang: str, text: str) -> None:
    assert triples(text, lang) == {("SWE", "COL", "Gripen")}


@pytest.mark.parametrize(("lang", "text"), [
    ("pl", "Kolumbia poinformowała w piątek w wywiadzie dla radia, że otrzyma od Szwecji 12 samolotów Gripen."),
    ("pl", "Prezydent Kolumbii przyznał w wywiadzie dla radia, że chciałby otrzymać od Szwecji 12 samolotów Gripen."),
    ("es", "Colombia anunció el viernes en una entrevista con la radio que recibirá de Suecia 12 aviones Gripen."),
    ("it", "La Colombia ha annunciato venerdì in un'intervista alla radio che riceverà dalla Svezia 12 caccia Gripen."),
    ("ru", "Колумбия в пятницу заявила в интервью радио, что получит от Швеции 12 самолетов Gripen."),
    ("uk", "Колумбія в п'ятницю заявила в інтерв'ю радіо, що отримає від Швеції 12 літаків Gripen."),
])
def test_adjuncts_between_report_verb_and_clause(lang: str, text: str) -> None:
    assert triples(text, lang) == {("SWE", "COL", "Gripen")}


@pytest.mark.parametrize(("lang", "text"), [
    ("pl", "Kolumbia poinformowała w piątek w wywiadzie dla radia, że Peru otrzyma od Szwecji 12 samolotów Gripen."),
    ("es", "Colombia anunció el viernes en una entrevista con la radio que Perú recibirá de Suecia 12 aviones Gripen."),
    ("it", "La Colombia ha annunciato venerdì in un'intervista alla radio che il Perù riceverà dalla Svezia 12 caccia "
           "Gripen."),
])
def test_reported_clause_with_its_own_subject_keeps_it(lang: str, text: str) -> None:
    assert triples(text, lang) == {("SWE", "PER", "Gripen")}


@pytest.mark.parametrize(("lang", "text"), [
    ("pl", "Kolumbia poinformowała w piątek, po rozmowach w Limie, że otrzyma od Szwecji 12 samolotów Gripen."),
    ("es", "Colombia anunció el viernes, tras las conversaciones en Lima, que recibirá de Suecia 12 aviones Gripen."),
])
def test_report_verb_across_a_comma_is_not_the_matrix(lang: str, text: str) -> None:
    # the verb is in another stretch of the sentence: nobody is taken as the speaker-subject
    assert ("SWE", "COL", "Gripen") not in triples(text, lang)


@pytest.mark.parametrize(("code", "text"), [
    ("de", "Iran sagt, es habe Russland vor dem Krieg Drohnen geliefert."),
    ("fr", "L'Iran dit qu'il a livré des drones à la Russie avant la guerre."),
    ("en", "Iran says it delivered drones to Russia before the war."),
])
def test_a_pronoun_subject_after_a_report_verb_is_the_speaker(code: str, text: str) -> None:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    found = {(c.supplier, c.recipient, c.item, c.status.value) for c in Extractor(code).extract(doc).claims}
    assert found == {("IRN", "RUS", "drones", "reported")}
