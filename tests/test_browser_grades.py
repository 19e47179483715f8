"""An analyst's grade in a real browser: after a regrade, the transfers list (its order, badge and "computed:"
label), the transfer page (badge, reasons, grade history) and the CSV export all say the analyst's grade, with the
computed grade named beside it. Screenshots (desktop and phone) go to artifacts/browser/."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from api_fixtures import PASSWORD, make_core, serving
from armstrack.extract.document import Extractor
from armstrack.sources.files import read_inputs
from browser_helpers import DESKTOP, PHONE, shot

IRAN_RUSSIA = Path(__file__).parent / "fixtures" / "corpus" / "iran_russia.jsonl"
SIZES = {"desktop": DESKTOP, "phone": PHONE}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("grades") / "web.db"
    core = make_core(f"sqlite:///{db}")
    core.ingest(read_inputs([str(IRAN_RUSSIA)]), Extractor())
    with serving(db, workers=1) as (base, _):
        yield base


def signed_in(browser: Browser, server: str, size: str) -> Page:
    page = browser.new_context(base_url=server, viewport=SIZES[size]).new_page()  # type: ignore[arg-type]
    page.goto("/login")
    page.get_by_label("Name").fill("analyst1")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{server}/transfers")
    return page


def test_a_regrade_sets_the_grade_the_list_the_page_its_history_and_the_export_show(browser: Browser,
                                                                                    server: str) -> None:
    page = signed_in(browser, server, "desktop")
    expect(page.locator("#sorted")).to_contain_text("Sorted by grade, best first")
    page.goto("/transfers?sort=-grade")  # the worst-graded transfer, to raise to A1
    worst = page.locator("table.transfers tbody tr").first
    computed = (worst.locator(".grade").text_content() or "").strip()
    assert computed != "A1"
    worst.locator("a.transfer-link").click()
    tid = page.url.rsplit("/", 1)[1]
    expect(page.locator("#grade .computed-grade")).to_contain_text(f"Computed grade {computed}")
    page.locator("#regrade-form input[name=grade]").fill("A1")
    page.locator("#regrade-form input[name=reason]").fill("confirmed by the ministry")
    page.locator("#regrade-form").get_by_role("button", name="Regrade").click()

    expect(page.locator("h1 .grade")).to_have_text("A1")
    expect(page.locator("h1 .computed")).to_have_text(f"computed: {computed}")
    expect(page.locator(".summary")).not_to_contain_text("probability")  # no probability beside the A1
    expect(page.locator("#grade .analyst-grade")).to_contain_text("Grade A1 set by an analyst, analyst1")
    expect(page.locator("#grade .analyst-grade")).to_contain_text("confirmed by the ministry")
    expect(page.locator("#grade .computed-grade")).to_contain_text(f"The computed grade is {computed}")
    expect(page.locator("ul.history li").last).to_contain_text("A1 set by an analyst")
    expect(page.locator("ul.history li").last).to_contain_text(f"computed: {computed}")
    expect(page.locator(".timeline .when", has_text="?")).to_have_count(0)
    shot(page, "grades-transfer-regraded")

    page.goto("/transfers")
    first = page.locator("table.transfers tbody tr").first
    expect(first.locator("a.transfer-link")).to_have_attribute("href", f"/transfers/{tid}")
    expect(first.locator(".grade")).to_have_text("A1")
    expect(first.locator(".computed")).to_have_text(f"computed: {computed}")
    shot(page, "grades-list-regraded")

    exported = page.request.get("/export?format=csv")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(exported.text()))}
    assert (rows[tid]["grade"], rows[tid]["computed_grade"]) == ("A1", computed)
    assert next(iter(rows)) == tid  # the export lists in the list's order
    page.context.close()

    phone = signed_in(browser, server, "phone")
    expect(phone.locator("table.transfers tbody tr").first.locator(".grade")).to_have_text("A1")
    shot(phone, "grades-list-phone")
    phone.goto(f"/transfers/{tid}")
    expect(phone.locator("h1 .computed")).to_have_text(f"computed: {computed}")
    shot(phone, "grades-transfer-phone")
    phone.context.close()
