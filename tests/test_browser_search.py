"""Lists in a real browser: a full-text search of the articles with its hits highlighted, a facet picked on the
transfers list, and a column header that sorts it (aria-sort follows). Screenshots (desktop and phone) go to
artifacts/browser/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from api_fixtures import CORPUS, PASSWORD, make_core, serving
from armstrack.extract.document import Extractor
from armstrack.sources.files import read_inputs
from browser_helpers import PHONE, SHOTS

IRAN_RUSSIA = Path(__file__).parent / "fixtures" / "corpus" / "iran_russia.jsonl"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("search") / "web.db"
    core = make_core(f"sqlite:///{db}")  # the IRIS-T corpus
    core.ingest(read_inputs([str(IRAN_RUSSIA)]), Extractor())
    assert CORPUS.exists()
    with serving(db, workers=1) as (base, _):
        yield base


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context(base_url=server, viewport={"width": 1440, "height": 900})
    pg = context.new_page()
    pg.goto("/login?next=/documents")
    pg.get_by_label("Name").fill("viewer1")
    pg.get_by_label("Password").fill(PASSWORD)
    pg.get_by_role("button", name="Sign in").click()
    expect(pg).to_have_url(f"{server}/documents")
    yield pg
    context.close()


def shots(page: Page, name: str) -> None:
    """The page as it is now, on a desktop and on a phone."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SHOTS / f"{name}-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1440, "height": 900})


def test_full_text_search_highlights_its_hits(page: Page) -> None:
    page.get_by_label("Search the text").fill('shahed* "caspian sea"')
    page.get_by_role("button", name="Search").click()
    hits = page.locator("li.document .snippet mark")
    expect(hits.first).to_be_visible()
    marked = {t.casefold() for t in hits.all_inner_texts()}
    assert marked and all(t.startswith("shahed") or t == "caspian sea" for t in marked), marked
    documents = page.locator("li.document")
    assert documents.count() >= 1
    shots(page, "documents-search")
    page.get_by_label("Search the text").fill('"air defence')
    page.get_by_role("button", name="Search").click()
    expect(page.locator("p.error")).to_contain_text("unbalanced quote")
    page.goto("/sources")
    expect(page.locator("table.sources .flag.wire").first).to_be_visible()
    shots(page, "sources")


def test_a_facet_click_filters_the_transfers(page: Page) -> None:
    page.goto("/transfers")
    total = page.locator("h1 small").inner_text()
    supplier = page.locator("#facet-supplier a.facet-value").first
    code = supplier.inner_text().split()[0]
    supplier.click()
    expect(page).to_have_url(f"{page.url.split('/transfers')[0]}/transfers?supplier={code}")
    rows = page.locator("table.transfers tbody tr")
    assert all(code in rows.nth(i).locator('td[data-label="Supplier"]').inner_text() for i in range(rows.count()))
    expect(page.locator("#facet-supplier a.picked")).to_contain_text(code)
    expect(page.locator("h1 small")).not_to_have_text(total)
    shots(page, "transfers-facet")
    page.get_by_role("link", name="Clear filters").click()
    expect(page.locator("h1 small")).to_have_text(total)


def test_a_header_sorts_the_transfers_and_says_so(page: Page) -> None:
    page.goto("/transfers")
    page.locator("table.transfers th a.sort", has_text="Reports").click()
    header = page.locator("table.transfers th", has_text="Reports")
    expect(header).to_have_attribute("aria-sort", "descending")
    reports = [int(n) for n in page.locator("table.transfers tbody td.num:not(.origins)").all_inner_texts()]
    assert reports == sorted(reports, reverse=True) and reports[0] > reports[-1]
    shots(page, "transfers-sorted")
    header.locator("a.sort").click()
    expect(page.locator("table.transfers th", has_text="Reports")).to_have_attribute("aria-sort", "ascending")
    reports = [int(n) for n in page.locator("table.transfers tbody td.num:not(.origins)").all_inner_texts()]
    assert reports == sorted(reports)
