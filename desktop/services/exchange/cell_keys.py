"""The cells' signing keys the superior knows (khóa của các chi bộ), trusted on first use.

The first accepted package of a cell teaches its public key (the short fingerprint is
shown, to be read back to the cell's secretary by phone); every later package of that
cell must be signed by the same key, unless the secretary of the đảng ủy confirms a key
change (a new computer without the handover package). Keys live in the cell_setting
key-value store, so no schema change is needed.
"""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from desktop.errors import DomainError
from desktop.exchange.signing import fingerprint
from desktop.services.cell.settings import read_setting, write_setting

_PREFIX = "cell_key."


class KeyChangeNeeded(DomainError):
    """The package is signed by another key (or none) than the one known for the cell."""

    def __init__(self, message: str, known: str, offered: str) -> None:
        super().__init__(message)
        self.known_fingerprint = known
        self.offered_fingerprint = offered


def _setting_key(cell_uid: str) -> str:
    tail = cell_uid if len(cell_uid) <= 48 else hashlib.sha256(cell_uid.encode()).hexdigest()[:48]
    return _PREFIX + tail


def known_key(session: Session, cell_uid: str) -> bytes | None:
    value = read_setting(session, _setting_key(cell_uid))
    try:
        return bytes.fromhex(value) if value else None
    except ValueError:
        return None


def check_and_remember(
    session: Session, cell_uid: str, cell_name: str, signer: bytes | None, accept_new: bool
) -> str:
    """Raise ``KeyChangeNeeded`` or store the key; return a note for the user ("" if none)."""
    known = known_key(session, cell_uid)
    if signer is None:
        if known is None:
            return (
                f"Gói của chi bộ {cell_name} không có chữ ký số (xuất bằng phiên bản cũ của "
                "Sổ Chi bộ); không kiểm tra được ai đã xuất gói."
            )
        if not accept_new:
            raise KeyChangeNeeded(
                f"Gói của chi bộ {cell_name} KHÔNG có chữ ký số, trong khi các gói trước của "
                f"chi bộ được ký bằng khóa có mã {fingerprint(known)}. Gói có thể đã bị làm "
                "giả. Chỉ nhập khi đã gọi điện hỏi bí thư chi bộ và chắc chắn gói là thật.",
                fingerprint(known),
                "",
            )
        return "Đã nhập gói không có chữ ký số theo xác nhận; khóa cũ của chi bộ vẫn được giữ."
    offered = fingerprint(signer)
    if known == signer:
        return ""
    if known is not None and not accept_new:
        raise KeyChangeNeeded(
            f"Gói của chi bộ {cell_name} được ký bằng một khóa KHÁC (mã {offered}) với khóa "
            f"đã biết của chi bộ (mã {fingerprint(known)}). Có thể chi bộ đã đổi máy mà không "
            "dùng gói bàn giao, hoặc gói đã bị làm giả. Hãy gọi điện cho bí thư chi bộ, đối "
            "chiếu mã khóa mới rồi mới xác nhận đổi khóa.",
            fingerprint(known),
            offered,
        )
    write_setting(session, _setting_key(cell_uid), signer.hex())
    if known is not None:
        return f"Đã đổi khóa của chi bộ {cell_name} sang mã {offered} theo xác nhận."
    return (
        f"Đã ghi nhớ khóa ký gói của chi bộ {cell_name}: mã {offered}. Hãy gọi điện cho bí "
        "thư chi bộ đọc lại mã này; các gói sau phải được ký bằng cùng khóa."
    )
