"""A bounded schemathesis run against /openapi.json: no input makes the server answer 500."""

from __future__ import annotations

from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402

from .conftest import HEADERS  # noqa: E402

EXAMPLES_PER_OPERATION = 15
CASEWORKER_PATHS = ("/decision", "/forms", "/stats")


def test_no_input_gives_a_500(server: Any, make_user: Any) -> None:
    broker = make_user()
    schema = schemathesis.openapi.from_url(f"{server.base}/openapi.json")
    caseworker = make_user("caseworker")
    failures: list[str] = []
    calls: list[int] = []
    per_op: list[Any] = []

    def run(op: Any, mode: Any) -> None:
        who = caseworker if any(w in op.path for w in CASEWORKER_PATHS) else broker
        headers = {"Authorization": f"Bearer {who.token}", **HEADERS}

        @given(case=op.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
            # The same examples every run: CI is not red or green by the luck of the draw.
            derandomize=True,
        )
        def check(case: Any) -> None:
            response = case.call(headers=headers, timeout=30)
            calls.append(response.status_code)
            per_op.append((op.method.upper(), op.path, response.status_code, mode))
            if response.status_code >= 500:
                failures.append(
                    f"{op.method.upper()} {op.path}: {response.status_code} {response.text[:200]}"
                )
            elif response.status_code >= 400:
                body = response.json()
                assert isinstance(body, dict) and set(body) == {"error", "detail"}, response.text

        try:
            check()
        except Unsatisfiable:
            # An operation without parameters or body has no negative examples (healthz, me).
            assert mode == schemathesis.GenerationMode.NEGATIVE

    for operation in schema.get_all_operations():
        if operation.ok().path.endswith("/auth/logout"):
            continue  # it would revoke the token the rest of the run uses; tested in test_auth.py
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            run(operation.ok(), mode)
    assert len(calls) > 100
    # Logged in throughout: the only 401s are the fuzzed logins themselves.
    assert {p for m, p, c, _mode in per_op if c == 401} <= {"/api/v1/auth/login"}
    # The generated input gets past validation to the sync handlers themselves.
    accepted = {(m, p) for m, p, c, _mode in per_op if 200 <= c < 300}
    assert {("POST", "/api/v1/sync/push"), ("GET", "/api/v1/sync/pull")} <= accepted
    assert not failures, failures
