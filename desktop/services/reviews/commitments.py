"""Yearly commitments (bản cam kết tu dưỡng, rèn luyện, phấn đấu) and their progress.

The sections come from the year's rule pack (templates are data); at least one item should
follow the current study topic. At year end the member assesses each item and the chi ủy
evaluates the whole — one input of the rating, not the rating itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.models.base import local_now
from desktop.models import Commitment, CommitmentItem, CommitmentProgress, Meeting, Member
from desktop.rules.rating_rules import pack_for_year
from desktop.errors import DomainError, FieldError, NotFound, ValidationError
from desktop.services.reviews.commitment_records import (
    CommitmentData,
    CommitmentDetail,
    CommitmentItemData,
    CommitmentOverview,
    CommitmentResult,
    CommitmentRow,
    DeletedCommitment,
    ItemDetail,
    ItemResult,
    ProgressNote,
    SectionTemplate,
)
from desktop.services.reviews.roster import review_members
from desktop.storage.database import Database
from desktop.text import clean_paragraphs

__all__ = [
    "CommitmentData",
    "CommitmentDetail",
    "CommitmentItemData",
    "CommitmentOverview",
    "CommitmentResult",
    "CommitmentRow",
    "DeletedCommitment",
    "ItemDetail",
    "ItemResult",
    "ProgressNote",
    "SectionTemplate",
    "add_progress",
    "commitment_overview",
    "commitment_result_text",
    "commitment_sections",
    "commitment_warnings",
    "delete_commitment",
    "delete_progress",
    "evaluate_commitment",
    "get_commitment",
    "restore_commitment",
    "save_commitment",
]


def commitment_sections(year: int) -> tuple[SectionTemplate, ...]:
    """The template's sections for ``year`` from the rule pack in force."""
    pack = pack_for_year(year)
    return tuple(SectionTemplate(s.code, s.number, s.text(year)) for s in pack.commitment_sections)


def get_commitment(db: Database, member_id: int, year: int) -> CommitmentDetail | None:
    with db.session() as session:
        commitment = _find(session, member_id, year)
        return _detail(session, commitment) if commitment else None


def save_commitment(db: Database, member_id: int, year: int, data: CommitmentData) -> int:
    """Create or replace the member's commitment for ``year``; items keep their progress."""
    sections = {s.code for s in commitment_sections(year)}
    _raise_if_invalid(data, sections)
    with db.session() as session:
        if session.get(Member, member_id) is None:
            raise NotFound("Không tìm thấy đảng viên.")
        commitment = _find(session, member_id, year)
        if commitment is None:
            _refuse_if_deleted_one(session, member_id, year)
            commitment = Commitment(member_id=member_id, year=year, pack_id=pack_for_year(year).id)
            session.add(commitment)
        commitment.written_on = data.written_on
        commitment.acknowledged_on = data.acknowledged_on
        existing = {item.id: item for item in commitment.items}
        kept: list[CommitmentItem] = []
        for position, item_data in enumerate(data.items):
            item = existing.get(item_data.id) if item_data.id is not None else None
            if item is None:
                item = CommitmentItem()
            item.section_code = item_data.section_code
            item.position = position
            item.text = clean_paragraphs(item_data.text)
            item.topic_linked = item_data.topic_linked
            item.self_assessment = item_data.self_assessment
            item.self_assessment_note = clean_paragraphs(item_data.self_assessment_note)
            kept.append(item)
        commitment.items = kept
        session.flush()
        return commitment.id


def delete_commitment(db: Database, member_id: int, year: int) -> CommitmentData | None:
    """Move the commitment to "Đã xóa" (items and progress notes kept with it); returns
    its data, None when there was none."""
    with db.session() as session:
        commitment = _find(session, member_id, year)
        if commitment is None:
            return None
        data = _detail(session, commitment).data()
        for item in data.items:
            item.id = None
        commitment.deleted_at = local_now()
        return data


def restore_commitment(db: Database, detail: CommitmentDetail) -> int:
    """Undo a delete: bring the commitment back whole — items, progress notes, the chi
    ủy's evaluation — in one transaction, so an interrupted undo leaves nothing
    half-restored. The row kept in "Đã xóa" comes back; when it is gone (removed for
    good), the commitment is rebuilt from ``detail``."""
    with db.session() as session:
        if _find(session, detail.member_id, detail.year) is not None:
            raise ValidationError(
                [FieldError("year", "Đảng viên đã có bản cam kết năm này; không khôi phục đè.")]
            )
        kept = session.get(Commitment, detail.id)
        if kept is not None and kept.deleted_at is not None:
            kept.deleted_at = None
            return kept.id
        commitment = Commitment(
            member_id=detail.member_id,
            year=detail.year,
            pack_id=detail.pack_id,
            written_on=detail.written_on,
            acknowledged_on=detail.acknowledged_on,
            evaluation=detail.evaluation,
            evaluation_comment=detail.evaluation_comment,
            evaluated_on=detail.evaluated_on,
        )
        for position, item in enumerate(detail.items):
            row = CommitmentItem(
                section_code=item.section_code,
                position=position,
                text=item.text,
                topic_linked=item.topic_linked,
                self_assessment=item.self_assessment,
                self_assessment_note=item.self_assessment_note,
            )
            row.progress = [
                CommitmentProgress(noted_on=n.noted_on, text=n.text, meeting_id=n.meeting_id)
                for n in item.progress
            ]
            commitment.items.append(row)
        session.add(commitment)
        session.flush()
        return commitment.id


def add_progress(
    db: Database, item_id: int, noted_on: date, text: str, meeting_id: int | None = None
) -> int:
    text = clean_paragraphs(text)
    if not text:
        raise ValidationError([FieldError("text", "Hãy ghi nội dung tiến độ thực hiện.")])
    with db.session() as session:
        item = session.get(CommitmentItem, item_id)
        if item is None or item.commitment.deleted_at is not None:
            raise NotFound("Không tìm thấy nội dung cam kết.")
        note = CommitmentProgress(
            item_id=item_id, noted_on=noted_on, text=text, meeting_id=meeting_id
        )
        session.add(note)
        session.flush()
        return note.id


def delete_progress(db: Database, progress_id: int) -> None:
    with db.session() as session:
        note = session.get(CommitmentProgress, progress_id)
        if note is not None:
            session.delete(note)


def evaluate_commitment(
    db: Database,
    member_id: int,
    year: int,
    evaluation: str,
    comment: str = "",
    evaluated_on: date | None = None,
) -> None:
    """The chi ủy's year-end evaluation of the whole commitment ("" clears it)."""
    if evaluation and evaluation not in {r.value for r in CommitmentResult}:
        raise ValidationError([FieldError("evaluation", "Mức đánh giá cam kết không hợp lệ.")])
    with db.session() as session:
        commitment = _find(session, member_id, year)
        if commitment is None:
            raise NotFound("Đảng viên chưa có bản cam kết năm này.")
        commitment.evaluation = evaluation
        commitment.evaluation_comment = clean_paragraphs(comment)
        commitment.evaluated_on = evaluated_on if evaluation else None


def commitment_overview(db: Database, year: int, today: date | None = None) -> CommitmentOverview:
    """Every member on the roll with the state of their commitment for ``year``."""
    with db.session() as session:
        members = review_members(session, year, today)
        commitments = {
            c.member_id: c
            for c in session.scalars(
                select(Commitment)
                .where(Commitment.year == year, Commitment.deleted_at.is_(None))
                .options(selectinload(Commitment.items))
            )
        }
        rows = []
        for member in members:
            commitment = commitments.get(member.id)
            exempted = member.status.value == "mien"
            if commitment is None:
                rows.append(
                    CommitmentRow(
                        member.id,
                        member.full_name,
                        False,
                        None,
                        None,
                        0,
                        0,
                        False,
                        "",
                        "",
                        "",
                        exempted,
                        (),
                    )
                )
                continue
            items = commitment.items
            rows.append(
                CommitmentRow(
                    member_id=member.id,
                    full_name=member.full_name,
                    written=True,
                    written_on=commitment.written_on,
                    acknowledged_on=commitment.acknowledged_on,
                    items=len(items),
                    topic_items=sum(1 for i in items if i.topic_linked),
                    assessed=bool(items) and all(i.self_assessment for i in items),
                    evaluation=commitment.evaluation,
                    evaluation_label=(
                        CommitmentResult(commitment.evaluation).label
                        if commitment.evaluation
                        else ""
                    ),
                    evaluation_comment=commitment.evaluation_comment,
                    exempted=exempted,
                    warnings=tuple(_warnings(commitment)),
                )
            )
        return CommitmentOverview(year, tuple(rows))


def commitment_result_text(detail: CommitmentDetail | None) -> str:
    """The line the self-review pulls in under "Kết quả thực hiện cam kết"."""
    if detail is None:
        return "Chưa có bản cam kết năm này."
    counts = {r: sum(1 for i in detail.items if i.self_assessment == r.value) for r in ItemResult}
    parts = [f"{counts[r]} {r.label.lower()}" for r in ItemResult if counts[r]]
    text = f"{len(detail.items)} nội dung cam kết"
    if parts:
        text += " (tự đánh giá: " + ", ".join(parts) + ")"
    if detail.evaluation:
        text += f"; chi ủy đánh giá: {detail.evaluation_label}"
        if detail.evaluation_comment:
            # The comment's own full stop would print "..": one stop, at the end.
            text += f" – {detail.evaluation_comment.rstrip(' .')}"
    return text + "."


def _find(session: Session, member_id: int, year: int) -> Commitment | None:
    """The member's live commitment for ``year`` (not one in "Đã xóa")."""
    return session.scalar(
        select(Commitment).where(
            Commitment.member_id == member_id,
            Commitment.year == year,
            Commitment.deleted_at.is_(None),
        )
    )


def _refuse_if_deleted_one(session: Session, member_id: int, year: int) -> None:
    """One commitment a member a year: a deleted one must be restored or removed first."""
    deleted = session.scalar(
        select(Commitment.id).where(
            Commitment.member_id == member_id,
            Commitment.year == year,
            Commitment.deleted_at.is_not(None),
        )
    )
    if deleted is not None:
        raise DomainError(
            f"Bản cam kết năm {year} của đảng viên này đang ở mục Đã xóa. Hãy mở "
            "“Đã xóa…” để khôi phục nó, hoặc xóa hẳn nó ở đó rồi viết bản mới."
        )


def _detail(session: Session, commitment: Commitment) -> CommitmentDetail:
    member = session.get(Member, commitment.member_id)
    meeting_ids = {p.meeting_id for item in commitment.items for p in item.progress if p.meeting_id}
    labels = {}
    if meeting_ids:
        for meeting in session.scalars(select(Meeting).where(Meeting.id.in_(meeting_ids))):
            labels[meeting.id] = f"Sinh hoạt tháng {meeting.month}/{meeting.year}"
    items = tuple(
        ItemDetail(
            id=item.id,
            section_code=item.section_code,
            text=item.text,
            topic_linked=item.topic_linked,
            self_assessment=item.self_assessment,
            self_assessment_note=item.self_assessment_note,
            progress=tuple(
                ProgressNote(
                    p.id, item.id, p.noted_on, p.text, p.meeting_id, labels.get(p.meeting_id, "")
                )
                for p in item.progress
            ),
        )
        for item in commitment.items
    )
    return CommitmentDetail(
        id=commitment.id,
        member_id=commitment.member_id,
        member_name=member.full_name if member else "",
        year=commitment.year,
        pack_id=commitment.pack_id,
        sections=commitment_sections(commitment.year),
        written_on=commitment.written_on,
        acknowledged_on=commitment.acknowledged_on,
        items=items,
        evaluation=commitment.evaluation,
        evaluation_comment=commitment.evaluation_comment,
        evaluated_on=commitment.evaluated_on,
        warnings=tuple(_warnings(commitment)),
    )


def _warnings(commitment: Commitment) -> list[str]:
    return commitment_warnings(commitment.year, commitment.items)


_INVISIBLE = frozenset("\u200b\u2060\ufeff")


def _has_text(text: str | None) -> bool:
    """``bool(clean_paragraphs(text))`` without cleaning it: a character that is neither
    whitespace nor zero-width survives the cleaning (the overview checks ~4,500 texts)."""
    return any(not c.isspace() and c not in _INVISIBLE for c in text or "")


def commitment_warnings(
    year: int, items: Sequence[CommitmentItem] | Sequence[CommitmentItemData]
) -> list[str]:
    """What to point out in ``items`` (stored or still being typed in a form)."""
    items = [i for i in items if _has_text(i.text)]
    if not items:
        return ["Bản cam kết chưa có nội dung nào."]
    found = []
    if not any(i.topic_linked for i in items):
        found.append(
            "Chưa có nội dung nào gắn với chuyên đề học tập và làm theo của năm "
            f"{year}; nên có ít nhất một nội dung làm theo chuyên đề."
        )
    return found


def _raise_if_invalid(data: CommitmentData, sections: set[str]) -> None:
    errors: list[FieldError] = []
    for index, item in enumerate(data.items, start=1):
        if item.section_code not in sections:
            errors.append(FieldError("items", f"Nội dung thứ {index} không thuộc mục nào."))
        if not clean_paragraphs(item.text):
            errors.append(FieldError("items", f"Nội dung thứ {index} đang để trống."))
        if item.self_assessment and item.self_assessment not in {r.value for r in ItemResult}:
            errors.append(FieldError("items", f"Nội dung thứ {index}: mức tự đánh giá sai."))
    if data.written_on and data.acknowledged_on and data.acknowledged_on < data.written_on:
        errors.append(
            FieldError("acknowledged_on", "Ngày chi ủy xác nhận không thể trước ngày viết.")
        )
    if errors:
        raise ValidationError(errors)
