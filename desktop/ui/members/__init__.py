"""Đảng viên: the members page, its table, the member form and the event history."""
