"""What the members page does: its toolbar actions and the member and roster commands.

Add, edit and delete go through the undo stack (``commands.py``); import, export and
print open their dialogs, imported when first used so the page opens lean.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from desktop.ui import messages
from desktop.ui.members.commands import AddMemberCommand, DeleteMemberCommand, EditMemberCommand
from desktop.ui.members.form import MemberDialog


def make_action(
    owner: QWidget, text: str, icon: QStyle.StandardPixmap, slot, shortcut=None, tip=""
) -> QAction:
    """An action of ``owner`` with a standard icon; its shortcut (if any) works anywhere
    inside ``owner`` and is named in the tooltip."""
    action = QAction(owner.style().standardIcon(icon), text, owner)
    action.triggered.connect(slot)
    if shortcut is not None:
        keys = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        owner.addAction(action)
        names = ", ".join(
            QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys
        )
        tip = f"{tip or text.replace('&', '').rstrip('…')} ({names})"
    if tip:
        action.setToolTip(tip)
    return action


class MemberActions:
    """The members page's actions; mixed into ``MembersPage``, which provides ``ctx``,
    ``model``, ``table``, ``reload``, ``selected_id`` and ``focus_search``."""

    def _build_actions(self) -> None:
        icons = QStyle.StandardPixmap
        self.add_action = make_action(
            self,
            "Thê&m",
            icons.SP_FileDialogNewFolder,
            self.add_member,
            "Ctrl+N",
            "Thêm đảng viên mới",
        )
        self.edit_action = make_action(
            self,
            "&Sửa",
            icons.SP_FileDialogDetailedView,
            self.edit_selected,
            "F2",
            "Sửa thông tin đảng viên đang chọn",
        )
        self.delete_action = make_action(
            self,
            "&Xóa",
            icons.SP_TrashIcon,
            self.delete_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
            "Xóa đảng viên đang chọn",
        )
        self.deleted_action = make_action(
            self,
            "&Khôi phục…",
            icons.SP_BrowserReload,
            self.show_deleted,
            tip="Xem những đảng viên đã xóa khỏi danh sách và khôi phục",
        )
        self.find_action = make_action(
            self, "Tìm", icons.SP_FileDialogContentsView, self.focus_search, "Ctrl+F"
        )
        # Import, export and print also sit in the Tệp menu, which owns their shortcuts.
        self.import_action = make_action(
            self,
            "&Nhập từ Excel…",
            icons.SP_DialogOpenButton,
            self.import_roster,
            tip="Nhập danh sách đảng viên từ tệp Excel hoặc tệp văn bản CSV (Ctrl+I)",
        )
        self.export_action = make_action(
            self,
            "X&uất…",
            icons.SP_DialogSaveButton,
            self.export_roster,
            tip="Xuất danh sách đảng viên ra tệp Excel hoặc tệp văn bản CSV (Ctrl+E)",
        )
        self.print_action = make_action(
            self,
            "In danh sá&ch…",
            icons.SP_FileIcon,
            self.print_roster,
            tip="Xem trước và in danh sách đảng viên (Ctrl+P)",
        )

    def _update_actions(self) -> None:
        has_selection = self.selected_id() is not None
        self.edit_action.setEnabled(has_selection)
        self.delete_action.setEnabled(has_selection)

    # --- member actions ------------------------------------------------------------

    def add_member(self) -> None:
        dialog = MemberDialog(self.ctx, None, self)
        if dialog.exec() and dialog.saved_id:
            name = dialog.after.full_name if dialog.after else ""
            self.ctx.undo_stack.push(AddMemberCommand(self.ctx, dialog.saved_id, name))
            self.reload(dialog.saved_id)
        self.table.setFocus()

    def edit_selected(self) -> None:
        member_id = self.selected_id()
        if member_id is not None:
            self.edit_member(member_id)

    def edit_member(self, member_id: int) -> None:
        dialog = MemberDialog(self.ctx, member_id, self)
        saved = dialog.exec()
        if saved and dialog.before is not None and dialog.after is not None:
            command = EditMemberCommand(self.ctx, member_id, dialog.before, dialog.after)
            self.ctx.undo_stack.push(command)
        self.reload(member_id)
        self.table.setFocus()

    def delete_selected(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        row = self.model.row_at(selected[0].row()) if selected else None
        if row is None:
            return
        member_id = row.id
        if not messages.ask(
            self,
            "Xóa đảng viên",
            f"Xóa đồng chí {row.full_name} khỏi danh sách? Có thể hoàn tác ngay sau khi xóa.",
            "Xóa",
            "Không xóa",
            danger=True,
        ):
            return
        self._row_hint = self.model.row_of(member_id)
        self.ctx.undo_stack.push(DeleteMemberCommand(self.ctx, member_id, row.full_name))
        self.ctx.undo_offered.emit(f"Đã xóa đồng chí {row.full_name}.")
        self.table.setFocus()

    def show_deleted(self):
        """Đảng viên đã xóa, with "Khôi phục" (undo works only until the app is closed)."""
        from desktop.ui.members.deleted_dialog import DeletedMembersDialog

        dialog = DeletedMembersDialog(self.ctx, self)
        dialog.finished.connect(lambda _result: self.table.setFocus())
        dialog.finished.connect(dialog.deleteLater)
        self.deleted_dialog = dialog
        dialog.open()
        return dialog

    # --- roster-wide actions -------------------------------------------------------

    def import_roster(self) -> None:
        from desktop.ui.importing.dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.exec()

    def export_roster(self) -> None:
        from desktop.ui.roster_actions import export_roster

        export_roster(self.ctx, self)

    def print_roster(self) -> None:
        from desktop.ui.roster_actions import print_roster

        print_roster(self.ctx, self)
