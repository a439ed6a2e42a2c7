"""The import dialog (nhập danh sách đảng viên từ Excel) in three steps.

1. Choose the file. 2. Check the column mapping and the preview; the confirm button
says exactly what will happen. 3. Import (in the background), back up, show the report.
Nothing is written before the confirm button is pressed.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.members.importing import (
    ImportPlan,
    ImportReport,
    POSSIBLE_DUPLICATE,
    apply_import,
    format_report,
    plan_import,
)
from desktop.storage.atomic import atomic_write_bytes
from desktop.ui import files, messages
from desktop.ui.context import UiContext
from desktop.ui.importing.mapping import MappingTable
from desktop.ui.importing.preview_model import COL_NOTE, PREVIEW_LIMIT, PlanPreviewModel
from desktop.ui.style import heading
from desktop.ui.tasks import Task, run_task
from desktop.ui.widgets import WARNING_COLOUR, coloured_label, error_label

STEP_CHOOSE, STEP_PREVIEW, STEP_REPORT = range(3)
BACKUP_REASON = "sau-nhap"


def confirm_text(plan: ImportPlan) -> str:
    """ "Nhập 23 đảng viên mới (2 dòng trùng sẽ bỏ qua, 1 dòng lỗi)"."""
    if plan.new_count == 0:
        return "Không có đảng viên mới để nhập"
    extra = []
    if plan.duplicate_count:
        extra.append(f"{plan.duplicate_count} dòng trùng sẽ bỏ qua")
    if plan.rejected_count:
        extra.append(f"{plan.rejected_count} dòng lỗi")
    text = f"Nhập {plan.new_count} đảng viên mới"
    return text + (f" ({', '.join(extra)})" if extra else "")


class ImportDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self.backup_path: Path | None = None
        self.task: Task | None = None
        self._generation = 0
        self.setWindowTitle("Nhập danh sách đảng viên")
        self.resize(1160, 720)

        self.steps = QStackedWidget()
        self.steps.addWidget(self._build_choose())
        self.steps.addWidget(self._build_preview())
        self.steps.addWidget(self._build_report())
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        self.choose_button.setFocus()

    # --- building ------------------------------------------------------------------

    def _build_choose(self) -> QWidget:
        page = QWidget()
        text = QLabel(
            "Chọn tệp danh sách đảng viên (Excel .xlsx hoặc .csv). Phần mềm tự tìm dòng tiêu "
            "đề, ghép các cột và sửa những lỗi thường gặp (chữ TCVN3/VNI, số thẻ mất số 0 ở "
            "đầu, ngày tháng ghi nhiều kiểu). Trước khi nhập, đồng chí sẽ xem lại từng dòng; "
            "chưa có gì được ghi cho đến khi bấm nút nhập."
        )
        text.setWordWrap(True)
        self.choose_button = QPushButton("&Chọn tệp…")
        self.choose_button.clicked.connect(self.choose_file)
        self.choose_error = error_label()
        close = QPushButton("Đóng")
        close.clicked.connect(self.reject)
        self.choose_button.setMinimumHeight(self.choose_button.sizeHint().height() * 3 // 2)
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.choose_button)
        choose_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(heading("Bước 1: chọn tệp"))
        layout.addWidget(text)
        layout.addSpacing(12)
        layout.addLayout(choose_row)
        layout.addWidget(self.choose_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_preview(self) -> QWidget:
        page = QWidget()
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.warnings_label = coloured_label(WARNING_COLOUR)
        self.mapping = MappingTable()
        self.mapping.mapping_changed.connect(self.replan)
        self.preview_model = PlanPreviewModel(self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.verticalHeader().hide()
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(True)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.preview.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.preview_note = QLabel()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Các cột trong tệp</b> (sửa nếu ghép sai)"))
        left_layout.addWidget(self.mapping)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("<b>Xem trước từng dòng</b>"))
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.preview_note)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([330, 810])

        self.confirm_button = QPushButton()
        self.confirm_button.clicked.connect(self.confirm)
        other = QPushButton("Chọn tệp &khác…")
        other.clicked.connect(self.choose_file)
        cancel = QPushButton("Hủy")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(other)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(page)
        layout.addWidget(heading("Bước 2: kiểm tra trước khi nhập"))
        layout.addWidget(self.file_label)
        layout.addWidget(self.warnings_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        return page

    def _build_report(self) -> QWidget:
        page = QWidget()
        self.report_summary = QLabel()
        self.report_summary.setWordWrap(True)
        self.report_text = QPlainTextEdit()
        self.report_text.setReadOnly(True)
        self.save_report_button = QPushButton("&Lưu báo cáo…")
        self.save_report_button.clicked.connect(self.save_report)
        close = QPushButton("Đó&ng")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_report_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(heading("Bước 3: kết quả nhập"))
        layout.addWidget(self.report_summary)
        layout.addWidget(self.report_text, 1)
        layout.addLayout(buttons)
        return page

    # --- step 1 → 2: planning ------------------------------------------------------

    def choose_file(self) -> None:
        path = files.open_file(self, "Chọn tệp danh sách đảng viên", files.IMPORT_FILTERS)
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> Task:
        """Read ``path`` and plan the import in the background (writes nothing)."""
        self.path = Path(path)
        return self._plan(None)

    def replan(self, mapping: dict[str, int]) -> Task | None:
        if self.path is None:
            return None
        return self._plan(mapping)

    def _plan(self, mapping: dict[str, int] | None) -> Task:
        self._generation += 1
        generation = self._generation
        db, path, today = self.ctx.db, self.path, self.ctx.today()
        self.confirm_button.setEnabled(False)

        def done(plan: ImportPlan) -> None:
            if generation == self._generation:
                self._show_plan(plan, remap=mapping is None)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            text, _details = messages.user_message(exc)
            if self.plan is None:
                self.choose_error.setText(text)
                self.steps.setCurrentIndex(STEP_CHOOSE)
            messages.show_exception(self, exc, "Chưa đọc được tệp")

        self.task = run_task(
            self,
            f"Đang đọc tệp {path.name}…",
            lambda progress: plan_import(db, path, mapping, today=today),
            done,
            on_error=failed,
        )
        return self.task

    def _show_plan(self, plan: ImportPlan, remap: bool) -> None:
        self.plan = plan
        self.choose_error.clear()
        skipped = (
            f", bỏ qua {len(plan.skipped)} dòng không phải đảng viên (tiêu đề, tổng cộng…)"
            if plan.skipped
            else ""
        )
        self.file_label.setText(
            f"Tệp: <b>{escape(plan.source.name)}</b> — trang «{escape(plan.sheet_name)}», "
            f"dòng tiêu đề {plan.header_row}. Sẽ nhập {plan.new_count}, trùng "
            f"{plan.duplicate_count}, lỗi {plan.rejected_count}{skipped}."
        )
        self.warnings_label.setText("\n".join(f"Lưu ý: {w}" for w in plan.warnings))
        self.warnings_label.setVisible(bool(plan.warnings))
        if remap:
            self.mapping.set_columns(plan.headers, plan.mapping)
        self.preview_model.set_plan(plan)
        shown = min(len(plan.rows), PREVIEW_LIMIT)
        self.preview_note.setText(
            f"Đang hiện {shown}/{len(plan.rows)} dòng. Báo cáo sau khi nhập ghi đủ mọi dòng."
            if len(plan.rows) > PREVIEW_LIMIT
            else ""
        )
        self.confirm_button.setText(confirm_text(plan))
        self.confirm_button.setEnabled(plan.new_count + plan.question_count > 0)
        self.confirm_button.setDefault(True)
        self.steps.setCurrentIndex(STEP_PREVIEW)

    # --- step 2 → 3: importing -----------------------------------------------------

    def confirm(self) -> Task | None:
        plan = self.plan
        if plan is None or plan.new_count + plan.question_count == 0:
            return None
        if plan.question_count:
            questioned = [r.name for r in plan.rows if r.outcome == POSSIBLE_DUPLICATE]
            names = ", ".join(questioned)[:300]
            plan.import_possible_duplicates(
                messages.ask(
                    self,
                    "Có người tên gần giống",
                    f"{plan.question_count} dòng có tên chỉ khác dấu với người đã có, cùng ngày "
                    f"sinh ({names}). Dấu thanh khác là tên khác: nếu đây là những người khác, "
                    "hãy nhập họ; nếu là cùng người, hãy bỏ qua.",
                    "Nhập như người khác",
                    "Bỏ qua các dòng này",
                )
            )
        self.confirm_button.setEnabled(False)
        workspace = self.ctx.workspace

        def work(progress) -> tuple[ImportReport, Path | None, str]:
            report = apply_import(workspace.db, plan)
            try:
                backup = workspace.backup(BACKUP_REASON)
            except Exception as exc:  # noqa: BLE001 - the import itself succeeded
                return report, None, messages.user_message(exc)[0]
            return report, backup, ""

        def failed(exc: BaseException) -> None:
            self.confirm_button.setEnabled(True)
            messages.show_exception(self, exc, "Chưa nhập được danh sách")

        self.task = run_task(
            self,
            f"Đang nhập {plan.new_count} đảng viên…",
            work,
            self._show_report,
            on_error=failed,
        )
        return self.task

    def _show_report(self, result: tuple[ImportReport, Path | None, str]) -> None:
        report, backup, backup_error = result
        self.report = report
        self.backup_path = backup
        summary = f"Đã nhập {report.imported} đảng viên vào danh sách."
        if backup is not None:
            summary += f" Đã sao lưu dữ liệu sau khi nhập ({backup.name})."
        else:
            summary += f" Chưa sao lưu được sau khi nhập: {backup_error}"
        self.report_summary.setText(summary)
        self.report_text.setPlainText(format_report(report))
        self.steps.setCurrentIndex(STEP_REPORT)
        first = report.member_ids[0] if report.member_ids else 0
        self.ctx.members_changed.emit(first)
        self.save_report_button.setFocus()

    def save_report(self) -> Path | None:
        if self.report is None:
            return None
        stem = self.path.stem if self.path else "danh-sach"
        target = files.save_file(
            self, "Lưu báo cáo nhập", f"bao-cao-nhap-{stem}.txt", files.TEXT_FILTER
        )
        if target is None:
            return None
        text = self.report_text.toPlainText().replace("\n", "\r\n")
        try:
            atomic_write_bytes(target, text.encode("utf-8-sig"))
        except OSError as exc:
            messages.show_exception(self, exc, "Chưa lưu được báo cáo")
            return None
        messages.info(self, "Đã lưu", f"Đã lưu báo cáo vào:\n{target}")
        return target

    def reject(self) -> None:
        if self.task is not None and not self.task.done:
            return  # never leave while a plan or an import is running
        super().reject()
