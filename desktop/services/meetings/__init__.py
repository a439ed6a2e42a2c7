"""Cell meetings (sinh hoạt chi bộ): plan, agenda, attendance, minutes, tasks, corrections,
the year of meetings, and the data the meeting papers print.

Modules:
- ``agenda``
- ``attendance``
- ``checks``
- ``common``
- ``corrections``
- ``deleted`` (meetings in "Đã xóa")
- ``documents``
- ``minutes``
- ``plan``
- ``print_data``
- ``records``
- ``roster``
- ``state``
- ``study``
- ``tasks``
- ``year``
"""
