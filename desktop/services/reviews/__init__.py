"""The review season (kiểm điểm, đánh giá, xếp loại): commitments, self-reviews, the cell's
proposals and the superior's decisions, warnings, rating history, the collective review,
and the data the review papers print.

Modules:
- ``collective``
- ``commitment_bin`` (commitments in "Đã xóa")
- ``commitment_records``
- ``commitments``
- ``history``
- ``print_data``
- ``rating_checks``
- ``ratings``
- ``roster``
- ``self_reviews``
- ``sheet``
"""
