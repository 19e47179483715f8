"""A report clause after the transfer (', a annoncé le ministre à Madrid') is outside the transfer's clause:
the place where it was said is no party to the transfer, and the count stays with the one recipient."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document
from extraction_helpers import one


def rows(code: str, text: str) -> set[tuple[str | None, str | None, str, float | None]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.category, c.quantity.value if c.quantity else None)
            for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "La Norvège fournira 20 blindés à la Moldavie, a annoncé vendredi la ministre lors d'un sommet à Rome."),
    ("it", "La Norvegia fornirà 20 blindati alla Moldavia, ha annunciato venerdì la ministra durante un vertice a "
           "Roma."),
    ("es", "Noruega suministrará 20 blindados a Moldavia, anunció el viernes la ministra en una cumbre en Roma."),
    ("en", "Norway will supply 20 armoured vehicles to Moldova, the minister announced on Friday at a summit in "
           "Rome."),
])
def test_a_place_in_the_report_clause_is_no_recipient(code: str, text: str) -> None:
    assert rows(code, text) == {("NOR", "MDA", "armoured_vehicle", 20)}


def status(code: str, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.status.value) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "He added that Iran had delivered Shahed drones to Russia."),
    ("fr", "Il a ajouté que l'Iran avait livré des drones Shahed à la Russie."),
    ("uk", "Він додав, що Іран передав Росії дрони Shahed."),
    ("en", "Iran has delivered Shahed drones to Russia, he told reporters."),
    ("de", "Iran hat Russland Shahed-Drohnen geliefert, sagte er."),
    ("it", "L'Iran ha consegnato droni Shahed alla Russia, ha aggiunto."),
])
def test_a_speaker_named_only_by_a_pronoun_still_reports(code: str, text: str) -> None:
    """SCHEMA: a claim somebody makes is 'reported', even when the sentence names that somebody 'he'."""
    assert status(code, text) == {("IRN", "RUS", "reported")}


@pytest.mark.parametrize(("code", "text"), [
    ("pl", "– Polska przekaże Ukrainie dziewięć myśliwców MiG-29 – powiedział wiceminister."),
    ("ru", "— Россия поставит Ирану истребители Су-35, — заявил он."),
    ("uk", "— Росія передасть Ірану винищувачі Су-35, — заявив представник міністерства."),
])
def test_speech_closed_by_a_dash_is_reported(code: str, text: str) -> None:
    assert {s for *_, s in status(code, text)} == {"reported"}


def test_the_publisher_stating_it_stays_asserted() -> None:
    assert status("en", "Iran delivered Shahed drones to Russia last year.") == {("IRN", "RUS", "asserted")}


@pytest.mark.parametrize(("code", "text"), [
    ("nl", "Oekraïne zegt dat Iran drones aan Rusland heeft geleverd."),
    ("en", "Kyiv says Iran delivered Shahed drones to Russia."),
    ("fr", "Kiev affirme que l'Iran a livré des drones Shahed à la Russie."),
    ("es", "Ucrania asegura que Irán entregó drones Shahed a Rusia."),
])
def test_the_state_saying_it_is_no_party_of_what_it_says(code: str, text: str) -> None:
    assert {(s, r) for s, r, _ in status(code, text)} == {("IRN", "RUS")}


def test_a_speaker_whose_speech_has_no_party_of_its_own_stays_its_subject() -> None:
    assert {(s, r) for s, r, _ in status("en", "Iran says it delivered drones to Russia before the war.")} == {
        ("IRN", "RUS")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Iran has shipped more drones to Russia, Ukraine's military intelligence said on Monday."),
    ("en", "Russia has received a new batch of drones from Iran, Ukraine's defence intelligence said."),
    ("fr", "L'Iran a livré de nouveaux drones à la Russie, a affirmé le renseignement militaire ukrainien."),
    ("es", "Irán ha enviado más drones a Rusia, según afirmó la inteligencia militar de Ucrania."),
])
def test_a_state_in_the_speakers_phrase_is_no_party(code: str, text: str) -> None:
    # the speaker's phrase after the comma runs up to its report verb: "Ukraine's defence intelligence" speaks
    assert rows(code, text) == {("IRN", "RUS", "uav", None)}


@pytest.mark.parametrize(("code", "text", "speaker"), [
    ("en", "The Spanish defence ministry confirmed the shipment of Patriot missiles to Ukraine.",
     "The Spanish defence ministry"),
    ("es", "El Ministerio de Defensa español ha confirmado el envío de misiles Patriot a Ucrania.",
     "El Ministerio de Defensa español"),
    ("fr", "Le ministère espagnol de la Défense a confirmé l'envoi de missiles Patriot à l'Ukraine.",
     "Le ministère espagnol de la Défense"),
    ("de", "Das spanische Verteidigungsministerium hat die Lieferung von Patriot-Raketen an die Ukraine bestätigt.",
     "Das spanische Verteidigungsministerium"),
    ("nl", "Het Spaanse ministerie van Defensie heeft de levering van Patriot-raketten aan Oekraïne bevestigd.",
     "Het Spaanse ministerie van Defensie"),
])
def test_who_confirms_a_transfer_is_its_source(code: str, text: str, speaker: str) -> None:
    """Announcing an aid package is the event itself; confirming a shipment vouches for a report: reported, by the
    confirming side (in a verb-final clause, the subject before the auxiliary, not the object before the verb)."""
    c = one(text, code, item="MIM-104 Patriot")
    assert (c["supplier"], c["recipient"], c["status"], c["attributed_to"]) == ("ESP", "UKR", "reported", [speaker])


@pytest.mark.parametrize(("code", "text", "speaker"), [
    ("de", "Deutschland hat der Ukraine 20 Leopard-Panzer geliefert, hat die Regierung bestätigt.", "die Regierung"),
    ("nl", "Nederland heeft Oekraïne 20 Leopard-tanks geleverd, heeft de regering bevestigd.", "de regering"),
    ("de", "Deutschland hat der Ukraine 20 Leopard-Panzer geliefert, wie die Regierung bestätigt hat.",
     "die Regierung"),
    ("es", "Alemania ha entregado 20 tanques Leopard a Ucrania, como ha confirmado el Gobierno.", "el Gobierno"),
    ("it", "La Germania ha consegnato 20 carri Leopard all'Ucraina, come ha confermato il governo.", "il governo"),
])
def test_a_speaker_after_the_speech(code: str, text: str, speaker: str) -> None:
    """'…, hat die Regierung bestätigt', '…, como ha confirmado el Gobierno': the speaker stands after the speech."""
    c = one(text, code, item="Leopard")
    assert (c["recipient"], c["status"], c["attributed_to"]) == ("UKR", "reported", [speaker])


@pytest.mark.parametrize("text", [
    "Er sagte, dass Deutschland der Ukraine 20 Leopard-Panzer geliefert hat.",
    "Die Regierung teilte mit, dass Deutschland der Ukraine 20 Leopard-Panzer geliefert hat.",
])
def test_a_dative_after_the_subject_of_a_subordinate_clause(text: str) -> None:
    """'dass Deutschland der Ukraine …': 'der Ukraine' right after the clause's subject is the recipient, not a
    genitive of the subject."""
    assert one(text, "de", item="Leopard")["recipient"] == "UKR"


@pytest.mark.parametrize(("code", "text", "speaker"), [
    ("ru", "Минобороны Белоруссии сообщило о прибытии очередной партии Су-30СМ2 из России.", "Минобороны Белоруссии"),
    ("en", "The Belarusian defence ministry reported the arrival of a new batch of Su-30SM2 fighters from Russia.",
     "The Belarusian defence ministry"),
    ("de", "Das belarussische Verteidigungsministerium meldete die Ankunft weiterer Su-30SM2 aus Russland.",
     "Das belarussische Verteidigungsministerium"),
])
def test_who_reports_a_transfer_is_its_source(code: str, text: str, speaker: str) -> None:
    c = one(text, code, item="Su-30SM2")
    assert (c["supplier"], c["recipient"], c["status"], c["attributed_to"]) == ("RUS", "BLR", "reported", [speaker])


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Washington announced a new package of military aid for Ukraine including 20 Bradley vehicles."),
    ("es", "El Pentágono anunció un nuevo paquete de ayuda militar para Ucrania con 20 vehículos Bradley."),
])
def test_announcing_a_package_is_the_event_itself(code: str, text: str) -> None:
    c = one(text, code, item="M2 Bradley")
    assert (c["supplier"], c["recipient"], c["status"]) == ("USA", "UKR", "asserted")


@pytest.mark.parametrize(("code", "text", "speaker"), [
    ("fr", "La Chine a livré 20 chars au Mali, a annoncé mardi le ministère dans un communiqué.", "le ministère"),
    ("en", "China delivered 20 tanks to Mali, the ministry said in a statement.", "the ministry"),
    ("de", "China hat Mali 20 Panzer geliefert, teilte das Ministerium in einer Erklärung mit.", "das Ministerium"),
    ("ru", "Китай поставил Мали 20 танков, сообщило министерство в заявлении.", "министерство"),
    ("es", "China entregó 20 tanques a Malí, dijo el lunes a la AFP un portavoz del ministerio.",
     "un portavoz del ministerio"),
    ("fr", "La Chine a livré 20 chars au Mali, a déclaré à l'AFP un porte-parole du ministère.",
     "un porte-parole du ministère"),
])
def test_the_speaker_is_named_without_the_day_the_addressee_or_the_statement(code: str, text: str,
                                                                            speaker: str) -> None:
    assert one(text, code, item="tanks")["attributed_to"] == [speaker]


@pytest.mark.parametrize(("code", "text", "speaker"), [
    ("en", "Italy will sell two FREMM frigates to Egypt. This was reported by the ANSA agency.", "the ANSA agency"),
    ("it", "L'Italia venderà all'Egitto due fregate FREMM. Lo apprende l'ANSA da fonti governative.",
     "l'ANSA da fonti governative"),
    ("pl", "Włochy sprzedadzą Egiptowi dwie fregaty FREMM. Poinformowało o tym ministerstwo obrony.",
     "ministerstwo obrony"),
])
def test_a_sentence_saying_who_reported_the_one_before(code: str, text: str, speaker: str) -> None:
    c = one(text, code, item="FREMM")
    assert (c["supplier"], c["recipient"], c["status"], c["attributed_to"]) == ("ITA", "EGY", "reported", [speaker])


@pytest.mark.parametrize(("code", "text"), [
    ("nl", "Nederland heeft 18 F-16's beschikbaar gesteld aan Oekraïne."),
    ("de", "Deutschland hat der Ukraine 18 F-16 zur Verfügung gestellt."),
    ("it", "I Paesi Bassi hanno messo a disposizione dell'Ucraina 18 F-16."),
])
def test_a_report_verb_inside_a_trigger_phrase_reports_nothing(code: str, text: str) -> None:
    """'beschikbaar gesteld', 'zur Verfügung gestellt': the verb of the supply phrase, not 'stellen' (to state)."""
    c = one(text, code, item="F-16")
    assert (c["recipient"], c["status"], c["attributed_to"]) == ("UKR", "asserted", [])


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The United States will send 20 Bradley vehicles to Ukraine, the Pentagon said. They will also include 10 "
           "HIMARS launchers."),
    ("fr", "Les États-Unis enverront 20 véhicules Bradley à l'Ukraine, a annoncé le Pentagone. Ils comprendront aussi "
           "10 lance-roquettes HIMARS."),
    ("it", "Gli Stati Uniti invieranno all'Ucraina 20 veicoli Bradley, ha annunciato il Pentagono. Includeranno anche "
           "10 lanciarazzi HIMARS."),
    ("ru", "США передадут Украине 20 машин Bradley, сообщил Пентагон. В том числе будут переданы 10 установок HIMARS."),
])
def test_a_sentence_continuing_a_report_is_the_same_sources(code: str, text: str) -> None:
    """The list that continues a reported transfer is the same source's words."""
    c = one(text, code, item="M142 HIMARS")
    assert (c["supplier"], c["recipient"], c["status"]) == ("USA", "UKR", "reported")
    assert c["attributed_to"] == one(text, code, item="M2 Bradley")["attributed_to"] != []


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "Les États-Unis enverront 20 véhicules Bradley à l'Ukraine."),
    ("en", "The United States will send 20 Bradley vehicles to Ukraine."),
    ("de", "Die USA werden der Ukraine 20 Bradley-Schützenpanzer schicken."),
])
def test_sending_is_trade_context_and_its_future_a_plan(code: str, text: str) -> None:
    """'Bradley' needs a weapon or trade word beside it; 'enverront', 'send', 'schicken' are such words, and the
    German infinitive the dictionary lemmatises as another word ('schick') is still an infinitive after 'werden'."""
    c = one(text, code, item="M2 Bradley")
    assert (c["supplier"], c["recipient"], c["stage"]) == ("USA", "UKR", "planned")


@pytest.mark.parametrize(("code", "text", "speaker"), [
    ("en", "China delivered 20 tanks to Mali, U.S. officials said on Tuesday.", "U.S. officials"),
    ("fr", "Des diplomates de l'U.E. ont indiqué que la Chine avait livré 20 chars au Mali.",
     "diplomates de l'U.E."),
    ("es", "China entregó 20 tanques a Malí, dijeron funcionarios de EE.UU. el martes.", "funcionarios de EE.UU."),
])
def test_an_initial_inside_the_speakers_name_is_no_break(code: str, text: str, speaker: str) -> None:
    assert one(text, code, item="tanks")["attributed_to"] == [speaker]


@pytest.mark.parametrize(("code", "text", "speaker"), [
    ("en", "China delivered 20 tanks to Mali, U.S. officials said on Tuesday. The officials said the tanks "
           "arrived by ship.", "U.S. officials"),
    ("fr", "La Chine a livré 20 chars au Mali, ont indiqué mardi des diplomates européens. Les diplomates ont "
           "ajouté que les chars étaient arrivés par bateau.", "des diplomates européens"),
    ("es", "China entregó 20 tanques a Malí, dijeron el martes funcionarios estadounidenses. Los funcionarios "
           "añadieron que los tanques llegaron en barco.", "funcionarios estadounidenses"),
])
def test_the_speakers_named_again_by_article_and_noun_are_the_same_source(code: str, text: str,
                                                                          speaker: str) -> None:
    assert one(text, code, item="tanks")["attributed_to"] == [speaker]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "According to the Pentagon, Iran has delivered missiles to Russia."),
    ("en", "According to Washington, Iran sent 200 missiles to Russia."),
    ("fr", "Selon Washington, l'Iran a envoyé 200 missiles à la Russie."),
    ("es", "Según Washington, Irán envió 200 misiles a Rusia."),
])
def test_a_source_state_before_the_subject_is_no_list_with_it(code: str, text: str) -> None:
    """English 'according to' ends on the marker 'to': the subject after the source's comma is no second
    recipient of a list 'to Washington, Iran'."""
    c = one(text, code, item="missiles")
    assert (c["supplier"], c["recipient"], c["status"]) == ("IRN", "RUS", "reported")


@pytest.mark.parametrize(("code", "text"), [
    ("pl", "Teraz mówimy, że Iran przekazał Rosji 200 dronów."),
    ("ru", "Сейчас мы говорим, что Иран передал России 200 дронов."),
    ("uk", "Сьогодні ми можемо сказати, що Іран передав Росії 200 дронів."),
    ("en", "Now we can say that Iran delivered 200 drones to Russia."),
])
def test_a_time_adverb_pronoun_or_verb_before_the_report_verb_names_no_source(code: str, text: str) -> None:
    """'Teraz mówimy' (now we say), 'Сьогодні ми можемо' (today we can): no word of it is anyone's name."""
    assert one(text, code, item="drones")["attributed_to"] == []


@pytest.mark.parametrize(("code", "text", "source"), [
    ("en", "Russia delivered S-400 systems to Turkey, the Federal Service for Military-Technical Cooperation (FSVTS) "
           "announced.", "the Federal Service for Military-Technical Cooperation (FSVTS)"),
    ("en", "The Federal Service for Military-Technical Cooperation (FSVTS) said Russia had delivered S-400 systems "
           "to Turkey.", "The Federal Service for Military-Technical Cooperation (FSVTS)"),
    ("fr", "Le Service fédéral de coopération militaire et technique (FSVTS) a annoncé que la Russie a livré des "
           "S-400 à la Turquie.", "Le Service fédéral de coopération militaire et technique (FSVTS)"),
    ("es", "El Servicio Federal de Cooperación Técnico-Militar (FSVTS) informó que Rusia entregó S-400 a Turquía.",
     "El Servicio Federal de Cooperación Técnico-Militar (FSVTS)"),
])
def test_a_bracketed_abbreviation_is_part_of_the_speaker(code: str, text: str, source: str) -> None:
    c = one(text, code, item="S-400 Triumf")
    assert (c["status"], c["attributed_to"]) == ("reported", [source])


@pytest.mark.parametrize(("text", "source"), [
    ("The US Secretary of State said that Indonesia had been cleared to buy 36 F-15 jets from the United States.",
     "The US Secretary of State"),
    ("The US Department of State has approved a sale of three HIMARS to Ukraine, the Defense Security Cooperation "
     "Agency (DSCA) announced.", "the Defense Security Cooperation Agency (DSCA)"),
])
def test_a_report_verb_inside_a_name_is_no_verb(text: str, source: str) -> None:
    # English only: 'State' is both a report verb and a word of names ('Secretary of State', 'State Department')
    assert one(text, "en")["attributed_to"] == [source]


def test_a_title_case_headline_keeps_its_report_verb() -> None:
    assert one("Peru Confirms Purchase of 24 Fighter Jets from France", "en")["attributed_to"] == ["Peru"]


@pytest.mark.parametrize(("code", "text", "source"), [
    ("fr", "L'Iran a livré des missiles balistiques à la Russie, ont indiqué à Reuters deux sources.", "deux sources"),
    ("es", "Irán entregó misiles balísticos a Rusia, dijeron a Reuters dos fuentes.", "dos fuentes"),
    ("fr", "La France va livrer des canons Caesar à l'Arménie, a déclaré Sébastien Lecornu au Parisien.",
     "Sébastien Lecornu"),
    ("it", "La Francia consegnerà cannoni Caesar all'Armenia, ha detto il ministro Sébastien Lecornu al Corriere "
           "della Sera.", "il ministro Sébastien Lecornu"),
    ("en", "France will deliver Caesar howitzers to Armenia, said Sebastien Lecornu to Le Parisien.",
     "Sebastien Lecornu"),
])
def test_who_the_words_were_said_to_is_not_the_speaker(code: str, text: str, source: str) -> None:
    assert one(text, code)["attributed_to"] == [source]


def test_a_title_naming_its_post_keeps_its_own_words() -> None:
    text = "France will deliver Caesar howitzers to Armenia, said a spokesman for the French Ministry of Defence."
    assert one(text, "en")["attributed_to"] == ["a spokesman for the French Ministry of Defence"]


@pytest.mark.parametrize(("code", "text", "source"), [
    ("en", "Iran has sent ballistic missiles to Russia, U.S. officials said.", "U.S. officials"),
    ("en", "Iran has sent ballistic missiles to Russia, said U.S. officials.", "U.S. officials"),
    ("en", "Germany will send tanks to Ukraine, J. Smith said.", "J. Smith"),
    ("fr", "Les États-Unis livreront des missiles à Taïwan, a déclaré J. Dupont.", "J. Dupont"),
    ("es", "Estados Unidos entregará misiles a Taiwán, dijeron funcionarios de EE. UU.", "funcionarios de EE. UU."),
])
def test_the_stops_of_initials_stay_inside_the_speaker(code: str, text: str, source: str) -> None:
    assert one(text, code)["attributed_to"] == [source]


def test_a_full_stop_after_an_abbreviation_ending_the_sentence_ends_the_speaker() -> None:
    assert one("Germany will send tanks to Ukraine, said the UK.", "en")["attributed_to"] == ["the UK"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Russia denied reports that it had supplied S-400 systems to Iran."),
    ("en", "Russia denied claims it had supplied S-400 systems to Iran."),
    ("fr", "La Russie a démenti les informations selon lesquelles elle aurait livré des S-400 à l’Iran."),
])
def test_the_denier_is_not_the_reporter_of_what_it_denies(code: str, text: str) -> None:
    c = one(text, code)
    assert (c["status"], c["attributed_to"]) == ("denied", [])


@pytest.mark.parametrize(("code", "text", "source"), [
    ("en", "Tehran has denied it, but Ukraine said Iran supplied drones to Russia.", "Ukraine"),
    ("fr", "Téhéran dément, mais Kiev affirme que l’Iran a livré des drones à la Russie.", "Kiev"),
])
def test_a_speaker_starts_after_the_conjunction_opening_its_clause(code: str, text: str, source: str) -> None:
    assert one(text, code)["attributed_to"] == [source]


@pytest.mark.parametrize(("code", "text"), [
    ("uk", "Туреччина вже постачила Україні бойові безпілотники. Як передає Укрінформ, про це повідомляє агентство "
           "Bloomberg."),
    ("ru", "Турция уже поставила Украине боевые беспилотники. Как передает ТАСС, об этом сообщает агентство "
           "Bloomberg."),
    ("en", "Turkey has supplied combat drones to Ukraine. According to Reuters, this was reported by Bloomberg."),
    ("pl", "Turcja dostarczyła Ukrainie drony bojowe. Jak podaje PAP, poinformowała o tym agencja Bloomberg."),
])
def test_back_reference_after_a_leading_wire_clause_reports_the_sentence_before(code: str, text: str) -> None:
    # "Як передає Укрінформ, про це повідомляє …": the wire's clause before the back-reference does not hide it
    assert status(code, text) == {("TUR", "UKR", "reported")}


@pytest.mark.parametrize(("code", "text", "speaker"), [
    ("en", "Germany will deliver six tanks to Ukraine. That is what Der Spiegel reports.", "Der Spiegel"),
    ("fr", "L'Allemagne livrera six chars à l'Ukraine. C'est ce que rapporte Der Spiegel.", "Der Spiegel"),
    ("de", "Deutschland liefert sechs Panzer an die Ukraine. Das schreibt der Spiegel.", "der Spiegel"),
    ("it", "La Germania consegnerà sei carri armati all'Ucraina. Lo scrive il quotidiano Der Spiegel.",
     "il quotidiano Der Spiegel"),
])
def test_a_sentence_naming_who_said_the_one_before_makes_it_reported(code: str, text: str, speaker: str) -> None:
    c = one(text, code, item="tanks")
    assert (c["status"], c["attributed_to"]) == ("reported", [speaker])
