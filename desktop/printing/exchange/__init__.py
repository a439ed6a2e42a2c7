"""The đảng ủy's consolidated rating list (PDF and .xlsx).

Modules:
- ``consolidated``
- ``consolidated_xlsx``
"""
