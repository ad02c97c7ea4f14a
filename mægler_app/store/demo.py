"""Demo data: the seed's three example networks (section 3, pkt. 1), and large generated datasets.

The companies are fictional; their CVR numbers have valid checksums but belong to nobody we know of.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..demo_files import RECEIPT_NAME, receipt_pdf
from ..domain.application import equal_basis_points
from ..domain.cvr import make_valid_cvr
from ..domain.money import split_by_basis_points
from ..domain.numbers import parse_kr
from ..domain.rules import (
    CONSULTANT_HOURS_MAX,
    CONSULTANT_HOURS_MIN,
    PERIOD_MONTHS_MAX,
    PERIOD_MONTHS_MIN,
    SPLIT_TOTAL_BASIS_POINTS,
)
from ..domain.satisfaction import occasions_reached
from ..domain.stages import NetworkFacts, Stage, missing_for, next_stage, transition, with_move
from ..domain.timeutil import utcnow
from ..domain.validation import BudgetCheck, check_hours, check_months, check_split, receipt_required
from ..domain.vocab import (
    ApplicationStatus,
    CloseReason,
    ExpenseCategory,
    ExpenseStatus,
    FocusArea,
    GustavssonDimension,
    LeadSource,
    MeetingKind,
    MemberRole,
    NetworkType,
    ScreeningStatus,
    SplitMode,
    SurveyOccasion,
    Verdict,
)
from ..forms import (
    SCREENING_FORM_ID,
    Evaluation,
    FormContext,
    FormDefinition,
    MemberInfo,
    bundled_registry,
    prefill,
)
from ..forms.fill import FROZEN_CONTEXT_KEY, frozen_context, screening_answers
from .db import Store
from .models import (
    Application,
    Company,
    Contact,
    Expense,
    Meeting,
    Membership,
    Network,
    Satisfaction,
    Screening,
)
from .services.blobs import StoredBlob, store_file


@dataclass(frozen=True)
class _Co:
    key: str
    name: str
    city: str
    postcode: str
    municipality: str
    employees: int
    focus: str
    industry: str
    contact: str
    contact_role: str
    knowledge: bool = False


_COMPANIES = [
    # Eksempel 1: small metal company supplying the wind industry, with a control-panel supplier and engineers
    _Co("brande", "Brande Stålteknik ApS", "Brande", "7330", "Ikast-Brande", 15, FocusArea.ENERGY_ENVIRONMENT,
        "Jern og metal: svejste emner til vindmølleindustrien", "Jens Kragh", "Direktør og ejer"),
    _Co("panel", "Herning Kontrolpaneler A/S", "Herning", "7400", "Herning", 42, FocusArea.ENERGY_ENVIRONMENT,
        "Kontrolsystemer og styretavler", "Mette Lund", "Salgschef"),
    _Co("ingenioer", "Ikast Ingeniørhus ApS", "Ikast", "7430", "Ikast-Brande", 23, FocusArea.ENERGY_ENVIRONMENT,
        "Rådgivende ingeniører: udvikling og konstruktion", "Søren Østergaard", "Partner"),
    # Eksempel 2: food-equipment makers, three from Midtjylland and one from Funen, JV for Russia
    _Co("randers", "Randers Procesudstyr A/S", "Randers", "8900", "Randers", 85, FocusArea.FOOD,
        "Procesanlæg til fødevareindustrien", "Anne Bech", "Administrerende direktør"),
    _Co("skive", "Skive Køleteknik ApS", "Skive", "7800", "Skive", 37, FocusArea.FOOD,
        "Køle- og frostanlæg til fødevareproduktion", "Peter Thøgersen", "Direktør"),
    _Co("viborg", "Viborg Pakkemaskiner A/S", "Viborg", "8800", "Viborg", 120, FocusArea.FOOD,
        "Pakke- og etiketteringsmaskiner", "Lone Holm", "Eksportchef"),
    _Co("odense", "Fynsk Transportbånd ApS", "Odense", "5000", "Odense", 31, FocusArea.FOOD,
        "Transportbånd i rustfrit stål", "Kasper Dahl", "Ejer"),
    # Eksempel 3: metal company with outsourcing in Ukraine, its main customer, a surface treater
    _Co("silkeborg", "Silkeborg Metalværk A/S", "Silkeborg", "8600", "Silkeborg", 64, FocusArea.OTHER,
        "Jern og metal: bearbejdning med produktion i Ukraine", "Niels Juhl", "Direktør"),
    _Co("horsens", "Horsens Maskinfabrik A/S", "Horsens", "8700", "Horsens", 190, FocusArea.OTHER,
        "Maskiner til landbrug og industri", "Birgitte Friis", "Indkøbschef"),
    _Co("hammel", "Hammel Overfladebehandling ApS", "Hammel", "8450", "Favrskov", 18, FocusArea.OTHER,
        "Pulverlakering og galvanisering", "Torben Winther", "Værkfører"),
]  # fmt: skip

_NETWORKS = [
    {
        "name": "Vindkraftleverandørerne Brande-Herning-Ikast",
        "network_type": NetworkType.COMPLEMENTARY,
        "core_task": "Samle de tre virksomheders forretningsområder og kompetencer, så de fremstår som én "
        "leverandør der kan løfte store opgaver for vindmølleindustrien, offshore og forsvarsindustrien.",
        "participants_text": "Brande Stålteknik (metal), Herning Kontrolpaneler (styretavler), Ikast "
        "Ingeniørhus (udvikling og konstruktion).",
        "goals": "Flere produkter og ydelser til de store kunder; fælles produktudvikling, markedsføring og branding.",
        "terms": "Brande Stålteknik bygger ny fabrik med plads til partnerne; fælles styregruppe med en "
        "repræsentant fra hver virksomhed; fortrolighedsaftale.",
        "lead_source": LeadSource.INNOVATION_ENVIRONMENT,
        "members": [("brande", "lead"), ("panel", "member"), ("ingenioer", "member")],
        "stage": Stage.STAGE_1,
    },
    {
        "name": "Fødevareudstyr til Rusland (joint venture)",
        "network_type": NetworkType.COMPLEMENTARY,
        "core_task": "Forene komplementære produkter og ressourcer i et joint venture, der vinder store "
        "projektordrer på det russiske marked.",
        "participants_text": "Tre producenter af udstyr til fødevareindustrien fra Midtjylland og én fra Fyn.",
        "goals": "Afsætning på et marked, der er for vanskeligt for den enkelte; lavere risiko ved indtrængning; "
        "på sigt et fælles salgsselskab og udvidelse til Østeuropa, Mellemøsten og Asien.",
        "terms": "Joint venture med fælles salgsselskab; fordelingsnøgle efter omsætning på markedet.",
        "lead_source": LeadSource.OWN_NETWORK,
        "members": [("randers", "lead"), ("skive", "member"), ("viborg", "member"), ("odense", "member")],
        "stage": Stage.STAGE_1,
    },
    {
        "name": "Ukraine-sourcing med Horsens Maskinfabrik",
        "network_type": NetworkType.VERTICAL,
        "core_task": "Et netværk hvor kunden får økonomiske fordele via adgang til produktionen i Ukraine "
        "med tæt kvalitetsstyring fra Danmark, og på sigt fælles produktudvikling.",
        "participants_text": "Silkeborg Metalværk, dens væsentligste kunde Horsens Maskinfabrik og "
        "overfladebehandleren Hammel Overfladebehandling.",
        "goals": "Globalisering og sourcing; lavere kostpris for kunden; flere ordrer til leverandørerne.",
        "terms": "Endnu ikke aftalt: afklares ved gensidige virksomhedsbesøg.",
        "lead_source": LeadSource.LOCAL_BUSINESS_SERVICE,
        "members": [("silkeborg", "lead"), ("horsens", "member"), ("hammel", "member")],
        "stage": Stage.CANDIDATE,
    },
]


def _aware(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=dt.UTC)


def _path_to(stage: str, first: dt.datetime, last: dt.datetime) -> list[dict[str, str]]:
    """A history along the normal path from candidate to ``stage``, its moves spread from ``first`` to ``last``."""
    path = [Stage.CANDIDATE]
    if stage == Stage.CLOSED:
        path.append(Stage.CLOSED)
    while path[-1] != stage and (following := next_stage(path[-1])) is not None:
        path.append(following)
    step = (last - first) / max(1, len(path) - 1)
    history: list[dict[str, str]] = []
    for k, moved_to in enumerate(path):
        history = with_move(history, moved_to, first + step * k)
    return history


def fill_demo(store: Store, *, today: dt.date | None = None) -> dict[str, str]:
    """The seed's three networks with members, contacts, meetings and expenses. Returns {key: id}.

    As a broker makes them: a network past kandidat has passed a screening the forms engine
    judged, and an expense over the receipt limit carries the demo receipt.
    """
    today = today or utcnow().date()
    ids: dict[str, str] = {}
    made: dict[str, Company] = {}
    defn = bundled_registry().latest(SCREENING_FORM_ID)
    receipt = store_demo_receipt(store)  # for the expenses over the receipt limit
    with store.session() as s:
        for i, co in enumerate(_COMPANIES):
            company = Company(
                cvr=make_valid_cvr(1000 + i * 37),
                name=co.name,
                address=f"{['Industrivej', 'Fabriksvej', 'Håndværkervej', 'Erhvervsvej'][i % 4]} {3 + i * 2}",
                postcode=co.postcode,
                city=co.city,
                municipality=co.municipality,
                employees=co.employees,
                focus_area=co.focus,
                industry=co.industry,
                is_knowledge_institution=co.knowledge,
                website=f"www.{co.key}-demo.dk",
            )
            s.add(company)
            ids[co.key] = company.id
            made[co.key] = company
            contact = Contact(
                company_id=company.id,
                name=co.contact,
                role=co.contact_role,
                email=f"{co.contact.split()[0].lower().replace('ø', 'oe')}@{co.key}-demo.dk",
                phone=f"+45 {20 + i} {10 + i} {30 + i} {40 + i}",
                consent_date=today - dt.timedelta(days=60 - i),
            )
            s.add(contact)
            ids[f"contact:{co.key}"] = contact.id
        for n, spec in enumerate(_NETWORKS):
            network = Network(
                name=spec["name"],
                network_type=spec["network_type"],
                core_task=spec["core_task"],
                participants_text=spec["participants_text"],
                goals=spec["goals"],
                terms=spec["terms"],
                lead_source=spec["lead_source"],
                stage=spec["stage"],
                stage_changed_at=utcnow() - dt.timedelta(days=20 - n),
                stage_history=_path_to(
                    str(spec["stage"]),
                    utcnow() - dt.timedelta(days=70 - n),
                    utcnow() - dt.timedelta(days=20 - n),
                ),
            )
            s.add(network)
            ids[f"network:{n + 1}"] = network.id
            for key, role in spec["members"]:
                s.add(Membership(network_id=network.id, company_id=ids[key], role=role))
            if spec["stage"] != Stage.CANDIDATE:
                passed_on = today - dt.timedelta(days=45 - n * 5)
                network.facilitation_opened_on = passed_on
                # Screened as the app screens: every question answered, the verdict the engine's.
                ctx = _context(_Net(network, [(made[key], role) for key, role in spec["members"]]))
                evaluation = _final_screening(
                    s, network.id, defn, ctx, random.Random(n), _aware(passed_on, 12)
                )
                if evaluation.verdict != Verdict.PASSED:
                    raise AssertionError(f"demo network {n + 1} does not pass its screening")
                visits = [
                    ("company_visit", 40, "Gensidigt besøg hos tovholdervirksomheden", "210,00"),
                    ("strategic_starting_point", 26, "Workshop om strategisk udgangssituation", "1.450,00"),
                    ("tentative_plan", 9, "Tentativ plan for samarbejdet", "2.380,50"),
                ]
                lead_key = spec["members"][0][0]
                for k, (kind, ago, agenda, cost) in enumerate(visits):
                    day = today - dt.timedelta(days=ago - n)
                    meeting = Meeting(
                        network_id=network.id,
                        starts_at=_aware(day, 8 + k),
                        kind=kind,
                        place=f"Hos {next(c.name for c in _COMPANIES if c.key == lead_key)}",
                        participant_contact_ids=[ids[f"contact:{key}"] for key, _ in spec["members"]],
                        agenda=agenda,
                        minutes="Deltagerne præsenterede deres forretning og drøftede mulige fælles opgaver.",
                        decisions="Næste møde aftalt.",
                        next_steps=[
                            {
                                "text": "Udsende referat",
                                "owner": "Netværksmægler",
                                "due": (day + dt.timedelta(days=3)).isoformat(),
                                "done": True,
                            }
                        ]
                        + (_open_demo_steps(today, n) if kind == "tentative_plan" else []),
                        dimensions=[GustavssonDimension.PARTIES, GustavssonDimension.VISION]
                        if k < 2
                        else [GustavssonDimension.STRUCTURE, GustavssonDimension.PROCESSES],
                    )
                    s.add(meeting)
                    s.add(
                        Expense(
                            network_id=network.id,
                            meeting_id=meeting.id,
                            spent_on=day,
                            category=ExpenseCategory.CATERING if k != 1 else ExpenseCategory.MEETING_ROOM,
                            description=f"{agenda}: {'forplejning' if k != 1 else 'lokaleleje'}",
                            amount_ore=parse_kr(cost),
                            receipt_sha256=receipt.sha256 if receipt_required(parse_kr(cost)) else "",
                            receipt_name=receipt.name if receipt_required(parse_kr(cost)) else "",
                        )
                    )
                # One planned meeting ahead, with an estimated cost (committed, not spent).
                s.add(
                    Meeting(
                        network_id=network.id,
                        # the first this week (the overview's next actions), the other later
                        starts_at=_aware(today + dt.timedelta(days=2 + 12 * n), 9),
                        kind="business_prerequisites",
                        place="Væksthus Midtjylland, Herning",
                        agenda="Forretningsmæssige forudsætninger for at indgå i netværket",
                        planned=True,
                        estimated_cost_ore=parse_kr("1.200,00"),
                    )
                )
    return ids


def _open_demo_steps(today: dt.date, n: int) -> list[dict[str, object]]:
    """The steps still open after the last meeting: one past its date, one ahead (the overview's
    next actions have something to show)."""
    return [
        {
            "text": "Sende udkast til tentativ plan til deltagerne",
            "owner": "Netværksmægler",
            "due": (today - dt.timedelta(days=2 + n)).isoformat(),
            "done": False,
        },
        {
            "text": "Indhente nøgletal fra deltagerne",
            "owner": "Tovholder",
            "due": (today + dt.timedelta(days=5 + n)).isoformat(),
            "done": False,
        },
    ]


_TOWNS = [
    ("Aarhus", "8000"), ("Herning", "7400"), ("Viborg", "8800"), ("Randers", "8900"), ("Silkeborg", "8600"),
    ("Horsens", "8700"), ("Holstebro", "7500"), ("Skive", "7800"), ("Ikast", "7430"), ("Grenaa", "8500"),
    ("Lemvig", "7620"), ("Struer", "7600"), ("Odder", "8300"), ("Skanderborg", "8660"), ("Hedensted", "8722"),
]  # fmt: skip
_TRADES = [
    "Stålteknik", "Maskinfabrik", "Køleteknik", "Plast", "Elektronik", "Automation", "Fødevarer", "Bageri",
    "Mejeri", "Emballage", "Træindustri", "Energiteknik", "Medico", "Software", "Smedie", "Værktøj",
]  # fmt: skip
_FORMS = ["ApS", "A/S", "I/S"]


def _chunks(total: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(total, start + size)


# -- the rules a generated record obeys ---------------------------------------------------------------


def store_demo_receipt(store: Store) -> StoredBlob:
    """The demo receipt in the profile's blob store, as the app stores an attached file (once)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / RECEIPT_NAME
        path.write_bytes(receipt_pdf())
        return store_file(store, path)


@dataclass
class _Net:
    """A generated network as the stage machine sees it, with its way through the stages."""

    network: Network
    members: list[tuple[Company, str]]
    stage: Stage = Stage.CANDIDATE
    facts: NetworkFacts = field(default_factory=NetworkFacts)
    history: list[dict[str, str]] = field(default_factory=list)
    opened_on: dt.date | None = None
    closed_on: dt.date | None = None
    spent_ore: int = 0
    meetings: list[str] = field(default_factory=list)

    def move(self, target: Stage, at: dt.datetime, *, close_reason: str = "") -> None:
        """A move the stage machine allows (``transition`` raises otherwise), recorded as the app does."""
        self.stage = transition(self.stage, target, self.facts, close_reason=close_reason)
        self.history = with_move(self.history, target, at)
        self.network.stage = str(target)
        self.network.stage_changed_at = at
        self.network.stage_history = self.history

    def over_by(self, amount_ore: int) -> bool:
        return BudgetCheck(spent_ore=self.spent_ore, new_ore=amount_ore).exceeds

    def advance(self, at: dt.datetime) -> None:
        """As far along the normal path as the facts allow (after a screening), one move at a time."""
        while (nxt := next_stage(self.stage)) is not None and not missing_for(self.stage, nxt, self.facts):
            self.move(nxt, at)


# What each generated network becomes, and how often (out of 12). Nothing a decision makes: trin 2,
# trin 3 and approvals come from Væksthus, never from a laptop.
_FATES = (
    ["candidate"] * 3
    + ["candidate_draft_screening"]
    + ["screened_not_passed"]
    + ["stage_1"] * 2
    + ["stage_1_draft_application"]
    + ["application"] * 2
    + ["closed_candidate", "closed_stage_1"]
)
_SME_EMPLOYEES = [4, 8, 12, 19, 25, 40, 60, 95, 140, 230]
_LARGE_EMPLOYEES = [320, 480]
_MEETING_KINDS = [
    MeetingKind.COMPANY_VISIT,
    MeetingKind.STRATEGIC_STARTING_POINT,
    MeetingKind.TENTATIVE_PLAN,
    MeetingKind.BUSINESS_PREREQUISITES,
    MeetingKind.OTHER,
]
_EXPENSE_CATEGORIES = [
    ExpenseCategory.MEETING_ROOM,
    ExpenseCategory.CATERING,
    ExpenseCategory.TRANSPORT,
    ExpenseCategory.MATERIALS,
]


def _member_info(company: Company, role: str) -> MemberInfo:
    return MemberInfo(
        company_id=company.id,
        name=company.name,
        cvr=company.cvr,
        employees=company.employees,
        is_knowledge_institution=bool(company.is_knowledge_institution or role == MemberRole.KNOWLEDGE),
        role=role,
        focus_area=company.focus_area or "",
    )


def _final_screening(
    s: Session,
    network_id: str,
    defn: FormDefinition,
    ctx: FormContext,
    rng: random.Random,
    when: dt.datetime,
    *,
    fail: bool = False,
) -> Evaluation:
    """A final screening as a broker finishes it: complete answers, the engine's verdict, the
    network's facts frozen with it."""
    answers, evaluation = screening_answers(defn, ctx, rng, fail=fail)
    answers[FROZEN_CONTEXT_KEY] = frozen_context(ctx)
    s.add(
        Screening(
            network_id=network_id,
            form_id=defn.id,
            form_version=defn.version,
            answers=answers,
            status=ScreeningStatus.FINAL,
            verdict=evaluation.verdict,
            reasons=list(evaluation.reasons),
            finalized_at=when,
        )
    )
    return evaluation


def _context(net: _Net) -> FormContext:
    members = tuple(_member_info(c, role) for c, role in net.members)
    knowledge = sum(1 for m in members if m.is_knowledge_institution)
    n = net.network
    return FormContext(
        members=members,
        facts={
            "network.independent_companies": len(members) - knowledge,
            "network.knowledge_institutions": knowledge,
            "network.members_total": len(members),
            "network.network_type": n.network_type or None,
            "network.core_task": n.core_task,
            "network.participants_text": n.participants_text,
            "network.goals": n.goals,
            "network.terms": n.terms,
        },
    )


def _application(net: _Net, rng: random.Random, *, complete: bool) -> Application:
    """An application as the editor keeps it: hours, months and shares inside the programme's rules."""
    ids = [c.id for c, role in net.members if role != MemberRole.KNOWLEDGE and not c.is_knowledge_institution]
    custom = complete and rng.random() < 0.3
    if custom:
        weights = [rng.randint(1, 4) for _ in ids]
        split = dict(zip(ids, split_by_basis_points(SPLIT_TOTAL_BASIS_POINTS, weights), strict=True))
    else:
        split = equal_basis_points(ids)
    hours = rng.randrange(CONSULTANT_HOURS_MIN, CONSULTANT_HOURS_MAX + 1, 10)
    months = rng.randint(PERIOD_MONTHS_MIN, PERIOD_MONTHS_MAX)
    assert not check_hours(hours) and not check_months(months) and not check_split(list(split.values()))
    app = Application(
        network_id=net.network.id,
        revision=1,
        market_perspective="Fælles adgang til større kunder i Norden og Tyskland.",
        economic_perspective="Lavere omkostninger ved fælles indkøb og produktion.",
        technology_perspective="Deling af produktionsudstyr og udviklingskompetencer." if complete else "",
        strategy_perspective="Netværket skal stå som én leverandør over for kunderne." if complete else "",
        expected_growth={cid: {} for cid in ids},
        consultant_name=rng.choice(["Lone Vestergaard", "Henrik Bak", "Maria Due"]) if complete else "",
        consultant_firm=rng.choice(["Vækstrådgivning ApS", "Strategihuset A/S"]) if complete else "",
        consultant_hours=hours if complete else None,
        hourly_rate_ore=rng.choice([850, 950, 1_100]) * 100 if complete else None,
        period_months=months if complete else None,
        split_mode=SplitMode.CUSTOM if custom else SplitMode.EQUAL,
        split_basis_points=split,
        status=ApplicationStatus.DRAFT,
    )
    return app


def generate(
    store: Store, scale: float = 1.0, *, seed: int = 7, today: dt.date | None = None
) -> Iterator[tuple[int, int]]:
    """A large dataset for benchmarks; a generator yielding (done, total) as it goes.

    Only what a broker makes offline (issue 16): networks from kandidat to ansøgning indsendt and
    closed, each move one the stage machine allows from facts made here (members, a final screening
    whose verdict the forms engine gives from its answers, a submitted application); the
    facilitation frame opens only with a passed screening, and only such a network has expenses;
    an expense over the receipt limit carries a receipt (a real file, stored once) or is a draft;
    the network's expenses stay inside its frame; most members of a network closed after trin 1
    answer the closing satisfaction survey. Nothing is approved or rejected: decisions come from
    Væksthus. Scale 1: 2.000 companies, 400 networks (about 1.600 memberships), about 270
    screenings, 130 applications, 3.800 meetings and 3.800 expenses: about 12.000 records.
    """
    rng = random.Random(seed)
    today = today or utcnow().date()
    now = _aware(today, 12)
    n_companies = int(2000 * scale)
    n_networks = int(400 * scale)
    n_meetings = int(3800 * scale)
    n_expenses = int(3800 * scale)
    total = n_companies + n_networks + n_meetings + n_expenses
    done = 0
    defn = bundled_registry().latest(SCREENING_FORM_ID)
    receipt = store_demo_receipt(store) if n_expenses else None
    with store.session() as s:
        offset = len(s.scalars(select(Company.id)).all())
    companies: list[Company] = []
    smes: list[Company] = []  # independent companies inside the target group: a passing network's members
    for a, b in _chunks(n_companies, 1000):
        with store.session() as s:
            s.expire_on_commit = False
            for i in range(a, b):
                town, postcode = rng.choice(_TOWNS)
                knowledge = rng.random() < 0.02
                large = not knowledge and rng.random() < 0.06
                c = Company(
                    cvr=make_valid_cvr(50_000 + offset + i),
                    name=f"{town} {rng.choice(_TRADES)} {i + offset} {rng.choice(_FORMS)}",
                    address=f"Erhvervsvej {rng.randint(1, 200)}",
                    postcode=postcode,
                    city=town,
                    municipality=town,
                    employees=rng.choice(_LARGE_EMPLOYEES if large else _SME_EMPLOYEES),
                    focus_area=rng.choice(list(FocusArea)),
                    industry=rng.choice(_TRADES),
                    is_knowledge_institution=knowledge,
                )
                s.add(c)
                companies.append(c)
                if not knowledge and not large:
                    smes.append(c)
        done += b - a
        yield done, total
    nets: list[_Net] = []
    for a, b in _chunks(n_networks, 250):
        with store.session() as s:
            s.expire_on_commit = False
            for i in range(a, b):
                nets.append(_network(s, rng, i, smes or companies, companies, defn, now))
        done += b - a
        yield done, total
    if not nets:
        return
    for a, b in _chunks(n_meetings, 1000):
        with store.session() as s:
            for _i in range(a, b):
                net = rng.choice(nets)
                created = _created_on(net)
                last = min(today, net.closed_on or today)
                day = created + dt.timedelta(days=rng.randint(0, max(0, (last - created).days)))
                m = Meeting(
                    network_id=net.network.id,
                    starts_at=_aware(day, rng.randint(8, 15)),
                    kind=rng.choice(_MEETING_KINDS),
                    place="Hos tovholdervirksomheden",
                    agenda="Status og næste skridt",
                )
                s.add(m)
                if net.opened_on is not None and day >= net.opened_on:
                    net.meetings.append(m.id)  # an expense may be booked on it
        done += b - a
        yield done, total
    framed = [n for n in nets if n.opened_on is not None]
    for a, b in _chunks(n_expenses if framed else 0, 1000):
        with store.session() as s:
            for _i in range(a, b):
                big = rng.random() < 0.08
                amount = rng.randint(501_00, 2_400_00) if big else rng.randint(50_00, 450_00)
                # A network whose frame this expense would exceed gets none: a broker would not book
                # it there without a reason for Væksthus.
                fits = [n for n in rng.sample(framed, k=min(len(framed), 8)) if not n.over_by(amount)]
                if not fits:
                    continue
                net = fits[0]
                net.spent_ore += amount  # the frame counts drafts too, as the app and the server do
                with_receipt = receipt_required(amount) and rng.random() < 0.5
                opened = net.opened_on
                assert opened is not None
                last = min(today, net.closed_on or today)
                s.add(
                    Expense(
                        network_id=net.network.id,
                        meeting_id=rng.choice(net.meetings) if net.meetings else None,
                        spent_on=opened + dt.timedelta(days=rng.randint(0, max(0, (last - opened).days))),
                        category=rng.choice(_EXPENSE_CATEGORIES),
                        description="Forplejning ved møde"
                        if not big
                        else "Lokaleleje og forplejning, heldagsmøde",
                        amount_ore=amount,
                        receipt_sha256=receipt.sha256 if with_receipt and receipt else "",
                        receipt_name=receipt.name if with_receipt and receipt else "",
                        status=ExpenseStatus.DRAFT
                        if receipt_required(amount) and not with_receipt
                        else ExpenseStatus.FINAL,
                    )
                )
        done += b - a
        yield done, total


def _created_on(net: _Net) -> dt.date:
    moves_ = net.history or []
    return dt.date.fromisoformat(moves_[0]["at"][:10]) if moves_ else utcnow().date()


def _network(
    s: Session,
    rng: random.Random,
    i: int,
    pool: list[Company],
    everyone: list[Company],
    defn: FormDefinition,
    now: dt.datetime,
) -> _Net:
    """One network and what its fate needs: members, a screening, an application, its moves."""
    fate = rng.choice(_FATES)
    created = now - dt.timedelta(days=rng.randint(150, 400), hours=rng.randint(0, 8))
    network = Network(
        name=f"Netværk {i + 1}: {rng.choice(_TRADES)} og {rng.choice(_TRADES)}",
        network_type=rng.choice(list(NetworkType)),
        core_task="Fælles udvikling af produkter og markeder.",
        participants_text="Virksomheder fra Midtjylland med komplementære kompetencer.",
        goals="Flere ordrer og nye markeder for alle deltagere.",
        terms="Styregruppe med én repræsentant fra hver virksomhed.",
        lead_source=rng.choice([LeadSource.LOCAL_BUSINESS_SERVICE, LeadSource.OWN_NETWORK, LeadSource.OTHER]),
        stage=str(Stage.CANDIDATE),
    )
    s.add(network)
    net = _Net(network, [])
    net.history = with_move([], Stage.CANDIDATE, created)
    network.stage_history = net.history
    network.stage_changed_at = created
    chosen = rng.sample(pool, k=min(len(pool), rng.randint(3, 5)))
    if fate in ("candidate", "closed_candidate") and rng.random() < 0.15:
        chosen = chosen[:2]  # still looking for a third company
    if rng.random() < 0.1 and fate != "screened_not_passed":
        ki = [c for c in everyone if c.is_knowledge_institution]
        if ki:
            chosen.append(rng.choice(ki))
    for j, company in enumerate(chosen):
        role = (
            MemberRole.KNOWLEDGE
            if company.is_knowledge_institution
            else (MemberRole.LEAD if j == 0 else MemberRole.MEMBER)
        )
        s.add(Membership(network_id=network.id, company_id=company.id, role=role))
        net.members.append((company, role))
    independent = sum(1 for c, r in net.members if r != MemberRole.KNOWLEDGE)
    knowledge = len(net.members) - independent
    net.facts = NetworkFacts(independent_companies=independent, knowledge_institutions=knowledge)
    screened_at = created + dt.timedelta(days=rng.randint(10, 40))
    if fate == "candidate_draft_screening":
        answers = prefill(defn, _context(net))
        s.add(
            Screening(
                network_id=network.id,
                form_id=defn.id,
                form_version=defn.version,
                answers=answers,
                status=ScreeningStatus.DRAFT,
            )
        )
    elif fate not in ("candidate", "closed_candidate"):
        ctx = _context(net)
        evaluation = _final_screening(
            s, network.id, defn, ctx, rng, screened_at, fail=fate == "screened_not_passed"
        )
        assert not evaluation.issues, evaluation.issues
        passed = evaluation.verdict == Verdict.PASSED
        net.facts = replace(net.facts, screening_final=True, screening_passed=passed)
        net.advance(screened_at)
        if passed:
            net.opened_on = screened_at.date()
            network.facilitation_opened_on = net.opened_on
    if fate in ("stage_1_draft_application", "application"):
        app = _application(net, rng, complete=fate == "application")
        s.add(app)
        if fate == "application" and net.stage == Stage.STAGE_1:
            submitted = screened_at + dt.timedelta(days=rng.randint(30, 90))
            app.status = ApplicationStatus.SUBMITTED
            app.submitted_at = submitted
            net.facts = replace(net.facts, application_submitted=True)
            net.move(Stage.APPLICATION, submitted)
    if fate.startswith("closed_"):
        closed_at = created + dt.timedelta(days=rng.randint(50, 110))
        reason = CloseReason.COMPANIES_WITHDREW if fate == "closed_stage_1" else CloseReason.NO_POTENTIAL
        net.move(Stage.CLOSED, closed_at, close_reason=reason)
        network.closed_reason = reason
        network.closed_reason_text = "Virksomhederne har ikke tid til samarbejdet nu."
        network.closed_on = closed_at.date()
        net.closed_on = closed_at.date()
        _closing_survey(s, net, random.Random(f"survey-{i}"), now.date())
    return net


def _closing_survey(s: Session, net: _Net, rng: random.Random, today: dt.date) -> None:
    """Most independent members of a network closed after trin 1 answer the closing survey, a few
    days after it closed (by the rules of ``domain.satisfaction``; an own generator, so the rest of
    the dataset stays as it was)."""
    if (
        SurveyOccasion.CLOSED not in occasions_reached(net.network.stage, net.history)
        or net.closed_on is None
    ):
        return
    for company, role in net.members:
        if role == MemberRole.KNOWLEDGE or rng.random() < 0.3:
            continue
        score = rng.choice([1, 2, 3, 3, 4, 4, 5])
        s.add(
            Satisfaction(
                company_id=company.id,
                network_id=net.network.id,
                occasion=SurveyOccasion.CLOSED,
                score=score,
                comment="" if score >= 3 else "Samarbejdet kom aldrig rigtigt i gang.",
                answered_on=min(today, net.closed_on + dt.timedelta(days=rng.randint(1, 14))),
            )
        )
