"""Members' papers: the roster (danh sách đảng viên).

Modules:
- ``roster``
"""
