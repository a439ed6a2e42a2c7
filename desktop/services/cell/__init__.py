"""The cell itself (chi bộ): its details for every printed header, its editable settings,
and opening its data folder (thư mục dữ liệu).

Modules:
- ``details``
- ``settings``
- ``workspace``
"""
