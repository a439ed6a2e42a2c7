"""What the topics page does: manage the topics and record who has studied them.

``TopicActions`` adds, edits, deletes and imports topics and renames the campaign;
``StudyActions`` marks members as having studied the chosen topic (by hand or from a
meeting's attendance) and takes a mark back. Both are mixed into ``TopicsPage``, which
provides ``ctx``, ``round``, ``model``, ``table``, ``reload``, ``show_round``,
``selected_rows``, ``topic_id`` and the ``topics_changed`` signal.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from desktop.services.topics.catalogue import delete_topic, get_topic, import_topic_file
from desktop.services.topics.study_round import mark_studied_from_meeting, unmark_studied
from desktop.ui import files, messages
from desktop.ui.topics.dialogs import (
    CampaignNameDialog,
    CatalogueDialog,
    MarkStudiedDialog,
    MeetingPickDialog,
)
from desktop.ui.topics.topic_dialog import TopicDialog

TOPIC_FILTER = "Tệp chuyên đề (*.json)"


class PageDialogs:
    """Opens one window-modal dialog at a time and keeps it alive while it is open."""

    dialog = None  # the dialog open now, for tests and for keeping it alive

    def _open(self, dialog, on_accept) -> None:
        def finished(result: int) -> None:
            self.dialog = None
            if result:
                on_accept(dialog)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()


class TopicActions(PageDialogs):
    """The topics and the campaign's name."""

    def edit_campaign_name(self) -> CampaignNameDialog:
        dialog = CampaignNameDialog(self.ctx, self)
        self._open(dialog, lambda _d: self.reload())
        return dialog

    def new_topic(self) -> TopicDialog:
        dialog = TopicDialog(self.ctx, None, self)
        self._open(dialog, self._topic_saved)
        return dialog

    def edit_topic(self) -> TopicDialog | None:
        topic_id = self.topic_id()
        if topic_id is None:
            return None
        dialog = TopicDialog(self.ctx, topic_id, self)
        self._open(dialog, self._topic_saved)
        return dialog

    def _topic_saved(self, dialog: TopicDialog) -> None:
        self.reload(select_id=dialog.saved_id)
        self.topics_changed.emit()

    def delete_topic(self) -> bool:
        """Delete the chosen topic after asking; a used one is refused with the reason."""
        topic_id = self.topic_id()
        if topic_id is None:
            return False
        topic = get_topic(self.ctx.db, topic_id)
        if not messages.ask(
            self,
            "Xóa chuyên đề",
            f"Xóa chuyên đề “{topic.display_title}” ({topic.period_label})? "
            "Có thể khôi phục ở «Chuyên đề đã xóa…».",
            "Xóa",
            "Không",
            danger=True,
        ):
            return False
        try:
            delete_topic(self.ctx.db, topic_id)
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            messages.show_exception(self, exc, "Chưa xóa được chuyên đề")
            return False
        self.reload()
        self.topics_changed.emit()
        return True

    def show_deleted(self):
        """Chuyên đề đã xóa, with "Khôi phục"; the page shows a restored one at once."""
        from desktop.ui.topics.deleted_dialog import deleted_topics_dialog

        def changed() -> None:
            self.reload()
            self.topics_changed.emit()

        dialog = deleted_topics_dialog(self.ctx, changed, self)
        dialog.finished.connect(dialog.deleteLater)
        self.deleted_dialog = dialog
        dialog.open()
        return dialog

    def add_from_catalogue(self) -> CatalogueDialog:
        dialog = CatalogueDialog(self.ctx, self)
        self._open(dialog, lambda picked: self._import(picked.chosen))
        return dialog

    def import_file(self) -> None:
        path = files.open_file(self, "Nhập tệp chuyên đề", TOPIC_FILTER)
        if path is not None:
            self._import(path)

    def _import(self, path) -> int | None:
        try:
            topic_id = import_topic_file(self.ctx.db, path)
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            messages.show_exception(self, exc, "Chưa thêm được chuyên đề")
            return None
        self.reload(select_id=topic_id)
        self.topics_changed.emit()
        return topic_id


class StudyActions(PageDialogs):
    """Who has studied the chosen topic."""

    def mark_selected(self) -> MarkStudiedDialog | None:
        rows = self.selected_rows()
        if self.round is None or not rows:
            return None
        people = [(r.member_id, r.full_name) for r in rows]
        dialog = MarkStudiedDialog(self.ctx, self.round.topic, people, self)
        self._open(dialog, lambda _d: self._changed())
        return dialog

    def unmark_selected(self) -> None:
        rows = [r for r in self.selected_rows() if r.studied]
        if self.round is None or not rows:
            return
        names = ", ".join(r.full_name for r in rows)
        if not messages.ask(
            self,
            "Bỏ đánh dấu đã học tập",
            f"Ghi lại là chưa học tập chuyên đề cho {len(rows)} đồng chí: {names}?",
            "Bỏ đánh dấu",
            "Không",
            danger=True,
        ):
            return
        try:
            for row in rows:
                unmark_studied(self.ctx.db, self.round.topic.id, row.member_id)
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            messages.show_exception(self, exc, "Chưa bỏ đánh dấu được")
        self._changed()

    def take_from_meeting(self) -> MeetingPickDialog | None:
        if self.round is None:
            return None
        topic_id = self.round.topic.id
        dialog = MeetingPickDialog(self.ctx, self.round.topic, self)

        def chosen(picked: MeetingPickDialog) -> None:
            try:
                added = mark_studied_from_meeting(self.ctx.db, topic_id, picked.meeting_id)
            except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
                messages.show_exception(self, exc, "Chưa ghi nhận được")
                return
            self._changed()
            messages.info(self, "Đã ghi nhận", f"Đã ghi nhận {added} đồng chí đã học tập.")

        self._open(dialog, chosen)
        return dialog

    def _changed(self) -> None:
        selected = [r.member_id for r in self.selected_rows()]
        self.show_round()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for member_id in selected:
            row = self.model.row_of(member_id)
            if row >= 0:
                self.table.selectionModel().select(self.model.index(row, 0), flags)
        self.topics_changed.emit()
