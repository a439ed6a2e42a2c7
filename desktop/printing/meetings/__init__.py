"""Meeting papers: agenda and notice, minutes (PDF and .docx from one wording), minutes book.

Modules:
- ``agenda``
- ``minutes``
- ``minutes_book``
- ``minutes_docx``
- ``minutes_text``
- ``paper_text``
"""
