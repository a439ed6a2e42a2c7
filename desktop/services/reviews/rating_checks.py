"""Warnings before the cell votes a rating (cảnh báo khi đề xuất mức xếp loại).

Each warning carries its reason, its arithmetic where there is one, and its source. They
explain and never block: the cell proposes and the superior decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from desktop.rules.meeting_rules import MeetingRules, meeting_rules
from desktop.rules.rating_model import RulePack
from desktop.rules.rating_rules import cap_for, quota_check
from desktop.services.meetings.vote_base import VoteBase
from desktop.services.reviews.self_reviews import score_text


@dataclass(frozen=True)
class RatingWarning:
    """One reason to look again before voting; ``code`` lets the screens group them."""

    code: str  # quota | score | cap | commitment | absences | not_rated | votes | no_review
    text: str


@dataclass(frozen=True)
class MemberFacts:
    """What the rules read about one member's year."""

    rated: bool
    not_rated_reason: str
    self_review_written: bool
    self_score: Decimal | None
    disciplined: bool
    remedied_self_found: bool
    sick_leave_months: int
    commitment_written: bool
    commitment_evaluation: str  # "" | tot | dat | chua_dat
    unexcused_months: int
    exempted_from_commitment: bool = False
    # The secretary's answers to the pack's KHTNV questions: code → (yes | no | "", note).
    answers: tuple[tuple[str, str, str], ...] = ()


def level_warnings(pack: RulePack, facts: MemberFacts, level: str) -> list[RatingWarning]:
    """Why ``level`` may be too high for this member under ``pack`` (quota excluded)."""
    if not level:
        return []
    chosen = pack.level(level)
    found: list[RatingWarning] = []
    if not facts.rated:
        found.append(
            RatingWarning(
                "not_rated", f"Đảng viên không thuộc diện xếp loại: {facts.not_rated_reason}"
            )
        )
        return found
    if not facts.self_review_written:
        found.append(RatingWarning("no_review", "Đảng viên chưa có bản tự kiểm điểm năm này."))
    if pack.score_scale is not None:
        if facts.self_score is None:
            found.append(RatingWarning("score", "Chưa có đủ điểm tự chấm theo các nhóm tiêu chí."))
        else:
            allowed = pack.level_for_score(facts.self_score)
            if allowed is not None and chosen.rank < allowed.rank:
                band = next(b for b in pack.bands if b.level == allowed.code)
                found.append(
                    RatingWarning(
                        "score",
                        f"Tổng điểm {score_text(facts.self_score)} chỉ đạt mức "
                        f'"{allowed.name}" (khung {score_text(band.min)} – dưới '
                        f'{score_text(band.max)} điểm), thấp hơn mức "{chosen.name}" '
                        f"({pack.bands_source}).",
                    )
                )
    cap, reason = cap_for(
        pack,
        disciplined=facts.disciplined,
        remedied_self_found=facts.remedied_self_found,
        sick_leave_months=facts.sick_leave_months,
    )
    if cap is not None and chosen.rank < pack.level(cap).rank:
        found.append(
            RatingWarning("cap", f'{reason} Mức cao nhất được xếp là "{pack.level(cap).name}".')
        )
    found += question_warnings(pack, facts.answers, chosen)
    good = chosen.rank <= 2  # tốt or xuất sắc
    if good and not facts.exempted_from_commitment:
        if not facts.commitment_written:
            found.append(
                RatingWarning(
                    "commitment",
                    "Chưa có bản cam kết tu dưỡng, rèn luyện, phấn đấu năm này; kết quả thực "
                    "hiện cam kết là một căn cứ đánh giá.",
                )
            )
        elif facts.commitment_evaluation == "chua_dat":
            found.append(
                RatingWarning(
                    "commitment",
                    'Chi ủy đánh giá việc thực hiện cam kết "Chưa đạt"; kết quả thực hiện cam '
                    "kết là một căn cứ đánh giá.",
                )
            )
    if good and facts.unexcused_months:
        rules = meeting_rules()
        source = rules.source("unexcused_absence_flag")
        text = (
            f"Vắng sinh hoạt chi bộ không có lý do {facts.unexcused_months} tháng trong năm "
            "(tiêu chí ý thức tổ chức kỷ luật)"
        )
        if facts.unexcused_months >= rules.unexcused_absence_flag:
            text += (
                f"; từ {rules.unexcused_absence_flag} tháng chi bộ phải xem xét xóa tên "
                f"({source.cite or source.text})"
            )
        found.append(RatingWarning("absences", text + "."))
    return found


YES, NO = "yes", "no"


def question_warnings(pack: RulePack, answers, chosen) -> list[RatingWarning]:
    """The KHTNV triggers the secretary answers (QĐ 366 Điều 11 k4): a "yes" warns that the
    case is rated "Không hoàn thành nhiệm vụ", an unanswered one asks to be answered; the
    superior decides either way."""
    lowest = max(pack.levels, key=lambda level: level.rank)
    if not pack.questions or chosen.rank >= lowest.rank:
        return []
    given = {code: (answer, note) for code, answer, note in answers}
    found = []
    for question in pack.questions:
        answer, note = given.get(question.code, ("", ""))
        if answer == YES:
            noted = f" Ghi chú: {note.strip()}." if note.strip() else ""
            found.append(
                RatingWarning(
                    "khtnv",
                    f'Chi bộ trả lời "Có": {question.question}{noted} Trường hợp này xếp loại '
                    f'"{lowest.name}" ({question.source}); cấp có thẩm quyền xem xét, quyết định.',
                )
            )
        elif answer != NO:
            found.append(RatingWarning("question", f"Chưa trả lời: {question.question}"))
    return found


def quota_warning(pack: RulePack, counts: dict[str, int]) -> RatingWarning | None:
    result = quota_check(pack, counts)
    if not result.exceeded:
        return None
    source = f" ({result.source})" if result.source else ""
    note = " Tỷ lệ này do cấp ủy cấp trên xem xét, quyết định." if pack.quota else ""
    if result.scope_note:
        note = f" {result.scope_note} Chi bộ đề xuất theo kết quả; cấp ủy cấp trên xem xét, quyết định."
    return RatingWarning("quota", f"{result.explanation}{source}.{note}")


def vote_warning(
    votes_for: int | None,
    votes_total: int | None,
    rules: MeetingRules | None = None,
    base: VoteBase | None = None,
) -> RatingWarning | None:
    """A rating vote short of its majority. With ``base`` the majority is of the cell's
    official members less the exclusions (Điều lệ Đảng Điều 9 khoản 5; QĐ 24-QĐ/TW 9.3.2);
    without it (the collective's vote) of the votes cast."""
    if votes_for is None:
        return None
    rules = rules or meeting_rules()
    if base is not None and base.base > 0:
        shortfall = base.shortfall(votes_for, rules.resolution, rules.source("vote_majority").cite)
        if shortfall is None:
            return None
        unknown = (
            ""
            if base.known_attendance
            else " Đề xuất chưa gắn với buổi họp xếp loại nên chưa trừ được người vắng có lý do."
        )
        return RatingWarning("votes", f"Chưa đủ phiếu: {shortfall}{unknown}")
    if not votes_total:
        return None
    if rules.vote_passes(votes_for, votes_total):
        return None
    needed = rules.votes_needed(votes_total)
    source = rules.source("vote_majority")
    return RatingWarning(
        "votes",
        f"{votes_for}/{votes_total} phiếu tán thành, chưa đạt {rules.majority_text} "
        f"(cần ít nhất {needed} phiếu){f' ({source.cite})' if source.cite else ''}.",
    )
