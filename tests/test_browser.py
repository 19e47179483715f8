"""The web app in a real browser (Debian's Chromium driven by Playwright): sign in, filter transfers,
open a transfer's timeline, accept a claim from the review queue, merge two transfers and undo it.
Screenshots go to artifacts/browser/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from api_fixtures import PASSWORD, make_core, serving
from armstrack.extract.document import Extractor
from armstrack.sources.files import read_inputs
from browser_helpers import shot

IRAN_RUSSIA = Path(__file__).parent / "fixtures" / "corpus" / "iran_russia.jsonl"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "web.db"
    core = make_core(f"sqlite:///{db}")
    core.ingest(read_inputs([str(IRAN_RUSSIA)]), Extractor())
    with serving(db, workers=2) as (base, _):  # a change through one worker must show through the other
        yield base


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context(base_url=server)
    pg = context.new_page()
    pg.goto("/login")
    pg.get_by_label("Name").fill("analyst1")
    pg.get_by_label("Password").fill(PASSWORD)
    pg.get_by_role("button", name="Sign in").click()
    expect(pg).to_have_url(f"{server}/transfers")
    yield pg
    context.close()


def test_sign_in_filter_and_open_a_transfer_timeline(page: Page) -> None:
    page.get_by_label("Supplier").fill("IRN")
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("table.transfers tbody tr")
    expect(rows.first).to_contain_text("IRN")
    assert all("IRN" in rows.nth(i).inner_text() for i in range(rows.count()))
    shot(page, "transfers-filtered")
    page.locator("a.transfer-link", has_text="Shahed-136").first.click()
    expect(page.locator("h1")).to_contain_text("IRN → RUS")
    expect(page.locator(".timeline .event").first).to_be_visible()
    expect(page.locator(".timeline blockquote").first).not_to_be_empty()
    expect(page.locator("table.claims")).to_contain_text("Kyiv Independent")
    shot(page, "transfer-timeline")


def test_accept_a_claim_from_the_review_queue(page: Page) -> None:
    page.goto("/review")
    total = page.locator("h1 small").inner_text()
    first = page.locator("tr.claim").first
    claim_row_id = first.get_attribute("id")
    first.get_by_role("button", name="Accept").click()
    expect(page.locator("h1 small")).not_to_have_text(total)
    expect(page.locator(f"#{claim_row_id}")).to_have_count(0)
    shot(page, "review-accepted")


def test_merge_two_transfers_then_undo(page: Page) -> None:
    page.get_by_label("Supplier").fill("IRN")
    page.get_by_role("button", name="Filter").click()
    links = page.locator("a.transfer-link")
    before = links.count()
    second = links.nth(1).get_attribute("href")
    assert second and before >= 2
    links.first.click()
    reports = int(page.locator("#reports").inner_text())
    page.locator("#merge-form input[name=other]").fill(second.rsplit("/", 1)[1])
    page.locator("#merge-form").get_by_role("button", name="Merge into this one").click()
    expect(page.locator("ul.judgements")).to_contain_text("merge by analyst1")
    merged = int(page.locator("#reports").inner_text())
    assert merged >= reports
    shot(page, "merged")
    page.goto("/transfers?supplier=IRN")
    expect(page.locator("a.transfer-link")).to_have_count(before - 1)
    page.go_back()
    merge_entry = page.locator("ul.judgements li", has_text="merge by analyst1")
    merge_entry.get_by_role("button", name="Undo").click()
    expect(page.locator("ul.judgements li", has_text="merge by analyst1")).to_contain_text("(undone)")
    page.goto("/transfers?supplier=IRN")
    expect(page.locator("a.transfer-link")).to_have_count(before)
    shot(page, "merge-undone")


def test_export_csv_and_view_the_network(page: Page, tmp_path: Path) -> None:
    page.get_by_label("Supplier").fill("IRN")
    page.get_by_role("button", name="Filter").click()
    shown = page.locator("a.transfer-link").count()
    with page.expect_download() as download:
        page.locator("a.export", has_text="csv").first.click()
    saved = tmp_path / "transfers.csv"
    download.value.save_as(saved)
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,") and len(lines) == shown + 1
    assert all(",IRN," in line for line in lines[1:])
    page.get_by_role("link", name="Network").click()
    expect(page.locator("svg.network .edge path.line").first).to_be_visible()
    expect(page.locator("svg.network text.label", has_text="Iran")).to_have_count(1)
    shot(page, "network")


def test_docs_render_swagger_ui_under_the_content_security_policy(browser: Browser, server: str) -> None:
    context = browser.new_context(base_url=server)
    pg = context.new_page()
    refused: list[str] = []
    pg.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    pg.goto("/docs")
    expect(pg.locator(".swagger-ui .opblock-summary-path", has_text="/api/transfers").first).to_be_visible()
    expect(pg.locator(".swagger-ui .info .title")).to_contain_text("armstrack")
    shot(pg, "api-docs")
    assert refused == [] and outside == []  # no script, style or font from anywhere else
    context.close()
