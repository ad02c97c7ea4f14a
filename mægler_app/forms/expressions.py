"""A small condition language for form definitions: parsed once, evaluated without ``eval``.

Form definitions are data that arrive from files and, later, from the server; so conditions are
a closed grammar with no access to Python. The grammar::

    expr  := or
    or    := and ("or" and)*
    and   := not ("and" not)*
    not   := "not" not | cmp
    cmp   := sum (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not in") sum)?
    sum   := atom (("+" | "-") atom)*
    atom  := NUMBER | STRING | true | false | null | "(" expr ")" | "[" [expr ("," expr)*] "]"
           | NAME "(" [expr ("," expr)*] ")" | NAME

A NAME is a question id, a derived value, ``rules.X`` (an integer of ``domain.rules``) or, inside a
per-member group, ``member.X`` (a fact about the company). A missing answer is ``null``; an order
comparison with ``null`` is false, never an error, so a half-filled form can always be evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..domain import rules as _rules
from ..domain.errors import DomainError


class ExpressionError(DomainError):
    """A condition that cannot be parsed or refers to something unknown (Danish message)."""


# The facts about a member company that a per-member condition may read.
MEMBER_FIELDS = frozenset(
    {"name", "cvr", "employees", "is_knowledge_institution", "role", "focus_area", "company_id"}
)

# Functions of the language. ``count`` and ``names`` take a group and evaluate their second
# argument once per member; the others take values.
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "answered": (1, 1),
    "count": (2, 2),
    "names": (2, 2),
    "yes_count": (1, None),
    "no_count": (1, None),
    "partly_count": (1, None),
    "len": (1, 1),
    "sme": (1, 1),
}
_GROUP_FUNCTIONS = frozenset({"count", "names"})


def rule_value(name: str) -> int:
    """An integer constant of ``domain.rules`` by name; ExpressionError for anything else."""
    if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
        raise ExpressionError(f"»rules.{name}« er ikke et tal i programmets regler.")
    value = getattr(_rules, name, None)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ExpressionError(f"»rules.{name}« er ikke et tal i programmets regler.")
    return value


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<num>\d+)
      | (?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
      | (?P<op>==|!=|<=|>=|<|>|\(|\)|\[|\]|,|\+|-)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
    )""",
    re.VERBOSE,
)
_KEYWORDS = frozenset({"and", "or", "not", "in", "true", "false", "null"})


@dataclass(frozen=True)
class Node:
    op: str  # lit | name | call | list | and | or | not | cmp | add | sub
    value: Any = None
    args: tuple[Node, ...] = ()


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise ExpressionError(f"Uforståeligt tegn ved position {pos + 1}: »{text[pos:].strip()[:10]}«.")
        pos = m.end()
        kind = m.lastgroup or ""
        tok = m.group(kind)
        if kind == "name" and tok in _KEYWORDS:
            kind = "kw"
        tokens.append((kind, tok))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.pos = 0

    def peek(self, offset: int = 0) -> tuple[str, str] | None:
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.peek()
        if tok is None:
            raise ExpressionError("Betingelsen slutter for tidligt.")
        self.pos += 1
        return tok

    def accept(self, kind: str, value: str) -> bool:
        tok = self.peek()
        if tok == (kind, value):
            self.pos += 1
            return True
        return False

    def expect(self, kind: str, value: str) -> None:
        if not self.accept(kind, value):
            got = self.peek()
            raise ExpressionError(
                f"Forventede »{value}«, men fandt {'slutningen' if got is None else '»' + got[1] + '«'}."
            )

    def parse(self) -> Node:
        if not self.tokens:
            raise ExpressionError("Betingelsen er tom.")
        node = self.or_()
        if self.peek() is not None:
            raise ExpressionError(f"Uventet »{self.peek()[1]}« i betingelsen.")  # type: ignore[index]
        return node

    def or_(self) -> Node:
        node = self.and_()
        while self.accept("kw", "or"):
            node = Node("or", args=(node, self.and_()))
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.accept("kw", "and"):
            node = Node("and", args=(node, self.not_()))
        return node

    def not_(self) -> Node:
        if self.accept("kw", "not"):
            return Node("not", args=(self.not_(),))
        return self.cmp()

    def cmp(self) -> Node:
        left = self.sum()
        tok = self.peek()
        if tok is None:
            return left
        if tok[0] == "op" and tok[1] in ("==", "!=", "<", "<=", ">", ">="):
            self.pos += 1
            return Node("cmp", tok[1], (left, self.sum()))
        if tok == ("kw", "in"):
            self.pos += 1
            return Node("cmp", "in", (left, self.sum()))
        if tok == ("kw", "not") and self.peek(1) == ("kw", "in"):
            self.pos += 2
            return Node("cmp", "not in", (left, self.sum()))
        return left

    def sum(self) -> Node:
        node = self.atom()
        while True:
            if self.accept("op", "+"):
                node = Node("add", args=(node, self.atom()))
            elif self.accept("op", "-"):
                node = Node("sub", args=(node, self.atom()))
            else:
                return node

    def atom(self) -> Node:
        kind, tok = self.take()
        if kind == "num":
            return Node("lit", int(tok))
        if kind == "str":
            return Node("lit", re.sub(r"\\(.)", r"\1", tok[1:-1]))
        if kind == "kw" and tok in ("true", "false", "null"):
            return Node("lit", {"true": True, "false": False, "null": None}[tok])
        if (kind, tok) == ("op", "-"):
            inner = self.atom()
            return Node("sub", args=(Node("lit", 0), inner))
        if (kind, tok) == ("op", "("):
            node = self.or_()
            self.expect("op", ")")
            return node
        if (kind, tok) == ("op", "["):
            items = self._items("]")
            return Node("list", args=tuple(items))
        if kind == "name":
            if self.accept("op", "("):
                return Node("call", tok, tuple(self._items(")")))
            return Node("name", tok)
        raise ExpressionError(f"Uventet »{tok}« i betingelsen.")

    def _items(self, close: str) -> list[Node]:
        items: list[Node] = []
        if self.accept("op", close):
            return items
        while True:
            items.append(self.or_())
            if self.accept("op", close):
                return items
            self.expect("op", ",")


@dataclass(frozen=True)
class Expression:
    """A parsed condition or value expression, with the names it reads."""

    source: str
    root: Node

    def names(self) -> set[str]:
        found: set[str] = set()

        def walk(node: Node) -> None:
            if node.op == "name":
                found.add(node.value)
            for arg in node.args:
                walk(arg)

        walk(self.root)
        return found

    def calls(self) -> list[Node]:
        found: list[Node] = []

        def walk(node: Node) -> None:
            if node.op == "call":
                found.append(node)
            for arg in node.args:
                walk(arg)

        walk(self.root)
        return found


def parse_expression(text: str) -> Expression:
    if not isinstance(text, str):
        raise ExpressionError("En betingelse skal være en tekst.")
    expr = Expression(text, _Parser(text).parse())
    for call in expr.calls():
        if call.value not in FUNCTIONS:
            raise ExpressionError(f"Ukendt funktion »{call.value}«.")
        low, high = FUNCTIONS[call.value]
        n = len(call.args)
        if n < low or (high is not None and n > high):
            raise ExpressionError(f"Funktionen »{call.value}« har fået {n} argumenter.")
        if call.value in _GROUP_FUNCTIONS and call.args[0].op != "name":
            raise ExpressionError(f"Første argument til »{call.value}« skal være navnet på en gruppe.")
        if call.value == "answered" and call.args[0].op != "name":
            raise ExpressionError("»answered« skal have navnet på et spørgsmål.")
    for name in expr.names():
        if name.startswith("rules."):
            rule_value(name.removeprefix("rules."))
    return expr


class Scope:
    """What a name means while evaluating: answers, derived values, member facts, groups."""

    def __init__(
        self,
        lookup: Callable[[str], Any],
        group_instances: Callable[[str], Iterable[Scope]] | None = None,
        label: Callable[[], str] | None = None,
    ) -> None:
        self.lookup = lookup
        self.group_instances = group_instances or (lambda _g: ())
        self.label = label or (lambda: "")


def _scalar(value: Any) -> Any:
    # A yes/partly/no answer is stored with its comment; conditions compare its choice.
    if isinstance(value, Mapping) and "value" in value:
        return value.get("value")
    return value


def _num(value: Any) -> int | float | None:
    value = _scalar(value)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return value
    return None


def evaluate(expr: Expression | Node, scope: Scope) -> Any:
    node = expr.root if isinstance(expr, Expression) else expr
    op = node.op
    if op == "lit":
        return node.value
    if op == "name":
        name: str = node.value
        if name.startswith("rules."):
            return rule_value(name.removeprefix("rules."))
        return _scalar(scope.lookup(name))
    if op == "list":
        return [evaluate(a, scope) for a in node.args]
    if op == "and":
        return bool(evaluate(node.args[0], scope)) and bool(evaluate(node.args[1], scope))
    if op == "or":
        return bool(evaluate(node.args[0], scope)) or bool(evaluate(node.args[1], scope))
    if op == "not":
        return not evaluate(node.args[0], scope)
    if op in ("add", "sub"):
        a, b = _num(evaluate(node.args[0], scope)), _num(evaluate(node.args[1], scope))
        if a is None or b is None:
            return None
        return a + b if op == "add" else a - b
    if op == "cmp":
        return _compare(node.value, evaluate(node.args[0], scope), evaluate(node.args[1], scope))
    if op == "call":
        return _call(node, scope)
    raise ExpressionError(f"Ukendt udtryk »{op}«.")


def _compare(op: str, a: Any, b: Any) -> bool:
    if op == "==":
        return bool(a == b)
    if op == "!=":
        return bool(a != b)
    if op in ("in", "not in"):
        if isinstance(b, list | tuple | set | frozenset):
            inside = a in b if not isinstance(a, list) else any(x in b for x in a)
        elif isinstance(b, str) and isinstance(a, str):
            inside = a in b
        else:
            inside = False
        return inside if op == "in" else not inside
    na, nb = _num(a), _num(b)
    if na is None or nb is None:
        return False
    return {"<": na < nb, "<=": na <= nb, ">": na > nb, ">=": na >= nb}[op]


def _choice_count(node: Node, scope: Scope, wanted: str) -> int:
    return sum(1 for arg in node.args if evaluate(arg, scope) == wanted)


def _call(node: Node, scope: Scope) -> Any:
    fn = node.value
    if fn == "answered":
        return is_answered(scope.lookup(node.args[0].value))
    if fn == "yes_count":
        return _choice_count(node, scope, "yes")
    if fn == "no_count":
        return _choice_count(node, scope, "no")
    if fn == "partly_count":
        return _choice_count(node, scope, "partly")
    if fn == "sme":
        # The SME limit (and whether it is inclusive) lives in domain.rules, not in definitions.
        return _rules.is_sme(_num(evaluate(node.args[0], scope)))  # type: ignore[arg-type]
    if fn == "len":
        value = evaluate(node.args[0], scope)
        return len(value) if isinstance(value, list | str) else 0
    if fn in _GROUP_FUNCTIONS:
        hits = [inst for inst in scope.group_instances(node.args[0].value) if evaluate(node.args[1], inst)]
        if fn == "count":
            return len(hits)
        return ", ".join(inst.label() for inst in hits)
    raise ExpressionError(f"Ukendt funktion »{fn}«.")


def is_answered(value: Any) -> bool:
    value = _scalar(value)
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, list | dict):
        return len(value) > 0
    return True
