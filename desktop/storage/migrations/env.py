"""Alembic environment: always run in-process on the connection the app hands over."""

from alembic import context

from desktop.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only ALTER by rebuilding tables
)
with context.begin_transaction():
    context.run_migrations()
