"""Programrapport: the programme's results for the region, on the shared report template
(reports/template.py): the targets for the whole period and per year, the funnel kandidat → trin 3,
the figures per broker and per focus area; dated, with "Side X af Y" on every page.

It takes only ``domain.programme.ProgrammeData``, what the Programmet view shows
(``store.services.programme.programme_data``: ``domain.figures`` over the caseworker's synced
records), so the report and the screen give one figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, KeepTogether

from ..domain.effects import METRIC_NAMES, METRICS, bin_text, change_text, growth_text
from ..domain.messages import Msg
from ..domain.numbers import format_date, format_datetime, format_int, format_kr, format_percent_bp
from ..domain.programme import FUNNEL_STAGES, ProgrammeData, TargetRow, target_rows
from ..domain.rules import (
    TARGET_GROWTH_PERCENT_PER_YEAR,
    TARGET_NETWORKS_PER_BROKER,
    TARGET_SATISFIED_PERCENT,
)
from ..domain.stages import stage_label
from ..domain.vocab import FOCUS_AREAS
from .template import ReportDocument, grid_table, heading, para, spacer, title_block

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
        *title_block(TITLE),
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
    story += effects_story(data.effects)
    story += [spacer(4), para(f"Udskrevet {format_date(data.computed_at)}.", "small")]
    return story


# --- effects: growth against the baseline and satisfaction (issue 19)
def _share(bp: Any) -> str:
    return "–" if bp is None else format_percent_bp(int(bp))


def _group_row(name: str, g: Mapping[str, Any]) -> list[str]:
    cells = [name, format_int(int(g["companies"])), format_int(int(g["without_figures"]))]
    for metric in METRICS:
        m = g["metrics"][metric]
        cells += [growth_text(m["median_cagr_bp"]), _share(m["met_share_bp"])]
    cells.append(change_text(int(g["employees"]["change"])))
    return cells


# each key figure's median and the share that meets the target
_GROUP_HEADER = [
    "",
    "Virks.",
    "Uden tal",
    *(f"{name} {what}" for name in ("Oms.", "Værditilv.", "Eksport") for what in ("median", "mål nået")),
    "Ansatte",
]
_GROUP_WIDTHS = [2.8, 0.9, 0.8, 1.1, 1.1, 1.4, 1.4, 1.1, 1.1, 1.1]


def _bin_words(low: Any, high: Any) -> str:
    return bin_text(low, high).replace("< ", "under ").replace("≥ ", "mindst ")


def effects_story(effects: Mapping[str, Any]) -> list[Flowable]:
    """The report's effects section: ``domain.effects.programme_effects`` as the Programmet card
    shows it (nothing when there is nothing to show)."""
    if not effects:
        return []
    target = int(effects.get("target_growth_percent", TARGET_GROWTH_PERCENT_PER_YEAR))
    total = effects["total"]
    sat = effects["satisfaction"]
    story: list[Flowable] = [
        heading("Effekter: vækst og tilfredshed"),
        para(
            f"{format_int(int(total['companies']))} deltagende virksomheder (med i et netværk, der nåede trin 1); "
            f"{format_int(int(total['measured']))} har nøgletal for basisåret og et senere år, "
            f"{format_int(int(total['without_figures']))} er uden tal (tælles ikke som nul vækst). Vækst er den "
            "årlige vækst fra basisåret (det sidste hele år før virksomheden kom med) til seneste år med tal; "
            f"målet er mindst {target} % om året. Median: den midterste årlige vækst (oms. = omsætning); mål nået: andelen af virksomhederne med tal, "
            "der når målet.",
            "small",
        ),
        grid_table(_GROUP_HEADER, [_group_row("Hele programmet", total)], _GROUP_WIDTHS, small=True),
        para(
            f"Beskæftigelse: {change_text(int(total['employees']['change']))} personer i alt for "
            f"{format_int(int(total['employees']['companies']))} virksomheder med tal for basisåret og et "
            "senere år.",
            "small",
        ),
    ]
    bins = effects["distribution"]["bins"]
    counts = effects["distribution"]["counts"]
    story += [
        heading("Fordeling af den årlige vækst", 2),
        grid_table(
            ["Årlig vækst", *(str(METRIC_NAMES[m]) for m in METRICS)],
            [
                [_bin_words(b.get("low_bp"), b.get("high_bp")), *(format_int(counts[m][i]) for m in METRICS)]
                for i, b in enumerate(bins)
            ],
            [3, 2, 2, 2],
        ),
    ]
    story.append(heading("Tilfredshed", 2))
    if sat["responses"]:
        rows = [
            [year, format_int(int(y["responses"])), _share(y["share_bp"]), "ja" if y["met"] else "nej"]
            for year, y in sat["by_year"].items()
        ]
        rows.append(
            [
                "Hele perioden",
                format_int(int(sat["responses"])),
                _share(sat["share_bp"]),
                "ja" if sat["met"] else "nej",
            ]
        )
        story += [
            para(
                f"Svar 4–5 på en skala 1–5 tæller som tilfreds; målet er mindst {TARGET_SATISFIED_PERCENT} %.",
                "small",
            ),
            grid_table(["År", "Svar", "Tilfredse", "Mål nået"], rows, [3, 2, 2, 2]),
        ]
    else:
        story.append(para(str(Msg.EFFECTS_NO_ANSWERS()), "small"))
    story += [
        heading("Pr. fokusområde", 2),
        grid_table(
            _GROUP_HEADER,
            [_group_row(FOCUS_AREAS.get(a, a), g) for a, g in effects["focus_areas"].items()],
            _GROUP_WIDTHS,
            small=True,
        ),
        heading("Pr. netværk", 2),
        grid_table(
            _GROUP_HEADER,
            [_group_row(str(g.get("name") or nid[:8]), g) for nid, g in effects["networks"].items()],
            _GROUP_WIDTHS,
            small=True,
        ),
    ]
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
