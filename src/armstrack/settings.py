"""The one place that reads ARMSTRACK_* environment variables, with typed defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from armstrack.kb.loader import DATA_DIR


@dataclass(frozen=True)
class Settings:
    kb_dir: Path = DATA_DIR  # ARMSTRACK_KB_DIR: an alternative knowledge-base data directory
    db_url: str = "armstrack.db"  # ARMSTRACK_DB: a SQLite path or URL, or postgresql://user@host/db
    secure_cookies: bool = False  # ARMSTRACK_SECURE_COOKIES: mark web-app cookies Secure (served over HTTPS)


def load_settings() -> Settings:
    kb = os.environ.get("ARMSTRACK_KB_DIR")
    return Settings(kb_dir=Path(kb) if kb else DATA_DIR, db_url=os.environ.get("ARMSTRACK_DB") or "armstrack.db",
                    secure_cookies=os.environ.get("ARMSTRACK_SECURE_COOKIES", "") not in ("", "0", "false"))
