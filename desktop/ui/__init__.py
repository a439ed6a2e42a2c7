"""The Qt face of Sổ Chi bộ: the only package that imports PySide6 (with ``desktop.app``)."""
