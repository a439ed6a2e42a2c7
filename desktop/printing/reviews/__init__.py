"""Review-season papers: commitment, self-review, rating list (PDF and .xlsx), collective review.

Modules:
- ``collective``
- ``commitment``
- ``rating_list``
- ``rating_xlsx``
- ``self_review``
"""
