"""What leaves the PC (xuất dữ liệu): the package for the superior, backups to a stick, the
handover package, the export log, and the đảng ủy's consolidation of many cells."""
