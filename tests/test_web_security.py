"""Sessions end on the server, sign-in backoff, page parameters validated like the API's, only http(s) source
links, fixed sign-in messages, and cache/HSTS headers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from api_fixtures import CSRF_FIELD, PASSWORD, make_core, signed_in
from armstrack.api.server import create_app
from armstrack.app import Armstrack
from armstrack.model import web_url
from armstrack.store import accounts
from armstrack.store.db import get_engine, unit_of_work
from armstrack.store.schema import metadata


@pytest.fixture(scope="module")
def core(tmp_path_factory: pytest.TempPathFactory) -> Armstrack:
    return make_core(f"sqlite:///{tmp_path_factory.mktemp('websec') / 'web.db'}")


def login_try(client: TestClient, name: str, password: str) -> str:
    """Posts the sign-in form; the redirect target."""
    token = client.get("/login").text.split('name="csrf" value="')[1].split('"')[0]
    r = client.post("/login", data={"name": name, "password": password, "csrf": token, "next": "/transfers"})
    assert r.status_code == 303
    return r.headers["location"]


def test_signing_out_ends_the_session_for_a_kept_cookie(core: Armstrack) -> None:
    client, csrf = signed_in(core, "analyst1")
    kept = client.cookies["armstrack_session"]
    assert client.post("/logout", data={"csrf": csrf}).status_code == 303
    replay = TestClient(create_app(core), follow_redirects=False, cookies={"armstrack_session": kept})
    assert replay.get("/transfers").status_code == 303  # to the sign-in page
    tid = replay.get("/api/transfers").status_code
    assert tid == 401
    judged = replay.post("/api/transfers/x/judgements", json={"action": "accept"}, headers={"X-CSRF-Token": csrf})
    assert judged.status_code == 401


def test_a_new_password_or_role_ends_every_session_of_the_user(core: Armstrack) -> None:
    core.add_user("changer", PASSWORD, "analyst")
    first, _ = signed_in(core, "changer")
    second, _ = signed_in(core, "changer")
    other, _ = signed_in(core, "viewer1")
    core.add_user("changer", PASSWORD + "!", "viewer")  # password and role reset
    assert first.get("/transfers").status_code == 303 and second.get("/transfers").status_code == 303
    assert other.get("/transfers").status_code == 200  # another user's session holds


def test_an_expired_session_no_longer_reads(core: Armstrack) -> None:
    with unit_of_work(core.engine) as conn:
        sid = accounts.start_session(conn, "viewer1", 60)
        assert accounts.session_holder(conn, sid) == ("viewer1", "viewer")
        conn.execute(accounts.web_sessions.update().values(expires=datetime.now(UTC) - timedelta(seconds=1)))
        assert accounts.session_holder(conn, sid) is None


def test_repeated_wrong_passwords_are_throttled_before_any_hashing(core: Armstrack,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    core.add_user("target", PASSWORD, "viewer")
    client = TestClient(create_app(core), follow_redirects=False)
    free = accounts.BACKOFFS[0].free
    for _ in range(free):
        assert "error=wrong" in login_try(client, "target", "not the password")
    hashed: list[str] = []
    real = Armstrack.authenticate
    monkeypatch.setattr(Armstrack, "authenticate", lambda self, n, p: hashed.append(n) or real(self, n, p))
    assert "error=wait" in login_try(client, "target", PASSWORD)  # even the right password waits
    assert hashed == []  # the answer came before the password was checked
    assert "armstrack_session" not in client.cookies
    page = client.get("/login", params={"error": "wait"}).text
    assert "Too many tries" in page


def test_backoff_grows_is_capped_and_is_forgotten() -> None:
    b = accounts.BACKOFFS[0]
    now = datetime(2026, 1, 1, tzinfo=UTC)
    waits = []
    engine = get_engine("sqlite://")
    metadata.create_all(engine)
    with unit_of_work(engine) as conn:
        for _ in range(b.free + 12):
            accounts.login_failed(conn, "u", "10.0.0.1", now)
            waits.append(accounts.login_wait(conn, "u", "10.0.0.1", now))
        assert waits[:b.free - 1] == [0] * (b.free - 1)  # the first few mistakes cost nothing
        assert waits[b.free] > waits[b.free - 1] > 0 and max(waits) == b.most
        assert accounts.login_wait(conn, "u", "10.0.0.2", now) == 0  # another address is not held back …
        # … and the account-wide limit, which anyone could trip, holds a user back for seconds, not minutes
        assert max(x.most for x in accounts.BACKOFFS if x.scope == "account") <= 60
        assert accounts.login_wait(conn, "u", "10.0.0.1", now + accounts.FORGET + timedelta(seconds=1)) == 0


@pytest.mark.parametrize("path", ["/transfers", "/network", "/export", "/api/transfers", "/api/export"])
@pytest.mark.parametrize("param", [{"min_grade": "A"}, {"since": "yesterday"}, {"category": "boats"},
                                   {"stage": "rumoured"}, {"q": "x" * 300}])
def test_every_page_validates_its_parameters_like_the_api(core: Armstrack, path: str, param: dict) -> None:
    client, _ = signed_in(core, "viewer1")
    r = client.get(path, params=param)
    assert r.status_code == 422, (path, param, r.status_code)
    if path.startswith("/api"):
        assert r.json()["error"]["status"] == 422
    else:
        assert "invalid request" in r.text and "Traceback" not in r.text


@pytest.mark.parametrize(("path", "param"), [("/claims", {"q": "x" * 300}), ("/claims", {"page": "0"}),
                                             ("/review", {"page": "x"}), ("/login", {"next": "/" * 3000})])
def test_other_page_parameters_are_validated_too(core: Armstrack, path: str, param: dict) -> None:
    client, _ = signed_in(core, "viewer1")
    assert client.get(path, params=param).status_code == 422


def test_empty_form_fields_are_no_filter(core: Armstrack) -> None:
    client, _ = signed_in(core, "viewer1")
    r = client.get("/transfers", params={"min_grade": "", "since": "", "category": "", "stage": "", "q": ""})
    assert r.status_code == 200
    assert client.get("/transfers", params={"min_grade": "F6"}).status_code == 200


def test_only_http_urls_are_stored_and_linked(core: Armstrack) -> None:
    assert web_url("javascript:alert(1)") is None and web_url("data:text/html,x") is None
    assert web_url(" https://example.org/a ") == "https://example.org/a" and web_url("HTTP://x.org") == "HTTP://x.org"
    analyst, csrf = signed_in(core, "analyst1")
    text = "Germany delivered four IRIS-T SLM systems to Ukraine, the government said."
    for i, url in enumerate(("javascript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD4=")):
        r = analyst.post("/api/documents", json={"text": text + " " * i, "id": f"bad-url-{i}", "url": url},
                         headers={"X-CSRF-Token": csrf})
        assert r.status_code == 201
        assert analyst.get(f"/api/documents/bad-url-{i}").json()["url"] is None
        assert url.split(":")[0] + ":" not in analyst.get(f"/documents/bad-url-{i}").text


def test_the_sign_in_page_shows_no_text_from_the_query_string(core: Armstrack) -> None:
    client = TestClient(create_app(core))
    page = client.get("/login", params={"error": "Locked: call 5550100"}).text
    assert "5550100" not in page and 'role="alert"' not in page
    assert "Wrong name or password." in client.get("/login", params={"error": "wrong"}).text


def test_private_answers_are_not_cached_and_https_gets_hsts(core: Armstrack) -> None:
    client, _ = signed_in(core, "viewer1")
    for path in ("/transfers", "/api/transfers", "/export", "/api/export", "/login"):
        r = client.get(path)
        assert r.headers["cache-control"] == "no-store", path
        assert "strict-transport-security" not in r.headers
    assert "no-store" not in client.get("/static/style.css").headers.get("cache-control", "")
    secure = TestClient(create_app(core, secure_cookies=True), base_url="https://testserver")
    assert secure.get("/login").headers["strict-transport-security"].startswith("max-age=")


def test_a_session_cookie_carries_no_user_name(core: Armstrack) -> None:
    client, _ = signed_in(core, "analyst1")
    assert CSRF_FIELD.search(client.get("/transfers").text)
    forged = TestClient(create_app(core), follow_redirects=False,
                        cookies={"armstrack_session": client.cookies["armstrack_session"] + "x"})
    assert forged.get("/transfers").status_code == 303
