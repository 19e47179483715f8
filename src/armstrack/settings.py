"""The one place that reads ARMSTRACK_* environment variables, with typed defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

BUNDLED_KB_DIR = Path(__file__).parent / "kb" / "data"


def default_cache_dir() -> Path:
    """$XDG_CACHE_HOME/armstrack, else ~/.cache/armstrack."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "armstrack"


@dataclass(frozen=True)
class Settings:
    kb_dir: Path = BUNDLED_KB_DIR  # ARMSTRACK_KB_DIR: an alternative knowledge-base data directory
    db_url: str = "armstrack.db"  # ARMSTRACK_DB: a SQLite path or URL, or postgresql://user@host/db
    secure_cookies: bool = False  # ARMSTRACK_SECURE_COOKIES: mark web-app cookies Secure (served over HTTPS)
    # ARMSTRACK_CACHE_DIR: where the compiled knowledge base and lexicons are kept ("off": never kept)
    cache_dir: Path | None = None


def load_settings() -> Settings:
    kb = os.environ.get("ARMSTRACK_KB_DIR")
    cache = os.environ.get("ARMSTRACK_CACHE_DIR") or str(default_cache_dir())
    return Settings(kb_dir=Path(kb) if kb else BUNDLED_KB_DIR,
                    db_url=os.environ.get("ARMSTRACK_DB") or "armstrack.db",
                    secure_cookies=os.environ.get("ARMSTRACK_SECURE_COOKIES", "") not in ("", "0", "false"),
                    cache_dir=None if cache == "off" else Path(cache))
