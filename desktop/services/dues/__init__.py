"""Đảng phí: the monthly dues ledger of the cell, by the rules of each period.

What the part offers (plain Python, no Qt):

- ``assignments``: a member's dues class and base amount (đối tượng, mức căn cứ) with the
  month each took effect, so a past month uses the class and rate in force then;
- ``due``: the amount due per member per month, by the pack of that month
  (``desktop.rules.dues_rules``), with the exemptions the pack names;
- ``ledger``: the month's list (danh sách thu, nộp) and the year grid (sổ theo dõi);
- ``collect``: collect a month (all paid, then the exceptions), partial payments,
  prepayment of several months, month closing (khóa sổ), logged corrections and undo;
- ``arrears``: who is behind, with the reminder at 3 unpaid months in the year
  (Điều lệ Đảng, Điều 8);
- ``remittance``: collected, kept by the cell (trích để lại) and remitted upward, per month
  or quarter;
- ``settings``: the cell's zone (vùng, khu vực), retention share and treasurer.
"""
