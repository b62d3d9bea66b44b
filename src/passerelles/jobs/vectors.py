"""The vectors of members' texts that the semantic path keeps on disk
(`engine.semantic.EmbeddingStore`), pruned of the texts no profile holds any more: a need
or an offer edited away, an erased member; and the stores of model files no longer in use
(an earlier version of the model). Run by the daily purge, within a time bound."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from passerelles.engine.reasons import text_parts
from passerelles.engine.semantic import PRUNE_SECONDS, cache_dir
from passerelles.engine.text import service_phrases
from passerelles.intros.matching_data import semantic_encoder
from passerelles.members.models import Profile

SERVICES_TABLE = "services"  # the table `engine.text.service_table` keeps in the store


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
