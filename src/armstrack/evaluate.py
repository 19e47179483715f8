"""Score predicted claims against gold files with the matching rules of shared/eval/score.py, plus a
per-language breakdown."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from armstrack.errors import UnreadableDocument
from armstrack.extract.document import Extractor
from armstrack.sources.files import document_from_record

Json = dict[str, Any]


def _norm(s: Any) -> str:
    s = unicodedata.normalize("NFKD", str(s or "")).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", s)


def _is_generic(item: str | None) -> bool:
    return item is not None and item == item.lower()


def item_match(p: Json, g: Json) -> bool:
    pi, gi = _norm(p.get("item")), _norm(g.get("item"))
    if not pi or not gi:
        return False
    if _is_generic(g.get("item")):
        return p.get("category") == g.get("category") or pi == gi
    if pi == gi or pi in {_norm(m) for m in g.get("item_mentions") or []}:
        return True
    short, long_ = sorted((pi, gi), key=len)
    return len(short) >= 4 and long_.startswith(short) and not long_[len(short)].isdigit()


def _party(x: Any) -> str | None:
    return (x or "").upper() or None


def _qty_ok(p: Json, g: Json) -> bool:
    pq, gq = p.get("quantity"), g.get("quantity")
    if not gq or not pq:
        return not gq and not pq
    try:
        return float(pq["value"]) == float(gq["value"]) and pq.get("qualifier") == gq.get("qualifier")
    except (KeyError, TypeError, ValueError):
        return False


def _when_ok(p: Json, g: Json) -> bool:
    pw, gw = p.get("when"), g.get("when")
    if not gw or not pw:
        return not gw and not pw
    a, b = str(pw).split("/")[0], str(gw).split("/")[0]
    return a.startswith(b) or b.startswith(a)


def _attr_ok(p: Json, g: Json) -> bool:
    pa = {_norm(a) for a in p.get("attributed_to") or []}
    ga = {_norm(a) for a in g.get("attributed_to") or []}
    if not ga:
        return not pa
    return any(x and y and (x in y or y in x) for x in pa for y in ga)


FIELDS: dict[str, Callable[[Json, Json], bool]] = {
    "stage": lambda p, g: p.get("stage") == g.get("stage"),
    "status": lambda p, g: p.get("status") == g.get("status"),
    "quantity": _qty_ok, "when": _when_ok, "attribution": _attr_ok,
}


def match_claims(pred: list[Json], gold: list[Json]) -> list[tuple[Json, Json]]:
    pairs, used = [], set()
    for g in gold:
        best, best_score = None, -1
        for i, p in enumerate(pred):
            if i in used or (_party(p.get("supplier")), _party(p.get("recipient"))) != (
                    _party(g.get("supplier")), _party(g.get("recipient"))) or not item_match(p, g):
                continue
            score = sum(f(p, g) for f in FIELDS.values())
            if score > best_score:
                best, best_score = i, score
        if best is not None:
            used.add(best)
            pairs.append((pred[best], g))
    return pairs


def score(docs: list[tuple[Json, list[Json]]]) -> Json:
    """Metrics over (gold document, predicted claims) pairs."""
    tp = fp = fn = strict = swapped = neg = neg_fp = 0
    hits = dict.fromkeys(FIELDS, 0)
    for gold_doc, pred in docs:
        gold = gold_doc["claims"]
        pairs = match_claims(pred, gold)
        tp += len(pairs)
        fp += len(pred) - len(pairs)
        fn += len(gold) - len(pairs)
        for p, g in pairs:
            for k, f in FIELDS.items():
                hits[k] += f(p, g)
            strict += FIELDS["stage"](p, g) and FIELDS["status"](p, g)
        gold_pairs = {(_party(g.get("supplier")), _party(g.get("recipient"))) for g in gold}
        swapped += sum(1 for p in pred if (_party(p.get("recipient")), _party(p.get("supplier"))) in gold_pairs
                       and (_party(p.get("supplier")), _party(p.get("recipient"))) not in gold_pairs)
        if not gold:
            neg += 1
            neg_fp += bool(pred)

    def f1(a: float, b: float) -> float:
        return 2 * a * b / (a + b) if a + b else 0.0

    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    sp = strict / (tp + fp) if tp + fp else 0.0
    sr = strict / (tp + fn) if tp + fn else 0.0
    return {"docs": len(docs), "gold": tp + fn, "pred": tp + fp, "tp": tp, "precision": round(prec, 3),
            "recall": round(rec, 3), "f1": round(f1(prec, rec), 3), "strict_f1": round(f1(sp, sr), 3),
            **{f"{k}_acc": round(v / tp, 3) if tp else 0.0 for k, v in hits.items()},
            "negative_docs": neg, "negative_docs_with_claims": neg_fp, "direction_swaps": swapped}


def evaluate_dir(gold_dir: Path, extractor: Extractor, langs: set[str] | None = None) -> Json:
    """Extract every gold file's text and score it, overall, per language and per document."""
    rows: list[tuple[Json, list[Json]]] = []
    for f in sorted(gold_dir.glob("*.json")):
        try:
            gold = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise UnreadableDocument(f"{f}: unreadable gold file ({e})") from e
        if langs and gold.get("language") not in langs:
            continue
        doc = document_from_record(gold, str(f))
        pred = extractor.extract(doc).to_json()["claims"]
        rows.append((gold, pred))
    report = score(rows)
    by_lang: dict[str, list[tuple[Json, list[Json]]]] = {}
    for g, p in rows:
        by_lang.setdefault(g.get("language") or "und", []).append((g, p))
    report["per_language"] = {lang: score(r) for lang, r in sorted(by_lang.items())}
    report["per_doc"] = [{"id": g["id"], "gold": len(g["claims"]), "pred": len(p),
                          "match": len(match_claims(p, g["claims"]))} for g, p in rows]
    return report


def format_report(report: Json, per_doc: bool = False) -> str:
    lines = [f"{k}: {v}" for k, v in report.items() if k not in ("per_language", "per_doc")]
    lines.append("per language:")
    for lang, r in report["per_language"].items():
        lines.append(f"  {lang:3} docs={r['docs']:2} precision={r['precision']} recall={r['recall']} "
                     f"f1={r['f1']} strict_f1={r['strict_f1']}")
    if per_doc:
        lines.append("per document:")
        lines += [f"  {d['id']:10} gold={d['gold']:2} pred={d['pred']:2} match={d['match']:2}"
                  for d in report["per_doc"]]
    return "\n".join(lines)
