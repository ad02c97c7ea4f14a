"""What a use case changed: the entities and the records, so each screen refreshes itself.

A use case says what it changed; the ui runs it through ``ui/ops.py`` and announces its
``Changes`` once on the bus, and every view looks in it for the entities it lists. No widget names
entities itself (STYLE.md item 12, after Anki's ``OpChanges``).

``@changing("company")`` over a service function keeps the function as it was (the command line
and the tests call it as before) and adds ``fn.done(...)``: the same call, returning ``Done`` (the
value and its ``Changes``). A use case whose changes depend on what it did declares them with a
function of its result instead of entity names.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

# Entities that are not records but state views show: the sync's own (outbox, account, role).
SYNC_STATE = "sync"


@dataclass(frozen=True)
class Changes:
    """Entities changed (``"company"``, ``"network"``, ...) and, where known, which records.

    ``everything`` stands for "anything may have changed" (a sync that broke off, a restore):
    every listener refreshes. Combine with ``|``; an empty ``Changes`` is false.
    """

    entities: frozenset[str] = frozenset()
    ids: frozenset[tuple[str, str]] = frozenset()  # (entity, record id)
    everything: bool = False

    NONE: ClassVar[Changes]
    ALL: ClassVar[Changes]

    @classmethod
    def of(cls, entity: str, *ids: str | None) -> Changes:
        """``entity`` changed; the records ``ids`` of it, if given (None is left out)."""
        return cls(frozenset({entity}), frozenset((entity, i) for i in ids if i))

    @classmethod
    def of_all(cls, entities: Iterable[str]) -> Changes:
        return cls(frozenset(entities))

    @classmethod
    def of_records(cls, keys: Iterable[tuple[str, str]]) -> Changes:
        """The records ``(entity, id)`` changed (a sync's pulled records)."""
        pairs = frozenset(keys)
        return cls(frozenset(e for e, _ in pairs), pairs)

    def __or__(self, other: Changes) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        return Changes(
            self.entities | other.entities, self.ids | other.ids, self.everything or other.everything
        )

    def __bool__(self) -> bool:
        return self.everything or bool(self.entities)

    def touches(self, *entities: str) -> bool:
        """Whether any of ``entities`` changed (always, when everything may have)."""
        return self.everything or not self.entities.isdisjoint(entities)

    def ids_of(self, entity: str) -> frozenset[str]:
        """The ids known to have changed of ``entity`` (empty when only the entity is known)."""
        return frozenset(i for e, i in self.ids if e == entity)

    def __str__(self) -> str:  # for logs and test failures
        if self.everything:
            return "Changes(*)"
        return "Changes(" + ", ".join(sorted(self.entities)) + ")"


Changes.NONE = Changes()
Changes.ALL = Changes(everything=True)


@dataclass(frozen=True)
class Done(Generic[T]):
    """A use case's value and what it changed."""

    value: T
    changes: Changes = field(default=Changes.NONE)

    def also(self, changes: Changes) -> Done[T]:
        """The same value, with more changes (a use case run right after, in the same operation)."""
        return Done(self.value, self.changes | changes)


class UseCase(Generic[P, T]):
    """A service function that says what it changed (see the module doc)."""

    def __init__(self, fn: Callable[P, T], changed: Callable[[T], Changes]) -> None:
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.changed = changed

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> T:
        return self.fn(*args, **kwargs)

    def done(self, *args: P.args, **kwargs: P.kwargs) -> Done[T]:
        value = self.fn(*args, **kwargs)
        return Done(value, self.changed(value))


def changing(
    *entities: str, of: Callable[[Any], Changes] | None = None
) -> Callable[[Callable[P, T]], UseCase[P, T]]:
    """Declare what a use case changes: ``entities`` (the first one's record id is the result when
    the result is an id), or ``of(result)`` when it depends on what the use case did."""

    def changed(value: Any) -> Changes:
        if of is not None:
            return of(value)
        result = Changes.of_all(entities)
        if entities and isinstance(value, str):
            result = result | Changes.of(entities[0], value)
        carried = getattr(value, "changes", None)  # a result that knows more says so itself
        if isinstance(carried, Changes):
            result = result | carried
        return result

    def wrap(fn: Callable[P, T]) -> UseCase[P, T]:
        return UseCase(fn, changed)

    return wrap


def done(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Done[T]:
    """Run ``fn`` and say what it changed: a ``UseCase`` knows; a plain function (a test's stand-in)
    changed nothing that it can tell, unless its result carries ``changes``."""
    if isinstance(fn, UseCase):
        return fn.done(*args, **kwargs)
    value = fn(*args, **kwargs)
    if isinstance(value, Changes):  # a use case whose only result is what it changed
        return Done(value, value)
    carried = getattr(value, "changes", None)
    return Done(value, carried if isinstance(carried, Changes) else Changes.NONE)
