"""The compiled-data cache: built once, reused while the data and code are unchanged, rebuilt when either
changes, whole under concurrent first use, and skipped when its directory cannot be trusted."""

from __future__ import annotations

import gc
import os
import pickle
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from armstrack.compiled import STARTED, StoredIndex, compiled, compiled_index, precompiled_regexes, read_yaml
from armstrack.errors import InvalidKB
from armstrack.kb import loader
from armstrack.kb.loader import DATA_DIR, load_kb
from armstrack.lang import lexicon
from armstrack.lang.fr import MODEL
from armstrack.lang.lexicon import LEXICON_DIR, get_lexicon
from armstrack.lang.spacy_frontend import model_dir, tokenizer_patterns
from armstrack.transfers import origins

CODE = [__file__]


def counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value
    return calls, build


def test_built_once_then_reused(tmp_path: Path) -> None:
    data = tmp_path / "d.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    calls, build = counting({"a": 1})
    assert compiled("t", [data], CODE, build, tmp_path / "cache") == {"a": 1}
    assert compiled("t", [data], CODE, build, tmp_path / "cache") == {"a": 1}
    assert len(calls) == 1
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".pickle"]  # no temporary file left


def loaded_code(path: Path, text: str) -> None:
    """Building code as a process finds it: written before the process started."""
    path.write_text(text, encoding="utf-8")
    os.utime(path, (STARTED - 60, STARTED - 60))


def test_a_changed_data_or_code_file_rebuilds(tmp_path: Path) -> None:
    data, code = tmp_path / "d.yaml", tmp_path / "builder.py"
    data.write_text("a: 1\n", encoding="utf-8")
    loaded_code(code, "VERSION = 1\n")
    cache = tmp_path / "cache"
    assert compiled("t", [data], [code], lambda: 1, cache) == 1
    data.write_text("a: 2\n", encoding="utf-8")  # same size, same second: the content decides
    assert compiled("t", [data], [code], lambda: 2, cache) == 2
    loaded_code(code, "VERSION = 2\n")
    assert compiled("t", [data], [code], lambda: 3, cache) == 3
    data.write_text("a: 1\n", encoding="utf-8")
    loaded_code(code, "VERSION = 1\n")
    assert compiled("t", [data], [code], lambda: 4, cache) == 1  # the first entry again


def test_code_edited_after_the_process_loaded_it_leaves_no_entry(tmp_path: Path) -> None:
    """The key would name the code on disk while the value came from the code this process runs."""
    data, code, cache = tmp_path / "d.yaml", tmp_path / "builder.py", tmp_path / "cache"
    data.write_text("a: 1\n", encoding="utf-8")
    code.write_text("VERSION = 2\n", encoding="utf-8")  # edited now, after this process started
    assert compiled("t", [data], [code], lambda: "old", cache) == "old"
    assert compiled("t", [data], [code], lambda: "new", cache) == "new"  # built again: nothing was kept
    assert compiled_index("i", [data], [code], lambda: {"k": 1}, cache)["k"] == 1
    assert not list(cache.iterdir())


def test_a_damaged_entry_is_rebuilt(tmp_path: Path) -> None:
    data = tmp_path / "d.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    cache = tmp_path / "cache"
    compiled("t", [data], CODE, lambda: "first", cache)
    [entry] = cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:5])
    assert compiled("t", [data], CODE, lambda: "second", cache) == "second"
    assert compiled("t", [data], CODE, lambda: "third", cache) == "second"


def test_an_entry_read_from_the_cache_is_out_of_the_collectors_sight(tmp_path: Path) -> None:
    """What compiled() reads lives as long as the process: later full collections must not rescan it (a French
    extraction spent a second doing that)."""
    data, cache = tmp_path / "d.yaml", tmp_path / "cache"
    data.write_text("a: 1\n", encoding="utf-8")
    compiled("t", [data], CODE, lambda: [[i] for i in range(5_000)], cache)
    before = gc.get_freeze_count()
    kept = compiled("t", [data], CODE, lambda: [], cache)
    assert len(kept) == 5_000 and gc.get_freeze_count() >= before + 5_000


def test_an_index_is_built_once_then_read_a_key_at_a_time(tmp_path: Path) -> None:
    data, cache = tmp_path / "d.yaml", tmp_path / "cache"
    data.write_text("a: 1\n", encoding="utf-8")
    calls, build = counting({"b": (2, "Bé"), "a": (1, None)})
    assert compiled_index("t", [data], CODE, build, cache) == {"a": (1, None), "b": (2, "Bé")}
    index = compiled_index("t", [data], CODE, build, cache)
    assert isinstance(index, StoredIndex) and len(calls) == 1
    assert index["b"] == (2, "Bé") and index.get("c") is None and "a" in index and "c" not in index
    assert list(index) == ["a", "b"] and len(index) == 2
    assert [p.suffix for p in cache.iterdir()] == [".sqlite"]  # no temporary file left
    data.write_text("a: 2\n", encoding="utf-8")
    assert compiled_index("t", [data], CODE, lambda: {"z": 0}, cache) == {"z": 0}


def test_a_damaged_index_is_rebuilt(tmp_path: Path) -> None:
    data, cache = tmp_path / "d.yaml", tmp_path / "cache"
    data.write_text("a: 1\n", encoding="utf-8")
    compiled_index("t", [data], CODE, lambda: {"k": "first"}, cache)
    [entry] = cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:5])
    assert compiled_index("t", [data], CODE, lambda: {"k": "second"}, cache)["k"] == "second"
    assert compiled_index("t", [data], CODE, lambda: {"k": "third"}, cache)["k"] == "second"


def test_an_index_in_a_directory_others_may_write_is_not_read(tmp_path: Path) -> None:
    data, cache = tmp_path / "d.yaml", tmp_path / "shared"
    data.write_text("a: 1\n", encoding="utf-8")
    compiled_index("t", [data], CODE, lambda: {"k": "mine"}, cache)
    os.chmod(cache, 0o777)
    assert compiled_index("t", [data], CODE, lambda: {"k": "built"}, cache) == {"k": "built"}


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="root may write anywhere")
def test_an_unwritable_directory_means_no_cache(tmp_path: Path) -> None:
    data = tmp_path / "d.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    cache = tmp_path / "ro"
    cache.mkdir(mode=0o500)
    calls, build = counting(1)
    assert compiled("t", [data], CODE, build, cache) == compiled("t", [data], CODE, build, cache) == 1
    assert len(calls) == 2


def test_a_directory_others_may_write_is_not_trusted(tmp_path: Path) -> None:
    """Anyone who can write the directory could plant a pickle: such a directory is neither read nor written."""
    data = tmp_path / "d.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    cache = tmp_path / "shared"
    cache.mkdir()
    compiled("t", [data], CODE, lambda: "mine", cache)
    os.chmod(cache, 0o777)
    [entry] = cache.iterdir()
    entry.write_bytes(pickle.dumps("planted"))
    calls, build = counting("built")
    assert compiled("t", [data], CODE, build, cache) == "built" and calls == [1]


def test_concurrent_first_use_gives_every_caller_a_whole_entry(tmp_path: Path) -> None:
    data = tmp_path / "d.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    big = list(range(200_000))

    def slow() -> list[int]:
        time.sleep(0.05)
        return big

    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(compiled("t", [data], CODE, slow, tmp_path / "c")))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [big] * 8
    assert [p.name.endswith(".pickle") for p in (tmp_path / "c").iterdir()] == [True]


def test_processes_starting_together_share_one_entry(tmp_path: Path) -> None:
    """Real processes, racing on an empty cache directory: each gets the whole knowledge base."""
    script = ("import sys\nfrom armstrack.kb.loader import get_kb\n"
              "print(len(get_kb(sys.argv[1]).systems))")
    env = {**os.environ, "ARMSTRACK_CACHE_DIR": str(tmp_path / "c")}
    procs = [subprocess.Popen([sys.executable, "-c", script, str(DATA_DIR)], env=env, stdout=subprocess.PIPE,
                              text=True) for _ in range(3)]
    counts = {p.communicate(timeout=300)[0].strip() for p in procs}
    assert counts == {str(len(load_kb().systems))}
    assert [p.name.startswith("kb-") for p in (tmp_path / "c").iterdir()] == [True]


def test_the_kb_follows_its_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """get_kb through the cache: an edited data file is read at the next start, never the old entry."""
    monkeypatch.setenv("ARMSTRACK_CACHE_DIR", str(tmp_path / "cache"))
    kb_dir = tmp_path / "kb"
    (kb_dir / "systems").mkdir(parents=True)
    systems = kb_dir / "systems" / "s.yaml"
    systems.write_text("kind: systems\nentries:\n  - {id: x-1, name: X-1, category: aircraft, origin: FRA}\n",
                       encoding="utf-8")
    first = loader.get_kb.__wrapped__(str(kb_dir))  # one process's load, without its per-process memo
    assert list(first.systems) == ["x-1"]
    systems.write_text(systems.read_text(encoding="utf-8") + "  - {id: y-2, name: Y-2, category: ship, origin: ITA}\n",
                       encoding="utf-8")
    assert list(loader.get_kb.__wrapped__(str(kb_dir)).systems) == ["x-1", "y-2"]


def test_the_c_yaml_loader_reads_the_data_as_the_python_one_does(monkeypatch: pytest.MonkeyPatch) -> None:
    for path in sorted(LEXICON_DIR.glob("*.yaml")):  # read_yaml takes libyaml's CSafeLoader where installed
        assert read_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8")), path.name
    c_kb = load_kb()
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert load_kb() == c_kb


def test_a_missing_lexicon_still_names_its_file() -> None:
    with pytest.raises(InvalidKB, match="no lexicon file for language 'xx'"):
        get_lexicon("xx")


def test_an_invalid_lexicon_names_its_file(tmp_path: Path) -> None:
    (tmp_path / "xx.yaml").write_text("triggers: [\n", encoding="utf-8")
    with pytest.raises(InvalidKB, match="xx.yaml: not valid YAML"):
        lexicon.load_lexicon("xx", tmp_path / "xx.yaml")


def test_lexicons_and_the_source_registry_are_built_once_for_every_process(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A language folder names its lexicon file and the registry folds ~20,000 names: both were built anew in every
    process (seconds before a server's first judgement); now the second process reads them from the cache."""
    monkeypatch.setenv("ARMSTRACK_CACHE_DIR", str(tmp_path / "cache"))
    built: list[str] = []
    load, build = lexicon.load_lexicon, origins.build_registry
    monkeypatch.setattr(lexicon, "load_lexicon", lambda code, *a: built.append(code) or load(code, *a))
    monkeypatch.setattr(origins, "build_registry", lambda kb: built.append("registry") or build(kb))
    for _ in range(2):  # two processes' first use, without the per-process memo
        en = lexicon.get_lexicon.__wrapped__("en", LEXICON_DIR / "en.yaml")
        registry = origins.get_registry.__wrapped__(str(DATA_DIR))
    assert built.count("registry") == 1 and built.count("en") == 1  # each built once, by the first process
    assert len(built) == len(set(built))
    assert "the" in en.articles and registry.find("Reuters") is not None


def test_precompiled_regexes_are_what_re_compiles(tmp_path: Path) -> None:
    """A pattern put in re's cache from its kept compiled form is the engine code re itself makes (Pattern
    equality compares flags and code), and a later re.compile of the same string returns it."""
    data = tmp_path / "tokenizer"
    data.write_text("patterns", encoding="utf-8")
    # inline flags, named and unnamed groups, classes and a lookahead: the parts spaCy's patterns use
    patterns = [r"(?iu)^(?P<word>[a-zà-ÿ]+)[\-‐](?:out|pass)[\w']*$", r"(?<=[0-9])[+\-\*^](?=[0-9-])|(\d+)-"]
    calls: list[int] = []

    def listed() -> list[str]:
        calls.append(1)
        return patterns

    for _ in range(2):  # built, then read from the cache
        re.purge()
        assert precompiled_regexes("regex-t", [data], listed, tmp_path / "c") == 2
        for p in patterns:
            seeded = re.compile(p)
            re.purge()
            assert seeded == re.compile(p) and seeded.groupindex == re.compile(p).groupindex
    assert calls == [1]
    assert re.compile(patterns[0]).match("Knock-outs").group("word") == "Knock"


def test_the_spacy_models_tokenizer_patterns_are_found() -> None:
    """The French model's tokenizer patterns are read from its package (one is 1.4 MB: 3-4 s to compile)."""
    folder = model_dir(MODEL)
    assert folder is not None
    patterns = tokenizer_patterns(folder / "tokenizer")
    assert len(patterns) == 5 and max(map(len, patterns)) > 1_000_000
    assert model_dir("no_such_model_xx") is None
