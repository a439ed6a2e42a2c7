"""The Qt binding in use does not wear down ``None`` until the interpreter aborts.

PySide6 6.12.0 on Python 3.11 returned C++ nulls as ``None`` without a reference; after
minutes of normal use the app died with "none_dealloc". This guards the pin in
pyproject.toml: run in a child process so a defective binding fails, not crashes, the suite.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QComboBox
app = QApplication([])
combo = QComboBox()
combo.addItem("x")
before = sys.getrefcount(None)
for _ in range(5000):
    QApplication.focusWidget()
    combo.currentData()
print(sys.getrefcount(None) - before)
"""


def test_qt_calls_returning_nothing_keep_none_alive():
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip().splitlines()[-1]) >= 0
