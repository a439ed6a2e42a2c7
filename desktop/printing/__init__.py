"""Printed documents (in ấn) on the one Party-format page, with ReportLab.

``page`` holds the shared template (header, title, tables, signatures, page numbers,
atomic PDF writing); each document is a module returning flowables for it, e.g.
``roster.roster_flowables`` and ``roster.write_roster_pdf``. No Qt here.
"""
