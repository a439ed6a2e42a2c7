"""The sample cell (chi bộ mẫu) and synthetic cells of any size (chi bộ giả lập).

Modules:
- ``builder``
- ``meetings``
- ``meetings_text``
- ``reviews``
- ``reviews_text``
- ``synthetic``
"""
