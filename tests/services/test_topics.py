"""Study topics: the shipped catalogue, which topic is current, next year's topic from a
file, refusals in Vietnamese, and the editable campaign name."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest

from desktop.models import Meeting
from desktop.services.cell.settings import (
    DEFAULT_CAMPAIGN_NAME,
    campaign_name,
    get_setting,
    set_campaign_name,
    set_setting,
)
from desktop.errors import DomainError, ValidationError
from desktop.services.members.registry import MemberData, create_member
from desktop.services.topics.study_round import mark_studied
from desktop.services.topics.files import catalogue_files
from desktop.services.topics.catalogue import (
    TopicData,
    TopicDocumentInfo,
    TopicFileError,
    TopicSectionInfo,
    create_topic,
    current_topic,
    current_topics,
    delete_topic,
    ensure_seed_topics,
    export_topic_file,
    get_topic,
    import_topic_file,
    list_topics,
    load_topic_file,
    period_label,
    set_sections,
    update_topic,
)
from desktop.services.cell.workspace import Workspace

NATIONAL_TITLE = (
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường "
    "và khát vọng phát triển đất nước phồn vinh, hạnh phúc"
)
COMPILED_MARK = "biên soạn từ nội dung kế hoạch"


def seeded(db) -> dict[str, object]:
    ensure_seed_topics(db)
    return {t.seed_key: t for t in list_topics(db)}


def hau_giang_cell(db) -> dict[str, object]:
    """A cell in Hậu Giang deletes the catalogue's topics of other provinces."""
    for key, t in seeded(db).items():
        if key not in ("toan-khoa-2021-2026", "hau-giang-2022-2023", "hau-giang-2024-2025"):
            delete_topic(db, t.id)
    return {t.seed_key: t for t in list_topics(db)}


def topic(**overrides) -> TopicData:
    base = dict(
        title="Chuyên đề thử",
        level="tinh",
        start_year=2024,
        sections=[TopicSectionInfo("Mục một"), TopicSectionInfo("Mục hai")],
    )
    base.update(overrides)
    return TopicData(**base)


def add_meeting(db, section_id: int | None, year: int, month: int, held: bool = True) -> int:
    with db.session() as s:
        meeting = Meeting(
            kind="thuong_ky",
            year=year,
            month=month,
            state="held" if held else "planned",
            held_on=date(year, month, 5) if held else None,
            planned_on=None if held else date(year, month, 5),
            topic_section_id=section_id,
        )
        s.add(meeting)
        s.flush()
        return meeting.id


# --- the shipped catalogue ----------------------------------------------------------


def test_shipped_catalogue_has_real_titles_sources_and_monthly_sections():
    files = catalogue_files()
    assert len(files) >= 5
    topics = [load_topic_file(p) for p in files]
    keys = [t.seed_key for t in topics]
    assert len(set(keys)) == len(keys) and all(keys)
    for t in topics:
        assert t.title and unicodedata.is_normalized("NFC", t.title)
        assert all(unicodedata.is_normalized("NFC", s.title) and s.title for s in t.sections)
        assert 6 <= len(t.sections) <= 12, t.seed_key
        assert "Nguồn: " in t.note and "Các mục nội dung: " in t.note, t.seed_key
        assert t.documents and all(d.number and d.issued_on for d in t.documents)
    national = [t for t in topics if t.level == "toan_khoa"]
    assert [t.title for t in national] == [NATIONAL_TITLE]
    assert national[0].documents[0].number == "16-HD/BTGTW"
    assert national[0].documents[0].issued_on == date(2021, 7, 27)


def test_shipped_files_are_readable_json_with_documented_fields():
    for path in catalogue_files():
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert raw["schema"] == 1
        assert raw["seed_key"] == path.stem
        # Compiled sections must never pass for the official text.
        assert raw["sections_source"], path.name
        if "nguyên văn" not in raw["sections_source"]:
            assert COMPILED_MARK in raw["sections_source"], path.name


def test_catalogue_keeps_document_numbers_and_dates_from_the_seeds(db):
    topics = seeded(db)
    hau_giang = topics["hau-giang-2024-2025"]
    assert hau_giang.documents[0].citation == (
        "Kế hoạch số 258-KH/TU ngày 27/3/2024 của Ban Thường vụ Tỉnh ủy Hậu Giang"
    )
    assert hau_giang.study_deadline == date(2024, 4, 15)
    tien_giang = topics["tien-giang-2024"]
    assert tien_giang.title == (
        "Phát huy vai trò nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo, quản lý các cấp"
    )
    assert [d.citation for d in tien_giang.documents][:2] == [
        "Kế hoạch số 122-KH/TU ngày 14/12/2023 của Ban Thường vụ Tỉnh ủy Tiền Giang",
        "Hướng dẫn số 66-HD/BTGTU ngày 14/12/2023 của Ban Tuyên giáo Tỉnh ủy Tiền Giang",
    ]
    assert topics["tra-vinh-2023"].documents[0].number == "57-HD/BTGTU"
    assert topics["tra-vinh-2023"].documents[0].issued_on == date(2022, 12, 27)


def test_loading_the_catalogue_twice_adds_nothing(db):
    first = ensure_seed_topics(db)
    assert first == len(catalogue_files())
    assert ensure_seed_topics(db) == 0
    assert len(list_topics(db)) == first


def test_a_deleted_catalogue_topic_does_not_come_back(db):
    topics = seeded(db)
    delete_topic(db, topics["tra-vinh-2023"].id)
    assert ensure_seed_topics(db) == 0
    assert "tra-vinh-2023" not in {t.seed_key for t in list_topics(db)}


# --- which topic is current ---------------------------------------------------------


def test_mid_year_topic_starts_in_its_launch_month(db):
    hau_giang_cell(db)
    assert current_topic(db, date(2022, 5, 31)).level == "toan_khoa"
    june = current_topic(db, date(2022, 6, 1))
    assert june.seed_key == "hau-giang-2022-2023"
    assert current_topic(db, date(2023, 12, 31)).seed_key == "hau-giang-2022-2023"


def test_two_year_topic_and_topic_carried_into_next_year(db):
    topics = seeded(db)
    two_years = topics["hau-giang-2024-2025"]
    carried = topics["tien-giang-2024"]
    assert two_years.covers(date(2025, 12, 31)) and not two_years.covers(date(2026, 1, 1))
    assert carried.covers(date(2025, 12, 31)) and not carried.covers(date(2026, 1, 1))
    assert not carried.covers(date(2023, 12, 31))
    # Between two provincial topics only the national one is current.
    assert [t.seed_key for t in current_topics(db, date(2024, 1, 15))] == [
        "tien-giang-2024",
        "toan-khoa-2021-2026",
    ]
    assert current_topic(db, date(2026, 6, 1)).seed_key == "toan-khoa-2021-2026"
    assert current_topic(db, date(2027, 1, 1)) is None


def test_local_topic_overrides_the_provincial_and_national_ones(db):
    hau_giang_cell(db)
    local_id = create_topic(
        db, topic(title="Chuyên đề của xã", level="dia_phuong", start_year=2025, start_month=4)
    )
    on = date(2025, 5, 10)
    assert [(t.level.value, t.seed_key) for t in current_topics(db, on)] == [
        ("dia_phuong", None),
        ("tinh", "hau-giang-2024-2025"),
        ("toan_khoa", "toan-khoa-2021-2026"),
    ]
    assert current_topic(db, on).id == local_id
    assert current_topic(db, date(2025, 3, 31)).level == "tinh"


def test_period_labels_read_the_vietnamese_way(db):
    topics = seeded(db)
    assert period_label(topics["hau-giang-2024-2025"]) == "2024 – 2025"
    assert period_label(topics["tra-vinh-2023"]) == "năm 2023"
    assert topics["tien-giang-2024"].period_label == "năm 2024 (tiếp tục năm 2025)"


# --- next year's topic without code --------------------------------------------------


def test_next_years_topic_is_added_from_a_json_file(db, tmp_path):
    seeded(db)
    path = tmp_path / "chuyen-de-2026.json"
    content = {
        "level": "tinh",
        "title": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026",
        "short_title": "Chuyên đề năm 2026",
        "start_year": 2026,
        "study_deadline": "30/4/2026",
        "documents": [{"number": "Số 12-KH/TU", "issuer": "Tỉnh ủy", "date": "15/01/2026"}],
        "sections": ["Mục một", {"title": "Mục hai", "summary": "Tóm tắt"}],
        "source": "Hướng dẫn của cấp trên",
    }
    # Windows Notepad saves with a byte-order mark.
    path.write_bytes(json.dumps(content, ensure_ascii=False).encode("utf-8-sig"))
    topic_id = import_topic_file(db, path)
    stored = get_topic(db, topic_id)
    assert current_topic(db, date(2026, 2, 1)).id == topic_id
    assert stored.documents[0].number == "12-KH/TU"
    assert stored.documents[0].issued_on == date(2026, 1, 15)
    assert stored.study_deadline == date(2026, 4, 30)
    assert [s.title for s in stored.sections] == ["Mục một", "Mục hai"]
    assert stored.period_label == "năm 2026"
    with pytest.raises(DomainError, match="Đã có chuyên đề này"):
        import_topic_file(db, path)


def test_exported_topic_file_imports_into_another_cell(db, tmp_path):
    topics = seeded(db)
    path = tmp_path / "chia-se.json"
    export_topic_file(db, topics["hau-giang-2024-2025"].id, path)
    other = Workspace(tmp_path / "khac", lock=False)
    try:
        copy = get_topic(other.db, import_topic_file(other.db, path))
    finally:
        other.close()
    original = topics["hau-giang-2024-2025"]
    assert copy.title == original.title
    assert [s.title for s in copy.sections] == [s.title for s in original.sections]
    assert copy.documents[0].citation == original.documents[0].citation
    assert copy.seed_key is None


def test_a_wrong_topic_file_is_explained_with_file_and_field(tmp_path):
    path = tmp_path / "sai.json"
    path.write_text(
        json.dumps(
            {"level": "tinh", "titel": "X", "start_year": "năm nay", "start_month": 13},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    with pytest.raises(TopicFileError) as caught:
        load_topic_file(path)
    message = str(caught.value)
    assert "Tệp “sai.json”, trường “titel”" in message and "Có phải là “title”?" in message
    assert "trường “title”: bắt buộc phải có." in message
    assert "trường “start_year”: phải là một số nguyên" in message
    broken = tmp_path / "hong.json"
    broken.write_text('{"level": "tinh",\n "title": }', encoding="utf-8")
    with pytest.raises(TopicFileError, match="“hong.json”.*dòng 2"):
        load_topic_file(broken)


def test_topic_form_rules_are_in_vietnamese(db):
    with pytest.raises(ValidationError) as caught:
        create_topic(
            db,
            topic(
                title="  ",
                start_year=2025,
                end_year=2024,
                documents=[TopicDocumentInfo(number="")],
                sections=[TopicSectionInfo("")],
            ),
        )
    fields = {e.field for e in caught.value.errors}
    assert fields == {"title", "end_year", "documents[0].number", "sections[0].title"}
    assert "Chưa nhập tên chuyên đề." in str(caught.value)


# --- deleting and editing used topics -------------------------------------------------


def test_deleting_a_topic_someone_studied_is_refused_with_the_reason(db):
    topic_id = create_topic(db, topic())
    member_id = create_member(
        db, MemberData(full_name="Nguyễn Văn Thắng", admitted_on=date(1990, 5, 19))
    )
    mark_studied(db, topic_id, [member_id], date(2024, 3, 5), "chi_bo")
    with pytest.raises(DomainError) as caught:
        delete_topic(db, topic_id)
    reason = str(caught.value)
    assert reason.startswith("Không xóa được chuyên đề “Chuyên đề thử”")
    assert "1 đảng viên đã được ghi nhận học tập" in reason
    assert get_topic(db, topic_id).title == "Chuyên đề thử"


def test_deleting_a_topic_studied_at_a_meeting_is_refused_but_an_unused_one_goes(db):
    used_id = create_topic(db, topic())
    add_meeting(db, get_topic(db, used_id).sections[0].id, 2024, 3)
    with pytest.raises(DomainError, match="1 buổi sinh hoạt đã học nội dung"):
        delete_topic(db, used_id)
    unused_id = create_topic(db, topic(title="Chuyên đề chưa dùng"))
    delete_topic(db, unused_id)
    assert [t.id for t in list_topics(db)] == [used_id]


def test_renaming_sections_keeps_meetings_and_removing_a_studied_one_is_refused(db):
    topic_id = create_topic(db, topic())
    first, second = get_topic(db, topic_id).sections
    meeting_id = add_meeting(db, first.id, 2024, 3)
    renamed = TopicSectionInfo("Mục một (sửa)", "", first.position, first.id)
    set_sections(db, topic_id, [("Mục mới", "Tóm tắt"), renamed])
    sections = get_topic(db, topic_id).sections
    assert [s.title for s in sections] == ["Mục mới", "Mục một (sửa)"]
    assert sections[1].id == first.id
    with db.session() as s:
        assert s.get(Meeting, meeting_id).topic_section_id == first.id
    with pytest.raises(DomainError, match="Không bỏ được mục “Mục một \\(sửa\\)”.*tháng 3/2024"):
        set_sections(db, topic_id, ["Chỉ còn mục này"])
    assert second.id not in {s.id for s in sections}


def test_updating_the_header_leaves_sections_alone(db):
    topic_id = create_topic(db, topic())
    update_topic(db, topic_id, topic(title="Tên mới", sections=None, carried_into_year=2025))
    stored = get_topic(db, topic_id)
    assert stored.title == "Tên mới" and len(stored.sections) == 2
    assert stored.covers(date(2025, 6, 1))


# --- planning suggests the next section ----------------------------------------------


# --- the campaign's name ---------------------------------------------------------------


def test_campaign_name_is_editable_and_kept_with_the_cells_data(tmp_path):
    workspace = Workspace(tmp_path / "data", lock=False)
    assert campaign_name(workspace.db) == DEFAULT_CAMPAIGN_NAME
    set_campaign_name(
        workspace.db, "  Học tập và  thực hành theo tư tưởng, đạo đức, phong cách Hồ Chí Minh "
    )
    with pytest.raises(ValidationError, match="không được để trống"):
        set_campaign_name(workspace.db, "   ")
    workspace.close()
    reopened = Workspace(tmp_path / "data", lock=False)
    try:
        assert campaign_name(reopened.db) == (
            "Học tập và thực hành theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
        )
    finally:
        reopened.close()


def test_cell_settings_store_nfc_text_and_return_defaults(db):
    assert get_setting(db, "report_deadline", "30/10") == "30/10"
    set_setting(db, "report_deadline", unicodedata.normalize("NFD", "trước ngày 30/10"))
    assert get_setting(db, "report_deadline") == "trước ngày 30/10"
    assert unicodedata.is_normalized("NFC", get_setting(db, "report_deadline"))


def test_meeting_planning_studies_the_same_topic_the_topics_page_calls_current(db):
    # Two provincial topics starting together (e.g. two provinces' catalogue topics): the
    # meetings used to break the tie one way and the topics page the other.
    older = create_topic(db, topic(title="Chuyên đề tỉnh A"))
    newer = create_topic(db, topic(title="Chuyên đề tỉnh B"))
    on = date(2024, 6, 1)
    from desktop.services.meetings.plan import suggest_study_section

    assert current_topic(db, on).id == newer != older
    assert suggest_study_section(db, on).topic_id == newer
