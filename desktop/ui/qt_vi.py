"""Vietnamese for Qt's own words (nút Đồng ý / Hủy, hộp chọn tệp, menu chuột phải).

Qt ships no Vietnamese translation (there is no ``qtbase_vi.qm``), so without this the
user would meet "OK", "Cancel", "&Yes", "Look in:" and "Select All" in every dialog.
The tables below are compiled into a Qt translation catalogue at start-up and loaded
into a QTranslator; the source strings are Qt's own (contexts ``QPlatformTheme``,
``QFileDialog``, ``QLineEdit``, …).
Key names in shortcuts ("Ctrl", "Del") are left as printed on the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

# Button texts of QDialogButtonBox / QMessageBox, also used by QWizard and friends.
_BUTTONS = {
    "OK": "Đồng ý",
    "&OK": "Đồng ý",
    "Save": "Lưu",
    "&Save": "&Lưu",
    "Save All": "Lưu tất cả",
    "Open": "Mở",
    "&Open": "&Mở",
    "&Yes": "&Có",
    "Yes": "Có",
    "Yes to &All": "Có với &tất cả",
    "&No": "&Không",
    "No": "Không",
    "N&o to All": "Không với tấ&t cả",
    "Abort": "Dừng",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Close": "Đóng",
    "&Close": "Đó&ng",
    "Cancel": "Hủy",
    "&Cancel": "&Hủy",
    "Discard": "Bỏ đi",
    "Close without Saving": "Đóng, không lưu",
    "Help": "Trợ giúp",
    "&Help": "&Trợ giúp",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
}

# The right-click menu of every text box.
_EDIT_MENU = {
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "&Cắt",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "&Xóa",
    "Select All": "Chọn &tất cả",
    "&Select All": "Chọn &tất cả",
    "Copy &Link Location": "Sao chép địa chỉ &liên kết",
    "Insert Unicode control character": "Chèn ký tự điều khiển Unicode",
}

_FILE_DIALOG = {
    "&Look in:": "&Tìm trong:",
    "Files of &type:": "&Loại tệp:",
    "%1 already exists.": "Tệp %1 đã có.",
    "Do you want to replace it?": "Có muốn ghi đè lên không?",
    "Directory not found.": "Không tìm thấy thư mục.",
    "Please verify the correct directory name was given.": "Hãy kiểm tra lại tên thư mục.",
    "File not found.": "Không tìm thấy tệp.",
    "Please verify the correct file name was given.": "Hãy kiểm tra lại tên tệp.",
    "'%1' is write protected.": "'%1' đang được bảo vệ chống ghi.",
    "Do you want to delete it anyway?": "Vẫn muốn xóa?",
    # The same words in Qt 6.11 and older, where they were still one string each.
    "Look in:": "Tìm trong:",
    "File &name:": "&Tên tệp:",
    "File name:": "Tên tệp:",
    "Files of type:": "Loại tệp:",
    "&Open": "&Mở",
    "&Save": "&Lưu",
    "&Choose": "&Chọn",
    "Open": "Mở tệp",
    "Save As": "Lưu thành",
    "Find Directory": "Chọn thư mục",
    "Directory:": "Thư mục:",
    "Directories": "Thư mục",
    "Back": "Lùi lại",
    "Forward": "Tiến tới",
    "Go back": "Lùi lại",
    "Go forward": "Tiến tới",
    "Parent Directory": "Thư mục cha",
    "Go to the parent directory": "Lên thư mục cha",
    "Create New Folder": "Tạo thư mục mới",
    "Create a New Folder": "Tạo một thư mục mới",
    "New Folder": "Thư mục mới",
    "&New Folder": "Thư mục &mới",
    "List View": "Dạng danh sách",
    "Detail View": "Dạng chi tiết",
    "Change to list view mode": "Xem dạng danh sách",
    "Change to detail view mode": "Xem dạng chi tiết",
    "&Rename": "Đổi &tên",
    "&Delete": "&Xóa",
    "Delete": "Xóa",
    "Remove": "Bỏ khỏi danh sách",
    "Show &hidden files": "Hiện tệp ẩ&n",
    "Show ": "Hiện ",
    "Recent Places": "Nơi mở gần đây",
    "My Computer": "Máy tính",
    "Computer": "Máy tính",
    "Sidebar": "Thanh bên",
    "List of places and bookmarks": "Các nơi hay dùng",
    "All Files (*)": "Mọi tệp (*)",
    "All files (*)": "Mọi tệp (*)",
    "Files": "Tệp",
    "File": "Tệp",
    "File Folder": "Thư mục",
    "Folder": "Thư mục",
    "Drive": "Ổ đĩa",
    "Alias": "Bí danh",
    "Shortcut": "Lối tắt",
    "Unknown": "Không rõ",
    "%1 File": "Tệp %1",
    "%1 already exists.\nDo you want to replace it?": "Tệp %1 đã có.\nCó muốn ghi đè lên không?",
    "%1\nFile not found.\nPlease verify the correct file name was given.": (
        "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp."
    ),
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
        "%1\nKhông tìm thấy thư mục.\nHãy kiểm tra lại tên thư mục."
    ),
    "'%1' is write protected.\nDo you want to delete it anyway?": (
        "'%1' đang được bảo vệ chống ghi.\nVẫn muốn xóa?"
    ),
    "Are you sure you want to delete '%1'?": "Có chắc muốn xóa '%1' không?",
    "Could not delete directory.": "Không xóa được thư mục.",
}

_FILE_MODEL = {
    "Name": "Tên",
    "Size": "Dung lượng",
    "Type": "Loại",
    "Kind": "Loại",
    "Date Modified": "Ngày sửa",
    "My Computer": "Máy tính",
    "Computer": "Máy tính",
    "Invalid filename": "Tên tệp không hợp lệ",
    '<b>The name "%1" cannot be used.</b><p>Try using another name, with fewer characters '
    "or no punctuation marks.": (
        '<b>Không dùng được tên "%1".</b><p>Hãy đặt tên khác, ngắn hơn hoặc không có dấu câu.'
    ),
}

_PRINT_DIALOG = {
    "Print": "In",
    "&Print": "&In",
    "OK": "Đồng ý",
    "&Options >>": "&Tùy chọn >>",
    "&Options <<": "&Tùy chọn <<",
    "Print To File ...": "In ra tệp…",
    "Print to File (PDF)": "In ra tệp (PDF)",
    "Write PDF file": "Ghi tệp PDF",
    "Local file": "Tệp trên máy",
    "All Pages": "Tất cả các trang",
    "Odd Pages": "Trang lẻ",
    "Even Pages": "Trang chẵn",
    "Invalid Pages Definition": "Phạm vi trang không hợp lệ",
    "The 'From' value cannot be greater than the 'To' value.": (
        "Số trang 'Từ' không được lớn hơn số trang 'Đến'."
    ),
    "%1 already exists.\nDo you want to overwrite it?": "Tệp %1 đã có.\nCó muốn ghi đè không?",
    "Left to Right, Top to Bottom": "Trái sang phải, trên xuống dưới",
    "Left to Right, Bottom to Top": "Trái sang phải, dưới lên trên",
    "Right to Left, Top to Bottom": "Phải sang trái, trên xuống dưới",
    "Right to Left, Bottom to Top": "Phải sang trái, dưới lên trên",
    "Top to Bottom, Left to Right": "Trên xuống dưới, trái sang phải",
    "Top to Bottom, Right to Left": "Trên xuống dưới, phải sang trái",
    "Bottom to Top, Left to Right": "Dưới lên trên, trái sang phải",
    "Bottom to Top, Right to Left": "Dưới lên trên, phải sang trái",
}

_PRINT_WIDGET = {
    "Printer": "Máy in",
    "&Name:": "&Tên máy in:",
    "P&roperties": "&Thuộc tính",
    "Location:": "Vị trí:",
    "Preview": "Xem trước",
    "Type:": "Loại:",
    "Output &file:": "&Tệp kết quả:",
    "...": "…",
    "Form": "Mẫu",
}

_PRINT_OUTPUT = {
    "Copies": "Số bản",
    "Copies:": "Số bản:",
    "Collate": "In theo bộ",
    "Reverse": "In ngược thứ tự",
    "Options": "Tùy chọn",
    "Color Mode": "Màu",
    "Color": "In màu",
    "Grayscale": "In đen trắng",
    "Double Sided Printing": "In hai mặt",
    "Off": "Tắt",
    "Long side binding": "Lật theo cạnh dài",
    "Short side binding": "Lật theo cạnh ngắn",
    "Print range": "Phạm vi in",
    "Print all": "In tất cả",
    "Pages from": "Từ trang",
    "to": "đến",
    "Pages": "Các trang",
    "Current Page": "Trang hiện tại",
    "Selection": "Phần đã chọn",
    "Page Set:": "Nhóm trang:",
    "Page &Set:": "&Nhóm trang:",
    "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
    "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.": (
        "Ghi số trang hoặc khoảng trang, cách nhau bằng dấu phẩy; khoảng trang ghi hai số "
        "nối bằng dấu gạch ngang. Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9."
    ),
    "Output Settings": "Thiết lập in",
    "Form": "Mẫu",
}

_PAGE_SETUP = {
    "Paper": "Giấy",
    "Page size:": "Khổ giấy:",
    "Width:": "Rộng:",
    "Height:": "Cao:",
    "Paper source:": "Khay giấy:",
    "Orientation": "Hướng giấy",
    "Portrait": "Dọc",
    "Landscape": "Ngang",
    "Reverse landscape": "Ngang ngược",
    "Reverse portrait": "Dọc ngược",
    "Margins": "Lề",
    "top margin": "lề trên",
    "bottom margin": "lề dưới",
    "left margin": "lề trái",
    "right margin": "lề phải",
    "Page Layout": "Bố cục trang",
    "Page order:": "Thứ tự trang:",
    "Pages per sheet:": "Số trang mỗi tờ:",
    "Page &order:": "&Thứ tự trang:",
    "Pages &per sheet:": "Số trang mỗi &tờ:",
    "Inches (in)": "Inch (in)",
    "Points (pt)": "Point (pt)",
    "Millimeters (mm)": "Milimét (mm)",
    "Custom": "Tùy chỉnh",
    "Form": "Mẫu",
}

_TABLES: dict[str, dict[str, str]] = {
    "QPlatformTheme": _BUTTONS,
    "QGnomeTheme": _BUTTONS,
    "QDialogButtonBox": _BUTTONS,
    "QMessageBox": {
        **_BUTTONS,
        "Show Details...": "Xem chi tiết…",
        "Hide Details...": "Ẩn chi tiết…",
    },
    "QErrorMessage": {
        "&OK": "Đồng ý",
        "&Show this message again": "&Hiện lại thông báo này",
        "Warning:": "Cảnh báo:",
        "Information:": "Thông tin:",
        "Critical Error:": "Lỗi nghiêm trọng:",
        "Fatal Error:": "Lỗi nghiêm trọng:",
        "Debug Message:": "Thông báo gỡ lỗi:",
    },
    "QProgressDialog": {"Cancel": "Hủy"},
    "QInputDialog": {"Enter a value:": "Nhập giá trị:"},
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": _EDIT_MENU,
    "QUnicodeControlCharacterMenu": _EDIT_MENU,
    "QAbstractSpinBox": {
        **_EDIT_MENU,
        "&Step up": "&Tăng",
        "Step &down": "&Giảm",
    },
    "QFileDialog": _FILE_DIALOG,
    "QFileSystemModel": _FILE_MODEL,
    "QAbstractFileIconProvider": {"Drive": "Ổ đĩa", "Folder": "Thư mục", "File": "Tệp"},
    "QPrintDialog": _PRINT_DIALOG,
    "QPrintWidget": _PRINT_WIDGET,
    "QPrintSettingsOutput": _PRINT_OUTPUT,
    "QPageSetupWidget": _PAGE_SETUP,
    "QPrintPropertiesWidget": {"Page": "Trang", "Advanced": "Nâng cao", "Form": "Mẫu"},
    "QPrintPropertiesDialog": {"Printer Properties": "Thuộc tính máy in"},
    "QPrintPreviewDialog": {
        "Print": "In",
        "Print Preview": "Xem trước khi in",
        "Zoom in": "Phóng to",
        "Zoom out": "Thu nhỏ",
        "Fit page": "Vừa trang",
        "Fit width": "Vừa chiều rộng",
        "Next page": "Trang sau",
        "Previous page": "Trang trước",
        "First page": "Trang đầu",
        "Last page": "Trang cuối",
        "Portrait": "Dọc",
        "Landscape": "Ngang",
        "Page setup": "Thiết lập trang",
        "Page Setup": "Thiết lập trang",
        "Export to PDF": "Xuất ra PDF",
    },
    "QUndoStack": {
        "Undo": "Hoàn tác",
        "Redo": "Làm lại",
        "Undo %1": "Hoàn tác: %1",
        "Redo %1": "Làm lại: %1",
    },
    "QUndoGroup": {
        "Undo": "Hoàn tác",
        "Redo": "Làm lại",
        "Undo %1": "Hoàn tác: %1",
        "Redo %1": "Làm lại: %1",
    },
    "QUndoModel": {"<empty>": "<trống>"},
    "QWizard": {
        "< &Back": "< &Quay lại",
        "&Next": "&Tiếp >",
        "&Next >": "&Tiếp >",
        "&Finish": "&Xong",
        "Cancel": "Hủy",
        "&Help": "&Trợ giúp",
        "Help": "Trợ giúp",
        "Done": "Xong",
        "Continue": "Tiếp tục",
        "Commit": "Xác nhận",
        "Go Back": "Quay lại",
    },
    "QDockWidget": {"Close": "Đóng", "Float": "Tách ra"},
    "QScrollBar": {
        "Scroll here": "Cuộn đến đây",
        "Top": "Lên đầu",
        "Bottom": "Xuống cuối",
        "Left edge": "Sát trái",
        "Right edge": "Sát phải",
        "Page up": "Lên một trang",
        "Page down": "Xuống một trang",
        "Page left": "Sang trái một trang",
        "Page right": "Sang phải một trang",
        "Scroll up": "Cuộn lên",
        "Scroll down": "Cuộn xuống",
        "Scroll left": "Cuộn sang trái",
        "Scroll right": "Cuộn sang phải",
    },
    "QTabBar": {"Scroll Left": "Cuộn sang trái", "Scroll Right": "Cuộn sang phải"},
    "QColorDialog": {"Select Color": "Chọn màu"},
    "QFontDialog": {"Select Font": "Chọn phông chữ"},
    "QDialog": {"What's This?": "Đây là gì?"},
    "QWhatsThisAction": {"What's This?": "Đây là gì?"},
    "QComboBox": {"True": "Đúng", "False": "Sai"},
}


def qt_text(context: str, source: str) -> str | None:
    """The Vietnamese for one of Qt's strings, or None when we have none."""
    table = _TABLES.get(context)
    if table is None:
        return None
    return table.get(source)


# --- a .qm file built in memory ----------------------------------------------------------
#
# A Python subclass of QTranslator would be simpler, but PySide6 (6.12) passes Qt's null
# "disambiguation" to the override as None without taking a reference, so every call
# wears None's reference count down until the interpreter aborts ("none_dealloc"). A
# compiled catalogue loaded into a plain QTranslator has no Python in the lookup at all.
# Layout as read by qtranslator.cpp: magic, then tagged blocks; the Hashes block lists
# (elfHash(source + comment), offset) sorted by hash, pointing into the Messages block.

_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_BLOCK_HASHES, _BLOCK_MESSAGES = 0x42, 0x69
_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT = 1, 3, 6, 7


def _elf_hash(data: bytes) -> int:
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def _field(tag: int, data: bytes) -> bytes:
    return bytes([tag]) + len(data).to_bytes(4, "big") + data


def build_qm(tables: dict[str, dict[str, str]] | None = None) -> bytes:
    """A Qt translation catalogue (.qm) of ``tables``: context -> source -> translation."""
    messages = bytearray()
    hashes: list[tuple[int, int]] = []
    for context, table in (tables or _TABLES).items():
        for source, translation in table.items():
            source_bytes = source.encode("utf-8")
            hashes.append((_elf_hash(source_bytes), len(messages)))
            messages += _field(_TAG_TRANSLATION, translation.encode("utf-16-be"))
            messages += _field(_TAG_SOURCE, source_bytes)
            messages += _field(_TAG_CONTEXT, context.encode("utf-8"))
            messages.append(_TAG_END)
    hash_block = b"".join(h.to_bytes(4, "big") + o.to_bytes(4, "big") for h, o in sorted(hashes))
    return _QM_MAGIC + _field(_BLOCK_HASHES, hash_block) + _field(_BLOCK_MESSAGES, bytes(messages))


_installed: QTranslator | None = None
_catalogue: bytes = b""  # QTranslator reads the catalogue in place: keep it alive


def install_vietnamese(app: QCoreApplication) -> QTranslator:
    """Make Qt speak Vietnamese (idempotent): the translator and the default locale."""
    global _installed, _catalogue
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    if _installed is None:
        _catalogue = build_qm()
        translator = QTranslator(app)
        if not translator.load(_catalogue):
            raise RuntimeError("Qt did not accept the Vietnamese catalogue")
        QCoreApplication.installTranslator(translator)
        _installed = translator
    return _installed
