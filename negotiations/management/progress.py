"""A progress bar on a terminal, nothing at all elsewhere (CI logs, pipes, files): the commands
then print only their summary."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from tqdm import tqdm


def is_terminal(stream) -> bool:
    return bool(getattr(stream, "isatty", None) and stream.isatty())


@contextmanager
def progress_bar(*, total: int, stream, label: str, unit: str = "items") -> Iterator[Callable[[int], None]]:
    """Yields `advance(n)`. `stream` is a command's self.stdout (an OutputWrapper) or a file.
    The bar is cleared when done, so that the summary printed after it stands alone."""
    bar = tqdm(
        total=total,
        unit=f" {unit}",
        desc=label,
        disable=not is_terminal(stream) or total == 0,
        file=getattr(stream, "_out", stream),
        dynamic_ncols=True,
        leave=False,
    )
    try:
        yield bar.update
    finally:
        bar.close()
