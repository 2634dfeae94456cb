"""Per-document work of the loading steps spread over forked worker processes.

Reading and checking a large corpus (language detection, boilerplate cleaning, shingling and
MinHash signatures for duplicates) is independent from one document to the next, so a large
corpus is cut into one contiguous range of documents per CPU and the ranges are computed at the
same time by worker processes. The workers are *forked*: they see the caller's documents
without copying or pickling them; only the range bounds go to them and only the per-range
results come back. The caller combines the results in range order, so the output is the same
as computing in one process (tests/test_load_speed_equivalence.py checks it).

Small corpora (up to :data:`PARALLEL_MIN_DOCS` documents, such as the sample study) stay in the
calling process: starting workers would cost more than it saves. So does everything on a
machine without ``fork`` or with one CPU, and inside a daemonic process (which may not fork
children).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import warnings
from collections import deque
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import Future
from typing import Any

__all__ = ["MAX_WORKERS", "PARALLEL_MIN_DOCS", "ForkPool", "can_fork", "fork_map", "process_alive",
           "map_in_order", "split_ranges", "usable_workers", "worker_count"]  # fmt: skip

#: Corpora with more documents than this are computed by worker processes.
PARALLEL_MIN_DOCS = 2000
#: At most this many worker processes (one per CPU below that).
MAX_WORKERS = 4


def worker_count(n_docs: int) -> int:
    """Worker processes for ``n_docs`` documents: 1 (compute here) up to
    :data:`PARALLEL_MIN_DOCS` documents, else one per usable CPU, at most :data:`MAX_WORKERS`."""
    if n_docs <= PARALLEL_MIN_DOCS:
        return 1
    return min(usable_workers(), n_docs)


def usable_workers() -> int:
    """Forked worker processes this process may start: one per usable CPU, at most
    :data:`MAX_WORKERS`; 1 (compute here) without ``fork`` or inside a daemonic process."""
    if not can_fork():
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS))


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (this process does; another user's process, which
    may not be signalled, counts as running): the test for files a killed run left."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process: alive
        return True
    return True


def can_fork() -> bool:
    """Whether this process may start forked workers: ``fork`` exists here and this is not a
    daemonic process (which may not have children)."""
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon
    )


def split_ranges(n: int, parts: int) -> list[tuple[int, int]]:
    """``parts`` contiguous ``(start, stop)`` ranges covering ``range(n)``, sizes within one."""
    parts = max(1, min(parts, n)) if n else 1
    bounds = [n * i // parts for i in range(parts + 1)]
    return list(zip(bounds[:-1], bounds[1:], strict=True))


_TASK: list[Callable[..., Any]] = []


def _set_task(task: Callable[..., Any]) -> None:
    _TASK[:] = [task]


def _run(*args: Any) -> Any:
    return _TASK[0](*args)


class ForkPool:
    """``workers`` forked processes that each run ``task`` on what :meth:`submit` sends.

    ``task`` is inherited by the workers, not pickled, so it may be a closure over the caller's
    documents; its arguments and results are pickled, so keep them small. Objects alive when
    the pool starts are frozen for the collector until :meth:`close`, so the pages holding
    them stay shared with the workers instead of being copied into each.
    """

    def __init__(self, task: Callable[..., Any], workers: int) -> None:
        from concurrent.futures import ProcessPoolExecutor

        gc.freeze()
        try:
            self._pool = ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_set_task,
                initargs=(task,),
            )
        except BaseException:
            gc.unfreeze()
            raise

    def submit(self, *args: Any) -> Future:
        """``task(*args)`` in a worker; its future."""
        return self._pool.submit(_run, *args)

    def close(self, wait: bool = True) -> None:
        """Stop the workers once their work is done (``wait``: here and now, dropping what was
        not started; otherwise the submitted work still completes)."""
        self._pool.shutdown(wait=wait, cancel_futures=wait)
        gc.unfreeze()


def fork_map(task: Callable[..., Any], args: Sequence[tuple], workers: int) -> list[Any]:
    """``[task(*a) for a in args]``, computed by ``workers`` forked processes when
    ``workers > 1`` (in order; an exception in a worker is raised here).

    ``task`` runs in a :class:`ForkPool`: ranges in, arrays out. This process only waits:
    working here too was slower, as its writes then copy the pages it shares with the workers.
    """
    if workers <= 1 or len(args) <= 1:
        return [task(*a) for a in args]
    pool = ForkPool(task, min(workers, len(args)))
    try:
        futures = [pool.submit(*a) for a in args]
        return [f.result() for f in futures]
    finally:
        pool.close()


def map_in_order(
    task: Callable[..., Any], items: Iterable[tuple], workers: int, in_flight: int = 2
) -> Generator[Any, None, None]:
    """``task(*args)`` for every ``args`` of ``items``, yielded in the order of ``items``.

    ``workers <= 1``: computed here, one after the other. Otherwise by a :class:`ForkPool` of
    ``workers`` processes, started when a second item arrives (a lone item is computed here,
    as starting workers would cost more than it saves), with at most ``in_flight`` items per
    worker sent and not yet yielded, so that memory stays bounded whatever the number of
    items. ``items`` is read lazily; an exception in a worker is raised here, and the pool is
    stopped when the caller stops iterating. Warnings a worker issues are issued again here,
    with each result, so that the caller's warning filters and ``catch_warnings`` see them as
    if the work had been done here.

    Example:
        >>> list(map_in_order(lambda a, b: a * b, [(1, 2), (3, 4)], workers=1))
        [2, 12]
    """
    items = iter(items)
    if workers <= 1:
        for args in items:
            yield task(*args)
        return
    first = next(items, None)
    if first is None:
        return
    second = next(items, None)
    if second is None:
        yield task(*first)
        return
    # The task is inherited by the workers, not pickled.
    pool = ForkPool(_WarningsKept(task), workers)
    try:
        pending: deque[Future] = deque([pool.submit(*first), pool.submit(*second)])
        del first, second  # sent: the workers hold them now
        for args in items:
            pending.append(pool.submit(*args))
            del args
            if len(pending) >= in_flight * workers:
                yield _warned(pending.popleft().result())
        while pending:
            yield _warned(pending.popleft().result())
    finally:
        pool.close()


class _WarningsKept:
    """``task`` run in a worker, returning its result and the warnings it issued."""

    def __init__(self, task: Callable[..., Any]) -> None:
        self.task = task

    def __call__(self, *args: Any) -> tuple[Any, list[tuple[Warning, str, int]]]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")  # the caller's filters decide, in _warned
            result = self.task(*args)
        return result, [(w.message, w.filename, w.lineno) for w in caught]  # type: ignore[misc]


def _warned(done: tuple[Any, list[tuple[Warning, str, int]]]) -> Any:
    result, caught = done
    for message, filename, lineno in caught:
        warnings.warn_explicit(message, type(message), filename, lineno)
    return result
