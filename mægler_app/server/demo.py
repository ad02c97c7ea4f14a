"""``maegler-server demo``: a whole programme, seeded through the server's own rules.

About twenty brokers each build a register of companies and networks the way the app does and
send it the way the app does: real HTTP to this server, started in-process on 127.0.0.1, with the
protocol header, one push per "sync", receipts uploaded by their SHA-256. A caseworker decides
the submitted applications through the decision endpoint (approvals with the bonus, rejections
with a reason); the brokers pull, and carry their approved networks on to trin 3, write new
revisions after a rejection, close some, and register satisfaction answers and key figures for
several years. Nothing is written into the database directly: whatever the server refuses of it
stops the seeding with the server's reason (it would be a bug in this module or in a rule).

The same ``seed`` gives the same programme (names, ids, answers, decisions); times are relative
to today.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import random
import socket
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import requests
from sqlalchemy import select

from ..demo_files import RECEIPT_NAME, receipt_pdf
from ..domain.cvr import make_valid_cvr
from ..domain.messages import Msg
from ..domain.money import split_by_basis_points
from ..domain.rules import (
    CONSULTANT_HOURS_MAX,
    CONSULTANT_HOURS_MIN,
    PERIOD_MONTHS_MAX,
    PERIOD_MONTHS_MIN,
    SPLIT_TOTAL_BASIS_POINTS,
)
from ..domain.satisfaction import occasions_reached
from ..domain.stages import NetworkFacts, Stage, missing_for, next_stage, transition, with_move
from ..domain.sync_contract import API_PREFIX, PROTOCOL_HEADER, PROTOCOL_VERSION
from ..domain.timeutil import utcnow
from ..domain.validation import BudgetCheck, check_hours, check_months, check_split, receipt_required
from ..domain.vocab import (
    ActionPlanElement,
    ApplicationStatus,
    CloseReason,
    Decision,
    ExpenseCategory,
    ExpenseStatus,
    FocusArea,
    FollowUpKind,
    GustavssonDimension,
    LeadSource,
    MeetingKind,
    MemberRole,
    NetworkType,
    Role,
    ScreeningStatus,
    SplitMode,
    Verdict,
)
from ..forms import SCREENING_FORM_ID, FormContext, FormDefinition, MemberInfo, bundled_registry
from ..forms.fill import FROZEN_CONTEXT_KEY, frozen_context, screening_answers
from ..forms.screening import screening_context
from .db import Database
from .errors import OperatorError

DEMO_CASEWORKER = "sagsbehandler"
DEFAULT_BROKERS = 20
KEY_FIGURE_YEARS = 3  # key figures for the last three whole years

# Every field a laptop sends for a new record, with the value a new record has (store/models.py;
# tests/server/test_demo.py checks that the two agree).
_DEFAULTS: dict[str, dict[str, Any]] = {
    "company": {"address": "", "postcode": "", "city": "", "municipality": "", "employees": None,
                "focus_area": FocusArea.OTHER, "industry": "", "is_knowledge_institution": False,
                "website": "", "notes": "", "baseline_year": None, "archived": False},
    "contact": {"role": "", "email": "", "phone": "", "consent_date": None, "anonymized": False},
    "network": {"network_type": "", "core_task": "", "participants_text": "", "goals": "", "terms": "",
                "lead_source": "", "stage": Stage.CANDIDATE, "stage_changed_at": None, "stage_history": [],
                "facilitation_opened_on": None, "closed_reason": "", "closed_reason_text": "",
                "closed_on": None, "stage_3_on": None, "stage_3_evidence": "", "notes": ""},
    "membership": {"role": MemberRole.MEMBER, "goals": ""},
    "screening": {"answers": {}, "status": ScreeningStatus.DRAFT, "verdict": "", "reasons": [],
                  "finalized_at": None},
    "meeting": {"kind": MeetingKind.OTHER, "place": "", "participant_contact_ids": [],
                "other_participants": "", "agenda": "", "minutes": "", "decisions": "", "next_steps": [],
                "dimensions": [], "planned": False, "estimated_cost_ore": 0},  # --- retention: keep_until is the server's (no default)
    "expense": {"meeting_id": None, "category": ExpenseCategory.OTHER, "description": "",
                "receipt_sha256": "", "receipt_name": "", "status": ExpenseStatus.FINAL,
                "override_reason": ""},  # --- retention
    "application": {"revision": 1, "previous_id": None, "market_perspective": "", "economic_perspective": "",
                    "technology_perspective": "", "strategy_perspective": "", "expected_growth": {},
                    "consultant_name": "", "consultant_firm": "", "consultant_by_vaeksthus": False,
                    "consultant_hours": None, "hourly_rate_ore": None, "period_months": None,
                    "split_mode": SplitMode.EQUAL, "split_basis_points": {}, "status": ApplicationStatus.DRAFT,
                    "submitted_at": None},  # --- retention
    "action_plan": {"application_id": None, "elements": {}, "start_date": None, "end_date": None, "notes": ""},
    "effect_measurement": {"turnover_ore": None, "value_added_ore": None, "export_ore": None,
                           "employees": None},
    "satisfaction": {"comment": "", "contact_id": None},
    "follow_up": {"kind": FollowUpKind.GUIDANCE, "next_on": None},  # --- followup (a caseworker's)
}  # fmt: skip

_BROKER_NAMES = [
    "Anna Kjær", "Bo Lindgaard", "Camilla Bach", "Dorthe Skov", "Erik Mølgaard", "Frederik Holm",
    "Gitte Damgaard", "Henrik Vestergaard", "Ida Brøndum", "Jakob Thygesen", "Karina Lauridsen",
    "Lars Bisgaard", "Mette Kirkegaard", "Niels Overgaard", "Ole Søndergaard", "Pia Rasmussen",
    "Rasmus Hedegaard", "Signe Nørgaard", "Thomas Bundgaard", "Ulla Fogh", "Vibeke Krogh",
    "Anders Lykke", "Birgitte Høj", "Claus Ravn",
]  # fmt: skip
_CASEWORKER_NAME = "Karen Væksthus-Jensen"
_TOWNS = [
    ("Aarhus", "8000"), ("Herning", "7400"), ("Viborg", "8800"), ("Randers", "8900"), ("Silkeborg", "8600"),
    ("Horsens", "8700"), ("Holstebro", "7500"), ("Skive", "7800"), ("Ikast", "7430"), ("Grenaa", "8500"),
    ("Lemvig", "7620"), ("Struer", "7600"), ("Odder", "8300"), ("Skanderborg", "8660"), ("Brande", "7330"),
]  # fmt: skip
_TRADES = [
    "Stålteknik", "Maskinfabrik", "Køleteknik", "Plast", "Elektronik", "Automation", "Fødevarer", "Emballage",
    "Træindustri", "Energiteknik", "Medico", "Software", "Smedie", "Værktøj", "Overfladebehandling",
]  # fmt: skip
_FIRST = ["Jens", "Mette", "Søren", "Anne", "Peter", "Lone", "Kasper", "Niels", "Birgitte", "Torben", "Hanne"]
_LAST = ["Kragh", "Lund", "Østergaard", "Bech", "Thøgersen", "Holm", "Dahl", "Juhl", "Friis", "Winther"]
_KNOWLEDGE = ["Aarhus Universitet, Herning", "Teknologisk Institut, Aarhus", "VIA University College"]

# What each broker's networks become (each broker has one of each, so every stage is there, and
# a few more drawn from the list).
FATES = (
    "candidate",  # members still being found, no screening
    "screened",  # a final screening that did not pass
    "stage_1",  # passed, facilitation under way, an application being written
    "application",  # submitted, waiting for Væksthus
    "stage_2",  # approved: action plan
    "stage_3",  # approved, action plan carried out: a business network
    "rejected",  # rejected with a reason: back at trin 1, a second revision in draft
    "closed",  # passed, then closed by the broker
)


class DemoError(OperatorError):
    """The server refused what the demo sent, or the database cannot take a demo."""


@dataclass
class DemoSummary:
    brokers: list[str]
    caseworker: str
    stages: Counter[str]
    approved: int
    rejected: int
    records: int


# -- the server, in-process, on 127.0.0.1 ---------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_server(db: Database) -> Iterator[str]:
    """This database served on 127.0.0.1 in a thread of this process; yields the API's base URL."""
    import uvicorn

    from .app import create_app

    port = _free_port()
    config = uvicorn.Config(
        create_app(db), host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="maegler-demo-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise DemoError(str(Msg.DEMO_SERVER_DID_NOT_START()))
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}{API_PREFIX}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


class _Http:
    """A client of the API as the app is one: the protocol header, a bearer token, JSON bodies."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.session = requests.Session()
        self.session.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)

    def call(self, method: str, path: str, **kw: Any) -> Any:
        resp = self.session.request(method, self.base + path, timeout=120, **kw)
        if resp.status_code >= 400:
            try:
                detail = resp.json().get("detail", resp.text)
            except ValueError:
                detail = resp.text
            raise DemoError(str(Msg.DEMO_REFUSED(reason=f"{method} {path}: {resp.status_code} {detail}")))
        return resp.json()

    def login(self, username: str, password: str) -> None:
        body = self.call("POST", "/auth/login", json={"username": username, "password": password})
        self.session.headers["Authorization"] = f"Bearer {body['token']}"

    def close(self) -> None:
        self.session.close()


# -- a broker's laptop, as far as the server can tell ---------------------------------------------------


class _Laptop:
    """A broker's records and the versions the server gave them; changes go out in pushes."""

    def __init__(self, http: _Http, rng: random.Random) -> None:
        self.http = http
        self.rng = rng
        self.client_id = self.uid()
        self.versions: dict[tuple[str, str], int] = {}
        self.data: dict[tuple[str, str], dict[str, Any]] = {}
        self.outgoing: list[dict[str, Any]] = []
        self.since = 0

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def create(self, entity: str, record_id: str | None = None, **fields: Any) -> str:
        record_id = record_id or self.uid()
        data = {**_DEFAULTS[entity], **fields}
        self.data[(entity, record_id)] = data
        self.outgoing.append(self._change(entity, record_id, data))
        return record_id

    def update(self, entity: str, record_id: str, **fields: Any) -> None:
        """A change to a record; folded into its change not sent yet, as the app's outbox folds it."""
        self.data[(entity, record_id)].update(fields)
        for ch in self.outgoing:
            if (ch["entity"], ch["id"]) == (entity, record_id):
                ch["data"].update({k: _json(v) for k, v in fields.items()})
                return
        self.outgoing.append(self._change(entity, record_id, fields))

    def _change(self, entity: str, record_id: str, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "change_id": self.uid(),
            "entity": entity,
            "id": record_id,
            "base_version": self.versions.get((entity, record_id), 0),
            "deleted": False,
            "data": {k: _json(v) for k, v in data.items()},
        }

    def sync(self) -> int:
        """Push what is waiting (each change must be applied), then pull what the server changed."""
        sent = 0
        while self.outgoing:
            now, self.outgoing = self.outgoing[:500], self.outgoing[500:]
            body = {"client_id": self.client_id, "protocol_version": PROTOCOL_VERSION, "changes": now}
            results = self.http.call("POST", "/sync/push", json=body)["results"]
            for ch, res in zip(now, results, strict=True):
                if res["status"] not in ("applied", "duplicate"):
                    reason = res.get("error") or res["status"]
                    raise DemoError(str(Msg.DEMO_REFUSED(reason=f"{ch['entity']} {ch['id']}: {reason}")))
                self.versions[(ch["entity"], ch["id"])] = int(res["version"])
            sent += len(now)
        self.pull()
        return sent

    def pull(self) -> None:
        while True:
            page = self.http.call("GET", "/sync/pull", params={"since": self.since, "limit": 1000})
            for ch in page["changes"]:
                key = (ch["entity"], ch["id"])
                self.versions[key] = int(ch["version"])
                self.data[key] = dict(ch["data"])
            self.since = int(page["next_since"])
            if not page["has_more"]:
                return


def _json(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    return value


# -- one network's way, by the stage machine ----------------------------------------------------------


@dataclass
class _Company:
    id: str
    name: str
    cvr: str
    employees: int
    focus_area: str
    knowledge: bool
    contact_id: str


@dataclass
class _Network:
    id: str
    fate: str
    members: list[tuple[_Company, str]]
    created: dt.datetime
    stage: Stage = Stage.CANDIDATE
    facts: NetworkFacts = field(default_factory=NetworkFacts)
    history: list[dict[str, str]] = field(default_factory=list)
    opened_on: dt.date | None = None
    spent_ore: int = 0
    application_id: str | None = None
    meetings: list[str] = field(default_factory=list)
    membership_ids: list[str] = field(default_factory=list)

    def move(self, target: Stage, at: dt.datetime, *, close_reason: str = "") -> None:
        """A move ``transition`` allows from the facts the network has (it raises otherwise)."""
        self.stage = transition(self.stage, target, self.facts, close_reason=close_reason)
        self.history = with_move(self.history, target, at)

    def advance(self, at: dt.datetime) -> None:
        while (nxt := next_stage(self.stage)) is not None and not missing_for(self.stage, nxt, self.facts):
            self.move(nxt, at)

    def stage_fields(self, at: dt.datetime) -> dict[str, Any]:
        return {"stage": self.stage, "stage_changed_at": at, "stage_history": self.history}

    @property
    def independent(self) -> list[_Company]:
        return [c for c, role in self.members if role != MemberRole.KNOWLEDGE]


def _context(laptop: _Laptop, net: _Network) -> FormContext:
    """What the screening is filled in about: the same function the app and the server use, on the
    records as this broker sent them."""
    members = [laptop.data[("membership", m)] for m in net.membership_ids]
    companies = {c.id: {"id": c.id, **laptop.data[("company", c.id)]} for c, _ in net.members}
    return screening_context(laptop.data[("network", net.id)], members, companies)


class _Programme:
    """Builds one broker's part of the programme and sends it, a phase at a time."""

    def __init__(self, laptop: _Laptop, rng: random.Random, broker_no: int, defn: FormDefinition,
                 today: dt.date, receipt_sha: str) -> None:  # fmt: skip
        self.laptop = laptop
        self.rng = rng
        self.no = broker_no
        self.defn = defn
        self.today = today
        self.now = dt.datetime(today.year, today.month, today.day, 9, tzinfo=dt.UTC)
        self.receipt_sha = receipt_sha
        self.companies: list[_Company] = []
        self.networks: list[_Network] = []
        self.measured: set[str] = set()  # companies whose key figures are registered

    # phase 1: the register, networks at candidate, their members and first meetings
    def register(self, fates: list[str]) -> None:
        lp, rng = self.laptop, self.rng
        n_companies = 4 * len(fates) + 4
        for i in range(n_companies):
            town, postcode = rng.choice(_TOWNS)
            knowledge = i < 2  # two knowledge institutions per broker
            name = (
                _KNOWLEDGE[(self.no + i) % len(_KNOWLEDGE)]
                if knowledge
                else (f"{town} {rng.choice(_TRADES)} {rng.choice(['ApS', 'A/S'])}")
            )
            employees = rng.choice([6, 12, 18, 25, 40, 55, 80, 120, 180, 240]) if not knowledge else 300
            cvr = make_valid_cvr(10_000 + self.no * 1_000 + i)  # unique within the broker (and beyond)
            focus = rng.choice(list(FocusArea))
            company_id = lp.create(
                "company", cvr=cvr, name=name, address=f"Erhvervsvej {rng.randint(1, 120)}",
                postcode=postcode, city=town, municipality=town, employees=employees, focus_area=focus,
                industry=rng.choice(_TRADES), is_knowledge_institution=knowledge,
                website=f"www.demo-{self.no}-{i}.dk",
            )  # fmt: skip
            person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            contact_id = lp.create(
                "contact", company_id=company_id, name=person, role=rng.choice(["Direktør", "Ejer", "Salgschef"]),
                email=f"{person.split()[0].lower().replace('ø', 'oe')}@demo-{self.no}-{i}.dk",
                consent_date=self.today - dt.timedelta(days=rng.randint(200, 900)),
            )  # fmt: skip
            self.companies.append(_Company(company_id, name, cvr, employees, focus, knowledge, contact_id))
        independent = [c for c in self.companies if not c.knowledge]
        knowledge_institutions = [c for c in self.companies if c.knowledge]
        for k, fate in enumerate(fates):
            created = self.now - dt.timedelta(days=rng.randint(400, 1000))
            chosen = rng.sample(independent, k=2 if fate == "candidate" else rng.randint(3, 4))
            members: list[tuple[_Company, str]] = [
                (c, MemberRole.LEAD if j == 0 else MemberRole.MEMBER) for j, c in enumerate(chosen)
            ]
            if fate in ("stage_2", "stage_3") and rng.random() < 0.5:
                members.append((rng.choice(knowledge_institutions), MemberRole.KNOWLEDGE))
            net = _Network(self.laptop.uid(), fate, members, created)
            net.history = with_move([], Stage.CANDIDATE, created)
            self.networks.append(net)
            lp.create(
                "network",
                record_id=net.id,
                name=f"{rng.choice(_TRADES)}netværket {self.no + 1}.{k + 1}",
                network_type=rng.choice(list(NetworkType)),
                core_task="Fælles udvikling af produkter og markeder.",
                participants_text=", ".join(c.name for c, _ in members),
                goals="Flere ordrer og nye markeder for alle deltagere.",
                terms="Styregruppe med én repræsentant fra hver virksomhed.",
                lead_source=rng.choice(list(LeadSource)),
                **net.stage_fields(created),
            )
            for company, role in members:
                net.membership_ids.append(
                    lp.create("membership", network_id=net.id, company_id=company.id, role=role)
                )
            independent_n = sum(1 for _, r in members if r != MemberRole.KNOWLEDGE)
            net.facts = NetworkFacts(
                independent_companies=independent_n, knowledge_institutions=len(members) - independent_n
            )
            self._meeting(net, created + dt.timedelta(days=rng.randint(5, 20)), MeetingKind.COMPANY_VISIT)

    def _meeting(self, net: _Network, when: dt.datetime, kind: str) -> str:
        participants = [c.contact_id for c, _ in net.members]
        meeting_id = self.laptop.create(
            "meeting", network_id=net.id, starts_at=when, kind=kind, place="Hos tovholdervirksomheden",
            participant_contact_ids=participants, agenda="Status og næste skridt",
            minutes="Deltagerne drøftede mulige fælles opgaver.", decisions="Næste møde aftalt.",
            next_steps=[{"text": "Udsende referat", "owner": "Netværksmægler",
                         "due": (when.date() + dt.timedelta(days=3)).isoformat(), "done": True}],
            dimensions=[GustavssonDimension.PARTIES, GustavssonDimension.VISION],
        )  # fmt: skip
        if net.opened_on is not None and when.date() >= net.opened_on:
            net.meetings.append(meeting_id)
        return meeting_id

    # phase 2: screenings (verdicts by the forms engine), the moves they allow, facilitation
    def screen(self) -> None:
        lp, rng = self.laptop, self.rng
        for net in self.networks:
            if net.fate == "candidate":
                continue
            at = net.created + dt.timedelta(days=rng.randint(25, 60))
            ctx = _context(lp, net)
            answers, evaluation = screening_answers(self.defn, ctx, rng, fail=net.fate == "screened")
            if evaluation.issues:
                raise DemoError(str(Msg.DEMO_REFUSED(reason=evaluation.issues[0].message)))
            answers[FROZEN_CONTEXT_KEY] = frozen_context(ctx)
            lp.create(
                "screening", network_id=net.id, form_id=self.defn.id, form_version=self.defn.version,
                answers=answers, status=ScreeningStatus.FINAL, verdict=evaluation.verdict,
                reasons=list(evaluation.reasons), finalized_at=at,
            )  # fmt: skip
            passed = evaluation.verdict == Verdict.PASSED
            net.facts = replace(net.facts, screening_final=True, screening_passed=passed)
            net.advance(at)
            fields = net.stage_fields(at)
            if passed:
                net.opened_on = at.date()
                fields["facilitation_opened_on"] = net.opened_on
            lp.update("network", net.id, **fields)
            if passed:
                for j, kind in enumerate([MeetingKind.STRATEGIC_STARTING_POINT, MeetingKind.TENTATIVE_PLAN]):
                    self._meeting(net, at + dt.timedelta(days=10 + 15 * j), kind)
                self._expenses(net)

    def _expenses(self, net: _Network) -> None:
        rng = self.rng
        assert net.opened_on is not None
        for k in range(rng.randint(3, 6)):
            big = k == 0 or rng.random() < 0.15
            amount = rng.randint(600_00, 2_800_00) if big else rng.randint(80_00, 480_00)
            if BudgetCheck(spent_ore=net.spent_ore, new_ore=amount).exceeds:
                continue
            net.spent_ore += amount
            with_receipt = receipt_required(amount) and rng.random() < 0.7
            self.laptop.create(
                "expense", network_id=net.id, meeting_id=rng.choice(net.meetings) if net.meetings else None,
                spent_on=net.opened_on + dt.timedelta(days=rng.randint(5, 60)),
                category=ExpenseCategory.MEETING_ROOM if big else ExpenseCategory.CATERING,
                description="Lokaleleje og forplejning, workshop" if big else "Forplejning ved møde",
                amount_ore=amount,
                receipt_sha256=self.receipt_sha if with_receipt else "",
                receipt_name=RECEIPT_NAME if with_receipt else "",
                status=ExpenseStatus.DRAFT if receipt_required(amount) and not with_receipt else ExpenseStatus.FINAL,
            )  # fmt: skip

    # phase 3: applications, submitted for the networks that go on
    def apply(self) -> None:
        for net in self.networks:
            if net.stage != Stage.STAGE_1 or net.fate == "closed":
                continue
            complete = net.fate != "stage_1"
            net.application_id = self.laptop.create(
                "application", **self._application(net, complete=complete)
            )
            if complete:
                at = self.now - dt.timedelta(days=self.rng.randint(20, 120))
                self.laptop.update(
                    "application", net.application_id, status=ApplicationStatus.SUBMITTED, submitted_at=at
                )
                net.facts = replace(net.facts, application_submitted=True)
                net.move(Stage.APPLICATION, at)
                self.laptop.update("network", net.id, **net.stage_fields(at))

    def _application(self, net: _Network, *, complete: bool, revision: int = 1,
                     previous_id: str | None = None) -> dict[str, Any]:  # fmt: skip
        rng = self.rng
        ids = [c.id for c in net.independent]
        custom = complete and rng.random() < 0.3
        if custom:
            weights = [rng.randint(1, 4) for _ in ids]
            split = dict(zip(ids, split_by_basis_points(SPLIT_TOTAL_BASIS_POINTS, weights), strict=True))
        else:
            split = dict(
                zip(ids, split_by_basis_points(SPLIT_TOTAL_BASIS_POINTS, [1] * len(ids)), strict=True)
            )
        hours = rng.randrange(CONSULTANT_HOURS_MIN, CONSULTANT_HOURS_MAX + 1, 10)
        months = rng.randint(PERIOD_MONTHS_MIN, PERIOD_MONTHS_MAX)
        if check_hours(hours) or check_months(months) or check_split(list(split.values())):
            raise AssertionError("demo application outside the rules")
        return {
            "network_id": net.id,
            "revision": revision,
            "previous_id": previous_id,
            "market_perspective": "Fælles adgang til større kunder i Norden og Tyskland.",
            "economic_perspective": "Lavere omkostninger ved fælles indkøb og produktion.",
            "technology_perspective": "Deling af produktionsudstyr og udviklingskompetencer."
            if complete
            else "",
            "strategy_perspective": "Netværket skal stå som én leverandør over for kunderne."
            if complete
            else "",
            "expected_growth": {
                cid: {"turnover_pct_bp": rng.choice([500, 1000, 1500]), "employment": rng.randint(1, 4)}
                for cid in ids
            },
            "consultant_name": rng.choice(["Lone Vestergaard", "Henrik Bak", "Maria Due"])
            if complete
            else "",
            "consultant_firm": rng.choice(["Vækstrådgivning ApS", "Strategihuset A/S"]) if complete else "",
            "consultant_hours": hours if complete else None,
            "hourly_rate_ore": rng.choice([850, 950, 1_100]) * 100 if complete else None,
            "period_months": months if complete else None,
            "split_mode": SplitMode.CUSTOM if custom else SplitMode.EQUAL,
            "split_basis_points": split,
        }

    def decisions_wanted(self) -> list[tuple[str, str, str]]:
        """(application id, decision, comment) for the caseworker."""
        out: list[tuple[str, str, str]] = []
        for net in self.networks:
            if net.stage != Stage.APPLICATION or net.application_id is None:
                continue
            if net.fate in ("stage_2", "stage_3"):
                out.append(
                    (net.application_id, Decision.APPROVED, "Bevilget: en klar plan med realistiske mål.")
                )
            elif net.fate == "rejected":
                out.append(
                    (
                        net.application_id,
                        Decision.REJECTED,
                        "Afslået: forretningspotentialet er ikke beskrevet konkret nok for den enkelte virksomhed.",
                    )
                )
        return out

    # phase 4: after the decisions (pulled): action plans, trin 3, new revisions, closing, effects
    def follow_up(self, years: list[int]) -> None:
        lp, rng = self.laptop, self.rng
        for net in self.networks:
            stored = lp.data[("network", net.id)]
            server_stage = Stage(stored["stage"])
            if net.application_id is not None:
                status = lp.data[("application", net.application_id)].get("status")
                if status == ApplicationStatus.APPROVED:
                    net.facts = replace(net.facts, application_approved=True)
                elif status == ApplicationStatus.REJECTED:
                    net.facts = replace(net.facts, application_rejected=True)
            # The decision moved the network on the server; the laptop takes its stage and history.
            net.stage = server_stage
            net.history = list(stored.get("stage_history") or [])
            if net.fate in ("stage_2", "stage_3") and net.application_id is not None:
                start = self.today - dt.timedelta(days=rng.randint(20, 60))
                lp.create(
                    "action_plan", network_id=net.id, application_id=net.application_id,
                    elements={str(e): True for e in ActionPlanElement},
                    start_date=start, end_date=start + dt.timedelta(days=30 * rng.randint(6, 12)),
                    notes="Handlingsplanen er aftalt med konsulenten og virksomhederne.",
                )  # fmt: skip
                if net.fate == "stage_3":
                    evidence = "Fælles salgsselskab stiftet; første fælles ordre leveret."
                    net.facts = replace(net.facts, action_plan_started=True, stage_3_evidence=evidence)
                    at = utcnow()  # after the decision, which the server made just now
                    net.move(Stage.STAGE_3, at)
                    lp.update(
                        "network", net.id, **net.stage_fields(at), stage_3_evidence=evidence,
                        stage_3_on=self.today,
                    )  # fmt: skip
                for company in net.independent:
                    self._key_figures(company, years)
                self._satisfaction(net)
            elif net.fate == "rejected" and net.application_id is not None:
                lp.create(
                    "application",
                    **self._application(net, complete=False, revision=2, previous_id=net.application_id),
                )
            elif net.fate == "closed":
                at = self.now - dt.timedelta(days=rng.randint(5, 30))
                net.move(Stage.CLOSED, at, close_reason=CloseReason.COMPANIES_WITHDREW)
                lp.update(
                    "network", net.id, **net.stage_fields(at), closed_reason=CloseReason.COMPANIES_WITHDREW,
                    closed_reason_text="Virksomhederne har ikke tid til samarbejdet nu.", closed_on=at.date(),
                )  # fmt: skip
                self._satisfaction(net)

    def _key_figures(self, company: _Company, years: list[int]) -> None:
        # --- effects: each company its own growth a year, spread around the 10 % target (some far
        # above, some shrinking), value added and export following it loosely; a third export
        # nothing (no export growth to measure). The baseline is the first year with figures,
        # stored on the company: the demo's networks are made today, so the automatic baseline
        # (the year before joining) would be last year, the latest with figures.
        if company.id in self.measured:
            return
        self.measured.add(company.id)
        rng = self.rng
        turnover = rng.randint(8, 120) * 1_000_000_00
        rate = min(max(rng.gauss(8.0, 9.0), -12.0), 35.0)
        value_added_rate = rate + rng.uniform(-4.0, 4.0)
        export_rate = rate + rng.uniform(-6.0, 8.0)
        value_added_share = rng.randint(22, 40)
        export_share = rng.choice([0, 0, 10, 25, 40, 60])
        for k, year in enumerate(years):
            sales = round(turnover * (1 + rate / 100) ** k)
            self.laptop.create(
                "effect_measurement", company_id=company.id, year=year, turnover_ore=sales,
                value_added_ore=round(turnover * value_added_share / 100 * (1 + value_added_rate / 100) ** k),
                export_ore=round(turnover * export_share / 100 * (1 + export_rate / 100) ** k),
                employees=max(1, company.employees + round(company.employees * rate / 200 * k)),
            )  # fmt: skip
        self.laptop.update("company", company.id, baseline_year=years[0])

    def _satisfaction(self, net: _Network) -> None:
        """Each independent member's answer at every occasion the network has reached (trin 2,
        trin 3, closing), given by its contact a few days after the move, by the app's rules."""
        occasions = occasions_reached(net.stage, net.history)
        for k, occasion in enumerate(occasions):
            for company in net.independent:
                if net.fate != "closed":
                    score = self.rng.choice([3, 4, 4, 5, 5])
                else:
                    score = self.rng.choice([2, 3, 4])
                comment = {2: "For lidt tid til netværket.", 3: "Godt forløb, men langsomt.",
                           4: "Godt samarbejde.", 5: "Meget udbytterigt."}[score]  # fmt: skip
                answered = self.today - dt.timedelta(
                    days=self.rng.randint(1, 10) + 10 * (len(occasions) - 1 - k)
                )
                self.laptop.create(
                    "satisfaction", company_id=company.id, network_id=net.id, score=score, comment=comment,
                    occasion=occasion, contact_id=company.contact_id if self.rng.random() < 0.8 else None,
                    answered_on=answered,
                )  # fmt: skip


def _fates(rng: random.Random) -> list[str]:
    extra = rng.sample(["stage_1", "application", "stage_2", "stage_3", "candidate", "closed"], k=2)
    fates = [*FATES, *extra]
    rng.shuffle(fates)
    return fates


def seed_programme(
    db: Database,
    password: str,
    *,
    seed: int = 7,
    brokers: int = DEFAULT_BROKERS,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Users, then each broker's programme through the running server's own endpoints."""
    from .accounts import add_user
    from .forms import publish_bundled
    from .models import User

    if not 1 <= brokers <= len(_BROKER_NAMES):
        raise DemoError(str(Msg.DEMO_BROKERS_RANGE(most=len(_BROKER_NAMES))))
    db.upgrade()
    with db.session() as s:
        if s.scalars(select(User.id).limit(1)).first() is not None:
            raise DemoError(str(Msg.DEMO_DATABASE_NOT_EMPTY()))
    publish_bundled(db)
    rng = random.Random(seed)
    today = today or utcnow().date()
    defn = bundled_registry().latest(SCREENING_FORM_ID)
    names = [f"maegler{k + 1:02d}" for k in range(brokers)]
    add_user(db, DEMO_CASEWORKER, Role.CASEWORKER, password, _CASEWORKER_NAME)
    for k, name in enumerate(names):
        add_user(db, name, Role.BROKER, password, _BROKER_NAMES[k])
    years = [today.year - KEY_FIGURE_YEARS + k for k in range(KEY_FIGURE_YEARS)]
    receipt = receipt_pdf()
    receipt_sha = hashlib.sha256(receipt).hexdigest()
    records = 0
    with running_server(db) as base:
        programmes: list[_Programme] = []
        for k, name in enumerate(names):
            http = _Http(base)
            http.login(name, password)
            laptop = _Laptop(http, random.Random(rng.getrandbits(64)))
            programme = _Programme(laptop, laptop.rng, k, defn, today, receipt_sha)
            programme.register(_fates(laptop.rng))
            records += laptop.sync()
            programme.screen()
            # The receipt goes up before the expenses that name it, as the app's sync does.
            http.session.put(
                f"{base}/blobs/{receipt_sha}",
                data=receipt,
                headers={"Content-Type": "application/octet-stream"},
                timeout=60,
            ).raise_for_status()
            records += laptop.sync()
            programme.apply()
            records += laptop.sync()
            programmes.append(programme)
            if progress:
                progress(k + 1, 2 * brokers)
        caseworker = _Http(base)
        caseworker.login(DEMO_CASEWORKER, password)
        approved = rejected = 0
        for programme in programmes:
            for application_id, decision, comment in programme.decisions_wanted():
                caseworker.call(
                    "POST", f"/applications/{application_id}/decision",
                    json={"decision": decision, "comment": comment},
                )  # fmt: skip
                approved += decision == Decision.APPROVED
                rejected += decision == Decision.REJECTED
        for k, programme in enumerate(programmes):
            programme.laptop.pull()
            programme.follow_up(years)
            records += programme.laptop.sync()
            programme.laptop.http.close()
            if progress:
                progress(brokers + k + 1, 2 * brokers)
        caseworker.close()
    stages: Counter[str] = Counter()
    for programme in programmes:
        for net in programme.networks:
            stages[str(programme.laptop.data[("network", net.id)]["stage"])] += 1
    return DemoSummary(names, DEMO_CASEWORKER, stages, approved, rejected, records)


# -- re-checking what is stored ---------------------------------------------------------------------------


def _at(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    # A history keeps whole seconds: compare at that precision.
    return parsed.replace(microsecond=0) if parsed.tzinfo is not None else None


def _network_facts(net: dict[str, Any], children: dict[str, list[dict[str, Any]]],
                   companies: dict[str, dict[str, Any]], at: dt.datetime) -> NetworkFacts:  # fmt: skip
    """The stage machine's facts of a stored network as they were at ``at``, from the server's records.

    Members are taken as they are now (a membership keeps no history); screenings count from when
    they were finalized, applications from when they were submitted and decided.
    """
    independent = knowledge = 0
    for m in children.get("membership", []):
        company = companies.get(m.get("company_id", ""))
        if company is None:
            continue
        if company.get("is_knowledge_institution") or m.get("role") == MemberRole.KNOWLEDGE:
            knowledge += 1
        else:
            independent += 1
    finals = [
        s
        for s in children.get("screening", [])
        if s.get("status") == ScreeningStatus.FINAL and (_at(s.get("finalized_at")) or at) <= at
    ]
    latest = max(finals, key=lambda s: _at(s.get("finalized_at")) or at, default=None)

    def status_then(a: dict[str, Any]) -> str:
        decided, submitted = _at(a.get("decided_at")), _at(a.get("submitted_at"))
        if decided is not None and decided <= at:
            return str(a.get("status"))
        if submitted is not None and submitted <= at:
            return ApplicationStatus.SUBMITTED
        return ApplicationStatus.DRAFT

    sent = [(int(a.get("revision") or 0), status_then(a)) for a in children.get("application", [])]
    sent = [(rev, status) for rev, status in sent if status != ApplicationStatus.DRAFT]
    latest_status = max(sent, default=(0, ""))[1]
    return NetworkFacts(
        independent_companies=independent,
        knowledge_institutions=knowledge,
        screening_final=latest is not None,
        screening_passed=latest is not None and latest.get("verdict") == Verdict.PASSED,
        application_submitted=bool(sent),
        application_approved=any(status == ApplicationStatus.APPROVED for _, status in sent),
        application_rejected=latest_status == ApplicationStatus.REJECTED,
        action_plan_started=bool(children.get("action_plan")),
        stage_3_evidence=str(net.get("stage_3_evidence") or ""),
    )


def recheck(db: Database, owner_ids: set[str] | None = None) -> list[str]:
    """Every stored record checked again by the server's rules; the problems found (none: all pass).

    ``owner_ids``: only those brokers' records (all when None). Each record goes through the push's
    own checks: its entity's schema (``domain.schema.check_record``, every stored field as if the
    record were created now) and ``push.check_rules`` (as its owner, as if it were sent now without
    changing its stage or status), and the rules that span records are run
    over what is stored: each network's moves by ``domain.stages.transition`` with facts from the
    server's records, each final screening's verdict by the forms engine from its answers, receipts
    and the facilitation frame, CVR numbers unique within a broker, decisions with their reasons.
    """
    from ..domain.cvr import CvrError, normalize_cvr
    from ..domain.record_rules import expense_receipt_problems
    from ..domain.schema import SCHEMAS, check_record
    from ..domain.sync_contract import SERVER_FIELDS
    from ..domain.validation import check_amount
    from ..forms import evaluate_form, parse_definition
    from .models import FormDefinition as StoredForm
    from .models import Record, User
    from .push import META_KEYS, PushContext, RejectedError, check_rules
    from .schemas import Change

    problems: list[str] = []
    with db.session() as s:
        users = {u.id: u for u in s.scalars(select(User))}
        forms: dict[tuple[Any, Any], Any] = {
            (f.id, f.version): parse_definition(f.body) for f in s.scalars(select(StoredForm))
        }
        rows = s.scalars(select(Record).where(Record.deleted.is_(False)).order_by(Record.seq)).all()
        by_owner: dict[str, list[Record]] = {}
        for rec in rows:
            by_owner.setdefault(rec.owner_id, []).append(rec)
        for owner_id, records in by_owner.items():
            if owner_ids is not None and owner_id not in owner_ids:
                continue
            user = users[owner_id]
            if user.role != Role.BROKER:
                problems.append(f"{owner_id}: records owned by a {user.role}")
            ctx = PushContext(s, s.connection(), user, "recheck", utcnow())
            mine = {(r.entity, r.id): dict(r.data) for r in records}
            for rec in records:
                data = dict(rec.data)
                # The entity's schema first, as the push checks it (push.check_then_decide): every
                # field stored, as if the record were created now; a field the schema does not know
                # is one the push would not have stored.
                if rec.entity in SCHEMAS:
                    sent = {k: v for k, v in data.items()
                            if k not in META_KEYS and k not in SERVER_FIELDS.get(rec.entity, ())}  # fmt: skip
                    checked = check_record(rec.entity, sent, new=True)
                    problems += [f"{rec.entity} {rec.id}: {m}" for m in checked.problems]
                    problems += [
                        f"{rec.entity} {rec.id}: field {f} not in the schema" for f in checked.ignored
                    ]
                # Every value is checked as if sent afresh, except the stage a network is in and the
                # status an application has: those were reached by moves checked when they were made
                # (and the network's moves are checked again below, each with its facts then).
                kept = {"network": "stage", "application": "status"}.get(rec.entity)
                current: dict[str, Any] = {kept: data[kept]} if kept and kept in data else {}
                change = Change(change_id=f"recheck-{rec.entity}-{rec.id}", entity=rec.entity, id=rec.id,
                                base_version=rec.version, data=data)  # fmt: skip
                try:
                    check_rules(ctx, change, ctx.get(rec.entity, rec.id), current, data)
                except RejectedError as exc:
                    problems.append(f"{rec.entity} {rec.id}: {exc}")
            companies = {i: d for (e, i), d in mine.items() if e == "company"}
            cvrs = Counter(str(d.get("cvr")) for d in companies.values())
            problems += [f"company: CVR {cvr} twice for one broker" for cvr, n in cvrs.items() if n > 1]
            for d in companies.values():
                try:
                    if normalize_cvr(str(d.get("cvr"))) != d.get("cvr"):
                        problems.append(f"company {d.get('name')}: CVR not normalised")
                except CvrError as exc:
                    problems.append(f"company {d.get('name')}: {exc}")
            children: dict[str, dict[str, list[dict[str, Any]]]] = {}
            for (entity, _id), d in mine.items():
                network_id = d.get("network_id")
                if isinstance(network_id, str):
                    children.setdefault(network_id, {}).setdefault(entity, []).append(d)
            for (entity, record_id), d in mine.items():
                if entity == "network":
                    problems += _recheck_network(record_id, d, children.get(record_id, {}), companies)
                elif entity == "screening" and d.get("status") == ScreeningStatus.FINAL:
                    defn = forms.get((d.get("form_id"), d.get("form_version")))
                    frozen = (d.get("answers") or {}).get(FROZEN_CONTEXT_KEY) or {}
                    ctx_form = FormContext(
                        members=tuple(MemberInfo(**m) for m in frozen.get("members", [])),
                        facts=dict(frozen.get("facts", {})),
                    )
                    if defn is None:
                        problems.append(f"screening {record_id}: form not published")
                        continue
                    ev = evaluate_form(defn, d.get("answers") or {}, ctx_form)
                    if ev.issues or ev.verdict != d.get("verdict"):
                        problems.append(f"screening {record_id}: verdict {d.get('verdict')} ≠ {ev.verdict}")
                elif entity == "expense":
                    amount = d.get("amount_ore")
                    problems += [f"expense {record_id}: {e}" for e in check_amount(amount)]
                    receipt = expense_receipt_problems(amount, d.get("status"), d.get("receipt_sha256"))
                    problems += [f"expense {record_id}: {e}" for e in receipt]
                elif entity == "application":
                    problems += _recheck_application(record_id, d)
                elif entity == "satisfaction":
                    problems += _recheck_satisfaction(record_id, d, mine)
    return problems


def _recheck_satisfaction(
    answer_id: str, d: dict[str, Any], mine: dict[tuple[str, str], dict[str, Any]]
) -> list[str]:
    """An answer by the survey's rules (domain.satisfaction), against the broker's stored records:
    the network's members, the contact's company, the other answers, the date it was stored."""
    from ..domain.satisfaction import answer_problems

    network_id = d.get("network_id")
    members = {
        m.get("company_id")
        for (e, _), m in mine.items()
        if e == "membership" and m.get("network_id") == network_id
    }
    contact = mine.get(("contact", str(d.get("contact_id"))))
    others = [
        {**o, "id": i}
        for (e, i), o in mine.items()
        if e == "satisfaction" and o.get("network_id") == network_id
    ]
    found = answer_problems(
        {**d, "id": answer_id},
        member_ids={m for m in members if isinstance(m, str)},
        contact_company_id=contact.get("company_id") if contact else None,
        others=others,
        today=utcnow().date() + dt.timedelta(days=1),
    )
    return [f"satisfaction {answer_id}: {m}" for m in found]


def _recheck_network(network_id: str, d: dict[str, Any], children: dict[str, list[dict[str, Any]]],
                     companies: dict[str, dict[str, Any]]) -> list[str]:  # fmt: skip
    from ..domain.stages import StageError, moves

    problems: list[str] = []
    history = moves(d.get("stage_history"))
    if not history or history[0].stage != Stage.CANDIDATE or history[-1].stage != d.get("stage"):
        return [f"network {network_id}: history does not run from candidate to {d.get('stage')}"]
    for before, after in zip(history, history[1:], strict=False):
        facts = _network_facts(d, children, companies, after.at)
        try:
            transition(before.stage, after.stage, facts, close_reason=str(d.get("closed_reason") or ""))
        except StageError as exc:
            problems.append(f"network {network_id}: {before.stage} → {after.stage}: {exc}")
    if (d.get("facilitation_opened_on") is not None) != _network_facts(
        d, children, companies, utcnow()
    ).screening_passed:
        problems.append(f"network {network_id}: facilitation frame without a passed screening")
    spent = sum(int(e.get("amount_ore") or 0) for e in children.get("expense", []))
    if BudgetCheck(spent_ore=0, new_ore=spent).exceeds and not any(
        e.get("override_reason") for e in children.get("expense", [])
    ):
        problems.append(f"network {network_id}: expenses over the frame")
    if children.get("expense") and d.get("facilitation_opened_on") is None:
        problems.append(f"network {network_id}: expenses before the frame opened")
    return problems


def _recheck_application(application_id: str, d: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    status = d.get("status")
    if status != ApplicationStatus.DRAFT:
        found = check_hours(d.get("consultant_hours")) + check_months(d.get("period_months"))
        found += check_split(list((d.get("split_basis_points") or {}).values()))
        problems += [str(p) for p in found]
    if status in (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED) and d.get("decision") != status:
        problems.append("decision fields do not match the status")
    if status == ApplicationStatus.REJECTED and not str(d.get("decision_comment") or "").strip():
        problems.append("a rejection without a reason")
    return [f"application {application_id}: {p}" for p in problems]
