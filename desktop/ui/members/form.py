"""The member form (phiếu đảng viên): add a member or edit one, with its event history.

Nothing is saved while any field is wrong: each error is shown in red under its own
field, the first wrong field gets the focus (switching tab if needed), and what the
user typed stays in the form.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.members import registry as member_service
from desktop.errors import FieldError, ValidationError
from desktop.services.members.registry import MemberData
from desktop.ui.screen_fit import fit_to_screen, usable_size
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.members.events import EventsPanel
from desktop.ui.members.form_fields import (
    FIELD_BY_NAME,
    FIELDS,
    TAB_TITLES,
    changed_signal,
    make_editor,
    read_value,
    show_value,
    snapshot,
)
from desktop.ui.style import heading
from desktop.ui.widgets import ERROR_COLOUR, FieldBox, error_label, form_label

HISTORY_TAB_TITLE = "Quá trình sinh hoạt"
# Added to the title of a tab that holds a wrong field, until it is put right.
TAB_ERROR_MARK = "(có lỗi)"
FIELDS_IN_TAB_ORDER = sorted(FIELDS, key=lambda spec: spec.tab)


class MemberDialog(QDialog):
    """``member_id`` None adds a member; after ``exec()``, ``saved_id`` is set on success.

    ``before`` / ``after`` hold the data around an edit, for the undo step.
    """

    def __init__(
        self, ctx: UiContext, member_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.saved_id: int | None = None
        self.before: MemberData | None = None
        self.after: MemberData | None = None
        self.editors: dict[str, QWidget] = {}
        self.boxes: dict[str, FieldBox] = {}

        detail = member_service.get_member(ctx.db, member_id, ctx.today()) if member_id else None
        title = f"Đồng chí {detail.data.full_name}" if detail else "Thêm đảng viên"
        self.setWindowTitle(title)
        fit_to_screen(self, QSize(760, 640))

        self.tabs = QTabWidget()
        for tab, tab_title in enumerate(TAB_TITLES):
            self.tabs.addTab(self._build_tab(tab), tab_title)
        self.events_panel: EventsPanel | None = None
        if member_id is not None:
            self.events_panel = EventsPanel(ctx, member_id)
            self.events_panel.changed.connect(self._events_changed)
            self.tabs.addTab(self.events_panel, HISTORY_TAB_TITLE)

        self.general_error = error_label()

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        if detail is not None:
            layout.addWidget(QLabel(f"Tình trạng hôm nay: {detail.status.label}"))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        if detail is not None:
            self.before = detail.data
            self._show(detail.data)
        else:
            self._show(MemberData())
        self._clean = snapshot(self.editors)
        self.editors["full_name"].setFocus()

    def _build_tab(self, tab: int) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for spec in FIELDS:
            if spec.tab != tab:
                continue
            editor = make_editor(spec)
            box = FieldBox(editor)
            form.addRow(form_label(spec.label, editor), box)
            self.editors[spec.name] = editor
            self.boxes[spec.name] = box
            changed_signal(editor).connect(self._edited)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the area
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _show(self, data: MemberData) -> None:
        for spec in FIELDS:
            show_value(spec, self.editors[spec.name], getattr(data, spec.name))

    def has_unsaved_changes(self) -> bool:
        return snapshot(self.editors) != self._clean

    def member_data(self) -> tuple[MemberData, list[FieldError]]:
        """The member as typed, and the errors of boxes that could not be read."""
        values: dict[str, object] = {}
        errors: list[FieldError] = []
        for spec in FIELDS:
            value, error = read_value(spec, self.editors[spec.name])
            values[spec.name] = value
            if error is not None:
                errors.append(error)
        known = {f.name for f in fields(MemberData)}
        return MemberData(**{k: v for k, v in values.items() if k in known}), errors

    def show_errors(self, errors: list[FieldError]) -> None:
        for box in self.boxes.values():
            box.set_error("")
        general: list[str] = []
        for error in errors:
            box = self.boxes.get(error.field)
            if box is None:
                general.append(error.message)
            elif not box.error():
                box.set_error(error.message)
        wrong = {e.field for e in errors}
        # The first wrong field in the order of the form, tab by tab.
        first = next((spec.name for spec in FIELDS_IN_TAB_ORDER if spec.name in wrong), None)
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        self._mark_tabs()
        if first is not None:
            self.tabs.setCurrentIndex(FIELD_BY_NAME[first].tab)
            self.editors[first].setFocus()

    def _mark_tabs(self) -> None:
        """Every tab holding a wrong field says so (red, a warning sign, "có lỗi")."""
        bar = self.tabs.tabBar()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for tab, title in enumerate(TAB_TITLES):
            wrong = any(
                box.error() for name, box in self.boxes.items() if FIELD_BY_NAME[name].tab == tab
            )
            self.tabs.setTabText(tab, f"{title} {TAB_ERROR_MARK}" if wrong else title)
            self.tabs.setTabIcon(tab, warning if wrong else QIcon())
            bar.setTabTextColor(tab, QColor(ERROR_COLOUR) if wrong else QColor())
        # The marks lengthen the tabs: widen the window (within the screen) so that
        # every tab title stays whole instead of scrolling off behind the arrows.
        need = bar.sizeHint().width() + self.width() - self.tabs.width() + 8
        if need > self.width():
            self.resize(min(need, usable_size(self).width()), self.height())

    def _edited(self) -> None:
        """A field changed while errors are shown: take away those now fixed."""
        if not any(box.error() for box in self.boxes.values()):
            return
        _data, _normalized, errors = self._checked()
        still = {}
        for error in errors:
            still.setdefault(error.field, error.message)
        for name, box in self.boxes.items():
            if box.error() and name not in still:
                box.set_error("")
        self._mark_tabs()

    def _checked(self) -> tuple[MemberData, MemberData, list[FieldError]]:
        """The member as typed, normalized, and everything wrong with it."""
        data, errors = self.member_data()
        unreadable = {e.field for e in errors}
        normalized = member_service.normalize(data)
        errors += [
            e
            for e in member_service.validate(normalized, self.ctx.today())
            if e.field not in unreadable
        ]
        return data, normalized, errors

    def accept(self) -> None:
        data, normalized, errors = self._checked()
        self.show_errors(errors)
        if errors:
            return
        try:
            if self.member_id is None:
                self.saved_id = member_service.create_member(self.ctx.db, data, self.ctx.today())
            else:
                member_service.update_member(self.ctx.db, self.member_id, data, self.ctx.today())
                self.saved_id = self.member_id
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except Exception as exc:  # noqa: BLE001 - the form stays open with what was typed
            messages.show_exception(self, exc, "Chưa lưu được")
            return
        self.after = normalized
        self._clean = snapshot(self.editors)
        super().accept()

    def reject(self) -> None:
        """Close (Esc, "Đóng", ×): with unsaved typing, Lưu / Không lưu / Quay lại."""
        if self.has_unsaved_changes():
            answer = messages.ask_save(
                self, "Những gì vừa nhập vào phiếu đảng viên chưa được lưu. Lưu lại?"
            )
            if answer == messages.SAVE:
                self.accept()  # stays open, errors shown, when something is wrong
                return
            if answer == messages.CANCEL:
                return
        super().reject()

    def discard(self) -> None:
        """Close without asking (the main window is closing and the user agreed)."""
        super().reject()

    def _events_changed(self) -> None:
        # Kết nạp / chính thức events are also shown as the two date fields; keep them
        # in step so that saving the form does not put the old dates back.
        detail = member_service.get_member(self.ctx.db, self.member_id, self.ctx.today())
        for name in ("admitted_on", "official_on"):
            editor = self.editors[name]
            was_clean = snapshot({name: editor})[name] == self._clean[name]
            show_value(FIELD_BY_NAME[name], editor, getattr(detail.data, name))
            if was_clean:
                self._clean[name] = snapshot({name: editor})[name]
        if self.before is not None:
            self.before.admitted_on = detail.data.admitted_on
            self.before.official_on = detail.data.official_on
