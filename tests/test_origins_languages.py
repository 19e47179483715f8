"""Independent origins across languages: one cited source named in any language, wire credits in any word order,
translations that reorder names and write figures their own way; and two small corpora of the shape analysts meet
(a wire story, reprints, two translations, an official statement, a second independent claim) with exact counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from armstrack.app import Armstrack
from armstrack.extract.document import Extractor
from armstrack.kb.loader import get_kb
from armstrack.lang import lexicons
from armstrack.model import StoredDocument
from armstrack.sources.files import document_from_record, read_inputs
from armstrack.store.queries import TransferFilter
from armstrack.transfers.origins import (
    build_registry,
    cited_source,
    figures,
    independent_origins,
    same_skeleton,
    wire_credit,
)
from transfer_helpers import claim

REGISTRY = build_registry(get_kb())
CORPORA = Path(__file__).parent / "fixtures" / "origins"  # apart from corpus/, whose mix other tests count on
NIS = "party:KOR/kor-national-intelligence-service-south-korea"


@pytest.mark.parametrize("name", [
    "South Korea's National Intelligence Service",
    "le service de renseignement sud-coréen aux députés",  # as the extractor cuts it: the name inside counts
    "des südkoreanischen Geheimdienstes",
    "der südkoreanische Geheimdienst",
    "Національна розвідка Південної Кореї",
    "южнокорейской разведки",
    "el Servicio Nacional de Inteligencia de Corea del Sur",
    "l'intelligence sudcoreana",
    "de Zuid-Koreaanse inlichtingendienst",
    "południowokoreański wywiad",
])
def test_a_cited_institution_is_one_source_whatever_the_language(name: str) -> None:
    cited = REGISTRY.cited(name)
    assert cited is not None and (cited.key, cited.label, cited.party) == (NIS, "National Intelligence Service (KOR)",
                                                                           "KOR")


@pytest.mark.parametrize(("name", "wire"), [
    ("Reuters", "reuters"),
    ("wie die Nachrichtenagentur Reuters", "reuters"),
    ("selon l'agence Reuters", "reuters"),
    ("передает Reuters", "reuters"),
    ("informa la agencia EFE", "efe"),
    ("riferisce l'agenzia EFE", "efe"),
])
def test_a_wire_named_in_any_attribution_is_that_wire(name: str, wire: str) -> None:
    cited = REGISTRY.cited(name)
    assert cited is not None and cited.key == f"src:{wire}"


@pytest.mark.parametrize(("name", "key"), [
    ("laut Mehr", "src:mehr"), ("Quellen, die mehr wissen", None),  # an outlet is named with its capitals
    ("selon Le Monde", "src:le-monde"), ("des responsables du monde entier", None),
])
def test_an_outlet_inside_an_attribution_is_a_name_not_a_word(name: str, key: str | None) -> None:
    cited = REGISTRY.cited(name)
    assert (cited.key if cited else None) == key


@pytest.mark.parametrize(("text", "wire"), [
    ("Nordkorea hat Granaten an Russland geliefert, wie die Nachrichtenagentur Reuters berichtete.", "reuters"),
    ("La Corée du Nord a livré des obus à la Russie, selon l'agence Reuters.", "reuters"),
    ("Irán ha suministrado drones a Rusia, informa la agencia EFE.", "efe"),
    ("Об этом сообщает агентство Reuters со ссылкой на источники.", "reuters"),
    ("L'Iran ha fornito droni alla Russia, riferisce l'agenzia EFE.", "efe"),
    ("Irán ha suministrado drones a Rusia, según fuentes citadas por medios locales.", None),
])
def test_a_wire_after_a_wire_noun_is_a_credit_in_any_language(text: str, wire: str | None) -> None:
    assert wire_credit(text, REGISTRY) == wire


def test_the_original_source_ranks_before_the_wire_relaying_it() -> None:
    relayed = claim("a", "fr", attributed=("l'agence Reuters", "le service de renseignement sud-coréen"))
    direct = claim("b", "de", attributed=("südkoreanischen Geheimdienstes seit August", "Nachrichtenagentur Reuters"))
    wire_only = claim("c", "es", attributed=("la agencia EFE",))
    keys = [c.key if (c := cited_source(x, REGISTRY)) else None for x in (relayed, direct, wire_only)]
    assert keys == [NIS, NIS, "src:efe"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "more than 1 million artillery shells"),
    ("en", "1,000,000 shells"),
    ("de", "mehr als eine Million Artilleriegranaten"),
    ("de", "1.000.000 Granaten"),
    ("fr", "plus d'un million d'obus"),
    ("fr", "1 000 000 obus"),
    ("ru", "более миллиона снарядов"),
    ("uk", "понад 1 млн снарядів"),
    ("es", "más de un millón de proyectiles"),
    ("it", "oltre un milione di proiettili"),
    ("pl", "ponad milion pocisków"),
])
def test_a_figure_is_one_value_whatever_its_format(language: str, text: str) -> None:
    assert [v for _, v in figures(text, lexicons()[language])] == [1_000_000]


def test_a_lone_one_word_is_an_article_not_a_figure() -> None:
    assert figures("a ship and an aircraft; un navire", lexicons()["en"]) == []


def test_a_reordered_translation_keeps_its_skeleton_and_an_independent_report_does_not() -> None:
    en = ("KOR", "#1000000", "PRK", "RUS", "#10", "PRK")
    de = ("PRK", "KOR", "#1000000", "RUS", "#10", "KOR", "PRK")  # German puts the source first
    other = ("UKR", "PRK", "RUS", "#500000", "UKR", "PRK")  # same deal, another claimant, another figure
    assert same_skeleton(en, de) == "same names and figures, reordered; shared figures 10, 1000000"
    assert same_skeleton(en, other) is None
    assert same_skeleton(("PRK", "RUS", "PRK", "RUS"), ("RUS", "PRK", "RUS", "PRK")) is None  # no shared figure


def origins_of(app: Armstrack, supplier: str, recipient: str) -> dict[str, tuple[int, int, list[tuple[str, ...]]]]:
    """item -> (reports, independent origins, each origin's label and documents) for one pair."""
    out = {}
    for row in app.transfers(TransferFilter(supplier=supplier, recipient=recipient)):
        t = app.transfer(row["id"])
        out[t["item"]] = (t["reports"], t["independent_origins"],
                          sorted((o["label"], *sorted(o["documents"])) for o in t["origins"]))
    return out


NORTH_KOREA = {"artillery shells": (7, 3, [
    ("Defence Intelligence of Ukraine (UKR)", "nk-hur"),  # "Ukraine's Defence Intelligence (HUR) said": the agency
    ("National Intelligence Service (KOR)", "nk-de", "nk-fr", "nk-reprint-1", "nk-reprint-2", "nk-wire"),
    ("White House (USA)", "nk-whitehouse")])}  # its 'munitions' are the generic reading of the shells
IRAN = {"Shahed-136": (7, 3, [
    ("Defence Intelligence of Ukraine (UKR)", "ir-efe", "ir-it", "ir-reprint-1", "ir-reprint-2", "ir-ru"),
    ("Ministry of Defence of Ukraine", "ir-mod"),
    ("NOS", "ir-nos")])}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Armstrack:
    app = Armstrack(f"sqlite:///{tmp_path_factory.mktemp('origins') / 'o.db'}")
    files = [str(CORPORA / "north_korea_shells.jsonl"), str(CORPORA / "iran_drones_multilingual.jsonl")]
    app.ingest(read_inputs(files), Extractor())
    return app


def test_a_wire_story_its_reprints_and_translations_are_one_origin_beside_independent_claims(store: Armstrack) -> None:
    """English wire, two reprints, French and German translations citing the agency and the intelligence service
    their own way, an official statement and a Ukrainian intelligence claim."""
    shells = origins_of(store, "PRK", "RUS")
    assert {k: v for k, v in shells.items() if k in NORTH_KOREA} == NORTH_KOREA


def test_the_same_shape_in_spanish_italian_russian_ukrainian_and_dutch(store: Armstrack) -> None:
    assert origins_of(store, "IRN", "RUS") == IRAN


def test_each_report_says_why_it_joined_its_origin(store: Armstrack) -> None:
    row = store.transfers(TransferFilter(supplier="IRN", recipient="RUS"))[0]
    hur = next(o for o in store.transfer(row["id"])["origins"] if o["label"].startswith("Defence Intelligence"))
    assert hur["joined"]["ir-efe"] == "first report of this origin"
    assert hur["joined"]["ir-ru"] == "cites the same source as ir-efe: Defence Intelligence of Ukraine (UKR)"


def test_counts_are_unchanged_on_a_re_ingest_and_in_another_order(store: Armstrack, tmp_path: Path) -> None:
    before = origins_of(store, "PRK", "RUS"), origins_of(store, "IRN", "RUS")
    files = [str(CORPORA / "north_korea_shells.jsonl"), str(CORPORA / "iran_drones_multilingual.jsonl")]
    report = store.ingest(read_inputs(files), Extractor())
    assert report.documents == 0 and report.unchanged == 14
    assert (origins_of(store, "PRK", "RUS"), origins_of(store, "IRN", "RUS")) == before
    other = Armstrack(f"sqlite:///{tmp_path / 'other.db'}")  # another store, the files the other way round
    other.ingest(read_inputs(files[::-1]), Extractor(), batch_size=2)
    assert (origins_of(other, "PRK", "RUS"), origins_of(other, "IRN", "RUS")) == before


TRANSLATED = {
    "en": "Iran has delivered 2,400 Shahed-136 drones to Russia since September and is preparing 300 more for Moscow "
          "in the spring, Western officials said.",
    "de": "Seit September hat Iran 2400 Shahed-136-Drohnen an Russland geliefert, weitere 300 sollen im Frühjahr nach "
          "Moskau folgen, sagten westliche Beamte.",
    "fr": "L'Iran a livré à la Russie 2 400 drones Shahed-136 depuis septembre et en prépare 300 de plus pour Moscou "
          "au printemps, selon des responsables occidentaux.",
}
INDEPENDENT = "Iran has sent Russia about 1,700 Shahed-136 drones, a Ukrainian commander told reporters in Kyiv."


def test_translations_with_no_source_to_cite_are_told_by_their_names_and_figures_in_any_order() -> None:
    """Three outlets, three languages, sources no register knows ('Western officials', 'westliche Beamte'): the
    German keeps the English order, the French moves Russia forward; an independent report with its own figure
    stays apart."""
    app = Armstrack("sqlite:///:memory:")
    extractor = Extractor()
    cs, docs = [], {}
    texts = [(lang, f"outlet-{lang}", text) for lang, text in TRANSLATED.items()] + [("en", "other", INDEPENDENT)]
    for n, (lang, outlet, text) in enumerate(texts):
        e = extractor.extract(document_from_record({"id": f"t{n}", "text": text, "language": lang,
                                                    "source_name": outlet, "published": f"2023-03-0{n + 1}"}, "t"))
        p = app.prints(e)
        docs[e.document.id] = StoredDocument(e.document.id, p.publisher, None, e.language, e.document.published,
                                             (n,), p.entities, p.wire)
        cs += [claim(f"{e.document.id}-{i}", e.document.id, c.item, c.system_id, c.supplier, c.recipient,
                     attributed=tuple(c.attributed_to)) for i, c in enumerate(e.claims)]
    assert {(c.supplier, c.recipient, c.item) for c in cs} == {("IRN", "RUS", "Shahed-136")}
    groups = independent_origins(cs, docs, app.registry)
    assert sorted(g.documents for g in groups) == [("t0", "t1", "t2"), ("t3",)]  # en, de, fr; the independent one
    joined = dict(groups[0].joined)
    assert joined["t1"] == "translation of t0 (same names and figures in the same order)"
    assert joined["t2"].startswith("translation of t0 (same names and figures, reordered; shared figures 2400, 300")


@given(st.text(max_size=200), st.sampled_from(sorted(lexicons())))
def test_any_text_gives_figures_and_any_attribution_a_source_or_none_without_error(text: str, language: str) -> None:
    assert all(isinstance(v, float) for _, v in figures(text, lexicons()[language]))
    cited = REGISTRY.cited(text)
    assert cited is None or cited.rank in (0, 1, 2)


WHITE_HOUSE = ("la Casa Bianca", "das Weiße Haus", "White House officials", "la Maison Blanche")


@pytest.mark.parametrize("name", WHITE_HOUSE)
def test_a_cited_source_is_named_in_one_canonical_form_whatever_its_language(name: str) -> None:
    cited = REGISTRY.cited(name)
    assert cited is not None and (cited.key, cited.label) == ("party:USA/usa-white-house", "White House (USA)")


def test_the_same_reports_name_their_origin_alike_in_every_transfer_they_are_in() -> None:
    """An Italian, a German and a French report cite the White House, each claim of each report its own way; a
    report's other claim cites nobody. Whichever claims a transfer holds, and in whatever order their ids fall, the
    origin is the White House, in one form."""
    docs = {d: StoredDocument(d, "reuters", None, "en", "2022-10-20", (i,), (), "reuters")
            for i, d in enumerate(("it", "de", "fr"))}
    said = {"it": "la Casa Bianca", "de": "das Weiße Haus", "fr": "la Maison Blanche"}
    shahed = [claim(f"s-{d}", d, attributed=(said[d],)) for d in docs]
    mohajer = [claim(f"m-{d}", d, attributed=(said[d],)) for d in docs]
    unattributed = [claim(f"{p}-{d}", d) for d in docs for p in ("a", "z")]  # before and after in id order
    labels = {tuple((g.label, g.documents) for g in independent_origins(cs, docs, REGISTRY))
              for cs in (shahed, mohajer, shahed + unattributed, unattributed[::-1] + mohajer)}
    assert labels == {(("White House (USA)", ("de", "fr", "it")),)}


@pytest.mark.parametrize(("url", "label"), [("https://www.kyiv-daily.example/news/1", "kyiv-daily.example"),
                                            (None, "unnamed outlet")])
def test_a_report_that_names_no_outlet_is_named_by_its_site_never_by_its_hash(url: str | None, label: str) -> None:
    docs = {d: StoredDocument(d, None, url, "en", "2022-10-20", (i,), (), None)
            for i, d in enumerate(("sha1:83bc0a", "sha1:91ff02"))}
    groups = independent_origins([claim("a", "sha1:83bc0a"), claim("b", "sha1:91ff02")], docs, REGISTRY)
    assert {g.label for g in groups} == {label}
    assert not any("sha1:" in g.label for g in groups)
    assert len(groups) == (1 if url else 2)  # one site is one outlet; two unnamed outlets may be two
