"""The daily purge's pruning of the vectors kept on disk: `intros.warm_vectors`, where the
indexes' keeper of each machine also prunes its own store once a day."""

from passerelles.intros.warm_vectors import current_texts, prune_vectors

__all__ = ["current_texts", "prune_vectors"]
