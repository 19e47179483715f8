"""REST API and web pages: filters and paging, one error shape, roles, CSRF on every state change, and
hostile article text rendered inert."""

from __future__ import annotations

from pathlib import Path

import pytest
from anyio import to_thread
from fastapi.testclient import TestClient

from api_fixtures import PASSWORD, make_core, signed_in
from armstrack.api import auth, charts
from armstrack.api.errors import error_body
from armstrack.api.labels import plural
from armstrack.api.server import REQUESTS_AT_ONCE, create_app
from armstrack.app import Armstrack
from armstrack.store import accounts
from armstrack.store.db import unit_of_work
from armstrack.store.queries import PairTotal, TransferFilter


@pytest.fixture(scope="module")
def core(tmp_path_factory: pytest.TempPathFactory) -> Armstrack:
    return make_core(f"sqlite:///{tmp_path_factory.mktemp('api') / 'api.db'}")


@pytest.fixture(scope="module")
def token(core: Armstrack) -> str:
    return core.issue_token("viewer1", "tests")


def api(core: Armstrack, token: str) -> TestClient:
    return TestClient(create_app(core), headers={"Authorization": f"Bearer {token}"})


def the_transfer(core: Armstrack, token: str) -> dict:
    [t] = api(core, token).get("/api/transfers", params={"supplier": "DEU"}).json()["items"]
    return t


def test_transfers_filters_paging_and_sorting(core: Armstrack, token: str) -> None:
    client = api(core, token)
    page = client.get("/api/transfers", params={"supplier": "deu", "min_grade": "B2", "since": "2024"}).json()
    assert page["total"] == 1 and page["items"][0]["independent_origins"] == 3
    assert client.get("/api/transfers", params={"supplier": "IRN"}).json() == {
        "items": [], "total": 0, "limit": 50, "offset": 0, "next": None, "prev": None}
    assert client.get("/api/transfers", params={"q": "iris", "sort": "-reports", "limit": 1}).json()["total"] == 1


def test_claims_documents_and_sources(core: Armstrack, token: str) -> None:
    client = api(core, token)
    claims = client.get("/api/claims", params={"language": "de", "limit": 10}).json()
    assert claims["total"] == 2 and {c["language"] for c in claims["items"]} == {"de"}
    assert client.get("/api/claims", params={"q": "Diehl"}).json()["total"] == 0  # evidence is the claim sentence
    one = client.get(f"/api/claims/{claims['items'][0]['id']}").json()
    assert one["transfer_id"] == the_transfer(core, token)["id"]
    doc = client.get("/api/documents/wire-reuters").json()
    assert doc["source"]["wire"] is True and doc["claims"][0]["evidence_spans"]
    assert client.get("/api/documents", params={"language": "fr"}).json()["total"] == 1
    assert any(s["id"] == "reuters" for s in client.get("/api/sources").json())


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), [
    ("get", "/api/transfers", {"headers": {"Authorization": "Bearer nope"}}, 401),
    ("get", "/api/transfers/doesnotexist", {}, 404),
    ("get", "/api/transfers", {"params": {"min_grade": "Z9"}}, 422),
    ("get", "/api/nowhere", {}, 404),
    ("post", "/api/judgements/1/undo", {}, 403),  # a token is read-only
])
def test_every_api_error_has_the_one_error_shape(core: Armstrack, token: str, method: str, path: str,
                                                 kwargs: dict, status: int) -> None:
    r = getattr(api(core, token), method)(path, **kwargs)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]
    assert body == error_body(status, body["error"]["message"])
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


def test_state_changes_need_a_csrf_token_and_the_analyst_role(core: Armstrack, token: str) -> None:
    tid = the_transfer(core, token)["id"]
    viewer, viewer_csrf = signed_in(core, "viewer1")
    analyst, analyst_csrf = signed_in(core, "analyst1")
    body = {"action": "accept", "reason": "checked"}
    assert viewer.post(f"/api/transfers/{tid}/judgements", json=body,
                       headers={"X-CSRF-Token": viewer_csrf}).status_code == 403
    assert analyst.post(f"/api/transfers/{tid}/judgements", json=body).status_code == 403
    assert analyst.post(f"/api/transfers/{tid}/judgements", json=body,
                        headers={"X-CSRF-Token": viewer_csrf}).status_code == 403
    assert analyst.post(f"/transfers/{tid}/judge", data={"action": "accept"}).status_code == 403
    assert analyst.post("/api/documents", json={"text": "x"}).status_code == 403
    ok = analyst.post(f"/api/transfers/{tid}/judgements", json=body, headers={"X-CSRF-Token": analyst_csrf})
    assert ok.status_code == 201
    jid = ok.json()["judgement"]
    assert analyst.post(f"/api/judgements/{jid}/undo", headers={"X-CSRF-Token": analyst_csrf}).status_code == 200
    assert [j["author"] for j in core.judgements() if j["id"] == jid] == ["analyst1"]


def test_login_refuses_a_wrong_password_and_a_forged_form(core: Armstrack) -> None:
    client = TestClient(create_app(core), follow_redirects=False)
    assert client.get("/transfers").headers["location"].startswith("/login")
    assert client.post("/login", data={"name": "viewer1", "password": PASSWORD, "csrf": "forged"}).status_code == 403
    page = client.get("/login").text
    token = page.split('name="csrf" value="')[1].split('"')[0]
    wrong = client.post("/login", data={"name": "viewer1", "password": "wrong password!", "csrf": token})
    assert "error=wrong" in wrong.headers["location"]
    assert "armstrack_session" not in client.cookies


def test_open_redirects_are_refused(core: Armstrack) -> None:
    client = TestClient(create_app(core), follow_redirects=False)
    page = client.get("/login", params={"next": "//evil.example/x"}).text
    token = page.split('name="csrf" value="')[1].split('"')[0]
    r = client.post("/login", data={"name": "viewer1", "password": PASSWORD, "csrf": token,
                                    "next": "https://evil.example/"})
    assert r.headers["location"] == "/transfers"


def test_hostile_article_text_renders_inert(core: Armstrack, tmp_path: Path) -> None:
    analyst, csrf = signed_in(core, "analyst1")
    text = ('Germany will deliver <script>alert("x")</script> four IRIS-T SLM systems to Ukraine '
            '<img src=x onerror="alert(1)">, the government said.')
    r = analyst.post("/api/documents", json={"text": text, "id": "hostile", "source_name": "<b>Evil</b> Times"},
                     headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201
    for path in ("/documents/hostile", "/claims?q=government", "/documents?q=alert"):  # (a hit is marked: not q=script)
        html = analyst.get(path).text
        assert "<script>" not in html and "<img" not in html and "<b>Evil" not in html
        assert "&lt;script&gt;" in html
    page = analyst.get("/documents/hostile")
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_pages_show_the_transfer_timeline_quotes_and_review_forms(core: Armstrack, token: str) -> None:
    tid = the_transfer(core, token)["id"]
    viewer, _ = signed_in(core, "viewer1")
    analyst, _ = signed_in(core, "analyst1")
    listing = viewer.get("/transfers", params={"supplier": "DEU"}).text
    assert f'href="/transfers/{tid}"' in listing and "IRIS-T SLM" in listing
    page = viewer.get(f"/transfers/{tid}").text
    assert "Germany will deliver four more IRIS-T SLM" in page and "Le Figaro" in page
    assert 'id="merge-form"' not in page  # a viewer sees no review actions
    assert 'id="merge-form"' in analyst.get(f"/transfers/{tid}").text


def _state_changing_paths(core: Armstrack, tid: str, cid: str) -> list[str]:
    """Every POST route of the app, its path parameters filled in."""
    app = create_app(core)
    routes = [x for r in app.routes for x in getattr(getattr(r, "original_router", None), "routes", [r])]
    paths = [r.path for r in routes if "POST" in (getattr(r, "methods", None) or ()) and r.path != "/login"]
    fill = {"{transfer_id}": tid, "{claim_id}": cid, "{judgement_id}": "1", "{sid}": "1"}
    out = []
    for p in paths:
        for k, v in fill.items():
            p = p.replace(k, v)
        out.append(p)
    return out


def test_every_state_changing_request_without_csrf_or_as_a_viewer_is_403(core: Armstrack, token: str) -> None:
    t = api(core, token).get(f"/api/transfers/{the_transfer(core, token)['id']}").json()
    paths = _state_changing_paths(core, t["id"], t["claim_ids"][0])
    assert len(paths) >= 8
    viewer, viewer_csrf = signed_in(core, "viewer1")
    analyst, _ = signed_in(core, "analyst1")
    before = core.judgements()
    for path in paths:
        assert analyst.post(path, data={"action": "accept"}).status_code == 403, path
        assert analyst.post(path, data={"action": "accept", "csrf": "forged"}).status_code == 403, path
        # signing out and one's own saved searches are every role's right (they change no transfer or claim)
        if path not in ("/logout", "/searches", "/searches/1/delete"):
            assert viewer.post(path, data={"action": "accept", "csrf": viewer_csrf},
                               headers={"X-CSRF-Token": viewer_csrf}).status_code == 403, path
        assert api(core, token).post(path, data={"action": "accept"}, json=None).status_code == 403, path
    assert core.judgements() == before


def test_exports_download_from_the_api_and_the_pages(core: Armstrack, token: str) -> None:
    client = api(core, token)
    csv_text = client.get("/api/export", params={"format": "csv", "supplier": "DEU"})
    assert csv_text.status_code == 200 and "attachment" in csv_text.headers["content-disposition"]
    assert csv_text.text.splitlines()[0].startswith("id,") and len(csv_text.text.splitlines()) == 2
    claims = client.get("/api/export", params={"format": "jsonl", "what": "claims"}).text.splitlines()
    assert len(claims) == client.get("/api/claims").json()["total"] >= 8
    parquet = client.get("/api/export", params={"format": "parquet"})
    assert parquet.content[:4] == b"PAR1"
    assert client.get("/api/export", params={"format": "graphml", "what": "claims"}).status_code == 400
    assert client.get("/api/export", params={"format": "xml"}).status_code == 422
    # excel: the same CSV after a UTF-8 byte-order mark, as the CLI's --excel writes it; other formats refuse it
    excel = client.get("/api/export", params={"format": "csv", "supplier": "DEU", "excel": "true"})
    assert excel.content == "\ufeff".encode() + csv_text.content and not csv_text.content.startswith(b"\xef\xbb\xbf")
    refused = client.get("/api/export", params={"format": "jsonl", "excel": "true"})
    assert refused.status_code == 400 and "excel is for the csv format, not jsonl" in refused.text
    viewer, _ = signed_in(core, "viewer1")
    page = viewer.get("/transfers", params={"supplier": "DEU"}).text
    assert 'href="/export?format=csv&amp;supplier=DEU"' in page
    assert 'href="/export?format=csv&amp;excel=true&amp;supplier=DEU"' in page
    assert viewer.get("/export", params={"format": "csv", "excel": "true"}).content.startswith(b"\xef\xbb\xbf")
    register = viewer.get("/export", params={"format": "sipri"})  # SIPRI's layout: ISO-8859-1, 11 title lines
    assert register.headers["content-type"] == "text/csv; charset=iso-8859-1"
    lines = register.content.decode("iso-8859-1").splitlines()
    assert lines[11].startswith("Recipient,Supplier,Year of order,,") and "Selection: min grade C3" in lines


def test_network_and_per_year_chart(core: Armstrack) -> None:
    pairs = [PairTotal("IRN", "RUS", 2, 1.2), PairTotal("RUS", "IRN", 1, 0.5)]
    net = charts.network(pairs, core.parties())
    assert [n.code for n in net.nodes] == ["IRN", "RUS"]
    assert {(e.supplier, e.recipient, e.transfers, e.weight) for e in net.edges} == {("IRN", "RUS", 2, 1.2),
                                                                                    ("RUS", "IRN", 1, 0.5)}
    assert [(b.year, b.count) for b in charts.per_year({"2022": 1, "2024": 2})] == [("2022", 1), ("2023", 0),
                                                                                    ("2024", 2)]
    rows, _ = core.listing(TransferFilter())  # the store's aggregates agree with the transfers they sum
    totals, years = core.charts(TransferFilter())
    assert sum(t.transfers for t in totals) == sum(1 for r in rows if r["supplier"] and r["recipient"])
    assert sum(years.values()) == len(rows)
    assert sum(n for y, n in years.items() if y) == sum(1 for r in rows if r["first_reported"])
    viewer, _ = signed_in(core, "viewer1")
    page = viewer.get("/network", params={"category": "air_defence"}).text
    assert page.count('<td class="num"><a href="/transfers?supplier=') == 1  # one pair in the table
    assert 'href="/transfers?supplier=DEU&amp;recipient=UKR&amp;category=air_defence"' in page
    assert ">Germany</a>" in page and ">Ukraine</a>" in page and 'id="network-data"' in page
    empty = viewer.get("/network", params={"category": "ship"})  # nothing to draw: says so, draws nothing
    assert empty.status_code == 200 and "0 transfers: 0 dated by year, 0 undated." in empty.text
    assert 'id="network-data"' not in empty.text


def test_a_token_carries_its_users_role_and_stops_working_when_revoked(core: Armstrack) -> None:
    core.add_user("analyst-token", PASSWORD, "analyst")
    token = core.issue_token("analyst-token", "revoked later")
    assert core.token_holder(token) == ("analyst-token", "analyst")
    assert api(core, token).get("/api/transfers").status_code == 200
    with unit_of_work(core.engine) as conn:
        accounts.revoke_tokens(conn, "analyst-token")
    assert core.token_holder(token) is None
    assert api(core, token).get("/api/transfers").status_code == 401


def test_a_server_reads_a_token_once_in_a_while_and_stops_trusting_it_within_token_seconds(
        core: Armstrack, monkeypatch: pytest.MonkeyPatch) -> None:
    """A script's requests cost one read of its token per TOKEN_SECONDS, not one each; revoking the token, or changing
    its user's role, takes effect in a running server within that time."""
    core.add_user("token-kept", PASSWORD, "viewer")
    token = core.issue_token("token-kept", "revoked while in use")
    now = [1000.0]
    monkeypatch.setattr(auth, "monotonic", lambda: now[0])
    reads: list[str] = []
    read = core.token_holder
    monkeypatch.setattr(core, "token_holder", lambda t: reads.append(t) or read(t))
    client = api(core, token)
    assert [client.get("/api/transfers").status_code for _ in range(3)] == [200, 200, 200]
    assert len(reads) == 1
    with unit_of_work(core.engine) as conn:
        accounts.revoke_tokens(conn, "token-kept")
    now[0] += auth.TOKEN_SECONDS
    assert client.get("/api/transfers").status_code == 401
    assert client.get("/api/transfers").status_code == 401  # a wrong or revoked token is read every time, never kept
    assert len(reads) == 3
    assert api(core, "ast_not-a-token").get("/api/transfers").status_code == 401


def test_a_server_process_works_on_a_few_requests_at_once(core: Armstrack) -> None:
    with TestClient(create_app(core)) as client:  # started: its lifespan has run
        assert client.portal.call(lambda: to_thread.current_default_thread_limiter().total_tokens) == \
            REQUESTS_AT_ONCE < 40


def test_the_origins_view_and_an_analysts_split_and_join_of_origins(core: Armstrack, token: str) -> None:
    tid = the_transfer(core, token)["id"]
    view = api(core, token).get(f"/api/transfers/{tid}/origins").json()
    n = view["independent_origins"]
    assert n == len(view["origins"]) >= 3
    wire = next(o for o in view["origins"] if o["label"] == "Reuters")
    why = {d["id"]: d["joined"] for d in wire["documents"]}
    assert why["translation-fr"].startswith("translation of ") or "same source" in why["translation-fr"]
    analyst, csrf = signed_in(core, "analyst1")
    page = analyst.get(f"/transfers/{tid}").text
    assert 'id="origins-form"' in page and "first report of this origin" in page
    assert 'id="origins-form"' in signed_in(core, "viewer1")[0].get(f"/transfers/{tid}").text  # the view, no buttons
    split = analyst.post(f"/api/transfers/{tid}/origins/judgements", headers={"X-CSRF-Token": csrf},
                         json={"action": "split_origin", "documents": ["translation-de"], "reason": "own sources"})
    assert split.status_code == 201
    assert core.transfer(tid)["independent_origins"] == n + 1
    joined = analyst.post(f"/transfers/{tid}/origins", data={"action": "join_origins", "csrf": csrf,
                                                           "documents": ["translation-de", "wire-reuters"]})
    assert joined.status_code == 303 and core.transfer(tid)["independent_origins"] == n
    bad = analyst.post(f"/api/transfers/{tid}/origins/judgements", headers={"X-CSRF-Token": csrf},
                       json={"action": "split_origin", "documents": ["no-such-report"]})
    assert bad.status_code == 400 and "needs documents of" in bad.json()["error"]["message"]
    for j in sorted((j["id"] for j in core.judgements() if j["action"] in ("join_origins", "split_origin")
                     and j["undone"] is None), reverse=True):
        core.undo(j)
    assert core.transfer(tid)["independent_origins"] == n


def test_the_network_draws_the_heaviest_pairs_and_is_redrawn_after_a_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = [PairTotal("IRN", "RUS", 2, 1.2), PairTotal("RUS", "IRN", 1, 0.5), PairTotal("RUS", "CHN", 3, 0.9)]
    monkeypatch.setattr(charts, "MAX_EDGES", 2)
    assert [(e.supplier, e.recipient) for e in charts.network(pairs, {}).edges] == [("IRN", "RUS"), ("RUS", "CHN")]
    core = make_core(f"sqlite:///{tmp_path / 'network.db'}")
    client = TestClient(create_app(core), headers={"Authorization": f"Bearer {core.issue_token('viewer1', 'net')}"})
    shown = [t for t in core.transfers(TransferFilter()) if t["supplier"] and t["recipient"]]
    before = client.get("/network").text
    assert f"<small>{plural(len(core.transfers(TransferFilter())), 'transfer')}</small>" in before
    assert client.get("/network").text == before  # drawn once, then kept while the store is unchanged
    core.judge("reject", shown[0]["id"], reason="not a transfer")
    after = client.get("/network").text
    assert f"<small>{plural(len(core.transfers(TransferFilter())), 'transfer')}</small>" in after and after != before
