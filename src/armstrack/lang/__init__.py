"""Language plug-ins. Each folder `lang/<code>/` declares itself in its `__init__.py` as `LANGUAGE =
LanguageSpec(...)`: its code, its lingua language, its front-end factory and its lexicon file. The registry
below finds those folders; `get_language(code)` builds a front-end and its lexicon on first use. Detection,
the knowledge base's name languages, validation and the CLI all read this one registry."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from armstrack.errors import UnsupportedLanguage
from armstrack.lang.base import Frontend

if TYPE_CHECKING:  # lexicons are imported by the functions that load one: `kb lookup` and listings start without
    from armstrack.lang.lexicon import Lexicon


@dataclass(frozen=True)
class LanguageSpec:
    """What a language folder declares; adding a language is one folder and one lexicon file."""

    code: str  # ISO 639-1, the folder's name
    lingua: str  # the lingua `Language` member detection uses ("FRENCH")
    make_frontend: Callable[[Lexicon], Frontend]
    lexicon: Path  # its lexicon data file


@dataclass(frozen=True)
class Language:
    code: str
    frontend: Frontend
    lexicon: Lexicon


@lru_cache(maxsize=1)
def registry() -> dict[str, LanguageSpec]:
    """Every language folder under armstrack/lang/, by code, in code order. A folder that declares no
    `LANGUAGE`, or one whose code is not the folder's name, is an error."""
    specs: dict[str, LanguageSpec] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.ispkg:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        spec = getattr(module, "LANGUAGE", None)
        if not isinstance(spec, LanguageSpec) or spec.code != info.name:
            raise UnsupportedLanguage(f"armstrack/lang/{info.name}/__init__.py declares no LANGUAGE with code "
                                      f"{info.name!r}")
        specs[spec.code] = spec
    return specs


def language_codes() -> tuple[str, ...]:
    """The codes of the registered languages."""
    return tuple(registry())


def lexicons() -> dict[str, Lexicon]:
    """The lexicon of every registered language (loaded once each), for code that reads names in any language."""
    from armstrack.lang.lexicon import get_lexicon

    return {code: get_lexicon(code, spec.lexicon) for code, spec in registry().items()}


@lru_cache(maxsize=16)
def get_language(code: str) -> Language:
    """The front-end and lexicon for a language code; names the known codes when it fails."""
    spec = registry().get(code)
    if spec is None:
        raise UnsupportedLanguage(f"unsupported language {code!r} (known: {', '.join(language_codes())})")
    from armstrack.lang.lexicon import get_lexicon

    lexicon = get_lexicon(code, spec.lexicon)
    return Language(code, spec.make_frontend(lexicon), lexicon)
