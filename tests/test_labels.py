"""The words pages show for stored codes: enum labels, party names beside codes, counted nouns, grade meanings; and
a page that uses them (names and labels shown, every input with a visible label, the legend and the skip link)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from api_fixtures import make_core, signed_in
from armstrack.api.cells import badge, grade, party_cell, quantity
from armstrack.api.labels import CREDIBILITY, RELIABILITY, enum_label, grade_meaning, party_names, plural
from armstrack.api.server import Pages
from armstrack.kb.loader import Party
from armstrack.model import CATEGORIES, Stage


def test_enum_values_read_as_words() -> None:
    assert [enum_label(v) for v in ("air_defence", "licensed_production", "uav", "", None)] == [
        "Air defence", "Licensed production", "UAV", "", ""]
    assert enum_label(Stage.TECHNOLOGY_TRANSFER) == "Technology transfer"
    assert all("_" not in enum_label(c) and enum_label(c)[0].isupper() for c in CATEGORIES)


def test_counted_nouns_agree() -> None:
    assert [plural(n, "report") for n in (0, 1, 2, 1200)] == ["0 reports", "1 report", "2 reports", "1,200 reports"]
    assert plural(1, "search") == "1 search" and plural(3, "search") == "3 searches"
    assert plural(2, "independent origin") == "2 independent origins"


def test_a_grade_reads_as_both_of_its_admiralty_meanings() -> None:
    assert grade_meaning("B3") == "reliability B: usually reliable; credibility 3: possibly true"
    assert len(RELIABILITY) == 6 and len(CREDIBILITY) == 6 and list(RELIABILITY) == list("ABCDEF")


def test_cells_write_parties_badges_and_quantities_escaped() -> None:
    party = party_cell({"IRN": "Iran", "ORG:<b>": "<b>"}.get)
    assert party("IRN") == '<span class="party">Iran <span class="code">IRN</span></span>'
    assert party("RUS") == '<span class="party">RUS</span>' and party(None) == "?"
    assert party("ORG:<b>") == '<span class="party">&lt;b&gt; <span class="code">ORG:&lt;b&gt;</span></span>'
    assert badge("B3", 'a "why"') == ('<abbr class="grade" title="reliability B: usually reliable; credibility 3: '
                                      'possibly true; a &#34;why&#34;"><span class="rel rel-B">B</span>'
                                      '<span class="cred cred-3">3</span></abbr>')
    regraded = {"grade": "A1", "regrade_judgement": 7, "computed_grade": "E4", "probability": 0.184}
    assert grade(regraded) == str(badge("A1", "analyst grade (judgement 7); computed E4, probability 0.18")) + \
        ' <small class="computed">computed: E4</small>'
    assert grade(regraded | {"regrade_judgement": None}) == badge("A1", "computed grade, probability 0.18")
    assert [quantity(None, None), quantity(100, None), quantity(100, 100), quantity(1200, 1500.0)] == [
        "", "100", "100", "1,200–1,500"]


def test_party_names_are_a_states_english_name_or_an_actors_own() -> None:
    parties = {"IRN": Party("IRN", "country", {"en": ("Iran", "Islamic Republic of Iran"), "fr": ("Iran",)}),
               "ORG:Houthis": Party("ORG:Houthis", "actor", {"en": ("Ansar Allah",)}),
               "XYZ": Party("XYZ", "country", {"fr": ("Xyzie",)})}
    assert party_names(parties) == {"IRN": "Iran", "ORG:Houthis": "Houthis", "XYZ": "Xyzie"}


def test_the_transfers_page_shows_names_labels_a_legend_and_labels_every_input(tmp_path: Path) -> None:
    core = make_core(f"sqlite:///{tmp_path / 'labels.db'}")
    client, _ = signed_in(core, "analyst1")
    page = client.get("/transfers").text
    assert 'Germany <span class="code">DEU</span>' in page and "Air defence" in page
    assert ">air_defence<" not in page and "What the grades mean" in page and 'href="#main"' in page
    assert '<a href="/transfers" aria-current="page">' in page
    tid = re.search(r'href="/transfers/([0-9a-f]{16})"', page).group(1)  # type: ignore[union-attr]
    for html in (page, client.get(f"/transfers/{tid}").text, client.get("/review").text):
        # every visible input and select sits inside a <label> (hidden fields and checkboxes with aria-label apart)
        controls = re.findall(r"<(?:input|select)\b[^>]*>", html)
        unlabelled = [c for c in controls if 'type="hidden"' not in c and "aria-label" not in c
                      and "readonly" not in c and not re.search(r"<label[^>]*>[^<]*" + re.escape(c), html)]
        assert unlabelled == []


def test_templates_read_a_rows_keys_as_jinja_does_without_an_exception() -> None:
    """A plain dict's names are its keys, but for its own methods; another mapping is read as Jinja reads it."""
    page = Pages(autoescape=True).from_string(
        "{{ row.item }}|{{ row['items'] | join(',') }}|{{ row.items() | length }}|{{ row.nothing is undefined }}|"
        "{{ counts.most_common(1)[0][0] }}|{{ row.get('item') }}")
    assert page.render(row={"item": "<Leopard 2A6>", "items": ["a", "b"]}, counts=Counter("aab")) == \
        "&lt;Leopard 2A6&gt;|a,b|2|True|a|&lt;Leopard 2A6&gt;"
