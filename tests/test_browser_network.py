"""The network page in a real browser (Debian's Chromium driven by Playwright): d3-force draws the graph with
named parties and weighted arrows, the world map draws the flows between countries and names who is not on it,
the legend explains colours and widths, hovering a party lights its transfers and clicking one leads to them, a
slider shows the heaviest pairs when there are many; the same data gives the same layout, axe-core finds no serious
violation, and without script the table of pairs is there. Screenshots at desktop and phone
width go to artifacts/browser/."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from api_fixtures import PASSWORD, make_core, serving
from armstrack.extract.document import Extractor
from armstrack.sources.files import read_inputs
from browser_helpers import DESKTOP, PHONE, shot

FIXTURES = Path(__file__).parent / "fixtures"
CORPORA = [FIXTURES / "network" / "world.jsonl", FIXTURES / "corpus" / "iran_russia.jsonl",
           FIXTURES / "corpus" / "armed_groups.jsonl"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("network") / "web.db"
    core = make_core(f"sqlite:///{db}")  # the IRIS-T corpus, and the users
    core.ingest(read_inputs([str(p) for p in CORPORA]), Extractor())
    with serving(db, workers=1) as (base, _):
        yield base


def signed_in(browser: Browser, server: str, viewport: dict[str, int], script: bool = True) -> BrowserContext:
    context = browser.new_context(base_url=server, viewport=viewport, java_script_enabled=script)  # type: ignore[arg-type]
    pg = context.new_page()
    pg.goto("/login")
    pg.get_by_label("Name").fill("viewer1")
    pg.get_by_label("Password").fill(PASSWORD)
    pg.get_by_role("button", name="Sign in").click()
    expect(pg).to_have_url(f"{server}/transfers")
    pg.close()
    return context


@pytest.fixture(scope="module")
def desktop(browser: Browser, server: str) -> Iterator[Page]:
    context = signed_in(browser, server, DESKTOP)
    pg = context.new_page()
    yield pg
    context.close()


def drawn(page: Page, path: str = "/network") -> dict:
    """Open the page, wait for the graph and the map, and return the data the server gave the script."""
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if m.type == "error" else None)
    page.goto(path)
    expect(page.locator("svg.network[data-drawn]")).to_have_count(1)
    expect(page.locator("svg.worldmap[data-drawn]")).to_have_count(1)
    assert refused == []  # nothing refused by the CSP, no script error
    return json.loads(page.locator("#network-data").text_content() or "{}")


def test_the_graph_the_map_and_the_legend_are_drawn(desktop: Page, server: str) -> None:
    outside: list[str] = []
    desktop.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    data = drawn(desktop)
    codes = {n["code"] for n in data["nodes"]}
    assert {"RUS", "UKR", "IRN", "PRK", "USA", "DEU", "AZE"} <= codes
    graph = desktop.locator("svg.network")
    expect(graph.locator("g.node")).to_have_count(len(data["nodes"]))
    expect(graph.locator(".edge path.line")).to_have_count(len(data["edges"]))
    for name in ("Russia", "Ukraine", "North Korea", "United States", "Iran"):
        expect(graph.locator("text.label", has_text=name)).to_have_count(1)
    boxes = [graph.locator(f"g.node[data-code={c}]").bounding_box() for c in ("RUS", "UKR", "IRN", "PRK", "USA")]
    assert all(b is not None for b in boxes)
    # no two of the parties the user saw knotted together sit on top of each other
    centres = [(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2) for b in boxes if b]
    assert min(abs(a[0] - b[0]) + abs(a[1] - b[1]) for i, a in enumerate(centres) for b in centres[i + 1:]) > 20
    legend = desktop.locator(".network-legend")
    expect(legend).to_contain_text("Arrow colour: main category")
    expect(legend).to_contain_text("Arrow width: transfers")
    expect(legend).to_contain_text("supplies and receives")
    for category in {e["category"] for e in data["edges"]}:
        expect(legend).to_contain_text(category.replace("_", " "))
    world = desktop.locator("svg.worldmap")
    assert world.locator("path.country").count() > 170  # every state but Antarctica
    expect(world.locator("path.country.party")).to_have_count(sum(1 for n in data["nodes"] if n["map_id"]))
    on_map = {n["code"] for n in data["nodes"] if n["map_id"]}
    flows = [e for e in data["edges"] if e["supplier"] in on_map and e["recipient"] in on_map]
    expect(world.locator(".edge path.line")).to_have_count(len(flows))
    expect(world.locator(".edge[data-supplier=PRK][data-recipient=RUS]")).to_have_count(1)
    if "ORG:Houthis" in codes:
        expect(desktop.locator(".map-left-out")).to_contain_text("Houthis (not a state)")
    notes = desktop.locator(".network-notes")
    expect(notes).to_contain_text("dated by year")
    expect(notes).to_contain_text(re.compile(r"\d+ transfers: \d+ dated by year, [1-9]\d* undated"))
    expect(desktop.locator("details.network-pairs")).not_to_have_attribute("open", "")
    assert outside == []
    desktop.add_script_tag(url="/static/vendor/axe.min.js")  # axe-core, served like d3 (the CSP allows 'self')
    found = desktop.evaluate("axe.run(document.querySelector('main')).then(r => r.violations.filter("
                             "v => ['serious', 'critical'].includes(v.impact)).map(v => v.id + ': ' + v.help))")
    assert found == []
    shot(desktop, "network-desktop")


def test_hover_lights_a_partys_transfers_and_click_leads_to_them(desktop: Page, server: str) -> None:
    data = drawn(desktop)
    russia = desktop.locator("svg.network g.node[data-code=RUS]")
    touching = sum(1 for e in data["edges"] if "RUS" in (e["supplier"], e["recipient"]))
    russia.hover()
    expect(desktop.locator("svg.network.focused")).to_have_count(1)
    expect(desktop.locator("svg.network .edge.lit")).to_have_count(touching)
    expect(desktop.locator("svg.worldmap .edge.lit").first).to_be_visible()  # the map lights the same party
    expect(desktop.locator("svg.network g.node[data-code=USA]")).not_to_have_class(re.compile(r"\blit\b"))
    desktop.mouse.move(2, 2)
    expect(desktop.locator("svg.network.focused")).to_have_count(0)
    russia.click()
    focus = desktop.locator("#network-focus")
    expect(focus).to_contain_text("Russia supplies")
    expect(desktop.locator("svg.network .edge.lit")).to_have_count(touching)  # kept lit after the mouse leaves
    shot(desktop, "network-focused")
    focus.get_by_role("link", name="transfers to Russia").click()
    expect(desktop).to_have_url(f"{server}/transfers?recipient=RUS")
    rows = desktop.locator("table.transfers tbody tr")
    expect(rows.first).to_be_visible()
    assert all("RUS" in rows.nth(i).inner_text() for i in range(rows.count()))
    drawn(desktop)
    arrow = desktop.locator("svg.network .edge[data-supplier=PRK][data-recipient=RUS] path.hit")
    arrow.scroll_into_view_if_needed()
    middle = arrow.evaluate("p => { const m = p.getPointAtLength(p.getTotalLength() / 2)"
                            ".matrixTransform(p.getScreenCTM()); return [m.x, m.y]; }")
    desktop.mouse.click(*middle)  # on the curve itself (its box's centre is off it)
    expect(desktop).to_have_url(f"{server}/transfers?supplier=PRK&recipient=RUS")
    expect(desktop.locator("table.transfers")).to_contain_text("KN-23")


def test_the_layout_is_the_same_every_time_and_fits_a_phone(browser: Browser, server: str, desktop: Page) -> None:
    drawn(desktop, "/network")
    first = desktop.locator("svg.network g.node").evaluate_all("ns => ns.map(n => n.getAttribute('transform'))")
    drawn(desktop, "/network")
    assert desktop.locator("svg.network g.node").evaluate_all(
        "ns => ns.map(n => n.getAttribute('transform'))") == first
    context = signed_in(browser, server, PHONE)
    phone = context.new_page()
    drawn(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1  # nothing wider than the screen
    for code in ("RUS", "UKR"):
        box = phone.locator(f"svg.network g.node[data-code={code}]").bounding_box()
        assert box and 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"]
    shot(phone, "network-phone")
    context.close()


def test_without_script_the_table_of_pairs_and_the_notes_stand_in(browser: Browser, server: str) -> None:
    context = signed_in(browser, server, DESKTOP, script=False)
    pg = context.new_page()
    pg.goto("/network")
    expect(pg.locator(".network-views")).to_be_hidden()
    table = pg.locator("table.pairs")
    expect(table).to_be_visible()
    expect(table.locator("tr", has_text="North Korea").first).to_contain_text("Russia")
    expect(pg.locator(".network-notes")).to_contain_text("undated")
    context.close()


def test_a_slider_shows_the_heaviest_pairs_when_there_are_many(desktop: Page) -> None:
    def many_pairs(route: Route) -> None:
        """The real page, with 70 more pairs between its parties, lighter than any real one."""
        html = route.fetch().text()
        block = re.search(r'(<script type="application/json" id="network-data">)(.*?)(</script>)', html, re.S)
        assert block
        data = json.loads(block.group(2))
        codes = [n["code"] for n in data["nodes"]]
        extra = [{"supplier": a, "recipient": b, "transfers": 1, "weight": 0.01, "category": "other"}
                 for a in codes for b in codes if a != b][:70]
        data["edges"] += extra
        route.fulfill(body=html.replace(block.group(2), json.dumps(data)), content_type="text/html")

    desktop.route("**/network", many_pairs)
    data = drawn(desktop)
    desktop.unroute("**/network")
    total = len(data["edges"])
    shown = desktop.locator("svg.network .edge:not(.cut) path.line")
    expect(shown).to_have_count(60)
    expect(desktop.locator("#pairs-shown-note")).to_have_text(f"the 60 heaviest of the {total} pairs drawn")
    expect(desktop.locator("svg.network .edge.cut[data-supplier=PRK][data-recipient=RUS]")).to_have_count(0)
    desktop.get_by_label("Pairs shown").fill("5")
    expect(shown).to_have_count(5)
    heaviest = sorted(data["edges"], key=lambda e: -e["weight"])[:5]
    pairs = shown.evaluate_all("ps => ps.map(p => p.parentNode.dataset.supplier + '>' + "
                               "p.parentNode.dataset.recipient)")
    assert sorted(pairs) == sorted(f"{e['supplier']}>{e['recipient']}" for e in heaviest)
    on_map = {n["code"] for n in data["nodes"] if n["map_id"]}
    expect(desktop.locator("svg.worldmap .edge:not(.cut)")).to_have_count(  # the map shows the same pairs
        sum(1 for e in heaviest if e["supplier"] in on_map and e["recipient"] in on_map))
