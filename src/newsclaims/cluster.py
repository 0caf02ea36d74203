"""Extraction on a Dask cluster, through Prefect's Dask task runner (prefect-dask).

Set ``NEWSCLAIMS_DASK_ADDRESS`` (``tcp://scheduler:8786``) and the extract stage
sends its chunks of articles to that cluster instead of this machine's worker
processes: each chunk is a Prefect task run (``extract-chunk``) on a Dask worker,
and its texts and claims come back to the run, which alone writes the warehouse
(DuckDB has one writer). Every batch goes to the cluster, however small: what
is configured is what runs.

The workers need this package installed (the same version: the extractor
version is written into every row) and must reach the Prefect API the run
reports to (``PREFECT_API_URL``; the temporary server a run starts when none is
configured listens on loopback, so it serves workers on the same machine only).
Start them with one thread each (``dask worker ADDRESS --nthreads 1
--nworkers N``): extraction is pure Python, and threads of one process share
one core.
"""

from __future__ import annotations

import collections
import inspect
import logging
import sys
from collections.abc import Callable, Iterable, Iterator

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = "10s"  # how long to wait for the scheduler before the stage fails


def _ship_flow_modules() -> None:
    """A chunk's task run carries its parent's context: the flow and task objects of
    flows/pipeline.py, a project folder the scheduler and workers cannot import. Pickle that
    module by value (the package it calls, newsclaims, is installed there)."""
    import cloudpickle

    for name, module in list(sys.modules.items()):
        if name == "flows" or name.startswith("flows."):
            cloudpickle.register_pickle_by_value(module)


class ClusterUnavailable(RuntimeError):
    """The configured Dask scheduler cannot be reached, or has no workers."""


class DaskPool:
    """A pool of extraction workers on a Dask cluster, used like ``ProcessPoolExecutor``: ``map``
    yields each chunk's result in input order. ``chunks_by_worker`` counts the chunks each worker
    ran, for the run's summary. Unlike this machine's pool, it is given every batch, however small."""

    takes_every_batch = True

    def __init__(self, address: str):
        self.address = address
        self.workers = 0
        self.chunks_by_worker: collections.Counter[str] = collections.Counter()
        self._runner = None

    def __enter__(self) -> DaskPool:
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError as exc:
            raise ClusterUnavailable(
                f"NEWSCLAIMS_DASK_ADDRESS is set ({self.address}) but prefect-dask is not installed: "
                "pip install 'newsclaims[cluster]'") from exc
        runner = DaskTaskRunner(address=self.address, client_kwargs={"timeout": CONNECT_TIMEOUT})
        try:
            runner.__enter__()
            self._runner = runner
            self.workers = sum(runner.client.nthreads().values())  # the client connects here
        except (OSError, TimeoutError) as exc:
            self.__exit__(None, None, None)
            raise ClusterUnavailable(f"cannot reach the Dask scheduler at {self.address} "
                                     f"(NEWSCLAIMS_DASK_ADDRESS): {exc}") from exc
        _ship_flow_modules()
        if not self.workers:
            self.__exit__(None, None, None)
            raise ClusterUnavailable(f"the Dask scheduler at {self.address} has no workers")
        log.info("extracting on the Dask cluster at %s: %d worker threads", self.address, self.workers)
        return self

    def __exit__(self, *exc) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            runner.__exit__(*exc)

    def map(self, fn: Callable, *iterables: Iterable) -> Iterator:
        """``fn`` over the zipped ``iterables``, each call a Prefect task run on a worker."""
        from prefect import task
        from prefect.cache_policies import NO_CACHE
        from prefect.settings import PREFECT_API_URL, temporary_settings

        # results travel back through Dask, not through Prefect's result storage
        remote = task(fn, name="extract-chunk", cache_policy=NO_CACHE, persist_result=False)
        names = list(inspect.signature(fn).parameters)
        # the task runs carry this process's Prefect settings: name the API it reports to (the run's
        # temporary server has no configured address), or each worker would start a server of its own
        with temporary_settings({PREFECT_API_URL: self._api_url()}):
            futures = [self._runner.submit(remote, dict(zip(names, args, strict=False)))
                       for args in zip(*iterables, strict=True)]
        for future in futures:
            result = future.result()
            # the worker holding the result is the one that ran the chunk
            for holders in self._runner.client.who_has([future.wrapped_future]).values():
                self.chunks_by_worker.update(holders[:1])
            future.wrapped_future.release()
            yield result

    @staticmethod
    def _api_url() -> str:
        from prefect.client.orchestration import get_client

        with get_client(sync_client=True) as client:
            return str(client.api_url)

    def describe(self) -> str:
        return f"Dask cluster at {self.address} ({self.workers} worker threads)"
