"""Sinh hoạt chi bộ: the meetings page, the plan dialog and the meeting window."""
