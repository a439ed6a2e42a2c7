"""The sample cell (chi bộ mẫu) and synthetic cells of any size (chi bộ giả lập).

Modules:
- ``builder``
- ``meetings``
- ``meetings_text``
- ``review_records``
- ``reviews``
- ``reviews_text``
- ``synthetic``
"""
