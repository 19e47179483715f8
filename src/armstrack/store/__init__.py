"""The store: SQLAlchemy Core on SQLite (default) and PostgreSQL, with Alembic migrations."""
