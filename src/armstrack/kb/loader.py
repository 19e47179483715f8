"""Load the knowledge-base data files into typed, read-only records."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from armstrack import model
from armstrack.compiled import compiled, read_yaml
from armstrack.errors import InvalidKB
from armstrack.lang import language_codes
from armstrack.model import CATEGORIES
from armstrack.settings import BUNDLED_KB_DIR as DATA_DIR

# The keys an entry of each kind may have, and those it must have: loading is strict, so a misspelt key is an
# error naming the file and the key, never a silent default.
PARTY_KEYS = frozenset({"code", "id", "kind", "names", "capitals", "demonyms", "needs_context", "source"})
ENTRY_KEYS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "systems": (frozenset({"id", "name", "aliases", "category", "origin", "maker", "family", "needs_context",
                           "source"}), frozenset({"id", "name", "category", "origin"})),
    "countries": (PARTY_KEYS, frozenset({"code", "names"})),
    "institutions": (PARTY_KEYS, frozenset({"code", "names"})),
    "actors": (PARTY_KEYS, frozenset({"code", "names"})),
    "sources": (frozenset({"id", "name", "aliases", "domains", "country", "languages", "type", "wire", "ownership",
                           "owner", "state_affiliated", "state", "sanctions", "reliability", "rationale", "source"}),
                frozenset({"id", "name", "reliability"})),
    "context": (frozenset({"lang", "words", "trade"}), frozenset({"lang", "words"})),
}


@dataclass(frozen=True)
class System:
    id: str
    name: str
    aliases: tuple[str, ...]
    category: str
    origin: str
    maker: str = ""
    family: str | None = None
    needs_context: frozenset[str] = frozenset()
    source: str = ""


@dataclass(frozen=True)
class Party:
    """A state (ISO3), or a non-state actor/body ('ORG:Name'), with its names per language."""

    code: str
    kind: str  # country | institution | actor
    names: dict[str, tuple[str, ...]]
    capitals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    demonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    needs_context: frozenset[str] = frozenset()
    source: str = ""
    id: str = ""  # an institution's own id ("kor-national-intelligence-service-south-korea"); a state's is its code
    body: str = ""  # an institution's kind: government | military | intelligence | company

    @property
    def name(self) -> str:
        """The English name (else the first name in any language, else the code without 'ORG:')."""
        names = self.names.get("en") or next((n for n in self.names.values() if n), ())
        return names[0] if names else self.code.removeprefix("ORG:")


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None
    wire: bool
    state_affiliated: bool
    sanctions: tuple[dict[str, Any], ...]
    reliability: str
    rationale: str = ""


@dataclass
class KnowledgeBase:
    systems: dict[str, System]
    parties: list[Party]
    sources: dict[str, Source]
    files: list[str]
    context_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lang -> words ("word*" = prefix)
    # lang -> buying and selling words: military context only beside a state ("Egypt ordered 30 Rafale", not
    # "the Leopard fund bought more stock")
    trade_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # system and source ids given a second time ("russia.yaml: system 'leleka-100'"): loading keeps the first
    duplicates: tuple[str, ...] = ()

    @cached_property
    def system_ids(self) -> dict[str, str]:
        """Each system's canonical name, casefolded → its id (built on first use: a loaded KB does not change)."""
        return {s.name.casefold(): s.id for s in self.systems.values()}

    def family_root(self, system_id: str) -> str:
        seen = set()
        sid = system_id
        while sid in self.systems and self.systems[sid].family and sid not in seen:
            seen.add(sid)
            sid = self.systems[sid].family  # type: ignore[assignment]
        return sid

    def lineage(self, system_id: str) -> tuple[str, ...]:
        """The system and the families above it, its own first ('leopard-2a6', 'leopard-2')."""
        out: list[str] = []
        sid: str | None = system_id
        while sid and sid not in out:
            out.append(sid)
            sid = self.systems[sid].family if sid in self.systems else None
        return tuple(out)

    def is_descendant(self, child: str, ancestor: str) -> bool:
        return ancestor in self.lineage(child)


def _read(path: Path) -> dict[str, Any]:
    data = read_yaml(path)
    if not isinstance(data, dict) or "entries" not in data:
        raise InvalidKB(f"{path}: expected a mapping with 'kind' and 'entries'")
    unknown = sorted(str(k) for k in data if k not in ("kind", "entries"))
    if unknown:
        raise InvalidKB(f"{path}: unknown key {unknown[0]!r} (a data file holds 'kind' and 'entries')")
    return data


def _strs(v: Any) -> tuple[str, ...]:
    if not v:
        return ()
    if isinstance(v, str):
        return (v,)
    return tuple(str(x) for x in v if x is not None and str(x).strip())


def _per_lang(v: Any, where: str) -> dict[str, tuple[str, ...]]:
    """Names per language; a language that is not registered (armstrack/lang/) is an error."""
    if not isinstance(v, dict):
        return {}
    unknown = sorted(str(k) for k in v if str(k) not in language_codes())
    if unknown:
        raise InvalidKB(f"{where}: unknown language {unknown[0]!r} (known: {', '.join(language_codes())})")
    return {str(k): _strs(x) for k, x in v.items()}


def _check_keys(e: dict[str, Any], kind: str, where: str) -> None:
    allowed, required = ENTRY_KEYS[kind]
    unknown = sorted(str(k) for k in e if k not in allowed)
    if unknown:
        raise InvalidKB(f"{where}: unknown key {unknown[0]!r} in a {kind} entry")
    missing = sorted(required - set(e))
    if missing:
        raise InvalidKB(f"{where}: {kind} entry without {missing[0]!r}")


def _system(e: dict[str, Any], where: str) -> System:
    sid, name, cat, origin = str(e["id"]), str(e["name"]), str(e["category"]), str(e["origin"])
    if cat not in CATEGORIES:
        raise InvalidKB(f"{where}: {sid}: unknown category {cat!r}")
    return System(
        id=sid, name=name, aliases=_strs(e.get("aliases")), category=cat, origin=origin,
        maker=str(e.get("maker") or ""), family=e.get("family") or None,
        needs_context=frozenset(_strs(e.get("needs_context"))), source=str(e.get("source") or ""),
    )


def _party(e: dict[str, Any], kind: str, where: str) -> Party:
    return Party(
        code=str(e["code"]), kind=kind, names=_per_lang(e.get("names"), where),
        capitals=_per_lang(e.get("capitals"), where), demonyms=_per_lang(e.get("demonyms"), where),
        needs_context=frozenset(_strs(e.get("needs_context"))), source=str(e.get("source") or ""),
        id=str(e.get("id") or e["code"]), body=str(e.get("kind") or "") if kind == "institution" else "",
    )


def _source(e: dict[str, Any]) -> Source:
    return Source(
        id=str(e["id"]), name=str(e["name"]), aliases=_strs(e.get("aliases")),
        domains=_strs(e.get("domains")), country=e.get("country") or None, wire=bool(e.get("wire")),
        state_affiliated=bool(e.get("state_affiliated")),
        sanctions=tuple(s for s in e.get("sanctions") or [] if isinstance(s, dict)),
        reliability=str(e["reliability"]), rationale=str(e.get("rationale") or ""),
    )


def load_kb(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """Read every data file; raise InvalidKB on malformed files (duplicates are `kb validate`'s job)."""
    systems: dict[str, System] = {}
    parties: list[Party] = []
    sources: dict[str, Source] = {}
    context: dict[str, tuple[str, ...]] = {}
    trade: dict[str, tuple[str, ...]] = {}
    duplicates: list[str] = []
    files = kb_files(data_dir)
    for path in files:
        data = _read(path)
        kind = data.get("kind")
        if kind not in ENTRY_KEYS:
            raise InvalidKB(f"{path}: unknown kind {kind!r}")
        for i, e in enumerate(data.get("entries") or []):
            where = f"{path.name} entry {i}"
            if not isinstance(e, dict):
                raise InvalidKB(f"{where}: not a mapping")
            _check_keys(e, str(kind), where)
            if kind == "systems":
                s = _system(e, where)
                if s.id in systems:
                    duplicates.append(f"{path.name}: system {s.id!r}")
                systems.setdefault(s.id, s)
            elif kind in ("countries", "institutions", "actors"):
                parties.append(_party(e, {"countries": "country", "institutions": "institution",
                                          "actors": "actor"}[kind], where))
            elif kind == "sources":
                s2 = _source(e)
                if s2.id in sources:
                    duplicates.append(f"{path.name}: source {s2.id!r}")
                sources.setdefault(s2.id, s2)
            else:
                lang = str(e["lang"])
                if lang not in language_codes():
                    raise InvalidKB(f"{where}: unknown language {lang!r}")
                context[lang] = _strs(e["words"])
                trade[lang] = _strs(e.get("trade"))
    return KnowledgeBase(systems, parties, sources, [str(f) for f in files], context, trade, tuple(duplicates))


def kb_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.rglob("*.yaml"))


@lru_cache(maxsize=4)
def get_kb(data_dir: str = str(DATA_DIR)) -> KnowledgeBase:
    """The knowledge base, loaded once per process (compiled once while its files are unchanged)."""
    path = Path(data_dir)
    return compiled("kb", kb_files(path), (__file__, str(model.__file__)), lambda: load_kb(path))
