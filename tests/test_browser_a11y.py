"""Accessibility and phones, in a real browser: axe-core (served by the app from npm's copy) finds nothing serious
or critical on any page, no page is wider than a 390 px phone, and a saved search's feed shows a transfer that an
ingest after saving brought. Screenshots of every page at both widths go to artifacts/browser/.

PAGES is the list to extend when a page is added: a name and a path, where {transfer}, {document} and {search}
stand for ids of the test store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from api_fixtures import PASSWORD, make_core, serving
from armstrack.extract.document import Extractor
from armstrack.sources.files import read_inputs
from armstrack.store.queries import TransferFilter
from browser_helpers import DESKTOP, PHONE, SHOTS

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
AXE = "/static/vendor/axe.min.js"  # web/node_modules/axe-core, copied by scripts/vendor.sh
PAGES = [
    ("transfers", "/transfers"),
    ("transfers-filtered", "/transfers?supplier=IRN&min_grade=F6"),
    ("transfer", "/transfers/{transfer}"),
    ("claims", "/claims"),
    ("review", "/review"),
    ("network", "/network"),
    ("judgements", "/judgements"),
    ("document", "/documents/{document}"),
    ("documents", "/documents?q=drone*"),
    ("sources", "/sources"),
    ("searches", "/searches"),
    ("search", "/searches/{search}"),
    ("login", "/login"),  # signed out
]
SIGNED_OUT = {"login"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The server over a store with the IRIS-T and Iran–Russia corpora, a judgement, and a saved search; with the
    ids the page paths need."""
    db = tmp_path_factory.mktemp("a11y") / "web.db"
    core = make_core(f"sqlite:///{db}")
    core.ingest(read_inputs([str(CORPUS / "iran_russia.jsonl")]), Extractor())
    [t, *_] = core.transfers(TransferFilter(supplier="IRN"))
    core.judge("accept", t["id"], author="analyst1", reason="two independent origins")
    ids = {"transfer": t["id"], "document": core.transfer(t["id"])["claims"][0]["document_id"],
           "search": core.save_search("analyst1", "Anything from Iran", {"supplier": "IRN"})}
    with serving(db, workers=1) as (base, _):
        yield {"base": base, "ids": ids, "core": core}


def signed_in(browser: Browser, base: str, viewport: dict[str, int]) -> BrowserContext:
    context = browser.new_context(base_url=base, viewport=viewport)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto("/login")
    page.get_by_label("Name").fill("analyst1")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/transfers")
    page.close()
    return context


@pytest.fixture(scope="module")
def desktop(browser: Browser, site: dict[str, Any]) -> Iterator[BrowserContext]:
    context = signed_in(browser, site["base"], DESKTOP)
    yield context
    context.close()


@pytest.fixture(scope="module")
def phone(browser: Browser, site: dict[str, Any]) -> Iterator[BrowserContext]:
    context = signed_in(browser, site["base"], PHONE)
    yield context
    context.close()


def open_page(browser: Browser, context: BrowserContext, site: dict[str, Any], name: str, path: str,
              viewport: dict[str, int]) -> Page:
    """The page signed in (or, for SIGNED_OUT pages, in a context of its own), loaded."""
    if name in SIGNED_OUT:
        context = browser.new_context(base_url=site["base"], viewport=viewport)  # type: ignore[arg-type]
    page = context.new_page()
    response = page.goto(path.format(**site["ids"]))
    assert response is not None and response.status == 200, f"{name}: {response.status if response else None}"
    return page


def close(page: Page, name: str) -> None:
    context = page.context
    page.close()
    if name in SIGNED_OUT:
        context.close()


def serious(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    page.add_script_tag(url=AXE)
    result = page.evaluate("async () => (await axe.run(document)).violations"
                           ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                           ".map(v => v.id + ': ' + v.help + ' @ '"
                           "        + v.nodes.slice(0, 3).map(n => n.target).join(' | '))")
    return list(result)


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[n for n, _ in PAGES])
def test_axe_finds_nothing_serious(browser: Browser, desktop: BrowserContext, site: dict[str, Any], name: str,
                                   path: str) -> None:
    page = open_page(browser, desktop, site, name, path, DESKTOP)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"a11y-{name}-desktop.png"), full_page=True)
    assert serious(page) == []
    close(page, name)


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[n for n, _ in PAGES])
def test_no_page_is_wider_than_a_phone(browser: Browser, phone: BrowserContext, site: dict[str, Any], name: str,
                                       path: str) -> None:
    page = open_page(browser, phone, site, name, path, PHONE)
    page.screenshot(path=str(SHOTS / f"a11y-{name}-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name} is {width} px wide on a {PHONE['width']} px screen"
    close(page, name)


def test_skip_link_and_current_page_marker(desktop: BrowserContext) -> None:
    page = desktop.new_page()
    page.goto("/claims")
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Claims")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    page.close()


def test_the_grade_legend_opens_on_a_phone(phone: BrowserContext) -> None:
    page = phone.new_page()
    page.goto("/transfers")
    page.get_by_text("What the grades mean").click()
    expect(page.locator(".legend dd", has_text="usually reliable").first).to_be_visible()
    expect(page.locator(".legend dd", has_text="possibly true")).to_be_visible()
    page.locator(".legend").screenshot(path=str(SHOTS / "a11y-legend-phone.png"))
    page.close()


def test_a_saved_search_feed_shows_a_transfer_ingested_after_saving(desktop: BrowserContext,
                                                                    site: dict[str, Any]) -> None:
    page = desktop.new_page()
    page.goto("/transfers")
    page.get_by_label("Supplier").fill("IRN")
    page.get_by_role("button", name="Filter").click()
    page.get_by_label("Search name").fill("Iran, for my reader")
    page.get_by_role("button", name="Save this search").click()
    entry = page.locator("li.search", has_text="Iran, for my reader")
    expect(entry).to_contain_text("0 new or regraded since your last visit")
    feed_url = entry.locator("input.feed-url").input_value()
    before = page.request.get(feed_url).text()
    assert "Houthis" not in before

    site["core"].ingest(read_inputs([str(CORPUS / "armed_groups.jsonl")]), Extractor())  # Iran → Houthis, Hamas
    feed = page.request.get(feed_url)
    assert feed.ok and feed.headers["content-type"].startswith("application/atom+xml")
    assert re.search(r"<title>New: [^<]+, Iran → Houthis", feed.text())
    page.reload()
    expect(entry).not_to_contain_text("0 new or regraded")
    entry.get_by_role("link", name="see them").click()
    expect(page.locator("table.changes")).to_contain_text("Houthis")
    page.screenshot(path=str(SHOTS / "a11y-search-after-ingest-desktop.png"), full_page=True)
    page.close()
