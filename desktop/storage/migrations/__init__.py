"""Alembic migrations of the Sổ Chi bộ database, shipped inside the package."""
