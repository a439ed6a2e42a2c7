"""Hoàn tác (undo) of the last dues action, kept in the database so it survives a restart.

Each action records the rows it created or voided; undoing it deletes what it created and
brings back what it voided. Undoing a change to a closed month is itself logged as a
correction ("Hoàn tác: …").
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import DomainError
from desktop.models import DuesAction, DuesCorrection, DuesMonthClosing, DuesPayment, DuesRemittance
from desktop.models.base import local_now
from desktop.services.dues.common import Month, first_day
from desktop.storage.database import Database

NOTHING_TO_UNDO = "Không có việc đảng phí nào để hoàn tác."


def remember(
    session: Session, description: str, *, created: Iterable[int] = (), voided: Iterable[int] = (),
    closed: Iterable[Month] = (), remittances: Iterable[int] = (), corrections: Iterable[int] = (),
) -> None:
    changes = {
        "created": list(created),
        "voided": list(voided),
        "closed": [f"{y:04d}-{m:02d}" for y, m in closed],
        "remittances": list(remittances),
        "corrections": list(corrections),
    }
    session.add(DuesAction(description=description, changes=json.dumps(changes)))


def last_action(db: Database) -> str:
    """What "Hoàn tác" would take back, or "" when there is nothing."""
    with db.session() as session:
        action = _last(session)
        return action.description if action else ""


def undo_last(db: Database, by: str = "") -> str:
    """Take back the last action; returns its description."""
    with db.session() as session:
        action = _last(session)
        if action is None:
            raise DomainError(NOTHING_TO_UNDO)
        changes = json.loads(action.changes or "{}")
        logged = {c.id: c for c in session.scalars(
            select(DuesCorrection).where(DuesCorrection.id.in_(changes.get("corrections", [])))
        )}
        for payment_id in changes.get("created", []):
            payment = session.get(DuesPayment, payment_id)
            if payment is not None:
                session.delete(payment)
        for payment_id in changes.get("voided", []):
            payment = session.get(DuesPayment, payment_id)
            if payment is not None:
                payment.voided_at = None
        for text in changes.get("closed", []):
            year, month = (int(x) for x in text.split("-"))
            closing = session.get(DuesMonthClosing, first_day((year, month)))
            if closing is not None:
                session.delete(closing)
        for remittance_id in changes.get("remittances", []):
            remittance = session.get(DuesRemittance, remittance_id)
            if remittance is not None:
                remittance.voided_at = local_now()
        for correction in logged.values():
            # The log keeps what happened; the undo is one more line, never an erasure.
            session.add(DuesCorrection(
                month=correction.month, member_id=correction.member_id, made_by=by.strip(),
                before=correction.after, after=correction.before,
                reason=f"Hoàn tác: {action.description}",
            ))
        action.undone_at = local_now()
        return action.description


def _last(session: Session) -> DuesAction | None:
    return session.scalar(
        select(DuesAction).where(DuesAction.undone_at.is_(None)).order_by(DuesAction.id.desc())
        .limit(1)
    )

