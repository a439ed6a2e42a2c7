"""Dues papers (đảng phí): the month's list, the year's ledger and the remittance note, as
PDF on the Party-format page and as A4-printable Excel workbooks."""
