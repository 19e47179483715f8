"""Direct speech that runs over several sentences is the speaker's claim in every sentence of it, whether the
speaker is named after the quotation or before it; a quotation with no speaker, or text outside it, stays the
publisher's."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.extract.factuality import quotations
from armstrack.model import Document


def claims(code: str, text: str) -> set[tuple[str | None, str | None, str, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item, c.status.value) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text", "item"), [
    ("en", '"Russia has delivered Su-35 fighters to Iran. The work goes on," the minister told reporters.', "Su-35"),
    ("fr", "« La Russie a livré des Su-35 à l'Iran. Le travail continue », a déclaré le ministre.", "Su-35"),
    ("de", "„Russland hat Su-35 an den Iran geliefert. Die Arbeit geht weiter“, sagte der Minister.", "Su-35"),
    ("ru", "«Россия передала Ирану истребители Су-35. Работа продолжается», — сказал министр.", "Su-35"),
    ("pl", "– Rosja przekazała Iranowi myśliwce Su-35. Praca trwa – powiedział minister.", "Su-35"),
])
def test_a_quotation_closed_by_its_speaker_is_reported_in_every_sentence(code: str, text: str, item: str) -> None:
    assert claims(code, text) == {("RUS", "IRN", item, "reported")}


def test_a_speaker_named_before_the_quotation_reports_all_of_it() -> None:
    text = 'The minister said: "Russia has delivered Su-35 fighters to Iran. It has also sent Mi-28 helicopters."'
    assert {status for *_x, status in claims("en", text)} == {"reported"}


@pytest.mark.parametrize("text", [
    '"Russia has delivered Su-35 fighters to Iran. We are proud of it." The sentence was painted on a wall.',
    'Russia has delivered Su-35 fighters to Iran. "The work goes on," the minister said.',
])
def test_no_speaker_or_no_quotation_leaves_the_claim_asserted(text: str) -> None:
    assert claims("en", text) == {("RUS", "IRN", "Su-35", "asserted")}


def test_quotations_stop_at_a_paragraph_and_need_their_closing_mark() -> None:
    sents = [("«Один. Два.", 0, 0), ("Три»", 12, 1)]
    assert quotations(sents) == []
    spans = quotations([("“One.", 0, 0), ("Two,” he said.", 6, 0)])
    assert [(q.first, q.last) for q in spans] == [(0, 1)]


@pytest.mark.parametrize(("code", "text"), [
    ("de", "Das Verteidigungsministerium gab bekannt, dass Frankreich 22 Hubschrauber NH90 an Katar liefern werde."),
    ("nl", "Het ministerie maakte bekend dat Frankrijk 22 NH90-helikopters aan Qatar zal leveren."),
    ("ru", "Министерство объявило, что Франция поставит Катару 22 вертолета NH90."),
    ("uk", "Міністерство оголосило, що Франція поставить Катару 22 гелікоптери NH90."),
])
def test_an_announcement_by_someone_else_is_their_report(code: str, text: str) -> None:
    assert claims(code, text) == {("FRA", "QAT", "NH90", "reported")}


def test_as_announced_names_no_speaker() -> None:
    text = "Die Ukraine hat aus Deutschland wie angekündigt ein zweites Patriot-System erhalten."
    assert claims("de", text) == {("DEU", "UKR", "MIM-104 Patriot", "asserted")}


@pytest.mark.parametrize(("code", "text"), [
    ("it", "L'Iran afferma di aver consegnato droni alla Russia prima della guerra."),
    ("fr", "L'Iran affirme avoir livré des drones à la Russie avant la guerre."),
    ("es", "Irán afirma haber entregado drones a Rusia antes de la guerra."),
    ("en", "Iran claims to have delivered drones to Russia before the war."),
])
def test_a_state_claiming_to_have_delivered_reports_it(code: str, text: str) -> None:
    assert claims(code, text) == {("IRN", "RUS", "drones", "reported")}
