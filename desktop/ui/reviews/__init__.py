"""Kiểm điểm và xếp loại: the year-end review season's page and dialogs."""
