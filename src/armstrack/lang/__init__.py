"""Language plug-ins: `get_language(code)` builds a front-end and its lexicon on first use."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache

from armstrack.errors import UnsupportedLanguage
from armstrack.lang.base import Frontend
from armstrack.lang.lexicon import Lexicon, get_lexicon

LANGUAGES = ("fr", "en", "de", "ru", "uk", "es", "it", "nl")


@dataclass(frozen=True)
class Language:
    code: str
    frontend: Frontend
    lexicon: Lexicon


@lru_cache(maxsize=16)
def get_language(code: str) -> Language:
    """The front-end and lexicon for a language code; names the known codes when it fails."""
    if code not in LANGUAGES:
        raise UnsupportedLanguage(f"unsupported language {code!r} (known: {', '.join(LANGUAGES)})")
    try:
        module = importlib.import_module(f"armstrack.lang.{code}")
    except ModuleNotFoundError as e:
        raise UnsupportedLanguage(f"no front-end for language {code!r} yet") from e
    lexicon = get_lexicon(code)
    return Language(code, module.make_frontend(lexicon), lexicon)
