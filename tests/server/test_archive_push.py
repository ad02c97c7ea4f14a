"""The server refuses archiving or deleting a company in an active network (issue 20, item 1), by
``domain.archive.removal_problems``, on SQLite and PostgreSQL; otherwise both apply."""

from __future__ import annotations

from typing import Any

from mægler_app.domain.archive import Removal, removal_problems
from mægler_app.domain.messages import render_all

from .conftest import build_network, change, company_data


def test_a_member_of_an_active_network_is_neither_deleted_nor_archived(make_user: Any) -> None:
    a = make_user()
    ids = build_network(a)
    first, second, third = ids["companies"]
    deleted, archived = a.push(
        change("company", id=first, base=1, deleted=True),
        change("company", {"archived": True}, id=second, base=1),
    )
    assert deleted["status"] == archived["status"] == "rejected"
    assert deleted["message"]["code"] == "company_delete_in_active_network"
    assert deleted["message"]["params"]["networks"] == "Metalnetværket"
    name = company_data()["name"]
    assert archived["error"] == render_all(removal_problems(Removal.ARCHIVE, name, ["Metalnetværket"]))
    seen = a.pull_all()
    assert seen[("company", first)]["deleted"] is False
    assert not seen[("company", second)]["data"].get("archived")

    # the membership removed earlier in the same push: the company may go
    r_member, r_company = a.push(
        change("membership", id=ids["members"][2], base=1, deleted=True),
        change("company", id=third, base=1, deleted=True),
    )
    assert (r_member["status"], r_company["status"]) == ("applied", "applied"), (r_member, r_company)


def test_a_company_outside_networks_is_archived_restored_and_deleted(make_user: Any) -> None:
    a = make_user()
    company = change("company", company_data())
    assert a.push(company)[0]["status"] == "applied"
    (r,) = a.push(change("company", {"archived": True}, id=company["id"], base=1))
    assert r["status"] == "applied" and "ignored_fields" not in r
    assert a.pull_all()[("company", company["id"])]["data"]["archived"] is True
    (r,) = a.push(change("company", {"archived": False}, id=company["id"], base=2))
    assert r["status"] == "applied"
    (r,) = a.push(change("company", id=company["id"], base=3, deleted=True))
    assert r["status"] == "applied"
    assert a.pull_all()[("company", company["id"])]["deleted"] is True
