"""Đính chính biên bản: what a correction changed, field by field, in Vietnamese.

The minutes are reduced to labelled text values before and after the change; the lines
that differ become the correction's log, e.g. "Giờ kết thúc: 9 giờ 15 → 9 giờ 45".
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.models import Meeting
from desktop.services.meetings.common import clock_text, member_names
from desktop.services.meetings.roster import sheet_rows
from desktop.text import short_date

_SHORT = 80
_EMPTY = "(trống)"


def snapshot(session: Session, meeting: Meeting) -> dict[str, str]:
    """The minutes as labelled text values, in reading order."""
    session.flush()
    people = [meeting.chair_id, meeting.secretary_id]
    people += [i.presenter_id for i in meeting.agenda]
    people += [r.speaker_id for r in meeting.remarks] + [t.assignee_id for t in meeting.tasks]
    names = member_names(session, people)
    values = {
        "Chủ trì": names.get(meeting.chair_id, ""),
        "Thư ký": names.get(meeting.secretary_id, ""),
        "Ngày sinh hoạt": short_date(meeting.held_on) if meeting.held_on else "",
        "Giờ bắt đầu": clock_text(meeting.start_time),
        "Giờ kết thúc": clock_text(meeting.end_time),
        "Địa điểm": meeting.place,
    }
    for row in sheet_rows(session, meeting):
        if row.expected:
            text = row.presence_label + (f" ({row.reason})" if row.reason else "")
            values[f"Điểm danh đồng chí {row.full_name}"] = text
    values["Đại biểu dự"] = "; ".join(
        ", ".join(filter(None, (g.name, g.position, g.organization))) for g in meeting.guests
    )
    for number, item in enumerate(meeting.agenda, start=1):
        label = f"Mục {number} ({item.title})"
        values[f"{label}, người trình bày"] = names.get(item.presenter_id, item.presenter_name)
        values[f"{label}, nội dung"] = item.content
        values[f"{label}, kết luận"] = item.conclusion
    values["Ý kiến thảo luận"] = "\n".join(
        f"{names.get(r.speaker_id, r.speaker_name)}: {r.text}" for r in meeting.remarks
    )
    values["Nghị quyết"] = meeting.resolution
    for label, count in (
        ("Biểu quyết tán thành", meeting.votes_for),
        ("Biểu quyết không tán thành", meeting.votes_against),
        ("Biểu quyết ý kiến khác", meeting.votes_other),
    ):
        values[label] = "" if count is None else str(count)
    values["Phân công nhiệm vụ"] = "\n".join(
        f"{names.get(t.assignee_id, '')}: {t.description}"
        + (f" (hạn {short_date(t.due_on)})" if t.due_on else "")
        for t in meeting.tasks
    )
    values["Giờ thông qua biên bản"] = clock_text(meeting.minutes_read_at)
    return values


def describe_changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """One Vietnamese line per changed field; long texts are named, not quoted."""
    lines = []
    for key in list(before) + [k for k in after if k not in before]:
        old, new = before.get(key, ""), after.get(key, "")
        if old == new:
            continue
        if len(old) > _SHORT or len(new) > _SHORT or "\n" in old + new:
            lines.append(f"{key}: đã sửa")
        else:
            lines.append(f"{key}: {old or _EMPTY} → {new or _EMPTY}")
    return lines
