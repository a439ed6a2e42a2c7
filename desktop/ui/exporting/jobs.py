"""The three things written to a stick (gửi cấp trên, sao lưu, bàn giao), described once.

Each job names its window, what it writes and which service call does it; the export
dialog drives any of them the same way (choose a stick, optional password, progress,
verified message).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.exchange.write import Progress
from desktop.packaging.ratings import ExportResult
from desktop.ui.context import UiContext

# run(target, year, password, replace, progress) -> ExportResult; runs in a worker thread.
Runner = Callable[[Path, int, "str | None", bool, Progress], ExportResult]

PASSWORD_TEXT = (
    "Mật khẩu (không bắt buộc): nếu USB bị mất, người nhặt được không đọc được họ tên và "
    "kết quả trong gói khi không có mật khẩu. Tên chi bộ và năm vẫn đọc được. Hãy báo mật "
    "khẩu cho người nhận bằng đường khác (gọi điện, gặp trực tiếp), không ghi lên USB; "
    "mật khẩu quên thì không lấy lại được."
)


@dataclass(frozen=True)
class ExportJob:
    title: str
    intro: str
    thing: str  # "gói kết quả xếp loại", for the messages
    start_text: str
    uses_year: bool
    uses_password: bool
    make_runner: Callable[[UiContext], Runner]
    # What the package would be sent without, line by line, asked about before writing.
    gaps: Callable[[UiContext, int], list[str]] | None = None


def _ratings_runner(ctx: UiContext) -> Runner:
    from desktop.packaging.ratings import export_ratings

    db, today = ctx.db, ctx.today()

    def run(target, year, password, replace, progress):
        return export_ratings(
            db, year, target, password=password, replace=replace, progress=progress, today=today
        )

    return run


def _rating_gaps(ctx: UiContext, year: int) -> list[str]:
    from desktop.services.reviews.gaps import rating_gaps

    return rating_gaps(ctx.db, year, ctx.today()).lines()


def _backup_runner(ctx: UiContext) -> Runner:
    from desktop.packaging.handover import backup_to

    db, database_path = ctx.db, ctx.workspace.database_path

    def run(target, year, password, replace, progress):
        return backup_to(db, database_path, target, password=password, progress=progress)

    return run


def _handover_runner(ctx: UiContext) -> Runner:
    from desktop.packaging.handover import export_handover

    db, database_path, today = ctx.db, ctx.workspace.database_path, ctx.today()

    def run(target, year, password, replace, progress):
        return export_handover(
            db,
            database_path,
            year,
            target,
            password=password,
            replace=replace,
            progress=progress,
            today=today,
        )

    return run


RATINGS = ExportJob(
    title="Gửi kết quả xếp loại lên cấp trên",
    intro=(
        "Ghi ra USB gói kết quả xếp loại đảng viên của năm: danh sách đề nghị xếp loại "
        "(Excel và PDF) và tệp dữ liệu để phần mềm của đảng ủy cơ sở tổng hợp. Gói được "
        "đọc lại và kiểm tra từng tệp trước khi báo xong."
    ),
    thing="gói kết quả xếp loại",
    start_text="&Ghi ra USB và kiểm tra",
    uses_year=True,
    uses_password=True,
    make_runner=_ratings_runner,
    gaps=_rating_gaps,
)

BACKUP = ExportJob(
    title="Sao lưu ra USB",
    intro=(
        "Chép toàn bộ dữ liệu của chi bộ ra USB (hoặc thư mục khác), rồi đọc lại để kiểm "
        "tra. Nên đặt mật khẩu: dữ liệu có số CCCD, địa chỉ, điện thoại của đảng viên. Khi "
        "cần, khôi phục bằng nút «Khôi phục từ USB…» ở trang này."
    ),
    thing="bản sao lưu",
    start_text="&Sao lưu và kiểm tra",
    uses_year=False,
    uses_password=True,
    make_runner=_backup_runner,
)

HANDOVER = ExportJob(
    title="Lập gói bàn giao",
    intro=(
        "Gói bàn giao cho bí thư mới: toàn bộ dữ liệu cùng các bản in của năm (danh sách "
        "đảng viên, sổ biên bản, tổng hợp cam kết, danh sách xếp loại) và tệp hướng dẫn."
    ),
    thing="gói bàn giao",
    start_text="&Lập gói và kiểm tra",
    uses_year=True,
    uses_password=True,
    make_runner=_handover_runner,
)
