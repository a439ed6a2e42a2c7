"""Sổ Chi bộ: the offline desktop notebook of a party cell secretary (bí thư chi bộ)."""

__version__ = "0.1.0"
