"""Compiled data kept between processes: the knowledge base, its matcher, the lexicons and the regular
expressions of a spaCy model's tokenizer, each pickled once and reused while its data files and the code that
builds it are byte for byte the same; and indexes read one key at a time (the KB's names), kept as SQLite files.

The key is a hash of the data files' names and contents, the source files of the building code, the package
version and the Python version, so an entry is never stale: a changed file gives a new key and a rebuild.
Entries are written to a temporary file in the cache directory and renamed into place, so processes starting
together each see a whole entry or none. A cache directory that cannot be used (not writable, or writable by
other users, who could plant a pickle) means building in every process, as without a cache.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import gc
import hashlib
import os
import pickle
import re
import sqlite3
import sys
import tempfile
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any, TypeVar

from armstrack import __version__
from armstrack.errors import InvalidKB
from armstrack.settings import load_settings

T = TypeVar("T")
KEEP_DAYS = 30  # entries of a kind older than this are removed when a new one is written
STARTED = time.time()  # about when this process imported the code that builds entries


def fingerprint(kind: str, data_files: Iterable[Path], code_files: Iterable[str | Path]) -> str:
    """The hash that names an entry: what it is, the data it is built from, and the code that builds it."""
    h = hashlib.sha256(f"{kind}\0{__version__}\0{sys.version}\0{pickle.HIGHEST_PROTOCOL}\0".encode())
    for path in (*sorted(Path(p) for p in data_files), *(Path(p) for p in code_files)):
        h.update(f"{path.name}\0{path.stat().st_size}\0".encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:40]


def usable_dir(directory: Path | None) -> Path | None:
    """The cache directory, created if need be, when it is this user's own and not writable by others."""
    if directory is None:
        return None
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = directory.stat()
    except OSError:
        return None
    own = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return directory if own and not st.st_mode & 0o022 and os.access(directory, os.W_OK | os.X_OK) else None


def compiled(kind: str, data_files: Iterable[Path], code_files: Iterable[str | Path], build: Callable[[], T],
             cache_dir: Path | None = None) -> T:
    """build(), or the result an earlier build of the same data by the same code left in the cache directory
    (settings.cache_dir unless given). A missing data file raises like build() would: the cache is skipped."""
    code_files = tuple(code_files)
    entry = _entry(kind, data_files, code_files, cache_dir, "pickle")
    if entry is None:
        return build()
    try:
        with entry.open("rb") as f, _collector_paused():
            kept = pickle.load(f)
        gc.freeze()  # see _collector_paused
        return kept  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001 (no entry yet, or a damaged one, whatever the unpickler raises: rebuilt)
        pass
    value = build()
    if not _edited_since_start(code_files):
        _write(entry.parent, entry, lambda path: _dump_pickle(path, value))
    return value


def compiled_index(kind: str, data_files: Iterable[Path], code_files: Iterable[str | Path],
                   build: Callable[[], Mapping[str, T]], cache_dir: Path | None = None) -> Mapping[str, T]:
    """build()'s mapping, or the one an earlier build of the same data by the same code left in the cache directory,
    kept like compiled() but as a SQLite file of one row per key: a lookup reads the row it asks for, where loading a
    pickle of tens of thousands of keys whole takes tens of milliseconds."""
    code_files = tuple(code_files)
    entry = _entry(kind, data_files, code_files, cache_dir, "sqlite")
    if entry is None:
        return build()
    try:
        return StoredIndex(entry)
    except sqlite3.Error:  # no entry yet, or a damaged one: rebuilt
        pass
    value = build()
    if not _edited_since_start(code_files):
        _write(entry.parent, entry, lambda path: _dump_index(path, value))
    return value


def _edited_since_start(code_files: Iterable[str | Path]) -> bool:
    """Whether building code changed on disk after this process loaded it: the entry's key names the new code while
    the value came from the old, so it is not kept (a developer editing while a run is going)."""
    try:
        return any(Path(p).stat().st_mtime >= STARTED for p in code_files)
    except OSError:
        return True


def _entry(kind: str, data_files: Iterable[Path], code_files: Iterable[str | Path], cache_dir: Path | None,
           suffix: str) -> Path | None:
    """Where the entry for this data and code lives; None with no usable cache directory, or when a data file cannot
    be read (build() then says which, in its own words)."""
    directory = usable_dir(cache_dir if cache_dir is not None else load_settings().cache_dir)
    if directory is None:
        return None
    try:
        return directory / f"{kind}-{fingerprint(kind, data_files, code_files)}.{suffix}"
    except OSError:
        return None


class StoredIndex(Mapping[str, T]):
    """A compiled_index entry, read one key at a time (each value pickled in its row)."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        try:
            self._db.execute("SELECT key, value FROM entries LIMIT 1").fetchall()  # a whole entry, or sqlite3.Error
        except sqlite3.Error:
            self._db.close()
            raise

    def __getitem__(self, key: str) -> T:
        row = self._db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return pickle.loads(row[0])  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        """The keys in code point order."""
        return (key for (key,) in self._db.execute("SELECT key FROM entries"))

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM entries").fetchone()[0])


def _dump_pickle(path: Path, value: object) -> None:
    with path.open("wb") as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)


def _dump_index(path: Path, mapping: Mapping[str, object]) -> None:
    db = sqlite3.connect(path)
    try:
        with db:
            db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID")
            db.executemany("INSERT INTO entries VALUES (?, ?)",
                           ((k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in mapping.items()))
    finally:
        db.close()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Unpickling makes tens of thousands of objects and no garbage: the cyclic collector would only rescan them
    (a third of the load time). They then live as long as the process (every caller keeps them), and each full
    collection after would scan them all again — hundreds of thousands of objects once a spaCy model and its lemma
    tables are in, over a second of a French extraction: compiled() then moves what the process holds out of the
    collector's sight (gc.freeze; reference counting still frees what is dropped, only cycles formed before are
    never collected, and it happens once per kind of entry)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _write(directory: Path, entry: Path, dump: Callable[[Path], None]) -> None:
    """Write an entry atomically (dump() into a temporary file, then rename) and drop this kind's old entries; a
    failure to write costs only the reuse."""
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{entry.name}.", suffix=".tmp")
        os.close(fd)
        try:
            dump(Path(tmp))
            os.replace(tmp, entry)
        finally:
            Path(tmp).unlink(missing_ok=True)
        kind = entry.name.rsplit("-", 1)[0]
        cutoff = time.time() - KEEP_DAYS * 86400
        for old in directory.glob(f"{kind}-*"):  # of either form: an index kept as a pickle before
            if old != entry and old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
    except (OSError, sqlite3.Error):
        pass


def read_yaml(path: Path) -> Any:
    """A data file's YAML (a missing file raises FileNotFoundError, invalid YAML an InvalidKB naming the file), read
    with libyaml's parser where installed (4x faster). PyYAML is imported by the first build that reads a file: a
    process whose compiled entries are all kept never needs it."""
    import yaml

    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        raise InvalidKB(f"{path}: not valid YAML ({e})") from e


# A pattern compiled by re: its flags, its sre code (as 32-bit units) and its groups, what _sre.compile takes.
SreArgs = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def sre_args(pattern: str) -> SreArgs:
    """What re.compile(pattern) hands to the C engine, computed the way re._compiler.compile does it."""
    parsed = _parser.parse(pattern, 0)
    code = array("I", _compiler._code(parsed, 0)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def precompiled_regexes(kind: str, data_files: Iterable[Path], patterns: Callable[[], Iterable[str]],
                        cache_dir: Path | None = None) -> int:
    """Compile these patterns (no flags) into the re module's own cache, from their compiled form kept like any
    entry above, so that a library's later re.compile of the same string is a lookup. Python's compiler is pure
    Python: spaCy's French tokenizer patterns take 3-4 s to compile, in every process. The entry's key holds
    the Python version, so its sre code is only read by the engine that wrote it. Returns how many were put in
    the cache: 0 where this Python's re keeps no cache we know (the patterns are then compiled as usual)."""
    cache: Any = getattr(re, "_cache", None)
    if not isinstance(cache, dict) or array("I").itemsize != _sre.CODESIZE:
        return 0
    entries = compiled(kind, data_files, [__file__], lambda: [(p, sre_args(p)) for p in patterns()], cache_dir)
    seeded = 0
    for pattern, (flags, code, groups, groupindex, indexgroup) in entries:
        compiled_pattern = _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup)
        cache[type(pattern), pattern, 0] = compiled_pattern
        seeded += 1
    return seeded
