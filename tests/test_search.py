"""Full-text search, facets, sorting and rejected transfers, on SQLite and on the real PostgreSQL server: one query
syntax (words, "phrases", prefix*) finds the same documents and quotes on both, hits are marked and nothing else,
facet counts are the listing's own counts, every sort key orders the listing, and the pages say what went wrong."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from hypothesis import given, settings
from hypothesis import strategies as st

from api_fixtures import CORPUS, make_core, signed_in
from armstrack.app import Armstrack
from armstrack.extract.document import Extractor
from armstrack.model import Document
from armstrack.sources.files import read_inputs
from armstrack.store import queries
from armstrack.store.db import MIGRATIONS, get_engine
from armstrack.store.fulltext import BadQuery, marked, parse, snippet
from armstrack.store.queries import TRANSFER_SORTS, ClaimFilter, DocumentFilter, TransferFilter, documents_query
from store_fixtures import postgres_url, sqlite_url

# documents a search must tell apart: a hyphenated designation, a phrase and its words apart, accents, Cyrillic,
# and one text that gives no claim at all
DOCUMENTS = [
    Document("Iran delivered Shahed-136 drones to Russia via the Caspian Sea, officials said.", "shahed",
             language="en", published="2023-02-01", source_name="Reuters"),
    Document("Germany delivered IRIS-T air defence systems to Ukraine in 2023, the ministry said.", "iris",
             language="en", published="2023-05-01", source_name="Der Spiegel"),
    Document("L'État français a livré des missiles Aster à l'Ukraine en 2023.", "etat", language="fr",
             published="2023-06-01"),
    Document("Иран передал России беспилотники Герань-2 в 2023 году.", "geran", language="ru",
             published="2023-07-01"),
    Document("Die Lieferung über die Straße nach Kiew begann im Mai.", "strasse", language="de",
             published="2023-09-01"),
    Document("The football club's defence held firm and the air was cold at the <script>stadium</script>.", "football",
             language="en", published="2023-08-01"),
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    urls = sqlite_url(tmp_path_factory.mktemp("search")) if request.param == "sqlite" else postgres_url()
    url = next(urls)
    Armstrack(url).ingest(DOCUMENTS, Extractor())
    yield url
    next(urls, None)  # the PostgreSQL schema is dropped


def found(url: str, text: str, **filters: object) -> set[str]:
    rows, total = Armstrack(url).documents(DocumentFilter(query=parse(text), limit=None, **filters))  # type: ignore[arg-type]
    assert total == len(rows)
    return {r["id"] for r in rows}


@pytest.mark.parametrize(("text", "expected"), [
    ("shahed-136", {"shahed"}),  # the phrase "shahed 136"
    ("Shahed 136", {"shahed"}),
    ('"136 shahed"', set()),  # a phrase keeps its order
    ("delivered", {"shahed", "iris"}),
    ("delivered ukraine", {"iris"}),  # every word must occur
    ("delivered football", set()),
    ('"air defence"', {"iris"}),  # the football text has both words, not the phrase
    ("air defence", {"iris", "football"}),
    ("defen*", {"iris", "football"}),
    ('"air def*"', {"iris"}),
    ("état", {"etat"}),  # accents are kept on both databases
    ("etat", set()),
    ("ИРАН", {"geran"}),  # case folds in every script
    ("герань*", {"geran"}),
    ("l'état", {"etat"}),
    ("script", {"football"}),
    ("STRASSE", set()),  # no folding beyond case: "ß" stays "ß" on both databases
    ("Straße", {"strasse"}),
])
def test_one_query_syntax_finds_the_same_documents_on_both_stores(store: str, text: str, expected: set[str]) -> None:
    assert found(store, text) == expected


def test_document_filters_combine_with_search(store: str) -> None:
    assert found(store, "2023", language="en") == {"iris"}
    assert found(store, "2023") == {"iris", "etat", "geran"}  # (a word: "2023-09-01" is a date, not text)
    app = Armstrack(store)
    without = {d["id"] for d in app.documents(DocumentFilter(has_claims=False, limit=None))[0]}
    with_claims = {d["id"]: d["claims"] for d in app.documents(DocumentFilter(has_claims=True, limit=None))[0]}
    assert "football" in without and "shahed" in with_claims and not without & set(with_claims)
    assert all(n > 0 for n in with_claims.values())
    reuters = {d["id"] for d in app.documents(DocumentFilter(publisher="reuters", limit=None))[0]}
    assert reuters == {"shahed"}


def test_quotes_are_searched_by_the_same_syntax(store: str) -> None:
    rows, _ = Armstrack(store).claims(ClaimFilter(query=parse("shahed-136 russia"), limit=None))
    assert rows and all("Shahed-136" in c["evidence"] for c in rows)
    assert not Armstrack(store).claims(ClaimFilter(query=parse("football"), limit=None))[0]


def test_sources_count_documents_and_claims(store: str) -> None:
    app = Armstrack(store)
    rows = app.source_counts()
    assert sum(r["documents"] for r in rows) == app.documents(DocumentFilter(limit=None))[1] == len(DOCUMENTS)
    assert sum(r["claims"] for r in rows) == app.claims(ClaimFilter(limit=None))[1]
    reuters = next(r for r in rows if r["id"] == "reuters")
    assert reuters["registered"] and reuters["wire"] and reuters["documents"] == 1
    unknown = [r for r in rows if not r["registered"]]
    assert unknown and all(r["documents"] for r in unknown)  # a publisher outside the registry is listed too


def test_the_postgresql_search_reads_its_index(store: str) -> None:
    if not store.startswith("postgresql"):
        pytest.skip("SQLite's FTS5 table is the index itself")
    sql = str(documents_query(DocumentFilter(query=parse("shahed"))).compile(
        get_engine(store), compile_kwargs={"literal_binds": True}))
    with get_engine(store).begin() as conn:
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        how = " / ".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {sql}"))
    assert "ix_documents_words" in how, how


# --- the syntax ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "fts5", "tsquery"), [
    ("drones", '"drones"', "('drones')"),
    ("Shahed-136 drone*", '"shahed 136" AND "drone"*', "('shahed' <-> '136') & ('drone':*)"),
    ('"air defence" IRIS', '"air defence" AND "iris"', "('air' <-> 'defence') & ('iris')"),
    ('"air def*"', '"air def"*', "('air' <-> 'def':*)"),
    ("l'Iran !", '"l iran"', "('l' <-> 'iran')"),
])
def test_a_query_is_written_for_each_database(text: str, fts5: str, tsquery: str) -> None:
    q = parse(text)
    assert (q.fts5(), q.tsquery()) == (fts5, tsquery)


@pytest.mark.parametrize(("text", "says"), [
    ('"air defence', "unbalanced quote"),
    ("*", "needs a word"),
    ("a*", "at least 2 letters"),
    ("dr*ne", "end of a word"),
    ('""', "no word"),
    ("!!! ...", "nothing to search for"),
    (" ".join(f"w{i}" for i in range(20)), "too many words"),
])
def test_a_bad_query_says_how_to_write_it(text: str, says: str) -> None:
    with pytest.raises(BadQuery, match=says):
        parse(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab é"*-\' Жx1_.'), max_size=30))
def test_any_text_parses_or_is_refused_and_fts5_accepts_what_parses(text: str) -> None:
    try:
        q = parse(text)
    except BadQuery:
        return
    with sqlite3.connect(":memory:") as conn:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0')")
        conn.execute("INSERT INTO t VALUES (?)", (text,))
        hit = conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (q.fts5(),)).fetchone()[0]
    assert hit == 1  # the text itself holds every term of its own query
    assert any(is_hit for _, is_hit in marked(text, q))  # and its hits are marked


def test_only_hits_are_marked_and_the_snippet_is_cut_around_the_first() -> None:
    text = "Intro words. " * 40 + "Iran delivered Shahed-136 drones; drone parts followed. The end."
    pieces = snippet(text, parse("shahed-136 drone*"), width=120)
    assert "".join(p for p, _ in pieces).startswith("…")
    assert [p for p, hit in pieces if hit] == ["Shahed-136", "drones", "drone"]
    assert [p for p, hit in marked("Shahedi and 136 shahed-1360", parse("shahed-136")) if hit] == []


# --- transfers: facets, sort, rejected -----------------------------------------------------------------------------

@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def listed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Armstrack]:
    urls = sqlite_url(tmp_path_factory.mktemp("facets")) if request.param == "sqlite" else postgres_url()
    core = make_core(next(urls))
    core.ingest(read_inputs([str(p) for p in sorted(CORPUS.parent.glob("*.jsonl"))]), Extractor())
    assert len(core.transfers(TransferFilter())) > 4
    yield core
    next(urls, None)


def test_facet_counts_are_the_listings_own_counts(listed: Armstrack) -> None:
    for f in (TransferFilter(), TransferFilter(supplier="DEU"), TransferFilter(stage="delivered")):
        rows = listed.transfers(f)
        facets = listed.facets(f).counts
        for name in ("supplier", "recipient", "category", "stage", "grade"):
            expected = Counter(str(r[name] or "") if name != "grade" else r["grade"] for r in rows)
            assert dict(facets[name]) == dict(expected.most_common(12)), name
        grade, n = facets["grade"][0]
        assert len(listed.transfers(TransferFilter(supplier=f.supplier, stage=f.stage, grade=grade))) == n


def test_facets_of_a_broad_filter_count_its_first_rows_and_say_so(listed: Armstrack,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert not listed.facets(TransferFilter()).capped
    monkeypatch.setattr(queries, "FACET_ROWS", 2)
    first = Armstrack(listed.db_url).facets(TransferFilter())  # nothing kept from before the cap
    top = listed.listing(TransferFilter(limit=2))[0]
    assert first.capped and dict(first.counts["stage"]) == dict(Counter(t["stage"] for t in top))


@pytest.mark.parametrize("key", list(TRANSFER_SORTS))
def test_every_sort_key_orders_the_listing(listed: Armstrack, key: str) -> None:
    for descending in (False, True):
        rows = listed.listing(TransferFilter(sort=("-" if descending else "") + key, limit=50))[0]
        values = [r[key] for r in rows if r[key] is not None]
        assert values == sorted(values, reverse=descending), key
        assert all(r[key] is None for r in rows[len(values):])  # unknown values last either way


def test_transfers_page_sorts_by_header_and_refuses_an_unknown_key(listed: Armstrack) -> None:
    client, _ = signed_in(listed, "viewer1")
    page = client.get("/transfers", params={"sort": "-reports", "supplier": "DEU"})
    assert page.status_code == 200
    assert 'aria-sort="descending"><a class="sort" href="/transfers?sort=reports&amp;supplier=DEU"' in page.text
    assert 'href="/transfers?sort=item&amp;supplier=DEU"' in page.text  # another header: its own first direction
    bad = client.get("/transfers", params={"sort": "price"})
    assert bad.status_code == 400 and "unknown sort &#39;price&#39;: use one of grade" in bad.text
    assert "Traceback" not in bad.text


def test_a_rejected_transfer_comes_back_with_rejected_1_marked(tmp_path: Path) -> None:
    core = make_core(f"sqlite:///{tmp_path / 'r.db'}")
    client, _ = signed_in(core, "viewer1")
    gone = core.transfers(TransferFilter())[0]
    core.judge("reject", gone["id"], author="analyst1", reason="a duplicate report")
    assert gone["id"] not in client.get("/transfers").text
    shown = client.get("/transfers", params={"rejected": "1"})
    row = shown.text[shown.text.index(f'href="/transfers/{gone["id"]}"') - 200:]
    assert 'class="rejected-row"' in row[:200] and '<span class="flag rejected">rejected</span>' in row
    assert core.listing(TransferFilter(include_rejected=True))[1] == core.listing(TransferFilter())[1] + 1


def test_every_listing_page_gives_its_rows_as_csv_and_json(listed: Armstrack) -> None:
    client, _ = signed_in(listed, "viewer1")
    page = client.get("/transfers", params={"supplier": "DEU", "sort": "item"}).text
    assert 'href="/transfers?format=csv&amp;supplier=DEU&amp;sort=item"' in page
    rows = client.get("/transfers", params={"supplier": "DEU", "sort": "item", "format": "json"}).json()
    assert rows and [r["item"] for r in rows] == sorted(r["item"] for r in rows)
    assert all(r["supplier"] == "DEU" for r in rows)
    lines = client.get("/transfers", params={"supplier": "DEU", "sort": "item", "format": "csv"}).text.splitlines()
    assert lines[0].startswith("id,supplier,") and len(lines) == len(rows) + 1
    for path in ("/documents?q=iris*", "/claims?q=iris", "/sources"):
        assert client.get(path).status_code == 200
        assert client.get(path + ("&" if "?" in path else "?") + "format=json").json()
    docs = client.get("/documents", params={"q": "iris*", "format": "json"}).json()
    assert docs and all("iris" in d["snippet"].lower() for d in docs)


def test_search_pages_mark_hits_escape_the_text_and_explain_bad_queries(tmp_path: Path) -> None:
    core = Armstrack(f"sqlite:///{tmp_path / 'p.db'}")
    core.ingest(DOCUMENTS, Extractor())
    core.add_user("viewer1", "correct horse battery", "viewer")
    client, _ = signed_in(core, "viewer1")
    page = client.get("/documents", params={"q": "stadium"}).text
    assert "&lt;script&gt;<mark>stadium</mark>&lt;/script&gt;" in page and "<script>" not in page.split("<main")[1]
    assert page.count("<mark>") == 1
    bad = client.get("/documents", params={"q": '"air defence'})
    assert bad.status_code == 400 and "unbalanced quote" in bad.text
    quotes = client.get("/api/claims", params={"match": '"iris t" delivered'}).json()["items"]
    assert quotes and all("IRIS-T" in c["evidence"] for c in quotes)
    api = client.get("/api/documents", params={"q": "dr*ne"})
    assert api.status_code == 400 and "end of a word" in api.json()["error"]["message"]
    sources = client.get("/sources").text
    assert "wire service" in sources and 'href="/documents?source=reuters"' in sources


def test_an_older_store_gets_its_texts_indexed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    Armstrack(url).ingest(DOCUMENTS, Extractor())
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    for target, run in (("0011", command.downgrade), ("head", command.upgrade)):
        with get_engine(url).begin() as conn:
            cfg.attributes["connection"] = conn
            run(cfg, target)
    assert found(url, "shahed-136") == {"shahed"}


@pytest.mark.parametrize(("text", "expected"), [
    ("caspian", {("IRN", "RUS")}),  # a word only the report has, not the transfer's fields
    ('"the ministry said"', {("DEU", "UKR")}),
    ("minist*", {("DEU", "UKR")}),
    ("caspian ministry", set()),  # both words in one report
])
def test_transfers_whose_reports_match_the_words(store: str, text: str, expected: set[tuple[str, str]]) -> None:
    """The transfers filter 'words in the reports' searches the text of the articles the transfer's claims come
    from (the documents' full-text index), not the transfer's own fields."""
    rows, total = Armstrack(store).listing(TransferFilter(words=parse(text), limit=50))
    assert {(r["supplier"], r["recipient"]) for r in rows} == expected and total == len(rows)


def test_the_transfers_page_filters_by_words_in_the_reports(tmp_path: Path) -> None:
    core = make_core(f"sqlite:///{tmp_path / 'w.db'}")
    core.ingest(DOCUMENTS, Extractor())
    client, _ = signed_in(core, "viewer1")
    page = client.get("/transfers", params={"words": "caspian"}).text
    assert 'name="words" value="caspian"' in page and "Shahed-136" in page and "IRIS-T" not in page
    bad = client.get("/transfers", params={"words": '"air defence'})
    assert bad.status_code == 400 and "Traceback" not in bad.text
