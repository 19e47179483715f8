"""Independent origins: reprints, wire credits, 'X citing Y', translations, and genuinely independent reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from armstrack.app import Armstrack
from armstrack.extract.document import Extractor
from armstrack.model import StoredDocument
from armstrack.sources.files import document_from_record
from armstrack.transfers.origins import (
    OriginJudgement,
    build_registry,
    entity_print,
    independent_origins,
    print_similarity,
    resemblance,
    sketch,
    wire_credit,
)
from transfer_helpers import KB, claim, doc

REGISTRY = build_registry(KB)
CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "iris_t.jsonl"
STORY = ("Germany will deliver four more Leopard 2A6 tanks to Ukraine this year, a government official said on "
         "Tuesday, adding that the first of them would arrive before the summer and that training of crews had begun "
         "in Munster in January.")


def test_a_reprint_and_a_light_edit_resemble_the_original_and_an_independent_text_does_not() -> None:
    edited = STORY.replace("on Tuesday", "Tuesday").replace("before the summer", "by June")
    other = ("Ukrainian tank crews finished their training on the Leopard 2A6 in Poland, the Ukrainian defence "
             "ministry said, without saying when the vehicles would be handed over.")
    assert resemblance(sketch(STORY), sketch("Tanks for Ukraine\n\n" + STORY)) > 0.7
    assert resemblance(sketch(STORY), sketch(edited)) > 0.3
    assert resemblance(sketch(STORY), sketch(other)) < 0.1


@given(st.text(max_size=300))
def test_sketches_of_any_text_compare_without_error(text: str) -> None:
    s = sketch(text)
    assert 0.0 <= resemblance(s, sketch(STORY)) <= 1.0
    assert resemblance(s, s) == (1.0 if s else 0.0)


@pytest.mark.parametrize(("text", "wire"), [
    ("BERLIN, March 5 (Reuters) - Germany will deliver ...", "reuters"),
    ("Germany will deliver four tanks.\n\n(Reuters)", "reuters"),
    ("Germany will deliver four tanks, Reuters reported on Tuesday, citing officials.", None),
])
def test_a_wire_credit_is_a_dateline_or_byline_not_a_mention(text: str, wire: str | None) -> None:
    assert wire_credit(text, REGISTRY) == wire


def test_claims_citing_the_same_named_source_collapse_into_one_origin_in_any_language() -> None:
    cs = [claim("a", "en1", attributed=("The Guardian",)),
          claim("b", "fr1", attributed=("The Guardian", "ses sources")),
          claim("c", "nl1", attributed=("Guardian",)), claim("d", "de1", attributed=("Regierungskreise",))]
    docs = {d: doc(d, p, lang) for d, p, lang in (("en1", "guardian", "en"), ("fr1", "southfront", "fr"),
                                                  ("nl1", None, "nl"), ("de1", "bild", "de"))}
    groups = independent_origins(cs, docs, REGISTRY)
    assert sorted(g.documents for g in groups) == [("de1",), ("en1", "fr1", "nl1")]
    assert {g.label for g in groups} == {"The Guardian", "Bild"}


def test_generic_sourcing_leaves_each_publisher_its_own_origin() -> None:
    cs = [claim("a", "d1", attributed=("officials",)), claim("b", "d2", attributed=("des sources",)),
          claim("c", "d3")]
    docs = {"d1": doc("d1", "reuters"), "d2": doc("d2", "southfront", "fr"), "d3": doc("d3", None)}
    assert len(independent_origins(cs, docs, REGISTRY)) == 3


def test_same_skeleton_in_another_language_is_one_origin() -> None:
    en = ("DEU", "leopard-2a6", "UKR", "#2022", "DEU", "#140", "UKR", "RUS", "DEU", "USA", "#28")
    fr = ("DEU", "leopard-2a6", "UKR", "#2022", "DEU", "DEU", "#140", "UKR", "RUS", "DEU", "USA", "#28")
    indep = ("UKR", "leopard-2a6", "DEU", "#18", "POL")
    assert print_similarity(en, fr)[1] > 0.6
    cs = [claim("a", "en"), claim("b", "fr"), claim("c", "kyiv")]
    docs = {"en": doc("en", "reuters", entities=en), "fr": doc("fr", "southfront", "fr", entities=fr),
            "kyiv": doc("kyiv", "bild", entities=indep)}
    assert sorted(g.documents for g in independent_origins(cs, docs, REGISTRY)) == [("en", "fr"), ("kyiv",)]


def test_entity_print_reads_names_and_numbers_in_order() -> None:
    text = "L'Allemagne livrera 4 Leopard 2A6 à l'Ukraine, pour 140 millions d'euros."
    printed = entity_print(text, Extractor("fr").extract(document_from_record({"text": text}, "t")).names)
    assert printed == ("DEU", "#4", "leopard-2a6", "UKR", "#140")


def test_real_extraction_wire_story_reprints_translations_citation_and_independent_reports() -> None:
    """A wire story, a verbatim and an edited reprint, French and German translations, an article citing
    the wire, and two independent reports: three independent origins, eight reports."""
    app = Armstrack("sqlite:///:memory:")
    extractor = Extractor()
    cs, docs = [], {}
    for n, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines()):
        e = extractor.extract(document_from_record(json.loads(line), f"corpus:{n}"))
        p = app.prints(e)
        docs[e.document.id] = StoredDocument(e.document.id, p.publisher, e.document.url, e.language,
                                             e.document.published, p.sketch, p.entities, p.wire)
        cs += [claim(f"{e.document.id}-{i}", e.document.id, c.item, c.system_id, c.supplier, c.recipient, c.stage,
                     c.status, tuple(c.attributed_to)) for i, c in enumerate(e.claims)]
    groups = independent_origins(cs, docs, app.registry)
    assert len(docs) == 8 and len(groups) == 3
    wire = next(g for g in groups if g.label == "Reuters")
    assert set(wire.documents) == {"wire-reuters", "reprint-usnews", "reprint-edited", "translation-fr",
                                   "translation-de", "citing-analysis"}


def test_a_skeleton_match_counts_only_close_in_time() -> None:
    en = ("DEU", "leopard-2a6", "UKR", "#2022", "DEU", "#140", "UKR", "RUS", "DEU", "USA", "#28")
    cs = [claim("a", "en"), claim("b", "fr")]
    near = {"en": doc("en", "reuters", entities=en), "fr": doc("fr", "southfront", "fr", entities=en)}
    later = {**near, "fr": StoredDocument("fr", "southfront", None, "fr", "2025-09", (1,), en, None)}
    assert len(independent_origins(cs, near, REGISTRY)) == 1
    assert len(independent_origins(cs, later, REGISTRY)) == 2


def test_thousands_of_reports_group_without_comparing_every_pair() -> None:
    story = sketch(STORY)
    docs = {f"r{i}": doc(f"r{i}", f"outlet{i}", sketch=story) for i in range(1500)}
    docs |= {f"x{i}": doc(f"x{i}", f"paper{i}", sketch=sketch(f"{STORY} {i} " * 3 + f"unique report number {i}"))
             for i in range(3)}
    cs = [claim(f"c-{d}", d) for d in docs]
    groups = independent_origins(cs, docs, REGISTRY)
    assert max(len(g.documents) for g in groups) >= 1500


@pytest.mark.parametrize(("name", "url", "found"), [
    ("The Guardian", None, "guardian"),
    ("Reuters | World News", None, "reuters"),
    ("South Front (translated by a blog)", None, "southfront"),
    (None, "https://www.bild.com/politik/x.html", "bild"),
    ("A Local Paper", "https://example.org/x", None),
])
def test_the_registry_finds_an_outlet_by_name_or_domain(name: str | None, url: str | None,
                                                          found: str | None) -> None:
    source = REGISTRY.find(name, url)
    assert (source.id if source else None) == found


def test_an_analyst_splits_and_joins_origins_in_order_and_each_report_says_so() -> None:
    cs = [claim("a", "en1", attributed=("The Guardian",)), claim("b", "fr1", attributed=("The Guardian",)),
          claim("c", "de1", attributed=("Regierungskreise",))]
    docs = {d: doc(d, p, lang) for d, p, lang in (("en1", "guardian", "en"), ("fr1", "southfront", "fr"),
                                                  ("de1", "bild", "de"))}
    split = OriginJudgement(1, "split_origin", ("fr1",))
    join = OriginJudgement(2, "join_origins", ("fr1", "de1"))
    assert sorted(g.documents for g in independent_origins(cs, docs, REGISTRY, [split])) == [
        ("de1",), ("en1",), ("fr1",)]
    groups = independent_origins(cs, docs, REGISTRY, [join, split])  # replayed by id: split, then join
    assert sorted(g.documents for g in groups) == [("de1", "fr1"), ("en1",)]
    joined = dict(next(g for g in groups if "de1" in g.documents).joined)
    assert joined["fr1"].endswith("; split off by an analyst (judgement 1); joined by an analyst (judgement 2)")
    assert joined["de1"] == "first report of this origin"

