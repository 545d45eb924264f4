"""A progress bar on a terminal, a quiet one elsewhere (CI logs, pipes)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from tqdm import tqdm


@contextmanager
def progress_bar(*, total: int, stream, label: str) -> Iterator[Callable[[int], None]]:
    is_terminal = hasattr(stream, "isatty") and stream.isatty()
    bar = tqdm(
        total=total,
        unit=f" {label}",
        disable=not is_terminal or total == 0,
        file=getattr(stream, "_out", None),
    )
    try:
        yield bar.update
    finally:
        bar.close()
