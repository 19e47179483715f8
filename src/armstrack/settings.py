"""The one place that reads ARMSTRACK_* environment variables, with typed defaults."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from armstrack.errors import ArmstrackError

BUNDLED_KB_DIR = Path(__file__).parent / "kb" / "data"
SECRET_KEY_FILE = "secret_key"
MIN_SECRET_KEY = 32  # characters: a session-signing key shorter than this is refused


def default_cache_dir() -> Path:
    """$XDG_CACHE_HOME/armstrack, else ~/.cache/armstrack."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "armstrack"


def default_config_dir() -> Path:
    """$XDG_CONFIG_HOME/armstrack, else ~/.config/armstrack."""
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "armstrack"


@dataclass(frozen=True)
class Settings:
    kb_dir: Path = BUNDLED_KB_DIR  # ARMSTRACK_KB_DIR: an alternative knowledge-base data directory
    db_url: str = "armstrack.db"  # ARMSTRACK_DB: a SQLite path or URL, or postgresql://user@host/db
    secure_cookies: bool = False  # ARMSTRACK_SECURE_COOKIES: mark web-app cookies Secure (served over HTTPS)
    # ARMSTRACK_CACHE_DIR: where the compiled knowledge base and lexicons are kept ("off": never kept)
    cache_dir: Path | None = None
    # ARMSTRACK_SECRET_KEY: the key the web app signs sessions and CSRF tokens with; unset, the key in
    # config_dir/secret_key (made on first use). Never in the store, which a user may hand to a colleague.
    secret_key: str | None = None
    config_dir: Path | None = None  # ARMSTRACK_CONFIG_DIR: where settings files live (secret_key)


def load_settings() -> Settings:
    kb = os.environ.get("ARMSTRACK_KB_DIR")
    cache = os.environ.get("ARMSTRACK_CACHE_DIR") or str(default_cache_dir())
    return Settings(kb_dir=Path(kb) if kb else BUNDLED_KB_DIR,
                    db_url=os.environ.get("ARMSTRACK_DB") or "armstrack.db",
                    secure_cookies=os.environ.get("ARMSTRACK_SECURE_COOKIES", "") not in ("", "0", "false"),
                    cache_dir=None if cache == "off" else Path(cache),
                    secret_key=os.environ.get("ARMSTRACK_SECRET_KEY") or None,
                    config_dir=Path(os.environ.get("ARMSTRACK_CONFIG_DIR") or default_config_dir()))


def secret_key(settings: Settings) -> str:
    """The session-signing key: ARMSTRACK_SECRET_KEY, else the one in the settings file config_dir/secret_key,
    made (random, readable by its owner only) on first use. Processes starting at once agree on one key: each
    writes its candidate to a file of its own and links it into place, and whoever finds one there reads it."""
    if settings.secret_key is not None:
        if len(settings.secret_key) < MIN_SECRET_KEY:
            raise ArmstrackError(f"ARMSTRACK_SECRET_KEY is too short: use at least {MIN_SECRET_KEY} random "
                                 "characters (python -c 'import secrets; print(secrets.token_urlsafe(48))')")
        return settings.secret_key
    folder = settings.config_dir or default_config_dir()
    path = folder / SECRET_KEY_FILE
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    try:
        folder.mkdir(parents=True, exist_ok=True)
        candidate = folder / f".{SECRET_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(secrets.token_urlsafe(48) + "\n")
        try:
            os.link(candidate, path)  # atomic, and fails if another process got there first
        except FileExistsError:
            pass
        finally:
            candidate.unlink()
        return _read_key(path)
    except OSError as e:
        raise ArmstrackError(f"{path}: cannot keep the web app's secret key ({e.strerror or e}); set "
                             "ARMSTRACK_SECRET_KEY or ARMSTRACK_CONFIG_DIR") from e


def _read_key(path: Path) -> str:
    key = path.read_text(encoding="utf-8").strip()
    if len(key) < MIN_SECRET_KEY:
        raise ArmstrackError(f"{path}: the secret key is too short (at least {MIN_SECRET_KEY} characters)")
    return key
