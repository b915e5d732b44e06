"""Read scaling: public read pages may read from a replica; everything else reads the primary.

The default is the primary. A view opts in with `@replica_reads` (or a block with
`use_replica()`), and only its reads outside a transaction go to the replica
`DATABASE_REPLICA_URL` names. A replica may lag behind the primary, so capacity
checks, registrations, personal pages, the desk and anything inside
`transaction.atomic()` never opt in: they read the primary, which is the one
that decides about seats. Without a replica configured everything uses "default".
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.db import connections

REPLICA = "replica"
_replica_reads: ContextVar[bool] = ContextVar("samspil_replica_reads", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def use_replica() -> Iterator[None]:
    """Let the reads in this block go to the replica (when one is configured)."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


@contextmanager
def use_primary() -> Iterator[None]:
    """Force the primary inside a `use_replica` block, e.g. for a fresh read after a write."""
    token = _replica_reads.set(False)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def replica_reads(view: Callable) -> Callable:
    """Decorate a public, read-only view: its reads may come from the replica."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in {"GET", "HEAD"}:
            return view(request, *args, **kwargs)
        with use_replica():
            return view(request, *args, **kwargs)

    return wrapped


class PrimaryReplicaRouter:
    """Writes, migrations and transactions on the primary; opted-in reads on the replica."""

    def db_for_read(self, model, **hints) -> str:
        if (
            _replica_reads.get()
            and replica_configured()
            and not connections["default"].in_atomic_block
        ):
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # The replica holds the same data as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == "default"
