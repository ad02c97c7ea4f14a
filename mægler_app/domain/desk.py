"""What Væksthus' caseworker follows up on (issue 18): pure rules the laptop's Indbakke calls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .stages import Stage

# A caseworker follows up on a network with nothing happening for this many days (issue 18); the
# broker's own inactivity mark (rules.INACTIVE_AFTER_DAYS) comes sooner.
FOLLOW_UP_AFTER_DAYS = 60
# Screenings finished within this many days are news on the Indbakke.
RECENT_SCREENING_DAYS = 7


def needs_follow_up(stage: str, last_activity: dt.datetime, now: dt.datetime) -> bool:
    """An open network (not closed, not yet a business network) without activity for 60 days."""
    if stage in (Stage.CLOSED, Stage.STAGE_3):
        return False
    return (now - last_activity) >= dt.timedelta(days=FOLLOW_UP_AFTER_DAYS)


def recently_finished(finalized_at: dt.datetime | None, now: dt.datetime) -> bool:
    return finalized_at is not None and dt.timedelta(0) <= now - finalized_at <= dt.timedelta(
        days=RECENT_SCREENING_DAYS
    )


def plan_overdue(end_date: dt.date | None, stage: str, today: dt.date) -> bool:
    """An action plan whose end date has passed while its network has not reached trin 3."""
    return end_date is not None and end_date < today and stage not in (Stage.STAGE_3, Stage.CLOSED)


def missing_elements(elements: dict[str, bool], all_elements: Iterable[str]) -> list[str]:
    """The plan's elements not (yet) marked as in place, in the plan's order."""
    return [e for e in all_elements if not elements.get(e)]
