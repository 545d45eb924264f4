"""Garbage collection tuned for a long-running web process."""

import gc


def freeze_startup_objects() -> None:
    """Move everything alive after start-up out of the collector's reach.

    Django, the URL resolvers, templates and settings make a heap of some 150,000 objects that live as long
    as the process. Python's full collections walk all of them: at a million statements a request that
    happened to trigger one paused 100 to 170 ms, the pages' slowest requests. Frozen, they are never
    scanned again, and a full collection costs about a fifth of that.
    """
    gc.collect()
    gc.freeze()
