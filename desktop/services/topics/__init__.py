"""Study topics (chuyên đề học tập và làm theo): the catalogue, topic files, and the study
round (học tập, quán triệt).

Modules:
- ``catalogue``
- ``data``
- ``deleted`` (topics in "Đã xóa")
- ``files``
- ``study_round``
"""
