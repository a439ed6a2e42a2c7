"""Nhập danh sách đảng viên: choose a file, check the columns and the preview, import."""
