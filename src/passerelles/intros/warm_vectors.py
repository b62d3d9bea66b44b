"""The vectors of members' texts that the semantic path keeps on disk
(`engine.semantic.EmbeddingStore`), pruned of the texts no profile holds any more: a need
or an offer edited away, an erased member; and the stores of model files no longer in use
(an earlier version of the model). Run by the daily purge, within a time bound, and once a
day by the indexes' keeper of each machine (`prune_if_due`): each machine (web node,
scheduler) keeps its own store in its own cache directory."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator

from passerelles.engine.reasons import text_parts
from passerelles.engine.semantic import PRUNE_SECONDS, cache_dir
from passerelles.engine.text import service_phrases
from passerelles.intros.matching_data import semantic_encoder
from passerelles.members.models import Profile

SERVICES_TABLE = "services"  # the table `engine.text.service_table` keeps in the store
PRUNE_EVERY = 24 * 3600.0  # seconds between two prunings of a machine's store by its keeper
STAMP = "vectors-pruned-at"  # in the cache directory: when this machine's store was pruned


def current_texts() -> Iterator[str]:
    """Every text whose vector is worth keeping: each profile's needs and offers, whole
    and in the lines and sentences that reasons quote (`text_parts`). The services'
    phrases are kept apart, as one table, and never pruned."""
    rows = Profile.objects.values_list("needs", "offers").order_by().iterator(chunk_size=2000)
    for texts in rows:
        for text in texts:
            if text and text.strip():
                yield text
                yield from text_parts(text)


def prune_vectors(seconds: float = PRUNE_SECONDS) -> dict[str, int | bool]:
    """Remove the kept vectors of texts no profile holds (at most ``seconds`` of removals:
    the next run goes on), the services' phrases kept in files by earlier versions, and
    the stores of other model files unwritten for a day (`EmbeddingStore.remove_others`).
    Until the services' table is kept (a machine upgraded from a version that kept the
    phrases one by one, or in a ``.npy`` file), those phrases' vectors and files are kept
    too: the table is made from them without embedding them again."""
    encoder = semantic_encoder()
    store = encoder.store if encoder is not None else None
    table_kept = store is not None and store.get_table(SERVICES_TABLE) is not None
    leftovers = 0
    if store is None or table_kept:
        with contextlib.suppress(OSError):
            for old in cache_dir().glob("service-phrases-*.npy"):
                old.unlink(missing_ok=True)
                leftovers += 1
    if store is None:
        return {"removed": 0, "kept": 0, "done": True, "old_files": leftovers}
    leftovers += store.remove_others()

    def current() -> Iterator[str]:
        yield from current_texts()
        if not table_kept:
            yield from service_phrases()[0]

    pruned = store.prune(current, seconds=seconds)
    return {
        "removed": pruned.removed,
        "kept": pruned.seen - pruned.removed,
        "done": pruned.done,
        "old_files": leftovers,
    }


def prune_if_due(now: float | None = None) -> dict[str, int | bool] | None:
    """`prune_vectors` when this machine's store was not pruned for `PRUNE_EVERY` seconds
    (by its keeper or the daily purge on this machine); None when not due. The time is
    noted first, so that the other processes of the machine do not prune it too."""
    encoder = semantic_encoder()
    if encoder is None or encoder.store is None:
        return None
    now = time.time() if now is None else now
    stamp = encoder.store.file.parent / STAMP
    with contextlib.suppress(OSError):
        if now - stamp.stat().st_mtime < PRUNE_EVERY:
            return None
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()
        os.utime(stamp, (now, now))
    except OSError:
        return None  # an unwritable cache directory: no store to prune either
    return prune_vectors()
