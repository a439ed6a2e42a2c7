"""The home page (trang "Việc cần làm")."""
