"""Reviewing in a real browser (Debian's Chromium driven by Playwright): a review session by keyboard alone, and a
merge from a suggestion undone from its message. Screenshots go to artifacts/browser/ (desktop and phone)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from api_fixtures import PASSWORD, make_core, serving
from armstrack.extract.document import Extractor
from armstrack.sources.files import read_inputs
from browser_helpers import PHONE, shot

IRAN_RUSSIA = Path(__file__).parent / "fixtures" / "corpus" / "iran_russia.jsonl"
SHAHED_FAMILY = IRAN_RUSSIA.with_name("iran_russia_family.jsonl")  # "Geran drones" and Shahed-131: a real candidate


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser-review") / "web.db"
    core = make_core(f"sqlite:///{db}")
    core.ingest(read_inputs([str(IRAN_RUSSIA), str(SHAHED_FAMILY)]), Extractor())
    with serving(db, workers=1) as (base, _):
        yield base


def signed_in(browser: Browser, server: str, phone: bool = False) -> Page:
    context = browser.new_context(base_url=server, viewport=PHONE if phone else {"width": 1440, "height": 900})
    page = context.new_page()
    page.goto("/login")
    page.get_by_label("Name").fill("analyst1")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    expect(page).to_have_url(f"{server}/transfers")
    return page


def waiting(page: Page) -> int:
    return int(page.locator("h1 small").inner_text().split()[0])


def test_a_review_session_by_keyboard_alone(browser: Browser, server: str) -> None:
    page = signed_in(browser, server)
    page.goto("/review?supplier=DEU")  # the IRIS-T claims; the merge test below works on IRN → RUS
    expect(page.locator("#keys")).to_be_visible()
    rows = page.locator("tr.claim")
    total = waiting(page)
    ids = [rows.nth(i).get_attribute("id") for i in range(4)]
    expect(rows.first).to_have_class("claim current")
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    expect(page.locator(f"#{ids[1]}")).to_have_class("claim current")
    page.keyboard.press("u")  # unsure: out of the queue, kept in the log; the queue stays on the next row
    expect(page.locator("#flash")).to_contain_text("Marked 1 claim unsure")
    expect(page).to_have_url(f"{server}/review?supplier=DEU&page=1#{ids[2]}")
    expect(page.locator(f"#{ids[2]}")).to_have_class("claim current")
    assert waiting(page) == total - 1
    page.keyboard.press(" ")
    page.keyboard.press("j")
    page.keyboard.press(" ")
    expect(page.locator("tr.claim.selected")).to_have_count(2)
    shot(page, "review-keyboard-selected")
    page.keyboard.press("a")  # with claims selected, a acts on all of them: one judgement
    expect(page.locator("#flash")).to_contain_text("Accepted 2 claims.")
    assert waiting(page) == total - 3
    page.keyboard.press("x")
    expect(page.locator("#flash")).to_contain_text("Rejected 1 claim.")
    assert waiting(page) == total - 4
    shot(page, "review-keyboard-desktop")
    page.goto("/review?show=unsure")
    expect(page.locator(f"#{ids[1]}")).to_be_visible()
    page.goto("/judgements")
    expect(page.locator("tbody tr").first).to_contain_text("Reject claim")
    expect(page.locator("tbody tr", has_text="Unsure claim")).to_have_count(1)
    page.context.close()
    phone = signed_in(browser, server, phone=True)
    phone.goto("/review?supplier=DEU")
    shot(phone, "review-keyboard-phone")
    phone.context.close()


def test_merge_from_a_suggestion_then_undo_it_from_its_message(browser: Browser, server: str) -> None:
    page = signed_in(browser, server)
    page.goto("/transfers?supplier=IRN&recipient=RUS")
    before = page.locator("a.transfer-link").count()
    links = page.locator("a.transfer-link")
    away = links.get_by_text("Shahed", exact=True).get_attribute("href")  # "Geran drones": the family, no variant
    links.filter(has_text="Shahed-136").first.click()
    into = page.url
    candidates = page.locator(".candidate")
    expect(candidates).to_have_count(2)  # the family, then the sibling Shahed-131; never the shells of those days
    suggestion = candidates.first
    expect(suggestion).to_have_id(f"candidate-{str(away).rsplit('/', 1)[-1]}")
    expect(suggestion.locator(".reasons")).to_contain_text("same item family: Shahed")
    expect(candidates.nth(1).locator(".reasons")).to_contain_text("different systems: Shahed-136 and Shahed-131")
    expect(page.locator("#merge")).not_to_contain_text("122 mm artillery shells")
    expect(suggestion.locator("table.side")).to_contain_text("Loitering munition")  # side by side with this one
    claims = page.locator("table.claims tbody tr")
    evidence = claims.count()
    shot(page, "merge-suggestion-desktop")
    suggestion.get_by_role("button", name="Merge Shahed into this one").click()
    expect(page.locator("#flash")).to_contain_text("into this one.")
    expect(claims).to_have_count(evidence + 1)  # its claim is this transfer's evidence now
    expect(candidates).to_have_count(1)
    shot(page, "merge-flash-desktop")
    moved = page.request.get(str(away), max_redirects=0)
    assert moved.status == 308 and moved.headers["location"] == into.removeprefix(server)
    page.locator("#flash").get_by_role("button", name="Undo").click()
    expect(page.locator("#flash")).to_contain_text("Undone: judgement")
    page.goto(str(away))  # the merged-away permalink is its own transfer again
    expect(page.locator("h1")).to_contain_text("Shahed")
    expect(page.locator("h1")).not_to_contain_text("Shahed-136")
    page.goto("/transfers?supplier=IRN&recipient=RUS")
    expect(page.locator("a.transfer-link")).to_have_count(before)
    page.context.close()
    phone = signed_in(browser, server, phone=True)
    phone.goto(into.removeprefix(server) + "#merge")
    shot(phone, "merge-suggestion-phone")
    phone.context.close()
