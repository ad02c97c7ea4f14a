"""Programrapport: the programme's results for the region, on the shared report template
(reports/base.py): the targets for the whole period and per year, the funnel kandidat → trin 3,
the figures per broker and per focus area; dated, with "Side X af Y" on every page.

It prints what the Programmet view shows (store/services/programme.py: ``domain.figures`` over
the caseworker's synced records), so the report and the screen give one figure.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether

from ..domain.numbers import format_date, format_datetime, format_int, format_kr, format_percent_bp
from ..domain.programme import FUNNEL_STAGES, TargetRow, target_rows
from ..domain.rules import TARGET_NETWORKS_PER_BROKER
from ..domain.stages import stage_label
from ..domain.vocab import FOCUS_AREAS
from ..store.services.programme import ProgrammeData
from .base import ReportDocument, grid_table, heading, para, spacer

TITLE = "Programrapport"


def _value(row: TargetRow) -> str:
    if row.value is None:
        return "–"
    if row.key == "networks_per_broker":  # the brokers that reached 12, of all brokers
        return f"{format_int(row.value)} af {format_int(row.low)}"
    return format_percent_bp(row.value) if row.key == "satisfied" else format_int(row.value)


def _targets_table(rows: list[TargetRow]) -> Flowable:
    return grid_table(
        ["Mål", "Resultat", "Målinterval", "Opfyldt"],
        [
            [
                str(r.name),
                _value(r),
                str(r.range_text),
                "ja" if r.met else "nej",
            ]
            for r in rows
        ],
        [4.2, 2.6, 1.6, 1.0],
    )


def programme_story(data: ProgrammeData) -> list[Flowable]:
    total = data.total
    story: list[Flowable] = [
        para(TITLE, "title"),
        para("Midtjysk Klyngeprogram · Region Midtjylland", "kicker"),
        para(
            f"Opgjort {format_datetime(data.computed_at)} fra alle netværksmægleres synkroniserede poster, "
            "talt som Væksthus' statistik tæller dem: et netværk tæller i det år, det første gang nåede trinnet.",
            "small",
        ),
        heading("Mål og resultater, hele perioden"),
        _targets_table(target_rows(total, data.figures["brokers"])),
    ]
    for year in data.years:
        story += [
            heading(f"Mål og resultater {year}", 2),
            _targets_table(target_rows(total["by_year"][year])),
        ]

    story.append(heading("Tragten: kandidat → trin 3"))
    candidates = max(data.funnel.get(str(FUNNEL_STAGES[0]), 0), 1)
    story.append(
        grid_table(
            ["Trin", "Netværk der nåede trinnet", "Andel af kandidaterne"],
            [
                [
                    stage_label(str(s)),
                    format_int(data.funnel.get(str(s), 0)),
                    format_percent_bp(round(10_000 * data.funnel.get(str(s), 0) / candidates)),
                ]
                for s in FUNNEL_STAGES
            ],
            [4, 3, 3],
        )
    )

    story.append(heading("Pr. netværksmægler"))
    target = TARGET_NETWORKS_PER_BROKER
    broker_rows = []
    for b in data.brokers:
        report = data.figures["brokers"].get(b.owner_id, {"figures": {}})
        f = report["figures"]
        broker_rows.append(
            [
                b.name,
                format_int(b.ledger.networks),
                format_int(b.ledger.established) + ("" if b.ledger.target_met else " (under mål)"),
                format_int(int(f.get("action_plans", 0))),
                format_int(int(f.get("business_networks", 0))),
                format_kr(b.ledger.bonus_earned_ore),
                format_int(b.ledger.open_applications),
            ]
        )
    story.append(
        para(
            f"Mål: {target.low}–{target.high} etablerede netværk pr. netværksmægler. Trin 2 og 3: netværk der "
            "nåede trinnet. Venter: ansøgninger der venter på Væksthus' afgørelse.",
            "small",
        )
    )
    story.append(
        grid_table(
            [
                "Netværksmægler",
                "Netværk",
                "Etablerede",
                "Trin 2",
                "Trin 3",
                "Bonus optjent",
                "Venter",
            ],
            broker_rows,
            [3.4, 1.3, 2.0, 1.0, 1.0, 1.9, 1.1],
        )
    )

    story.append(
        KeepTogether(
            [
                heading("Pr. fokusområde"),
                para(
                    "Virksomheder tæller én gang pr. fokusområde (deres CVR-nummer), i hvor langt deres netværk nåede.",
                    "small",
                ),
                grid_table(
                    [
                        "Fokusområde",
                        "Virksomheder i netværk",
                        "I etablerede netværk",
                        "Med handlingsplan",
                        "I forretningsnetværk",
                    ],
                    [
                        [
                            FOCUS_AREAS.get(area, area),
                            format_int(f.companies),
                            format_int(f.established),
                            format_int(f.action_plans),
                            format_int(f.business_networks),
                        ]
                        for area, f in data.focus.items()
                    ],
                    [2.4, 2, 2, 2, 2.6],
                ),
            ]
        )
    )
    story += [spacer(4), para(f"Udskrevet {format_date(data.computed_at)}.", "small")]
    return story


def write_programme_pdf(data: ProgrammeData, path: Path | str) -> Path:
    return ReportDocument(
        path,
        TITLE,
        header_right=f"{TITLE} · {format_date(data.computed_at)}",
        author="Væksthus Midtjylland",
        subject="Midtjysk Klyngeprogram: resultater mod målene",
        printed_on=data.computed_at.date(),
    ).build(programme_story(data))
