"""The topics part of the main window (chuyên đề học tập và làm theo Bác, cam kết)."""
