"""Demo data: the seed's three example networks (section 3, pkt. 1), and large generated datasets.

The companies are fictional; their CVR numbers have valid checksums but belong to nobody we know of.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from ..domain.cvr import make_valid_cvr
from ..domain.numbers import parse_kr
from ..domain.stages import Stage, next_stage, with_move
from ..domain.timeutil import utcnow
from ..domain.vocab import (
    ExpenseCategory,
    FocusArea,
    GustavssonDimension,
    LeadSource,
    MeetingKind,
    NetworkType,
    ScreeningStatus,
    Verdict,
)
from .db import Store
from .models import Company, Contact, Expense, Meeting, Membership, Network, Screening


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
    """The seed's three networks with members, contacts, meetings and expenses. Returns {key: id}."""
    today = today or utcnow().date()
    ids: dict[str, str] = {}
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
                s.add(
                    Screening(
                        network_id=network.id,
                        form_id="screening",
                        form_version=1,
                        answers={},
                        status=ScreeningStatus.FINAL,
                        verdict=Verdict.PASSED,
                        reasons=["Demodata: screeningen er registreret som bestået."],
                        finalized_at=_aware(passed_on, 12),
                    )
                )
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
                        ],
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
                        )
                    )
                # One planned meeting ahead, with an estimated cost (committed, not spent).
                s.add(
                    Meeting(
                        network_id=network.id,
                        starts_at=_aware(today + dt.timedelta(days=14 + n), 9),
                        kind="business_prerequisites",
                        place="Væksthus Midtjylland, Herning",
                        agenda="Forretningsmæssige forudsætninger for at indgå i netværket",
                        planned=True,
                        estimated_cost_ore=parse_kr("1.200,00"),
                    )
                )
    return ids


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


def generate(store: Store, scale: float = 1.0, *, seed: int = 7) -> Iterator[tuple[int, int]]:
    """A large dataset for benchmarks; a generator yielding (done, total) as it goes.

    Scale 1: 2.000 companies, 400 networks (about 1.600 memberships), 4.000 meetings, 4.000 expenses.
    """
    rng = random.Random(seed)
    n_companies = int(2000 * scale)
    n_networks = int(400 * scale)
    n_meetings = int(4000 * scale)
    n_expenses = int(4000 * scale)
    total = n_companies + n_networks + n_meetings + n_expenses
    done = 0
    with store.session() as s:
        offset = len(s.scalars(select(Company.id)).all())
    company_ids: list[str] = []
    independent_ids: list[str] = []  # a network past candidate needs three of these (the server checks)
    for a, b in _chunks(n_companies, 1000):
        with store.session() as s:
            for i in range(a, b):
                town, postcode = rng.choice(_TOWNS)
                c = Company(
                    cvr=make_valid_cvr(50_000 + offset + i),
                    name=f"{town} {rng.choice(_TRADES)} {i + offset} {rng.choice(_FORMS)}",
                    address=f"Erhvervsvej {rng.randint(1, 200)}",
                    postcode=postcode,
                    city=town,
                    municipality=town,
                    employees=rng.choice([4, 8, 12, 19, 25, 40, 60, 95, 140, 230, 320]),
                    focus_area=rng.choice(list(FocusArea)),
                    industry=rng.choice(_TRADES),
                    is_knowledge_institution=rng.random() < 0.02,
                )
                s.add(c)
                company_ids.append(c.id)
                if not c.is_knowledge_institution:
                    independent_ids.append(c.id)
        done += b - a
        yield done, total
    network_ids: list[str] = []
    stages = (
        [Stage.CANDIDATE] * 4
        + [Stage.STAGE_1] * 3
        + [Stage.APPLICATION, Stage.STAGE_2, Stage.STAGE_3, Stage.CLOSED]
    )
    for a, b in _chunks(n_networks, 500):
        with store.session() as s:
            for i in range(a, b):
                stage = rng.choice(stages)
                moved = utcnow() - dt.timedelta(days=rng.randint(1, 60))
                n = Network(
                    name=f"Netværk {i + 1}: {rng.choice(_TRADES)} og {rng.choice(_TRADES)}",
                    network_type=rng.choice(list(NetworkType)),
                    core_task="Fælles udvikling af produkter og markeder.",
                    stage=stage,
                    stage_changed_at=moved,
                    stage_history=_path_to(stage, moved - dt.timedelta(days=rng.randint(30, 300)), moved),
                    lead_source=rng.choice(
                        [LeadSource.LOCAL_BUSINESS_SERVICE, LeadSource.OWN_NETWORK, LeadSource.OTHER]
                    ),
                )
                s.add(n)
                network_ids.append(n.id)
                pool = independent_ids if len(independent_ids) >= 3 else company_ids
                for j, cid in enumerate(rng.sample(pool, k=min(len(pool), rng.randint(3, 5)))):
                    s.add(Membership(network_id=n.id, company_id=cid, role="lead" if j == 0 else "member"))
        done += b - a
        yield done, total
    if not network_ids:
        return
    base = utcnow().date() - dt.timedelta(days=400)
    meeting_ids: list[tuple[str, str]] = []
    for a, b in _chunks(n_meetings, 1000):
        with store.session() as s:
            for _i in range(a, b):
                nid = rng.choice(network_ids)
                day = base + dt.timedelta(days=rng.randint(0, 400))
                m = Meeting(
                    network_id=nid,
                    starts_at=_aware(day, rng.randint(8, 15)),
                    kind=rng.choice(
                        [
                            MeetingKind.COMPANY_VISIT,
                            MeetingKind.STRATEGIC_STARTING_POINT,
                            MeetingKind.TENTATIVE_PLAN,
                            MeetingKind.OTHER,
                        ]
                    ),
                    place="Hos tovholdervirksomheden",
                    agenda="Status og næste skridt",
                )
                s.add(m)
                meeting_ids.append((nid, m.id))
        done += b - a
        yield done, total
    for a, b in _chunks(n_expenses, 1000):
        with store.session() as s:
            for _i in range(a, b):
                nid, mid = rng.choice(meeting_ids)
                s.add(
                    Expense(
                        network_id=nid,
                        meeting_id=mid,
                        spent_on=base + dt.timedelta(days=rng.randint(0, 400)),
                        category=rng.choice(
                            [
                                ExpenseCategory.MEETING_ROOM,
                                ExpenseCategory.CATERING,
                                ExpenseCategory.TRANSPORT,
                                ExpenseCategory.MATERIALS,
                            ]
                        ),
                        description="Forplejning ved møde",
                        amount_ore=rng.randint(50_00, 450_00),
                    )
                )
        done += b - a
        yield done, total
