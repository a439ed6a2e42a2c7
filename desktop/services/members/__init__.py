"""Members (đảng viên): the registry, the event history (quá trình sinh hoạt đảng), the
status derived from it, reminders (nhắc việc), the roster at a date, and roster import
and export (.xlsx/.csv).

Modules:
- ``events``
- ``exporting``
- ``import_cells``
- ``import_columns``
- ``import_layout``
- ``import_lines``
- ``import_records``
- ``import_report``
- ``import_values``
- ``importing``
- ``registry``
- ``reminders``
- ``roster``
- ``status``
- ``tabular``
"""
