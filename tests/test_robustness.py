"""Untrusted input never crashes the extractor or the readers, and claims always fit the JSON contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from armstrack.extract.document import Extractor
from armstrack.lang import registry
from armstrack.model import CATEGORIES, Document, ReadFailure
from armstrack.sources.files import documents_from_bytes

CLAIM_KEYS = {"id", "supplier", "recipient", "item", "item_mentions", "category", "quantity", "stage", "status",
              "when", "attributed_to", "evidence", "evidence_spans", "route", "carrier", "confidence"}
STAGES = {"delivered", "ordered", "agreed", "negotiating", "planned", "offered", "licensed_production",
          "technology_transfer"}
STATUSES = {"asserted", "reported", "unconfirmed", "denied"}
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "range"}

WORDS = [
    *"livré livrés aurait a livrer fourni commandé drones missiles chars obus Shahed-136 Geran-2".split(),
    *"Fath-360 Caesar Iran l'Iran Russie Ukraine Allemagne France selon Reuters dément".split(),
    *"le la des de à et en six environ delivered supplied sent ordered tanks Germany Russia".split(),
    *"to the of said reportedly denied".split(),
    "Leopard 2A6", "la Russie", "à l'Ukraine", "n'a pas été confirmé", "plus de", "at least", "dozens of",
    "2 600", "200", "18", "1,000", "2023-02-20", "en février 2023", ".", ",", "\n", "\n\n", "« ", " »", "(", ")", "—",
]
SENTENCE = "Selon Reuters, l'Iran aurait livré 2 600 drones Shahed-136 à la Russie en février 2023."
UNNAMED_LETTER = "\U0001806e"  # a Tangut letter: alphabetic, and Unicode gives it no name
ANY_CHARACTER = st.characters(exclude_categories=())  # all of Unicode, lone surrogates too
LANGS = ["auto", *registry()]

word_soup = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(ANY_CHARACTER, max_size=6), st.integers(0, 10**7).map(str)),
    max_size=60,
).map(" ".join)

# Transfer sentences with random unicode spliced in: most of these yield claims, so the claim checks bite.
noise = st.text(ANY_CHARACTER, max_size=8)
fr_sentence = st.tuples(
    noise, st.sampled_from(["l'Iran", "la France", "Selon Reuters, l'Iran", "L'Allemagne"]),
    st.sampled_from(["a livré", "aurait livré", "a fourni", "aurait commandé", "n'a pas livré"]),
    st.sampled_from(["2 600", "200", "six", "plus de 1 000", "", "environ 18"]), noise,
    st.sampled_from(["drones Shahed-136", "missiles Fath-360", "chars Leopard 2A6", "canons Caesar", "obus"]),
    st.sampled_from(["à la Russie", "à l'Ukraine", "à l'Iran"]), noise,
).map(lambda p: "{} {} {} {} {}{} {} {}.".format(*p))
en_sentence = st.tuples(
    noise, st.sampled_from(["Iran", "Germany", "France", "Reportedly, Iran"]),
    st.sampled_from(["delivered", "has supplied", "sent", "ordered", "denied sending"]),
    st.sampled_from(["2,600", "18", "dozens of", "at least 200", ""]), noise,
    st.sampled_from(["Shahed-136 drones", "Fath-360 missiles", "Leopard 2A6 tanks", "Caesar howitzers"]),
    st.sampled_from(["to Russia", "to Ukraine", "to Iran"]), noise,
).map(lambda p: "{} {} {} {} {}{} {} {}, the ministry said.".format(*p))
ru_sentence = st.tuples(
    noise, st.sampled_from(["Иран", "По данным Reuters, Иран", "Германия"]),
    st.sampled_from(["поставил", "якобы передал", "не поставлял"]), st.sampled_from(["200", "около 18", ""]), noise,
    st.sampled_from(["беспилотников «Шахед-136»", "ракет Fath-360", "танков Leopard 2A6"]),
    st.sampled_from(["России", "Украине"]), noise,
).map(lambda p: "{} {} {} {} {}{} {} {}.".format(*p))
uk_sentence = st.tuples(
    noise, st.sampled_from(["Іран", "За даними Reuters, Іран", "Німеччина"]),
    st.sampled_from(["передав", "нібито постачав", "не передавала"]), st.sampled_from(["200", "близько 18", ""]),
    noise, st.sampled_from(["безпілотників «Шахед-136»", "ракет Fath-360", "танків Leopard 2A6"]),
    st.sampled_from(["Росії", "Україні"]), noise,
).map(lambda p: "{} {} {} {} {}{} {} {}.".format(*p))
mixed_text = word_soup | st.lists(fr_sentence | en_sentence | ru_sentence | uk_sentence | word_soup, min_size=1,
                                  max_size=3).map(" ".join)


@pytest.fixture(scope="module", autouse=True, params=["bundled-kb", "mini-kb"])
def kb_choice(request: pytest.FixtureRequest, mini_kb_dir: Path) -> Iterator[str]:
    """Run every property against the bundled KB and against the test KB (which has the parties named above)."""
    with pytest.MonkeyPatch.context() as mp:
        if request.param == "mini-kb":
            mp.setenv("ARMSTRACK_KB_DIR", str(mini_kb_dir))
        else:
            mp.delenv("ARMSTRACK_KB_DIR", raising=False)
        yield request.param


def check_extraction(text: str, lang: str) -> dict:
    doc = Document(text=text, id="h")
    text = doc.text  # offsets point into the stored text, which has no NUL or lone surrogate
    out = Extractor(lang).extract(doc).to_json()
    json.dumps(out, ensure_ascii=False, allow_nan=False).encode("utf-8")  # strict JSON, as the CLI promises
    assert out["id"] == "h" and isinstance(out["language"], str)
    for claim in out["claims"]:
        assert set(claim) == CLAIM_KEYS
        assert claim["stage"] in STAGES and claim["status"] in STATUSES and claim["category"] in CATEGORIES
        assert isinstance(claim["item"], str) and claim["item"]
        spans = claim["evidence_spans"]
        assert spans and all(0 <= a < b <= len(text) for a, b in spans)
        assert claim["evidence"] == " ".join(text[a:b] for a, b in spans)
        assert claim["quantity"] is None or claim["quantity"]["qualifier"] in QUALIFIERS
        assert 0.0 <= claim["confidence"] <= 1.0
    return out


@settings(max_examples=150, deadline=None)
@given(st.text(ANY_CHARACTER), st.sampled_from(LANGS))
def test_any_text_extracts_without_error(text: str, lang: str) -> None:
    check_extraction(text, lang)


@settings(max_examples=150, deadline=None)
@given(mixed_text, st.sampled_from(LANGS))
@example(SENTENCE, "auto")
@example("Iran has supplied Shahed-136 drones to Russia, the ministry said. It denied it.", "en")
@example(f"Иран поставил России 200 беспилотников {UNNAMED_LETTER} «Шахед-136».", "ru")
@example(f"Іран передав Росії 200 безпілотників {UNNAMED_LETTER}x «Шахед-136».", "uk")
@example(f"Germany delivered {UNNAMED_LETTER} Leopard 2A6 tanks to Ukraine.", "auto")
def test_arms_vocabulary_mixed_with_noise_extracts_without_error(text: str, lang: str) -> None:
    check_extraction(text, lang)


only_mini_kb = pytest.mark.parametrize("kb_choice", ["mini-kb"], indirect=True)


@only_mini_kb
def test_the_claim_checks_are_not_vacuous() -> None:
    out = check_extraction(SENTENCE, "auto")
    assert any(c["supplier"] == "IRN" and c["recipient"] == "RUS" for c in out["claims"]), out


@only_mini_kb
def test_huge_quantity_stays_valid_json() -> None:
    check_extraction(f"Iran delivered {'9' * 400} Shahed-136 drones to Russia, the ministry said.", "en")


def check_read(data: bytes, suffix: str) -> None:
    for item in documents_from_bytes(data, "in" + suffix, suffix):
        assert isinstance(item, Document | ReadFailure)
        if isinstance(item, ReadFailure):
            assert item.origin.startswith("in" + suffix) and item.reason.startswith(item.origin)
        else:
            assert item.text.strip() and item.id and item.origin.startswith("in" + suffix)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".html", ".htm", ".json", ".jsonl", ".md", ""]))
def test_any_bytes_read_without_error(data: bytes, suffix: str) -> None:
    check_read(data, suffix)


json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                      max_size=3), max_leaves=8)
record = st.dictionaries(st.sampled_from(["id", "url", "text", "published", "source_name", "language"]),
                         json_value | st.text(min_size=1, max_size=40), max_size=6)


@settings(max_examples=150, deadline=None)
@given(st.lists(record | json_value, min_size=1, max_size=4), st.sampled_from([".json", ".jsonl"]))
def test_any_json_records_read_without_error(records: list, suffix: str) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    text = "\n".join(lines) if suffix == ".jsonl" else lines[0]
    check_read(text.encode("utf-8"), suffix)
