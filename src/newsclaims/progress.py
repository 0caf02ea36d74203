"""Progress bars for long stages: on a terminal only, quiet in logs, pipes and CI.

``bar(total, what)`` is a tqdm bar on standard error when that is a terminal (and neither
``CI`` nor ``NEWSCLAIMS_PROGRESS=0`` is set), else an object that ignores its updates.
"""

from __future__ import annotations

import os
import sys


class _Quiet:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass


def enabled() -> bool:
    if os.environ.get("NEWSCLAIMS_PROGRESS", "").strip() in ("0", "false", "no"):
        return False
    if os.environ.get("CI") and os.environ.get("NEWSCLAIMS_PROGRESS", "").strip() not in ("1", "true", "yes"):
        return False
    return sys.stderr.isatty()


def bar(total: int, what: str, unit: str = "article"):
    if not enabled() or total <= 0:
        return _Quiet()
    from tqdm import tqdm

    return tqdm(total=total, desc=what, unit=unit, leave=False, dynamic_ncols=True, file=sys.stderr)
