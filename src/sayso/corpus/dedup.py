"""Near-duplicate articles and the statements they share.

Wire stories are republished by many outlets with a new headline, a trimmed paragraph or a
different credit line. Counting each copy's statements separately would make a speaker look
quoted ten times when they spoke once, so near-duplicate articles are clustered with MinHash
(datasketch) over word shingles, and within a cluster the same speaker saying nearly the same
words becomes one statement group, reported by every outlet that ran it.

Signatures are computed by the workers, next to the analysis; the clustering runs once at the end
of a run over the whole store, so that the result does not depend on the order articles finished.
"""

from __future__ import annotations

import re

import duckdb
import numpy as np
import pyarrow as pa
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 64
SEED = 1
SCHEME = "affine32"
SHINGLE = 3
#: Estimated Jaccard similarity of word shingles above which two articles are one story.
ARTICLE_THRESHOLD = 0.7
#: Word-set Jaccard similarity above which two statements of one speaker are the same statement.
STATEMENT_THRESHOLD = 0.6

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def signature(text: str) -> bytes:
    """The MinHash signature of a text's word shingles, as bytes for the store."""
    words = _words(text)
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh.hashvalues.astype("<u8").tobytes()


def _minhash(blob: bytes) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(blob, dtype="<u8"), scheme=SCHEME)


class _Union:
    """Union-find whose representative is the smallest key, so results are order-independent."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low

    def groups(self) -> dict[str, str]:
        """Key -> representative, for keys in groups of two or more."""
        reps = {k: self.find(k) for k in self.parent}
        sizes: dict[str, int] = {}
        for r in reps.values():
            sizes[r] = sizes.get(r, 0) + 1
        return {k: r for k, r in reps.items() if sizes[r] > 1}


def _update(con: duckdb.DuckDBPyConnection, sql: str, columns: dict[str, list[str]]) -> None:
    mapping = pa.table({k: pa.array(v, type=pa.string()) for k, v in columns.items()})  # noqa: F841
    con.execute(sql.replace("{map}", "mapping"))


def cluster_articles(con: duckdb.DuckDBPyConnection) -> None:
    """Set ``articles.cluster`` to the smallest id of each group of near-duplicate articles."""
    lsh = MinHashLSH(threshold=ARTICLE_THRESHOLD, num_perm=NUM_PERM)
    union = _Union()
    seen: dict[str, LeanMinHash] = {}
    for aid, blob in con.execute("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL "
                                 "ORDER BY id").fetchall():
        mh = _minhash(blob)
        for other in lsh.query(mh):  # LSH candidates, confirmed on the estimated similarity
            if mh.jaccard(seen[other]) >= ARTICLE_THRESHOLD:
                union.join(aid, other)
        lsh.insert(aid, mh)
        seen[aid] = mh
    groups = union.groups()
    con.execute("UPDATE articles SET cluster = NULL WHERE cluster IS NOT NULL")
    if groups:
        _update(con, "UPDATE articles SET cluster = m.cluster FROM {map} m "
                     "WHERE articles.id = m.id",
                {"id": list(groups), "cluster": list(groups.values())})


def _similar(a: set[str], b: set[str]) -> bool:
    return bool(a or b) and len(a & b) / len(a | b) >= STATEMENT_THRESHOLD


def group_statements(con: duckdb.DuckDBPyConnection) -> None:
    """Give the same ``group_id`` to statements of one speaker with nearly the same words in
    near-duplicate articles; any other statement is a group of its own."""
    con.execute("UPDATE statements SET group_id = article_id || '/' || id")
    rows = con.execute(
        """SELECT a.cluster, s.article_id, s.id, coalesce(s.speaker_id, lower(s.speaker_name)),
                  s.content FROM statements s JOIN articles a ON a.id = s.article_id
           WHERE a.cluster IS NOT NULL ORDER BY a.cluster, s.article_id, s.start""").fetchall()
    union = _Union()
    by_cluster: dict[tuple[str, str | None], list[tuple[str, str, set[str]]]] = {}
    for cluster, aid, sid, who, content in rows:
        key, words = f"{aid}/{sid}", set(_words(content or ""))
        bucket = by_cluster.setdefault((cluster, who), [])
        for other_aid, other_key, other_words in bucket:
            if other_aid != aid and _similar(words, other_words):
                union.join(key, other_key)
        bucket.append((aid, key, words))
    groups = union.groups()
    if groups:
        _update(con, "UPDATE statements SET group_id = m.group_id FROM {map} m "
                     "WHERE statements.article_id || '/' || statements.id = m.key",
                {"key": list(groups), "group_id": list(groups.values())})
