"""Full-text search over document texts and claim quotes: one query syntax, parsed here, run by SQLite FTS5 and by
PostgreSQL text search alike, and the hits marked in the text by the same reading of it.

The syntax: words (all must occur: AND), "a phrase" (these words in this order), and word* (a prefix). A word is a
run of letters and digits in any script; everything else separates words, on both sides: the texts are indexed that
way on both databases (FTS5's unicode61 tokenizer without diacritic folding; PostgreSQL's 'simple' configuration over
the text with every other character made a space, see migration 0012), so "Shahed-136" is the phrase "shahed 136"
and "état" does not match "etat" on either."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, String, Table, bindparam, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement

from armstrack.errors import ArmstrackError

WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 16  # words and phrases in one query
MIN_PREFIX = 2  # letters before a '*': a one-letter prefix matches most of the index
PG_INDEXED = 200_000  # characters of a text PostgreSQL indexes (a tsvector holds at most 1 MB)
# the tables searched: table → (its column, the SQLite FTS5 table over it); PostgreSQL indexes the expression instead
SEARCHED = {"documents": ("text", "documents_words"), "claims": ("evidence", "claims_words")}


class BadQuery(ArmstrackError):
    """A search query that does not parse; the message says where and how to write it."""


@dataclass(frozen=True)
class Term:
    """One thing that must occur: a word, a phrase of words in order, or (prefix) words starting with its last."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...]

    def fts5(self) -> str:
        """The query as an FTS5 MATCH expression: each term a quoted string, ANDed."""
        return " AND ".join('"' + " ".join(t.words) + '"' + ("*" if t.prefix else "") for t in self.terms)

    def tsquery(self) -> str:
        """The query for PostgreSQL's to_tsquery('simple', …): a phrase joined by <->, a prefix marked :*."""
        def lexeme(word: str, prefix: bool) -> str:
            return f"'{word}'" + (":*" if prefix else "")  # a word is letters and digits: no quote to escape
        return " & ".join(
            "(" + " <-> ".join(lexeme(w, t.prefix and i == len(t.words) - 1) for i, w in enumerate(t.words)) + ")"
            for t in self.terms)

    def pattern(self) -> re.Pattern[str]:
        """A regular expression finding every hit of every term in a text, words bounded as the indexes bound them."""
        def term(t: Term) -> str:
            body = r"[\W_]+".join(re.escape(w) for w in t.words)
            return rf"(?<![^\W_]){body}" + (r"[^\W_]*" if t.prefix else r"(?![^\W_])")
        return re.compile("|".join(term(t) for t in sorted(self.terms, key=lambda t: -len(" ".join(t.words)))),
                          re.IGNORECASE)


TOKEN = re.compile(r'\s*(?:"(?P<phrase>[^"]*)"(?P<pstar>\*?)|(?P<word>[^\s"]+))')


def parse(text: str) -> Query:
    """Parse a user's query; raises BadQuery with a one-line reason."""
    terms: list[Term] = []
    pos, text = 0, text.strip()
    if text.count('"') % 2:
        raise BadQuery('unbalanced quote: close the phrase with a second " (e.g. "air defence")')
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if m is None:  # only trailing spaces are left
            break
        pos = m.end()
        if m["phrase"] is not None:
            words = _words(m["phrase"])
            if not words:
                raise BadQuery(f'the phrase "{m["phrase"]}" has no word in it')
            inner = m["phrase"].rstrip()
            if "*" in inner.rstrip("*") or inner.count("*") > 1 or (m["pstar"] and inner.endswith("*")):
                raise BadQuery("'*' marks a prefix at the end of a word only, as in drone* or \"air def*\"")
            star = bool(m["pstar"]) or inner.endswith("*")
            terms.append(_term(words, star, m["phrase"]))
        else:
            raw = m["word"]
            star = raw.endswith("*")
            if "*" in raw.rstrip("*") or raw.count("*") > 1:
                raise BadQuery(f"'*' marks a prefix at the end of a word only, as in drone* (not {raw!r})")
            words = _words(raw)
            if not words:
                if star:
                    raise BadQuery("'*' needs a word before it, as in drone*")
                continue  # punctuation alone separates words, as in the indexed text
            terms.append(_term(words, star, raw))
    if not terms:
        raise BadQuery("nothing to search for: type words, \"a phrase\" or a prefix like drone*")
    if len(terms) > MAX_TERMS:
        raise BadQuery(f"too many words: at most {MAX_TERMS} words or phrases")
    return Query(tuple(dict.fromkeys(terms)))


def _words(text: str) -> tuple[str, ...]:
    # lower(), not casefold(): the indexes lower-case their words ("Straße" is "straße" there, not "strasse")
    return tuple(w.lower() for w in WORD.findall(text))


def _term(words: tuple[str, ...], prefix: bool, raw: str) -> Term:
    if prefix and len(words[-1]) < MIN_PREFIX:
        raise BadQuery(f"a prefix needs at least {MIN_PREFIX} letters before '*' (not {raw!r})")
    return Term(words, prefix)


Segments = list[tuple[str, bool]]  # text cut into (piece, whether it is a hit)


def marked(text: str, query: Query) -> Segments:
    """The text cut into pieces, the hits of the query marked (the template escapes every piece)."""
    out: Segments = []
    pos = 0
    for m in query.pattern().finditer(text):
        out += [(text[pos:m.start()], False), (m.group(), True)]
        pos = m.end()
    out.append((text[pos:], False))
    return [s for s in out if s[0]]


def snippet(text: str, query: Query, width: int = 240) -> Segments:
    """About `width` characters of the text around its first hit (cut at spaces, '…' where cut), hits marked; the
    text's start when it has no hit in these characters (a hit PostgreSQL found past what is shown)."""
    first = query.pattern().search(text)
    start = max(0, (first.start() if first else 0) - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    pieces = marked(text[start:end], query)
    return ([("…", False)] if start else []) + pieces + ([("…", False)] if end < len(text) else [])


class _Matches(FunctionElement[Any]):
    """A full-text condition on a table (its clauses: the searched column, the table's rowid, its FTS5 table, the
    query for FTS5, the query for PostgreSQL): SQLite looks the rowid up in the FTS5 table; PostgreSQL matches the
    expression migration 0012 indexes."""

    inherit_cache = True
    name = "matches"  # untyped, as db._Contains: SQLite's planner must see the IN, not "(… IN …) = 1"


@compiles(_Matches)
def _matches(element: _Matches, compiler: Any, **kw: Any) -> str:
    _column, rowid, fts, query, _ts = list(element.clauses)
    table = str(compiler.process(fts, **kw))
    return f"{compiler.process(rowid, **kw)} IN (SELECT rowid FROM {table} WHERE {table} MATCH " \
           f"{compiler.process(query, **kw)})"


@compiles(_Matches, "postgresql")
def _matches_postgresql(element: _Matches, compiler: Any, **kw: Any) -> str:
    column, _rowid, _fts, _query, ts = list(element.clauses)
    return f"{words_vector(str(compiler.process(column, **kw)))} @@ to_tsquery('simple', {compiler.process(ts, **kw)})"


def words_vector(column: str) -> str:
    """PostgreSQL's text-search vector of a column, as migration 0012 indexes it (the same expression, or the index
    is not used): words split as FTS5 splits them."""
    return f"to_tsvector('simple', regexp_replace(left({column}, {PG_INDEXED}), '[^[:alnum:]]+', ' ', 'g'))"


def matches(table: Table, query: Query) -> ColumnElement[bool]:
    """The condition that a row of `table` (documents or claims) matches the query, on either database."""
    column, fts = SEARCHED[table.name]
    return _Matches(table.c[column], literal_column(f"{table.name}.rowid"), literal_column(fts),
                    bindparam(None, query.fts5(), type_=String()), bindparam(None, query.tsquery(), type_=String()))
